// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultsession.h"

#include "agreementcheck.h"
#include "auditmodel.h"
#include "clientdata.h"
#include "clientlistmodel.h"
#include "clientoverview.h"
#include "clientreview.h"
#include "conversions.h"
#include "credentials.h"
#include "importmodel.h"
#include "measureentry.h"
#include "noteeditor.h"
#include "notereview.h"
#include "patternsmodel.h"
#include "reportwriter.h"
#include "reviewqueuemodel.h"
#include "safetyplaneditor.h"
#include "searchmodel.h"
#include "vaultsettings.h"

#include "common/logging.h"
#include "common/secret.h"
#include "demo/practice.h"
#include "vault/vault.h"

#include <QDir>
#include <QEvent>
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
const auto autoLockKey = u"security/autoLockMinutes"_s;

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
    , m_clients(new ClientListModel(&m_vault, this))
    , m_overview(new ClientOverview(&m_vault, this))
    , m_note(new NoteEditor(&m_vault, this))
    , m_patterns(new PatternsModel(&m_vault, this))
    , m_searchResults(new SearchResultModel(&m_vault, this))
    , m_clientReview(new ClientReview(&m_vault, &m_retry, m_patterns, m_searchResults, this))
    , m_settings(new VaultSettings(&m_vault, this))
    , m_queue(new ReviewQueueModel(&m_vault, this))
    , m_review(new NoteReview(&m_vault, this))
    , m_audit(new AuditModel(&m_vault, this))
    , m_agreement(new AgreementCheck(&m_vault, this))
    , m_importPreview(new ImportPreviewModel(&m_vault, this))
    , m_reports(new ReportWriter(&m_vault, this))
    , m_safetyPlan(new SafetyPlanEditor(&m_vault, this))
    , m_measureEntry(new MeasureEntry(&m_vault, this))
{
    connect(&m_vault, &VaultThread::busyChanged, this, &VaultSession::busyChanged);
    connect(&m_vault, &VaultThread::showProgressChanged, this, &VaultSession::showProgressChanged);
    connect(&m_vault, &VaultThread::unhandled, this, &VaultSession::showError);
    connect(&m_retry, &RetryDelay::failuresChanged, this, &VaultSession::failedUnlocksChanged);
    connect(&m_retry, &RetryDelay::secondsChanged, this, &VaultSession::retryDelayChanged);
    // What one object's action changes elsewhere: the overview of a client just saved, the
    // queue after a review action, the client list after an import.
    connect(m_clients, &ClientListModel::saved, this, [this](const QString &code) {
        if (m_overview->code() == code)
            m_overview->open(code);
    });
    connect(m_review, &NoteReview::acted, m_queue, &ReviewQueueModel::reload);
    connect(m_importPreview, &ImportPreviewModel::imported, m_clients, &ClientListModel::reload);

    const QSettings settings;
    m_vaultDir = settings.value(dirKey, defaultVaultDir()).toString();
    m_vaultExists = isVault(m_vaultDir);
    m_userName = settings.value(userKey).toString();
    m_autoLockMinutes = std::clamp(settings.value(autoLockKey, 10).toInt(), 1, 30);

    m_idle.setSingleShot(true);
    m_idle.setInterval(m_autoLockMinutes * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_unlocked) {
            qCInfo(ucApp) << "auto-lock after" << m_autoLockMinutes << "idle minutes";
            setLockReason(m_autoLockMinutes == 1 ? tr("Locked after 1 minute without use")
                                                 : tr("Locked after %1 minutes without use").arg(m_autoLockMinutes));
            lock();
        }
    });
    m_lastActivity.start();
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

void VaultSession::setAutoLockMinutes(int minutes)
{
    minutes = std::clamp(minutes, 1, 30);
    if (minutes == m_autoLockMinutes)
        return;
    m_autoLockMinutes = minutes;
    m_idle.setInterval(minutes * 60 * 1000);
    if (m_unlocked)
        m_idle.start();
    QSettings().setValue(autoLockKey, minutes);
    Q_EMIT autoLockMinutesChanged();
}

QString VaultSession::demoPassphrase() const
{
    return m_demo ? QString::fromLatin1(uc::demo::defaultPassphrase) : QString();
}

void VaultSession::openDemo(const QString &dir, uc::vault::KdfCost cost, std::optional<uc::model::Date> today)
{
    m_demo = true;
    setVaultDir(dir);
    setUserName(QString::fromLatin1(uc::demo::defaultUser));
    Q_EMIT demoChanged();
    if (m_vaultExists) {
        Q_EMIT demoReady();
        return;
    }
    m_vault.post(
        this, tr("Creating the demo practice…"),
        [dir, cost, today](Worker &) {
            const auto secret = SecretBuffer::copyOf(std::string_view(uc::demo::defaultPassphrase));
            QDir().mkpath(dir);
            const uc::demo::DemoPractice made = uc::demo::createDemoPractice(dir, secret, 1, cost, today);
            return static_cast<int>(made.clients.size());
        },
        [this](int) {
            setVaultDir(m_vaultDir);
            Q_EMIT demoReady();
        });
}

void VaultSession::watchActivity(QObject *application)
{
    application->installEventFilter(this);
}

bool VaultSession::eventFilter(QObject *watched, QEvent *event)
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

void VaultSession::noteActivity()
{
    // Mouse moves come by the hundred: restarting the timer once a second is plenty.
    if (!m_unlocked || m_lastActivity.elapsed() < 1000)
        return;
    m_lastActivity.restart();
    m_idle.start();
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
            m_clients->setRows({});
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
            m_clients->setRows(std::move(result.clients));
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
    m_lastActivity.restart();
    m_idle.start();
    setUnlocked(true);
    Q_EMIT unlocked();
}

void VaultSession::lock()
{
    // Even while locked: an unlock still on its way is cancelled (its answer is dropped and the
    // vault it opened closed by the job below, which runs after it).
    Q_EMIT aboutToLock();
    m_note->flush(); // posted before the lock below: the draft is saved (encrypted) first
    m_vault.dropAnswers();
    m_opening = false;
    m_idle.stop();
    m_clients->clear();
    m_overview->clear();
    m_note->clear();
    m_patterns->clear();
    m_clientReview->clear();
    m_searchResults->clear();
    m_settings->clear();
    m_queue->clear();
    m_review->clear();
    m_audit->clear();
    m_agreement->clear();
    m_importPreview->clear(); // it holds note text
    m_safetyPlan->clear();
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

// ---- the banner, state

void VaultSession::dismissError()
{
    if (m_error.message().isEmpty())
        return;
    m_error = {};
    Q_EMIT errorChanged();
}

void VaultSession::showError(const Failure &failure)
{
    m_error = failure;
    Q_EMIT errorChanged();
}

void VaultSession::setLockReason(const QString &reason)
{
    if (m_lockReason == reason)
        return;
    m_lockReason = reason;
    Q_EMIT lockReasonChanged();
}

void VaultSession::setUnlocked(bool unlocked)
{
    m_vault.setOpen(unlocked);
    if (m_unlocked == unlocked)
        return;
    m_unlocked = unlocked;
    if (unlocked)
        setLockReason({});
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
    if (m_demo)
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
