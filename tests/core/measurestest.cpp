// SPDX-License-Identifier: GPL-3.0-or-later
// Measures can be corrected and deleted without losing what was recorded: the old value stays in
// the vault's measure history, the audit trail records the measure's id and the kind of change
// only, and a second measure of one instrument on one date is refused unless it is confirmed.
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::model::Id;
using uc::vault::Measures;
using uc::vault::Vault;

namespace {

constexpr std::string_view passphrase = "measures and their corrections";

std::unique_ptr<Vault> createVault(const QString &dir)
{
    auto v = Vault::create(dir, u"alice"_s, SecretBuffer::copyOf(passphrase), model::Role::Therapist,
                           vault::KdfCost::testOnly())
                 .vault;
    model::Client c;
    c.code = u"C-1"_s;
    c.displayName = u"Client One"_s;
    v->clients().add(c);
    return v;
}

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

const model::Date monday(2025, 3, 3);

} // namespace

class MeasuresTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void anEditKeepsTheOldValueInTheVault();
    void aDeleteKeepsTheLastValue();
    void aSecondOnTheSameDateIsConfirmed();
    void migrationAddsTheHistory();
};

void MeasuresTest::anEditKeepsTheOldValueInTheVault()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto v = createVault(tmp.filePath(u"vault"_s));
    const Id id = v->measures().add(u"C-1"_s, monday, u"phq9"_s, {3, 3, 3, 3, 3, 3, 3, 3, 1}); // 25, severe
    v->measures().edit(id, {1, 2, 1, 2, 2, 2, 1, 2, 1}); // 14, moderate
    const auto now = v->measures().forClient(u"C-1"_s);
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.first().total, 14);
    QCOMPARE(now.first().band, u"moderate"_s);
    // The patterns read the corrected value.
    QCOMPARE(v->histories().client(u"C-1"_s, false).measures.first().total, 14);
    const auto history = v->measures().history(id);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().change, u"edit"_s);
    QCOMPARE(history.first().was.total, 25);
    QCOMPARE(history.first().was.answers, (QList<int>{3, 3, 3, 3, 3, 3, 3, 3, 1}));
    QCOMPARE(history.first().changedBy, u"alice"_s);
    // A later date correction keeps the edited value too.
    v->measures().edit(id, {1, 2, 1, 2, 2, 2, 1, 2, 1}, model::Date(2025, 3, 4));
    QCOMPARE(v->measures().history(id).size(), 2);
    QCOMPARE(v->measures().find(id).date, model::Date(2025, 3, 4));
    // The audit trail: the measure's id and that it was edited, nothing of its value.
    int edits = 0;
    for (const auto &e : v->auditTrail().entries()) {
        if (e.action == u"edit-measure") {
            QCOMPARE(e.object, u"measure:%1"_s.arg(id));
            QCOMPARE(e.detail, QString());
            ++edits;
        }
    }
    QCOMPARE(edits, 2);
    // Bad answers change nothing.
    QCOMPARE(errorOf([&] { v->measures().edit(id, {1, 2, 3}); }), std::optional(ErrorKind::Io));
    QCOMPARE(v->measures().history(id).size(), 2);
    QCOMPARE(errorOf([&] { v->measures().edit(id + 100, {1, 2, 1, 2, 2, 2, 1, 2, 1}); }), std::optional(ErrorKind::Io));
    // The history is append-only.
    QVERIFY(errorOf([&] { vault::VaultTestAccess::database(*v).exec("DELETE FROM measure_history"); }).has_value());
}

void MeasuresTest::aDeleteKeepsTheLastValue()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto v = createVault(tmp.filePath(u"vault"_s));
    const Id kept = v->measures().add(u"C-1"_s, monday, u"gad7"_s, {1, 1, 1, 1, 1, 1, 1});
    const Id wrong = v->measures().add(u"C-1"_s, model::Date(2025, 3, 10), u"gad7"_s, {3, 3, 3, 3, 3, 3, 3});
    v->measures().remove(wrong);
    const auto now = v->measures().forClient(u"C-1"_s);
    QCOMPARE(now.size(), 1);
    QCOMPARE(now.first().id, kept);
    const auto history = v->measures().history(wrong);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.first().change, u"delete"_s);
    QCOMPARE(history.first().was.total, 21);
    bool recorded = false;
    for (const auto &e : v->auditTrail().entries())
        recorded = recorded || (e.action == u"delete-measure" && e.object == u"measure:%1"_s.arg(wrong) && e.detail.isEmpty());
    QVERIFY(recorded);
    QCOMPARE(errorOf([&] { v->measures().remove(wrong); }), std::optional(ErrorKind::Io));
}

void MeasuresTest::aSecondOnTheSameDateIsConfirmed()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    auto v = createVault(tmp.filePath(u"vault"_s));
    const QList<int> answers{1, 2, 1, 2, 2, 2, 1, 2, 1};
    v->measures().add(u"C-1"_s, monday, u"phq9"_s, answers, Measures::SameDay::Refuse);
    QCOMPARE(errorOf([&] { v->measures().add(u"C-1"_s, monday, u"phq9"_s, answers, Measures::SameDay::Refuse); }),
             std::optional(ErrorKind::Conflict));
    QCOMPARE(v->measures().forClient(u"C-1"_s).size(), 1);
    // Another instrument that day, or the same one another day: no question.
    v->measures().add(u"C-1"_s, monday, u"gad7"_s, {1, 1, 1, 1, 1, 1, 1}, Measures::SameDay::Refuse);
    v->measures().add(u"C-1"_s, model::Date(2025, 3, 10), u"phq9"_s, answers, Measures::SameDay::Refuse);
    // Confirmed: stored beside the first.
    v->measures().add(u"C-1"_s, monday, u"phq9"_s, answers, Measures::SameDay::Allow);
    QCOMPARE(v->measures().forClient(u"C-1"_s).size(), 4);
}

// A vault as a v7 build left it opens with the history table in place and its measures intact.
void MeasuresTest::migrationAddsTheHistory()
{
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString dir = tmp.filePath(u"vault"_s);
    Id id = 0;
    {
        auto v = createVault(dir);
        id = v->measures().add(u"C-1"_s, monday, u"gad7"_s, {1, 1, 1, 1, 1, 1, 1});
        vault::VaultTestAccess::database(*v).exec("DROP TABLE measure_history; DROP TABLE shared_notes; ALTER TABLE theme_hits DROP COLUMN scope; "
            "DROP TABLE risk_flags; DROP TABLE risk_assessments; DROP TABLE safety_plans; DROP TABLE episodes; DROP TABLE objective_progress; DROP TABLE plan_reviews; DROP TABLE treatment_plans; DROP TABLE plan_objectives; DROP TABLE note_fields; ALTER TABLE users DROP COLUMN removed; PRAGMA user_version = 7");
        v->lock();
    }
    auto v = Vault::open(dir, u"alice"_s, SecretBuffer::copyOf(passphrase));
    QCOMPARE(vault::userVersion(vault::VaultTestAccess::database(*v)), vault::schemaVersion);
    QCOMPARE(v->measures().find(id).total, 7);
    v->measures().edit(id, {0, 0, 0, 0, 0, 0, 0});
    QCOMPARE(v->measures().history(id).first().was.total, 7);
}

QTEST_GUILESS_MAIN(MeasuresTest)
#include "measurestest.moc"
