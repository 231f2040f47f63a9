// SPDX-License-Identifier: GPL-3.0-or-later
// Group notes keep members apart: a group note written in one sitting (the group's part, then a
// part per member) gives each member a note with the group's shared part and their own, never
// another member's. Themes in the shared part are the group's: shown, marked, and not counted in
// the member's patterns. A vault from before v9, whose group notes were one text copied to every
// member, is migrated so that one member's words stop counting for the others.
#include "model/groupnote.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::model::Id;
using uc::vault::Vault;

namespace {

constexpr std::string_view passphrase = "members apart";

std::unique_ptr<Vault> createVault(const QString &dir)
{
    return Vault::create(dir, u"alice"_s, SecretBuffer::copyOf(passphrase), model::Role::Therapist,
                         vault::KdfCost::testOnly())
        .vault;
}

model::Client client(const QString &code)
{
    model::Client c;
    c.code = code;
    c.displayName = u"Member "_s + code;
    return c;
}

model::Session groupSession(const QStringList &codes)
{
    model::Session s;
    s.date = *model::parseDate(u"2026-03-02"_s);
    s.start = model::parseTime(u"18:00"_s);
    s.minutes = 90;
    s.modality = model::Modality::Group;
    for (const QString &code : codes)
        s.attendees.append({0, code, model::Attendance::Attended});
    return s;
}

// Member A gambles and relapses; B speaks of their sponsor; C is quiet. The group's part is about
// relapse prevention, which is the group's theme, not each member's.
const QString groupNote = u"## Group topic\n"
                          "Relapse prevention: the group talked about relapse warning signs.\n"
                          "## Member G-A\n"
                          "She gambled her wages away at the bookmaker and relapsed on Friday.\n"
                          "## Member G-B\n"
                          "He rang his sponsor before the meeting and felt steadier.\n"
                          "## Member G-C\n"
                          "Quiet; listened.\n"_s;

template<typename F>
std::optional<ErrorKind> errorOf(F &&f)
{
    try {
        f();
    } catch (const Error &e) {
        return e.kind();
    }
    return std::nullopt;
}

std::map<QString, int> themesOf(Vault &v, const QString &code)
{
    std::map<QString, int> all;
    for (const auto &s : v.histories().client(code, true).sessions)
        for (const auto &[theme, hits] : s.themes)
            all[theme] += hits;
    return all;
}

QStringList caseloadThemesOf(Vault &v, const QString &code)
{
    const model::CaseloadHistory caseload = v.histories().caseload();
    QStringList themes;
    for (const auto &c : caseload.clients) {
        if (c.code != code)
            continue;
        for (const auto &s : c.sessions)
            for (const auto &[number, hits] : s.themes)
                themes << caseload.themes.at(number);
    }
    return themes;
}

Id noteOf(Vault &v, const QString &code)
{
    return v.notes().listForClient(code).first().note;
}

int count(Vault &v, const char *sql)
{
    return vault::VaultTestAccess::database(v).pragmaText(sql).toInt();
}

} // namespace

class GroupNotesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitGivesEachMemberTheGroupPartAndTheirOwn();
    void membersPartsNeverReachAnotherMember();
    void sharedPartThemesAreTheGroupsNotTheMembers();
    void sharedPartStaysSharedWhenTheMemberEdits();
    void aPartForSomeoneNotInTheSessionChangesNothing();
    void aMemberWhoDidNotComeGetsNoEmptyDraft();
    void aSignedMembersNoteMovesToAnotherVaultAndStillVerifies();
    void migrationStopsCopiedNotesCountingForEveryMember();
};

void GroupNotesTest::splitGivesEachMemberTheGroupPartAndTheirOwn()
{
    const auto sections = model::sectionsFromText(groupNote, u"group"_s);
    const auto split = model::splitGroupNote(sections, {u"G-A"_s, u"G-B"_s, u"G-C"_s});
    QVERIFY(split.problem.isEmpty());
    const auto a = split.byMember.value(u"G-A"_s);
    QCOMPARE(a.size(), 2);
    QCOMPARE(a.at(0).title, u"Group topic"_s);
    QVERIFY(a.at(0).shared);
    QCOMPARE(a.at(1).title, u"Participation"_s);
    QVERIFY(!a.at(1).shared);
    QVERIFY(a.at(1).text.contains(u"gambled"_s));
    QVERIFY(!split.byMember.value(u"G-B"_s).at(1).text.contains(u"gambled"_s));

    // The shared range covers the group's text only, in code points of textOf().
    const QString text = model::textOf(a);
    const auto ranges = model::sharedRanges(a);
    QCOMPARE(ranges.size(), 1);
    const QList<uint> cps = text.toUcs4();
    const QString shared = QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData()) + ranges.first().first,
                                             ranges.first().second - ranges.first().first);
    QCOMPARE(shared, a.at(0).text);

    QCOMPARE(model::memberOfHeading(u"Member: G-B"_s).value_or(QString()), u"G-B"_s);
    QVERIFY(!model::memberOfHeading(u"Members present"_s));
    QVERIFY(!model::memberOfHeading(u"Member"_s));
}

void GroupNotesTest::membersPartsNeverReachAnotherMember()
{
    QTemporaryDir tmp;
    auto v = createVault(tmp.filePath(u"vault"_s));
    for (const char *code : {"G-A", "G-B", "G-C"})
        v->clients().add(client(QString::fromLatin1(code)));
    const auto made = v->notes().addSession(groupSession({u"G-A"_s, u"G-B"_s, u"G-C"_s}), u"group"_s,
                                            model::NoteKind::Progress, model::sectionsFromText(groupNote, u"group"_s));
    QCOMPARE(made.notes.size(), 3);
    for (const Id id : made.notes)
        v->notes().sign(id);

    const auto a = themesOf(*v, u"G-A"_s);
    QVERIFY2(a.count(u"relapse"_s) && a.count(u"behavioural-addiction"_s), "A's own part is A's");
    for (const QString &other : {u"G-B"_s, u"G-C"_s}) {
        const model::Note n = v->notes().read(noteOf(*v, other));
        QVERIFY(!n.text().contains(u"gambled"_s));
        const auto themes = themesOf(*v, other);
        QVERIFY2(!themes.count(u"behavioural-addiction"_s), "A's gambling is not the others'");
        QVERIFY2(!themes.count(u"relapse"_s), "neither A's relapse nor the group's topic is the others'");
        QVERIFY(!caseloadThemesOf(*v, other).contains(u"relapse"_s));
        const QByteArray record = QJsonDocument(v->records().exportClient(other, true)).toJson();
        QVERIFY(!record.contains("gambled"));
        QVERIFY(!record.contains("bookmaker"));
    }
    QVERIFY(caseloadThemesOf(*v, u"G-A"_s).contains(u"relapse"_s));
    QVERIFY(themesOf(*v, u"G-B"_s).count(u"recovery-support"_s));
    const auto found = v->search().notes(u"bookmaker"_s);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().clientCode, u"G-A"_s);
}

void GroupNotesTest::sharedPartThemesAreTheGroupsNotTheMembers()
{
    QTemporaryDir tmp;
    auto v = createVault(tmp.filePath(u"vault"_s));
    for (const char *code : {"G-A", "G-B"})
        v->clients().add(client(QString::fromLatin1(code)));
    const QString note = u"## Group topic\nRelapse prevention: the group talked about relapse warning signs.\n"
                         "## Member G-A\nShe gambled her wages away.\n## Member G-B\nQuiet; listened."_s;
    const auto made = v->notes().addSession(groupSession({u"G-A"_s, u"G-B"_s}), u"group"_s, model::NoteKind::Progress,
                                            model::sectionsFromText(note, u"group"_s));
    const Id b = made.notes.at(1);
    const auto tags = v->tagging().tags(b);
    const auto relapse = std::find_if(tags.begin(), tags.end(), [](const auto &t) { return t.theme == u"relapse"; });
    QVERIFY2(relapse != tags.end(), "the group's topic is still shown on the member's note");
    QVERIFY(relapse->groupLevel);
    QVERIFY(!relapse->counts());
    QVERIFY(!themesOf(*v, u"G-B"_s).count(u"relapse"_s));
}

void GroupNotesTest::sharedPartStaysSharedWhenTheMemberEdits()
{
    QTemporaryDir tmp;
    auto v = createVault(tmp.filePath(u"vault"_s));
    for (const char *code : {"G-A", "G-B"})
        v->clients().add(client(QString::fromLatin1(code)));
    // As the GUI makes it: the topic, and empty sections for each member to write.
    QList<model::Section> blank;
    for (const QString &title : model::findTemplate(u"group"_s)->sections)
        blank.append({title, title == u"Group topic" ? u"Relapse warning signs"_s : QString()});
    const auto made = v->notes().addSession(groupSession({u"G-A"_s, u"G-B"_s}), u"group"_s, model::NoteKind::Progress, blank);
    const Id a = made.notes.first();
    // The editor sends titles and text only.
    QList<model::Section> edited;
    for (const model::Section &s : v->notes().read(a).sections)
        edited.append({s.title, s.title == u"Participation" ? u"She described a relapse on Friday."_s : s.text});
    v->notes().saveDraft(a, edited);
    const model::Note n = v->notes().read(a);
    QVERIFY(n.sections.first().shared);
    QVERIFY(!n.sections.at(1).shared);
    int own = 0, group = 0;
    for (const auto &t : v->tagging().tags(a))
        if (t.theme == u"relapse")
            ++(t.groupLevel ? group : own);
    QCOMPARE(own, 1);
    QCOMPARE(group, 1);
    QCOMPARE(themesOf(*v, u"G-A"_s)[u"relapse"_s], 1);
    QVERIFY(!themesOf(*v, u"G-B"_s).count(u"relapse"_s));
}

void GroupNotesTest::aPartForSomeoneNotInTheSessionChangesNothing()
{
    QTemporaryDir tmp;
    auto v = createVault(tmp.filePath(u"vault"_s));
    for (const char *code : {"G-A", "G-B"})
        v->clients().add(client(QString::fromLatin1(code)));
    const int sessions = count(*v, "SELECT count(*) FROM sessions");
    QCOMPARE(errorOf([&] {
                 (void)v->notes().addSession(groupSession({u"G-A"_s, u"G-B"_s}), u"group"_s, model::NoteKind::Progress,
                                             model::sectionsFromText(groupNote, u"group"_s)); // names G-C
             }),
             std::optional(ErrorKind::Io));
    QCOMPARE(errorOf([&] {
                 (void)v->notes().addSession(groupSession({u"G-A"_s, u"G-B"_s}), u"group"_s, model::NoteKind::Progress,
                                             model::sectionsFromText(u"## Member G-A\nx\n## Member G-A\ny"_s, u"group"_s));
             }),
             std::optional(ErrorKind::Io));
    QCOMPARE(count(*v, "SELECT count(*) FROM sessions"), sessions);
    QCOMPARE(count(*v, "SELECT count(*) FROM notes"), 0);
}

// A member marked no-show or cancelled gets no draft that would wait for ever to be signed; a part
// of their own (why they missed it) still makes their note. The session still counts as missed.
void GroupNotesTest::aMemberWhoDidNotComeGetsNoEmptyDraft()
{
    QTemporaryDir tmp;
    auto v = createVault(tmp.filePath(u"vault"_s));
    for (const char *code : {"G-A", "G-B", "G-C", "G-D"})
        v->clients().add(client(QString::fromLatin1(code)));
    model::Session s = groupSession({u"G-A"_s, u"G-B"_s, u"G-C"_s, u"G-D"_s});
    s.attendees[1].attendance = model::Attendance::NoShow;
    s.attendees[2].attendance = model::Attendance::Cancelled;
    s.attendees[3].attendance = model::Attendance::Late;
    const QString note = u"## Group topic\nRelapse warning signs.\n## Member G-A\nSpoke about Friday.\n"
                         "## Member G-B\n\n## Member G-C\nCancelled by text the same morning, citing a cold.\n"_s;
    const auto made = v->notes().addSession(s, u"group"_s, model::NoteKind::Progress,
                                            model::sectionsFromText(note, u"group"_s));
    QCOMPARE(made.clients, (QStringList{u"G-A"_s, u"G-C"_s, u"G-D"_s}));
    QCOMPARE(made.notes.size(), 3);
    QCOMPARE(noteOf(*v, u"G-A"_s), made.notes.at(0));
    QCOMPARE(noteOf(*v, u"G-C"_s), made.notes.at(1));
    QCOMPARE(noteOf(*v, u"G-D"_s), made.notes.at(2)); // late is there
    QVERIFY(v->notes().read(made.notes.at(1)).text().contains(u"citing a cold"_s));
    QVERIFY(v->notes().listForClient(u"G-B"_s).isEmpty());
    QCOMPARE(count(*v, "SELECT count(*) FROM notes"), 3);
    for (const Id id : made.notes)
        v->notes().sign(id);
    const auto missed = v->histories().client(u"G-B"_s, true).sessions;
    QCOMPARE(missed.size(), 1);
    QVERIFY(!missed.first().attended());
    QCOMPARE(v->notes().sessionsOf(u"G-B"_s).size(), 1);
    QVERIFY(v->notes().sessionsOf(u"G-B"_s).first().notes.isEmpty());

    // Nobody came: no note to write, and nothing stored; the session alone is another call.
    model::Session empty = groupSession({u"G-A"_s, u"G-B"_s});
    empty.date = *model::parseDate(u"2026-03-09"_s);
    for (auto &a : empty.attendees)
        a.attendance = model::Attendance::Cancelled;
    const int sessions = count(*v, "SELECT count(*) FROM sessions");
    QCOMPARE(errorOf([&] {
                 (void)v->notes().addSession(empty, u"group"_s, model::NoteKind::Progress,
                                             model::sectionsFromText(u"## Group topic\nNone.\n"_s, u"group"_s));
             }),
             std::optional(ErrorKind::Io));
    QCOMPARE(count(*v, "SELECT count(*) FROM sessions"), sessions);
    QVERIFY(v->notes().addSession(empty) > 0);
    QCOMPARE(count(*v, "SELECT count(*) FROM notes"), 3);
}

void GroupNotesTest::aSignedMembersNoteMovesToAnotherVaultAndStillVerifies()
{
    QTemporaryDir tmp;
    auto v = createVault(tmp.filePath(u"vault"_s));
    // The other vault trusts this one's keys (a copy of it made before the clients came): a record's
    // signatures count only against keys the importing vault already trusts (signaturestest).
    const QString copy = tmp.filePath(u"copy.ucbackup"_s);
    v->backup().write(copy);
    for (const char *code : {"G-A", "G-B", "G-C"})
        v->clients().add(client(QString::fromLatin1(code)));
    const auto made = v->notes().addSession(groupSession({u"G-A"_s, u"G-B"_s, u"G-C"_s}), u"group"_s,
                                            model::NoteKind::Progress, model::sectionsFromText(groupNote, u"group"_s));
    v->notes().sign(made.notes.at(1));
    const QJsonObject record = v->records().exportClient(u"G-B"_s, false);

    Vault::restore(copy, tmp.filePath(u"other"_s), u"alice"_s, SecretBuffer::copyOf(passphrase));
    auto other = Vault::open(tmp.filePath(u"other"_s), u"alice"_s, SecretBuffer::copyOf(passphrase));
    other->records().importClient(record);
    const model::Note moved = other->notes().read(made.notes.at(1));
    QVERIFY(moved.sections.first().shared);
    QVERIFY(other->notes().verifySignature(moved.id));
    QVERIFY(!themesOf(*other, u"G-B"_s).count(u"relapse"_s));
}

// A vault as a v8 build left it: a group note copied word for word to each member (one signed),
// and a group session whose members' notes were written apart. After the migration the copies
// count for nobody, the notes written apart still count for their member, and signatures verify.
void GroupNotesTest::migrationStopsCopiedNotesCountingForEveryMember()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(u"vault"_s);
    Id signedCopy = 0, apartA = 0;
    {
        auto v = createVault(dir);
        for (const char *code : {"G-A", "G-B"})
            v->clients().add(client(QString::fromLatin1(code)));
        const QList<model::Section> copied{{u"Participation"_s, u"G-A gambled at the bookmaker and relapsed."_s}};
        auto made = v->notes().addSession(groupSession({u"G-A"_s, u"G-B"_s}), u"group"_s, model::NoteKind::Progress, copied);
        signedCopy = made.notes.at(1);
        auto session = groupSession({u"G-A"_s, u"G-B"_s});
        session.date = *model::parseDate(u"2026-03-09"_s);
        QList<model::Section> blank{{u"Participation"_s, QString()}};
        made = v->notes().addSession(session, u"group"_s, model::NoteKind::Progress, blank);
        apartA = made.notes.first();
        v->notes().saveDraft(apartA, {{u"Participation"_s, u"She relapsed again on Sunday."_s}});
        v->notes().saveDraft(made.notes.at(1), {{u"Participation"_s, u"He rang his sponsor."_s}});
        // What v8 wrote: no shared flags (the text copied to both), every hit the member's own.
        auto &db = vault::VaultTestAccess::database(*v);
        db.exec("UPDATE notes SET sections = replace(sections, '\"group\":true,', '') WHERE status = 'draft'");
        for (const QString &code : {u"G-A"_s, u"G-B"_s})
            for (const auto &n : v->notes().listForClient(code))
                v->tagging().retag(n.note);
        v->notes().sign(signedCopy);
        QVERIFY(themesOf(*v, u"G-B"_s).count(u"behavioural-addiction"_s)); // the leak, before
        db.exec("DROP TABLE risk_flags; DROP TABLE risk_assessments; DROP TABLE safety_plans; DROP TABLE episodes; DROP TABLE objective_progress; DROP TABLE plan_reviews; DROP TABLE treatment_plans; DROP TABLE plan_objectives; DROP TABLE note_fields; DROP TABLE shared_notes; "
                "ALTER TABLE theme_hits DROP COLUMN scope; ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 8");
        v->lock();
    }
    auto v = Vault::open(dir, u"alice"_s, SecretBuffer::copyOf(passphrase));
    QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*v)), vault::schemaVersion);
    const auto b = themesOf(*v, u"G-B"_s);
    QVERIFY2(!b.count(u"behavioural-addiction"_s), "A's gambling, copied into B's note, no longer counts for B");
    QVERIFY(!b.count(u"relapse"_s));
    QVERIFY(!caseloadThemesOf(*v, u"G-B"_s).contains(u"behavioural-addiction"_s));
    QVERIFY(b.count(u"recovery-support"_s)); // written apart: B's own
    QCOMPARE(themesOf(*v, u"G-A"_s)[u"relapse"_s], 1); // A's own note of the 9th; the copy counts for nobody
    QVERIFY(v->notes().verifySignature(signedCopy));
    const auto tags = v->tagging().tags(signedCopy);
    QVERIFY(!tags.isEmpty());
    QVERIFY(std::all_of(tags.begin(), tags.end(), [](const auto &t) { return t.groupLevel; }));
    (void)apartA;
}

QTEST_GUILESS_MAIN(GroupNotesTest)
#include "groupnotestest.moc"
