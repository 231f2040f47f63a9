// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/histories.h"

#include "vault/access.h"
#include "vault/state.h"
#include "vault/vault.h"

#include <unordered_map>

namespace uc::vault {

using model::Id;

namespace {

struct When
{
    model::Date date;
    std::optional<model::TimeOfDay> start;
};

// A session's date and start from columns dateColumn and dateColumn + 1; nullopt for a row without
// a usable date (the schema requires one; such a row cannot be placed in time).
std::optional<When> whenOf(const sql::Statement &stmt, int dateColumn)
{
    const auto date = model::parseIsoDate(stmt.utf8(dateColumn));
    if (!date)
        return std::nullopt;
    When when{*date, std::nullopt};
    if (!stmt.isNull(dateColumn + 1))
        when.start = model::parseTime(stmt.text(dateColumn + 1));
    return when;
}

model::Attendance attendanceFrom(std::string_view word)
{
    if (word == "late")
        return model::Attendance::Late;
    if (word == "no-show")
        return model::Attendance::NoShow;
    if (word == "cancelled")
        return model::Attendance::Cancelled;
    return model::Attendance::Attended;
}

} // namespace

model::ClientHistory Histories::client(const QString &code, bool includeProcessNotes)
{
    m_state.require(model::Action::ReadRecords);
    const auto found = m_vault.clients().find(code);
    if (!found)
        throw Error(ErrorKind::Usage, QStringLiteral("patterns"), QStringLiteral("no client with that code"));
    model::ClientHistory history;
    history.clientId = found->id;
    history.clientCode = found->code;
    // A session counts once, however many notes it holds; a merged duplicate (an alias) is not a
    // session of its own, and its notes count under the session it merged into.
    auto sessions = m_state.db.prepare("SELECT s.id, s.date, s.start_time, a.attendance FROM session_attendees a "
                                       "JOIN sessions s ON s.id = a.session_id WHERE a.client_id = ? "
                                       "AND s.id NOT IN (SELECT session_id FROM session_aliases)");
    sessions.bind(1, history.clientId);
    while (sessions.step()) {
        if (const auto when = whenOf(sessions, 1)) {
            model::SessionThemes s;
            s.sessionId = sessions.int64(0);
            s.date = when->date;
            s.start = when->start;
            s.attendance = attendanceFrom(sessions.utf8(3));
            history.sessions.append(std::move(s));
        }
    }
    std::unordered_map<Id, model::SessionThemes *> byId;
    for (model::SessionThemes &s : history.sessions)
        byId.emplace(s.sessionId, &s);
    // The hits themselves, counted here (a GROUP BY would sort with an allocation per row).
    auto hits = m_state.db.prepare(std::string("SELECT coalesce(al.session_of, n.session_id), h.theme FROM notes n "
                                               "JOIN theme_hits h ON h.note_id = n.id "
                                               "LEFT JOIN session_aliases al ON al.session_id = n.session_id "
                                               "WHERE n.client_id = :client AND h.decision <> 'rejected' AND h.scope = 'own' AND ")
                                   + readableNotes + " AND " + notAwaitingBlindRating("n.id"));
    hits.bind(hits.parameterIndex(":client"), history.clientId);
    bindReadable(hits, m_state.user.id, NoteScope{includeProcessNotes, false});
    while (hits.step()) {
        const auto session = byId.find(hits.int64(0));
        if (session != byId.end())
            ++session->second->themes[hits.text(1)];
    }
    history.measures = m_vault.measures().forClient(code);
    history.fields = fieldsOf(history.clientId);
    return history;
}

QList<model::FieldPoint> Histories::fieldsOf(Id clientId)
{
    // Progress notes only (process notes have no values), as the reader may count themes; a note
    // copied to every member of a group before members were kept apart is the group's, not theirs.
    auto stmt = m_state.db.prepare(
        std::string("SELECT DISTINCT s.id, s.date, s.start_time, f.field, f.value FROM notes n "
                    "JOIN note_fields f ON f.note_id = n.id "
                    "LEFT JOIN session_aliases al ON al.session_id = n.session_id "
                    "JOIN sessions s ON s.id = coalesce(al.session_of, n.session_id) "
                    "WHERE n.client_id = :client AND n.kind = 'progress' "
                    "AND n.id NOT IN (SELECT note_id FROM shared_notes) AND ")
        + readableNotes + " AND " + notAwaitingBlindRating("n.id")
        + " ORDER BY s.date, s.start_time, s.id, f.field, f.value");
    stmt.bind(stmt.parameterIndex(":client"), clientId);
    bindReadable(stmt, m_state.user.id, NoteScope{false, false});
    QList<model::FieldPoint> points;
    while (stmt.step()) {
        const auto when = whenOf(stmt, 1);
        const auto field = model::parseField(stmt.text(3));
        const int value = static_cast<int>(stmt.int64(4));
        if (!when || !field || !model::validValue(*field, value))
            continue;
        points.append({stmt.int64(0), when->date, when->start, *field, value});
    }
    return points;
}

// Plain scans of small tables (clients, sessions, attendees, each note's client and session, its
// counted themes, measures) joined here: joins in SQL seek row by row into tables whose pages
// hold note text, and decrypting those pages was most of the time.
model::CaseloadHistory Histories::caseload(std::optional<Id> therapistId)
{
    m_state.require(model::Action::ReadRecords);
    sql::Database &db = m_state.db;
    model::CaseloadHistory out;
    std::unordered_map<Id, std::size_t> slot; // client id → index
    {
        // Two statements rather than "?1 = 0 OR …", which would keep SQLite from its index.
        auto stmt = db.prepare(therapistId ? "SELECT id, code FROM clients WHERE id IN "
                                             "(SELECT client_id FROM notes WHERE author_id = ?) ORDER BY code"
                                           : "SELECT id, code FROM clients ORDER BY code");
        if (therapistId)
            stmt.bind(1, *therapistId);
        while (stmt.step()) {
            slot.emplace(stmt.int64(0), out.clients.size());
            out.clients.push_back({stmt.int64(0), stmt.text(1), {}});
        }
    }
    // Ids are dense row ids: vectors indexed by id instead of hash maps (150,000 sessions).
    const auto index = [](Id id, std::size_t size) -> std::optional<std::size_t> {
        if (id <= 0 || static_cast<std::uint64_t>(id) >= size)
            return std::nullopt;
        return static_cast<std::size_t>(id);
    };
    std::vector<std::optional<When>> sessions;
    {
        // No ORDER BY: SQLite then reads the times from the sessions_date index, which is smaller.
        auto stmt = db.prepare("SELECT id, date, start_time FROM sessions");
        while (stmt.step()) {
            const Id id = stmt.int64(0);
            if (id <= 0 || id > 1'000'000'000)
                continue;
            if (auto when = whenOf(stmt, 1)) {
                if (static_cast<std::size_t>(id) >= sessions.size())
                    sessions.resize(static_cast<std::size_t>(id) + 1);
                sessions[static_cast<std::size_t>(id)] = *when;
            }
        }
    }
    // A merged duplicate's notes count under the session it merged into; it is no session itself.
    std::vector<Id> sessionOfAlias(sessions.size(), 0);
    {
        auto stmt = db.prepare("SELECT session_id, session_of FROM session_aliases");
        while (stmt.step()) {
            const auto alias = index(stmt.int64(0), sessions.size());
            if (!alias)
                continue;
            sessions[*alias].reset();
            sessionOfAlias[*alias] = stmt.int64(1);
        }
    }
    // session id → its attendees' entries (client index, session index, next entry of the session)
    struct Entry
    {
        std::size_t client;
        std::size_t session;
        std::int32_t next;
    };
    std::vector<std::int32_t> firstEntry(sessions.size(), -1);
    std::vector<Entry> entries;
    entries.reserve(sessions.size());
    {
        auto stmt = db.prepare("SELECT session_id, client_id, attendance FROM session_attendees");
        while (stmt.step()) {
            const auto session = index(stmt.int64(0), sessions.size());
            const auto client = slot.find(stmt.int64(1));
            if (client == slot.end() || !session || !sessions[*session])
                continue;
            const When &when = *sessions[*session];
            auto &list = out.clients[client->second].sessions;
            const model::Attendance attendance = attendanceFrom(stmt.utf8(2));
            auto &head = firstEntry[*session];
            entries.push_back({client->second, list.size(), head});
            head = static_cast<std::int32_t>(entries.size() - 1);
            list.push_back({stmt.int64(0), when.date, when.start,
                            attendance == model::Attendance::Attended || attendance == model::Attendance::Late, {}});
        }
    }
    const auto sessionOf = [&](Id clientId, Id sessionId) -> model::CaseloadHistory::Session * {
        const auto client = slot.find(clientId);
        const auto session = index(sessionId, firstEntry.size());
        if (client == slot.end() || !session)
            return nullptr;
        for (std::int32_t e = firstEntry[*session]; e >= 0; e = entries[static_cast<std::size_t>(e)].next) {
            const Entry &entry = entries[static_cast<std::size_t>(e)];
            if (entry.client == client->second)
                return &out.clients[entry.client].sessions[entry.session];
        }
        return nullptr;
    };
    // theme_names id → theme number in out.themes
    std::vector<int> numberOf;
    {
        auto stmt = db.prepare("SELECT id, theme FROM theme_names ORDER BY id");
        while (stmt.step()) {
            const auto id = index(stmt.int64(0), 1'000'000);
            if (!id)
                continue;
            if (*id >= numberOf.size())
                numberOf.resize(*id + 1, -1);
            numberOf[*id] = static_cast<int>(out.themes.size());
            out.themes.append(stmt.text(1));
        }
    }
    // note id → the session its counted themes go to, for the notes a caseload counts
    std::vector<model::CaseloadHistory::Session *> sessionOfNote;
    {
        auto stmt = db.prepare(std::string("SELECT n.note_id, n.client_id, n.session_id FROM note_themes n WHERE ")
                               + readableNotes + " AND " + notAwaitingBlindRating("n.note_id"));
        bindReadable(stmt, m_state.user.id, NoteScope{false, false});
        while (stmt.step()) {
            const Id note = stmt.int64(0);
            if (note <= 0 || note > 1'000'000'000)
                continue;
            Id sessionId = stmt.int64(2);
            if (const auto alias = index(sessionId, sessionOfAlias.size()); alias && sessionOfAlias[*alias] != 0)
                sessionId = sessionOfAlias[*alias];
            if (auto *session = sessionOf(stmt.int64(1), sessionId)) {
                if (static_cast<std::size_t>(note) >= sessionOfNote.size())
                    sessionOfNote.resize(static_cast<std::size_t>(note) + 1, nullptr);
                sessionOfNote[static_cast<std::size_t>(note)] = session;
            }
        }
    }
    {
        auto stmt = db.prepare("SELECT note_id, theme_id, hits FROM note_theme_counts");
        while (stmt.step()) {
            const auto note = index(stmt.int64(0), sessionOfNote.size());
            const auto theme = index(stmt.int64(1), numberOf.size());
            if (!note || !theme || !sessionOfNote[*note] || numberOf[*theme] < 0)
                continue;
            auto &themes = sessionOfNote[*note]->themes;
            const int number = numberOf[*theme];
            const int hits = static_cast<int>(stmt.int64(2));
            // A session with two notes (two authors) adds up.
            const auto at = std::find_if(themes.begin(), themes.end(), [&](const auto &t) { return t.first == number; });
            if (at != themes.end())
                at->second += hits;
            else
                themes.emplace_back(number, hits);
        }
    }
    {
        auto measures = db.prepare("SELECT client_id, date, instrument, total, band FROM measures ORDER BY date, id");
        while (measures.step()) {
            if (!slot.count(measures.int64(0)))
                continue;
            model::Measure m;
            m.clientId = measures.int64(0);
            m.date = model::parseIsoDate(measures.utf8(1)).value_or(model::Date());
            m.instrument = measures.text(2);
            m.total = static_cast<int>(measures.int64(3));
            m.band = measures.text(4);
            out.measures.append(m);
        }
    }
    return out;
}

} // namespace uc::vault
