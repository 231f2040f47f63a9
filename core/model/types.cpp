// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/types.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <utility>

namespace uc::model {

namespace {

template<typename E, std::size_t N>
QString wordOf(const std::array<std::pair<E, const char *>, N> &words, E value)
{
    for (const auto &[e, word] : words)
        if (e == value)
            return QString::fromLatin1(word);
    return {};
}

template<typename E, std::size_t N>
std::optional<E> parseWord(const std::array<std::pair<E, const char *>, N> &words, const QString &text)
{
    const QString key = text.trimmed().toLower();
    for (const auto &[e, word] : words)
        if (key == QLatin1String(word))
            return e;
    return std::nullopt;
}

constexpr std::array roles{std::pair{Role::Therapist, "therapist"}, std::pair{Role::Supervisor, "supervisor"},
                           std::pair{Role::Auditor, "auditor"}};
constexpr std::array clientStatuses{std::pair{ClientStatus::Active, "active"},
                                    std::pair{ClientStatus::Discharged, "discharged"}};
constexpr std::array modalities{std::pair{Modality::Individual, "individual"}, std::pair{Modality::Group, "group"},
                                std::pair{Modality::Couple, "couple"}, std::pair{Modality::Family, "family"}};
constexpr std::array settings{std::pair{Setting::Residential, "residential"},
                              std::pair{Setting::Outpatient, "outpatient"},
                              std::pair{Setting::Aftercare, "aftercare"}, std::pair{Setting::Telehealth, "telehealth"}};
constexpr std::array attendances{std::pair{Attendance::Attended, "attended"}, std::pair{Attendance::Late, "late"},
                                 std::pair{Attendance::NoShow, "no-show"},
                                 std::pair{Attendance::Cancelled, "cancelled"}};
constexpr std::array tagDecisions{std::pair{TagDecision::Suggested, "suggested"},
                                  std::pair{TagDecision::Confirmed, "confirmed"},
                                  std::pair{TagDecision::Rejected, "rejected"}, std::pair{TagDecision::Manual, "manual"}};
constexpr std::array noteKinds{std::pair{NoteKind::Progress, "progress"}, std::pair{NoteKind::Process, "process"}};
constexpr std::array noteStatuses{std::pair{NoteStatus::Draft, "draft"}, std::pair{NoteStatus::Signed, "signed"},
                                  std::pair{NoteStatus::Cosigned, "cosigned"}};
constexpr std::array supervisionModes{std::pair{SupervisionMode::Review, "review"},
                                      std::pair{SupervisionMode::MustCosign, "must-cosign"}};

} // namespace

QString toString(Role value) { return wordOf(roles, value); }
QString toString(ClientStatus value) { return wordOf(clientStatuses, value); }
QString toString(Modality value) { return wordOf(modalities, value); }
QString toString(Setting value) { return wordOf(settings, value); }
QString toString(Attendance value) { return wordOf(attendances, value); }
QString toString(NoteKind value) { return wordOf(noteKinds, value); }
QString toString(NoteStatus value) { return wordOf(noteStatuses, value); }
QString toString(SupervisionMode value) { return wordOf(supervisionModes, value); }
std::optional<SupervisionMode> parseSupervisionMode(const QString &text) { return parseWord(supervisionModes, text); }
QString toString(TagDecision value) { return wordOf(tagDecisions, value); }
std::optional<TagDecision> parseTagDecision(const QString &text) { return parseWord(tagDecisions, text); }
std::optional<Role> parseRole(const QString &text) { return parseWord(roles, text); }
std::optional<ClientStatus> parseClientStatus(const QString &text) { return parseWord(clientStatuses, text); }
std::optional<Modality> parseModality(const QString &text) { return parseWord(modalities, text); }
std::optional<Setting> parseSetting(const QString &text) { return parseWord(settings, text); }
std::optional<Attendance> parseAttendance(const QString &text) { return parseWord(attendances, text); }
std::optional<NoteKind> parseNoteKind(const QString &text) { return parseWord(noteKinds, text); }
std::optional<NoteStatus> parseNoteStatus(const QString &text) { return parseWord(noteStatuses, text); }

std::optional<Date> parseDate(const QString &text)
{
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})$"));
    const auto m = iso.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    try {
        // boost validates the day against the month and leap years, and throws otherwise.
        return Date(static_cast<unsigned short>(m.captured(1).toInt()),
                    static_cast<unsigned short>(m.captured(2).toInt()),
                    static_cast<unsigned short>(m.captured(3).toInt()));
    } catch (const std::out_of_range &) {
        return std::nullopt;
    }
}

std::optional<Date> parseIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            const char c = text[static_cast<std::size_t>(i)];
            if (c < '0' || c > '9')
                return std::nullopt;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    if (parts[0] < 1400 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1)
        return std::nullopt;
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(parts[0]),
                                                                           static_cast<unsigned short>(parts[1]));
    if (parts[2] > last)
        return std::nullopt;
    return Date(static_cast<unsigned short>(parts[0]), static_cast<unsigned short>(parts[1]),
                static_cast<unsigned short>(parts[2]));
}

std::optional<TimeOfDay> parseTime(const QString &text)
{
    static const QRegularExpression hhmm(QStringLiteral("^(\\d{1,2}):(\\d{2})$"));
    const auto m = hhmm.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const int h = m.captured(1).toInt();
    const int min = m.captured(2).toInt();
    if (h > 23 || min > 59)
        return std::nullopt;
    return boost::posix_time::hours(h) + boost::posix_time::minutes(min);
}

QString toIso(const Date &date)
{
    return QString::fromStdString(boost::gregorian::to_iso_extended_string(date));
}

QString toIso(const TimeOfDay &time)
{
    return QStringLiteral("%1:%2")
        .arg(time.hours(), 2, 10, QLatin1Char('0'))
        .arg(time.minutes(), 2, 10, QLatin1Char('0'));
}

const QList<Template> &templates()
{
    static const QList<Template> all = {
        {QStringLiteral("psychodynamic"), QStringLiteral("Psychodynamic progress note"),
         {QStringLiteral("Themes explored"), QStringLiteral("Defences observed"), QStringLiteral("Interventions"),
          QStringLiteral("Insight and progress"), QStringLiteral("Frame"), QStringLiteral("Plan")}},
        {QStringLiteral("process"), QStringLiteral("Process note (private)"),
         {QStringLiteral("Process"), QStringLiteral("Transference and countertransference"),
          QStringLiteral("Associations and dreams")}},
        {QStringLiteral("dap"), QStringLiteral("DAP"),
         {QStringLiteral("Data"), QStringLiteral("Assessment"), QStringLiteral("Plan")}},
        {QStringLiteral("soap"), QStringLiteral("SOAP"),
         {QStringLiteral("Subjective"), QStringLiteral("Objective"), QStringLiteral("Assessment"),
          QStringLiteral("Plan")}},
        {QStringLiteral("birp"), QStringLiteral("BIRP"),
         {QStringLiteral("Behaviour"), QStringLiteral("Intervention"), QStringLiteral("Response"),
          QStringLiteral("Plan")}},
        {QStringLiteral("girp"), QStringLiteral("GIRP"),
         {QStringLiteral("Goal"), QStringLiteral("Intervention"), QStringLiteral("Response"), QStringLiteral("Plan")}},
        {QStringLiteral("group"), QStringLiteral("Group note"),
         {QStringLiteral("Group topic"), QStringLiteral("Participation"), QStringLiteral("Response"),
          QStringLiteral("Plan")}},
        {QStringLiteral("addiction"), QStringLiteral("Addiction progress note"),
         {QStringLiteral("Use since last session"), QStringLiteral("Cravings (0-10)"),
          QStringLiteral("Triggers and high-risk situations"), QStringLiteral("Stage of change"),
          QStringLiteral("Recovery supports"), QStringLiteral("Risk"), QStringLiteral("Plan")}},
        {QStringLiteral("free"), QStringLiteral("Free text"), {QStringLiteral("Note")}},
    };
    return all;
}

const Template *findTemplate(const QString &id)
{
    for (const Template &t : templates())
        if (t.id == id)
            return &t;
    return nullptr;
}

QString templateLabel(const QString &id)
{
    const Template *found = findTemplate(id);
    return found ? found->label : id;
}

QString textOf(const QList<Section> &sections)
{
    QStringList parts;
    for (const Section &s : sections) {
        if (sections.size() > 1 || s.title != QLatin1String("Note"))
            parts << QStringLiteral("## ") + s.title;
        parts << s.text;
    }
    return parts.join(QLatin1Char('\n'));
}

QList<std::pair<int, int>> sharedRanges(const QList<Section> &sections)
{
    // Walks the text exactly as textOf() joins it.
    QList<std::pair<int, int>> ranges;
    int at = 0;
    bool first = true;
    const auto advance = [&](const QString &part) {
        if (!first)
            ++at; // the joining newline
        first = false;
        const int start = at;
        at += static_cast<int>(part.toUcs4().size());
        return start;
    };
    for (const Section &s : sections) {
        if (sections.size() > 1 || s.title != QLatin1String("Note"))
            advance(QStringLiteral("## ") + s.title);
        const int start = advance(s.text);
        if (s.shared)
            ranges.append({start, at});
    }
    return ranges;
}

bool fitsNoteLimit(const QString &text)
{
    // A UTF-16 unit never takes more than 3 bytes of UTF-8, so most texts need no conversion.
    if (text.size() <= maxNoteBytes / 3)
        return true;
    return text.size() <= maxNoteBytes && text.toUtf8().size() <= maxNoteBytes;
}

QString noteTooLongReason()
{
    return QStringLiteral("the note is longer than 1 MiB (%1 bytes of UTF-8); split it into several notes")
        .arg(maxNoteBytes);
}

QList<Section> sectionsFromText(const QString &text, const QString &templateId)
{
    QList<Section> sections;
    const QStringList lines = text.split(QLatin1Char('\n'));
    Section current;
    bool haveHeading = false;
    QStringList body;
    auto flush = [&] {
        current.text = body.join(QLatin1Char('\n')).trimmed();
        if (haveHeading || !current.text.isEmpty())
            sections.append(current);
        body.clear();
    };
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("## "))) {
            flush();
            current = Section{line.mid(3).trimmed(), {}};
            haveHeading = true;
        } else {
            body << line;
        }
    }
    if (!haveHeading) {
        const Template *t = findTemplate(templateId);
        const bool single = !t || t->sections.size() == 1;
        current.title = single && t ? t->sections.first() : QStringLiteral("Note");
    }
    flush();
    return sections;
}

QJsonArray sectionsJsonArray(const QList<Section> &sections)
{
    QJsonArray array;
    for (const Section &s : sections) {
        QJsonObject o{{QStringLiteral("title"), s.title}, {QStringLiteral("text"), s.text}};
        if (s.shared) // only when set, so notes signed before shared parts existed hash as they did
            o.insert(QStringLiteral("group"), true);
        array.append(o);
    }
    return array;
}

QString sectionsToJson(const QList<Section> &sections)
{
    return QString::fromUtf8(QJsonDocument(sectionsJsonArray(sections)).toJson(QJsonDocument::Compact));
}

QList<Section> sectionsFromJson(const QString &json)
{
    QList<Section> sections;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        sections.append({o.value(QLatin1String("title")).toString(), o.value(QLatin1String("text")).toString(),
                         o.value(QLatin1String("group")).toBool()});
    }
    return sections;
}

} // namespace uc::model
