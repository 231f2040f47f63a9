// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

// Who may do what: every action of the clinical record against the three roles. The vault asks
// this table before each action; the GUI asks it to decide which buttons to offer. Rules that
// depend on the object as well (only the author edits a draft, a supervisor reads only the notes
// of the therapists assigned to them, a process note is its author's alone) are the vault's, on
// top of this table.
namespace uc::model {

enum class Action {
    ReadRecords,       // clients, sessions, progress notes, measures, patterns, search
    CreateClient,
    EditClient,
    DischargeClient,
    WriteNote,         // add a session or a note, edit or delete one's own draft
    SignNote,          // one's own note
    AddAddendum,
    DecideTheme,       // confirm or reject a suggestion, tag words by hand
    AddMeasure,        // outcome measures and treatment events (model/treatmentevent.h)
    EditCodebook,
    Comment,
    Cosign,
    ReturnNote,
    AssignSupervision,
    ReviewQueue,
    AgreementCheck,    // the blind agreement check of a therapist's tagging
    ReadAudit,         // a therapist sees their own entries only
    VerifyAudit,
    ExportRecord,
    Backup,
    ManageUsers,
    ChangeOwnPassphrase,
    SupervisionReport, // a supervisor's for their therapists, a therapist's for themselves
    ReadPlan,          // treatment plans and progress ratings: clinical, so never an auditor's
};

struct Permission
{
    Action action;
    const char *name; // "sign-note": the word used in docs, the CLI's permissions listing and tests
    const char *verb; // "sign notes": for "a supervisor cannot sign notes"
    bool therapist;
    bool supervisor;
    bool auditor;
};

// The whole matrix, one row per action, in the enum's order.
const QList<Permission> &permissions();
[[nodiscard]] bool allowed(Role role, Action action);
// "a supervisor cannot sign notes"
[[nodiscard]] QString refusal(Role role, Action action);
[[nodiscard]] QString toString(Action action);

} // namespace uc::model
