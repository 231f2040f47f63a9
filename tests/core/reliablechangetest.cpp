// SPDX-License-Identifier: GPL-3.0-or-later
// Reliable change, Jacobson & Truax (1991) and the published PHQ-9/GAD-7 thresholds of NHS Talking
// Therapies, checked against figures worked out by hand.
#include "model/reliablechange.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace uc;

namespace {

model::Measure measure(const char *date, const QString &instrument, int total)
{
    model::Measure m;
    m.date = *model::parseDate(QString::fromLatin1(date));
    m.instrument = instrument;
    m.total = total;
    return m;
}

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-4;
}

} // namespace

class ReliableChangeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pcl5HandComputed()
    {
        // PCL-5: SD 12.40, α 0.91. S_diff = √2 · 12.40 · √0.09 = 1.414214 · 12.40 · 0.3 = 5.260874;
        // reliable beyond 1.96 · 5.260874 = 10.31 points.
        QVERIFY(near(*model::standardErrorOfDifference(u"pcl5"_s), 5.260874));
        struct Case
        {
            int from;
            int to;
            double rci;
            model::ChangeVerdict verdict;
            bool clinicallySignificant;
        };
        const QList<Case> cases = {
            // −12 / 5.260874 = −2.280991: reliable, but 38 is still at or above 33.
            {50, 38, -2.280991, model::ChangeVerdict::ReliableImprovement, false},
            // −20 / 5.260874 = −3.801652, and below the cut-off: clinically significant.
            {50, 30, -3.801652, model::ChangeVerdict::ReliableImprovement, true},
            // −8 / 5.260874 = −1.520661: crossed the cut-off, but within measurement error.
            {40, 32, -1.520661, model::ChangeVerdict::NoReliableChange, false},
            // −10 / 5.260874 = −1.900826 and −11 / 5.260874 = −2.090909: either side of 1.96.
            {45, 35, -1.900826, model::ChangeVerdict::NoReliableChange, false},
            {43, 32, -2.090909, model::ChangeVerdict::ReliableImprovement, true},
            // +20 / 5.260874 = +3.801652, from below the cut-off into it.
            {20, 40, 3.801652, model::ChangeVerdict::ReliableDeterioration, true},
            // +11 within the clinical range: reliable deterioration, no crossing.
            {40, 51, 2.090909, model::ChangeVerdict::ReliableDeterioration, false},
            {30, 30, 0.0, model::ChangeVerdict::NoReliableChange, false},
        };
        for (const Case &c : cases) {
            const model::ReliableChange change = model::reliableChange(u"pcl5"_s, c.from, c.to);
            const QByteArray label = QByteArray::number(c.from) + " -> " + QByteArray::number(c.to);
            QCOMPARE(change.from, c.from);
            QCOMPARE(change.to, c.to);
            QVERIFY2(change.rci && near(*change.rci, c.rci), label.constData());
            QVERIFY2(change.verdict == c.verdict, label.constData());
            QVERIFY2(change.clinicallySignificant.has_value(), label.constData());
            QVERIFY2(*change.clinicallySignificant == c.clinicallySignificant, label.constData());
        }
    }

    void withoutPublishedFiguresItIsNotComputed()
    {
        // Neither SD and reliability nor a published threshold to hand: no verdict, rather than
        // borrowed figures.
        for (const QString &instrument : {u"audit"_s, u"auditc"_s, u"dast10"_s, u"bdi"_s}) {
            QVERIFY2(!model::standardErrorOfDifference(instrument), qPrintable(instrument));
            const model::ReliableChange change = model::reliableChange(instrument, 20, 5);
            QVERIFY(!change.rci);
            QVERIFY(change.method == model::ChangeMethod::None);
            QVERIFY(change.verdict == model::ChangeVerdict::NotComputed);
            QVERIFY(!change.clinicallySignificant);
        }
        // The cut-offs: PHQ-9 10 and GAD-7 8 (NHS Talking Therapies' caseness, with its
        // thresholds), AUDIT 8, PCL-5 33; none for AUDIT-C (it depends on sex, which the vault does
        // not record) or DAST-10.
        QVERIFY(model::changeNorms(u"phq9"_s).cutOff == std::optional<int>(10));
        QVERIFY(model::changeNorms(u"gad7"_s).cutOff == std::optional<int>(8));
        QVERIFY(model::changeNorms(u"audit"_s).cutOff == std::optional<int>(8));
        QVERIFY(model::changeNorms(u"pcl5"_s).cutOff == std::optional<int>(33));
        QVERIFY(!model::changeNorms(u"auditc"_s).cutOff);
        QVERIFY(!model::changeNorms(u"dast10"_s).cutOff);
    }

    void publishedThresholdsPhq9AndGad7_data()
    {
        QTest::addColumn<QString>("instrument");
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<int>("significant"); // 1 yes, 0 no

        // PHQ-9: 6 points or more is reliable; caseness from 10.
        QTest::newRow("phq9 18→12: −6, still ≥ 10") << u"phq9"_s << 18 << 12 << u"reliable-improvement"_s << 0;
        QTest::newRow("phq9 15→9: −6, below 10") << u"phq9"_s << 15 << 9 << u"reliable-improvement"_s << 1;
        QTest::newRow("phq9 14→9: −5, crossed but not reliable") << u"phq9"_s << 14 << 9 << u"no-reliable-change"_s << 0;
        QTest::newRow("phq9 4→10: +6 into caseness") << u"phq9"_s << 4 << 10 << u"reliable-deterioration"_s << 1;
        QTest::newRow("phq9 12→17: +5") << u"phq9"_s << 12 << 17 << u"no-reliable-change"_s << 0;
        // GAD-7: 4 points or more; caseness from 8 (not the severity band's 10).
        QTest::newRow("gad7 11→7: −4, below 8") << u"gad7"_s << 11 << 7 << u"reliable-improvement"_s << 1;
        QTest::newRow("gad7 12→8: −4, still ≥ 8") << u"gad7"_s << 12 << 8 << u"reliable-improvement"_s << 0;
        QTest::newRow("gad7 10→7: −3") << u"gad7"_s << 10 << 7 << u"no-reliable-change"_s << 0;
        QTest::newRow("gad7 5→9: +4 into caseness") << u"gad7"_s << 5 << 9 << u"reliable-deterioration"_s << 1;
        QTest::newRow("gad7 9→13: +4 within caseness") << u"gad7"_s << 9 << 13 << u"reliable-deterioration"_s << 0;
    }

    void publishedThresholdsPhq9AndGad7()
    {
        QFETCH(QString, instrument);
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, verdict);
        QFETCH(int, significant);
        const model::ReliableChange change = model::reliableChange(instrument, from, to);
        QVERIFY(change.method == model::ChangeMethod::PublishedThreshold);
        QVERIFY(!change.rci); // no index is computed: the threshold is taken as published
        QCOMPARE(model::toString(change.verdict), verdict);
        QVERIFY(change.clinicallySignificant == std::optional<bool>(significant == 1));
        const QJsonObject json = model::toJson(change);
        QCOMPARE(json.value(u"method"_s).toString(), u"published-threshold"_s);
        QCOMPARE(json.value(u"threshold"_s).toInt(), instrument == u"phq9" ? 6 : 4);
        QCOMPARE(json.value(u"cut_off"_s).toInt(), instrument == u"phq9" ? 10 : 8);
        QVERIFY(json.value(u"rci"_s).isNull());
    }

    void firstAndLatestOfAClientsMeasures()
    {
        const QList<model::Measure> measures = {
            measure("2025-01-06", u"pcl5"_s, 52),
            measure("2025-01-06", u"phq9"_s, 18),
            measure("2025-02-03", u"pcl5"_s, 44),
            measure("2025-03-03", u"pcl5"_s, 30),
        };
        const auto pcl5 = model::reliableChange(u"pcl5"_s, measures);
        QVERIFY(pcl5);
        QCOMPARE(pcl5->from, 52);
        QCOMPARE(pcl5->to, 30);
        // −22 / 5.260874 = −4.181818.
        QVERIFY(near(*pcl5->rci, -4.181818));
        QVERIFY(pcl5->verdict == model::ChangeVerdict::ReliableImprovement);
        // One PHQ-9, no AUDIT: nothing to compare.
        QVERIFY(!model::reliableChange(u"phq9"_s, measures));
        QVERIFY(!model::reliableChange(u"audit"_s, measures));
    }

    void inWords()
    {
        QCOMPARE(model::toString(model::ChangeVerdict::ReliableImprovement), u"reliable-improvement"_s);
        QCOMPARE(model::toString(model::ChangeVerdict::NoReliableChange), u"no-reliable-change"_s);
        QCOMPARE(model::toString(model::ChangeVerdict::ReliableDeterioration), u"reliable-deterioration"_s);
        QCOMPARE(model::toString(model::ChangeVerdict::NotComputed), u"not-computed"_s);
        QCOMPARE(model::verdictLabel(model::ChangeVerdict::ReliableImprovement), u"reliable improvement"_s);
        QCOMPARE(model::verdictLabel(model::ChangeVerdict::NotComputed), u"not computed"_s);
        QCOMPARE(model::describe(u"pcl5"_s, model::reliableChange(u"pcl5"_s, 50, 30)),
                 u"50 → 30, RCI -3.80: reliable improvement; clinically significant (now below the cut-off of 33)"_s);
        QCOMPARE(model::describe(u"pcl5"_s, model::reliableChange(u"pcl5"_s, 50, 38)),
                 u"50 → 38, RCI -2.28: reliable improvement; not clinically significant (cut-off 33)"_s);
        QCOMPARE(model::describe(u"phq9"_s, model::reliableChange(u"phq9"_s, 18, 8)),
                 u"18 → 8, change -10 (published threshold 6 points): reliable improvement; clinically significant "
                 "(now below the cut-off of 10)"_s);
        QCOMPARE(model::describe(u"gad7"_s, model::reliableChange(u"gad7"_s, 6, 9)),
                 u"6 → 9, change +3 (published threshold 4 points): no reliable change; not clinically significant "
                 "(cut-off 8)"_s);
        QCOMPARE(model::describe(u"audit"_s, model::reliableChange(u"audit"_s, 18, 8)),
                 u"18 → 8: reliable change not computed (no published figures to hand)"_s);
    }

    void asJson()
    {
        const QList<model::Measure> measures = {measure("2025-01-06", u"pcl5"_s, 50), measure("2025-03-03", u"pcl5"_s, 30)};
        QCOMPARE(model::toJson(*model::reliableChange(u"pcl5"_s, measures)),
                 (QJsonObject{{u"from"_s, 50},
                              {u"to"_s, 30},
                              {u"from_date"_s, u"2025-01-06"_s},
                              {u"to_date"_s, u"2025-03-03"_s},
                              {u"rci"_s, -3.8},
                              {u"verdict"_s, u"reliable-improvement"_s},
                              {u"clinically_significant"_s, true},
                              {u"method"_s, u"jacobson-truax"_s},
                              {u"threshold"_s, QJsonValue()},
                              {u"cut_off"_s, 33}}));
        // Not computed: null RCI and null significance, never a made-up figure.
        const QJsonObject phq = model::toJson(model::reliableChange(u"audit"_s, 18, 8));
        QCOMPARE(phq.value(u"method"_s).toString(), u"none"_s);
        QVERIFY(phq.value(u"rci"_s).isNull());
        QVERIFY(phq.value(u"clinically_significant"_s).isNull());
        QCOMPARE(phq.value(u"verdict"_s).toString(), u"not-computed"_s);
        QVERIFY(!phq.contains(u"from_date"_s));
    }

    void itemsThatMoved()
    {
        model::Measure first = measure("2025-01-06", u"phq9"_s, 18);
        first.answers = {3, 3, 2, 2, 2, 2, 2, 1, 1};
        model::Measure latest = measure("2025-03-03", u"phq9"_s, 9);
        latest.answers = {1, 1, 2, 1, 1, 1, 1, 1, 0};
        const QList<model::ItemMove> moves = model::itemMoves(first, latest);
        QCOMPARE(moves.size(), 7);
        QCOMPARE(moves.at(0).item, 1);
        QCOMPARE(moves.at(0).from, 3);
        QCOMPARE(moves.at(0).to, 1);
        QCOMPARE(moves.at(1).item, 2);
        QCOMPARE(moves.at(2).item, 4); // item 3 and item 8 stayed
        QCOMPARE(moves.last().item, 9);
        QCOMPARE(moves.last().to, 0);
        QCOMPARE(model::toJson(moves).at(0).toObject(),
                 (QJsonObject{{u"item"_s, 1}, {u"from"_s, 3}, {u"to"_s, 1}}));
        QVERIFY(model::itemMoves(first, first).isEmpty());
    }
};

QTEST_GUILESS_MAIN(ReliableChangeTest)
#include "reliablechangetest.moc"
