// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/history.h"
#include "model/measures.h"
#include "model/types.h"
#include "patterns/calendar.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <map>
#include <optional>

// Patterns over time: which themes recur for a client, since when, whether they are rising, what
// tends to come before use or relapse, and the client's measures on the same time axis. The rules
// (what counts, the trend test, lift, lead–lag) are written out in docs/patterns.md. Pure analysis
// over values: the histories come from the vault (vault.histories()), which has already applied
// who may count what. This header is the door to core/patterns.
namespace uc::patterns {

// ---- input: sessions with the themes their notes raise (model/history.h)

using SessionThemes = model::SessionThemes;
using ClientHistory = model::ClientHistory;
using CaseloadHistory = model::CaseloadHistory;

// A codebook theme counted when a use mention and a driver mention stand in one sentence
// ("abandonment-driven-use": driver "abandonment", use "substance-use"). Its findings would be
// circular: it is never tested as a predictor, nor for co-occurring with its own driver or use.
struct DriverLink
{
    QString theme;
    QString driver;
    QString use;
};

struct Query
{
    Bucketing by = Bucketing::Month;
    std::optional<model::Date> from; // inclusive
    std::optional<model::Date> to; // inclusive
    // The codebook's driver-linked themes (patterns/findings.h: driverLinksOf); unset means the
    // built-in codebook's.
    std::optional<QList<DriverLink>> driverLinks;
};

// ---- output

enum class Trend { Rising, Falling, Stable };
QString toString(Trend trend);

struct ThemeCount
{
    int sessions = 0; // attended sessions in the bucket whose note raises the theme
    int hits = 0; // counted hits in them
};

struct Bucket
{
    Period period; // clipped to the query's from..to; by session: start == end == the date
    model::Id sessionId = 0; // by session only
    int sessions = 0; // attended sessions (a missed one is not a bucket by session)
    std::map<QString, ThemeCount> themes; // themes present only
};

struct ThemeSummary
{
    model::Date firstSeen;
    model::Date lastSeen;
    int sessions = 0;
    // In how many of the last recurrenceWindow attended sessions of the range (fewer when there are
    // fewer sessions: last is then the number of sessions).
    int recurrenceLast = 0;
    int recurrenceIn = 0;
    Trend trend = Trend::Stable;
    double trendZ = 0.0; // Mann–Kendall Z over per-session presence
};

// Findings (co-occurrence and lead–lag) carry their exact test, the Benjamini–Hochberg q over the
// report's family and whether they pass every rule (patterns/findings.h, docs/patterns.md).
struct Cooccurrence
{
    QString a; // a < b
    QString b;
    int sessions = 0; // attended sessions raising both
    double lift = 0.0; // sessions·N / (sessions(a)·sessions(b)), two decimals
    int sessionsA = 0; // attended sessions raising a
    int sessionsB = 0; // attended sessions raising b
    int total = 0; // attended sessions in the range (N)
    double p = 1.0; // Fisher's exact test, one-sided
    double q = 1.0; // Benjamini–Hochberg adjusted
    bool shown = false;
};

struct LeadLag
{
    QString theme; // present in session t
    QString followedBy; // "substance-use" or "relapse", present in session t+1
    int count = 0; // sessions t with theme whose next attended session raises followedBy
    int of = 0; // sessions t with theme that have a next attended session
    double baseRate = 0.0; // share of sessions t+1 (every t) raising followedBy, two decimals
    int followers = 0; // sessions t+1 raising followedBy: the base rate is followers / transitions
    int transitions = 0; // sessions that have an attended session before them
    double p = 1.0; // one-sided binomial test of count in of against the exact base rate
    double q = 1.0; // Benjamini–Hochberg adjusted
    bool shown = false;
};

struct AttendanceSummary
{
    int attended = 0;
    int missed = 0; // no-show and cancelled
    QList<int> gapsDays; // days between consecutive attended sessions
    int longestGapDays = 0;
};

struct MeasurePoint
{
    model::Date date;
    int total = 0;
    QString band;
};

struct Report
{
    Bucketing by = Bucketing::Month;
    std::optional<model::Date> from; // the range analysed; unset when there is nothing in it
    std::optional<model::Date> to;
    QList<Bucket> buckets;
    std::map<QString, ThemeSummary> summary;
    // Both lists: shown first, then smallest q, smallest p, larger count, then theme ids.
    QList<Cooccurrence> cooccurrence;
    QList<LeadLag> leadLag;
    // Hypotheses in the Benjamini–Hochberg family: the listed pairs and those that could have been
    // listed but were not (count 0, p = 1).
    int tested = 0;
    std::map<QString, QList<MeasurePoint>> measures; // instrument id → date order
    AttendanceSummary attendance;
};

constexpr int recurrenceWindow = 6;
// Themes whose appearance in the session before is tested: the client's use and relapse.
[[nodiscard]] const QStringList &leadLagTargets();

// Mann–Kendall over a series (ties corrected, continuity corrected); Z ≥ 1.96 rising, Z ≤ −1.96
// falling (two-sided, α = 0.05), stable otherwise and for fewer than 4 values.
[[nodiscard]] double mannKendallZ(const QList<int> &series);
[[nodiscard]] Trend trendOf(double z, qsizetype n);

// One client's patterns over the query's range. Error(Usage) when from > to.
[[nodiscard]] Report analyse(const ClientHistory &client, const Query &query);
// A caseload: buckets and co-occurrence summed over clients' sessions; summaries without
// recurrence and trend (those are per client); lead–lag pooled over each client's own sequence.
// Error(Usage) for by session.
[[nodiscard]] Report analyseCaseload(const QList<ClientHistory> &clients, const Query &query);
// The same from the dense form the vault reads a caseload in, without a map per session: the
// fast path for charts.
[[nodiscard]] Report analyseCaseload(CaseloadHistory caseload, const Query &query);

// {"client","by","from","to","buckets","summary","cooccurrence","leadlag","measures"} plus
// "attendance" and "tested"; findings carry "p", "q" and "shown". subjectKey is "client" or
// "caseload".
[[nodiscard]] QJsonObject toJson(const Report &report, const QString &subjectKey, const QString &subject);

} // namespace uc::patterns
