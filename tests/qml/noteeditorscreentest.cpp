// SPDX-License-Identifier: GPL-3.0-or-later
// The note editor screen by keyboard, as a therapist writes all day: a note opens with the caret
// in its first section's body (never in a heading), Tab and Shift+Tab leave the text (Ctrl+Tab
// types a tab), headings look like headings while the text keeps its "## "; the themes panel has
// one card per theme with all its evidence, overlapping evidence is one highlight, and a reopened
// draft shows its highlights before any keystroke.
#include "evidencehighlighter.h"
#include "guitestutil.h"
#include "noteeditor.h"
#include "offlinenetwork.h"
#include "notedata.h"
#include "vaultsession.h"

#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickTextDocument>
#include <QQuickWindow>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <memory>
#include <string_view>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;
using uc::gui::TagRow;

namespace {

const QString kTemplate = u"## Presenting concerns\n\n## Plan\n"_s;

uc::gui::NoteData draft(qint64 id, const QString &text, const QList<TagRow> &tags = {})
{
    uc::gui::NoteData d;
    d.id = id;
    d.clientCode = u"C-0001"_s;
    d.templateId = u"free"_s;
    d.status = u"draft"_s;
    d.text = text;
    d.tags = tags;
    return d;
}

TagRow tag(qint64 id, const QString &theme, const QString &text, const QString &words, const QString &decision = u"suggested"_s)
{
    TagRow t;
    t.id = id;
    t.theme = theme;
    t.label = theme;
    t.evidence = words;
    t.decision = decision;
    t.start = static_cast<int>(text.indexOf(words));
    t.end = t.start + static_cast<int>(words.size());
    return t;
}

// Whether the character at position carries a highlight (a background).
bool highlighted(QTextDocument *doc, int position)
{
    const QTextBlock block = doc->findBlock(position);
    const int at = position - block.position();
    for (const QTextLayout::FormatRange &r : block.layout()->formats())
        if (at >= r.start && at < r.start + r.length && r.format.hasProperty(QTextFormat::BackgroundBrush))
            return true;
    return false;
}

// The item named name under root, delegates included (a view's delegates have no QObject parent).
QQuickItem *findItem(QQuickItem *root, const QString &name)
{
    if (root->objectName() == name)
        return root;
    const auto children = root->childItems();
    for (QQuickItem *child : children)
        if (QQuickItem *found = findItem(child, name))
            return found;
    return nullptr;
}

void collectItems(QQuickItem *root, const QString &name, QList<QQuickItem *> &found)
{
    if (root->objectName() == name)
        found.append(root);
    const auto children = root->childItems();
    for (QQuickItem *child : children)
        collectItems(child, name, found);
}

} // namespace

class NoteEditorScreenTest : public QObject
{
    Q_OBJECT

    std::unique_ptr<VaultSession> m_session;
    std::unique_ptr<NoteEditor> m_note;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow *m_window = nullptr;

    [[nodiscard]] QQuickItem *item(const QString &name) const { return m_window->findChild<QQuickItem *>(name); }
    [[nodiscard]] QQuickItem *editor() const { return item(u"noteText"_s); }
    [[nodiscard]] QTextDocument *document() const
    {
        return editor()->property("textDocument").value<QQuickTextDocument *>()->textDocument();
    }
    [[nodiscard]] QString text() const { return editor()->property("text").toString(); }
    [[nodiscard]] int caret() const { return editor()->property("cursorPosition").toInt(); }
    // Opens data in the editor and waits until the screen has put the keyboard in it.
    void open(const uc::gui::NoteData &data)
    {
        m_note->set(data);
        QTRY_VERIFY(editor()->hasActiveFocus() && text() == data.text && caret() == m_note->draft()->firstBodyPosition());
        QTest::qWait(20); // the screen focuses a note once, on the next event-loop turn
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_session = std::make_unique<VaultSession>(nullptr);
        VaultSession::setInstance(m_session.get());
        m_note = std::make_unique<NoteEditor>();
        m_engine = std::make_unique<QQmlApplicationEngine>();
        uc::gui::refuseNetwork(*m_engine);
        m_engine->addImportPath(u"qrc:/"_s);
        m_engine->setInitialProperties({{u"note"_s, QVariant::fromValue(m_note.get())}});
        m_engine->loadData(R"(import QtQuick
import QtQuick.Controls
import Undercurrent
ApplicationWindow {
    id: win
    required property NoteEditor note
    width: 1024
    height: 700
    visible: true
    NoteEditorScreen { anchors.fill: parent; note: win.note; userName: "asmith" }
})");
        QVERIFY(!m_engine->rootObjects().isEmpty());
        m_window = qobject_cast<QQuickWindow *>(m_engine->rootObjects().constFirst());
        QVERIFY(m_window);
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase()
    {
        m_engine.reset();
        m_note.reset();
        VaultSession::setInstance(nullptr);
        m_session.reset();
    }

    void aNewNoteFocusesTheFirstSectionsBody()
    {
        m_note->set(draft(1, kTemplate));
        QTRY_VERIFY(editor()->hasActiveFocus());
        QCOMPARE(caret(), kTemplate.indexOf(u'\n') + 1);
        for (const char c : std::string_view("Craving"))
            QTest::keyClick(m_window, c);
        QCOMPARE(text(), u"## Presenting concerns\nCraving\n## Plan\n"_s); // the heading is whole
    }

    void aReopenedNoteFocusesTheEndOfItsFirstBody()
    {
        const QString written = u"## Presenting concerns\nSlept badly.\n\n## Plan\nWeekly.\n"_s;
        m_note->set(draft(2, written));
        QTRY_COMPARE(caret(), static_cast<int>(written.indexOf(u"badly.") + 6));
        QVERIFY(editor()->hasActiveFocus());
    }

    void tabLeavesTheEditorAndCtrlTabTypesATab()
    {
        open(draft(3, kTemplate));
        QTest::keyClick(m_window, Qt::Key_Tab);
        QVERIFY(!editor()->hasActiveFocus());
        QCOMPARE(text(), kTemplate);
        QTest::keyClick(m_window, Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY(editor()->hasActiveFocus());
        QTest::keyClick(m_window, Qt::Key_Backtab, Qt::ShiftModifier);
        QVERIFY2(!editor()->hasActiveFocus(), m_window->activeFocusItem() ? m_window->activeFocusItem()->metaObject()->className() : "none");
        editor()->forceActiveFocus();
        QTest::keyClick(m_window, Qt::Key_Tab, Qt::ControlModifier);
        QVERIFY(editor()->hasActiveFocus());
        QVERIFY(text().contains(u'\t'));
    }

    void headingsAreStyledNotRaw()
    {
        m_note->set(draft(4, kTemplate));
        QTRY_COMPARE(text(), kTemplate); // the stored format is unchanged
        QTest::qWait(10);
        const QTextBlock heading = document()->firstBlock();
        bool markerHidden = false;
        bool titleLarger = false;
        for (const QTextLayout::FormatRange &r : heading.layout()->formats()) {
            if (r.start == 0 && r.length == 3 && r.format.intProperty(QTextFormat::FontPixelSize) == 1)
                markerHidden = true;
            if (r.start == 3 && r.format.intProperty(QTextFormat::FontPixelSize) > 15)
                titleLarger = true;
        }
        QVERIFY(markerHidden);
        QVERIFY(titleLarger);
    }

    void aReopenedDraftShowsItsHighlightsAtOnce()
    {
        const QString written = u"## Presenting concerns\nShe drank after he left; she felt abandoned.\n## Plan\n"_s;
        m_note->set(draft(5, kTemplate));
        QTRY_COMPARE(text(), kTemplate);
        m_note->set(draft(6, written, {tag(1, u"abandonment"_s, written, u"felt abandoned"_s)}));
        QTRY_COMPARE(text(), written);
        QTRY_VERIFY(highlighted(document(), static_cast<int>(written.indexOf(u"abandoned"))));
        QVERIFY(!highlighted(document(), static_cast<int>(written.indexOf(u"drank"))));
    }

    void oneCardPerThemeWithAllItsEvidence()
    {
        const QString written = u"## Presenting concerns\nHe left. She felt abandoned, alone, left behind. Craving at night.\n## Plan\n"_s;
        m_note->set(draft(7, written,
                          {tag(1, u"abandonment"_s, written, u"felt abandoned"_s), tag(2, u"abandonment"_s, written, u"alone"_s),
                           tag(3, u"abandonment"_s, written, u"left behind"_s), tag(4, u"craving"_s, written, u"Craving"_s)}));
        QTRY_COMPARE(text(), written);
        const QVariantList themes = m_note->tagging()->tags()->themes();
        QCOMPARE(themes.size(), 2);
        QCOMPARE(themes.at(0).toMap().value(u"theme"_s).toString(), u"abandonment"_s);
        QCOMPARE(themes.at(0).toMap().value(u"evidence"_s).toList().size(), 3);
        QCOMPARE(themes.at(0).toMap().value(u"tagIds"_s).toList().size(), 3);
        auto *list = item(u"tagList"_s);
        QVERIFY(list);
        QTRY_COMPARE(list->property("count").toInt(), 2);
        QQuickItem *card = nullptr;
        QTRY_VERIFY((card = findItem(m_window->contentItem(), u"themeCard-abandonment"_s)) != nullptr);
        QList<QQuickItem *> labels;
        collectItems(card, u"evidence"_s, labels);
        int phrases = 0;
        for (QQuickItem *label : std::as_const(labels))
            phrases += label->isVisible() ? 1 : 0;
        QCOMPARE(phrases, 3);
    }

    void overlappingEvidenceIsOneHighlight()
    {
        const QString written = u"## Presenting concerns\nShe felt abandoned and alone.\n## Plan\n"_s;
        TagRow wide = tag(1, u"abandonment"_s, written, u"felt abandoned and alone"_s);
        TagRow inner = tag(2, u"loneliness"_s, written, u"abandoned and"_s, u"confirmed"_s);
        TagRow apart = tag(3, u"craving"_s, written, u"She"_s);
        const QList<EvidenceRun> runs = evidenceRuns({wide, inner, apart});
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(1).start, wide.start);
        QCOMPARE(runs.at(1).end, wide.end);
        QVERIFY(runs.at(1).confirmed);
        m_note->set(draft(8, written, {wide, inner}));
        QTRY_COMPARE(text(), written);
        auto *highlighter = m_window->findChild<EvidenceHighlighter *>(u"evidenceHighlighter"_s);
        QVERIFY(highlighter);
        QTRY_COMPARE(highlighter->highlightedLength(), wide.end - wide.start);
        // One format range over the whole stretch: no seam where the inner span starts or ends.
        QTRY_VERIFY(highlighted(document(), wide.start));
        const QTextBlock block = document()->findBlock(wide.start);
        int ranges = 0;
        for (const QTextLayout::FormatRange &r : block.layout()->formats())
            if (r.format.hasProperty(QTextFormat::BackgroundBrush))
                ++ranges;
        QCOMPARE(ranges, 1);
    }
};

QTEST_MAIN(NoteEditorScreenTest)
#include "noteeditorscreentest.moc"
