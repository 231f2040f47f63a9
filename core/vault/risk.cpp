// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/risk.h"

#include "model/measurerisk.h"
#include "themes/tagger.h"
#include "vault/access.h"
#include "vault/processtext.h"
#include "vault/state.h"
#include "vault/vault.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>

namespace uc::vault {

using model::Id;

namespace {

// The clients a supervisor's therapists wrote about: the measures' flags they may see.
QSet<Id> supervisedClients(VaultState &state)
{
    QSet<Id> ids;
    auto stmt = state.db.prepare("SELECT DISTINCT n.client_id FROM notes n JOIN supervision v ON v.therapist_id = n.author_id "
                                 "WHERE v.supervisor_id = ?");
    stmt.bind(1, state.user.id);
    while (stmt.step())
        ids.insert(stmt.int64(0));
    return ids;
}

bool byDate(const model::RiskFlag &a, const model::RiskFlag &b)
{
    return std::tie(a.date, a.at, a.noteId, a.measureId) < std::tie(b.date, b.at, b.noteId, b.measureId);
}

} // namespace

QList<model::RiskFlag> Risk::flagsOf(const model::Note &note)
{
    QList<model::RiskFlag> flags;
    // Every section is read, headings and structured lines included (docs/risk.md).
    const themes::TagResult result = m_vault.tagging().tagger().tag(note.text());
    for (const themes::RiskResult &r : result.risks) {
        model::RiskFlag f;
        f.noteId = note.id;
        f.clientId = note.clientId;
        f.clientCode = note.clientCode;
        f.date = note.sessionDate;
        f.at = note.signedAt;
        f.risk = r.id;
        f.present = r.status == themes::RiskStatus::Present;
        f.rule = r.rule;
        if (!r.evidence.isEmpty()) {
            f.evidence = r.evidence.first().text;
            f.start = r.evidence.first().start;
            f.end = r.evidence.first().end;
        }
        flags.append(f);
    }
    return flags;
}

QList<model::RiskFlag> Risk::unassessed(Id noteId)
{
    m_state.require(model::Action::SignNote);
    const model::Note n = loadNote(m_state, noteId);
    if (n.status != model::NoteStatus::Draft || model::documentedAssessment(n.sections))
        return {};
    QList<model::RiskFlag> present;
    for (const model::RiskFlag &f : flagsOf(n)) {
        if (f.present)
            present.append(f);
    }
    return present;
}

void Risk::recordAtSign(const model::Note &note, const std::optional<model::RiskAssessment> &given)
{
    const QList<model::RiskFlag> flags = flagsOf(note);
    const std::optional<model::RiskAssessment> assessment = given ? given : model::documentedAssessment(note.sections);
    const auto firstPresent = std::find_if(flags.begin(), flags.end(), [](const auto &f) { return f.present; });
    if (firstPresent != flags.end() && !assessment)
        throw Error(ErrorKind::Conflict, QStringLiteral("sign note"),
                    QStringLiteral("the note shows %1 risk (rule %2, characters %3-%4) and no risk assessment: give "
                                   "--risk-assessment low|moderate|high with --risk-action-file, write a \"Risk "
                                   "assessment: <level> <action>\" line, or sign with --assessment-to-follow")
                        .arg(firstPresent->risk, firstPresent->rule)
                        .arg(firstPresent->start)
                        .arg(firstPresent->end));
    if (given && given->level != model::RiskLevel::ToFollow && given->action.trimmed().isEmpty())
        badInput(QStringLiteral("sign note"), QStringLiteral("a risk assessment needs the action taken"));
    const QString object = QStringLiteral("note:%1").arg(note.id);
    auto insert = m_state.db.prepare("INSERT INTO risk_flags(note_id, risk, status, evidence, start_pos, end_pos, rule) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const model::RiskFlag &f : flags) {
        const QString status = f.present ? QStringLiteral("present") : QStringLiteral("denied");
        insert.bind(1, note.id)
            .bind(2, f.risk)
            .bind(3, status)
            .bind(4, storedForm(m_state, note.id, note.kind == model::NoteKind::Process, SealedField::RiskEvidence,
                                f.evidence))
            .bind(5, f.start)
            .bind(6, f.end)
            .bind(7, f.rule)
            .run();
        insert.reset();
        m_state.audit(QStringLiteral("risk-flag"), object, f.risk + u' ' + status);
    }
    if (!assessment)
        return;
    m_state.db.prepare("INSERT INTO risk_assessments(client_id, note_id, date, level, action, assessed_by, assessed_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, note.clientId)
        .bind(2, note.id)
        .bind(3, model::toIso(note.sessionDate))
        .bind(4, model::toString(assessment->level))
        .bind(5, assessment->action.trimmed())
        .bind(6, m_state.user.id)
        .bind(7, note.signedAt)
        .run();
    m_state.audit(QStringLiteral("risk-assessment"), object, model::toString(assessment->level));
}

QList<model::RiskFlag> Risk::visibleFlags(const std::optional<QString> &clientCode, bool presentOnly)
{
    m_state.require(model::Action::ReadRecords);
    QList<model::RiskFlag> flags;
    auto stmt = m_state.db.prepare(
        std::string("SELECT f.note_id, n.client_id, c.code, s.date, n.signed_at, f.risk, f.status, f.evidence, "
                    "f.start_pos, f.end_pos, f.rule, n.kind = 'process' "
                    "FROM risk_flags f JOIN notes n ON n.id = f.note_id JOIN clients c ON c.id = n.client_id "
                    "JOIN sessions s ON s.id = n.session_id "
                    "WHERE f.dismissed_at IS NULL AND (:code IS NULL OR c.code = :code) "
                    "AND (NOT :present OR f.status = 'present') AND ")
        + readableNotes);
    stmt.bind(stmt.parameterIndex(":code"), clientCode).bind(stmt.parameterIndex(":present"), presentOnly ? 1 : 0);
    bindReadable(stmt, m_state.user.id, readerScope(m_state, true));
    while (stmt.step()) {
        model::RiskFlag f;
        f.noteId = stmt.int64(0);
        f.clientId = stmt.int64(1);
        f.clientCode = stmt.text(2);
        f.date = model::parseDate(stmt.text(3)).value_or(model::Date());
        f.at = stmt.text(4);
        f.risk = stmt.text(5);
        f.present = stmt.text(6) == u"present";
        f.evidence = openedForm(m_state, f.noteId, stmt.int64(11) != 0, SealedField::RiskEvidence, stmt.text(7));
        f.start = static_cast<int>(stmt.int64(8));
        f.end = static_cast<int>(stmt.int64(9));
        f.rule = stmt.text(10);
        flags.append(f);
    }
    const std::optional<QSet<Id>> scope = m_state.isSupervisor() ? std::optional(supervisedClients(m_state)) : std::nullopt;
    QHash<Id, QString> codes;
    for (const auto &[m, entered] : m_vault.measures().screens(clientCode)) {
        if (scope && !scope->contains(m.clientId))
            continue;
        const auto risk = model::riskOf(m.instrument, m.answers);
        if (!risk)
            continue;
        if (!codes.contains(m.clientId)) {
            auto code = m_state.db.prepare("SELECT code FROM clients WHERE id = ?");
            code.bind(1, m.clientId);
            codes.insert(m.clientId, code.step() ? code.text(0) : QString());
        }
        model::RiskFlag f;
        f.measureId = m.id;
        f.clientId = m.clientId;
        f.clientCode = codes.value(m.clientId);
        f.date = m.date;
        f.at = entered;
        f.risk = risk->id;
        f.evidence = risk->evidence;
        f.rule = m.instrument;
        flags.append(f);
    }
    std::stable_sort(flags.begin(), flags.end(), byDate);
    return flags;
}

QList<model::RiskClosing> Risk::closings(const std::optional<QString> &clientCode)
{
    QList<model::RiskClosing> list;
    auto stmt = m_state.db.prepare("SELECT r.client_id, r.date, r.assessed_at FROM risk_assessments r "
                                   "JOIN clients c ON c.id = r.client_id "
                                   "WHERE r.level <> 'to-follow' AND (?1 IS NULL OR c.code = ?1)");
    stmt.bind(1, clientCode);
    while (stmt.step())
        list.append({stmt.int64(0), model::parseDate(stmt.text(1)).value_or(model::Date()), stmt.text(2)});
    return list;
}

QList<model::RiskFlag> Risk::open()
{
    const QList<model::RiskFlag> list = model::openFlags(visibleFlags(std::nullopt, true), closings(std::nullopt));
    m_state.recordEvent(QStringLiteral("view-risk"), QStringLiteral("caseload"), QStringLiteral("%1 flags").arg(list.size()));
    return list;
}

QList<model::RiskFlag> Risk::openFor(const QString &clientCode)
{
    return model::openFlags(visibleFlags(clientCode, true), closings(clientCode));
}

QList<model::RiskFlag> Risk::forClient(const QString &clientCode)
{
    return visibleFlags(clientCode, false);
}

QSet<Id> Risk::openNotes()
{
    QSet<Id> notes;
    for (const model::RiskFlag &f : model::openFlags(visibleFlags(std::nullopt, true), closings(std::nullopt))) {
        if (f.noteId != 0)
            notes.insert(f.noteId);
    }
    return notes;
}

void Risk::close(const QString &clientCode, model::RiskLevel level, const QString &action)
{
    const QString what = QStringLiteral("close risk");
    m_state.require(model::Action::SignNote);
    if (level == model::RiskLevel::ToFollow)
        badInput(what, QStringLiteral("closing risk takes a level: low, moderate or high"));
    if (action.trimmed().isEmpty())
        badInput(what, QStringLiteral("a risk assessment needs the action taken"));
    const auto c = m_vault.clients().find(clientCode);
    if (!c)
        throw Error(ErrorKind::Usage, what, QStringLiteral("no client with that code"));
    if (openFor(clientCode).isEmpty())
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the client has no open risk that you may see"));
    const model::Date today = boost::gregorian::day_clock::universal_day();
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("INSERT INTO risk_assessments(client_id, note_id, date, level, action, assessed_by, assessed_at) "
                       "VALUES (?, NULL, ?, ?, ?, ?, ?)")
        .bind(1, c->id)
        .bind(2, model::toIso(today))
        .bind(3, model::toString(level))
        .bind(4, action.trimmed())
        .bind(5, m_state.user.id)
        .bind(6, now())
        .run();
    m_state.audit(QStringLiteral("risk-close"), QStringLiteral("client:%1").arg(c->id), model::toString(level));
    tx.commit();
}

void Risk::dismiss(Id noteId, const QString &reason)
{
    const QString what = QStringLiteral("dismiss risk");
    m_state.require(model::Action::SignNote);
    if (reason.trimmed().isEmpty())
        badInput(what, QStringLiteral("dismissing a flag needs a reason"));
    (void)loadNote(m_state, noteId); // the reader's access
    sql::Transaction tx(m_state.db);
    QStringList risks;
    auto stmt = m_state.db.prepare("SELECT risk FROM risk_flags WHERE note_id = ? AND status = 'present' "
                                   "AND dismissed_at IS NULL ORDER BY id");
    stmt.bind(1, noteId);
    while (stmt.step())
        risks.append(stmt.text(0));
    if (risks.isEmpty())
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note has no present risk flag to dismiss"));
    m_state.db.prepare("UPDATE risk_flags SET dismissed_by = ?, dismissed_at = ?, dismiss_reason = ? "
                       "WHERE note_id = ? AND status = 'present' AND dismissed_at IS NULL")
        .bind(1, m_state.user.id)
        .bind(2, now())
        .bind(3, reason.trimmed())
        .bind(4, noteId)
        .run();
    m_state.audit(QStringLiteral("risk-dismiss"), QStringLiteral("note:%1").arg(noteId), risks.join(u','));
    tx.commit();
}

} // namespace uc::vault
