// SPDX-License-Identifier: GPL-3.0-or-later
// The blind agreement check as the screen steps through it, on a real vault: the sample shows one
// note's words at a time (never its tags), is finished when every note is rated, and the report
// gives a kappa per theme for each pair of raters, "n/a" where it is undefined.
#include "supervisiontestutil.h"

#include "agreementcheck.h"
#include "supervisiondata.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using uc::vault::Vault;

class AgreementModelTest : public QObject
{
    Q_OBJECT

private:
    guitest::SupervisedFolder m_vault;

private Q_SLOTS:

    void kappaInWords()
    {
        QCOMPARE(uc::gui::kappaText(std::nullopt), u"n/a"_s);
        QCOMPARE(uc::gui::kappaText(1.0), u"1.00"_s);
        QCOMPARE(uc::gui::kappaText(0.6249), u"0.62"_s);
        QCOMPARE(uc::gui::kappaText(-0.25), u"-0.25"_s);
        QCOMPARE(uc::gui::kappaText(-0.001), u"0.00"_s);
    }

    void setupListsOnlyAssignedTherapists()
    {
        auto sam = Vault::open(m_vault.dir, guitest::supervisor, guitest::secret());
        QCOMPARE(uc::gui::loadSupervisedTherapists(*sam), QStringList{u"alice"_s});
        const auto themes = uc::gui::loadThemeChoices(*sam);
        QVERIFY(themes.size() > 5);
        QVERIFY(std::any_of(themes.cbegin(), themes.cend(), [](const uc::gui::ThemeChoice &t) { return t.id == u"abandonment"; }));
    }

    void stepsThroughTheSampleThenReports()
    {
        auto sam = Vault::open(m_vault.dir, guitest::supervisor, guitest::secret());
        const auto started = sam->agreement().start(u"alice"_s, 3);
        AgreementCheck check;
        QSignalSpy sampleChanged(&check, &AgreementCheck::sampleChanged);
        check.setSample(uc::gui::loadAgreementSample(*sam, started.check));
        QCOMPARE(sampleChanged.count(), 1);
        QCOMPARE(check.checkId(), started.check);
        QCOMPARE(check.therapist(), u"alice"_s);
        QCOMPARE(check.sampled(), 3);
        QCOMPARE(check.rated(), 0);
        QVERIFY(!check.finished());
        QCOMPARE(check.noteId(), started.notes.first());
        QVERIFY(!check.noteText().isEmpty());
        QCOMPARE(check.noteClient(), u"C-0001"_s);
        // The note on screen is still blind: the vault refuses its tags to this supervisor.
        QVERIFY_THROWS_EXCEPTION(uc::Error, (void)sam->tagging().tags(check.noteId()));

        // The supervisor agrees with the tagger on abandonment and says nothing else.
        for (int i = 0; i < 3; ++i) {
            const bool abandoned = check.noteText().contains(u"abandoned"_s);
            sam->agreement().rate(started.check, check.noteId(), abandoned ? QStringList{u"abandonment"_s} : QStringList{});
            check.setSample(uc::gui::loadAgreementSample(*sam, started.check));
            QCOMPARE(check.rated(), i + 1);
        }
        QVERIFY(check.finished());
        QCOMPARE(check.noteId(), 0);
        QCOMPARE(check.noteText(), QString());

        AgreementReportModel *report = check.report();
        QAbstractItemModelTester tester(report, QAbstractItemModelTester::FailureReportingMode::QtTest);
        check.setReport(uc::gui::loadAgreementReport(*sam, started.check));
        QVERIFY(check.hasReport());
        QCOMPARE(check.reportRated(), 3);
        QVERIFY(report->count() > 0);
        int abandonment = -1;
        for (int row = 0; row < report->count(); ++row) {
            if (report->data(report->index(row), AgreementReportModel::ThemeRole).toString() == u"abandonment")
                abandonment = row;
            const QString k = report->data(report->index(row), AgreementReportModel::SupervisorTaggerRole).toString();
            QVERIFY2(k == u"n/a" || k.contains(u'.'), qPrintable(k));
        }
        QVERIFY(abandonment >= 0);
        const QModelIndex row = report->index(abandonment);
        QCOMPARE(report->data(row, AgreementReportModel::LabelRole).toString(), sam->tagging().codebook().find(u"abandonment"_s)->label);
        QCOMPARE(report->data(row, AgreementReportModel::NotesRole).toInt(), 3);
        QCOMPARE(report->data(row, AgreementReportModel::SupervisorTaggerRole).toString(), u"1.00"_s);
        QCOMPARE(report->data(row, AgreementReportModel::SupervisorTherapistRole).toString(), u"1.00"_s);

        check.reset();
        QCOMPARE(check.checkId(), 0);
        QVERIFY(!check.hasReport());
        QCOMPARE(report->count(), 0);
    }
};

QTEST_GUILESS_MAIN(AgreementModelTest)
#include "agreementmodeltest.moc"
