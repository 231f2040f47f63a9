// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/supervision.h"

#include "vault/access.h"
#include "vault/commentsig.h"
#include "vault/signing.h"
#include "vault/state.h"
#include "vault/uuids.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace uc::vault {

using model::Id;

void Supervision::assign(const QString &therapist, const QString &supervisor, model::SupervisionMode mode)
{
    m_state.require(model::Action::AssignSupervision);
    const QString what = QStringLiteral("supervise assign");
    const auto [therapistId, therapistRole] = userByName(m_state.db, therapist, what, QStringLiteral("therapist"));
    const auto [supervisorId, supervisorRole] = userByName(m_state.db, supervisor, what, QStringLiteral("supervisor"));
    if (therapistRole != model::Role::Therapist)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the supervised user must be a therapist"));
    if (supervisorRole != model::Role::Supervisor)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the supervising user must be a supervisor"));
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("INSERT INTO supervision(therapist_id, supervisor_id, mode, assigned_by, assigned_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT(therapist_id, supervisor_id) DO UPDATE SET "
                       "mode = excluded.mode, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at")
        .bind(1, therapistId)
        .bind(2, supervisorId)
        .bind(3, model::toString(mode))
        .bind(4, m_state.user.id)
        .bind(5, now())
        .run();
    m_state.audit(QStringLiteral("assign-supervision"), QStringLiteral("user:%1").arg(therapistId),
                  QStringLiteral("supervisor user:%1, %2").arg(supervisorId).arg(model::toString(mode)));
    tx.commit();
}

QList<model::Supervision> Supervision::assignments()
{
    m_state.require(model::Action::ReadRecords);
    QList<model::Supervision> list;
    auto stmt = m_state.db.prepare("SELECT t.name, s.name, v.mode, b.name, v.assigned_at FROM supervision v "
                                   "JOIN users t ON t.id = v.therapist_id JOIN users s ON s.id = v.supervisor_id "
                                   "JOIN users b ON b.id = v.assigned_by ORDER BY t.name, s.name");
    while (stmt.step())
        list.append({stmt.text(0), stmt.text(1),
                     model::parseSupervisionMode(stmt.text(2)).value_or(model::SupervisionMode::Review), stmt.text(3),
                     stmt.text(4)});
    return list;
}

model::Note Supervision::supervisedNote(Id noteId, const QString &what)
{
    model::Note n = loadNote(m_state, noteId); // a supervisor reads only their therapists' progress notes
    if (n.kind == model::NoteKind::Process || !m_state.supervises(n.authorId))
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("the note's author is not a therapist assigned to this supervisor"));
    if (n.status == model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is a draft; it can be reviewed once signed"));
    if (n.status == model::NoteStatus::Cosigned)
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is already co-signed"));
    return n;
}

void Supervision::cosign(Id noteId)
{
    m_state.require(model::Action::Cosign);
    model::Note n = supervisedNote(noteId, QStringLiteral("co-sign note"));
    const QString at = now();
    n.cosignForm = currentCanonicalForm; // a note signed in form 1 is co-signed in form 2 all the same
    const QString hash = sha256Hex(cosignContent(n, m_state.user.name, at).toUtf8());
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("UPDATE notes SET status = 'cosigned', cosigned_by = ?, cosigned_at = ?, cosign_hash = ?, "
                       "cosign_form = ? WHERE id = ? AND status = 'signed'")
        .bind(1, m_state.user.id)
        .bind(2, at)
        .bind(3, hash)
        .bind(4, n.cosignForm)
        .bind(5, noteId)
        .run();
    m_state.storeSignature(QStringLiteral("cosign:%1").arg(noteId), QStringLiteral("cosign"), hash);
    m_state.audit(QStringLiteral("cosign"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

Id Supervision::returnNote(Id noteId, const QString &text)
{
    m_state.require(model::Action::ReturnNote);
    const QString what = QStringLiteral("return note");
    if (text.trimmed().isEmpty())
        badInput(what, QStringLiteral("a returned note needs a comment saying what to address"));
    return addComment(supervisedNote(noteId, what), text, true);
}

Id Supervision::comment(Id noteId, const QString &text)
{
    m_state.require(model::Action::Comment);
    const QString what = QStringLiteral("comment");
    if (text.trimmed().isEmpty())
        badInput(what, QStringLiteral("the comment is empty"));
    const model::Note n = loadNote(m_state, noteId);
    if (n.authorId != m_state.user.id && !m_state.supervises(n.authorId))
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("comments come from the note's author or a supervisor assigned to them"));
    return addComment(n, text, false);
}

Id Supervision::addComment(const model::Note &note, const QString &text, bool returned)
{
    const Id noteId = note.id;
    sql::Transaction tx(m_state.db);
    // The id is chosen before the insert: the signature covers it, so a comment cannot be moved.
    auto next = m_state.db.prepare("SELECT coalesce(max(id), 0) + 1 FROM note_comments");
    next.step();
    const model::NoteComment comment{next.int64(0), noteId, m_state.user.name, returned, text, now(),
                                     newUuid(), note.uuid, currentCanonicalForm};
    m_state.db.prepare("INSERT INTO note_comments(id, note_id, author_id, returned, text, created, uuid, canonical_form) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, comment.id)
        .bind(2, noteId)
        .bind(3, m_state.user.id)
        .bind(4, returned ? 1 : 0)
        .bind(5, comment.text)
        .bind(6, comment.created)
        .bind(7, comment.uuid)
        .bind(8, comment.form)
        .run();
    signComment(m_state, comment, note.contentHash);
    const Id id = comment.id;
    m_state.audit(returned ? QStringLiteral("return") : QStringLiteral("comment"), QStringLiteral("note:%1").arg(noteId),
                  QStringLiteral("comment:%1").arg(id));
    tx.commit();
    return id;
}

QList<model::NoteComment> Supervision::comments(Id noteId)
{
    const model::Note note = loadNote(m_state, noteId);
    QList<model::NoteComment> list;
    auto stmt = m_state.db.prepare("SELECT k.id, k.note_id, u.name, k.returned, k.text, k.created, k.uuid, "
                                   "k.canonical_form FROM note_comments k JOIN users u ON u.id = k.author_id "
                                   "WHERE k.note_id = ? ORDER BY k.id");
    stmt.bind(1, noteId);
    while (stmt.step())
        list.append({stmt.int64(0), stmt.int64(1), stmt.text(2), stmt.int64(3) != 0, stmt.text(4), stmt.text(5),
                     stmt.text(6), note.uuid, static_cast<int>(stmt.int64(7))});
    for (model::NoteComment &c : list)
        checkCommentSignature(m_state, c, note.contentHash);
    return list;
}

QList<model::QueueItem> Supervision::queue()
{
    m_state.require(model::Action::ReviewQueue);
    // A note is returned while its newest return is later than its author's newest addendum.
    // A supervisor sees each note of their therapists once; a therapist sees each of their
    // notes once per supervisor.
    auto stmt = m_state.db.prepare(
        "SELECT n.id, c.code, s.date, a.name, su.name, v.mode, n.signed_at, "
        "  coalesce((SELECT max(k.id) FROM note_comments k WHERE k.note_id = n.id AND k.returned = 1 "
        "            AND k.created > coalesce((SELECT max(d.signed_at) FROM addenda d "
        "                                      WHERE d.note_id = n.id AND d.author_id = n.author_id), '')), 0), "
        "  (SELECT count(*) FROM note_comments k WHERE k.note_id = n.id) "
        "FROM notes n JOIN supervision v ON v.therapist_id = n.author_id "
        "JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
        "JOIN users a ON a.id = n.author_id JOIN users su ON su.id = v.supervisor_id "
        "WHERE n.status = 'signed' AND n.kind = 'progress' AND (v.supervisor_id = ? OR n.author_id = ?) "
        "AND NOT EXISTS (SELECT 1 FROM practice_cosigns p WHERE p.note_id = n.id) "
        "ORDER BY a.name, n.signed_at, n.id, su.name");
    stmt.bind(1, m_state.isSupervisor() ? m_state.user.id : Id(-1))
        .bind(2, m_state.user.role == model::Role::Therapist ? m_state.user.id : Id(-1));
    QList<model::QueueItem> queue;
    while (stmt.step()) {
        model::QueueItem item;
        item.noteId = stmt.int64(0);
        item.clientCode = stmt.text(1);
        item.sessionDate = model::parseDate(stmt.text(2)).value_or(model::Date());
        item.therapist = stmt.text(3);
        item.supervisor = stmt.text(4);
        item.mode = model::parseSupervisionMode(stmt.text(5)).value_or(model::SupervisionMode::Review);
        item.signedAt = stmt.text(6);
        item.returned = stmt.int64(7) != 0;
        item.comments = static_cast<int>(stmt.int64(8));
        queue.append(item);
    }
    // Notes with open risk first, each part in the order above.
    const QSet<Id> risky = m_vault.risk().openNotes();
    for (model::QueueItem &item : queue)
        item.openRisk = risky.contains(item.noteId);
    std::stable_partition(queue.begin(), queue.end(), [](const model::QueueItem &item) { return item.openRisk; });
    m_state.recordEvent(QStringLiteral("view-queue"), QStringLiteral("queue"), QStringLiteral("%1 notes").arg(queue.size()));
    return queue;
}

QList<model::QueueItem> Supervision::reviewedElsewhere(const QList<model::OutsideReview> &reviews)
{
    m_state.require(model::Action::ReviewQueue);
    QList<model::QueueItem> items;
    if (m_state.user.role != model::Role::Therapist)
        return items;
    const QSet<Id> risky = reviews.isEmpty() ? QSet<Id>() : m_vault.risk().openNotes();
    // One statement for every note asked about: prepared once, reset between notes.
    auto stmt = m_state.db.prepare(
        "SELECT c.code, s.date, n.signed_at, "
        "  (SELECT max(d.signed_at) FROM addenda d WHERE d.note_id = n.id AND d.author_id = n.author_id) "
        "FROM notes n JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
        "WHERE n.id = ? AND n.author_id = ? AND n.status = 'signed' AND n.kind = 'progress' "
        "AND NOT EXISTS (SELECT 1 FROM practice_cosigns p WHERE p.note_id = n.id)");
    for (const model::OutsideReview &r : reviews) {
        stmt.reset();
        stmt.bind(1, r.noteId).bind(2, m_state.user.id);
        if (!stmt.step())
            continue;
        model::QueueItem item;
        item.noteId = r.noteId;
        item.clientCode = stmt.text(0);
        item.sessionDate = model::parseDate(stmt.text(1)).value_or(model::Date());
        item.therapist = m_state.user.name;
        item.supervisor = r.reviewer;
        item.signedAt = stmt.text(2);
        item.comments = r.comments;
        const QDateTime returned = QDateTime::fromString(r.lastReturnedAt, Qt::ISODateWithMs);
        const QDateTime answered = QDateTime::fromString(stmt.text(3), Qt::ISODateWithMs);
        item.returned = returned.isValid() && (!answered.isValid() || returned > answered);
        item.openRisk = risky.contains(r.noteId);
        items.append(item);
    }
    return items;
}

QList<model::Note> Supervision::therapistNotes(const QString &therapist, const model::Date &from, const model::Date &to)
{
    const Id therapistId = requireSupervisionReport(m_state, therapist);
    if (to < from)
        throw Error(ErrorKind::Usage, QStringLiteral("supervision report"), QStringLiteral("--from is after --to"));
    QList<model::Note> list;
    auto stmt = m_state.db.prepare(std::string(noteSelect)
                                   + "WHERE n.author_id = ? AND n.kind = 'progress' AND s.date >= ? AND s.date <= ? "
                                     "ORDER BY s.date, s.start_time, n.id");
    stmt.bind(1, therapistId).bind(2, model::toIso(from)).bind(3, model::toIso(to));
    while (stmt.step())
        list.append(readNote(m_state, stmt));
    m_state.recordEvent(QStringLiteral("view-notes"), QStringLiteral("user:%1").arg(therapistId),
                        QStringLiteral("%1 notes, %2 to %3").arg(list.size()).arg(model::toIso(from), model::toIso(to)));
    return list;
}

} // namespace uc::vault
