// SPDX-License-Identifier: GPL-3.0-or-later
#include "clients.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

int clientAdd(const Invocation &line)
{
    model::Client c;
    c.code = line.value("code");
    c.displayName = line.value("name");
    if (line.has("setting"))
        c.setting = valid(model::parseSetting(line.value("setting")), "setting",
                          u"residential, outpatient, aftercare or telehealth"_s);
    c.intakeDate = dateOption(line, "intake");
    c.consentPart2 = line.has("part2-consent");
    auto v = openVault(line);
    v->clients().add(c);
    return 0;
}

int clientEdit(const Invocation &line)
{
    const bool consent = line.has("part2-consent");
    const bool withdrawn = line.has("no-part2-consent");
    if (consent && withdrawn)
        throw Error(ErrorKind::Usage, line.what(), u"--part2-consent and --no-part2-consent: choose one"_s);
    if (!line.has("name") && !line.has("setting") && !line.has("intake") && !consent && !withdrawn)
        throw Error(ErrorKind::Usage, line.what(), u"nothing to change: give --name, --setting, --intake or a consent option"_s);
    std::optional<model::Setting> setting;
    if (line.has("setting"))
        setting = valid(model::parseSetting(line.value("setting")), "setting",
                        u"residential, outpatient, aftercare or telehealth"_s);
    const auto intake = dateOption(line, "intake");
    auto v = openVault(line);
    auto c = v->clients().find(line.value("client"));
    if (!c)
        throw Error(ErrorKind::Io, line.what(), u"--client: no client with that code"_s);
    if (line.has("name"))
        c->displayName = line.value("name");
    if (setting)
        c->setting = setting;
    if (intake)
        c->intakeDate = intake;
    if (consent || withdrawn)
        c->consentPart2 = consent;
    v->clients().update(*c);
    return 0;
}

int clientDischarge(const Invocation &line)
{
    const model::Date on = *dateOption(line, "date");
    auto v = openVault(line);
    v->clients().discharge(line.value("client"), on);
    return 0;
}

int clientList(const Invocation &line)
{
    auto v = openVault(line);
    QJsonArray list;
    for (const auto &c : v->clients().list()) {
        list.append(QJsonObject{{u"code"_s, c.code},
                                {u"name"_s, c.displayName},
                                {u"status"_s, model::toString(c.status)},
                                {u"setting"_s, c.setting ? model::toString(*c.setting) : QString()}});
        if (!line.json())
            print(c.code + u'\t' + c.displayName + u'\t' + model::toString(c.status));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int clientSummary(const Invocation &line)
{
    const QString code = line.value("client");
    const bool set = line.has("text-file");
    const QString text = set ? readTextFile(line.value("text-file"), u"text file"_s) : QString();
    auto v = openVault(line);
    if (set) {
        v->clients().setShareableSummary(code, text);
        return 0;
    }
    const auto summary = v->clients().shareableSummary(code);
    if (line.json())
        printJson(summary ? QJsonObject{{u"text"_s, summary->text}, {u"author"_s, summary->author}, {u"updated"_s, summary->updated}}
                          : QJsonObject{});
    else if (summary)
        print(summary->text);
    return 0;
}

} // namespace uc::cli
