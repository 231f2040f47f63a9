// SPDX-License-Identifier: GPL-3.0-or-later
// The public face: Tagger::tag runs the stages and builds the result (code-point spans, evidence
// by theme, exclusions in text order); TagResult as JSON.
#include "themes/broadnet.h"
#include "themes/pipeline.h"

#include "common/error.h"

#include <QJsonArray>

#include <algorithm>
#include <cstring>
#include <limits>

namespace uc::themes {

QString toString(Exclusion reason)
{
    switch (reason) {
    case Exclusion::Negated:
        return QStringLiteral("negated");
    case Exclusion::OtherPerson:
        return QStringLiteral("other-person");
    case Exclusion::Hypothetical:
        return QStringLiteral("hypothetical");
    case Exclusion::Figurative:
        return QStringLiteral("figurative");
    case Exclusion::Superseded:
        return QStringLiteral("superseded");
    }
    return {};
}

QString toString(RiskStatus status)
{
    return status == RiskStatus::Present ? QStringLiteral("present") : QStringLiteral("denied");
}

QString toString(Register reg)
{
    switch (reg) {
    case Register::Auto:
        return QStringLiteral("auto");
    case Register::Clinical:
        return QStringLiteral("clinical");
    case Register::Client:
        return QStringLiteral("client");
    }
    return {};
}

std::optional<Register> registerFrom(const QString &name)
{
    for (Register r : {Register::Auto, Register::Clinical, Register::Client})
        if (name == toString(r))
            return r;
    return std::nullopt;
}

const ThemeResult *TagResult::find(const QString &id) const
{
    for (const ThemeResult &t : themes)
        if (t.id == id)
            return &t;
    return nullptr;
}

const RiskResult *TagResult::findRisk(const QString &id) const
{
    for (const RiskResult &r : risks)
        if (r.id == id)
            return &r;
    return nullptr;
}

namespace {

QJsonArray evidenceJson(const QList<Evidence> &evidence)
{
    QJsonArray ev;
    for (const Evidence &e : evidence) {
        QJsonObject o{{QStringLiteral("start"), e.start},
                      {QStringLiteral("end"), e.end},
                      {QStringLiteral("text"), e.text},
                      {QStringLiteral("rule"), e.rule}};
        if (!e.substance.isEmpty())
            o.insert(QStringLiteral("substance"), e.substance);
        ev.append(o);
    }
    return ev;
}

} // namespace

QJsonObject TagResult::toJson() const
{
    QJsonArray themeArray;
    for (const ThemeResult &t : themes) {
        const QJsonArray ev = evidenceJson(t.evidence);
        themeArray.append(QJsonObject{{QStringLiteral("id"), t.id},
                                      {QStringLiteral("label"), t.label},
                                      {QStringLiteral("count"), static_cast<int>(t.evidence.size())},
                                      {QStringLiteral("evidence"), ev}});
    }
    QJsonArray excludedArray;
    for (const ExcludedMention &x : excluded) {
        QJsonObject o{{QStringLiteral("id"), x.id},
                      {QStringLiteral("reason"), toString(x.reason)},
                      {QStringLiteral("start"), x.start},
                      {QStringLiteral("end"), x.end},
                      {QStringLiteral("text"), x.text}};
        if (x.risk)
            o.insert(QStringLiteral("risk"), true);
        excludedArray.append(o);
    }
    QJsonArray riskArray;
    for (const RiskResult &r : risks)
        riskArray.append(QJsonObject{{QStringLiteral("id"), r.id},
                                     {QStringLiteral("status"), toString(r.status)},
                                     {QStringLiteral("evidence"), evidenceJson(r.evidence)},
                                     {QStringLiteral("rule"), r.rule}});
    return {{QStringLiteral("themes"), themeArray}, {QStringLiteral("excluded"), excludedArray}, {QStringLiteral("risks"), riskArray}};
}

namespace {

// True when every byte is below 0x80; eight bytes at a time.
bool isAscii(std::string_view text)
{
    std::size_t i = 0;
    std::uint64_t any = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, text.data() + i, 8);
        any |= word;
    }
    for (; i < text.size(); ++i)
        any |= static_cast<unsigned char>(text[i]);
    return (any & 0x8080808080808080ull) == 0;
}

// Evidence texts of one call by their bytes, so that equal texts share one QString. Open
// addressing over a fixed number of slots, at most half of them filled; past that, texts are made
// on their own. Only the slots filled are emptied for the next call.
class SliceCache
{
public:
    void reset()
    {
        for (const std::uint32_t k : m_used)
            m_slots[k] = Slot{};
        m_used.clear();
    }

    QString get(std::string_view text, std::uint32_t from, std::uint32_t to, bool ascii)
    {
        const std::string_view bytes = text.substr(from, to - from);
        const std::uint64_t h = wordHash(bytes);
        std::size_t i = h & (size - 1);
        for (; m_slots[i].filled; i = (i + 1) & (size - 1)) {
            const Slot &slot = m_slots[i];
            if (slot.hash == h && text.substr(slot.from, slot.to - slot.from) == bytes)
                return slot.string;
        }
        QString made = ascii ? QString::fromLatin1(bytes.data(), static_cast<qsizetype>(bytes.size()))
                             : QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()));
        if (m_used.size() < size / 2) {
            m_slots[i] = Slot{h, from, to, true, made};
            m_used.push_back(static_cast<std::uint32_t>(i));
        }
        return made;
    }

private:
    static constexpr std::size_t size = 1024;
    struct Slot
    {
        std::uint64_t hash = 0;
        std::uint32_t from = 0;
        std::uint32_t to = 0;
        bool filled = false;
        QString string;
    };
    std::vector<Slot> m_slots = std::vector<Slot>(size);
    std::vector<std::uint32_t> m_used;
};

} // namespace

// ---- the public face ----------------------------------------------------------------------------

Tagger::Tagger(const Codebook &codebook)
    : d(std::make_unique<Impl>(codebook))
{
}

Tagger::~Tagger() = default;
Tagger::Tagger(Tagger &&) noexcept = default;
Tagger &Tagger::operator=(Tagger &&) noexcept = default;

const Codebook &Tagger::codebook() const
{
    return d->codebook;
}

TagResult Tagger::tag(const QString &text, Register reg) const
{
    const QByteArray utf8 = text.toUtf8();
    return tag(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), reg);
}

TagResult Tagger::tag(std::string_view text, Register reg) const
{
    if (text.size() > std::numeric_limits<std::uint32_t>::max() / 2)
        throw Error(ErrorKind::Io, QStringLiteral("tag"), QStringLiteral("the text is larger than 2 GiB"));
    // Scratch space reused across calls on a thread: a note is tagged on every keystroke pause.
    thread_local Text state;
    thread_local std::vector<Mention> mentions;
    state.bytes = text;
    std::vector<Token> &tokens = state.tokens;
    tokens.reserve(text.size() / 5 + 8);
    d->tokenize(text, state);
    mentions.clear();
    d->match(state, mentions);
    d->applySenses(state, mentions);
    d->decideRegister(state, reg);
    d->applyFrames(state, mentions);
    d->applyContext(state, mentions);
    d->nameSubstances(state, mentions);
    thread_local std::vector<RiskFinding> findings;
    d->readRisks(state, mentions, findings);
    d->readSentences(state);
    d->readReading(state, findings);
    const auto found = static_cast<std::ptrdiff_t>(mentions.size()); // in text order from here back
    d->linkDrivers(state, mentions);
    d->readThemes(state, mentions);

    // Byte offsets to code-point offsets (invalid bytes count one each), in one walk. In ASCII
    // text, most notes, they are the same and the walk is skipped.
    const bool ascii = isAscii(text);
    thread_local std::vector<std::uint32_t> byteOffsets;
    byteOffsets.clear();
    for (const Mention &m : mentions) {
        if (ascii)
            break;
        byteOffsets.push_back(tokens[m.first].start);
        byteOffsets.push_back(tokens[m.last].end);
    }
    for (const RiskFinding &f : findings) {
        if (ascii)
            break;
        byteOffsets.push_back(tokens[f.first].start);
        byteOffsets.push_back(tokens[f.last].end);
    }
    std::sort(byteOffsets.begin(), byteOffsets.end());
    byteOffsets.erase(std::unique(byteOffsets.begin(), byteOffsets.end()), byteOffsets.end());
    thread_local std::vector<int> codePoints;
    codePoints.assign(byteOffsets.size(), 0);
    {
        std::size_t i = 0;
        int cp = 0;
        for (std::size_t k = 0; k < byteOffsets.size(); ++k) {
            const std::uint32_t target = byteOffsets[k];
            while (i < target) {
                if (i + 8 <= target) { // eight ASCII bytes at a time: eight code points
                    std::uint64_t word = 0;
                    std::memcpy(&word, text.data() + i, 8);
                    if ((word & 0x8080808080808080ull) == 0) {
                        i += 8;
                        cp += 8;
                        continue;
                    }
                }
                char32_t ignored = 0;
                const auto c = static_cast<unsigned char>(text[i]);
                const int len = c < 0x80 ? 1 : decodeUtf8(text, i, ignored);
                i += static_cast<std::size_t>(len == 0 ? 1 : len);
                ++cp;
            }
            codePoints[k] = cp;
        }
    }
    // Mentions are read in text order: a cursor moves through the offsets for their starts, and
    // an end is found a few places on from its start.
    std::size_t cursor = 0;
    auto codePointAt = [&](std::uint32_t byte, bool isStart) {
        if (ascii)
            return static_cast<int>(byte);
        std::size_t k = cursor;
        while (byteOffsets[k] < byte)
            ++k;
        if (isStart)
            cursor = k;
        return codePoints[k];
    };
    // The same words are evidence many times in a note ("anxious", "drinking"): each distinct
    // text is made once and shared (a QString copy is a reference count), and ASCII text, which
    // is its own UTF-16, is widened rather than decoded.
    // The strings hold the note's words: let go of them when the call ends.
    thread_local SliceCache sliceCache;
    struct Release
    {
        SliceCache &cache;
        ~Release() { cache.reset(); }
    } release{sliceCache};
    auto slice = [&](std::uint32_t from, std::uint32_t to) {
        return sliceCache.get(text, from, to, ascii);
    };

    // In text order already, but for the driver links added at the end: sort those, then merge.
    const auto byStart = [&](const Mention &a, const Mention &b) { return tokens[a.first].start < tokens[b.first].start; };
    std::sort(mentions.begin() + found, mentions.end(), byStart);
    std::inplace_merge(mentions.begin(), mentions.begin() + found, mentions.end(), byStart);
    TagResult result;
    const auto &themes = d->codebook.themes();
    std::vector<QList<Evidence>> evidence(static_cast<std::size_t>(themes.size()));
    {
        // Each list sized once: a long note has hundreds of evidence items.
        thread_local std::vector<int> counts;
        counts.assign(static_cast<std::size_t>(themes.size()), 0);
        for (const Mention &m : mentions) {
            const int to = m.counted ? m.theme : m.countedAs != m.theme ? m.countedAs : -1;
            if (to >= 0)
                ++counts[static_cast<std::size_t>(to)];
        }
        for (std::size_t k = 0; k < counts.size(); ++k)
            if (counts[k] > 0)
                evidence[k].reserve(counts[k]);
    }
    for (const Mention &m : mentions) {
        const std::uint32_t b0 = tokens[m.first].start;
        const std::uint32_t b1 = tokens[m.last].end;
        const int s = codePointAt(b0, true);
        const int e = codePointAt(b1, false);
        const QString substance = m.substance >= 0 ? d->substanceIds[static_cast<std::size_t>(m.substance)] : QString();
        if (!m.counted) {
            result.excluded.append({themes.at(m.theme).id, m.reason, s, e, slice(b0, b1)});
            if (m.countedAs >= 0 && m.countedAs != m.theme)
                evidence[static_cast<std::size_t>(m.countedAs)].append(
                    {s, e, slice(b0, b1), QStringLiteral("other-person:") + themes.at(m.theme).id, substance});
            continue;
        }
        QString rule;
        if (m.reading >= 0)
            rule = QStringLiteral("reading:0.") + QString::number(m.reading).rightJustified(2, QLatin1Char('0'));
        else if (m.frame >= 0)
            rule = d->frameRule(m);
        else if (m.phrase >= 0)
            rule = d->phrases[static_cast<std::size_t>(m.phrase)].rule;
        else
            rule = d->linkRules[static_cast<std::size_t>(m.theme)];
        evidence[static_cast<std::size_t>(m.theme)].append({s, e, slice(b0, b1), rule, substance});
    }
    for (int ti = 0; ti < themes.size(); ++ti) {
        auto &ev = evidence[static_cast<std::size_t>(ti)];
        if (ev.isEmpty())
            continue;
        std::sort(ev.begin(), ev.end(), [](const Evidence &a, const Evidence &b) { return a.start < b.start; });
        result.themes.append({themes.at(ti).id, themes.at(ti).label, ev});
    }
    if (!findings.empty())
        d->riskResults(findings, result, [&](std::uint32_t byte) {
            if (ascii)
                return static_cast<int>(byte);
            const auto it = std::lower_bound(byteOffsets.begin(), byteOffsets.end(), byte);
            return codePoints[static_cast<std::size_t>(it - byteOffsets.begin())];
        }, slice, tokens);
    return result;
}

const QString &Tagger::Impl::frameRule(const Mention &m) const
{
    return frames[static_cast<std::size_t>(m.frame)].rules[static_cast<std::size_t>(m.role)];
}

void Tagger::Impl::riskResults(const std::vector<RiskFinding> &findings, TagResult &result,
                               const std::function<int(std::uint32_t)> &codePoint,
                               const std::function<QString(std::uint32_t, std::uint32_t)> &slice,
                               const std::vector<Token> &tokens) const
{
    const QList<RiskDefinition> &definitions = codebook.risks().risks;
    struct Built
    {
        QList<Evidence> present;
        QList<Evidence> denied;
        int rank = std::numeric_limits<int>::max();
        QString rule;
    };
    std::vector<Built> built(risks.size());
    QList<ExcludedMention> excluded;
    const auto phraseText = [&](int phrase) {
        return phrase >= 0 ? phrases[static_cast<std::size_t>(phrase)].text : QStringLiteral("risk");
    };
    for (const RiskFinding &f : findings) {
        const std::uint32_t b0 = tokens[f.first].start;
        const std::uint32_t b1 = tokens[f.last].end;
        const int start = codePoint(b0);
        const int end = codePoint(b1);
        const QString text = slice(b0, b1);
        const RiskDefinition &def = definitions.at(f.risk);
        if (f.status == RiskFinding::Figurative || f.status == RiskFinding::OtherPerson) {
            excluded.append({def.id, f.status == RiskFinding::Figurative ? Exclusion::Figurative : Exclusion::OtherPerson,
                             start, end, text, true});
            continue;
        }
        QString rule;
        QString kind;
        const int group = f.phrase >= 0 && f.rule != RiskFinding::Broad ? phrases[static_cast<std::size_t>(f.phrase)].group : -1;
        switch (f.rule) {
        case RiskFinding::Phrase:
            rule = phrases[static_cast<std::size_t>(f.phrase)].rule;
            kind = group >= 0 ? def.groups.at(group).name : QStringLiteral("stated");
            break;
        case RiskFinding::Field:
            rule = QStringLiteral("field:") + phraseText(f.phrase);
            kind = group >= 0 ? def.groups.at(group).name : QStringLiteral("field");
            break;
        case RiskFinding::Screen:
            rule = QStringLiteral("screen:") + phraseText(f.phrase);
            kind = QStringLiteral("screen");
            break;
        case RiskFinding::Act:
            rule = QStringLiteral("act:") + phraseText(f.phrase);
            kind = QStringLiteral("act");
            break;
        case RiskFinding::Mixing:
            rule = QStringLiteral("mixing:") + substanceIds[static_cast<std::size_t>(f.classA)] + QLatin1Char('+')
                   + substanceIds[static_cast<std::size_t>(f.classB)];
            kind = QStringLiteral("mixing");
            break;
        case RiskFinding::Attempt:
            rule = QStringLiteral("attempt:") + phraseText(f.phrase);
            kind = QStringLiteral("attempt");
            break;
        case RiskFinding::Tolerance:
            rule = QStringLiteral("after:") + phraseText(f.phrase);
            kind = QStringLiteral("tolerance");
            break;
        case RiskFinding::Keeping:
            rule = QStringLiteral("keeping:") + phraseText(f.phrase);
            kind = group >= 0 ? def.groups.at(group).name : QStringLiteral("keeping");
            break;
        case RiskFinding::Ingestion:
            rule = QStringLiteral("ingestion:") + phraseText(f.phrase);
            kind = group >= 0 ? def.groups.at(group).name : QStringLiteral("ingestion");
            break;
        case RiskFinding::SelfAct:
            rule = QStringLiteral("self-act:") + phraseText(f.phrase);
            kind = group >= 0 ? def.groups.at(group).name : QStringLiteral("self-act");
            break;
        case RiskFinding::Wish:
            rule = QStringLiteral("wish:") + phraseText(f.phrase);
            kind = group >= 0 ? def.groups.at(group).name : QStringLiteral("wish");
            break;
        case RiskFinding::Reading:
            rule = QStringLiteral("reading:0.") + QString::number(f.classA).rightJustified(2, QLatin1Char('0'));
            kind = QStringLiteral("reading");
            break;
        case RiskFinding::Broad:
            kind = QString::fromLatin1(broad::kindName(f.classA));
            rule = QStringLiteral("broad:") + def.id + QLatin1Char('-') + kind;
            break;
        }
        Built &b = built[static_cast<std::size_t>(f.risk)];
        if (f.status == RiskFinding::Denied) {
            b.denied.append({start, end, text, rule, {}});
            continue;
        }
        b.present.append({start, end, text, rule, {}});
        if (f.rank < b.rank) {
            b.rank = f.rank;
            b.rule = kind;
        }
    }
    const auto byStart = [](const auto &a, const auto &b) { return a.start != b.start ? a.start < b.start : a.end < b.end; };
    for (std::size_t r = 0; r < built.size(); ++r) {
        Built &b = built[r];
        for (QList<Evidence> *list : {&b.present, &b.denied}) {
            std::sort(list->begin(), list->end(), byStart);
            list->erase(std::unique(list->begin(), list->end(),
                                    [](const Evidence &x, const Evidence &y) { return x.start == y.start && x.end == y.end; }),
                        list->end());
        }
        const QString &id = definitions.at(static_cast<qsizetype>(r)).id;
        if (!b.present.isEmpty()) {
            // Present wins; the denial stays on record as superseded.
            for (const Evidence &e : std::as_const(b.denied))
                excluded.append({id, Exclusion::Superseded, e.start, e.end, e.text, true});
            result.risks.append({id, RiskStatus::Present, b.present, b.rule});
        } else if (!b.denied.isEmpty()) {
            result.risks.append({id, RiskStatus::Denied, b.denied, QStringLiteral("negative-screen")});
        }
    }
    if (excluded.isEmpty())
        return;
    std::stable_sort(excluded.begin(), excluded.end(), byStart);
    const qsizetype themed = result.excluded.size();
    result.excluded.append(excluded);
    std::inplace_merge(result.excluded.begin(), result.excluded.begin() + themed, result.excluded.end(),
                       [](const ExcludedMention &a, const ExcludedMention &b) { return a.start < b.start; });
}

} // namespace uc::themes
