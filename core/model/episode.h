// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>

#include <optional>

// The course of care (docs/patterns.md, "Episodes"): a client's episodes at a level of care —
// residential, then intensive outpatient, then outpatient and aftercare — each from a start date to
// an end date (open while it lasts). A session falls in the episode whose dates hold its date; a
// client's episodes never overlap, so that is never in doubt.
namespace uc::model {

struct Episode
{
    Id id = 0;
    QString clientCode;
    QString level; // "residential", "intensive-outpatient", "outpatient", "aftercare", or the practice's own
    Date start;
    std::optional<Date> end; // the last day; none while the episode lasts
    QString service; // where: "Riverside IOP"; may be empty

    [[nodiscard]] bool holds(const Date &day) const { return start <= day && (!end || day <= *end); }
    [[nodiscard]] bool overlaps(const Episode &other) const;
};

// The levels of care every practice has, in the order a client steps down through them.
[[nodiscard]] const QList<QString> &knownLevels();
// A level as stored: a known one's id, or the practice's own (lower case, words joined by '-',
// 3 to 40 letters, digits and '-'). Nothing for anything else.
[[nodiscard]] std::optional<QString> parseLevel(const QString &text);

} // namespace uc::model
