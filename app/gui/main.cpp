// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI: parses the few command-line options, sets up the vault session, then hands everything
// to the QML engine. --screenshots drives the real screens on a throwaway demo practice.
#include "vaultsession.h"

#include "common/logging.h"
#include "common/versions.h"
#include "demo/practice.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <functional>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

namespace {

// Runs the event loop until done() or the timeout; false on timeout.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

void settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    waitUntil([&] { return timer.elapsed() >= ms; }, ms + 1000);
}

bool grab(QQuickWindow *window, const QString &dir, const QString &name)
{
    settle(600); // layout, the loader's new screen, a few frames
    const QImage image = window->grabWindow();
    const QString file = dir + u'/' + name + u".png"_s;
    if (image.isNull() || !image.save(file)) {
        std::fprintf(stderr, "undercurrent: screenshots: could not write %s.png\n", qPrintable(name));
        return false;
    }
    std::printf("%s\n", qPrintable(file));
    return true;
}

void setText(QObject *root, const char *objectName, const QString &text)
{
    if (QObject *field = root->findChild<QObject *>(QLatin1String(objectName)))
        field->setProperty("text", text);
}

// The second part's screens, from the note editor on C-0101: patterns, review with client,
// search and settings (each through the window's own functions, as the user's clicks go).
int takeMoreScreenshots(QQuickWindow *window, VaultSession &session, const QString &dir)
{
    auto fail = [](const char *what) {
        std::fprintf(stderr, "undercurrent: screenshots: %s\n", what);
        return 1;
    };
    auto idle = [&] { return !session.busy(); };
    QMetaObject::invokeMethod(window, "closeNote");
    waitUntil(idle, 60000);

    // Patterns: taller, so the heatmap and the findings under the charts are in the picture.
    const QSize size = window->size();
    window->resize(size.width() + 180, 1180);
    if (!QMetaObject::invokeMethod(window, "openPatterns"))
        return fail("the window has no openPatterns()");
    if (!waitUntil([&] { return session.patterns()->code() == u"C-0101" && idle(); }, 60000))
        return fail("the patterns did not load");
    if (!grab(window, dir, u"patterns"_s))
        return 1;
    window->resize(size);

    session.saveSummary(u"C-0101"_s, u"We have met most weeks since January 2024. Feeling left out or let down has "
                                     "often come just before a drink, and we have been practising noticing that moment "
                                     "and calling your sponsor first.\n\nWhat helps: the Thursday group, pottery on "
                                     "Wednesdays, plans for the weekend made by Friday.\n\nNext: keep going with the "
                                     "group, and look together at what weekends alone need."_s);
    session.startReview(u"C-0101"_s);
    if (!waitUntil([&] { return session.reviewMode() && session.patterns()->code() == u"C-0101" && idle(); }, 60000))
        return fail("review mode did not open");
    // Offscreen, full screen is the 800×800 virtual screen: picture a session-room display instead.
    window->setVisibility(QWindow::Windowed);
    window->resize(1280, 800);
    if (!grab(window, dir, u"review"_s))
        return 1;
    session.leaveReview(session.demoPassphrase());
    if (!waitUntil([&] { return !session.reviewMode() && idle(); }, 60000))
        return fail("review mode did not end with the passphrase");
    window->resize(size);

    QMetaObject::invokeMethod(window, "openSearch");
    settle(200);
    setText(window, "searchField", u"abandoned"_s);
    session.searchNotes(u"abandoned"_s);
    if (!waitUntil([&] { return session.searchResults()->count() > 0 && idle(); }, 60000))
        return fail("the search found nothing");
    if (!grab(window, dir, u"search"_s))
        return 1;

    QMetaObject::invokeMethod(window, "openSettings");
    if (!waitUntil([&] { return session.codebook()->count() > 0 && idle(); }, 60000))
        return fail("the codebook did not load");
    window->resize(size.width() + 100, size.height() + 80);
    const bool ok = grab(window, dir, u"settings"_s);
    window->resize(size);
    return ok ? 0 : 1;
}

// Renders the window offscreen and writes one PNG per screen into dir (tools/screenshots), on the
// demo practice the session has open.
int takeScreenshots(QQmlApplicationEngine &engine, VaultSession &session, const QString &dir)
{
    QDir().mkpath(dir);
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().value(0));
    if (!window) {
        std::fputs("undercurrent: screenshots: the main window did not load\n", stderr);
        return 1;
    }
    auto fail = [](const char *what) {
        std::fprintf(stderr, "undercurrent: screenshots: %s\n", what);
        return 1;
    };
    if (!waitUntil([&] { return session.vaultExists() && !session.busy(); }, 120000))
        return fail("the demo practice was not made in time");

    window->setProperty("forceFirstRun", true);
    settle(200);
    setText(window, "userField", u"asmith"_s);
    setText(window, "passphraseField", u"quiet river lantern morning"_s);
    setText(window, "confirmField", u"quiet river lantern morning"_s);
    if (!grab(window, dir, u"first-run"_s))
        return 1;

    window->setProperty("forceFirstRun", false);
    if (!grab(window, dir, u"unlock"_s))
        return 1;

    session.unlock(session.userName(), session.demoPassphrase());
    if (!waitUntil([&] { return session.isUnlocked() && !session.busy(); }, 60000))
        return fail("the demo practice did not unlock");
    if (!grab(window, dir, u"clients"_s))
        return 1;

    if (!QMetaObject::invokeMethod(window, "openClient", Q_ARG(QString, u"C-0101"_s)))
        return fail("the window has no openClient()");
    if (!waitUntil([&] { return session.overview()->code() == u"C-0101" && !session.busy(); }, 60000))
        return fail("the client overview did not load");
    if (!grab(window, dir, u"client-overview"_s))
        return 1;

    // The newest note, a draft: the editor with its theme chips still to confirm.
    NoteListModel *notes = session.overview()->notes();
    const qint64 noteId = notes->data(notes->index(0), NoteListModel::NoteIdRole).toLongLong();
    session.openNote(noteId);
    if (!waitUntil([&] { return session.note()->noteId() == noteId && !session.busy(); }, 60000))
        return fail("the note editor did not load");
    if (!grab(window, dir, u"note-editor"_s))
        return 1;
    if (int failed = takeMoreScreenshots(window, session, dir))
        return failed;
    session.lock();
    waitUntil([&] { return !session.busy(); }, 10000);
    return 0;
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
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Fusion"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Encrypted session notes and recurring themes"));
    parser.addHelpOption();
    const QCommandLineOption screenshots(QStringLiteral("screenshots"),
                                         QStringLiteral("Write a PNG of each screen into <dir> and quit."),
                                         QStringLiteral("dir"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Open the demo practice (invented clients), creating it first if needed."));
    parser.addOption(screenshots);
    parser.addOption(demo);
    parser.process(app);

    // Declared before the session: the session closes its vault before the folder goes.
    QTemporaryDir scratch;
    VaultSession session(nullptr);
    VaultSession::setInstance(&session);
    session.watchActivity(&app);
    if (parser.isSet(screenshots)) {
        if (!scratch.isValid()) {
            std::fputs("undercurrent: screenshots: no temporary folder\n", stderr);
            return 1;
        }
        // A throwaway practice: the cheapest key derivation is fine for pictures.
        session.openDemo(scratch.filePath(QStringLiteral("demo")), uc::vault::KdfCost::testOnly());
    } else if (parser.isSet(demo)) {
        session.openDemo(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/demo"),
                         uc::vault::KdfCost::moderate());
    }

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Undercurrent/Main.qml")));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(ucApp) << "the main window could not be loaded";
        return 1;
    }
    // Closing the window locks first: drafts are saved and the keys wiped on the vault thread.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &session, [&session] {
        if (session.isUnlocked())
            session.lock();
    });
    if (parser.isSet(screenshots))
        return takeScreenshots(engine, session, parser.value(screenshots));
    return QApplication::exec();
}
