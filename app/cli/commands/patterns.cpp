// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "model/treatmenteventjson.h"
#include "model/usedayfigures.h"
#include "patterns/episoderange.h"
#include "patterns/fieldseries.h"
#include "patterns/findings.h"
#include "patterns/patterns.h"
#include "themes/codebook.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

// Plain words for a terminal: the summary and the findings; --json has every bucket.
void printPlain(const patterns::Report &report, const QJsonObject &out, bool caseload, const themes::Codebook &book)
{
    const QJsonObject attendance = out.value("attendance"_L1).toObject();
    print(u"%1 by %2, %3 to %4: %5 sessions attended, %6 missed"_s
              .arg(caseload ? u"caseload"_s : out.value("client"_L1).toString(), out.value("by"_L1).toString(),
                   out.value("from"_L1).toString(), out.value("to"_L1).toString())
              .arg(attendance.value("attended"_L1).toInt())
              .arg(attendance.value("missed"_L1).toInt()));
    const QJsonObject summary = out.value("summary"_L1).toObject();
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        const QJsonObject t = it.value().toObject();
        QString text = u"  %1  %2 sessions, %3 to %4"_s.arg(it.key().leftJustified(24))
                           .arg(t.value("sessions"_L1).toInt())
                           .arg(t.value("first_seen"_L1).toString(), t.value("last_seen"_L1).toString());
        if (t.contains("trend"_L1)) {
            const QJsonObject r = t.value("recurrence"_L1).toObject();
            text += u"; %1 of the last %2; %3"_s.arg(r.value("in"_L1).toInt())
                        .arg(r.value("last"_L1).toInt())
                        .arg(t.value("trend"_L1).toString());
        }
        print(text);
    }
    // Findings only: the pairs that pass every rule (docs/patterns.md, "Findings"), strongest first.
    const auto shownOf = [](const auto &list) {
        return std::count_if(list.begin(), list.end(), [](const auto &pair) { return pair.shown; });
    };
    print(u"Before use or relapse: %1 finding(s) (%2 pairs tested in all, false discovery rate 5%)"_s.arg(shownOf(report.leadLag)).arg(report.tested));
    for (const patterns::LeadLag &l : report.leadLag) {
        if (l.shown)
            print(u"  "_s + patterns::findingSentence(l, book));
    }
    print(u"Found together: %1 finding(s)"_s.arg(shownOf(report.cooccurrence)));
    for (const patterns::Cooccurrence &c : report.cooccurrence) {
        if (c.shown)
            print(u"  "_s + patterns::findingSentence(c, book));
    }
}

} // namespace

int showPatterns(const Invocation &line)
{
    const QString what = line.what();
    const bool caseload = line.has("caseload");
    if (caseload == line.has("client"))
        throw Error(ErrorKind::Usage, what, u"give --client C or --caseload"_s);
    if (!caseload && line.has("therapist"))
        throw Error(ErrorKind::Usage, what, u"--therapist is for --caseload"_s);
    if (caseload && line.has("include-process-notes"))
        throw Error(ErrorKind::Usage, what, u"--include-process-notes is for --client"_s);
    if (caseload && line.has("episode"))
        throw Error(ErrorKind::Usage, what, u"--episode is for --client"_s);
    if (line.has("episode") && (line.has("from") || line.has("to")))
        throw Error(ErrorKind::Usage, what, u"give --episode or --from/--to, not both"_s);
    patterns::Query query;
    query.by = valid(patterns::parseBucketing(line.value("by")), "by", u"session, week, month or quarter"_s);
    query.from = dateOption(line, "from");
    query.to = dateOption(line, "to");
    if (query.from && query.to && *query.to < *query.from)
        throw Error(ErrorKind::Usage, what, u"--from is later than --to"_s);
    if (caseload && query.by == patterns::Bucketing::Session)
        throw Error(ErrorKind::Usage, what, u"a caseload is bucketed by week, month or quarter"_s);
    auto v = openVault(line);
    query.driverLinks = patterns::driverLinksOf(v->tagging().codebook());
    patterns::Report report;
    QJsonObject out;
    if (caseload) {
        std::optional<model::Id> therapist;
        QString subject = u"all"_s;
        if (line.has("therapist")) {
            subject = line.value("therapist");
            for (const model::User &u : v->users()) {
                if (u.name == subject)
                    therapist = u.id;
            }
            if (!therapist)
                throw Error(ErrorKind::Usage, what, u"no user with that name"_s);
        }
        report = patterns::analyseCaseload(v->histories().caseload(therapist), query);
        out = patterns::toJson(report, u"caseload"_s, subject);
    } else {
        const QString code = line.value("client");
        const QList<model::Episode> episodes = v->episodes().list(code);
        std::optional<model::Episode> episode;
        if (line.has("episode")) {
            const model::Id id = valid(idOption(line, "episode"), "episode", u"an episode's id"_s);
            episode = patterns::limitToEpisode(query, episodes, id, u"--episode"_s);
        }
        const model::ClientHistory history = v->histories().client(code, line.has("include-process-notes"));
        report = patterns::analyse(history, query);
        out = patterns::toJson(report, u"client"_s, code);
        // Typed fields as series (docs/patterns.md, "Structured fields").
        out.insert(u"fields"_s, patterns::fieldsJson(history.fields, query));
        // Risk on the record (docs/risk.md): every flag the reader may see, present or denied.
        QJsonArray risk;
        for (const model::RiskFlag &f : v->risk().forClient(code))
            risk.append(QJsonObject{{u"date"_s, model::toIso(f.date)},
                                    {u"id"_s, f.risk},
                                    {u"status"_s, f.present ? u"present"_s : u"denied"_s},
                                    {u"note"_s, f.noteId != 0 ? QJsonValue(static_cast<double>(f.noteId))
                                                              : QJsonValue(QJsonValue::Null)}});
        out.insert(u"risk"_s, risk);
        // The course of care, for charts to shade; and the episode the figures are limited to.
        QJsonArray course;
        for (const model::Episode &e : episodes)
            course.append(QJsonObject{{u"id"_s, static_cast<double>(e.id)},
                                      {u"level"_s, e.level},
                                      {u"start"_s, model::toIso(e.start)},
                                      {u"end"_s, e.end ? QJsonValue(model::toIso(*e.end)) : QJsonValue(QJsonValue::Null)}});
        out.insert(u"episodes"_s, course);
        out.insert(u"episode"_s, episode ? QJsonValue(static_cast<double>(episode->id)) : QJsonValue(QJsonValue::Null));
        // Other treatment on the same axis (docs/treatment-events.md), within --from/--to or the episode.
        QJsonArray events;
        for (const model::TreatmentEvent &e : v->treatmentEvents().list(code)) {
            if ((!query.from || *query.from <= e.date) && (!query.to || e.date <= *query.to))
                events.append(model::treatmentEventJson(e));
        }
        out.insert(u"events"_s, events);
        // Use days per substance (docs/use-days.md), over --from/--to or the episode: from the first
        // day recorded, to today when open.
        QJsonArray useDays;
        for (const model::UseDayFigures &f : model::useDayFigures(v->useDays().list(code), query.from, query.to,
                                                                  boost::gregorian::day_clock::universal_day()))
            useDays.append(model::useDayFiguresJson(f));
        out.insert(u"use_days"_s, useDays);
    }
    if (line.json())
        printJson(out);
    else
        printPlain(report, out, caseload, v->tagging().codebook());
    return 0;
}

} // namespace uc::cli
