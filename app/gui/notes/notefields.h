// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

// The addiction template's structured fields (use since last session, cravings 0–10, triggers,
// stage of change) and how each is kept in its section's text: in a plain form that reads back
// ("7", "Contemplation", "Substance: alcohol" lines), so the tagger, search and the record see
// ordinary words. Text that is not in that form (a note written before, or by hand) is kept as it
// is and shown as free text; nothing written is dropped. The values themselves are read by the
// core (model/notefields.h); this is the editor's form of them.
namespace uc::gui {

// The section titles, as the core's "addiction" template spells them.
inline constexpr auto useSection = u"Use since last session";
inline constexpr auto cravingsSection = u"Cravings (0-10)";
inline constexpr auto triggersSection = u"Triggers and high-risk situations";
inline constexpr auto stageSection = u"Stage of change";

// The stages of change in order, as written in the note ("Precontemplation" … "Maintenance").
[[nodiscard]] const QStringList &stagesOfChange();

struct AddictionFields
{
    int cravings = -1; // 0..10, -1 when not recorded as a number
    QString cravingsText; // the section's text when it is not a number 0–10 (empty otherwise)
    int stage = -1; // index into stagesOfChange(), -1 when not recorded as one of them
    QString stageText; // the section's text when it is not one of the stages
    QString substance;
    QString amount;
    QString lastUse;
    int daysAbstinent = -1; // 0..model::maxDaysAbstinent from a "Days abstinent: 12" line, -1 otherwise
    QString daysAbstinentText; // that line's value when it is not a number of days (empty otherwise)
    QString useText; // lines of the use section that are not "Substance:", "Amount:", "Last use:" or
                     // "Days abstinent:"
    QString triggers;

    friend bool operator==(const AddictionFields &, const AddictionFields &) = default;
};

// The fields as they stand in the sections (missing sections are empty fields).
[[nodiscard]] AddictionFields addictionFieldsOf(const QList<model::Section> &sections);

// Each section's text for a field's value.
[[nodiscard]] QString cravingsText(int cravings); // "7", or "" for -1
[[nodiscard]] QString stageText(int stage); // "Contemplation", or "" for -1
// The use section: "Substance:", "Amount:", "Last use:" and "Days abstinent:" lines for the fields
// that hold something, then the section's other lines (fields.useText).
[[nodiscard]] QString useText(const AddictionFields &fields);

// An edit of text: at position, removed characters replaced by inserted.
struct TextEdit
{
    qsizetype position = 0;
    qsizetype removed = 0;
    QString inserted;

    [[nodiscard]] QString applyTo(QString text) const { return text.replace(position, removed, inserted); }
};

// The edit that makes body the text of the section titled title in text written with "## Title"
// lines (everything between its heading line and the next heading), leaving the rest of the text
// as it is; a section that is missing is added at the end.
[[nodiscard]] TextEdit sectionEdit(const QString &text, QStringView title, const QString &body);

} // namespace uc::gui
