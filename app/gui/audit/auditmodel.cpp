// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditmodel.h"

#include <QDate>
#include <QLocale>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using uc::vault::AuditEntry;

AuditModel::AuditModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const qsizetype at = m_newestFirst ? m_entries.size() - 1 - index.row() : index.row();
    const AuditEntry &e = m_entries.at(at);
    switch (role) {
    case SeqRole:
        return e.seq;
    case AtRole:
        return e.at;
    case UserRole:
        return e.user;
    case Qt::DisplayRole:
    case ActionRole:
        return e.action;
    case ObjectRole:
        return e.object;
    case DetailRole:
        return e.detail;
    case HashRole:
        return e.hash;
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditModel::roleNames() const
{
    return {{SeqRole, "seq"},       {AtRole, "at"},         {UserRole, "user"}, {ActionRole, "action"},
            {ObjectRole, "object"}, {DetailRole, "detail"}, {HashRole, "hash"}};
}

void AuditModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void AuditModel::setNewestFirst(bool newestFirst)
{
    if (m_newestFirst == newestFirst)
        return;
    beginResetModel();
    m_newestFirst = newestFirst;
    endResetModel();
    Q_EMIT newestFirstChanged();
}

QString AuditModel::describe(const uc::vault::AuditCheck &check)
{
    const QString entries = check.count == 1 ? u"1 entry"_s : u"%1 entries"_s.arg(check.count);
    if (check.whole)
        return u"Audit trail whole: %1"_s.arg(entries);
    const QString where = check.broken > 0 ? u"at entry %1"_s.arg(check.broken) : u"at the trail's head"_s;
    return u"Audit trail broken %1: %2 (%3 checked)"_s.arg(where, check.reason, entries);
}

QString AuditModel::verificationText() const
{
    return m_verified ? describe(m_check) : QString();
}

void AuditModel::setEntries(QList<AuditEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
    Q_EMIT countChanged();
}

void AuditModel::setVerification(const uc::vault::AuditCheck &check)
{
    m_check = check;
    m_verified = true;
    Q_EMIT verificationChanged();
}

void AuditModel::clear()
{
    setEntries({});
    setLoading(false);
    m_check = {};
    m_verified = false;
    Q_EMIT verificationChanged();
}

QString AuditModel::suggestedFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return dir + u"/undercurrent-audit-"_s + QDate::currentDate().toString(Qt::ISODate) + u".csv"_s;
}
