// SPDX-License-Identifier: GPL-3.0-or-later
#include "supervisiondata.h"

#include "conversions.h"
#include "practicereviews.h"
#include "receivednotes.h"

#include "common/error.h"
#include "themes/codebook.h"
#include "vault/vault.h"

#include <QHash>

#include <algorithm>

namespace uc::gui {

using namespace Qt::StringLiterals;

int daysWaiting(const QString &signedAt, const model::Date &today)
{
    const auto on = model::parseDate(signedAt.left(10));
    if (!on || *on > today)
        return 0;
    return static_cast<int>((today - *on).days());
}

QString kappaText(const std::optional<double> &kappa)
{
    if (!kappa)
        return u"n/a"_s;
    // -0.00 reads as a mistake: a kappa that rounds to zero is shown as 0.00.
    const double shown = std::abs(*kappa) < 0.005 ? 0.0 : *kappa;
    return QString::number(shown, 'f', 2);
}

QueueRow queueRowOf(const model::QueueItem &q, const model::Date &today)
{
    QueueRow row;
    row.noteId = q.noteId;
    row.clientCode = q.clientCode;
    row.sessionDate = model::toIso(q.sessionDate);
    row.therapist = q.therapist;
    row.supervisor = q.supervisor;
    row.mode = model::toString(q.mode);
    row.signedAt = q.signedAt;
    row.daysWaiting = daysWaiting(q.signedAt, today);
    row.returned = q.returned;
    row.comments = q.comments;
    row.openRisk = q.openRisk;
    return row;
}

QList<QueueRow> loadQueue(vault::Vault &vault, const model::Date &today)
{
    QList<QueueRow> rows;
    for (const model::QueueItem &q : vault.supervision().queue())
        rows.append(queueRowOf(q, today));
    return rows;
}

QList<QueueRow> loadQueue(vault::Vault &vault, const model::Date &today, QString &problem)
{
    QList<QueueRow> rows = loadQueue(vault, today);
    // The author's notes a practice supervisor commented on or returned join theirs, open risk first.
    const PracticeReviews reviews = loadPracticeReviews(vault, today, rows);
    rows.append(reviews.rows);
    std::stable_partition(rows.begin(), rows.end(), [](const QueueRow &r) { return r.openRisk; });
    ReceivedQueue received = loadReceivedQueue(vault, today);
    problem = received.problem.isEmpty() ? reviews.problem : received.problem;
    // The local rows keep the vault's order (open risk first); the received ones follow in each part.
    const auto riskyLocal = std::partition_point(rows.begin(), rows.end(), [](const QueueRow &r) { return r.openRisk; });
    const qsizetype split = riskyLocal - rows.begin();
    std::stable_partition(received.rows.begin(), received.rows.end(), [](const QueueRow &r) { return r.openRisk; });
    QList<QueueRow> out;
    out.reserve(rows.size() + received.rows.size());
    out.append(rows.mid(0, split));
    for (const QueueRow &r : std::as_const(received.rows))
        if (r.openRisk)
            out.append(r);
    out.append(rows.mid(split));
    for (const QueueRow &r : std::as_const(received.rows))
        if (!r.openRisk)
            out.append(r);
    return out;
}

ReviewNoteData loadReviewNote(vault::Vault &vault, model::Id noteId)
{
    const model::Note n = vault.notes().read(noteId);
    ReviewNoteData d;
    d.id = n.id;
    d.clientCode = n.clientCode;
    d.date = model::toIso(n.sessionDate);
    d.author = n.author;
    d.templateLabel = model::templateLabel(n.templateId);
    d.status = model::toString(n.status);
    d.text = n.text();
    d.signedAt = n.signedAt;
    d.cosignedBy = n.cosigner(); // "member ID (practice)" for a practice co-signature
    d.cosignedAt = n.cosignedAt;
    try {
        d.tags = loadTags(vault, noteId, d.text);
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::NotAllowed)
            throw;
        d.themesHidden = true; // waiting for the reader's blind rating
    }
    d.addenda = loadAddenda(vault, noteId);
    for (const model::NoteComment &c : vault.supervision().comments(noteId))
        d.comments.append({c.author, c.returned, c.text, c.created,
                           c.signature == model::CommentSignature::Verified   ? u"verified"_s
                           : c.signature == model::CommentSignature::Unsigned ? u"unsigned"_s
                                                                              : u"broken"_s,
                           c.signatureProblem});
    // A practice supervisor's comments and returns, verified at the author's sync (a kept file that
    // does not open is named in the queue, which does not show them either).
    try {
        const QList<CommentRow> practice = practiceCommentsOn(vault, noteId);
        d.practiceReviewed = !practice.isEmpty();
        d.comments.append(practice);
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::Damaged)
            throw;
    }
    return d;
}

QStringList loadSupervisedTherapists(vault::Vault &vault)
{
    const QString me = vault.currentUser().name;
    QStringList names;
    for (const model::Supervision &s : vault.supervision().assignments()) {
        if (s.supervisor == me && !names.contains(s.therapist))
            names.append(s.therapist);
    }
    names.sort();
    return names;
}

QList<ThemeChoice> loadThemeChoices(vault::Vault &vault)
{
    QList<ThemeChoice> choices;
    for (const themes::Theme &t : vault.tagging().codebook().themes())
        choices.append({t.id, t.label, t.group});
    return choices;
}

AgreementSampleData loadAgreementSample(vault::Vault &vault, model::Id check)
{
    const vault::AgreementSample s = vault.agreement().sample(check);
    AgreementSampleData d;
    d.check = s.check;
    d.therapist = s.therapist;
    d.notes = s.notes;
    d.rated = s.rated;
    for (model::Id id : std::as_const(s.notes)) {
        if (s.rated.contains(id))
            continue;
        const model::Note n = vault.notes().read(id); // the words only: themeTags() stays unasked
        d.next = BlindNoteData{n.id, n.clientCode, model::toIso(n.sessionDate), n.text()};
        break;
    }
    return d;
}

AgreementReportData loadAgreementReport(vault::Vault &vault, model::Id check)
{
    const vault::AgreementReport r = vault.agreement().report(check);
    const themes::Codebook &book = vault.tagging().codebook();
    AgreementReportData d;
    d.check = r.check;
    d.therapist = r.therapist;
    d.sampled = r.sampled;
    d.rated = r.rated;
    // The three lists cover the same themes in the same order (Vault::agreementReport).
    for (qsizetype i = 0; i < r.supervisorTherapist.size(); ++i) {
        AgreementRow row;
        row.theme = r.supervisorTherapist.at(i).theme;
        row.label = book.labelOf(row.theme);
        row.notes = r.supervisorTherapist.at(i).notes;
        row.supervisorTherapist = r.supervisorTherapist.at(i).kappa;
        if (i < r.supervisorTagger.size())
            row.supervisorTagger = r.supervisorTagger.at(i).kappa;
        if (i < r.therapistTagger.size())
            row.therapistTagger = r.therapistTagger.at(i).kappa;
        d.rows.append(row);
    }
    return d;
}

} // namespace uc::gui
