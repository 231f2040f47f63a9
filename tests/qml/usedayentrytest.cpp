// SPDX-License-Identifier: GPL-3.0-or-later
// UseDayEntry as the overview's "Record use days…" uses it: the fields are read by the model's checks
// (its words said back, nothing written on a refusal), a range round-trips through the vault and
// shows on the overview's strip, a day recorded already is refused unless replaced, and a
// supervisor (who may not add measures) is refused.
#include "supervisiontestutil.h"
#include "workspace.h"

#include "clientoverview.h"
#include "usedayentry.h"
#include "vaultsession.h"

#include "model/useday.h"
#include "vault/vault.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QVariantMap week { { u"substance"_s, u"alcohol"_s }, { u"from"_s, u"2025-03-01"_s },
                         { u"to"_s, u"2025-03-07"_s },     { u"used"_s, false },
                         { u"amount"_s, QString() },       { u"unit"_s, QString() },
                         { u"source"_s, u"recall"_s },     { u"replace"_s, false } };

QVariantMap with(QVariantMap fields, const QString &key, const QVariant &value)
{
    fields.insert(key, value);
    return fields;
}

QList<uc::model::UseDay> daysIn(const QString &dir)
{
    auto v = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
    return v->useDays().list(u"C-0001"_s);
}

} // namespace

class UseDayEntryTest : public guitest::SupervisedSessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { startTestCase(); }

    void theFieldsAreCheckedInTheModelsWords()
    {
        QCOMPARE(UseDayEntry::problem(week), QString());
        QCOMPARE(UseDayEntry::problem(with(week, u"to"_s, QString())), QString()); // one day
        QCOMPARE(UseDayEntry::problem(with(week, u"to"_s, u"2025-02-28"_s)), u"The range ends before it starts."_s);
        QCOMPARE(UseDayEntry::problem(with(week, u"from"_s, u"2025-02-30"_s)),
                 u"Each date must be a real date as YYYY-MM-DD."_s);
        QVERIFY(UseDayEntry::problem(with(week, u"from"_s, u"2023-01-01"_s)).contains(u"366"_s));
        const QString tomorrow
            = uc::model::toIso(boost::gregorian::day_clock::universal_day() + boost::gregorian::days(1));
        QVERIFY(
            UseDayEntry::problem(with(with(week, u"from"_s, tomorrow), u"to"_s, QString())).contains(u"after today"_s));
        const QVariantMap used = with(week, u"used"_s, true);
        QCOMPARE(UseDayEntry::problem(with(used, u"amount"_s, u"4"_s)), QString()); // standard drinks by default
        QCOMPARE(UseDayEntry::problem(with(used, u"amount"_s, u"four"_s)), u"The amount must be a number (4, 0.5)."_s);
        QCOMPARE(UseDayEntry::problem(with(used, u"amount"_s, u"-1"_s)), u"An amount is a number from 0 to 1000."_s);
        const QVariantMap cannabis = with(used, u"substance"_s, u"cannabis"_s);
        QVERIFY(UseDayEntry::problem(with(cannabis, u"amount"_s, u"2"_s)).startsWith(u"An amount needs its unit"_s));
        QCOMPARE(UseDayEntry::problem(with(with(cannabis, u"amount"_s, u"2"_s), u"unit"_s, u"Joints"_s)), QString());
        // An abstinent day's amount, left in the dialog's hidden field, is not read.
        QCOMPARE(UseDayEntry::problem(with(week, u"amount"_s, u"3"_s)), QString());
        QVERIFY(UseDayEntry::problem(with(week, u"substance"_s, u"tea"_s)).startsWith(u"A use day's substance is"_s));
        QCOMPARE(UseDayEntry::sources(), (QStringList { u"recall"_s, u"screen"_s, u"collateral"_s }));
        QCOMPARE(UseDayEntry::substances().first(), u"alcohol"_s);
    }

    void aRangeRoundTripsAndShowsOnTheStrip()
    {
        const QString dir = freshDir();
        {
            VaultSession session(nullptr);
            (void)guitest::unlockSupervised(session, dir, u"alice"_s);
            UseDayEntry *entry = session.workspace()->useDayEntry();
            QSignalSpy saved(entry, &UseDayEntry::saved);
            QSignalSpy failed(entry, &UseDayEntry::failed);

            entry->record(u"C-0001"_s, with(week, u"to"_s, u"2025-02-28"_s)); // refused, nothing posted
            QCOMPARE(failed.count(), 1);
            QCOMPARE(guitest::lastFailure(failed).action(), u"record-use-days"_s);

            entry->record(u"C-0001"_s, week);
            QVERIFY(saved.wait(10000));
            QCOMPARE(saved.last().at(1).toInt(), 7);
            // The same days again: recorded already, refused by the vault; replaced when asked.
            const QVariantMap drinks
                = with(with(with(week, u"from"_s, u"2025-03-05"_s), u"to"_s, QString()), u"used"_s, true);
            entry->record(u"C-0001"_s, with(drinks, u"amount"_s, u"6"_s));
            QVERIFY(failed.wait(10000));
            QCOMPARE(guitest::lastFailure(failed).kind(), Failure::Conflict);
            QVERIFY(guitest::messageOf(failed).contains(u"2025-03-05"_s));
            entry->record(u"C-0001"_s, with(with(drinks, u"amount"_s, u"6"_s), u"replace"_s, true));
            QVERIFY(saved.wait(10000));
            QCOMPARE(saved.last().at(1).toInt(), 1);

            ClientOverview *overview = session.workspace()->overview();
            overview->open(u"C-0001"_s);
            QTRY_VERIFY_WITH_TIMEOUT(!overview->useDays().isEmpty(), 10000);
            const QVariantMap row = overview->useDays().constFirst().toMap();
            QCOMPARE(row.value(u"substance"_s).toString(), u"alcohol"_s);
            QCOMPARE(row.value(u"strip"_s).toString(), QString(21, u'?') + u"AAAAUAA"_s);
            QCOMPARE(overview->useDayPeriod(), u"28 days to 2025-03-07"_s);
            QTRY_VERIFY(!session.vaultThread()->busy());
            session.lock();
        }
        const QList<uc::model::UseDay> days = daysIn(dir);
        QCOMPARE(days.size(), 7);
        QCOMPARE(uc::model::useDayDetails(days.at(4)), u"used 6 standard-drinks (recall)"_s);
    }

    void aSupervisorIsRefusedAndNothingIsWritten()
    {
        const QString dir = freshDir();
        {
            VaultSession session(nullptr);
            (void)guitest::unlockSupervised(session, dir, guitest::supervisor);
            QVERIFY(!session.can(u"add-measure"_s)); // the card shows no button
            UseDayEntry *entry = session.workspace()->useDayEntry();
            QSignalSpy saved(entry, &UseDayEntry::saved);
            QSignalSpy failed(entry, &UseDayEntry::failed);
            entry->record(u"C-0001"_s, week);
            QVERIFY(failed.wait(10000));
            QCOMPARE(guitest::lastFailure(failed).kind(), Failure::NotAllowed);
            QCOMPARE(saved.count(), 0);
            QTRY_VERIFY(!session.vaultThread()->busy());
            session.lock();
        }
        QVERIFY(daysIn(dir).isEmpty());
    }
};

QTEST_MAIN(UseDayEntryTest)
#include "usedayentrytest.moc"
