// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

#include <optional>

// Outcome measures: the questionnaires clients fill in (PHQ-9, GAD-7, AUDIT, AUDIT-C, DAST-10,
// PCL-5) and the C-SSRS screener, their item rules, totals and the published severity bands
// (C-SSRS: its triage).
namespace uc::model {

struct Instrument
{
    QString id; // "phq9", "gad7", "audit", "auditc", "dast10", "pcl5", "cssrs"
    QString name; // "PHQ-9"
    QString measures; // "depression"
    int items = 0;
};

// The instruments, in this order: phq9, gad7, audit, auditc, dast10, pcl5, cssrs.
[[nodiscard]] const QList<Instrument> &instruments();
[[nodiscard]] const Instrument *findInstrument(const QString &id);

struct Score
{
    int total = 0;
    QString band; // machine word: "moderately-severe", "possible-dependence", "positive-women", "probable-ptsd"
};

// The highest answer an item takes: 3 for PHQ-9 and GAD-7, 4 for AUDIT, AUDIT-C and PCL-5 (AUDIT
// items 9 and 10 take only 0, 2 or 4), 1 for DAST-10 and the C-SSRS (1 yes, 0 no); 0 for an
// unknown instrument.
[[nodiscard]] int itemMaximum(const QString &instrument);
// The highest total an instrument gives (PHQ-9 27, GAD-7 21, AUDIT 40, AUDIT-C 12, DAST-10 10,
// PCL-5 80; C-SSRS 6, its total being the count of yes answers): the top of its chart's axis.
// 0 for an unknown instrument.
[[nodiscard]] int maxTotal(const QString &instrument);

// Scores item answers, as the form asks them: DAST-10 item 3 is reversed here (its "no" scores 1).
// Error(Io) naming the instrument and the item when the count is wrong, an item is missing or an
// answer is out of range (AUDIT items 9 and 10 take only 0, 2 or 4; a C-SSRS answer is 1 yes, 0 no
// or cssrsSkipped, and questions 3-5 are skipped exactly when 2 is no);
// Error(Usage) for an unknown instrument.
[[nodiscard]] Score score(const QString &instrument, const QList<int> &answers);
// The band of a total (the published cut-offs; see docs/patterns.md).
[[nodiscard]] QString bandOf(const QString &instrument, int total);
// A band word as people say it: "moderately severe", "positive (women)", "probable PTSD".
[[nodiscard]] QString bandLabel(const QString &band);

// One band as a run of totals, both ends inclusive: PHQ-9 "moderate" is 10 to 14.
struct BandRange
{
    int from = 0;
    int to = 0;
    QString band;
};
// The bands of an instrument from 0 to its maximum total, lowest first, with no gap between them
// (the same cut-offs bandOf uses). Empty for the C-SSRS (its triage reads the answers, not the
// total) and for an unknown instrument.
[[nodiscard]] QList<BandRange> bandRanges(const QString &instrument);

// "1,2,0,3" → answers; for the C-SSRS "-" is a question the screener skips (cssrsSkipped).
// Error(Io) for an empty item ("item 3 is missing") or a non-number.
inline constexpr int cssrsSkipped = -1;
[[nodiscard]] QList<int> parseAnswers(const QString &instrument, const QString &text);

struct Measure
{
    Id id = 0;
    Id clientId = 0;
    Date date;
    QString instrument;
    QList<int> answers;
    int total = 0;
    QString band;
};

} // namespace uc::model
