// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The real window for the end-to-end tests: Main.qml loaded from the module over a session, as
// main() loads it, and what a user does to it (click, type), offscreen.
#include "offlinenetwork.h"
#include "sessionfixture.h"

#include <QObject>
#include <QQmlApplicationEngine>
#include <QSettings>
#include <QStandardPaths>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <memory>

namespace guitest {

// Base of a test class (which adds Q_OBJECT and its slots) that drives the window.
class WindowTest : public QObject
{
protected:
    // From initTestCase: settings of the test's own, a session on vaultDir (cheap key derivation)
    // and the window over it.
    void startApp(const QString &vaultDir)
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        m_session = std::make_unique<VaultSession>(nullptr);
        useVault(*m_session, vaultDir);
        loadWindow(m_session.get());
    }
    // From cleanupTestCase: the window first, as it binds to the session.
    void stopApp()
    {
        closeWindow();
        m_session.reset();
    }
    // Loads Main.qml over session, which QML then sees as VaultSession, and waits for the window.
    void loadWindow(VaultSession *session)
    {
        VaultSession::setInstance(session);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        uc::gui::refuseNetwork(*m_engine);
        m_engine->addImportPath(QStringLiteral("qrc:/"));
        m_engine->load(QUrl(QStringLiteral("qrc:/Undercurrent/Main.qml")));
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }
    // Before the session goes: the window still binds to it.
    void closeWindow()
    {
        m_engine.reset();
        m_window = nullptr;
        VaultSession::setInstance(nullptr);
    }

    // The window's screen ("clients", "note-editor" …) and the item the loader shows for it.
    [[nodiscard]] QString screen() const { return m_window->property("screen").toString(); }
    [[nodiscard]] QObject *current() const
    {
        return find(m_window, QStringLiteral("screenLoader"))->property("item").value<QObject *>();
    }
    // The item named name on the current screen, else anywhere in the window (a dialog, a popup).
    [[nodiscard]] QQuickItem *item(const QString &name) const
    {
        auto *found = qobject_cast<QQuickItem *>(find(current(), name));
        if (!found)
            found = qobject_cast<QQuickItem *>(find(m_window, name));
        if (!found)
            qWarning("no item %s on the %s screen", qPrintable(name), qPrintable(screen()));
        return found;
    }
    void click(QQuickItem *target) const
    {
        QVERIFY(target);
        QTRY_VERIFY(target->isVisible() && target->isEnabled());
        const QPointF centre = target->mapToScene(QPointF(target->width() / 2, target->height() / 2));
        QTest::mouseClick(m_window, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    }
    void type(QQuickItem *field, const QString &text) const
    {
        click(field);
        QTRY_VERIFY(field->hasActiveFocus());
        for (const QChar c : text) // keyClicks() takes only widgets; a window gets one key at a time
            QTest::keyClick(m_window, c.toLatin1());
    }

    std::unique_ptr<VaultSession> m_session;
    QQuickWindow *m_window = nullptr;

private:
    std::unique_ptr<QQmlApplicationEngine> m_engine;
};

} // namespace guitest
