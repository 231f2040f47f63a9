// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/sqlite.h"

// How a client's and a session's own fields are written, shared by the services that add or edit
// them and by the import of a client record. Private to core/vault.
namespace uc::vault {

// display_name (trimmed), status, intake_date, setting, consent_treatment, consent_part2,
// consent_part2_date, consent_part2_scope, bound to parameters first to first + 7.
void bindClientFields(sql::Statement &stmt, int first, const model::Client &client);
// date, start_time, minutes, modality, setting, group_topic, bound to parameters first to first + 5.
void bindSessionFields(sql::Statement &stmt, int first, const model::Session &session);

} // namespace uc::vault
