// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace uc::model {

// The substance classes, once for the whole program: what the codebook's substance lexicon and its
// risk rules may name (core/themes), what every use, craving and relapse evidence item carries, and
// what a drug screen's substance is (treatmentevent.h). In this order: alcohol, opioids, stimulants,
// cannabis, sedatives, nicotine, other.
[[nodiscard]] const QList<QString> &substanceClasses();

} // namespace uc::model
