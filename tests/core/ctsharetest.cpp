// SPDX-License-Identifier: GPL-3.0-or-later
// Countertransference entries shared with one's own supervisor (schema v27, vault/ctshares.h,
// docs/countertransference.md "Sharing with your supervisor"): the named, assigned supervisor reads
// them and nobody else does; a colleague with the data key finds nothing readable; an edited or forged
// row, an un-withdrawn share and a share to a supervisor no longer assigned are refused or hidden; an
// export carries nothing of them; a v26 vault gets the table. Through the CLI too: share, shares
// and withdraw as each user, and a damaged row exits 4 without a word of the entry.
#include "clirun.h"
#include "model/countertransference.h"
#include "model/types.h"
#include "testvault.h"
#include "vault/audit.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/userkeys.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::model::Id;
using uc::testing::errorOf;
using uc::testing::secret;
using uc::vault::CtEntryRef;
using uc::vault::KdfCost;
using uc::vault::Vault;
using uc::vault::VaultTestAccess;

namespace {

// Two entries of alice's signed process note; "quillwort" is the canary no other text holds.
const QString firstReaction = u"Writer felt a quillwort pull to rescue her and held back."_s;
const QString secondReaction = u"I noticed a growing irritation when she changed the subject."_s;

QList<model::Section> processSections(const QString &transference)
{
    return {{u"Process"_s, u"She arrived late and talked about her sister."_s},
            {model::countertransferenceSectionTitle(), transference},
            {u"Associations and dreams"_s, u"A dream of a locked door."_s}};
}

// The exit code the work's error maps to (common/error.h), 0 when it succeeds.
int exitOf(const std::function<void()> &work)
{
    const auto e = errorOf(work);
    return e ? static_cast<int>(e->kind()) : 0;
}
constexpr int usage = 1;
constexpr int badInput = 2;
constexpr int damaged = 4;
constexpr int notAllowed = 5;
constexpr int conflict = 6;

} // namespace

class CtShareTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_tmp;
    QString m_dir;
    Id m_signed = 0; // alice's signed process note, two entries
    Id m_draft = 0; // alice's draft process note, one entry
    Id m_bobs = 0; // bob's signed process note about the same client, one entry

    [[nodiscard]] std::unique_ptr<Vault> open(const QString &user) const { return Vault::open(m_dir, user, secret()); }

    static Id addProcessNote(Vault &v, const QString &transference, int day)
    {
        model::Session s;
        s.date = model::Date(2025, 3, day);
        s.minutes = 50;
        s.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
        return v.notes().addSession(s, u"process"_s, model::NoteKind::Process, processSections(transference)).notes.first();
    }

    static qint64 count(Vault &v, const char *sql)
    {
        auto stmt = VaultTestAccess::database(v).prepare(sql);
        return stmt.step() ? stmt.int64(0) : -1;
    }

    // Runs SQL as someone with the data key: the row's triggers are theirs to drop.
    static void asInsider(Vault &v, const QString &sql)
    {
        VaultTestAccess::database(v).exec(
            QString(u"DROP TRIGGER IF EXISTS ct_shares_kept; DROP TRIGGER IF EXISTS ct_shares_no_delete; "_s + sql).toStdString());
    }

    QList<Id> aliceShares(const QList<CtEntryRef> &entries, const QString &with = u"sue"_s) const
    {
        auto alice = open(u"alice"_s);
        return alice->ctShares().share(u"C-1"_s, entries, with);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void init()
    {
        const QString row = QString::fromLatin1(QTest::currentDataTag() ? QTest::currentDataTag() : "").replace(u' ', u'-');
        m_dir = m_tmp.filePath(u"vault-%1-%2"_s.arg(QLatin1StringView(QTest::currentTestFunction()), row));
        {
            auto created = Vault::create(m_dir, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly());
            Vault &v = *created.vault;
            v.addUser(u"bob"_s, model::Role::Therapist, secret(), KdfCost::testOnly());
            v.addUser(u"sue"_s, model::Role::Supervisor, secret(), KdfCost::testOnly());
            v.addUser(u"sam"_s, model::Role::Supervisor, secret(), KdfCost::testOnly());
            v.addUser(u"audrey"_s, model::Role::Auditor, secret(), KdfCost::testOnly());
            model::Client c;
            c.code = u"C-1"_s;
            c.displayName = u"Client One"_s;
            v.clients().add(c);
            m_signed = addProcessNote(v, firstReaction + u' ' + secondReaction, 3);
            v.notes().sign(m_signed);
            m_draft = addProcessNote(v, u"I felt bored for most of the hour."_s, 4);
        }
        // Each colleague's first unlock makes their keys; the administrator certifies them at hers.
        for (const QString &user : {u"bob"_s, u"sue"_s, u"sam"_s, u"audrey"_s})
            (void)open(user);
        (void)open(u"alice"_s);
        {
            auto sue = open(u"sue"_s);
            sue->supervision().assign(u"alice"_s, u"sue"_s, model::SupervisionMode::Review);
            sue->supervision().assign(u"bob"_s, u"sue"_s, model::SupervisionMode::Review);
            sue->supervision().assign(u"bob"_s, u"sam"_s, model::SupervisionMode::Review);
        }
        auto bob = open(u"bob"_s);
        m_bobs = addProcessNote(*bob, u"I felt hopeless by the end of the session."_s, 5);
        bob->notes().sign(m_bobs);
    }

    // ---- who reads a share

    void theNamedSupervisorReadsItAndNobodyElse()
    {
        const QList<Id> ids = aliceShares({{m_signed, 2}});
        QCOMPARE(ids.size(), 1);
        {
            auto sue = open(u"sue"_s);
            const QList<vault::CtShare> seen = sue->ctShares().list(u"C-1"_s);
            QCOMPARE(seen.size(), 1);
            QCOMPARE(seen.first().text, secondReaction);
            QCOMPARE(seen.first().codes, QStringList{u"irritation"_s});
            QCOMPARE(seen.first().author, u"alice"_s);
            QCOMPARE(seen.first().noteId, m_signed);
            QCOMPARE(seen.first().number, 2);
            QCOMPARE(seen.first().date, model::Date(2025, 3, 3));
        }
        {
            auto alice = open(u"alice"_s);
            const QList<vault::CtShare> mine = alice->ctShares().list(u"C-1"_s);
            QCOMPARE(mine.size(), 1);
            QCOMPARE(mine.first().text, secondReaction);
            QCOMPARE(mine.first().supervisor, u"sue"_s);
            QVERIFY(mine.first().withdrawnAt.isEmpty());
        }
        // Another therapist sees only their own (none); a supervisor not named sees nothing, though
        // assigned to a therapist of this client; an auditor is refused.
        QVERIFY(open(u"bob"_s)->ctShares().list(u"C-1"_s).isEmpty());
        QVERIFY(open(u"sam"_s)->ctShares().list(u"C-1"_s).isEmpty());
        {
            auto audrey = open(u"audrey"_s);
            QCOMPARE(exitOf([&] { (void)audrey->ctShares().list(u"C-1"_s); }), notAllowed);
        }
        // The supervisor still cannot read the process note itself, nor the author's log.
        auto sue = open(u"sue"_s);
        QCOMPARE(exitOf([&] { (void)sue->notes().read(m_signed); }), notAllowed);
        QCOMPARE(exitOf([&] { (void)sue->countertransference().log(u"C-1"_s); }), notAllowed);
    }

    void sharingAndWithdrawingAreAuditedWithoutAWord()
    {
        const QList<Id> ids = aliceShares({{m_signed, 1}, {m_signed, 2}});
        QCOMPARE(ids.size(), 2);
        auto alice = open(u"alice"_s);
        alice->ctShares().withdraw(ids.first());
        (void)alice->ctShares().list(u"C-1"_s);
        const QList<vault::AuditEntry> trail = alice->auditTrail().entries();
        QStringList actions;
        for (const vault::AuditEntry &e : trail) {
            if (!e.action.contains(u"countertransference"_s))
                continue;
            actions << e.action;
            for (const QString &word : {u"quillwort"_s, u"rescue"_s, u"irritation"_s, u"Writer"_s})
                QVERIFY2(!QString(e.object + e.detail).contains(word, Qt::CaseInsensitive), qPrintable(e.detail));
        }
        QCOMPARE(actions.count(u"share-countertransference"_s), 2);
        QCOMPARE(actions.count(u"withdraw-countertransference-share"_s), 1);
        QVERIFY(actions.contains(u"view-countertransference-shares"_s));
        QVERIFY(alice->auditTrail().verify().whole);
    }

    void withdrawnIsKeptForTheAuthorAndGoneForTheSupervisor()
    {
        const QList<Id> ids = aliceShares({{m_signed, 1}, {m_signed, 2}});
        QCOMPARE(open(u"sue"_s)->ctShares().list(u"C-1"_s).size(), 2);
        {
            auto alice = open(u"alice"_s);
            alice->ctShares().withdraw(ids.first());
            QCOMPARE(exitOf([&] { alice->ctShares().withdraw(ids.first()); }), conflict);
            const QList<vault::CtShare> mine = alice->ctShares().list(u"C-1"_s);
            QCOMPARE(mine.size(), 2);
            QVERIFY(!mine.first().withdrawnAt.isEmpty());
            QVERIFY(mine.last().withdrawnAt.isEmpty());
        }
        const QList<vault::CtShare> seen = open(u"sue"_s)->ctShares().list(u"C-1"_s);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().id, ids.last());
        // Only its author withdraws: a colleague's id is unknown to them, a supervisor may not.
        {
            auto bob = open(u"bob"_s);
            QCOMPARE(exitOf([&] { bob->ctShares().withdraw(ids.last()); }), badInput);
        }
        {
            auto sue = open(u"sue"_s);
            QCOMPARE(exitOf([&] { sue->ctShares().withdraw(ids.last()); }), notAllowed);
        }
        // Withdrawn, it may be shared again (a new row; the old one stays withdrawn).
        QCOMPARE(aliceShares({{m_signed, 1}}).size(), 1);
        QCOMPARE(open(u"sue"_s)->ctShares().list(u"C-1"_s).size(), 2);
    }

    // ---- what is refused at share time, with nothing written

    void onlyOwnSignedEntriesAndOnlyAnAssignedSupervisor()
    {
        auto alice = open(u"alice"_s);
        const auto before = count(*alice, "SELECT count(*) FROM audit");
        const auto share = [&](const QList<CtEntryRef> &entries, const QString &with) {
            return exitOf([&] { (void)alice->ctShares().share(u"C-1"_s, entries, with); });
        };
        QCOMPARE(share({{m_signed, 1}}, u"sam"_s), notAllowed); // a supervisor, not alice's
        QCOMPARE(share({{m_signed, 1}}, u"bob"_s), usage); // not a supervisor
        QCOMPARE(share({{m_signed, 1}}, u"nobody"_s), usage);
        QCOMPARE(share({}, u"sue"_s), usage);
        QCOMPARE(share({{m_signed, 1}, {m_signed, 1}}, u"sue"_s), usage);
        QCOMPARE(share({{m_signed, 3}}, u"sue"_s), badInput); // no third entry
        QCOMPARE(share({{m_signed, 0}}, u"sue"_s), badInput);
        QCOMPARE(share({{m_bobs, 1}}, u"sue"_s), badInput); // bob's note
        QCOMPARE(share({{m_draft, 1}}, u"sue"_s), conflict); // a draft's words still change
        QCOMPARE(share({{m_signed, 1}, {m_bobs, 1}}, u"sue"_s), badInput); // all or nothing
        QCOMPARE(exitOf([&] { (void)alice->ctShares().share(u"C-9"_s, {{m_signed, 1}}, u"sue"_s); }), badInput);
        QCOMPARE(count(*alice, "SELECT count(*) FROM ct_shares"), 0);
        QCOMPARE(count(*alice, "SELECT count(*) FROM audit"), before);
        // Shared once, the same entry is not shared with the same supervisor again while it stands.
        QCOMPARE(alice->ctShares().share(u"C-1"_s, {{m_signed, 1}}, u"sue"_s).size(), 1);
        QCOMPARE(share({{m_signed, 1}}, u"sue"_s), conflict);
        alice.reset();
        // A supervisor, an auditor share nothing.
        auto sue = open(u"sue"_s);
        QCOMPARE(exitOf([&] { (void)sue->ctShares().share(u"C-1"_s, {{m_signed, 1}}, u"sue"_s); }), notAllowed);
        sue.reset();
        auto audrey = open(u"audrey"_s);
        QCOMPARE(exitOf([&] { (void)audrey->ctShares().share(u"C-1"_s, {{m_signed, 1}}, u"sue"_s); }), notAllowed);
    }

    void aSupervisorNoLongerAssignedSeesNothing()
    {
        (void)aliceShares({{m_signed, 1}});
        QCOMPARE(open(u"sue"_s)->ctShares().list(u"C-1"_s).size(), 1);
        {
            // The vault has no unassign of its own: the assignment row goes (as a removal would take it).
            auto alice = open(u"alice"_s);
            VaultTestAccess::database(*alice).exec(
                "DELETE FROM supervision WHERE therapist_id = (SELECT id FROM users WHERE name = 'alice')");
        }
        QVERIFY(open(u"sue"_s)->ctShares().list(u"C-1"_s).isEmpty());
        QCOMPARE(open(u"alice"_s)->ctShares().list(u"C-1"_s).size(), 1);
    }

    // ---- the attacker: a colleague with the data key

    void aColleagueWithTheDataKeyReadsNothing()
    {
        (void)aliceShares({{m_signed, 1}, {m_signed, 2}});
        auto bob = open(u"bob"_s);
        sql::Database &db = VaultTestAccess::database(*bob);
        QCOMPARE(count(*bob, "SELECT count(*) FROM ct_shares"), 2);
        // Every column of every row of every table, read with the data key: the canary is nowhere
        // (the process note is sealed to alice, the shares to sue and to alice).
        QStringList tables;
        {
            auto stmt = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
            while (stmt.step())
                tables << stmt.text(0);
        }
        QVERIFY(tables.contains(u"ct_shares"_s));
        for (const QString &table : std::as_const(tables)) {
            auto rows = db.prepare(u"SELECT * FROM \"%1\""_s.arg(table).toStdString());
            while (rows.step())
                for (int c = 0; c < rows.columnCount(); ++c)
                    QVERIFY2(!rows.text(c).contains(u"quillwort"_s, Qt::CaseInsensitive), qPrintable(table));
        }
        // Nor do a colleague's keys open them.
        QVERIFY(bob->ctShares().list(u"C-1"_s).isEmpty());
    }

    void editedOrForgedRowsAreRefused_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("withdrawnFirst");
        QTest::addColumn<QString>("reader");
        // :first and :second are alice's two shares, :bobs bob's share with sue.
        QTest::newRow("words swapped") << u"UPDATE ct_shares SET for_supervisor = (SELECT for_supervisor FROM ct_shares "
                                          "WHERE id = :second) WHERE id = :first"_s
                                       << false << u"sue"_s;
        QTest::newRow("words of another author's share") << u"UPDATE ct_shares SET for_supervisor = (SELECT "
                                                            "for_supervisor FROM ct_shares WHERE id = :bobs) WHERE id = :first"_s
                                                         << false << u"sue"_s;
        QTest::newRow("entry changed") << u"UPDATE ct_shares SET entry = 2 WHERE id = :first"_s << false << u"sue"_s;
        QTest::newRow("date changed") << u"UPDATE ct_shares SET shared_at = '2024-01-01T00:00:00.000Z' WHERE id = :first"_s
                                      << false << u"sue"_s;
        QTest::newRow("supervisor changed") << u"UPDATE ct_shares SET supervisor_id = (SELECT id FROM users WHERE name = "
                                               "'sam') WHERE id = :first"_s
                                            << false << u"sam"_s;
        QTest::newRow("signature of another user") << u"UPDATE ct_shares SET signature = (SELECT signature FROM ct_shares "
                                                      "WHERE id = :bobs) WHERE id = :first"_s
                                                   << false << u"sue"_s;
        QTest::newRow("author changed") << u"UPDATE ct_shares SET author_id = (SELECT id FROM users WHERE name = 'bob') "
                                           "WHERE id = :first"_s
                                        << false << u"sue"_s;
        QTest::newRow("row copied") << u"INSERT INTO ct_shares(uuid, note_id, entry, author_id, supervisor_id, shared_at, "
                                       "for_supervisor, for_author, signature) SELECT lower(hex(randomblob(16))), note_id, "
                                       "entry, author_id, supervisor_id, shared_at, for_supervisor, for_author, signature "
                                       "FROM ct_shares WHERE id = :first"_s
                                    << false << u"sue"_s;
        QTest::newRow("un-withdrawn") << u"UPDATE ct_shares SET withdrawn_at = NULL, withdraw_signature = NULL "
                                         "WHERE id = :first"_s
                                      << true << u"sue"_s;
        QTest::newRow("withdrawal forged") << u"UPDATE ct_shares SET withdrawn_at = '2026-01-01T00:00:00.000Z', "
                                              "withdraw_signature = signature WHERE id = :second"_s
                                           << false << u"sue"_s;
    }

    void editedOrForgedRowsAreRefused()
    {
        QFETCH(QString, sql);
        QFETCH(bool, withdrawnFirst);
        QFETCH(QString, reader);
        {
            auto sue = open(u"sue"_s);
            sue->supervision().assign(u"alice"_s, u"sam"_s, model::SupervisionMode::Review);
        }
        const QList<Id> ids = aliceShares({{m_signed, 1}, {m_signed, 2}});
        const Id bobs = open(u"bob"_s)->ctShares().share(u"C-1"_s, {{m_bobs, 1}}, u"sue"_s).first();
        if (withdrawnFirst)
            open(u"alice"_s)->ctShares().withdraw(ids.first());
        {
            auto them = open(reader);
            QCOMPARE(them->ctShares().list(u"C-1"_s).size(), reader == u"sue"_s ? (withdrawnFirst ? 2 : 3) : 0);
        }
        {
            auto alice = open(u"alice"_s);
            asInsider(*alice, QString(sql)
                                  .replace(u":first"_s, QString::number(ids.first()))
                                  .replace(u":second"_s, QString::number(ids.last()))
                                  .replace(u":bobs"_s, QString::number(bobs)));
        }
        auto them = open(reader);
        const auto e = errorOf([&] { (void)them->ctShares().list(u"C-1"_s); });
        QVERIFY(e);
        QCOMPARE(static_cast<int>(e->kind()), damaged);
        QVERIFY2(e->why().startsWith(u"shared entry "_s), qPrintable(e->why()));
        QVERIFY(!e->why().contains(u"quillwort"_s));
    }

    // ---- through the CLI

    void theCliSharesListsAndWithdraws()
    {
        QTemporaryDir files;
        const QString pass = clirun::file(files, u"pass"_s, "a passphrase of enough length\n");
        const auto cli = [&](const QString &user, const QStringList &args) { return clirun::cli(args, m_dir, user, pass); };
        const auto json = [](const clirun::Run &r) { return QJsonDocument::fromJson(r.out).object(); };
        const QString second = u"%1.2"_s.arg(m_signed);

        const clirun::Run shared = cli(u"alice"_s, {u"countertransference"_s, u"share"_s, u"--client"_s, u"C-1"_s,
                                                     u"--entry"_s, second, u"--supervisor"_s, u"sue"_s, u"--json"_s});
        QCOMPARE(shared.code, 0);
        const QJsonArray ids = json(shared).value(u"shares"_s).toArray();
        QCOMPARE(ids.size(), 1);
        const QString id = QString::number(ids.first().toInteger());

        const clirun::Run seen = cli(u"sue"_s, {u"countertransference"_s, u"shares"_s, u"--client"_s, u"C-1"_s, u"--json"_s});
        QCOMPARE(seen.code, 0);
        const QJsonArray rows = json(seen).value(u"shares"_s).toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.first().toObject();
        QCOMPARE(row.value(u"text"_s).toString(), secondReaction);
        QCOMPARE(row.value(u"entry"_s).toString(), second);
        QCOMPARE(row.value(u"author"_s).toString(), u"alice"_s);
        QVERIFY(row.value(u"withdrawn_at"_s).isNull());

        // A colleague sees nothing; a supervisor may not withdraw what is not theirs; an entry that
        // is not one is refused before anything is written.
        const clirun::Run bobs = cli(u"bob"_s, {u"countertransference"_s, u"shares"_s, u"--client"_s, u"C-1"_s, u"--json"_s});
        QCOMPARE(bobs.code, 0);
        QVERIFY(json(bobs).value(u"shares"_s).toArray().isEmpty());
        QCOMPARE(cli(u"sue"_s, {u"countertransference"_s, u"withdraw"_s, id}).code, notAllowed);
        const clirun::Run malformed = cli(u"alice"_s, {u"countertransference"_s, u"share"_s, u"--client"_s, u"C-1"_s,
                                                        u"--entry"_s, u"2"_s, u"--supervisor"_s, u"sue"_s});
        QCOMPARE(malformed.code, badInput);
        QVERIFY2(malformed.err.contains("--entry"), malformed.err.constData());
        {
            auto alice = open(u"alice"_s);
            QCOMPARE(count(*alice, "SELECT count(*) FROM ct_shares"), 1);
        }

        const clirun::Run withdrawn = cli(u"alice"_s, {u"countertransference"_s, u"withdraw"_s, id});
        QCOMPARE(withdrawn.code, 0);
        QCOMPARE(withdrawn.out.trimmed(), QByteArray("share " + id.toLatin1() + " withdrawn"));
        const clirun::Run after = cli(u"sue"_s, {u"countertransference"_s, u"shares"_s, u"--client"_s, u"C-1"_s, u"--json"_s});
        QCOMPARE(after.code, 0);
        QVERIFY(json(after).value(u"shares"_s).toArray().isEmpty());
    }

    // An entry's row edited by someone with the data key: the supervisor's CLI exits 4, prints no
    // share and says nothing of the entry's words, in either output form.
    void theCliRefusesADamagedShare()
    {
        QTemporaryDir files;
        const QString pass = clirun::file(files, u"pass"_s, "a passphrase of enough length\n");
        const Id id = aliceShares({{m_signed, 1}}).first();
        {
            auto alice = open(u"alice"_s);
            asInsider(*alice, u"UPDATE ct_shares SET entry = 2 WHERE id = %1"_s.arg(id));
        }
        for (const bool asJson : {false, true}) {
            QStringList args{u"countertransference"_s, u"shares"_s, u"--client"_s, u"C-1"_s};
            if (asJson)
                args << u"--json"_s;
            const clirun::Run r = clirun::cli(args, m_dir, u"sue"_s, pass);
            QCOMPARE(r.code, damaged);
            QVERIFY2(r.out.isEmpty(), r.out.constData());
            QVERIFY2(r.err.contains("shared entry"), r.err.constData());
            for (const char *word : {"quillwort", "rescue", "irritation"})
                QVERIFY2(!r.err.contains(word), r.err.constData());
        }
    }

    // ---- never exported

    void anExportCarriesNothingOfAShare()
    {
        (void)aliceShares({{m_signed, 1}, {m_signed, 2}});
        auto alice = open(u"alice"_s);
        for (const bool withProcess : {false, true}) {
            const QString json = QString::fromUtf8(QJsonDocument(alice->records().exportClient(u"C-1"_s, withProcess)).toJson());
            for (const QString &word : {u"quillwort"_s, u"held back"_s, u"ct_share"_s, u"for_supervisor"_s})
                QVERIFY2(!json.contains(word, Qt::CaseInsensitive), qPrintable(word));
        }
    }

    // ---- a vault from before

    void aV26VaultGetsTheTable()
    {
        {
            auto alice = open(u"alice"_s);
            VaultTestAccess::database(*alice).exec("DROP TABLE ct_shares; PRAGMA user_version = 26");
        }
        auto alice = open(u"alice"_s);
        QCOMPARE(vault::userVersion(VaultTestAccess::database(*alice)), vault::schemaVersion);
        QCOMPARE(vault::schemaVersion, 27);
        QCOMPARE(count(*alice, "SELECT count(*) FROM sqlite_master WHERE name IN ('ct_shares', 'ct_shares_kept', "
                               "'ct_shares_no_delete')"),
                 3);
        QCOMPARE(alice->ctShares().share(u"C-1"_s, {{m_signed, 1}}, u"sue"_s).size(), 1);
        alice.reset();
        QCOMPARE(open(u"sue"_s)->ctShares().list(u"C-1"_s).size(), 1);
        // The kept row refuses an edit and a delete of its own.
        auto again = open(u"alice"_s);
        QVERIFY(errorOf([&] { VaultTestAccess::database(*again).exec("UPDATE ct_shares SET entry = 2"); }));
        QVERIFY(errorOf([&] { VaultTestAccess::database(*again).exec("DELETE FROM ct_shares"); }));
    }
};

QTEST_GUILESS_MAIN(CtShareTest)

#include "ctsharetest.moc"
