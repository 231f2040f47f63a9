// SPDX-License-Identifier: GPL-3.0-or-later
// Each report's sections, written as HTML on the page of reportpage.h: the client's patterns, a note,
// supervision, the audit trail, the client's safety plan.
#include "reports/reportpdf.h"

#include "reports/reportpage.h"

#include "model/reliablechange.h"
#include "patterns/findings.h"

#include <algorithm>

namespace uc::reports {

using namespace page;

namespace {

// Per instrument scored twice or more: the change from the first score to the latest, and whether
// it is more than measurement error (docs/patterns.md, "Reliable change").
QString reliableChangeSection(const QList<MeasureSeries> &measures)
{
    QString rows;
    for (const MeasureSeries &s : measures) {
        if (!s.change)
            continue;
        const model::ReliableChange &c = *s.change;
        const QString significant = c.method == model::ChangeMethod::None ? QStringLiteral("—")
            : !c.clinicallySignificant                                     ? QStringLiteral("not defined")
            : *c.clinicallySignificant ? QStringLiteral("yes (cut-off %1)").arg(*c.cutOff)
                                       : QStringLiteral("no (cut-off %1)").arg(*c.cutOff);
        // The figure the verdict rests on: an index computed here, or a published threshold in points.
        const QString basis = c.rci ? QStringLiteral("RCI %1").arg(*c.rci, 0, 'f', 2)
            : c.threshold ? QStringLiteral("%1 points; published threshold %2").arg(c.to - c.from).arg(*c.threshold)
                          : QStringLiteral("—");
        rows += row({esc(s.name), QStringLiteral("%1 → %2").arg(c.from).arg(c.to),
                     esc(QStringLiteral("%1 to %2").arg(model::toIso(c.fromDate), model::toIso(c.toDate))), esc(basis),
                     esc(model::verdictLabel(c.verdict)), esc(significant)});
    }
    if (rows.isEmpty())
        return {};
    return QStringLiteral("<h3>Reliable change</h3>") + tableOpen()
        + headerRow({QStringLiteral("Instrument"), QStringLiteral("First → latest"), QStringLiteral("Dates"),
                     QStringLiteral("RCI or threshold"), QStringLiteral("Verdict"), QStringLiteral("Clinically significant")})
        + rows + QStringLiteral("</table>")
        + QStringLiteral("<p class=\"note\">Where an RCI is shown, Jacobson and Truax (1991): a change beyond 1.96 "
                         "standard errors of the difference, computed from a published SD and reliability. PHQ-9 and "
                         "GAD-7 use the published thresholds of NHS Talking Therapies (formerly IAPT) as given, not "
                         "computed here: a change of 6 or more points (PHQ-9) or 4 or more (GAD-7), with its caseness "
                         "cut-offs of 10 and 8. Clinically significant when a reliable change also crosses the "
                         "cut-off. No verdict is given where neither is used.</p>");
}

QString preparedPairsNote(const Prepared &p)
{
    return QStringLiteral("%1 (%2), %3").arg(p.by, p.role, stamp(p.at));
}

// The opt-in risk section: every flag on record with its status and whether it is still open. The
// words of an abuse or harm-to-others flag are left out: a report leaves the practice, and those
// words could endanger the client if read by the wrong person (docs/risk.md).
QString riskSection(const QList<RiskEntry> &entries)
{
    QString html = QStringLiteral("<h2>Risk</h2>");
    if (entries.isEmpty())
        return html + QStringLiteral("<p>No risk flag is on record in this client's progress notes or outcome measures.</p>");
    html += tableOpen()
        + headerRow({QStringLiteral("Date"), QStringLiteral("Risk"), QStringLiteral("Status"), QStringLiteral("From"),
                     QStringLiteral("Words"), QStringLiteral("Open")});
    for (const RiskEntry &e : entries) {
        const model::RiskFlag &f = e.flag;
        const bool withheld = f.risk == u"abuse" || f.risk == u"harm-to-others";
        html += row({model::toIso(f.date), esc(e.label), f.present ? QStringLiteral("present") : QStringLiteral("denied"),
                     f.noteId != 0 ? QStringLiteral("progress note") : QStringLiteral("measure"),
                     withheld ? QStringLiteral("not printed") : esc(f.evidence),
                     !f.present ? QStringLiteral("-") : e.open ? QStringLiteral("open") : QStringLiteral("closed")});
    }
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p class=\"note\">Read from signed progress notes and outcome measures; denied is a documented "
                           "negative screen. A present flag is open until a later risk assessment closes it. The words of "
                           "abuse and harm-to-others flags are not printed.</p>");
    return html;
}

// The opt-in other treatment section (docs/treatment-events.md): each event by date with what it
// was; an event's note is not printed.
QString eventsSection(const ClientReport &r, int chartWidth, QList<Chart> &charts)
{
    const QList<model::TreatmentEvent> &events = *r.events;
    QString html = QStringLiteral("<h2>Other treatment</h2>");
    if (events.isEmpty())
        return html + QStringLiteral("<p>No mutual-help meeting, group, medication-assisted treatment or drug screen is on "
                                     "record.</p>");
    if (!r.months.isEmpty()) {
        const QSize size(chartWidth, qRound(mm(5.2) * 3));
        charts.append({QStringLiteral("chart:events"), eventsChart(r, size)});
        html += QStringLiteral("<p><img src=\"chart:events\" width=\"%1\" height=\"%2\"/></p>").arg(cssPx(size.width())).arg(cssPx(size.height()));
        html += QStringLiteral("<p class=\"note\">On the months of the charts above: a tick for a meeting or group, a "
                               "line for a medication change, a filled diamond for a positive drug screen and a ring for "
                               "a negative one.</p>");
    }
    html += tableOpen() + headerRow({QStringLiteral("Date"), QStringLiteral("Kind"), QStringLiteral("What")});
    for (const model::TreatmentEvent &e : events)
        html += row({model::toIso(e.date), esc(e.kind), esc(e.details())});
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p class=\"note\">Mutual-help meetings, groups attended, medication-assisted treatment "
                           "(start, dose change, stop) and drug screens as the therapist recorded them. Notes on them "
                           "are not printed.</p>");
    return html;
}

QString substanceName(const QString &substance)
{
    QString name = substance;
    if (!name.isEmpty())
        name[0] = name[0].toUpper();
    return name;
}

// "88%", "–" when no day is known; withKnown: "88% of 8 known".
QString percentOfKnown(const model::UseDayFigures &f, bool withKnown = false)
{
    if (!f.percentAbstinent)
        return QStringLiteral("–");
    const QString percent = QStringLiteral("%1%").arg(qRound(*f.percentAbstinent));
    return withKnown ? QStringLiteral("%1 of %2 known").arg(percent).arg(f.used + f.abstinent) : percent;
}

// The opt-in use days section (docs/use-days.md): a row per substance on the months of the charts,
// each substance's figures over the months, then each month's percent abstinent. Counts only: a
// day's amount and how it is known are the record's, not the report's.
QString useDaysSection(const ClientReport &r, int chartWidth, QList<Chart> &charts)
{
    const UseDaySection &section = *r.useDays;
    QString html = QStringLiteral("<h2>Use days</h2>");
    if (section.figures.isEmpty() || !section.from || !section.to)
        return html + QStringLiteral("<p>No use day is on record.</p>");
    if (!r.months.isEmpty()) {
        const QSize size(chartWidth, qRound(mm(9) * (static_cast<double>(section.figures.size()) + 0.5)));
        charts.append({QStringLiteral("chart:usedays"), useDaysChart(r, size)});
        html += QStringLiteral("<p><img src=\"chart:usedays\" width=\"%1\" height=\"%2\"/></p>").arg(cssPx(size.width())).arg(cssPx(size.height()));
        html += QStringLiteral("<p class=\"note\">On the months of the charts above, a row per substance: a tall filled "
                               "bar for days used, a low outlined bar for days abstinent, nothing for days not known; "
                               "under each month the percent of its known days abstinent.</p>");
    }
    html += QStringLiteral("<p>Days from %1 to %2, the months above up to today at the latest.</p>")
                .arg(model::toIso(*section.from), model::toIso(*section.to));
    html += tableOpen()
        + headerRow({QStringLiteral("Substance"), QStringLiteral("Used"), QStringLiteral("Abstinent"),
                     QStringLiteral("Unknown"), QStringLiteral("% abstinent of known"),
                     QStringLiteral("Longest abstinent run"), QStringLiteral("Days since last use")});
    for (const model::UseDayFigures &f : section.figures)
        html += row({esc(substanceName(f.substance)), QString::number(f.used), QString::number(f.abstinent),
                     QString::number(f.unknown), percentOfKnown(f), QString::number(f.longestAbstinentRun),
                     f.daysSinceLastUse ? QString::number(*f.daysSinceLastUse) : QStringLiteral("none recorded")});
    html += QStringLiteral("</table>");
    // By month: the months with a day known for any substance.
    QStringList header{QStringLiteral("Month")};
    for (const model::UseDayFigures &f : section.figures)
        header.append(esc(substanceName(f.substance)));
    QString months;
    for (qsizetype m = 0; m < r.months.size(); ++m) {
        QStringList cells{QStringLiteral("%1-%2").arg(static_cast<int>(r.months.at(m).start.year()))
                              .arg(static_cast<int>(r.months.at(m).start.month()), 2, 10, QLatin1Char('0'))};
        bool known = false;
        for (const QList<model::UseDayFigures> &perMonth : section.perMonth) {
            const model::UseDayFigures &f = perMonth.at(m);
            known = known || f.percentAbstinent.has_value();
            cells.append(percentOfKnown(f, true));
        }
        if (known)
            months += row(cells);
    }
    if (!months.isEmpty())
        html += QStringLiteral("<h3>Days abstinent by month</h3>") + tableOpen() + headerRow(header) + months
            + QStringLiteral("</table>");
    html += QStringLiteral("<p class=\"note\">Days used or abstinent per substance as recorded by the timeline "
                           "follow-back (the client's recall, a drug screen or collateral). Percent days abstinent "
                           "is of the days known: a day with no entry is unknown and never counted as abstinent. The "
                           "longest run counts consecutive days recorded abstinent; days since last use count to the "
                           "period's end (%1).</p>").arg(model::toIso(*section.to));
    return html;
}

// The opt-in treatment plan section: the newest version with its dates, each problem, goal and
// objective with its target, how it is measured, its latest progress rating and interventions.
QString planSection(const PlanSection &section)
{
    QString html = QStringLiteral("<h2>Treatment plan</h2>");
    if (!section.plan)
        return html + QStringLiteral("<p>No treatment plan on record.</p>");
    const model::TreatmentPlan &plan = *section.plan;
    QString agreed;
    if (plan.agreedHow && plan.agreedOn)
        agreed = *plan.agreedHow == model::PlanAgreement::Declined
            ? QStringLiteral("declined on %1").arg(model::toIso(*plan.agreedOn))
            : QStringLiteral("%1 on %2").arg(model::toString(*plan.agreedHow), model::toIso(*plan.agreedOn));
    html += keyValues({{QStringLiteral("Version"), QString::number(plan.version)},
                       {QStringLiteral("Effective"), model::toIso(plan.effective)},
                       {QStringLiteral("Next review"), section.reviewDue ? model::toIso(*section.reviewDue) : QString()},
                       {QStringLiteral("Agreed"), agreed},
                       {QStringLiteral("Written by"), plan.author},
                       {QStringLiteral("Signed"), stamp(plan.signedAt)}});
    for (qsizetype p = 0; p < plan.problems.size(); ++p) {
        const model::PlanProblem &problem = plan.problems.at(p);
        html += QStringLiteral("<h3>Problem %1: %2</h3>").arg(p + 1).arg(esc(problem.text));
        for (qsizetype g = 0; g < problem.goals.size(); ++g) {
            const model::PlanGoal &goal = problem.goals.at(g);
            html += QStringLiteral("<p><b>Goal %1.%2:</b> %3</p>").arg(p + 1).arg(g + 1).arg(esc(goal.text));
            if (goal.objectives.isEmpty())
                continue;
            html += tableOpen()
                + QStringLiteral("<thead><tr><th width=\"7%\">Id</th><th width=\"36%\">Objective</th>"
                                 "<th width=\"16%\">Target date</th><th width=\"22%\">Measured by</th>"
                                 "<th width=\"19%\">Latest progress</th></tr></thead>");
            for (const model::PlanObjective &o : goal.objectives) {
                QString what = esc(o.text);
                if (!o.interventions.isEmpty())
                    what += QStringLiteral("<br/><i>Interventions:</i> %1").arg(esc(o.interventions.join(QStringLiteral("; "))));
                QStringList measured;
                if (!o.measuredBy.trimmed().isEmpty())
                    measured.append(o.measuredBy.trimmed());
                if (o.measure)
                    measured.append(o.measure->toText());
                const auto latest = section.latest.constFind(o.id);
                html += row({esc(o.id), what, o.targetDate ? model::toIso(*o.targetDate) : QStringLiteral("\u2014"),
                             esc(orDash(measured.join(QStringLiteral("; ")))),
                             latest == section.latest.cend()
                                 ? QStringLiteral("not rated yet")
                                 : esc(QStringLiteral("%1 (%2)").arg(model::label(latest->rating), model::toIso(latest->sessionDate)))});
            }
            html += QStringLiteral("</table>");
        }
    }
    html += QStringLiteral("<p class=\"note\">The plan's newest version, as signed by its author. Latest progress is the "
                           "most recent rating of the objective on a progress note, with its session date.</p>");
    return html;
}

// The strongest lead–lag findings, with what they are not.
QString findingsSection(const ClientReport &r)
{
    QString html = QStringLiteral("<h2>Before use or relapse</h2>");
    if (r.findings.isEmpty()) {
        html += QStringLiteral("<p>No pattern passes the rules yet: %1 tested.</p>")
                    .arg(r.tested == 1 ? QStringLiteral("1 pair") : QStringLiteral("%1 pairs").arg(r.tested));
        return html;
    }
    html += QStringLiteral("<ul>");
    for (const QString &sentence : r.findings)
        html += QStringLiteral("<li>%1</li>").arg(esc(sentence));
    html += QStringLiteral("</ul>");
    html += QStringLiteral("<p class=\"note\">%1 Found among %2 pairs tested; shown only when unlikely to be chance "
                           "over all of them.</p>")
                .arg(esc(patterns::notCausesText()))
                .arg(r.tested);
    return html;
}

} // namespace

QByteArray clientReportPdf(const ClientReport &r)
{
    const QString title = QStringLiteral("Client pattern report");
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(title));
    const QString range = r.from ? QStringLiteral("%1 to %2").arg(model::toIso(*r.from), model::toIso(*r.to)) : QString();
    html += keyValues({{QStringLiteral("Client"), r.client.code},
                       {QStringLiteral("Name"), r.client.displayName},
                       {QStringLiteral("Status"), model::toString(r.client.status)},
                       {QStringLiteral("Intake"), r.client.intakeDate ? model::toIso(*r.client.intakeDate) : QString()},
                       {QStringLiteral("Setting"), r.client.setting ? model::toString(*r.client.setting) : QString()},
                       {QStringLiteral("Period"), range},
                       {QStringLiteral("Sessions"), QStringLiteral("%1 attended, %2 missed").arg(r.attended).arg(r.missed)},
                       {QStringLiteral("Prepared by"), preparedPairsNote(r.prepared)}});
    html += QStringLiteral("<p class=\"note\">Built from progress notes and outcome measures only. Process notes are never "
                           "part of this report.</p>");

    QList<Chart> charts;
    const int chartWidth = qRound(mm(210 - 36));
    html += QStringLiteral("<h2>Themes over time</h2>");
    if (r.themes.isEmpty() || r.months.isEmpty()) {
        html += QStringLiteral("<p>No themes have been recorded in this client's progress notes.</p>");
    } else {
        const qsizetype rows = std::min<qsizetype>(r.themes.size(), maxChartThemes) + 2;
        const QSize size(chartWidth, qRound(mm(5.2) * static_cast<double>(rows)));
        charts.append({QStringLiteral("chart:themes"), themesChart(r, size)});
        html += QStringLiteral("<p><img src=\"chart:themes\" width=\"%1\" height=\"%2\"/></p>").arg(cssPx(size.width())).arg(cssPx(size.height()));
        html += QStringLiteral("<p class=\"note\">Attended sessions each month whose progress note raises the theme; the "
                               "darker the cell, the larger the share of that month's sessions.%1</p>")
                    .arg(r.themes.size() > maxChartThemes ? QStringLiteral(" The %1 most frequent themes are drawn; all are listed below.").arg(maxChartThemes)
                                                          : QString());
        // The themes of the latest sessions, most present first.
        QList<ThemeRow> recent;
        for (const ThemeRow &t : r.themes)
            if (t.recurrenceIn > 0)
                recent.append(t);
        std::stable_sort(recent.begin(), recent.end(),
                         [](const ThemeRow &a, const ThemeRow &b) { return a.recurrenceIn > b.recurrenceIn; });
        html += QStringLiteral("<h2>Recurrence</h2>");
        if (recent.isEmpty()) {
            html += QStringLiteral("<p>No theme in the latest sessions.</p>");
        } else {
            html += QStringLiteral("<ul>");
            for (const ThemeRow &t : recent.mid(0, 6))
                html += QStringLiteral("<li>%1</li>").arg(esc(recurrenceText(t)));
            html += QStringLiteral("</ul>");
        }
        html += tableOpen()
            + headerRow({QStringLiteral("Theme"), QStringLiteral("Sessions"), QStringLiteral("First seen"), QStringLiteral("Last seen"),
                         QStringLiteral("Recurrence"), QStringLiteral("Trend")});
        for (const ThemeRow &t : r.themes)
            html += row({esc(t.label), QString::number(t.sessions), model::toIso(t.firstSeen), model::toIso(t.lastSeen),
                         QStringLiteral("%1 of the last %2 sessions").arg(t.recurrenceIn).arg(t.recurrenceLast),
                         patterns::toString(t.trend)});
        html += QStringLiteral("</table>");
    }

    html += findingsSection(r);

    html += QStringLiteral("<h2>Measures</h2>");
    if (r.measures.isEmpty()) {
        html += QStringLiteral("<p>No outcome measures have been recorded.</p>");
    } else {
        // One strip per instrument, 26 mm each (its name, scale and bands stay legible at print size),
        // and a row of months under them.
        const QSize size(chartWidth, qRound(mm(26) * (static_cast<double>(r.measures.size()) + 2.0 / 9.0)));
        charts.append({QStringLiteral("chart:measures"), measuresChart(r, size)});
        html += QStringLiteral("<p><img src=\"chart:measures\" width=\"%1\" height=\"%2\"/></p>").arg(cssPx(size.width())).arg(cssPx(size.height()));
        html += QStringLiteral("<p class=\"note\">Each instrument on its own scale, from 0 to its maximum score, over its "
                               "clinical bands: clear for the lowest, deeper for the more severe (the C-SSRS has none). On "
                               "the months of the chart above.</p>");
        html += tableOpen()
            + headerRow({QStringLiteral("Date"), QStringLiteral("Instrument"), QStringLiteral("Score"), QStringLiteral("Band")});
        for (const MeasureSeries &s : r.measures)
            for (const patterns::MeasurePoint &m : s.points)
                html += row({model::toIso(m.date), esc(s.name), QStringLiteral("%1 of %2").arg(m.total).arg(s.maxScore),
                             esc(model::bandLabel(m.band))});
        html += QStringLiteral("</table>");
        html += reliableChangeSection(r.measures);
    }

    if (r.risk)
        html += riskSection(*r.risk);
    if (r.plan)
        html += planSection(*r.plan);
    if (r.events)
        html += eventsSection(r, chartWidth, charts);
    if (r.useDays)
        html += useDaysSection(r, chartWidth, charts);

    html += QStringLiteral("<h2>Shareable summary</h2>");
    if (r.summary) {
        html += QStringLiteral("<p>%1</p>").arg(para(r.summary->text));
        html += QStringLiteral("<p class=\"note\">Written by %1, updated %2.</p>").arg(esc(r.summary->author), esc(stamp(r.summary->updated)));
    } else {
        html += QStringLiteral("<p>The therapist has not written a shareable summary.</p>");
    }
    html += noticeSection();
    return render(QStringLiteral("%1 %2").arg(title, r.client.code), html, charts);
}

QByteArray noteReportPdf(const NoteReport &r)
{
    const model::Note &n = r.note;
    const QString title = QStringLiteral("Progress note");
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(title));
    html += keyValues({{QStringLiteral("Client"), n.clientCode},
                       {QStringLiteral("Name"), r.clientName},
                       {QStringLiteral("Date"), model::toIso(n.sessionDate)},
                       {QStringLiteral("Time"), r.time},
                       {QStringLiteral("Duration"), QStringLiteral("%1 minutes").arg(r.minutes)},
                       {QStringLiteral("Modality"), model::toString(r.modality)},
                       {QStringLiteral("Setting"), r.setting ? model::toString(*r.setting) : QString()},
                       {QStringLiteral("Attendance"), model::toString(r.attendance)},
                       {QStringLiteral("Author"), n.author},
                       {QStringLiteral("Template"), r.templateLabel},
                       {QStringLiteral("Note"), QString::number(n.id)},
                       {QStringLiteral("Printed by"), preparedPairsNote(r.prepared)}});
    for (const model::Section &s : n.sections) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(s.title));
        html += QStringLiteral("<p class=\"section\">%1</p>").arg(s.text.trimmed().isEmpty() ? QStringLiteral("\u2014") : para(s.text.trimmed()));
    }

    html += QStringLiteral("<h2>Signature</h2>");
    if (n.status == model::NoteStatus::Draft) {
        html += QStringLiteral("<p><b>Draft \u2014 not signed.</b> This note may still change.</p>");
    } else {
        html += tableOpen();
        html += QStringLiteral("<tr><td class=\"key\" width=\"22%\">Signed by</td><td>%1</td></tr>").arg(esc(n.signedBy));
        html += QStringLiteral("<tr><td class=\"key\">Signed at</td><td>%1</td></tr>").arg(esc(stamp(n.signedAt)));
        html += QStringLiteral("<tr><td class=\"key\">Content hash (SHA-256)</td><td><span style=\"font-family: 'DejaVu Sans Mono'; "
                              "font-size: 8pt;\">%1</span></td></tr>")
                    .arg(esc(n.contentHash));
        html += QStringLiteral("<tr><td class=\"key\">Verified</td><td>%1</td></tr>")
                    .arg(r.signatureVerified ? QStringLiteral("the hash matches the note as printed")
                                             : QStringLiteral("NO: the note does not match its signature"));
        html += QStringLiteral("</table>");
        html += QStringLiteral("<h2>Co-signature</h2>");
        if (n.status == model::NoteStatus::Cosigned) {
            html += tableOpen();
            html += QStringLiteral("<tr><td class=\"key\" width=\"22%\">Co-signed by</td><td>%1</td></tr>").arg(esc(n.cosigner()));
            html += QStringLiteral("<tr><td class=\"key\">Co-signed at</td><td>%1</td></tr>").arg(esc(stamp(n.cosignedAt)));
            html += QStringLiteral("</table>");
        } else {
            html += QStringLiteral("<p>Not co-signed%1.</p>")
                        .arg(n.cosignRequired ? QStringLiteral(" (the author's supervision requires a co-signature)") : QString());
        }
    }

    html += QStringLiteral("<h2>Addenda</h2>");
    if (r.addenda.isEmpty()) {
        html += QStringLiteral("<p>None.</p>");
    } else {
        html += tableOpen() + headerRow({QStringLiteral("Author"), QStringLiteral("Date"), QStringLiteral("Addendum")});
        for (const model::Addendum &a : r.addenda)
            html += QStringLiteral("<tr><td width=\"16%\">%1</td><td width=\"22%\">%2</td><td>%3</td></tr>")
                        .arg(esc(a.author), esc(stamp(a.signedAt)), para(a.text));
        html += QStringLiteral("</table>");
    }
    html += noticeSection();
    return render(QStringLiteral("%1 %2, %3").arg(title, n.clientCode, model::toIso(n.sessionDate)), html);
}

QByteArray supervisionReportPdf(const SupervisionReport &r)
{
    const QString title = QStringLiteral("Supervision report");
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(title));
    int counts[4] = {0, 0, 0, 0};
    static const QStringList statuses = {QStringLiteral("draft"), QStringLiteral("signed"), QStringLiteral("co-signed"),
                                         QStringLiteral("returned")};
    for (const SupervisedNote &n : r.notes)
        if (const qsizetype i = statuses.indexOf(n.status); i >= 0)
            ++counts[i];
    html += keyValues({{QStringLiteral("Therapist"), r.therapist},
                       {QStringLiteral("Supervision"), r.supervisors.join(QStringLiteral(", "))},
                       {QStringLiteral("Period"), QStringLiteral("%1 to %2").arg(model::toIso(r.from), model::toIso(r.to))},
                       {QStringLiteral("Notes"), QStringLiteral("%1: %2 draft, %3 signed, %4 co-signed, %5 returned")
                                                     .arg(r.notes.size())
                                                     .arg(counts[0])
                                                     .arg(counts[1])
                                                     .arg(counts[2])
                                                     .arg(counts[3])},
                       {QStringLiteral("Prepared by"), preparedPairsNote(r.prepared)}});
    html += QStringLiteral("<p class=\"note\">Progress notes only, by session date. Note text is not part of this "
                           "report.</p>");

    html += QStringLiteral("<h2>Notes</h2>");
    if (r.notes.isEmpty()) {
        html += QStringLiteral("<p>No progress notes in this period.</p>");
    } else {
        html += tableOpen()
            + headerRow({QStringLiteral("Date"), QStringLiteral("Client"), QStringLiteral("Note"), QStringLiteral("Status"),
                         QStringLiteral("Comments")});
        for (const SupervisedNote &n : r.notes)
            html += row({model::toIso(n.date), esc(n.clientCode), QString::number(n.noteId), esc(n.status),
                         QString::number(n.comments.size())});
        html += QStringLiteral("</table>");
    }

    html += QStringLiteral("<h2>Comments</h2>");
    bool anyComment = false;
    for (const SupervisedNote &n : r.notes) {
        if (n.comments.isEmpty())
            continue;
        anyComment = true;
        html += QStringLiteral("<h3>Note %1 \u2014 %2, %3</h3>").arg(n.noteId).arg(esc(n.clientCode), model::toIso(n.date));
        html += tableOpen() + headerRow({QStringLiteral("Who"), QStringLiteral("When"), QStringLiteral("Comment")});
        for (const model::NoteComment &c : n.comments)
            html += QStringLiteral("<tr><td width=\"16%\">%1</td><td width=\"22%\">%2</td><td>%3%4</td></tr>")
                        .arg(esc(c.author), esc(stamp(c.created)), c.returned ? QStringLiteral("<b>Returned:</b> ") : QString(),
                             para(c.text));
        html += QStringLiteral("</table>");
    }
    if (!anyComment)
        html += QStringLiteral("<p>No comments on these notes.</p>");

    html += QStringLiteral("<h2>Agreement</h2>");
    if (!r.agreement) {
        html += QStringLiteral("<p>No agreement check has been run for this therapist.</p>");
    } else {
        const auto &a = *r.agreement;
        html += QStringLiteral("<p>Latest agreement check (%1) by %2: %3 of %4 sampled notes rated. Cohen's kappa per "
                               "theme over the rated notes (n/a where chance explains every agreement).</p>")
                    .arg(a.check)
                    .arg(esc(a.supervisor))
                    .arg(a.rated)
                    .arg(a.sampled);
        if (a.supervisorTherapist.isEmpty()) {
            html += QStringLiteral("<p>No themes in the rated notes yet.</p>");
        } else {
            auto kappa = [](const themes::ThemeAgreement &t) {
                return t.kappa ? QString::number(*t.kappa, 'f', 2) : QStringLiteral("n/a");
            };
            html += tableOpen()
                + headerRow({QStringLiteral("Theme"), QStringLiteral("Notes"), QStringLiteral("Supervisor\u2013therapist \u03ba"),
                             QStringLiteral("Supervisor\u2013tagger \u03ba"), QStringLiteral("Therapist\u2013tagger \u03ba")});
            for (qsizetype i = 0; i < a.supervisorTherapist.size(); ++i)
                html += row({esc(r.themeLabels.value(a.supervisorTherapist.at(i).theme, a.supervisorTherapist.at(i).theme)), QString::number(a.supervisorTherapist.at(i).notes),
                             kappa(a.supervisorTherapist.at(i)), kappa(a.supervisorTagger.value(i)),
                             kappa(a.therapistTagger.value(i))});
            html += QStringLiteral("</table>");
        }
    }
    html += noticeSection();
    return render(QStringLiteral("%1 %2").arg(title, r.therapist), html);
}

QByteArray auditReportPdf(const AuditReport &r)
{
    const QString title = QStringLiteral("Audit trail");
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(title));
    const QString period = QStringLiteral("%1 to %2").arg(r.from.isEmpty() ? QStringLiteral("the first entry") : r.from,
                                                          r.to.isEmpty() ? QStringLiteral("the last entry") : r.to);
    html += keyValues({{QStringLiteral("Period"), period},
                       {QStringLiteral("Entries"), QString::number(r.entries.size())},
                       {QStringLiteral("User"), r.user.isEmpty() ? QStringLiteral("everyone") : r.user},
                       {QStringLiteral("Chain"), r.whole ? QStringLiteral("verified whole") : QStringLiteral("BROKEN: ") + r.broken},
                       {QStringLiteral("Prepared by"), preparedPairsNote(r.prepared)}});
    html += QStringLiteral("<p class=\"note\">Who did what and when; objects are ids, never names or note text. Each "
                           "entry's hash chains it to the one before.</p>");
    html += QStringLiteral("<div style=\"font-size: 8pt;\">") + tableOpen()
        + headerRow({QStringLiteral("Seq"), QStringLiteral("At (UTC)"), QStringLiteral("User"), QStringLiteral("Action"),
                     QStringLiteral("Object"), QStringLiteral("Detail"), QStringLiteral("Hash")});
    for (const vault::AuditEntry &e : r.entries)
        html += row({QString::number(e.seq), esc(e.at.left(19)).replace(u'T', QStringLiteral("&nbsp;")), esc(e.user),
                     esc(e.action), esc(e.object), esc(e.detail), esc(e.hash.left(12))});
    html += QStringLiteral("</table></div>");
    html += noticeSection();
    return render(title, html);
}

QByteArray safetyPlanPdf(const SafetyPlanReport &r)
{
    const model::SafetyPlan &plan = r.plan;
    const QString title = QStringLiteral("My safety plan");
    QString html = QStringLiteral("<h1>%1</h1>").arg(esc(title));
    html += keyValues({{QStringLiteral("Name"), r.clientName},
                       {QStringLiteral("Client"), plan.clientCode},
                       {QStringLiteral("Version"), QString::number(plan.version)},
                       {QStringLiteral("Written"), stamp(plan.signedAt)}});
    html += QStringLiteral("<p class=\"note\">Go through the steps in order until you are safe. If one does not help, "
                           "move on to the next.</p>");
    for (int i = 0; i < model::safetyStepCount; ++i) {
        const auto step = static_cast<model::SafetyStep>(i);
        html += QStringLiteral("<h2>Step %1: %2</h2><p class=\"note\">%3</p>")
                    .arg(i + 1)
                    .arg(esc(model::title(step)), esc(model::prompt(step)));
        const QStringList &items = plan.items(step);
        if (items.isEmpty()) {
            html += QStringLiteral("<p>\u2014</p>");
            continue;
        }
        html += QStringLiteral("<ul>");
        for (const QString &item : items)
            html += QStringLiteral("<li>%1</li>").arg(esc(item));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h2>Signatures</h2>");
    html += tableOpen();
    html += QStringLiteral("<tr><td class=\"key\" width=\"22%\">Clinician</td><td>%1, signed %2</td></tr>")
                .arg(esc(plan.author), esc(stamp(plan.signedAt)));
    html += QStringLiteral("<tr><td class=\"key\">Client</td><td><br/><br/>Signature and date</td></tr>");
    html += QStringLiteral("</table>");
    html += QStringLiteral("<p class=\"note\">Plan version %1. Content hash (SHA-256) %2.</p>")
                .arg(plan.version)
                .arg(esc(plan.contentHash));
    return render(QStringLiteral("Safety plan, %1").arg(plan.clientCode), html, {}, Copy::Client);
}

} // namespace uc::reports
