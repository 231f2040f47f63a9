// SPDX-License-Identifier: GPL-3.0-or-later
// Running undercurrent-cli from a test (CLI_PATH), as the CLI contract tests do: the exit code and
// both streams, signed in with a passphrase file; and writing a small input file.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

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
