// SPDX-License-Identifier: GPL-3.0-or-later
// The first vertical slice: an SQLCipher database keyed with a raw 32-byte key stores and returns
// a row, keeps it unreadable on disk, and refuses the wrong key.
#include "vault/sqlite.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace uc;

class SqliteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesAndReadsARowWithARawKey();
    void fileOnDiskHoldsNoPlaintext();
    void wrongKeyIsRefusedAsDamagedNotACrash();
    void garbageFileIsRefused();
    void transactionRollsBackUnlessCommitted();
    void keyIsWipedAfterUse();
    void reportsCipherVersion();

private:
    static const QByteArray canary;
};

const QByteArray SqliteTest::canary = QByteArrayLiteral("CANARY-she-drinks-when-she-feels-abandoned-7f3a");

void SqliteTest::writesAndReadsARowWithARawKey()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("slice.db"));
    const SecretBuffer key = SecretBuffer::random(32);
    {
        auto db = sql::Database::open(path, key);
        db.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        db.prepare("INSERT INTO notes(body) VALUES (?)").bind(1, QString::fromUtf8(canary)).run();
        QCOMPARE(db.lastInsertId(), 1);
    }
    auto db = sql::Database::open(path, key, sql::Database::Open::MustExist);
    auto stmt = db.prepare("SELECT body FROM notes WHERE id = ?");
    stmt.bind(1, 1);
    QVERIFY(stmt.step());
    QCOMPARE(stmt.text(0), QString::fromUtf8(canary));
    QVERIFY(!stmt.step());
    QCOMPARE(db.pragmaText("PRAGMA journal_mode"), QStringLiteral("wal"));
    QCOMPARE(db.pragmaText("PRAGMA foreign_keys"), QStringLiteral("1"));
    QCOMPARE(db.pragmaText("PRAGMA secure_delete"), QStringLiteral("1"));
}

void SqliteTest::fileOnDiskHoldsNoPlaintext()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("slice.db"));
    const SecretBuffer key = SecretBuffer::random(32);
    {
        auto db = sql::Database::open(path, key);
        db.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        for (int i = 0; i < 50; ++i)
            db.prepare("INSERT INTO notes(body) VALUES (?)").bind(1, QString::fromUtf8(canary)).run();
        // Scan while open too, so the -wal file is checked as well as the main file.
        int scanned = 0;
        QDirIterator it(dir.path(), QDir::Files);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray bytes = file.readAll();
            QVERIFY2(!bytes.contains(canary), qPrintable(file.fileName()));
            QVERIFY2(!bytes.contains("SQLite format 3"), "the header must be encrypted too");
            scanned += bytes.isEmpty() ? 0 : 1;
        }
        QVERIFY(scanned >= 1);
    }
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 4096);
    QVERIFY(!bytes.contains(canary));
    QVERIFY(!bytes.contains("CREATE TABLE"));
}

void SqliteTest::wrongKeyIsRefusedAsDamagedNotACrash()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("slice.db"));
    {
        auto db = sql::Database::open(path, SecretBuffer::random(32));
        db.exec("CREATE TABLE t(x)");
    }
    try {
        auto db = sql::Database::open(path, SecretBuffer::random(32), sql::Database::Open::MustExist);
        QFAIL("a wrong key must not open the database");
    } catch (const Error &e) {
        QCOMPARE(e.kind(), ErrorKind::Damaged);
        QVERIFY(!e.why().isEmpty());
    }
}

void SqliteTest::garbageFileIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    QVERIFY_THROWS_EXCEPTION(Error, sql::Database::open(path, SecretBuffer::random(32), sql::Database::Open::MustExist));
    // A missing file is refused when it must exist, and nothing is created.
    const QString missing = dir.filePath(QStringLiteral("missing.db"));
    QVERIFY_THROWS_EXCEPTION(Error, sql::Database::open(missing, SecretBuffer::random(32), sql::Database::Open::MustExist));
    QVERIFY(!QFile::exists(missing));
}

void SqliteTest::transactionRollsBackUnlessCommitted()
{
    QTemporaryDir dir;
    auto db = sql::Database::open(dir.filePath(QStringLiteral("t.db")), SecretBuffer::random(32));
    db.exec("CREATE TABLE t(x INTEGER)");
    {
        sql::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
        // no commit: destroyed while open
    }
    {
        sql::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (2)");
        tx.commit();
    }
    auto stmt = db.prepare("SELECT group_concat(x) FROM t");
    QVERIFY(stmt.step());
    QCOMPARE(stmt.text(0), QStringLiteral("2"));
}

void SqliteTest::keyIsWipedAfterUse()
{
    SecretBuffer key = SecretBuffer::random(32);
    QCOMPARE(key.size(), 32u);
    SecretBuffer moved = std::move(key);
    QVERIFY(key.empty());
    QCOMPARE(moved.size(), 32u);
    moved.wipe();
    QVERIFY(moved.empty());
    QVERIFY(moved.data() == nullptr);
    // A key of the wrong size is refused before anything touches the disk.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("k.db"));
    QVERIFY_THROWS_EXCEPTION(Error, sql::Database::open(path, SecretBuffer::random(16)));
    QVERIFY(!QFile::exists(path));
}

void SqliteTest::reportsCipherVersion()
{
    const QString version = sql::cipherVersion();
    QVERIFY2(version.startsWith(QLatin1String("4.")), qPrintable(version));
    const auto parts = version.split(QLatin1Char('.'));
    QVERIFY(parts.size() >= 2);
    QVERIFY(parts.at(1).toInt() >= 5);
}

QTEST_GUILESS_MAIN(SqliteTest)
#include "sqlitetest.moc"
