// SPDX-License-Identifier: GPL-3.0-or-later
// Other treatment as dated events (docs/treatment-events.md): the model's strict
// validation and its JSON form; the vault's round trip, a deletion that keeps the event as it was,
// triggers that refuse a change or a removal by hand, roles (a supervisor and an auditor read, only
// a therapist enters), an audit trail without clinical values; a vault from before the table
// migrated with everything kept; export and import; and undercurrent-cli's contract: event
// add|list|delete and the "events" of patterns --json, within the range or the episode.
#include "clirun.h"
#include "common/error.h"
#include "model/treatmentevent.h"
#include "model/treatmenteventjson.h"
#include "testvault.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

Q_DECLARE_METATYPE(uc::model::TreatmentEvent)

using namespace uc;
using namespace Qt::StringLiterals;
using model::TreatmentEvent;
using uc::testing::errorOf;
using uc::testing::secret;

namespace {

model::Date day(const char *iso)
{
    return *model::parseDate(QString::fromLatin1(iso));
}

TreatmentEvent screen(const char *date, const QString &substance, const QString &result, const QString &method = {})
{
    TreatmentEvent e;
    e.clientCode = u"C-1"_s;
    e.kind = u"drug-screen"_s;
    e.date = day(date);
    e.substance = substance;
    e.result = result;
    e.method = method;
    return e;
}

TreatmentEvent mat(const char *date, const QString &change, std::optional<double> dose, const QString &unit)
{
    TreatmentEvent e;
    e.clientCode = u"C-1"_s;
    e.kind = u"mat"_s;
    e.date = day(date);
    e.medication = u"buprenorphine"_s;
    e.change = change;
    e.dose = dose;
    e.unit = unit;
    return e;
}

TreatmentEvent meeting(const char *date, const QString &program)
{
    TreatmentEvent e;
    e.clientCode = u"C-1"_s;
    e.kind = u"mutual-help"_s;
    e.date = day(date);
    e.program = program;
    return e;
}

TreatmentEvent group(const char *date, const QString &name)
{
    TreatmentEvent e;
    e.clientCode = u"C-1"_s;
    e.kind = u"group"_s;
    e.date = day(date);
    e.group = name;
    return e;
}

int rows(vault::Vault &v, const char *sql)
{
    return vault::VaultTestAccess::database(v).pragmaText(sql).toInt();
}

} // namespace

class TreatmentEventsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validation_data();
    void validation();
    void jsonForm();
    void vaultRoundTrip();
    void deletionKeepsTheEvent();
    void rolesAndAudit();
    void migrationKeepsEverything();
    void exportAndImport();
    void cliContract();
    void patternsCarryEvents();

private:
    using Run = clirun::Run;
    Run cli(QStringList args, const QString &user = u"alice"_s) { return clirun::cli(std::move(args), m_cliVault, user, m_pass); }
    std::unique_ptr<vault::Vault> open(const QString &user) { return vault::Vault::open(m_vault, user, secret()); }

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_cliVault;
    QString m_pass;
};

void TreatmentEventsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(u"vault"_s);
    auto v = vault::Vault::create(m_vault, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
    v->addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
    v->addUser(u"ada"_s, model::Role::Auditor, secret(), vault::KdfCost::testOnly());
    for (const auto &[code, name] : {std::pair{u"C-1"_s, u"Client One"_s}, std::pair{u"C-2"_s, u"Client Two"_s}}) {
        model::Client c;
        c.code = code;
        c.displayName = name;
        v->clients().add(c);
    }

    m_cliVault = m_dir.filePath(u"cli"_s);
    m_pass = clirun::file(m_dir, u"pass"_s, "a long enough passphrase\n");
    QVERIFY(clirun::cheapVault(m_cliVault, "a long enough passphrase"));
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-1"_s, u"--name"_s, u"Client One"_s}).code, 0);
}

void TreatmentEventsTest::validation_data()
{
    QTest::addColumn<TreatmentEvent>("event");
    QTest::addColumn<QString>("problem"); // a word the reason must hold; empty: valid

    QTest::newRow("12-step") << meeting("2025-03-01", u"12-step"_s) << QString();
    QTest::newRow("smart") << meeting("2025-03-01", u"smart"_s) << QString();
    QTest::newRow("programme unknown") << meeting("2025-03-01", u"church"_s) << u"programme"_s;
    QTest::newRow("programme missing") << meeting("2025-03-01", QString()) << u"programme"_s;
    QTest::newRow("group") << group("2025-03-01", u"CBT group"_s) << QString();
    QTest::newRow("group unnamed") << group("2025-03-01", u"  "_s) << u"group's name"_s;
    QTest::newRow("group name too long") << group("2025-03-01", QString(101, u'x')) << u"100"_s;
    QTest::newRow("mat start") << mat("2025-03-01", u"start"_s, 8, u"mg"_s) << QString();
    QTest::newRow("mat dose change") << mat("2025-03-01", u"dose-change"_s, 0.5, u"mcg"_s) << QString();
    QTest::newRow("mat stop") << mat("2025-03-01", u"stop"_s, std::nullopt, QString()) << QString();
    QTest::newRow("dose change without a dose") << mat("2025-03-01", u"dose-change"_s, std::nullopt, QString())
                                                << u"a dose change needs a dose"_s;
    QTest::newRow("start without a dose") << mat("2025-03-01", u"start"_s, std::nullopt, u"mg"_s) << u"a start needs a dose"_s;
    QTest::newRow("stop with a dose") << mat("2025-03-01", u"stop"_s, 4, u"mg"_s) << u"a stop has no dose"_s;
    QTest::newRow("dose without unit") << mat("2025-03-01", u"start"_s, 8, QString()) << u"unit"_s;
    QTest::newRow("dose unit unknown") << mat("2025-03-01", u"start"_s, 8, u"pills"_s) << u"unit"_s;
    QTest::newRow("dose zero") << mat("2025-03-01", u"start"_s, 0, u"mg"_s) << u"above 0"_s;
    QTest::newRow("dose negative") << mat("2025-03-01", u"start"_s, -2, u"mg"_s) << u"above 0"_s;
    QTest::newRow("dose not finite") << mat("2025-03-01", u"start"_s, std::numeric_limits<double>::infinity(), u"mg"_s)
                                     << u"above 0"_s;
    QTest::newRow("change unknown") << mat("2025-03-01", u"taper"_s, 8, u"mg"_s) << u"change"_s;
    TreatmentEvent noMedication = mat("2025-03-01", u"start"_s, 8, u"mg"_s);
    noMedication.medication.clear();
    QTest::newRow("medication missing") << noMedication << u"medication"_s;
    TreatmentEvent badMedication = noMedication;
    badMedication.medication = u"Bup; DROP"_s;
    QTest::newRow("medication malformed") << badMedication << u"medication"_s;
    QTest::newRow("screen") << screen("2025-03-01", u"opioids"_s, u"positive"_s, u"urine"_s) << QString();
    QTest::newRow("screen without method") << screen("2025-03-01", u"alcohol"_s, u"negative"_s) << QString();
    QTest::newRow("screen substance unknown") << screen("2025-03-01", u"heroin"_s, u"positive"_s) << u"substance"_s;
    QTest::newRow("screen result unknown") << screen("2025-03-01", u"cannabis"_s, u"inconclusive"_s) << u"result"_s;
    QTest::newRow("screen method unknown") << screen("2025-03-01", u"cannabis"_s, u"negative"_s, u"sweat"_s) << u"method"_s;
    TreatmentEvent stray = screen("2025-03-01", u"opioids"_s, u"positive"_s);
    stray.dose = 8;
    QTest::newRow("a dose on a screen") << stray << u"a dose does not belong to a drug-screen event"_s;
    TreatmentEvent strayProgram = group("2025-03-01", u"CBT group"_s);
    strayProgram.program = u"aa"_s;
    QTest::newRow("a programme on a group") << strayProgram << u"programme does not belong"_s;
    TreatmentEvent kind = meeting("2025-03-01", u"aa"_s);
    kind.kind = u"sauna"_s;
    QTest::newRow("kind unknown") << kind << u"kind"_s;
    TreatmentEvent noDate = meeting("2025-03-01", u"aa"_s);
    noDate.date = model::Date();
    QTest::newRow("no date") << noDate << u"date"_s;
    TreatmentEvent longNote = meeting("2025-03-01", u"aa"_s);
    longNote.note = QString(2001, u'n');
    QTest::newRow("note too long") << longNote << u"2000"_s;
}

void TreatmentEventsTest::validation()
{
    QFETCH(TreatmentEvent, event);
    QFETCH(QString, problem);
    const auto found = model::treatmentEventProblem(event);
    if (problem.isEmpty()) {
        QVERIFY2(!found, qPrintable(found.value_or(QString())));
        return;
    }
    QVERIFY(found);
    QVERIFY2(found->contains(problem), qPrintable(*found));
    QCOMPARE(model::parseMedication(u"Buprenorphine Naloxone"_s), std::optional(u"buprenorphine-naloxone"_s));
    QCOMPARE(model::substanceClasses().size(), 7);
}

void TreatmentEventsTest::jsonForm()
{
    TreatmentEvent e = mat("2025-03-04", u"dose-change"_s, 12, u"mg"_s);
    e.id = 7;
    e.note = u"Cravings eased at 12 mg."_s;
    const QJsonObject json = model::treatmentEventJson(e);
    QCOMPARE(json.value("id"_L1).toInt(), 7);
    QCOMPARE(json.value("dose"_L1).toDouble(), 12.0);
    QVERIFY(!json.contains("substance"_L1)); // only the kind's keys
    QString problem;
    QJsonObject record = model::treatmentEventJson(e, false);
    QVERIFY(!record.contains("id"_L1));
    const auto back = model::treatmentEventFromJson(record, &problem);
    QVERIFY2(back, qPrintable(problem));
    QCOMPARE(back->summary(), e.summary());
    QCOMPARE(back->note, e.note);

    const QJsonObject stop = model::treatmentEventJson(mat("2025-03-04", u"stop"_s, std::nullopt, QString()));
    QVERIFY(stop.value("dose"_L1).isNull());

    // Strict: a key of another kind, an unknown one, a dose as text, an invalid value.
    QJsonObject other = record;
    other.insert(u"result"_s, u"positive"_s);
    QVERIFY(!model::treatmentEventFromJson(other, &problem));
    QVERIFY(problem.contains("result"_L1));
    QJsonObject unknown = record;
    unknown.insert(u"colour"_s, u"red"_s);
    QVERIFY(!model::treatmentEventFromJson(unknown, &problem));
    QJsonObject textDose = record;
    textDose.insert(u"dose"_s, u"12"_s);
    QVERIFY(!model::treatmentEventFromJson(textDose, &problem));
    QVERIFY(problem.contains("number"_L1));
    QJsonObject noDose = record;
    noDose.insert(u"dose"_s, QJsonValue());
    QVERIFY(!model::treatmentEventFromJson(noDose, &problem));
    QVERIFY(problem.contains("needs a dose"_L1));
    QJsonObject badDate = record;
    badDate.insert(u"date"_s, u"2025-02-30"_s);
    QVERIFY(!model::treatmentEventFromJson(badDate, &problem));
}

void TreatmentEventsTest::vaultRoundTrip()
{
    auto v = open(u"alice"_s);
    TreatmentEvent withNote = screen("2025-03-08", u"opioids"_s, u"positive"_s, u"urine"_s);
    withNote.note = u"Says it was a single use after the funeral."_s;
    const model::Id positive = v->treatmentEvents().add(withNote);
    TreatmentEvent spelled = mat("2025-03-01", u"start"_s, 8, u"mg"_s);
    spelled.medication = u"Buprenorphine"_s;
    const model::Id start = v->treatmentEvents().add(spelled);
    const model::Id aa = v->treatmentEvents().add(meeting("2025-03-08", u"aa"_s));
    const model::Id cbt = v->treatmentEvents().add(group("2025-03-15", u"CBT   group"_s));

    const QList<TreatmentEvent> list = v->treatmentEvents().list(u"C-1"_s);
    QCOMPARE(list.size(), 4);
    QCOMPARE(list.at(0).id, start); // by date, then id
    QCOMPARE(list.at(0).medication, u"buprenorphine"_s);
    QCOMPARE(*list.at(0).dose, 8.0);
    QCOMPARE(list.at(1).id, positive);
    QCOMPARE(list.at(1).note, withNote.note);
    QCOMPARE(list.at(1).method, u"urine"_s);
    QCOMPARE(list.at(2).id, aa);
    QCOMPARE(list.at(3).group, u"CBT group"_s);
    QCOMPARE(v->treatmentEvents().find(cbt).kind, u"group"_s);
    QVERIFY(v->treatmentEvents().list(u"C-2"_s).isEmpty());

    // Refused with the reason, nothing stored.
    const int before = rows(*v, "SELECT count(*) FROM treatment_events");
    const auto noDose = errorOf([&] { (void)v->treatmentEvents().add(mat("2025-03-20", u"dose-change"_s, std::nullopt, QString())); });
    QVERIFY(noDose);
    QCOMPARE(noDose->kind(), ErrorKind::Io);
    QVERIFY(noDose->message().contains("a dose change needs a dose"_L1));
    TreatmentEvent stranger = meeting("2025-03-20", u"na"_s);
    stranger.clientCode = u"C-404"_s;
    const auto unknownClient = errorOf([&] { (void)v->treatmentEvents().add(stranger); });
    QVERIFY(unknownClient);
    QCOMPARE(unknownClient->kind(), ErrorKind::Io);
    QCOMPARE(errorOf([&] { (void)v->treatmentEvents().find(9999); })->kind(), ErrorKind::Io);
    QCOMPARE(rows(*v, "SELECT count(*) FROM treatment_events"), before);
}

void TreatmentEventsTest::deletionKeepsTheEvent()
{
    auto v = open(u"alice"_s);
    const model::Id wrong = v->treatmentEvents().add(screen("2025-03-22", u"stimulants"_s, u"positive"_s));
    const model::Id right = v->treatmentEvents().add(screen("2025-03-22", u"stimulants"_s, u"negative"_s));
    v->treatmentEvents().remove(wrong);
    QCOMPARE(errorOf([&] { v->treatmentEvents().remove(wrong); })->kind(), ErrorKind::Io);
    QCOMPARE(errorOf([&] { (void)v->treatmentEvents().find(wrong); })->kind(), ErrorKind::Io);
    bool listed = false;
    for (const TreatmentEvent &e : v->treatmentEvents().list(u"C-1"_s))
        listed = listed || e.id == wrong;
    QVERIFY(!listed);
    QCOMPARE(v->treatmentEvents().find(right).result, u"negative"_s);
    QCOMPARE(v->treatmentEvents().deletedCount(u"C-1"_s), 1);

    // Kept as it was, with who deleted it; the schema refuses to change it or remove it.
    auto &db = vault::VaultTestAccess::database(*v);
    const QString id = QString::number(wrong);
    QCOMPARE(db.pragmaText(u"SELECT result || '|' || (deleted_by IS NOT NULL) FROM treatment_events WHERE id = %1"_s.arg(id).toStdString()),
             u"positive|1"_s);
    QVERIFY(errorOf([&] { db.exec(u"UPDATE treatment_events SET result = 'negative' WHERE id = %1"_s.arg(id).toStdString()); }));
    QVERIFY(errorOf([&] { db.exec(u"UPDATE treatment_events SET deleted_at = NULL, deleted_by = NULL WHERE id = %1"_s.arg(id).toStdString()); }));
    QVERIFY(errorOf([&] { db.exec(u"DELETE FROM treatment_events WHERE id = %1"_s.arg(right).toStdString()); }));
    QVERIFY(errorOf([&] { db.exec(u"UPDATE treatment_events SET dose = 4 WHERE id = %1"_s.arg(right).toStdString()); }));
    QCOMPARE(db.pragmaText(u"SELECT result FROM treatment_events WHERE id = %1"_s.arg(id).toStdString()), u"positive"_s);
}

void TreatmentEventsTest::rolesAndAudit()
{
    const int listed = static_cast<int>(open(u"alice"_s)->treatmentEvents().list(u"C-1"_s).size());
    for (const QString &reader : {u"sam"_s, u"ada"_s}) {
        auto v = open(reader);
        QCOMPARE(v->treatmentEvents().list(u"C-1"_s).size(), listed);
        const auto added = errorOf([&] { (void)v->treatmentEvents().add(meeting("2025-04-01", u"aa"_s)); });
        QVERIFY(added);
        QCOMPARE(added->kind(), ErrorKind::NotAllowed);
        const model::Id first = v->treatmentEvents().list(u"C-1"_s).first().id;
        QCOMPARE(errorOf([&] { v->treatmentEvents().remove(first); })->kind(), ErrorKind::NotAllowed);
    }
    QCOMPARE(open(u"alice"_s)->treatmentEvents().list(u"C-1"_s).size(), listed);

    // The trail: each add and the delete by id and kind; never a medication, dose, substance, result or note.
    auto v = open(u"alice"_s);
    int added = 0;
    int deleted = 0;
    for (const auto &e : v->auditTrail().entries()) {
        added += e.action == u"add-treatment-event"_s ? 1 : 0;
        deleted += e.action == u"delete-treatment-event"_s ? 1 : 0;
        if (!e.action.contains("treatment-event"_L1))
            continue;
        QVERIFY(e.object.startsWith("treatment-event:"_L1));
        for (const char *value : {"buprenorphine", "opioids", "stimulants", "positive", "negative", "mg", "urine", "funeral", "CBT"})
            QVERIFY2(!e.detail.contains(QLatin1String(value)), value);
    }
    QCOMPARE(added, listed + 1);
    QCOMPARE(deleted, 1);
}

void TreatmentEventsTest::migrationKeepsEverything()
{
    // A vault as the build before the table left it: no treatment_events, an older version.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v"_s);
    {
        auto v = vault::Vault::create(path, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v->clients().add(c);
        (void)v->measures().add(u"C-1"_s, day("2025-01-06"), u"gad7"_s, {1, 1, 1, 1, 1, 1, 1});
        model::Episode ep;
        ep.clientCode = u"C-1"_s;
        ep.level = u"outpatient"_s;
        ep.start = day("2025-01-01");
        (void)v->episodes().add(ep);
        // v23: the version before the table (v24), whatever came after it.
        vault::VaultTestAccess::database(*v).exec(u"DROP TABLE treatment_events; DROP TABLE use_days; PRAGMA user_version = %1"_s
                                                      .arg(23)
                                                      .toStdString());
    }
    auto v = vault::Vault::open(path, u"alice"_s, secret());
    QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*v)), vault::schemaVersion);
    QCOMPARE(v->clients().list().size(), 1);
    QCOMPARE(v->measures().forClient(u"C-1"_s).size(), 1);
    QCOMPARE(v->episodes().list(u"C-1"_s).size(), 1);
    QVERIFY(v->treatmentEvents().list(u"C-1"_s).isEmpty());
    QVERIFY(v->treatmentEvents().add(meeting("2025-02-01", u"na"_s)) > 0);
    QVERIFY(v->auditTrail().verify().whole);
}

void TreatmentEventsTest::exportAndImport()
{
    const QJsonObject record = open(u"alice"_s)->records().exportClient(u"C-1"_s, false);
    const QJsonArray events = record.value("treatment_events"_L1).toArray();
    const auto source = open(u"alice"_s)->treatmentEvents().list(u"C-1"_s);
    QCOMPARE(events.size(), source.size()); // the deleted one left out
    QVERIFY(!events.first().toObject().contains("id"_L1));

    QTemporaryDir dir;
    const QString target = dir.filePath(u"t"_s);
    auto t = vault::Vault::create(target, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;

    // An edited event (a result that is no result) or one of the wrong shape: refused by where, nothing written.
    for (const auto &[key, value] : {std::pair{u"result"_s, QJsonValue(u"maybe"_s)}, std::pair{u"dose"_s, QJsonValue(8)}}) {
        QJsonArray bad = events;
        qsizetype at = -1;
        for (qsizetype i = 0; i < bad.size(); ++i) {
            if (bad.at(i).toObject().value("kind"_L1).toString() == u"drug-screen"_s)
                at = i;
        }
        QVERIFY(at >= 0);
        QJsonObject edited = bad.at(at).toObject();
        edited.insert(key, value);
        bad.replace(at, edited);
        QJsonObject tampered = record;
        tampered.insert(u"treatment_events"_s, bad);
        const auto refused = errorOf([&] { (void)t->records().importClient(tampered); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Io);
        QVERIFY2(refused->message().contains(u"treatment_events[%1]"_s.arg(at)), qPrintable(refused->message()));
        QCOMPARE(rows(*t, "SELECT count(*) FROM clients"), 0);
        QCOMPARE(rows(*t, "SELECT count(*) FROM treatment_events"), 0);
    }

    (void)t->records().importClient(record);
    const auto imported = t->treatmentEvents().list(u"C-1"_s);
    QCOMPARE(imported.size(), source.size());
    for (qsizetype i = 0; i < source.size(); ++i) {
        QCOMPARE(imported.at(i).summary(), source.at(i).summary());
        QCOMPARE(imported.at(i).note, source.at(i).note);
    }
    QCOMPARE(t->records().exportClient(u"C-1"_s, false).value("treatment_events"_L1).toArray(), events);
}

void TreatmentEventsTest::cliContract()
{
    const auto add = [&](const QStringList &args) {
        return cli(QStringList{u"event"_s, u"add"_s, u"--client"_s, u"C-1"_s} + args);
    };
    const QString note = clirun::file(m_dir, u"note"_s, "First dose in clinic; no precipitated withdrawal.\n");
    const Run started = add({u"--kind"_s, u"mat"_s, u"--date"_s, u"2025-02-03"_s, u"--medication"_s, u"methadone"_s,
                             u"--change"_s, u"start"_s, u"--dose"_s, u"30"_s, u"--unit"_s, u"mg"_s, u"--note-file"_s, note,
                             u"--json"_s});
    QCOMPARE(started.code, 0);
    QCOMPARE(QJsonDocument::fromJson(started.out).object().value("id"_L1).toInt(), 1);
    QCOMPARE(add({u"--kind"_s, u"drug-screen"_s, u"--date"_s, u"2025-03-10"_s, u"--substance"_s, u"alcohol"_s,
                  u"--result"_s, u"negative"_s, u"--method"_s, u"breath"_s}).out,
             QByteArray("event 2 added\n"));
    QCOMPARE(add({u"--kind"_s, u"mutual-help"_s, u"--date"_s, u"2025-04-02"_s, u"--program"_s, u"na"_s}).code, 0);

    // Invalid values: exit 2 naming the problem; the line's shape: exit 1.
    const Run noDose = add({u"--kind"_s, u"mat"_s, u"--date"_s, u"2025-02-10"_s, u"--medication"_s, u"methadone"_s,
                            u"--change"_s, u"dose-change"_s});
    QCOMPARE(noDose.code, 2);
    QVERIFY(noDose.err.contains("a dose change needs a dose"));
    QCOMPARE(add({u"--kind"_s, u"mat"_s, u"--date"_s, u"2025-02-10"_s, u"--medication"_s, u"methadone"_s, u"--change"_s,
                  u"dose-change"_s, u"--dose"_s, u"lots"_s, u"--unit"_s, u"mg"_s}).code, 2);
    QCOMPARE(add({u"--kind"_s, u"sauna"_s, u"--date"_s, u"2025-02-10"_s}).code, 2);
    QCOMPARE(add({u"--kind"_s, u"group"_s, u"--date"_s, u"2025-02-30"_s, u"--group"_s, u"CBT"_s}).code, 2);
    QCOMPARE(add({u"--kind"_s, u"group"_s, u"--date"_s, u"2025-02-10"_s, u"--group"_s, u"CBT"_s, u"--result"_s, u"positive"_s}).code, 2);
    QCOMPARE(add({u"--kind"_s, u"group"_s, u"--group"_s, u"CBT"_s}).code, 1);
    QCOMPARE(add({u"--kind"_s, u"group"_s, u"--date"_s, u"2025-02-10"_s, u"--colour"_s, u"red"_s}).code, 1);
    QCOMPARE(cli({u"event"_s, u"add"_s, u"--client"_s, u"C-9"_s, u"--kind"_s, u"mutual-help"_s, u"--date"_s,
                  u"2025-02-10"_s, u"--program"_s, u"aa"_s}).code, 2);

    const Run list = cli({u"event"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--json"_s});
    QCOMPARE(list.code, 0);
    const QJsonArray events = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(events.size(), 3);
    const QJsonObject first = events.at(0).toObject();
    QCOMPARE(first.keys(), (QStringList{u"change"_s, u"date"_s, u"dose"_s, u"id"_s, u"kind"_s, u"medication"_s, u"note"_s, u"unit"_s}));
    QCOMPARE(first.value("dose"_L1).toDouble(), 30.0);
    QCOMPARE(first.value("note"_L1).toString(), u"First dose in clinic; no precipitated withdrawal."_s);
    QCOMPARE(events.at(1).toObject().keys(),
             (QStringList{u"date"_s, u"id"_s, u"kind"_s, u"method"_s, u"note"_s, u"result"_s, u"substance"_s}));

    QCOMPARE(cli({u"event"_s, u"delete"_s, u"2"_s}).code, 0);
    QCOMPARE(cli({u"event"_s, u"delete"_s, u"2"_s}).code, 2);
    QCOMPARE(cli({u"event"_s, u"delete"_s, u"two"_s}).code, 2);
    QCOMPARE(QJsonDocument::fromJson(cli({u"event"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--json"_s}).out).array().size(), 2);
    const Run plain = cli({u"event"_s, u"list"_s, u"--client"_s, u"C-1"_s});
    QVERIFY(plain.out.startsWith("1\t2025-02-03 mat methadone start 30 mg\n"));
    // Nothing clinical in the trail.
    const Run trail = cli({u"audit"_s, u"list"_s, u"--json"_s});
    QVERIFY(trail.out.contains("add-treatment-event"));
    QVERIFY(!trail.out.contains("methadone"));
    QVERIFY(!trail.out.contains("precipitated"));
}

void TreatmentEventsTest::patternsCarryEvents()
{
    // Events 1 (2025-02-03) and 3 (2025-04-02) stand; an episode holds February and March.
    QCOMPARE(cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"iop"_s, u"--start"_s, u"2025-02-01"_s,
                  u"--end"_s, u"2025-03-31"_s}).code, 0);
    const QString note = clirun::file(m_dir, u"session"_s, "Cravings after the call with her sister.\n");
    QCOMPARE(cli({u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-02-10"_s, u"--note-file"_s, note}).code, 0);
    const auto events = [&](const QStringList &extra) {
        const Run r = cli(QStringList{u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--json"_s} + extra);
        QStringList dates;
        for (const QJsonValue &e : QJsonDocument::fromJson(r.out).object().value("events"_L1).toArray())
            dates.append(e.toObject().value("date"_L1).toString() + u' ' + e.toObject().value("kind"_L1).toString());
        return r.code == 0 ? dates : QStringList{u"exit %1"_s.arg(r.code)};
    };
    QCOMPARE(events({}), (QStringList{u"2025-02-03 mat"_s, u"2025-04-02 mutual-help"_s}));
    QCOMPARE(events({u"--episode"_s, u"1"_s}), QStringList{u"2025-02-03 mat"_s});
    QCOMPARE(events({u"--from"_s, u"2025-03-01"_s}), QStringList{u"2025-04-02 mutual-help"_s});
    QCOMPARE(events({u"--to"_s, u"2025-01-31"_s}), QStringList());
}

QTEST_GUILESS_MAIN(TreatmentEventsTest)
#include "treatmenteventstest.moc"
