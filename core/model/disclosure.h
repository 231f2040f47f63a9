// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// What must travel with every disclosure of the record. An addiction practice's records may hold
// substance-use information, so every export and report carries the 42 CFR Part 2 notice.
namespace uc::model {

// 42 CFR §2.32(a)(1), Statement 1, as amended by the 2024 final rule (89 FR 12472), verbatim.
[[nodiscard]] QString part2Notice();
// 42 CFR §2.32(a)(2), Statement 2: the short form the rule allows instead, for page footers.
[[nodiscard]] QString part2NoticeShort();

} // namespace uc::model
