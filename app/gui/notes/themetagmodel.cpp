// SPDX-License-Identifier: GPL-3.0-or-later
#include "themetagmodel.h"

#include <algorithm>
#include <climits>
#include <utility>

using namespace Qt::StringLiterals;
using uc::gui::TagRow;

int ThemeTagModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_placed.size());
}

QVariant ThemeTagModel::data(const QModelIndex &index, int role) const
{
    const TagRow &row = rowAt(m_placed, index);
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
    case ReadingRole:
        return row.reading;
    default:
        return {};
    }
}

QHash<int, QByteArray> ThemeTagModel::roleNames() const
{
    return {{TagIdRole, "tagId"},       {ThemeRole, "theme"}, {LabelRole, "label"}, {EvidenceRole, "evidence"},
            {DecisionRole, "decision"}, {StartRole, "start"}, {EndRole, "end"}, {ReadingRole, "reading"}};
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
               && a.evidence == b.evidence && a.reading == b.reading;
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

QVariantList ThemeTagModel::themes() const
{
    struct Theme
    {
        QString theme;
        QString label;
        int first = 0;
        QVariantList tagIds;
        QVariantList evidence;
        QStringList decisions;
    };
    QList<Theme> themes;
    for (const TagRow &row : m_placed) {
        auto found = std::find_if(themes.begin(), themes.end(), [&](const Theme &t) { return t.theme == row.theme; });
        if (found == themes.end()) {
            themes.append({row.theme, row.label, row.start < 0 ? INT_MAX : row.start, {}, {}, {}});
            found = themes.end() - 1;
        }
        if (row.start >= 0)
            found->first = std::min(found->first, row.start);
        found->tagIds.append(QVariant::fromValue(static_cast<qint64>(row.id)));
        found->evidence.append(QVariantMap{{u"words"_s, row.evidence}, {u"decision"_s, row.decision}, {u"inText"_s, row.start >= 0}, {u"reading"_s, row.reading}});
        found->decisions.append(row.decision);
    }
    std::stable_sort(themes.begin(), themes.end(), [](const Theme &a, const Theme &b) { return a.first < b.first; });
    QVariantList out;
    for (const Theme &t : std::as_const(themes)) {
        const QString decision = t.decisions.contains(u"confirmed"_s) || t.decisions.contains(u"manual"_s) ? u"confirmed"_s
                                 : t.decisions.contains(u"suggested"_s)                                  ? u"suggested"_s
                                                                                                           : u"rejected"_s;
        out.append(QVariantMap{{u"theme"_s, t.theme},
                               {u"label"_s, t.label},
                               {u"decision"_s, decision},
                               {u"tagIds"_s, t.tagIds},
                               {u"evidence"_s, t.evidence}});
    }
    return out;
}

void ThemeTagModel::clear()
{
    setTags({}, {});
}
