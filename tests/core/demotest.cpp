// SPDX-License-Identifier: GPL-3.0-or-later
// The demo practice: a believable two-year caseload in a real vault, the same for the same seed,
// opened with the documented credentials, and with its stories really in the tagged notes and the
// measures — the things a demonstration, a screenshot or a patterns test relies on.
#include "demo/practice.h"
#include "model/measures.h"
#include "model/treatmentplan.h"
#include "patterns/patterns.h"
#include "vault/episodes.h"
#include "vault/risk.h"
#include "vault/treatmentevents.h"
#include "vault/usedays.h"
#include "vault/vault.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>
#include <set>

using namespace uc;
using namespace Qt::StringLiterals;
using model::Attendance;
using vault::Vault;

namespace {

SecretBuffer demoPassphrase()
{
    return SecretBuffer::copyOf(std::string_view(demo::defaultPassphrase));
}

QString demoUser()
{
    return QString::fromLatin1(demo::defaultUser);
}

// One of the client's sessions as the record shows it: its progress note's counted themes.
struct Seen
{
    model::Date date;
    Attendance attendance = Attendance::Attended;
    model::Modality modality = model::Modality::Individual;
    std::optional<model::Setting> setting;
    std::set<QString> themes; // suggestions and confirmations; rejected tags do not count
    [[nodiscard]] bool attended() const { return attendance == Attendance::Attended || attendance == Attendance::Late; }
    [[nodiscard]] bool raises(const QString &theme) const { return themes.contains(theme); }
};

QList<Seen> sessionsOf(Vault &vault, const QString &code)
{
    QList<Seen> out;
    for (const model::Note &note : vault.notes().forClient(code, false)) {
        const model::Session session = vault.notes().session(note.sessionId);
        Seen seen{note.sessionDate, Attendance::Attended, session.modality, session.setting, {}};
        for (const auto &attendee : session.attendees) {
            if (attendee.clientCode == code)
                seen.attendance = attendee.attendance;
        }
        for (const model::ThemeTag &tag : vault.tagging().tags(note.id)) {
            if (tag.counts())
                seen.themes.insert(tag.theme);
        }
        out.append(seen);
    }
    return out;
}

QList<Seen> attendedOnly(const QList<Seen> &all)
{
    QList<Seen> out;
    std::copy_if(all.begin(), all.end(), std::back_inserter(out), [](const Seen &s) { return s.attended(); });
    return out;
}

qsizetype countRaising(const QList<Seen> &sessions, const QString &theme)
{
    return std::count_if(sessions.begin(), sessions.end(), [&](const Seen &s) { return s.raises(theme); });
}

QList<model::Measure> measuresOf(Vault &vault, const QString &code, const QString &instrument)
{
    QList<model::Measure> out;
    for (const model::Measure &m : vault.measures().forClient(code)) {
        if (m.instrument == instrument)
            out.append(m);
    }
    return out;
}

// A client's record reduced to what the seed decides: text, dates, attendance, templates, measures.
QStringList fingerprint(Vault &vault, const QString &code)
{
    QStringList lines;
    for (const model::Note &note : vault.notes().forClient(code, true)) {
        const model::Session session = vault.notes().session(note.sessionId);
        QString attendance;
        for (const auto &attendee : session.attendees) {
            if (attendee.clientCode == code)
                attendance = model::toString(attendee.attendance);
        }
        lines << u"%1 %2 %3 %4 %5 %6\n%7"_s.arg(model::toIso(note.sessionDate), model::toString(session.modality),
                                                attendance, note.templateId, model::toString(note.kind),
                                                model::toString(note.status), note.text());
    }
    for (const model::Measure &m : vault.measures().forClient(code)) {
        QStringList answers;
        for (int a : m.answers)
            answers << QString::number(a);
        lines << u"%1 %2 %3 [%4]"_s.arg(model::toIso(m.date), m.instrument).arg(m.total).arg(answers.join(u','));
    }
    for (const model::TreatmentEvent &e : vault.treatmentEvents().list(code))
        lines << e.summary();
    return lines;
}

// The demo client whose story line mentions a word ("abandonment", "anxiety").
QString clientWhoseStory(const demo::DemoPractice &practice, const QString &word)
{
    for (const demo::DemoClient &c : practice.clients) {
        if (c.story.contains(word, Qt::CaseInsensitive))
            return c.code;
    }
    return {};
}

} // namespace

class DemoTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    demo::DemoPractice m_practice; // seed 7
    std::unique_ptr<Vault> m_vault;
    [[nodiscard]] QString vaultDir(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QElapsedTimer timer;
        timer.start();
        m_practice = demo::createDemoPractice(vaultDir(u"seed7"_s), demoPassphrase(), 7, vault::KdfCost::testOnly());
        qInfo("demo practice created in %lld ms: %d sessions, %d notes, %d measures",
              static_cast<long long>(timer.elapsed()), m_practice.sessions, m_practice.notes, m_practice.measures);
        m_vault = Vault::open(vaultDir(u"seed7"_s), demoUser(), demoPassphrase());
    }

    void onlyTheVaultIsWritten()
    {
        const QStringList entries
            = QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        QCOMPARE(entries, QStringList{u"seed7"_s});
        QVERIFY(QFileInfo::exists(QDir(vaultDir(u"seed7"_s)).filePath(QString::fromLatin1(Vault::databaseName))));
    }

    void theDemoCredentialsOpenTheVault()
    {
        // createDemoPractice locked the vault it made; initTestCase opened it with the demo user
        // and passphrase, and only those open it.
        QCOMPARE(m_practice.user, demoUser());
        QCOMPARE(m_vault->currentUser().name, demoUser());
        QCOMPARE(model::toString(m_vault->currentUser().role), u"therapist"_s);
        QVERIFY(m_vault->backup().verifyIntegrity());
        m_vault.reset();
        try {
            (void)Vault::open(vaultDir(u"seed7"_s), demoUser(),
                              SecretBuffer::copyOf(std::string_view("not the demo one")));
            QFAIL("a wrong passphrase opened the demo vault");
        } catch (const Error &e) {
            QVERIFY(e.kind() == ErrorKind::Auth);
        }
        m_vault = Vault::open(vaultDir(u"seed7"_s), demoUser(), demoPassphrase());
        QVERIFY(m_vault->isOpen());
    }

    void refusesAFolderThatIsNotEmpty()
    {
        const QString dir = vaultDir(u"busy"_s);
        QVERIFY(QDir().mkpath(dir));
        QFile other(QDir(dir).filePath(u"keep.txt"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        QVERIFY_THROWS_EXCEPTION(Error, demo::createDemoPractice(dir, demoPassphrase(), 1, vault::KdfCost::testOnly()));
        QVERIFY(QFileInfo::exists(other.fileName()));
    }

    void aCaseloadOfAtLeastSixClients()
    {
        QVERIFY2(m_practice.clients.size() >= 6, "at least six clients");
        const QList<model::Client> clients = m_vault->clients().list();
        QCOMPARE(clients.size(), m_practice.clients.size());
        static const QRegularExpression codeShape(u"^C-\\d{4}$"_s);
        int part2 = 0;
        for (const model::Client &c : clients) {
            QVERIFY2(codeShape.match(c.code).hasMatch(), qPrintable(c.code));
            QVERIFY(!c.displayName.isEmpty());
            QVERIFY(c.consentTreatment);
            QVERIFY(c.intakeDate.has_value());
            if (c.consentPart2) {
                ++part2;
                QVERIFY2(c.consentPart2Date && !c.consentPart2Scope.isEmpty(), qPrintable(c.code));
            }
        }
        QVERIFY2(part2 >= 5, "42 CFR Part 2 consent for the substance-use clients");
        QVERIFY2(part2 < clients.size(), "the gambling client's record is not a Part 2 record");
        QVERIFY2(std::any_of(clients.begin(), clients.end(),
                             [](const model::Client &c) { return c.status == model::ClientStatus::Discharged; }),
                 "one client has been discharged");
    }

    void twoYearsOfWeeklyAndFortnightlyWork()
    {
        model::Date first(2100, 1, 1);
        model::Date last(1900, 1, 1);
        QSet<QString> modalities;
        QSet<QString> settings;
        QSet<QString> attendances;
        QSet<qint64> individualGaps;
        bool residentialThenAftercare = false;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            const QList<Seen> all = sessionsOf(*m_vault, c.code);
            QVERIFY2(all.size() >= 20, qPrintable(c.code));
            std::optional<model::Date> previousIndividual;
            std::optional<model::Date> lastResidential;
            std::optional<model::Date> firstAftercare;
            for (const Seen &s : all) {
                first = std::min(first, s.date);
                last = std::max(last, s.date);
                modalities.insert(model::toString(s.modality));
                if (s.modality == model::Modality::Individual) {
                    if (previousIndividual)
                        individualGaps.insert((s.date - *previousIndividual).days());
                    previousIndividual = s.date;
                }
                attendances.insert(model::toString(s.attendance));
                if (s.setting) {
                    settings.insert(model::toString(*s.setting));
                    if (*s.setting == model::Setting::Residential)
                        lastResidential = s.date;
                    if (*s.setting == model::Setting::Aftercare && !firstAftercare)
                        firstAftercare = s.date;
                }
            }
            if (lastResidential && firstAftercare && *lastResidential < *firstAftercare)
                residentialThenAftercare = true;
        }
        QVERIFY2(first <= model::Date(2024, 1, 31), qPrintable(model::toIso(first)));
        QVERIFY2(last >= model::Date(2025, 12, 1), qPrintable(model::toIso(last)));
        QVERIFY((last - first).days() >= 700);
        QVERIFY(modalities.contains(u"individual"_s) && modalities.contains(u"group"_s));
        QVERIFY(settings.contains(u"residential"_s) && settings.contains(u"aftercare"_s));
        QVERIFY2(residentialThenAftercare, "a client moves from residential care to aftercare");
        for (const QString &a : {u"late"_s, u"no-show"_s, u"cancelled"_s})
            QVERIFY2(attendances.contains(a), qPrintable(a));
        QVERIFY2(individualGaps.contains(7) && individualGaps.contains(14), "weekly and fortnightly sessions");
    }

    void notesAreWrittenInTheTemplates()
    {
        QSet<QString> used;
        int words = 0;
        int counted = 0;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            for (const model::Note &note : m_vault->notes().forClient(c.code, true)) {
                used.insert(note.templateId);
                const model::Template *t = model::findTemplate(note.templateId);
                QVERIFY2(t, qPrintable(note.templateId));
                QStringList titles;
                for (const model::Section &s : note.sections) {
                    titles << s.title;
                    QVERIFY2(!s.text.trimmed().isEmpty(), qPrintable(c.code + u' ' + s.title));
                    // Every "{m} months sober" is filled in: no template placeholder reaches a note.
                    static const QRegularExpression placeholder(u"\\{[A-Za-z]+\\}"_s);
                    QVERIFY2(!placeholder.match(s.text).hasMatch(),
                             qPrintable(c.code + u' ' + model::toIso(note.sessionDate) + u' ' + s.title));
                }
                QCOMPARE(titles, t->sections);
                const auto n = note.text().split(QRegularExpression(u"\\s+"_s), Qt::SkipEmptyParts).size();
                QVERIFY2(n >= 40 && n <= 260,
                         qPrintable(u"%1 on %2: %3 words"_s.arg(c.code, model::toIso(note.sessionDate)).arg(n)));
                words += static_cast<int>(n);
                ++counted;
            }
        }
        for (const QString &id :
             {u"psychodynamic"_s, u"dap"_s, u"soap"_s, u"birp"_s, u"addiction"_s, u"group"_s, u"process"_s})
            QVERIFY2(used.contains(id), qPrintable(id));
        QVERIFY2(words / counted >= 80, "notes average at least 80 words");
        QCOMPARE(counted, m_practice.notes);
    }

    void groupNotesNameNoOtherMember()
    {
        QHash<QString, QString> names;
        for (const model::Client &c : m_vault->clients().list())
            names.insert(c.code, c.displayName);
        int groups = 0;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            for (const model::Note &note : m_vault->notes().forClient(c.code, false)) {
                const model::Session session = m_vault->notes().session(note.sessionId);
                if (session.modality != model::Modality::Group)
                    continue;
                ++groups;
                QVERIFY(session.attendees.size() >= 2);
                QVERIFY(!session.groupTopic.isEmpty());
                const QString text = note.text();
                for (const auto &other : session.attendees) {
                    if (other.clientCode == c.code)
                        continue;
                    QVERIFY2(!text.contains(other.clientCode), qPrintable(c.code));
                    for (const QString &part : names.value(other.clientCode).split(u' '))
                        QVERIFY2(!text.contains(part), qPrintable(c.code + u" names " + part));
                }
            }
        }
        QVERIFY(groups >= 20);
    }

    void mostNotesAreSignedAndTheLatestAreDrafts()
    {
        int signedNotes = 0;
        int all = 0;
        int addenda = 0;
        int process = 0;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            const QList<model::Note> notes = m_vault->notes().forClient(c.code, true);
            QVERIFY(!notes.isEmpty());
            QCOMPARE(model::toString(notes.last().status), u"draft"_s);
            for (const model::Note &note : notes) {
                ++all;
                if (note.status == model::NoteStatus::Signed) {
                    ++signedNotes;
                    QVERIFY(m_vault->notes().verifySignature(note.id));
                    addenda += static_cast<int>(m_vault->notes().addenda(note.id).size());
                }
                if (note.kind == model::NoteKind::Process)
                    ++process;
            }
        }
        QVERIFY2(signedNotes >= all * 9 / 10, qPrintable(u"%1 of %2 signed"_s.arg(signedNotes).arg(all)));
        QVERIFY(signedNotes < all);
        QVERIFY(addenda >= 1 && addenda <= 3);
        QVERIFY2(process >= 2, "a few private process notes");
    }

    void theSameSeedGivesTheSamePractice()
    {
        const demo::DemoPractice again
            = demo::createDemoPractice(vaultDir(u"seed7b"_s), demoPassphrase(), 7, vault::KdfCost::testOnly());
        const demo::DemoPractice other
            = demo::createDemoPractice(vaultDir(u"seed8"_s), demoPassphrase(), 8, vault::KdfCost::testOnly());
        QCOMPARE(again.sessions, m_practice.sessions);
        QCOMPARE(again.notes, m_practice.notes);
        QCOMPARE(again.measures, m_practice.measures);
        QCOMPARE(again.events, m_practice.events);
        auto twin = Vault::open(vaultDir(u"seed7b"_s), demoUser(), demoPassphrase());
        QCOMPARE(other.clients.size(), m_practice.clients.size());
        int differing = 0;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            const QStringList mine = fingerprint(*m_vault, c.code);
            QCOMPARE(fingerprint(*twin, c.code), mine);
            QVERIFY(!mine.isEmpty());
        }
        twin.reset();
        auto different = Vault::open(vaultDir(u"seed8"_s), demoUser(), demoPassphrase());
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            QVERIFY(different->clients().find(c.code).has_value()); // the same caseload, told differently
            if (fingerprint(*different, c.code) != fingerprint(*m_vault, c.code))
                ++differing;
        }
        QCOMPARE(differing, static_cast<int>(m_practice.clients.size()));
    }

    void abandonmentComesBeforeEachRelapse()
    {
        const QString code = clientWhoseStory(m_practice, u"abandonment"_s);
        QVERIFY(!code.isEmpty());
        const QList<Seen> sessions = attendedOnly(sessionsOf(*m_vault, code));
        int raised = 0;
        int followed = 0;
        int otherFollowed = 0;
        int others = 0;
        for (qsizetype i = 0; i + 1 < sessions.size(); ++i) {
            const bool relapseNext = sessions[i + 1].raises(u"relapse"_s);
            if (sessions[i].raises(u"abandonment"_s)) {
                ++raised;
                followed += relapseNext ? 1 : 0;
            } else {
                ++others;
                otherFollowed += relapseNext ? 1 : 0;
            }
        }
        QVERIFY2(raised >= 8, qPrintable(QString::number(raised)));
        // Most abandonment sessions are followed by a relapse; other sessions rarely are.
        QVERIFY2(followed * 4 >= raised * 3, qPrintable(u"%1 of %2"_s.arg(followed).arg(raised)));
        QVERIFY2(otherFollowed * 10 <= others, qPrintable(u"%1 of %2"_s.arg(otherFollowed).arg(others)));
        QVERIFY(countRaising(sessions, u"relapse"_s) >= 8);
        QVERIFY(countRaising(sessions, u"abandonment-driven-use"_s) >= 4);
        QVERIFY(countRaising(sessions, u"substance-use"_s) >= 8);

        // Depression and drinking measures climb around the relapses and settle between them.
        const QList<model::Measure> auditc = measuresOf(*m_vault, code, u"auditc"_s);
        QVERIFY(auditc.size() >= 10);
        int high = 0;
        for (const model::Measure &m : auditc) {
            if (m.total < 8)
                continue;
            ++high;
            const auto at
                = std::find_if(sessions.begin(), sessions.end(), [&](const Seen &s) { return s.date == m.date; });
            QVERIFY(at != sessions.end());
            QVERIFY2(at->raises(u"relapse"_s) || at == sessions.begin(), qPrintable(model::toIso(m.date)));
        }
        QVERIFY(high >= 4);
        QVERIFY(std::any_of(auditc.begin(), auditc.end(), [](const model::Measure &m) { return m.total <= 2; }));
        const QList<model::Measure> phq9 = measuresOf(*m_vault, code, u"phq9"_s);
        QVERIFY(std::any_of(phq9.begin(), phq9.end(), [](const model::Measure &m) { return m.total >= 15; }));
        QVERIFY(std::any_of(phq9.begin(), phq9.end(), [](const model::Measure &m) { return m.total <= 7; }));
    }

    void anxiousUseFadesAsCopingGrows()
    {
        const QString code = clientWhoseStory(m_practice, u"anxiety"_s);
        QVERIFY(!code.isEmpty());
        const QList<Seen> sessions = attendedOnly(sessionsOf(*m_vault, code));
        const qsizetype third = sessions.size() / 3;
        QVERIFY(third >= 15);
        const QList<Seen> early = sessions.mid(0, third);
        const QList<Seen> late = sessions.mid(sessions.size() - third);
        const auto drivenEarly = countRaising(early, u"anxiety-driven-use"_s);
        const auto drivenLate = countRaising(late, u"anxiety-driven-use"_s);
        QVERIFY2(drivenEarly >= third / 2, qPrintable(QString::number(drivenEarly)));
        QVERIFY2(drivenLate == 0, qPrintable(QString::number(drivenLate)));
        const auto copingEarly = countRaising(early, u"coping"_s);
        const auto copingLate = countRaising(late, u"coping"_s);
        QVERIFY2(copingLate > 2 * copingEarly && copingLate >= third / 2,
                 qPrintable(u"%1 then %2"_s.arg(copingEarly).arg(copingLate)));
        QVERIFY(countRaising(early, u"craving"_s) > countRaising(late, u"craving"_s));
        QVERIFY(countRaising(late, u"recovery-support"_s) > countRaising(early, u"recovery-support"_s));

        const QList<model::Measure> gad7 = measuresOf(*m_vault, code, u"gad7"_s);
        QVERIFY(gad7.size() >= 8);
        QVERIFY2(gad7.first().total >= 14 && gad7.last().total <= 7,
                 qPrintable(u"GAD-7 %1 then %2"_s.arg(gad7.first().total).arg(gad7.last().total)));
    }

    void theOtherStoriesAreThereToo()
    {
        // Each remaining client's notes raise the themes their story is about.
        const QList<std::pair<QString, QStringList>> expected = {
            {u"grief"_s, {u"grief-loss"_s, u"substance-use"_s, u"depression"_s, u"loneliness"_s}},
            {u"alcoholic father"_s, {u"family-substance-use"_s, u"childhood"_s, u"shame-guilt"_s}},
            {u"gambling"_s, {u"behavioural-addiction"_s, u"shame-guilt"_s, u"recovery-support"_s}},
            {u"stable aftercare"_s, {u"recovery-support"_s, u"coping"_s}},
            {u"anger"_s, {u"anger"_s, u"substance-use"_s, u"coping"_s}},
        };
        for (const auto &[word, themes] : expected) {
            const QString code = clientWhoseStory(m_practice, word);
            QVERIFY2(!code.isEmpty(), qPrintable(word));
            const QList<Seen> sessions = attendedOnly(sessionsOf(*m_vault, code));
            for (const QString &theme : themes)
                QVERIFY2(countRaising(sessions, theme) >= 3, qPrintable(code + u' ' + theme));
        }
        // The grief story's lapse at the anniversary of the death.
        const QList<Seen> grieving = attendedOnly(sessionsOf(*m_vault, clientWhoseStory(m_practice, u"grief"_s)));
        QVERIFY(std::any_of(grieving.begin(), grieving.end(), [](const Seen &s) {
            return s.raises(u"relapse"_s) && s.raises(u"grief-loss"_s) && s.date.month() == 11;
        }));
    }

    void measuresComeEveryFewWeeks()
    {
        QSet<QString> instruments;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            for (const model::Measure &m : m_vault->measures().forClient(c.code))
                instruments.insert(m.instrument);
        }
        QCOMPARE(instruments, (QSet<QString>{u"phq9"_s, u"gad7"_s, u"audit"_s, u"auditc"_s}));
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            const QList<model::Measure> phq9 = measuresOf(*m_vault, c.code, u"phq9"_s);
            QVERIFY2(phq9.size() >= 4, qPrintable(c.code));
            QList<qint64> gaps;
            for (qsizetype i = 1; i < phq9.size(); ++i)
                gaps.append((phq9[i].date - phq9[i - 1].date).days());
            std::sort(gaps.begin(), gaps.end());
            const qint64 median = gaps[gaps.size() / 2];
            QVERIFY2(median >= 21 && median <= 49, qPrintable(u"%1: median %2 days"_s.arg(c.code).arg(median)));
            for (const model::Measure &m : phq9)
                QCOMPARE(model::score(m.instrument, m.answers).total, m.total);
        }
    }

    void everyClientHasAPlanRatedAndReviewed()
    {
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            const auto client = m_vault->clients().find(c.code);
            QVERIFY(client && client->intakeDate);
            const QList<model::TreatmentPlan> versions = m_vault->plans().history(c.code);
            QVERIFY2(!versions.isEmpty(), qPrintable(c.code));
            QCOMPARE(versions.first().effective, *client->intakeDate); // agreed at intake
            QVERIFY(versions.first().agreedHow.has_value());
            for (const model::TreatmentPlan &version : versions) {
                QCOMPARE(m_vault->plans().check(version), QString()); // signed by the demo therapist
                for (const model::PlanObjective &o : version.objectives())
                    QVERIFY2(o.targetDate && *o.targetDate > version.effective, qPrintable(o.id));
            }
            // Rated on progress notes over the work, not in one sitting, and reviewed when due.
            const QList<model::ObjectiveProgress> progress = m_vault->plans().progress(c.code);
            std::set<model::Date> days;
            for (const model::ObjectiveProgress &p : progress)
                days.insert(p.sessionDate);
            QVERIFY2(days.size() >= 5, qPrintable(u"%1: rated on %2 days"_s.arg(c.code).arg(days.size())));
            const QList<model::PlanReview> reviews = m_vault->plans().reviews(c.code);
            QVERIFY2(!reviews.isEmpty(), qPrintable(c.code));
            for (const model::PlanReview &r : reviews)
                QVERIFY(r.date >= versions.first().nextReview);
        }
        // The abandonment story's plan was revised after her relapse: a new objective, the old ones kept.
        const QString orla = clientWhoseStory(m_practice, u"abandonment"_s);
        const QList<model::TreatmentPlan> versions = m_vault->plans().history(orla);
        QCOMPARE(versions.size(), 2);
        QCOMPARE(versions[1].objectives().size(), versions[0].objectives().size() + 1);
        for (const model::PlanObjective &o : versions[0].objectives())
            QVERIFY(versions[1].objective(o.id).has_value());
        // The relapse shows in the ratings: some objective was rated worse.
        const QList<model::ObjectiveProgress> progress = m_vault->plans().progress(orla);
        QVERIFY(std::any_of(progress.begin(), progress.end(),
                            [](const model::ObjectiveProgress &p) { return p.rating == model::ProgressRating::Worse; }));
    }

    // The course of care (docs/patterns.md, "Episodes of care"), for the Patterns screen to shade:
    // every session of every client falls in one of their episodes, some clients step down from
    // residential to aftercare, and a discharged client's last episode ends on discharge.
    void everySessionFallsInAnEpisodeOfCare()
    {
        int stepDowns = 0;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            const QList<model::Episode> course = m_vault->episodes().list(c.code);
            QVERIFY2(!course.isEmpty(), qPrintable(c.code));
            for (const Seen &seen : sessionsOf(*m_vault, c.code)) {
                const auto holding = std::count_if(course.begin(), course.end(),
                                                   [&](const model::Episode &e) { return e.holds(seen.date); });
                QVERIFY2(holding == 1, qPrintable(u"%1 on %2"_s.arg(c.code, model::toIso(seen.date))));
            }
            for (qsizetype i = 1; i < course.size(); ++i) {
                if (course[i - 1].level == u"residential" && course[i].level == u"aftercare")
                    ++stepDowns;
            }
            const auto client = m_vault->clients().find(c.code);
            if (client && client->status == model::ClientStatus::Discharged)
                QVERIFY2(course.last().end.has_value(), qPrintable(c.code));
            else
                QVERIFY2(!course.last().end, qPrintable(c.code));
        }
        QVERIFY(stepDowns >= 2);
    }

    // Other treatment (docs/treatment-events.md): every client has a course of it, each event
    // inside one of their episodes of care; meetings through aftercare, medication where it fits
    // (a start and a dose change), screens mostly negative with a positive at a relapse.
    void everyClientHasACourseOfOtherTreatment()
    {
        int all = 0;
        int positive = 0;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            const QList<model::TreatmentEvent> events = m_vault->treatmentEvents().list(c.code);
            QVERIFY2(events.size() >= 5, qPrintable(c.code));
            const QList<model::Episode> course = m_vault->episodes().list(c.code);
            const QList<Seen> sessions = sessionsOf(*m_vault, c.code);
            const auto [earliest, latest] = std::minmax_element(
                sessions.begin(), sessions.end(), [](const Seen &a, const Seen &b) { return a.date < b.date; });
            for (const model::TreatmentEvent &e : events) {
                QVERIFY2(!model::treatmentEventProblem(e), qPrintable(e.summary()));
                const auto holding = std::count_if(course.begin(), course.end(),
                                                   [&](const model::Episode &ep) { return ep.holds(e.date); });
                QVERIFY2(holding == 1, qPrintable(u"%1: %2"_s.arg(c.code, e.summary())));
                QVERIFY2(e.date >= earliest->date && e.date <= latest->date, qPrintable(e.summary()));
                positive += e.result == u"positive" ? 1 : 0;
                all += e.kind == u"drug-screen" ? 1 : 0;
            }
            const auto client = m_vault->clients().find(c.code);
            const bool screened = std::any_of(events.begin(), events.end(), [](const auto &e) { return e.kind == u"drug-screen"; });
            QCOMPARE(screened, client->consentPart2); // screens for the clients who use substances only
            QVERIFY2(std::any_of(events.begin(), events.end(), [](const auto &e) { return e.kind == u"mutual-help" || e.kind == u"group"; }),
                     qPrintable(c.code));
        }
        QVERIFY2(positive >= 2 && positive * 6 < all, qPrintable(u"%1 of %2 screens positive"_s.arg(positive).arg(all)));

        // The abandonment story: naltrexone started, AA through aftercare, and the one positive
        // alcohol screen on the day of a relapse session, whose note names the relapse.
        const QString orla = clientWhoseStory(m_practice, u"abandonment"_s);
        const QList<model::TreatmentEvent> hers = m_vault->treatmentEvents().list(orla);
        QVERIFY(std::any_of(hers.begin(), hers.end(), [](const auto &e) {
            return e.medication == u"naltrexone" && e.change == u"start" && e.dose == 50.0;
        }));
        QVERIFY(std::count_if(hers.begin(), hers.end(), [](const auto &e) { return e.program == u"aa"; }) >= 40);
        QList<model::Date> positives;
        for (const auto &e : hers) {
            if (e.result == u"positive")
                positives.append(e.date);
        }
        QCOMPARE(positives.size(), 1);
        const QList<Seen> sessions = sessionsOf(*m_vault, orla);
        QVERIFY(std::any_of(sessions.begin(), sessions.end(), [&](const Seen &s) {
            return s.date == positives.first() && s.raises(u"relapse"_s);
        }));
        // A dose change somewhere in the practice, after its start.
        bool doseChange = false;
        for (const demo::DemoClient &c : std::as_const(m_practice.clients)) {
            std::optional<model::Date> started;
            for (const auto &e : m_vault->treatmentEvents().list(c.code)) {
                if (e.kind == u"mat" && e.change == u"start")
                    started = e.date;
                if (e.kind == u"mat" && e.change == u"dose-change") {
                    QVERIFY2(started && *started < e.date, qPrintable(e.summary()));
                    doseChange = true;
                }
            }
        }
        QVERIFY(doseChange);
        QCOMPARE(m_practice.events, [&] {
            int n = 0;
            for (const demo::DemoClient &c : std::as_const(m_practice.clients))
                n += static_cast<int>(m_vault->treatmentEvents().list(c.code).size());
            return n;
        }());
    }

    // The opioid client: buprenorphine started in detox and raised at the lapse; opioids on the
    // admission screen and again at the lapse, whose note names fentanyl; a step-down from
    // residential to outpatient care; Narcotics Anonymous; cravings, relapse and shame in the notes;
    // the overdose risk assessed in the notes that raise it; and use days recorded around the lapse,
    // the rest read from his signed notes' days abstinent (docs/use-days.md), in agreement.
    void anOpioidClientOnBuprenorphine()
    {
        const QString code = clientWhoseStory(m_practice, u"buprenorphine"_s);
        QVERIFY(!code.isEmpty());
        const QList<model::TreatmentEvent> events = m_vault->treatmentEvents().list(code);
        const auto started = std::find_if(events.begin(), events.end(), [](const auto &e) {
            return e.medication == u"buprenorphine" && e.change == u"start" && e.dose == 16.0;
        });
        const auto raised = std::find_if(events.begin(), events.end(), [](const auto &e) {
            return e.medication == u"buprenorphine" && e.change == u"dose-change" && e.dose == 20.0;
        });
        QVERIFY(started != events.end() && raised != events.end());
        QVERIFY(started->date < raised->date);
        const model::Date lapse = raised->date;
        QList<model::Date> positives;
        for (const auto &e : events) {
            if (e.kind == u"drug-screen" && e.result == u"positive") {
                QCOMPARE(e.substance, u"opioids"_s);
                positives.append(e.date);
            }
        }
        QCOMPARE(positives.size(), 2); // admission and the lapse
        QVERIFY(positives.last() == lapse);
        QVERIFY(std::count_if(events.begin(), events.end(), [](const auto &e) { return e.program == u"na"; }) >= 20);

        const QList<model::Episode> course = m_vault->episodes().list(code);
        QCOMPARE(course.size(), 2);
        QCOMPARE(course.first().level, u"residential"_s);
        QCOMPARE(course.last().level, u"outpatient"_s);
        QVERIFY(course.first().end && *course.first().end < course.last().start);
        QVERIFY(course.last().start < lapse); // the lapse comes after the step-down

        const QList<Seen> sessions = attendedOnly(sessionsOf(*m_vault, code));
        for (const QString &theme : {u"craving"_s, u"shame-guilt"_s, u"substance-use"_s})
            QVERIFY2(countRaising(sessions, theme) >= 3, qPrintable(theme));
        QVERIFY(std::any_of(sessions.begin(), sessions.end(), [&](const Seen &s) { return s.date == lapse && s.raises(u"relapse"_s); }));
        int assessed = 0;
        for (const model::Note &note : m_vault->notes().forClient(code, false)) {
            if (note.status == model::NoteStatus::Draft)
                continue;
            QVERIFY2(m_vault->risk().unassessed(note.id).isEmpty(), qPrintable(model::toIso(note.sessionDate)));
            if (note.text().contains(u"Risk assessment: moderate"_s) && note.text().contains(u"Overdose risk assessed"_s))
                ++assessed;
            if (note.sessionDate == lapse)
                QVERIFY(note.text().contains(u"fentanyl"_s));
        }
        QCOMPARE(assessed, 2); // at intake and at the lapse
        QVERIFY(m_vault->risk().openFor(code).isEmpty());

        // Use days: 28 recorded before the lapse session, the Saturday of the lapse used; every
        // other day known from a signed note, none contradicting another or a recorded day.
        const QList<model::UseDay> days = m_vault->useDays().list(code, u"opioids"_s);
        const auto recorded = std::count_if(days.begin(), days.end(), [](const model::UseDay &d) { return !d.implied(); });
        QCOMPARE(recorded, 28);
        QVERIFY(days.size() > 100);
        for (const model::UseDay &d : days) {
            QVERIFY2(d.contradicts.isEmpty(), qPrintable(model::toIso(d.date)));
            const bool lapseDay = d.date == lapse - boost::gregorian::days(3);
            const bool intakeDay = d.date == course.first().start - boost::gregorian::days(2);
            QCOMPARE(d.used, lapseDay || intakeDay);
            if (lapseDay)
                QVERIFY(!d.implied());
        }
        QVERIFY(m_vault->useDays().list(code, u"any"_s).isEmpty()); // every note names the substance
    }

    void patternsFindTheStories()
    {
        patterns::Query query;
        query.by = patterns::Bucketing::Session;

        const QString abandoned = clientWhoseStory(m_practice, u"abandonment"_s);
        const patterns::Report first = patterns::analyse(m_vault->histories().client(abandoned), query);
        const auto lead = std::find_if(first.leadLag.begin(), first.leadLag.end(), [](const patterns::LeadLag &l) {
            return l.theme == u"abandonment" && l.followedBy == u"relapse";
        });
        QVERIFY(lead != first.leadLag.end());
        const double rate = static_cast<double>(lead->count) / lead->of;
        QVERIFY2(rate >= 0.75 && lead->baseRate <= 0.25,
                 qPrintable(u"%1/%2 against a base rate of %3"_s.arg(lead->count).arg(lead->of).arg(lead->baseRate)));

        const QString anxious = clientWhoseStory(m_practice, u"anxiety"_s);
        const patterns::Report second = patterns::analyse(m_vault->histories().client(anxious), query);
        QVERIFY(second.summary.count(u"anxiety-driven-use"_s) == 1 && second.summary.count(u"coping"_s) == 1);
        QCOMPARE(patterns::toString(second.summary.at(u"anxiety-driven-use"_s).trend), u"falling"_s);
        QCOMPARE(patterns::toString(second.summary.at(u"coping"_s).trend), u"rising"_s);
    }

    void caseloadAndClientViewsAgree()
    {
        // The caseload reads each note's counted themes (note_theme_counts), kept in step on every
        // save and decision; one client's view reads the hits themselves. Both must say the same,
        // also after a rejection, a manual tag and a re-tag.
        const QString anxious = clientWhoseStory(m_practice, u"anxiety"_s);
        const QList<model::Note> notes = m_vault->notes().forClient(anxious, false);
        QVERIFY(notes.size() > 3);
        const auto tags = m_vault->tagging().tags(notes.at(0).id);
        QVERIFY(!tags.isEmpty());
        m_vault->tagging().decide(tags.first().id, model::TagDecision::Rejected);
        m_vault->tagging().tagSpan(notes.at(1).id, u"grief-loss"_s, 0, 3);
        m_vault->tagging().retag(notes.at(2).id);

        const auto themesBySession = [](const patterns::ClientHistory &c) {
            std::map<model::Id, std::map<QString, int>> out;
            for (const auto &s : c.sessions)
                out[s.sessionId] = s.themes;
            return out;
        };
        const QList<patterns::ClientHistory> caseload = m_vault->histories().caseload().perClient();
        QCOMPARE(caseload.size(), m_practice.clients.size());
        int compared = 0;
        for (const patterns::ClientHistory &fromCaseload : caseload) {
            const patterns::ClientHistory own = m_vault->histories().client(fromCaseload.clientCode);
            QCOMPARE(fromCaseload.sessions.size(), own.sessions.size());
            QVERIFY(themesBySession(fromCaseload) == themesBySession(own));
            compared += static_cast<int>(own.sessions.size());
        }
        QVERIFY(compared >= m_practice.sessions);

        // The chart's fast path gives the same report as the general one.
        patterns::Query monthly;
        monthly.by = patterns::Bucketing::Month;
        QCOMPARE(patterns::toJson(patterns::analyseCaseload(m_vault->histories().caseload(), monthly), u"caseload"_s, u"all"_s),
                 patterns::toJson(patterns::analyseCaseload(caseload, monthly), u"caseload"_s, u"all"_s));
    }
};

QTEST_GUILESS_MAIN(DemoTest)
#include "demotest.moc"
