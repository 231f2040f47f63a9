// SPDX-License-Identifier: GPL-3.0-or-later
#include "noteeditor.h"

#include "vaultthread.h"

#include "model/riskrecord.h"
#include "vault/vault.h"

#include <utility>

using namespace Qt::StringLiterals;
using uc::gui::NoteData;

NoteEditor::NoteEditor(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_draft(new NoteDraft(this, vault))
    , m_session(new NoteSession(this, vault))
    , m_fields(new StructuredFields(this))
    , m_tagging(new NoteTagging(this, vault))
    , m_risk(new NoteRisk(this, vault))
    , m_objectives(new NoteObjectives(this, vault))
{
    // Typing changes what the other parts show: the fields in their sections, the highlights
    // under their words, the risk in the text.
    connect(m_draft, &NoteDraft::edited, this, [this](const QString &text) {
        if (m_fields->available())
            m_fields->refresh(false);
        m_tagging->relocate(text);
        m_risk->check();
    });
    connect(m_draft, &NoteDraft::tagsStored, m_tagging, &NoteTagging::setTags);
    connect(m_session, &NoteSession::created, this, &NoteEditor::noteOpened);
}

void NoteEditor::set(NoteData data)
{
    m_data = std::move(data);
    m_draft->show(m_data.text);
    m_tagging->show(m_data);
    m_session->show(m_data);
    m_fields->refresh(true);
    m_risk->show(m_data);
    m_objectives->show(m_data);
    Q_EMIT loaded();
}

void NoteEditor::clear()
{
    set({});
}

void NoteEditor::open(qint64 noteId)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    m_draft->flush();
    m_vault->post(
        this, tr("Opening the note…"), [noteId](VaultThread::Worker &w) { return uc::gui::loadNote(w.open(), noteId); },
        [this](NoteData data) {
            const qint64 id = data.id;
            set(std::move(data));
            Q_EMIT noteOpened(id);
        });
}

void NoteEditor::close()
{
    m_draft->flush();
    clear();
}

template<typename Work>
void NoteEditor::reload(const QString &action, const QString &label, Work work, void (NoteEditor::*answered)(qint64))
{
    const qint64 noteId = m_data.id;
    m_vault->post(
        this, label, actThenRead(noteId, std::move(work), &uc::gui::loadNote),
        [this, noteId, answered](NoteData data) {
            if (m_data.id == noteId)
                set(std::move(data));
            Q_EMIT(this->*answered)(noteId);
        },
        [this, action](const uc::Error &e) { m_vault->report(Failure(action, e)); });
}

void NoteEditor::sign()
{
    if (!m_vault || m_data.id == 0 || readOnly())
        return;
    m_draft->flush();
    reload(
        u"sign"_s, tr("Signing…"), [](uc::vault::Vault &v, qint64 noteId) { v.notes().sign(noteId); }, &NoteEditor::noteSigned);
}

void NoteEditor::signWithAssessment(const QString &level, const QString &action)
{
    if (level.isEmpty())
        return sign();
    if (!m_vault || m_data.id == 0 || readOnly())
        return;
    uc::model::RiskAssessment assessment;
    if (level != u"to-follow") {
        const auto parsed = uc::model::parseRiskLevel(level);
        if (!parsed || action.trimmed().isEmpty())
            return m_vault->report(Failure(Failure::BadInput, u"sign"_s,
                                           tr("Choose the assessed level and write the action taken.")));
        assessment = {*parsed, action.trimmed()};
    }
    m_draft->flush();
    reload(
        u"sign"_s, tr("Signing…"),
        [assessment](uc::vault::Vault &v, qint64 noteId) { v.notes().sign(noteId, assessment); }, &NoteEditor::noteSigned);
}

void NoteEditor::discard()
{
    if (!m_vault || m_data.id == 0 || readOnly())
        return;
    // What is typed but unsaved is dropped, not saved first: it is being thrown away.
    m_draft->drop();
    const qint64 noteId = m_data.id;
    m_vault->post(
        this, tr("Discarding the draft…"),
        [noteId](VaultThread::Worker &w) {
            w.open().notes().deleteDraft(noteId);
            return true;
        },
        [this, noteId](bool) {
            if (m_data.id == noteId)
                clear();
            Q_EMIT noteDiscarded(noteId);
        },
        [this](const uc::Error &e) { m_vault->report(Failure(u"discard"_s, e)); });
}

void NoteEditor::addAddendum(const QString &text)
{
    if (!m_vault || m_data.id == 0 || !mayAddAddendum() || text.trimmed().isEmpty())
        return;
    reload(
        u"addendum"_s, tr("Adding the addendum…"),
        [text = text.trimmed()](uc::vault::Vault &v, qint64 noteId) { v.notes().addAddendum(noteId, text); },
        &NoteEditor::addendumAdded);
}
