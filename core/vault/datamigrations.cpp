// SPDX-License-Identifier: GPL-3.0-or-later
// The migration steps that rewrite stored rows rather than only add to the layout: v5 turns each
// note's counted themes into rows of numbers, v7 merges the sessions that were one hour.
#include "vault/migrations.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace uc::vault {

// v4 -> v5. Each note's counted themes (hits not rejected, manual tags in) as rows of numbers:
// one per note and theme, the theme's name once in theme_names. They replace note_themes.themes
// ("abandonment 2,relapse 1"), text that had to be parsed back; rebuilt here from the hits
// themselves, which that text summarised. Kept in step by the vault whenever a note's tags change
// (vault/tagstore.h). And sessions_date also covers the start time, so the caseload's scan of
// session times reads that index rather than every session's row.
void migrateTo5(sql::Database &db, const QString &)
{
    db.exec(R"sql(
-- note_themes without its text column, rebuilt rather than altered: a dropped column leaves its
-- bytes' space in every page, and the caseload scans this table whole.
CREATE TABLE note_themes_v5(
  note_id    INTEGER PRIMARY KEY REFERENCES notes(id),
  client_id  INTEGER NOT NULL,
  session_id INTEGER NOT NULL,
  kind       TEXT NOT NULL,
  author_id  INTEGER NOT NULL);
INSERT INTO note_themes_v5(note_id, client_id, session_id, kind, author_id)
  SELECT note_id, client_id, session_id, kind, author_id FROM note_themes;
DROP TABLE note_themes;
ALTER TABLE note_themes_v5 RENAME TO note_themes;
CREATE TABLE theme_names(
  id    INTEGER PRIMARY KEY,
  theme TEXT NOT NULL UNIQUE);
-- A count belongs to its note's row in note_themes (checking it against notes would seek into the
-- pages that hold note text, for every row).
CREATE TABLE note_theme_counts(
  note_id  INTEGER NOT NULL REFERENCES note_themes(note_id),
  theme_id INTEGER NOT NULL REFERENCES theme_names(id),
  hits     INTEGER NOT NULL CHECK (hits > 0),
  PRIMARY KEY (note_id, theme_id)) WITHOUT ROWID;
-- The sessions' times in their date index: the caseload reads them from it, not from the table.
DROP INDEX sessions_date;
CREATE INDEX sessions_date ON sessions(date, start_time);
)sql");
    // Counted here rather than by DISTINCT and GROUP BY: SQLite's sorter allocates per row, and
    // SQLCipher locks every allocation in memory.
    std::set<std::int64_t> notes;
    {
        auto stmt = db.prepare("SELECT note_id FROM note_themes");
        while (stmt.step())
            notes.insert(stmt.int64(0));
    }
    std::map<std::string, int, std::less<>> numbers; // theme → number
    std::vector<std::pair<std::int64_t, int>> hits; // (note, theme number), one per counted hit
    {
        auto stmt = db.prepare("SELECT note_id, theme FROM theme_hits WHERE decision <> 'rejected'");
        while (stmt.step()) {
            if (!notes.count(stmt.int64(0)))
                continue;
            const std::string_view theme = stmt.utf8(1);
            auto number = numbers.find(theme);
            if (number == numbers.end())
                number = numbers.emplace(std::string(theme), static_cast<int>(numbers.size())).first;
            hits.emplace_back(stmt.int64(0), number->second);
        }
    }
    std::vector<int> themeId(numbers.size());
    {
        auto insert = db.prepare("INSERT INTO theme_names(theme) VALUES (?)");
        for (const auto &[theme, number] : numbers) { // by name
            insert.bind(1, std::string_view(theme)).run();
            insert.reset();
            themeId[static_cast<std::size_t>(number)] = static_cast<int>(db.lastInsertId());
        }
    }
    for (auto &[note, theme] : hits)
        theme = themeId[static_cast<std::size_t>(theme)];
    std::sort(hits.begin(), hits.end());
    struct Count
    {
        std::int64_t note;
        int theme;
        std::int64_t hits;
    };
    std::vector<Count> counts;
    for (std::size_t i = 0; i < hits.size();) {
        std::size_t j = i;
        while (j < hits.size() && hits[j] == hits[i])
            ++j;
        counts.push_back({hits[i].first, hits[i].second, static_cast<std::int64_t>(j - i)});
        i = j;
    }
    // Many rows a statement: each statement that checks foreign keys opens a statement journal,
    // and that allocation per row, locked in memory, was most of the time.
    constexpr std::size_t batch = 256;
    const auto insertOf = [](std::size_t rows) {
        std::string sql = "INSERT INTO note_theme_counts(note_id, theme_id, hits) VALUES ";
        for (std::size_t r = 0; r < rows; ++r)
            sql += r == 0 ? "(?, ?, ?)" : ", (?, ?, ?)";
        return sql;
    };
    for (std::size_t first = 0; first < counts.size(); first += batch) {
        const std::size_t rows = std::min(batch, counts.size() - first);
        auto insert = db.prepare(insertOf(rows));
        for (std::size_t r = 0; r < rows; ++r) {
            const Count &c = counts[first + r];
            const int at = static_cast<int>(3 * r);
            insert.bind(at + 1, c.note).bind(at + 2, c.theme).bind(at + 3, c.hits);
        }
        insert.run();
    }
}

// v6 -> v7. A session holds notes: at most one progress note per author for each client on it, any
// number of process notes. Builds before v7 made a new session for every note, so a vault can hold
// one hour as two or three sessions (same client, same date and start): they are merged here into
// the first of them. Drafts move to it; a signed note's session is part of its hashed content, so
// the note stays where it was and its session becomes an alias of the one it merged into
// (session_aliases), which every count and list reads through. Emptied sessions stay as aliases too.
void migrateTo7(sql::Database &db, const QString &)
{
    db.exec(R"sql(
CREATE TABLE session_aliases(
  session_id INTEGER PRIMARY KEY REFERENCES sessions(id),
  session_of INTEGER NOT NULL REFERENCES sessions(id) CHECK (session_of <> session_id));
CREATE INDEX session_aliases_of ON session_aliases(session_of);
)sql");
    // Sessions of one client alone, with a start time (without one, two sessions on a day cannot
    // be told to be the same hour), by client, date, start and id.
    struct Row
    {
        std::int64_t session;
        std::int64_t client;
        QString date;
        QString start;
    };
    std::vector<Row> rows;
    {
        auto stmt = db.prepare("SELECT s.id, a.client_id, s.date, s.start_time FROM sessions s "
                               "JOIN session_attendees a ON a.session_id = s.id "
                               "WHERE s.start_time IS NOT NULL "
                               "AND (SELECT count(*) FROM session_attendees o WHERE o.session_id = s.id) = 1 "
                               "ORDER BY a.client_id, s.date, s.start_time, s.id");
        while (stmt.step())
            rows.push_back({stmt.int64(0), stmt.int64(1), stmt.text(2), stmt.text(3)});
    }
    auto alias = db.prepare("INSERT INTO session_aliases(session_id, session_of) VALUES (?, ?)");
    auto drafts = db.prepare("SELECT id, author_id, kind FROM notes WHERE session_id = ? AND status = 'draft' ORDER BY id");
    // A progress note by this author for the client, on the session or on one of its aliases.
    auto hasProgress = db.prepare("SELECT 1 FROM notes WHERE kind = 'progress' AND client_id = ? AND author_id = ? "
                                  "AND (session_id = ?3 OR session_id IN "
                                  "(SELECT session_id FROM session_aliases WHERE session_of = ?3)) LIMIT 1");
    auto move = db.prepare("UPDATE notes SET session_id = ? WHERE id = ? AND status = 'draft'");
    auto moveCounts = db.prepare("UPDATE note_themes SET session_id = ? WHERE note_id = ?");
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i + 1;
        while (j < rows.size() && rows[j].client == rows[i].client && rows[j].date == rows[i].date
               && rows[j].start == rows[i].start)
            ++j;
        const std::int64_t kept = rows[i].session;
        for (std::size_t k = i + 1; k < j; ++k) {
            const std::int64_t merged = rows[k].session;
            struct Draft
            {
                std::int64_t id;
                std::int64_t author;
                bool progress;
            };
            std::vector<Draft> list;
            drafts.bind(1, merged);
            while (drafts.step())
                list.push_back({drafts.int64(0), drafts.int64(1), drafts.text(2) == QLatin1String("progress")});
            drafts.reset();
            for (const Draft &d : list) {
                // A second progress draft by the same author stays on its (aliased) session: it
                // still counts once, and its author keeps or discards it.
                if (d.progress) {
                    hasProgress.bind(1, rows[i].client).bind(2, d.author).bind(3, kept);
                    const bool taken = hasProgress.step();
                    hasProgress.reset();
                    if (taken)
                        continue;
                }
                move.bind(1, kept).bind(2, d.id).run();
                move.reset();
                moveCounts.bind(1, kept).bind(2, d.id).run();
                moveCounts.reset();
            }
            alias.bind(1, merged).bind(2, kept).run();
            alias.reset();
        }
        i = j;
    }
    // A second progress draft by one author for one client on one stored session (the API allowed
    // it) goes to a copy of that session, an alias of it, so the index below can stand.
    std::vector<std::pair<std::int64_t, std::int64_t>> extra; // (note, session)
    {
        auto stmt = db.prepare("SELECT n.id, n.session_id FROM notes n WHERE n.kind = 'progress' AND n.status = 'draft' "
                               "AND EXISTS (SELECT 1 FROM notes m WHERE m.session_id = n.session_id AND m.client_id = "
                               "n.client_id AND m.author_id = n.author_id AND m.kind = 'progress' AND m.id < n.id)");
        while (stmt.step())
            extra.emplace_back(stmt.int64(0), stmt.int64(1));
    }
    for (const auto &[note, session] : extra) {
        db.prepare("INSERT INTO sessions(date, start_time, minutes, modality, setting, group_topic, created_by, created) "
                   "SELECT date, start_time, minutes, modality, setting, group_topic, created_by, created FROM sessions "
                   "WHERE id = ?")
            .bind(1, session)
            .run();
        const auto copy = db.lastInsertId();
        db.prepare("INSERT INTO session_attendees(session_id, client_id, attendance) SELECT ?, client_id, attendance "
                   "FROM session_attendees WHERE session_id = ? AND client_id = (SELECT client_id FROM notes WHERE id = ?)")
            .bind(1, copy)
            .bind(2, session)
            .bind(3, note)
            .run();
        db.prepare("INSERT INTO session_aliases(session_id, session_of) VALUES "
                   "(?1, coalesce((SELECT session_of FROM session_aliases WHERE session_id = ?2), ?2))")
            .bind(1, copy)
            .bind(2, session)
            .run();
        move.bind(1, copy).bind(2, note).run();
        move.reset();
        moveCounts.bind(1, copy).bind(2, note).run();
        moveCounts.reset();
    }
    // A session's progress notes: one per author and client. Over the session a note is stored on
    // (an alias keeps its own); the vault checks the merged session as a whole.
    db.exec("CREATE UNIQUE INDEX notes_one_progress ON notes(session_id, client_id, author_id) WHERE kind = 'progress'");
}

} // namespace uc::vault
