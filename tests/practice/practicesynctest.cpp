// SPDX-License-Identifier: GPL-3.0-or-later
// The practice server's second slice (docs/practice.md, "Content and sync"): per-client content keys
// wrapped for the author and their assigned supervisor, `sync` pushing signed notes and pulling
// them verified, against one real PostgreSQL cluster over TLS for the whole program. Alice is the
// practice's administrator and therapist A; sam, a supervisor assigned to her; bob, a therapist
// not assigned to anyone. Each has their own vault.
#include "clirun.h"
#include "practicecli.h"
#include "practicecluster.h"

#include "practice/content.h"
#include "practice/invitation.h"
#include "practice/practice.h"
#include "practice/sealedfile.h"
#include "vault/clients.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <functional>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace uc;
using clirun::Run;
using uc::vault::Vault;

namespace {

const QByteArray passphrase = "a passphrase for the practice sync test";
// Words that appear nowhere else: one per kind of content that must not reach the server readable.
const QString canary = u"Marmalade"_s; // a signed progress note: reaches sam encrypted only
const QString draftCanary = u"Quokkaberry"_s; // a draft: never leaves
const QString processCanary = u"Tamarindo"_s; // a signed process note: never leaves
const QString nameCanary = u"Wexlowicz"_s; // the client's name: never leaves
const QString secondCanary = u"Persimmon"_s; // the second progress note (the tampering test)

} // namespace

class PracticeSyncTest : public QObject, private practicetest::MemberCli
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    QString m_alice, m_sam, m_bob;
    QString m_aliceId, m_samId, m_bobId;

    QByteArray receivedFile(const QString &vault)
    {
        QFile f(vault + u"/practice/user-1/received.sealed"_s);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QByteArray sql(const QByteArray &statements)
    {
        const practicetest::Script s = m_server.operatorSql(statements);
        if (s.code != 0)
            qWarning("operator SQL failed: %s", s.err.constData());
        return s.out.trimmed();
    }
    // What a member's own role reads of the items (the session authorization is theirs, as when
    // their certificate logs in: row security decides).
    int itemsVisibleTo(const QString &dbRole)
    {
        return sql("SET SESSION AUTHORIZATION \"" + dbRole.toLatin1() + "\"; SELECT count(*) FROM uc.items;").toInt();
    }
    // A signed progress note (and optionally more) for C-1 in alice's vault.
    // The last sync as the GUI reads it (practice/syncrecord.h), written by the CLI's sync.
    static QJsonObject lastSync(const QString &vault)
    {
        QFile f(vault + u"/practice/user-1/lastsync.json"_s);
        return f.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(f.readAll()).object() : QJsonObject();
    }

    void writeNote(const QString &text)
    {
        auto v = Vault::open(m_alice, u"alice"_s,
                             SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
        model::Session s;
        s.date = model::Date(2026, 11, 30);
        s.attendees.append({ 0, u"C-1"_s, model::Attendance::Attended });
        const model::Id note
            = v->notes().addSession(s, u"free"_s, model::NoteKind::Progress, { { u"Note"_s, text } }).notes.first();
        v->notes().sign(note);
        v->lock();
    }
    QString join(const QString &vault, const QString &user, const QString &role)
    {
        const Run invite = as(m_alice, u"alice"_s, { u"practice"_s, u"invite"_s, user, u"--role"_s, role });
        if (invite.code != 0)
            return {};
        const QString code = QString::fromLatin1(invite.out.trimmed());
        const QJsonObject joined
            = json(vault, user, { u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s, code });
        return joined.value("member"_L1).toString();
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
        m_bob = m_dir.filePath(u"bob"_s);
        QVERIFY(clirun::cheapVault(m_alice, passphrase, u"alice"_s));
        QVERIFY(clirun::cheapVault(m_bob, passphrase, u"bob"_s));
        Vault::create(m_sam, u"sam"_s,
                      SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())),
                      model::Role::Supervisor, vault::KdfCost::testOnly());

        const QJsonObject init = json(m_alice, u"alice"_s,
                                      { u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s,
                                        m_server.caFile(), u"--ca-key"_s, m_server.caKeyFile() });
        m_aliceId = init.value("member"_L1).toString();
        m_samId = join(m_sam, u"sam"_s, u"supervisor"_s);
        m_bobId = join(m_bob, u"bob"_s, u"therapist"_s);
        QVERIFY(!m_aliceId.isEmpty() && !m_samId.isEmpty() && !m_bobId.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 2);

        // Alice's record: a client, a signed progress note, a draft, a signed process note.
        auto v = Vault::open(m_alice, u"alice"_s,
                             SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Dana "_s + nameCanary;
        v->clients().add(c);
        model::Session s;
        s.date = model::Date(2026, 11, 23);
        s.attendees.append({ 0, c.code, model::Attendance::Attended });
        const auto made
            = v->notes().addSession(s, u"free"_s, model::NoteKind::Progress,
                                    { { u"Note"_s, u"She spoke of the "_s + canary + u" jar her mother kept."_s } });
        v->notes().sign(made.notes.first());
        const model::Id process = v->notes().add(made.session, c.code, u"free"_s, model::NoteKind::Process,
                                                 { { u"Note"_s, u"My own reaction: "_s + processCanary } });
        v->notes().sign(process);
        model::Session later;
        later.date = model::Date(2026, 11, 27);
        later.attendees.append({ 0, c.code, model::Attendance::Attended });
        v->notes().addSession(later, u"free"_s, model::NoteKind::Progress,
                              { { u"Note"_s, u"Draft: "_s + draftCanary } });
        v->lock();
    }

    void onlyTheAdministratorAssignsAndOnlyRealMembers()
    {
        QCOMPARE(
            as(m_sam, u"sam"_s, { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_aliceId })
                .code,
            5);
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_bobId, u"--therapist"_s, m_aliceId })
                     .code,
                 2);
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_samId })
                     .code,
                 2);
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId }).code, 1);
        QCOMPARE(sql("SELECT count(*) FROM uc.assignments"), QByteArray("0"));
        const Run assign = as(m_alice, u"alice"_s,
                              { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_aliceId });
        QVERIFY2(assign.code == 0, assign.err.constData());
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_aliceId })
                     .code,
                 6);
    }

    void aSignedNoteReachesTheAssignedSupervisorAndNobodyElse()
    {
        // Alice pushes her one signed progress note: not the draft, not the process note.
        QJsonObject alice = syncOf(m_alice, u"alice"_s);
        QCOMPARE(alice.value("pushed"_L1).toInt(), 1);
        QCOMPARE(alice.value("pulled"_L1).toInt(), 0);
        QCOMPARE(alice.value("head"_L1).toInt(), 1);
        QCOMPARE(sql("SELECT count(*) FROM uc.items"), QByteArray("1"));
        // Wraps of the client's key: alice's own and sam's, none for bob.
        QCOMPARE(sql("SELECT string_agg(member_id, ',' ORDER BY member_id = '" + m_aliceId.toLatin1()
                     + "' DESC) FROM uc.content_keys"),
                 QByteArray(m_aliceId.toLatin1() + ',' + m_samId.toLatin1()));
        // Nothing twice.
        alice = syncOf(m_alice, u"alice"_s);
        QCOMPARE(alice.value("pushed"_L1).toInt(), 0);
        QCOMPARE(sql("SELECT count(*) FROM uc.items"), QByteArray("1"));

        // Sam receives it, verified, readable on his machine.
        const QJsonObject sam = syncOf(m_sam, u"sam"_s);
        QCOMPARE(sam.value("pulled"_L1).toInt(), 1);
        QCOMPARE(sam.value("pushed"_L1).toInt(), 0);
        QCOMPARE(sam.value("head"_L1).toInt(), 1);
        const QJsonArray received = receivedBy(m_sam, u"sam"_s);
        QCOMPARE(received.size(), 1);
        const QJsonObject note = received.at(0).toObject();
        QCOMPARE(note.value("author"_L1).toString(), m_aliceId);
        const QByteArray text = QJsonDocument(note).toJson();
        QVERIFY2(text.contains(canary.toUtf8()), text.constData());
        QCOMPARE(note.value("note"_L1).toObject().value("signed_by"_L1).toString(), u"alice"_s);
        QVERIFY(!text.contains(draftCanary.toUtf8()) && !text.contains(processCanary.toUtf8()));
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0); // once only
        // On disk, sealed: the word is not in sam's practice folder.
        QVERIFY(!receivedFile(m_sam).isEmpty());
        QVERIFY(!receivedFile(m_sam).contains(canary.toUtf8()));

        // Bob, not assigned: no wrap, no item visible to his role, nothing received.
        const QJsonObject bob = syncOf(m_bob, u"bob"_s);
        QCOMPARE(bob.value("pulled"_L1).toInt(), 0);
        QCOMPARE(bob.value("head"_L1).toInt(), 0);
        QVERIFY(receivedBy(m_bob, u"bob"_s).isEmpty());
        QCOMPARE(sql("SELECT count(*) FROM uc.content_keys WHERE member_id = '" + m_bobId.toLatin1() + "'"),
                 QByteArray("0"));
        // Each reads their own wraps only (the maker also those they made).
        QCOMPARE(sql("SET SESSION AUTHORIZATION \"m_" + m_samId.toLatin1()
                     + "\"; SELECT string_agg(member_id, ',') FROM uc.content_keys;"),
                 m_samId.toLatin1());
        QCOMPARE(itemsVisibleTo(u"m_"_s + m_bobId), 0);
        QCOMPARE(itemsVisibleTo(u"m_"_s + m_samId), 1);
        // The administrator's role owns the tables; forced row security holds it to the same rules.
        QCOMPARE(itemsVisibleTo(u"practice_admin"_s), 1);
        // A member cannot push as someone else, change an item, or read another's wraps.
        QVERIFY(sql("SET SESSION AUTHORIZATION \"m_" + m_bobId.toLatin1() + "\"; SELECT count(*) FROM uc.content_keys;")
                == "0");
        const practicetest::Script forged = m_server.operatorSql(
            "SET SESSION AUTHORIZATION \"m_" + m_bobId.toLatin1()
            + "\"; INSERT INTO uc.items (item_id, author, client, key_version, body, signature) VALUES (repeat('a', "
              "32), '"
            + m_aliceId.toLatin1() + "', repeat('b', 32), 1, '\\x00', decode(repeat('00', 64), 'hex'));");
        QVERIFY(forged.code != 0);
        // Nor plant a client key for a colleague (which would stop their sync, or their push): bob may
        // wrap only for himself or a supervisor assigned to him.
        for (const QString &victim : {m_samId, m_aliceId}) {
            const practicetest::Script planted = m_server.operatorSql(
                "SET SESSION AUTHORIZATION \"m_" + m_bobId.toLatin1()
                + "\"; INSERT INTO uc.content_keys (member_id, client, key_version, sealed, made_by, signature) VALUES ('"
                + victim.toLatin1() + "', repeat('c', 32), 1, '\\x00', '" + m_bobId.toLatin1()
                + "', decode(repeat('00', 64), 'hex'));");
            QVERIFY2(planted.code != 0, qPrintable(victim));
            QVERIFY2(planted.err.contains("row-level security"), planted.err.constData());
        }
        // A wrap he makes for himself under alice's client's pseudonym shows him nothing of hers.
        const QByteArray aliceClient = sql("SELECT client FROM uc.items LIMIT 1");
        const practicetest::Script own = m_server.operatorSql(
            "SET SESSION AUTHORIZATION \"m_" + m_bobId.toLatin1()
            + "\"; INSERT INTO uc.content_keys (member_id, client, key_version, sealed, made_by, signature) VALUES ('"
            + m_bobId.toLatin1() + "', '" + aliceClient + "', 1, '\\x00', '" + m_bobId.toLatin1()
            + "', decode(repeat('00', 64), 'hex'));");
        QCOMPARE(own.code, 0);
        QCOMPARE(itemsVisibleTo(u"m_"_s + m_bobId), 0);
        sql("DELETE FROM uc.content_keys WHERE member_id = '" + m_bobId.toLatin1() + "'"); // as the operator, to go on
        const practicetest::Script changed = m_server.operatorSql("SET SESSION AUTHORIZATION \"m_" + m_samId.toLatin1()
                                                                  + "\"; UPDATE uc.items SET body = '\\x00';");
        QVERIFY(changed.code != 0);
        QVERIFY2(changed.err.contains("permission denied"), changed.err.constData()); // no UPDATE granted
        // Not even the owner: the trigger refuses a DELETE by the administrator's role.
        const practicetest::Script deleted =
            m_server.operatorSql("SET SESSION AUTHORIZATION practice_admin; DELETE FROM uc.items;");
        QVERIFY(deleted.code != 0);
        QVERIFY2(deleted.err.contains("append-only"), deleted.err.constData());
        QCOMPARE(sql("SELECT count(*) FROM uc.items"), QByteArray("1"));
    }

    void theServerHoldsNoReadableContent()
    {
        const practicetest::Script dump = practicetest::practiceServer({ u"dump"_s, m_server.dir() });
        QCOMPARE(dump.code, 0);
        QVERIFY2(dump.out.contains("uc.items") && dump.out.contains("uc.content_keys"), dump.err.constData());
        for (const QString &word : { canary, draftCanary, processCanary, nameCanary, u"C-1"_s }) {
            QVERIFY2(!dump.out.contains(word.toUtf8()), qPrintable(word));
            QVERIFY2(!dump.out.contains(word.toLower().toUtf8()), qPrintable(word));
        }
        // Nor the data directory, once the server has written everything out.
        sql("CHECKPOINT");
        QDirIterator files(m_server.dir() + u"/data"_s, QDir::Files, QDirIterator::Subdirectories);
        int read = 0;
        while (files.hasNext()) {
            QFile f(files.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            ++read;
            for (const QString &word : { canary, draftCanary, processCanary, nameCanary })
                QVERIFY2(!bytes.contains(word.toUtf8()), qPrintable(f.fileName()));
        }
        QVERIFY(read > 100);
    }

    void aChangedCiphertextIsRefusedAndNothingLocalChanges()
    {
        writeNote(u"A second session: "_s + secondCanary);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        const QByteArray before = receivedFile(m_sam);
        // The newest item (a refused insert above used a sequence number: they are not dense).
        const QByteArray seq = sql("SELECT max(seq) FROM uc.items");
        const QByteArray original = sql("SELECT encode(body, 'hex') FROM uc.items WHERE seq = " + seq);
        QVERIFY(original.size() > 100);
        // The operator flips one bit of the ciphertext (past the append-only trigger, which they own).
        sql("ALTER TABLE uc.items DISABLE TRIGGER items_append_only;"
            "UPDATE uc.items SET body = set_byte(body, 40, get_byte(body, 40) # 1) WHERE seq = "
            + seq
            + ";"
              "ALTER TABLE uc.items ENABLE TRIGGER items_append_only;");
        QVERIFY(sql("SELECT encode(body, 'hex') FROM uc.items WHERE seq = " + seq) != original);
        const Run refused = as(m_sam, u"sam"_s, { u"sync"_s });
        QCOMPARE(refused.code, 4);
        QVERIFY2(refused.err.contains("changed"), refused.err.constData());
        QVERIFY(!refused.err.contains(secondCanary.toUtf8()));
        QCOMPARE(receivedFile(m_sam), before);
        QCOMPARE(receivedBy(m_sam, u"sam"_s).size(), 1);

        // Put back, it verifies and arrives.
        sql("ALTER TABLE uc.items DISABLE TRIGGER items_append_only;"
            "UPDATE uc.items SET body = decode('"
            + original + "', 'hex') WHERE seq = " + seq
            + ";"
              "ALTER TABLE uc.items ENABLE TRIGGER items_append_only;");
        const QJsonObject sam = syncOf(m_sam, u"sam"_s);
        QCOMPARE(sam.value("pulled"_L1).toInt(), 1);
        QCOMPARE(sam.value("head"_L1).toInt(), seq.toInt());
        const QJsonArray received = receivedBy(m_sam, u"sam"_s);
        QCOMPARE(received.size(), 2);
        QVERIFY(QJsonDocument(received.at(1).toObject()).toJson().contains(secondCanary.toUtf8()));
    }

    void aWrapReplacedWithOneForAnotherKeyIsRefused()
    {
        writeNote(u"A third session, not pulled yet."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        const QByteArray before = receivedFile(m_sam);
        const QByteArray where = "WHERE member_id = '" + m_samId.toLatin1() + "'";
        const QByteArray original = sql("SELECT encode(sealed, 'hex') FROM uc.content_keys " + where);
        // A sealed box of another key, made properly to sam's own X25519 key: it opens, but it is not
        // the key alice made.
        const QByteArray samSign = QByteArray::fromHex(
            sql("SELECT encode(sign_pk, 'hex') FROM uc.members WHERE member_id = '" + m_samId.toLatin1() + "'"));
        QCOMPARE(samSign.size(), 32);
        unsigned char boxPublic[crypto_box_PUBLICKEYBYTES];
        QCOMPARE(crypto_sign_ed25519_pk_to_curve25519(boxPublic,
                                                      reinterpret_cast<const unsigned char *>(samSign.constData())),
                 0);
        unsigned char otherKey[32];
        randombytes_buf(otherKey, sizeof otherKey);
        QByteArray sealed(crypto_box_SEALBYTES + sizeof otherKey, Qt::Uninitialized);
        crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), otherKey, sizeof otherKey, boxPublic);
        sql("UPDATE uc.content_keys SET sealed = decode('" + sealed.toHex() + "', 'hex') " + where);
        const Run refused = as(m_sam, u"sam"_s, { u"sync"_s });
        QCOMPARE(refused.code, 4);
        QVERIFY2(refused.err.contains("wrap"), refused.err.constData());
        QCOMPARE(receivedFile(m_sam), before);

        sql("UPDATE uc.content_keys SET sealed = decode('" + original + "', 'hex') " + where);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 1);
    }

    void anItemMovedToAnotherAuthorIsRefused()
    {
        writeNote(u"A fourth session."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        const QByteArray before = receivedFile(m_sam);
        const QByteArray seq = sql("SELECT max(seq) FROM uc.items");
        // Claimed by bob: row security no longer shows it to sam (his wrap was made by alice, not bob),
        // so nothing arrives under another author.
        sql("ALTER TABLE uc.items DISABLE TRIGGER items_append_only;"
            "UPDATE uc.items SET author = '"
            + m_bobId.toLatin1() + "' WHERE seq = " + seq
            + ";"
              "ALTER TABLE uc.items ENABLE TRIGGER items_append_only;");
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
        QCOMPARE(receivedFile(m_sam), before);
        // An operator who also lifts row security: sam's client refuses it (a key alice made, an item
        // claimed by bob; and bob's signature does not cover it).
        sql("ALTER TABLE uc.items NO FORCE ROW LEVEL SECURITY; ALTER TABLE uc.items DISABLE ROW LEVEL SECURITY;");
        QCOMPARE(as(m_sam, u"sam"_s, { u"sync"_s }).code, 4);
        QCOMPARE(receivedFile(m_sam), before);
        sql("ALTER TABLE uc.items ENABLE ROW LEVEL SECURITY; ALTER TABLE uc.items FORCE ROW LEVEL SECURITY;");
        sql("ALTER TABLE uc.items DISABLE TRIGGER items_append_only;"
            "UPDATE uc.items SET author = '"
            + m_aliceId.toLatin1() + "' WHERE seq = " + seq
            + ";"
              "ALTER TABLE uc.items ENABLE TRIGGER items_append_only;");
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 1);
    }

    void aSupervisorAssignedLaterReceivesTheEarlierNotes()
    {
        const QString sue = m_dir.filePath(u"sue"_s);
        Vault::create(sue, u"sue"_s, SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())),
                      model::Role::Supervisor, vault::KdfCost::testOnly());
        const QString sueId = join(sue, u"sue"_s, u"supervisor"_s);
        QVERIFY(!sueId.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 1);
        // Before the assignment: nothing for her.
        QCOMPARE(syncOf(sue, u"sue"_s).value("pulled"_L1).toInt(), 0);
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, sueId, u"--therapist"_s, m_aliceId })
                     .code,
                 0);
        // Alice's next sync wraps her client's key for sue; sue then reads the four notes, older
        // than the head she saw.
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 0);
        QCOMPARE(sql("SELECT count(*) FROM uc.content_keys WHERE member_id = '" + sueId.toLatin1() + "'"),
                 QByteArray("1"));
        QCOMPARE(syncOf(sue, u"sue"_s).value("pulled"_L1).toInt(), 4);
        QCOMPARE(receivedBy(sue, u"sue"_s).size(), 4);
        QCOMPARE(syncOf(m_bob, u"bob"_s).value("pulled"_L1).toInt(), 0);
    }

    void aServerRolledBackToAnEarlierDumpIsRefused()
    {
        // The operator keeps a dump, the practice goes on (alice pushes a note, sam pulls it), then
        // the operator restores the dump: each client pinned a head the server no longer reaches.
        const auto dump = [&] {
            const practicetest::Script d = practicetest::practiceServer({ u"dump"_s, m_server.dir() });
            return d.code == 0 ? d.out : QByteArray();
        };
        const auto restore = [&](const QByteArray &text) {
            return m_server.operatorSql("DROP SCHEMA uc CASCADE;\n" + text).code == 0;
        };
        const QByteArray earlier = dump();
        QVERIFY(!earlier.isEmpty());
        writeNote(u"A fifth session."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 1);
        const QByteArray now = dump();
        QVERIFY(!now.isEmpty());
        const QByteArray before = receivedFile(m_sam);
        const QByteArray samMembership = [&] {
            QFile f(m_sam + u"/practice/user-1/membership.json"_s);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(restore(earlier));
        for (const auto &[vault, user] : { std::pair { m_sam, u"sam"_s }, std::pair { m_alice, u"alice"_s } }) {
            const Run refused = as(vault, user, { u"sync"_s });
            QCOMPARE(refused.code, 4);
            QVERIFY2(refused.err.contains("less than this machine has already seen"), refused.err.constData());
            // The CLI keeps the record the GUI shows: its refusal banner is up on this machine too.
            const QJsonObject record = lastSync(vault);
            QCOMPARE(record.value("outcome"_L1).toString(), u"refused"_s);
            QVERIFY(!record.value("acknowledged"_L1).toBool());
            QVERIFY2(record.value("message"_L1).toString().contains(u"less than this machine has already seen"_s),
                     qPrintable(record.value("message"_L1).toString()));
        }
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).code, 4);
        // Nothing written on either side: sam's received notes and pins as they were, no push.
        QCOMPARE(receivedFile(m_sam), before);
        QFile f(m_sam + u"/practice/user-1/membership.json"_s);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), samMembership);
        QCOMPARE(sql("SELECT count(*) FROM uc.items"), QByteArray("4"));
        // Put back, sync goes on.
        QVERIFY(restore(now));
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
        QCOMPARE(lastSync(m_sam).value("outcome"_L1).toString(), u"synced"_s);
        QCOMPARE(lastSync(m_sam).value("message"_L1).toString(), u"Pushed 0, pulled 0."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 0);
        const qint64 samPinnedAudit = QJsonDocument::fromJson([&] {
                                          QFile pins(m_sam + u"/practice/user-1/membership.json"_s);
                                          return pins.open(QIODevice::ReadOnly) ? pins.readAll() : QByteArray();
                                      }())
                                          .object()
                                          .value("audit_head"_L1)
                                          .toInteger();
        QVERIFY(samPinnedAudit > 0);
        // A restore the practice makes on purpose (a lost disk): alice accepts it, and her note the
        // restored copy lacks is pushed again. The server has then caught up with the heads sam saw,
        // but not with the history: the audit entry he pinned has another hash there (schema 6), so his
        // sync is still exit 4 until he accepts the restore too; he gets nothing twice.
        QVERIFY(restore(earlier));
        QCOMPARE(as(m_sam, u"sam"_s, { u"sync"_s }).code, 4);
        QCOMPARE(as(m_alice, u"alice"_s, { u"sync"_s }).code, 4);
        const QJsonObject accepted = json(m_alice, u"alice"_s, { u"sync"_s, u"--accept-rollback"_s });
        QCOMPARE(accepted.value("rollback_accepted"_L1).toBool(), true);
        QCOMPARE(accepted.value("pushed"_L1).toInt(), 1);
        QCOMPARE(sql("SELECT count(*) FROM uc.items"), QByteArray("5"));
        QVERIFY(sql("SELECT max(seq) FROM uc.audit_chain").toLongLong() >= samPinnedAudit);
        const QByteArray samKept = receivedFile(m_sam);
        const Run rewritten = as(m_sam, u"sam"_s, { u"sync"_s });
        QCOMPARE(rewritten.code, 4);
        QVERIFY2(rewritten.err.contains("audit trail is not the one this machine has already seen"),
                 rewritten.err.constData());
        QCOMPARE(receivedFile(m_sam), samKept);
        const QJsonObject samAfter = json(m_sam, u"sam"_s, { u"sync"_s, u"--accept-rollback"_s });
        QCOMPARE(samAfter.value("pulled"_L1).toInt(), 0);
        QCOMPARE(samAfter.value("rollback_accepted"_L1).toBool(), true);
        QCOMPARE(receivedBy(m_sam, u"sam"_s).size(), 5);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
    }

    void anUncertifiedMemberCannotWrite()
    {
        // Tom joined; the administrator has not run practice status since, so his key carries no
        // certificate. His own client refuses to sync (6); a client patched to push anyway meets
        // the server's row security: refused (5), nothing stored.
        const QString tom = m_dir.filePath(u"tom"_s);
        QVERIFY(clirun::cheapVault(tom, passphrase, u"tom"_s));
        const QString tomId = join(tom, u"tom"_s, u"therapist"_s);
        QVERIFY(!tomId.isEmpty());
        QCOMPARE(as(tom, u"tom"_s, { u"sync"_s }).code, 6);
        const QByteArray counts = "SELECT (SELECT count(*) FROM uc.items) || ',' || (SELECT count(*) FROM "
                                  "uc.content_keys) || ',' || (SELECT count(*) FROM uc.assignments)";
        const QByteArray before = sql(counts);
        const auto exitOf = [](const std::function<void()> &write) {
            try {
                write();
            } catch (const Error &e) {
                return e.exitCode();
            }
            return 0;
        };
        auto v = Vault::open(tom, u"tom"_s, SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
        const practice::Membership m = *practice::loadMembership(*v);
        auto connection = practice::connectMember(*v, m);
        const QString client(32, u'e');
        practice::WrapRow wrap { tomId, client, 1, QByteArray(80, '\1'), tomId, {} };
        wrap.signature = v->practiceIdentity().sign(practice::wrapMessage(m.practiceId, wrap));
        practice::ItemRow item { 0, QString(32, u'f'), tomId, client, 1, QByteArray(64, '\2'), {} };
        item.signature = v->practiceIdentity().sign(practice::itemMessage(m.practiceId, item));
        QCOMPARE(exitOf([&] { practice::addItem(*connection, item); }), 5);
        QCOMPARE(exitOf([&] { practice::addWrap(*connection, wrap); }), 5);
        // Nor does the administrator's role assign a supervisor to a member not certified.
        auto a = Vault::open(m_alice, u"alice"_s,
                             SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
        const practice::Membership am = *practice::loadMembership(*a);
        auto admin = practice::connectMember(*a, am);
        const practice::AssignmentRow assignment { m_samId, tomId,
                                                   a->practiceIdentity().sign(practice::assignmentMessage(am.practiceId, m_samId, tomId)) };
        QCOMPARE(exitOf([&] { practice::addAssignment(*admin, assignment); }), 5);
        QCOMPARE(sql(counts), before);
        admin.reset();
        a.reset(); // the CLI opens alice's vault next
        // Certified, the same wrap is taken: it was the certificate the server asked for.
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 1);
        QCOMPARE(exitOf([&] { practice::addWrap(*connection, wrap); }), 0);
    }

    void anExpiredInvitationLeavesNoRoleThatLogsIn()
    {
        const QString eve = m_dir.filePath(u"eve"_s);
        QVERIFY(clirun::cheapVault(eve, passphrase, u"eve"_s));
        const Run invite = as(m_alice, u"alice"_s, { u"practice"_s, u"invite"_s, u"eve"_s, u"--role"_s, u"therapist"_s });
        QCOMPARE(invite.code, 0);
        const QString code = QString::fromLatin1(invite.out.trimmed());
        const QByteArray role = "m_" + practice::Invitation::decode(code).memberId.toLatin1();
        const auto canLogIn = [&] { return sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + role + "'"); };
        QCOMPARE(canLogIn(), QByteArray("t"));
        sql("UPDATE uc.invitations SET expires = now() - interval '1 minute' WHERE used IS NULL");
        const QStringList joinArgs { u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s, code };
        // Expired, not yet closed: the role logs in, but the server refuses the join; nothing kept.
        QCOMPARE(as(eve, u"eve"_s, joinArgs).code, 5);
        QVERIFY(!QFile::exists(eve + u"/practice/user-1/membership.json"_s));
        // The administrator's next status takes the role's LOGIN; after that it cannot connect.
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("expired_now"_L1).toInt(), 1);
        QCOMPARE(canLogIn(), QByteArray("f"));
        const Run refused = as(eve, u"eve"_s, joinArgs);
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains("does not let this member's role log in"), refused.err.constData());
        QCOMPARE(sql("SELECT count(*) FROM uc.audit WHERE action = 'expire'"), QByteArray("1"));
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("expired_now"_L1).toInt(), 0);
    }

    void aColleagueCannotPreEmptAWrapForASharedSupervisor()
    {
        // Bob is assigned to sam too. Client codes are guessable and every member holds the pseudonym
        // key, so bob computes the pseudonym alice's next client will have and, first, wraps a key of
        // his own under it for sam (a proper sealed box, signed by him). Alice's own wrap for sam must
        // not clash with it, and sam must read her note.
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_bobId })
                     .code,
                 0);
        {
            auto bob = Vault::open(m_bob, u"bob"_s,
                                   SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
            const practice::Membership m = *practice::loadMembership(*bob);
            const SecretBuffer pseudonymKey = *practice::readSealedSecret(*bob, u"pseudonym.key"_s);
            const QByteArray message = "client\n" + m_aliceId.toLatin1() + "\nC-2";
            unsigned char id[16];
            crypto_generichash(id, sizeof id, reinterpret_cast<const unsigned char *>(message.constData()),
                               static_cast<unsigned long long>(message.size()), pseudonymKey.data(),
                               pseudonymKey.size());
            const QByteArray samSign = QByteArray::fromHex(
                sql("SELECT encode(sign_pk, 'hex') FROM uc.members WHERE member_id = '" + m_samId.toLatin1() + "'"));
            unsigned char boxPublic[crypto_box_PUBLICKEYBYTES];
            QCOMPARE(crypto_sign_ed25519_pk_to_curve25519(boxPublic,
                                                          reinterpret_cast<const unsigned char *>(samSign.constData())),
                     0);
            unsigned char key[32];
            randombytes_buf(key, sizeof key);
            QByteArray sealed(crypto_box_SEALBYTES + sizeof key, Qt::Uninitialized);
            crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()), key, sizeof key, boxPublic);
            practice::WrapRow planted { m_samId, QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(id), sizeof id).toHex()),
                                        1, sealed, m_bobId, {} };
            planted.signature = bob->practiceIdentity().sign(practice::wrapMessage(m.practiceId, planted));
            practice::addWrap(*practice::connectMember(*bob, m), planted);
        }
        {
            auto v = Vault::open(m_alice, u"alice"_s,
                                 SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
            model::Client c;
            c.code = u"C-2"_s;
            c.displayName = u"Second client"_s;
            v->clients().add(c);
            model::Session s;
            s.date = model::Date(2026, 12, 1);
            s.attendees.append({ 0, c.code, model::Attendance::Attended });
            v->notes().sign(v->notes()
                                .addSession(s, u"free"_s, model::NoteKind::Progress,
                                            { { u"Note"_s, u"The second client's first session."_s } })
                                .notes.first());
            v->lock();
        }
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        QCOMPARE(sql("SELECT count(*) FROM uc.content_keys WHERE member_id = '" + m_samId.toLatin1() + "'"),
                 QByteArray("3")); // alice's for C-1 and C-2, bob's planted one
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 1);
        const QJsonArray received = receivedBy(m_sam, u"sam"_s);
        QVERIFY(QJsonDocument(received.last().toObject()).toJson().contains("second client's first session"));
    }

    // Issue #20, removal: rae, a supervisor assigned to alice, read her notes; the administrator
    // unassigns her, then removes her. From then on nothing new reaches her, whatever the operator
    // replays, and what alice writes afterwards is sealed under a key version rae never held.
    void aRemovedSupervisorGetsNothingNew()
    {
        const QString rae = m_dir.filePath(u"rae"_s);
        Vault::create(rae, u"rae"_s, SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())),
                      model::Role::Supervisor, vault::KdfCost::testOnly());
        const QString raeId = join(rae, u"rae"_s, u"supervisor"_s);
        QVERIFY(!raeId.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 1);
        const QStringList pair { u"--supervisor"_s, raeId, u"--therapist"_s, m_aliceId };
        QCOMPARE(as(m_alice, u"alice"_s, QStringList { u"practice"_s, u"assign"_s } + pair).code, 0);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 0);
        const int raeHad = syncOf(rae, u"rae"_s).value("pulled"_L1).toInt();
        QVERIFY(raeHad > 0);
        const QByteArray raeRole = "m_" + raeId.toLatin1();
        const int raeSaw = itemsVisibleTo(QString::fromLatin1(raeRole));
        const QByteArray signature = sql("SELECT encode(signature, 'hex') FROM uc.assignments WHERE supervisor = '"
                                         + raeId.toLatin1() + "'");

        // Only the administrator unassigns; only an assignment that exists.
        QCOMPARE(as(m_sam, u"sam"_s, QStringList { u"practice"_s, u"unassign"_s } + pair).code, 5);
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"unassign"_s, u"--supervisor"_s, raeId, u"--therapist"_s, m_bobId })
                     .code,
                 6);
        const Run unassigned = as(m_alice, u"alice"_s, QStringList { u"practice"_s, u"unassign"_s } + pair);
        QVERIFY2(unassigned.code == 0, unassigned.err.constData());
        QCOMPARE(as(m_alice, u"alice"_s, QStringList { u"practice"_s, u"unassign"_s } + pair).code, 6);
        QCOMPARE(sql("SELECT count(*) FROM uc.assignments WHERE supervisor = '" + raeId.toLatin1() + "'"),
                 QByteArray("0"));
        // A revoked pair is not assigned again (its signature would be the same bytes as the revoked one).
        QCOMPARE(as(m_alice, u"alice"_s, QStringList { u"practice"_s, u"assign"_s } + pair).code, 6);
        // The operator puts the old signed assignment back: every client holds it revoked.
        sql("INSERT INTO uc.assignments (supervisor, therapist, signature) VALUES ('" + raeId.toLatin1() + "', '"
            + m_aliceId.toLatin1() + "', decode('" + signature + "', 'hex'))");

        // Alice's next note: a new key version, wrapped for her and her remaining supervisors only.
        const QString afterCanary = u"Kumquatine"_s;
        writeNote(u"After the removal: "_s + afterCanary);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        QCOMPARE(sql("SELECT key_version FROM uc.items ORDER BY seq DESC LIMIT 1"), QByteArray("2"));
        QCOMPARE(sql("SELECT count(*) FROM uc.content_keys WHERE key_version > 1 AND member_id = '" + raeId.toLatin1()
                     + "'"),
                 QByteArray("0"));
        QVERIFY(sql("SELECT count(*) FROM uc.content_keys WHERE key_version = 2 AND member_id = '" + m_samId.toLatin1()
                    + "' AND made_by = '" + m_aliceId.toLatin1() + "'")
                    .toInt()
                > 0);
        // Nothing twice: a second sync makes no third version.
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 0);
        QCOMPARE(sql("SELECT max(key_version) FROM uc.content_keys"), QByteArray("2"));
        // Sam reads it; rae's sync still runs and receives nothing new; her role sees no more rows.
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 1);
        QVERIFY(QJsonDocument(receivedBy(m_sam, u"sam"_s)).toJson().contains(afterCanary.toUtf8()));
        QCOMPARE(syncOf(rae, u"rae"_s).value("pulled"_L1).toInt(), 0);
        QCOMPARE(itemsVisibleTo(QString::fromLatin1(raeRole)), raeSaw);
        QVERIFY(!QJsonDocument(receivedBy(rae, u"rae"_s)).toJson().contains(afterCanary.toUtf8()));
        // Rae's old keys, every one she was ever given, on the new note's ciphertext (read as the
        // operator, past row security): none opens it.
        {
            auto v = Vault::open(rae, u"rae"_s,
                                 SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
            const QString practiceId = QString::fromLatin1(sql("SELECT practice_id FROM uc.practice"));
            const QList<QByteArray> row
                = sql("SELECT item_id || '|' || author || '|' || client || '|' || key_version || '|' || encode(body, "
                      "'hex') FROM uc.items ORDER BY seq DESC LIMIT 1")
                      .split('|');
            QCOMPARE(row.size(), 5);
            practice::ItemRow item;
            item.itemId = QString::fromLatin1(row[0]);
            item.author = QString::fromLatin1(row[1]);
            item.client = QString::fromLatin1(row[2]);
            item.version = row[3].toInt();
            item.body = QByteArray::fromHex(row[4]);
            const QByteArray ad = practice::itemAssociatedData(practiceId, item);
            const QList<QByteArray> sealed = sql("SELECT encode(sealed, 'hex') FROM uc.content_keys WHERE member_id = '"
                                                 + raeId.toLatin1() + "'")
                                                 .split('\n');
            QVERIFY(sealed.size() >= 2); // C-1 and C-2, version 1
            for (const QByteArray &hex : sealed) {
                const SecretBuffer key = v->practiceIdentity().openSealed(QByteArray::fromHex(hex));
                QCOMPARE(key.size(), std::size_t(32));
                QByteArray plain(item.body.size(), Qt::Uninitialized);
                unsigned long long length = 0;
                QVERIFY(crypto_aead_xchacha20poly1305_ietf_decrypt(
                            reinterpret_cast<unsigned char *>(plain.data()), &length, nullptr,
                            reinterpret_cast<const unsigned char *>(item.body.constData()) + 24,
                            static_cast<unsigned long long>(item.body.size() - 24),
                            reinterpret_cast<const unsigned char *>(ad.constData()),
                            static_cast<unsigned long long>(ad.size()),
                            reinterpret_cast<const unsigned char *>(item.body.constData()), key.data())
                        != 0);
            }
            v->lock();
        }

        // Removal: the administrator only, of a member who is not the administrator.
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"remove"_s, raeId }).code, 5);
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, m_aliceId }).code, 2);
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, u"0123456789abcdef0123456789abcdef"_s }).code, 2);
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, u"not-an-id"_s }).code, 2);
        const Run removed = as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, raeId });
        QVERIFY2(removed.code == 0, removed.err.constData());
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, raeId }).code, 6);
        QCOMPARE(json(m_sam, u"sam"_s, { u"practice"_s, u"status"_s }).value("removed"_L1).toInt(), 1);
        QCOMPARE(sql("SELECT rolcanlogin FROM pg_roles WHERE rolname = '" + raeRole + "'"), QByteArray("f"));
        QCOMPARE(sql("SELECT count(*) FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.member WHERE r.rolname = '"
                     + raeRole + "'"),
                 QByteArray("0"));
        QCOMPARE(sql("SELECT count(*) FROM uc.audit WHERE action = 'remove' AND object = '" + raeId.toLatin1() + "'"),
                 QByteArray("1"));
        // Her certificate and key (hers, or stolen from her machine) no longer log in.
        const Run refused = as(rae, u"rae"_s, { u"sync"_s });
        QCOMPARE(refused.code, 3);
        // The operator lets her log in again and puts her assignment back: her certificate on the
        // roster still verifies, but every client holds her revoked, and so does the server.
        sql("ALTER ROLE " + raeRole + " LOGIN; GRANT uc_member TO " + raeRole + ";");
        sql("INSERT INTO uc.assignments (supervisor, therapist, signature) VALUES ('" + raeId.toLatin1() + "', '"
            + m_aliceId.toLatin1() + "', decode('" + signature + "', 'hex'))");
        writeNote(u"After rae was removed: "_s + afterCanary);
        const QJsonObject after = syncOf(m_alice, u"alice"_s);
        QCOMPARE(after.value("pushed"_L1).toInt(), 1);
        QCOMPARE(sql("SELECT count(*) FROM uc.content_keys WHERE key_version > 1 AND member_id = '" + raeId.toLatin1()
                     + "'"),
                 QByteArray("0"));
        // Her own client says she was removed; her role, logged in again, still sees nothing new.
        const Run gone = as(rae, u"rae"_s, { u"sync"_s });
        QCOMPARE(gone.code, 6);
        QVERIFY2(gone.err.contains("removed you"), gone.err.constData());
        QCOMPARE(itemsVisibleTo(QString::fromLatin1(raeRole)), raeSaw);
        // A patched client of alice's that wraps for rae anyway is refused by the server.
        const QByteArray client = sql("SELECT client FROM uc.items ORDER BY seq DESC LIMIT 1");
        const practicetest::Script wrap = m_server.operatorSql(
            "SET SESSION AUTHORIZATION practice_admin; INSERT INTO uc.content_keys (member_id, client, key_version, "
            "sealed, made_by, signature) VALUES ('"
            + raeId.toLatin1() + "', '" + client + "', 2, '\\x00', '" + m_aliceId.toLatin1()
            + "', decode(repeat('00', 64), 'hex'));");
        QVERIFY(wrap.code != 0);
        QVERIFY2(wrap.err.contains("row-level security"), wrap.err.constData());
        // Nor can she (were she to log in) write: the server holds her uncertified.
        const practicetest::Script push = m_server.operatorSql(
            "SET SESSION AUTHORIZATION " + raeRole
            + "; INSERT INTO uc.content_keys (member_id, client, key_version, sealed, made_by, signature) VALUES ('"
            + raeId.toLatin1() + "', repeat('d', 32), 1, '\\x00', '" + raeId.toLatin1()
            + "', decode(repeat('00', 64), 'hex'));");
        QVERIFY(push.code != 0);
        sql("ALTER ROLE " + raeRole + " NOLOGIN; REVOKE uc_member FROM " + raeRole + ";");
        sql("DELETE FROM uc.assignments WHERE supervisor = '" + raeId.toLatin1() + "'");

        // The operator deletes the revocations (as the superuser, the trigger set aside): alice's
        // machine has seen two, so the server is refused before anything is read or wrapped.
        const QByteArray kept = sql("SELECT count(*) FROM uc.revocations");
        QCOMPARE(kept, QByteArray("2"));
        sql("CREATE TABLE public.revocations_kept AS SELECT * FROM uc.revocations;"
            "ALTER TABLE uc.revocations DISABLE TRIGGER revocations_append_only; DELETE FROM uc.revocations;");
        const Run rolledBack = as(m_alice, u"alice"_s, { u"sync"_s });
        QCOMPARE(rolledBack.code, 4);
        QVERIFY2(rolledBack.err.contains("revocations were deleted"), rolledBack.err.constData());
        sql("INSERT INTO uc.revocations OVERRIDING SYSTEM VALUE SELECT * FROM public.revocations_kept;"
            "DROP TABLE public.revocations_kept;"
            "ALTER TABLE uc.revocations ENABLE TRIGGER revocations_append_only;");
        QCOMPARE(as(m_alice, u"alice"_s, { u"sync"_s }).code, 0);
    }

    // A removed therapist's key still verifies their old notes; a note of theirs that reaches the
    // server after the removal (the server refuses their writes; here the operator slips one in) is
    // refused by every client: the revocation names the last note number handed out before it.
    void aNoteSlippedInAfterARemovalIsRefused()
    {
        const QString ted = m_dir.filePath(u"ted"_s);
        QVERIFY(clirun::cheapVault(ted, passphrase, u"ted"_s));
        const QString tedId = join(ted, u"ted"_s, u"therapist"_s);
        QVERIFY(!tedId.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 1);
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, tedId })
                     .code,
                 0);
        {
            auto v = Vault::open(ted, u"ted"_s,
                                 SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
            model::Client c;
            c.code = u"T-1"_s;
            c.displayName = u"Ted's client"_s;
            v->clients().add(c);
            for (const QString &text : { u"Ted's first note."_s, u"Ted's second note."_s }) {
                model::Session s;
                s.date = model::Date(2026, 12, 2);
                s.attendees.append({ 0, c.code, model::Attendance::Attended });
                v->notes().sign(
                    v->notes().addSession(s, u"free"_s, model::NoteKind::Progress, { { u"Note"_s, text } }).notes.first());
            }
            v->lock();
        }
        QCOMPARE(syncOf(ted, u"ted"_s).value("pushed"_L1).toInt(), 2);
        // The operator holds back ted's second note, the administrator removes ted, and the operator
        // then puts the note in (a new number, its author's signature intact).
        const QByteArray author = tedId.toLatin1();
        sql("CREATE TABLE public.held AS SELECT item_id, author, client, key_version, body, signature FROM uc.items "
            "WHERE author = '" + author + "' ORDER BY seq DESC LIMIT 1;"
            "ALTER TABLE uc.items DISABLE TRIGGER items_append_only;"
            "DELETE FROM uc.items WHERE item_id = (SELECT item_id FROM public.held);"
            "ALTER TABLE uc.items ENABLE TRIGGER items_append_only;");
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, tedId }).code, 0);
        sql("INSERT INTO uc.items (item_id, author, client, key_version, body, signature) SELECT * FROM public.held;"
            "DROP TABLE public.held;");
        const int samHad = receivedBy(m_sam, u"sam"_s).size();
        const Run refused = as(m_sam, u"sam"_s, { u"sync"_s });
        QCOMPARE(refused.code, 4);
        QVERIFY2(refused.err.contains("after the administrator removed them"), refused.err.constData());
        QCOMPARE(receivedBy(m_sam, u"sam"_s).size(), samHad); // nothing kept
        // Without it, sam receives ted's note from before the removal, verified.
        sql("ALTER TABLE uc.items DISABLE TRIGGER items_append_only;"
            "DELETE FROM uc.items WHERE author = '" + author + "' AND seq = (SELECT max(seq) FROM uc.items);"
            "ALTER TABLE uc.items ENABLE TRIGGER items_append_only;");
        QVERIFY(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt() >= 1); // alice's last note too
        const QByteArray received = QJsonDocument(receivedBy(m_sam, u"sam"_s)).toJson();
        QVERIFY(received.contains("Ted's first note."));
        QVERIFY(!received.contains("Ted's second note."));

        // A member removed after their join but before the administrator certified them is never
        // certified: the administrator's next status skips them and forgets their token.
        const QString uma = m_dir.filePath(u"uma"_s);
        QVERIFY(clirun::cheapVault(uma, passphrase, u"uma"_s));
        const QString umaId = join(uma, u"uma"_s, u"therapist"_s);
        QVERIFY(!umaId.isEmpty());
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, umaId }).code, 0);
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 0);
        QCOMPARE(sql("SELECT cert_signature IS NULL FROM uc.members WHERE member_id = '" + umaId.toLatin1() + "'"),
                 QByteArray("t"));
    }

    void syncNeedsAMembership()
    {
        const QString lone = m_dir.filePath(u"lone"_s);
        QVERIFY(clirun::cheapVault(lone, passphrase, u"lou"_s));
        const Run r = as(lone, u"lou"_s, { u"sync"_s });
        QCOMPARE(r.code, 6);
        QVERIFY(r.err.contains("not a member of a practice"));
        QCOMPARE(as(lone, u"lou"_s, { u"sync"_s, u"extra"_s }).code, 1);
    }

    // Two therapists write offline in their own vaults, where each note is number 1 of its vault:
    // what they sign names the notes by their uuids (schema v23), so the two never clash, and sync
    // brings both to their supervisor.
    void notesWrittenOfflineInTwoVaultsNeverShareAnId()
    {
        // A supervisor of their own for both (sam was removed above).
        const QString sol = m_dir.filePath(u"sol"_s);
        Vault::create(sol, u"sol"_s, SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())),
                      model::Role::Supervisor, vault::KdfCost::testOnly());
        const QString solId = join(sol, u"sol"_s, u"supervisor"_s);
        const QString tia = m_dir.filePath(u"tia"_s);
        QVERIFY(clirun::cheapVault(tia, passphrase, u"tia"_s));
        const QString tiaId = join(tia, u"tia"_s, u"therapist"_s);
        QVERIFY(!solId.isEmpty() && !tiaId.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 2);
        for (const QString &therapist : { tiaId, m_aliceId })
            QCOMPARE(as(m_alice, u"alice"_s,
                        { u"practice"_s, u"assign"_s, u"--supervisor"_s, solId, u"--therapist"_s, therapist })
                         .code,
                     0);
        model::Id tiasNote = 0;
        {
            auto v = Vault::open(tia, u"tia"_s,
                                 SecretBuffer::copyOf(std::string_view(passphrase.constData(), passphrase.size())));
            model::Client c;
            c.code = u"C-1"_s; // the same code as alice's client, in another vault
            c.displayName = u"Another client"_s;
            v->clients().add(c);
            model::Session s;
            s.date = model::Date(2026, 11, 23);
            s.attendees.append({ 0, c.code, model::Attendance::Attended });
            tiasNote = v->notes()
                           .addSession(s, u"free"_s, model::NoteKind::Progress, { { u"Note"_s, u"Tia's first note."_s } })
                           .notes.first();
            v->notes().sign(tiasNote);
            v->lock();
        }
        QCOMPARE(tiasNote, model::Id(1)); // alice's first note is number 1 of her vault too
        QCOMPARE(syncOf(tia, u"tia"_s).value("pushed"_L1).toInt(), 1);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 0); // wraps her clients' keys for sol
        const int pulled = syncOf(sol, u"sol"_s).value("pulled"_L1).toInt();
        const QJsonArray received = receivedBy(sol, u"sol"_s);
        QCOMPARE(received.size(), pulled);
        QVERIFY2(received.size() >= 2, qPrintable(QString::number(received.size())));
        QSet<QString> uuids;
        QSet<QString> items;
        bool fromTia = false;
        bool firstOfAlice = false;
        for (const QJsonValue &v : received) {
            const QJsonObject note = v.toObject().value("note"_L1).toObject();
            QCOMPARE(note.value("form"_L1).toInt(), 2);
            QVERIFY(!note.contains("note"_L1) && !note.contains("session"_L1));
            QCOMPARE(note.value("note_uuid"_L1).toString().size(), 36);
            uuids.insert(note.value("note_uuid"_L1).toString());
            items.insert(v.toObject().value("item"_L1).toString());
            fromTia = fromTia || v.toObject().value("author"_L1).toString() == tiaId;
            firstOfAlice = firstOfAlice || note.value("sections"_L1).toArray().at(0).toObject().value("text"_L1).toString().contains(canary);
        }
        QVERIFY(fromTia && firstOfAlice);
        QCOMPARE(uuids.size(), received.size());
        QCOMPARE(items.size(), received.size());
    }
};

QTEST_GUILESS_MAIN(PracticeSyncTest)

#include "practicesynctest.moc"
