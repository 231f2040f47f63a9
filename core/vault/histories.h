// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/history.h"
#include "vault/service.h"

#include <QString>

#include <optional>

namespace uc::vault {

// Theme histories for patterns and reports (vault.histories()): sessions, counted themes and
// measures as values, already limited to what the reader may count (vault/access.h). Reading a
// history records nothing: it holds no note text.
class Histories : public Service
{
public:
    using Service::Service;

    // One client's sessions, the counted hits of their notes and their measures. Progress notes of
    // every author; process notes only when asked for and only the reader's own. Error(Usage) for
    // an unknown client.
    [[nodiscard]] model::ClientHistory client(const QString &code, bool includeProcessNotes = false);
    // Every client, or those with a note written by therapistId, with their progress notes' counted
    // themes: the caseload chart's input, read in a few plain scans of small tables.
    [[nodiscard]] model::CaseloadHistory caseload(std::optional<model::Id> therapistId = std::nullopt);

private:
    // The typed fields of the client's progress notes (ClientHistory::fields).
    [[nodiscard]] QList<model::FieldPoint> fieldsOf(model::Id clientId);
};

} // namespace uc::vault
