// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/audittrail.h"

#include "common/safefile.h"
#include "vault/auditpin.h"
#include "vault/state.h"

#include <QFile>

namespace uc::vault {

AuditCheck AuditTrail::verify(bool full)
{
    m_state.require(model::Action::VerifyAudit);
    const QJsonObject extra = m_state.slots.extra();
    return verifyAuditTrail(m_state.db, extra.value(QLatin1String("audit_head")).toObject(), m_state.dataKey,
                            {m_state.certificates(), m_state.trustRoot(), auditPins(extra)}, full);
}

AuditFilter AuditTrail::scoped(const AuditFilter &filter) const
{
    m_state.require(model::Action::ReadAudit);
    AuditFilter scoped = filter;
    // A therapist sees what they did themselves; supervisors and auditors see everyone's.
    if (m_state.user.role == model::Role::Therapist) {
        if (!filter.user.isEmpty() && filter.user != m_state.user.name)
            throw Error(ErrorKind::NotAllowed, QStringLiteral("audit list"),
                        QStringLiteral("a therapist reads their own audit entries only"));
        scoped.user = m_state.user.name;
    }
    return scoped;
}

qsizetype AuditTrail::exportCsv(const AuditFilter &filter, const QString &file)
{
    const QString what = QStringLiteral("audit export");
    const QList<AuditEntry> entries = auditEntries(m_state.db, scoped(filter));
    const QByteArray csv = auditCsv(entries);
    writeFileSafely(file, csv, what);
    try {
        m_state.recordEvent(QStringLiteral("export"), QStringLiteral("audit"),
                            QStringLiteral("csv, %1 entries").arg(entries.size()));
    } catch (...) {
        QFile::remove(file); // an export that is not on the record does not stay on disk
        throw;
    }
    return entries.size();
}

QList<AuditEntry> AuditTrail::entries(const AuditFilter &filter)
{
    QList<AuditEntry> entries = auditEntries(m_state.db, scoped(filter));
    m_state.recordEvent(QStringLiteral("view-audit"), QStringLiteral("audit"),
                        QStringLiteral("%1 entries").arg(entries.size()));
    return entries;
}

QList<AuditEntry> AuditTrail::entriesForExport(const AuditFilter &filter)
{
    return auditEntries(m_state.db, scoped(filter));
}

} // namespace uc::vault
