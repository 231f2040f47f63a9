// SPDX-License-Identifier: GPL-3.0-or-later
// Patterns over a generated practice of 150,000 notes (40 clinicians' 10 years, UC_BENCH_NOTES to
// change): one client's full timeline and a caseload-wide monthly chart through core/patterns,
// against computing the same from a naive per-note scan through the vault API, in one process.
#include "notecorpus.h"
#include "patterns/patterns.h"
#include "ratioreporter.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <fstream>
#include <string>

using namespace uc;

namespace {

constexpr auto benchUser = "bench";
constexpr auto benchPass = std::string_view("benchmark passphrase");

std::uint64_t next(std::uint64_t &state)
{
    // splitmix64: deterministic on every platform
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// UC_BENCH_DIR keeps the generated practice (UC_BENCH_DIR/patterns) between runs.
QString practiceDir()
{
    static QTemporaryDir temp(QDir::tempPath() + QStringLiteral("/uc-bench-patterns-XXXXXX"));
    const QString kept = qEnvironmentVariable("UC_BENCH_DIR");
    return kept.isEmpty() ? temp.filePath(QStringLiteral("patterns")) : QDir(kept).filePath(QStringLiteral("patterns"));
}

struct Practice
{
    std::unique_ptr<vault::Vault> vault;
    QString biggestClient; // the client with the most sessions: the worst case for one timeline
    int notes = 0;
};

// 40 clinicians' caseloads over 2016–2025: ~2,000 clients, each seen weekly or fortnightly for a
// stretch of 3 months to 3 years, about 1 in 12 sessions missed, short progress notes from the
// benchmark corpus (tagged on save, as in the app).
Practice &practice()
{
    static Practice p = [] {
        Practice made;
        const QString dir = practiceDir();
        const SecretBuffer pass = SecretBuffer::copyOf(benchPass);
        const int target = qEnvironmentVariableIsSet("UC_BENCH_NOTES") ? qEnvironmentVariableIntValue("UC_BENCH_NOTES") : 150000;
        if (!QFile::exists(QDir(dir).filePath(QStringLiteral("notes.db")))) {
            auto created = vault::Vault::create(dir, QString::fromLatin1(benchUser), pass, model::Role::Therapist,
                                                vault::KdfCost::testOnly());
            vault::Vault &v = *created.vault;
            std::uint64_t rng = 20251126;
            int notes = 0;
            int clientNo = 0;
            std::fprintf(stderr, "generating a practice of %d notes in %s ...\n", target, qPrintable(dir));
            // One transaction per client: a single giant one spills its pages into the WAL again and again.
            while (notes < target) {
                v.inOneTransaction([&] {
                    model::Client c;
                    c.code = QStringLiteral("C-%1").arg(++clientNo, 5, 10, QLatin1Char('0'));
                    c.displayName = QStringLiteral("Client %1").arg(clientNo);
                    v.clients().add(c);
                    model::Date date = model::Date(2016, 1, 4) + boost::gregorian::days(static_cast<long>(next(rng) % 3400));
                    const int step = (next(rng) % 3 == 0) ? 14 : 7;
                    const int sessions = 12 + static_cast<int>(next(rng) % 140);
                    for (int i = 0; i < sessions && notes < target && date.year() <= 2025; ++i) {
                        model::Session s;
                        s.date = date;
                        s.attendees.append({0, c.code, next(rng) % 12 == 0 ? model::Attendance::NoShow
                                                                           : model::Attendance::Attended});
                        const std::string text = bench::generateNotes(1, 60, static_cast<std::uint32_t>(next(rng)))[0];
                        v.notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                     {{QStringLiteral("Note"), QString::fromStdString(text)}});
                        ++notes;
                        date += boost::gregorian::days(step);
                    }
                });
            }
            v.lock();
        }
        made.vault = vault::Vault::open(dir, QString::fromLatin1(benchUser), pass);
        auto stmt = vault::VaultTestAccess::database(*made.vault).prepare(
            "SELECT c.code, count(*) FROM session_attendees a JOIN clients c ON c.id = a.client_id "
            "GROUP BY c.id ORDER BY count(*) DESC LIMIT 1");
        if (stmt.step())
            made.biggestClient = stmt.text(0);
        auto count = vault::VaultTestAccess::database(*made.vault).prepare("SELECT count(*) FROM notes");
        if (count.step())
            made.notes = static_cast<int>(count.int64(0));
        return made;
    }();
    return p;
}

// The obvious way: every note of the client through the vault API, its session and its tags.
patterns::ClientHistory naiveHistory(vault::Vault &v, const QString &code)
{
    patterns::ClientHistory history;
    history.clientCode = code;
    for (const model::Note &n : v.notes().forClient(code, false)) {
        const model::Session session = v.notes().session(n.sessionId);
        patterns::SessionThemes s;
        s.sessionId = session.id;
        s.date = session.date;
        s.start = session.start;
        for (const auto &a : session.attendees) {
            if (a.clientCode == code)
                s.attendance = a.attendance;
        }
        for (const model::ThemeTag &t : v.tagging().tags(n.id)) {
            if (t.counts())
                ++s.themes[t.theme];
        }
        history.sessions.append(s);
    }
    history.measures = v.measures().forClient(code);
    return history;
}

// Peak resident memory (VmHWM) since the last reset, in MiB.
double peakRssMiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmHWM:", 0) == 0)
            return std::stod(line.substr(6)) / 1024.0;
    }
    return 0;
}

void resetPeakRss()
{
    std::ofstream("/proc/self/clear_refs") << "5";
}

void BM_ClientTimeline(benchmark::State &state)
{
    Practice &p = practice();
    patterns::Query q;
    q.by = patterns::Bucketing::Session;
    for (auto _ : state) {
        const auto report = patterns::analyse(p.vault->histories().client(p.biggestClient), q);
        benchmark::DoNotOptimize(report.buckets.size());
    }
    state.counters["sessions"] = static_cast<double>(p.vault->histories().client(p.biggestClient).sessions.size());
}

void BM_ClientTimelineNaive(benchmark::State &state)
{
    Practice &p = practice();
    patterns::Query q;
    q.by = patterns::Bucketing::Session;
    for (auto _ : state) {
        const auto report = patterns::analyse(naiveHistory(*p.vault, p.biggestClient), q);
        benchmark::DoNotOptimize(report.buckets.size());
    }
}

void BM_CaseloadMonthly(benchmark::State &state)
{
    Practice &p = practice();
    patterns::Query q;
    q.by = patterns::Bucketing::Month;
    // One run first: the timed runs are a chart redrawn (a new range, a new bucket), with the
    // file's pages in the OS cache as they are while the app is open. The first run after opening
    // is slower by the disk reads; docs/benchmarks.md gives both.
    resetPeakRss();
    benchmark::DoNotOptimize(patterns::analyseCaseload(p.vault->histories().caseload(), q).buckets.size());
    for (auto _ : state) {
        const auto report = patterns::analyseCaseload(p.vault->histories().caseload(), q);
        benchmark::DoNotOptimize(report.buckets.size());
    }
    state.counters["notes"] = p.notes;
    state.counters["peak_rss_MiB"] = peakRssMiB();
}

void BM_CaseloadMonthlyNaive(benchmark::State &state)
{
    Practice &p = practice();
    patterns::Query q;
    q.by = patterns::Bucketing::Month;
    for (auto _ : state) {
        QList<patterns::ClientHistory> all;
        for (const model::Client &c : p.vault->clients().list())
            all.append(naiveHistory(*p.vault, c.code));
        const auto report = patterns::analyseCaseload(all, q);
        benchmark::DoNotOptimize(report.buckets.size());
    }
}

} // namespace

BENCHMARK(BM_ClientTimeline)->Iterations(200)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ClientTimelineNaive)->Iterations(20)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CaseloadMonthly)->Iterations(5)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_CaseloadMonthlyNaive)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

int main(int argc, char **argv)
{
    return runWithRatios(argc, argv,
                         {{"client timeline: patterns / naive", "BM_ClientTimeline/", "BM_ClientTimelineNaive"},
                          {"caseload monthly: patterns / naive", "BM_CaseloadMonthly/", "BM_CaseloadMonthlyNaive"}});
}
