// SPDX-License-Identifier: GPL-3.0-or-later
#include "notes.h"

#include "io.h"
#include "notejson.h"
#include "signin.h"
#include "values.h"

#if defined(UC_PRACTICE)
#include "practice/cosign.h"
#endif

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

int sessionAdd(const Invocation &line)
{
    model::Session s;
    s.date = *dateOption(line, "date");
    if (const auto start = timeOption(line, "time"))
        s.start = *start;
    if (const auto minutes = countOption(line, "minutes"))
        s.minutes = *minutes;
    const QStringList codes = line.values("client");
    s.modality = valid(model::parseModality(line.has("modality") ? line.value("modality")
                                            : codes.size() > 1    ? u"group"_s
                                                                  : u"individual"_s),
                       "modality", u"individual, group, couple or family"_s);
    if (line.has("setting"))
        s.setting = valid(model::parseSetting(line.value("setting")), "setting",
                          u"residential, outpatient, aftercare or telehealth"_s);
    const auto attendance = valid(model::parseAttendance(line.has("attendance") ? line.value("attendance") : u"attended"_s),
                                  "attendance", u"attended, late, no-show or cancelled"_s);
    for (const QString &code : codes)
        s.attendees.append({0, code, attendance});
    const auto kind = valid(model::parseNoteKind(line.has("kind") ? line.value("kind") : u"progress"_s), "kind",
                            u"progress or process"_s);
    const QString templateId = line.has("template") ? line.value("template")
        : kind == model::NoteKind::Process          ? u"process"_s
                                                    : u"free"_s;
    if (!line.has("note-file")) {
        for (const std::string_view option : {"kind", "template"}) {
            if (line.has(option))
                throw Error(ErrorKind::Usage, line.what(), u"--"_s + toQString(option) + u" describes a note: give --note-file too"_s);
        }
        auto v = openVault(line);
        const model::Id session = v->notes().addSession(s);
        if (line.json())
            printJson(QJsonObject{{u"session"_s, static_cast<double>(session)}});
        else
            print(u"session %1"_s.arg(session));
        return 0;
    }
    const QString text = readTextFile(line.value("note-file"), u"note file"_s);
    auto v = openVault(line);
    const auto created = v->notes().addSession(s, templateId, kind, model::sectionsFromText(text, templateId));
    if (line.json()) {
        if (s.attendees.size() == 1) { // a group's stays a list, even when one member came
            printJson(QJsonObject{{u"session"_s, static_cast<double>(created.session)},
                                  {u"note"_s, static_cast<double>(created.notes.first())}});
        } else {
            QJsonArray notes;
            for (auto id : created.notes)
                notes.append(static_cast<double>(id));
            printJson(QJsonObject{{u"session"_s, static_cast<double>(created.session)}, {u"notes"_s, notes}});
        }
    } else {
        QStringList ids;
        for (auto id : created.notes)
            ids << QString::number(id);
        print(u"session %1 note %2"_s.arg(created.session).arg(ids.join(u',')));
    }
    return 0;
}

int sessionList(const Invocation &line)
{
    auto v = openVault(line);
    const QString code = line.value("client");
    QJsonArray list;
    for (const auto &entry : v->notes().sessionsOf(code)) {
        const model::Session &s = entry.session;
        QString attendance;
        for (const auto &a : s.attendees) {
            if (a.clientCode == code)
                attendance = model::toString(a.attendance);
        }
        QJsonArray notes;
        QStringList noteIds;
        for (const model::Id id : entry.notes) {
            notes.append(static_cast<double>(id));
            noteIds << QString::number(id);
        }
        const QString start = s.start ? model::toIso(*s.start) : QString();
        list.append(QJsonObject{{u"session"_s, static_cast<double>(s.id)},
                                {u"date"_s, model::toIso(s.date)},
                                {u"start"_s, start},
                                {u"minutes"_s, s.minutes},
                                {u"modality"_s, model::toString(s.modality)},
                                {u"setting"_s, s.setting ? model::toString(*s.setting) : QString()},
                                {u"attendance"_s, attendance},
                                {u"notes"_s, notes}});
        if (!line.json())
            print(u"%1\t%2\t%3\t%4\t%5\t%6\t%7"_s.arg(s.id)
                      .arg(model::toIso(s.date), start.isEmpty() ? u"-"_s : start)
                      .arg(s.minutes)
                      .arg(model::toString(s.modality), attendance,
                           noteIds.isEmpty() ? u"-"_s : noteIds.join(u',')));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int noteAdd(const Invocation &line)
{
    const model::Id sessionId = *idOption(line, "session");
    const auto kind = valid(model::parseNoteKind(line.value("kind")), "kind", u"progress or process"_s);
    const QString templateId = line.has("template") ? line.value("template")
        : kind == model::NoteKind::Process          ? u"process"_s
                                                    : u"free"_s;
    const QString text = readTextFile(line.value("note-file"), u"note file"_s);
    auto v = openVault(line);
    const model::Session session = v->notes().session(sessionId);
    QString client = session.attendees.size() == 1 ? session.attendees.first().clientCode : QString();
    if (line.has("member")) {
        client = line.value("member");
        const bool attends = std::any_of(session.attendees.begin(), session.attendees.end(),
                                         [&](const auto &a) { return a.clientCode == client; });
        if (!attends)
            throw Error(ErrorKind::Io, line.what(), u"--member: the client is not on that session"_s);
    } else if (session.attendees.size() > 1) {
        throw Error(ErrorKind::Usage, line.what(), u"a group session's note is one member's: give --member C"_s);
    }
    const model::Id note = v->notes().add(sessionId, client, templateId, kind, model::sectionsFromText(text, templateId));
    if (line.json())
        printJson(QJsonObject{{u"note"_s, static_cast<double>(note)}, {u"session"_s, static_cast<double>(sessionId)}});
    else
        print(u"session %1 note %2"_s.arg(sessionId).arg(note));
    return 0;
}

int noteList(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const auto &n : v->notes().listForClient(line.value("client"))) {
        list.append(QJsonObject{{u"note"_s, static_cast<double>(n.note)},
                                {u"session"_s, static_cast<double>(n.session)},
                                {u"date"_s, model::toIso(n.date)},
                                {u"kind"_s, model::toString(n.kind)},
                                {u"status"_s, model::toString(n.status)},
                                {u"author"_s, n.author},
                                {u"template"_s, n.templateId}});
        if (!line.json())
            print(u"%1\t%2\t%3\t%4\t%5\t%6\t%7"_s.arg(n.note)
                      .arg(n.session)
                      .arg(model::toIso(n.date), model::toString(n.kind), model::toString(n.status), n.author,
                           n.templateId));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int noteDiscard(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    openVault(line)->notes().deleteDraft(id);
    return 0;
}

int noteShow(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    auto v = openVault(line);
    const model::Note n = v->notes().read(id);
#if defined(UC_PRACTICE)
    // A practice supervisor's co-signature, comments and returns, received by sync and verified there
    // (docs/practice.md, "Co-signing, comments and returns through the server").
    const QList<practice::PracticeEvent> remote = practice::practiceEventsOf(*v, n.id);
#endif
    if (line.json()) {
        QJsonObject o = noteJson(*v, n);
#if defined(UC_PRACTICE)
        QJsonArray comments;
        for (const practice::PracticeEvent &e : remote) {
            if (e.kind == u"cosign"_s)
                o.insert(u"practice_cosign"_s, QJsonObject{{u"cosigned_by"_s, e.by},
                                                           {u"cosigned_at"_s, e.at},
                                                           {u"content_hash"_s, e.contentHash},
                                                           {u"item"_s, e.item},
                                                           {u"seq"_s, static_cast<double>(e.seq)},
                                                           // recorded in the vault (schema v26): counts
                                                           {u"in_vault"_s, e.by == n.practiceCosigner}});
            else
                comments.append(QJsonObject{{u"kind"_s, e.kind},
                                            {u"by"_s, e.by},
                                            {u"at"_s, e.at},
                                            {u"text"_s, e.text},
                                            {u"seq"_s, static_cast<double>(e.seq)}});
        }
        if (!comments.isEmpty())
            o.insert(u"practice_comments"_s, comments);
#endif
        printJson(o);
        return 0;
    }
    print(u"Note %1 · %2 · %3 · %4 note (%5) · %6"_s.arg(n.id).arg(n.clientCode, model::toIso(n.sessionDate),
                                                               model::toString(n.kind), n.templateId,
                                                               model::toString(n.status)));
    print(n.text());
    if (n.status != model::NoteStatus::Draft)
        print(u"Signed by %1 at %2 (SHA-256 %3)"_s.arg(n.signedBy, n.signedAt, n.contentHash));
    bool cosignedRemotely = false;
#if defined(UC_PRACTICE)
    // One the vault did not record (the note was co-signed here first) is shown, not counted.
    for (const practice::PracticeEvent &e : remote)
        if (e.kind == u"cosign"_s && e.by != n.practiceCosigner) {
            print(u"Co-signed by member %1 (practice) at %2 (SHA-256 %3), not recorded in the vault"_s.arg(
                e.by, e.at, e.contentHash));
            cosignedRemotely = true;
        }
#endif
    if (n.status == model::NoteStatus::Cosigned && !n.practiceCosigner.isEmpty())
        print(u"Co-signed by %1 at %2 (over SHA-256 %3)"_s.arg(n.cosigner(), n.cosignedAt, n.contentHash));
    else if (n.status == model::NoteStatus::Cosigned)
        print(u"Co-signed by %1 at %2 (SHA-256 %3)"_s.arg(n.cosignedBy, n.cosignedAt, n.cosignHash));
    else if (n.status == model::NoteStatus::Signed && n.cosignRequired && !cosignedRemotely)
        print(u"Not complete: the author's supervision requires a co-signature"_s);
    if (n.status != model::NoteStatus::Draft) {
        const vault::SignatureCheck check = v->notes().checkSignatures(n.id);
        for (const QString &m : check.migrated)
            print(u"Note: %1"_s.arg(m));
        if (!check.ok)
            print(u"Signature check failed: %1"_s.arg(check.problem));
    }
    for (const auto &a : v->notes().addenda(n.id))
        print(u"Addendum by %1 at %2:\n%3"_s.arg(a.author, a.signedAt, a.text));
#if defined(UC_PRACTICE)
    for (const practice::PracticeEvent &e : remote)
        if (e.kind != u"cosign"_s)
            print(u"%1 by member %2 (practice) at %3:\n%4"_s.arg(e.kind == u"return"_s ? u"Returned"_s : u"Comment"_s,
                                                                e.by, e.at, e.text));
#endif
    for (const auto &c : v->supervision().comments(n.id)) {
        print(u"%1 by %2 at %3:\n%4"_s.arg(c.returned ? u"Returned"_s : u"Comment"_s, c.author, c.created, c.text));
        if (c.signature == model::CommentSignature::Unsigned)
            print(u"(unsigned: written before comments were signed)"_s);
        else if (c.signature == model::CommentSignature::Broken)
            print(u"Signature check failed: %1"_s.arg(c.signatureProblem));
    }
    return 0;
}

int noteEdit(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const QString text = readTextFile(line.value("note-file"), u"note file"_s);
    auto v = openVault(line);
    const model::Note n = v->notes().read(id);
    v->notes().saveDraft(id, model::sectionsFromText(text, n.templateId));
    return 0;
}

int noteSign(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    std::optional<model::RiskAssessment> assessment;
    if (line.has("assessment-to-follow")) {
        if (line.has("risk-assessment") || line.has("risk-action-file"))
            throw Error(ErrorKind::Usage, line.what(), u"--assessment-to-follow signs without an assessment: give it alone"_s);
        assessment = model::RiskAssessment{model::RiskLevel::ToFollow, {}};
    } else if (line.has("risk-assessment") != line.has("risk-action-file")) {
        throw Error(ErrorKind::Usage, line.what(), u"give --risk-assessment and --risk-action-file together"_s);
    } else if (line.has("risk-assessment")) {
        const auto level = valid(model::parseRiskLevel(line.value("risk-assessment")), "risk-assessment",
                                 u"low, moderate or high"_s);
        assessment = model::RiskAssessment{level, readTextFile(line.value("risk-action-file"), u"action file"_s)};
    }
    auto v = openVault(line);
    if (!assessment) {
        // The words that need assessing, for the clinician's terminal (the error itself carries none).
        for (const model::RiskFlag &f : v->risk().unassessed(id))
            printError(u"risk: %1 present (%2): \"%3\""_s.arg(f.risk, f.rule, f.evidence));
    }
    v->notes().sign(id, assessment);
    return 0;
}

int noteVerify(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const vault::SignatureCheck check = openVault(line)->notes().checkSignatures(id);
    if (!check.ok)
        throw Error(ErrorKind::Damaged, line.what(), check.problem);
    print(u"ok"_s);
    print(check.signers.join(u", "_s));
    for (const QString &m : check.migrated)
        print(m);
    return 0;
}

int noteAddendum(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const QString text = readTextFile(line.value("text-file"), u"text file"_s);
    const model::Id addendum = openVault(line)->notes().addAddendum(id, text);
    if (line.json())
        printJson(QJsonObject{{u"addendum"_s, static_cast<double>(addendum)}});
    return 0;
}

int search(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const auto &h : v->search().notes(line.arguments().join(u' '))) {
        list.append(QJsonObject{{u"note"_s, static_cast<double>(h.noteId)},
                                {u"client"_s, h.clientCode},
                                {u"date"_s, model::toIso(h.sessionDate)},
                                {u"kind"_s, model::toString(h.kind)},
                                {u"snippet"_s, h.snippet}});
        if (!line.json())
            print(u"%1\t%2\t%3\t%4"_s.arg(h.noteId).arg(h.clientCode, model::toIso(h.sessionDate), h.snippet));
    }
    if (line.json())
        printJson(list);
    return 0;
}

} // namespace uc::cli
