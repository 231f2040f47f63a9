// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-cli: the scriptable face of the core library. The line is checked against the
// command's option table before anything runs; errors are one line on stderr,
// "undercurrent-cli: what: why", with the exit codes of uc::ErrorKind.
#include "common/error.h"
#include "common/process.h"
#include "common/versions.h"
#include "vault/vault.h"
#include "help.h"
#include "io.h"
#include "options.h"
#include "registry.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;
using namespace uc;

namespace {

// PDFs need fonts, so `report` and `audit export … .pdf` run on a QGuiApplication (offscreen
// unless a platform is chosen); every other command, and any --help or --version, stays a
// QCoreApplication.
bool needsFonts(int argc, char *argv[])
{
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw.append(QString::fromLocal8Bit(argv[i]));
    if (raw.contains("--help"_L1) || raw.contains("-h"_L1) || raw.contains("--version"_L1))
        return false;
    QString out;
    const cli::Command *command = cli::peek(raw, cli::commands(), &out);
    if (!command)
        return false; // main reports the line
    return command->fonts == cli::Command::Fonts::Always
        || (command->fonts == cli::Command::Fonts::WhenOutIsPdf && out.endsWith(".pdf"_L1, Qt::CaseInsensitive));
}

} // namespace

int main(int argc, char *argv[])
{
    uc::disableCoreDumps(); // decrypted notes never reach a core file
    const bool gui = needsFonts(argc, argv);
    if (gui && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app =
        gui ? std::make_unique<QGuiApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"Undercurrent"_s);
    QCoreApplication::setOrganizationName(u"Undercurrent"_s);
    // Progress chatter stays out of scripts' way; warnings still reach stderr.
    QLoggingCategory::setFilterRules(u"undercurrent.*.info=false"_s);
    QStringList raw = QCoreApplication::arguments();
    raw.removeFirst();

    if (raw.contains("--version"_L1)) {
        std::fputs(qPrintable(versionReport(u"undercurrent-cli"_s, {vault::storageLibrary()})), stdout);
        return 0;
    }
    if (raw.isEmpty()) {
        std::fputs(cli::globalHelp().toUtf8().constData(), stderr);
        return 1;
    }
    bool helpAsked = false;
    const QStringList helpWords = cli::helpWords(raw, cli::commands(), &helpAsked);
    if (helpAsked) {
        std::fputs(cli::helpFor(helpWords).toUtf8().constData(), stdout);
        return 0;
    }
    try {
        const cli::Invocation line = cli::parse(raw, cli::commands());
        return line.command().run(line);
    } catch (const Error &error) {
        std::fprintf(stderr, "undercurrent-cli: %s\n", cli::terminalSafe(error.message()).toUtf8().constData());
        return error.exitCode();
    } catch (const std::bad_alloc &) {
        std::fprintf(stderr, "undercurrent-cli: memory: not enough memory\n");
        return 2;
    }
}
