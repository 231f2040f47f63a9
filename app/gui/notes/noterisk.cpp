// SPDX-License-Identifier: GPL-3.0-or-later
#include "noterisk.h"

#include "noteeditor.h"
#include "vaultthread.h"

#include "vault/vault.h"

#include <QStringList>

#include <utility>

NoteRisk::NoteRisk(NoteEditor *editor, VaultThread *vault)
    : QObject(editor)
    , m_editor(editor)
    , m_vault(vault)
{
}

bool NoteRisk::needsAssessment() const
{
    return !m_editor->readOnly() && !m_rows.isEmpty() && !m_assessed;
}

void NoteRisk::show(const uc::gui::NoteData &data)
{
    m_rows = data.risks;
    m_assessed = data.riskAssessed;
    m_checking = false;
    m_stale = false;
    ++m_generation;
    Q_EMIT changed();
}

void NoteRisk::check()
{
    if (!m_vault || !m_vault->isOpen() || m_editor->noteId() == 0 || m_editor->readOnly())
        return;
    if (m_checking) {
        m_stale = true;
        return;
    }
    m_checking = true;
    m_stale = false;
    uc::model::Note note;
    note.id = m_editor->noteId();
    note.clientCode = m_editor->clientCode();
    note.sessionDate = uc::model::parseDate(m_editor->date()).value_or(uc::model::Date());
    note.templateId = m_editor->templateId();
    note.sections = uc::model::sectionsFromText(m_editor->draft()->editedText(), note.templateId);
    const quint64 generation = m_generation;
    m_vault->post(
        this, tr("Checking the note for risk…"),
        [note](VaultThread::Worker &w) { return uc::gui::draftRiskOf(w.open(), note); },
        [this, generation](uc::gui::DraftRisk risk) {
            if (generation != m_generation)
                return; // another note, or this one read again since
            m_checking = false;
            if (m_stale)
                return check();
            set(std::move(risk));
        },
        [this, generation](const uc::Error &) {
            if (generation == m_generation)
                m_checking = false;
        });
}

void NoteRisk::set(uc::gui::DraftRisk risk)
{
    const auto key = [](const QList<uc::gui::RiskRow> &rows) {
        QStringList parts;
        for (const auto &r : rows)
            parts << r.id << r.evidence << r.rule;
        return parts;
    };
    if (key(risk.flags) == key(m_rows) && risk.assessed == m_assessed)
        return;
    m_rows = std::move(risk.flags);
    m_assessed = risk.assessed;
    Q_EMIT changed();
}
