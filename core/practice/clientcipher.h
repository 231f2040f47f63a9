// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"

#include <QByteArray>

#include <optional>

// Content under a client's content key on the server (docs/practice.md, "Content and sync"): a note
// pushed by its author, a comment or return by a supervisor. XChaCha20-Poly1305 with a random nonce
// written first, bound to the row's details by the associated data.
namespace uc::practice {

// The nonce and the ciphertext; plain is wiped.
[[nodiscard]] QByteArray encryptUnderClientKey(const SecretBuffer &key, QByteArray &plain, const QByteArray &associated);

// The plain bytes, or nothing when body is truncated, was changed, or is under another key or details.
[[nodiscard]] std::optional<QByteArray> decryptUnderClientKey(const SecretBuffer &key, const QByteArray &body,
                                                              const QByteArray &associated);

} // namespace uc::practice
