// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notedata.h"
#include "themetagmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class NoteEditor;
class VaultThread;

// The themes found in the open note (the tags under its text, with their evidence), the
// clinician's decision on each, and words tagged with a theme by hand. Decisions and tags are on
// the stored words: unsaved typing is saved first (the vault thread runs in order).
class NoteTagging : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteEditor")

    Q_PROPERTY(ThemeTagModel *tags READ tags CONSTANT)
    // Tagging words by hand: whether the reader may, and the themes to choose from ([{id, label}]).
    Q_PROPERTY(bool mayTag READ mayTag NOTIFY changed)
    Q_PROPERTY(QVariantList themes READ themes NOTIFY changed)

public:
    NoteTagging(NoteEditor *editor, VaultThread *vault);

    [[nodiscard]] ThemeTagModel *tags() const { return m_tags; }
    [[nodiscard]] bool mayTag() const { return m_mayTag; }
    [[nodiscard]] QVariantList themes() const;

    // "confirmed" or "rejected" on one of the open note's tags.
    Q_INVOKABLE void decide(qint64 tagId, const QString &decision);
    // Tags the words selected (UTF-16 offsets into what is on screen) with a theme by hand
    // (wordsTagged); words not in the note go to the banner.
    Q_INVOKABLE void tagSelection(int start, int end, const QString &theme);

    // The note opened (or none is): its tags, and whether and with what its reader may tag.
    void show(const uc::gui::NoteData &data);
    // The note's tags as stored now (after a save or a decision), placed in the text on screen.
    void setTags(const QList<uc::gui::TagRow> &tags);
    // The text on screen changed: the highlights follow their words.
    void relocate(const QString &edited) { m_tags->relocate(edited); }

Q_SIGNALS:
    void changed();
    void wordsTagged(qint64 noteId, qint64 tagId);

private:
    NoteEditor *m_editor;
    VaultThread *m_vault;
    ThemeTagModel *m_tags;
    bool m_mayTag = false;
    QList<std::pair<QString, QString>> m_themes;
};
