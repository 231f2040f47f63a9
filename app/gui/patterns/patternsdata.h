// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/treatmentevent.h"
#include "model/usedayfigures.h"
#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>

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

// One of the client's episodes of care (model/episode.h), for the episode control and the charts' shading.
struct PatternEpisodeRow
{
    model::Id id = 0;
    QString level; // as stored: "residential", "intensive-outpatient", … or the practice's own
    QString levelName; // "Residential", "Intensive outpatient"
    QString start; // ISO
    QString end; // ISO, empty while the episode lasts
    QString service; // may be empty
    QString label; // "Residential, 3 Mar – 14 Apr 2025"; "Aftercare, from 15 Apr 2025" while open
};

// One substance's use days (docs/use-days.md) on the charts' time axis: the figures over the range
// shown, and over each bucket's days. By session, a session's days are those since the session
// before (the first: since the range's start), the days a timeline follow-back in that session reviews.
struct PatternUseDayRow
{
    model::UseDayFigures range; // from..to of the range shown; its strip a letter a day
    QList<model::UseDayFigures> buckets; // one per PatternsData::buckets, in order
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
    QList<PatternEpisodeRow> episodes; // the client's course of care, by start date
    model::Id episode = 0; // the episode the range is limited to; 0 for none
    QList<PatternThemeRow> themes; // most sessions first
    QStringList palette; // the client's colour order over the whole record (reports/palette.h)
    QList<PatternBucketRow> buckets;
    QList<PatternSessionRow> sessions; // attended sessions in the range, date order (the heatmap)
    // Findings only (patterns/findings.h: shown), strongest evidence first, in plain words.
    QStringList cooccurrence;
    QStringList leadLag;
    int tested = 0; // pairs tested, both kinds: the Benjamini–Hochberg family
    QList<PatternMeasureRow> measures; // instrument order
    // Other treatment (docs/treatment-events.md) within the range shown and, limited to an episode,
    // within its dates: by date, then id; deleted events never (the vault does not list them).
    QList<model::TreatmentEvent> events;
    // Use days per substance recorded (any date), over the same days as the events: the vault's
    // list (vault.useDays()) counted by model::useDayFigures. Empty when nothing is recorded.
    QList<PatternUseDayRow> useDays;
    QString summary; // the therapist's shareable summary, empty when none
    QString summaryUpdated; // UTC ISO of its newest version
};

// What a findings list says when none passes: "No finding passes the rules yet: 40 pairs tested."
[[nodiscard]] QString noFindingsText(int tested);
// Under the findings: "40 pairs tested; a finding passes every rule in docs/patterns.md".
[[nodiscard]] QString testedText(int tested);
// A level of care in words: "intensive-outpatient" → "Intensive outpatient".
[[nodiscard]] QString levelName(const QString &level);
// An episode's dates in words: "3 Mar – 14 Apr 2025", "3 Dec 2024 – 14 Jan 2025", "from 3 Mar 2025".
[[nodiscard]] QString episodeDates(const model::Date &start, const std::optional<model::Date> &end);
// The bucket's label on the time axis.
[[nodiscard]] QString bucketLabel(const QString &by, const model::Date &start);

// One client's patterns between from and to (ISO, either may be empty for the record's ends), by
// "session", "week", "month" or "quarter"; or, with episode (an id, not 0), over exactly that
// episode's dates as `patterns --episode` (patterns/episoderange.h); the client's treatment events on
// that axis, as `patterns --json`'s "events". Progress notes only: process
// notes never count here. Error(Usage) for an unknown client, a malformed date or bucket, from after
// to, or an episode given with a range; Error(Io) for an episode that is not the client's.
[[nodiscard]] PatternsData loadPatterns(vault::Vault &vault, const QString &code, const QString &by,
                                        const QString &from, const QString &to, model::Id episode = 0);

} // namespace uc::gui
