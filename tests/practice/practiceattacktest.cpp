// SPDX-License-Identifier: GPL-3.0-or-later
// The practice server's first slice against an attacker (docs/practice.md, "What each party can
// do"): an edited or forged invitation code, a server presenting another CA, a server operator who
// rewrites the roster, a member who is not the administrator inviting, a member rewriting the
// audit table, and an edited membership file.
#include "clirun.h"
#include "practicecluster.h"

#include "practice/auditchain.h"
#include "practice/connection.h"
#include "practice/invitation.h"
#include "practice/practice.h"
#include "vault/vault.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace uc;
using clirun::Run;
using uc::vault::Vault;

namespace {

constexpr auto passphrase = "a passphrase for the attack test";

// The code's JSON, and the code back from it (the signature kept as it was).
QJsonObject payloadOf(const QByteArray &code)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(code.mid(12), QByteArray::Base64UrlEncoding)).object();
}
QString codeOf(const QJsonObject &payload)
{
    return u"uc-invite-1."_s
        + QString::fromLatin1(QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

class PracticeAttackTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    practicetest::Cluster m_other; // another practice's server, with another CA
    QString m_alice, m_sam, m_pass;
    QByteArray m_code;

    Run as(const QString &vault, const QString &user, QStringList args)
    {
        return clirun::cli(std::move(args), vault, user, m_pass);
    }
    Run join(const QString &server, const QString &code)
    {
        return as(m_sam, u"sam"_s, {u"practice"_s, u"join"_s, u"--server"_s, server, u"--invite"_s, code});
    }
    // A refused join leaves nothing: no membership, and none of the files it wrote on the way.
    [[nodiscard]] bool samIsAMember() const
    {
        const QDir folder(m_sam + u"/practice/user-1"_s);
        return folder.exists() && !folder.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
        QVERIFY2(m_server.start(), m_server.output().constData());
        QVERIFY2(m_other.start(), m_other.output().constData());
        m_pass = clirun::file(m_dir, u"pass"_s, QByteArray(passphrase) + '\n');
        m_alice = m_dir.filePath(u"alice"_s);
        m_sam = m_dir.filePath(u"sam"_s);
        QVERIFY(clirun::cheapVault(m_alice, passphrase, u"alice"_s, {{u"bob"_s, model::Role::Therapist}}));
        Vault::create(m_sam, u"sam"_s, SecretBuffer::copyOf(passphrase), model::Role::Supervisor, vault::KdfCost::testOnly());
        const Run init = as(m_alice, u"alice"_s,
                            {u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s, m_server.caFile(),
                             u"--ca-key"_s, m_server.caKeyFile()});
        QVERIFY2(init.code == 0, init.err.constData());
        const Run invite = as(m_alice, u"alice"_s, {u"practice"_s, u"invite"_s, u"sam"_s, u"--role"_s, u"supervisor"_s});
        QVERIFY2(invite.code == 0, invite.err.constData());
        m_code = invite.out.trimmed();
    }

    void anInitAgainstAServerOfAnotherCaIsRefused()
    {
        // bob's vault is alice's; a fresh administrator vault tries the other server with this CA.
        const QString carol = m_dir.filePath(u"carol"_s);
        QVERIFY(clirun::cheapVault(carol, passphrase, u"carol"_s));
        const Run r = as(carol, u"carol"_s,
                         {u"practice"_s, u"init"_s, u"--server"_s, m_other.url(), u"--ca"_s, m_server.caFile(),
                          u"--ca-key"_s, m_server.caKeyFile()});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("does not verify against the practice CA"), r.err.constData());
        // A CA key that is not the CA's: bad input, before any connection.
        const Run wrongKey = as(carol, u"carol"_s,
                                {u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s,
                                 m_server.caFile(), u"--ca-key"_s, m_other.caKeyFile()});
        QCOMPARE(wrongKey.code, 2);
    }

    void anInitWhoseLocalSaveFailsIsFinishedByARetry()
    {
        // The server part of carol's init succeeds, then her machine cannot save the membership (a
        // dangling symbolic link where membership.json goes: the tests run as root, whom a read-only
        // folder does not stop). She is told to run it again; until then every command says so.
        const QString carol = m_dir.filePath(u"carol"_s);
        const QString link = carol + u"/practice/user-1/membership.json"_s;
        QVERIFY(QDir().mkpath(carol + u"/practice/user-1"_s));
        QVERIFY(QFile::link(m_dir.filePath(u"nowhere"_s), link));
        const QStringList init{u"practice"_s, u"init"_s, u"--server"_s, m_other.url(), u"--ca"_s, m_other.caFile(),
                               u"--ca-key"_s, m_other.caKeyFile()};
        const Run failed = as(carol, u"carol"_s, init);
        QCOMPARE(failed.code, 2);
        QVERIFY2(failed.err.contains("the practice server has it") && failed.err.contains("run practice init again"),
                 failed.err.constData());
        QCOMPARE(m_other.operatorSql("SELECT count(*) FROM uc.members").out.trimmed(), QByteArray("1"));
        const Run status = as(carol, u"carol"_s, {u"practice"_s, u"status"_s});
        QCOMPARE(status.code, 6);
        QVERIFY2(status.err.contains("did not finish: run practice init again"), status.err.constData());
        QCOMPARE(as(carol, u"carol"_s, {u"practice"_s, u"invite"_s, u"x"_s, u"--role"_s, u"therapist"_s}).code, 6);
        // Another server than the unfinished one's: refused, the unfinished state kept.
        const Run elsewhere = as(carol, u"carol"_s,
                                 {u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s,
                                  m_server.caFile(), u"--ca-key"_s, m_server.caKeyFile()});
        QCOMPARE(elsewhere.code, 6);
        // The retry finds its own practice on the server and completes; nothing is made twice.
        QVERIFY(QFile::remove(link));
        const Run retry = as(carol, u"carol"_s, init);
        QVERIFY2(retry.code == 0, retry.err.constData());
        QVERIFY(!QFile::exists(carol + u"/practice/user-1/membership.pending.json"_s));
        QCOMPARE(m_other.operatorSql("SELECT count(*) FROM uc.members").out.trimmed(), QByteArray("1"));
        const Run after = as(carol, u"carol"_s, {u"practice"_s, u"status"_s});
        QVERIFY2(after.code == 0 && after.out.contains("certified"), after.err.constData());
        QCOMPARE(as(carol, u"carol"_s, {u"practice"_s, u"invite"_s, u"x"_s, u"--role"_s, u"therapist"_s}).code, 0);
    }

    void anEditedInvitationIsRefused_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("another administrator key") << u"admin_key"_s;
        QTest::newRow("another CA fingerprint") << u"ca_sha256"_s;
        QTest::newRow("another CA") << u"ca"_s;
        QTest::newRow("another role") << u"role"_s;
    }
    void anEditedInvitationIsRefused()
    {
        QFETCH(QString, field);
        QJsonObject payload = payloadOf(m_code);
        QVERIFY(payload.contains(field));
        QByteArray other(32, '\0');
        randombytes_buf(other.data(), 32);
        if (field == u"admin_key")
            payload.insert(field, QString::fromLatin1(other.toBase64()));
        else if (field == u"ca_sha256")
            payload.insert(field, QString::fromLatin1(other.toHex()));
        else if (field == u"ca") {
            QFile ca(m_other.caFile());
            QVERIFY(ca.open(QIODevice::ReadOnly));
            payload.insert(field, QString::fromLatin1(ca.readAll().toBase64()));
        } else
            payload.insert(field, u"therapist"_s);
        const Run r = join(m_server.url(), codeOf(payload));
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("invitation code: it was altered"), r.err.constData());
        QVERIFY(!samIsAMember());
    }

    void aForgedInvitationSignedByAnotherKeyMeetsTheServersAdministrator()
    {
        // Someone who re-signs an edited code with a key of their own: the code verifies, but the
        // server's administrator is not the key it pins.
        practice::Invitation forged = practice::Invitation::decode(QString::fromLatin1(m_code));
        unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
        crypto_sign_keypair(pk, sk);
        forged.adminKey = QByteArray(reinterpret_cast<const char *>(pk), sizeof pk);
        const QByteArray message = QByteArray(vault::practiceSignatureDomain) + forged.signedPart();
        forged.signature = QByteArray(crypto_sign_BYTES, '\0');
        crypto_sign_detached(reinterpret_cast<unsigned char *>(forged.signature.data()), nullptr,
                             reinterpret_cast<const unsigned char *>(message.constData()),
                             static_cast<unsigned long long>(message.size()), sk);
        const Run r = join(m_server.url(), forged.encode());
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("administrator key does not match"), r.err.constData());
        QVERIFY(!samIsAMember());
    }

    void aServerPresentingAnotherCaIsRefused()
    {
        // The genuine code, but the address of a server whose certificate another CA signed.
        const Run r = join(m_other.url(), QString::fromLatin1(m_code));
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("does not verify against the practice CA"), r.err.constData());
        QVERIFY(!samIsAMember());
    }

    void theGenuineInvitationStillJoins()
    {
        // The join reaches the server, but sam's machine cannot save the membership: he is told to
        // run it again, and the same code (the server accepts the same key and proof twice) completes it.
        const QString link = m_sam + u"/practice/user-1/membership.json"_s;
        QVERIFY(QDir().mkpath(m_sam + u"/practice/user-1"_s));
        QVERIFY(QFile::link(m_dir.filePath(u"nowhere"_s), link));
        const Run failed = join(m_server.url(), QString::fromLatin1(m_code));
        QCOMPARE(failed.code, 2);
        QVERIFY2(failed.err.contains("run practice join again"), failed.err.constData());
        QCOMPARE(m_server.operatorSql("SELECT count(*) FROM uc.invitations WHERE used IS NOT NULL").out.trimmed(),
                 QByteArray("1"));
        const Run unfinished = as(m_sam, u"sam"_s, {u"sync"_s});
        QCOMPARE(unfinished.code, 6);
        QVERIFY2(unfinished.err.contains("did not finish: run practice join again"), unfinished.err.constData());
        QVERIFY(QFile::remove(link));
        const Run r = join(m_server.url(), QString::fromLatin1(m_code));
        QVERIFY2(r.code == 0, r.err.constData());
        // The operator changes sam's role before the administrator certifies him: she signs nothing.
        const QByteArray flip = "UPDATE uc.members SET role = CASE WHEN role = 'therapist' THEN 'supervisor' ELSE "
                                "'therapist' END WHERE NOT admin";
        QCOMPARE(m_server.operatorSql(flip).code, 0);
        const Run raised = as(m_alice, u"alice"_s, {u"practice"_s, u"status"_s});
        QCOMPARE(raised.code, 4);
        QVERIFY2(raised.err.contains("not shown as they were invited"), raised.err.constData());
        QCOMPARE(m_server.operatorSql("SELECT count(*) FROM uc.members WHERE cert_signature IS NOT NULL AND NOT admin")
                     .out.trimmed(),
                 QByteArray("0"));
        QCOMPARE(m_server.operatorSql(flip).code, 0); // back as invited
        QCOMPARE(as(m_alice, u"alice"_s, {u"practice"_s, u"status"_s}).code, 0); // certifies sam
        QCOMPARE(as(m_sam, u"sam"_s, {u"practice"_s, u"status"_s}).code, 0);
    }

    void onlyTheAdministratorInvites()
    {
        // sam, a member but not the administrator, and bob, not even the vault's administrator.
        for (const auto &[vault, user] : {std::pair{m_sam, u"sam"_s}, std::pair{m_alice, u"bob"_s}}) {
            const Run r = as(vault, user, {u"practice"_s, u"invite"_s, u"mallory"_s, u"--role"_s, u"therapist"_s});
            QCOMPARE(r.code, 5);
            QCOMPARE(r.err, QByteArray("undercurrent-cli: practice invite: only the practice administrator invites members\n"));
        }
        // Nor can sam's role make roles or members on the server, whatever his client does.
        auto samVault = Vault::open(m_sam, u"sam"_s, SecretBuffer::copyOf(passphrase));
        auto connection = practice::connectMember(*samVault, *practice::loadMembership(*samVault));
        const auto refused = [&](const char *sql) {
            try {
                connection->exec(sql, {}, u"attack"_s);
            } catch (const Error &e) {
                return e.kind() == ErrorKind::NotAllowed;
            }
            return false;
        };
        QVERIFY(refused("CREATE ROLE mallory LOGIN"));
        QVERIFY(refused("INSERT INTO uc.members (member_id, db_role, role) VALUES ('00000000000000000000000000000000', 'x', 'therapist')"));
        QVERIFY(refused("UPDATE uc.members SET admin = true"));
        QVERIFY(refused("INSERT INTO uc.invitations (member_id, expires) SELECT member_id, now() FROM uc.members"));
    }

    void aMemberCannotRewriteTheAudit()
    {
        auto samVault = Vault::open(m_sam, u"sam"_s, SecretBuffer::copyOf(passphrase));
        auto sam = practice::connectMember(*samVault, *practice::loadMembership(*samVault));
        const auto errorKind = [](practice::Connection &c, const char *sql) {
            try {
                c.exec(sql, {}, u"attack"_s);
            } catch (const Error &e) {
                return static_cast<int>(e.kind());
            }
            return 0;
        };
        const auto operatorCount = [&] { return m_server.operatorSql("SELECT count(*) FROM uc.audit").out.trimmed(); };
        const QByteArray before = operatorCount();
        QCOMPARE(errorKind(*sam, "UPDATE uc.audit SET action = 'nothing'"), static_cast<int>(ErrorKind::NotAllowed));
        QCOMPARE(errorKind(*sam, "DELETE FROM uc.audit"), static_cast<int>(ErrorKind::NotAllowed));
        QCOMPARE(errorKind(*sam, "TRUNCATE uc.audit"), static_cast<int>(ErrorKind::NotAllowed));
        // Appending is allowed, but only as himself and only at the chain's head (schema 6): a row
        // that does not extend it is refused, and so is one hashed as another actor (the actor is
        // the session's, whatever he writes, and the server hashes that).
        QCOMPARE(errorKind(*sam, "INSERT INTO uc.audit (action, actor) VALUES ('probe', 'practice_admin')"),
                 static_cast<int>(ErrorKind::Conflict));
        const auto forged = [&](const QString &actor) {
            try {
                practice::Transaction tx(*sam);
                const practice::Rows head = sam->exec("SELECT head_seq, head_hash, stamp FROM uc.audit_head()", {}, u"attack"_s);
                const qint64 seq = head.text(0, 0).toLongLong() + 1;
                const QByteArray nonce(16, '\x5a');
                const QByteArray body = practice::auditBodyHash(nonce, head.text(0, 2), u"probe"_s, {});
                const QByteArray hash = practice::auditLinkHash(seq, head.bytes(0, 1), actor, body);
                sam->exec("INSERT INTO uc.audit (seq, action, object, nonce, body_hash, prev, hash, signature) "
                          "VALUES ($1, 'probe', '', $2, $3, $4, $5, $6)",
                          {practice::Param::text(QString::number(seq)), practice::Param::bytes(nonce),
                           practice::Param::bytes(body), practice::Param::bytes(head.bytes(0, 1)),
                           practice::Param::bytes(hash), practice::Param::bytes(sam->auditSigner()(seq, head.bytes(0, 1), hash))},
                          u"attack"_s);
                tx.commit();
            } catch (const Error &e) {
                return static_cast<int>(e.kind());
            }
            return 0;
        };
        QCOMPARE(forged(u"practice_admin"_s), static_cast<int>(ErrorKind::Conflict));
        QCOMPARE(operatorCount(), before);
        QCOMPARE(forged(practice::loadMembership(*samVault)->dbRole), 0);
        const QByteArray actor = m_server.operatorSql("SELECT actor FROM uc.audit WHERE action = 'probe'").out.trimmed();
        QVERIFY2(actor.startsWith("m_"), actor.constData());
        QCOMPARE(operatorCount().toInt(), before.toInt() + 1);
        // The administrator's role owns the table and still cannot change a row (the trigger).
        auto aliceVault = Vault::open(m_alice, u"alice"_s, SecretBuffer::copyOf(passphrase));
        auto alice = practice::connectMember(*aliceVault, *practice::loadMembership(*aliceVault));
        QCOMPARE(errorKind(*alice, "UPDATE uc.audit SET action = 'nothing'"), static_cast<int>(ErrorKind::NotAllowed));
        QCOMPARE(errorKind(*alice, "DELETE FROM uc.audit"), static_cast<int>(ErrorKind::NotAllowed));
        QCOMPARE(operatorCount().toInt(), before.toInt() + 1);
        // His chained row is a valid entry: every client's check of the chain takes it.
        alice.reset();
        aliceVault.reset();
        sam.reset();
        samVault.reset();
        QCOMPARE(as(m_sam, u"sam"_s, {u"practice"_s, u"status"_s}).code, 0);
        QCOMPARE(as(m_alice, u"alice"_s, {u"practice"_s, u"status"_s}).code, 0);
    }

    void aRosterRewrittenByTheServerOperatorIsFound()
    {
        // The operator puts a key of their own in the administrator's row.
        QCOMPARE(m_server.operatorSql("UPDATE uc.members SET sign_pk = decode(repeat('ab', 32), 'hex') WHERE admin").code, 0);
        const Run r = as(m_sam, u"sam"_s, {u"practice"_s, u"status"_s});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("administrator key does not match the one pinned here"), r.err.constData());
        QCOMPARE(as(m_alice, u"alice"_s, {u"practice"_s, u"status"_s}).code, 4);
        // Put back, it is trusted again; a member's certificate forged by the operator is not.
        const practicetest::Script restore = m_server.operatorSql(
            "UPDATE uc.members SET sign_pk = decode('" + QByteArray(Vault::open(m_alice, u"alice"_s, SecretBuffer::copyOf(passphrase))->practiceIdentity().signingPublicKey().toHex())
            + "', 'hex') WHERE admin");
        QCOMPARE(restore.code, 0);
        QCOMPARE(as(m_sam, u"sam"_s, {u"practice"_s, u"status"_s}).code, 0);
        QCOMPARE(m_server.operatorSql("UPDATE uc.members SET cert_signature = decode(repeat('cd', 64), 'hex') WHERE NOT admin").code, 0);
        const Run forged = as(m_sam, u"sam"_s, {u"practice"_s, u"status"_s});
        QCOMPARE(forged.code, 4);
        QVERIFY2(forged.err.contains("certificate on it does not verify"), forged.err.constData());
    }

    void anEditedMembershipFileIsDamage()
    {
        const QString path = m_sam + u"/practice/user-1/membership.json"_s;
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray original = file.readAll();
        file.close();
        QJsonObject o = QJsonDocument::fromJson(original).object();
        o.insert(u"server"_s, m_other.url());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(o).toJson());
        file.close();
        const Run r = as(m_sam, u"sam"_s, {u"practice"_s, u"status"_s});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains("membership.json was altered"), r.err.constData());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(original);
    }
};

QTEST_GUILESS_MAIN(PracticeAttackTest)

#include "practiceattacktest.moc"
