// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternevents.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using uc::model::TreatmentEvent;

namespace {

QString programName(const QString &program)
{
    if (program == u"aa" || program == u"na" || program == u"smart")
        return program.toUpper();
    return program; // "12-step", "other"
}

QString doseOf(const TreatmentEvent &e)
{
    return e.dose ? u"%1 %2"_s.arg(QString::number(*e.dose), e.unit) : QString();
}

QString capitalised(QString words)
{
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QDate dayOf(const TreatmentEvent &e)
{
    return QDate::fromString(uc::model::toIso(e.date), Qt::ISODate);
}

} // namespace

QString PatternEventModel::labelOf(const TreatmentEvent &e)
{
    if (e.kind != u"mat")
        return {};
    if (e.change == u"stop")
        return tr("%1 stopped").arg(capitalised(e.medication));
    return u"%1 %2"_s.arg(capitalised(e.medication), doseOf(e));
}

QString PatternEventModel::textOf(const TreatmentEvent &e)
{
    QString what;
    if (e.kind == u"mutual-help")
        what = e.program == u"other" ? tr("mutual-help meeting") : tr("mutual-help meeting (%1)").arg(programName(e.program));
    else if (e.kind == u"group")
        what = tr("group: %1").arg(e.group);
    else if (e.kind == u"mat" && e.change == u"start")
        what = tr("%1 started, %2 a day").arg(e.medication, doseOf(e));
    else if (e.kind == u"mat" && e.change == u"dose-change")
        what = tr("%1 dose changed to %2 a day").arg(e.medication, doseOf(e));
    else if (e.kind == u"mat")
        what = tr("%1 stopped").arg(e.medication);
    else
        what = e.method.isEmpty() ? tr("drug screen for %1, %2").arg(e.substance, e.result)
                                  : tr("drug screen for %1, %2 (%3)").arg(e.substance, e.result, e.method);
    return u"%1: %2"_s.arg(dayOf(e).toString(u"d MMM yyyy"_s), what);
}

int PatternEventModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_marks.size());
}

QVariant PatternEventModel::data(const QModelIndex &index, int role) const
{
    const Mark &m = rowAt(m_marks, index);
    const TreatmentEvent &e = m.event;
    switch (role) {
    case DateRole:
        return uc::model::toIso(e.date);
    case KindRole:
        return e.kind;
    case MarkRole:
        if (e.kind == u"mat")
            return u"line"_s;
        if (e.kind == u"drug-screen")
            return e.result; // "positive" | "negative"
        return u"tick"_s;
    case AtRole:
        return m.at;
    case SessionAtRole:
        return m.sessionAt;
    case LabelRole:
        return labelOf(e);
    case TextRole:
    case Qt::DisplayRole:
        return textOf(e);
    default:
        return {};
    }
}

QHash<int, QByteArray> PatternEventModel::roleNames() const
{
    return {{DateRole, "date"}, {KindRole, "kind"}, {MarkRole, "mark"},
            {AtRole, "at"},     {LabelRole, "label"}, {TextRole, "text"}, {SessionAtRole, "sessionAt"}};
}

QString PatternEventModel::summary() const
{
    int meetings = 0;
    int changes = 0;
    int screens = 0;
    int positive = 0;
    for (const Mark &m : m_marks) {
        if (m.event.kind == u"mat")
            ++changes;
        else if (m.event.kind == u"drug-screen") {
            ++screens;
            positive += m.event.result == u"positive" ? 1 : 0;
        } else
            ++meetings;
    }
    QStringList parts;
    if (meetings > 0)
        parts << (meetings == 1 ? tr("1 meeting or group") : tr("%1 meetings or groups").arg(meetings));
    if (changes > 0)
        parts << (changes == 1 ? tr("1 medication change") : tr("%1 medication changes").arg(changes));
    if (screens > 0)
        parts << (screens == 1 ? tr("1 drug screen") : tr("%1 drug screens").arg(screens)) +
                     tr(" (%1 positive)").arg(positive);
    return parts.join(u", "_s);
}

QString PatternEventModel::empty() const
{
    if (!m_axis || !m_marks.isEmpty())
        return {};
    return tr("No meeting, group, medication change or drug screen recorded in this range.");
}

qreal PatternEventModel::sessionPlace(const QDate &day, const QList<QDate> &sessions, const QDate &axisFrom,
                                      const QDate &axisTo)
{
    const auto n = static_cast<qreal>(sessions.size());
    if (sessions.isEmpty())
        return -1;
    // The share of the days from a to b that day has gone, 0 to 1.
    const auto share = [&](const QDate &a, const QDate &b) {
        const qint64 days = a.daysTo(b);
        return days <= 0 ? 0.0 : std::clamp(static_cast<qreal>(a.daysTo(day)) / static_cast<qreal>(days), 0.0, 1.0);
    };
    if (day < sessions.first())
        return 0.5 * share(axisFrom, sessions.first()) / n;
    // The first session on the day, else the last before it.
    const auto after = std::upper_bound(sessions.begin(), sessions.end(), day);
    const auto on = std::lower_bound(sessions.begin(), sessions.end(), day);
    if (on != sessions.end() && *on == day)
        return (static_cast<qreal>(on - sessions.begin()) + 0.5) / n;
    const auto before = static_cast<qreal>(after - sessions.begin() - 1);
    if (after == sessions.end())
        return (before + 0.5 + 0.5 * share(sessions.last(), axisTo.addDays(1))) / n;
    return (before + 0.5 + share(*(after - 1), *after)) / n;
}

void PatternEventModel::set(const QList<TreatmentEvent> &events, const QDateTime &axisFrom, const QDateTime &axisTo,
                            const QList<uc::gui::PatternSessionRow> &sessions)
{
    QList<Mark> marks;
    const bool axis = axisFrom.isValid() && axisTo.isValid() && axisFrom < axisTo;
    QList<QDate> days;
    for (const uc::gui::PatternSessionRow &s : sessions)
        days.append(QDate::fromString(s.date, Qt::ISODate));
    if (axis) {
        const qreal span = static_cast<qreal>(axisFrom.msecsTo(axisTo));
        for (const TreatmentEvent &e : events) {
            const QDateTime noon(dayOf(e), QTime(12, 0));
            const qreal at = static_cast<qreal>(axisFrom.msecsTo(noon)) / span;
            if (at < 0 || at > 1)
                continue;
            marks.append({e, at, sessionPlace(dayOf(e), days, axisFrom.date(), axisTo.date())});
        }
        std::stable_sort(marks.begin(), marks.end(), [](const Mark &a, const Mark &b) { return a.at < b.at; });
    }
    m_axis = axis;
    replace(m_marks, std::move(marks));
}
