// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notedata.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class NoteEditor;
class VaultThread;

// The plan objectives the open progress note rates (docs/plan.md "Progress in notes"): the open
// objectives of the plan in force on the session's date, each with this note's rating, and rating
// one through the same core call as `note progress` (one transaction, audited). Ratings are part of
// the draft: a signed note shows them fixed.
class NoteObjectives : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteEditor")

    // Whether the card shows: a progress note whose client has a plan in force on its date.
    Q_PROPERTY(bool available READ available NOTIFY changed)
    Q_PROPERTY(int version READ version NOTIFY changed)
    // A plan that does not read (changed outside the app): why, in the danger colour.
    Q_PROPERTY(QString problem READ problem NOTIFY changed)
    // [{objectiveId, text, targetDate, measuredBy, rating}], rating "" when not addressed.
    Q_PROPERTY(QVariantList objectives READ objectives NOTIFY changed)
    // Whether the reader may rate: the author's draft.
    Q_PROPERTY(bool mayRate READ mayRate NOTIFY changed)
    // The choices, in order: [{value, label}], "" (not addressed) first.
    Q_PROPERTY(QVariantList ratings READ ratings CONSTANT)

public:
    NoteObjectives(NoteEditor *editor, VaultThread *vault);

    [[nodiscard]] bool available() const
    {
        return (m_plan.version > 0 && !m_plan.objectives.isEmpty()) || !m_plan.problem.isEmpty();
    }
    [[nodiscard]] QString problem() const { return m_plan.problem; }
    [[nodiscard]] int version() const { return m_plan.version; }
    [[nodiscard]] QVariantList objectives() const;
    [[nodiscard]] bool mayRate() const;
    [[nodiscard]] static QVariantList ratings();
    // The rating shown for an objective ("" when not addressed or not shown).
    [[nodiscard]] QString ratingOf(const QString &objective) const;

    // Rates an objective of the open note ("worse", "none", "some", "much", "met"), or takes its
    // rating back (""); the objectives are read again after (changed, then rated). A refusal goes
    // to the banner and the card shows what is stored.
    Q_INVOKABLE void rate(const QString &objective, const QString &rating);

    // The note opened (or none is).
    void show(const uc::gui::NoteData &data);

Q_SIGNALS:
    void changed();
    void rated(qint64 noteId, const QString &objective);

private:
    void set(uc::gui::NotePlan plan);

    NoteEditor *m_editor;
    VaultThread *m_vault;
    uc::gui::NotePlan m_plan;
};
