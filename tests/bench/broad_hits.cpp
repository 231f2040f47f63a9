// SPDX-License-Identifier: GPL-3.0-or-later
// Prints every hit of the broad risk net (docs/risk.md, "The broad net") for each note, to compare
// two builds' raw net output byte for byte when changing how the net runs (docs/benchmarks.md):
//   build/bin/broad_hits < notes.jsonl        one note a line, JSON objects with a "text" key
//   build/bin/broad_hits --generated 4        bench_tagger's generated notes, 4 MiB
#include "notecorpus.h"

#include "themes/broadnet.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

void print(std::size_t note, std::string_view text, const std::vector<QString> &ids)
{
    std::vector<uc::themes::broad::Hit> hits;
    uc::themes::broad::read(text, ids, hits);
    for (const uc::themes::broad::Hit &h : hits)
        std::printf("%zu\t%s\t%s\t%lld\t%lld\t%d\n", note, qPrintable(ids[static_cast<std::size_t>(h.risk)]), h.kind,
                    static_cast<long long>(h.start), static_cast<long long>(h.end), h.denied ? 1 : 0);
}

} // namespace

int main(int argc, char **argv)
{
    const std::vector<QString> ids { u"suicide"_qs, u"self-harm"_qs, u"harm-to-others"_qs, u"overdose"_qs,
                                     u"abuse"_qs };
    if (argc > 2 && std::strcmp(argv[1], "--generated") == 0) {
        const auto bytes = static_cast<std::size_t>(std::atof(argv[2]) * 1024 * 1024);
        const std::vector<std::string> notes = bench::generateNotes(bytes);
        for (std::size_t k = 0; k < notes.size(); ++k)
            print(k, notes[k], ids);
        return 0;
    }
    if (argc > 1) {
        std::fprintf(stderr, "usage: broad_hits [--generated MIB] < notes.jsonl\n");
        return 1;
    }
    std::string line;
    for (std::size_t k = 0; std::getline(std::cin, line); ++k) {
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
        const QByteArray text = o.value(u"text").toString().toUtf8();
        print(k, std::string_view(text.constData(), static_cast<std::size_t>(text.size())), ids);
    }
    return 0;
}
