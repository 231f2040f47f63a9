// SPDX-License-Identifier: GPL-3.0-or-later
#include "usedays.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "model/usedayfigures.h"
#include "model/usedayjson.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

// --date D, or --from D --to D: the days a command is about. Neither or both: exit 1.
std::pair<model::Date, model::Date> rangeOf(const Invocation &line)
{
    const QString what = line.what();
    if (line.has("date")) {
        if (line.has("from") || line.has("to"))
            throw Error(ErrorKind::Usage, what, u"give --date or --from and --to, not both"_s);
        const model::Date day = *dateOption(line, "date");
        return { day, day };
    }
    if (!line.has("from") || !line.has("to"))
        throw Error(ErrorKind::Usage, what, u"give --date D, or --from D and --to D"_s);
    return { *dateOption(line, "from"), *dateOption(line, "to") };
}

QString substanceOf(const Invocation &line)
{
    const QString substance = line.value("substance");
    if (!model::substanceClasses().contains(substance))
        throw Error(ErrorKind::Io, u"--substance"_s,
                    u"must be alcohol, opioids, stimulants, cannabis, sedatives, nicotine or other"_s);
    return substance;
}

int record(const Invocation &line, vault::UseDays::Recorded recorded)
{
    model::UseDay d;
    d.clientCode = line.value("client");
    d.substance = substanceOf(line);
    const QString used = line.value("used");
    if (used != u"yes"_s && used != u"no"_s)
        throw Error(ErrorKind::Io, u"--used"_s, u"must be yes or no"_s);
    d.used = used == u"yes"_s;
    if (line.has("amount")) {
        bool ok = false;
        const double amount = line.value("amount").toDouble(&ok);
        if (!ok)
            throw Error(ErrorKind::Io, u"--amount"_s, u"must be a number (4, 0.5)"_s);
        d.amount = amount;
    }
    d.unit = line.value("unit");
    d.source = line.has("source") ? line.value("source") : u"recall"_s;
    const auto [from, to] = rangeOf(line);
    // Checked before the vault is opened (as the vault checks again): a refused line leaves no trace.
    model::normaliseUnit(d);
    d.date = from;
    const model::Date today = boost::gregorian::day_clock::universal_day();
    if (const auto problem = model::useDayRangeProblem(from, to, today))
        throw Error(ErrorKind::Io, line.what(), *problem);
    if (const auto problem = model::useDayProblem(d, today))
        throw Error(ErrorKind::Io, line.what(), *problem);
    const int days = openVault(line)->useDays().record(d, from, to, recorded);
    if (line.json())
        printJson(QJsonObject { { u"days"_s, days } });
    else
        print(u"%1 day(s) %2"_s.arg(days).arg(recorded == vault::UseDays::Recorded::Replace ? u"corrected"_s
                                                                                            : u"recorded"_s));
    return 0;
}

} // namespace

int useDayRecord(const Invocation &line)
{
    return record(line, vault::UseDays::Recorded::Refuse);
}

int useDayCorrect(const Invocation &line)
{
    return record(line, vault::UseDays::Recorded::Replace);
}

int useDayDelete(const Invocation &line)
{
    const QString substance = substanceOf(line);
    const auto [from, to] = rangeOf(line);
    if (const auto problem = model::useDayRangeProblem(from, to, boost::gregorian::day_clock::universal_day()))
        throw Error(ErrorKind::Io, line.what(), *problem);
    const int days = openVault(line)->useDays().remove(line.value("client"), substance, from, to);
    print(u"%1 day(s) deleted: unknown again"_s.arg(days));
    return 0;
}

int useDayList(const Invocation &line)
{
    const QString substance = line.has("substance") ? substanceOf(line) : QString();
    const auto from = dateOption(line, "from");
    const auto to = dateOption(line, "to");
    if (from && to && *to < *from)
        throw Error(ErrorKind::Io, line.what(), u"--to is before --from"_s);
    auto v = openVault(line);
    QJsonArray list;
    for (const model::UseDay &d : v->useDays().list(line.value("client"), substance, from, to)) {
        if (line.json())
            list.append(model::useDayJson(d));
        else
            print(u"%1\t%2\t%3"_s.arg(model::toIso(d.date), d.substance, model::useDayDetails(d)));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int useDayShow(const Invocation &line)
{
    const auto from = dateOption(line, "from");
    const auto to = dateOption(line, "to");
    if (from && to && *to < *from)
        throw Error(ErrorKind::Io, line.what(), u"--to is before --from"_s);
    auto v = openVault(line);
    const QString code = line.value("client");
    const auto figures
        = model::useDayFigures(v->useDays().list(code), from, to, boost::gregorian::day_clock::universal_day());
    QJsonArray list;
    for (const model::UseDayFigures &f : figures) {
        if (line.json()) {
            list.append(model::useDayFiguresJson(f));
            continue;
        }
        const QString percent
            = f.percentAbstinent ? QString::number(*f.percentAbstinent, 'f', 1) + u'%' : u"no day known"_s;
        const QString since = f.daysSinceLastUse ? QString::number(*f.daysSinceLastUse) : u"no use recorded"_s;
        print(u"%1 %2..%3: %4 days, used %5, abstinent %6, unknown %7; abstinent %8 of known days; longest run "
              "abstinent %9; days since last use %10"_s.arg(f.substance, model::toIso(f.from), model::toIso(f.to))
                  .arg(f.days)
                  .arg(f.used)
                  .arg(f.abstinent)
                  .arg(f.unknown)
                  .arg(percent)
                  .arg(f.longestAbstinentRun)
                  .arg(since));
        print(u"  "_s + f.strip);
        if (f.usedFromNotes + f.abstinentFromNotes > 0)
            print(u"  from signed notes: abstinent %1, used %2 (%3)"_s.arg(f.abstinentFromNotes)
                      .arg(f.usedFromNotes)
                      .arg(f.sources));
        for (const model::UseDay &d : f.contradictions)
            print(u"  contradiction: %1 %2"_s.arg(model::toIso(d.date), model::useDayDetails(d)));
    }
    if (line.json())
        printJson(list);
    else if (figures.isEmpty())
        print(u"no use days recorded"_s);
    return 0;
}

} // namespace uc::cli
