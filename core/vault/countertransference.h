// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/countertransference.h"
#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QString>

// The countertransference log (vault.countertransference(); docs/countertransference.md): the
// current user's own reactions to one client, read from their own process notes' "Transference and
// countertransference" sections whenever asked (model/countertransference.h), never from anyone
// else's. There is no way to name another author: a supervisor, an auditor or a colleague asking
// gets nothing of anyone's. Every read is an audit event (the client and how many entries, never
// their words or codes).
namespace uc::vault {

struct CtLogEntry
{
    model::Id noteId = 0;
    model::Id sessionId = 0;
    model::Date date; // the session's
    model::NoteStatus status = model::NoteStatus::Draft;
    int number = 0; // 1-based among the note's entries: how a share names it (ctshares.h)
    model::CtEntry entry;
};

class Countertransference : public Service
{
public:
    using Service::Service;

    // The user's entries about the client, oldest session first. Error(Io) for an unknown client;
    // Error(NotAllowed) for a supervisor or an auditor (only a therapist writes process notes).
    [[nodiscard]] QList<CtLogEntry> log(const QString &clientCode);
};

} // namespace uc::vault
