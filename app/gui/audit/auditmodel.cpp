// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditmodel.h"

#include "conversions.h"
#include "vaultthread.h"

#include "model/permissions.h"
#include "reports/reports.h"
#include "vault/vault.h"

#include <QDate>
#include <QStandardPaths>

using namespace Qt::StringLiterals;
using uc::vault::AuditEntry;
using Worker = VaultThread::Worker;

AuditModel::AuditModel(VaultThread *vault, QObject *parent)
    : ListModel(parent)
    , m_vault(vault)
{
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_entries.size());
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
    case ObjectLabelRole:
        return m_labels.value(e.object, e.object);
    case DetailRole:
        return e.detail;
    case HashRole:
        return e.hash;
    case SignerRole:
        return e.signer;
    case SignatureRole:
        return signatureState(e, m_verified, m_check);
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditModel::roleNames() const
{
    return {{SeqRole, "seq"},       {AtRole, "at"},         {UserRole, "user"}, {ActionRole, "action"},
            {ObjectRole, "object"}, {DetailRole, "detail"}, {HashRole, "hash"}, {ObjectLabelRole, "objectLabel"},
            {SignerRole, "signer"}, {SignatureRole, "signature"}};
}

QString AuditModel::signatureState(const AuditEntry &entry, bool verified, const uc::vault::AuditCheck &check)
{
    if (entry.signature.isEmpty())
        return u"unsigned"_s;
    if (!verified || (!check.whole && check.broken <= 0))
        return u"unverified"_s;
    // The check names the first entry that fails; the signatures after it vouch for nothing before it.
    return check.whole || entry.seq < check.broken ? u"verified"_s : u"broken"_s;
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

void AuditModel::setVerification(const uc::vault::AuditCheck &check)
{
    m_check = check;
    m_verified = true;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_entries.size()) - 1), {SignatureRole});
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

// ---- on the vault thread

std::optional<uc::vault::AuditFilter> AuditModel::filterOf(const QString &since, const QString &until, const QString &user,
                                                          QString *problem)
{
    uc::vault::AuditFilter filter;
    const QString first = since.trimmed();
    const QString last = until.trimmed();
    const auto from = first.isEmpty() ? std::nullopt : uc::model::parseDate(first);
    const auto to = last.isEmpty() ? std::nullopt : uc::model::parseDate(last);
    if ((!first.isEmpty() && !from) || (!last.isEmpty() && !to)) {
        *problem = tr("The date must be a real date written as YYYY-MM-DD.");
        return std::nullopt;
    }
    if (from && to && *to < *from) {
        *problem = tr("The period ends before it starts.");
        return std::nullopt;
    }
    filter.since = first;
    filter.until = last;
    filter.user = user.trimmed();
    return filter;
}

QHash<QString, QString> AuditModel::objectLabels(uc::vault::Vault &vault)
{
    QHash<QString, QString> labels;
    const QList<uc::model::Client> clients = vault.clients().list();
    for (const uc::model::Client &c : clients)
        labels.insert(u"client:%1"_s.arg(c.id), c.code);
    if (!uc::model::allowed(vault.currentUser().role, uc::model::Action::ReadRecords))
        return labels;
    for (const uc::model::Client &c : clients) {
        for (const uc::vault::NoteEntry &n : vault.notes().listForClient(c.code)) {
            const QString kind = n.kind == uc::model::NoteKind::Process ? tr("process note") : tr("note");
            labels.insert(u"note:%1"_s.arg(n.note), tr("%1 %2, %3").arg(c.code, kind, uc::model::toIso(n.date)));
        }
    }
    return labels;
}

void AuditModel::load(const QString &since, const QString &user, const QString &until)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto filter = filterOf(since, until, user, &problem);
    if (!filter)
        return Q_EMIT failed(Failure(Failure::BadInput, u"load"_s, problem));
    m_filter = *filter;
    verify();
}

void AuditModel::verify()
{
    if (!m_vault || !m_vault->isOpen())
        return;
    struct Listed
    {
        uc::vault::AuditCheck check;
        QList<AuditEntry> entries;
        QHash<QString, QString> labels;
    };
    setLoading(true);
    m_vault->post(
        this, tr("Reading and verifying the audit trail…"),
        [filter = m_filter](Worker &w) {
            uc::vault::Vault &v = w.open();
            Listed listed;
            listed.check = v.auditTrail().verify();
            listed.entries = v.auditTrail().entries(filter);
            listed.labels = objectLabels(v);
            return listed;
        },
        [this](Listed listed) {
            setObjectLabels(std::move(listed.labels));
            setEntries(std::move(listed.entries));
            setVerification(listed.check);
            setLoading(false);
            Q_EMIT loaded();
        },
        [this](const uc::Error &e) {
            setLoading(false);
            Q_EMIT failed(Failure(u"load"_s, e));
        });
}

template<typename Write>
void AuditModel::exportTo(const QString &since, const QString &user, const QString &until, const QString &path,
                          Write write)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto filter = filterOf(since, until, user, &problem);
    if (!filter)
        return Q_EMIT failed(Failure(Failure::BadInput, u"export"_s, problem));
    if (path.isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"export"_s, tr("Choose a file to export to.")));
    m_vault->post(
        this, tr("Exporting the audit trail…"),
        [filter = *filter, path, write = std::move(write)](Worker &w) {
            return static_cast<int>(write(w.open(), filter, path));
        },
        [this, path](int entries) { Q_EMIT exported(entries, path); },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"export"_s, e)); });
}

void AuditModel::exportCsv(const QString &since, const QString &user, const QString &file, const QString &until)
{
    exportTo(since, user, until, uc::gui::withSuffix(uc::gui::localPathOf(file), u".csv"_s),
             [](uc::vault::Vault &v, const uc::vault::AuditFilter &filter, const QString &path) {
                 return v.auditTrail().exportCsv(filter, path);
             });
}

void AuditModel::exportPdf(const QString &since, const QString &user, const QString &file, const QString &until)
{
    // The same field serves both exports: a ".csv" typed there becomes ".pdf".
    QString path = uc::gui::localPathOf(file);
    if (path.endsWith(u".csv"_s, Qt::CaseInsensitive))
        path.chop(4);
    exportTo(since, user, until, uc::gui::withSuffix(path, u".pdf"_s),
             [](uc::vault::Vault &v, const uc::vault::AuditFilter &filter, const QString &path) {
                 return uc::reports::writeAuditPdf(v, filter, path);
             });
}
