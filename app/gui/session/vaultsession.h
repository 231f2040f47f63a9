// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientlistmodel.h"
#include "noteeditor.h"
#include "clientoverview.h"

#include "agreementcheck.h"
#include "auditmodel.h"
#include "reviewqueuemodel.h"
#include "importmodel.h"

#include "common/error.h"
#include "vault/audit.h"
#include "vault/keyslots.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

// The screens of #6's second part: patterns, review with client, search, settings.
#include "codebookmodel.h"
#include "patternsmodel.h"
#include "searchmodel.h"

// The open vault as the screens see it. The uc::vault::Vault lives on one dedicated thread and
// every call to it is posted there; answers come back to the GUI thread as plain values through
// queued calls, so Argon2id, the disk and the tagger never hold up a frame. A lock (Ctrl+L, idle,
// or the window closing) clears every model, then closes the vault, which wipes its keys; answers
// still on their way from before the lock are dropped.
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
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY errorMessageChanged)
    Q_PROPERTY(int failedUnlocks READ failedUnlocks NOTIFY failedUnlocksChanged)
    Q_PROPERTY(int retryDelay READ retryDelay NOTIFY retryDelayChanged)
    Q_PROPERTY(int autoLockMinutes READ autoLockMinutes WRITE setAutoLockMinutes NOTIFY autoLockMinutesChanged)
    Q_PROPERTY(QString recoveryKey READ recoveryKey NOTIFY recoveryKeyChanged)
    Q_PROPERTY(int recoveryGroup READ recoveryGroup NOTIFY recoveryKeyChanged)
    Q_PROPERTY(bool demo READ isDemo NOTIFY demoChanged)
    Q_PROPERTY(QString demoPassphrase READ demoPassphrase NOTIFY demoChanged)
    Q_PROPERTY(ClientListModel *clients READ clients CONSTANT)
    Q_PROPERTY(ClientOverview *overview READ overview CONSTANT)
    Q_PROPERTY(NoteEditor *note READ note CONSTANT)
    // Patterns, review with client, search and settings.
    Q_PROPERTY(PatternsModel *patterns READ patterns CONSTANT)
    Q_PROPERTY(SearchResultModel *searchResults READ searchResults CONSTANT)
    Q_PROPERTY(CodebookModel *codebook READ codebook CONSTANT)
    Q_PROPERTY(bool reviewMode READ reviewMode NOTIFY reviewModeChanged)
    Q_PROPERTY(QVariantList templates READ templates CONSTANT)

    // Supervision and audit (issue #7): the user's role and what it may do, and the models of the
    // review queue, the note under review, the audit viewer and the blind agreement check.
    Q_PROPERTY(QString role READ role NOTIFY roleChanged)
    Q_PROPERTY(QVariantMap permissions READ permissions NOTIFY roleChanged)
    Q_PROPERTY(QString homeArea READ homeArea NOTIFY roleChanged)
    Q_PROPERTY(ReviewQueueModel *queue READ queue CONSTANT)
    Q_PROPERTY(NoteReview *review READ review CONSTANT)
    Q_PROPERTY(AuditModel *audit READ audit CONSTANT)
    Q_PROPERTY(AgreementCheck *agreement READ agreement CONSTANT)

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
    [[nodiscard]] bool busy() const { return m_pending > 0; }
    [[nodiscard]] QString busyText() const { return m_busyText; }
    [[nodiscard]] bool showProgress() const { return m_showProgress; }
    [[nodiscard]] QString errorMessage() const { return m_errorMessage; }
    [[nodiscard]] int failedUnlocks() const { return m_failedUnlocks; }
    [[nodiscard]] int retryDelay() const { return m_retryDelay; }
    [[nodiscard]] int autoLockMinutes() const { return m_autoLockMinutes; }
    void setAutoLockMinutes(int minutes);
    [[nodiscard]] QString recoveryKey() const { return m_recoveryKey; }
    [[nodiscard]] int recoveryGroup() const { return m_recoveryGroup; }
    [[nodiscard]] bool isDemo() const { return m_demo; }
    [[nodiscard]] QString demoPassphrase() const;
    [[nodiscard]] ClientListModel *clients() const { return m_clients; }
    [[nodiscard]] ClientOverview *overview() const { return m_overview; }
    [[nodiscard]] NoteEditor *note() const { return m_note; }
    // The note templates a one-to-one session can start from: [{id, label}] (not the group note).
    [[nodiscard]] static QVariantList templates();

    // Argon2id cost for vaults and passphrases made here (tests and screenshots use a cheap one).
    void setKdfCost(uc::vault::KdfCost cost) { m_cost = cost; }
    // Demo mode (tools/run --demo): dir holds the demo practice, made on the vault thread when it
    // does not exist yet; the unlock screen is filled in with the demo user and shows the passphrase.
    void openDemo(const QString &dir, uc::vault::KdfCost cost);
    // Restarts the idle clock on the user's input anywhere in the application.
    void watchActivity(QObject *application);
    // The idle time before an auto-lock in milliseconds (tests; the setting is in minutes).
    void setAutoLockInterval(int milliseconds) { m_idle.setInterval(milliseconds); }
    // The worker thread (tests prove the vault is never touched on the GUI thread).
    [[nodiscard]] QThread *workerThread() const { return m_thread; }

    // Seconds to wait before the next unlock after this many wrong passphrases in a row: none for
    // the first five, then 5 s doubling to at most 5 minutes.
    [[nodiscard]] static int unlockDelaySeconds(int failures);

    Q_INVOKABLE void createVault(const QString &dir, const QString &user, const QString &passphrase,
                                 const QString &confirmation);
    // The recovery key has been written down (the screen checked a group): forget it.
    Q_INVOKABLE void forgetRecoveryKey();
    Q_INVOKABLE void unlock(const QString &user, const QString &passphrase);
    Q_INVOKABLE void recover(const QString &user, const QString &recoveryKey, const QString &passphrase,
                             const QString &confirmation);
    Q_INVOKABLE void lock();

    Q_INVOKABLE void reloadClients();
    Q_INVOKABLE void addClient(const QString &code, const QString &name, const QString &setting, const QString &intake);
    Q_INVOKABLE void updateClient(const QString &code, const QString &name, const QString &setting);
    Q_INVOKABLE void dischargeClient(const QString &code, const QString &date);
    Q_INVOKABLE void openClient(const QString &code);
    Q_INVOKABLE void closeClient();

    // A new individual session for the client with a draft note from the template, opened in the
    // editor. date "YYYY-MM-DD", time "HH:MM" or "", setting and attendance as the core spells them.
    Q_INVOKABLE void createNote(const QString &clientCode, const QString &date, const QString &time, int minutes,
                                const QString &setting, const QString &attendance, const QString &templateId);
    // A group session: one draft group note per member (attendees: [{code, attendance}], at least
    // two), the first member's opened in the editor; topic is the session's and the notes' "Group
    // topic" section (it names no one).
    Q_INVOKABLE void createGroupNote(const QString &date, const QString &time, int minutes, const QString &setting,
                                     const QString &topic, const QVariantList &attendees);
    // Changes the open note's session details (Vault::updateSession); the note is opened again
    // (noteOpened) or noteFailed says why. attendance is the open note's client's.
    Q_INVOKABLE void updateSession(const QString &date, const QString &time, int minutes, const QString &modality,
                                   const QString &setting, const QString &attendance);
    Q_INVOKABLE void openNote(qint64 noteId);
    // Saves what is unsaved, then forgets the note.
    Q_INVOKABLE void closeNote();
    Q_INVOKABLE void decideTag(qint64 tagId, const QString &decision);
    // Tags the words selected in the open note (UTF-16 offsets into what is on screen) with a
    // theme by hand: unsaved typing is saved first, then Vault::tagSpan; answers wordsTagged.
    Q_INVOKABLE void tagSelection(int start, int end, const QString &theme);
    // Saves what is unsaved first (the vault thread runs in order), then signs.
    Q_INVOKABLE void signNote();
    Q_INVOKABLE void addAddendum(const QString &text);

    // ---- patterns, review with client, search, settings (vaultsessionscreens.cpp)
    [[nodiscard]] PatternsModel *patterns() const { return m_patterns; }
    [[nodiscard]] SearchResultModel *searchResults() const { return m_searchResults; }
    [[nodiscard]] CodebookModel *codebook() const { return m_codebook; }
    [[nodiscard]] bool reviewMode() const { return m_reviewMode; }
    // One client's patterns into `patterns`: by "session", "week", "month" or "quarter", between
    // ISO dates (either may be empty for the record's ends). Progress notes only.
    Q_INVOKABLE void loadPatterns(const QString &code, const QString &by, const QString &from, const QString &to);
    // The therapist's shareable summary: summaryLoaded answers; saving keeps the old versions.
    Q_INVOKABLE void loadSummary(const QString &code);
    Q_INVOKABLE void saveSummary(const QString &code, const QString &text);
    // Review with client: the client's patterns by month and the shareable summary, full screen,
    // nothing else reachable. Leaving needs the user's passphrase, checked on the vault thread
    // against the key slots (the open vault is not touched).
    Q_INVOKABLE void startReview(const QString &code);
    Q_INVOKABLE void leaveReview(const QString &passphrase);
    // Full-text search over the notes this user may read, best first, into searchResults.
    Q_INVOKABLE void searchNotes(const QString &query);
    // The codebook in force into `codebook`; the edits below answer with codebookSaved or
    // codebookRefused (the core's reason) and leave the previous edits in force when refused.
    Q_INVOKABLE void loadCodebook();
    Q_INVOKABLE void setThemeEnabled(const QString &theme, bool enabled);
    Q_INVOKABLE void addTheme(const QString &theme, const QString &label, const QString &phrases);
    Q_INVOKABLE void addPhrases(const QString &theme, const QString &phrases);
    Q_INVOKABLE void changePassphrase(const QString &current, const QString &passphrase, const QString &confirmation);
    // One encrypted file holding the vault (keyed by the same passphrases).
    Q_INVOKABLE void backupTo(const QString &file);
    // Unpacks a backup into an empty folder and proves it opens with user and passphrase; the open
    // vault is untouched.
    Q_INVOKABLE void restoreBackup(const QString &file, const QString &dir, const QString &user,
                                   const QString &passphrase);

    Q_INVOKABLE void dismissError();
    Q_INVOKABLE void noteActivity();

    // ---- supervision and audit (issue #7)
    // "therapist", "supervisor" or "auditor"; empty while locked.
    [[nodiscard]] QString role() const;
    // Every action of model/permissions.h by its name ("cosign", "read-audit") → allowed for the role.
    [[nodiscard]] QVariantMap permissions() const;
    // Where the unlocked window starts: "queue" for a supervisor, "audit" for an auditor, else "clients".
    [[nodiscard]] QString homeArea() const;
    [[nodiscard]] ReviewQueueModel *queue() const { return m_queue; }
    [[nodiscard]] NoteReview *review() const { return m_review; }
    [[nodiscard]] AuditModel *audit() const { return m_audit; }
    [[nodiscard]] AgreementCheck *agreement() const { return m_agreement; }
    // Whether the user's role may do action (model::allowed; the vault enforces it anyway).
    Q_INVOKABLE bool can(const QString &action) const;

    Q_INVOKABLE void loadQueue();
    Q_INVOKABLE void openReview(qint64 noteId);
    Q_INVOKABLE void closeReview();
    // On the note under review; each answers reviewActed or reviewFailed, then reloads the queue.
    Q_INVOKABLE void commentOnReview(const QString &text);
    Q_INVOKABLE void cosignReview();
    Q_INVOKABLE void returnReview(const QString &comment);

    // since "YYYY-MM-DD" or "", user name or "" for everyone.
    Q_INVOKABLE void loadAudit(const QString &since, const QString &user, const QString &until = QString());
    Q_INVOKABLE void verifyAudit();
    // file: a path or a file: URL (from a FileDialog).
    Q_INVOKABLE void exportAudit(const QString &since, const QString &user, const QString &file,
                                 const QString &until = QString());

    // The assigned therapists and the codebook's themes, for a new check.
    Q_INVOKABLE void loadAgreementSetup();
    Q_INVOKABLE void startAgreementCheck(const QString &therapist, int sampleSize);
    // The supervisor's themes for the note the check shows now (agreement->noteId()).
    Q_INVOKABLE void rateBlind(const QStringList &themes);
    Q_INVOKABLE void loadAgreementReport();

    // PDF reports (issue #8; vaultsessionreports.cpp). file: a path or a file: URL, ".pdf" added
    // when missing. Each answers reportWritten(file) or reportFailed(message); the audit PDF
    // answers auditExported or auditFailed like the CSV export.
    Q_INVOKABLE void writeClientReport(const QString &clientCode, const QString &file);
    Q_INVOKABLE void printNote(qint64 noteId, const QString &file);
    // from, to: "YYYY-MM-DD"; empty for the last three months up to today.
    Q_INVOKABLE void writeSupervisionReport(const QString &therapist, const QString &from, const QString &to,
                                            const QString &file);
    Q_INVOKABLE void exportAuditPdf(const QString &since, const QString &user, const QString &file,
                                    const QString &until = QString());
    // A file URL in the user's Documents folder for "<name>.pdf", for a FileDialog to start from.
    [[nodiscard]] Q_INVOKABLE QUrl reportFile(const QString &name) const;

Q_SIGNALS:
    void vaultDirChanged();
    void vaultExistsChanged();
    void unlockedChanged();
    void userNameChanged();
    void busyChanged();
    void showProgressChanged();
    void errorMessageChanged();
    void failedUnlocksChanged();
    void retryDelayChanged();
    void autoLockMinutesChanged();
    void recoveryKeyChanged();
    void demoChanged();

    void created(); // the vault exists and is open; recoveryKey is set
    void createFailed(const QString &message);
    void unlocked(); // clients are loaded
    void unlockFailed(const QString &message);
    void recoverFailed(const QString &message);
    void aboutToLock(); // last chance for open drafts to be posted (the vault thread runs in order)
    void locked();
    void demoReady();
    void clientSaved(const QString &code);
    void clientSaveFailed(const QString &message);
    void overviewLoaded(const QString &code);
    void noteOpened(qint64 noteId);
    void noteSaved(qint64 noteId);
    void noteSigned(qint64 noteId);
    void addendumAdded(qint64 noteId);
    void noteFailed(const QString &message);
    void wordsTagged(qint64 noteId, qint64 tagId);
    void sessionUpdated(qint64 noteId);
    // Patterns, review with client, search and settings.
    void patternsLoaded(const QString &code);
    void summaryLoaded(const QString &code, const QString &text, const QString &updated);
    void summarySaved(const QString &code);
    void summaryFailed(const QString &message);
    void reviewModeChanged();
    void reviewLeaveFailed(const QString &message);
    void searchFinished(const QString &query);
    void codebookSaved();
    void codebookRefused(const QString &reason);
    void passphraseChanged();
    void passphraseChangeFailed(const QString &message);
    void backupWritten(const QString &file);
    void backupFailed(const QString &message);
    void restored(const QString &dir);
    void restoreFailed(const QString &message);
    void errorOccurred(const QString &message);

    void roleChanged();
    void queueLoaded();
    void reviewOpened(qint64 noteId);
    void reviewActed(qint64 noteId, const QString &action); // "comment", "cosign", "return"
    void reviewFailed(const QString &message);
    void auditLoaded();
    void auditVerified();
    void auditExported(int entries, const QString &file);
    void auditFailed(const QString &message);
    void agreementStarted(qint64 check);
    void agreementRated(qint64 noteId);
    void agreementReportLoaded();
    void agreementFailed(const QString &message);
    void reportWritten(const QString &file);
    void reportFailed(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Worker;

    // Runs work(Worker&) on the vault thread; done(result) then runs on the GUI thread unless a
    // lock came in between. A uc::Error goes to failed, or to the banner without one.
    template<typename Work, typename Done>
    void post(const QString &label, Work work, Done done, std::function<void(const uc::Error &)> failed = {});

    void beginBusy(const QString &label);
    void endBusy();
    void setUnlocked(bool unlocked);
    void setUserName(const QString &name);
    void setRecoveryKey(const QString &key);
    void showError(const QString &message);
    void opened(const QString &user, QList<uc::gui::ClientRow> rows);
    void remember() const;
    void tickRetry();
    // A wrong passphrase at unlock or on leaving review mode: after five, each try waits longer.
    void countWrongPassphrase();
    // The audit viewer's filter (dates as typed, both ends inclusive) as the vault takes it;
    // nullopt with a plain sentence in problem for a malformed date or a period ending before it starts.
    [[nodiscard]] static std::optional<uc::vault::AuditFilter> auditFilterOf(const QString &since, const QString &until,
                                                                           const QString &user, QString *problem);
    void saveNote(qint64 noteId, const QString &templateId, const QString &text);
    void setRole(std::optional<uc::model::Role> role);
    // After a review action: the note and the queue again.
    void reviewDone(qint64 noteId, const QString &action, uc::gui::ReviewNoteData data);

    Worker *m_worker; // used on the vault thread only
    QThread *m_thread;
    QObject *m_context; // lives on m_thread; the receiver of every posted call
    quint64 m_epoch = 0; // bumped by lock(): answers from an older epoch are dropped

    QString m_vaultDir;
    bool m_vaultExists = false;
    bool m_unlocked = false;
    bool m_opening = false; // a create, unlock or recover is on its way
    QString m_userName;
    int m_pending = 0;
    QString m_busyText;
    bool m_showProgress = false;
    QTimer m_progressDelay;
    QString m_errorMessage;
    int m_failedUnlocks = 0;
    int m_retryDelay = 0;
    QDeadlineTimer m_retryDeadline;
    QTimer m_retryTick;
    int m_autoLockMinutes = 10;
    QTimer m_idle;
    QElapsedTimer m_lastActivity;
    QString m_recoveryKey;
    int m_recoveryGroup = 0;
    bool m_demo = false;
    uc::vault::KdfCost m_cost;
    // Patterns, review with client, search and settings: emptied when a lock begins (the hook is
    // made here so the constructor and lock() stay as they were).
    PatternsModel *m_patterns = new PatternsModel(this);
    SearchResultModel *m_searchResults = new SearchResultModel(this);
    CodebookModel *m_codebook = new CodebookModel(this);
    bool m_reviewMode = false;
    QString m_reviewCode; // the one client review mode may show
    void clearScreens();
    void setReviewMode(bool on);
    void changeCodebook(const QString &label, std::function<QByteArray(const QByteArray &)> edit);
    QMetaObject::Connection m_clearOnLock = connect(this, &VaultSession::aboutToLock, this, &VaultSession::clearScreens);
    ClientListModel *m_clients;
    ClientOverview *m_overview;
    NoteEditor *m_note;

    std::optional<uc::model::Role> m_role; // none while locked
    ReviewQueueModel *m_queue = new ReviewQueueModel(this);
    NoteReview *m_review = new NoteReview(this);
    AuditModel *m_audit = new AuditModel(this);
    AgreementCheck *m_agreement = new AgreementCheck(this);

    // ---- importing notes (issue #8; vaultsessionimport.cpp)
    Q_PROPERTY(ImportPreviewModel *importPreview READ importPreview CONSTANT)
public:
    [[nodiscard]] ImportPreviewModel *importPreview() const { return m_importPreview; }
    // Reads a CSV file or a folder of note files (a path or a file: URL) and checks every row
    // against the vault's clients on the vault thread, into importPreview; nothing is written.
    Q_INVOKABLE void previewImport(const QString &path, bool folder, bool createClients);
    // Imports the previewed rows in one transaction as drafts of this user (only when every row
    // was good), then reloads the client list; answers imported or importFailed.
    Q_INVOKABLE void runImport();
Q_SIGNALS:
    void importPreviewed();
    void imported(int notes, int clients);
    void importFailed(const QString &message);

private:
    ImportPreviewModel *m_importPreview = new ImportPreviewModel(this);
    // The preview holds note text: it goes when a lock begins.
    QMetaObject::Connection m_clearImportOnLock =
        connect(this, &VaultSession::aboutToLock, m_importPreview, &ImportPreviewModel::clear);
};

struct VaultSession::Worker
{
    std::unique_ptr<uc::vault::Vault> vault;
    // The open vault, or Error(Conflict) when it was locked before this call ran.
    uc::vault::Vault &open();
};

template<typename Work, typename Done>
void VaultSession::post(const QString &label, Work work, Done done, std::function<void(const uc::Error &)> failed)
{
    using Result = std::invoke_result_t<Work &, Worker &>;
    static_assert(!std::is_void_v<Result>, "vault work returns a value (bool for none)");
    beginBusy(label);
    const quint64 epoch = m_epoch;
    Worker *worker = m_worker;
    QPointer<VaultSession> self(this);
    QMetaObject::invokeMethod(
        m_context,
        [self, worker, epoch, work = std::move(work), done = std::move(done), failed = std::move(failed)]() mutable {
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
                [self, epoch, result, error, done = std::move(done), failed = std::move(failed)]() mutable {
                    self->endBusy();
                    if (epoch != self->m_epoch)
                        return;
                    if (error) {
                        if (failed)
                            failed(*error);
                        else
                            self->showError(error->message());
                        return;
                    }
                    done(std::move(**result));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
