// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include "common/error.h"
#include "common/secret.h"
#include "vault/keyslots.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

class QThread;

namespace uc::vault {
class Vault;
}

// The open vault on a thread of its own. Every call to uc::vault::Vault is posted here and runs on
// that thread in the order posted; its answer comes back to the GUI thread as a plain value, so
// Argon2id, the disk and the tagger never hold up a frame. The objects of the screens (the client
// list, the note editor, the review queue …) each hold this and post their own calls; the session
// opens and locks the vault. Also counts the calls on their way, for the busy indicator.
class VaultThread : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    // Calls on their way, and what the oldest is doing ("Saving…").
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    // Busy for longer than a moment: worth a progress indicator.
    Q_PROPERTY(bool showProgress READ showProgress NOTIFY showProgressChanged)

public:
    // What the posted work gets: the vault, which only the vault thread touches.
    struct Worker
    {
        std::unique_ptr<uc::vault::Vault> vault;
        // The open vault, or Error(Conflict) when it was locked before this call ran.
        uc::vault::Vault &open();
        // Error(Auth) unless passphrase opens the key slot of the open vault's user. The data key
        // it unwraps is wiped at once; the open vault is not touched.
        void checkPassphrase(const uc::SecretBuffer &passphrase);
    };

    explicit VaultThread(QObject *parent = nullptr);
    // Closes the vault (wiping its keys) on its own thread, after anything still queued there.
    ~VaultThread() override;

    // Runs work(Worker &) on the vault thread; done(result) then runs on the GUI thread unless a
    // lock came in between or owner is gone. A uc::Error goes to failed, or to unhandled() (the
    // session's banner) when there is none. label says what is happening while it runs.
    template<typename Work, typename Done>
    void post(QObject *owner, const QString &label, Work work, Done done,
              std::function<void(const uc::Error &)> failed = {})
    {
        beginBusy(label);
        send(true, owner, std::move(work), std::move(done), std::move(failed));
    }
    // As post, but not counted as busy: work the user did not wait for (a sync with the practice
    // server, which shows its own indicator) raises no progress overlay. Calls posted after it
    // still wait for it, and show the overlay as theirs.
    template<typename Work, typename Done>
    void postInBackground(QObject *owner, Work work, Done done, std::function<void(const uc::Error &)> failed = {})
    {
        send(false, owner, std::move(work), std::move(done), std::move(failed));
    }
    // A failure no form shows: to the banner.
    void report(const Failure &failure) { Q_EMIT unhandled(failure); }

    // Whether the session has the vault open (as the GUI thread knows it): calls that need it are
    // not posted otherwise.
    [[nodiscard]] bool isOpen() const { return m_open; }
    void setOpen(bool open) { m_open = open; }
    // Answers to every call posted before this are dropped (a lock began).
    void dropAnswers() { ++m_epoch; }

    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] QString busyText() const { return m_busyText; }
    // Busy for longer than a moment: worth a progress indicator.
    [[nodiscard]] bool showProgress() const { return m_showProgress; }

    // Argon2id cost for vaults and passphrases made here (tests and screenshots use a cheap one).
    [[nodiscard]] uc::vault::KdfCost kdfCost() const { return m_cost; }
    void setKdfCost(uc::vault::KdfCost cost) { m_cost = cost; }
    // The thread itself (tests prove the vault is never touched on the GUI thread).
    [[nodiscard]] QThread *workerThread() const { return m_thread; }

Q_SIGNALS:
    void busyChanged();
    void showProgressChanged();
    void unhandled(const Failure &failure);

private:
    // Runs work on the vault thread and its answer on this one; counted: it ends a beginBusy.
    template<typename Work, typename Done>
    void send(bool counted, QObject *owner, Work work, Done done, std::function<void(const uc::Error &)> failed);
    void beginBusy(const QString &label);
    void endBusy();

    Worker *m_worker; // used on the vault thread only
    QThread *m_thread;
    QObject *m_context; // lives on m_thread; the receiver of every posted call
    quint64 m_epoch = 0;
    bool m_open = false;
    int m_pending = 0;
    QString m_busyText;
    bool m_showProgress = false;
    QTimer m_progressDelay;
    uc::vault::KdfCost m_cost;
};

// The work of an action on one record, to post: act(vault, id), then the record as it now is,
// read back with read(vault, id).
template<typename Act, typename Read>
auto actThenRead(qint64 id, Act act, Read read)
{
    return [id, act = std::move(act), read = std::move(read)](VaultThread::Worker &w) {
        uc::vault::Vault &v = w.open();
        act(v, id);
        return read(v, id);
    };
}

template<typename Work, typename Done>
void VaultThread::send(bool counted, QObject *owner, Work work, Done done, std::function<void(const uc::Error &)> failed)
{
    using Result = std::invoke_result_t<Work &, Worker &>;
    static_assert(!std::is_void_v<Result>, "vault work returns a value (bool for none)");
    const quint64 epoch = m_epoch;
    Worker *worker = m_worker;
    QPointer<VaultThread> self(this);
    QPointer<QObject> receiver(owner);
    QMetaObject::invokeMethod(
        m_context,
        [self, receiver, worker, epoch, counted, work = std::move(work), done = std::move(done),
         failed = std::move(failed)]() mutable {
            auto result = std::make_shared<std::optional<Result>>();
            std::optional<uc::Error> error;
            try {
                result->emplace(work(*worker));
            } catch (const uc::Error &e) {
                error = e;
            } catch (const std::exception &) {
                error = uc::Error(uc::ErrorKind::Io, QStringLiteral("vault"), QStringLiteral("an unexpected failure"));
            }
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, receiver, epoch, counted, result, error, done = std::move(done),
                 failed = std::move(failed)]() mutable {
                    if (counted)
                        self->endBusy();
                    if (epoch != self->m_epoch || !receiver)
                        return;
                    if (!error) {
                        done(std::move(**result));
                    } else if (failed) {
                        failed(*error);
                    } else {
                        self->report(Failure(QString(), *error));
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
