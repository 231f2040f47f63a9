// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "vault/recoverykey.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

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

// keyslots.json: the data key wrapped once per user (by their passphrase) and once by the recovery
// key. Written atomically (temp file, fsync, rename, fsync of the folder), keeping the previous
// version as keyslots.json.bak.
//
// Each slot (format 2) wraps the key with XChaCha20-Poly1305 whose associated data binds the slot's
// type, user name, role, administrator flag, KDF cost and salt, so no field can be edited or swapped
// between slots. Format-1 slots (secretbox, no binding) still open and are rewritten as format 2 at
// their user's next unlock. The file as a whole (slots, generation, vault id, extra) carries a MAC
// under a subkey of the data key; only the failed-unlock hints, written without a key, stay outside.
class KeySlots
{
public:
    static constexpr auto fileName = "keyslots.json";
    static constexpr auto backupName = "keyslots.json.bak";

    // What a user's slot says about them (authenticated once the file's MAC is checked).
    struct UserSlot
    {
        QString user;
        QString role;
        bool admin = false;
        int version = 0; // 1: unbound (old vaults), 2: bound
        KdfCost cost;
    };

    // Reads dir/keyslots.json (falling back to the .bak when the main file is unreadable).
    // Throws Error(Damaged) when neither is a key-slot file.
    static KeySlots load(const QString &dir);
    static KeySlots fromJson(const QByteArray &json); // throws Error(Damaged)
    [[nodiscard]] QByteArray toJson() const;
    // Writes the file with a new generation and MAC under dataKey.
    void save(const QString &dir, const SecretBuffer &dataKey);
    // Writes the file as it is (the MAC unchanged): for the unauthenticated hints only.
    void saveHints(const QString &dir) const;

    // Whether an Argon2id cost is one this program will spend: at least the library's minimum, at most
    // opslimit 20 and 4 GiB. Anything else in a slot is damage, refused before any work.
    [[nodiscard]] static bool costInBounds(std::uint64_t opslimit, std::size_t memlimit);

    [[nodiscard]] bool hasUser(const QString &user) const;
    [[nodiscard]] QList<QString> users() const;
    [[nodiscard]] std::optional<UserSlot> userSlot(const QString &user) const;
    // The data key; Error(Auth) "the user name or passphrase is wrong" for a wrong passphrase or an
    // unknown user (after the same Argon2id work either way); Error(Damaged) when the passphrase is
    // right but the slot's bound fields were edited or the slot was moved to another name.
    // keys (when given) receives the user's sealed signing-key payload, empty for a slot without one.
    [[nodiscard]] SecretBuffer unwrapUser(const QString &user, const SecretBuffer &passphrase,
                                          SecretBuffer *keys = nullptr) const;
    [[nodiscard]] SecretBuffer unwrapRecovery(const RecoveryKey &key) const;
    // keys: the user's signing-key payload (userkeys.h), sealed beside the data key under the same
    // passphrase and binding.
    void setUser(const QString &user, const QString &role, bool admin, const SecretBuffer &passphrase,
                 const SecretBuffer &dataKey, KdfCost cost, const SecretBuffer *keys = nullptr);
    void setRecovery(const RecoveryKey &key, const SecretBuffer &dataKey);
    // Deletes a user's slot (user remove).
    void removeUser(const QString &user);

    // A re-key's new data key, sealed to a slot's owner (userkeys.h, sealDataKey), waiting beside the
    // key the slot wraps until the owner's next unlock wraps it in its place (docs/security.md,
    // "Re-keying"). An empty user names the recovery slot. Rewriting a slot (setUser, setRecovery)
    // drops its pending key.
    [[nodiscard]] QByteArray pendingKey(const QString &user) const;
    void setPendingKey(const QString &user, const QByteArray &sealed);

    // The whole-file MAC: Missing for a file written before it existed.
    enum class Seal { Valid, Missing, Invalid };
    [[nodiscard]] Seal checkSeal(const SecretBuffer &dataKey) const;
    // Counts every authenticated write; a vault found at a lower one than seen before was rolled back.
    [[nodiscard]] std::uint64_t generation() const { return m_generation; }
    // A random id naming this vault (created at the first sealed write), for the rollback record.
    [[nodiscard]] QString vaultId() const { return m_vaultId; }
    // Whether load() fell back to keyslots.json.bak (one write behind the main file).
    [[nodiscard]] bool fromBackup() const { return m_fromBackup; }

    // Extra authenticated state kept beside the slots (the audit chain's head).
    [[nodiscard]] QJsonObject extra() const { return m_extra; }
    void setExtra(const QJsonObject &extra) { m_extra = extra; }
    // Failed unlocks, written without the key: unauthenticated hints, outside the MAC.
    [[nodiscard]] QJsonArray failedUnlocks() const { return m_failedUnlocks; }
    void setFailedUnlocks(const QJsonArray &hints) { m_failedUnlocks = hints; }

private:
    struct Slot
    {
        QString type; // "user" or "recovery"
        QString user;
        QString role;
        bool admin = false;
        int version = 2;
        std::uint64_t opslimit = 0;
        std::size_t memlimit = 0;
        QByteArray salt;
        QByteArray nonce;
        QByteArray check; // a tag of the KEK: tells a right passphrase on an edited slot from a wrong one
        QByteArray wrapped;
        QByteArray keysNonce; // the user's signing keys, sealed like the data key (absent in older slots)
        QByteArray keys;
        QByteArray pending; // a re-key's new data key sealed to the slot's owner (absent when none waits)
    };
    [[nodiscard]] Slot *findSlot(const QString &user);
    static Slot wrap(const Slot &fields, const SecretBuffer &secret, const SecretBuffer &dataKey, KdfCost cost,
                     const SecretBuffer *keys = nullptr);
    // The data key; empty for a wrong secret; Error(Damaged) for a right secret on an edited slot.
    static SecretBuffer unwrap(const Slot &slot, const SecretBuffer &secret, SecretBuffer *keys = nullptr);
    [[nodiscard]] QByteArray macInput() const;
    [[nodiscard]] QByteArray mac(const SecretBuffer &dataKey) const;

    QList<Slot> m_slots;
    QJsonObject m_extra;
    QJsonArray m_failedUnlocks;
    std::uint64_t m_generation = 0;
    QString m_vaultId;
    QByteArray m_mac;
    bool m_fromBackup = false;
};

// Writes bytes to path atomically: temp file beside it, fsync, rename, fsync of the folder.
// Throws Error(Io) on any failure, leaving the old file as it was.
void writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace uc::vault
