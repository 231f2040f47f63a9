// SPDX-License-Identifier: GPL-3.0-or-later
// A report as JSON: the form `patterns --json` prints and the contract tests read.
#include "patterns/patterns.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace uc::patterns {

namespace {

using model::Date;

// p and q in JSON: four significant digits, rounded up so a figure never looks stronger than the
// one the rules used (the factor keeps 0.7500000000000001 at 0.75).
double significant4Up(double value)
{
    if (value <= 0.0 || value >= 1.0)
        return std::clamp(value, 0.0, 1.0);
    if (value < 1e-290) // the scale below would overflow
        return value;
    const double scale = std::pow(10.0, 3 - std::floor(std::log10(value)));
    return std::min(1.0, std::ceil(value * scale * (1.0 - 1e-12)) / scale);
}

QString iso(const std::optional<Date> &date)
{
    return date ? model::toIso(*date) : QString();
}

} // namespace

QJsonObject toJson(const Report &report, const QString &subjectKey, const QString &subject)
{
    const bool perClient = subjectKey == u"client";
    QJsonArray buckets;
    for (const Bucket &b : report.buckets) {
        QJsonObject themes;
        for (const auto &[theme, count] : b.themes)
            themes.insert(theme, QJsonObject{{QStringLiteral("sessions"), count.sessions}, {QStringLiteral("hits"), count.hits}});
        QJsonObject bucket{{QStringLiteral("start"), model::toIso(b.period.start)},
                           {QStringLiteral("end"), model::toIso(b.period.end)},
                           {QStringLiteral("sessions"), b.sessions},
                           {QStringLiteral("themes"), themes}};
        if (report.by == Bucketing::Session)
            bucket.insert(QStringLiteral("session"), static_cast<double>(b.sessionId));
        buckets.append(bucket);
    }
    QJsonObject summary;
    for (const auto &[theme, t] : report.summary) {
        QJsonObject s{{QStringLiteral("first_seen"), model::toIso(t.firstSeen)},
                      {QStringLiteral("last_seen"), model::toIso(t.lastSeen)},
                      {QStringLiteral("sessions"), t.sessions}};
        if (perClient) {
            s.insert(QStringLiteral("recurrence"),
                     QJsonObject{{QStringLiteral("last"), t.recurrenceLast}, {QStringLiteral("in"), t.recurrenceIn}});
            s.insert(QStringLiteral("trend"), toString(t.trend));
        }
        summary.insert(theme, s);
    }
    QJsonArray cooccurrence;
    for (const Cooccurrence &c : report.cooccurrence)
        cooccurrence.append(QJsonObject{{QStringLiteral("a"), c.a},
                                        {QStringLiteral("b"), c.b},
                                        {QStringLiteral("sessions"), c.sessions},
                                        {QStringLiteral("lift"), c.lift},
                                        {QStringLiteral("p"), significant4Up(c.p)},
                                        {QStringLiteral("q"), significant4Up(c.q)},
                                        {QStringLiteral("shown"), c.shown}});
    QJsonArray leadlag;
    for (const LeadLag &l : report.leadLag)
        leadlag.append(QJsonObject{{QStringLiteral("theme"), l.theme},
                                   {QStringLiteral("followed_by"), l.followedBy},
                                   {QStringLiteral("count"), l.count},
                                   {QStringLiteral("of"), l.of},
                                   {QStringLiteral("base_rate"), l.baseRate},
                                   {QStringLiteral("p"), significant4Up(l.p)},
                                   {QStringLiteral("q"), significant4Up(l.q)},
                                   {QStringLiteral("shown"), l.shown}});
    QJsonObject measures;
    for (const auto &[instrument, points] : report.measures) {
        QJsonArray series;
        for (const MeasurePoint &p : points)
            series.append(QJsonObject{{QStringLiteral("date"), model::toIso(p.date)},
                                      {QStringLiteral("total"), p.total},
                                      {QStringLiteral("band"), p.band}});
        measures.insert(instrument, series);
    }
    QJsonObject reliableChange;
    for (const auto &[instrument, change] : report.reliableChange)
        reliableChange.insert(instrument, model::toJson(change));
    QJsonArray gaps;
    for (int g : report.attendance.gapsDays)
        gaps.append(g);
    const auto dateOrNull = [](const std::optional<Date> &d) { return d ? QJsonValue(iso(d)) : QJsonValue(QJsonValue::Null); };
    QJsonObject json{{subjectKey, subject},
                       {QStringLiteral("by"), toString(report.by)},
                       {QStringLiteral("from"), dateOrNull(report.from)},
                       {QStringLiteral("to"), dateOrNull(report.to)},
                       {QStringLiteral("buckets"), buckets},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("cooccurrence"), cooccurrence},
                       {QStringLiteral("leadlag"), leadlag},
                       {QStringLiteral("tested"), report.tested},
                       {QStringLiteral("measures"), measures},
                       {QStringLiteral("attendance"),
                        QJsonObject{{QStringLiteral("attended"), report.attendance.attended},
                                    {QStringLiteral("missed"), report.attendance.missed},
                                    {QStringLiteral("gaps_days"), gaps},
                                    {QStringLiteral("longest_gap_days"), report.attendance.longestGapDays}}}};
    if (perClient)
        json.insert(QStringLiteral("reliable_change"), reliableChange);
    return json;
}

} // namespace uc::patterns
