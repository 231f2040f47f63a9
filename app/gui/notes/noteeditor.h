// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "notedata.h"
#include "notefields.h"
#include "sessionform.h"
#include "themetagmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

class VaultThread;

// The note open in the editor, which opens, saves, signs and tags itself on the vault thread.
// Typing calls edit(); the text is saved 1.5 s after the last keystroke, or 1.8 s after the first
// unsaved one while typing goes on, so never more than two seconds of typing are at risk; flush()
// saves at once (before signing, leaving or locking). A signed note is read-only.
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
    Q_PROPERTY(QString text READ text NOTIFY loaded)
    Q_PROPERTY(QVariantList addenda READ addenda NOTIFY loaded)
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(ThemeTagModel *tags READ tags CONSTANT)
    // Tagging words by hand: whether the reader may, and the themes to choose from ([{id, label}]).
    Q_PROPERTY(bool mayTag READ mayTag NOTIFY loaded)
    Q_PROPERTY(QVariantList themes READ themes NOTIFY loaded)
    // The addiction template's structured fields (notefields.h): whether the note has them, their
    // values ({cravings, cravingsText, stage, stageText, substance, amount, lastUse, useText,
    // triggers}) and the stages of change to choose from.
    Q_PROPERTY(bool structured READ hasAddictionFields NOTIFY loaded)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QStringList stages READ stages CONSTANT)
    // The session's details: {start, minutes, modality, setting, groupTopic, attendance}.
    Q_PROPERTY(QVariantMap session READ session NOTIFY loaded)
    // A group session's members' notes ([{noteId, clientCode}], the reader's own, by code) and
    // which of them is open (-1 for one-to-one work).
    Q_PROPERTY(QVariantList members READ members NOTIFY loaded)
    Q_PROPERTY(int memberIndex READ memberIndex NOTIFY loaded)
    // Risk (docs/risk.md): the red banner's flags [{id, label, evidence, rule, date, noteId}] —
    // for the reader's draft, the present flags in the text on screen, checked on the vault thread
    // at every keystroke; for a signed note, its flags still open. needsAssessment: the draft has a
    // present flag and does not document its own assessment, so signing asks for one.
    Q_PROPERTY(QVariantList risks READ risks NOTIFY risksChanged)
    Q_PROPERTY(bool needsAssessment READ needsAssessment NOTIFY risksChanged)
    // The templates a one-to-one session can start from: [{id, label}].
    Q_PROPERTY(QVariantList templates READ templates CONSTANT)

public:
    static constexpr int debounceMs = 1500;
    // However long the typing goes on, text is handed on this long after it first changed.
    static constexpr int maxWaitMs = 1800;

    // Without a vault thread (tests of the typing alone) saves are only handed on (saveRequested).
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
    [[nodiscard]] QString text() const { return m_data.text; }
    [[nodiscard]] QVariantList addenda() const { return uc::gui::addendaList(m_data.addenda); }
    // "saved", "unsaved" (waiting for the pause in typing) or "saving".
    [[nodiscard]] QString saveState() const { return m_saveState; }
    [[nodiscard]] ThemeTagModel *tags() const { return m_tags; }
    [[nodiscard]] QString editedText() const { return m_edited; }
    [[nodiscard]] bool hasUnsavedText() const { return m_unsaved; }
    [[nodiscard]] bool mayTag() const { return m_data.id != 0 && m_data.mayTag; }
    [[nodiscard]] QVariantList themes() const;
    // The text the vault holds once every save handed on has landed.
    [[nodiscard]] QString textAsSaved() const;
    // Words selected on screen (UTF-16 offsets into editedText()) as code-point offsets into
    // textAsSaved(), which Vault::tagSpan takes; surrounding spaces are left out. nullopt when
    // nothing but spaces is selected or the words are not in the saved text.
    [[nodiscard]] std::optional<std::pair<int, int>> savedSpanOf(int start, int end) const;

    [[nodiscard]] qint64 sessionId() const { return m_data.sessionId; }
    [[nodiscard]] QVariantMap session() const;
    [[nodiscard]] QVariantList members() const;
    [[nodiscard]] int memberIndex() const;
    [[nodiscard]] bool hasAddictionFields() const { return m_data.templateId == u"addiction"; }
    [[nodiscard]] QVariantMap fields() const;
    [[nodiscard]] const uc::gui::AddictionFields &addictionFields() const { return m_fields; }
    [[nodiscard]] static QStringList stages() { return uc::gui::stagesOfChange(); }
    [[nodiscard]] static QVariantList templates();
    [[nodiscard]] QVariantList risks() const { return uc::gui::riskList(m_data.risks); }
    [[nodiscard]] const QList<uc::gui::RiskRow> &riskRows() const { return m_data.risks; }
    [[nodiscard]] bool needsAssessment() const { return !readOnly() && !m_data.risks.isEmpty() && !m_data.riskAssessed; }
    // A structured field was set ("cravings" 0–10 or -1, "stage" an index into stages or -1,
    // "substance", "amount", "lastUse", "triggers" text): its section's text is rewritten in the
    // edited text as typing would (saved the same way), and textReplaced tells the view.
    Q_INVOKABLE void setField(const QString &name, const QVariant &value);

    // Where the caret goes when the note opens: the end of the first section's body, just after
    // its heading line when the body is empty; never before or inside the first heading.
    [[nodiscard]] Q_INVOKABLE int firstBodyPosition() const;

    // The user typed: the whole text as it is now.
    Q_INVOKABLE void edit(const QString &text);
    // Hands unsaved text on now (saveRequested), without waiting for the pause in typing.
    Q_INVOKABLE void flush();

    // ---- on the vault thread; each answers its signal below or failed(failure)
    // Opens a note (unsaved typing in the one open is saved first); noteOpened.
    Q_INVOKABLE void open(qint64 noteId);
    // Saves what is unsaved, then forgets the note.
    Q_INVOKABLE void close();
    // A new individual session for the client with a draft note from the template, opened here
    // (noteOpened; action "create"). date "YYYY-MM-DD", time "HH:MM" or "", setting and attendance as
    // the core spells them.
    Q_INVOKABLE void create(const QString &clientCode, const QString &date, const QString &time, int minutes,
                            const QString &setting, const QString &attendance, const QString &templateId);
    // A group session: one draft group note per member (attendees: [{code, attendance}], at least
    // two), the first member's opened here; topic is the notes' "Group topic" section.
    Q_INVOKABLE void createGroup(const QString &date, const QString &time, int minutes, const QString &setting,
                                 const QString &topic, const QVariantList &attendees);
    // Changes the open note's session details; attendance is the open note's client's
    // (sessionUpdated; action "update-session").
    Q_INVOKABLE void updateSession(const QString &date, const QString &time, int minutes, const QString &modality,
                                   const QString &setting, const QString &attendance);
    // "confirmed" or "rejected" on one of the open note's tags.
    Q_INVOKABLE void decideTag(qint64 tagId, const QString &decision);
    // Tags the words selected (UTF-16 offsets into what is on screen) with a theme by hand:
    // unsaved typing is saved first, then Vault::tagSpan (wordsTagged).
    Q_INVOKABLE void tagSelection(int start, int end, const QString &theme);
    // Saves what is unsaved first (the vault thread runs in order), then signs (noteSigned). No
    // form waits for it: a refusal goes to the banner, as one for addAddendum (addendumAdded).
    Q_INVOKABLE void sign();
    // Signs with the risk assessment the sign dialog asked for (docs/risk.md): level "low",
    // "moderate" or "high" with the action taken, or "to-follow" (an emergency: the note signs and
    // its risk stays open in the queue). An empty level signs as sign() does; a note with a present
    // risk flag and no assessment is then refused, and the banner says how to sign it.
    Q_INVOKABLE void signWithAssessment(const QString &level, const QString &action);
    Q_INVOKABLE void addAddendum(const QString &text);
    // Discards the open draft for good (its author only; a draft a supervisor has commented on
    // stays): typing not yet saved is dropped, the note, its tags and ratings go, the session stays. The editor empties and noteDiscarded follows; a refusal goes to the banner.
    Q_INVOKABLE void discard();

    // What the vault thread answers (public for tests of the typing alone).
    void set(uc::gui::NoteData data);
    // The vault thread saved text (which may already be older than what is on screen).
    void saved(const QString &storedText, const QList<uc::gui::TagRow> &tags);
    void saveFailed();
    void setTags(const QList<uc::gui::TagRow> &tags);
    void clear();

Q_SIGNALS:
    void loaded();
    void saveStateChanged();
    void saveRequested(qint64 noteId, const QString &templateId, const QString &text);
    void fieldsChanged();
    void risksChanged();
    // setField changed the edited text: at position, removed characters became inserted.
    void textReplaced(int position, int removed, const QString &inserted);

    void noteOpened(qint64 noteId);
    void noteSaved(qint64 noteId);
    void noteSigned(qint64 noteId);
    void addendumAdded(qint64 noteId);
    void noteDiscarded(qint64 noteId);
    void wordsTagged(qint64 noteId, qint64 tagId);
    void sessionUpdated(qint64 noteId);
    void failed(const Failure &failure);

private:
    void setSaveState(const QString &state);
    // Reads the structured fields back from the edited text; fieldsChanged when they differ
    // from what is shown (beyond the spaces a field's text loses in the note).
    void refreshFields(bool force);
    void save(qint64 noteId, const QString &templateId, const QString &text);
    // Posts work on the open note, then shows the note as it now is and emits answered. A
    // failure goes to failed() when a form waits for it (inForm), else to the banner.
    template<typename Work>
    void reload(const QString &action, const QString &label, Work work, void (NoteEditor::*answered)(qint64),
                bool inForm);
    void start(const uc::gui::NewSession &made, const QString &action, const QString &label);
    // Reads the risk flags in the text on screen on the vault thread: one check at a time, the
    // next with the latest text when typing went on meanwhile.
    void checkRisk();
    void setRisk(uc::gui::DraftRisk risk);

    VaultThread *m_vault;
    uc::gui::NoteData m_data;
    uc::gui::AddictionFields m_fields;
    QString m_edited; // what is on screen
    bool m_unsaved = false;
    bool m_riskChecking = false;
    bool m_riskStale = false;
    quint64 m_riskGeneration = 0; // answers to checks begun before the note was (re)read are dropped
    int m_inFlight = 0;
    QString m_saveState = QStringLiteral("saved");
    QTimer m_debounce;
    QTimer m_maxWait;
    ThemeTagModel *m_tags;
};
