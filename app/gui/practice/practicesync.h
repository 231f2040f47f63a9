// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QTimer>

class VaultThread;

namespace uc::practice {
struct SyncRecord;
}

// Sync with the practice server, as the top bar's indicator and Settings › Practice show it
// (docs/practice.md, "In the GUI"). A sync runs on the vault thread in the background (the GUI
// thread never waits; no progress overlay, the indicator says "Syncing…"); a second one while it
// runs is refused. Optionally automatic: on unlock and every autoSyncMinutes (0, the default, for
// off; kept in QSettings). A server whose history does not verify against what is pinned here
// (rolled back or rewritten) is "refused": nothing local changed, and refusalShown stays until
// acknowledged. The last outcome is kept in the member folder (practice/syncrecord.h).
class PracticeSync : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(State state READ state NOTIFY changed)
    // A few words for the indicator: "Synced today 14:05", "Syncing…", "Offline", "Sync failed",
    // "Sync refused".
    Q_PROPERTY(QString summary READ summary NOTIFY changed)
    // When the last sync ended ("today 14:05", "3 Dec 2026 09:12"), "" before the first.
    Q_PROPERTY(QString lastSynced READ lastSynced NOTIFY changed)
    // How it ended, in a sentence ("Pushed 2 notes, pulled 1.", or why it failed).
    Q_PROPERTY(QString lastResult READ lastResult NOTIFY changed)
    // For Failed and Refused: what happened and what to do, in plain words.
    Q_PROPERTY(QString advice READ advice NOTIFY changed)
    // A refusal not yet acknowledged: the window's banner.
    Q_PROPERTY(bool refusalShown READ refusalShown NOTIFY changed)
    Q_PROPERTY(int autoSyncMinutes READ autoSyncMinutes WRITE setAutoSyncMinutes NOTIFY autoSyncMinutesChanged)

public:
    enum State {
        NotMember, // no practice here: the indicator is hidden
        Idle, // synced, or not yet synced on this machine
        Syncing,
        Failed, // the server could not be reached ("Offline") or refused the sync; nothing changed
        Refused, // the server's history was rolled back or rewritten; nothing changed
    };
    Q_ENUM(State)

    explicit PracticeSync(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] State state() const;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString lastSynced() const;
    [[nodiscard]] QString lastResult() const { return m_message; }
    [[nodiscard]] QString advice() const;
    [[nodiscard]] bool refusalShown() const { return m_outcome == Outcome::Refused && !m_acknowledged; }
    [[nodiscard]] int autoSyncMinutes() const { return m_autoMinutes; }
    void setAutoSyncMinutes(int minutes); // 0 (off) to 240

    // Starts a sync in the background; false (and nothing posted) while one runs, when locked or
    // not a member.
    Q_INVOKABLE bool syncNow();
    // The refusal banner was read: it goes (here and on the next unlock); the state stays Refused
    // until a sync succeeds.
    Q_INVOKABLE void acknowledgeRefusal();

    // The vault is open: reads membership and the last outcome, then syncs if automatic.
    void start();
    // Whether the user is a member (a join, or the membership read again).
    void setMember(bool member);
    // Forgets what was shown and stops the timer (a lock).
    void clear();

    // The last sync's outcome as shown (from the vault thread's answer; the QML tests' fixtures too).
    enum class Outcome : unsigned char { None, Synced, Offline, Failed, Refused };
    struct Record
    {
        QDateTime at;
        Outcome outcome = Outcome::None;
        QString message;
        bool acknowledged = false;
    };
    void show(const Record &record);

    // What to do about a refusal (the banner's words; the review pane's for a refused practice action).
    [[nodiscard]] static QString refusedAdvice();

    // "today 14:05", "yesterday 14:05", else the date and time in the locale's short form.
    [[nodiscard]] static QString whenText(const QDateTime &at, const QDateTime &now);

Q_SIGNALS:
    void changed();
    void autoSyncMinutesChanged();
    // A sync ended (synced, failed or refused): the membership's heads may have moved.
    void finished();
    void failed(const Failure &failure);

private:
    [[nodiscard]] static Record recordOf(const uc::practice::SyncRecord &record);
    void scheduleAutomatic();

    VaultThread *m_vault;
    bool m_member = false;
    bool m_syncing = false;
    QDateTime m_at;
    Outcome m_outcome = Outcome::None;
    QString m_message;
    bool m_acknowledged = false;
    int m_autoMinutes = 0;
    QTimer m_timer;
};
