// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "retrydelay.h"
#include "vaultthread.h"

#include "model/permissions.h"
#include "model/types.h"
#include "vault/keyslots.h"

#include <QElapsedTimer>
#include <QObject>
#include <QQmlEngine>
#include <QTimer>

#include <optional>

class AgreementCheck;
class AuditModel;
class ClientListModel;
class ClientOverview;
class ClientReview;
class ImportPreviewModel;
class NoteEditor;
class NoteReview;
class PatternsModel;
class ReportWriter;
class SafetyPlanEditor;
class MeasureEntry;
class ReviewQueueModel;
class SearchResultModel;
class VaultSettings;

Q_MOC_INCLUDE("agreementcheck.h")
Q_MOC_INCLUDE("auditmodel.h")
Q_MOC_INCLUDE("clientlistmodel.h")
Q_MOC_INCLUDE("clientoverview.h")
Q_MOC_INCLUDE("clientreview.h")
Q_MOC_INCLUDE("importmodel.h")
Q_MOC_INCLUDE("noteeditor.h")
Q_MOC_INCLUDE("notereview.h")
Q_MOC_INCLUDE("patternsmodel.h")
Q_MOC_INCLUDE("reportwriter.h")
Q_MOC_INCLUDE("reviewqueuemodel.h")
Q_MOC_INCLUDE("searchmodel.h")
Q_MOC_INCLUDE("vaultsettings.h")

// The vault's lifecycle as the window sees it: create, unlock, recover and lock (by hand, when
// idle, or as the window closes), the wait after wrong passphrases, the user's role and what it
// may do, and the error banner. The objects the screens talk to (clients, the note editor, the
// review queue …) hang off it and each owns its own calls to the vault; a lock clears them all,
// then closes the vault, which wipes its keys; answers still on their way are dropped.
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
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyText READ busyText NOTIFY busyChanged)
    Q_PROPERTY(bool showProgress READ showProgress NOTIFY showProgressChanged)
    // The banner: what failed where no form shows it, with its kind; an empty message when none.
    Q_PROPERTY(Failure error READ error NOTIFY errorChanged)
    Q_PROPERTY(int failedUnlocks READ failedUnlocks NOTIFY failedUnlocksChanged)
    Q_PROPERTY(int retryDelay READ retryDelay NOTIFY retryDelayChanged)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY autoLockMinutesChanged)
    // Why the vault locked by itself ("Locked after 5 minutes without use"); empty after a lock
    // the user asked for, and once unlocked again.
    Q_PROPERTY(QString lockReason READ lockReason NOTIFY lockReasonChanged)
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY recoveryKeyChanged)
    Q_PROPERTY(int recoveryGroup READ recoveryGroup NOTIFY recoveryKeyChanged)
    Q_PROPERTY(bool demo READ isDemo NOTIFY demoChanged)
    Q_PROPERTY(QString demoPassphrase READ demoPassphrase NOTIFY demoChanged)
    // "therapist", "supervisor" or "auditor"; empty while locked.
    Q_PROPERTY(QString role READ role NOTIFY roleChanged)
    // Every action of model/permissions.h by its name ("cosign", "read-audit") → allowed for the role.
    Q_PROPERTY(QVariantMap permissions READ permissions NOTIFY roleChanged)
    // Where the unlocked window starts: "queue" for a supervisor, "audit" for an auditor, else "clients".
    Q_PROPERTY(QString homeArea READ homeArea NOTIFY roleChanged)

    // The objects the screens talk to.
    Q_PROPERTY(ClientListModel *clients READ clients CONSTANT)
    Q_PROPERTY(ClientOverview *overview READ overview CONSTANT)
    Q_PROPERTY(NoteEditor *note READ note CONSTANT)
    Q_PROPERTY(PatternsModel *patterns READ patterns CONSTANT)
    Q_PROPERTY(ClientReview *clientReview READ clientReview CONSTANT)
    Q_PROPERTY(SearchResultModel *searchResults READ searchResults CONSTANT)
    Q_PROPERTY(VaultSettings *settings READ settings CONSTANT)
    Q_PROPERTY(ReviewQueueModel *queue READ queue CONSTANT)
    Q_PROPERTY(NoteReview *review READ review CONSTANT)
    Q_PROPERTY(AuditModel *audit READ audit CONSTANT)
    Q_PROPERTY(AgreementCheck *agreement READ agreement CONSTANT)
    Q_PROPERTY(ImportPreviewModel *importPreview READ importPreview CONSTANT)
    Q_PROPERTY(ReportWriter *reports READ reports CONSTANT)
    Q_PROPERTY(SafetyPlanEditor *safetyPlan READ safetyPlan CONSTANT)
    Q_PROPERTY(MeasureEntry *measureEntry READ measureEntry CONSTANT)

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
    [[nodiscard]] bool busy() const { return m_vault.busy(); }
    [[nodiscard]] QString busyText() const { return m_vault.busyText(); }
    [[nodiscard]] bool showProgress() const { return m_vault.showProgress(); }
    [[nodiscard]] Failure error() const { return m_error; }
    [[nodiscard]] QString errorMessage() const { return m_error.message(); }
    [[nodiscard]] int failedUnlocks() const { return m_retry.failures(); }
    [[nodiscard]] int retryDelay() const { return m_retry.seconds(); }
    [[nodiscard]] int autoLockMinutes() const { return m_autoLockMinutes; }
    [[nodiscard]] QString lockReason() const { return m_lockReason; }
    void setAutoLockMinutes(int minutes);
    [[nodiscard]] QString recoveryKey() const { return m_recoveryKey; }
    [[nodiscard]] int recoveryGroup() const { return m_recoveryGroup; }
    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] QString demoPassphrase() const;
    [[nodiscard]] QString role() const;
    [[nodiscard]] QVariantMap permissions() const;
    [[nodiscard]] QString homeArea() const;

    [[nodiscard]] ClientListModel *clients() const { return m_clients; }
    [[nodiscard]] ClientOverview *overview() const { return m_overview; }
    [[nodiscard]] NoteEditor *note() const { return m_note; }
    [[nodiscard]] PatternsModel *patterns() const { return m_patterns; }
    [[nodiscard]] ClientReview *clientReview() const { return m_clientReview; }
    [[nodiscard]] SearchResultModel *searchResults() const { return m_searchResults; }
    [[nodiscard]] VaultSettings *settings() const { return m_settings; }
    [[nodiscard]] ReviewQueueModel *queue() const { return m_queue; }
    [[nodiscard]] NoteReview *review() const { return m_review; }
    [[nodiscard]] AuditModel *audit() const { return m_audit; }
    [[nodiscard]] AgreementCheck *agreement() const { return m_agreement; }
    [[nodiscard]] ImportPreviewModel *importPreview() const { return m_importPreview; }
    [[nodiscard]] ReportWriter *reports() const { return m_reports; }
    [[nodiscard]] SafetyPlanEditor *safetyPlan() const { return m_safetyPlan; }
    [[nodiscard]] MeasureEntry *measureEntry() const { return m_measureEntry; }

    // Argon2id cost for vaults and passphrases made here (tests and screenshots use a cheap one).
    void setKdfCost(uc::vault::KdfCost cost) { m_vault.setKdfCost(cost); }
    // Demo mode (tools/run --demo): dir holds the demo practice, made on the vault thread when it
    // does not exist yet; the unlock screen is filled in with the demo user and shows the passphrase.
    // With today, a practice made now ends in the week before it (uc::demo::createDemoPractice).
    void openDemo(const QString &dir, uc::vault::KdfCost cost, std::optional<uc::model::Date> today = std::nullopt);
    // Restarts the idle clock on the user's input anywhere in the application.
    void watchActivity(QObject *application);
    // The idle time before an auto-lock in milliseconds (tests; the setting is in minutes).
    void setAutoLockInterval(int milliseconds) { m_idle.setInterval(milliseconds); }
    // The vault thread (tests prove the vault is never touched on the GUI thread).
    [[nodiscard]] QThread *workerThread() const { return m_vault.workerThread(); }

    // Each answers created(), unlocked() or failed(failure) with action "create", "unlock" or "recover".
    Q_INVOKABLE void createVault(const QString &dir, const QString &user, const QString &passphrase,
                                 const QString &confirmation);
    Q_INVOKABLE void unlock(const QString &user, const QString &passphrase);
    Q_INVOKABLE void recover(const QString &user, const QString &recoveryKey, const QString &passphrase,
                             const QString &confirmation);
    // The recovery key has been written down (the screen checked a group): forget it.
    Q_INVOKABLE void forgetRecoveryKey();
    Q_INVOKABLE void lock();
    Q_INVOKABLE void dismissError();
    // Shows a failure that no form shows in the banner, until dismissed (a report that could not
    // be written, …).
    Q_INVOKABLE void showFailure(const Failure &failure) { showError(failure); }
    Q_INVOKABLE void noteActivity();
    // Whether the user's role may do action (model::allowed; the vault enforces it anyway).
    Q_INVOKABLE bool can(const QString &action) const;

Q_SIGNALS:
    void vaultDirChanged();
    void vaultExistsChanged();
    void unlockedChanged();
    void userNameChanged();
    void busyChanged();
    void showProgressChanged();
    void errorChanged();
    void failedUnlocksChanged();
    void retryDelayChanged();
    void autoLockMinutesChanged();
    void lockReasonChanged();
    void recoveryKeyChanged();
    void demoChanged();
    void roleChanged();

    void created(); // the vault exists and is open; recoveryKey is set
    void unlocked(); // clients are loaded
    void aboutToLock(); // last chance for open drafts to be posted (the vault thread runs in order)
    void locked();
    void demoReady();
    void failed(const Failure &failure);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showError(const Failure &failure);
    void setUnlocked(bool unlocked);
    void setLockReason(const QString &reason);
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
    Failure m_error; // on the banner; an empty message when none
    int m_autoLockMinutes = 10;
    QString m_lockReason;
    QTimer m_idle;
    QElapsedTimer m_lastActivity;
    QString m_recoveryKey;
    int m_recoveryGroup = 0;
    bool m_demo = false;
    std::optional<uc::model::Role> m_role; // none while locked

    ClientListModel *m_clients;
    ClientOverview *m_overview;
    NoteEditor *m_note;
    PatternsModel *m_patterns;
    SearchResultModel *m_searchResults;
    ClientReview *m_clientReview;
    VaultSettings *m_settings;
    ReviewQueueModel *m_queue;
    NoteReview *m_review;
    AuditModel *m_audit;
    AgreementCheck *m_agreement;
    ImportPreviewModel *m_importPreview;
    ReportWriter *m_reports;
    SafetyPlanEditor *m_safetyPlan;
    MeasureEntry *m_measureEntry;
};
