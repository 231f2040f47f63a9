// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/measures.h"
#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QString>

namespace uc::vault {

// Outcome measures (vault.measures()): PHQ-9, GAD-7, AUDIT, AUDIT-C, scored as they are stored
// (model/measures.h).
class Measures : public Service
{
public:
    using Service::Service;

    // Scores and stores a measure. Error(Io) naming the item for a wrong count, a missing or an
    // out-of-range answer; Error(Usage) for an unknown instrument or client.
    model::Id add(const QString &clientCode, const model::Date &date, const QString &instrument,
                  const QList<int> &answers);
    // The client's measures in date order.
    [[nodiscard]] QList<model::Measure> forClient(const QString &clientCode);
};

} // namespace uc::vault
