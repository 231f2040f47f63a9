// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace uc::themes {

// Agreement on one theme between two raters (tagger, therapist, supervisor) over the same notes.
struct ThemeAgreement
{
    QString theme;
    int notes = 0;
    int bothPresent = 0;
    int onlyFirst = 0;
    int onlySecond = 0;
    int bothAbsent = 0;
    double observed = 0; // proportion of notes where the raters agree
    double expected = 0; // agreement expected by chance from each rater's own rates
    // Cohen's kappa = (observed - expected) / (1 - expected); none when expected is 1 (both raters
    // said the same thing of every note, so chance explains everything and kappa is undefined).
    std::optional<double> kappa;
};

// first[i] and second[i] are the themes each rater saw present in note i. One result per theme,
// in the order given.
QList<ThemeAgreement> cohensKappa(const QList<QSet<QString>> &first, const QList<QSet<QString>> &second,
                                  const QList<QString> &themes);

} // namespace uc::themes
