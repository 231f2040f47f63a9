// SPDX-License-Identifier: GPL-3.0-or-later
// A full disk, for real: a small tmpfs filled to the last byte. Saving a note, a backup and an
// unlock on it fail as Error(Io) (exit 2) saying "the disk is full", never "damaged" or "SQL logic
// error"; once space is freed the vault opens whole, with everything saved before and no audit
// entry without a user. Mounting needs root (CAP_SYS_ADMIN); elsewhere the test is skipped.
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/mount.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::Vault;

namespace {

constexpr std::string_view passphraseText = "disk full test passphrase";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphraseText);
}

// A tmpfs of a few MiB mounted on a temporary folder, unmounted when it goes.
struct SmallDisk
{
    QTemporaryDir base;
    QString path = base.path();
    bool mounted = false;
    QString failure;

    SmallDisk()
    {
        mounted = ::mount("tmpfs", QFile::encodeName(path).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                          "size=6m,mode=0700")
                  == 0;
        if (!mounted)
            failure = QString::fromLocal8Bit(std::strerror(errno));
    }
    ~SmallDisk()
    {
        if (mounted)
            ::umount2(QFile::encodeName(path).constData(), MNT_DETACH);
    }
    [[nodiscard]] QString filePath(const QString &name) const { return QDir(path).filePath(name); }

    // Writes a filler file until the disk refuses another byte.
    void fill() const
    {
        const int fd = ::open(QFile::encodeName(filePath(u"filler"_s)).constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        const QByteArray chunk(4096, 'f');
        while (::write(fd, chunk.constData(), static_cast<std::size_t>(chunk.size())) > 0) {
        }
        const char one = 'f';
        while (::write(fd, &one, 1) > 0) {
        }
        ::close(fd);
    }
    void free() const { QFile::remove(filePath(u"filler"_s)); }
};

QList<model::Section> sections(const QString &text)
{
    return {{u"Note"_s, text}};
}

model::Id addNote(Vault &v, const model::Date &date, const QString &text)
{
    model::Session s;
    s.date = date;
    s.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
    return v.notes().addSession(s, u"free"_s, model::NoteKind::Progress, sections(text)).notes.first();
}

QString longText()
{
    QString text;
    for (int i = 0; text.size() < 400000; ++i)
        text += u"She spoke about the weekend, the cravings and the shame afterwards, line %1.\n"_s.arg(i);
    return text;
}

qint64 auditWithoutUser(Vault &v)
{
    return vault::VaultTestAccess::database(v).pragmaText("SELECT count(*) FROM audit WHERE user = ''").toLongLong();
}

} // namespace

class DiskFullTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullDiskIsExitTwoAndTheVaultStaysWhole();
};

void DiskFullTest::fullDiskIsExitTwoAndTheVaultStaysWhole()
{
    SmallDisk disk;
    if (!disk.mounted)
        QSKIP(qPrintable(u"a tmpfs cannot be mounted here (needs root): "_s + disk.failure));
    const QString dir = disk.filePath(u"vault"_s);
    model::Id kept = 0;
    {
        auto v = Vault::create(dir, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v->clients().add(c);
        kept = addNote(*v, model::Date(2025, 3, 1), u"Saved before the disk filled."_s);

        disk.fill();
        try {
            (void)addNote(*v, model::Date(2025, 3, 2), longText());
            QFAIL("a note was saved on a full disk");
        } catch (const Error &e) {
            QCOMPARE(e.exitCode(), 2);
            QVERIFY2(e.why().startsWith(u"the disk is full"_s), qPrintable(e.message()));
        }
        try {
            v->backup().write(disk.filePath(u"vault.ucbackup"_s));
            QFAIL("a backup was written on a full disk");
        } catch (const Error &e) {
            QCOMPARE(e.exitCode(), 2);
            QVERIFY2(e.why().startsWith(u"the disk is full"_s), qPrintable(e.message()));
        }
        QVERIFY(!QFile::exists(disk.filePath(u"vault.ucbackup"_s)));
        QCOMPARE(QDir(disk.path).entryList(QDir::Files | QDir::Hidden), (QStringList{u"filler"_s}));
    } // locked on a full disk: the lock entry may not fit, and that is no damage

    // The CLI on the full disk: exit 2 and the words, for a save and for a backup.
    const QString pass = QDir(QDir::tempPath()).filePath(u"diskfulltest-pass-%1"_s.arg(QCoreApplication::applicationPid()));
    {
        QFile f(pass);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(passphraseText.data(), qsizetype(passphraseText.size())) + '\n');
    }
    const QString noteFile = pass + u".note"_s;
    {
        QFile f(noteFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(longText().toUtf8());
    }
    for (const QStringList &args : {QStringList{u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s,
                                                u"2025-03-03"_s, u"--note-file"_s, noteFile},
                                    QStringList{u"backup"_s, u"--out"_s, disk.filePath(u"cli.ucbackup"_s)}}) {
        QProcess p;
        p.start(QStringLiteral(CLI_PATH),
                QStringList{u"--vault"_s, dir, u"--user"_s, u"alice"_s, u"--passphrase-file"_s, pass} + args);
        QVERIFY(p.waitForFinished(120000));
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(p.exitCode() == 2, qPrintable(args.join(u' ') + u": "_s + QString::fromUtf8(err)));
        QVERIFY2(err.contains("the disk is full"), err.constData());
    }
    QFile::remove(pass);
    QFile::remove(noteFile);

    disk.free();
    auto v = Vault::open(dir, u"alice"_s, secret());
    QVERIFY(v->backup().verifyIntegrity());
    const QList<model::Note> notes = v->notes().forClient(u"C-1"_s, false);
    QCOMPARE(notes.size(), 1);
    QCOMPARE(notes.first().id, kept);
    QCOMPARE(auditWithoutUser(*v), 0);
    QVERIFY(v->auditTrail().verify().whole);
}

QTEST_GUILESS_MAIN(DiskFullTest)
#include "diskfulltest.moc"
