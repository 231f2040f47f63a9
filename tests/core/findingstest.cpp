// SPDX-License-Identifier: GPL-3.0-or-later
// Findings (docs/patterns.md, "Findings"): the exact tests against figures worked out by hand, the
// Benjamini–Hochberg adjustment, the rules that decide what a clinician is shown, the ranking, the
// pairs that are never tested, the plain-words sentences and the JSON keys. Histories are built
// as values: no vault.
#include "patterns/findings.h"
#include "patterns/patterns.h"
#include "patterns/stats.h"
#include "themes/codebook.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <set>

using namespace uc;
using namespace Qt::StringLiterals;
using patterns::Verdict;

// Doubles with a relative tolerance, naming both values when they differ.
#define UC_COMPARE_REL(actual, expected, relative)                                                                     \
    do {                                                                                                               \
        const double ucActual = (actual);                                                                              \
        const double ucExpected = (expected);                                                                          \
        if (!(std::abs(ucActual - ucExpected) <= (relative) * std::abs(ucExpected))) {                                 \
            QFAIL(qPrintable(u"%1 is %2, expected %3"_s.arg(QLatin1String(#actual))                                \
                                 .arg(ucActual, 0, 'g', 17)                                                            \
                                 .arg(ucExpected, 0, 'g', 17)));                                                       \
        }                                                                                                              \
    } while (false)

namespace {

const QString abandonment = u"abandonment"_s;
const QString relapse = u"relapse"_s;
const QString substanceUse = u"substance-use"_s;
const QString drivenUse = u"abandonment-driven-use"_s;

model::Date firstDay()
{
    return *model::parseDate(u"2025-01-01"_s);
}

// One attended session a day from 2025-01-01, session i raising themes[i].
patterns::ClientHistory daily(const QList<QStringList> &themes, model::Id firstId = 1)
{
    patterns::ClientHistory c;
    c.clientId = 1;
    c.clientCode = u"C-0142"_s;
    for (qsizetype i = 0; i < themes.size(); ++i) {
        patterns::SessionThemes s;
        s.sessionId = firstId + i;
        s.date = firstDay() + boost::gregorian::days(static_cast<long>(i));
        for (const QString &theme : themes[i])
            s.themes[theme] = 1;
        c.sessions.append(s);
    }
    return c;
}

patterns::Query monthly()
{
    patterns::Query q;
    q.by = patterns::Bucketing::Month;
    return q;
}

const patterns::Cooccurrence *pairOf(const patterns::Report &r, const QString &a, const QString &b)
{
    const auto it = std::find_if(r.cooccurrence.begin(), r.cooccurrence.end(),
                                 [&](const patterns::Cooccurrence &c) { return c.a == a && c.b == b; });
    return it == r.cooccurrence.end() ? nullptr : &*it;
}

const patterns::LeadLag *leadOf(const patterns::Report &r, const QString &theme, const QString &followedBy)
{
    const auto it = std::find_if(r.leadLag.begin(), r.leadLag.end(), [&](const patterns::LeadLag &l) {
        return l.theme == theme && l.followedBy == followedBy;
    });
    return it == r.leadLag.end() ? nullptr : &*it;
}

// Anger and shame-guilt in 4 of 20 sessions each, together in 3; with `lone`, four more themes
// each raised once on its own (they co-occur with nothing, yet every pair they form was tested).
patterns::ClientHistory angerAndShame(bool lone)
{
    QList<QStringList> days(20);
    days[0] = days[1] = days[2] = {u"anger"_s, u"shame-guilt"_s};
    days[3] = {u"anger"_s};
    days[4] = {u"shame-guilt"_s};
    if (lone) {
        days[10] = {u"grief-loss"_s};
        days[11] = {u"trauma"_s};
        days[12] = {u"coping"_s};
        days[13] = {u"loneliness"_s};
    }
    return daily(days);
}

// 81 sessions s0..s80, built so that:
//   abandonment  at s0, s6, …, s72 (13 sessions, all with a next one);
//   relapse      at s1, s7, …, s67: right after the first 12 of them, never elsewhere;
//                → abandonment before relapse 12 of 13; base rate 12/80 = 15%;
//   substance-use at every s1..s80 not divisible by 4: 60 of 80, base rate 75%;
//   craving      at s1, s2, s5, s9, s13, s17: each next session (2, 3, 6, 10, 14, 18) has use, none
//                relapse: 6 of 6 before use;
//   loneliness   at s12, s24: next s13, s25 have relapse and use: 2 of 2 before each.
patterns::ClientHistory precursorStory()
{
    QList<QStringList> days(81);
    for (int i = 0; i <= 80; ++i) {
        if (i % 6 == 0 && i <= 72)
            days[i].append(abandonment);
        if (i % 6 == 1 && i <= 67)
            days[i].append(relapse);
        if (i >= 1 && i % 4 != 0)
            days[i].append(substanceUse);
        if (i == 1 || i == 2 || i == 5 || i == 9 || i == 13 || i == 17)
            days[i].append(u"craving"_s);
        if (i == 12 || i == 24)
            days[i].append(u"loneliness"_s);
    }
    return daily(days);
}

} // namespace

class FindingsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ---- the exact tests

    void fisherByHand()
    {
        // N = 10 sessions, a in 5, b in 4, together in 3. One-sided: P(X ≥ 3), X hypergeometric:
        //   P(3) = C(5,3)·C(5,1) / C(10,4) = 10·5 / 210 = 50/210
        //   P(4) = C(5,4)·C(5,0) / C(10,4) =  5·1 / 210 =  5/210
        //   p = 55/210 = 11/42 = 0.261904…
        UC_COMPARE_REL(patterns::stats::fisherGreater(3, 5, 4, 10), 11.0 / 42.0, 1e-12);
        // The same table the other way round (b's margin first) is the same test.
        UC_COMPARE_REL(patterns::stats::fisherGreater(3, 4, 5, 10), 11.0 / 42.0, 1e-12);
        // N = 20, 4 and 4, together 3: (C(4,3)·C(16,1) + C(4,4)·C(16,0)) / C(20,4) = (64 + 1)/4845 = 13/969.
        UC_COMPARE_REL(patterns::stats::fisherGreater(3, 4, 4, 20), 13.0 / 969.0, 1e-12);
        // Below the mean (4·5/10 = 2 here): 1 − P(X ≤ 1), P(0) = C(5,0)·C(5,4)/210 = 5/210,
        // P(1) = C(5,1)·C(5,3)/210 = 50/210 → p = 155/210.
        UC_COMPARE_REL(patterns::stats::fisherGreater(2, 5, 4, 10), 155.0 / 210.0, 1e-12);
        // At or below the least overlap the margins allow (5 + 4 − 8 = 1 here): certain.
        QCOMPARE(patterns::stats::fisherGreater(1, 5, 4, 8), 1.0);
        QCOMPARE(patterns::stats::fisherGreater(0, 5, 4, 10), 1.0);
        // Beyond the smaller margin: impossible.
        QCOMPARE(patterns::stats::fisherGreater(5, 5, 4, 10), 0.0);
        // Counts that make no table are no evidence.
        QCOMPARE(patterns::stats::fisherGreater(1, 3, 2, 0), 1.0);
        QCOMPARE(patterns::stats::fisherGreater(1, 12, 2, 10), 1.0);
    }

    void fisherStaysExactForLongHistories()
    {
        // Reference values summed exactly (Python fractions and mpmath at 60 digits).
        UC_COMPARE_REL(patterns::stats::fisherGreater(25, 60, 50, 240), 1.2860850489528918e-05, 1e-9);
        UC_COMPARE_REL(patterns::stats::fisherGreater(10, 60, 50, 240), 0.8656119891157109, 1e-9);
        UC_COMPARE_REL(patterns::stats::fisherGreater(60, 120, 150, 400), 0.0005876331086365863, 1e-9);
        // A caseload pooled over 100,000 client-sessions.
        UC_COMPARE_REL(patterns::stats::fisherGreater(5300, 20000, 25000, 100000), 2.6250356376915560172e-8, 1e-9);
        UC_COMPARE_REL(patterns::stats::fisherGreater(4950, 20000, 25000, 100000), 0.82170000438275141555, 1e-9);
    }

    void binomialByHand()
    {
        // 3 of 4 against a base rate of 1/4: P(K ≥ 3) = C(4,3)·(1/4)³·(3/4) + (1/4)⁴
        //   = 4·3/256 + 1/256 = 13/256 = 0.05078125.
        UC_COMPARE_REL(patterns::stats::binomialGreater(3, 4, 0.25), 13.0 / 256.0, 1e-12);
        // 12 of 13 against 15%: 13·0.15¹²·0.85 + 0.15¹³ = 0.15¹²·(11.05 + 0.15) = 0.15¹²·11.2
        //   = 1.29746337890625e-10 · 11.2 = 1.453158984375e-9.
        UC_COMPARE_REL(patterns::stats::binomialGreater(12, 13, 0.15), 1.453158984375e-9, 1e-9);
        // 6 of 6 and 2 of 2 against 75%: 0.75⁶ = 0.177978515625, 0.75² = 0.5625.
        UC_COMPARE_REL(patterns::stats::binomialGreater(6, 6, 0.75), 0.177978515625, 1e-12);
        UC_COMPARE_REL(patterns::stats::binomialGreater(2, 2, 0.75), 0.5625, 1e-12);
        // Below the mean: 1 of 4 against 1/2 is 1 − (1/2)⁴ = 15/16.
        UC_COMPARE_REL(patterns::stats::binomialGreater(1, 4, 0.5), 15.0 / 16.0, 1e-12);
        // Edges: nothing to beat, a rate of 0 or 1, more successes than trials.
        QCOMPARE(patterns::stats::binomialGreater(0, 5, 0.3), 1.0);
        QCOMPARE(patterns::stats::binomialGreater(1, 5, 0.0), 0.0);
        QCOMPARE(patterns::stats::binomialGreater(5, 5, 1.0), 1.0);
        QCOMPARE(patterns::stats::binomialGreater(6, 5, 0.3), 0.0);
        // Long histories, against exact sums (mpmath, 60 digits).
        UC_COMPARE_REL(patterns::stats::binomialGreater(150, 400, 0.3), 0.0007887170383214376, 1e-9);
        UC_COMPARE_REL(patterns::stats::binomialGreater(100, 400, 0.3), 0.9883776253953748, 1e-9);
        UC_COMPARE_REL(patterns::stats::binomialGreater(3200, 10000, 0.3), 7.5106837964269015572e-6, 1e-9);
        UC_COMPARE_REL(patterns::stats::binomialGreater(2950, 10000, 0.3), 0.86483849131398821695, 1e-9);
    }

    void benjaminiHochbergByHand()
    {
        // p = (0.01, 0.04, 0.03, 0.005, 0.20), m = 5. Sorted: 0.005 0.01 0.03 0.04 0.20;
        // m·p(j)/j = 0.025 0.025 0.05 0.05 0.20; the running minimum from the top changes nothing.
        const std::vector<double> p{0.01, 0.04, 0.03, 0.005, 0.20};
        const std::vector<double> q = patterns::stats::benjaminiHochberg(p, 5);
        const std::vector<double> expected{0.025, 0.05, 0.05, 0.025, 0.20};
        QCOMPARE(q.size(), expected.size());
        for (std::size_t i = 0; i < q.size(); ++i)
            UC_COMPARE_REL(q[i], expected[i], 1e-12);
        // The same five in a family of ten (five more tested with p = 1): every m·p/j doubles.
        const std::vector<double> ten = patterns::stats::benjaminiHochberg(p, 10);
        for (std::size_t i = 0; i < q.size(); ++i)
            UC_COMPARE_REL(ten[i], 2 * expected[i], 1e-12);
        // Step-up: p = (0.001, 0.03, 0.028, 0.9), m = 4. m·p/j = 0.004, 0.056 (0.028, rank 2),
        // 0.04 (0.03, rank 3), 0.9. 0.028 takes the smaller 0.04 from the rank above it, so q never
        // falls as p rises.
        const std::vector<double> stepUp = patterns::stats::benjaminiHochberg({0.001, 0.03, 0.028, 0.9}, 4);
        UC_COMPARE_REL(stepUp[0], 0.004, 1e-12);
        UC_COMPARE_REL(stepUp[1], 0.04, 1e-12);
        UC_COMPARE_REL(stepUp[2], 0.04, 1e-12);
        UC_COMPARE_REL(stepUp[3], 0.9, 1e-12);
        // Capped at 1: 0.6·4/1 = 2.4, 0.7·4/2 = 1.4.
        QCOMPARE(patterns::stats::benjaminiHochberg({0.6, 0.7}, 4), (std::vector<double>{1.0, 1.0}));
        // A family smaller than the list counts as the list.
        QCOMPARE(patterns::stats::benjaminiHochberg({0.01, 0.02}, 0), (std::vector<double>{0.02, 0.02}));
        QVERIFY(patterns::stats::benjaminiHochberg({}, 3).empty());
    }

    // ---- the rules

    void naiveThresholdShowsWhatBenjaminiHochbergDoesNot()
    {
        // Anger and shame-guilt: 3 of 20 sessions together, 4 each: p = 13/969 = 0.0134 (by hand
        // above), below a naive 0.05. The four lone themes make six themes raised: C(6,2) = 15
        // pairs tested, 14 of them never together (p = 1). q = 15·13/969 = 0.201: not shown.
        const patterns::Report crowded = patterns::analyse(angerAndShame(true), monthly());
        QCOMPARE(crowded.tested, 15);
        QCOMPARE(crowded.cooccurrence.size(), 1);
        const patterns::Cooccurrence &pair = crowded.cooccurrence.front();
        QCOMPARE(pair.a, u"anger"_s);
        QCOMPARE(pair.b, u"shame-guilt"_s);
        QCOMPARE(pair.sessions, 3);
        QVERIFY(pair.p < 0.05);
        UC_COMPARE_REL(pair.p, 13.0 / 969.0, 1e-12);
        UC_COMPARE_REL(pair.q, 15.0 * 13.0 / 969.0, 1e-12);
        QVERIFY(!pair.shown);
        QCOMPARE(patterns::verdictOf(pair), Verdict::CouldBeChance);
        QCOMPARE(patterns::findingSentence(pair, themes::Codebook::builtin()),
                 u"Anger and shame and guilt were found together in 3 of 20 sessions, 3.8 times what chance would "
                 "give — could be chance (q = 0.21)."_s);

        // The same two themes with nothing else raised: one test, q = p, shown.
        const patterns::Report alone = patterns::analyse(angerAndShame(false), monthly());
        QCOMPARE(alone.tested, 1);
        QCOMPARE(alone.cooccurrence.size(), 1);
        UC_COMPARE_REL(alone.cooccurrence.front().q, 13.0 / 969.0, 1e-12);
        QVERIFY(alone.cooccurrence.front().shown);
    }

    void oneSessionTogetherIsNotAFinding()
    {
        // Four sessions: anxiety in two, coping in one of them. Lift 1·4/(2·1) = 2: "twice what
        // chance would give" from a single session. Fisher: P(X ≥ 1) = 2/4 = 0.5; and 1 < 3.
        const patterns::Report r =
            patterns::analyse(daily({{u"anxiety"_s, u"coping"_s}, {u"anxiety"_s}, {}, {}}), monthly());
        QCOMPARE(r.cooccurrence.size(), 1);
        const patterns::Cooccurrence &pair = r.cooccurrence.front();
        QCOMPARE(pair.lift, 2.0);
        UC_COMPARE_REL(pair.p, 0.5, 1e-12);
        QVERIFY(!pair.shown);
        QCOMPARE(patterns::verdictOf(pair), Verdict::TooFew);
        QCOMPARE(patterns::findingSentence(pair, themes::Codebook::builtin()),
                 u"Anxiety and coping were found together in 1 of 4 sessions, 2.0 times what chance would give — too "
                 "few sessions to tell."_s);
    }

    void minimumSupportAndDirection()
    {
        patterns::LeadLag l;
        l.theme = abandonment;
        l.followedBy = relapse;
        l.followers = 1;
        l.transitions = 100; // base rate 1%
        l.q = 0.001;
        l.count = l.of = 2;
        QCOMPARE(patterns::verdictOf(l), Verdict::TooFew); // 2 of 2, however unlikely by chance
        l.count = l.of = 3;
        QCOMPARE(patterns::verdictOf(l), Verdict::Shown); // 3 of 3
        l.q = 0.0500001;
        QCOMPARE(patterns::verdictOf(l), Verdict::CouldBeChance);
        l.q = 0.05;
        QCOMPARE(patterns::verdictOf(l), Verdict::Shown); // q ≤ 0.05
        // 3 of 10 against a base rate of 30 of 100: not above it, whatever q says.
        l.count = 3;
        l.of = 10;
        l.followers = 30;
        QCOMPARE(patterns::verdictOf(l), Verdict::NotAbove);
        l.followers = 29;
        QCOMPARE(patterns::verdictOf(l), Verdict::Shown);

        patterns::Cooccurrence c;
        c.sessions = 3;
        c.sessionsA = 6;
        c.sessionsB = 10;
        c.total = 20; // lift 3·20/60 = 1: chance
        c.q = 0.01;
        QCOMPARE(patterns::verdictOf(c), Verdict::NotAbove);
        c.sessionsB = 9; // lift 60/54
        QCOMPARE(patterns::verdictOf(c), Verdict::Shown);
        c.sessions = 2;
        QCOMPARE(patterns::verdictOf(c), Verdict::TooFew);
    }

    // ---- ranking

    void strongestEvidenceFirst()
    {
        // By share, 6 of 6 and 2 of 2 (100%) come before 12 of 13 (92%). Against their base rates:
        // craving 6 of 6 before use (75%) has p = 0.75⁶ = 0.178 and loneliness 2 of 2 before relapse
        // (15%) p = 0.15² = 0.0225 (below a naive 0.05, but only two sessions), while 12 of 13
        // before relapse against 15% has p = 1.45e-9 (by hand above).
        const patterns::Report r = patterns::analyse(precursorStory(), monthly());
        QVERIFY(!r.leadLag.isEmpty());
        const patterns::LeadLag &top = r.leadLag.front();
        QCOMPARE(top.theme, abandonment);
        QCOMPARE(top.followedBy, relapse);
        QCOMPARE(top.count, 12);
        QCOMPARE(top.of, 13);
        QCOMPARE(top.followers, 12);
        QCOMPARE(top.transitions, 80);
        QCOMPARE(top.baseRate, 0.15);
        UC_COMPARE_REL(top.p, 1.453158984375e-9, 1e-9);
        QVERIFY(top.shown);
        QCOMPARE(patterns::findingSentence(top, themes::Codebook::builtin()),
                 u"Abandonment came before lapse or relapse in 12 of the 13 sessions that had a next session, against "
                 "15% of all sessions — unlikely to be chance (q < 0.001)."_s);

        const patterns::LeadLag *craving = leadOf(r, u"craving"_s, substanceUse);
        const patterns::LeadLag *loneliness = leadOf(r, u"loneliness"_s, relapse);
        QVERIFY(craving && loneliness);
        QCOMPARE(craving->count, 6);
        QCOMPARE(craving->of, 6);
        UC_COMPARE_REL(craving->p, 0.177978515625, 1e-12);
        QVERIFY(!craving->shown);
        QCOMPARE(patterns::verdictOf(*craving), Verdict::CouldBeChance);
        QCOMPARE(loneliness->count, 2);
        QCOMPARE(loneliness->of, 2);
        UC_COMPARE_REL(loneliness->p, 0.0225, 1e-12);
        QVERIFY(loneliness->q > 0.05 && !loneliness->shown);
        QCOMPARE(patterns::verdictOf(*loneliness), Verdict::TooFew);
        QVERIFY(craving > &top && loneliness > &top); // later in the list

        // The family: five themes raised → 10 pairs; lead–lag: 4 predictors for each target.
        QCOMPARE(r.tested, 18);
        // Both lists: shown first, then q, then p, never out of order.
        const auto ordered = [](const auto &list) {
            for (qsizetype i = 1; i < list.size(); ++i) {
                const auto &x = list[i - 1];
                const auto &y = list[i];
                if (x.shown != y.shown ? !x.shown : (x.q > y.q || (x.q == y.q && x.p > y.p)))
                    return false;
            }
            return true;
        };
        QVERIFY(ordered(r.leadLag));
        QVERIFY(ordered(r.cooccurrence));
    }

    void tiesGoToTheLargerCountThenTheThemeId()
    {
        // Every pair here is at the least overlap its margins allow: p = 1, q = 1.
        patterns::Report r;
        const auto pair = [](const char *a, const char *b, int sessions, int na, int nb, int total) {
            patterns::Cooccurrence c;
            c.a = QString::fromLatin1(a);
            c.b = QString::fromLatin1(b);
            c.sessions = sessions;
            c.sessionsA = na;
            c.sessionsB = nb;
            c.total = total;
            return c;
        };
        r.cooccurrence = {pair("anger", "coping", 1, 2, 2, 3), pair("anger", "anxiety", 1, 2, 2, 3),
                          pair("trauma", "zeal", 2, 2, 3, 3)};
        const auto lead = [](const char *theme, const char *target, int count, int of) {
            patterns::LeadLag l;
            l.theme = QString::fromLatin1(theme);
            l.followedBy = QString::fromLatin1(target);
            l.count = count;
            l.of = of;
            l.followers = l.transitions = 10; // base rate 1: p = 1
            return l;
        };
        r.leadLag = {lead("craving", "substance-use", 1, 1), lead("anger", "substance-use", 1, 1),
                     lead("anger", "relapse", 1, 1), lead("trauma", "relapse", 3, 3)};
        patterns::assess(r);
        QStringList co;
        for (const auto &c : r.cooccurrence)
            co.append(u"%1+%2 p=%3 q=%4"_s.arg(c.a, c.b).arg(c.p).arg(c.q));
        QCOMPARE(co, (QStringList{u"trauma+zeal p=1 q=1"_s, u"anger+anxiety p=1 q=1"_s, u"anger+coping p=1 q=1"_s}));
        QStringList ll;
        for (const auto &l : r.leadLag)
            ll.append(u"%1>%2 p=%3 q=%4"_s.arg(l.theme, l.followedBy).arg(l.p).arg(l.q));
        QCOMPARE(ll, (QStringList{u"trauma>relapse p=1 q=1"_s, u"anger>relapse p=1 q=1"_s,
                                  u"anger>substance-use p=1 q=1"_s, u"craving>substance-use p=1 q=1"_s}));
        QCOMPARE(r.tested, 7); // at least what was listed
    }

    // ---- pairs never tested

    void circularPairsAreNeverTested()
    {
        // Six sessions: abandonment-driven use (with its parts, as the tagger raises it) in s0, s2,
        // s4; use in every next session s1, s3, s5; relapse in s1.
        const QStringList driven{drivenUse, abandonment, substanceUse};
        const auto history = daily({driven, {substanceUse, relapse}, driven, {substanceUse}, driven, {substanceUse}});
        const patterns::Report r = patterns::analyse(history, monthly());
        // Never a predictor of use or relapse; no theme before itself.
        for (const patterns::LeadLag &l : r.leadLag) {
            QVERIFY2(l.theme != drivenUse, qPrintable(l.theme + u" > "_s + l.followedBy));
            QVERIFY2(l.theme != l.followedBy, qPrintable(l.theme));
        }
        // Its driver before use is a real question, and is tested: s0, s2, s4 → use next: 3 of 3.
        const patterns::LeadLag *driver = leadOf(r, abandonment, substanceUse);
        QVERIFY(driver);
        QCOMPARE(driver->count, 3);
        // Not "found together" with its own driver or use; the driver and the use are.
        QVERIFY(!pairOf(r, abandonment, drivenUse));
        QVERIFY(!pairOf(r, drivenUse, substanceUse));
        QVERIFY(pairOf(r, abandonment, substanceUse));
        QVERIFY(pairOf(r, relapse, substanceUse));
        // Themes raised: abandonment, driven use, relapse, use → C(4,2) = 6 pairs less the 2 circular
        // = 4 (driven use + relapse, never together here, is one of them); lead–lag: before use,
        // abandonment and relapse (not driven use, not use itself); before relapse, abandonment and
        // use (not driven use, not relapse itself).
        QCOMPARE(r.tested, 4 + 2 + 2);

        // Without the codebook's links every pair is tested again: 2 more pairs, and driven use
        // before each target.
        patterns::Query none = monthly();
        none.driverLinks = QList<patterns::DriverLink>{};
        const patterns::Report naive = patterns::analyse(history, none);
        QCOMPARE(naive.tested, r.tested + 2 + 2);
        QVERIFY(pairOf(naive, abandonment, drivenUse));
        QVERIFY(leadOf(naive, drivenUse, substanceUse));

        // The set comes from the codebook: the built-in one's two, and a user's own link is honoured.
        QStringList builtin;
        for (const patterns::DriverLink &link : patterns::builtinDriverLinks())
            builtin.append(link.theme + u':' + link.driver + u'+' + link.use);
        builtin.sort();
        QCOMPARE(builtin, (QStringList{u"abandonment-driven-use:abandonment+substance-use"_s,
                                       u"anxiety-driven-use:anxiety+substance-use"_s}));
        QCOMPARE(patterns::driverLinksOf(themes::Codebook::builtin()).size(), 2);
        patterns::Query own = monthly();
        own.driverLinks = QList<patterns::DriverLink>{{u"loneliness-driven-use"_s, u"loneliness"_s, substanceUse}};
        const auto lonely = daily({{u"loneliness-driven-use"_s, u"loneliness"_s, substanceUse}, {substanceUse}});
        QVERIFY(leadOf(patterns::analyse(lonely, monthly()), u"loneliness-driven-use"_s, substanceUse));
        const patterns::Report ownReport = patterns::analyse(lonely, own);
        QVERIFY(!leadOf(ownReport, u"loneliness-driven-use"_s, substanceUse));
        QVERIFY(!pairOf(ownReport, u"loneliness"_s, u"loneliness-driven-use"_s));
        QVERIFY(leadOf(ownReport, u"loneliness"_s, substanceUse));

        QVERIFY(patterns::circularLeadLag(relapse, relapse, {}));
        QVERIFY(!patterns::circularLeadLag(substanceUse, relapse, patterns::builtinDriverLinks()));
        QVERIFY(patterns::circularCooccurrence(substanceUse, drivenUse, patterns::builtinDriverLinks()));
        QVERIFY(!patterns::circularCooccurrence(relapse, drivenUse, patterns::builtinDriverLinks()));
    }

    // ---- caseload

    void caseloadPoolsClientsIntoOneFamily()
    {
        // Two clients, five sessions each, anger with shame-guilt in their first two: 2 together
        // per client (too few for either), 4 of 10 pooled. Fisher over the pooled table: anger in 4,
        // shame-guilt in 4, together 4: p = C(4,4)·C(6,0)/C(10,4) = 1/210; one pair, q = p.
        auto one = daily({{u"anger"_s, u"shame-guilt"_s}, {u"anger"_s, u"shame-guilt"_s}, {}, {}, {}});
        auto two = daily({{u"anger"_s, u"shame-guilt"_s}, {u"anger"_s, u"shame-guilt"_s}, {}, {}, {}}, 100);
        two.clientId = 2;
        two.clientCode = u"C-0143"_s;
        QVERIFY(!patterns::analyse(one, monthly()).cooccurrence.front().shown);
        const patterns::Report pooled = patterns::analyseCaseload({one, two}, monthly());
        QCOMPARE(pooled.tested, 1);
        QCOMPARE(pooled.cooccurrence.size(), 1);
        QCOMPARE(pooled.cooccurrence.front().sessions, 4);
        QCOMPARE(pooled.cooccurrence.front().total, 10);
        UC_COMPARE_REL(pooled.cooccurrence.front().p, 1.0 / 210.0, 1e-12);
        UC_COMPARE_REL(pooled.cooccurrence.front().q, 1.0 / 210.0, 1e-12);
        QVERIFY(pooled.cooccurrence.front().shown);
    }

    // ---- words

    void sentencesSayItPlainly()
    {
        const themes::Codebook &book = themes::Codebook::builtin();
        patterns::LeadLag l;
        l.theme = abandonment;
        l.followedBy = relapse;
        l.count = 12;
        l.of = 13;
        l.followers = 12;
        l.transitions = 80;
        l.q = 0.01;
        QCOMPARE(patterns::findingSentence(l, book),
                 u"Abandonment came before lapse or relapse in 12 of the 13 sessions that had a next session, against "
                 "15% of all sessions — unlikely to be chance (q = 0.01)."_s);
        l.q = 0.4;
        QCOMPARE(patterns::findingSentence(l, u"Abandonment"_s, u"Lapse or relapse"_s),
                 u"Abandonment came before lapse or relapse in 12 of the 13 sessions that had a next session, against "
                 "15% of all sessions — could be chance (q = 0.40)."_s);
        l.count = 1;
        l.of = 1;
        l.followers = 1;
        l.transitions = 400;
        QCOMPARE(patterns::findingSentence(l, book),
                 u"Abandonment came before lapse or relapse in the one session that had a next session, against under "
                 "1% of all sessions — too few sessions to tell."_s);
        l.count = 3;
        l.of = 10;
        l.followers = 40;
        l.transitions = 80;
        QCOMPARE(patterns::findingSentence(l, book),
                 u"Abandonment came before lapse or relapse in 3 of the 10 sessions that had a next session, against "
                 "50% of all sessions — no more often than after any session."_s);

        patterns::Cooccurrence c;
        c.a = u"anger"_s;
        c.b = u"loneliness"_s;
        c.sessions = 5;
        c.sessionsA = 5;
        c.sessionsB = 6;
        c.total = 20;
        c.q = 0.03;
        QCOMPARE(patterns::findingSentence(c, book),
                 u"Anger and loneliness were found together in 5 of 20 sessions, 3.3 times what chance would give "
                 "(q = 0.03)."_s);
        c.sessionsB = 20;
        QCOMPARE(patterns::findingSentence(c, book),
                 u"Anger and loneliness were found together in 5 of 20 sessions, no more often than chance would "
                 "give."_s);
        // A theme the codebook does not know keeps its id.
        c.b = u"zeal"_s;
        QVERIFY(patterns::findingSentence(c, book).startsWith(u"Anger and zeal were found together"_s));
    }

    void qNeverLooksStrongerThanItIs()
    {
        QCOMPARE(patterns::qText(0.0004), u"q < 0.001"_s);
        QCOMPARE(patterns::qText(0.0041), u"q = 0.005"_s);
        QCOMPARE(patterns::qText(0.01), u"q = 0.01"_s);
        QCOMPARE(patterns::qText(0.0101), u"q = 0.02"_s);
        QCOMPARE(patterns::qText(0.05), u"q = 0.05"_s);
        QCOMPARE(patterns::qText(0.0504), u"q = 0.06"_s); // not shown, and never printed as 0.05
        QCOMPARE(patterns::qText(0.4), u"q = 0.40"_s);
        QCOMPARE(patterns::qText(1.0), u"q = 1"_s);
    }

    // ---- JSON

    void jsonCarriesTheTestAndTheVerdict()
    {
        const QJsonObject crowded =
            patterns::toJson(patterns::analyse(angerAndShame(true), monthly()), u"client"_s, u"C-0142"_s);
        QCOMPARE(crowded.value(u"tested"_s).toInt(), 15);
        const QJsonObject pair = crowded.value(u"cooccurrence"_s).toArray().at(0).toObject();
        // The keys that were there keep their meaning; p and q to four significant digits, rounded up.
        QCOMPARE(pair.value(u"a"_s).toString(), u"anger"_s);
        QCOMPARE(pair.value(u"b"_s).toString(), u"shame-guilt"_s);
        QCOMPARE(pair.value(u"sessions"_s).toInt(), 3);
        QCOMPARE(pair.value(u"lift"_s).toDouble(), 3.75);
        QCOMPARE(pair.value(u"p"_s).toDouble(), 0.01342); // 13/969 = 0.0134159
        QCOMPARE(pair.value(u"q"_s).toDouble(), 0.2013); // 195/969 = 0.2012384
        QVERIFY(pair.value(u"shown"_s).isBool());
        QCOMPARE(pair.value(u"shown"_s).toBool(), false);
        QCOMPARE(pair.keys(), (QStringList{u"a"_s, u"b"_s, u"lift"_s, u"p"_s, u"q"_s, u"sessions"_s, u"shown"_s}));

        const QJsonObject story =
            patterns::toJson(patterns::analyse(precursorStory(), monthly()), u"client"_s, u"C-0142"_s);
        const QJsonArray leadlag = story.value(u"leadlag"_s).toArray();
        const QJsonObject top = leadlag.at(0).toObject();
        QCOMPARE(top.keys(), (QStringList{u"base_rate"_s, u"count"_s, u"followed_by"_s, u"of"_s, u"p"_s, u"q"_s,
                                          u"shown"_s, u"theme"_s}));
        QCOMPARE(top.value(u"theme"_s).toString(), abandonment);
        QCOMPARE(top.value(u"followed_by"_s).toString(), relapse);
        QCOMPARE(top.value(u"base_rate"_s).toDouble(), 0.15);
        QCOMPARE(top.value(u"p"_s).toDouble(), 1.454e-9); // 1.453158984375e-9 rounded up
        QCOMPARE(top.value(u"shown"_s).toBool(), true);
        // Shown entries first, in JSON as in the report.
        bool seenHidden = false;
        for (const QJsonValue &v : leadlag) {
            const bool shown = v.toObject().value(u"shown"_s).toBool();
            QVERIFY(!(shown && seenHidden));
            seenHidden = seenHidden || !shown;
        }
        QVERIFY(seenHidden);
    }
};

QTEST_GUILESS_MAIN(FindingsTest)
#include "findingstest.moc"
