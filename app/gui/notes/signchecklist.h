// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notedata.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

class ThemeTagModel;

namespace uc::gui {
// "Abandonment: “felt left out again”" for each theme suggestion neither confirmed nor rejected,
// in the note's order.
[[nodiscard]] QStringList undecidedSuggestions(const QList<TagRow> &tags);
// The headings of the note's "## " sections that hold nothing but spaces, in the note's order.
[[nodiscard]] QStringList emptySections(const QString &text);
} // namespace uc::gui

// What the sign dialog lists before a note is locked: the theme suggestions not yet reviewed
// (they stay decidable after signing: a decision about a tag is not an edit of the note) and the
// sections left empty (signing an empty section makes it empty for good; an addendum can only add).
// Neither stops signing: the clinician decides.
class SignChecklist : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QStringList undecided READ undecided NOTIFY changed)
    Q_PROPERTY(QStringList emptySections READ emptySections NOTIFY changed)

public:
    using QObject::QObject;

    [[nodiscard]] QStringList undecided() const { return m_undecided; }
    [[nodiscard]] QStringList emptySections() const { return m_emptySections; }
    // Reads the text as edited and the note's tags (when the dialog opens).
    Q_INVOKABLE void check(const QString &text, ThemeTagModel *tags);

Q_SIGNALS:
    void changed();

private:
    QStringList m_undecided;
    QStringList m_emptySections;
};
