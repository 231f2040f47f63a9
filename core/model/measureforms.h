// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What a questionnaire's form says, for the GUI's "Add measure…": its instruction, each item's
// words and each item's answer choices with the score each one gives — for the instruments whose
// terms let a program show them (docs/patterns.md, "Terms of use of the instruments"): PHQ-9 and
// GAD-7 (Spitzer, Williams, Kroenke and colleagues, with an educational grant from Pfizer Inc.: no
// permission required to reproduce, translate, display or distribute), AUDIT and AUDIT-C (WHO,
// Babor et al. 2001: may be used freely), PCL-5 (Weathers et al. 2013, US National Center for
// PTSD: in the public domain). DAST-10 and the C-SSRS are entered by item number from the form the
// clinician gave: their items are not shown.
namespace uc::model {

struct AnswerChoice
{
    QString text; // "Several days"
    int value = 0; // the score the choice gives
};

struct FormItem
{
    QString text; // empty: shown by its number only
    QList<AnswerChoice> choices;
};

struct MeasureForm
{
    QString instruction; // "Over the last 2 weeks, how often have you been bothered by …"; may be empty
    QList<FormItem> items; // one per item, in order
    QString credit; // the line the instrument's terms ask for, or empty
};

// The form of an instrument (its items without words for DAST-10 and the C-SSRS, whose choices are
// no / yes, and skipped for C-SSRS questions 3–5); an empty form for an unknown instrument.
[[nodiscard]] MeasureForm measureForm(const QString &instrument);

} // namespace uc::model
