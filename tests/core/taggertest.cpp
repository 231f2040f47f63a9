// SPDX-License-Identifier: GPL-3.0-or-later
// The tagger as a clinician relies on it: the context rules, evidence spans, robustness on any
// input, the codebook's refusals, and accuracy on the hand-labelled corpus in tests/data.
#include "themes/tagger.h"

#include "common/error.h"

#include <QFile>
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

QSet<QString> counted(const QString &text)
{
    QSet<QString> ids;
    for (const auto &t : tagger().tag(text).themes)
        ids.insert(t.id);
    return ids;
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
    void drivenUseNeedsALinkInOneSentence();
    void phrasesToleratesGapsAndInflections();
    void unicodeAndCaseInsensitive();
    void anyInputGetsAnAnswer();
    void codebookRefusesMalformedEntries_data();
    void codebookRefusesMalformedEntries();
    void customCodebookDefinesNewDrivers();
    void userEditsAddAndDisable();
    void accuracyOnLabelledCorpus();
    void accuracyOnHeldOutCorpus();
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

namespace {

// Micro-averaged F1 of the counted themes against a labelled corpus; prints per-theme figures.
double microF1(const QString &path, int minimumExcerpts)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    QMap<QString, int> tp, fp, fn;
    int excerpts = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QSet<QString> gold;
        for (const QJsonValue &v : o.value(QLatin1String("themes")).toArray())
            gold.insert(v.toString());
        const QSet<QString> got = counted(o.value(QLatin1String("text")).toString());
        for (const QString &id : got)
            (gold.contains(id) ? tp : fp)[id]++;
        for (const QString &id : gold)
            if (!got.contains(id))
                fn[id]++;
        ++excerpts;
    }
    if (excerpts < minimumExcerpts)
        return -1;
    int T = 0, F = 0, N = 0;
    QSet<QString> ids;
    for (auto *m : {&tp, &fp, &fn})
        for (auto it = m->cbegin(); it != m->cend(); ++it)
            ids.insert(it.key());
    QStringList sorted(ids.begin(), ids.end());
    sorted.sort();
    for (const QString &id : sorted) {
        const int t = tp.value(id), f = fp.value(id), n = fn.value(id);
        T += t, F += f, N += n;
        qInfo("%-24s precision %.2f recall %.2f (tp %d fp %d fn %d)", qPrintable(id),
              t + f ? double(t) / (t + f) : 1.0, t + n ? double(t) / (t + n) : 1.0, t, f, n);
    }
    const double precision = double(T) / (T + F);
    const double recall = double(T) / (T + N);
    const double f1 = 2 * precision * recall / (precision + recall);
    qInfo("micro precision %.3f recall %.3f F1 %.3f over %d excerpts", precision, recall, f1, excerpts);
    return f1;
}

} // namespace

void TaggerTest::accuracyOnLabelledCorpus()
{
    // The development corpus: the codebook is tuned against it, and must stay at or above 0.90.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-corpus.jsonl"), 200);
    QVERIFY2(f1 >= 0.90, qPrintable(QStringLiteral("micro-F1 %1 is below 0.90").arg(f1)));
}

void TaggerTest::accuracyOnHeldOutCorpus()
{
    // Written separately and never tuned against: the honest figure for notes the codebook has not
    // seen (0.74 when it was written). The floor only catches regressions.
    const double f1 = microF1(QStringLiteral(DATA_DIR "/tagger-heldout.jsonl"), 100);
    QVERIFY2(f1 >= 0.70, qPrintable(QStringLiteral("held-out micro-F1 %1 fell below 0.70").arg(f1)));
}

QTEST_GUILESS_MAIN(TaggerTest)
#include "taggertest.moc"
