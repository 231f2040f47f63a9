// SPDX-License-Identifier: GPL-3.0-or-later
// The demo practice made up to a given day: its last sessions fall in the week before that day (so
// "active" clients look active), every date moves by the same whole number of weeks (weekdays and
// intervals stay; the treatment events move with them), and without a day it keeps the dates it was
// written with.
#include "demo/practice.h"
#include "vault/vault.h"

#include <QTemporaryDir>
#include <QTest>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace uc;

namespace {

SecretBuffer passphrase()
{
    return SecretBuffer::copyOf(std::string_view(demo::defaultPassphrase));
}

// Every note's session date, by client, in the vault made in dir.
QList<model::Date> sessionDates(const QString &dir, const QString &client)
{
    auto v = vault::Vault::open(dir, QString::fromLatin1(demo::defaultUser), passphrase());
    QList<model::Date> dates;
    for (const vault::NoteEntry &n : v->notes().listForClient(client))
        dates.append(n.date);
    return dates;
}

// The client's treatment events' dates.
QList<model::Date> eventDates(const QString &dir, const QString &client)
{
    auto v = vault::Vault::open(dir, QString::fromLatin1(demo::defaultUser), passphrase());
    QList<model::Date> dates;
    for (const model::TreatmentEvent &e : v->treatmentEvents().list(client))
        dates.append(e.date);
    return dates;
}

} // namespace

class DemoTodayTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thePracticeEndsInTheWeekBeforeToday()
    {
        QTemporaryDir tmp;
        const QString fixed = tmp.filePath(u"fixed"_s);
        const QString moved = tmp.filePath(u"moved"_s);
        const demo::DemoPractice made = demo::createDemoPractice(fixed, passphrase(), 1, vault::KdfCost::testOnly());
        const model::Date today(2027, 3, 10);
        (void)demo::createDemoPractice(moved, passphrase(), 1, vault::KdfCost::testOnly(), today);

        model::Date lastFixed(2000, 1, 1);
        model::Date lastMoved(2000, 1, 1);
        for (const demo::DemoClient &c : made.clients) {
            const QList<model::Date> before = sessionDates(fixed, c.code);
            const QList<model::Date> after = sessionDates(moved, c.code);
            QCOMPARE(after.size(), before.size());
            for (qsizetype i = 0; i < before.size(); ++i) {
                QCOMPARE((after.at(i) - before.at(i)).days() % 7, 0); // whole weeks: weekdays stay
                QCOMPARE(after.at(i) - before.at(i), after.first() - before.first()); // one shift for all
            }
            // The treatment events move with the sessions, by the same weeks.
            const QList<model::Date> eventsBefore = eventDates(fixed, c.code);
            const QList<model::Date> eventsAfter = eventDates(moved, c.code);
            QCOMPARE(eventsAfter.size(), eventsBefore.size());
            for (qsizetype i = 0; i < eventsBefore.size(); ++i)
                QCOMPARE(eventsAfter.at(i) - eventsBefore.at(i), after.first() - before.first());
            if (!eventsAfter.isEmpty())
                QVERIFY(eventsAfter.last() <= after.last()); // none after the client's last session
            if (!before.isEmpty()) {
                lastFixed = std::max(lastFixed, before.last());
                lastMoved = std::max(lastMoved, after.last());
            }
        }
        QVERIFY(lastFixed < model::Date(2026, 1, 1)); // as written
        QVERIFY(lastMoved < today);
        QVERIFY((today - lastMoved).days() <= 7);
    }
};

QTEST_GUILESS_MAIN(DemoTodayTest)
#include "demotodaytest.moc"
