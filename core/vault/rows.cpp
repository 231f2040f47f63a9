// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/rows.h"

namespace uc::vault {

namespace {

std::optional<QString> isoOrNull(const std::optional<model::Date> &date)
{
    return date ? std::optional(model::toIso(*date)) : std::nullopt;
}

std::optional<QString> settingOrNull(const std::optional<model::Setting> &setting)
{
    return setting ? std::optional(model::toString(*setting)) : std::nullopt;
}

} // namespace

void bindClientFields(sql::Statement &stmt, int first, const model::Client &c)
{
    stmt.bind(first, c.displayName.trimmed())
        .bind(first + 1, model::toString(c.status))
        .bind(first + 2, isoOrNull(c.intakeDate))
        .bind(first + 3, settingOrNull(c.setting))
        .bind(first + 4, c.consentTreatment ? 1 : 0)
        .bind(first + 5, c.consentPart2 ? 1 : 0)
        .bind(first + 6, isoOrNull(c.consentPart2Date))
        .bind(first + 7, c.consentPart2Scope);
}

void bindSessionFields(sql::Statement &stmt, int first, const model::Session &s)
{
    stmt.bind(first, model::toIso(s.date))
        .bind(first + 1, s.start ? std::optional(model::toIso(*s.start)) : std::nullopt)
        .bind(first + 2, s.minutes)
        .bind(first + 3, model::toString(s.modality))
        .bind(first + 4, settingOrNull(s.setting))
        .bind(first + 5, s.groupTopic);
}

} // namespace uc::vault
