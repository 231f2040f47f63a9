// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/audit.h"
#include "vault/service.h"

#include <QList>
#include <QString>

namespace uc::vault {

// Reading the audit trail (vault.auditTrail()): who did what and when, never note text. A
// therapist reads their own entries; supervisors and auditors everyone's. Appending is
// Vault::recordEvent; the chain itself is vault/audit.h.
class AuditTrail : public Service
{
public:
    using Service::Service;

    // Walks the whole chain, checks the entries' signatures (each signer's latest, or every one when
    // full) and compares it with the head kept in keyslots.json.
    [[nodiscard]] AuditCheck verify(bool full = false);
    // The entries, oldest first; reading them is itself recorded.
    [[nodiscard]] QList<AuditEntry> entries(const AuditFilter &filter = {});
    // The same entries as CSV (auditCsv) written to file (owner-only, replaced whole or not at all);
    // the export is recorded. Returns the number of entries written.
    qsizetype exportCsv(const AuditFilter &filter, const QString &file);
    // The entries for an export written by the caller (a PDF), scoped as entries() is; the caller
    // records the export once its file is written (Vault::recordEvent).
    [[nodiscard]] QList<AuditEntry> entriesForExport(const AuditFilter &filter);

private:
    // The filter as this user may use it (a therapist: their own entries only).
    [[nodiscard]] AuditFilter scoped(const AuditFilter &filter) const;
};

} // namespace uc::vault
