// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <span>

namespace uc::vault {
class Vault;
}

// Files of the member folder that hold secrets or clinical content (the practice's pseudonym key,
// the notes received from colleagues): sealed (secretbox, XSalsa20-Poly1305) under a subkey of the
// user's practice secret bound to the file's name, so only this user's unlock opens them and one
// file cannot stand for another.
namespace uc::practice {

[[nodiscard]] QByteArray sealForMember(const vault::Vault &vault, const QString &name, std::span<const unsigned char> plain);
[[nodiscard]] QByteArray sealForMember(const vault::Vault &vault, const QString &name, const QByteArray &plain);
// Error(Damaged) when sealed does not open (an edited or swapped file).
[[nodiscard]] QByteArray openForMember(const vault::Vault &vault, const QString &name, const QByteArray &sealed);

// Read and write whole sealed files of the member folder; nothing when the file does not exist.
[[nodiscard]] std::optional<QByteArray> readSealedMemberFile(const vault::Vault &vault, const QString &name);
// A sealed file that holds a key (the pseudonym key): opened into guarded memory, the plain copy wiped.
[[nodiscard]] std::optional<SecretBuffer> readSealedSecret(const vault::Vault &vault, const QString &name);
void writeSealedMemberFile(const vault::Vault &vault, const QString &name, const QByteArray &plain);

inline constexpr auto pseudonymKeyFileName = "pseudonym.key";
inline constexpr auto receivedFileName = "received.sealed";

} // namespace uc::practice
