// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteeditor.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTextDocument>

using namespace Qt::StringLiterals;
using uc::gui::TagRow;

// ---- ThemeTagModel

int ThemeTagModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_placed.size());
}

QVariant ThemeTagModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const TagRow &row = m_placed.at(index.row());
    switch (role) {
    case TagIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.id));
    case ThemeRole:
        return row.theme;
    case Qt::DisplayRole:
    case LabelRole:
        return row.label;
    case EvidenceRole:
        return row.evidence;
    case DecisionRole:
        return row.decision;
    case StartRole:
        return row.start;
    case EndRole:
        return row.end;
    default:
        return {};
    }
}

QHash<int, QByteArray> ThemeTagModel::roleNames() const
{
    return {{TagIdRole, "tagId"},       {ThemeRole, "theme"}, {LabelRole, "label"}, {EvidenceRole, "evidence"},
            {DecisionRole, "decision"}, {StartRole, "start"}, {EndRole, "end"}};
}

void ThemeTagModel::setTags(const QList<TagRow> &tags, const QString &edited)
{
    beginResetModel();
    m_stored = tags;
    m_placed.clear();
    for (const TagRow &t : tags) {
        TagRow placed = t;
        const auto where = uc::gui::locate(edited, t);
        placed.start = where ? where->first : -1;
        placed.end = where ? where->second : -1;
        m_placed.append(placed);
    }
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT placesChanged();
}

void ThemeTagModel::relocate(const QString &edited)
{
    bool moved = false;
    for (qsizetype i = 0; i < m_placed.size(); ++i) {
        const auto where = uc::gui::locate(edited, m_stored.at(i));
        const int start = where ? where->first : -1;
        const int end = where ? where->second : -1;
        if (start != m_placed[i].start || end != m_placed[i].end) {
            m_placed[i].start = start;
            m_placed[i].end = end;
            const QModelIndex at = index(static_cast<int>(i));
            Q_EMIT dataChanged(at, at, {StartRole, EndRole});
            moved = true;
        }
    }
    if (moved)
        Q_EMIT placesChanged();
}

void ThemeTagModel::clear()
{
    setTags({}, {});
}

// ---- NoteEditor

NoteEditor::NoteEditor(QObject *parent)
    : QObject(parent)
    , m_tags(new ThemeTagModel(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &NoteEditor::flush);
    m_maxWait.setSingleShot(true);
    m_maxWait.setInterval(maxWaitMs);
    connect(&m_maxWait, &QTimer::timeout, this, &NoteEditor::flush);
}

QVariantList NoteEditor::addenda() const
{
    QVariantList list;
    for (const auto &a : m_data.addenda)
        list.append(QVariantMap{{u"author"_s, a.author}, {u"text"_s, a.text}, {u"signedAt"_s, a.signedAt}});
    return list;
}

void NoteEditor::edit(const QString &text)
{
    if (readOnly() || text == m_edited)
        return;
    m_edited = text;
    if (!m_unsaved)
        m_maxWait.start(); // the clock for the oldest unsaved keystroke
    m_unsaved = true;
    setSaveState(u"unsaved"_s);
    m_tags->relocate(text);
    m_debounce.start();
}

void NoteEditor::flush()
{
    m_debounce.stop();
    m_maxWait.stop();
    if (!m_unsaved || readOnly())
        return;
    m_unsaved = false;
    ++m_inFlight;
    setSaveState(u"saving"_s);
    Q_EMIT saveRequested(m_data.id, m_data.templateId, m_edited);
}

void NoteEditor::set(uc::gui::NoteData data)
{
    m_debounce.stop();
    m_maxWait.stop();
    m_unsaved = false;
    m_inFlight = 0;
    m_data = std::move(data);
    m_edited = m_data.text;
    m_tags->setTags(m_data.tags, m_edited);
    setSaveState(u"saved"_s);
    Q_EMIT loaded();
}

void NoteEditor::saved(const QString &storedText, const QList<TagRow> &tags)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    m_data.text = storedText;
    m_data.tags = tags;
    m_tags->setTags(tags, m_edited);
    if (m_inFlight == 0 && !m_unsaved)
        setSaveState(u"saved"_s);
}

void NoteEditor::saveFailed()
{
    m_inFlight = std::max(0, m_inFlight - 1);
    m_unsaved = true; // kept on screen; the next keystroke or flush tries again
    setSaveState(u"unsaved"_s);
}

void NoteEditor::setTags(const QList<TagRow> &tags)
{
    m_data.tags = tags;
    m_tags->setTags(tags, m_edited);
}

void NoteEditor::clear()
{
    m_debounce.stop();
    m_maxWait.stop();
    m_unsaved = false;
    m_inFlight = 0;
    m_data = {};
    m_edited.clear();
    m_tags->clear();
    setSaveState(u"saved"_s);
    Q_EMIT loaded();
}

void NoteEditor::setSaveState(const QString &state)
{
    if (m_saveState == state)
        return;
    m_saveState = state;
    Q_EMIT saveStateChanged();
}

// ---- EvidenceHighlighter

class EvidenceFormatter : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;
    QList<TagRow> spans;

protected:
    void highlightBlock(const QString &text) override
    {
        // The "## " headings the template put there, quietly bold.
        if (text.startsWith(u"## ")) {
            QTextCharFormat heading;
            heading.setFontWeight(QFont::DemiBold);
            heading.setForeground(QColor(0x5b, 0x67, 0x75));
            setFormat(0, static_cast<int>(text.size()), heading);
        }
        const int blockStart = currentBlock().position();
        const int blockEnd = blockStart + static_cast<int>(text.size());
        for (const TagRow &span : std::as_const(spans)) {
            if (span.start < 0 || span.decision == u"rejected" || span.end <= blockStart || span.start >= blockEnd)
                continue;
            const int from = std::max(span.start, blockStart) - blockStart;
            const int to = std::min(span.end, blockEnd) - blockStart;
            QTextCharFormat format;
            if (span.decision == u"suggested") {
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
    m_document = document;
    delete m_formatter;
    if (document && document->textDocument())
        m_formatter = new EvidenceFormatter(document->textDocument());
    rebuild();
    Q_EMIT documentChanged();
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

int EvidenceHighlighter::highlightedLength() const
{
    if (!m_formatter)
        return 0;
    int total = 0;
    for (const TagRow &span : std::as_const(m_formatter->spans)) {
        if (span.start >= 0 && span.decision != u"rejected")
            total += span.end - span.start;
    }
    return total;
}

void EvidenceHighlighter::rebuild()
{
    if (!m_formatter)
        return;
    m_formatter->spans = m_tags ? m_tags->rows() : QList<TagRow>();
    m_formatter->rehighlight();
}
