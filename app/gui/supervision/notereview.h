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
    Q_PROPERTY(QVariantList addenda READ addenda NOTIFY loaded)
    Q_PROPERTY(QVariantList comments READ comments NOTIFY loaded)
    Q_PROPERTY(ThemeTagModel *tags READ tags CONSTANT)

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
    [[nodiscard]] QVariantList addenda() const { return uc::gui::addendaList(m_data.addenda); }
    [[nodiscard]] QVariantList comments() const;
    [[nodiscard]] ThemeTagModel *tags() const { return m_tags; }

    // Opens a note for review (opened); opening it is recorded in the audit trail.
    Q_INVOKABLE void open(qint64 noteId);
    Q_INVOKABLE void close();
    Q_INVOKABLE void comment(const QString &text);
    Q_INVOKABLE void cosign();
    // Back to its author with a comment saying what to address.
    Q_INVOKABLE void returnToAuthor(const QString &comment);

    void set(uc::gui::ReviewNoteData data);
    void clear();

Q_SIGNALS:
    void loaded();
    void opened(qint64 noteId);
    void acted(qint64 noteId, const QString &action); // "comment", "cosign", "return"
    void failed(const Failure &failure);

private:
    // Posts act on the open note, then shows the note as it now is.
    template<typename Act>
    void act(const QString &action, const QString &label, Act work);

    VaultThread *m_vault;
    uc::gui::ReviewNoteData m_data;
    ThemeTagModel *m_tags;
};
