// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewqueuemodel.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using uc::gui::QueueRow;

ReviewQueueModel::ReviewQueueModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QString ReviewQueueModel::waitingText(int days)
{
    if (days <= 0)
        return u"signed today"_s;
    return days == 1 ? u"waiting 1 day"_s : u"waiting %1 days"_s.arg(days);
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const QueueRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ClientCodeRole:
        return row.clientCode;
    case NoteIdRole:
        return static_cast<qint64>(row.noteId);
    case SessionDateRole:
        return row.sessionDate;
    case TherapistRole:
        return row.therapist;
    case SupervisorRole:
        return row.supervisor;
    case ModeRole:
        return row.mode;
    case ModeLabelRole:
        return row.mode == u"must-cosign" ? u"co-signature required"_s : u"co-signature optional"_s;
    case SignedAtRole:
        return row.signedAt;
    case DaysWaitingRole:
        return row.daysWaiting;
    case WaitingTextRole:
        return waitingText(row.daysWaiting);
    case ReturnedRole:
        return row.returned;
    case CommentsRole:
        return row.comments;
    default:
        return {};
    }
}

QHash<int, QByteArray> ReviewQueueModel::roleNames() const
{
    return {{NoteIdRole, "noteId"},       {ClientCodeRole, "clientCode"},   {SessionDateRole, "sessionDate"},
            {TherapistRole, "therapist"}, {SupervisorRole, "supervisor"},   {ModeRole, "mode"},
            {ModeLabelRole, "modeLabel"}, {SignedAtRole, "signedAt"},       {DaysWaitingRole, "daysWaiting"},
            {WaitingTextRole, "waitingText"}, {ReturnedRole, "returned"}, {CommentsRole, "comments"}};
}

int ReviewQueueModel::returnedCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const QueueRow &r) { return r.returned; }));
}

void ReviewQueueModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void ReviewQueueModel::setRows(QList<QueueRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    Q_EMIT countChanged();
}

void ReviewQueueModel::clear()
{
    setRows({});
    setLoading(false);
}

int ReviewQueueModel::indexOf(qint64 noteId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).noteId == noteId)
            return static_cast<int>(i);
    }
    return -1;
}

NoteReview::NoteReview(QObject *parent)
    : QObject(parent)
    , m_tags(new ThemeTagModel(this))
{
}

QVariantList NoteReview::addenda() const
{
    QVariantList list;
    for (const uc::gui::AddendumRow &a : m_data.addenda)
        list.append(QVariantMap{{u"author"_s, a.author}, {u"text"_s, a.text}, {u"signedAt"_s, a.signedAt}});
    return list;
}

QVariantList NoteReview::comments() const
{
    QVariantList list;
    for (const uc::gui::CommentRow &c : m_data.comments)
        list.append(QVariantMap{{u"author"_s, c.author}, {u"returned"_s, c.returned}, {u"text"_s, c.text},
                                {u"created"_s, c.created}});
    return list;
}

void NoteReview::set(uc::gui::ReviewNoteData data)
{
    m_data = std::move(data);
    m_tags->setTags(m_data.tags, m_data.text);
    Q_EMIT loaded();
}

void NoteReview::clear()
{
    m_data = {};
    m_tags->clear();
    Q_EMIT loaded();
}
