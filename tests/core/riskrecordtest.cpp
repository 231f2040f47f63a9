// SPDX-License-Identifier: GPL-3.0-or-later
// Risk in the record (docs/risk.md) against a real vault: a note showing risk is not signed without
// an assessment, its flags are stored at signing (present and denied), an assessment closes open
// risk, "to follow" leaves it open and puts the note first in the supervisor's queue, a false flag
// is dismissed with a reason, a measure raises risk, and each of these is in the audit trail. A
// reader sees only the risk of the notes they may read.
#include "model/riskrecord.h"
#include "themes/tagger.h"
#include "vault/keyslots.h"
#include "vault/vault.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace uc;
using namespace uc::vault;
using model::Id;
using namespace Qt::StringLiterals;

namespace {

constexpr std::string_view passphrase = "risk record test passphrase";
const QString client = QStringLiteral("C-1");
const QString suicidal = QStringLiteral("Reports thoughts of killing herself; has a plan.");

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphrase);
}

QList<model::Section> sections(const QString &text)
{
    return {{QStringLiteral("Note"), text}};
}

// alice and bob are therapists, sam supervises alice, tom supervises no one. Client C-1.
struct Practice
{
    QTemporaryDir tmp;
    QString dir = tmp.filePath(QStringLiteral("vault"));

    Practice()
    {
        auto v = Vault::create(dir, QStringLiteral("alice"), secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
        v->addUser(QStringLiteral("bob"), model::Role::Therapist, secret(), KdfCost::testOnly());
        v->addUser(QStringLiteral("sam"), model::Role::Supervisor, secret(), KdfCost::testOnly());
        v->addUser(QStringLiteral("tom"), model::Role::Supervisor, secret(), KdfCost::testOnly());
        model::Client c;
        c.code = client;
        c.displayName = QStringLiteral("Client One");
        v->clients().add(c);
        v->lock();
        open(QStringLiteral("sam"))->supervision().assign(QStringLiteral("alice"), QStringLiteral("sam"),
                                                          model::SupervisionMode::Review);
    }

    std::unique_ptr<Vault> open(const QString &user) { return Vault::open(dir, user, secret()); }
};

Id draft(Vault &v, const QString &text, const model::Date &date, model::NoteKind kind = model::NoteKind::Progress)
{
    model::Session s;
    s.date = date;
    s.minutes = 50;
    s.attendees.append({0, client, model::Attendance::Attended});
    return v.notes()
        .addSession(s, kind == model::NoteKind::Process ? QStringLiteral("process") : QStringLiteral("free"), kind,
                    sections(text))
        .notes.first();
}

model::RiskAssessment assessed(model::RiskLevel level)
{
    return {level, QStringLiteral("Safety plan reviewed; crisis line given.")};
}

int auditCount(Vault &v, const QString &action)
{
    const auto entries = v.auditTrail().entries();
    return static_cast<int>(std::count_if(entries.begin(), entries.end(), [&](const AuditEntry &e) { return e.action == action; }));
}

} // namespace

class RiskRecordTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRuleTheTaggerGivesHasWords()
    {
        // The banner shows a flag's rule in words (model::riskKindText); a rule the tagger gives on
        // the risk corpora that has no words would show as a raw id ("passive-wish").
        const themes::Tagger tagger;
        QSet<QString> rules;
        for (const char *file : {"risk-corpus.jsonl", "risk-dev2.jsonl", "risk-dev3.jsonl"}) {
            QFile in(QStringLiteral(DATA_DIR "/") + QLatin1String(file));
            QVERIFY2(in.open(QIODevice::ReadOnly), file);
            while (!in.atEnd()) {
                const QByteArray line = in.readLine().trimmed();
                if (line.isEmpty())
                    continue;
                const QString text = QJsonDocument::fromJson(line).object().value(u"text"_s).toString();
                for (const themes::RiskResult &r : tagger.tag(text).risks)
                    rules.insert(r.rule);
            }
        }
        QVERIFY(rules.size() >= 10);
        for (const QString &rule : std::as_const(rules))
            QVERIFY2(model::riskKindText(rule) != rule, qPrintable(rule));
        QCOMPARE(model::riskKindText(u"passive-wish"_s), u"a passive wish to be dead"_s);
        // The learned reading's flags say they are a suggestion (docs/risk.md, "Tenth pass").
        QCOMPARE(model::riskKindText(u"reading"_s), u"suggested by the wording as a whole"_s);
        QCOMPARE(model::riskKindText(u"something-new"_s), u"something-new"_s);
    }

    void documentedAssessment_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("level"); // empty: none documented
        QTest::newRow("line") << u"Plan"_s << u"Next week.\nRisk assessment: moderate - safety plan updated, GP informed"_s << u"moderate"_s;
        QTest::newRow("section") << u"Risk assessment"_s << u"High. Crisis team called; client stayed with sister."_s << u"high"_s;
        QTest::newRow("level without an action") << u"Plan"_s << u"Risk assessment: low"_s << QString();
        QTest::newRow("no level") << u"Plan"_s << u"Risk assessment: pending"_s << QString();
        QTest::newRow("none") << u"Note"_s << suicidal << QString();
    }
    void documentedAssessment()
    {
        QFETCH(QString, title);
        QFETCH(QString, text);
        QFETCH(QString, level);
        const auto found = model::documentedAssessment({{title, text}});
        QCOMPARE(found ? model::toString(found->level) : QString(), level);
        if (found)
            QVERIFY(!found->action.isEmpty());
    }

    void signRefusedWithoutAssessment()
    {
        Practice p;
        auto v = p.open(QStringLiteral("alice"));
        const Id id = draft(*v, suicidal, model::Date(2026, 11, 1));
        QCOMPARE(v->risk().unassessed(id).size(), 1);
        QCOMPARE(v->risk().unassessed(id).first().risk, u"suicide"_s);
        try {
            v->notes().sign(id);
            QFAIL("a note showing risk signed without an assessment");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Conflict);
            QVERIFY(e.message().contains(u"suicide"_s));
            QVERIFY(e.message().contains(u"--assessment-to-follow"_s));
            QVERIFY(!e.message().contains(u"killing"_s)); // an error carries no note text
        }
        QVERIFY(v->notes().read(id).status == model::NoteStatus::Draft);
        QVERIFY(v->risk().forClient(client).isEmpty());
        QCOMPARE(auditCount(*v, u"risk-flag"_s), 0);
    }

    void assessmentClosesRisk()
    {
        Practice p;
        auto v = p.open(QStringLiteral("alice"));
        const Id id = draft(*v, suicidal, model::Date(2026, 11, 1));
        v->notes().sign(id, assessed(model::RiskLevel::Low));
        const auto flags = v->risk().forClient(client);
        QCOMPARE(flags.size(), 1);
        QCOMPARE(flags.first().noteId, id);
        QVERIFY(flags.first().present);
        QCOMPARE(flags.first().evidence, u"thoughts of killing"_s);
        QVERIFY(v->risk().openFor(client).isEmpty());
        QCOMPARE(auditCount(*v, u"risk-flag"_s), 1);
        QCOMPARE(auditCount(*v, u"risk-assessment"_s), 1);
        QVERIFY(v->notes().verifySignature(id));
    }

    void assessmentDocumentedInTheNote()
    {
        Practice p;
        auto v = p.open(QStringLiteral("alice"));
        const Id id = draft(*v, suicidal + u"\nRisk assessment: moderate, safety plan written with her"_s,
                            model::Date(2026, 11, 1));
        QVERIFY(v->risk().unassessed(id).isEmpty());
        v->notes().sign(id);
        QCOMPARE(v->risk().forClient(client).size(), 1);
        QVERIFY(v->risk().openFor(client).isEmpty());
    }

    void toFollowStaysOpenAndLeadsTheQueue()
    {
        Practice p;
        Id calm = 0;
        Id risky = 0;
        {
            auto v = p.open(QStringLiteral("alice"));
            calm = draft(*v, u"Talked about work; cravings lower."_s, model::Date(2026, 10, 1));
            v->notes().sign(calm);
            risky = draft(*v, suicidal, model::Date(2026, 11, 1));
            v->notes().sign(risky, model::RiskAssessment{model::RiskLevel::ToFollow, {}});
            const auto open = v->risk().openFor(client);
            QCOMPARE(open.size(), 1);
            QCOMPARE(open.first().noteId, risky);
        }
        {
            auto s = p.open(QStringLiteral("sam"));
            const auto queue = s->supervision().queue();
            QCOMPARE(queue.size(), 2);
            QCOMPARE(queue.at(0).noteId, risky); // signed later, first for its open risk
            QVERIFY(queue.at(0).openRisk);
            QCOMPARE(queue.at(1).noteId, calm);
            QVERIFY(!queue.at(1).openRisk);
        }
        {
            // A later note with an assessment closes it, and the queue goes back to its order.
            auto v = p.open(QStringLiteral("alice"));
            const Id later = draft(*v, u"Reviewed last week's thoughts of killing herself."_s, model::Date(2026, 11, 8));
            v->notes().sign(later, assessed(model::RiskLevel::Moderate));
            QVERIFY(v->risk().openFor(client).isEmpty());
        }
        auto s = p.open(QStringLiteral("sam"));
        const auto queue = s->supervision().queue();
        QCOMPARE(queue.first().noteId, calm);
        QVERIFY(std::none_of(queue.begin(), queue.end(), [](const auto &q) { return q.openRisk; }));
    }

    void deniedIsRecorded()
    {
        Practice p;
        auto v = p.open(QStringLiteral("alice"));
        const Id id = draft(*v, u"Denies SI/HI. Mood brighter."_s, model::Date(2026, 11, 1));
        QVERIFY(v->risk().unassessed(id).isEmpty());
        v->notes().sign(id);
        const auto flags = v->risk().forClient(client);
        QVERIFY(!flags.isEmpty());
        QVERIFY(std::none_of(flags.begin(), flags.end(), [](const auto &f) { return f.present; }));
        QCOMPARE(flags.first().rule, u"negative-screen"_s);
        QVERIFY(v->risk().openFor(client).isEmpty());
        QCOMPARE(auditCount(*v, u"risk-flag"_s), flags.size());
    }

    void dismissWithReason()
    {
        Practice p;
        auto v = p.open(QStringLiteral("alice"));
        const Id id = draft(*v, suicidal, model::Date(2026, 11, 1));
        v->notes().sign(id, model::RiskAssessment{model::RiskLevel::ToFollow, {}});
        QVERIFY_THROWS_EXCEPTION(Error, v->risk().dismiss(id, u"  "_s));
        QCOMPARE(v->risk().openFor(client).size(), 1);
        v->risk().dismiss(id, u"quoting a film she watched"_s);
        QVERIFY(v->risk().openFor(client).isEmpty());
        QVERIFY(v->risk().forClient(client).isEmpty());
        QCOMPARE(auditCount(*v, u"risk-dismiss"_s), 1);
        try {
            v->risk().dismiss(id, u"again"_s);
            QFAIL("dismissed twice");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Conflict);
        }
    }

    void measureRaisesRisk()
    {
        Practice p;
        auto v = p.open(QStringLiteral("alice"));
        v->measures().add(client, model::Date(2026, 11, 9), u"phq9"_s, {1, 1, 1, 1, 1, 1, 1, 1, 2});
        v->measures().add(client, model::Date(2026, 11, 9), u"gad7"_s, {3, 3, 3, 3, 3, 3, 3});
        const auto open = v->risk().open();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().noteId, Id(0));
        QVERIFY(open.first().measureId != 0);
        QCOMPARE(open.first().date, model::Date(2026, 11, 9));
        QVERIFY(open.first().evidence.contains(u"item 9"_s));
        v->risk().close(client, model::RiskLevel::Low, u"Discussed; no plan or intent; reviewed safety plan."_s);
        QVERIFY(v->risk().openFor(client).isEmpty());
        QCOMPARE(auditCount(*v, u"risk-close"_s), 1);
        try {
            v->risk().close(client, model::RiskLevel::Low, u"again"_s);
            QFAIL("closed with nothing open");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Conflict);
        }
    }

    void othersDoNotSeeWhatTheyMayNotRead()
    {
        Practice p;
        Id process = 0;
        Id progress = 0;
        {
            auto v = p.open(QStringLiteral("alice"));
            process = draft(*v, suicidal, model::Date(2026, 11, 1), model::NoteKind::Process);
            v->notes().sign(process, model::RiskAssessment{model::RiskLevel::ToFollow, {}});
            QCOMPARE(v->risk().open().size(), 1);
        }
        {
            // A process note is its author's alone: bob sees no risk and cannot close or dismiss it.
            auto b = p.open(QStringLiteral("bob"));
            QVERIFY(b->risk().open().isEmpty());
            QVERIFY(b->risk().forClient(client).isEmpty());
            try {
                b->risk().close(client, model::RiskLevel::Low, u"x"_s);
                QFAIL("bob closed risk he cannot see");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::Conflict);
            }
            try {
                b->risk().dismiss(process, u"x"_s);
                QFAIL("bob dismissed alice's process note's flag");
            } catch (const Error &e) {
                QCOMPARE(e.kind(), ErrorKind::NotAllowed);
            }
        }
        {
            auto v = p.open(QStringLiteral("alice"));
            progress = draft(*v, u"Has been saving her sleeping tablets."_s, model::Date(2026, 11, 2));
            v->notes().sign(progress, model::RiskAssessment{model::RiskLevel::ToFollow, {}});
        }
        // A supervisor sees their own therapists' notes only.
        QCOMPARE(p.open(QStringLiteral("sam"))->risk().open().size(), 1);
        QVERIFY(p.open(QStringLiteral("tom"))->risk().open().isEmpty());
        QCOMPARE(p.open(QStringLiteral("alice"))->risk().open().size(), 2);
    }
};

QTEST_GUILESS_MAIN(RiskRecordTest)
#include "riskrecordtest.moc"
