// SPDX-License-Identifier: GPL-3.0-or-later
#include "evidencehighlighter.h"

#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextDocument>

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;
using uc::gui::TagRow;

QList<EvidenceRun> evidenceRuns(const QList<TagRow> &spans)
{
    QList<EvidenceRun> runs;
    for (const TagRow &span : spans)
        if (span.start >= 0 && span.end > span.start && span.decision != u"rejected")
            runs.append({span.start, span.end, span.decision != u"suggested"});
    std::sort(runs.begin(), runs.end(), [](const EvidenceRun &a, const EvidenceRun &b) { return a.start < b.start; });
    QList<EvidenceRun> merged;
    for (const EvidenceRun &run : std::as_const(runs)) {
        if (!merged.isEmpty() && run.start <= merged.last().end) {
            merged.last().end = std::max(merged.last().end, run.end);
            merged.last().confirmed = merged.last().confirmed || run.confirmed;
        } else {
            merged.append(run);
        }
    }
    return merged;
}

class EvidenceFormatter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;
    QList<TagRow> spans;
    int painted = 0; // blocks painted so far (tests)

protected:
    void highlightBlock(const QString &text) override
    {
        ++painted;
        // A template's "## " heading shows as a heading: the marker shrunk out of sight (it stays
        // in the text, which is how notes are stored), the title larger and bold.
        if (text.startsWith(u"## ")) {
            QTextCharFormat marker;
            marker.setProperty(QTextFormat::FontPixelSize, 1);
            marker.setForeground(Qt::transparent);
            setFormat(0, 3, marker);
            QTextCharFormat heading;
            heading.setFontWeight(QFont::Bold);
            heading.setProperty(QTextFormat::FontPixelSize, 17);
            heading.setForeground(QColor(0x2b, 0x3a, 0x42));
            setFormat(3, static_cast<int>(text.size()) - 3, heading);
        }
        const int blockStart = currentBlock().position();
        const int blockEnd = blockStart + static_cast<int>(text.size());
        for (const EvidenceRun &run : evidenceRuns(spans)) {
            if (run.end <= blockStart || run.start >= blockEnd)
                continue;
            const int from = std::max(run.start, blockStart) - blockStart;
            const int to = std::min(run.end, blockEnd) - blockStart;
            QTextCharFormat format;
            if (!run.confirmed) {
                format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
                format.setUnderlineColor(QColor(0x2f, 0x6f, 0x73));
                format.setBackground(QColor(0xe3, 0xef, 0xef));
            } else {
                format.setBackground(QColor(0xc4, 0xdf, 0xdf));
                format.setFontWeight(QFont::DemiBold);
            }
            setFormat(from, to - from, format);
        }
    }
};

EvidenceHighlighter::EvidenceHighlighter(QObject *parent)
    : QObject(parent)
{
}

EvidenceHighlighter::~EvidenceHighlighter() = default;

void EvidenceHighlighter::setDocument(QQuickTextDocument *document)
{
    if (m_document == document)
        return;
    if (m_document && m_document->textDocument())
        disconnect(m_document->textDocument(), nullptr, this, nullptr);
    m_document = document;
    delete m_formatter;
    if (document && document->textDocument()) {
        // Connected before the formatter (slots run in connection order): the spans follow each
        // edit before the formatter repaints the edited block, so the blocks after it, whose
        // formats are relative to their own start, stay right without being repainted.
        connect(document->textDocument(), &QTextDocument::contentsChange, this, &EvidenceHighlighter::follow);
        m_formatter = new EvidenceFormatter(document->textDocument());
    }
    rebuild();
    Q_EMIT documentChanged();
}

void EvidenceHighlighter::follow(int position, int removed, int added)
{
    if (!m_formatter)
        return;
    // The whole text was replaced (a note opened): the model's places are for this text already.
    if (position == 0 && added >= m_formatter->document()->characterCount() - 1) {
        m_formatter->spans = m_tags ? m_tags->rows() : QList<TagRow>();
        return;
    }
    const int delta = added - removed;
    for (TagRow &span : m_formatter->spans) {
        if (span.start < 0)
            continue;
        if (span.start >= position + removed) {
            span.start += delta;
            span.end += delta;
        } else if (span.end > position) { // the edit touches the span: the next relocation decides
            span.end = std::max(position, span.end + delta);
        }
    }
}

void EvidenceHighlighter::setTags(ThemeTagModel *tags)
{
    if (m_tags == tags)
        return;
    if (m_tags)
        disconnect(m_tags, nullptr, this, nullptr);
    m_tags = tags;
    if (m_tags)
        connect(m_tags, &ThemeTagModel::placesChanged, this, &EvidenceHighlighter::rebuild);
    rebuild();
    Q_EMIT tagsChanged();
}

int EvidenceHighlighter::paintedBlocks() const
{
    return m_formatter ? m_formatter->painted : 0;
}

int EvidenceHighlighter::highlightedLength() const
{
    if (!m_formatter)
        return 0;
    int total = 0;
    for (const EvidenceRun &run : evidenceRuns(m_formatter->spans))
        total += run.end - run.start;
    return total;
}

void EvidenceHighlighter::rebuild()
{
    if (!m_formatter)
        return;
    // Only the blocks where a painted span differs are repainted: a full rehighlight lays out the
    // whole note again, which in a 2,000-word note took the GUI thread 40 to 130 ms per keystroke.
    using Painted = std::tuple<int, int, QString>;
    const auto painted = [](const QList<TagRow> &rows) {
        std::vector<Painted> out;
        for (const TagRow &r : rows)
            if (r.start >= 0 && r.end > r.start && r.decision != u"rejected")
                out.emplace_back(r.start, r.end, r.decision);
        std::sort(out.begin(), out.end());
        return out;
    };
    QList<TagRow> next = m_tags ? m_tags->rows() : QList<TagRow>();
    const std::vector<Painted> before = painted(m_formatter->spans);
    const std::vector<Painted> after = painted(next);
    std::vector<Painted> changed;
    std::set_symmetric_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(changed));
    m_formatter->spans = std::move(next);
    QTextDocument *doc = m_formatter->document();
    std::set<int> blocks;
    for (const auto &[start, end, decision] : changed) {
        QTextBlock block = doc->findBlock(start);
        const QTextBlock last = doc->findBlock(std::max(start, end - 1));
        while (block.isValid()) {
            blocks.insert(block.blockNumber());
            if (block == last || !last.isValid())
                break;
            block = block.next();
        }
    }
    for (int number : blocks)
        m_formatter->rehighlightBlock(doc->findBlockByNumber(number));
}
