// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/clientcipher.h"

#include <sodium.h>

namespace uc::practice {

namespace {

constexpr qsizetype nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr qsizetype tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

} // namespace

QByteArray encryptUnderClientKey(const SecretBuffer &key, QByteArray &plain, const QByteArray &associated)
{
    QByteArray body(nonceBytes + plain.size() + tagBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(body.data());
    randombytes_buf(out, static_cast<std::size_t>(nonceBytes));
    unsigned long long length = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out + nonceBytes, &length, bytes(plain),
                                               static_cast<unsigned long long>(plain.size()), bytes(associated),
                                               static_cast<unsigned long long>(associated.size()), nullptr, out,
                                               key.data());
    sodium_memzero(plain.data(), static_cast<std::size_t>(plain.size()));
    return body;
}

std::optional<QByteArray> decryptUnderClientKey(const SecretBuffer &key, const QByteArray &body,
                                                const QByteArray &associated)
{
    if (body.size() < nonceBytes + tagBytes)
        return std::nullopt;
    QByteArray plain(body.size() - nonceBytes - tagBytes, Qt::Uninitialized);
    unsigned long long length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
                                                   bytes(body) + nonceBytes,
                                                   static_cast<unsigned long long>(body.size() - nonceBytes),
                                                   bytes(associated),
                                                   static_cast<unsigned long long>(associated.size()), bytes(body),
                                                   key.data())
        != 0)
        return std::nullopt;
    return plain;
}

} // namespace uc::practice
