// SPDX-License-Identifier: GPL-3.0-or-later
// The countertransference log: what counts as the therapist's own entry and which reaction it
// names (word boundaries, negation, someone else's feeling), the codebook read strictly, and every
// exclusion the log promises — never the client's themes or patterns, never in an export (process
// notes included), never another user's to read or search, and each read audited.
#include "model/countertransference.h"
#include "model/ctcodebook.h"
#include "model/types.h"
#include "testvault.h"
#include "themes/tagger.h"
#include "vault/audit.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::model::CtCodebook;
using uc::model::Id;
using uc::testing::errorOf;
using uc::testing::secret;
using uc::vault::KdfCost;
using uc::vault::Vault;

namespace {

QStringList entryTexts(const QList<model::CtEntry> &entries)
{
    QStringList out;
    for (const model::CtEntry &e : entries)
        out << e.text;
    return out;
}

QList<model::Section> processSections(const QString &transference)
{
    return {{u"Process"_s, u"She arrived late and talked about her sister."_s},
            {model::countertransferenceSectionTitle(), transference},
            {u"Associations and dreams"_s, u"A dream of a locked door."_s}};
}

// A sentence about the client's transference, and two of the therapist's reactions whose words the
// theme tagger would otherwise read as the client's (abandonment, anxiety).
const QString transference = u"She relates to writer as to a critical father."_s;
const QString reaction = u"Writer felt afraid and abandoned by her, and strongly wanted to rescue her."_s;
const QString secondReaction = u"I noticed a quietly zephyrine boredom."_s;

} // namespace

class CountertransferenceTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_config;
    QTemporaryDir m_tmp;
    QString m_dir;

    [[nodiscard]] std::unique_ptr<Vault> open(const QString &user) const { return Vault::open(m_dir, user, secret()); }

    // alice's client C-1: a progress note, a signed process note and a draft one, both with reactions.
    struct Notes
    {
        Id progress = 0;
        Id signedProcess = 0;
        Id draftProcess = 0;
    };
    Notes m_notes;

    static Id addNote(Vault &v, model::NoteKind kind, const QString &templateId, const QList<model::Section> &sections,
                      int day)
    {
        model::Session s;
        s.date = model::Date(2025, 3, day);
        s.minutes = 50;
        s.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
        return v.notes().addSession(s, templateId, kind, sections).notes.first();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config.path()));
    }

    void init()
    {
        m_dir = m_tmp.filePath(u"vault-%1"_s.arg(QLatin1StringView(QTest::currentTestFunction())));
        auto created = Vault::create(m_dir, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly());
        Vault &v = *created.vault;
        v.addUser(u"bob"_s, model::Role::Therapist, secret(), KdfCost::testOnly());
        v.addUser(u"sue"_s, model::Role::Supervisor, secret(), KdfCost::testOnly());
        v.addUser(u"audrey"_s, model::Role::Auditor, secret(), KdfCost::testOnly());
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v.clients().add(c);
        m_notes.progress = addNote(v, model::NoteKind::Progress, u"free"_s,
                                   {{u"Note"_s, u"Reviewed her week; cravings lower."_s}}, 2);
        m_notes.signedProcess = addNote(v, model::NoteKind::Process, u"process"_s,
                                        processSections(transference + u' ' + reaction), 3);
        v.notes().sign(m_notes.signedProcess);
        m_notes.draftProcess = addNote(v, model::NoteKind::Process, u"process"_s,
                                       processSections(transference + u"\n\n"_s + secondReaction), 4);
    }

    // ---- what an entry is, and what it names

    void anEntryIsASentenceAboutTheTherapist()
    {
        const QString text = transference + u' ' + reaction + u" Her anger at her sister filled the room."_s;
        const QList<model::CtEntry> entries = model::countertransferenceEntries(text);
        QCOMPARE(entryTexts(entries), QStringList{reaction});
        QCOMPARE(entries.first().codes, (QStringList{u"rescue"_s, u"overwhelm"_s}));
        // Offsets point into the section's text.
        QCOMPARE(text.mid(entries.first().start, entries.first().end - entries.first().start), reaction);
        // A first-person sentence is an entry even when it names no reaction of the codebook.
        const auto plain = model::countertransferenceEntries(u"I found myself thinking of my own father."_s);
        QCOMPARE(plain.size(), 1);
        QVERIFY(plain.first().codes.isEmpty());
        // The client's words in quotation marks are hers, even in the first person.
        QVERIFY(model::countertransferenceEntries(u"Pt reports \u201cI felt so hopeless I gave up\u201d."_s).isEmpty());
        QVERIFY(model::countertransferenceEntries(u"She said \"I'm useless\" twice."_s).isEmpty());
        const auto quoted = model::countertransferenceEntries(u"She said 'I'm done', and I felt a pull to rescue her."_s);
        QCOMPARE(quoted.size(), 1);
        QCOMPARE(quoted.first().codes, QStringList{u"rescue"_s});
        // Only the countertransference section is read.
        QCOMPARE(model::countertransferenceEntries(QList<model::Section>{{u"Process"_s, reaction}}).size(), 0);
        QCOMPARE(model::countertransferenceEntries(processSections(reaction)).size(), 1);
    }

    void negationIsShownButNotCounted()
    {
        const auto entries = model::countertransferenceEntries(
            u"I felt no urge to rescue her. Writer did not feel bored. I could not help feeling irritated."_s);
        QCOMPARE(entries.size(), 3);
        QVERIFY(entries.at(0).codes.isEmpty());
        QCOMPARE(entries.at(0).cues.size(), 1);
        QVERIFY(entries.at(0).cues.first().negated);
        QVERIFY(entries.at(1).codes.isEmpty());
        QCOMPARE(entries.at(2).codes, QStringList{u"irritation"_s});
        // A negation in another clause does not reach the reaction.
        const auto apart = model::countertransferenceEntries(u"I was not late, but I felt impatient."_s);
        QCOMPARE(apart.first().codes, QStringList{u"irritation"_s});
    }

    void wordsMatchWholeAndSomeoneElsesFeelingIsNotTheTherapists()
    {
        // "anger" is not in "danger"; "irritat*" reaches "irritation"; "bored*" reaches "boredom".
        QVERIFY(model::countertransferenceEntries(u"I sensed the danger of it."_s).first().codes.isEmpty());
        QCOMPARE(model::countertransferenceEntries(u"I noticed irritation rising."_s).first().codes,
                 QStringList{u"irritation"_s});
        // Her anger is hers; the helplessness it left in writer is writer's.
        const auto entries = model::countertransferenceEntries(u"Her anger left me feeling helpless."_s);
        QCOMPARE(entries.first().codes, QStringList{u"hopelessness"_s});
        QVERIFY(model::countertransferenceEntries(u"She was angry with me."_s).isEmpty());
        // With no one named before it in its clause, the sentence's subject owns the reaction.
        QVERIFY(model::countertransferenceEntries(u"Tom\u00e1s was angry with me today."_s).isEmpty());
        QVERIFY(model::countertransferenceEntries(u"Pt angry w/ writer re: cancelled session."_s).isEmpty());
        QCOMPARE(model::countertransferenceEntries(u"I was aware of keeping my distance from him and, underneath that, "
                                                   "of feeling protective of the boy."_s)
                     .first()
                     .codes,
                 (QStringList{u"protectiveness"_s, u"boredom"_s}));
        // A reaction reported after an opening phrase is the therapist's entry too.
        QCOMPARE(model::countertransferenceEntries(u"After the session I was aware of feeling furious on his behalf."_s)
                     .first()
                     .codes,
                 QStringList{u"irritation"_s});
        QCOMPARE(model::countertransferenceEntries(u"Listening to him, I found myself thinking of my own father."_s).size(), 1);
        QVERIFY(model::countertransferenceEntries(u"When I asked about work he said it was fine."_s).isEmpty());
        QVERIFY(model::countertransferenceEntries(u"I: Supportive reflection, grief psychoeducation."_s).isEmpty());
    }

    void theCodebookIsReadStrictly()
    {
        const CtCodebook &book = CtCodebook::builtIn();
        for (const char *id : {"rescue", "protectiveness", "boredom", "irritation", "hopelessness", "overwhelm", "sadness"})
            QVERIFY2(book.find(QString::fromLatin1(id)), id);
        const auto bad = [](const QByteArray &json) {
            const auto e = errorOf([&] { (void)CtCodebook::fromJson(json); });
            return e ? e->why() : QString();
        };
        const QByteArray head = R"({"format":"undercurrent-countertransference-codebook","version":1,"codes":)";
        const QByteArray wrongFormat = R"({"format":"x","version":1,"codes":[]})";
        const QByteArray starInside = head + R"([{"id":"rescue","label":"R","description":"d","cues":["res*cue"]}]})";
        const QByteArray unknownKey = head + R"([{"id":"a","label":"A","description":"d","cues":["x"],"colour":1}]})";
        const QByteArray twice = head + R"([{"id":"a","label":"A","description":"d","cues":["x"]},)"
                                 R"({"id":"a","label":"B","description":"d","cues":["y"]}]})";
        QVERIFY(bad(wrongFormat).startsWith(u"format:"_s));
        QCOMPARE(bad(starInside), u"codes[0].cues[0]: lower-case words separated by one space, '*' only at a word's end"_s);
        QCOMPARE(bad(unknownKey), u"codes[0].colour: unknown key"_s);
        QCOMPARE(bad(twice), u"codes[1].id: given twice"_s);
        // A codebook of one's own is read by the same matcher.
        const CtCodebook own = CtCodebook::fromJson(
            head + R"([{"id":"envy","label":"Envy","description":"d","cues":["envious","envy"]}]})");
        QCOMPARE(model::countertransferenceEntries(u"I felt envious of her ease."_s, own).first().codes,
                 QStringList{u"envy"_s});
    }

    void blankingKeepsTheTaggersOffsets()
    {
        const QList<model::Section> sections = processSections(transference + u" 😶 "_s + reaction);
        const QString text = model::textOf(sections);
        const QString blanked = model::blankCountertransference(text);
        QCOMPARE(blanked.toUcs4().size(), text.toUcs4().size());
        QVERIFY(!blanked.contains(u"rescue"_s));
        QVERIFY(blanked.contains(transference));
        QVERIFY(blanked.contains(u"A dream of a locked door."_s));
        QVERIFY(blanked.contains(u"She arrived late"_s));
    }

    void theChartCountsEntriesPerMonthAndCode()
    {
        const model::CtChart chart = model::countertransferenceChart(
            {{model::Date(2025, 1, 9), {u"rescue"_s}},
             {model::Date(2025, 3, 2), {u"rescue"_s, u"boredom"_s}},
             {model::Date(2025, 3, 30), {u"rescue"_s}},
             {model::Date(2025, 2, 14), {}}});
        QCOMPARE(chart.months, (QStringList{u"2025-01"_s, u"2025-02"_s, u"2025-03"_s}));
        QCOMPARE(chart.rows.size(), 2); // codebook order: rescue, then boredom; no empty rows
        QCOMPARE(chart.rows.at(0).code, u"rescue"_s);
        QCOMPARE(chart.rows.at(0).perMonth, (QList<int>{1, 0, 2}));
        QCOMPARE(chart.rows.at(0).total, 3);
        QCOMPARE(chart.rows.at(1).label, u"Boredom"_s);
        QCOMPARE(chart.rows.at(1).perMonth, (QList<int>{0, 0, 1}));
        // Three years of entries: the latest 24 months are charted.
        const model::CtChart longer = model::countertransferenceChart(
            {{model::Date(2022, 5, 1), {u"irritation"_s}}, {model::Date(2025, 4, 1), {u"irritation"_s}}});
        QCOMPARE(longer.months.size(), model::maxChartMonths);
        QCOMPARE(longer.months.first(), u"2023-05"_s);
        QCOMPARE(longer.rows.first().total, 1);
        QVERIFY(model::countertransferenceChart({}).months.isEmpty());
    }

    // ---- never the client's themes

    void reactionsAreNeverCountedAsTheClientsThemes()
    {
        // The tagger alone would read the reaction as the client's abandonment: the test can fail.
        const themes::Tagger tagger;
        const themes::TagResult raw = tagger.tag(reaction);
        QVERIFY(raw.find(u"abandonment"_s));
        auto alice = open(u"alice"_s);
        for (const Id note : {m_notes.signedProcess, m_notes.draftProcess})
            for (const model::ThemeTag &t : alice->tagging().tags(note))
                QVERIFY2(t.theme != u"abandonment"_s && !t.evidence.contains(u"abandoned"_s), qPrintable(t.theme));
        // The client's history, with the author's own process notes counted in, holds no abandonment.
        const model::ClientHistory history = alice->histories().client(u"C-1"_s, true);
        for (const model::SessionThemes &s : history.sessions)
            QVERIFY(!s.themes.contains(u"abandonment"_s));
        // The transference sentence beside it is still read for the client's themes.
        const auto tags = alice->tagging().tags(m_notes.signedProcess);
        QVERIFY(std::any_of(tags.begin(), tags.end(), [](const model::ThemeTag &t) { return t.theme == u"transference"_s; }));
    }

    // ---- the author's own, and audited

    void theLogIsItsAuthorsAndEveryReadIsAudited()
    {
        auto alice = open(u"alice"_s);
        const QList<vault::CtLogEntry> log = alice->countertransference().log(u"C-1"_s);
        QCOMPARE(log.size(), 2);
        QCOMPARE(log.at(0).noteId, m_notes.signedProcess);
        QCOMPARE(log.at(0).entry.text, reaction);
        QCOMPARE(log.at(1).noteId, m_notes.draftProcess);
        QCOMPARE(log.at(1).entry.codes, QStringList{u"boredom"_s});
        const QList<vault::AuditEntry> trail = alice->auditTrail().entries();
        const auto read = std::find_if(trail.crbegin(), trail.crend(),
                                       [](const vault::AuditEntry &e) { return e.action == u"view-countertransference"_s; });
        QVERIFY(read != trail.crend());
        QCOMPARE(read->detail, u"2 entries"_s);
        QVERIFY(read->object.startsWith(u"client:"_s));
        alice.reset();

        // A colleague's log of the same client is their own: empty. No way exists to name alice.
        QVERIFY(open(u"bob"_s)->countertransference().log(u"C-1"_s).isEmpty());
        // A supervisor and an auditor are refused.
        for (const char *user : {"sue", "audrey"}) {
            auto v = open(QString::fromLatin1(user));
            const auto e = errorOf([&] { (void)v->countertransference().log(u"C-1"_s); });
            QVERIFY2(e && e->kind() == ErrorKind::NotAllowed, user);
        }
        // An unknown client is bad input, naming no one.
        const auto e = errorOf([&] { (void)open(u"bob"_s)->countertransference().log(u"C-404"_s); });
        QVERIFY(e && e->kind() == ErrorKind::Io);
    }

    void nobodyElsesSearchReachesTheEntries()
    {
        for (const char *user : {"bob", "sue", "audrey"}) {
            auto v = open(QString::fromLatin1(user));
            QVERIFY2(v->search().notes(u"zephyrine"_s).isEmpty(), user);
        }
        // Its author finds it (the search reads her own process notes).
        QCOMPARE(open(u"alice"_s)->search().notes(u"zephyrine"_s).size(), 1);
    }

    // ---- never exported

    void exportsLeaveEveryEntryBehindEvenWithProcessNotes()
    {
        auto alice = open(u"alice"_s);
        for (const bool withProcess : {false, true}) {
            const QJsonObject record = alice->records().exportClient(u"C-1"_s, withProcess);
            const QString json = QString::fromUtf8(QJsonDocument(record).toJson());
            for (const QString &word : {u"abandoned by her"_s, u"rescue"_s, u"zephyrine"_s, u"afraid"_s})
                QVERIFY2(!json.contains(word), qPrintable(word));
            QVERIFY(json.contains(u"cravings lower"_s));
            QCOMPARE(json.contains(transference), withProcess);
            QCOMPARE(record.contains(u"countertransference_withheld"_s), withProcess);
        }
        const QJsonObject record = alice->records().exportClient(u"C-1"_s, true);
        // The draft travels without its entry; the signed note, which cannot lose words and keep its
        // signature, stays behind whole.
        QList<Id> ids;
        for (const QJsonValue &n : record.value(u"notes"_s).toArray())
            ids << static_cast<Id>(n.toObject().value(u"id"_s).toInteger());
        QVERIFY(ids.contains(m_notes.progress));
        QVERIFY(ids.contains(m_notes.draftProcess));
        QVERIFY(!ids.contains(m_notes.signedProcess));
        const QJsonObject withheld = record.value(u"countertransference_withheld"_s).toObject();
        QCOMPARE(withheld.value(u"entries"_s).toInt(), 2);
        QCOMPARE(withheld.value(u"signed_notes_left_out"_s).toInt(), 1);

        // The record still imports into another vault, the draft without its entry.
        const QString other = m_tmp.filePath(u"other-%1"_s.arg(QLatin1StringView(QTest::currentTestFunction())));
        auto created = Vault::create(other, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly());
        (void)created.vault->records().importClient(record);
        const QList<model::Note> notes = created.vault->notes().forClient(u"C-1"_s, true);
        QCOMPARE(notes.size(), 2);
        for (const model::Note &n : notes) {
            QVERIFY(!n.text().contains(u"zephyrine"_s));
            if (n.kind == model::NoteKind::Process)
                QVERIFY(n.text().contains(transference));
        }
    }
};

QTEST_GUILESS_MAIN(CountertransferenceTest)
#include "countertransferencetest.moc"
