// SPDX-License-Identifier: GPL-3.0-or-later
// `vault rekey` and `user remove` (docs/security.md, "Re-keying"): an old copy of a slot stops
// opening the vault, a removed user's slot copy does not open, colleagues and the recovery key take
// the new key at their next unlock, and a kill after each of the re-key's writes leaves a vault that
// opens and whose next unlock finishes the job.
#include "clirun.h"
#include "model/types.h"
#include "vault/keyslots.h"
#include "vault/sqlite.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::KdfCost;
using uc::vault::KeySlots;
using uc::vault::Vault;

namespace {

SecretBuffer pass(const QString &user)
{
    return SecretBuffer::copyOf(QString(user + u"'s rekey passphrase"_s).toStdString());
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

// The error an action throws, or nothing.
std::optional<Error> failure(const std::function<void()> &action)
{
    try {
        action();
    } catch (const Error &e) {
        return e;
    }
    return std::nullopt;
}

// Whether notes.db in dir opens with the key a slot file gives this user.
bool keyOpensDatabase(const QString &dir, const QByteArray &slotsJson, const QString &user, const SecretBuffer &passphrase)
{
    const SecretBuffer key = KeySlots::fromJson(slotsJson).unwrapUser(user, passphrase);
    return !failure([&] { (void)sql::Database::open(QDir(dir).filePath(u"notes.db"_s), key, sql::Database::Open::MustExist); });
}

} // namespace

class RekeyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir.emplace();
        QVERIFY(m_dir->isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir->filePath(u"config"_s)));
        m_vault = m_dir->filePath(u"vault"_s);
        auto created = Vault::create(m_vault, u"alice"_s, pass(u"alice"_s), model::Role::Therapist, KdfCost::testOnly());
        m_recovery = created.recoveryKey.display();
        created.vault->addUser(u"bob"_s, model::Role::Therapist, pass(u"bob"_s), KdfCost::testOnly());
        created.vault->addUser(u"sam"_s, model::Role::Supervisor, pass(u"sam"_s), KdfCost::testOnly());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        created.vault->clients().add(c);
    }

    void cleanup() { vault::VaultTestAccess::observeRekeySteps({}); }

    void anOldSlotAndPassphraseStopOpeningAfterARekey()
    {
        const QByteArray before = readAll(slotsPath());
        open(u"alice"_s)->changePassphrase(SecretBuffer::copyOf("alice's new passphrase"), KdfCost::testOnly());
        // A passphrase change alone: the old file and the old passphrase still give today's key.
        QVERIFY(keyOpensDatabase(m_vault, before, u"alice"_s, pass(u"alice"_s)));
        {
            auto v = Vault::open(m_vault, u"alice"_s, SecretBuffer::copyOf("alice's new passphrase"));
            v->rekey();
            const auto entries = v->auditTrail().entries();
            QCOMPARE(entries.last().action, u"vault-rekey"_s);
        }
        QVERIFY(!keyOpensDatabase(m_vault, before, u"alice"_s, pass(u"alice"_s)));
        // Put back in the folder, the old file opens nothing: the key it gives does not fit notes.db,
        // exit 4 (the passphrase was right; the file no longer belongs to this database).
        const QByteArray current = readAll(slotsPath());
        writeAll(slotsPath(), before);
        const auto e = failure([&] { (void)Vault::open(m_vault, u"alice"_s, pass(u"alice"_s)); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Damaged);
        QCOMPARE(e->exitCode(), 4);
        writeAll(slotsPath(), current);
        QVERIFY(Vault::open(m_vault, u"alice"_s, SecretBuffer::copyOf("alice's new passphrase"))->isOpen());
    }

    void aRemovedUsersSlotCopyDoesNotOpen()
    {
        const QByteArray before = readAll(slotsPath());
        QJsonObject bobsSlot;
        for (const QJsonValue &slot : QJsonDocument::fromJson(before).object().value("slots"_L1).toArray())
            if (slot.toObject().value("user"_L1).toString() == u"bob"_s)
                bobsSlot = slot.toObject();
        QVERIFY(!bobsSlot.isEmpty());
        {
            auto v = open(u"alice"_s);
            v->removeUser(u"Bob"_s);
            QCOMPARE(v->removedUsers(), QList<QString>{u"bob"_s});
            QStringList actions;
            for (const auto &entry : v->auditTrail().entries())
                actions.append(entry.action);
            QVERIFY(actions.contains(u"user-remove"_s));
            QCOMPARE(actions.last(), u"vault-rekey"_s);
        }
        QVERIFY(!KeySlots::load(m_vault).hasUser(u"bob"_s));
        // bob's slot put back beside the others: the key it gives is not the one the file is sealed with.
        QJsonObject doc = QJsonDocument::fromJson(readAll(slotsPath())).object();
        QJsonArray slots = doc.value("slots"_L1).toArray();
        slots.append(bobsSlot);
        doc.insert(u"slots"_s, slots);
        const QByteArray current = readAll(slotsPath());
        writeAll(slotsPath(), QJsonDocument(doc).toJson());
        auto e = failure([&] { (void)Vault::open(m_vault, u"bob"_s, pass(u"bob"_s)); });
        QVERIFY(e);
        QCOMPARE(e->exitCode(), 4);
        // The whole old file put back: its key does not open notes.db.
        writeAll(slotsPath(), before);
        QVERIFY(!keyOpensDatabase(m_vault, before, u"bob"_s, pass(u"bob"_s)));
        e = failure([&] { (void)Vault::open(m_vault, u"bob"_s, pass(u"bob"_s)); });
        QVERIFY(e);
        QCOMPARE(e->exitCode(), 4);
        writeAll(slotsPath(), current);
        // bob's name stays on the record, and nobody can take it.
        auto v = open(u"alice"_s);
        bool listed = false;
        for (const auto &u : v->users())
            listed = listed || u.name == u"bob"_s;
        QVERIFY(listed);
        e = failure([&] { v->addUser(u"bob"_s, model::Role::Therapist, pass(u"bob"_s), KdfCost::testOnly()); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Conflict);
        e = failure([&] { v->removeUser(u"bob"_s); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Conflict);
    }

    void aRemovedUsersSignaturesStillVerify()
    {
        model::Id note = 0;
        {
            auto bob = open(u"bob"_s);
            model::Session s;
            s.date = model::Date(2025, 3, 3);
            s.minutes = 50;
            s.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
            note = bob->notes().addSession(s, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, u"She slept well."_s}}).notes.first();
            bob->notes().sign(note);
        }
        auto alice = open(u"alice"_s);
        alice->removeUser(u"bob"_s);
        QVERIFY(alice->notes().verifySignature(note));
    }

    void aColleaguesPendingKeyIsTakenAtTheirUnlock()
    {
        open(u"alice"_s)->rekey();
        QVERIFY(!KeySlots::load(m_vault).pendingKey(u"bob"_s).isEmpty());
        QVERIFY(!KeySlots::load(m_vault).pendingKey({}).isEmpty());
        {
            auto bob = open(u"bob"_s);
            QCOMPARE(bob->clients().list().size(), 1);
        }
        const QByteArray after = readAll(slotsPath());
        QVERIFY(KeySlots::fromJson(after).pendingKey(u"bob"_s).isEmpty());
        QVERIFY(!KeySlots::fromJson(after).pendingKey(u"sam"_s).isEmpty());
        // bob's slot now wraps today's key itself.
        QVERIFY(keyOpensDatabase(m_vault, after, u"bob"_s, pass(u"bob"_s)));
        QVERIFY(open(u"sam"_s)->isOpen());
        QVERIFY(open(u"bob"_s)->auditTrail().verify().whole);
    }

    void recoveryWorksAfterARekey()
    {
        const auto key = vault::RecoveryKey::parse(
            std::string_view(reinterpret_cast<const char *>(m_recovery.data()), m_recovery.size()));
        for (int round = 0; round < 2; ++round) {
            open(u"alice"_s)->rekey();
            auto v = Vault::recover(m_vault, u"bob"_s, key, pass(u"bob"_s), KdfCost::testOnly());
            QCOMPARE(v->clients().list().size(), 1);
            v.reset();
            QVERIFY(KeySlots::load(m_vault).pendingKey({}).isEmpty());
        }
        QVERIFY(open(u"alice"_s)->auditTrail().verify().whole);
    }

    void aKillAfterEachStepLeavesAVaultThatOpens()
    {
        const QByteArray before = readAll(slotsPath());
        QList<QString> snapshots;
        vault::VaultTestAccess::observeRekeySteps([&](int step) {
            // What a kill at this instant leaves on disk.
            const QString copy = m_dir->filePath(u"kill-%1"_s.arg(step));
            QDir().mkpath(copy);
            for (const QString &name : QDir(m_vault).entryList(QDir::Files | QDir::Hidden))
                if (name != u".lock"_s)
                    QFile::copy(QDir(m_vault).filePath(name), QDir(copy).filePath(name));
            snapshots.append(copy);
        });
        open(u"alice"_s)->removeUser(u"bob"_s);
        vault::VaultTestAccess::observeRekeySteps({});
        QCOMPARE(snapshots.size(), 3);
        for (const QString &copy : std::as_const(snapshots)) {
            const QString which = QDir(copy).dirName();
            // A colleague first: their unlock finishes the re-key.
            {
                auto sam = Vault::open(copy, u"sam"_s, pass(u"sam"_s));
                QCOMPARE(sam->clients().list().size(), 1);
            }
            const QByteArray slots = readAll(QDir(copy).filePath(u"keyslots.json"_s));
            QVERIFY2(keyOpensDatabase(copy, slots, u"sam"_s, pass(u"sam"_s)), qPrintable(which));
            // The key before the re-key no longer opens it; bob's slot is gone.
            QVERIFY2(!keyOpensDatabase(copy, before, u"alice"_s, pass(u"alice"_s)), qPrintable(which));
            QVERIFY(!KeySlots::fromJson(slots).hasUser(u"bob"_s));
            // The second unlock, by the administrator, and the recovery key still open it.
            auto alice = Vault::open(copy, u"alice"_s, pass(u"alice"_s));
            QVERIFY2(alice->auditTrail().verify().whole, qPrintable(which + u": "_s + alice->auditTrail().verify().reason));
            QCOMPARE(alice->removedUsers(), QList<QString>{u"bob"_s});
        }
    }

    void anOlderDatabasePutBackIsNotRekeyedIntoPlace()
    {
        const QString db = QDir(m_vault).filePath(u"notes.db"_s);
        const QByteArray older = readAll(db);
        open(u"alice"_s)->rekey();
        QFile::remove(db + u"-wal"_s);
        QFile::remove(db + u"-shm"_s);
        writeAll(db, older);
        // bob's slot still wraps the old key, which fits the old file: it is refused, not re-keyed.
        const auto e = failure([&] { (void)open(u"bob"_s); });
        QVERIFY(e);
        QCOMPARE(e->exitCode(), 4);
        QCOMPARE(readAll(db), older);
    }

    void aUserWithoutACertifiedKeyBlocksTheRekey()
    {
        {
            // bob's certificate gone (a vault from before per-user keys has none until he unlocks).
            KeySlots slots = KeySlots::load(m_vault);
            const SecretBuffer key = slots.unwrapUser(u"alice"_s, pass(u"alice"_s));
            QJsonObject extra = slots.extra();
            QJsonObject certs = extra.value("certs"_L1).toObject();
            certs.remove(u"bob"_s);
            extra.insert(u"certs"_s, certs);
            slots.setExtra(extra);
            slots.save(m_vault, key);
        }
        const QByteArray before = readAll(m_vault + u"/notes.db"_s);
        auto v = open(u"alice"_s);
        const auto e = failure([&] { v->rekey(); });
        QVERIFY(e);
        QCOMPARE(e->kind(), ErrorKind::Conflict);
        QVERIFY2(e->message().contains(u"bob has no certified key"_s), qPrintable(e->message()));
        QVERIFY(KeySlots::load(m_vault).pendingKey(u"sam"_s).isEmpty());
    }

    void theCommandLineContract()
    {
        const QString alice = clirun::file(*m_dir, u"alice-pass"_s, "alice's rekey passphrase\n");
        const QString bob = clirun::file(*m_dir, u"bob-pass"_s, "bob's rekey passphrase\n");
        auto as = [&](const QString &user, const QString &passFile, const QStringList &args) {
            return clirun::cli(args, m_vault, user, passFile);
        };
        clirun::Run r = as(u"bob"_s, bob, {u"user"_s, u"remove"_s, u"--name"_s, u"sam"_s});
        QCOMPARE(r.code, 5);
        QCOMPARE(r.err, QByteArray("undercurrent-cli: remove user: only a practice administrator removes users\n"));
        QCOMPARE(as(u"bob"_s, bob, {u"vault"_s, u"rekey"_s}).code, 5);
        r = as(u"alice"_s, alice, {u"user"_s, u"remove"_s, u"--name"_s, u"nobody"_s});
        QCOMPARE(r.code, 2);
        QCOMPARE(r.err, QByteArray("undercurrent-cli: remove user: there is no user with that name\n"));
        // alice is also the only administrator: both rules refuse.
        r = as(u"alice"_s, alice, {u"user"_s, u"remove"_s, u"--name"_s, u"alice"_s});
        QCOMPARE(r.code, 6);
        QCOMPARE(r.err, QByteArray("undercurrent-cli: remove user: you cannot remove yourself; another administrator can\n"));
        QCOMPARE(as(u"alice"_s, alice, {u"user"_s, u"remove"_s}).code, 1);
        QVERIFY(KeySlots::load(m_vault).pendingKey(u"sam"_s).isEmpty()); // nothing was re-keyed
        QCOMPARE(as(u"alice"_s, alice, {u"vault"_s, u"rekey"_s}).code, 0);
        QCOMPARE(as(u"alice"_s, alice, {u"user"_s, u"remove"_s, u"--name"_s, u"sam"_s}).code, 0);
        r = as(u"alice"_s, alice, {u"user"_s, u"list"_s});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("sam\tsupervisor\tremoved\n"), r.out.constData());
        QCOMPARE(as(u"bob"_s, bob, {u"user"_s, u"list"_s}).code, 0);
    }

private:
    [[nodiscard]] QString slotsPath() const { return QDir(m_vault).filePath(u"keyslots.json"_s); }
    [[nodiscard]] std::unique_ptr<Vault> open(const QString &user) const { return Vault::open(m_vault, user, pass(user)); }

    std::optional<QTemporaryDir> m_dir;
    QString m_vault;
    SecretBuffer m_recovery;
};

QTEST_GUILESS_MAIN(RekeyTest)
#include "rekeytest.moc"
