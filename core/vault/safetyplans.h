// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/safetyplan.h"
#include "vault/service.h"

#include <QList>
#include <QString>

#include <optional>

// Clients' safety plans (vault.safetyPlans(); docs/risk.md, "Safety plan"). Every save is a new
// version, signed by the therapist who saves it (its content hash over the canonical form); no
// version changes or goes away, and the newest is in force. Readable by whoever may read the
// client's records, like the shareable summary: it is written to be given to the client. Each
// save is an audit event (client and version, never the text).
namespace uc::vault {

class SafetyPlans : public Service
{
public:
    using Service::Service;

    // Saves the plan as the client's next version, signed now by the user; returns the version.
    // Error(Io) for a plan model::safetyPlanProblem refuses or an unknown client.
    int save(const QString &clientCode, const model::SafetyPlan &plan);
    // The version in force, if the client has a plan.
    [[nodiscard]] std::optional<model::SafetyPlan> current(const QString &clientCode);
    // One version; nothing when the client has no such version.
    [[nodiscard]] std::optional<model::SafetyPlan> version(const QString &clientCode, int version);
    // Every version, oldest first.
    [[nodiscard]] QList<model::SafetyPlan> history(const QString &clientCode);
    // Whether a stored version still matches what was signed.
    [[nodiscard]] static bool verify(const model::SafetyPlan &plan);

private:
    [[nodiscard]] QList<model::SafetyPlan> read(const QString &clientCode, std::optional<int> version, bool newestOnly);
};

} // namespace uc::vault
