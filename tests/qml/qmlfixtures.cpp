// SPDX-License-Identifier: GPL-3.0-or-later
#include "qmlfixtures.h"

#include <boost/date_time/gregorian/gregorian.hpp>

using namespace Qt::StringLiterals;

namespace {

uc::gui::PatternsData tenThemes()
{
    uc::gui::PatternsData data;
    data.code = u"C-1"_s;
    data.name = u"Test Client"_s;
    data.by = u"month"_s;
    data.from = u"2025-01-01"_s;
    data.to = u"2025-06-30"_s;
    data.recordFrom = data.from;
    data.recordTo = data.to;
    const QStringList ids = {u"abandonment"_s, u"shame"_s,   u"craving"_s,       u"relapse"_s,
                             u"anxiety"_s,     u"loneliness"_s, u"family-conflict"_s, u"grief"_s,
                             u"anger"_s,       u"trauma"_s};
    for (int i = 0; i < ids.size(); ++i)
        data.themes.append({ids.at(i), ids.at(i), 12 - i, i < 6, u"stable"_s});
    data.leadLag = {u"Abandonment came before lapse or relapse in 5 of 6 sessions."_s,
                    u"Shame came before lapse or relapse in 4 of 5 sessions."_s};
    data.tested = 40;
    // A step-down in the middle of the range: residential, then aftercare still open.
    data.episodes = {{4, u"residential"_s, u"Residential"_s, u"2025-01-06"_s, u"2025-03-16"_s, u"Harbour House"_s,
                      u"Residential, 6 Jan – 16 Mar 2025"_s},
                     {5, u"aftercare"_s, u"Aftercare"_s, u"2025-03-17"_s, QString(), QString(), u"Aftercare, from 17 Mar 2025"_s}};
    // Other treatment on the same axis: a medication start, a meeting, a negative and a positive screen.
    const auto event = [](const char *date, const QString &kind) {
        uc::model::TreatmentEvent e;
        e.clientCode = u"C-1"_s;
        e.kind = kind;
        e.date = *uc::model::parseDate(QString::fromLatin1(date));
        return e;
    };
    uc::model::TreatmentEvent start = event("2025-01-20", u"mat"_s);
    start.medication = u"naltrexone"_s;
    start.change = u"start"_s;
    start.dose = 50;
    start.unit = u"mg"_s;
    uc::model::TreatmentEvent meeting = event("2025-02-01", u"mutual-help"_s);
    meeting.program = u"aa"_s;
    uc::model::TreatmentEvent negative = event("2025-03-01", u"drug-screen"_s);
    negative.substance = u"alcohol"_s;
    negative.result = u"negative"_s;
    negative.method = u"breath"_s;
    uc::model::TreatmentEvent positive = negative;
    positive.date = *uc::model::parseDate(u"2025-04-15"_s);
    positive.result = u"positive"_s;
    data.events = {start, meeting, negative, positive};
    // The heatmap's sessions and the months, with use days over them: alcohol abstinent every day
    // from 6 Jan to 14 Apr but two, 14 Feb and 14 Apr, used; unknown before and after.
    for (const char *day : {"2025-01-13", "2025-02-10", "2025-03-10", "2025-04-14", "2025-05-12"})
        data.sessions.append({QString::fromLatin1(day), {{u"abandonment"_s, 2}, {u"shame"_s, 1}}});
    const uc::model::Date first = *uc::model::parseDate(data.from);
    const uc::model::Date last = *uc::model::parseDate(data.to);
    QList<uc::model::UseDay> days;
    for (uc::model::Date d = *uc::model::parseDate(u"2025-01-06"_s); d <= *uc::model::parseDate(u"2025-04-14"_s);
         d += boost::gregorian::days(1)) {
        uc::model::UseDay day;
        day.clientCode = data.code;
        day.substance = u"alcohol"_s;
        day.date = d;
        day.used = uc::model::toIso(d) == u"2025-02-14"_s || uc::model::toIso(d) == u"2025-04-14"_s;
        days.append(day);
    }
    uc::gui::PatternUseDayRow alcohol{uc::model::useDayFigures(days, first, last).first(), {}};
    for (uc::model::Date month = first; month <= last; month += boost::gregorian::months(1)) {
        const uc::model::Date end = month.end_of_month();
        data.buckets.append({uc::model::toIso(month), uc::model::toIso(end), uc::gui::bucketLabel(u"month"_s, month), 1, {}});
        alcohol.buckets.append(uc::model::useDayFigures(days, month, end).first());
    }
    data.useDays = {alcohol};
    return data;
}

uc::gui::PatternsData noThemes()
{
    uc::gui::PatternsData data;
    data.code = u"C-2"_s;
    data.name = u"Quiet Client"_s;
    data.by = u"month"_s;
    data.from = u"2025-01-01"_s;
    data.to = u"2025-06-30"_s;
    return data;
}

} // namespace

QmlFixtures::QmlFixtures(QObject *parent)
    : QObject(parent)
    , m_patterns(new PatternsModel(nullptr, this))
    , m_empty(new PatternsModel(nullptr, this))
    , m_loading(new PatternsModel(nullptr, this))
    , m_note(new NoteEditor(nullptr, this))
    , m_practice(new PracticeMembership(nullptr, this))
    , m_sync(new PracticeSync(nullptr, this))
{
    reset();
}

void QmlFixtures::reset()
{
    m_patterns->clear();
    m_patterns->set(tenThemes());
    m_empty->set(noThemes());
    m_loading->clear();
    m_loading->setLoading(true);
}

void QmlFixtures::openDraft(int id, const QString &text, const QVariantList &tags)
{
    uc::gui::NoteData d;
    d.id = id;
    d.clientCode = u"C-0001"_s;
    d.templateId = u"free"_s;
    d.status = u"draft"_s;
    d.text = text;
    for (const QVariant &v : tags) {
        const QVariantMap m = v.toMap();
        uc::gui::TagRow t;
        t.id = m.value(u"id"_s).toLongLong();
        t.theme = m.value(u"theme"_s).toString();
        t.label = t.theme;
        t.evidence = m.value(u"words"_s).toString();
        t.decision = u"suggested"_s;
        t.start = static_cast<int>(text.indexOf(t.evidence));
        t.end = t.start + static_cast<int>(t.evidence.size());
        d.tags.append(t);
    }
    m_note->set(std::move(d));
}

void QmlFixtures::showPractice(const QString &state)
{
    if (state == u"not-joined"_s) {
        m_practice->show({});
        m_sync->setMember(false);
        m_sync->show({});
        return;
    }
    m_practice->show({true, u"3f2a9c0e71d84b55a6c2e0f4b9d1c7a8"_s, u"9d41c7aa02e64e1f8b3c5d6e7f8091a2"_s, u"therapist"_s,
                      u"postgresql://practice.example:5432/practice"_s,
                      PracticeMembership::groupedHex(QByteArray(32, '\x5a')), false, 12, 30});
    m_sync->setMember(true);
    using Outcome = PracticeSync::Outcome;
    const QDateTime at = QDateTime::currentDateTime();
    if (state == u"refused"_s)
        m_sync->show({at, Outcome::Refused,
                      u"Practice server: it shows 3 notes, less than this machine has already seen (12): rolled back or rows deleted."_s,
                      false});
    else if (state == u"offline"_s)
        m_sync->show({at, Outcome::Offline, u"Practice server: it cannot be reached."_s, false});
    else
        m_sync->show({at, Outcome::Synced, u"Pushed 2, pulled 1."_s, false});
}
