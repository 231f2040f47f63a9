// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace uc::vault {

// Argon2id cost. Production vaults use at least moderate(); tests may use cheaper ones so that
// hundreds of unlocks stay fast (the cost is stored per slot, so a slot opens with what made it).
struct KdfCost
{
    std::uint64_t opslimit = 0;
    std::size_t memlimit = 0;
    static KdfCost moderate();
    static KdfCost interactive();
    static KdfCost testOnly(); // the library's minimum: for tests, never for a real vault
};

// The recovery key: 160 random bits shown once as eight groups of four characters
// (Crockford base32: no I, L, O or U, so it copies cleanly from paper).
class RecoveryKey
{
public:
    static RecoveryKey generate();
    // Accepts the printed form with or without dashes, spaces or case; throws Error(Auth) if
    // it is not a well-formed key.
    static RecoveryKey parse(std::string_view text);
    [[nodiscard]] const SecretBuffer &bytes() const { return m_bytes; }
    // "ABCD-EFGH-…" in guarded memory.
    [[nodiscard]] SecretBuffer display() const;

private:
    SecretBuffer m_bytes;
};

// keyslots.json: the data key wrapped once per user (by their passphrase) and once by the recovery
// key. Written atomically (temp file, fsync, rename, fsync of the folder), keeping the previous
// version as keyslots.json.bak.
class KeySlots
{
public:
    static constexpr auto fileName = "keyslots.json";
    static constexpr auto backupName = "keyslots.json.bak";

    // Reads dir/keyslots.json (falling back to the .bak when the main file is unreadable).
    // Throws Error(Damaged) when neither is a key-slot file.
    static KeySlots load(const QString &dir);
    static KeySlots fromJson(const QByteArray &json); // throws Error(Damaged)
    [[nodiscard]] QByteArray toJson() const;
    void save(const QString &dir) const;

    [[nodiscard]] bool hasUser(const QString &user) const;
    [[nodiscard]] QList<QString> users() const;
    // The data key, or Error(Auth) "the user name or passphrase is wrong".
    [[nodiscard]] SecretBuffer unwrapUser(const QString &user, const SecretBuffer &passphrase) const;
    [[nodiscard]] SecretBuffer unwrapRecovery(const RecoveryKey &key) const;
    void setUser(const QString &user, const SecretBuffer &passphrase, const SecretBuffer &dataKey, KdfCost cost);
    void setRecovery(const RecoveryKey &key, const SecretBuffer &dataKey);

    // Extra authenticated state kept beside the slots (the audit chain's head).
    [[nodiscard]] QJsonObject extra() const { return m_extra; }
    void setExtra(const QJsonObject &extra) { m_extra = extra; }

private:
    struct Slot
    {
        QString type; // "user" or "recovery"
        QString user;
        std::uint64_t opslimit = 0;
        std::size_t memlimit = 0;
        QByteArray salt;
        QByteArray nonce;
        QByteArray wrapped;
    };
    static Slot wrap(const SecretBuffer &secret, const SecretBuffer &dataKey, KdfCost cost);
    static SecretBuffer unwrap(const Slot &slot, const SecretBuffer &secret);

    QList<Slot> m_slots;
    QJsonObject m_extra;
};

// Writes bytes to path atomically: temp file beside it, fsync, rename, fsync of the folder.
// Throws Error(Io) on any failure, leaving the old file as it was.
void writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace uc::vault
