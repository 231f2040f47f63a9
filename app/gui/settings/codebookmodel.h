// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "codebookdata.h"
#include "failure.h"
#include "listmodel.h"

#include <QQmlEngine>

#include <functional>

class VaultThread;

// The codebook for the settings screen: every theme, whether it is on, and its phrases. It reads
// itself and changes the vault's codebook edits on the vault thread; a malformed edit is refused
// whole by the core, with its reason, and the previous edits stay in force.
class CodebookModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSettings")

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
    explicit CodebookModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void setRows(QList<uc::gui::CodebookRow> rows) { replace(m_rows, std::move(rows)); }
    void clear() { setRows({}); }

    // The codebook in force.
    Q_INVOKABLE void load();
    // Each answers saved() or failed(failure) with action "codebook".
    Q_INVOKABLE void setThemeEnabled(const QString &theme, bool enabled);
    Q_INVOKABLE void addTheme(const QString &theme, const QString &label, const QString &phrases);
    Q_INVOKABLE void addPhrases(const QString &theme, const QString &phrases);

Q_SIGNALS:
    void saved();
    void failed(const Failure &failure);

private:
    void refuse(const QString &reason);
    void change(const QString &label, std::function<QByteArray(const QByteArray &)> edit);

    VaultThread *m_vault;
    QList<uc::gui::CodebookRow> m_rows;
};
