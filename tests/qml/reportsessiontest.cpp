// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession's PDF reports as the screens' buttons use them: each is written on the vault thread
// and answers with the file (owner-only, ".pdf" added, a file: URL accepted); a refusal (an
// auditor's client report, a process note, a bad date) comes back as a plain message and leaves
// no file; the audit PDF answers like the CSV export. The PDFs' content is reporttest's.
#include "supervisiontestutil.h"
#include "workspace.h"

#include "auditmodel.h"
#include "reportwriter.h"
#include "vaultsession.h"

#include "model/treatmentevent.h"
#include "vault/vault.h"

#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

bool ownerOnly(const QString &file)
{
    return (QFile::permissions(file) & 0x0077) == QFileDevice::Permissions() && QFile::exists(file);
}

bool isPdf(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) && f.read(5) == "%PDF-";
}

// The PDF's text as pdftotext reads it; empty when it could not.
QString pdfText(const QString &pdftotext, const QString &file)
{
    QProcess p;
    p.start(pdftotext, {u"-layout"_s, file, u"-"_s});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class ReportSessionTest : public guitest::SupervisedSessionTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        startTestCase();
    }

    void therapistWritesAClientReportAndPrintsANote()
    {
        VaultSession session(nullptr);
        const guitest::SupervisedVault made = unlockAs(session, u"alice"_s);
        QSignalSpy written(session.workspace()->reports(), &ReportWriter::written);
        QSignalSpy failed(session.workspace()->reports(), &ReportWriter::failed);

        const QString client = m_dir.filePath(u"client"_s);
        session.workspace()->reports()->writeClientReport(u"C-0001"_s, QUrl::fromLocalFile(client).toString());
        QVERIFY(written.wait(20000));
        QCOMPARE(written.last().first().toString(), client + u".pdf"_s);
        QVERIFY(isPdf(client + u".pdf"_s));
        QVERIFY(ownerOnly(client + u".pdf"_s));
        // With the opt-in risk section (its content: reporttest, with pdftotext).
        const QString withRisk = m_dir.filePath(u"client-risk.pdf"_s);
        session.workspace()->reports()->writeClientReport(u"C-0001"_s, withRisk, true);
        QVERIFY(written.wait(20000));
        QCOMPARE(written.last().first().toString(), withRisk);
        QVERIFY(isPdf(withRisk));
        // And the opt-in treatment plan section (its content: reporttest).
        const QString withPlan = m_dir.filePath(u"client-plan.pdf"_s);
        session.workspace()->reports()->writeClientReport(u"C-0001"_s, withPlan, false, true);
        QVERIFY(written.wait(20000));
        QCOMPARE(written.last().first().toString(), withPlan);
        QVERIFY(isPdf(withPlan));

        const QString note = m_dir.filePath(u"note.pdf"_s);
        session.workspace()->reports()->printNote(made.signedNotes.first(), note);
        QVERIFY(written.wait(20000));
        QCOMPARE(written.last().first().toString(), note);
        QVERIFY(isPdf(note));
        QCOMPARE(failed.count(), 0);

        // An unknown note: a plain message, no file.
        const QString missing = m_dir.filePath(u"missing.pdf"_s);
        session.workspace()->reports()->printNote(999999, missing);
        QVERIFY(failed.wait(20000));
        QVERIFY(!guitest::messageOf(failed).isEmpty());
        QVERIFY(!QFile::exists(missing));
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    // The overview's "With events" box: the other treatment section in the PDF only when it is ticked.
    void clientReportHoldsTheEventsOnlyWhenAskedFor()
    {
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        if (pdftotext.isEmpty())
            QSKIP("pdftotext (poppler-utils) is not installed; tools/setup installs it");
        const QString dir = freshDir();
        (void)guitest::createSupervisedVault(dir);
        {
            auto v = uc::vault::Vault::open(dir, u"alice"_s, guitest::secret());
            uc::model::TreatmentEvent start;
            start.clientCode = u"C-0001"_s;
            start.kind = u"mat"_s;
            start.date = *uc::model::parseDate(u"2025-03-05"_s);
            start.medication = u"buprenorphine"_s;
            start.change = u"start"_s;
            start.dose = 8;
            start.unit = u"mg"_s;
            (void)v->treatmentEvents().add(start);
        }
        VaultSession session(nullptr);
        session.setVaultDir(dir);
        QVERIFY(guitest::unlockAs(session, u"alice"_s));
        QSignalSpy written(session.workspace()->reports(), &ReportWriter::written);
        QSignalSpy failed(session.workspace()->reports(), &ReportWriter::failed);

        const QString without = m_dir.filePath(u"client-no-events.pdf"_s);
        session.workspace()->reports()->writeClientReport(u"C-0001"_s, without, true, true, false);
        QVERIFY(written.wait(20000));
        const QString plain = pdfText(pdftotext, without);
        QVERIFY(plain.contains(u"Ann Example"_s) || plain.contains(u"C-0001"_s)); // pdftotext read it
        QVERIFY(!plain.contains(u"Other treatment"_s));
        QVERIFY(!plain.contains(u"buprenorphine"_s));

        const QString with = m_dir.filePath(u"client-events.pdf"_s);
        session.workspace()->reports()->writeClientReport(u"C-0001"_s, with, false, false, true);
        QVERIFY(written.wait(20000));
        QCOMPARE(written.last().first().toString(), with);
        const QString text = pdfText(pdftotext, with);
        QVERIFY2(text.contains(u"Other treatment"_s), qPrintable(text));
        QVERIFY(text.contains(u"2025-03-05"_s));
        QVERIFY(text.contains(u"buprenorphine start 8 mg"_s));
        QCOMPARE(failed.count(), 0);
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    void supervisorWritesASupervisionReportAndTheAuditPdf()
    {
        VaultSession session(nullptr);
        (void)unlockAs(session, guitest::supervisor);
        QSignalSpy written(session.workspace()->reports(), &ReportWriter::written);
        QSignalSpy failed(session.workspace()->reports(), &ReportWriter::failed);

        const QString report = m_dir.filePath(u"supervision.pdf"_s);
        session.workspace()->reports()->writeSupervisionReport(u"alice"_s, u"2025-01-01"_s, u"2025-12-31"_s, report);
        QVERIFY(written.wait(20000));
        QVERIFY(isPdf(report));
        QVERIFY(ownerOnly(report));

        session.workspace()->reports()->writeSupervisionReport(u"alice"_s, u"2025-02-30"_s, QString(), m_dir.filePath(u"bad.pdf"_s));
        QCOMPARE(failed.count(), 1); // at once, before the vault thread
        QVERIFY(guitest::messageOf(failed).contains(u"YYYY-MM-DD"_s));

        // A supervisor may not hand out a client's record: refused in plain words, no file.
        const QString client = m_dir.filePath(u"refused.pdf"_s);
        session.workspace()->reports()->writeClientReport(u"C-0001"_s, client);
        QVERIFY(failed.wait(20000));
        QVERIFY2(guitest::messageOf(failed).contains(u"supervisor"_s), qPrintable(guitest::messageOf(failed)));
        QVERIFY(!QFile::exists(client));

        QSignalSpy exported(session.workspace()->audit(), &AuditModel::exported);
        const QString trail = m_dir.filePath(u"trail.csv"_s);
        session.workspace()->audit()->exportPdf(QString(), QString(), trail);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.last().at(1).toString(), m_dir.filePath(u"trail.pdf"_s));
        QVERIFY(exported.last().at(0).toInt() > 10);
        QVERIFY(isPdf(m_dir.filePath(u"trail.pdf"_s)));
        QTRY_VERIFY(!session.vaultThread()->busy());
    }

    void reportFileStartsInDocuments()
    {
        VaultSession session(nullptr);
        const QUrl url = ReportWriter::reportFile(u"Client report C-0001"_s);
        QVERIFY(url.isLocalFile());
        QVERIFY(url.toLocalFile().endsWith(u"/Client report C-0001.pdf"_s));
    }
};

QTEST_MAIN(ReportSessionTest)
#include "reportsessiontest.moc"
