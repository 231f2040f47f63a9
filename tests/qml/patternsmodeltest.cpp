// SPDX-License-Identifier: GPL-3.0-or-later
// The Patterns screen's data and models on a real vault: themes over time per bucket and range,
// the recurring ones ticked first, the heatmap following the ticks, co-occurrence and lead–lag in
// plain words on the same axis, process notes never counted,
// (core's findings only: shown, ranked, the pairs tested said), every model sane under QAbstractItemModelTester, and the patterns loaded later from the vault
// thread, a malformed date said on the banner.
#include "clientdata.h"
#include "clientoverview.h"
#include "episodeentry.h"
#include "patternsdata.h"
#include "patternsmodel.h"
#include "sessiontestutil.h"
#include "bannerstate.h"
#include "workspace.h"

#include "common/error.h"
#include "patterns/findings.h"
#include "vault/episodes.h"
#include "vault/treatmentevents.h"
#include "vault/usedays.h"
#include "reports/palette.h"

#include <QAbstractItemModelTester>
#include <QtCharts/QLineSeries>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString abandoned = u"She feels abandoned by her partner."_s;
const QString relapsed = u"She relapsed and drank heavily at the weekend."_s;
const QString plain = u"We planned the week ahead."_s;

using guitest::rowOf;

} // namespace

class PatternsModelTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<uc::vault::Vault> m_vault;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // a session remembers its vault in the settings
        QVERIFY(m_dir.isValid());
        m_vault = guitest::createVault(m_dir.filePath(u"v"_s));
        guitest::addClient(*m_vault, u"C-0001"_s, u"Ann Example"_s);
        // Abandonment, then relapse the week after, three times over; one missed week.
        guitest::addSession(*m_vault, u"C-0001"_s, u"2025-01-06"_s, abandoned);
        guitest::addSession(*m_vault, u"C-0001"_s, u"2025-01-13"_s, relapsed);
        guitest::addSession(*m_vault, u"C-0001"_s, u"2025-01-20"_s, abandoned);
        guitest::addSession(*m_vault, u"C-0001"_s, u"2025-01-27"_s, relapsed);
        guitest::addSession(*m_vault, u"C-0001"_s, u"2025-02-03"_s, abandoned);
        guitest::addSession(*m_vault, u"C-0001"_s, u"2025-02-10"_s, relapsed);
        guitest::addSession(*m_vault, u"C-0001"_s, u"2025-02-17"_s, QString(), uc::model::Attendance::NoShow);
        // A private process note on the first session, full of a theme no progress note has.
        const auto progress = m_vault->notes().read(guitest::addSession(*m_vault, u"C-0001"_s, u"2025-02-24"_s, abandoned));
        m_vault->notes().add(progress.sessionId, u"C-0001"_s, u"process"_s, uc::model::NoteKind::Process,
                         {{u"Note"_s, u"I felt intense shame and guilt; she is so ashamed, full of guilt."_s}});
        m_vault->measures().add(u"C-0001"_s, *uc::model::parseDate(u"2025-01-06"_s), u"phq9"_s, {2, 2, 2, 2, 2, 2, 1, 1, 1});
        m_vault->measures().add(u"C-0001"_s, *uc::model::parseDate(u"2025-02-10"_s), u"phq9"_s, {1, 1, 1, 1, 1, 1, 0, 0, 0});

        // Five times over: abandonment, relapse the week after, then three weeks of neither.
        guitest::addClient(*m_vault, u"C-0002"_s, u"Bo Example"_s);
        QDate day(2024, 1, 1);
        for (int round = 0; round < 5; ++round) {
            for (const QString &text : {abandoned, relapsed, plain, plain, plain}) {
                guitest::addSession(*m_vault, u"C-0002"_s, day.toString(Qt::ISODate), text);
                day = day.addDays(7);
            }
        }
    }

    void bucketLabelsAndFindingWords()
    {
        QCOMPARE(uc::gui::noFindingsText(40), u"No finding passes the rules yet: 40 pairs tested."_s);
        QCOMPARE(uc::gui::noFindingsText(1), u"No finding passes the rules yet: 1 pair tested."_s);
        QCOMPARE(uc::gui::noFindingsText(0), u"No finding yet: no two themes to compare in this range."_s);
        const auto day = *uc::model::parseDate(u"2025-03-10"_s);
        QCOMPARE(uc::gui::bucketLabel(u"month"_s, day), u"Mar 2025"_s);
        QCOMPARE(uc::gui::bucketLabel(u"quarter"_s, day), u"Q1 2025"_s);
        QCOMPARE(uc::gui::bucketLabel(u"week"_s, day), u"W11 2025"_s);
        QCOMPARE(uc::gui::bucketLabel(u"session"_s, day), u"10 Mar 2025"_s);
    }

    void loadsByMonthShowingOnlyFindingsThatPassTheRules()
    {
        const uc::gui::PatternsData data = uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"month"_s, {}, {});
        QCOMPARE(data.name, u"Ann Example"_s);
        QCOMPARE(data.from, u"2025-01-01"_s); // whole months
        QCOMPARE(data.to, u"2025-02-28"_s);
        QCOMPARE(data.recordFrom, u"2025-01-06"_s);
        QCOMPARE(data.recordTo, u"2025-02-24"_s);
        QCOMPARE(data.buckets.size(), 2);
        QCOMPARE(data.buckets.at(0).label, u"Jan 2025"_s);
        QCOMPARE(data.buckets.at(0).sessions, 4);
        QCOMPARE(data.buckets.at(0).themes.at(u"abandonment"_s), 2);
        QCOMPARE(data.sessions.size(), 7); // attended only: the no-show is not a heatmap column
        QVERIFY2(std::none_of(data.themes.cbegin(), data.themes.cend(),
                              [](const auto &t) { return t.theme == u"shame-guilt"; }),
                 "the process note's themes never count");
        // Abandonment came before relapse 3 times in 3, against a base rate of 50%: above the base
        // rate and seen more than twice, but p = 0.5³ = 0.125, which could well be chance: no finding.
        QVERIFY2(data.leadLag.isEmpty(), qPrintable(data.leadLag.join(u" | "_s)));
        QVERIFY2(data.cooccurrence.isEmpty(), qPrintable(data.cooccurrence.join(u" | "_s)));
        QVERIFY(data.tested > 0);
        QCOMPARE(data.measures.size(), 1);
        QCOMPARE(data.measures.at(0).name, u"PHQ-9"_s);
        QCOMPARE(data.measures.at(0).totals, (QList<int>{15, 6}));
    }

    void shownFindingsComeFromCoreRankedWithTheirNumbers()
    {
        const uc::gui::PatternsData data = uc::gui::loadPatterns(*m_vault, u"C-0002"_s, u"month"_s, {}, {});
        // 5 of 5 against 5 of the 24 next sessions: p = (5/24)⁵ = 0.0004, a finding whatever else is tested.
        QVERIFY2(!data.leadLag.isEmpty(), qPrintable(QString::number(data.tested)));
        QCOMPARE(data.leadLag.first(),
                 u"Abandonment came before lapse or relapse in 5 of the 5 sessions that had a next session, against 21% of all sessions — unlikely to be chance (q < 0.001)."_s);
        for (const QString &sentence : data.leadLag)
            QVERIFY2(sentence.contains(u"unlikely to be chance"_s), qPrintable(sentence));
        // Abandonment and relapse were never together: nothing found together.
        for (const QString &sentence : data.cooccurrence)
            QVERIFY2(!sentence.startsWith(u"Abandonment and lapse"_s), qPrintable(sentence));
        QVERIFY(data.tested >= 2);

        PatternsModel model;
        model.set(data);
        QCOMPARE(model.findings()->leadLag(), data.leadLag);
        QCOMPARE(model.findings()->tested(), data.tested);
        // Review with the client shows the strongest few, with what they are not.
        QCOMPARE(model.findings()->clientFindings(), data.leadLag.mid(0, uc::patterns::maxClientFindings));
        QVERIFY(model.findings()->notCauses().contains(u"not causes"_s));
        QVERIFY(model.findings()->testedNote().startsWith(u"%1 pairs tested"_s.arg(data.tested)));
    }

    void atMostEightThemesAreChartedAndAnEmptyChartSaysWhy()
    {
        PatternsModel model;
        QCOMPARE(model.chart()->empty(), u"Finding patterns…"_s);
        uc::gui::PatternsData data;
        data.code = u"C-0009"_s;
        model.set(data);
        QCOMPARE(model.chart()->empty(), u"No sessions in this range yet, so there is nothing to draw."_s);
        data.from = u"2025-01-01"_s;
        data.to = u"2025-03-31"_s;
        model.set(data);
        QCOMPARE(model.chart()->empty(), u"No theme has come up in the progress notes of this range."_s);

        // Ten recurring themes: the eight most frequent start ticked, and a ninth is refused.
        for (int i = 0; i < 10; ++i)
            data.themes.append({u"theme-%1"_s.arg(i), u"Theme %1"_s.arg(i), 20 - i, true, u"stable"_s});
        model.set(data);
        PatternThemeModel *themes = model.themes();
        QAbstractItemModelTester tester(themes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(themes->checkedCount(), PatternThemeModel::maxChecked);
        QCOMPARE(themes->checkedThemes().constLast(), u"theme-7"_s);
        // Eight checked themes, eight different colours, each from the one palette function.
        QSet<QString> colours;
        for (int i = 0; i < 8; ++i) {
            const QString colour = themes->data(themes->index(i), PatternThemeModel::ColorRole).toString();
            QCOMPARE(colour, uc::reports::themeColourName(u"theme-%1"_s.arg(i), themes->checkedThemes()));
            colours.insert(colour);
        }
        QCOMPARE(colours.size(), 8);
        model.setDark(true);
        for (int i = 0; i < 8; ++i)
            QVERIFY(themes->data(themes->index(i), PatternThemeModel::ColorRole).toString() != u"#000000"_s);
        model.setDark(false);
        QVERIFY(!themes->setData(themes->index(8), true, PatternThemeModel::CheckedRole));
        QCOMPARE(themes->checkedCount(), 8);
        themes->setChecked(0, false);
        themes->setChecked(9, true);
        QCOMPARE(themes->checkedCount(), 8);
        QVERIFY(themes->checkedThemes().contains(u"theme-9"_s));
        QCOMPARE(model.chart()->empty(), QString());
        for (int i = 0; i < 10; ++i)
            themes->setChecked(i, false);
        QCOMPARE(model.chart()->empty(), u"No theme chosen: tick up to 8 themes to draw them."_s);
    }

    // One colour per theme for a client: the overview's cards, the Patterns list (whatever is ticked
    // or whatever range is shown) and the client PDF colour against the same palette.
    void aThemeHasOneColourOnTheOverviewPatternsAndThePdf()
    {
        const uc::gui::Overview overview = uc::gui::loadOverview(*m_vault, u"C-0001"_s);
        const uc::gui::PatternsData whole = uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"month"_s, {}, {});
        const uc::gui::PatternsData february = uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"week"_s, u"2025-02-01"_s, {});
        QVERIFY(!overview.palette.isEmpty());
        QCOMPARE(whole.palette, overview.palette);
        QCOMPARE(february.palette, overview.palette); // the range does not change it
        QCOMPARE(uc::reports::clientPalette(m_vault->histories().client(u"C-0001"_s)), overview.palette); // the PDF's

        ThemeCardModel cards;
        cards.setRows(overview.themes, overview.palette);
        PatternsModel patterns;
        patterns.set(whole);
        PatternThemeModel *list = patterns.themes();
        const auto colourOnPatterns = [&](const QString &theme) {
            for (int row = 0; row < list->rowCount(); ++row)
                if (list->data(list->index(row), PatternThemeModel::ThemeRole).toString() == theme)
                    return list->data(list->index(row), PatternThemeModel::ColorRole).toString();
            return QString();
        };
        QVERIFY(cards.rowCount() > 0);
        for (int row = 0; row < cards.rowCount(); ++row) {
            const QString theme = cards.data(cards.index(row), ThemeCardModel::ThemeRole).toString();
            const QString colour = cards.data(cards.index(row), ThemeCardModel::ColorRole).toString();
            QCOMPARE(colourOnPatterns(theme), colour);
            QCOMPARE(colour, uc::reports::clientThemeColourName(theme, overview.palette, {}));
        }
        // Unticking every theme but one leaves that one's colour as it was.
        const QString kept = list->data(list->index(0), PatternThemeModel::ThemeRole).toString();
        const QString before = colourOnPatterns(kept);
        for (int row = 1; row < list->rowCount(); ++row)
            list->setChecked(row, false);
        QCOMPARE(colourOnPatterns(kept), before);
    }

    void rangeAndBucketAreChecked()
    {
        const auto feb = uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"week"_s, u"2025-02-01"_s, u"2025-02-28"_s);
        QCOMPARE(feb.from, u"2025-02-01"_s);
        QCOMPARE(feb.sessions.size(), 3);
        QCOMPARE(feb.measures.at(0).totals.size(), 1);
        QVERIFY_THROWS_EXCEPTION(uc::Error, uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"week"_s, u"2025-02-30"_s, {}));
        QVERIFY_THROWS_EXCEPTION(uc::Error, uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"fortnight"_s, {}, {}));
        QVERIFY_THROWS_EXCEPTION(uc::Error, uc::gui::loadPatterns(*m_vault, u"C-9999"_s, u"month"_s, {}, {}));
    }

    // The episode control: the client's course of care listed, and the patterns limited to one
    // episode by core's code path (patterns/episoderange.h, as `patterns --episode`), both ends of
    // the episode inclusive, an open one running to the last session; the charts' shading spans.
    void patternsLimitedToAnEpisodeHoldItsSessionsBothEndsIncluded()
    {
        const QString code = u"C-0003"_s;
        guitest::addClient(*m_vault, code, u"Cy Example"_s);
        for (const QString &day : {u"2025-02-24"_s, u"2025-03-03"_s, u"2025-03-17"_s, u"2025-03-31"_s, u"2025-04-01"_s,
                                   u"2025-04-14"_s})
            guitest::addSession(*m_vault, code, day, abandoned);
        uc::model::Episode residential;
        residential.clientCode = code;
        residential.level = u"residential"_s;
        residential.start = *uc::model::parseDate(u"2025-03-03"_s);
        residential.end = *uc::model::parseDate(u"2025-03-31"_s);
        residential.service = u"Harbour House"_s;
        uc::model::Episode aftercare = residential;
        aftercare.level = u"aftercare"_s;
        aftercare.start = *uc::model::parseDate(u"2025-04-01"_s);
        aftercare.end.reset();
        aftercare.service.clear();
        const uc::model::Id first = m_vault->episodes().add(residential);
        const uc::model::Id second = m_vault->episodes().add(aftercare);

        const auto datesOf = [](const uc::gui::PatternsData &data) {
            QStringList dates;
            for (const auto &s : data.sessions)
                dates.append(s.date);
            return dates;
        };
        const auto whole = uc::gui::loadPatterns(*m_vault, code, u"session"_s, {}, {});
        QCOMPARE(whole.episode, 0);
        QCOMPARE(whole.episodes.size(), 2);
        QCOMPARE(whole.episodes.at(0).label, u"Residential, 3 Mar – 31 Mar 2025"_s);
        QCOMPARE(whole.episodes.at(0).service, u"Harbour House"_s);
        QCOMPARE(whole.episodes.at(1).label, u"Aftercare, from 1 Apr 2025"_s);
        QCOMPARE(whole.episodes.at(1).end, QString());
        QCOMPARE(datesOf(whole).size(), 6);

        const auto inResidential = uc::gui::loadPatterns(*m_vault, code, u"session"_s, {}, {}, first);
        QCOMPARE(inResidential.episode, first);
        QCOMPARE(datesOf(inResidential), (QStringList{u"2025-03-03"_s, u"2025-03-17"_s, u"2025-03-31"_s}));
        QCOMPARE(inResidential.from, u"2025-03-03"_s);
        QCOMPARE(inResidential.to, u"2025-03-31"_s);
        const auto inAftercare = uc::gui::loadPatterns(*m_vault, code, u"week"_s, {}, {}, second);
        QCOMPARE(datesOf(inAftercare), (QStringList{u"2025-04-01"_s, u"2025-04-14"_s}));
        QCOMPARE(inAftercare.to, u"2025-04-20"_s); // open: to the last session, its week ending the range
        // The same figures as the episode's dates typed as a range.
        const auto typed = uc::gui::loadPatterns(*m_vault, code, u"session"_s, u"2025-03-03"_s, u"2025-03-31"_s);
        QCOMPARE(datesOf(typed), datesOf(inResidential));
        QCOMPARE(typed.buckets.size(), inResidential.buckets.size());

        // Another client's episode, or an episode with a range, is refused.
        const auto kindOf = [](auto &&call) {
            try {
                call();
            } catch (const uc::Error &e) {
                return std::optional(e.kind());
            }
            return std::optional<uc::ErrorKind>();
        };
        QCOMPARE(kindOf([&] { (void)uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"month"_s, {}, {}, first); }),
                 std::optional(uc::ErrorKind::Io));
        QCOMPARE(kindOf([&] { (void)uc::gui::loadPatterns(*m_vault, code, u"month"_s, u"2025-03-01"_s, {}, first); }),
                 std::optional(uc::ErrorKind::Usage));

        // The shading: each episode's part of the axis, in order, an open one to the axis' end.
        PatternsModel model;
        model.set(whole);
        QCOMPARE(model.episodes().size(), 2);
        QCOMPARE(model.episodes().at(1).toMap().value(u"label"_s).toString(), u"Aftercare, from 1 Apr 2025"_s);
        const QVariantList spans = model.chart()->episodeSpans();
        QCOMPARE(spans.size(), 2);
        const QVariantMap a = spans.at(0).toMap();
        const QVariantMap b = spans.at(1).toMap();
        QCOMPARE(a.value(u"levelName"_s).toString(), u"Residential"_s);
        QCOMPARE(a.value(u"shade"_s).toInt(), 0);
        QCOMPARE(b.value(u"shade"_s).toInt(), 3);
        // The axis runs from 24 Feb 00:00 to 14 Apr 23:59; residential from 3 Mar 00:00 to 31 Mar 23:59.
        const qreal axis = QDateTime(QDate(2025, 2, 24), QTime(0, 0)).msecsTo(QDateTime(QDate(2025, 4, 14), QTime(23, 59)));
        const qreal start = QDateTime(QDate(2025, 2, 24), QTime(0, 0)).msecsTo(QDateTime(QDate(2025, 3, 3), QTime(0, 0)));
        QVERIFY(qAbs(a.value(u"from"_s).toReal() - start / axis) < 1e-9);
        QVERIFY(a.value(u"to"_s).toReal() < b.value(u"from"_s).toReal());
        QCOMPARE(b.value(u"to"_s).toReal(), 1.0);
        // Limited to residential: it fills the axis, and aftercare (after the axis) is not drawn.
        model.set(inResidential);
        QCOMPARE(model.episode(), static_cast<int>(first));
        const QVariantList only = model.chart()->episodeSpans();
        QCOMPARE(only.size(), 1);
        QCOMPARE(only.at(0).toMap().value(u"from"_s).toReal(), 0.0);
        QCOMPARE(only.at(0).toMap().value(u"to"_s).toReal(), 1.0);

        // The dialog's checks are the CLI's: a level as parseLevel reads it (the names offered, "iop",
        // the practice's own), real dates, the end optional.
        QCOMPARE(EpisodeEntry::levels(), (QStringList{u"Residential"_s, u"Intensive outpatient"_s, u"Outpatient"_s, u"Aftercare"_s}));
        for (const QString &level : EpisodeEntry::levels())
            QCOMPARE(EpisodeEntry::problem(level, u"2025-01-01"_s, {}), QString());
        QCOMPARE(EpisodeEntry::problem(u"iop"_s, u"2025-01-01"_s, u"2025-02-28"_s), QString());
        QCOMPARE(EpisodeEntry::problem(u"day programme"_s, u"2025-01-01"_s, {}), QString());
        QVERIFY(EpisodeEntry::problem(u"x"_s, u"2025-01-01"_s, {}).startsWith(u"The level must be"_s));
        QVERIFY(EpisodeEntry::problem(u"residential"_s, u"2025-02-30"_s, {}).startsWith(u"The start must be"_s));
        QVERIFY(EpisodeEntry::problem(u"residential"_s, u"2025-01-01"_s, u"soon"_s).startsWith(u"The end must be"_s));
        // Ending one (`episode end`): a real date; the vault checks it against the start.
        QCOMPARE(EpisodeEntry::endProblem(u"2025-03-31"_s), QString());
        QCOMPARE(EpisodeEntry::endProblem(u"2025-02-30"_s), u"The end must be a real date as YYYY-MM-DD."_s);
        QCOMPARE(EpisodeEntry::endProblem({}), u"The end must be a real date as YYYY-MM-DD."_s);

        QCOMPARE(uc::gui::levelName(u"intensive-outpatient"_s), u"Intensive outpatient"_s);
        QCOMPARE(uc::gui::episodeDates(*uc::model::parseDate(u"2024-12-02"_s), uc::model::parseDate(u"2025-01-14"_s)),
                 u"2 Dec 2024 – 14 Jan 2025"_s);
    }

    // Other treatment on the charts' axis (PatternEventModel): hand-made events of each kind, a
    // deleted one never drawn, one before the record off the axis; the range and the episode
    // control limit them as they limit the sessions; a range without any says so in one line.
    void treatmentEventsAreMarkedOnTheAxisWithinTheRangeAndEpisode()
    {
        const QString code = u"C-0004"_s;
        guitest::addClient(*m_vault, code, u"Dee Example"_s);
        for (const QString &day : {u"2025-03-03"_s, u"2025-03-17"_s, u"2025-03-31"_s, u"2025-04-01"_s, u"2025-04-14"_s})
            guitest::addSession(*m_vault, code, day, abandoned);
        uc::model::Episode residential;
        residential.clientCode = code;
        residential.level = u"residential"_s;
        residential.start = *uc::model::parseDate(u"2025-03-03"_s);
        residential.end = *uc::model::parseDate(u"2025-03-31"_s);
        const uc::model::Id first = m_vault->episodes().add(residential);
        const auto event = [&](const QString &date, const QString &kind) {
            uc::model::TreatmentEvent e;
            e.clientCode = code;
            e.kind = kind;
            e.date = *uc::model::parseDate(date);
            return e;
        };
        auto before = event(u"2025-02-20"_s, u"mutual-help"_s);
        before.program = u"aa"_s;
        m_vault->treatmentEvents().add(before);
        auto start = event(u"2025-03-05"_s, u"mat"_s);
        start.medication = u"buprenorphine"_s;
        start.change = u"start"_s;
        start.dose = 8;
        start.unit = u"mg"_s;
        start.note = u"Private words that are never drawn."_s;
        m_vault->treatmentEvents().add(start);
        auto meeting = event(u"2025-03-08"_s, u"mutual-help"_s);
        meeting.program = u"na"_s;
        m_vault->treatmentEvents().add(meeting);
        auto mistaken = event(u"2025-03-10"_s, u"group"_s);
        mistaken.group = u"CBT group"_s;
        m_vault->treatmentEvents().remove(m_vault->treatmentEvents().add(mistaken));
        auto negative = event(u"2025-03-20"_s, u"drug-screen"_s);
        negative.substance = u"opioids"_s;
        negative.result = u"negative"_s;
        negative.method = u"urine"_s;
        m_vault->treatmentEvents().add(negative);
        auto change = start;
        change.date = *uc::model::parseDate(u"2025-04-02"_s);
        change.change = u"dose-change"_s;
        change.dose = 12;
        change.note.clear();
        m_vault->treatmentEvents().add(change);
        auto positive = negative;
        positive.date = *uc::model::parseDate(u"2025-04-10"_s);
        positive.result = u"positive"_s;
        positive.method.clear();
        m_vault->treatmentEvents().add(positive);

        PatternsModel model;
        PatternEventModel *events = model.events();
        QAbstractItemModelTester tester(events, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(events->empty(), QString()); // nothing loaded: nothing to explain
        model.set(uc::gui::loadPatterns(*m_vault, code, u"session"_s, {}, {}));
        const auto column = [&](int role) {
            QStringList values;
            for (int row = 0; row < events->rowCount(); ++row)
                values << events->data(events->index(row), role).toString();
            return values;
        };
        // The deleted group and the meeting before the first session are not drawn.
        QCOMPARE(column(PatternEventModel::DateRole),
                 (QStringList{u"2025-03-05"_s, u"2025-03-08"_s, u"2025-03-20"_s, u"2025-04-02"_s, u"2025-04-10"_s}));
        QCOMPARE(column(PatternEventModel::MarkRole),
                 (QStringList{u"line"_s, u"tick"_s, u"negative"_s, u"line"_s, u"positive"_s}));
        QCOMPARE(column(PatternEventModel::LabelRole),
                 (QStringList{u"Buprenorphine 8 mg"_s, QString(), QString(), u"Buprenorphine 12 mg"_s, QString()}));
        QCOMPARE(column(PatternEventModel::TextRole),
                 (QStringList{u"5 Mar 2025: buprenorphine started, 8 mg a day"_s,
                              u"8 Mar 2025: mutual-help meeting (NA)"_s,
                              u"20 Mar 2025: drug screen for opioids, negative (urine)"_s,
                              u"2 Apr 2025: buprenorphine dose changed to 12 mg a day"_s,
                              u"10 Apr 2025: drug screen for opioids, positive"_s}));
        for (const QString &words : column(PatternEventModel::TextRole))
            QVERIFY(!words.contains(u"Private"_s));
        QCOMPARE(events->summary(), u"1 meeting or group, 2 medication changes, 2 drug screens (1 positive)"_s);
        QCOMPARE(events->empty(), QString());
        // Each at its day's noon on the chart's axis, as the episodes are placed.
        const QDateTime axisFrom = model.chart()->axisFrom();
        const qreal axis = axisFrom.msecsTo(model.chart()->axisTo());
        const qreal fifth = axisFrom.msecsTo(QDateTime(QDate(2025, 3, 5), QTime(12, 0)));
        QVERIFY(qAbs(events->data(events->index(0), PatternEventModel::AtRole).toReal() - fifth / axis) < 1e-9);
        const QStringList at = column(PatternEventModel::AtRole);
        for (qsizetype i = 1; i < at.size(); ++i)
            QVERIFY(at[i - 1].toDouble() < at[i].toDouble() && at[i].toDouble() < 1.0);
        QCOMPARE(events->roleNames().value(PatternEventModel::MarkRole), QByteArray("mark"));

        // A range, and an episode, limit the marks as they limit the sessions.
        model.set(uc::gui::loadPatterns(*m_vault, code, u"session"_s, u"2025-03-15"_s, u"2025-03-31"_s));
        QCOMPARE(column(PatternEventModel::DateRole), QStringList{u"2025-03-20"_s});
        model.set(uc::gui::loadPatterns(*m_vault, code, u"week"_s, {}, {}, first));
        QCOMPARE(column(PatternEventModel::DateRole),
                 (QStringList{u"2025-03-05"_s, u"2025-03-08"_s, u"2025-03-20"_s}));
        // A range with sessions and no event: no marks, and one line says why.
        model.set(uc::gui::loadPatterns(*m_vault, code, u"session"_s, u"2025-04-11"_s, u"2025-04-14"_s));
        QCOMPARE(events->rowCount(), 0);
        QCOMPARE(events->summary(), QString());
        QCOMPARE(events->empty(), u"No meeting, group, medication change or drug screen recorded in this range."_s);
        model.set(uc::gui::loadPatterns(*m_vault, code, u"session"_s, u"2026-01-01"_s, {}));
        QCOMPARE(events->rowCount(), 0);
        QVERIFY(!events->empty().isEmpty());
        // No range at all (a client without sessions): the chart says so, the strip has nothing to add.
        uc::gui::PatternsData none;
        none.code = u"C-0009"_s;
        none.events = {start};
        model.set(none);
        QCOMPARE(events->rowCount(), 0);
        QCOMPARE(events->empty(), QString());
        model.clear();
        QCOMPARE(events->rowCount(), 0);

        // The words of the other kinds.
        auto stop = start;
        stop.change = u"stop"_s;
        stop.dose.reset();
        stop.unit.clear();
        QCOMPARE(PatternEventModel::labelOf(stop), u"Buprenorphine stopped"_s);
        QCOMPARE(PatternEventModel::textOf(stop), u"5 Mar 2025: buprenorphine stopped"_s);
        QCOMPARE(PatternEventModel::textOf(mistaken), u"10 Mar 2025: group: CBT group"_s);
        auto other = before;
        other.program = u"other"_s;
        QCOMPARE(PatternEventModel::textOf(other), u"20 Feb 2025: mutual-help meeting"_s);
    }

    // Use days on the charts' axis (PatternUseDayModel), hand-counted: a row per substance recorded,
    // its days marked in runs, and per bucket the percent of the bucket's known days abstinent; by
    // session a session's days are those since the session before. The range and the episode limit
    // them as they limit the sessions.
    void useDaysAreRowsOnTheAxisWithEachBucketsPercentOfKnownDays()
    {
        const QString code = u"C-0005"_s;
        guitest::addClient(*m_vault, code, u"Eve Example"_s);
        for (const QString &day : {u"2025-03-03"_s, u"2025-03-10"_s, u"2025-04-07"_s})
            guitest::addSession(*m_vault, code, day, abandoned);
        const auto record = [&](const QString &substance, const QString &from, const QString &to, bool used) {
            uc::model::UseDay day;
            day.clientCode = code;
            day.substance = substance;
            day.used = used;
            day.source = u"recall"_s;
            m_vault->useDays().record(day, *uc::model::parseDate(from), *uc::model::parseDate(to),
                                      uc::vault::UseDays::Recorded::Refuse);
        };
        // Alcohol: 1–4 Mar abstinent, 5 used, 6 unknown, 7–9 abstinent, 10 unknown; 1–5 Apr
        // abstinent, 6 used. Cannabis: 8 Mar used.
        record(u"alcohol"_s, u"2025-03-01"_s, u"2025-03-04"_s, false);
        record(u"alcohol"_s, u"2025-03-05"_s, u"2025-03-05"_s, true);
        record(u"alcohol"_s, u"2025-03-07"_s, u"2025-03-09"_s, false);
        record(u"alcohol"_s, u"2025-04-01"_s, u"2025-04-05"_s, false);
        record(u"alcohol"_s, u"2025-04-06"_s, u"2025-04-06"_s, true);
        record(u"cannabis"_s, u"2025-03-08"_s, u"2025-03-08"_s, true);

        PatternsModel model;
        PatternUseDayModel *useDays = model.useDays();
        QAbstractItemModelTester tester(useDays, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(useDays->rowCount(), 0);
        const auto cells = [&](int row, const char *key) {
            QStringList values;
            for (const QVariant &cell : useDays->data(useDays->index(row), PatternUseDayModel::CellsRole).toList())
                values << cell.toMap().value(QLatin1String(key)).toString();
            return values;
        };

        // By month, the whole record: 1 Mar – 30 Apr (61 days).
        model.set(uc::gui::loadPatterns(*m_vault, code, u"month"_s, {}, {}));
        QCOMPARE(useDays->rowCount(), 2);
        QCOMPARE(useDays->data(useDays->index(0), PatternUseDayModel::LabelRole).toString(), u"Alcohol"_s);
        QCOMPARE(useDays->data(useDays->index(1), PatternUseDayModel::SubstanceRole).toString(), u"cannabis"_s);
        // Alcohol: 4 + 3 + 5 abstinent, 2 used, 47 unknown; 12 of 14 known (86%); the longest run 1–5
        // Apr; last use 6 Apr, 24 days before 30 Apr.
        QCOMPARE(useDays->data(useDays->index(0), PatternUseDayModel::TextRole).toString(),
                 u"Alcohol, 1 Mar – 30 Apr 2025: used 2, abstinent 12, unknown 47 · 86% of known days abstinent"
                 " · longest run abstinent 5 · last use 24 days before 30 Apr 2025"_s);
        // March: 7 of 8 known (87.5, 88%); April: 5 of 6 (83%).
        QCOMPARE(cells(0, "percent"), (QStringList{u"88%"_s, u"83%"_s}));
        QCOMPARE(cells(0, "text"),
                 (QStringList{u"Mar 2025: 88% of known days abstinent (used 1, abstinent 7, unknown 23)"_s,
                              u"Apr 2025: 83% of known days abstinent (used 1, abstinent 5, unknown 24)"_s}));
        // Cannabis: one day used, none abstinent; April has no day known.
        QCOMPARE(cells(1, "percent"), (QStringList{u"0%"_s, u"–"_s}));
        QCOMPARE(cells(1, "text").at(1), u"Apr 2025: no day known (used 0, abstinent 0, unknown 30)"_s);
        QCOMPARE(useDays->data(useDays->index(1), PatternUseDayModel::SummaryRole).toString(),
                 u"used 1, abstinent 0, unknown 60 · 0% of known days abstinent · longest run abstinent 0"
                 " · last use 53 days before 30 Apr 2025"_s);
        // The runs: 1–4 Mar, 5 Mar used, 7–9 Mar, 1–5 Apr, 6 Apr used; unknown days unmarked.
        const QVariantList marks = useDays->data(useDays->index(0), PatternUseDayModel::MarksRole).toList();
        QCOMPARE(marks.size(), 5);
        QStringList used;
        for (const QVariant &m : marks)
            used << (m.toMap().value(u"used"_s).toBool() ? u"U"_s : u"A"_s);
        QCOMPARE(used, (QStringList{u"A"_s, u"U"_s, u"A"_s, u"A"_s, u"U"_s}));
        const QDateTime axisFrom = model.chart()->axisFrom();
        const qreal axis = axisFrom.msecsTo(model.chart()->axisTo());
        const auto part = [&](const QDate &d) { return axisFrom.msecsTo(QDateTime(d, QTime(0, 0))) / axis; };
        QCOMPARE(marks.at(0).toMap().value(u"from"_s).toReal(), 0.0);
        QVERIFY(qAbs(marks.at(0).toMap().value(u"to"_s).toReal() - part(QDate(2025, 3, 5))) < 1e-9);
        QVERIFY(qAbs(marks.at(3).toMap().value(u"from"_s).toReal() - part(QDate(2025, 4, 1))) < 1e-9);

        // By session: 3 Mar (its own day, abstinent), 10 Mar (4–10 Mar: 4 abstinent, 1 used, 2
        // unknown: 80%), 7 Apr (11 Mar – 7 Apr: 5 abstinent, 1 used, 22 unknown: 83%).
        model.set(uc::gui::loadPatterns(*m_vault, code, u"session"_s, {}, {}));
        QCOMPARE(cells(0, "percent"), (QStringList{u"100%"_s, u"80%"_s, u"83%"_s}));
        QCOMPARE(cells(0, "text").at(1),
                 u"Session of 10 Mar 2025, days 4 Mar – 10 Mar 2025: 80% of known days abstinent (used 1, abstinent 4, unknown 2)"_s);
        QCOMPARE(cells(0, "text").at(2),
                 u"Session of 7 Apr 2025, days 11 Mar – 7 Apr 2025: 83% of known days abstinent (used 1, abstinent 5, unknown 22)"_s);

        // A range: 4–9 Mar by week, one bucket: A U ? A A A.
        model.set(uc::gui::loadPatterns(*m_vault, code, u"week"_s, u"2025-03-04"_s, u"2025-03-09"_s));
        QCOMPARE(cells(0, "percent"), QStringList{u"80%"_s});
        QVERIFY(useDays->data(useDays->index(0), PatternUseDayModel::TextRole).toString().startsWith(
            u"Alcohol, 4 Mar – 9 Mar 2025: used 1, abstinent 4, unknown 1 · 80%"_s));
        // An episode: April only.
        uc::model::Episode april;
        april.clientCode = code;
        april.level = u"outpatient"_s;
        april.start = *uc::model::parseDate(u"2025-04-01"_s);
        april.end = *uc::model::parseDate(u"2025-04-30"_s);
        const uc::model::Id episode = m_vault->episodes().add(april);
        model.set(uc::gui::loadPatterns(*m_vault, code, u"month"_s, {}, {}, episode));
        QCOMPARE(cells(0, "percent"), QStringList{u"83%"_s});
        QCOMPARE(cells(1, "percent"), QStringList{u"–"_s});
        QVERIFY(useDays->data(useDays->index(1), PatternUseDayModel::SummaryRole).toString().contains(
            u"last use 53 days before 30 Apr 2025"_s)); // the last use before the episode still counts

        // The events among the heatmap's session columns (3 Mar, 10 Mar, 7 Apr): on a session's day
        // its column's middle; between two, in proportion; before the first, in the first half column.
        const QList<QDate> sessions{QDate(2025, 3, 3), QDate(2025, 3, 10), QDate(2025, 4, 7)};
        const QDate from(2025, 3, 1);
        const QDate to(2025, 4, 30);
        QCOMPARE(PatternEventModel::sessionPlace(QDate(2025, 3, 10), sessions, from, to), 1.5 / 3);
        QVERIFY(qAbs(PatternEventModel::sessionPlace(QDate(2025, 3, 6), sessions, from, to) - (0.5 + 3.0 / 7) / 3) < 1e-12);
        QVERIFY(qAbs(PatternEventModel::sessionPlace(QDate(2025, 3, 2), sessions, from, to) - 0.25 / 3) < 1e-12);
        QVERIFY(qAbs(PatternEventModel::sessionPlace(QDate(2025, 4, 30), sessions, from, to) - (2.5 + 0.5 * 23.0 / 24) / 3) < 1e-12);
        QCOMPARE(PatternEventModel::sessionPlace(QDate(2025, 3, 6), {}, from, to), -1.0);
        uc::model::TreatmentEvent meeting;
        meeting.clientCode = code;
        meeting.kind = u"mutual-help"_s;
        meeting.program = u"aa"_s;
        meeting.date = *uc::model::parseDate(u"2025-03-06"_s);
        m_vault->treatmentEvents().add(meeting);
        model.set(uc::gui::loadPatterns(*m_vault, code, u"month"_s, {}, {}));
        QVERIFY(qAbs(model.events()->data(model.events()->index(0), PatternEventModel::SessionAtRole).toReal()
                     - (0.5 + 3.0 / 7) / 3) < 1e-12);

        model.clear();
        QCOMPARE(useDays->rowCount(), 0);
    }

    void recurringThemesStartTickedAndTheHeatmapFollows()
    {
        PatternsModel model;
        QAbstractItemModelTester themeTester(model.themes(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester heatTester(model.heatmap(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester measureTester(model.measures(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy series(model.chart(), &PatternChart::seriesChanged);
        model.set(uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"session"_s, {}, {}));
        QVERIFY(series.count() >= 1);

        PatternThemeModel *themes = model.themes();
        const int abandonment = rowOf(*themes, PatternThemeModel::ThemeRole, u"abandonment"_s);
        const int relapse = rowOf(*themes, PatternThemeModel::ThemeRole, u"relapse"_s);
        QVERIFY(abandonment >= 0 && relapse >= 0);
        QVERIFY(themes->data(themes->index(abandonment), PatternThemeModel::RecurringRole).toBool());
        QVERIFY(themes->data(themes->index(abandonment), PatternThemeModel::CheckedRole).toBool());
        QCOMPARE(themes->data(themes->index(abandonment), PatternThemeModel::SessionsRole).toInt(), 4);
        QCOMPARE(model.heatmap()->rowCount(), themes->checkedCount());
        QCOMPARE(model.heatmap()->columnCount(), 7);
        const int before = themes->checkedCount();

        // Unticking a theme takes it off the chart and out of the heatmap.
        series.clear();
        themes->setChecked(abandonment, false);
        QCOMPARE(series.count(), 1);
        QCOMPARE(themes->checkedCount(), before - 1);
        QCOMPARE(model.heatmap()->rowCount(), before - 1);
        QVERIFY(!model.chart()->checkedSeries().isEmpty());
        for (const QVariant &s : model.chart()->checkedSeries())
            QVERIFY(s.toMap().value(u"theme"_s).toString() != u"abandonment");

        // Reloading the same client keeps the user's ticks.
        model.set(uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"month"_s, {}, {}));
        QVERIFY(!model.themes()->checkedThemes().contains(u"abandonment"_s));
        themes->setChecked(rowOf(*themes, PatternThemeModel::ThemeRole, u"abandonment"_s), true);
        QCOMPARE(model.heatmap()->data(model.heatmap()->index(model.heatmap()->rowCount() - 1, 0),
                                       PatternHeatmapModel::DateRole).toString(), u"2025-01-06"_s);

        model.clear();
        QCOMPARE(themes->rowCount(), 0);
        QCOMPARE(model.heatmap()->rowCount(), 0);
        QCOMPARE(model.code(), QString());
    }

    void seriesPointsAreOnTheSharedTimeAxis()
    {
        PatternsModel model;
        model.set(uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"month"_s, {}, {}));
        const QList<QPointF> points = model.chart()->themePoints(u"abandonment"_s);
        QCOMPARE(points.size(), 2); // one per month
        QCOMPARE(points.at(0).y(), 2.0); // two January sessions raise it
        QCOMPARE(points.at(1).y(), 2.0);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(points.at(0).x())).date(), QDate(2025, 1, 1));
        QVERIFY(model.chart()->axisFrom() < QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(points.at(0).x())));
        QCOMPARE(model.chart()->axisFrom().date(), QDate(2025, 1, 1)); // where the range starts, not a month before
        QCOMPARE(model.chart()->axisTo().date(), QDate(2025, 2, 28));
        QCOMPARE(model.chart()->themeMax(), 3); // room above the highest point (2), so it is not cut off
        QCOMPARE(model.chart()->themeTicks(), 4);

        QLineSeries line;
        QVERIFY(model.chart()->fillThemeSeries(&line, u"relapse"_s));
        QCOMPARE(line.count(), 2);
        QCOMPARE(line.at(0).y(), 2.0);
        QLineSeries measure;
        QVERIFY(model.chart()->fillMeasureSeries(&measure, u"phq9"_s));
        QCOMPARE(measure.count(), 2);
        QCOMPARE(measure.at(1).y(), 100.0 * 6 / 27); // PHQ-9 6 of 27, as a share of its maximum
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(measure.at(1).x())).date(), QDate(2025, 2, 10));
        QCOMPARE(model.chart()->measureMax(), 100);
        QCOMPARE(model.chart()->measureTicks(), 6);
        QObject notASeries;
        QVERIFY(!model.chart()->fillThemeSeries(&notASeries, u"relapse"_s));

        // The PHQ-9's bands on the same per-cent axis, meeting half a point past each cut-off.
        PatternMeasureModel *measures = model.measures();
        const int phq9 = rowOf(*measures, PatternMeasureModel::InstrumentRole, u"phq9"_s);
        QVERIFY(phq9 >= 0);
        const QVariantList bands = measures->data(measures->index(phq9), PatternMeasureModel::BandsRole).toList();
        QCOMPARE(bands.size(), 5);
        QCOMPARE(bands.at(0).toMap().value(u"from"_s).toDouble(), 0.0);
        QCOMPARE(bands.at(0).toMap().value(u"to"_s).toDouble(), 100.0 * 4.5 / 27);
        QCOMPARE(bands.at(1).toMap().value(u"from"_s).toDouble(), 100.0 * 4.5 / 27);
        QCOMPARE(bands.at(3).toMap().value(u"label"_s).toString(), u"moderately severe"_s);
        QCOMPARE(bands.at(4).toMap().value(u"to"_s).toDouble(), 100.0);
        QCOMPARE(measures->roleNames().value(PatternMeasureModel::BandsRole), QByteArray("bands"));

        // By session the line counts mentions, one point per attended session.
        model.set(uc::gui::loadPatterns(*m_vault, u"C-0001"_s, u"session"_s, {}, {}));
        QCOMPARE(model.chart()->themePoints(u"relapse"_s).size(), 7);
        QCOMPARE(model.chart()->themeAxisTitle(), u"mentions"_s);
    }

    void patternsArriveLaterOnTheWorker()
    {
        QTemporaryDir dir; // outlives the session, which closes the vault first
        VaultSession session(nullptr);
        guitest::unlockWithTwoClients(session, dir.filePath(u"vault"_s));
        QSignalSpy loaded(session.workspace()->patterns(), &PatternsModel::loaded);
        session.workspace()->patterns()->load(u"C-0001"_s, u"week"_s, QString(), QString());
        QCOMPARE(loaded.count(), 0);
        QVERIFY(session.workspace()->patterns()->loading());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.last().first().toString(), u"C-0001"_s);
        QVERIFY(!session.workspace()->patterns()->loading());
        QCOMPARE(session.workspace()->patterns()->name(), u"Ann Example"_s);
        QCOMPARE(session.workspace()->patterns()->by(), u"week"_s);
        QVERIFY(rowOf(*session.workspace()->patterns()->themes(), PatternThemeModel::ThemeRole, u"abandonment-driven-use"_s) >= 0);

        // A malformed date reaches the banner, in words, with nothing private in it.
        QSignalSpy banner(session.banner(), &BannerState::changed);
        session.workspace()->patterns()->load(u"C-0001"_s, u"week"_s, u"2025-13-01"_s, QString());
        QVERIFY(banner.wait(10000));
        QCOMPARE(session.banner()->failure().message(), u"Patterns: the from date must be a real date written as YYYY-MM-DD."_s);
        QCOMPARE(session.workspace()->patterns()->name(), u"Ann Example"_s); // the last good answer stays

        session.lock();
        QCOMPARE(session.workspace()->patterns()->code(), QString());
        QCOMPARE(session.workspace()->patterns()->themes()->rowCount(), 0);
    }
};

QTEST_MAIN(PatternsModelTest)
#include "patternsmodeltest.moc"
