// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervision.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

void printComment(const Invocation &line, model::Id comment)
{
    if (line.json())
        printJson(QJsonObject{{u"comment"_s, static_cast<double>(comment)}});
}

} // namespace

int superviseAssign(const Invocation &line)
{
    const QString therapist = line.value("therapist");
    const QString supervisor = line.value("supervisor");
    const auto mode = valid(model::parseSupervisionMode(line.value("mode")), "mode", u"review or must-cosign"_s);
    openVault(line)->supervision().assign(therapist, supervisor, mode);
    print(u"%1 supervises %2 (%3)"_s.arg(supervisor, therapist, model::toString(mode)));
    return 0;
}

int superviseList(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const model::Supervision &s : v->supervision().assignments()) {
        if (line.json())
            list.append(QJsonObject{{u"therapist"_s, s.therapist},
                                    {u"supervisor"_s, s.supervisor},
                                    {u"mode"_s, model::toString(s.mode)},
                                    {u"assigned_by"_s, s.assignedBy},
                                    {u"assigned_at"_s, s.assignedAt}});
        else
            print(u"%1  supervised by %2  %3  since %4"_s.arg(s.therapist.leftJustified(16), s.supervisor.leftJustified(16),
                                                            model::toString(s.mode).leftJustified(11), s.assignedAt.left(10)));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int queue(const Invocation &line)
{
    auto v = openVault(line);
    const QList<model::QueueItem> items = v->supervision().queue();
    const model::Date today = boost::gregorian::day_clock::universal_day();
    QJsonArray list;
    for (const model::QueueItem &q : items) {
        const auto signedOn = model::parseDate(q.signedAt.left(10));
        const int waiting = signedOn ? static_cast<int>((today - *signedOn).days()) : 0;
        const QString status = q.returned ? u"returned"_s : u"awaiting-cosign"_s;
        if (line.json()) {
            list.append(QJsonObject{{u"note"_s, static_cast<double>(q.noteId)},
                                    {u"client"_s, q.clientCode},
                                    {u"date"_s, model::toIso(q.sessionDate)},
                                    {u"therapist"_s, q.therapist},
                                    {u"supervisor"_s, q.supervisor},
                                    {u"mode"_s, model::toString(q.mode)},
                                    {u"signed_at"_s, q.signedAt},
                                    {u"waiting_days"_s, waiting},
                                    {u"status"_s, status},
                                    {u"comments"_s, q.comments},
                                    {u"open_risk"_s, q.openRisk}});
            continue;
        }
        const QString state = q.returned                                   ? u"returned, waiting for an addendum"_s
            : q.mode == model::SupervisionMode::MustCosign ? u"co-signature required"_s
                                                           : u"co-signature optional"_s;
        print(u"note %1  %2  %3  %4  signed %5 (%6 days)  %7%8%9"_s.arg(q.noteId, 6)
                  .arg(q.therapist.leftJustified(14), q.clientCode.leftJustified(10), model::toIso(q.sessionDate),
                       q.signedAt.left(10))
                  .arg(waiting)
                  .arg(state, q.comments > 0 ? u", %1 comments"_s.arg(q.comments) : QString(),
                       q.openRisk ? u"; open risk"_s : QString()));
    }
    if (line.json())
        printJson(list);
    else if (items.isEmpty())
        print(u"nothing waiting"_s);
    return 0;
}

int noteCosign(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    openVault(line)->supervision().cosign(id);
    return 0;
}

int noteReturn(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const QString text = readTextFile(line.value("comment-file"), u"comment file"_s);
    printComment(line, openVault(line)->supervision().returnNote(id, text));
    return 0;
}

int noteComment(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const QString text = readTextFile(line.value("text-file"), u"text file"_s);
    printComment(line, openVault(line)->supervision().comment(id, text));
    return 0;
}

} // namespace uc::cli
