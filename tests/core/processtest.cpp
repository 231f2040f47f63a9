// SPDX-License-Identifier: GPL-3.0-or-later
// Process hygiene: after disableCoreDumps() (the first call in both programs' main) the process
// leaves no core file and is not dumpable, so decrypted notes and keys never reach a core dump and
// other processes of the same user cannot ptrace it.
#include "common/process.h"

#include <QFile>
#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

class ProcessTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coreDumpsAreOff();
};

void ProcessTest::coreDumpsAreOff()
{
    QVERIFY(uc::disableCoreDumps());
    rlimit limit{};
    QCOMPARE(::getrlimit(RLIMIT_CORE, &limit), 0);
    QCOMPARE(limit.rlim_cur, rlim_t(0));
    QCOMPARE(limit.rlim_max, rlim_t(0)); // the hard limit too: nothing in the process can raise it again
    QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
    // The kernel's own view, as another process would read it.
    QFile limits(QStringLiteral("/proc/self/limits"));
    QVERIFY(limits.open(QIODevice::ReadOnly));
    const QByteArray text = limits.readAll();
    const qsizetype at = text.indexOf("Max core file size");
    QVERIFY(at >= 0);
    QVERIFY(text.mid(at, text.indexOf('\n', at) - at).simplified().startsWith("Max core file size 0 0"));
}

QTEST_GUILESS_MAIN(ProcessTest)
#include "processtest.moc"
