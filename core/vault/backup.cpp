// SPDX-License-Identifier: GPL-3.0-or-later
// The backup file: "UCBACKUP1\n", the size of the key slots' JSON and a newline, the key slots,
// then the database encrypted with the same data key. Written by Backup::write, read back by
// Vault::restore.
#include "vault/backup.h"

#include "common/safefile.h"
#include "vault/schema.h"
#include "vault/state.h"
#include "vault/vault.h"

#include <sodium.h>
#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>


namespace uc::vault {

namespace {

constexpr auto backupMagic = "UCBACKUP1\n";

bool runCheck(sql::Database &db, std::string_view pragma, bool okRowMeansFine)
{
    auto stmt = db.prepare(pragma);
    bool fine = true;
    while (stmt.step()) {
        if (!okRowMeansFine || stmt.text(0) != QLatin1String("ok"))
            fine = false;
    }
    return fine;
}

} // namespace

void Backup::write(const QString &file)
{
    m_state.require(model::Action::Backup);
    const QString what = QStringLiteral("backup");
    sql::Database &db = m_state.db;
    requireWritableTarget(file, what);
    // ATTACH inherits the connection's open flags (no create), so the file is made first, owner-only,
    // under a fresh random name (O_EXCL|O_NOFOLLOW) in the target's folder; it goes when this returns.
    const SafeTempFile exportFile(QFileInfo(file).absolutePath(), what);
    const QString exportPath = exportFile.path();
    // sqlcipher_export writes an encrypted copy keyed with the same data key; no plaintext ever
    // reaches the disk. The key is bound, never spliced into SQL.
    {
        const SecretBuffer &dataKey = m_state.dataKey;
        SecretBuffer spec(3 + 2 * dataKey.size());
        auto *out = reinterpret_cast<char *>(spec.data());
        sodium_bin2hex(out + 2, 2 * dataKey.size() + 1, dataKey.data(), dataKey.size());
        out[0] = 'x';
        out[1] = '\'';
        out[spec.size() - 1] = '\'';
        auto attach = db.prepare("ATTACH DATABASE ? AS backup KEY ?");
        attach.bind(1, exportPath).bindSecret(2, spec);
        attach.run();
    }
    try {
        db.exec(QStringLiteral("PRAGMA backup.cipher_page_size = %1").arg(sql::pageSize).toStdString());
        db.exec("SELECT sqlcipher_export('backup')");
        db.exec(QStringLiteral("PRAGMA backup.user_version = %1").arg(userVersion(db)).toStdString());
        db.exec("DETACH DATABASE backup");
    } catch (...) {
        sqlite3_exec(db.handle(), "DETACH DATABASE backup", nullptr, nullptr, nullptr);
        throw;
    }
    QFile exported(exportPath);
    if (!exported.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Io, what, QStringLiteral("the backup copy cannot be read"));
    QByteArray bytes = QByteArray(backupMagic);
    const QByteArray slots = m_state.slots.toJson();
    m_state.recordEvent(QStringLiteral("backup"), QStringLiteral("vault"));
    bytes += QByteArray::number(slots.size()) + '\n' + slots + exported.readAll();
    exported.close();
    writeFileSafely(file, bytes, what);
}

bool Backup::verifyIntegrity()
{
    // cipher_integrity_check reads the database file itself, not the write-ahead log: a
    // checkpoint cut short (a full disk) leaves pages there that only the log makes whole.
    m_state.db.checkpoint();
    return runCheck(m_state.db, "PRAGMA cipher_integrity_check", false)
        && runCheck(m_state.db, "PRAGMA integrity_check", true);
}

void Vault::restore(const QString &backupFile, const QString &dir, const QString &user, const SecretBuffer &passphrase)
{
    const QString what = QStringLiteral("restore");
    QFile in(backupFile);
    if (!in.open(QIODevice::ReadOnly))
        badInput(what, QStringLiteral("the backup file cannot be read"));
    const QByteArray bytes = in.readAll();
    const QByteArray magic(backupMagic);
    if (!bytes.startsWith(magic))
        throw Error(ErrorKind::Damaged, what, QStringLiteral("not an Undercurrent backup file"));
    const qsizetype lineEnd = bytes.indexOf('\n', magic.size());
    bool ok = false;
    const qsizetype slotsSize = bytes.mid(magic.size(), lineEnd - magic.size()).toLongLong(&ok);
    if (lineEnd < 0 || !ok || slotsSize <= 0 || lineEnd + 1 + slotsSize >= bytes.size())
        throw Error(ErrorKind::Damaged, what, QStringLiteral("the backup file is damaged"));
    const QByteArray slots = bytes.mid(lineEnd + 1, slotsSize);
    const QByteArray database = bytes.mid(lineEnd + 1 + slotsSize);
    KeySlots::fromJson(slots); // throws Damaged on a damaged slot file

    QDir folder(dir);
    if (folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the target folder is not empty"));
    if (!QDir().mkpath(dir))
        throw Error(ErrorKind::Io, what, QStringLiteral("the target folder cannot be created"));
    try {
        writeFileAtomically(QDir(dir).filePath(QLatin1String(databaseName)), database);
        writeFileAtomically(QDir(dir).filePath(QLatin1String(KeySlots::fileName)), slots);
        auto vault = openAs(dir, user, passphrase, true);
        if (!vault->backup().verifyIntegrity())
            throw Error(ErrorKind::Damaged, what, QStringLiteral("the backup's database is damaged"));
        vault->recordEvent(QStringLiteral("restore"), QStringLiteral("vault"));
    } catch (...) {
        for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(QDir(dir).filePath(name));
        throw;
    }
}

} // namespace uc::vault
