// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/treatmentevent.h"
#include "vault/service.h"

#include <QList>
#include <QString>

// Clients' other treatment as dated events (vault.treatmentEvents(); model/treatmentevent.h):
// mutual-help meetings, groups, medication-assisted treatment and drug screens. Entered and deleted
// as measures are (add-measure: a therapist), read by whoever reads the client's records. A
// mistaken event is deleted and entered again: the deleted one stays in the vault as it was, with
// who deleted it and when, and is never listed again. The audit trail records the event's id,
// its client and its kind, never its values (no medication, dose, substance or result).
namespace uc::vault {

class TreatmentEvents : public Service
{
public:
    using Service::Service;

    // Stores the event; its id. Error(Io) naming what is wrong (model::treatmentEventProblem), an
    // unknown client included; nothing is stored.
    model::Id add(const model::TreatmentEvent &event);
    // Deletes an event entered in error (kept as deleted). Error(Io) for an unknown or already
    // deleted event.
    void remove(model::Id id);
    // The client's events by date, then by id; deleted ones left out.
    [[nodiscard]] QList<model::TreatmentEvent> list(const QString &clientCode);
    // One event, not deleted; Error(Io) for an unknown id.
    [[nodiscard]] model::TreatmentEvent find(model::Id id);
    // How many of the client's events were deleted (kept in the vault, not listed).
    [[nodiscard]] int deletedCount(const QString &clientCode);
};

} // namespace uc::vault
