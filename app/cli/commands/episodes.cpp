// SPDX-License-Identifier: GPL-3.0-or-later
#include "episodes.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

int episodeAdd(const Invocation &line)
{
    model::Episode e;
    e.clientCode = line.value("client");
    e.level = valid(model::parseLevel(line.value("level")), "level",
                    u"residential, intensive-outpatient, outpatient, aftercare or the practice's own (3 to 40 letters, "
                    "digits and '-')"_s);
    e.start = *dateOption(line, "start");
    e.end = dateOption(line, "end");
    if (line.has("service"))
        e.service = line.value("service");
    const model::Id id = openVault(line)->episodes().add(e);
    if (line.json())
        printJson(QJsonObject{{u"id"_s, static_cast<double>(id)}});
    else
        print(u"episode %1 added"_s.arg(id));
    return 0;
}

int episodeList(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const model::Episode &e : v->episodes().list(line.value("client"))) {
        if (line.json()) {
            list.append(QJsonObject{{u"id"_s, static_cast<double>(e.id)},
                                    {u"level"_s, e.level},
                                    {u"start"_s, model::toIso(e.start)},
                                    {u"end"_s, e.end ? QJsonValue(model::toIso(*e.end)) : QJsonValue(QJsonValue::Null)},
                                    {u"service"_s, e.service}});
            continue;
        }
        print(u"%1\t%2\t%3\t%4\t%5"_s.arg(e.id).arg(e.level, model::toIso(e.start),
                                                    e.end ? model::toIso(*e.end) : u"open"_s, e.service));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int episodeEnd(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const model::Date day = *dateOption(line, "date");
    openVault(line)->episodes().end(id, day);
    return 0;
}

} // namespace uc::cli
