// SPDX-License-Identifier: GPL-3.0-or-later
// Every audit entry signed by its user (issue 21; docs/audit.md, "Signed entries"): an insider who
// holds the shared data key (bob, with his own passphrase) rewrites an entry, recomputes the chain and
// re-seals the head, signs a forged entry in alice's name, strips a signature or moves where signing
// begins; `audit verify` finds each, naming the entry and whose signature fails, and `--full` agrees.
// An old vault migrated to v19 keeps verifying; a re-key and a removed user's old signatures still do.
#include "clirun.h"
#include "model/types.h"
#include "vault/audit.h"
#include "vault/keyslots.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/userkeys.h"
#include "vault/vault.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::testing::errorOf;
using uc::vault::AuditCheck;
using uc::vault::AuditEntry;
using uc::vault::KdfCost;
using uc::vault::KeySlots;
using uc::vault::Vault;

namespace {

SecretBuffer pass(const QString &user)
{
    return SecretBuffer::copyOf(QString(user + u"'s audit passphrase"_s).toStdString());
}

QString describe(const AuditCheck &c)
{
    return u"whole=%1 count=%2 broken=%3 signer=%4 reason=%5"_s.arg(c.whole).arg(c.count).arg(c.broken).arg(c.signer, c.reason);
}

// What bob holds with his own passphrase: the shared data key, his signing key, and a SQL shell on
// notes.db with the append-only triggers dropped.
struct Insider
{
    SecretBuffer dataKey;
    vault::UserKeys keys;
    sql::Database db;
};

struct Fixture
{
    QTemporaryDir tmp;
    QString dir = tmp.filePath(u"vault"_s);
    QTemporaryDir files;

    // alice (therapist, the administrator) adds bob and sam (supervisor); bob adds a client; alice
    // prints. Entries signed by alice and by bob.
    Fixture()
    {
        {
            auto created = Vault::create(dir, u"alice"_s, pass(u"alice"_s), model::Role::Therapist, KdfCost::testOnly());
            created.vault->addUser(u"bob"_s, model::Role::Therapist, pass(u"bob"_s), KdfCost::testOnly());
            created.vault->addUser(u"sam"_s, model::Role::Supervisor, pass(u"sam"_s), KdfCost::testOnly());
        }
        {
            auto bob = open(u"bob"_s);
            model::Client c;
            c.code = u"C-1"_s;
            c.displayName = u"Client One"_s;
            bob->clients().add(c);
        }
        open(u"alice"_s)->recordEvent(u"print"_s, u"client:1"_s, u"1 copy"_s);
    }
    std::unique_ptr<Vault> open(const QString &user) { return Vault::open(dir, user, pass(user)); }

    Insider insider()
    {
        SecretBuffer payload;
        SecretBuffer key = KeySlots::load(dir).unwrapUser(u"bob"_s, pass(u"bob"_s), &payload);
        auto db = sql::Database::open(QDir(dir).filePath(u"notes.db"_s), key, sql::Database::Open::MustExist);
        db.exec("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete");
        return {std::move(key), *vault::UserKeys::fromPayload(payload), std::move(db)};
    }

    // Recomputes every hash from seq on, signs bob's own entries again with his key, and re-seals the
    // head in keyslots.json with the data key: all an insider can do to hide an edit.
    void rechainAndReseal(Insider &in, qint64 from)
    {
        QString previous = from == 1 ? vault::auditGenesis()
                                     : in.db.pragmaText(QStringLiteral("SELECT hash FROM audit WHERE seq = %1").arg(from - 1).toStdString());
        QList<AuditEntry> entries;
        for (const AuditEntry &e : vault::auditEntries(in.db))
            if (e.seq >= from)
                entries.append(e);
        for (AuditEntry e : std::as_const(entries)) {
            e.prev = previous;
            e.hash = vault::auditHash(e.prev, e);
            auto update = in.db.prepare("UPDATE audit SET prev = ?, hash = ? WHERE seq = ?");
            update.bind(1, e.prev).bind(2, e.hash).bind(3, static_cast<std::int64_t>(e.seq)).run();
            if (e.signer == u"bob"_s)
                in.db.prepare("UPDATE audit SET signature = ? WHERE seq = ?")
                    .bind(1, bobSigns(in, e.hash))
                    .bind(2, static_cast<std::int64_t>(e.seq))
                    .run();
            previous = e.hash;
        }
        reseal(in);
    }
    void reseal(Insider &in)
    {
        KeySlots slots = KeySlots::load(dir);
        QJsonObject extra = slots.extra();
        extra.insert(u"audit_head"_s, vault::sealAuditHead(vault::currentAuditHead(in.db), in.dataKey));
        slots.setExtra(extra);
        slots.save(dir, in.dataKey);
    }
    static QByteArray bobSigns(const Insider &in, const QString &hash)
    {
        return QByteArray::fromBase64(in.keys.sign(vault::auditSignedMessage(hash)).toLatin1());
    }
    // A forged entry appended at the end, chained and the head re-sealed.
    void appendForged(Insider &in, const QString &user, const QString &signer)
    {
        const vault::AuditHead last = vault::currentAuditHead(in.db);
        AuditEntry e{last.count + 1, u"2026-12-01T10:00:00.000Z"_s, user, u"sign"_s, u"note:1"_s, {}, last.hash, {}};
        e.hash = vault::auditHash(e.prev, e);
        in.db.prepare("INSERT INTO audit(seq, at, user, action, object, detail, prev, hash, signer, signature) "
                      "VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?)")
            .bind(1, static_cast<std::int64_t>(e.seq))
            .bind(2, e.at)
            .bind(3, e.user)
            .bind(4, e.action)
            .bind(5, e.object)
            .bind(6, e.prev)
            .bind(7, e.hash)
            .bind(8, signer)
            .bind(9, bobSigns(in, e.hash))
            .run();
        reseal(in);
    }

    // As a slot written before v19 is: no memory of having signed audit entries.
    void forgetAuditSigning(const QString &user, const SecretBuffer &dataKey)
    {
        KeySlots slots = KeySlots::load(dir);
        SecretBuffer payload;
        (void)slots.unwrapUser(user, pass(user), &payload);
        vault::UserKeys keys = *vault::UserKeys::fromPayload(payload);
        keys.auditSigned = false;
        const KeySlots::UserSlot slot = *slots.userSlot(user);
        const SecretBuffer cleared = keys.payload();
        slots.setUser(user, slot.role, slot.admin, pass(user), dataKey, slot.cost, &cleared);
        slots.save(dir, dataKey);
    }

    // Verifies as sam would, without the unlock and lock entries an open adds: the certificates in
    // keyslots.json and the root pinned in sam's own slot.
    AuditCheck verify(bool full)
    {
        const KeySlots slots = KeySlots::load(dir);
        SecretBuffer payload;
        const SecretBuffer key = slots.unwrapUser(u"sam"_s, pass(u"sam"_s), &payload);
        auto db = sql::Database::open(QDir(dir).filePath(u"notes.db"_s), key, sql::Database::Open::MustExist);
        const vault::AuditKeys keys{slots.extra().value("certs"_L1).toObject(), vault::UserKeys::fromPayload(payload)->rootPublic};
        return vault::verifyAuditTrail(db, slots.extra().value("audit_head"_L1).toObject(), key, keys, full);
    }
    // The default check and --full reach the same verdict, the same entry and the same signer.
    AuditCheck verifyBoth()
    {
        const AuditCheck quick = verify(false);
        const AuditCheck full = verify(true);
        if (quick.whole != full.whole || quick.broken != full.broken || quick.signer != full.signer)
            qWarning("default: %s\nfull: %s", qPrintable(describe(quick)), qPrintable(describe(full)));
        [&] {
            QCOMPARE(quick.whole, full.whole);
            QCOMPARE(quick.broken, full.broken);
            QCOMPARE(quick.signer, full.signer);
        }();
        return quick;
    }
    qint64 seqOf(const QString &action)
    {
        auto in = insider();
        for (const AuditEntry &e : vault::auditEntries(in.db))
            if (e.action == action)
                return e.seq;
        return 0;
    }
    clirun::Run cli(const QStringList &args, const QString &user)
    {
        const QString passFile = clirun::file(files, user + u".pass"_s, QByteArray(QString(user + u"'s audit passphrase"_s).toUtf8()));
        return clirun::cli(args, dir, user, passFile);
    }
};

} // namespace

class AuditSigTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyEntryIsSignedByWhoActed()
    {
        Fixture f;
        auto in = f.insider();
        QCOMPARE(vault::auditSignedFrom(in.db), std::optional<qint64>(1)); // a new vault signs from its first entry
        const QList<AuditEntry> entries = vault::auditEntries(in.db);
        QVERIFY(entries.size() >= 8);
        QCOMPARE(entries.first().action, u"create-vault"_s);
        QStringList signers;
        for (const AuditEntry &e : entries) {
            QCOMPARE(e.signer, e.user);
            QCOMPARE(e.signature.size(), qsizetype(64));
            signers.append(e.signer);
        }
        signers.removeDuplicates();
        signers.sort();
        QCOMPARE(signers, (QStringList{u"alice"_s, u"bob"_s}));
        const AuditCheck quick = f.verify(false);
        QVERIFY2(quick.whole, qPrintable(describe(quick)));
        QCOMPARE(quick.signaturesChecked, qint64(2)); // one per signer: their latest
        const AuditCheck full = f.verify(true);
        QVERIFY2(full.whole, qPrintable(describe(full)));
        QCOMPARE(full.signaturesChecked, qint64(entries.size()));
    }

    void aRewrittenAndRechainedEntryIsFoundNamingItsSigner()
    {
        Fixture f;
        const qint64 target = f.seqOf(u"add-user"_s); // alice's entry: bob added as a therapist
        QVERIFY(target > 0);
        {
            auto in = f.insider();
            in.db.prepare("UPDATE audit SET detail = 'supervisor, administrator' WHERE seq = ?")
                .bind(1, static_cast<std::int64_t>(target))
                .run();
            f.rechainAndReseal(in, target);
        }
        // The chain and the head hold again: only the signatures show it.
        const AuditCheck c = f.verifyBoth();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, target);
        QCOMPARE(c.signer, u"alice"_s);
        QVERIFY2(c.reason.contains("alice's signature"_L1) && c.reason.contains("does not verify"_L1), qPrintable(describe(c)));
        // Alice will not sign on top of it: her own latest signature no longer verifies.
        const auto refused = errorOf([&] { (void)f.open(u"alice"_s); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Damaged);
        QVERIFY2(refused->message().contains("rewritten"_L1), qPrintable(refused->message()));
        // Sam (no entries of his own yet) runs `audit verify`: exit 4 naming the entry and alice, both ways.
        for (const QStringList &args : {QStringList{u"audit"_s, u"verify"_s}, QStringList{u"audit"_s, u"verify"_s, u"--full"_s}}) {
            const clirun::Run run = f.cli(args, u"sam"_s);
            QVERIFY2(run.code == 4, QByteArray(args.join(u' ').toUtf8() + ": " + QByteArray::number(run.code) + ' ' + run.out + run.err).constData());
            QVERIFY2(run.err.contains(QStringLiteral("entry %1").arg(target).toUtf8()) && run.err.contains("alice's signature"),
                     run.err.constData());
        }
    }

    void anEntryBobSignsInAlicesNameIsFound()
    {
        {
            Fixture f;
            auto in = f.insider();
            f.appendForged(in, u"alice"_s, u"alice"_s); // alice's name, bob's key
            const qint64 forged = vault::currentAuditHead(in.db).count;
            const AuditCheck c = f.verifyBoth();
            QVERIFY(!c.whole);
            QCOMPARE(c.broken, forged);
            QCOMPARE(c.signer, u"alice"_s);
        }
        {
            Fixture f;
            auto in = f.insider();
            f.appendForged(in, u"alice"_s, u"bob"_s); // alice's name, honestly signed by bob
            const qint64 forged = vault::currentAuditHead(in.db).count;
            const AuditCheck c = f.verifyBoth();
            QVERIFY(!c.whole);
            QCOMPARE(c.broken, forged);
            QVERIFY2(c.reason.contains("names alice but is signed by bob"_L1), qPrintable(describe(c)));
        }
    }

    void aSignatureRemovedAfterSigningBeganIsFound()
    {
        for (const char *strip : {"UPDATE audit SET signature = NULL WHERE seq = ?", "UPDATE audit SET signer = NULL WHERE seq = ?",
                                  "UPDATE audit SET signer = NULL, signature = NULL WHERE seq = ?"}) {
            Fixture f;
            const qint64 target = f.seqOf(u"add-user"_s);
            {
                auto in = f.insider();
                in.db.prepare(strip).bind(1, static_cast<std::int64_t>(target)).run();
            }
            const AuditCheck c = f.verifyBoth();
            QVERIFY2(!c.whole, strip);
            QCOMPARE(c.broken, target);
            QVERIFY2(c.reason.contains("no signature"_L1), qPrintable(describe(c)));
        }
    }

    void whereSigningBeginsCannotBeMovedOrLost()
    {
        {
            Fixture f;
            auto in = f.insider();
            // Moved later to pass off a stripped entry as old: the entries before it are signed.
            in.db.exec("UPDATE vault_info SET value = '5' WHERE key = 'audit_signed_from'");
            const AuditCheck c = f.verifyBoth();
            QVERIFY(!c.whole);
            QCOMPARE(c.broken, qint64(1));
            QVERIFY2(c.reason.contains("before signing began"_L1), qPrintable(describe(c)));
        }
        {
            Fixture f;
            auto in = f.insider();
            in.db.exec("DELETE FROM vault_info WHERE key = 'audit_signed_from'");
            const AuditCheck c = f.verifyBoth();
            QVERIFY(!c.whole);
            QVERIFY2(c.reason.contains("is missing"_L1), qPrintable(describe(c)));
        }
    }

    void signaturesStrippedFromTheWholeTrailAreFoundAtASignersUnlock()
    {
        Fixture f;
        {
            // Every signature gone and signing said to start after the last entry: the files alone now
            // look like a vault migrated a moment ago (docs/audit.md, "Limits").
            auto in = f.insider();
            in.db.exec("UPDATE audit SET signer = NULL, signature = NULL");
            in.db.prepare("UPDATE vault_info SET value = ? WHERE key = 'audit_signed_from'")
                .bind(1, QString::number(vault::currentAuditHead(in.db).count + 1))
                .run();
        }
        QVERIFY(f.verify(false).whole);
        // Each user's slot, sealed under their own passphrase, remembers that they sign: alice's
        // unlock (and bob's) refuses the trail.
        for (const QString &user : {u"alice"_s, u"bob"_s}) {
            const auto refused = errorOf([&] { (void)f.open(user); });
            QVERIFY(refused);
            QCOMPARE(refused->kind(), ErrorKind::Damaged);
            QVERIFY2(refused->message().contains("gone"_L1), qPrintable(refused->message()));
        }
    }

    void anOldVaultMigratedToV19KeepsVerifying()
    {
        Fixture f;
        qint64 before = 0;
        {
            // As v18 left it: no signer or signature columns, no audit_signed_from.
            auto in = f.insider();
            in.db.exec("DROP INDEX audit_by_signer; ALTER TABLE audit DROP COLUMN signature; ALTER TABLE audit DROP COLUMN signer; "
                       "DELETE FROM vault_info WHERE key = 'audit_signed_from'; PRAGMA user_version = 18");
            in.db.exec("CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'append-only'); END; "
                       "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'append-only'); END;");
            before = vault::currentAuditHead(in.db).count;
            for (const QString &user : {u"alice"_s, u"bob"_s, u"sam"_s})
                f.forgetAuditSigning(user, in.dataKey);
        }
        {
            auto alice = f.open(u"alice"_s);
            QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*alice)), vault::schemaVersion);
            QCOMPARE(vault::auditSignedFrom(vault::VaultTestAccess::database(*alice)), std::optional<qint64>(before + 1));
            QVERIFY(alice->auditTrail().verify().whole);
            QVERIFY(alice->auditTrail().verify(true).whole);
        }
        (void)f.open(u"bob"_s);
        auto in = f.insider();
        for (const AuditEntry &e : vault::auditEntries(in.db)) {
            QCOMPARE(e.signature.isEmpty(), e.seq <= before); // old entries unsigned, new ones signed
            QCOMPARE(e.signer.isEmpty(), e.seq <= before);
        }
        const AuditCheck c = f.verifyBoth();
        QVERIFY2(c.whole, qPrintable(describe(c)));
        QCOMPARE(c.signedFrom, before + 1);
        // An old entry rewritten after the migration: the signatures made since cover it too.
        in.db.prepare("UPDATE audit SET detail = 'forged' WHERE seq = 2").run();
        f.rechainAndReseal(in, 2);
        const AuditCheck after = f.verifyBoth();
        QVERIFY(!after.whole);
        QCOMPARE(after.broken, before + 1); // the first signed entry, alice's
        QCOMPARE(after.signer, u"alice"_s);
    }

    void failedUnlockReportsAreSignedByTheUnlockingUser()
    {
        Fixture f;
        QVERIFY(errorOf([&] { (void)Vault::open(f.dir, u"bob"_s, pass(u"mallory"_s)); }));
        (void)f.open(u"alice"_s);
        auto in = f.insider();
        bool found = false;
        for (const AuditEntry &e : vault::auditEntries(in.db)) {
            if (e.action != u"unlock-failed-reported"_s)
                continue;
            found = true;
            QCOMPARE(e.user, u"bob"_s);
            QCOMPARE(e.signer, u"alice"_s);
        }
        QVERIFY(found);
        const AuditCheck c = f.verifyBoth();
        QVERIFY2(c.whole, qPrintable(describe(c)));
    }

    void aSignerWaitingForACertificateIsCheckedAgainstTheirRequestAndSaidSo()
    {
        Fixture f;
        // Bob, a therapist, adds carol: her key waits for an administrator's certificate.
        f.open(u"bob"_s)->addUser(u"carol"_s, model::Role::Therapist, pass(u"carol"_s), KdfCost::testOnly());
        (void)f.open(u"carol"_s);
        AuditCheck c = f.verifyBoth();
        QVERIFY2(c.whole, qPrintable(describe(c)));
        QCOMPARE(c.uncertified, QStringList{u"carol"_s});
        // A forged entry in her name with bob's key still fails against her request's key.
        {
            auto in = f.insider();
            f.appendForged(in, u"carol"_s, u"carol"_s);
        }
        c = f.verifyBoth();
        QVERIFY(!c.whole);
        QCOMPARE(c.signer, u"carol"_s);
    }

    void aRekeyAndARemovedUserStillVerify()
    {
        Fixture f;
        {
            auto alice = f.open(u"alice"_s);
            alice->rekey();
        }
        (void)f.open(u"bob"_s);
        (void)f.open(u"sam"_s);
        {
            auto alice = f.open(u"alice"_s);
            alice->removeUser(u"bob"_s);
            const AuditCheck c = alice->auditTrail().verify(true);
            QVERIFY2(c.whole, qPrintable(describe(c)));
        }
        // Sam's unlock takes the new key waiting in his slot; then his check of the file agrees.
        const clirun::Run run = f.cli({u"audit"_s, u"verify"_s, u"--full"_s, u"--json"_s}, u"sam"_s);
        QCOMPARE(run.code, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        QVERIFY(json.value("whole"_L1).toBool());
        QCOMPARE(json.value("signed_from"_L1).toInt(), 1);
        const AuditCheck c = f.verifyBoth();
        QVERIFY2(c.whole, qPrintable(describe(c)));
        QVERIFY(c.uncertified.isEmpty()); // bob's revoked certificate still vouches for what he signed
    }
};

QTEST_GUILESS_MAIN(AuditSigTest)
#include "auditsigtest.moc"
