// SPDX-License-Identifier: GPL-3.0-or-later
// Use days, the timeline follow-back (docs/use-days.md): the model's strict validation and its
// JSON form; the figures counted by hand (unknown days never abstinent); the vault's ranges, the
// conflict that stores nothing, corrections and deletions that keep what they replace, triggers that
// refuse a change or a removal by hand, roles and an audit trail without clinical values; a vault
// from before the table migrated; export and import; and undercurrent-cli's contract: useday
// record|correct|delete|list|show and the "use_days" of patterns --json.
#include "clirun.h"
#include "common/error.h"
#include "model/useday.h"
#include "model/usedayfigures.h"
#include "model/usedayjson.h"
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

Q_DECLARE_METATYPE(uc::model::UseDay)

using namespace uc;
using namespace Qt::StringLiterals;
using model::UseDay;
using uc::testing::errorOf;
using uc::testing::secret;

namespace {

model::Date day(const char *iso)
{
    return *model::parseDate(QString::fromLatin1(iso));
}

model::Date today()
{
    return boost::gregorian::day_clock::universal_day();
}

UseDay entry(const char *date, const QString &substance, bool used, std::optional<double> amount = {},
             const QString &unit = {}, const QString &source = u"recall"_s)
{
    UseDay d;
    d.clientCode = u"C-1"_s;
    d.substance = substance;
    d.date = day(date);
    d.used = used;
    d.amount = amount;
    d.unit = unit;
    d.source = source;
    return d;
}

int rows(vault::Vault &v, const char *sql)
{
    return vault::VaultTestAccess::database(v).pragmaText(sql).toInt();
}

// The strip of days used ('U') and abstinent ('A') from `from`, one letter a day; '?' adds nothing.
QList<UseDay> fromStrip(const char *from, const QString &substance, const QString &strip)
{
    QList<UseDay> out;
    model::Date d = day(from);
    for (const QChar c : strip) {
        if (c != u'?') {
            UseDay u = entry("2025-01-01", substance, c == u'U');
            u.date = d;
            out.append(u);
        }
        d += boost::gregorian::days(1);
    }
    return out;
}

} // namespace

class UseDaysTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void validation_data();
    void validation();
    void jsonForm();
    void figuresByHand();
    void rangesConflictsAndCorrections();
    void rolesAndAudit();
    void migrationKeepsEverything();
    void exportAndImport();
    void cliContract();
    void patternsCarryUseDays();

private:
    using Run = clirun::Run;
    Run cli(QStringList args, const QString &user = u"alice"_s)
    {
        return clirun::cli(std::move(args), m_cliVault, user, m_pass);
    }
    std::unique_ptr<vault::Vault> open(const QString &user) { return vault::Vault::open(m_vault, user, secret()); }

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_cliVault;
    QString m_pass;
};

void UseDaysTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(u"vault"_s);
    auto v
        = vault::Vault::create(m_vault, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
    v->addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
    v->addUser(u"ada"_s, model::Role::Auditor, secret(), vault::KdfCost::testOnly());
    for (const auto &[code, name] :
         { std::pair { u"C-1"_s, u"Client One"_s }, std::pair { u"C-2"_s, u"Client Two"_s } }) {
        model::Client c;
        c.code = code;
        c.displayName = name;
        v->clients().add(c);
    }

    m_cliVault = m_dir.filePath(u"cli"_s);
    m_pass = clirun::file(m_dir, u"pass"_s, "a long enough passphrase\n");
    QVERIFY(clirun::cheapVault(m_cliVault, "a long enough passphrase"));
    QCOMPARE(cli({ u"client"_s, u"add"_s, u"--code"_s, u"C-1"_s, u"--name"_s, u"Client One"_s }).code, 0);
}

void UseDaysTest::validation_data()
{
    QTest::addColumn<UseDay>("day");
    QTest::addColumn<QString>("problem"); // a word the reason must hold; empty: valid

    QTest::newRow("abstinent") << entry("2025-03-01", u"alcohol"_s, false) << QString();
    QTest::newRow("used, no amount") << entry("2025-03-01", u"opioids"_s, true) << QString();
    QTest::newRow("drinks") << entry("2025-03-01", u"alcohol"_s, true, 4, u"standard-drinks"_s) << QString();
    QTest::newRow("zero grams") << entry("2025-03-01", u"cannabis"_s, true, 0, u"g"_s) << QString();
    QTest::newRow("screen") << entry("2025-03-01", u"stimulants"_s, true, {}, {}, u"screen"_s) << QString();
    QTest::newRow("collateral") << entry("2025-03-01", u"nicotine"_s, false, {}, {}, u"collateral"_s) << QString();
    QTest::newRow("substance unknown") << entry("2025-03-01", u"heroin"_s, true) << u"substance"_s;
    QTest::newRow("source unknown") << entry("2025-03-01", u"alcohol"_s, true, {}, {}, u"guess"_s) << u"source"_s;
    QTest::newRow("amount negative") << entry("2025-03-01", u"cannabis"_s, true, -1, u"g"_s) << u"from 0 to 1000"_s;
    QTest::newRow("amount huge") << entry("2025-03-01", u"cannabis"_s, true, 1001, u"g"_s) << u"from 0 to 1000"_s;
    QTest::newRow("amount not finite") << entry("2025-03-01", u"cannabis"_s, true,
                                                std::numeric_limits<double>::quiet_NaN(), u"g"_s)
                                       << u"from 0 to 1000"_s;
    QTest::newRow("amount on an abstinent day")
        << entry("2025-03-01", u"alcohol"_s, false, 2, u"standard-drinks"_s) << u"abstinent day has no amount"_s;
    QTest::newRow("alcohol in pints") << entry("2025-03-01", u"alcohol"_s, true, 3, u"pints"_s) << u"standard drinks"_s;
    QTest::newRow("amount without unit") << entry("2025-03-01", u"cannabis"_s, true, 2) << u"unit"_s;
    QTest::newRow("unit without amount") << entry("2025-03-01", u"cannabis"_s, true, {}, u"g"_s)
                                         << u"needs an amount"_s;
    QTest::newRow("unit malformed") << entry("2025-03-01", u"cannabis"_s, true, 2, u"G; DROP"_s) << u"unit"_s;
    UseDay noDate = entry("2025-03-01", u"alcohol"_s, false);
    noDate.date = model::Date();
    QTest::newRow("no date") << noDate << u"date"_s;
    UseDay tomorrow = entry("2025-03-01", u"alcohol"_s, false);
    tomorrow.date = today() + boost::gregorian::days(1);
    QTest::newRow("tomorrow") << tomorrow << u"after today"_s;
}

void UseDaysTest::validation()
{
    QFETCH(UseDay, day);
    QFETCH(QString, problem);
    const auto found = model::useDayProblem(day, today());
    if (problem.isEmpty()) {
        QVERIFY2(!found, qPrintable(found.value_or(QString())));
        return;
    }
    QVERIFY(found);
    QVERIFY2(found->contains(problem), qPrintable(*found));
}

void UseDaysTest::jsonForm()
{
    UseDay d = entry("2025-03-04", u"alcohol"_s, true, 6, u"standard-drinks"_s, u"collateral"_s);
    d.id = 7;
    d.recordedBy = u"alice"_s;
    const QJsonObject listed = model::useDayJson(d);
    QCOMPARE(listed.keys(),
             (QStringList { u"addendum"_s, u"amount"_s, u"contradicts"_s, u"date"_s, u"id"_s, u"implied"_s, u"note"_s,
                            u"note_date"_s, u"recorded_by"_s, u"source"_s, u"substance"_s, u"unit"_s, u"used"_s }));
    QCOMPARE(listed.value("used"_L1), QJsonValue(true));
    const QJsonObject record = model::useDayJson(d, false);
    QVERIFY(!record.contains("id"_L1) && !record.contains("recorded_by"_L1));
    QString problem;
    const auto back = model::useDayFromJson(record, today(), &problem);
    QVERIFY2(back, qPrintable(problem));
    QCOMPARE(model::useDayDetails(*back), u"used 6 standard-drinks (collateral)"_s);
    QVERIFY(model::useDayJson(entry("2025-03-04", u"alcohol"_s, false)).value("amount"_L1).isNull());

    // Strict: an unknown key, a missing one, "used" as text, an amount as text, an invalid value.
    const auto refused = [&](const QString &key, const QJsonValue &value, const char *why) {
        QJsonObject edited = record;
        if (value.isUndefined())
            edited.remove(key);
        else
            edited.insert(key, value);
        const bool read = model::useDayFromJson(edited, today(), &problem).has_value();
        return !read && problem.contains(QLatin1String(why));
    };
    QVERIFY(refused(u"id"_s, 3, "not a key"));
    QVERIFY(refused(u"source"_s, QJsonValue(QJsonValue::Undefined), "needs \"source\""));
    QVERIFY(refused(u"used"_s, u"yes"_s, "true or false"));
    QVERIFY(refused(u"amount"_s, u"6"_s, "number or null"));
    QVERIFY(refused(u"amount"_s, -1, "from 0 to 1000"));
    QVERIFY(refused(u"date"_s, u"2025-02-30"_s, "not a date"));
    QVERIFY(refused(u"substance"_s, u"heroin"_s, "substance"));
}

void UseDaysTest::figuresByHand()
{
    // docs/use-days.md's example: 03-01..03-04 abstinent, 03-05 used, 03-06 unknown, 03-07..03-09
    // abstinent, 03-10 unknown.
    const QList<UseDay> alcohol = fromStrip("2025-03-01", u"alcohol"_s, u"AAAAU?AAA?"_s);
    const auto figures = model::useDayFigures(alcohol, day("2025-03-01"), day("2025-03-10"));
    QCOMPARE(figures.size(), 1);
    const model::UseDayFigures &f = figures.first();
    QCOMPARE(f.days, 10);
    QCOMPARE(f.used, 1);
    QCOMPARE(f.abstinent, 7);
    QCOMPARE(f.unknown, 2);
    QCOMPARE(*f.percentAbstinent, 87.5); // 7 of the 8 known days, not 7 of 10
    QCOMPARE(f.longestAbstinentRun, 4);
    QCOMPARE(*f.daysSinceLastUse, 5);
    QCOMPARE(f.strip, u"AAAAU?AAA?"_s);

    // An unknown day ends a run: A A ? A A A is a run of 3, not 5.
    const auto broken = model::useDayFigures(fromStrip("2025-03-01", u"opioids"_s, u"AA?AAA"_s), day("2025-03-01"),
                                             day("2025-03-06"));
    QCOMPARE(broken.first().longestAbstinentRun, 3);
    QVERIFY(!broken.first().daysSinceLastUse); // no use recorded
    QCOMPARE(*broken.first().percentAbstinent, 100.0);

    // A period with nothing known: all unknown, no percentage; the last use before the period counts.
    QList<UseDay> both = alcohol + fromStrip("2025-03-01", u"cannabis"_s, u"U"_s);
    const auto later = model::useDayFigures(both, day("2025-04-01"), day("2025-04-30"));
    QCOMPARE(later.size(), 2);
    QCOMPARE(later.at(0).substance, u"alcohol"_s); // substanceClasses() order
    QCOMPARE(later.at(1).substance, u"cannabis"_s);
    QCOMPARE(later.at(0).unknown, 30);
    QVERIFY(!later.at(0).percentAbstinent);
    QCOMPARE(*later.at(0).daysSinceLastUse, 56); // 2025-03-05 to 03-31 is 26 days, then 30 of April
    QCOMPARE(*later.at(1).daysSinceLastUse, 60); // 2025-03-01 to 03-31 is 30, then 30
    // A use after the period's end is not "since": the period ends before it.
    QVERIFY(!model::useDayFigures(alcohol, day("2025-02-01"), day("2025-03-04")).first().daysSinceLastUse);
    // Defaults: from the first entry to today.
    const auto open = model::useDayFigures(alcohol, std::nullopt, day("2025-03-05"), today());
    QCOMPARE(open.first().from, day("2025-03-01"));
    QCOMPARE(open.first().days, 5);
    QCOMPARE(*open.first().daysSinceLastUse, 0);
    QVERIFY(model::useDayFigures({}, std::nullopt, std::nullopt, today()).isEmpty());

    const QJsonObject json = model::useDayFiguresJson(f);
    QCOMPARE(json.value("percent_of"_L1).toString(), u"known days"_s);
    QCOMPARE(json.value("percent_abstinent"_L1).toDouble(), 87.5);
    QVERIFY(model::useDayFiguresJson(later.at(0)).value("percent_abstinent"_L1).isNull());
}

void UseDaysTest::rangesConflictsAndCorrections()
{
    auto v = open(u"alice"_s);
    auto &days = v->useDays();
    using R = vault::UseDays::Recorded;
    // A TLFB review of March: abstinent throughout, then a day used corrected in.
    QCOMPARE(days.record(entry("2025-03-01", u"alcohol"_s, false), day("2025-03-01"), day("2025-03-31"), R::Refuse),
             31);
    UseDay drinks = entry("2025-03-01", u"alcohol"_s, true, 5);
    QCOMPARE(days.record(drinks, day("2025-04-01"), day("2025-04-01"), R::Refuse), 1);
    QCOMPARE(days.list(u"C-1"_s, u"alcohol"_s, day("2025-04-01"), day("2025-04-01")).first().unit,
             u"standard-drinks"_s); // alcohol's unit by default
    QCOMPARE(days.list(u"C-1"_s).size(), 32);
    QCOMPARE(days.list(u"C-1"_s).first().recordedBy, u"alice"_s);

    // A range over a day recorded: a conflict naming it; nothing of the range stored.
    const int stored = rows(*v, "SELECT count(*) FROM use_days");
    const auto conflict = errorOf([&] { (void)days.record(drinks, day("2025-02-25"), day("2025-03-02"), R::Refuse); });
    QVERIFY(conflict);
    QCOMPARE(conflict->kind(), ErrorKind::Conflict);
    QVERIFY2(conflict->message().contains("2025-03-01"_L1), qPrintable(conflict->message()));
    QCOMPARE(rows(*v, "SELECT count(*) FROM use_days"), stored);
    QVERIFY(days.list(u"C-1"_s, u"alcohol"_s, day("2025-02-25"), day("2025-02-28")).isEmpty());

    // Invalid ranges: exit-2 errors, nothing stored.
    const auto refused = [&](const model::Date &from, const model::Date &to, const char *why) {
        const auto e
            = errorOf([&] { (void)days.record(entry("2025-01-01", u"cannabis"_s, false), from, to, R::Refuse); });
        return e && e->kind() == ErrorKind::Io && e->message().contains(QLatin1String(why));
    };
    QVERIFY(refused(day("2025-03-02"), day("2025-03-01"), "ends before it starts"));
    QVERIFY(refused(day("2024-01-01"), day("2025-01-01"), "at most 366 days")); // 367 days
    QVERIFY(refused(today(), today() + boost::gregorian::days(1), "after today"));
    QCOMPARE(days.record(entry("2025-01-01", u"cannabis"_s, false), day("2024-01-01"), day("2024-12-31"), R::Refuse),
             366);
    UseDay stranger = entry("2025-01-01", u"alcohol"_s, false);
    stranger.clientCode = u"C-404"_s;
    QCOMPARE(errorOf([&] { (void)days.record(stranger, day("2025-01-01"), day("2025-01-01"), R::Refuse); })->kind(),
             ErrorKind::Io);
    QCOMPARE(rows(*v, "SELECT count(*) FROM use_days"), stored + 366);

    // A correction replaces the days of its range in one go: 03-07..03-08 used, the rest stands.
    QCOMPARE(days.record(drinks, day("2025-03-07"), day("2025-03-08"), R::Replace), 2);
    QCOMPARE(days.replacedCount(u"C-1"_s), 2);
    const auto march = model::useDayFigures(days.list(u"C-1"_s, u"alcohol"_s), day("2025-03-01"), day("2025-03-31"));
    QCOMPARE(march.first().used, 2);
    QCOMPARE(march.first().abstinent, 29);
    QCOMPARE(march.first().longestAbstinentRun, 23); // 03-09..03-31
    // A deletion makes days unknown again (never abstinent).
    QCOMPARE(days.remove(u"C-1"_s, u"alcohol"_s, day("2025-03-30"), day("2025-04-02")), 3);
    QCOMPARE(errorOf([&] { (void)days.remove(u"C-1"_s, u"alcohol"_s, day("2025-03-30"), day("2025-04-02")); })->kind(),
             ErrorKind::Io);
    QCOMPARE(days.replacedCount(u"C-1"_s), 5);
    const auto after = model::useDayFigures(days.list(u"C-1"_s, u"alcohol"_s), day("2025-03-01"), day("2025-03-31"));
    QCOMPARE(after.first().unknown, 2);
    QCOMPARE(after.first().abstinent, 27);
    QCOMPARE(*after.first().daysSinceLastUse, 23); // 03-08 to 03-31

    // Kept as they were, with who replaced them; the schema refuses to change or remove an entry.
    auto &db = vault::VaultTestAccess::database(*v);
    QCOMPARE(db.pragmaText("SELECT count(*) FROM use_days WHERE date = '2025-03-07' AND substance = 'alcohol'"),
             u"2"_s);
    QCOMPARE(db.pragmaText("SELECT used || '|' || (replaced_by IS NOT NULL) FROM use_days WHERE date = '2025-03-07' "
                           "AND substance = 'alcohol' ORDER BY id LIMIT 1"),
             u"0|1"_s);
    QVERIFY(errorOf([&] { db.exec("UPDATE use_days SET used = 1 WHERE date = '2025-03-10'"); }));
    QVERIFY(errorOf(
        [&] { db.exec("UPDATE use_days SET replaced_at = NULL, replaced_by = NULL WHERE replaced_at IS NOT NULL"); }));
    QVERIFY(errorOf([&] { db.exec("DELETE FROM use_days WHERE date = '2025-03-10'"); }));
    QVERIFY(errorOf([&] {
        db.exec("INSERT INTO use_days(client_id, substance, date, used, source, recorded_by, recorded) "
                "SELECT client_id, substance, date, 1, 'recall', recorded_by, recorded FROM use_days WHERE date = "
                "'2025-03-10'");
    })); // a second current entry for the day
}

void UseDaysTest::rolesAndAudit()
{
    const qsizetype listed = open(u"alice"_s)->useDays().list(u"C-1"_s).size();
    for (const QString &reader : { u"sam"_s, u"ada"_s }) {
        auto v = open(reader);
        QCOMPARE(v->useDays().list(u"C-1"_s).size(), listed);
        const auto added = errorOf([&] {
            (void)v->useDays().record(entry("2025-05-01", u"alcohol"_s, false), day("2025-05-01"), day("2025-05-01"),
                                      vault::UseDays::Recorded::Refuse);
        });
        QVERIFY(added);
        QCOMPARE(added->kind(), ErrorKind::NotAllowed);
        QCOMPARE(errorOf([&] {
                     (void)v->useDays().remove(u"C-1"_s, u"alcohol"_s, day("2025-03-01"), day("2025-03-01"));
                 })->kind(),
                 ErrorKind::NotAllowed);
    }
    QCOMPARE(open(u"alice"_s)->useDays().list(u"C-1"_s).size(), listed);

    // The trail: the client and how many days; never a substance, an amount or used/abstinent.
    auto v = open(u"alice"_s);
    QStringList actions;
    for (const auto &e : v->auditTrail().entries()) {
        if (!e.action.contains("use-days"_L1))
            continue;
        actions.append(e.action);
        QVERIFY(e.object.startsWith("use-days:client:"_L1));
        QVERIFY2(e.detail.contains(" days"_L1), qPrintable(e.detail));
        for (const char *value : { "alcohol", "cannabis", "standard", "drinks", "used", "abstinent", "recall" })
            QVERIFY2(!e.detail.contains(QLatin1String(value)), value);
    }
    QCOMPARE(actions,
             (QStringList { u"record-use-days"_s, u"record-use-days"_s, u"record-use-days"_s, u"correct-use-days"_s,
                            u"delete-use-days"_s }));
    QVERIFY(v->auditTrail().verify().whole);
}

void UseDaysTest::migrationKeepsEverything()
{
    // A vault as the build before the table left it: no use_days, schema 24.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v"_s);
    {
        auto v = vault::Vault::create(path, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly())
                     .vault;
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v->clients().add(c);
        (void)v->measures().add(u"C-1"_s, day("2025-01-06"), u"gad7"_s, { 1, 1, 1, 1, 1, 1, 1 });
        model::TreatmentEvent e;
        e.clientCode = u"C-1"_s;
        e.kind = u"mutual-help"_s;
        e.date = day("2025-01-07");
        e.program = u"aa"_s;
        (void)v->treatmentEvents().add(e);
        vault::VaultTestAccess::database(*v).exec("DROP TABLE use_days; PRAGMA user_version = 24");
    }
    auto v = vault::Vault::open(path, u"alice"_s, secret());
    QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*v)), vault::schemaVersion);
    QCOMPARE(v->measures().forClient(u"C-1"_s).size(), 1);
    QCOMPARE(v->treatmentEvents().list(u"C-1"_s).size(), 1);
    QVERIFY(v->useDays().list(u"C-1"_s).isEmpty());
    QCOMPARE(v->useDays().record(entry("2025-02-01", u"opioids"_s, false), day("2025-02-01"), day("2025-02-07"),
                                 vault::UseDays::Recorded::Refuse),
             7);
    QVERIFY(v->auditTrail().verify().whole);
}

void UseDaysTest::exportAndImport()
{
    const QJsonObject record = open(u"alice"_s)->records().exportClient(u"C-1"_s, false);
    const QJsonArray days = record.value("use_days"_L1).toArray();
    const auto source = open(u"alice"_s)->useDays().list(u"C-1"_s);
    QCOMPARE(days.size(), source.size()); // the replaced entries left out
    QVERIFY(!days.first().toObject().contains("id"_L1));

    QTemporaryDir dir;
    const QString target = dir.filePath(u"t"_s);
    auto t
        = vault::Vault::create(target, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;

    // An edited day (an amount below 0, "used" as text, a day twice): refused by where, nothing written.
    const auto tampered = [&](qsizetype at, const QString &key, const QJsonValue &value) {
        QJsonArray bad = days;
        QJsonObject edited = bad.at(at).toObject();
        if (!key.isEmpty())
            edited.insert(key, value);
        bad.append(edited);
        if (!key.isEmpty())
            bad.removeAt(at);
        QJsonObject out = record;
        out.insert(u"use_days"_s, bad);
        return out;
    };
    qsizetype used = -1;
    for (qsizetype i = 0; i < days.size(); ++i) {
        if (days.at(i).toObject().value("used"_L1).toBool())
            used = i;
    }
    QVERIFY(used >= 0);
    const qsizetype last = days.size() - 1;
    for (const auto &[bad, where] :
         { std::pair { tampered(used, u"amount"_s, -2), last }, std::pair { tampered(0, u"used"_s, u"yes"_s), last },
           std::pair { tampered(0, QString(), {}), days.size() } }) {
        const auto refused = errorOf([&] { (void)t->records().importClient(bad); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Io);
        QVERIFY2(refused->message().contains(u"use_days[%1]"_s.arg(where)), qPrintable(refused->message()));
        QCOMPARE(rows(*t, "SELECT count(*) FROM clients"), 0);
        QCOMPARE(rows(*t, "SELECT count(*) FROM use_days"), 0);
    }

    (void)t->records().importClient(record);
    const auto imported = t->useDays().list(u"C-1"_s);
    QCOMPARE(imported.size(), source.size());
    for (qsizetype i = 0; i < source.size(); ++i) {
        QCOMPARE(model::toIso(imported.at(i).date) + imported.at(i).substance + model::useDayDetails(imported.at(i)),
                 model::toIso(source.at(i).date) + source.at(i).substance + model::useDayDetails(source.at(i)));
    }
    QCOMPARE(t->records().exportClient(u"C-1"_s, false).value("use_days"_L1).toArray(), days);
}

void UseDaysTest::cliContract()
{
    const auto record = [&](const QString &verb, const QStringList &args) {
        return cli(QStringList { u"useday"_s, verb, u"--client"_s, u"C-1"_s } + args);
    };
    const Run march = record(u"record"_s,
                             { u"--substance"_s, u"alcohol"_s, u"--from"_s, u"2025-03-01"_s, u"--to"_s, u"2025-03-10"_s,
                               u"--used"_s, u"no"_s });
    QCOMPARE(march.code, 0);
    QCOMPARE(march.out, QByteArray("10 day(s) recorded\n"));
    QCOMPARE(record(u"correct"_s,
                    { u"--substance"_s, u"alcohol"_s, u"--date"_s, u"2025-03-05"_s, u"--used"_s, u"yes"_s,
                      u"--amount"_s, u"4"_s })
                 .out,
             QByteArray("1 day(s) corrected\n"));
    QCOMPARE(record(u"record"_s,
                    { u"--substance"_s, u"cannabis"_s, u"--date"_s, u"2025-03-09"_s, u"--used"_s, u"yes"_s,
                      u"--amount"_s, u"2"_s, u"--unit"_s, u"Joints"_s, u"--source"_s, u"collateral"_s, u"--json"_s })
                 .out.trimmed(),
             QByteArray(R"({"days":1})"));
    QCOMPARE(record(u"delete"_s,
                    { u"--substance"_s, u"alcohol"_s, u"--from"_s, u"2025-03-06"_s, u"--to"_s, u"2025-03-06"_s })
                 .code,
             0);

    // Invalid values: exit 2 naming the problem, nothing stored; the line's shape: exit 1; a day recorded: exit 6.
    const QString tomorrow = model::toIso(today() + boost::gregorian::days(1));
    const QStringList alcohol { u"--substance"_s, u"alcohol"_s };
    const auto code = [&](const QString &verb, const QStringList &args) { return record(verb, args).code; };
    const Run heroin
        = record(u"record"_s, { u"--substance"_s, u"heroin"_s, u"--date"_s, u"2025-03-01"_s, u"--used"_s, u"no"_s });
    QCOMPARE(heroin.code, 2);
    QVERIFY(heroin.err.contains("--substance"));
    const Run future = record(u"record"_s, alcohol + QStringList { u"--date"_s, tomorrow, u"--used"_s, u"no"_s });
    QCOMPARE(future.code, 2);
    QVERIFY(future.err.contains("after today"));
    const Run backwards = record(
        u"record"_s,
        alcohol + QStringList { u"--from"_s, u"2025-02-10"_s, u"--to"_s, u"2025-02-01"_s, u"--used"_s, u"no"_s });
    QCOMPARE(backwards.code, 2);
    QVERIFY(backwards.err.contains("ends before it starts"));
    const Run long_ = record(
        u"record"_s,
        alcohol + QStringList { u"--from"_s, u"2023-01-01"_s, u"--to"_s, u"2024-12-31"_s, u"--used"_s, u"no"_s });
    QCOMPARE(long_.code, 2);
    QVERIFY(long_.err.contains("366"));
    const Run negative
        = record(u"record"_s,
                 alcohol + QStringList { u"--date"_s, u"2025-02-01"_s, u"--used"_s, u"yes"_s, u"--amount"_s, u"-1"_s });
    QCOMPARE(negative.code, 2);
    QVERIFY(negative.err.contains("from 0 to 1000"));
    QCOMPARE(code(u"record"_s, alcohol + QStringList { u"--date"_s, u"2025-02-01"_s, u"--used"_s, u"maybe"_s }), 2);
    QCOMPARE(
        code(u"record"_s,
             alcohol + QStringList { u"--date"_s, u"2025-02-01"_s, u"--used"_s, u"yes"_s, u"--amount"_s, u"lots"_s }),
        2);
    QCOMPARE(code(u"record"_s,
                  alcohol + QStringList { u"--date"_s, u"2025-02-01"_s, u"--used"_s, u"no"_s, u"--amount"_s, u"2"_s }),
             2);
    QCOMPARE(code(u"record"_s, alcohol + QStringList { u"--date"_s, u"2025-02-30"_s, u"--used"_s, u"no"_s }), 2);
    QCOMPARE(
        code(u"record"_s,
             alcohol + QStringList { u"--date"_s, u"2025-02-01"_s, u"--used"_s, u"no"_s, u"--source"_s, u"guess"_s }),
        2);
    QCOMPARE(
        code(u"record"_s,
             alcohol
                 + QStringList { u"--date"_s, u"2025-02-01"_s, u"--from"_s, u"2025-02-01"_s, u"--used"_s, u"no"_s }),
        1);
    QCOMPARE(code(u"record"_s, alcohol + QStringList { u"--from"_s, u"2025-02-01"_s, u"--used"_s, u"no"_s }), 1);
    QCOMPARE(code(u"record"_s, alcohol + QStringList { u"--date"_s, u"2025-02-01"_s }), 1);
    const Run twice = record(
        u"record"_s,
        alcohol + QStringList { u"--from"_s, u"2025-02-25"_s, u"--to"_s, u"2025-03-01"_s, u"--used"_s, u"no"_s });
    QCOMPARE(twice.code, 6);
    QVERIFY(twice.err.contains("2025-03-01"));
    QCOMPARE(code(u"delete"_s, alcohol + QStringList { u"--date"_s, u"2025-03-06"_s }), 2); // unknown already
    QCOMPARE(cli({ u"useday"_s, u"record"_s, u"--client"_s, u"C-9"_s, u"--substance"_s, u"alcohol"_s, u"--date"_s,
                   u"2025-02-01"_s, u"--used"_s, u"no"_s })
                 .code,
             2);

    // Nothing of the refused lines stored: 10 alcohol days (one deleted) and the cannabis day.
    const Run list = cli({ u"useday"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--json"_s });
    QCOMPARE(list.code, 0);
    const QJsonArray days = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(days.size(), 10);
    const QJsonObject used = days.at(4).toObject(); // after 03-01..03-04
    QCOMPARE(used.value("date"_L1).toString(), u"2025-03-05"_s);
    QCOMPARE(used.value("used"_L1), QJsonValue(true));
    QCOMPARE(used.value("amount"_L1).toDouble(), 4.0);
    QCOMPARE(used.value("unit"_L1).toString(), u"standard-drinks"_s);
    QCOMPARE(used.value("recorded_by"_L1).toString(), u"alice"_s);
    const QJsonObject joints = days.last().toObject();
    QCOMPARE(joints.value("unit"_L1).toString(), u"joints"_s);
    QCOMPARE(joints.value("source"_L1).toString(), u"collateral"_s);
    const Run plain = cli({ u"useday"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--substance"_s, u"cannabis"_s });
    QCOMPARE(plain.out, QByteArray("2025-03-09\tcannabis\tused 2 joints (collateral)\n"));

    // The figures, by hand: alcohol 03-01..03-10 is A A A A U ? A A A A.
    const Run show = cli({ u"useday"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--from"_s, u"2025-03-01"_s, u"--to"_s,
                           u"2025-03-10"_s, u"--json"_s });
    QCOMPARE(show.code, 0);
    const QJsonArray figures = QJsonDocument::fromJson(show.out).array();
    QCOMPARE(figures.size(), 2);
    const QJsonObject a = figures.at(0).toObject();
    QCOMPARE(a.value("strip"_L1).toString(), u"AAAAU?AAAA"_s);
    QCOMPARE(a.value("used"_L1).toInt(), 1);
    QCOMPARE(a.value("abstinent"_L1).toInt(), 8);
    QCOMPARE(a.value("unknown"_L1).toInt(), 1);
    QCOMPARE(a.value("percent_abstinent"_L1).toDouble(), 100.0 * 8 / 9);
    QCOMPARE(a.value("longest_abstinent_run"_L1).toInt(), 4);
    QCOMPARE(a.value("days_since_last_use"_L1).toInt(), 5);
    QCOMPARE(figures.at(1).toObject().value("strip"_L1).toString(), u"????????U?"_s);
    const Run words = cli(
        { u"useday"_s, u"show"_s, u"--client"_s, u"C-1"_s, u"--from"_s, u"2025-03-01"_s, u"--to"_s, u"2025-03-10"_s });
    QVERIFY2(
        words.out.startsWith("alcohol 2025-03-01..2025-03-10: 10 days, used 1, abstinent 8, unknown 1; abstinent "
                             "88.9% of known days; longest run abstinent 4; days since last use 5\n  AAAAU?AAAA\n"),
        words.out.constData());

    // Nothing clinical in the trail.
    const Run trail = cli({ u"audit"_s, u"list"_s, u"--json"_s });
    QVERIFY(trail.out.contains("record-use-days"));
    QVERIFY(!trail.out.contains("alcohol"));
    QVERIFY(!trail.out.contains("joints"));
}

void UseDaysTest::patternsCarryUseDays()
{
    QCOMPARE(cli({ u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"iop"_s, u"--start"_s,
                   u"2025-03-01"_s, u"--end"_s, u"2025-03-04"_s })
                 .code,
             0);
    const auto useDays = [&](const QStringList &extra) {
        const Run r
            = cli(QStringList { u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--json"_s } + extra);
        QStringList out;
        for (const QJsonValue &f : QJsonDocument::fromJson(r.out).object().value("use_days"_L1).toArray())
            out.append(f.toObject().value("substance"_L1).toString() + u' '
                       + f.toObject().value("strip"_L1).toString());
        return r.code == 0 ? out : QStringList { u"exit %1"_s.arg(r.code) };
    };
    QCOMPARE(useDays({ u"--from"_s, u"2025-03-04"_s, u"--to"_s, u"2025-03-06"_s }),
             (QStringList { u"alcohol AU?"_s, u"cannabis ???"_s }));
    QCOMPARE(useDays({ u"--episode"_s, u"1"_s }), (QStringList { u"alcohol AAAA"_s, u"cannabis ????"_s }));
    // Open-ended: from the first day recorded to today.
    const QStringList open = useDays({});
    QCOMPARE(open.size(), 2);
    QVERIFY(open.first().startsWith(u"alcohol AAAAU?AAAA?"_s));
    QCOMPARE(open.first().size(), 8 + static_cast<int>((today() - day("2025-03-01")).days()) + 1);
}

QTEST_GUILESS_MAIN(UseDaysTest)
#include "usedaystest.moc"
