// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

// How the demo practice is made, in steps that share these values: the cast and its phrases
// (phrases.cpp, read from practice.json), a calendar of appointments and groups with attendance
// drawn per visit and a story beat for every attended visit (calendar.cpp), notes written from
// the phrase pools (writing.cpp) and measures scored from the same beats (measures.cpp). Every
// random choice comes from one small PRNG per client and purpose, so a seed always gives the same
// practice. practice.cpp stores it in a vault. Private to core/demo.
namespace uc::demo::script {

using namespace Qt::StringLiterals;

using model::Attendance;
using model::Date;
using model::Modality;
using model::Section;
using model::Setting;

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
    QString pick(const QStringList &options) { return options[static_cast<qsizetype>(index(size(options)))]; }
    // n different options, in random order.
    QStringList some(const QStringList &options, int n)
    {
        QList<std::size_t> order;
        for (std::size_t i = 0; i < size(options); ++i)
            order.append(i);
        QStringList out;
        for (qsizetype i = 0; i < std::min<qsizetype>(n, order.size()); ++i) {
            const qsizetype j = i + static_cast<qsizetype>(index(static_cast<std::size_t>(order.size() - i)));
            std::swap(order[i], order[j]);
            out.append(options[static_cast<qsizetype>(order[i])]);
        }
        return out;
    }

private:
    std::size_t index(std::size_t size) { return static_cast<std::size_t>(next() % size); }
    static std::size_t size(const QStringList &options) { return static_cast<std::size_t>(options.size()); }
    std::uint64_t m_state;
};

// Independent streams per client and purpose: a change to the wording never moves a date.
enum class Purpose { Attendance = 1, Words, Measures, Topics, Process, Treatment };

inline Rng stream(std::uint32_t seed, int client, Purpose purpose)
{
    Rng mixer((std::uint64_t{seed} << 32) ^ (static_cast<std::uint64_t>(client) << 8)
              ^ static_cast<std::uint64_t>(purpose));
    return Rng(mixer.next());
}

// ---- the cast -----------------------------------------------------------------------------------

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

enum class Story {
    AbandonmentRelapse,
    AnxiousUse,
    GriefDrinking,
    FamilyShame,
    Gambling,
    StableAftercare,
    AngerCannabis,
    OpioidMat
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
    QJsonObject plan; // the treatment plan's problems, as PLAN.json writes them (docs/plan.md); dated when stored
};

// The clients of the practice, from practice.json. Every name is invented; any likeness to a real
// person is chance.
[[nodiscard]] QList<Profile> cast();
// A pool of phrases from practice.json, by name ("orlaSettled"); the writer picks from it.
[[nodiscard]] const QStringList &pool(const char *name);
// ---- the stories ----------------------------------------------------------------------------------

// Something that happened in a client's life between two dates, told at most once or twice.
struct Event
{
    Stretch when;
    QString text;
};
// What happened in a client's life (practice.json's events, by client: "bea").
[[nodiscard]] const QList<Event> &events(const char *who);

[[nodiscard]] inline Date day(int y, int m, int d)
{
    return {static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d)};
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

// ---- the steps ----------------------------------------------------------------------------------

// The appointments and groups, with attendance drawn (calendar.cpp).
void schedule(Practice &p, std::uint32_t seed);
// A story beat for every attended visit (calendar.cpp).
void assignBeats(Practice &p);
// Every visit's note, written from its beat (writing.cpp).
void writeNotes(Practice &p, std::uint32_t seed);
// "Trust and honesty: residential process group, 90 minutes, two facilitators." (writing.cpp)
[[nodiscard]] QString groupTopicLine(const Meeting &meeting);
// Process notes: the private side of a few sessions of the steadier clients (writing.cpp).
void addProcessNotes(Practice &p, std::uint32_t seed);

struct PlannedMeasure
{
    int client = 0;
    Date date;
    QString instrument;
    QList<int> answers;
};
// Measures at sessions as the stories move the clients (measures.cpp).
[[nodiscard]] QList<PlannedMeasure> planMeasures(const Practice &p, std::uint32_t seed);

} // namespace uc::demo::script
