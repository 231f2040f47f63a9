// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/usedayjson.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace uc::model {

QJsonObject useDayJson(const UseDay &d, bool listed)
{
    QJsonObject out {
        { u"date"_s, toIso(d.date) }, { u"substance"_s, d.substance },
        { u"used"_s, d.used },        { u"amount"_s, d.amount ? QJsonValue(*d.amount) : QJsonValue(QJsonValue::Null) },
        { u"unit"_s, d.unit },        { u"source"_s, d.source }
    };
    if (listed) {
        out.insert(u"id"_s, d.implied() ? QJsonValue(QJsonValue::Null) : QJsonValue(static_cast<double>(d.id)));
        out.insert(u"recorded_by"_s, d.recordedBy);
        out.insert(u"implied"_s, d.implied());
        const auto idOrNull = [](Id id) { return id != 0 ? QJsonValue(static_cast<double>(id)) : QJsonValue(); };
        out.insert(u"note"_s, idOrNull(d.note));
        out.insert(u"note_date"_s, d.implied() ? QJsonValue(toIso(d.noteDate)) : QJsonValue());
        out.insert(u"addendum"_s, idOrNull(d.addendum));
        QJsonArray against;
        for (Id note : d.contradicts)
            against.append(static_cast<double>(note));
        out.insert(u"contradicts"_s, against);
    }
    return out;
}

std::optional<UseDay> useDayFromJson(const QJsonObject &json, const Date &today, QString *problem)
{
    const auto fail = [problem](const QString &why) -> std::optional<UseDay> {
        *problem = why;
        return std::nullopt;
    };
    static const QStringList keys { u"date"_s, u"substance"_s, u"used"_s, u"amount"_s, u"unit"_s, u"source"_s };
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!keys.contains(it.key()))
            return fail(u"\"%1\" is not a key of a use day"_s.arg(it.key()));
    }
    for (const QString &key : keys) {
        if (!json.contains(key))
            return fail(u"a use day needs \"%1\""_s.arg(key));
    }
    const QJsonValue amount = json.value(u"amount"_s);
    if (!json.value(u"used"_s).isBool())
        return fail(u"\"used\" is true or false"_s);
    if (!amount.isDouble() && !amount.isNull())
        return fail(u"\"amount\" is a number or null"_s);
    for (const char *key : { "date", "substance", "unit", "source" }) {
        if (!json.value(QLatin1String(key)).isString())
            return fail(u"\"%1\" is a string"_s.arg(QLatin1String(key)));
    }
    const auto date = parseDate(json.value(u"date"_s).toString());
    if (!date)
        return fail(u"\"date\" is not a date (YYYY-MM-DD)"_s);
    UseDay d;
    d.date = *date;
    d.substance = json.value(u"substance"_s).toString();
    d.used = json.value(u"used"_s).toBool();
    if (amount.isDouble())
        d.amount = amount.toDouble();
    d.unit = json.value(u"unit"_s).toString();
    d.source = json.value(u"source"_s).toString();
    if (const auto invalid = useDayProblem(d, today))
        return fail(*invalid);
    return d;
}

} // namespace uc::model
