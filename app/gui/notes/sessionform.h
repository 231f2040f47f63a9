// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

// The new-session and session-details forms as the core takes them: the fields as typed, checked
// here so a mistake is named at once, before anything goes to the vault thread. Each answers
// nullopt with one sentence in *problem when a field is wrong.
namespace uc::gui {

// A new session and the draft note(s) it starts with.
struct NewSession
{
    model::Session session;
    QString templateId;
    model::NoteKind kind = model::NoteKind::Progress;
    QList<model::Section> sections; // the template's headings (empty), or a group's note to split
};

// One client's session. date "YYYY-MM-DD", time "HH:MM" or "", setting and attendance as the core
// spells them ("" for no setting), templateId one of templateChoices().
[[nodiscard]] std::optional<NewSession> individualSession(const QString &clientCode, const QString &date,
                                                         const QString &time, int minutes, const QString &setting,
                                                         const QString &attendance, const QString &templateId,
                                                         QString *problem);
// A group session written in one sitting: attendees [{code, attendance, part}], at least two, each
// once. The group's part is its topic and process (what the group did), in every member's note and
// marked shared; each member's part is their own "Participation", in their note alone
// (model::splitGroupNote: the sections are the group's, then a "Member CODE" section per member).
[[nodiscard]] std::optional<NewSession> groupSession(const QString &date, const QString &time, int minutes,
                                                    const QString &setting, const QString &topic,
                                                    const QString &process, const QVariantList &attendees,
                                                    QString *problem);

// A draft from a template for the client on an existing session (a process note beside the
// progress note, a co-therapist's note): the session names only its id and the client.
[[nodiscard]] std::optional<NewSession> noteOnSession(qint64 sessionId, const QString &clientCode,
                                                     const QString &templateId, QString *problem);

// New details for an existing session; attendance is that of the note's client.
struct SessionDetails
{
    model::Date date;
    std::optional<model::TimeOfDay> start;
    int minutes = 0;
    model::Modality modality = model::Modality::Individual;
    std::optional<model::Setting> setting;
    model::Attendance attendance = model::Attendance::Attended;

    // session with these details, attendance set on clientCode's place in it.
    void applyTo(model::Session &session, const QString &clientCode) const;
};
[[nodiscard]] std::optional<SessionDetails> sessionDetails(const QString &date, const QString &time, int minutes,
                                                          const QString &modality, const QString &setting,
                                                          const QString &attendance, QString *problem);

// The note templates a one-to-one session can start from: [{id, label}] (not the group note).
[[nodiscard]] QVariantList templateChoices();

} // namespace uc::gui
