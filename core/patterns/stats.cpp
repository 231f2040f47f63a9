// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace uc::patterns::stats {

namespace {

double logChoose(int n, int k)
{
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0);
}

// P(X ≥ from) for a unimodal distribution on lo..hi with the given mean, from its log pmf at one
// point and the ratio pmf(k + 1) / pmf(k). Sums the side of `from` away from the mean, where the
// terms fall off, and stops once they no longer change the sum: a few standard deviations of terms
// rather than all of them. Above the mean the tail itself is summed (small p-values keep their
// relative precision); at or below it, one minus the lower tail (p is then large, and exact to
// about 1e-15).
template<typename LogPmf, typename Ratio>
double upperTail(int from, int lo, int hi, double mean, LogPmf logPmf, Ratio ratio)
{
    if (from <= lo)
        return 1.0;
    if (from > hi)
        return 0.0;
    // Terms relative to the first: it is on the far side of the mode, so the largest, and the
    // terms only fall from there.
    const auto sum = [&](int start, int end, bool up) {
        double total = 0.0;
        double term = 1.0;
        for (int k = start;; up ? ++k : --k) {
            total += term;
            if (k == end || term < total * 1e-17)
                break;
            term = up ? term * ratio(k) : term / ratio(k - 1);
        }
        return std::exp(logPmf(start)) * total;
    };
    const double p = from > mean ? sum(from, hi, true) : 1.0 - sum(from - 1, lo, false);
    return std::clamp(p, 0.0, 1.0);
}

} // namespace

double fisherGreater(int together, int sessionsA, int sessionsB, int total)
{
    if (total <= 0 || sessionsA < 0 || sessionsB < 0 || sessionsA > total || sessionsB > total)
        return 1.0;
    const int lo = std::max(0, sessionsA + sessionsB - total);
    const int hi = std::min(sessionsA, sessionsB);
    const double logAll = logChoose(total, sessionsB);
    const double mean = double(sessionsA) * sessionsB / total;
    const double a = sessionsA;
    const double b = sessionsB;
    const double n = total;
    return upperTail(
        together, lo, hi, mean,
        [&](int k) { return logChoose(sessionsA, k) + logChoose(total - sessionsA, sessionsB - k) - logAll; },
        [&](int k) { return (a - k) * (b - k) / ((k + 1.0) * (n - a - b + k + 1.0)); });
}

double binomialGreater(int successes, int trials, double rate)
{
    if (successes <= 0 || trials <= 0)
        return successes <= 0 ? 1.0 : 0.0;
    if (successes > trials)
        return 0.0;
    if (rate <= 0.0)
        return 0.0;
    if (rate >= 1.0)
        return 1.0;
    const double logRate = std::log(rate);
    const double logMiss = std::log1p(-rate);
    const double odds = rate / (1.0 - rate);
    return upperTail(
        successes, 0, trials, trials * rate,
        [&](int k) { return logChoose(trials, k) + k * logRate + (trials - k) * logMiss; },
        [&](int k) { return double(trials - k) / (k + 1.0) * odds; });
}

std::vector<double> benjaminiHochberg(const std::vector<double> &pValues, std::size_t family)
{
    const std::size_t n = pValues.size();
    const double m = static_cast<double>(std::max(family, n));
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return pValues[x] < pValues[y]; });
    std::vector<double> q(n, 1.0);
    double running = 1.0; // the smallest m·p(j)/j over ranks j ≥ the current one
    for (std::size_t rank = n; rank >= 1; --rank) {
        const std::size_t i = order[rank - 1];
        running = std::min(running, std::clamp(pValues[i], 0.0, 1.0) * m / static_cast<double>(rank));
        q[i] = running;
    }
    return q;
}

} // namespace uc::patterns::stats
