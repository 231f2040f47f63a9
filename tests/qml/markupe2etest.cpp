// SPDX-License-Identifier: GPL-3.0-or-later
// Someone else's text never renders as markup and the GUI never touches the network, offscreen,
// attacker first: a colleague's client name, note and a supervisor's comment each carry
// <img src="http://127.0.0.1:PORT/beacon"> (a beacon: whoever opens the record tells an outsider
// when) and <b>x</b>, with a QTcpServer listening on PORT. The real screens (client list, a
// client's overview, the review queue with the note and its comments) are loaded with the
// network refusal OFF, so that the PlainText on every Text is what is tested; the refusal is
// tested on its own, on an AutoText that does fetch without it.
#include "offlinenetwork.h"
#include "supervisiontestutil.h"
#include "windowtestutil.h"
#include "workspace.h"

#include "clientlistmodel.h"
#include "clientoverview.h"
#include "notereview.h"
#include "reviewqueuemodel.h"
#include "vaultsession.h"
#include "vault/vault.h"

#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

namespace {

// Every item under root, through visual children and popups' content.
void collect(QQuickItem *root, QList<QQuickItem *> &out)
{
    out.append(root);
    for (QQuickItem *child : root->childItems())
        collect(child, out);
}

} // namespace

class MarkupEndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTcpServer m_beacon;
    QString m_payload;
    int m_connections = 0;
    std::unique_ptr<QQmlApplicationEngine> m_bareEngine;

    // Waits long enough for an image fetch to have reached the server (it comes when the scene is
    // drawn), then says how many arrived.
    int connectionsAfterAWhile()
    {
        (void)QTest::qWaitFor([this] { return m_connections > 0; }, 1500); // none is the hoped-for answer
        return m_connections;
    }

    // Every text item in the window that holds the payload: it must show it as written. Returns
    // the offenders, described.
    QStringList renderedAsMarkup() const
    {
        QList<QQuickItem *> items;
        collect(m_window->contentItem(), items);
        for (QObject *popup : m_window->findChildren<QObject *>()) // dialogs and tool tips
            if (auto *content = popup->property("contentItem").value<QQuickItem *>(); content && !items.contains(content))
                collect(content, items);
        QStringList out;
        int seen = 0;
        for (QQuickItem *i : std::as_const(items)) {
            const QVariant format = i->property("textFormat");
            const QString text = i->property("text").toString();
            if (!format.isValid() || !text.contains(u"<img"_s))
                continue;
            ++seen;
            if (format.toInt() != 0 /* Text.PlainText */)
                out << u"%1 (%2): %3"_s.arg(QString::fromLatin1(i->metaObject()->className()), i->objectName(), text.left(60));
        }
        if (seen == 0)
            out << u"no text on the screen holds the payload: the test looks at nothing"_s;
        return out;
    }

    void loadBareWindow()
    {
        VaultSession::setInstance(m_session.get());
        m_bareEngine = std::make_unique<QQmlApplicationEngine>(); // no refuseNetwork: see the head comment
        m_bareEngine->addImportPath(u"qrc:/"_s);
        m_bareEngine->load(QUrl(u"qrc:/Undercurrent/Main.qml"_s));
        QVERIFY(!m_bareEngine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_bareEngine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    // A QML Text with its default format and the payload, in engine; whether the beacon rang.
    bool autoTextFetches(QQmlEngine &engine)
    {
        const int before = m_connections;
        QQmlComponent component(&engine);
        component.setData(R"(import QtQuick
Window {
    property alias text: label.text
    visible: true; width: 300; height: 100
    Text { id: label }
})",
                          QUrl(u"autotext.qml"_s));
        std::unique_ptr<QObject> window(component.create());
        if (!window) {
            qWarning() << component.errors();
            return false;
        }
        window->setProperty("text", m_payload);
        QTest::qWait(50);
        return QTest::qWaitFor([&] { return m_connections > before; }, 1500);
    }

private Q_SLOTS:
    void init() { m_connections = 0; } // each test counts its own

    void initTestCase()
    {
        QVERIFY(m_beacon.listen(QHostAddress::LocalHost));
        connect(&m_beacon, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_beacon.nextPendingConnection()) {
                ++m_connections;
                s->close();
            }
        });
        m_payload = u"<img src=\"http://127.0.0.1:%1/beacon\"><b>x</b>"_s.arg(m_beacon.serverPort());

        QVERIFY(m_dir.isValid());
        const QString dir = m_dir.filePath(u"vault"_s);
        const guitest::SupervisedVault made = guitest::createSupervisedVault(dir);
        {
            auto v = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
            guitest::addClient(*v, u"C-0002"_s, u"Bo "_s + m_payload);
            v->notes().sign(guitest::addSession(*v, u"C-0002"_s, u"2025-03-05"_s, u"She drinks when she feels abandoned "_s + m_payload));
        }
        {
            auto v = uc::vault::Vault::open(dir, guitest::supervisor, guitest::secret());
            v->supervision().comment(made.signedNotes.first(), u"See "_s + m_payload);
        }
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_session = std::make_unique<VaultSession>(nullptr);
        guitest::useVault(*m_session, dir);
        loadBareWindow();
    }

    void cleanupTestCase()
    {
        m_bareEngine.reset();
        m_window = nullptr;
        VaultSession::setInstance(nullptr);
        m_session.reset();
    }

    // The attack is real: without PlainText and without the refusal, the beacon rings. With the
    // refusal on the engine (as main() installs it), the same Text fetches nothing.
    void theNetworkIsRefused()
    {
        QQmlEngine open;
        QVERIFY2(autoTextFetches(open), "an AutoText <img> did not reach the listening server: the test cannot fail");
        QQmlEngine refused;
        uc::gui::refuseNetwork(refused);
        QVERIFY(!autoTextFetches(refused));
    }

    // The refusing manager answers with an error at once, whatever the scheme.
    void theManagerAnswersEveryRequestWithAnError()
    {
        uc::gui::OfflineNetworkAccessManager manager;
        const int before = m_connections;
        std::unique_ptr<QNetworkReply> reply(manager.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/x"_s.arg(m_beacon.serverPort())))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        QVERIFY(finished.wait(2000));
        QCOMPARE(reply->error(), QNetworkReply::ContentAccessDenied);
        QCOMPARE(reply->readAll(), QByteArray());
        QCOMPARE(connectionsAfterAWhile(), before);
    }

    void aCommentOnTheNoteUnderReviewShowsLiterally()
    {
        QVERIFY(guitest::unlockAs(*m_session, guitest::supervisor));
        QTRY_COMPARE(screen(), u"review-queue"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->review()->comments().size() == 1, 10000);
        QTest::qWait(200);
        const QStringList markup = renderedAsMarkup();
        QVERIFY2(markup.isEmpty(), qPrintable(markup.join(u'\n')));
        QCOMPARE(connectionsAfterAWhile(), 0);
    }

    void theClientListShowsTheNameLiterally()
    {
        click(item(u"nav-clients"_s));
        QTRY_COMPARE(screen(), u"clients"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->clients()->count(), 2, 10000);
        QTRY_VERIFY(item(u"client-C-0002"_s) != nullptr);
        const QStringList markup = renderedAsMarkup();
        QVERIFY2(markup.isEmpty(), qPrintable(markup.join(u'\n')));
        QCOMPARE(connectionsAfterAWhile(), 0);
    }

    void theOverviewShowsTheNameAndNoteLiterally()
    {
        click(item(u"client-C-0002"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->overview()->notes()->rowCount() == 1, 10000);
        QTest::qWait(200);
        const QStringList markup = renderedAsMarkup();
        QVERIFY2(markup.isEmpty(), qPrintable(markup.join(u'\n')));
        QCOMPARE(connectionsAfterAWhile(), 0);
    }
};

QTEST_MAIN(MarkupEndToEndTest)

#include "markupe2etest.moc"
