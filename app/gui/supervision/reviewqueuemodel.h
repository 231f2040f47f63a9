// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"
#include "supervisiondata.h"

#include <QQmlEngine>

class VaultThread;

// The review queue: for a supervisor, the signed notes of their therapists waiting for a
// co-signature, by therapist and oldest first; for a therapist, their own notes waiting on a
// supervisor (and those returned to them). Notes with open risk come first (the core's order). It
// reads itself on the vault thread.
class ReviewQueueModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(int returnedCount READ returnedCount NOTIFY countChanged)

public:
    enum Role {
        NoteIdRole = Qt::UserRole + 1, // the note's id
        ClientCodeRole, // "C-0101"
        SessionDateRole, // ISO date of the session
        TherapistRole, // the note's author (the section the row is grouped under)
        SupervisorRole, // the supervisor it waits for
        ModeRole, // "review" | "must-cosign"
        ModeLabelRole, // "co-signature required" | "co-signature optional"
        SignedAtRole, // UTC, ISO 8601
        DaysWaitingRole, // whole days since signing
        WaitingTextRole, // "signed today", "waiting 1 day", "waiting 12 days"
        ReturnedRole, // returned with a comment and not yet answered by an addendum
        CommentsRole, // how many comments the note has
        OpenRiskRole, // the note has open risk (docs/risk.md): such notes come first
    };
    Q_ENUM(Role)

    explicit ReviewQueueModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int returnedCount() const;
    void setRows(QList<uc::gui::QueueRow> rows) { replace(m_rows, std::move(rows)); }
    void clear();
    // Reads the queue again (loaded); a refusal goes to the banner.
    Q_INVOKABLE void reload();
    // The row of a note, or -1.
    Q_INVOKABLE int indexOf(qint64 noteId) const;

    [[nodiscard]] static QString waitingText(int days);

Q_SIGNALS:
    void loaded();

private:
    VaultThread *m_vault;
    QList<uc::gui::QueueRow> m_rows;
};
