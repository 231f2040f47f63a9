// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/sealedfile.h"

#include "common/error.h"
#include "common/secret.h"
#include "practice/membership.h"
#include "vault/vault.h"

#include <QFile>

#include <sodium.h>


using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

// BLAKE2b keyed by the practice secret over "sealed file\n" + the name, in guarded memory.
SecretBuffer fileKey(const vault::Vault &vault, const QString &name)
{
    const SecretBuffer secret = vault.practiceIdentity().fileSecret();
    const QByteArray label = "sealed file\n" + name.toUtf8();
    SecretBuffer key(crypto_secretbox_KEYBYTES);
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char *>(label.constData()),
                       static_cast<unsigned long long>(label.size()), secret.data(), secret.size());
    return key;
}

} // namespace

QByteArray sealForMember(const vault::Vault &vault, const QString &name, std::span<const unsigned char> plain)
{
    QByteArray sealed(static_cast<qsizetype>(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size()),
                      Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    const SecretBuffer key = fileKey(vault, name);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, plain.data(), static_cast<unsigned long long>(plain.size()),
                          out, key.data());
    return sealed;
}

QByteArray sealForMember(const vault::Vault &vault, const QString &name, const QByteArray &plain)
{
    return sealForMember(vault, name,
                         std::span<const unsigned char>(reinterpret_cast<const unsigned char *>(plain.constData()),
                                                        static_cast<std::size_t>(plain.size())));
}

QByteArray openForMember(const vault::Vault &vault, const QString &name, const QByteArray &sealed)
{
    constexpr qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    QByteArray plain(std::max<qsizetype>(0, sealed.size() - overhead), Qt::Uninitialized);
    const SecretBuffer key = fileKey(vault, name);
    const bool ok = sealed.size() >= overhead
        && crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                      reinterpret_cast<const unsigned char *>(sealed.constData())
                                          + crypto_secretbox_NONCEBYTES,
                                      static_cast<unsigned long long>(sealed.size() - crypto_secretbox_NONCEBYTES),
                                      reinterpret_cast<const unsigned char *>(sealed.constData()), key.data())
            == 0;
    if (!ok)
        throw Error(ErrorKind::Damaged, u"practice folder"_s, u"a sealed file was altered or swapped: "_s + name);
    return plain;
}

std::optional<QByteArray> readSealedMemberFile(const vault::Vault &vault, const QString &name)
{
    if (!QFile::exists(memberFolder(vault) + u'/' + name))
        return std::nullopt;
    return openForMember(vault, name, readMemberFile(vault, name));
}

std::optional<SecretBuffer> readSealedSecret(const vault::Vault &vault, const QString &name)
{
    std::optional<QByteArray> plain = readSealedMemberFile(vault, name);
    if (!plain)
        return std::nullopt;
    SecretBuffer out = SecretBuffer::copyOf(std::span<const unsigned char>(
        reinterpret_cast<const unsigned char *>(plain->constData()), static_cast<std::size_t>(plain->size())));
    wipeMemory(plain->data(), static_cast<std::size_t>(plain->size()));
    return out;
}

void writeSealedMemberFile(const vault::Vault &vault, const QString &name, const QByteArray &plain)
{
    writeMemberFile(vault, name, sealForMember(vault, name, plain));
}

} // namespace uc::practice
