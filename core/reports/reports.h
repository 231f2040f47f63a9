// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/audit.h"

#include <QString>

#include <optional>

namespace uc::vault {
class Vault;
}

// The door to core/reports: each call gathers with the vault's rules (reportdata.h), draws the PDF
// (reportpdf.h), writes it atomically and owner-only (0600), and records the export in the audit
// trail with its object (client:ID, note:ID, user:ID) and never private text. A refusal or bad
// input (Error) leaves no file; an export that cannot be recorded does not stay on disk. Needs a
// QGuiApplication.
namespace uc::reports {

// Themes over time, recurrence, measures and the shareable summary, from progress notes only;
// withRisk adds the risk section (opt-in, docs/risk.md), withPlan the treatment plan section (opt-in,
// docs/plan.md; Error(NotAllowed) for a user who may not read plans), withEvents the other treatment
// section (docs/treatment-events.md), withUseDays the use days section (docs/use-days.md).
void writeClientReport(vault::Vault &vault, const QString &clientCode, const QString &file, bool withRisk = false,
                       bool withPlan = false, bool withEvents = false, bool withUseDays = false);
// The client's safety plan (the version in force, or the one asked for) as their take-home PDF.
void writeSafetyPlan(vault::Vault &vault, const QString &clientCode, std::optional<int> version, const QString &file);
// One progress note as signed. Error(NotAllowed) for a process note, which is never disclosed.
void writeNoteReport(vault::Vault &vault, model::Id noteId, const QString &file);
// A therapist's notes in [from, to] with status, comments and the latest agreement figures.
void writeSupervisionReport(vault::Vault &vault, const QString &therapist, const model::Date &from,
                            const model::Date &to, const QString &file);
// The audit trail for a period as PDF. Returns the number of entries.
qsizetype writeAuditPdf(vault::Vault &vault, const vault::AuditFilter &filter, const QString &file);

} // namespace uc::reports
