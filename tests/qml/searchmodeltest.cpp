// SPDX-License-Identifier: GPL-3.0-or-later
// Search results: the matched words highlighted and everything else escaped (a note's "<" never
// becomes markup), plain text for screen readers, and a sane model under QAbstractItemModelTester;
// through a session, the search answers later from the vault thread.
#include "searchmodel.h"
#include "sessiontestutil.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class SearchModelTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // a session remembers its vault in the settings
    }

    void matchedWordsAreHighlightedAndTheRestEscaped()
    {
        const QString html = uc::gui::snippetHtml(u"…she [drinks] when <alone> & [abandoned]"_s, u"#ffee00"_s);
        QCOMPARE(html,
                 u"…she <span style=\"background-color:#ffee00; color:#1f2933; font-weight:600\">drinks</span> when "
                 "&lt;alone&gt; &amp; <span style=\"background-color:#ffee00; color:#1f2933; font-weight:600\">"
                 "abandoned</span>"_s);
        QVERIFY(uc::gui::snippetHtml(u"an [open match"_s, u"#fff"_s).endsWith(u"</span>"_s)); // closed anyway
        QCOMPARE(uc::gui::snippetPlain(u"she [drinks] when"_s), u"she drinks when"_s);
    }

    void modelHoldsTheHitsBestFirst()
    {
        SearchResultModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&model, &SearchResultModel::countChanged);
        model.setLoading(true);
        model.setRows(u"drinks"_s, {{7, u"C-0001"_s, u"Ann Example"_s, u"2025-03-10"_s, u"progress"_s, u"she [drinks]"_s},
                                    {9, u"C-0002"_s, u"Bea Example"_s, u"2025-03-11"_s, u"process"_s, u"[drinks] again"_s}});
        QVERIFY(!model.loading());
        QCOMPARE(count.count(), 1);
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.query(), u"drinks"_s);
        QCOMPARE(model.index(1).data(SearchResultModel::NoteIdRole).toLongLong(), 9);
        QCOMPARE(model.index(1).data(SearchResultModel::KindRole).toString(), u"process"_s);
        QCOMPARE(model.index(0).data(SearchResultModel::SnippetRole).toString(), u"she drinks"_s);
        QVERIFY(model.index(0).data(SearchResultModel::SnippetHtmlRole).toString().contains(u">drinks</span>"_s));
        QCOMPARE(model.roleNames().value(SearchResultModel::SnippetHtmlRole), QByteArray("snippetHtml"));
        model.clear();
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.query(), QString());
    }

    void searchHighlightsWhatMatched()
    {
        QTemporaryDir dir; // outlives the session, which closes the vault first
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, dir.filePath(u"vault"_s));
        QSignalSpy done(session.workspace()->searchResults(), &SearchResultModel::finished);
        session.workspace()->searchResults()->search(u"abandoned"_s);
        QCOMPARE(done.count(), 0);
        QVERIFY(done.wait(10000));
        SearchResultModel *results = session.workspace()->searchResults();
        QCOMPARE(results->count(), 2);
        QCOMPARE(results->query(), u"abandoned"_s);
        const QModelIndex first = results->index(0);
        QCOMPARE(first.data(SearchResultModel::ClientCodeRole).toString(), u"C-0001"_s);
        QCOMPARE(first.data(SearchResultModel::ClientNameRole).toString(), u"Ann Example"_s);
        QVERIFY(first.data(SearchResultModel::NoteIdRole).toLongLong() > 0);
        QVERIFY2(first.data(SearchResultModel::SnippetHtmlRole).toString().contains(u">abandoned</span>"_s),
                 qPrintable(first.data(SearchResultModel::SnippetHtmlRole).toString()));
        QVERIFY(!first.data(SearchResultModel::SnippetRole).toString().contains(u'['));

        session.workspace()->searchResults()->search(u"   "_s);
        QCOMPARE(results->count(), 0);
        session.lock();
        QCOMPARE(results->count(), 0);
    }
};

QTEST_GUILESS_MAIN(SearchModelTest)
#include "searchmodeltest.moc"
