// SPDX-License-Identifier: GPL-3.0-or-later
// The treatment plan written in the app with the keyboard alone (docs/plan.md "On the client
// overview", issue #17): from the plan card, "Write plan…" opens the editor on the problem's line;
// Tab walks the fields, Enter in a line adds the next of its kind, the arrow keys choose a linked
// measure, Ctrl+Enter signs and saves; the version is read back from the vault. A bad date is
// refused in the dialog in the reader's words with nothing written, Escape asks before losing what
// was typed, and "Record review…" records a review as `plan review` does. The dialog fits 1024×700.
#include "clientoverview.h"
#include "planeditor.h"
#include "vaultsession.h"
#include "vaultthread.h"
#include "windowtestutil.h"
#include "workspace.h"

#include "model/treatmentplan.h"
#include "vault/vault.h"

#include <QDate>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

class PlanEditorEndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    PlanEditor *editor() const { return m_session->workspace()->planEditor(); }

    // The newest version as stored (`plan show --json`'s "plan"), and the reviews' count.
    std::pair<QJsonObject, qsizetype> stored()
    {
        std::optional<std::pair<QJsonObject, qsizetype>> answer;
        m_session->vaultThread()->post(
            this, u"checking"_s,
            [](VaultThread::Worker &w) {
                uc::vault::Vault &v = w.open();
                const auto plan = v.plans().current(u"C-0001"_s);
                return std::pair { plan ? plan->toJson() : QJsonObject(), v.plans().reviews(u"C-0001"_s).size() };
            },
            [&answer](std::pair<QJsonObject, qsizetype> result) { answer = std::move(result); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000); }();
        return answer.value_or(std::pair { QJsonObject(), qsizetype(0) });
    }

    // Tab until the item named name has the keyboard.
    void tabTo(const QString &name)
    {
        QQuickItem *target = item(name);
        QVERIFY(target);
        for (int i = 0; i < 20 && !target->hasActiveFocus(); ++i)
            QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY2(target->hasActiveFocus(), qPrintable(u"Tab reaches "_s + name));
    }
    void typeHere(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    // Presses the button named name from the keyboard.
    void press(const QString &name)
    {
        QQuickItem *button = item(name);
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible() && button->isEnabled());
        button->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
    }
    bool dialogOpen(const QString &name) const
    {
        QObject *dialog = guitest::find(m_window, name);
        return dialog && dialog->property("opened").toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dir = m_dir.filePath(u"vault"_s);
        {
            auto vault = guitest::createVault(dir);
            guitest::addClient(*vault, u"C-0001"_s, u"Ann Example"_s);
        }
        startApp(dir);
        m_window->resize(1024, 700);
        QVERIFY(guitest::unlockAs(*m_session, u"alice"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"clients"_s, 10000);
        click(item(u"client-C-0001"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(editor()->code(), u"C-0001"_s, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
    }

    void cleanupTestCase() { stopApp(); }

    void writesThePlanWithTheKeyboard()
    {
        QTRY_VERIFY(item(u"writePlanButton"_s)->isVisible());
        QCOMPARE(item(u"writePlanButton"_s)->property("text").toString(), u"Write plan…"_s);
        QVERIFY(!item(u"reviewPlanButton"_s)->isVisible()); // nothing to review yet
        press(u"writePlanButton"_s);
        QTRY_VERIFY(dialogOpen(u"planDialog"_s));
        QTRY_VERIFY(item(u"planText-1"_s)->hasActiveFocus()); // the problem's line first

        typeHere(u"Drinks when low"_s);
        tabTo(u"planText-1.1"_s);
        typeHere(u"Mood lifts"_s);
        tabTo(u"planText-1.1.1"_s);
        typeHere(u"PHQ-9 below 10"_s);
        tabTo(u"planTarget-1.1.1"_s);
        typeHere(u"2027-04-01"_s);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY(item(u"planMeasuredBy-1.1.1"_s)->hasActiveFocus());
        typeHere(u"PHQ-9 monthly"_s);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY(item(u"planInstrument-1.1.1"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Down); // no linked measure → PHQ-9
        QTRY_COMPARE(item(u"planInstrument-1.1.1"_s)->property("currentText").toString(), u"PHQ-9"_s);
        tabTo(u"planScore-1.1.1"_s);
        typeHere(u"10"_s);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY(item(u"planInterventions-1.1.1"_s)->hasActiveFocus());
        typeHere(u"behavioural activation"_s);
        QTest::keyClick(m_window, Qt::Key_Return); // a line each
        typeHere(u"relapse prevention"_s);

        // Enter in the objective's line adds the next objective, and the keyboard goes there.
        item(u"planText-1.1.1"_s)->forceActiveFocus(Qt::BacktabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"planText-1.1.2"_s) && item(u"planText-1.1.2"_s)->hasActiveFocus());
        typeHere(u"Two meetings a week"_s);
        tabTo(u"planMeasuredBy-1.1.2"_s);
        typeHere(u"client report"_s);

        // The agreement, from the keyboard.
        tabTo(u"planAgreement"_s);
        QTest::keyClick(m_window, Qt::Key_Down); // verbal
        QTest::keyClick(m_window, Qt::Key_Down); // signed
        tabTo(u"planAgreedOn"_s);
        typeHere(QDate::currentDate().toString(Qt::ISODate));

        // The whole dialog inside the 1024×700 window.
        QQuickItem *dialog = item(u"planScroll"_s);
        const QRectF box = dialog->mapRectToScene(QRectF(0, 0, dialog->width(), dialog->height()));
        QVERIFY2(
            box.top() >= 0 && box.bottom() <= m_window->height() && box.right() <= m_window->width(),
            qPrintable(
                u"%1,%2 in %3x%4"_s.arg(box.right()).arg(box.bottom()).arg(m_window->width()).arg(m_window->height())));

        // Ctrl+Enter saves from a text box too, where Enter alone starts a line.
        item(u"planInterventions-1.1.1"_s)->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(editor()->version(), 1, 10000);
        QTRY_VERIFY(!dialogOpen(u"planDialog"_s));
        QCOMPARE(editor()->error(), QString());

        const QJsonObject plan = stored().first;
        const QJsonArray objectives = plan[u"problems"_s][0][u"goals"_s][0][u"objectives"_s].toArray();
        QCOMPARE(plan[u"problems"_s][0][u"text"_s].toString(), u"Drinks when low"_s);
        QCOMPARE(objectives.size(), 2);
        QCOMPARE(objectives.at(0)[u"measure"_s].toString(), u"phq9 < 10"_s);
        QCOMPARE(objectives.at(0)[u"target_date"_s].toString(), u"2027-04-01"_s);
        QCOMPARE(objectives.at(0)[u"interventions"_s].toArray(),
                 (QJsonArray { u"behavioural activation"_s, u"relapse prevention"_s }));
        QCOMPARE(objectives.at(1)[u"text"_s].toString(), u"Two meetings a week"_s);
        QCOMPARE(plan[u"agreement"_s][u"how"_s].toString(), u"signed"_s);
        // The card shows the new version.
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->plan()->version(), 1, 10000);
        QTRY_COMPARE(item(u"writePlanButton"_s)->property("text").toString(), u"New version…"_s);
    }

    void aBadDateIsRefusedInTheDialogAndEscapeAsksFirst()
    {
        press(u"writePlanButton"_s);
        QTRY_VERIFY(dialogOpen(u"planDialog"_s));
        QTRY_VERIFY(item(u"planText-1"_s)->hasActiveFocus());
        QCOMPARE(item(u"planText-1.1.1"_s)->property("text").toString(), u"PHQ-9 below 10"_s); // from version 1
        tabTo(u"planTarget-1.1.1"_s);
        QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
        typeHere(u"2027-02-30"_s);
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QQuickItem *error = item(u"planError"_s);
        QTRY_VERIFY(error->isVisible());
        QVERIFY2(error->property("text").toString().contains(
                     u"problems[0].goals[0].objectives[0].target_date: must be a date as YYYY-MM-DD"_s),
                 qPrintable(error->property("text").toString()));
        QVERIFY(dialogOpen(u"planDialog"_s));

        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(dialogOpen(u"discardPlanDialog"_s));
        QVERIFY(dialogOpen(u"planDialog"_s)); // still there behind the question
        press(u"discardPlanButton"_s);
        QTRY_VERIFY(!dialogOpen(u"planDialog"_s));
        QCOMPARE(editor()->version(), 1);
        QCOMPARE(stored().first[u"problems"_s][0][u"goals"_s][0][u"objectives"_s][0][u"target_date"_s].toString(),
                 u"2027-04-01"_s);
    }

    void escapeLeavesAnUntouchedDraftAtOnce()
    {
        press(u"writePlanButton"_s);
        QTRY_VERIFY(dialogOpen(u"planDialog"_s));
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!dialogOpen(u"planDialog"_s));
        QVERIFY(!dialogOpen(u"discardPlanDialog"_s));
    }

    void recordsAReview()
    {
        press(u"reviewPlanButton"_s);
        QTRY_VERIFY(dialogOpen(u"planReviewDialog"_s));
        QTRY_VERIFY(item(u"planReviewDate"_s)->hasActiveFocus());
        QCOMPARE(item(u"planReviewDate"_s)->property("text").toString(), QDate::currentDate().toString(Qt::ISODate));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialogOpen(u"planReviewDialog"_s), 10000);
        QCOMPARE(stored().second, 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->plan()->reviewDue(),
                                  QDate::currentDate().addDays(90).toString(Qt::ISODate), 10000);
    }
};

QTEST_MAIN(PlanEditorEndToEndTest)
#include "planeditore2etest.moc"
