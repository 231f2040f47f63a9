// SPDX-License-Identifier: GPL-3.0-or-later
// Cohen's kappa per theme, checked against figures worked out by hand.
#include "themes/agreement.h"

#include <QTest>

using namespace uc::themes;

class AgreementTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handComputedKappa()
    {
        // 10 notes. Rater A sees "shame" in notes 0-4, rater B in notes 0-3 and 5.
        // Both present 4, only A 1, only B 1, both absent 4: observed 0.8;
        // expected 0.5*0.5 + 0.5*0.5 = 0.5; kappa = (0.8 - 0.5) / 0.5 = 0.6.
        QList<QSet<QString>> a(10), b(10);
        for (int i : {0, 1, 2, 3, 4})
            a[i].insert(QStringLiteral("shame"));
        for (int i : {0, 1, 2, 3, 5})
            b[i].insert(QStringLiteral("shame"));
        const auto r = cohensKappa(a, b, {QStringLiteral("shame")});
        QCOMPARE(r.size(), 1);
        QCOMPARE(r[0].bothPresent, 4);
        QCOMPARE(r[0].onlyFirst, 1);
        QCOMPARE(r[0].onlySecond, 1);
        QCOMPARE(r[0].bothAbsent, 4);
        QCOMPARE(r[0].observed, 0.8);
        QCOMPARE(r[0].expected, 0.5);
        QVERIFY(r[0].kappa.has_value());
        QVERIFY(qAbs(*r[0].kappa - 0.6) < 1e-12);
    }

    void perfectAndChanceAgreement()
    {
        // Perfect agreement with variation: kappa 1.
        QList<QSet<QString>> a{{QStringLiteral("x")}, {}, {QStringLiteral("x")}, {}};
        QCOMPARE(*cohensKappa(a, a, {QStringLiteral("x")})[0].kappa, 1.0);
        // Opposite answers on every note: observed 0, expected 0.5, kappa -1.
        QList<QSet<QString>> b{{}, {QStringLiteral("x")}, {}, {QStringLiteral("x")}};
        QCOMPARE(*cohensKappa(a, b, {QStringLiteral("x")})[0].kappa, -1.0);
        // Nobody ever saw the theme: agreement is total but kappa is undefined, not 1.
        QList<QSet<QString>> none(4);
        QVERIFY(!cohensKappa(none, none, {QStringLiteral("x")})[0].kappa.has_value());
    }

    void ratersMustRateTheSameNotes()
    {
        QVERIFY_THROWS_EXCEPTION(std::exception, cohensKappa(QList<QSet<QString>>(2), QList<QSet<QString>>(3), {}));
    }
};

QTEST_GUILESS_MAIN(AgreementTest)
#include "agreementtest.moc"
