// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/sealedfile.h"

#include "common/error.h"
#include "common/secret.h"
#include "practice/membership.h"
#include "vault/vault.h"

#include <QFile>

#include <sodium.h>

#include <array>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

// BLAKE2b keyed by the practice secret over "sealed file\n" + the name.
std::array<unsigned char, crypto_secretbox_KEYBYTES> fileKey(const vault::Vault &vault, const QString &name)
{
    const SecretBuffer secret = vault.practiceSecret();
    const QByteArray label = "sealed file\n" + name.toUtf8();
    std::array<unsigned char, crypto_secretbox_KEYBYTES> key {};
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char *>(label.constData()),
                       static_cast<unsigned long long>(label.size()), secret.data(), secret.size());
    return key;
}

} // namespace

QByteArray sealForMember(const vault::Vault &vault, const QString &name, const QByteArray &plain)
{
    QByteArray sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    auto key = fileKey(vault, name);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char *>(plain.constData()),
                          static_cast<unsigned long long>(plain.size()), out, key.data());
    sodium_memzero(key.data(), key.size());
    return sealed;
}

QByteArray openForMember(const vault::Vault &vault, const QString &name, const QByteArray &sealed)
{
    constexpr qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    QByteArray plain(std::max<qsizetype>(0, sealed.size() - overhead), Qt::Uninitialized);
    auto key = fileKey(vault, name);
    const bool ok = sealed.size() >= overhead
        && crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                      reinterpret_cast<const unsigned char *>(sealed.constData())
                                          + crypto_secretbox_NONCEBYTES,
                                      static_cast<unsigned long long>(sealed.size() - crypto_secretbox_NONCEBYTES),
                                      reinterpret_cast<const unsigned char *>(sealed.constData()), key.data())
            == 0;
    sodium_memzero(key.data(), key.size());
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

void writeSealedMemberFile(const vault::Vault &vault, const QString &name, const QByteArray &plain)
{
    writeMemberFile(vault, name, sealForMember(vault, name, plain));
}

} // namespace uc::practice
