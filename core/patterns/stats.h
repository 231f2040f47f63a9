// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

// The exact tests behind a finding and the Benjamini–Hochberg adjustment (docs/patterns.md,
// "Findings"). Computed in log space (lgamma), so counts in the hundreds of thousands stay exact to
// many digits; every p-value is in [0, 1].
namespace uc::patterns::stats {

// Fisher's exact test, one-sided ("more often together than chance"), on the 2×2 table of total
// sessions by "raises a" × "raises b": P(X ≥ together) for X hypergeometric with sessionsA
// sessions raising a, sessionsB raising b, out of total. 1 when the counts do not make a table.
[[nodiscard]] double fisherGreater(int together, int sessionsA, int sessionsB, int total);

// The one-sided binomial test: P(K ≥ successes) for K ~ Binomial(trials, rate).
[[nodiscard]] double binomialGreater(int successes, int trials, double rate);

// Benjamini–Hochberg adjusted p-values (q) for pValues, in the same order, as if the family held
// family hypotheses: those beyond pValues.size() count with p = 1. Step-up, monotone in p, capped
// at 1. family below pValues.size() counts as pValues.size().
[[nodiscard]] std::vector<double> benjaminiHochberg(const std::vector<double> &pValues, std::size_t family);

} // namespace uc::patterns::stats
