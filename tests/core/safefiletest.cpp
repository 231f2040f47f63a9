// SPDX-License-Identifier: GPL-3.0-or-later
// Output files: every file the program writes goes through a fresh random name made with
// O_CREAT|O_EXCL|O_NOFOLLOW in the target's folder, then a rename. A symbolic link planted at the
// output, or at the names the old code used for its temp files, never receives a byte; a refused
// or failed write leaves no temp file behind; the output is owner-only.
#include "common/error.h"
#include "common/safefile.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::Vault;

namespace {

constexpr std::string_view passphraseText = "safe file test passphrase";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphraseText);
}

const QByteArray victimText = "another user's file\n";

// A file outside the output folder that a planted link points at.
struct Victim
{
    QTemporaryDir elsewhere;
    QString path = elsewhere.filePath(u"victim"_s);

    Victim()
    {
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(victimText);
    }
    [[nodiscard]] QByteArray content() const
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
    }
};

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

unsigned modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 0777 : 0xffff;
}

bool isLinkTo(const QString &link, const QString &target)
{
    return QFileInfo(link).isSymLink() && QFileInfo(link).symLinkTarget() == target;
}

} // namespace

class SafeFileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesOwnerOnlyAndLeavesNoTemp();
    void replacesAnExistingFileWhole();
    void refusesALinkAtTheOutput();
    void refusesAnOutputThatIsNotARegularFile();
    void ignoresLinksAtTheOldTempNames();
    void tempFileGoesWhenNotCommitted();
    void vaultOutputsRefuseALink();
    void cliOutputsRefuseALink();
};

void SafeFileTest::writesOwnerOnlyAndLeavesNoTemp()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out.json"_s);
    writeFileSafely(out, "{\"a\":1}\n", u"export"_s);
    QCOMPARE(readAll(out), QByteArray("{\"a\":1}\n"));
    QCOMPARE(modeOf(out), 0600u);
    QCOMPARE(entries(dir.path()), QStringList{u"out.json"_s});
}

void SafeFileTest::replacesAnExistingFileWhole()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(u"out.csv"_s);
    writeFileSafely(out, QByteArray(10000, 'x'), u"export"_s);
    writeFileSafely(out, "short", u"export"_s);
    QCOMPARE(readAll(out), QByteArray("short"));
    QCOMPARE(entries(dir.path()), QStringList{u"out.csv"_s});
}

void SafeFileTest::refusesALinkAtTheOutput()
{
    QTemporaryDir dir;
    Victim victim;
    const QString out = dir.filePath(u"report.pdf"_s);
    QVERIFY(QFile::link(victim.path, out));
    try {
        writeFileSafely(out, "plaintext of a note", u"report"_s);
        QFAIL("wrote through a symbolic link");
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::Io);
        QVERIFY2(e.why().contains(u"symbolic link"_s), qPrintable(e.message()));
    }
    QCOMPARE(victim.content(), victimText);
    QVERIFY(isLinkTo(out, victim.path)); // the link itself is left as it was
    QCOMPARE(entries(dir.path()), QStringList{u"report.pdf"_s});
    // The same through SafeTempFile::commit (a link planted after the temp file was made).
    {
        QFile::remove(out);
        SafeTempFile temp(dir.path(), u"report"_s);
        temp.write("plaintext of a note");
        QVERIFY(QFile::link(victim.path, out));
        QVERIFY_THROWS_EXCEPTION(Error, temp.commit(out));
    }
    QCOMPARE(victim.content(), victimText);
    QCOMPARE(entries(dir.path()), QStringList{u"report.pdf"_s});
}

void SafeFileTest::refusesAnOutputThatIsNotARegularFile()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(u"pipe"_s);
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    QVERIFY_THROWS_EXCEPTION(Error, writeFileSafely(fifo, "x", u"export"_s));
    QVERIFY(QDir(dir.path()).mkdir(u"folder"_s));
    QVERIFY_THROWS_EXCEPTION(Error, writeFileSafely(dir.filePath(u"folder"_s), "x", u"export"_s));
    QCOMPARE(entries(dir.path()), (QStringList{u"folder"_s, u"pipe"_s}));
}

void SafeFileTest::ignoresLinksAtTheOldTempNames()
{
    // OUT.tmp and OUT.db.tmp were the predictable names before: links planted there stay links
    // to an untouched file, and the output is written all the same.
    QTemporaryDir dir;
    Victim victim;
    const QString out = dir.filePath(u"out.json"_s);
    for (const QString &name : {u"out.json.tmp"_s, u"out.json.db.tmp"_s})
        QVERIFY(QFile::link(victim.path, dir.filePath(name)));
    writeFileSafely(out, "the record", u"export"_s);
    QCOMPARE(readAll(out), QByteArray("the record"));
    QCOMPARE(victim.content(), victimText);
    QCOMPARE(entries(dir.path()), (QStringList{u"out.json"_s, u"out.json.db.tmp"_s, u"out.json.tmp"_s}));
}

void SafeFileTest::tempFileGoesWhenNotCommitted()
{
    QTemporaryDir dir;
    QString path;
    {
        SafeTempFile a(dir.path(), u"export"_s);
        SafeTempFile b(dir.path(), u"export"_s);
        QVERIFY(a.path() != b.path()); // random, never the same name twice
        QVERIFY(QFileInfo(a.path()).fileName().size() >= 20);
        path = a.path();
        a.write("half a record");
        QVERIFY(QFileInfo::exists(path));
    }
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(entries(dir.path()).isEmpty());
    // A folder that does not exist: Error(Io), nothing made.
    QVERIFY_THROWS_EXCEPTION(Error, writeFileSafely(dir.filePath(u"missing/out.json"_s), "x", u"export"_s));
}

void SafeFileTest::vaultOutputsRefuseALink()
{
    QTemporaryDir tmp;
    const QString vaultDir = tmp.filePath(u"vault"_s);
    auto v = Vault::create(vaultDir, u"alice"_s, secret(), model::Role::Supervisor, vault::KdfCost::testOnly()).vault;
    QTemporaryDir outDir;
    Victim victim;
    const QString backup = outDir.filePath(u"vault.ucbackup"_s);
    const QString audit = outDir.filePath(u"audit.csv"_s);
    QVERIFY(QFile::link(victim.path, backup));
    QVERIFY(QFile::link(victim.path, audit));
    QVERIFY_THROWS_EXCEPTION(Error, v->backup().write(backup));
    QVERIFY_THROWS_EXCEPTION(Error, (void)v->auditTrail().exportCsv({}, audit));
    QCOMPARE(victim.content(), victimText);
    QCOMPARE(entries(outDir.path()), (QStringList{u"audit.csv"_s, u"vault.ucbackup"_s}));

    // With links at the old predictable temp names the backup is written, and they are untouched.
    QVERIFY(QFile::remove(backup));
    QVERIFY(QFile::link(victim.path, backup + u".db.tmp"_s));
    QVERIFY(QFile::link(victim.path, backup + u".tmp"_s));
    v->backup().write(backup);
    QVERIFY(readAll(backup).startsWith("UCBACKUP1\n"));
    QCOMPARE(victim.content(), victimText);
    QCOMPARE(entries(outDir.path()),
             (QStringList{u"audit.csv"_s, u"vault.ucbackup"_s, u"vault.ucbackup.db.tmp"_s, u"vault.ucbackup.tmp"_s}));
    // The vault folder holds no leftover either (keyslots.json is written the same way).
    for (const QString &name : entries(vaultDir))
        QVERIFY2(!name.endsWith(u".tmp"_s), qPrintable(name));
}

void SafeFileTest::cliOutputsRefuseALink()
{
    QTemporaryDir tmp;
    Victim victim;
    const QString vaultDir = tmp.filePath(u"vault"_s);
    const QString pass = tmp.filePath(u"pass"_s);
    {
        QFile f(pass);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(passphraseText.data(), qsizetype(passphraseText.size())) + '\n');
    }
    struct Run
    {
        int code;
        QByteArray err;
    };
    auto cli = [&](const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CLI_PATH), QStringList{u"--vault"_s, vaultDir, u"--user"_s, u"alice"_s,
                                                      u"--passphrase-file"_s, pass}
                                              + args);
        if (!p.waitForFinished(120000))
            return Run{-1, {}};
        return Run{p.exitCode(), p.readAllStandardError()};
    };
    QTemporaryDir outDir;
    // init --recovery-key-file through a link: refused before the vault is made.
    const QString keyFile = outDir.filePath(u"recovery.txt"_s);
    QVERIFY(QFile::link(victim.path, keyFile));
    Run r = cli({u"init"_s, u"--recovery-key-file"_s, keyFile});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("symbolic link"), r.err.constData());
    QVERIFY(!QFileInfo::exists(vaultDir + u"/keyslots.json"_s));
    QVERIFY(QFile::remove(keyFile));
    r = cli({u"init"_s, u"--recovery-key-file"_s, keyFile});
    QCOMPARE(r.code, 0);
    QVERIFY(readAll(keyFile).size() > 20);
    QVERIFY(readAll(keyFile).endsWith('\n'));
    QCOMPARE(modeOf(keyFile), 0600u);

    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-1"_s, u"--name"_s, u"Client One"_s}).code, 0);
    const QString json = outDir.filePath(u"record.json"_s);
    const QString pdf = outDir.filePath(u"report.pdf"_s);
    const QString csv = outDir.filePath(u"audit.csv"_s);
    for (const QString &out : {json, pdf, csv})
        QVERIFY(QFile::link(victim.path, out));
    for (const QStringList &args : {QStringList{u"export"_s, u"--client"_s, u"C-1"_s, u"--out"_s, json},
                                    QStringList{u"report"_s, u"client"_s, u"--client"_s, u"C-1"_s, u"--out"_s, pdf},
                                    QStringList{u"audit"_s, u"export"_s, u"--out"_s, csv}}) {
        r = cli(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(u' ') + u": "_s + QString::fromUtf8(r.err)));
        QVERIFY2(r.err.contains("symbolic link"), r.err.constData());
    }
    QCOMPARE(victim.content(), victimText);
    QCOMPARE(entries(outDir.path()), (QStringList{u"audit.csv"_s, u"record.json"_s, u"recovery.txt"_s, u"report.pdf"_s}));
}

QTEST_GUILESS_MAIN(SafeFileTest)
#include "safefiletest.moc"
