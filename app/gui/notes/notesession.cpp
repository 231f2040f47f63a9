// SPDX-License-Identifier: GPL-3.0-or-later
#include "notesession.h"

#include "noteeditor.h"
#include "sessionform.h"
#include "vaultthread.h"

#include "vault/vault.h"

#include <utility>

using namespace Qt::StringLiterals;
using uc::gui::NoteData;

NoteSession::NoteSession(NoteEditor *editor, VaultThread *vault)
    : QObject(editor)
    , m_editor(editor)
    , m_vault(vault)
{
}

QVariantList NoteSession::members() const
{
    QVariantList list;
    for (const auto &[id, code] : m_data.members)
        list.append(QVariantMap{{u"noteId"_s, QVariant::fromValue(static_cast<qint64>(id))}, {u"clientCode"_s, code}});
    return list;
}

int NoteSession::memberIndex() const
{
    for (qsizetype i = 0; i < m_data.members.size(); ++i)
        if (m_data.members.at(i).first == m_data.noteId)
            return static_cast<int>(i);
    return -1;
}

QVariantList NoteSession::templates()
{
    return uc::gui::templateChoices();
}

void NoteSession::show(const NoteData &data)
{
    m_data = {data.id,       data.sessionId,  data.start,      data.minutes, data.modality,
              data.setting,  data.groupTopic, data.attendance, data.members};
    Q_EMIT changed();
}

void NoteSession::begin(const uc::gui::NewSession &made, const QString &action, const QString &label)
{
    m_vault->post(
        this, label,
        [made](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            const auto added = v.notes().addSession(made.session, made.templateId, made.kind, made.sections);
            return uc::gui::loadNote(v, added.notes.first());
        },
        [this](NoteData data) {
            const qint64 id = data.id;
            m_editor->set(std::move(data));
            Q_EMIT created(id);
        },
        [this, action](const uc::Error &e) { Q_EMIT failed(Failure(action, e)); });
}

void NoteSession::create(const QString &clientCode, const QString &date, const QString &time, int minutes,
                         const QString &setting, const QString &attendance, const QString &templateId)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto made = uc::gui::individualSession(clientCode, date, time, minutes, setting, attendance, templateId, &problem);
    if (!made)
        return Q_EMIT failed(Failure(Failure::BadInput, u"create"_s, problem));
    begin(*made, u"create"_s, tr("Creating the note…"));
}

void NoteSession::record(const QString &clientCode, const QString &date, const QString &time, int minutes,
                         const QString &setting, const QString &attendance)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto made =
        uc::gui::individualSession(clientCode, date, time, minutes, setting, attendance, u"free"_s, &problem);
    if (!made)
        return Q_EMIT failed(Failure(Failure::BadInput, u"record"_s, problem));
    const uc::model::Attendance was = made->session.attendees.first().attendance;
    if (was != uc::model::Attendance::NoShow && was != uc::model::Attendance::Cancelled)
        return Q_EMIT failed(Failure(Failure::BadInput, u"record"_s, tr("A session the client came to has a note.")));
    m_vault->post(
        this, tr("Recording the session…"),
        [session = made->session](VaultThread::Worker &w) {
            return static_cast<qint64>(w.open().notes().addSession(session));
        },
        [this](qint64 id) { Q_EMIT recorded(id); },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"record"_s, e)); });
}

void NoteSession::createGroup(const QString &date, const QString &time, int minutes, const QString &setting,
                              const QString &topic, const QString &process, const QVariantList &attendees)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto made = uc::gui::groupSession(date, time, minutes, setting, topic, process, attendees, &problem);
    if (!made)
        return Q_EMIT failed(Failure(Failure::BadInput, u"create-group"_s, problem));
    begin(*made, u"create-group"_s, tr("Creating the members' notes…"));
}

void NoteSession::addNote(qint64 sessionId, const QString &clientCode, const QString &templateId)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    QString problem;
    const auto made = uc::gui::noteOnSession(sessionId, clientCode, templateId, &problem);
    if (!made)
        return Q_EMIT failed(Failure(Failure::BadInput, u"add-note"_s, problem));
    m_vault->post(
        this, tr("Creating the note…"),
        [made = *made](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            const uc::model::Id id = v.notes().add(made.session.id, made.session.attendees.first().clientCode,
                                                   made.templateId, made.kind, made.sections);
            return uc::gui::loadNote(v, id);
        },
        [this](NoteData data) {
            const qint64 id = data.id;
            m_editor->set(std::move(data));
            Q_EMIT created(id);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"add-note"_s, e)); });
}

void NoteSession::update(const QString &date, const QString &time, int minutes, const QString &modality,
                         const QString &setting, const QString &attendance)
{
    const qint64 noteId = m_editor->noteId();
    if (!m_vault || noteId == 0 || m_editor->readOnly())
        return;
    QString problem;
    const auto details = uc::gui::sessionDetails(date, time, minutes, modality, setting, attendance, &problem);
    if (!details)
        return Q_EMIT failed(Failure(Failure::BadInput, u"update-session"_s, problem));
    m_editor->draft()->flush(); // typing first, in order
    const auto work = [sessionId = m_data.sessionId, code = m_editor->clientCode(), details = *details](uc::vault::Vault &v,
                                                                                                      qint64) {
        uc::model::Session s = v.notes().session(sessionId);
        details.applyTo(s, code);
        v.notes().updateSession(s);
    };
    m_vault->post(
        this, tr("Saving the session…"), actThenRead(noteId, work, &uc::gui::loadNote),
        [this, noteId](NoteData data) {
            if (m_editor->noteId() == noteId)
                m_editor->set(std::move(data));
            Q_EMIT updated(noteId);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"update-session"_s, e)); });
}
