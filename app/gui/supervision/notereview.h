// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "supervisiondata.h"
#include "themetagmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class VaultThread;

// The note open for review: read-only, with its themes and evidence, addenda and comments. A
// supervisor comments on it, co-signs it or returns it to its author with a comment; each action
// runs on the vault thread and answers acted(noteId, action) with the note as it now is, or
// failed(failure) with action "open", "comment", "cosign" or "return".
// A note received from the practice (openReceived; receivednotes.h) is shown the same way, read-only,
// its author's signature as verified at sync; its co-sign, comment and return are the practice's
// (practice/cosign.h, as `practice cosign|comment|return` calls them), sent to the server in the
// background (notereviewpractice.cpp): one at a time, the outcome in practiceOutcome.
class NoteReview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

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
    // The reader's own note, commented on or returned by a practice supervisor through the server.
    Q_PROPERTY(bool practiceReviewed READ practiceReviewed NOTIFY loaded)
    Q_PROPERTY(QVariantList addenda READ addenda NOTIFY loaded)
    Q_PROPERTY(QVariantList comments READ comments NOTIFY loaded)
    Q_PROPERTY(ThemeTagModel *tags READ tags CONSTANT)
    // A note received from the practice: its item id ("" for a note of this vault).
    Q_PROPERTY(QString item READ item NOTIFY loaded)
    Q_PROPERTY(bool fromPractice READ fromPractice NOTIFY loaded)
    Q_PROPERTY(QString authorMember READ authorMember NOTIFY loaded)
    Q_PROPERTY(QString signatureState READ signatureState NOTIFY loaded)
    // A practice action on its way to the server (a second one is refused meanwhile).
    Q_PROPERTY(bool sending READ sending NOTIFY practiceChanged)
    // The last practice action's outcome: "", "sending", "sent", "offline", "refused" or "failed".
    Q_PROPERTY(QString practiceOutcome READ practiceOutcome NOTIFY practiceChanged)
    // What happened, in a sentence (and for "refused", what to do).
    Q_PROPERTY(QString practiceMessage READ practiceMessage NOTIFY practiceChanged)

public:
    explicit NoteReview(VaultThread *vault = nullptr, QObject *parent = nullptr);

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
    [[nodiscard]] bool practiceReviewed() const { return m_data.practiceReviewed; }
    [[nodiscard]] QVariantList addenda() const { return uc::gui::addendaList(m_data.addenda); }
    [[nodiscard]] QVariantList comments() const;
    [[nodiscard]] ThemeTagModel *tags() const { return m_tags; }
    [[nodiscard]] QString item() const { return m_data.item; }
    [[nodiscard]] bool fromPractice() const { return !m_data.item.isEmpty(); }
    [[nodiscard]] QString authorMember() const { return m_data.authorMember; }
    [[nodiscard]] QString signatureState() const { return m_data.signatureState; }
    [[nodiscard]] bool sending() const { return m_sending; }
    [[nodiscard]] QString practiceOutcome() const { return m_outcome; }
    [[nodiscard]] QString practiceMessage() const { return m_message; }

    // Opens a note for review (opened); opening it is recorded in the audit trail.
    Q_INVOKABLE void open(qint64 noteId);
    Q_INVOKABLE void close();
    Q_INVOKABLE void comment(const QString &text);
    Q_INVOKABLE void cosign();
    // Back to its author with a comment saying what to address.
    Q_INVOKABLE void returnToAuthor(const QString &comment);

    // A note received from the practice, read-only (openedItem).
    Q_INVOKABLE void openReceived(const QString &item);
    // On the open received note, through the practice server, in the background; false (nothing
    // sent) while another runs, for empty words, or when no received note is open.
    Q_INVOKABLE bool practiceCosign();
    Q_INVOKABLE bool practiceComment(const QString &text);
    Q_INVOKABLE bool practiceReturn(const QString &comment);

    void set(uc::gui::ReviewNoteData data);
    void clear();

Q_SIGNALS:
    void loaded();
    void opened(qint64 noteId);
    void acted(qint64 noteId, const QString &action); // "comment", "cosign", "return"
    void failed(const Failure &failure);
    void openedItem(const QString &item);
    // A practice action ended: "sent", "offline", "refused" or "failed" (practiceMessage says more).
    void practiceActed(const QString &item, const QString &action, const QString &outcome);
    void practiceChanged();

private:
    bool sendPractice(const QString &action, const QString &text);
    void showOutcome(const QString &outcome, const QString &message);

    // Posts act on the open note, then shows the note as it now is.
    template<typename Act>
    void act(const QString &action, const QString &label, Act work);

    VaultThread *m_vault;
    uc::gui::ReviewNoteData m_data;
    ThemeTagModel *m_tags;
    bool m_sending = false;
    QString m_outcome;
    QString m_message;
};
