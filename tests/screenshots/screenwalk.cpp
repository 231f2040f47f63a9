// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenwalk.h"
#include "demomode.h"
#include "workspace.h"

#include "practicestaff.h"

#include "agreementcheck.h"
#include "auditmodel.h"
#include "clientlistmodel.h"
#include "clientoverview.h"
#include "planeditor.h"
#include "safetyplaneditor.h"
#include "clientreview.h"
#include "codebookmodel.h"
#include "importmodel.h"
#include "noteeditor.h"
#include "notedraft.h"
#include "notetagging.h"
#include "themetagmodel.h"
#include "notesession.h"
#include "structuredfields.h"
#include "notereview.h"
#include "patternsmodel.h"
#include "reviewqueuemodel.h"
#include "searchmodel.h"
#include "vaultsession.h"
#include "vaultsettings.h"

#include "common/error.h"
#include "demo/practice.h"

#include <QQuickItem>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace screenshots {

namespace {

// The item named name under item, by the visual tree (a Repeater's delegates are not QObject
// children of the view).
QQuickItem *visualChild(QQuickItem *item, const QString &name)
{
    if (item == nullptr)
        return nullptr;
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (child->objectName() == name)
            return child;
        if (QQuickItem *found = visualChild(child, name))
            return found;
    }
    return nullptr;
}

void setText(QObject *root, const char *objectName, const QString &text)
{
    QObject *field = root->findChild<QObject *>(QLatin1String(objectName));
    if (field == nullptr) // in a popup: its item holds it
        field = visualChild(root->property("contentItem").value<QQuickItem *>(), QLatin1String(objectName));
    if (field != nullptr)
        field->setProperty("text", text);
}

QString demoUser()
{
    return QString::fromLatin1(uc::demo::defaultUser);
}

QString staff()
{
    return QString::fromLatin1(staffPassphrase.data(), static_cast<qsizetype>(staffPassphrase.size()));
}

} // namespace

ScreenWalk::ScreenWalk(QQuickWindow *window, VaultSession &session, QString dir)
    : m_window(window)
    , m_session(session)
    , m_dir(std::move(dir))
{
}

bool ScreenWalk::run()
{
    QDir().mkpath(m_dir);
    if (!waitIdle([&] { return m_session.vaultExists(); }, 120000))
        return fail("the demo practice was not made in time");
    if (!opening() || !clients() || !client() || !countertransference() || !useDays() || !patternsAndMore() || !risk())
        return false;
    lock();
    return supervision() && practice() && recoveryKey();
}

bool ScreenWalk::recoveryKey()
{
    lock();
    QTemporaryDir fresh;
    if (!fresh.isValid())
        return fail("no folder for a new vault");
    const QString pass = u"quiet river lantern morning"_s;
    m_session.createVault(fresh.filePath(u"vault"_s), u"asmith"_s, pass, pass);
    if (!waitIdle([&] { return !m_session.recoveryKey().isEmpty() && m_window->property("screen") == u"recovery-key"_s; }))
        return fail("the new vault's recovery key was not shown");
    const QSize size = m_window->size();
    bool ok = grab(u"recovery-key"_s);
    m_window->resize(1024, 700);
    settle(300);
    ok = grab(u"recovery-key-1024x700"_s) && ok;
    m_window->resize(size);
    lock(); // before the folder goes
    return ok;
}

bool ScreenWalk::opening()
{
    m_window->setProperty("forceFirstRun", true);
    settle(200);
    setText(m_window, "userField", u"asmith"_s);
    setText(m_window, "passphraseField", u"quiet river lantern morning"_s);
    setText(m_window, "confirmField", u"quiet river lantern morning"_s);
    if (!grab(u"first-run"_s))
        return false;
    m_window->setProperty("forceFirstRun", false);
    return grab(u"unlock"_s);
}

bool ScreenWalk::clients()
{
    if (!unlockAs(m_session.userName(), m_session.demo()->passphrase()))
        return fail("the demo practice did not unlock");
    if (!grab(u"clients"_s))
        return false;

    // The import dialog checking a small CSV with a bad row and an unknown client among good ones
    // (a preview writes nothing, so the practice stays as it was).
    QObject *dialog = m_window->findChild<QObject *>(u"importDialog"_s);
    if (!dialog)
        return fail("the clients screen has no import dialog");
    // Named as the program's own temporary folders are: the path shows in the picture.
    QTemporaryDir scratch(QDir::tempPath() + u"/Undercurrent-XXXXXX"_s);
    const QString csv = scratch.filePath(u"notes-from-paper.csv"_s);
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
    file.close();
    bool previewed = false;
    const auto connection =
        QObject::connect(m_session.workspace()->importPreview(), &ImportPreviewModel::previewed, [&] { previewed = true; });
    QMetaObject::invokeMethod(dialog, "checkPath", Q_ARG(QString, csv), Q_ARG(bool, false));
    const bool ok = waitIdle([&] { return previewed; });
    QObject::disconnect(connection);
    if (!ok)
        return fail("the import preview did not load");
    if (!grab(u"import"_s))
        return false;
    QMetaObject::invokeMethod(dialog, "close");
    settle(200);
    return true;
}

bool ScreenWalk::client()
{
    if (!openClient(u"C-0101"_s))
        return fail("the client overview did not load");
    // Her safety plan, written with her: the card under the measures shows it.
    SafetyPlanEditor *plan = m_session.workspace()->safetyPlan();
    plan->save({u"Lying awake going over the argument\nCancelling plans with friends\nThinking \"what's the point\""_s,
                u"Walk the dog round the park\nShower and put music on"_s, u"Pottery on Wednesdays\nThe café by the station"_s,
                u"My sister Jo 07700 900123\nMy sponsor Dee 07700 900456"_s,
                u"Dr Lee at the clinic 555-0100 (weekdays)\nCrisis line: call or text 988\nEmergency: 911"_s,
                u"Jo keeps my prescription and gives me a week at a time\nNo alcohol in the flat"_s,
                u"My son\nFinishing the course in spring"_s});
    if (!waitIdle([&] { return plan->version() > 0; }))
        return fail("the safety plan was not saved");
    if (!grab(u"client-overview"_s))
        return false;
    // Tall enough that the safety plan card under the measures is in the picture.
    const QSize size = m_window->size();
    m_window->resize(size.width(), 1500);
    settle(300);
    if (!grab(u"client-overview-safety-plan"_s))
        return false;
    m_window->resize(1024, 700);
    settle(300);
    if (!grab(u"client-overview-1024x700"_s))
        return false;
    m_window->resize(size);
    QObject *planDialog = m_window->findChild<QObject *>(u"safetyPlanDialog"_s);
    if (planDialog == nullptr || !QMetaObject::invokeMethod(planDialog, "openFor", Q_ARG(QString, u"C-0101"_s)))
        return fail("the safety plan dialog did not open");
    settle(300);
    if (!grab(u"safety-plan"_s))
        return false;
    m_window->resize(1024, 700); // the smallest window the app is laid out for
    settle(300);
    if (!grab(u"safety-plan-1024x700"_s))
        return false;
    m_window->resize(size);
    QMetaObject::invokeMethod(planDialog, "close");
    settle(200);

    // Her treatment plan's next version being written, started from the demo's plan.
    PlanEditor *treatment = m_session.workspace()->planEditor();
    if (!waitIdle([&] { return treatment->code() == u"C-0101" && treatment->version() > 0; }))
        return fail("the treatment plan editor did not load");
    QObject *treatmentDialog = m_window->findChild<QObject *>(u"planDialog"_s);
    if (treatmentDialog == nullptr || !QMetaObject::invokeMethod(treatmentDialog, "start"))
        return fail("the treatment plan dialog did not open");
    settle(300);
    if (!grab(u"plan-editor"_s))
        return false;
    m_window->resize(1024, 700);
    settle(300);
    if (!grab(u"plan-editor-1024x700"_s))
        return false;
    m_window->resize(size);
    QMetaObject::invokeMethod(treatmentDialog, "close");
    settle(200);

    // A PHQ-9 being entered from the client's form, three items still to answer.
    QObject *measureDialog = m_window->findChild<QObject *>(u"measureDialog"_s);
    if (measureDialog == nullptr || !QMetaObject::invokeMethod(measureDialog, "openFor", Q_ARG(QString, u"C-0101"_s)))
        return fail("the measure dialog did not open");
    const QList<int> answers{1, 2, 1, 1, 0, 1};
    for (int i = 0; i < answers.size(); ++i)
        QMetaObject::invokeMethod(measureDialog, "setAnswer", Q_ARG(int, i), Q_ARG(QVariant, answers[i]));
    settle(300);
    if (!grab(u"measure-entry"_s))
        return false;
    m_window->resize(1024, 700);
    settle(300);
    if (!grab(u"measure-entry-1024x700"_s))
        return false;
    m_window->resize(size);
    QMetaObject::invokeMethod(measureDialog, "close");
    settle(200);

    // Correct… and Delete… on the card's latest PHQ-9: the same form prefilled, and the confirmation.
    MeasureSummaryModel *measures = m_session.workspace()->overview()->measures();
    int phq9 = -1;
    for (int row = 0; row < measures->rowCount(); ++row)
        if (measures->data(measures->index(row), MeasureSummaryModel::InstrumentRole).toString() == u"phq9")
            phq9 = row;
    if (phq9 < 0)
        return fail("the demo client has no PHQ-9");
    const QModelIndex latest = measures->index(phq9);
    m_window->resize(1024, 700);
    if (!QMetaObject::invokeMethod(measureDialog, "openToCorrect", Q_ARG(QString, u"C-0101"_s),
                                   Q_ARG(QVariant, measures->data(latest, MeasureSummaryModel::MeasureIdRole)),
                                   Q_ARG(QString, u"phq9"_s),
                                   Q_ARG(QString, measures->data(latest, MeasureSummaryModel::DateRole).toString()),
                                   Q_ARG(QVariant, measures->data(latest, MeasureSummaryModel::AnswersRole))))
        return fail("the measure dialog did not open to correct");
    settle(300);
    if (!grab(u"measure-correct-1024x700"_s))
        return false;
    QMetaObject::invokeMethod(measureDialog, "close");
    QObject *measureDelete = m_window->findChild<QObject *>(u"measureDeleteDialog"_s);
    if (measureDelete == nullptr
        || !QMetaObject::invokeMethod(measureDelete, "openFor", Q_ARG(QString, u"C-0101"_s),
                                      Q_ARG(QVariant, measures->data(latest, MeasureSummaryModel::MeasureIdRole)),
                                      Q_ARG(QString, u"PHQ-9"_s),
                                      Q_ARG(QString, measures->data(latest, MeasureSummaryModel::DateRole).toString()),
                                      Q_ARG(int, measures->data(latest, MeasureSummaryModel::TotalRole).toInt()),
                                      Q_ARG(QString, measures->data(latest, MeasureSummaryModel::BandLabelRole).toString())))
        return fail("the measure delete dialog did not open");
    settle(300);
    if (!grab(u"measure-delete-1024x700"_s))
        return false;
    QMetaObject::invokeMethod(measureDelete, "close");

    // Add event… on the Other treatment card: a medication-assisted treatment start being entered.
    QObject *eventDialog = m_window->findChild<QObject *>(u"treatmentEventDialog"_s);
    if (eventDialog == nullptr || !QMetaObject::invokeMethod(eventDialog, "openFor", Q_ARG(QString, u"C-0101"_s)))
        return fail("the treatment event dialog did not open");
    const std::initializer_list<std::pair<QString, QVariant>> eventFields{
        {u"eventKind"_s, 2}, {u"eventMedication"_s, u"buprenorphine"_s}, {u"eventDose"_s, u"8"_s}, {u"eventDate"_s, u"2025-03-05"_s}};
    for (const auto &[name, value] : eventFields)
        if (QObject *field = eventDialog->findChild<QObject *>(name))
            field->setProperty(name == u"eventKind"_s ? "currentIndex" : "text", value);
    settle(300);
    if (!grab(u"treatment-event-1024x700"_s))
        return false;
    QMetaObject::invokeMethod(eventDialog, "close");
    m_window->resize(size);
    settle(200);

    // New note…: the client's latest session offered; then a group note of three in one sitting,
    // the group's part and each member's own, at the smallest window.
    QObject *newNote = m_window->findChild<QObject *>(u"newNoteDialog"_s);
    if (newNote == nullptr || !QMetaObject::invokeMethod(newNote, "start"))
        return fail("the new note dialog did not open");
    if (QObject *sessions = newNote->findChild<QObject *>(u"sessionBox"_s))
        sessions->setProperty("currentIndex", 1);
    settle(300);
    if (!grab(u"new-note"_s))
        return false;
    newNote->setProperty("group", true);
    QMetaObject::invokeMethod(newNote, "addMember", Q_ARG(QString, u"C-0102"_s), Q_ARG(QString, u"Tamsin"_s));
    QMetaObject::invokeMethod(newNote, "addMember", Q_ARG(QString, u"C-0106"_s), Q_ARG(QString, u"Bea"_s));
    setText(newNote, "groupTopicField", u"Weekends without drinking"_s);
    setText(newNote, "groupProcessField",
            u"We mapped the hours of a weekend where use used to happen and what each would do instead; "
            "the group challenged the idea that one drink on Saturday is harmless."_s);
    setText(newNote, "memberPart-C-0101",
            u"Orla spoke about the nights after her sister's calls; quieter than usual, she named Friday as the hard one."_s);
    setText(newNote, "memberPart-C-0102", u"Tamsin offered the group her work-week plan and listened closely."_s);
    m_window->resize(1024, 700);
    settle(400);
    if (!grab(u"group-note-1024x700"_s))
        return false;
    m_window->resize(size);
    settle(300);
    if (!grab(u"group-note"_s))
        return false;
    QMetaObject::invokeMethod(newNote, "close");
    settle(200);

    // The newest note, a draft: the editor with its theme chips still to confirm.
    NoteListModel *notes = m_session.workspace()->overview()->notes();
    const qint64 noteId = notes->data(notes->index(0), NoteListModel::NoteIdRole).toLongLong();
    m_session.workspace()->note()->open(noteId);
    if (!waitIdle([&] { return m_session.workspace()->note()->noteId() == noteId; }))
        return fail("the note editor did not load");
    if (!grab(u"note-editor"_s))
        return false;
    // At the smallest size, with the plan objectives card beside the themes (docs/plan.md).
    m_window->resize(1024, 700);
    settle(400);
    const bool small = grab(u"note-editor-1024x700"_s);
    m_window->resize(size);
    settle(300);
    if (!small)
        return false;

    // A theme the rules' phrases miss and the learned reading suggests (docs/tagger.md, "A learned
    // reading"): its card quotes the sentence and says the wording as a whole suggests it. The
    // draft is put back as it was afterwards.
    NoteDraft *draft = m_session.workspace()->note()->draft();
    const QString original = draft->text();
    const QString anchor = u"rather than sitting with it."_s;
    if (!original.contains(anchor))
        return fail("the demo draft changed: no place for the family sentence");
    QString withFamily = original;
    withFamily.replace(anchor, anchor + u" She and her mum haven't been in the same room since Christmas; mum told the whole family she was a liar."_s);
    const auto hasFamily = [&] {
        ThemeTagModel *tags = m_session.workspace()->note()->tagging()->tags();
        for (int i = 0; i < tags->rowCount(); ++i)
            if (tags->data(tags->index(i), ThemeTagModel::ThemeRole).toString() == u"family-conflict"
                && tags->data(tags->index(i), ThemeTagModel::ReadingRole).toBool())
                return true;
        return false;
    };
    QObject *noteText = m_window->findChild<QObject *>(u"noteText"_s);
    if (!noteText)
        return fail("the note editor has no noteText");
    noteText->setProperty("text", withFamily); // as typed: the editor hands it to the draft
    draft->flush();
    if (!waitIdle([&] { return draft->saveState() == u"saved" && hasFamily(); }))
        return fail("the reading's family-conflict chip did not come");
    m_window->resize(size.width(), 1000); // tall enough for the fourth card
    settle(400);
    const bool reading = grab(u"note-editor-reading"_s);
    m_window->resize(size);
    noteText->setProperty("text", original);
    draft->flush();
    if (!waitIdle([&] { return draft->saveState() == u"saved" && !hasFamily(); }))
        return fail("the demo draft was not put back");
    settle(200);
    return reading;
}

bool ScreenWalk::countertransference()
{
    QMetaObject::invokeMethod(m_window, "closeNote");
    (void)waitIdle([] { return true; });
    // The aftercare client, whose process notes hold the demo's countertransference entries.
    ClientOverview *overview = m_session.workspace()->overview();
    if (!openClient(u"C-0106"_s))
        return fail("the aftercare client's overview did not load");
    overview->countertransference()->show(u"C-0106"_s);
    if (!waitIdle([&] { return overview->countertransference()->shown(); }))
        return fail("the countertransference card did not fill");
    const QSize size = m_window->size();
    m_window->resize(size.width(), 1900); // tall enough for the cards under the measures
    settle(300);
    const bool ok = grab(u"client-overview-countertransference"_s);
    m_window->resize(size);
    overview->countertransference()->hide();
    if (!openClient(u"C-0101"_s))
        return fail("the client overview did not load again");
    return ok;
}

bool ScreenWalk::patternsAndMore()
{
    QMetaObject::invokeMethod(m_window, "closeNote");
    (void)waitIdle([] { return true; });

    // Patterns at the window's size, then taller, so the heatmap and the findings under the charts
    // are in the picture too.
    const QSize size = m_window->size();
    if (!QMetaObject::invokeMethod(m_window, "openPatterns"))
        return fail("the window has no openPatterns()");
    if (!waitIdle([&] { return m_session.workspace()->patterns()->code() == u"C-0101"; }))
        return fail("the patterns did not load");
    if (!grab(u"patterns"_s))
        return false;
    m_window->resize(size.width() + 180, 1180);
    settle(300);
    if (!grab(u"patterns-full"_s))
        return false;
    // The lines, with the treatment events marked under them on the same axis.
    auto *lines = m_window->findChild<QObject *>(u"lineChartSwitch"_s);
    if (!lines)
        return fail("the patterns screen has no lineChartSwitch");
    lines->setProperty("checked", true);
    settle(300);
    if (!grab(u"patterns-lines-full"_s))
        return false;
    lines->setProperty("checked", false);
    m_window->resize(1024, 700);
    settle(300);
    if (!grab(u"patterns-1024x700"_s))
        return false;
    m_window->resize(size);

    ClientReview *review = m_session.workspace()->clientReview();
    review->saveSummary(u"C-0101"_s, u"We have met most weeks for nearly two years. Feeling left out or let down has "
                                     "often come just before a drink, and we have been practising noticing that moment "
                                     "and calling your sponsor first.\n\nWhat helps: the Thursday group, pottery on "
                                     "Wednesdays, plans for the weekend made by Friday.\n\nNext: keep going with the "
                                     "group, and look together at what weekends alone need."_s);
    review->start(u"C-0101"_s);
    if (!waitIdle([&] { return review->active() && m_session.workspace()->patterns()->code() == u"C-0101"; }))
        return fail("review mode did not open");
    // Offscreen, full screen is the 800×800 virtual screen: picture it at the walk's size instead.
    m_window->setVisibility(QWindow::Windowed);
    m_window->resize(size);
    settle(300);
    if (!grab(u"review"_s))
        return false;
    m_window->resize(1024, 700);
    settle(300);
    if (!grab(u"review-1024x700"_s))
        return false;
    review->leave(m_session.demo()->passphrase());
    if (!waitIdle([&] { return !review->active(); }))
        return fail("review mode did not end with the passphrase");
    m_window->resize(size);

    QMetaObject::invokeMethod(m_window, "openSearch");
    settle(200);
    setText(m_window, "searchField", u"abandoned"_s);
    m_session.workspace()->searchResults()->search(u"abandoned"_s);
    if (!waitIdle([&] { return m_session.workspace()->searchResults()->count() > 0; }))
        return fail("the search found nothing");
    if (!grab(u"search"_s))
        return false;

    QMetaObject::invokeMethod(m_window, "openSettings");
    if (!waitIdle([&] { return m_session.workspace()->settings()->codebook()->count() > 0; }))
        return fail("the codebook did not load");
    if (!grab(u"settings"_s))
        return false;
    // Taller and wider, so every card of the page is in one picture.
    m_window->resize(size.width() + 100, size.height() + 80);
    settle(300);
    const bool ok = grab(u"settings-full"_s);
    m_window->resize(1024, 700);
    settle(300);
    const bool small = grab(u"settings-1024x700"_s);
    m_window->resize(size);
    return ok && small;
}

bool ScreenWalk::risk()
{
    // Each risk screen at the window's size and at 1024×700, the smallest the layout is made for.
    const auto grabBoth = [this](const QString &name) {
        if (!grab(name))
            return false;
        const QSize size = m_window->size();
        m_window->resize(1024, 700);
        const bool ok = grab(name + u"-1024x700"_s);
        m_window->resize(size);
        return ok;
    };
    // A new note for the client, typed with risk in it: the banner, then the sign dialog asking.
    m_window->setProperty("inSettings", false);
    m_window->setProperty("searching", false);
    m_window->setProperty("viewingPatterns", false);
    QMetaObject::invokeMethod(m_window, "openClient", Q_ARG(QString, u"C-0101"_s));
    NoteEditor *note = m_session.workspace()->note();
    // An addiction note: its card's ratings (cravings, stage, days abstinent) written into the text.
    note->session()->create(u"C-0101"_s, QDate::currentDate().toString(Qt::ISODate), u"09:00"_s, 50, u"outpatient"_s,
                            u"attended"_s, u"addiction"_s);
    if (!waitIdle([&] { return note->noteId() != 0 && note->templateId() == u"addiction"; }))
        return fail("the addiction note was not made");
    note->fields()->set(u"substance"_s, u"alcohol"_s);
    note->fields()->set(u"lastUse"_s, u"three weeks ago"_s);
    note->fields()->set(u"daysAbstinent"_s, 21);
    note->fields()->set(u"cravings"_s, 4);
    note->fields()->set(u"stage"_s, 3);
    settle(300);
    if (!grabBoth(u"note-addiction"_s))
        return false;
    const qint64 addictionNote = note->noteId();
    note->session()->create(u"C-0101"_s, QDate::currentDate().toString(Qt::ISODate), u"16:00"_s, 50, u"outpatient"_s,
                 u"attended"_s, u"free"_s);
    if (!waitIdle([&] { return note->noteId() != 0 && note->noteId() != addictionNote && note->status() == u"draft"; }))
        return fail("the risk note was not made");
    settle(200);
    setText(m_window, "noteText", u"## Note\nShe was quiet and tired. Later she said everyone would be better off without "
                                  "her and that she has been saving her sleeping tablets."_s);
    if (!waitIdle([&] { return !note->risk()->flags().isEmpty(); }))
        return fail("the risk banner did not rise");
    if (!grabBoth(u"note-risk"_s))
        return false;
    QObject *dialog = m_window->findChild<QObject *>(u"signDialog"_s);
    if (!dialog)
        return fail("the note editor has no sign dialog");
    QMetaObject::invokeMethod(dialog, "open");
    if (!grabBoth(u"sign-risk"_s))
        return false;
    QMetaObject::invokeMethod(dialog, "close");
    note->signWithAssessment(u"to-follow"_s, QString());
    if (!waitIdle([&] { return note->status() == u"signed"; }))
        return fail("the risk note did not sign");

    QMetaObject::invokeMethod(m_window, "closeNote");
    if (!waitIdle([&] { return m_session.workspace()->overview()->openRiskCount() > 0; }))
        return fail("the overview has no open risk");
    if (!grabBoth(u"client-overview-risk"_s))
        return false;

    QMetaObject::invokeMethod(m_window, "closeClient");
    m_session.workspace()->clients()->setOpenRiskOnly(true);
    if (!waitIdle([&] { return m_session.workspace()->clients()->count() > 0; }))
        return fail("the open-risk view is empty");
    if (!grabBoth(u"clients-open-risk"_s))
        return false;
    m_session.workspace()->clients()->setOpenRiskOnly(false);

    ClientReview *review = m_session.workspace()->clientReview();
    const QSize size = m_window->size(); // before review mode makes the window full screen
    review->start(u"C-0101"_s);
    if (!waitIdle([&] { return review->active() && review->safetyMatter(); }))
        return fail("review mode shows no safety matter");
    m_window->setVisibility(QWindow::Windowed);
    m_window->resize(size);
    settle(300);
    if (!grab(u"review-safety"_s))
        return false;
    review->leave(m_session.demo()->passphrase());
    if (!waitIdle([&] { return !review->active(); }))
        return fail("review mode did not end with the passphrase");
    m_window->resize(size);
    return true;
}

bool ScreenWalk::supervision()
{
    try {
        addStaff(m_session.vaultDir());
    } catch (const uc::Error &e) {
        std::fprintf(stderr, "undercurrent-screenshots: supervision set-up: %s\n", qPrintable(e.message()));
        return false;
    }
    return ctShare(m_session.demo()->passphrase()) && reviewQueue() && sharedCountertransference() && agreement()
           && audit() && notesInReview();
}

bool ScreenWalk::reviewQueue()
{
    // The supervisor lands on the review queue; its first note opens beside it.
    if (!unlockAs(supervisorName, staff()))
        return fail("the supervisor could not unlock");
    if (!waitIdle([&] { return m_session.workspace()->review()->noteId() != 0; }))
        return fail("the review queue did not open a note");
    return grab(u"review-queue"_s);
}

bool ScreenWalk::agreement()
{
    // A blind agreement check of five of the demo therapist's notes: one rated on screen, the rest
    // through the same calls the screen makes, then the report.
    AgreementCheck *check = m_session.workspace()->agreement();
    if (!QMetaObject::invokeMethod(m_window, "showArea", Q_ARG(QString, u"agreement"_s)))
        return fail("the window has no showArea()");
    if (!waitIdle([&] { return !check->therapists().isEmpty(); }))
        return fail("the agreement check set-up did not load");
    check->start(demoUser(), 5);
    if (!waitIdle([&] { return check->noteId() != 0; }))
        return fail("the agreement check did not start");
    if (!grab(u"agreement-rating"_s))
        return false;
    for (int n = 0; check->noteId() != 0 && n < 10; ++n) {
        const qint64 note = check->noteId();
        check->rate(blindThemes(check->noteText(), n));
        if (!waitIdle([&] { return check->noteId() != note; }))
            return fail("a blind rating was not saved");
    }
    if (!waitIdle([&] { return check->hasReport(); }))
        return fail("the agreement report did not load");
    if (!grab(u"agreement"_s))
        return false;
    lock();
    return true;
}

bool ScreenWalk::audit()
{
    // The auditor lands on the audit trail, verified.
    if (!unlockAs(auditorName, staff()))
        return fail("the auditor could not unlock");
    if (!waitIdle([&] { return m_session.workspace()->audit()->verified() && m_session.workspace()->audit()->count() > 0; }))
        return fail("the audit trail did not load");
    if (!grab(u"audit"_s))
        return false;
    lock();
    return true;
}

bool ScreenWalk::notesInReview()
{
    // The demo therapist's own notes waiting on the supervisor, the returned one among them.
    if (!unlockAs(demoUser(), m_session.demo()->passphrase()))
        return fail("the demo therapist could not unlock");
    QMetaObject::invokeMethod(m_window, "showArea", Q_ARG(QString, u"queue"_s));
    if (!waitIdle([&] { return m_session.workspace()->review()->noteId() != 0; }))
        return fail("the therapist's queue did not open a note");
    ReviewQueueModel *queue = m_session.workspace()->queue();
    for (int row = 0; row < queue->rowCount(); ++row) {
        if (!queue->data(queue->index(row), ReviewQueueModel::ReturnedRole).toBool())
            continue;
        const qint64 noteId = queue->data(queue->index(row), ReviewQueueModel::NoteIdRole).toLongLong();
        m_session.workspace()->review()->open(noteId);
        (void)waitIdle([&] { return m_session.workspace()->review()->noteId() == noteId; });
        break;
    }
    if (!grab(u"my-notes-in-review"_s))
        return false;
    lock();
    return true;
}

bool ScreenWalk::grab(const QString &name)
{
    settle(600); // layout, the loader's new screen, a few frames
    const QImage image = m_window->grabWindow();
    const QString file = m_dir + u'/' + name + u".png"_s;
    if (image.isNull() || !image.save(file)) {
        std::fprintf(stderr, "undercurrent-screenshots: could not write %s.png\n", qPrintable(name));
        return false;
    }
    std::printf("%s\n", qPrintable(file));
    return true;
}

bool ScreenWalk::waitUntil(const std::function<bool()> &done, int timeoutMs)
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

bool ScreenWalk::waitIdle(const std::function<bool()> &done, int timeoutMs)
{
    return waitUntil([&] { return done() && !m_session.vaultThread()->busy(); }, timeoutMs);
}

bool ScreenWalk::openClient(const QString &code)
{
    return QMetaObject::invokeMethod(m_window, "openClient", Q_ARG(QString, code))
        && waitIdle([&] { return m_session.workspace()->overview()->code() == code; });
}

bool ScreenWalk::unlockAs(const QString &user, const QString &passphrase)
{
    m_session.unlock(user, passphrase);
    return waitIdle([&] { return m_session.isUnlocked(); });
}

void ScreenWalk::lock()
{
    m_session.lock();
    (void)waitIdle([] { return true; }, 10000);
}

bool ScreenWalk::fail(const char *what)
{
    std::fprintf(stderr, "undercurrent-screenshots: %s\n", what);
    return false;
}

void ScreenWalk::settle(int ms)
{
    QElapsedTimer timer;
    timer.start();
    (void)waitUntil([&] { return timer.elapsed() >= ms; }, ms + 1000);
}

} // namespace screenshots
