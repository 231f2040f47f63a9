// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/usedayfigures.h"

#include <QString>

// Use-day figures in words, one wording for every screen that shows them (the client overview's
// card, the Patterns screen's rows): counts and dates only, never a note's words.
namespace uc::gui {

// "13 Jan 2025".
[[nodiscard]] QString useDayDate(const uc::model::Date &day);
// "used 1, abstinent 7, unknown 2 · 88% of known days abstinent · longest run abstinent 5 · last use
// 3 days before 13 Jan 2025"; the last part "used on 13 Jan 2025" when the period's last day was a
// use, "no use recorded" when none was.
[[nodiscard]] QString useDaySummary(const uc::model::UseDayFigures &figures);

} // namespace uc::gui
