// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/ctcodebook.h"
#include "model/types.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

// The countertransference log (docs/countertransference.md): the therapist's own reactions, as
// written in the "Transference and countertransference" section of their process notes. An entry is
// a sentence of that section about the therapist — it names them ("I", "my", "writer") and either
// starts with them or holds one of the codebook's reactions. Its codes are the reactions the
// codebook finds in it, unless negated ("no urge to rescue") or another's ("her anger").
// Computed from the note's words whenever asked; nothing of it is stored apart from the note.
namespace uc::model {

// The process template's section the log is read from.
[[nodiscard]] QString countertransferenceSectionTitle();

struct CtCue
{
    QString code; // a CtCode id
    qsizetype start = 0; // [start, end) in UTF-16 units of the entry's text
    qsizetype end = 0;
    bool negated = false; // "no urge to rescue", "did not feel bored": shown, never counted
};

struct CtEntry
{
    qsizetype start = 0; // [start, end) in UTF-16 units of the section's text
    qsizetype end = 0;
    QString text; // the sentence
    QStringList codes; // the reactions counted, each once, in the codebook's order
    QList<CtCue> cues; // every cue found, negated ones too
};

// The entries of a section's text, in order.
[[nodiscard]] QList<CtEntry> countertransferenceEntries(QStringView sectionText,
                                                        const CtCodebook &book = CtCodebook::builtIn());
// The entries of a note's sections (its countertransference section only; none for other sections).
[[nodiscard]] QList<CtEntry> countertransferenceEntries(const QList<Section> &sections,
                                                        const CtCodebook &book = CtCodebook::builtIn());

// The sections with every entry taken out (what leaves the vault); *removed, when given, is how many.
[[nodiscard]] QList<Section> withoutCountertransference(const QList<Section> &sections, int *removed = nullptr,
                                                        const CtCodebook &book = CtCodebook::builtIn());

// A note's text (textOf(sections)) with every entry's characters blanked, one space per code point
// and line breaks kept, so the theme tagger's offsets still point into the note and the therapist's
// reactions are never read as the client's themes.
[[nodiscard]] QString blankCountertransference(const QString &noteText,
                                               const CtCodebook &book = CtCodebook::builtIn());

// The author's reactions over time: entries counted per calendar month of their session, from the
// first entry's month to the last's (the latest maxChartMonths at most), one row per code any entry
// carries, in the codebook's order.
inline constexpr int maxChartMonths = 24;
struct CtChartRow
{
    QString code;
    QString label;
    QList<int> perMonth; // one per month of CtChart::months
    int total = 0;
};
struct CtChart
{
    QStringList months; // "2025-05", oldest first
    QList<CtChartRow> rows;
};
[[nodiscard]] CtChart countertransferenceChart(const QList<std::pair<Date, QStringList>> &codedEntries,
                                               const CtCodebook &book = CtCodebook::builtIn());

} // namespace uc::model
