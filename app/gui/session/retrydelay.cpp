// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrydelay.h"

#include <algorithm>
#include <chrono>

RetryDelay::RetryDelay(QObject *parent)
    : QObject(parent)
{
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &RetryDelay::tick);
}

int RetryDelay::secondsAfter(int failures)
{
    constexpr int freeTries = 5;
    if (failures < freeTries)
        return 0;
    const int doublings = std::min(failures - freeTries, 6);
    return std::min(5 * (1 << doublings), 300);
}

void RetryDelay::countWrong()
{
    ++m_failures;
    Q_EMIT failuresChanged();
    const int delay = secondsAfter(m_failures);
    if (delay > 0) {
        m_deadline = QDeadlineTimer(std::chrono::seconds(delay));
        m_seconds = delay;
        Q_EMIT secondsChanged();
        m_tick.start();
    }
}

void RetryDelay::reset()
{
    if (m_failures == 0)
        return;
    m_failures = 0;
    Q_EMIT failuresChanged();
}

void RetryDelay::tick()
{
    const qint64 left = m_deadline.remainingTime();
    const int seconds = left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
    if (seconds != m_seconds) {
        m_seconds = seconds;
        Q_EMIT secondsChanged();
    }
    if (seconds == 0)
        m_tick.stop();
}
