// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/patterns.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace uc::themes {
class Codebook;
}

// When a co-occurrence or lead–lag pair is a finding a clinician is shown, in what order, and in
// what words. The rules and why they are what they are: docs/patterns.md, "Findings".
namespace uc::patterns {

// A finding needs at least this many sessions behind it: together (co-occurrence), or before the
// target (lead–lag count; its `of` is then at least as many).
constexpr int minimumSupport = 3;
// A view for a client (the client report, review with the client) lists this many lead–lag
// findings at most: enough to talk through in a session.
constexpr qsizetype maxClientFindings = 5;
// The largest Benjamini–Hochberg q shown: a false discovery rate of 5% over the client's family.
constexpr double maximumQ = 0.05;

// Why a finding is or is not shown, in the order the rules are checked.
enum class Verdict {
    Shown,
    TooFew, // fewer than minimumSupport sessions
    NotAbove, // no more often than chance (lift ≤ 1) or than the base rate
    CouldBeChance, // q above maximumQ
};

[[nodiscard]] Verdict verdictOf(const Cooccurrence &pair);
[[nodiscard]] Verdict verdictOf(const LeadLag &pair);

// Every driver-linked theme of a codebook, enabled or not (a disabled one can still have hits).
[[nodiscard]] QList<DriverLink> driverLinksOf(const themes::Codebook &book);
// The built-in codebook's.
[[nodiscard]] const QList<DriverLink> &builtinDriverLinks();

// Pairs that are never tested, so are neither listed nor in the family: a driver-linked theme with
// its own driver or use (it is raised only with them); a driver-linked theme as a predictor of any
// lead–lag target (it is use itself); a theme before itself.
[[nodiscard]] bool circularCooccurrence(const QString &a, const QString &b, const QList<DriverLink> &links);
[[nodiscard]] bool circularLeadLag(const QString &theme, const QString &followedBy, const QList<DriverLink> &links);

// Fills every entry's p (from its counts and margins), q by Benjamini–Hochberg over one family of
// report.tested hypotheses (both lists together; the untested rest count with p = 1) and shown,
// then ranks both lists: shown first, then smallest q, smallest p, larger count, then theme ids.
void assess(Report &report);

// Plain words with the numbers a reader needs, for the GUI and the client PDF, from the themes'
// labels (capitalised first label, the others in the sentence's case):
//   "Abandonment came before lapse or relapse in 12 of the 13 sessions that had a next session,
//    against 15% of all sessions — unlikely to be chance (q = 0.01)."
//   "Anger and loneliness were found together in 5 of 20 sessions, 3.1 times what chance would
//    give (q = 0.03)."
// A pair that is not shown says why: "too few sessions to tell", "no more often than …", or
// "could be chance (q = 0.40)".
[[nodiscard]] QString findingSentence(const LeadLag &pair, const QString &themeLabel, const QString &followedByLabel);
[[nodiscard]] QString findingSentence(const Cooccurrence &pair, const QString &labelA, const QString &labelB);
// The same with labels from a codebook (the id when the codebook has no such theme).
[[nodiscard]] QString findingSentence(const LeadLag &pair, const themes::Codebook &book);
[[nodiscard]] QString findingSentence(const Cooccurrence &pair, const themes::Codebook &book);

// The shown findings of a ranked list in those words, strongest first, at most `most` of them
// (all when most < 0): what a view for clinicians or clients lists.
[[nodiscard]] QStringList shownSentences(const QList<LeadLag> &pairs, const themes::Codebook &book, qsizetype most = -1);
[[nodiscard]] QStringList shownSentences(const QList<Cooccurrence> &pairs, const themes::Codebook &book,
                                         qsizetype most = -1);

// Said with any findings shown to a client: "These are patterns to talk about, not causes: …".
[[nodiscard]] QString notCausesText();

// q as a sentence shows it, rounded up so that it never looks stronger than it is:
// "q < 0.001", "q = 0.004", "q = 0.03", "q = 0.40", "q = 1".
[[nodiscard]] QString qText(double q);

} // namespace uc::patterns
