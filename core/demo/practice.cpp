// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/practice.h"

#include "model/measures.h"
#include "model/types.h"
#include "vault/vault.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <span>

// How the practice is made: a calendar of appointments and groups (fixed dates), attendance drawn
// per visit, a story beat for every attended visit (what the client brings that week), then notes
// written from phrase pools and measures scored from the same beats. Every random choice comes from
// one small PRNG per client and purpose, so a seed always gives the same practice.
namespace uc::demo {

namespace {

using namespace Qt::StringLiterals;

using model::Attendance;
using model::Date;
using model::Modality;
using model::Section;
using model::Setting;
using Pool = std::span<const char16_t *const>;

// ---- randomness ---------------------------------------------------------------------------------

// splitmix64 (Steele, Lea and Flood 2014): tiny and identical on every platform, unlike the std::
// distributions, whose output is implementation-defined.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {
    }

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // 0 .. n-1; the modulo bias is far below anything a demo can show.
    int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }
    QString pick(Pool options) { return QString::fromUtf16(options[index(options.size())]); }
    // n different options, in random order.
    QStringList some(Pool options, int n)
    {
        QList<std::size_t> order;
        for (std::size_t i = 0; i < options.size(); ++i)
            order.append(i);
        QStringList out;
        for (qsizetype i = 0; i < std::min<qsizetype>(n, order.size()); ++i) {
            const qsizetype j = i + static_cast<qsizetype>(index(static_cast<std::size_t>(order.size() - i)));
            std::swap(order[i], order[j]);
            out.append(QString::fromUtf16(options[order[i]]));
        }
        return out;
    }

private:
    std::size_t index(std::size_t size) { return static_cast<std::size_t>(next() % size); }
    std::uint64_t m_state;
};

// Independent streams per client and purpose: a change to the wording never moves a date.
enum class Purpose { Attendance = 1, Words, Measures, Topics, Process };

Rng stream(std::uint32_t seed, int client, Purpose purpose)
{
    Rng mixer((std::uint64_t{seed} << 32) ^ (static_cast<std::uint64_t>(client) << 8)
              ^ static_cast<std::uint64_t>(purpose));
    return Rng(mixer.next());
}

// ---- the calendar -------------------------------------------------------------------------------

struct Stretch
{
    Date from;
    Date to; // inclusive
    [[nodiscard]] bool covers(const Date &d) const { return d >= from && d <= to; }
};

// A run of regular individual appointments in one setting.
struct Run
{
    Stretch when;
    boost::date_time::weekdays weekday;
    int everyWeeks = 1;
    int hour = 10;
    int minute = 0;
    Setting setting = Setting::Outpatient;
    int videoEvery = 0; // every nth appointment by telehealth
};

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

// ---- the caseload -------------------------------------------------------------------------------

enum class Story {
    AbandonmentRelapse,
    AnxiousUse,
    GriefDrinking,
    FamilyShame,
    Gambling,
    StableAftercare,
    AngerCannabis
};

struct Profile
{
    QString code;
    QString name;
    bool she = true;
    Story story = Story::StableAftercare;
    QString summary;
    QList<Run> runs;
    std::optional<Stretch> residentialGroup;
    std::optional<Stretch> aftercareGroup;
    std::optional<Date> discharged;
    bool substanceUse = true; // 42 CFR Part 2 applies to the record
    QStringList instruments;
};

Date day(int y, int m, int d)
{
    return {static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d)};
}

constexpr auto Mon = boost::date_time::Monday;
constexpr auto Tue = boost::date_time::Tuesday;
constexpr auto Wed = boost::date_time::Wednesday;
constexpr auto Thu = boost::date_time::Thursday;
constexpr auto Fri = boost::date_time::Friday;

// Every name is invented; any likeness to a real person is chance.
QList<Profile> caseload()
{
    const QString phq9 = u"phq9"_s;
    const QString gad7 = u"gad7"_s;
    const QString auditc = u"auditc"_s;
    QList<Profile> all;
    all.append({u"C-0101"_s,
                u"Orla Fenwright"_s,
                true,
                Story::AbandonmentRelapse,
                u"Alcohol; abandonment rises in the session before each relapse"_s,
                {{{day(2024, 1, 8), day(2024, 3, 29)}, Mon, 1, 10, 0, Setting::Residential},
                 {{day(2024, 4, 2), day(2024, 12, 17)}, Tue, 1, 18, 0, Setting::Aftercare},
                 {{day(2025, 1, 7), day(2025, 12, 16)}, Tue, 2, 18, 0, Setting::Aftercare}},
                Stretch{day(2024, 1, 8), day(2024, 3, 29)},
                std::nullopt,
                std::nullopt,
                true,
                {phq9, gad7, auditc}});
    all.append({u"C-0102"_s,
                u"Tamsin Varga-Lowe"_s,
                true,
                Story::AnxiousUse,
                u"Cocaine to quiet anxiety before work; fades as coping and recovery support grow"_s,
                {{{day(2024, 2, 5), day(2024, 4, 26)}, Wed, 1, 11, 0, Setting::Residential},
                 {{day(2024, 5, 1), day(2024, 12, 18)}, Wed, 1, 17, 30, Setting::Aftercare},
                 {{day(2025, 1, 8), day(2025, 12, 17)}, Wed, 2, 17, 30, Setting::Aftercare, 5}},
                Stretch{day(2024, 2, 5), day(2024, 4, 26)},
                Stretch{day(2024, 9, 1), day(2025, 12, 31)},
                std::nullopt,
                true,
                {phq9, gad7}});
    all.append({u"C-0103"_s,
                u"Declan Morrow-Hay"_s,
                false,
                Story::GriefDrinking,
                u"Grief and drinking after his wife's death; a lapse at the anniversary"_s,
                {{{day(2024, 3, 6), day(2025, 6, 25)}, Wed, 2, 15, 0, Setting::Outpatient, 4},
                 {{day(2025, 7, 9), day(2025, 12, 17)}, Wed, 4, 15, 0, Setting::Aftercare}},
                std::nullopt,
                Stretch{day(2025, 7, 1), day(2025, 12, 31)},
                std::nullopt,
                true,
                {phq9, gad7, auditc}});
    all.append({u"C-0104"_s,
                u"Priya Castellane"_s,
                true,
                Story::FamilyShame,
                u"An alcoholic father, secrecy and shame; alcohol and diazepam"_s,
                {{{day(2024, 3, 4), day(2024, 5, 24)}, Mon, 1, 11, 30, Setting::Residential},
                 {{day(2024, 6, 6), day(2025, 12, 18)}, Thu, 2, 17, 0, Setting::Aftercare}},
                Stretch{day(2024, 3, 4), day(2024, 5, 24)},
                Stretch{day(2024, 6, 1), day(2025, 12, 31)},
                std::nullopt,
                true,
                {phq9, gad7, auditc}});
    all.append({u"C-0105"_s,
                u"Gideon Ashcombe"_s,
                false,
                Story::Gambling,
                u"Gambling, debt and secrecy at home; one lapse, then Gamblers Anonymous"_s,
                {{{day(2024, 9, 2), day(2025, 5, 26)}, Mon, 1, 19, 0, Setting::Outpatient, 4},
                 {{day(2025, 6, 9), day(2025, 12, 15)}, Mon, 2, 19, 0, Setting::Outpatient, 4}},
                std::nullopt,
                std::nullopt,
                std::nullopt,
                false,
                {phq9, gad7}});
    all.append({u"C-0106"_s,
                u"Bea Lindqvist-Oduya"_s,
                true,
                Story::StableAftercare,
                u"Stable aftercare: long sobriety held by a sponsor, a home group and service"_s,
                {{{day(2024, 1, 9), day(2025, 12, 16)}, Tue, 2, 16, 0, Setting::Aftercare}},
                std::nullopt,
                Stretch{day(2024, 1, 1), day(2025, 12, 31)},
                std::nullopt,
                true,
                {phq9, gad7, auditc}});
    all.append({u"C-0107"_s,
                u"Wynn Calder"_s,
                false,
                Story::AngerCannabis,
                u"Cannabis to damp down anger at home; planned discharge in March 2025"_s,
                {{{day(2024, 1, 19), day(2024, 4, 12)}, Fri, 1, 10, 0, Setting::Residential},
                 {{day(2024, 4, 17), day(2024, 12, 18)}, Wed, 1, 12, 0, Setting::Aftercare},
                 {{day(2025, 1, 8), day(2025, 3, 26)}, Wed, 2, 12, 0, Setting::Aftercare}},
                Stretch{day(2024, 1, 15), day(2024, 4, 12)},
                Stretch{day(2024, 5, 1), day(2025, 3, 26)},
                day(2025, 3, 31),
                true,
                {phq9, gad7, auditc}});
    return all;
}

// ---- visits and beats ---------------------------------------------------------------------------

// What a client brings to one session; each story reads the beats it uses.
enum class Beat {
    Intake,
    Routine,
    NearMiss, // abandonment raised, and weathered
    Abandonment, // abandonment raised: the session before a relapse
    Relapse,
    Aftermath, // still drinking
    Repair, // sober again
    Anniversary, // a lapse on a hard date
    Lapse,
    Milestone,
    Ending,
};

struct Visit
{
    int client = 0;
    int meeting = 0;
    Attendance attendance = Attendance::Attended;
    int lateMinutes = 0;
    double progress = 0.0; // through the client's attended visits, 0 .. 1
    Beat beat = Beat::Routine;
    QString templateId;
    QList<Section> sections;
    model::Id note = 0; // once stored
    [[nodiscard]] bool attended() const { return attendance == Attendance::Attended || attendance == Attendance::Late; }
};

struct Meeting
{
    Date date;
    model::TimeOfDay start;
    int minutes = 50;
    Modality modality = Modality::Individual;
    Setting setting = Setting::Outpatient;
    QString topic;
    bool process = false; // a process note's session
    QList<int> visits; // indices into the visit list, attendee order
};

struct Practice
{
    QList<Profile> clients;
    QList<Meeting> meetings; // date order
    QList<Visit> visits;
    [[nodiscard]] const Meeting &meetingOf(const Visit &v) const { return meetings[v.meeting]; }
    // A client's sessions in date order (meetings are in date order); process notes' sessions,
    // added last, are not among them.
    [[nodiscard]] QList<int> visitsOf(int client, bool attendedOnly) const
    {
        QList<int> out;
        for (const Meeting &m : meetings) {
            if (m.process)
                continue;
            for (int v : m.visits) {
                if (visits[v].client == client && (!attendedOnly || visits[v].attended()))
                    out.append(v);
            }
        }
        return out;
    }
};

constexpr auto residentialTopics = std::to_array<const char16_t *>({
    u"Trust and honesty",
    u"Values and goals",
    u"Communication under pressure",
    u"Saying what you need",
    u"Self-compassion",
    u"Feedback and listening",
});
constexpr auto aftercareTopics = std::to_array<const char16_t *>({
    u"Weekends and structure",
    u"Building a network",
    u"Sleep and routine",
    u"Holidays and celebrations",
    u"Work and rest",
    u"Honesty with the people closest",
});

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
    Pool topics;
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
                residentialTopics,
                &Profile::residentialGroup},
               topics, bookings);
    bookGroups(p,
               {{day(2024, 1, 15), day(2025, 12, 15)},
                Mon,
                2,
                at(18, 30),
                Setting::Aftercare,
                aftercareTopics,
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
    case Story::AnxiousUse:
        break; // a gradual story: its notes follow progress, not beats
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

// ---- writing ------------------------------------------------------------------------------------

// What one session gave the writer, before it is laid out under a template's headings.
struct Material
{
    QStringList said; // what the client brought, in the writer's words and the client's own
    QStringList seen; // presentation
    QStringList defences;
    QStringList done; // interventions
    QStringList response; // response, insight, progress
    QStringList use; // use since last session
    QString cravings;
    QStringList triggers;
    QString stage;
    QStringList supports;
    QString risk;
    QStringList plan;
    QString frame;
    QString goal;
    QString followUp; // a plan item any session might end with
};

// Shared pools speak of the client through {she} {She} {her} {Her} {hers}; a client's own pools
// are written in their pronouns.
QString voiced(QString text, bool she)
{
    text.replace(QLatin1String("{she}"), she ? u"she"_s : u"he"_s);
    text.replace(QLatin1String("{She}"), she ? u"She"_s : u"He"_s);
    text.replace(QLatin1String("{her}"), she ? u"her"_s : u"his"_s);
    text.replace(QLatin1String("{Her}"), she ? u"Her"_s : u"His"_s);
    text.replace(QLatin1String("{obj}"), she ? u"her"_s : u"him"_s);
    return text;
}

constexpr auto seenPool = std::to_array<const char16_t *>({
    u"Casually dressed, good eye contact; affect congruent with content, speech normal in rate and volume.",
    u"Appeared well presented and alert. Described mood as \"okay\"; affect somewhat restricted.",
    u"Sat forward in the chair for much of the hour; affect brighter than last time.",
    u"Quiet at the start and warmer as the session went on. Thought process linear and goal-directed.",
    u"Alert and oriented, no signs of intoxication, engaged readily with the work.",
    u"Tearful at points but able to reflect. Eye contact improved through the session.",
});
constexpr auto interventionPool = std::to_array<const char16_t *>({
    u"Writer stayed with the affect rather than moving to problem-solving.",
    u"Supportive stance; writer reflected {her} ambivalence back without taking a side.",
    u"Writer offered a tentative interpretation linking today's material to earlier relationships.",
    u"Clarified the sequence of events, then explored what {she} felt at each point.",
    u"Expressive work: writer named the pattern of turning feelings into action.",
    u"Writer drew attention to how quickly {she} moved past the painful part of the story.",
    u"Writer asked what {she} hoped to hear today; {she} laughed and said \"that it's all right\".",
});
constexpr auto defencePool = std::to_array<const char16_t *>({
    u"Intellectualising when the material came close; humour used to change the subject twice.",
    u"Some rationalisation of the week's choices, softened when writer named it.",
    u"Turned quickly to other people's problems when asked about {her} own feelings.",
    u"Few defences in evidence today; {she} stayed with difficult feelings for longer than usual.",
});
constexpr auto framePool = std::to_array<const char16_t *>({
    u"Arrived on time; the session ran the full hour.",
    u"Session began and ended on time. No contact between sessions.",
    u"Frame held; no requests to change the time.",
    u"On time. {She} noticed the end of the hour coming and commented on it.",
});
constexpr auto followUpPool = std::to_array<const char16_t *>({
    u"Homework: write down what happened in the hour before any strong feeling this week.",
    u"Agreed to bring one dream or daydream to the next session.",
    u"Next session to start with the thread {she} left unfinished today.",
    u"Care plan reviewed together and updated; copy offered to the client.",
    u"Writer to liaise with the GP about a medication review, with {her} consent.",
});
constexpr auto riskPool = std::to_array<const char16_t *>({
    u"Denies suicidal ideation, intent or plan.",
    u"No suicidal ideation reported; protective factors reviewed.",
    u"Denies thoughts of harming {obj}self or others.",
});
constexpr auto participationOpeners = std::to_array<const char16_t *>({
    u"Attended the full session and spoke early in the check-in.",
    u"Quieter than usual at first; contributed when invited and stayed engaged.",
    u"Active throughout; offered peers thoughtful feedback without advice-giving.",
    u"Listened closely and spoke once at length in the second half.",
});
constexpr auto groupResponsePool = std::to_array<const char16_t *>({
    u"Accepted feedback from peers and reflected on it.",
    u"Visibly moved by the discussion; named one thing to take away.",
    u"Engaged well; able to stay with the topic when it became personal.",
});

// ---- the stories ----------------------------------------------------------------------------------

// Something that happened in a client's life between two dates, told at most once or twice.
struct Event
{
    Stretch when;
    const char16_t *text;
};

QStringList eventsAt(const QList<Event> &events, const Date &date)
{
    QStringList out;
    for (const Event &e : events) {
        if (e.when.covers(date))
            out.append(QString::fromUtf16(e.text));
    }
    return out;
}

// Orla (C-0101): alcohol; abandonment in the session before each relapse.
constexpr auto orlaResidential = std::to_array<const char16_t *>({
    u"Pt spoke about the structure of the ward and how strange it feels to have whole evenings to fill.",
    u"Client described her work as a dental nurse and the pride she takes in being reliable.",
    u"Pt reports sleeping better since the first week; appetite is returning.",
    u"She described a habit of saying yes to everyone and then feeling resentful.",
    u"\"I'm good at looking after people. I'm not good at letting anyone look after me.\"",
    u"Client reflected on evenings at home: \"The house goes quiet at six and that's when the wine comes out.\"",
    u"Pt felt ashamed when she read back her drinking diary from before admission.",
    u"She has found the morning walks on the grounds easier than the evening free time.",
});
constexpr auto orlaSettled = std::to_array<const char16_t *>({
    u"Pt reports a settled fortnight at work; she has taken on two extra shifts and is sleeping well.",
    u"Client says things with her partner are steady at the moment and they cooked together at the weekend.",
    u"She has been walking in the mornings and says it helps her start the day with a plan.",
    u"Pt called her sponsor twice this week, once just to talk about her day.",
    u"\"I'm starting to trust that a good week is allowed to last.\"",
    u"Client reports no alcohol since the last session and describes the week as ordinary, in a good way.",
    u"Pt talked about her sister's new baby and how much she enjoys being an aunt.",
    u"She spoke about her father, whom she sees on Sundays, and how little they say to each other.",
    u"Pt has signed up for a pottery evening class and enjoyed the first one more than she expected.",
});
constexpr auto orlaAbandonment = std::to_array<const char16_t *>({
    u"Pt reports her partner has been staying at his brother's since Sunday and she is terrified of losing him.",
    u"Client described an argument on Friday after which her partner moved out \"for a bit\"; she spent the weekend "
    u"checking her phone.",
    u"\"Everyone ends up leaving me. I just wait for it to happen.\"",
    u"She says she feels unwanted at home and talks about being replaced by his new friends from work.",
    u"Pt reports her partner has stopped replying to her messages since their argument on Saturday.",
    u"She described lying awake with the fear of being left, going over everything she said.",
});
constexpr auto orlaAbandonmentLinks = std::to_array<const char16_t *>({
    u"Writer linked the panic about her partner to the time her mother left when Pt was seven.",
    u"Writer wondered whether the old fear of being abandoned was running the weekend; Pt went quiet, then agreed.",
    u"Explored the feeling of being left behind and where she first learned it.",
});
constexpr auto orlaRelapseUse = std::to_array<const char16_t *>({
    u"Pt reports she drank again on Saturday and Sunday, about a bottle of wine each day, after {n} weeks sober.",
    u"Client lapsed on Friday night: a bottle of wine, then vodka from the corner shop, and drank on through the "
    u"weekend.",
    u"Pt relapsed on Thursday evening and drank every night until Monday.",
});
constexpr auto orlaRelapseWhy = std::to_array<const char16_t *>({
    u"\"I drink when I feel like I've been left behind. It shuts the feeling off.\"",
    u"Pt started drinking the night her partner walked out, \"to stop the feeling of being left.\"",
    u"Client described drinking after her partner cut off contact, \"because nobody wants me when it comes to it.\"",
    u"She drank because she felt abandoned once the flat went quiet.",
});
constexpr auto orlaAftermath = std::to_array<const char16_t *>({
    u"Pt reports she drank again on two evenings since the last session, less than the week before.",
    u"Client has been drinking again most nights but has not had a drink in the mornings.",
    u"She lapsed again on Wednesday after a difficult shift and felt ashamed the next morning.",
});
constexpr auto orlaRepair = std::to_array<const char16_t *>({
    u"Pt reports {d} days sober and is back at her Thursday home group.",
    u"She has told her sponsor the whole story, which she calls \"the most honest I've been in months.\"",
    u"Client did not drink this week and describes feeling shaky but clearer.",
    u"Pt went to three meetings this week and has a plan for the weekend.",
});
constexpr auto orlaNearMiss = std::to_array<const char16_t *>({
    u"Pt reports her partner is working away for a month and she felt rejected when he didn't call on Sunday.",
    u"She noticed the old thought, \"He'll get bored of me and go,\" and rang her sponsor rather than sitting with it.",
});
constexpr auto orlaEarlyResponses = std::to_array<const char16_t *>({
    u"Working steadily; more able to say what she feels as she feels it.",
    u"Made a link between caretaking at work and the long evenings at home.",
    u"Some insight into how hard it is for her to ask for anything.",
});
constexpr auto orlaLateResponses = std::to_array<const char16_t *>({
    u"Reflective; she can enjoy a good week without waiting for it to end.",
    u"Using the sessions to think rather than to report.",
    u"Linked her reliability at work to being the dependable one at home, and was moved by it.",
});

// Tamsin (C-0102): cocaine to quiet anxiety before work; coping and support grow.
constexpr auto tamsinDrivenPast = std::to_array<const char16_t *>({
    u"Pt described using cocaine to calm her nerves before presentations at work.",
    u"She did a line in the office toilets because she was terrified of freezing in front of the board.",
    u"\"I used coke because the panic was unbearable.\"",
    u"Client reports she used cocaine whenever her anxiety about work spiked.",
});
constexpr auto tamsinDrivenNow = std::to_array<const char16_t *>({
    u"Pt used cocaine on Thursday to steady her nerves before the quarterly review.",
    u"She used cocaine on Friday because she was dreading the team away-day.",
    u"Client reports two nights of using when the panic came up before deadlines.",
    u"\"I did a line before the client call because I was shaking.\"",
});
constexpr auto tamsinAnxiety = std::to_array<const char16_t *>({
    u"Pt describes a constant hum of anxiety on weekday mornings.",
    u"She worries that colleagues can see through her.",
    u"\"I'm so on edge the second I open my inbox.\"",
    u"Client described her heart pounding in the lift on the way up to the office.",
    u"She still gets nervous before presentations, though it passes more quickly now.",
});
constexpr auto tamsinCraving = std::to_array<const char16_t *>({
    u"Reports cravings at 7/10 on Sunday evenings before the working week.",
    u"Strong urges in the car park before work.",
    u"Described craving \"like an itch behind the eyes\" on the train in.",
});
constexpr auto tamsinCoping = std::to_array<const char16_t *>({
    u"Pt did box breathing in the lift before the board review and went in without using.",
    u"She went for a run on Sunday evening instead of sitting with the dread.",
    u"Client reports {d} days clean and is quietly proud of it.",
    u"She journals for ten minutes before work and says it keeps her racing thoughts in check.",
    u"Pt noticed the urge before the presentation, named it, and used grounding until it passed.",
    u"She has started yoga on Tuesdays and protects the time.",
});
constexpr auto tamsinSupport = std::to_array<const char16_t *>({
    u"Attends a Cocaine Anonymous meeting on Tuesdays and has asked a woman there to sponsor her.",
    u"She has started going to SMART Recovery online on Thursdays.",
    u"Continues in the aftercare group, where she has begun to speak more.",
    u"Pt rang her sponsor from the station before a hard conversation with her manager.",
});
constexpr auto tamsinLife = std::to_array<const char16_t *>({
    u"Pt talked about her father's exacting standards and the school reports she hid in her blazer.",
    u"Client described being the capable one at work, the person everyone brings their problems to.",
    u"She spoke about a holiday she is planning with an old university friend.",
    u"Pt reports her line manager has noticed the change in her and said so.",
    u"She has been sleeping eight hours and notices how much that changes the mornings.",
    u"Client talked about her younger brother, who is starting his first job, and what she wants to tell him.",
});
constexpr auto tamsinEarlyResponses = std::to_array<const char16_t *>({
    u"Beginning to link the panic with what she reaches for.",
    u"Curious about where the pressure to be flawless comes from.",
    u"Guarded at first; softened when writer named how exposed presentations make her feel.",
});
constexpr auto tamsinLateResponses = std::to_array<const char16_t *>({
    u"Notices the anxiety earlier and has more than one answer to it now.",
    u"Proud of the change and wary of complacency.",
    u"Settled; the work has turned to what she wants rather than what she has to prove.",
});

// Declan (C-0103): grief and drinking after his wife's death.
constexpr auto declanEarly = std::to_array<const char16_t *>({
    u"Pt reports drinking most of a bottle of whisky each night since his wife died last November.",
    u"\"The house is too quiet. I pour a drink so I don't have to hear it.\"",
    u"He has not been out except to the shop; he says he has no one to talk to since the funeral.",
    u"Client described sitting up in the armchair every evening and drinking until he falls asleep there.",
    u"Pt brought a photograph of his wife and talked about her last days in the hospice.",
    u"He feels low most days and sees no point in cooking for one.",
});
constexpr auto declanMiddle = std::to_array<const char16_t *>({
    u"Pt has cut down to two drinks a night and had three alcohol-free evenings this week.",
    u"He spoke about grief coming in waves; this week the waves were further apart.",
    u"Client has started walking the dog round the park with a neighbour in the mornings.",
    u"He went to the bereavement cafe at the church hall and stayed for an hour.",
    u"Pt cried for the first time in session while talking about their wedding day.",
    u"He has started sorting the garage, a job she had asked him to do for years, and laughed about it.",
});
constexpr auto declanLate = std::to_array<const char16_t *>({
    u"He has been sober for {d} days and marked it with his daughter.",
    u"Client has joined a walking club and a bereavement support group.",
    u"Pt talks about his wife with more warmth now and less dread.",
    u"He has cleared her wardrobe with his daughter and kept one scarf.",
    u"Client is coping with the evenings by cooking properly and phoning his brother on Sundays.",
    u"He has booked a week in the Lakes, the first holiday he has planned on his own account.",
});
constexpr auto declanAnniversary = std::to_array<const char16_t *>({
    u"Pt drank again on the anniversary of his wife's death and for two days after.",
    u"\"I knew the date was coming and I still didn't see it coming.\"",
    u"He spent the morning at her grave and the afternoon at the pub until closing.",
});
constexpr auto declanEarlyResponses = std::to_array<const char16_t *>({
    u"Beginning to mourn rather than to numb.",
    u"Able to stay with the sadness for longer before changing the subject.",
});
constexpr auto declanLateResponses = std::to_array<const char16_t *>({
    u"More people around him now, and more of his own voice in the room.",
    u"He can talk about their life together as it was, not only about the ending.",
});

// Priya (C-0104): an alcoholic father, secrecy and shame.
constexpr auto priyaPast = std::to_array<const char16_t *>({
    u"Pt described growing up with an alcoholic father and learning to read his mood from the sound of the key in the "
    u"door.",
    u"\"I was the one who hid the bottles before my friends came round.\"",
    u"As a child she covered for her father when he could not collect her from school.",
    u"She spoke about the family rule that nothing that happened at home was ever mentioned outside it.",
});
constexpr auto priyaShame = std::to_array<const char16_t *>({
    u"She feels ashamed that she has become what she swore she never would.",
    u"Client reports taking diazepam with wine on bad nights before admission.",
    u"She kept her drinking secret from her colleagues and her mother for years.",
    u"\"Shame is the water I swim in.\"",
    u"Pt says she feels like a fraud at work, \"one bad day from being found out.\"",
});
constexpr auto priyaLater = std::to_array<const char16_t *>({
    u"Pt reports {m} months sober and has started to share at her home group.",
    u"She has begun to talk with her mother about the past, which feels risky and important.",
    u"Client noticed the old guilt when she said no to an extra shift, and let it be.",
    u"She took her niece swimming and enjoyed it without checking on everyone else.",
    u"Pt is doing step work with her sponsor and finds step four \"hard but clean.\"",
    u"She has repainted the spare room and talks about having friends to stay.",
});
constexpr auto priyaEarlyResponses = std::to_array<const char16_t *>({
    u"Can see how the family's silence shapes her drinking now.",
    u"Allowed herself to be angry for a few minutes, then apologised for it.",
});
constexpr auto priyaLateResponses = std::to_array<const char16_t *>({
    u"Kinder to herself; the shame is quieter and she names it sooner.",
    u"More able to let writer see the parts of her she keeps hidden.",
});

// Gideon (C-0105): gambling and secrecy.
constexpr auto gideonEarly = std::to_array<const char16_t *>({
    u"Pt reports betting on football most evenings and chasing losses with money set aside for the mortgage.",
    u"He hides statements from his wife and feels sick with shame when the post arrives.",
    u"\"When I'm on the app nothing else exists.\"",
    u"Client described an online casino session that ran until three in the morning.",
    u"He feels a failure as a father and a husband.",
    u"He and his wife argued about money again; she has talked about separating.",
});
constexpr auto gideonLater = std::to_array<const char16_t *>({
    u"He has been to Gamblers Anonymous three times and handed control of his bank cards to his wife.",
    u"Gambling blocks are now on his phone and laptop.",
    u"Pt reports {w} weeks without a bet and is paying down the debt with a plan from the debt adviser.",
    u"Client took his son to a match and did not check the odds once.",
    u"He told his brother about the debt, which he had been dreading, and was met with kindness.",
    u"He has taken up five-a-side again on Wednesday evenings.",
});
constexpr auto gideonLapse = std::to_array<const char16_t *>({
    u"Pt placed a bet on the cup final after a bonus landed and lost it within the hour.",
    u"\"One bet and I was straight back in.\"",
    u"He hid the lapse from his wife for three days, then told her.",
});
constexpr auto gideonEarlyResponses = std::to_array<const char16_t *>({
    u"Starting to see the betting as a way out of feeling small.",
    u"Linked the thrill of a win to his father's rare praise.",
});
constexpr auto gideonLateResponses = std::to_array<const char16_t *>({
    u"More open at home; knows what to do when the urge comes.",
    u"Steadier; the debt is a plan now rather than a secret.",
});

// Bea (C-0106): long, steady sobriety, and a life going on.
constexpr auto beaRoutine = std::to_array<const char16_t *>({
    u"She has taken on a new sponsee and says it keeps her honest.",
    u"She describes the fortnight as ordinary, which she says is exactly what she wanted from recovery.",
    u"Continues to chair the Wednesday meeting and enjoys the tea urn duty more than she expected.",
    u"Pt spoke about her late mother's garden, which she is slowly bringing back.",
    u"She is sleeping well and has kept up swimming twice a week for exercise.",
    u"She keeps up calling her sponsor most mornings, a habit she calls boring and essential.",
    u"Client keeps a short gratitude journal at night and finds it steadies her.",
    u"Client reflected on how often she still puts other people first, and whether that is kindness or habit.",
    u"She is reading a novel a week from the library and enjoying the quiet.",
});
const QList<Event> &beaEvents()
{
    static const QList<Event> events{
        {{day(2024, 4, 1), day(2024, 7, 5)},
         u"Client is planning for her daughter's wedding in July, where there will be an open bar; she plans to leave "
         u"early with a sober friend."},
        {{day(2024, 7, 8), day(2024, 8, 20)},
         u"The wedding went well; she danced, made a short speech and drove home sober before the late bar."},
        {{day(2024, 10, 1), day(2025, 1, 31)},
         u"Work restructuring has been unsettling; she talked it through with her sponsor rather than sitting on "
         u"it."},
        {{day(2025, 4, 1), day(2025, 6, 30)},
         u"Her sponsor of many years is moving abroad; she is sad about it and has asked another woman at her home "
         u"group to step in."},
        {{day(2025, 9, 1), day(2025, 11, 30)},
         u"She is to be a grandmother in the spring and talks about it with delight."},
    };
    return events;
}
constexpr auto beaMilestone = std::to_array<const char16_t *>({
    u"Pt marked {y} years sober this month with her home group.",
    u"She received her {y}-year chip and spoke about the first week, \"when I couldn't hold a cup.\"",
});
constexpr auto beaResponses = std::to_array<const char16_t *>({
    u"Stable; brings the sessions material to think about rather than a crisis to manage.",
    u"Thoughtful; made room for her own wishes as well as everyone else's.",
    u"Warm and reflective; the work is about closeness now more than drinking.",
});

// Wynn (C-0107): cannabis to damp down anger.
constexpr auto wynnEarly = std::to_array<const char16_t *>({
    u"Pt reports smoking weed every evening before admission, to calm down after rows with his father.",
    u"\"I smoke so I don't punch something.\"",
    u"He was angry in the community meeting about the phone rules and stormed off to his room.",
    u"Client finds the evenings on the ward long without a smoke and has been pacing the corridor.",
});
constexpr auto wynnAnger = std::to_array<const char16_t *>({
    u"He snapped at a co-worker last month and walked off the site.",
    u"Client described his father's temper and the silences that followed it.",
    u"He was furious after a row with his father on Saturday and went to the gym instead of the park bench.",
});
constexpr auto wynnLater = std::to_array<const char16_t *>({
    u"Pt has been going to the gym four times a week and says it takes the edge off.",
    u"He set a boundary with his father about shouting in the house, and held it.",
    u"Client reports {m} months clean from cannabis.",
    u"He has an apprenticeship interview and prepared for it with his key worker.",
    u"Pt noticed irritation building at work and took a walk at lunch instead of stewing.",
    u"He has started cooking for his mother on Sundays and says the house is calmer.",
});
constexpr auto wynnEarlyResponses = std::to_array<const char16_t *>({
    u"Beginning to see the smoking as a lid on feelings he learned to keep down.",
    u"Less defended; allowed that the anger sits on top of hurt.",
});
constexpr auto wynnLateResponses = std::to_array<const char16_t *>({
    u"Can notice the heat rising and choose what to do with it.",
    u"Proud of the apprenticeship and of the calmer evenings at home.",
});

constexpr auto processPool = std::to_array<const char16_t *>({
    u"She greeted writer warmly and ended the session a minute before writer did. Writer noticed a wish to be the "
    u"steady figure she did not have, and some relief at being needed less.",
    u"She reported a dream of a long table set for a party with one empty chair at the end; her association was a "
    u"kitchen at Christmas. Writer felt a pull to reassure and held back.",
    u"Writer was aware of feeling protective and slightly bored at once, and wondered whether the calm of the work "
    u"keeps something else out of the room.",
});

QString numbered(QString text, int weeks)
{
    text.replace(QLatin1String("{n}"), QString::number(weeks));
    text.replace(QLatin1String("{d}"), QString::number(weeks * 7));
    text.replace(QLatin1String("{w}"), QString::number(weeks));
    text.replace(QLatin1String("{m}"), QString::number(std::max(1, weeks / 4)));
    return text;
}

QString stageAt(double progress)
{
    if (progress < 0.1)
        return u"Contemplation moving to preparation."_s;
    if (progress < 0.3)
        return u"Preparation; early action."_s;
    if (progress < 0.7)
        return u"Action."_s;
    return u"Maintenance."_s;
}

// Weeks since the last beat of the given kinds (or since the first visit), for "{n} weeks sober".
int weeksSince(const Practice &p, const QList<int> &attended, int visit, std::initializer_list<Beat> beats)
{
    Date since = p.meetingOf(p.visits[attended.first()]).date;
    for (int v : attended) {
        if (v == visit)
            break;
        if (std::find(beats.begin(), beats.end(), p.visits[v].beat) != beats.end())
            since = p.meetingOf(p.visits[v]).date;
    }
    return std::max(1, static_cast<int>((p.meetingOf(p.visits[visit]).date - since).days() / 7));
}

void writeOrla(Material &m, const Visit &v, const Meeting &meeting, int weeksSober, Rng &r)
{
    const bool residential = meeting.setting == Setting::Residential;
    switch (v.beat) {
    case Beat::Intake:
        m.said << u"Admitted for residential treatment of alcohol dependence after a two-week binge that ended with a "
                  u"fall at work."_s
               << u"Pt describes drinking daily for three years, mostly wine in the evenings, and wants to understand "
                  u"why every good stretch ends the same way."_s;
        m.response << u"Engaged and forthcoming; agreed goals of abstinence and understanding her drinking."_s;
        break;
    case Beat::Abandonment:
        m.said << r.some(orlaAbandonment, 2);
        m.done = QStringList{r.pick(orlaAbandonmentLinks)};
        m.defences = QStringList{u"Minimised how much the weekend had shaken her: \"I'm fine, honestly.\""_s};
        m.response << u"Tearful; she could see the feeling was old and strong, though not yet what to do with it."_s;
        m.plan << u"Telephone check-in on Friday. Pt to go to her home group and tell her sponsor how she is."_s;
        break;
    case Beat::Relapse:
        m.use << numbered(r.pick(orlaRelapseUse), weeksSober);
        m.said << r.pick(orlaRelapseWhy);
        m.cravings = u"8/10 at the weekend; 5/10 today."_s;
        m.triggers << u"The empty flat in the evenings and the silence on her phone."_s;
        m.stage = u"Action, after a relapse; she wants to recommit."_s;
        m.supports << u"Has not yet told her sponsor; agreed to call tonight."_s;
        m.response << u"Ashamed and flat; able to trace the sequence from the argument to the first drink."_s;
        m.plan << u"Daily check-ins this week; GP appointment for physical review; back to her home group."_s;
        break;
    case Beat::Aftermath:
        m.use << r.pick(orlaAftermath);
        m.cravings = u"6/10, worst after work."_s;
        m.triggers << u"Evenings after a late shift; the corner shop on the walk home."_s;
        m.stage = u"Preparation: a quit date set for Monday."_s;
        m.supports << u"Has spoken with her sponsor twice."_s;
        m.said << u"Pt can see the sequence more clearly now: the quarrel, the silence, the bottle."_s;
        m.response << u"More reflective than last week, and less defended."_s;
        m.plan << u"Abstinence from Monday with daily contact with her sponsor; review at the next session."_s;
        break;
    case Beat::Repair:
        m.said << numbered(r.pick(orlaRepair), 2) << r.pick(orlaSettled);
        m.response << u"Settled, with a clearer sense of what happened and what helps."_s;
        break;
    case Beat::NearMiss:
        m.said << QString::fromUtf16(orlaNearMiss[0]) << QString::fromUtf16(orlaNearMiss[1]);
        m.response << u"Pt could name the old danger signal and chose a different response; no drinking."_s;
        break;
    default:
        m.said << r.some(residential ? Pool(orlaResidential) : Pool(orlaSettled), 2);
        if (!residential && r.chance(0.4))
            m.said << numbered(u"Reports {n} weeks sober."_s, weeksSober);
        m.response << r.pick(residential ? Pool(orlaEarlyResponses) : Pool(orlaLateResponses));
        break;
    }
}

void writeTamsin(Material &m, const Visit &v, const Meeting &meeting, Rng &r)
{
    const double p = v.progress;
    const bool residential = meeting.setting == Setting::Residential;
    // Anxiety-driven use is frequent early, rarer through the middle, and gone in the last third.
    const double driven = p < 0.3 ? 0.85 : p < 0.62 ? 0.7 - (p - 0.3) * 2.0 : 0.0;
    const double coping = p < 0.25 ? 0.05 : p < 0.55 ? 0.5 : 0.92;
    if (v.beat == Beat::Intake) {
        m.said << u"Admitted for residential treatment of cocaine use that escalated over two years in a demanding "
                  u"finance job."_s;
    }
    if (r.chance(driven))
        m.said << r.pick(residential ? Pool(tamsinDrivenPast) : Pool(tamsinDrivenNow));
    if (r.chance(p < 0.6 ? 0.8 : 0.35))
        m.said << r.pick(tamsinAnxiety);
    if (r.chance(p < 0.35 ? 0.6 : 0.08))
        m.cravings = r.pick(tamsinCraving);
    if (r.chance(coping))
        m.said << numbered(r.pick(tamsinCoping), 4 + static_cast<int>(p * 60));
    if (!residential && r.chance(p < 0.3 ? 0.05 : p < 0.6 ? 0.4 : 0.85))
        m.supports << r.pick(tamsinSupport);
    if (m.said.size() < 3)
        m.said << r.pick(tamsinLife);
    m.response << r.pick(p < 0.5 ? Pool(tamsinEarlyResponses) : Pool(tamsinLateResponses));
}

void writeDeclan(Material &m, const Visit &v, int weeksSober, Rng &r)
{
    const double p = v.progress;
    if (v.beat == Beat::Intake) {
        m.said << u"Referred by his GP after his drinking increased following a bereavement."_s << r.pick(declanEarly);
    } else if (v.beat == Beat::Anniversary) {
        m.said << r.some(declanAnniversary, 2);
        m.response << u"Ashamed, then relieved to have said it; the lapse makes sense to him as grief."_s;
        m.plan << u"Abstinence again from today; his daughter to stay at the weekend."_s;
        return;
    } else if (p < 0.35) {
        m.said << r.some(declanEarly, 2);
    } else if (p < 0.65) {
        m.said << r.some(declanMiddle, 2);
    } else {
        m.said << numbered(r.pick(declanLate), weeksSober) << r.pick(declanMiddle);
    }
    m.response << r.pick(p < 0.5 ? Pool(declanEarlyResponses) : Pool(declanLateResponses));
}

void writePriya(Material &m, const Visit &v, int weeksSober, Rng &r)
{
    const double p = v.progress;
    if (v.beat == Beat::Intake)
        m.said << u"Admitted for residential treatment of alcohol dependence with diazepam misuse."_s;
    if (v.beat == Beat::Milestone) {
        m.said << u"Pt marked one year sober and brought the chip to show writer."_s;
        m.response << u"Proud, and unsettled by being proud; linked it to never being noticed at home."_s;
        return;
    }
    if (p < 0.4)
        m.said << r.pick(priyaPast) << r.pick(priyaShame);
    else
        m.said << numbered(r.pick(priyaLater), weeksSober) << (r.chance(0.4) ? r.pick(priyaPast) : r.pick(priyaLater));
    m.response << r.pick(p < 0.5 ? Pool(priyaEarlyResponses) : Pool(priyaLateResponses));
}

void writeGideon(Material &m, const Visit &v, int weeksClean, Rng &r)
{
    const double p = v.progress;
    if (v.beat == Beat::Intake)
        m.said << u"Self-referred for gambling after his wife found a second credit card."_s;
    if (v.beat == Beat::Lapse) {
        m.said << r.some(gideonLapse, 2);
        m.response << u"Shaken; able to trace the lapse to the bonus and the feeling of being owed."_s;
        m.plan << u"Bank blocks checked again together; GA on Thursday; tell his sponsor."_s;
        return;
    }
    if (p < 0.3)
        m.said << r.some(gideonEarly, 2);
    else
        m.said << numbered(r.pick(gideonLater), weeksClean)
               << (r.chance(0.3) ? r.pick(gideonEarly) : r.pick(gideonLater));
    m.response << r.pick(p < 0.4 ? Pool(gideonEarlyResponses) : Pool(gideonLateResponses));
}

void writeBea(Material &m, const Visit &v, const Meeting &meeting, Rng &r)
{
    if (v.beat == Beat::Intake)
        m.said
            << u"Continuing aftercare after residential treatment four years ago; alcohol, in sustained remission."_s;
    if (v.beat == Beat::Milestone) {
        QString text = r.pick(beaMilestone);
        m.said << text.replace(QLatin1String("{y}"), meeting.date.year() == 2024 ? u"four"_s : u"five"_s);
    }
    const QStringList events = eventsAt(beaEvents(), meeting.date);
    if (!events.isEmpty() && r.chance(0.7))
        m.said << events;
    m.said << r.some(beaRoutine, m.said.size() >= 2 ? 1 : 2);
    m.response << r.pick(beaResponses);
}

void writeWynn(Material &m, const Visit &v, const Meeting &meeting, int weeksClean, Rng &r)
{
    const double p = v.progress;
    if (v.beat == Beat::Intake)
        m.said << u"Admitted for residential treatment of daily cannabis use after a fight at home."_s;
    if (v.beat == Beat::Ending) {
        m.said << u"Planned final session. Pt reviewed the year: the gym, the apprenticeship, and a calmer house."_s
               << u"He knows the aftercare group is open to him if he needs it."_s;
        m.response << u"Treatment goals met; discharged to his GP with a written plan."_s;
        m.plan << u"Discharge. Relapse prevention plan given; GP informed with his consent."_s;
        return;
    }
    if (meeting.setting == Setting::Residential)
        m.said << r.pick(wynnEarly) << r.pick(wynnAnger);
    else
        m.said << numbered(r.pick(wynnLater), weeksClean) << (r.chance(0.35) ? r.pick(wynnAnger) : r.pick(wynnLater));
    m.response << r.pick(p < 0.45 ? Pool(wynnEarlyResponses) : Pool(wynnLateResponses));
}

QString templateFor(const Profile &who, const Visit &v, const Meeting &meeting, Rng &r)
{
    if (meeting.modality == Modality::Group)
        return u"group"_s;
    if (!v.attended())
        return u"dap"_s;
    switch (who.story) {
    case Story::AbandonmentRelapse:
        if (v.beat == Beat::Relapse || v.beat == Beat::Aftermath)
            return u"addiction"_s;
        return r.chance(0.6) ? u"psychodynamic"_s : u"dap"_s;
    case Story::AnxiousUse:
        // The addiction template's headings carry "use" and "cravings"; it belongs to the early work.
        if (v.progress < 0.25 && r.chance(0.5))
            return u"addiction"_s;
        return r.chance(0.6) ? u"psychodynamic"_s : u"birp"_s;
    case Story::GriefDrinking:
        return r.chance(0.5) ? u"soap"_s : u"psychodynamic"_s;
    case Story::FamilyShame:
        return r.chance(0.7) ? u"psychodynamic"_s : u"dap"_s;
    case Story::Gambling:
        return r.chance(0.5) ? u"birp"_s : u"dap"_s;
    case Story::StableAftercare:
        return r.chance(0.5) ? u"girp"_s : u"psychodynamic"_s;
    case Story::AngerCannabis:
        return r.chance(0.5) ? u"soap"_s : u"birp"_s;
    }
    return u"dap"_s;
}

QString joined(std::initializer_list<QStringList> parts, const QString &fallback)
{
    QStringList all;
    for (const QStringList &p : parts)
        all << p;
    all.removeAll(QString());
    return all.isEmpty() ? fallback : all.join(u' ');
}

QList<Section> layout(const QString &templateId, const Material &m, const QString &topicLine)
{
    const model::Template *t = model::findTemplate(templateId);
    Q_ASSERT(t);
    const QStringList &h = t->sections;
    const QString none = u"Nothing further."_s;
    // Outside the addiction template, cravings are part of what the client brought.
    QStringList said = m.said;
    if (templateId != u"addiction" && !m.cravings.isEmpty())
        said << m.cravings;
    if (templateId == u"psychodynamic")
        return {{h[0], joined({said}, none)},      {h[1], joined({m.defences, m.seen}, none)},
                {h[2], joined({m.done}, none)},    {h[3], joined({m.response, m.supports}, none)},
                {h[4], joined({{m.frame}}, none)}, {h[5], joined({m.plan}, none)}};
    if (templateId == u"dap")
        return {{h[0], joined({said, m.seen, m.supports, m.done}, none)},
                {h[1], joined({m.response, m.defences}, none)},
                {h[2], joined({m.plan}, none)}};
    if (templateId == u"soap")
        return {{h[0], joined({said}, none)},
                {h[1], joined({m.seen, {m.frame}, m.done}, none)},
                {h[2], joined({m.response, m.defences, m.supports}, none)},
                {h[3], joined({m.plan}, none)}};
    if (templateId == u"birp")
        return {{h[0], joined({m.seen, said}, none)},
                {h[1], joined({m.done}, none)},
                {h[2], joined({m.response, m.supports}, none)},
                {h[3], joined({m.plan}, none)}};
    if (templateId == u"girp")
        return {{h[0], joined({{m.goal}}, none)},
                {h[1], joined({m.done}, none)},
                {h[2], joined({said, m.response, m.supports}, none)},
                {h[3], joined({m.plan}, none)}};
    if (templateId == u"addiction")
        return {{h[0], joined({m.use}, u"None reported."_s)},
                {h[1], m.cravings.isEmpty() ? u"2/10."_s : m.cravings},
                {h[2], joined({m.triggers, said}, none)},
                {h[3], m.stage},
                {h[4], joined({m.supports}, u"The ward community; family visits at weekends."_s)},
                {h[5], m.risk},
                {h[6], joined({m.plan}, none)}};
    if (templateId == u"group")
        return {{h[0], topicLine},
                {h[1], joined({m.seen, said}, none)},
                {h[2], joined({m.response}, none)},
                {h[3], joined({m.plan}, none)}};
    return {{h[0], joined({said, m.response, m.plan}, none)}};
}

QString groupTopicLine(const Meeting &meeting)
{
    return u"%1: %2 group, 90 minutes, two facilitators."_s.arg(
        meeting.topic, meeting.setting == Setting::Residential ? u"residential process"_s : u"aftercare"_s);
}

// A missed session's note: what happened and what the writer did about it.
QList<Section> missedNote(const Visit &v, const Meeting &meeting, bool she, Rng &r)
{
    const bool group = meeting.modality == Modality::Group;
    QString data;
    if (v.attendance == Attendance::NoShow) {
        data = r.chance(0.5)
            ? u"Did not attend and did not call. Writer phoned at ten past the hour and reached voicemail; a brief "
              u"message offered the next appointment."_s
            : u"No-show. A text message from {She} the next morning apologised and said {she} had \"lost track of "
              u"the day.\""_s;
    } else {
        data = r.chance(0.5)
            ? u"Cancelled by phone the previous evening, citing a work commitment. Offered and accepted the next "
              u"regular time."_s
            : u"Cancelled the same morning by text, citing a cold. No clinical concerns raised in the message."_s;
    }
    data = voiced(data, she);
    const QString assessment = voiced(
        u"A missed session is noted as part of the frame; writer will raise it with {obj} at the next session, with "
        u"curiosity rather than reproach."_s,
        she);
    const QString plan = group ? u"Continue with the group as booked; individual follow-up as scheduled."_s
                               : u"Next appointment as booked. No risk indicators; no further action today."_s;
    if (group)
        return {{u"Group topic"_s, groupTopicLine(meeting)},
                {u"Participation"_s, data},
                {u"Response"_s, assessment},
                {u"Plan"_s, plan}};
    return {{u"Data"_s, data}, {u"Assessment"_s, assessment}, {u"Plan"_s, plan}};
}

// The parts of a note every story shares: presentation, interventions, frame, risk, stage, goal.
Material commonMaterial(const Profile &who, const Visit &v, const Meeting &meeting, Rng &r)
{
    Material m;
    m.seen << (meeting.modality == Modality::Group ? r.pick(participationOpeners) : r.pick(seenPool));
    m.done << r.pick(interventionPool);
    if (r.chance(0.6))
        m.defences << r.pick(defencePool);
    m.frame = v.attendance == Attendance::Late
        ? u"Arrived %1 minutes late; writer wondered aloud about the lateness, and {she} linked it first to "
          u"traffic, then to reluctance about today's material."_s.arg(v.lateMinutes)
        : r.pick(framePool);
    m.risk = r.pick(riskPool);
    if (r.chance(0.6))
        m.followUp = r.pick(followUpPool);
    m.stage = stageAt(v.progress);
    m.goal = who.story == Story::StableAftercare
        ? u"Sustain recovery and keep working on closeness without caretaking."_s
        : u"Understand what the %1 does for {obj}, and find other ways to meet that need."_s.arg(
            who.story == Story::Gambling ? u"gambling"_s : u"drinking"_s);
    return m;
}

void tellStory(Material &m, const Profile &who, const Visit &v, const Meeting &meeting, int weeksSober, Rng &r)
{
    switch (who.story) {
    case Story::AbandonmentRelapse:
        writeOrla(m, v, meeting, weeksSober, r);
        break;
    case Story::AnxiousUse:
        writeTamsin(m, v, meeting, r);
        break;
    case Story::GriefDrinking:
        writeDeclan(m, v, weeksSober, r);
        break;
    case Story::FamilyShame:
        writePriya(m, v, weeksSober, r);
        break;
    case Story::Gambling:
        writeGideon(m, v, weeksSober, r);
        break;
    case Story::StableAftercare:
        writeBea(m, v, meeting, r);
        break;
    case Story::AngerCannabis:
        writeWynn(m, v, meeting, weeksSober, r);
        break;
    }
}

// A member's group note speaks of their participation and the group's plan, not of individual work.
void closeNote(Material &m, const Meeting &meeting, Rng &r)
{
    const bool residential = meeting.setting == Setting::Residential;
    if (meeting.modality == Modality::Group) {
        m.response = QStringList{r.pick(groupResponsePool)} + m.response.mid(0, 1);
        m.plan = QStringList{
            residential ? u"Continue attending the residential process group; themes taken to individual work."_s
                        : u"Continue fortnightly in the aftercare group."_s};
    } else {
        if (m.plan.isEmpty())
            m.plan << (residential ? u"Continue weekly individual sessions alongside the residential programme."_s
                                   : u"Continue individual sessions as booked; measures at the next review point."_s);
        m.plan << m.followUp;
    }
}

void writeNotes(Practice &p, std::uint32_t seed)
{
    for (int c = 0; c < p.clients.size(); ++c) {
        const Profile &who = p.clients[c];
        Rng r = stream(seed, c, Purpose::Words);
        const QList<int> attended = p.visitsOf(c, true);
        for (int index : p.visitsOf(c, false)) {
            Visit &v = p.visits[index];
            const Meeting &meeting = p.meetingOf(v);
            v.templateId = templateFor(who, v, meeting, r);
            if (!v.attended()) {
                v.sections = missedNote(v, meeting, who.she, r);
                continue;
            }
            Material m = commonMaterial(who, v, meeting, r);
            const int sober = weeksSince(
                p, attended, index, {Beat::Intake, Beat::Relapse, Beat::Aftermath, Beat::Anniversary, Beat::Lapse});
            tellStory(m, who, v, meeting, sober, r);
            closeNote(m, meeting, r);
            v.sections = layout(v.templateId, m, groupTopicLine(meeting));
            for (Section &s : v.sections)
                s.text = voiced(s.text, who.she);
        }
    }
}

// Process notes: the private side of a few sessions of the steadier clients. Each is its own
// session row on the same date and time, as Vault::addSession is the only way to add a note.
void addProcessNotes(Practice &p, std::uint32_t seed)
{
    Rng r = stream(seed, 0, Purpose::Process);
    QList<Meeting> added;
    for (const auto &wanted : {std::pair{u"C-0106"_s, day(2024, 6, 1)}, std::pair{u"C-0106"_s, day(2025, 5, 1)},
                               std::pair{u"C-0104"_s, day(2024, 10, 1)}}) {
        // Named copies, not structured bindings: clang 14 (the fuzz preset) cannot capture those.
        const QString code = wanted.first;
        const model::Date from = wanted.second;
        const auto client
            = std::find_if(p.clients.cbegin(), p.clients.cend(), [&](const Profile &who) { return who.code == code; });
        const int c = static_cast<int>(client - p.clients.cbegin());
        const QList<int> attended = p.visitsOf(c, true);
        const auto at = std::find_if(attended.begin(), attended.end(), [&](int index) {
            const Meeting &m = p.meetingOf(p.visits[index]);
            return m.date >= from && m.modality == Modality::Individual;
        });
        if (at == attended.end())
            continue;
        Meeting process = p.meetingOf(p.visits[*at]);
        process.process = true;
        process.visits = {static_cast<int>(p.visits.size())};
        const QStringList parts = r.some(processPool, 3);
        Visit v;
        v.client = c;
        v.meeting = static_cast<int>(p.meetings.size() + added.size());
        v.templateId = u"process"_s;
        v.sections = {{u"Process"_s, voiced(parts[0], client->she)},
                      {u"Transference and countertransference"_s, voiced(parts[2], client->she)},
                      {u"Associations and dreams"_s, voiced(parts[1], client->she)}};
        p.visits.append(v);
        added.append(process);
    }
    p.meetings << added;
}

// ---- measures -----------------------------------------------------------------------------------

// Answers that add up to total, spread at random over the items the instrument allows.
QList<int> answersFor(const QString &instrument, int total, Rng &r)
{
    const model::Instrument *info = model::findInstrument(instrument);
    Q_ASSERT(info);
    QList<int> answers(info->items, 0);
    const bool audit = instrument == u"audit";
    const int itemMax = (audit || instrument == u"auditc") ? 4 : 3;
    const int free = audit ? 8 : info->items;
    int left = std::clamp(total, 0, free * itemMax + (audit ? 8 : 0));
    if (audit) {
        // Items 9 and 10 (injury, others' concern) take 0, 2 or 4.
        for (int i = 8; i < 10; ++i) {
            const int value = left > 24 ? 4 : left > 14 ? 2 : 0;
            answers[i] = value;
            left -= value;
        }
    }
    left = std::min(left, free * itemMax);
    while (left > 0) {
        const int i = r.below(free);
        if (answers[i] < itemMax) {
            ++answers[i];
            --left;
        }
    }
    return answers;
}

// How a story moves a client on an instrument: from one level to another as the work goes on
// (reached at progress `by`), with the level at intake and in a week of relapse, where they differ.
struct Course
{
    Story story;
    const char *instrument;
    double from;
    double to;
    double by = 1.0;
    int hardWeek = -1;
    int intake = -1;
};

constexpr auto courses = std::to_array<Course>({
    {Story::AbandonmentRelapse, "phq9", 10, 6, 0.5, 17, 15},
    {Story::AbandonmentRelapse, "gad7", 9, 6, 0.5, 13, 11},
    {Story::AbandonmentRelapse, "auditc", 1, 1, 1.0, 9, 11},
    {Story::AbandonmentRelapse, "audit", 5, 5, 1.0, 22, 27},
    {Story::AnxiousUse, "phq9", 12, 4, 0.8},
    {Story::AnxiousUse, "gad7", 17, 4, 0.85},
    {Story::GriefDrinking, "phq9", 19, 7, 1.0, 15},
    {Story::GriefDrinking, "gad7", 10, 5, 1.0, 9},
    {Story::GriefDrinking, "auditc", 9, 1, 0.6, 8},
    {Story::GriefDrinking, "audit", 21, 4, 0.6, 18},
    {Story::FamilyShame, "phq9", 16, 6},
    {Story::FamilyShame, "gad7", 13, 6},
    {Story::FamilyShame, "auditc", 10, 1, 0.2},
    {Story::FamilyShame, "audit", 25, 3, 0.2},
    {Story::Gambling, "phq9", 14, 6, 1.0, 13},
    {Story::Gambling, "gad7", 14, 6, 1.0, 12},
    {Story::StableAftercare, "phq9", 4, 4},
    {Story::StableAftercare, "gad7", 4, 4},
    {Story::StableAftercare, "auditc", 0, 0},
    {Story::StableAftercare, "audit", 1, 1},
    {Story::AngerCannabis, "phq9", 9, 4},
    {Story::AngerCannabis, "gad7", 8, 4},
    {Story::AngerCannabis, "auditc", 3, 1},
    {Story::AngerCannabis, "audit", 7, 3},
});

bool isHardWeek(Beat beat)
{
    return beat == Beat::Relapse || beat == Beat::Anniversary || beat == Beat::Lapse;
}

// Where the client's story puts them on an instrument at a visit.
int levelAt(const Profile &who, const Visit &v, const QString &instrument)
{
    for (const Course &c : courses) {
        if (c.story != who.story || instrument != QLatin1String(c.instrument))
            continue;
        if (isHardWeek(v.beat) && c.hardWeek >= 0)
            return c.hardWeek;
        if (v.beat == Beat::Intake && c.intake >= 0)
            return c.intake;
        return static_cast<int>(std::lround(c.from + (c.to - c.from) * std::clamp(v.progress / c.by, 0.0, 1.0)));
    }
    return 0;
}

struct PlannedMeasure
{
    int client = 0;
    Date date;
    QString instrument;
    QList<int> answers;
};

// Every five to six weeks at a session, and again at a relapse or lapse. Drinkers screened with
// AUDIT-C also fill in the full AUDIT at intake and at their one-year review.
QList<PlannedMeasure> planMeasures(const Practice &p, std::uint32_t seed)
{
    QList<PlannedMeasure> out;
    for (int c = 0; c < p.clients.size(); ++c) {
        const Profile &who = p.clients[c];
        Rng r = stream(seed, c, Purpose::Measures);
        std::optional<Date> last;
        std::optional<Date> fullAudit;
        int gap = 35;
        for (int index : p.visitsOf(c, true)) {
            const Visit &v = p.visits[index];
            const Date date = p.meetingOf(v).date;
            if (p.meetingOf(v).modality == Modality::Group)
                continue;
            if (last && (date - *last).days() < gap && !isHardWeek(v.beat))
                continue;
            QStringList instruments = who.instruments;
            if (who.instruments.contains(u"auditc"_s) && (!fullAudit || (date - *fullAudit).days() >= 365)) {
                instruments << u"audit"_s;
                fullAudit = date;
            }
            for (const QString &instrument : std::as_const(instruments)) {
                const int level = levelAt(who, v, instrument) + r.between(-1, 1);
                out.append({c, date, instrument, answersFor(instrument, level, r)});
            }
            last = date;
            gap = 35 + 7 * r.below(2);
        }
    }
    return out;
}

void addClients(vault::Vault &vault, const Practice &p, DemoPractice &result)
{
    for (const Profile &who : p.clients) {
        model::Client client;
        client.code = who.code;
        client.displayName = who.name;
        client.intakeDate = who.runs.first().when.from;
        client.setting = who.runs.last().setting;
        client.consentTreatment = true;
        client.consentPart2 = who.substanceUse;
        if (who.substanceUse) {
            client.consentPart2Date = who.runs.first().when.from;
            client.consentPart2Scope = u"GP practice, for coordination of care"_s;
        }
        vault.clients().add(client);
        result.clients.append({who.code, who.summary});
    }
}

// Sessions in date order, so note ids follow time as they would in a real practice.
void addSessions(vault::Vault &vault, Practice &p, DemoPractice &result)
{
    QList<int> order;
    for (int i = 0; i < p.meetings.size(); ++i)
        order.append(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const Meeting &x = p.meetings[a];
        const Meeting &y = p.meetings[b];
        return x.date != y.date ? x.date < y.date : x.start < y.start;
    });
    for (int i : std::as_const(order)) {
        const Meeting &m = p.meetings[i];
        model::Session session;
        session.date = m.date;
        session.start = m.start;
        session.minutes = m.minutes;
        session.modality = m.modality;
        session.setting = m.setting;
        session.groupTopic = m.topic;
        for (int index : m.visits) {
            const Visit &v = p.visits[index];
            session.attendees.append({0, p.clients[v.client].code, v.attendance});
        }
        const Visit &first = p.visits[m.visits.first()];
        const bool group = m.modality == Modality::Group;
        // A group session starts every member's note from the shared topic; each member's own
        // account then replaces it, so no note names another member.
        const QList<Section> opening = group ? QList<Section>{{u"Group topic"_s, groupTopicLine(m)}} : first.sections;
        const auto added = vault.notes().addSession(session, first.templateId,
                                            m.process ? model::NoteKind::Process : model::NoteKind::Progress, opening);
        ++result.sessions;
        for (qsizetype k = 0; k < m.visits.size(); ++k) {
            Visit &v = p.visits[m.visits[k]];
            v.note = added.notes[k];
            if (group)
                vault.notes().saveDraft(added.notes[k], v.sections);
            ++result.notes;
        }
    }
}

// Signs every note but those of each client's last two sessions, which stay drafts as a working
// caseload's would; then adds an addendum to the first relapse note and to the anniversary lapse.
void signAndAmend(vault::Vault &vault, const Practice &p)
{
    QSet<model::Id> drafts;
    for (int c = 0; c < p.clients.size(); ++c) {
        const QList<int> all = p.visitsOf(c, false);
        for (qsizetype k = std::max<qsizetype>(0, all.size() - 2); k < all.size(); ++k)
            drafts.insert(p.visits[all[k]].note);
    }
    for (const Visit &v : p.visits) {
        if (v.note != 0 && !drafts.contains(v.note))
            vault.notes().sign(v.note);
    }
    const QList<std::pair<Beat, QString>> addenda = {
        {Beat::Relapse,
         u"Late entry: Pt phoned the next day to say she had been to her home group and booked the GP review. "
         u"Plan unchanged."_s},
        {Beat::Anniversary, u"Correction: the lapse lasted three days, not two, as Pt clarified by phone."_s},
    };
    for (const auto &addendum : addenda) {
        const Beat beat = addendum.first;
        const QString &text = addendum.second;
        const auto first = std::find_if(p.visits.begin(), p.visits.end(), [&](const Visit &v) {
            return v.beat == beat && v.note != 0 && !drafts.contains(v.note);
        });
        if (first != p.visits.end())
            vault.notes().addAddendum(first->note, text);
    }
}

} // namespace

DemoPractice createDemoPractice(const QString &dir, const SecretBuffer &passphrase, std::uint32_t seed,
                                vault::KdfCost cost)
{
    // The whole practice is planned and written in memory first; the vault only stores it.
    Practice p;
    p.clients = caseload();
    schedule(p, seed);
    assignBeats(p);
    writeNotes(p, seed);
    addProcessNotes(p, seed);
    const QList<PlannedMeasure> measures = planMeasures(p, seed);

    auto created
        = vault::Vault::create(dir, QString::fromLatin1(defaultUser), passphrase, model::Role::Therapist, cost);
    vault::Vault &vault = *created.vault;
    DemoPractice result;
    result.user = QString::fromLatin1(defaultUser);
    vault.inOneTransaction([&] {
        addClients(vault, p, result);
        addSessions(vault, p, result);
        signAndAmend(vault, p);
        for (const PlannedMeasure &m : measures) {
            vault.measures().add(p.clients[m.client].code, m.date, m.instrument, m.answers);
            ++result.measures;
        }
        for (const Profile &who : std::as_const(p.clients)) {
            if (who.discharged)
                vault.clients().discharge(who.code, *who.discharged);
        }
    });
    vault.lock();
    return result;
}

} // namespace uc::demo
