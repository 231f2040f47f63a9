// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/records.h"

#include "model/countertransference.h"
#include "vault/access.h"
#include "vault/clientrecord.h"
#include "vault/processtext.h"
#include "vault/rows.h"
#include "vault/practicecosigns.h"
#include "vault/signing.h"
#include "vault/state.h"
#include "vault/fieldstore.h"
#include "vault/tagstore.h"
#include "vault/uuids.h"
#include "vault/vault.h"

#include <QJsonDocument>
#include <QSet>

#include <map>

namespace uc::vault {

using model::Id;

namespace {

QSet<Id> seenNotes(const ClientRecord &record)
{
    QSet<Id> ids;
    for (const RecordedNote &r : record.notes)
        ids.insert(r.note.id);
    return ids;
}

} // namespace

QList<RecordedRiskFlag> ClientRecords::storedRiskFlags(const model::Note &note)
{
    QList<RecordedRiskFlag> flags;
    auto stmt = m_state.db.prepare("SELECT f.risk, f.status, f.evidence, f.start_pos, f.end_pos, f.rule, u.name, "
                                   "f.dismissed_at, f.dismiss_reason FROM risk_flags f "
                                   "LEFT JOIN users u ON u.id = f.dismissed_by WHERE f.note_id = ? ORDER BY f.id");
    stmt.bind(1, note.id);
    while (stmt.step()) {
        RecordedRiskFlag f;
        f.risk = stmt.text(0);
        f.present = stmt.text(1) == QLatin1String("present");
        f.evidence = openedForm(m_state, note.id, note.kind == model::NoteKind::Process, SealedField::RiskEvidence,
                                stmt.text(2));
        f.start = static_cast<int>(stmt.int64(3));
        f.end = static_cast<int>(stmt.int64(4));
        f.rule = stmt.text(5);
        if (!stmt.isNull(6)) {
            f.dismissedBy = stmt.text(6);
            f.dismissedAt = stmt.text(7);
            f.dismissReason = stmt.text(8);
        }
        flags.append(f);
    }
    return flags;
}

QList<RecordedAssessment> ClientRecords::storedAssessments(Id client, const QSet<Id> &notesInRecord)
{
    QList<RecordedAssessment> out;
    auto stmt = m_state.db.prepare("SELECT r.note_id, r.date, r.level, r.action, u.name, r.assessed_at "
                                   "FROM risk_assessments r JOIN users u ON u.id = r.assessed_by "
                                   "WHERE r.client_id = ? ORDER BY r.id");
    stmt.bind(1, client);
    while (stmt.step()) {
        RecordedAssessment a;
        // An assessment made in a note the record leaves out (a process note) travels on its own.
        const Id note = stmt.isNull(0) ? 0 : stmt.int64(0);
        a.noteId = notesInRecord.contains(note) ? note : 0;
        a.date = model::parseDate(stmt.text(1)).value_or(model::Date());
        a.level = stmt.text(2);
        a.action = stmt.text(3);
        a.assessedBy = stmt.text(4);
        a.assessedAt = stmt.text(5);
        out.append(a);
    }
    return out;
}

QJsonObject ClientRecords::exportClient(const QString &code, bool includeProcessNotes)
{
    m_state.require(model::Action::ExportRecord);
    const auto c = m_vault.clients().find(code);
    if (!c)
        badInput(QStringLiteral("export"), QStringLiteral("no client with that code"));
    ClientRecord record;
    record.exportedAt = now();
    record.exportedBy = m_state.user.name;
    record.includesProcessNotes = includeProcessNotes;
    record.client = *c;
    QList<Id> seenSessions;
    for (model::Note n : m_vault.notes().loadForClient(code, includeProcessNotes)) {
        // The therapist's countertransference entries never leave the vault (docs/countertransference.md):
        // a draft goes without them (and without its suggestions, made on the words as they were);
        // a signed note cannot lose words and keep its signature, so it stays behind whole.
        int withheld = 0;
        if (n.kind == model::NoteKind::Process)
            n.sections = model::withoutCountertransference(n.sections, &withheld);
        if (withheld > 0) {
            record.ctEntriesWithheld += withheld;
            if (n.status != model::NoteStatus::Draft) {
                ++record.ctNotesLeftOut;
                continue;
            }
        }
        if (!seenSessions.contains(n.sessionId)) {
            seenSessions.append(n.sessionId);
            record.sessions.append(m_vault.notes().session(n.sessionId));
        }
        RecordedNote r{n, withheld > 0 ? QList<model::ThemeTag>() : m_vault.tagging().tags(n.id),
                       m_vault.notes().addenda(n.id), {}, {}, {}, {}, {}, {}, {}};
        auto signature = m_state.db.prepare("SELECT signature, migrated FROM signatures WHERE object = ?");
        auto read = [&](const QString &object, QString *migrated) {
            signature.reset();
            signature.bind(1, object);
            if (!signature.step())
                return QString();
            if (migrated && !signature.isNull(1))
                *migrated = signature.text(1);
            return signature.text(0);
        };
        if (n.status != model::NoteStatus::Draft)
            r.signature = read(QStringLiteral("note:%1").arg(n.id), &r.signatureMigrated);
        if (!n.practiceCosigner.isEmpty()) {
            r.practiceCosign = m_vault.practiceCosigns().of(n.id);
            r.practiceCosignSignature = read(QStringLiteral("practice-cosign:%1").arg(n.id), nullptr);
        } else if (n.status == model::NoteStatus::Cosigned) {
            r.cosignSignature = read(QStringLiteral("cosign:%1").arg(n.id), nullptr);
        }
        for (const model::Addendum &a : std::as_const(r.addenda))
            r.addendumSignatures.append(read(QStringLiteral("addendum:%1").arg(a.id), nullptr));
        r.riskFlags = storedRiskFlags(n);
        record.notes.append(r);
    }
    record.riskAssessments = storedAssessments(c->id, seenNotes(record));
    auto m = m_state.db.prepare("SELECT date, instrument, answers, total, band FROM measures WHERE client_id = ? "
                                "ORDER BY date, id");
    m.bind(1, c->id);
    while (m.step())
        record.measures.append({model::parseDate(m.text(0)).value_or(model::Date()), m.text(1), m.text(2),
                                static_cast<int>(m.int64(3)), m.text(4)});
    record.summary = m_vault.clients().shareableSummary(code);
    record.episodes = m_vault.episodes().list(code);
    record.events = m_vault.treatmentEvents().list(code);
    record.useDays = m_vault.useDays().recorded(code);
    record.safetyPlans = m_vault.safetyPlans().history(code);
    record.plans = m_vault.plans().history(code);
    if (!record.plans.isEmpty()) {
        record.planReviews = m_vault.plans().reviews(code);
        record.progress = m_vault.plans().progress(code);
    }
    const QJsonObject out = toJson(record);
    m_state.recordEvent(QStringLiteral("export"), QStringLiteral("client:%1").arg(c->id),
                        includeProcessNotes ? QStringLiteral("process notes included") : QString());
    return out;
}

ClientImported ClientRecords::importClient(const QJsonObject &json)
{
    m_state.require(model::Action::CreateClient);
    m_state.require(model::Action::WriteNote);
    const QString what = QStringLiteral("import");
    const ClientRecord record = readClientRecord(json);
    const model::Client &c = record.client;

    // ---- what the target vault must leave free
    if (m_vault.clients().find(c.code))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a client with that code exists in this vault"));
    {
        auto sessionTaken = m_state.db.prepare("SELECT 1 FROM sessions WHERE id = ?");
        for (const model::Session &s : record.sessions) {
            sessionTaken.bind(1, s.id);
            if (sessionTaken.step())
                throw Error(ErrorKind::Conflict, what,
                            QStringLiteral("session %1 of the record is taken in this vault; signatures name their "
                                           "session and note numbers, so import into a new vault").arg(s.id));
            sessionTaken.reset();
        }
        auto noteTaken = m_state.db.prepare("SELECT 1 FROM notes WHERE id = ?");
        for (const RecordedNote &in : std::as_const(record.notes)) {
            noteTaken.bind(1, in.note.id);
            if (noteTaken.step())
                throw Error(ErrorKind::Conflict, what,
                            QStringLiteral("note %1 of the record is taken in this vault; signatures name their "
                                           "session and note numbers, so import into a new vault").arg(in.note.id));
            noteTaken.reset();
        }
        // Practice-wide ids are kept as they came (no renumbering), so one already here belongs to
        // another session or note: refused, as two records of one note would be.
        auto uuidTaken = [&](const char *table, const QString &uuid, const QString &whose) {
            if (uuid.isEmpty())
                return;
            auto stmt = m_state.db.prepare("SELECT 1 FROM " + std::string(table) + " WHERE uuid = ?");
            stmt.bind(1, uuid);
            if (stmt.step())
                throw Error(ErrorKind::Conflict, what,
                            QStringLiteral("%1 of the record has a uuid another in this vault has; nothing was "
                                           "imported").arg(whose));
        };
        for (const model::Session &s : record.sessions)
            uuidTaken("sessions", s.uuid, QStringLiteral("session %1").arg(s.id));
        for (const RecordedNote &in : std::as_const(record.notes))
            uuidTaken("notes", in.note.uuid, QStringLiteral("note %1").arg(in.note.id));
        auto objectiveTaken = m_state.db.prepare("SELECT 1 FROM plan_objectives WHERE id = ?");
        QList<model::PlanObjective> objectives;
        for (const model::TreatmentPlan &p : record.plans)
            objectives.append(p.objectives());
        for (const model::PlanObjective &o : std::as_const(objectives)) {
            objectiveTaken.bind(1, *model::objectiveNumber(o.id));
            if (objectiveTaken.step())
                throw Error(ErrorKind::Conflict, what,
                            QStringLiteral("objective %1 of the record's treatment plan is taken in this vault; ratings "
                                           "and scripts name objectives by id, so import into a new vault").arg(o.id));
            objectiveTaken.reset();
        }
    }

    // ---- every signature must hold against a key this vault already trusts; keys in the record
    // prove nothing (docs/security.md, "Import")
    {
        const QJsonObject certs = m_state.certificates();
        const QByteArray root = m_state.trustRoot();
        auto holds = [&](const QString &signer, const QString &kind, const QString &hash, const QString &signature,
                         const QString &whose, Id note) {
            const auto key = certifiedKey(certs, root, signer);
            if (!key || !verifyDetached(key->signPublic, signedMessage(kind, hash), signature))
                throw Error(ErrorKind::Damaged, what,
                            QStringLiteral("note %1: %2 %3 does not verify against a key this vault trusts; nothing "
                                           "was imported")
                                .arg(note)
                                .arg(key ? QStringLiteral("%1's").arg(signer)
                                         : QStringLiteral("%1 has no certified key in this vault, so %1's").arg(signer),
                                     whose));
        };
        for (const RecordedNote &in : std::as_const(record.notes)) {
            const model::Note &n = in.note;
            if (n.status == model::NoteStatus::Draft)
                continue;
            holds(n.signedBy, QStringLiteral("sign"), n.contentHash, in.signature, QStringLiteral("signature"), n.id);
            if (n.status == model::NoteStatus::Cosigned)
                holds(n.cosignedBy, QStringLiteral("cosign"), n.cosignHash, in.cosignSignature,
                      QStringLiteral("co-signature"), n.id);
            if (in.practiceCosign) {
                if (const QString problem = practiceCosignProblem(n, *in.practiceCosign); !problem.isEmpty())
                    throw Error(ErrorKind::Damaged, what,
                                QStringLiteral("note %1: %2; nothing was imported").arg(n.id).arg(problem));
                holds(n.author, QStringLiteral("practice-cosign"), practiceCosignHash(n, *in.practiceCosign),
                      in.practiceCosignSignature, QStringLiteral("record of a practice co-signature"), n.id);
            }
            for (qsizetype i = 0; i < in.addenda.size(); ++i) {
                const model::Addendum &a = in.addenda.at(i);
                if (addendumHash(n, a.author, a.text, a.signedAt, a.form) != a.contentHash)
                    throw Error(ErrorKind::Damaged, what,
                                QStringLiteral("note %1: %2's addendum does not match its signature (changed since "
                                               "signing)").arg(n.id).arg(a.author));
                holds(a.author, QStringLiteral("addendum"), a.contentHash, in.addendumSignatures.value(i),
                      QStringLiteral("addendum signature"), n.id);
            }
        }
        for (const model::TreatmentPlan &p : record.plans) {
            const auto key = certifiedKey(certs, root, p.author);
            if (!key || !verifyDetached(key->signPublic, signedMessage(QStringLiteral("plan"), p.contentHash), p.signature))
                throw Error(ErrorKind::Damaged, what,
                            QStringLiteral("treatment plan version %1: %2's signature does not verify against a key this "
                                           "vault trusts; nothing was imported").arg(p.version).arg(p.author));
        }
    }

    // ---- write it all, or nothing
    ClientImported result;
    const QString stamp = now();
    sql::Transaction tx(m_state.db);

    // People by name: users of this vault, or recorded names (a user row without a key slot).
    std::map<QString, Id> people;
    auto person = [&](const QString &name, model::Role role) -> std::optional<Id> {
        if (name.isEmpty())
            return std::nullopt;
        if (const auto found = people.find(name); found != people.end())
            return found->second;
        auto find = m_state.db.prepare("SELECT id FROM users WHERE name = ?");
        find.bind(1, name);
        Id id = 0;
        if (find.step()) {
            id = find.int64(0);
        } else {
            if (name.size() > 64)
                throw Error(ErrorKind::Io, what, QStringLiteral("a name in the record: longer than 64 characters"));
            m_state.db.prepare("INSERT INTO users(name, role, created) VALUES (?, ?, ?)")
                .bind(1, name)
                .bind(2, model::toString(role))
                .bind(3, stamp)
                .run();
            id = m_state.db.lastInsertId();
            result.recordedNames.append(name);
            m_state.audit(QStringLiteral("add-recorded-name"), QStringLiteral("user:%1").arg(id), model::toString(role));
        }
        people.emplace(name, id);
        return id;
    };
    // Authors and signers first, so that a name seen in both roles is a therapist.
    for (const RecordedNote &in : std::as_const(record.notes)) {
        person(in.note.author, model::Role::Therapist);
        person(in.note.signedBy, model::Role::Therapist);
    }
    for (const RecordedNote &in : std::as_const(record.notes))
        person(in.note.cosignedBy, model::Role::Supervisor);
    for (const RecordedAssessment &a : std::as_const(record.riskAssessments))
        person(a.assessedBy, model::Role::Therapist);
    for (const model::SafetyPlan &p : std::as_const(record.safetyPlans))
        person(p.author, model::Role::Therapist);

    {
        auto stmt = m_state.db.prepare("INSERT INTO clients(code, display_name, status, intake_date, setting, consent_treatment, "
                                 "consent_part2, consent_part2_date, consent_part2_scope, created) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        stmt.bind(1, c.code);
        bindClientFields(stmt, 2, c);
        stmt.bind(10, stamp).run();
        result.client = m_state.db.lastInsertId();
    }

    // A record from before v23 carries no uuids: its sessions and notes get new ones here.
    auto addSession = m_state.db.prepare("INSERT INTO sessions(id, date, start_time, minutes, modality, setting, group_topic, "
                                   "created_by, created, uuid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto addAttendee = m_state.db.prepare("INSERT INTO session_attendees(session_id, client_id, attendance) VALUES (?, ?, ?)");
    for (const model::Session &s : record.sessions) {
        addSession.bind(1, s.id);
        bindSessionFields(addSession, 2, s);
        addSession.bind(8, m_state.user.id).bind(9, stamp).bind(10, s.uuid.isEmpty() ? newUuid() : s.uuid).run();
        addSession.reset();
        addAttendee.bind(1, s.id).bind(2, result.client).bind(3, model::toString(s.attendees.first().attendance)).run();
        addAttendee.reset();
    }
    result.sessions = static_cast<int>(record.sessions.size());

    auto addNote = m_state.db.prepare("INSERT INTO notes(id, session_id, client_id, author_id, template, kind, status, sections, "
                                "body, created, updated, signed_by, signed_at, content_hash, cosigned_by, cosigned_at, "
                                "cosign_hash, uuid, canonical_form, cosign_form) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto addTag = m_state.db.prepare("INSERT INTO theme_hits(note_id, theme, start, end, evidence, rule, decision, decided_by, "
                               "decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto addAddendum = m_state.db.prepare("INSERT INTO addenda(note_id, author_id, text, signed_at, content_hash, "
                                          "canonical_form) VALUES (?, ?, ?, ?, ?, ?)");
    auto addRiskFlag = m_state.db.prepare("INSERT INTO risk_flags(note_id, risk, status, evidence, start_pos, end_pos, "
                                          "rule, dismissed_by, dismissed_at, dismiss_reason) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto orNull = [](const QString &v) { return v.isEmpty() ? std::nullopt : std::optional(v); };
    auto addSignature = m_state.db.prepare("INSERT INTO signatures(object, signer, signature, migrated) VALUES (?, ?, ?, ?)");
    auto keepSignature = [&](const QString &object, const QString &signer, const QString &signature,
                             const QString &migrated) {
        addSignature.bind(1, object).bind(2, signer).bind(3, signature).bind(4, orNull(migrated)).run();
        addSignature.reset();
    };
    for (const RecordedNote &in : std::as_const(record.notes)) {
        const model::Note &n = in.note;
        const Id author = *person(n.author, model::Role::Therapist);
        // The importing user's own process notes are sealed to them; a process note by anyone else
        // is kept as it came (docs/security.md, "Process notes"). Neither enters the search index.
        const bool processNote = n.kind == model::NoteKind::Process;
        const bool seal = processNote && author == m_state.user.id;
        addNote.bind(1, n.id)
            .bind(2, n.sessionId)
            .bind(3, result.client)
            .bind(4, author)
            .bind(5, n.templateId)
            .bind(6, model::toString(n.kind))
            .bind(7, model::toString(n.status))
            .bind(8, storedForm(m_state, n.id, seal, SealedField::Sections, model::sectionsToJson(n.sections)))
            .bind(9, processNote ? QString() : n.text())
            .bind(10, n.created)
            .bind(11, n.updated)
            .bind(12, person(n.signedBy, model::Role::Therapist))
            .bind(13, orNull(n.signedAt))
            .bind(14, orNull(n.contentHash))
            .bind(15, person(n.cosignedBy, model::Role::Supervisor))
            .bind(16, orNull(n.cosignedAt))
            .bind(17, orNull(n.cosignHash))
            .bind(18, n.uuid.isEmpty() ? newUuid() : n.uuid)
            .bind(19, n.canonicalForm)
            .bind(20, n.cosignForm)
            .run();
        addNote.reset();
        if (n.status != model::NoteStatus::Draft)
            keepSignature(QStringLiteral("note:%1").arg(n.id), n.signedBy, in.signature, in.signatureMigrated);
        if (n.status == model::NoteStatus::Cosigned)
            keepSignature(QStringLiteral("cosign:%1").arg(n.id), n.cosignedBy, in.cosignSignature, {});
        if (in.practiceCosign) {
            insertPracticeCosign(m_state, *in.practiceCosign);
            keepSignature(QStringLiteral("practice-cosign:%1").arg(n.id), n.author, in.practiceCosignSignature, {});
        }
        for (const model::ThemeTag &t : in.tags) {
            addTag.bind(1, n.id)
                .bind(2, t.theme)
                .bind(3, t.start)
                .bind(4, t.end)
                .bind(5, storedForm(m_state, n.id, seal, SealedField::ThemeEvidence, t.evidence))
                .bind(6, t.rule)
                .bind(7, model::toString(t.decision))
                .bind(8, person(t.decidedBy, model::Role::Therapist))
                .bind(9, orNull(t.decidedAt))
                .run();
            addTag.reset();
        }
        refreshThemeCounts(m_state, n.id);
        storeFields(m_state.db, n.id, n.sections);
        for (qsizetype i = 0; i < in.addenda.size(); ++i) {
            const model::Addendum &a = in.addenda.at(i);
            addAddendum.bind(1, n.id)
                .bind(2, *person(a.author, model::Role::Therapist))
                .bind(3, storedForm(m_state, n.id, seal, SealedField::Addendum, a.text))
                .bind(4, a.signedAt)
                .bind(5, a.contentHash)
                .bind(6, a.form)
                .run();
            addAddendum.reset();
            keepSignature(QStringLiteral("addendum:%1").arg(m_state.db.lastInsertId()), a.author,
                          in.addendumSignatures.value(i), {});
        }
        if (n.status == model::NoteStatus::Draft)
            continue;
        // Risk flags as the note carried them when signed, dismissals kept; a record from before
        // they travelled has its signed notes read for them now, as signing does (a missed risk
        // costs more than a false alarm: any present flag then shows as open risk until assessed).
        QList<RecordedRiskFlag> flags = in.riskFlags.value_or(QList<RecordedRiskFlag>());
        if (!in.riskFlags) {
            for (const model::RiskFlag &f : m_vault.risk().flagsOf(n))
                flags.append({f.risk, f.present, f.evidence, f.start, f.end, f.rule, {}, {}, {}});
        }
        for (const RecordedRiskFlag &f : std::as_const(flags)) {
            addRiskFlag.bind(1, n.id)
                .bind(2, f.risk)
                .bind(3, f.present ? QStringLiteral("present") : QStringLiteral("denied"))
                .bind(4, storedForm(m_state, n.id, seal, SealedField::RiskEvidence, f.evidence))
                .bind(5, f.start)
                .bind(6, f.end)
                .bind(7, f.rule)
                .bind(8, person(f.dismissedBy, model::Role::Therapist))
                .bind(9, orNull(f.dismissedAt))
                .bind(10, orNull(f.dismissReason))
                .run();
            addRiskFlag.reset();
            ++result.riskFlags;
        }
    }
    result.notes = static_cast<int>(record.notes.size());

    auto addAssessment = m_state.db.prepare("INSERT INTO risk_assessments(client_id, note_id, date, level, action, "
                                            "assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const RecordedAssessment &a : std::as_const(record.riskAssessments)) {
        addAssessment.bind(1, result.client)
            .bind(2, a.noteId ? std::optional<Id>(a.noteId) : std::nullopt)
            .bind(3, model::toIso(a.date))
            .bind(4, a.level)
            .bind(5, a.action)
            .bind(6, *person(a.assessedBy, model::Role::Therapist))
            .bind(7, a.assessedAt)
            .run();
        addAssessment.reset();
    }
    result.riskAssessments = static_cast<int>(record.riskAssessments.size());

    auto addMeasure = m_state.db.prepare("INSERT INTO measures(client_id, date, instrument, answers, total, band, entered_by, "
                                   "created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    for (const RecordedMeasure &m : std::as_const(record.measures)) {
        addMeasure.bind(1, result.client)
            .bind(2, model::toIso(m.date))
            .bind(3, m.instrument)
            .bind(4, m.answers)
            .bind(5, m.total)
            .bind(6, m.band)
            .bind(7, m_state.user.id)
            .bind(8, stamp)
            .run();
        addMeasure.reset();
    }
    result.measures = static_cast<int>(record.measures.size());

    auto addEpisode = m_state.db.prepare("INSERT INTO episodes(client_id, level, start_date, end_date, service, created_by, "
                                         "created) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const model::Episode &e : std::as_const(record.episodes)) {
        addEpisode.bind(1, result.client)
            .bind(2, e.level)
            .bind(3, model::toIso(e.start))
            .bind(4, e.end ? std::optional(model::toIso(*e.end)) : std::nullopt)
            .bind(5, e.service)
            .bind(6, m_state.user.id)
            .bind(7, stamp)
            .run();
        addEpisode.reset();
    }
    auto addEvent = m_state.db.prepare(
        "INSERT INTO treatment_events(client_id, kind, date, program, group_name, medication, change, dose, unit, "
        "substance, result, method, note, created_by, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const model::TreatmentEvent &e : std::as_const(record.events)) {
        addEvent.bind(1, result.client).bind(2, e.kind).bind(3, model::toIso(e.date)).bind(4, e.program);
        addEvent.bind(5, e.group).bind(6, e.medication).bind(7, e.change).bind(8, e.dose).bind(9, e.unit);
        addEvent.bind(10, e.substance).bind(11, e.result).bind(12, e.method).bind(13, e.note);
        addEvent.bind(14, m_state.user.id).bind(15, stamp).run();
        addEvent.reset();
    }
    auto addUseDay = m_state.db.prepare("INSERT INTO use_days(client_id, substance, date, used, amount, unit, source, "
                                        "recorded_by, recorded) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const model::UseDay &d : std::as_const(record.useDays)) {
        addUseDay.bind(1, result.client).bind(2, d.substance).bind(3, model::toIso(d.date)).bind(4, d.used ? 1 : 0);
        addUseDay.bind(5, d.amount).bind(6, d.unit).bind(7, d.source).bind(8, m_state.user.id).bind(9, stamp).run();
        addUseDay.reset();
    }
    auto addPlan = m_state.db.prepare("INSERT INTO safety_plans(client_id, version, steps, author_id, signed_at, "
                                      "content_hash) VALUES (?, ?, ?, ?, ?, ?)");
    for (const model::SafetyPlan &p : std::as_const(record.safetyPlans)) {
        addPlan.bind(1, result.client)
            .bind(2, p.version)
            .bind(3, QString::fromUtf8(QJsonDocument(p.stepsJson()).toJson(QJsonDocument::Compact)))
            .bind(4, *person(p.author, model::Role::Therapist))
            .bind(5, p.signedAt)
            .bind(6, p.contentHash)
            .run();
        addPlan.reset();
    }
    importPlans(record, result.client, person);

    if (record.summary)
        m_state.db.prepare("INSERT INTO client_summaries(client_id, text, author_id, created) VALUES (?, ?, ?, ?)")
            .bind(1, result.client)
            .bind(2, record.summary->text)
            .bind(3, *person(record.summary->author, model::Role::Therapist))
            .bind(4, record.summary->updated)
            .run();

    m_state.audit(QStringLiteral("import-client"), QStringLiteral("client:%1").arg(result.client),
          QStringLiteral("%1 sessions, %2 notes, %3 measures, %4 recorded names, %5 risk flags, %6 risk assessments, %7 episodes, %8 safety plan versions, %9 treatment events, %10 use days")
              .arg(result.sessions)
              .arg(result.notes)
              .arg(result.measures)
              .arg(result.recordedNames.size())
              .arg(result.riskFlags)
              .arg(result.riskAssessments)
              .arg(record.episodes.size())
              .arg(record.safetyPlans.size())
              .arg(record.events.size())
              .arg(record.useDays.size()));
    tx.commit();
    return result;
}

void ClientRecords::importPlans(const ClientRecord &record, Id client,
                                const std::function<std::optional<Id>(const QString &, model::Role)> &person)
{
    QSet<QString> objectives;
    auto addObjective = m_state.db.prepare("INSERT INTO plan_objectives(id, client_id) VALUES (?, ?)");
    auto addPlan = m_state.db.prepare("INSERT INTO treatment_plans(client_id, version, plan, author_id, signed_at, "
                                      "content_hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?)");
    for (const model::TreatmentPlan &p : record.plans) {
        for (const model::PlanObjective &o : p.objectives()) {
            if (objectives.contains(o.id))
                continue;
            objectives.insert(o.id);
            addObjective.bind(1, *model::objectiveNumber(o.id)).bind(2, client).run();
            addObjective.reset();
        }
        addPlan.bind(1, client)
            .bind(2, p.version)
            .bind(3, QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact)))
            .bind(4, *person(p.author, model::Role::Therapist))
            .bind(5, p.signedAt)
            .bind(6, p.contentHash)
            .bind(7, p.signature)
            .run();
        addPlan.reset();
    }
    auto addReview = m_state.db.prepare("INSERT INTO plan_reviews(client_id, version, review_date, reviewer_id, recorded_at) "
                                        "VALUES (?, ?, ?, ?, ?)");
    for (const model::PlanReview &r : record.planReviews) {
        addReview.bind(1, client)
            .bind(2, r.version)
            .bind(3, model::toIso(r.date))
            .bind(4, *person(r.reviewer, model::Role::Therapist))
            .bind(5, r.recordedAt)
            .run();
        addReview.reset();
    }
    auto addRating = m_state.db.prepare("INSERT INTO objective_progress(note_id, objective_id, rating, rated_by, rated_at) "
                                        "VALUES (?, ?, ?, ?, ?)");
    for (const model::ObjectiveProgress &p : record.progress) {
        addRating.bind(1, p.noteId)
            .bind(2, *model::objectiveNumber(p.objective))
            .bind(3, model::toString(p.rating))
            .bind(4, *person(p.ratedBy, model::Role::Therapist))
            .bind(5, p.ratedAt)
            .run();
        addRating.reset();
    }
}

} // namespace uc::vault
