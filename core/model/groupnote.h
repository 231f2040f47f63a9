// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace uc::model {

// A group note written in one sitting: the group's part (topic, what the group did, any section
// with text), then one part per member under "## Member CODE". Each member's note gets the group's
// part, marked shared, and their own part as "Participation"; another member's part is never in it.
// Without member parts every section with text is the group's, and empty sections (a template's
// placeholders) stay the member's own to write.
struct GroupSplit
{
    QHash<QString, QList<Section>> byMember; // client code -> that member's note
    QString problem; // set when the note cannot be split; byMember is then empty
};
GroupSplit splitGroupNote(const QList<Section> &sections, const QStringList &members);

// The client code a "Member CODE" (or "Member: CODE") heading names, if it is one.
std::optional<QString> memberOfHeading(const QString &title);

// Section titles that are the group's whatever they hold.
bool isGroupSectionTitle(const QString &title);

} // namespace uc::model
