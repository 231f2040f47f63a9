// SPDX-License-Identifier: GPL-3.0-or-later
// The tagger's speed on >= 20 MB of note-like text, against two peers in the same process:
// BM_NaiveRegex, one QRegularExpression per codebook phrase (the obvious way), and BM_Hyperscan,
// the same phrases as caseless literals (matching only, no context). BM_TagOneNote times one
// 2,000-word note. BM_TaggerNoRisks is the tagger with the codebook's risk rules left out: what the
// risk flags cost.
#include "notecorpus.h"
#include "ratioreporter.h"

#include "themes/tagger.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#ifdef UC_HAVE_HYPERSCAN
#include <hs/hs.h>
#endif

namespace {

const std::vector<std::string> &corpus()
{
    static const std::vector<std::string> notes = bench::generateNotes(20u * 1024 * 1024 + 1);
    return notes;
}

std::int64_t corpusBytes()
{
    std::int64_t total = 0;
    for (const auto &n : corpus())
        total += static_cast<std::int64_t>(n.size());
    return total;
}

void BM_Tagger(benchmark::State &state)
{
    const uc::themes::Tagger tagger;
    std::int64_t themes = 0;
    (void)corpus(); // generated outside the timing
    for (auto _ : state) {
        for (const std::string &note : corpus())
            themes += tagger.tag(std::string_view(note)).themes.size();
    }
    benchmark::DoNotOptimize(themes);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
}

// The built-in codebook with an empty "risks" section.
const uc::themes::Codebook &withoutRisks()
{
    static const uc::themes::Codebook book = [] {
        QJsonObject root = QJsonDocument::fromJson(uc::themes::Codebook::builtin().toJson()).object();
        root.insert(QStringLiteral("risks"), QJsonObject{});
        return uc::themes::Codebook::parse(QJsonDocument(root).toJson());
    }();
    return book;
}

void BM_TaggerNoRisks(benchmark::State &state)
{
    const uc::themes::Tagger tagger(withoutRisks());
    std::int64_t themes = 0;
    (void)corpus();
    for (auto _ : state) {
        for (const std::string &note : corpus())
            themes += tagger.tag(std::string_view(note)).themes.size();
    }
    benchmark::DoNotOptimize(themes);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
}

// The same notes as a word processor writes them: typographic apostrophes (U+2019) and dashes
// (U+2014), so every note takes the UTF-8 path and the code-point offsets are counted.
const std::vector<std::string> &typographicCorpus()
{
    static const std::vector<std::string> notes = [] {
        std::vector<std::string> out;
        for (const std::string &note : corpus()) {
            std::string t;
            t.reserve(note.size() + note.size() / 16);
            for (char c : note) {
                if (c == '\'')
                    t += "\xe2\x80\x99";
                else if (c == ';')
                    t += " \xe2\x80\x94";
                else
                    t += c;
            }
            out.push_back(std::move(t));
        }
        return out;
    }();
    return notes;
}

void BM_TaggerTypographic(benchmark::State &state)
{
    const uc::themes::Tagger tagger;
    std::int64_t themes = 0;
    std::int64_t bytes = 0;
    for (const std::string &note : typographicCorpus())
        bytes += static_cast<std::int64_t>(note.size());
    for (auto _ : state) {
        for (const std::string &note : typographicCorpus())
            themes += tagger.tag(std::string_view(note)).themes.size();
    }
    benchmark::DoNotOptimize(themes);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
}

void BM_TagOneNote(benchmark::State &state)
{
    const uc::themes::Tagger tagger;
    const std::string &note = corpus().front(); // 2,000 words
    for (auto _ : state)
        benchmark::DoNotOptimize(tagger.tag(std::string_view(note)).themes.size());
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(note.size()));
    state.counters["words"] = 2000;
}

void BM_NaiveRegex(benchmark::State &state)
{
    // The obvious way: every phrase a case-insensitive, Unicode, whole-word regular expression.
    std::vector<QRegularExpression> patterns;
    for (const auto &theme : uc::themes::Codebook::builtin().themes()) {
        for (const QString &phrase : theme.phrases) {
            QStringList words;
            for (QString w : phrase.split(QLatin1Char(' '))) {
                const bool prefix = w.endsWith(QLatin1Char('*'));
                if (prefix)
                    w.chop(1);
                words << QRegularExpression::escape(w) + (prefix ? QStringLiteral("\\w*") : QString());
            }
            QRegularExpression re(QStringLiteral("\\b") + words.join(QStringLiteral("\\s+")) + QStringLiteral("\\b"),
                                  QRegularExpression::CaseInsensitiveOption
                                      | QRegularExpression::UseUnicodePropertiesOption);
            re.optimize();
            patterns.push_back(re);
        }
    }
    std::vector<QString> notes;
    for (const auto &n : corpus())
        notes.push_back(QString::fromStdString(n));
    std::int64_t hits = 0;
    for (auto _ : state) {
        for (const QString &note : notes)
            for (const auto &re : patterns) {
                auto it = re.globalMatch(note);
                while (it.hasNext()) {
                    it.next();
                    ++hits;
                }
            }
    }
    benchmark::DoNotOptimize(hits);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
    state.counters["patterns"] = static_cast<double>(patterns.size());
}

#ifdef UC_HAVE_HYPERSCAN
int onMatch(unsigned int, unsigned long long, unsigned long long, unsigned int, void *ctx)
{
    ++*static_cast<std::int64_t *>(ctx);
    return 0;
}

void BM_Hyperscan(benchmark::State &state)
{
    std::vector<std::string> literals;
    for (const auto &theme : uc::themes::Codebook::builtin().themes())
        for (QString phrase : theme.phrases)
            literals.push_back(phrase.remove(QLatin1Char('*')).toStdString());
    std::vector<const char *> exprs;
    std::vector<std::size_t> lens;
    std::vector<unsigned> flags(literals.size(), HS_FLAG_CASELESS);
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < literals.size(); ++i) {
        exprs.push_back(literals[i].c_str());
        lens.push_back(literals[i].size());
        ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t *db = nullptr;
    hs_compile_error_t *error = nullptr;
    if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(), static_cast<unsigned>(exprs.size()),
                             HS_MODE_BLOCK, nullptr, &db, &error)
        != HS_SUCCESS) {
        state.SkipWithError(error ? error->message : "hs_compile_lit_multi failed");
        hs_free_compile_error(error);
        return;
    }
    hs_scratch_t *scratch = nullptr;
    hs_alloc_scratch(db, &scratch);
    std::int64_t hits = 0;
    for (auto _ : state)
        for (const std::string &note : corpus())
            hs_scan(db, note.data(), static_cast<unsigned>(note.size()), 0, scratch, onMatch, &hits);
    benchmark::DoNotOptimize(hits);
    hs_free_scratch(scratch);
    hs_free_database(db);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * corpusBytes());
}
#endif

} // namespace

BENCHMARK(BM_Tagger)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_TaggerNoRisks)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_TaggerTypographic)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
BENCHMARK(BM_TagOneNote)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_NaiveRegex)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
#ifdef UC_HAVE_HYPERSCAN
BENCHMARK(BM_Hyperscan)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
#endif

int main(int argc, char **argv)
{
    // Speed ratios: higher is better for the tagger, so baseline/candidate time is the speed-up.
    return runWithRatios(argc, argv,
                         {{"BM_NaiveRegex time / BM_Tagger time", "BM_NaiveRegex", "BM_Tagger/"},
                          {"BM_Hyperscan time / BM_Tagger time", "BM_Hyperscan", "BM_Tagger/"},
                          {"BM_TaggerNoRisks time / BM_Tagger time", "BM_TaggerNoRisks", "BM_Tagger/"}});
}
