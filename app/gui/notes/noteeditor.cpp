// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteeditor.h"

#include <QSyntaxHighlighter>
#include <QTextCharFormat>
#include <QTextBlock>
#include <QTextDocument>

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

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
    setTags(tags, edited, edited);
}

void ThemeTagModel::setTags(const QList<TagRow> &tags, const QString &placedIn, const QString &edited)
{
    QList<TagRow> placed;
    placed.reserve(tags.size());
    for (const TagRow &t : tags) {
        TagRow p = t;
        const auto where = uc::gui::locate(placedIn, t);
        p.start = where ? where->first : -1;
        p.end = where ? where->second : -1;
        placed.append(p);
    }
    if (edited != placedIn)
        (void)movePlaces(placed, tags, placedIn, edited); // typed since the save was sent

    // Fresh tags after each save are mostly the ones on screen: rows that are the same (theme,
    // words, place, decision) stay, and only the run that differs is removed and inserted, so the
    // list's delegates are not all made again (a reset took 20 to 60 ms with 600 tags).
    const auto same = [](const TagRow &a, const TagRow &b) {
        return a.start == b.start && a.end == b.end && a.theme == b.theme && a.decision == b.decision
               && a.evidence == b.evidence;
    };
    const qsizetype shorter = std::min(m_placed.size(), placed.size());
    qsizetype head = 0;
    while (head < shorter && same(m_placed.at(head), placed.at(head)))
        ++head;
    qsizetype tail = 0;
    while (tail < shorter - head && same(m_placed.at(m_placed.size() - 1 - tail), placed.at(placed.size() - 1 - tail)))
        ++tail;
    const qsizetype oldMiddle = m_placed.size() - head - tail;
    const qsizetype newMiddle = placed.size() - head - tail;
    if (oldMiddle > 0) {
        beginRemoveRows({}, static_cast<int>(head), static_cast<int>(head + oldMiddle - 1));
        m_placed.remove(head, oldMiddle);
        m_stored.remove(head, oldMiddle);
        endRemoveRows();
    }
    if (newMiddle > 0) {
        beginInsertRows({}, static_cast<int>(head), static_cast<int>(head + newMiddle - 1));
        m_placed.insert(head, newMiddle, TagRow{});
        m_stored.insert(head, newMiddle, TagRow{});
        for (qsizetype k = head; k < head + newMiddle; ++k) {
            m_placed[k] = placed.at(k);
            m_stored[k] = tags.at(k);
        }
        endInsertRows();
    }
    // The rows kept may carry new ids (the vault re-tags on save) and new stored offsets.
    bool idsChanged = false;
    for (qsizetype k = 0; k < placed.size(); ++k)
        idsChanged = idsChanged || m_placed.at(k).id != placed.at(k).id;
    m_placed = std::move(placed);
    m_stored = tags;
    m_text = edited;
    if (idsChanged && !m_placed.isEmpty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_placed.size() - 1)), {TagIdRole});
    if (oldMiddle != newMiddle)
        Q_EMIT countChanged();
    Q_EMIT placesChanged();
}

void ThemeTagModel::relocate(const QString &edited)
{
    const QString before = std::exchange(m_text, edited);
    const QList<qsizetype> moved = movePlaces(m_placed, m_stored, before, edited);
    for (qsizetype i : moved) {
        const QModelIndex at = index(static_cast<int>(i));
        Q_EMIT dataChanged(at, at, {StartRole, EndRole});
    }
    if (!moved.isEmpty())
        Q_EMIT placesChanged();
}

QList<qsizetype> ThemeTagModel::movePlaces(QList<TagRow> &placed, const QList<TagRow> &stored, const QString &before,
                                           const QString &edited)
{
    // Where the text changed: the common prefix and suffix of the two. Words before the change
    // stay, words after it move by the change in length, and only words the change touched are
    // looked for again (searching the whole note for every tag on every keystroke took 20 ms a
    // key in a 2,000-word note).
    const qsizetype shorter = std::min(before.size(), edited.size());
    qsizetype prefix = 0;
    while (prefix < shorter && before.at(prefix) == edited.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shorter - prefix && before.at(before.size() - 1 - suffix) == edited.at(edited.size() - 1 - suffix))
        ++suffix;
    const qsizetype changedEnd = before.size() - suffix; // the change covers [prefix, changedEnd) of before
    const auto delta = static_cast<int>(edited.size() - before.size());
    QList<qsizetype> moved;
    for (qsizetype i = 0; i < placed.size(); ++i) {
        const TagRow &was = placed.at(i);
        std::optional<std::pair<int, int>> where;
        if (was.start >= 0 && was.end <= prefix) {
            where = std::make_pair(was.start, was.end);
        } else if (was.start >= 0 && was.start >= changedEnd) {
            where = std::make_pair(was.start + delta, was.end + delta);
        } else {
            TagRow hint = stored.at(i);
            if (was.start >= 0) {
                hint.start = was.start;
                hint.end = was.end;
            }
            where = uc::gui::locate(edited, hint);
        }
        const int start = where ? where->first : -1;
        const int end = where ? where->second : -1;
        if (start != placed[i].start || end != placed[i].end) {
            placed[i].start = start;
            placed[i].end = end;
            moved.append(i);
        }
    }
    return moved;
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

QVariantList NoteEditor::themes() const
{
    QVariantList list;
    for (const auto &[id, label] : m_data.themes)
        list.append(QVariantMap{{u"id"_s, id}, {u"label"_s, label}});
    return list;
}

QString NoteEditor::textAsSaved() const
{
    if (!m_unsaved && m_inFlight == 0)
        return m_data.text;
    return uc::model::textOf(uc::model::sectionsFromText(m_edited, m_data.templateId));
}

std::optional<std::pair<int, int>> NoteEditor::savedSpanOf(int start, int end) const
{
    start = std::max(0, start);
    end = std::min(end, static_cast<int>(m_edited.size()));
    while (start < end && m_edited.at(start).isSpace())
        ++start;
    while (end > start && m_edited.at(end - 1).isSpace())
        --end;
    if (end <= start)
        return std::nullopt;
    // The saved text differs from the screen only by the spaces a save trims around sections, so
    // the words are looked for near where they are on screen.
    TagRow words;
    words.start = start;
    words.end = end;
    words.evidence = m_edited.mid(start, end - start);
    const QString saved = textAsSaved();
    const auto where = uc::gui::locate(saved, words);
    if (!where)
        return std::nullopt;
    const auto codePoints = [&saved](int units) { return static_cast<int>(QStringView(saved).left(units).toUcs4().size()); };
    return std::make_pair(codePoints(where->first), codePoints(where->second));
}

QVariantMap NoteEditor::session() const
{
    return {{u"start"_s, m_data.start},       {u"minutes"_s, m_data.minutes},
            {u"modality"_s, m_data.modality}, {u"setting"_s, m_data.setting},
            {u"groupTopic"_s, m_data.groupTopic}, {u"attendance"_s, m_data.attendance}};
}

QVariantList NoteEditor::members() const
{
    QVariantList list;
    for (const auto &[id, code] : m_data.members)
        list.append(QVariantMap{{u"noteId"_s, QVariant::fromValue(static_cast<qint64>(id))}, {u"clientCode"_s, code}});
    return list;
}

int NoteEditor::memberIndex() const
{
    for (qsizetype i = 0; i < m_data.members.size(); ++i)
        if (m_data.members.at(i).first == m_data.id)
            return static_cast<int>(i);
    return -1;
}

QVariantMap NoteEditor::fields() const
{
    const uc::gui::AddictionFields &f = m_fields;
    return {{u"cravings"_s, f.cravings}, {u"cravingsText"_s, f.cravingsText}, {u"stage"_s, f.stage},
            {u"stageText"_s, f.stageText}, {u"substance"_s, f.substance}, {u"amount"_s, f.amount},
            {u"lastUse"_s, f.lastUse}, {u"useText"_s, f.useText}, {u"triggers"_s, f.triggers}};
}

void NoteEditor::setField(const QString &name, const QVariant &value)
{
    if (readOnly() || !hasAddictionFields())
        return;
    uc::gui::AddictionFields f = m_fields;
    QStringView title;
    QString body;
    if (name == u"cravings" || name == u"stage") {
        bool ok = false;
        const int n = value.toInt(&ok);
        const int top = name == u"cravings" ? 10 : static_cast<int>(stages().size()) - 1;
        if (!ok || n < -1 || n > top)
            return;
        if (name == u"cravings") {
            f.cravings = n;
            f.cravingsText.clear();
            title = uc::gui::cravingsSection;
            body = uc::gui::cravingsText(n);
        } else {
            f.stage = n;
            f.stageText.clear();
            title = uc::gui::stageSection;
            body = uc::gui::stageText(n);
        }
    } else if (name == u"substance" || name == u"amount" || name == u"lastUse") {
        (name == u"substance" ? f.substance : name == u"amount" ? f.amount : f.lastUse) = value.toString();
        title = uc::gui::useSection;
        body = uc::gui::useText(f.substance, f.amount, f.lastUse, f.useText);
    } else if (name == u"triggers") {
        f.triggers = value.toString();
        title = uc::gui::triggersSection;
        body = f.triggers.trimmed();
    } else {
        return;
    }
    const uc::gui::TextEdit change = uc::gui::sectionEdit(m_edited, title, body);
    m_fields = f; // as typed (spaces and all); the text holds their tidy form
    edit(change.applyTo(m_edited));
    Q_EMIT fieldsChanged();
    Q_EMIT textReplaced(static_cast<int>(change.position), static_cast<int>(change.removed), change.inserted);
}

void NoteEditor::refreshFields(bool force)
{
    if (!hasAddictionFields()) {
        if (force || m_fields != uc::gui::AddictionFields{}) {
            m_fields = {};
            Q_EMIT fieldsChanged();
        }
        return;
    }
    const uc::gui::AddictionFields read = uc::gui::addictionFieldsOf(uc::model::sectionsFromText(m_edited, m_data.templateId));
    uc::gui::AddictionFields shown = m_fields;
    shown.substance = shown.substance.simplified();
    shown.amount = shown.amount.simplified();
    shown.lastUse = shown.lastUse.simplified();
    shown.triggers = shown.triggers.trimmed();
    if (!force && read == shown)
        return;
    m_fields = read;
    Q_EMIT fieldsChanged();
}

void NoteEditor::edit(const QString &text)
{
    if (readOnly() || text == m_edited)
        return;
    m_edited = text;
    if (hasAddictionFields())
        refreshFields(false);
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
    refreshFields(true);
    Q_EMIT loaded();
}

void NoteEditor::saved(const QString &storedText, const QList<TagRow> &tags)
{
    m_inFlight = std::max(0, m_inFlight - 1);
    m_data.text = storedText;
    m_data.tags = tags;
    m_tags->setTags(tags, storedText, m_edited);
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
    m_tags->setTags(tags, m_data.text, m_edited);
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
    refreshFields(true);
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
    int painted = 0; // blocks painted so far (tests)

protected:
    void highlightBlock(const QString &text) override
    {
        ++painted;
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
