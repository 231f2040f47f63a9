// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/measureforms.h"

#include "model/measures.h"

using namespace Qt::StringLiterals;

namespace uc::model {

namespace {

QList<AnswerChoice> scale(const QStringList &words)
{
    QList<AnswerChoice> out;
    for (qsizetype i = 0; i < words.size(); ++i)
        out.append({words[i], static_cast<int>(i)});
    return out;
}

QList<FormItem> itemsOf(const QStringList &texts, const QList<AnswerChoice> &choices)
{
    QList<FormItem> out;
    for (const QString &text : texts)
        out.append({text, choices});
    return out;
}

const QList<AnswerChoice> &often()
{
    static const QList<AnswerChoice> choices
        = scale({u"Not at all"_s, u"Several days"_s, u"More than half the days"_s, u"Nearly every day"_s});
    return choices;
}

MeasureForm phq9()
{
    return {u"Over the last 2 weeks, how often have you been bothered by any of the following problems?"_s,
            itemsOf({u"Little interest or pleasure in doing things"_s,
                     u"Feeling down, depressed, or hopeless"_s,
                     u"Trouble falling or staying asleep, or sleeping too much"_s,
                     u"Feeling tired or having little energy"_s,
                     u"Poor appetite or overeating"_s,
                     u"Feeling bad about yourself — or that you are a failure or have let yourself or your family down"_s,
                     u"Trouble concentrating on things, such as reading the newspaper or watching television"_s,
                     u"Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
                     u"fidgety or restless that you have been moving around a lot more than usual"_s,
                     u"Thoughts that you would be better off dead or of hurting yourself in some way"_s},
                    often()),
            u"PHQ-9: Spitzer, Williams, Kroenke and colleagues, with an educational grant from Pfizer Inc."_s};
}

MeasureForm gad7()
{
    return {u"Over the last 2 weeks, how often have you been bothered by the following problems?"_s,
            itemsOf({u"Feeling nervous, anxious or on edge"_s, u"Not being able to stop or control worrying"_s,
                     u"Worrying too much about different things"_s, u"Trouble relaxing"_s,
                     u"Being so restless that it is hard to sit still"_s, u"Becoming easily annoyed or irritable"_s,
                     u"Feeling afraid as if something awful might happen"_s},
                    often()),
            u"GAD-7: Spitzer, Kroenke, Williams and Löwe, with an educational grant from Pfizer Inc."_s};
}

// AUDIT (WHO, Babor, Higgins-Biddle, Saunders and Monteiro 2001), its ten questions and choices.
QList<FormItem> auditItems()
{
    const QList<AnswerChoice> frequency
        = scale({u"Never"_s, u"Less than monthly"_s, u"Monthly"_s, u"Weekly"_s, u"Daily or almost daily"_s});
    const QList<AnswerChoice> injury{{u"No"_s, 0}, {u"Yes, but not in the last year"_s, 2}, {u"Yes, during the last year"_s, 4}};
    return {
        {u"How often do you have a drink containing alcohol?"_s,
         scale({u"Never"_s, u"Monthly or less"_s, u"2 to 4 times a month"_s, u"2 to 3 times a week"_s,
                u"4 or more times a week"_s})},
        {u"How many drinks containing alcohol do you have on a typical day when you are drinking?"_s,
         scale({u"1 or 2"_s, u"3 or 4"_s, u"5 or 6"_s, u"7, 8 or 9"_s, u"10 or more"_s})},
        {u"How often do you have six or more drinks on one occasion?"_s, frequency},
        {u"How often during the last year have you found that you were not able to stop drinking once you had started?"_s,
         frequency},
        {u"How often during the last year have you failed to do what was normally expected from you because of drinking?"_s,
         frequency},
        {u"How often during the last year have you needed a first drink in the morning to get yourself going after a "
         u"heavy drinking session?"_s,
         frequency},
        {u"How often during the last year have you had a feeling of guilt or remorse after drinking?"_s, frequency},
        {u"How often during the last year have you been unable to remember what happened the night before because you "
         u"had been drinking?"_s,
         frequency},
        {u"Have you or someone else been injured as a result of your drinking?"_s, injury},
        {u"Has a relative or friend or a doctor or another health worker been concerned about your drinking or "
         u"suggested you cut down?"_s,
         injury},
    };
}

MeasureForm pcl5()
{
    return {u"In the past month, how much were you bothered by:"_s,
            itemsOf({u"Repeated, disturbing, and unwanted memories of the stressful experience?"_s,
                     u"Repeated, disturbing dreams of the stressful experience?"_s,
                     u"Suddenly feeling or acting as if the stressful experience were actually happening again (as if "
                     u"you were actually back there reliving it)?"_s,
                     u"Feeling very upset when something reminded you of the stressful experience?"_s,
                     u"Having strong physical reactions when something reminded you of the stressful experience (for "
                     u"example, heart pounding, trouble breathing, sweating)?"_s,
                     u"Avoiding memories, thoughts, or feelings related to the stressful experience?"_s,
                     u"Avoiding external reminders of the stressful experience (for example, people, places, "
                     u"conversations, activities, objects, or situations)?"_s,
                     u"Trouble remembering important parts of the stressful experience?"_s,
                     u"Having strong negative beliefs about yourself, other people, or the world (for example, having "
                     u"thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, "
                     u"the world is completely dangerous)?"_s,
                     u"Blaming yourself or someone else for the stressful experience or what happened after it?"_s,
                     u"Having strong negative feelings such as fear, horror, anger, guilt, or shame?"_s,
                     u"Loss of interest in activities that you used to enjoy?"_s,
                     u"Feeling distant or cut off from other people?"_s,
                     u"Trouble experiencing positive feelings (for example, being unable to feel happiness or have "
                     u"loving feelings for people close to you)?"_s,
                     u"Irritable behavior, angry outbursts, or acting aggressively?"_s,
                     u"Taking too many risks or doing things that could cause you harm?"_s,
                     u"Being “superalert” or watchful or on guard?"_s,
                     u"Feeling jumpy or easily startled?"_s,
                     u"Having difficulty concentrating?"_s,
                     u"Trouble falling or staying asleep?"_s},
                    scale({u"Not at all"_s, u"A little bit"_s, u"Moderately"_s, u"Quite a bit"_s, u"Extremely"_s})),
            u"PCL-5: Weathers, Litz, Keane, Palmieri, Marx and Schnurr (2013), National Center for PTSD."_s};
}

// By number only: no / yes (and, for the C-SSRS's questions 3 to 5, skipped).
MeasureForm numbered(const QString &instrument, const QString &credit)
{
    MeasureForm form;
    form.credit = credit;
    const Instrument *i = findInstrument(instrument);
    for (int k = 0; i && k < i->items; ++k) {
        QList<AnswerChoice> choices{{u"No"_s, 0}, {u"Yes"_s, 1}};
        if (instrument == u"cssrs" && k >= 2 && k <= 4)
            choices.append({u"Skipped (question 2 was no)"_s, cssrsSkipped});
        form.items.append({QString(), choices});
    }
    return form;
}

} // namespace

MeasureForm measureForm(const QString &instrument)
{
    if (instrument == u"phq9")
        return phq9();
    if (instrument == u"gad7")
        return gad7();
    if (instrument == u"audit")
        return {QString(), auditItems(), u"AUDIT: World Health Organization, Babor et al. (2001)."_s};
    if (instrument == u"auditc")
        return {QString(), auditItems().mid(0, 3), u"AUDIT-C: the first three AUDIT questions (Bush et al. 1998)."_s};
    if (instrument == u"pcl5")
        return pcl5();
    if (instrument == u"dast10")
        return numbered(instrument, u"DAST-10 © 1982 Harvey A. Skinner, PhD, and the Centre for Addiction and Mental "
                                    u"Health, Toronto; for non-commercial clinical use. Enter the answers from the form "
                                    u"the client filled in (yes or no as asked; item 3's reversal is scored here)."_s);
    if (instrument == u"cssrs")
        return numbered(instrument, u"C-SSRS screen version (Columbia Lighthouse Project): enter the screener's "
                                    u"answers, questions 3 to 5 skipped when question 2 is no."_s);
    return {};
}

} // namespace uc::model
