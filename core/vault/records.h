// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/service.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace uc::vault {

struct RecordedRiskFlag;
struct RecordedAssessment;

struct ClientImported
{
    model::Id client = 0;
    int sessions = 0;
    int notes = 0;
    int measures = 0;
    int riskFlags = 0;
    int riskAssessments = 0;
    QStringList recordedNames; // names added as users without a key slot
};

// Moving a client's whole record between vaults (vault.records()); the format is
// vault/clientrecord.cpp, described in docs/import.md.
struct ClientRecord;

class ClientRecords : public Service
{
public:
    using Service::Service;

    // The whole client record as JSON; process notes only when asked for. Recorded.
    [[nodiscard]] QJsonObject exportClient(const QString &code, bool includeProcessNotes);
    // A client record written by exportClient, into this vault: client, sessions, notes with
    // their signatures, co-signatures, addenda, theme decisions and risk flags (dismissals kept),
    // risk assessments, measures and the shareable summary, in one transaction. Signatures name note and session numbers, so those are kept:
    // Error(Conflict) when the client code or any of them is taken here (a new vault has them all
    // free). People the record names who are not users here are kept as recorded names (a user
    // without a key slot, who cannot unlock; user add adopts the name later). Error(Io) for a wrong
    // format or version or a malformed field (named, never its text); Error(Damaged) for a signed
    // note or a treatment plan version whose content no longer matches its signature, or whose
    // signature does not verify against a key this vault trusts. Treatment plans travel with their
    // objective ids: Error(Conflict) when one is taken here.
    // A note or addendum over model::maxNoteBytes is malformed (Error(Io), naming where).
    ClientImported importClient(const QJsonObject &record);

private:
    // A signed note's stored risk flags, their evidence opened.
    [[nodiscard]] QList<RecordedRiskFlag> storedRiskFlags(const model::Note &note);
    // The client's risk assessments; one made in a note outside notesInRecord travels on its own.
    [[nodiscard]] QList<RecordedAssessment> storedAssessments(model::Id client, const QSet<model::Id> &notesInRecord);
    // The record's treatment plan versions (their objective ids kept), reviews and ratings.
    void importPlans(const ClientRecord &record, model::Id client,
                     const std::function<std::optional<model::Id>(const QString &, model::Role)> &person);
};

} // namespace uc::vault
