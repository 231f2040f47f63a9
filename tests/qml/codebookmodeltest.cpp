// SPDX-License-Identifier: GPL-3.0-or-later
// The codebook editor's data: each edit is one step on the vault's edits document (the core's
// format), the core's refusal reads as a sentence, a vault's additions are marked, and the model
// is sane under QAbstractItemModelTester; through a session, a malformed edit is refused with its
// reason and changes nothing.
#include "codebookmodel.h"
#include "sessiontestutil.h"
#include "vaultsettings.h"
#include "workspace.h"

#include "common/error.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using guitest::rowOf;

class CodebookModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // a session remembers its vault in the settings
    }

    void editsChangeOneThingAtATime()
    {
        QByteArray edits = uc::gui::editsWithThemeEnabled({}, u"anxiety"_s, false);
        QCOMPARE(QJsonDocument::fromJson(edits).object().value(u"disabled"_s).toArray(), QJsonArray{u"anxiety"_s});
        edits = uc::gui::editsWithNewTheme(edits, u"gambling"_s, u"Gambling"_s, {u"bet"_s, u"casino"_s});
        edits = uc::gui::editsWithPhrases(edits, u"anxiety"_s, {u"on edge"_s});
        const QJsonObject o = QJsonDocument::fromJson(edits).object();
        QCOMPARE(o.value(u"themes"_s).toArray().size(), 2);
        QCOMPARE(o.value(u"themes"_s).toArray().at(0).toObject().value(u"label"_s).toString(), u"Gambling"_s);
        QVERIFY(!o.value(u"themes"_s).toArray().at(1).toObject().contains(u"label"_s)); // phrases only: merged
        edits = uc::gui::editsWithThemeEnabled(edits, u"anxiety"_s, true);
        QVERIFY(!QJsonDocument::fromJson(edits).object().contains(u"disabled"_s));
        QCOMPARE(QJsonDocument::fromJson(edits).object().value(u"themes"_s).toArray().size(), 2);
    }

    void phrasesAndRefusalsReadAsTyped()
    {
        QCOMPARE(uc::gui::phrasesFrom(u" on edge ,\nwound  up,, "_s), (QStringList{u"on edge"_s, u"wound up"_s}));
        QCOMPARE(uc::gui::codebookRefusal(u"codebook: line 7: theme 'x' has no phrases"_s), u"Theme 'x' has no phrases."_s);
        QCOMPARE(uc::gui::codebookRefusal(u"an auditor cannot edit the codebook"_s), u"An auditor cannot edit the codebook."_s);
    }

    void theVaultsCodebookWithItsAdditionsLast()
    {
        QTemporaryDir dir;
        auto vault = guitest::createVault(dir.filePath(u"v"_s));
        vault->tagging().setCodebookEdits(uc::gui::editsWithNewTheme(
            uc::gui::editsWithThemeEnabled({}, u"anxiety"_s, false), u"gambling"_s, u"Gambling"_s, {u"bet"_s}));
        // The core refuses a malformed addition, and the edits in force stay.
        QVERIFY_THROWS_EXCEPTION(uc::Error, vault->tagging().setCodebookEdits(uc::gui::editsWithPhrases(vault->tagging().codebookEdits(),
                                                                                             u"gambling"_s, {u"b*t"_s})));
        CodebookModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(uc::gui::loadCodebook(*vault));
        const int last = model.rowCount() - 1;
        QCOMPARE(model.index(last).data(CodebookModel::ThemeRole).toString(), u"gambling"_s);
        QVERIFY(model.index(last).data(CodebookModel::CustomRole).toBool());
        QCOMPARE(model.index(last).data(CodebookModel::PhraseCountRole).toInt(), 1);
        QVERIFY(!model.index(0).data(CodebookModel::CustomRole).toBool());
        for (int i = 0; i < model.rowCount(); ++i) {
            if (model.index(i).data(CodebookModel::ThemeRole).toString() == u"anxiety")
                QVERIFY(!model.index(i).data(CodebookModel::EnabledRole).toBool());
        }
        model.clear();
        QCOMPARE(model.count(), 0);
    }

    void aMalformedCodebookEntryIsRefusedWithItsReason()
    {
        QTemporaryDir dir; // outlives the session, which closes the vault first
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, dir.filePath(u"vault"_s));
        session.workspace()->settings()->codebook()->load();
        QTRY_VERIFY_WITH_TIMEOUT(session.workspace()->settings()->codebook()->count() > 20, 10000);
        const int themes = session.workspace()->settings()->codebook()->count();
        QSignalSpy saved(session.workspace()->settings()->codebook(), &CodebookModel::saved);
        QSignalSpy refused(session.workspace()->settings()->codebook(), &CodebookModel::failed);

        session.workspace()->settings()->codebook()->addTheme(u"gambling-urges"_s, u"Gambling urges"_s, u"urge to bet, scratch card*"_s);
        QVERIFY(saved.wait(10000));
        QCOMPARE(session.workspace()->settings()->codebook()->count(), themes + 1);
        const int added = rowOf(*session.workspace()->settings()->codebook(), CodebookModel::ThemeRole, u"gambling-urges"_s);
        QVERIFY(session.workspace()->settings()->codebook()->index(added).data(CodebookModel::CustomRole).toBool());

        session.workspace()->settings()->codebook()->addPhrases(u"gambling-urges"_s, u"bet**ing"_s);
        QVERIFY(refused.wait(10000));
        QCOMPARE(guitest::messageOf(refused),
                 u"Theme 'gambling-urges': phrase \"bet**ing\": '*' may only end a word."_s);
        session.workspace()->settings()->codebook()->addTheme(u"Bad Id"_s, u"Bad"_s, u"something"_s);
        QVERIFY(refused.wait(10000));
        QCOMPARE(guitest::messageOf(refused), u"A theme id is 2 to 48 lowercase letters, digits or '-'."_s);
        session.workspace()->settings()->codebook()->addTheme(u"anxiety"_s, u"Mine"_s, u"worry"_s); // would replace the built-in one
        QCOMPARE(refused.count(), 3);
        QCOMPARE(session.workspace()->settings()->codebook()->count(), themes + 1); // the refusals changed nothing

        session.workspace()->settings()->codebook()->setThemeEnabled(u"anxiety"_s, false);
        QVERIFY(saved.wait(10000));
        const int anxiety = rowOf(*session.workspace()->settings()->codebook(), CodebookModel::ThemeRole, u"anxiety"_s);
        QVERIFY(!session.workspace()->settings()->codebook()->index(anxiety).data(CodebookModel::EnabledRole).toBool());
        QVERIFY(rowOf(*session.workspace()->settings()->codebook(), CodebookModel::ThemeRole, u"gambling-urges"_s) >= 0); // still there
        session.workspace()->settings()->codebook()->setThemeEnabled(u"anxiety"_s, true);
        QVERIFY(saved.wait(10000));
        QVERIFY(session.workspace()->settings()->codebook()->index(anxiety).data(CodebookModel::EnabledRole).toBool());
    }
};

QTEST_GUILESS_MAIN(CodebookModelTest)
#include "codebookmodeltest.moc"
