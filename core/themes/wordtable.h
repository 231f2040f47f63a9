// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The word table: every phrase word form and context word, looked up once per token.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace uc::themes::detail {


// A word's hash: eight bytes at a time (a byte-at-a-time hash is one multiply per byte, in a
// chain), then a final mix so the low bits (the slot) and the high bits (the fingerprint) both
// depend on every byte.
// padded: at least 8 readable bytes follow the end (the tokeniser's buffer), so the last partial
// word is one load, masked; otherwise it is read byte by byte. Both give the same hash.
template<bool padded = false>
inline std::uint64_t wordHash(std::string_view s)
{
    const char *p = s.data();
    std::size_t n = s.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ull ^ n;
    while (n >= 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, p, 8);
        h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        p += 8;
        n -= 8;
    }
    std::uint64_t w = 0;
    if constexpr (padded) {
        std::memcpy(&w, p, 8);
        w = n == 0 ? 0 : w & (~0ull >> (64 - 8 * n));
    } else {
        for (std::size_t k = 0; k < n; ++k)
            w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])) << (8 * k);
    }
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

// A 16-bit fingerprint of a word's first len bytes, for the prefix filters (h = h * 31 + byte,
// so a longer prefix's fingerprint continues a shorter one's).
inline std::uint32_t filterHashRaw(std::string_view s, std::size_t len)
{
    if (len == 3 && s.size() >= 3) // the usual case, unrolled
        return (static_cast<unsigned char>(s[0]) * 31u + static_cast<unsigned char>(s[1])) * 31u
               + static_cast<unsigned char>(s[2]);
    std::uint32_t h = 0;
    for (std::size_t i = 0; i < len && i < s.size(); ++i)
        h = h * 31u + static_cast<unsigned char>(s[i]);
    return h;
}

inline std::uint32_t filterHash(std::string_view s, std::size_t len)
{
    return filterHashRaw(s, len) & 0xffffu;
}

struct WordInfo
{
    std::uint64_t flags = 0;
    std::int32_t form = -1; // index of this form among phrase words, or -1
    std::int8_t role = -1; // the codebook role class of a person word
    std::int8_t substance = -1; // the substance class a word names
    std::int16_t prefixHit = -1; // the prefix patterns the whole word matches (Impl::prefixHits), or -1
};

// Open addressing with a 16-bit fingerprint per slot in its own small array: most words of a note
// are not in the table, and a miss is settled there without touching the slots (which, with the
// key inline for words up to 16 bytes, answer a hit in one cache line).
class WordTable
{
public:
    WordInfo &insert(std::string_view key)
    {
        if ((m_count + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t h = wordHash(key);
        std::size_t i = h & (m_slots.size() - 1);
        while (m_tags[i] != 0) {
            if (m_slots[i].hash == h && keyOf(m_slots[i]) == key)
                return m_slots[i].info;
            i = (i + 1) & (m_slots.size() - 1);
        }
        Slot &s = m_slots[i];
        m_tags[i] = tagOf(h);
        s.hash = h;
        s.offset = static_cast<std::uint32_t>(m_keys.size());
        s.length = static_cast<std::uint32_t>(key.size());
        std::memcpy(s.inlineKey.data(), key.data(), std::min(key.size(), s.inlineKey.size()));
        m_keys.append(key);
        ++m_count;
        return s.info;
    }

    // padded: at least 8 readable bytes follow the key (the tokeniser's buffer), so a short key is
    // compared eight bytes at a time.
    template<bool padded = false>
    [[nodiscard]] const WordInfo *find(std::string_view key, std::uint64_t h) const
    {
        if (m_slots.empty())
            return nullptr;
        const std::uint8_t tag = tagOf(h);
        const std::size_t mask = m_slots.size() - 1;
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const std::uint8_t t = m_tags[i];
            if (t == 0)
                return nullptr;
            if (t != tag)
                continue;
            const Slot &slot = m_slots[i];
            if (slot.hash != h || slot.length != key.size())
                continue;
            if constexpr (padded) {
                if (key.size() <= slot.inlineKey.size()) {
                    // The inline key is zero past its length; the word is masked to its length.
                    std::uint64_t a0 = 0, a1 = 0, b0 = 0, b1 = 0;
                    std::memcpy(&a0, slot.inlineKey.data(), 8);
                    std::memcpy(&a1, slot.inlineKey.data() + 8, 8);
                    std::memcpy(&b0, key.data(), 8);
                    const std::size_t n = key.size();
                    b0 = n >= 8 ? b0 : b0 & (~0ull >> (64 - 8 * n));
                    if (n > 8) {
                        std::memcpy(&b1, key.data() + 8, 8);
                        b1 = n >= 16 ? b1 : b1 & (~0ull >> (64 - 8 * (n - 8)));
                    }
                    if (a0 == b0 && a1 == b1)
                        return &slot.info;
                    continue;
                }
            }
            // Keys are short words: an inline loop beats a call to memcmp.
            const char *a = key.size() <= slot.inlineKey.size() ? slot.inlineKey.data() : m_keys.data() + slot.offset;
            std::size_t k = 0;
            while (k < key.size() && a[k] == key[k])
                ++k;
            if (k == key.size())
                return &slot.info;
        }
    }

    template<typename F>
    void forEach(F &&f)
    {
        for (std::size_t i = 0; i < m_slots.size(); ++i)
            if (m_tags[i] != 0)
                f(keyOf(m_slots[i]), m_slots[i].info);
    }

private:
    struct Slot
    {
        std::uint64_t hash = 0;
        std::array<char, 16> inlineKey{};
        std::uint32_t offset = 0;
        std::uint32_t length = 0;
        WordInfo info;
    };
    static std::uint8_t tagOf(std::uint64_t h) { return static_cast<std::uint8_t>((h >> 56) | 1u); }
    [[nodiscard]] std::string_view keyOf(const Slot &s) const { return std::string_view(m_keys).substr(s.offset, s.length); }
    void grow()
    {
        std::vector<Slot> old = std::move(m_slots);
        const std::vector<std::uint8_t> oldTags = std::move(m_tags);
        const std::size_t size = old.empty() ? 1024 : old.size() * 2;
        m_slots.assign(size, Slot{});
        m_tags.assign(size, 0);
        for (std::size_t k = 0; k < old.size(); ++k) {
            if (oldTags[k] == 0)
                continue;
            std::size_t i = old[k].hash & (size - 1);
            while (m_tags[i] != 0)
                i = (i + 1) & (size - 1);
            m_slots[i] = old[k];
            m_tags[i] = oldTags[k];
        }
    }

    std::vector<Slot> m_slots;
    std::vector<std::uint8_t> m_tags; // 0: empty
    std::string m_keys;
    std::size_t m_count = 0;
};

} // namespace uc::themes::detail
