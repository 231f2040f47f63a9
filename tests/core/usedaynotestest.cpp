// SPDX-License-Identifier: GPL-3.0-or-later
// Use days a signed note implies (docs/use-days.md, "From signed notes"): the reading of "Days
// abstinent: N" counted by hand, a recorded day always winning and a contradiction shown on it,
// notes that disagree, a note naming no substance, the cap and today; then the vault: drafts never
// feed, a signed addendum restates the claim, a supervisor never reads the days of a colleague's
// notes they cannot reach, export carries recorded days only; and the CLI's JSON.
#include "clirun.h"
#include "model/usedayfigures.h"
#include "model/usedayjson.h"
#include "model/usedaynotes.h"
#include "testvault.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace uc;
using namespace Qt::StringLiterals;
using model::AbstinenceClaim;
using model::UseDay;
using uc::testing::secret;

namespace {

model::Date day(const char *iso)
{
    return *model::parseDate(QString::fromLatin1(iso));
}

UseDay recorded(const char *date, const QString &substance, bool used)
{
    UseDay d;
    d.id = 100;
    d.clientCode = u"C-1"_s;
    d.substance = substance;
    d.date = day(date);
    d.used = used;
    d.source = u"recall"_s;
    return d;
}

AbstinenceClaim claim(model::Id note, const char *date, int days, const QString &substance)
{
    AbstinenceClaim c;
    c.note = note;
    c.author = u"alice"_s;
    c.date = day(date);
    c.days = days;
    c.substance = substance;
    return c;
}

// "2025-03-06 U n 7" per day: date, used or abstinent, 'n' implied or 'r' recorded, the note (or the
// contradicted notes after '!').
QStringList describe(const QList<UseDay> &days, const QString &substance)
{
    QStringList out;
    for (const UseDay &d : days) {
        if (d.substance != substance)
            continue;
        QString line = model::toIso(d.date) + (d.used ? u" U"_s : u" A"_s) + (d.implied() ? u" n"_s : u" r"_s);
        if (d.implied())
            line += u' ' + QString::number(d.note);
        for (model::Id against : d.contradicts)
            line += u" !"_s + QString::number(against);
        out << line;
    }
    return out;
}

model::Session session(const char *date, const QString &code)
{
    model::Session s;
    s.date = day(date);
    s.start = model::parseTime(u"10:00"_s);
    s.attendees = {{0, code, model::Attendance::Attended}};
    return s;
}

// Days abstinent can raise the overdose risk of lost tolerance (docs/risk.md): signed assessed.
model::RiskAssessment assessed()
{
    return {model::RiskLevel::Low, u"Overdose risk reviewed; naloxone discussed."_s};
}

QList<model::Section> useSection(const QString &text)
{
    return {{u"Use since last session"_s, text, false}, {u"Plan"_s, u"Continue weekly sessions."_s, false}};
}

} // namespace

class UseDayNotesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statedSubstance_data();
    void statedSubstance();
    void readingByHand();
    void notesThatDisagree();
    void noSubstanceNamed();
    void capAndToday();
    void vaultReadsSignedNotesOnly();
    void cliCarriesTheSource();
};

void UseDayNotesTest::statedSubstance_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("substance"); // empty: none

    QTest::newRow("a line") << u"Days abstinent: 12\nSubstance: alcohol"_s << u"alcohol"_s;
    QTest::newRow("any case, a full stop") << u"Substance: Opioids."_s << u"opioids"_s;
    QTest::newRow("not a class") << u"Substance: heroin"_s << QString();
    QTest::newRow("two classes") << u"Substance: alcohol\nSubstance: cannabis"_s << QString();
    QTest::newRow("the same twice") << u"Substance: alcohol\nsubstance: ALCOHOL"_s << u"alcohol"_s;
    QTest::newRow("prose") << u"She said the substance: alcohol was the problem."_s << QString();
    QTest::newRow("more on the line") << u"Substance: alcohol and cannabis"_s << QString();
    QTest::newRow("none") << u"Days abstinent: 12"_s << QString();
}

void UseDayNotesTest::statedSubstance()
{
    QFETCH(QString, text);
    QFETCH(QString, substance);
    QCOMPARE(model::statedSubstance(text).value_or(QString()), substance);
    // A group session's shared part is the group's, never the member's.
    QCOMPARE(model::statedSubstance(QList<model::Section>{{u"Group topic"_s, text, true}}).has_value(), false);
}

void UseDayNotesTest::readingByHand()
{
    // Note 7 of 2025-03-10: "Days abstinent: 4", alcohol: abstinent 03-07..03-10, a use on 03-06.
    // Recorded: 03-01..03-05 abstinent, and 03-08 used, inside the note's run.
    QList<UseDay> days;
    for (const char *d : {"2025-03-01", "2025-03-02", "2025-03-03", "2025-03-04", "2025-03-05"})
        days << recorded(d, u"alcohol"_s, false);
    days << recorded("2025-03-08", u"alcohol"_s, true);
    const auto read = model::withImpliedDays(u"C-1"_s, days, {claim(7, "2025-03-10", 4, u"alcohol"_s)}, day("2025-06-01"));
    QCOMPARE(describe(read, u"alcohol"_s),
             (QStringList{u"2025-03-01 A r"_s, u"2025-03-02 A r"_s, u"2025-03-03 A r"_s, u"2025-03-04 A r"_s,
                          u"2025-03-05 A r"_s, u"2025-03-06 U n 7"_s, u"2025-03-07 A n 7"_s, u"2025-03-08 U r !7"_s,
                          u"2025-03-09 A n 7"_s, u"2025-03-10 A n 7"_s}));
    const UseDay &implied = read.at(5);
    QCOMPARE(implied.source, u"note"_s);
    QVERIFY(implied.noteDate == day("2025-03-10"));
    QCOMPARE(implied.recordedBy, u"alice"_s);
    QCOMPARE(implied.id, model::Id(0));

    // Counted by hand over 03-01..03-10: used 03-06 (note) and 03-08 (recorded); abstinent 5
    // recorded and 3 from the note; 80% of 10 known days; the longest run 03-01..03-05; the last
    // use 03-08, 2 days before the end.
    const auto figures = model::useDayFigures(read, day("2025-03-01"), day("2025-03-10"));
    QCOMPARE(figures.size(), 1);
    const model::UseDayFigures &f = figures.first();
    QCOMPARE(f.strip, u"AAAAAUAUAA"_s);
    QCOMPARE(f.sources, u"rrrrrnnrnn"_s);
    QCOMPARE(f.used, 2);
    QCOMPARE(f.abstinent, 8);
    QCOMPARE(f.usedFromNotes, 1);
    QCOMPARE(f.abstinentFromNotes, 3);
    QCOMPARE(*f.percentAbstinent, 80.0);
    QCOMPARE(f.longestAbstinentRun, 5);
    QCOMPARE(*f.daysSinceLastUse, 2);
    QCOMPARE(f.contradictions.size(), 1);
    QVERIFY(f.contradictions.first().date == day("2025-03-08"));

    const QJsonObject json = model::useDayFiguresJson(f);
    QCOMPARE(json.value("from_notes"_L1).toObject().value("abstinent"_L1).toInt(), 3);
    QCOMPARE(json.value("sources"_L1).toString(), u"rrrrrnnrnn"_s);
    const QJsonObject c = json.value("contradictions"_L1).toArray().first().toObject();
    QCOMPARE(c.value("date"_L1).toString(), u"2025-03-08"_s);
    QCOMPARE(c.value("reads"_L1).toString(), u"used"_s);
    QCOMPARE(c.value("implied"_L1).toBool(), false);
    QCOMPARE(c.value("contradicts"_L1).toArray(), QJsonArray{7});
    // The existing keys stay as they were.
    QCOMPARE(json.value("strip"_L1).toString(), u"AAAAAUAUAA"_s);
    QCOMPARE(json.value("percent_of"_L1).toString(), u"known days"_s);

    const QJsonObject listed = model::useDayJson(implied);
    QVERIFY(listed.value("id"_L1).isNull());
    QCOMPARE(listed.value("implied"_L1).toBool(), true);
    QCOMPARE(listed.value("note"_L1).toInt(), 7);
    QCOMPARE(listed.value("note_date"_L1).toString(), u"2025-03-10"_s);
    QCOMPARE(listed.value("source"_L1).toString(), u"note"_s);
    const QJsonObject mine = model::useDayJson(read.at(7));
    QCOMPARE(mine.value("implied"_L1).toBool(), false);
    QCOMPARE(mine.value("id"_L1).toInt(), 100);
    QCOMPARE(mine.value("contradicts"_L1).toArray(), QJsonArray{7});
    // A client record never carries a note's days: the form without the listing's keys.
    QVERIFY(!model::useDayJson(read.at(7), false).contains("implied"_L1));
}

void UseDayNotesTest::notesThatDisagree()
{
    // Note 1 (03-10, 4 days): used 03-06. Note 2 (03-12, 10 days): abstinent 03-03..03-12, used
    // 03-02. On 03-06 they disagree: it reads used, from note 1, naming note 2. A recorded
    // abstinent 03-02 wins over note 2's use, naming it.
    const auto read = model::withImpliedDays(u"C-1"_s, {recorded("2025-03-02", u"alcohol"_s, false)},
                                             {claim(2, "2025-03-12", 10, u"alcohol"_s),
                                              claim(1, "2025-03-10", 4, u"alcohol"_s)},
                                             day("2025-06-01"));
    QCOMPARE(describe(read, u"alcohol"_s),
             (QStringList{u"2025-03-02 A r !2"_s, u"2025-03-03 A n 2"_s, u"2025-03-04 A n 2"_s, u"2025-03-05 A n 2"_s,
                          u"2025-03-06 U n 1 !2"_s, u"2025-03-07 A n 2"_s, u"2025-03-08 A n 2"_s,
                          u"2025-03-09 A n 2"_s, u"2025-03-10 A n 2"_s, u"2025-03-11 A n 2"_s,
                          u"2025-03-12 A n 2"_s}));
    const auto f = model::useDayFigures(read, day("2025-03-02"), day("2025-03-12")).first();
    QCOMPARE(f.strip, u"AAAAUAAAAAA"_s);
    QCOMPARE(f.contradictions.size(), 2);
}

void UseDayNotesTest::noSubstanceNamed()
{
    // Note 5 (03-10, 3 days, no substance): abstinent 03-08..03-10, a use on 03-07, in the row of
    // its own. Cannabis recorded used on 03-09 says otherwise: that day is not implied, and the
    // recorded day names the note. Nothing is attributed to alcohol or cannabis.
    const auto read = model::withImpliedDays(u"C-1"_s,
                                             {recorded("2025-03-09", u"cannabis"_s, true),
                                              recorded("2025-03-09", u"alcohol"_s, false)},
                                             {claim(5, "2025-03-10", 3, model::anySubstance())}, day("2025-06-01"));
    QCOMPARE(describe(read, u"any"_s), (QStringList{u"2025-03-07 U n 5"_s, u"2025-03-08 A n 5"_s, u"2025-03-10 A n 5"_s}));
    QCOMPARE(describe(read, u"cannabis"_s), (QStringList{u"2025-03-09 U r !5"_s}));
    QCOMPARE(describe(read, u"alcohol"_s), (QStringList{u"2025-03-09 A r"_s}));
    const auto figures = model::useDayFigures(read, day("2025-03-07"), day("2025-03-10"));
    QCOMPARE(figures.size(), 3);
    QCOMPARE(figures.last().substance, u"any"_s); // after every class
    QCOMPARE(figures.last().strip, u"UA?A"_s);
}

void UseDayNotesTest::capAndToday()
{
    // 400 days: the 366 days to the note's date, and no use day.
    const auto long_ = model::withImpliedDays(u"C-1"_s, {}, {claim(3, "2025-03-10", 400, u"opioids"_s)}, day("2025-06-01"));
    QCOMPARE(long_.size(), model::maxImpliedRun);
    QVERIFY(std::none_of(long_.begin(), long_.end(), [](const UseDay &d) { return d.used; }));
    QVERIFY(long_.first().date == day("2025-03-10") - boost::gregorian::days(365));
    // 0 days: used on the note's day itself.
    QCOMPARE(describe(model::withImpliedDays(u"C-1"_s, {}, {claim(4, "2025-03-10", 0, u"opioids"_s)}, day("2025-06-01")),
                      u"opioids"_s),
             (QStringList{u"2025-03-10 U n 4"_s}));
    // Nothing after today, whatever a session's date says.
    QCOMPARE(describe(model::withImpliedDays(u"C-1"_s, {}, {claim(4, "2025-03-12", 3, u"opioids"_s)}, day("2025-03-10")),
                      u"opioids"_s),
             (QStringList{u"2025-03-09 U n 4"_s, u"2025-03-10 A n 4"_s}));
}

void UseDayNotesTest::vaultReadsSignedNotesOnly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"vault"_s);
    {
        auto v = vault::Vault::create(path, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
        v->addUser(u"bob"_s, model::Role::Therapist, secret(), vault::KdfCost::testOnly());
        v->addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v->clients().add(c);
        // Signed: "Days abstinent: 5" of alcohol on 2025-03-10.
        auto &notes = v->notes();
        const auto a = notes.addSession(session("2025-03-10", u"C-1"_s), u"addiction"_s, model::NoteKind::Progress,
                                        useSection(u"Days abstinent: 5\nSubstance: alcohol"_s));
        notes.sign(a.notes.first(), assessed());
        // A draft claiming 30 days never feeds.
        (void)notes.addSession(session("2025-03-20", u"C-1"_s), u"addiction"_s, model::NoteKind::Progress,
                               useSection(u"Days abstinent: 30\nSubstance: alcohol"_s));
        // A signed note later corrected by its addendum: 4 days of opioids, restated as 2.
        const auto b = notes.addSession(session("2025-04-10", u"C-1"_s), u"addiction"_s, model::NoteKind::Progress,
                                        useSection(u"Days abstinent: 4\nSubstance: opioids"_s));
        notes.sign(b.notes.first(), assessed());
        (void)notes.addAddendum(b.notes.first(), u"Correction after the screen result.\nDays abstinent: 2"_s);
        // A process note saying it is never read: its words are its author's alone.
        (void)notes.add(b.session, u"C-1"_s, u"process"_s, model::NoteKind::Process,
                        {{u"Process"_s, u"Days abstinent: 40\nSubstance: cannabis"_s, false}});
        v->useDays().record(recorded("2025-03-08", u"alcohol"_s, true), day("2025-03-08"), day("2025-03-08"),
                            vault::UseDays::Recorded::Refuse);
    }
    {
        auto bob = vault::Vault::open(path, u"bob"_s, secret());
        const auto s = bob->notes().addSession(session("2025-05-01", u"C-1"_s), u"addiction"_s,
                                               model::NoteKind::Progress, useSection(u"Days abstinent: 3"_s));
        bob->notes().sign(s.notes.first(), assessed());
    }
    vault::Vault::open(path, u"sam"_s, secret())->supervision().assign(u"alice"_s, u"sam"_s, model::SupervisionMode::Review);

    auto alice = vault::Vault::open(path, u"alice"_s, secret());
    const auto days = alice->useDays().list(u"C-1"_s);
    QCOMPARE(describe(days, u"alcohol"_s),
             (QStringList{u"2025-03-05 U n 1"_s, u"2025-03-06 A n 1"_s, u"2025-03-07 A n 1"_s, u"2025-03-08 U r !1"_s,
                          u"2025-03-09 A n 1"_s, u"2025-03-10 A n 1"_s}));
    QCOMPARE(describe(days, u"opioids"_s), (QStringList{u"2025-04-08 U n 3"_s, u"2025-04-09 A n 3"_s, u"2025-04-10 A n 3"_s}));
    const auto opioid = std::find_if(days.begin(), days.end(), [](const UseDay &d) { return d.substance == u"opioids"; });
    QVERIFY(opioid->addendum != 0);
    QCOMPARE(describe(days, u"cannabis"_s), QStringList());
    // Bob's note names no substance: the row of its own, which alice reads.
    QCOMPARE(describe(days, u"any"_s).size(), 4);
    // A filter keeps one row; the contradiction is found whatever the period.
    QCOMPARE(describe(alice->useDays().list(u"C-1"_s, u"alcohol"_s, day("2025-03-08"), day("2025-03-08")), u"alcohol"_s),
             (QStringList{u"2025-03-08 U r !1"_s}));
    // The client record carries the one recorded day, never a note's.
    QCOMPARE(alice->useDays().recorded(u"C-1"_s).size(), 1);
    const QJsonObject record = alice->records().exportClient(u"C-1"_s, false);
    QCOMPARE(record.value("use_days"_L1).toArray().size(), 1);

    // Sam supervises alice, not bob: bob's note's days never reach him.
    alice.reset(); // one open vault at a time
    auto sam = vault::Vault::open(path, u"sam"_s, secret());
    const auto samDays = sam->useDays().list(u"C-1"_s);
    QCOMPARE(describe(samDays, u"any"_s), QStringList());
    QCOMPARE(describe(samDays, u"alcohol"_s), describe(days, u"alcohol"_s));
}

void UseDayNotesTest::cliCarriesTheSource()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"cli"_s);
    const QString pass = clirun::file(dir, u"pass"_s, "a long enough passphrase\n");
    QVERIFY(clirun::cheapVault(path, "a long enough passphrase"));
    const auto cli = [&](const QStringList &args) { return clirun::cli(args, path, u"alice"_s, pass); };
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-1"_s, u"--name"_s, u"Client One"_s}).code, 0);
    const QString note = clirun::file(dir, u"note.md"_s,
                                      "## Use since last session\nDays abstinent: 2\nSubstance: cannabis\n## Plan\nWeekly.\n"
                                      "Risk assessment: low - overdose risk reviewed.\n");
    const auto added = cli({u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-10"_s, u"--time"_s,
                            u"10:00"_s, u"--template"_s, u"addiction"_s, u"--note-file"_s, note, u"--json"_s});
    QCOMPARE(added.code, 0);
    const QString id = QString::number(QJsonDocument::fromJson(added.out).object().value("note"_L1).toInt());
    // A draft: nothing yet.
    QCOMPARE(QJsonDocument::fromJson(cli({u"useday"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--json"_s}).out).array().size(), 0);
    QCOMPARE(cli({u"note"_s, u"sign"_s, id}).code, 0);
    const auto listed = QJsonDocument::fromJson(cli({u"useday"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--json"_s}).out).array();
    QCOMPARE(listed.size(), 3);
    const QJsonObject first = listed.first().toObject();
    QCOMPARE(first.value("date"_L1).toString(), u"2025-03-08"_s);
    QCOMPARE(first.value("used"_L1).toBool(), true);
    QCOMPARE(first.value("implied"_L1).toBool(), true);
    QCOMPARE(first.value("note"_L1).toInt(), id.toInt());
    QCOMPARE(first.value("source"_L1).toString(), u"note"_s);

    const auto patterns = cli({u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--from"_s,
                               u"2025-03-07"_s, u"--to"_s, u"2025-03-11"_s, u"--json"_s});
    QCOMPARE(patterns.code, 0);
    const QJsonObject cannabis
        = QJsonDocument::fromJson(patterns.out).object().value("use_days"_L1).toArray().first().toObject();
    QCOMPARE(cannabis.value("substance"_L1).toString(), u"cannabis"_s);
    QCOMPARE(cannabis.value("strip"_L1).toString(), u"?UAA?"_s);
    QCOMPARE(cannabis.value("sources"_L1).toString(), u"-nnn-"_s);
    QCOMPARE(cannabis.value("from_notes"_L1).toObject().value("abstinent"_L1).toInt(), 2);
    QCOMPARE(cannabis.value("used"_L1).toInt(), 1);
}

QTEST_GUILESS_MAIN(UseDayNotesTest)
#include "usedaynotestest.moc"
