// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/agreement.h"

#include "themes/codebook.h"
#include "vault/access.h"
#include "vault/state.h"
#include "vault/vault.h"

#include <sodium.h>

#include <QSet>

namespace uc::vault {

using model::Id;

AgreementSample Agreement::start(const QString &therapist, int sampleSize)
{
    m_state.require(model::Action::AgreementCheck);
    const QString what = QStringLiteral("agreement check");
    if (sampleSize < 1 || sampleSize > 200)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a sample of 1 to 200 notes"));
    const auto [therapistId, role] = userByName(m_state.db, therapist, what, QStringLiteral("therapist"));
    if (role != model::Role::Therapist || !m_state.supervises(therapistId))
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("the therapist is not assigned to this supervisor"));
    QList<Id> signedNotes;
    auto find = m_state.db.prepare("SELECT id FROM notes WHERE author_id = ? AND kind = 'progress' "
                                   "AND status <> 'draft' ORDER BY id");
    find.bind(1, therapistId);
    while (find.step())
        signedNotes.append(find.int64(0));
    if (signedNotes.isEmpty())
        throw Error(ErrorKind::Usage, what, QStringLiteral("the therapist has no signed notes to sample"));
    // A partial Fisher-Yates shuffle with libsodium's unbiased generator: the therapist cannot
    // know which notes will be drawn.
    const int n = std::min<int>(sampleSize, static_cast<int>(signedNotes.size()));
    for (int i = 0; i < n; ++i) {
        const auto j = i + static_cast<int>(randombytes_uniform(static_cast<uint32_t>(signedNotes.size() - i)));
        signedNotes.swapItemsAt(i, j);
    }
    AgreementSample sample;
    sample.therapist = therapist;
    sample.notes = signedNotes.mid(0, n);
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("INSERT INTO agreement_checks(supervisor_id, therapist_id, created) VALUES (?, ?, ?)")
        .bind(1, m_state.user.id)
        .bind(2, therapistId)
        .bind(3, now())
        .run();
    sample.check = m_state.db.lastInsertId();
    auto add = m_state.db.prepare("INSERT INTO agreement_ratings(check_id, note_id, position) VALUES (?, ?, ?)");
    for (qsizetype i = 0; i < sample.notes.size(); ++i) {
        add.bind(1, sample.check).bind(2, sample.notes.at(i)).bind(3, static_cast<std::int64_t>(i)).run();
        add.reset();
    }
    m_state.audit(QStringLiteral("start-agreement-check"), QStringLiteral("agreement:%1").arg(sample.check),
                  QStringLiteral("user:%1, %2 notes").arg(therapistId).arg(n));
    tx.commit();
    return sample;
}

namespace {

// The sampled notes of a check in rating order, and those rated.
void readRatings(sql::Database &db, AgreementSample &sample)
{
    auto rows = db.prepare("SELECT note_id, themes IS NOT NULL FROM agreement_ratings WHERE check_id = ? "
                           "ORDER BY position");
    rows.bind(1, sample.check);
    while (rows.step()) {
        sample.notes.append(rows.int64(0));
        if (rows.int64(1) != 0)
            sample.rated.append(rows.int64(0));
    }
}

} // namespace

AgreementSample Agreement::sample(Id check)
{
    m_state.require(model::Action::AgreementCheck);
    auto head = m_state.db.prepare("SELECT t.name FROM agreement_checks k JOIN users t ON t.id = k.therapist_id "
                                   "WHERE k.id = ? AND k.supervisor_id = ?");
    head.bind(1, check).bind(2, m_state.user.id);
    if (!head.step())
        throw Error(ErrorKind::Usage, QStringLiteral("agreement check"),
                    QStringLiteral("no agreement check of yours with that id"));
    AgreementSample sample;
    sample.check = check;
    sample.therapist = head.text(0);
    readRatings(m_state.db, sample);
    return sample;
}

void Agreement::rate(Id check, Id noteId, const QStringList &themes)
{
    const QString what = QStringLiteral("agreement rate");
    const AgreementSample sampled = sample(check);
    if (!sampled.notes.contains(noteId))
        throw Error(ErrorKind::Usage, what, QStringLiteral("the note is not in that agreement check"));
    if (sampled.rated.contains(noteId))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is already rated in that check"));
    QStringList clean;
    for (const QString &t : themes) {
        const QString id = t.trimmed();
        if (id.isEmpty())
            continue;
        if (!m_vault.tagging().codebook().find(id))
            throw Error(ErrorKind::Usage, what, QStringLiteral("the codebook has no theme \"%1\"").arg(id));
        if (!clean.contains(id))
            clean.append(id);
    }
    clean.sort();
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("UPDATE agreement_ratings SET themes = ?, rated_at = ? WHERE check_id = ? AND note_id = ?")
        .bind(1, clean.join(u' '))
        .bind(2, now())
        .bind(3, check)
        .bind(4, noteId)
        .run();
    m_state.audit(QStringLiteral("rate-blind"), QStringLiteral("note:%1").arg(noteId),
                  QStringLiteral("agreement:%1").arg(check));
    tx.commit();
}

AgreementReport Agreement::report(Id check)
{
    const AgreementReport report = figures(sample(check), m_state.user.name);
    m_state.recordEvent(QStringLiteral("view-agreement"), QStringLiteral("agreement:%1").arg(check),
                        QStringLiteral("%1 notes rated").arg(report.rated));
    return report;
}

std::optional<AgreementReport> Agreement::latestReport(const QString &therapist)
{
    const Id therapistId = requireSupervisionReport(m_state, therapist);
    auto stmt = m_state.db.prepare("SELECT k.id, s.name FROM agreement_checks k JOIN users s ON s.id = k.supervisor_id "
                                   "WHERE k.therapist_id = ? ORDER BY k.id DESC LIMIT 1");
    stmt.bind(1, therapistId);
    if (!stmt.step())
        return std::nullopt;
    AgreementSample sample;
    sample.check = stmt.int64(0);
    sample.therapist = therapist;
    const QString supervisor = stmt.text(1);
    readRatings(m_state.db, sample);
    return figures(sample, supervisor);
}

AgreementReport Agreement::figures(const AgreementSample &sample, const QString &supervisor)
{
    const Id check = sample.check;
    AgreementReport report;
    report.check = check;
    report.therapist = sample.therapist;
    report.supervisor = supervisor;
    report.sampled = static_cast<int>(sample.notes.size());
    report.rated = static_cast<int>(sample.rated.size());

    // Per rated note: the supervisor's blind themes; the therapist's (what they let stand: the
    // tagger's suggestions not rejected, and their own tags); the tagger's (all it suggested).
    QList<QSet<QString>> bySupervisor, byTherapist, byTagger;
    auto rating = m_state.db.prepare("SELECT themes FROM agreement_ratings WHERE check_id = ? AND note_id = ?");
    auto hits = m_state.db.prepare("SELECT theme, decision, rule FROM theme_hits WHERE note_id = ?");
    QSet<QString> seen;
    for (Id note : sample.rated) {
        rating.bind(1, check).bind(2, note);
        rating.step();
        const QStringList rated = rating.text(0).split(u' ', Qt::SkipEmptyParts);
        rating.reset();
        QSet<QString> bySupervisorNow(rated.begin(), rated.end());
        QSet<QString> therapist;
        QSet<QString> tagger;
        hits.bind(1, note);
        while (hits.step()) {
            const QString theme = hits.text(0);
            if (hits.text(1) != QLatin1String("rejected"))
                therapist.insert(theme);
            if (hits.text(2) != QLatin1String("manual"))
                tagger.insert(theme);
        }
        hits.reset();
        seen.unite(bySupervisorNow).unite(therapist).unite(tagger);
        bySupervisor.append(bySupervisorNow);
        byTherapist.append(therapist);
        byTagger.append(tagger);
    }
    QList<QString> themeIds;
    for (const auto &theme : m_vault.tagging().codebook().themes())
        if (seen.contains(theme.id))
            themeIds.append(theme.id);
    report.supervisorTherapist = themes::cohensKappa(bySupervisor, byTherapist, themeIds);
    report.supervisorTagger = themes::cohensKappa(bySupervisor, byTagger, themeIds);
    report.therapistTagger = themes::cohensKappa(byTherapist, byTagger, themeIds);
    return report;
}

} // namespace uc::vault
