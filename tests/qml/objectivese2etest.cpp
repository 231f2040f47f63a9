// SPDX-License-Identifier: GPL-3.0-or-later
// The plan's objectives in the note editor, through the real QML with the keyboard (docs/plan.md
// "Progress in notes", issue #17): a progress note whose client has a plan in force on its date
// shows the open objectives beside the themes; Tab reaches a rating and the arrow keys choose it,
// stored through the core's rate() and read back from the vault; "not addressed" takes it back; a
// signed note shows its rating fixed; a process note and a session before the plan show no card.
#include "windowtestutil.h"
#include "noteeditor.h"
#include "vaultsession.h"
#include "vaultthread.h"
#include "workspace.h"

#include "model/treatmentplan.h"
#include "vault/vault.h"

#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

class ObjectivesEndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    uc::model::Id m_note = 0;
    uc::model::Id m_process = 0;
    uc::model::Id m_beforePlan = 0;
    QString m_first; // the objectives' ids, as the vault gave them
    QString m_second;

    // The note's ratings as stored: objective id → machine word.
    QHash<QString, QString> storedRatings(uc::model::Id note)
    {
        std::optional<QList<uc::model::ObjectiveProgress>> stored;
        m_session->vaultThread()->post(
            this, u"checking"_s, [](VaultThread::Worker &w) { return w.open().plans().progress(u"C-0001"_s); },
            [&stored](QList<uc::model::ObjectiveProgress> result) { stored = std::move(result); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000); }();
        QHash<QString, QString> out;
        for (const auto &p : stored.value_or(QList<uc::model::ObjectiveProgress>{}))
            if (p.noteId == note)
                out.insert(p.objective, uc::model::toString(p.rating));
        return out;
    }

    void openNote(uc::model::Id id)
    {
        m_session->workspace()->note()->open(id);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->note()->noteId(), id, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dir = m_dir.filePath(u"vault"_s);
        {
            auto vault = guitest::createVault(dir);
            guitest::addClient(*vault, u"C-0001"_s, u"Ann Example"_s);
            m_beforePlan = guitest::addSession(*vault, u"C-0001"_s, u"2025-01-03"_s, u"First meeting."_s);
            vault->plans().add(u"C-0001"_s, uc::model::parseTreatmentPlan(R"({"effective": "2025-01-06", "next_review": "2025-04-06",
                "problems": [{"text": "Drinks when low", "goals": [{"text": "Mood lifts", "objectives":
                  [{"text": "Attends two meetings a week", "measured_by": "client report", "target_date": "2025-06-30"},
                   {"text": "Names the feeling before drinking", "measured_by": "session review"}]}]}]})",
                                                                      *uc::model::parseDate(u"2025-01-06"_s)));
            const auto plan = vault->plans().current(u"C-0001"_s);
            QVERIFY(plan);
            m_first = plan->problems[0].goals[0].objectives[0].id;
            m_second = plan->problems[0].goals[0].objectives[1].id;
            m_note = guitest::addSession(*vault, u"C-0001"_s, u"2025-03-10"_s, u"Went to one meeting."_s);
            const auto progress = vault->notes().read(m_note);
            m_process = vault->notes().add(progress.sessionId, u"C-0001"_s, u"process"_s, uc::model::NoteKind::Process,
                                           {{u"Process"_s, u"Felt hurried with her."_s}});
        }
        startApp(dir);
        QVERIFY(guitest::unlockAs(*m_session, u"alice"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"clients"_s, 10000);
    }

    void cleanupTestCase()
    {
        stopApp();
    }

    void theDraftOffersThePlansObjectivesBesideTheThemes()
    {
        openNote(m_note);
        QQuickItem *card = item(u"notePlanObjectives"_s);
        QVERIFY(card);
        QTRY_VERIFY(card->isVisible());
        QCOMPARE(m_session->workspace()->note()->objectives()->objectives().size(), 2);
        QQuickItem *first = item(u"objectiveRating-"_s + m_first);
        QVERIFY(first);
        QVERIFY(first->isEnabled());
        QCOMPARE(first->property("currentText").toString(), u"not addressed"_s);
        // Inside the window at 1024x700: the card and both controls are on screen.
        const QRectF box = card->mapRectToScene(QRectF(0, 0, card->width(), card->height()));
        QVERIFY2(box.bottom() <= m_window->height() && box.right() <= m_window->width(),
                 qPrintable(u"%1,%2 in %3x%4"_s.arg(box.right()).arg(box.bottom()).arg(m_window->width()).arg(m_window->height())));
    }

    void tabReachesARatingAndTheArrowsChooseIt()
    {
        QQuickItem *editor = item(u"noteText"_s);
        click(editor);
        QTRY_VERIFY(editor->hasActiveFocus());
        QQuickItem *first = item(u"objectiveRating-"_s + m_first);
        for (int i = 0; i < 40 && !first->hasActiveFocus(); ++i)
            QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY2(first->hasActiveFocus(), "Tab from the text reaches the first objective's rating");
        // not addressed → worse → no change → some progress
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(m_window, Qt::Key_Down);
            QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
            first = item(u"objectiveRating-"_s + m_first);
            QTRY_VERIFY(first->hasActiveFocus()); // still there after the list is read again
        }
        QCOMPARE(first->property("currentText").toString(), u"some progress"_s);
        const auto stored = storedRatings(m_note);
        QCOMPARE(stored.value(m_first), u"some"_s);
        QVERIFY2(!stored.contains(m_second), "only the objective rated is stored");
    }

    void reopenedTheRatingIsShownAsDecided()
    {
        openNote(m_process);
        openNote(m_note);
        QTRY_COMPARE(item(u"objectiveRating-"_s + m_first)->property("currentText").toString(), u"some progress"_s);
        QCOMPARE(item(u"objectiveRating-"_s + m_second)->property("currentText").toString(), u"not addressed"_s);
    }

    void notAddressedTakesTheRatingBack()
    {
        QQuickItem *second = item(u"objectiveRating-"_s + m_second);
        second->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Down); // worse
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
        QCOMPARE(storedRatings(m_note).value(m_second), u"worse"_s);
        second = item(u"objectiveRating-"_s + m_second);
        QTRY_VERIFY(second->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Up); // not addressed
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
        const auto stored = storedRatings(m_note);
        QVERIFY(!stored.contains(m_second));
        QCOMPARE(stored.value(m_first), u"some"_s);
    }

    void aSignedNoteShowsItsRatingFixed()
    {
        m_session->workspace()->note()->sign();
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->note()->status(), u"signed"_s, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
        QQuickItem *first = item(u"objectiveRating-"_s + m_first);
        QTRY_VERIFY(item(u"notePlanObjectives"_s)->isVisible());
        QCOMPARE(first->property("currentText").toString(), u"some progress"_s);
        QVERIFY(!first->isEnabled());
        QVERIFY(!m_session->workspace()->note()->objectives()->mayRate());
    }

    void aProcessNoteAndASessionBeforeThePlanShowNone()
    {
        openNote(m_process);
        QVERIFY(!item(u"notePlanObjectives"_s)->isVisible());
        QVERIFY(!m_session->workspace()->note()->objectives()->available());
        openNote(m_beforePlan);
        QVERIFY(!item(u"notePlanObjectives"_s)->isVisible());
    }
};

QTEST_MAIN(ObjectivesEndToEndTest)
#include "objectivese2etest.moc"
