// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/riskrecord.h"
#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

// Risk in the record (vault.risk(); the rules: docs/risk.md). A note's risk flags are stored when
// it is signed, with the assessment that signs it; a measure's flag is read from the measure. A
// client's risk is open from a present flag until a later assessment closes it. Every flag
// stored, every closing and every dismissal is an audit event; the list of open risk is recorded
// as a view. A reader sees the flags of the notes they may read (access.h) and the measures'
// flags; a supervisor only the clients their therapists wrote about.
namespace uc::vault {

class Risk : public Service
{
public:
    using Service::Service;

    // The present flags signing this draft must assess: the tagger over every section of the
    // note, structured lines included; empty when there are none or the note documents its own
    // assessment (model::documentedAssessment). The sign dialog and the CLI ask with it.
    [[nodiscard]] QList<model::RiskFlag> unassessed(model::Id noteId);
    // Every open flag the reader may see, newest first. Recorded.
    [[nodiscard]] QList<model::RiskFlag> open();
    // The client's open flags the reader may see, newest first (the banner). Not recorded.
    [[nodiscard]] QList<model::RiskFlag> openFor(const QString &clientCode);
    // The client's flags the reader may see, present and denied, not dismissed, by date.
    [[nodiscard]] QList<model::RiskFlag> forClient(const QString &clientCode);
    // Closes the client's open risk with an assessment (today, now). Error(Io) for an empty
    // action, Error(Usage) for an unknown client, Error(Conflict) when the reader sees no open
    // risk for the client.
    void close(const QString &clientCode, model::RiskLevel level, const QString &action);
    // Marks a signed note's present flags as false, with the reason. Error(Io) for an empty
    // reason, Error(Conflict) when the note has no present flag left to dismiss,
    // Error(NotAllowed) for a note the reader may not read.
    void dismiss(model::Id noteId, const QString &reason);

private:
    friend class Notes;
    friend class Supervision;
    friend class ClientRecords; // reads a signed note from an older record for its flags
    // At signing, inside the caller's transaction: tags the whole note (every section), refuses
    // with Error(Conflict) a present flag with no assessment given or documented in the note,
    // then stores the flags and the assessment and records each.
    void recordAtSign(const model::Note &note, const std::optional<model::RiskAssessment> &given);
    // The note's flags as the tagger finds them now.
    [[nodiscard]] QList<model::RiskFlag> flagsOf(const model::Note &note);
    // The notes among these whose present flags are open (the review queue's order).
    [[nodiscard]] QSet<model::Id> openNotes();
    [[nodiscard]] QList<model::RiskFlag> visibleFlags(const std::optional<QString> &clientCode, bool presentOnly);
    [[nodiscard]] QList<model::RiskClosing> closings(const std::optional<QString> &clientCode);
};

} // namespace uc::vault
