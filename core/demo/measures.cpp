// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/script.h"

#include "model/measures.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace uc::demo::script {

namespace {

// Answers that add up to total, spread at random over the items the instrument allows.
QList<int> answersFor(const QString &instrument, int total, Rng &r)
{
    const model::Instrument *info = model::findInstrument(instrument);
    Q_ASSERT(info);
    QList<int> answers(info->items, 0);
    const bool audit = instrument == u"audit";
    // PHQ-9 item 9 (thoughts of being better off dead or of self-harm) stays 0: a yes there raises a
    // suicide flag (docs/risk.md), and an invented practice where every client shows open risk would
    // teach a new user to ignore the flag. The walk-through's risk is written on purpose instead.
    const bool phq9 = instrument == u"phq9";
    const int itemMax = model::itemMaximum(instrument);
    const int free = audit || phq9 ? 8 : info->items;
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
    {Story::OpioidMat, "phq9", 16, 7, 0.7, 17, 19},
    {Story::OpioidMat, "gad7", 12, 6, 0.7, 14, 13},
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

} // namespace

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

} // namespace uc::demo::script
