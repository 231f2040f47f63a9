// SPDX-License-Identifier: GPL-3.0-or-later
// The broad net's patterns, compiled once per process, and their prefilter: an Aho–Corasick
// automaton over every pattern's required strings, run once over a note, so that of some 470
// patterns only those whose required strings occur are tried (broadnet.h).
#include "themes/broadnet.h"

#include <QDebug>

#include <algorithm>
#include <deque>
#include <stdexcept>

namespace uc::themes::broad {

namespace {

char fold(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// What PCRE's \w is in a pattern compiled without Unicode properties (QRegularExpression's
// default): ASCII letters, digits and _; a byte of a multi-byte character is none of these.
bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

} // namespace

QRegularExpression rx(const char *pattern, bool caseInsensitive)
{
    QRegularExpression re(QString::fromUtf8(pattern), caseInsensitive
                                                          ? QRegularExpression::CaseInsensitiveOption | QRegularExpression::DontCaptureOption
                                                          : QRegularExpression::DontCaptureOption);
    return re; // compiled by Qt on its first match
}

bool found(const QRegularExpression &re, QStringView text)
{
    return re.match(text, 0, QRegularExpression::NormalMatch, noCheck).hasMatch();
}

const Matcher &Matcher::instance()
{
    static const Matcher matcher;
    return matcher;
}

int Matcher::factorId(const std::string &s, bool word)
{
    for (std::size_t k = 0; k < factorTexts.size(); ++k)
        if (factorTexts[k] == s && wordOnly[k] == word)
            return static_cast<int>(k);
    factorTexts.push_back(s);
    wordOnly.push_back(word);
    return static_cast<int>(factorTexts.size() - 1);
}

Compiled Matcher::compile(const Pattern &p, bool caseInsensitive)
{
    Compiled c;
    QRegularExpression::PatternOptions options = QRegularExpression::DontCaptureOption;
    if (caseInsensitive)
        options |= QRegularExpression::CaseInsensitiveOption;
    // Compiled (with the JIT) by Qt on its first match, under Qt's lock: most of the ~470 patterns
    // are never tried on a given run (their prefilter strings never occur), and compiling them all
    // up front was a sixth of the net's cost (docs/benchmarks.md, "Broad net, session 30").
    // ready() checks each pattern's validity when it is first tried; allValid() checks them all.
    c.re = QRegularExpression(QString::fromUtf8(p.pattern), options);
    c.local = p.local;
    c.reach = p.reach;
    c.leads = p.leads;
    if (p.factors != nullptr) {
        const std::string_view all(p.factors);
        std::size_t from = 0;
        while (from <= all.size()) {
            const std::size_t to = std::min(all.find('\x1f', from), all.size());
            std::string f(all.substr(from, to - from));
            // "\\bh\\b": the string as a word of its own.
            const bool word = f.size() > 4 && f.starts_with("\\b") && f.ends_with("\\b");
            if (word)
                f = f.substr(2, f.size() - 4);
            for (char &ch : f)
                ch = fold(ch);
            c.factors.push_back(factorId(f, word));
            from = to + 1;
        }
    }
    return c;
}

Matcher::Matcher()
{
    for (const Head &h : broad::heads())
        heads.push_back(compile(h.pattern, !h.capitals));
    for (std::size_t k = 0; k < kFigurativeCount; ++k)
        figurative.push_back(compile(kFigurative[k]));
    for (std::size_t k = 0; k < kSafeDenyCount; ++k)
        safeDeny.push_back(compile(kSafeDeny[k].pattern));
    for (std::size_t k = 0; k < kMixClassCount; ++k)
        mixClasses.push_back(compile(kMixClasses[k].pattern));
    abuser = compile(kAbuser);
    kinSubj = compile(kKinSubj);
    fhx = compile(kFhx);
    report = compile(kReport);
    vehicle = compile(kVehicle);
    joke = compile(kJoke);
    nojoke = compile(kNojoke);
    therapeutic = compile(kTherapeutic);
    screen = compile(kScreen);
    preNeg = compile(kPreNeg);
    postNeg = compile(kPostNeg);
    askedNo = compile(kAskedNo);
    clauseEnd = compile(kClauseEnd);
    violentAct = compile(kViolentAct);
    adultOther = compile(kAdultOther);
    suicidePlanContext = compile(kSuicidePlanContext);
    build();
}

void Matcher::build()
{
    // The alphabet: each byte that some required string holds has its own class; all others one.
    for (const std::string &f : factorTexts)
        for (const char ch : f) {
            const auto b = static_cast<unsigned char>(ch);
            if (alphabet[b] == 0)
                alphabet[b] = static_cast<std::uint8_t>(alphabetSize++);
        }
    for (int b = 'A'; b <= 'Z'; ++b)
        alphabet[static_cast<std::size_t>(b)] = alphabet[static_cast<std::size_t>(b - 'A' + 'a')];
    const auto width = static_cast<std::size_t>(alphabetSize);
    // The trie (-1: no edge yet).
    next.assign(width, -1);
    outputs.emplace_back();
    for (std::size_t id = 0; id < factorTexts.size(); ++id) {
        std::size_t state = 0;
        for (const char ch : factorTexts[id]) {
            const std::size_t slot = state * width + alphabet[static_cast<unsigned char>(ch)];
            if (next[slot] < 0) {
                next[slot] = static_cast<std::int32_t>(outputs.size());
                outputs.emplace_back();
                next.resize(next.size() + width, -1);
            }
            state = static_cast<std::size_t>(next[slot]);
        }
        outputs[state].push_back(static_cast<int>(id));
    }
    // Failure links, breadth first, folded into a full transition table.
    std::vector<std::int32_t> fail(outputs.size(), 0);
    std::deque<std::size_t> queue;
    for (std::size_t a = 0; a < width; ++a) {
        if (next[a] < 0) {
            next[a] = 0;
        } else {
            fail[static_cast<std::size_t>(next[a])] = 0;
            queue.push_back(static_cast<std::size_t>(next[a]));
        }
    }
    while (!queue.empty()) {
        const std::size_t state = queue.front();
        queue.pop_front();
        const auto f = static_cast<std::size_t>(fail[state]);
        outputs[state].insert(outputs[state].end(), outputs[f].begin(), outputs[f].end());
        for (std::size_t a = 0; a < width; ++a) {
            std::int32_t &to = next[state * width + a];
            if (to < 0) {
                to = next[f * width + a];
            } else {
                fail[static_cast<std::size_t>(to)] = next[f * width + a];
                queue.push_back(static_cast<std::size_t>(to));
            }
        }
    }
    // The scan's table: each target premultiplied by the width, its low bit set when strings end there.
    table.resize(next.size());
    for (std::size_t k = 0; k < next.size(); ++k) {
        const auto to = static_cast<std::size_t>(next[k]);
        table[k] = static_cast<std::uint32_t>(to * width * 2) | (outputs[to].empty() ? 0u : 1u);
    }
}

void Matcher::scan(std::string_view text, Scan &out) const
{
    out.seen.assign(factorTexts.size(), false);
    out.occurrences.clear();
    out.segmentStarts.assign(1, 0);
    const auto width = static_cast<std::size_t>(alphabetSize);
    thread_local std::vector<std::uint32_t> lastSegment; // by string id: +1 of the segment last recorded
    lastSegment.assign(factorTexts.size(), 0);
    std::size_t row = 0; // the state times the width
    for (std::size_t b = 0; b < text.size(); ++b) {
        const char ch = text[b];
        if (ch == '.' || ch == '!' || ch == '?')
            out.segmentStarts.push_back(static_cast<std::uint32_t>(b + 1));
        const std::uint32_t to = table[row + alphabet[static_cast<unsigned char>(ch)]];
        row = to >> 1;
        if ((to & 1u) == 0)
            continue;
        for (const int id : outputs[row / width]) {
            const auto segment = static_cast<std::uint32_t>(out.segmentStarts.size() - 1);
            if (lastSegment[static_cast<std::size_t>(id)] == segment + 1)
                continue;
            if (wordOnly[static_cast<std::size_t>(id)]) {
                // A letter, digit or _ on either side: not the word (any other byte may be \W).
                const std::size_t start = b + 1 - factorTexts[static_cast<std::size_t>(id)].size();
                if ((start > 0 && isWordByte(text[start - 1])) || (b + 1 < text.size() && isWordByte(text[b + 1])))
                    continue;
            }
            lastSegment[static_cast<std::size_t>(id)] = segment + 1;
            out.seen[static_cast<std::size_t>(id)] = true;
            out.occurrences.emplace_back(id, segment);
        }
    }
    out.segmentStarts.push_back(static_cast<std::uint32_t>(text.size() + 1));
    // Sorted by string id, each string's in the order found (by segment): a counting sort.
    out.firstOf.assign(factorTexts.size() + 1, 0);
    for (const auto &[id, segment] : out.occurrences)
        ++out.firstOf[static_cast<std::size_t>(id) + 1];
    for (std::size_t id = 0; id < factorTexts.size(); ++id)
        out.firstOf[id + 1] += out.firstOf[id];
    thread_local std::vector<std::pair<int, std::uint32_t>> sorted;
    thread_local std::vector<std::uint32_t> at;
    sorted.resize(out.occurrences.size());
    at.assign(out.firstOf.begin(), out.firstOf.end() - 1);
    for (const auto &o : out.occurrences)
        sorted[at[static_cast<std::size_t>(o.first)]++] = o;
    out.occurrences.swap(sorted);
}

const QRegularExpression &Matcher::ready(const Compiled &c)
{
    if (c.checked.value.load(std::memory_order_acquire))
        return c.re;
    if (!c.re.isValid()) // compiles the pattern (under Qt's lock)
        throw std::logic_error("broad net: invalid pattern: " + c.re.pattern().toStdString());
    c.checked.value.store(true, std::memory_order_release);
    return c.re;
}

bool Matcher::allValid() const
{
    const auto valid = [](const std::vector<Compiled> &all) {
        return std::all_of(all.begin(), all.end(), [](const Compiled &c) { return c.re.isValid(); });
    };
    for (const Compiled *c : { &abuser, &kinSubj, &fhx, &report, &vehicle, &joke, &nojoke, &therapeutic, &screen,
                               &preNeg, &postNeg, &askedNo, &clauseEnd, &violentAct, &adultOther, &suicidePlanContext })
        if (!c->re.isValid())
            return false;
    return valid(heads) && valid(figurative) && valid(safeDeny) && valid(mixClasses);
}

bool Matcher::mayMatch(const Compiled &c, const Scan &scan)
{
    if (c.factors.empty())
        return true;
    for (const int id : c.factors)
        if (scan.seen[static_cast<std::size_t>(id)])
            return true;
    return false;
}

std::uint32_t Matcher::firstSegment(const Compiled &c, const Scan &scan)
{
    auto first = static_cast<std::uint32_t>(scan.segmentStarts.size());
    for (const int id : c.factors) {
        const std::uint32_t k = scan.firstOf[static_cast<std::size_t>(id)];
        if (k < scan.firstOf[static_cast<std::size_t>(id) + 1])
            first = std::min(first, scan.occurrences[k].second); // each string's are in segment order
    }
    return first;
}

void Matcher::segmentsOf(const Compiled &c, const Scan &scan, std::vector<std::uint32_t> &out)
{
    out.clear();
    if (!c.local || c.factors.empty())
        return;
    for (const int id : c.factors)
        for (auto k = scan.firstOf[static_cast<std::size_t>(id)]; k < scan.firstOf[static_cast<std::size_t>(id) + 1];
             ++k) {
            const std::uint32_t segment = scan.occurrences[k].second;
            for (std::uint32_t before = std::min<std::uint32_t>(c.reach, segment); before > 0; --before)
                out.push_back(segment - before);
            out.push_back(segment);
        }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
}

} // namespace uc::themes::broad
