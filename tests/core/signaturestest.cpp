// SPDX-License-Identifier: GPL-3.0-or-later
// Signatures are Ed25519 signatures by each user's own key, certified by the administrator:
// what a colleague holding the shared data key could forge with a SHA-256 "signature" no longer
// verifies. Each test is an attack that passed before per-user keys: a signed note edited in the raw
// database with its hash recomputed, a forged or foreign `import --json`, a certificate swapped for
// another user's, a role raised without a certificate. An old vault gets its keys at the next unlock.
#include "model/types.h"
#include "testvault.h"
#include "vault/keyslots.h"
#include "vault/signing.h"
#include "vault/notes.h"
#include "vault/testaccess.h"
#include "vault/userkeys.h"
#include "vault/uuids.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::model::Id;
using uc::testing::errorOf;
using uc::testing::secret;
using uc::vault::KdfCost;
using uc::vault::KeySlots;
using uc::vault::Vault;

namespace {

// alice (therapist, administrator), bob (therapist), sam (supervisor, co-signs alice's notes).
struct Practice
{
    QTemporaryDir tmp;
    QString dir = tmp.filePath(u"vault"_s);
    Id signedNote = 0;
    Id cosignedNote = 0;

    explicit Practice(const QString &client = u"C-1"_s)
    {
        {
            auto v = Vault::create(dir, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
            v->addUser(u"bob"_s, model::Role::Therapist, secret(), KdfCost::testOnly());
            v->addUser(u"sam"_s, model::Role::Supervisor, secret(), KdfCost::testOnly());
            model::Client c;
            c.code = client;
            c.displayName = u"Client One"_s;
            v->clients().add(c);
            signedNote = newNote(*v, client, u"She drinks when she feels abandoned."_s);
            cosignedNote = newNote(*v, client, u"Cravings after the argument with her brother."_s);
            v->notes().addAddendum(signedNote, u"Correction: the session ran 60 minutes."_s);
        }
        {
            auto s = open(u"sam"_s);
            s->supervision().assign(u"alice"_s, u"sam"_s, model::SupervisionMode::Review);
            s->supervision().cosign(cosignedNote);
        }
    }

    static Id newNote(Vault &v, const QString &client, const QString &text)
    {
        model::Session s;
        s.date = model::Date(2025, 3, 3);
        s.minutes = 50;
        s.attendees.append({0, client, model::Attendance::Attended});
        const auto made = v.notes().addSession(s, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, text}});
        v.notes().sign(made.notes.first());
        return made.notes.first();
    }

    [[nodiscard]] std::unique_ptr<Vault> open(const QString &user) const { return Vault::open(dir, user, secret()); }
    [[nodiscard]] SecretBuffer dataKey() const { return KeySlots::load(dir).unwrapUser(u"alice"_s, secret()); }
    [[nodiscard]] QString slotsPath() const { return QDir(dir).filePath(QLatin1String(KeySlots::fileName)); }
    // What an insider holding the data key can do to keyslots.json: edit it and reseal its MAC.
    void resealAsInsider(const std::function<void(QJsonObject &)> &edit) const
    {
        testing::resealSlotsAsInsider(dir, dataKey(), edit);
    }
    // A user's own keys, as that user (or anyone holding their passphrase) can read them.
    [[nodiscard]] vault::UserKeys keysOf(const QString &user) const
    {
        SecretBuffer payload;
        (void)KeySlots::load(dir).unwrapUser(user, secret(), &payload);
        return *vault::UserKeys::fromPayload(payload);
    }
};

// The insider's edit: new text in a signed note, its SHA-256 recomputed, the immutability trigger
// dropped first, through the raw connection (what `sqlcipher` with the data key allows).
void rewriteSignedNote(Vault &v, Id id, const QString &text)
{
    model::Note n = v.notes().read(id);
    n.sections.first().text = text;
    auto &db = vault::VaultTestAccess::database(v);
    db.exec("DROP TRIGGER IF EXISTS notes_signed_no_update");
    db.prepare("UPDATE notes SET sections = ?, body = ?, content_hash = ? WHERE id = ?")
        .bind(1, model::sectionsToJson(n.sections))
        .bind(2, n.text())
        .bind(3, vault::sha256Hex(vault::canonicalContent(n).toUtf8()))
        .bind(4, id)
        .run();
}

// Unlocking as user is refused as damage because their own key certificate does not hold.
void refusedForTheCertificate(const Practice &p, const QString &user)
{
    const auto e = errorOf([&] { (void)p.open(user); });
    QVERIFY(e);
    QCOMPARE(e->kind(), ErrorKind::Damaged);
    QVERIFY2(e->message().contains(u"certificate"_s), qPrintable(e->message()));
}

// A stand-in uuid for a forged record, the same for the same original.
QString freshUuid(const QString &original)
{
    static QHash<QString, QString> made;
    if (!made.contains(original))
        made.insert(original, QUuid::createUuid().toString(QUuid::WithoutBraces));
    return made.value(original);
}

QJsonObject objectOf(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

qint64 count(Vault &v, const char *sql)
{
    return vault::VaultTestAccess::database(v).pragmaText(sql).toLongLong();
}

} // namespace

class SignaturesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void signaturesVerifyAndNameTheirSigners()
    {
        Practice p;
        auto v = p.open(u"bob"_s);
        const vault::SignatureCheck signedOne = v->notes().checkSignatures(p.signedNote);
        QVERIFY2(signedOne.ok, qPrintable(signedOne.problem));
        QCOMPARE(signedOne.signers, (QStringList{u"signed by alice"_s, u"addendum by alice"_s}));
        const vault::SignatureCheck cosigned = v->notes().checkSignatures(p.cosignedNote);
        QVERIFY2(cosigned.ok, qPrintable(cosigned.problem));
        QCOMPARE(cosigned.signers, (QStringList{u"signed by alice"_s, u"co-signed by sam"_s}));
        QVERIFY(cosigned.migrated.isEmpty());
        // Each signature is stored, by its signer, beside the hash it covers.
        QCOMPARE(count(*v, "SELECT count(*) FROM signatures"), 4);
    }

    void aSignedNoteRewrittenInTheDatabaseFailsNamingItsSigner()
    {
        Practice p;
        {
            auto bob = p.open(u"bob"_s);
            rewriteSignedNote(*bob, p.signedNote, u"Bob's words, not hers."_s);
            rewriteSignedNote(*bob, p.cosignedNote, u"Also bob's words."_s);
            // The hash matches the new text: before per-user keys this verified.
            const model::Note n = bob->notes().read(p.signedNote);
            QCOMPARE(vault::sha256Hex(vault::canonicalContent(n).toUtf8()), n.contentHash);
        }
        auto alice = p.open(u"alice"_s);
        const vault::SignatureCheck check = alice->notes().checkSignatures(p.signedNote);
        QVERIFY(!check.ok);
        QCOMPARE(check.problem, u"alice's signature does not verify"_s);
        QVERIFY(!alice->notes().verifySignature(p.cosignedNote));
    }

    void bobCannotSignAsAlice()
    {
        Practice p;
        const vault::UserKeys bobKeys = p.keysOf(u"bob"_s);
        auto bob = p.open(u"bob"_s);
        rewriteSignedNote(*bob, p.signedNote, u"Bob's words, not hers."_s);
        // He signs the new hash with his own key under alice's name.
        const model::Note n = bob->notes().read(p.signedNote);
        vault::VaultTestAccess::database(*bob)
            .prepare("UPDATE signatures SET signature = ? WHERE object = ?")
            .bind(1, bobKeys.sign(vault::signedMessage(u"sign"_s, n.contentHash)))
            .bind(2, u"note:%1"_s.arg(p.signedNote))
            .run();
        QCOMPARE(bob->notes().checkSignatures(p.signedNote).problem, u"alice's signature does not verify"_s);
        // Or names himself as the signer: the canonical content then names bob, but the note stays alice's.
        vault::VaultTestAccess::database(*bob)
            .prepare("UPDATE signatures SET signer = 'bob' WHERE object = ?")
            .bind(1, u"note:%1"_s.arg(p.signedNote))
            .run();
        QCOMPARE(bob->notes().checkSignatures(p.signedNote).problem, u"alice's signature is missing"_s);
    }

    void aSwappedCertificateStopsAlicesNotesVerifying()
    {
        Practice p;
        // Bob puts his own key in alice's certificate (and reseals keyslots.json with the data key).
        p.resealAsInsider([](QJsonObject &root) {
            QJsonObject extra = root.value("extra"_L1).toObject();
            QJsonObject certs = extra.value("certs"_L1).toObject();
            QJsonObject forged = certs.value("bob"_L1).toObject();
            forged.insert(u"user"_s, u"alice"_s);
            forged.insert(u"admin"_s, true);
            certs.insert(u"alice"_s, forged);
            extra.insert(u"certs"_s, certs);
            root.insert(u"extra"_s, extra);
        });
        {
            auto sam = p.open(u"sam"_s); // a colleague's bad certificate does not block sam
            const vault::SignatureCheck check = sam->notes().checkSignatures(p.signedNote);
            QVERIFY(!check.ok);
            QVERIFY2(check.problem.startsWith(u"alice's key is not certified"_s), qPrintable(check.problem));
        }
        // Alice's own certificate no longer holds: her unlock says so (damaged, exit 4).
        refusedForTheCertificate(p, u"alice"_s);
    }

    void aForgedImportIsRefusedAndNothingIsWritten()
    {
        Practice p;
        auto bob = p.open(u"bob"_s);
        QJsonObject record = bob->records().exportClient(u"C-1"_s, false);
        // The record moved to a new client code, free numbers and new uuids (its own would be refused
        // as taken, see anImportWhoseUuidIsTakenIsRefused), alice's note given bob's words and its
        // hash recomputed: the record's own checks all pass.
        record.insert(u"client"_s, [&] {
            QJsonObject c = record.value("client"_L1).toObject();
            c.insert(u"code"_s, u"C-2"_s);
            return c;
        }());
        QJsonArray sessions = record.value("sessions"_L1).toArray();
        for (qsizetype i = 0; i < sessions.size(); ++i) {
            QJsonObject s = sessions.at(i).toObject();
            s.insert(u"id"_s, s.value("id"_L1).toDouble() + 1000);
            s.insert(u"uuid"_s, freshUuid(s.value("uuid"_L1).toString()));
            QJsonArray attendees = s.value("attendees"_L1).toArray();
            for (qsizetype k = 0; k < attendees.size(); ++k) {
                QJsonObject a = attendees.at(k).toObject();
                a.insert(u"client"_s, u"C-2"_s);
                attendees.replace(k, a);
            }
            s.insert(u"attendees"_s, attendees);
            sessions.replace(i, s);
        }
        record.insert(u"sessions"_s, sessions);
        QJsonArray notes = record.value("notes"_L1).toArray();
        for (qsizetype i = 0; i < notes.size(); ++i) {
            QJsonObject o = notes.at(i).toObject();
            model::Note n = bob->notes().read(static_cast<Id>(o.value("id"_L1).toDouble()));
            n.id += 1000;
            n.sessionId += 1000;
            n.clientCode = u"C-2"_s;
            n.uuid = freshUuid(n.uuid);
            n.sessionUuid = freshUuid(n.sessionUuid);
            o.insert(u"uuid"_s, n.uuid);
            if (i == 0)
                n.sections.first().text = u"Bob's words, signed by alice."_s;
            o.insert(u"id"_s, static_cast<double>(n.id));
            o.insert(u"session"_s, static_cast<double>(n.sessionId));
            o.insert(u"sections"_s, model::sectionsJsonArray(n.sections));
            n.contentHash = vault::sha256Hex(vault::canonicalContent(n).toUtf8());
            o.insert(u"content_hash"_s, n.contentHash);
            o.insert(u"cosign_hash"_s, n.status == model::NoteStatus::Cosigned
                                           ? vault::sha256Hex(vault::cosignContent(n, n.cosignedBy, n.cosignedAt).toUtf8())
                                           : QString());
            if (n.status != model::NoteStatus::Cosigned)
                o.remove(u"cosign_hash"_s);
            o.insert(u"addenda"_s, QJsonArray{}); // addenda sign the old hash; drop them
            o.insert(u"themes"_s, QJsonArray{});  // and the tags point into the old text
            notes.replace(i, o);
        }
        record.insert(u"notes"_s, notes);

        const qint64 before = count(*bob, "SELECT count(*) FROM notes");
        const auto e = errorOf([&] { (void)bob->records().importClient(record); });
        QVERIFY(e);
        QVERIFY2(e->kind() == ErrorKind::Damaged, qPrintable(e->message()));
        QVERIFY2(e->message().contains(u"alice's signature does not verify"_s), qPrintable(e->message()));
        QCOMPARE(count(*bob, "SELECT count(*) FROM notes"), before);
        QVERIFY(!bob->clients().find(u"C-2"_s));

        // A signature simply left out, or a key carried in the file, proves nothing either.
        QJsonObject first = notes.at(0).toObject();
        first.remove(u"signature"_s);
        first.insert(u"sign_pk"_s, QString::fromLatin1(p.keysOf(u"bob"_s).signPublic.toBase64()));
        notes.replace(0, first);
        record.insert(u"notes"_s, notes);
        const auto unsignedOne = errorOf([&] { (void)bob->records().importClient(record); });
        QVERIFY(unsignedOne);
        QCOMPARE(unsignedOne->kind(), ErrorKind::Damaged);
        QVERIFY(!bob->clients().find(u"C-2"_s));
    }

    // Schema v23: what is signed from now on names the note, its session and its comments by their
    // practice-wide uuids, never by the vault's own numbers, and says which form it is.
    void aNoteSignedNowNamesItsUuidsAndNoLocalNumber()
    {
        Practice p;
        auto alice = p.open(u"alice"_s);
        const model::Note n = alice->notes().read(p.signedNote);
        QCOMPARE(n.canonicalForm, vault::currentCanonicalForm);
        QVERIFY2(vault::isUuid(n.uuid), qPrintable(n.uuid));
        QVERIFY2(vault::isUuid(n.sessionUuid), qPrintable(n.sessionUuid));
        const QJsonObject canonical = objectOf(vault::Notes::canonicalForm(n));
        QCOMPARE(canonical.value("form"_L1).toInt(), 2);
        QCOMPARE(canonical.value("note_uuid"_L1).toString(), n.uuid);
        QCOMPARE(canonical.value("session_uuid"_L1).toString(), n.sessionUuid);
        for (auto it = canonical.begin(); it != canonical.end(); ++it)
            QVERIFY2(it.key() == "form"_L1 || !it.value().isDouble(), qPrintable(it.key()));
        QVERIFY(alice->notes().verifySignature(p.signedNote));

        const model::Note c = alice->notes().read(p.cosignedNote);
        QCOMPARE(c.cosignForm, 2);
        QVERIFY(c.uuid != n.uuid);
        QVERIFY(c.sessionUuid != n.sessionUuid);
        const QJsonObject cosign = objectOf(vault::cosignContent(c, c.cosignedBy, c.cosignedAt));
        QVERIFY(!cosign.contains("note"_L1));
        QCOMPARE(cosign.value("note_uuid"_L1).toString(), c.uuid);
        QCOMPARE(alice->notes().addenda(p.signedNote).first().form, 2);
        QVERIFY(alice->notes().verifySignature(p.cosignedNote));

        // A comment: its own uuid and its note's, form 2, verified.
        alice.reset();
        {
            auto sam = p.open(u"sam"_s);
            (void)sam->supervision().comment(p.signedNote, u"Name the trigger next time."_s);
        }
        alice = p.open(u"alice"_s);
        const QList<model::NoteComment> comments = alice->supervision().comments(p.signedNote);
        QCOMPARE(comments.size(), 1);
        QCOMPARE(comments.first().form, 2);
        QVERIFY(vault::isUuid(comments.first().uuid));
        QCOMPARE(comments.first().noteUuid, n.uuid);
        QCOMPARE(comments.first().signature, model::CommentSignature::Verified);
        QVERIFY(alice->notes().verifySignature(p.signedNote));
    }

    // The form a row was signed in is recorded beside it, where an insider with the data key could
    // flip it; the form is inside what is hashed, so the other form never matches the signed hash.
    void aFlippedFormOrASwappedUuidBreaksTheSignature()
    {
        Practice p;
        auto alice = p.open(u"alice"_s);
        const Id other = Practice::newNote(*alice, u"C-1"_s, u"A second signed note."_s);
        auto &db = vault::VaultTestAccess::database(*alice);
        // The schema refuses both edits on its own.
        QVERIFY(errorOf([&] { db.prepare("UPDATE notes SET canonical_form = 1 WHERE id = ?").bind(1, other).run(); }));
        QVERIFY(errorOf([&] { db.prepare("UPDATE notes SET uuid = ? WHERE id = ?").bind(1, vault::newUuid()).bind(2, other).run(); }));
        db.exec("DROP TRIGGER notes_signed_no_update; DROP TRIGGER notes_uuid_kept");

        db.prepare("UPDATE notes SET canonical_form = 1 WHERE id = ?").bind(1, p.signedNote).run();
        const vault::SignatureCheck flipped = alice->notes().checkSignatures(p.signedNote);
        QVERIFY(!flipped.ok);
        QVERIFY2(flipped.problem.contains(u"does not match alice's signature"_s), qPrintable(flipped.problem));
        db.prepare("UPDATE notes SET canonical_form = 2 WHERE id = ?").bind(1, p.signedNote).run();
        QVERIFY(alice->notes().verifySignature(p.signedNote));
        // The co-signature's form likewise.
        db.prepare("UPDATE notes SET cosign_form = 1 WHERE id = ?").bind(1, p.cosignedNote).run();
        const vault::SignatureCheck cosignFlipped = alice->notes().checkSignatures(p.cosignedNote);
        QVERIFY(!cosignFlipped.ok);
        QVERIFY2(cosignFlipped.problem.contains(u"co-signature"_s), qPrintable(cosignFlipped.problem));

        // Two signed notes' uuids swapped: neither holds.
        const QString a = alice->notes().read(p.signedNote).uuid;
        const QString b = alice->notes().read(other).uuid;
        QVERIFY(a != b);
        db.prepare("UPDATE notes SET uuid = 'swapping' WHERE id = ?").bind(1, p.signedNote).run();
        db.prepare("UPDATE notes SET uuid = ? WHERE id = ?").bind(1, a).bind(2, other).run();
        db.prepare("UPDATE notes SET uuid = ? WHERE id = ?").bind(1, b).bind(2, p.signedNote).run();
        QVERIFY(!alice->notes().checkSignatures(p.signedNote).ok);
        QVERIFY(!alice->notes().checkSignatures(other).ok);
        // And one uuid on two notes is refused by the schema.
        QVERIFY(errorOf([&] { db.prepare("UPDATE notes SET uuid = ? WHERE id = ?").bind(1, a).bind(2, p.signedNote).run(); }));
    }

    // A note signed before v23, in form 1 over its numbers, as a v22 build left it (no uuid), keeps
    // verifying after the migration gives it a uuid; it stays in form 1.
    void aNoteSignedBeforeUuidsStillVerifiesAfterTheMigration()
    {
        Practice p;
        Id old = 0;
        {
            auto alice = p.open(u"alice"_s);
            old = Practice::newNote(*alice, u"C-1"_s, u"Signed by a v22 build."_s);
            auto &db = vault::VaultTestAccess::database(*alice);
            db.exec("DROP TRIGGER notes_signed_no_update; DROP TRIGGER notes_uuid_kept; DROP TRIGGER notes_uuid_given");
            model::Note n = alice->notes().read(old);
            n.canonicalForm = 1;
            const QString hash = vault::sha256Hex(vault::canonicalContent(n).toUtf8());
            db.prepare("UPDATE notes SET uuid = NULL, canonical_form = 1, content_hash = ? WHERE id = ?")
                .bind(1, hash)
                .bind(2, old)
                .run();
            db.prepare("UPDATE signatures SET signature = ? WHERE object = ?")
                .bind(1, p.keysOf(u"alice"_s).sign(vault::signedMessage(u"sign"_s, hash)))
                .bind(2, u"note:%1"_s.arg(old))
                .run();
            // A comment signed then too, in form 1, without a uuid.
            const Id commentId = alice->supervision().comment(p.signedNote, u"Written by a v22 build."_s);
            model::NoteComment c = alice->supervision().comments(p.signedNote).constLast();
            QCOMPARE(c.id, commentId);
            c.form = 1;
            const QString noteHash = alice->notes().read(p.signedNote).contentHash;
            db.exec("DROP TRIGGER note_comments_no_update; DROP TRIGGER note_comments_uuid_given");
            db.prepare("UPDATE note_comments SET uuid = NULL, canonical_form = 1 WHERE id = ?").bind(1, commentId).run();
            db.prepare("UPDATE signatures SET signature = ? WHERE object = ?")
                .bind(1, p.keysOf(u"alice"_s).sign(vault::signedMessage(u"comment"_s, vault::commentHash(c, noteHash))))
                .bind(2, u"comment:%1"_s.arg(commentId))
                .run();
            db.exec("PRAGMA user_version = 22");
        }
        auto bob = p.open(u"bob"_s);
        const model::NoteComment comment = bob->supervision().comments(p.signedNote).constLast();
        QCOMPARE(comment.form, 1);
        QVERIFY2(vault::isUuid(comment.uuid), qPrintable(comment.uuid));
        QCOMPARE(comment.signature, model::CommentSignature::Verified);
        QVERIFY(bob->notes().verifySignature(p.signedNote));
        // The comments' immutability trigger is back.
        QVERIFY(errorOf([&] {
            vault::VaultTestAccess::database(*bob).prepare("UPDATE note_comments SET text = 'x' WHERE id = ?").bind(1, comment.id).run();
        }));
        const model::Note n = bob->notes().read(old);
        QCOMPARE(n.canonicalForm, 1);
        QVERIFY2(vault::isUuid(n.uuid), qPrintable(n.uuid)); // given by the migration
        const QJsonObject canonical = objectOf(vault::Notes::canonicalForm(n));
        QCOMPARE(canonical.value("note"_L1).toInteger(), old);
        QVERIFY(!canonical.contains("note_uuid"_L1));
        const vault::SignatureCheck check = bob->notes().checkSignatures(old);
        QVERIFY2(check.ok, qPrintable(check.problem));
        // Flipped to form 2 it fails: an old signature never passes as a new one.
        auto &db = vault::VaultTestAccess::database(*bob);
        db.exec("DROP TRIGGER notes_signed_no_update");
        db.prepare("UPDATE notes SET canonical_form = 2 WHERE id = ?").bind(1, old).run();
        QVERIFY(!bob->notes().verifySignature(old));
        // New notes on the same vault are signed in form 2.
        QCOMPARE(bob->notes().read(Practice::newNote(*bob, u"C-1"_s, u"After."_s)).canonicalForm, 2);
    }

    // An imported note keeps its uuid, so a record whose uuid is already here (another note with
    // it: the numbers are free) is refused as a conflict, before anything is written.
    void anImportWhoseUuidIsTakenIsRefused()
    {
        Practice p;
        auto alice = p.open(u"alice"_s);
        model::Session draftSession;
        draftSession.date = model::Date(2025, 3, 10);
        draftSession.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
        const Id draft = alice->notes()
                             .addSession(draftSession, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, u"Still a draft."_s}})
                             .notes.first();
        const QString draftUuid = alice->notes().read(draft).uuid;
        QJsonObject record = alice->records().exportClient(u"C-1"_s, false);
        QJsonObject client = record.value("client"_L1).toObject();
        client.insert(u"code"_s, u"C-2"_s);
        record.insert(u"client"_s, client);
        // Free numbers, the client's new code; the uuids as they were exported.
        QJsonArray sessions = record.value("sessions"_L1).toArray();
        for (qsizetype i = 0; i < sessions.size(); ++i) {
            QJsonObject s = sessions.at(i).toObject();
            QVERIFY(vault::isUuid(s.value("uuid"_L1).toString()));
            s.insert(u"id"_s, s.value("id"_L1).toDouble() + 1000);
            QJsonArray attendees = s.value("attendees"_L1).toArray();
            QJsonObject at = attendees.first().toObject();
            at.insert(u"client"_s, u"C-2"_s);
            attendees.replace(0, at);
            s.insert(u"attendees"_s, attendees);
            sessions.replace(i, s);
        }
        QJsonArray notes = record.value("notes"_L1).toArray();
        QCOMPARE(notes.size(), 3);
        for (qsizetype i = 0; i < notes.size(); ++i) {
            QJsonObject o = notes.at(i).toObject();
            QVERIFY(vault::isUuid(o.value("uuid"_L1).toString()));
            o.insert(u"id"_s, o.value("id"_L1).toDouble() + 1000);
            o.insert(u"session"_s, o.value("session"_L1).toDouble() + 1000);
            notes.replace(i, o);
        }
        const qint64 before = count(*alice, "SELECT count(*) FROM notes");
        const qint64 sessionsBefore = count(*alice, "SELECT count(*) FROM sessions");
        const auto refused = [&](const QJsonObject &r, const QString &whose) {
            const auto e = errorOf([&] { (void)alice->records().importClient(r); });
            QVERIFY(e);
            QVERIFY2(e->kind() == ErrorKind::Conflict, qPrintable(e->message()));
            QCOMPARE(e->exitCode(), 6);
            QVERIFY2(e->message().contains(whose + u" of the record has a uuid another in this vault has"_s),
                     qPrintable(e->message()));
            QCOMPARE(count(*alice, "SELECT count(*) FROM notes"), before);
            QCOMPARE(count(*alice, "SELECT count(*) FROM sessions"), sessionsBefore);
            QVERIFY(!alice->clients().find(u"C-2"_s));
        };
        // The draft alone (a signed note's content names its client's code, so under a new code it
        // would be refused as changed; under the same code, as a client that exists here).
        for (qsizetype i = 0; i < notes.size(); ++i) {
            const QJsonObject o = notes.at(i).toObject();
            if (o.value("uuid"_L1).toString() != draftUuid)
                continue;
            QJsonObject s;
            for (const QJsonValue &v : std::as_const(sessions))
                if (v.toObject().value("id"_L1) == o.value("session"_L1))
                    s = v.toObject();
            record.insert(u"sessions"_s, QJsonArray{s});
            record.insert(u"notes"_s, QJsonArray{o});
            refused(record, u"session %1"_s.arg(o.value("session"_L1).toInteger()));
            // Its session's uuid made new: the note's own is the one taken.
            s.insert(u"uuid"_s, vault::newUuid());
            record.insert(u"sessions"_s, QJsonArray{s});
        }
        QCOMPARE(record.value("notes"_L1).toArray().size(), 1);
        refused(record, u"note %1"_s.arg(draft + 1000));
    }

    void aRecordFromAVaultThatIsNotTrustedIsRefused()
    {
        // A genuine record from another practice's vault: its alice is not this vault's alice.
        Practice a(u"C-7"_s);
        QJsonObject record = a.open(u"alice"_s)->records().exportClient(u"C-7"_s, false);
        QTemporaryDir tmp;
        auto b = Vault::create(tmp.filePath(u"b"_s), u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
        const auto e = errorOf([&] { (void)b->records().importClient(record); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Damaged);
        QVERIFY2(e->message().contains(u"alice's signature does not verify"_s), qPrintable(e->message()));
        QVERIFY(!b->clients().find(u"C-7"_s));
        QCOMPARE(count(*b, "SELECT count(*) FROM notes"), 0);

        // The same record into a vault that shares A's keys (a restored backup of A) is importtest's
        // clientRecordRoundTrips.
    }

    void aRoleRaisedWithoutACertificateIsNotHonoured()
    {
        Practice p;
        const vault::UserKeys bobKeys = p.keysOf(u"bob"_s);
        {
            auto alice = p.open(u"alice"_s);
            vault::VaultTestAccess::database(*alice).exec("UPDATE users SET role = 'supervisor' WHERE name = 'bob'");
        }
        // The row alone: the slot disagrees.
        const auto e = errorOf([&] { (void)p.open(u"bob"_s); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Damaged);
        // The row and a new slot the insider writes with bob's passphrase and keys, resealed: only the
        // certificate still says therapist, and it decides.
        {
            KeySlots slots = KeySlots::load(p.dir);
            const SecretBuffer payload = bobKeys.payload();
            slots.setUser(u"bob"_s, u"supervisor"_s, false, secret(), p.dataKey(), KdfCost::testOnly(), &payload);
            slots.save(p.dir, p.dataKey());
        }
        refusedForTheCertificate(p, u"bob"_s);
    }

    void anOldVaultGetsKeysAtTheNextUnlockAndItsSignaturesMigrate()
    {
        Practice p;
        // As a build before per-user keys left it: no signatures table, no keys in the slots, no
        // certificates or recovery copies.
        {
            auto v = p.open(u"alice"_s);
            vault::VaultTestAccess::database(*v).exec("DROP TABLE signatures; ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 11");
        }
        p.resealAsInsider(testing::stripPerUserKeys);
        // sam first, before the administrator: sam's key waits as a request; nothing verifies yet.
        {
            auto sam = p.open(u"sam"_s);
            QVERIFY(!sam->notes().verifySignature(p.signedNote));
        }
        // alice, the administrator, becomes the root (trust on first use) and certifies sam's key.
        {
            auto alice = p.open(u"alice"_s);
            const vault::SignatureCheck signedOne = alice->notes().checkSignatures(p.signedNote);
            QVERIFY2(signedOne.ok, qPrintable(signedOne.problem));
            QCOMPARE(signedOne.migrated.size(), 2); // the note and its addendum
            QVERIFY2(signedOne.migrated.first().startsWith(u"alice's signature added on migration, "_s),
                     qPrintable(signedOne.migrated.first()));
            // sam's co-signature was migrated at sam's unlock and his key is certified now.
            const vault::SignatureCheck cosigned = alice->notes().checkSignatures(p.cosignedNote);
            QVERIFY2(cosigned.ok, qPrintable(cosigned.problem));
            QCOMPARE(cosigned.migrated.size(), 2);
            QCOMPARE(count(*alice, "SELECT count(*) FROM audit WHERE action = 'signatures-migrated'"), 2);
            // New signatures are ordinary ones.
            const Id fresh = Practice::newNote(*alice, u"C-1"_s, u"After the upgrade."_s);
            const vault::SignatureCheck now = alice->notes().checkSignatures(fresh);
            QVERIFY(now.ok);
            QVERIFY(now.migrated.isEmpty());
        }
        // sam pins the root at his next unlock; his certificate holds; bob gets keys and is certified
        // at alice's next unlock.
        {
            auto sam = p.open(u"sam"_s);
            QVERIFY(sam->notes().verifySignature(p.cosignedNote));
        }
        (void)p.open(u"bob"_s);
        (void)p.open(u"alice"_s);
        {
            auto bob = p.open(u"bob"_s);
            QVERIFY(bob->notes().verifySignature(p.signedNote));
            const Id bobs = Practice::newNote(*bob, u"C-1"_s, u"Bob's own note."_s);
            QVERIFY(bob->notes().verifySignature(bobs));
        }
        // Migration runs once: a later unlock adds no signatures.
        auto alice = p.open(u"alice"_s);
        QCOMPARE(count(*alice, "SELECT count(*) FROM audit WHERE action = 'signatures-migrated'"), 2);
    }

    void aRecordedNameGetsItsPersonAndSigns()
    {
        // A draft from another vault imports (nothing signed to doubt); its author is a recorded
        // name until the administrator gives the name its person, whose new key then signs it.
        QTemporaryDir tmp;
        QJsonObject record;
        Id draft = 0;
        {
            auto a = Vault::create(tmp.filePath(u"a"_s), u"carol"_s, secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
            model::Client c;
            c.code = u"C-9"_s;
            c.displayName = u"Client Nine"_s;
            a->clients().add(c);
            model::Session s;
            s.date = model::Date(2025, 3, 3);
            s.attendees.append({0, u"C-9"_s, model::Attendance::Attended});
            draft = a->notes().addSession(s, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, u"A draft."_s}}).notes.first();
            record = a->records().exportClient(u"C-9"_s, false);
        }
        const QString b = tmp.filePath(u"b"_s);
        {
            auto alice = Vault::create(b, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
            QCOMPARE(alice->records().importClient(record).recordedNames, QStringList{u"carol"_s});
            alice->addUser(u"carol"_s, model::Role::Therapist, secret(), KdfCost::testOnly());
        }
        auto carol = Vault::open(b, u"carol"_s, secret());
        carol->notes().sign(draft);
        const vault::SignatureCheck check = carol->notes().checkSignatures(draft);
        QVERIFY2(check.ok, qPrintable(check.problem));
    }

    void recoveryKeepsTheUsersSigningKey()
    {
        QTemporaryDir tmp;
        const QString dir = tmp.filePath(u"vault"_s);
        auto created = Vault::create(dir, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly());
        created.vault->addUser(u"bob"_s, model::Role::Therapist, secret(), KdfCost::testOnly());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        created.vault->clients().add(c);
        const Id before = Practice::newNote(*created.vault, u"C-1"_s, u"Before the recovery."_s);
        created.vault->lock();
        auto bob = Vault::recover(dir, u"bob"_s, created.recoveryKey, secret("bob's new passphrase"), KdfCost::testOnly());
        QVERIFY(bob->notes().verifySignature(before));
        bob->lock();
        auto alice = Vault::recover(dir, u"alice"_s, created.recoveryKey, secret("alice's new passphrase"), KdfCost::testOnly());
        const Id after = Practice::newNote(*alice, u"C-1"_s, u"After the recovery."_s);
        QVERIFY(alice->notes().verifySignature(after));
        QVERIFY(alice->notes().verifySignature(before));
    }

private:
    QTemporaryDir m_config;
};

QTEST_GUILESS_MAIN(SignaturesTest)
#include "signaturestest.moc"
