// SPDX-License-Identifier: GPL-3.0-or-later
// Running undercurrent-cli from a test (CLI_PATH), as the CLI contract tests do: the exit code and
// both streams, signed in with a passphrase file; and writing a small input file.
#pragma once

#include "model/types.h"
#include "testvault.h"
#include "vault/vault.h"

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <utility>

namespace clirun {

struct Run
{
    int code = -1; // -1: did not finish in time; -2: crashed
    QByteArray out;
    QByteArray err;
};

// Runs the CLI with args followed by --vault VAULT --user USER --passphrase-file PASS.
inline Run cli(QStringList args, const QString &vault, const QString &user, const QString &passFile)
{
    args << QStringLiteral("--vault") << vault << QStringLiteral("--user") << user << QStringLiteral("--passphrase-file")
         << passFile;
    QProcess p;
    p.start(QStringLiteral(CLI_PATH), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

// A vault in dir for the CLI to open, made through the library at the cheapest key derivation:
// its first user (the administrator, a therapist) and then each of others, all with the
// passphrase in passFile's text (without its newline). Every CLI call after it unlocks in
// milliseconds instead of the better part of a second; the CLI's own `init` and `user add`, at their
// real cost, are tested in clitest and cliuserstest.
inline bool cheapVault(const QString &dir, const QByteArray &passphrase, const QString &first = QStringLiteral("alice"),
                       const QList<std::pair<QString, uc::model::Role>> &others = {})
{
    try {
        const uc::SecretBuffer secret = uc::SecretBuffer::copyOf(std::string_view(passphrase.constData(), static_cast<size_t>(passphrase.size())));
        auto v = uc::vault::Vault::create(dir, first, secret, uc::model::Role::Therapist, uc::vault::KdfCost::testOnly()).vault;
        for (const auto &[name, role] : others)
            v->addUser(name, role, secret, uc::vault::KdfCost::testOnly());
        return true;
    } catch (const uc::Error &) {
        return false;
    }
}

// dir/name holding content; its path.
inline QString file(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

} // namespace clirun
