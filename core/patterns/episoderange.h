// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/episode.h"
#include "patterns/patterns.h"

#include <QList>

// Patterns limited to one episode of care (docs/patterns.md, "Episodes of care"): the one code path
// behind `patterns --episode ID` and the GUI's episode control.
namespace uc::patterns {

// Limits the query to the episode's dates, both inclusive (an open episode runs to the last
// session), and returns that episode. episodes: the client's (vault.episodes().list). Error(Io)
// when none of them has that id — an episode of another client included —, naming field (the CLI's
// option, the GUI's control).
model::Episode limitToEpisode(Query &query, const QList<model::Episode> &episodes, model::Id id, const QString &field);

} // namespace uc::patterns
