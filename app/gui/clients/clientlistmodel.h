// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clientdata.h"
#include "failure.h"
#include "listmodel.h"

class VaultThread;

// The clients screen's list: every client with status, last session and top recurring themes,
// narrowed by a search text. It loads itself and adds, edits and discharges clients on the vault
// thread; rows arrive computed from there, so scrolling thousands of clients never touches the
// vault.
class ClientListModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(QString filterText READ filterText WRITE setFilterText NOTIFY filterTextChanged)
    Q_PROPERTY(int total READ total NOTIFY countChanged)
    // The "open risk" view (docs/risk.md): only the clients with open risk, the most recent flag
    // first. Turning it on reads the open flags on the vault thread (recorded as a view of them).
    Q_PROPERTY(bool openRiskOnly READ openRiskOnly WRITE setOpenRiskOnly NOTIFY openRiskOnlyChanged)

public:
    enum Role {
        CodeRole = Qt::UserRole + 1, // "C-0142"
        NameRole, // display name
        StatusRole, // "active" | "discharged"
        SettingRole, // "outpatient" … or ""
        LastSessionRole, // ISO date or ""
        ThemesRole, // QStringList of theme labels, most recurrent first
        ThemeIdsRole, // QStringList of theme ids, same order
        OpenRiskRole, // the latest open flag's label ("Suicide"), "" when none (or the view is not read yet)
        OpenRiskDateRole, // its ISO date, "" when none
    };
    Q_ENUM(Role)

    explicit ClientListModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString filterText() const { return m_filter; }
    void setFilterText(const QString &text);
    [[nodiscard]] int total() const { return static_cast<int>(m_all.size()); }
    [[nodiscard]] bool openRiskOnly() const { return m_openRiskOnly; }
    void setOpenRiskOnly(bool on);
    // The caseload's open flags, newest first (the vault thread's answer; one row per flag).
    void setOpenRisk(const QList<uc::gui::RiskRow> &newestFirst, const QStringList &clientCodes);

    // Replaces every row (the vault thread's answer to a load).
    void setRows(QList<uc::gui::ClientRow> rows);
    // Adds a client or replaces the one with the same code (after an add, edit or discharge).
    void upsert(const uc::gui::ClientRow &row);
    // Forgets every row (on lock); the filter text goes too.
    void clear();
    // The row's index in the visible list, or -1.
    Q_INVOKABLE int indexOf(const QString &code) const;
    // Up to limit active clients whose code or name contains text, whatever the list's filter:
    // [{code, name}] (choosing a group's members).
    Q_INVOKABLE QVariantList findActive(const QString &text, int limit) const;

    // Reads every client again.
    Q_INVOKABLE void reload();
    // Each answers saved(code) or failed(failure) (actions "add", "update", "discharge").
    // setting as the core spells it or ""; dates "YYYY-MM-DD", intake may be empty.
    Q_INVOKABLE void add(const QString &code, const QString &name, const QString &setting, const QString &intake);
    Q_INVOKABLE void update(const QString &code, const QString &name, const QString &setting);
    Q_INVOKABLE void discharge(const QString &code, const QString &date);

Q_SIGNALS:
    void filterTextChanged();
    void openRiskOnlyChanged();
    void saved(const QString &code);
    void failed(const Failure &failure);

private:
    [[nodiscard]] bool matches(const uc::gui::ClientRow &row) const;
    void refilter();
    [[nodiscard]] static QString notASetting();
    void loadOpenRisk();
    // Posts work (which returns the client's row) and puts the row in the list.
    template<typename Work>
    void save(const QString &action, const QString &label, Work work);

    VaultThread *m_vault;
    QList<uc::gui::ClientRow> m_all; // by code
    QList<qsizetype> m_visible; // indices into m_all
    QString m_filter;
    bool m_openRiskOnly = false;
    // Each client's latest open flag, and its rank among the clients by recency (0 the newest).
    QHash<QString, uc::gui::RiskRow> m_latestRisk;
    QHash<QString, int> m_riskRank;
};
