// SPDX-License-Identifier: GPL-3.0-or-later
#include "users.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "common/safefile.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>

using namespace Qt::StringLiterals;
using uc::vault::Vault;

namespace uc::cli {

namespace {

model::Role roleOf(const Invocation &line, const QString &fallback)
{
    return valid(model::parseRole(line.has("role") ? line.value("role") : fallback), "role",
                 u"therapist, supervisor or auditor"_s);
}

SecretBuffer newPassphrase(const Invocation &line, std::string_view option)
{
    return readSecretLine(line.value(option), u"new passphrase file"_s);
}

// Owner-only, flushed to disk, through a fresh temp file: the key is the way back into the vault.
// Written straight from guarded memory, never through a QByteArray copy.
void writeRecoveryKey(const QString &path, std::string_view key)
{
    const QString what = u"recovery key file"_s;
    requireWritableTarget(path, what);
    SafeTempFile out(QFileInfo(path).absolutePath(), what);
    out.write(key.data(), static_cast<qsizetype>(key.size()));
    out.write("\n", 1);
    out.commit(path);
}

} // namespace

int init(const Invocation &line)
{
    const model::Role role = roleOf(line, u"therapist"_s);
    if (line.has("recovery-key-file")) // refused before the vault is made, not after
        requireWritableTarget(line.value("recovery-key-file"), u"recovery key file"_s);
    auto created = Vault::create(vaultDir(line), line.value("user"), passphrase(line), role);
    const SecretBuffer key = created.recoveryKey.display();
    const std::string_view keyText(reinterpret_cast<const char *>(key.data()), key.size());
    if (line.has("recovery-key-file")) {
        writeRecoveryKey(line.value("recovery-key-file"), keyText);
        std::fprintf(stderr, "Vault created. The recovery key was written to the file you named: keep it offline.\n");
    } else {
        std::fprintf(stderr, "Vault created. Write down this recovery key and keep it somewhere safe; it is shown "
                             "once and opens the vault if a passphrase is forgotten:\n");
        std::fwrite(keyText.data(), 1, keyText.size(), stdout);
        std::fputs("\n", stdout);
    }
    return 0;
}

int userAdd(const Invocation &line)
{
    const model::Role role = roleOf(line, {});
    auto v = openVault(line);
    v->addUser(line.value("name"), role, newPassphrase(line, "new-passphrase-file"), vault::KdfCost::moderate(),
               line.has("admin"));
    return 0;
}

int userList(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    const QList<QString> removed = v->removedUsers();
    for (const auto &u : v->users()) {
        const bool gone = removed.contains(u.name);
        QJsonObject entry{{u"name"_s, u.name},
                          {u"role"_s, model::toString(u.role)},
                          {u"admin"_s, u.admin},
                          {u"created"_s, u.created}};
        if (gone)
            entry.insert(u"removed"_s, true);
        list.append(entry);
        if (!line.json())
            print(u.name + u'\t' + model::toString(u.role) + (u.admin ? u"\tadministrator"_s : QString())
                  + (gone ? u"\tremoved"_s : QString()));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int passwd(const Invocation &line)
{
    auto v = openVault(line);
    v->changePassphrase(newPassphrase(line, "new-passphrase-file"));
    return 0;
}

int recover(const Invocation &line)
{
    const SecretBuffer keyText = readSecretLine(line.value("recovery-key-file"), u"recovery key file"_s);
    const auto key = vault::RecoveryKey::parse(std::string_view(reinterpret_cast<const char *>(keyText.data()), keyText.size()));
    Vault::recover(vaultDir(line), line.value("user"), key, newPassphrase(line, "new-passphrase-file"));
    std::fprintf(stderr, "The passphrase was reset.\n");
    return 0;
}

int userRemove(const Invocation &line)
{
    auto v = openVault(line);
    v->removeUser(line.value("name"));
    std::fprintf(stderr, "The user was removed and the vault re-keyed.\n");
    return 0;
}

int vaultRekey(const Invocation &line)
{
    auto v = openVault(line);
    v->rekey();
    std::fprintf(stderr, "The vault was re-keyed. Each colleague takes the new key at their next unlock.\n");
    return 0;
}

} // namespace uc::cli
