// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/secret.h"

#include <sodium.h>

#include <cstring>
#include <new>
#include <stdexcept>
#include <utility>

namespace uc {

void ensureSodium()
{
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        throw std::runtime_error("libsodium could not be initialised");
}

SecretBuffer::SecretBuffer(std::size_t size)
{
    ensureSodium();
    if (size == 0)
        return;
    m_data = static_cast<unsigned char *>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc();
    m_size = size;
    sodium_memzero(m_data, m_size);
}

SecretBuffer::~SecretBuffer()
{
    wipe();
}

SecretBuffer::SecretBuffer(SecretBuffer &&other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecretBuffer &SecretBuffer::operator=(SecretBuffer &&other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecretBuffer SecretBuffer::random(std::size_t size)
{
    SecretBuffer buffer(size);
    if (size > 0)
        randombytes_buf(buffer.m_data, size);
    return buffer;
}

SecretBuffer SecretBuffer::copyOf(std::span<const unsigned char> bytes)
{
    SecretBuffer buffer(bytes.size());
    if (!bytes.empty())
        std::memcpy(buffer.m_data, bytes.data(), bytes.size());
    return buffer;
}

SecretBuffer SecretBuffer::copyOf(std::string_view text)
{
    return copyOf(std::span(reinterpret_cast<const unsigned char *>(text.data()), text.size()));
}

bool SecretBuffer::equals(const SecretBuffer &other) const noexcept
{
    return m_size == other.m_size && (m_size == 0 || sodium_memcmp(m_data, other.m_data, m_size) == 0);
}

void SecretBuffer::wipe() noexcept
{
    if (m_data) {
        sodium_memzero(m_data, m_size); // sodium_free wipes too; be explicit about intent
        sodium_free(m_data);
    }
    m_data = nullptr;
    m_size = 0;
}

void wipeMemory(void *data, std::size_t size) noexcept
{
    if (data && size > 0)
        sodium_memzero(data, size);
}

} // namespace uc
