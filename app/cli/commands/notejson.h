// SPDX-License-Identifier: GPL-3.0-or-later
// A note as `note show --json` prints it.
#pragma once

#include "model/types.h"

#include <QJsonObject>

namespace uc::vault {
class Vault;
}

namespace uc::cli {

// The note with its sections, text, signatures, addenda and comments.
[[nodiscard]] QJsonObject noteJson(vault::Vault &v, const model::Note &n);

} // namespace uc::cli
