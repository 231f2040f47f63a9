// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetyplan.h"

#include "io.h"
#include "reports/reports.h"
#include "signin.h"
#include "values.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

std::optional<int> versionOption(const Invocation &line)
{
    const auto n = countOption(line, "plan-version");
    if (n && *n == 0)
        throw Error(ErrorKind::Io, u"--plan-version"_s, u"must be a version number, 1 or more"_s);
    return n;
}

model::SafetyPlan planOf(vault::Vault &v, const Invocation &line)
{
    const QString code = line.value("client");
    const auto version = versionOption(line);
    const auto plan = version ? v.safetyPlans().version(code, *version) : v.safetyPlans().current(code);
    if (!plan)
        throw Error(ErrorKind::Io, u"safety plan"_s,
                    version ? u"the client has no such version"_s : u"the client has no safety plan yet"_s);
    return *plan;
}

} // namespace

int safetyPlanSet(const Invocation &line)
{
    const QString text = readTextFile(line.value("file"), u"safety plan file"_s);
    const model::SafetyPlan plan = model::parseSafetyPlan(text);
    auto v = openVault(line);
    const int version = v->safetyPlans().save(line.value("client"), plan);
    if (line.json())
        printJson(QJsonObject{{u"version"_s, version}});
    else
        print(u"safety plan version %1 signed"_s.arg(version));
    return 0;
}

int safetyPlanShow(const Invocation &line)
{
    auto v = openVault(line);
    const model::SafetyPlan plan = planOf(*v, line);
    const bool verified = vault::SafetyPlans::verify(plan);
    if (line.json()) {
        printJson(QJsonObject{{u"client"_s, plan.clientCode},
                              {u"version"_s, plan.version},
                              {u"author"_s, plan.author},
                              {u"signed_at"_s, plan.signedAt},
                              {u"content_hash"_s, plan.contentHash},
                              {u"verified"_s, verified},
                              {u"steps"_s, plan.stepsJson()}});
        return 0;
    }
    print(u"# Safety plan %1, version %2, signed by %3 at %4%5"_s.arg(plan.clientCode)
              .arg(plan.version)
              .arg(plan.author, plan.signedAt, verified ? QString() : u" (DOES NOT MATCH ITS SIGNATURE)"_s));
    print(plan.toText().trimmed());
    return 0;
}

int safetyPlanHistory(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const model::SafetyPlan &plan : v->safetyPlans().history(line.value("client"))) {
        const bool verified = vault::SafetyPlans::verify(plan);
        if (line.json())
            list.append(QJsonObject{{u"version"_s, plan.version},
                                    {u"signed_at"_s, plan.signedAt},
                                    {u"author"_s, plan.author},
                                    {u"verified"_s, verified}});
        else
            print(u"%1\t%2\t%3\t%4"_s.arg(plan.version).arg(plan.signedAt, plan.author, verified ? u"ok"_s : u"DOES NOT VERIFY"_s));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int safetyPlanPrint(const Invocation &line)
{
    const auto version = versionOption(line);
    const QString out = line.value("out");
    reports::writeSafetyPlan(*openVault(line), line.value("client"), version, out);
    print(u"safety plan written to %1"_s.arg(QDir::toNativeSeparators(out)));
    return 0;
}

} // namespace uc::cli
