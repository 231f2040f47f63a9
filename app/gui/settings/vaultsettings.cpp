// SPDX-License-Identifier: GPL-3.0-or-later
#include "vaultsettings.h"

#include "codebookmodel.h"
#include "conversions.h"
#include "credentials.h"
#include "vaultthread.h"

#include "vault/vault.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

VaultSettings::VaultSettings(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_codebook(new CodebookModel(vault, this))
{
}

void VaultSettings::clear()
{
    m_codebook->clear();
}

void VaultSettings::changePassphrase(const QString &current, const QString &passphrase, const QString &confirmation)
{
    if (!m_vault->isOpen())
        return;
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"passphrase"_s, message));
    };
    if (current.isEmpty())
        return refuse(tr("Enter your current passphrase."));
    if (passphrase != confirmation)
        return refuse(tr("The two new passphrases are not the same."));
    if (!Credentials::acceptable(passphrase))
        return refuse(Credentials::hint(passphrase));
    const auto old = uc::gui::secretOf(current);
    const auto secret = uc::gui::secretOf(passphrase);
    m_vault->post(
        this, tr("Changing the passphrase…"),
        [old, secret, cost = m_vault->kdfCost()](Worker &w) {
            w.checkPassphrase(*old);
            old->wipe();
            w.open().changePassphrase(*secret, cost);
            secret->wipe();
            return true;
        },
        [this](bool) { Q_EMIT passphraseChanged(); },
        [this, old, secret](const uc::Error &e) {
            old->wipe();
            secret->wipe();
            Q_EMIT failed(e.kind() == uc::ErrorKind::Auth
                              ? Failure(Failure::Auth, u"passphrase"_s, tr("The current passphrase is not right."))
                              : Failure(u"passphrase"_s, e));
        });
}

void VaultSettings::backupTo(const QString &file)
{
    if (!m_vault->isOpen())
        return;
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"backup"_s, message));
    };
    const QString path = QDir::cleanPath(file.trimmed());
    if (file.trimmed().isEmpty())
        return refuse(tr("Choose a file to write the backup to."));
    if (QFileInfo::exists(path))
        return refuse(tr("That file exists already: choose a new name."));
    m_vault->post(
        this, tr("Writing the backup…"),
        [path](Worker &w) {
            w.open().backup().write(path);
            return path;
        },
        [this](QString written) { Q_EMIT backupWritten(written); },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"backup"_s, e)); });
}

void VaultSettings::restoreBackup(const QString &file, const QString &dir, const QString &user, const QString &passphrase)
{
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"restore"_s, message));
    };
    const QString from = QDir::cleanPath(file.trimmed());
    const QString into = QDir::cleanPath(dir.trimmed());
    const QString name = user.trimmed();
    if (file.trimmed().isEmpty() || dir.trimmed().isEmpty() || name.isEmpty() || passphrase.isEmpty())
        return refuse(tr("Choose the backup file, an empty folder, and the user and passphrase it opens with."));
    if (!QFileInfo::exists(from))
        return refuse(tr("There is no backup file there."));
    if (QFileInfo(into).exists() && !QDir(into).isEmpty())
        return refuse(tr("The folder to restore into must be empty."));
    const auto secret = uc::gui::secretOf(passphrase);
    m_vault->post(
        this, tr("Restoring the backup…"),
        [from, into, name, secret](Worker &) {
            uc::vault::Vault::restore(from, into, name, *secret); // proves it opens, else leaves nothing behind
            secret->wipe();
            return into;
        },
        [this](QString restoredDir) { Q_EMIT restored(restoredDir); },
        [this, secret](const uc::Error &e) {
            secret->wipe();
            Q_EMIT failed(e.kind() == uc::ErrorKind::Auth
                              ? Failure(Failure::Auth, u"restore"_s,
                                        tr("The user name or passphrase does not open that backup."))
                              : Failure(u"restore"_s, e));
        });
}
