// SPDX-License-Identifier: GPL-3.0-or-later
#include "signin.h"

#include "io.h"
#include "options.h"

#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace uc::cli {

QString vaultDir(const Invocation &line)
{
    if (line.has("vault"))
        return line.value("vault");
    const QString env = qEnvironmentVariable("UNDERCURRENT_VAULT");
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/vault"_s;
}

SecretBuffer passphrase(const Invocation &line)
{
    if (line.has("passphrase-file"))
        return readSecretLine(line.value("passphrase-file"), u"passphrase file"_s);
    return promptSecret("Passphrase: ");
}

std::unique_ptr<vault::Vault> openVault(const Invocation &line)
{
    return vault::Vault::open(vaultDir(line), line.value("user"), passphrase(line));
}

} // namespace uc::cli
