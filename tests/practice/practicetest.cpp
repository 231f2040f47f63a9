// SPDX-License-Identifier: GPL-3.0-or-later
// The practice server's first slice as a practice uses it (docs/practice.md): the server script,
// `practice init`, `invite`, `join` of a supervisor from their own vault, and `status`, against a
// real PostgreSQL cluster over TLS with client certificates.
#include "clirun.h"
#include "practicecluster.h"

#include "vault/vault.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using clirun::Run;
using uc::vault::Vault;

class PracticeTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    QString m_alice, m_sam, m_pass;

    Run as(const QString &vault, const QString &user, QStringList args)
    {
        return clirun::cli(std::move(args), vault, user, m_pass);
    }
    QJsonObject statusOf(const QString &vault, const QString &user)
    {
        const Run r = as(vault, user, {u"practice"_s, u"status"_s, u"--json"_s});
        if (r.code != 0)
            qWarning("%s", r.err.constData());
        return QJsonDocument::fromJson(r.out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
        QVERIFY2(m_server.start(), m_server.output().constData());
        m_pass = clirun::file(m_dir, u"pass"_s, "a passphrase for the practice test\n");
        m_alice = m_dir.filePath(u"alice"_s);
        m_sam = m_dir.filePath(u"sam"_s);
        // Each clinician their own vault: alice (therapist, her vault's administrator) and sam, a
        // supervisor in his.
        QVERIFY(clirun::cheapVault(m_alice, "a passphrase for the practice test", u"alice"_s,
                                   {{u"bob"_s, model::Role::Therapist}}));
        Vault::create(m_sam, u"sam"_s, SecretBuffer::copyOf("a passphrase for the practice test"),
                      model::Role::Supervisor, vault::KdfCost::testOnly());
    }

    void theServerScriptIsIdempotentAndSaysWhereItIs()
    {
        const practicetest::Script again = practicetest::practiceServer({u"start"_s, m_server.dir()});
        QCOMPARE(again.code, 0);
        QVERIFY2(again.out.contains(QByteArray("server URL: " + m_server.url().toUtf8() + '\n')), again.out.constData());
        QVERIFY(again.out.contains(QByteArray("CA file: " + m_server.caFile().toUtf8())));
        const practicetest::Script status = practicetest::practiceServer({u"status"_s, m_server.dir()});
        QCOMPARE(status.code, 0);
        QVERIFY(status.out.startsWith("running\n"));
        QCOMPARE(practicetest::practiceServer({u"start"_s}).code, 1);
        QCOMPARE(practicetest::practiceServer({u"restart"_s, m_server.dir()}).code, 1);
        QCOMPARE(practicetest::practiceServer({u"status"_s, m_dir.filePath(u"nothing-here"_s)}).code, 3);
        // Certificates only over TCP: no password line, no trust line.
        const QByteArray hba = m_server.operatorSql("SHOW hba_file").out.trimmed();
        const practicetest::Script rules =
            m_server.operatorSql("SELECT type, auth_method FROM pg_hba_file_rules ORDER BY line_number");
        QCOMPARE(rules.code, 0);
        QVERIFY2(!hba.isEmpty(), rules.err.constData());
        QCOMPARE(rules.out, QByteArray("local|peer\nhostssl|cert\n"));
    }

    void theAdministratorStartsInvitesAndASupervisorJoins()
    {
        const Run init = as(m_alice, u"alice"_s,
                            {u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s, m_server.caFile(),
                             u"--ca-key"_s, m_server.caKeyFile()});
        QVERIFY2(init.code == 0, init.err.constData());
        QVERIFY(init.out.startsWith(QByteArray("practice started on " + m_server.url().toUtf8())));
        QJsonObject alice = statusOf(m_alice, u"alice"_s);
        QCOMPARE(alice.value("members"_L1).toInt(), 1);
        QCOMPARE(alice.value("certified"_L1).toInt(), 1);
        QVERIFY(alice.value("admin"_L1).toBool());
        QVERIFY(alice.value("self_certified"_L1).toBool());

        const Run invite = as(m_alice, u"alice"_s, {u"practice"_s, u"invite"_s, u"sam"_s, u"--role"_s, u"supervisor"_s});
        QVERIFY2(invite.code == 0, invite.err.constData());
        const QByteArray code = invite.out.trimmed();
        QVERIFY(code.startsWith("uc-invite-1."));
        QVERIFY(!code.contains('\n'));

        // The code on the command line, as the issue names it (--invite-file is the other form).
        const Run join = as(m_sam, u"sam"_s,
                            {u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s, QString::fromLatin1(code)});
        QVERIFY2(join.code == 0, join.err.constData());
        QVERIFY(join.out.contains("(supervisor)"));
        QVERIFY(!join.out.contains("PRIVATE KEY") && !join.err.contains("PRIVATE KEY"));

        // Joined, but not yet certified: the administrator's next status certifies the key.
        QJsonObject sam = statusOf(m_sam, u"sam"_s);
        QCOMPARE(sam.value("role"_L1).toString(), u"supervisor"_s);
        QCOMPARE(sam.value("joined"_L1).toInt(), 2);
        QVERIFY(!sam.value("self_certified"_L1).toBool());
        QCOMPARE(sam.value("ca_sha256"_L1), alice.value("ca_sha256"_L1));
        alice = statusOf(m_alice, u"alice"_s);
        QCOMPARE(alice.value("certified_now"_L1).toInt(), 1);
        QCOMPARE(alice.value("certified"_L1).toInt(), 2);
        sam = statusOf(m_sam, u"sam"_s);
        QVERIFY(sam.value("self_certified"_L1).toBool());
        QCOMPARE(sam.value("certified"_L1).toInt(), 2);
        // The trail as the matrix says: the administrator reads all of it (init, invite, join,
        // certify), the supervisor their own entries only (join).
        QCOMPARE(alice.value("audit_entries"_L1).toInt(), 4);
        QCOMPARE(sam.value("audit_entries"_L1).toInt(), 1);

        // An invitation is used once: the server refuses a second registration under the same role,
        // from whoever holds the code.
        const QString sam2 = m_dir.filePath(u"sam2"_s);
        Vault::create(sam2, u"sam"_s, SecretBuffer::copyOf("a passphrase for the practice test"),
                      model::Role::Supervisor, vault::KdfCost::testOnly());
        const Run again = as(sam2, u"sam"_s,
                             {u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s, QString::fromLatin1(code)});
        QCOMPARE(again.code, 5);
        QVERIFY2(again.err.contains("joining the practice"), again.err.constData());
        QVERIFY(!QFile::exists(sam2 + u"/practice/user-1/membership.json"_s));
        // A second init or join where there is a membership already is a conflict.
        QCOMPARE(as(m_sam, u"sam"_s, {u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s,
                                      QString::fromLatin1(code)})
                     .code,
                 6);
        QCOMPARE(as(m_alice, u"alice"_s, {u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s,
                                          m_server.caFile(), u"--ca-key"_s, m_server.caKeyFile()})
                     .code,
                 6);
    }

    void theMembersFilesKeepTheirKeysEncrypted()
    {
        for (const QString &vault : {m_alice, m_sam}) {
            const QString folder = vault + u"/practice/user-1/"_s;
            QFile key(folder + u"client.key"_s);
            QVERIFY2(key.open(QIODevice::ReadOnly), qPrintable(folder));
            QVERIFY(key.readAll().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
            QCOMPARE(key.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
        }
        QFile caKey(m_alice + u"/practice/user-1/ca.key"_s);
        QVERIFY(caKey.open(QIODevice::ReadOnly));
        QVERIFY(caKey.readAll().startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
        QVERIFY(!QFile::exists(m_sam + u"/practice/user-1/ca.key"_s));
    }

    void theServerHoldsNoNames()
    {
        // Pseudonymous ids, roles and keys: neither "alice" nor "sam" is anywhere in the roster.
        const practicetest::Script roster = m_server.operatorSql("SELECT * FROM uc.members; SELECT * FROM uc.audit;");
        QCOMPARE(roster.code, 0);
        QVERIFY(roster.out.contains("supervisor"));
        QVERIFY(!roster.out.contains("alice") && !roster.out.contains("sam"));
    }

    void badLinesAreRefusedBeforeAnythingChanges()
    {
        QCOMPARE(as(m_alice, u"alice"_s, {u"practice"_s, u"invite"_s, u"carol"_s, u"--role"_s, u"boss"_s}).code, 2);
        QCOMPARE(as(m_alice, u"alice"_s, {u"practice"_s, u"invite"_s, u"--role"_s, u"therapist"_s}).code, 1);
        QCOMPARE(as(m_sam, u"sam"_s, {u"practice"_s, u"join"_s, u"--server"_s, m_server.url()}).code, 1);
        const Run url = as(m_sam, u"sam"_s,
                           {u"practice"_s, u"join"_s, u"--server"_s, u"postgresql://sam:pw@127.0.0.1:1/practice"_s,
                            u"--invite"_s, u"uc-invite-1.e30"_s});
        QCOMPARE(url.code, 1);
        QVERIFY(url.err.contains("no user, password or options"));
        QCOMPARE(as(m_sam, u"sam"_s, {u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s, u"hello"_s}).code, 1);
        // bob has joined nothing.
        const Run none = as(m_alice, u"bob"_s, {u"practice"_s, u"status"_s});
        QCOMPARE(none.code, 6);
        QVERIFY(none.err.contains("not a member of a practice"));
        QCOMPARE(statusOf(m_alice, u"alice"_s).value("members"_L1).toInt(), 2);
    }

    void cleanupTestCase()
    {
        // Stopped and said so; a second stop is not an error.
        if (m_server.url().isEmpty())
            return;
        QCOMPARE(practicetest::practiceServer({u"stop"_s, m_server.dir()}).out, QByteArray("stopped\n"));
        QCOMPARE(practicetest::practiceServer({u"status"_s, m_server.dir()}).code, 3);
        QCOMPARE(practicetest::practiceServer({u"stop"_s, m_server.dir()}).out, QByteArray("not running\n"));
    }
};

QTEST_GUILESS_MAIN(PracticeTest)

#include "practicetest.moc"
