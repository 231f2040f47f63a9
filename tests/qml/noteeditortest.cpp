// SPDX-License-Identifier: GPL-3.0-or-later
// The note editor's model as a therapist relies on it: typing is handed on to be saved after a
// short pause and never later than two seconds, at once when asked (sign, leave, lock), never for
// a signed note; theme evidence stays highlighted on the right words while the text moves.
#include "noteeditor.h"
#include "offlinenetwork.h"
#include "notefields.h"
#include "evidencehighlighter.h"
#include "notedata.h"
#include "signchecklist.h"
#include "themetagmodel.h"

#include "model/notefields.h"

#include <QAbstractItemModelTester>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickTextDocument>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using uc::gui::TagRow;

namespace {

uc::gui::NoteData draft(const QString &text)
{
    uc::gui::NoteData d;
    d.id = 7;
    d.clientCode = u"C-0001"_s;
    d.templateId = u"free"_s;
    d.status = u"draft"_s;
    d.text = text;
    return d;
}

TagRow tag(qint64 id, const QString &theme, const QString &text, const QString &words)
{
    TagRow t;
    t.id = id;
    t.theme = theme;
    t.label = theme;
    t.evidence = words;
    t.decision = u"suggested"_s;
    t.start = static_cast<int>(text.indexOf(words));
    t.end = t.start + static_cast<int>(words.size());
    return t;
}

} // namespace

class NoteEditorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void offsetsCountCodePoints()
    {
        const QString text = u"a😀b abandoned"_s; // the emoji is two UTF-16 units, one code point
        QCOMPARE(uc::gui::utf16Offset(text, 0), 0);
        QCOMPARE(uc::gui::utf16Offset(text, 2), 3);
        QCOMPARE(uc::gui::utf16Offset(text, 4), 5);
        QCOMPARE(uc::gui::utf16Offset(text, 100), text.size());
    }

    void evidenceFollowsItsWords()
    {
        const QString stored = u"She felt abandoned. Later abandoned again."_s;
        TagRow t = tag(1, u"abandonment"_s, stored, u"abandoned"_s);
        QCOMPARE(uc::gui::locate(stored, t), std::make_optional(std::make_pair(9, 18)));
        // Text typed before the words moves them; the nearest occurrence is taken.
        const QString edited = u"Today: She felt abandoned. Later abandoned again."_s;
        QCOMPARE(uc::gui::locate(edited, t), std::make_optional(std::make_pair(16, 25)));
        // Words deleted: nowhere to highlight.
        QCOMPARE(uc::gui::locate(u"She felt fine."_s, t), std::nullopt);
    }

    void tagModelPlacesAndRelocates()
    {
        ThemeTagModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString stored = u"She drinks when she feels abandoned."_s;
        model.setTags({tag(1, u"substance-use"_s, stored, u"drinks"_s), tag(2, u"abandonment"_s, stored, u"abandoned"_s)},
                      stored);
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.data(model.index(1), ThemeTagModel::StartRole).toInt(), 26);
        QCOMPARE(model.data(model.index(1), ThemeTagModel::EvidenceRole).toString(), u"abandoned"_s);
        QCOMPARE(model.data(model.index(0), ThemeTagModel::TagIdRole).toLongLong(), 1);
        QSignalSpy moved(&model, &ThemeTagModel::placesChanged);
        model.relocate(u"Mon: She drinks when she feels abandoned."_s);
        QCOMPARE(moved.count(), 1);
        QCOMPARE(model.data(model.index(1), ThemeTagModel::StartRole).toInt(), 31);
        model.relocate(u"Mon: She drinks."_s);
        QCOMPARE(model.data(model.index(1), ThemeTagModel::StartRole).toInt(), -1);
        QCOMPARE(model.data(model.index(0), ThemeTagModel::StartRole).toInt(), 9);
        model.clear();
        QCOMPARE(model.count(), 0);
    }

    void freshTagsChangeOnlyTheRowsThatDiffer()
    {
        ThemeTagModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString stored = u"She drinks when she feels abandoned. Later she felt ashamed."_s;
        model.setTags({tag(1, u"substance-use"_s, stored, u"drinks"_s), tag(2, u"abandonment"_s, stored, u"abandoned"_s)},
                      stored);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy count(&model, &ThemeTagModel::countChanged);
        // After a save the vault tags the note again: the same words under new ids, and one more.
        model.setTags({tag(11, u"substance-use"_s, stored, u"drinks"_s), tag(12, u"abandonment"_s, stored, u"abandoned"_s),
                       tag(13, u"shame-guilt"_s, stored, u"ashamed"_s)},
                      stored);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 2);
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.count(), 3);
        QCOMPARE(model.data(model.index(0), ThemeTagModel::TagIdRole).toLongLong(), 11);
        QCOMPARE(model.data(model.index(2), ThemeTagModel::EvidenceRole).toString(), u"ashamed"_s);
        // A decision on one tag changes that row only.
        TagRow confirmed = tag(12, u"abandonment"_s, stored, u"abandoned"_s);
        confirmed.decision = u"confirmed"_s;
        model.setTags({tag(11, u"substance-use"_s, stored, u"drinks"_s), confirmed, tag(13, u"shame-guilt"_s, stored, u"ashamed"_s)},
                      stored);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.data(model.index(1), ThemeTagModel::DecisionRole).toString(), u"confirmed"_s);
        QCOMPARE(reset.count(), 0);
    }

    void tagsFromASaveAreShownWhereTheWordsAreNow()
    {
        // The save went out, then the therapist typed before the words and after them: the tags
        // the save brings back, placed in the stored text, are shown where the words are now.
        ThemeTagModel model;
        const QString stored = u"She drinks when she feels abandoned."_s;
        const QString edited = u"Mon: She drinks when she feels abandoned. More."_s;
        model.setTags({tag(1, u"abandonment"_s, stored, u"abandoned"_s), tag(2, u"substance-use"_s, stored, u"drinks"_s)},
                      stored, edited);
        QCOMPARE(model.data(model.index(0), ThemeTagModel::StartRole).toInt(), edited.indexOf(u"abandoned"_s));
        QCOMPARE(model.data(model.index(1), ThemeTagModel::StartRole).toInt(), edited.indexOf(u"drinks"_s));
        // Typing inside the words: they are looked for again, and gone when they are gone.
        model.relocate(u"Mon: She drinks when she feels aban. More."_s);
        QCOMPARE(model.data(model.index(0), ThemeTagModel::StartRole).toInt(), -1);
        QCOMPARE(model.data(model.index(1), ThemeTagModel::StartRole).toInt(), 9);
    }

    void highlightsFollowTyping()
    {
        QQmlEngine engine;
        uc::gui::refuseNetwork(engine);
        QQmlComponent component(&engine);
        component.setData("import QtQuick\nTextEdit { text: \"## Themes\\nShe drinks when she feels abandoned.\\n## Plan\\nWeekly.\" }",
                          QUrl());
        std::unique_ptr<QObject> edit(component.create());
        QVERIFY2(edit, qPrintable(component.errorString()));
        auto *document = edit->property("textDocument").value<QQuickTextDocument *>();
        QVERIFY(document);
        const QString text = edit->property("text").toString();
        ThemeTagModel model;
        model.setTags({tag(1, u"abandonment"_s, text, u"abandoned"_s), tag(2, u"coping"_s, text, u"Weekly"_s)}, text);
        EvidenceHighlighter highlighter;
        highlighter.setDocument(document);
        highlighter.setTags(&model);
        QTest::qWait(10); // QSyntaxHighlighter paints a new document on the next event-loop turn
        QCOMPARE(highlighter.highlightedLength(), 15);
        const auto highlightAt = [&](int position) {
            const QTextBlock block = document->textDocument()->findBlock(position);
            for (const QTextLayout::FormatRange &r : block.layout()->formats())
                if (r.start == position - block.position() && r.length == 9 && r.format.hasProperty(QTextFormat::BackgroundBrush))
                    return true;
            return false;
        };
        QVERIFY(highlightAt(static_cast<int>(text.indexOf(u"abandoned"_s))));
        // Typing before the words, in their paragraph and in the one above: the highlight stays on
        // them, and only the two paragraphs typed in are painted again.
        const int paintedBefore = highlighter.paintedBlocks();
        QMetaObject::invokeMethod(edit.get(), "insert", Q_ARG(int, 10), Q_ARG(QString, u"Mon: "_s));
        model.relocate(edit->property("text").toString());
        QMetaObject::invokeMethod(edit.get(), "insert", Q_ARG(int, 3), Q_ARG(QString, u"Key "_s));
        model.relocate(edit->property("text").toString());
        const QString now = edit->property("text").toString();
        QVERIFY(highlightAt(static_cast<int>(now.indexOf(u"abandoned"_s))));
        QCOMPARE(highlighter.highlightedLength(), 15);
        QCOMPARE(highlighter.paintedBlocks() - paintedBefore, 2);
        // Rejected: no highlight.
        TagRow rejected = tag(1, u"abandonment"_s, now, u"abandoned"_s);
        rejected.decision = u"rejected"_s;
        model.setTags({rejected}, now);
        QVERIFY(!highlightAt(static_cast<int>(now.indexOf(u"abandoned"_s))));
    }

    void typingIsSavedAfterAPauseWithinTwoSeconds()
    {
        NoteEditor editor;
        editor.set(draft(u"Start."_s));
        QSignalSpy save(editor.draft(), &NoteDraft::saveRequested);
        QElapsedTimer clock;
        clock.start();
        editor.draft()->edit(u"Start. She"_s);
        QCOMPARE(editor.draft()->saveState(), u"unsaved"_s);
        QTest::qWait(300);
        editor.draft()->edit(u"Start. She felt"_s); // still typing: the pause starts again
        QCOMPARE(save.count(), 0);
        QVERIFY(save.wait(NoteDraft::debounceMs + 500));
        QCOMPARE(save.count(), 1);
        QVERIFY2(clock.elapsed() <= 300 + 2000, "never more than two seconds of typing at risk");
        QCOMPARE(save.first().at(0).toLongLong(), 7);
        QCOMPARE(save.first().at(2).toString(), u"Start. She felt"_s);
        QCOMPARE(editor.draft()->saveState(), u"saving"_s);
        editor.draft()->saved(u"Start. She felt"_s, {});
        QCOMPARE(editor.draft()->saveState(), u"saved"_s);
    }

    void continuousTypingIsSavedWithinTwoSeconds()
    {
        NoteEditor editor;
        editor.set(draft(QString()));
        QSignalSpy save(editor.draft(), &NoteDraft::saveRequested);
        QElapsedTimer clock;
        clock.start();
        QString text;
        qint64 firstSave = -1;
        // A keystroke every 100 ms for four seconds: the pause after typing never comes.
        while (clock.elapsed() < 4000) {
            text += u'a';
            editor.draft()->edit(text);
            QTest::qWait(100);
            if (firstSave < 0 && save.count() > 0)
                firstSave = clock.elapsed();
        }
        QVERIFY2(firstSave > 0 && firstSave <= 2000, qPrintable(u"first save after %1 ms"_s.arg(firstSave)));
        QVERIFY(save.count() >= 2);
    }

    void flushSavesAtOnceAndOnlyWhatIsUnsaved()
    {
        NoteEditor editor;
        editor.set(draft(u"Start."_s));
        QSignalSpy save(editor.draft(), &NoteDraft::saveRequested);
        editor.draft()->flush();
        QCOMPARE(save.count(), 0); // nothing typed
        editor.draft()->edit(u"Start. More."_s);
        editor.draft()->flush();
        QCOMPARE(save.count(), 1);
        QTest::qWait(NoteDraft::debounceMs + 200);
        QCOMPARE(save.count(), 1); // the pending pause was cancelled by the flush
        editor.draft()->saveFailed();
        QCOMPARE(editor.draft()->saveState(), u"unsaved"_s);
        QVERIFY(editor.draft()->hasUnsavedText());
    }

    // The sign dialog's list: suggestions neither confirmed nor rejected, and sections with nothing in them.
    void theSignChecklistNamesUnreviewedSuggestionsAndEmptySections()
    {
        const QString text = u"## Subjective\nFelt left  out again.\n## Objective\n   \n## Assessment\n## Plan\nWeekly."_s;
        QCOMPARE(uc::gui::emptySections(text), (QStringList{u"Objective"_s, u"Assessment"_s}));
        QCOMPARE(uc::gui::emptySections(u"## Plan\n"_s), QStringList{u"Plan"_s});
        QCOMPARE(uc::gui::emptySections(u"No headings at all."_s), QStringList());
        QCOMPARE(uc::gui::emptySections(QString()), QStringList());
        TagRow suggested = tag(1, u"Abandonment"_s, text, u"Felt left  out"_s);
        TagRow confirmed = tag(2, u"Loneliness"_s, text, u"again"_s);
        confirmed.decision = u"confirmed"_s;
        TagRow rejected = tag(3, u"Shame"_s, text, u"Weekly"_s);
        rejected.decision = u"rejected"_s;
        QCOMPARE(uc::gui::undecidedSuggestions({suggested, confirmed, rejected}),
                 QStringList{u"Abandonment: “Felt left out”"_s});
        SignChecklist checklist;
        QSignalSpy changed(&checklist, &SignChecklist::changed);
        ThemeTagModel tags;
        tags.setTags({suggested, confirmed, rejected}, text);
        checklist.check(text, &tags);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(checklist.undecided().size(), 1);
        QCOMPARE(checklist.emptySections().size(), 2);
    }

    void aSignedNoteIsReadOnly()
    {
        NoteEditor editor;
        uc::gui::NoteData signedNote = draft(u"Done."_s);
        signedNote.status = u"signed"_s;
        editor.set(signedNote);
        QVERIFY(editor.readOnly());
        QSignalSpy save(editor.draft(), &NoteDraft::saveRequested);
        editor.draft()->edit(u"Done. Changed."_s);
        editor.draft()->flush();
        QCOMPARE(save.count(), 0);
        QCOMPARE(editor.draft()->saveState(), u"saved"_s);
        editor.clear();
        QCOMPARE(editor.noteId(), 0);
        QVERIFY(editor.readOnly()); // no note open: nothing to type into
    }

    // The addiction fields are their sections' text in a form that reads back; anything else
    // written there is kept and shown as it was written.
    void addictionFieldsReadBackFromTheirSections()
    {
        const uc::model::Template *addiction = uc::model::findTemplate(u"addiction"_s);
        QVERIFY(addiction);
        for (QStringView title : {uc::gui::useSection, uc::gui::cravingsSection, uc::gui::triggersSection, uc::gui::stageSection})
            QVERIFY2(addiction->sections.contains(title.toString()), "the template has the section");

        const QString text = u"## Use since last session\nSubstance: alcohol\nAmount: six cans\nLast use: Saturday night\n"
                             "## Cravings (0-10)\n7\n## Triggers and high-risk situations\nPayday; her brother's visits.\n"
                             "## Stage of change\ncontemplation\n## Plan\nCraving log."_s;
        uc::gui::AddictionFields f = uc::gui::addictionFieldsOf(uc::model::sectionsFromText(text, u"addiction"_s));
        QCOMPARE(f.cravings, 7);
        QCOMPARE(f.stage, 1);
        QCOMPARE(uc::gui::stageText(f.stage), u"Contemplation"_s);
        QCOMPARE(f.substance, u"alcohol"_s);
        QCOMPARE(f.amount, u"six cans"_s);
        QCOMPARE(f.lastUse, u"Saturday night"_s);
        QCOMPARE(f.triggers, u"Payday; her brother's visits."_s);
        QVERIFY(f.cravingsText.isEmpty() && f.stageText.isEmpty() && f.useText.isEmpty());
        QCOMPARE(f.daysAbstinent, -1);
        QCOMPARE(uc::gui::useText(f), u"Substance: alcohol\nAmount: six cans\nLast use: Saturday night"_s);

        // Written some other way (an older note, or by hand): kept whole, shown as free text.
        const QString legacy = u"## Use since last session\nTwo glasses of wine on Friday.\nSubstance: wine\n"
                               "## Cravings (0-10)\nabout 7, down from 9\n## Stage of change\nmoving towards action"_s;
        f = uc::gui::addictionFieldsOf(uc::model::sectionsFromText(legacy, u"addiction"_s));
        QCOMPARE(f.cravings, -1);
        QCOMPARE(f.cravingsText, u"about 7, down from 9"_s);
        QCOMPARE(f.stage, -1);
        QCOMPARE(f.stageText, u"moving towards action"_s);
        QCOMPARE(f.substance, u"wine"_s);
        QCOMPARE(f.useText, u"Two glasses of wine on Friday."_s);
        f.amount = u"two glasses"_s;
        QCOMPARE(uc::gui::useText(f), u"Substance: wine\nAmount: two glasses\nTwo glasses of wine on Friday."_s);
        // 11 is not on the scale; "7/10" is.
        QCOMPARE(uc::gui::addictionFieldsOf({{u"Cravings (0-10)"_s, u"11"_s}}).cravings, -1);
        QCOMPARE(uc::gui::addictionFieldsOf({{u"Cravings (0-10)"_s, u"7/10"_s}}).cravings, 7);
    }

    // Days abstinent is the use section's "Days abstinent: N" line, the form the core reads the
    // typed value from; words written there instead are kept as written.
    void daysAbstinentIsTheUseSectionsLabelledLine()
    {
        const auto fieldsOf = [](const QString &use) {
            return uc::gui::addictionFieldsOf({{QString::fromUtf16(uc::gui::useSection), use}});
        };
        uc::gui::AddictionFields f = fieldsOf(u"Substance: alcohol\nDays abstinent: 12\nSober since the 1st."_s);
        QCOMPARE(f.daysAbstinent, 12);
        QVERIFY(f.daysAbstinentText.isEmpty());
        QCOMPARE(f.useText, u"Sober since the 1st."_s);
        QCOMPARE(fieldsOf(u"days abstinent: 30 days."_s).daysAbstinent, 30);
        f = fieldsOf(u"Days abstinent: about two weeks"_s);
        QCOMPARE(f.daysAbstinent, -1);
        QCOMPARE(f.daysAbstinentText, u"about two weeks"_s);
        QCOMPARE(uc::gui::useText(f), u"Days abstinent: about two weeks"_s); // kept, not dropped
        QCOMPARE(fieldsOf(u"Days abstinent: 99999999"_s).daysAbstinent, -1); // beyond any life

        // Whatever the card writes, the core reads back as the note's typed value.
        f = {};
        f.substance = u"alcohol"_s;
        f.daysAbstinent = 12;
        const QString use = uc::gui::useText(f);
        QCOMPARE(use, u"Substance: alcohol\nDays abstinent: 12"_s);
        const QList<uc::model::FieldValue> values =
            uc::model::fieldValuesOf({{QString::fromUtf16(uc::gui::useSection), use}});
        QCOMPARE(values, (QList<uc::model::FieldValue>{{uc::model::Field::DaysAbstinent, 12}}));
    }

    void aSectionIsRewrittenInPlace()
    {
        const QString text = u"## A\none\n## B\n## C"_s;
        QCOMPARE(uc::gui::sectionEdit(text, u"A", u"1"_s).applyTo(text), u"## A\n1\n## B\n## C"_s);
        QCOMPARE(uc::gui::sectionEdit(text, u"B", u"2"_s).applyTo(text), u"## A\none\n## B\n2\n## C"_s);
        QCOMPARE(uc::gui::sectionEdit(text, u"C", u"3"_s).applyTo(text), u"## A\none\n## B\n## C\n3"_s);
        QCOMPARE(uc::gui::sectionEdit(text, u"D", u"4"_s).applyTo(text), u"## A\none\n## B\n## C\n## D\n4"_s);
        const uc::gui::TextEdit a = uc::gui::sectionEdit(text, u"A", u"1"_s);
        QCOMPARE(a.position, 5);
        QCOMPARE(a.removed, 3);
    }

    void structuredFieldsAreSavedAsTextAndLoadedBack()
    {
        NoteEditor editor;
        uc::gui::NoteData note = draft(u"## Use since last session\n\n## Cravings (0-10)\n\n"
                                       "## Triggers and high-risk situations\n\n## Stage of change\n\n## Plan\nKeep the log."_s);
        note.templateId = u"addiction"_s;
        editor.set(note);
        QVERIFY(editor.fields()->available());
        QCOMPARE(editor.fields()->cravings(), -1);
        QSignalSpy replaced(editor.fields(), &StructuredFields::textReplaced);
        QSignalSpy save(editor.draft(), &NoteDraft::saveRequested);
        editor.fields()->set(u"cravings"_s, 7);
        editor.fields()->set(u"stage"_s, 2);
        editor.fields()->set(u"substance"_s, u"alcohol "_s); // typed, the space still there
        editor.fields()->set(u"lastUse"_s, u"Friday"_s);
        editor.fields()->set(u"cravings"_s, 11); // off the scale: refused
        QCOMPARE(replaced.count(), 4);
        editor.fields()->set(u"daysAbstinent"_s, 9);
        editor.fields()->set(u"daysAbstinent"_s, 12);
        editor.fields()->set(u"daysAbstinent"_s, uc::model::maxDaysAbstinent + 1); // refused
        editor.fields()->set(u"daysAbstinent"_s, u"a fortnight"_s); // not a number: refused
        QCOMPARE(replaced.count(), 6);
        QCOMPARE(editor.fields()->daysAbstinent(), 12);
        QCOMPARE(editor.fields()->substance(), u"alcohol "_s);
        // The view makes the same edit: the text on screen and the editor's agree.
        QString onScreen = note.text;
        for (const QList<QVariant> &r : std::as_const(replaced))
            onScreen.replace(r.at(0).toInt(), r.at(1).toInt(), r.at(2).toString());
        QCOMPARE(onScreen, editor.draft()->editedText());
        editor.draft()->flush();
        QCOMPARE(save.count(), 1);
        const QString saved = save.first().at(2).toString();
        QVERIFY(saved.contains(u"## Cravings (0-10)\n7\n"_s));
        QVERIFY(saved.contains(u"## Stage of change\nPreparation\n"_s));
        QVERIFY(saved.contains(u"## Use since last session\nSubstance: alcohol\nLast use: Friday\nDays abstinent: 12\n"_s));
        // The typed values the core stores for the note (model/notefields.h), read from that text.
        const QList<uc::model::FieldValue> values =
            uc::model::fieldValuesOf(uc::model::sectionsFromText(saved, u"addiction"_s));
        QVERIFY(values.contains(uc::model::FieldValue{uc::model::Field::DaysAbstinent, 12}));
        QVERIFY(values.contains(uc::model::FieldValue{uc::model::Field::Craving, 7}));
        QVERIFY(saved.endsWith(u"## Plan\nKeep the log."_s));

        // Stored (as the vault does: sections trimmed) and opened again: the same values.
        NoteEditor reopened;
        note.text = uc::model::textOf(uc::model::sectionsFromText(saved, u"addiction"_s));
        reopened.set(note);
        QCOMPARE(reopened.fields()->cravings(), 7);
        QCOMPARE(reopened.fields()->stage(), 2);
        QCOMPARE(reopened.fields()->substance(), u"alcohol"_s);
        QCOMPARE(reopened.fields()->lastUse(), u"Friday"_s);
        QCOMPARE(reopened.fields()->daysAbstinent(), 12);

        // Typing in the text itself moves the fields too.
        QSignalSpy changed(reopened.fields(), &StructuredFields::changed);
        QString typed = reopened.draft()->editedText();
        typed.replace(u"## Cravings (0-10)\n7"_s, u"## Cravings (0-10)\n4"_s);
        reopened.draft()->edit(typed);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reopened.fields()->cravings(), 4);
        reopened.draft()->edit(typed + u" More."_s); // elsewhere: the fields stay as they are
        QCOMPARE(changed.count(), 1);

        // Another template has no fields, and a signed note takes none.
        NoteEditor other;
        other.set(draft(u"Cravings 7."_s));
        QVERIFY(!other.fields()->available());
        QSignalSpy otherReplaced(other.fields(), &StructuredFields::textReplaced);
        other.fields()->set(u"cravings"_s, 3);
        QCOMPARE(otherReplaced.count(), 0);
    }
};

QTEST_MAIN(NoteEditorTest)
#include "noteeditortest.moc"
