// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notedata.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>

#include <optional>
#include <utility>

class NoteEditor;
class VaultThread;

// The open note's text as it is typed, and its saving: typing calls edit(); the text is saved
// 1.5 s after the last keystroke, or 1.8 s after the first unsaved one while typing goes on, so
// never more than two seconds of typing are at risk; flush() saves at once (before signing,
// leaving or locking). Without a vault thread (tests of the typing alone) saves are only handed
// on (saveRequested).
class NoteDraft : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteEditor")

    // The text as stored (the text area starts from it when a note opens; a save does not move
    // what is being typed, so only loaded tells QML).
    Q_PROPERTY(QString text READ text NOTIFY loaded)
    // "saved", "unsaved" (waiting for the pause in typing) or "saving".
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)

public:
    static constexpr int debounceMs = 1500;
    // However long the typing goes on, text is handed on this long after it first changed.
    static constexpr int maxWaitMs = 1800;

    NoteDraft(NoteEditor *editor, VaultThread *vault);

    [[nodiscard]] QString text() const { return m_stored; }
    [[nodiscard]] QString saveState() const { return m_saveState; }
    // What is on screen.
    [[nodiscard]] QString editedText() const { return m_edited; }
    [[nodiscard]] bool hasUnsavedText() const { return m_unsaved; }
    // The text the vault holds once every save handed on has landed.
    [[nodiscard]] QString textAsSaved() const;
    // Words selected on screen (UTF-16 offsets into editedText()) as code-point offsets into
    // textAsSaved(), which the vault's tagSpan takes; surrounding spaces are left out. nullopt
    // when nothing but spaces is selected or the words are not in the saved text.
    [[nodiscard]] std::optional<std::pair<int, int>> savedSpanOf(int start, int end) const;

    // Where the caret goes when the note opens: the end of the first section's body, just after
    // its heading line when the body is empty; never before or inside the first heading.
    [[nodiscard]] Q_INVOKABLE int firstBodyPosition() const;
    // The user typed: the whole text as it is now (nothing for a read-only note).
    Q_INVOKABLE void edit(const QString &text);
    // Hands unsaved text on now (saveRequested), without waiting for the pause in typing.
    Q_INVOKABLE void flush();

    // A note was opened (or none is): its stored text, nothing unsaved.
    void show(const QString &text);
    // Unsaved typing is dropped (the draft is being discarded).
    void drop();
    // What the vault thread answers (public for tests of the typing alone): text was saved
    // (which may already be older than what is on screen), with the tags it now has; or not.
    void saved(const QString &storedText, const QList<uc::gui::TagRow> &tags);
    void saveFailed();

Q_SIGNALS:
    void loaded();
    void saveStateChanged();
    void saveRequested(qint64 noteId, const QString &templateId, const QString &text);
    void edited(const QString &text);
    // A save landed: the note's tags, with offsets into the stored text.
    void tagsStored(const QList<uc::gui::TagRow> &tags);
    void noteSaved(qint64 noteId);

private:
    void setSaveState(const QString &state);
    void save(qint64 noteId, const QString &templateId, const QString &text);

    NoteEditor *m_editor;
    VaultThread *m_vault;
    QString m_stored;
    QString m_edited;
    bool m_unsaved = false;
    int m_inFlight = 0;
    QString m_saveState = QStringLiteral("saved");
    QTimer m_debounce;
    QTimer m_maxWait;
};
