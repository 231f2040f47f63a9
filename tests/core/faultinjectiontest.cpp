// SPDX-License-Identifier: GPL-3.0-or-later
// Fault injection: a wrapping SQLite VFS fails the Nth write or fsync with EIO or ENOSPC. The
// operation must report an I/O error (exit code 2's kind), the vault must stay consistent, and
// everything saved before must be intact; the failed save is all there or not there at all.
#include "vault/vault.h"

#include <sqlite3.h>

#include <QTemporaryDir>
#include <QTest>

#include <cstring>

using namespace uc;
using vault::Vault;

namespace {

// ---- the faulty VFS: forwards everything to the default VFS, failing one chosen write/sync ----

sqlite3_vfs *g_real = nullptr;
int g_countdown = -1; // writes and syncs left before the failure; negative: never fail
int g_failCode = SQLITE_IOERR_WRITE;
int g_failures = 0;

bool tick()
{
    if (g_countdown < 0)
        return false;
    if (g_countdown-- == 0) {
        ++g_failures;
        return true;
    }
    return false;
}

struct FaultFile
{
    sqlite3_file base;
    sqlite3_file *real() { return reinterpret_cast<sqlite3_file *>(this + 1); }
};

FaultFile *ff(sqlite3_file *f)
{
    return reinterpret_cast<FaultFile *>(f);
}

int fClose(sqlite3_file *f)
{
    return ff(f)->real()->pMethods->xClose(ff(f)->real());
}
int fRead(sqlite3_file *f, void *p, int n, sqlite3_int64 o)
{
    return ff(f)->real()->pMethods->xRead(ff(f)->real(), p, n, o);
}
int fWrite(sqlite3_file *f, const void *p, int n, sqlite3_int64 o)
{
    if (tick())
        return g_failCode;
    return ff(f)->real()->pMethods->xWrite(ff(f)->real(), p, n, o);
}
int fTruncate(sqlite3_file *f, sqlite3_int64 size)
{
    return ff(f)->real()->pMethods->xTruncate(ff(f)->real(), size);
}
int fSync(sqlite3_file *f, int flags)
{
    if (tick())
        return SQLITE_IOERR_FSYNC;
    return ff(f)->real()->pMethods->xSync(ff(f)->real(), flags);
}
int fFileSize(sqlite3_file *f, sqlite3_int64 *size)
{
    return ff(f)->real()->pMethods->xFileSize(ff(f)->real(), size);
}
int fLock(sqlite3_file *f, int l)
{
    return ff(f)->real()->pMethods->xLock(ff(f)->real(), l);
}
int fUnlock(sqlite3_file *f, int l)
{
    return ff(f)->real()->pMethods->xUnlock(ff(f)->real(), l);
}
int fCheckReservedLock(sqlite3_file *f, int *out)
{
    return ff(f)->real()->pMethods->xCheckReservedLock(ff(f)->real(), out);
}
int fFileControl(sqlite3_file *f, int op, void *arg)
{
    return ff(f)->real()->pMethods->xFileControl(ff(f)->real(), op, arg);
}
int fSectorSize(sqlite3_file *f)
{
    return ff(f)->real()->pMethods->xSectorSize(ff(f)->real());
}
int fDeviceCharacteristics(sqlite3_file *f)
{
    return ff(f)->real()->pMethods->xDeviceCharacteristics(ff(f)->real());
}
int fShmMap(sqlite3_file *f, int region, int size, int extend, void volatile **p)
{
    return ff(f)->real()->pMethods->xShmMap(ff(f)->real(), region, size, extend, p);
}
int fShmLock(sqlite3_file *f, int offset, int n, int flags)
{
    return ff(f)->real()->pMethods->xShmLock(ff(f)->real(), offset, n, flags);
}
void fShmBarrier(sqlite3_file *f)
{
    ff(f)->real()->pMethods->xShmBarrier(ff(f)->real());
}
int fShmUnmap(sqlite3_file *f, int deleteFlag)
{
    return ff(f)->real()->pMethods->xShmUnmap(ff(f)->real(), deleteFlag);
}
int fFetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp)
{
    return ff(f)->real()->pMethods->xFetch(ff(f)->real(), o, n, pp);
}
int fUnfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
    return ff(f)->real()->pMethods->xUnfetch(ff(f)->real(), o, p);
}

const sqlite3_io_methods faultMethods = {3,          fClose,      fRead,         fWrite,    fTruncate, fSync,
                                         fFileSize,  fLock,       fUnlock,       fCheckReservedLock, fFileControl,
                                         fSectorSize, fDeviceCharacteristics, fShmMap, fShmLock, fShmBarrier,
                                         fShmUnmap,  fFetch,      fUnfetch};

int vOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = ff(file);
    f->base.pMethods = nullptr;
    const int rc = g_real->xOpen(g_real, name, f->real(), flags, outFlags);
    if (f->real()->pMethods)
        f->base.pMethods = &faultMethods;
    return rc;
}
int vDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_real->xDelete(g_real, name, syncDir);
}
int vAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_real->xAccess(g_real, name, flags, out);
}
int vFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return g_real->xFullPathname(g_real, name, n, out);
}
void *vDlOpen(sqlite3_vfs *, const char *name)
{
    return g_real->xDlOpen(g_real, name);
}
void vDlError(sqlite3_vfs *, int n, char *msg)
{
    g_real->xDlError(g_real, n, msg);
}
void (*vDlSym(sqlite3_vfs *, void *h, const char *sym))(void)
{
    return g_real->xDlSym(g_real, h, sym);
}
void vDlClose(sqlite3_vfs *, void *h)
{
    g_real->xDlClose(g_real, h);
}
int vRandomness(sqlite3_vfs *, int n, char *out)
{
    return g_real->xRandomness(g_real, n, out);
}
int vSleep(sqlite3_vfs *, int us)
{
    return g_real->xSleep(g_real, us);
}
int vCurrentTime(sqlite3_vfs *, double *out)
{
    return g_real->xCurrentTime(g_real, out);
}
int vGetLastError(sqlite3_vfs *, int n, char *out)
{
    return g_real->xGetLastError(g_real, n, out);
}
int vCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_real->xCurrentTimeInt64(g_real, out);
}

sqlite3_vfs g_fault{};

void installFaultyVfs()
{
    if (g_real)
        return;
    g_real = sqlite3_vfs_find(nullptr);
    g_fault.iVersion = 2;
    g_fault.szOsFile = static_cast<int>(sizeof(FaultFile)) + g_real->szOsFile;
    g_fault.mxPathname = g_real->mxPathname;
    g_fault.zName = "uc-faulty";
    g_fault.xOpen = vOpen;
    g_fault.xDelete = vDelete;
    g_fault.xAccess = vAccess;
    g_fault.xFullPathname = vFullPathname;
    g_fault.xDlOpen = vDlOpen;
    g_fault.xDlError = vDlError;
    g_fault.xDlSym = vDlSym;
    g_fault.xDlClose = vDlClose;
    g_fault.xRandomness = vRandomness;
    g_fault.xSleep = vSleep;
    g_fault.xCurrentTime = vCurrentTime;
    g_fault.xGetLastError = vGetLastError;
    g_fault.xCurrentTimeInt64 = vCurrentTimeInt64;
    sqlite3_vfs_register(&g_fault, 1); // the default for every connection this process opens
}

const QString user = QStringLiteral("alice");

SecretBuffer pass()
{
    return SecretBuffer::copyOf(std::string_view("fault test passphrase"));
}

QString textFor(int i)
{
    return QStringLiteral("Note %1: client reports cravings after work; discussed coping plan. ").arg(i)
           + QString(300 + (i * 131) % 2500, QLatin1Char('y'));
}

model::Id saveNote(Vault &v, int i)
{
    model::Session s;
    s.date = model::Date(2025, 6, 1) + boost::gregorian::days(i);
    s.attendees.append({0, QStringLiteral("C-7"), model::Attendance::Attended});
    return v.notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress, {{QStringLiteral("Note"), textFor(i)}})
        .notes.first();
}

} // namespace

class FaultInjectionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { installFaultyVfs(); }
    void failedWritesRollBackAndKeepEarlierData_data();
    void failedWritesRollBackAndKeepEarlierData();
};

void FaultInjectionTest::failedWritesRollBackAndKeepEarlierData_data()
{
    QTest::addColumn<int>("code");
    QTest::newRow("EIO") << int(SQLITE_IOERR_WRITE);
    QTest::newRow("ENOSPC") << int(SQLITE_FULL);
}

void FaultInjectionTest::failedWritesRollBackAndKeepEarlierData()
{
    QFETCH(int, code);
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    QList<QPair<model::Id, QString>> saved;
    {
        auto created = Vault::create(dir, user, pass(), model::Role::Therapist, vault::KdfCost::testOnly());
        model::Client c;
        c.code = QStringLiteral("C-7");
        c.displayName = QStringLiteral("Fault Client");
        created.vault->clients().add(c);
        for (int i = 0; i < 20; ++i)
            saved.append({saveNote(*created.vault, i), textFor(i)});
    }

    int failedOps = 0;
    for (int n = 0; n < 40; ++n) {
        auto v = Vault::open(dir, user, pass());
        const int notesBefore = static_cast<int>(v->notes().forClient(QStringLiteral("C-7"), false).size());
        g_failCode = code;
        g_failures = 0;
        g_countdown = n;
        const int i = 100 + n;
        bool failed = false;
        try {
            saved.append({saveNote(*v, i), textFor(i)});
        } catch (const Error &e) {
            failed = true;
            ++failedOps;
            QCOMPARE(e.kind(), ErrorKind::Io);
            QVERIFY2(!e.why().contains(QLatin1String("craving")), "no note text in an error");
        }
        g_countdown = -1;
        if (g_failures == 0)
            QVERIFY(!failed);
        v.reset(); // close (a failed connection may have nothing more to give)

        auto check = Vault::open(dir, user, pass());
        QVERIFY2(check->backup().verifyIntegrity(), qPrintable(QStringLiteral("integrity after failing op %1").arg(n)));
        const auto notes = check->notes().forClient(QStringLiteral("C-7"), false);
        // All or nothing: a failed save is either absent or complete (a commit frame written
        // before a failed fsync may be recovered from the WAL), never partial.
        QVERIFY(notes.size() == notesBefore || notes.size() == notesBefore + 1);
        if (notes.size() == notesBefore + 1 && failed)
            QCOMPARE(notes.last().sections.value(0).text, textFor(i));
        for (const auto &[id, text] : std::as_const(saved))
            QCOMPARE(check->notes().read(id).sections.value(0).text, text);
    }
    QVERIFY2(failedOps >= 5, "the injected faults reached the vault's writes");
}

QTEST_GUILESS_MAIN(FaultInjectionTest)
#include "faultinjectiontest.moc"
