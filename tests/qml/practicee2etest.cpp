// SPDX-License-Identifier: GPL-3.0-or-later
// Joining a practice and syncing with the keyboard alone, through the real window offscreen, against
// a real practice server (tests/practice/practicecluster.h): Ctrl+, opens Settings, Tab reaches the
// server field, the invitation code is pasted (Ctrl+V), Enter joins; the top bar's indicator
// appears; Tab to Sync now and Enter: refused while the administrator has not certified the key
// ("Sync failed", not "Offline"), then synced once they have.
#include "buttonkeys.h"
#include "practicecluster.h"
#include "practicemembership.h"
#include "practicesync.h"
#include "vaultsession.h"
#include "windowtestutil.h"
#include "workspace.h"

#include "practice/practice.h"
#include "vault/vault.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

class PracticeEndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    QString m_ada;
    QString m_code;

    // Presses Tab until the item named name has the keyboard (at most limit times).
    bool tabTo(const QString &name, int limit = 60)
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
    void keys(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }
    QString indicatorText() { return item(u"syncIndicator"_s)->property("text").toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_server.start(), m_server.output().constData());
        m_ada = m_dir.filePath(u"ada"_s);
        auto ada = guitest::createVault(m_ada, u"ada"_s);
        (void)uc::practice::initPractice(*ada, m_server.url(), m_server.caFile(), m_server.caKeyFile());
        m_code = uc::practice::invite(*ada, u"alice"_s, uc::model::Role::Therapist);
        ada.reset();
        const QString alice = m_dir.filePath(u"alice"_s);
        guitest::createVault(alice);

        ButtonKeys::install(QCoreApplication::instance());
        startApp(alice);
        QTRY_COMPARE(screen(), u"unlock"_s);
        type(item(u"userField"_s), u"alice"_s);
        type(item(u"passphraseField"_s), guitest::passphraseText);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"clients"_s, 10000);
    }

    void cleanupTestCase() { stopApp(); }

    void joinAndSyncByKeyboard()
    {
        QTRY_VERIFY(m_session->workspace()->practice()->loaded());
        QVERIFY(!item(u"syncIndicator"_s)->isVisible()); // not in a practice: no indicator
        QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"settings"_s);
        QVERIFY(tabTo(u"practiceServerField"_s));
        keys(m_server.url());
        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY(item(u"practiceCodeField"_s)->hasActiveFocus());
        QGuiApplication::clipboard()->setText(m_code);
        QTest::keyClick(m_window, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(item(u"practiceCodeField"_s)->property("text").toString(), m_code);
        QTest::keyClick(m_window, Qt::Key_Return); // Enter joins
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->practice()->joined(), 60000);
        QGuiApplication::clipboard()->clear();
        QTRY_VERIFY(item(u"syncIndicator"_s)->isVisible());
        QCOMPARE(indicatorText(), u"Not synced yet"_s);

        QVERIFY(tabTo(u"syncNowButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->sync()->state(), PracticeSync::Failed, 60000);
        QCOMPARE(indicatorText(), u"Sync failed"_s); // reached, but the key is not certified yet
        QVERIFY(!item(u"syncRefusedBanner"_s)->isVisible());

        {
            auto ada = uc::vault::Vault::open(m_ada, u"ada"_s, guitest::secret());
            (void)uc::practice::status(*ada); // the administrator certifies alice's key
        }
        QVERIFY(item(u"syncNowButton"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->sync()->state(), PracticeSync::Idle, 60000);
        QVERIFY2(indicatorText().startsWith(u"Synced today "_s), qPrintable(indicatorText()));
        QCOMPARE(item(u"practiceLastResult"_s)->property("text").toString(), u"Pushed 0, pulled 0."_s);
    }
};

QTEST_MAIN(PracticeEndToEndTest)
#include "practicee2etest.moc"
