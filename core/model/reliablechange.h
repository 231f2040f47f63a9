// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/measures.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Reliable change: whether the change between a client's first and latest score on an instrument
// is more than the instrument's measurement error, and whether it crossed the instrument's clinical
// cut-off. Two methods, each said in the JSON: Jacobson & Truax's index from a published SD and
// reliability (PCL-5), or a published threshold in points taken as given, as NHS Talking Therapies
// uses for PHQ-9 (6) and GAD-7 (4). The figures and their sources: docs/patterns.md.
namespace uc::model {

// The published figures behind an instrument's reliable change.
struct ChangeNorms
{
    std::optional<double> sd; // standard deviation of a clinical sample; unset: none published to hand
    std::optional<double> reliability; // the same source's reliability coefficient
    std::optional<int> cutOff; // the first total in the clinical range; unset: not defined
    // A published reliable-change threshold in points (a change of this many or more is reliable),
    // used as published rather than computed; set only where no SD and reliability are used.
    std::optional<int> threshold;
};

enum class ChangeMethod {
    JacobsonTruax, // RCI = (x₂ − x₁) / S_diff, |RCI| > 1.96
    PublishedThreshold, // |x₂ − x₁| ≥ the published threshold
    None, // neither is used for the instrument
};
// "jacobson-truax", "published-threshold", "none"
[[nodiscard]] QString toString(ChangeMethod method);

// The figures used for an instrument (every instrument: lower totals are better).
[[nodiscard]] ChangeNorms changeNorms(const QString &instrument);

enum class ChangeVerdict {
    ReliableImprovement,
    NoReliableChange,
    ReliableDeterioration,
    NotComputed, // the instrument has neither published SD and reliability nor a threshold to hand
};

struct ReliableChange
{
    int from = 0; // the first total
    int to = 0; // the latest total
    Date fromDate; // their dates, when taken from a client's measures (not-a-date otherwise)
    Date toDate;
    std::optional<double> rci; // (to − from) / S_diff; unset unless the method is Jacobson–Truax
    ChangeMethod method = ChangeMethod::None;
    std::optional<int> threshold; // the published threshold, with that method
    std::optional<int> cutOff; // the instrument's cut-off used for clinical significance
    ChangeVerdict verdict = ChangeVerdict::NotComputed;
    // Reliable change that also crossed the cut-off, in its direction (into or out of the clinical
    // range); unset when the cut-off is not defined or the change was not computed.
    std::optional<bool> clinicallySignificant;
};

// S_diff = √2 · SD · √(1 − r); unset when the instrument's figures are not known.
[[nodiscard]] std::optional<double> standardErrorOfDifference(const QString &instrument);
// The change from the first total to the latest: |RCI| > 1.96 is reliable, or, with a published
// threshold, a change of at least that many points.
[[nodiscard]] ReliableChange reliableChange(const QString &instrument, int first, int latest);
// The same over a client's measures of one instrument (date order, any instruments mixed in);
// unset with fewer than two scores of it.
[[nodiscard]] std::optional<ReliableChange> reliableChange(const QString &instrument, const QList<Measure> &measures);

// The word in JSON: "reliable-improvement", "no-reliable-change", "reliable-deterioration",
// "not-computed".
[[nodiscard]] QString toString(ChangeVerdict verdict);
// As people say it: "reliable improvement" …
[[nodiscard]] QString verdictLabel(ChangeVerdict verdict);
// One line as a clinician reads it: "50 → 30, RCI −3.80: reliable improvement; clinically
// significant (now below the cut-off of 33)", "18 → 8, change −10 (published threshold 6 points):
// reliable improvement; clinically significant (now below the cut-off of 10)".
[[nodiscard]] QString describe(const QString &instrument, const ReliableChange &change);

// {"from","to","from_date","to_date","rci","verdict","clinically_significant","method","threshold",
// "cut_off"}: rci to two decimals or null unless the method is "jacobson-truax"; threshold the
// published points with "published-threshold", else null; cut_off the total the clinical range
// starts at, or null; clinically_significant true, false or null when not defined; the dates only
// when known.
[[nodiscard]] QJsonObject toJson(const ReliableChange &change);

// An item whose answer differs between two fillings of one instrument (items from 1).
struct ItemMove
{
    int item = 0;
    int from = 0;
    int to = 0;
};

// The items that moved between the first and the latest filling of an instrument, in item order;
// empty when the answers are the same or their counts differ.
[[nodiscard]] QList<ItemMove> itemMoves(const Measure &first, const Measure &latest);
// [{"item","from","to"}, …]
[[nodiscard]] QJsonArray toJson(const QList<ItemMove> &moves);

} // namespace uc::model
