// SPDX-License-Identifier: GPL-3.0-or-later
// The import screen's preview: one row per row of the file in file order with its status (OK or
// every reason it is refused), the counts the dialog shows, and VaultSession's preview and import
// running on the vault thread: nothing written by a preview, "Import" only when every row is good,
// all rows written as drafts, the preview emptied at lock.
#include "sessiontestutil.h"
#include "importmodel.h"
#include "clientlistmodel.h"
#include "vaultsession.h"
#include "workspace.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray header = "client_code,date,time,minutes,modality,setting,template,kind,text\n";
const QByteArray mixed = header
    + "C-0001,2025-03-01,,,group,,soap,,She drinks when she feels abandoned.\n"
      "C-0001,2025-02-30,,,solo,,,,Bad date and modality.\n"
      "C-0009,2025-03-03,,,,,,,Unknown client.\n";

QString column(const QAbstractItemModel &m, int row, int column)
{
    return m.data(m.index(row, column), Qt::DisplayRole).toString();
}

} // namespace

class ImportModelTest : public guitest::SessionTest
{
    Q_OBJECT

private:
    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        startTestCase();
    }

    void rowsShowEachRowsStatusInFileOrder()
    {
        ImportPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), int(ImportPreviewModel::ColumnCount));
        QVERIFY(!model.canImport());

        uc::import::ImportParse parse = uc::import::parseCsv(mixed);
        const QStringList created = uc::import::checkClients(parse, {u"C-0001"_s}, false);
        QVERIFY(created.isEmpty());
        QSignalSpy changed(&model, &ImportPreviewModel::changed);
        model.setPreview(u"notes.csv"_s, parse, created, false);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.count(), 3);
        QCOMPARE(model.errorCount(), 2);
        QCOMPARE(model.noteCount(), 0);
        QVERIFY(!model.canImport());

        QCOMPARE(column(model, 0, ImportPreviewModel::WhereColumn), u"line 2"_s);
        QCOMPARE(column(model, 0, ImportPreviewModel::ClientColumn), u"C-0001"_s);
        QCOMPARE(column(model, 0, ImportPreviewModel::DateColumn), u"2025-03-01"_s);
        QCOMPARE(column(model, 0, ImportPreviewModel::ModalityColumn), u"group"_s);
        QCOMPARE(column(model, 0, ImportPreviewModel::TemplateColumn), u"SOAP"_s);
        QCOMPARE(column(model, 0, ImportPreviewModel::StatusColumn), u"OK"_s);
        QCOMPARE(model.data(model.index(0, 0), ImportPreviewModel::OkRole).toBool(), true);
        // A row refused while read: every reason, never its text.
        QCOMPARE(column(model, 1, ImportPreviewModel::WhereColumn), u"line 3"_s);
        QCOMPARE(column(model, 1, ImportPreviewModel::StatusColumn),
                 u"date: no such day in the calendar; modality: unknown modality (individual, group, couple or family)"_s);
        QCOMPARE(model.data(model.index(1, 0), ImportPreviewModel::OkRole).toBool(), false);
        // A row refused for its client keeps what was read.
        QCOMPARE(column(model, 2, ImportPreviewModel::ClientColumn), u"C-0009"_s);
        QCOMPARE(column(model, 2, ImportPreviewModel::DateColumn), u"2025-03-03"_s);
        QVERIFY(column(model, 2, ImportPreviewModel::StatusColumn).startsWith(u"client_code: no client with that code"_s));
        QCOMPARE(model.headerData(ImportPreviewModel::StatusColumn, Qt::Horizontal, Qt::DisplayRole).toString(), u"Status"_s);

        // With the unknown client created and the bad row gone, every row is good.
        parse = uc::import::parseCsv(header + "C-0001,2025-03-01,,,,,,,One.\nC-0009,2025-03-03,,,,,,,Two.\n");
        const QStringList toCreate = uc::import::checkClients(parse, {u"C-0001"_s}, true);
        model.setPreview(u"notes.csv"_s, parse, toCreate, true);
        QCOMPARE(model.errorCount(), 0);
        QCOMPARE(model.noteCount(), 2);
        QCOMPARE(model.newClients(), QStringList{u"C-0009"_s});
        QVERIFY(model.canImport());
        model.clear();
        QCOMPARE(model.count(), 0);
        QVERIFY(!model.canImport());
    }

    void previewAndImportRunOnTheVaultThread()
    {
        const QString dir = m_dir.filePath(u"vault"_s);
        {
            auto vault = guitest::createVault(dir);
            guitest::addClient(*vault, u"C-0001"_s, u"Ann Example"_s);
        }
        VaultSession session(nullptr);
        guitest::unlockOn(session, dir);
        ImportPreviewModel *preview = session.workspace()->importPreview();

        QSignalSpy previewed(session.workspace()->importPreview(), &ImportPreviewModel::previewed);
        session.workspace()->importPreview()->preview(QUrl::fromLocalFile(write(u"mixed.csv"_s, mixed)).toString(), false, false);
        QVERIFY(preview->loading());
        QVERIFY(previewed.wait(10000));
        QCOMPARE(preview->count(), 3);
        QCOMPARE(preview->errorCount(), 2);
        // Refused: runImport does nothing while a row is bad.
        QSignalSpy imported(session.workspace()->importPreview(), &ImportPreviewModel::imported);
        session.workspace()->importPreview()->run();
        QVERIFY(!imported.wait(300));

        const QString good = write(u"good.csv"_s, header + "C-0001,2025-03-01,,,,,,,She drinks when she feels abandoned.\n"
                                                           "C-0009,2025-03-03,,,,,,,Cravings at night.\n");
        session.workspace()->importPreview()->preview(good, false, true);
        QVERIFY(previewed.wait(10000));
        QVERIFY(preview->canImport());
        QCOMPARE(preview->newClients(), QStringList{u"C-0009"_s});
        QCOMPARE(session.workspace()->clients()->total(), 1); // a preview writes nothing

        QSignalSpy failed(session.workspace()->importPreview(), &ImportPreviewModel::failed);
        session.workspace()->importPreview()->run();
        QVERIFY(imported.wait(10000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(imported.last().at(0).toInt(), 2);
        QCOMPARE(imported.last().at(1).toInt(), 2);
        QCOMPARE(preview->count(), 0);
        QTRY_COMPARE(session.workspace()->clients()->total(), 2);

        session.workspace()->importPreview()->preview(m_dir.filePath(u"missing.csv"_s), false, false);
        QVERIFY(failed.wait(10000));
        QCOMPARE(guitest::messageOf(failed).isEmpty(), false);

        // The preview holds note text: a lock empties it.
        session.workspace()->importPreview()->preview(good, false, true);
        QVERIFY(previewed.wait(10000));
        QVERIFY(preview->count() > 0);
        session.lock();
        QCOMPARE(preview->count(), 0);
    }
};

QTEST_MAIN(ImportModelTest)
#include "importmodeltest.moc"
