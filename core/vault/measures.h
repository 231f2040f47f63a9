// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/measures.h"
#include "model/types.h"
#include "vault/service.h"

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace uc::vault {

// A measure's value before an edit or a delete, kept inside the vault (never in the audit trail).
struct MeasureChange
{
    model::Measure was; // the value as it stood before the change
    QString change; // "edit" or "delete"
    QString changedBy;
    QString changedAt;
};

// Outcome measures (vault.measures()): PHQ-9, GAD-7, AUDIT, AUDIT-C, DAST-10, PCL-5, the C-SSRS, scored as they are stored
// (model/measures.h). Corrections and deletions keep the old value in measure_history; the audit
// trail records the measure's id and the kind of change only.
class Measures : public Service
{
public:
    using Service::Service;

    // What a second measure of one instrument for one client on one date does.
    enum class SameDay : unsigned char {
        Allow, // stored beside the first (a confirmed repeat)
        Refuse, // Error(Conflict) naming the measure already there
    };

    // Scores and stores a measure. Error(Io) naming the item for a wrong count, a missing or an
    // out-of-range answer; Error(Usage) for an unknown instrument or client.
    model::Id add(const QString &clientCode, const model::Date &date, const QString &instrument,
                  const QList<int> &answers, SameDay sameDay = SameDay::Allow);
    // Corrects a measure's answers (and its date, when given), scored again; the old value goes
    // into the history. Error(Io) for an unknown id or bad answers.
    void edit(model::Id id, const QList<int> &answers, std::optional<model::Date> date = std::nullopt);
    // Deletes a measure; its last value goes into the history. Error(Io) for an unknown id.
    void remove(model::Id id);
    // One measure. Error(Io) for an unknown id.
    [[nodiscard]] model::Measure find(model::Id id);
    // The measure's earlier values, oldest first.
    [[nodiscard]] QList<MeasureChange> history(model::Id id);
    // The client's measures in date order.
    [[nodiscard]] QList<model::Measure> forClient(const QString &clientCode);

private:
    friend class Risk;
    // The measures that can raise risk (PHQ-9, C-SSRS), with when each was entered, by date: one
    // client's, or every client's.
    [[nodiscard]] QList<std::pair<model::Measure, QString>> screens(const std::optional<QString> &clientCode);
    [[nodiscard]] model::Measure load(model::Id id, const QString &what);
    void keep(const model::Measure &was, const QString &change);
};

} // namespace uc::vault
