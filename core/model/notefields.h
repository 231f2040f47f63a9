// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <array>
#include <optional>

// The typed fields of a progress note (docs/patterns.md, "Structured fields"): craving 0–10, stage
// of change, days abstinent and the risk level the note states. A value is read from one written
// form only, and anything else is prose — no value, never a guess:
//  - a line "Label: value" (the value ending the line, or a sentence ended by "." or ";"):
//    "Cravings (0-10): 7", "Stage of change: Contemplation", "Days abstinent: 12", "Risk: low.";
//  - the first line of a template's section of the field's own name, holding just the value:
//    "## Cravings (0-10)" then "7", "## Risk" then "Low. Denies SI/HI." (the rest is prose).
// The words a value is read from are structure, not what the client said: the vault does not tag
// them (core/vault/tagstore.cpp).
namespace uc::model {

enum class Field : unsigned char { Craving, Stage, DaysAbstinent, RiskLevel };
inline constexpr std::array<Field, 4> allFields = {Field::Craving, Field::Stage, Field::DaysAbstinent, Field::RiskLevel};
[[nodiscard]] QString toString(Field field); // "craving", "stage", "days_abstinent", "risk_level"
[[nodiscard]] std::optional<Field> parseField(QStringView text);

// Stage of change values are their place in this order (0 precontemplation … 4 maintenance), as
// written in a note ("Precontemplation" … "Maintenance").
[[nodiscard]] const QStringList &stagesOfChange();
// Risk level values: 0 none, 1 low, 2 moderate, 3 high.
[[nodiscard]] const QStringList &riskLevels();
inline constexpr int maxDaysAbstinent = 36'500; // a hundred years: more is a slip of the keyboard

// Whether value is one the field can hold (craving 0–10, a stage, days ≥ 0, a risk level).
[[nodiscard]] bool validValue(Field field, int value);
// A value as a word for JSON and charts: the number for craving and days, "contemplation" for a
// stage, "low" for a risk level.
[[nodiscard]] QString valueWord(Field field, int value);

// A whole value's text, trimmed, as written after a field's label; nullopt for anything else.
[[nodiscard]] std::optional<int> parseCraving(QStringView text); // "7", "7/10", "7 / 10"
[[nodiscard]] std::optional<int> parseStage(QStringView text); // "Contemplation", "pre-contemplation"
[[nodiscard]] std::optional<int> parseDaysAbstinent(QStringView text); // "12", "12 days"
[[nodiscard]] std::optional<int> parseStatedRisk(QStringView text); // "none", "low", "moderate", "high"

// A value found in a text, with the words it was read from: [start, end) in UTF-16 units of the
// text, the label (if any) and the value with its full stop.
struct FieldLine
{
    Field field = Field::Craving;
    int value = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    friend bool operator==(const FieldLine &, const FieldLine &) = default;
};
// Every value written in text, a note's text as textOf() joins it ("## Title" lines), in order.
[[nodiscard]] QList<FieldLine> fieldLinesOf(const QString &text);

struct FieldValue
{
    Field field = Field::Craving;
    int value = 0;
    friend bool operator==(const FieldValue &, const FieldValue &) = default;
};
// The note's values, in the order of allFields: read from its own sections only (a group session's
// shared part is the group's); a field written twice with different values has none.
[[nodiscard]] QList<FieldValue> fieldValuesOf(const QList<Section> &sections);

// Where a template records a field: in the section titled `section`, as its whole text (label
// empty) or as a line "label: value" in it. The addiction template records all four.
struct TemplateField
{
    Field field = Field::Craving;
    QString section;
    QString label;
};
[[nodiscard]] QList<TemplateField> templateFields(const QString &templateId);

} // namespace uc::model
