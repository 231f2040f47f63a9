// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"
#include "supervisiondata.h"

#include <QQmlEngine>

class VaultThread;

// The review queue: for a supervisor, the signed notes of their therapists waiting for a
// co-signature, by therapist and oldest first; for a therapist, their own notes waiting on a
// supervisor (and those returned to them). Notes with open risk come first (the core's order). A
// supervisor in a practice also sees the notes their sync received from other machines
// (receivednotes.h), marked as such, open risk first too. It reads itself on the vault thread.
class ReviewQueueModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(int returnedCount READ returnedCount NOTIFY countChanged)
    // The notes still waiting (a received note co-signed here stays in the list, marked).
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY countChanged)
    // Why the notes received from the practice are not shown (their kept file does not open); "".
    Q_PROPERTY(QString practiceProblem READ practiceProblem NOTIFY practiceProblemChanged)

public:
    enum Role {
        NoteIdRole = Qt::UserRole + 1, // the note's id
        ClientCodeRole, // "C-0101"
        SessionDateRole, // ISO date of the session
        TherapistRole, // the note's author (the section the row is grouped under)
        SupervisorRole, // the supervisor it waits for
        ModeRole, // "review" | "must-cosign" | "practice" (received) | "through-practice" (the author's, reviewed there)
        ModeLabelRole, // "co-signature required" | "co-signature optional"
        SignedAtRole, // UTC, ISO 8601
        DaysWaitingRole, // whole days since signing
        WaitingTextRole, // "signed today", "waiting 1 day", "waiting 12 days"
        ReturnedRole, // returned with a comment and not yet answered by an addendum
        CommentsRole, // how many comments the note has
        OpenRiskRole, // the note has open risk (docs/risk.md): such notes come first
        ItemRole, // a received note's practice-wide item id; "" for a note in this vault
        FromPracticeRole, // received from the practice (another machine)
        AuthorMemberRole, // a received note's author's practice member id
        CosignedRole, // a received note this supervisor co-signed through the practice
    };
    Q_ENUM(Role)

    explicit ReviewQueueModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int returnedCount() const;
    [[nodiscard]] int waitingCount() const;
    [[nodiscard]] QString practiceProblem() const { return m_problem; }
    void setRows(QList<uc::gui::QueueRow> rows) { replace(m_rows, std::move(rows)); }
    void setPracticeProblem(const QString &problem);
    void clear();
    // Reads the queue again (loaded); a refusal goes to the banner.
    Q_INVOKABLE void reload();
    // The row of a note, or -1.
    Q_INVOKABLE int indexOf(qint64 noteId) const;
    // The row of a received note, or -1.
    Q_INVOKABLE int indexOfItem(const QString &item) const;
    // A received note was co-signed here (the server took it): marked so until the next reload.
    Q_INVOKABLE void markCosigned(const QString &item);

    [[nodiscard]] static QString waitingText(int days);

Q_SIGNALS:
    void loaded();
    void practiceProblemChanged();

private:
    VaultThread *m_vault;
    QList<uc::gui::QueueRow> m_rows;
    QString m_problem;
};
