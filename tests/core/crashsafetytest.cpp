// SPDX-License-Identifier: GPL-3.0-or-later
// Crash safety: a child process saves notes in a loop and is killed with SIGKILL at random
// moments. After every kill the vault must open, pass integrity_check, and hold every note whose
// save the child had acknowledged, intact. 200 kills by default; UC_CRASH_KILLS sets another count
// (the "long" ctest label runs 1,000).
#include "vault/vault.h"

#include <QCoreApplication>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <cstdio>

using namespace uc;
using vault::Vault;

namespace {

const QString user = QStringLiteral("alice");
constexpr std::string_view passText = "crash test passphrase";

SecretBuffer pass()
{
    return SecretBuffer::copyOf(passText);
}

QString noteText(int round, int k)
{
    // Long enough to span pages now and then, so kills land inside multi-page writes.
    return QStringLiteral("round %1 note %2: Pt describes drinking after arguments with her partner. ").arg(round).arg(k)
           + QString(200 + (round * 37 + k * 11) % 1800, QLatin1Char('x'));
}

// The child: saves notes until killed, printing "id round k" after each acknowledged commit.
int runChild(const QString &dir, int round)
{
    auto v = Vault::open(dir, user, pass());
    (void)v->tagging().tagger(); // built once per unlock, as the app does, so kills land in saves
    std::printf("ready\n");
    std::fflush(stdout);
    for (int k = 0;; ++k) {
        model::Session s;
        s.date = model::Date(2025, 1, 1) + boost::gregorian::days(k % 365);
        s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
        const auto created = v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                           {{QStringLiteral("Note"), noteText(round, k)}});
        if (k % 3 == 1) // also exercise updates of drafts
            v->notes().saveDraft(created.notes.first(), {{QStringLiteral("Note"), noteText(round, k)}});
        std::printf("%lld %d %d\n", static_cast<long long>(created.notes.first()), round, k);
        std::fflush(stdout);
    }
}

} // namespace

class CrashSafetyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acknowledgedNotesSurviveSigkill();
};

void CrashSafetyTest::acknowledgedNotesSurviveSigkill()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    {
        auto created = Vault::create(dir, user, pass(), model::Role::Therapist, vault::KdfCost::testOnly());
        model::Client c;
        c.code = QStringLiteral("C-1");
        c.displayName = QStringLiteral("Crash Client");
        created.vault->clients().add(c);
    }
    const int kills = qEnvironmentVariableIntValue("UC_CRASH_KILLS") > 0 ? qEnvironmentVariableIntValue("UC_CRASH_KILLS")
                                                                         : 200;
    auto *rng = QRandomGenerator::global();
    struct Acked
    {
        model::Id id;
        QString text;
    };
    QList<Acked> acked;
    int killedMidWrite = 0;
    for (int round = 0; round < kills; ++round) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child"), dir, QString::number(round)});
        QVERIFY(child.waitForStarted());
        // Kill at a random moment: sometimes while it is still opening, mostly while it writes.
        if (rng->bounded(10) > 0)
            child.waitForReadyRead(5000);
        QTest::qSleep(static_cast<int>(rng->bounded(60)));
        child.kill(); // SIGKILL
        QVERIFY(child.waitForFinished(10000));
        const QByteArray out = child.readAllStandardOutput();
        if (child.exitStatus() == QProcess::CrashExit && out.startsWith("ready\n"))
            ++killedMidWrite;
        const QList<QByteArray> lines = out.split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() == 3)
                acked.append({f[0].toLongLong(), noteText(f[1].toInt(), f[2].toInt())});
        }
        // After every kill: opens, whole, and every acknowledged note intact.
        auto v = Vault::open(dir, user, pass());
        QVERIFY2(v->backup().verifyIntegrity(), qPrintable(QStringLiteral("integrity after kill %1").arg(round)));
        for (const Acked &a : std::as_const(acked)) {
            const model::Note n = v->notes().read(a.id);
            QCOMPARE(n.sections.value(0).text, a.text);
        }
    }
    qInfo("%d kills, %d while the child ran, %lld acknowledged notes verified", kills, killedMidWrite,
          static_cast<long long>(acked.size()));
    QVERIFY(killedMidWrite > kills / 2);
    QVERIFY(acked.size() >= kills / 2); // the child really wrote between kills
}

int main(int argc, char **argv)
{
    if (argc == 4 && qstrcmp(argv[1], "--child") == 0) {
        QCoreApplication app(argc, argv);
        try {
            return runChild(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
        } catch (const Error &e) {
            std::fprintf(stderr, "child: %s\n", e.what());
            return 2;
        }
    }
    QCoreApplication app(argc, argv);
    CrashSafetyTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "crashsafetytest.moc"
