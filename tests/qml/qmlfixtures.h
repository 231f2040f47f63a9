// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "noteeditor.h"
#include "patternsmodel.h"
#include "practicemembership.h"
#include "practicesync.h"

#include <QObject>

// Models filled with fixed values for the Qt Quick Tests (module UndercurrentTest, singleton
// Fixtures): what a screen shows once the vault thread has answered, without a vault.
class QmlFixtures : public QObject
{
    Q_OBJECT
    // One client's patterns: ten themes, the six recurring ones first; a residential episode
    // (id 4) stepping down to aftercare (id 5) in the range.
    Q_PROPERTY(PatternsModel *patterns READ patterns CONSTANT)
    // A client whose range holds no theme.
    Q_PROPERTY(PatternsModel *emptyPatterns READ emptyPatterns CONSTANT)
    // Asked for, not answered yet.
    Q_PROPERTY(PatternsModel *loadingPatterns READ loadingPatterns CONSTANT)
    // A note editor without a vault: openDraft() shows a draft as the vault thread would.
    Q_PROPERTY(NoteEditor *note READ note CONSTANT)
    // A practice membership and its sync without a vault: showPractice() sets what they show.
    Q_PROPERTY(PracticeMembership *practice READ practice CONSTANT)
    Q_PROPERTY(PracticeSync *sync READ sync CONSTANT)

public:
    explicit QmlFixtures(QObject *parent = nullptr);

    [[nodiscard]] PatternsModel *patterns() const { return m_patterns; }
    [[nodiscard]] PatternsModel *emptyPatterns() const { return m_empty; }
    [[nodiscard]] PatternsModel *loadingPatterns() const { return m_loading; }
    [[nodiscard]] NoteEditor *note() const { return m_note; }
    [[nodiscard]] PracticeMembership *practice() const { return m_practice; }
    [[nodiscard]] PracticeSync *sync() const { return m_sync; }
    // "not-joined", "synced" (a member, synced today), "refused" (a rollback, not acknowledged)
    // or "offline".
    Q_INVOKABLE void showPractice(const QString &state);
    // The reader's own draft id with text, and its suggested tags [{id, theme, words}] (the words'
    // first place in the text is the evidence).
    Q_INVOKABLE void openDraft(int id, const QString &text, const QVariantList &tags);
    // Back to the values above (a test that ticked themes leaves the next one as it found it).
    Q_INVOKABLE void reset();

private:
    PatternsModel *m_patterns;
    PatternsModel *m_empty;
    PatternsModel *m_loading;
    NoteEditor *m_note;
    PracticeMembership *m_practice;
    PracticeSync *m_sync;
};
