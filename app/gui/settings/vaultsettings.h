// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>

class CodebookModel;
class VaultThread;

// The settings kept in the vault and its keys: the codebook the tagger uses (edited through
// codebook itself), the user's passphrase, and backups. Each call runs on the vault thread and
// answers its signal or failed(failure) with action "passphrase", "backup" or "restore".
class VaultSettings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")
    Q_PROPERTY(CodebookModel *codebook READ codebook CONSTANT)
    Q_MOC_INCLUDE("codebookmodel.h")

public:
    explicit VaultSettings(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] CodebookModel *codebook() const { return m_codebook; }

    // Needs the current passphrase; the new one twice and acceptable (Credentials).
    Q_INVOKABLE void changePassphrase(const QString &current, const QString &passphrase, const QString &confirmation);
    // One encrypted file holding the vault (keyed by the same passphrases), never over an existing file.
    Q_INVOKABLE void backupTo(const QString &file);
    // Unpacks a backup into an empty folder and proves it opens with user and passphrase; the open
    // vault is untouched.
    Q_INVOKABLE void restoreBackup(const QString &file, const QString &dir, const QString &user,
                                   const QString &passphrase);
    // Forgets what was shown (a lock).
    void clear();

Q_SIGNALS:
    void passphraseChanged();
    void backupWritten(const QString &file);
    void restored(const QString &dir);
    void failed(const Failure &failure);

private:
    VaultThread *m_vault;
    CodebookModel *m_codebook;
};
