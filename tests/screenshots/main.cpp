// SPDX-License-Identifier: GPL-3.0-or-later
// undercurrent-screenshots OUTDIR: the real window, offscreen, on a throwaway demo practice made in
// a temporary folder, walked through every screen into OUTDIR/<screen>.png (tools/screenshots runs
// it). A program of its own, so the product carries no driver.
#include "screenwalk.h"
#include "appearance.h"
#include "demomode.h"
#include "offlinenetwork.h"

#include "vaultsession.h"

#include "model/types.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QApplication>
#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTemporaryDir>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv); // Qt Charts needs a QApplication
    // Settings of their own: the user's (a dark look, a remembered vault) stay out of the pictures.
    QApplication::setOrganizationName(u"Undercurrent"_s);
    QApplication::setApplicationName(u"Undercurrent screenshots"_s);
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(u"Fusion"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Writes a PNG of each of Undercurrent's screens into OUTDIR."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"OUTDIR"_s, u"The folder the PNGs go into (made when missing)."_s);
    const QCommandLineOption size(u"size"_s, u"The window's size, WIDTHxHEIGHT (1024x700 is the smallest laid out for)."_s,
                                  u"WxH"_s);
    parser.addOption(size);
    const QCommandLineOption today(u"today"_s,
                                   u"The demo practice's today, YYYY-MM-DD (it ends in the week before); by default the "
                                   "real today, as the application's --demo does."_s,
                                   u"DATE"_s);
    parser.addOption(today);
    const QCommandLineOption dark(u"dark"_s, u"The app's dark look (Settings: Dark) rather than the light one."_s);
    parser.addOption(dark);
    parser.process(app);
    uc::model::Date demoToday = boost::gregorian::day_clock::local_day();
    if (parser.isSet(today)) {
        const auto day = uc::model::parseDate(parser.value(today));
        if (!day) {
            std::fputs("undercurrent-screenshots: --today takes a date written YYYY-MM-DD\n", stderr);
            return 2;
        }
        demoToday = *day;
    }
    if (parser.positionalArguments().size() != 1) {
        std::fputs("usage: undercurrent-screenshots OUTDIR\n", stderr);
        return 1;
    }

    // Declared before the session: the session closes its vault before the folder goes.
    QTemporaryDir scratch;
    if (!scratch.isValid()) {
        std::fputs("undercurrent-screenshots: no temporary folder\n", stderr);
        return 1;
    }
    VaultSession session(nullptr);
    VaultSession::setInstance(&session);
    // A throwaway practice: the cheapest key derivation is fine for pictures.
    session.demo()->open(scratch.filePath(u"demo"_s), uc::vault::KdfCost::testOnly(), demoToday);

    QQmlApplicationEngine engine;
    uc::gui::refuseNetwork(engine);
    engine.addImportPath(u"qrc:/"_s);
    engine.load(QUrl(u"qrc:/Undercurrent/Main.qml"_s));
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window) {
        std::fputs("undercurrent-screenshots: the main window did not load\n", stderr);
        return 1;
    }
    // Set either way: the look is remembered in the tool's own settings, a dark run must not leave it dark.
    auto *appearance = engine.singletonInstance<Appearance *>(qmlTypeId("Undercurrent", 1, 0, "Appearance"));
    if (!appearance) {
        std::fputs("undercurrent-screenshots: no Appearance to set the look on\n", stderr);
        return 1;
    }
    appearance->setDark(parser.isSet(dark));
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).split(u'x');
        if (wh.size() != 2 || wh.at(0).toInt() <= 0 || wh.at(1).toInt() <= 0) {
            std::fputs("undercurrent-screenshots: --size takes WIDTHxHEIGHT\n", stderr);
            return 1;
        }
        window->resize(wh.at(0).toInt(), wh.at(1).toInt());
    }
    screenshots::ScreenWalk walk(window, session, parser.positionalArguments().constFirst());
    return walk.run() ? 0 : 1;
}
