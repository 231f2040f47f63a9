// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "listmodel.h"

#include "vault/audit.h"

#include <QQmlEngine>

#include <optional>

class VaultThread;
namespace uc::vault {
class Vault;
}

// The audit trail as the audit viewer lists it: one row per entry, oldest or newest first, and
// the verification of the whole chain; also its exports. Entries are read on the vault thread and
// handed over whole; turning the order round never goes back to the vault. Each call answers its
// signal or failed(failure) with action "load", "verify" or "export".
class AuditModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

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
        ObjectLabelRole, // the object as a reader knows it ("C-0142", "C-0142 progress note, 2025-03-01"), else as stored
        SignerRole, // whose key signed it: the user, or the unlocking user for a failed-unlock report ("" before v19)
        SignatureRole, // "verified", "unsigned" (before signing began), "broken" (at or after where the check failed)
                       // or "unverified" (not checked yet, or the trail failed as a whole)
    };
    Q_ENUM(Role)

    explicit AuditModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] bool newestFirst() const { return m_newestFirst; }
    void setNewestFirst(bool newestFirst);
    [[nodiscard]] bool verified() const { return m_verified; }
    [[nodiscard]] bool whole() const { return m_check.whole; }
    [[nodiscard]] QString verificationText() const;
    // Where an export goes unless the user picks another file: Documents/undercurrent-audit-<today>.csv.
    [[nodiscard]] static QString suggestedFile();

    // since, until "YYYY-MM-DD" or "" (both ends inclusive), user a name or "" for everyone. The
    // chain is verified in the same step, before the list is read, so the verified count is the
    // trail the list was read from.
    Q_INVOKABLE void load(const QString &since, const QString &user, const QString &until = QString());
    // Checks the whole chain (verificationChanged), and lists again what the last load listed.
    Q_INVOKABLE void verify();
    // The entries the filter selects into file (a path or a file: URL), ".csv" or ".pdf" added
    // when missing; exported(entries, file).
    Q_INVOKABLE void exportCsv(const QString &since, const QString &user, const QString &file,
                               const QString &until = QString());
    Q_INVOKABLE void exportPdf(const QString &since, const QString &user, const QString &file,
                               const QString &until = QString());
    // The filter as typed, as the vault takes it; nullopt with a plain sentence in problem for a
    // malformed date or a period ending before it starts. One check for the list and both exports.
    [[nodiscard]] static std::optional<uc::vault::AuditFilter> filterOf(const QString &since, const QString &until,
                                                                      const QString &user, QString *problem);

    // Entries oldest first, as the vault gives them.
    void setEntries(QList<uc::vault::AuditEntry> entries) { replace(m_entries, std::move(entries)); }
    void setVerification(const uc::vault::AuditCheck &check);
    // What stored objects are called on screen ("client:3" -> "C-0142"), resolved when shown;
    // entries keep their ids. Objects the reader may not read stay as stored.
    void setObjectLabels(QHash<QString, QString> labels) { m_labels = std::move(labels); }
    [[nodiscard]] static QHash<QString, QString> objectLabels(uc::vault::Vault &vault);
    void clear();

    // "Audit trail whole: 1,204 entries" or "Audit trail broken at entry 5: its content was changed".
    [[nodiscard]] static QString describe(const uc::vault::AuditCheck &check);
    // An entry's signature as the last verification leaves it (SignatureRole).
    [[nodiscard]] static QString signatureState(const uc::vault::AuditEntry &entry, bool verified,
                                                const uc::vault::AuditCheck &check);

Q_SIGNALS:
    void newestFirstChanged();
    void verificationChanged();
    void loaded();
    void exported(int entries, const QString &file);
    void failed(const Failure &failure);

private:
    template<typename Write>
    void exportTo(const QString &since, const QString &user, const QString &until, const QString &path, Write write);

    VaultThread *m_vault;
    QList<uc::vault::AuditEntry> m_entries; // oldest first
    QHash<QString, QString> m_labels;
    uc::vault::AuditFilter m_filter; // what the last load listed
    bool m_newestFirst = true;
    bool m_verified = false;
    uc::vault::AuditCheck m_check;
};
