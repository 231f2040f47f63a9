// SPDX-License-Identifier: GPL-3.0-or-later
// Tags bench_tagger's generated notes once each, for counting instructions under callgrind (load
// on a shared machine changes times, not instruction counts):
//   valgrind --tool=callgrind --toggle-collect='*tagAll*' build/bin/tagger_instructions 4
// counts what tagging 4 MiB of notes costs (results built and freed; not the notes' generation
// nor the codebook's compiling), and
//   build/bin/tagger_instructions 4 --json > out.jsonl
// prints every result, to compare two builds' output.
#include "notecorpus.h"

#include "themes/tagger.h"

#include <QJsonDocument>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

// Not inlined: callgrind counts this function (--toggle-collect).
[[gnu::noinline]] std::size_t tagAll(const uc::themes::Tagger &tagger, const std::vector<std::string> &notes, bool json)
{
    std::size_t themes = 0;
    for (const std::string &note : notes) {
        const uc::themes::TagResult r = tagger.tag(std::string_view(note));
        themes += static_cast<std::size_t>(r.themes.size());
        if (json) {
            const QByteArray line = QJsonDocument(r.toJson()).toJson(QJsonDocument::Compact);
            std::fwrite(line.constData(), 1, static_cast<std::size_t>(line.size()), stdout);
            std::fputc('\n', stdout);
        }
    }
    return themes;
}

} // namespace

int main(int argc, char **argv)
{
    const double mib = argc > 1 ? std::atof(argv[1]) : 4.0;
    const bool json = argc > 2 && std::strcmp(argv[2], "--json") == 0;
    const auto bytes = static_cast<std::size_t>(mib * 1024 * 1024);
    const std::vector<std::string> notes = bytes > 0 ? bench::generateNotes(bytes) : std::vector<std::string>{};
    const uc::themes::Tagger tagger;
    std::size_t total = 0;
    for (const std::string &note : notes)
        total += note.size();
    const std::size_t themes = tagAll(tagger, notes, json);
    std::fprintf(stderr, "%zu notes, %zu bytes, %zu themes\n", notes.size(), total, themes);
    return 0;
}
