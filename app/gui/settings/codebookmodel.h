// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QByteArray>
#include <QQmlEngine>
#include <QStringList>

namespace uc::vault {
class Vault;
}

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

// The codebook for the settings screen: every theme, whether it is on, and its phrases.
class CodebookModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        ThemeRole = Qt::UserRole + 1, // theme id
        LabelRole, // label
        GroupRole, // "Emotional drivers"
        DescriptionRole, // one sentence
        PhraseCountRole, // how many phrases
        PhrasesRole, // the first phrases, comma-separated
        EnabledRole, // bool: the tagger looks for it
        CustomRole, // bool: added in this vault
    };
    Q_ENUM(Role)
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return rowCount(); }
    void setRows(QList<uc::gui::CodebookRow> rows);
    void clear() { setRows({}); }

Q_SIGNALS:
    void countChanged();

private:
    QList<uc::gui::CodebookRow> m_rows;
};
