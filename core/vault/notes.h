// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/riskrecord.h"
#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QStringList>
#include <QString>

#include <optional>

namespace uc::vault {

// What `note verify` found: ok, or the first problem, naming whose signature failed.
struct SignatureCheck
{
    bool ok = false;
    QString problem;
    QStringList signers;  // "signed by alice", "co-signed by sam", "addendum by alice"
    QStringList migrated; // "alice's signature added on migration, DATE"; comments written before they were signed
};

struct SessionCreated
{
    model::Id session = 0;
    QList<model::Id> notes; // one per attendee who gets a note, in attendee order
    QStringList clients; // the client code of each note, in the same order
};

// One of the current user's own notes on a session: the note, its client's code and its kind.
struct SessionNoteRef
{
    model::Id note = 0;
    QString clientCode;
    model::NoteKind kind = model::NoteKind::Progress;
};

// A client's session as `session list` shows it: its details and the notes on it the reader may
// read (their own process notes included), by id.
struct SessionEntry
{
    model::Session session;
    QList<model::Id> notes;
};

// A note as a list shows it: no text.
struct NoteEntry
{
    model::Id note = 0;
    model::Id session = 0; // the session it counts under (an alias's session of a merged vault)
    model::Date date;
    model::NoteKind kind = model::NoteKind::Progress;
    model::NoteStatus status = model::NoteStatus::Draft;
    QString author;
    QString templateId;
    QString uuid; // practice-wide id (schema v23)
    int canonicalForm = 1; // the form its signature was made in (signing.h); 1 for a draft
};

// Sessions and their notes: drafts, signing and addenda (vault.notes()). Every write is tagged
// (vault.tagging()) and recorded in the audit trail in the same transaction; reads of a note's
// text are recorded too.
class Notes : public Service
{
public:
    using Service::Service;

    // A session with one draft note per attendee (a group note gives every member their own note;
    // a member marked no-show or cancelled gets none unless the note has a part of their own, and
    // Error(Io) when no member gets one).
    SessionCreated addSession(const model::Session &session, const QString &templateId, model::NoteKind kind,
                              const QList<model::Section> &sections);
    // A session without a note yet (a no-show, or notes to follow with add()). Recorded.
    model::Id addSession(const model::Session &session);
    // Changes a session's details (by id): date, start, minutes, modality, setting, group topic and
    // each attendee's attendance; the attendees themselves stay (each has a note). Only the
    // clinician who made the session, while every note on it is theirs and a draft:
    // Error(Conflict) once one is signed, Error(NotAllowed) for anyone else, Error(Io) for bad
    // details or a changed list of clients. One transaction, recorded in the audit trail.
    void updateSession(const model::Session &session);
    [[nodiscard]] model::Session session(model::Id id);
    // The current user's own notes on a session (a group gives one per member), by client code.
    // Reads ids only; nothing is recorded.
    [[nodiscard]] QList<SessionNoteRef> ownSessionNotes(model::Id sessionId);

    // The client's sessions (merged duplicates once), by date and start, with the notes on each
    // that this user may read. Reads ids and details only; nothing is recorded.
    [[nodiscard]] QList<SessionEntry> sessionsOf(const QString &code);
    // The client's notes this user may read (their own process notes included), without text, in
    // session order. Nothing is recorded.
    [[nodiscard]] QList<NoteEntry> listForClient(const QString &code);

    // Another note on an existing session for one of its clients: the private process note beside
    // the progress note, or a co-therapist's note. A session holds one progress note per author
    // for each client: Error(Conflict) for a second. Error(Io) for an unknown session, template
    // or client, or a client who is not on the session.
    model::Id add(model::Id sessionId, const QString &clientCode, const QString &templateId, model::NoteKind kind,
                  const QList<model::Section> &sections);
    // The note, recorded as viewed. Error(NotAllowed) for a note this user may not read.
    [[nodiscard]] model::Note read(model::Id id);
    // A progress note for printing or disclosure, recorded as viewed: Error(NotAllowed) for a
    // process note, which is never disclosed (its author included), Error(Io) for an unknown id.
    [[nodiscard]] model::Note disclosable(model::Id id);
    // The client's notes this user may read, in session order; recorded.
    [[nodiscard]] QList<model::Note> forClient(const QString &code, bool includeProcessNotes);
    // Autosave: replaces a draft's sections. Error(Conflict) for a signed note.
    void saveDraft(model::Id noteId, const QList<model::Section> &sections);
    // Discards a draft: the note, its tags and its words in the search index go; the audit trail
    // records the id. Error(Conflict) for a signed note or one a supervisor commented on,
    // Error(NotAllowed) for another author's.
    void deleteDraft(model::Id noteId);

    // Locks the note: records the signer, the time and the SHA-256 of the canonical content, and
    // stores its risk flags with the assessment (vault.risk(), docs/risk.md). A present flag needs
    // an assessment, given here or documented in the note: Error(Conflict) without one.
    void sign(model::Id noteId, const std::optional<model::RiskAssessment> &assessment = std::nullopt);
    // True when the stored hashes match the note's content now and every signature on it (the
    // author's, the co-signer's, each addendum's) verifies against its signer's certified key.
    [[nodiscard]] bool verifySignature(model::Id noteId);
    [[nodiscard]] SignatureCheck checkSignatures(model::Id noteId);
    model::Id addAddendum(model::Id noteId, const QString &text);
    [[nodiscard]] QList<model::Addendum> addenda(model::Id noteId);
    // The canonical content a note's signature covers (its SHA-256 is contentHash): what the
    // practice server carries, encrypted, for a signed note (docs/practice.md).
    [[nodiscard]] static QString canonicalForm(const model::Note &note);

private:
    // The client's notes this user may read, without recording the read (export, and the
    // countertransference log, which records its own).
    friend class ClientRecords;
    friend class Countertransference;
    [[nodiscard]] QList<model::Note> loadForClient(const QString &code, bool includeProcessNotes);
    // Inserts the session and its attendees, inside the caller's transaction; the attendees' client ids.
    model::Id insertSession(const model::Session &session, const QString &what, QList<model::Id> &clientIds);
    // Inserts a draft note, tags it and records it, inside the caller's transaction.
    model::Id insertNote(model::Id sessionId, model::Id clientId, const QString &templateId, model::NoteKind kind,
                         const QString &sectionsJson, const QString &body, const QString &stamp);
};

} // namespace uc::vault
