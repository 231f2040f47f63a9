// SPDX-License-Identifier: GPL-3.0-or-later
// The tagger as a clinician relies on it: the context rules, evidence spans, robustness on any
// input, the codebook's refusals, and accuracy on the hand-labelled corpus in tests/data.
#include "themes/tagger.h"

#include "common/error.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace uc::themes;
using namespace Qt::StringLiterals;

namespace {

const Tagger &tagger()
{
    static const Tagger t;
    return t;
}

QSet<QString> counted(const QString &text, Register reg = Register::Auto)
{
    QSet<QString> ids;
    for (const auto &t : tagger().tag(text, reg).themes)
        ids.insert(t.id);
    return ids;
}

// The accuracy gates: what the tagger reaches on each corpus, less 0.02 for small changes
// (docs/tagger.md). Since session 39 the learned theme reading trains on the development corpus
// and the blind development sets, so their figures are partly in-sample there; the held-out files
// and the check set tagger-dev-blind2 never trained or tuned anything.
constexpr double devFloor = 0.88; // 0.901 with the reading (0.825 before it)
constexpr double heldOutFloor = 0.79; // 0.812 (0.810)
constexpr double heldOutV2Floor = 0.737; // 0.757 (0.740)
constexpr double heldOutV3Floor = 0.779; // 0.799 (0.777; 0.763 when it was written, session 31)
constexpr double heldOutV4Floor = 0.766; // 0.786 (0.762 when it was written, session 39)
constexpr double checkSet2Floor = 0.743; // 0.763 (0.754)
// The blind development set (tests/data/README.md, "Blind development sets"): tuned on in issue
// #14's lay pass, 0.759 before it and 0.833 after; 0.852 with the reading (its check third is left
// out of the reading's training).
constexpr double devBlindFloor = 0.83;
// The defence themes (splitting … displacement, with denial and minimisation) on their own files:
// dev 0.903, held-out 0.292 when they were added (docs/tagger.md, "Defences"); 0.02 of margin.
constexpr double defenceDevFloor = 0.88;
constexpr double defenceHeldOutFloor = 0.27;

const QSet<QString> &defences()
{
    static const QSet<QString> ids{u"splitting"_s, u"projection"_s, u"idealization-devaluation"_s,
                                   u"intellectualization"_s, u"rationalization"_s, u"acting-out"_s,
                                   u"displacement"_s, u"denial-minimization"_s};
    return ids;
}

// Which themes a labelled file is scored on: the theme corpora were labelled before the defence
// themes came, so those are set aside there; the defence files label only defences.
struct Scope
{
    QSet<QString> only; // empty: every theme
    QSet<QString> aside;
};

Scope themeCorpus()
{
    QSet<QString> added = defences();
    added.remove(u"denial-minimization"_s);
    return {{}, added};
}

std::optional<Exclusion> exclusion(const QString &text, const QString &id)
{
    for (const auto &x : tagger().tag(text).excluded)
        if (x.id == id)
            return x.reason;
    return std::nullopt;
}

} // namespace

class TaggerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contextRules_data();
    void contextRules();
    void evidencePointsAtTheWords();
    void structuredLinesInARealNote();
    void drivenUseNeedsALinkInOneSentence();
    void phrasesToleratesGapsAndInflections();
    void unicodeAndCaseInsensitive();
    void anyInputGetsAnAnswer();
    void codebookRefusesMalformedEntries_data();
    void codebookRefusesMalformedEntries();
    void customCodebookDefinesNewDrivers();
    void userEditsAddAndDisable();
    void causes_data();
    void causes();
    void morphologyFromSnowballAndWordNet();
    void framesAreCodebookData();
    void registerDecidesWhoIMeans();
    void substanceNamedOnUseCravingRelapse();
    void codebookRefusesMalformedRules_data();
    void codebookRefusesMalformedRules();
    void accuracyOnLabelledCorpus();
    void accuracyOnHeldOutCorpus();
    void accuracyOnHeldOutV2();
    void accuracyOnHeldOutV3();
    void accuracyOnHeldOutV4();
    void accuracyOnCheckSet2();
    void accuracyOnDevBlind();
    void defenceThemes_data();
    void defenceThemes();
    void defencesOnTheirDevCorpus();
    void defencesOnTheirHeldOut();
};

void TaggerTest::contextRules_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("counts");
    QTest::addColumn<QStringList>("excludedIds");
    QTest::addColumn<int>("reason");
    const int negated = int(Exclusion::Negated);
    const int other = int(Exclusion::OtherPerson);
    const int hypo = int(Exclusion::Hypothetical);
    QTest::newRow("denies cravings") << u"Pt denies cravings this week."_s << QStringList{} << QStringList{u"craving"_s} << negated;
    QTest::newRow("no alcohol use") << u"No alcohol use reported."_s << QStringList{} << QStringList{u"substance-use"_s} << negated;
    QTest::newRow("not worried") << u"Client is not worried about the move."_s << QStringList{} << QStringList{u"anxiety"_s} << negated;
    QTest::newRow("without drinking") << u"She went a month without drinking."_s << QStringList{u"coping"_s}
                                      << QStringList{u"substance-use"_s} << negated;
    QTest::newRow("scope ends at but") << u"Pt denies cravings but reports drinking twice."_s
                                       << QStringList{u"substance-use"_s} << QStringList{u"craving"_s} << negated;
    QTest::newRow("pseudo-negation") << u"He is not only anxious but also very low."_s
                                     << QStringList{u"anxiety"_s, u"depression"_s} << QStringList{} << negated;
    QTest::newRow("father drank") << u"Her father drank every night."_s << QStringList{u"family-substance-use"_s}
                                  << QStringList{u"substance-use"_s} << other;
    QTest::newRow("mother anxious") << u"Her mother is anxious."_s << QStringList{} << QStringList{u"anxiety"_s} << other;
    QTest::newRow("friend uses") << u"Pt's roommate uses cocaine at weekends."_s << QStringList{}
                                 << QStringList{u"substance-use"_s} << other;
    QTest::newRow("party hypothetical") << u"If she goes to the party she would probably drink."_s << QStringList{}
                                        << QStringList{u"substance-use"_s} << hypo;
    QTest::newRow("worried he might relapse") << u"Pt is worried he might relapse."_s << QStringList{u"anxiety"_s}
                                              << QStringList{u"relapse"_s} << hypo;
    QTest::newRow("history counts") << u"As a child she was told she was stupid."_s
                                    << QStringList{u"childhood"_s, u"low-self-worth"_s} << QStringList{} << negated;
    QTest::newRow("first person") << u"I drink when I feel abandoned."_s
                                  << QStringList{u"abandonment"_s, u"abandonment-driven-use"_s, u"substance-use"_s}
                                  << QStringList{} << negated;
    QTest::newRow("plans count for recovery") << u"Pt will attend three AA meetings this week."_s
                                              << QStringList{u"recovery-support"_s} << QStringList{} << negated;
}

void TaggerTest::contextRules()
{
    QFETCH(QString, text);
    QFETCH(QStringList, counts);
    QFETCH(QStringList, excludedIds);
    QFETCH(int, reason);
    const QSet<QString> got = counted(text);
    for (const QString &id : counts)
        QVERIFY2(got.contains(id), qPrintable(id + QStringLiteral(" should count in: ") + text));
    for (const QString &id : excludedIds) {
        QVERIFY2(!got.contains(id), qPrintable(id + QStringLiteral(" must not count in: ") + text));
        const auto why = exclusion(text, id);
        QVERIFY2(why.has_value(), qPrintable(id + QStringLiteral(" should be listed as excluded")));
        QCOMPARE(int(*why), reason);
    }
}

// A note's structured lines, as a clinician writes them between sentences: "Risk: Low" is no low
// mood and no present risk, a stage or a craving after its label is no theme of the tagger's own.
// (The vault also blanks the lines it reads as values before tagging: fieldhistorytest.)
void TaggerTest::structuredLinesInARealNote()
{
    const QString note = u"Pt arrived on time and talked about her sister moving away.\nRisk: Low\n"
                         "Risk level: low\nStage of change: Contemplation\nCravings (0-10): 7\n"
                         "Plan: review in one week."_s;
    const TagResult r = tagger().tag(note);
    QStringList themes;
    for (const ThemeResult &t : r.themes)
        themes << t.id;
    QVERIFY2(themes.isEmpty(), qPrintable(themes.join(u", ")));
    for (const RiskResult &risk : r.risks)
        QVERIFY2(risk.status != RiskStatus::Present, qPrintable(risk.id));
    // The same words told as what happened are themes.
    QVERIFY(counted(u"She felt low all week and the cravings were at 7 out of 10 on Sunday."_s).contains(u"depression"_s));
}

void TaggerTest::evidencePointsAtTheWords()
{
    const QString text = QStringLiteral("Pt reports she felt abandoned by her sister.");
    const TagResult r = tagger().tag(text);
    const ThemeResult *t = r.find(QStringLiteral("abandonment"));
    QVERIFY(t);
    QCOMPARE(t->evidence.size(), 1);
    const Evidence &e = t->evidence.first();
    QCOMPARE(text.mid(e.start, e.end - e.start), QStringLiteral("abandoned"));
    QCOMPARE(e.text, QStringLiteral("abandoned"));
    QCOMPARE(e.rule, QStringLiteral("phrase:abandon*"));
    // The JSON contract: {"themes":[{"id","label","count","evidence":[…]}],"excluded":[…]}
    const QJsonObject json = r.toJson();
    const QJsonObject first = json.value(QLatin1String("themes")).toArray().first().toObject();
    QCOMPARE(first.value(QLatin1String("count")).toInt(), 1);
    QVERIFY(!first.value(QLatin1String("label")).toString().isEmpty());
    QVERIFY(json.value(QLatin1String("excluded")).isArray());
}

void TaggerTest::drivenUseNeedsALinkInOneSentence()
{
    QVERIFY(counted(QStringLiteral("He uses stimulants to calm his nerves.")).contains(QStringLiteral("anxiety-driven-use")));
    QVERIFY(counted(QStringLiteral("She drinks because she is terrified of being judged."))
                .contains(QStringLiteral("anxiety-driven-use")));
    QVERIFY(counted(QStringLiteral("Whenever he feels left out he gets high."))
                .contains(QStringLiteral("abandonment-driven-use")));
    QVERIFY(counted(QStringLiteral("After her partner moved out she started drinking heavily."))
                .contains(QStringLiteral("abandonment-driven-use")));
    // Both present but in different sentences, or without a link: no driven use.
    const QSet<QString> apart = counted(QStringLiteral("She feels abandoned. She drinks at weekends."));
    QVERIFY(apart.contains(QStringLiteral("abandonment")) && apart.contains(QStringLiteral("substance-use")));
    QVERIFY(!apart.contains(QStringLiteral("abandonment-driven-use")));
    // Someone else's use is not the client's driven use.
    QVERIFY(!counted(QStringLiteral("Her brother drinks to calm his nerves.")).contains(QStringLiteral("anxiety-driven-use")));
}

void TaggerTest::phrasesToleratesGapsAndInflections()
{
    QVERIFY(counted(QStringLiteral("I felt so completely alone.")).contains(QStringLiteral("loneliness")));
    QVERIFY(counted(QStringLiteral("He was abandoning his plans.")).contains(QStringLiteral("abandonment")));
    QVERIFY(counted(QStringLiteral("She resisted the urge and called her sponsor.")).contains(QStringLiteral("coping")));
    // A phrase does not run across clauses: "leaving and calling her" is not "leaving her".
    QVERIFY(!counted(QStringLiteral("Pt identified leaving and calling her sponsor.")).contains(QStringLiteral("abandonment")));
}

void TaggerTest::unicodeAndCaseInsensitive()
{
    QVERIFY(counted(QStringLiteral("PT REPORTS FEELING ABANDONED.")).contains(QStringLiteral("abandonment")));
    // Typographic apostrophes and accented text around the words.
    const QString text = QStringLiteral("Zoë: “I can’t stop drinking — I’m so ashamed.”");
    const TagResult r = tagger().tag(text);
    QVERIFY(r.find(QStringLiteral("substance-use")));
    const ThemeResult *shame = r.find(QStringLiteral("shame-guilt"));
    QVERIFY(shame);
    const Evidence &e = shame->evidence.first();
    QCOMPARE(text.mid(e.start, e.end - e.start), QStringLiteral("ashamed")); // code points, not bytes
}

void TaggerTest::anyInputGetsAnAnswer()
{
    QVERIFY(tagger().tag(QString()).themes.isEmpty());
    QVERIFY(tagger().tag(std::string_view()).excluded.isEmpty());
    // Invalid UTF-8 and NUL bytes: read as separators, spans stay inside the input.
    static const char raw[] = "felt \xff\xfe abandoned\0by \xc3(her\xe2\x82"; // ends in a cut-off sequence
    const std::string messy(raw, sizeof raw - 1);
    const TagResult r = tagger().tag(std::string_view(messy));
    QVERIFY(r.find(QStringLiteral("abandonment")));
    for (const auto &t : r.themes)
        for (const auto &e : t.evidence)
            QVERIFY(e.start >= 0 && e.end <= static_cast<int>(messy.size()) && e.start < e.end);
    // A quote mark before a multi-byte letter (found by fuzz_tagger).
    QVERIFY(tagger().tag(std::string_view(" '\xc3\xa9t\xc3\xa9' \xb5")).themes.isEmpty());
    // 10 MB of note text.
    std::string big;
    while (big.size() < 10u * 1024 * 1024)
        big += "Pt denies cravings but reports drinking after she felt abandoned. ";
    const TagResult large = tagger().tag(std::string_view(big));
    const ThemeResult *use = large.find(QStringLiteral("substance-use"));
    QVERIFY(use && use->evidence.size() > 100000);
    QVERIFY(use->evidence.last().end <= static_cast<int>(big.size()));
}

void TaggerTest::codebookRefusesMalformedEntries_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("{\n  \"format\": \"undercurrent-codebook\",\n  oops\n}") << u"line 3"_s;
    QTest::newRow("bad id") << QByteArray("{\"format\":\"undercurrent-codebook\",\"version\":1,\"themes\":[\n"
                                          "{\"id\":\"Bad Id\",\"phrases\":[\"x\"]}]}")
                            << u"line 2"_s;
    QTest::newRow("star inside") << QByteArray("{\"format\":\"undercurrent-codebook\",\"version\":1,\"themes\":[\n"
                                               "{\"id\":\"t1\",\n\"phrases\":[\"ab*c\"]}]}")
                                 << u"'*' may only end a word"_s;
    QTest::newRow("no phrases") << QByteArray("{\"format\":\"undercurrent-codebook\",\"version\":1,\"themes\":[\n"
                                              "{\"id\":\"t1\",\"phrases\":[]}]}")
                                << u"no phrases"_s;
    QTest::newRow("unknown driver") << QByteArray("{\"format\":\"undercurrent-codebook\",\"version\":1,\"themes\":[\n"
                                                  "{\"id\":\"t1\",\"driver\":\"nope\",\"use\":\"t1\"}]}")
                                    << u"driver 'nope'"_s;
    QTest::newRow("duplicate") << QByteArray("{\"format\":\"undercurrent-codebook\",\"version\":1,\"themes\":[\n"
                                             "{\"id\":\"t1\",\"phrases\":[\"a\"]},{\"id\":\"t1\",\"phrases\":[\"b\"]}]}")
                               << u"appears twice"_s;
}

void TaggerTest::codebookRefusesMalformedEntries()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, reason);
    try {
        (void)Codebook::parse(json);
        QFAIL("a malformed codebook must be refused");
    } catch (const uc::Error &e) {
        QCOMPARE(e.kind(), uc::ErrorKind::Io);
        QVERIFY2(e.why().contains(reason), qPrintable(e.why()));
    }
}

void TaggerTest::customCodebookDefinesNewDrivers()
{
    const Codebook book = Codebook::parse(R"({"format":"undercurrent-codebook","version":1,"themes":[
        {"id":"shame-guilt","label":"Shame","phrases":["ashamed","guilt*"]},
        {"id":"substance-use","label":"Use","phrases":["drink","drinks","drinking"]},
        {"id":"shame-driven-use","label":"Shame-driven use","driver":"shame-guilt","use":"substance-use"}]})");
    const Tagger custom(book);
    const TagResult r = custom.tag(QStringLiteral("She drinks because she feels ashamed."));
    QVERIFY(r.find(QStringLiteral("shame-driven-use")));
    QVERIFY(!r.find(QStringLiteral("anxiety"))); // only this codebook's themes
}

void TaggerTest::userEditsAddAndDisable()
{
    Codebook book = Codebook::builtin();
    book.applyEdits(R"({"themes":[{"id":"craving","phrases":["gasping for a pint"]}],"disabled":["transference"]})");
    const Tagger edited(book);
    QVERIFY(edited.tag(QStringLiteral("I was gasping for a pint all day.")).find(QStringLiteral("craving")));
    QVERIFY(!edited.tag(QStringLiteral("Client relates to writer as to a critical father.")).find(QStringLiteral("transference")));
    // A malformed edit is refused and the codebook stays as it was.
    const int before = static_cast<int>(book.themes().size());
    QVERIFY_THROWS_EXCEPTION(uc::Error, book.applyEdits(R"({"disabled":["no-such-theme"]})"));
    QCOMPARE(static_cast<int>(book.themes().size()), before);
    QVERIFY(!book.find(QStringLiteral("transference"))->enabled);
}

void TaggerTest::causes_data()
{
    // One case per line of tests/data/tagger-causes*.jsonl, written from each cause of miss the
    // tagger had (composition, paraphrase, attribution, word sense, scope, morphology) and from
    // register and substance classes: {"cause","text","register","counts","absent"[,"substance"]}.
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("reg");
    QTest::addColumn<QStringList>("counts");
    QTest::addColumn<QStringList>("absent");
    QTest::addColumn<QVariantMap>("substance");
    // tagger-causes2.jsonl holds those added from session 39 on: the risk reading trains on
    // tagger-causes.jsonl as ordinary text, so that file stays as it was (tests/data/README.md).
    for (const char *fileName : {"tagger-causes.jsonl", "tagger-causes2.jsonl"}) {
        QFile file(QStringLiteral(DATA_DIR "/") + QLatin1String(fileName));
        QVERIFY(file.open(QIODevice::ReadOnly));
        int line = 0;
        while (!file.atEnd()) {
            const QByteArray raw = file.readLine().trimmed();
            ++line;
            if (raw.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(raw).object();
            const auto list = [&](const char *key) {
                QStringList out;
                for (const QJsonValue &v : o.value(QLatin1String(key)).toArray())
                    out << v.toString();
                return out;
            };
            const std::optional<Register> reg = registerFrom(o.value(QLatin1String("register")).toString(u"auto"_s));
            QVERIFY(reg.has_value());
            const QByteArray name = o.value(QLatin1String("cause")).toString().toUtf8() + ' ' + QByteArray(fileName).chopped(6)
                                    + ':' + QByteArray::number(line);
            QTest::newRow(name.constData()) << o.value(QLatin1String("text")).toString() << int(*reg) << list("counts")
                                            << list("absent") << o.value(QLatin1String("substance")).toObject().toVariantMap();
        }
    }
}

void TaggerTest::causes()
{
    QFETCH(QString, text);
    QFETCH(int, reg);
    QFETCH(QStringList, counts);
    QFETCH(QStringList, absent);
    QFETCH(QVariantMap, substance);
    const TagResult r = tagger().tag(text, Register(reg));
    for (const QString &id : counts)
        QVERIFY2(r.find(id), qPrintable(id + u" should count in: "_s + text));
    for (const QString &id : absent)
        QVERIFY2(!r.find(id), qPrintable(id + u" must not count in: "_s + text));
    for (auto it = substance.cbegin(); it != substance.cend(); ++it) {
        const ThemeResult *t = r.find(it.key());
        QVERIFY(t);
        for (const Evidence &e : t->evidence)
            QCOMPARE(e.substance, it.value().toString());
    }
}

void TaggerTest::morphologyFromSnowballAndWordNet()
{
    // A plain codebook word matches its regular forms (Snowball) and irregular ones (WordNet),
    // worked out when the codebook is compiled.
    const Codebook book = Codebook::parse(R"({"format":"undercurrent-codebook","version":1,"themes":[
        {"id":"t-fight","phrases":["fight"]},{"id":"t-leave","phrases":["leave home"]},
        {"id":"t-take","phrases":["take a drink"]},{"id":"t-see","phrases":["see"]},
        {"id":"t-child","phrases":["only child"]}]})");
    const Tagger custom(book);
    const auto has = [&](const char *text, const char *id) {
        return custom.tag(QString::fromUtf8(text)).find(QString::fromUtf8(id)) != nullptr;
    };
    QVERIFY(has("I fought with them all night.", "t-fight"));
    QVERIFY(has("I am fighting it again.", "t-fight"));
    QVERIFY(has("She left home at sixteen.", "t-leave"));
    QVERIFY(has("He took a drink from the bottle.", "t-take"));
    QVERIFY(has("I saw it coming.", "t-see"));
    QVERIFY(has("We were only children.", "t-child"));
    // A regular-looking form Snowball gives another stem is not the word: "seed" is not "see".
    QVERIFY(!has("She planted a seed.", "t-see"));
}

void TaggerTest::framesAreCodebookData()
{
    // A role and an act in one clause, with no phrase listing them: the evidence names the frame.
    const TagResult r = tagger().tag(QStringLiteral("Since Easter her stepbrother belittles her at every meal."), Register::Clinical);
    const ThemeResult *t = r.find(QStringLiteral("family-conflict"));
    QVERIFY(t);
    QCOMPARE(t->evidence.first().rule, QStringLiteral("frame:kin+conflict"));
    // The doer matters: "she hit her father" is not trauma; "her father hit her" is.
    QVERIFY(!counted(QStringLiteral("She hit her father during the argument."), Register::Clinical).contains(u"trauma"_s));
    QVERIFY(counted(QStringLiteral("Her father hit her during the argument."), Register::Clinical).contains(u"trauma"_s));
    // A vault's edits extend the classes: a new role word fills the existing frames.
    Codebook book = Codebook::builtin();
    QVERIFY(!Tagger(book).tag(QStringLiteral("My godmother screams at me.")).find(u"family-conflict"_s));
    book.applyEdits(R"({"roles":{"kin":{"female":["godmother"]}},"predicates":{"conflict":["nitpick"]}})");
    const Tagger edited(book);
    QVERIFY(edited.tag(QStringLiteral("My godmother screams at me.")).find(u"family-conflict"_s));
    QVERIFY(edited.tag(QStringLiteral("My dad nitpicks everything I do.")).find(u"family-conflict"_s));
    // And a new frame maps an existing role and act to a theme.
    QVERIFY(!Tagger(book).tag(QStringLiteral("My boss belittles me.")).find(u"low-self-worth"_s));
    book.applyEdits(R"({"frames":[{"roles":["authority"],"predicate":"conflict","themes":["low-self-worth"]}]})");
    QVERIFY(Tagger(book).tag(QStringLiteral("My boss belittles me.")).find(u"low-self-worth"_s));
}

void TaggerTest::registerDecidesWhoIMeans()
{
    // In a clinical note "I" is the clinician and a quote is the client's voice.
    const QString note = QStringLiteral("I felt sad as she described the weekend. She said \"I was so lonely I drank.\"");
    const QSet<QString> clinical = counted(note, Register::Clinical);
    QVERIFY(!clinical.contains(u"depression"_s));
    QVERIFY(clinical.contains(u"loneliness"_s) && clinical.contains(u"substance-use"_s));
    // In the client's own words "I" is the client, and "she" someone else.
    const QSet<QString> client = counted(QStringLiteral("I felt sad. She said she drank all weekend."), Register::Client);
    QVERIFY(client.contains(u"depression"_s));
    QVERIFY(!client.contains(u"substance-use"_s));
    // Auto decides per passage: a note's markers, or a person's informal first person.
    QVERIFY(!counted(QStringLiteral("Pt arrived late. I noticed I felt anxious for her.")).contains(u"anxiety"_s));
    QVERIFY(counted(QStringLiteral("im so anxious all the time and i dont know why")).contains(u"anxiety"_s));
    QCOMPARE(registerFrom(u"clinical"_s), std::optional<Register>(Register::Clinical));
    QVERIFY(!registerFrom(u"third"_s).has_value());
}

void TaggerTest::substanceNamedOnUseCravingRelapse()
{
    const TagResult r = tagger().tag(QStringLiteral("Pt smoked a joint on Friday and has been craving cocaine since."));
    const ThemeResult *use = r.find(QStringLiteral("substance-use"));
    const ThemeResult *craving = r.find(QStringLiteral("craving"));
    QVERIFY(use && craving);
    QCOMPARE(use->evidence.first().substance, QStringLiteral("cannabis"));
    QCOMPARE(craving->evidence.first().substance, QStringLiteral("stimulants"));
    // Nicotine is substance use; the JSON carries "substance" on those evidence items only.
    const QJsonObject json = tagger().tag(QStringLiteral("She vapes all day and feels anxious.")).toJson();
    for (const QJsonValue &t : json.value(QLatin1String("themes")).toArray()) {
        const QJsonObject e = t.toObject().value(QLatin1String("evidence")).toArray().first().toObject();
        if (t.toObject().value(QLatin1String("id")).toString() == QLatin1String("substance-use"))
            QCOMPARE(e.value(QLatin1String("substance")).toString(), QStringLiteral("nicotine"));
        else
            QVERIFY(!e.contains(QLatin1String("substance")));
    }
}

void TaggerTest::codebookRefusesMalformedRules_data()
{
    QTest::addColumn<QByteArray>("edit");
    QTest::addColumn<QString>("reason");
    QTest::newRow("unknown role in a frame")
        << QByteArray("{\"frames\":[{\"roles\":[\"aliens\"],\"predicate\":\"conflict\",\"themes\":[\"anger\"]}]}") << u"no role class 'aliens'"_s;
    QTest::newRow("unknown predicate") << QByteArray("{\"frames\":[{\"roles\":[\"kin\"],\"predicate\":\"hugs\",\"themes\":[\"anger\"]}]}")
                                       << u"no predicate class 'hugs'"_s;
    QTest::newRow("frame to a driver theme")
        << QByteArray("{\"frames\":[{\"roles\":[\"kin\"],\"predicate\":\"conflict\",\"themes\":[\"anxiety-driven-use\"]}]}")
        << u"not a phrase theme"_s;
    QTest::newRow("role word with a space") << QByteArray("{\"roles\":{\"kin\":{\"words\":[\"step mum\"]}}}") << u"must be one word"_s;
    QTest::newRow("new role without kind") << QByteArray("{\"roles\":{\"pets\":{\"words\":[\"dog\"]}}}") << u"names its \"kind\""_s;
    QTest::newRow("unknown substance class") << QByteArray("{\"substances\":{\"caffeine\":{\"words\":[\"coffee\"]}}}")
                                             << u"a substance class is one of"_s;
    QTest::newRow("unknown sense rule") << QByteArray("{\"senses\":[{\"rule\":\"vibes\",\"words\":[\"high\"]}]}")
                                        << u"a sense rule is one of"_s;
    QTest::newRow("near without cues") << QByteArray("{\"senses\":[{\"rule\":\"near\",\"words\":[\"shots\"]}]}") << u"needs \"cues\""_s;
}

void TaggerTest::codebookRefusesMalformedRules()
{
    QFETCH(QByteArray, edit);
    QFETCH(QString, reason);
    Codebook book = Codebook::builtin();
    const qsizetype frames = book.frames().size();
    try {
        book.applyEdits(edit);
        QFAIL("a malformed edit must be refused");
    } catch (const uc::Error &e) {
        QVERIFY2(e.why().contains(reason), qPrintable(e.why()));
    }
    QCOMPARE(book.frames().size(), frames); // unchanged
}

namespace {

struct Counts
{
    int tp = 0, fp = 0, fn = 0;
    [[nodiscard]] double precision() const { return tp + fp ? double(tp) / (tp + fp) : 1.0; }
    [[nodiscard]] double recall() const { return tp + fn ? double(tp) / (tp + fn) : 1.0; }
    [[nodiscard]] double f1() const
    {
        const double p = precision(), r = recall();
        return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
    }
};

// A corpus's register: shorthand, narrative, group, lay (or, in the older files, the voice).
QString registerOf(const QJsonObject &o)
{
    if (o.contains(QLatin1String("register")))
        return o.value(QLatin1String("register")).toString();
    return o.value(QLatin1String("voice")).toString() == QLatin1String("first-person") ? u"lay"_s : u"clinical"_s;
}

// Micro-averaged F1 of the counted themes against a labelled corpus (the register decided by the
// tagger, as `tag` does by default); prints micro P/R/F1 per register and P/R per theme, never a
// single excerpt. -1 when the file is missing or shorter than expected.
double microF1(const QString &path, int minimumExcerpts, const Scope &scope = themeCorpus())
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    QMap<QString, Counts> byTheme, byRegister;
    Counts all;
    int excerpts = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QSet<QString> gold;
        for (const QJsonValue &v : o.value(QLatin1String("themes")).toArray())
            gold.insert(v.toString());
        QSet<QString> got = counted(o.value(QLatin1String("text")).toString());
        got.subtract(scope.aside);
        if (!scope.only.isEmpty()) {
            gold.intersect(scope.only);
            got.intersect(scope.only);
        }
        Counts &reg = byRegister[registerOf(o)];
        for (const QString &id : got) {
            const bool hit = gold.contains(id);
            for (Counts *c : {&byTheme[id], &reg, &all})
                (hit ? c->tp : c->fp)++;
        }
        for (const QString &id : gold)
            if (!got.contains(id))
                for (Counts *c : {&byTheme[id], &reg, &all})
                    c->fn++;
        ++excerpts;
    }
    if (excerpts < minimumExcerpts)
        return -1;
    for (auto it = byTheme.cbegin(); it != byTheme.cend(); ++it)
        qInfo("  %-24s P %.2f R %.2f F1 %.2f (tp %d fp %d fn %d)", qPrintable(it.key()), it->precision(), it->recall(),
              it->f1(), it->tp, it->fp, it->fn);
    for (auto it = byRegister.cbegin(); it != byRegister.cend(); ++it)
        qInfo("  register %-10s micro P %.3f R %.3f F1 %.3f", qPrintable(it.key()), it->precision(), it->recall(), it->f1());
    qInfo("%s: micro P %.3f R %.3f F1 %.3f over %d excerpts", qPrintable(QFileInfo(path).fileName()), all.precision(),
          all.recall(), all.f1(), excerpts);
    return all.f1();
}

} // namespace

void TaggerTest::accuracyOnLabelledCorpus()
{
    // The development corpus (four registers): rules and codebook are tuned against it.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-corpus.jsonl"), 1000);
    QVERIFY2(f1 >= devFloor, qPrintable(QStringLiteral("dev micro-F1 %1 is below %2").arg(f1).arg(devFloor)));
}

void TaggerTest::accuracyOnHeldOutCorpus()
{
    // Written separately and never tuned against (0.74 when it was written). The floor catches
    // regressions.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-heldout.jsonl"), 100);
    QVERIFY2(f1 >= heldOutFloor, qPrintable(QStringLiteral("held-out micro-F1 %1 fell below %2").arg(f1).arg(heldOutFloor)));
}

void TaggerTest::accuracyOnHeldOutV2()
{
    // Written by another hand from the codebook's descriptions only, in four registers, and never
    // tuned against: aggregates only. Fails the build when it falls 0.02 below what was reached.
    const QString path = QStringLiteral(DATA_DIR "/tagger-heldout-v2.jsonl");
    if (!QFile::exists(path))
        QSKIP("tagger-heldout-v2.jsonl is not in this tree");
    const double f1 = microF1(path, 300);
    QVERIFY2(f1 >= heldOutV2Floor, qPrintable(QStringLiteral("held-out v2 micro-F1 %1 fell below %2").arg(f1).arg(heldOutV2Floor)));
}

void TaggerTest::accuracyOnHeldOutV3()
{
    // Written afresh by another hand (tests/data/README.md, "The third held-out sets") after v1 and
    // v2 had been read once for another purpose: the clean measure now. Aggregates only, never tuned
    // against; fails the build when it falls 0.02 below what it was when written.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-heldout-v3.jsonl"), 300);
    QVERIFY2(f1 >= heldOutV3Floor, qPrintable(QStringLiteral("held-out v3 micro-F1 %1 fell below %2").arg(f1).arg(heldOutV3Floor)));
}

void TaggerTest::accuracyOnHeldOutV4()
{
    // Written by other hands before the learned theme reading (tests/data/README.md, "The fourth
    // theme held-out set"), never tuned against: aggregates only.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-heldout-v4.jsonl"), 300);
    QVERIFY2(f1 >= heldOutV4Floor, qPrintable(QStringLiteral("held-out v4 micro-F1 %1 fell below %2").arg(f1).arg(heldOutV4Floor)));
}

void TaggerTest::accuracyOnCheckSet2()
{
    // Written blind to the rules as a check set: nothing trains or tunes on it; aggregates only.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-dev-blind2.jsonl"), 280);
    QVERIFY2(f1 >= checkSet2Floor, qPrintable(QStringLiteral("check set 2 micro-F1 %1 fell below %2").arg(f1).arg(checkSet2Floor)));
}

void TaggerTest::accuracyOnDevBlind()
{
    // Written by a hand that never saw the codebook or the code; a development set (tuned on,
    // except the check third listed in docs/tagger.md, which is scored only as part of the whole).
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-dev-blind.jsonl"), 270);
    QVERIFY2(f1 >= devBlindFloor, qPrintable(QStringLiteral("blind dev micro-F1 %1 fell below %2").arg(f1).arg(devBlindFloor)));
}

void TaggerTest::defenceThemes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // the defence themes it raises, sorted
    QTest::newRow("splitting staff") << u"Cl. playing staff off against each other on the ward."_s << QStringList{u"splitting"_s};
    QTest::newRow("splitting: the bill") << u"They split the bill at dinner."_s << QStringList{};
    QTest::newRow("splitting: ruled out") << u"No splitting of the team noted this week."_s << QStringList{};
    QTest::newRow("projection") << u"Projecting anger onto partner ('she's always angry with me')."_s << QStringList{u"projection"_s};
    QTest::newRow("projection: costs") << u"He projected the costs on a spreadsheet."_s << QStringList{};
    QTest::newRow("idealisation") << u"Pt idealises her new sponsor."_s << QStringList{u"idealization-devaluation"_s};
    QTest::newRow("idealised brochure") << u"The brochure showed an idealised picture of the retreat."_s << QStringList{};
    QTest::newRow("intellectualisation") << u"Intellectualising ++ re: mother's death; stays in his head."_s
                                         << QStringList{u"intellectualization"_s};
    QTest::newRow("intellectual disability") << u"She has a mild intellectual disability."_s << QStringList{};
    QTest::newRow("rationalisation") << u"Says he only drinks to sleep and has earned a drink after a long shift."_s
                                     << QStringList{u"rationalization"_s};
    QTest::newRow("rationalised rota") << u"The service rationalised its rota over the summer."_s << QStringList{};
    QTest::newRow("acting out") << u"Pt stormed out of group when the facilitator raised her drinking."_s
                                << QStringList{u"acting-out"_s};
    QTest::newRow("acting out: psychodrama") << u"She acted out the scene with her sister in psychodrama."_s << QStringList{};
    QTest::newRow("displacement") << u"Furious with his manager; came home and took it out on his partner."_s
                                  << QStringList{u"displacement"_s};
    QTest::newRow("displaced disc") << u"Displaced disc in his lower back, off work."_s << QStringList{};
    QTest::newRow("someone else's displacement") << u"Her husband takes it out on the kids when he's been drinking."_s
                                                 << QStringList{};
}

void TaggerTest::defenceThemes()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QSet<QString> got = counted(text);
    got.intersect(defences());
    QStringList sorted = got.values();
    sorted.sort();
    QCOMPARE(sorted, expected);
}

void TaggerTest::defencesOnTheirDevCorpus()
{
    const double f1 = microF1(QStringLiteral(DATA_DIR "/defence-corpus.jsonl"), 50, {defences(), {}});
    QVERIFY2(f1 >= defenceDevFloor, qPrintable(QStringLiteral("defence dev micro-F1 %1 is below %2").arg(f1).arg(defenceDevFloor)));
}

void TaggerTest::defencesOnTheirHeldOut()
{
    // Written by another hand before the defence phrases were tuned, never tuned on: aggregates only.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/defence-heldout.jsonl"), 90, {defences(), {}});
    QVERIFY2(f1 >= defenceHeldOutFloor,
             qPrintable(QStringLiteral("defence held-out micro-F1 %1 fell below %2").arg(f1).arg(defenceHeldOutFloor)));
}

QTEST_GUILESS_MAIN(TaggerTest)
#include "taggertest.moc"
