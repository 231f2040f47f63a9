// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "practice/cosign.h"

#include <QList>
#include <QString>

namespace uc::vault {
class Vault;
}

// A list of practice events kept sealed in the member folder (sealedfile.h): the events on this
// member's notes (events.sealed), those a supervisor wrote (sent.sealed) and the addenda on notes
// received (answers.sealed). Error(Damaged) from reading one that was edited or swapped.
namespace uc::practice {

// The kept events of fileName, in the order kept; none when the file is not there.
[[nodiscard]] QList<PracticeEvent> readKeptEvents(const vault::Vault &vault, const QString &fileName);
// Replaces the kept events of fileName with all.
void writeKeptEvents(const vault::Vault &vault, const QString &fileName, const QList<PracticeEvent> &all);
// Adds events after those kept in fileName (nothing written when there are none).
void appendKeptEvents(const vault::Vault &vault, const QString &fileName, const QList<PracticeEvent> &events);

} // namespace uc::practice
