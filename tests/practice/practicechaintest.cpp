// SPDX-License-Identifier: GPL-3.0-or-later
// The practice server's audit hash chain and what lies below the heads (schema 6; docs/practice.md,
// "The audit's hash chain", "Below the head"), against one real PostgreSQL cluster over TLS. Alice is
// the administrator and a therapist with three signed notes; sam, her assigned supervisor, received
// them and co-signed the first; aud, an auditor. The operator (the cluster's superuser) deletes,
// changes, reorders and restores rows; each is exit 4 at the next connection of whoever can tell, and
// nothing in their practice folder changes.
#include "clirun.h"
#include "practicecli.h"
#include "practicecluster.h"

#include "common/error.h"
#include "practice/auditchain.h"
#include "practice/connection.h"
#include "practice/practice.h"
#include "practice/roster.h"
#include "vault/clients.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace uc;
using clirun::Run;
using uc::vault::Vault;

namespace {

const QByteArray passphrase = "a passphrase for the practice chain test";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size()));
}

// Every user trigger of the tables named off, the statements run, on again: the operator, who owns
// the cluster, is stopped by none of them.
QByteArray pastTriggers(const QByteArray &statements)
{
    const QByteArray tables[] = { "uc.audit", "uc.audit_chain", "uc.items", "uc.content_keys", "uc.events" };
    QByteArray off, on;
    for (const QByteArray &t : tables) {
        off += "ALTER TABLE " + t + " DISABLE TRIGGER USER;\n";
        on += "ALTER TABLE " + t + " ENABLE TRIGGER USER;\n";
    }
    return off + statements + '\n' + on;
}

} // namespace

class PracticeChainTest : public QObject, private practicetest::MemberCli
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    QString m_alice, m_sam, m_aud;
    QString m_aliceId, m_samId, m_audId;

    QByteArray sql(const QByteArray &statements)
    {
        const practicetest::Script s = m_server.operatorSql(statements);
        if (s.code != 0)
            qWarning("operator SQL failed: %s", s.err.constData());
        return s.out.trimmed();
    }
    // Everything in a member's practice folder, file by file: what "nothing local changes" compares.
    // Everything the member folder trusts or keeps; the last sync's record (lastsync.json: shown,
    // never trusted) is left out, and refused() checks it says "refused".
    QByteArray folder(const QString &vault)
    {
        QByteArray all;
        const QDir dir(vault + u"/practice/user-1"_s);
        for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
            if (name == u"lastsync.json"_s)
                continue;
            QFile f(dir.filePath(name));
            all += name.toUtf8() + '\n' + (f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("?")) + '\n';
        }
        return all;
    }
    // The audit, both tables, as the operator keeps them aside and puts them back.
    void keepAudit()
    {
        sql("CREATE TABLE public.kept_audit AS SELECT * FROM uc.audit; "
            "CREATE TABLE public.kept_chain AS SELECT * FROM uc.audit_chain;");
    }
    void putAuditBack()
    {
        sql(pastTriggers("DELETE FROM uc.audit; INSERT INTO uc.audit SELECT * FROM public.kept_audit;"
                         "DELETE FROM uc.audit_chain; INSERT INTO uc.audit_chain SELECT * FROM public.kept_chain;"
                         "DROP TABLE public.kept_audit, public.kept_chain;"));
    }
    // The seq of the audit entry with this action (the first one).
    QByteArray entry(const QByteArray &action)
    {
        return sql("SELECT min(seq) FROM uc.audit WHERE action = '" + action + "'");
    }
    // The operator recomputes every link from the first, as the server's functions make them, and
    // copies them into the full rows: a chain consistent in itself again.
    static QByteArray relinkAll()
    {
        return "DO $$ DECLARE r record; p bytea := decode(repeat('00', 32), 'hex'); BEGIN "
               "FOR r IN SELECT seq FROM uc.audit_chain ORDER BY seq LOOP "
               "UPDATE uc.audit_chain SET prev = p, hash = uc.audit_link(seq, p, actor, body_hash) WHERE seq = r.seq "
               "RETURNING hash INTO p; END LOOP; END $$;"
               "UPDATE uc.audit a SET prev = c.prev, hash = c.hash, body_hash = c.body_hash FROM uc.audit_chain c "
               "WHERE a.seq = c.seq;";
    }
    int brokenLinks()
    {
        return sql("SELECT count(*) FROM uc.audit_chain c LEFT JOIN uc.audit_chain p ON p.seq = c.seq - 1 "
                   "WHERE (c.seq = 1 AND c.prev <> decode(repeat('00', 32), 'hex')) "
                   "OR (c.seq > 1 AND (p.seq IS NULL OR c.prev <> p.hash))")
            .toInt();
    }
    struct Member
    {
        QString vault, user;
    };
    QList<Member> everyone() const { return { { m_alice, u"alice"_s }, { m_sam, u"sam"_s }, { m_aud, u"aud"_s } }; }
    void writeNote(const QString &text, const QString &client = u"C-1"_s)
    {
        auto v = Vault::open(m_alice, u"alice"_s, secret());
        model::Session s;
        s.date = model::Date(2026, 11, 30);
        s.attendees.append({ 0, client, model::Attendance::Attended });
        v->notes().sign(
            v->notes().addSession(s, u"free"_s, model::NoteKind::Progress, { { u"Note"_s, text } }).notes.first());
        v->lock();
    }
    QString join(const QString &vault, const QString &user, const QString &role)
    {
        const Run invite = as(m_alice, u"alice"_s, { u"practice"_s, u"invite"_s, user, u"--role"_s, role });
        if (invite.code != 0)
            return {};
        return json(vault, user,
                    { u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s,
                      QString::fromLatin1(invite.out.trimmed()) })
            .value("member"_L1)
            .toString();
    }
    // A command that must be refused as damage, with the reason said and the member's folder untouched.
    void refused(const Member &who, const QStringList &args, const char *reason)
    {
        const QByteArray before = folder(who.vault);
        const Run r = as(who.vault, who.user, args);
        QVERIFY2(r.code == 4,
                 qPrintable(who.user + u": exit "_s + QString::number(r.code) + u' ' + QString::fromUtf8(r.err)));
        QVERIFY2(r.err.contains(reason), r.err.constData());
        QCOMPARE(folder(who.vault), before);
        if (args.first() == u"sync"_s) { // the GUI's banner goes up on this machine too
            QFile record(who.vault + u"/practice/user-1/lastsync.json"_s);
            QVERIFY(record.open(QIODevice::ReadOnly));
            const QJsonObject o = QJsonDocument::fromJson(record.readAll()).object();
            QCOMPARE(o.value("outcome"_L1).toString(), u"refused"_s);
            QVERIFY(!o.value("acknowledged"_L1).toBool());
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = practicetest::whyNoPostgres(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(sodium_init() >= 0);
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
        QVERIFY2(m_server.start(), m_server.output().constData());
        m_pass = clirun::file(m_dir, u"pass"_s, passphrase + '\n');
        m_alice = m_dir.filePath(u"alice"_s);
        m_sam = m_dir.filePath(u"sam"_s);
        m_aud = m_dir.filePath(u"aud"_s);
        QVERIFY(clirun::cheapVault(m_alice, passphrase, u"alice"_s));
        Vault::create(m_sam, u"sam"_s, secret(), model::Role::Supervisor, vault::KdfCost::testOnly());
        Vault::create(m_aud, u"aud"_s, secret(), model::Role::Auditor, vault::KdfCost::testOnly());
        m_aliceId = json(m_alice, u"alice"_s,
                         { u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s, m_server.caFile(),
                           u"--ca-key"_s, m_server.caKeyFile() })
                        .value("member"_L1)
                        .toString();
        m_samId = join(m_sam, u"sam"_s, u"supervisor"_s);
        m_audId = join(m_aud, u"aud"_s, u"auditor"_s);
        QVERIFY(!m_aliceId.isEmpty() && !m_samId.isEmpty() && !m_audId.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 2);
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_aliceId })
                     .code,
                 0);
        {
            auto v = Vault::open(m_alice, u"alice"_s, secret());
            for (const QString &code : { u"C-1"_s, u"C-2"_s }) {
                model::Client c;
                c.code = code;
                c.displayName = u"Dana Example"_s;
                v->clients().add(c);
            }
            v->lock();
        }
        // C-2's note first (its own key, its own wrap for sam), then C-1's three.
        writeNote(u"Another client's session."_s, u"C-2"_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        for (const QString &text : { u"The first session."_s, u"The second session."_s, u"The third session."_s })
            writeNote(text);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 3);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 4);
        const QString first = receivedBy(m_sam, u"sam"_s).first().toObject().value("item"_L1).toString();
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s, first }).code, 0);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("cosigned"_L1).toInt(), 1);
        for (const Member &m : everyone())
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);
    }

    void theAuditIsOneChainEveryMemberVerifies()
    {
        const int entries = sql("SELECT count(*) FROM uc.audit").toInt();
        QVERIFY(entries >= 10); // init, 2 invites, 2 joins, 2 certifies, assign, 3 pushes, cosign
        QCOMPARE(sql("SELECT count(*) FROM uc.audit_chain").toInt(), entries);
        QCOMPARE(sql("SELECT max(seq) FROM uc.audit_chain").toInt(), entries);
        QCOMPARE(brokenLinks(), 0);
        // Each full row's hash is its content's, as the server computes it.
        QCOMPARE(sql("SELECT count(*) FROM uc.audit a JOIN uc.audit_chain c USING (seq) WHERE a.hash <> c.hash "
                     "OR a.hash <> uc.audit_link(a.seq, a.prev, a.actor, a.body_hash) "
                     "OR a.body_hash <> uc.audit_body_hash(a.nonce, uc.audit_time(a.at), a.action, a.object)"),
                 QByteArray("0"));
        // Every member's role reads the whole chain and no time, action or object in it; the full rows
        // stay as row security gives them (sam: his join and co-signature).
        const QByteArray asSam = "SET SESSION AUTHORIZATION \"m_" + m_samId.toLatin1() + "\"; ";
        QCOMPARE(sql(asSam + "SELECT count(*) FROM uc.audit_chain;").toInt(), entries);
        QCOMPARE(sql(asSam + "SELECT count(*) FROM uc.audit;"), QByteArray("2"));
        QCOMPARE(sql("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'uc' AND table_name = "
                     "'audit_chain' AND column_name IN ('at', 'action', 'object', 'nonce')"),
                 QByteArray("0"));
        // Each member pinned the head it verified, its hash signed in membership.json.
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"status"_s }).code, 0);
        QFile pins(m_sam + u"/practice/user-1/membership.json"_s);
        QVERIFY(pins.open(QIODevice::ReadOnly));
        const QJsonObject membership = QJsonDocument::fromJson(pins.readAll()).object();
        QCOMPARE(membership.value("audit_head"_L1).toInteger(), entries);
        QCOMPARE(membership.value("audit_hash"_L1).toString().toLatin1(),
                 sql("SELECT encode(hash, 'hex') FROM uc.audit_chain WHERE seq = " + QByteArray::number(entries)));
    }

    void twoMembersAppendingAtOnceDoNotFork()
    {
        const int before = sql("SELECT count(*) FROM uc.audit_chain").toInt();
        int kind = -1;
        bool waited = false;
        int staleKind = -1;
        {
            auto aliceVault = Vault::open(m_alice, u"alice"_s, secret());
            auto samVault = Vault::open(m_sam, u"sam"_s, secret());
            auto alice = practice::connectMember(*aliceVault, *practice::loadMembership(*aliceVault));
            auto sam = practice::connectMember(*samVault, *practice::loadMembership(*samVault));
            {
                practice::Transaction tx(*alice);
                practice::appendAudit(*alice, u"probe"_s, u"alice"_s);
                std::atomic<bool> done = false;
                std::thread other([&] {
                    try {
                        practice::appendAudit(*sam, u"probe"_s, u"sam"_s);
                        kind = 0;
                    } catch (const Error &e) {
                        kind = static_cast<int>(e.kind());
                    }
                    done = true;
                });
                QThread::msleep(500);
                waited = !done; // sam's append waits for the chain's lock alice holds
                tx.commit();
                other.join();
            }
            // A row made against a head that moved on is refused, not forked beside it.
            const practice::Rows head = sam->exec("SELECT head_seq, head_hash FROM uc.audit_head()", {}, u"probe"_s);
            practice::appendAudit(*alice, u"probe"_s, u"alice again"_s);
            try {
                practice::Transaction tx(*sam);
                const practice::Rows now = sam->exec("SELECT stamp, actor FROM uc.audit_head()", {}, u"probe"_s);
                const qint64 seq = head.text(0, 0).toLongLong() + 1;
                const QByteArray nonce(16, '\x5a');
                const QByteArray body = practice::auditBodyHash(nonce, now.text(0, 0), u"probe"_s, {});
                const QByteArray hash = practice::auditLinkHash(seq, head.bytes(0, 1), now.text(0, 1), body);
                sam->exec("INSERT INTO uc.audit (seq, action, object, nonce, body_hash, prev, hash, signature) "
                          "VALUES ($1, 'probe', '', $2, $3, $4, $5, $6)",
                          { practice::Param::text(QString::number(seq)), practice::Param::bytes(nonce),
                            practice::Param::bytes(body), practice::Param::bytes(head.bytes(0, 1)),
                            practice::Param::bytes(hash),
                            practice::Param::bytes(sam->auditSigner()(seq, head.bytes(0, 1), hash)) },
                          u"probe"_s);
                tx.commit();
                staleKind = 0;
            } catch (const Error &e) {
                staleKind = static_cast<int>(e.kind());
            }
        }
        QVERIFY(waited);
        QCOMPARE(kind, 0);
        QCOMPARE(staleKind, static_cast<int>(ErrorKind::Conflict));
        QCOMPARE(sql("SELECT count(*) FROM uc.audit_chain").toInt(), before + 3);
        QCOMPARE(brokenLinks(), 0);
        for (const Member &m : everyone())
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);
    }

    void anEntryDeletedBelowTheHeadIsFound()
    {
        keepAudit();
        // The administrator's assignment: below every member's pinned head, with newer entries after.
        const QByteArray assign = entry("assign");
        QVERIFY(assign.toInt() > 1);
        sql(pastTriggers("DELETE FROM uc.audit WHERE seq = " + assign
                         + "; DELETE FROM uc.audit_chain WHERE seq = " + assign + ";"));
        for (const Member &m : everyone())
            refused(m, { u"practice"_s, u"status"_s }, "audit trail was altered");
        refused({ m_sam, u"sam"_s }, { u"sync"_s }, "audit trail was altered");
        // Renumbered and every link recomputed by the operator: consistent in itself, but shorter
        // than the chain each member pinned.
        QByteArray renumber;
        for (const QByteArray &table : { QByteArray("uc.audit"), QByteArray("uc.audit_chain") })
            renumber += "UPDATE " + table + " SET seq = seq + 1000000 WHERE seq > " + assign + "; UPDATE " + table
                + " SET seq = seq - 1000001 WHERE seq > 1000000;";
        sql(pastTriggers(renumber + relinkAll()));
        QCOMPARE(brokenLinks(), 0);
        // (Shorter than what each pinned: aChangedEntryIsFoundByWhoReadsIt relinks one as long.)
        for (const Member &m : everyone())
            refused(m, { u"practice"_s, u"status"_s }, "less than this machine has already seen");
        putAuditBack();
        for (const Member &m : everyone())
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);

        // Only the full row deleted (its link left in the chain): who reads it finds it gone; sam, who
        // reads only his own rows, does not — unless it is his.
        keepAudit();
        sql(pastTriggers("DELETE FROM uc.audit WHERE seq = " + assign + ";"));
        refused({ m_alice, u"alice"_s }, { u"practice"_s, u"status"_s }, "was deleted");
        refused({ m_aud, u"aud"_s }, { u"practice"_s, u"status"_s }, "was deleted");
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"status"_s }).code, 0);
        putAuditBack();
        keepAudit();
        sql(pastTriggers("DELETE FROM uc.audit WHERE action = 'cosign';"));
        refused({ m_sam, u"sam"_s }, { u"sync"_s }, "was deleted");
        putAuditBack();
        for (const Member &m : everyone())
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);
    }

    void aChangedEntryIsFoundByWhoReadsIt()
    {
        keepAudit();
        const QByteArray assign = entry("assign");
        // The object changed, its hashes left: the administrator and the auditor recompute them.
        sql(pastTriggers("UPDATE uc.audit SET object = '" + m_audId.toLatin1() + ":" + m_aliceId.toLatin1()
                         + "' WHERE seq = " + assign + ";"));
        refused({ m_alice, u"alice"_s }, { u"practice"_s, u"status"_s }, "was changed");
        refused({ m_aud, u"aud"_s }, { u"sync"_s }, "was changed");
        // Its body hash recomputed in both tables: its link no longer holds, for everyone.
        const QByteArray rehash
            = "UPDATE uc.audit SET body_hash = uc.audit_body_hash(nonce, uc.audit_time(at), action, object) "
              "WHERE seq = "
            + assign
            + "; UPDATE uc.audit_chain c SET body_hash = a.body_hash FROM uc.audit a "
              "WHERE a.seq = c.seq AND c.seq = "
            + assign + ";";
        sql(pastTriggers(rehash));
        for (const Member &m : everyone())
            refused(m, { u"practice"_s, u"status"_s }, "audit trail was altered");
        // Every link after it recomputed too: the pinned entry's hash is not the one pinned.
        sql(pastTriggers(relinkAll()));
        QCOMPARE(brokenLinks(), 0);
        for (const Member &m : everyone())
            refused(m, { u"practice"_s, u"status"_s }, "not the one this machine has already seen");
        putAuditBack();
        // Sam's own entry changed: he reads it, so he finds it.
        keepAudit();
        sql(pastTriggers("UPDATE uc.audit SET action = 'return' WHERE action = 'cosign';"));
        refused({ m_sam, u"sam"_s }, { u"practice"_s, u"status"_s }, "was changed");
        putAuditBack();
        for (const Member &m : everyone())
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);
    }

    void reorderedEntriesAreFound()
    {
        keepAudit();
        const QByteArray a = entry("assign");
        const QByteArray b = QByteArray::number(a.toInt() + 1);
        for (const QByteArray &table : { QByteArray("uc.audit"), QByteArray("uc.audit_chain") })
            sql(pastTriggers("UPDATE " + table + " SET seq = 1000000 WHERE seq = " + a
                             + ";"
                               "UPDATE "
                             + table + " SET seq = " + a + " WHERE seq = " + b
                             + ";"
                               "UPDATE "
                             + table + " SET seq = " + b + " WHERE seq = 1000000;"));
        for (const Member &m : everyone())
            refused(m, { u"practice"_s, u"status"_s }, "audit trail was altered");
        putAuditBack();
        for (const Member &m : everyone())
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);
    }

    void aReceivedNoteDeletedOrChangedBelowTheHeadIsFound()
    {
        // The second of C-1's three notes: received by sam, below the notes' head, no event on it.
        const QByteArray seq = sql("SELECT seq FROM uc.items ORDER BY seq OFFSET 2 LIMIT 1");
        sql("CREATE TABLE public.kept_item AS SELECT * FROM uc.items WHERE seq = " + seq + ";");
        const QByteArray putBack = pastTriggers("DELETE FROM uc.items WHERE seq = " + seq
                                                + "; INSERT INTO uc.items "
                                                  "OVERRIDING SYSTEM VALUE SELECT * FROM public.kept_item;");
        sql(pastTriggers("DELETE FROM uc.items WHERE seq = " + seq + ";"));
        refused({ m_sam, u"sam"_s }, { u"sync"_s }, "a note this machine received from it was deleted");
        sql(putBack);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
        // Its ciphertext changed: received already, it is no longer skipped unread.
        sql(pastTriggers("UPDATE uc.items SET body = set_byte(body, 40, get_byte(body, 40) # 1) WHERE seq = " + seq
                         + ";"));
        refused({ m_sam, u"sam"_s }, { u"sync"_s }, "a note this machine received from it was changed");
        sql(putBack + "DROP TABLE public.kept_item;");
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
        QCOMPARE(receivedBy(m_sam, u"sam"_s).size(), 4);
    }

    void aWrapDeletedIsFound()
    {
        // The wrap of C-2's key for sam: the notes' head stays (C-1's notes are newer), so only the
        // record of what sam received finds it (with C-2's note, which it hid from his role).
        const QByteArray client = sql("SELECT client FROM uc.items ORDER BY seq LIMIT 1");
        const QByteArray where = " WHERE member_id = '" + m_samId.toLatin1() + "' AND client = '" + client + "'";
        QCOMPARE(sql("SELECT count(*) FROM uc.content_keys" + where), QByteArray("1"));
        sql("CREATE TABLE public.kept_wrap AS SELECT * FROM uc.content_keys" + where + ";");
        sql(pastTriggers("DELETE FROM uc.content_keys" + where + ";"));
        refused({ m_sam, u"sam"_s }, { u"sync"_s }, "this machine received from it was deleted there");
        sql(pastTriggers("INSERT INTO uc.content_keys SELECT * FROM public.kept_wrap; DROP TABLE public.kept_wrap;"));
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
    }

    void anEventDeletedIsFound()
    {
        sql("CREATE TABLE public.kept_event AS SELECT * FROM uc.events;");
        sql(pastTriggers("DELETE FROM uc.events;"));
        refused({ m_alice, u"alice"_s }, { u"sync"_s },
                "a co-signature or comment this machine received from it was deleted");
        sql(pastTriggers("INSERT INTO uc.events SELECT * FROM public.kept_event; DROP TABLE public.kept_event;"));
        const QJsonObject alice = syncOf(m_alice, u"alice"_s);
        QCOMPARE(alice.value("cosigned"_L1).toInt(), 0); // kept once already
        QVERIFY(!alice.contains("exit"_L1));
    }

    void whatAMemberWroteDeletedIsFound()
    {
        // Alice's own second C-1 note, below the head: her audit entry of its push remains, so her
        // sync does not quietly push it again.
        const QByteArray seq = sql("SELECT seq FROM uc.items ORDER BY seq OFFSET 2 LIMIT 1");
        sql("CREATE TABLE public.kept_item AS SELECT * FROM uc.items WHERE seq = " + seq + ";");
        sql(pastTriggers("DELETE FROM uc.items WHERE seq = " + seq + ";"));
        refused({ m_alice, u"alice"_s }, { u"sync"_s }, "a note you pushed was deleted there");
        QCOMPARE(sql("SELECT count(*) FROM uc.items"), QByteArray("3"));
        sql(pastTriggers("INSERT INTO uc.items OVERRIDING SYSTEM VALUE SELECT * FROM public.kept_item; "
                         "DROP TABLE public.kept_item;"));
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 0);
        // Sam's co-signature deleted: his own audit entry of it remains.
        sql("CREATE TABLE public.kept_event AS SELECT * FROM uc.events;");
        sql(pastTriggers("DELETE FROM uc.events;"));
        refused({ m_sam, u"sam"_s }, { u"sync"_s }, "a co-signature or comment you made was deleted there");
        sql(pastTriggers("INSERT INTO uc.events SELECT * FROM public.kept_event; DROP TABLE public.kept_event;"));
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 0);
    }

    void aRestoredDumpWrittenOnIsFound()
    {
        const auto dump = [&] {
            const practicetest::Script d = practicetest::practiceServer({ u"dump"_s, m_server.dir() });
            return d.code == 0 ? d.out : QByteArray();
        };
        const QByteArray earlier = dump();
        QVERIFY(!earlier.isEmpty());
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"invite"_s, u"Ray"_s, u"--role"_s, u"therapist"_s }).code,
                 0);
        for (const Member &m : everyone())
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);
        QVERIFY(m_server.operatorSql("DROP SCHEMA uc CASCADE;\n" + earlier).code == 0);
        for (const Member &m : everyone())
            refused(m, { u"sync"_s }, "less than this machine has already seen");
        // The administrator accepts the restore and works on; the server soon holds more entries than
        // the others pinned, and the same notes — only the chain tells its history from theirs.
        const QJsonObject accepted = json(m_alice, u"alice"_s, { u"sync"_s, u"--accept-rollback"_s });
        QCOMPARE(accepted.value("rollback_accepted"_L1).toBool(), true);
        for (const QString &name : { u"Ray"_s, u"Rue"_s, u"Rod"_s })
            QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"invite"_s, name, u"--role"_s, u"therapist"_s }).code,
                     0);
        for (const Member &m : { Member { m_sam, u"sam"_s }, Member { m_aud, u"aud"_s } })
            refused(m, { u"sync"_s }, "audit trail is not the one this machine has already seen");
        for (const Member &m : { Member { m_sam, u"sam"_s }, Member { m_aud, u"aud"_s } }) {
            const QJsonObject took = json(m.vault, m.user, { u"sync"_s, u"--accept-rollback"_s });
            QCOMPARE(took.value("rollback_accepted"_L1).toBool(), true);
            QCOMPARE(took.value("pulled"_L1).toInt(), 0);
            QCOMPARE(as(m.vault, m.user, { u"practice"_s, u"status"_s }).code, 0);
        }
        QCOMPARE(receivedBy(m_sam, u"sam"_s).size(), 4);
    }
};

QTEST_GUILESS_MAIN(PracticeChainTest)

#include "practicechaintest.moc"
