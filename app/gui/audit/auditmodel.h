// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/audit.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QUrl>

// The audit trail as the audit viewer lists it: one row per entry, oldest or newest first, and
// the verification of the whole chain. Entries are read on the vault thread and handed over whole;
// turning the order round never goes back to the vault.
class AuditModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(bool newestFirst READ newestFirst WRITE setNewestFirst NOTIFY newestFirstChanged)
    Q_PROPERTY(bool verified READ verified NOTIFY verificationChanged)
    Q_PROPERTY(bool whole READ whole NOTIFY verificationChanged)
    Q_PROPERTY(QString verificationText READ verificationText NOTIFY verificationChanged)
    Q_PROPERTY(QString suggestedFile READ suggestedFile CONSTANT)

public:
    enum Role {
        SeqRole = Qt::UserRole + 1, // 1, 2, 3 … in the order written
        AtRole, // UTC, ISO 8601 with milliseconds
        UserRole, // who acted ("" when unknown)
        ActionRole, // "unlock", "view-note", "cosign" …
        ObjectRole, // "note:12", "client:3", "vault"
        DetailRole, // a count or a setting, never text
        HashRole, // the entry's chain hash, hex
    };
    Q_ENUM(Role)

    explicit AuditModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(m_entries.size()); }
    [[nodiscard]] bool loading() const { return m_loading; }
    void setLoading(bool loading);
    [[nodiscard]] bool newestFirst() const { return m_newestFirst; }
    void setNewestFirst(bool newestFirst);
    [[nodiscard]] bool verified() const { return m_verified; }
    [[nodiscard]] bool whole() const { return m_check.whole; }
    [[nodiscard]] QString verificationText() const;
    // Where an export goes unless the user picks another file: Documents/undercurrent-audit-<today>.csv.
    [[nodiscard]] static QString suggestedFile();
    // A FileDialog's URL as the path the user reads.
    Q_INVOKABLE static QString localPath(const QUrl &url) { return url.toLocalFile(); }

    // Entries oldest first, as the vault gives them.
    void setEntries(QList<uc::vault::AuditEntry> entries);
    void setVerification(const uc::vault::AuditCheck &check);
    void clear();

    // "Audit trail whole: 1,204 entries" or "Audit trail broken at entry 5: its content was changed".
    [[nodiscard]] static QString describe(const uc::vault::AuditCheck &check);

Q_SIGNALS:
    void countChanged();
    void loadingChanged();
    void newestFirstChanged();
    void verificationChanged();

private:
    QList<uc::vault::AuditEntry> m_entries; // oldest first
    bool m_loading = false;
    bool m_newestFirst = true;
    bool m_verified = false;
    uc::vault::AuditCheck m_check;
};
