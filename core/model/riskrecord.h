// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

#include <optional>

// Risk in the record (docs/risk.md, "Risk in the record"): the flags stored when a note is signed
// or raised by a measure, the assessment that closes them, and the rule that says which are open.
namespace uc::model {

// An assessment's level; ToFollow signs an emergency note and leaves its risk open.
enum class RiskLevel : unsigned char { Low, Moderate, High, ToFollow };
[[nodiscard]] QString toString(RiskLevel level); // "low", "moderate", "high", "to-follow"
[[nodiscard]] std::optional<RiskLevel> parseRiskLevel(const QString &text); // low, moderate, high only

struct RiskAssessment
{
    RiskLevel level = RiskLevel::ToFollow;
    QString action; // what was done; empty only for ToFollow
};

// The assessment a note documents itself: a line "Risk assessment: low|moderate|high …" with the
// action after the level, or a section titled "Risk assessment" whose text starts with the level.
// Nothing when the note has none, or names a level without an action.
[[nodiscard]] std::optional<RiskAssessment> documentedAssessment(const QList<Section> &sections);

// What a flag's rule (the kind of evidence that raised it, docs/risk.md: "plan", "passive-wish",
// "negative-screen" …) means, in words a clinician reads on the banner: "a plan", "a passive wish
// to be dead", "screened and denied". A rule this does not know is shown as it is.
[[nodiscard]] QString riskKindText(const QString &rule);

// A risk flag on the record: from a signed note (the tagger's result, stored at signing) or from a
// measure (PHQ-9 item 9 above 0, a yes on the C-SSRS, read from the measure itself).
struct RiskFlag
{
    Id noteId = 0; // 0 for a measure's flag
    Id measureId = 0; // 0 for a note's flag
    Id clientId = 0;
    QString clientCode;
    Date date; // the session's or the measure's date
    QString at; // when it entered the record: the note's signature, the measure's entry
    QString risk; // "suicide", a risk id of the tagger's
    bool present = true; // false: a documented negative screen (denied)
    QString evidence; // the words, or the measure's answer ("PHQ-9 item 9 answered 3 …")
    int start = 0; // code-point span in the note's text; 0, 0 for a measure
    int end = 0;
    QString rule;
};

// What closes open risk: an assessment of a level, in a signed note or on its own (risk close).
struct RiskClosing
{
    Id clientId = 0;
    Date date;
    QString at;
};

// The present flags still open, newest first: those on record before no closing for the same
// client. A closing closes the flags recorded up to the moment it was made (compared by the ISO
// stamps `at`), whatever date they speak of: a measure dated last month but entered after the
// assessment is still open. A note's own assessment carries the note's signature time, so it
// closes the note's flags.
[[nodiscard]] QList<RiskFlag> openFlags(const QList<RiskFlag> &flags, const QList<RiskClosing> &closings);

} // namespace uc::model
