// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>

class QQuickWindow;
class VaultSession;

namespace practicetest {
class Cluster;
}

namespace screenshots {

// Walks the real window through every screen on the demo practice the session has made, the
// way a user's clicks go (the window's own functions and the objects the screens call), and
// writes one PNG per screen into a folder.
class ScreenWalk
{
public:
    ScreenWalk(QQuickWindow *window, VaultSession &session, QString dir);

    // Every screen in turn; false after saying on stderr which step went wrong.
    [[nodiscard]] bool run();

private:
    // first-run, unlock
    [[nodiscard]] bool opening();
    // clients, import
    [[nodiscard]] bool clients();
    // client-overview, note-editor
    [[nodiscard]] bool client();
    // client-overview-countertransference: the therapist's own card, shown, on a client with entries
    [[nodiscard]] bool countertransference();
    // patterns, review, search, settings
    [[nodiscard]] bool patternsAndMore();
    // note-risk, sign-risk, client-overview-risk, clients-open-risk, review-safety: a note with
    // risk typed, signed with the assessment to follow, and where its open risk then shows
    [[nodiscard]] bool risk();
    // review-queue, agreement-rating, agreement, audit, my-notes-in-review, and the shared
    // countertransference's screens below
    [[nodiscard]] bool supervision();
    // ct-share-dialog (also at 1024x700), client-overview-ct-shared: the demo therapist shares an
    // entry with the supervisor (ctsharewalk.cpp); locked after
    [[nodiscard]] bool ctShare(const QString &demoPassphrase);
    // client-overview-shared-ct: the supervisor, unlocked, reads it on the client's overview
    [[nodiscard]] bool sharedCountertransference();
    [[nodiscard]] bool reviewQueue();
    [[nodiscard]] bool agreement();
    [[nodiscard]] bool audit();
    [[nodiscard]] bool notesInReview();
    // settings-practice, sync-refused: the demo therapist's practice on a throwaway cluster, synced,
    // then refused after a rollback (skipped, saying why, without PostgreSQL; practicewalk.cpp)
    [[nodiscard]] bool practice();
    // review-queue-practice (also at 1024x700), review-practice-cosigned: the supervisor's queue with
    // notes received from another machine, one open, then co-signed (practicequeuewalk.cpp); the
    // administrator (the demo therapist) unlocked again at the end
    [[nodiscard]] bool practiceQueue(practicetest::Cluster &server, const QString &admin, const QString &adminPass);
    // recovery-key: a new vault made in a folder of its own, its recovery key shown once
    [[nodiscard]] bool recoveryKey();
    // use-days, use-days-1024x700, use-day-entry-1024x700: the overview's use-day strips and the
    // dialog (screenwalkusedays.cpp)
    [[nodiscard]] bool useDays();

    // Writes <dir>/<name>.png once the window has settled.
    [[nodiscard]] bool grab(const QString &name);
    // Runs the event loop until done() or the timeout; false on timeout.
    [[nodiscard]] static bool waitUntil(const std::function<bool()> &done, int timeoutMs = 60000);
    // Runs until done() with the vault thread idle.
    [[nodiscard]] bool waitIdle(const std::function<bool()> &done, int timeoutMs = 60000);
    [[nodiscard]] bool unlockAs(const QString &user, const QString &passphrase);
    // The window opens the client's overview (its openClient()) and it loads.
    [[nodiscard]] bool openClient(const QString &code);
    void lock();
    static bool fail(const char *what);
    static void settle(int ms);

    QQuickWindow *m_window;
    VaultSession &m_session;
    QString m_dir;
};

} // namespace screenshots
