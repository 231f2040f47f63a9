// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionform.h"

#include "model/groupnote.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace uc::gui {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("NoteEditor", text);
}

constexpr int longestSession = 600; // minutes

// The date and start as typed; false with *problem when either is malformed.
bool parseWhen(const QString &date, const QString &time, model::Date *day, std::optional<model::TimeOfDay> *start,
               QString *problem)
{
    const auto parsedDay = model::parseDate(date.trimmed());
    const QString clock = time.trimmed();
    const auto parsedStart = clock.isEmpty() ? std::optional<model::TimeOfDay>() : model::parseTime(clock);
    if (!parsedDay || (!clock.isEmpty() && !parsedStart)) {
        *problem = tr("The date must be YYYY-MM-DD and the time HH:MM.");
        return false;
    }
    *day = *parsedDay;
    *start = parsedStart;
    return true;
}

std::optional<model::Setting> settingOf(const QString &setting)
{
    return setting.isEmpty() ? std::nullopt : model::parseSetting(setting);
}

} // namespace

std::optional<NewSession> individualSession(const QString &clientCode, const QString &date, const QString &time,
                                            int minutes, const QString &setting, const QString &attendance,
                                            const QString &templateId, QString *problem)
{
    NewSession made;
    if (!parseWhen(date, time, &made.session.date, &made.session.start, problem))
        return std::nullopt;
    const auto present = model::parseAttendance(attendance);
    const model::Template *form = model::findTemplate(templateId);
    if (minutes <= 0 || minutes > longestSession || !present || !form) {
        *problem = tr("Check the session's length, attendance and template.");
        return std::nullopt;
    }
    made.session.minutes = minutes;
    made.session.setting = settingOf(setting);
    made.session.attendees.append({0, clientCode, *present});
    made.templateId = templateId;
    made.kind = templateId == u"process" ? model::NoteKind::Process : model::NoteKind::Progress;
    for (const QString &title : form->sections)
        made.sections.append({title, QString()});
    return made;
}

std::optional<NewSession> groupSession(const QString &date, const QString &time, int minutes, const QString &setting,
                                       const QString &topic, const QString &process, const QVariantList &attendees,
                                       QString *problem)
{
    NewSession made;
    if (!parseWhen(date, time, &made.session.date, &made.session.start, problem))
        return std::nullopt;
    if (minutes <= 0 || minutes > longestSession) {
        *problem = tr("Check the session's length.");
        return std::nullopt;
    }
    made.session.minutes = minutes;
    made.session.modality = model::Modality::Group;
    made.session.setting = settingOf(setting);
    made.session.groupTopic = topic.trimmed();
    QStringList codes;
    QStringList parts;
    for (const QVariant &member : attendees) {
        const QVariantMap m = member.toMap();
        const QString code = m.value(u"code"_s).toString();
        const auto present = model::parseAttendance(m.value(u"attendance"_s).toString());
        // A code that is not one word could not head its part ("Member CODE").
        if (code.isEmpty() || code.contains(QRegularExpression(u"\\s"_s)) || !present || codes.contains(code)) {
            *problem = tr("Check each member and their attendance.");
            return std::nullopt;
        }
        codes << code;
        parts << m.value(u"part"_s).toString().trimmed();
        made.session.attendees.append({0, code, *present});
    }
    if (made.session.attendees.size() < 2) {
        *problem = tr("A group session needs at least two members.");
        return std::nullopt;
    }
    made.templateId = u"group"_s;
    made.sections.append({u"Group topic"_s, made.session.groupTopic});
    made.sections.append({u"Group process"_s, process.trimmed()});
    for (qsizetype i = 0; i < codes.size(); ++i)
        made.sections.append({u"Member "_s + codes.at(i), parts.at(i)});
    const model::GroupSplit split = model::splitGroupNote(made.sections, codes);
    if (!split.problem.isEmpty()) {
        *problem = split.problem;
        return std::nullopt;
    }
    for (const QList<model::Section> &note : split.byMember) {
        if (!model::fitsNoteLimit(model::textOf(note))) {
            *problem = model::noteTooLongReason();
            return std::nullopt;
        }
    }
    return made;
}

std::optional<NewSession> noteOnSession(qint64 sessionId, const QString &clientCode, const QString &templateId,
                                        QString *problem)
{
    const model::Template *form = model::findTemplate(templateId);
    if (sessionId <= 0 || clientCode.isEmpty() || !form || templateId == u"group") {
        *problem = tr("Choose the session and the note's template.");
        return std::nullopt;
    }
    NewSession made;
    made.session.id = sessionId;
    made.session.attendees.append({0, clientCode, model::Attendance::Attended});
    made.templateId = templateId;
    made.kind = templateId == u"process" ? model::NoteKind::Process : model::NoteKind::Progress;
    for (const QString &title : form->sections)
        made.sections.append({title, QString()});
    return made;
}

std::optional<SessionDetails> sessionDetails(const QString &date, const QString &time, int minutes,
                                             const QString &modality, const QString &setting,
                                             const QString &attendance, QString *problem)
{
    SessionDetails details;
    if (!parseWhen(date, time, &details.date, &details.start, problem))
        return std::nullopt;
    const auto how = model::parseModality(modality);
    const auto present = model::parseAttendance(attendance);
    const auto where = settingOf(setting);
    if (minutes <= 0 || minutes > longestSession || !how || !present || (!setting.isEmpty() && !where)) {
        *problem = tr("Check the session's length, modality, setting and attendance.");
        return std::nullopt;
    }
    details.minutes = minutes;
    details.modality = *how;
    details.setting = where;
    details.attendance = *present;
    return details;
}

void SessionDetails::applyTo(model::Session &session, const QString &clientCode) const
{
    session.date = date;
    session.start = start;
    session.minutes = minutes;
    session.modality = modality;
    session.setting = setting;
    for (auto &a : session.attendees)
        if (a.clientCode == clientCode)
            a.attendance = attendance;
}

QVariantList templateChoices()
{
    QVariantList list;
    for (const model::Template &t : model::templates()) {
        if (t.id != u"group")
            list.append(QVariantMap{{u"id"_s, t.id}, {u"label"_s, t.label}});
    }
    return list;
}

} // namespace uc::gui
