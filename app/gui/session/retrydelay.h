// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDeadlineTimer>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

// The wait after wrong passphrases, at unlock and on leaving review with a client alike (the
// screen may be in front of someone else): none for the first five in a row, then 5 s doubling
// to at most 5 minutes before the next try.
class RetryDelay : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(int failures READ failures NOTIFY failuresChanged)
    Q_PROPERTY(int seconds READ seconds NOTIFY secondsChanged)

public:
    explicit RetryDelay(QObject *parent = nullptr);

    // Seconds to wait before the next try after this many wrong passphrases in a row.
    [[nodiscard]] static int secondsAfter(int failures);

    // Wrong passphrases in a row.
    [[nodiscard]] int failures() const { return m_failures; }
    // Seconds still to wait before the next try; 0 when a try may go ahead.
    [[nodiscard]] int seconds() const { return m_seconds; }

    // A wrong passphrase: one more failure, and the wait it brings.
    void countWrong();
    // The right one: the count starts again.
    void reset();

Q_SIGNALS:
    void failuresChanged();
    void secondsChanged();

private:
    void tick();

    int m_failures = 0;
    int m_seconds = 0;
    QDeadlineTimer m_deadline;
    QTimer m_tick;
};
