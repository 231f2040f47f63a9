// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/access.h"

#include "vault/processtext.h"
#include "vault/state.h"

namespace uc::vault {

model::Note readNote(const VaultState &state, const sql::Statement &s)
{
    model::Note n;
    n.id = s.int64(0);
    n.sessionId = s.int64(1);
    n.clientId = s.int64(2);
    n.clientCode = s.text(3);
    n.sessionDate = model::parseDate(s.text(4)).value_or(model::Date());
    n.authorId = s.int64(5);
    n.author = s.text(6);
    n.templateId = s.text(7);
    n.kind = model::parseNoteKind(s.text(8)).value_or(model::NoteKind::Progress);
    n.status = model::parseNoteStatus(s.text(9)).value_or(model::NoteStatus::Draft);
    if (n.kind != model::NoteKind::Process)
        n.sections = model::sectionsFromJson(s.text(10));
    else if (n.authorId == state.user.id)
        n.sections = model::sectionsFromJson(openedForm(state, n.id, true, SealedField::Sections, s.text(10)));
    n.created = s.text(11);
    n.updated = s.text(12);
    n.signedBy = s.text(13);
    n.signedAt = s.text(14);
    n.contentHash = s.text(15);
    n.cosignedBy = s.text(16);
    n.cosignedAt = s.text(17);
    n.cosignHash = s.text(18);
    n.cosignRequired = s.int64(19) != 0;
    n.uuid = s.text(20);
    n.sessionUuid = s.text(21);
    n.canonicalForm = static_cast<int>(s.int64(22));
    n.cosignForm = static_cast<int>(s.int64(23));
    // Co-signed on the practice server (vault/practicecosigns.h): co-signed as a note co-signed here is.
    if (!s.isNull(24) && n.status == model::NoteStatus::Signed) {
        n.status = model::NoteStatus::Cosigned;
        n.practiceCosigner = s.text(24);
        n.cosignedAt = s.text(25);
    }
    return n;
}

model::Note loadNote(VaultState &state, model::Id id)
{
    auto stmt = state.db.prepare(std::string(noteSelect) + "WHERE n.id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        badInput(QStringLiteral("show note"), QStringLiteral("no note with that id"));
    model::Note n = readNote(state, stmt);
    if (n.kind == model::NoteKind::Process && n.authorId != state.user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("show note"),
                    QStringLiteral("a process note is readable by its author only"));
    if (state.isSupervisor() && !state.supervises(n.authorId))
        throw Error(ErrorKind::NotAllowed, QStringLiteral("show note"),
                    QStringLiteral("a supervisor reads the notes of the therapists assigned to them only"));
    return n;
}

NoteScope readerScope(const VaultState &state, bool ownProcessNotes)
{
    return {ownProcessNotes, state.isSupervisor()};
}

void bindReadable(sql::Statement &stmt, model::Id reader, NoteScope scope)
{
    stmt.bind(stmt.parameterIndex(":reader"), reader)
        .bind(stmt.parameterIndex(":process"), scope.ownProcessNotes ? 1 : 0)
        .bind(stmt.parameterIndex(":supervised"), scope.supervisedOnly ? 1 : 0);
}

model::Id requireSupervisionReport(VaultState &state, const QString &therapist)
{
    const QString what = QStringLiteral("supervision report");
    state.require(model::Action::SupervisionReport);
    const auto [therapistId, role] = userByName(state.db, therapist, what, QStringLiteral("therapist"));
    if (role != model::Role::Therapist)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the user named is not a therapist"));
    if (state.user.role == model::Role::Therapist && therapistId != state.user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("a therapist makes their own supervision report only"));
    if (state.isSupervisor() && !state.supervises(therapistId))
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("a supervisor reports on the therapists assigned to them only"));
    return therapistId;
}

std::string notAwaitingBlindRating(std::string_view noteIdColumn)
{
    return std::string(noteIdColumn)
           + " NOT IN (SELECT r.note_id FROM agreement_ratings r JOIN agreement_checks k ON k.id = r.check_id "
             "WHERE k.supervisor_id = :reader AND r.themes IS NULL)";
}

void requireNotBlind(VaultState &state, model::Id noteId)
{
    if (!state.isSupervisor())
        return;
    auto stmt = state.db.prepare("SELECT r.check_id FROM agreement_ratings r JOIN agreement_checks k ON k.id = r.check_id "
                                 "WHERE r.note_id = ? AND k.supervisor_id = ? AND r.themes IS NULL LIMIT 1");
    stmt.bind(1, noteId).bind(2, state.user.id);
    if (stmt.step())
        throw Error(ErrorKind::NotAllowed, QStringLiteral("show themes"),
                    QStringLiteral("the note is in agreement check %1: rate it blind before seeing its themes")
                        .arg(stmt.int64(0)));
}

} // namespace uc::vault
