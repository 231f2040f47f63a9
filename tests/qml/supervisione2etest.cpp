// SPDX-License-Identifier: GPL-3.0-or-later
// The supervisor's and the auditor's paths through the real QML, offscreen: a supervisor lands on
// the review queue with the oldest note open, returns one with a comment typed in, co-signs through
// the confirmation, moves between sections with Ctrl+digits and is offered no client editing; an
// auditor lands on the verified audit trail and is offered no review queue; a therapist still lands
// on the clients.
#include "supervisiontestutil.h"
#include "windowtestutil.h"
#include "workspace.h"

#include "auditmodel.h"
#include "notereview.h"
#include "reviewqueuemodel.h"
#include "vaultsession.h"

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

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_made = guitest::createSupervisedVault(m_dir.filePath(u"vault"_s));
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
};

QTEST_MAIN(SupervisionEndToEndTest)
#include "supervisione2etest.moc"
