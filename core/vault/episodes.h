// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/episode.h"
#include "vault/service.h"

#include <QList>
#include <QString>

// Clients' episodes of care (vault.episodes(); model/episode.h). A therapist adds an episode and
// ends it at step-down; a client's episodes never overlap. Each change is an audit event (client,
// episode and level; never the service's name). Readable by whoever reads the client's records.
namespace uc::vault {

class Episodes : public Service
{
public:
    using Service::Service;

    // Adds the episode; its id. Error(Io) for an unknown client, an invalid level or an end before
    // the start; Error(Conflict) when it overlaps one of the client's episodes (naming which).
    model::Id add(const model::Episode &episode);
    // Ends an open episode on that day. Error(Io) for an unknown episode or a day before its start;
    // Error(Conflict) for an episode already ended.
    void end(model::Id id, const model::Date &day);
    // The client's episodes by start date.
    [[nodiscard]] QList<model::Episode> list(const QString &clientCode);
    // One episode; Error(Io) for an unknown id.
    [[nodiscard]] model::Episode find(model::Id id);
};

} // namespace uc::vault
