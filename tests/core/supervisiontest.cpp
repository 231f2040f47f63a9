// SPDX-License-Identifier: GPL-3.0-or-later
// Roles and supervision as a practice relies on them: the permission matrix tried action by
// action for each role against a real vault (a refusal is exit 5's NotAllowed and changes nothing),
// the object rules on top of it (only the author edits, a supervisor reads only the therapists
// assigned to them, a process note is its author's), co-signing with a verifiable hash, returns and
// comments, the review queue, and the blind agreement check.
#include "vault/keyslots.h"
#include "vault/notes.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>

using namespace uc;
using namespace uc::vault;
using model::Id;

namespace {

constexpr std::string_view passphrase = "supervision test passphrase";

SecretBuffer secret(std::string_view text = passphrase)
{
    return SecretBuffer::copyOf(text);
}

QList<model::Section> sections(const QString &text)
{
    return {{QStringLiteral("Note"), text}};
}

// The practice every case starts from: alice and bob are therapists, sam supervises alice
// (must-cosign), ada audits. Client C-1; alice has signed notes, a draft and a process note; bob
// has a signed note sam may not read.
struct Practice
{
    QTemporaryDir tmp;
    QString dir = tmp.filePath(QStringLiteral("vault"));
    Id aliceSigned = 0;
    Id aliceSigned2 = 0;
    Id aliceDraft = 0;
    Id aliceProcess = 0;
    Id bobSigned = 0;
    Id session = 0;

    Practice()
    {
        auto v = Vault::create(dir, QStringLiteral("alice"), secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
        v->addUser(QStringLiteral("bob"), model::Role::Therapist, secret(), KdfCost::testOnly());
        v->addUser(QStringLiteral("sam"), model::Role::Supervisor, secret(), KdfCost::testOnly());
        v->addUser(QStringLiteral("ada"), model::Role::Auditor, secret(), KdfCost::testOnly());
        model::Client c;
        c.code = QStringLiteral("C-1");
        c.displayName = QStringLiteral("Client One");
        v->clients().add(c);
        aliceSigned = newNote(*v, QStringLiteral("She drinks when she feels abandoned."), true);
        aliceSigned2 = newNote(*v, QStringLiteral("Cravings after the argument with her brother."), true);
        aliceDraft = newNote(*v, QStringLiteral("Draft: shame about the weekend."), false);
        aliceProcess = v->notes().add(session, QStringLiteral("C-1"), QStringLiteral("process"), model::NoteKind::Process,
                                  sections(QStringLiteral("My own reaction: protective, a little bored.")));
        v->lock();
        auto b = open(QStringLiteral("bob"));
        bobSigned = newNote(*b, QStringLiteral("Group check-in; he was anxious before using."), true);
        b->lock();
        auto s = open(QStringLiteral("sam"));
        s->supervision().assign(QStringLiteral("alice"), QStringLiteral("sam"), model::SupervisionMode::MustCosign);
    }

    Id newNote(Vault &v, const QString &text, bool sign)
    {
        model::Session s;
        s.date = model::Date(2025, 3, 3);
        s.minutes = 50;
        s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
        const auto made = v.notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress, sections(text));
        session = made.session;
        if (sign)
            v.notes().sign(made.notes.first());
        return made.notes.first();
    }

    std::unique_ptr<Vault> open(const QString &user) { return Vault::open(dir, user, secret()); }
};

// How much of the record there is: a refused action must leave every number as it was.
QString footprint(Vault &v)
{
    QStringList parts;
    for (const char *table : {"users", "clients", "sessions", "notes", "addenda", "theme_hits", "measures",
                              "codebook_edits", "supervision", "note_comments", "agreement_checks"}) {
        parts.append(vault::VaultTestAccess::database(v).pragmaText(std::string("SELECT count(*) FROM ") + table));
    }
    parts.append(vault::VaultTestAccess::database(v).pragmaText("SELECT group_concat(status || coalesce(cosign_hash, ''), ',') FROM notes"));
    parts.append(vault::VaultTestAccess::database(v).pragmaText("SELECT group_concat(decision, ',') FROM theme_hits"));
    parts.append(vault::VaultTestAccess::database(v).pragmaText("SELECT group_concat(display_name || status, ',') FROM clients"));
    parts.append(vault::VaultTestAccess::database(v).pragmaText("SELECT group_concat(mode, ',') FROM supervision"));
    return parts.join(u'|');
}

// One action of the matrix as a caller would take it, on the practice's objects.
struct Case
{
    const char *action;
    std::function<void(Vault &, Practice &)> run;
    bool therapist;
    bool supervisor;
    bool auditor;
};

QList<Case> matrix()
{
    // Written out by hand from the roles in docs/supervision.md, not read from model::permissions(): the test
    // holds the table to what a practice expects.
    return {
        {"read-records", [](Vault &v, Practice &p) { (void)v.notes().read(p.aliceSigned); (void)v.clients().list(); (void)v.search().notes(QStringLiteral("abandoned")); }, true, true, true},
        {"create-client", [](Vault &v, Practice &) {
             model::Client c;
             c.code = QStringLiteral("C-NEW");
             c.displayName = QStringLiteral("New Client");
             v.clients().add(c);
         }, true, false, false},
        {"edit-client", [](Vault &v, Practice &) {
             model::Client c = *v.clients().find(QStringLiteral("C-1"));
             c.displayName = QStringLiteral("Renamed");
             v.clients().update(c);
         }, true, false, false},
        {"discharge-client", [](Vault &v, Practice &) { v.clients().discharge(QStringLiteral("C-1"), model::Date(2025, 4, 1)); }, true, false, false},
        {"write-note", [](Vault &v, Practice &p) { (void)p.newNote(v, QStringLiteral("A new session."), false); }, true, false, false},
        {"edit-draft", [](Vault &v, Practice &p) { v.notes().saveDraft(p.aliceDraft, sections(QStringLiteral("Edited."))); }, true, false, false},
        {"delete-draft", [](Vault &v, Practice &p) { v.notes().deleteDraft(p.aliceDraft); }, true, false, false},
        {"sign-note", [](Vault &v, Practice &p) { v.notes().sign(p.aliceDraft); }, true, false, false},
        {"add-addendum", [](Vault &v, Practice &p) { (void)v.notes().addAddendum(p.aliceSigned, QStringLiteral("Late entry.")); }, true, false, false},
        {"decide-theme", [](Vault &v, Practice &p) {
             const auto tags = v.tagging().tags(p.aliceSigned);
             QVERIFY(!tags.isEmpty());
             v.tagging().decide(tags.first().id, model::TagDecision::Confirmed);
         }, true, false, false},
        {"add-measure", [](Vault &v, Practice &) { (void)v.measures().add(QStringLiteral("C-1"), model::Date(2025, 3, 3), QStringLiteral("gad7"), {1, 1, 1, 1, 1, 1, 1}); }, true, false, false},
        {"edit-codebook", [](Vault &v, Practice &) { v.tagging().setCodebookEdits("{\"disabled\":[\"anger\"]}"); }, true, true, false},
        {"comment", [](Vault &v, Practice &p) { (void)v.supervision().comment(p.aliceSigned, QStringLiteral("Consider the family history.")); }, true, true, false},
        {"cosign", [](Vault &v, Practice &p) { v.supervision().cosign(p.aliceSigned); }, false, true, false},
        {"return-note", [](Vault &v, Practice &p) { (void)v.supervision().returnNote(p.aliceSigned, QStringLiteral("Add the risk assessment.")); }, false, true, false},
        {"assign-supervision", [](Vault &v, Practice &) { v.supervision().assign(QStringLiteral("bob"), QStringLiteral("sam"), model::SupervisionMode::Review); }, false, true, false},
        {"review-queue", [](Vault &v, Practice &) { (void)v.supervision().queue(); }, true, true, false},
        {"agreement-check", [](Vault &v, Practice &) { (void)v.agreement().start(QStringLiteral("alice"), 2); }, false, true, false},
        {"read-audit", [](Vault &v, Practice &) { (void)v.auditTrail().entries(); }, true, true, true},
        {"verify-audit", [](Vault &v, Practice &) { QVERIFY(v.auditTrail().verify().whole); }, true, true, true},
        {"export-record", [](Vault &v, Practice &) { (void)v.records().exportClient(QStringLiteral("C-1"), false); }, true, false, false},
        {"backup", [](Vault &v, Practice &p) { v.backup().write(p.tmp.filePath(QStringLiteral("backup.ucb"))); }, true, true, false},
        {"manage-users", [](Vault &v, Practice &) { v.addUser(QStringLiteral("newcomer"), model::Role::Therapist, secret(), KdfCost::testOnly()); }, true, true, false},
        {"change-passphrase", [](Vault &v, Practice &) { v.changePassphrase(secret(), KdfCost::testOnly()); }, true, true, true},
        {"supervision-report", [](Vault &v, Practice &) { (void)v.supervision().therapistNotes(QStringLiteral("alice"), model::Date(2025, 1, 1), model::Date(2025, 12, 31)); }, true, true, false},
        {"read-plan", [](Vault &v, Practice &) { (void)v.plans().current(QStringLiteral("C-1")); }, true, true, false},
    };
}

QString userFor(model::Role role)
{
    switch (role) {
    case model::Role::Therapist: return QStringLiteral("alice");
    case model::Role::Supervisor: return QStringLiteral("sam");
    case model::Role::Auditor: return QStringLiteral("ada");
    }
    return {};
}

} // namespace

class SupervisionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void permissionMatrix_data();
    void permissionMatrix();
    void matrixTableAgreesWithTheVault();
    void onlyTheAuthorChangesANote();
    void supervisorReadsOnlyAssignedTherapists();
    void cosignRecordsAVerifiableHash();
    void cosignRefusesDraftsTwiceAndProcessNotes();
    void mustCosignDecidesCompleteness();
    void returnWaitsForAnAddendum();
    void reviewsHeldElsewhereAreTheAuthorsOwnSignedNotes();
    void queueIsOldestFirstByTherapist();
    void therapistSeesOwnAuditEntriesOnly();
    void supervisionActionsAreAudited();
    void blindAgreementCheck();
    void agreementRefusals();
    void migratedVaultHasTheSupervisionTables();
    void commentsAndReturnsAreSignedByTheirAuthors();
    void aCommentFromBeforeSigningReadsUnsigned();
    void whereCommentSigningBeginsCannotBeMoved();
    void aCommentIsBoundToItsNotesText();
    void aCommentOnADraftStaysVerifiedOnceItIsSigned();
    void aDeletedReturnIsFoundByNoteVerify();
};

void SupervisionTest::permissionMatrix_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("role");
    const QList<Case> cases = matrix();
    for (int i = 0; i < cases.size(); ++i)
        for (model::Role role : {model::Role::Therapist, model::Role::Supervisor, model::Role::Auditor})
            QTest::addRow("%s as %s", cases.at(i).action, qPrintable(model::toString(role))) << i << static_cast<int>(role);
}

void SupervisionTest::permissionMatrix()
{
    QFETCH(int, index);
    QFETCH(int, role);
    const Case c = matrix().at(index);
    const auto r = static_cast<model::Role>(role);
    const bool expected = r == model::Role::Therapist ? c.therapist : r == model::Role::Supervisor ? c.supervisor : c.auditor;

    Practice p;
    auto v = p.open(userFor(r));
    const QString before = footprint(*v);
    try {
        c.run(*v, p);
        QVERIFY2(expected, "the action went through for a role that may not take it");
    } catch (const Error &e) {
        if (expected)
            QFAIL(qPrintable(QStringLiteral("refused: ") + e.message()));
        QCOMPARE(static_cast<int>(e.kind()), static_cast<int>(ErrorKind::NotAllowed));
        QCOMPARE(e.exitCode(), 5);
        // The message names the role and the action in plain words.
        QVERIFY2(e.message().contains(model::toString(r)), qPrintable(e.message()));
        QCOMPARE(footprint(*v), before);
    }
}

void SupervisionTest::matrixTableAgreesWithTheVault()
{
    // The table the GUI asks to decide which buttons to offer says what the vault enforces.
    const QList<model::Permission> &table = model::permissions();
    QCOMPARE(table.size(), 24);
    for (const Case &c : matrix()) {
        const QString name = QString::fromLatin1(c.action);
        if (name == u"edit-draft" || name == u"delete-draft")
            continue; // both are write-note in the table
        const auto row = std::find_if(table.begin(), table.end(),
                                      [&](const model::Permission &p) { return name == QLatin1String(p.name); });
        QVERIFY2(row != table.end(), c.action);
        QCOMPARE(row->therapist, c.therapist);
        QCOMPARE(row->supervisor, c.supervisor);
        QCOMPARE(row->auditor, c.auditor);
    }
    QCOMPARE(model::refusal(model::Role::Auditor, model::Action::SignNote), QStringLiteral("an auditor cannot sign notes"));
}

void SupervisionTest::onlyTheAuthorChangesANote()
{
    Practice p;
    auto bob = p.open(QStringLiteral("bob"));
    const QString before = footprint(*bob);
    auto refused = [&](const std::function<void()> &f) {
        try {
            f();
        } catch (const Error &e) {
            return e.kind() == ErrorKind::NotAllowed;
        }
        return false;
    };
    QVERIFY(refused([&] { bob->notes().saveDraft(p.aliceDraft, sections(QStringLiteral("Not mine."))); }));
    QVERIFY(refused([&] { bob->notes().deleteDraft(p.aliceDraft); }));
    QVERIFY(refused([&] { bob->notes().sign(p.aliceDraft); }));
    QVERIFY(refused([&] { (void)bob->notes().addAddendum(p.aliceSigned, QStringLiteral("Not mine.")); }));
    QVERIFY(refused([&] { bob->tagging().decide(bob->tagging().tags(p.aliceSigned).first().id, model::TagDecision::Rejected); }));
    QVERIFY(refused([&] { (void)bob->tagging().tagSpan(p.aliceSigned, QStringLiteral("shame-guilt"), 0, 3); }));
    QVERIFY(refused([&] { (void)bob->supervision().comment(p.aliceSigned, QStringLiteral("Not my note.")); }));
    QVERIFY(refused([&] { (void)bob->notes().read(p.aliceProcess); }));
    QCOMPARE(footprint(*bob), before);
    // Bob reads alice's progress note (one practice's shared record) and comments on his own.
    QCOMPARE(bob->notes().read(p.aliceSigned).author, QStringLiteral("alice"));
    QVERIFY(bob->supervision().comment(p.bobSigned, QStringLiteral("Reply: added the safety plan.")) > 0);
}

void SupervisionTest::supervisorReadsOnlyAssignedTherapists()
{
    Practice p;
    auto sam = p.open(QStringLiteral("sam"));
    QCOMPARE(sam->notes().read(p.aliceSigned).author, QStringLiteral("alice"));
    for (Id id : {p.bobSigned, p.aliceProcess}) {
        try {
            (void)sam->notes().read(id);
            QFAIL("a supervisor read a note outside their supervision");
        } catch (const Error &e) {
            QCOMPARE(e.exitCode(), 5);
        }
    }
    try {
        sam->supervision().cosign(p.bobSigned);
        QFAIL("co-signed a note of an unassigned therapist");
    } catch (const Error &e) {
        QCOMPARE(e.exitCode(), 5);
    }
    // Lists and search leave bob's notes out for sam; an auditor sees both.
    const auto notes = sam->notes().forClient(QStringLiteral("C-1"), true);
    for (const auto &n : notes)
        QCOMPARE(n.author, QStringLiteral("alice"));
    QCOMPARE(notes.size(), 3); // alice's two signed and her draft; never her process note
    QCOMPARE(sam->search().notes(QStringLiteral("anxious")).size(), 0);
    QCOMPARE(sam->search().notes(QStringLiteral("abandoned")).size(), 1);
    sam->lock();
    auto ada = p.open(QStringLiteral("ada"));
    QCOMPARE(ada->search().notes(QStringLiteral("anxious")).size(), 1);
    QCOMPARE(ada->notes().forClient(QStringLiteral("C-1"), true).size(), 4);
}

void SupervisionTest::cosignRecordsAVerifiableHash()
{
    Practice p;
    {
        auto sam = p.open(QStringLiteral("sam"));
        sam->supervision().cosign(p.aliceSigned);
        const model::Note n = sam->notes().read(p.aliceSigned);
        QVERIFY(n.status == model::NoteStatus::Cosigned);
        QCOMPARE(n.cosignedBy, QStringLiteral("sam"));
        QVERIFY(!n.cosignedAt.isEmpty());
        QCOMPARE(n.cosignHash.size(), 64);
        QVERIFY(n.cosignHash != n.contentHash);
        QVERIFY(sam->notes().verifySignature(p.aliceSigned));
        // The note's own signature is untouched by the co-signature.
        QCOMPARE(n.signedBy, QStringLiteral("alice"));
    }
    // Someone with the key and a SQL shell moves the co-signature to another supervisor, or
    // rewrites the co-signed text: verification fails.
    auto alice = p.open(QStringLiteral("alice"));
    auto &db = vault::VaultTestAccess::database(*alice);
    db.exec("DROP TRIGGER notes_signed_no_update");
    db.exec("UPDATE notes SET cosigned_at = '2020-01-01T00:00:00.000Z' WHERE status = 'cosigned'");
    QVERIFY(!alice->notes().verifySignature(p.aliceSigned));
    QVERIFY(alice->notes().verifySignature(p.aliceSigned2)); // signed, not co-signed: still whole
}

void SupervisionTest::cosignRefusesDraftsTwiceAndProcessNotes()
{
    Practice p;
    auto sam = p.open(QStringLiteral("sam"));
    auto kindOf = [&](const std::function<void()> &f) {
        try {
            f();
        } catch (const Error &e) {
            return static_cast<int>(e.kind());
        }
        return 0;
    };
    QCOMPARE(kindOf([&] { sam->supervision().cosign(p.aliceDraft); }), static_cast<int>(ErrorKind::Conflict));
    QCOMPARE(kindOf([&] { sam->supervision().cosign(p.aliceProcess); }), static_cast<int>(ErrorKind::NotAllowed));
    QCOMPARE(kindOf([&] { sam->supervision().cosign(p.aliceSigned); }), 0);
    QCOMPARE(kindOf([&] { sam->supervision().cosign(p.aliceSigned); }), static_cast<int>(ErrorKind::Conflict));
    QCOMPARE(kindOf([&] { (void)sam->supervision().returnNote(p.aliceSigned, QStringLiteral("Too late.")); }),
             static_cast<int>(ErrorKind::Conflict));
    QCOMPARE(kindOf([&] { (void)sam->supervision().returnNote(p.aliceSigned2, QStringLiteral("  ")); }), static_cast<int>(ErrorKind::Io));
    QCOMPARE(kindOf([&] { (void)sam->supervision().comment(p.aliceSigned2, QString()); }), static_cast<int>(ErrorKind::Io));
    QCOMPARE(kindOf([&] { (void)sam->notes().addAddendum(p.aliceSigned2, QStringLiteral("A supervisor's addendum.")); }),
             static_cast<int>(ErrorKind::NotAllowed));
    QCOMPARE(sam->supervision().comments(p.aliceSigned2).size(), 0);
    // A commented draft stays in the record: its author can no longer delete it.
    QVERIFY(sam->supervision().comment(p.aliceDraft, QStringLiteral("Please add the risk assessment before signing.")) > 0);
    sam->lock();
    auto alice = p.open(QStringLiteral("alice"));
    QCOMPARE(kindOf([&] { alice->notes().deleteDraft(p.aliceDraft); }), static_cast<int>(ErrorKind::Conflict));
}

void SupervisionTest::mustCosignDecidesCompleteness()
{
    Practice p;
    auto sam = p.open(QStringLiteral("sam"));
    QVERIFY(sam->notes().read(p.aliceSigned).cosignRequired);
    QVERIFY(!sam->notes().read(p.aliceSigned).complete());
    sam->supervision().cosign(p.aliceSigned);
    QVERIFY(sam->notes().read(p.aliceSigned).complete());
    // In review mode a signed note is complete without the co-signature.
    sam->supervision().assign(QStringLiteral("alice"), QStringLiteral("sam"), model::SupervisionMode::Review);
    QVERIFY(!sam->notes().read(p.aliceSigned2).cosignRequired);
    QVERIFY(sam->notes().read(p.aliceSigned2).complete());
    QVERIFY(!sam->notes().read(p.aliceDraft).complete());
    const auto assignments = sam->supervision().assignments();
    QCOMPARE(assignments.size(), 1);
    QVERIFY(assignments.first().mode == model::SupervisionMode::Review);
    QCOMPARE(assignments.first().therapist, QStringLiteral("alice"));
    // Only a therapist is supervised, only by a supervisor.
    for (const auto &[t, s] : {std::pair{QStringLiteral("ada"), QStringLiteral("sam")},
                               std::pair{QStringLiteral("alice"), QStringLiteral("bob")},
                               std::pair{QStringLiteral("nobody"), QStringLiteral("sam")}}) {
        try {
            sam->supervision().assign(t, s, model::SupervisionMode::Review);
            QFAIL("an impossible assignment went through");
        } catch (const Error &e) {
            QCOMPARE(e.exitCode(), 1);
        }
    }
}

// The practice server's reviews of the author's notes (kept outside the vault) as queue items: only
// the author's own signed progress notes, returned while the newest return is later than the
// newest addendum; nothing for a supervisor.
void SupervisionTest::reviewsHeldElsewhereAreTheAuthorsOwnSignedNotes()
{
    Practice p;
    const auto review = [](Id note, const QString &returnedAt) {
        return model::OutsideReview{note, QStringLiteral("practice member 1a2b3c4d"), 2, returnedAt};
    };
    auto alice = p.open(QStringLiteral("alice"));
    const QList<model::OutsideReview> asked = {review(p.aliceSigned, QStringLiteral("2025-03-04T10:00:00Z")),
                                                review(p.aliceSigned2, {}), review(p.aliceDraft, QStringLiteral("2025-03-04T10:00:00Z")),
                                                review(p.aliceProcess, {}), review(p.bobSigned, QStringLiteral("2025-03-04T10:00:00Z")),
                                                review(999999, {})};
    QList<model::QueueItem> items = alice->supervision().reviewedElsewhere(asked);
    QCOMPARE(items.size(), 2); // not the draft, the process note, bob's note or one that is not there
    QCOMPARE(items.at(0).noteId, p.aliceSigned);
    QVERIFY(items.at(0).returned);
    QCOMPARE(items.at(0).comments, 2);
    QCOMPARE(items.at(0).supervisor, QStringLiteral("practice member 1a2b3c4d"));
    QCOMPARE(items.at(0).therapist, QStringLiteral("alice"));
    QCOMPARE(items.at(0).clientCode, QStringLiteral("C-1"));
    QCOMPARE(model::toIso(items.at(0).sessionDate), QStringLiteral("2025-03-03"));
    QVERIFY(!items.at(0).signedAt.isEmpty());
    QCOMPARE(items.at(1).noteId, p.aliceSigned2);
    QVERIFY(!items.at(1).returned); // commented on, never returned
    // Her addendum (now, after the return's time) answers it; a return after that opens it again.
    (void)alice->notes().addAddendum(p.aliceSigned, QStringLiteral("Risk assessment: low."));
    items = alice->supervision().reviewedElsewhere({review(p.aliceSigned, QStringLiteral("2025-03-04T10:00:00Z"))});
    QCOMPARE(items.size(), 1);
    QVERIFY(!items.first().returned);
    items = alice->supervision().reviewedElsewhere({review(p.aliceSigned, QStringLiteral("2999-01-01T00:00:00Z"))});
    QVERIFY(items.first().returned);
    QVERIFY(alice->supervision().reviewedElsewhere({}).isEmpty());
    alice->lock();
    // A co-signed note has left review; a supervisor has no notes of their own in it.
    auto sam = p.open(QStringLiteral("sam"));
    sam->supervision().cosign(p.aliceSigned2);
    QVERIFY(sam->supervision().reviewedElsewhere({review(p.aliceSigned, {})}).isEmpty());
    sam->lock();
    alice = p.open(QStringLiteral("alice"));
    items = alice->supervision().reviewedElsewhere({review(p.aliceSigned2, {})});
    QVERIFY(items.isEmpty());
}

void SupervisionTest::returnWaitsForAnAddendum()
{
    Practice p;
    {
        auto sam = p.open(QStringLiteral("sam"));
        QVERIFY(sam->supervision().returnNote(p.aliceSigned, QStringLiteral("Please document the risk assessment.")) > 0);
        const auto queue = sam->supervision().queue();
        const auto it = std::find_if(queue.begin(), queue.end(), [&](const auto &q) { return q.noteId == p.aliceSigned; });
        QVERIFY(it != queue.end());
        QVERIFY(it->returned);
        QCOMPARE(it->comments, 1);
        const auto comments = sam->supervision().comments(p.aliceSigned);
        QCOMPARE(comments.size(), 1);
        QVERIFY(comments.first().returned);
        QCOMPARE(comments.first().author, QStringLiteral("sam"));
    }
    {
        // Alice sees it returned in her queue, answers with an addendum and a reply.
        auto alice = p.open(QStringLiteral("alice"));
        auto mine = alice->supervision().queue();
        QCOMPARE(mine.size(), 2);
        QVERIFY(std::any_of(mine.begin(), mine.end(), [&](const auto &q) { return q.noteId == p.aliceSigned && q.returned; }));
        (void)alice->notes().addAddendum(p.aliceSigned, QStringLiteral("Risk assessment: low; safety plan reviewed."));
        (void)alice->supervision().comment(p.aliceSigned, QStringLiteral("Added as an addendum."));
        mine = alice->supervision().queue();
        QVERIFY(std::none_of(mine.begin(), mine.end(), [](const auto &q) { return q.returned; }));
    }
    auto sam = p.open(QStringLiteral("sam"));
    sam->supervision().cosign(p.aliceSigned);
    const auto queue = sam->supervision().queue();
    QCOMPARE(queue.size(), 1);
    QCOMPARE(queue.first().noteId, p.aliceSigned2);
    // Comments are append-only like the notes they are about.
    try {
        vault::VaultTestAccess::database(*sam).exec("UPDATE note_comments SET text = 'rewritten'");
        QFAIL("a comment was rewritten");
    } catch (const Error &) {
    }
    try {
        vault::VaultTestAccess::database(*sam).exec("DELETE FROM note_comments");
        QFAIL("a comment was deleted");
    } catch (const Error &) {
    }
}

void SupervisionTest::queueIsOldestFirstByTherapist()
{
    Practice p;
    {
        auto sam = p.open(QStringLiteral("sam"));
        sam->supervision().assign(QStringLiteral("bob"), QStringLiteral("sam"), model::SupervisionMode::Review);
        const auto queue = sam->supervision().queue();
        // alice's two signed notes (oldest first), then bob's; never drafts or process notes.
        QCOMPARE(queue.size(), 3);
        QCOMPARE(queue.at(0).noteId, p.aliceSigned);
        QCOMPARE(queue.at(1).noteId, p.aliceSigned2);
        QCOMPARE(queue.at(2).noteId, p.bobSigned);
        QCOMPARE(queue.at(0).therapist, QStringLiteral("alice"));
        QVERIFY(queue.at(0).mode == model::SupervisionMode::MustCosign);
        QVERIFY(queue.at(2).mode == model::SupervisionMode::Review);
        QCOMPARE(queue.at(0).clientCode, QStringLiteral("C-1"));
        QVERIFY(queue.at(0).signedAt <= queue.at(1).signedAt);
    }
    // Bob's own queue holds only his note.
    auto bob = p.open(QStringLiteral("bob"));
    const auto mine = bob->supervision().queue();
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().noteId, p.bobSigned);
}

void SupervisionTest::therapistSeesOwnAuditEntriesOnly()
{
    Practice p;
    {
        auto alice = p.open(QStringLiteral("alice"));
        const auto entries = alice->auditTrail().entries();
        QVERIFY(!entries.isEmpty());
        for (const auto &e : entries)
            QCOMPARE(e.user, QStringLiteral("alice"));
        try {
            (void)alice->auditTrail().entries({QString(), QStringLiteral("bob")});
            QFAIL("a therapist listed another user's entries");
        } catch (const Error &e) {
            QCOMPARE(e.exitCode(), 5);
        }
    }
    auto ada = p.open(QStringLiteral("ada"));
    QSet<QString> users;
    for (const auto &e : ada->auditTrail().entries())
        users.insert(e.user);
    QVERIFY(users.contains(QStringLiteral("alice")));
    QVERIFY(users.contains(QStringLiteral("bob")));
    QVERIFY(users.contains(QStringLiteral("sam")));
    QCOMPARE(ada->auditTrail().entries({QString(), QStringLiteral("bob")}).first().user, QStringLiteral("bob"));
}

void SupervisionTest::supervisionActionsAreAudited()
{
    Practice p;
    {
        auto sam = p.open(QStringLiteral("sam"));
        (void)sam->supervision().comment(p.aliceSigned2, QStringLiteral("Good formulation."));
        (void)sam->supervision().returnNote(p.aliceSigned2, QStringLiteral("Add the plan."));
        sam->supervision().cosign(p.aliceSigned);
        (void)sam->supervision().queue();
    }
    auto ada = p.open(QStringLiteral("ada"));
    QStringList actions;
    for (const auto &e : ada->auditTrail().entries({QString(), QStringLiteral("sam")}))
        actions.append(e.action + u' ' + e.object);
    for (const QString &expected :
         {QStringLiteral("assign-supervision user:1"), QStringLiteral("comment note:%1").arg(p.aliceSigned2),
          QStringLiteral("return note:%1").arg(p.aliceSigned2), QStringLiteral("cosign note:%1").arg(p.aliceSigned),
          QStringLiteral("view-queue queue")})
        QVERIFY2(actions.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + actions.join(u',')));
    // Never the comment's words.
    for (const auto &e : ada->auditTrail().entries())
        QVERIFY(!e.detail.contains(QLatin1String("formulation")) && !e.detail.contains(QLatin1String("plan")));
    QVERIFY(ada->auditTrail().verify().whole);
}

void SupervisionTest::blindAgreementCheck()
{
    // Four signed notes whose tags are known: the supervisor rates them blind and the figures are
    // checked by hand.
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("vault"));
    QList<Id> notes;
    {
        auto v = Vault::create(dir, QStringLiteral("alice"), secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
        v->addUser(QStringLiteral("sam"), model::Role::Supervisor, secret(), KdfCost::testOnly());
        model::Client c;
        c.code = QStringLiteral("C-1");
        c.displayName = QStringLiteral("Client One");
        v->clients().add(c);
        const QStringList texts = {QStringLiteral("She drinks when she feels abandoned."),
                                   QStringLiteral("He relapsed on Friday after payday."),
                                   QStringLiteral("She felt abandoned by her sister."),
                                   QStringLiteral("A quiet session about work.")};
        for (const QString &t : texts) {
            model::Session s;
            s.date = model::Date(2025, 3, 3);
            s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
            const Id id = v->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress, sections(t)).notes.first();
            v->notes().sign(id);
            notes.append(id);
        }
        // The therapist rejects the tagger's abandonment on note 3 (her own judgement differs).
        for (const auto &tag : v->tagging().tags(notes.at(2)))
            if (tag.theme == u"abandonment")
                v->tagging().decide(tag.id, model::TagDecision::Rejected);
    }
    auto sam = Vault::open(dir, QStringLiteral("sam"), secret());
    sam->supervision().assign(QStringLiteral("alice"), QStringLiteral("sam"), model::SupervisionMode::Review);
    const vault::AgreementSample sample = sam->agreement().start(QStringLiteral("alice"), 10);
    QCOMPARE(sample.notes.size(), 4); // every signed note, in a random order
    QCOMPARE(QSet<Id>(sample.notes.begin(), sample.notes.end()), QSet<Id>(notes.begin(), notes.end()));
    QVERIFY(sample.rated.isEmpty());

    // Blind: the tags of a sampled note are refused until it is rated; the text is readable.
    QVERIFY(!sam->notes().read(notes.at(0)).text().isEmpty());
    try {
        (void)sam->tagging().tags(notes.at(0));
        QFAIL("the supervisor saw the tags before rating");
    } catch (const Error &e) {
        QCOMPARE(e.exitCode(), 5);
    }
    // Nor do patterns by session show them: the sessions of the sampled notes count no theme
    // until each is rated (`patterns --by session --json` is made from this history).
    auto themesOfSessionOf = [&](Id note) {
        const qint64 session = vault::VaultTestAccess::database(*sam)
                                   .pragmaText("SELECT session_id FROM notes WHERE id = " + std::to_string(note))
                                   .toLongLong();
        for (const model::SessionThemes &s : sam->histories().client(QStringLiteral("C-1"), false).sessions)
            if (s.sessionId == session)
                return static_cast<int>(s.themes.size());
        return -1;
    };
    for (const Id id : std::as_const(notes))
        QCOMPARE(themesOfSessionOf(id), 0);

    // The tagger: {abandonment-driven-use, abandonment?, substance-use?} — whatever it says, the
    // supervisor's choices below are compared with the stored hits.
    sam->agreement().rate(sample.check, notes.at(0), {QStringLiteral("abandonment")});
    sam->agreement().rate(sample.check, notes.at(1), {QStringLiteral("relapse")});
    sam->agreement().rate(sample.check, notes.at(2), {QStringLiteral("abandonment")});
    QVERIFY(!sam->tagging().tags(notes.at(0)).isEmpty()); // rated: the tags open up
    QVERIFY(themesOfSessionOf(notes.at(0)) > 0); // and its session's themes count in patterns again

    // Rated once only; unknown themes and notes outside the check are refused.
    auto kindOf = [&](const std::function<void()> &f) {
        try {
            f();
        } catch (const Error &e) {
            return e.exitCode();
        }
        return 0;
    };
    QCOMPARE(kindOf([&] { sam->agreement().rate(sample.check, notes.at(0), {}); }), 6);
    QCOMPARE(kindOf([&] { sam->agreement().rate(sample.check, notes.at(3), {QStringLiteral("not-a-theme")}); }), 1);
    QCOMPARE(kindOf([&] { sam->agreement().rate(sample.check, 9999, {}); }), 1);

    const vault::AgreementReport partial = sam->agreement().report(sample.check);
    QCOMPARE(partial.rated, 3);
    sam->agreement().rate(sample.check, notes.at(3), {});
    const vault::AgreementReport r = sam->agreement().report(sample.check);
    QCOMPARE(r.sampled, 4);
    QCOMPARE(r.rated, 4);
    QCOMPARE(r.therapist, QStringLiteral("alice"));

    // Abandonment by hand: supervisor {1,3}; tagger has it on 1 and 3 (the words are there);
    // therapist let it stand on 1 only. Supervisor–therapist: both 1, only-supervisor 3, neither
    // 2 and 4: observed 3/4, expected (2/4·1/4 + 2/4·3/4) = 1/2, kappa = (0.75−0.5)/0.5 = 0.5.
    auto find = [](const QList<themes::ThemeAgreement> &rows, const QString &theme) {
        const auto it = std::find_if(rows.begin(), rows.end(), [&](const auto &a) { return a.theme == theme; });
        return it == rows.end() ? themes::ThemeAgreement{} : *it;
    };
    const auto tagsOf = [&](Id note) {
        QSet<QString> set;
        for (const auto &t : sam->tagging().tags(note))
            set.insert(t.theme);
        return set;
    };
    QVERIFY(tagsOf(notes.at(0)).contains(QStringLiteral("abandonment")));
    QVERIFY(tagsOf(notes.at(2)).contains(QStringLiteral("abandonment")));
    const auto st = find(r.supervisorTherapist, QStringLiteral("abandonment"));
    QCOMPARE(st.notes, 4);
    QCOMPARE(st.bothPresent, 1);
    QCOMPARE(st.onlyFirst, 1);
    QCOMPARE(st.onlySecond, 0);
    QCOMPARE(st.bothAbsent, 2);
    QVERIFY(st.kappa);
    QCOMPARE(*st.kappa, 0.5);
    const auto sg = find(r.supervisorTagger, QStringLiteral("abandonment"));
    QCOMPARE(sg.bothPresent, 2);
    QCOMPARE(sg.bothAbsent, 2);
    QVERIFY(sg.kappa);
    QCOMPARE(*sg.kappa, 1.0);
    // Relapse: supervisor on note 2 only; the tagger and the therapist agree with her when the
    // tagger finds it there.
    const auto relapse = find(r.supervisorTagger, QStringLiteral("relapse"));
    QCOMPARE(relapse.notes, 4);
    QCOMPARE(relapse.bothPresent + relapse.onlyFirst, 1);
}

void SupervisionTest::agreementRefusals()
{
    Practice p;
    auto sam = p.open(QStringLiteral("sam"));
    auto codeOf = [&](const std::function<void()> &f) {
        try {
            f();
        } catch (const Error &e) {
            return e.exitCode();
        }
        return 0;
    };
    QCOMPARE(codeOf([&] { (void)sam->agreement().start(QStringLiteral("bob"), 5); }), 5); // not assigned
    QCOMPARE(codeOf([&] { (void)sam->agreement().start(QStringLiteral("alice"), 0); }), 1);
    QCOMPARE(codeOf([&] { (void)sam->agreement().start(QStringLiteral("alice"), 201); }), 1);
    QCOMPARE(codeOf([&] { (void)sam->agreement().report(77); }), 1);
    const auto sample = sam->agreement().start(QStringLiteral("alice"), 1);
    QCOMPARE(sample.notes.size(), 1);
    QVERIFY(sample.notes.first() == p.aliceSigned || sample.notes.first() == p.aliceSigned2);
    sam->lock();
    // Another supervisor cannot see or rate sam's check.
    auto alice = p.open(QStringLiteral("alice"));
    alice->addUser(QStringLiteral("sue"), model::Role::Supervisor, secret(), KdfCost::testOnly());
    alice->lock();
    auto sue = p.open(QStringLiteral("sue"));
    QCOMPARE(codeOf([&] { (void)sue->agreement().sample(sample.check); }), 1);
}

void SupervisionTest::migratedVaultHasTheSupervisionTables()
{
    Practice p;
    auto v = p.open(QStringLiteral("alice"));
    for (const char *table : {"supervision", "note_comments", "agreement_checks", "agreement_ratings"})
        QCOMPARE(vault::VaultTestAccess::database(*v).pragmaText(std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'"),
                 QStringLiteral("1"));
}

namespace {

model::NoteComment commentById(Vault &v, Id note, Id id)
{
    for (const model::NoteComment &c : v.supervision().comments(note))
        if (c.id == id)
            return c;
    return {};
}

// What bob, holding the data key with his own passphrase, does to the comments in notes.db.
void asInsider(Practice &p, const std::string &sql)
{
    auto bob = p.open(QStringLiteral("bob"));
    auto &db = vault::VaultTestAccess::database(*bob);
    db.exec("DROP TRIGGER IF EXISTS note_comments_no_update; DROP TRIGGER IF EXISTS note_comments_no_delete");
    db.exec(sql);
}

} // namespace

// Each comment and return carries its author's Ed25519 signature (docs/security.md, "Comments and
// returns"); an insider who deletes one, moves a comment to another author, rewrites its words or
// turns a comment into a return is found where the comments are read and by `note verify`.
void SupervisionTest::commentsAndReturnsAreSignedByTheirAuthors()
{
    Practice p;
    Id returned = 0;
    Id reply = 0;
    {
        auto sam = p.open(QStringLiteral("sam"));
        returned = sam->supervision().returnNote(p.aliceSigned, QStringLiteral("Please document the risk assessment."));
    }
    {
        auto alice = p.open(QStringLiteral("alice"));
        reply = alice->supervision().comment(p.aliceSigned, QStringLiteral("Added as an addendum."));
        const auto comments = alice->supervision().comments(p.aliceSigned);
        QCOMPARE(comments.size(), 2);
        for (const model::NoteComment &c : comments)
            QVERIFY2(c.signature == model::CommentSignature::Verified, qPrintable(c.signatureProblem));
        const SignatureCheck check = alice->notes().checkSignatures(p.aliceSigned);
        QVERIFY2(check.ok, qPrintable(check.problem));
        QVERIFY2(check.signers.contains(QStringLiteral("return %1 by sam").arg(returned))
                     && check.signers.contains(QStringLiteral("comment %1 by alice").arg(reply)),
                 qPrintable(check.signers.join(u'|')));
    }
    struct Attack
    {
        const char *what;
        std::string sql;
        const char *found;
    };
    const QList<Attack> attacks = {
        {"signature deleted", "DELETE FROM signatures WHERE object = 'comment:" + std::to_string(returned) + "'",
         "sam's comment"},
        {"moved to alice", "UPDATE note_comments SET author_id = (SELECT id FROM users WHERE name = 'alice') WHERE id = "
                               + std::to_string(returned),
         "names alice as its author but is signed by sam"},
        {"moved to alice, signer too",
         "UPDATE note_comments SET author_id = (SELECT id FROM users WHERE name = 'alice') WHERE id = "
             + std::to_string(returned) + "; UPDATE signatures SET signer = 'alice' WHERE object = 'comment:"
             + std::to_string(returned) + "'",
         "alice's signature on comment"},
        {"words rewritten", "UPDATE note_comments SET text = 'No concerns.' WHERE id = " + std::to_string(returned),
         "does not verify"},
        {"return made a comment", "UPDATE note_comments SET returned = 0 WHERE id = " + std::to_string(returned),
         "does not verify"},
        {"signed-from moved", "UPDATE vault_info SET value = '1000' WHERE key = 'comments_signed_from'; "
                              "DELETE FROM signatures WHERE object = 'comment:" + std::to_string(returned) + "'",
         "sam's comment"},
    };
    for (const Attack &attack : attacks) {
        Practice q;
        Id target = 0;
        {
            auto sam = q.open(QStringLiteral("sam"));
            target = sam->supervision().returnNote(q.aliceSigned, QStringLiteral("Please document the risk assessment."));
        }
        QCOMPARE(target, returned); // the statements above name it
        asInsider(q, attack.sql);
        auto alice = q.open(QStringLiteral("alice"));
        const model::NoteComment c = commentById(*alice, q.aliceSigned, target);
        const SignatureCheck check = alice->notes().checkSignatures(q.aliceSigned);
        QVERIFY2(c.signature == model::CommentSignature::Broken, attack.what);
        QVERIFY2(c.signatureProblem.contains(QLatin1String(attack.found)), qPrintable(c.signatureProblem));
        QVERIFY2(!check.ok, attack.what);
        QCOMPARE(check.problem, c.signatureProblem);
    }
}

// A vault from before v20: its comments read as unsigned (said so, not refused); comments written
// after the upgrade are signed. Where signing begins is then stated once in the signed trail, so
// moving the row the migration wrote changes nothing.
void SupervisionTest::aCommentFromBeforeSigningReadsUnsigned()
{
    // Made and used as the builds before the trail stated where comment signing begins.
    struct AsOlderBuilds
    {
        AsOlderBuilds() { VaultTestAccess::writeCommentSigningStatement(false); }
        ~AsOlderBuilds() { VaultTestAccess::writeCommentSigningStatement(true); }
    };
    auto olderBuilds = std::make_optional<AsOlderBuilds>();
    Practice p;
    Id old = 0;
    {
        auto sam = p.open(QStringLiteral("sam"));
        old = sam->supervision().comment(p.aliceSigned, QStringLiteral("Consider the family history."));
    }
    asInsider(p, "DELETE FROM signatures WHERE object LIKE 'comment:%'; "
                 "DELETE FROM vault_info WHERE key = 'comments_signed_from'; PRAGMA user_version = 19");
    olderBuilds.reset();
    Id fresh = 0;
    {
        auto sam = p.open(QStringLiteral("sam"));
        QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*sam)), vault::schemaVersion);
        QCOMPARE(vault::VaultTestAccess::database(*sam).pragmaText(
                     "SELECT group_concat(user || ' ' || detail, '|') FROM audit WHERE action = 'comments-signed-from'"),
                 QStringLiteral("sam comments signed from %1").arg(old + 1));
        fresh = sam->supervision().comment(p.aliceSigned, QStringLiteral("And the school reports."));
        QVERIFY(commentById(*sam, p.aliceSigned, old).signature == model::CommentSignature::Unsigned);
        QVERIFY(commentById(*sam, p.aliceSigned, fresh).signature == model::CommentSignature::Verified);
        const SignatureCheck check = sam->notes().checkSignatures(p.aliceSigned);
        QVERIFY2(check.ok, qPrintable(check.problem));
        QVERIFY(check.migrated.contains(QStringLiteral("sam's comment %1 is unsigned (written before comments were signed)").arg(old)));
    }
    // Bob moves the row past sam's new comment and deletes its signature: the trail still says where
    // signing began, so the comment reads broken, not "unsigned" — and a later unlock states nothing new.
    asInsider(p, "UPDATE vault_info SET value = '1000' WHERE key = 'comments_signed_from'; "
                 "DELETE FROM signatures WHERE object = 'comment:" + std::to_string(fresh) + "'");
    auto alice = p.open(QStringLiteral("alice"));
    QCOMPARE(vault::VaultTestAccess::database(*alice).pragmaText(
                 "SELECT count(*) FROM audit WHERE action = 'comments-signed-from'"),
             QStringLiteral("1"));
    QVERIFY(commentById(*alice, p.aliceSigned, old).signature == model::CommentSignature::Unsigned);
    const model::NoteComment c = commentById(*alice, p.aliceSigned, fresh);
    QVERIFY(c.signature == model::CommentSignature::Broken);
    QVERIFY2(c.signatureProblem.contains(QLatin1String("has no signature")), qPrintable(c.signatureProblem));
    QVERIFY(!alice->notes().checkSignatures(p.aliceSigned).ok);
}

// Where comment signing begins is stated in the signed audit trail (a new vault: in its create-vault
// entry), never by a row: bob, with the data key, his own account and libsodium, cannot pass sam's
// return off as a comment from before signing — by moving the row, appending a statement of his own
// signed with his key, or editing the statement (which audit verify then finds).
void SupervisionTest::whereCommentSigningBeginsCannotBeMoved()
{
    enum class Move { Row, OwnStatement, EditedStatement };
    for (const Move move : {Move::Row, Move::OwnStatement, Move::EditedStatement}) {
        Practice p;
        Id returned = 0;
        {
            auto sam = p.open(QStringLiteral("sam"));
            returned = sam->supervision().returnNote(p.aliceSigned, QStringLiteral("Please document the risk assessment."));
        }
        {
            auto bob = p.open(QStringLiteral("bob"));
            auto &db = vault::VaultTestAccess::database(*bob);
            db.exec("DELETE FROM signatures WHERE object = 'comment:" + std::to_string(returned) + "'");
            db.exec("UPDATE vault_info SET value = '1000' WHERE key = 'comments_signed_from'");
            if (move == Move::OwnStatement) {
                sql::Transaction tx(db);
                (void)vault::appendAudit(db, QStringLiteral("bob"), QStringLiteral("comments-signed-from"),
                                         QStringLiteral("vault"), QStringLiteral("comments signed from 1000"), now(),
                                         vault::VaultTestAccess::auditSigner(*bob));
                tx.commit();
            }
            if (move == Move::EditedStatement) {
                // The creator's statement rewritten and its hash recomputed (the chain after it no longer
                // links, and alice's signature on it no longer verifies).
                db.exec("DROP TRIGGER IF EXISTS audit_no_update");
                const QList<AuditEntry> entries = vault::auditEntries(db);
                AuditEntry first = entries.first();
                QCOMPARE(first.detail, QStringLiteral("comments signed from 1"));
                first.detail = QStringLiteral("comments signed from 1000");
                db.prepare("UPDATE audit SET detail = ?, hash = ? WHERE seq = 1")
                    .bind(1, first.detail)
                    .bind(2, vault::auditHash(first.prev, first))
                    .run();
            }
        }
        auto alice = p.open(QStringLiteral("alice"));
        const model::NoteComment c = commentById(*alice, p.aliceSigned, returned);
        QVERIFY2(c.signature == model::CommentSignature::Broken, qPrintable(QString::number(static_cast<int>(move))));
        QVERIFY2(c.signatureProblem.contains(QLatin1String("sam's comment")), qPrintable(c.signatureProblem));
        QVERIFY(!alice->notes().checkSignatures(p.aliceSigned).ok);
        if (move == Move::EditedStatement)
            QVERIFY(!alice->auditTrail().verify().whole);
    }
}

// A comment's signature covers its note's content hash as it was when the comment was written: the
// comment moved to another note, or left on a note whose signed words (and hash) were rewritten,
// reads broken — not only the note's own signature.
void SupervisionTest::aCommentIsBoundToItsNotesText()
{
    for (const bool moved : {false, true}) {
        Practice p;
        Id returned = 0;
        {
            auto sam = p.open(QStringLiteral("sam"));
            returned = sam->supervision().returnNote(p.aliceSigned, QStringLiteral("Please document the risk assessment."));
        }
        Id onNote = p.aliceSigned;
        {
            auto bob = p.open(QStringLiteral("bob"));
            auto &db = vault::VaultTestAccess::database(*bob);
            db.exec("DROP TRIGGER IF EXISTS note_comments_no_update; DROP TRIGGER IF EXISTS notes_signed_no_update");
            if (moved) {
                // sam's return, as if he had said it of alice's other note.
                onNote = p.aliceSigned2;
                db.exec("UPDATE note_comments SET note_id = " + std::to_string(onNote) + " WHERE id = " + std::to_string(returned));
            } else {
                // The note's words rewritten and its hash with them.
                db.exec("UPDATE notes SET content_hash = (SELECT content_hash FROM notes WHERE id = "
                        + std::to_string(p.aliceSigned2) + ") WHERE id = " + std::to_string(onNote));
            }
        }
        auto alice = p.open(QStringLiteral("alice"));
        const model::NoteComment c = commentById(*alice, onNote, returned);
        QCOMPARE(c.id, returned);
        QVERIFY2(c.signature == model::CommentSignature::Broken, moved ? "moved" : "rewritten");
        QVERIFY2(c.signatureProblem.contains(QLatin1String("sam's signature on comment")), qPrintable(c.signatureProblem));
    }
}

// The legitimate way a note's hash changes after a comment: the author comments on their own draft,
// then signs it. The comment covered the draft ("" for its hash) and stays verified.
void SupervisionTest::aCommentOnADraftStaysVerifiedOnceItIsSigned()
{
    Practice p;
    auto alice = p.open(QStringLiteral("alice"));
    const Id mine = alice->supervision().comment(p.aliceDraft, QStringLiteral("Ask about the weekend next time."));
    alice->notes().sign(p.aliceDraft);
    const model::NoteComment c = commentById(*alice, p.aliceDraft, mine);
    QVERIFY2(c.signature == model::CommentSignature::Verified, qPrintable(c.signatureProblem));
    const SignatureCheck check = alice->notes().checkSignatures(p.aliceDraft);
    QVERIFY2(check.ok, qPrintable(check.problem));
}

// Alice, with the data key, deletes sam's return and its signature from notes.db so that her note no
// longer reads as returned: the comment carries nothing left to check, but the trail's signed `return`
// entry for it stays, and `note verify` finds the comment gone from the note (exit 4, naming sam's).
void SupervisionTest::aDeletedReturnIsFoundByNoteVerify()
{
    Practice p;
    Id returned = 0;
    {
        auto sam = p.open(QStringLiteral("sam"));
        returned = sam->supervision().returnNote(p.aliceSigned, QStringLiteral("Please document the risk assessment."));
    }
    {
        auto alice = p.open(QStringLiteral("alice"));
        const SignatureCheck before = alice->notes().checkSignatures(p.aliceSigned);
        QVERIFY2(before.ok, qPrintable(before.problem));
        auto &db = vault::VaultTestAccess::database(*alice);
        db.exec("DROP TRIGGER IF EXISTS note_comments_no_delete");
        db.exec("DELETE FROM note_comments WHERE id = " + std::to_string(returned)
                + "; DELETE FROM signatures WHERE object = 'comment:" + std::to_string(returned) + "'");
    }
    auto alice = p.open(QStringLiteral("alice"));
    QVERIFY(alice->supervision().comments(p.aliceSigned).isEmpty());
    const SignatureCheck check = alice->notes().checkSignatures(p.aliceSigned);
    QVERIFY(!check.ok);
    QVERIFY2(check.problem.contains(QStringLiteral("sam's return %1").arg(returned))
                 && check.problem.contains(QLatin1String("is gone from the note")),
             qPrintable(check.problem));
    QVERIFY(!alice->notes().verifySignature(p.aliceSigned));
    QVERIFY(alice->auditTrail().verify().whole); // the trail itself is whole: it is what remembers
}

QTEST_GUILESS_MAIN(SupervisionTest)
#include "supervisiontest.moc"
