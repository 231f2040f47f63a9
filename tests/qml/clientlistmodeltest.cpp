// SPDX-License-Identifier: GPL-3.0-or-later
// The clients screen's list as a therapist relies on it: every client with the last session and the
// themes that keep coming back, a search that narrows by code, name or theme, edits that land in
// place, and a lock that leaves nothing behind. Rows come from a real vault.
#include "clientlistmodel.h"
#include "guitestutil.h"
#include "clientdata.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace guitest;
using namespace Qt::StringLiterals;
using uc::gui::ClientRow;

class ClientListModelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<uc::vault::Vault> m_vault;

    [[nodiscard]] static QVariant value(const ClientListModel &model, int row, ClientListModel::Role role)
    {
        return model.data(model.index(row), role);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_vault = createVault(m_dir.filePath(QStringLiteral("vault")));
        addClient(*m_vault, QStringLiteral("C-0002"), QStringLiteral("Bea Example"));
        addClient(*m_vault, QStringLiteral("C-0001"), QStringLiteral("Ann Example"));
        addClient(*m_vault, QStringLiteral("C-0003"), QStringLiteral("Cal Example"));
        // Ann: abandonment-driven drinking in 5 of her last 6 attended sessions, one missed session last.
        const QStringList dates = {u"2025-02-03"_s, u"2025-02-10"_s, u"2025-02-17"_s,
                                   u"2025-02-24"_s, u"2025-03-03"_s, u"2025-03-10"_s};
        for (qsizetype i = 0; i < dates.size(); ++i)
            addSession(*m_vault, QStringLiteral("C-0001"), dates.at(i), i == 2 ? anxiousText : abandonedText);
        addSession(*m_vault, QStringLiteral("C-0001"), QStringLiteral("2025-03-17"), QStringLiteral("Did not attend."),
                   uc::model::Attendance::NoShow);
        // Bea: anxiety once only, so nothing recurs.
        addSession(*m_vault, QStringLiteral("C-0002"), QStringLiteral("2025-03-05"), anxiousText);
    }

    void rowsCarryLastSessionAndRecurringThemes()
    {
        ClientListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(uc::gui::loadClientRows(*m_vault));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.count(), 3);
        // Sorted by code whatever order they were added in.
        QCOMPARE(value(model, 0, ClientListModel::CodeRole).toString(), u"C-0001"_s);
        QCOMPARE(value(model, 0, ClientListModel::NameRole).toString(), u"Ann Example"_s);
        QCOMPARE(value(model, 0, ClientListModel::StatusRole).toString(), u"active"_s);
        QCOMPARE(value(model, 0, ClientListModel::SettingRole).toString(), u"outpatient"_s);
        // The missed session is the latest session.
        QCOMPARE(value(model, 0, ClientListModel::LastSessionRole).toString(), u"2025-03-17"_s);
        const QStringList ids = value(model, 0, ClientListModel::ThemeIdsRole).toStringList();
        QVERIFY2(ids.contains(u"abandonment-driven-use"_s), qPrintable(ids.join(u',')));
        QVERIFY(ids.size() <= uc::gui::chipsPerClient);
        QVERIFY(!ids.contains(u"anxiety"_s)); // once in six is not recurring
        const QStringList labels = value(model, 0, ClientListModel::ThemesRole).toStringList();
        QCOMPARE(labels.size(), ids.size());
        QVERIFY(labels.contains(u"Abandonment-driven use"_s));
        QCOMPARE(value(model, 1, ClientListModel::ThemesRole).toStringList(), QStringList());
        QCOMPARE(value(model, 2, ClientListModel::LastSessionRole).toString(), QString()); // no sessions yet
        QCOMPARE(model.roleNames().value(ClientListModel::ThemesRole), QByteArray("themes"));
    }

    void searchNarrowsByCodeNameOrTheme()
    {
        ClientListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(uc::gui::loadClientRows(*m_vault));
        QSignalSpy counted(&model, &ClientListModel::countChanged);
        model.setFilterText(u"bea"_s);
        QCOMPARE(model.count(), 1);
        QCOMPARE(value(model, 0, ClientListModel::CodeRole).toString(), u"C-0002"_s);
        QVERIFY(counted.count() >= 1);
        model.setFilterText(u"0003"_s);
        QCOMPARE(model.count(), 1);
        QCOMPARE(value(model, 0, ClientListModel::NameRole).toString(), u"Cal Example"_s);
        model.setFilterText(u"abandonment"_s);
        QCOMPARE(model.count(), 1);
        QCOMPARE(value(model, 0, ClientListModel::CodeRole).toString(), u"C-0001"_s);
        model.setFilterText(u"nobody"_s);
        QCOMPARE(model.count(), 0);
        QCOMPARE(model.total(), 3);
        model.setFilterText(QString());
        QCOMPARE(model.count(), 3);
    }

    void upsertReplacesInPlaceOrInsertsInCodeOrder()
    {
        ClientListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(uc::gui::loadClientRows(*m_vault));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        ClientRow bea = uc::gui::loadClientRow(*m_vault, u"C-0002"_s);
        bea.name = u"Bea Renamed"_s;
        model.upsert(bea);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.first().first().toModelIndex().row(), 1);
        QCOMPARE(value(model, 1, ClientListModel::NameRole).toString(), u"Bea Renamed"_s);

        ClientRow fresh;
        fresh.code = u"C-0000"_s;
        fresh.name = u"Dee New"_s;
        fresh.status = u"active"_s;
        model.upsert(fresh);
        QCOMPARE(model.count(), 4);
        QCOMPARE(model.indexOf(u"C-0000"_s), 0);
        QCOMPARE(model.indexOf(u"C-0003"_s), 3);
        QCOMPARE(model.indexOf(u"C-9999"_s), -1);

        // An edit that takes a row out of the current search removes it from view.
        model.setFilterText(u"Renamed"_s);
        QCOMPARE(model.count(), 1);
        bea.name = u"Bea Again"_s;
        model.upsert(bea);
        QCOMPARE(model.count(), 0);
    }

    void clearForgetsRowsAndSearch()
    {
        ClientListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(uc::gui::loadClientRows(*m_vault));
        model.setFilterText(u"ann"_s);
        model.setLoading(true);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.total(), 0);
        QCOMPARE(model.filterText(), QString());
        QVERIFY(!model.loading());
    }

    void openRiskViewListsRiskyClientsMostRecentFirst()
    {
        ClientListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(uc::gui::loadClientRows(*m_vault));
        const auto flag = [](const QString &id, const QString &label, const QString &date) {
            uc::gui::RiskRow r;
            r.id = id;
            r.label = label;
            r.evidence = u"words"_s;
            r.date = date;
            return r;
        };
        // The caseload's open flags, newest first: Cal's latest, then Ann's, then an older one of Cal's.
        model.setOpenRisk({flag(u"suicide"_s, u"Suicide"_s, u"2025-03-09"_s), flag(u"abuse"_s, u"Abuse and safeguarding"_s, u"2025-03-05"_s),
                           flag(u"self-harm"_s, u"Self-harm"_s, u"2025-02-01"_s)},
                          {u"C-0003"_s, u"C-0001"_s, u"C-0003"_s});
        QCOMPARE(model.count(), 3); // the view is off: every client, by code
        QCOMPARE(value(model, 0, ClientListModel::OpenRiskRole).toString(), u"Abuse and safeguarding"_s);
        QCOMPARE(value(model, 1, ClientListModel::OpenRiskRole).toString(), QString());

        QSignalSpy toggled(&model, &ClientListModel::openRiskOnlyChanged);
        model.setOpenRiskOnly(true);
        QCOMPARE(toggled.count(), 1);
        QCOMPARE(model.count(), 2);
        QCOMPARE(value(model, 0, ClientListModel::CodeRole).toString(), u"C-0003"_s);
        QCOMPARE(value(model, 0, ClientListModel::OpenRiskRole).toString(), u"Suicide"_s);
        QCOMPARE(value(model, 0, ClientListModel::OpenRiskDateRole).toString(), u"2025-03-09"_s);
        QCOMPARE(value(model, 1, ClientListModel::CodeRole).toString(), u"C-0001"_s);
        model.setFilterText(u"ann"_s); // the search narrows the view too
        QCOMPARE(model.count(), 1);
        model.setFilterText(QString());

        model.setOpenRiskOnly(false);
        QCOMPARE(model.count(), 3);
        QCOMPARE(value(model, 0, ClientListModel::CodeRole).toString(), u"C-0001"_s);
        model.setOpenRiskOnly(true);
        model.clear(); // a lock forgets the flags and leaves the view
        QVERIFY(!model.openRiskOnly());
    }

    void thousandsOfClientsLoadInOnePass()
    {
        QTemporaryDir dir;
        auto vault = createVault(dir.filePath(u"big"_s));
        vault->inOneTransaction([&] {
            for (int i = 0; i < 3000; ++i)
                addClient(*vault, u"C-%1"_s.arg(i, 5, 10, QLatin1Char('0')), u"Client %1"_s.arg(i));
            for (int i = 0; i < 300; ++i)
                addSession(*vault, u"C-%1"_s.arg(i * 10, 5, 10, QLatin1Char('0')), u"2025-03-03"_s, abandonedText);
        });
        QElapsedTimer timer;
        timer.start();
        const QList<ClientRow> rows = uc::gui::loadClientRows(*vault);
        const qint64 ms = timer.elapsed();
        QCOMPARE(rows.size(), 3000);
        QCOMPARE(rows.at(10).lastSession, u"2025-03-03"_s);
        QCOMPARE(rows.at(11).lastSession, QString());
        // Loading is the vault thread's work, but it still has to be quick enough to feel instant.
        QVERIFY2(ms < 1500, qPrintable(u"%1 ms for 3,000 clients"_s.arg(ms)));
        qInfo("3,000 clients loaded in %lld ms", ms);
    }

    void thousandsOfClientsFilterQuickly()
    {
        QList<ClientRow> rows;
        for (int i = 0; i < 5000; ++i) {
            ClientRow r;
            r.code = u"C-%1"_s.arg(i, 5, 10, QLatin1Char('0'));
            r.name = u"Client %1"_s.arg(i);
            r.status = u"active"_s;
            r.themeLabels = {u"Anxiety"_s};
            rows.append(r);
        }
        ClientListModel model;
        QElapsedTimer timer;
        timer.start();
        model.setRows(rows);
        model.setFilterText(u"Client 42"_s);
        QCOMPARE(model.count(), 111); // 42, 420–429, 4200–4299
        QVERIFY2(timer.elapsed() < 100, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(ClientListModelTest)
#include "clientlistmodeltest.moc"
