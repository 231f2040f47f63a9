// SPDX-License-Identifier: GPL-3.0-or-later
// The themes' learned reading (core/themes/themereading.cpp, docs/tagger.md "Session 39") as a
// clinician relies on it: it adds a theme the rules missed with the sentence as its evidence and
// says so ("reading:0.96"); it never overrules the rules (what they set aside, found or were told
// to leave off stays so), never reads the clinician's own words as the client's, and never names a
// use, craving, relapse or driven-use theme.
#include "themes/tagger.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace uc::themes;
using namespace Qt::StringLiterals;

namespace {

const Tagger &tagger()
{
    static const Tagger t;
    return t;
}

bool fromReading(const Evidence &e)
{
    return e.rule.startsWith(u"reading:0."_s);
}

} // namespace

class ThemeReadingTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsWhatTheRulesMissWithTheSentence_data();
    void addsWhatTheRulesMissWithTheSentence();
    void leavesWhatTheRulesDecided_data();
    void leavesWhatTheRulesDecided();
    void aThemeTurnedOffStaysOff();
    void neverNamesAUseTheme();
};

void ThemeReadingTest::addsWhatTheRulesMissWithTheSentence_data()
{
    // Family strain told as an event, with no role-and-act phrase the rules know: the reading's.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("sentence"); // the evidence: the sentence that shows it, first word to last
    const QString lay = u"Mum and I haven't been in the same room since Christmas, she told the whole family I was a liar."_s;
    QTest::newRow("lay") << lay << lay.chopped(1);
    const QString note = u"Pt reports she and her mum haven't been in the same room since Christmas; mum told the whole family she was a liar."_s;
    QTest::newRow("note") << note << note.chopped(1);
    QTest::newRow("second paragraph") << u"Session 6, 50 min.\n\n"_s + note << note.chopped(1);
}

void ThemeReadingTest::addsWhatTheRulesMissWithTheSentence()
{
    QFETCH(QString, text);
    QFETCH(QString, sentence);
    const TagResult r = tagger().tag(text);
    const ThemeResult *t = r.find(u"family-conflict"_s);
    QVERIFY(t);
    QCOMPARE(t->evidence.size(), 1);
    const Evidence &e = t->evidence.front();
    QVERIFY2(fromReading(e), qPrintable(e.rule));
    QCOMPARE(e.text, sentence);
    QCOMPARE(text.mid(e.start, e.end - e.start), sentence);
    QVERIFY(e.substance.isEmpty());
}

void ThemeReadingTest::leavesWhatTheRulesDecided_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("theme");
    QTest::addColumn<bool>("present"); // the theme stays, by the rules' evidence; or stays absent
    // The rules found it: their evidence alone, the reading adds nothing beside it.
    QTest::newRow("the rules found it") << u"She and her mum had a row at Christmas; mum told the whole family she was a liar."_s
                                        << u"family-conflict"_s << true;
    // A mention the rules set aside (denied) in the window: not read again for that theme.
    QTest::newRow("denied beside it") << u"Mum and I have no conflict at all. We haven't been in the same room since Christmas, she told the whole family I was a liar."_s
                                      << u"family-conflict"_s << false;
    // The clinician speaking of their own family in a note: not the client's.
    QTest::newRow("the clinician's own") << u"I noticed I was thinking about my own mum, who hasn't been in the same room as me since Christmas and told the whole family I was a liar. Pt quiet throughout."_s
                                         << u"family-conflict"_s << false;
}

void ThemeReadingTest::leavesWhatTheRulesDecided()
{
    QFETCH(QString, text);
    QFETCH(QString, theme);
    QFETCH(bool, present);
    const TagResult r = tagger().tag(text);
    const ThemeResult *t = r.find(theme);
    QCOMPARE(t != nullptr, present);
    if (t)
        for (const Evidence &e : t->evidence)
            QVERIFY2(!fromReading(e), qPrintable(e.rule));
}

void ThemeReadingTest::aThemeTurnedOffStaysOff()
{
    // A vault's codebook edit that turns a theme off holds for the reading too.
    const QString text = u"Mum and I haven't been in the same room since Christmas, she told the whole family I was a liar."_s;
    QVERIFY(tagger().tag(text).find(u"family-conflict"_s));
    Codebook book = Codebook::builtin();
    book.applyEdits(R"({"disabled":["family-conflict"]})");
    QVERIFY(!Tagger(book).tag(text).find(u"family-conflict"_s));
}

void ThemeReadingTest::neverNamesAUseTheme()
{
    // Use, craving, relapse and a relative's use name a substance in their evidence, and the
    // driven-use themes need a driver and a use in one sentence: only the rules show those. Over
    // every excerpt of the development corpus, the reading's evidence is never theirs, and it is
    // always whole sentences of the text.
    QFile file(QStringLiteral(DATA_DIR "/tagger-corpus.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QSet<QString> ruleOnly{u"substance-use"_s, u"family-substance-use"_s, u"craving"_s, u"relapse"_s,
                                 u"anxiety-driven-use"_s, u"abandonment-driven-use"_s};
    int read = 0;
    while (!file.atEnd()) {
        const QByteArray raw = file.readLine().trimmed();
        if (raw.isEmpty())
            continue;
        const QString text = QJsonDocument::fromJson(raw).object().value(u"text"_s).toString();
        for (const ThemeResult &t : tagger().tag(text).themes)
            for (const Evidence &e : t.evidence) {
                if (!fromReading(e))
                    continue;
                ++read;
                QVERIFY2(!ruleOnly.contains(t.id), qPrintable(t.id));
                QCOMPARE(t.evidence.size(), 1); // only where the rules found none
                QCOMPARE(text.mid(e.start, e.end - e.start), e.text);
                QVERIFY(e.start == 0 || QStringView(text).left(e.start).trimmed().back().isPunct()
                        || text.at(e.start - 1) == u'\n');
            }
    }
    QVERIFY(read > 0); // it does read there
}

QTEST_GUILESS_MAIN(ThemeReadingTest)
#include "themereadingtest.moc"
