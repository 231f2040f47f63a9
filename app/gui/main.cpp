// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI: parses the few command-line options, then hands everything to the QML engine.
#include "common/logging.h"
#include "common/versions.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickWindow>
#include <QTimer>

#include <cstdio>
#include <cstring>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

namespace {

// Renders the window offscreen and writes one PNG per screen into dir (tools/screenshots).
int takeScreenshots(QQmlApplicationEngine &engine, const QString &dir)
{
    QDir().mkpath(dir);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window) {
        std::fputs("undercurrent: screenshots: the main window did not load\n", stderr);
        return 1;
    }
    // Give the scene graph a few frames to lay out and render the charts.
    QTimer::singleShot(800, window, [window, dir] {
        const QImage image = window->grabWindow();
        const QString file = dir + QStringLiteral("/welcome.png");
        if (image.isNull() || !image.save(file)) {
            std::fputs("undercurrent: screenshots: could not write welcome.png\n", stderr);
            QCoreApplication::exit(1);
            return;
        }
        std::printf("%s\n", qPrintable(file));
        QCoreApplication::exit(0);
    });
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // --version needs no display, so answer it before Qt looks for one.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::fputs(qPrintable(uc::versionReport(QStringLiteral("undercurrent"))), stdout);
            return 0;
        }
    }

    QApplication app(argc, argv); // Qt Charts needs a QApplication
    QApplication::setApplicationName(QStringLiteral("Undercurrent"));
    QApplication::setOrganizationName(QStringLiteral("Undercurrent"));
    QApplication::setApplicationVersion(QStringLiteral(UC_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.undercurrent.Undercurrent"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Encrypted session notes and recurring themes"));
    parser.addHelpOption();
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         QStringLiteral("Write a PNG of each screen into <dir> and quit."),
                                         QStringLiteral("dir"));
    parser.addOption(screenshots);
    parser.process(app);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Undercurrent/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(ucApp) << "the main window could not be loaded";
        return 1;
    }
    if (parser.isSet(screenshots))
        return takeScreenshots(engine, parser.value(screenshots));
    return QApplication::exec();
}
