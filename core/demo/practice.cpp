// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/practice.h"

#include "demo/plans.h"
#include "demo/script.h"
#include "demo/treatment.h"
#include "model/episode.h"
#include "model/types.h"
#include "vault/episodes.h"
#include "vault/usedays.h"
#include "vault/vault.h"

#include <QHash>
#include <QSet>

#include <algorithm>

// The practice is planned and written in memory first (demo/script.h); here it is stored.
namespace uc::demo {

using namespace script;

namespace {

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

// Each client's course of care (model/episode.h) from their runs of appointments: runs in the same
// setting make one episode; each episode starts with its first run (or the group of that setting,
// when it starts sooner) and lasts until the next one starts, so every session falls in one; the
// last is open, or ends on the day of discharge.
void addEpisodes(vault::Vault &vault, const Practice &p)
{
    const auto levelOf = [](model::Setting setting) {
        switch (setting) {
        case model::Setting::Residential:
            return u"residential"_s;
        case model::Setting::Aftercare:
            return u"aftercare"_s;
        case model::Setting::Outpatient:
        case model::Setting::Telehealth:
            break;
        }
        return u"outpatient"_s;
    };
    const QHash<QString, QString> services{{u"residential"_s, u"Harbour House"_s},
                                           {u"outpatient"_s, u"Riverside clinic"_s},
                                           {u"aftercare"_s, u"Riverside aftercare"_s}};
    for (const Profile &who : p.clients) {
        QList<model::Episode> course;
        for (const Run &run : who.runs) {
            const QString level = levelOf(run.setting);
            if (!course.isEmpty() && course.last().level == level)
                continue;
            model::Episode e;
            e.clientCode = who.code;
            e.level = level;
            e.start = run.when.from;
            e.service = services.value(level);
            const std::optional<Stretch> &group
                = run.setting == model::Setting::Residential ? who.residentialGroup : who.aftercareGroup;
            const bool groupOfSetting = run.setting == model::Setting::Residential || run.setting == model::Setting::Aftercare;
            if (groupOfSetting && group && group->from < e.start && (course.isEmpty() || group->from > course.last().start))
                e.start = group->from;
            if (!course.isEmpty())
                course.last().end = e.start - boost::gregorian::days(1);
            course.append(e);
        }
        if (!course.isEmpty() && who.discharged)
            course.last().end = std::max(course.last().start, *who.discharged);
        for (const model::Episode &e : std::as_const(course))
            vault.episodes().add(e);
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
        // A member who did not come gets no draft from the group's note: their own note (why they
        // missed it) is added to the session after.
        const QList<Section> opening = group ? QList<Section>{{u"Group topic"_s, groupTopicLine(m)}} : first.sections;
        const model::NoteKind kind = m.process ? model::NoteKind::Process : model::NoteKind::Progress;
        const bool anyCame = std::any_of(session.attendees.begin(), session.attendees.end(), [](const auto &a) {
            return a.attendance == model::Attendance::Attended || a.attendance == model::Attendance::Late;
        });
        QHash<QString, model::Id> noteOf;
        model::Id sessionId = 0;
        if (!group || anyCame) {
            const auto added = vault.notes().addSession(session, first.templateId, kind, opening);
            sessionId = added.session;
            for (qsizetype k = 0; k < added.notes.size(); ++k)
                noteOf.insert(added.clients.at(k), added.notes.at(k));
        } else {
            sessionId = vault.notes().addSession(session);
        }
        ++result.sessions;
        for (qsizetype k = 0; k < m.visits.size(); ++k) {
            Visit &v = p.visits[m.visits[k]];
            const QString &code = session.attendees.at(k).clientCode;
            v.note = noteOf.value(code);
            if (v.note == 0)
                v.note = vault.notes().add(sessionId, code, first.templateId, kind, v.sections);
            else if (group)
                vault.notes().saveDraft(v.note, v.sections);
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
    // A note showing risk is signed with its assessment, as a clinician must (docs/risk.md).
    const model::RiskAssessment assessed{model::RiskLevel::Low,
                                         u"Risk reviewed in session; harm-reduction advice and crisis numbers given."_s};
    for (const Visit &v : p.visits) {
        if (v.note == 0 || drafts.contains(v.note))
            continue;
        const bool needsAssessment = !vault.risk().unassessed(v.note).isEmpty();
        vault.notes().sign(v.note, needsAssessment ? std::optional(assessed) : std::nullopt);
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

// Moves every date of the plan by the same whole number of weeks, so that the last session falls
// in the seven days before today.
void moveTo(const Date &today, Practice &p, QList<PlannedMeasure> &measures)
{
    Date last = p.meetings.first().date;
    for (const Meeting &m : std::as_const(p.meetings))
        last = std::max(last, m.date);
    const long behind = (today - last).days() - 1;
    const boost::gregorian::days by(behind >= 0 ? behind / 7 * 7 : -((-behind + 6) / 7 * 7));
    if (by.days() == 0)
        return;
    const auto move = [&](Stretch &s) {
        s.from += by;
        s.to += by;
    };
    for (Profile &who : p.clients) {
        for (Run &run : who.runs)
            move(run.when);
        if (who.residentialGroup)
            move(*who.residentialGroup);
        if (who.aftercareGroup)
            move(*who.aftercareGroup);
        if (who.discharged)
            *who.discharged += by;
    }
    for (Meeting &m : p.meetings)
        m.date += by;
    for (PlannedMeasure &m : measures)
        m.date += by;
}

} // namespace

DemoPractice createDemoPractice(const QString &dir, const SecretBuffer &passphrase, std::uint32_t seed,
                                vault::KdfCost cost, std::optional<model::Date> today)
{
    // The whole practice is planned and written in memory first; the vault only stores it.
    Practice p;
    p.clients = cast();
    schedule(p, seed);
    assignBeats(p);
    writeNotes(p, seed);
    addProcessNotes(p, seed);
    QList<PlannedMeasure> measures = planMeasures(p, seed);
    if (today && !p.meetings.isEmpty())
        moveTo(*today, p, measures);
    const QList<model::TreatmentEvent> events = planTreatmentEvents(p, seed);
    const QList<model::UseDay> useDays = planUseDays(p);

    auto created
        = vault::Vault::create(dir, QString::fromLatin1(defaultUser), passphrase, model::Role::Therapist, cost);
    vault::Vault &vault = *created.vault;
    DemoPractice result;
    result.user = QString::fromLatin1(defaultUser);
    vault.inOneTransaction([&] {
        addClients(vault, p, result);
        addEpisodes(vault, p);
        addPlans(vault, p);
        addSessions(vault, p, result);
        rateProgress(vault, p);
        signAndAmend(vault, p);
        holdReviews(vault, p);
        for (const PlannedMeasure &m : measures) {
            vault.measures().add(p.clients[m.client].code, m.date, m.instrument, m.answers);
            ++result.measures;
        }
        for (const model::TreatmentEvent &e : events) {
            vault.treatmentEvents().add(e);
            ++result.events;
        }
        for (const model::UseDay &d : useDays)
            (void)vault.useDays().record(d, d.date, d.date, vault::UseDays::Recorded::Refuse);
        for (const Profile &who : std::as_const(p.clients)) {
            if (who.discharged)
                vault.clients().discharge(who.code, *who.discharged);
        }
    });
    vault.lock();
    return result;
}

} // namespace uc::demo
