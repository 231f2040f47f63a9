// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notefields.h"

#include "model/notefields.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariant>

class NoteEditor;

// The addiction template's structured fields of the open note (notefields.h): cravings 0–10, the
// stage of change, use since the last session (with days abstinent) and triggers. Each is its section's text: setting
// one rewrites the section in the text on screen as typing would (saved the same way), and typing
// in the section changes the field.
class StructuredFields : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteEditor")

    // Whether the open note has them (the addiction template).
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(int cravings READ cravings NOTIFY changed) // -1 when not recorded as 0–10
    Q_PROPERTY(QString cravingsText READ cravingsText NOTIFY changed) // the section's words otherwise
    Q_PROPERTY(int stage READ stage NOTIFY changed) // an index into stages, or -1
    Q_PROPERTY(QString stageText READ stageText NOTIFY changed)
    Q_PROPERTY(QString substance READ substance NOTIFY changed)
    Q_PROPERTY(QString amount READ amount NOTIFY changed)
    Q_PROPERTY(QString lastUse READ lastUse NOTIFY changed)
    Q_PROPERTY(int daysAbstinent READ daysAbstinent NOTIFY changed) // -1 when not recorded as a number
    Q_PROPERTY(QString daysAbstinentText READ daysAbstinentText NOTIFY changed) // the line's words otherwise
    Q_PROPERTY(int maxDaysAbstinent READ maxDaysAbstinent CONSTANT)
    Q_PROPERTY(QString useText READ useText NOTIFY changed) // the use section's other lines
    Q_PROPERTY(QString triggers READ triggers NOTIFY changed)
    // The stages of change to choose from.
    Q_PROPERTY(QStringList stages READ stages CONSTANT)

public:
    explicit StructuredFields(NoteEditor *editor);

    [[nodiscard]] bool available() const;
    [[nodiscard]] const uc::gui::AddictionFields &values() const { return m_fields; }
    [[nodiscard]] int cravings() const { return m_fields.cravings; }
    [[nodiscard]] QString cravingsText() const { return m_fields.cravingsText; }
    [[nodiscard]] int stage() const { return m_fields.stage; }
    [[nodiscard]] QString stageText() const { return m_fields.stageText; }
    [[nodiscard]] QString substance() const { return m_fields.substance; }
    [[nodiscard]] QString amount() const { return m_fields.amount; }
    [[nodiscard]] QString lastUse() const { return m_fields.lastUse; }
    [[nodiscard]] int daysAbstinent() const { return m_fields.daysAbstinent; }
    [[nodiscard]] QString daysAbstinentText() const { return m_fields.daysAbstinentText; }
    [[nodiscard]] static int maxDaysAbstinent() { return uc::model::maxDaysAbstinent; }
    [[nodiscard]] QString useText() const { return m_fields.useText; }
    [[nodiscard]] QString triggers() const { return m_fields.triggers; }
    [[nodiscard]] static QStringList stages() { return uc::gui::stagesOfChange(); }

    // A field was set ("cravings" 0–10 or -1, "stage" an index into stages or -1, "daysAbstinent"
    // 0–maxDaysAbstinent or -1, "substance", "amount", "lastUse", "triggers" text): its section's
    // text is rewritten in the edited text and textReplaced tells the view. Anything else, or a
    // read-only note, changes nothing.
    Q_INVOKABLE void set(const QString &name, const QVariant &value);

    // Reads the fields back from the text on screen; changed when they differ from what is shown
    // (beyond the spaces a field's text loses in the note), or always with force (a note opened).
    void refresh(bool force);

Q_SIGNALS:
    void changed();
    // set() changed the edited text: at position, removed characters became inserted.
    void textReplaced(int position, int removed, const QString &inserted);

private:
    NoteEditor *m_editor;
    uc::gui::AddictionFields m_fields;
};
