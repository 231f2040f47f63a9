// SPDX-License-Identifier: GPL-3.0-or-later
// Typed fields in the vault (vault/fieldstore.h, Histories): stored with every save of a draft,
// gone with a deleted draft, frozen at signing, none for process notes, read back as series in
// session order; the lines they are written on raise no theme and no present risk; a v20 vault gets
// its notes' values when it is opened; imported notes (CSV rows, a client record) get the values a
// draft save of their text stores.
#include "import/csvimport.h"
#include "import/importer.h"
#include "model/notefields.h"
#include "patterns/fieldseries.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include "testvault.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using model::Field;
using model::Id;
using vault::Vault;

namespace {

const QString passphrase = u"fields test passphrase"_s;

struct Practice
{
    QTemporaryDir tmp;
    QString dir = tmp.filePath(u"v"_s);
    std::unique_ptr<Vault> alice;

    Practice()
    {
        alice = Vault::create(dir, u"alice"_s, SecretBuffer::copyOf(passphrase.toStdString()), model::Role::Therapist,
                              vault::KdfCost::testOnly())
                    .vault;
        alice->addUser(u"bob"_s, model::Role::Therapist, SecretBuffer::copyOf(passphrase.toStdString()),
                       vault::KdfCost::testOnly());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Field Client"_s;
        alice->clients().add(c);
    }
    std::unique_ptr<Vault> open(const QString &user) const
    {
        return Vault::open(dir, user, SecretBuffer::copyOf(passphrase.toStdString()));
    }
};

model::Session session(const char *isoDate, const char *start = "10:00")
{
    model::Session s;
    s.date = *model::parseDate(QString::fromLatin1(isoDate));
    s.start = model::parseTime(QString::fromLatin1(start));
    s.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
    return s;
}

// An addiction note as the editor writes it.
QList<model::Section> addiction(const QString &craving, const QString &stage, const QString &use, const QString &risk,
                                const QString &triggers = u"Payday."_s)
{
    return {{u"Use since last session"_s, use},   {u"Cravings (0-10)"_s, craving},
            {u"Triggers and high-risk situations"_s, triggers},
            {u"Stage of change"_s, stage},         {u"Recovery supports"_s, u"AA twice a week."_s},
            {u"Risk"_s, risk},                     {u"Plan"_s, u"Weekly."_s}};
}

// One field's series as "date=value" words.
QStringList series(Vault &v, Field field, patterns::Query query = {})
{
    QStringList out;
    for (const model::FieldPoint &p : patterns::fieldSeries(v.histories().client(u"C-1"_s).fields, field, query))
        out << model::toIso(p.date) + u'=' + model::valueWord(field, p.value);
    return out;
}

// The note's stored values as "field=value" words, in field order.
QStringList storedValues(Vault &v, Id note)
{
    auto stmt = vault::VaultTestAccess::database(v).prepare(
        "SELECT field, value FROM note_fields WHERE note_id = ? ORDER BY field");
    stmt.bind(1, note);
    QStringList out;
    while (stmt.step())
        out << stmt.text(0) + u'=' + QString::number(stmt.int64(1));
    return out;
}

int storedRows(Vault &v, Id note)
{
    auto stmt = vault::VaultTestAccess::database(v).prepare("SELECT count(*) FROM note_fields WHERE note_id = ?");
    stmt.bind(1, note);
    stmt.step();
    return static_cast<int>(stmt.int64(0));
}

QStringList themesOf(Vault &v, Id note)
{
    QStringList out;
    for (const model::ThemeTag &t : v.tagging().tags(note))
        out << t.theme + u':' + t.evidence;
    return out;
}

} // namespace

class FieldHistoryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySaveRewritesTheValues()
    {
        Practice p;
        Vault &v = *p.alice;
        const Id note = v.notes()
                            .addSession(session("2025-03-03"), u"addiction"_s, model::NoteKind::Progress,
                                        addiction(u"7"_s, u"Contemplation"_s, u"Substance: alcohol\nDays abstinent: 0"_s,
                                                  u"Low"_s))
                            .notes.first();
        QCOMPARE(series(v, Field::Craving), QStringList{u"2025-03-03=7"_s});
        QCOMPARE(series(v, Field::Stage), QStringList{u"2025-03-03=contemplation"_s});
        QCOMPARE(series(v, Field::DaysAbstinent), QStringList{u"2025-03-03=0"_s});
        QCOMPARE(series(v, Field::RiskLevel), QStringList{u"2025-03-03=low"_s});
        // An edit changes them; a value written as prose is no value.
        v.notes().saveDraft(note, addiction(u"about 5"_s, u"Preparation"_s, u"Substance: alcohol\nDays abstinent: 4"_s,
                                            u"Low"_s));
        QVERIFY(series(v, Field::Craving).isEmpty());
        QCOMPARE(series(v, Field::Stage), QStringList{u"2025-03-03=preparation"_s});
        QCOMPARE(series(v, Field::DaysAbstinent), QStringList{u"2025-03-03=4"_s});
        QCOMPARE(storedRows(v, note), 3);
        // A deleted draft leaves nothing behind.
        v.notes().deleteDraft(note);
        QCOMPARE(storedRows(v, note), 0);
        QVERIFY(v.histories().client(u"C-1"_s).fields.isEmpty());
    }

    void aSignedNotesValuesNeverChange()
    {
        Practice p;
        Vault &v = *p.alice;
        const Id note = v.notes()
                            .addSession(session("2025-03-03"), u"addiction"_s, model::NoteKind::Progress,
                                        addiction(u"6"_s, u"Action"_s, u"None."_s, u"Low"_s))
                            .notes.first();
        v.notes().sign(note);
        QCOMPARE(storedRows(v, note), 3);
        sql::Database &db = vault::VaultTestAccess::database(v);
        QVERIFY(testing::errorOf([&] {
            db.prepare("DELETE FROM note_fields WHERE note_id = ?").bind(1, note).run();
        }));
        QVERIFY(testing::errorOf([&] {
            db.prepare("UPDATE note_fields SET value = 1 WHERE note_id = ?").bind(1, note).run();
        }));
        QCOMPARE(series(v, Field::Craving), QStringList{u"2025-03-03=6"_s});
    }

    void processNotesHaveNoValues()
    {
        Practice p;
        Vault &v = *p.alice;
        const Id note = v.notes()
                            .addSession(session("2025-03-03"), u"process"_s, model::NoteKind::Process,
                                        {{u"Process"_s, u"Cravings: 7/10\nRisk: low"_s}})
                            .notes.first();
        QCOMPARE(storedRows(v, note), 0);
        v.notes().saveDraft(note, {{u"Process"_s, u"Cravings: 8/10"_s}});
        QCOMPARE(storedRows(v, note), 0);
        QVERIFY(v.histories().client(u"C-1"_s, true).fields.isEmpty());
    }

    void seriesAreInSessionOrderAcrossAuthors()
    {
        Practice p;
        const auto note = [&](Vault &v, const model::Session &s, const QString &craving) {
            return v.notes().addSession(s, u"addiction"_s, model::NoteKind::Progress,
                                        addiction(craving, {}, u"None."_s, {}));
        };
        const auto later = note(*p.alice, session("2025-03-10"), u"3"_s);
        note(*p.alice, session("2025-03-03", "16:00"), u"8"_s);
        note(*p.alice, session("2025-03-03", "09:00"), u"9"_s);
        p.alice.reset(); // one user at a time
        auto bob = p.open(u"bob"_s);
        // Bob's progress note on alice's session states the same value: one point.
        if (const auto e = testing::errorOf([&] { bob->notes().add(later.session, u"C-1"_s, u"addiction"_s, model::NoteKind::Progress,
                         addiction(u"3"_s, {}, u"None."_s, {})); }))
            QFAIL(qPrintable(e->message()));
        QCOMPARE(series(*bob, Field::Craving),
                 (QStringList{u"2025-03-03=9"_s, u"2025-03-03=8"_s, u"2025-03-10=3"_s}));
        patterns::Query march3;
        march3.to = model::Date(2025, 3, 3);
        QCOMPARE(series(*bob, Field::Craving, march3), (QStringList{u"2025-03-03=9"_s, u"2025-03-03=8"_s}));
        const QJsonObject json = patterns::fieldsJson(bob->histories().client(u"C-1"_s).fields, march3);
        QCOMPARE(json.keys(), (QStringList{u"craving"_s, u"days_abstinent"_s, u"risk_level"_s, u"stage"_s}));
        QCOMPARE(json.value(u"craving"_s).toArray().first().toObject().value(u"value"_s).toInt(), 9);
        QVERIFY(json.value(u"stage"_s).toArray().isEmpty());
    }

    // "Risk: Low", a craving rated 7, "Days abstinent: 12", "Stage of change: Contemplation":
    // values, not themes; the client's words around them are still tagged.
    void structuredLinesAreNeverThemes()
    {
        Practice p;
        Vault &v = *p.alice;
        const Id note = v.notes()
                            .addSession(session("2025-03-03"), u"addiction"_s, model::NoteKind::Progress,
                                        addiction(u"7"_s, u"Contemplation"_s,
                                                  u"Substance: alcohol\nDays abstinent: 12"_s, u"Low"_s,
                                                  u"She felt low all week after her sister left."_s))
                            .notes.first();
        const QStringList themes = themesOf(v, note);
        QVERIFY2(themes.contains(u"depression:felt low"_s), qPrintable(themes.join(u", ")));
        for (const QString &t : themes)
            QVERIFY2(!t.endsWith(u":Low"_s) && !t.contains(u"abstinent"_s), qPrintable(themes.join(u", ")));
        // Labelled lines in another template, the same.
        const Id soap = v.notes()
                            .addSession(session("2025-03-10"), u"soap"_s, model::NoteKind::Progress,
                                        {{u"Subjective"_s, u"Cravings: 7/10\nDays abstinent: 12\nRisk: Low"_s},
                                         {u"Assessment"_s, u"Stage of change: Contemplation\nRisk level: low."_s}})
                            .notes.first();
        QCOMPARE(themesOf(v, soap), QStringList());
        QCOMPARE(series(v, Field::Craving), (QStringList{u"2025-03-03=7"_s, u"2025-03-10=7"_s}));
        // No present risk either: nothing asks for an assessment at signing.
        QVERIFY(v.risk().unassessed(note).isEmpty());
        QVERIFY(v.risk().unassessed(soap).isEmpty());
        // Cravings in a sentence are the client's words, and tagged.
        v.notes().saveDraft(soap, {{u"Subjective"_s, u"She had strong cravings to drink on payday."_s}});
        QVERIFY(themesOf(v, soap).join(u' ').contains(u"craving:"_s));
    }

    // An imported note's values are computed from its text as a draft save computes them: a CSV
    // row (core/import, a draft through Notes::addSession), and a client record moved to another
    // vault (ClientRecords::importClient); a process note has none.
    void importedNotesGetTheValuesADraftSaveStores()
    {
        Practice p;
        Vault &v = *p.alice;
        const QByteArray csv =
            "client_code,date,template,kind,text\n"
            "C-1,2025-03-03,addiction,,\"## Use since last session\nSubstance: alcohol\nDays abstinent: 12\n"
            "## Cravings (0-10)\n6\n## Stage of change\nAction\n## Risk\nLow. Denies SI.\n## Plan\nWeekly.\"\n"
            "C-1,2025-03-03,,process,Cravings (0-10): 9\n"
            "C-1,2025-03-10,soap,,\"## Subjective\nCravings: 3/10\nShe spoke of her sister.\"\n";
        const import::ImportParse parse = import::parseCsv(csv);
        QVERIFY2(parse.errors.isEmpty(), qPrintable(parse.errors.isEmpty() ? QString() : parse.errors.first().reason));
        QVERIFY(import::importRows(v, parse, false, false).ok);
        const QList<model::Note> notes = v.notes().forClient(u"C-1"_s, true);
        QCOMPARE(notes.size(), 3);
        QStringList imported;
        for (const model::Note &n : notes)
            imported << storedValues(v, n.id).join(u' ');
        QCOMPARE(imported, (QStringList{u"craving=6 days_abstinent=12 risk_level=1 stage=3"_s, QString(),
                                        u"craving=3"_s}));
        // What a draft save of the same text stores: the same rows.
        for (const model::Note &n : notes) {
            const QStringList before = storedValues(v, n.id);
            v.notes().saveDraft(n.id, n.sections);
            QCOMPARE(storedValues(v, n.id), before);
        }
        QCOMPARE(series(v, Field::Craving), (QStringList{u"2025-03-03=6"_s, u"2025-03-10=3"_s}));

        // The record moved to a new vault: the same values there.
        const QJsonObject record = v.records().exportClient(u"C-1"_s, true);
        QTemporaryDir other;
        auto moved = Vault::create(other.filePath(u"v"_s), u"carol"_s, SecretBuffer::copyOf(passphrase.toStdString()),
                                   model::Role::Therapist, vault::KdfCost::testOnly())
                         .vault;
        QVERIFY(moved);
        moved->records().importClient(record);
        const QList<model::Note> there = moved->notes().forClient(u"C-1"_s, false);
        QStringList values;
        for (const model::Note &n : there)
            values << storedValues(*moved, n.id).join(u' ');
        QCOMPARE(values, (QStringList{imported.at(0), imported.at(2)}));
        QCOMPARE(series(*moved, Field::DaysAbstinent), QStringList{u"2025-03-03=12"_s});
    }

    void aV20VaultGetsItsNotesValues()
    {
        Practice p;
        Id draft = 0;
        Id signedNote = 0;
        Id process = 0;
        {
            Vault &v = *p.alice;
            draft = v.notes()
                        .addSession(session("2025-03-03"), u"addiction"_s, model::NoteKind::Progress,
                                    addiction(u"5"_s, u"Action"_s, u"None."_s, u"None"_s))
                        .notes.first();
            const auto made = v.notes().addSession(session("2025-03-10"), u"soap"_s, model::NoteKind::Progress,
                                                   {{u"Subjective"_s, u"Cravings (0-10): 2\nDays abstinent: 7"_s}});
            signedNote = made.notes.first();
            v.notes().sign(signedNote);
            process = v.notes().add(made.session, u"C-1"_s, u"process"_s, model::NoteKind::Process,
                                    {{u"Process"_s, u"Cravings: 9/10"_s}});
            // Back to what a v20 build wrote.
            vault::VaultTestAccess::database(v).exec("DROP TABLE note_fields; PRAGMA user_version = 20");
            p.alice.reset();
        }
        auto v = p.open(u"alice"_s);
        QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*v)), vault::schemaVersion);
        QCOMPARE(storedRows(*v, draft), 3); // craving, stage, risk: no days abstinent line
        QCOMPARE(storedRows(*v, signedNote), 2);
        QCOMPARE(storedRows(*v, process), 0);
        QCOMPARE(series(*v, Field::Craving), (QStringList{u"2025-03-03=5"_s, u"2025-03-10=2"_s}));
        QCOMPARE(series(*v, Field::RiskLevel), QStringList{u"2025-03-03=none"_s});
        // The signed note's values are kept as signed.
        QVERIFY(testing::errorOf([&] {
            vault::VaultTestAccess::database(*v).prepare("DELETE FROM note_fields WHERE note_id = ?").bind(1, signedNote).run();
        }));
        QVERIFY(v->notes().verifySignature(signedNote));
    }
};

QTEST_GUILESS_MAIN(FieldHistoryTest)
#include "fieldhistorytest.moc"
