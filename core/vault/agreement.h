// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "themes/agreement.h"
#include "vault/service.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace uc::vault {

struct AgreementSample
{
    model::Id check = 0;
    QString therapist;
    QList<model::Id> notes; // sampled, in the order to rate them
    QList<model::Id> rated;
};

struct AgreementReport
{
    model::Id check = 0;
    QString therapist;
    QString supervisor;
    int sampled = 0;
    int rated = 0; // the figures cover rated notes only
    QList<themes::ThemeAgreement> supervisorTherapist;
    QList<themes::ThemeAgreement> supervisorTagger;
    QList<themes::ThemeAgreement> therapistTagger;
};

// The blind agreement check (vault.agreement()): the supervisor tags a random sample of a
// therapist's signed notes without seeing the tags; agreement between supervisor, therapist and
// tagger follows.
class Agreement : public Service
{
public:
    using Service::Service;

    // Samples up to sampleSize (1 to 200) of the therapist's signed progress notes at random.
    AgreementSample start(const QString &therapist, int sampleSize);
    [[nodiscard]] AgreementSample sample(model::Id check);
    // The supervisor's themes for one sampled note, once; until then tagging().tags() of that
    // note is refused to the supervisor, so the rating stays blind.
    void rate(model::Id check, model::Id noteId, const QStringList &themes);
    // Kappa per theme over the check's rated notes. Recorded.
    [[nodiscard]] AgreementReport report(model::Id check);
    // The figures of the latest check on the therapist, for the supervision report (the rules of
    // Supervision::therapistNotes); nullopt when there was none.
    [[nodiscard]] std::optional<AgreementReport> latestReport(const QString &therapist);

private:
    // Kappa per theme over a check's rated notes (not recorded: the callers do).
    [[nodiscard]] AgreementReport figures(const AgreementSample &sample, const QString &supervisor);
};

} // namespace uc::vault
