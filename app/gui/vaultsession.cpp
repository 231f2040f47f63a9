// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultsession.h"

#include "credentials.h"
#include "screendata.h"
#include "supervisiondata.h"

#include "common/logging.h"
#include "common/secret.h"
#include "demo/practice.h"
#include "model/types.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cmath>
#include <string_view>

using namespace Qt::StringLiterals;
using uc::Error;
using uc::ErrorKind;
using uc::SecretBuffer;
using uc::gui::ClientRow;
using uc::vault::Vault;

using uc::gui::secretOf;
using uc::gui::sentenceOf;

namespace {

VaultSession *s_instance = nullptr;

const auto dirKey = u"vault/dir"_s;
const auto userKey = u"vault/user"_s;
const auto autoLockKey = u"security/autoLockMinutes"_s;

bool isVault(const QString &dir)
{
    return !dir.isEmpty() && QFileInfo::exists(dir + u'/' + QLatin1String(uc::vault::KeySlots::fileName));
}

} // namespace

QString VaultSession::defaultVaultDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/vault"_s;
}

uc::vault::Vault &VaultSession::Worker::open()
{
    if (!vault)
        throw Error(ErrorKind::Conflict, u"vault"_s, u"it is locked"_s);
    return *vault;
}

VaultSession::VaultSession(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker)
    , m_thread(new QThread)
    , m_context(new QObject)
    , m_cost(uc::vault::KdfCost::moderate())
    , m_clients(new ClientListModel(this))
    , m_overview(new ClientOverview(this))
    , m_note(new NoteEditor(this))
{
    connect(m_note, &NoteEditor::saveRequested, this, &VaultSession::saveNote);
    m_thread->setObjectName(u"vault"_s);
    m_context->moveToThread(m_thread);
    m_thread->start();

    const QSettings settings;
    m_vaultDir = settings.value(dirKey, defaultVaultDir()).toString();
    m_vaultExists = isVault(m_vaultDir);
    m_userName = settings.value(userKey).toString();
    m_autoLockMinutes = std::clamp(settings.value(autoLockKey, 10).toInt(), 1, 30);

    m_progressDelay.setSingleShot(true);
    m_progressDelay.setInterval(500);
    connect(&m_progressDelay, &QTimer::timeout, this, [this] {
        if (m_pending > 0 && !m_showProgress) {
            m_showProgress = true;
            Q_EMIT showProgressChanged();
        }
    });
    m_retryTick.setInterval(250);
    connect(&m_retryTick, &QTimer::timeout, this, &VaultSession::tickRetry);
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_autoLockMinutes * 60 * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        if (m_unlocked) {
            qCInfo(ucApp) << "auto-lock after" << m_autoLockMinutes << "idle minutes";
            lock();
        }
    });
    m_lastActivity.start();
}

VaultSession::~VaultSession()
{
    if (s_instance == this)
        s_instance = nullptr;
    // Close the vault (wiping its keys) on its own thread, after anything still queued there.
    Worker *worker = m_worker;
    QObject *context = m_context;
    QMetaObject::invokeMethod(m_context, [worker, context] {
        worker->vault.reset();
        delete context;
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    m_thread->wait();
    delete m_thread;
    delete m_worker;
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

int VaultSession::unlockDelaySeconds(int failures)
{
    constexpr int freeTries = 5;
    if (failures < freeTries)
        return 0;
    const int doublings = std::min(failures - freeTries, 6);
    return std::min(5 * (1 << doublings), 300);
}

void VaultSession::openDemo(const QString &dir, uc::vault::KdfCost cost)
{
    m_demo = true;
    setVaultDir(dir);
    setUserName(QString::fromLatin1(uc::demo::defaultUser));
    Q_EMIT demoChanged();
    if (m_vaultExists) {
        Q_EMIT demoReady();
        return;
    }
    post(
        tr("Creating the demo practice…"),
        [dir, cost](Worker &) {
            const auto secret = SecretBuffer::copyOf(std::string_view(uc::demo::defaultPassphrase));
            QDir().mkpath(dir);
            const uc::demo::DemoPractice made = uc::demo::createDemoPractice(dir, secret, 1, cost);
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
    const QString folder = QDir::cleanPath(dir.trimmed());
    const QString name = user.trimmed();
    if (folder.isEmpty() || name.isEmpty()) {
        Q_EMIT createFailed(tr("Choose a folder and a user name."));
        return;
    }
    if (passphrase != confirmation) {
        Q_EMIT createFailed(tr("The two passphrases are not the same."));
        return;
    }
    if (!Credentials::acceptable(passphrase)) {
        Q_EMIT createFailed(Credentials::hint(passphrase));
        return;
    }
    if (m_unlocked || m_opening)
        return;
    m_opening = true;
    const auto secret = secretOf(passphrase);
    const uc::vault::KdfCost cost = m_cost;
    post(
        tr("Creating the vault…"),
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
            setRole(uc::model::Role::Therapist); // Vault::create above makes the first user a therapist
            opened(name, {});
            Q_EMIT created();
        },
        [this](const Error &e) {
            m_opening = false;
            Q_EMIT createFailed(sentenceOf(e));
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

void VaultSession::unlock(const QString &user, const QString &passphrase)
{
    if (m_unlocked || m_opening)
        return;
    if (m_retryDelay > 0) {
        Q_EMIT unlockFailed(tr("Too many wrong passphrases: wait %n seconds before trying again.", nullptr, m_retryDelay));
        return;
    }
    const QString name = user.trimmed();
    if (name.isEmpty() || passphrase.isEmpty()) {
        Q_EMIT unlockFailed(tr("Enter your user name and passphrase."));
        return;
    }
    m_opening = true;
    const auto secret = secretOf(passphrase);
    const QString dir = m_vaultDir;
    post(
        tr("Unlocking…"),
        [dir, name, secret](Worker &w) {
            w.vault = Vault::open(dir, name, *secret);
            secret->wipe();
            try {
                return std::make_pair(uc::gui::loadClientRows(*w.vault), w.vault->currentUser().role);
            } catch (...) {
                w.vault.reset();
                throw;
            }
        },
        [this, name](std::pair<QList<ClientRow>, uc::model::Role> result) {
            setRole(result.second);
            opened(name, std::move(result.first));
        },
        [this](const Error &e) {
            m_opening = false;
            if (e.kind() != ErrorKind::Auth) {
                Q_EMIT unlockFailed(sentenceOf(e));
                return;
            }
            countWrongPassphrase();
            Q_EMIT unlockFailed(tr("The user name or passphrase is wrong."));
        });
}

void VaultSession::recover(const QString &user, const QString &recoveryKey, const QString &passphrase,
                           const QString &confirmation)
{
    if (m_unlocked || m_opening)
        return;
    const QString name = user.trimmed();
    if (name.isEmpty() || recoveryKey.trimmed().isEmpty()) {
        Q_EMIT recoverFailed(tr("Enter your user name and the recovery key."));
        return;
    }
    if (passphrase != confirmation) {
        Q_EMIT recoverFailed(tr("The two passphrases are not the same."));
        return;
    }
    if (!Credentials::acceptable(passphrase)) {
        Q_EMIT recoverFailed(Credentials::hint(passphrase));
        return;
    }
    m_opening = true;
    const auto keyText = secretOf(recoveryKey);
    const auto secret = secretOf(passphrase);
    const QString dir = m_vaultDir;
    const uc::vault::KdfCost cost = m_cost;
    post(
        tr("Checking the recovery key…"),
        [dir, name, keyText, secret, cost](Worker &w) {
            const auto key = uc::vault::RecoveryKey::parse(
                std::string_view(reinterpret_cast<const char *>(keyText->data()), keyText->size()));
            keyText->wipe();
            w.vault = Vault::recover(dir, name, key, *secret, cost);
            secret->wipe();
            try {
                return std::make_pair(uc::gui::loadClientRows(*w.vault), w.vault->currentUser().role);
            } catch (...) {
                w.vault.reset();
                throw;
            }
        },
        [this, name](std::pair<QList<ClientRow>, uc::model::Role> result) {
            setRole(result.second);
            opened(name, std::move(result.first));
        },
        [this](const Error &e) {
            m_opening = false;
            Q_EMIT recoverFailed(e.kind() == ErrorKind::Auth ? tr("The user name or recovery key is wrong.") : sentenceOf(e));
        });
}

void VaultSession::opened(const QString &user, QList<ClientRow> rows)
{
    m_opening = false;
    if (m_failedUnlocks != 0) {
        m_failedUnlocks = 0;
        Q_EMIT failedUnlocksChanged();
    }
    setUserName(user);
    remember();
    m_clients->setRows(std::move(rows));
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
    ++m_epoch;
    m_opening = false;
    m_idle.stop();
    m_clients->clear();
    m_overview->clear();
    m_note->clear();
    m_queue->clear();
    m_review->clear();
    m_audit->clear();
    m_agreement->clear();
    setRole(std::nullopt);
    setRecoveryKey({});
    post(tr("Locking…"), [](Worker &w) {
        w.vault.reset(); // ~Vault locks: the database closes and the data key is wiped
        return true;
    }, [](bool) {});
    const bool wasUnlocked = m_unlocked;
    setUnlocked(false);
    if (wasUnlocked)
        Q_EMIT locked();
}

// ---- clients

void VaultSession::reloadClients()
{
    if (!m_unlocked)
        return;
    m_clients->setLoading(true);
    post(tr("Loading clients…"), [](Worker &w) { return uc::gui::loadClientRows(w.open()); },
         [this](QList<ClientRow> rows) {
             m_clients->setRows(std::move(rows));
             m_clients->setLoading(false);
         });
}

void VaultSession::addClient(const QString &code, const QString &name, const QString &setting, const QString &intake)
{
    uc::model::Client client;
    client.code = code.trimmed();
    client.displayName = name.trimmed();
    if (client.code.isEmpty() || client.displayName.isEmpty()) {
        Q_EMIT clientSaveFailed(tr("A client needs a code and a name."));
        return;
    }
    if (!setting.isEmpty()) {
        client.setting = uc::model::parseSetting(setting);
        if (!client.setting) {
            Q_EMIT clientSaveFailed(tr("The setting is not one of residential, outpatient, aftercare or telehealth."));
            return;
        }
    }
    if (!intake.trimmed().isEmpty()) {
        client.intakeDate = uc::model::parseDate(intake.trimmed());
        if (!client.intakeDate) {
            Q_EMIT clientSaveFailed(tr("The intake date must be a real date written as YYYY-MM-DD."));
            return;
        }
    }
    client.consentTreatment = true;
    post(
        tr("Saving the client…"),
        [client](Worker &w) {
            uc::vault::Vault &v = w.open();
            if (v.clients().find(client.code))
                throw Error(ErrorKind::Io, u"client"_s, u"a client with that code exists already"_s);
            v.clients().add(client);
            return uc::gui::loadClientRow(v, client.code);
        },
        [this](ClientRow row) {
            const QString saved = row.code;
            m_clients->upsert(row);
            Q_EMIT clientSaved(saved);
        },
        [this](const Error &e) { Q_EMIT clientSaveFailed(sentenceOf(e)); });
}

void VaultSession::updateClient(const QString &code, const QString &name, const QString &setting)
{
    const QString newName = name.trimmed();
    if (newName.isEmpty()) {
        Q_EMIT clientSaveFailed(tr("A client needs a name."));
        return;
    }
    std::optional<uc::model::Setting> newSetting;
    if (!setting.isEmpty()) {
        newSetting = uc::model::parseSetting(setting);
        if (!newSetting) {
            Q_EMIT clientSaveFailed(tr("The setting is not one of residential, outpatient, aftercare or telehealth."));
            return;
        }
    }
    post(
        tr("Saving the client…"),
        [code, newName, newSetting](Worker &w) {
            uc::vault::Vault &v = w.open();
            auto client = v.clients().find(code);
            if (!client)
                throw Error(ErrorKind::Usage, u"client"_s, u"no client with that code"_s);
            client->displayName = newName;
            client->setting = newSetting;
            v.clients().update(*client);
            return uc::gui::loadClientRow(v, code);
        },
        [this](ClientRow row) {
            const QString saved = row.code;
            m_clients->upsert(row);
            Q_EMIT clientSaved(saved);
        },
        [this](const Error &e) { Q_EMIT clientSaveFailed(sentenceOf(e)); });
}

void VaultSession::dischargeClient(const QString &code, const QString &date)
{
    const auto on = uc::model::parseDate(date.trimmed());
    if (!on) {
        Q_EMIT clientSaveFailed(tr("The discharge date must be a real date written as YYYY-MM-DD."));
        return;
    }
    post(
        tr("Discharging the client…"),
        [code, day = *on](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.clients().discharge(code, day);
            return uc::gui::loadClientRow(v, code);
        },
        [this](ClientRow row) {
            const QString saved = row.code;
            m_clients->upsert(row);
            if (m_overview->code() == saved)
                openClient(saved);
            Q_EMIT clientSaved(saved);
        },
        [this](const Error &e) { Q_EMIT clientSaveFailed(sentenceOf(e)); });
}

void VaultSession::openClient(const QString &code)
{
    if (!m_unlocked)
        return;
    m_overview->setLoading(true);
    post(tr("Opening the client…"), [code](Worker &w) { return uc::gui::loadOverview(w.open(), code); },
         [this](uc::gui::Overview overview) {
             const QString code = overview.client.code;
             m_overview->set(std::move(overview));
             Q_EMIT overviewLoaded(code);
         },
         [this](const Error &e) {
             m_overview->setLoading(false);
             showError(sentenceOf(e));
         });
}

void VaultSession::closeClient()
{
    m_overview->clear();
}

// ---- notes

QVariantList VaultSession::templates()
{
    QVariantList list;
    for (const uc::model::Template &t : uc::model::templates()) {
        if (t.id != u"group")
            list.append(QVariantMap{{u"id"_s, t.id}, {u"label"_s, t.label}});
    }
    return list;
}

void VaultSession::createNote(const QString &clientCode, const QString &date, const QString &time, int minutes,
                              const QString &setting, const QString &attendance, const QString &templateId)
{
    if (!m_unlocked)
        return;
    uc::model::Session session;
    const auto day = uc::model::parseDate(date.trimmed());
    const auto start = time.trimmed().isEmpty() ? std::optional<uc::model::TimeOfDay>() : uc::model::parseTime(time.trimmed());
    const auto present = uc::model::parseAttendance(attendance);
    const uc::model::Template *form = uc::model::findTemplate(templateId);
    if (!day || (!time.trimmed().isEmpty() && !start)) {
        Q_EMIT noteFailed(tr("The date must be YYYY-MM-DD and the time HH:MM."));
        return;
    }
    if (minutes <= 0 || minutes > 600 || !present || !form) {
        Q_EMIT noteFailed(tr("Check the session's length, attendance and template."));
        return;
    }
    session.date = *day;
    session.start = start;
    session.minutes = minutes;
    session.setting = setting.isEmpty() ? std::nullopt : uc::model::parseSetting(setting);
    session.attendees.append({0, clientCode, *present});
    QList<uc::model::Section> sections;
    for (const QString &title : form->sections)
        sections.append({title, QString()});
    const auto kind = templateId == u"process" ? uc::model::NoteKind::Process : uc::model::NoteKind::Progress;
    post(
        tr("Creating the note…"),
        [session, templateId, kind, sections](Worker &w) {
            uc::vault::Vault &v = w.open();
            const auto made = v.notes().addSession(session, templateId, kind, sections);
            return uc::gui::loadNote(v, made.notes.first());
        },
        [this](uc::gui::NoteData data) {
            const qint64 id = data.id;
            m_note->set(std::move(data));
            Q_EMIT noteOpened(id);
        },
        [this](const Error &e) { Q_EMIT noteFailed(sentenceOf(e)); });
}

void VaultSession::createGroupNote(const QString &date, const QString &time, int minutes, const QString &setting,
                                   const QString &topic, const QVariantList &attendees)
{
    if (!m_unlocked)
        return;
    const auto day = uc::model::parseDate(date.trimmed());
    const auto start = time.trimmed().isEmpty() ? std::optional<uc::model::TimeOfDay>() : uc::model::parseTime(time.trimmed());
    if (!day || (!time.trimmed().isEmpty() && !start)) {
        Q_EMIT noteFailed(tr("The date must be YYYY-MM-DD and the time HH:MM."));
        return;
    }
    if (minutes <= 0 || minutes > 600) {
        Q_EMIT noteFailed(tr("Check the session's length."));
        return;
    }
    uc::model::Session session;
    session.date = *day;
    session.start = start;
    session.minutes = minutes;
    session.modality = uc::model::Modality::Group;
    session.setting = setting.isEmpty() ? std::nullopt : uc::model::parseSetting(setting);
    session.groupTopic = topic.trimmed();
    QStringList codes;
    for (const QVariant &member : attendees) {
        const QVariantMap m = member.toMap();
        const QString code = m.value(u"code"_s).toString();
        const auto present = uc::model::parseAttendance(m.value(u"attendance"_s).toString());
        if (code.isEmpty() || !present || codes.contains(code)) {
            Q_EMIT noteFailed(tr("Check each member and their attendance."));
            return;
        }
        codes << code;
        session.attendees.append({0, code, *present});
    }
    if (session.attendees.size() < 2) {
        Q_EMIT noteFailed(tr("A group session needs at least two members."));
        return;
    }
    // Every member's note starts from the group template; the topic is the group's, naming no one.
    QList<uc::model::Section> sections;
    for (const QString &title : uc::model::findTemplate(u"group"_s)->sections)
        sections.append({title, title == u"Group topic" ? session.groupTopic : QString()});
    post(
        tr("Creating the members' notes…"),
        [session, sections](Worker &w) {
            uc::vault::Vault &v = w.open();
            const auto made = v.notes().addSession(session, u"group"_s, uc::model::NoteKind::Progress, sections);
            return uc::gui::loadNote(v, made.notes.first());
        },
        [this](uc::gui::NoteData data) {
            const qint64 id = data.id;
            m_note->set(std::move(data));
            Q_EMIT noteOpened(id);
        },
        [this](const Error &e) { Q_EMIT noteFailed(sentenceOf(e)); });
}

void VaultSession::updateSession(const QString &date, const QString &time, int minutes, const QString &modality,
                                 const QString &setting, const QString &attendance)
{
    const qint64 noteId = m_note->noteId();
    const qint64 sessionId = m_note->sessionId();
    if (noteId == 0 || m_note->readOnly())
        return;
    const auto day = uc::model::parseDate(date.trimmed());
    const auto start = time.trimmed().isEmpty() ? std::optional<uc::model::TimeOfDay>() : uc::model::parseTime(time.trimmed());
    const auto how = uc::model::parseModality(modality);
    const auto present = uc::model::parseAttendance(attendance);
    const auto where = setting.isEmpty() ? std::optional<uc::model::Setting>() : uc::model::parseSetting(setting);
    if (!day || (!time.trimmed().isEmpty() && !start)) {
        Q_EMIT noteFailed(tr("The date must be YYYY-MM-DD and the time HH:MM."));
        return;
    }
    if (minutes <= 0 || minutes > 600 || !how || !present || (!setting.isEmpty() && !where)) {
        Q_EMIT noteFailed(tr("Check the session's length, modality, setting and attendance."));
        return;
    }
    const QString code = m_note->clientCode();
    m_note->flush(); // typing first, in order
    post(
        tr("Saving the session…"),
        [=](Worker &w) {
            uc::vault::Vault &v = w.open();
            uc::model::Session s = v.notes().session(sessionId);
            s.date = *day;
            s.start = start;
            s.minutes = minutes;
            s.modality = *how;
            s.setting = where;
            for (auto &a : s.attendees)
                if (a.clientCode == code)
                    a.attendance = *present;
            v.notes().updateSession(s);
            return uc::gui::loadNote(v, noteId);
        },
        [this, noteId](uc::gui::NoteData data) {
            if (m_note->noteId() == noteId)
                m_note->set(std::move(data));
            Q_EMIT sessionUpdated(noteId);
        },
        [this](const Error &e) { Q_EMIT noteFailed(sentenceOf(e)); });
}

void VaultSession::openNote(qint64 noteId)
{
    if (!m_unlocked)
        return;
    m_note->flush();
    post(tr("Opening the note…"), [noteId](Worker &w) { return uc::gui::loadNote(w.open(), noteId); },
         [this](uc::gui::NoteData data) {
             const qint64 id = data.id;
             m_note->set(std::move(data));
             Q_EMIT noteOpened(id);
         });
}

void VaultSession::closeNote()
{
    m_note->flush();
    m_note->clear();
}

void VaultSession::saveNote(qint64 noteId, const QString &templateId, const QString &text)
{
    post(
        tr("Saving…"),
        [noteId, templateId, text](Worker &w) {
            uc::vault::Vault &v = w.open();
            const QList<uc::model::Section> sections = uc::model::sectionsFromText(text, templateId);
            v.notes().saveDraft(noteId, sections); // tags the note again, on this thread
            const QString stored = uc::model::textOf(sections);
            return std::make_pair(stored, uc::gui::loadTags(v, noteId, stored));
        },
        [this, noteId](std::pair<QString, QList<uc::gui::TagRow>> result) {
            if (m_note->noteId() == noteId)
                m_note->saved(result.first, result.second);
            Q_EMIT noteSaved(noteId);
        },
        [this, noteId](const Error &e) {
            if (m_note->noteId() == noteId)
                m_note->saveFailed();
            showError(sentenceOf(e));
        });
}

void VaultSession::decideTag(qint64 tagId, const QString &decision)
{
    const auto value = uc::model::parseTagDecision(decision);
    if (!value || (*value != uc::model::TagDecision::Confirmed && *value != uc::model::TagDecision::Rejected))
        return;
    const qint64 noteId = m_note->noteId();
    if (noteId == 0)
        return;
    // The decision is on the stored words: unsaved typing is saved first, in order, and the text
    // the tags will point into is what that save stores.
    const QString stored = m_note->hasUnsavedText()
        ? uc::model::textOf(uc::model::sectionsFromText(m_note->editedText(), m_note->templateId()))
        : m_note->text();
    m_note->flush();
    post(
        tr("Saving the decision…"),
        [noteId, tagId, decision = *value, stored](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.tagging().decide(tagId, decision);
            return uc::gui::loadTags(v, noteId, stored);
        },
        [this, noteId](QList<uc::gui::TagRow> tags) {
            if (m_note->noteId() == noteId)
                m_note->setTags(tags);
        });
}

void VaultSession::tagSelection(int start, int end, const QString &theme)
{
    const qint64 noteId = m_note->noteId();
    if (noteId == 0 || !m_note->mayTag())
        return;
    const auto span = m_note->savedSpanOf(start, end);
    if (!span) {
        showError(tr("Select the words to tag first."));
        return;
    }
    // The tag is on the stored words: unsaved typing is saved first (the vault thread runs in
    // order), and the offsets are into the text that save stores.
    const QString stored = m_note->textAsSaved();
    m_note->flush();
    post(
        tr("Tagging the words…"),
        [noteId, theme, span = *span, stored](Worker &w) {
            uc::vault::Vault &v = w.open();
            const qint64 tagId = v.tagging().tagSpan(noteId, theme, span.first, span.second);
            return std::make_pair(tagId, uc::gui::loadTags(v, noteId, stored));
        },
        [this, noteId](std::pair<qint64, QList<uc::gui::TagRow>> result) {
            if (m_note->noteId() == noteId)
                m_note->setTags(result.second);
            Q_EMIT wordsTagged(noteId, result.first);
        });
}

void VaultSession::signNote()
{
    const qint64 noteId = m_note->noteId();
    if (noteId == 0 || m_note->readOnly())
        return;
    m_note->flush();
    post(
        tr("Signing…"),
        [noteId](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.notes().sign(noteId);
            return uc::gui::loadNote(v, noteId);
        },
        [this, noteId](uc::gui::NoteData data) {
            if (m_note->noteId() == noteId)
                m_note->set(std::move(data));
            Q_EMIT noteSigned(noteId);
        },
        [this](const Error &e) { Q_EMIT noteFailed(sentenceOf(e)); });
}

void VaultSession::addAddendum(const QString &text)
{
    const qint64 noteId = m_note->noteId();
    if (noteId == 0 || !m_note->mayAddAddendum() || text.trimmed().isEmpty())
        return;
    post(
        tr("Adding the addendum…"),
        [noteId, text](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.notes().addAddendum(noteId, text.trimmed());
            return uc::gui::loadNote(v, noteId);
        },
        [this, noteId](uc::gui::NoteData data) {
            if (m_note->noteId() == noteId)
                m_note->set(std::move(data));
            Q_EMIT addendumAdded(noteId);
        },
        [this](const Error &e) { Q_EMIT noteFailed(sentenceOf(e)); });
}

// ---- state

void VaultSession::dismissError()
{
    if (m_errorMessage.isEmpty())
        return;
    m_errorMessage.clear();
    Q_EMIT errorMessageChanged();
}

void VaultSession::showError(const QString &message)
{
    m_errorMessage = message;
    Q_EMIT errorMessageChanged();
    Q_EMIT errorOccurred(message);
}

void VaultSession::beginBusy(const QString &label)
{
    ++m_pending;
    m_busyText = label;
    if (m_pending == 1)
        m_progressDelay.start();
    Q_EMIT busyChanged();
}

void VaultSession::endBusy()
{
    if (--m_pending > 0)
        return;
    m_pending = 0;
    m_busyText.clear();
    m_progressDelay.stop();
    if (m_showProgress) {
        m_showProgress = false;
        Q_EMIT showProgressChanged();
    }
    Q_EMIT busyChanged();
}

void VaultSession::setUnlocked(bool unlocked)
{
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
    if (m_demo)
        return; // a demo never replaces the real vault's folder or user
    QSettings settings;
    settings.setValue(dirKey, m_vaultDir);
    settings.setValue(userKey, m_userName);
}

void VaultSession::countWrongPassphrase()
{
    ++m_failedUnlocks;
    Q_EMIT failedUnlocksChanged();
    const int delay = unlockDelaySeconds(m_failedUnlocks);
    if (delay > 0) {
        m_retryDeadline = QDeadlineTimer(std::chrono::seconds(delay));
        m_retryDelay = delay;
        Q_EMIT retryDelayChanged();
        m_retryTick.start();
    }
}

void VaultSession::tickRetry()
{
    const qint64 left = m_retryDeadline.remainingTime();
    const int seconds = left <= 0 ? 0 : static_cast<int>((left + 999) / 1000);
    if (seconds != m_retryDelay) {
        m_retryDelay = seconds;
        Q_EMIT retryDelayChanged();
    }
    if (seconds == 0)
        m_retryTick.stop();
}

// ---- supervision and audit (issue #7)

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

void VaultSession::loadQueue()
{
    if (!m_unlocked)
        return;
    m_queue->setLoading(true);
    post(
        tr("Loading the review queue…"),
        [](Worker &w) { return uc::gui::loadQueue(w.open(), boost::gregorian::day_clock::universal_day()); },
        [this](QList<uc::gui::QueueRow> rows) {
            m_queue->setRows(std::move(rows));
            m_queue->setLoading(false);
            Q_EMIT queueLoaded();
        },
        [this](const Error &e) {
            m_queue->setLoading(false);
            showError(sentenceOf(e));
        });
}

void VaultSession::openReview(qint64 noteId)
{
    if (!m_unlocked)
        return;
    post(tr("Opening the note…"), [noteId](Worker &w) { return uc::gui::loadReviewNote(w.open(), noteId); },
         [this](uc::gui::ReviewNoteData data) {
             const qint64 id = data.id;
             m_review->set(std::move(data));
             Q_EMIT reviewOpened(id);
         },
         [this](const Error &e) { Q_EMIT reviewFailed(sentenceOf(e)); });
}

void VaultSession::closeReview()
{
    m_review->clear();
}

void VaultSession::reviewDone(qint64 noteId, const QString &action, uc::gui::ReviewNoteData data)
{
    if (m_review->noteId() == noteId)
        m_review->set(std::move(data));
    Q_EMIT reviewActed(noteId, action);
    loadQueue();
}

void VaultSession::commentOnReview(const QString &text)
{
    const qint64 noteId = m_review->noteId();
    if (noteId == 0)
        return;
    if (text.trimmed().isEmpty()) {
        Q_EMIT reviewFailed(tr("Write the comment first."));
        return;
    }
    post(
        tr("Adding the comment…"),
        [noteId, text = text.trimmed()](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.supervision().comment(noteId, text);
            return uc::gui::loadReviewNote(v, noteId);
        },
        [this, noteId](uc::gui::ReviewNoteData data) { reviewDone(noteId, u"comment"_s, std::move(data)); },
        [this](const Error &e) { Q_EMIT reviewFailed(sentenceOf(e)); });
}

void VaultSession::cosignReview()
{
    const qint64 noteId = m_review->noteId();
    if (noteId == 0)
        return;
    post(
        tr("Co-signing…"),
        [noteId](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.supervision().cosign(noteId);
            return uc::gui::loadReviewNote(v, noteId);
        },
        [this, noteId](uc::gui::ReviewNoteData data) { reviewDone(noteId, u"cosign"_s, std::move(data)); },
        [this](const Error &e) { Q_EMIT reviewFailed(sentenceOf(e)); });
}

void VaultSession::returnReview(const QString &comment)
{
    const qint64 noteId = m_review->noteId();
    if (noteId == 0)
        return;
    if (comment.trimmed().isEmpty()) {
        Q_EMIT reviewFailed(tr("A returned note needs a comment saying what to address."));
        return;
    }
    post(
        tr("Returning the note…"),
        [noteId, text = comment.trimmed()](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.supervision().returnNote(noteId, text);
            return uc::gui::loadReviewNote(v, noteId);
        },
        [this, noteId](uc::gui::ReviewNoteData data) { reviewDone(noteId, u"return"_s, std::move(data)); },
        [this](const Error &e) { Q_EMIT reviewFailed(sentenceOf(e)); });
}

namespace {

} // namespace

std::optional<uc::vault::AuditFilter> VaultSession::auditFilterOf(const QString &since, const QString &until,
                                                                  const QString &user, QString *problem)
{
    uc::vault::AuditFilter filter;
    const QString first = since.trimmed();
    const QString last = until.trimmed();
    const auto from = first.isEmpty() ? std::nullopt : uc::model::parseDate(first);
    const auto to = last.isEmpty() ? std::nullopt : uc::model::parseDate(last);
    if ((!first.isEmpty() && !from) || (!last.isEmpty() && !to)) {
        *problem = tr("The date must be a real date written as YYYY-MM-DD.");
        return std::nullopt;
    }
    if (from && to && *to < *from) {
        *problem = tr("The period ends before it starts.");
        return std::nullopt;
    }
    filter.since = first;
    filter.until = last;
    filter.user = user.trimmed();
    return filter;
}

void VaultSession::loadAudit(const QString &since, const QString &user, const QString &until)
{
    if (!m_unlocked)
        return;
    QString problem;
    const auto filter = auditFilterOf(since, until, user, &problem);
    if (!filter) {
        Q_EMIT auditFailed(problem);
        return;
    }
    m_audit->setLoading(true);
    post(
        tr("Reading the audit trail…"), [filter = *filter](Worker &w) { return w.open().auditTrail().entries(filter); },
        [this](QList<uc::vault::AuditEntry> entries) {
            m_audit->setEntries(std::move(entries));
            m_audit->setLoading(false);
            Q_EMIT auditLoaded();
        },
        [this](const Error &e) {
            m_audit->setLoading(false);
            Q_EMIT auditFailed(sentenceOf(e));
        });
}

void VaultSession::verifyAudit()
{
    if (!m_unlocked)
        return;
    post(
        tr("Verifying the audit trail…"), [](Worker &w) { return w.open().auditTrail().verify(); },
        [this](uc::vault::AuditCheck check) {
            m_audit->setVerification(check);
            Q_EMIT auditVerified();
        },
        [this](const Error &e) { Q_EMIT auditFailed(sentenceOf(e)); });
}

void VaultSession::exportAudit(const QString &since, const QString &user, const QString &file, const QString &until)
{
    if (!m_unlocked)
        return;
    QString problem;
    const auto filter = auditFilterOf(since, until, user, &problem);
    if (!filter) {
        Q_EMIT auditFailed(problem);
        return;
    }
    QString path = file.trimmed();
    if (path.startsWith(u"file:"_s))
        path = QUrl(path).toLocalFile();
    if (path.isEmpty()) {
        Q_EMIT auditFailed(tr("Choose a file to export to."));
        return;
    }
    if (!path.endsWith(u".csv"_s, Qt::CaseInsensitive))
        path += u".csv"_s;
    post(
        tr("Exporting the audit trail…"),
        [filter = *filter, path](Worker &w) { return static_cast<int>(w.open().auditTrail().exportCsv(filter, path)); },
        [this, path](int entries) { Q_EMIT auditExported(entries, path); },
        [this](const Error &e) { Q_EMIT auditFailed(sentenceOf(e)); });
}

void VaultSession::loadAgreementSetup()
{
    if (!m_unlocked)
        return;
    post(
        tr("Loading…"),
        [](Worker &w) {
            uc::vault::Vault &v = w.open();
            return std::make_pair(uc::gui::loadSupervisedTherapists(v), uc::gui::loadThemeChoices(v));
        },
        [this](std::pair<QStringList, QList<uc::gui::ThemeChoice>> setup) {
            m_agreement->setSetup(std::move(setup.first), std::move(setup.second));
        },
        [this](const Error &e) { Q_EMIT agreementFailed(sentenceOf(e)); });
}

void VaultSession::startAgreementCheck(const QString &therapist, int sampleSize)
{
    if (!m_unlocked)
        return;
    if (therapist.trimmed().isEmpty()) {
        Q_EMIT agreementFailed(tr("Choose a therapist assigned to you."));
        return;
    }
    post(
        tr("Drawing the sample…"),
        [therapist = therapist.trimmed(), sampleSize](Worker &w) {
            uc::vault::Vault &v = w.open();
            const auto sample = v.agreement().start(therapist, sampleSize);
            return uc::gui::loadAgreementSample(v, sample.check);
        },
        [this](uc::gui::AgreementSampleData sample) {
            const qint64 check = sample.check;
            m_agreement->setSample(std::move(sample));
            Q_EMIT agreementStarted(check);
        },
        [this](const Error &e) { Q_EMIT agreementFailed(sentenceOf(e)); });
}

void VaultSession::rateBlind(const QStringList &themes)
{
    const qint64 check = m_agreement->checkId();
    const qint64 noteId = m_agreement->noteId();
    if (check == 0 || noteId == 0)
        return;
    post(
        tr("Saving your themes…"),
        [check, noteId, themes](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.agreement().rate(check, noteId, themes);
            auto sample = uc::gui::loadAgreementSample(v, check);
            std::optional<uc::gui::AgreementReportData> report;
            if (!sample.next)
                report = uc::gui::loadAgreementReport(v, check); // the last note: the report follows
            return std::make_pair(std::move(sample), std::move(report));
        },
        [this, noteId](std::pair<uc::gui::AgreementSampleData, std::optional<uc::gui::AgreementReportData>> result) {
            m_agreement->setSample(std::move(result.first));
            if (result.second) {
                m_agreement->setReport(std::move(*result.second));
                Q_EMIT agreementReportLoaded();
            }
            Q_EMIT agreementRated(noteId);
        },
        [this](const Error &e) { Q_EMIT agreementFailed(sentenceOf(e)); });
}

void VaultSession::loadAgreementReport()
{
    const qint64 check = m_agreement->checkId();
    if (!m_unlocked || check == 0)
        return;
    post(
        tr("Working out agreement…"), [check](Worker &w) { return uc::gui::loadAgreementReport(w.open(), check); },
        [this](uc::gui::AgreementReportData report) {
            m_agreement->setReport(std::move(report));
            Q_EMIT agreementReportLoaded();
        },
        [this](const Error &e) { Q_EMIT agreementFailed(sentenceOf(e)); });
}
