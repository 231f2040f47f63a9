// SPDX-License-Identifier: GPL-3.0-or-later
// Compiling a codebook: every phrase word form into the word table, every phrase into the lists
// of phrases to try where its anchor word is found. The rules beside the themes (roles,
// substances, predicates, frames, senses) are compilerules.cpp's.
#include "themes/morphology.h"
#include "themes/pipeline.h"

#include <algorithm>
#include <array>

namespace uc::themes {

namespace {

// The words a risk phrase's person word stands for: a possessive or a reflexive said of one
// person is said of any ("cut her arm" is "cut my arm", "kill herself" is "kill myself"; whose it
// is, the rules decide), and "until" is "till". An object or a subject stays as written ("kill
// him" is not "kill me"), and so does a "her" that ends a phrase (an object: "hit her").
std::vector<std::string> personVariants(const std::string &word, bool last)
{
    static const std::array<std::vector<std::string>, 3> classes{
        std::vector<std::string>{"her", "his", "my", "their"},
        std::vector<std::string>{"herself", "himself", "myself", "themselves", "themself"},
        std::vector<std::string>{"until", "till", "til"},
    };
    if (word == "her" && last)
        return {word};
    for (const std::vector<std::string> &c : classes)
        if (std::find(c.begin(), c.end(), word) != c.end())
            return c;
    return {word};
}

} // namespace

Tagger::Impl::Impl(const Codebook &book)
    : codebook(book)
{
    compile();
}

std::int32_t Tagger::Impl::formId(const std::string &form)
{
    WordInfo &info = words.insert(form);
    if (info.form < 0) {
        info.form = formCount++;
        startsByForm.emplace_back();
        formTexts.push_back(form);
    }
    return info.form;
}

std::vector<std::int32_t> Tagger::Impl::formIds(const QList<QString> &list)
{
    std::vector<std::int32_t> ids;
    for (const QString &w : list)
        for (const std::string &form : wordForms(w.toCaseFolded().toStdString()))
            ids.push_back(formId(form));
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

std::int32_t Tagger::Impl::prefixId(const std::string &prefix)
{
    if (prefixCount >= maxPrefixes && !prefixes.find(prefix, wordHash(prefix)))
        return -1; // a codebook this large leaves its last prefixes unmatched
    WordInfo &info = prefixes.insert(prefix);
    if (info.form < 0) {
        info.form = prefixCount++;
        startsByPrefix.emplace_back();
        if (std::find(prefixLengths.begin(), prefixLengths.end(), prefix.size()) == prefixLengths.end())
            prefixLengths.push_back(static_cast<std::uint8_t>(prefix.size()));
        minPrefix = std::min(minPrefix, prefix.size());
        prefixTexts.push_back(prefix);
    }
    return info.form;
}

int Tagger::Impl::compilePhrase(const QString &text, int theme, int predicate, bool exception)
{
    Phrase phrase;
    phrase.theme = theme;
    phrase.predicate = predicate;
    phrase.text = text;
    phrase.rule = QStringLiteral("phrase:") + text;
    phrase.exception = exception;
    const QStringList written = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : written) {
        // Folded the same way as the text (hyphens inside a phrase word split like text).
        const QString folded = w.toCaseFolded().replace(QChar(0x2019), QLatin1Char('\''));
        for (QString part : folded.split(QLatin1Char('-'), Qt::SkipEmptyParts)) {
            PatternWord pw;
            if (part == QLatin1String("not")) {
                pw.negator = true; // "not speak": haven't spoken, never speaks, won't speak
            } else if (part == QLatin1String("#age")) {
                pw.age = true;
            } else if (part.endsWith(QLatin1Char('*'))) {
                part.chop(1);
                pw.prefix = prefixId(part.toStdString());
            } else {
                std::vector<std::string> spellings{part.toStdString()};
                if (riskVariants)
                    spellings = personVariants(spellings.front(), &w == &written.back());
                for (const std::string &spelling : spellings)
                    for (const std::string &form : wordForms(spelling)) {
                        pw.forms.push_back(formId(form));
                        pw.formBits |= 1ull << (pw.forms.back() & 63);
                    }
            }
            phrase.words.push_back(std::move(pw));
        }
    }
    if (phrase.words.empty()
        || std::all_of(phrase.words.begin(), phrase.words.end(), [](const PatternWord &w) { return w.negator || w.age; }))
        return -1;
    if (phrase.words.size() == 1 && !phrase.words[0].forms.empty()) {
        const std::string word = text.toCaseFolded().toStdString();
        phrase.exactForms = {formId(word), formId(word + "s")};
        std::sort(phrase.exactForms.begin(), phrase.exactForms.end());
    }
    const int index = static_cast<int>(phrases.size());
    // The anchor: the word looked up first, so the rarest — the longest word of content, not a
    // function word ("pub" in "in the pub", not "the"); later words win ties.
    const QStringList parts = QString(text).replace(QLatin1Char('-'), QLatin1Char(' ')).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    phrase.namesMe = parts.contains(QLatin1String("me"), Qt::CaseInsensitive); // "annoys me"
    const auto score = [&](std::size_t k) {
        const PatternWord &w = phrase.words[k];
        if (w.negator || w.age)
            return -1000;
        const QString &part = parts.at(static_cast<qsizetype>(std::min<std::size_t>(k, static_cast<std::size_t>(parts.size() - 1))));
        int s = static_cast<int>(part.size());
        const std::string form = part.toCaseFolded().toStdString();
        if (const WordInfo *info = words.find(form, wordHash(form)); info && (info->flags & functionFlags))
            s -= 100;
        return s;
    };
    for (std::size_t k = 1; k < phrase.words.size(); ++k)
        if (score(k) >= score(phrase.anchor))
            phrase.anchor = k;
    const PatternWord &first = phrase.words[phrase.anchor];
    Start start;
    start.phrase = index;
    if (phrase.words.size() > 1) {
        start.step = phrase.anchor > 0 ? -1 : +1;
        const bool after = start.step > 0;
        const PatternWord &next = phrase.words[phrase.anchor > 0 ? phrase.anchor - 1 : phrase.anchor + 1];
        start.neighbourPrefix = next.prefix;
        if (next.negator)
            start.needs = after ? Start::NegationAfter : Start::NegationBefore;
        else if (next.age)
            start.needs = after ? Start::AgeAfter : Start::AgeBefore;
        else if (next.prefix >= 0)
            start.needs = Start::Prefix;
        else
            start.neighbourBits[after ? 1 : 0] = next.formBits;
    } else {
        start.needs = Start::Always;
    }
    if (first.prefix >= 0)
        startsByPrefix[static_cast<std::size_t>(first.prefix)].push_back(start);
    for (std::int32_t f : first.forms)
        startsByForm[static_cast<std::size_t>(f)].push_back(start);
    phrases.push_back(std::move(phrase));
    return index;
}

void Tagger::Impl::compile()
{
    for (const ContextWord *c = contextWordsBegin(); c != contextWordsEnd(); ++c)
        words.insert(c->word).flags |= c->flags;
    for (int ti = 0; ti < codebook.themes().size(); ++ti) {
        const Theme &theme = codebook.themes().at(ti);
        if (!theme.enabled)
            continue;
        for (const QString &text : theme.phrases)
            (void)compilePhrase(text, ti, -1, false);
        for (const QString &text : theme.exceptions)
            (void)compilePhrase(text, ti, -1, true);
    }
    const auto indexOf = [&](const QString &id, bool mustBeEnabled) {
        for (int k = 0; k < codebook.themes().size(); ++k)
            if (codebook.themes().at(k).id == id && (!mustBeEnabled || codebook.themes().at(k).enabled))
                return k;
        return -1;
    };
    for (const Theme &theme : codebook.themes()) {
        Related r;
        if (theme.isDriverLink()) {
            r.driver = indexOf(theme.driver, false);
            r.use = indexOf(theme.use, false);
        }
        if (!theme.otherPersonTheme.isEmpty())
            r.otherPerson = indexOf(theme.otherPersonTheme, true);
        for (const QString &id : theme.objectOf)
            r.objectOf.push_back(indexOf(id, false));
        r.namesSubstance = theme.namesSubstance;
        themeIndex.push_back(r);
    }
    objectTheme.assign(themeIndex.size(), false);
    for (const Related &r : themeIndex)
        for (int t : r.objectOf)
            if (t >= 0)
                objectTheme[static_cast<std::size_t>(t)] = true;
    // The learned reading reads the themes it knows that this codebook has and keeps on.
    for (std::size_t k = 0; k < readingTheme.size(); ++k)
        readingTheme[k] = indexOf(QString::fromLatin1(readingThemeIds[k]), true);
    compileRules();
    compileRisks();
    for (const Theme &theme : codebook.themes())
        linkRules.push_back(theme.isDriverLink() ? QStringLiteral("link:%1+%2").arg(theme.use, theme.driver) : QString());
    // A word is looked up once; this flag tells the matcher whether any phrase starts there.
    for (std::size_t f = 0; f < startsByForm.size(); ++f)
        if (!startsByForm[f].empty())
            words.insert(formTexts[f]).flags |= Anchor;
    formTexts.clear();
    prefixSubstance.resize(static_cast<std::size_t>(prefixCount), -1);
    std::sort(prefixLengths.begin(), prefixLengths.end());
    filterLength = std::min<std::size_t>(3, minPrefix);
    lengthFilters.assign(prefixLengths.size(), {});
    for (const std::string &p : prefixTexts) {
        const std::uint32_t h = filterHash(p, filterLength);
        prefixFilter[h >> 6] |= 1ull << (h & 63);
        const auto li = static_cast<std::size_t>(
            std::find(prefixLengths.begin(), prefixLengths.end(), p.size()) - prefixLengths.begin());
        const std::uint32_t full = filterHash(p, p.size()) & (lengthFilterBits - 1);
        lengthFilters[li][full >> 6] |= 1ull << (full & 63);
    }
    cachePrefixes();
}

} // namespace uc::themes
