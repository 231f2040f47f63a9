// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes/morphology.h"
#include "themes/stemmer.h"

#include <algorithm>
#include <array>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace uc::themes::detail {

namespace {

bool isVowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool lettersOnly(const std::string &w)
{
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// Words that are never inflected: pronouns and function words ("her" is not "hers" or "herring").
bool functionWord(const std::string &w)
{
    static constexpr std::array<std::string_view, 24> stop = {
        "the", "and", "her", "his", "him", "she", "you", "was", "not", "for", "with", "any",
        "out", "off", "too", "who", "its", "our", "but", "are", "has", "had", "did", "can"};
    return std::find(stop.begin(), stop.end(), w) != stop.end();
}

// Regular inflections by the spelling rules of English: -s or -es (-ies after a consonant and
// y), -ed or -d (-ied), -ing (dropping a silent e), and a doubled final consonant after one short
// vowel (stop -> stopped, regret -> regretted). Snowball then keeps those with the word's stem.
std::vector<std::string> candidates(const std::string &w)
{
    std::vector<std::string> out;
    const char last = w.back();
    const char before = w[w.size() - 2];
    const std::string stem = w.substr(0, w.size() - 1);
    const bool sibilant = last == 's' || last == 'x' || last == 'z' || w.ends_with("ch") || w.ends_with("sh");
    if (sibilant || last == 'o')
        out.push_back(w + "es");
    if (!sibilant)
        out.push_back(last == 'y' && !isVowel(before) ? stem + "ies" : w + "s");
    if (last == 'e') {
        out.push_back(w + "d");
        if (before == 'e' || before == 'y' || before == 'o')
            out.push_back(w + "ing"); // see -> seeing, dye -> dyeing
        else
            out.push_back(stem + "ing");
    } else if (last == 'y' && !isVowel(before)) {
        out.push_back(stem + "ied");
        out.push_back(w + "ing");
    } else {
        out.push_back(w + "ed");
        out.push_back(w + "ing");
        if (!isVowel(last) && last != 'w' && last != 'x' && last != 'y' && isVowel(before) && !isVowel(w[w.size() - 3])) {
            out.push_back(w + last + "ed");
            out.push_back(w + last + "ing");
        }
    }
    return out;
}

struct Cache
{
    std::mutex mutex;
    Stemmer stemmer; // not thread-safe itself: used under the mutex
    std::unordered_map<std::string, std::vector<std::string>> forms;
};

Cache &cache()
{
    static Cache c;
    return c;
}

std::vector<std::string> computeForms(const std::string &w, Stemmer &stemOf)
{
    std::vector<std::string> out{w};
    if (!lettersOnly(w) || functionWord(w))
        return out;
    if (w.size() >= 3) {
        const std::string own = stemOf(w);
        for (std::string &c : candidates(w))
            if (stemOf(c) == own)
                out.push_back(std::move(c));
    }
    const auto *begin = irregularForms;
    const auto *end = irregularForms + irregularFormCount;
    const auto *it = std::lower_bound(begin, end, w, [](const IrregularForm &f, const std::string &key) {
        return std::string_view(f.lemma) < key;
    });
    for (; it != end && w == it->lemma; ++it) {
        const std::string form = it->form;
        // Suppletive comparatives (good -> better, bad -> worse) are other words in a phrase.
        if (it->pos == 'a' && form.compare(0, 2, w, 0, 2) != 0)
            continue;
        out.push_back(form);
    }
    std::sort(out.begin() + 1, out.end());
    out.erase(std::unique(out.begin() + 1, out.end()), out.end());
    out.erase(std::remove(out.begin() + 1, out.end(), w), out.end());
    return out;
}

std::vector<std::string> computeNounForms(const std::string &w, Stemmer &stemOf)
{
    std::vector<std::string> out{w};
    if (!lettersOnly(w) || w.size() < 2)
        return out;
    const char last = w.back();
    std::vector<std::string> plurals;
    if (last == 's' || last == 'x' || w.ends_with("ch") || w.ends_with("sh"))
        plurals.push_back(w + "es");
    else if (last == 'y' && w.size() > 2 && !isVowel(w[w.size() - 2]))
        plurals.push_back(w.substr(0, w.size() - 1) + "ies");
    else
        plurals.push_back(w + "s");
    const std::string own = stemOf(w);
    for (std::string &p : plurals)
        if (stemOf(p) == own)
            out.push_back(std::move(p));
    const auto *end = irregularForms + irregularFormCount;
    auto it = std::lower_bound(irregularForms, end, w, [](const IrregularForm &f, const std::string &key) {
        return std::string_view(f.lemma) < key;
    });
    for (; it != end && w == it->lemma; ++it)
        if (it->pos == 'n')
            out.emplace_back(it->form);
    return out;
}

} // namespace

std::vector<std::string> nounForms(const std::string &word)
{
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    const std::string key = "n:" + word;
    auto it = c.forms.find(key);
    if (it == c.forms.end())
        it = c.forms.emplace(key, computeNounForms(word, c.stemmer)).first;
    return it->second;
}

std::vector<std::string> wordForms(const std::string &word)
{
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    auto it = c.forms.find(word);
    if (it == c.forms.end())
        it = c.forms.emplace(word, computeForms(word, c.stemmer)).first;
    return it->second;
}

std::string stem(const std::string &word)
{
    Cache &c = cache();
    const std::lock_guard lock(c.mutex);
    return c.stemmer(word);
}

} // namespace uc::themes::detail
