// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/reportdata.h"

#include "common/error.h"
#include "model/permissions.h"
#include "patterns/calendar.h"
#include "patterns/findings.h"
#include "reports/palette.h"
#include "vault/usedays.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QDateTime>
#include <QSet>

#include <algorithm>

namespace uc::reports {

namespace {

Prepared preparedBy(vault::Vault &vault)
{
    return {vault.currentUser().name, model::toString(vault.currentUser().role),
            QDateTime::currentDateTimeUtc().toString(Qt::ISODate)};
}

// Each substance over the months (to today at the latest: a day not yet lived is not unknown), and
// over each month, as model::useDayFigures counts them.
UseDaySection useDaySection(const QList<model::UseDay> &days, const QList<patterns::Period> &months)
{
    UseDaySection section;
    const model::Date today = boost::gregorian::day_clock::universal_day();
    section.from = months.first().start;
    section.to = std::min(months.last().end, today);
    section.figures = model::useDayFigures(days, *section.from, *section.to);
    for (const model::UseDayFigures &whole : std::as_const(section.figures)) {
        QList<model::UseDayFigures> perMonth;
        for (const patterns::Period &month : months) {
            model::UseDayFigures f;
            f.substance = whole.substance;
            f.from = month.start;
            f.to = std::min(month.end, *section.to);
            for (const model::UseDayFigures &c : model::useDayFigures(days, f.from, f.to))
                if (c.substance == whole.substance)
                    f = c;
            perMonth.append(f);
        }
        section.perMonth.append(perMonth);
    }
    return section;
}

} // namespace

QString recurrenceText(const ThemeRow &row)
{
    return QStringLiteral("%1 \u2014 %2 of the last %3 sessions").arg(row.label).arg(row.recurrenceIn).arg(row.recurrenceLast);
}

SafetyPlanReport safetyPlanReport(vault::Vault &vault, const QString &clientCode, std::optional<int> version)
{
    const QString what = QStringLiteral("safety plan");
    const auto client = vault.clients().find(clientCode);
    if (!client)
        throw Error(ErrorKind::Io, what, QStringLiteral("no client with that code"));
    const auto plan = version ? vault.safetyPlans().version(clientCode, *version) : vault.safetyPlans().current(clientCode);
    if (!plan)
        throw Error(ErrorKind::Io, what,
                    version ? QStringLiteral("the client has no such version") : QStringLiteral("the client has no safety plan yet"));
    return {client->displayName, *plan};
}

namespace {

// The client's flags for the report: progress notes' and measures', each marked open or not.
QList<RiskEntry> riskEntries(vault::Vault &vault, const QString &clientCode)
{
    QSet<model::Id> progressNotes;
    for (const model::Note &n : vault.notes().forClient(clientCode, false))
        progressNotes.insert(n.id);
    const QList<model::RiskFlag> open = vault.risk().openFor(clientCode);
    const auto isOpen = [&open](const model::RiskFlag &f) {
        return std::any_of(open.cbegin(), open.cend(), [&f](const model::RiskFlag &o) {
            return o.noteId == f.noteId && o.measureId == f.measureId && o.risk == f.risk;
        });
    };
    const themes::Codebook &book = vault.tagging().codebook();
    QList<RiskEntry> entries;
    for (const model::RiskFlag &f : vault.risk().forClient(clientCode)) {
        if (f.noteId != 0 && !progressNotes.contains(f.noteId))
            continue; // a process note's flag is never disclosed
        entries.append(RiskEntry{f, book.riskLabelOf(f.risk), f.present && isOpen(f)});
    }
    return entries;
}

// The plan in force with its objectives' latest ratings (a later session's rating wins; on one
// day, the later rating).
PlanSection planSection(vault::Vault &vault, const QString &clientCode)
{
    PlanSection section;
    section.plan = vault.plans().current(clientCode);
    if (!section.plan)
        return section;
    section.reviewDue = vault.plans().reviewDue(clientCode);
    for (const model::ObjectiveProgress &p : vault.plans().progress(clientCode)) {
        const auto it = section.latest.constFind(p.objective);
        if (it == section.latest.cend() || it->sessionDate < p.sessionDate
            || (it->sessionDate == p.sessionDate && it->ratedAt <= p.ratedAt))
            section.latest.insert(p.objective, p);
    }
    return section;
}

} // namespace

ClientReport clientReport(vault::Vault &vault, const QString &clientCode, bool withRisk, bool withPlan, bool withEvents,
                          bool withUseDays)
{
    const QString what = QStringLiteral("client report");
    if (withPlan) // first, so an auditor asking for the plan hears why in its words
        vault.require(model::Action::ReadPlan);
    vault.require(model::Action::ExportRecord);
    const auto client = vault.clients().find(clientCode);
    if (!client)
        throw Error(ErrorKind::Io, what, QStringLiteral("no client with that code"));

    ClientReport report;
    report.prepared = preparedBy(vault);
    report.client = *client;
    report.summary = vault.clients().shareableSummary(clientCode);
    if (withRisk)
        report.risk = riskEntries(vault, clientCode);
    if (withPlan)
        report.plan = planSection(vault, clientCode);
    if (withEvents)
        report.events = vault.treatmentEvents().list(clientCode);

    // Progress notes only: the history leaves process notes out unless asked.
    const patterns::ClientHistory history = vault.histories().client(clientCode, false);
    std::optional<model::Date> first;
    std::optional<model::Date> last;
    auto extend = [&](const model::Date &d) {
        if (!first || d < *first)
            first = d;
        if (!last || d > *last)
            last = d;
    };
    for (const patterns::SessionThemes &s : history.sessions)
        extend(s.date);
    for (const model::Measure &m : history.measures)
        extend(m.date);
    QList<model::UseDay> useDays;
    if (withUseDays) {
        useDays = vault.useDays().list(clientCode);
        for (const model::UseDay &d : std::as_const(useDays))
            extend(d.date);
        report.useDays = UseDaySection{};
    }
    if (!first)
        return report;

    // Whole months, so every bucket is a full month on the shared time axis of both charts.
    patterns::Query query;
    query.by = patterns::Bucketing::Month;
    query.from = patterns::periodOf(*first, patterns::Bucketing::Month).start;
    query.to = patterns::periodOf(*last, patterns::Bucketing::Month).end;
    report.from = query.from;
    report.to = query.to;
    const themes::Codebook &codebook = vault.tagging().codebook();
    query.driverLinks = patterns::driverLinksOf(codebook);
    const patterns::Report analysed = patterns::analyse(history, query);
    report.palette = clientPalette(history);
    report.findings = patterns::shownSentences(analysed.leadLag, codebook, patterns::maxClientFindings);
    report.tested = analysed.tested;
    report.months = patterns::periods(*query.from, *query.to, patterns::Bucketing::Month);
    report.attended = analysed.attendance.attended;
    report.missed = analysed.attendance.missed;

    QList<const patterns::Bucket *> bucketOfMonth(report.months.size(), nullptr);
    for (const patterns::Bucket &b : analysed.buckets)
        for (qsizetype i = 0; i < report.months.size(); ++i)
            if (report.months.at(i).start == b.period.start)
                bucketOfMonth[i] = &b;
    for (const patterns::Bucket *b : bucketOfMonth)
        report.sessionsPerMonth.append(b ? b->sessions : 0);
    if (report.useDays && !useDays.isEmpty())
        *report.useDays = useDaySection(useDays, report.months);

    for (const auto &[id, summary] : analysed.summary) {
        ThemeRow row;
        row.id = id;
        row.label = codebook.labelOf(id);
        row.sessions = summary.sessions;
        row.firstSeen = summary.firstSeen;
        row.lastSeen = summary.lastSeen;
        row.recurrenceLast = summary.recurrenceLast;
        row.recurrenceIn = summary.recurrenceIn;
        row.trend = summary.trend;
        for (const patterns::Bucket *b : bucketOfMonth) {
            int n = 0;
            if (b) {
                const auto it = b->themes.find(id);
                if (it != b->themes.end())
                    n = it->second.sessions;
            }
            row.perMonth.append(n);
        }
        report.themes.append(row);
    }
    std::sort(report.themes.begin(), report.themes.end(), [](const ThemeRow &a, const ThemeRow &b) {
        if (a.sessions != b.sessions)
            return a.sessions > b.sessions;
        return a.label < b.label;
    });

    for (const model::Instrument &instrument : model::instruments()) {
        const auto it = analysed.measures.find(instrument.id);
        if (it == analysed.measures.end() || it->second.isEmpty())
            continue;
        const auto change = analysed.reliableChange.find(instrument.id);
        report.measures.append(MeasureSeries{instrument.id, instrument.name, model::maxTotal(instrument.id), it->second,
                                             change == analysed.reliableChange.end()
                                                 ? std::nullopt
                                                 : std::optional<model::ReliableChange>(change->second)});
    }
    return report;
}

NoteReport noteReport(vault::Vault &vault, model::Id noteId)
{
    const QString what = QStringLiteral("note print");
    vault.require(model::Action::ExportRecord);
    NoteReport report;
    report.note = vault.notes().disclosable(noteId);
    report.prepared = preparedBy(vault);
    if (const auto client = vault.clients().find(report.note.clientCode))
        report.clientName = client->displayName;
    const model::Session session = vault.notes().session(report.note.sessionId);
    if (session.start)
        report.time = model::toIso(*session.start);
    report.minutes = session.minutes;
    report.modality = session.modality;
    report.setting = session.setting;
    for (const model::Session::Attendee &a : session.attendees)
        if (a.clientCode == report.note.clientCode)
            report.attendance = a.attendance;
    report.templateLabel = model::templateLabel(report.note.templateId);
    report.signatureVerified = report.note.status != model::NoteStatus::Draft && vault.notes().verifySignature(noteId);
    report.addenda = vault.notes().addenda(noteId);
    return report;
}

SupervisionReport supervisionReport(vault::Vault &vault, const QString &therapist, const model::Date &from,
                                    const model::Date &to)
{
    SupervisionReport report;
    const QList<model::Note> notes = vault.supervision().therapistNotes(therapist, from, to);
    report.prepared = preparedBy(vault);
    report.therapist = therapist;
    report.from = from;
    report.to = to;
    for (const model::Supervision &s : vault.supervision().assignments())
        if (s.therapist == therapist)
            report.supervisors.append(QStringLiteral("%1 (%2)").arg(s.supervisor, model::toString(s.mode)));
    for (const model::Note &n : notes) {
        SupervisedNote row;
        row.noteId = n.id;
        row.date = n.sessionDate;
        row.clientCode = n.clientCode;
        row.comments = vault.supervision().comments(n.id);
        // Returned while the newest return is later than the author's newest addendum (as the queue).
        QString lastReturn;
        for (const model::NoteComment &c : row.comments)
            if (c.returned && c.created > lastReturn)
                lastReturn = c.created;
        QString lastAddendum;
        for (const model::Addendum &a : vault.notes().addenda(n.id))
            if (a.author == n.author && a.signedAt > lastAddendum)
                lastAddendum = a.signedAt;
        if (n.status == model::NoteStatus::Signed && !lastReturn.isEmpty() && lastReturn > lastAddendum)
            row.status = QStringLiteral("returned");
        else if (n.status == model::NoteStatus::Cosigned)
            row.status = n.practiceCosigner.isEmpty() ? QStringLiteral("co-signed") : QStringLiteral("co-signed (practice)");
        else
            row.status = model::toString(n.status);
        report.notes.append(row);
    }
    report.agreement = vault.agreement().latestReport(therapist);
    for (const themes::Theme &t : vault.tagging().codebook().themes())
        report.themeLabels.insert(t.id, t.label);
    return report;
}

AuditReport auditReport(vault::Vault &vault, const vault::AuditFilter &filter)
{
    AuditReport report;
    report.entries = vault.auditTrail().entriesForExport(filter);
    report.prepared = preparedBy(vault);
    report.from = filter.since.left(10);
    report.to = filter.until;
    report.user = vault.currentUser().role == model::Role::Therapist ? vault.currentUser().name : filter.user;
    const vault::AuditCheck check = vault.auditTrail().verify();
    report.whole = check.whole;
    report.broken = check.whole ? QString() : check.reason;
    return report;
}

} // namespace uc::reports
