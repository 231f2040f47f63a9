// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/notes.h"

#include "model/groupnote.h"

#include "vault/access.h"
#include "vault/commentsig.h"
#include "vault/processtext.h"
#include "vault/rows.h"
#include "vault/signing.h"
#include "vault/state.h"
#include "vault/fieldstore.h"
#include "vault/tagstore.h"
#include "vault/uuids.h"
#include "vault/vault.h"

#include <algorithm>

namespace uc::vault {

using model::Id;

namespace {

// The checks a session's details pass on the way in, whether new or edited.
void checkSessionDetails(const model::Session &session, const QString &what)
{
    if (session.date.is_special())
        badInput(what, QStringLiteral("the session needs a valid date"));
    if (session.minutes < 1 || session.minutes > 1440)
        badInput(what, QStringLiteral("a session lasts 1 to 1440 minutes"));
    if (session.attendees.isEmpty())
        badInput(what, QStringLiteral("a session needs at least one client"));
    if (session.modality == model::Modality::Individual && session.attendees.size() > 1)
        badInput(what, QStringLiteral("an individual session has one client; use group, couple or family"));
}

// What changed, by field name only (the trail never holds a topic or a client's attendance).
QStringList changedFields(const model::Session &was, const model::Session &edited)
{
    QStringList changed;
    if (was.date != edited.date)
        changed << QStringLiteral("date");
    if (was.start != edited.start)
        changed << QStringLiteral("start");
    if (was.minutes != edited.minutes)
        changed << QStringLiteral("minutes");
    if (was.modality != edited.modality)
        changed << QStringLiteral("modality");
    if (was.setting != edited.setting)
        changed << QStringLiteral("setting");
    if (was.groupTopic != edited.groupTopic)
        changed << QStringLiteral("group topic");
    bool attendanceChanged = false;
    for (const auto &a : edited.attendees)
        for (const auto &b : was.attendees)
            attendanceChanged = attendanceChanged || (a.clientCode == b.clientCode && a.attendance != b.attendance);
    if (attendanceChanged)
        changed << QStringLiteral("attendance");
    return changed;
}

// Whether a group member gets a note of the session: they came (on time or late), or the note has
// a part of their own with text.
bool attendedOrWritten(const model::Session::Attendee &member, const QList<model::Section> &sections)
{
    if (member.attendance == model::Attendance::Attended || member.attendance == model::Attendance::Late)
        return true;
    return std::any_of(sections.begin(), sections.end(), [&member](const model::Section &s) {
        return model::memberOfHeading(s.title) == member.clientCode && !s.text.trimmed().isEmpty();
    });
}

} // namespace

// ---- sessions ----------------------------------------------------------------------------------

Id Notes::insertSession(const model::Session &session, const QString &what, QList<Id> &clientIds)
{
    auto insert = m_state.db.prepare("INSERT INTO sessions(date, start_time, minutes, modality, setting, group_topic, "
                                     "created_by, created, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bindSessionFields(insert, 1, session);
    insert.bind(7, m_state.user.id).bind(8, now()).bind(9, newUuid()).run();
    const Id id = m_state.db.lastInsertId();
    auto attendee = m_state.db.prepare("INSERT INTO session_attendees(session_id, client_id, attendance) VALUES (?, ?, ?)");
    for (const auto &a : session.attendees) {
        const auto c = m_vault.clients().find(a.clientCode);
        if (!c)
            badInput(what, QStringLiteral("no client with that code"));
        if (clientIds.contains(c->id))
            badInput(what, QStringLiteral("a client is named twice on the session"));
        attendee.bind(1, id).bind(2, c->id).bind(3, model::toString(a.attendance)).run();
        attendee.reset();
        clientIds.append(c->id);
    }
    return id;
}

SessionCreated Notes::addSession(const model::Session &session, const QString &templateId, model::NoteKind kind,
                                 const QList<model::Section> &sections)
{
    m_state.require(model::Action::WriteNote);
    const QString what = QStringLiteral("add session");
    checkSessionDetails(session, what);
    if (!model::findTemplate(templateId))
        badInput(what, QStringLiteral("unknown note template"));
    if (kind == model::NoteKind::Process && session.attendees.size() > 1)
        badInput(what, QStringLiteral("a process note belongs to one client's session"));

    // A group's note: each member's holds the group's shared part and their own, never another's.
    // A member who did not come (no-show, cancelled) gets no note, unless the note has a part of
    // their own (why they did not come): an empty draft would wait for signing for ever.
    QList<QList<model::Section>> perAttendee;
    QList<bool> writes; // by attendee: whether they get a note
    if (session.attendees.size() > 1) {
        QStringList codes;
        for (const auto &a : session.attendees)
            codes << a.clientCode;
        const model::GroupSplit split = model::splitGroupNote(sections, codes);
        if (!split.problem.isEmpty())
            badInput(what, split.problem);
        for (const auto &a : session.attendees) {
            perAttendee.append(split.byMember.value(a.clientCode));
            writes.append(attendedOrWritten(a, sections));
        }
        if (!writes.contains(true))
            badInput(what, QStringLiteral("no member came to the group session, so there is no note to write; add "
                                          "the session without one"));
    } else {
        perAttendee.append(sections);
        writes.append(true);
    }

    SessionCreated created;
    sql::Transaction tx(m_state.db);
    QList<Id> clientIds;
    created.session = insertSession(session, what, clientIds);
    const QString stamp = now();
    for (qsizetype i = 0; i < clientIds.size(); ++i) {
        if (!writes.at(i))
            continue;
        const QList<model::Section> &own = perAttendee.at(i);
        created.notes.append(insertNote(created.session, clientIds.at(i), templateId, kind, model::sectionsToJson(own),
                                        model::textOf(own), stamp));
        created.clients.append(session.attendees.at(i).clientCode);
    }
    tx.commit();
    return created;
}

Id Notes::addSession(const model::Session &session)
{
    m_state.require(model::Action::WriteNote);
    const QString what = QStringLiteral("add session");
    checkSessionDetails(session, what);
    sql::Transaction tx(m_state.db);
    QList<Id> clientIds;
    const Id id = insertSession(session, what, clientIds);
    m_state.audit(QStringLiteral("create-session"), QStringLiteral("session:%1").arg(id));
    tx.commit();
    return id;
}

void Notes::updateSession(const model::Session &session)
{
    m_state.require(model::Action::WriteNote);
    const QString what = QStringLiteral("edit session");
    checkSessionDetails(session, what);

    auto owner = m_state.db.prepare("SELECT created_by FROM sessions WHERE id = ?");
    owner.bind(1, session.id);
    if (!owner.step())
        badInput(what, QStringLiteral("no session with that id"));
    if (owner.int64(0) != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the clinician who made the session changes it"));
    auto notes = m_state.db.prepare("SELECT author_id, status FROM notes WHERE session_id = ?");
    notes.bind(1, session.id);
    while (notes.step()) {
        if (notes.int64(0) != m_state.user.id)
            throw Error(ErrorKind::NotAllowed, what, QStringLiteral("another clinician has a note on the session"));
        if (notes.text(1) != QLatin1String("draft"))
            throw Error(ErrorKind::Conflict, what,
                        QStringLiteral("a note on the session is signed, so its details can no longer change"));
    }

    const model::Session was = this->session(session.id);
    QStringList wasCodes;
    for (const auto &a : was.attendees)
        wasCodes << a.clientCode;
    QStringList codes;
    for (const auto &a : session.attendees)
        codes << a.clientCode;
    wasCodes.sort();
    codes.sort();
    if (codes != wasCodes)
        badInput(what, QStringLiteral("the session's clients cannot change, only their attendance"));
    const QStringList changed = changedFields(was, session);

    sql::Transaction tx(m_state.db);
    auto update = m_state.db.prepare("UPDATE sessions SET date = ?, start_time = ?, minutes = ?, modality = ?, "
                                     "setting = ?, group_topic = ? WHERE id = ?");
    bindSessionFields(update, 1, session);
    update.bind(7, session.id).run();
    auto attendance = m_state.db.prepare("UPDATE session_attendees SET attendance = ? WHERE session_id = ? AND "
                                         "client_id = (SELECT id FROM clients WHERE code = ?)");
    for (const auto &a : session.attendees) {
        attendance.bind(1, model::toString(a.attendance)).bind(2, session.id).bind(3, a.clientCode).run();
        attendance.reset();
    }
    m_state.audit(QStringLiteral("edit-session"), QStringLiteral("session:%1").arg(session.id),
                  changed.isEmpty() ? QStringLiteral("unchanged") : changed.join(QLatin1Char(',')));
    tx.commit();
}

QList<SessionNoteRef> Notes::ownSessionNotes(Id sessionId)
{
    m_state.require(model::Action::ReadRecords);
    auto stmt = m_state.db.prepare("SELECT n.id, c.code, n.kind FROM notes n JOIN clients c ON c.id = n.client_id "
                                   "WHERE n.session_id = ? AND n.author_id = ? ORDER BY c.code, n.id");
    stmt.bind(1, sessionId).bind(2, m_state.user.id);
    QList<SessionNoteRef> refs;
    while (stmt.step())
        refs.append({stmt.int64(0), stmt.text(1), model::parseNoteKind(stmt.text(2)).value_or(model::NoteKind::Progress)});
    return refs;
}

QList<SessionEntry> Notes::sessionsOf(const QString &code)
{
    m_state.require(model::Action::ReadRecords);
    const auto c = m_vault.clients().find(code);
    if (!c)
        throw Error(ErrorKind::Usage, QStringLiteral("session list"), QStringLiteral("no client with that code"));
    QList<SessionEntry> list;
    auto sessions = m_state.db.prepare("SELECT s.id FROM session_attendees a JOIN sessions s ON s.id = a.session_id "
                                       "WHERE a.client_id = ? AND s.id NOT IN (SELECT session_id FROM session_aliases) "
                                       "ORDER BY s.date, s.start_time, s.id");
    sessions.bind(1, c->id);
    while (sessions.step())
        list.append({session(sessions.int64(0)), {}});
    auto notes = m_state.db.prepare(std::string("SELECT n.id FROM notes n WHERE n.client_id = :client AND "
                                                "(n.session_id = :session OR n.session_id IN (SELECT session_id FROM "
                                                "session_aliases WHERE session_of = :session)) AND ")
                                    + readableNotes + " ORDER BY n.id");
    for (SessionEntry &entry : list) {
        notes.bind(notes.parameterIndex(":client"), c->id).bind(notes.parameterIndex(":session"), entry.session.id);
        bindReadable(notes, m_state.user.id, readerScope(m_state, true));
        while (notes.step())
            entry.notes.append(notes.int64(0));
        notes.reset();
    }
    return list;
}

QList<NoteEntry> Notes::listForClient(const QString &code)
{
    m_state.require(model::Action::ReadRecords);
    if (!m_vault.clients().find(code))
        throw Error(ErrorKind::Usage, QStringLiteral("note list"), QStringLiteral("no client with that code"));
    auto stmt = m_state.db.prepare(
        std::string("SELECT n.id, coalesce(al.session_of, n.session_id), s.date, n.kind, CASE WHEN n.status = 'signed' "
                    "AND n.id IN (SELECT note_id FROM practice_cosigns) THEN 'cosigned' ELSE n.status END, u.name, "
                    "n.template, n.uuid, n.canonical_form " // co-signed on the practice server too (practicecosigns.h)
                    "FROM notes n JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
                    "JOIN users u ON u.id = n.author_id LEFT JOIN session_aliases al ON al.session_id = n.session_id "
                    "WHERE c.code = :code AND ")
        + readableNotes + " ORDER BY s.date, s.start_time, n.id");
    stmt.bind(stmt.parameterIndex(":code"), code);
    bindReadable(stmt, m_state.user.id, readerScope(m_state, true));
    QList<NoteEntry> list;
    while (stmt.step())
        list.append({stmt.int64(0), stmt.int64(1), model::parseDate(stmt.text(2)).value_or(model::Date()),
                     model::parseNoteKind(stmt.text(3)).value_or(model::NoteKind::Progress),
                     model::parseNoteStatus(stmt.text(4)).value_or(model::NoteStatus::Draft), stmt.text(5),
                     stmt.text(6), stmt.text(7), static_cast<int>(stmt.int64(8))});
    return list;
}

model::Session Notes::session(Id id)
{
    auto stmt = m_state.db.prepare("SELECT id, date, start_time, minutes, modality, setting, group_topic, uuid "
                                   "FROM sessions WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        badInput(QStringLiteral("show session"), QStringLiteral("no session with that id"));
    model::Session s;
    s.id = stmt.int64(0);
    s.date = model::parseDate(stmt.text(1)).value_or(model::Date());
    if (const auto t = stmt.optionalText(2))
        s.start = model::parseTime(*t);
    s.minutes = static_cast<int>(stmt.int64(3));
    s.modality = model::parseModality(stmt.text(4)).value_or(model::Modality::Individual);
    if (const auto st = stmt.optionalText(5))
        s.setting = model::parseSetting(*st);
    s.groupTopic = stmt.text(6);
    s.uuid = stmt.text(7);
    auto att = m_state.db.prepare("SELECT a.client_id, c.code, a.attendance FROM session_attendees a "
                                  "JOIN clients c ON c.id = a.client_id WHERE a.session_id = ? ORDER BY c.code");
    att.bind(1, id);
    while (att.step())
        s.attendees.append({att.int64(0), att.text(1),
                            model::parseAttendance(att.text(2)).value_or(model::Attendance::Attended)});
    return s;
}

// ---- notes -------------------------------------------------------------------------------------

Id Notes::add(Id sessionId, const QString &clientCode, const QString &templateId, model::NoteKind kind,
              const QList<model::Section> &sections)
{
    m_state.require(model::Action::WriteNote);
    const QString what = QStringLiteral("add note");
    if (!model::findTemplate(templateId))
        badInput(what, QStringLiteral("unknown note template"));
    const auto c = m_vault.clients().find(clientCode);
    if (!c)
        badInput(what, QStringLiteral("no client with that code"));
    // A merged duplicate stands for the session it merged into.
    auto alias = m_state.db.prepare("SELECT session_of FROM session_aliases WHERE session_id = ?");
    alias.bind(1, sessionId);
    if (alias.step())
        sessionId = alias.int64(0);
    auto attended = m_state.db.prepare("SELECT 1 FROM session_attendees WHERE session_id = ? AND client_id = ?");
    attended.bind(1, sessionId).bind(2, c->id);
    if (!attended.step())
        badInput(what, QStringLiteral("the client is not on that session"));
    if (kind == model::NoteKind::Progress) {
        auto taken = m_state.db.prepare(
            "SELECT 1 FROM notes WHERE kind = 'progress' AND client_id = ?1 AND author_id = ?2 AND (session_id = ?3 OR "
            "session_id IN (SELECT session_id FROM session_aliases WHERE session_of = ?3)) LIMIT 1");
        taken.bind(1, c->id).bind(2, m_state.user.id).bind(3, sessionId);
        if (taken.step())
            throw Error(ErrorKind::Conflict, what,
                        QStringLiteral("the session already has your progress note for this client; edit it, or "
                                       "add a process note or an addendum"));
    }
    sql::Transaction tx(m_state.db);
    const Id id = insertNote(sessionId, c->id, templateId, kind, model::sectionsToJson(sections), model::textOf(sections),
                             now());
    tx.commit();
    return id;
}

Id Notes::insertNote(Id sessionId, Id clientId, const QString &templateId, model::NoteKind kind,
                     const QString &sectionsJson, const QString &body, const QString &stamp)
{
    if (!model::fitsNoteLimit(body))
        badInput(QStringLiteral("add note"), model::noteTooLongReason());
    // The id is taken first (the next rowid, as SQLite would give it): a process note's words are
    // sealed to it. Its text is never kept in the clear for the search index (processtext.h).
    auto next = m_state.db.prepare("SELECT coalesce(max(id), 0) + 1 FROM notes");
    next.step();
    const Id id = next.int64(0);
    const bool process = kind == model::NoteKind::Process;
    m_state.db.prepare("INSERT INTO notes(id, session_id, client_id, author_id, template, kind, sections, body, created, "
                       "updated, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, id)
        .bind(2, sessionId)
        .bind(3, clientId)
        .bind(4, m_state.user.id)
        .bind(5, templateId)
        .bind(6, model::toString(kind))
        .bind(7, storedForm(m_state, id, process, SealedField::Sections, sectionsJson))
        .bind(8, process ? QString() : body)
        .bind(9, stamp)
        .bind(10, stamp)
        .bind(11, newUuid())
        .run();
    storeTags(m_state, m_vault.tagging().tagger(), id, body);
    if (!process)
        storeFields(m_state.db, id, model::sectionsFromJson(sectionsJson));
    m_state.audit(QStringLiteral("create-note"), QStringLiteral("note:%1").arg(id),
                  QStringLiteral("session:%1").arg(sessionId));
    return id;
}

model::Note Notes::read(Id id)
{
    model::Note n = loadNote(m_state, id);
    m_state.recordEvent(QStringLiteral("view-note"), QStringLiteral("note:%1").arg(id));
    return n;
}

model::Note Notes::disclosable(Id id)
{
    const QString what = QStringLiteral("note print");
    // Asked before the note is read: a process note is refused to everyone, its author too.
    auto kind = m_state.db.prepare("SELECT kind FROM notes WHERE id = ?");
    kind.bind(1, id);
    if (!kind.step())
        throw Error(ErrorKind::Io, what, QStringLiteral("no note with that id"));
    if (kind.text(0) != QLatin1String("progress"))
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("a process note is never printed or disclosed; only progress notes are"));
    return read(id);
}

QList<model::Note> Notes::forClient(const QString &code, bool includeProcessNotes)
{
    QList<model::Note> list = loadForClient(code, includeProcessNotes);
    if (const auto c = m_vault.clients().find(code))
        m_state.recordEvent(QStringLiteral("view-notes"), QStringLiteral("client:%1").arg(c->id),
                            QStringLiteral("%1 notes%2")
                                .arg(list.size())
                                .arg(includeProcessNotes ? QStringLiteral(", process notes included") : QString()));
    return list;
}

QList<model::Note> Notes::loadForClient(const QString &code, bool includeProcessNotes)
{
    QList<model::Note> list;
    auto stmt = m_state.db.prepare(std::string(noteSelect) + "WHERE c.code = :code AND " + readableNotes
                                   + " ORDER BY s.date, s.start_time, n.id");
    stmt.bind(stmt.parameterIndex(":code"), code);
    bindReadable(stmt, m_state.user.id, readerScope(m_state, includeProcessNotes));
    while (stmt.step())
        list.append(readNote(m_state, stmt));
    return list;
}

void Notes::saveDraft(Id noteId, const QList<model::Section> &sections)
{
    m_state.require(model::Action::WriteNote);
    const model::Note n = loadNote(m_state, noteId);
    if (n.status != model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, QStringLiteral("edit note"),
                    QStringLiteral("the note is signed and cannot change; add an addendum"));
    if (n.authorId != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("edit note"), QStringLiteral("only the author edits a draft"));
    // A group's shared part stays shared when the member's note is edited (matched by title).
    QList<model::Section> kept = sections;
    for (model::Section &s : kept)
        for (const model::Section &was : n.sections)
            if (was.shared && was.title == s.title)
                s.shared = true;
    const QString body = model::textOf(kept);
    if (!model::fitsNoteLimit(body))
        badInput(QStringLiteral("edit note"), model::noteTooLongReason());
    sql::Transaction tx(m_state.db);
    const bool process = n.kind == model::NoteKind::Process;
    m_state.db.prepare("UPDATE notes SET sections = ?, body = ?, updated = ? WHERE id = ? AND status = 'draft'")
        .bind(1, storedForm(m_state, noteId, process, SealedField::Sections, model::sectionsToJson(kept)))
        .bind(2, process ? QString() : body)
        .bind(3, now())
        .bind(4, noteId)
        .run();
    storeTags(m_state, m_vault.tagging().tagger(), noteId, body);
    storeFields(m_state.db, noteId, kept);
    m_state.audit(QStringLiteral("edit-draft"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

void Notes::deleteDraft(Id noteId)
{
    m_state.require(model::Action::WriteNote);
    const model::Note n = loadNote(m_state, noteId);
    if (n.status != model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, QStringLiteral("delete note"), QStringLiteral("a signed note cannot be deleted"));
    if (n.authorId != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("delete note"), QStringLiteral("only the author deletes a draft"));
    auto commented = m_state.db.prepare("SELECT 1 FROM note_comments WHERE note_id = ? LIMIT 1");
    commented.bind(1, noteId);
    if (commented.step())
        throw Error(ErrorKind::Conflict, QStringLiteral("delete note"),
                    QStringLiteral("the draft has a supervisor's comments and stays in the record"));
    sql::Transaction tx(m_state.db);
    forgetTags(m_state, noteId);
    forgetFields(m_state.db, noteId);
    m_state.db.prepare("DELETE FROM notes WHERE id = ?").bind(1, noteId).run();
    m_state.audit(QStringLiteral("delete-draft"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

// ---- signing -----------------------------------------------------------------------------------

void Notes::sign(Id noteId, const std::optional<model::RiskAssessment> &assessment)
{
    m_state.require(model::Action::SignNote);
    model::Note n = loadNote(m_state, noteId);
    if (n.status != model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, QStringLiteral("sign note"), QStringLiteral("the note is already signed"));
    if (n.authorId != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("sign note"), QStringLiteral("only the author signs a note"));
    if (n.text().trimmed().isEmpty())
        badInput(QStringLiteral("sign note"), QStringLiteral("an empty note cannot be signed"));
    n.signedBy = m_state.user.name;
    n.signedAt = now();
    n.canonicalForm = currentCanonicalForm;
    const QString hash = sha256Hex(canonicalContent(n).toUtf8());
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("UPDATE notes SET status = 'signed', signed_by = ?, signed_at = ?, content_hash = ?, "
                       "canonical_form = ? WHERE id = ? AND status = 'draft'")
        .bind(1, m_state.user.id)
        .bind(2, n.signedAt)
        .bind(3, hash)
        .bind(4, n.canonicalForm)
        .bind(5, noteId)
        .run();
    m_state.storeSignature(QStringLiteral("note:%1").arg(noteId), QStringLiteral("sign"), hash);
    m_state.audit(QStringLiteral("sign"), QStringLiteral("note:%1").arg(noteId));
    m_vault.risk().recordAtSign(n, assessment);
    tx.commit();
}

bool Notes::verifySignature(Id noteId)
{
    return checkSignatures(noteId).ok;
}

namespace {

// Empty when signer's signature over hash holds for object; otherwise what is wrong, naming them.
QString checkOne(VaultState &s, const QString &object, const QString &kind, const QString &hash, const QString &signer,
                 QStringList &migrated)
{
    auto stmt = s.db.prepare("SELECT signer, signature, migrated FROM signatures WHERE object = ?");
    stmt.bind(1, object);
    if (!stmt.step() || stmt.text(0) != signer)
        return QStringLiteral("%1's signature is missing").arg(signer);
    const auto key = certifiedKey(s.certificates(), s.trustRoot(), signer);
    if (!key)
        return QStringLiteral("%1's key is not certified in this vault, so their signature cannot be checked").arg(signer);
    if (!verifyDetached(key->signPublic, signedMessage(kind, hash), stmt.text(1)))
        return QStringLiteral("%1's signature does not verify").arg(signer);
    if (!stmt.isNull(2))
        migrated.append(QStringLiteral("%1's signature added on migration, %2").arg(signer, stmt.text(2)));
    return {};
}

} // namespace

SignatureCheck Notes::checkSignatures(Id noteId)
{
    const model::Note n = loadNote(m_state, noteId);
    SignatureCheck check;
    if (n.status == model::NoteStatus::Draft) {
        check.problem = QStringLiteral("the note is unsigned");
        return check;
    }
    // One signature: the hash still matches what it covers, and the signer's certified key signed it.
    auto holds = [&](bool hashMatches, const QString &changed, const QString &object, const QString &kind,
                     const QString &hash, const QString &signer, const QString &said) {
        check.problem = hashMatches ? checkOne(m_state, object, kind, hash, signer, check.migrated) : changed;
        if (check.problem.isEmpty())
            check.signers.append(said);
        return check.problem.isEmpty();
    };
    if (!holds(sha256Hex(canonicalContent(n).toUtf8()) == n.contentHash,
               QStringLiteral("the note's content does not match %1's signature (changed since signing)").arg(n.signedBy),
               QStringLiteral("note:%1").arg(n.id), QStringLiteral("sign"), n.contentHash, n.signedBy,
               QStringLiteral("signed by %1").arg(n.signedBy)))
        return check;
    if (!n.practiceCosigner.isEmpty()) {
        // Co-signed on the practice server: every signature its row holds (practicecosigns.h).
        if (check.problem = m_vault.practiceCosigns().verify(n); !check.problem.isEmpty())
            return check;
        check.signers.append(QStringLiteral("co-signed by %1").arg(n.cosigner()));
    } else if (n.status == model::NoteStatus::Cosigned
        && !holds(sha256Hex(cosignContent(n, n.cosignedBy, n.cosignedAt).toUtf8()) == n.cosignHash,
                  QStringLiteral("the note does not match %1's co-signature").arg(n.cosignedBy),
                  QStringLiteral("cosign:%1").arg(n.id), QStringLiteral("cosign"), n.cosignHash, n.cosignedBy,
                  QStringLiteral("co-signed by %1").arg(n.cosignedBy)))
        return check;
    for (const model::Addendum &a : addenda(noteId)) {
        if (!holds(addendumHash(n, a.author, a.text, a.signedAt, a.form) == a.contentHash,
                   QStringLiteral("%1's addendum %2 does not match its signature (changed since signing)").arg(a.author).arg(a.id),
                   QStringLiteral("addendum:%1").arg(a.id), QStringLiteral("addendum"), a.contentHash, a.author,
                   QStringLiteral("addendum by %1").arg(a.author)))
            return check;
    }
    // Comments and returns (schema v20): a broken one fails the check; one from before is said to be
    // unsigned; one the trail records that is no longer on the note fails it too.
    const QList<model::NoteComment> comments = m_vault.supervision().comments(noteId);
    for (const model::NoteComment &c : comments) {
        const QString what = c.returned ? QStringLiteral("return") : QStringLiteral("comment");
        if (c.signature == model::CommentSignature::Broken) {
            check.problem = c.signatureProblem;
            return check;
        }
        if (c.signature == model::CommentSignature::Verified)
            check.signers.append(QStringLiteral("%1 %2 by %3").arg(what).arg(c.id).arg(c.author));
        else
            check.migrated.append(QStringLiteral("%1's %2 %3 is unsigned (written before comments were signed)")
                                      .arg(c.author, what)
                                      .arg(c.id));
    }
    if (const QString gone = goneComment(m_state, noteId, comments); !gone.isEmpty()) {
        check.problem = gone;
        return check;
    }
    check.ok = true;
    return check;
}

Id Notes::addAddendum(Id noteId, const QString &text)
{
    m_state.require(model::Action::AddAddendum);
    const QString what = QStringLiteral("add addendum");
    if (text.trimmed().isEmpty())
        badInput(what, QStringLiteral("the addendum is empty"));
    if (!model::fitsNoteLimit(text))
        badInput(what, model::noteTooLongReason());
    const model::Note n = loadNote(m_state, noteId);
    if (n.authorId != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the note's author adds an addendum"));
    if (n.status == model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is a draft: edit it instead"));
    const QString signedAt = now();
    const QString hash = addendumHash(n, m_state.user.name, text, signedAt, currentCanonicalForm);
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("INSERT INTO addenda(note_id, author_id, text, signed_at, content_hash, canonical_form) "
                       "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, noteId)
        .bind(2, m_state.user.id)
        .bind(3, storedForm(m_state, noteId, n.kind == model::NoteKind::Process, SealedField::Addendum, text))
        .bind(4, signedAt)
        .bind(5, hash)
        .bind(6, currentCanonicalForm)
        .run();
    const Id id = m_state.db.lastInsertId();
    m_state.storeSignature(QStringLiteral("addendum:%1").arg(id), QStringLiteral("addendum"), hash);
    m_state.audit(QStringLiteral("addendum"), QStringLiteral("note:%1").arg(noteId),
                  QStringLiteral("addendum:%1").arg(id));
    tx.commit();
    return id;
}

QList<model::Addendum> Notes::addenda(Id noteId)
{
    QList<model::Addendum> list;
    // A process note's addenda are its author's alone, as the note is.
    const bool process = isProcessNote(m_state, noteId);
    if (process)
        (void)loadNote(m_state, noteId);
    auto stmt = m_state.db.prepare("SELECT a.id, a.note_id, u.name, a.text, a.signed_at, a.content_hash, "
                                   "a.canonical_form FROM addenda a JOIN users u ON u.id = a.author_id "
                                   "WHERE a.note_id = ? ORDER BY a.signed_at, a.id");
    stmt.bind(1, noteId);
    while (stmt.step())
        list.append({stmt.int64(0), stmt.int64(1), stmt.text(2),
                     openedForm(m_state, noteId, process, SealedField::Addendum, stmt.text(3)), stmt.text(4),
                     stmt.text(5), static_cast<int>(stmt.int64(6))});
    return list;
}

QString Notes::canonicalForm(const model::Note &note)
{
    return canonicalContent(note);
}

} // namespace uc::vault
