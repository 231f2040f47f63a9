// SPDX-License-Identifier: GPL-3.0-or-later
// The risk flags as a clinician relies on them (docs/risk.md): each rule on its own, the shape of
// a risk in the tagger's output, the risk a measure raises, and the figures on the development
// corpus and the held-out file in tests/data.
#include "model/measurerisk.h"
#include "model/measures.h"
#include "themes/broadnet.h"
#include "themes/codebook.h"
#include "themes/tagger.h"

#include "common/error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

#include <algorithm>
#include <string_view>
#include <vector>

using namespace uc::themes;
using namespace Qt::StringLiterals;

namespace {

const Tagger &tagger()
{
    static const Tagger t;
    return t;
}

// "present", "denied" or "" for the id in a text.
QString statusOf(const QString &text, const QString &id)
{
    const TagResult r = tagger().tag(text);
    const RiskResult *risk = r.findRisk(id);
    return risk ? toString(risk->status) : QString();
}

QString excludedAs(const QString &text, const QString &id)
{
    for (const ExcludedMention &x : tagger().tag(text).excluded)
        if (x.risk && x.id == id)
            return toString(x.reason);
    return {};
}

// The gates: what the rules and the broad net reach on each file (docs/risk.md), less a margin of
// about 0.02 for small changes. The held-out file's are below the issue's targets (0.95, 0.85,
// 0.90): see there. With the broad net (its fourth pass) the held-out file's recall gate rose from
// 0.79 to 0.90 and its precision and denied gates fell from 0.78 and 0.90 to 0.69 and 0.76: what
// the union of the two readings reaches, scored once. Session 30 raised the development gates to
// what its claims reach and left the held-out gates as they were (its held-out figures did not rise).
constexpr double devRecall = 0.97;
constexpr double devPrecision = 0.94;
constexpr double devDenied = 0.97;
constexpr double dev2Recall = 0.98;
constexpr double dev2Precision = 0.94;
constexpr double dev2Denied = 0.96;
constexpr double dev3Recall = 0.97;
constexpr double dev3Precision = 0.95;
constexpr double dev3Denied = 0.98;
constexpr double dev4Recall = 0.96;
constexpr double dev4Precision = 0.95;
constexpr double dev4Denied = 0.98;
constexpr double dev5Recall = 0.98;
constexpr double dev5Precision = 0.90;
constexpr double dev5Denied = 0.98;
// The sixth (riskrecall15): 0.991 / 0.948 / 1.000 reached.
constexpr double dev6Recall = 0.97;
constexpr double dev6Precision = 0.92;
constexpr double dev6Denied = 0.98;
// The seventh (risk15): 0.942 / 0.898 / 1.000 reached.
constexpr double dev7Recall = 0.92;
constexpr double dev7Precision = 0.87;
constexpr double dev7Denied = 0.98;
// The eighth (risk8), on risk-dev8 written blind to the rules: 0.868 / 0.829 / 0.877 reached on the
// whole file (its check third, scored as aggregates only, did not move: docs/risk.md, "Eighth pass").
constexpr double dev8Recall = 0.86; // 0.84 before the ninth pass (0.886 after it)
constexpr double dev8Precision = 0.80;
constexpr double dev8Denied = 0.85;
constexpr double heldOutRecall = 0.95; // 0.90 before the tenth pass (0.969 after it), 0.94 before the eleventh (0.979)
constexpr double heldOutPrecision = 0.69;
constexpr double heldOutDenied = 0.76;
// The third held-out set (session 31, 0.856 / 0.874 / 0.910 when it was written): a regression
// gate 0.02–0.03 below, never a target to tune to.
// The tenth pass (the learned reading) raised it from 0.86 (0.884 reached) to 0.89 (0.911 reached).
// The eleventh (the reading trained on risk-dev12, risk-dev13 and benign text too) reached 0.925.
constexpr double heldOut3Recall = 0.90; // 0.83 before the ninth pass (0.884 after it)
constexpr double heldOut3Precision = 0.85;
constexpr double heldOut3Denied = 0.88;
// risk-dev9, a check set written blind to the rules (session 33): aggregates only, a regression gate
// about 0.02 below what the ninth pass reached (0.700 / 0.744 / 0.761), never a target to tune to.
// The tenth pass (the learned reading) reached 0.741 / 0.750 / 0.761, 0.759 / 0.754 / 0.761 once it
// trained on risk-dev10 too: the recall gate rose from 0.68.
// The eleventh pass (the reading trained on risk-dev12 to risk-dev15 and benign text) reached 0.800 /
// 0.768 / 0.761: the recall gate rose from 0.74.
// The twelfth (the reading trained on risk-dev16 and risk-dev17, averaged, threshold 0.3) reached 0.841 /
// 0.769 / 0.773: the recall gate rose from 0.78.
constexpr double dev9Recall = 0.82;
constexpr double dev9Precision = 0.72;
constexpr double dev9Denied = 0.74;
// The fourth held-out set (session 37), written after the learned reading landed and before any
// change to it was scored on it: 0.760 / 0.807 / 0.770 (the rules alone 0.714 / 0.797 / 0.770).
// A regression gate about 0.02 below, never a target to tune to.
// Trained on risk-dev10 too: 0.773 / 0.810 / 0.770 (a third look at the file, docs/risk.md); the
// eleventh pass 0.805 / 0.816 / 0.770: the recall gate rose from 0.75. The twelfth 0.870 / 0.838 /
// 0.803: the gates rose from 0.78 / 0.78 / 0.75.
constexpr double heldOut4Recall = 0.85;
constexpr double heldOut4Precision = 0.81;
constexpr double heldOut4Denied = 0.78;

struct Figures
{
    int present = 0, presentFound = 0; // recall of present
    int found = 0, foundRight = 0; // precision of present
    int denied = 0, deniedFound = 0; // accuracy of denied
    [[nodiscard]] double recall() const { return present ? double(presentFound) / present : 1.0; }
    [[nodiscard]] double precision() const { return found ? double(foundRight) / found : 1.0; }
    [[nodiscard]] double deniedAccuracy() const { return denied ? double(deniedFound) / denied : 1.0; }
};

// Every (excerpt, risk id) labelled or found is one decision (tools/risk-eval counts the same way).
Figures measure(const QString &path, int minimum)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    Figures f;
    int excerpts = 0;
    const QStringList ids{u"suicide"_s, u"self-harm"_s, u"harm-to-others"_s, u"overdose"_s, u"abuse"_s};
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject item = QJsonDocument::fromJson(line).object();
        QMap<QString, QString> want;
        for (const QJsonValue &r : item.value("risks"_L1).toArray())
            want.insert(r.toObject().value("id"_L1).toString(), r.toObject().value("status"_L1).toString());
        QMap<QString, QString> got;
        for (const RiskResult &r : tagger().tag(item.value("text"_L1).toString()).risks)
            got.insert(r.id, toString(r.status));
        for (const QString &id : ids) {
            const QString w = want.value(id);
            const QString g = got.value(id);
            if (w == u"present") {
                ++f.present;
                f.presentFound += g == u"present";
            }
            if (g == u"present") {
                ++f.found;
                f.foundRight += w == u"present";
            }
            if (w == u"denied") {
                ++f.denied;
                f.deniedFound += g == u"denied";
            }
        }
        ++excerpts;
    }
    if (excerpts < minimum)
        qFatal("%s: %d excerpts, expected at least %d", qPrintable(path), excerpts, minimum);
    qInfo("%s: recall of present %.3f (%d/%d), precision of present %.3f (%d/%d), denied %.3f (%d/%d)",
          qPrintable(path.section(u'/', -1)), f.recall(), f.presentFound, f.present, f.precision(), f.foundRight,
          f.found, f.deniedAccuracy(), f.deniedFound, f.denied);
    return f;
}

// The rows of a status table: a text, a risk id, and the status the text must give it ("present",
// "denied", or empty for none). statusColumns() in a _data slot, compareStatusRow() in its test.
void statusColumns()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("status");
}

void compareStatusRow()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QFETCH(QString, status);
    QCOMPARE(statusOf(text, id), status);
}

// Fails the running test when a file's figures fall below its gates.
void checkGates(const QString &path, int minimum, double recall, double precision, double denied)
{
    const Figures f = measure(path, minimum);
    QVERIFY2(f.recall() >= recall, qPrintable(QString::number(f.recall())));
    QVERIFY2(f.precision() >= precision, qPrintable(QString::number(f.precision())));
    QVERIFY2(f.deniedAccuracy() >= denied, qPrintable(QString::number(f.deniedAccuracy())));
}

} // namespace

class RiskTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rules_data();
    void rules();
    void figuresOfSpeechAreExcluded_data();
    void figuresOfSpeechAreExcluded();
    void someoneElsesActIsTheirs();
    void presentSupersedesDenied();
    void riskHasTheContractShape();
    void measuresRaiseSuicide();
    void cssrsTriage();
    void kindsOfMiss_data();
    void kindsOfMiss();
    void broadNet_data();
    void broadNet();
    void broadNetEvidence();
    void claimsAfterBothReadings_data();
    void claimsAfterBothReadings();
    void broadNetReadsUtf8Spans();
    void broadNetPatternsCompile();
    void broadNetPrefilter_data();
    void broadNetPrefilter();
    void developmentCorpus();
    void developmentSet2();
    void developmentSet3();
    void developmentSet4();
    void developmentSet5();
    void developmentSet6();
    void sixthPass_data();
    void sixthPass();
    void developmentSet7();
    void seventhPass_data();
    void seventhPass();
    void developmentSet8();
    void eighthPass_data();
    void eighthPass();
    void ninthPass_data();
    void ninthPass();
    void theReadingFlagsWhatNoRuleNames();
    void theReadingLeavesTheRulesDecisionsAlone();
    void pastSelfHarmKeepsTheDenial();
    void checkSet9();
    void heldOut();
    void heldOut3();
    void heldOut4();
    void developmentSet10();
    void checkSet11();
    void developmentSet12();
    void developmentSet13();
    void developmentSet14();
    void developmentSet15();
    void developmentSet16();
    void developmentSet17();
    void developmentSet18();
    void heldOut5();
    void heldOut6();
    void aVerbAfterAndHasTheSubjectBefore_data();
    void aVerbAfterAndHasTheSubjectBefore();
    void formQuestionsAndBareSigns_data();
    void formQuestionsAndBareSigns();
    void checklistAnswers_data();
    void checklistAnswers();
    void moreActsAgainstAPerson_data();
    void moreActsAgainstAPerson();
    void anImageOfHarmIsNoAbuse_data();
    void anImageOfHarmIsNoAbuse();
    void anActOnTheirOwnBody_data();
    void anActOnTheirOwnBody();
    void naloxoneCarriedOrGiven_data();
    void naloxoneCarriedOrGiven();
    void phrasesThatNeedADrugNear_data();
    void phrasesThatNeedADrugNear();
    void needsSubstanceNamesPhrasesOfItsGroups();
    void benignTextRaisesFewFlags();
    void otherSensesOfRiskWords_data();
    void otherSensesOfRiskWords();
};

void RiskTest::rules_data()
{
    statusColumns();
    // Conditionals count.
    QTest::newRow("conditional") << u"Says if he leaves she will kill herself."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("conditional first person") << u"If they take the kids I'll end it all."_s << u"suicide"_s << u"present"_s;
    // Passive wishes count.
    QTest::newRow("passive") << u"Wishes she could go to sleep and not wake up."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("passive everyone") << u"Everyone would be better off without me."_s << u"suicide"_s << u"present"_s;
    // A past attempt counts.
    QTest::newRow("past attempt") << u"She tried to hang herself in 2019."_s << u"suicide"_s << u"present"_s;
    // Structured lines are read, every section of the note.
    QTest::newRow("field present") << u"Risk: high, plan to hang self at the weekend."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("field denied") << u"SI: none"_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("field mid line") << u"SI: yes. HI: no. SH: no."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("field dash") << u"Risk assessment: SI - denied; SH - denied."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("signed acronym") << u"+SI, -HI."_s << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("low field is neither") << u"Risk: low"_s << u"suicide"_s << QString();
    // Negative screens.
    QTest::newRow("denies SI/HI") << u"Denies SI/HI."_s << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("asked, denied") << u"Asked about intent and plan: denied."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("C-SSRS negative") << u"C-SSRS negative."_s << u"suicide"_s << u"denied"_s;
    // The other risks.
    QTest::newRow("self-harm") << u"Cutting her thighs with a razor most nights."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("harm to others") << u"Threatened to stab his neighbour."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("overdose alone") << u"Injects heroin alone in his flat."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("overdose mixing") << u"Takes methadone with diazepam and vodka."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("abuse by partner") << u"Reports her husband hit her last night."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("coercive control") << u"Partner takes her wages and checks her phone."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("threat against the client") << u"Partner threatened to kill her."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("done to the client") << u"Reports being kicked by partner."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("the client's act") << u"Admits hitting his partner during an argument."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("denial runs through a list") << u"Pt denies SI, HI, self-harm and DV."_s << u"abuse"_s << u"denied"_s;
    QTest::newRow("acronym in capitals only") << u"She said hi to her neighbour."_s << u"harm-to-others"_s << QString();
}

void RiskTest::rules()
{
    compareStatusRow();
}

// One row per kind of miss found on risk-dev2.jsonl and the development corpus, each written from
// the kind, not copied from a miss.
void RiskTest::kindsOfMiss_data()
{
    statusColumns();
    // Subject and act: the client before the act is its doer; the person after it, the object.
    QTest::newRow("client's threat, named object") << u"I keep picturing stabbing my landlord."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("client's threat is not abuse") << u"I keep picturing stabbing my landlord."_s << u"abuse"_s << QString();
    // A possessive or reflexive said of one person is said of any; "till" is "until"; texting.
    QTest::newRow("possessive of any person") << u"My husband takes my wages."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("till") << u"Scratches her arms till it bleeds."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("wanna") << u"honestly i wanna die"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("an object stays an object") << u"That hill nearly killed me."_s << u"harm-to-others"_s << QString();
    // A phrase inside a longer one of another risk; plan and intent beside HI are the HI's.
    QTest::newRow("HI with plan is not a suicide plan") << u"HI with plan toward his brother."_s << u"suicide"_s << QString();
    QTest::newRow("HI, no plan") << u"HI towards ex, no plan or intent."_s << u"suicide"_s << QString();
    // A story or a lesson is no one's risk.
    QTest::newRow("a film's character") << u"Watched a movie where a character overdoses."_s << u"overdose"_s << QString();
    // Joke cues serve an act against the client too.
    QTest::newRow("joke, act against the client") << u"Laughing, she said her sister would kill her for borrowing the car."_s
                                                    << u"abuse"_s << QString();
    // Control by a partner or family member over the client; not by a professional.
    QTest::newRow("control over the client") << u"Her partner decides what she eats."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("control, no one named") << u"Says partner withholds her benefits."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("a doctor monitoring") << u"Her GP monitors her blood pressure."_s << u"abuse"_s << QString();
    // A possessive that ends an act owns the person after it.
    QTest::newRow("between two other adults") << u"Her uncle hits her aunt."_s << u"abuse"_s << QString();
    // An overdose said to be intentional is an attempt; an attempt's method in brackets is its own.
    QTest::newRow("intentional OD is an attempt") << u"OD on paracetamol last week, intentional."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("intentional OD is not overdose risk") << u"OD on paracetamol last week, intentional."_s << u"overdose"_s << QString();
    QTest::newRow("method in brackets") << u"Two previous attempts (cutting, OD)."_s << u"self-harm"_s << QString();
    // Shorthand negatives.
    QTest::newRow("neg after a field") << u"HI: neg"_s << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("neg before") << u"Neg for SI."_s << u"suicide"_s << u"denied"_s;
    // A negation further back belongs to another verb, not to the denial.
    QTest::newRow("negation scope") << u"Never injects alone and always carries naloxone."_s << u"overdose"_s << u"denied"_s;
    // Kinds found on risk-dev3.jsonl. A passive wish for an accident; its abuse-looking act is part of it.
    QTest::newRow("wish for an accident") << u"She would not care if a car hit her on the way home."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("wish for an accident is not abuse") << u"She would not care if a car hit her on the way home."_s << u"abuse"_s
                                                       << QString();
    // A wish said by denying a point or a reason; a reason nobody denies is protective.
    QTest::newRow("no point, negated") << u"He can't see any point in carrying on."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("no reason, negated") << u"Doesn't have a reason to keep going."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a reason to live") << u"Her reason to live is her daughter."_s << u"suicide"_s << QString();
    // A means put by, without a word of planning; saving for something else is not.
    QTest::newRow("means put by") << u"She has been putting aside her insulin."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("saving, no means") << u"Saving up for a new bike."_s << u"suicide"_s << QString();
    QTest::newRow("collecting a prescription") << u"He collects his tablets from the pharmacy on Fridays."_s << u"suicide"_s
                                               << QString();
    // Fear belongs to the one who feels it: the client's abuse, or someone else's.
    QTest::newRow("client's fear") << u"Client is terrified of her boyfriend."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("someone else's fear") << u"Her sister is terrified of her boyfriend."_s << u"abuse"_s << QString();
    // An injury beside self-injury is self-inflicted.
    QTest::newRow("injury beside self-injury") << u"Punches herself in the legs, leaving bruises."_s << u"abuse"_s << QString();
    // Shorthand: nil before, a sign after.
    QTest::newRow("nil before") << u"Nil SI."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("-ve after") << u"SH -ve."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("+ve after") << u"SI +ve, no plan."_s << u"suicide"_s << u"present"_s;
    // An attempt's method after "by" is the attempt's.
    QTest::newRow("method after by") << u"Prior attempt by cutting."_s << u"self-harm"_s << QString();
    // Done to the client by someone else is the client's own risk.
    QTest::newRow("rescue of the client") << u"my friend had to use the narcan on me"_s << u"overdose"_s << u"present"_s;
    // Third pass, by kind. Taking a medicine in a count no dose is: a listed means, a generic name
    // by its stem, a brand taken out of someone's supply; not a regimen, a usual dose, someone
    // else's taking, or people.
    QTest::newRow("count of a listed means") << u"Swallowed 24 of her zopiclone on Sunday."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("count of a generic name") << u"Took 30 atenolol tablets after the call."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a quantity word") << u"He necked a whole strip of codeine."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("from someone's supply") << u"took 12 of my mum's Nurofen"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a regimen") << u"Takes 8 paracetamol a day for her arthritis."_s << u"suicide"_s << QString();
    QTest::newRow("a usual dose") << u"Took 2 ibuprofen for period pain."_s << u"suicide"_s << QString();
    QTest::newRow("people, not a medicine") << u"She took 10 of her students to the museum."_s << u"suicide"_s << QString();
    QTest::newRow("someone else's taking") << u"Her brother took 40 of his tablets last year."_s << u"suicide"_s << QString();
    // A wish word before a death word in one clause; a wish for someone else's death, or someone
    // else's wish, is not the client's.
    QTest::newRow("wish before a death word") << u"Some days she just wants to not exist."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("wish, words apart") << u"He hopes he will simply be dead by spring."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("wish for another's death") << u"Wishes his stepfather were dead."_s << u"suicide"_s << QString();
    QTest::newRow("another's wish") << u"Her nan wanted to die at home."_s << u"suicide"_s << QString();
    QTest::newRow("wish, negated") << u"She doesn't wish to be dead."_s << u"suicide"_s << u"denied"_s;
    // A cross after it, a bare sign as a field's value; "x3" is a count.
    QTest::newRow("a cross after") << u"SH x. HI x."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("a bare minus as value") << u"Self-harm: -"_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("x3 is a count") << u"Suicide attempts x3."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a dash between label and value") << u"Asked about SI - endorsed."_s << u"suicide"_s << u"present"_s;
    // A denial runs on through a coordinated list past four words; a clause of its own ends it.
    QTest::newRow("denial through a long list") << u"He has denied thoughts of ending his life this week or of hurting himself."_s
                                                 << u"self-harm"_s << u"denied"_s;
    QTest::newRow("a clause of its own") << u"Denies SI and reports she has been cutting her arms."_s << u"self-harm"_s << u"present"_s;
    // An act on one's own body is self-injury; an accident, or someone else's body, is not.
    QTest::newRow("act on own body") << u"She has been scratching her skin raw."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("act with a reflexive") << u"He has been starving himself again."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("an accident") << u"Burnt her arm on the oven."_s << u"self-harm"_s << QString();
    QTest::newRow("act on own body, negated") << u"Denies scalding her arms."_s << u"self-harm"_s << u"denied"_s;
}

void RiskTest::kindsOfMiss()
{
    compareStatusRow();
}

// The broad net (docs/risk.md, "The broad net"): each kind of head it adds, found where the rules
// find nothing; each exclusion, beside the same head without its cue (which the net flags).
void RiskTest::broadNet_data()
{
    statusColumns();
    // Kinds of head the rules miss.
    QTest::newRow("suicide, ideation") << u"Told the nurse he is counting down the days."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("suicide, plan") << u"She has been researching which bridge is highest."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("suicide, attempt") << u"Went over on Saturday and woke up in A&E."_s << u"suicide"_s << u"present"_s;
    // A high place or water with an act at it is a method; the place alone is an outing.
    QTest::newRow("suicide, act at a place") << u"Last night he walked into the sea up to his chest."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a place alone") << u"Enjoyed a walk by the river with the dog; fixed the shed roof."_s << u"suicide"_s << QString();
    QTest::newRow("a bridge met on") << u"They met on the bridge and went for lunch."_s << u"suicide"_s << QString();
    QTest::newRow("self-harm") << u"Scratches on the inside of her thighs were noted."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("harm to others, threat") << u"He keeps a knife in his jacket for his cousin."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("harm to others, act") << u"Pt admits he pushed a stranger on the bus last week."_s << u"harm-to-others"_s
                                         << u"present"_s;
    QTest::newRow("overdose") << u"Takes his script with a few zopiclone to knock himself out."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("overdose, mixing") << u"Had codeine from the chemist and most of a bottle of wine on Friday."_s << u"overdose"_s
                                      << u"present"_s;
    QTest::newRow("abuse, control") << u"Her partner goes through her receipts every evening."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("abuse, act") << u"My boyfriend shook me until I cried."_s << u"abuse"_s << u"present"_s;
    // The prototype's exclusions, each beside its head without the cue.
    QTest::newRow("figure of speech") << u"I could murder a curry after that shift."_s << u"harm-to-others"_s << QString();
    QTest::newRow("figure of speech: head") << u"He said he could murder his landlord."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("joke cue") << u"Said she'd strangle her brother if he ate her chips again, laughing."_s << u"harm-to-others"_s
                              << QString();
    QTest::newRow("joke cue: head") << u"Said she'd strangle her brother if he came round again."_s << u"harm-to-others"_s
                                    << u"present"_s;
    QTest::newRow("the client acts") << u"He hit his flatmate during an argument."_s << u"abuse"_s << QString();
    QTest::newRow("the client acts: head") << u"My flatmate hit me during an argument."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("negated") << u"Has never thought about stepping off the platform edge."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("negated: head") << u"Has thought about stepping off the platform edge."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("another person") << u"Her cousin has been cutting her arms."_s << u"self-harm"_s << QString();
    QTest::newRow("another person: head") << u"She has been cutting her arms."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("the client is harmed") << u"She was being strangled by her boyfriend."_s << u"harm-to-others"_s << QString();
    QTest::newRow("the client is harmed: head") << u"He strangled his brother."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("a dose for pain") << u"Takes five of her tablets for her back pain."_s << u"suicide"_s << QString();
    QTest::newRow("a dose for pain: head") << u"Took five of her tablets last night."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("an overdose with intent") << u"Overdose with intent in March."_s << u"overdose"_s << QString();
    QTest::newRow("an overdose with intent: head") << u"Overdose in March."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("a blade kept for suicide") << u"Keeps a blade in the drawer just in case."_s << u"self-harm"_s << QString();
    QTest::newRow("a blade kept for suicide: head") << u"Keeps a blade in the drawer."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("a weapon for someone else") << u"Has a gun and has threatened to kill his neighbour."_s << u"suicide"_s << QString();
    QTest::newRow("a weapon for someone else: head") << u"Has a gun at home."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a bruise from self-injury") << u"Bruises on her legs from punching herself."_s << u"abuse"_s << QString();
    QTest::newRow("a bruise from self-injury: head") << u"Bruises on her legs."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("a lesson") << u"The school project was on cutting."_s << u"self-harm"_s << QString();
    QTest::newRow("a lesson: head") << u"She was cutting."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("a negative screen") << u"Says she feels safe at home."_s << u"abuse"_s << u"denied"_s;
    // Kinds of exclusion added here.
    QTest::newRow("another sense") << u"Mood stable."_s << u"harm-to-others"_s << QString();
    QTest::newRow("another sense: head") << u"Stabbed his cousin."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("another sense, phrasal") << u"Her dad kicked her out at sixteen."_s << u"abuse"_s << QString();
    QTest::newRow("another sense, phrasal: head") << u"Her dad kicked her at sixteen."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("another sense, went over") << u"We went over the week and her goals."_s << u"overdose"_s << QString();
    QTest::newRow("another sense, went over: head") << u"He went over on Saturday night."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("the clinician as writer") << u"Writer will call her on Monday."_s << u"suicide"_s << QString();
    QTest::newRow("the clinician as writer: head") << u"Writes a note to her family."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("instead of") << u"Used an ice cube instead of cutting last night."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("instead of: head") << u"Was cutting last night."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("negation through a list") << u"He has denied thoughts of ending his life this week or of hurting himself."_s
                                             << u"self-harm"_s << u"denied"_s;
    QTest::newRow("negation through a list: head") << u"He has had thoughts of ending his life this week or of hurting himself."_s
                                                   << u"self-harm"_s << u"present"_s;
    QTest::newRow("someone's death from it") << u"She talked about her brother's death from an overdose."_s << u"overdose"_s
                                             << QString();
    QTest::newRow("someone's death from it: head") << u"She talked about her overdose."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("someone named as its subject") << u"His mother overdosed when he was eleven."_s << u"overdose"_s << QString();
    QTest::newRow("someone named as its subject: head") << u"He overdosed when he was eleven."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("someone lost to it") << u"She lost her cousin to an overdose."_s << u"overdose"_s << QString();
    QTest::newRow("someone lost to it: head") << u"She lost her job after an overdose."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("a professional's act") << u"Her GP monitors her blood pressure."_s << u"abuse"_s << QString();
    QTest::newRow("a professional's act: head") << u"Her partner monitors her phone."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("between two other adults") << u"Her uncle hits her aunt."_s << u"abuse"_s << QString();
    QTest::newRow("between two other adults: head") << u"Her uncle hits her."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("the client named too") << u"My dad still hits my mum and me when he's been drinking."_s << u"abuse"_s
                                          << u"present"_s;
    QTest::newRow("an accident") << u"Burnt her arm on the oven."_s << u"self-harm"_s << QString();
    QTest::newRow("an accident: head") << u"Burnt her arm with a lighter."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("a prescription collected") << u"He collects his tablets from the pharmacy on Fridays."_s << u"suicide"_s
                                              << QString();
    QTest::newRow("a prescription collected: head") << u"He has been collecting his tablets in a drawer."_s << u"suicide"_s
                                                    << u"present"_s;
    QTest::newRow("an attempt's method") << u"Prior attempt by cutting."_s << u"self-harm"_s << QString();
    QTest::newRow("an attempt's method: head") << u"Prior attempt, and cutting since."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("a usual dose") << u"Took 2 ibuprofen for period pain."_s << u"suicide"_s << QString();
    QTest::newRow("a usual dose: head") << u"Took 20 ibuprofen."_s << u"suicide"_s << u"present"_s;
    // How the two readings combine: the net's negation of the very words the rules flag denies them;
    // it never hides a present elsewhere, nor a passive wish (said in negatives).
    QTest::newRow("negated on the same words") << u"Asked whether he has thoughts of harming others: he denied."_s
                                               << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("negated on the same words, at no point") << u"At no point did she voice intent to hurt anyone else."_s
                                                            << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("present elsewhere wins")
        << u"Asked whether he has thoughts of harming others: he denied. Later said he would stab his brother."_s
        << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("a pseudo-negation affirms") << u"No doubt he was abused as a boy, he says."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("a pseudo-negation affirms: negated") << u"He was not abused as a boy, he says."_s << u"abuse"_s
                                                        << u"denied"_s;
    QTest::newRow("a passive wish said in negatives") << u"It wouldn't be so bad if I didn't wake up tomorrow."_s << u"suicide"_s
                                                      << u"present"_s;
}

void RiskTest::broadNet()
{
    compareStatusRow();
}

// A flag only the net raises names the kind in its evidence ("broad:<id>-<kind>") and in words a
// clinician reads as its rule; the contract's keys are the same as the rules'.
void RiskTest::broadNetEvidence()
{
    const QString text = u"Told the nurse he is counting down the days."_s;
    const QJsonObject json = tagger().tag(text).toJson();
    const QJsonArray risks = json.value("risks"_L1).toArray();
    QCOMPARE(risks.size(), 1);
    const QJsonObject suicide = risks.at(0).toObject();
    QCOMPARE(suicide.keys(), (QStringList{u"evidence"_s, u"id"_s, u"rule"_s, u"status"_s}));
    QCOMPARE(suicide.value("rule"_L1).toString(), u"ideation"_s);
    const QJsonObject evidence = suicide.value("evidence"_L1).toArray().at(0).toObject();
    QCOMPARE(evidence.value("rule"_L1).toString(), u"broad:suicide-ideation"_s);
    QCOMPARE(evidence.value("text"_L1).toString(), u"counting down the days"_s);
}

// Spans stay code points into the text when the note is not ASCII (typographic quotes and dashes).
void RiskTest::broadNetReadsUtf8Spans()
{
    const QString text = u"\u201cI\u2019m fine\u201d \u2014 he says he is counting down the days."_s;
    const TagResult r = tagger().tag(text);
    const RiskResult *suicide = r.findRisk(u"suicide"_s);
    QVERIFY(suicide);
    QCOMPARE(toString(suicide->status), u"present"_s);
    QVERIFY(!suicide->evidence.isEmpty());
    for (const Evidence &e : suicide->evidence)
        QCOMPARE(text.mid(e.start, e.end - e.start), e.text);
}

// The net's patterns are compiled the first time each is tried (broadmatcher.cpp), so one no note
// here reaches is checked here, all of them.
void RiskTest::broadNetPatternsCompile()
{
    QVERIFY(uc::themes::broad::Matcher::instance().allValid());
}

// The net tries a pattern only where its prefilter finds its strings (broadmatcher.cpp): a string
// that must stand as a word ("h" for heroin in a mix) is found at the text's ends and before
// punctuation, not inside a word; a pattern whose match may hold a sentence end before its strings
// ("took approx. 30 tablets") is tried from the sentence before them; one whose strings lead it, from
// the first sentence with one.
void RiskTest::broadNetPrefilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("found");
    QTest::newRow("a word") << u"Uses with h most days."_s << u"overdose"_s << u"overdose"_s << true;
    QTest::newRow("a word at the end") << u"Uses with h"_s << u"overdose"_s << u"overdose"_s << true;
    QTest::newRow("a word before a comma") << u"Mixes it with H, daily."_s << u"overdose"_s << u"overdose"_s << true;
    QTest::newRow("not inside a word") << u"Uses with hb most days."_s << u"overdose"_s << u"overdose"_s << false;
    QTest::newRow("across a sentence end")
        << u"Last night she took approx. 30 tablets of sertraline."_s << u"suicide"_s << u"attempt"_s << true;
    // A pattern not local is tried from the sentence with its first string, and runs on past it.
    QTest::newRow("from the first sentence with its string")
        << u"Pt is well today. Back from rehab last month. Was using on the first day."_s << u"overdose"_s
        << u"overdose"_s << true;
    QTest::newRow("from the first sentence, across its end")
        << u"Pt is well today. Nobody would notice. If she died, nobody would care."_s << u"suicide"_s << u"ideation"_s
        << true;
}

void RiskTest::broadNetPrefilter()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QFETCH(QString, kind);
    QFETCH(bool, found);
    const std::vector<QString> ids { u"suicide"_s, u"self-harm"_s, u"harm-to-others"_s, u"overdose"_s, u"abuse"_s };
    const QByteArray utf8 = text.toUtf8();
    std::vector<uc::themes::broad::Hit> hits;
    uc::themes::broad::read(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), ids, hits);
    const bool any = std::any_of(hits.begin(), hits.end(), [&](const uc::themes::broad::Hit &h) {
        return ids.at(static_cast<std::size_t>(h.risk)) == id && QLatin1StringView(h.kind) == kind && !h.denied;
    });
    QCOMPARE(any, found);
}

void RiskTest::figuresOfSpeechAreExcluded_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("id");
    QTest::newRow("killing time") << u"Killing time before the appointment."_s << u"suicide"_s;
    QTest::newRow("dying to") << u"Dying to see her grandson."_s << u"suicide"_s;
    QTest::newRow("job is killing me") << u"The job is killing me."_s << u"suicide"_s;
    QTest::newRow("cut from the team") << u"Was cut from the team."_s << u"self-harm"_s;
    QTest::newRow("cutting back") << u"Cutting back on sugar."_s << u"self-harm"_s;
    QTest::newRow("joking") << u"Joked that he could kill him for forgetting."_s << u"harm-to-others"_s;
    QTest::newRow("chocolate") << u"Overdosed on chocolate at Christmas."_s << u"overdose"_s;
}

void RiskTest::figuresOfSpeechAreExcluded()
{
    QFETCH(QString, text);
    QFETCH(QString, id);
    QCOMPARE(statusOf(text, id), QString());
    QCOMPARE(excludedAs(text, id), u"figurative"_s);
}

void RiskTest::someoneElsesActIsTheirs()
{
    const QString text = u"Her brother died by suicide in 2019. Pt denies SI."_s;
    QCOMPARE(excludedAs(text, u"suicide"_s), u"other-person"_s);
    QCOMPARE(statusOf(text, u"suicide"_s), u"denied"_s);
    QCOMPARE(excludedAs(u"Her cousin died of an overdose in March."_s, u"overdose"_s), u"other-person"_s);
    QCOMPARE(statusOf(u"Her cousin died of an overdose in March."_s, u"overdose"_s), QString());
}

void RiskTest::presentSupersedesDenied()
{
    const QString text = u"Denies SI but later said she would be better off dead."_s;
    QCOMPARE(statusOf(text, u"suicide"_s), u"present"_s);
    QCOMPARE(excludedAs(text, u"suicide"_s), u"superseded"_s);
    // A denial of one id does not hide another.
    const QString mixed = u"Denies SI today; reports cutting her arm last week."_s;
    QCOMPARE(statusOf(mixed, u"suicide"_s), u"denied"_s);
    QCOMPARE(statusOf(mixed, u"self-harm"_s), u"present"_s);
}

void RiskTest::riskHasTheContractShape()
{
    const QString text = u"Reports thoughts of killing herself. Denies HI."_s;
    const QJsonObject json = tagger().tag(text).toJson();
    const QJsonArray risks = json.value("risks"_L1).toArray();
    QCOMPARE(risks.size(), 2);
    const QJsonObject suicide = risks.at(0).toObject();
    QCOMPARE(suicide.keys(), (QStringList{u"evidence"_s, u"id"_s, u"rule"_s, u"status"_s}));
    QCOMPARE(suicide.value("id"_L1).toString(), u"suicide"_s);
    QCOMPARE(suicide.value("status"_L1).toString(), u"present"_s);
    const QJsonObject evidence = suicide.value("evidence"_L1).toArray().at(0).toObject();
    QCOMPARE(evidence.keys(), (QStringList{u"end"_s, u"rule"_s, u"start"_s, u"text"_s}));
    // Spans are code points into the text, as a theme's are.
    QCOMPARE(text.mid(evidence.value("start"_L1).toInt(),
                      evidence.value("end"_L1).toInt() - evidence.value("start"_L1).toInt()),
             evidence.value("text"_L1).toString());
    QCOMPARE(risks.at(1).toObject().value("id"_L1).toString(), u"harm-to-others"_s);
    QCOMPARE(risks.at(1).toObject().value("status"_L1).toString(), u"denied"_s);
}

void RiskTest::measuresRaiseSuicide()
{
    using uc::model::riskOf;
    const auto phq = riskOf(u"phq9"_s, {0, 0, 0, 0, 0, 0, 0, 0, 3});
    QVERIFY(phq);
    QCOMPARE(phq->id, u"suicide"_s);
    QCOMPARE(uc::model::riskLine(*phq),
             u"risk: suicide \u2014 PHQ-9 item 9 answered 3 (nearly every day); assess and document"_s);
    QVERIFY(!riskOf(u"phq9"_s, {3, 3, 3, 3, 3, 3, 3, 3, 0}));
    QVERIFY(!riskOf(u"gad7"_s, {3, 3, 3, 3, 3, 3, 3}));
    QVERIFY(!riskOf(u"audit"_s, {4, 4, 4, 4, 4, 4, 4, 4, 4, 4}));
    const int skip = uc::model::cssrsSkipped;
    QVERIFY(!riskOf(u"cssrs"_s, {0, 0, skip, skip, skip, 0}));
    const auto screen = riskOf(u"cssrs"_s, {1, 0, skip, skip, skip, 0});
    QVERIFY(screen);
    QCOMPARE(screen->level, u"low"_s);
}

void RiskTest::cssrsTriage()
{
    const int skip = uc::model::cssrsSkipped;
    const auto band = [](const QList<int> &answers) { return uc::model::score(u"cssrs"_s, answers).band; };
    QCOMPARE(band({0, 0, skip, skip, skip, 0}), u"negative"_s);
    QCOMPARE(band({1, 0, skip, skip, skip, 0}), u"low"_s);
    QCOMPARE(band({1, 1, 0, 0, 0, 0}), u"low"_s);
    QCOMPARE(band({1, 1, 1, 0, 0, 0}), u"moderate"_s);
    QCOMPARE(band({0, 1, 0, 1, 0, 0}), u"high"_s);
    QCOMPARE(band({0, 1, 0, 0, 1, 0}), u"high"_s);
    QCOMPARE(band({0, 0, skip, skip, skip, 1}), u"high"_s); // behaviour, no date to tell: the cautious reading
    QCOMPARE(uc::model::score(u"cssrs"_s, {1, 1, 1, 1, 1, 1}).total, 6);
    QCOMPARE(uc::model::parseAnswers(u"cssrs"_s, u"1,0,-,-,-,0"_s), (QList<int>{1, 0, skip, skip, skip, 0}));
    // The screener's path: 3-5 only after a yes to 2; 1, 2 and 6 always.
    for (const QList<int> &bad : {QList<int>{0, 0, 0, 0, 0, 0}, QList<int>{1, 1, skip, skip, skip, 0},
                                  QList<int>{skip, 0, skip, skip, skip, 0}, QList<int>{0, 0, skip, skip, skip, skip},
                                  QList<int>{2, 0, skip, skip, skip, 0}, QList<int>{0, 0, skip, skip, skip}}) {
        bool refused = false;
        try {
            static_cast<void>(uc::model::score(u"cssrs"_s, bad));
        } catch (const uc::Error &e) {
            refused = e.kind() == uc::ErrorKind::Io;
        }
        QVERIFY(refused);
    }
    // "-" is the C-SSRS's alone.
    bool refused = false;
    try {
        static_cast<void>(uc::model::parseAnswers(u"phq9"_s, u"-,0,0,0,0,0,0,0,0"_s));
    } catch (const uc::Error &) {
        refused = true;
    }
    QVERIFY(refused);
}

// What claims a finding after both readings (docs/risk.md, "Session 30"): each kind beside the same
// words where they are a risk.
void RiskTest::claimsAfterBothReadings_data()
{
    statusColumns();
    // The codebook's other senses claim the net's heads as they claim the rules' phrases.
    QTest::newRow("hair dye") << u"She is going to die her hair green for the match."_s << u"suicide"_s << QString();
    QTest::newRow("keys mislaid") << u"Mum lost her car keys on the way in."_s << u"abuse"_s << QString();
    QTest::newRow("a heart attack") << u"Since her dad's heart attack she visits him daily."_s << u"harm-to-others"_s << QString();
    QTest::newRow("an urge that hits") << u"The urge to drink hits me at six every night."_s << u"abuse"_s << QString();
    QTest::newRow("an urge that hits is no intent") << u"The urge to drink hits me at six every night."_s << u"harm-to-others"_s
                                                     << QString();
    // A figure of speech of one risk does not claim another's head: a rescue is still an attempt.
    QTest::newRow("a rescue, not a figure") << u"My flatmate cut me down in time."_s << u"suicide"_s << u"present"_s;
    // The point of a named thing is not a point in living.
    QTest::newRow("the point of a thing") << u"He asked what's the point of the fire drill."_s << u"suicide"_s << QString();
    QTest::newRow("the point of going on") << u"He asked what's the point of going on."_s << u"suicide"_s << u"present"_s;
    // A thought about "it" is a risk when "it" points back to one.
    QTest::newRow("it, nothing before") << u"The quiz went badly and she keeps thinking about it."_s << u"suicide"_s << QString();
    QTest::newRow("it, a denial before") << u"Denies suicidal intent but says she keeps thinking about it."_s << u"suicide"_s
                                         << u"present"_s;
    // Alone, or a break from using, is overdose risk beside the use of a drug.
    QTest::newRow("alone, no drug") << u"He walks the dog on his own in the evenings."_s << u"overdose"_s << QString();
    QTest::newRow("alone, a drug") << u"He injects heroin on his own in the evenings."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("detox in a history") << u"Two alcohol detoxes, 2015 and 2019; abstinent since."_s << u"overdose"_s << QString();
    QTest::newRow("alone, a word of use") << u"Mostly uses on her own now, in the bathroom at work."_s << u"overdose"_s
                                          << u"present"_s;
    QTest::newRow("alone, a street word") << u"Back on the brown since March, on his own in the flat."_s << u"overdose"_s
                                          << u"present"_s;
    // Lost tolerance is an opioid's and a sedative's risk: a break from the alcohol a note names is not.
    QTest::newRow("a break from alcohol")
        << u"Use since last session\nSubstance: alcohol\nLast use: three weeks ago\nDays abstinent: 21"_s << u"overdose"_s
        << QString();
    QTest::newRow("a break from heroin")
        << u"Use since last session\nSubstance: heroin\nLast use: three weeks ago\nDays abstinent: 21"_s << u"overdose"_s
        << u"present"_s;
    QTest::newRow("a break from a drug not named")
        << u"Last use: three weeks ago\nDays abstinent: 21"_s << u"overdose"_s << u"present"_s;
    QTest::newRow("detox, then use") << u"Came out of detox on Friday and used heroin the same night."_s << u"overdose"_s
                                     << u"present"_s;
    // A laugh with an act against the client is cruelty, not a joke; "he" to "me" is someone else.
    QTest::newRow("a laugh, not a joke") << u"He slapped me across the face and laughed."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("he to me") << u"He kicked me in the stomach."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("a joke is still a joke") << u"My brother said he'd kill me if I scratched his car haha"_s << u"abuse"_s
                                            << QString();
    // The client's own threat against someone is harm to others, not also abuse of the client.
    QTest::newRow("the client's threat") << u"I'll punch him if he comes near my sister again."_s << u"abuse"_s << QString();
    QTest::newRow("the client's threat, harm to others") << u"I'll punch him if he comes near my sister again."_s
                                                         << u"harm-to-others"_s << u"present"_s;
    // The condition a threat sets may tell of abuse already done ("again"): it stays flagged.
    QTest::newRow("the client's condition") << u"Says she'll stab him if he lays a finger on her again."_s << u"abuse"_s
                                            << u"present"_s;
    QTest::newRow("an act told beside the threat") << u"Her ex hit her last week and she says she will stab him."_s << u"abuse"_s
                                                   << u"present"_s;
    // Other senses and denials in the rules' own phrases.
    QTest::newRow("a shot of vodka") << u"Plans to do a shot with his brother at the wedding."_s << u"harm-to-others"_s << QString();
    QTest::newRow("it nearly killed him") << u"He lost the house and says it nearly killed him."_s << u"harm-to-others"_s << QString();
    QTest::newRow("wanted it to hurt") << u"Scratched her arm with a compass, she wanted it to hurt."_s << u"harm-to-others"_s
                                       << QString();
    QTest::newRow("a safety plan is no plan") << u"Denies SI; has a safety plan and knows the crisis line."_s << u"suicide"_s
                                              << u"denied"_s;
    QTest::newRow("a plan is a plan") << u"Has a plan to hang himself in the garage."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("never had such thoughts") << u"Her uncle took his own life; she has never had such thoughts herself."_s
                                             << u"suicide"_s << u"denied"_s;
    QTest::newRow("risk to self is suicide's field") << u"Risk to self: high."_s << u"self-harm"_s << QString();
    QTest::newRow("the same threat, no joke") << u"My brother said he'd kill me if I scratched his car."_s << u"abuse"_s
                                              << u"present"_s;
}

void RiskTest::claimsAfterBothReadings()
{
    compareStatusRow();
}

void RiskTest::developmentCorpus()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-corpus.jsonl"), 300, devRecall, devPrecision, devDenied);
}

// The second development set (tests/data/README.md), written before the rules were changed for it.
void RiskTest::developmentSet2()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev2.jsonl"), 200, dev2Recall, dev2Precision, dev2Denied);
}

// The third development set (tests/data/README.md), written and scored before the rules were
// changed for it.
void RiskTest::developmentSet3()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev3.jsonl"), 150, dev3Recall, dev3Precision, dev3Denied);
}

// The fourth development set (tests/data/README.md), written and committed before the third pass
// changed the rules for it.
void RiskTest::developmentSet4()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev4.jsonl"), 100, dev4Recall, dev4Precision, dev4Denied);
}

// The fifth development set (tests/data/README.md), written and committed before the session-30
// pass changed the rules for it.
void RiskTest::developmentSet5()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev5.jsonl"), 90, dev5Recall, dev5Precision, dev5Denied);
}

// The sixth development set (tests/data/README.md), written and committed before the sixth pass
// changed the rules for it.
void RiskTest::developmentSet6()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev6.jsonl"), 150, dev6Recall, dev6Precision, dev6Denied);
}

// The sixth pass (docs/risk.md, "Sixth pass"): one row or more per kind fixed, each beside the same
// words where they are not the risk. Written for this test, not taken from any data file.
void RiskTest::sixthPass_data()
{
    statusColumns();
    // A hope not to be here, with a future negative.
    QTest::newRow("hope not to be here") << u"Some nights I pray I won't wake up."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("hope the guests are here") << u"I hope the guests won't be late."_s << u"suicide"_s << QString();
    // Others better off if the client were gone.
    QTest::newRow("easier if I were gone") << u"My wife would have an easier time if I was gone."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("out of the picture, no comparison") << u"The shop closes early if he is out of the picture."_s
                                                     << u"suicide"_s << QString();
    // A hope that an illness or an accident ends it.
    QTest::newRow("hope the illness returns") << u"He half hopes the tumour comes back."_s << u"suicide"_s << u"present"_s;
    // Driving into something that kills.
    QTest::newRow("swerving into a tree") << u"She thinks about swerving into a tree on the bypass."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("driving into town") << u"She was driving into town for the market."_s << u"suicide"_s << QString();
    // The point of oneself, not of a thing.
    QTest::newRow("point of me") << u"Honestly what is the point in me."_s << u"suicide"_s << u"present"_s;
    // One's own funeral.
    QTest::newRow("own funeral") << u"He has been planning his funeral music."_s << u"suicide"_s << u"present"_s;
    // A ligature round the neck; found at a height.
    QTest::newRow("ligature") << u"He wrapped a cable round his neck in the shed."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("found at a height") << u"Security found her on the roof of the car park."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("joining the dead") << u"Since her mum passed she says she longs to be with her."_s << u"suicide"_s << u"present"_s;
    // Heat held to the skin; a dated last episode is a history.
    QTest::newRow("hand on the iron") << u"She held her palm against the hot radiator."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("last cut dated") << u"No NSSI now; last burned in 2021."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("a break from self-harm is no break from using")
        << u"Relapsed after 6 months clean from cutting. Used a blade."_s << u"overdose"_s << QString();
    // Naloxone given is a reversal; a kit given is not.
    QTest::newRow("naloxone given") << u"The hostel staff gave her Narcan twice."_s << u"overdose"_s << u"present"_s;
    // (A kit is the existing negative screen, not a reversal.)
    QTest::newRow("naloxone kit given") << u"Given a naloxone kit and shown how to use it."_s << u"overdose"_s << u"denied"_s;
    QTest::newRow("turned blue") << u"He turned blue at the party and they called 999."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("strong supply") << u"Says the gear round here is really strong at the moment."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("for a high, not to die") << u"She took 20 of her gabapentin to get high at a party."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("for a high is not an attempt") << u"She took 20 of her gabapentin to get high at a party."_s << u"suicide"_s
                                                 << QString();
    QTest::newRow("shoot up is not a gun") << u"He is planning to shoot up with friends on Friday."_s << u"suicide"_s << QString();
    // An overdose with suicidal intent in its sentence is the attempt; an attempt's method by OD.
    QTest::newRow("OD with intent") << u"OD x1 2020 w/ intent to die."_s << u"overdose"_s << QString();
    QTest::newRow("attempt by OD") << u"Last attempt four months ago by OD on citalopram."_s << u"overdose"_s << QString();
    QTest::newRow("attempt by OD is suicide") << u"Last attempt four months ago by OD on citalopram."_s << u"suicide"_s
                                             << u"present"_s;
    QTest::newRow("accidental OD stays") << u"Accidental OD on heroin in June."_s << u"overdose"_s << u"present"_s;
    // Someone else's act against the client or a child is not the client's harm to others.
    QTest::newRow("uncle hits the kids") << u"My uncle hits my cousins with a slipper."_s << u"harm-to-others"_s << QString();
    QTest::newRow("client slaps her child") << u"She admits she slapped her daughter."_s << u"harm-to-others"_s << u"present"_s;
    // An act in the passive was done to the client: not the client's harm, and abuse.
    QTest::newRow("passive act is not the client's") << u"Pt was repeatedly hit by her partner."_s << u"harm-to-others"_s
                                                     << QString();
    QTest::newRow("passive act is abuse") << u"Pt was repeatedly hit by her partner."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("passive, the client as pronoun") << u"He was shoved by his stepdad on the stairs."_s << u"abuse"_s
                                                    << u"present"_s;
    QTest::newRow("passive, two other adults") << u"Her aunt was pushed by her uncle at the party."_s << u"abuse"_s << QString();
    // Harm in other words; a weapon kept; arson; a child hiding; cut off; left soiled; groomed.
    QTest::newRow("end him") << u"Says he'll end that guy if he sees him again."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("end the session") << u"I will end the session early today."_s << u"harm-to-others"_s << QString();
    QTest::newRow("a machete") << u"He keeps a machete under the bed for his cousin."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("arson") << u"She threatened to burn down her landlord's house."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("a child hiding") << u"When dad shouts the kids hide in the wardrobe."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("cut off from family") << u"Her husband has cut her off from her parents."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("left soiled") << u"Her father was found in soiled bedding by the district nurse."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("groomed") << u"Police think her son is being groomed online."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("grooming the dog") << u"She runs a dog grooming business."_s << u"abuse"_s << QString();
    // Intrusive images of harming a baby; harm aimed at a person named by a noun.
    QTest::newRow("intrusive image") << u"She has images of drowning her baby in the bath."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("batter the bloke") << u"He wants to deck that bloke from the pub."_s << u"harm-to-others"_s << u"present"_s;
    // Abuse in more words.
    QTest::newRow("thrown at the head") << u"My husband threw his phone at my face."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("dragged") << u"Her partner dragged her out of the car."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("pulling one's own hair out") << u"She pulls her hair out when anxious."_s << u"abuse"_s << QString();
    QTest::newRow("pension taken") << u"Her nephew takes her pension every Thursday."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("left without heating") << u"The landlord's son keeps her without heating all winter."_s << u"abuse"_s
                                          << u"present"_s;
    QTest::newRow("toddler home alone") << u"Her toddler was left home alone overnight."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("CP shorthand") << u"CP referral made today."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("cp lower case is not") << u"Bought a cp cable for the printer."_s << u"abuse"_s << QString();
    // NegEx's terminators: a negation stops at "but" or at a new verb phrase.
    QTest::newRow("negation stops at and has") << u"He is not sleeping and has written letters to his kids."_s << u"suicide"_s
                                               << u"present"_s;
    QTest::newRow("negation stops at but") << u"No SI but she wishes she could disappear."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a list is still negated") << u"Denies cutting, burning or scratching."_s << u"self-harm"_s << u"denied"_s;
}

void RiskTest::sixthPass()
{
    compareStatusRow();
}

// The seventh development set (tests/data/README.md), written and committed before the seventh
// pass changed the rules for it.
void RiskTest::developmentSet7()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev7.jsonl"), 150, dev7Recall, dev7Precision, dev7Denied);
}

// The seventh pass (docs/risk.md, "Seventh pass"): one row or more per kind fixed, most beside the
// same words where they are not the risk. Written for this test, not taken from any data file.
void RiskTest::seventhPass_data()
{
    statusColumns();
    // Medicine hidden somewhere; a height gone off or its edge stood at; bleeding out.
    QTest::newRow("tablets hidden") << u"He keeps a box of tablets hidden behind the bath panel."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("biscuits hidden") << u"She hid the biscuits in the cupboard."_s << u"suicide"_s << QString();
    QTest::newRow("go off a height") << u"He said he would go off the viaduct if she left."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("off the motorway") << u"We went off the motorway at junction 4."_s << u"suicide"_s << QString();
    QTest::newRow("at the edge") << u"Staff found her standing at the edge of the quarry."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("bleed out") << u"She asked how quickly a person would bleed out."_s << u"suicide"_s << u"present"_s;
    // The only thing keeping one alive; the dead joined, read from the wish.
    QTest::newRow("only thing keeping him going") << u"His cat is the only thing keeping him going."_s << u"suicide"_s
                                                  << u"present"_s;
    QTest::newRow("only thing keeping the flat warm") << u"The heater is the only thing keeping the flat warm."_s
                                                      << u"suicide"_s << QString();
    QTest::newRow("rather be with the dead") << u"Since his wife passed he says he would rather be with her."_s << u"suicide"_s
                                             << u"present"_s;
    QTest::newRow("negation stops at and keeps")
        << u"Her brother died last year, she has stopped going out and keeps saying she'd rather be with him."_s << u"suicide"_s
        << u"present"_s;
    // Texting: a wish spelt "cud", cutting spelt "cuttin"; a negation ends at a new subject after an object.
    QTest::newRow("wish i cud vanish") << u"i wish i cud dissapear"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("bin cuttin") << u"been cuttin agen"_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("new subject after an object") << u"cant do this no more im done"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("negation stops at and I'm") << u"He is not sleeping and I'm done."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("negation over its own verb stays") << u"i dont want to die"_s << u"suicide"_s << u"denied"_s;
    // A wound kept open; hands under a scalding tap.
    QTest::newRow("sutures reopened") << u"She keeps reopening the sutures on her arm."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("stitches removed") << u"The practice nurse took his stitches out on Monday."_s << u"self-harm"_s << QString();
    QTest::newRow("scalding tap") << u"She runs her arms under the boiling tap when the panic comes."_s << u"self-harm"_s
                                  << u"present"_s;
    QTest::newRow("hot water washing") << u"She washes her hands in hot water after gardening."_s << u"self-harm"_s << QString();
    // Harm to others in other words.
    QTest::newRow("whereabouts known") << u"He says he knows where she parks her car now."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("make her disappear") << u"I want to make her disappear for good."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("teach her ex a lesson") << u"She wants to teach her ex a lesson."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("a lesson on fractions") << u"The tutor will teach a lesson on fractions."_s << u"harm-to-others"_s << QString();
    QTest::newRow("won't walk again") << u"If he touches my sister he won't walk again."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("a pillow over a face") << u"She has thoughts of holding a pillow over her son's face."_s << u"harm-to-others"_s
                                          << u"present"_s;
    QTest::newRow("bottled a man") << u"Last month he bottled a man outside the club."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("bottled her feelings") << u"She bottled her feelings up for years."_s << u"harm-to-others"_s << QString();
    QTest::newRow("break his jaw") << u"I'll break his jaw if he says that again."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("hurt her wrist is no act") << u"She fell in the garden and hurt her wrist."_s << u"harm-to-others"_s << QString();
    QTest::newRow("hurt her wrist is no abuse") << u"She fell in the garden and hurt her wrist."_s << u"abuse"_s << QString();
    // Abuse: bones threatened, a passport held, secrecy, photos asked for, neglect, a child watching, a room at night.
    QTest::newRow("break her legs") << u"He said he'll break her legs if she leaves."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("passport held") << u"My boyfriend has got my passport."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("passport renewed") << u"She has renewed her passport."_s << u"abuse"_s << QString();
    QTest::newRow("never to tell") << u"Her uncle told her never to tell anyone."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("tell her manager") << u"She will tell her manager on Monday."_s << u"abuse"_s << QString();
    QTest::newRow("pictures asked for") << u"A man online keeps asking her for pictures."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("hungry at nursery") << u"The twins often arrive at nursery hungry."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("an adult home hungry") << u"She arrived home hungry after her shift."_s << u"abuse"_s << QString();
    QTest::newRow("a child, nobody home") << u"Her son says nobody was home when he got back from school."_s << u"abuse"_s
                                          << u"present"_s;
    QTest::newRow("nobody home, no child") << u"I rang the bell but nobody was home."_s << u"abuse"_s << QString();
    QTest::newRow("the kids watched") << u"He shouted at her and threw a plate while the kids watched."_s << u"abuse"_s
                                      << u"present"_s;
    QTest::newRow("a room at night") << u"Her uncle comes into her bedroom at night."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("mum checks the room") << u"Mum comes into my room at night to check on me."_s << u"abuse"_s << QString();
    QTest::newRow("a violent relationship") << u"In her twenties she was in a violent marriage."_s << u"abuse"_s << u"present"_s;
    // Overdose: unrousable; using hidden away; subs with xans; a sedative as prescribed; someone else's.
    QTest::newRow("unrousable") << u"Found unrousable on the sofa by his flatmate."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("using in the toilets") << u"He shoots up in the toilets at the bus station."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("cleaning the toilets") << u"She cleans the toilets at the station."_s << u"overdose"_s << QString();
    QTest::newRow("bars with subs") << u"Took some bars with my subs last night."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("sedative as prescribed") << u"Takes sertraline and zopiclone as prescribed."_s << u"overdose"_s << QString();
    QTest::newRow("as prescribed, wine on top") << u"Takes diazepam as prescribed but drinks wine on top."_s << u"overdose"_s
                                                << u"present"_s;
    QTest::newRow("gran's medicines") << u"My gran takes morphine and diazepam for her pain."_s << u"overdose"_s << QString();
    // A prison as a workplace, a topic taught, is no release.
    QTest::newRow("prison officer") << u"He works as a prison officer and uses cannabis at weekends."_s << u"overdose"_s
                                    << QString();
    QTest::newRow("released from prison") << u"Released from prison on Friday and used heroin that night."_s << u"overdose"_s
                                          << u"present"_s;
    QTest::newRow("taught") << u"Group psychoeducation on naloxone and heroin use after prison."_s << u"overdose"_s << QString();
    // Whose: smash his head; a scar beside abuse; a self-disclosure; a wish's words said of someone named.
    QTest::newRow("smash his head is not self-harm") << u"She said she'd smash his head in."_s << u"self-harm"_s << QString();
    QTest::newRow("smash his head is harm") << u"She said she'd smash his head in."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("smashed her own head") << u"She smashed her head against the wall."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("scar beside abuse") << u"He threw a mug at me and now I've got a scar."_s << u"self-harm"_s << QString();
    QTest::newRow("scar alone") << u"I've got a new scar on my wrist."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("a member's disclosure") << u"Another member admitted suicidal thoughts."_s << u"suicide"_s << QString();
    QTest::newRow("the client's disclosure") << u"She admitted suicidal thoughts."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a report stays the client's") << u"Her mum said she has suicidal thoughts."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("dad doesn't wake up") << u"Her dad doesn't wake up before noon."_s << u"suicide"_s << QString();
    // Events attended at work are someone else's; an overdose after which one attended A&E is not.
    QTest::newRow("a paramedic's overdoses") << u"On his shift he attended four overdoses and a hanging."_s << u"overdose"_s
                                             << QString();
    QTest::newRow("a paramedic's hanging") << u"On his shift he attended four overdoses and a hanging."_s << u"suicide"_s
                                           << QString();
    QTest::newRow("attended A&E after an overdose") << u"He attended A&E after an overdose in May."_s << u"overdose"_s
                                                    << u"present"_s;
    // Denials: harm to self, a promise not to hurt oneself.
    QTest::newRow("harm to self denied") << u"Nil thoughts of harm to self/others today."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("harm to self denied, self-harm") << u"Nil thoughts of harm to self/others today."_s << u"self-harm"_s
                                                    << u"denied"_s;
    QTest::newRow("won't hurt myself") << u"I won't ever hurt myself."_s << u"suicide"_s << u"denied"_s;
}

void RiskTest::seventhPass()
{
    compareStatusRow();
}

// The eighth development set (tests/data/README.md, "Blind development sets"), written by a helper
// who had not seen the rules; the eighth pass tuned on two thirds of it (tools/risk-eval --part).
void RiskTest::developmentSet8()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev8.jsonl"), 200, dev8Recall, dev8Precision, dev8Denied);
}

// The eighth pass (docs/risk.md, "Eighth pass"): rows for each kind fixed, most beside the same
// words where they are not the risk. Written for this test, not taken from any data file.
void RiskTest::eighthPass_data()
{
    statusColumns();
    // Whose a substance is is not who took it (the possessive person words since session 32).
    QTest::newRow("took her sister's pills")
        << u"She drank wine all evening and took her sister's lorazepam."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("partner's diazepam, locked away")
        << u"His partner's diazepam is kept in a locked box at the surgery."_s << u"overdose"_s << QString();
    // A wish that a vehicle or an accident ends it; non-existence as a comfort; still being here as a disappointment.
    QTest::newRow("bus doesn't stop")
        << u"Part of him hopes the bus doesn't stop when he steps out."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("bus stops at the corner") << u"The bus stops at the corner by her flat."_s << u"suicide"_s << QString();
    QTest::newRow("peaceful if the train crashed")
        << u"She said it would be peaceful if the train just crashed on the way home."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("comfort in not existing")
        << u"He finds the idea of not existing soothing these days."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("still here, a disappointment")
        << u"I'm gutted I'm still here every morning."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("still here after the move")
        << u"She is still here in the same flat after the move."_s << u"suicide"_s
        << QString();
    // A tomorrow planned away; goodbye said; a farewell letter; who inherits what.
    QTest::newRow("tomorrow not to happen") << u"I've been planning next week not to happen."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("rang to say goodbye")
        << u"He phoned his sister late last night to say goodbye."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("rang to say he'd be late") << u"He rang the office to say he'd be late."_s << u"suicide"_s << QString();
    QTest::newRow("a note sorry for everything")
        << u"Staff found a note on his bed that said sorry for everything."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("who gets my things") << u"She has been writing down who gets her jewellery."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("checking out of the hotel") << u"They were checking out of the hotel at ten."_s << u"suicide"_s << QString();
    // A height measured, a step imagined, a place avoided for its thoughts; a means held in reserve; a weapon on oneself.
    QTest::newRow("how high the bridge is")
        << u"He keeps checking how high the bridge over the bypass is."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("how high the shelf is") << u"She asked how high the shelf in the kitchen is."_s << u"suicide"_s << QString();
    QTest::newRow("how easy a jump would be") << u"I think about how easy one jump would be."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("avoids the bridge for the thoughts")
        << u"She avoids the footbridge because of the thoughts she has up there."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("avoids the pub for cravings")
        << u"He avoids the pub on Fridays because of the noise."_s << u"suicide"_s
        << QString();
    QTest::newRow("near the tracks, no trust")
        << u"When I wait by the tracks I don't trust myself."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("tablets kept in case") << u"He keeps the old tablets in a tin just in case."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a rifle turned on himself")
        << u"He has thought of turning the rifle on himself."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("nobody home, timed")
        << u"She has worked out which night nobody would be home."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("pension if I went") << u"My kids would get my pension if I went."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("insurance covers the roof") << u"The insurance will cover the roof repairs."_s << u"suicide"_s << QString();
    QTest::newRow("going home to his late wife") << u"He talks of going home to his late wife."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a late train") << u"He was late for the train."_s << u"suicide"_s << QString();
    // Self-harm: biting to marks. Overdose: using in a car; a point after clean time; a class said not taken.
    QTest::newRow("biting to marks") << u"She bites her hands until they leave marks."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("biting her nails") << u"She bites her nails when she's nervous."_s << u"self-harm"_s << QString();
    QTest::newRow("using in the van") << u"He injects in his van behind the warehouse."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("clean, then a point")
        << u"Clean for three months now, so half a point should do it."_s << u"overdose"_s
        << u"present"_s;
    QTest::newRow("no benzos is no mix") << u"Methadone 40ml daily; no benzos, no alcohol."_s << u"overdose"_s << QString();
    QTest::newRow("benzos and methadone") << u"Takes methadone and street benzos most days."_s << u"overdose"_s << u"present"_s;
    // Harm to others: a veiled threat, a watch kept outside an ex's home, poison, picking off; not the client's when done to her.
    QTest::newRow("you'll pay for this")
        << u"He left her a voicemail: you'll pay for this."_s << u"harm-to-others"_s
        << u"present"_s;
    QTest::newRow("pay for parking") << u"You'll pay for parking at the hospital."_s << u"harm-to-others"_s << QString();
    QTest::newRow("outside his ex's flat")
        << u"He has been parking outside his ex's flat every night."_s << u"harm-to-others"_s
        << u"present"_s;
    QTest::newRow("poison her drink")
        << u"She thinks about poisoning her stepmother's drink."_s << u"harm-to-others"_s
        << QString();
    QTest::newRow("pick them off") << u"He says he could pick them off from the window."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("a negated act against the client")
        << u"He doesn't hit me, he just shouts."_s << u"harm-to-others"_s
        << QString();
    QTest::newRow("anything stupid is not harm to others")
        << u"Said she won't do anything stupid tonight."_s << u"harm-to-others"_s
        << QString();
    // Abuse: images threatened, a bank card held, belted, shut in, older men with gifts, a young child alone, a throw at two, a parent using with children at home.
    QTest::newRow("nudes threatened") << u"He says he will post my nudes if I leave."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("bank card held")
        << u"Her son holds her bank card and gives her ten pounds a week."_s << u"abuse"_s
        << u"present"_s;
    QTest::newRow("bank card lost") << u"She lost her bank card on the bus."_s << u"abuse"_s << QString();
    QTest::newRow("belted") << u"Her stepdad belted her when she was late home."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("shut in the shed") << u"As a boy he was locked in the shed overnight."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("older men and gifts")
        << u"Her daughter of 13 comes home with gifts from older men."_s << u"abuse"_s
        << u"present"_s;
    QTest::newRow("a young child alone") << u"A 4yo was found alone at the flat."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("a throw at two") << u"My dad threw a mug at mum and then at me."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("using with children at home") << u"Drinking heavily with two kids at home."_s << u"abuse"_s << u"present"_s;
    // Figures of speech; a screen answered yes; a question asked by others; denials.
    QTest::newRow("shot me a look") << u"Mum shot me a look when I swore."_s << u"abuse"_s << QString();
    QTest::newRow("rather die than dance") << u"I'd rather die than dance at the wedding."_s << u"suicide"_s << QString();
    QTest::newRow("rather die than go back") << u"He would rather die than go back to her."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("beating herself up")
        << u"She has been beating herself up over the exam."_s << u"harm-to-others"_s
        << QString();
    QTest::newRow("a paramedic's ODs") << u"As a paramedic he attended 2 ODs on his last shift."_s << u"overdose"_s << QString();
    QTest::newRow("a screen answered: not this week")
        << u"Asked whether he had thought of using the gun on himself, he said not this week."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("a screen answered no")
        << u"Asked whether he had thought of using the gun on himself, he said no."_s << u"suicide"_s
        << u"denied"_s;
    QTest::newRow("a collateral letter")
        << u"Collateral from his brother, who phoned: he found a note saying sorry for everything."_s << u"suicide"_s
        << u"present"_s;
    QTest::newRow("intent to harm self") << u"Denies intent to harm self."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("intent to harm self is no HI") << u"Denies intent to harm self."_s << u"harm-to-others"_s << QString();
    QTest::newRow("no violence in the marriage") << u"She denies any violence in the marriage."_s << u"abuse"_s << u"denied"_s;
    QTest::newRow("asked if safe: yes")
        << u"The nurse asked her if she was safe and she said yes."_s << u"suicide"_s
        << u"denied"_s;
}

void RiskTest::eighthPass()
{
    compareStatusRow();
}

// The ninth pass (docs/risk.md, "Ninth pass"): past self-harm is a history (present), and the topic
// reading — a sentence that carries a risk's vocabulary in any form is about that risk, present
// unless an exclusion is established. Rows written for the test: each present row has a row of the
// same words where they are not the risk.
void RiskTest::ninthPass_data()
{
    statusColumns();
    // A stopped habit of self-harm is a history: present.
    QTest::newRow("not cut for 40 days") << u"I've not cut for 40 days."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("SH: nil since 2021") << u"SH: nil since 2021 per pt."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("SH: Nil since, any case") << u"SH: Nil since March."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("dont cut anymore") << u"i dont cut anymore"_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("history of cutting, none current")
        << u"History of cutting, none current."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("stopped self-harming") << u"Pt stopped self-harming 2 yrs ago."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("no longer hurts herself") << u"She no longer hurts herself."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("hasn't self-harmed in two years")
        << u"He hasn't self-harmed in two years."_s << u"self-harm"_s << u"present"_s;
    // … and not where nothing happened before, or it is someone else's, or another sense.
    QTest::newRow("SH: none") << u"SH: none."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("denies SH") << u"Denies SH."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("no SH since last session")
        << u"No self-harm since our last session."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("no thoughts of SH since") << u"No thoughts of self-harm since starting sertraline."_s << u"self-harm"_s
                                            << u"denied"_s;
    QTest::newRow("hair not cut since June") << u"She hasn't cut her hair since June."_s << u"self-harm"_s << QString();
    QTest::newRow("sister stopped cutting") // the rules' reading, a denial; no history of the client's
        << u"Her sister stopped cutting last year."_s << u"self-harm"_s << u"denied"_s;
    // The topic reading: the field's words in any form (Snowball's and WordNet's), with a word of
    // the same field where the word has other senses.
    QTest::newRow("thinks about dying") << u"She keeps thinking about dying."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("wished she had died") << u"He wished he had died in the crash."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("the phone died") << u"Her phone died so she missed the call."_s << u"suicide"_s << QString();
    QTest::newRow("her father died") << u"Her father died in March and she thinks of him every day."_s << u"suicide"_s
                                    << QString();
    QTest::newRow("death of her grandmother")
        << u"She has been low since the death of her grandmother."_s << u"suicide"_s << QString();
    QTest::newRow("his death") << u"Drinks every time she thinks about Dad, since his death in Nov."_s << u"suicide"_s
                              << QString();
    QTest::newRow("dying in a panic attack")
        << u"Had a panic attack and honestly thought i was dying."_s << u"suicide"_s << QString();
    QTest::newRow("saving paracetamol") << u"He has been saving paracetamol in a drawer."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("gouging her skin") << u"She has been gouging at her skin with tweezers."_s << u"self-harm"_s
                                     << u"present"_s;
    QTest::newRow("her fringe, cut herself")
        << u"She said her fringe is a disaster because she cut it herself."_s << u"self-harm"_s << QString();
    QTest::newRow("collapsed after injecting") << u"Collapsed after injecting in the park."_s << u"overdose"_s
                                              << u"present"_s;
    QTest::newRow("carries naloxone stays a screen")
        << u"I never use alone and I keep naloxone in my bag."_s << u"overdose"_s << u"denied"_s;
    QTest::newRow("paracetamol for a headache")
        << u"He took paracetamol for a headache."_s << u"suicide"_s << QString();
    QTest::newRow("scratches up her arm") << u"Fresh scratches all up her arm, she said she did it."_s << u"self-harm"_s
                                         << u"present"_s;
    QTest::newRow("scratched a lottery card") << u"She scratched a lottery card."_s << u"self-harm"_s << QString();
    QTest::newRow("bitten her wrist") << u"She had bitten her wrist until it bled."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("carries a knife") << u"He has started to carry a knife when he goes out."_s << u"harm-to-others"_s
                                    << u"present"_s;
    QTest::newRow("planning revenge") << u"He is planning his revenge."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("kill it at the interview")
        << u"I'm gonna kill it at the interview tomorrow."_s << u"harm-to-others"_s << QString();
    QTest::newRow("urges to self-harm are no harm to others")
        << u"Reports urges to self-harm, has not acted on them."_s << u"harm-to-others"_s << QString();
    QTest::newRow("a gun used on himself") << u"He keeps a loaded gun and thinks about using it on himself."_s
                                          << u"harm-to-others"_s << QString();
    QTest::newRow("revenge") << u"Talks a lot about getting revenge on his old boss."_s << u"harm-to-others"_s
                            << u"present"_s;
    QTest::newRow("partner controls her money") << u"Her partner controls her money."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("control her breathing") << u"She is learning to control her breathing."_s << u"abuse"_s << QString();
    QTest::newRow("partner hit the roof") << u"She said her partner hit the roof when she mentioned coming here."_s
                                         << u"abuse"_s << QString();
    QTest::newRow("alcohol abuse") << u"Referred for alcohol abuse by her partner's GP."_s << u"abuse"_s << QString();
    QTest::newRow("scared of her husband") << u"She is terrified of her husband."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("tolerance after detox")
        << u"His tolerance will be low after three weeks in detox."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("distress tolerance") << u"We practised distress tolerance skills."_s << u"overdose"_s << QString();
    // A topic word negated is dropped, never a denial of its own.
    QTest::newRow("never hit by him") << u"Her partner has never hit her."_s << u"abuse"_s << u"denied"_s;
}

void RiskTest::ninthPass()
{
    compareStatusRow();
}

// Past self-harm is present and the current denial stays on record as superseded; the history's
// evidence names its kind.
void RiskTest::pastSelfHarmKeepsTheDenial()
{
    const QString text = u"SH: none since March. No SI."_s;
    QCOMPARE(statusOf(text, u"self-harm"_s), u"present"_s);
    QCOMPARE(statusOf(text, u"suicide"_s), u"denied"_s);
    QCOMPARE(excludedAs(text, u"self-harm"_s), u"superseded"_s);
    const auto tagged = tagger().tag(text); // kept: the risk points into it
    const RiskResult *r = tagged.findRisk(u"self-harm"_s);
    QVERIFY(r);
    const bool history = std::any_of(r->evidence.begin(), r->evidence.end(),
                                     [](const auto &e) { return e.rule == u"broad:self-harm-history"_s; });
    QVERIFY(history);
}

// The learned reading (docs/risk.md, "Tenth pass"): a risk said in words no rule lists is present,
// its evidence the sentence read, its rule the probability, its kind "reading".
void RiskTest::theReadingFlagsWhatNoRuleNames()
{
    const QString text = u"Session held in the garden room. She says the pills in the drawer would be enough and she has counted them."_s;
    const auto tagged = tagger().tag(text); // kept: the risk points into it
    const RiskResult *r = tagged.findRisk(u"suicide"_s);
    QVERIFY(r);
    QVERIFY(r->status == RiskStatus::Present);
    QCOMPARE(r->rule, u"reading"_s);
    QCOMPARE(r->evidence.size(), 1);
    const Evidence &e = r->evidence.first();
    QVERIFY2(e.rule.startsWith(u"reading:0."_s), qPrintable(e.rule));
    QVERIFY(e.rule.mid(10).toInt() >= 50);
    // The sentence that says it, not the unrelated one before it, and the span points at it.
    QVERIFY2(e.text.startsWith(u"She says the pills"_s) && e.text.endsWith(u"she has counted them"_s), qPrintable(e.text));
    QCOMPARE(text.mid(e.start, e.end - e.start), e.text);
    QCOMPARE(statusOf(u"He told the group he is tired of waking up every morning."_s, u"suicide"_s), u"present"_s);
}

// The reading only adds: what the rules decided stands. A documented negative screen stays denied;
// a sentence the rules read as someone else's or another sense raises nothing; ordinary sentences
// raise nothing.
void RiskTest::theReadingLeavesTheRulesDecisionsAlone()
{
    QCOMPARE(statusOf(u"Asked about suicidal thoughts: denied. He is tired of waking up every morning."_s, u"suicide"_s),
             u"denied"_s);
    QCOMPARE(statusOf(u"Her cousin has been cutting her arms."_s, u"self-harm"_s), QString());
    QCOMPARE(statusOf(u"Referred for alcohol abuse by her partner's GP."_s, u"abuse"_s), QString());
    const QString ordinary = u"We went over the week's timetable and the bus fares. She has a dentist appointment on Friday."_s;
    QVERIFY(tagger().tag(ordinary).risks.isEmpty());
    // A rule's evidence is never replaced by a reading.
    const auto said = tagger().tag(u"Reports thoughts of killing herself; has a plan."_s);
    const RiskResult *r = said.findRisk(u"suicide"_s);
    QVERIFY(r);
    QVERIFY(r->rule != u"reading"_s);
}

// Aggregates only, like the held-out files: risk-dev9 is a check set, never read for its misses.
void RiskTest::checkSet9()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev9.jsonl"), 260, dev9Recall, dev9Precision, dev9Denied);
}

// Aggregates only: the held-out file is never read for its misses.
void RiskTest::heldOut()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-heldout.jsonl"), 200, heldOutRecall, heldOutPrecision, heldOutDenied);
}

// Written afresh by another hand from the definitions only (tests/data/README.md, "The third
// held-out sets"), after the first two had been read once for another purpose. Aggregates only.
void RiskTest::heldOut3()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-heldout3.jsonl"), 200, heldOut3Recall, heldOut3Precision, heldOut3Denied);
}

// The tenth development set (tests/data/README.md), indirect wording, written blind and scored once
// (0.685 / 0.821 / 0.684) before the reading trained on it (0.966 / 0.866 / 0.684 after: training
// text, so its recall says little; the gate keeps what the rules and the reading reach).
void RiskTest::developmentSet10()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev10.jsonl"), 290, 0.94, 0.84, 0.66);
}

// Long notes, written blind (tests/data/README.md, "A check set of long notes"): aggregates only,
// 0.870 / 0.726 / 0.818 when written; 0.901 / 0.733 / 0.818 after the eleventh pass; 0.943 / 0.733 /
// 0.830 after the twelfth (the recall gate rose from 0.88). A regression gate about 0.02 below.
void RiskTest::checkSet11()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev11.jsonl"), 270, 0.92, 0.71, 0.80);
}

// Two more indirect development sets (tests/data/README.md, "Two more indirect development sets"),
// scored once before the reading trained on them (0.579 / 0.690 / 0.734 and 0.642 / 0.751 / 0.761);
// training text since (0.970 / 0.794 / 0.734 and 0.965 / 0.826 / 0.761), so their recall says little:
// the gates keep what the rules and the reading reach.
void RiskTest::developmentSet12()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev12.jsonl"), 290, 0.94, 0.77, 0.71);
}

void RiskTest::developmentSet13()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev13.jsonl"), 290, 0.94, 0.80, 0.74);
}

// Two more (tests/data/README.md, "Two more: risk-dev14 … and risk-dev15"), scored once before the
// reading trained on them (0.584 / 0.804 / 0.670 and 0.709 / 0.843 / 0.690), training text since
// (0.987 / 0.874 / 0.670 and 0.969 / 0.884 / 0.690).
void RiskTest::developmentSet14()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev14.jsonl"), 290, 0.95, 0.85, 0.65);
}

void RiskTest::developmentSet15()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev15.jsonl"), 290, 0.94, 0.86, 0.67);
}

// Two more (tests/data/README.md, "risk-dev16 … and risk-dev17"), scored once before the reading trained on
// them (0.705 / 0.763 / 0.778 and 0.708 / 0.795 / 0.762 on main before session 40), training text since
// (0.970 / 0.821 / 0.778 and 0.970 / 0.845 / 0.774).
void RiskTest::developmentSet16()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev16.jsonl"), 290, 0.95, 0.80, 0.75);
}

void RiskTest::developmentSet17()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev17.jsonl"), 290, 0.95, 0.82, 0.75);
}

// Group notes about one member among others (tests/data/README.md, "risk-dev18"), written blind; not
// trained on (training on it lowered the check sets: docs/risk.md, "Twelfth pass"). 0.757 / 0.685 /
// 0.767 as the pass landed; its misses are read for the group-note kind (another member's risk read as
// the focus member's).
void RiskTest::developmentSet18()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-dev18.jsonl"), 290, 0.73, 0.66, 0.74);
}

// Written by another hand after the learned reading landed (tests/data/README.md, "The fourth risk
// held-out set"). Aggregates only.
void RiskTest::heldOut4()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-heldout4.jsonl"), 200, heldOut4Recall, heldOut4Precision, heldOut4Denied);
}

// The fifth held-out set (session 38; tests/data/README.md): written before any change of that session
// and scored twice, on main before it (0.777 / 0.816 / 0.846) and as the session landed (0.813 / 0.823 /
// 0.846); 0.855 / 0.830 / 0.862 after the twelfth pass (the gates rose from 0.79 / 0.80 / 0.82).
// Aggregates only; a regression gate about 0.02 below, never a target to tune to.
void RiskTest::heldOut5()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-heldout5.jsonl"), 230, 0.83, 0.81, 0.84);
}

// The sixth held-out set (session 40; tests/data/README.md): written before any change of that session
// and committed before one was scored on it; scored on main before it (0.821 / 0.744 / 0.760), with the
// session's rules alone (0.821 / 0.751 / 0.783) and as the session landed (0.867 / 0.751 / 0.783).
// Aggregates only; a regression gate about 0.02 below, never a target to tune to.
void RiskTest::heldOut6()
{
    checkGates(QStringLiteral(DATA_DIR "/risk-heldout6.jsonl"), 270, 0.84, 0.73, 0.76);
}

// risk-benign.jsonl: 320 excerpts with risk words in ordinary senses and no risk at all (tests/data/
// README.md). Every present flag on it is a false alarm. A regression gate on the count, the rules'
// and the learned reading's apart (56 and 1 when the file was added, session 37; 30 and 1 after
// otherSensesOfRiskWords).
void RiskTest::benignTextRaisesFewFlags()
{
    QFile file(QStringLiteral(DATA_DIR "/risk-benign.jsonl"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    int excerpts = 0, byRules = 0, byReading = 0, denied = 0;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty())
            continue;
        ++excerpts;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        QVERIFY(!o.contains(u"risks"_s));
        bool rule = false, reading = false;
        for (const RiskResult &r : tagger().tag(o.value(u"text"_s).toString()).risks) {
            if (r.status != RiskStatus::Present) {
                ++denied;
                continue;
            }
            (r.rule == u"reading"_s ? reading : rule) = true;
        }
        byRules += rule;
        byReading += reading;
    }
    QCOMPARE(excerpts, 320);
    QVERIFY2(byRules <= 32, qPrintable(QString::number(byRules))); // 56 before the other senses below
    QVERIFY2(byReading <= 3, qPrintable(QString::number(byReading)));
    QCOMPARE(denied, 0);
}

// Risk words in ordinary senses, found on risk-benign.jsonl and written here afresh by kind (codebook
// "net_exceptions"): a tool, a sport, a knack, a store of food, a trip missed, tolerance of heat or
// pain, paint, friends, fishing, a go at something, a personal best, a photo. Beside each, the
// same word meaning the risk still flags.
void RiskTest::otherSensesOfRiskWords_data()
{
    statusColumns();
    QTest::newRow("glue gun") << u"He mended the lampshade with a glue gun."_s << u"suicide"_s << QString();
    QTest::newRow("starting gun") << u"She fired the starting gun at the club gala."_s << u"suicide"_s << QString();
    QTest::newRow("a gun at home") << u"He keeps a gun at home and has thought about using it on himself."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("skipping rope") << u"Pt uses a skipping rope for ten minutes each morning."_s << u"suicide"_s << QString();
    QTest::newRow("a rope bought") << u"He bought a rope last week and looked at the beam in the garage."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("the hang of it") << u"She is getting the hang of the new shift pattern."_s << u"suicide"_s << QString();
    QTest::newRow("stores of food") << u"He keeps a stockpile of food in case the benefits are late."_s << u"suicide"_s << QString();
    QTest::newRow("stockpiled tablets") << u"She has a stockpile of tablets in the bedside drawer."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a trip missed") << u"I can't go on the trip to Leeds because of work."_s << u"suicide"_s << QString();
    QTest::newRow("pain tolerance") << u"Pt has a high pain tolerance from years of boxing."_s << u"overdose"_s << QString();
    // The twelfth pass: tolerance of people and things; being done with everything is still a wish.
    QTest::newRow("tolerance for frustration") << u"His tolerance for frustration is better; he waited in the queue."_s << u"overdose"_s
                                               << QString();
    QTest::newRow("tolerance lost") << u"He knows his tolerance is down after the detox."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("done with everything") << u"I am done with everything, I cannot do this any more."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("done with work and life") << u"I'm done with work, with people, with life."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("heat tolerance") << u"His tolerance for the heat in the foundry is better with breaks."_s << u"overdose"_s << QString();
    QTest::newRow("tolerance after prison") << u"His tolerance will be low when he is released next month and he plans to score straight away."_s
                                            << u"overdose"_s << u"present"_s;
    QTest::newRow("mixing paint") << u"We spent the weekend mixing paint for the hallway."_s << u"overdose"_s << QString();
    QTest::newRow("mixing with friends") << u"He is mixing with friends from the allotment these days."_s << u"overdose"_s << QString();
    QTest::newRow("mixing pills and drink") << u"She has been mixing her diazepam with vodka most nights."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("fishing gear") << u"Spent my wages on fishing gear, worth it."_s << u"overdose"_s << QString();
    QTest::newRow("blackout blind") << u"A blackout blind has helped her sleep after night shifts."_s << u"overdose"_s << QString();
    QTest::newRow("a stab at it") << u"He had a stab at the pub quiz with his cousin."_s << u"harm-to-others"_s << QString();
    QTest::newRow("a threat to stab") << u"He said he would stab his cousin if he saw him again."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("on my phone") << u"Took loads of pictures of the dogs on my phone at the beach."_s << u"abuse"_s << QString();
}

void RiskTest::otherSensesOfRiskWords()
{
    compareStatusRow();
}

// The tagger's attribution (session 39, docs/tagger.md): a verb right after "and" shares the subject
// before it, so a preposition's object in between ("a row with him") is not whose act it is. The risk
// rules' own evidence now names her overdose (before, only the broad net flagged it, and the rule's
// mention was set aside as his).
void RiskTest::aVerbAfterAndHasTheSubjectBefore_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("risk");
    QTest::newRow("a row with him and overdosed") << u"I had a row with him and overdosed."_s << u"overdose"_s;
    QTest::newRow("argued with him and took her pills") << u"She argued with him and took all her pills."_s << u"suicide"_s;
}

void RiskTest::aVerbAfterAndHasTheSubjectBefore()
{
    QFETCH(QString, text);
    QFETCH(QString, risk);
    const TagResult r = tagger().tag(text);
    const RiskResult *found = r.findRisk(risk);
    QVERIFY(found);
    QVERIFY(found->status == RiskStatus::Present);
    QVERIFY2(std::any_of(found->evidence.cbegin(), found->evidence.cend(), [](const Evidence &e) { return e.rule.startsWith(u"phrase:"_s); }),
             "the rule's own evidence");
    for (const ExcludedMention &x : r.excluded)
        QVERIFY2(!(x.risk && x.id == risk && x.reason == Exclusion::OtherPerson), "not set aside as someone else's");
}

// A check-in form's questions with their answers, and a bare sign after a risk's label (the eleventh
// pass): the answer is the status; a question left unanswered, or answered otherwise, still flags.
void RiskTest::formQuestionsAndBareSigns_data()
{
    statusColumns();
    QTest::newRow("question, no") << u"Any thoughts of ending your life? no."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("question, yes") << u"Any thoughts of ending your life? Yes, most nights."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("question unanswered") << u"Any thoughts of ending your life?"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("question, not sure") << u"Any thoughts of ending your life? Not sure, maybe."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("question, denied") << u"Suicidal thoughts? Denied."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("question, labelled answer") << u"Thoughts of harming yourself? Pt: no."_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("question about home, no") << u"Anyone at home making you feel unsafe? no."_s << u"abuse"_s << u"denied"_s;
    QTest::newRow("using alone, no") << u"Uses alone? No, only with her partner."_s << u"overdose"_s << u"denied"_s;
    QTest::newRow("bare minus") << u"SI - ; plan - ; HI - ;"_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("bare minus, others") << u"SI - ; plan - ; HI - ;"_s << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("bare minus at the end") << u"SI -"_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("bare plus") << u"SI +, HI -."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a dash between words") << u"SI - passive, no plan."_s << u"suicide"_s << u"present"_s;
}

void RiskTest::formQuestionsAndBareSigns()
{
    compareStatusRow();
}

// A checklist's items answered one by one (the twelfth pass): a lone no after a comma, colon or
// dash, or the box ticked, is a denied screen for every reader (the phrase rules, the wishes, the
// broad net); a yes, a "no" that starts a phrase, or no answer leaves the risk present. A question
// asked in a note about a list of risks is answered for each.
void RiskTest::checklistAnswers_data()
{
    statusColumns();
    const QString items = u"Screen today: thoughts of ending his life, no; cutting or burning, no; hurting others, no."_s;
    QTest::newRow("items, no: suicide") << items << u"suicide"_s << u"denied"_s;
    QTest::newRow("items, no: self-harm") << items << u"self-harm"_s << u"denied"_s;
    QTest::newRow("items, no: others") << items << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("one item yes") << u"Screen today: thoughts of ending his life, no; cutting or burning, yes; hurting others, no."_s
                                  << u"self-harm"_s << u"present"_s;
    const QString numbered = u"1) wish to be dead \u2013 no 2) harmed yourself \u2013 no 3) hurt anyone \u2013 no"_s;
    QTest::newRow("numbered, dash: a wish") << numbered << u"suicide"_s << u"denied"_s;
    QTest::newRow("numbered, dash: self-harm") << numbered << u"self-harm"_s << u"denied"_s;
    QTest::newRow("numbered, first yes") << u"1) wish to be dead \u2013 yes 2) harmed yourself \u2013 no"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("box ticked no") << u"Urges to self-harm [ ] yes [x] no"_s << u"self-harm"_s << u"denied"_s;
    QTest::newRow("box ticked yes") << u"Urges to self-harm [x] yes [ ] no"_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("ballot box") << u"Thoughts of hurting someone \u2610 yes \u2612 no"_s << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("no starts a phrase") << u"Thoughts of ending his life, no plan or intent."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("no doubt") << u"She has cut her arms again, no doubt about it."_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("a comma, no answer") << u"Thoughts of ending her life, most days."_s << u"suicide"_s << u"present"_s;
    // A question asked in a note about a list of risks, or after an aside, and its answer.
    QTest::newRow("asked about a list, no to each")
        << u"At review he was asked carefully about wanting to die, cutting himself or hurting anyone, and said no to each."_s
        << u"suicide"_s << u"denied"_s;
    QTest::newRow("asked after an aside")
        << u"I asked, as I always do at the end, about thoughts of death or of hurting herself; she shook her head and said no."_s
        << u"suicide"_s << u"denied"_s;
    QTest::newRow("asked, quoted no") << u"Asked re: wishing he were dead: 'no, not these days'."_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("a field's list, all denied") << u"Asked re thoughts of dying, plans or intent: all denied."_s << u"suicide"_s
                                                 << u"denied"_s;
    QTest::newRow("asked, answered yes with a nothing")
        << u"Asked plainly whether she had been thinking of ending her life, she said she has thought of nothing else since Friday."_s
        << u"suicide"_s << u"present"_s;
    QTest::newRow("asked, no answer") << u"Asked at length about thoughts of death; she talked about her son instead."_s << u"suicide"_s
                                      << u"present"_s;
    QTest::newRow("answered that he has not")
        << u"He was asked directly whether he has had thoughts of harming himself and answered that he has not."_s << u"self-harm"_s
        << u"denied"_s;
    // After a read-only review: what is no checklist and no answer stays present.
    QTest::newRow("a no inside a sentence") << u"I want to die, no, really, I mean it."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a no before a clause") << u"He has been hitting her, no, she has not reported it."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("ticked yes, the next item's no") << u"Self-harm [x] yes, dizziness [x] no"_s << u"self-harm"_s << u"present"_s;
    const QString twoItems = u"Thoughts of suicide [x] yes [ ] no Hurting others [ ] yes [x] no"_s;
    QTest::newRow("two items: the first yes") << twoItems << u"suicide"_s << u"present"_s;
    QTest::newRow("two items: the second no") << twoItems << u"harm-to-others"_s << u"denied"_s;
    QTest::newRow("box after the word, yes") << u"Thoughts of ending life   Yes [x]   No [ ]"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("box after the word, no") << u"Thoughts of ending life   Yes [ ]   No [x]"_s << u"suicide"_s << u"denied"_s;
    QTest::newRow("asked about something else")
        << u"Asked about her week, she said she took an overdose on Sunday and no one knows."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("another question's answer")
        << u"Asked about the week he said he keeps thinking of killing himself, asked if his wife knows: 'no, she'd be devastated'."_s
        << u"suicide"_s << u"present"_s;
    QTest::newRow("all denied but one") << u"Asked about self-harm and suicide: all denied apart from cutting last night."_s
                                        << u"self-harm"_s << u"present"_s;
    QTest::newRow("present, then another field") << u"Suicidal ideation present, plan: no."_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a list of labels, one value") << u"SI, HI, SH: denied"_s << u"self-harm"_s << u"denied"_s;
    // After a second review: the item's own words before a dash's answer, and replies that are no answer.
    QTest::newRow("another question's dash") << u"Cut forearm Tues medical attention - no"_s << u"self-harm"_s << u"present"_s;
    QTest::newRow("intent, not ideation") << u"SI passive intent - no"_s << u"suicide"_s << u"present"_s;
    QTest::newRow("a self-correction") << u"Hit his partner last week \u2013 no, the week before \u2013 police called."_s << u"harm-to-others"_s
                                       << u"present"_s;
    QTest::newRow("a reply that is no answer") << u"Asked whether he wishes he was dead, he said every day, nothing has changed."_s
                                               << u"suicide"_s << u"present"_s;
    QTest::newRow("no answer given") << u"Asked whether she wishes she was dead; she cried and didn't answer."_s << u"suicide"_s
                                     << u"present"_s;
    QTest::newRow("a question about how") << u"Asked about how she's been since she was raped, she said she isn't sleeping."_s
                                          << u"abuse"_s << u"present"_s;
}

void RiskTest::checklistAnswers()
{
    compareStatusRow();
}

// Acts of violence the acts frame did not know (the twelfth pass; harm to others was the weakest id
// on risk-dev16 before it was trained on): by the client, harm to others; against her, abuse; not
// when the object is a thing.
void RiskTest::moreActsAgainstAPerson_data()
{
    statusColumns();
    QTest::newRow("stamped on her hand") << u"Her partner stamped on her hand when she reached for the phone."_s << u"abuse"_s
                                         << u"present"_s;
    QTest::newRow("smothered her") << u"Her boyfriend smothered her with a pillow until she passed out."_s << u"abuse"_s
                                   << u"present"_s;
    QTest::newRow("glass him") << u"He says he'll glass his stepdad if he touches his mum again."_s << u"harm-to-others"_s
                               << u"present"_s;
    QTest::newRow("lashed out at") << u"I lashed out at my girlfriend when she hid my cans."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("thumped") << u"I thumped my brother after the match."_s << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("a thing pinched") << u"I pinched a fiver from my mum's purse."_s << u"harm-to-others"_s << QString();
    QTest::newRow("a thing pinched, abuse") << u"I pinched a fiver from my mum's purse."_s << u"abuse"_s << QString();
}

void RiskTest::moreActsAgainstAPerson()
{
    compareStatusRow();
}

// An intrusive image of harming a child, the client's own thought, is harm to others and not abuse (the
// readings every risk writer chose; the twelfth pass, from the development sets' false alarms): no one
// has done it. An act done, or someone else's act, keeps its abuse.
void RiskTest::anImageOfHarmIsNoAbuse_data()
{
    statusColumns();
    const QString thoughts = u"I keep having thoughts of shaking the baby when she screams at night, I never would."_s;
    QTest::newRow("thoughts: harm to others") << thoughts << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("thoughts: no abuse") << thoughts << u"abuse"_s << QString();
    const QString images = u"Intrusive images of hurting the baby while feeding her; no intent."_s;
    QTest::newRow("images: harm to others") << images << u"harm-to-others"_s << u"present"_s;
    QTest::newRow("images: no abuse") << images << u"abuse"_s << QString();
    QTest::newRow("an act done") << u"She told me her partner shook the baby when he would not settle."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("someone else's act, thought of")
        << u"She has intrusive thoughts of her stepfather choking her, and she has threatened to stab her brother."_s << u"abuse"_s
        << u"present"_s;
    QTest::newRow("a doer pictured") << u"I keep picturing my stepdad hitting me. I punched my brother yesterday."_s << u"abuse"_s
                                     << u"present"_s;
    QTest::newRow("him, the doer") << u"She has urges to stab her husband because of him hitting her."_s << u"abuse"_s << u"present"_s;
}

void RiskTest::anImageOfHarmIsNoAbuse()
{
    compareStatusRow();
}

// An act on the doer's own body is self-injury (the twelfth pass, from the development sets' false
// alarms): "hitting her thighs" read "her" as the one hit, and a bruise beside self-injury was abuse.
// Someone else's act on the client's body stays abuse. Whose body: the acts frame also read "her" in
// "my sister's ex used to hurt her" as the client.
void RiskTest::anActOnTheirOwnBody_data()
{
    statusColumns();
    const QString thighs = u"I have been hitting my thighs with a hairbrush when I feel ashamed."_s;
    QTest::newRow("her thighs: self-harm") << thighs << u"self-harm"_s << u"present"_s;
    QTest::newRow("her thighs: no harm to others") << thighs << u"harm-to-others"_s << QString();
    QTest::newRow("her thighs: no abuse") << thighs << u"abuse"_s << QString();
    const QString own = u"He punched his own stomach until it bruised."_s;
    QTest::newRow("his own: self-harm") << own << u"self-harm"_s << u"present"_s;
    QTest::newRow("his own: no harm to others") << own << u"harm-to-others"_s << QString();
    // In a note's third person, "she hits her legs" may be another woman's act on the client: left as it was.
    QTest::newRow("a stepmother's act") << u"Stepmum is the problem. She hits her legs with a slipper if she talks back."_s << u"abuse"_s
                                        << u"present"_s;
    QTest::newRow("him punching my stomach") << u"I remember him punching my stomach when I was pregnant."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("his act on her arms") << u"He hit her arms with a belt when she came home late."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("her mother's act") << u"She said her mother used to pinch her stomach and call her fat."_s << u"self-harm"_s
                                      << QString();
    QTest::newRow("a named doer") << u"When she refused, Jake punched her stomach."_s << u"harm-to-others"_s << u"present"_s;
    // Someone else's partner's act is told of, not the client's abuse; her own partner's is.
    QTest::newRow("a sister's ex") << u"My sister's ex used to hurt her, but she got out and is doing well."_s << u"abuse"_s << QString();
    QTest::newRow("her own husband") << u"Her husband used to hurt her when he drank."_s << u"abuse"_s << u"present"_s;
    QTest::newRow("her dad's wife") << u"Her dad's wife whipped her with a cable."_s << u"abuse"_s << u"present"_s;
}

void RiskTest::anActOnTheirOwnBody()
{
    compareStatusRow();
}

// Naloxone carried is harm reduction, naloxone given is an overdose (the twelfth pass, from the
// development sets' false alarms): "I've got the naloxone in my bag" and "a narcan kit" were overdoses.
void RiskTest::naloxoneCarriedOrGiven_data()
{
    statusColumns();
    QTest::newRow("got it in my bag") << u"I have never used alone since rehab and I have got the naloxone in my bag."_s << u"overdose"_s
                                      << u"denied"_s;
    QTest::newRow("carried") << u"We both carry narcan from the needle exchange."_s << u"overdose"_s << QString();
    QTest::newRow("a kit used") << u"Staff found her slumped in the toilets and used the narcan kit."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("had to use it on me") << u"My mate had to use the narcan on me last night after the second bag."_s << u"overdose"_s
                                         << u"present"_s;
    QTest::newRow("narcanned") << u"Got narcanned at a party on Saturday."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("had to narcan him") << u"We had to narcan him twice last night."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("given by the crew") << u"The ambulance crew gave him naloxone twice."_s << u"overdose"_s << u"present"_s;
}

void RiskTest::naloxoneCarriedOrGiven()
{
    compareStatusRow();
}

// The codebook's "needs_substance" (the eleventh pass): "mixing" and "on my own" are the overdose
// risk only with a drug or its use named near (the sentence, the two before, the one after).
void RiskTest::phrasesThatNeedADrugNear_data()
{
    statusColumns();
    QTest::newRow("mixing concrete") << u"Pt mixing concrete for the patio with his brother at the weekend."_s << u"overdose"_s << QString();
    QTest::newRow("mixing a playlist") << u"Mixing a playlist for the party, ordering the cake."_s << u"overdose"_s << QString();
    QTest::newRow("mixing in group") << u"Mixing well in group this week."_s << u"overdose"_s << QString();
    QTest::newRow("mixing with vodka") << u"She has been mixing her tablets with vodka most nights."_s << u"overdose"_s << u"present"_s;
    QTest::newRow("mixing, the drug before") << u"He takes his methadone in the morning. Then he starts mixing in the evening."_s
                                              << u"overdose"_s << u"present"_s;
    QTest::newRow("travelling on her own") << u"She likes travelling on her own in the summer."_s << u"overdose"_s << QString();
    QTest::newRow("using on his own") << u"He has been using heroin again. Mostly on his own in the flat."_s << u"overdose"_s << u"present"_s;
}

void RiskTest::phrasesThatNeedADrugNear()
{
    compareStatusRow();
}

// A codebook's needs_substance names phrases its risk's groups have: another is refused.
void RiskTest::needsSubstanceNamesPhrasesOfItsGroups()
{
    QJsonObject root = QJsonDocument::fromJson(Codebook::builtin().toJson()).object();
    QJsonObject risks = root.value(u"risks"_s).toObject();
    QJsonArray ids = risks.value(u"ids"_s).toArray();
    bool found = false;
    for (qsizetype k = 0; k < ids.size(); ++k) {
        QJsonObject o = ids.at(k).toObject();
        if (o.value(u"id"_s).toString() != u"overdose"_s)
            continue;
        QVERIFY(o.value(u"needs_substance"_s).toArray().contains(u"mixing"_s)); // written back as read
        o.insert(u"needs_substance"_s, QJsonArray{u"painting the fence"_s});
        ids.replace(k, o);
        found = true;
    }
    QVERIFY(found);
    risks.insert(u"ids"_s, ids);
    root.insert(u"risks"_s, risks);
    try {
        (void)Codebook::parse(QJsonDocument(root).toJson());
        QFAIL("a needs_substance phrase that is no phrase of the risk must be refused");
    } catch (const uc::Error &e) {
        QVERIFY2(e.why().contains(u"is not a phrase of its groups"_s), qPrintable(e.why()));
    }
}

QTEST_GUILESS_MAIN(RiskTest)
#include "risktest.moc"
