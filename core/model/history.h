// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/measures.h"
#include "model/notefields.h"
#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <map>
#include <optional>
#include <utility>
#include <vector>

// Theme histories: the values the vault gives core/patterns (vault.histories()), already limited
// to what the reader may count. Plain values, so patterns are analysed and tested without a vault.
namespace uc::model {

// One client's session with the themes their notes raise.
struct SessionThemes
{
    Id sessionId = 0;
    Date date;
    std::optional<TimeOfDay> start;
    Attendance attendance = Attendance::Attended;
    // Theme id → counted hits in the client's note(s) for this session: suggestions, confirmations
    // and manual tags; rejected hits are never in here. Themes with no counted hit are absent.
    std::map<QString, int> themes;
    // attended or late: the client was there. no-show and cancelled are missed.
    [[nodiscard]] bool attended() const;
};

// A typed field's value (model/notefields.h) stated in a progress note of one of the client's
// sessions.
struct FieldPoint
{
    Id sessionId = 0;
    Date date;
    std::optional<TimeOfDay> start;
    Field field = Field::Craving;
    int value = 0;
    friend bool operator==(const FieldPoint &, const FieldPoint &) = default;
};

struct ClientHistory
{
    Id clientId = 0;
    QString clientCode;
    QList<SessionThemes> sessions; // any order; the analysis sorts by date, start time, id
    QList<Measure> measures;
    // In session order (date, start time, session id), each session's value once: two notes of a
    // session that state different values give a point each.
    QList<FieldPoint> fields;
};

// A caseload in the analysis's dense form: themes numbered (themes[i] is the theme's id) and each
// session's themes inline as (number, hits) pairs, so a chart over 150,000 sessions is built
// without a map or a string per session.
struct CaseloadHistory
{
    using Themes = QVarLengthArray<std::pair<int, int>, 8>;
    struct Session
    {
        Id sessionId = 0;
        Date date;
        std::optional<TimeOfDay> start;
        bool attended = true;
        Themes themes; // (number, hits), numbers in any order
    };
    struct Client
    {
        Id id = 0;
        QString code;
        std::vector<Session> sessions;
    };
    QStringList themes;
    std::vector<Client> clients; // by code
    QList<Measure> measures; // every client's, in date order

    // The same caseload as one history per client (missed sessions as no-show).
    [[nodiscard]] QList<ClientHistory> perClient() const;
};

} // namespace uc::model
