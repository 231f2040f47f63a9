// SPDX-License-Identifier: GPL-3.0-or-later
#include "notereview.h"

#include "vaultthread.h"

#include "vault/vault.h"

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

NoteReview::NoteReview(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_tags(new ThemeTagModel(this))
{
}

QVariantList NoteReview::comments() const
{
    QVariantList list;
    for (const uc::gui::CommentRow &c : m_data.comments)
        list.append(QVariantMap{{u"author"_s, c.author}, {u"returned"_s, c.returned}, {u"text"_s, c.text},
                                {u"created"_s, c.created}, {u"signature"_s, c.signature},
                                {u"signatureProblem"_s, c.signatureProblem}});
    return list;
}

void NoteReview::set(uc::gui::ReviewNoteData data)
{
    m_data = std::move(data);
    m_tags->setTags(m_data.tags, m_data.text);
    Q_EMIT loaded();
}

void NoteReview::clear()
{
    m_data = {};
    m_tags->clear();
    Q_EMIT loaded();
}

void NoteReview::open(qint64 noteId)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    m_vault->post(
        this, tr("Opening the note…"), [noteId](Worker &w) { return uc::gui::loadReviewNote(w.open(), noteId); },
        [this](uc::gui::ReviewNoteData data) {
            const qint64 id = data.id;
            set(std::move(data));
            Q_EMIT opened(id);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"open"_s, e)); });
}

void NoteReview::close()
{
    clear();
    showOutcome({}, {});
}

template<typename Act>
void NoteReview::act(const QString &action, const QString &label, Act work)
{
    const qint64 noteId = m_data.id;
    m_vault->post(
        this, label, actThenRead(noteId, std::move(work), &uc::gui::loadReviewNote),
        [this, noteId, action](uc::gui::ReviewNoteData data) {
            if (m_data.id == noteId)
                set(std::move(data));
            Q_EMIT acted(noteId, action);
        },
        [this, action](const uc::Error &e) { Q_EMIT failed(Failure(action, e)); });
}

void NoteReview::comment(const QString &text)
{
    if (!m_vault || m_data.id == 0)
        return;
    if (text.trimmed().isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"comment"_s, tr("Write the comment first.")));
    act(u"comment"_s, tr("Adding the comment…"),
        [text = text.trimmed()](uc::vault::Vault &v, qint64 noteId) { v.supervision().comment(noteId, text); });
}

void NoteReview::cosign()
{
    if (!m_vault || m_data.id == 0)
        return;
    act(u"cosign"_s, tr("Co-signing…"), [](uc::vault::Vault &v, qint64 noteId) { v.supervision().cosign(noteId); });
}

void NoteReview::returnToAuthor(const QString &comment)
{
    if (!m_vault || m_data.id == 0)
        return;
    if (comment.trimmed().isEmpty())
        return Q_EMIT failed(
            Failure(Failure::BadInput, u"return"_s, tr("A returned note needs a comment saying what to address.")));
    act(u"return"_s, tr("Returning the note…"),
        [text = comment.trimmed()](uc::vault::Vault &v, qint64 noteId) { v.supervision().returnNote(noteId, text); });
}
