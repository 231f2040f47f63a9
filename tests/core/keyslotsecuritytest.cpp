// SPDX-License-Identifier: GPL-3.0-or-later
// The key slots hold against what a colleague with their own account or someone with the disk could
// do with a text editor: a slot moved to another name or with its role edited, a KDF cost
// that would hang the unlock, a byte edited anywhere in keyslots.json, a deleted audit head, forged
// failed-unlock reports, a therapist making a supervisor, "Bob" beside "bob", an old copy of the
// vault put back. Old (format 1) slots still open and are rewritten bound.
#include "model/types.h"
#include "vault/audit.h"
#include "vault/keyslots.h"
#include "vault/testaccess.h"
#include "vault/unlockrecords.h"
#include "vault/vault.h"

#include <sodium.h>

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::KdfCost;
using uc::vault::KeySlots;
using uc::vault::Vault;

namespace {

SecretBuffer secret(std::string_view text)
{
    return SecretBuffer::copyOf(text);
}

constexpr std::string_view alicePass = "alice's own passphrase";
constexpr std::string_view bobPass = "bob's own passphrase";

ErrorKind kindOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &e) {
        return e.kind();
    }
    return ErrorKind{};
}

QString messageOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &e) {
        return e.message();
    }
    return {};
}

// A vault with alice (therapist, administrator, from create) and bob (therapist).
struct Fixture
{
    QTemporaryDir temp;
    QString dir = temp.filePath(u"vault"_s);

    Fixture()
    {
        auto created = Vault::create(dir, u"alice"_s, secret(alicePass), model::Role::Therapist, KdfCost::testOnly());
        created.vault->addUser(u"bob"_s, model::Role::Therapist, secret(bobPass), KdfCost::testOnly());
    }
    [[nodiscard]] QString slotsPath() const { return QDir(dir).filePath(QLatin1String(KeySlots::fileName)); }
    QJsonObject readSlots() const
    {
        QFile f(slotsPath());
        f.open(QIODevice::ReadOnly);
        return QJsonDocument::fromJson(f.readAll()).object();
    }
    void writeSlots(const QJsonObject &root) const
    {
        QFile f(slotsPath());
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QJsonDocument(root).toJson());
        QFile::remove(QDir(dir).filePath(QLatin1String(KeySlots::backupName)));
    }
    // The user slot named user, by index in the "slots" array.
    static qsizetype slotIndex(const QJsonObject &root, const QString &user)
    {
        const QJsonArray slots = root.value("slots"_L1).toArray();
        for (qsizetype i = 0; i < slots.size(); ++i)
            if (slots.at(i).toObject().value("user"_L1).toString() == user)
                return i;
        return -1;
    }
    void editSlot(const QString &user, const std::function<void(QJsonObject &)> &edit) const
    {
        QJsonObject root = readSlots();
        QJsonArray slots = root.value("slots"_L1).toArray();
        const qsizetype i = slotIndex(root, user);
        QVERIFY(i >= 0);
        QJsonObject slot = slots.at(i).toObject();
        edit(slot);
        slots.replace(i, slot);
        root.insert(u"slots"_s, slots);
        writeSlots(root);
    }
    std::unique_ptr<Vault> open(const QString &user = u"alice"_s, std::string_view pass = alicePass) const
    {
        return Vault::open(dir, user, secret(pass));
    }
    [[nodiscard]] SecretBuffer dataKey() const { return KeySlots::load(dir).unwrapUser(u"alice"_s, secret(alicePass)); }
    // What an insider holding the data key can do: rewrite the file with a fresh, valid MAC.
    void resealAsInsider(const std::function<void(KeySlots &)> &edit) const
    {
        KeySlots slots = KeySlots::load(dir);
        edit(slots);
        slots.save(dir, dataKey());
    }
};

} // namespace

class KeySlotSecurityTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void aSlotMovedToAnotherNameIsRefused()
    {
        Fixture f;
        // Bob copies his slot over alice's and names it "alice".
        QJsonObject root = f.readSlots();
        QJsonArray slots = root.value("slots"_L1).toArray();
        QJsonObject forged = slots.at(Fixture::slotIndex(root, u"bob"_s)).toObject();
        forged.insert(u"user"_s, u"alice"_s);
        slots.replace(Fixture::slotIndex(root, u"alice"_s), forged);
        root.insert(u"slots"_s, slots);
        f.writeSlots(root);
        // His passphrase is right for the slot, whose binding names bob: detectably edited, damage.
        QCOMPARE(kindOf([&] { (void)f.open(u"alice"_s, bobPass); }), ErrorKind::Damaged);
        QVERIFY(messageOf([&] { (void)f.open(u"alice"_s, bobPass); }).contains("altered"_L1));
        // Alice's own passphrase no longer fits the slot under her name: a wrong passphrase.
        QCOMPARE(kindOf([&] { (void)f.open(u"alice"_s, alicePass); }), ErrorKind::Auth);
    }

    void anEditedRoleOrAdminFlagIsRefused()
    {
        Fixture f;
        f.editSlot(u"bob"_s, [](QJsonObject &s) { s.insert(u"role"_s, u"supervisor"_s); });
        QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, bobPass); }), ErrorKind::Damaged);
        f.editSlot(u"bob"_s, [](QJsonObject &s) {
            s.insert(u"role"_s, u"therapist"_s);
            s.insert(u"admin"_s, true);
        });
        QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, bobPass); }), ErrorKind::Damaged);
        // A wrong passphrase on an edited slot stays a wrong passphrase (nothing confirmed to a guesser).
        QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, "not bob's passphrase"); }), ErrorKind::Auth);
    }

    void anExtremeKdfCostIsRefusedBeforeAnyWork()
    {
        Fixture f;
        f.editSlot(u"bob"_s, [](QJsonObject &s) { s.insert(u"opslimit"_s, 4294967295.0); });
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(kindOf([&] { (void)f.open(u"alice"_s, alicePass); }), ErrorKind::Damaged);
        QVERIFY2(timer.elapsed() < 2000, "refused before any Argon2id work");
        f.editSlot(u"bob"_s, [](QJsonObject &s) {
            s.insert(u"opslimit"_s, 2.0);
            s.insert(u"memlimit"_s, 8.0 * 1024 * 1024 * 1024);
        });
        QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, bobPass); }), ErrorKind::Damaged);
        f.editSlot(u"bob"_s, [](QJsonObject &s) {
            s.insert(u"opslimit"_s, 0.0);
            s.insert(u"memlimit"_s, 8192.0);
        });
        QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, bobPass); }), ErrorKind::Damaged);
        QVERIFY(!KeySlots::costInBounds(21, 8192 * 1024));
        QVERIFY(KeySlots::costInBounds(KdfCost::testOnly().opslimit, KdfCost::testOnly().memlimit));
        QVERIFY(KeySlots::costInBounds(KdfCost::moderate().opslimit, KdfCost::moderate().memlimit));
    }

    void anUnknownUserCostsTheSameWork()
    {
        Fixture f;
        // Both pay the slot's Argon2id cost; compared over a few tries to smooth the noise.
        auto timeOf = [&](const QString &user) {
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < 10; ++i)
                (void)kindOf([&] { (void)KeySlots::load(f.dir).unwrapUser(user, secret("wrong passphrase")); });
            return timer.nsecsElapsed();
        };
        (void)timeOf(u"bob"_s);
        const qint64 known = timeOf(u"bob"_s);
        const qint64 unknown = timeOf(u"nobody"_s);
        // Loose bounds for a shared machine; before, an unknown name answered fifteen times faster.
        QVERIFY2(unknown * 3 > known && known * 3 > unknown,
                 qPrintable(u"known %1 ns, unknown %2 ns"_s.arg(known).arg(unknown)));
        QCOMPARE(kindOf([&] { (void)f.open(u"nobody"_s, "wrong passphrase"); }), ErrorKind::Auth);
    }

    void anEditedByteAnywhereIsDamage()
    {
        Fixture f;
        QJsonObject root = f.readSlots();
        root.insert(u"generation"_s, root.value("generation"_L1).toDouble() + 5);
        f.writeSlots(root);
        QCOMPARE(kindOf([&] { (void)f.open(); }), ErrorKind::Damaged);

        Fixture g;
        root = g.readSlots();
        QJsonObject extra = root.value("extra"_L1).toObject();
        QJsonObject head = extra.value("audit_head"_L1).toObject();
        head.insert(u"count"_s, 1);
        extra.insert(u"audit_head"_s, head);
        root.insert(u"extra"_s, extra);
        g.writeSlots(root);
        QVERIFY(messageOf([&] { (void)g.open(); }).contains("keyslots.json was altered"_L1));

        // Stripping the MAC is no way round it: the vault knows it had one.
        Fixture h;
        root = h.readSlots();
        root.remove(u"mac"_s);
        h.writeSlots(root);
        QVERIFY(messageOf([&] { (void)h.open(); }).contains("lost its MAC"_L1));
    }

    void aDeletedAuditHeadIsDamageNeverRewritten()
    {
        Fixture f;
        // Deleted by hand: the MAC fails.
        QJsonObject root = f.readSlots();
        root.remove(u"extra"_s);
        f.writeSlots(root);
        QCOMPARE(kindOf([&] { (void)f.open(); }), ErrorKind::Damaged);

        // Deleted by an insider who reseals the file: still refused, and no new head is written.
        Fixture g;
        g.resealAsInsider([](KeySlots &s) { s.setExtra({}); });
        QVERIFY(messageOf([&] { (void)g.open(); }).contains("head is missing"_L1));
        QVERIFY(!KeySlots::load(g.dir).extra().contains("audit_head"_L1));
    }

    void forgedFailedUnlocksAreCappedValidatedAndMarkedReported()
    {
        Fixture f;
        QJsonArray hints;
        const QString past = QDateTime::currentDateTimeUtc().addDays(-1).toString(Qt::ISODateWithMs);
        hints.append(QJsonObject{{u"user"_s, u""_s}, {u"at"_s, past}});
        hints.append(QJsonObject{{u"user"_s, u"bob\nunlock ok"_s}, {u"at"_s, past}});
        hints.append(QJsonObject{{u"user"_s, QString(200, u'x')}, {u"at"_s, past}});
        hints.append(QJsonObject{{u"user"_s, u"mallory"_s}, {u"at"_s, u"2999-01-01T00:00:00.000Z"_s}});
        hints.append(QJsonObject{{u"user"_s, u"mallory"_s}, {u"at"_s, u"yesterday"_s}});
        hints.append(QJsonObject{{u"user"_s, u"mallory"_s}, {u"at"_s, past}, {u"detail"_s, u"signed note 4"_s}});
        for (int i = 0; i < 10000; ++i)
            hints.append(QJsonObject{{u"user"_s, u"bob"_s}, {u"at"_s, past}});
        QJsonObject root = f.readSlots();
        root.insert(u"failed_unlocks"_s, hints);
        f.writeSlots(root);

        auto v = f.open(); // the hints are outside the MAC: the vault opens
        const QList<vault::AuditEntry> entries = vault::auditEntries(vault::VaultTestAccess::database(*v));
        int reported = 0;
        for (const vault::AuditEntry &e : entries) {
            QVERIFY(!e.user.isEmpty());
            QVERIFY(!e.user.contains(u'\n'));
            QVERIFY(e.user.size() <= 64);
            QVERIFY(e.action != "unlock-failed"_L1);
            QVERIFY(!e.detail.contains("signed note"_L1));
            if (e.action == "unlock-failed-reported"_L1) {
                ++reported;
                QCOMPARE(e.user, u"bob"_s);
            }
        }
        QCOMPARE(reported, vault::maxFailedUnlockHints);
        bool droppedCounted = false;
        for (const vault::AuditEntry &e : entries)
            droppedCounted |= e.action == "unlock-failed-reports-dropped"_L1 && e.user == "alice"_L1
                              && e.detail.startsWith(QString::number(10006 - vault::maxFailedUnlockHints));
        QVERIFY(droppedCounted);
        QVERIFY(v->auditTrail().verify().whole);
        v->lock();
        QVERIFY(KeySlots::load(f.dir).failedUnlocks().isEmpty());

        // A real failed unlock is kept as a hint, at most a hundred of them.
        for (int i = 0; i < 3; ++i)
            QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, "wrong passphrase"); }), ErrorKind::Auth);
        QCOMPARE(KeySlots::load(f.dir).failedUnlocks().size(), 3);
    }

    void onlyTheAdministratorCreatesSupervisors()
    {
        Fixture f;
        {
            auto bob = f.open(u"bob"_s, bobPass);
            QVERIFY(!bob->currentUser().admin);
            QCOMPARE(kindOf([&] { bob->addUser(u"sam"_s, model::Role::Supervisor, secret("sam's passphrase"), KdfCost::testOnly()); }),
                     ErrorKind::NotAllowed);
            QCOMPARE(kindOf([&] { bob->addUser(u"ann"_s, model::Role::Auditor, secret("ann's passphrase"), KdfCost::testOnly()); }),
                     ErrorKind::NotAllowed);
            QCOMPARE(kindOf([&] {
                         bob->addUser(u"cat"_s, model::Role::Therapist, secret("cat's passphrase"), KdfCost::testOnly(), true);
                     }),
                     ErrorKind::NotAllowed);
            // A therapist may still add a therapist colleague.
            bob->addUser(u"dan"_s, model::Role::Therapist, secret("dan's passphrase"), KdfCost::testOnly());
        }
        auto alice = f.open();
        QVERIFY(alice->currentUser().admin);
        // The solo therapist who made the vault adds her own supervisor.
        alice->addUser(u"sam"_s, model::Role::Supervisor, secret("sam's passphrase"), KdfCost::testOnly());
        alice->lock();
        auto sam = f.open(u"sam"_s, "sam's passphrase");
        QVERIFY(sam->currentUser().role == model::Role::Supervisor);
        QVERIFY(!sam->currentUser().admin);
    }

    void namesAreUniqueIgnoringCaseAndNeverChanged()
    {
        Fixture f;
        auto alice = f.open();
        QCOMPARE(kindOf([&] { alice->addUser(u"Bob"_s, model::Role::Therapist, secret("another passphrase"), KdfCost::testOnly()); }),
                 ErrorKind::Conflict);
        QVERIFY(messageOf([&] {
                    alice->addUser(u"BOB"_s, model::Role::Therapist, secret("another passphrase"), KdfCost::testOnly());
                }).contains("a user named bob already exists"_L1));
        QCOMPARE(kindOf([&] { alice->addUser(u"bob"_s, model::Role::Supervisor, secret("another passphrase"), KdfCost::testOnly()); }),
                 ErrorKind::Conflict);
        for (const model::User &u : alice->users())
            if (u.name == "bob"_L1)
                QVERIFY(u.role == model::Role::Therapist);
        alice->lock();
        // Bob's own passphrase still opens his unchanged slot.
        QVERIFY(f.open(u"bob"_s, bobPass)->currentUser().role == model::Role::Therapist);
    }

    void aDeletedSlotDoesNotFreeItsName()
    {
        Fixture f;
        QJsonObject root = f.readSlots();
        QJsonArray slots = root.value("slots"_L1).toArray();
        slots.removeAt(Fixture::slotIndex(root, u"bob"_s));
        root.insert(u"slots"_s, slots);
        f.writeSlots(root);
        QCOMPARE(kindOf([&] { (void)f.open(); }), ErrorKind::Damaged); // by hand: the MAC

        Fixture g;
        // An insider with the data key removes bob's slot and reseals: his row still holds the name.
        g.resealAsInsider([&](KeySlots &s) {
            const QByteArray json = s.toJson();
            QJsonObject r = QJsonDocument::fromJson(json).object();
            QJsonArray a = r.value("slots"_L1).toArray();
            a.removeAt(Fixture::slotIndex(r, u"bob"_s));
            r.insert(u"slots"_s, a);
            s = KeySlots::fromJson(QJsonDocument(r).toJson());
        });
        auto alice = g.open();
        QCOMPARE(kindOf([&] { alice->addUser(u"bob"_s, model::Role::Supervisor, secret("mallory's passphrase"), KdfCost::testOnly()); }),
                 ErrorKind::Conflict);
    }

    void theSlotAndTheUserListMustAgree()
    {
        Fixture f;
        {
            auto alice = f.open();
            vault::VaultTestAccess::database(*alice).exec("UPDATE users SET role = 'supervisor' WHERE name = 'bob'");
        }
        QVERIFY(messageOf([&] { (void)f.open(u"bob"_s, bobPass); }).contains("the key slot and the user list disagree"_L1));
        QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, bobPass); }), ErrorKind::Damaged);
        {
            auto alice = f.open();
            vault::VaultTestAccess::database(*alice).exec(
                "UPDATE users SET role = 'therapist', admin = 1 WHERE name = 'bob'");
        }
        QCOMPARE(kindOf([&] { (void)f.open(u"bob"_s, bobPass); }), ErrorKind::Damaged);
    }

    void anOlderCopyOfTheVaultIsDetected()
    {
        Fixture f;
        const QString old = f.temp.filePath(u"old"_s);
        QVERIFY(QDir().mkpath(old));
        for (const auto *name : {Vault::databaseName, KeySlots::fileName})
            QVERIFY(QFile::copy(QDir(f.dir).filePath(QLatin1String(name)), QDir(old).filePath(QLatin1String(name))));
        const QString backupFile = f.temp.filePath(u"backup.ucb"_s);
        {
            auto v = f.open();
            v->backup().write(backupFile);
        }
        (void)f.open(u"bob"_s, bobPass);
        // Both files put back as they were: each alone is consistent, the machine remembers more.
        for (const auto *name : {Vault::databaseName, KeySlots::fileName}) {
            QFile::remove(QDir(f.dir).filePath(QLatin1String(name)));
            QVERIFY(QFile::copy(QDir(old).filePath(QLatin1String(name)), QDir(f.dir).filePath(QLatin1String(name))));
        }
        QFile::remove(QDir(f.dir).filePath(QLatin1String(KeySlots::backupName)));
        QVERIFY(messageOf([&] { (void)f.open(); })
                    .contains("this vault is older than the one you last opened on this machine"_L1));

        // A legitimate restore starts the record afresh, and says so in the trail.
        const QString restored = f.temp.filePath(u"restored"_s);
        Vault::restore(backupFile, restored, u"alice"_s, secret(alicePass));
        auto v = Vault::open(restored, u"alice"_s, secret(alicePass));
        bool reset = false;
        for (const vault::AuditEntry &e : vault::auditEntries(vault::VaultTestAccess::database(*v)))
            reset |= e.action == "rollback-record-reset"_L1 && e.user == "alice"_L1;
        QVERIFY(reset);
        QVERIFY(v->auditTrail().verify().whole);
    }

    void formatOneSlotsOpenAndAreUpgraded()
    {
        Fixture f;
        const SecretBuffer key = f.dataKey();
        vault::AuditHead head;
        {
            // As main wrote it: no MAC, so no marker that there was one.
            auto v = f.open();
            vault::VaultTestAccess::database(*v).exec("DELETE FROM vault_info WHERE key = 'keyslots_sealed'");
            v->lock();
            head = vault::openAuditHead(KeySlots::load(f.dir).extra().value("audit_head"_L1).toObject(), key).value();
        }
        // A format-1 file: secretbox-wrapped key, no binding, no MAC, hints inside "extra".
        auto v1Slot = [&](const QString &user, std::string_view pass) {
            const KdfCost cost = KdfCost::testOnly();
            QByteArray salt(crypto_pwhash_SALTBYTES, '\0');
            QByteArray nonce(crypto_secretbox_NONCEBYTES, '\0');
            randombytes_buf(salt.data(), static_cast<std::size_t>(salt.size()));
            randombytes_buf(nonce.data(), static_cast<std::size_t>(nonce.size()));
            unsigned char kek[crypto_secretbox_KEYBYTES];
            const int derived = crypto_pwhash(kek, sizeof kek, pass.data(), pass.size(),
                                              reinterpret_cast<const unsigned char *>(salt.constData()), cost.opslimit,
                                              cost.memlimit, crypto_pwhash_ALG_ARGON2ID13);
            QByteArray wrapped(static_cast<qsizetype>(key.size() + crypto_secretbox_MACBYTES), '\0');
            crypto_secretbox_easy(reinterpret_cast<unsigned char *>(wrapped.data()), key.data(), key.size(),
                                  reinterpret_cast<const unsigned char *>(nonce.constData()), kek);
            return derived == 0 ? QJsonObject{{u"type"_s, u"user"_s},
                                              {u"user"_s, user},
                                              {u"kdf"_s, u"argon2id13"_s},
                                              {u"opslimit"_s, static_cast<double>(cost.opslimit)},
                                              {u"memlimit"_s, static_cast<double>(cost.memlimit)},
                                              {u"salt"_s, QString::fromLatin1(salt.toBase64())},
                                              {u"nonce"_s, QString::fromLatin1(nonce.toBase64())},
                                              {u"wrapped"_s, QString::fromLatin1(wrapped.toBase64())}}
                                : QJsonObject{};
        };
        const QJsonObject v1{
            {u"format"_s, u"undercurrent-keyslots"_s},
            {u"version"_s, 1},
            {u"slots"_s, QJsonArray{v1Slot(u"alice"_s, alicePass), v1Slot(u"bob"_s, bobPass)}},
            {u"extra"_s,
             QJsonObject{{u"audit_head"_s, vault::sealAuditHead(head, key)},
                         {u"failed_unlocks"_s,
                          QJsonArray{QJsonObject{{u"user"_s, u"bob"_s},
                                                 {u"at"_s, QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODateWithMs)}}}}}}};
        f.writeSlots(v1);
        QCOMPARE(KeySlots::load(f.dir).userSlot(u"alice"_s)->version, 1);
        {
            auto v = f.open();
            QVERIFY(v->currentUser().admin);
            QVERIFY(v->auditTrail().verify().whole);
        }
        const KeySlots upgraded = KeySlots::load(f.dir);
        QCOMPARE(upgraded.userSlot(u"alice"_s)->version, 2);
        QCOMPARE(upgraded.userSlot(u"alice"_s)->role, u"therapist"_s);
        QVERIFY(upgraded.userSlot(u"alice"_s)->admin);
        QCOMPARE(upgraded.userSlot(u"bob"_s)->version, 1); // his, at his own next unlock
        QVERIFY(upgraded.checkSeal(key) == KeySlots::Seal::Valid);
        QVERIFY(!upgraded.vaultId().isEmpty());
        (void)f.open(u"bob"_s, bobPass);
        QCOMPARE(KeySlots::load(f.dir).userSlot(u"bob"_s)->version, 2);
        QVERIFY(!KeySlots::load(f.dir).userSlot(u"bob"_s)->admin);
        // From now on a file stripped of its MAC is refused.
        QJsonObject root = f.readSlots();
        root.remove(u"mac"_s);
        f.writeSlots(root);
        QCOMPARE(kindOf([&] { (void)f.open(); }), ErrorKind::Damaged);
    }

    void failedUnlockHintsAreValidated()
    {
        const QDateTime now = QDateTime::fromString(u"2026-01-02T03:04:05.000Z"_s, Qt::ISODateWithMs);
        const QJsonArray hints{QJsonObject{{u"user"_s, u"bob"_s}, {u"at"_s, u"2026-01-02T03:00:00.000Z"_s}},
                               QJsonObject{{u"user"_s, u" bob"_s}, {u"at"_s, u"2026-01-02T03:00:00.000Z"_s}},
                               QJsonObject{{u"user"_s, u"bob"_s}, {u"at"_s, u"2026-01-03T03:00:00.000Z"_s}},
                               QJsonObject{{u"user"_s, u"bob"_s}, {u"at"_s, u"2026-01-02T03:00:00"_s}},
                               u"just a string"_s};
        const vault::FailedUnlockHints read = vault::readFailedUnlockHints(hints, now);
        QCOMPARE(read.valid.size(), 1);
        QCOMPARE(read.dropped, 4);
    }

private:
    QTemporaryDir m_config;
};

QTEST_GUILESS_MAIN(KeySlotSecurityTest)
#include "keyslotsecuritytest.moc"
