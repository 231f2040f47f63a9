// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/treatment.h"

#include <algorithm>
#include <functional>

namespace uc::demo {

using namespace script;

namespace {

using boost::gregorian::days;
using boost::gregorian::weeks;
using model::TreatmentEvent;

// One attended individual session: where screens are taken and the story turns.
struct Seen
{
    Date date;
    Beat beat;
};

// A client's course as the calendar has it: the first and last session (attended or not, group or
// individual), and the attended individual sessions in date order.
struct Course
{
    QString code;
    Date first;
    Date last;
    QList<Seen> seen;

    [[nodiscard]] bool holds(const Date &d) const { return d >= first && d <= last; }
    // The date of the nth (0 first) attended individual session with this beat, if any.
    [[nodiscard]] std::optional<Date> beat(Beat b, int nth = 0) const
    {
        for (const Seen &s : seen) {
            if (s.beat == b && nth-- == 0)
                return s.date;
        }
        return std::nullopt;
    }
};

Course courseOf(const Practice &p, int client)
{
    Course c;
    c.code = p.clients[client].code;
    const QList<int> all = p.visitsOf(client, false);
    c.first = p.meetingOf(p.visits[all.first()]).date;
    c.last = p.meetingOf(p.visits[all.last()]).date;
    for (int v : p.visitsOf(client, true)) {
        const Meeting &m = p.meetingOf(p.visits[v]);
        if (m.modality == Modality::Individual)
            c.seen.append({m.date, p.visits[v].beat});
    }
    return c;
}

Date onOrAfter(Date d, boost::date_time::weekdays weekday)
{
    while (d.day_of_week() != weekday)
        d += days(1);
    return d;
}

TreatmentEvent base(const Course &c, const QString &kind, const Date &date)
{
    TreatmentEvent e;
    e.clientCode = c.code;
    e.kind = kind;
    e.date = date;
    return e;
}

// Meetings on a weekday every few weeks from one date to another (within the course), each missed
// with the chance given, and none while the client is drinking again (skip).
void meetings(QList<TreatmentEvent> &out, const Course &c, const QString &kind, const QString &what, Date from,
              const Date &to, boost::date_time::weekdays weekday, int everyWeeks, double missed, Rng &r,
              const std::function<bool(const Date &)> &skip = {})
{
    for (Date d = onOrAfter(from, weekday); d <= to && d <= c.last; d += weeks(everyWeeks)) {
        if (d < c.first || r.chance(missed) || (skip && skip(d)))
            continue;
        TreatmentEvent e = base(c, kind, d);
        (kind == u"group" ? e.group : e.program) = what;
        out.append(e);
    }
}

void mat(QList<TreatmentEvent> &out, const Course &c, const Date &date, const QString &medication,
         const QString &change, std::optional<double> dose = std::nullopt)
{
    if (!c.holds(date))
        return;
    TreatmentEvent e = base(c, u"mat"_s, date);
    e.medication = medication;
    e.change = change;
    e.dose = dose;
    e.unit = dose ? u"mg"_s : QString();
    out.append(e);
}

void screen(QList<TreatmentEvent> &out, const Course &c, const Date &date, const QString &substance,
            const QString &method, bool positive)
{
    if (!c.holds(date))
        return;
    TreatmentEvent e = base(c, u"drug-screen"_s, date);
    e.substance = substance;
    e.result = positive ? u"positive"_s : u"negative"_s;
    e.method = method;
    out.append(e);
}

// A negative screen at every nth attended individual session from the kth, the substances in turn,
// but not at a turn of the story (a relapse, a lapse and the sessions while drinking have their own).
void routineScreens(QList<TreatmentEvent> &out, const Course &c, int every, int from,
                    const QList<std::pair<QString, QString>> &substances)
{
    int turn = 0;
    for (qsizetype i = from; i < c.seen.size(); i += every) {
        const Beat b = c.seen[i].beat;
        if (b == Beat::Relapse || b == Beat::Aftermath || b == Beat::Lapse || b == Beat::Anniversary)
            continue;
        const auto &[substance, method] = substances[turn++ % substances.size()];
        screen(out, c, c.seen[i].date, substance, method, false);
    }
}

// Whether a day falls between a relapse and the session she is sober again.
bool drinking(const Course &c, const Date &d)
{
    bool relapsed = false;
    Date since = c.first;
    for (const Seen &s : c.seen) {
        if (s.beat == Beat::Relapse) {
            relapsed = true;
            since = s.date;
        } else if (s.beat == Beat::Repair && relapsed) {
            if (d >= since && d < s.date)
                return true;
            relapsed = false;
        }
    }
    return false;
}

constexpr auto Wed = boost::date_time::Wednesday;
constexpr auto Thu = boost::date_time::Thursday;
constexpr auto Sat = boost::date_time::Saturday;
constexpr auto Sun = boost::date_time::Sunday;
constexpr auto Tue = boost::date_time::Tuesday;

} // namespace

QList<TreatmentEvent> planTreatmentEvents(const Practice &p, std::uint32_t seed)
{
    QList<TreatmentEvent> out;
    for (int client = 0; client < p.clients.size(); ++client) {
        const Profile &who = p.clients[client];
        if (p.visitsOf(client, false).isEmpty())
            continue;
        const Course c = courseOf(p, client);
        Rng r = stream(seed, client, Purpose::Treatment);
        QList<TreatmentEvent> mine;
        const Date aftercare = who.runs.size() > 1 ? who.runs[1].when.from : c.first;
        const std::pair<QString, QString> breath{u"alcohol"_s, u"breath"_s};
        switch (who.story) {
        case Story::AbandonmentRelapse:
            // Naltrexone from the third week of residential care, stopped at the step-down to
            // fortnightly sessions and started again after the fourth relapse; AA weekly through
            // aftercare, not while drinking; breath tests, positive at the second relapse.
            mat(mine, c, c.first + weeks(2), u"naltrexone"_s, u"start"_s, 50);
            mat(mine, c, who.runs[1].when.to - days(7), u"naltrexone"_s, u"stop"_s);
            if (const auto back = c.beat(Beat::Repair, 3))
                mat(mine, c, *back, u"naltrexone"_s, u"start"_s, 50);
            meetings(mine, c, u"mutual-help"_s, u"aa"_s, aftercare, c.last, Sat, 1, 0.12, r,
                     [&](const Date &d) { return drinking(c, d); });
            screen(mine, c, c.first, breath.first, breath.second, false);
            routineScreens(mine, c, 6, 3, {breath});
            if (const auto relapse = c.beat(Beat::Relapse, 1))
                screen(mine, c, *relapse, breath.first, breath.second, true);
            break;
        case Story::AnxiousUse:
            // Cocaine on the admission screen, then negative urine screens; SMART Recovery from two
            // months into aftercare, fortnightly at first and weekly from the new year.
            screen(mine, c, c.first, u"stimulants"_s, u"urine"_s, true);
            routineScreens(mine, c, 4, 2, {{u"stimulants"_s, u"urine"_s}});
            meetings(mine, c, u"mutual-help"_s, u"smart"_s, aftercare + weeks(8), who.runs.last().when.from, Thu, 2,
                     0.2, r);
            meetings(mine, c, u"mutual-help"_s, u"smart"_s, who.runs.last().when.from, c.last, Thu, 1, 0.15, r);
            break;
        case Story::GriefDrinking:
            // Acamprosate from the fourth week, the dose lowered a month on, stopped after a year; a
            // bereavement group for twelve meetings; breath tests, positive at the anniversary lapse.
            mat(mine, c, c.first + weeks(3), u"acamprosate"_s, u"start"_s, 1998);
            mat(mine, c, c.first + weeks(7), u"acamprosate"_s, u"dose-change"_s, 1332);
            mat(mine, c, c.first + weeks(55), u"acamprosate"_s, u"stop"_s);
            meetings(mine, c, u"group"_s, u"Bereavement support group"_s, c.first + weeks(8),
                     c.first + weeks(8 + 2 * 11), Tue, 2, 0.1, r);
            routineScreens(mine, c, 5, 2, {breath});
            if (const auto lapse = c.beat(Beat::Anniversary))
                screen(mine, c, *lapse, breath.first, breath.second, true);
            break;
        case Story::FamilyShame:
            // AA weekly from aftercare; alcohol and benzodiazepine screens in turn, all negative.
            meetings(mine, c, u"mutual-help"_s, u"aa"_s, aftercare, c.last, Sun, 1, 0.15, r);
            screen(mine, c, c.first, u"sedatives"_s, u"urine"_s, false);
            routineScreens(mine, c, 4, 2, {breath, {u"sedatives"_s, u"urine"_s}});
            break;
        case Story::Gambling:
            // Gamblers Anonymous weekly from the week after his lapse. No substance: no screens.
            if (const auto lapse = c.beat(Beat::Lapse))
                meetings(mine, c, u"mutual-help"_s, u"other"_s, *lapse + days(1), c.last, Wed, 1, 0.1, r);
            break;
        case Story::StableAftercare:
            // Her home group every Saturday; an occasional breath test, negative.
            meetings(mine, c, u"mutual-help"_s, u"aa"_s, c.first, c.last, Sat, 1, 0.08, r);
            routineScreens(mine, c, 10, 4, {breath});
            break;
        case Story::OpioidMat:
            // Buprenorphine from the second day of residential detox at 16 mg, raised to 20 mg at the
            // lapse; opioids on the admission screen, then negative urine screens, and opioids with
            // fentanyl at the lapse; Narcotics Anonymous weekly from the step-down to outpatient care.
            mat(mine, c, c.first + days(1), u"buprenorphine"_s, u"start"_s, 16);
            screen(mine, c, c.first, u"opioids"_s, u"urine"_s, true);
            routineScreens(mine, c, 3, 2, {{u"opioids"_s, u"urine"_s}});
            if (const auto lapse = c.beat(Beat::Lapse)) {
                screen(mine, c, *lapse, u"opioids"_s, u"urine"_s, true);
                mat(mine, c, *lapse, u"buprenorphine"_s, u"dose-change"_s, 20);
            }
            meetings(mine, c, u"mutual-help"_s, u"na"_s, aftercare, c.last, Thu, 1, 0.12, r);
            break;
        case Story::AngerCannabis:
            // Cannabis on the admission screen, negative urine screens after; an anger management
            // group weekly for ten weeks from the step-down.
            screen(mine, c, c.first, u"cannabis"_s, u"urine"_s, true);
            routineScreens(mine, c, 4, 2, {{u"cannabis"_s, u"urine"_s}});
            meetings(mine, c, u"group"_s, u"Anger management group"_s, aftercare, aftercare + weeks(9), Thu, 1, 0.1,
                     r);
            break;
        }
        std::stable_sort(mine.begin(), mine.end(),
                         [](const TreatmentEvent &a, const TreatmentEvent &b) { return a.date < b.date; });
        out.append(mine);
    }
    return out;
}

QList<model::UseDay> planUseDays(const Practice &p)
{
    QList<model::UseDay> out;
    for (int client = 0; client < p.clients.size(); ++client) {
        if (p.clients[client].story != Story::OpioidMat || p.visitsOf(client, false).isEmpty())
            continue;
        const Course c = courseOf(p, client);
        const auto lapse = c.beat(Beat::Lapse);
        if (!lapse)
            continue;
        // The timeline follow-back of the lapse session: the four weeks before it, day by day,
        // from his recall; the Saturday of the lapse used.
        for (Date d = *lapse - days(28); d < *lapse; d += days(1)) {
            model::UseDay u;
            u.clientCode = c.code;
            u.substance = u"opioids"_s;
            u.date = d;
            u.used = d == *lapse - days(3);
            u.source = u"recall"_s;
            out.append(u);
        }
    }
    return out;
}

} // namespace uc::demo
