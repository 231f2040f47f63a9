// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notedata.h"

#include "model/types.h"
#include "themes/agreement.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace uc::vault {
class Vault;
struct AuditEntry;
}

// What the supervision and audit screens show, computed on the vault thread from the core's
// answers and handed to the GUI thread as plain values (clientdata.h and notedata.h hold the
// clinical screens').
namespace uc::gui {

struct QueueRow
{
    model::Id noteId = 0;
    QString clientCode;
    QString sessionDate; // ISO
    QString therapist;
    QString supervisor;
    QString mode; // "review" | "must-cosign" | "practice" (received) | "through-practice" (the author's, reviewed there)
    QString signedAt; // UTC, ISO 8601
    int daysWaiting = 0;
    bool returned = false;
    int comments = 0;
    bool openRisk = false; // a present risk flag no assessment has closed (first in the queue)
    // A note received from the practice (receivednotes.h): noteId 0, its practice-wide item id.
    QString item = {};
    QString authorMember = {}; // the author's practice member id
    bool cosigned = false; // co-signed by this supervisor through the practice server
};

struct CommentRow
{
    QString author;
    bool returned = false;
    QString text;
    QString created;
    QString signature = {}; // "verified", "unsigned" (written before comments were signed) or "broken"
    QString signatureProblem = {}; // for "broken": what is wrong, naming whose signature
};

// A signed note as a reviewer sees it: read-only, with its themes (unless the reader must still
// rate it blind), addenda and the comments on it.
struct ReviewNoteData
{
    model::Id id = 0;
    QString clientCode;
    QString date; // ISO session date
    QString author;
    QString templateLabel;
    QString status; // "draft" | "signed" | "cosigned"
    QString text;
    QString signedAt;
    QString cosignedBy;
    QString cosignedAt;
    bool themesHidden = false; // the vault refuses the tags until the reader rates the note blind
    QList<TagRow> tags;
    QList<AddendumRow> addenda;
    QList<CommentRow> comments;
    // The author's own note with a practice supervisor's comment or return (practicereviews.h): her
    // answer is an addendum, since a comment written here would stay on her machine.
    bool practiceReviewed = false;
    // A note received from the practice (receivednotes.h): its item id, the author's member id, and
    // how its author's signature stands ("verified at sync").
    QString item = {};
    QString authorMember = {};
    QString signatureState = {};
};

// A note of an agreement check, as the blind rating shows it: the words only.
struct BlindNoteData
{
    model::Id id = 0;
    QString clientCode;
    QString date;
    QString text;
};

struct AgreementSampleData
{
    model::Id check = 0;
    QString therapist;
    QList<model::Id> notes;
    QList<model::Id> rated;
    std::optional<BlindNoteData> next; // the first sampled note not yet rated
};

struct AgreementRow
{
    QString theme;
    QString label;
    int notes = 0;
    std::optional<double> supervisorTherapist;
    std::optional<double> supervisorTagger;
    std::optional<double> therapistTagger;
};

struct AgreementReportData
{
    model::Id check = 0;
    QString therapist;
    int sampled = 0;
    int rated = 0;
    QList<AgreementRow> rows;
};

struct ThemeChoice
{
    QString id;
    QString label;
    QString group;
};

// Whole days from signedAt (ISO 8601 UTC) to today; 0 for a malformed or future time.
[[nodiscard]] int daysWaiting(const QString &signedAt, const model::Date &today);
// One queue row from the vault's queue item, its days waiting counted to today (mode as the vault says).
[[nodiscard]] QueueRow queueRowOf(const model::QueueItem &q, const model::Date &today);
// "0.62", "-0.10" or "n/a" when kappa is undefined.
[[nodiscard]] QString kappaText(const std::optional<double> &kappa);

// The user's review queue (vault order: by therapist, oldest first) with days waiting until today,
// and a supervisor's notes received from the practice after the local ones (receivednotes.h); notes
// with open risk first, local or received, each part in that order. problem: why the received notes
// could not be shown (empty when all is well).
[[nodiscard]] QList<QueueRow> loadQueue(vault::Vault &vault, const model::Date &today, QString &problem);
[[nodiscard]] QList<QueueRow> loadQueue(vault::Vault &vault, const model::Date &today);
// A note for review. Opening it is recorded in the audit trail.
[[nodiscard]] ReviewNoteData loadReviewNote(vault::Vault &vault, model::Id noteId);
// The therapists assigned to the current user (a supervisor), by name.
[[nodiscard]] QStringList loadSupervisedTherapists(vault::Vault &vault);
// The codebook's themes in codebook order, for ticking.
[[nodiscard]] QList<ThemeChoice> loadThemeChoices(vault::Vault &vault);
// The check's progress and the next note to rate (its words, never its tags).
[[nodiscard]] AgreementSampleData loadAgreementSample(vault::Vault &vault, model::Id check);
// The three kappas per theme with codebook labels, in codebook order.
[[nodiscard]] AgreementReportData loadAgreementReport(vault::Vault &vault, model::Id check);

} // namespace uc::gui
