// SPDX-License-Identifier: GPL-3.0-or-later
// A note written with the keyboard alone, through the real window offscreen: from the clients list,
// Tab to the list and Enter, Tab to "New note…" and Enter, Enter again starts the note (the
// dialog's default button), the caret waits in the first section's body, typing keeps the heading
// whole, Tab leaves the text, Ctrl+S and Enter sign. (The vault and the client are made with the
// mouse first: that path is e2etest's.)
#include "buttonkeys.h"
#include "windowtestutil.h"
#include "clientlistmodel.h"
#include "noteeditor.h"
#include "vaultsession.h"
#include "workspace.h"

#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
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
};

QTEST_MAIN(KeyboardEndToEndTest)
#include "keyboarde2etest.moc"
