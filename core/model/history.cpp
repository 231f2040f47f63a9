// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/history.h"

namespace uc::model {

bool SessionThemes::attended() const
{
    return attendance == Attendance::Attended || attendance == Attendance::Late;
}

QList<ClientHistory> CaseloadHistory::perClient() const
{
    QList<ClientHistory> list;
    for (const Client &client : clients) {
        ClientHistory c;
        c.clientId = client.id;
        c.clientCode = client.code;
        for (const Session &r : client.sessions) {
            SessionThemes s;
            s.sessionId = r.sessionId;
            s.date = r.date;
            s.start = r.start;
            s.attendance = r.attended ? Attendance::Attended : Attendance::NoShow;
            for (const auto &[number, hits] : r.themes)
                s.themes[themes[number]] += hits;
            c.sessions.append(std::move(s));
        }
        for (const Measure &m : measures) {
            if (m.clientId == c.clientId)
                c.measures.append(m);
        }
        list.append(std::move(c));
    }
    return list;
}

} // namespace uc::model
