// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/processtext.h"

#include "vault/state.h"
#include "vault/userkeys.h"

#include <sodium.h>

#include <QList>

namespace uc::vault {

namespace {

constexpr QLatin1StringView sealedPrefix("ucp1:");
constexpr std::size_t nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

QByteArray fieldName(SealedField field)
{
    switch (field) {
    case SealedField::Sections:
        return "sections";
    case SealedField::ThemeEvidence:
        return "theme-evidence";
    case SealedField::RiskEvidence:
        return "risk-evidence";
    case SealedField::Addendum:
        return "addendum";
    }
    return "unknown";
}

// Binds a sealed value to its note and field: moved to another note or column, it does not open.
QByteArray associatedData(model::Id noteId, SealedField field)
{
    return QByteArray("undercurrent-process-v1\n") + fieldName(field) + '\n' + QByteArray::number(noteId);
}

[[noreturn]] void unreadable()
{
    throw Error(ErrorKind::Damaged, QStringLiteral("read process note"),
                QStringLiteral("a process note's sealed text does not open with its author's key (it was altered, "
                               "moved, or sealed under a key this account no longer has)"));
}

QString seal(const SecretBuffer &key, model::Id noteId, SealedField field, const QString &text)
{
    const QByteArray plain = text.toUtf8();
    const QByteArray ad = associatedData(noteId, field);
    QByteArray out(static_cast<qsizetype>(nonceBytes + plain.size() + tagBytes), Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, nonceBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceBytes, &written,
                                               reinterpret_cast<const unsigned char *>(plain.constData()),
                                               static_cast<unsigned long long>(plain.size()),
                                               reinterpret_cast<const unsigned char *>(ad.constData()),
                                               static_cast<unsigned long long>(ad.size()), nullptr, nonce, key.data());
    return sealedPrefix + QString::fromLatin1(out.toBase64());
}

QString open(const SecretBuffer &key, model::Id noteId, SealedField field, const QString &stored)
{
    if (key.empty())
        unreadable();
    const QByteArray raw = QByteArray::fromBase64(QStringView(stored).mid(sealedPrefix.size()).toLatin1());
    if (raw.size() < static_cast<qsizetype>(nonceBytes + tagBytes))
        unreadable();
    const QByteArray ad = associatedData(noteId, field);
    const auto *nonce = reinterpret_cast<const unsigned char *>(raw.constData());
    QByteArray plain(raw.size() - static_cast<qsizetype>(nonceBytes + tagBytes), Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
                                                   nonce + nonceBytes,
                                                   static_cast<unsigned long long>(raw.size()) - nonceBytes,
                                                   reinterpret_cast<const unsigned char *>(ad.constData()),
                                                   static_cast<unsigned long long>(ad.size()), nonce, key.data())
        != 0)
        unreadable();
    return QString::fromUtf8(plain.constData(), static_cast<qsizetype>(length));
}

// Triggers that keep signed rows from changing are set aside for the one step that seals rows in
// place (the words do not change, only how they are stored), and put back as they were.
class SetAside
{
public:
    SetAside(sql::Database &db, std::initializer_list<const char *> names)
        : m_db(db)
    {
        auto stmt = m_db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
        for (const char *name : names) {
            stmt.bind(1, name);
            if (stmt.step()) {
                m_triggers.append(stmt.text(1).toStdString());
                m_db.exec("DROP TRIGGER " + std::string(name));
            }
            stmt.reset();
        }
    }
    ~SetAside() = default;
    SetAside(const SetAside &) = delete;
    SetAside &operator=(const SetAside &) = delete;
    void restore()
    {
        for (const std::string &sql : std::as_const(m_triggers))
            m_db.exec(sql);
    }

private:
    sql::Database &m_db;
    QList<std::string> m_triggers;
};

} // namespace

SecretBuffer processKeyOf(const UserKeys &keys)
{
    if (keys.recoveryPublic.isEmpty() || keys.signSecret.size() < crypto_sign_SEEDBYTES)
        return {};
    static_assert(crypto_kdf_KEYBYTES == crypto_sign_SEEDBYTES);
    static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES >= crypto_kdf_BYTES_MIN);
    // A subkey of the Ed25519 seed (the secret key's first 32 bytes) under its own context: the
    // signing key itself is never used to encrypt.
    SecretBuffer key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    crypto_kdf_derive_from_key(key.data(), key.size(), 1, "ucproc01", keys.signSecret.data());
    return key;
}

bool isSealed(const QString &stored)
{
    return stored.startsWith(sealedPrefix);
}

QString storedForm(const VaultState &s, model::Id noteId, bool processNote, SealedField field, const QString &text)
{
    if (!processNote || s.processKey.empty())
        return text;
    return seal(s.processKey, noteId, field, text);
}

QString openedForm(const VaultState &s, model::Id noteId, bool processNote, SealedField field, const QString &stored)
{
    if (!processNote || !isSealed(stored))
        return stored;
    return open(s.processKey, noteId, field, stored);
}

bool isProcessNote(VaultState &s, model::Id noteId)
{
    auto stmt = s.db.prepare("SELECT kind = 'process' FROM notes WHERE id = ?");
    stmt.bind(1, noteId);
    return stmt.step() && stmt.int64(0) != 0;
}

int sealOwnProcessNotes(VaultState &s)
{
    if (s.processKey.empty())
        return 0;
    QList<model::Id> notes;
    {
        auto stmt = s.db.prepare("SELECT id FROM notes WHERE author_id = ? AND kind = 'process' "
                                 "AND substr(sections, 1, 5) <> 'ucp1:'");
        stmt.bind(1, s.user.id);
        while (stmt.step())
            notes.append(stmt.int64(0));
    }
    if (notes.isEmpty())
        return 0;
    sql::Transaction tx(s.db);
    SetAside guard(s.db, {"notes_signed_no_update", "addenda_no_update"});
    auto readSections = s.db.prepare("SELECT sections FROM notes WHERE id = ?");
    auto writeNote = s.db.prepare("UPDATE notes SET sections = ?, body = '' WHERE id = ?");
    // Rows are sealed one by one: each value is bound to its own note.
    auto sealRows = [&](const char *select, const char *update, model::Id noteId, SealedField field) {
        QList<std::pair<model::Id, QString>> rows;
        auto stmt = s.db.prepare(select);
        stmt.bind(1, noteId);
        while (stmt.step())
            rows.append({stmt.int64(0), stmt.text(1)});
        auto write = s.db.prepare(update);
        for (const auto &[id, text] : std::as_const(rows)) {
            if (isSealed(text))
                continue;
            write.bind(1, seal(s.processKey, noteId, field, text)).bind(2, id).run();
            write.reset();
        }
    };
    for (const model::Id id : std::as_const(notes)) {
        readSections.bind(1, id);
        if (readSections.step())
            writeNote.bind(1, seal(s.processKey, id, SealedField::Sections, readSections.text(0))).bind(2, id).run();
        readSections.reset();
        writeNote.reset();
        sealRows("SELECT id, evidence FROM theme_hits WHERE note_id = ?", "UPDATE theme_hits SET evidence = ? WHERE id = ?",
                 id, SealedField::ThemeEvidence);
        sealRows("SELECT id, evidence FROM risk_flags WHERE note_id = ?", "UPDATE risk_flags SET evidence = ? WHERE id = ?",
                 id, SealedField::RiskEvidence);
        sealRows("SELECT id, text FROM addenda WHERE note_id = ?", "UPDATE addenda SET text = ? WHERE id = ?", id,
                 SealedField::Addendum);
    }
    guard.restore();
    s.audit(QStringLiteral("process-notes-sealed"), QStringLiteral("user:%1").arg(s.user.id),
            QStringLiteral("%1 process notes sealed to their author's key").arg(notes.size()));
    tx.commit();
    return static_cast<int>(notes.size());
}

} // namespace uc::vault
