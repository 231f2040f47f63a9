// SPDX-License-Identifier: GPL-3.0-or-later
// NoteReview's notes received from the practice (notereview.h): opening one, and its co-sign,
// comment and return through the practice server, off the GUI thread.
#include "notereview.h"

#include "practicesync.h"
#include "receivednotes.h"
#include "vaultthread.h"

#include "common/error.h"
#include "model/types.h"

#ifdef UC_PRACTICE
#include "practice/cosign.h"
#endif

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

void NoteReview::openReceived(const QString &item)
{
    if (!m_vault || !m_vault->isOpen() || item.isEmpty())
        return;
    m_vault->post(
        this, tr("Opening the note…"), [item](Worker &w) { return uc::gui::loadReceivedNote(w.open(), item); },
        [this](uc::gui::ReviewNoteData data) {
            const QString opened = data.item;
            set(std::move(data));
            if (!m_sending)
                showOutcome({}, {});
            Q_EMIT openedItem(opened);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"open"_s, e)); });
}

void NoteReview::showOutcome(const QString &outcome, const QString &message)
{
    if (outcome == m_outcome && message == m_message)
        return;
    m_outcome = outcome;
    m_message = message;
    Q_EMIT practiceChanged();
}

bool NoteReview::practiceCosign()
{
    return sendPractice(u"cosign"_s, {});
}

bool NoteReview::practiceComment(const QString &text)
{
    return sendPractice(u"comment"_s, text);
}

bool NoteReview::practiceReturn(const QString &comment)
{
    return sendPractice(u"return"_s, comment);
}

bool NoteReview::sendPractice(const QString &action, const QString &text)
{
    if (m_sending || !m_vault || !m_vault->isOpen() || m_data.item.isEmpty())
        return false;
    const QString words = text.trimmed();
    if (action != u"cosign"_s && words.isEmpty()) {
        Q_EMIT failed(Failure(Failure::BadInput, action,
                              action == u"return"_s ? tr("A returned note needs a comment saying what to address.")
                                                    : tr("Write the comment first.")));
        return false;
    }
#ifdef UC_PRACTICE
    const QString item = m_data.item;
    m_sending = true;
    showOutcome(u"sending"_s, action == u"cosign"_s ? tr("Co-signing through the practice server…")
                                                    : tr("Sending to the practice server…"));
    m_vault->postInBackground(
        this,
        [item, action, words](Worker &w) {
            uc::vault::Vault &v = w.open();
            if (action == u"cosign"_s)
                (void)uc::practice::cosign(v, item);
            else
                (void)uc::practice::comment(v, item, words, action == u"return"_s);
            return uc::gui::loadReceivedNote(v, item);
        },
        [this, item, action](uc::gui::ReviewNoteData data) {
            m_sending = false;
            if (m_data.item == item)
                set(std::move(data));
            showOutcome(u"sent"_s, action == u"cosign"_s ? tr("Co-signed. The therapist sees it at their next sync.")
                                   : action == u"return"_s
                                   ? tr("Returned with your comment. The therapist sees it at their next sync.")
                                   : tr("Comment sent. The therapist sees it at their next sync."));
            Q_EMIT practiceActed(item, action, m_outcome);
        },
        [this, item, action](const uc::Error &e) {
            m_sending = false;
            // Damaged: the server's history or this note did not verify (as a refused sync); Io: the
            // server could not be reached, or the note kept here is gone.
            const QString sentence = Failure::sentenceOf(e);
            if (e.kind() == uc::ErrorKind::Damaged)
                showOutcome(u"refused"_s, tr("Refused: %1 %2").arg(sentence, PracticeSync::refusedAdvice()));
            else if (e.kind() == uc::ErrorKind::Io)
                showOutcome(u"offline"_s, tr("Not sent, try again: %1").arg(sentence));
            else
                showOutcome(u"failed"_s, tr("Not sent: %1").arg(sentence));
            Q_EMIT practiceActed(item, action, m_outcome);
        });
    return true;
#else
    return false;
#endif
}
