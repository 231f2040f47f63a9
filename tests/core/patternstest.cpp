// SPDX-License-Identifier: GPL-3.0-or-later
// Patterns over time (docs/patterns.md), checked against figures worked out by hand: calendar
// buckets, what counts, the per-theme summary and its Mann–Kendall trend, co-occurrence lift,
// lead–lag, attendance, measures and the CLI's JSON; then the same rules through a real vault.
#include "model/measures.h"
#include "patterns/calendar.h"
#include "patterns/patterns.h"
#include "vault/vault.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <utility>

using namespace uc;
using namespace Qt::StringLiterals;
using model::Attendance;
using patterns::Bucketing;

// Doubles with a tolerance, naming both values when they differ.
#define UC_COMPARE_NEAR(actual, expected, epsilon)                                                                     \
    do {                                                                                                               \
        const double ucActual = (actual);                                                                              \
        const double ucExpected = (expected);                                                                          \
        if (!(std::abs(ucActual - ucExpected) <= (epsilon))) {                                                         \
            QFAIL(qPrintable(u"%1 is %2, expected %3"_s.arg(QLatin1String(#actual))                                \
                                 .arg(ucActual, 0, 'g', 12)                                                            \
                                 .arg(ucExpected, 0, 'g', 12)));                                                       \
        }                                                                                                              \
    } while (false)

namespace {

const QString abandonment = u"abandonment"_s;
const QString anxiety = u"anxiety"_s;
const QString substanceUse = u"substance-use"_s;
const QString relapse = u"relapse"_s;
const QString lowSelfWorth = u"low-self-worth"_s;
const QString relationshipConflict = u"relationship-conflict"_s;

model::Date day(const char *iso)
{
    const auto date = model::parseDate(QString::fromLatin1(iso));
    Q_ASSERT(date);
    return date.value_or(model::Date());
}

QString iso(const model::Date &date)
{
    return model::toIso(date);
}

// Theme id → counted hits, as a list so fixtures can keep several in a QList.
using Themes = QList<std::pair<const char *, int>>;

patterns::SessionThemes session(model::Id id, const model::Date &date, Themes themes = {},
                                Attendance attendance = Attendance::Attended, const char *start = nullptr)
{
    patterns::SessionThemes s;
    s.sessionId = id;
    s.date = date;
    s.attendance = attendance;
    if (start)
        s.start = model::parseTime(QString::fromLatin1(start));
    for (const auto &[theme, hits] : themes)
        s.themes[QString::fromLatin1(theme)] = hits;
    return s;
}

patterns::SessionThemes session(model::Id id, const char *date, Themes themes = {},
                                Attendance attendance = Attendance::Attended, const char *start = nullptr)
{
    return session(id, day(date), themes, attendance, start);
}

patterns::ClientHistory client(const QList<patterns::SessionThemes> &sessions, const QString &code = u"C-0142"_s)
{
    patterns::ClientHistory c;
    c.clientId = 1;
    c.clientCode = code;
    c.sessions = sessions;
    return c;
}

patterns::Query query(Bucketing by, const char *from = nullptr, const char *to = nullptr)
{
    patterns::Query q;
    q.by = by;
    if (from)
        q.from = day(from);
    if (to)
        q.to = day(to);
    return q;
}

// One line per figure, so a failing comparison shows the whole picture.
QString describe(const patterns::Bucket &b)
{
    QString line = u"%1..%2 sessions=%3"_s.arg(iso(b.period.start), iso(b.period.end)).arg(b.sessions);
    for (const auto &[theme, count] : b.themes)
        line += u" %1=%2/%3"_s.arg(theme).arg(count.sessions).arg(count.hits);
    return line;
}

QStringList describe(const QList<patterns::Bucket> &buckets)
{
    QStringList lines;
    for (const auto &b : buckets)
        lines.append(describe(b));
    return lines;
}

// By session: the bucket's session id first.
QStringList describeSessions(const QList<patterns::Bucket> &buckets)
{
    QStringList lines;
    for (const auto &b : buckets)
        lines.append(u"#%1 %2"_s.arg(b.sessionId).arg(describe(b)));
    return lines;
}

QStringList describe(const std::map<QString, patterns::ThemeSummary> &summary)
{
    QStringList lines;
    for (const auto &[theme, s] : summary) {
        lines.append(u"%1 first=%2 last=%3 sessions=%4 in %5 of last %6 %7"_s
                         .arg(theme, iso(s.firstSeen), iso(s.lastSeen))
                         .arg(s.sessions)
                         .arg(s.recurrenceIn)
                         .arg(s.recurrenceLast)
                         .arg(patterns::toString(s.trend)));
    }
    return lines;
}

// A caseload's summary: first/last seen and sessions only.
QStringList describeCaseload(const std::map<QString, patterns::ThemeSummary> &summary)
{
    QStringList lines;
    for (const auto &[theme, s] : summary)
        lines.append(
            u"%1 first=%2 last=%3 sessions=%4"_s.arg(theme, iso(s.firstSeen), iso(s.lastSeen)).arg(s.sessions));
    return lines;
}

// Lift and base rate printed with up to 12 significant digits: 1.67 stays "1.67", an unrounded
// 1.6666… would show.
QString number(double value)
{
    return QString::number(value, 'g', 12);
}

QStringList describe(const QList<patterns::Cooccurrence> &pairs)
{
    QStringList lines;
    for (const auto &p : pairs)
        lines.append(u"%1+%2 sessions=%3 lift=%4"_s.arg(p.a, p.b).arg(p.sessions).arg(number(p.lift)));
    return lines;
}

QStringList describe(const QList<patterns::LeadLag> &pairs)
{
    QStringList lines;
    for (const auto &p : pairs)
        lines.append(
            u"%1>%2 %3/%4 base=%5"_s.arg(p.theme, p.followedBy).arg(p.count).arg(p.of).arg(number(p.baseRate)));
    return lines;
}

QString describe(const patterns::AttendanceSummary &a)
{
    QStringList gaps;
    for (int g : a.gapsDays)
        gaps.append(QString::number(g));
    return u"attended=%1 missed=%2 gaps=[%3] longest=%4"_s.arg(a.attended).arg(a.missed).arg(gaps.join(u','))
        .arg(a.longestGapDays);
}

QStringList describe(const std::map<QString, QList<patterns::MeasurePoint>> &measures)
{
    QStringList lines;
    for (const auto &[instrument, points] : measures) {
        for (const auto &p : points)
            lines.append(u"%1 %2 %3 %4"_s.arg(instrument, iso(p.date)).arg(p.total).arg(p.band));
    }
    return lines;
}

QString describe(const patterns::Period &p)
{
    return u"%1..%2"_s.arg(iso(p.start), iso(p.end));
}

QStringList describe(const QList<patterns::Period> &periods)
{
    QStringList lines;
    for (const auto &p : periods)
        lines.append(describe(p));
    return lines;
}

QString describe(const patterns::IsoWeek &w)
{
    return u"%1-W%2"_s.arg(w.year).arg(w.week);
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject parseJson(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QString kindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Usage:
        return u"usage"_s;
    case ErrorKind::Io:
        return u"io"_s;
    case ErrorKind::Auth:
        return u"auth"_s;
    case ErrorKind::Damaged:
        return u"damaged"_s;
    case ErrorKind::NotAllowed:
        return u"not-allowed"_s;
    case ErrorKind::Conflict:
        return u"conflict"_s;
    }
    return u"?"_s;
}

// The uc::Error work throws, if any.
template<typename Work>
std::optional<Error> errorFrom(Work &&work)
{
    try {
        work();
    } catch (const Error &e) {
        return e;
    }
    return std::nullopt;
}

// The kind of error work throws, "none" when it throws nothing.
template<typename Work>
QString thrownKind(Work &&work)
{
    const auto e = errorFrom(std::forward<Work>(work));
    return e ? kindName(e->kind()) : u"none"_s;
}

bool namesItem(const Error &e, int item)
{
    return e.why().contains(QRegularExpression(u"\\bitem %1\\b"_s.arg(item)));
}

// ---- fixtures

// C-0142's winter, given out of order on purpose: attended Jan 6, 13, 20 and Mar 3; a no-show on
// Jan 27 whose note mentions use (never counted: missed); nothing in February; cancelled Apr 2.
patterns::ClientHistory winter()
{
    return client({
        session(5, "2025-03-03", {{"anxiety", 2}}),
        session(1, "2025-01-06", {{"abandonment", 2}}),
        session(4, "2025-01-27", {{"substance-use", 1}}, Attendance::NoShow),
        session(2, "2025-01-13", {{"abandonment", 1}, {"anxiety", 1}}),
        session(6, "2025-04-02", {}, Attendance::Cancelled),
        session(3, "2025-01-20"),
    });
}

// Twelve weekly attended sessions from Mon 2025-01-06 (i = 0..11 on 01-06, 01-13, 01-20, 01-27,
// 02-03, 02-10, 02-17, 02-24, 03-03, 03-10, 03-17, 03-24), given in reverse order:
//   abandonment  in i = 0..5     presence 1,1,1,1,1,1,0,0,0,0,0,0
//   substance-use in i = 6..11   presence 0,0,0,0,0,0,1,1,1,1,1,1
//   anxiety      in every one    presence 1 × 12
//   grief-loss   in i = 0,1,2,11 presence 1,1,1,0,0,0,0,0,0,0,0,1
// plus a no-show on Wed 02-05 raising substance-use (not a session of the series).
patterns::ClientHistory twelveWeeks()
{
    QList<patterns::SessionThemes> sessions;
    for (int i = 11; i >= 0; --i) {
        auto s = session(100 + i, day("2025-01-06") + boost::gregorian::days(7 * i));
        s.themes[anxiety] = 1;
        if (i <= 5)
            s.themes[abandonment] = 1;
        else
            s.themes[substanceUse] = 1;
        if (i <= 2 || i == 11)
            s.themes[u"grief-loss"_s] = 1;
        sessions.append(s);
    }
    sessions.append(session(99, "2025-02-05", {{"substance-use", 3}}, Attendance::NoShow));
    return client(sessions);
}

} // namespace

class PatternsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- calendar

    void isoWeeks()
    {
        // 2020 began on a Wednesday and is a leap year, so it has 53 ISO weeks: W53 is Mon 12-28
        // to Sun 2021-01-03. 2026 begins on a Thursday: 53 weeks too. 2025 begins on a Wednesday,
        // so its W1 (the week holding its first Thursday, 01-02) starts on Mon 2024-12-30.
        QCOMPARE(describe(patterns::isoWeek(day("2020-12-31"))), u"2020-W53"_s); // Thursday
        QCOMPARE(describe(patterns::isoWeek(day("2021-01-01"))), u"2020-W53"_s); // Friday
        QCOMPARE(describe(patterns::isoWeek(day("2021-01-03"))), u"2020-W53"_s); // Sunday
        QCOMPARE(describe(patterns::isoWeek(day("2021-01-04"))), u"2021-W1"_s); // Monday
        QCOMPARE(describe(patterns::isoWeek(day("2026-12-31"))), u"2026-W53"_s); // Thursday
        QCOMPARE(describe(patterns::isoWeek(day("2027-01-01"))), u"2026-W53"_s); // Friday
        QCOMPARE(describe(patterns::isoWeek(day("2027-01-04"))), u"2027-W1"_s); // Monday
        QCOMPARE(describe(patterns::isoWeek(day("2024-12-29"))), u"2024-W52"_s); // Sunday: 2024 has 52
        QCOMPARE(describe(patterns::isoWeek(day("2024-12-30"))), u"2025-W1"_s); // Monday
        QCOMPARE(describe(patterns::isoWeek(day("2024-12-31"))), u"2025-W1"_s);
        QCOMPARE(describe(patterns::isoWeek(day("2025-01-02"))), u"2025-W1"_s);
        QCOMPARE(describe(patterns::isoWeek(day("2025-01-06"))), u"2025-W2"_s);
        // 2024 began on a Monday: Jan 1 is W1.
        QCOMPARE(describe(patterns::isoWeek(day("2024-01-01"))), u"2024-W1"_s);
    }

    void weekPeriodsRunMondayToSundayAcrossTheYear()
    {
        // Fri 2021-01-01 is in 2020-W53: Mon 2020-12-28 .. Sun 2021-01-03.
        QCOMPARE(describe(patterns::periodOf(day("2021-01-01"), Bucketing::Week)), u"2020-12-28..2021-01-03"_s);
        QCOMPARE(describe(patterns::periodOf(day("2020-12-28"), Bucketing::Week)), u"2020-12-28..2021-01-03"_s);
        QCOMPARE(describe(patterns::periodOf(day("2021-01-03"), Bucketing::Week)), u"2020-12-28..2021-01-03"_s);
        QCOMPARE(describe(patterns::periodOf(day("2021-01-04"), Bucketing::Week)), u"2021-01-04..2021-01-10"_s);
        // Tue 2024-12-31 and Thu 2025-01-02 share Mon 2024-12-30 .. Sun 2025-01-05 (2025-W1).
        QCOMPARE(describe(patterns::periodOf(day("2024-12-31"), Bucketing::Week)), u"2024-12-30..2025-01-05"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-01-02"), Bucketing::Week)), u"2024-12-30..2025-01-05"_s);
        // Thu 2024-02-29: Mon 02-26 .. Sun 03-03.
        QCOMPARE(describe(patterns::periodOf(day("2024-02-29"), Bucketing::Week)), u"2024-02-26..2024-03-03"_s);
    }

    void monthPeriodsKnowLeapYears()
    {
        QCOMPARE(describe(patterns::periodOf(day("2024-02-10"), Bucketing::Month)), u"2024-02-01..2024-02-29"_s);
        QCOMPARE(describe(patterns::periodOf(day("2024-02-29"), Bucketing::Month)), u"2024-02-01..2024-02-29"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-02-10"), Bucketing::Month)), u"2025-02-01..2025-02-28"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-02-28"), Bucketing::Month)), u"2025-02-01..2025-02-28"_s);
        // 2000 is a leap year (divisible by 400), 2100 is not (divisible by 100).
        QCOMPARE(describe(patterns::periodOf(day("2000-02-15"), Bucketing::Month)), u"2000-02-01..2000-02-29"_s);
        QCOMPARE(describe(patterns::periodOf(day("2100-02-15"), Bucketing::Month)), u"2100-02-01..2100-02-28"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-04-30"), Bucketing::Month)), u"2025-04-01..2025-04-30"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-12-31"), Bucketing::Month)), u"2025-12-01..2025-12-31"_s);
    }

    void quarterPeriods()
    {
        QCOMPARE(describe(patterns::periodOf(day("2025-01-01"), Bucketing::Quarter)), u"2025-01-01..2025-03-31"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-03-31"), Bucketing::Quarter)), u"2025-01-01..2025-03-31"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-04-01"), Bucketing::Quarter)), u"2025-04-01..2025-06-30"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-05-15"), Bucketing::Quarter)), u"2025-04-01..2025-06-30"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-09-30"), Bucketing::Quarter)), u"2025-07-01..2025-09-30"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-10-01"), Bucketing::Quarter)), u"2025-10-01..2025-12-31"_s);
        QCOMPARE(describe(patterns::periodOf(day("2025-12-31"), Bucketing::Quarter)), u"2025-10-01..2025-12-31"_s);
        QCOMPARE(describe(patterns::periodOf(day("2024-02-29"), Bucketing::Quarter)), u"2024-01-01..2024-03-31"_s);
    }

    void periodsEnumerateEveryBucket()
    {
        // Whole periods (not clipped) from the one holding from to the one holding to, the empty
        // ones included: Fri 2020-12-25 is in W52 (12-21..12-27), Tue 2021-01-12 in 2021-W2.
        QCOMPARE(describe(patterns::periods(day("2020-12-25"), day("2021-01-12"), Bucketing::Week)),
                 (QStringList{u"2020-12-21..2020-12-27"_s, u"2020-12-28..2021-01-03"_s, u"2021-01-04..2021-01-10"_s,
                              u"2021-01-11..2021-01-17"_s}));
        QCOMPARE(describe(patterns::periods(day("2024-01-15"), day("2024-04-02"), Bucketing::Month)),
                 (QStringList{u"2024-01-01..2024-01-31"_s, u"2024-02-01..2024-02-29"_s, u"2024-03-01..2024-03-31"_s,
                              u"2024-04-01..2024-04-30"_s}));
        QCOMPARE(describe(patterns::periods(day("2024-12-15"), day("2025-03-02"), Bucketing::Month)),
                 (QStringList{u"2024-12-01..2024-12-31"_s, u"2025-01-01..2025-01-31"_s, u"2025-02-01..2025-02-28"_s,
                              u"2025-03-01..2025-03-31"_s}));
        QCOMPARE(describe(patterns::periods(day("2024-11-15"), day("2025-02-01"), Bucketing::Quarter)),
                 (QStringList{u"2024-10-01..2024-12-31"_s, u"2025-01-01..2025-03-31"_s}));
        // One day: its period. to before from: nothing.
        QCOMPARE(describe(patterns::periods(day("2025-01-02"), day("2025-01-02"), Bucketing::Week)),
                 QStringList{u"2024-12-30..2025-01-05"_s});
        QVERIFY(patterns::periods(day("2025-01-02"), day("2025-01-01"), Bucketing::Week).isEmpty());
        QVERIFY(patterns::periods(day("2025-03-01"), day("2025-02-28"), Bucketing::Month).isEmpty());
        QVERIFY(patterns::periods(day("2025-04-01"), day("2024-04-01"), Bucketing::Quarter).isEmpty());
    }

    // ---- buckets

    void bucketsByMonth()
    {
        // Default range: the month of the first session (2025-01-06, attended) to the month of the
        // last (2025-04-02, cancelled) → 2025-01-01 .. 2025-04-30, February and April empty.
        // January: sessions 1, 2, 3 attended (the Jan 27 no-show is not counted) = 3;
        //   abandonment in 1 (2 hits) and 2 (1 hit) → 2 sessions, 3 hits; anxiety in 2 → 1/1.
        //   The no-show's substance-use appears nowhere.
        // March: session 5 → anxiety 1 session, 2 hits.
        const auto r = patterns::analyse(winter(), query(Bucketing::Month));
        QCOMPARE(patterns::toString(r.by), u"month"_s);
        QVERIFY(r.from && r.to);
        QCOMPARE(iso(*r.from), u"2025-01-01"_s);
        QCOMPARE(iso(*r.to), u"2025-04-30"_s);
        QCOMPARE(describe(r.buckets), (QStringList{
                                          u"2025-01-01..2025-01-31 sessions=3 abandonment=2/3 anxiety=1/1"_s,
                                          u"2025-02-01..2025-02-28 sessions=0"_s,
                                          u"2025-03-01..2025-03-31 sessions=1 anxiety=1/2"_s,
                                          u"2025-04-01..2025-04-30 sessions=0"_s,
                                      }));
        QVERIFY(r.summary.find(substanceUse) == r.summary.end());
    }

    void bucketsByWeekAndQuarter()
    {
        // Weeks: Mon 2025-01-06 (first session) .. Sun 2025-04-06 (the week of Wed 04-02):
        // 91 days = 13 weeks, every one present.
        const auto weeks = patterns::analyse(winter(), query(Bucketing::Week));
        QVERIFY(weeks.from && weeks.to);
        QCOMPARE(iso(*weeks.from), u"2025-01-06"_s);
        QCOMPARE(iso(*weeks.to), u"2025-04-06"_s);
        QCOMPARE(describe(weeks.buckets), (QStringList{
                                              u"2025-01-06..2025-01-12 sessions=1 abandonment=1/2"_s,
                                              u"2025-01-13..2025-01-19 sessions=1 abandonment=1/1 anxiety=1/1"_s,
                                              u"2025-01-20..2025-01-26 sessions=1"_s,
                                              u"2025-01-27..2025-02-02 sessions=0"_s, // the no-show
                                              u"2025-02-03..2025-02-09 sessions=0"_s,
                                              u"2025-02-10..2025-02-16 sessions=0"_s,
                                              u"2025-02-17..2025-02-23 sessions=0"_s,
                                              u"2025-02-24..2025-03-02 sessions=0"_s,
                                              u"2025-03-03..2025-03-09 sessions=1 anxiety=1/2"_s,
                                              u"2025-03-10..2025-03-16 sessions=0"_s,
                                              u"2025-03-17..2025-03-23 sessions=0"_s,
                                              u"2025-03-24..2025-03-30 sessions=0"_s,
                                              u"2025-03-31..2025-04-06 sessions=0"_s, // the cancellation
                                          }));
        // Quarters: Q1 holds the four attended sessions; anxiety 1 + 2 = 3 hits in 2 sessions.
        const auto quarters = patterns::analyse(winter(), query(Bucketing::Quarter));
        QVERIFY(quarters.from && quarters.to);
        QCOMPARE(iso(*quarters.from), u"2025-01-01"_s);
        QCOMPARE(iso(*quarters.to), u"2025-06-30"_s);
        QCOMPARE(describe(quarters.buckets), (QStringList{
                                                 u"2025-01-01..2025-03-31 sessions=4 abandonment=2/3 anxiety=2/3"_s,
                                                 u"2025-04-01..2025-06-30 sessions=0"_s,
                                             }));
    }

    void bucketsBySession()
    {
        // One bucket per attended session, start = end = its date; the no-show and the
        // cancellation are no bucket.
        const auto r = patterns::analyse(winter(), query(Bucketing::Session));
        QCOMPARE(describeSessions(r.buckets), (QStringList{
                                                  u"#1 2025-01-06..2025-01-06 sessions=1 abandonment=1/2"_s,
                                                  u"#2 2025-01-13..2025-01-13 sessions=1 abandonment=1/1 anxiety=1/1"_s,
                                                  u"#3 2025-01-20..2025-01-20 sessions=1"_s,
                                                  u"#5 2025-03-03..2025-03-03 sessions=1 anxiety=1/2"_s,
                                              }));
        QVERIFY(r.from);
        QCOMPARE(iso(*r.from), u"2025-01-06"_s);
        // Clipped to a range: sessions 2, 3 and 5 only.
        const auto clipped = patterns::analyse(winter(), query(Bucketing::Session, "2025-01-10", "2025-03-31"));
        QCOMPARE(describeSessions(clipped.buckets),
                 (QStringList{
                     u"#2 2025-01-13..2025-01-13 sessions=1 abandonment=1/1 anxiety=1/1"_s,
                     u"#3 2025-01-20..2025-01-20 sessions=1"_s,
                     u"#5 2025-03-03..2025-03-03 sessions=1 anxiety=1/2"_s,
                 }));
    }

    void rangeIsClippedToFromTo()
    {
        // --from 2025-01-15 --to 2025-03-10 by month: January starts on the 15th (only session 3,
        // no themes; session 2 on 01-13 is outside), March ends on the 10th (session 5).
        const auto months = patterns::analyse(winter(), query(Bucketing::Month, "2025-01-15", "2025-03-10"));
        QVERIFY(months.from && months.to);
        QCOMPARE(iso(*months.from), u"2025-01-15"_s);
        QCOMPARE(iso(*months.to), u"2025-03-10"_s);
        QCOMPARE(describe(months.buckets), (QStringList{
                                               u"2025-01-15..2025-01-31 sessions=1"_s,
                                               u"2025-02-01..2025-02-28 sessions=0"_s,
                                               u"2025-03-01..2025-03-10 sessions=1 anxiety=1/2"_s,
                                           }));
        // The summary covers the range only: attended 01-20 and 03-03 (N = 2), anxiety in 03-03;
        // recurrence last = min(6, 2) = 2, in 1. Abandonment is outside the range.
        QCOMPARE(describe(months.summary),
                 QStringList{u"anxiety first=2025-03-03 last=2025-03-03 sessions=1 in 1 of last 2 stable"_s});
        // Attendance over the range: 2 attended, the 01-27 no-show missed (04-02 is outside);
        // gap 01-20 → 03-03 = 11 (to Jan 31) + 28 (Feb) + 3 = 42 days.
        QCOMPARE(describe(months.attendance), u"attended=2 missed=1 gaps=[42] longest=42"_s);
        QVERIFY(months.cooccurrence.isEmpty());

        // Weeks from Wed 01-08 to Tue 01-21: the first week starts Wednesday, the last ends Tuesday.
        const auto weeks = patterns::analyse(winter(), query(Bucketing::Week, "2025-01-08", "2025-01-21"));
        QCOMPARE(describe(weeks.buckets), (QStringList{
                                              u"2025-01-08..2025-01-12 sessions=0"_s,
                                              u"2025-01-13..2025-01-19 sessions=1 abandonment=1/1 anxiety=1/1"_s,
                                              u"2025-01-20..2025-01-21 sessions=1"_s,
                                          }));
        // Quarters from 02-15 to 05-31.
        const auto quarters = patterns::analyse(winter(), query(Bucketing::Quarter, "2025-02-15", "2025-05-31"));
        QCOMPARE(describe(quarters.buckets), (QStringList{
                                                 u"2025-02-15..2025-03-31 sessions=1 anxiety=1/2"_s,
                                                 u"2025-04-01..2025-05-31 sessions=0"_s,
                                             }));
    }

    void sameDaySessionsOrderByStartTimeThenId()
    {
        // Four sessions on Mon 2025-05-05 and one on 05-06. Order: the one without a start time
        // (#99) first, then 09:00 #8 before 09:00 #9 (id), then 14:00 #7, then #1 next day.
        // Sequence: s0 grief-loss, s1 anxiety, s2 abandonment, s3 substance-use, s4 nothing.
        const auto history = client({
            session(7, "2025-05-05", {{"substance-use", 1}}, Attendance::Attended, "14:00"),
            session(9, "2025-05-05", {{"abandonment", 1}}, Attendance::Attended, "09:00"),
            session(1, "2025-05-06"),
            session(8, "2025-05-05", {{"anxiety", 1}}, Attendance::Attended, "09:00"),
            session(99, "2025-05-05", {{"grief-loss", 1}}),
        });
        const auto bySession = patterns::analyse(history, query(Bucketing::Session));
        QCOMPARE(describeSessions(bySession.buckets), (QStringList{
                                                          u"#99 2025-05-05..2025-05-05 sessions=1 grief-loss=1/1"_s,
                                                          u"#8 2025-05-05..2025-05-05 sessions=1 anxiety=1/1"_s,
                                                          u"#9 2025-05-05..2025-05-05 sessions=1 abandonment=1/1"_s,
                                                          u"#7 2025-05-05..2025-05-05 sessions=1 substance-use=1/1"_s,
                                                          u"#1 2025-05-06..2025-05-06 sessions=1"_s,
                                                      }));
        // All five counted in their week (Mon 05-05 .. Sun 05-11).
        const auto byWeek = patterns::analyse(history, query(Bucketing::Week));
        QCOMPARE(describe(byWeek.buckets),
                 QStringList{u"2025-05-05..2025-05-11 sessions=5 abandonment=1/1 anxiety=1/1 grief-loss=1/1 "
                             u"substance-use=1/1"_s});
        // Lead–lag follows that order: abandonment (s2) is followed by substance-use (s3): 1 of 1.
        // Base rate: substance-use in s1..s4 = 1 of 4 = 0.25. (Ordered by id instead of time
        // the other way round, anxiety would precede use.)
        QCOMPARE(describe(byWeek.leadLag), QStringList{u"abandonment>substance-use 1/1 base=0.25"_s});
        // Two (here four) on one day give gaps of 0.
        QCOMPARE(describe(byWeek.attendance), u"attended=5 missed=0 gaps=[0,0,0,1] longest=1"_s);
    }

    void yearBoundaryWeek()
    {
        // Tue 2024-12-31 and Thu 2025-01-02 are both in 2025-W1 (Mon 2024-12-30 .. Sun 2025-01-05).
        const auto history = client({
            session(2, "2025-01-02", {{"abandonment", 1}, {"anxiety", 1}}),
            session(1, "2024-12-31", {{"abandonment", 1}}),
        });
        QCOMPARE(describe(patterns::isoWeek(day("2024-12-31"))), u"2025-W1"_s);
        const auto weeks = patterns::analyse(history, query(Bucketing::Week));
        QVERIFY(weeks.from && weeks.to);
        QCOMPARE(iso(*weeks.from), u"2024-12-30"_s);
        QCOMPARE(iso(*weeks.to), u"2025-01-05"_s);
        QCOMPARE(describe(weeks.buckets),
                 QStringList{u"2024-12-30..2025-01-05 sessions=2 abandonment=2/2 anxiety=1/1"_s});
        // By month and by quarter they split across the year.
        QCOMPARE(describe(patterns::analyse(history, query(Bucketing::Month)).buckets),
                 (QStringList{u"2024-12-01..2024-12-31 sessions=1 abandonment=1/1"_s,
                              u"2025-01-01..2025-01-31 sessions=1 abandonment=1/1 anxiety=1/1"_s}));
        QCOMPARE(describe(patterns::analyse(history, query(Bucketing::Quarter)).buckets),
                 (QStringList{u"2024-10-01..2024-12-31 sessions=1 abandonment=1/1"_s,
                              u"2025-01-01..2025-03-31 sessions=1 abandonment=1/1 anxiety=1/1"_s}));
        // Summary across the year; gap 12-31 → 01-02 = 2 days.
        QCOMPARE(describe(weeks.summary),
                 (QStringList{u"abandonment first=2024-12-31 last=2025-01-02 sessions=2 in 2 of last 2 stable"_s,
                              u"anxiety first=2025-01-02 last=2025-01-02 sessions=1 in 1 of last 2 stable"_s}));
        QCOMPARE(describe(weeks.attendance), u"attended=2 missed=0 gaps=[2] longest=2"_s);
    }

    void leapDaySession()
    {
        const auto history = client({
            session(1, "2024-02-29", {{"grief-loss", 1}}),
            session(2, "2024-03-01"),
        });
        QCOMPARE(describe(patterns::analyse(history, query(Bucketing::Month)).buckets),
                 (QStringList{u"2024-02-01..2024-02-29 sessions=1 grief-loss=1/1"_s,
                              u"2024-03-01..2024-03-31 sessions=1"_s}));
        // Thu 02-29 and Fri 03-01 share Mon 02-26 .. Sun 03-03.
        QCOMPARE(describe(patterns::analyse(history, query(Bucketing::Week)).buckets),
                 QStringList{u"2024-02-26..2024-03-03 sessions=2 grief-loss=1/1"_s});
        QCOMPARE(describe(patterns::analyse(history, query(Bucketing::Quarter)).buckets),
                 QStringList{u"2024-01-01..2024-03-31 sessions=2 grief-loss=1/1"_s});
        // The leap day alone as the range.
        QCOMPARE(describe(patterns::analyse(history, query(Bucketing::Month, "2024-02-29", "2024-02-29")).buckets),
                 QStringList{u"2024-02-29..2024-02-29 sessions=1 grief-loss=1/1"_s});
        // 02-29 → 03-01 is one day.
        QCOMPARE(describe(patterns::analyse(history, query(Bucketing::Month)).attendance),
                 u"attended=2 missed=0 gaps=[1] longest=1"_s);
    }

    void emptyRangeAndNoSessions()
    {
        // A range with no session in it: every bucket present with 0, nothing else.
        const auto r = patterns::analyse(winter(), query(Bucketing::Month, "2025-06-01", "2025-07-31"));
        QVERIFY(r.from && r.to);
        QCOMPARE(iso(*r.from), u"2025-06-01"_s);
        QCOMPARE(iso(*r.to), u"2025-07-31"_s);
        QCOMPARE(describe(r.buckets),
                 (QStringList{u"2025-06-01..2025-06-30 sessions=0"_s, u"2025-07-01..2025-07-31 sessions=0"_s}));
        QVERIFY(r.summary.empty());
        QVERIFY(r.cooccurrence.isEmpty());
        QVERIFY(r.leadLag.isEmpty());
        QCOMPARE(describe(r.attendance), u"attended=0 missed=0 gaps=[] longest=0"_s);
        // By session, an empty range has no buckets.
        QVERIFY(patterns::analyse(winter(), query(Bucketing::Session, "2025-06-01", "2025-07-31")).buckets.isEmpty());

        // No sessions and no range: no buckets, no range.
        const auto nothing = patterns::analyse(client({}), query(Bucketing::Month));
        QVERIFY(nothing.buckets.isEmpty());
        QVERIFY(!nothing.from);
        QVERIFY(!nothing.to);
        QVERIFY(nothing.summary.empty());
        // No sessions, a range: its buckets, empty. January 2025 by week: Wed 01-01 .. Sun 01-05
        // (clipped), three whole weeks, Mon 01-27 .. Fri 01-31 (clipped).
        QCOMPARE(describe(patterns::analyse(client({}), query(Bucketing::Week, "2025-01-01", "2025-01-31")).buckets),
                 (QStringList{u"2025-01-01..2025-01-05 sessions=0"_s, u"2025-01-06..2025-01-12 sessions=0"_s,
                              u"2025-01-13..2025-01-19 sessions=0"_s, u"2025-01-20..2025-01-26 sessions=0"_s,
                              u"2025-01-27..2025-01-31 sessions=0"_s}));
    }

    void fromAfterToIsRefused()
    {
        for (Bucketing by : {Bucketing::Session, Bucketing::Week, Bucketing::Month, Bucketing::Quarter}) {
            QCOMPARE(thrownKind([&] {
                         static_cast<void>(patterns::analyse(winter(), query(by, "2025-03-01", "2025-02-28")));
                     }),
                     u"usage"_s);
        }
        const auto backwards = query(Bucketing::Month, "2025-03-01", "2025-02-28");
        QCOMPARE(thrownKind([&] { static_cast<void>(patterns::analyseCaseload({winter()}, backwards)); }), u"usage"_s);
        // from == to is one day, not an error.
        const auto oneDay = query(Bucketing::Month, "2025-03-01", "2025-03-01");
        QCOMPARE(thrownKind([&] { static_cast<void>(patterns::analyse(winter(), oneDay)); }), u"none"_s);
    }

    void singleSession()
    {
        // One session: recurrence {1, 1} (last = min(6, 1)), trend stable (n < 4; S = 0 → Z = 0),
        // no lead–lag (no session has a next one), no gaps. The one pair: lift 1·1/(1·1) = 1.
        const auto r = patterns::analyse(client({session(1, "2025-02-10", {{"abandonment", 1}, {"substance-use", 1}})}),
                                         query(Bucketing::Month));
        QCOMPARE(describe(r.buckets),
                 QStringList{u"2025-02-01..2025-02-28 sessions=1 abandonment=1/1 substance-use=1/1"_s});
        QCOMPARE(describe(r.summary),
                 (QStringList{u"abandonment first=2025-02-10 last=2025-02-10 sessions=1 in 1 of last 1 stable"_s,
                              u"substance-use first=2025-02-10 last=2025-02-10 sessions=1 in 1 of last 1 stable"_s}));
        UC_COMPARE_NEAR(r.summary.at(abandonment).trendZ, 0.0, 1e-12);
        QVERIFY(r.leadLag.isEmpty());
        QCOMPARE(describe(r.cooccurrence), QStringList{u"abandonment+substance-use sessions=1 lift=1"_s});
        QCOMPARE(describe(r.attendance), u"attended=1 missed=0 gaps=[] longest=0"_s);
    }

    // ---- summary and trend

    void summaryOverWinter()
    {
        // Attended in order: 01-06 {abandonment}, 01-13 {abandonment, anxiety}, 01-20 {}, 03-03
        // {anxiety}; N = 4, recurrence window min(6, 4) = 4.
        // abandonment presence 1,1,0,0: S = −1 −1 −1 −1 (each 1 before each 0) = −4;
        //   Var = [4·3·13 − (2·1·9 + 2·1·9)]/18 = (156 − 36)/18 = 6.667; Z = (−4 + 1)/√6.667 = −1.1619.
        // anxiety presence 0,1,0,1: pairs (1,2)+ (1,3)0 (1,4)+ (2,3)− (2,4)0 (3,4)+ → S = 2;
        //   Var 6.667; Z = (2 − 1)/2.582 = 0.3873. Both stable.
        const auto r = patterns::analyse(winter(), query(Bucketing::Month));
        QCOMPARE(describe(r.summary),
                 (QStringList{u"abandonment first=2025-01-06 last=2025-01-13 sessions=2 in 2 of last 4 stable"_s,
                              u"anxiety first=2025-01-13 last=2025-03-03 sessions=2 in 2 of last 4 stable"_s}));
        UC_COMPARE_NEAR(r.summary.at(abandonment).trendZ, -3.0 / std::sqrt(120.0 / 18.0), 1e-9);
        UC_COMPARE_NEAR(r.summary.at(abandonment).trendZ, -1.1619, 1e-4);
        UC_COMPARE_NEAR(r.summary.at(anxiety).trendZ, 0.3873, 1e-4);
        // The pair: 1 session (01-13), lift 1·4/(2·2) = 1.
        QCOMPARE(describe(r.cooccurrence), QStringList{u"abandonment+anxiety sessions=1 lift=1"_s});
        QVERIFY(r.leadLag.isEmpty()); // no substance-use or relapse in an attended session
    }

    void summaryRecurrenceAndTrend()
    {
        // See twelveWeeks(): N = 12 attended (the no-show is not in the series), window last 6 =
        // i = 6..11 (02-17 .. 03-24).
        // substance-use 0×6 then 1×6: S = 6·6 = 36; Var = (12·11·29 − 2·6·5·17)/18
        //   = (3828 − 1020)/18 = 156; Z = (36 − 1)/√156 = 35/12.490 = 2.8022 ≥ 1.96 → rising.
        // abandonment 1×6 then 0×6: S = −36, Var 156, Z = (−36 + 1)/√156 = −2.8022 → falling.
        // anxiety 1×12: S = 0, Var = (3828 − 12·11·29)/18 = 0 → Z = 0 → stable.
        // grief-loss 1,1,1,0×8,1: ones before zeros 3·8 = 24 pairs (−), zeros before the last one
        //   8 pairs (+): S = −16; Var = (3828 − 4·3·13 − 8·7·21)/18 = (3828 − 156 − 1176)/18
        //   = 138.667; Z = (−16 + 1)/√138.667 = −15/11.776 = −1.2738 → stable. In the last 6: i = 11.
        const auto r = patterns::analyse(twelveWeeks(), query(Bucketing::Month));
        QCOMPARE(describe(r.summary),
                 (QStringList{u"abandonment first=2025-01-06 last=2025-02-10 sessions=6 in 0 of last 6 falling"_s,
                              u"anxiety first=2025-01-06 last=2025-03-24 sessions=12 in 6 of last 6 stable"_s,
                              u"grief-loss first=2025-01-06 last=2025-03-24 sessions=4 in 1 of last 6 stable"_s,
                              u"substance-use first=2025-02-17 last=2025-03-24 sessions=6 in 6 of last 6 rising"_s}));
        UC_COMPARE_NEAR(r.summary.at(substanceUse).trendZ, 35.0 / std::sqrt(156.0), 1e-9);
        UC_COMPARE_NEAR(r.summary.at(substanceUse).trendZ, 2.8022, 1e-4);
        UC_COMPARE_NEAR(r.summary.at(abandonment).trendZ, -2.8022, 1e-4);
        UC_COMPARE_NEAR(r.summary.at(anxiety).trendZ, 0.0, 1e-12);
        UC_COMPARE_NEAR(r.summary.at(u"grief-loss"_s).trendZ, -15.0 / std::sqrt(2496.0 / 18.0), 1e-9);
        UC_COMPARE_NEAR(r.summary.at(u"grief-loss"_s).trendZ, -1.2738, 1e-4);
        // The no-show's 3 hits are nowhere: February holds 02-03, 02-10 (abandonment), 02-17,
        // 02-24 (substance-use).
        QCOMPARE(describe(r.buckets),
                 (QStringList{
                     u"2025-01-01..2025-01-31 sessions=4 abandonment=4/4 anxiety=4/4 grief-loss=3/3"_s,
                     u"2025-02-01..2025-02-28 sessions=4 abandonment=2/2 anxiety=4/4 substance-use=2/2"_s,
                     u"2025-03-01..2025-03-31 sessions=4 anxiety=4/4 grief-loss=1/1 substance-use=4/4"_s,
                 }));
        QCOMPARE(r.attendance.missed, 1);
    }

    void mannKendallByHand()
    {
        // 0×6 then 1×6: S = 36, Var = 156, Z = 35/√156 = 2.8022.
        UC_COMPARE_NEAR(patterns::mannKendallZ({0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1}), 35.0 / std::sqrt(156.0), 1e-9);
        // 1×5 then 0×5: S = −25; Var = (10·9·25 − 2·5·4·15)/18 = (2250 − 600)/18 = 91.667;
        // Z = (−25 + 1)/√91.667 = −24/9.5743 = −2.5067 → falling.
        const double falling = patterns::mannKendallZ({1, 1, 1, 1, 1, 0, 0, 0, 0, 0});
        UC_COMPARE_NEAR(falling, -24.0 / std::sqrt(1650.0 / 18.0), 1e-9);
        UC_COMPARE_NEAR(falling, -2.5067, 1e-4);
        QCOMPARE(patterns::toString(patterns::trendOf(falling, 10)), u"falling"_s);
        // Present in every session: all tied, Var = 0 → Z = 0 → stable.
        UC_COMPARE_NEAR(patterns::mannKendallZ({1, 1, 1, 1, 1, 1, 1, 1}), 0.0, 1e-12);
        UC_COMPARE_NEAR(patterns::mannKendallZ({0, 0, 0, 0}), 0.0, 1e-12);
        // n = 3, 0,1,1: S = 2; Var = (3·2·11 − 2·1·9)/18 = 48/18 = 2.667; Z = 1/1.633 = 0.6124.
        UC_COMPARE_NEAR(patterns::mannKendallZ({0, 1, 1}), 1.0 / std::sqrt(48.0 / 18.0), 1e-9);
        // Not only 0/1: 1,2,3,4,5: S = 10, Var = 5·4·15/18 = 16.667, Z = 9/4.0825 = 2.2045.
        UC_COMPARE_NEAR(patterns::mannKendallZ({1, 2, 3, 4, 5}), 9.0 / std::sqrt(300.0 / 18.0), 1e-9);
        // Ties in the middle, 1,2,2,3: S = 5 (every pair + except 2,2); Var = (4·3·13 − 2·1·9)/18
        // = 138/18 = 7.667; Z = 4/2.7689 = 1.4446.
        UC_COMPARE_NEAR(patterns::mannKendallZ({1, 2, 2, 3}), 4.0 / std::sqrt(138.0 / 18.0), 1e-9);
        // S = 1 → Z = (1 − 1)/√Var = 0 (continuity correction): 0,1 over two values.
        UC_COMPARE_NEAR(patterns::mannKendallZ({0, 1}), 0.0, 1e-12);
        UC_COMPARE_NEAR(patterns::mannKendallZ({}), 0.0, 1e-12);
        UC_COMPARE_NEAR(patterns::mannKendallZ({1}), 0.0, 1e-12);
    }

    void trendThresholds()
    {
        // Two-sided α = 0.05: |Z| ≥ 1.96; always stable below 4 values.
        QCOMPARE(patterns::toString(patterns::trendOf(1.96, 4)), u"rising"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(1.9599, 12)), u"stable"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(-1.96, 4)), u"falling"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(-1.9599, 12)), u"stable"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(2.8022, 12)), u"rising"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(0.0, 12)), u"stable"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(2.8, 3)), u"stable"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(-2.8, 3)), u"stable"_s);
        QCOMPARE(patterns::toString(patterns::trendOf(5.0, 0)), u"stable"_s);
    }

    // ---- co-occurrence

    void cooccurrenceCountsLiftAndOrder()
    {
        // Ten daily sessions from 2025-01-01 (N = 10):
        //   s0, s1  anger, shame-guilt         s6  depression, loneliness
        //   s2      anger, shame-guilt, lonel. s7  depression
        //   s3..s5  anger, loneliness          s8  grief-loss, trauma
        //                                      s9  coping, craving
        // Sessions per theme: anger 6, shame-guilt 3, loneliness 5, depression 2, the last four 1.
        // Pairs (lift = sessions·N / (sessions(a)·sessions(b)), two decimals):
        //   anger+loneliness     s2..s5 = 4   4·10/(6·5) = 1.333 → 1.33
        //   anger+shame-guilt    s0..s2 = 3   3·10/(6·3) = 1.667 → 1.67
        //   coping+craving       s9     = 1   1·10/(1·1) = 10
        //   grief-loss+trauma    s8     = 1   1·10/(1·1) = 10
        //   depression+loneliness s6    = 1   1·10/(2·5) = 1
        //   loneliness+shame-guilt s2   = 1   1·10/(5·3) = 0.667 → 0.67
        // Order: strongest evidence first (findingstest has the rules). One-sided Fisher p, by hand:
        //   coping+craving, grief-loss+trauma  C(1,1)·C(9,0)/C(10,1) = 0.1 each (then by name)
        //   anger+shame-guilt                  C(6,3)·C(4,0)/C(10,3) = 20/120 = 0.167
        //   anger+loneliness                   (C(6,4)·C(4,1) + C(6,5)·C(4,0))/C(10,5) = 66/252 = 0.262
        //   depression+loneliness              1 − C(2,0)·C(8,5)/C(10,5) = 196/252 = 0.778
        //   loneliness+shame-guilt             1 − C(5,0)·C(5,3)/C(10,3) = 110/120 = 0.917
        // None passes (q = 1 for all over the 28 pairs of the 8 themes raised).
        // Hits do not matter: anger has 5 hits in s0.
        QList<patterns::SessionThemes> sessions;
        const QList<Themes> days = {
            {{"anger", 5}, {"shame-guilt", 1}},
            {{"anger", 1}, {"shame-guilt", 1}},
            {{"anger", 1}, {"shame-guilt", 1}, {"loneliness", 1}},
            {{"anger", 1}, {"loneliness", 1}},
            {{"anger", 1}, {"loneliness", 1}},
            {{"anger", 1}, {"loneliness", 1}},
            {{"depression", 1}, {"loneliness", 1}},
            {{"depression", 1}},
            {{"trauma", 1}, {"grief-loss", 1}},
            {{"craving", 1}, {"coping", 1}},
        };
        for (int i = 0; i < days.size(); ++i)
            sessions.append(session(i + 1, day("2025-01-01") + boost::gregorian::days(i), days[i]));
        const auto r = patterns::analyse(client(sessions), query(Bucketing::Month));
        QCOMPARE(describe(r.cooccurrence), (QStringList{
                                               u"coping+craving sessions=1 lift=10"_s,
                                               u"grief-loss+trauma sessions=1 lift=10"_s,
                                               u"anger+shame-guilt sessions=3 lift=1.67"_s,
                                               u"anger+loneliness sessions=4 lift=1.33"_s,
                                               u"depression+loneliness sessions=1 lift=1"_s,
                                               u"loneliness+shame-guilt sessions=1 lift=0.67"_s,
                                           }));
        for (const auto &p : r.cooccurrence)
            QVERIFY2(p.a < p.b, qPrintable(p.a + u" / "_s + p.b));
        QVERIFY(r.leadLag.isEmpty()); // neither substance-use nor relapse
    }

    // ---- lead–lag

    void leadLagCountsBaseRateAndOrder()
    {
        // Eleven weekly attended sessions from 2025-01-06 (N = 11), and a no-show between s6 and
        // s7 raising substance-use that must not become anyone's "next session":
        //   s0 abandonment, craving, loneliness   s6  abandonment, anxiety
        //   s1 substance-use, loneliness          s7  relapse
        //   s2 abandonment, substance-use,        s8  anxiety
        //      craving, loneliness                s9  relapse
        //   s3 substance-use                      s10 abandonment (last: no next session)
        //   s4 abandonment, relapse
        //   s5 substance-use
        // base_rate(substance-use) = s1, s2, s3, s5 of s1..s10 = 4/10 = 0.4
        // base_rate(relapse)       = s4, s7, s9 of s1..s10     = 3/10 = 0.3
        // → substance-use (of = X in t ≤ 9; count = s(t+1) has Y; one-sided binomial p against 0.4):
        //   loneliness    t 0,1,2 → s1 s2 s3 all use     3/3   p = 0.4³ = 0.064
        //   craving       t 0,2   → s1 s3 both use       2/2   p = 0.4² = 0.16
        //   abandonment   t 0,2,4,6 → s1 s3 s5 use, s7 not 3/4 p = 4·0.4³·0.6 + 0.4⁴ = 0.179
        //   relapse       t 4,7,9 → s5 use, s8 s10 not   1/3   p = 1 − 0.6³ = 0.784
        //   anxiety       t 6,8   → s7 s9: 0 → not listed
        //   substance-use itself (t 1,2,3,5 → s2 s3 use) is never its own predictor.
        // → relapse (against 0.3):
        //   anxiety       t 6,8   → s7 s9 relapse        2/2   p = 0.3² = 0.09
        //   abandonment   t 0,2,4,6 → only s7 relapse    1/4   p = 1 − 0.7⁴ = 0.760
        //   substance-use t 1,2,3,5 → only s4 relapse    1/4   (tie: by name after abandonment)
        //   loneliness, craving: next s1 s2 s3 → 0 → not listed.
        const QList<Themes> weeks = {
            {{"abandonment", 1}, {"craving", 1}, {"loneliness", 1}},
            {{"substance-use", 1}, {"loneliness", 1}},
            {{"abandonment", 1}, {"substance-use", 2}, {"craving", 1}, {"loneliness", 1}},
            {{"substance-use", 1}},
            {{"abandonment", 1}, {"relapse", 1}},
            {{"substance-use", 1}},
            {{"abandonment", 1}, {"anxiety", 1}},
            {{"relapse", 1}},
            {{"anxiety", 1}},
            {{"relapse", 1}},
            {{"abandonment", 1}},
        };
        QList<patterns::SessionThemes> sessions;
        for (int i = 0; i < weeks.size(); ++i)
            sessions.prepend(session(i + 1, day("2025-01-06") + boost::gregorian::days(7 * i), weeks[i]));
        // s6 is 02-17, s7 02-24: the no-show sits on 02-20.
        sessions.append(session(50, "2025-02-20", {{"substance-use", 1}}, Attendance::NoShow));
        const auto r = patterns::analyse(client(sessions), query(Bucketing::Month));

        QList<patterns::LeadLag> use, lapse;
        for (const auto &p : r.leadLag)
            (p.followedBy == substanceUse ? use : lapse).append(p);
        QCOMPARE(describe(use), (QStringList{
                                    u"loneliness>substance-use 3/3 base=0.4"_s,
                                    u"craving>substance-use 2/2 base=0.4"_s,
                                    u"abandonment>substance-use 3/4 base=0.4"_s,
                                    u"relapse>substance-use 1/3 base=0.4"_s,
                                }));
        QCOMPARE(describe(lapse), (QStringList{
                                      u"anxiety>relapse 2/2 base=0.3"_s,
                                      u"abandonment>relapse 1/4 base=0.3"_s,
                                      u"substance-use>relapse 1/4 base=0.3"_s,
                                  }));
        QCOMPARE(r.leadLag.size(), 7);
        // One list for both targets, smallest p first (none passes: q ≥ 0.75 over 25 tests).
        QCOMPARE(r.leadLag.front().theme, u"loneliness"_s);
        QCOMPARE(r.leadLag.at(1).theme, anxiety);
        QVERIFY(patterns::leadLagTargets().contains(substanceUse));
        QVERIFY(patterns::leadLagTargets().contains(relapse));
        QCOMPARE(patterns::leadLagTargets().size(), 2);
    }

    void leadLagBaseRateLeavesOutTheFirstSession()
    {
        // s0 substance-use, s1 abandonment, s2 substance-use, s3 nothing: base rate over s1..s3
        // = 1/3 = 0.33 (over s0..s2 it would be 2/3, over all four 2/4); abandonment (t = 1) →
        // s2 use: 1 of 1.
        const auto r = patterns::analyse(client({
                                             session(1, "2025-01-06", {{"substance-use", 1}}),
                                             session(2, "2025-01-13", {{"abandonment", 1}}),
                                             session(3, "2025-01-20", {{"substance-use", 1}}),
                                             session(4, "2025-01-27"),
                                         }),
                                         query(Bucketing::Month));
        QCOMPARE(describe(r.leadLag), QStringList{u"abandonment>substance-use 1/1 base=0.33"_s});
    }

    // ---- caseload

    void caseloadPoolsWithoutCrossingClients()
    {
        // C-1: 03-03 group {}, 03-05 {abandonment}, 03-12 {abandonment ×2}
        // C-2: 03-03 group {}, 03-06 {substance-use}, 03-13 {anxiety}, 03-20 {substance-use, anxiety}
        // (the 03-03 group session #200 is one session with two clients: 2 client-sessions).
        auto one = client({session(200, "2025-03-03"), session(11, "2025-03-05", {{"abandonment", 1}}),
                           session(12, "2025-03-12", {{"abandonment", 2}})},
                          u"C-1"_s);
        auto two = client({session(200, "2025-03-03"), session(21, "2025-03-06", {{"substance-use", 1}}),
                           session(22, "2025-03-13", {{"anxiety", 1}}),
                           session(23, "2025-03-20", {{"substance-use", 1}, {"anxiety", 1}})},
                          u"C-2"_s);
        one.clientId = 1;
        two.clientId = 2;
        const auto r = patterns::analyseCaseload({one, two}, query(Bucketing::Month));
        // March: 3 + 4 = 7 client-sessions; abandonment 2 sessions 3 hits; anxiety and
        // substance-use 2 sessions each.
        QCOMPARE(describe(r.buckets),
                 QStringList{u"2025-03-01..2025-03-31 sessions=7 abandonment=2/3 anxiety=2/2 substance-use=2/2"_s});
        QCOMPARE(describeCaseload(r.summary),
                 (QStringList{u"abandonment first=2025-03-05 last=2025-03-12 sessions=2"_s,
                              u"anxiety first=2025-03-13 last=2025-03-20 sessions=2"_s,
                              u"substance-use first=2025-03-06 last=2025-03-20 sessions=2"_s}));
        // Co-occurrence summed: anxiety+substance-use once (C-2 03-20); N = 7:
        // lift = 1·7/(2·2) = 1.75.
        QCOMPARE(describe(r.cooccurrence), QStringList{u"anxiety+substance-use sessions=1 lift=1.75"_s});
        // Lead–lag per client: next sessions are C-1's 2nd, 3rd and C-2's 2nd, 3rd, 4th: use in
        // C-2 03-06 and 03-20 → base 2/5 = 0.4. anxiety (C-2 03-13) → 03-20 use: 1 of 1
        // (anxiety on 03-20 is C-2's last). abandonment: C-1 03-05 → 03-12, no use: 0 of 1.
        // Pooled by date instead, abandonment 03-05 would precede C-2's use on 03-06; one list
        // after the other, the base rate would be 2/6.
        QCOMPARE(describe(r.leadLag), QStringList{u"anxiety>substance-use 1/1 base=0.4"_s});

        // By week: Mon 03-03 .. 03-09 holds the group (2) and 03-05, 03-06.
        QCOMPARE(describe(patterns::analyseCaseload({one, two}, query(Bucketing::Week)).buckets),
                 (QStringList{u"2025-03-03..2025-03-09 sessions=4 abandonment=1/1 substance-use=1/1"_s,
                              u"2025-03-10..2025-03-16 sessions=2 abandonment=1/2 anxiety=1/1"_s,
                              u"2025-03-17..2025-03-23 sessions=1 anxiety=1/1 substance-use=1/1"_s}));

        // The JSON: subject under "caseload"; summaries without recurrence or trend.
        const QJsonObject json = patterns::toJson(r, u"caseload"_s, u"all clients"_s);
        QCOMPARE(json.value(u"caseload"_s).toString(), u"all clients"_s);
        QVERIFY(!json.contains(u"client"_s));
        const QJsonObject summary = json.value(u"summary"_s).toObject();
        QCOMPARE(summary.keys(), (QStringList{abandonment, anxiety, substanceUse}));
        QCOMPARE(compact(summary.value(abandonment).toObject()),
                 u"{\"first_seen\":\"2025-03-05\",\"last_seen\":\"2025-03-12\",\"sessions\":2}"_s);

        // By session makes no sense across clients: refused.
        const auto bySession = query(Bucketing::Session);
        QCOMPARE(thrownKind([&] { static_cast<void>(patterns::analyseCaseload({one, two}, bySession)); }), u"usage"_s);
    }

    // ---- attendance

    void attendanceCountsLateAndMissed()
    {
        // 01-02 attended, 01-09 late (anxiety) at 09:00 and attended at 16:00, 01-16 no-show
        // (anxiety ×5, not counted), 01-23 cancelled, 02-06 attended.
        // attended = 4 (late is attended), missed = 2; gaps between attended: 01-02 → 01-09 = 7,
        // 01-09 → 01-09 = 0, 01-09 → 02-06 = 22 + 6 = 28; longest 28.
        const auto r = patterns::analyse(client({
                                             session(1, "2025-01-02"),
                                             session(2, "2025-01-09", {{"anxiety", 1}}, Attendance::Late, "09:00"),
                                             session(3, "2025-01-09", {}, Attendance::Attended, "16:00"),
                                             session(4, "2025-01-16", {{"anxiety", 5}}, Attendance::NoShow),
                                             session(5, "2025-01-23", {}, Attendance::Cancelled),
                                             session(6, "2025-02-06"),
                                         }),
                                         query(Bucketing::Month));
        QCOMPARE(describe(r.attendance), u"attended=4 missed=2 gaps=[7,0,28] longest=28"_s);
        QCOMPARE(describe(r.buckets), (QStringList{u"2025-01-01..2025-01-31 sessions=3 anxiety=1/1"_s,
                                                   u"2025-02-01..2025-02-28 sessions=1"_s}));
        QCOMPARE(describe(r.summary),
                 QStringList{u"anxiety first=2025-01-09 last=2025-01-09 sessions=1 in 1 of last 4 stable"_s});
        // Over winter(): attended 4, missed 2 (no-show 01-27, cancelled 04-02);
        // gaps 7, 7 and 01-20 → 03-03 = 42.
        QCOMPARE(describe(patterns::analyse(winter(), query(Bucketing::Month)).attendance),
                 u"attended=4 missed=2 gaps=[7,7,42] longest=42"_s);
        // SessionThemes::attended(): attended and late.
        QVERIFY(session(1, "2025-01-01", {}, Attendance::Attended).attended());
        QVERIFY(session(1, "2025-01-01", {}, Attendance::Late).attended());
        QVERIFY(!session(1, "2025-01-01", {}, Attendance::NoShow).attended());
        QVERIFY(!session(1, "2025-01-01", {}, Attendance::Cancelled).attended());
    }

    // ---- measures

    void measureTotalsAndBands()
    {
        struct Case
        {
            const char *instrument;
            QList<int> answers;
            int total;
            const char *band;
        };
        const QList<Case> cases = {
            // PHQ-9: minimal 0–4, mild 5–9, moderate 10–14, moderately severe 15–19, severe 20–27.
            {"phq9", {0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, "minimal"},
            {"phq9", {1, 1, 1, 1, 0, 0, 0, 0, 0}, 4, "minimal"},
            {"phq9", {1, 1, 1, 1, 1, 0, 0, 0, 0}, 5, "mild"},
            {"phq9", {3, 3, 3, 0, 0, 0, 0, 0, 0}, 9, "mild"},
            {"phq9", {3, 3, 3, 1, 0, 0, 0, 0, 0}, 10, "moderate"},
            {"phq9", {2, 2, 2, 2, 2, 2, 1, 1, 0}, 14, "moderate"},
            {"phq9", {3, 3, 3, 3, 3, 0, 0, 0, 0}, 15, "moderately-severe"},
            {"phq9", {3, 3, 3, 3, 3, 3, 1, 0, 0}, 19, "moderately-severe"},
            {"phq9", {3, 3, 3, 3, 3, 3, 2, 0, 0}, 20, "severe"},
            {"phq9", {3, 3, 3, 3, 3, 3, 3, 3, 3}, 27, "severe"},
            // GAD-7: minimal 0–4, mild 5–9, moderate 10–14, severe 15–21.
            {"gad7", {0, 0, 0, 0, 0, 0, 0}, 0, "minimal"},
            {"gad7", {1, 1, 1, 1, 0, 0, 0}, 4, "minimal"},
            {"gad7", {1, 1, 1, 1, 1, 0, 0}, 5, "mild"},
            {"gad7", {3, 3, 3, 0, 0, 0, 0}, 9, "mild"},
            {"gad7", {3, 3, 3, 1, 0, 0, 0}, 10, "moderate"},
            {"gad7", {3, 3, 3, 3, 2, 0, 0}, 14, "moderate"},
            {"gad7", {3, 3, 3, 3, 3, 0, 0}, 15, "severe"},
            {"gad7", {3, 3, 3, 3, 3, 3, 3}, 21, "severe"},
            // AUDIT: low risk 0–7, hazardous 8–15, harmful 16–19, possible dependence 20–40.
            {"audit", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, "low-risk"},
            {"audit", {0, 0, 0, 0, 0, 0, 0, 0, 2, 0}, 2, "low-risk"},
            {"audit", {4, 3, 0, 0, 0, 0, 0, 0, 0, 0}, 7, "low-risk"},
            {"audit", {4, 4, 0, 0, 0, 0, 0, 0, 0, 0}, 8, "hazardous"},
            {"audit", {0, 0, 0, 0, 0, 0, 0, 0, 4, 4}, 8, "hazardous"},
            {"audit", {4, 4, 4, 3, 0, 0, 0, 0, 0, 0}, 15, "hazardous"},
            {"audit", {4, 4, 4, 4, 0, 0, 0, 0, 0, 0}, 16, "harmful"},
            {"audit", {4, 4, 4, 4, 3, 0, 0, 0, 0, 0}, 19, "harmful"},
            {"audit", {4, 4, 4, 4, 4, 0, 0, 0, 0, 0}, 20, "possible-dependence"},
            {"audit", {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}, 40, "possible-dependence"},
            // AUDIT-C: negative 0–2, positive for women at 3, positive at ≥ 4.
            {"auditc", {0, 0, 0}, 0, "negative"},
            {"auditc", {1, 1, 0}, 2, "negative"},
            {"auditc", {1, 1, 1}, 3, "positive-women"},
            {"auditc", {2, 1, 1}, 4, "positive"},
            {"auditc", {4, 4, 4}, 12, "positive"},
            // DAST-10, answered as the form asks (1 yes, 0 no); item 3 ("able to stop when you want
            // to") scores its "no": none 0, low 1–2, moderate 3–5, substantial 6–8, severe 9–10.
            {"dast10", {0, 0, 1, 0, 0, 0, 0, 0, 0, 0}, 0, "none"},
            {"dast10", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 1, "low"},
            {"dast10", {1, 0, 1, 0, 0, 0, 0, 0, 0, 0}, 1, "low"},
            {"dast10", {1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, 2, "low"},
            {"dast10", {1, 1, 0, 0, 0, 0, 0, 0, 0, 0}, 3, "moderate"},
            {"dast10", {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, 5, "moderate"},
            {"dast10", {1, 1, 1, 1, 1, 1, 1, 0, 0, 0}, 6, "substantial"},
            {"dast10", {1, 1, 0, 1, 1, 1, 1, 1, 0, 0}, 8, "substantial"},
            {"dast10", {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 9, "severe"},
            {"dast10", {1, 1, 0, 1, 1, 1, 1, 1, 1, 1}, 10, "severe"},
            // PCL-5: 20 items 0–4; probable PTSD at 33 or more.
            {"pcl5", QList<int>(20, 0), 0, "below-cutoff"},
            {"pcl5", {4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 32, "below-cutoff"},
            {"pcl5", {4, 4, 4, 4, 4, 4, 4, 4, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 33, "probable-ptsd"},
            {"pcl5", QList<int>(20, 4), 80, "probable-ptsd"},
        };
        for (const Case &c : cases) {
            const QString instrument = QString::fromLatin1(c.instrument);
            const model::Score s = model::score(instrument, c.answers);
            const QString label = u"%1 total %2"_s.arg(instrument).arg(c.total);
            QVERIFY2(s.total == c.total, qPrintable(label + u": got "_s + QString::number(s.total)));
            QVERIFY2(s.band == QString::fromLatin1(c.band), qPrintable(label + u": got "_s + s.band));
            QCOMPARE(model::bandOf(instrument, c.total), QString::fromLatin1(c.band));
        }
        QCOMPARE(model::instruments().size(), 7);
        QCOMPARE(model::instruments().at(0).id, u"phq9"_s);
        QCOMPARE(model::instruments().at(3).id, u"auditc"_s);
        QCOMPARE(model::instruments().at(4).id, u"dast10"_s);
        QCOMPARE(model::instruments().at(5).id, u"pcl5"_s);
        QCOMPARE(model::instruments().at(6).id, u"cssrs"_s);
        // The charts' axes and the items' ranges follow from the tables.
        QCOMPARE(model::maxTotal(u"dast10"_s), 10);
        QCOMPARE(model::maxTotal(u"pcl5"_s), 80);
        QCOMPARE(model::itemMaximum(u"dast10"_s), 1);
        QCOMPARE(model::itemMaximum(u"pcl5"_s), 4);
        QCOMPARE(model::bandLabel(u"probable-ptsd"_s), u"probable PTSD"_s);
        QCOMPARE(model::bandLabel(u"below-cutoff"_s), u"below the cut-off"_s);
        QCOMPARE(model::bandLabel(u"substantial"_s), u"substantial"_s);
        QCOMPARE(model::findInstrument(u"audit"_s)->items, 10);
        QCOMPARE(model::bandLabel(u"moderately-severe"_s), u"moderately severe"_s);
        QCOMPARE(model::bandLabel(u"positive-women"_s), u"positive (women)"_s);
    }

    void bandRangesCoverEachTotalOnce()
    {
        // The shaded bands of the measures chart: PHQ-9 by hand (Kroenke 2001), then every
        // instrument walked total by total against bandOf, with no gap and no overlap.
        const QList<model::BandRange> phq9 = model::bandRanges(u"phq9"_s);
        QCOMPARE(phq9.size(), 5);
        QCOMPARE(phq9.at(0).from, 0);
        QCOMPARE(phq9.at(0).to, 4);
        QCOMPARE(phq9.at(2).band, u"moderate"_s);
        QCOMPARE(phq9.at(2).from, 10);
        QCOMPARE(phq9.at(2).to, 14);
        QCOMPARE(phq9.at(4).band, u"severe"_s);
        QCOMPARE(phq9.at(4).from, 20);
        QCOMPARE(phq9.at(4).to, 27);
        const QList<model::BandRange> auditc = model::bandRanges(u"auditc"_s);
        QCOMPARE(auditc.size(), 3);
        QCOMPARE(auditc.at(1).from, 3);
        QCOMPARE(auditc.at(1).to, 3);
        QCOMPARE(auditc.at(1).band, u"positive-women"_s);
        for (const model::Instrument &instrument : model::instruments()) {
            const QList<model::BandRange> ranges = model::bandRanges(instrument.id);
            if (instrument.id == u"cssrs") {
                QVERIFY2(ranges.isEmpty(), "the C-SSRS triage reads answers, not a total");
                continue;
            }
            QVERIFY2(!ranges.isEmpty(), qPrintable(instrument.id));
            int next = 0;
            for (const model::BandRange &range : ranges) {
                QCOMPARE(range.from, next);
                QVERIFY(range.to >= range.from);
                for (int total = range.from; total <= range.to; ++total)
                    QCOMPARE(model::bandOf(instrument.id, total), range.band);
                next = range.to + 1;
            }
            QCOMPARE(next, model::maxTotal(instrument.id) + 1);
        }
        QVERIFY(model::bandRanges(u"nonsense"_s).isEmpty());
    }

    void measureAnswersAreChecked()
    {
        const auto scoreError = [](const char *instrument, const QList<int> &answers) {
            return errorFrom([&] { static_cast<void>(model::score(QString::fromLatin1(instrument), answers)); });
        };
        // Wrong count: 8 or 10 answers for PHQ-9, none, AUDIT's 10 for AUDIT-C.
        for (const auto &answers :
             {QList<int>{0, 0, 0, 0, 0, 0, 0, 0}, QList<int>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, QList<int>{}}) {
            const auto e = scoreError("phq9", answers);
            QVERIFY(e);
            QCOMPARE(kindName(e->kind()), u"io"_s);
        }
        QVERIFY(scoreError("auditc", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        QVERIFY(scoreError("dast10", {0, 0, 0, 0, 0, 0, 0, 0, 0}));
        QVERIFY(scoreError("pcl5", QList<int>(19, 0)));
        // Out of range, named by item.
        struct Bad
        {
            const char *instrument;
            QList<int> answers;
            int item;
        };
        const QList<Bad> bad = {
            {"phq9", {0, 0, 4, 0, 0, 0, 0, 0, 0}, 3},
            {"phq9", {-1, 0, 0, 0, 0, 0, 0, 0, 0}, 1},
            {"gad7", {0, 0, 0, 0, 0, 0, 4}, 7},
            {"audit", {0, 0, 0, 0, 0, 0, 0, 5, 0, 0}, 8},
            {"audit", {0, 0, 0, 0, 0, 0, 0, 0, 1, 0}, 9}, // items 9 and 10 take 0, 2 or 4
            {"audit", {0, 0, 0, 0, 0, 0, 0, 0, 0, 3}, 10},
            {"audit", {0, 0, 0, 0, 0, 0, 0, 0, 5, 0}, 9},
            {"auditc", {0, 5, 0}, 2},
            {"dast10", {0, 0, 2, 0, 0, 0, 0, 0, 0, 0}, 3}, // yes or no only, item 3 too
            {"dast10", {0, 0, 0, 0, 0, 0, 0, 0, 0, -1}, 10},
            {"pcl5", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5}, 20},
        };
        for (const Bad &b : bad) {
            const auto e = scoreError(b.instrument, b.answers);
            const QString label = u"%1 item %2"_s.arg(QString::fromLatin1(b.instrument)).arg(b.item);
            QVERIFY2(e, qPrintable(label + u" accepted"_s));
            QCOMPARE(kindName(e->kind()), u"io"_s);
            QVERIFY2(namesItem(*e, b.item), qPrintable(label + u": "_s + e->why()));
        }
        // Unknown instrument: a usage error.
        const auto unknown = scoreError("bdi", {0, 0, 0});
        QVERIFY(unknown);
        QCOMPARE(kindName(unknown->kind()), u"usage"_s);
        QVERIFY(!model::findInstrument(u"bdi"_s));
    }

    void parseAnswersRefusesGaps()
    {
        QCOMPARE(model::parseAnswers(u"phq9"_s, u"0,1,2,3,0,1,2,3,0"_s), (QList<int>{0, 1, 2, 3, 0, 1, 2, 3, 0}));
        const auto parseError = [](const char *instrument, const char *text) {
            return errorFrom([&] {
                static_cast<void>(model::parseAnswers(QString::fromLatin1(instrument), QString::fromLatin1(text)));
            });
        };
        struct Bad
        {
            const char *text;
            int item;
        };
        for (const Bad &b : {Bad{"1,,2", 2}, Bad{"1,2,", 3}, Bad{",1", 1}, Bad{"1,x,2", 2}, Bad{"1,2.5", 2}}) {
            const auto e = parseError("phq9", b.text);
            QVERIFY2(e, b.text);
            QCOMPARE(kindName(e->kind()), u"io"_s);
            QVERIFY2(namesItem(*e, b.item), qPrintable(QString::fromLatin1(b.text) + u": "_s + e->why()));
        }
        const auto unknown = parseError("bdi", "1,2");
        QVERIFY(unknown);
        QCOMPARE(kindName(unknown->kind()), u"usage"_s);
    }

    void measuresInTheReport()
    {
        // winter()'s range is 2025-01-01 .. 2025-04-30; the 2024-12-20 PHQ-9 and the 2025-05-02
        // AUDIT are outside it. Given out of order; listed per instrument in date order.
        auto history = winter();
        const auto measure = [](const char *date, const char *instrument, const QList<int> &answers, int total,
                                const char *band) {
            model::Measure m;
            m.clientId = 1;
            m.date = day(date);
            m.instrument = QString::fromLatin1(instrument);
            m.answers = answers;
            m.total = total;
            m.band = QString::fromLatin1(band);
            return m;
        };
        history.measures = {
            measure("2025-03-05", "phq9", {3, 3, 3, 0, 0, 0, 0, 0, 0}, 9, "mild"),
            measure("2024-12-20", "phq9", {3, 3, 3, 3, 3, 3, 2, 0, 0}, 20, "severe"),
            measure("2025-01-10", "gad7", {1, 1, 1, 1, 1, 0, 0}, 5, "mild"),
            measure("2025-05-02", "audit", {4, 4, 0, 0, 0, 0, 0, 0, 0, 0}, 8, "hazardous"),
            measure("2025-01-10", "phq9", {2, 2, 2, 2, 2, 2, 1, 1, 0}, 14, "moderate"),
        };
        const auto r = patterns::analyse(history, query(Bucketing::Month));
        QCOMPARE(describe(r.measures), (QStringList{
                                           u"gad7 2025-01-10 5 mild"_s,
                                           u"phq9 2025-01-10 14 moderate"_s,
                                           u"phq9 2025-03-05 9 mild"_s,
                                       }));
        // A narrower range keeps only what falls in it.
        const auto march = patterns::analyse(history, query(Bucketing::Month, "2025-02-01", "2025-03-31"));
        QCOMPARE(describe(march.measures), QStringList{u"phq9 2025-03-05 9 mild"_s});

        // Reliable change from the range's first score to its latest: PHQ-9 14 → 9 (two in the
        // range; −5, under the published 6 points, see reliablechangetest), GAD-7 once only: none.
        QVERIFY(r.reliableChange.size() == std::size_t(1));
        const model::ReliableChange &phq = r.reliableChange.at(u"phq9"_s);
        QCOMPARE(phq.from, 14);
        QCOMPARE(phq.to, 9);
        QVERIFY(phq.fromDate == day("2025-01-10"));
        QVERIFY(phq.toDate == day("2025-03-05"));
        QVERIFY(march.reliableChange.empty());
        // PCL-5 52 → 30: −22 / (√2 · 12.40 · √0.09) = −4.18, reliable and below 33.
        history.measures.append(measure("2025-01-20", "pcl5", QList<int>(20, 0), 52, "probable-ptsd"));
        history.measures.append(measure("2025-04-20", "pcl5", QList<int>(20, 0), 30, "below-cutoff"));
        const QJsonObject json = patterns::toJson(patterns::analyse(history, query(Bucketing::Month)), u"client"_s, u"C-1"_s);
        QCOMPARE(json.value(u"reliable_change"_s).toObject().value(u"pcl5"_s).toObject(),
                 (QJsonObject{{u"from"_s, 52},
                              {u"to"_s, 30},
                              {u"from_date"_s, u"2025-01-20"_s},
                              {u"to_date"_s, u"2025-04-20"_s},
                              {u"rci"_s, -4.18},
                              {u"verdict"_s, u"reliable-improvement"_s},
                              {u"clinically_significant"_s, true},
                              {u"method"_s, u"jacobson-truax"_s},
                              {u"threshold"_s, QJsonValue()},
                              {u"cut_off"_s, 33}}));
        QCOMPARE(json.value(u"reliable_change"_s).toObject().value(u"phq9"_s).toObject().value(u"verdict"_s).toString(),
                 u"no-reliable-change"_s);
        QCOMPARE(json.value(u"reliable_change"_s).toObject().value(u"phq9"_s).toObject().value(u"method"_s).toString(),
                 u"published-threshold"_s);
        // A caseload pools clients: no reliable change there.
        const QJsonObject caseload = patterns::toJson(patterns::analyseCaseload(QList<patterns::ClientHistory>{history},
                                                                                query(Bucketing::Month)),
                                                      u"caseload"_s, u"all"_s);
        QVERIFY(!caseload.contains(u"reliable_change"_s));
    }

    // ---- JSON

    void jsonShape()
    {
        // C-0142: 01-07 {abandonment ×2, substance-use}, 01-14 {abandonment}, 01-21 no-show,
        // 02-04 {substance-use}; PHQ-9 on 01-07 = 14, moderate.
        // Range 2025-01-01 .. 2025-02-28. Attended N = 3 (recurrence last 3).
        // Co-occurrence: abandonment+substance-use in 01-07 only: lift 1·3/(2·2) = 0.75.
        // Lead–lag: base rate of use over s1, s2 = 1/2 = 0.5; abandonment t 0, 1 → s1 no, s2 yes:
        // 1 of 2. Tests (findingstest): Fisher p = 1 (with 2 and 2 of 3 sessions they must meet
        // once), binomial p = 1 − 0.5² = 0.75; a family of 2: q = min(2·0.75/1, 2·1/2) = 1 for both.
        // Trends: n = 3 → stable. Gaps 01-07 → 01-14 = 7, 01-14 → 02-04 = 17 + 4 = 21.
        auto history = client({
            session(1, "2025-01-07", {{"abandonment", 2}, {"substance-use", 1}}),
            session(2, "2025-01-14", {{"abandonment", 1}}),
            session(3, "2025-01-21", {}, Attendance::NoShow),
            session(4, "2025-02-04", {{"substance-use", 1}}),
        });
        model::Measure phq;
        phq.clientId = 1;
        phq.date = day("2025-01-07");
        phq.instrument = u"phq9"_s;
        phq.answers = {2, 2, 2, 2, 2, 2, 1, 1, 0};
        phq.total = 14;
        phq.band = u"moderate"_s;
        history.measures = {phq};
        const QJsonObject json = patterns::toJson(patterns::analyse(history, query(Bucketing::Month)), u"client"_s,
                                                  u"C-0142"_s);
        const QJsonObject expected = parseJson(R"({
            "client": "C-0142", "by": "month", "from": "2025-01-01", "to": "2025-02-28",
            "buckets": [
                {"start": "2025-01-01", "end": "2025-01-31", "sessions": 2,
                 "themes": {"abandonment": {"sessions": 2, "hits": 3}, "substance-use": {"sessions": 1, "hits": 1}}},
                {"start": "2025-02-01", "end": "2025-02-28", "sessions": 1,
                 "themes": {"substance-use": {"sessions": 1, "hits": 1}}}
            ],
            "summary": {
                "abandonment": {"first_seen": "2025-01-07", "last_seen": "2025-01-14", "sessions": 2,
                                "recurrence": {"last": 3, "in": 2}, "trend": "stable"},
                "substance-use": {"first_seen": "2025-01-07", "last_seen": "2025-02-04", "sessions": 2,
                                  "recurrence": {"last": 3, "in": 2}, "trend": "stable"}
            },
            "cooccurrence": [{"a": "abandonment", "b": "substance-use", "sessions": 1, "lift": 0.75,
                              "p": 1, "q": 1, "shown": false}],
            "leadlag": [{"theme": "abandonment", "followed_by": "substance-use", "count": 1, "of": 2,
                         "base_rate": 0.5, "p": 0.75, "q": 1, "shown": false}],
            "tested": 2,
            "measures": {"phq9": [{"date": "2025-01-07", "total": 14, "band": "moderate"}]},
            "attendance": {"attended": 3, "missed": 1, "gaps_days": [7, 21], "longest_gap_days": 21},
            "reliable_change": {}
        })");
        QVERIFY(!expected.isEmpty());
        // Compact text: key names, value types (string, number, array, object, null) and values.
        QCOMPARE(compact(json), compact(expected));
        QVERIFY(json.value(u"buckets"_s).isArray());
        QVERIFY(json.value(u"buckets"_s).toArray().at(0).toObject().value(u"sessions"_s).isDouble());
        QVERIFY(json.value(u"leadlag"_s).toArray().at(0).toObject().value(u"base_rate"_s).isDouble());

        // A client with no sessions and no range: null from/to, empty lists.
        const QJsonObject empty = patterns::toJson(patterns::analyse(client({}, u"C-0001"_s), query(Bucketing::Week)),
                                                   u"client"_s, u"C-0001"_s);
        QCOMPARE(compact(empty), compact(parseJson(R"({
            "client": "C-0001", "by": "week", "from": null, "to": null, "buckets": [], "summary": {},
            "cooccurrence": [], "leadlag": [], "tested": 0, "measures": {},
            "attendance": {"attended": 0, "missed": 0, "gaps_days": [], "longest_gap_days": 0},
            "reliable_change": {}
        })")));
    }

    // ---- through a real vault

    void vaultRejectedHitsProcessNotesAndMissedSessions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"v"_s);
        const auto alicePass = SecretBuffer::copyOf(std::string_view("patterns test passphrase"));
        const auto bobPass = SecretBuffer::copyOf(std::string_view("bob's patterns passphrase"));
        auto store = vault::Vault::create(path, u"alice"_s, alicePass, model::Role::Therapist,
                                          vault::KdfCost::testOnly())
                         .vault;
        for (const char *code : {"C-0142", "C-0200", "C-0300"}) {
            model::Client c;
            c.code = QString::fromLatin1(code);
            c.displayName = u"Patterns Client"_s;
            store->clients().add(c);
        }
        store->addUser(u"bob"_s, model::Role::Therapist, bobPass, vault::KdfCost::testOnly());
        const auto addSession = [&](const char *code, const char *date, Attendance attendance, model::NoteKind kind,
                                    const char *text) {
            model::Session s;
            s.date = day(date);
            s.attendees.append({0, QString::fromLatin1(code), attendance});
            return store->notes().addSession(s, u"free"_s, kind, {{u"Note"_s, QString::fromLatin1(text)}}).notes.first();
        };
        const auto tags = [&](model::Id note, const QString &theme) {
            QList<model::ThemeTag> out;
            for (const auto &t : store->tagging().tags(note))
                if (t.theme == theme)
                    out.append(t);
            return out;
        };
        using model::NoteKind;
        // S1: abandonment ×2 ("abandoned", "partner left"), relationship-conflict ("partner
        // left"), substance-use ("drank"). S2: low-self-worth ("worthless"). S3: alice's process
        // note, anxiety ("anxious"). S4: a no-show whose note mentions use. S5: late, abandonment.
        const auto s1 = addSession("C-0142", "2025-01-07", Attendance::Attended, NoteKind::Progress,
                                   "Pt reports feeling abandoned since her partner left. "
                                   "She drank heavily at the weekend.");
        const auto s2 =
            addSession("C-0142", "2025-01-14", Attendance::Attended, NoteKind::Progress, "Pt feels worthless.");
        addSession("C-0142", "2025-01-21", Attendance::Attended, NoteKind::Process, "Pt felt anxious at work.");
        addSession("C-0142", "2025-01-28", Attendance::NoShow, NoteKind::Progress,
                   "Did not attend. She drank heavily at the weekend.");
        const auto s5 = addSession("C-0142", "2025-02-04", Attendance::Late, NoteKind::Progress, "She felt abandoned.");
        addSession("C-0300", "2025-02-05", Attendance::Attended, NoteKind::Progress, "She felt abandoned.");
        store->notes().sign(s5); // signed notes count as drafts do
        // The tagger's view, the precondition of everything below.
        QCOMPARE(tags(s1, abandonment).size(), 2);
        QCOMPARE(tags(s1, relationshipConflict).size(), 1);
        QCOMPARE(tags(s1, substanceUse).size(), 1);
        QCOMPARE(tags(s2, lowSelfWorth).size(), 1);

        // Bob's process note on C-0142 (S6) and his progress note on C-0200.
        const model::Id aliceId = store->currentUser().id;
        store.reset();
        store = vault::Vault::open(path, u"bob"_s, bobPass);
        const model::Id bobId = store->currentUser().id;
        QVERIFY(bobId != aliceId);
        addSession("C-0142", "2025-02-11", Attendance::Attended, NoteKind::Process, "Pt felt anxious at work.");
        addSession("C-0200", "2025-02-12", Attendance::Attended, NoteKind::Progress, "Pt felt anxious at work.");
        store.reset();
        store = vault::Vault::open(path, u"alice"_s, alicePass);

        // Before any decision. Attended: 01-07, 01-14, 01-21 (process note only), 02-04 (late),
        // 02-11 (bob's process note only) = 5; missed: the 01-28 no-show.
        // January: 3 sessions; abandonment 1 session 2 hits; low-self-worth, relationship-conflict,
        // substance-use 1/1 (the no-show's use is not counted). February: 2 sessions, abandonment 1/1.
        auto history = store->histories().client(u"C-0142"_s);
        QCOMPARE(history.clientCode, u"C-0142"_s);
        QCOMPARE(history.sessions.size(), 6);
        auto r = patterns::analyse(history, query(Bucketing::Month));
        QCOMPARE(describe(r.buckets),
                 (QStringList{u"2025-01-01..2025-01-31 sessions=3 abandonment=1/2 low-self-worth=1/1 "
                              u"relationship-conflict=1/1 substance-use=1/1"_s,
                              u"2025-02-01..2025-02-28 sessions=2 abandonment=1/1"_s}));
        // Gaps 01-07 → 01-14 → 01-21 = 7, 7; 01-21 → 02-04 = 14; 02-04 → 02-11 = 7.
        QCOMPARE(describe(r.attendance), u"attended=5 missed=1 gaps=[7,7,14,7] longest=14"_s);

        // Reject one of S1's two abandonment hits and S2's only low-self-worth hit.
        store->tagging().decide(tags(s1, abandonment).first().id, model::TagDecision::Rejected);
        store->tagging().decide(tags(s2, lowSelfWorth).first().id, model::TagDecision::Rejected);
        r = patterns::analyse(store->histories().client(u"C-0142"_s), query(Bucketing::Month));
        QCOMPARE(describe(r.buckets),
                 (QStringList{u"2025-01-01..2025-01-31 sessions=3 abandonment=1/1 relationship-conflict=1/1 "
                              u"substance-use=1/1"_s,
                              u"2025-02-01..2025-02-28 sessions=2 abandonment=1/1"_s}));
        QVERIFY(r.summary.find(lowSelfWorth) == r.summary.end());
        // Rejecting the other one too: S1 no longer raises abandonment.
        store->tagging().decide(tags(s1, abandonment).at(1).id, model::TagDecision::Rejected);
        r = patterns::analyse(store->histories().client(u"C-0142"_s), query(Bucketing::Month));
        QCOMPARE(describe(r.summary),
                 (QStringList{
                     u"abandonment first=2025-02-04 last=2025-02-04 sessions=1 in 1 of last 5 stable"_s,
                     u"relationship-conflict first=2025-01-07 last=2025-01-07 sessions=1 in 1 of last 5 stable"_s,
                     u"substance-use first=2025-01-07 last=2025-01-07 sessions=1 in 1 of last 5 stable"_s,
                 }));

        // Process notes only when asked for, and only alice's own: S3's anxiety, not bob's S6.
        r = patterns::analyse(store->histories().client(u"C-0142"_s, true), query(Bucketing::Month));
        QCOMPARE(describe(r.buckets),
                 (QStringList{u"2025-01-01..2025-01-31 sessions=3 anxiety=1/1 relationship-conflict=1/1 "
                              u"substance-use=1/1"_s,
                              u"2025-02-01..2025-02-28 sessions=2 abandonment=1/1"_s}));

        // The caseload: every client; bob's holds C-0200 (his note), not C-0300 (alice's only).
        QStringList codes;
        for (const auto &c : store->histories().caseload().perClient())
            codes.append(c.clientCode);
        codes.sort();
        QCOMPARE(codes, (QStringList{u"C-0142"_s, u"C-0200"_s, u"C-0300"_s}));
        codes.clear();
        for (const auto &c : store->histories().caseload(bobId).perClient())
            codes.append(c.clientCode);
        QVERIFY(codes.contains(u"C-0200"_s));
        QVERIFY(!codes.contains(u"C-0300"_s));
    }

    void vaultMeasures()
    {
        QTemporaryDir dir;
        auto store = vault::Vault::create(dir.filePath(u"v"_s), u"alice"_s,
                                          SecretBuffer::copyOf(std::string_view("measures test passphrase")),
                                          model::Role::Therapist, vault::KdfCost::testOnly())
                         .vault;
        model::Client c;
        c.code = u"C-0142"_s;
        c.displayName = u"Measures Client"_s;
        store->clients().add(c);
        model::Session s;
        s.date = day("2025-01-07");
        s.attendees.append({0, c.code, Attendance::Attended});
        store->notes().addSession(s, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, u"She felt abandoned."_s}});

        // 2+2+2+2+2+2+1+1+0 = 14 → moderate; AUDIT-C 1+1+1 = 3 → positive-women.
        store->measures().add(c.code, day("2025-01-07"), u"phq9"_s, {2, 2, 2, 2, 2, 2, 1, 1, 0});
        store->measures().add(c.code, day("2025-01-20"), u"auditc"_s, {1, 1, 1});
        // Refused, and nothing stored: wrong count, out of range, AUDIT item 9 = 1, unknown
        // instrument, unknown client.
        const auto add = [&](const QString &code, const char *instrument, const QList<int> &answers) {
            return thrownKind([&] {
                store->measures().add(code, day("2025-01-10"), QString::fromLatin1(instrument), answers);
            });
        };
        QCOMPARE(add(c.code, "phq9", {2, 2, 2, 2, 2, 2, 1, 1}), u"io"_s);
        QCOMPARE(add(c.code, "phq9", {2, 2, 2, 2, 2, 2, 1, 1, 4}), u"io"_s);
        QCOMPARE(add(c.code, "audit", {0, 0, 0, 0, 0, 0, 0, 0, 1, 0}), u"io"_s);
        QCOMPARE(add(c.code, "bdi", {0, 0, 0}), u"usage"_s);
        QCOMPARE(add(u"C-9999"_s, "phq9", {0, 0, 0, 0, 0, 0, 0, 0, 0}), u"usage"_s);
        const auto stored = store->measures().forClient(c.code);
        QCOMPARE(stored.size(), 2);
        QCOMPARE(stored.at(0).total, 14);
        QCOMPARE(stored.at(0).band, u"moderate"_s);
        QCOMPARE(stored.at(0).answers, (QList<int>{2, 2, 2, 2, 2, 2, 1, 1, 0}));

        // In the report, on the theme buckets' time axis: range 2025-01-01 .. 2025-01-31.
        const auto history = store->histories().client(c.code);
        QCOMPARE(history.measures.size(), 2);
        const auto r = patterns::analyse(history, query(Bucketing::Month));
        QCOMPARE(describe(r.measures),
                 (QStringList{u"auditc 2025-01-20 3 positive-women"_s, u"phq9 2025-01-07 14 moderate"_s}));
        QCOMPARE(describe(r.buckets), QStringList{u"2025-01-01..2025-01-31 sessions=1 abandonment=1/1"_s});
    }
};

QTEST_GUILESS_MAIN(PatternsTest)
#include "patternstest.moc"
