// SPDX-License-Identifier: GPL-3.0-or-later
// The review queue filled from other machines, by keyboard through the real window offscreen, against
// a real practice server (tests/practice/practicecluster.h): ada (the administrator, a therapist)
// pushes a signed note from her own machine; sam, the supervisor assigned to her, unlocks on his,
// syncs from Settings › Practice (Tab, Enter), goes to the queue (Ctrl+2), where ada's note is marked
// as from the practice and opens by itself, read-only; Tab reaches Co-sign, Enter asks, the
// confirmation is accepted; the row says co-signed; ada's next sync finds her note co-signed.
#include "buttonkeys.h"
#include "notereview.h"
#include "practicecluster.h"
#include "practicesync.h"
#include "reviewqueuemodel.h"
#include "vaultsession.h"
#include "windowtestutil.h"
#include "workspace.h"

#include "practice/practice.h"
#include "practice/sync.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

class PracticeQueueEndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    QString m_ada;
    uc::model::Id m_note = 0;

    bool tabTo(const QString &name, int limit = 80)
    {
        for (int i = 0; i < limit; ++i) {
            QQuickItem *target = item(name);
            if (target && target->hasActiveFocus())
                return true;
            QTest::keyClick(m_window, Qt::Key_Tab);
        }
        qWarning("Tab never reached %s", qPrintable(name));
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), m_server.output().constData());
        m_ada = m_dir.filePath(u"ada"_s);
        const QString sam = m_dir.filePath(u"sam"_s);
        auto ada = guitest::createVault(m_ada, u"ada"_s);
        const QString adaId
            = uc::practice::initPractice(*ada, m_server.url(), m_server.caFile(), m_server.caKeyFile()).memberId;
        const QString code = uc::practice::invite(*ada, u"sam"_s, uc::model::Role::Supervisor);
        {
            auto s = uc::vault::Vault::create(sam, u"sam"_s, guitest::secret(), uc::model::Role::Supervisor,
                                              uc::vault::KdfCost::testOnly())
                         .vault;
            const QString samId = uc::practice::join(*s, m_server.url(), code).memberId;
            (void)uc::practice::status(*ada);
            uc::practice::assign(*ada, samId, adaId);
        }
        guitest::addClient(*ada, u"C-0001"_s, u"Ann Example"_s);
        m_note = guitest::addSession(*ada, u"C-0001"_s, u"2025-01-06"_s, guitest::abandonedText);
        ada->notes().sign(m_note);
        QCOMPARE(uc::practice::sync(*ada).pushed, 1);
        ada.reset();

        ButtonKeys::install(QCoreApplication::instance());
        startApp(sam);
        QTRY_COMPARE(screen(), u"unlock"_s);
        type(item(u"userField"_s), u"sam"_s);
        type(item(u"passphraseField"_s), guitest::passphraseText);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"review-queue"_s, 10000);
    }

    void cleanupTestCase() { stopApp(); }

    void aReceivedNoteIsCoSignedByKeyboard()
    {
        ReviewQueueModel *queue = m_session->workspace()->queue();
        NoteReview *review = m_session->workspace()->review();
        PracticeSync *sync = m_session->workspace()->sync();
        QTRY_COMPARE_WITH_TIMEOUT(sync->state(), PracticeSync::Idle, 10000);
        QCOMPARE(queue->count(), 0); // nothing received yet

        QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"settings"_s);
        QVERIFY(tabTo(u"syncNowButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(sync->lastResult(), u"Pushed 0, pulled 1."_s, 60000);
        QTest::keyClick(m_window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"review-queue"_s);
        QTRY_COMPARE_WITH_TIMEOUT(queue->count(), 1, 10000);
        QVERIFY(queue->data(queue->index(0), ReviewQueueModel::FromPracticeRole).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(review->fromPractice(), 10000); // the first row opens by itself
        QCOMPARE(item(u"reviewText"_s)->property("text").toString(), guitest::abandonedText);
        QVERIFY(item(u"reviewText"_s)->property("readOnly").toBool());
        QVERIFY(item(u"practiceProvenance"_s)->isVisible());
        QVERIFY(item(u"practiceProvenance"_s)->property("text").toString().contains(u"verified"_s));

        QVERIFY(tabTo(u"cosignButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QObject *dialog = guitest::find(current(), u"cosignDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QMetaObject::invokeMethod(dialog, "accept");
        QTRY_COMPARE_WITH_TIMEOUT(review->practiceOutcome(), u"sent"_s, 60000);
        QTRY_VERIFY(queue->data(queue->index(0), ReviewQueueModel::CosignedRole).toBool());
        QCOMPARE(queue->waitingCount(), 0);
        QTRY_VERIFY(item(u"practiceOutcome"_s)->isVisible());
        QCOMPARE(review->status(), u"cosigned"_s);

        QTest::keyClick(m_window, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"unlock"_s);
        QTRY_VERIFY(!m_session->vaultThread()->busy());
        auto ada = uc::vault::Vault::open(m_ada, u"ada"_s, guitest::secret());
        QCOMPARE(uc::practice::sync(*ada).cosigned, 1);
        QCOMPARE(uc::model::toString(ada->notes().read(m_note).status), u"cosigned"_s);
    }
};

QTEST_MAIN(PracticeQueueEndToEndTest)
#include "practicequeuee2etest.moc"
