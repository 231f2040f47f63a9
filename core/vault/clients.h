// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QString>

#include <optional>

namespace uc::vault {

// The clients of the practice and the therapist's shareable summary of each (vault.clients()).
class Clients : public Service
{
public:
    using Service::Service;

    // Error(Io) for a malformed code or an empty name, Error(Conflict) for a code that is taken.
    model::Id add(const model::Client &client);
    void update(const model::Client &client); // by id
    void discharge(const QString &code, const model::Date &on);
    [[nodiscard]] std::optional<model::Client> find(const QString &code);
    [[nodiscard]] QList<model::Client> list(); // by code
    // The therapist's shareable summary for the client (never process-note material: it is shown
    // in review mode and printed in the client's report). Each save is a new version.
    void setShareableSummary(const QString &clientCode, const QString &text);
    [[nodiscard]] std::optional<model::ClientSummary> shareableSummary(const QString &clientCode);
};

} // namespace uc::vault
