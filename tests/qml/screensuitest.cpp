// SPDX-License-Identifier: GPL-3.0-or-later
// The patterns, review, search and settings screens driven through the real Main.qml, offscreen,
// with mouse and keyboard: Patterns from the client overview with the point on the chart, review
// with client (a wrong passphrase keeps the mode, no way out to other screens), search with Ctrl+F
// opening the note, and a malformed codebook entry refused inline in Settings.
#include "windowtestutil.h"
#include "workspace.h"
#include "model/treatmentplan.h"
#include "clientlistmodel.h"
#include "clientoverview.h"
#include "clientreview.h"
#include "codebookmodel.h"
#include "noteeditor.h"
#include "patternsmodel.h"
#include "searchmodel.h"
#include "vaultsettings.h"
#include "vaultsession.h"

#include <QDate>
#include <QFileInfo>
#include <QQmlExtensionPlugin>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QtCharts/QXYSeries>

#include <algorithm>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

using namespace Qt::StringLiterals;

namespace {

const QString &pass = guitest::passphraseText;
constexpr int longRecord = 90; // weekly sessions of the client C-0003

using guitest::find;

} // namespace

class ScreensUiTest : public guitest::WindowTest
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Scrolls the page holding target so that it is inside the window, as a user would.
    void reveal(QQuickItem *target) const
    {
        for (QQuickItem *p = target ? target->parentItem() : nullptr; p; p = p->parentItem()) {
            if (!p->property("contentY").isValid() || !p->property("contentHeight").isValid())
                continue;
            auto *content = p->property("contentItem").value<QQuickItem *>();
            if (!content)
                continue;
            const qreal y = target->mapToItem(content, QPointF(0, 0)).y();
            const qreal most = std::max<qreal>(0, p->property("contentHeight").toReal() - p->height());
            p->setProperty("contentY", std::clamp<qreal>(y - 40, 0, most));
            return;
        }
    }
    [[nodiscard]] int seriesCount(const char *chart) const
    {
        QQuickItem *view = item(QLatin1String(chart));
        return view ? view->property("count").toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString dir = m_dir.filePath(u"vault"_s);
        {
            auto vault = guitest::createVault(dir);
            guitest::addClient(*vault, u"C-0001"_s, u"Ann Example"_s);
            guitest::addClient(*vault, u"C-0002"_s, u"Bea Example"_s);
            guitest::addSession(*vault, u"C-0001"_s, u"2025-01-06"_s, guitest::abandonedText);
            guitest::addSession(*vault, u"C-0001"_s, u"2025-01-13"_s, guitest::abandonedText);
            guitest::addSession(*vault, u"C-0001"_s, u"2025-02-03"_s, guitest::anxiousText);
            guitest::addSession(*vault, u"C-0002"_s, u"2025-01-07"_s, guitest::anxiousText);
            vault->measures().add(u"C-0001"_s, *uc::model::parseDate(u"2025-01-06"_s), u"phq9"_s, {2, 2, 2, 2, 2, 2, 1, 1, 0});
            vault->measures().add(u"C-0001"_s, *uc::model::parseDate(u"2025-02-03"_s), u"gad7"_s, {1, 1, 1, 1, 1, 1, 1});
            vault->plans().add(u"C-0001"_s, uc::model::parseTreatmentPlan(R"({"effective": "2025-01-06", "next_review": "2025-04-06",
                "agreement": {"date": "2025-01-06", "how": "verbal"},
                "problems": [{"text": "Drinks when low", "goals": [{"text": "Mood lifts", "objectives":
                  [{"text": "Attends two meetings a week", "measured_by": "client report"}]}]}]})",
                                                                          *uc::model::parseDate(u"2025-01-06"_s)));
            uc::model::TreatmentEvent meeting;
            meeting.clientCode = u"C-0001"_s;
            meeting.kind = u"mutual-help"_s;
            meeting.date = *uc::model::parseDate(u"2025-01-20"_s);
            meeting.program = u"smart"_s;
            (void)vault->treatmentEvents().add(meeting);
            // A long record: more weekly sessions than the overview's timeline shows at 1024 wide.
            guitest::addClient(*vault, u"C-0003"_s, u"Cal Example"_s);
            for (int week = 0; week < longRecord; ++week)
                guitest::addSession(*vault, u"C-0003"_s, QDate(2023, 1, 2).addDays(7 * week).toString(Qt::ISODate),
                                    u"Reviewed the week and the plans for the weekend."_s);
        }
        startApp(dir);
        QVERIFY(guitest::unlockAs(*m_session, u"alice"_s));
        QTRY_COMPARE(screen(), u"clients"_s);
    }

    void cleanupTestCase()
    {
        stopApp();
    }

    // At 1024×700, the smallest window laid out for, a long record's timeline says how many
    // sessions are out of sight to the left, and says nothing once scrolled to its start.
    void aLongTimelineSaysWhatIsOutOfSight()
    {
        const QSize before = m_window->size();
        m_window->resize(1024, 700);
        QVERIFY(QMetaObject::invokeMethod(m_window, "openClient", Q_ARG(QString, u"C-0003"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->code(), u"C-0003"_s, 10000);
        QQuickItem *earlier = item(u"earlierSessions"_s);
        QVERIFY(earlier);
        QTRY_VERIFY(earlier->isVisible());
        const int hidden = earlier->property("hidden").toInt();
        QVERIFY2(hidden > 0 && hidden < longRecord, qPrintable(QString::number(hidden)));
        QCOMPARE(earlier->property("text").toString(), u"‹ %1 earlier"_s.arg(hidden));
        QVERIFY(item(u"timelineScrollBar"_s)->isVisible());
        QVERIFY(QMetaObject::invokeMethod(item(u"sessionTimeline"_s), "positionViewAtBeginning"));
        QTRY_VERIFY(!earlier->isVisible());
        m_window->resize(before);
    }

    void patternsShowTheThemeOnTheChart()
    {
        QVERIFY(QMetaObject::invokeMethod(m_window, "openClient", Q_ARG(QString, u"C-0001"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->overview()->code(), u"C-0001"_s, 10000);
        // The plan's review, long past, is on the overview in words.
        QQuickItem *review = item(u"planReviewLine"_s);
        QVERIFY(review);
        QTRY_VERIFY(review->isVisible());
        QVERIFY2(review->property("text").toString().startsWith(u"Treatment plan review overdue"_s),
                 qPrintable(review->property("text").toString()));
        // The plan's card lists its objective, not yet rated.
        QQuickItem *planCard = item(u"planCard"_s);
        QVERIFY(planCard);
        QTRY_VERIFY(planCard->isVisible());
        QTRY_COMPARE(item(u"planObjectives"_s)->property("count").toInt(), 1);
        // Other treatment, read-only: the one mutual-help meeting.
        QQuickItem *events = item(u"treatmentEventsCard"_s);
        QVERIFY(events);
        QTRY_VERIFY(events->isVisible());
        QTRY_COMPARE(item(u"treatmentEvents"_s)->property("count").toInt(), 1);
        click(item(u"patternsButton"_s));
        QTRY_COMPARE(screen(), u"patterns"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->patterns()->code(), u"C-0001"_s, 10000);
        // abandonment-driven-use came up in both January sessions: ticked, drawn, and its point is there.
        QTRY_VERIFY(seriesCount("themeChart") >= 1);
        QQuickItem *row = item(u"themeRow_abandonment-driven-use"_s);
        QVERIFY(row);
        QVERIFY(row->property("ticked").toBool());
        QAbstractSeries *series = nullptr;
        for (int i = 0; i < seriesCount("themeChart"); ++i) {
            QAbstractSeries *s = nullptr;
            QVERIFY(QMetaObject::invokeMethod(item(u"themeChart"_s), "series", Q_RETURN_ARG(QAbstractSeries *, s), Q_ARG(int, i)));
            if (s && s->name() == u"Abandonment-driven use")
                series = s;
        }
        QVERIFY2(series, "the abandonment-driven-use line is drawn");
        auto *line = qobject_cast<QXYSeries *>(series);
        QVERIFY(line);
        QCOMPARE(line->count(), 2); // January and February
        QCOMPARE(line->at(0).y(), 2.0);
        QCOMPARE(line->at(1).y(), 0.0);

        // The measures over the bands of the first one (PHQ-9: five), then of the one chosen (GAD-7: four).
        QTRY_COMPARE(seriesCount("measureChart"), 2);
        QQuickItem *bands = item(u"measureBands"_s);
        QVERIFY(bands);
        QQuickItem *bandsBox = item(u"bandsBox"_s);
        QVERIFY(bandsBox);
        QTRY_COMPARE(bandsBox->property("currentValue").toString(), u"phq9"_s);
        QTRY_COMPARE(bands->property("count").toInt(), 5);
        bandsBox->setProperty("currentIndex", 1);
        QCOMPARE(bandsBox->property("currentValue").toString(), u"gad7"_s);
        QTRY_COMPARE(bands->property("count").toInt(), 4);

        const int before = seriesCount("themeChart");
        click(row);
        QTRY_COMPARE(seriesCount("themeChart"), before - 1); // unticked: off the chart
        click(row);
        QTRY_COMPARE(seriesCount("themeChart"), before);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTRY_COMPARE(screen(), u"client-overview"_s);
    }

    void reviewModeIsLeftOnlyWithThePassphrase()
    {
        QCOMPARE(screen(), u"client-overview"_s);
        click(item(u"reviewButton"_s));
        QQuickItem *summary = item(u"summaryField"_s);
        QTRY_VERIFY(summary && summary->isVisible());
        type(summary, u"Weekly sessions; noticing the moment before a drink."_s);
        // The themes the client will see are chosen here: unticking one takes it off the review's chart.
        QQuickItem *choice = item(u"reviewThemeChoice"_s);
        QTRY_VERIFY(choice && choice->isVisible());
        PatternThemeModel *themes = m_session->workspace()->patterns()->themes();
        QTRY_VERIFY(themes->checkedCount() >= 1);
        const int ticked = themes->checkedCount();
        auto *row = qobject_cast<QQuickItem *>(guitest::find(choice, u"themeRow_abandonment-driven-use"_s));
        QVERIFY(row);
        QVERIFY(row->property("ticked").toBool());
        click(row);
        QTRY_COMPARE(themes->checkedCount(), ticked - 1);
        QVERIFY(!row->property("ticked").toBool());
        click(item(u"startReviewButton"_s));
        QTRY_COMPARE(screen(), u"review"_s);
        QTRY_COMPARE(seriesCount("reviewThemeChart"), ticked - 1);
        // With every theme unticked, the grid says why it is empty rather than showing nothing.
        QVERIFY(item(u"reviewGrid"_s)->isVisible() == (ticked > 1));
        for (int r = 0; r < themes->rowCount(); ++r)
            themes->setChecked(r, false);
        QTRY_VERIFY(item(u"reviewGridEmpty"_s)->isVisible());
        QVERIFY(!item(u"reviewGrid"_s)->isVisible());
        QCOMPARE(item(u"reviewGridEmpty"_s)->property("text").toString(),
                 u"No theme chosen: tick up to 8 themes to draw them."_s);
        QTRY_COMPARE_WITH_TIMEOUT(item(u"reviewSummary"_s)->property("text").toString(),
                                  u"Weekly sessions; noticing the moment before a drink."_s, 10000);
        QCOMPARE(item(u"reviewBannerText"_s)->property("text").toString(),
                 u"Review with client — private notes are hidden"_s);
        QCOMPARE(item(u"reviewClientName"_s)->property("text").toString(), u"Ann Example"_s);

        // No way out by the usual keys: search, settings, back.
        QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
        QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
        QTest::keyClick(m_window, Qt::Key_Escape);
        QTest::qWait(100);
        QCOMPARE(screen(), u"review"_s);

        click(item(u"leaveReviewButton"_s));
        QQuickItem *field = item(u"leavePassphraseField"_s);
        QTRY_VERIFY(field && field->isVisible());
        type(field, u"not the passphrase"_s);
        click(item(u"confirmLeaveButton"_s));
        QQuickItem *error = item(u"leaveError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QCOMPARE(error->property("text").toString(), u"That passphrase is not right."_s);
        QCOMPARE(screen(), u"review"_s);
        QVERIFY(m_session->workspace()->clientReview()->active());

        field->setProperty("text", QString());
        type(field, pass);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"client-overview"_s, 10000);
        QVERIFY(!m_session->workspace()->clientReview()->active());
    }

    void ctrlFSearchesAndOpensTheNote()
    {
        QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"search"_s);
        QQuickItem *field = item(u"searchField"_s);
        QTRY_VERIFY(field->hasActiveFocus());
        for (const QChar c : u"anxious"_s)
            QTest::keyClick(m_window, c.toLatin1());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(m_session->workspace()->searchResults()->count(), 2, 10000);
        QTRY_VERIFY(item(u"resultCount"_s)->property("text").toString().startsWith(u"2 notes for"_s));
        const qint64 first = m_session->workspace()->searchResults()->index(0).data(SearchResultModel::NoteIdRole).toLongLong();
        const QString code = m_session->workspace()->searchResults()->index(0).data(SearchResultModel::ClientCodeRole).toString();
        QTest::keyClick(m_window, Qt::Key_Down);
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"note-editor"_s, 10000);
        QCOMPARE(m_session->workspace()->note()->noteId(), first);
        QCOMPARE(m_window->property("clientCode").toString(), code); // back leads to that client
    }

    void aMalformedCodebookEntryIsRefusedInline()
    {
        QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"settings"_s);
        QTRY_VERIFY_WITH_TIMEOUT(m_session->workspace()->settings()->codebook()->count() > 20, 10000);
        type(item(u"newThemeIdField"_s), u"gambling-urges"_s);
        type(item(u"newThemePhrasesField"_s), u"b*t"_s);
        click(item(u"addThemeButton"_s));
        QQuickItem *message = item(u"codebookMessage"_s);
        QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), 10000);
        QCOMPARE(message->property("text").toString(), u"Theme 'gambling-urges': phrase \"b*t\": '*' may only end a word."_s);
        QCOMPARE(m_session->workspace()->settings()->codebook()->count(), 30); // unchanged
    }

    void aRestoredBackupOpensFromSettings()
    {
        if (screen() != u"settings")
            QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
        QTRY_COMPARE(screen(), u"settings"_s);
        const QString file = m_dir.filePath(u"practice.ucbackup"_s);
        const QString into = m_dir.filePath(u"restored"_s);
        item(u"backupFileField"_s)->setProperty("text", file);
        reveal(item(u"backupButton"_s));
        click(item(u"backupButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(file) && !m_session->vaultThread()->busy(), 20000);
        QVERIFY(!item(u"openRestoredButton"_s)->isVisible());

        item(u"restoreFileField"_s)->setProperty("text", file);
        item(u"restoreDirField"_s)->setProperty("text", into);
        item(u"restoreUserField"_s)->setProperty("text", u"alice"_s);
        item(u"restorePassphraseField"_s)->setProperty("text", pass);
        reveal(item(u"restoreButton"_s));
        click(item(u"restoreButton"_s));
        QTRY_VERIFY_WITH_TIMEOUT(item(u"restoreMessage"_s)->isVisible(), 20000);
        QVERIFY2(item(u"openRestoredButton"_s)->isVisible(), qPrintable(item(u"restoreMessage"_s)->property("text").toString()));
        QVERIFY(m_session->isUnlocked()); // the vault open now was not touched
        QVERIFY(m_session->vaultDir() != into);

        reveal(item(u"openRestoredButton"_s));
        click(item(u"openRestoredButton"_s));
        QTRY_COMPARE(screen(), u"unlock"_s);
        QVERIFY(!m_session->isUnlocked());
        QCOMPARE(m_session->vaultDir(), into);
        type(item(u"passphraseField"_s), pass);
        QTRY_VERIFY(item(u"unlockButton"_s)->isEnabled());
        QTest::keyClick(m_window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(screen(), u"clients"_s, 20000);
        QCOMPARE(m_session->workspace()->clients()->count(), 3); // the backup's clients, from the restored folder
    }
};

QTEST_MAIN(ScreensUiTest)
#include "screensuitest.moc"
