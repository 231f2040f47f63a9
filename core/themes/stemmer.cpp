// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes/stemmer.h"

#include <libstemmer.h>

namespace uc::themes::detail {

Stemmer::Stemmer()
    : m_stemmer(sb_stemmer_new("english", "UTF_8"))
{
}

Stemmer::~Stemmer()
{
    sb_stemmer_delete(m_stemmer);
}

std::string Stemmer::operator()(std::string_view word)
{
    if (!m_stemmer)
        return std::string(word);
    const sb_symbol *s = sb_stemmer_stem(m_stemmer, reinterpret_cast<const sb_symbol *>(word.data()),
                                         static_cast<int>(word.size()));
    if (!s)
        return std::string(word);
    return {reinterpret_cast<const char *>(s), static_cast<std::size_t>(sb_stemmer_length(m_stemmer))};
}

} // namespace uc::themes::detail
