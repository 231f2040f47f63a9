// SPDX-License-Identifier: GPL-3.0-or-later
#include "values.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

std::optional<qlonglong> wholeNumber(const QString &text, qlonglong least)
{
    bool ok = false;
    const qlonglong n = text.toLongLong(&ok);
    if (!ok || n < least)
        return std::nullopt;
    return n;
}

} // namespace

std::optional<model::Date> dateOption(const Invocation &line, std::string_view name)
{
    if (!line.has(name))
        return std::nullopt;
    return valid(model::parseDate(line.value(name)), name, u"a real date as YYYY-MM-DD"_s);
}

std::optional<model::TimeOfDay> timeOption(const Invocation &line, std::string_view name)
{
    if (!line.has(name))
        return std::nullopt;
    return valid(model::parseTime(line.value(name)), name, u"a time as HH:MM"_s);
}

std::optional<int> countOption(const Invocation &line, std::string_view name)
{
    if (!line.has(name))
        return std::nullopt;
    const auto n = wholeNumber(line.value(name), 0);
    return static_cast<int>(valid(n && *n <= std::numeric_limits<int>::max() ? n : std::nullopt, name,
                                  u"a whole number, 0 or more"_s));
}

std::optional<model::Id> idOption(const Invocation &line, std::string_view name)
{
    if (!line.has(name))
        return std::nullopt;
    return valid(wholeNumber(line.value(name), 1), name, u"an id (a positive number)"_s);
}

model::Id idArgument(const Invocation &line, qsizetype index)
{
    const auto id = wholeNumber(line.arguments().value(index), 1);
    if (!id) {
        const Positional &p = line.command().positionals[static_cast<std::size_t>(index)];
        throw Error(ErrorKind::Io, line.what() + u' ' + toQString(p.name),
                    u"must be "_s + toQString(p.help));
    }
    return *id;
}

} // namespace uc::cli
