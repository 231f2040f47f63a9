// SPDX-License-Identifier: GPL-3.0-or-later
// The typed fields of a note (model/notefields.h): read from the one written form, never guessed
// from prose, from the client's own sections only, with the words they were read from.
#include "model/notefields.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using model::Field;

namespace {

// The note's values as "field=value" words, in field order.
QStringList valuesOf(const QList<model::Section> &sections)
{
    QStringList out;
    for (const model::FieldValue &v : model::fieldValuesOf(sections))
        out << model::toString(v.field) + u'=' + model::valueWord(v.field, v.value);
    return out;
}

QStringList valuesOfText(const QString &text)
{
    return valuesOf(model::sectionsFromText(text, u"addiction"_s));
}

} // namespace

class NoteFieldsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theAddictionTemplatesSectionsHoldValues()
    {
        const QString note = u"## Use since last session\nSubstance: alcohol\nAmount: six cans\nDays abstinent: 12\n"
                             "## Cravings (0-10)\n7/10\n## Triggers and high-risk situations\nPayday.\n"
                             "## Stage of change\nContemplation\n## Recovery supports\nAA twice.\n## Risk\nLow\n"
                             "## Plan\nWeekly."_s;
        QCOMPARE(valuesOfText(note),
                 (QStringList{u"craving=7"_s, u"stage=contemplation"_s, u"days_abstinent=12"_s, u"risk_level=low"_s}));
        // The template says where each one is written.
        const QList<model::TemplateField> where = model::templateFields(u"addiction"_s);
        QCOMPARE(where.size(), 4);
        QCOMPARE(where.at(2).section, u"Use since last session"_s);
        QCOMPARE(where.at(2).label, u"Days abstinent"_s);
        QVERIFY(model::templateFields(u"soap"_s).isEmpty());
    }

    void labelledLinesHoldValuesInAnyTemplate()
    {
        const QList<model::Section> soap = {
            {u"Subjective"_s, u"Felt low after the call.\nCravings (0-10): 4\nRisk level: Moderate; SI passive."_s},
            {u"Assessment"_s, u"Stage of change: pre-contemplation.\nDays abstinent: 30 days"_s}};
        QCOMPARE(valuesOf(soap), (QStringList{u"craving=4"_s, u"stage=precontemplation"_s, u"days_abstinent=30"_s,
                                              u"risk_level=moderate"_s}));
        QCOMPARE(valuesOf({{u"Note"_s, u"Cravings: 0/10\nRisk: none"_s}}), (QStringList{u"craving=0"_s, u"risk_level=none"_s}));
    }

    void proseIsNeverAValue()
    {
        // Words beside the value, a range, a number out of bounds, a stage between two: no value.
        QCOMPARE(valuesOfText(u"## Cravings (0-10)\n8/10 at the weekend; 5/10 today.\n## Risk\nLow risk of relapse but "
                              "high for overdose.\n## Stage of change\nmoving towards action"_s),
                 QStringList());
        QCOMPARE(valuesOf({{u"Note"_s, u"Cravings: 11\nCravings (0-10): 3-4\nCraving: 7.5\nDays abstinent: -3\n"
                                       "Days abstinent: about a month\nRisk: lowish\nStage of change: contemplation → "
                                       "preparation\nShe said her cravings were 7."_s}}),
                 QStringList());
        // "Risk assessment: low, …" is an assessment (riskrecord.h), not the risk field.
        QVERIFY(valuesOf({{u"Note"_s, u"Risk assessment: low, safety plan reviewed."_s}}).isEmpty());
        // A value's own section whose first line is prose: the value further down is not read.
        QVERIFY(valuesOfText(u"## Risk\nDiscussed at length.\nLow"_s).isEmpty());
    }

    void aFieldWrittenTwiceDifferentlyHasNoValue()
    {
        QCOMPARE(valuesOfText(u"## Cravings (0-10)\n7\n## Plan\nCravings: 5/10"_s), QStringList());
        QCOMPARE(valuesOfText(u"## Cravings (0-10)\n7\n## Plan\nCravings: 7/10"_s), QStringList{u"craving=7"_s});
    }

    void aGroupsSharedPartHasNoValuesOfTheMember()
    {
        model::Section shared{u"Group topic"_s, u"Cravings: 6/10 on average"_s, true};
        QVERIFY(valuesOf({shared}).isEmpty());
        QCOMPARE(valuesOf({shared, {u"Participation"_s, u"Cravings: 2/10"_s}}), QStringList{u"craving=2"_s});
    }

    void theLinesAreTheWordsTheValueWasReadFrom()
    {
        const QString text = u"## Risk\n  Low. Denies SI/HI.\n## Data\nSlept badly.\nCravings (0-10): 7\n"_s;
        const QList<model::FieldLine> lines = model::fieldLinesOf(text);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(text.mid(lines.at(0).start, lines.at(0).end - lines.at(0).start), u"Low."_s);
        QVERIFY(lines.at(0).field == Field::RiskLevel);
        QCOMPARE(lines.at(0).value, 1);
        QCOMPARE(text.mid(lines.at(1).start, lines.at(1).end - lines.at(1).start), u"Cravings (0-10): 7"_s);
        // A label starts a line: one after a sentence is prose.
        QCOMPARE(model::fieldLinesOf(u"Slept badly. Cravings: 7"_s).size(), 0);
    }

    void valuesAndWords()
    {
        QCOMPARE(model::parseCraving(u"7 / 10"), 7);
        QCOMPARE(model::parseCraving(u"10"), 10);
        QVERIFY(!model::parseCraving(u"11"));
        QVERIFY(!model::parseCraving(u"7."));
        QCOMPARE(model::parseStage(u"MAINTENANCE"), 4);
        QCOMPARE(model::parseDaysAbstinent(u"0"), 0);
        QVERIFY(!model::parseDaysAbstinent(u"999999"));
        QCOMPARE(model::parseStatedRisk(u"High"), 3);
        QCOMPARE(model::valueWord(Field::Stage, 1), u"contemplation"_s);
        QCOMPARE(model::valueWord(Field::RiskLevel, 0), u"none"_s);
        QCOMPARE(model::valueWord(Field::DaysAbstinent, 45), u"45"_s);
        QVERIFY(model::valueWord(Field::Craving, 11).isEmpty());
        for (Field f : model::allFields)
            QVERIFY(model::parseField(model::toString(f)) == f);
        QVERIFY(!model::parseField(u"cravings"));
    }
};

QTEST_GUILESS_MAIN(NoteFieldsTest)
#include "notefieldstest.moc"
