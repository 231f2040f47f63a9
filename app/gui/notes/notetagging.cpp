// SPDX-License-Identifier: GPL-3.0-or-later
#include "notetagging.h"

#include "noteeditor.h"
#include "vaultthread.h"

#include "vault/vault.h"

using namespace Qt::StringLiterals;
using uc::gui::TagRow;

NoteTagging::NoteTagging(NoteEditor *editor, VaultThread *vault)
    : QObject(editor)
    , m_editor(editor)
    , m_vault(vault)
    , m_tags(new ThemeTagModel(this))
{
}

QVariantList NoteTagging::themes() const
{
    QVariantList list;
    for (const auto &[id, label] : m_themes)
        list.append(QVariantMap{{u"id"_s, id}, {u"label"_s, label}});
    return list;
}

void NoteTagging::show(const uc::gui::NoteData &data)
{
    if (data.id == 0)
        m_tags->clear();
    else
        m_tags->setTags(data.tags, data.text);
    m_mayTag = data.id != 0 && data.mayTag;
    m_themes = data.themes;
    Q_EMIT changed();
}

void NoteTagging::setTags(const QList<TagRow> &tags)
{
    m_tags->setTags(tags, m_editor->draft()->text(), m_editor->draft()->editedText());
}

void NoteTagging::decide(qint64 tagId, const QString &decision)
{
    const auto value = uc::model::parseTagDecision(decision);
    if (!value || (*value != uc::model::TagDecision::Confirmed && *value != uc::model::TagDecision::Rejected))
        return;
    const qint64 noteId = m_editor->noteId();
    if (!m_vault || noteId == 0)
        return;
    // The decision is on the stored words: unsaved typing is saved first, in order, and the text
    // the tags will point into is what that save stores.
    const QString stored = m_editor->draft()->textAsSaved();
    m_editor->draft()->flush();
    m_vault->post(
        this, tr("Saving the decision…"),
        [noteId, tagId, decision = *value, stored](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            v.tagging().decide(tagId, decision);
            return uc::gui::loadTags(v, noteId, stored);
        },
        [this, noteId](QList<TagRow> tags) {
            if (m_editor->noteId() == noteId)
                setTags(tags);
        });
}

void NoteTagging::tagSelection(int start, int end, const QString &theme)
{
    const qint64 noteId = m_editor->noteId();
    if (!m_vault || noteId == 0 || !mayTag())
        return;
    const auto span = m_editor->draft()->savedSpanOf(start, end);
    if (!span)
        return m_vault->report(Failure(Failure::BadInput, u"tag"_s, tr("Select the words to tag first.")));
    // The tag is on the stored words: unsaved typing is saved first (the vault thread runs in
    // order), and the offsets are into the text that save stores.
    const QString stored = m_editor->draft()->textAsSaved();
    m_editor->draft()->flush();
    m_vault->post(
        this, tr("Tagging the words…"),
        [noteId, theme, span = *span, stored](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            const qint64 tagId = v.tagging().tagSpan(noteId, theme, span.first, span.second);
            return std::make_pair(tagId, uc::gui::loadTags(v, noteId, stored));
        },
        [this, noteId](std::pair<qint64, QList<TagRow>> result) {
            if (m_editor->noteId() == noteId)
                setTags(result.second);
            Q_EMIT wordsTagged(noteId, result.first);
        });
}
