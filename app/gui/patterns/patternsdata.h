// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <map>

namespace uc::vault {
class Vault;
}

// What the Patterns screen and the review-with-client mode show, computed on the vault thread from
// patterns::analyse() and handed over as plain values. Which findings are shown, and their words,
// are core's (patterns/findings.h).
namespace uc::gui {

struct PatternThemeRow
{
    QString theme;
    QString label;
    int sessions = 0; // attended sessions in the range raising it
    bool recurring = false; // in at least recurringAtLeast of the last recurrenceWindow sessions
    QString trend; // "rising" | "falling" | "stable"
};

struct PatternBucketRow
{
    QString start; // ISO, the bucket's first day (clipped to the range)
    QString end; // ISO, its last day
    QString label; // "10 Mar 2025", "W11 2025", "Mar 2025", "Q1 2025"
    int sessions = 0; // attended sessions in it
    std::map<QString, int> themes; // theme → sessions in the bucket raising it (present themes only)
};

struct PatternSessionRow
{
    QString date; // ISO
    std::map<QString, int> hits; // theme → counted hits in the session's notes
};

struct PatternMeasureRow
{
    QString instrument; // "phq9"
    QString name; // "PHQ-9"
    int maximum = 0; // the highest total the instrument allows
    QList<QString> dates; // ISO, date order
    QList<int> totals;
    QList<QString> bands;
};

struct PatternsData
{
    QString code;
    QString name;
    QString by; // "session" | "week" | "month" | "quarter"
    QString from; // the range analysed (ISO), empty when nothing is in it
    QString to;
    QString recordFrom; // the client's first and last session, for the range controls
    QString recordTo;
    QList<PatternThemeRow> themes; // most sessions first
    QStringList palette; // the client's colour order over the whole record (reports/palette.h)
    QList<PatternBucketRow> buckets;
    QList<PatternSessionRow> sessions; // attended sessions in the range, date order (the heatmap)
    // Findings only (patterns/findings.h: shown), strongest evidence first, in plain words.
    QStringList cooccurrence;
    QStringList leadLag;
    int tested = 0; // pairs tested, both kinds: the Benjamini–Hochberg family
    QList<PatternMeasureRow> measures; // instrument order
    QString summary; // the therapist's shareable summary, empty when none
    QString summaryUpdated; // UTC ISO of its newest version
};

// What a findings list says when none passes: "No finding passes the rules yet: 40 pairs tested."
[[nodiscard]] QString noFindingsText(int tested);
// Under the findings: "40 pairs tested; a finding passes every rule in docs/patterns.md".
[[nodiscard]] QString testedText(int tested);
// The bucket's label on the time axis.
[[nodiscard]] QString bucketLabel(const QString &by, const model::Date &start);

// One client's patterns between from and to (ISO, either may be empty for the record's ends), by
// "session", "week", "month" or "quarter". Progress notes only: process notes never count here.
// Error(Usage) for an unknown client, a malformed date or bucket, or from after to.
[[nodiscard]] PatternsData loadPatterns(vault::Vault &vault, const QString &code, const QString &by,
                                        const QString &from, const QString &to);

} // namespace uc::gui
