// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/patterns.h"

#include "common/error.h"
#include "patterns/findings.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <vector>

namespace uc::patterns {

namespace {

using model::Date;

double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

// The analysis works on theme numbers rather than names: a caseload has hundreds of thousands of
// session × theme pairs, and string compares and a map per session were most of the time. A
// session's themes live inline (a note raises a handful): the vault's dense caseload form.
using Themes = model::CaseloadHistory::Themes;
using RawSession = model::CaseloadHistory::Session;

struct Raw
{
    std::vector<std::vector<RawSession>> clients;
    QStringList names; // theme number → id: first-appearance order, sorted by normalise()
    QHash<QString, int> numbers;
    QList<model::Measure> measures;
    int number(const QString &theme)
    {
        auto it = numbers.find(theme);
        if (it == numbers.end()) {
            it = numbers.insert(theme, static_cast<int>(names.size()));
            names.append(theme);
        }
        return it.value();
    }
};

// Renumbers the themes in name order and sorts each session's by number, so that every list built
// from numbers comes out sorted by name and a session's themes can be binary-searched.
void normalise(Raw &raw)
{
    QStringList sorted = raw.names;
    std::sort(sorted.begin(), sorted.end());
    std::vector<int> renumber(static_cast<std::size_t>(raw.names.size()));
    for (int i = 0; i < sorted.size(); ++i)
        renumber[static_cast<std::size_t>(raw.numbers.value(sorted[i]))] = i;
    for (auto &sessions : raw.clients) {
        for (RawSession &s : sessions) {
            for (auto &theme : s.themes)
                theme.first = renumber[static_cast<std::size_t>(theme.first)];
            std::sort(s.themes.begin(), s.themes.end());
        }
    }
    raw.names = sorted;
    for (int i = 0; i < sorted.size(); ++i)
        raw.numbers[sorted[i]] = i;
}

Raw rawOf(const QList<const ClientHistory *> &clients)
{
    Raw raw;
    for (const ClientHistory *c : clients) {
        std::vector<RawSession> sessions;
        sessions.reserve(static_cast<std::size_t>(c->sessions.size()));
        for (const SessionThemes &s : c->sessions) {
            RawSession r{s.sessionId, s.date, s.start, s.attended(), {}};
            for (const auto &[theme, hits] : s.themes)
                r.themes.emplace_back(raw.number(theme), hits);
            sessions.push_back(std::move(r));
        }
        raw.clients.push_back(std::move(sessions));
        raw.measures.append(c->measures);
    }
    normalise(raw);
    return raw;
}

// Session order: date, then start time (a session without one first), then id.
bool earlier(const RawSession &a, const RawSession &b)
{
    if (a.date != b.date)
        return a.date < b.date;
    if (a.start.has_value() != b.start.has_value())
        return !a.start.has_value();
    if (a.start && *a.start != *b.start)
        return *a.start < *b.start;
    return a.sessionId < b.sessionId;
}

struct Range
{
    Date from;
    Date to;
};

// The range analysed: the query's, or the buckets holding the first and last session.
std::optional<Range> rangeOf(const Raw &raw, const Query &query)
{
    if (query.from && query.to && *query.to < *query.from)
        throw Error(ErrorKind::Usage, QStringLiteral("patterns"), QStringLiteral("--from is later than --to"));
    std::optional<Date> first;
    std::optional<Date> last;
    for (const auto &sessions : raw.clients) {
        for (const RawSession &s : sessions) {
            if (!first || s.date < *first)
                first = s.date;
            if (!last || s.date > *last)
                last = s.date;
        }
    }
    Range r;
    if (query.from)
        r.from = *query.from;
    else if (first)
        r.from = periodOf(*first, query.by).start;
    else if (query.to)
        r.from = periodOf(*query.to, query.by).start;
    else
        return std::nullopt;
    if (query.to)
        r.to = *query.to;
    else if (last && periodOf(*last, query.by).end >= r.from)
        r.to = periodOf(*last, query.by).end;
    else
        r.to = periodOf(r.from, query.by).end;
    if (r.to < r.from) // only --to, before the first session
        r.from = periodOf(r.to, query.by).start;
    return r;
}

struct Seen
{
    const RawSession *session;
    [[nodiscard]] bool has(int theme) const
    {
        const Themes &themes = session->themes;
        return std::binary_search(themes.begin(), themes.end(), std::pair(theme, 0),
                                  [](const auto &x, const auto &y) { return x.first < y.first; });
    }
};
using Sequence = std::vector<Seen>;

struct Sequences
{
    std::vector<Sequence> clients; // each client's attended sessions in the range, in session order
    QStringList names; // theme number → id, sorted
    int missed = 0; // sessions in the range the client missed
};

Sequences sequencesOf(const Raw &raw, const Range &range)
{
    Sequences out;
    out.names = raw.names;
    for (const auto &sessions : raw.clients) {
        Sequence sequence;
        for (const RawSession &s : sessions) {
            if (s.date < range.from || s.date > range.to)
                continue;
            if (!s.attended) {
                ++out.missed;
                continue;
            }
            sequence.push_back({&s});
        }
        std::sort(sequence.begin(), sequence.end(), [](const Seen &a, const Seen &b) { return earlier(*a.session, *b.session); });
        out.clients.push_back(std::move(sequence));
    }
    return out;
}

void fillBuckets(Report &report, const Sequences &all, const Range &range)
{
    const std::size_t themeCount = static_cast<std::size_t>(all.names.size());
    std::vector<std::vector<ThemeCount>> counts;
    if (report.by == Bucketing::Session) {
        for (const Seen &s : all.clients.empty() ? Sequence() : all.clients.front()) {
            Bucket b;
            b.period = {s.session->date, s.session->date};
            b.sessionId = s.session->sessionId;
            report.buckets.append(std::move(b));
        }
    } else {
        for (const Period &p : periods(range.from, range.to, report.by)) {
            Bucket b;
            b.period = {std::max(p.start, range.from), std::min(p.end, range.to)};
            report.buckets.append(std::move(b));
        }
    }
    counts.assign(static_cast<std::size_t>(report.buckets.size()), std::vector<ThemeCount>(themeCount));
    for (const Sequence &sequence : all.clients) {
        qsizetype index = 0;
        for (const Seen &s : sequence) {
            if (report.by == Bucketing::Session) {
                ++index; // one bucket per session, in the same order
            } else {
                // Buckets are consecutive and sorted: find the session's by binary search.
                auto it = std::upper_bound(report.buckets.begin(), report.buckets.end(), s.session->date,
                                           [](const Date &d, const Bucket &b) { return d < b.period.start; });
                index = it - report.buckets.begin();
            }
            if (index == 0)
                continue;
            Bucket &bucket = report.buckets[index - 1];
            ++bucket.sessions;
            auto &row = counts[static_cast<std::size_t>(index - 1)];
            for (const auto &[theme, hits] : s.session->themes) {
                ++row[static_cast<std::size_t>(theme)].sessions;
                row[static_cast<std::size_t>(theme)].hits += hits;
            }
        }
    }
    for (qsizetype b = 0; b < report.buckets.size(); ++b) {
        const auto &row = counts[static_cast<std::size_t>(b)];
        for (std::size_t t = 0; t < themeCount; ++t) {
            if (row[t].sessions > 0)
                report.buckets[b].themes.emplace_hint(report.buckets[b].themes.end(), all.names[static_cast<qsizetype>(t)], row[t]);
        }
    }
}

// Per theme number: its summary, for the lists that follow.
std::vector<ThemeSummary> fillSummary(Report &report, const Sequences &all, bool perClient)
{
    std::vector<ThemeSummary> summary(static_cast<std::size_t>(all.names.size()));
    for (const Sequence &sequence : all.clients) {
        for (const Seen &s : sequence) {
            for (const auto &entry : s.session->themes) {
                ThemeSummary &t = summary[static_cast<std::size_t>(entry.first)];
                if (t.sessions == 0 || s.session->date < t.firstSeen)
                    t.firstSeen = s.session->date;
                if (t.sessions == 0 || s.session->date > t.lastSeen)
                    t.lastSeen = s.session->date;
                ++t.sessions;
            }
        }
    }
    if (perClient && !all.clients.empty()) {
        const Sequence &sequence = all.clients.front();
        const auto n = static_cast<qsizetype>(sequence.size());
        for (std::size_t theme = 0; theme < summary.size(); ++theme) {
            ThemeSummary &t = summary[theme];
            QList<int> presence;
            presence.reserve(n);
            for (const Seen &s : sequence)
                presence.append(s.has(static_cast<int>(theme)) ? 1 : 0);
            t.recurrenceLast = static_cast<int>(std::min<qsizetype>(recurrenceWindow, n));
            t.recurrenceIn = static_cast<int>(std::count(presence.end() - t.recurrenceLast, presence.end(), 1));
            t.trendZ = mannKendallZ(presence);
            t.trend = trendOf(t.trendZ, n);
        }
    }
    for (std::size_t theme = 0; theme < summary.size(); ++theme) {
        if (summary[theme].sessions > 0) // themes seen only outside the range are not in it
            report.summary.emplace_hint(report.summary.end(), all.names[static_cast<qsizetype>(theme)], summary[theme]);
    }
    return summary;
}

// Every pair of themes raised in the range is tested (and counts in the family) unless it is
// circular; those raised together at least once are listed.
void fillCooccurrence(Report &report, const Sequences &all, const std::vector<ThemeSummary> &summary,
                      const QList<DriverLink> &links)
{
    const std::size_t n = summary.size();
    std::vector<int> pairs(n * n);
    int total = 0;
    for (const Sequence &sequence : all.clients) {
        for (const Seen &s : sequence) {
            ++total;
            const Themes &themes = s.session->themes;
            for (qsizetype i = 0; i < themes.size(); ++i) {
                for (qsizetype j = i + 1; j < themes.size(); ++j)
                    ++pairs[static_cast<std::size_t>(themes[i].first) * n + static_cast<std::size_t>(themes[j].first)];
            }
        }
    }
    for (std::size_t a = 0; a < n; ++a) {
        for (std::size_t b = a + 1; b < n; ++b) {
            const QString &nameA = all.names[static_cast<qsizetype>(a)];
            const QString &nameB = all.names[static_cast<qsizetype>(b)];
            if (summary[a].sessions == 0 || summary[b].sessions == 0 || circularCooccurrence(nameA, nameB, links))
                continue;
            ++report.tested;
            const int together = pairs[a * n + b];
            if (together == 0)
                continue;
            Cooccurrence c;
            c.a = nameA;
            c.b = nameB;
            c.sessions = together;
            c.sessionsA = summary[a].sessions;
            c.sessionsB = summary[b].sessions;
            c.total = total;
            c.lift = round2(together * double(total) / (double(c.sessionsA) * c.sessionsB));
            report.cooccurrence.append(std::move(c));
        }
    }
}

// Every theme X raised in a session that has a next one is tested against each target that shows
// up in some next session, unless the pair is circular; those with count ≥ 1 are listed.
void fillLeadLag(Report &report, const Sequences &all, const QList<DriverLink> &links)
{
    for (const QString &targetName : leadLagTargets()) {
        const int target = static_cast<int>(std::lower_bound(all.names.begin(), all.names.end(), targetName) - all.names.begin());
        const bool known = target < all.names.size() && all.names[target] == targetName;
        std::vector<std::pair<int, int>> counts(static_cast<std::size_t>(all.names.size())); // (count, of)
        int followers = 0; // sessions t+1 raising the target
        int transitions = 0; // sessions that have a session before them
        for (const Sequence &sequence : all.clients) {
            for (std::size_t t = 0; t + 1 < sequence.size(); ++t) {
                const bool next = known && sequence[t + 1].has(target);
                ++transitions;
                followers += next ? 1 : 0;
                for (const auto &entry : sequence[t].session->themes) {
                    if (entry.first == target)
                        continue;
                    auto &[count, of] = counts[static_cast<std::size_t>(entry.first)];
                    ++of;
                    count += next ? 1 : 0;
                }
            }
        }
        const double base = transitions > 0 ? round2(double(followers) / transitions) : 0.0;
        for (std::size_t theme = 0; theme < counts.size(); ++theme) {
            const auto [count, of] = counts[theme];
            const QString &name = all.names[static_cast<qsizetype>(theme)];
            if (of == 0 || followers == 0 || circularLeadLag(name, targetName, links))
                continue;
            ++report.tested;
            if (count == 0)
                continue;
            LeadLag l;
            l.theme = name;
            l.followedBy = targetName;
            l.count = count;
            l.of = of;
            l.baseRate = base;
            l.followers = followers;
            l.transitions = transitions;
            report.leadLag.append(std::move(l));
        }
    }
}

void fillAttendance(Report &report, const Sequences &all)
{
    AttendanceSummary &a = report.attendance;
    a.missed = all.missed;
    for (const Sequence &sequence : all.clients) {
        a.attended += static_cast<int>(sequence.size());
        for (std::size_t i = 1; i < sequence.size(); ++i) {
            const int gap = static_cast<int>((sequence[i].session->date - sequence[i - 1].session->date).days());
            a.gapsDays.append(gap);
            a.longestGapDays = std::max(a.longestGapDays, gap);
        }
    }
}

void fillMeasures(Report &report, const QList<model::Measure> &measures, const Range &range)
{
    for (const model::Measure &m : measures) {
        if (m.date >= range.from && m.date <= range.to)
            report.measures[m.instrument].append({m.date, m.total, m.band});
    }
    for (auto &[instrument, points] : report.measures) {
        std::stable_sort(points.begin(), points.end(),
                         [](const MeasurePoint &x, const MeasurePoint &y) { return x.date < y.date; });
    }
}

// Reliable change over the range's own scores, so a chart and its verdict agree.
void fillReliableChange(Report &report)
{
    for (const auto &[instrument, points] : report.measures) {
        if (points.size() < 2)
            continue;
        model::ReliableChange change = model::reliableChange(instrument, points.first().total, points.last().total);
        change.fromDate = points.first().date;
        change.toDate = points.last().date;
        report.reliableChange.emplace(instrument, change);
    }
}

Report analyseRaw(const Raw &raw, const Query &query, bool perClient)
{
    Report report;
    report.by = query.by;
    const std::optional<Range> range = rangeOf(raw, query);
    if (!range)
        return report;
    report.from = range->from;
    report.to = range->to;
    const Sequences all = sequencesOf(raw, *range);
    fillBuckets(report, all, *range);
    const std::vector<ThemeSummary> summary = fillSummary(report, all, perClient);
    const QList<DriverLink> &links = query.driverLinks ? *query.driverLinks : builtinDriverLinks();
    fillCooccurrence(report, all, summary, links);
    fillLeadLag(report, all, links);
    assess(report);
    fillAttendance(report, all);
    fillMeasures(report, raw.measures, *range);
    if (perClient)
        fillReliableChange(report);
    return report;
}

} // namespace

QString toString(Trend trend)
{
    switch (trend) {
    case Trend::Rising:
        return QStringLiteral("rising");
    case Trend::Falling:
        return QStringLiteral("falling");
    case Trend::Stable:
        return QStringLiteral("stable");
    }
    return {};
}

const QStringList &leadLagTargets()
{
    static const QStringList targets{QStringLiteral("relapse"), QStringLiteral("substance-use")};
    return targets;
}

double mannKendallZ(const QList<int> &series)
{
    const qsizetype n = series.size();
    if (n < 2)
        return 0.0;
    long s = 0;
    for (qsizetype i = 0; i < n; ++i) {
        for (qsizetype j = i + 1; j < n; ++j)
            s += (series[j] > series[i]) - (series[j] < series[i]);
    }
    std::map<int, long> ties;
    for (int v : series)
        ++ties[v];
    double variance = double(n) * double(n - 1) * double(2 * n + 5);
    for (const auto &[value, t] : ties)
        variance -= double(t) * double(t - 1) * double(2 * t + 5);
    variance /= 18.0;
    if (variance <= 0.0 || s == 0)
        return 0.0;
    return (s > 0 ? double(s - 1) : double(s + 1)) / std::sqrt(variance);
}

Trend trendOf(double z, qsizetype n)
{
    if (n < 4)
        return Trend::Stable;
    if (z >= 1.96)
        return Trend::Rising;
    if (z <= -1.96)
        return Trend::Falling;
    return Trend::Stable;
}

Report analyse(const ClientHistory &client, const Query &query)
{
    return analyseRaw(rawOf({&client}), query, true);
}

Report analyseCaseload(const QList<ClientHistory> &clients, const Query &query)
{
    if (query.by == Bucketing::Session)
        throw Error(ErrorKind::Usage, QStringLiteral("patterns"),
                    QStringLiteral("a caseload is bucketed by week, month or quarter, not by session"));
    QList<const ClientHistory *> all;
    for (const ClientHistory &c : clients)
        all.append(&c);
    return analyseRaw(rawOf(all), query, false);
}

Report analyseCaseload(CaseloadHistory caseload, const Query &query)
{
    if (query.by == Bucketing::Session)
        throw Error(ErrorKind::Usage, QStringLiteral("patterns"),
                    QStringLiteral("a caseload is bucketed by week, month or quarter, not by session"));
    Raw raw;
    raw.clients.reserve(caseload.clients.size());
    for (model::CaseloadHistory::Client &client : caseload.clients)
        raw.clients.push_back(std::move(client.sessions));
    for (const QString &theme : std::as_const(caseload.themes))
        raw.number(theme);
    raw.measures = std::move(caseload.measures);
    normalise(raw);
    return analyseRaw(raw, query, false);
}

} // namespace uc::patterns
