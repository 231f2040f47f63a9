// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/tagging.h"

#include "themes/codebook.h"
#include "themes/tagger.h"
#include "vault/access.h"
#include "vault/processtext.h"
#include "vault/state.h"
#include "vault/tagstore.h"

namespace uc::vault {

using model::Id;

// ---- the codebook ------------------------------------------------------------------------------

const themes::Codebook &Tagging::codebook()
{
    if (!m_state.codebook) {
        auto book = std::make_unique<themes::Codebook>(themes::Codebook::builtin());
        const QByteArray edits = codebookEdits();
        if (!edits.isEmpty())
            book->applyEdits(edits); // validated when stored
        m_state.codebook = std::move(book);
    }
    return *m_state.codebook;
}

const themes::Tagger &Tagging::tagger()
{
    if (!m_state.tagger)
        m_state.tagger = std::make_unique<themes::Tagger>(codebook());
    return *m_state.tagger;
}

QByteArray Tagging::codebookEdits()
{
    auto stmt = m_state.db.prepare("SELECT edits FROM codebook_edits ORDER BY id DESC LIMIT 1");
    return stmt.step() ? stmt.text(0).toUtf8() : QByteArray();
}

void Tagging::setCodebookEdits(const QByteArray &json)
{
    m_state.require(model::Action::EditCodebook);
    auto book = std::make_unique<themes::Codebook>(themes::Codebook::builtin());
    book->applyEdits(json); // throws with the line and reason; nothing stored
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("INSERT INTO codebook_edits(edits, created_by, created) VALUES (?, ?, ?)")
        .bind(1, QString::fromUtf8(json))
        .bind(2, m_state.user.id)
        .bind(3, now())
        .run();
    m_state.audit(QStringLiteral("edit-codebook"), QStringLiteral("codebook:%1").arg(m_state.db.lastInsertId()));
    tx.commit();
    m_state.codebook = std::move(book);
    m_state.tagger.reset();
}

// ---- a note's tags -------------------------------------------------------------------------------

void Tagging::retag(Id noteId)
{
    m_state.require(model::Action::WriteNote);
    const model::Note n = loadNote(m_state, noteId);
    sql::Transaction tx(m_state.db);
    storeTags(m_state, tagger(), noteId, n.text());
    m_state.audit(QStringLiteral("retag"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

QList<model::ThemeTag> Tagging::tags(Id noteId)
{
    const bool process = loadNote(m_state, noteId).kind == model::NoteKind::Process; // refuses notes this user may not read
    requireNotBlind(m_state, noteId);
    QList<model::ThemeTag> tags;
    auto stmt = m_state.db.prepare("SELECT h.id, h.note_id, h.theme, h.start, h.end, h.evidence, h.rule, h.decision, "
                                   "u.name, h.decided_at, h.scope = 'group' FROM theme_hits h LEFT JOIN users u ON u.id = h.decided_by "
                                   "WHERE h.note_id = ? ORDER BY h.start, h.theme");
    stmt.bind(1, noteId);
    while (stmt.step())
        tags.append({stmt.int64(0), stmt.int64(1), stmt.text(2), static_cast<int>(stmt.int64(3)),
                     static_cast<int>(stmt.int64(4)),
                     openedForm(m_state, noteId, process, SealedField::ThemeEvidence, stmt.text(5)), stmt.text(6),
                     model::parseTagDecision(stmt.text(7)).value_or(model::TagDecision::Suggested), stmt.text(8),
                     stmt.text(9), stmt.int64(10) != 0});
    return tags;
}

void Tagging::decide(Id tagId, model::TagDecision decision)
{
    const QString what = QStringLiteral("decide on theme");
    if (decision != model::TagDecision::Confirmed && decision != model::TagDecision::Rejected)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a suggestion is confirmed or rejected"));
    m_state.require(model::Action::DecideTheme);
    auto find = m_state.db.prepare("SELECT note_id, decision FROM theme_hits WHERE id = ?");
    find.bind(1, tagId);
    if (!find.step())
        badInput(what, QStringLiteral("no theme suggestion with that id"));
    const Id noteId = find.int64(0);
    if (loadNote(m_state, noteId).authorId != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the note's author decides on its themes"));
    if (find.text(1) == QLatin1String("manual"))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a manual tag is the clinician's own; remove it instead"));
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("UPDATE theme_hits SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?")
        .bind(1, model::toString(decision))
        .bind(2, m_state.user.id)
        .bind(3, now())
        .bind(4, tagId)
        .run();
    refreshThemeCounts(m_state, noteId);
    m_state.audit(QStringLiteral("decide-theme"), QStringLiteral("note:%1").arg(noteId),
                  QStringLiteral("tag:%1 %2").arg(tagId).arg(model::toString(decision)));
    tx.commit();
}

Id Tagging::tagSpan(Id noteId, const QString &theme, int start, int end)
{
    const QString what = QStringLiteral("tag words");
    m_state.require(model::Action::DecideTheme);
    if (!codebook().find(theme))
        badInput(what, QStringLiteral("the codebook has no such theme"));
    const model::Note n = loadNote(m_state, noteId);
    if (n.authorId != m_state.user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the note's author tags its words"));
    const QList<uint> codePoints = n.text().toUcs4();
    if (start < 0 || end <= start || end > codePoints.size())
        badInput(what, QStringLiteral("the words chosen are not inside the note"));
    const QString evidence = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()) + start,
                                               end - start);
    sql::Transaction tx(m_state.db);
    m_state.db
        .prepare("INSERT INTO theme_hits(note_id, theme, start, end, evidence, rule, decision, decided_by, decided_at) "
                 "VALUES (?, ?, ?, ?, ?, 'manual', 'manual', ?, ?)")
        .bind(1, noteId)
        .bind(2, theme)
        .bind(3, start)
        .bind(4, end)
        .bind(5, storedForm(m_state, noteId, n.kind == model::NoteKind::Process, SealedField::ThemeEvidence, evidence))
        .bind(6, m_state.user.id)
        .bind(7, now())
        .run();
    const Id id = m_state.db.lastInsertId();
    refreshThemeCounts(m_state, noteId);
    m_state.audit(QStringLiteral("tag-words"), QStringLiteral("note:%1").arg(noteId),
                  QStringLiteral("tag:%1 %2").arg(id).arg(theme));
    tx.commit();
    return id;
}

} // namespace uc::vault
