// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-cli: the scriptable face of the core library. Errors are one line on stderr,
// "undercurrent-cli: what: why", with the exit codes of uc::ErrorKind.
#include "common/error.h"
#include "common/versions.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

namespace {

constexpr auto usageText = R"(usage: undercurrent-cli [--vault DIR] [--user NAME] [--passphrase-file FILE] COMMAND ...

Commands:
  --version        print the program's and its libraries' versions
  --help           print this help

Exit codes: 0 ok, 1 usage, 2 bad input or I/O, 3 authentication, 4 damaged or not a vault,
5 not allowed for this role, 6 conflict (signed note, locked vault).
)";

int fail(const uc::Error &error)
{
    std::fprintf(stderr, "undercurrent-cli: %s\n", qPrintable(error.message()));
    return error.exitCode();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("undercurrent-cli"));
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();

    if (args.contains(QLatin1String("--version"))) {
        std::fputs(qPrintable(uc::versionReport(QStringLiteral("undercurrent-cli"))), stdout);
        return 0;
    }
    if (args.isEmpty() || args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        std::fputs(usageText, args.isEmpty() ? stderr : stdout);
        return args.isEmpty() ? 1 : 0;
    }
    return fail(uc::Error(uc::ErrorKind::Usage, args.first(), QStringLiteral("unknown command (see --help)")));
}
