// SPDX-License-Identifier: GPL-3.0-or-later
// The demo practice's data: its cast, the phrase pools its notes are written from and the events
// in its clients' lives, in core/demo/practice.json, compiled in (practice_data.cpp.in).
#include "demo/script.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

extern const char *const ucDemoPractice;

namespace uc::demo::script {

namespace {

struct Data
{
    QList<Profile> cast;
    QHash<QString, QStringList> pools;
    QHash<QString, QList<Event>> events;
};

Date dateOf(const QJsonValue &value)
{
    const auto date = model::parseDate(value.toString());
    Q_ASSERT_X(date, "practice.json", "a date written as YYYY-MM-DD");
    return date.value_or(Date());
}

Stretch stretchOf(const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    return {dateOf(o.value(QLatin1String("from"))), dateOf(o.value(QLatin1String("to")))};
}

std::optional<Stretch> optionalStretch(const QJsonValue &value)
{
    return value.isObject() ? std::optional(stretchOf(value)) : std::nullopt;
}

boost::date_time::weekdays weekdayOf(const QString &name)
{
    static const QStringList names{u"Sun"_s, u"Mon"_s, u"Tue"_s, u"Wed"_s, u"Thu"_s, u"Fri"_s, u"Sat"_s};
    Q_ASSERT_X(names.contains(name), "practice.json", "a weekday written Mon, Tue …");
    return static_cast<boost::date_time::weekdays>(std::max<qsizetype>(0, names.indexOf(name)));
}

Story storyOf(const QString &name)
{
    static const QHash<QString, Story> stories{{u"abandonment-relapse"_s, Story::AbandonmentRelapse},
                                               {u"anxious-use"_s, Story::AnxiousUse},
                                               {u"grief-drinking"_s, Story::GriefDrinking},
                                               {u"family-shame"_s, Story::FamilyShame},
                                               {u"gambling"_s, Story::Gambling},
                                               {u"stable-aftercare"_s, Story::StableAftercare},
                                               {u"anger-cannabis"_s, Story::AngerCannabis},
                                               {u"opioid-mat"_s, Story::OpioidMat}};
    Q_ASSERT_X(stories.contains(name), "practice.json", "a known story");
    return stories.value(name, Story::StableAftercare);
}

Run runOf(const QJsonObject &o)
{
    Run run;
    run.when = stretchOf(o);
    run.weekday = weekdayOf(o.value(QLatin1String("weekday")).toString());
    run.everyWeeks = o.value(QLatin1String("everyWeeks")).toInt(1);
    const model::TimeOfDay time = model::parseTime(o.value(QLatin1String("time")).toString()).value_or(model::TimeOfDay());
    run.hour = static_cast<int>(time.hours());
    run.minute = static_cast<int>(time.minutes());
    run.setting = model::parseSetting(o.value(QLatin1String("setting")).toString()).value_or(Setting::Outpatient);
    run.videoEvery = o.value(QLatin1String("videoEvery")).toInt(0);
    return run;
}

Profile profileOf(const QJsonObject &o)
{
    Profile who;
    who.code = o.value(QLatin1String("code")).toString();
    who.name = o.value(QLatin1String("name")).toString();
    who.she = o.value(QLatin1String("she")).toBool();
    who.story = storyOf(o.value(QLatin1String("story")).toString());
    who.summary = o.value(QLatin1String("summary")).toString();
    for (const QJsonValue &run : o.value(QLatin1String("runs")).toArray())
        who.runs.append(runOf(run.toObject()));
    who.residentialGroup = optionalStretch(o.value(QLatin1String("residentialGroup")));
    who.aftercareGroup = optionalStretch(o.value(QLatin1String("aftercareGroup")));
    if (o.value(QLatin1String("discharged")).isString())
        who.discharged = dateOf(o.value(QLatin1String("discharged")));
    who.substanceUse = o.value(QLatin1String("substanceUse")).toBool();
    for (const QJsonValue &instrument : o.value(QLatin1String("instruments")).toArray())
        who.instruments.append(instrument.toString());
    who.plan = o.value(QLatin1String("plan")).toObject();
    return who;
}

const Data &data()
{
    static const Data parsed = [] {
        Data d;
        QJsonParseError error{};
        const QJsonObject root = QJsonDocument::fromJson(QByteArray(ucDemoPractice), &error).object();
        Q_ASSERT_X(error.error == QJsonParseError::NoError, "practice.json", "well-formed JSON");
        for (const QJsonValue &client : root.value(QLatin1String("clients")).toArray())
            d.cast.append(profileOf(client.toObject()));
        const QJsonObject pools = root.value(QLatin1String("pools")).toObject();
        for (auto it = pools.begin(); it != pools.end(); ++it) {
            QStringList phrases;
            for (const QJsonValue &phrase : it.value().toArray())
                phrases.append(phrase.toString());
            d.pools.insert(it.key(), phrases);
        }
        const QJsonObject events = root.value(QLatin1String("events")).toObject();
        for (auto it = events.begin(); it != events.end(); ++it) {
            QList<Event> list;
            for (const QJsonValue &event : it.value().toArray())
                list.append({stretchOf(event), event.toObject().value(QLatin1String("text")).toString()});
            d.events.insert(it.key(), list);
        }
        return d;
    }();
    return parsed;
}

} // namespace

QList<Profile> cast()
{
    return data().cast;
}

const QStringList &pool(const char *name)
{
    const auto it = data().pools.constFind(QLatin1String(name));
    Q_ASSERT_X(it != data().pools.cend(), "practice.json", name);
    static const QStringList none;
    return it != data().pools.cend() ? *it : none;
}

const QList<Event> &events(const char *who)
{
    const auto it = data().events.constFind(QLatin1String(who));
    static const QList<Event> none;
    return it != data().events.cend() ? *it : none;
}

} // namespace uc::demo::script
