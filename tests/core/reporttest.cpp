// SPDX-License-Identifier: GPL-3.0-or-later
// Reports as a practice hands them over: each PDF (through undercurrent-cli, as users make them)
// holds what it must, read back with pdftotext, and never a word of a process note; a process
// note is never printed; refusals leave no file; files are owner-only; every report is an audit
// event naming its object and no text. The data gathering is checked without a PDF too.
#include "patterns/calendar.h"
#include "patterns/findings.h"
#include "reports/palette.h"
#include "reports/reportdata.h"
#include "reports/reportpdf.h"
#include "vault/keyslots.h"
#include "vault/usedays.h"
#include "vault/vault.h"

#include <QDate>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace uc;
using namespace uc::vault;
using model::Id;

namespace {

constexpr std::string_view passphrase = "report test passphrase";
// Only ever in the process note: it must never reach a report.
const QString canary = QStringLiteral("ZEBRACANARY");

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphrase);
}

} // namespace

class ReportTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gatheringLeavesProcessNotesOut();
    void clientReportShowsPatternsMeasuresAndSummary();
    void notePrintShowsHeaderSignaturesAndAddenda();
    void processNotesAndUnknownNotesAreRefusedWithoutAFile();
    void supervisionReportShowsStatusCommentsAndKappa();
    void supervisionReportFollowsTheRoles();
    void auditExportsAPeriodAsPdfAndCsv();
    void clientReportRiskSectionIsOptIn();
    void clientReportListsTheStrongestFindings();
    void clientReportPlanSectionIsOptIn();
    void clientReportEventsSectionIsOptIn();
    void measuresChartDrawsEachInstrumentOnItsOwnBands();
    void eventsChartMarksEachEventOnTheMonths();
    void clientReportUseDaysSectionIsOptIn();
    void useDaysChartTellsUsedFromAbstinentByShape();
    void themeColoursAreOkabeItoOnePerTheme();
    void everyReportIsAnAuditEvent();
    void aGroupMembersPrintsHoldNoneOfAnothersPart(); // last: it adds clients

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QString &user, QStringList args);
    // The PDF's text as pdftotext -layout reads it.
    QString pdfText(const QString &file);
    std::unique_ptr<Vault> open(const QString &user) { return Vault::open(m_vault, user, secret()); }
    QString out(const QString &name) { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_pass;
    QString m_pdftotext;
    Id m_clientId = 0;
    QList<Id> m_progress; // signed, in date order
    Id m_draft = 0;
    Id m_process = 0;
};

ReportTest::Run ReportTest::cli(const QString &user, QStringList args)
{
    args << QStringLiteral("--vault") << m_vault << QStringLiteral("--user") << user << QStringLiteral("--passphrase-file")
         << m_pass;
    QProcess p;
    p.start(QStringLiteral(CLI_PATH), args);
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

QString ReportTest::pdfText(const QString &file)
{
    QProcess p;
    p.start(m_pdftotext, {QStringLiteral("-layout"), file, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

void ReportTest::initTestCase()
{
    m_pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (m_pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; tools/setup installs it");
    QVERIFY(m_dir.isValid());
    m_vault = m_dir.filePath(QStringLiteral("vault"));
    m_pass = m_dir.filePath(QStringLiteral("pass"));
    {
        QFile f(m_pass);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(passphrase.data(), static_cast<qsizetype>(passphrase.size())) + '\n');
    }

    auto v = Vault::create(m_vault, QStringLiteral("alice"), secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
    v->addUser(QStringLiteral("bob"), model::Role::Therapist, secret(), KdfCost::testOnly());
    v->addUser(QStringLiteral("sam"), model::Role::Supervisor, secret(), KdfCost::testOnly());
    v->addUser(QStringLiteral("ada"), model::Role::Auditor, secret(), KdfCost::testOnly());
    model::Client c;
    c.code = QStringLiteral("C-7");
    c.displayName = QStringLiteral("Robin Example");
    c.consentPart2 = true;
    m_clientId = v->clients().add(c);

    // Six monthly sessions: abandonment in five, drinking in three, anxiety in two.
    const QStringList texts = {
        QStringLiteral("She felt abandoned when her partner left, and she drank heavily that night."),
        QStringLiteral("Anxious all week about work; she felt abandoned by her sister."),
        QStringLiteral("She drank again after feeling abandoned at the weekend."),
        QStringLiteral("A calm session about her new job; some anxiety about the interview."),
        QStringLiteral("The abandoned feeling came back when her friend cancelled; she drank."),
        QStringLiteral("She felt abandoned by her mother as a child and talked about it for the first time."),
    };
    Id session3 = 0;
    for (int i = 0; i < texts.size(); ++i) {
        model::Session s;
        s.date = model::Date(2025, static_cast<unsigned short>(1 + i), 10);
        s.start = model::parseTime(QStringLiteral("14:30"));
        s.minutes = 50;
        s.setting = model::Setting::Outpatient;
        s.attendees.append({0, QStringLiteral("C-7"), model::Attendance::Attended});
        const auto made = v->notes().addSession(s, QStringLiteral("dap"), model::NoteKind::Progress,
                                        {{QStringLiteral("Data"), texts.at(i)},
                                         {QStringLiteral("Assessment"), QStringLiteral("Engaged; insight growing.")},
                                         {QStringLiteral("Plan"), QStringLiteral("Continue weekly; PLANMARK review in a month.")}});
        v->notes().sign(made.notes.first());
        m_progress.append(made.notes.first());
        if (i == 2)
            session3 = made.session;
    }
    // The private process note beside the third progress note: a theme of its own (gambling).
    m_process = v->notes().add(session3, QStringLiteral("C-7"), QStringLiteral("process"), model::NoteKind::Process,
                           {{QStringLiteral("Note"), QStringLiteral("Countertransference ") + canary
                                                          + QStringLiteral(", protective. She spent the weekend gambling at "
                                                                           "the casino and lost her rent money.")}});
    const auto gamblingTags = v->tagging().tags(m_process);
    QVERIFY2(std::any_of(gamblingTags.begin(), gamblingTags.end(),
                         [](const model::ThemeTag &t) { return t.theme == u"behavioural-addiction"; }),
             "the process note raises a theme of its own");
    model::Session later;
    later.date = model::Date(2025, 7, 4);
    later.attendees.append({0, QStringLiteral("C-7"), model::Attendance::Attended});
    m_draft = v->notes().addSession(later, QStringLiteral("free"), model::NoteKind::Progress,
                            {{QStringLiteral("Note"), QStringLiteral("Draft about DRAFTMARK cravings.")}})
                  .notes.first();
    (void)v->notes().addAddendum(m_progress.at(0), QStringLiteral("ADDENDUMMARK: she phoned to say she is safe."));
    (void)v->measures().add(QStringLiteral("C-7"), model::Date(2025, 1, 10), QStringLiteral("phq9"), {2, 2, 2, 2, 2, 1, 1, 1, 0});
    (void)v->measures().add(QStringLiteral("C-7"), model::Date(2025, 6, 10), QStringLiteral("phq9"), {1, 1, 1, 0, 0, 0, 1, 0, 0});
    // PCL-5 52 → 30: reliable improvement (RCI −4.18) and below 33.
    (void)v->measures().add(QStringLiteral("C-7"), model::Date(2025, 1, 10), QStringLiteral("pcl5"),
                            {4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0, 0});
    (void)v->measures().add(QStringLiteral("C-7"), model::Date(2025, 6, 10), QStringLiteral("pcl5"),
                            {4, 4, 4, 4, 4, 4, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    v->clients().setShareableSummary(QStringLiteral("C-7"), QStringLiteral("SUMMARYMARK: Robin notices that drinking follows "
                                                                 "feeling left out, and is trying other ways to cope."));
    // The therapist's themes per note, for the supervisor's blind rating below.
    QHash<Id, QStringList> themesOf;
    for (Id id : m_progress) {
        QStringList themes;
        for (const model::ThemeTag &t : v->tagging().tags(id))
            if (t.counts() && !themes.contains(t.theme))
                themes.append(t.theme);
        themesOf.insert(id, themes);
    }
    v->lock();

    auto s = open(QStringLiteral("sam"));
    s->supervision().assign(QStringLiteral("alice"), QStringLiteral("sam"), model::SupervisionMode::MustCosign);
    s->supervision().cosign(m_progress.at(0));
    (void)s->supervision().comment(m_progress.at(1), QStringLiteral("COMMENTMARK: consider the family history."));
    (void)s->supervision().returnNote(m_progress.at(2), QStringLiteral("RETURNMARK: add the risk assessment."));
    // A blind check that agrees with the therapist on every note: kappa 1.00 where themes vary.
    const auto sample = s->agreement().start(QStringLiteral("alice"), 6);
    for (Id id : sample.notes)
        s->agreement().rate(sample.check, id, themesOf.value(id));
    s->lock();
}

void ReportTest::gatheringLeavesProcessNotesOut()
{
    auto v = open(QStringLiteral("alice"));
    const reports::ClientReport r = reports::clientReport(*v, QStringLiteral("C-7"));
    QCOMPARE(r.client.code, QStringLiteral("C-7"));
    QCOMPARE(r.months.size(), 7); // January to July
    QCOMPARE(r.attended, 7);
    QVERIFY(std::none_of(r.themes.begin(), r.themes.end(),
                         [](const reports::ThemeRow &t) { return t.id == u"behavioural-addiction"; }));
    QVERIFY(!r.themes.isEmpty());
    QCOMPARE(r.themes.first().id, QStringLiteral("abandonment"));
    QCOMPARE(r.themes.first().sessions, 5);
    QCOMPARE(r.themes.first().perMonth, QList<int>({1, 1, 1, 0, 1, 1, 0}));
    QCOMPARE(reports::recurrenceText(r.themes.first()), QStringLiteral("Abandonment \u2014 4 of the last 6 sessions"));
    QCOMPARE(r.measures.size(), 2);
    QCOMPARE(r.measures.first().maxScore, 27);
    QCOMPARE(r.measures.last().instrument, QStringLiteral("pcl5"));
    QCOMPARE(r.measures.last().maxScore, 80);
    // Each instrument's change from its first score to its latest: PHQ-9 13 → 4, PCL-5 52 → 30.
    QVERIFY(r.measures.first().change);
    QCOMPARE(r.measures.first().change->from, 13);
    QCOMPARE(r.measures.first().change->to, 4);
    // PHQ-9 by the published threshold: −9 is 6 or more, and 4 is below the caseness cut-off of 10.
    QVERIFY(r.measures.first().change->verdict == model::ChangeVerdict::ReliableImprovement);
    QVERIFY(r.measures.first().change->method == model::ChangeMethod::PublishedThreshold);
    QVERIFY(r.measures.last().change);
    QVERIFY(r.measures.last().change->verdict == model::ChangeVerdict::ReliableImprovement);
    QVERIFY(r.measures.last().change->clinicallySignificant == std::optional<bool>(true));
    QVERIFY(r.summary && r.summary->text.startsWith(QLatin1String("SUMMARYMARK")));
}

void ReportTest::clientReportShowsPatternsMeasuresAndSummary()
{
    const QString file = out(QStringLiteral("client.pdf"));
    const Run r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                                               QStringLiteral("C-7"), QStringLiteral("--out"), file});
    QVERIFY2(r.code == 0, r.err.constData());
    // Owner-only: read and write for the owner, nothing for group or others.
    QVERIFY(QFile::permissions(file).testFlags(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    QCOMPARE(QFile::permissions(file) & 0x0077, QFileDevice::Permissions());
    const QString text = pdfText(file);
    QVERIFY2(text.contains(QLatin1String("Client pattern report")), qPrintable(text));
    for (const char *expected : {"C-7", "Robin Example", "Themes over time", "Abandonment", "Substance use", "Anxiety",
                                 "of the last 6 sessions", "PHQ-9", "PCL-5", "Reliable change", "improvement",
                                 "points;", "-4.18", "SUMMARYMARK", "42 CFR part 2", "Page 1 of"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QVERIFY(!text.contains(canary, Qt::CaseInsensitive));
    QVERIFY2(!text.contains(QLatin1String("Behavioural addiction")), "a process note's theme reached the report");
    // The footer notice on every page, and the full notice at the end.
    const int pages = static_cast<int>(text.count(u'\f'));
    QVERIFY(pages >= 1);
    QCOMPARE(static_cast<int>(text.count(QLatin1String("prohibits unauthorized use or disclosure"))), pages);
    QVERIFY(text.contains(QLatin1String("A general authorization for the release")));
}

void ReportTest::notePrintShowsHeaderSignaturesAndAddenda()
{
    const QString file = out(QStringLiteral("note.pdf"));
    const Run r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("note"),
                                               QString::number(m_progress.at(0)), QStringLiteral("--out"), file});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QFile::permissions(file) & 0x0077, QFileDevice::Permissions());
    const QString text = pdfText(file);
    for (const char *expected : {"Progress note", "C-7", "Robin Example", "2025-01-10", "14:30", "50 minutes", "individual",
                                 "outpatient", "attended", "alice", "DAP", "Data", "Assessment", "Plan", "PLANMARK",
                                 "abandoned when her partner left", "Signed by", "Content hash", "Co-signed by", "sam",
                                 "ADDENDUMMARK", "the hash matches", "42 CFR part 2"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QVERIFY(!text.contains(canary, Qt::CaseInsensitive));
    {
        auto v = open(QStringLiteral("alice"));
        QVERIFY(text.contains(v->notes().read(m_progress.at(0)).contentHash));
    }

    const QString draft = out(QStringLiteral("draft.pdf"));
    const Run d = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("note"), QString::number(m_draft),
                                               QStringLiteral("--out"), draft});
    QVERIFY2(d.code == 0, d.err.constData());
    const QString draftText = pdfText(draft);
    QVERIFY(draftText.contains(QStringLiteral("Draft \u2014 not signed")));
    QVERIFY(draftText.contains(QLatin1String("DRAFTMARK")));
    QVERIFY(!draftText.contains(QLatin1String("Co-signed by")));
}

void ReportTest::processNotesAndUnknownNotesAreRefusedWithoutAFile()
{
    const QString file = out(QStringLiteral("process.pdf"));
    const Run r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("note"), QString::number(m_process),
                                               QStringLiteral("--out"), file});
    QCOMPARE(r.code, 5);
    QVERIFY2(r.err.contains("process note"), r.err.constData());
    QVERIFY(!r.err.contains(canary.toUtf8()));
    QVERIFY(!QFile::exists(file));

    const Run unknown = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("note"), QStringLiteral("99999"),
                                                     QStringLiteral("--out"), file});
    QCOMPARE(unknown.code, 2);
    QVERIFY(!QFile::exists(file));

    // The library refuses too, before reading the note.
    auto v = open(QStringLiteral("alice"));
    try {
        (void)reports::noteReport(*v, m_process);
        QFAIL("a process note was gathered for printing");
    } catch (const Error &e) {
        QCOMPARE(e.exitCode(), 5);
    }
}

void ReportTest::supervisionReportShowsStatusCommentsAndKappa()
{
    const QString file = out(QStringLiteral("supervision.pdf"));
    const Run r = cli(QStringLiteral("sam"), {QStringLiteral("report"), QStringLiteral("supervision"), QStringLiteral("--therapist"),
                                             QStringLiteral("alice"), QStringLiteral("--from"), QStringLiteral("2025-01-01"),
                                             QStringLiteral("--to"), QStringLiteral("2025-12-31"), QStringLiteral("--out"), file});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QFile::permissions(file) & 0x0077, QFileDevice::Permissions());
    const QString text = pdfText(file);
    for (const char *expected : {"Supervision report", "alice", "sam", "2025-01-10", "2025-07-04", "C-7", "co-signed",
                                 "returned", "draft", "signed", "COMMENTMARK", "RETURNMARK", "Cohen", "Abandonment", "1.00",
                                 "42 CFR part 2"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QVERIFY(!text.contains(canary, Qt::CaseInsensitive));
    QVERIFY2(!text.contains(QLatin1String("PLANMARK")), "a supervision report lists notes, not their text");

    // The period bounds the notes by session date.
    const QString spring = out(QStringLiteral("spring.pdf"));
    const Run p = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("supervision"), QStringLiteral("--therapist"),
                                               QStringLiteral("alice"), QStringLiteral("--from"), QStringLiteral("2025-03-01"),
                                               QStringLiteral("--to"), QStringLiteral("2025-04-30"), QStringLiteral("--out"), spring});
    QVERIFY2(p.code == 0, p.err.constData());
    const QString springText = pdfText(spring);
    QVERIFY(springText.contains(QLatin1String("2025-03-10")));
    QVERIFY(springText.contains(QLatin1String("2025-04-10")));
    QVERIFY(!springText.contains(QLatin1String("2025-01-10")));
    QVERIFY(!springText.contains(QLatin1String("2025-07-04")));
    QVERIFY(springText.contains(QLatin1String("1.00"))); // the therapist sees their own figures
}

void ReportTest::supervisionReportFollowsTheRoles()
{
    const QString file = out(QStringLiteral("refused.pdf"));
    const QStringList args = {QStringLiteral("report"), QStringLiteral("supervision"), QStringLiteral("--therapist"),
                              QStringLiteral("alice"), QStringLiteral("--from"), QStringLiteral("2025-01-01"),
                              QStringLiteral("--to"), QStringLiteral("2025-12-31"), QStringLiteral("--out"), file};
    QCOMPARE(cli(QStringLiteral("bob"), args).code, 5); // another therapist
    QCOMPARE(cli(QStringLiteral("ada"), args).code, 5); // an auditor
    QVERIFY(!QFile::exists(file));
    QStringList backwards = args;
    backwards[5] = QStringLiteral("2026-01-01");
    QCOMPARE(cli(QStringLiteral("sam"), backwards).code, 1);
    QStringList badDate = args;
    badDate[5] = QStringLiteral("2025-02-30");
    QCOMPARE(cli(QStringLiteral("sam"), badDate).code, 2);
    QVERIFY(!QFile::exists(file));
    // A client report and a note print are the treating therapist's, as any export of the record.
    QCOMPARE(cli(QStringLiteral("sam"), {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                                        QStringLiteral("C-7"), QStringLiteral("--out"), file})
                 .code,
             5);
    QVERIFY(!QFile::exists(file));
}

void ReportTest::auditExportsAPeriodAsPdfAndCsv()
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString pdf = out(QStringLiteral("audit.pdf"));
    const Run r = cli(QStringLiteral("sam"), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), pdf,
                                             QStringLiteral("--from"), QStringLiteral("2000-01-01"), QStringLiteral("--to"), today});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(QFile::permissions(pdf) & 0x0077, QFileDevice::Permissions());
    const QString text = pdfText(pdf);
    for (const char *expected : {"Audit trail", "create-client", "client:", "sign", "verified whole", "42 CFR part 2"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QVERIFY(!text.contains(canary, Qt::CaseInsensitive));
    QVERIFY(!text.contains(QLatin1String("Robin")));

    // A period that ended before the vault existed holds nothing, in both formats.
    const QString old = out(QStringLiteral("old.csv"));
    const Run csv = cli(QStringLiteral("sam"), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), old,
                                               QStringLiteral("--from"), QStringLiteral("2000-01-01"), QStringLiteral("--to"),
                                               QStringLiteral("2000-12-31")});
    QVERIFY2(csv.code == 0, csv.err.constData());
    QVERIFY(csv.out.startsWith("0 entries"));
    const Run since = cli(QStringLiteral("sam"), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"),
                                                 out(QStringLiteral("since.csv")), QStringLiteral("--since"), today});
    QVERIFY2(since.code == 0, since.err.constData());
    QVERIFY(!since.out.startsWith("0 entries"));
    QCOMPARE(cli(QStringLiteral("sam"), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), old,
                                        QStringLiteral("--from"), today, QStringLiteral("--since"), today})
                 .code,
             1);
}

void ReportTest::clientReportRiskSectionIsOptIn()
{
    // A client of its own, before the other tests' periods: open suicide risk, closed abuse risk,
    // a PHQ-9 item 9 answer, and a process note's self-harm that no report may show.
    {
        auto v = open(QStringLiteral("alice"));
        model::Client c;
        c.code = QStringLiteral("C-8");
        c.displayName = QStringLiteral("Sky Example");
        (void)v->clients().add(c);
        const auto sessionOn = [&v](int month, const QString &text, const std::optional<model::RiskAssessment> &assessment) {
            model::Session s;
            s.date = model::Date(2024, static_cast<unsigned short>(month), 5);
            s.attendees.append({0, QStringLiteral("C-8"), model::Attendance::Attended});
            const auto made = v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress, {{QStringLiteral("Note"), text}});
            v->notes().sign(made.notes.first(), assessment);
            return made.session;
        };
        (void)sessionOn(9, QStringLiteral("Her partner hit her last night and checks her phone."),
                        model::RiskAssessment{model::RiskLevel::High, QStringLiteral("Safeguarding referral made.")});
        const Id later = sessionOn(10, QStringLiteral("She said she would be better off dead."), model::RiskAssessment{});
        (void)v->notes().add(later, QStringLiteral("C-8"), QStringLiteral("process"), model::NoteKind::Process,
                             {{QStringLiteral("Note"), QStringLiteral("She has been cutting her arms again.")}});
        (void)v->measures().add(QStringLiteral("C-8"), model::Date(2024, 10, 5), QStringLiteral("phq9"), {1, 1, 1, 1, 1, 1, 1, 1, 2});
        const reports::ClientReport gathered = reports::clientReport(*v, QStringLiteral("C-8"), true);
        QVERIFY(gathered.risk);
        QVERIFY(std::none_of(gathered.risk->begin(), gathered.risk->end(),
                             [](const reports::RiskEntry &e) { return e.flag.risk == u"self-harm"; }));
        QVERIFY(!reports::clientReport(*v, QStringLiteral("C-8")).risk); // off by default
    }

    const QString plain = out(QStringLiteral("client8.pdf"));
    Run r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                                         QStringLiteral("C-8"), QStringLiteral("--out"), plain});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString without = pdfText(plain);
    QVERIFY2(without.contains(QLatin1String("Client pattern report")), qPrintable(without));
    QVERIFY2(!without.contains(QLatin1String("better off dead")) && !without.contains(QLatin1String("negative screen")),
             "the risk section is opt-in");

    const QString withRisk = out(QStringLiteral("client8-risk.pdf"));
    r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                                     QStringLiteral("C-8"), QStringLiteral("--out"), withRisk, QStringLiteral("--with-risk")});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = pdfText(withRisk);
    for (const char *expected : {"Risk", "Suicide", "better off dead", "open", "closed", "Abuse and",
                                 "not printed", "PHQ-9 item 9", "measure", "progress note", "2024-10-05"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QVERIFY2(!text.contains(QLatin1String("hit her")) && !text.contains(QLatin1String("checks her phone")),
             "an abuse flag's words are never printed");
    QVERIFY2(!text.contains(QLatin1String("cutting")) && !text.contains(QLatin1String("Self-harm")),
             "a process note's flag reached the report");
}

void ReportTest::clientReportListsTheStrongestFindings()
{
    {
        auto v = open(QStringLiteral("alice"));
        // C-7's six months hold no finding: the report says so, with how many pairs were tested.
        const reports::ClientReport none = reports::clientReport(*v, QStringLiteral("C-7"));
        QVERIFY(none.findings.isEmpty());
        QVERIFY(none.tested > 0);

        // Five times over: abandonment, lapse or relapse the week after, then three quiet weeks.
        model::Client c;
        c.code = QStringLiteral("C-9");
        c.displayName = QStringLiteral("Kim Example");
        (void)v->clients().add(c);
        const QStringList round = {QStringLiteral("She feels abandoned by her partner."),
                                   QStringLiteral("She relapsed and drank heavily at the weekend."),
                                   QStringLiteral("We planned the week ahead."), QStringLiteral("We planned the week ahead."),
                                   QStringLiteral("We planned the week ahead.")};
        QDate day(2024, 1, 1);
        for (int i = 0; i < 25; ++i) {
            model::Session s;
            s.date = model::Date(static_cast<unsigned short>(day.year()), static_cast<unsigned short>(day.month()),
                                 static_cast<unsigned short>(day.day()));
            s.attendees.append({0, QStringLiteral("C-9"), model::Attendance::Attended});
            (void)v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                        {{QStringLiteral("Note"), round.at(i % round.size())}});
            day = day.addDays(7);
        }
        const reports::ClientReport found = reports::clientReport(*v, QStringLiteral("C-9"));
        QVERIFY(!found.findings.isEmpty());
        QVERIFY(found.findings.size() <= patterns::maxClientFindings);
        QVERIFY2(found.findings.first().startsWith(QStringLiteral("Abandonment came before lapse or relapse in 5 of the 5 sessions")),
                 qPrintable(found.findings.first()));
    }
    const QString none = out(QStringLiteral("client-none.pdf"));
    Run r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                                         QStringLiteral("C-7"), QStringLiteral("--out"), none});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString noneText = pdfText(none).simplified();
    QVERIFY2(noneText.contains(QLatin1String("Before use or relapse No pattern passes the rules yet:")), qPrintable(noneText));

    const QString file = out(QStringLiteral("client-findings.pdf"));
    r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                                     QStringLiteral("C-9"), QStringLiteral("--out"), file});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = pdfText(file).simplified();
    for (const char *expected : {"Before use or relapse", "Abandonment came before lapse or relapse in 5 of the 5 sessions",
                                 "unlikely to be chance", "patterns to talk about, not causes"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
}

void ReportTest::clientReportPlanSectionIsOptIn()
{
    {
        auto v = open(QStringLiteral("alice"));
        model::Client c;
        c.code = QStringLiteral("C-10");
        c.displayName = QStringLiteral("Lee Example");
        (void)v->clients().add(c);
        const model::TreatmentPlan plan = model::parseTreatmentPlan(
            QByteArrayLiteral(R"({"effective": "2025-01-05", "next_review": "2025-04-05",
                "agreement": {"date": "2025-01-05", "how": "verbal"},
                "problems": [{"text": "PROBLEMMARK drinks when low", "goals": [{"text": "GOALMARK mood lifts", "objectives": [
                  {"text": "OBJECTIVEMARK PHQ-9 below 10", "measured_by": "PHQ-9 every four weeks", "measure": "phq9 < 10",
                   "target_date": "2025-06-01", "interventions": ["INTERVENTIONMARK behavioural activation"]},
                  {"text": "Two mutual-help meetings a week", "measured_by": "client report"}]}]}]})"),
            model::Date(2025, 1, 5));
        QCOMPARE(v->plans().add(QStringLiteral("C-10"), plan), 1);
        // Two drafts rate O1, some progress then much; the process note beside the second is never printed.
        const auto draftOn = [&v](const model::Date &day) {
            model::Session s;
            s.date = day;
            s.attendees.append({0, QStringLiteral("C-10"), model::Attendance::Attended});
            return v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                         {{QStringLiteral("Note"), QStringLiteral("We went over the week.")}});
        };
        const auto february = draftOn(model::Date(2025, 2, 3));
        const auto march = draftOn(model::Date(2025, 3, 3));
        v->plans().rate(march.notes.first(), QStringLiteral("O1"), model::ProgressRating::Much);
        v->plans().rate(february.notes.first(), QStringLiteral("O1"), model::ProgressRating::Some);
        (void)v->notes().add(march.session, QStringLiteral("C-10"), QStringLiteral("process"), model::NoteKind::Process,
                             {{QStringLiteral("Note"), QStringLiteral("Countertransference ") + canary}});
        const reports::ClientReport gathered = reports::clientReport(*v, QStringLiteral("C-10"), false, true);
        QVERIFY(gathered.plan && gathered.plan->plan);
        QVERIFY(gathered.plan->latest.value(QStringLiteral("O1")).rating == model::ProgressRating::Much); // the later session's
        QVERIFY(!gathered.plan->latest.contains(QStringLiteral("O2")));
        QVERIFY(!reports::clientReport(*v, QStringLiteral("C-10")).plan); // off by default
    }

    const auto report = [this](const QString &user, const QString &client, const QString &file, bool withPlan) {
        QStringList args = {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"), client,
                            QStringLiteral("--out"), file};
        if (withPlan)
            args.append(QStringLiteral("--with-plan"));
        return cli(user, args);
    };
    const QString plain = out(QStringLiteral("client10.pdf"));
    Run r = report(QStringLiteral("alice"), QStringLiteral("C-10"), plain, false);
    QVERIFY2(r.code == 0, r.err.constData());
    const QString without = pdfText(plain);
    QVERIFY2(without.contains(QLatin1String("Client pattern report")), qPrintable(without));
    for (const char *absent : {"Treatment plan", "PROBLEMMARK", "OBJECTIVEMARK", "INTERVENTIONMARK"})
        QVERIFY2(!without.contains(QLatin1String(absent)), absent);

    const QString withPlan = out(QStringLiteral("client10-plan.pdf"));
    r = report(QStringLiteral("alice"), QStringLiteral("C-10"), withPlan, true);
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = pdfText(withPlan);
    for (const char *expected : {"Treatment plan", "2025-01-05", "Next review", "2025-04-05", "Problem 1", "PROBLEMMARK",
                                 "Goal 1.1", "GOALMARK", "O1", "OBJECTIVEMARK", "2025-06-01", "phq9 < 10", "client report",
                                 "INTERVENTIONMARK", "much progress", "(2025-03-03)", "O2", "not rated yet"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QVERIFY2(!text.contains(QLatin1String("some progress")), "an earlier rating shown as the latest");
    QVERIFY(!text.contains(canary, Qt::CaseInsensitive));

    // A client without a plan: the section says so.
    const QString none = out(QStringLiteral("client7-plan.pdf"));
    r = report(QStringLiteral("alice"), QStringLiteral("C-7"), none, true);
    QVERIFY2(r.code == 0, r.err.constData());
    QVERIFY(pdfText(none).contains(QLatin1String("No treatment plan on record.")));

    // An auditor may not read plans: refused in those words, and no file.
    const QString refused = out(QStringLiteral("client10-auditor.pdf"));
    r = report(QStringLiteral("ada"), QStringLiteral("C-10"), refused, true);
    QCOMPARE(r.code, 5);
    QVERIFY2(r.err.contains("cannot read treatment plans"), r.err.constData());
    QVERIFY(!QFile::exists(refused));
}

void ReportTest::clientReportEventsSectionIsOptIn()
{
    {
        auto v = open(QStringLiteral("alice"));
        model::Client c;
        c.code = QStringLiteral("C-11");
        c.displayName = QStringLiteral("Sam Example");
        (void)v->clients().add(c);
        // Two sessions give the report its months, which the events strip is drawn on.
        for (unsigned short day : {1, 24}) {
            model::Session s;
            s.date = model::Date(2025, 2, day);
            s.attendees.append({0, c.code, model::Attendance::Attended});
            const auto made = v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                                    {{QStringLiteral("Note"), QStringLiteral("We planned the week.")}});
            v->notes().sign(made.notes.first());
        }
        model::TreatmentEvent start;
        start.clientCode = c.code;
        start.kind = QStringLiteral("mat");
        start.date = model::Date(2025, 2, 3);
        start.medication = QStringLiteral("buprenorphine");
        start.change = QStringLiteral("start");
        start.dose = 8;
        start.unit = QStringLiteral("mg");
        start.note = QStringLiteral("EVENTNOTEMARK first dose in clinic");
        (void)v->treatmentEvents().add(start);
        model::TreatmentEvent screen;
        screen.clientCode = c.code;
        screen.kind = QStringLiteral("drug-screen");
        screen.date = model::Date(2025, 2, 17);
        screen.substance = QStringLiteral("opioids");
        screen.result = QStringLiteral("negative");
        screen.method = QStringLiteral("urine");
        (void)v->treatmentEvents().add(screen);
        QCOMPARE(reports::clientReport(*v, c.code, false, false, true).events->size(), 2);
        QVERIFY(!reports::clientReport(*v, c.code).events); // off by default
    }
    const auto report = [this](const QString &file, bool withEvents) {
        QStringList args = {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                            QStringLiteral("C-11"), QStringLiteral("--out"), file};
        if (withEvents)
            args.append(QStringLiteral("--with-events"));
        return cli(QStringLiteral("alice"), args);
    };
    const QString plain = out(QStringLiteral("client11.pdf"));
    Run r = report(plain, false);
    QVERIFY2(r.code == 0, r.err.constData());
    const QString without = pdfText(plain);
    for (const char *absent : {"Other treatment", "buprenorphine", "opioids"})
        QVERIFY2(!without.contains(QLatin1String(absent)), absent);

    const QString with = out(QStringLiteral("client11-events.pdf"));
    r = report(with, true);
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = pdfText(with);
    for (const char *expected : {"Other treatment", "2025-02-03", "buprenorphine start 8 mg", "2025-02-17", "drug-screen",
                                 "opioids negative (urine)"})
        QVERIFY2(text.contains(QLatin1String(expected)), expected);
    QVERIFY(!text.contains(QLatin1String("EVENTNOTEMARK")));
    QVERIFY(text.contains(QLatin1String("diamond"))); // the strip's key, under it
}

// The --with-events strip: each event at its day on the months' axis, a screen's result told by
// its shape (a filled diamond, a hollow ring), a medication change a line through the strip, an
// event outside the months not drawn.
void ReportTest::eventsChartMarksEachEventOnTheMonths()
{
    reports::ClientReport r;
    r.months = patterns::periods(model::Date(2025, 1, 1), model::Date(2025, 3, 31), patterns::Bucketing::Month);
    const QSize size(1200, 90);
    QVERIFY(reports::eventsChart(r, size).isNull()); // not asked for: nothing
    const auto event = [](model::Date date, const char *kind) {
        model::TreatmentEvent e;
        e.clientCode = QStringLiteral("C-1");
        e.kind = QLatin1String(kind);
        e.date = date;
        return e;
    };
    model::TreatmentEvent meeting = event(model::Date(2025, 1, 16), "mutual-help");
    meeting.program = QStringLiteral("aa");
    model::TreatmentEvent start = event(model::Date(2025, 2, 1), "mat");
    start.medication = QStringLiteral("buprenorphine");
    start.change = QStringLiteral("start");
    start.dose = 8;
    start.unit = QStringLiteral("mg");
    model::TreatmentEvent positive = event(model::Date(2025, 2, 16), "drug-screen");
    positive.substance = QStringLiteral("opioids");
    positive.result = QStringLiteral("positive");
    model::TreatmentEvent negative = positive;
    negative.date = model::Date(2025, 3, 16);
    negative.result = QStringLiteral("negative");
    model::TreatmentEvent later = meeting;
    later.date = model::Date(2025, 4, 10); // after the months
    r.events = QList<model::TreatmentEvent>{meeting, start, positive, negative, later};
    const QImage chart = reports::eventsChart(r, size);
    QCOMPARE(chart.size(), size);
    const QColor white(Qt::white);
    const int third = size.height() / 3;
    const auto at = [&](const model::Date &d, int y, int dx = 0) {
        return chart.pixelColor(qRound(reports::eventX(r, size, d)) + dx, y);
    };
    QVERIFY(at(meeting.date, third / 2) != white); // the tick, in the top third
    QCOMPARE(at(meeting.date, third * 3 / 2), white); // no screen under it
    QVERIFY(at(start.date, 2) != white); // the line through the strip
    QVERIFY(at(start.date, size.height() - 2) != white);
    const QColor diamond = at(positive.date, third * 3 / 2);
    QVERIFY2(diamond.red() > diamond.blue() + 60, qPrintable(diamond.name())); // filled
    QCOMPARE(at(negative.date, third * 3 / 2), white); // a ring: hollow in its middle …
    QVERIFY(at(negative.date, third * 3 / 2, qRound(third * 0.32)) != white); // … drawn round it
    // After the months: not drawn (the axis ends before it).
    QCOMPARE(at(later.date, third / 2), white);
    QCOMPARE(at(later.date, third / 2, 2), white);
    QCOMPARE(at(meeting.date, third / 2, 40), white);
    r.events = QList<model::TreatmentEvent>{};
    QVERIFY(chart != reports::eventsChart(r, size));
}

// --with-use-days: each substance's figures over the report's months, hand-counted, and each
// month's percent of its known days abstinent. Days recorded before the first session (a baseline
// follow-back) widen the months, as measures do. Off by default; the day's amount never printed.
void ReportTest::clientReportUseDaysSectionIsOptIn()
{
    {
        auto v = open(QStringLiteral("alice"));
        model::Client c;
        c.code = QStringLiteral("C-12");
        c.displayName = QStringLiteral("Lee Example");
        (void)v->clients().add(c);
        for (unsigned short day : {3, 24}) {
            model::Session s;
            s.date = model::Date(2025, 2, day);
            s.attendees.append({0, c.code, model::Attendance::Attended});
            const auto made = v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                                    {{QStringLiteral("Note"), QStringLiteral("We planned the week.")}});
            v->notes().sign(made.notes.first());
        }
        const auto record = [&](const char *substance, model::Date from, model::Date to, bool used,
                                std::optional<double> amount = {}) {
            model::UseDay day;
            day.clientCode = c.code;
            day.substance = QLatin1String(substance);
            day.used = used;
            day.amount = amount;
            day.source = QStringLiteral("recall");
            (void)v->useDays().record(day, from, to, UseDays::Recorded::Refuse);
        };
        // Alcohol: 10 days abstinent in January before the first session, a day used (its amount
        // is not printed), then February.
        record("alcohol", model::Date(2025, 1, 20), model::Date(2025, 1, 29), false);
        record("alcohol", model::Date(2025, 1, 30), model::Date(2025, 1, 30), true, 17);
        record("alcohol", model::Date(2025, 2, 1), model::Date(2025, 2, 14), false);
        record("alcohol", model::Date(2025, 2, 15), model::Date(2025, 2, 15), true);
        record("alcohol", model::Date(2025, 2, 16), model::Date(2025, 2, 20), false);
        record("cannabis", model::Date(2025, 2, 10), model::Date(2025, 2, 10), true);

        QVERIFY(!reports::clientReport(*v, c.code).useDays); // off by default
        const reports::ClientReport data = reports::clientReport(*v, c.code, false, false, false, true);
        QVERIFY(data.useDays);
        QCOMPARE(data.months.size(), 2); // January too, for the baseline
        QCOMPARE(model::toIso(*data.useDays->from), QStringLiteral("2025-01-01"));
        QCOMPARE(model::toIso(*data.useDays->to), QStringLiteral("2025-02-28"));
        QCOMPARE(data.useDays->figures.size(), 2);
        const model::UseDayFigures &alcohol = data.useDays->figures.at(0);
        QCOMPARE(alcohol.substance, QStringLiteral("alcohol"));
        // 59 days: 10 + 14 + 5 abstinent, 2 used, 28 unknown; 29 of 31 known.
        QCOMPARE(alcohol.days, 59);
        QCOMPARE(alcohol.abstinent, 29);
        QCOMPARE(alcohol.used, 2);
        QCOMPARE(alcohol.unknown, 28);
        QCOMPARE(alcohol.longestAbstinentRun, 14);
        QCOMPARE(alcohol.daysSinceLastUse, std::optional<int>(13)); // 15 to 28 February
        QCOMPARE(data.useDays->perMonth.at(0).at(0).abstinent, 10);
        QCOMPARE(data.useDays->perMonth.at(0).at(1).abstinent, 19);
    }
    const auto report = [this](const QString &file, bool withUseDays) {
        QStringList args = {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                            QStringLiteral("C-12"), QStringLiteral("--out"), file};
        if (withUseDays)
            args.append(QStringLiteral("--with-use-days"));
        return cli(QStringLiteral("alice"), args);
    };
    const QString plain = out(QStringLiteral("client12.pdf"));
    Run r = report(plain, false);
    QVERIFY2(r.code == 0, r.err.constData());
    const QString without = pdfText(plain);
    for (const char *absent : {"Use days", "Cannabis", "abstinent"})
        QVERIFY2(!without.contains(QLatin1String(absent)), absent);

    const QString with = out(QStringLiteral("client12-usedays.pdf"));
    r = report(with, true);
    QVERIFY2(r.code == 0, r.err.constData());
    const QString text = pdfText(with);
    QVERIFY(text.contains(QLatin1String("Use days")));
    QVERIFY(text.contains(QLatin1String("Days from 2025-01-01 to 2025-02-28")));
    // Substance, used, abstinent, unknown, percent of known days, longest run, days since last use.
    const auto hasRow = [&](const char *pattern) {
        return QRegularExpression(QString::fromUtf8(pattern)).match(text).hasMatch();
    };
    const QString section = text.mid(text.indexOf(QLatin1String("Use days")), 3000); // what a failure shows
    QVERIFY2(hasRow("Alcohol\\s+2\\s+29\\s+28\\s+94%\\s+14\\s+13\\b"), qPrintable(section));
    QVERIFY2(hasRow("Cannabis\\s+1\\s+0\\s+58\\s+0%\\s+0\\s+18\\b"), qPrintable(section));
    // By month: January 10 of 11 known days abstinent (91%), February 19 of 20 (95%); cannabis
    // none known in January, 0 of 1 in February.
    QVERIFY2(hasRow("2025-01\\s+91% of 11 known\\s+–"), qPrintable(section));
    QVERIFY2(hasRow("2025-02\\s+95% of 20 known\\s+0% of 1 known"), qPrintable(section));
    QVERIFY(text.simplified().contains(QLatin1String("a day with no entry is unknown and never counted as abstinent")));
    QVERIFY(!text.contains(QLatin1String("drinks"))); // a day's amount is the record's, not the report's
}

// The use days strip: a day used a tall filled bar, a day abstinent a low outlined one, an unknown
// day nothing, each at its day on the months' axis; nothing when the section was not asked for.
void ReportTest::useDaysChartTellsUsedFromAbstinentByShape()
{
    reports::ClientReport r;
    r.months = patterns::periods(model::Date(2025, 1, 1), model::Date(2025, 3, 31), patterns::Bucketing::Month);
    const QSize size(1200, 150); // one substance: a row of 100 pixels, its days in the top 50
    QVERIFY(reports::useDaysChart(r, size).isNull());
    QList<model::UseDay> days;
    const auto day = [&](model::Date date, bool used) {
        model::UseDay d;
        d.substance = QStringLiteral("alcohol");
        d.date = date;
        d.used = used;
        days.append(d);
    };
    day(model::Date(2025, 1, 10), true);
    for (unsigned short d = 1; d <= 20; ++d)
        day(model::Date(2025, 2, d), false);
    reports::UseDaySection section;
    section.from = model::Date(2025, 1, 1);
    section.to = model::Date(2025, 3, 31);
    section.figures = model::useDayFigures(days, *section.from, *section.to);
    for (const patterns::Period &m : r.months)
        section.perMonth.append(model::useDayFigures(days, m.start, m.end));
    section.perMonth = {QList<model::UseDayFigures>{section.perMonth.at(0).at(0), section.perMonth.at(1).at(0),
                                                    section.perMonth.at(2).at(0)}};
    r.useDays = section;
    const QImage chart = reports::useDaysChart(r, size);
    QCOMPARE(chart.size(), size);
    const QColor white(Qt::white);
    const auto at = [&](const model::Date &d, int y) { return chart.pixelColor(qRound(reports::eventX(r, size, d)), y); };
    const model::Date used(2025, 1, 10);
    const model::Date abstinent(2025, 2, 10);
    const model::Date unknown(2025, 3, 10);
    QVERIFY(at(used, 10) != white); // tall
    QVERIFY(at(used, 40) != white);
    QCOMPARE(at(abstinent, 10), white); // low …
    QVERIFY(at(abstinent, 40) != white); // … and drawn
    QCOMPARE(at(unknown, 40), white); // nothing
    QCOMPARE(at(model::Date(2025, 1, 11), 40), white); // the day after the one used: unknown
    const QColor usedInk = at(used, 40);
    const QColor abstinentInk = at(abstinent, 40);
    QVERIFY2(usedInk.lightness() < abstinentInk.lightness(), "used is filled dark, abstinent lightly");
}

void ReportTest::measuresChartDrawsEachInstrumentOnItsOwnBands()
{
    reports::ClientReport r;
    r.months = patterns::periods(model::Date(2025, 1, 1), model::Date(2025, 3, 31), patterns::Bucketing::Month);
    r.measures.append({QStringLiteral("phq9"), QStringLiteral("PHQ-9"), 27, {{model::Date(2025, 1, 16), 22, QStringLiteral("severe")}}, {}});
    r.measures.append({QStringLiteral("cssrs"), QStringLiteral("C-SSRS"), 6, {{model::Date(2025, 3, 16), 1, QStringLiteral("low")}}, {}});
    const QSize size(1200, 600);
    const QImage chart = reports::measuresChart(r, size);
    QCOMPARE(chart.size(), size);
    const QColor white(Qt::white);

    // PHQ-9, the first strip: in the middle of February (no score there), the severe band is tinted,
    // moderate less, minimal clear.
    const QRectF phq = reports::measureStripPlot(r, size, 0);
    const int x = qRound(phq.left() + phq.width() / 2);
    const auto at = [&](const QRectF &plot, int maxScore, double score) {
        return chart.pixelColor(x, qRound(reports::measureStripY(plot, maxScore, score)));
    };
    const QColor severe = at(phq, 27, 24);
    const QColor moderate = at(phq, 27, 12);
    QVERIFY2(severe != white && severe.red() > severe.blue(), qPrintable(severe.name()));
    QVERIFY2(moderate.green() > severe.green() && moderate != white, qPrintable(moderate.name()));
    QCOMPARE(at(phq, 27, 2), white);
    // The score on its own scale: 22 of 27 in the middle of January.
    const QColor dot = chart.pixelColor(qRound(phq.left() + phq.width() / 3.0 * 15.5 / 31.0), qRound(reports::measureStripY(phq, 27, 22)));
    QVERIFY2(dot.blue() > dot.red() + 60, qPrintable(dot.name()));

    // The C-SSRS strip below has no bands: clear at the top and bottom of its scale.
    const QRectF cssrs = reports::measureStripPlot(r, size, 1);
    QVERIFY(cssrs.top() > phq.bottom());
    QCOMPARE(at(cssrs, 6, 5.5), white);
    QCOMPARE(at(cssrs, 6, 0.5), white);
}

void ReportTest::themeColoursAreOkabeItoOnePerTheme()
{
    QSet<QRgb> palette;
    for (const QRgb rgb : reports::okabeIto)
        palette.insert(rgb);
    // Eight themes drawn together: eight different Okabe-Ito colours, whatever their ids.
    const QStringList drawn = {QStringLiteral("abandonment"), QStringLiteral("relapse"), QStringLiteral("substance-use"),
                               QStringLiteral("loneliness"), QStringLiteral("recovery-support"),
                               QStringLiteral("family-conflict"), QStringLiteral("anxiety"), QStringLiteral("depression")};
    QSet<QRgb> used;
    for (const QString &id : drawn) {
        const QColor colour = reports::themeColour(id, drawn);
        QVERIFY(palette.contains(colour.rgb() & 0xFFFFFF));
        used.insert(colour.rgb());
        // The same theme among the same themes: the same colour, in any order of the list.
        QStringList reversed = drawn;
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(reports::themeColour(id, reversed), colour);
        QCOMPARE(reports::themeColourName(id, drawn), colour.name());
        // Black is replaced on a dark background.
        QVERIFY(reports::themeColour(id, drawn, true).rgb() != QColor(Qt::black).rgb());
    }
    QCOMPARE(used.size(), 8);
    // Alone, a theme has its own colour, the same each time.
    QCOMPARE(reports::themeColour(QStringLiteral("relapse"), {}), reports::themeColour(QStringLiteral("relapse"), {}));
}

void ReportTest::everyReportIsAnAuditEvent()
{
    auto v = open(QStringLiteral("sam"));
    const QList<AuditEntry> trail = v->auditTrail().entries();
    auto has = [&](const QString &user, const QString &action, const QString &object) {
        return std::any_of(trail.begin(), trail.end(), [&](const AuditEntry &e) {
            return e.user == user && e.action == action && e.object == object;
        });
    };
    Id aliceId = 0;
    for (const model::User &u : v->users())
        if (u.name == u"alice")
            aliceId = u.id;
    QVERIFY(has(QStringLiteral("alice"), QStringLiteral("report"), QStringLiteral("client:%1").arg(m_clientId)));
    QVERIFY(has(QStringLiteral("alice"), QStringLiteral("report"), QStringLiteral("note:%1").arg(m_progress.at(0))));
    QVERIFY(has(QStringLiteral("sam"), QStringLiteral("report"), QStringLiteral("user:%1").arg(aliceId)));
    QVERIFY(has(QStringLiteral("sam"), QStringLiteral("export"), QStringLiteral("audit")));
    // The refused print of the process note left no report behind.
    QVERIFY(!has(QStringLiteral("alice"), QStringLiteral("report"), QStringLiteral("note:%1").arg(m_process)));
    for (const AuditEntry &e : trail)
        for (const QString &secretText : {canary, QStringLiteral("Robin"), QStringLiteral("SUMMARYMARK"), QStringLiteral("COMMENTMARK")})
            QVERIFY2(!e.detail.contains(secretText) && !e.object.contains(secretText), qPrintable(e.action));
}

// A group of three written in one sitting: the first member's part (gambling, a relapse) is in no
// print of the second's, neither her client report nor her note; the group's part is.
void ReportTest::aGroupMembersPrintsHoldNoneOfAnothersPart()
{
    Id bNote = 0;
    {
        auto v = open(QStringLiteral("alice"));
        for (const char *code : {"G-A", "G-B", "G-C"}) {
            model::Client c;
            c.code = QString::fromLatin1(code);
            c.displayName = QStringLiteral("Member ") + c.code;
            v->clients().add(c);
        }
        model::Session s;
        s.date = model::Date(2025, 6, 3);
        s.start = model::parseTime(QStringLiteral("18:00"));
        s.minutes = 90;
        s.modality = model::Modality::Group;
        for (const char *code : {"G-A", "G-B", "G-C"})
            s.attendees.append({0, QString::fromLatin1(code), model::Attendance::Attended});
        const QList<model::Section> note = {
            {QStringLiteral("Group topic"), QStringLiteral("GROUPMARK weekends without drinking")},
            {QStringLiteral("Group process"), QStringLiteral("We drew a relapse prevention map together.")},
            {QStringLiteral("Member G-A"), QStringLiteral("He gambled his wages at the BOOKMAKERMARK and had a relapse.")},
            {QStringLiteral("Member G-B"), QStringLiteral("She spoke of her sister and felt hopeful.")},
            {QStringLiteral("Member G-C"), QStringLiteral("Quiet; listened.")}};
        const auto made = v->notes().addSession(s, QStringLiteral("group"), model::NoteKind::Progress, note);
        for (const Id id : made.notes)
            v->notes().sign(id);
        bNote = made.notes.at(1);
    }
    const QString client = out(QStringLiteral("group-b.pdf"));
    Run r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("client"), QStringLiteral("--client"),
                                          QStringLiteral("G-B"), QStringLiteral("--out"), client});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString noteFile = out(QStringLiteral("group-b-note.pdf"));
    r = cli(QStringLiteral("alice"), {QStringLiteral("report"), QStringLiteral("note"), QString::number(bNote),
                                      QStringLiteral("--out"), noteFile});
    QVERIFY2(r.code == 0, r.err.constData());
    const QString printed = pdfText(noteFile);
    QVERIFY2(printed.contains(QLatin1String("GROUPMARK")) && printed.contains(QLatin1String("her sister")),
             qPrintable(printed));
    for (const QString &text : {pdfText(client), printed}) {
        QVERIFY(!text.isEmpty());
        for (const char *his : {"BOOKMAKERMARK", "gambled", "wages", "G-A"})
            QVERIFY2(!text.contains(QLatin1String(his)), his);
    }
}

QTEST_MAIN(ReportTest)
#include "reporttest.moc"
