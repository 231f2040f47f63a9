// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/script.h"

#include <algorithm>

namespace uc::demo::script {

namespace {

// The practice closes from 23 December to 2 January.
bool closed(const Date &d)
{
    return (d.month() == 12 && d.day() >= 23) || (d.month() == 1 && d.day() <= 2);
}

QList<Date> datesOf(const Stretch &when, boost::date_time::weekdays weekday, int everyWeeks)
{
    QList<Date> dates;
    Date d = when.from;
    while (d.day_of_week() != weekday)
        d += boost::gregorian::days(1);
    for (; d <= when.to; d += boost::gregorian::weeks(everyWeeks)) {
        if (!closed(d))
            dates.append(d);
    }
    return dates;
}

model::TimeOfDay at(int hour, int minute)
{
    return boost::posix_time::hours(hour) + boost::posix_time::minutes(minute);
}

constexpr auto Mon = boost::date_time::Monday;
constexpr auto Thu = boost::date_time::Thursday;

// A session before attendance is drawn: the clients expected at it.
struct Booking
{
    Meeting meeting;
    QList<int> clients;
};

void bookIndividual(const Practice &p, QList<Booking> &out)
{
    for (int c = 0; c < p.clients.size(); ++c) {
        for (const Run &run : p.clients[c].runs) {
            int n = 0;
            for (const Date &d : datesOf(run.when, run.weekday, run.everyWeeks)) {
                Meeting m;
                m.date = d;
                m.start = at(run.hour, run.minute);
                m.setting = (run.videoEvery > 0 && ++n % run.videoEvery == 0) ? Setting::Telehealth : run.setting;
                out.append({m, {c}});
            }
        }
    }
}

struct GroupPlan
{
    Stretch when;
    boost::date_time::weekdays weekday;
    int everyWeeks = 1;
    model::TimeOfDay start;
    Setting setting = Setting::Aftercare;
    QStringList topics;
    std::optional<Stretch> Profile::*membership = nullptr;
};

// A group meets when at least two of our clients are in it (the other residents are not ours).
void bookGroups(const Practice &p, const GroupPlan &plan, Rng &topics, QList<Booking> &out)
{
    for (const Date &d : datesOf(plan.when, plan.weekday, plan.everyWeeks)) {
        Meeting m;
        m.date = d;
        m.start = plan.start;
        m.minutes = 90;
        m.modality = Modality::Group;
        m.setting = plan.setting;
        m.topic = topics.pick(plan.topics);
        QList<int> members;
        for (int c = 0; c < p.clients.size(); ++c) {
            const auto &stretch = p.clients[c].*plan.membership;
            if (stretch && stretch->covers(d))
                members.append(c);
        }
        if (members.size() >= 2)
            out.append({m, members});
    }
}

// First sessions are always kept; residents are rarely late, outpatients sometimes miss.
Attendance drawAttendance(bool first, Setting setting, Rng &r)
{
    const int roll = r.below(100);
    if (first)
        return Attendance::Attended;
    if (setting == Setting::Residential)
        return roll >= 96 ? Attendance::Late : Attendance::Attended;
    if (roll >= 96)
        return Attendance::Cancelled;
    if (roll >= 91)
        return Attendance::NoShow;
    return roll >= 84 ? Attendance::Late : Attendance::Attended;
}

// The first attended visit on or after a date that is still routine, or -1.
int firstRoutineFrom(const Practice &p, const QList<int> &attended, const Date &from, bool individualOnly)
{
    for (int v : attended) {
        const Meeting &m = p.meetingOf(p.visits[v]);
        if (m.date >= from && p.visits[v].beat == Beat::Routine
            && (!individualOnly || m.modality == Modality::Individual))
            return v;
    }
    return -1;
}

// Marks the first routine individual visit from a date, then the attended visits after it, with a
// sequence of beats.
void markEpisode(Practice &p, const QList<int> &attended, const Date &from, std::initializer_list<Beat> beats)
{
    const int start = firstRoutineFrom(p, attended, from, true);
    if (start < 0)
        return;
    qsizetype i = attended.indexOf(start);
    for (Beat b : beats) {
        if (i >= attended.size())
            return;
        p.visits[attended[i++]].beat = b;
    }
}

void markStory(Practice &p, Story story, const QList<int> &attended)
{
    switch (story) {
    case Story::AbandonmentRelapse:
        // Each episode: abandonment raised, relapse (its link to abandonment named), still drinking,
        // sober again. Two other times abandonment is raised and weathered.
        for (const Date &d : {day(2024, 5, 14), day(2024, 8, 6), day(2024, 10, 22), day(2025, 2, 11), day(2025, 6, 3),
                              day(2025, 9, 23)})
            markEpisode(p, attended, d, {Beat::Abandonment, Beat::Relapse, Beat::Aftermath, Beat::Repair});
        markEpisode(p, attended, day(2024, 2, 19), {Beat::NearMiss});
        markEpisode(p, attended, day(2025, 11, 18), {Beat::NearMiss});
        break;
    case Story::GriefDrinking:
        markEpisode(p, attended, day(2024, 11, 13), {Beat::Anniversary, Beat::Repair});
        break;
    case Story::Gambling:
        markEpisode(p, attended, day(2025, 4, 7), {Beat::Lapse, Beat::Repair});
        break;
    case Story::StableAftercare:
        markEpisode(p, attended, day(2024, 3, 5), {Beat::Milestone});
        markEpisode(p, attended, day(2025, 3, 4), {Beat::Milestone});
        break;
    case Story::FamilyShame:
        markEpisode(p, attended, day(2025, 3, 6), {Beat::Milestone});
        break;
    case Story::AngerCannabis:
        if (!attended.isEmpty())
            p.visits[attended.last()].beat = Beat::Ending;
        break;
    case Story::OpioidMat:
        // Ten weeks after the step-down from residential care, a lapse on heroin cut with
        // fentanyl; sober again the week after; six months on from the lapse, a milestone.
        markEpisode(p, attended, day(2025, 5, 21), {Beat::Lapse, Beat::Repair});
        markEpisode(p, attended, day(2025, 11, 26), {Beat::Milestone});
        break;
    case Story::AnxiousUse:
        break; // a gradual story: its notes follow progress, not beats
    }
}

} // namespace

void schedule(Practice &p, std::uint32_t seed)
{
    QList<Booking> bookings;
    bookIndividual(p, bookings);
    Rng topics = stream(seed, 0, Purpose::Topics);
    bookGroups(p,
               {{day(2024, 1, 11), day(2024, 5, 23)},
                Thu,
                1,
                at(14, 0),
                Setting::Residential,
                pool("residentialTopics"),
                &Profile::residentialGroup},
               topics, bookings);
    bookGroups(p,
               {{day(2024, 1, 15), day(2025, 12, 15)},
                Mon,
                2,
                at(18, 30),
                Setting::Aftercare,
                pool("aftercareTopics"),
                &Profile::aftercareGroup},
               topics, bookings);
    std::stable_sort(bookings.begin(), bookings.end(), [](const Booking &a, const Booking &b) {
        return a.meeting.date != b.meeting.date ? a.meeting.date < b.meeting.date : a.meeting.start < b.meeting.start;
    });

    QList<Rng> attendance;
    for (int c = 0; c < p.clients.size(); ++c)
        attendance.append(stream(seed, c, Purpose::Attendance));
    QList<bool> seen(p.clients.size(), false);
    for (Booking &booking : bookings) {
        for (int c : std::as_const(booking.clients)) {
            Visit v;
            v.client = c;
            v.meeting = static_cast<int>(p.meetings.size());
            v.attendance = drawAttendance(!seen[c], booking.meeting.setting, attendance[c]);
            if (v.attendance == Attendance::Late)
                v.lateMinutes = 5 * attendance[c].between(1, 4);
            seen[c] = true;
            booking.meeting.visits.append(static_cast<int>(p.visits.size()));
            p.visits.append(v);
        }
        p.meetings.append(booking.meeting);
    }
}

void assignBeats(Practice &p)
{
    for (int c = 0; c < p.clients.size(); ++c) {
        const QList<int> attended = p.visitsOf(c, true);
        for (qsizetype i = 0; i < attended.size(); ++i) {
            Visit &v = p.visits[attended[i]];
            v.progress = attended.size() > 1 ? static_cast<double>(i) / static_cast<double>(attended.size() - 1) : 0.0;
            v.beat = Beat::Routine;
        }
        // The assessment is the first individual session; a resident may meet the group before it.
        const auto intake = std::find_if(attended.begin(), attended.end(), [&](int v) {
            return p.meetingOf(p.visits[v]).modality == Modality::Individual;
        });
        if (intake != attended.end())
            p.visits[*intake].beat = Beat::Intake;
        markStory(p, p.clients[c].story, attended);
    }
}

} // namespace uc::demo::script
