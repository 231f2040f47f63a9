// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace uc::vault {
class Vault;
}

// The codebook as the settings screen lists it, and the vault's codebook edits (the core's JSON
// format) changed one step at a time; the core validates every result.
namespace uc::gui {

struct CodebookRow
{
    QString theme;
    QString label;
    QString group;
    QString description;
    QStringList phrases;
    bool enabled = true;
    bool custom = false; // added in this vault, not in the built-in codebook
};

// The codebook in force, built-in order, with this vault's additions last.
[[nodiscard]] QList<CodebookRow> loadCodebook(vault::Vault &vault);

// The vault's codebook edits ({"themes": [...], "disabled": [...]}, the core's format) changed
// one step. Empty or unreadable edits count as none; the core validates the result.
[[nodiscard]] QByteArray editsWithThemeEnabled(const QByteArray &edits, const QString &theme, bool enabled);
[[nodiscard]] QByteArray editsWithNewTheme(const QByteArray &edits, const QString &theme, const QString &label,
                                           const QStringList &phrases);
[[nodiscard]] QByteArray editsWithPhrases(const QByteArray &edits, const QString &theme, const QStringList &phrases);
// Phrases typed one per line or separated by commas, trimmed, empty ones dropped.
[[nodiscard]] QStringList phrasesFrom(const QString &text);
// The core's refusal as a sentence for the form: "codebook: line 3: theme 'x' has no phrases" →
// "Theme 'x' has no phrases." (the line is of a document the user never saw).
[[nodiscard]] QString codebookRefusal(const QString &message);

} // namespace uc::gui
