// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternsdata.h"

#include "clientdata.h"
#include "conversions.h"

#include "common/error.h"
#include "model/measures.h"
#include "patterns/patterns.h"
#include "themes/codebook.h"
#include "vault/vault.h"

#include <algorithm>
#include <cmath>

namespace uc::gui {

namespace {

using namespace Qt::StringLiterals;

// A label in the middle of a sentence: "Abandonment" → "abandonment", "AA meetings" stays.
QString inSentence(const QString &label)
{
    if (label.size() > 1 && label.at(0).isUpper() && label.at(1).isLower())
        return label.at(0).toLower() + label.mid(1);
    return label;
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

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

} // namespace

QString cooccurrenceSentence(const QString &a, const QString &b, int sessions, double lift)
{
    QString text = u"%1 and %2 came up together in %3"_s.arg(capitalised(a), inSentence(b))
                       .arg(sessions == 1 ? u"1 session"_s : u"%1 sessions"_s.arg(sessions));
    if (lift >= 1.05)
        text += u", %1 times as often as chance would give"_s.arg(QString::number(lift, 'f', 1));
    else if (lift <= 0.95)
        text += u", less often than chance would give"_s;
    else
        text += u", about as often as chance would give"_s;
    return text + u'.';
}

QString leadLagSentence(const QString &theme, const QString &followedBy, int count, int of, double baseRate)
{
    return u"%1 came before %2 in %3 of %4 sessions (base rate %5%)."_s.arg(capitalised(theme), inSentence(followedBy))
        .arg(count)
        .arg(of)
        .arg(static_cast<int>(std::lround(baseRate * 100.0)));
}

bool leadLagAboveBase(int count, int of, double baseRate)
{
    return count >= 2 && of > 0 && static_cast<double>(count) / of > baseRate;
}

QString bucketLabel(const QString &by, const model::Date &start)
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const int year = start.year();
    const int month = start.month();
    const QString monthName = QLatin1String(months[month - 1]);
    if (by == u"week") {
        const patterns::IsoWeek week = patterns::isoWeek(start);
        return u"W%1 %2"_s.arg(week.week).arg(week.year);
    }
    if (by == u"month")
        return u"%1 %2"_s.arg(monthName).arg(year);
    if (by == u"quarter")
        return u"Q%1 %2"_s.arg((month - 1) / 3 + 1).arg(year);
    return u"%1 %2 %3"_s.arg(static_cast<int>(start.day())).arg(monthName).arg(year);
}

PatternsData loadPatterns(vault::Vault &vault, const QString &code, const QString &by, const QString &from,
                          const QString &to)
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

    // Progress notes only (the default): this view is also what a client may see in review mode.
    const patterns::ClientHistory history = vault.histories().client(code);
    const patterns::Report report = patterns::analyse(history, query);
    const themes::Codebook &book = vault.tagging().codebook();

    PatternsData out;
    out.code = client->code;
    out.name = client->displayName;
    out.by = by;
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
        row.label = labelOf(book, theme);
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

    for (const patterns::Cooccurrence &c : report.cooccurrence)
        out.cooccurrence.append(cooccurrenceSentence(labelOf(book, c.a), labelOf(book, c.b), c.sessions, c.lift));
    for (const patterns::LeadLag &l : report.leadLag) {
        if (leadLagAboveBase(l.count, l.of, l.baseRate))
            out.leadLag.append(leadLagSentence(labelOf(book, l.theme), labelOf(book, l.followedBy), l.count, l.of,
                                               l.baseRate));
    }

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

    if (const auto summary = vault.clients().shareableSummary(code)) {
        out.summary = summary->text;
        out.summaryUpdated = summary->updated;
    }
    return out;
}

} // namespace uc::gui
