// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/permissions.h"

namespace uc::model {

const QList<Permission> &permissions()
{
    // clang-format off
    static const QList<Permission> matrix{
        //  action                       name                   verb                                   ther.  sup.   aud.
        {Action::ReadRecords,         "read-records",        "read the records",                     true,  true,  true},
        {Action::CreateClient,        "create-client",       "add clients",                          true,  false, false},
        {Action::EditClient,          "edit-client",         "edit clients",                         true,  false, false},
        {Action::DischargeClient,     "discharge-client",    "discharge clients",                    true,  false, false},
        {Action::WriteNote,           "write-note",          "write or edit notes",                  true,  false, false},
        {Action::SignNote,            "sign-note",           "sign notes",                           true,  false, false},
        {Action::AddAddendum,         "add-addendum",        "add addenda",                          true,  false, false},
        {Action::DecideTheme,         "decide-theme",        "confirm, reject or add themes",        true,  false, false},
        {Action::AddMeasure,          "add-measure",         "enter measures or treatment events",   true,  false, false},
        {Action::EditCodebook,        "edit-codebook",       "edit the codebook",                    true,  true,  false},
        {Action::Comment,             "comment",             "comment on notes",                     true,  true,  false},
        {Action::Cosign,              "cosign",              "co-sign notes",                        false, true,  false},
        {Action::ReturnNote,          "return-note",         "return notes",                         false, true,  false},
        {Action::AssignSupervision,   "assign-supervision",  "assign supervision",                   false, true,  false},
        {Action::ReviewQueue,         "review-queue",        "see a review queue",                   true,  true,  false},
        {Action::AgreementCheck,      "agreement-check",     "run an agreement check",               false, true,  false},
        {Action::ReadAudit,           "read-audit",          "read the audit trail",                 true,  true,  true},
        {Action::VerifyAudit,         "verify-audit",        "verify the audit trail",               true,  true,  true},
        {Action::ExportRecord,        "export-record",       "export a client's record",             true,  false, false},
        {Action::Backup,              "backup",              "back up the vault",                    true,  true,  false},
        {Action::ManageUsers,         "manage-users",        "add users",                            true,  true,  false},
        {Action::ChangeOwnPassphrase, "change-passphrase",   "change their passphrase",              true,  true,  true},
        {Action::SupervisionReport,   "supervision-report",  "make supervision reports",             true,  true,  false},
        {Action::ReadPlan,            "read-plan",           "read treatment plans",                 true,  true,  false},
    };
    // clang-format on
    return matrix;
}

namespace {

const Permission &row(Action action)
{
    return permissions()[static_cast<int>(action)];
}

} // namespace

bool allowed(Role role, Action action)
{
    const Permission &p = row(action);
    switch (role) {
    case Role::Therapist: return p.therapist;
    case Role::Supervisor: return p.supervisor;
    case Role::Auditor: return p.auditor;
    }
    return false;
}

QString refusal(Role role, Action action)
{
    const QString who = toString(role);
    const QString article = who.startsWith(u'a') ? QStringLiteral("an") : QStringLiteral("a");
    return QStringLiteral("%1 %2 cannot %3").arg(article, who, QString::fromLatin1(row(action).verb));
}

QString toString(Action action)
{
    return QString::fromLatin1(row(action).name);
}

} // namespace uc::model
