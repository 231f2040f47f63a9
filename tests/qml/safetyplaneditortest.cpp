// SPDX-License-Identifier: GPL-3.0-or-later
// The safety plan as the client overview and review with the client use it (SafetyPlanEditor): a
// version signed from the seven texts on the vault thread, the newest shown with who signed it, a
// plan with nothing to call refused before anything is sent, another client's plan never shown
// for a moment, and nothing left in memory after a lock.
#include "safetyplaneditor.h"
#include "sessiontestutil.h"
#include "workspace.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QStringList steps(const QString &professionals)
{
    return {u"not sleeping\nskipping meals"_s, u"walk the dog"_s, QString(), u"my sister Jo 07700 900123"_s,
            professionals, u"  \n pills with Jo \n"_s, u"my son"_s};
}

} // namespace

class SafetyPlanEditorTest : public guitest::SessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startTestCase();
    }

    void savesVersionsAndShowsTheNewest()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        SafetyPlanEditor *plan = session.workspace()->safetyPlan();
        QCOMPARE(plan->titles().size(), 7);
        QCOMPARE(plan->prompts().size(), 7);

        QSignalSpy changed(plan, &SafetyPlanEditor::changed);
        plan->load(u"C-0001"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        QCOMPARE(plan->code(), u"C-0001"_s);
        QCOMPARE(plan->version(), 0);

        QSignalSpy saved(plan, &SafetyPlanEditor::saved);
        plan->save(steps(u"crisis line 988"_s));
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.last().at(0).toInt(), 1);
        QCOMPARE(plan->version(), 1);
        QCOMPARE(plan->author(), u"alice"_s);
        QVERIFY(plan->verified());
        QVERIFY(!plan->signedAt().isEmpty());
        QCOMPARE(plan->steps().at(0), u"not sleeping\nskipping meals"_s);
        QCOMPARE(plan->steps().at(2), QString());
        QCOMPARE(plan->steps().at(5), u"pills with Jo"_s); // lines trimmed, blank ones dropped

        plan->save(steps(u"crisis line 988\nDr Lee 555-0100"_s));
        QVERIFY(saved.wait(10000));
        QCOMPARE(plan->version(), 2);
        QCOMPARE(plan->steps().at(4), u"crisis line 988\nDr Lee 555-0100"_s);

        // Another client: cleared at once, then their (empty) plan.
        plan->load(u"C-0002"_s);
        QCOMPARE(plan->code(), u"C-0002"_s);
        QCOMPARE(plan->version(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        QCOMPARE(plan->version(), 0);
        plan->load(u"C-0001"_s);
        QTRY_COMPARE_WITH_TIMEOUT(plan->version(), 2, 10000);

        session.lock();
        QCOMPARE(plan->code(), QString());
        QCOMPARE(plan->version(), 0);
        QVERIFY(plan->steps().join(QString()).isEmpty());
    }

    void aPlanWithNothingToCallIsRefusedBeforeItIsSent()
    {
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, freshDir());
        SafetyPlanEditor *plan = session.workspace()->safetyPlan();
        QVERIFY(SafetyPlanEditor::problem(steps(u"Dr Lee at the clinic"_s)).contains(u"phone number"_s));
        QVERIFY(SafetyPlanEditor::problem(QStringList(7)).contains(u"empty"_s));
        QCOMPARE(SafetyPlanEditor::problem(steps(u"988"_s)), QString());

        plan->load(u"C-0001"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!session.vaultThread()->busy(), 10000);
        QSignalSpy failed(plan, &SafetyPlanEditor::failed);
        plan->save(steps(u"Dr Lee at the clinic"_s));
        QCOMPARE(failed.count(), 1); // at once, on this thread
        QVERIFY(!session.vaultThread()->busy());
        QVERIFY(guitest::messageOf(failed).contains(u"phone number"_s));
        QCOMPARE(plan->version(), 0);
    }
};

QTEST_MAIN(SafetyPlanEditorTest)
#include "safetyplaneditortest.moc"
