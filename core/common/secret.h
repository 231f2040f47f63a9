// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace uc {

// Initialises libsodium once; every user of secrets calls it (cheap after the first time).
void ensureSodium();

// A fixed-size secret (key, passphrase) in libsodium-guarded memory: guard pages, mlock'd, never
// swapped, wiped and freed on destruction. Move-only; never converted to QString.
class SecretBuffer
{
public:
    SecretBuffer() = default;
    explicit SecretBuffer(std::size_t size);
    ~SecretBuffer();
    SecretBuffer(SecretBuffer &&other) noexcept;
    SecretBuffer &operator=(SecretBuffer &&other) noexcept;
    SecretBuffer(const SecretBuffer &) = delete;
    SecretBuffer &operator=(const SecretBuffer &) = delete;

    // A buffer filled from the operating system's CSPRNG.
    [[nodiscard]] static SecretBuffer random(std::size_t size);
    // Copies bytes in; the caller wipes its own copy.
    [[nodiscard]] static SecretBuffer copyOf(std::span<const unsigned char> bytes);
    [[nodiscard]] static SecretBuffer copyOf(std::string_view text);

    [[nodiscard]] unsigned char *data() noexcept { return m_data; }
    [[nodiscard]] const unsigned char *data() const noexcept { return m_data; }
    [[nodiscard]] std::size_t size() const noexcept { return m_size; }
    [[nodiscard]] bool empty() const noexcept { return m_size == 0; }
    [[nodiscard]] std::span<const unsigned char> bytes() const noexcept { return {m_data, m_size}; }
    [[nodiscard]] bool equals(const SecretBuffer &other) const noexcept;

    // Zeroes and frees now; the buffer is empty afterwards.
    void wipe() noexcept;

private:
    unsigned char *m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes ordinary memory that briefly held a secret (a read buffer, a hex string).
void wipeMemory(void *data, std::size_t size) noexcept;

} // namespace uc
