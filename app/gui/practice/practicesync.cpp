// SPDX-License-Identifier: GPL-3.0-or-later
#include "practicesync.h"

#include "vaultthread.h"

#include "common/error.h"

#ifdef UC_PRACTICE
#include "practice/membership.h"
#include "practice/sync.h"
#include "practice/syncrecord.h"
#endif

#include <QLocale>
#include <QSettings>

#include <algorithm>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

namespace {

const QString minutesKey = u"practice/autoSyncMinutes"_s;
constexpr int maxMinutes = 240;

} // namespace

PracticeSync::PracticeSync(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_autoMinutes(std::clamp(QSettings().value(minutesKey, 0).toInt(), 0, maxMinutes))
{
    m_timer.setSingleShot(false);
    connect(&m_timer, &QTimer::timeout, this, [this] { syncNow(); });
}

PracticeSync::State PracticeSync::state() const
{
    if (!m_member)
        return NotMember;
    if (m_syncing)
        return Syncing;
    switch (m_outcome) {
    case Outcome::Offline:
    case Outcome::Failed:
        return Failed;
    case Outcome::Refused:
        return Refused;
    case Outcome::None:
    case Outcome::Synced:
        break;
    }
    return Idle;
}

QString PracticeSync::summary() const
{
    switch (state()) {
    case NotMember:
        return {};
    case Syncing:
        return tr("Syncing…");
    case Failed:
        return m_outcome == Outcome::Offline ? tr("Offline") : tr("Sync failed");
    case Refused:
        return tr("Sync refused");
    case Idle:
        break;
    }
    if (m_outcome == Outcome::None)
        return tr("Not synced yet");
    return tr("Synced %1").arg(whenText(m_at, QDateTime::currentDateTime()));
}

QString PracticeSync::lastSynced() const
{
    return m_at.isValid() ? whenText(m_at, QDateTime::currentDateTime()) : QString();
}

QString PracticeSync::advice() const
{
    switch (state()) {
    case Failed:
        return m_outcome == Outcome::Offline
            ? tr("The practice server could not be reached. Nothing here was changed; your notes wait here "
                 "and go with the next sync.")
            : tr("The practice server did not accept this sync, for the reason below. Nothing here was "
                 "changed.");
    case Refused:
        return refusedAdvice();
    case NotMember:
    case Idle:
    case Syncing:
        break;
    }
    return {};
}

QString PracticeSync::refusedAdvice()
{
    return tr("The practice server shows a history that does not match what this machine has already seen: it "
              "was rolled back to an earlier copy or rewritten. Nothing here was changed. Tell your practice "
              "administrator. If they restored the server on purpose, run "
              "“undercurrent-cli sync --accept-rollback” once on this machine.");
}

QString PracticeSync::whenText(const QDateTime &at, const QDateTime &now)
{
    const QDateTime local = at.toLocalTime();
    const QLocale locale;
    const QString time = local.time().toString(u"HH:mm"_s);
    const qint64 days = local.date().daysTo(now.toLocalTime().date());
    if (days == 0)
        return tr("today %1").arg(time);
    if (days == 1)
        return tr("yesterday %1").arg(time);
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' + time;
}

void PracticeSync::setAutoSyncMinutes(int minutes)
{
    minutes = std::clamp(minutes, 0, maxMinutes);
    if (minutes == m_autoMinutes)
        return;
    m_autoMinutes = minutes;
    QSettings().setValue(minutesKey, minutes);
    if (m_timer.isActive() || (m_member && m_vault && m_vault->isOpen()))
        scheduleAutomatic();
    Q_EMIT autoSyncMinutesChanged();
}

void PracticeSync::scheduleAutomatic()
{
    if (m_autoMinutes == 0 || !m_member) {
        m_timer.stop();
        return;
    }
    m_timer.start(m_autoMinutes * 60 * 1000);
}

#ifdef UC_PRACTICE
using uc::practice::SyncRecord;

PracticeSync::Record PracticeSync::recordOf(const uc::practice::SyncRecord &r)
{
    Outcome outcome = Outcome::Refused;
    switch (r.outcome) {
    case SyncRecord::Outcome::Synced:
        outcome = Outcome::Synced;
        break;
    case SyncRecord::Outcome::Offline:
        outcome = Outcome::Offline;
        break;
    case SyncRecord::Outcome::Failed:
        outcome = Outcome::Failed;
        break;
    case SyncRecord::Outcome::Refused:
        break;
    }
    return { r.at, outcome, r.message, r.acknowledged };
}
#endif

bool PracticeSync::syncNow()
{
    if (m_syncing || !m_member || !m_vault || !m_vault->isOpen())
        return false;
#ifdef UC_PRACTICE
    m_syncing = true;
    Q_EMIT changed();
    m_vault->postInBackground(
        this,
        [](Worker &w) {
            uc::vault::Vault &v = w.open();
            SyncRecord record;
            try {
                record = uc::practice::syncRecordOf(uc::practice::sync(v));
            } catch (const uc::Error &e) {
                // Damaged: the server did not verify against what is pinned here (practice.h); Io: it
                // could not be reached (connection.h).
                record = uc::practice::syncRecordOf(e);
            }
            // The same record core's sync kept in the member folder, for the top bar now.
            return record;
        },
        [this](const SyncRecord &r) {
            m_syncing = false;
            show(recordOf(r));
            Q_EMIT finished();
        },
        [this](const uc::Error &e) {
            m_syncing = false;
            Q_EMIT changed();
            Q_EMIT failed(Failure(u"sync"_s, e));
        });
    return true;
#else
    return false;
#endif
}

void PracticeSync::acknowledgeRefusal()
{
    if (!refusalShown())
        return;
    m_acknowledged = true;
    Q_EMIT changed();
#ifdef UC_PRACTICE
    if (!m_vault || !m_vault->isOpen())
        return;
    SyncRecord record { m_at.toUTC(), SyncRecord::Outcome::Refused, m_message, true };
    m_vault->postInBackground(
        this,
        [record](Worker &w) {
            uc::practice::saveSyncRecord(w.open(), record);
            return true;
        },
        [](bool) {}, [this](const uc::Error &e) { Q_EMIT failed(Failure(u"sync"_s, e)); });
#endif
}

void PracticeSync::start()
{
#ifdef UC_PRACTICE
    if (!m_vault || !m_vault->isOpen())
        return;
    struct Found
    {
        bool member = false;
        std::optional<SyncRecord> record;
    };
    m_vault->postInBackground(
        this,
        [](Worker &w) {
            uc::vault::Vault &v = w.open();
            const bool member = uc::practice::hasMembership(v);
            return Found { member, member ? uc::practice::loadSyncRecord(v) : std::nullopt };
        },
        [this](const Found &found) {
            if (found.record)
                show(recordOf(*found.record));
            setMember(found.member);
            if (m_member && m_autoMinutes > 0)
                syncNow();
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"sync"_s, e)); });
#endif
}

void PracticeSync::setMember(bool member)
{
    if (member != m_member) {
        m_member = member;
        Q_EMIT changed();
    }
    scheduleAutomatic();
}

void PracticeSync::clear()
{
    m_timer.stop();
    m_member = false;
    m_syncing = false;
    show({});
}

void PracticeSync::show(const Record &record)
{
    m_at = record.at;
    m_outcome = record.outcome;
    m_message = record.message;
    m_acknowledged = record.acknowledged;
    Q_EMIT changed();
}
