// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/secret.h"
#include "model/measures.h"
#include "model/permissions.h"
#include "model/types.h"
#include "themes/agreement.h"
#include "themes/tagger.h"
#include "vault/audit.h"
#include "vault/keyslots.h"
#include "vault/sqlite.h"

#include <QJsonObject>
#include <QStringList>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

// The vault: one folder holding notes.db (SQLCipher, keyed with a random 256-bit data key) and
// keyslots.json (the data key wrapped per user and by the recovery key). This header is the door
// every caller (CLI, GUI, tests) uses for the clinical record.
namespace uc::vault {

class Vault
{
public:
    static constexpr auto databaseName = "notes.db";
    static constexpr auto lockName = ".lock";

    struct Created;

    // A new vault in dir (created if missing; must be empty). The first user is a therapist
    // unless role says otherwise. The recovery key is returned once and stored nowhere.
    static Created create(const QString &dir, const QString &user, const SecretBuffer &passphrase,
                          model::Role role = model::Role::Therapist, KdfCost cost = KdfCost::moderate());
    // Unlocks with a user's passphrase. Error(Auth) for a wrong passphrase or unknown user,
    // Error(Damaged) for a folder that is not a vault or a damaged file, Error(Conflict) when
    // another process has the vault open.
    static std::unique_ptr<Vault> open(const QString &dir, const QString &user, const SecretBuffer &passphrase);
    // Unlocks with the recovery key and sets a new passphrase for an existing user.
    static std::unique_ptr<Vault> recover(const QString &dir, const QString &user, const RecoveryKey &key,
                                          const SecretBuffer &newPassphrase, KdfCost cost = KdfCost::moderate());
    // Unpacks a backup file into dir (which must be empty or missing), then proves it opens with
    // the given credentials and passes an integrity check; on any failure nothing is left in dir.
    static void restore(const QString &backupFile, const QString &dir, const QString &user,
                        const SecretBuffer &passphrase);

    ~Vault();
    Vault(const Vault &) = delete;
    Vault &operator=(const Vault &) = delete;

    // Closes the database, wipes the data key and releases the folder. Idempotent.
    void lock() noexcept;
    [[nodiscard]] bool isOpen() const noexcept { return m_db.handle() != nullptr; }
    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] const model::User &currentUser() const { return m_user; }

    // ---- users and keys
    void changePassphrase(const SecretBuffer &newPassphrase, KdfCost cost = KdfCost::moderate());
    void addUser(const QString &name, model::Role role, const SecretBuffer &passphrase,
                 KdfCost cost = KdfCost::moderate());
    [[nodiscard]] QList<model::User> users();

    // ---- clients
    model::Id addClient(const model::Client &client);
    void updateClient(const model::Client &client); // by id
    void dischargeClient(const QString &code, const model::Date &on);
    [[nodiscard]] std::optional<model::Client> client(const QString &code);
    [[nodiscard]] QList<model::Client> clients();
    // The therapist's shareable summary for the client (never process-note material: it is shown
    // in review mode and printed in the client's report). Each save is a new version.
    void setShareableSummary(const QString &clientCode, const QString &text);
    [[nodiscard]] std::optional<model::ClientSummary> shareableSummary(const QString &clientCode);

    // ---- sessions and notes
    struct SessionCreated
    {
        model::Id session = 0;
        QList<model::Id> notes; // one per attendee, in attendee order
    };
    // A session with one draft note per attendee (a group note gives every member their own note).
    SessionCreated addSession(const model::Session &session, const QString &templateId, model::NoteKind kind,
                              const QList<model::Section> &sections);
    // Changes a session's details (by id): date, start, minutes, modality, setting, group topic and
    // each attendee's attendance; the attendees themselves stay (each has a note). Only the
    // clinician who made the session, while every note on it is theirs and a draft:
    // Error(Conflict) once one is signed, Error(NotAllowed) for anyone else, Error(Io) for bad
    // details or a changed list of clients. One transaction, recorded in the audit trail.
    void updateSession(const model::Session &session);
    // The current user's own notes on a session (a group gives one per member), by client code:
    // the note, its client's code and its kind. Reads ids only; nothing is recorded.
    struct SessionNoteRef
    {
        model::Id note = 0;
        QString clientCode;
        model::NoteKind kind = model::NoteKind::Progress;
    };
    [[nodiscard]] QList<SessionNoteRef> ownSessionNotes(model::Id sessionId);
    // Another note on an existing session for one of its clients: the private process note beside
    // the progress note, or a co-therapist's note. Error(Io) for an unknown template or client, or
    // a client who is not on the session.
    model::Id addNote(model::Id sessionId, const QString &clientCode, const QString &templateId, model::NoteKind kind,
                      const QList<model::Section> &sections);
    [[nodiscard]] model::Session session(model::Id id);
    [[nodiscard]] model::Note note(model::Id id);
    [[nodiscard]] QList<model::Note> notesForClient(const QString &code, bool includeProcessNotes);
    // Autosave: replaces a draft's sections. Error(Conflict) for a signed note.
    void saveDraft(model::Id noteId, const QList<model::Section> &sections);
    void deleteDraft(model::Id noteId);
    // Locks the note: records the signer, the time and the SHA-256 of the canonical content.
    void sign(model::Id noteId);
    // True when the stored hash matches the note's content now.
    [[nodiscard]] bool verifySignature(model::Id noteId);
    model::Id addAddendum(model::Id noteId, const QString &text);
    [[nodiscard]] QList<model::Addendum> addenda(model::Id noteId);

    // ---- supervision
    // Assigns a supervisor to a therapist, or changes how an existing assignment works. Done by
    // a supervisor; both users must hold those roles.
    void assignSupervision(const QString &therapist, const QString &supervisor, model::SupervisionMode mode);
    [[nodiscard]] QList<model::Supervision> supervision();
    // Co-signs a signed note of a supervised therapist: records the supervisor, the time and the
    // SHA-256 of the note's own hash with the co-signature. The note's text is untouched.
    void cosign(model::Id noteId);
    // Sends a signed note back to its author with a comment; it is returned until the author
    // answers with an addendum.
    model::Id returnNote(model::Id noteId, const QString &comment);
    // A comment by the note's supervisor, or the author's reply.
    model::Id comment(model::Id noteId, const QString &text);
    [[nodiscard]] QList<model::NoteComment> comments(model::Id noteId);
    // A supervisor's queue: the signed notes of their therapists not yet co-signed, by therapist,
    // oldest first. A therapist's: their own notes waiting on a supervisor.
    [[nodiscard]] QList<model::QueueItem> reviewQueue();

    // ---- blind agreement check: the supervisor tags a random sample of a therapist's signed
    // notes without seeing the tags; agreement between supervisor, therapist and tagger follows.
    struct AgreementSample
    {
        model::Id check = 0;
        QString therapist;
        QList<model::Id> notes; // sampled, in the order to rate them
        QList<model::Id> rated;
    };
    struct AgreementReport
    {
        model::Id check = 0;
        QString therapist;
        QString supervisor;
        int sampled = 0;
        int rated = 0; // the figures cover rated notes only
        QList<themes::ThemeAgreement> supervisorTherapist;
        QList<themes::ThemeAgreement> supervisorTagger;
        QList<themes::ThemeAgreement> therapistTagger;
    };
    // Samples up to sampleSize (1 to 200) of the therapist's signed progress notes at random.
    AgreementSample startAgreementCheck(const QString &therapist, int sampleSize);
    [[nodiscard]] AgreementSample agreementCheck(model::Id check);
    // The supervisor's themes for one sampled note, once; until then themeTags() of that note is
    // refused to the supervisor, so the rating stays blind.
    void rateBlind(model::Id check, model::Id noteId, const QStringList &themes);
    [[nodiscard]] AgreementReport agreementReport(model::Id check);

    // Runs work as one transaction: every write inside lands together or none does (an import,
    // a generated practice). Writes inside are savepoints of it.
    void inOneTransaction(const std::function<void()> &work);

    // ---- outcome measures (PHQ-9, GAD-7, AUDIT, AUDIT-C)
    // Scores and stores a measure. Error(Io) naming the item for a wrong count, a missing or an
    // out-of-range answer; Error(Usage) for an unknown instrument or client.
    model::Id addMeasure(const QString &clientCode, const model::Date &date, const QString &instrument,
                         const QList<int> &answers);
    // The client's measures in date order.
    [[nodiscard]] QList<model::Measure> measures(const QString &clientCode);

    // ---- themes
    // The codebook in force: the built-in one with this vault's edits applied.
    [[nodiscard]] const themes::Codebook &codebook();
    [[nodiscard]] const themes::Tagger &tagger();
    // Replaces the vault's codebook edits; Error(Io) with the line and reason when malformed,
    // and the previous edits stay in force.
    void setCodebookEdits(const QByteArray &json);
    [[nodiscard]] QByteArray codebookEdits();
    // Re-tags a note (also done on every save): suggestions are replaced; a clinician's decisions
    // stay with the words they were made on, and manual tags follow their words.
    void retag(model::Id noteId);
    [[nodiscard]] QList<model::ThemeTag> themeTags(model::Id noteId);
    void decide(model::Id tagId, model::TagDecision decision); // Confirmed or Rejected
    model::Id tagSpan(model::Id noteId, const QString &theme, int start, int end);

    // Full-text search over the notes this user may read, best first; snippets mark matches [like this].
    [[nodiscard]] QList<model::SearchHit> search(const QString &query, int limit = 50);

    // The whole client record as JSON; process notes only when asked for.
    [[nodiscard]] QJsonObject exportClient(const QString &code, bool includeProcessNotes);
    // A client record written by exportClient, into this vault: client, sessions, notes with
    // their signatures, co-signatures, addenda and theme decisions, measures and the shareable
    // summary, in one transaction (vault/vaultimport.cpp). Signatures name note and session
    // numbers, so those are kept: Error(Conflict) when the client code or any of them is taken
    // here (a new vault has them all free). People the record names who are not users here are
    // kept as recorded names (a user without a key slot, who cannot unlock; user add adopts the
    // name later). Error(Io) for a wrong format or version or a malformed field (named, never its
    // text); Error(Damaged) for a signed note whose content no longer matches its signature.
    struct ClientImported
    {
        model::Id client = 0;
        int sessions = 0;
        int notes = 0;
        int measures = 0;
        QStringList recordedNames; // names added as users without a key slot
    };
    ClientImported importClient(const QJsonObject &record);
    // One encrypted file with the key slots and the database (keyed by the same slots).
    void backup(const QString &file);
    // PRAGMA integrity_check and cipher_integrity_check over every page.
    [[nodiscard]] bool verifyIntegrity();

    // ---- audit trail (who did what and when; never note text)
    // Appends an event the vault cannot see itself (a print, a report) for the current user.
    void recordEvent(const QString &action, const QString &object, const QString &detail = {});
    // Walks the whole chain and compares it with the head kept in keyslots.json.
    [[nodiscard]] AuditCheck verifyAudit();
    // The entries, oldest first; reading them is itself recorded. A therapist reads their own.
    [[nodiscard]] QList<AuditEntry> auditTrail(const AuditFilter &filter = {});
    // The same entries as CSV (auditCsv) written to file (owner-only, replaced whole or not at all);
    // the export is recorded. Returns the number of entries written.
    qsizetype exportAuditCsv(const AuditFilter &filter, const QString &file);

    // ---- reports (core/reports renders them; the vault gathers with its rules)
    // A therapist's progress notes with their session date in [from, to], for the supervision
    // report: made by a supervisor assigned to them or by the therapist themselves. Recorded.
    [[nodiscard]] QList<model::Note> therapistNotes(const QString &therapist, const model::Date &from,
                                                    const model::Date &to);
    // The figures of the latest agreement check on the therapist (same rule as therapistNotes);
    // nullopt when there was none.
    [[nodiscard]] std::optional<AgreementReport> latestAgreementReport(const QString &therapist);
    // The audit entries for an export written by the caller (a PDF), scoped as auditTrail is; the
    // caller records the export once its file is written (recordEvent).
    [[nodiscard]] QList<AuditEntry> auditEntriesForExport(const AuditFilter &filter);

    [[nodiscard]] sql::Database &database() { return m_db; }

private:
    Vault(QString dir, int lockFd, sql::Database db, SecretBuffer dataKey, KeySlots slots);
    static std::unique_ptr<Vault> unlock(const QString &dir, const QString &user,
                                         const std::function<SecretBuffer(const KeySlots &)> &unwrap);
    void loadUser(const QString &name);
    // Error(NotAllowed) with a plain sentence when the user's role may not do this (model/permissions.h).
    void require(model::Action action) const;
    // The filter as this user may use it (a therapist: their own entries only).
    [[nodiscard]] AuditFilter scopedAuditFilter(const AuditFilter &filter) const;
    [[nodiscard]] bool supervises(model::Id therapistId);
    // The therapist's id when this user may make their supervision report; Error otherwise.
    model::Id requireSupervisionReport(const QString &therapist);
    // Kappa per theme over a check's rated notes (not recorded: the callers do).
    [[nodiscard]] AgreementReport agreementFigures(const AgreementSample &sample, const QString &supervisor);
    // Error(NotAllowed) while the note waits for this supervisor's blind rating.
    void requireNotBlind(model::Id noteId);
    // A signed progress note of a therapist this supervisor is assigned to.
    [[nodiscard]] model::Note supervisedNote(model::Id noteId, const QString &what);
    [[nodiscard]] static QString cosignContent(const model::Note &note, const QString &by, const QString &at);
    // The note with the reader's permission checked, without recording a view (internal reads).
    [[nodiscard]] model::Note loadNote(model::Id id);
    [[nodiscard]] QList<model::Note> loadNotesForClient(const QString &code, bool includeProcessNotes);
    // Appends to the audit trail inside the caller's transaction.
    void audit(const QString &action, const QString &object, const QString &detail = {});
    void writeAuditHead();
    void recordUnlock(const QString &action);
    static void noteFailedUnlock(const QString &dir, const QString &user) noexcept;
    [[nodiscard]] model::Note readNote(sql::Statement &stmt) const;
    [[nodiscard]] QString canonicalContent(const model::Note &note) const;
    // Inserts a draft note, tags it and records it, inside the caller's transaction.
    model::Id insertNote(model::Id sessionId, model::Id clientId, const QString &templateId, model::NoteKind kind,
                         const QString &sectionsJson, const QString &body, const QString &stamp);
    // Stores the tagger's view of a note inside the caller's transaction.
    void storeTags(model::Id noteId, const QString &text);
    // Rewrites the note's row of counted themes (note_themes) from its hits, in the caller's transaction.
    void refreshNoteThemes(model::Id noteId);

    QString m_dir;
    int m_lockFd = -1;
    sql::Database m_db;
    SecretBuffer m_dataKey;
    KeySlots m_slots;
    model::User m_user;
    std::unique_ptr<themes::Codebook> m_codebook;
    std::unique_ptr<themes::Tagger> m_tagger;
};

struct Vault::Created
{
    std::unique_ptr<Vault> vault;
    RecoveryKey recoveryKey;
};

// Ranked full-text search on an open vault database: progress notes, and process notes of
// userId only. The most recent rankWindow matches are ranked (ucrank: every searched word present
// first, then density) — the first page stays fast on any vault size, and recent notes are what a
// clinician looks for first.
constexpr int rankWindow = 200;
// supervisedOnly limits progress notes to those of the therapists userId supervises.
[[nodiscard]] QList<model::SearchHit> searchNotes(sql::Database &db, const QString &query, model::Id userId, int limit,
                                                  bool supervisedOnly = false);

// SHA-256 of bytes as lowercase hex.
[[nodiscard]] QString sha256Hex(const QByteArray &bytes);

} // namespace uc::vault
