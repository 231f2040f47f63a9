// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "noteeditor.h"
#include "supervisiondata.h"

#include <QAbstractListModel>
#include <QQmlEngine>
#include <QVariantList>

// The review queue: for a supervisor, the signed notes of their therapists waiting for a
// co-signature, by therapist and oldest first; for a therapist, their own notes waiting on a
// supervisor (and those returned to them). Rows arrive computed from the vault thread.
class ReviewQueueModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int returnedCount READ returnedCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

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
    };
    Q_ENUM(Role)

    explicit ReviewQueueModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int returnedCount() const;
    [[nodiscard]] bool loading() const { return m_loading; }
    void setLoading(bool loading);
    void setRows(QList<uc::gui::QueueRow> rows);
    void clear();
    // The row of a note, or -1.
    Q_INVOKABLE int indexOf(qint64 noteId) const;

    [[nodiscard]] static QString waitingText(int days);

Q_SIGNALS:
    void countChanged();
    void loadingChanged();

private:
    QList<uc::gui::QueueRow> m_rows;
    bool m_loading = false;
};

// The note open for review: read-only, with its themes and evidence, addenda and comments.
class NoteReview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(qint64 noteId READ noteId NOTIFY loaded)
    Q_PROPERTY(QString clientCode READ clientCode NOTIFY loaded)
    Q_PROPERTY(QString date READ date NOTIFY loaded)
    Q_PROPERTY(QString author READ author NOTIFY loaded)
    Q_PROPERTY(QString templateLabel READ templateLabel NOTIFY loaded)
    Q_PROPERTY(QString status READ status NOTIFY loaded)
    Q_PROPERTY(QString text READ text NOTIFY loaded)
    Q_PROPERTY(QString signedAt READ signedAt NOTIFY loaded)
    Q_PROPERTY(QString cosignedBy READ cosignedBy NOTIFY loaded)
    Q_PROPERTY(QString cosignedAt READ cosignedAt NOTIFY loaded)
    Q_PROPERTY(bool themesHidden READ themesHidden NOTIFY loaded)
    Q_PROPERTY(QVariantList addenda READ addenda NOTIFY loaded)
    Q_PROPERTY(QVariantList comments READ comments NOTIFY loaded)
    Q_PROPERTY(ThemeTagModel *tags READ tags CONSTANT)

public:
    explicit NoteReview(QObject *parent = nullptr);

    [[nodiscard]] qint64 noteId() const { return m_data.id; }
    [[nodiscard]] QString clientCode() const { return m_data.clientCode; }
    [[nodiscard]] QString date() const { return m_data.date; }
    [[nodiscard]] QString author() const { return m_data.author; }
    [[nodiscard]] QString templateLabel() const { return m_data.templateLabel; }
    [[nodiscard]] QString status() const { return m_data.status; }
    [[nodiscard]] QString text() const { return m_data.text; }
    [[nodiscard]] QString signedAt() const { return m_data.signedAt; }
    [[nodiscard]] QString cosignedBy() const { return m_data.cosignedBy; }
    [[nodiscard]] QString cosignedAt() const { return m_data.cosignedAt; }
    [[nodiscard]] bool themesHidden() const { return m_data.themesHidden; }
    [[nodiscard]] QVariantList addenda() const;
    [[nodiscard]] QVariantList comments() const;
    [[nodiscard]] ThemeTagModel *tags() const { return m_tags; }

    void set(uc::gui::ReviewNoteData data);
    void clear();

Q_SIGNALS:
    void loaded();

private:
    uc::gui::ReviewNoteData m_data;
    ThemeTagModel *m_tags;
};
