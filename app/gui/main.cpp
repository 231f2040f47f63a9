// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI: parses the few command-line options, sets up the vault session, then hands everything
// to the QML engine.
#include "buttonkeys.h"
#include "vaultsession.h"
#include "autolock.h"
#include "demomode.h"
#include "offlinenetwork.h"

#include "common/logging.h"
#include "common/process.h"
#include "common/versions.h"
#include "vault/vault.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QStandardPaths>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cstdio>
#include <cstdlib>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

namespace {

void nameApplication()
{
    QCoreApplication::setApplicationName(u"Undercurrent"_s);
    QCoreApplication::setOrganizationName(u"Undercurrent"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(UC_VERSION));
}

struct Options
{
    bool demo = false;
    uc::model::Date today; // the demo practice ends in the week before it
};

class CommandLine
{
public:
    CommandLine()
    {
        m_parser.setApplicationDescription(u"Encrypted session notes and recurring themes"_s);
        m_parser.addHelpOption();
        m_parser.addOption(m_version);
        m_parser.addOption(m_demo);
        m_parser.addOption(m_today);
    }

    // --help and --version, answered with no display at all: only a console application exists
    // yet. Anything else waits for process(), after Qt has taken its own options (-platform …).
    void answerWithoutDisplay(int argc, char *argv[])
    {
        QCoreApplication console(argc, argv);
        nameApplication();
        if (!m_parser.parse(QCoreApplication::arguments()))
            return;
        if (m_parser.isSet(u"help"_s))
            m_parser.showHelp(0);
        if (m_parser.isSet(m_version)) {
            std::fputs(qPrintable(uc::versionReport(u"undercurrent"_s, {uc::vault::storageLibrary()})), stdout);
            std::exit(0);
        }
    }

    // Usage errors exit 1, an invalid date 2.
    Options process(const QCoreApplication &app)
    {
        m_parser.process(app);
        Options options{m_parser.isSet(m_demo), boost::gregorian::day_clock::local_day()};
        if (m_parser.isSet(m_today)) {
            const auto day = uc::model::parseDate(m_parser.value(m_today));
            if (!day) {
                std::fputs("undercurrent: --today takes a date written YYYY-MM-DD\n", stderr);
                std::exit(2);
            }
            options.today = *day;
        }
        return options;
    }

private:
    QCommandLineParser m_parser;
    const QCommandLineOption m_version{{u"v"_s, u"version"_s}, u"Show the versions in use, then exit."_s};
    const QCommandLineOption m_demo{u"demo"_s, u"Open the demo practice (invented clients), creating it first if needed."_s};
    const QCommandLineOption m_today{u"today"_s,
                                     u"With --demo: the day a new demo practice is made up to (default: today), "
                                     u"for a practice that is the same on every run."_s,
                                     u"YYYY-MM-DD"_s};
};

} // namespace

int main(int argc, char *argv[])
{
    uc::disableCoreDumps(); // decrypted notes never reach a core file
    CommandLine line;
    line.answerWithoutDisplay(argc, argv);

    QApplication app(argc, argv); // Qt Charts needs a QApplication
    nameApplication();
    const Options options = line.process(app);
    QApplication::setDesktopFileName(u"org.undercurrent.Undercurrent"_s);
    ButtonKeys::install(&app);
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(u"Fusion"_s);

    VaultSession session(nullptr);
    VaultSession::setInstance(&session);
    session.autoLock()->watch(&app);
    if (options.demo) {
        session.demo()->open(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo"_s,
                              uc::vault::KdfCost::moderate(), options.today);
    }

    QQmlApplicationEngine engine;
    uc::gui::refuseNetwork(engine); // someone else's <img src="http://…"> fetches nothing
    engine.addImportPath(u"qrc:/"_s);
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(u"qrc:/Undercurrent/Main.qml"_s));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(ucApp) << "the main window could not be loaded";
        return 1;
    }
    // Closing the window locks first: drafts are saved and the keys wiped on the vault thread.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &session, [&session] {
        if (session.isUnlocked())
            session.lock();
    });
    return QApplication::exec();
}
