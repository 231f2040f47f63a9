// SPDX-License-Identifier: GPL-3.0-or-later
// Vault::importClient: the other half of exportClient's round trip.
#include "vault/vault.h"

#include "model/measures.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <map>

namespace uc::vault {

using model::Id;

namespace {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Reading the record: every problem names where it is ("notes[2].status") and why, never a value.
[[noreturn]] void malformed(const QString &where, const QString &why)
{
    throw Error(ErrorKind::Io, QStringLiteral("import"), where + QStringLiteral(": ") + why);
}

QString at(const QString &where, QLatin1String key)
{
    return where.isEmpty() ? QString(key) : where + u'.' + QString(key);
}

QString text(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isString())
        malformed(at(where, key), v.isUndefined() ? QStringLiteral("missing") : QStringLiteral("not a string"));
    return v.toString();
}

// A string that may be empty, null or absent (all read as empty).
QString optText(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return {};
    if (!v.isString())
        malformed(at(where, key), QStringLiteral("not a string"));
    return v.toString();
}

std::optional<model::Date> optDate(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QString v = optText(o, key, where);
    if (v.isEmpty())
        return std::nullopt;
    const auto d = model::parseDate(v);
    if (!d)
        malformed(at(where, key), QStringLiteral("not a date (YYYY-MM-DD)"));
    return d;
}

model::Date date(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const auto d = optDate(o, key, where);
    if (!d)
        malformed(at(where, key), QStringLiteral("missing"));
    return *d;
}

qint64 integer(const QJsonObject &o, QLatin1String key, const QString &where, qint64 min, qint64 max)
{
    const QJsonValue v = o.value(key);
    const double d = v.toDouble(-1e300);
    if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d)) || d < static_cast<double>(min)
        || d > static_cast<double>(max))
        malformed(at(where, key), QStringLiteral("not a whole number from %1 to %2").arg(min).arg(max));
    return static_cast<qint64>(d);
}

bool boolean(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isBool())
        malformed(at(where, key), QStringLiteral("not true or false"));
    return v.toBool();
}

QJsonArray array(const QJsonObject &o, QLatin1String key, const QString &where)
{
    const QJsonValue v = o.value(key);
    if (!v.isArray())
        malformed(at(where, key), QStringLiteral("not a list"));
    return v.toArray();
}

QJsonObject object(const QJsonValue &v, const QString &where)
{
    if (!v.isObject())
        malformed(where, QStringLiteral("not an object"));
    return v.toObject();
}

template<typename T>
T word(std::optional<T> parsed, const QString &where)
{
    if (!parsed)
        malformed(where, QStringLiteral("not a known word"));
    return *parsed;
}

bool isHash(const QString &h)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(h).hasMatch();
}

QString itemAt(QLatin1String list, qsizetype i)
{
    return QStringLiteral("%1[%2]").arg(QString(list)).arg(i);
}

struct Tag
{
    QString theme;
    int start = 0;
    int end = 0;
    QString evidence;
    QString rule;
    model::TagDecision decision = model::TagDecision::Suggested;
    QString decidedBy;
    QString decidedAt;
};

struct ImportedNote
{
    model::Note note;
    QList<Tag> tags;
    QList<model::Addendum> addenda;
};

struct ImportedMeasure
{
    model::Date date;
    QString instrument;
    QString answers;
    model::Score score;
};

} // namespace

Vault::ClientImported Vault::importClient(const QJsonObject &record)
{
    require(model::Action::CreateClient);
    require(model::Action::WriteNote);
    const QString what = QStringLiteral("import");

    // ---- read and check everything before writing anything
    if (record.value(QLatin1String("format")).toString() != QLatin1String("undercurrent-client-export"))
        malformed(QStringLiteral("format"), QStringLiteral("not an Undercurrent client export"));
    if (record.value(QLatin1String("version")).toDouble(-1) != 1.0)
        malformed(QStringLiteral("version"), QStringLiteral("not a version this Undercurrent reads (1)"));

    const QJsonObject cj = object(record.value(QLatin1String("client")), QStringLiteral("client"));
    const QString cw = QStringLiteral("client");
    model::Client c;
    c.code = text(cj, QLatin1String("code"), cw);
    static const QRegularExpression codeShape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    if (!codeShape.match(c.code).hasMatch())
        malformed(QStringLiteral("client.code"), QStringLiteral("a client code is 1 to 32 letters, digits, '.', '_' or '-'"));
    c.displayName = text(cj, QLatin1String("display_name"), cw);
    if (c.displayName.trimmed().isEmpty())
        malformed(QStringLiteral("client.display_name"), QStringLiteral("empty"));
    c.status = word(model::parseClientStatus(text(cj, QLatin1String("status"), cw)), QStringLiteral("client.status"));
    c.intakeDate = optDate(cj, QLatin1String("intake_date"), cw);
    if (const QString s = optText(cj, QLatin1String("setting"), cw); !s.isEmpty())
        c.setting = word(model::parseSetting(s), QStringLiteral("client.setting"));
    c.consentTreatment = boolean(cj, QLatin1String("consent_treatment"), cw);
    c.consentPart2 = boolean(cj, QLatin1String("consent_part2"), cw);
    c.consentPart2Date = optDate(cj, QLatin1String("consent_part2_date"), cw);
    c.consentPart2Scope = optText(cj, QLatin1String("consent_part2_scope"), cw);

    // Sessions, by their number in the record.
    std::map<Id, model::Session> sessions;
    const QJsonArray sessionsJson = array(record, QLatin1String("sessions"), {});
    for (qsizetype i = 0; i < sessionsJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("sessions"), i);
        const QJsonObject sj = object(sessionsJson.at(i), w);
        model::Session s;
        s.id = integer(sj, QLatin1String("id"), w, 1, Id(1) << 53);
        if (sessions.count(s.id))
            malformed(at(w, QLatin1String("id")), QStringLiteral("a second session with that number"));
        s.date = date(sj, QLatin1String("date"), w);
        if (const QString t = optText(sj, QLatin1String("time"), w); !t.isEmpty())
            s.start = word(model::parseTime(t), at(w, QLatin1String("time")));
        s.minutes = static_cast<int>(integer(sj, QLatin1String("minutes"), w, 1, 1440));
        s.modality = word(model::parseModality(text(sj, QLatin1String("modality"), w)), at(w, QLatin1String("modality")));
        if (const QString st = optText(sj, QLatin1String("setting"), w); !st.isEmpty())
            s.setting = word(model::parseSetting(st), at(w, QLatin1String("setting")));
        s.groupTopic = optText(sj, QLatin1String("group_topic"), w);
        const QJsonArray attendees = array(sj, QLatin1String("attendees"), w);
        // The export names only this client on a session (never another group member).
        if (attendees.size() != 1)
            malformed(at(w, QLatin1String("attendees")), QStringLiteral("one attendee, the client, is expected"));
        const QJsonObject aj = object(attendees.first(), at(w, QLatin1String("attendees[0]")));
        if (text(aj, QLatin1String("client"), at(w, QLatin1String("attendees[0]"))) != c.code)
            malformed(at(w, QLatin1String("attendees[0].client")), QStringLiteral("not the client of the record"));
        s.attendees.append({0, c.code, word(model::parseAttendance(text(aj, QLatin1String("attendance"), w)),
                                            at(w, QLatin1String("attendees[0].attendance")))});
        sessions.emplace(s.id, s);
    }

    // Notes, with their signatures checked against their content.
    QList<ImportedNote> notes;
    QSet<Id> noteIds;
    const QJsonArray notesJson = array(record, QLatin1String("notes"), {});
    for (qsizetype i = 0; i < notesJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("notes"), i);
        const QJsonObject nj = object(notesJson.at(i), w);
        ImportedNote in;
        model::Note &n = in.note;
        n.id = integer(nj, QLatin1String("id"), w, 1, Id(1) << 53);
        if (noteIds.contains(n.id))
            malformed(at(w, QLatin1String("id")), QStringLiteral("a second note with that number"));
        noteIds.insert(n.id);
        n.sessionId = integer(nj, QLatin1String("session"), w, 1, Id(1) << 53);
        const auto session = sessions.find(n.sessionId);
        if (session == sessions.end())
            malformed(at(w, QLatin1String("session")), QStringLiteral("no session with that number in the record"));
        n.clientCode = c.code;
        n.sessionDate = session->second.date;
        n.author = text(nj, QLatin1String("author"), w).trimmed();
        if (n.author.isEmpty() || n.author.size() > 64)
            malformed(at(w, QLatin1String("author")), QStringLiteral("a name of 1 to 64 characters is needed"));
        n.templateId = text(nj, QLatin1String("template"), w);
        if (!model::findTemplate(n.templateId))
            malformed(at(w, QLatin1String("template")), QStringLiteral("unknown note template"));
        n.kind = word(model::parseNoteKind(text(nj, QLatin1String("kind"), w)), at(w, QLatin1String("kind")));
        n.status = word(model::parseNoteStatus(text(nj, QLatin1String("status"), w)), at(w, QLatin1String("status")));
        const QJsonArray sectionsJson = array(nj, QLatin1String("sections"), w);
        for (qsizetype k = 0; k < sectionsJson.size(); ++k) {
            const QString sw = at(w, QLatin1String("sections")) + QStringLiteral("[%1]").arg(k);
            const QJsonObject so = object(sectionsJson.at(k), sw);
            n.sections.append({text(so, QLatin1String("title"), sw), text(so, QLatin1String("text"), sw)});
        }
        n.created = text(nj, QLatin1String("created"), w);
        n.updated = text(nj, QLatin1String("updated"), w);
        n.signedBy = optText(nj, QLatin1String("signed_by"), w);
        n.signedAt = optText(nj, QLatin1String("signed_at"), w);
        n.contentHash = optText(nj, QLatin1String("content_hash"), w);
        n.cosignedBy = optText(nj, QLatin1String("cosigned_by"), w);
        n.cosignedAt = optText(nj, QLatin1String("cosigned_at"), w);
        n.cosignHash = optText(nj, QLatin1String("cosign_hash"), w);
        const bool isSigned = n.status != model::NoteStatus::Draft;
        const bool cosigned = n.status == model::NoteStatus::Cosigned;
        if (isSigned != (!n.signedBy.isEmpty() && !n.signedAt.isEmpty() && isHash(n.contentHash)))
            malformed(w, isSigned ? QStringLiteral("a signed note needs signed_by, signed_at and a content_hash")
                                  : QStringLiteral("a draft carries no signature"));
        if (cosigned != (!n.cosignedBy.isEmpty() && !n.cosignedAt.isEmpty() && isHash(n.cosignHash)))
            malformed(w, cosigned ? QStringLiteral("a co-signed note needs cosigned_by, cosigned_at and a cosign_hash")
                                  : QStringLiteral("only a co-signed note carries a co-signature"));
        // The signature still holds over the content as recorded, or the record was changed.
        if (isSigned && sha256Hex(canonicalContent(n).toUtf8()) != n.contentHash)
            throw Error(ErrorKind::Damaged, what,
                        w + QStringLiteral(": the note's content does not match its signature (changed since signing)"));
        if (cosigned && sha256Hex(cosignContent(n, n.cosignedBy, n.cosignedAt).toUtf8()) != n.cosignHash)
            throw Error(ErrorKind::Damaged, what, w + QStringLiteral(": the co-signature does not match the note"));

        const qsizetype codePoints = n.text().toUcs4().size();
        const QJsonArray tagsJson = array(nj, QLatin1String("themes"), w);
        for (qsizetype k = 0; k < tagsJson.size(); ++k) {
            const QString tw = at(w, QLatin1String("themes")) + QStringLiteral("[%1]").arg(k);
            const QJsonObject tj = object(tagsJson.at(k), tw);
            Tag t;
            t.theme = text(tj, QLatin1String("theme"), tw);
            if (t.theme.isEmpty())
                malformed(at(tw, QLatin1String("theme")), QStringLiteral("empty"));
            t.start = static_cast<int>(integer(tj, QLatin1String("start"), tw, 0, codePoints));
            t.end = static_cast<int>(integer(tj, QLatin1String("end"), tw, t.start, codePoints));
            t.evidence = text(tj, QLatin1String("evidence"), tw);
            t.rule = text(tj, QLatin1String("rule"), tw);
            t.decision = word(model::parseTagDecision(text(tj, QLatin1String("decision"), tw)), at(tw, QLatin1String("decision")));
            t.decidedBy = optText(tj, QLatin1String("decided_by"), tw).trimmed();
            t.decidedAt = optText(tj, QLatin1String("decided_at"), tw);
            if ((t.decision == model::TagDecision::Suggested) != t.decidedBy.isEmpty())
                malformed(tw, QStringLiteral("a decided tag names who decided, a suggestion no one"));
            in.tags.append(t);
        }
        const QJsonArray addendaJson = array(nj, QLatin1String("addenda"), w);
        if (!isSigned && !addendaJson.isEmpty())
            malformed(at(w, QLatin1String("addenda")), QStringLiteral("an addendum goes under a signed note"));
        for (qsizetype k = 0; k < addendaJson.size(); ++k) {
            const QString aw = at(w, QLatin1String("addenda")) + QStringLiteral("[%1]").arg(k);
            const QJsonObject aj = object(addendaJson.at(k), aw);
            model::Addendum a;
            a.author = text(aj, QLatin1String("author"), aw).trimmed();
            a.text = text(aj, QLatin1String("text"), aw);
            a.signedAt = text(aj, QLatin1String("signed_at"), aw);
            a.contentHash = text(aj, QLatin1String("content_hash"), aw);
            if (a.author.isEmpty() || a.text.trimmed().isEmpty() || a.signedAt.isEmpty() || !isHash(a.contentHash))
                malformed(aw, QStringLiteral("an addendum needs an author, text, signed_at and a content_hash"));
            in.addenda.append(a);
        }
        notes.append(in);
    }

    QList<ImportedMeasure> measures;
    const QJsonArray measuresJson = array(record, QLatin1String("measures"), {});
    for (qsizetype i = 0; i < measuresJson.size(); ++i) {
        const QString w = itemAt(QLatin1String("measures"), i);
        const QJsonObject mj = object(measuresJson.at(i), w);
        ImportedMeasure m;
        m.date = date(mj, QLatin1String("date"), w);
        m.instrument = text(mj, QLatin1String("instrument"), w);
        m.answers = text(mj, QLatin1String("answers"), w);
        QList<int> answers;
        for (const QString &item : m.answers.split(u',')) {
            bool ok = false;
            answers.append(item.toInt(&ok));
            if (!ok)
                malformed(at(w, QLatin1String("answers")), QStringLiteral("not a list of whole numbers"));
        }
        try {
            m.score = model::score(m.instrument, answers);
        } catch (const Error &e) {
            malformed(w, e.why());
        }
        if (m.score.total != integer(mj, QLatin1String("total"), w, 0, 1000)
            || m.score.band != text(mj, QLatin1String("band"), w))
            malformed(w, QStringLiteral("the answers do not give the recorded total and band"));
        measures.append(m);
    }

    std::optional<model::ClientSummary> summary;
    if (record.contains(QLatin1String("shareable_summary"))) {
        const QString w = QStringLiteral("shareable_summary");
        const QJsonObject sj = object(record.value(QLatin1String("shareable_summary")), w);
        summary = model::ClientSummary{text(sj, QLatin1String("text"), w), text(sj, QLatin1String("author"), w).trimmed(),
                                       text(sj, QLatin1String("updated"), w)};
        if (summary->author.isEmpty() || summary->updated.isEmpty())
            malformed(w, QStringLiteral("a summary needs its author and time"));
    }

    // ---- what the target vault must leave free
    if (client(c.code))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a client with that code exists in this vault"));
    {
        auto sessionTaken = m_db.prepare("SELECT 1 FROM sessions WHERE id = ?");
        for (const auto &[id, s] : sessions) {
            sessionTaken.bind(1, id);
            if (sessionTaken.step())
                throw Error(ErrorKind::Conflict, what,
                            QStringLiteral("session %1 of the record is taken in this vault; signatures name their "
                                           "session and note numbers, so import into a new vault").arg(id));
            sessionTaken.reset();
        }
        auto noteTaken = m_db.prepare("SELECT 1 FROM notes WHERE id = ?");
        for (const ImportedNote &in : std::as_const(notes)) {
            noteTaken.bind(1, in.note.id);
            if (noteTaken.step())
                throw Error(ErrorKind::Conflict, what,
                            QStringLiteral("note %1 of the record is taken in this vault; signatures name their "
                                           "session and note numbers, so import into a new vault").arg(in.note.id));
            noteTaken.reset();
        }
    }

    // ---- write it all, or nothing
    ClientImported result;
    const QString stamp = nowUtc();
    sql::Transaction tx(m_db);

    // People by name: users of this vault, or recorded names (a user row without a key slot).
    std::map<QString, Id> people;
    auto person = [&](const QString &name, model::Role role) -> std::optional<Id> {
        if (name.isEmpty())
            return std::nullopt;
        if (const auto found = people.find(name); found != people.end())
            return found->second;
        auto find = m_db.prepare("SELECT id FROM users WHERE name = ?");
        find.bind(1, name);
        Id id = 0;
        if (find.step()) {
            id = find.int64(0);
        } else {
            if (name.size() > 64)
                malformed(QStringLiteral("a name in the record"), QStringLiteral("longer than 64 characters"));
            m_db.prepare("INSERT INTO users(name, role, created) VALUES (?, ?, ?)")
                .bind(1, name)
                .bind(2, model::toString(role))
                .bind(3, stamp)
                .run();
            id = m_db.lastInsertId();
            result.recordedNames.append(name);
            audit(QStringLiteral("add-recorded-name"), QStringLiteral("user:%1").arg(id), model::toString(role));
        }
        people.emplace(name, id);
        return id;
    };
    // Authors and signers first, so that a name seen in both roles is a therapist.
    for (const ImportedNote &in : std::as_const(notes)) {
        person(in.note.author, model::Role::Therapist);
        person(in.note.signedBy, model::Role::Therapist);
    }
    for (const ImportedNote &in : std::as_const(notes))
        person(in.note.cosignedBy, model::Role::Supervisor);

    {
        auto stmt = m_db.prepare("INSERT INTO clients(code, display_name, status, intake_date, setting, consent_treatment, "
                                 "consent_part2, consent_part2_date, consent_part2_scope, created) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        stmt.bind(1, c.code)
            .bind(2, c.displayName.trimmed())
            .bind(3, model::toString(c.status))
            .bind(4, c.intakeDate ? std::optional(model::toIso(*c.intakeDate)) : std::nullopt)
            .bind(5, c.setting ? std::optional(model::toString(*c.setting)) : std::nullopt)
            .bind(6, c.consentTreatment ? 1 : 0)
            .bind(7, c.consentPart2 ? 1 : 0)
            .bind(8, c.consentPart2Date ? std::optional(model::toIso(*c.consentPart2Date)) : std::nullopt)
            .bind(9, c.consentPart2Scope)
            .bind(10, stamp)
            .run();
        result.client = m_db.lastInsertId();
    }

    auto addSession = m_db.prepare("INSERT INTO sessions(id, date, start_time, minutes, modality, setting, group_topic, "
                                   "created_by, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto addAttendee = m_db.prepare("INSERT INTO session_attendees(session_id, client_id, attendance) VALUES (?, ?, ?)");
    for (const auto &[id, s] : sessions) {
        addSession.bind(1, id)
            .bind(2, model::toIso(s.date))
            .bind(3, s.start ? std::optional(model::toIso(*s.start)) : std::nullopt)
            .bind(4, s.minutes)
            .bind(5, model::toString(s.modality))
            .bind(6, s.setting ? std::optional(model::toString(*s.setting)) : std::nullopt)
            .bind(7, s.groupTopic)
            .bind(8, m_user.id)
            .bind(9, stamp)
            .run();
        addSession.reset();
        addAttendee.bind(1, id).bind(2, result.client).bind(3, model::toString(s.attendees.first().attendance)).run();
        addAttendee.reset();
    }
    result.sessions = static_cast<int>(sessions.size());

    auto addNote = m_db.prepare("INSERT INTO notes(id, session_id, client_id, author_id, template, kind, status, sections, "
                                "body, created, updated, signed_by, signed_at, content_hash, cosigned_by, cosigned_at, "
                                "cosign_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto addTag = m_db.prepare("INSERT INTO theme_hits(note_id, theme, start, end, evidence, rule, decision, decided_by, "
                               "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto addAddendum = m_db.prepare("INSERT INTO addenda(note_id, author_id, text, signed_at, content_hash) "
                                    "VALUES (?, ?, ?, ?, ?)");
    auto orNull = [](const QString &v) { return v.isEmpty() ? std::nullopt : std::optional(v); };
    for (const ImportedNote &in : std::as_const(notes)) {
        const model::Note &n = in.note;
        addNote.bind(1, n.id)
            .bind(2, n.sessionId)
            .bind(3, result.client)
            .bind(4, *person(n.author, model::Role::Therapist))
            .bind(5, n.templateId)
            .bind(6, model::toString(n.kind))
            .bind(7, model::toString(n.status))
            .bind(8, model::sectionsToJson(n.sections))
            .bind(9, n.text())
            .bind(10, n.created)
            .bind(11, n.updated)
            .bind(12, person(n.signedBy, model::Role::Therapist))
            .bind(13, orNull(n.signedAt))
            .bind(14, orNull(n.contentHash))
            .bind(15, person(n.cosignedBy, model::Role::Supervisor))
            .bind(16, orNull(n.cosignedAt))
            .bind(17, orNull(n.cosignHash))
            .run();
        addNote.reset();
        for (const Tag &t : in.tags) {
            addTag.bind(1, n.id)
                .bind(2, t.theme)
                .bind(3, t.start)
                .bind(4, t.end)
                .bind(5, t.evidence)
                .bind(6, t.rule)
                .bind(7, model::toString(t.decision))
                .bind(8, person(t.decidedBy, model::Role::Therapist))
                .bind(9, orNull(t.decidedAt))
                .run();
            addTag.reset();
        }
        refreshNoteThemes(n.id);
        for (const model::Addendum &a : in.addenda) {
            addAddendum.bind(1, n.id)
                .bind(2, *person(a.author, model::Role::Therapist))
                .bind(3, a.text)
                .bind(4, a.signedAt)
                .bind(5, a.contentHash)
                .run();
            addAddendum.reset();
        }
    }
    result.notes = static_cast<int>(notes.size());

    auto addMeasure = m_db.prepare("INSERT INTO measures(client_id, date, instrument, answers, total, band, entered_by, "
                                   "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const ImportedMeasure &m : std::as_const(measures)) {
        addMeasure.bind(1, result.client)
            .bind(2, model::toIso(m.date))
            .bind(3, m.instrument)
            .bind(4, m.answers)
            .bind(5, m.score.total)
            .bind(6, m.score.band)
            .bind(7, m_user.id)
            .bind(8, stamp)
            .run();
        addMeasure.reset();
    }
    result.measures = static_cast<int>(measures.size());

    if (summary)
        m_db.prepare("INSERT INTO client_summaries(client_id, text, author_id, created) VALUES (?, ?, ?, ?)")
            .bind(1, result.client)
            .bind(2, summary->text)
            .bind(3, *person(summary->author, model::Role::Therapist))
            .bind(4, summary->updated)
            .run();

    audit(QStringLiteral("import-client"), QStringLiteral("client:%1").arg(result.client),
          QStringLiteral("%1 sessions, %2 notes, %3 measures, %4 recorded names")
              .arg(result.sessions)
              .arg(result.notes)
              .arg(result.measures)
              .arg(result.recordedNames.size()));
    tx.commit();
    return result;
}

} // namespace uc::vault
