// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/service.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace uc::vault {

// A co-signature a practice supervisor made on the practice server (core/practice/cosign.h) and the
// author's sync verified, with all it takes to verify it again offline (docs/practice.md, "A practice
// co-signature in the vault"; docs/security.md): the bytes the supervisor signed and their signature,
// their certified key and the administrator's certificate of it, and the administrator key the
// author's membership pins.
struct PracticeCosign
{
    model::Id note = 0; // the local note it co-signs (one of the author's signed progress notes)
    QString practiceId;
    QString item; // the note's practice-wide id on the server
    QString member; // the supervisor's pseudonymous member id
    qint64 seq = 0; // the server's number of the event
    QString at; // when, as the supervisor signed it
    QString contentHash; // the note's signed content hash, as the supervisor signed it
    // "event\n" practice, item, member, "cosign", content hash, at, SHA-256 of an empty body, each
    // line-ended (practice/events.h, eventMessage).
    QByteArray event;
    QByteArray signature; // Ed25519 over practiceSignatureDomain + event (64 bytes)
    QByteArray signPublic; // the supervisor's certified Ed25519 key (32 bytes)
    // "member\n" practice, member, database role, role, "admin" or "member", the key in hex
    // (practice/roster.h, memberCertificate), and the administrator's signature over it.
    QByteArray certificate;
    QByteArray certificateSignature;
    QByteArray adminKey; // the practice administrator's key, as the author's membership pins it
};

// For a client record's export and import (records.cpp, clientrecord.h), private to core/vault: the
// hash the author signs for a row (over every column and the note's uuid), the check of the practice
// signatures it holds (empty when they hold, otherwise the first problem), the row inserted inside the
// caller's transaction, and its JSON form (nothing for JSON that is not one).
[[nodiscard]] QString practiceCosignHash(const model::Note &note, const PracticeCosign &cosign);
[[nodiscard]] QString practiceCosignProblem(const model::Note &note, const PracticeCosign &cosign);
[[nodiscard]] QJsonObject practiceCosignJson(const PracticeCosign &cosign);
[[nodiscard]] std::optional<PracticeCosign> practiceCosignFromJson(const QJsonObject &json, model::Id note);
// recorded_by: the current user.
void insertPracticeCosign(VaultState &state, const PracticeCosign &cosign);

// The practice co-signatures kept in the vault (vault.practiceCosigns(), schema v26): a note with
// one is co-signed as a note co-signed here is (status, the review queue, complete(), reports), by
// "member ID (practice)" (model::Note::practiceCosigner).
class PracticeCosigns : public Service
{
public:
    using Service::Service;

    // Records those verified by sync, in one transaction, on the current user's own signed notes.
    // Each is verified again here (Error(Damaged), nothing recorded, for one that does not hold). One
    // recorded already is not recorded again; a note co-signed in this vault keeps its co-signature
    // (the practice one stays in the member folder only). The author signs each row with their own
    // key, so the pinned administrator key in it cannot be swapped. Returns how many were recorded.
    int record(const QList<PracticeCosign> &cosigns);
    // The practice co-signature of a note; nothing when it has none. Read without recording.
    [[nodiscard]] std::optional<PracticeCosign> of(model::Id noteId);
    // Empty when the note's practice co-signature holds: the author's signature over the row, the
    // supervisor's over the event naming the note's content hash, the administrator's certificate of
    // the supervisor's key as a supervisor of the same practice. Otherwise the first problem.
    [[nodiscard]] QString verify(const model::Note &note);
};

} // namespace uc::vault
