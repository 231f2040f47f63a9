// SPDX-License-Identifier: GPL-3.0-or-later
// A note written with the keyboard alone, through the real window offscreen: from the clients list,
// Tab to the list and Enter, Tab to "New note…" and Enter, Enter again starts the note (the
// dialog's default button), the caret waits in the first section's body, typing keeps the heading
// whole, Tab leaves the text, Ctrl+S and Enter sign. A group note of three written in one sitting
// from the same dialog: the group's part and each member's own part and attendance, saved with
// Ctrl+Enter; the second member's note and search show none of the first member's part. (The vault
// and the clients are made with the mouse or the API first: that path is e2etest's.)
#include "buttonkeys.h"
#include "windowtestutil.h"
#include "clientlistmodel.h"
#include "clientoverview.h"
#include "noteeditor.h"
#include "notesession.h"
#include "notetagging.h"
#include "searchmodel.h"
#include "themetagmodel.h"
#include "vaultsession.h"
#include "workspace.h"

#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

namespace {

const QString pass = u"quiet river lantern morning"_s;

} // namespace

class KeyboardEndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Presses Tab until the item named name has the keyboard (at most limit times).
    bool tabTo(const QString &name, int limit = 60)
    {
        for (int i = 0; i < limit; ++i) {
            QQuickItem *target = item(name);
            if (target && target->hasActiveFocus())
                return true;
            QTest::keyClick(m_window, Qt::Key_Tab);
        }
        qWarning("Tab never reached %s (the keyboard is on %s)", qPrintable(name),
                 m_window->activeFocusItem() ? qPrintable(m_window->activeFocusItem()->objectName()) : "nothing");
        return false;
    }
    void keys(const QString &text)
    {
        for (const QChar c : text)
            QTest::keyClick(m_window, c.toLatin1());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ButtonKeys::install(QCoreApplication::instance());
        startApp(m_dir.filePath(u"vault"_s));
        type(item(u"userField"_s), u"asmith"_s);
        type(item(u"passphraseField"_s), pass);
        type(item(u"confirmField"_s), pass);
        click(item(u"createButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"recovery-key"_s, 10000);
        const QString key = m_session->recoveryKey();
        // The confirm field has the keyboard already: type the group and press Enter.
        QTRY_VERIFY(item(u"groupField"_s)->hasActiveFocus());
        keys(key.split(u'-').at(m_session->recoveryGroup() - 1));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE(screen(), u"clients"_s);
        click(item(u"addClientButton"_s));
        type(item(u"codeField"_s), u"C-0001"_s);
        type(item(u"nameField"_s), u"Ann Example"_s);
        QTest::keyClick(m_window, Qt::Key_Return); // Enter saves: the dialog's default button
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->clients()->count(), 1, 10000);
        QTRY_VERIFY(item(u"client-C-0001"_s) != nullptr);
    }

    void cleanupTestCase()
    {
        stopApp();
    }

    void writeAndSignANoteByKeyboard()
    {
        QVERIFY(tabTo(u"clientList"_s));
        QTest::keyClick(m_window, Qt::Key_Return); // the list's current client: the only one
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QTRY_VERIFY(item(u"newNoteButton"_s) && item(u"newNoteButton"_s)->isEnabled());
        QVERIFY(tabTo(u"newNoteButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"startNoteButton"_s) && item(u"startNoteButton"_s)->isVisible());
        QTest::keyClick(m_window, Qt::Key_Return); // in the date field: Start the note
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);

        QQuickItem *editor = item(u"noteText"_s);
        QTRY_VERIFY(editor->hasActiveFocus());
        const QString before = editor->property("text").toString();
        QVERIFY2(before.startsWith(u"## "_s), qPrintable(before)); // a template with headings
        keys(u"Slept badly"_s);
        const QString after = editor->property("text").toString();
        const qsizetype firstLine = before.indexOf(u'\n');
        QCOMPARE(after.left(firstLine), before.left(firstLine)); // the heading is whole
        QCOMPARE(after.mid(firstLine + 1, 11), u"Slept badly"_s); // typed into the first body

        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY(!editor->hasActiveFocus());
        QVERIFY(!editor->property("text").toString().contains(u'\t'));

        QTest::keyClick(m_window, Qt::Key_S, Qt::ControlModifier);
        QTRY_VERIFY(item(u"signOkButton"_s) && item(u"signOkButton"_s)->isVisible());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->note()->status(), u"signed"_s, 10000);
    }

    // New note… on a client with a session today attaches to it: the process note after the
    // signed progress note is the same session, never a second one.
    void aLaterNoteJoinsTodaysSession()
    {
        QCOMPARE(screen(), u"note-editor"_s);
        NoteEditor *note = m_session->workspace()->note();
        const qint64 first = note->session()->id();
        const qint64 signedNote = note->noteId();
        QVERIFY(first > 0);
        click(item(u"noteBackButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QVERIFY(tabTo(u"newNoteButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"startNoteButton"_s) && item(u"startNoteButton"_s)->isVisible());
        QCOMPARE(item(u"sessionBox"_s)->property("currentIndex").toInt(), 1); // today's session
        QCOMPARE(item(u"templateBox"_s)->property("currentValue").toString(), u"process"_s);
        QVERIFY(tabTo(u"startNoteButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(note->noteId() != signedNote && note->noteId() > 0, 10000);
        QCOMPARE(screen(), u"note-editor"_s);
        QCOMPARE(note->kind(), u"process"_s);
        QCOMPARE(note->session()->id(), first);
    }

    // A no-show on a new session is recorded without a note: missed, nothing to write or sign.
    void aMissedSessionNeedsNoNote()
    {
        click(item(u"noteBackButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        ClientOverview *overview = m_session->workspace()->overview();
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy() && overview->notes()->count() > 0, 10000);
        const int missed = overview->missed();
        const int attended = overview->attended();
        const int notes = overview->notes()->count();
        QVERIFY(tabTo(u"newNoteButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"startNoteButton"_s) && item(u"startNoteButton"_s)->isVisible());
        QVERIFY(item(u"sessionBox"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Up); // today's session -> a new session
        QCOMPARE(item(u"sessionBox"_s)->property("currentIndex").toInt(), 0);
        QVERIFY(tabTo(u"attendanceBox"_s));
        QTest::keyClick(m_window, Qt::Key_Down); // late
        QTest::keyClick(m_window, Qt::Key_Down); // no-show
        QTRY_VERIFY(item(u"missedNoteBox"_s)->isVisible());
        QVERIFY(!item(u"templateBox"_s)->isVisible());
        QVERIFY(tabTo(u"startNoteButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(overview->missed(), missed + 1, 10000);
        QCOMPARE(overview->attended(), attended);
        QCOMPARE(overview->notes()->count(), notes); // no note was made
        QCOMPARE(screen(), u"client-overview"_s);
    }

    void writeAGroupNoteOfThreeInOneSitting()
    {
        ClientListModel *clients = m_session->workspace()->clients();
        clients->add(u"C-0002"_s, u"Bea Sample"_s, u"outpatient"_s, u"2025-01-07"_s);
        QTRY_COMPARE_WITH_TIMEOUT(clients->count(), 2, 10000);
        clients->add(u"C-0003"_s, u"Cal Person"_s, u"outpatient"_s, u"2025-01-08"_s);
        QTRY_COMPARE_WITH_TIMEOUT(clients->count(), 3, 10000);
        if (screen() != u"client-overview") // from the tests before, or alone
            click(item(screen() == u"note-editor" ? u"noteBackButton"_s : u"client-C-0001"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QTRY_VERIFY(item(u"newNoteButton"_s) && item(u"newNoteButton"_s)->isEnabled());
        QVERIFY(tabTo(u"newNoteButton"_s));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"startNoteButton"_s) && item(u"startNoteButton"_s)->isVisible());

        // The group switch, then the members by code and Enter.
        QVERIFY(tabTo(u"groupSwitch"_s));
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(item(u"groupForm"_s)->isVisible());
        QVERIFY(tabTo(u"memberSearch"_s));
        keys(u"C-0002"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        keys(u"C-0003"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"memberPart-C-0003"_s) != nullptr);

        // The group's part: the topic, Enter, what the group did.
        QVERIFY(tabTo(u"groupTopicField"_s));
        keys(u"Weekends"_s);
        QTest::keyClick(m_window, Qt::Key_Return); // on to the process, not saved yet
        QVERIFY(item(u"groupProcessField"_s)->hasActiveFocus());
        QTest::qWait(300);
        QCOMPARE(screen(), u"client-overview"_s); // nothing was saved: the dialog is still open
        keys(u"We drew a relapse prevention map together."_s);
        // Each member's own part, Tab from one to the next; the third did not come.
        QVERIFY(tabTo(u"memberPart-C-0001"_s));
        keys(u"He gambled his wages and had a relapse on Friday."_s);
        QVERIFY(tabTo(u"memberAttendance-C-0002"_s));
        QVERIFY(tabTo(u"memberPart-C-0002"_s));
        keys(u"She spoke of her sister and felt hopeful."_s);
        QVERIFY(tabTo(u"memberAttendance-C-0003"_s));
        QTest::keyClick(m_window, Qt::Key_Down); // attended -> late
        QTest::keyClick(m_window, Qt::Key_Down); // -> no-show
        QVERIFY(tabTo(u"memberPart-C-0003"_s));
        QCOMPARE(item(u"memberPart-C-0002"_s)->property("text").toString(), u"She spoke of her sister and felt hopeful."_s);
        // Escape asks before the written words go; Enter keeps writing, all of it still there.
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(item(u"keepWritingButton"_s) && item(u"keepWritingButton"_s)->isVisible());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(!item(u"keepWritingButton"_s)->isVisible());
        QVERIFY(item(u"groupForm"_s)->isVisible());
        QCOMPARE(item(u"memberPart-C-0001"_s)->property("text").toString(),
                 u"He gambled his wages and had a relapse on Friday."_s);
        QVERIFY(tabTo(u"memberPart-C-0003"_s));
        QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);

        // The first member's note is open: the group's part and their own.
        NoteEditor *note = m_session->workspace()->note();
        QCOMPARE(note->clientCode(), u"C-0001"_s);
        QCOMPARE(note->session()->members().size(), 2); // C-0003 did not come and has no part: no empty draft
        const QString a = note->draft()->text();
        QVERIFY2(a.contains(u"We drew a relapse prevention map together."_s) && a.contains(u"gambled his wages"_s), qPrintable(a));
        QVERIFY(!a.contains(u"sister"_s));

        // Ctrl+PgDown: the second member's note holds the group's part and hers, none of his.
        QTest::keyClick(m_window, Qt::Key_PageDown, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(note->clientCode(), u"C-0002"_s, 10000);
        const QString b = note->draft()->text();
        QVERIFY2(b.contains(u"Weekends"_s) && b.contains(u"relapse prevention map"_s)
                     && b.contains(u"She spoke of her sister and felt hopeful."_s),
                 qPrintable(b));
        for (const QString &his : {u"gambled"_s, u"wages"_s, u"Friday"_s, u"C-0001"_s})
            QVERIFY2(!b.contains(his), qPrintable(his));
        QCOMPARE(note->session()->attendance(), u"attended"_s);
        ThemeTagModel *tags = note->tagging()->tags();
        QTRY_VERIFY_WITH_TIMEOUT(tags->rowCount() > 0, 10000); // the group's relapse, her hope
        bool groupsRelapse = false;
        for (int i = 0; i < tags->rowCount(); ++i) {
            const QString evidence = tags->data(tags->index(i), ThemeTagModel::EvidenceRole).toString();
            QVERIFY2(!evidence.contains(u"gambl"_s) && !evidence.contains(u"Friday"_s), qPrintable(evidence));
            // The group's relapse map is shown on her note as the group's, not hers.
            const QString label = tags->data(tags->index(i), ThemeTagModel::LabelRole).toString();
            if (evidence.contains(u"relapse"_s))
                groupsRelapse = label.endsWith(u"(the group's)"_s);
        }
        QVERIFY(groupsRelapse);
        // Hers is the last: the no-show member has no note to move to.
        QCOMPARE(note->session()->memberIndex(), 1);
        for (const QVariant &m : note->session()->members())
            QVERIFY(m.toMap().value(u"clientCode"_s).toString() != u"C-0003"_s);

        // Search finds his words in his note alone.
        SearchResultModel *results = m_session->workspace()->searchResults();
        QSignalSpy found(results, &SearchResultModel::finished);
        results->search(u"gambled wages"_s);
        QVERIFY(found.wait(10000));
        QCOMPARE(results->rowCount(), 1);
        QCOMPARE(results->data(results->index(0), SearchResultModel::ClientCodeRole).toString(), u"C-0001"_s);
    }
};

QTEST_MAIN(KeyboardEndToEndTest)
#include "keyboarde2etest.moc"
