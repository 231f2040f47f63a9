// SPDX-License-Identifier: GPL-3.0-or-later
// Co-signing through the practice server (docs/practice.md, "Co-signing, comments and returns through the server"), the
// test issue #20 names first: three therapists (alice, the practice's administrator; bea; cal), one
// supervisor assigned to alice (sam), one supervisor assigned to nobody (sid) and one auditor (aud),
// each with their own vault, against one real PostgreSQL cluster over TLS. A note written on alice's
// machine is co-signed on sam's and shows as co-signed on alice's after sync; nobody else receives
// its key; an edited, forged or late event is refused with nothing local changed.
#include "clirun.h"
#include "practicecli.h"
#include "practicecluster.h"

#include "practice/events.h"
#include "vault/clients.h"
#include "vault/notes.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sodium.h>

using namespace Qt::StringLiterals;
using namespace uc;
using clirun::Run;
using uc::vault::Vault;

namespace {

const QByteArray passphrase = "a passphrase for the practice co-sign test";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(std::string_view(passphrase.constData(), static_cast<size_t>(passphrase.size())));
}

} // namespace

class PracticeCosignTest : public QObject, private practicetest::MemberCli
{
    Q_OBJECT

    QTemporaryDir m_dir;
    practicetest::Cluster m_server;
    QString m_alice, m_bea, m_cal, m_sam, m_sid, m_aud;
    QString m_aliceId, m_beaId, m_calId, m_samId, m_sidId, m_audId;
    model::Id m_first = 0; // alice's first note

    // The item id of the newest note sam received.
    QString newestReceivedBySam()
    {
        const QJsonArray received = receivedBy(m_sam, u"sam"_s);
        return received.isEmpty() ? QString() : received.last().toObject().value("item"_L1).toString();
    }
    QJsonObject noteShown(model::Id note)
    {
        return json(m_alice, u"alice"_s, { u"note"_s, u"show"_s, QString::number(note) });
    }
    // The practice co-signatures alice's vault recorded for a note (vault/practicecosigns.h).
    int vaultRows(model::Id note)
    {
        auto v = Vault::open(m_alice, u"alice"_s, secret());
        return vault::VaultTestAccess::database(*v)
            .pragmaText(u"SELECT count(*) FROM practice_cosigns WHERE note_id = %1"_s.arg(note).toStdString())
            .toInt();
    }
    // What someone holding alice's vault key does to her vault file with sqlcipher: any statement,
    // the triggers that keep a practice co-signature dropped first.
    void editVault(const QString &statements)
    {
        auto v = Vault::open(m_alice, u"alice"_s, secret());
        vault::VaultTestAccess::database(*v).exec(
            QString(u"DROP TRIGGER IF EXISTS practice_cosigns_no_update; "_s + statements).toStdString());
    }
    QByteArray cosignsFile()
    {
        QFile f(m_alice + u"/practice/user-1/events.sealed"_s);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QByteArray sql(const QByteArray &statements)
    {
        const practicetest::Script s = m_server.operatorSql(statements);
        if (s.code != 0)
            qWarning("operator SQL failed: %s", s.err.constData());
        return s.out.trimmed();
    }
    // What a member's own role is refused or shown (row security decides, as when they log in).
    practicetest::Script asRole(const QString &memberId, const QByteArray &statements)
    {
        return m_server.operatorSql("SET SESSION AUTHORIZATION \"m_" + memberId.toLatin1() + "\"; " + statements);
    }
    // The operator changes an event past the append-only trigger (the superuser can).
    void operatorChanges(const QByteArray &statement)
    {
        sql("SET session_replication_role = replica; " + statement + ";");
    }
    // An event signed with a member's own key (their vault opened here) but put on the server by the
    // operator, past row security: what a member could only do with the operator's help.
    // contentHash: the note's own (only who signed it is wrong); sam's received copy by default.
    void slipInEvent(const QString &vault, const QString &user, const QString &memberId, const QString &item,
                     const QString &contentHash = {})
    {
        practice::EventRow e;
        e.itemId = item;
        e.author = memberId;
        e.kind = u"cosign"_s;
        e.contentHash = contentHash.isEmpty() ? contentHashOf(item) : contentHash;
        e.at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const QString practiceId = QString::fromLatin1(sql("SELECT practice_id FROM uc.practice"));
        auto v = Vault::open(vault, user, secret());
        e.signature = v->practiceIdentity().sign(practice::eventMessage(practiceId, e));
        v->lock();
        sql("INSERT INTO uc.events (item_id, author, kind, content_hash, at, signature) VALUES ('" + e.itemId.toLatin1()
            + "', '" + e.author.toLatin1() + "', 'cosign', '" + e.contentHash.toLatin1() + "', '" + e.at.toLatin1()
            + "', decode('" + e.signature.toHex() + "', 'hex'))");
    }
    // The signed content hash of a note sam received.
    QString contentHashOf(const QString &item)
    {
        for (const QJsonValue &v : receivedBy(m_sam, u"sam"_s))
            if (v.toObject().value("item"_L1).toString() == item)
                return v.toObject().value("content_hash"_L1).toString();
        return {};
    }
    model::Id writeNote(const QString &text)
    {
        auto v = Vault::open(m_alice, u"alice"_s, secret());
        model::Session s;
        s.date = model::Date(2026, 12, 1);
        s.attendees.append({ 0, u"C-1"_s, model::Attendance::Attended });
        const model::Id note
            = v->notes().addSession(s, u"free"_s, model::NoteKind::Progress, { { u"Note"_s, text } }).notes.first();
        v->notes().sign(note);
        v->lock();
        return note;
    }
    QString join(const QString &vault, const QString &user, const QString &role)
    {
        const Run invite = as(m_alice, u"alice"_s, { u"practice"_s, u"invite"_s, user, u"--role"_s, role });
        if (invite.code != 0)
            return {};
        const QString code = QString::fromLatin1(invite.out.trimmed());
        return json(vault, user, { u"practice"_s, u"join"_s, u"--server"_s, m_server.url(), u"--invite"_s, code })
            .value("member"_L1)
            .toString();
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
        m_bea = m_dir.filePath(u"bea"_s);
        m_cal = m_dir.filePath(u"cal"_s);
        m_sam = m_dir.filePath(u"sam"_s);
        m_sid = m_dir.filePath(u"sid"_s);
        m_aud = m_dir.filePath(u"aud"_s);
        QVERIFY(clirun::cheapVault(m_alice, passphrase, u"alice"_s));
        QVERIFY(clirun::cheapVault(m_bea, passphrase, u"bea"_s));
        QVERIFY(clirun::cheapVault(m_cal, passphrase, u"cal"_s));
        for (const auto &[dir, name, role] : { std::tuple { m_sam, u"sam"_s, model::Role::Supervisor },
                                               std::tuple { m_sid, u"sid"_s, model::Role::Supervisor },
                                               std::tuple { m_aud, u"aud"_s, model::Role::Auditor } })
            Vault::create(dir, name, secret(), role, vault::KdfCost::testOnly());

        m_aliceId = json(m_alice, u"alice"_s,
                         { u"practice"_s, u"init"_s, u"--server"_s, m_server.url(), u"--ca"_s, m_server.caFile(),
                           u"--ca-key"_s, m_server.caKeyFile() })
                        .value("member"_L1)
                        .toString();
        m_beaId = join(m_bea, u"bea"_s, u"therapist"_s);
        m_calId = join(m_cal, u"cal"_s, u"therapist"_s);
        m_samId = join(m_sam, u"sam"_s, u"supervisor"_s);
        m_sidId = join(m_sid, u"sid"_s, u"supervisor"_s);
        m_audId = join(m_aud, u"aud"_s, u"auditor"_s);
        for (const QString &id : { m_aliceId, m_beaId, m_calId, m_samId, m_sidId, m_audId })
            QVERIFY(!id.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 5);
        QCOMPARE(sql("SELECT schema_version FROM uc.practice"), QByteArray("7"));
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_aliceId })
                     .code,
                 0);

        auto v = Vault::open(m_alice, u"alice"_s, secret());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Dana Okafor"_s;
        v->clients().add(c);
        v->lock();
        m_first = writeNote(u"She spoke of the move and slept better."_s);
    }

    void aNoteCoSignedOnTheSupervisorsMachineShowsOnTheAuthors()
    {
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        for (const auto &[dir, name] : { std::pair { m_bea, u"bea"_s }, std::pair { m_cal, u"cal"_s },
                                         std::pair { m_sid, u"sid"_s }, std::pair { m_aud, u"aud"_s } })
            QCOMPARE(syncOf(dir, name).value("pulled"_L1).toInt(), 0);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 1);
        const QString item = newestReceivedBySam();
        QCOMPARE(item.size(), 32);

        // Refused: a therapist (5), a supervisor to whom it never came (2), an unknown item (2).
        QCOMPARE(as(m_bea, u"bea"_s, { u"practice"_s, u"cosign"_s, item }).code, 5);
        QCOMPARE(as(m_sid, u"sid"_s, { u"practice"_s, u"cosign"_s, item }).code, 2);
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s, QString(32, u'a') }).code, 2);
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s }).code, 1);
        QCOMPARE(sql("SELECT count(*) FROM uc.events"), QByteArray("0"));

        // Sam co-signs, then syncs; once only.
        const QJsonObject cosigned = json(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s, item });
        QCOMPARE(cosigned.value("cosigned_by"_L1).toString(), m_samId);
        QCOMPARE(cosigned.value("content_hash"_L1).toString(), contentHashOf(item));
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s, item }).code, 6);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 0);
        QCOMPARE(sql("SELECT count(*) FROM uc.events"), QByteArray("1"));
        QCOMPARE(sql("SELECT count(*) FROM uc.audit WHERE action = 'cosign'"), QByteArray("1"));

        // Alice's note before her sync: signed, not co-signed.
        QVERIFY(!noteShown(m_first).contains("practice_cosign"_L1));
        const QJsonObject alice = syncOf(m_alice, u"alice"_s);
        QCOMPARE(alice.value("cosigned"_L1).toInt(), 1);
        const QJsonObject shown = noteShown(m_first).value("practice_cosign"_L1).toObject();
        QCOMPARE(shown.value("cosigned_by"_L1).toString(), m_samId);
        QCOMPARE(shown.value("item"_L1).toString(), item);
        QCOMPARE(shown.value("cosigned_at"_L1).toString(), cosigned.value("cosigned_at"_L1).toString());
        const Run text = as(m_alice, u"alice"_s, { u"note"_s, u"show"_s, QString::number(m_first) });
        QVERIFY2(text.out.contains(QByteArray("Co-signed by member " + m_samId.toLatin1() + " (practice)")),
                 text.out.constData());
        // It counts in her vault (schema v26): co-signed, complete, verified offline by note verify.
        QVERIFY(shown.value("in_vault"_L1).toBool());
        QCOMPARE(noteShown(m_first).value("status"_L1).toString(), u"cosigned"_s);
        QVERIFY(noteShown(m_first).value("complete"_L1).toBool());
        const Run verified = as(m_alice, u"alice"_s, { u"note"_s, u"verify"_s, QString::number(m_first) });
        QVERIFY2(verified.code == 0
                     && verified.out.contains(QByteArray("co-signed by member " + m_samId.toLatin1() + " (practice)")),
                 verified.out.constData());
        QCOMPARE(vaultRows(m_first), 1);
        // Applied once: the next sync brings nothing, the note still shows it.
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("cosigned"_L1).toInt(), 0);
        QCOMPARE(noteShown(m_first).value("practice_cosign"_L1).toObject().value("cosigned_by"_L1).toString(), m_samId);
        // Sealed on disk.
        QVERIFY(!cosignsFile().isEmpty());
        QVERIFY(!cosignsFile().contains(m_samId.toLatin1()));

        // Nobody else ever received the key, the note or the event.
        for (const QString &other : { m_beaId, m_calId, m_sidId, m_audId }) {
            QCOMPARE(sql("SELECT count(*) FROM uc.content_keys WHERE member_id = '" + other.toLatin1() + "'"),
                     QByteArray("0"));
            QCOMPARE(asRole(other, "SELECT count(*) FROM uc.items;").out.trimmed(), QByteArray("0"));
            QCOMPARE(asRole(other, "SELECT count(*) FROM uc.events;").out.trimmed(), QByteArray("0"));
        }
        for (const auto &[dir, name] : { std::pair { m_bea, u"bea"_s }, std::pair { m_cal, u"cal"_s },
                                         std::pair { m_sid, u"sid"_s }, std::pair { m_aud, u"aud"_s } }) {
            QCOMPARE(syncOf(dir, name).value("pulled"_L1).toInt(), 0);
            QVERIFY(receivedBy(dir, name).isEmpty());
        }
        QCOMPARE(asRole(m_samId, "SELECT count(*) FROM uc.events;").out.trimmed(), QByteArray("1"));
        QCOMPARE(sql("SET SESSION AUTHORIZATION practice_admin; SELECT count(*) FROM uc.events;"), QByteArray("1"));
        // The auditor reads that it happened, not what.
        QCOMPARE(asRole(m_audId, "SELECT count(*) FROM uc.audit WHERE action = 'cosign';").out.trimmed(),
                 QByteArray("1"));
    }

    void theServerTakesEventsOnlyFromTheAssignedSupervisorAndKeepsThem()
    {
        const QString item = newestReceivedBySam();
        const QByteArray insert = "INSERT INTO uc.events (item_id, author, kind, content_hash, at, signature) "
                                  "VALUES ('"
            + item.toLatin1()
            + "', '%1', 'comment', repeat('a', 64), '2026-12-06T10:00:00Z', "
              "decode(repeat('00', 64), 'hex'));";
        // Not the assigned supervisor, or as someone else: row security refuses.
        for (const QString &who : { m_sidId, m_beaId, m_audId }) {
            const practicetest::Script s = asRole(who, QByteArray(insert).replace("%1", who.toLatin1()));
            QVERIFY2(s.code != 0 && s.err.contains("row-level security"), s.err.constData());
        }
        const practicetest::Script asSam = asRole(m_sidId, QByteArray(insert).replace("%1", m_samId.toLatin1()));
        QVERIFY(asSam.code != 0);
        // A second co-signature of the same note: refused by the server too.
        const practicetest::Script twice
            = asRole(m_samId,
                     "INSERT INTO uc.events (item_id, author, kind, content_hash, at, signature) VALUES ('"
                         + item.toLatin1() + "', '" + m_samId.toLatin1()
                         + "', 'cosign', repeat('a', 64), '2026-12-06T10:00:00Z', decode(repeat('00', 64), 'hex'));");
        QVERIFY(twice.code != 0);
        // Append-only, to the owner too.
        for (const QByteArray &change : { QByteArray("UPDATE uc.events SET at = '2026-01-01T00:00:00Z'"),
                                          QByteArray("DELETE FROM uc.events"), QByteArray("TRUNCATE uc.events") }) {
            const practicetest::Script s
                = m_server.operatorSql("SET SESSION AUTHORIZATION practice_admin; " + change + ";");
            QVERIFY2(s.code != 0 && s.err.contains("append-only"), s.err.constData());
        }
        QCOMPARE(sql("SELECT count(*) FROM uc.events"), QByteArray("1"));
    }

    void aCommentAndAReturnReachTheAuthorEncrypted()
    {
        const QString item = newestReceivedBySam();
        const QString commentCanary = u"Xylocarpa"_s, returnCanary = u"Quillwort"_s;
        const QString commentFile = clirun::file(m_dir, u"comment.txt"_s, "Good work on the " + commentCanary.toUtf8());
        const QString returnFile = clirun::file(m_dir, u"return.txt"_s, "Please add the " + returnCanary.toUtf8());
        const QString empty = clirun::file(m_dir, u"empty.txt"_s, "  \n");
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"comment"_s, item, u"--text-file"_s, empty }).code, 2);
        QCOMPARE(as(m_bea, u"bea"_s, { u"practice"_s, u"comment"_s, item, u"--text-file"_s, commentFile }).code, 5);
        QCOMPARE(as(m_sid, u"sid"_s, { u"practice"_s, u"return"_s, item, u"--comment-file"_s, returnFile }).code, 2);
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"comment"_s, item }).code, 1);
        QCOMPARE(sql("SELECT count(*) FROM uc.events"), QByteArray("1"));
        QCOMPARE(json(m_sam, u"sam"_s, { u"practice"_s, u"comment"_s, item, u"--text-file"_s, commentFile })
                     .value("kind"_L1)
                     .toString(),
                 u"comment"_s);
        QCOMPARE(json(m_sam, u"sam"_s, { u"practice"_s, u"return"_s, item, u"--comment-file"_s, returnFile })
                     .value("kind"_L1)
                     .toString(),
                 u"return"_s);
        QCOMPARE(sql("SELECT count(*) FROM uc.events WHERE body IS NOT NULL"), QByteArray("2"));
        // The operator holds ciphertext only: not in a dump, not in the data directory.
        const practicetest::Script dump = practicetest::practiceServer({ u"dump"_s, m_server.dir() });
        QCOMPARE(dump.code, 0);
        QVERIFY(dump.out.contains("uc.events"));
        for (const QString &word : { commentCanary, returnCanary })
            QVERIFY2(!dump.out.contains(word.toUtf8()), qPrintable(word));
        sql("CHECKPOINT");
        QDirIterator files(m_server.dir() + u"/data"_s, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray bytes = f.readAll();
                QVERIFY2(!bytes.contains(commentCanary.toUtf8()) && !bytes.contains(returnCanary.toUtf8()),
                         qPrintable(f.fileName()));
            }
        }

        // A changed ciphertext (its signature covers it): exit 4, nothing kept.
        const QByteArray before = cosignsFile();
        const QByteArray where = " WHERE kind = 'comment'";
        const QByteArray body = sql("SELECT encode(body, 'hex') FROM uc.events" + where);
        QByteArray flipped = body;
        flipped[body.size() - 1] = flipped[body.size() - 1] == '0' ? '1' : '0';
        operatorChanges("UPDATE uc.events SET body = decode('" + flipped + "', 'hex')" + where);
        const Run r = as(m_alice, u"alice"_s, { u"sync"_s });
        QVERIFY2(r.code == 4, r.err.constData());
        QCOMPARE(cosignsFile(), before);
        operatorChanges("UPDATE uc.events SET body = decode('" + body + "', 'hex')" + where);

        // Put back: alice reads both on her note, once; sealed on her disk.
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("comments"_L1).toInt(), 2);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("comments"_L1).toInt(), 0);
        const QJsonArray comments = noteShown(m_first).value("practice_comments"_L1).toArray();
        QCOMPARE(comments.size(), 2);
        QCOMPARE(comments.at(0).toObject().value("kind"_L1).toString(), u"comment"_s);
        QCOMPARE(comments.at(0).toObject().value("text"_L1).toString(), u"Good work on the "_s + commentCanary);
        QCOMPARE(comments.at(1).toObject().value("kind"_L1).toString(), u"return"_s);
        QCOMPARE(comments.at(1).toObject().value("by"_L1).toString(), m_samId);
        const Run text = as(m_alice, u"alice"_s, { u"note"_s, u"show"_s, QString::number(m_first) });
        QVERIFY2(text.out.contains(QByteArray("Returned by member " + m_samId.toLatin1() + " (practice)")),
                 text.out.constData());
        QVERIFY(text.out.contains(returnCanary.toUtf8()));
        QVERIFY(!cosignsFile().contains(commentCanary.toUtf8()));
    }

    // The author answers (schema v7): her addendum to the returned note goes with her next sync,
    // encrypted; the supervisor's sync verifies and keeps it. Nobody else can write one, and a
    // changed, moved or deleted one is refused with nothing kept.
    void herAddendumReachesTheSupervisorAndNobodyElseWritesOne()
    {
        const QString item = newestReceivedBySam();
        const QString canary = u"Cordyline"_s;
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"note"_s, u"addendum"_s, QString::number(m_first), u"--text-file"_s,
                      clirun::file(m_dir, u"addendum.txt"_s, "Added the " + canary.toUtf8() + " plan as asked.") })
                     .code,
                 0);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("answered"_L1).toInt(), 1);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("answered"_L1).toInt(), 0); // once
        const QByteArray where = " WHERE kind = 'addendum'";
        QCOMPARE(sql("SELECT count(*) FROM uc.events" + where), QByteArray("1"));
        QCOMPARE(sql("SELECT author FROM uc.events" + where), m_aliceId.toLatin1());
        QCOMPARE(sql("SELECT count(*) FROM uc.audit WHERE action = 'addendum'"), QByteArray("1"));
        const practicetest::Script dump = practicetest::practiceServer({ u"dump"_s, m_server.dir() });
        QCOMPARE(dump.code, 0);
        QVERIFY(!dump.out.contains(canary.toUtf8()));
        // Row security: bea (not a reader of the note) does not see it; neither she nor sam can write one.
        QCOMPARE(asRole(m_beaId, "SELECT count(*) FROM uc.events" + where + ";").out.trimmed().split('\n').last(),
                 QByteArray("0"));
        const QByteArray insert = "INSERT INTO uc.events (item_id, author, kind, content_hash, at, body, signature) "
                                  "SELECT item_id, '%1', kind, content_hash, at, body, signature FROM uc.events"
            + where + ";";
        for (const QString &member : { m_samId, m_beaId }) {
            const practicetest::Script refused = asRole(
                member, "INSERT INTO uc.events (item_id, author, kind, content_hash, at, body, signature) VALUES ('"
                            + item.toLatin1() + "', '" + member.toLatin1()
                            + "', 'addendum', repeat('a', 64), '2026-12-06T10:00:00Z', '\\x00', "
                              "decode(repeat('00', 64), 'hex'));");
            QVERIFY2(refused.code != 0 && refused.err.contains("row-level security"), refused.err.constData());
        }
        QCOMPARE(sql("SELECT count(*) FROM uc.events" + where), QByteArray("1"));

        // Sam receives it once; practice received shows the words.
        const QByteArray answers = [&] {
            QFile f(m_sam + u"/practice/user-1/answers.sealed"_s);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QVERIFY(answers.isEmpty());
        const auto kept = [&] {
            QFile f(m_sam + u"/practice/user-1/answers.sealed"_s);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const auto refusedBySam = [&](const char *what) {
            const Run r = as(m_sam, u"sam"_s, { u"sync"_s });
            QVERIFY2(r.code == 4, qPrintable(QString::fromLatin1(what) + u": "_s + QString::fromUtf8(r.err)));
            QVERIFY(kept().isEmpty());
        };
        // Its words changed on the server: refused, nothing kept.
        const QByteArray body = sql("SELECT encode(body, 'hex') FROM uc.events" + where);
        QByteArray flipped = body;
        flipped[body.size() - 1] = flipped[body.size() - 1] == '0' ? '1' : '0';
        operatorChanges("UPDATE uc.events SET body = decode('" + flipped + "', 'hex')" + where);
        refusedBySam("changed words");
        operatorChanges("UPDATE uc.events SET body = decode('" + body + "', 'hex')" + where);
        // The operator copies it under sam's name (past row security): not by the note's author.
        sql("SET session_replication_role = replica; " + QByteArray(insert).replace("%1", m_samId.toLatin1()));
        refusedBySam("an addendum not by the author");
        QCOMPARE(as(m_alice, u"alice"_s, { u"sync"_s }).code, 4); // on her note, not hers
        operatorChanges("DELETE FROM uc.events WHERE kind = 'addendum' AND author = '" + m_samId.toLatin1() + "'");
        // A copy in her own name that she did not sign (it would stand for hers if hers were deleted):
        // her sync refuses it.
        sql("SET session_replication_role = replica; INSERT INTO uc.events (item_id, author, kind, content_hash, at, "
            "body, signature) SELECT item_id, author, kind, content_hash, at, body, decode(repeat('00', 64), 'hex') "
            "FROM uc.events" + where + ";");
        const Run forged = as(m_alice, u"alice"_s, { u"sync"_s });
        QVERIFY2(forged.code == 4 && forged.err.contains("not signed by your key"), forged.err.constData());
        operatorChanges("DELETE FROM uc.events WHERE kind = 'addendum' AND signature = decode(repeat('00', 64), 'hex')");

        const QJsonObject synced = syncOf(m_sam, u"sam"_s);
        QCOMPARE(synced.value("addenda"_L1).toInt(), 1);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("addenda"_L1).toInt(), 0);
        QVERIFY(!kept().isEmpty() && !kept().contains(canary.toUtf8()));
        QJsonArray addenda;
        for (const QJsonValue &v : receivedBy(m_sam, u"sam"_s))
            if (v.toObject().value("item"_L1).toString() == item)
                addenda = v.toObject().value("addenda"_L1).toArray();
        QCOMPARE(addenda.size(), 1);
        QCOMPARE(addenda.first().toObject().value("text"_L1).toString(), u"Added the "_s + canary + u" plan as asked."_s);

        // Deleted on the server once sam kept it: his sync and hers say so (seen here; her audit entry).
        sql("CREATE TABLE public.kept_addendum AS SELECT * FROM uc.events" + where + ";");
        operatorChanges("DELETE FROM uc.events" + where);
        const Run samRun = as(m_sam, u"sam"_s, { u"sync"_s });
        QVERIFY2(samRun.code == 4 && samRun.err.contains("deleted"), samRun.err.constData());
        const Run aliceRun = as(m_alice, u"alice"_s, { u"sync"_s });
        QVERIFY2(aliceRun.code == 4 && aliceRun.err.contains("an addendum you pushed was deleted"), aliceRun.err.constData());
        operatorChanges("INSERT INTO uc.events SELECT * FROM public.kept_addendum; DROP TABLE public.kept_addendum");
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("addenda"_L1).toInt(), 0);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("answered"_L1).toInt(), 0);
    }

    void anEditedEventIsRefusedAndNothingLocalChanges()
    {
        const model::Id note = writeNote(u"The second session: she named the fear."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 1);
        const QString item = newestReceivedBySam();
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s, item }).code, 0);
        const QByteArray before = cosignsFile();
        const QByteArray where = " WHERE item_id = '" + item.toLatin1() + "'";
        const QByteArray signature = sql("SELECT encode(signature, 'hex') FROM uc.events" + where);
        const QByteArray hash = sql("SELECT content_hash FROM uc.events" + where);
        QCOMPARE(signature.size(), 128);

        const auto refused = [&](const char *what) {
            const Run r = as(m_alice, u"alice"_s, { u"sync"_s });
            QVERIFY2(r.code == 4, qPrintable(QString::fromLatin1(what) + u": "_s + QString::fromUtf8(r.err)));
            QCOMPARE(cosignsFile(), before);
            QVERIFY(!noteShown(note).contains("practice_cosign"_L1));
        };
        // Its signature changed.
        QByteArray flipped = signature;
        flipped[0] = flipped[0] == '0' ? '1' : '0';
        operatorChanges("UPDATE uc.events SET signature = decode('" + flipped + "', 'hex')" + where);
        refused("a changed signature");
        // Its content hash changed (another note's content): the signature no longer covers it.
        QByteArray otherHash = hash;
        otherHash[0] = otherHash[0] == 'a' ? 'b' : 'a';
        operatorChanges("UPDATE uc.events SET signature = decode('" + signature + "', 'hex'), content_hash = '"
                        + otherHash + "'" + where);
        refused("a changed content hash");
        // Put back: it arrives, once.
        operatorChanges("UPDATE uc.events SET content_hash = '" + hash + "'" + where);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("cosigned"_L1).toInt(), 1);
        QCOMPARE(noteShown(note).value("practice_cosign"_L1).toObject().value("cosigned_by"_L1).toString(), m_samId);
        // Replayed by the operator (the unique index dropped, the row copied): applied once.
        sql("DROP INDEX uc.events_one_cosign; INSERT INTO uc.events (item_id, author, kind, content_hash, at, "
            "signature) SELECT item_id, author, kind, content_hash, at, signature FROM uc.events"
            + where + ";");
        QCOMPARE(sql("SELECT count(*) FROM uc.events" + where), QByteArray("2"));
        const QJsonObject replayed = syncOf(m_alice, u"alice"_s);
        QVERIFY2(replayed.value("cosigned"_L1).toInt() == 0, QJsonDocument(replayed).toJson().constData());
        operatorChanges("DELETE FROM uc.events WHERE seq = (SELECT max(seq) FROM uc.events)");
        sql("CREATE UNIQUE INDEX events_one_cosign ON uc.events (item_id) WHERE kind = 'cosign';");
    }

    void anEventByAnUnassignedOrRemovedSupervisorIsRefused()
    {
        const model::Id late = writeNote(u"Third: co-signed after the assignment ended."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        const model::Id early = writeNote(u"Fourth: co-signed while it held."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        QCOMPARE(syncOf(m_sam, u"sam"_s).value("pulled"_L1).toInt(), 2);
        const QJsonArray received = receivedBy(m_sam, u"sam"_s);
        const QString lateItem = received.at(received.size() - 2).toObject().value("item"_L1).toString();
        const QString earlyItem = received.last().toObject().value("item"_L1).toString();
        // Sam co-signs the fourth while assigned; alice has not synced since.
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s, earlyItem }).code, 0);
        const QByteArray before = cosignsFile();

        // Sid, a supervisor never assigned to alice, signs a co-signature with his own key; the
        // operator slips it in.
        slipInEvent(m_sid, u"sid"_s, m_sidId, lateItem);
        Run r = as(m_alice, u"alice"_s, { u"sync"_s });
        QVERIFY2(r.code == 4 && r.err.contains("did not assign"), r.err.constData());
        QCOMPARE(cosignsFile(), before);
        operatorChanges("DELETE FROM uc.events WHERE author = '" + m_sidId.toLatin1() + "'");

        // The administrator ends sam's assignment: sam's client refuses, the server refuses.
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"unassign"_s, u"--supervisor"_s, m_samId, u"--therapist"_s, m_aliceId })
                     .code,
                 0);
        QCOMPARE(as(m_sam, u"sam"_s, { u"practice"_s, u"cosign"_s, lateItem }).code, 5);
        const practicetest::Script direct
            = asRole(m_samId,
                     "INSERT INTO uc.events (item_id, author, kind, content_hash, at, signature) VALUES ('"
                         + lateItem.toLatin1() + "', '" + m_samId.toLatin1()
                         + "', 'cosign', repeat('a', 64), '2026-12-06T10:00:00Z', decode(repeat('00', 64), 'hex'));");
        QVERIFY2(direct.code != 0 && direct.err.contains("row-level security"), direct.err.constData());
        // Signed with sam's key after the revocation and slipped in by the operator: refused.
        slipInEvent(m_sam, u"sam"_s, m_samId, lateItem);
        r = as(m_alice, u"alice"_s, { u"sync"_s });
        QVERIFY2(r.code == 4 && r.err.contains("ended"), r.err.constData());
        QCOMPARE(cosignsFile(), before);
        QVERIFY(!noteShown(early).contains("practice_cosign"_L1));
        operatorChanges("DELETE FROM uc.events WHERE item_id = '" + lateItem.toLatin1() + "'");

        // What sam co-signed while the assignment held still counts.
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("cosigned"_L1).toInt(), 1);
        QCOMPARE(noteShown(early).value("practice_cosign"_L1).toObject().value("cosigned_by"_L1).toString(), m_samId);
        QVERIFY(!noteShown(late).contains("practice_cosign"_L1));

        // An addendum alice writes now, on a note sam received while assigned, is sealed under the
        // client's key as rotated at her sync above (schema v7): sam's sync does not fail on it and
        // keeps nothing of it; what he kept before stays.
        const QByteArray canary = "Tamarillo";
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"note"_s, u"addendum"_s, QString::number(m_first), u"--text-file"_s,
                      clirun::file(m_dir, u"late-addendum.txt"_s, "After the assignment ended: the " + canary + " plan.") })
                     .code,
                 0);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("answered"_L1).toInt(), 1);
        QCOMPARE(sql("SELECT max(key_version) FROM uc.content_keys WHERE made_by = '" + m_aliceId.toLatin1() + "'"),
                 QByteArray("2"));
        const Run samSync = as(m_sam, u"sam"_s, { u"sync"_s, u"--json"_s });
        QVERIFY2(samSync.code == 0, samSync.err.constData());
        QCOMPARE(QJsonDocument::fromJson(samSync.out).object().value("addenda"_L1).toInt(), 0);
        const QJsonArray all = receivedBy(m_sam, u"sam"_s);
        QCOMPARE(all.first().toObject().value("addenda"_L1).toArray().size(), 1);
        QVERIFY(!QJsonDocument(all).toJson().contains(canary));
    }

    void anEventByARemovedSupervisorIsRefused()
    {
        const QString rae = m_dir.filePath(u"rae"_s);
        Vault::create(rae, u"rae"_s, secret(), model::Role::Supervisor, vault::KdfCost::testOnly());
        const QString raeId = join(rae, u"rae"_s, u"supervisor"_s);
        QVERIFY(!raeId.isEmpty());
        QCOMPARE(json(m_alice, u"alice"_s, { u"practice"_s, u"status"_s }).value("certified_now"_L1).toInt(), 1);
        QCOMPARE(as(m_alice, u"alice"_s,
                    { u"practice"_s, u"assign"_s, u"--supervisor"_s, raeId, u"--therapist"_s, m_aliceId })
                     .code,
                 0);
        writeNote(u"Fifth: read by rae."_s);
        QCOMPARE(syncOf(m_alice, u"alice"_s).value("pushed"_L1).toInt(), 1);
        QVERIFY(syncOf(rae, u"rae"_s).value("pulled"_L1).toInt() > 0);
        const QJsonArray received = receivedBy(rae, u"rae"_s);
        const QString item = received.last().toObject().value("item"_L1).toString();
        QCOMPARE(item.size(), 32);
        // While assigned, a co-signature she signed over other content than alice's signed note (the
        // operator puts it in past the server's checks): refused, nothing kept.
        const QByteArray kept = cosignsFile();
        slipInEvent(rae, u"rae"_s, raeId, item, QString(64, u'c'));
        Run r = as(m_alice, u"alice"_s, { u"sync"_s });
        QVERIFY2(r.code == 4 && r.err.contains("other content"), r.err.constData());
        QCOMPARE(cosignsFile(), kept);
        operatorChanges("DELETE FROM uc.events WHERE author = '" + raeId.toLatin1() + "'");
        QCOMPARE(as(m_alice, u"alice"_s, { u"practice"_s, u"remove"_s, raeId }).code, 0);
        // Her role no longer logs in (3); an event signed with her key and slipped in: refused.
        QCOMPARE(as(rae, u"rae"_s, { u"practice"_s, u"cosign"_s, item }).code, 3);
        const QByteArray before = cosignsFile();
        slipInEvent(rae, u"rae"_s, raeId, item, received.last().toObject().value("content_hash"_L1).toString());
        r = as(m_alice, u"alice"_s, { u"sync"_s });
        QVERIFY2(r.code == 4 && r.err.contains("ended"), r.err.constData());
        QCOMPARE(cosignsFile(), before);
    }

    // The attacker's tests of brief cosignvault20: a practice co-signature in alice's vault, edited
    // there with the vault key, swapped for another of sam's valid co-signatures (of another note), or
    // replayed onto a note whose text differs: note verify says exit 4 each time.
    void aPracticeCosignatureEditedInTheVaultFailsNoteVerify()
    {
        const auto verify = [&](model::Id note) {
            return as(m_alice, u"alice"_s, { u"note"_s, u"verify"_s, QString::number(note) });
        };
        // The second note sam co-signed (anEditedEventIsRefusedAndNothingLocalChanges) is recorded too.
        model::Id second = 0;
        {
            auto v = Vault::open(m_alice, u"alice"_s, secret());
            second = vault::VaultTestAccess::database(*v)
                         .pragmaText(u"SELECT note_id FROM practice_cosigns WHERE note_id <> %1 ORDER BY note_id"_s
                                         .arg(m_first)
                                         .toStdString())
                         .toLongLong();
        }
        QVERIFY(second != 0);
        QCOMPARE(verify(m_first).code, 0);
        QCOMPARE(verify(second).code, 0);
        const QString columns = u"signature, event, cosigned_at, item_id, seq"_s;
        // The rows as sync recorded them, kept aside once (a table of the attacker's, in the file).
        const QString saved = u"CREATE TABLE IF NOT EXISTS saved AS SELECT note_id, %1 FROM practice_cosigns; "_s.arg(columns);
        const QString restore = u"UPDATE practice_cosigns SET (%1) = (SELECT %1 FROM saved s WHERE s.note_id = "
                                "practice_cosigns.note_id)"_s.arg(columns);
        // An edited signature.
        editVault(saved + u"UPDATE practice_cosigns SET signature = substr('00' || signature, 1, 128) WHERE note_id = %1; "_s.arg(m_first));
        Run r = verify(m_first);
        QVERIFY2(r.code == 4, r.err.constData());
        editVault(saved + restore);
        QCOMPARE(verify(m_first).code, 0);
        // Sam's valid co-signature of the second note put on the first: every column of it.
        editVault(saved + u"UPDATE practice_cosigns SET (%1) = (SELECT %1 FROM saved WHERE note_id = %2) WHERE note_id = %3"_s
                              .arg(columns)
                              .arg(second)
                              .arg(m_first));
        r = verify(m_first);
        QVERIFY2(r.code == 4, r.err.constData());
        editVault(saved + restore);
        QCOMPARE(verify(m_first).code, 0);
        // Replayed: the first note's row copied onto a signed note of alice's that sam never co-signed
        // (its text differs), with alice's signature of the row copied too.
        const model::Id third = writeNote(u"A note sam never saw."_s);
        editVault(u"INSERT INTO practice_cosigns SELECT %1, practice_id, item_id, member_id, seq, cosigned_at, content_hash, "
                  "event, signature, sign_public, certificate, certificate_signature, admin_key, recorded_by, recorded_at "
                  "FROM practice_cosigns WHERE note_id = %2; INSERT INTO signatures(object, signer, signature) SELECT "
                  "'practice-cosign:%1', signer, signature FROM signatures WHERE object = 'practice-cosign:%2'"_s
                      .arg(third)
                      .arg(m_first));
        QCOMPARE(noteShown(third).value("status"_L1).toString(), u"cosigned"_s);
        r = verify(third);
        QVERIFY2(r.code == 4, r.err.constData());
        QCOMPARE(verify(m_first).code, 0);
    }
};

QTEST_GUILESS_MAIN(PracticeCosignTest)

#include "practicecosigntest.moc"
