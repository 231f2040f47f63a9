// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "retrydelay.h"
#include "vaultthread.h"

#include "model/permissions.h"
#include "model/types.h"
#include "vault/keyslots.h"

#include <QObject>
#include <QQmlEngine>

#include <optional>

class AutoLock;
class DemoMode;
class BannerState;
class Workspace;

Q_MOC_INCLUDE("autolock.h")
Q_MOC_INCLUDE("demomode.h")
Q_MOC_INCLUDE("bannerstate.h")
Q_MOC_INCLUDE("workspace.h")

// The vault's lifecycle as the window sees it: create, unlock, recover and lock (by hand, when
// idle, or as the window closes), the recovery key just made, the user's role and what it may do.
// Beside it, each an object of its own: the vault thread (busy), the idle clock (autoLock), the
// wait after wrong passphrases (retry), the banner, the demo, and the Workspace of objects the
// screens talk to. A lock empties the workspace, then closes the vault, which wipes its keys;
// answers still on their way are dropped.
class VaultSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QString vaultDir READ vaultDir WRITE setVaultDir NOTIFY vaultDirChanged)
    Q_PROPERTY(QString defaultVaultDir READ defaultVaultDir CONSTANT)
    Q_PROPERTY(bool vaultExists READ vaultExists NOTIFY vaultExistsChanged)
    Q_PROPERTY(bool unlocked READ isUnlocked NOTIFY unlockedChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY userNameChanged)
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY recoveryKeyChanged)
    Q_PROPERTY(int recoveryGroup READ recoveryGroup NOTIFY recoveryKeyChanged)
    // "therapist", "supervisor" or "auditor"; empty while locked.
    Q_PROPERTY(QString role READ role NOTIFY roleChanged)
    // Every action of model/permissions.h by its name ("cosign", "read-audit") → allowed for the role.
    Q_PROPERTY(QVariantMap permissions READ permissions NOTIFY roleChanged)
    // Where the unlocked window starts: "queue" for a supervisor, "audit" for an auditor, else "clients".
    Q_PROPERTY(QString homeArea READ homeArea NOTIFY roleChanged)

    // The vault thread: busy, busyText, showProgress.
    Q_PROPERTY(VaultThread *vaultThread READ vaultThread CONSTANT)
    Q_PROPERTY(AutoLock *autoLock READ autoLock CONSTANT)
    Q_PROPERTY(RetryDelay *retry READ retry CONSTANT)
    Q_PROPERTY(BannerState *banner READ banner CONSTANT)
    Q_PROPERTY(DemoMode *demo READ demo CONSTANT)

public:
    // No default argument on purpose: Qt 6.4 builds a default-constructible singleton itself and
    // never calls create(), which would leave QML with a second, unconfigured session.
    explicit VaultSession(QObject *parent);
    ~VaultSession() override;

    // The QML singleton: the instance main() set up, else one owned by the engine.
    static VaultSession *create(QQmlEngine *engine, QJSEngine *scriptEngine);
    static void setInstance(VaultSession *session);

    [[nodiscard]] QString vaultDir() const { return m_vaultDir; }
    // Where a first vault goes unless the user picks another folder.
    [[nodiscard]] static QString defaultVaultDir();
    void setVaultDir(const QString &dir);
    [[nodiscard]] bool vaultExists() const { return m_vaultExists; }
    [[nodiscard]] bool isUnlocked() const { return m_unlocked; }
    [[nodiscard]] QString userName() const { return m_userName; }
    [[nodiscard]] QString recoveryKey() const { return m_recoveryKey; }
    [[nodiscard]] int recoveryGroup() const { return m_recoveryGroup; }
    [[nodiscard]] QString role() const;
    [[nodiscard]] QVariantMap permissions() const;
    [[nodiscard]] QString homeArea() const;

    // The vault thread (tests set a cheap key derivation there, and prove the vault is never
    // touched on the GUI thread).
    [[nodiscard]] VaultThread *vaultThread() { return &m_vault; }
    [[nodiscard]] AutoLock *autoLock() const { return m_autoLock; }
    [[nodiscard]] RetryDelay *retry() { return &m_retry; }
    [[nodiscard]] BannerState *banner() const { return m_banner; }
    [[nodiscard]] DemoMode *demo() const { return m_demo; }
    // The objects the screens talk to (QML reaches them as the Workspace singleton).
    [[nodiscard]] Workspace *workspace() const { return m_workspace; }

    // Each answers created(), unlocked() or failed(failure) with action "create", "unlock" or "recover".
    Q_INVOKABLE void createVault(const QString &dir, const QString &user, const QString &passphrase,
                                 const QString &confirmation);
    Q_INVOKABLE void unlock(const QString &user, const QString &passphrase);
    Q_INVOKABLE void recover(const QString &user, const QString &recoveryKey, const QString &passphrase,
                             const QString &confirmation);
    // The recovery key has been written down (the screen checked a group): forget it.
    Q_INVOKABLE void forgetRecoveryKey();
    Q_INVOKABLE void lock();
    // Whether the user's role may do action (model::allowed; the vault enforces it anyway).
    Q_INVOKABLE bool can(const QString &action) const;

Q_SIGNALS:
    void vaultDirChanged();
    void vaultExistsChanged();
    void unlockedChanged();
    void userNameChanged();
    void recoveryKeyChanged();
    void roleChanged();

    void created(); // the vault exists and is open; recoveryKey is set
    void unlocked(); // clients are loaded
    void aboutToLock(); // last chance for open drafts to be posted (the vault thread runs in order)
    void locked();
    void failed(const Failure &failure);

private:
    void setUnlocked(bool unlocked);
    void setUserName(const QString &name);
    void setRecoveryKey(const QString &key);
    void setRole(std::optional<uc::model::Role> role);
    void opened(const QString &user, std::optional<uc::model::Role> role);
    void remember() const;
    // Opens the vault through open (Vault::open or ::recover) on the vault thread, with the client
    // list loaded; failures go to onFailure.
    template<typename Open>
    void openWith(const QString &label, const QString &user, Open open,
                  std::function<void(const uc::Error &)> onFailure);

    VaultThread m_vault;
    RetryDelay m_retry;
    QString m_vaultDir;
    bool m_vaultExists = false;
    bool m_unlocked = false;
    bool m_opening = false; // a create, unlock or recover is on its way
    QString m_userName;
    QString m_recoveryKey;
    int m_recoveryGroup = 0;
    std::optional<uc::model::Role> m_role; // none while locked

    AutoLock *m_autoLock;
    BannerState *m_banner;
    DemoMode *m_demo;
    Workspace *m_workspace;
};
