// SPDX-License-Identifier: GPL-3.0-or-later
// Load (issue #20): many therapists, each in their own vault and their own process, saving signed
// notes and syncing them at the same time against one real cluster, while their supervisor syncs
// over and over; a second supervisor syncs once at the end. Then the server holds every note once,
// and both supervisors' machines hold every note once, in the same order: the server's.
//
// Size: UC_PRACTICE_LOAD=CLIENTSxNOTES (clients, notes each); the default run is 20x10 (200 notes),
// the test labelled "long" (practiceloadtest_long) the 20x100 (2,000 notes). Each worker
// syncs after every tenth note and at the end. The workers are this program started again with
// --load-worker, saving through the library (as the GUI does) and syncing with practice::sync (as
// the CLI's sync does).
#include "clirun.h"
#include "practicecli.h"
#include "practicecluster.h"
#include "practicenotes.h"

#include "common/error.h"
#include "practice/sync.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace uc;
using clirun::Run;
using uc::vault::Vault;

namespace {

const QByteArray passphrase = "a passphrase for the practice load test";
constexpr int syncEvery = 10;

// One worker: saves `notes` signed notes for its client in its vault, syncing after every tenth and
// at the end; prints {"pushed": N, "syncs": S} and exits 0, or the error and its exit code.
int loadWorker(const QString &vaultDir, const QString &user, int notes)
{
    try {
        auto v = Vault::open(vaultDir, user, SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
        const QString client = u"C-"_s + user;
        practicetest::ensureClient(*v, client);
        int pushed = 0, syncs = 0;
        for (int i = 0; i < notes; ++i) {
            practicetest::saveSignedNote(*v, client, i);
            if ((i + 1) % syncEvery == 0 || i + 1 == notes) {
                pushed += practice::sync(*v).pushed;
                ++syncs;
            }
        }
        v->lock();
        std::printf("%s\n", QJsonDocument(QJsonObject { { u"pushed"_s, pushed }, { u"syncs"_s, syncs } })
                                .toJson(QJsonDocument::Compact)
                                .constData());
        return 0;
    } catch (const Error &e) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(user), qPrintable(e.message()));
        return e.exitCode();
    }
}

} // namespace

class PracticeLoadTest : public QObject, private practicetest::MemberCli
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    int m_clients = 20;
    int m_notes = 10;
    QStringList m_users; // the therapists; the first is alice, the administrator
    QString m_sam, m_sue; // the supervisors' vaults

    QString vaultOf(const QString &user) const { return m_dir.filePath(user); }
    QByteArray sql(const QByteArray &statements)
    {
        const practicetest::Script s = m_server.operatorSql(statements);
        if (s.code != 0)
            qWarning("operator SQL failed: %s", s.err.constData());
        return s.out.trimmed();
    }
    QString join(const QString &vault, const QString &user, const QString &role)
    {
        const Run invite = as(vaultOf(u"alice"_s), u"alice"_s, { u"practice"_s, u"invite"_s, user, u"--role"_s, role });
        if (invite.code != 0)
            return {};
        const QJsonObject joined = json(vault, user,
                                        { u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s,
                                          QString::fromLatin1(invite.out.trimmed()) });
        return joined.value("member"_L1).toString();
    }
    QStringList itemsReceivedBy(const QString &vault, const QString &user, QList<qint64> &seqs)
    {
        QStringList items;
        for (const QJsonValue &n : receivedBy(vault, user)) {
            items.append(n.toObject().value("item"_L1).toString());
            seqs.append(static_cast<qint64>(n.toObject().value("seq"_L1).toDouble()));
        }
        return items;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (const QByteArray size = qgetenv("UC_PRACTICE_LOAD"); !size.isEmpty()) {
            const auto m = QRegularExpression(u"^(\\d+)x(\\d+)$"_s).match(QString::fromLatin1(size));
            QVERIFY2(m.hasMatch() && m.captured(1).toInt() >= 1 && m.captured(2).toInt() >= 1,
                     "UC_PRACTICE_LOAD is CLIENTSxNOTES, e.g. 20x100");
            m_clients = m.captured(1).toInt();
            m_notes = m.captured(2).toInt();
        }
        qInfo("%d therapists, %d notes each", m_clients, m_notes);
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
        QVERIFY2(m_server.start(), m_server.output().constData());
        m_pass = clirun::file(m_dir, u"pass"_s, passphrase + '\n');
        m_sam = vaultOf(u"sam"_s);
        m_sue = vaultOf(u"sue"_s);
        for (int i = 0; i < m_clients; ++i)
            m_users.append(i == 0 ? u"alice"_s : u"t%1"_s.arg(i));
        for (const QString &user : std::as_const(m_users))
            QVERIFY(clirun::cheapVault(vaultOf(user), passphrase, user));
        for (const QString &user : { u"sam"_s, u"sue"_s })
            Vault::create(vaultOf(user), user,
                          SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())),
                          model::Role::Supervisor, vault::KdfCost::testOnly());

        const QString alice = vaultOf(u"alice"_s);
        const QJsonObject init = json(alice, u"alice"_s,
                                      { u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s,
                                        m_server.caFile(), u"--ca-key"_s, m_server.caKeyFile() });
        QStringList therapistIds { init.value("member"_L1).toString() };
        for (const QString &user : m_users.mid(1))
            therapistIds.append(join(vaultOf(user), user, u"therapist"_s));
        const QString samId = join(m_sam, u"sam"_s, u"supervisor"_s);
        const QString sueId = join(m_sue, u"sue"_s, u"supervisor"_s);
        QVERIFY(!therapistIds.contains(QString()) && !samId.isEmpty() && !sueId.isEmpty());
        QCOMPARE(json(alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(),
                 m_clients + 1);
        for (const QString &supervisor : { samId, sueId })
            for (const QString &therapist : std::as_const(therapistIds)) {
                const Run assign = as(alice, u"alice"_s,
                                      { u"practice"_s, u"assign"_s, u"--supervisor"_s, supervisor, u"--therapist"_s,
                                        therapist });
                QVERIFY2(assign.code == 0, assign.err.constData());
            }
    }

    void everyNoteOnceInTheSameOrderOnEveryMachine()
    {
        const int total = m_clients * m_notes;
        QElapsedTimer clock;
        clock.start();
        std::vector<std::unique_ptr<QProcess>> workers;
        for (const QString &user : std::as_const(m_users)) {
            auto p = std::make_unique<QProcess>();
            p->start(QCoreApplication::applicationFilePath(),
                     { u"--load-worker"_s, vaultOf(user), user, QString::number(m_notes) });
            workers.push_back(std::move(p));
        }
        // Sam syncs over and over while they work: he pulls notes whose transactions commit in
        // another order than their sequence numbers were drawn.
        int samSyncs = 0, samPulled = 0;
        const auto running = [&] {
            bool any = false;
            for (const auto &p : workers)
                any = !p->waitForFinished(0) && p->state() != QProcess::NotRunning ? true : any;
            return any;
        };
        while (running() && clock.elapsed() < 1200000) {
            const QJsonObject sam = syncOf(m_sam, u"sam"_s);
            QVERIFY2(!sam.contains("exit"_L1), "sam's sync failed during the load");
            samPulled += sam.value("pulled"_L1).toInt();
            ++samSyncs;
        }
        int pushed = 0;
        for (std::size_t i = 0; i < workers.size(); ++i) {
            QProcess &p = *workers[i];
            QVERIFY(p.state() == QProcess::NotRunning || p.waitForFinished(60000));
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0,
                     qPrintable(m_users.at(static_cast<qsizetype>(i)) + u": exit "_s + QString::number(p.exitCode())
                                + u": "_s + QString::fromUtf8(err)));
            pushed += QJsonDocument::fromJson(p.readAllStandardOutput()).object().value("pushed"_L1).toInt();
        }
        const qint64 workMs = clock.elapsed();
        samPulled += syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt();
        const QJsonObject sue = syncOf(m_sue, u"sue"_s);
        qInfo("%d notes saved and pushed by %d processes in %lld ms; sam synced %d times meanwhile", total,
              m_clients, workMs, samSyncs + 1);

        // The server: every note once.
        QCOMPARE(pushed, total);
        QCOMPARE(sql("SELECT count(*) || '/' || count(DISTINCT item_id) FROM uc.items"),
                 QByteArray::number(total) + '/' + QByteArray::number(total));
        QCOMPARE(sql("SELECT count(DISTINCT author) FROM uc.items"), QByteArray::number(m_clients));
        // Each supervisor: every note once, in the server's order, the same on both machines.
        QCOMPARE(samPulled, total);
        QCOMPARE(sue.value("pulled"_L1).toInt(), total);
        QList<qint64> samSeqs, sueSeqs;
        const QStringList samItems = itemsReceivedBy(m_sam, u"sam"_s, samSeqs);
        const QStringList sueItems = itemsReceivedBy(m_sue, u"sue"_s, sueSeqs);
        QCOMPARE(samItems.size(), total);
        QCOMPARE(QSet<QString>(samItems.cbegin(), samItems.cend()).size(), total);
        QCOMPARE(sueItems.size(), total);
        QCOMPARE(QSet<QString>(sueItems.cbegin(), sueItems.cend()).size(), total);
        QVERIFY2(std::is_sorted(samSeqs.cbegin(), samSeqs.cend()), "sam's notes are not in the server's order");
        QVERIFY2(std::is_sorted(sueSeqs.cbegin(), sueSeqs.cend()), "sue's notes are not in the server's order");
        QCOMPARE(samItems, sueItems);
        const QByteArray serverOrder = sql("SELECT string_agg(item_id, ',' ORDER BY seq) FROM uc.items");
        QCOMPARE(samItems.join(u','), QString::fromLatin1(serverOrder));
    }
};

int main(int argc, char **argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--load-worker") == 0) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(u"Undercurrent"_s);
        QCoreApplication::setOrganizationName(u"Undercurrent"_s);
        return loadWorker(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]), QByteArray(argv[4]).toInt());
    }
    QCoreApplication app(argc, argv);
    PracticeLoadTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "practiceloadtest.moc"
