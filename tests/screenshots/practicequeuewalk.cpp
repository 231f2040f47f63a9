// SPDX-License-Identifier: GPL-3.0-or-later
// The review queue filled from other machines (ScreenWalk::practiceQueue): on the practice the walk's
// throwaway cluster holds, the demo supervisor joins from the demo vault, a therapist on a machine of
// their own (a vault in a folder of its own) joins and pushes two notes, one with open risk; the
// administrator assigns the supervisor to them; the supervisor syncs in the GUI and sees them in the
// queue beside the local notes, opens one and co-signs it, and returns the other with a comment; the
// therapist's sync brings the return to their "My notes in review".
#include "notereview.h"
#include "practicestaff.h"
#include "practicesync.h"
#include "reviewqueuemodel.h"
#include "screenwalk.h"
#include "vaultsession.h"
#include "workspace.h"

#ifdef UC_PRACTICE
#include "practicecluster.h"

#include "common/error.h"
#include "demo/practice.h"
#include "practice/membership.h"
#include "practice/practice.h"
#include "practice/sync.h"
#include "vault/clients.h"
#include "vault/notes.h"
#include "vault/vault.h"

#include <QQuickWindow>
#include <QTemporaryDir>

#include <cstdio>
#endif

using namespace Qt::StringLiterals;

namespace screenshots {

#ifdef UC_PRACTICE
namespace {

uc::SecretBuffer secretOf(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return uc::SecretBuffer::copyOf(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

uc::model::Id signedNote(uc::vault::Vault &v, const QString &client, const QString &date, const QString &text,
                         bool riskToFollow)
{
    uc::model::Session s;
    s.date = *uc::model::parseDate(date);
    s.attendees.append({ 0, client, uc::model::Attendance::Attended });
    const uc::model::Id note
        = v.notes().addSession(s, u"free"_s, uc::model::NoteKind::Progress, { { u"Note"_s, text } }).notes.first();
    if (riskToFollow)
        v.notes().sign(note, uc::model::RiskAssessment {}); // the assessment to follow: open risk
    else
        v.notes().sign(note);
    return note;
}

QString staffPass()
{
    return QString::fromLatin1(staffPassphrase.data(), static_cast<qsizetype>(staffPassphrase.size()));
}

} // namespace

bool ScreenWalk::practiceQueue(practicetest::Cluster &server, const QString &admin, const QString &adminPass)
{
    lock();
    QTemporaryDir machine; // the remote therapist's own machine
    if (!machine.isValid())
        return fail("no folder for the remote therapist");
    const QString remote = machine.filePath(u"okim"_s);
    const QString remotePass = u"a remote therapist's passphrase"_s;
    try {
        QString supervisorCode, therapistCode;
        {
            auto a = uc::vault::Vault::open(m_session.vaultDir(), admin, secretOf(adminPass));
            supervisorCode = uc::practice::invite(*a, supervisorName, uc::model::Role::Supervisor);
            therapistCode = uc::practice::invite(*a, u"okim"_s, uc::model::Role::Therapist);
        }
        QString supervisorId, therapistId;
        {
            auto s = uc::vault::Vault::open(m_session.vaultDir(), supervisorName, secretOf(staffPass()));
            supervisorId = uc::practice::join(*s, server.url(), supervisorCode).memberId;
        }
        auto t = uc::vault::Vault::create(remote, u"okim"_s, secretOf(remotePass), uc::model::Role::Therapist,
                                          uc::vault::KdfCost::testOnly())
                     .vault;
        therapistId = uc::practice::join(*t, server.url(), therapistCode).memberId;
        {
            auto a = uc::vault::Vault::open(m_session.vaultDir(), admin, secretOf(adminPass));
            (void)uc::practice::status(*a);
            uc::practice::assign(*a, supervisorId, therapistId);
        }
        uc::model::Client c;
        c.code = u"K-0003"_s;
        c.displayName = u"Kit Example"_s;
        t->clients().add(c);
        signedNote(*t, u"K-0003"_s, u"2026-11-23"_s,
                   u"Second session. Sleep still broken; she has started the diary and brought it. We looked at the "
                   "evenings, when the drinking starts, and agreed one alcohol-free evening this week."_s,
                   false);
        signedNote(*t, u"K-0003"_s, u"2026-11-30"_s,
                   u"She said she has had thoughts of killing herself since the separation, no plan. Safety plan "
                   "started; her sister is with her this week. Full assessment to follow on Thursday."_s,
                   true);
        (void)uc::practice::sync(*t);
    } catch (const uc::Error &e) {
        std::fprintf(stderr, "undercurrent-screenshots: practice queue set-up: %s\n", qPrintable(e.message()));
        return false;
    }

    // The supervisor syncs in the GUI; the received notes join the queue.
    if (!unlockAs(supervisorName, staffPass()))
        return fail("the supervisor could not unlock");
    PracticeSync *sync = m_session.workspace()->sync();
    ReviewQueueModel *queue = m_session.workspace()->queue();
    NoteReview *review = m_session.workspace()->review();
    if (!waitIdle([&] { return sync->state() == PracticeSync::Idle && review->noteId() != 0; }))
        return fail("the supervisor's practice membership did not show");
    if (!sync->syncNow() || !waitIdle([&] { return sync->state() == PracticeSync::Idle; }, 120000))
        return fail("the supervisor's sync did not end");
    queue->reload();
    QString item;
    if (!waitIdle([&] {
            for (int row = 0; row < queue->count() && item.isEmpty(); ++row)
                if (queue->data(queue->index(row), ReviewQueueModel::OpenRiskRole).toBool())
                    item = queue->data(queue->index(row), ReviewQueueModel::ItemRole).toString();
            return !item.isEmpty();
        }))
        return fail("the received notes did not show in the queue");
    review->openReceived(item);
    if (!waitIdle([&] { return review->item() == item; }))
        return fail("the received note did not open");
    const QSize size = m_window->size();
    bool ok = grab(u"review-queue-practice"_s);
    m_window->resize(1024, 700);
    settle(300);
    ok = grab(u"review-queue-practice-1024x700"_s) && ok;
    m_window->resize(size);
    settle(300);

    if (!review->practiceCosign() || !waitIdle([&] { return !review->sending(); }, 120000))
        return fail("the co-signature was not sent");
    if (review->practiceOutcome() != u"sent"_s) {
        std::fprintf(stderr, "undercurrent-screenshots: co-sign: %s\n", qPrintable(review->practiceMessage()));
        return false;
    }
    ok = grab(u"review-practice-cosigned"_s) && ok;

    // The other note returned with a comment; the therapist's sync brings it to their own machine,
    // where their "My notes in review" lists it as returned, with the supervisor's words.
    QString other;
    for (int row = 0; row < queue->count() && other.isEmpty(); ++row)
        if (const QString i = queue->data(queue->index(row), ReviewQueueModel::ItemRole).toString(); !i.isEmpty() && i != item)
            other = i;
    review->openReceived(other);
    if (other.isEmpty() || !waitIdle([&] { return review->item() == other; }))
        return fail("the second received note did not open");
    if (!review->practiceReturn(u"What was the alcohol-free evening agreed against? Please add what the diary "
                                "showed about the evenings before the drinking starts."_s)
        || !waitIdle([&] { return !review->sending(); }, 120000) || review->practiceOutcome() != u"sent"_s)
        return fail("the return was not sent");
    lock();
    const QString demoDir = m_session.vaultDir();
    try {
        (void)uc::practice::sync(*uc::vault::Vault::open(remote, u"okim"_s, secretOf(remotePass)));
    } catch (const uc::Error &e) {
        std::fprintf(stderr, "undercurrent-screenshots: the therapist's sync: %s\n", qPrintable(e.message()));
        return false;
    }
    m_session.setVaultDir(remote);
    if (!unlockAs(u"okim"_s, remotePass))
        return fail("the remote therapist could not unlock");
    QMetaObject::invokeMethod(m_window, "showArea", Q_ARG(QString, u"queue"_s));
    queue->reload();
    qint64 returned = 0;
    if (!waitIdle([&] {
            for (int row = 0; row < queue->count() && returned == 0; ++row)
                if (queue->data(queue->index(row), ReviewQueueModel::ReturnedRole).toBool())
                    returned = queue->data(queue->index(row), ReviewQueueModel::NoteIdRole).toLongLong();
            return returned != 0;
        }))
        return fail("the return did not show in the therapist's notes in review");
    review->open(returned);
    if (!waitIdle([&] { return review->noteId() == returned && !review->comments().isEmpty(); }))
        return fail("the returned note did not open with the supervisor's words");
    ok = grab(u"my-notes-practice-return"_s) && ok;
    m_window->resize(1024, 700);
    settle(300);
    ok = grab(u"my-notes-practice-return-1024x700"_s) && ok;
    m_window->resize(size);
    settle(300);
    lock();

    // Her addendum answers the return; her sync sends it and his brings it to his queue (schema v7),
    // where the note is no longer returned and the pane shows her words.
    try {
        auto t = uc::vault::Vault::open(remote, u"okim"_s, secretOf(remotePass));
        t->notes().addAddendum(returned, u"The evening was agreed against the diary: the drinking starts after the "
                                         "6 pm call with her ex-husband on four evenings of seven, so the "
                                         "alcohol-free evening is Tuesday, when there is no call."_s);
        (void)uc::practice::sync(*t);
    } catch (const uc::Error &e) {
        std::fprintf(stderr, "undercurrent-screenshots: the therapist's addendum: %s\n", qPrintable(e.message()));
        return false;
    }
    m_session.setVaultDir(demoDir);
    if (!unlockAs(supervisorName, staffPass()))
        return fail("the supervisor could not unlock again");
    sync = m_session.workspace()->sync();
    queue = m_session.workspace()->queue();
    review = m_session.workspace()->review();
    if (!waitIdle([&] { return sync->state() == PracticeSync::Idle; })
        || !sync->syncNow() || !waitIdle([&] { return sync->state() == PracticeSync::Idle; }, 120000))
        return fail("the supervisor's second sync did not end");
    QMetaObject::invokeMethod(m_window, "showArea", Q_ARG(QString, u"queue"_s));
    queue->reload();
    review->openReceived(other);
    if (!waitIdle([&] { return review->item() == other && !review->addenda().isEmpty(); }))
        return fail("the therapist's addendum did not reach the supervisor's review pane");
    ok = grab(u"review-practice-answered"_s) && ok;
    lock();
    return ok && unlockAs(admin, adminPass);
}
#endif

} // namespace screenshots
