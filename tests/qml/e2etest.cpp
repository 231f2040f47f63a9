// SPDX-License-Identifier: GPL-3.0-or-later
// The therapist's path through the real QML, offscreen, with mouse and keyboard: create a vault,
// save the recovery key's sheet and confirm the key, add a client, write a note containing "she drinks when she feels
// abandoned", see the abandonment-driven-use chip, confirm it, sign, find the note read-only and in
// the client's list, open Patterns and find the note's point on the theme chart, lock with Ctrl+L
// (from Patterns), unlock again.
#include "windowtestutil.h"
#include "clientlistmodel.h"
#include "clientoverview.h"
#include "noteeditor.h"
#include "patternsmodel.h"
#include "themetagmodel.h"
#include "vault/measures.h"
#include "vault/treatmentevents.h"
#include "vault/vault.h"
#include "vaultsession.h"
#include "vaultthread.h"
#include "workspace.h"

#include <QDateTime>
#include <QFileInfo>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QXYSeries>

#include <optional>
#include <utility>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

namespace {

const QString pass = u"quiet river lantern morning"_s;

using guitest::find;

} // namespace

class EndToEndTest : public guitest::WindowTest
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QDate m_noteDate; // the session date the new-note dialog offered


private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        startApp(m_dir.filePath(u"vault"_s));
    }

    void cleanupTestCase()
    {
        stopApp();
    }

    void createTheVaultAndConfirmTheRecoveryKey()
    {
        QCOMPARE(screen(), u"first-run"_s);
        QCOMPARE(item(u"folderField"_s)->property("text").toString(), m_dir.filePath(u"vault"_s));
        type(item(u"userField"_s), u"asmith"_s);
        type(item(u"passphraseField"_s), pass);
        type(item(u"confirmField"_s), pass);
        click(item(u"createButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"recovery-key"_s, 10000);
        QVERIFY(find(current(), u"passphraseField"_s) == nullptr); // the form, and the passphrase in it, are gone

        const QString key = m_session->recoveryKey();
        const QString group = key.split(u'-').at(m_session->recoveryGroup() - 1);

        // "Save to print…": the file the save dialog returns gets the sheet, owner-only, and the
        // screen says to delete it once printed.
        const QString sheet = m_dir.filePath(u"recovery key.pdf"_s);
        QVERIFY(!item(u"printedHint"_s)->isVisible());
        QVERIFY(QMetaObject::invokeMethod(item(u"printRecoveryKeyButton"_s), "save",
                                          Q_ARG(QUrl, QUrl::fromLocalFile(sheet))));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"printedHint"_s)->isVisible(), 10000);
        QVERIFY(item(u"printedHint"_s)->property("text").toString().contains(u"delete the file"_s));
        QVERIFY(QFileInfo(sheet).isFile());
        QCOMPARE(QFileInfo(sheet).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFileDevice::Permissions());
        QVERIFY(!item(u"writtenDownButton"_s)->isEnabled());
        type(item(u"groupField"_s), group);
        click(item(u"writtenDownButton"_s));
        QTRY_COMPARE(screen(), u"clients"_s);
        QCOMPARE(m_session->recoveryKey(), QString());
    }

    void addAClient()
    {
        click(item(u"addClientButton"_s));
        type(item(u"codeField"_s), u"C-0001"_s);
        type(item(u"nameField"_s), u"Ann Example"_s);
        click(item(u"saveClientButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->clients()->count(), 1, 10000);
        QTRY_VERIFY(item(u"client-C-0001"_s) != nullptr);
        QTRY_VERIFY(!item(u"emptyClients"_s)->isVisible());
    }

    void writeANoteAndSeeItsTheme()
    {
        click(item(u"client-C-0001"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QTRY_COMPARE(m_session->workspace()->overview()->code(), u"C-0001"_s);
        click(item(u"newNoteButton"_s));
        auto *templates = item(u"templateBox"_s);
        QVERIFY(templates);
        const QVariantList all = NoteSession::templates();
        int free = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).toMap().value(u"id"_s).toString() == u"free")
                free = static_cast<int>(i);
        }
        templates->setProperty("currentIndex", free);
        click(item(u"startNoteButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);

        type(item(u"noteText"_s), u"Today she said she drinks when she feels abandoned."_s);
        ThemeTagModel *tags = m_session->workspace()->note()->tagging()->tags();
        auto chipRow = [tags](const QString &theme) {
            for (int i = 0; i < tags->rowCount(); ++i) {
                if (tags->data(tags->index(i), ThemeTagModel::ThemeRole).toString() == theme)
                    return i;
            }
            return -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(chipRow(u"abandonment-driven-use"_s) >= 0, 5000);
        QCOMPARE(item(u"saveState"_s)->property("text").toString(), u"All changes saved"_s);

        // The chip's delegate is made a frame after its row: wait for it, not only for the row.
        QTRY_VERIFY_WITH_TIMEOUT(find(current(), u"confirm-Abandonment-driven use"_s), 5000);
        click(item(u"confirm-Abandonment-driven use"_s));
        QTRY_COMPARE_WITH_TIMEOUT(
            tags->data(tags->index(chipRow(u"abandonment-driven-use"_s)), ThemeTagModel::DecisionRole).toString(),
            u"confirmed"_s, 10000);
    }

    void signAndFindItReadOnly()
    {
        click(item(u"signButton"_s));
        QObject *dialog = find(current(), u"signDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QMetaObject::invokeMethod(dialog, "accept");
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->note()->readOnly(), 10000);
        QCOMPARE(m_session->workspace()->note()->status(), u"signed"_s);
        m_noteDate = QDate::fromString(m_session->workspace()->note()->date(), Qt::ISODate);
        QVERIFY(m_noteDate.isValid());
        QVERIFY(item(u"noteText"_s)->property("readOnly").toBool());
        QVERIFY(!item(u"signButton"_s)->isVisible());

        click(item(u"noteBackButton"_s));
        QTRY_COMPARE(screen(), u"client-overview"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->notes()->count(), 1, 10000);
        NoteListModel *notes = m_session->workspace()->overview()->notes();
        QCOMPARE(notes->data(notes->index(0), NoteListModel::StatusRole).toString(), u"signed"_s);
        // Reopened from the list, it is still read-only.
        m_session->workspace()->note()->open(notes->data(notes->index(0), NoteListModel::NoteIdRole).toLongLong());
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);
        QVERIFY(item(u"noteText"_s)->property("readOnly").toBool());
        QVERIFY(item(u"noteText"_s)->property("text").toString().contains(u"feels abandoned"_s));
    }

    void openPatternsAndFindThePoint()
    {
        click(item(u"noteBackButton"_s));
        QTRY_COMPARE(screen(), u"client-overview"_s);
        click(item(u"patternsButton"_s));
        QTRY_COMPARE(screen(), u"patterns"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->patterns()->code(), u"C-0001"_s, 10000);
        QQuickItem *chart = item(u"themeChart"_s);
        QVERIFY(chart);
        // One session is not yet a recurrence, so the theme is listed but not drawn until ticked.
        QQuickItem *row = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((row = item(u"themeRow_abandonment-driven-use"_s)) != nullptr, 10000);
        QVERIFY(!row->property("ticked").toBool());
        QCOMPARE(chart->property("count").toInt(), 0);
        click(row);
        QTRY_VERIFY(row->property("ticked").toBool());
        QTRY_COMPARE(chart->property("count").toInt(), 1);
        // The confirmed theme of the one signed note: one point, in the note's month, at one session.
        QXYSeries *line = nullptr;
        for (int i = 0; i < chart->property("count").toInt(); ++i) {
            QAbstractSeries *s = nullptr;
            QVERIFY(QMetaObject::invokeMethod(chart, "series", Q_RETURN_ARG(QAbstractSeries *, s), Q_ARG(int, i)));
            if (s && s->name() == u"Abandonment-driven use")
                line = qobject_cast<QXYSeries *>(s);
        }
        QVERIFY2(line, "the abandonment-driven-use line is drawn");
        QCOMPARE(line->count(), 1);
        QCOMPARE(line->at(0).y(), 1.0);
        const QDate month = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(line->at(0).x())).date();
        QCOMPARE(month.year(), m_noteDate.year());
        QCOMPARE(month.month(), m_noteDate.month());
    }

    // The course of care from the Patterns screen, keyboard only: an episode added in the dialog
    // (a level that does not read and an overlap are said in it, nothing stored), then the
    // patterns limited to one episode with the episode control, both ends of it inclusive.
    void anEpisodeIsAddedAndThePatternsLimitedToIt()
    {
        QCOMPARE(screen(), u"patterns"_s);
        PatternsModel *patterns = m_session->workspace()->patterns();
        QVERIFY(item(u"noEpisodes"_s)->isVisible());
        QVERIFY(!item(u"episodeBox"_s)->isVisible());
        const auto keys = [this](const QString &text) {
            for (const QChar c : text)
                QTest::keyClick(m_window, c.toLatin1());
        };
        const auto iso = [](const QDate &d) { return d.toString(Qt::ISODate); };
        QObject *dialog = find(m_window, u"episodeDialog"_s);
        QVERIFY(dialog);
        const auto fill = [&](const QString &level, const QDate &start, const std::optional<QDate> &end) {
            click(item(u"addEpisodeButton"_s));
            QTRY_VERIFY(dialog->property("opened").toBool());
            QTRY_VERIFY(item(u"episodeLevel"_s)->hasActiveFocus());
            keys(level);
            QTest::keyClick(m_window, Qt::Key_Tab);
            QTRY_VERIFY(item(u"episodeStart"_s)->hasActiveFocus());
            keys(iso(start));
            QTest::keyClick(m_window, Qt::Key_Tab);
            if (end)
                keys(iso(*end));
            QTest::keyClick(m_window, Qt::Key_Return);
        };

        fill(u"x"_s, m_noteDate.addDays(-30), m_noteDate.addDays(-1)); // not a level
        QTRY_VERIFY(item(u"episodeError"_s)->isVisible());
        QVERIFY(item(u"episodeError"_s)->property("text").toString().startsWith(u"The level must be"_s));
        QVERIFY(dialog->property("opened").toBool());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("opened").toBool());

        fill(u"Residential"_s, m_noteDate.addDays(-30), m_noteDate.addDays(-1));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(patterns->episodes().size(), 1, 10000);
        fill(u"aftercare"_s, m_noteDate.addDays(-5), std::nullopt); // overlaps residential: refused by the vault
        QTRY_VERIFY_WITH_TIMEOUT(item(u"episodeError"_s)->isVisible(), 10000);
        QVERIFY(dialog->property("opened").toBool());
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->property("opened").toBool());
        fill(u"aftercare"_s, m_noteDate, std::nullopt); // from the session's own day
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(patterns->episodes().size(), 2, 10000);

        // The episode control: aftercare holds the one session (its first day), residential none.
        QQuickItem *box = item(u"episodeBox"_s);
        QTRY_VERIFY(box->isVisible());
        box->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTRY_COMPARE_WITH_TIMEOUT(patterns->episode(), patterns->episodes().at(0).toMap().value(u"id"_s).toInt(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(patterns->heatmap()->sessionCount(), 0, 10000);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTRY_COMPARE_WITH_TIMEOUT(patterns->episode(), patterns->episodes().at(1).toMap().value(u"id"_s).toInt(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(patterns->heatmap()->sessionCount(), 1, 10000);
        QCOMPARE(patterns->from(), iso(m_noteDate));
    }

    // The open episode (aftercare) ended by keyboard with the checks of `episode end`: a day before
    // its start refused inline by the vault, nothing changed; a later day ends it and the button goes.
    void anOpenEpisodeIsEndedByKeyboard()
    {
        QCOMPARE(screen(), u"patterns"_s);
        PatternsModel *patterns = m_session->workspace()->patterns();
        const auto keys = [this](const QString &text) {
            for (const QChar c : text)
                QTest::keyClick(m_window, c.toLatin1());
        };
        const auto iso = [](const QDate &d) { return d.toString(Qt::ISODate); };
        QCOMPARE(patterns->episodes().size(), 2);
        QCOMPARE(patterns->episodes().at(0).toMap().value(u"end"_s).toString(), iso(m_noteDate.addDays(-1)));
        QCOMPARE(patterns->episodes().at(1).toMap().value(u"end"_s).toString(), QString());
        QQuickItem *end = item(u"endEpisodeButton"_s);
        QTRY_VERIFY(end && end->isVisible());
        end->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QObject *dialog = find(m_window, u"episodeEndDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QVERIFY(item(u"episodeEndText"_s)->property("text").toString().contains(u"Aftercare"_s));
        QTRY_VERIFY(item(u"episodeEndDate"_s)->hasActiveFocus());
        keys(iso(m_noteDate.addDays(-1))); // before its start
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(item(u"episodeEndError"_s)->isVisible(), 10000);
        QVERIFY(dialog->property("opened").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
        QCOMPARE(patterns->episodes().at(1).toMap().value(u"end"_s).toString(), QString());

        QTest::keyClick(m_window, Qt::Key_A, Qt::ControlModifier);
        keys(iso(m_noteDate.addDays(7)));
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(patterns->episodes().at(1).toMap().value(u"end"_s).toString(), iso(m_noteDate.addDays(7)),
                                  10000);
        QTRY_VERIFY(!end->isVisible()); // no open episode left
    }

    void lockWithCtrlLAndUnlockAgain()
    {
        QTest::keyClick(m_window, Qt::Key_L, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"unlock"_s);
        QVERIFY(!m_session->isUnlocked());
        QCOMPARE(m_session->workspace()->clients()->rowCount(), 0);
        QCOMPARE(m_session->workspace()->note()->noteId(), 0);
        QCOMPARE(item(u"userField"_s)->property("text").toString(), u"asmith"_s);

        type(item(u"passphraseField"_s), u"not it at all"_s);
        // Unlock waits while the vault thread is still closing the vault (a few milliseconds).
        QTRY_VERIFY(item(u"unlockButton"_s)->isEnabled());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(item(u"unlockError"_s)->isVisible(), 10000);
        QCOMPARE(item(u"unlockError"_s)->property("text").toString(), u"The user name or passphrase is wrong."_s);
        QCOMPARE(item(u"passphraseField"_s)->property("text").toString(), QString()); // cleared after use

        type(item(u"passphraseField"_s), pass);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"clients"_s, 10000);
        QCOMPARE(m_session->workspace()->clients()->count(), 1);
    }

    // A second note, started by mistake: the sign dialog lists its unreviewed suggestion, then it is
    // discarded and gone from the record, the signed one untouched.
    void theSignDialogListsWhatIsLeftAndADraftIsDiscarded()
    {
        click(item(u"client-C-0001"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->notes()->count(), 1, 10000);
        click(item(u"newNoteButton"_s));
        const QVariantList all = NoteSession::templates();
        int soap = -1;
        for (qsizetype i = 0; i < all.size(); ++i) {
            if (all.at(i).toMap().value(u"id"_s).toString() == u"soap")
                soap = static_cast<int>(i);
        }
        QVERIFY(soap >= 0);
        item(u"templateBox"_s)->setProperty("currentIndex", soap);
        // Today's session (chosen at first) holds her signed progress note: a second would be
        // refused there, so this one is on a new session.
        QCOMPARE(item(u"sessionBox"_s)->property("currentIndex").toInt(), 1);
        item(u"sessionBox"_s)->setProperty("currentIndex", 0);
        click(item(u"startNoteButton"_s)); // a SOAP note: four sections, all empty
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);
        QVERIFY(m_session->workspace()->note()->status() == u"draft"_s);
        const qint64 draft = m_session->workspace()->note()->noteId();
        type(item(u"noteText"_s), u"She drinks when she feels abandoned."_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->note()->tagging()->tags()->rowCount() > 0, 5000);

        click(item(u"signButton"_s));
        QObject *dialog = find(current(), u"signDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QQuickItem *undecided = item(u"signUndecided"_s);
        QVERIFY(undecided && undecided->isVisible());
        QVERIFY2(undecided->property("text").toString().contains(u"Abandonment-driven use: “"_s),
                 qPrintable(undecided->property("text").toString()));
        QQuickItem *empty = item(u"signEmptySections"_s);
        QVERIFY(empty && empty->isVisible()); // the template's other sections were left empty
        QMetaObject::invokeMethod(dialog, "reject");
        QTRY_VERIFY(!dialog->property("opened").toBool());
        QCOMPARE(m_session->workspace()->note()->status(), u"draft"_s); // nothing signed

        click(item(u"discardButton"_s));
        QObject *discard = find(current(), u"discardDialog"_s);
        QVERIFY(discard);
        QTRY_VERIFY(discard->property("opened").toBool());
        click(item(u"discardOkButton"_s));
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->notes()->count(), 1, 10000);
        NoteListModel *notes = m_session->workspace()->overview()->notes();
        QVERIFY(notes->data(notes->index(0), NoteListModel::NoteIdRole).toLongLong() != draft);
        QCOMPARE(notes->data(notes->index(0), NoteListModel::StatusRole).toString(), u"signed"_s);
    }

    // A PHQ-9 from the client's form: scored as it is entered, on the card once saved; a second one
    // the same day only after saying so.
    void aMeasureIsEnteredAndASecondOnTheSameDayIsConfirmed()
    {
        QCOMPARE(screen(), u"client-overview"_s);
        QCOMPARE(m_session->workspace()->overview()->measures()->count(), 0);
        click(item(u"addMeasureButton"_s));
        QObject *dialog = find(current(), u"measureDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(item(u"measureInstrument"_s)->property("currentText").toString(), u"PHQ-9"_s);
        click(item(u"saveMeasureButton"_s)); // nothing answered yet
        QTRY_VERIFY(item(u"measureError"_s)->isVisible());
        QCOMPARE(item(u"measureError"_s)->property("text").toString(), u"Item 1 is not answered yet."_s);
        const QList<int> answers{2, 2, 1, 1, 1, 1, 1, 1, 0};
        for (int i = 0; i < answers.size(); ++i)
            QVERIFY(QMetaObject::invokeMethod(dialog, "setAnswer", Q_ARG(int, i), Q_ARG(QVariant, answers[i])));
        QTRY_COMPARE(item(u"measureScore"_s)->property("text").toString(), u"Total 10: moderate"_s);
        click(item(u"saveMeasureButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->measures()->count(), 1, 10000);
        MeasureSummaryModel *measures = m_session->workspace()->overview()->measures();
        QCOMPARE(measures->data(measures->index(0), MeasureSummaryModel::TotalRole).toInt(), 10);

        // The same instrument again today: asked first, saved only once confirmed.
        click(item(u"addMeasureButton"_s));
        QTRY_VERIFY(dialog->property("opened").toBool());
        for (int i = 0; i < answers.size(); ++i)
            QVERIFY(QMetaObject::invokeMethod(dialog, "setAnswer", Q_ARG(int, i), Q_ARG(QVariant, 0)));
        click(item(u"saveMeasureButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"measureSameDay"_s)->isVisible(), 10000);
        QVERIFY(dialog->property("opened").toBool());
        QCOMPARE(item(u"saveMeasureButton"_s)->property("text").toString(), u"Save a second one"_s);
        click(item(u"saveMeasureButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(measures->data(measures->index(0), MeasureSummaryModel::CountRole).toInt(), 2, 10000);
    }

    // The second one was a mistake: corrected in the same form, prefilled and scored again, then
    // deleted after a confirmation that names it, from the keyboard. The vault keeps both old values.
    void aMeasureIsCorrectedAndDeleted()
    {
        MeasureSummaryModel *measures = m_session->workspace()->overview()->measures();
        const qint64 id = measures->data(measures->index(0), MeasureSummaryModel::MeasureIdRole).toLongLong();
        QVERIFY(id > 0);
        QCOMPARE(measures->data(measures->index(0), MeasureSummaryModel::TotalRole).toInt(), 0); // the latest

        click(item(u"measureActions-phq9"_s));
        click(item(u"correctMeasureItem"_s));
        QObject *dialog = find(current(), u"measureDialog"_s);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(dialog->property("title").toString(), u"Correct a measure"_s);
        QVERIFY(!item(u"measureInstrument"_s)->isEnabled()); // the questionnaire stays
        QCOMPARE(item(u"measureDate"_s)->property("text").toString(),
                 measures->data(measures->index(0), MeasureSummaryModel::DateRole).toString());
        QVERIFY(item(u"measureScore"_s)->property("text").toString().startsWith(u"Total 0: "_s)); // prefilled
        for (int i = 0; i < 8; ++i)
            QVERIFY(QMetaObject::invokeMethod(dialog, "setAnswer", Q_ARG(int, i), Q_ARG(QVariant, 1)));
        QTRY_COMPARE(item(u"measureScore"_s)->property("text").toString(), u"Total 8: mild"_s);
        QCOMPARE(item(u"saveMeasureButton"_s)->property("text").toString(), u"Save the correction"_s);
        click(item(u"saveMeasureButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(measures->data(measures->index(0), MeasureSummaryModel::TotalRole).toInt(), 8, 10000);
        QCOMPARE(measures->data(measures->index(0), MeasureSummaryModel::CountRole).toInt(), 2); // corrected, not added
        QCOMPARE(measures->data(measures->index(0), MeasureSummaryModel::MeasureIdRole).toLongLong(), id);

        // Delete…, by keyboard (the card's menu, its second item): the confirmation names the
        // questionnaire, the day and the score.
        QQuickItem *actions = item(u"measureActions-phq9"_s);
        QVERIFY(actions);
        actions->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(item(u"deleteMeasureItem"_s)->isVisible());
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Down);
        QTRY_VERIFY(item(u"deleteMeasureItem"_s)->property("highlighted").toBool());
        QTest::keyClick(m_window, Qt::Key_Return);
        QObject *confirm = find(current(), u"measureDeleteDialog"_s);
        QVERIFY(confirm);
        QTRY_VERIFY(confirm->property("opened").toBool());
        const QString asked = item(u"measureDeleteText"_s)->property("text").toString();
        QVERIFY2(asked.startsWith(u"Delete the PHQ-9 of "_s) && asked.contains(u"total 8 (mild)"_s), qPrintable(asked));
        QQuickItem *ok = item(u"deleteMeasureOkButton"_s);
        QVERIFY(!ok->hasActiveFocus()); // Cancel has it: nothing is deleted by a stray Enter
        ok->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!confirm->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(measures->data(measures->index(0), MeasureSummaryModel::CountRole).toInt(), 1, 10000);
        QCOMPARE(measures->data(measures->index(0), MeasureSummaryModel::TotalRole).toInt(), 10);

        // In the vault: one measure left, and the deleted one's history holds its two old values.
        const QString code = m_session->workspace()->overview()->code();
        std::optional<std::pair<QList<uc::model::Measure>, QList<uc::vault::MeasureChange>>> stored;
        m_session->vaultThread()->post(
            this, u"checking"_s,
            [code, id](VaultThread::Worker &w) {
                return std::pair(w.open().measures().forClient(code), w.open().measures().history(id));
            },
            [&stored](auto result) { stored = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 10000);
        QCOMPARE(stored->first.size(), 1);
        QCOMPARE(stored->first.constFirst().total, 10);
        QVERIFY(stored->first.constFirst().id != id);
        const QList<uc::vault::MeasureChange> &history = stored->second;
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].change, u"edit"_s);
        QCOMPARE(history[0].was.total, 0); // the value before the correction
        QCOMPARE(history[1].change, u"delete"_s);
        QCOMPARE(history[1].was.total, 8);
        QCOMPARE(history[1].was.answers, (QList<int>{1, 1, 1, 1, 1, 1, 1, 1, 0}));
    }
    // Other treatment by keyboard only: Add event… (the kind by the arrow keys, then only its own
    // fields on the Tab chain), a date that does not read said inline, Enter adds; Delete… names the
    // event, Escape keeps it, the Delete button deletes it and it leaves the card.
    void anEventIsAddedAndDeletedByKeyboard()
    {
        QCOMPARE(screen(), u"client-overview"_s);
        ClientOverview *overview = m_session->workspace()->overview();
        QCOMPARE(overview->treatmentEvents().size(), 0);
        const auto keys = [this](const QString &text) {
            for (const QChar c : text)
                QTest::keyClick(m_window, c.toLatin1());
        };

        QQuickItem *add = item(u"addEventButton"_s);
        QVERIFY(add && add->isVisible());
        add->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QObject *dialog = find(current(), u"treatmentEventDialog"_s);
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QTRY_VERIFY(item(u"eventKind"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Escape); // Escape closes, nothing stored
        QTRY_VERIFY(!dialog->property("opened").toBool());

        add->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QTRY_VERIFY(item(u"eventKind"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Down); // mutual-help -> group
        QCOMPARE(dialog->property("kind").toString(), u"group"_s);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(item(u"eventGroup"_s)->hasActiveFocus());
        keys(u"CBT group"_s);
        QTest::keyClick(m_window, Qt::Key_Tab); // past the other kinds' hidden fields
        QTRY_VERIFY(item(u"eventDate"_s)->hasActiveFocus());
        keys(u"2025-02-30"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"eventError"_s)->isVisible());
        QCOMPARE(item(u"eventError"_s)->property("text").toString(), u"The date must be a real date as YYYY-MM-DD."_s);
        QVERIFY(dialog->property("opened").toBool());
        QTest::keyClick(m_window, Qt::Key_Backspace);
        QTest::keyClick(m_window, Qt::Key_Backspace);
        keys(u"28"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(overview->treatmentEvents().size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
        QCOMPARE(overview->treatmentEvents().size(), 1); // one Enter, one event
        const QVariantMap added = overview->treatmentEvents().constFirst().toMap();
        QCOMPARE(added.value(u"date"_s).toString(), u"2025-02-28"_s);
        QCOMPARE(added.value(u"kind"_s).toString(), u"group"_s);
        QCOMPARE(added.value(u"details"_s).toString(), u"CBT group"_s);

        QQuickItem *remove = item(u"deleteEventButton"_s);
        QVERIFY(remove && remove->isVisible());
        remove->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QObject *confirm = find(current(), u"treatmentEventDeleteDialog"_s);
        QVERIFY(confirm);
        QTRY_VERIFY(confirm->property("opened").toBool());
        const QString asked = item(u"eventDeleteText"_s)->property("text").toString();
        QVERIFY2(asked.contains(u"Group"_s) && asked.contains(u"CBT group"_s), qPrintable(asked));
        QVERIFY(!item(u"deleteEventOkButton"_s)->hasActiveFocus()); // Cancel has it
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_VERIFY(!confirm->property("opened").toBool());
        QCOMPARE(overview->treatmentEvents().size(), 1);

        remove->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY(confirm->property("opened").toBool());
        item(u"deleteEventOkButton"_s)->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(!confirm->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(overview->treatmentEvents().size(), 0, 10000);

        // A year of weekly meetings does not make the card pages long: the latest eight, newest
        // first, and "Show all" (by keyboard) for the rest, and back.
        const QString code = overview->code();
        bool stored = false;
        m_session->vaultThread()->post(
            this, u"seeding"_s,
            [code](VaultThread::Worker &w) {
                for (int day = 1; day <= 10; ++day) {
                    uc::model::TreatmentEvent meeting;
                    meeting.clientCode = code;
                    meeting.kind = u"mutual-help"_s;
                    meeting.date = *uc::model::parseDate(u"2025-03-%1"_s.arg(day, 2, 10, QLatin1Char('0')));
                    meeting.program = u"smart"_s;
                    (void)w.open().treatmentEvents().add(meeting);
                }
                return true;
            },
            [&stored](bool done) { stored = done; });
        QTRY_VERIFY_WITH_TIMEOUT(stored, 10000);
        overview->open(code);
        QTRY_COMPARE_WITH_TIMEOUT(overview->treatmentEvents().size(), 10, 10000);
        QQuickItem *rows = item(u"treatmentEvents"_s);
        QTRY_COMPARE(rows->property("count").toInt(), 8);
        QQuickItem *showAll = item(u"showAllEventsButton"_s);
        QVERIFY(showAll && showAll->isVisible());
        QCOMPARE(showAll->property("text").toString(), u"Show all 10"_s);
        showAll->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_COMPARE(rows->property("count").toInt(), 10);
        QCOMPARE(showAll->property("text").toString(), u"Show the latest 8"_s);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_COMPARE(rows->property("count").toInt(), 8);
        QTest::keyClick(m_window, Qt::Key_Space);
        QTRY_COMPARE(rows->property("count").toInt(), 10);
    }

    // Use days by keyboard only (docs/use-days.md): Record use days… opens on the substance; a range
    // that ends before it starts is said inline and stores nothing; a week abstinent, then one day
    // used with its drinks as a correction (a plain record of it is refused inline: recorded
    // already); the strip shows a letter a day, the unknown days as '?'.
    void useDaysAreRecordedByKeyboard()
    {
        QCOMPARE(screen(), u"client-overview"_s);
        ClientOverview *overview = m_session->workspace()->overview();
        QVERIFY(overview->useDays().isEmpty());
        const auto keys = [this](const QString &text) {
            for (const QChar c : text)
                QTest::keyClick(m_window, c.toLatin1());
        };
        QQuickItem *add = item(u"recordUseDaysButton"_s);
        QVERIFY(add && add->isVisible());
        QObject *dialog = find(current(), u"useDayDialog"_s);
        QVERIFY(dialog);
        const auto openDialog = [&] {
            add->forceActiveFocus(Qt::TabFocusReason);
            QTest::keyClick(m_window, Qt::Key_Space);
            QTRY_VERIFY(dialog->property("opened").toBool());
            QTRY_VERIFY(item(u"useDaySubstance"_s)->hasActiveFocus());
        };
        openDialog();
        QTest::keyClick(m_window, Qt::Key_Escape); // Escape closes, nothing stored
        QTRY_VERIFY(!dialog->property("opened").toBool());

        // Alcohol (the first), 2025-03-10 back to 2025-03-04: refused inline.
        openDialog();
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(item(u"useDayFrom"_s)->hasActiveFocus());
        keys(u"2025-03-10"_s);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(item(u"useDayTo"_s)->hasActiveFocus());
        keys(u"2025-03-04"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY(item(u"useDayError"_s)->isVisible());
        QCOMPARE(item(u"useDayError"_s)->property("text").toString(), u"The range ends before it starts."_s);
        QVERIFY(dialog->property("opened").toBool());
        // From 2025-03-04 to 2025-03-10, abstinent (the default), Enter records.
        item(u"useDayFrom"_s)->setProperty("text", QString());
        item(u"useDayTo"_s)->setProperty("text", QString());
        item(u"useDayFrom"_s)->forceActiveFocus(Qt::TabFocusReason);
        keys(u"2025-03-04"_s);
        QTest::keyClick(m_window, Qt::Key_Tab);
        keys(u"2025-03-10"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(overview->useDays().size(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
        QCOMPARE(overview->useDayPeriod(), u"28 days to 2025-03-10"_s);
        QCOMPARE(overview->useDays().constFirst().toMap().value(u"strip"_s).toString(),
                 QString(21, u'?') + u"AAAAAAA"_s);

        // 2025-03-08 used, 5 drinks: first as a plain record (refused: recorded already), then replacing.
        openDialog();
        QTest::keyClick(m_window, Qt::Key_Tab);
        keys(u"2025-03-08"_s);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(item(u"useDayUsed"_s)->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Up); // abstinent -> used
        QVERIFY(dialog->property("used").toBool());
        QTest::keyClick(m_window, Qt::Key_Tab);
        QTRY_VERIFY(item(u"useDayAmount"_s)->hasActiveFocus());
        keys(u"5"_s);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(item(u"useDayError"_s)->isVisible(), 10000);
        QVERIFY2(item(u"useDayError"_s)->property("text").toString().contains(u"2025-03-08 is recorded already"_s),
                 qPrintable(item(u"useDayError"_s)->property("text").toString()));
        QVERIFY(dialog->property("opened").toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
        item(u"useDayReplace"_s)->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Space);
        QVERIFY(item(u"useDayReplace"_s)->property("checked").toBool());
        item(u"useDayAmount"_s)->forceActiveFocus(Qt::TabFocusReason);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->property("opened").toBool(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(overview->useDays().constFirst().toMap().value(u"strip"_s).toString(),
                                  QString(21, u'?') + u"AAAAUAA"_s, 10000);
        const QString summary = overview->useDays().constFirst().toMap().value(u"summary"_s).toString();
        QVERIFY2(summary.startsWith(u"used 1, abstinent 6, unknown 21 · 86% of known days abstinent · longest run "
                                    u"abstinent 4 · last use 2 days before"_s),
                 qPrintable(summary));
        QTRY_VERIFY_WITH_TIMEOUT(!m_session->vaultThread()->busy(), 10000);
    }
};

QTEST_MAIN(EndToEndTest)
#include "e2etest.moc"
