// SPDX-License-Identifier: GPL-3.0-or-later
#include "risk.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

QJsonValue idOrNull(model::Id id)
{
    return id != 0 ? QJsonValue(static_cast<double>(id)) : QJsonValue(QJsonValue::Null);
}

} // namespace

int riskList(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const model::RiskFlag &f : v->risk().open()) {
        if (line.json()) {
            list.append(QJsonObject{{u"client"_s, f.clientCode},
                                    {u"date"_s, model::toIso(f.date)},
                                    {u"id"_s, f.risk},
                                    {u"evidence"_s, f.evidence},
                                    {u"rule"_s, f.rule},
                                    {u"note"_s, idOrNull(f.noteId)},
                                    {u"measure"_s, idOrNull(f.measureId)}});
            continue;
        }
        const QString source = f.noteId != 0 ? u"note %1"_s.arg(f.noteId) : u"measure %1"_s.arg(f.measureId);
        print(u"%1\t%2\t%3\t%4\t%5"_s.arg(f.clientCode, model::toIso(f.date), f.risk, source, f.evidence));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int riskClose(const Invocation &line)
{
    const auto level = valid(model::parseRiskLevel(line.value("level")), "level", u"low, moderate or high"_s);
    const QString action = readTextFile(line.value("action-file"), u"action file"_s);
    openVault(line)->risk().close(line.arguments().at(0), level, action);
    return 0;
}

int riskDismiss(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    openVault(line)->risk().dismiss(id, line.value("reason"));
    return 0;
}

} // namespace uc::cli
