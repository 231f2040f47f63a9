// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

// A client's safety plan in the Stanley–Brown structure (docs/risk.md, "Safety plan"): what the
// client and the clinician write together, printed for the client to take home. Seven steps, each a
// list of short items in the client's own words. A plan is versioned: every save is a new version,
// signed by its author, and the newest is in force.
namespace uc::model {

enum class SafetyStep : unsigned char {
    WarningSigns,
    Coping,
    Distraction,
    Help,
    Professionals,
    Environment,
    Reasons,
};
inline constexpr int safetyStepCount = 7;

// "warning-signs", "coping", "distraction", "help", "professionals", "environment", "reasons":
// the keys of the JSON form.
[[nodiscard]] QString key(SafetyStep step);
// The heading as printed and written in the text form ("Warning signs").
[[nodiscard]] QString title(SafetyStep step);
// The question the step asks the client, as on the printed plan.
[[nodiscard]] QString prompt(SafetyStep step);
[[nodiscard]] std::optional<SafetyStep> safetyStepFromKey(const QString &key);

// Whether the text holds something dialable: at least three digits (a crisis line's "988", a
// landline with spaces or dashes).
[[nodiscard]] bool hasPhoneNumber(const QString &text);

struct SafetyPlan
{
    std::array<QStringList, safetyStepCount> steps;

    // Filled in by the vault for a saved version.
    int version = 0;
    QString clientCode;
    QString author;
    QString signedAt; // UTC ISO 8601: a version is signed when it is saved
    QString contentHash;

    [[nodiscard]] const QStringList &items(SafetyStep step) const { return steps.at(static_cast<std::size_t>(step)); }
    [[nodiscard]] QStringList &items(SafetyStep step) { return steps.at(static_cast<std::size_t>(step)); }
    [[nodiscard]] bool isEmpty() const;

    // {"warning-signs": [..], …}: the steps only.
    [[nodiscard]] QJsonObject stepsJson() const;
    // The text form below, the seven headings in order with their items.
    [[nodiscard]] QString toText() const;
};

// Why a plan cannot be saved, or nothing: no item at all, an item longer than 500 characters, or
// no professional or service with a phone number (a crisis line at least — the plan is what the
// client reaches for when they cannot think).
[[nodiscard]] std::optional<QString> safetyPlanProblem(const SafetyPlan &plan);

// Reads the text form: "## Heading" lines naming the steps (their titles or keys, any case, an
// optional "Step N:" before), and under each an item per line ("- ", "* " or "1." markers
// optional, blank lines skipped). Throws Error(Io) naming the line for text before the first
// heading, a heading that is not a step, or a step given twice — never quoting the text.
[[nodiscard]] SafetyPlan parseSafetyPlan(const QString &text);
// Reads the JSON form (stepsJson()); Error(Io) for an unknown key or a value that is not a list of
// strings.
[[nodiscard]] SafetyPlan safetyPlanFromJson(const QJsonObject &steps);

// What a version's signature covers: compact JSON with sorted keys — client, version, steps,
// signed_by, signed_at.
[[nodiscard]] QByteArray canonicalSafetyPlan(const SafetyPlan &plan);

} // namespace uc::model
