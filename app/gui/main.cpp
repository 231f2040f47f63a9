// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI: parses the few command-line options, sets up the vault session, then hands everything
// to the QML engine.
#include "buttonkeys.h"
#include "vaultsession.h"

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

#include <cstdio>
#include <cstring>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    uc::disableCoreDumps(); // decrypted notes never reach a core file
    // --version needs no display, so answer it before Qt looks for one.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::fputs(qPrintable(uc::versionReport(u"undercurrent"_s, {uc::vault::storageLibrary()})), stdout);
            return 0;
        }
    }

    QApplication app(argc, argv); // Qt Charts needs a QApplication
    QApplication::setApplicationName(u"Undercurrent"_s);
    QApplication::setOrganizationName(u"Undercurrent"_s);
    QApplication::setApplicationVersion(QStringLiteral(UC_VERSION));
    QApplication::setDesktopFileName(u"org.undercurrent.Undercurrent"_s);
    ButtonKeys::install(&app);
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(u"Fusion"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Encrypted session notes and recurring themes"_s);
    parser.addHelpOption();
    const QCommandLineOption demo(u"demo"_s,
                                  u"Open the demo practice (invented clients), creating it first if needed."_s);
    parser.addOption(demo);
    parser.process(app);

    VaultSession session(nullptr);
    VaultSession::setInstance(&session);
    session.watchActivity(&app);
    if (parser.isSet(demo)) {
        session.openDemo(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo"_s,
                         uc::vault::KdfCost::moderate());
    }

    QQmlApplicationEngine engine;
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
