// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewqueuemodel.h"

#include "failure.h"
#include "vaultthread.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;
using uc::gui::QueueRow;
using Worker = VaultThread::Worker;

namespace {

struct Loaded
{
    QList<QueueRow> rows;
    QString problem;
};

} // namespace

ReviewQueueModel::ReviewQueueModel(VaultThread *vault, QObject *parent)
    : ListModel(parent)
    , m_vault(vault)
{
}

int ReviewQueueModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QString ReviewQueueModel::waitingText(int days)
{
    if (days <= 0)
        return u"signed today"_s;
    return days == 1 ? u"waiting 1 day"_s : u"waiting %1 days"_s.arg(days);
}

QVariant ReviewQueueModel::data(const QModelIndex &index, int role) const
{
    const QueueRow &row = rowAt(m_rows, index);
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
        return row.mode == u"practice"           ? u"from the practice"_s
            : row.mode == u"through-practice" ? u"through the practice"_s
            : row.mode == u"must-cosign" ? u"co-signature required"_s
                                         : u"co-signature optional"_s;
    case SignedAtRole:
        return row.signedAt;
    case DaysWaitingRole:
        return row.daysWaiting;
    case WaitingTextRole:
        return row.cosigned ? u"co-signed"_s : waitingText(row.daysWaiting);
    case ReturnedRole:
        return row.returned;
    case CommentsRole:
        return row.comments;
    case OpenRiskRole:
        return row.openRisk;
    case ItemRole:
        return row.item;
    case FromPracticeRole:
        return !row.item.isEmpty();
    case AuthorMemberRole:
        return row.authorMember;
    case CosignedRole:
        return row.cosigned;
    default:
        return {};
    }
}

QHash<int, QByteArray> ReviewQueueModel::roleNames() const
{
    return {{NoteIdRole, "noteId"},       {ClientCodeRole, "clientCode"},   {SessionDateRole, "sessionDate"},
            {TherapistRole, "therapist"}, {SupervisorRole, "supervisor"},   {ModeRole, "mode"},
            {ModeLabelRole, "modeLabel"}, {SignedAtRole, "signedAt"},       {DaysWaitingRole, "daysWaiting"},
            {WaitingTextRole, "waitingText"}, {ReturnedRole, "returned"}, {CommentsRole, "comments"},
            {OpenRiskRole, "openRisk"},   {ItemRole, "item"},             {FromPracticeRole, "fromPractice"},
            {AuthorMemberRole, "authorMember"}, {CosignedRole, "cosigned"}};
}

int ReviewQueueModel::returnedCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const QueueRow &r) { return r.returned; }));
}

int ReviewQueueModel::waitingCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const QueueRow &r) { return !r.cosigned; }));
}

void ReviewQueueModel::setPracticeProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT practiceProblemChanged();
}

void ReviewQueueModel::clear()
{
    setRows({});
    setPracticeProblem({});
    setLoading(false);
}

int ReviewQueueModel::indexOfItem(const QString &item) const
{
    if (item.isEmpty())
        return -1;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).item == item)
            return static_cast<int>(i);
    }
    return -1;
}

void ReviewQueueModel::markCosigned(const QString &item)
{
    const int row = indexOfItem(item);
    if (row < 0 || m_rows.at(row).cosigned)
        return;
    m_rows[row].cosigned = true;
    const QModelIndex at = index(row);
    Q_EMIT dataChanged(at, at, {WaitingTextRole, CosignedRole});
    Q_EMIT countChanged();
}

int ReviewQueueModel::indexOf(qint64 noteId) const
{
    if (noteId <= 0)
        return -1; // a received note has none
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).noteId == noteId)
            return static_cast<int>(i);
    }
    return -1;
}

void ReviewQueueModel::reload()
{
    if (!m_vault || !m_vault->isOpen())
        return;
    setLoading(true);
    m_vault->post(
        this, tr("Loading the review queue…"),
        [](Worker &w) {
            Loaded queue;
            queue.rows = uc::gui::loadQueue(w.open(), boost::gregorian::day_clock::universal_day(), queue.problem);
            return queue;
        },
        [this](Loaded queue) {
            setRows(std::move(queue.rows));
            setPracticeProblem(queue.problem);
            setLoading(false);
            Q_EMIT loaded();
        },
        [this](const uc::Error &e) {
            setLoading(false);
            m_vault->report(Failure(u"load"_s, e));
        });
}
