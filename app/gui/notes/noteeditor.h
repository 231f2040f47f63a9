// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notedata.h"
#include "notedraft.h"
#include "noterisk.h"
#include "noteobjectives.h"
#include "notesession.h"
#include "notetagging.h"
#include "structuredfields.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class VaultThread;

// The note open in the editor: what it is (client, date, template, status, signature, addenda),
// opening it, signing it, adding an addendum and discarding a draft, on the vault thread. Its
// parts are objects of their own: the text and its saving (draft), the session (session), the
// addiction fields (fields), the themes found and tagged (tagging), the risk banner (risk) and
// the plan objectives a progress note rates (objectives).
// A signed note is read-only.
class NoteEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(qint64 noteId READ noteId NOTIFY loaded)
    Q_PROPERTY(QString clientCode READ clientCode NOTIFY loaded)
    Q_PROPERTY(QString date READ date NOTIFY loaded)
    Q_PROPERTY(QString templateLabel READ templateLabel NOTIFY loaded)
    Q_PROPERTY(QString kind READ kind NOTIFY loaded)
    Q_PROPERTY(QString status READ status NOTIFY loaded)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY loaded)
    Q_PROPERTY(bool mayAddAddendum READ mayAddAddendum NOTIFY loaded)
    Q_PROPERTY(QString signedBy READ signedBy NOTIFY loaded)
    Q_PROPERTY(QString signedAt READ signedAt NOTIFY loaded)
    Q_PROPERTY(QVariantList addenda READ addenda NOTIFY loaded)
    Q_PROPERTY(NoteDraft *draft READ draft CONSTANT)
    Q_PROPERTY(NoteSession *session READ session CONSTANT)
    Q_PROPERTY(StructuredFields *fields READ fields CONSTANT)
    Q_PROPERTY(NoteTagging *tagging READ tagging CONSTANT)
    Q_PROPERTY(NoteRisk *risk READ risk CONSTANT)
    Q_PROPERTY(NoteObjectives *objectives READ objectives CONSTANT)

public:
    // Without a vault thread (tests of the typing alone) saves are only handed on
    // (NoteDraft::saveRequested).
    explicit NoteEditor(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] qint64 noteId() const { return m_data.id; }
    [[nodiscard]] QString clientCode() const { return m_data.clientCode; }
    [[nodiscard]] QString date() const { return m_data.date; }
    [[nodiscard]] QString templateId() const { return m_data.templateId; }
    [[nodiscard]] QString templateLabel() const { return m_data.templateLabel; }
    [[nodiscard]] QString kind() const { return m_data.kind; }
    [[nodiscard]] QString status() const { return m_data.status; }
    // Read-only unless it is the reader's own draft.
    [[nodiscard]] bool readOnly() const { return m_data.id == 0 || m_data.status != u"draft" || !m_data.editable; }
    [[nodiscard]] bool mayAddAddendum() const { return m_data.id != 0 && m_data.status != u"draft" && m_data.mayAddAddendum; }
    [[nodiscard]] QString signedBy() const { return m_data.signedBy; }
    [[nodiscard]] QString signedAt() const { return m_data.signedAt; }
    [[nodiscard]] QVariantList addenda() const { return uc::gui::addendaList(m_data.addenda); }

    [[nodiscard]] NoteDraft *draft() const { return m_draft; }
    [[nodiscard]] NoteSession *session() const { return m_session; }
    [[nodiscard]] StructuredFields *fields() const { return m_fields; }
    [[nodiscard]] NoteTagging *tagging() const { return m_tagging; }
    [[nodiscard]] NoteRisk *risk() const { return m_risk; }
    [[nodiscard]] NoteObjectives *objectives() const { return m_objectives; }

    // ---- on the vault thread; each answers its signal below, a refusal goes to the banner
    // Opens a note (unsaved typing in the one open is saved first); noteOpened.
    Q_INVOKABLE void open(qint64 noteId);
    // Saves what is unsaved, then forgets the note.
    Q_INVOKABLE void close();
    // Saves what is unsaved first (the vault thread runs in order), then signs (noteSigned).
    Q_INVOKABLE void sign();
    // Signs with the risk assessment the sign dialog asked for (docs/risk.md): level "low",
    // "moderate" or "high" with the action taken, or "to-follow" (an emergency: the note signs and
    // its risk stays open in the queue). An empty level signs as sign() does; a note with a present
    // risk flag and no assessment is then refused, and the banner says how to sign it.
    Q_INVOKABLE void signWithAssessment(const QString &level, const QString &action);
    Q_INVOKABLE void addAddendum(const QString &text);
    // Discards the open draft for good (its author only; a draft a supervisor has commented on
    // stays): typing not yet saved is dropped, the note, its tags and ratings go, the session
    // stays. The editor empties and noteDiscarded follows.
    Q_INVOKABLE void discard();

    // Shows a note as the vault thread read it (public for tests of the typing alone), or none.
    void set(uc::gui::NoteData data);
    void clear();

Q_SIGNALS:
    void loaded();
    void noteOpened(qint64 noteId);
    void noteSigned(qint64 noteId);
    void addendumAdded(qint64 noteId);
    void noteDiscarded(qint64 noteId);

private:
    // Posts work on the open note, then shows the note as it now is and emits answered; a
    // failure goes to the banner.
    template<typename Work>
    void reload(const QString &action, const QString &label, Work work, void (NoteEditor::*answered)(qint64));

    VaultThread *m_vault;
    uc::gui::NoteData m_data;
    NoteDraft *m_draft;
    NoteSession *m_session;
    StructuredFields *m_fields;
    NoteTagging *m_tagging;
    NoteRisk *m_risk;
    NoteObjectives *m_objectives;
};
