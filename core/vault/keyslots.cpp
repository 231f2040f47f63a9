// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/keyslots.h"

#include "common/error.h"
#include "common/safefile.h"

#include <sodium.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace uc::vault {

namespace {

constexpr int formatVersion = 2;
constexpr std::size_t checkBytes = 16;
// Upper bounds of a slot's Argon2id cost: above the library's "sensitive" level (4 passes, 1 GiB),
// below what would hang an unlock. A slot asking for more was edited.
constexpr std::uint64_t maxOpslimit = 20;
constexpr std::size_t maxMemlimit = std::size_t{4} * 1024 * 1024 * 1024;

QString slotsWhat()
{
    return QStringLiteral("read key slots");
}

[[noreturn]] void damaged(const QString &why)
{
    throw Error(ErrorKind::Damaged, slotsWhat(), why);
}

[[noreturn]] void ioFailure(const QString &what)
{
    const int err = errno;
    throw Error(ErrorKind::Io, what,
                err == ENOSPC ? QStringLiteral("the disk is full; nothing was changed")
                              : QString::fromLocal8Bit(std::strerror(err)));
}

} // namespace

KdfCost KdfCost::moderate()
{
    return {crypto_pwhash_OPSLIMIT_MODERATE, crypto_pwhash_MEMLIMIT_MODERATE};
}

KdfCost KdfCost::interactive()
{
    return {crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE};
}

KdfCost KdfCost::testOnly()
{
    return {crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN};
}

// ---- KeySlots -------------------------------------------------------------------------------

bool KeySlots::costInBounds(std::uint64_t opslimit, std::size_t memlimit)
{
    return opslimit >= crypto_pwhash_OPSLIMIT_MIN && opslimit <= maxOpslimit && memlimit >= crypto_pwhash_MEMLIMIT_MIN
           && memlimit <= maxMemlimit;
}

namespace {

void appendField(QByteArray &out, const QByteArray &field)
{
    const auto size = static_cast<std::uint32_t>(field.size());
    for (int shift = 24; shift >= 0; shift -= 8)
        out.append(static_cast<char>((size >> shift) & 0xff));
    out.append(field);
}

void appendNumber(QByteArray &out, std::uint64_t n)
{
    for (int shift = 56; shift >= 0; shift -= 8)
        out.append(static_cast<char>((n >> shift) & 0xff));
}

SecretBuffer deriveKek(const SecretBuffer &secret, const QByteArray &salt, std::uint64_t opslimit, std::size_t memlimit)
{
    SecretBuffer kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(kek.data(), kek.size(), reinterpret_cast<const char *>(secret.data()), secret.size(),
                      reinterpret_cast<const unsigned char *>(salt.constData()), opslimit, memlimit,
                      crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        throw Error(ErrorKind::Io, QStringLiteral("derive key"), QStringLiteral("not enough memory for Argon2id"));
    return kek;
}

QByteArray kekCheck(const SecretBuffer &kek)
{
    static constexpr char label[] = "undercurrent key-slot check";
    QByteArray tag(checkBytes, '\0');
    crypto_generichash(reinterpret_cast<unsigned char *>(tag.data()), checkBytes,
                       reinterpret_cast<const unsigned char *>(label), sizeof label - 1, kek.data(), kek.size());
    return tag;
}

// Everything a slot says about itself, as the AEAD's associated data: editing any of it, or moving
// the slot under another name, makes the wrapped key fail to open.
QByteArray slotBinding(const QString &type, const QString &user, const QString &role, bool admin,
                              std::uint64_t opslimit, std::size_t memlimit, const QByteArray &salt)
{
    QByteArray ad("undercurrent-keyslot");
    appendNumber(ad, static_cast<std::uint64_t>(formatVersion));
    appendField(ad, type.toUtf8());
    appendField(ad, user.toUtf8());
    appendField(ad, role.toUtf8());
    ad.append(admin ? '\1' : '\0');
    appendNumber(ad, opslimit);
    appendNumber(ad, static_cast<std::uint64_t>(memlimit));
    appendField(ad, salt);
    return ad;
}

} // namespace

KeySlots::Slot KeySlots::wrap(const Slot &fields, const SecretBuffer &secret, const SecretBuffer &dataKey, KdfCost cost,
                              const SecretBuffer *keys)
{
    ensureSodium();
    if (!costInBounds(cost.opslimit, cost.memlimit))
        throw Error(ErrorKind::Usage, QStringLiteral("derive key"), QStringLiteral("the key derivation cost is out of bounds"));
    Slot slot = fields;
    slot.version = formatVersion;
    slot.opslimit = cost.opslimit;
    slot.memlimit = cost.memlimit;
    slot.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(slot.salt.data(), static_cast<std::size_t>(slot.salt.size()));
    slot.nonce.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(slot.nonce.data(), static_cast<std::size_t>(slot.nonce.size()));

    const SecretBuffer kek = deriveKek(secret, slot.salt, slot.opslimit, slot.memlimit);
    slot.check = kekCheck(kek);
    const QByteArray ad = slotBinding(slot.type, slot.user, slot.role, slot.admin, slot.opslimit, slot.memlimit, slot.salt);
    slot.wrapped.resize(static_cast<qsizetype>(dataKey.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES));
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(slot.wrapped.data()), &length,
                                               dataKey.data(), dataKey.size(),
                                               reinterpret_cast<const unsigned char *>(ad.constData()),
                                               static_cast<unsigned long long>(ad.size()), nullptr,
                                               reinterpret_cast<const unsigned char *>(slot.nonce.constData()), kek.data());
    slot.keysNonce.clear();
    slot.keys.clear();
    if (keys && !keys->empty()) {
        const QByteArray keysAd = ad + QByteArray("keys");
        slot.keysNonce.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
        randombytes_buf(slot.keysNonce.data(), static_cast<std::size_t>(slot.keysNonce.size()));
        slot.keys.resize(static_cast<qsizetype>(keys->size() + crypto_aead_xchacha20poly1305_ietf_ABYTES));
        crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char *>(slot.keys.data()), &length,
                                                   keys->data(), keys->size(),
                                                   reinterpret_cast<const unsigned char *>(keysAd.constData()),
                                                   static_cast<unsigned long long>(keysAd.size()), nullptr,
                                                   reinterpret_cast<const unsigned char *>(slot.keysNonce.constData()),
                                                   kek.data());
    }
    return slot;
}

SecretBuffer KeySlots::unwrap(const Slot &slot, const SecretBuffer &secret, SecretBuffer *keys)
{
    ensureSodium();
    if (!costInBounds(slot.opslimit, slot.memlimit))
        damaged(QStringLiteral("a key slot asks for a key derivation cost out of bounds"));
    const SecretBuffer kek = deriveKek(secret, slot.salt, slot.opslimit, slot.memlimit);
    SecretBuffer dataKey(static_cast<std::size_t>(slot.wrapped.size()) - crypto_secretbox_MACBYTES);
    if (slot.version < formatVersion) {
        if (crypto_secretbox_open_easy(dataKey.data(), reinterpret_cast<const unsigned char *>(slot.wrapped.constData()),
                                       static_cast<unsigned long long>(slot.wrapped.size()),
                                       reinterpret_cast<const unsigned char *>(slot.nonce.constData()), kek.data())
            != 0)
            return {};
        return dataKey;
    }
    const bool rightSecret = sodium_memcmp(kekCheck(kek).constData(), slot.check.constData(), checkBytes) == 0;
    const QByteArray ad = slotBinding(slot.type, slot.user, slot.role, slot.admin, slot.opslimit, slot.memlimit, slot.salt);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(dataKey.data(), &length, nullptr,
                                                   reinterpret_cast<const unsigned char *>(slot.wrapped.constData()),
                                                   static_cast<unsigned long long>(slot.wrapped.size()),
                                                   reinterpret_cast<const unsigned char *>(ad.constData()),
                                                   static_cast<unsigned long long>(ad.size()),
                                                   reinterpret_cast<const unsigned char *>(slot.nonce.constData()),
                                                   kek.data())
        != 0) {
        if (rightSecret)
            throw Error(ErrorKind::Damaged, QStringLiteral("unlock"),
                        QStringLiteral("the key slot was altered (its name, role or cost was edited)"));
        return {};
    }
    if (keys && !slot.keys.isEmpty()) {
        const QByteArray keysAd = ad + QByteArray("keys");
        SecretBuffer opened(static_cast<std::size_t>(slot.keys.size()) - crypto_aead_xchacha20poly1305_ietf_ABYTES);
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(opened.data(), &length, nullptr,
                                                       reinterpret_cast<const unsigned char *>(slot.keys.constData()),
                                                       static_cast<unsigned long long>(slot.keys.size()),
                                                       reinterpret_cast<const unsigned char *>(keysAd.constData()),
                                                       static_cast<unsigned long long>(keysAd.size()),
                                                       reinterpret_cast<const unsigned char *>(slot.keysNonce.constData()),
                                                       kek.data())
            != 0)
            throw Error(ErrorKind::Damaged, QStringLiteral("unlock"),
                        QStringLiteral("the key slot was altered (its signing key does not open)"));
        *keys = std::move(opened);
    }
    return dataKey;
}

KeySlots KeySlots::fromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        damaged(QStringLiteral("keyslots.json is not valid JSON"));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != QLatin1String("undercurrent-keyslots"))
        damaged(QStringLiteral("keyslots.json is not an Undercurrent key-slot file"));
    if (root.value(QLatin1String("version")).toInt() > formatVersion)
        damaged(QStringLiteral("keyslots.json was written by a newer Undercurrent"));

    // A number read from JSON, refused rather than cast when it does not fit.
    auto count = [](const QJsonValue &v) -> std::optional<std::uint64_t> {
        const double d = v.toDouble(-1);
        if (!(d >= 0 && d < 9.0e15) || d != static_cast<double>(static_cast<std::uint64_t>(d)))
            return std::nullopt;
        return static_cast<std::uint64_t>(d);
    };

    KeySlots slots;
    for (const QJsonValue &v : root.value(QLatin1String("slots")).toArray()) {
        const QJsonObject o = v.toObject();
        Slot s;
        s.type = o.value(QLatin1String("type")).toString();
        s.user = o.value(QLatin1String("user")).toString();
        s.role = o.value(QLatin1String("role")).toString();
        s.admin = o.value(QLatin1String("admin")).toBool();
        s.version = o.value(QLatin1String("v")).toInt(1);
        const auto ops = count(o.value(QLatin1String("opslimit")));
        const auto mem = count(o.value(QLatin1String("memlimit")));
        if (!ops || !mem || !costInBounds(*ops, static_cast<std::size_t>(*mem)))
            damaged(QStringLiteral("a key slot asks for a key derivation cost out of bounds"));
        s.opslimit = *ops;
        s.memlimit = static_cast<std::size_t>(*mem);
        s.salt = QByteArray::fromBase64(o.value(QLatin1String("salt")).toString().toLatin1());
        s.nonce = QByteArray::fromBase64(o.value(QLatin1String("nonce")).toString().toLatin1());
        s.check = QByteArray::fromBase64(o.value(QLatin1String("check")).toString().toLatin1());
        s.wrapped = QByteArray::fromBase64(o.value(QLatin1String("wrapped")).toString().toLatin1());
        s.keysNonce = QByteArray::fromBase64(o.value(QLatin1String("keys_nonce")).toString().toLatin1());
        s.keys = QByteArray::fromBase64(o.value(QLatin1String("keys")).toString().toLatin1());
        s.pending = QByteArray::fromBase64(o.value(QLatin1String("pending")).toString().toLatin1());
        const bool wellFormed = (s.type == QLatin1String("user") || s.type == QLatin1String("recovery"))
                                && (s.version == 1 || s.version == formatVersion)
                                && o.value(QLatin1String("kdf")).toString() == QLatin1String("argon2id13")
                                && s.salt.size() == crypto_pwhash_SALTBYTES
                                && s.nonce.size() == crypto_secretbox_NONCEBYTES
                                && s.wrapped.size() == 32 + crypto_secretbox_MACBYTES
                                && (s.version == 1 || s.check.size() == checkBytes)
                                && (s.keys.isEmpty()
                                    || (s.version == formatVersion
                                        && s.keysNonce.size() == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
                                        && s.keys.size() > static_cast<qsizetype>(crypto_aead_xchacha20poly1305_ietf_ABYTES)))
                                && (s.pending.isEmpty()
                                    || (s.version == formatVersion
                                        && s.pending.size() > static_cast<qsizetype>(crypto_box_SEALBYTES + 32)));
        if (!wellFormed || (s.type == QLatin1String("user") && s.user.isEmpty()))
            damaged(QStringLiteral("keyslots.json has a malformed slot"));
        slots.m_slots.append(s);
    }
    if (slots.m_slots.isEmpty())
        damaged(QStringLiteral("keyslots.json has no key slots"));
    slots.m_extra = root.value(QLatin1String("extra")).toObject();
    slots.m_generation = count(root.value(QLatin1String("generation"))).value_or(0);
    slots.m_vaultId = root.value(QLatin1String("vault_id")).toString();
    slots.m_mac = QByteArray::fromBase64(root.value(QLatin1String("mac")).toString().toLatin1());
    slots.m_failedUnlocks = root.value(QLatin1String("failed_unlocks")).toArray();
    // Written by format 1 inside "extra"; a hint either way.
    if (slots.m_extra.contains(QLatin1String("failed_unlocks"))) {
        for (const QJsonValue &hint : slots.m_extra.value(QLatin1String("failed_unlocks")).toArray())
            slots.m_failedUnlocks.append(hint);
        slots.m_extra.remove(QStringLiteral("failed_unlocks"));
    }
    return slots;
}

// The authenticated part of the file, in one canonical form (QJsonObject keeps its keys sorted).
QByteArray KeySlots::macInput() const
{
    QJsonArray array;
    for (const Slot &s : m_slots) {
        QJsonObject o{{QStringLiteral("type"), s.type},
                      {QStringLiteral("kdf"), QStringLiteral("argon2id13")},
                      {QStringLiteral("opslimit"), static_cast<double>(s.opslimit)},
                      {QStringLiteral("memlimit"), static_cast<double>(s.memlimit)},
                      {QStringLiteral("salt"), QString::fromLatin1(s.salt.toBase64())},
                      {QStringLiteral("nonce"), QString::fromLatin1(s.nonce.toBase64())},
                      {QStringLiteral("wrapped"), QString::fromLatin1(s.wrapped.toBase64())}};
        if (!s.user.isEmpty())
            o.insert(QStringLiteral("user"), s.user);
        if (s.version >= formatVersion) {
            o.insert(QStringLiteral("v"), s.version);
            o.insert(QStringLiteral("check"), QString::fromLatin1(s.check.toBase64()));
            if (s.type == QLatin1String("user")) {
                o.insert(QStringLiteral("role"), s.role);
                o.insert(QStringLiteral("admin"), s.admin);
            }
            if (!s.keys.isEmpty()) {
                o.insert(QStringLiteral("keys_nonce"), QString::fromLatin1(s.keysNonce.toBase64()));
                o.insert(QStringLiteral("keys"), QString::fromLatin1(s.keys.toBase64()));
            }
            if (!s.pending.isEmpty())
                o.insert(QStringLiteral("pending"), QString::fromLatin1(s.pending.toBase64()));
        }
        array.append(o);
    }
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("undercurrent-keyslots")},
                     {QStringLiteral("version"), formatVersion},
                     {QStringLiteral("generation"), static_cast<double>(m_generation)},
                     {QStringLiteral("vault_id"), m_vaultId},
                     {QStringLiteral("slots"), array}};
    if (!m_extra.isEmpty())
        root.insert(QStringLiteral("extra"), m_extra);
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QByteArray KeySlots::mac(const SecretBuffer &dataKey) const
{
    ensureSodium();
    static constexpr char context[crypto_kdf_CONTEXTBYTES + 1] = "ucslots1";
    SecretBuffer macKey(crypto_auth_KEYBYTES);
    crypto_kdf_derive_from_key(macKey.data(), macKey.size(), 1, context, dataKey.data());
    const QByteArray input = macInput();
    QByteArray tag(crypto_auth_BYTES, '\0');
    crypto_auth(reinterpret_cast<unsigned char *>(tag.data()), reinterpret_cast<const unsigned char *>(input.constData()),
                static_cast<unsigned long long>(input.size()), macKey.data());
    return tag;
}

KeySlots::Seal KeySlots::checkSeal(const SecretBuffer &dataKey) const
{
    if (m_mac.isEmpty())
        return Seal::Missing;
    const QByteArray expected = mac(dataKey);
    return m_mac.size() == expected.size()
                   && sodium_memcmp(m_mac.constData(), expected.constData(), static_cast<std::size_t>(expected.size())) == 0
               ? Seal::Valid
               : Seal::Invalid;
}

QByteArray KeySlots::toJson() const
{
    QJsonObject root = QJsonDocument::fromJson(macInput()).object();
    if (!m_mac.isEmpty())
        root.insert(QStringLiteral("mac"), QString::fromLatin1(m_mac.toBase64()));
    if (!m_failedUnlocks.isEmpty())
        root.insert(QStringLiteral("failed_unlocks"), m_failedUnlocks);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

KeySlots KeySlots::load(const QString &dir)
{
    const QString main = QDir(dir).filePath(QLatin1String(fileName));
    const QString backup = QDir(dir).filePath(QLatin1String(backupName));
    auto read = [](const QString &path) -> std::optional<QByteArray> {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        return f.readAll();
    };
    const auto mainBytes = read(main);
    if (!mainBytes && !read(backup))
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"),
                    QStringLiteral("the folder is not an Undercurrent vault (no keyslots.json)"));
    if (mainBytes) {
        try {
            return fromJson(*mainBytes);
        } catch (const Error &) {
            // A damaged main file: the previous version may still open the vault.
            if (const auto b = read(backup)) {
                KeySlots slots = fromJson(*b);
                slots.m_fromBackup = true;
                return slots;
            }
            throw;
        }
    }
    KeySlots slots = fromJson(*read(backup));
    slots.m_fromBackup = true;
    return slots;
}

void KeySlots::saveHints(const QString &dir) const
{
    const QString main = QDir(dir).filePath(QLatin1String(fileName));
    // Read from the .bak: the main file is unreadable and the .bak is the copy worth keeping.
    if (!m_fromBackup && QFileInfo::exists(main)) {
        QFile current(main);
        if (!current.open(QIODevice::ReadOnly))
            ioFailure(QStringLiteral("write key slots"));
        writeFileAtomically(QDir(dir).filePath(QLatin1String(backupName)), current.readAll());
    }
    writeFileAtomically(main, toJson());
}

void KeySlots::save(const QString &dir, const SecretBuffer &dataKey)
{
    if (m_vaultId.isEmpty()) {
        QByteArray id(16, '\0');
        randombytes_buf(id.data(), static_cast<std::size_t>(id.size()));
        m_vaultId = QString::fromLatin1(id.toHex());
    }
    ++m_generation;
    m_mac = mac(dataKey);
    saveHints(dir);
}

bool KeySlots::hasUser(const QString &user) const
{
    return userSlot(user).has_value();
}

QList<QString> KeySlots::users() const
{
    QList<QString> names;
    for (const Slot &s : m_slots)
        if (s.type == QLatin1String("user"))
            names.append(s.user);
    return names;
}

std::optional<KeySlots::UserSlot> KeySlots::userSlot(const QString &user) const
{
    for (const Slot &s : m_slots)
        if (s.type == QLatin1String("user") && s.user == user)
            return UserSlot{s.user, s.role, s.admin, s.version, {s.opslimit, s.memlimit}};
    return std::nullopt;
}

SecretBuffer KeySlots::unwrapUser(const QString &user, const SecretBuffer &passphrase, SecretBuffer *keys) const
{
    const Slot *found = nullptr;
    const Slot *model = nullptr;
    for (const Slot &s : m_slots) {
        if (s.type != QLatin1String("user"))
            continue;
        model = model ? model : &s;
        if (s.user == user)
            found = &s;
    }
    if (found) {
        SecretBuffer key = unwrap(*found, passphrase, keys);
        if (!key.empty())
            return key;
    } else if (model) {
        // An unknown name costs the same Argon2id work as a known one, so timing does not confirm names.
        static const QByteArray dummySalt(crypto_pwhash_SALTBYTES, '\x5a');
        (void)deriveKek(passphrase, dummySalt, model->opslimit, model->memlimit);
    }
    // The same words for an unknown user and a wrong passphrase: neither is confirmed to a guesser.
    throw Error(ErrorKind::Auth, QStringLiteral("unlock"), QStringLiteral("the user name or passphrase is wrong"));
}

SecretBuffer KeySlots::unwrapRecovery(const RecoveryKey &key) const
{
    for (const Slot &s : m_slots) {
        if (s.type == QLatin1String("recovery")) {
            SecretBuffer dataKey = unwrap(s, key.bytes());
            if (!dataKey.empty())
                return dataKey;
        }
    }
    throw Error(ErrorKind::Auth, QStringLiteral("recover"), QStringLiteral("the recovery key does not open this vault"));
}

void KeySlots::setUser(const QString &user, const QString &role, bool admin, const SecretBuffer &passphrase,
                       const SecretBuffer &dataKey, KdfCost cost, const SecretBuffer *keys)
{
    Slot fields;
    fields.type = QStringLiteral("user");
    fields.user = user;
    fields.role = role;
    fields.admin = admin;
    const Slot slot = wrap(fields, passphrase, dataKey, cost, keys);
    for (Slot &s : m_slots) {
        if (s.type == QLatin1String("user") && s.user == user) {
            s = slot;
            return;
        }
    }
    m_slots.append(slot);
}

void KeySlots::setRecovery(const RecoveryKey &key, const SecretBuffer &dataKey)
{
    Slot fields;
    fields.type = QStringLiteral("recovery");
    const Slot slot = wrap(fields, key.bytes(), dataKey, KdfCost::interactive());
    for (Slot &s : m_slots) {
        if (s.type == QLatin1String("recovery")) {
            s = slot;
            return;
        }
    }
    m_slots.append(slot);
}

void KeySlots::removeUser(const QString &user)
{
    m_slots.removeIf([&](const Slot &s) { return s.type == QLatin1String("user") && s.user == user; });
}

KeySlots::Slot *KeySlots::findSlot(const QString &user)
{
    for (Slot &s : m_slots)
        if (user.isEmpty() ? s.type == QLatin1String("recovery") : (s.type == QLatin1String("user") && s.user == user))
            return &s;
    return nullptr;
}

QByteArray KeySlots::pendingKey(const QString &user) const
{
    for (const Slot &s : m_slots)
        if (user.isEmpty() ? s.type == QLatin1String("recovery") : (s.type == QLatin1String("user") && s.user == user))
            return s.pending;
    return {};
}

void KeySlots::setPendingKey(const QString &user, const QByteArray &sealed)
{
    if (Slot *slot = findSlot(user))
        slot->pending = sealed;
}

void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    writeFileSafely(path, bytes, QStringLiteral("write ") + QFileInfo(path).fileName());
}

} // namespace uc::vault
