// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/substances.h"
#include "model/types.h"

#include <QList>
#include <QString>

#include <optional>

// Other treatment on the course of care (docs/treatment-events.md): what happens to a
// client beside the sessions, each on a date, drawn on the same axis as the themes and measures —
// a mutual-help meeting (12-step, AA, NA, SMART), a group attended (a CBT group), a change in
// medication-assisted treatment (MAT: a start, a dose change, a stop) and a drug screen's result.
// One struct for the four kinds; the fields a kind does not use stay empty, and
// treatmentEventProblem says which are missing or out of place.
namespace uc::model {

struct TreatmentEvent
{
    Id id = 0;
    QString clientCode;
    QString kind; // "mutual-help", "group", "mat", "drug-screen" (treatmentEventKinds())
    Date date;
    // mutual-help: the programme ("12-step", "aa", "na", "smart", "other")
    QString program;
    // group: the group attended, in the practice's words ("CBT group"; 1 to 100 characters)
    QString group;
    // mat: the medication ("buprenorphine", "methadone", "naltrexone" … or the practice's own word),
    // the change ("start", "dose-change", "stop") and, for a start or a dose change, the daily dose
    // with its unit ("mg", "mcg", "ml"); a stop has no dose.
    QString medication;
    QString change;
    std::optional<double> dose;
    QString unit;
    // drug-screen: the substance class (substances.h: substanceClasses()), the result ("positive",
    // "negative") and, when known, the method ("urine", "breath", "saliva", "blood", "hair", "other").
    QString substance;
    QString result;
    QString method;
    QString note; // free text, may be empty (at most 2000 characters)

    // What happened, in its values: "opioids positive (urine)", "buprenorphine start 8 mg". Never the note.
    [[nodiscard]] QString details() const;
    // A line for lists: "2025-03-04 drug-screen opioids positive (urine)".
    [[nodiscard]] QString summary() const;
};

[[nodiscard]] const QList<QString> &treatmentEventKinds();
[[nodiscard]] const QList<QString> &mutualHelpPrograms();
[[nodiscard]] const QList<QString> &matChanges();
[[nodiscard]] const QList<QString> &doseUnits();
[[nodiscard]] const QList<QString> &screenResults();
[[nodiscard]] const QList<QString> &screenMethods();
// A medication as stored: lower case, words joined by '-', 3 to 40 letters, digits and '-'
// ("Buprenorphine naloxone" -> "buprenorphine-naloxone"). Nothing for anything else.
[[nodiscard]] std::optional<QString> parseMedication(const QString &text);

// What makes the event invalid, in a sentence naming the field ("a dose change needs a dose");
// nothing when it is valid. The client's code and the id are the vault's to check.
[[nodiscard]] std::optional<QString> treatmentEventProblem(const TreatmentEvent &event);

} // namespace uc::model
