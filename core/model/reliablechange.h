// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/measures.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Reliable change (Jacobson & Truax 1991): whether the change between a client's first and latest
// score on an instrument is more than the instrument's measurement error, and whether it crossed
// the instrument's clinical cut-off. The figures and their sources: docs/patterns.md.
namespace uc::model {

// The published figures behind an instrument's reliable change.
struct ChangeNorms
{
    std::optional<double> sd; // standard deviation of a clinical sample; unset: none published to hand
    std::optional<double> reliability; // the same source's reliability coefficient
    std::optional<int> cutOff; // the first total in the clinical range; unset: not defined
};

// The figures used for an instrument (every instrument: lower totals are better).
[[nodiscard]] ChangeNorms changeNorms(const QString &instrument);

enum class ChangeVerdict {
    ReliableImprovement,
    NoReliableChange,
    ReliableDeterioration,
    NotComputed, // the instrument has no published SD and reliability to hand
};

struct ReliableChange
{
    int from = 0; // the first total
    int to = 0; // the latest total
    Date fromDate; // their dates, when taken from a client's measures (not-a-date otherwise)
    Date toDate;
    std::optional<double> rci; // (to − from) / S_diff; unset when not computed
    ChangeVerdict verdict = ChangeVerdict::NotComputed;
    // Reliable change that also crossed the cut-off, in its direction (into or out of the clinical
    // range); unset when the cut-off is not defined or the change was not computed.
    std::optional<bool> clinicallySignificant;
};

// S_diff = √2 · SD · √(1 − r); unset when the instrument's figures are not known.
[[nodiscard]] std::optional<double> standardErrorOfDifference(const QString &instrument);
// The change from the first total to the latest: |RCI| > 1.96 is reliable.
[[nodiscard]] ReliableChange reliableChange(const QString &instrument, int first, int latest);
// The same over a client's measures of one instrument (date order, any instruments mixed in);
// unset with fewer than two scores of it.
[[nodiscard]] std::optional<ReliableChange> reliableChange(const QString &instrument, const QList<Measure> &measures);

// The word in JSON: "reliable-improvement", "no-reliable-change", "reliable-deterioration",
// "not-computed".
[[nodiscard]] QString toString(ChangeVerdict verdict);
// As people say it: "reliable improvement" …
[[nodiscard]] QString verdictLabel(ChangeVerdict verdict);
// One line as a clinician reads it: "18 → 8, RCI −2.34: reliable improvement, clinically
// significant (below the cut-off of 10)".
[[nodiscard]] QString describe(const QString &instrument, const ReliableChange &change);

// {"from","to","from_date","to_date","rci","verdict","clinically_significant"}: rci to two decimals
// or null when not computed; clinically_significant true, false or null when not defined; the
// dates only when known.
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
