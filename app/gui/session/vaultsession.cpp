// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultsession.h"

#include "autolock.h"
#include "clientdata.h"
#include "clientlistmodel.h"
#include "conversions.h"
#include "credentials.h"
#include "demomode.h"
#include "bannerstate.h"
#include "noteeditor.h"
#include "workspace.h"

#include "common/secret.h"
#include "vault/vault.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>

#include <string_view>

using namespace Qt::StringLiterals;
using uc::Error;
using uc::ErrorKind;
using uc::SecretBuffer;
using uc::gui::ClientRow;
using uc::gui::secretOf;
using uc::vault::Vault;
using Worker = VaultThread::Worker;

namespace {

VaultSession *s_instance = nullptr;

const auto dirKey = u"vault/dir"_s;
const auto userKey = u"vault/user"_s;

bool isVault(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo::exists(dir + u'/' + QLatin1String(uc::vault::KeySlots::fileName));
}

// What an unlock or a recovery brings back: the client list and the user's role.
struct Opened
{
    QList<ClientRow> clients;
    uc::model::Role role = uc::model::Role::Therapist;
};

// The list and role of a vault just opened in w; the vault is closed again when they cannot be read.
Opened openedIn(Worker &w)
{
    try {
        return {uc::gui::loadClientRows(*w.vault), w.vault->currentUser().role};
    } catch (...) {
        w.vault.reset();
        throw;
    }
}

} // namespace

QString VaultSession::defaultVaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/vault"_s;
}

VaultSession::VaultSession(QObject *parent)
    : QObject(parent)
    , m_autoLock(new AutoLock(this))
    , m_banner(new BannerState(this))
    , m_demo(new DemoMode(this, &m_vault))
    , m_workspace(new Workspace(&m_vault, &m_retry, this))
{
    connect(&m_vault, &VaultThread::unhandled, m_banner, &BannerState::show);
    connect(m_autoLock, &AutoLock::expired, this, [this] {
        if (m_unlocked)
            lock();
    });
    // The unlock screen is filled in with the demo user.
    connect(m_demo, &DemoMode::changed, this, [this] {
        if (m_demo->active())
            setUserName(DemoMode::user());
    });

    const QSettings settings;
    m_vaultDir = settings.value(dirKey, defaultVaultDir()).toString();
    m_vaultExists = isVault(m_vaultDir);
    m_userName = settings.value(userKey).toString();
}

VaultSession::~VaultSession()
{
    if (s_instance == this)
        s_instance = nullptr;
}

VaultSession *VaultSession::create(QQmlEngine *engine, QJSEngine *scriptEngine)
{
    Q_UNUSED(scriptEngine)
    VaultSession *session = s_instance ? s_instance : new VaultSession(engine);
    QJSEngine::setObjectOwnership(session, QJSEngine::CppOwnership);
    return session;
}

void VaultSession::setInstance(VaultSession *session)
{
    s_instance = session;
}

void VaultSession::setVaultDir(const QString &dir)
{
    if (m_vaultDir != dir) {
        m_vaultDir = dir;
        Q_EMIT vaultDirChanged();
    }
    const bool exists = isVault(dir);
    if (exists != m_vaultExists) {
        m_vaultExists = exists;
        Q_EMIT vaultExistsChanged();
    }
}

// ---- creating, unlocking, locking

void VaultSession::createVault(const QString &dir, const QString &user, const QString &passphrase,
                               const QString &confirmation)
{
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"create"_s, message));
    };
    const QString folder = QDir::cleanPath(dir.trimmed());
    const QString name = user.trimmed();
    if (folder.isEmpty() || name.isEmpty())
        return refuse(tr("Choose a folder and a user name."));
    if (passphrase != confirmation)
        return refuse(tr("The two passphrases are not the same."));
    if (!Credentials::acceptable(passphrase))
        return refuse(Credentials::hint(passphrase));
    if (m_unlocked || m_opening)
        return;
    m_opening = true;
    const auto secret = secretOf(passphrase);
    const uc::vault::KdfCost cost = m_vault.kdfCost();
    m_vault.post(
        this, tr("Creating the vault…"),
        [folder, name, secret, cost](Worker &w) {
            auto made = Vault::create(folder, name, *secret, uc::model::Role::Therapist, cost);
            secret->wipe();
            w.vault = std::move(made.vault);
            const SecretBuffer shown = made.recoveryKey.display();
            return QString::fromLatin1(reinterpret_cast<const char *>(shown.data()), static_cast<qsizetype>(shown.size()));
        },
        [this, folder, name](QString key) {
            setVaultDir(folder);
            setRecoveryKey(key);
            m_workspace->clients()->setRows({});
            opened(name, uc::model::Role::Therapist); // Vault::create makes the first user a therapist
            Q_EMIT created();
        },
        [this](const Error &e) {
            m_opening = false;
            Q_EMIT failed(Failure(u"create"_s, e));
        });
}

void VaultSession::forgetRecoveryKey()
{
    setRecoveryKey({});
}

void VaultSession::setRecoveryKey(const QString &key)
{
    if (key == m_recoveryKey)
        return;
    m_recoveryKey = key;
    m_recoveryGroup = key.isEmpty() ? 0 : 1 + static_cast<int>(QRandomGenerator::global()->bounded(Credentials::recoveryGroups));
    Q_EMIT recoveryKeyChanged();
}

template<typename Open>
void VaultSession::openWith(const QString &label, const QString &user, Open open,
                            std::function<void(const uc::Error &)> onFailure)
{
    m_opening = true;
    m_vault.post(
        this, label,
        [open = std::move(open)](Worker &w) {
            w.vault = open();
            return openedIn(w);
        },
        [this, user](Opened result) {
            m_workspace->clients()->setRows(std::move(result.clients));
            opened(user, result.role);
        },
        [this, onFailure = std::move(onFailure)](const Error &e) {
            m_opening = false;
            onFailure(e);
        });
}

void VaultSession::unlock(const QString &user, const QString &passphrase)
{
    if (m_unlocked || m_opening)
        return;
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"unlock"_s, message));
    };
    if (m_retry.seconds() > 0)
        return refuse(tr("Too many wrong passphrases: wait %n seconds before trying again.", nullptr, m_retry.seconds()));
    const QString name = user.trimmed();
    if (name.isEmpty() || passphrase.isEmpty())
        return refuse(tr("Enter your user name and passphrase."));
    const auto secret = secretOf(passphrase);
    openWith(
        tr("Unlocking…"), name,
        [dir = m_vaultDir, name, secret] {
            auto vault = Vault::open(dir, name, *secret);
            secret->wipe();
            return vault;
        },
        [this](const Error &e) {
            if (e.kind() == ErrorKind::Auth) {
                m_retry.countWrong();
                Q_EMIT failed(Failure(Failure::Auth, u"unlock"_s, tr("The user name or passphrase is wrong.")));
            } else {
                Q_EMIT failed(Failure(u"unlock"_s, e));
            }
        });
}

void VaultSession::recover(const QString &user, const QString &recoveryKey, const QString &passphrase,
                           const QString &confirmation)
{
    if (m_unlocked || m_opening)
        return;
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"recover"_s, message));
    };
    const QString name = user.trimmed();
    if (name.isEmpty() || recoveryKey.trimmed().isEmpty())
        return refuse(tr("Enter your user name and the recovery key."));
    if (passphrase != confirmation)
        return refuse(tr("The two passphrases are not the same."));
    if (!Credentials::acceptable(passphrase))
        return refuse(Credentials::hint(passphrase));
    const auto keyText = secretOf(recoveryKey);
    const auto secret = secretOf(passphrase);
    openWith(
        tr("Checking the recovery key…"), name,
        [dir = m_vaultDir, name, keyText, secret, cost = m_vault.kdfCost()] {
            const auto key = uc::vault::RecoveryKey::parse(
                std::string_view(reinterpret_cast<const char *>(keyText->data()), keyText->size()));
            keyText->wipe();
            auto vault = Vault::recover(dir, name, key, *secret, cost);
            secret->wipe();
            return vault;
        },
        [this](const Error &e) {
            Q_EMIT failed(e.kind() == ErrorKind::Auth
                              ? Failure(Failure::Auth, u"recover"_s, tr("The user name or recovery key is wrong."))
                              : Failure(u"recover"_s, e));
        });
}

void VaultSession::opened(const QString &user, std::optional<uc::model::Role> role)
{
    m_opening = false;
    m_retry.reset();
    setUserName(user);
    remember();
    setRole(role);
    m_autoLock->start();
    setUnlocked(true);
    m_workspace->opened();
    Q_EMIT unlocked();
}

void VaultSession::lock()
{
    // Even while locked: an unlock still on its way is cancelled (its answer is dropped and the
    // vault it opened closed by the job below, which runs after it).
    Q_EMIT aboutToLock();
    m_workspace->note()->draft()->flush(); // posted before the lock below: the draft is saved (encrypted) first
    m_vault.dropAnswers();
    m_opening = false;
    m_autoLock->stop();
    m_workspace->clear();
    setRole(std::nullopt);
    setRecoveryKey({});
    m_vault.post(
        this, tr("Locking…"),
        [](Worker &w) {
            w.vault.reset(); // ~Vault locks: the database closes and the data key is wiped
            return true;
        },
        [](bool) {});
    const bool wasUnlocked = m_unlocked;
    setUnlocked(false);
    if (wasUnlocked)
        Q_EMIT locked();
}

// ---- state

void VaultSession::setUnlocked(bool unlocked)
{
    m_vault.setOpen(unlocked);
    if (m_unlocked == unlocked)
        return;
    m_unlocked = unlocked;
    Q_EMIT unlockedChanged();
}

void VaultSession::setUserName(const QString &name)
{
    if (m_userName == name)
        return;
    m_userName = name;
    Q_EMIT userNameChanged();
}

void VaultSession::remember() const
{
    if (m_demo->active())
        return; // a demo never replaces the real vault's folder or user
    QSettings settings;
    settings.setValue(dirKey, m_vaultDir);
    settings.setValue(userKey, m_userName);
}

// ---- role and permissions

QString VaultSession::role() const
{
    return m_role ? uc::model::toString(*m_role) : QString();
}

QVariantMap VaultSession::permissions() const
{
    QVariantMap map;
    for (const uc::model::Permission &p : uc::model::permissions())
        map.insert(QString::fromLatin1(p.name), m_role && uc::model::allowed(*m_role, p.action));
    return map;
}

QString VaultSession::homeArea() const
{
    if (m_role == uc::model::Role::Supervisor)
        return u"queue"_s;
    if (m_role == uc::model::Role::Auditor)
        return u"audit"_s;
    return u"clients"_s;
}

bool VaultSession::can(const QString &action) const
{
    if (!m_role)
        return false;
    for (const uc::model::Permission &p : uc::model::permissions()) {
        if (action == QLatin1String(p.name))
            return uc::model::allowed(*m_role, p.action);
    }
    return false; // an unknown action is never offered
}

void VaultSession::setRole(std::optional<uc::model::Role> role)
{
    if (m_role == role)
        return;
    m_role = role;
    Q_EMIT roleChanged();
}
