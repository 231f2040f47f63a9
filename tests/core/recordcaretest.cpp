// SPDX-License-Identifier: GPL-3.0-or-later
// Risk, the safety plan and the course of care travel with a client's record (export, import
// --json): each signed note's flags as they were stored at signing, a dismissal with who, when and
// why, every assessment that closed open risk (so the imported client shows the same open risk),
// every safety plan version with its hash, and the episodes of care. A record written before risk
// travelled has its signed notes read for flags on import (open until assessed: a missed risk costs
// more than a false alarm). A malformed flag, assessment, episode or plan is refused by name, an
// edited plan as damage, and nothing is written.
#include "testvault.h"
#include "model/safetyplan.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using namespace uc::vault;
using model::Id;
using uc::testing::errorOf;
using uc::testing::secret;

namespace {

QString counts(Vault &v)
{
    QStringList parts;
    for (const char *table : {"clients", "notes", "risk_flags", "risk_assessments", "users", "episodes", "safety_plans"})
        parts.append(VaultTestAccess::database(v).pragmaText(std::string("SELECT count(*) FROM ") + table));
    return parts.join(u'|');
}

QString flagsText(const QList<model::RiskFlag> &flags)
{
    QStringList out;
    for (const model::RiskFlag &f : flags)
        out.append(u"%1 %2 %3 %4 [%5-%6]"_s.arg(model::toIso(f.date), f.risk, f.present ? u"present"_s : u"denied"_s, f.rule)
                       .arg(f.start)
                       .arg(f.end));
    return out.join(u"; "_s);
}

QJsonObject withoutExportStamp(QJsonObject o)
{
    o.remove(u"exported_at"_s);
    o.remove(u"exported_by"_s);
    return o;
}

} // namespace

class RecordCareTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void riskFlagsDismissalsAndAssessmentsRoundTrip();
    void aRecordFromBeforeRiskTravelledIsReadForFlags();
    void anEditedSafetyPlanIsDamageAndNothingIsWritten();
    void malformedRiskIsRefusedAndNothingIsWritten_data();
    void malformedRiskIsRefusedAndNothingIsWritten();

private:
    std::unique_ptr<Vault> target();

    QTemporaryDir m_dir;
    QString m_source;
    QJsonObject m_record;
    int m_targets = 0;
};

void RecordCareTest::initTestCase()
{
    m_source = m_dir.filePath(u"source"_s);
    auto v = Vault::create(m_source, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
    // The copy the records go into: it trusts the same keys (importtest, clientRecordRoundTrips).
    v->backup().write(m_dir.filePath(u"copy.ucbackup"_s));
    model::Client c;
    c.code = u"C-1"_s;
    c.displayName = u"Client One"_s;
    v->clients().add(c);
    auto note = [&](int day, const QString &text) {
        model::Session s;
        s.date = model::Date(2025, 3, day);
        s.attendees.append({0, c.code, model::Attendance::Attended});
        return v->notes().addSession(s, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, text}}).notes.first();
    };
    const Id planned = note(1, u"Reports thoughts of killing herself; has a plan."_s);
    v->notes().sign(planned, model::RiskAssessment{model::RiskLevel::High, u"Safety plan written; crisis line given."_s});
    const Id denied = note(8, u"Denies SI/HI. Mood better this week."_s);
    v->notes().sign(denied);
    const Id cutting = note(15, u"Says she has been cutting her arms again since the weekend."_s);
    v->notes().sign(cutting, model::RiskAssessment{model::RiskLevel::ToFollow, {}});
    v->risk().close(c.code, model::RiskLevel::Moderate, u"Seen the next day; wounds dressed; plan reviewed."_s);
    const Id misread = note(22, u"She took an overdose of pills on Friday."_s);
    v->notes().sign(misread, model::RiskAssessment{model::RiskLevel::ToFollow, {}});
    v->risk().dismiss(misread, u"a line from a song she quoted"_s);
    QVERIFY2(v->risk().openFor(c.code).isEmpty(), qPrintable(flagsText(v->risk().openFor(c.code))));
    QVERIFY2(v->risk().forClient(c.code).size() >= 3, qPrintable(flagsText(v->risk().forClient(c.code))));
    model::SafetyPlan plan;
    plan.items(model::SafetyStep::WarningSigns) = QStringList{u"not answering the phone"_s};
    plan.items(model::SafetyStep::Help) = QStringList{u"my sister, 07700 900123"_s};
    plan.items(model::SafetyStep::Professionals) = QStringList{u"crisis line 988"_s};
    v->safetyPlans().save(c.code, plan);
    plan.items(model::SafetyStep::Reasons) = QStringList{u"my son"_s};
    v->safetyPlans().save(c.code, plan);
    model::Episode residential;
    residential.clientCode = c.code;
    residential.level = u"residential"_s;
    residential.start = model::Date(2025, 2, 1);
    residential.end = model::Date(2025, 2, 28);
    residential.service = u"Riverside House"_s;
    v->episodes().add(residential);
    model::Episode outpatient = residential;
    outpatient.level = u"outpatient"_s;
    outpatient.start = model::Date(2025, 3, 1);
    outpatient.end.reset();
    outpatient.service.clear();
    v->episodes().add(outpatient);
    m_record = v->records().exportClient(c.code, false);
}

std::unique_ptr<Vault> RecordCareTest::target()
{
    const QString dir = m_dir.filePath(u"target-%1"_s.arg(++m_targets));
    Vault::restore(m_dir.filePath(u"copy.ucbackup"_s), dir, u"alice"_s, secret());
    return Vault::open(dir, u"alice"_s, secret());
}

void RecordCareTest::riskFlagsDismissalsAndAssessmentsRoundTrip()
{
    // What the record carries.
    const QJsonArray notes = m_record.value(u"notes"_s).toArray();
    QCOMPARE(notes.size(), 4);
    QStringList statuses;
    QStringList dismissals;
    for (const QJsonValue &n : notes) {
        for (const QJsonValue &f : n.toObject().value(u"risk_flags"_s).toArray()) {
            statuses.append(f.toObject().value(u"risk"_s).toString() + u' ' + f.toObject().value(u"status"_s).toString());
            if (f.toObject().contains(u"dismissed_by"_s))
                dismissals.append(f.toObject().value(u"dismiss_reason"_s).toString());
        }
    }
    QVERIFY2(statuses.contains(u"suicide present"_s), qPrintable(statuses.join(u", "_s)));
    QVERIFY2(statuses.contains(u"suicide denied"_s), qPrintable(statuses.join(u", "_s)));
    QVERIFY2(statuses.contains(u"self-harm present"_s), qPrintable(statuses.join(u", "_s)));
    // The dismissed note's flags (overdose, and suicide from the broad net: pills taken in overdose)
    // all carry the one reason.
    QVERIFY(!dismissals.isEmpty());
    QCOMPARE(dismissals.count(u"a line from a song she quoted"_s), dismissals.size());
    const QJsonArray assessments = m_record.value(u"risk_assessments"_s).toArray();
    QCOMPARE(assessments.size(), 4);
    QStringList levels;
    for (const QJsonValue &a : assessments)
        levels.append(a.toObject().value(u"level"_s).toString() + (a.toObject().value(u"note"_s).isNull() ? u" alone"_s : u""_s));
    QCOMPARE(levels, (QStringList{u"high"_s, u"to-follow"_s, u"moderate alone"_s, u"to-follow"_s}));

    // Into the copy: the same flags, the same (no) open risk, and the same record out again.
    std::unique_ptr<Vault> source = Vault::open(m_source, u"alice"_s, secret());
    auto t = target();
    const ClientImported done = t->records().importClient(m_record);
    QCOMPARE(done.riskAssessments, 4);
    QCOMPARE(done.riskFlags, int(statuses.size()));
    QCOMPARE(flagsText(t->risk().forClient(u"C-1"_s)), flagsText(source->risk().forClient(u"C-1"_s)));
    QVERIFY(t->risk().openFor(u"C-1"_s).isEmpty());
    QCOMPARE(withoutExportStamp(t->records().exportClient(u"C-1"_s, false)), withoutExportStamp(m_record));
    bool audited = false;
    for (const auto &e : t->auditTrail().entries())
        audited = audited || (e.action == u"import-client"_s && e.detail.contains(u"4 risk assessments"_s));
    QVERIFY(audited);

    // The safety plan's versions and the episodes came too, the plan still matching its hash.
    const auto plans = t->safetyPlans().history(u"C-1"_s);
    QCOMPARE(plans.size(), 2);
    QCOMPARE(plans.last().items(model::SafetyStep::Reasons), QStringList{u"my son"_s});
    QCOMPARE(plans.first().author, u"alice"_s);
    QVERIFY(SafetyPlans::verify(plans.first()));
    QVERIFY(SafetyPlans::verify(plans.last()));
    const auto episodes = t->episodes().list(u"C-1"_s);
    QCOMPARE(episodes.size(), 2);
    QCOMPARE(episodes.first().service, u"Riverside House"_s);
    QVERIFY(!episodes.last().end);
}

void RecordCareTest::anEditedSafetyPlanIsDamageAndNothingIsWritten()
{
    QJsonObject bad = m_record;
    QJsonArray plans = bad.value(u"safety_plans"_s).toArray();
    QJsonObject first = plans.at(0).toObject();
    first.insert(u"steps"_s, QJsonObject{{u"help"_s, QJsonArray{u"nobody"_s}}});
    plans.replace(0, first);
    bad.insert(u"safety_plans"_s, plans);
    auto t = target();
    const QString before = counts(*t);
    const auto refused = errorOf([&] { (void)t->records().importClient(bad); });
    QVERIFY(refused);
    QCOMPARE(int(refused->kind()), int(ErrorKind::Damaged));
    QVERIFY2(refused->why().startsWith(u"safety_plans[0]: "_s), qPrintable(refused->why()));
    QVERIFY(!refused->why().contains(u"nobody"_s));
    QCOMPARE(counts(*t), before);
}

void RecordCareTest::aRecordFromBeforeRiskTravelledIsReadForFlags()
{
    // A record written before risk travelled has neither key: its signed notes are read for flags as
    // signing reads them, and with no assessment in the record their present risk is open.
    QJsonObject old = m_record;
    old.remove(u"risk_assessments"_s);
    QJsonArray notes = old.value(u"notes"_s).toArray();
    for (qsizetype i = 0; i < notes.size(); ++i) {
        QJsonObject n = notes.at(i).toObject();
        n.remove(u"risk_flags"_s);
        notes.replace(i, n);
    }
    old.insert(u"notes"_s, notes);
    auto t = target();
    const ClientImported done = t->records().importClient(old);
    QCOMPARE(done.riskAssessments, 0);
    QVERIFY(done.riskFlags >= 3);
    const QList<model::RiskFlag> open = t->risk().openFor(u"C-1"_s);
    QStringList risks;
    for (const model::RiskFlag &f : open)
        risks.append(f.risk);
    QVERIFY2(risks.contains(u"suicide"_s) && risks.contains(u"self-harm"_s), qPrintable(flagsText(open)));
}

void RecordCareTest::malformedRiskIsRefusedAndNothingIsWritten_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("where");
    QTest::newRow("status") << u"status"_s << u"maybe"_s << u"notes[0].risk_flags[0].status"_s;
    QTest::newRow("risk id") << u"risk"_s << u"Suicide!"_s << u"notes[0].risk_flags[0].risk"_s;
    QTest::newRow("span past the text") << u"end"_s << u"100000"_s << u"notes[0].risk_flags[0].end"_s;
    QTest::newRow("dismissed without a reason") << u"dismissed_by"_s << u"alice"_s << u"notes[0].risk_flags[0]"_s;
    QTest::newRow("assessment of another note") << u"note"_s << u"999"_s << u"risk_assessments[0].note"_s;
    QTest::newRow("assessment level") << u"level"_s << u"none"_s << u"risk_assessments[0].level"_s;
    QTest::newRow("assessment without action") << u"action"_s << u" "_s << u"risk_assessments[0].action"_s;
    QTest::newRow("flags on a draft") << u"draft"_s << QString() << u"notes[0].risk_flags"_s;
    QTest::newRow("episode level") << u"level"_s << u"Rehab!"_s << u"episodes[0].level"_s;
    QTest::newRow("episode ends before it starts") << u"end"_s << u"2025-01-01"_s << u"episodes[0].end"_s;
    QTest::newRow("episodes overlap") << u"end"_s << u"null"_s << u"episodes[1]"_s;
    QTest::newRow("plan version out of order") << u"version"_s << u"2"_s << u"safety_plans[0].version"_s;
    QTest::newRow("plan step unknown") << u"steps"_s << u"weapons"_s << u"safety_plans[0].steps"_s;
}

void RecordCareTest::malformedRiskIsRefusedAndNothingIsWritten()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, where);
    QJsonObject bad = m_record;
    const QString list = where.section(u'[', 0, 0);
    if (list != u"notes"_s) {
        QJsonArray items = bad.value(list).toArray();
        QJsonObject a = items.at(0).toObject();
        bool number = false;
        const int n = value.toInt(&number);
        if (field == u"steps"_s)
            a.insert(field, QJsonObject{{value, QJsonArray{u"a knife"_s}}});
        else if (value == u"null"_s)
            a.insert(field, QJsonValue());
        else
            a.insert(field, number ? QJsonValue(n) : QJsonValue(value));
        items.replace(0, a);
        bad.insert(list, items);
    } else {
        QJsonArray notes = bad.value(u"notes"_s).toArray();
        QJsonObject note = notes.at(0).toObject();
        QJsonArray flags = note.value(u"risk_flags"_s).toArray();
        if (field == u"draft"_s) {
            // A draft note (its signature fields removed) carrying a flag.
            QJsonObject draft{{u"id"_s, 9000},
                              {u"session"_s, note.value(u"session"_s)},
                              {u"author"_s, u"alice"_s},
                              {u"template"_s, u"free"_s},
                              {u"kind"_s, u"progress"_s},
                              {u"status"_s, u"draft"_s},
                              {u"sections"_s, QJsonArray{QJsonObject{{u"title"_s, u"Note"_s}, {u"text"_s, u"Draft."_s}}}},
                              {u"created"_s, u"2025-03-01T10:00:00Z"_s},
                              {u"updated"_s, u"2025-03-01T10:00:00Z"_s},
                              {u"themes"_s, QJsonArray()},
                              {u"addenda"_s, QJsonArray()},
                              {u"risk_flags"_s, QJsonArray{flags.at(0)}}};
            notes.prepend(draft);
        } else {
            QJsonObject f = flags.at(0).toObject();
            bool number = false;
            const int n = value.toInt(&number);
            f.insert(field, number ? QJsonValue(n) : QJsonValue(value));
            flags.replace(0, f);
            note.insert(u"risk_flags"_s, flags);
            notes.replace(0, note);
        }
        bad.insert(u"notes"_s, notes);
    }
    auto t = target();
    const QString before = counts(*t);
    const auto refused = errorOf([&] { (void)t->records().importClient(bad); });
    QVERIFY(refused);
    QCOMPARE(int(refused->kind()), int(ErrorKind::Io));
    QVERIFY2(refused->why().startsWith(where + u':'), qPrintable(refused->why()));
    QVERIFY(!refused->why().contains(u"killing"_s));
    QVERIFY(!refused->why().contains(u"knife"_s));
    QCOMPARE(counts(*t), before);
}

QTEST_GUILESS_MAIN(RecordCareTest)
#include "recordcaretest.moc"
