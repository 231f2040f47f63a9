// SPDX-License-Identifier: GPL-3.0-or-later
// Themes in the vault: every save is tagged, a clinician's decisions survive re-tagging and edits,
// manual tags follow their words, and codebook edits are validated before they take effect.
#include "vault/vault.h"

#include <QTemporaryDir>
#include <QTest>

using namespace uc;
using vault::Vault;

namespace {

struct Fixture
{
    QTemporaryDir dir;
    std::unique_ptr<Vault> vault;
    Fixture()
    {
        auto created = Vault::create(dir.filePath(QStringLiteral("v")), QStringLiteral("alice"),
                                     SecretBuffer::copyOf(std::string_view("tags test passphrase")),
                                     model::Role::Therapist, vault::KdfCost::testOnly());
        vault = std::move(created.vault);
        model::Client c;
        c.code = QStringLiteral("C-1");
        c.displayName = QStringLiteral("Tag Client");
        vault->clients().add(c);
    }
    model::Id note(const QString &text)
    {
        model::Session s;
        s.date = model::Date(2025, 3, 1);
        s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
        return vault->notes().addSession(s, QStringLiteral("free"), model::NoteKind::Progress, {{QStringLiteral("Note"), text}})
            .notes.first();
    }
    QList<model::ThemeTag> tags(model::Id id, const QString &theme)
    {
        QList<model::ThemeTag> out;
        for (const auto &t : vault->tagging().tags(id))
            if (t.theme == theme)
                out.append(t);
        return out;
    }
};

} // namespace

class VaultTagsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everySaveIsTagged()
    {
        Fixture f;
        const auto id = f.note(QStringLiteral("She drinks when she feels abandoned."));
        const auto driven = f.tags(id, QStringLiteral("abandonment-driven-use"));
        QCOMPARE(driven.size(), 1);
        QCOMPARE(model::toString(driven.first().decision), QStringLiteral("suggested"));
        QVERIFY(driven.first().counts());
        // Editing the draft re-tags it.
        f.vault->notes().saveDraft(id, {{QStringLiteral("Note"), QStringLiteral("Pt denies cravings.")}});
        QVERIFY(f.tags(id, QStringLiteral("abandonment-driven-use")).isEmpty());
        QVERIFY(f.tags(id, QStringLiteral("craving")).isEmpty()); // negated: not suggested
    }

    void sectionHeadingsAreNotTagged()
    {
        // A template's headings are not what the client said: "Use since last session" and
        // "Cravings" name the section, they do not report use or a craving.
        Fixture f;
        model::Session s;
        s.date = model::Date(2025, 3, 2);
        s.attendees.append({0, QStringLiteral("C-1"), model::Attendance::Attended});
        const QString feelings = QStringLiteral("She felt abandoned \U0001F494 all week.");
        const auto id = f.vault
                            ->notes().addSession(s, QStringLiteral("addiction"), model::NoteKind::Progress,
                                         {{QStringLiteral("Use since last session \U0001F37A"), QStringLiteral("None.")},
                                          {QStringLiteral("Cravings (0-10)"), QStringLiteral("0")},
                                          {QStringLiteral("Triggers"), feelings}})
                            .notes.first();
        QVERIFY(f.tags(id, QStringLiteral("substance-use")).isEmpty());
        QVERIFY(f.tags(id, QStringLiteral("craving")).isEmpty());
        const auto abandonment = f.tags(id, QStringLiteral("abandonment"));
        QCOMPARE(abandonment.size(), 1);
        // Offsets are code points into the note's text, headings (and their emoji) included.
        const QString body = f.vault->notes().read(id).text();
        const QList<uint> points = body.toUcs4();
        QString atOffsets;
        for (int i = abandonment.first().start; i < abandonment.first().end; ++i)
            atOffsets += QString::fromUcs4(reinterpret_cast<const char32_t *>(&points[i]), 1);
        QCOMPARE(atOffsets, abandonment.first().evidence);
    }

    void rejectionSurvivesRetaggingAndEdits()
    {
        Fixture f;
        const auto id = f.note(QStringLiteral("Pt feels worthless. Later she felt anxious at work."));
        const auto worth = f.tags(id, QStringLiteral("low-self-worth"));
        QCOMPARE(worth.size(), 1);
        f.vault->tagging().decide(worth.first().id, model::TagDecision::Rejected);
        const auto anxious = f.tags(id, QStringLiteral("anxiety")).first();
        f.vault->tagging().decide(anxious.id, model::TagDecision::Confirmed);
        f.vault->tagging().retag(id);
        QCOMPARE(f.tags(id, QStringLiteral("low-self-worth")).size(), 1);
        QCOMPARE(model::toString(f.tags(id, QStringLiteral("low-self-worth")).first().decision), QStringLiteral("rejected"));
        QVERIFY(!f.tags(id, QStringLiteral("low-self-worth")).first().counts());
        // Text added before the words moves them; the decisions follow.
        f.vault->notes().saveDraft(id, {{QStringLiteral("Note"),
                                 QStringLiteral("New opening line. Pt feels worthless. Later she felt anxious at work.")}});
        const auto moved = f.tags(id, QStringLiteral("anxiety"));
        QCOMPARE(moved.size(), 1);
        QCOMPARE(model::toString(moved.first().decision), QStringLiteral("confirmed"));
        QCOMPARE(moved.first().decidedBy, QStringLiteral("alice"));
        const QString text = f.vault->notes().read(id).text();
        QCOMPARE(QStringView(text).mid(moved.first().start, moved.first().end - moved.first().start).toString(),
                 QStringLiteral("anxious"));
        // Words removed: the decision has nothing to stand on and goes.
        f.vault->notes().saveDraft(id, {{QStringLiteral("Note"), QStringLiteral("Pt feels worthless.")}});
        QVERIFY(f.tags(id, QStringLiteral("anxiety")).isEmpty());
        QCOMPARE(model::toString(f.tags(id, QStringLiteral("low-self-worth")).first().decision), QStringLiteral("rejected"));
    }

    void manualTagsFollowTheirWords()
    {
        Fixture f;
        const auto id = f.note(QStringLiteral("He keeps testing whether writer will stay."));
        const auto tag = f.vault->tagging().tagSpan(id, QStringLiteral("transference"), 3, 41);
        Q_UNUSED(tag)
        auto manual = f.tags(id, QStringLiteral("transference"));
        QCOMPARE(manual.size(), 1);
        QCOMPARE(model::toString(manual.first().decision), QStringLiteral("manual"));
        QCOMPARE(manual.first().evidence, QStringLiteral("keeps testing whether writer will stay"));
        f.vault->notes().saveDraft(id, {{QStringLiteral("Note"), QStringLiteral("Today: he keeps testing whether writer will stay.")}});
        manual = f.tags(id, QStringLiteral("transference"));
        QCOMPARE(manual.size(), 1);
        QCOMPARE(manual.first().start, 10);
        // A span outside the note, or an unknown theme, is refused.
        QVERIFY_THROWS_EXCEPTION(Error, f.vault->tagging().tagSpan(id, QStringLiteral("transference"), 10, 999));
        QVERIFY_THROWS_EXCEPTION(Error, f.vault->tagging().tagSpan(id, QStringLiteral("no-such-theme"), 0, 4));
    }

    void clientEditsAndDischargeAreKept()
    {
        // (Here because this fixture has a vault at hand.) Every editable field round-trips.
        Fixture f;
        model::Client c = *f.vault->clients().find(QStringLiteral("C-1"));
        c.displayName = QStringLiteral("  Renamed Client ");
        c.intakeDate = model::Date(2024, 2, 29);
        c.setting = model::Setting::Aftercare;
        c.consentTreatment = true;
        c.consentPart2 = true;
        c.consentPart2Date = model::Date(2024, 3, 1);
        c.consentPart2Scope = QStringLiteral("GP practice, care coordination");
        f.vault->clients().update(c);
        const model::Client back = *f.vault->clients().find(QStringLiteral("C-1"));
        QCOMPARE(back.displayName, QStringLiteral("Renamed Client"));
        QVERIFY(back.intakeDate && *back.intakeDate == model::Date(2024, 2, 29));
        QVERIFY(back.setting && *back.setting == model::Setting::Aftercare);
        QVERIFY(back.consentTreatment && back.consentPart2);
        QVERIFY(back.consentPart2Date && *back.consentPart2Date == model::Date(2024, 3, 1));
        QCOMPARE(back.consentPart2Scope, QStringLiteral("GP practice, care coordination"));
        QCOMPARE(model::toString(back.status), QStringLiteral("active"));
        f.vault->clients().discharge(QStringLiteral("C-1"), model::Date(2025, 6, 30));
        QCOMPARE(model::toString(f.vault->clients().find(QStringLiteral("C-1"))->status), QStringLiteral("discharged"));
        // An empty name or an unknown client is refused and changes nothing.
        c.displayName = QStringLiteral("   ");
        QVERIFY_THROWS_EXCEPTION(Error, f.vault->clients().update(c));
        c.displayName = QStringLiteral("Someone");
        c.id = 9999;
        QVERIFY_THROWS_EXCEPTION(Error, f.vault->clients().update(c));
        QCOMPARE(f.vault->clients().find(QStringLiteral("C-1"))->displayName, QStringLiteral("Renamed Client"));
        QVERIFY_THROWS_EXCEPTION(Error, f.vault->clients().discharge(QStringLiteral("C-404"), model::Date(2025, 1, 1)));
    }

    void codebookEditsAreValidatedAndApplied()
    {
        Fixture f;
        try {
            f.vault->tagging().setCodebookEdits("{\"themes\":[{\"id\":\"Bad Id\",\"phrases\":[\"x\"]}]}");
            QFAIL("a malformed edit must be refused");
        } catch (const Error &e) {
            QVERIFY(e.why().contains(QLatin1String("line 1")));
        }
        QVERIFY(f.vault->tagging().codebookEdits().isEmpty());
        f.vault->tagging().setCodebookEdits(R"({"themes":[{"id":"craving","phrases":["gasping for a pint"]}],"disabled":["anger"]})");
        const auto id = f.note(QStringLiteral("He was gasping for a pint and furious with everyone."));
        QCOMPARE(f.tags(id, QStringLiteral("craving")).size(), 1);
        QVERIFY(f.tags(id, QStringLiteral("anger")).isEmpty());
        QVERIFY(f.vault->tagging().codebookEdits().contains("gasping"));
    }
};

QTEST_GUILESS_MAIN(VaultTagsTest)
#include "vaulttagstest.moc"
