// SPDX-License-Identifier: GPL-3.0-or-later
// Notes for the practice's fault, load and benchmark runs: signed progress notes written through the
// library into a member's own vault, as the GUI saves them, each with its own text (a line of
// varied clinical prose and its number) so no two are alike.
#pragma once

#include "model/types.h"
#include "vault/clients.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QString>

namespace practicetest {

// A client with this code in the vault, unless it is there already.
inline void ensureClient(uc::vault::Vault &vault, const QString &code)
{
    for (const uc::model::Client &c : vault.clients().list())
        if (c.code == code)
            return;
    uc::model::Client c;
    c.code = code;
    c.displayName = QStringLiteral("Client ") + code;
    vault.clients().add(c);
}

// Note number n for client: a session on its own day, its progress note saved and signed; its id.
inline uc::model::Id saveSignedNote(uc::vault::Vault &vault, const QString &client, int n)
{
    static const char *const lines[] = {
        "Reviewed the week: two cravings, both ridden out with the urge-surfing exercise.",
        "Discussed the argument with her sister; named the pattern of withdrawing after conflict.",
        "Slept poorly since the move. Agreed a wind-down routine and a sleep diary for two weeks.",
        "He attended the group twice and spoke once, about the job interview he has on Friday.",
        "Mood brighter; PHQ-9 down by four. Planned the next step of the graded exposure.",
    };
    uc::model::Session s;
    s.date = uc::model::Date(2026, 1, 1) + boost::gregorian::days(n % 300);
    s.attendees.append({0, client, uc::model::Attendance::Attended});
    const QString text = QString::fromLatin1(lines[n % 5]) + QStringLiteral(" (session %1)").arg(n);
    const uc::model::Id note = vault.notes()
                                   .addSession(s, QStringLiteral("free"), uc::model::NoteKind::Progress,
                                               {{QStringLiteral("Note"), text}})
                                   .notes.first();
    vault.notes().sign(note);
    return note;
}

} // namespace practicetest
