// SPDX-License-Identifier: GPL-3.0-or-later
// Every audit entry signed by its user (docs/audit.md, "Signed entries"): an insider who
// holds the shared data key (bob, with his own passphrase) rewrites an entry, recomputes the chain and
// re-seals the head, signs a forged entry in alice's name, strips a signature or moves where signing
// begins; `audit verify` finds each, naming the entry and whose signature fails, and `--full` agrees.
// An old vault migrated to v19 keeps verifying; a re-key and a removed user's old signatures still do.
#include "clirun.h"
#include "model/types.h"
#include "vault/audit.h"
#include "vault/auditpin.h"
#include "vault/keyslots.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/userkeys.h"
#include "vault/vault.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::testing::errorOf;
using uc::testing::forgetSeenState;
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
    // The head re-sealed with the data key, and bob's own pin moved to his latest entry with his key.
    void reseal(Insider &in, const std::function<void(QJsonObject &)> &edit = {})
    {
        KeySlots slots = KeySlots::load(dir);
        QJsonObject extra = slots.extra();
        extra.insert(u"audit_head"_s, vault::sealAuditHead(vault::currentAuditHead(in.db), in.dataKey));
        if (const auto latest = vault::latestSignedEntry(in.db, u"bob"_s))
            vault::setAuditPin(extra, u"bob"_s, vault::signAuditPin(in.keys, u"bob"_s, *latest));
        if (edit)
            edit(extra);
        slots.setExtra(extra);
        slots.save(dir, in.dataKey);
    }
    qint64 length()
    {
        auto in = insider();
        return vault::currentAuditHead(in.db).count;
    }
    QJsonObject pins() const { return KeySlots::load(dir).extra().value("audit_pins"_L1).toObject(); }
    QByteArray file(const QString &name) const
    {
        QFile f(QDir(dir).filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // Bob cuts the trail back to entry `keep` and continues it with entries of his own, signed with his
    // key, until it is as long as before; the head re-sealed, his pin moved. Every signature left in
    // the trail verifies.
    void cutBackAndContinue(qint64 keep, const std::function<void(QJsonObject &)> &edit = {})
    {
        auto in = insider();
        const qint64 length = vault::currentAuditHead(in.db).count;
        in.db.exec(QStringLiteral("DELETE FROM audit WHERE seq > %1").arg(keep).toStdString());
        while (vault::currentAuditHead(in.db).count < length)
            appendForged(in, u"bob"_s, u"bob"_s);
        reseal(in, edit);
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
        keys.auditPinned = false;
        QJsonObject extra = slots.extra();
        QJsonObject pins = extra.value("audit_pins"_L1).toObject();
        pins.remove(vault::certName(user));
        extra.insert(u"audit_pins"_s, pins);
        slots.setExtra(extra);
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
        const vault::AuditKeys keys{slots.extra().value("certs"_L1).toObject(), vault::UserKeys::fromPayload(payload)->rootPublic,
                                     slots.extra().value("audit_pins"_L1).toObject()};
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
        // One per signer: their latest; and each user's pin (how far they signed at their last lock).
        QCOMPARE(f.pins().size(), qsizetype(2));
        QCOMPARE(quick.signaturesChecked, qint64(2 + 2));
        const AuditCheck full = f.verify(true);
        QVERIFY2(full.whole, qPrintable(describe(full)));
        QCOMPARE(full.signaturesChecked, qint64(entries.size() + 2));
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
        // Sam (no entries of his own yet) runs `audit verify` on his own machine (this one saw the trail
        // before the rewrite, and refuses to open it at all): exit 4 naming the entry and alice, both ways.
        forgetSeenState(f.dir);
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

    // Bob cuts the trail back to his own client entry (dropping alice's print, unlock and lock after
    // it) and pads it to its old length with entries of his own: every signature left verifies, the
    // head is re-sealed. Alice's pin (her lock, the latest she signed) is what shows it.
    void aTrailCutBackAndContinuedIsRefusedByThePinOfWhoSignedAfter()
    {
        Fixture f;
        const qint64 keep = f.seqOf(u"create-client"_s);
        QVERIFY(keep > 0);
        const QJsonObject alicePin = f.pins().value("alice"_L1).toObject();
        QVERIFY(alicePin.value("seq"_L1).toInteger() > keep);
        f.cutBackAndContinue(keep);
        const AuditCheck c = f.verifyBoth();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, alicePin.value("seq"_L1).toInteger());
        QCOMPARE(c.signer, u"alice"_s);
        QVERIFY2(c.reason.contains("cut back"_L1), qPrintable(describe(c)));
        // This machine saw the trail before: padded to its old length, its last entry is not the one seen.
        auto refused = errorOf([&] { (void)f.open(u"alice"_s); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Damaged);
        QVERIFY2(refused->message().contains("rewritten since you last opened"_L1), qPrintable(refused->message()));
        // A machine that never saw it: alice's own pin refuses, and nothing is written.
        forgetSeenState(f.dir);
        const QByteArray slotsBefore = f.file(u"keyslots.json"_s);
        const qint64 countBefore = f.length();
        refused = errorOf([&] { (void)f.open(u"alice"_s); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Damaged);
        QVERIFY2(refused->message().contains(u"entry %1"_s.arg(alicePin.value("seq"_L1).toInteger()))
                     && refused->message().contains("cut back"_L1),
                 qPrintable(refused->message()));
        QCOMPARE(f.file(u"keyslots.json"_s), slotsBefore);
        QCOMPARE(f.length(), countBefore);
        // And `audit verify` by sam, on his own machine: exit 4 naming the entry and alice.
        const clirun::Run run = f.cli({u"audit"_s, u"verify"_s}, u"sam"_s);
        QVERIFY2(run.code == 4, QByteArray(QByteArray::number(run.code) + ' ' + run.out + run.err).constData());
        QVERIFY2(run.err.contains("alice signed the trail up to this entry"), run.err.constData());
    }

    // Bob rewrites his own entry (the client he added) and everything after it: he re-signs his own,
    // and drops alice's, which would no longer verify. Her pin shows the tail is not the one she signed.
    void aRewrittenTailIsRefusedByThePinOfWhoSignedAfter()
    {
        Fixture f;
        const qint64 target = f.seqOf(u"create-client"_s);
        const qint64 pinned = f.pins().value("alice"_L1).toObject().value("seq"_L1).toInteger();
        {
            auto in = f.insider();
            in.db.exec(QStringLiteral("DELETE FROM audit WHERE seq > %1").arg(target).toStdString());
            in.db.prepare("UPDATE audit SET object = 'client:99' WHERE seq = ?").bind(1, static_cast<std::int64_t>(target)).run();
            f.rechainAndReseal(in, target);
            f.appendForged(in, u"bob"_s, u"bob"_s);
        }
        forgetSeenState(f.dir);
        const AuditCheck c = f.verifyBoth();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, pinned);
        QCOMPARE(c.signer, u"alice"_s);
        const auto refused = errorOf([&] { (void)f.open(u"alice"_s); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Damaged);
        QVERIFY2(refused->message().contains("cut back or rewritten"_L1), qPrintable(refused->message()));
    }

    // The pin itself: deleted, or bob's put in alice's place, with the file's MAC re-sealed.
    void aDeletedOrSwappedPinIsRefused()
    {
        for (const bool swap : {false, true}) {
            Fixture f;
            forgetSeenState(f.dir);
            {
                auto in = f.insider();
                f.reseal(in, [&](QJsonObject &extra) {
                    QJsonObject pins = extra.value("audit_pins"_L1).toObject();
                    if (swap)
                        pins.insert(u"alice"_s, pins.value("bob"_L1));
                    else
                        pins.remove(u"alice"_s);
                    extra.insert(u"audit_pins"_s, pins);
                });
            }
            const auto refused = errorOf([&] { (void)f.open(u"alice"_s); });
            QVERIFY(refused);
            QCOMPARE(refused->kind(), ErrorKind::Damaged);
            QVERIFY2(refused->message().contains("how far you signed the audit trail is missing"_L1),
                     qPrintable(refused->message()));
            const AuditCheck c = f.verifyBoth();
            // A deleted pin only its owner's unlock can miss; a swapped one does not verify for anyone.
            QCOMPARE(c.whole, !swap);
            if (swap)
                QVERIFY2(c.reason.contains("does not verify"_L1), qPrintable(describe(c)));
        }
    }

    // Bob kept a copy of keyslots.json from before alice's latest session; he cuts the trail back into
    // it, pads it and puts alice's old pin back. Her slot cannot tell an old pin of hers from the
    // latest (docs/audit.md, "Limits"); the machine she worked on can: it kept the head's hash.
    void anOldPinPutBackIsFoundByTheMachineThatSawTheNewerTrail()
    {
        Fixture f;
        const QJsonObject oldPin = f.pins().value("alice"_L1).toObject();
        f.open(u"alice"_s)->recordEvent(u"print"_s, u"client:1"_s, u"2 copies"_s);
        QVERIFY(f.pins().value("alice"_L1).toObject().value("seq"_L1).toInteger() > oldPin.value("seq"_L1).toInteger());
        f.cutBackAndContinue(oldPin.value("seq"_L1).toInteger(), [&](QJsonObject &extra) {
            vault::setAuditPin(extra, u"alice"_s, oldPin);
        });
        const auto refused = errorOf([&] { (void)f.open(u"alice"_s); });
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Damaged);
        QVERIFY2(refused->message().contains("rewritten since you last opened"_L1), qPrintable(refused->message()));
        // The limit stated in docs/audit.md: a machine that never saw the newer trail opens it.
        forgetSeenState(f.dir);
        QVERIFY(!errorOf([&] { (void)f.open(u"alice"_s); }));
    }

    // A kill at any instant: the pin is written after the entries it names are committed, so a session
    // cut off before its lock (the folder as a kill leaves it) opens, with everything it had recorded.
    void aSessionKilledBeforeItsLockOpensWithNothingLost()
    {
        Fixture f;
        const QString copy = f.tmp.filePath(u"killed"_s);
        qint64 recorded = 0;
        {
            auto alice = f.open(u"alice"_s);
            alice->recordEvent(u"print"_s, u"client:1"_s, u"3 copies"_s);
            recorded = vault::currentAuditHead(vault::VaultTestAccess::database(*alice)).count;
            vault::VaultTestAccess::database(*alice).checkpoint();
            QVERIFY(QDir().mkpath(copy));
            for (QDirIterator it(f.dir, QDir::Files | QDir::Hidden); it.hasNext();) {
                it.next();
                if (it.fileName() != u".lock"_s)
                    QVERIFY(QFile::copy(it.filePath(), QDir(copy).filePath(it.fileName())));
            }
        }
        const QJsonObject pin = KeySlots::load(copy).extra().value("audit_pins"_L1).toObject().value("alice"_L1).toObject();
        QVERIFY(pin.value("seq"_L1).toInteger() < recorded); // the pin still names the unlock
        auto alice = Vault::open(copy, u"alice"_s, pass(u"alice"_s));
        const QList<AuditEntry> entries = vault::auditEntries(vault::VaultTestAccess::database(*alice));
        QVERIFY(entries.size() > recorded);
        QCOMPARE(entries.at(recorded - 1).detail, u"3 copies"_s);
        const AuditCheck c = alice->auditTrail().verify(true);
        QVERIFY2(c.whole, qPrintable(describe(c)));
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

    // Until an administrator certifies carol's key, colleagues check her signatures and pin against the
    // key in her request, which bob (with the data key) can replace with his own and reseal. Her own
    // next unlock compares it with the key sealed in her slot and refuses (exit 4, nothing written)
    // rather than quietly put hers back — also when the administrator has meanwhile certified bob's
    // key under her name, which would otherwise let bob sign as her.
    void aPendingUsersRequestReplacedIsRefusedAtTheirUnlock()
    {
        for (const bool certifiedMeanwhile : {false, true}) {
            Fixture f;
            f.open(u"bob"_s)->addUser(u"carol"_s, model::Role::Therapist, pass(u"carol"_s), KdfCost::testOnly());
            (void)f.open(u"carol"_s);
            {
                auto in = f.insider();
                const QString bobsKey = QString::fromLatin1(in.keys.signPublic.toBase64());
                f.reseal(in, [&](QJsonObject &extra) {
                    QJsonObject certs = extra.value("certs"_L1).toObject();
                    QJsonObject request = certs.value("carol"_L1).toObject();
                    QVERIFY(request.value("signature"_L1).toString().isEmpty()); // still a request
                    request.insert(u"sign_pk"_s, bobsKey);
                    certs.insert(u"carol"_s, request);
                    extra.insert(u"certs"_s, certs);
                });
            }
            if (certifiedMeanwhile) {
                (void)f.open(u"alice"_s); // certifies the request as it now stands
                const QJsonObject cert = KeySlots::load(f.dir).extra().value("certs"_L1).toObject().value("carol"_L1).toObject();
                QVERIFY(!cert.value("signature"_L1).toString().isEmpty());
            }
            const qint64 before = f.length();
            const QByteArray slots = f.file(u"keyslots.json"_s);
            const auto refused = errorOf([&] { (void)f.open(u"carol"_s); });
            QVERIFY2(refused, certifiedMeanwhile ? "certified meanwhile" : "request only");
            QCOMPARE(refused->kind(), ErrorKind::Damaged);
            QCOMPARE(refused->exitCode(), 4);
            QVERIFY2(refused->message().contains("key request"_L1), qPrintable(refused->message()));
            QCOMPARE(f.length(), before);
            QCOMPARE(f.file(u"keyslots.json"_s), slots);
        }
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
