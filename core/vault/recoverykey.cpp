// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/recoverykey.h"

#include "common/error.h"

#include <cstdint>
#include <cstring>
#include <utility>

namespace uc::vault {

namespace {

constexpr auto crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr std::size_t recoveryBytes = 20; // 160 bits = 32 base32 characters

} // namespace

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

} // namespace uc::vault
