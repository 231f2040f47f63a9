// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QString>
#include <QStringList>

// Countertransference entries an author shares with their own supervisor (vault.ctShares(); schema
// v27; docs/countertransference.md, "Sharing with your supervisor"). The author picks entries of a
// client's log (countertransference().log) and one supervisor assigned to them; each entry's words
// and codes are sealed to that supervisor's certified key (and a copy to the author's own), and the
// row is signed by the author. The supervisor reads them while they are still assigned and the share
// is not withdrawn; nobody else reads them at all. Sharing, withdrawing and every read are audit
// events (ids and counts, never a word or a code). Never exported, never counted as themes.
namespace uc::vault {

// An entry of the author's log, as countertransference().log names it: the note and the entry's
// number among that note's entries.
struct CtEntryRef
{
    model::Id noteId = 0;
    int number = 0;
    friend bool operator==(const CtEntryRef &, const CtEntryRef &) = default;
};

struct CtShare
{
    model::Id id = 0;
    model::Id noteId = 0;
    int number = 0; // the entry's number in the note when it was shared
    QString clientCode;
    model::Date date; // the note's session date
    QString author;
    QString supervisor;
    QString sharedAt;
    QString withdrawnAt; // empty while shared
    QString text; // the entry's words as they were when shared
    QStringList codes;
};

class CtShares : public Service
{
public:
    using Service::Service;

    // Shares the caller's entries of the client's log with supervisor, one row each, in one
    // transaction, each an audit event; returns their ids. Error(NotAllowed) for anyone but a
    // therapist, or a supervisor not assigned to them; Error(Usage) for no entry, an entry given twice
    // or a user who is no supervisor; Error(Io) for an unknown client or an entry that is not one of
    // the caller's (another's note, not a process note, another client's, no such number);
    // Error(Conflict) for an entry already shared with them and not withdrawn, or a supervisor whose
    // key is not certified. Nothing is written on any error.
    QList<model::Id> share(const QString &clientCode, const QList<CtEntryRef> &entries, const QString &supervisor);

    // The author: what they shared about the client, withdrawn ones too. A supervisor: what was shared
    // with them about the client and not withdrawn, by therapists still assigned to them. Oldest
    // first. Every row is checked — the author's certified signature, the sealed words naming this
    // share, a withdrawal the audit trail records — and one that fails is Error(Damaged) naming the
    // share. An auditor: Error(NotAllowed). Recorded (the client and how many).
    [[nodiscard]] QList<CtShare> list(const QString &clientCode);

    // The author withdraws a share: kept, marked withdrawn (signed), hidden from the supervisor from
    // now on. Error(Io) for an unknown id or another's share; Error(Conflict) when already withdrawn.
    void withdraw(model::Id shareId);
};

} // namespace uc::vault
