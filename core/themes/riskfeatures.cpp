// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes/riskreading.h"

#include <libstemmer.h>

#include <algorithm>
#include <unordered_map>

namespace uc::themes::detail {

namespace {

// One Snowball stemmer per thread: a stemmer keeps state between calls, and the tagger runs on any
// number of threads.
class ThreadStemmer
{
public:
    ThreadStemmer()
        : m_stemmer(sb_stemmer_new("english", "UTF_8"))
    {
    }
    ~ThreadStemmer() { sb_stemmer_delete(m_stemmer); }
    ThreadStemmer(const ThreadStemmer &) = delete;
    ThreadStemmer &operator=(const ThreadStemmer &) = delete;

    void stem(std::string &word)
    {
        if (!m_stemmer)
            return;
        const sb_symbol *s = sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol *>(word.data()),
                                             static_cast<int>(word.size()));
        if (s)
            word.assign(reinterpret_cast<const char *>(s), static_cast<std::size_t>(sb_stemmer_length(m_stemmer)));
    }

private:
    sb_stemmer *m_stemmer;
};

bool wordByte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

} // namespace

const char *const readingRiskIds[5] = {"suicide", "self-harm", "harm-to-others", "overdose", "abuse"};

std::vector<std::string> readingWords(std::string_view text)
{
    thread_local ThreadStemmer stemmer;
    // Stems already worked out on this thread: a note's words repeat, and stemming is most of the
    // reading's cost. Bounded: cleared when it grows past what any vocabulary of notes needs.
    thread_local std::unordered_map<std::string, std::string> stems;
    std::vector<std::string> words;
    std::string word;
    const auto flush = [&] {
        // An apostrophe at either end is a quotation mark, not part of the word.
        const auto first = word.find_first_not_of('\'');
        if (first != std::string::npos) {
            const auto last = word.find_last_not_of('\'');
            if (first > 0 || last + 1 < word.size())
                word = word.substr(first, last - first + 1);
            const auto it = stems.find(word);
            if (it != stems.end()) {
                words.push_back(it->second);
            } else {
                if (stems.size() > 200000)
                    stems.clear();
                std::string stemmed = word;
                stemmer.stem(stemmed);
                words.push_back(stemmed);
                stems.emplace(word, std::move(stemmed));
            }
        }
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        // The right single quotation mark (U+2019, E2 80 99) is an apostrophe inside a word.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80
            && static_cast<unsigned char>(text[i + 2]) == 0x99) {
            c = '\'';
            i += 2;
        }
        if (wordByte(c)) {
            word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
            continue;
        }
        if (!word.empty())
            flush();
    }
    if (!word.empty())
        flush();
    return words;
}

std::vector<std::string> readingFeatures(std::string_view text)
{
    const std::vector<std::string> words = readingWords(text);
    std::vector<std::string> out;
    out.reserve(words.size() * 2);
    for (std::size_t k = 0; k < words.size(); ++k) {
        out.push_back(words[k]);
        if (k + 1 < words.size())
            out.push_back(words[k] + '_' + words[k + 1]);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

} // namespace uc::themes::detail
