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

constexpr auto crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t recoveryBytes = 20; // 160 bits = 32 base32 characters
constexpr int formatVersion = 1;

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

// ---- RecoveryKey ----------------------------------------------------------------------------

RecoveryKey RecoveryKey::generate()
{
    RecoveryKey key;
    key.m_bytes = SecretBuffer::random(recoveryBytes);
    return key;
}

RecoveryKey RecoveryKey::parse(std::string_view text)
{
    SecretBuffer bits(recoveryBytes);
    std::size_t nbits = 0;
    std::uint32_t acc = 0;
    std::size_t out = 0;
    auto bad = [] {
        throw Error(ErrorKind::Auth, QStringLiteral("recovery key"),
                    QStringLiteral("not a recovery key: it has 32 characters in groups of four"));
    };
    for (char c : text) {
        if (c == '-' || c == ' ' || c == '\n' || c == '\r' || c == '\t')
            continue;
        char u = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        if (u == 'O')
            u = '0';
        if (u == 'I' || u == 'L')
            u = '1';
        const char *pos = std::strchr(crockford, u);
        if (!pos || u == '\0')
            bad();
        acc = (acc << 5) | static_cast<std::uint32_t>(pos - crockford);
        nbits += 5;
        if (nbits >= 8) {
            if (out >= recoveryBytes)
                bad();
            bits.data()[out++] = static_cast<unsigned char>((acc >> (nbits - 8)) & 0xff);
            nbits -= 8;
        }
    }
    acc = 0;
    if (out != recoveryBytes || nbits != 0)
        bad();
    RecoveryKey key;
    key.m_bytes = std::move(bits);
    return key;
}

SecretBuffer RecoveryKey::display() const
{
    // 32 characters in 8 groups of 4, joined by 7 dashes.
    SecretBuffer text(39);
    auto *out = reinterpret_cast<char *>(text.data());
    std::size_t nbits = 0;
    std::uint32_t acc = 0;
    std::size_t chars = 0;
    std::size_t pos = 0;
    for (std::size_t i = 0; i < m_bytes.size(); ++i) {
        acc = (acc << 8) | m_bytes.data()[i];
        nbits += 8;
        while (nbits >= 5) {
            if (chars > 0 && chars % 4 == 0)
                out[pos++] = '-';
            out[pos++] = crockford[(acc >> (nbits - 5)) & 0x1f];
            nbits -= 5;
            ++chars;
        }
    }
    acc = 0;
    return text;
}

// ---- KeySlots -------------------------------------------------------------------------------

KeySlots::Slot KeySlots::wrap(const SecretBuffer &secret, const SecretBuffer &dataKey, KdfCost cost)
{
    ensureSodium();
    Slot slot;
    slot.opslimit = cost.opslimit;
    slot.memlimit = cost.memlimit;
    slot.salt.resize(crypto_pwhash_SALTBYTES);
    randombytes_buf(slot.salt.data(), static_cast<std::size_t>(slot.salt.size()));
    slot.nonce.resize(crypto_secretbox_NONCEBYTES);
    randombytes_buf(slot.nonce.data(), static_cast<std::size_t>(slot.nonce.size()));

    SecretBuffer kek(crypto_secretbox_KEYBYTES);
    if (crypto_pwhash(kek.data(), kek.size(), reinterpret_cast<const char *>(secret.data()), secret.size(),
                      reinterpret_cast<const unsigned char *>(slot.salt.constData()), cost.opslimit, cost.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        throw Error(ErrorKind::Io, QStringLiteral("derive key"), QStringLiteral("not enough memory for Argon2id"));
    slot.wrapped.resize(static_cast<qsizetype>(dataKey.size() + crypto_secretbox_MACBYTES));
    crypto_secretbox_easy(reinterpret_cast<unsigned char *>(slot.wrapped.data()), dataKey.data(), dataKey.size(),
                          reinterpret_cast<const unsigned char *>(slot.nonce.constData()), kek.data());
    return slot;
}

SecretBuffer KeySlots::unwrap(const Slot &slot, const SecretBuffer &secret)
{
    ensureSodium();
    SecretBuffer kek(crypto_secretbox_KEYBYTES);
    if (crypto_pwhash(kek.data(), kek.size(), reinterpret_cast<const char *>(secret.data()), secret.size(),
                      reinterpret_cast<const unsigned char *>(slot.salt.constData()), slot.opslimit, slot.memlimit,
                      crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        throw Error(ErrorKind::Io, QStringLiteral("derive key"), QStringLiteral("not enough memory for Argon2id"));
    SecretBuffer dataKey(static_cast<std::size_t>(slot.wrapped.size()) - crypto_secretbox_MACBYTES);
    if (crypto_secretbox_open_easy(dataKey.data(), reinterpret_cast<const unsigned char *>(slot.wrapped.constData()),
                                   static_cast<unsigned long long>(slot.wrapped.size()),
                                   reinterpret_cast<const unsigned char *>(slot.nonce.constData()), kek.data())
        != 0)
        return {};
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

    KeySlots slots;
    for (const QJsonValue &v : root.value(QLatin1String("slots")).toArray()) {
        const QJsonObject o = v.toObject();
        Slot s;
        s.type = o.value(QLatin1String("type")).toString();
        s.user = o.value(QLatin1String("user")).toString();
        s.opslimit = static_cast<std::uint64_t>(o.value(QLatin1String("opslimit")).toDouble());
        s.memlimit = static_cast<std::size_t>(o.value(QLatin1String("memlimit")).toDouble());
        s.salt = QByteArray::fromBase64(o.value(QLatin1String("salt")).toString().toLatin1());
        s.nonce = QByteArray::fromBase64(o.value(QLatin1String("nonce")).toString().toLatin1());
        s.wrapped = QByteArray::fromBase64(o.value(QLatin1String("wrapped")).toString().toLatin1());
        const bool wellFormed = (s.type == QLatin1String("user") || s.type == QLatin1String("recovery"))
                                && o.value(QLatin1String("kdf")).toString() == QLatin1String("argon2id13")
                                && s.salt.size() == crypto_pwhash_SALTBYTES
                                && s.nonce.size() == crypto_secretbox_NONCEBYTES
                                && s.wrapped.size() == 32 + crypto_secretbox_MACBYTES
                                && s.opslimit >= crypto_pwhash_OPSLIMIT_MIN && s.opslimit <= crypto_pwhash_OPSLIMIT_MAX
                                && s.memlimit >= crypto_pwhash_MEMLIMIT_MIN
                                && s.memlimit <= std::size_t{4} * 1024 * 1024 * 1024;
        if (!wellFormed || (s.type == QLatin1String("user") && s.user.isEmpty()))
            damaged(QStringLiteral("keyslots.json has a malformed slot"));
        slots.m_slots.append(s);
    }
    if (slots.m_slots.isEmpty())
        damaged(QStringLiteral("keyslots.json has no key slots"));
    slots.m_extra = root.value(QLatin1String("extra")).toObject();
    return slots;
}

QByteArray KeySlots::toJson() const
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
        array.append(o);
    }
    QJsonObject root{{QStringLiteral("format"), QStringLiteral("undercurrent-keyslots")},
                     {QStringLiteral("version"), formatVersion},
                     {QStringLiteral("slots"), array}};
    if (!m_extra.isEmpty())
        root.insert(QStringLiteral("extra"), m_extra);
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
            if (const auto b = read(backup))
                return fromJson(*b);
            throw;
        }
    }
    return fromJson(*read(backup));
}

void KeySlots::save(const QString &dir) const
{
    const QString main = QDir(dir).filePath(QLatin1String(fileName));
    if (QFileInfo::exists(main)) {
        QFile current(main);
        if (!current.open(QIODevice::ReadOnly))
            ioFailure(QStringLiteral("write key slots"));
        writeFileAtomically(QDir(dir).filePath(QLatin1String(backupName)), current.readAll());
    }
    writeFileAtomically(main, toJson());
}

bool KeySlots::hasUser(const QString &user) const
{
    for (const Slot &s : m_slots)
        if (s.type == QLatin1String("user") && s.user == user)
            return true;
    return false;
}

QList<QString> KeySlots::users() const
{
    QList<QString> names;
    for (const Slot &s : m_slots)
        if (s.type == QLatin1String("user"))
            names.append(s.user);
    return names;
}

SecretBuffer KeySlots::unwrapUser(const QString &user, const SecretBuffer &passphrase) const
{
    for (const Slot &s : m_slots) {
        if (s.type == QLatin1String("user") && s.user == user) {
            SecretBuffer key = unwrap(s, passphrase);
            if (!key.empty())
                return key;
            break;
        }
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

void KeySlots::setUser(const QString &user, const SecretBuffer &passphrase, const SecretBuffer &dataKey, KdfCost cost)
{
    Slot slot = wrap(passphrase, dataKey, cost);
    slot.type = QStringLiteral("user");
    slot.user = user;
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
    Slot slot = wrap(key.bytes(), dataKey, KdfCost::interactive());
    slot.type = QStringLiteral("recovery");
    for (Slot &s : m_slots) {
        if (s.type == QLatin1String("recovery")) {
            s = slot;
            return;
        }
    }
    m_slots.append(slot);
}

void writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    writeFileSafely(path, bytes, QStringLiteral("write ") + QFileInfo(path).fileName());
}

} // namespace uc::vault
