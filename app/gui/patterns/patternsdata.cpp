// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternsdata.h"

#include "clientdata.h"
#include "conversions.h"

#include "common/error.h"
#include "model/measures.h"
#include "patterns/episoderange.h"
#include "patterns/findings.h"
#include "patterns/patterns.h"
#include "reports/palette.h"
#include "themes/codebook.h"
#include "vault/usedays.h"
#include "vault/vault.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <algorithm>

namespace uc::gui {

namespace {

using namespace Qt::StringLiterals;

std::optional<model::Date> dateOrNone(const QString &text, const char *what)
{
    if (text.trimmed().isEmpty())
        return std::nullopt;
    const auto date = model::parseDate(text.trimmed());
    if (!date)
        throw Error(ErrorKind::Usage, u"patterns"_s,
                    u"the %1 date must be a real date written as YYYY-MM-DD"_s.arg(QLatin1String(what)));
    return date;
}

QString monthName(int month)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return QLatin1String(months[month - 1]);
}

QString dayMonth(const model::Date &day)
{
    return u"%1 %2"_s.arg(static_cast<int>(day.day())).arg(monthName(day.month()));
}

QString dayMonthYear(const model::Date &day)
{
    return u"%1 %2"_s.arg(dayMonth(day)).arg(static_cast<int>(day.year()));
}

// Each substance's use days over the range analysed, and over each bucket of it. The days are those
// of the events' axis, up to today at the latest: a day not yet lived is not an unknown day.
QList<PatternUseDayRow> useDayRows(const QList<model::UseDay> &days, const patterns::Report &report, const QString &by)
{
    QList<PatternUseDayRow> rows;
    if (!report.from || !report.to || days.isEmpty())
        return rows;
    const model::Date today = boost::gregorian::day_clock::universal_day();
    const model::Date from = *report.from;
    const model::Date to = std::min(*report.to, today);
    for (const model::UseDayFigures &f : model::useDayFigures(days, from, to))
        rows.append({f, {}});
    model::Date next = from; // by session: the first day the next session's review covers
    for (const patterns::Bucket &b : report.buckets) {
        const model::Date start = by == u"session" ? next : b.period.start;
        const model::Date end = std::min(b.period.end, to);
        next = std::max(next, b.period.end + boost::gregorian::days(1));
        const QList<model::UseDayFigures> counted = model::useDayFigures(days, start, end);
        for (PatternUseDayRow &row : rows) {
            model::UseDayFigures f;
            f.substance = row.range.substance;
            f.from = start;
            f.to = end;
            for (const model::UseDayFigures &c : counted)
                if (c.substance == f.substance)
                    f = c;
            row.buckets.append(f);
        }
    }
    return rows;
}

} // namespace

QString noFindingsText(int tested)
{
    if (tested == 0)
        return u"No finding yet: no two themes to compare in this range."_s;
    return u"No finding passes the rules yet: %1 tested."_s.arg(tested == 1 ? u"1 pair"_s : u"%1 pairs"_s.arg(tested));
}

QString testedText(int tested)
{
    return u"%1 tested; a finding is shown only when it is unlikely to be chance over all of them."_s.arg(
        tested == 1 ? u"1 pair"_s : u"%1 pairs"_s.arg(tested));
}

QString levelName(const QString &level)
{
    QString words = level;
    words.replace(u'-', u' ');
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString episodeDates(const model::Date &start, const std::optional<model::Date> &end)
{
    if (!end)
        return u"from %1"_s.arg(dayMonthYear(start));
    if (start.year() == end->year())
        return u"%1 – %2"_s.arg(dayMonth(start), dayMonthYear(*end));
    return u"%1 – %2"_s.arg(dayMonthYear(start), dayMonthYear(*end));
}

QString bucketLabel(const QString &by, const model::Date &start)
{
    const int year = start.year();
    const int month = start.month();
    const QString name = monthName(month);
    if (by == u"week") {
        const patterns::IsoWeek week = patterns::isoWeek(start);
        return u"W%1 %2"_s.arg(week.week).arg(week.year);
    }
    if (by == u"month")
        return u"%1 %2"_s.arg(name).arg(year);
    if (by == u"quarter")
        return u"Q%1 %2"_s.arg((month - 1) / 3 + 1).arg(year);
    return dayMonthYear(start);
}

PatternsData loadPatterns(vault::Vault &vault, const QString &code, const QString &by, const QString &from,
                          const QString &to, model::Id episode)
{
    const auto client = vault.clients().find(code);
    if (!client)
        throw Error(ErrorKind::Usage, u"client"_s, u"no client with that code"_s);
    const auto bucketing = patterns::parseBucketing(by);
    if (!bucketing)
        throw Error(ErrorKind::Usage, u"patterns"_s, u"bucket by session, week, month or quarter"_s);
    patterns::Query query;
    query.by = *bucketing;
    query.from = dateOrNone(from, "from");
    query.to = dateOrNone(to, "to");
    if (episode != 0 && (query.from || query.to))
        throw Error(ErrorKind::Usage, u"patterns"_s, u"give an episode or a range of dates, not both"_s);
    const QList<model::Episode> episodes = vault.episodes().list(code);
    if (episode != 0)
        patterns::limitToEpisode(query, episodes, episode, u"episode"_s);
    const themes::Codebook &book = vault.tagging().codebook();
    query.driverLinks = patterns::driverLinksOf(book);

    // Progress notes only (the default): this view is also what a client may see in review mode.
    const patterns::ClientHistory history = vault.histories().client(code);
    const patterns::Report report = patterns::analyse(history, query);

    PatternsData out;
    out.palette = uc::reports::clientPalette(history);
    out.code = client->code;
    out.name = client->displayName;
    out.by = by;
    out.episode = episode;
    for (const model::Episode &e : episodes) {
        PatternEpisodeRow row;
        row.id = e.id;
        row.level = e.level;
        row.levelName = levelName(e.level);
        row.start = model::toIso(e.start);
        row.end = e.end ? model::toIso(*e.end) : QString();
        row.service = e.service;
        row.label = u"%1, %2"_s.arg(row.levelName, episodeDates(e.start, e.end));
        out.episodes.append(row);
    }
    out.from = report.from ? model::toIso(*report.from) : QString();
    out.to = report.to ? model::toIso(*report.to) : QString();
    for (const auto &s : history.sessions) {
        const QString date = model::toIso(s.date);
        if (out.recordFrom.isEmpty() || date < out.recordFrom)
            out.recordFrom = date;
        if (date > out.recordTo)
            out.recordTo = date;
    }

    for (const auto &[theme, s] : report.summary) {
        PatternThemeRow row;
        row.theme = theme;
        row.label = book.labelOf(theme);
        row.sessions = s.sessions;
        row.recurring = s.recurrenceIn >= recurringAtLeast;
        row.trend = patterns::toString(s.trend);
        out.themes.append(row);
    }
    std::stable_sort(out.themes.begin(), out.themes.end(), [](const PatternThemeRow &a, const PatternThemeRow &b) {
        if (a.sessions != b.sessions)
            return a.sessions > b.sessions;
        return a.label < b.label;
    });

    for (const patterns::Bucket &b : report.buckets) {
        PatternBucketRow row;
        row.start = model::toIso(b.period.start);
        row.end = model::toIso(b.period.end);
        row.label = bucketLabel(by, b.period.start);
        row.sessions = b.sessions;
        for (const auto &[theme, count] : b.themes)
            row.themes.emplace(theme, count.sessions);
        out.buckets.append(row);
    }

    // The heatmap is always by session, over the same range.
    QList<patterns::SessionThemes> sessions = history.sessions;
    std::sort(sessions.begin(), sessions.end(), [](const auto &a, const auto &b) {
        if (a.date != b.date)
            return a.date < b.date;
        return a.sessionId < b.sessionId;
    });
    for (const auto &s : std::as_const(sessions)) {
        if (!s.attended() || (report.from && s.date < *report.from) || (report.to && s.date > *report.to))
            continue;
        out.sessions.append({model::toIso(s.date), s.themes});
    }

    out.cooccurrence = patterns::shownSentences(report.cooccurrence, book);
    out.leadLag = patterns::shownSentences(report.leadLag, book);
    out.tested = report.tested;

    for (const model::Instrument &instrument : model::instruments()) {
        const auto found = report.measures.find(instrument.id);
        if (found == report.measures.end() || found->second.isEmpty())
            continue;
        PatternMeasureRow row;
        row.instrument = instrument.id;
        row.name = instrument.name;
        row.maximum = model::maxTotal(instrument.id);
        for (const patterns::MeasurePoint &p : found->second) {
            row.dates.append(model::toIso(p.date));
            row.totals.append(p.total);
            row.bands.append(p.band);
        }
        out.measures.append(row);
    }

    // The events on the axis drawn: the range asked for (or the episode's dates), within the range
    // analysed (whole buckets may reach past the dates asked for: an event there is not drawn).
    if (report.from && report.to) {
        for (model::TreatmentEvent &e : vault.treatmentEvents().list(code)) {
            const bool asked = (!query.from || *query.from <= e.date) && (!query.to || e.date <= *query.to);
            if (asked && *report.from <= e.date && e.date <= *report.to)
                out.events.append(std::move(e));
        }
    }

    // Use days as the vault lists them, counted over the same days as the events.
    out.useDays = useDayRows(vault.useDays().list(code), report, by);

    if (const auto summary = vault.clients().shareableSummary(code)) {
        out.summary = summary->text;
        out.summaryUpdated = summary->updated;
    }
    return out;
}

} // namespace uc::gui
