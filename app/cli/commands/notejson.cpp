// SPDX-License-Identifier: GPL-3.0-or-later
#include "notejson.h"

#include "model/json.h"
#include "vault/vault.h"

namespace uc::cli {

QJsonObject noteJson(vault::Vault &v, const model::Note &n)
{
    return model::noteDetailJson(n, v.notes().addenda(n.id), v.supervision().comments(n.id));
}

} // namespace uc::cli
