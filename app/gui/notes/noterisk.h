// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notedata.h"
#include "riskview.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class NoteEditor;
class VaultThread;

// Risk in the open note (docs/risk.md), for the red banner: for the reader's draft, the present
// flags in the text on screen, checked on the vault thread at every keystroke (one check at a
// time, the next with the latest text when typing went on meanwhile); for a signed note, its
// flags still open.
class NoteRisk : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteEditor")

    // [{id, label, evidence, rule, date, noteId}]
    Q_PROPERTY(QVariantList flags READ flags NOTIFY changed)
    // The draft has a present flag and does not document its own assessment, so signing asks for one.
    Q_PROPERTY(bool needsAssessment READ needsAssessment NOTIFY changed)

public:
    NoteRisk(NoteEditor *editor, VaultThread *vault);

    [[nodiscard]] QVariantList flags() const { return uc::gui::riskList(m_rows); }
    [[nodiscard]] const QList<uc::gui::RiskRow> &rows() const { return m_rows; }
    [[nodiscard]] bool needsAssessment() const;

    // The note opened (or none is): its flags as read.
    void show(const uc::gui::NoteData &data);
    // The text on screen changed: its flags are read again.
    void check();

Q_SIGNALS:
    void changed();

private:
    void set(uc::gui::DraftRisk risk);

    NoteEditor *m_editor;
    VaultThread *m_vault;
    QList<uc::gui::RiskRow> m_rows;
    bool m_assessed = false;
    bool m_checking = false;
    bool m_stale = false;
    quint64 m_generation = 0; // answers to checks begun before the note was (re)read are dropped
};
