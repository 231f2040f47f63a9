// SPDX-License-Identifier: GPL-3.0-or-later
#include "practicereviews.h"

#include "common/error.h"
#include "vault/supervision.h"
#include "vault/vault.h"

#ifdef UC_PRACTICE
#include "practice/cosign.h"
#include "practice/membership.h"
#include "practice/sync.h"
#include "vault/clients.h"
#include "vault/notes.h"
#endif

#include <QHash>
#include <QSet>

#include <algorithm>

namespace uc::gui {

using namespace Qt::StringLiterals;

QString practiceMemberLabel(const QString &memberId)
{
    return u"practice member %1"_s.arg(memberId.left(8));
}

#ifdef UC_PRACTICE
namespace {

bool isTherapistMember(const vault::Vault &vault)
{
    if (vault.currentUser().role != model::Role::Therapist || !practice::hasMembership(vault))
        return false;
    const std::optional<practice::Membership> m = practice::loadMembership(vault);
    return m && m->role == model::Role::Therapist;
}

// Each note's practice reviews, in the server's order of their first event; co-signed notes left out.
QList<model::OutsideReview> reviewsOf(const QList<practice::PracticeEvent> &events)
{
    QList<model::OutsideReview> out;
    QHash<model::Id, qsizetype> at;
    QSet<model::Id> cosigned;
    for (const practice::PracticeEvent &e : events) {
        if (e.kind == u"cosign"_s) {
            cosigned.insert(e.note);
            continue;
        }
        if (!at.contains(e.note)) {
            at.insert(e.note, out.size());
            out.append({ e.note, practiceMemberLabel(e.by), 0, {} });
        }
        model::OutsideReview &r = out[at.value(e.note)];
        ++r.comments;
        if (e.kind == u"return"_s)
            r.lastReturnedAt = e.at; // the server's order is the order they were made
    }
    out.removeIf([&](const model::OutsideReview &r) { return cosigned.contains(r.noteId); });
    return out;
}

// Her signed progress notes, each once per assigned practice supervisor who has not commented on it:
// waiting for their review, as the vault's own queue lists a note once per supervisor. Drafts and
// notes co-signed here or through the practice are left out (reviewedElsewhere checks again).
void addWaiting(vault::Vault &vault, const QStringList &supervisors, QList<model::OutsideReview> &reviews)
{
    if (supervisors.isEmpty())
        return;
    QSet<QString> have;
    for (const model::OutsideReview &r : std::as_const(reviews))
        have.insert(QString::number(r.noteId) + u'/' + r.reviewer);
    const QString me = vault.currentUser().name;
    for (const model::Client &client : vault.clients().list()) {
        for (const vault::NoteEntry &e : vault.notes().listForClient(client.code)) {
            if (e.status != model::NoteStatus::Signed || e.kind != model::NoteKind::Progress || e.author != me)
                continue;
            for (const QString &member : supervisors) {
                const QString reviewer = practiceMemberLabel(member);
                if (!have.contains(QString::number(e.note) + u'/' + reviewer))
                    reviews.append({ e.note, reviewer, 0, {} });
            }
        }
    }
}

} // namespace

PracticeReviews loadPracticeReviews(vault::Vault &vault, const model::Date &today, QList<QueueRow> &rows)
{
    PracticeReviews out;
    QList<model::OutsideReview> reviews;
    try {
        if (!isTherapistMember(vault))
            return out;
        reviews = reviewsOf(practice::practiceEvents(vault));
        addWaiting(vault, practice::assignedSupervisors(vault), reviews);
    } catch (const Error &e) {
        // The local queue still shows; the practice's comments do not, and the queue says why.
        out.problem = e.kind() == ErrorKind::Damaged
            ? u"Your practice supervisor's reviews could not be read: a file that keeps them on this machine was "
              "changed or replaced (%1). None is shown; nothing was changed. Tell your practice administrator."_s.arg(e.why())
            : u"Your practice supervisor's reviews could not be read: %1."_s.arg(e.why());
        return out;
    }
    const QList<model::QueueItem> items = vault.supervision().reviewedElsewhere(reviews);
    for (const model::QueueItem &q : items) {
        const auto local = std::find_if(rows.begin(), rows.end(), [&](const QueueRow &r) { return r.noteId == q.noteId; });
        if (local != rows.end()) {
            local->comments += q.comments;
            local->returned = local->returned || q.returned;
            continue;
        }
        QueueRow row = queueRowOf(q, today);
        row.mode = u"through-practice"_s;
        out.rows.append(row);
    }
    // Oldest signature first, as the vault's own queue.
    std::stable_sort(out.rows.begin(), out.rows.end(),
                     [](const QueueRow &a, const QueueRow &b) { return a.signedAt < b.signedAt; });
    return out;
}

QList<CommentRow> practiceCommentsOn(const vault::Vault &vault, model::Id noteId)
{
    QList<CommentRow> out;
    for (const practice::PracticeEvent &e : practice::practiceEventsOf(vault, noteId))
        if (e.kind != u"cosign"_s)
            out.append({ practiceMemberLabel(e.by), e.kind == u"return"_s, e.text, e.at, u"verified"_s, {} });
    return out;
}

#else

PracticeReviews loadPracticeReviews(vault::Vault &, const model::Date &, QList<QueueRow> &)
{
    return {};
}

QList<CommentRow> practiceCommentsOn(const vault::Vault &, model::Id)
{
    return {};
}

#endif

} // namespace uc::gui
