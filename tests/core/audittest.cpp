// SPDX-License-Identifier: GPL-3.0-or-later
// The audit trail as a supervisor relies on it: every action leaves an entry with who, when and
// which object and never the note text; the table is append-only; and an entry edited, deleted,
// moved, inserted or cut off through raw SQL with the data key, or the whole file rolled back to an
// older copy, or the head in keyslots.json altered, is found by verification, naming where.
#include "vault/audit.h"
#include "vault/keyslots.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QFile>
#include <QStandardPaths>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace uc;
using namespace uc::vault;

namespace {

constexpr std::string_view passphrase = "audit test passphrase";
const auto canary = QStringLiteral("Zanzibar-canary-7731");

SecretBuffer secret(std::string_view text)
{
    return SecretBuffer::copyOf(text);
}

struct Fixture
{
    QTemporaryDir tmp;
    QString dir = tmp.filePath(QStringLiteral("vault"));

    // A small workload: a client, a session with a note, an edit, a sign, a search, an export.
    void workload()
    {
        auto v = Vault::create(dir, QStringLiteral("alice"), secret(passphrase), model::Role::Therapist,
                               KdfCost::testOnly())
                     .vault;
        model::Client c;
        c.code = QStringLiteral("C-1");
        c.displayName = QStringLiteral("Client ") + canary;
        v->clients().add(c);
        model::Session s;
        s.date = model::Date(2025, 3, 3);
        s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
        const auto made = v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress,
                                        {{QStringLiteral("Note"), QStringLiteral("She felt abandoned. ") + canary}});
        v->notes().saveDraft(made.notes.first(),
                     {{QStringLiteral("Note"), QStringLiteral("She felt abandoned again. ") + canary}});
        v->notes().sign(made.notes.first());
        (void)v->notes().read(made.notes.first());
        (void)v->search().notes(canary);
        (void)v->records().exportClient(QStringLiteral("C-1"), false);
        v->lock();
    }
    std::unique_ptr<Vault> open() { return Vault::open(dir, QStringLiteral("alice"), secret(passphrase)); }
    // The database opened with the data key and no vault around it: what an attacker with the key
    // and a SQL shell can do. The append-only triggers are dropped first.
    sql::Database raw()
    {
        const SecretBuffer key = KeySlots::load(dir).unwrapUser(QStringLiteral("alice"), secret(passphrase));
        auto db = sql::Database::open(QDir(dir).filePath(QStringLiteral("notes.db")), key, sql::Database::Open::MustExist);
        db.exec("DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete");
        return db;
    }
    // Verifies without the unlock and lock entries a full open would add at the end.
    AuditCheck verify()
    {
        const KeySlots slots = KeySlots::load(dir);
        SecretBuffer payload;
        const SecretBuffer key = slots.unwrapUser(QStringLiteral("alice"), secret(passphrase), &payload);
        auto db = sql::Database::open(QDir(dir).filePath(QStringLiteral("notes.db")), key, sql::Database::Open::MustExist);
        // Signatures checked against the certificates and the root pinned in alice's slot.
        const AuditKeys keys{slots.extra().value(QLatin1String("certs")).toObject(), UserKeys::fromPayload(payload)->rootPublic,
                             slots.extra().value(QLatin1String("audit_pins")).toObject()};
        return verifyAuditTrail(db, slots.extra().value(QLatin1String("audit_head")).toObject(), key, keys);
    }
    qint64 count()
    {
        auto db = raw();
        return db.pragmaText("SELECT count(*) FROM audit").toLongLong();
    }
};

QString describe(const AuditCheck &c)
{
    return QStringLiteral("whole=%1 count=%2 broken=%3 reason=%4").arg(c.whole).arg(c.count).arg(c.broken).arg(c.reason);
}

} // namespace

class AuditTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyActionIsRecordedWithoutText()
    {
        Fixture f;
        f.workload();
        auto v = f.open();
        const QList<AuditEntry> entries = v->auditTrail().entries();
        QStringList actions;
        for (const AuditEntry &e : entries) {
            actions.append(e.action);
            for (const QString &field : {e.user, e.action, e.object, e.detail, e.at})
                QVERIFY2(!field.contains(canary), qPrintable(field));
        }
        const QStringList expected{QStringLiteral("create-vault"), QStringLiteral("create-client"), QStringLiteral("create-note"),
                                   QStringLiteral("edit-draft"),   QStringLiteral("sign"),          QStringLiteral("view-note"),
                                   QStringLiteral("search"),       QStringLiteral("export"),        QStringLiteral("lock"),
                                   QStringLiteral("unlock")};
        QCOMPARE(actions, expected);
        QCOMPARE(entries.at(6).detail, QStringLiteral("1 results")); // what was searched for is not kept
        QCOMPARE(entries.at(4).object, entries.at(2).object); // the same note: "note:<id>"
        QVERIFY(entries.at(2).object.startsWith(QLatin1String("note:")));
        for (int i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries.at(i).seq, qint64(i + 1));
            QCOMPARE(entries.at(i).prev, i == 0 ? auditGenesis() : entries.at(i - 1).hash);
            QCOMPARE(entries.at(i).hash, auditHash(entries.at(i).prev, entries.at(i)));
        }
        const AuditCheck check = v->auditTrail().verify();
        QVERIFY2(check.whole, qPrintable(describe(check)));
    }

    void csvExportIsQuotedRecordedAndOwnerOnly()
    {
        Fixture f;
        f.workload();
        auto v = f.open();
        // Entries whose cells need quoting or would read as a formula in a spreadsheet.
        v->recordEvent(QStringLiteral("print"), QStringLiteral("note:1"), QStringLiteral("=HYPERLINK(\"x\"), 2 copies"));
        const QString file = f.tmp.filePath(QStringLiteral("audit.csv"));
        const qsizetype n = v->auditTrail().exportCsv({}, file);
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray text = csv.readAll();
        QVERIFY(text.startsWith("seq,at,user,action,object,detail,hash\r\n"));
        QCOMPARE(text.count("\r\n"), n + 1);
        QVERIFY2(text.contains(",print,note:1,\"'=HYPERLINK(\"\"x\"\"), 2 copies\","), text.constData());
        QVERIFY(!text.contains(canary.toUtf8())); // never note text or names
        QCOMPARE(csv.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        // The export is itself on the record, and the chain still holds.
        const QList<AuditEntry> after = auditEntries(vault::VaultTestAccess::database(*v));
        QCOMPARE(after.last().action, QStringLiteral("export"));
        QCOMPARE(after.last().object, QStringLiteral("audit"));
        QVERIFY(v->auditTrail().verify().whole);
        // An unwritable place: a clear error, no file.
        QVERIFY_THROWS_EXCEPTION(Error, v->auditTrail().exportCsv({}, QStringLiteral("/proc/no-such-dir/audit.csv")));
        // The same filters as the listing.
        const QString since = f.tmp.filePath(QStringLiteral("since.csv"));
        QCOMPARE(v->auditTrail().exportCsv({QStringLiteral("2999-01-01"), QString()}, since), 0);
    }

    void theTableIsAppendOnly()
    {
        Fixture f;
        f.workload();
        auto v = f.open();
        QVERIFY_THROWS_EXCEPTION(Error, vault::VaultTestAccess::database(*v).exec("UPDATE audit SET user = 'mallory' WHERE seq = 2"));
        QVERIFY_THROWS_EXCEPTION(Error, vault::VaultTestAccess::database(*v).exec("DELETE FROM audit WHERE seq = 2"));
        QVERIFY(v->auditTrail().verify().whole);
    }

    void failedUnlocksAreRecordedAtTheNextUnlock()
    {
        Fixture f;
        f.workload();
        QVERIFY_THROWS_EXCEPTION(Error, Vault::open(f.dir, QStringLiteral("alice"), secret("wrong passphrase")));
        QVERIFY_THROWS_EXCEPTION(Error, Vault::open(f.dir, QStringLiteral("nobody"), secret("wrong passphrase")));
        auto v = f.open();
        // Read directly: a therapist's own listing shows only her entries, not nobody's.
        const QList<AuditEntry> entries = auditEntries(vault::VaultTestAccess::database(*v));
        QCOMPARE(entries.at(entries.size() - 3).action, QStringLiteral("unlock-failed-reported"));
        QCOMPARE(entries.at(entries.size() - 3).user, QStringLiteral("alice"));
        QCOMPARE(entries.at(entries.size() - 2).action, QStringLiteral("unlock-failed-reported"));
        QCOMPARE(entries.at(entries.size() - 2).user, QStringLiteral("nobody"));
        QCOMPARE(entries.last().action, QStringLiteral("unlock"));
        QVERIFY(v->auditTrail().verify().whole);
        v->lock();
        // Recorded once: the pending list is gone after it joined the trail.
        auto again = f.open();
        int failed = 0;
        for (const AuditEntry &e : auditEntries(vault::VaultTestAccess::database(*again)))
            failed += e.action == u"unlock-failed-reported" ? 1 : 0;
        QCOMPARE(failed, 2);
    }

    void anEditedEntryIsFound()
    {
        Fixture f;
        f.workload();
        f.raw().exec("UPDATE audit SET user = 'mallory' WHERE seq = 4");
        const AuditCheck c = f.verify();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, qint64(4));
        QVERIFY2(c.reason.contains(QLatin1String("content")), qPrintable(describe(c)));
    }

    void aDeletedEntryIsFound()
    {
        Fixture f;
        f.workload();
        f.raw().exec("DELETE FROM audit WHERE seq = 3");
        const AuditCheck c = f.verify();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, qint64(3));
        QVERIFY2(c.reason.contains(QLatin1String("missing")), qPrintable(describe(c)));
    }

    void reorderedEntriesAreFound()
    {
        Fixture f;
        f.workload();
        {
            auto db = f.raw();
            // Swap entries 5 and 6 whole (their own hashes and links travel with them).
            db.exec("UPDATE audit SET seq = -5 WHERE seq = 5; UPDATE audit SET seq = 5 WHERE seq = 6; "
                    "UPDATE audit SET seq = 6 WHERE seq = -5");
        }
        const AuditCheck c = f.verify();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, qint64(5));
    }

    void anInsertedEntryIsFound()
    {
        Fixture f;
        f.workload();
        {
            auto db = f.raw();
            // Make room after entry 3 and slip a forged entry in, chained to entry 3.
            db.exec("UPDATE audit SET seq = seq + 1000 WHERE seq > 3; UPDATE audit SET seq = seq - 999 WHERE seq > 1000");
            AuditEntry forged{4, QStringLiteral("2025-01-01T00:00:00.000Z"), QStringLiteral("alice"), QStringLiteral("view-note"),
                              QStringLiteral("note:1"), {}, {}, {}};
            forged.prev = db.pragmaText("SELECT hash FROM audit WHERE seq = 3");
            forged.hash = auditHash(forged.prev, forged);
            db.prepare("INSERT INTO audit(seq, at, user, action, object, detail, prev, hash) VALUES (4, ?, ?, ?, ?, '', ?, ?)")
                .bind(1, forged.at)
                .bind(2, forged.user)
                .bind(3, forged.action)
                .bind(4, forged.object)
                .bind(5, forged.prev)
                .bind(6, forged.hash)
                .run();
        }
        const AuditCheck c = f.verify();
        QVERIFY(!c.whole);
        // The forged entry carries no signature (entries are signed since v19); without that, the entry
        // after it would not hold (auditsigtest: signed forgeries).
        QCOMPARE(c.broken, qint64(4));
        QVERIFY2(c.reason.contains(QLatin1String("no signature")), qPrintable(describe(c)));
    }

    void aTruncatedTrailIsFound()
    {
        Fixture f;
        f.workload();
        const qint64 before = f.count();
        f.raw().exec(QStringLiteral("DELETE FROM audit WHERE seq > %1").arg(before - 3).toStdString());
        const AuditCheck c = f.verify();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, before - 2);
        QVERIFY2(c.reason.contains(QLatin1String("missing")), qPrintable(describe(c)));
        // This machine saw the longer trail: the unlock itself refuses the cut vault.
        QVERIFY_THROWS_EXCEPTION(Error, f.open());
        // Without that record (another machine), alice's own slot still knows how far she signed: the
        // lock entry she signed last is gone, so her unlock refuses too, and writes nothing.
        QDir records(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                     + QStringLiteral("/undercurrent/vaults"));
        const QStringList mine = records.entryList({KeySlots::load(f.dir).vaultId() + QStringLiteral("-*.json")});
        QCOMPARE(mine.size(), 1);
        QVERIFY(records.remove(mine.first()));
        const auto slotsFile = [&] {
            QFile file(QDir(f.dir).filePath(QStringLiteral("keyslots.json")));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        const QByteArray slotsBefore = slotsFile();
        std::optional<Error> refused;
        try {
            (void)f.open();
        } catch (const Error &e) {
            refused = e;
        }
        QVERIFY(refused);
        QCOMPARE(refused->kind(), ErrorKind::Damaged);
        QVERIFY2(refused->message().contains(QLatin1String("cut back")), qPrintable(refused->message()));
        QCOMPARE(f.count(), before - 3);
        QCOMPARE(slotsFile(), slotsBefore);
        const AuditCheck after = f.verify();
        QVERIFY(!after.whole);
        QCOMPARE(after.broken, before - 2);
    }

    void aFileRolledBackIsFound()
    {
        Fixture f;
        f.workload();
        const QString db = QDir(f.dir).filePath(QStringLiteral("notes.db"));
        const QString copy = f.tmp.filePath(QStringLiteral("old-notes.db"));
        QVERIFY(QFile::copy(db, copy));
        {
            auto v = f.open();
            (void)v->search().notes(QStringLiteral("anything"));
            v->lock();
        }
        QVERIFY(QFile::remove(db));
        QVERIFY(QFile::copy(copy, db));
        const AuditCheck c = f.verify();
        QVERIFY(!c.whole);
        QVERIFY2(c.reason.contains(QLatin1String("rolled back")), qPrintable(describe(c)));
    }

    void theHeadInTheKeySlotsIsAuthenticated()
    {
        Fixture f;
        f.workload();
        const QString path = QDir(f.dir).filePath(QLatin1String(KeySlots::fileName));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        file.close();
        QJsonObject extra = root.value(QLatin1String("extra")).toObject();
        QJsonObject head = extra.value(QLatin1String("audit_head")).toObject();
        head.insert(QStringLiteral("count"), head.value(QLatin1String("count")).toDouble() - 2); // hide the last two
        extra.insert(QStringLiteral("audit_head"), head);
        root.insert(QStringLiteral("extra"), extra);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QJsonDocument(root).toJson());
        file.close();
        const AuditCheck c = f.verify();
        QVERIFY(!c.whole);
        QCOMPARE(c.broken, qint64(0));
        QVERIFY2(c.reason.contains(QLatin1String("altered")), qPrintable(describe(c)));
    }

    void canonicalFormIsStable()
    {
        const AuditEntry e{7, QStringLiteral("2025-01-02T03:04:05.006Z"), QStringLiteral("a\"b\\c"), QStringLiteral("sign"),
                           QStringLiteral("note:3"), QStringLiteral("line\nbreak"), {}, {}};
        QCOMPARE(canonicalAuditEntry(e),
                 QByteArray("{\"action\":\"sign\",\"at\":\"2025-01-02T03:04:05.006Z\",\"detail\":\"line\\u000abreak\","
                            "\"object\":\"note:3\",\"seq\":7,\"user\":\"a\\\"b\\\\c\"}"));
        // Same bytes as Qt's own compact JSON for the same object, so any JSON tool can recompute it.
        QCOMPARE(QJsonDocument::fromJson(canonicalAuditEntry(e)).object().value(QLatin1String("detail")).toString(),
                 QStringLiteral("line\nbreak"));
    }
};

QTEST_GUILESS_MAIN(AuditTest)
#include "audittest.moc"
