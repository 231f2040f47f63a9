// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStringList>

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

// Generated note-like text for benchmarks: progress-note sentences in clinical and first-person
// voice, mixing themed and neutral content, deterministic for a seed. Not a test corpus (that one
// is written by hand in tests/data); this only needs realistic shape and density.
namespace bench {

inline std::vector<std::string> generateNotes(std::size_t totalBytes, std::size_t wordsPerNote = 2000,
                                              std::uint32_t seed = 20251125)
{
    // About half the sentences of a real progress note raise no theme: mental status, logistics,
    // interventions, plans.
    static const std::array<const char *, 80> sentences = {
        "Pt was alert and oriented, casually dressed, with good eye contact.",
        "Affect congruent with content; speech normal in rate and volume.",
        "Session began at 10:05 and ended at 10:55.",
        "Writer reviewed the treatment plan goals with the client.",
        "Client completed the weekly check-in form in the waiting room.",
        "We discussed her new schedule at work and the longer commute.",
        "Homework from last week was reviewed; Pt completed two of three exercises.",
        "Writer used reflective listening and open questions throughout.",
        "Pt asked about moving the next appointment to Thursday afternoon.",
        "Insight fair, judgement fair, no perceptual disturbances noted.",
        "Client brought a list of topics and led the agenda for the hour.",
        "Plan: continue weekly individual sessions and review goals in four weeks.",
        "He talked about his garden, the allotment and a new recipe he tried.",
        "Reviewed consent form and confidentiality limits at the start of the session.",
        "Pt was dressed appropriately and appeared well rested today.",
        "Writer summarised the session and checked understanding before closing.",
        "Client reports the new medication schedule is easier to follow.",
        "Discussed the referral to the dietitian and the waiting list.",
        "She spoke about her cousin's visit and the trip to the coast.",
        "Next session booked for the same time next week.",
        "Pt described a typical weekday from waking to bedtime.",
        "Writer provided psychoeducation about sleep and routine.",
        "Client identified two goals for the coming week and wrote them down.",
        "Thought process linear and goal directed; memory grossly intact.",
        "He mentioned the football results and his plans for the weekend.",
        "Writer checked in about the housing application; still pending.",
        "Pt engaged well and was reflective when prompted.",
        "We reviewed the timeline exercise started in the previous session.",
        "Client shared photos of the dog and talked about the walks they take.",
        "Session held by video; connection stable throughout.",
        "The client described the new job, her manager and her team.",
        "Writer and client agreed on the focus for the next three sessions.",
        "Pt completed the outcome measures at the end of the session.",
        "He asked for a letter for his employer about attendance.",
        "Client reports sleeping seven hours most nights this week.",
        "Discussed practical steps for the benefits appointment on Monday.",
        "She talked about the course she has started at the college.",
        "Writer noted good rapport and a collaborative stance.",
        "Pt brought the diary and went through each day with writer.",
        "Appointment letter and crisis line numbers given again.",
        "Pt arrived on time and was engaged throughout the session.",
        "Client reports drinking four beers on Saturday after an argument with her partner.",
        "She describes feeling abandoned when her mother did not call back.",
        "Pt denies cravings this week and attended three AA meetings.",
        "He used cocaine on Friday to calm his nerves before the interview.",
        "Discussed relapse prevention plan and identified high-risk situations at work.",
        "I drink when I feel like nobody wants me around.",
        "Writer explored the link between childhood neglect and current patterns of use.",
        "Client was tearful when speaking about the death of her father last spring.",
        "Pt reports low mood, poor sleep and little interest in activities.",
        "Her father drank every night and she learned to keep quiet.",
        "He states his gambling is not a problem and that he can stop any time.",
        "Session focused on scheduling and the aftercare plan after discharge.",
        "She called her sponsor instead of going to the bar and resisted the urge.",
        "Client reports feeling ashamed about the weekend and worried her children noticed.",
        "I get so anxious at parties that I need a few drinks first.",
        "Pt became angry when discussing the custody hearing with his ex-wife.",
        "If she goes to the wedding she thinks she would probably drink.",
        "Writer noted the client relating to writer as to a critical father.",
        "He has been sober for ninety days and received his chip at the home group.",
        "She feels worthless and says she is never good enough for anyone.",
        "Pt lives alone and has no one to talk to in the evenings.",
        "Reviewed PHQ-9 and GAD-7 scores with the client; both improved since intake.",
        "Client reports flashbacks and nightmares related to the assault.",
        "Growing up, he was often left alone while his mother worked nights.",
        "She lapsed on Tuesday after three months of abstinence.",
        "Pt practised grounding and box breathing when the urge came.",
        "I can't stop thinking about using when I pass the old flat.",
        "Client minimised the overdose and said it was only a few pills.",
        "The group discussed triggers and the pull to isolate on weekends.",
        "He reports a heated argument with his sister about their parents.",
        "Pt was late by ten minutes; the frame was discussed.",
        "She wonders whether she is an alcoholic like her mother.",
        "Client spent most of the session talking about work and commuting.",
        "He feels rejected by his brother and resentful about the inheritance.",
        "We talked about the new job, the commute and the weather.",
        "Pt plans to attend the outpatient group on Thursdays.",
        "Whenever he feels left out he goes to the pub.",
        "Client reports no alcohol use and no gambling since the last session.",
        "She describes her partner as controlling and has considered separating.",
    };
    std::vector<std::string> notes;
    std::size_t bytes = 0;
    std::uint32_t x = seed;
    while (bytes < totalBytes) {
        std::string note;
        std::size_t words = 0;
        while (words < wordsPerNote) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            const std::string s = sentences[x % sentences.size()];
            note += s;
            note += (x % 7 == 0) ? "\n" : " ";
            words += static_cast<std::size_t>(std::count(s.begin(), s.end(), ' ') + 1);
        }
        bytes += note.size();
        notes.push_back(std::move(note));
    }
    return notes;
}

} // namespace bench
