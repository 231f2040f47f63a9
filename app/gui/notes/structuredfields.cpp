// SPDX-License-Identifier: GPL-3.0-or-later
#include "structuredfields.h"

#include "noteeditor.h"

using namespace Qt::StringLiterals;
using uc::gui::AddictionFields;

StructuredFields::StructuredFields(NoteEditor *editor)
    : QObject(editor)
    , m_editor(editor)
{
}

bool StructuredFields::available() const
{
    return m_editor->templateId() == u"addiction";
}

void StructuredFields::set(const QString &name, const QVariant &value)
{
    if (m_editor->readOnly() || !available())
        return;
    AddictionFields f = m_fields;
    QStringView title;
    QString body;
    if (name == u"cravings" || name == u"stage") {
        bool ok = false;
        const int n = value.toInt(&ok);
        const int top = name == u"cravings" ? 10 : static_cast<int>(stages().size()) - 1;
        if (!ok || n < -1 || n > top)
            return;
        if (name == u"cravings") {
            f.cravings = n;
            f.cravingsText.clear();
            title = uc::gui::cravingsSection;
            body = uc::gui::cravingsText(n);
        } else {
            f.stage = n;
            f.stageText.clear();
            title = uc::gui::stageSection;
            body = uc::gui::stageText(n);
        }
    } else if (name == u"daysAbstinent") {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < -1 || n > uc::model::maxDaysAbstinent)
            return;
        f.daysAbstinent = n;
        f.daysAbstinentText.clear();
        title = uc::gui::useSection;
        body = uc::gui::useText(f);
    } else if (name == u"substance" || name == u"amount" || name == u"lastUse") {
        (name == u"substance" ? f.substance : name == u"amount" ? f.amount : f.lastUse) = value.toString();
        title = uc::gui::useSection;
        body = uc::gui::useText(f);
    } else if (name == u"triggers") {
        f.triggers = value.toString();
        title = uc::gui::triggersSection;
        body = f.triggers.trimmed();
    } else {
        return;
    }
    NoteDraft *draft = m_editor->draft();
    const uc::gui::TextEdit change = uc::gui::sectionEdit(draft->editedText(), title, body);
    m_fields = f; // as typed (spaces and all); the text holds their tidy form
    draft->edit(change.applyTo(draft->editedText()));
    Q_EMIT changed();
    Q_EMIT textReplaced(static_cast<int>(change.position), static_cast<int>(change.removed), change.inserted);
}

void StructuredFields::refresh(bool force)
{
    if (!available()) {
        if (force || m_fields != AddictionFields{}) {
            m_fields = {};
            Q_EMIT changed();
        }
        return;
    }
    const AddictionFields read = uc::gui::addictionFieldsOf(
        uc::model::sectionsFromText(m_editor->draft()->editedText(), m_editor->templateId()));
    AddictionFields shown = m_fields;
    shown.substance = shown.substance.simplified();
    shown.amount = shown.amount.simplified();
    shown.lastUse = shown.lastUse.simplified();
    shown.triggers = shown.triggers.trimmed();
    if (!force && read == shown)
        return;
    m_fields = read;
    Q_EMIT changed();
}
