// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QString>

namespace uc::sql {
class Database;
}

namespace uc::vault {

// Full-text search over the notes (vault.search()).
class Search : public Service
{
public:
    using Service::Service;

    // The notes this user may read that match, best first; snippets mark matches [like this].
    // What was searched for is never recorded, only that a search ran and how many it found.
    // The reader's own process notes come after the index's matches: they are not in the index
    // (their words are sealed to their author) and are read in memory, newest first.
    [[nodiscard]] QList<model::SearchHit> notes(const QString &query, int limit = 50);

private:
    [[nodiscard]] QList<model::SearchHit> ownProcessNotes(const QString &query, int limit);
};

// Ranked full-text search on an open vault database: progress notes (process notes are not
// indexed). The most recent rankWindow matches are ranked (ucrank: every searched word present
// first, then density) — the first page stays fast on any vault size, and recent notes are what a
// clinician looks for first. supervisedOnly limits progress notes to those of the therapists
// userId supervises. For benchmarks that compare the same search on an unkeyed database.
constexpr int rankWindow = 200;
[[nodiscard]] QList<model::SearchHit> searchNotes(sql::Database &db, const QString &query, model::Id userId, int limit,
                                                  bool supervisedOnly = false);

} // namespace uc::vault
