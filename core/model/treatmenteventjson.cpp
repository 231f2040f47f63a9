// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/treatmenteventjson.h"

#include <QJsonValue>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace uc::model {

namespace {

// The keys of each kind beside date, kind and note.
QStringList kindKeys(const QString &kind)
{
    if (kind == u"mutual-help"_s)
        return {u"program"_s};
    if (kind == u"group"_s)
        return {u"group"_s};
    if (kind == u"mat"_s)
        return {u"medication"_s, u"change"_s, u"dose"_s, u"unit"_s};
    if (kind == u"drug-screen"_s)
        return {u"substance"_s, u"result"_s, u"method"_s};
    return {};
}

} // namespace

QJsonObject treatmentEventJson(const TreatmentEvent &e, bool withId)
{
    QJsonObject out{{u"date"_s, toIso(e.date)}, {u"kind"_s, e.kind}, {u"note"_s, e.note}};
    if (withId)
        out.insert(u"id"_s, static_cast<double>(e.id));
    if (e.kind == u"mutual-help"_s) {
        out.insert(u"program"_s, e.program);
    } else if (e.kind == u"group"_s) {
        out.insert(u"group"_s, e.group);
    } else if (e.kind == u"mat"_s) {
        out.insert(u"medication"_s, e.medication);
        out.insert(u"change"_s, e.change);
        out.insert(u"dose"_s, e.dose ? QJsonValue(*e.dose) : QJsonValue(QJsonValue::Null));
        out.insert(u"unit"_s, e.unit);
    } else if (e.kind == u"drug-screen"_s) {
        out.insert(u"substance"_s, e.substance);
        out.insert(u"result"_s, e.result);
        out.insert(u"method"_s, e.method);
    }
    return out;
}

std::optional<TreatmentEvent> treatmentEventFromJson(const QJsonObject &json, QString *problem)
{
    const auto fail = [problem](const QString &why) -> std::optional<TreatmentEvent> {
        *problem = why;
        return std::nullopt;
    };
    TreatmentEvent e;
    e.kind = json.value(u"kind"_s).toString();
    if (!treatmentEventKinds().contains(e.kind))
        return fail(u"\"kind\" is not a treatment event's kind"_s);
    const QStringList own = kindKeys(e.kind);
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key != u"date"_s && key != u"kind"_s && key != u"note"_s && !own.contains(key))
            return fail(u"\"%1\" is not a key of a %2 event"_s.arg(key, e.kind));
        if (key == u"dose"_s) {
            if (!it->isDouble() && !it->isNull())
                return fail(u"\"dose\" is a number or null"_s);
        } else if (!it->isString()) {
            return fail(u"\"%1\" is a string"_s.arg(key));
        }
    }
    const auto date = parseDate(json.value(u"date"_s).toString());
    if (!date)
        return fail(u"\"date\" is not a date (YYYY-MM-DD)"_s);
    e.date = *date;
    e.note = json.value(u"note"_s).toString();
    e.program = json.value(u"program"_s).toString();
    e.group = json.value(u"group"_s).toString();
    e.medication = json.value(u"medication"_s).toString();
    e.change = json.value(u"change"_s).toString();
    if (json.value(u"dose"_s).isDouble())
        e.dose = json.value(u"dose"_s).toDouble();
    e.unit = json.value(u"unit"_s).toString();
    e.substance = json.value(u"substance"_s).toString();
    e.result = json.value(u"result"_s).toString();
    e.method = json.value(u"method"_s).toString();
    if (const auto invalid = treatmentEventProblem(e))
        return fail(*invalid);
    return e;
}

} // namespace uc::model
