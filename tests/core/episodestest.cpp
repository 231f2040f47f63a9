// SPDX-License-Identifier: GPL-3.0-or-later
// The course of care (docs/patterns.md, "Episodes"): episodes at a level of care that never overlap,
// ended at step-down, audited, a therapist's to write; and as undercurrent-cli's contract: episode
// add|list|end and patterns --episode, which analyses exactly one episode's sessions.
#include "clirun.h"
#include "common/error.h"
#include "model/episode.h"
#include "testvault.h"
#include "vault/keyslots.h"
#include "vault/vault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace uc;
using namespace Qt::StringLiterals;
using uc::testing::errorOf;

namespace {

constexpr std::string_view passphrase = "episodes test passphrase";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphrase);
}

model::Date day(const char *iso)
{
    return *model::parseDate(QString::fromLatin1(iso));
}

model::Episode episode(const QString &level, const char *start, const char *end = nullptr)
{
    model::Episode e;
    e.clientCode = u"C-1"_s;
    e.level = level;
    e.start = day(start);
    if (end != nullptr)
        e.end = day(end);
    return e;
}

} // namespace

class EpisodesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void levels();
    void overlapsAreRefused();
    void endingAtStepDown();
    void rolesAndAudit();
    void cliContract();
    void patternsByEpisode();

private:
    using Run = clirun::Run;
    Run cli(QStringList args, const QString &user = u"alice"_s);
    QString file(const QString &name, const QByteArray &content);
    std::unique_ptr<vault::Vault> open(const QString &user) { return vault::Vault::open(m_inProcess, user, secret()); }

    QTemporaryDir m_dir;
    QString m_inProcess;
    QString m_vault;
    QString m_pass;
};

EpisodesTest::Run EpisodesTest::cli(QStringList args, const QString &user)
{
    return clirun::cli(std::move(args), m_vault, user, m_pass);
}

QString EpisodesTest::file(const QString &name, const QByteArray &content)
{
    return clirun::file(m_dir, name, content);
}

void EpisodesTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_inProcess = m_dir.filePath(u"inprocess"_s);
    auto v = vault::Vault::create(m_inProcess, u"alice"_s, secret(), model::Role::Therapist, vault::KdfCost::testOnly()).vault;
    v->addUser(u"sam"_s, model::Role::Supervisor, secret(), vault::KdfCost::testOnly());
    model::Client c;
    c.code = u"C-1"_s;
    c.displayName = u"Client One"_s;
    v->clients().add(c);

    m_vault = m_dir.filePath(u"vault"_s);
    m_pass = file(u"pass"_s, "a long enough passphrase\n");
    QVERIFY(clirun::cheapVault(m_vault, "a long enough passphrase"));
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-1"_s, u"--name"_s, u"Client One"_s}).code, 0);
    QCOMPARE(cli({u"client"_s, u"add"_s, u"--code"_s, u"C-2"_s, u"--name"_s, u"Client Two"_s}).code, 0);
}

void EpisodesTest::levels()
{
    QCOMPARE(model::parseLevel(u"Intensive Outpatient"_s), std::optional(u"intensive-outpatient"_s));
    QCOMPARE(model::parseLevel(u"IOP"_s), std::optional(u"intensive-outpatient"_s));
    QCOMPARE(model::parseLevel(u"sober-living"_s), std::optional(u"sober-living"_s));
    QVERIFY(!model::parseLevel(u"x"_s));
    QVERIFY(!model::parseLevel(u"detox; DROP TABLE"_s));
    QVERIFY(!model::parseLevel(QString(41, u'a')));
    QCOMPARE(model::knownLevels().size(), 4);
}

void EpisodesTest::overlapsAreRefused()
{
    auto v = open(u"alice"_s);
    const model::Id residential = v->episodes().add(episode(u"residential"_s, "2025-01-06", "2025-02-02"));
    QVERIFY(residential > 0);
    const model::Id iop = v->episodes().add(episode(u"iop"_s, "2025-02-03"));
    QCOMPARE(v->episodes().find(iop).level, u"intensive-outpatient"_s);

    // Inside, across the start, across the end, and after an open episode: each refused, nothing written.
    for (const auto &[start, end] : {std::pair{"2025-01-10", "2025-01-20"}, std::pair{"2024-12-01", "2025-01-06"},
                                     std::pair{"2025-02-02", "2025-02-10"}, std::pair{"2025-06-01", "2025-07-01"}}) {
        const auto refused = errorOf([&] { (void)v->episodes().add(episode(u"outpatient"_s, start, end)); });
        QVERIFY2(refused, start);
        QCOMPARE(refused->kind(), ErrorKind::Conflict);
    }
    const auto backwards = errorOf([&] { (void)v->episodes().add(episode(u"outpatient"_s, "2024-05-02", "2024-05-01")); });
    QVERIFY(backwards);
    QCOMPARE(backwards->kind(), ErrorKind::Io);
    const auto unknownClient = errorOf([&] {
        model::Episode e = episode(u"outpatient"_s, "2024-01-01", "2024-01-31");
        e.clientCode = u"C-404"_s;
        (void)v->episodes().add(e);
    });
    QVERIFY(unknownClient);
    QCOMPARE(unknownClient->kind(), ErrorKind::Io);
    QVERIFY(errorOf([&] { (void)v->episodes().add(episode(u"no"_s, "2024-01-01", "2024-01-31")); }));
    // Before the first one is fine.
    QVERIFY(v->episodes().add(episode(u"outpatient"_s, "2024-09-01", "2025-01-05")) > 0);
    const auto list = v->episodes().list(u"C-1"_s);
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.first().level, u"outpatient"_s); // by start date
    QCOMPARE(list.at(1).id, residential);
}

void EpisodesTest::endingAtStepDown()
{
    auto v = open(u"alice"_s);
    const model::Id iop = v->episodes().list(u"C-1"_s).last().id;
    QVERIFY(!v->episodes().find(iop).end);
    QCOMPARE(errorOf([&] { v->episodes().end(iop, day("2025-01-01")); })->kind(), ErrorKind::Io);
    v->episodes().end(iop, day("2025-04-30"));
    QCOMPARE(*v->episodes().find(iop).end, day("2025-04-30"));
    QCOMPARE(errorOf([&] { v->episodes().end(iop, day("2025-05-30")); })->kind(), ErrorKind::Conflict);
    QCOMPARE(errorOf([&] { v->episodes().end(9999, day("2025-05-30")); })->kind(), ErrorKind::Io);
    QVERIFY(v->episodes().add(episode(u"aftercare"_s, "2025-05-01")) > 0);
    QVERIFY(v->episodes().find(iop).holds(day("2025-04-30")));
    QVERIFY(!v->episodes().find(iop).holds(day("2025-05-01")));
}

void EpisodesTest::rolesAndAudit()
{
    {
        auto sam = open(u"sam"_s);
        QCOMPARE(sam->episodes().list(u"C-1"_s).size(), 4);
        const auto refused = errorOf([&] { (void)sam->episodes().add(episode(u"outpatient"_s, "2023-01-01", "2023-02-01")); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::NotAllowed);
    }
    auto alice = open(u"alice"_s);
    int added = 0;
    int ended = 0;
    for (const auto &e : alice->auditTrail().entries()) {
        added += e.action == u"add-episode"_s ? 1 : 0;
        ended += e.action == u"end-episode"_s ? 1 : 0;
    }
    QCOMPARE(added, 4);
    QCOMPARE(ended, 1);
}

void EpisodesTest::cliContract()
{
    const Run added = cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"residential"_s, u"--start"_s,
                           u"2025-01-06"_s, u"--end"_s, u"2025-02-02"_s, u"--service"_s, u"Riverside House"_s, u"--json"_s});
    QCOMPARE(added.code, 0);
    QCOMPARE(QJsonDocument::fromJson(added.out).object().value("id"_L1).toInt(), 1);
    const Run open = cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"IOP"_s, u"--start"_s, u"2025-02-03"_s});
    QCOMPARE(open.code, 0);
    QCOMPARE(open.out, QByteArray("episode 2 added\n"));

    const Run overlap = cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"outpatient"_s, u"--start"_s,
                             u"2025-03-01"_s});
    QCOMPARE(overlap.code, 6);
    QVERIFY(overlap.err.contains("episode 2"));
    QVERIFY(overlap.err.contains("end it first"));
    QCOMPARE(cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"x"_s, u"--start"_s, u"2024-01-01"_s}).code, 2);
    QCOMPARE(cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"outpatient"_s, u"--start"_s, u"2024-02-30"_s}).code, 2);
    QCOMPARE(cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"outpatient"_s}).code, 1);
    QCOMPARE(cli({u"episode"_s, u"end"_s, u"2"_s, u"--date"_s, u"2025-04-30"_s}).code, 0);
    QCOMPARE(cli({u"episode"_s, u"end"_s, u"2"_s, u"--date"_s, u"2025-05-30"_s}).code, 6);
    QCOMPARE(cli({u"episode"_s, u"end"_s, u"two"_s, u"--date"_s, u"2025-05-30"_s}).code, 2);
    QCOMPARE(cli({u"episode"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--level"_s, u"aftercare"_s, u"--start"_s, u"2025-05-01"_s}).code, 0);

    const Run list = cli({u"episode"_s, u"list"_s, u"--client"_s, u"C-1"_s, u"--json"_s});
    QCOMPARE(list.code, 0);
    const QJsonArray episodes = QJsonDocument::fromJson(list.out).array();
    QCOMPARE(episodes.size(), 3);
    const QJsonObject first = episodes.at(0).toObject();
    QCOMPARE(first.value("level"_L1).toString(), u"residential"_s);
    QCOMPARE(first.value("start"_L1).toString(), u"2025-01-06"_s);
    QCOMPARE(first.value("end"_L1).toString(), u"2025-02-02"_s);
    QCOMPARE(first.value("service"_L1).toString(), u"Riverside House"_s);
    QCOMPARE(episodes.at(1).toObject().value("level"_L1).toString(), u"intensive-outpatient"_s);
    QVERIFY(episodes.at(2).toObject().value("end"_L1).isNull());
    // The service's name never reaches the audit trail.
    QVERIFY(!cli({u"audit"_s, u"list"_s, u"--json"_s}).out.contains("Riverside"));
}

void EpisodesTest::patternsByEpisode()
{
    // Two sessions in residential care, three in IOP, one in aftercare.
    int n = 0;
    for (const char *date : {"2025-01-13", "2025-01-27", "2025-02-10", "2025-03-10", "2025-04-14", "2025-05-12"}) {
        const QString note = file(u"note%1"_s.arg(++n), "Cravings after the call with her sister.\n");
        QCOMPARE(cli({u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, QString::fromLatin1(date), u"--note-file"_s, note}).code, 0);
    }
    const auto attendedIn = [&](const QStringList &extra) {
        const Run r = cli(QStringList{u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--json"_s} + extra);
        return r.code == 0 ? QJsonDocument::fromJson(r.out).object() : QJsonObject{{u"exit"_s, r.code}};
    };
    const QJsonObject all = attendedIn({});
    QCOMPARE(all.value("attendance"_L1).toObject().value("attended"_L1).toInt(), 6);
    QCOMPARE(all.value("episodes"_L1).toArray().size(), 3);
    QVERIFY(all.value("episode"_L1).isNull());

    const QJsonObject iop = attendedIn({u"--episode"_s, u"2"_s});
    QCOMPARE(iop.value("attendance"_L1).toObject().value("attended"_L1).toInt(), 3);
    QCOMPARE(iop.value("from"_L1).toString(), u"2025-02-03"_s);
    QCOMPARE(iop.value("to"_L1).toString(), u"2025-04-30"_s);
    QCOMPARE(iop.value("episode"_L1).toInt(), 2);
    const QJsonObject aftercare = attendedIn({u"--episode"_s, u"3"_s}); // open: to the last session
    QCOMPARE(aftercare.value("attendance"_L1).toObject().value("attended"_L1).toInt(), 1);

    QCOMPARE(attendedIn({u"--episode"_s, u"2"_s, u"--from"_s, u"2025-01-01"_s}).value("exit"_L1).toInt(), 1);
    QCOMPARE(attendedIn({u"--episode"_s, u"99"_s}).value("exit"_L1).toInt(), 2);
    // The refusal names the option, as every other refusal of the CLI does.
    const Run unknown = cli({u"patterns"_s, u"--client"_s, u"C-1"_s, u"--by"_s, u"month"_s, u"--episode"_s, u"99"_s});
    QVERIFY2(unknown.err.contains("--episode: the client has no episode with that id"), unknown.err.constData());
    const Run caseload = cli({u"patterns"_s, u"--caseload"_s, u"--by"_s, u"month"_s, u"--episode"_s, u"2"_s});
    QCOMPARE(caseload.code, 1);
    // Another client's episode is not this client's range.
    const Run other = cli({u"patterns"_s, u"--client"_s, u"C-2"_s, u"--by"_s, u"month"_s, u"--episode"_s, u"2"_s});
    QCOMPARE(other.code, 2);
}

QTEST_GUILESS_MAIN(EpisodesTest)
#include "episodestest.moc"
