// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "notedata.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class NoteEditor;
class VaultThread;

namespace uc::gui {
struct NewSession;
}

// The session of the open note: its details (start, length, modality, setting, a group's topic,
// the client's attendance) and, for a group session, its members' notes; changing the details,
// and starting a new session with a draft from a template (opened in the editor).
class NoteSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteEditor")

    // start "HH:MM" or "", setting "" when none; as the core spells them.
    Q_PROPERTY(QString start READ start NOTIFY changed)
    Q_PROPERTY(int minutes READ minutes NOTIFY changed)
    Q_PROPERTY(QString modality READ modality NOTIFY changed)
    Q_PROPERTY(QString setting READ setting NOTIFY changed)
    Q_PROPERTY(QString groupTopic READ groupTopic NOTIFY changed)
    Q_PROPERTY(QString attendance READ attendance NOTIFY changed)
    // A group session's members' notes ([{noteId, clientCode}], the reader's own, by code) and
    // which of them is open (-1 for one-to-one work).
    Q_PROPERTY(QVariantList members READ members NOTIFY changed)
    Q_PROPERTY(int memberIndex READ memberIndex NOTIFY changed)
    // The templates a one-to-one session can start from: [{id, label}].
    Q_PROPERTY(QVariantList templates READ templates CONSTANT)

public:
    NoteSession(NoteEditor *editor, VaultThread *vault);

    [[nodiscard]] qint64 id() const { return m_data.sessionId; }
    [[nodiscard]] QString start() const { return m_data.start; }
    [[nodiscard]] int minutes() const { return m_data.minutes; }
    [[nodiscard]] QString modality() const { return m_data.modality; }
    [[nodiscard]] QString setting() const { return m_data.setting; }
    [[nodiscard]] QString groupTopic() const { return m_data.groupTopic; }
    [[nodiscard]] QString attendance() const { return m_data.attendance; }
    [[nodiscard]] QVariantList members() const;
    [[nodiscard]] int memberIndex() const;
    [[nodiscard]] static QVariantList templates();

    // A new individual session for the client with a draft note from the template, opened in the
    // editor (created; action "create"). date "YYYY-MM-DD", time "HH:MM" or "", setting and
    // attendance as the core spells them.
    Q_INVOKABLE void create(const QString &clientCode, const QString &date, const QString &time, int minutes,
                            const QString &setting, const QString &attendance, const QString &templateId);
    // A session the client missed (attendance "no-show" or "cancelled"), recorded without a note:
    // it counts as missed and needs nothing written (recorded; action "record").
    Q_INVOKABLE void record(const QString &clientCode, const QString &date, const QString &time, int minutes,
                            const QString &setting, const QString &attendance);
    // A group session written in one sitting (sessionform.h, groupSession): one draft group note
    // per member (attendees: [{code, attendance, part}], at least two) holding the group's part
    // (topic, process) and that member's own part, never another's; the first member's opened.
    Q_INVOKABLE void createGroup(const QString &date, const QString &time, int minutes, const QString &setting,
                                 const QString &topic, const QString &process, const QVariantList &attendees);
    // A draft from the template for the client on an existing session (sessionId), opened in the
    // editor (created; action "add-note"): a process note beside the progress note is the same
    // session, never another. The vault refuses a second progress note by the same author.
    Q_INVOKABLE void addNote(qint64 sessionId, const QString &clientCode, const QString &templateId);
    // Changes the open note's session details; attendance is the open note's client's
    // (updated; action "update-session").
    Q_INVOKABLE void update(const QString &date, const QString &time, int minutes, const QString &modality,
                            const QString &setting, const QString &attendance);

    // The note opened (or none is).
    void show(const uc::gui::NoteData &data);

Q_SIGNALS:
    void changed();
    void created(qint64 noteId);
    void recorded(qint64 sessionId);
    void updated(qint64 noteId);
    void failed(const Failure &failure);

private:
    struct Details
    {
        qint64 noteId = 0;
        qint64 sessionId = 0;
        QString start;
        int minutes = 0;
        QString modality;
        QString setting;
        QString groupTopic;
        QString attendance;
        QList<std::pair<uc::model::Id, QString>> members;
    };
    // Adds the session on the vault thread and opens its (first) note in the editor.
    void begin(const uc::gui::NewSession &made, const QString &action, const QString &label);

    NoteEditor *m_editor;
    VaultThread *m_vault;
    Details m_data;
};
