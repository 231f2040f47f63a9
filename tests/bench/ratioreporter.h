// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>
#include <vector>

// Prints Google Benchmark's usual table, then the ratio of each named candidate's time to its
// baseline's, both measured in this process (absolute times drift on a shared machine; ratios
// much less). With --benchmark_repetitions=N (and --benchmark_enable_random_interleaving=true,
// so a burst of load hits both sides alike) each time is the median of the N runs.
class RatioReporter : public benchmark::ConsoleReporter
{
public:
    struct Pair
    {
        std::string label;
        std::string candidate; // benchmark name prefixes, e.g. "BM_BulkImport/encrypted:1/"
        std::string baseline;
    };
    explicit RatioReporter(std::vector<Pair> pairs)
        : m_pairs(std::move(pairs))
    {
    }

    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs)
            if (run.run_type == Run::RT_Iteration && !run.error_occurred)
                m_times[run.benchmark_name()].push_back(run.GetAdjustedRealTime());
        ConsoleReporter::ReportRuns(runs);
    }

    void Finalize() override
    {
        ConsoleReporter::Finalize();
        std::printf("\n%-40s %12s\n", "candidate / baseline", "ratio");
        for (const Pair &p : m_pairs) {
            const double c = timeOf(p.candidate);
            const double b = timeOf(p.baseline);
            if (c > 0 && b > 0)
                std::printf("%-40s %12.3f\n", p.label.c_str(), c / b);
        }
    }

private:
    [[nodiscard]] double timeOf(const std::string &prefix) const
    {
        for (const auto &[name, times] : m_times) {
            if (name.rfind(prefix, 0) != 0 || times.empty())
                continue;
            std::vector<double> sorted = times;
            std::sort(sorted.begin(), sorted.end());
            const std::size_t n = sorted.size();
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
        return 0;
    }

    std::vector<Pair> m_pairs;
    std::map<std::string, std::vector<double>> m_times;
};

// Runs the registered benchmarks; the ratio table follows unless another output format was asked
// for (--benchmark_format=json keeps Google Benchmark's own output untouched).
inline int runWithRatios(int argc, char **argv, std::vector<RatioReporter::Pair> pairs)
{
    benchmark::Initialize(&argc, argv);
    bool console = true;
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]).rfind("--benchmark_format", 0) == 0)
            console = false;
    if (console) {
        RatioReporter reporter(std::move(pairs));
        benchmark::RunSpecifiedBenchmarks(&reporter);
    } else {
        benchmark::RunSpecifiedBenchmarks();
    }
    benchmark::Shutdown();
    return 0;
}
