// SPDX-License-Identifier: GPL-3.0-or-later
#include "autolock.h"

#include "common/logging.h"

#include <QEvent>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

const auto minutesKey = u"security/autoLockMinutes"_s;

} // namespace

AutoLock::AutoLock(QObject *parent)
    : QObject(parent)
    , m_minutes(std::clamp(QSettings().value(minutesKey, 10).toInt(), 1, 30))
{
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_minutes * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (!m_running)
            return;
        qCInfo(ucApp) << "auto-lock after" << m_minutes << "idle minutes";
        setReason(m_minutes == 1 ? tr("Locked after 1 minute without use")
                                 : tr("Locked after %1 minutes without use").arg(m_minutes));
        Q_EMIT expired();
    });
    m_lastActivity.start();
}

void AutoLock::setMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, 30);
    if (minutes == m_minutes)
        return;
    m_minutes = minutes;
    m_idle.setInterval(minutes * 60 * 1000);
    if (m_running)
        m_idle.start();
    QSettings().setValue(minutesKey, minutes);
    Q_EMIT minutesChanged();
}

void AutoLock::start()
{
    m_running = true;
    setReason({});
    m_lastActivity.restart();
    m_idle.start();
}

void AutoLock::stop()
{
    m_running = false;
    m_idle.stop();
}

void AutoLock::watch(QObject *application)
{
    application->installEventFilter(this);
}

bool AutoLock::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
        noteActivity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void AutoLock::noteActivity()
{
    // Mouse moves come by the hundred: restarting the timer once a second is plenty.
    if (!m_running || m_lastActivity.elapsed() < 1000)
        return;
    m_lastActivity.restart();
    m_idle.start();
}

void AutoLock::setReason(const QString &reason)
{
    if (m_reason == reason)
        return;
    m_reason = reason;
    Q_EMIT reasonChanged();
}
