// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

// The idle clock of an unlocked vault: the user's input anywhere in the application restarts it,
// and after minutes without any it asks for a lock (expired) and says why. The minutes are a
// setting (1 to 30, 10 unless changed), kept in QSettings.
class AutoLock : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(int minutes READ minutes WRITE setMinutes NOTIFY minutesChanged)
    // Why the vault locked by itself ("Locked after 5 minutes without use"); empty after a lock
    // the user asked for, and once unlocked again.
    Q_PROPERTY(QString reason READ reason NOTIFY reasonChanged)

public:
    explicit AutoLock(QObject *parent);

    [[nodiscard]] int minutes() const { return m_minutes; }
    void setMinutes(int minutes);
    [[nodiscard]] QString reason() const { return m_reason; }

    // The vault opened: the clock runs from now, and the last reason is forgotten.
    void start();
    // The vault locked: the clock stops.
    void stop();
    // Restarts the clock on the user's input anywhere in application.
    void watch(QObject *application);
    // The idle time before an auto-lock in milliseconds (tests; the setting is in minutes).
    void setInterval(int milliseconds) { m_idle.setInterval(milliseconds); }
    // Input from the user: the clock starts again (at most once a second).
    Q_INVOKABLE void noteActivity();

Q_SIGNALS:
    void minutesChanged();
    void reasonChanged();
    // The vault has been idle for the set minutes: lock it.
    void expired();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void setReason(const QString &reason);

    int m_minutes = 10;
    bool m_running = false;
    QString m_reason;
    QTimer m_idle;
    QElapsedTimer m_lastActivity;
};
