// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's and the auditor's paths through the real QML, offscreen: a supervisor lands on
// the review queue with the oldest note open, returns one with a comment typed in, co-signs through
// the confirmation, moves between sections with Ctrl+digits and is offered no client editing; an
// auditor lands on the verified audit trail and is offered no review queue; a therapist still lands
// on the clients, and shares an entry of her countertransference with her supervisor and withdraws
// it, by keyboard alone.
#include "supervisiontestutil.h"
#include "windowtestutil.h"
#include "workspace.h"

#include "auditmodel.h"
#include "buttonkeys.h"
#include "clientoverview.h"
#include "countertransferenceview.h"
#include "notereview.h"
#include "reviewqueuemodel.h"
#include "vaultsession.h"

#include "model/countertransference.h"

#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

namespace {

using guitest::find;

} // namespace

class SupervisionEndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    guitest::SupervisedVault m_made;
    uc::model::Id m_process = 0;

    void unlockAs(const QString &user)
    {
        QVERIFY(guitest::unlockAs(*m_session, user));
    }
    void lock()
    {
        QTest::keyClick(m_window, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"unlock"_s);
        QTRY_VERIFY(!m_session->vaultThread()->busy());
    }
    // The share dialog's part named name (the dialog is a popup of the countertransference card).
    QQuickItem *inDialog(const QString &name) const
    {
        auto *dialog = m_window->findChild<QObject *>(u"ctShareDialog"_s);
        return dialog ? qobject_cast<QQuickItem *>(find(dialog, name)) : nullptr;
    }

    // Presses Enter on the named button of the overview, as Tab would reach it (the overview may have
    // it scrolled out of the window); Enter on a focused button clicks it (ButtonKeys, as in the app).
    void press(const QString &name)
    {
        QQuickItem *button = item(name);
        QVERIFY(button);
        QTRY_VERIFY(button->isVisible() && button->isEnabled());
        button->forceActiveFocus(Qt::TabFocusReason);
        QTRY_VERIFY(button->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Return);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_made = guitest::createSupervisedVault(m_dir.filePath(u"vault"_s));
        {
            // A signed process note of alice's with one countertransference entry (not in any queue).
            auto v = uc::vault::Vault::open(m_dir.filePath(u"vault"_s), u"alice"_s, guitest::secret());
            uc::model::Session s;
            s.date = *uc::model::parseDate(u"2025-03-18"_s);
            s.minutes = 50;
            s.attendees.append({0, u"C-0001"_s, uc::model::Attendance::Attended});
            const QList<uc::model::Section> sections{
                {u"Process"_s, u"She spoke about her sister."_s},
                {uc::model::countertransferenceSectionTitle(), u"Writer felt a pull to rescue her and held back."_s}};
            m_process = v->notes().addSession(s, u"process"_s, uc::model::NoteKind::Process, sections).notes.first();
            v->notes().sign(m_process);
        }
        ButtonKeys::install(QCoreApplication::instance()); // Enter on a focused button, as the app has it
        startApp(m_dir.filePath(u"vault"_s));
    }

    void cleanupTestCase()
    {
        stopApp();
    }

    void supervisorReturnsAndCosignsFromTheQueue()
    {
        QCOMPARE(screen(), u"unlock"_s);
        unlockAs(guitest::supervisor);
        QTRY_COMPARE(screen(), u"review-queue"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->queue()->count(), 3, 10000);
        // The oldest note opens by itself.
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->review()->noteId(), m_made.signedNotes.first(), 10000);
        QVERIFY(item(u"cosignButton"_s)->isVisible());
        QVERIFY(!item(u"openInEditorButton"_s)->isVisible()); // not the author

        QVERIFY(!item(u"returnButton"_s)->isEnabled());
        type(item(u"commentField"_s), u"Add the safety plan."_s);
        click(item(u"returnButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->queue()->returnedCount(), 1, 10000);
        QTRY_COMPARE(item(u"commentField"_s)->property("text").toString(), QString()); // cleared once sent

        click(item(u"cosignButton"_s));
        auto *dialog = find(current(), u"cosignDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QMetaObject::invokeMethod(dialog, "accept");
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->queue()->count(), 2, 10000);
        QCOMPARE(m_session->workspace()->review()->status(), u"cosigned"_s);
        QVERIFY(!item(u"cosignButton"_s)->isVisible()); // nothing left to co-sign on this note
    }

    void supervisorMovesBetweenSectionsByKeyboard()
    {
        QTest::keyClick(m_window, Qt::Key_4, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"audit"_s);
        QTest::keyClick(m_window, Qt::Key_3, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"agreement"_s);
        QTest::keyClick(m_window, Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"clients"_s);
        QVERIFY(!item(u"addClientButton"_s)->isVisible()); // a supervisor reads the records only
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"review-queue"_s);
        lock();
    }

    void auditorLandsOnTheVerifiedTrail()
    {
        unlockAs(guitest::auditor);
        QTRY_COMPARE(screen(), u"audit"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->audit()->verified(), 10000);
        QTRY_VERIFY(item(u"verificationText"_s)->property("text").toString().startsWith(u"Audit trail whole: "_s));
        QVERIFY(m_session->workspace()->audit()->count() > 0);
        // Each row says whether its signature holds, as the verification just done left it.
        QTRY_COMPARE(item(u"auditSignature"_s)->property("text").toString(), u"verified"_s);
        QVERIFY(!item(u"auditUser"_s)->property("text").toString().isEmpty());
        QVERIFY(!item(u"nav-queue"_s)->isVisible());
        QVERIFY(!item(u"nav-agreement"_s)->isVisible());
        QVERIFY(item(u"nav-clients"_s)->isVisible());
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier); // no queue for an auditor
        QTest::qWait(100);
        QCOMPARE(screen(), u"audit"_s);
        lock();
    }

    void therapistStillLandsOnClients()
    {
        unlockAs(u"alice"_s);
        QTRY_COMPARE(screen(), u"clients"_s);
        QVERIFY(item(u"addClientButton"_s)->isVisible());
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"review-queue"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->queue()->count(), 2, 10000); // the co-signed one left
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->review()->noteId(), m_made.signedNotes.at(1), 10000);
        QVERIFY(!item(u"cosignButton"_s)->isVisible());
        QVERIFY(!item(u"returnButton"_s)->isVisible());
        QVERIFY(item(u"openInEditorButton"_s)->isVisible()); // the author answers with an addendum
        click(item(u"openInEditorButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);
        QVERIFY(item(u"addendumButton"_s)->isVisible());
        QVERIFY(!item(u"signButton"_s)->isVisible());
        click(item(u"noteBackButton"_s));
        QTRY_COMPARE(screen(), u"review-queue"_s); // back where the note was opened
        QTRY_VERIFY(!m_session->vaultThread()->busy());
        lock();
    }

    // By keyboard: the share dialog names the supervisor and shows the words; Escape, and Enter on
    // Cancel (which has the focus), share nothing; Tab to Share and Enter shares; the entry is then marked and offers no one else; Withdraw takes
    // it back.
    void therapistSharesCountertransferenceByKeyboard()
    {
        unlockAs(u"alice"_s);
        QTRY_COMPARE(screen(), u"clients"_s);
        QMetaObject::invokeMethod(m_window, "openClient", Q_ARG(QString, u"C-0001"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        CountertransferenceView *card = m_session->workspace()->overview()->countertransference();
        // The overview loaded first: opening a client hides the card.
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->overview()->code() == u"C-0001"_s
                                     && !m_session->vaultThread()->busy(),
                                 10000);
        press(u"countertransferenceToggle"_s);
        QTRY_VERIFY_WITH_TIMEOUT(card->shown(), 10000);
        QCOMPARE(card->supervisors(), QStringList{guitest::supervisor});
        QCOMPARE(card->entries().size(), 1);
        QCOMPARE(card->entries().first().toMap().value(u"shareWith"_s).toStringList(), QStringList{guitest::supervisor});

        auto *dialog = m_window->findChild<QObject *>(u"ctShareDialog"_s);
        QVERIFY(dialog);
        press(u"ctShareButton"_s);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(inDialog(u"ctShareWords"_s)->property("text").toString(), u"Writer felt a pull to rescue her and held back."_s);
        QVERIFY(inDialog(u"ctShareText"_s)->property("text").toString().startsWith(u"Share it with sam?"_s));
        QTRY_VERIFY(inDialog(u"ctShareCancelButton"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("opened").toBool());

        press(u"ctShareButton"_s);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QTRY_VERIFY(inDialog(u"ctShareCancelButton"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Return); // Enter alone: Cancel
        QTRY_VERIFY(!dialog->property("opened").toBool());
        QTRY_VERIFY(!m_session->vaultThread()->busy());
        QVERIFY(card->entries().first().toMap().value(u"shares"_s).toList().isEmpty());

        press(u"ctShareButton"_s);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QTRY_VERIFY(inDialog(u"ctShareCancelButton"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(inDialog(u"ctShareOkButton"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(card->entries().first().toMap().value(u"shares"_s).toList().size(), 1, 10000);
        QCOMPARE(card->entries().first().toMap().value(u"shareable"_s).toBool(), false); // sam holds it
        QTRY_VERIFY(!item(u"ctShareButton"_s)->isVisible());

        press(u"ctWithdrawButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(card->entries().first().toMap().value(u"shares"_s).toList().isEmpty(), 10000);
        QCOMPARE(card->entries().first().toMap().value(u"shareable"_s).toBool(), true);
        QTRY_VERIFY(!m_session->vaultThread()->busy());
        lock();
    }
};

QTEST_MAIN(SupervisionEndToEndTest)
#include "supervisione2etest.moc"
