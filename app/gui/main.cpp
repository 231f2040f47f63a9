// SPDX-License-Identifier: GPL-3.0-or-later
// The GUI: parses the few command-line options, sets up the vault session, then hands everything
// to the QML engine. --screenshots drives the real screens on a throwaway demo practice.
#include "vaultsession.h"

#include "common/logging.h"
#include "common/versions.h"
#include "demo/practice.h"
#include "themes/tagger.h"
#include "vault/vault.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
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
#include <string_view>

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

// ---- supervision and audit (issue #7): more users on the demo practice, then their screens.

const auto supervisorName = u"mgarcia"_s;
const auto auditorName = u"kaudit"_s;
const auto colleagueName = u"rlee"_s;
constexpr std::string_view staffPassphrase = "screenshot staff passphrase";

uc::SecretBuffer staffSecret()
{
    return uc::SecretBuffer::copyOf(staffPassphrase);
}

// A second therapist with two signed notes, a supervisor over both therapists (the demo one must
// have notes co-signed), an auditor; most of the demo's notes co-signed, one returned with a
// comment and one commented on, so the queue shows what a working week leaves. Done with the
// core directly while the session is locked (the folder lock is free).
void prepareSupervision(const QString &dir)
{
    using uc::model::Role;
    const auto cheap = uc::vault::KdfCost::testOnly();
    {
        auto v = uc::vault::Vault::open(dir, QString::fromLatin1(uc::demo::defaultUser),
                                        uc::SecretBuffer::copyOf(std::string_view(uc::demo::defaultPassphrase)));
        v->addUser(supervisorName, Role::Supervisor, staffSecret(), cheap);
        v->addUser(auditorName, Role::Auditor, staffSecret(), cheap);
        v->addUser(colleagueName, Role::Therapist, staffSecret(), cheap);
    }
    {
        auto v = uc::vault::Vault::open(dir, colleagueName, staffSecret());
        const QStringList texts{
            u"Group aftercare check-in. He spoke about cravings after his shift ended and said he felt alone in the flat; "
            u"we linked the urge to drink with evenings without contact. Plan: call his sponsor before 8 pm."_s,
            u"She described a lapse at her sister's wedding and the shame afterwards. Family conflict about her father's "
            u"drinking came up again. We practised naming the feeling before acting on it."_s};
        int day = 17;
        for (const QString &text : texts) {
            uc::model::Session s;
            s.date = *uc::model::parseDate(u"2026-11-%1"_s.arg(day++));
            s.attendees.append({0, u"C-0102"_s, uc::model::Attendance::Attended});
            const auto made = v->notes().addSession(s, u"free"_s, uc::model::NoteKind::Progress, {{u"Note"_s, text}});
            v->notes().sign(made.notes.first());
        }
    }
    auto v = uc::vault::Vault::open(dir, supervisorName, staffSecret());
    v->supervision().assign(QString::fromLatin1(uc::demo::defaultUser), supervisorName, uc::model::SupervisionMode::MustCosign);
    v->supervision().assign(colleagueName, supervisorName, uc::model::SupervisionMode::Review);
    QList<uc::model::Id> demoNotes;
    for (const uc::model::QueueItem &q : v->supervision().queue()) {
        if (q.therapist == QLatin1String(uc::demo::defaultUser))
            demoNotes.append(q.noteId);
    }
    constexpr int leaveWaiting = 5;
    for (qsizetype i = 0; i + leaveWaiting < demoNotes.size(); ++i)
        v->supervision().cosign(demoNotes.at(i));
    if (demoNotes.size() >= 2) {
        v->supervision().returnNote(demoNotes.at(demoNotes.size() - leaveWaiting + 1),
                      u"The risk section says 'no change' but the session describes a lapse. Please add the lapse "
                      u"and the safety plan you agreed in an addendum."_s);
        v->supervision().comment(demoNotes.last(), u"Good link between the abandonment theme and the drinking; keep tracking it."_s);
    }
}

// The themes a supervisor might give a note: the tagger's reading of the words, with one theme
// left out on every third note, so agreement is high but not perfect.
QStringList blindThemes(const QString &text, int n)
{
    static const uc::themes::Tagger tagger;
    QStringList ids;
    for (const auto &theme : tagger.tag(text).themes)
        ids.append(theme.id);
    if (n % 3 == 1 && !ids.isEmpty())
        ids.removeLast();
    return ids;
}

int takeSupervisionScreenshots(QQuickWindow *window, VaultSession &session, const QString &dir)
{
    auto fail = [](const char *what) {
        std::fprintf(stderr, "undercurrent: screenshots: %s\n", what);
        return 1;
    };
    try {
        prepareSupervision(session.vaultDir());
    } catch (const uc::Error &e) {
        std::fprintf(stderr, "undercurrent: screenshots: supervision set-up: %s\n", qPrintable(e.message()));
        return 1;
    }
    auto unlockAs = [&](const QString &user) {
        session.unlock(user, QString::fromLatin1(staffPassphrase.data(), staffPassphrase.size()));
        return waitUntil([&] { return session.isUnlocked() && !session.busy(); }, 60000);
    };

    // The supervisor lands on the review queue; its first note opens beside it.
    if (!unlockAs(supervisorName))
        return fail("the supervisor could not unlock");
    if (!waitUntil([&] { return session.review()->noteId() != 0 && !session.busy(); }, 60000))
        return fail("the review queue did not open a note");
    if (!grab(window, dir, u"review-queue"_s))
        return 1;

    // A blind agreement check of five of the demo therapist's notes: one rated on screen, the rest
    // through the same calls the screen makes, then the report.
    if (!QMetaObject::invokeMethod(window, "showArea", Q_ARG(QString, u"agreement"_s)))
        return fail("the window has no showArea()");
    if (!waitUntil([&] { return !session.agreement()->therapists().isEmpty() && !session.busy(); }, 60000))
        return fail("the agreement check set-up did not load");
    session.startAgreementCheck(QString::fromLatin1(uc::demo::defaultUser), 5);
    if (!waitUntil([&] { return session.agreement()->noteId() != 0 && !session.busy(); }, 60000))
        return fail("the agreement check did not start");
    if (!grab(window, dir, u"agreement-rating"_s))
        return 1;
    for (int n = 0; session.agreement()->noteId() != 0 && n < 10; ++n) {
        const qint64 note = session.agreement()->noteId();
        session.rateBlind(blindThemes(session.agreement()->noteText(), n));
        if (!waitUntil([&] { return session.agreement()->noteId() != note && !session.busy(); }, 60000))
            return fail("a blind rating was not saved");
    }
    if (!waitUntil([&] { return session.agreement()->hasReport() && !session.busy(); }, 60000))
        return fail("the agreement report did not load");
    if (!grab(window, dir, u"agreement"_s))
        return 1;
    session.lock();
    waitUntil([&] { return !session.busy(); }, 10000);

    // The auditor lands on the audit trail, verified.
    if (!unlockAs(auditorName))
        return fail("the auditor could not unlock");
    if (!waitUntil([&] { return session.audit()->verified() && session.audit()->count() > 0 && !session.busy(); }, 60000))
        return fail("the audit trail did not load");
    if (!grab(window, dir, u"audit"_s))
        return 1;
    session.lock();
    waitUntil([&] { return !session.busy(); }, 10000);

    // The demo therapist's own notes waiting on the supervisor, the returned one among them.
    session.unlock(QString::fromLatin1(uc::demo::defaultUser), session.demoPassphrase());
    if (!waitUntil([&] { return session.isUnlocked() && !session.busy(); }, 60000))
        return fail("the demo therapist could not unlock");
    QMetaObject::invokeMethod(window, "showArea", Q_ARG(QString, u"queue"_s));
    if (!waitUntil([&] { return session.review()->noteId() != 0 && !session.busy(); }, 60000))
        return fail("the therapist's queue did not open a note");
    const int returned = [&] {
        ReviewQueueModel *queue = session.queue();
        for (int row = 0; row < queue->rowCount(); ++row) {
            if (queue->data(queue->index(row), ReviewQueueModel::ReturnedRole).toBool())
                return row;
        }
        return -1;
    }();
    if (returned >= 0) {
        const qint64 noteId = session.queue()->data(session.queue()->index(returned), ReviewQueueModel::NoteIdRole).toLongLong();
        session.openReview(noteId);
        waitUntil([&] { return session.review()->noteId() == noteId && !session.busy(); }, 60000);
    }
    if (!grab(window, dir, u"my-notes-in-review"_s))
        return 1;
    session.lock();
    waitUntil([&] { return !session.busy(); }, 10000);
    return 0;
}

// The import dialog on the clients screen, checking a small CSV with a bad row and an unknown
// client among good ones (a preview writes nothing, so the practice stays as it was).
int takeImportScreenshot(QQuickWindow *window, VaultSession &session, const QString &dir)
{
    auto fail = [](const char *what) {
        std::fprintf(stderr, "undercurrent: screenshots: %s\n", what);
        return 1;
    };
    QObject *dialog = window->findChild<QObject *>(u"importDialog"_s);
    if (!dialog)
        return fail("the clients screen has no import dialog");
    QTemporaryDir scratch;
    const QString csv = scratch.filePath(u"notes-from-paper.csv"_s);
    {
        QFile file(csv);
        if (!file.open(QIODevice::WriteOnly))
            return fail("the example CSV could not be written");
        file.write("client_code,date,time,modality,setting,template,text\n"
                   "C-0101,2023-11-06,10:00,individual,outpatient,addiction,\"## Use since last session\nNone.\"\n"
                   "C-0101,2023-11-13,10:00,individual,outpatient,addiction,\"Cravings after the call with her sister.\"\n"
                   "C-0102,2023-11-14,14:00,group,aftercare,group,Shared about the weekend.\n"
                   "C-0102,2023-11-31,14:00,group,aftercare,group,Shared about work.\n"
                   "C-0199,2023-11-15,09:30,individual,telehealth,soap,First session after transfer.\n"
                   "C-0103,2023-11-16,,family,outpatient,narrative,Family session.\n");
    }
    bool previewed = false;
    const auto connection = QObject::connect(&session, &VaultSession::importPreviewed, [&] { previewed = true; });
    QMetaObject::invokeMethod(dialog, "checkPath", Q_ARG(QString, csv), Q_ARG(bool, false));
    const bool ok = waitUntil([&] { return previewed && !session.busy(); }, 60000);
    QObject::disconnect(connection);
    if (!ok)
        return fail("the import preview did not load");
    if (!grab(window, dir, u"import"_s))
        return 1;
    QMetaObject::invokeMethod(dialog, "close");
    settle(200);
    return 0;
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
    if (int failed = takeImportScreenshot(window, session, dir))
        return failed;

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
    return takeSupervisionScreenshots(window, session, dir);
}

} // namespace

int main(int argc, char *argv[])
{
    // --version needs no display, so answer it before Qt looks for one.
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--version") == 0 || std::strcmp(argv[i], "-v") == 0) {
            std::fputs(qPrintable(uc::versionReport(QStringLiteral("undercurrent"), {uc::vault::storageLibrary()})), stdout);
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
