// SPDX-License-Identifier: GPL-3.0-or-later
// The client overview as a therapist reads it: every session on the timeline with the missed ones
// marked, a card for each theme that keeps recurring with its plain-words count and trend, the
// latest score and band of each measure with its change, and the notes newest first, each with the
// id the editor opens; the therapist's own countertransference card, hidden until asked. Built from
// a real vault.
#include "guitestutil.h"
#include "clientoverview.h"
#include "measureentry.h"
#include "clientdata.h"

#include "common/error.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace guitest;
using namespace Qt::StringLiterals;

class OverviewModelsTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<uc::vault::Vault> m_vault;
    QList<uc::model::Id> m_notes;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_vault = createVault(m_dir.filePath(u"vault"_s));
        addClient(*m_vault, u"C-0001"_s, u"Ann Example"_s);
        const QStringList dates = {u"2025-02-03"_s, u"2025-02-10"_s, u"2025-02-17"_s,
                                   u"2025-02-24"_s, u"2025-03-03"_s, u"2025-03-10"_s};
        for (qsizetype i = 0; i < dates.size(); ++i)
            m_notes.append(addSession(*m_vault, u"C-0001"_s, dates.at(i), i == 0 ? anxiousText : abandonedText));
        m_notes.append(addSession(*m_vault, u"C-0001"_s, u"2025-02-20"_s, u"Did not attend; letter sent."_s,
                                  uc::model::Attendance::NoShow));
        m_vault->notes().sign(m_notes.first());
        m_vault->measures().add(u"C-0001"_s, *uc::model::parseDate(u"2025-02-03"_s), u"phq9"_s, {2, 2, 2, 2, 2, 2, 2, 2, 0});
        m_vault->measures().add(u"C-0001"_s, *uc::model::parseDate(u"2025-03-03"_s), u"phq9"_s, {1, 1, 1, 1, 1, 1, 1, 1, 0});
        m_vault->measures().add(u"C-0001"_s, *uc::model::parseDate(u"2025-03-03"_s), u"auditc"_s, {3, 2, 1});
    }

    void sentencesSayCountAndTrend()
    {
        QCOMPARE(uc::gui::recurrenceSentence(5, 6, u"rising"_s), u"5 of the last 6 sessions, rising"_s);
        QCOMPARE(uc::gui::recurrenceSentence(2, 6, u"stable"_s), u"2 of the last 6 sessions, steady"_s);
        QCOMPARE(uc::gui::recurrenceSentence(3, 3, u"falling"_s), u"all of the last 3 sessions, falling"_s);
        QCOMPARE(uc::gui::changeWords(16, 8), u"down 8"_s);
        QCOMPARE(uc::gui::changeWords(4, 9), u"up 5"_s);
        QCOMPARE(uc::gui::changeWords(4, 4), u"unchanged"_s);
        QCOMPARE(uc::gui::notePreview(u"## Data\nShe came in late.\n\n## Plan\nMeet weekly."_s),
                 u"She came in late. Meet weekly."_s);
        const QString longText = QString(u"word "_s).repeated(100);
        const QString cut = uc::gui::notePreview(longText, 40);
        QVERIFY(cut.size() <= 41);
        QVERIFY(cut.endsWith(u"…"_s));
        QVERIFY(!cut.contains(u"wor…"_s)); // cut at a word boundary
    }

    void timelineHasEverySessionInDateOrder()
    {
        const uc::gui::Overview o = uc::gui::loadOverview(*m_vault, u"C-0001"_s);
        SessionTimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(o.sessions);
        QCOMPARE(model.count(), 7);
        QCOMPARE(o.attended, 6);
        QCOMPARE(o.missed, 1);
        QStringList dates;
        for (int i = 0; i < model.rowCount(); ++i)
            dates << model.data(model.index(i), SessionTimelineModel::DateRole).toString();
        QStringList sorted = dates;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(dates, sorted);
        const QModelIndex missed = model.index(static_cast<int>(dates.indexOf(u"2025-02-20"_s)));
        QCOMPARE(model.data(missed, SessionTimelineModel::AttendanceRole).toString(), u"no-show"_s);
        QCOMPARE(model.data(missed, SessionTimelineModel::AttendedRole).toBool(), false);
        const QModelIndex first = model.index(0);
        QCOMPARE(model.data(first, SessionTimelineModel::AttendedRole).toBool(), true);
        QCOMPARE(model.data(first, SessionTimelineModel::NoteIdRole).toLongLong(), m_notes.first());
        QVERIFY(model.data(model.index(1), SessionTimelineModel::ThemeCountRole).toInt() >= 2);
    }

    void themeCardsForRecurringThemesOnly()
    {
        const uc::gui::Overview o = uc::gui::loadOverview(*m_vault, u"C-0001"_s);
        ThemeCardModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(o.themes, o.palette);
        QVERIFY(model.count() >= 1);
        QStringList themes;
        for (int i = 0; i < model.rowCount(); ++i)
            themes << model.data(model.index(i), ThemeCardModel::ThemeRole).toString();
        QVERIFY2(themes.contains(u"abandonment-driven-use"_s), qPrintable(themes.join(u',')));
        QVERIFY(!themes.contains(u"anxiety"_s)); // raised once only
        const QModelIndex card = model.index(static_cast<int>(themes.indexOf(u"abandonment-driven-use"_s)));
        QCOMPARE(model.data(card, ThemeCardModel::LabelRole).toString(), u"Abandonment-driven use"_s);
        QCOMPARE(model.data(card, ThemeCardModel::RecurrenceInRole).toInt(), 5);
        QCOMPARE(model.data(card, ThemeCardModel::RecurrenceLastRole).toInt(), 6);
        QVERIFY2(model.data(card, ThemeCardModel::SentenceRole).toString().startsWith(u"5 of the last 6 sessions, "_s),
                 qPrintable(model.data(card, ThemeCardModel::SentenceRole).toString()));
        QCOMPARE(model.data(card, ThemeCardModel::FirstSeenRole).toString(), u"2025-02-10"_s);
        QCOMPARE(model.data(card, ThemeCardModel::LastSeenRole).toString(), u"2025-03-10"_s);
        // Most recurrent first.
        for (int i = 1; i < model.rowCount(); ++i)
            QVERIFY(model.data(model.index(i - 1), ThemeCardModel::RecurrenceInRole).toInt()
                    >= model.data(model.index(i), ThemeCardModel::RecurrenceInRole).toInt());
    }

    void measuresShowLatestScoreBandAndChange()
    {
        const uc::gui::Overview o = uc::gui::loadOverview(*m_vault, u"C-0001"_s);
        MeasureSummaryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(o.measures);
        QCOMPARE(model.count(), 2);
        const QModelIndex phq = model.index(0); // instrument order: phq9 before auditc
        QCOMPARE(model.data(phq, MeasureSummaryModel::NameRole).toString(), u"PHQ-9"_s);
        QCOMPARE(model.data(phq, MeasureSummaryModel::TotalRole).toInt(), 8);
        QCOMPARE(model.data(phq, MeasureSummaryModel::BandRole).toString(), u"mild"_s);
        QCOMPARE(model.data(phq, MeasureSummaryModel::DateRole).toString(), u"2025-03-03"_s);
        QCOMPARE(model.data(phq, MeasureSummaryModel::ChangeRole).toString(), u"down 8"_s);
        QCOMPARE(model.data(phq, MeasureSummaryModel::PreviousDateRole).toString(), u"2025-02-03"_s);
        QCOMPARE(model.data(phq, MeasureSummaryModel::TotalsRole).toList(), (QVariantList{16, 8}));
        // Reliable change since the first score: PHQ-9 by the published threshold, −8 ≥ 6 points,
        // from 16 to below the caseness cut-off of 10.
        QCOMPARE(model.data(phq, MeasureSummaryModel::ReliableChangeRole).toString(), u"reliable-improvement"_s);
        QCOMPARE(model.data(phq, MeasureSummaryModel::ReliableChangeTextRole).toString(),
                 u"Since 2025-02-03: 16 → 8, change -8 (published threshold 6 points): reliable improvement; "
                 "clinically significant (now below the cut-off of 10)"_s);
        const QModelIndex audit = model.index(1);
        QCOMPARE(model.data(audit, MeasureSummaryModel::InstrumentRole).toString(), u"auditc"_s);
        QCOMPARE(model.data(audit, MeasureSummaryModel::TotalRole).toInt(), 6);
        QCOMPARE(model.data(audit, MeasureSummaryModel::ChangeRole).toString(), QString());
        QCOMPARE(model.data(audit, MeasureSummaryModel::PreviousDateRole).toString(), QString());
        QCOMPARE(model.data(audit, MeasureSummaryModel::ReliableChangeRole).toString(), QString());
        QVERIFY(!model.data(audit, MeasureSummaryModel::BandLabelRole).toString().isEmpty());
    }

    void notesNewestFirstWithStatusAndPreview()
    {
        const uc::gui::Overview o = uc::gui::loadOverview(*m_vault, u"C-0001"_s);
        NoteListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(o.notes);
        QCOMPARE(model.count(), 7);
        QCOMPARE(model.data(model.index(0), NoteListModel::DateRole).toString(), u"2025-03-10"_s);
        const QModelIndex oldest = model.index(6);
        QCOMPARE(model.data(oldest, NoteListModel::DateRole).toString(), u"2025-02-03"_s);
        QCOMPARE(model.data(oldest, NoteListModel::NoteIdRole).toLongLong(), m_notes.first());
        QCOMPARE(model.data(oldest, NoteListModel::StatusRole).toString(), u"signed"_s);
        QCOMPARE(model.data(oldest, NoteListModel::KindRole).toString(), u"progress"_s);
        QCOMPARE(model.data(oldest, NoteListModel::PreviewRole).toString(), anxiousText);
        QCOMPARE(model.data(model.index(0), NoteListModel::StatusRole).toString(), u"draft"_s);
        QVERIFY(!model.data(oldest, NoteListModel::TemplateRole).toString().isEmpty());
    }

    void theBannerShowsTheLatestOpenFlagUntilAnAssessmentClosesIt()
    {
        addClient(*m_vault, u"C-0002"_s, u"Bea Example"_s);
        const uc::model::RiskAssessment toFollow{}; // level ToFollow: signed, the risk stays open
        const auto older = addSession(*m_vault, u"C-0002"_s, u"2025-03-01"_s, u"She has been cutting her arms again."_s);
        m_vault->notes().sign(older, toFollow);
        const auto newer = addSession(*m_vault, u"C-0002"_s, u"2025-03-08"_s, u"Reports thoughts of killing herself."_s);
        m_vault->notes().sign(newer, toFollow);

        ClientOverview overview;
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0002"_s));
        QCOMPARE(overview.openRiskCount(), 2);
        QCOMPARE(overview.latestRisk().size(), 1);
        const QVariantMap latest = overview.latestRisk().constFirst().toMap();
        QCOMPARE(latest.value(u"id"_s).toString(), u"suicide"_s);
        QCOMPARE(latest.value(u"date"_s).toString(), u"2025-03-08"_s);
        QCOMPARE(latest.value(u"noteId"_s).toLongLong(), newer);
        QVERIFY2(latest.value(u"evidence"_s).toString().contains(u"thoughts of killing"_s),
                 qPrintable(latest.value(u"evidence"_s).toString()));

        // The first client has no risk: no banner.
        ClientOverview calm;
        calm.set(uc::gui::loadOverview(*m_vault, u"C-0001"_s));
        QCOMPARE(calm.openRiskCount(), 0);
        QVERIFY(calm.latestRisk().isEmpty());

        m_vault->risk().close(u"C-0002"_s, uc::model::RiskLevel::Moderate, u"Safety plan reviewed."_s);
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0002"_s));
        QCOMPARE(overview.openRiskCount(), 0);
        QVERIFY(overview.latestRisk().isEmpty());
    }

    void overviewHoldsHeaderAndClearsEverything()
    {
        ClientOverview overview;
        QSignalSpy changed(&overview, &ClientOverview::changed);
        overview.setLoading(true);
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0001"_s));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!overview.loading());
        QCOMPARE(overview.code(), u"C-0001"_s);
        QCOMPARE(overview.name(), u"Ann Example"_s);
        QCOMPARE(overview.intake(), u"2025-01-06"_s);
        QCOMPARE(overview.missed(), 1);
        QCOMPARE(overview.firstSession(), u"2025-02-03"_s);
        QCOMPARE(overview.lastSession(), u"2025-03-10"_s);
        QCOMPARE(overview.sessions()->count(), 7);
        QVERIFY(overview.themes()->count() > 0);
        QCOMPARE(overview.measures()->count(), 2);
        QCOMPARE(overview.notes()->count(), 7);
        overview.clear();
        QCOMPARE(overview.code(), QString());
        QCOMPARE(overview.name(), QString());
        QCOMPARE(overview.sessions()->count(), 0);
        QCOMPARE(overview.themes()->count(), 0);
        QCOMPARE(overview.measures()->count(), 0);
        QCOMPARE(overview.notes()->count(), 0);
    }

    // The card of typed fields: craving and days abstinent as series in session order, the stage
    // of change as a step at each change, an empty state before any note states one.
    void fieldTrendsChartCravingDaysAndStageSteps()
    {
        addClient(*m_vault, u"C-0042"_s, u"Field Example"_s);
        ClientOverview overview;
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0042"_s));
        FieldTrends *trends = overview.fieldTrends();
        QVERIFY(trends->empty());
        QCOMPARE(trends->latest(), QString());
        addSession(*m_vault, u"C-0042"_s, u"2025-04-14"_s,
                   u"Cravings (0-10): 4\nDays abstinent: 9\nStage of change: Preparation"_s);
        addSession(*m_vault, u"C-0042"_s, u"2025-04-07"_s,
                   u"Cravings (0-10): 8\nDays abstinent: 2\nStage of change: Preparation\nRisk: low"_s);
        addSession(*m_vault, u"C-0042"_s, u"2025-04-21"_s, u"Cravings: about 3\nStage of change: Action"_s);
        QSignalSpy changed(trends, &FieldTrends::changed);
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0042"_s));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!trends->empty());
        const auto pairs = [](const QVariantList &points) {
            QStringList out;
            for (const QVariant &p : points)
                out << p.toMap().value(u"date"_s).toString() + u'=' + p.toMap().value(u"value"_s).toString();
            return out;
        };
        QCOMPARE(pairs(trends->cravings()), (QStringList{u"2025-04-07=8"_s, u"2025-04-14=4"_s}));
        QCOMPARE(pairs(trends->daysAbstinent()), (QStringList{u"2025-04-07=2"_s, u"2025-04-14=9"_s}));
        QCOMPARE(pairs(trends->stageSteps()), (QStringList{u"2025-04-07=2"_s, u"2025-04-21=3"_s}));
        QCOMPARE(trends->stageSteps().last().toMap().value(u"label"_s).toString(), u"Action"_s);
        QCOMPARE(trends->daysScale(), 10);
        QCOMPARE(trends->firstDate(), u"2025-04-07"_s);
        QCOMPARE(trends->lastDate(), u"2025-04-21"_s);
        QCOMPARE(trends->latest(), u"Latest: craving 4/10, 9 days abstinent, action"_s);
        overview.clear();
        QVERIFY(trends->empty());
    }

    void treatmentEventsNewestFirstWithoutTheirNotes()
    {
        addClient(*m_vault, u"C-0055"_s, u"Events Example"_s);
        ClientOverview overview;
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0055"_s));
        QVERIFY(overview.treatmentEvents().isEmpty());
        uc::model::TreatmentEvent start;
        start.clientCode = u"C-0055"_s;
        start.kind = u"mat"_s;
        start.date = *uc::model::parseDate(u"2025-05-05"_s);
        start.medication = u"methadone"_s;
        start.change = u"start"_s;
        start.dose = 30;
        start.unit = u"mg"_s;
        start.note = u"NOTEMARK observed dosing"_s;
        (void)m_vault->treatmentEvents().add(start);
        uc::model::TreatmentEvent screen;
        screen.clientCode = u"C-0055"_s;
        screen.kind = u"drug-screen"_s;
        screen.date = *uc::model::parseDate(u"2025-05-19"_s);
        screen.substance = u"opioids"_s;
        screen.result = u"negative"_s;
        (void)m_vault->treatmentEvents().add(screen);
        QSignalSpy changed(&overview, &ClientOverview::changed);
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0055"_s));
        QCOMPARE(changed.count(), 1);
        const QVariantList events = overview.treatmentEvents();
        QCOMPARE(events.size(), 2);
        const QVariantMap newest = events.first().toMap();
        QCOMPARE(newest.value(u"date"_s).toString(), u"2025-05-19"_s);
        QCOMPARE(newest.value(u"label"_s).toString(), u"Drug screen"_s);
        QCOMPARE(newest.value(u"details"_s).toString(), u"opioids negative"_s);
        QCOMPARE(events.last().toMap().value(u"details"_s).toString(), u"methadone start 30 mg"_s);
        for (const QVariant &e : events)
            QVERIFY(!e.toMap().values().contains(QVariant(u"NOTEMARK observed dosing"_s)));
        overview.clear();
        QVERIFY(overview.treatmentEvents().isEmpty());
    }

    void planReviewIsDueAfterTheLatestReview()
    {
        try {
        // No plan: no line.
        QCOMPARE(uc::gui::loadOverview(*m_vault, u"C-0001"_s).planReviewDue, QString());
        addClient(*m_vault, u"C-0077"_s, u"Bea Example"_s);
        const QByteArray json = R"({"effective": "2025-01-06", "next_review": "2025-04-06", "review_every_days": 90,
            "agreement": {"date": "2025-01-06", "how": "verbal"},
            "problems": [{"text": "Drinks when low", "goals": [{"text": "Mood lifts", "objectives":
              [{"text": "Attends two meetings a week", "measured_by": "client report", "target_date": "2025-06-30"},
               {"text": "PHQ-9 below 10", "measured_by": "PHQ-9 monthly", "measure": "phq9 < 10"}]}]}]})";
        m_vault->plans().add(u"C-0077"_s, uc::model::parseTreatmentPlan(json, *uc::model::parseDate(u"2025-01-06"_s)));
        uc::gui::Overview o = uc::gui::loadOverview(*m_vault, u"C-0077"_s);
        QCOMPARE(o.planReviewDue, u"2025-04-06"_s); // the plan's own first review
        // A review held moves the next one by the plan's interval.
        m_vault->plans().review(u"C-0077"_s, *uc::model::parseDate(u"2025-03-30"_s));
        o = uc::gui::loadOverview(*m_vault, u"C-0077"_s);
        QCOMPARE(o.planReviewDue, u"2025-06-28"_s); // 30 Mar + 90 days
        ClientOverview overview;
        overview.set(o);
        QCOMPARE(overview.plan()->reviewDue(), u"2025-06-28"_s);
        QVERIFY(overview.plan()->reviewOverdue()); // a day long past on this machine's calendar
        o.planReviewDue = QDate::currentDate().addDays(1).toString(Qt::ISODate);
        overview.set(o);
        QVERIFY(!overview.plan()->reviewOverdue());
        o.planReviewDue.clear();
        overview.set(o);
        QVERIFY(!overview.plan()->reviewOverdue());

        // The objectives with their latest rating and, for one tied to a measure, the latest score.
        o = uc::gui::loadOverview(*m_vault, u"C-0077"_s);
        QCOMPARE(o.plan.version, 1);
        QVERIFY(o.plan.verified);
        QCOMPARE(o.plan.objectives.size(), 2);
        QCOMPARE(o.plan.objectives[0].target, u"2025-06-30"_s);
        QCOMPARE(o.plan.objectives[0].rating, QString()); // not rated yet
        QCOMPARE(o.plan.objectives[1].measureLine, u"no PHQ-9 score yet (target below 10)"_s);
        const QString first = o.plan.objectives[0].id;
        const uc::model::Id early = addSession(*m_vault, u"C-0077"_s, u"2025-02-10"_s, anxiousText);
        const uc::model::Id later = addSession(*m_vault, u"C-0077"_s, u"2025-03-10"_s, anxiousText);
        m_vault->plans().rate(later, first, uc::model::ProgressRating::Much);
        m_vault->plans().rate(early, first, uc::model::ProgressRating::Worse);
        m_vault->measures().add(u"C-0077"_s, *uc::model::parseDate(u"2025-03-10"_s), u"phq9"_s, {1, 1, 1, 1, 1, 1, 1, 1, 0});
        o = uc::gui::loadOverview(*m_vault, u"C-0077"_s);
        QCOMPARE(o.plan.objectives[0].rating, u"much"_s); // the latest session's, not the latest written
        QCOMPARE(o.plan.objectives[0].ratingLabel, u"much progress"_s);
        QCOMPARE(o.plan.objectives[0].ratedOn, u"2025-03-10"_s);
        // Its progress over time: each rating by session date, the earliest first.
        QCOMPARE(o.plan.objectives[0].history.size(), 2);
        QCOMPARE(o.plan.objectives[0].history[0].date, u"2025-02-10"_s);
        QCOMPARE(o.plan.objectives[0].history[0].rating, u"worse"_s);
        QCOMPARE(o.plan.objectives[0].history[1].date, u"2025-03-10"_s);
        QCOMPARE(o.plan.objectives[0].history[1].label, u"much progress"_s);
        QVERIFY(o.plan.objectives[1].history.isEmpty());
        QCOMPARE(o.plan.objectives[1].measureLine, u"PHQ-9 now 8: target below 10 reached"_s);
        QVERIFY(o.plan.objectives[1].measureReached);
        overview.set(o);
        QCOMPARE(overview.plan()->version(), 1);
        QCOMPARE(overview.plan()->objectives()->count(), 2);
        QCOMPARE(overview.plan()->objectives()->data(overview.plan()->objectives()->index(0), PlanObjectiveModel::RatingLabelRole).toString(),
                 u"much progress"_s);
        const QVariantList strip =
            overview.plan()->objectives()->data(overview.plan()->objectives()->index(0), PlanObjectiveModel::HistoryRole).toList();
        QCOMPARE(strip.size(), 2);
        QCOMPARE(strip[0].toMap().value(u"rating"_s).toString(), u"worse"_s);
        QCOMPARE(strip[1].toMap().value(u"date"_s).toString(), u"2025-03-10"_s);
        QCOMPARE(uc::gui::measureLine(*uc::model::parseLinkedMeasure(u"auditc < 4"_s), 5),
                 u"AUDIT-C now 5: target below 4 not reached yet"_s);
        QCOMPARE(uc::gui::measureLine(*uc::model::parseLinkedMeasure(u"gad7 >= 3"_s), 3),
                 u"GAD-7 now 3: target at or above 3 reached"_s);

        // Once the client is discharged the plan is closed: no review falls due.
        m_vault->clients().discharge(u"C-0077"_s, *uc::model::parseDate(u"2025-05-02"_s));
        QCOMPARE(uc::gui::loadOverview(*m_vault, u"C-0077"_s).planReviewDue, QString());
        } catch (const uc::Error &e) {
            QFAIL(qPrintable(e.message()));
        }
    }

    // The measure form scores as it is filled in and says which item stops it, never saving a guess.
    void theMeasureFormScoresAndNamesWhatIsMissing()
    {
        const QVariantMap phq9 = MeasureEntry::preview(u"phq9"_s, {2, 2, 1, 1, 1, 1, 1, 1, 0});
        QCOMPARE(phq9.value(u"total"_s).toInt(), 10);
        QCOMPARE(phq9.value(u"bandLabel"_s).toString(), u"moderate"_s);
        QCOMPARE(MeasureEntry::preview(u"phq9"_s, {2, 2, u""_s, 1, 1, 1, 1, 1, 0}).value(u"problem"_s).toString(),
                 u"Item 3 is not answered yet."_s);
        // AUDIT items 9 and 10 take 0, 2 or 4 only: the core's reason, naming the item.
        const QString audit = MeasureEntry::preview(u"audit"_s, {1, 1, 1, 0, 0, 0, 0, 0, 1, 0}).value(u"problem"_s).toString();
        QVERIFY2(audit.contains(u"9"_s), qPrintable(audit));
        // The C-SSRS: questions 3-5 skipped when 2 is no.
        QVERIFY(MeasureEntry::preview(u"cssrs"_s, {1, 0, -1, -1, -1, 0}).contains(u"total"_s));
        QVERIFY(MeasureEntry::preview(u"cssrs"_s, {1, 0, 1, -1, -1, 0}).contains(u"problem"_s));
        QCOMPARE(MeasureEntry::dateProblem(u"2025-02-30"_s), u"Write the date as YYYY-MM-DD."_s);
        QVERIFY(!MeasureEntry::dateProblem(QDate::currentDate().addDays(1).toString(Qt::ISODate)).isEmpty());
        QCOMPARE(MeasureEntry::dateProblem(QDate::currentDate().toString(Qt::ISODate)), QString());
        QCOMPARE(MeasureEntry::instruments().size(), uc::model::instruments().size());
        // The form: item words and choices where the terms allow, by number for DAST-10 and the C-SSRS.
        QVariantMap byId;
        for (const QVariant &i : MeasureEntry::instruments())
            byId.insert(i.toMap().value(u"id"_s).toString(), i);
        const QVariantList phq9Form = byId.value(u"phq9"_s).toMap().value(u"form"_s).toList();
        QCOMPARE(phq9Form.size(), 9);
        QCOMPARE(phq9Form.at(8).toMap().value(u"text"_s).toString(),
                 u"Thoughts that you would be better off dead or of hurting yourself in some way"_s);
        QCOMPARE(phq9Form.at(0).toMap().value(u"choices"_s).toList().size(), 4);
        const QVariantList injury = byId.value(u"audit"_s).toMap().value(u"form"_s).toList().at(8).toMap().value(u"choices"_s).toList();
        QStringList values;
        for (const QVariant &c : injury)
            values << c.toMap().value(u"value"_s).toString();
        QCOMPARE(values, (QStringList{u"0"_s, u"2"_s, u"4"_s})); // AUDIT 9 and 10: 0, 2 or 4
        QCOMPARE(byId.value(u"auditc"_s).toMap().value(u"form"_s).toList().size(), 3);
        QCOMPARE(byId.value(u"pcl5"_s).toMap().value(u"form"_s).toList().size(), 20);
        const QVariantList dast = byId.value(u"dast10"_s).toMap().value(u"form"_s).toList();
        QCOMPARE(dast.size(), 10);
        QCOMPARE(dast.at(2).toMap().value(u"text"_s).toString(), QString()); // not shown: by number
        QVERIFY(byId.value(u"dast10"_s).toMap().value(u"credit"_s).toString().contains(u"Skinner"_s));
        const QVariantList cssrs = byId.value(u"cssrs"_s).toMap().value(u"form"_s).toList();
        QCOMPARE(cssrs.at(2).toMap().value(u"choices"_s).toList().size(), 3); // no, yes, skipped
        QCOMPARE(cssrs.at(0).toMap().value(u"choices"_s).toList().size(), 2);
        // Every choice scores within the instrument's items (the form cannot offer what score() refuses).
        for (const QVariant &i : MeasureEntry::instruments()) {
            const QVariantMap m = i.toMap();
            QCOMPARE(m.value(u"form"_s).toList().size(), m.value(u"items"_s).toInt());
            for (const QVariant &item : m.value(u"form"_s).toList()) {
                for (const QVariant &c : item.toMap().value(u"choices"_s).toList())
                    QVERIFY(c.toMap().value(u"value"_s).toInt() <= m.value(u"itemMax"_s).toInt());
            }
        }
    }

    // The private card: nothing until its author asks, then her entries by month and in words;
    // hidden again when another client opens and on lock, so it never stays on a shared screen.
    void countertransferenceCardIsHiddenUntilAskedAndHidesAgain()
    {
        addClient(*m_vault, u"C-0093"_s, u"Card Example"_s);
        uc::model::Session session;
        session.date = *uc::model::parseDate(u"2025-05-12"_s);
        session.attendees.append({0, u"C-0093"_s, uc::model::Attendance::Attended});
        (void)m_vault->notes().addSession(
            session, u"process"_s, uc::model::NoteKind::Process,
            {{u"Process"_s, u"Quiet start."_s},
             {u"Transference and countertransference"_s,
              u"She treats writer as a teacher. Writer felt a pull to reassure her and held back."_s},
             {u"Associations and dreams"_s, u"None."_s}});
        ClientOverview overview;
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0093"_s));
        CountertransferenceView *card = overview.countertransference();
        QVERIFY(!card->shown());
        QVERIFY(card->entries().isEmpty());
        card->set(m_vault->countertransference().log(u"C-0093"_s));
        QVERIFY(card->shown());
        QCOMPARE(card->entries().size(), 1);
        const QVariantMap entry = card->entries().first().toMap();
        QCOMPARE(entry.value(u"labels"_s).toString(), u"Rescue"_s);
        QCOMPARE(entry.value(u"text"_s).toString(), u"Writer felt a pull to reassure her and held back."_s);
        QCOMPARE(card->months(), QStringList{u"2025-05"_s});
        QCOMPARE(card->rows().size(), 1);
        QCOMPARE(card->rows().first().toMap().value(u"perMonth"_s).toList(), QVariantList{1});
        QCOMPARE(card->summary(), u"1 entry: Rescue 1"_s);
        overview.set(uc::gui::loadOverview(*m_vault, u"C-0001"_s));
        QVERIFY(!card->shown());
        QVERIFY(card->entries().isEmpty());
        card->set(m_vault->countertransference().log(u"C-0093"_s));
        overview.clear();
        QVERIFY(!card->shown());
    }

    void countertransferenceCardMarksSharedEntriesAndTheSupervisorsCardListsThem()
    {
        // What the vault gives (the log, the author's shares, their supervisors) put on the cards: an
        // entry of a signed note may be shared, a draft's not; a share not withdrawn marks its entry.
        uc::vault::CtLogEntry signedEntry;
        signedEntry.noteId = 7;
        signedEntry.date = *uc::model::parseDate(u"2025-05-12"_s);
        signedEntry.status = uc::model::NoteStatus::Signed;
        signedEntry.number = 2;
        signedEntry.entry.text = u"Writer felt a pull to reassure her and held back."_s;
        signedEntry.entry.codes = {u"rescue"_s};
        uc::vault::CtLogEntry draftEntry = signedEntry;
        draftEntry.noteId = 9;
        draftEntry.number = 1;
        draftEntry.date = *uc::model::parseDate(u"2025-05-19"_s);
        draftEntry.status = uc::model::NoteStatus::Draft;
        uc::vault::CtShare shared;
        shared.id = 3;
        shared.noteId = 7;
        shared.number = 2;
        shared.supervisor = u"sue"_s;
        uc::vault::CtShare withdrawn = shared;
        withdrawn.id = 2;
        withdrawn.withdrawnAt = u"2025-05-13T10:00:00.000Z"_s;
        CountertransferenceView card(nullptr);
        card.set(CountertransferenceView::Data{{signedEntry, draftEntry}, {withdrawn, shared}, {u"sue"_s, u"sam"_s}});
        QCOMPARE(card.supervisors(), (QStringList{u"sue"_s, u"sam"_s}));
        QCOMPARE(card.entries().size(), 2);
        const QVariantMap newest = card.entries().at(0).toMap();
        const QVariantMap older = card.entries().at(1).toMap();
        QCOMPARE(newest.value(u"shareable"_s).toBool(), false);
        QVERIFY(newest.value(u"shareWith"_s).toStringList().isEmpty());
        QVERIFY(newest.value(u"shares"_s).toList().isEmpty());
        QCOMPARE(older.value(u"shareable"_s).toBool(), true);
        QCOMPARE(older.value(u"shareWith"_s).toStringList(), QStringList{u"sam"_s}); // sue holds it already
        QCOMPARE(older.value(u"note"_s).toLongLong(), 7);
        QCOMPARE(older.value(u"number"_s).toInt(), 2);
        const QVariantList marks = older.value(u"shares"_s).toList();
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks.first().toMap().value(u"id"_s).toLongLong(), 3);
        QCOMPARE(marks.first().toMap().value(u"supervisor"_s).toString(), u"sue"_s);
        // With sue the only supervisor, an entry she holds offers no one to share it with.
        card.set(CountertransferenceView::Data{{signedEntry}, {shared}, {u"sue"_s}});
        QCOMPARE(card.entries().first().toMap().value(u"shareable"_s).toBool(), false);
        card.hide();
        QVERIFY(card.supervisors().isEmpty());

        shared.author = u"alice"_s;
        shared.date = signedEntry.date;
        shared.text = signedEntry.entry.text;
        shared.codes = {u"rescue"_s, u"sadness"_s};
        SharedCountertransferenceView theirs(nullptr);
        QVERIFY(!theirs.shown());
        theirs.set({shared});
        QVERIFY(theirs.shown());
        QCOMPARE(theirs.summary(), u"1 entry shared with you"_s);
        const QVariantMap entry = theirs.entries().first().toMap();
        QCOMPARE(entry.value(u"author"_s).toString(), u"alice"_s);
        QCOMPARE(entry.value(u"labels"_s).toString(), u"Rescue, Sadness"_s);
        QCOMPARE(entry.value(u"text"_s).toString(), signedEntry.entry.text);
        theirs.hide();
        QVERIFY(theirs.entries().isEmpty());
    }

    void unknownClientIsRefused()
    {
        try {
            (void)uc::gui::loadOverview(*m_vault, u"C-9999"_s);
            QFAIL("an unknown client must be refused");
        } catch (const uc::Error &e) {
            QCOMPARE(static_cast<int>(e.kind()), static_cast<int>(uc::ErrorKind::Usage));
        }
    }
};

QTEST_GUILESS_MAIN(OverviewModelsTest)
#include "overviewmodelstest.moc"
