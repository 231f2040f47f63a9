// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The forms a plain codebook word also matches, worked out once when a codebook is compiled:
// regular inflections proposed by rule and kept when Snowball's English stemmer gives them the
// word's own stem, and WordNet's irregular forms of the word (fight -> fought, leave -> left).
#include <cstddef>
#include <string>
#include <vector>

namespace uc::themes::detail {

struct IrregularForm
{
    const char *lemma;
    const char *form;
    char pos; // 'v' verb, 'n' noun, 'a' adjective (WordNet's verb.exc, noun.exc, adj.exc)
};

// Generated at build time from WordNet (irregular_forms.cmake), sorted by lemma.
extern const IrregularForm irregularForms[];
extern const std::size_t irregularFormCount;

// The word itself first, then every other form it matches. Function words and words with
// anything but a-z are only themselves. Thread-safe; answers are remembered for the process.
std::vector<std::string> wordForms(const std::string &word);

// The word and its plural forms only (mother, mothers; child, children): for people, whose
// words are nouns ("mothering" is not a mother).
std::vector<std::string> nounForms(const std::string &word);

// Snowball's English stem of a lower-case word (for tests and the docs' examples).
std::string stem(const std::string &word);

} // namespace uc::themes::detail
