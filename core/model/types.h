// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <boost/date_time/posix_time/posix_time_types.hpp>

#include <QJsonArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>

// The clinical record's vocabulary: the words therapists use, as values the core checks.
namespace uc::model {

using Id = std::int64_t;
using Date = boost::gregorian::date;
using TimeOfDay = boost::posix_time::time_duration;
using Minutes = boost::posix_time::minutes;

enum class Role { Therapist, Supervisor, Auditor };
enum class ClientStatus { Active, Discharged };
enum class Modality { Individual, Group, Couple, Family };
enum class Setting { Residential, Outpatient, Aftercare, Telehealth };
enum class Attendance { Attended, Late, NoShow, Cancelled };
// progress: part of the record. process: the therapist's private psychotherapy notes (45 CFR
// 164.501), never shown in client review or exports unless explicitly asked for.
enum class NoteKind { Progress, Process };
enum class NoteStatus { Draft, Signed, Cosigned };
// How a supervisor oversees a therapist: review (co-signing optional) or must-cosign (a note is
// complete only when co-signed).
enum class SupervisionMode { Review, MustCosign };

// Each enum's canonical lowercase word ("no-show", "telehealth"), and its parser (nullopt when
// the word is not one of ours).
QString toString(Role value);
QString toString(ClientStatus value);
QString toString(Modality value);
QString toString(Setting value);
QString toString(Attendance value);
QString toString(NoteKind value);
QString toString(NoteStatus value);
QString toString(SupervisionMode value);
std::optional<Role> parseRole(const QString &text);
std::optional<ClientStatus> parseClientStatus(const QString &text);
std::optional<Modality> parseModality(const QString &text);
std::optional<Setting> parseSetting(const QString &text);
std::optional<Attendance> parseAttendance(const QString &text);
std::optional<NoteKind> parseNoteKind(const QString &text);
std::optional<NoteStatus> parseNoteStatus(const QString &text);
std::optional<SupervisionMode> parseSupervisionMode(const QString &text);

// ISO dates and times ("2025-03-01", "14:30"); nullopt for anything malformed or impossible
// (2025-02-29, 24:00).
std::optional<Date> parseDate(const QString &text);
// The same for exactly "YYYY-MM-DD" in ASCII (stored dates), without allocating.
std::optional<Date> parseIsoDate(std::string_view text);
std::optional<TimeOfDay> parseTime(const QString &text);
QString toIso(const Date &date);
QString toIso(const TimeOfDay &time);

// Note templates a therapist picks from; each has its section headings.
struct Template
{
    QString id; // "psychodynamic", "process", "dap", "soap", "birp", "girp", "group", "addiction", "free"
    QString label;
    QList<QString> sections;
};
const QList<Template> &templates();
const Template *findTemplate(const QString &id);
// The template's label, or its id when there is no such template.
QString templateLabel(const QString &id);

struct User
{
    Id id = 0;
    QString name;
    Role role = Role::Therapist;
    QString created; // ISO-8601 UTC timestamp
    bool admin = false; // the practice administrator: adds supervisors, auditors and administrators
};

struct Client
{
    Id id = 0;
    QString code; // "C-0142"
    QString displayName;
    ClientStatus status = ClientStatus::Active;
    std::optional<Date> intakeDate;
    std::optional<Setting> setting;
    bool consentTreatment = false;
    // 42 CFR Part 2: the client's written consent to disclose substance-use records.
    bool consentPart2 = false;
    std::optional<Date> consentPart2Date;
    QString consentPart2Scope; // to whom and for what purpose
};

struct Section
{
    QString title;
    QString text;
    // Part of a group session's shared record (the topic, what the group did), copied into each
    // member's note: its themes are the group's, shown as such and not counted as the member's.
    bool shared = false;
};

// Sections joined into one text under "## Title" lines, as indexed and tagged.
QString textOf(const QList<Section> &sections);
// Where the shared sections' text lies in textOf(sections): [start, end) in code points, the unit
// of the tagger's offsets.
QList<std::pair<int, int>> sharedRanges(const QList<Section> &sections);

// The most a note's text (or an addendum) may hold, in bytes of UTF-8: 1 MiB, some 150,000 words,
// far beyond any session note; the reasons are in docs/import.md ("Note size").
inline constexpr qsizetype maxNoteBytes = 1024 * 1024;
// True when text fits in maxNoteBytes of UTF-8.
[[nodiscard]] bool fitsNoteLimit(const QString &text);
// The reason an over-long note is refused, naming the limit.
[[nodiscard]] QString noteTooLongReason();

struct Session
{
    Id id = 0;
    Date date;
    std::optional<TimeOfDay> start;
    int minutes = 50;
    Modality modality = Modality::Individual;
    std::optional<Setting> setting;
    QString groupTopic; // group sessions
    QString uuid; // practice-wide id (schema v23), a random v4 UUID given at insert
    struct Attendee
    {
        Id clientId = 0;
        QString clientCode;
        Attendance attendance = Attendance::Attended;
    };
    QList<Attendee> attendees; // one for individual work, several for a group
};

struct Note
{
    Id id = 0;
    Id sessionId = 0;
    Id clientId = 0;
    QString clientCode;
    Date sessionDate;
    Id authorId = 0;
    QString author;
    QString templateId;
    NoteKind kind = NoteKind::Progress;
    NoteStatus status = NoteStatus::Draft;
    QList<Section> sections;
    QString created;
    QString updated;
    QString signedBy;
    QString signedAt;
    QString contentHash; // SHA-256 of the canonical content at signing, hex
    QString cosignedBy;
    QString cosignedAt;
    QString cosignHash;
    // The author's supervision asks for a co-signature before the note is complete.
    bool cosignRequired = false;
    // Practice-wide ids (schema v23), random v4 UUIDs given at insert: the note's and its session's.
    QString uuid;
    QString sessionUuid;
    // The canonical form the author's signature and the co-signature were made in (vault/signing.h):
    // 1 names the local note and session numbers (signed before v23), 2 the uuids.
    int canonicalForm = 1;
    int cosignForm = 1;
    // Co-signed on the practice server (schema v26, vault/practicecosigns.h): the supervisor's
    // pseudonymous member id, cosignedAt as they signed it, cosignedBy and cosignHash empty. Empty
    // for a note co-signed in this vault.
    QString practiceCosigner;

    // Who co-signed: a user of this vault, or "member ID (practice)".
    [[nodiscard]] QString cosigner() const
    {
        return practiceCosigner.isEmpty() ? cosignedBy : QStringLiteral("member %1 (practice)").arg(practiceCosigner);
    }
    // Signed, and co-signed where the author's supervision requires it.
    [[nodiscard]] bool complete() const
    {
        return status == NoteStatus::Cosigned || (status == NoteStatus::Signed && !cosignRequired);
    }
    // The note's text as one string (sections joined under their headings), as indexed and tagged.
    [[nodiscard]] QString text() const { return textOf(sections); }
};

struct Addendum
{
    Id id = 0;
    Id noteId = 0;
    QString author;
    QString text;
    QString signedAt;
    QString contentHash;
    int form = 1; // the canonical form its hash was made in (vault/signing.h)
};

// A theme in a note: the tagger's suggestion or the clinician's own tag, with the decision on it.
enum class TagDecision { Suggested, Confirmed, Rejected, Manual };
QString toString(TagDecision value);
std::optional<TagDecision> parseTagDecision(const QString &text);

struct ThemeTag
{
    Id id = 0;
    Id noteId = 0;
    QString theme;
    int start = 0; // code points into the note's text
    int end = 0;
    QString evidence;
    QString rule;
    TagDecision decision = TagDecision::Suggested;
    QString decidedBy;
    QString decidedAt;
    bool groupLevel = false; // found in a group session's shared part (model::Section::shared)
    // Counts for the client's patterns: a suggestion or confirmation not rejected, or a manual tag,
    // in the client's own words (a group's shared part is the group's).
    [[nodiscard]] bool counts() const { return decision != TagDecision::Rejected && !groupLevel; }
};

// Whether a comment's Ed25519 signature by its author holds (docs/security.md, "Comments and
// returns"): Unsigned only for comments written before they were signed (schema v20).
enum class CommentSignature { Verified, Unsigned, Broken };

// A supervisor's word on a note: a comment, or the comment that returned the note to its author.
struct NoteComment
{
    Id id = 0;
    Id noteId = 0;
    QString author;
    bool returned = false; // this comment returned the note
    QString text;
    QString created;
    QString uuid; // practice-wide id (schema v23)
    QString noteUuid;
    int form = 1; // the canonical form its signature was made in (vault/signing.h)
    CommentSignature signature = CommentSignature::Unsigned; // as checked when the comment was read
    QString signatureProblem = {}; // for Broken: what is wrong, naming whose signature
};

// What the therapist shares with the client about their work together (review mode, reports).
struct ClientSummary
{
    QString text;
    QString author;
    QString updated; // UTC, ISO 8601
};

struct Supervision
{
    QString therapist;
    QString supervisor;
    SupervisionMode mode = SupervisionMode::Review;
    QString assignedBy;
    QString assignedAt;
};

// A signed note waiting for a supervisor: awaiting co-signature, or returned with a comment and
// not yet answered by an addendum.
struct QueueItem
{
    Id noteId = 0;
    QString clientCode;
    Date sessionDate;
    QString therapist;
    QString supervisor;
    SupervisionMode mode = SupervisionMode::Review;
    QString signedAt;
    bool returned = false;
    int comments = 0;
    bool openRisk = false; // a present risk flag not yet closed by an assessment (docs/risk.md)
};

// A review of one of the user's notes held outside the vault (the practice server's comments and
// returns, kept in the member folder): who, how many comments and returns, when it was last returned.
struct OutsideReview
{
    Id noteId = 0;
    QString reviewer;
    int comments = 0;
    QString lastReturnedAt = {}; // UTC, ISO 8601; empty if never returned
};

struct SearchHit
{
    Id noteId = 0;
    QString clientCode;
    Date sessionDate;
    NoteKind kind = NoteKind::Progress;
    QString snippet; // matched words between [ and ]
    double rank = 0;
};

// Splits text written with "## Heading" lines into sections; text without headings becomes one
// section titled after the template's first heading (or "Note").
QList<Section> sectionsFromText(const QString &text, const QString &templateId);
// Sections as a JSON array of {"title","text"} objects, and as stored: that array, compact.
QJsonArray sectionsJsonArray(const QList<Section> &sections);
QString sectionsToJson(const QList<Section> &sections);
QList<Section> sectionsFromJson(const QString &json);

} // namespace uc::model
