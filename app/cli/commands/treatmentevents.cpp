// SPDX-License-Identifier: GPL-3.0-or-later
#include "treatmentevents.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "model/treatmenteventjson.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

int eventAdd(const Invocation &line)
{
    model::TreatmentEvent e;
    e.clientCode = line.value("client");
    e.kind = line.value("kind");
    if (!model::treatmentEventKinds().contains(e.kind))
        throw Error(ErrorKind::Io, u"--kind"_s, u"must be mutual-help, group, mat or drug-screen"_s);
    e.date = *dateOption(line, "date");
    e.program = line.value("program");
    e.group = line.value("group");
    e.medication = line.value("medication");
    e.change = line.value("change");
    if (line.has("dose")) {
        bool ok = false;
        const double dose = line.value("dose").toDouble(&ok);
        if (!ok)
            throw Error(ErrorKind::Io, u"--dose"_s, u"must be a number (8, 0.5)"_s);
        e.dose = dose;
    }
    e.unit = line.value("unit");
    e.substance = line.value("substance");
    e.result = line.value("result");
    e.method = line.value("method");
    if (line.has("note-file"))
        e.note = readTextFile(line.value("note-file"), u"note file"_s).trimmed();
    const model::Id id = openVault(line)->treatmentEvents().add(e);
    if (line.json())
        printJson(QJsonObject{{u"id"_s, static_cast<double>(id)}});
    else
        print(u"event %1 added"_s.arg(id));
    return 0;
}

int eventList(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const model::TreatmentEvent &e : v->treatmentEvents().list(line.value("client"))) {
        if (line.json())
            list.append(model::treatmentEventJson(e));
        else
            print(u"%1\t%2"_s.arg(e.id).arg(e.summary()));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int eventDelete(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    openVault(line)->treatmentEvents().remove(id);
    print(u"event %1 deleted"_s.arg(id));
    return 0;
}

} // namespace uc::cli
