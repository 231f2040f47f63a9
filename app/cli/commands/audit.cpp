// SPDX-License-Identifier: GPL-3.0-or-later
#include "audit.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "reports/reports.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

QString isoOf(const std::optional<model::Date> &date)
{
    return date ? model::toIso(*date) : QString();
}

} // namespace

int auditVerify(const Invocation &line)
{
    const vault::AuditCheck check = openVault(line)->auditTrail().verify(line.has("full"));
    if (!check.whole) {
        const QString where = check.broken == 0 ? u"the trail's head"_s : u"entry %1"_s.arg(check.broken);
        throw Error(ErrorKind::Damaged, line.what(), u"broken at %1: %2"_s.arg(where, check.reason));
    }
    if (line.json()) {
        printJson(QJsonObject{{u"whole"_s, true},
                              {u"entries"_s, static_cast<double>(check.count)},
                              {u"signed_from"_s, static_cast<double>(check.signedFrom)},
                              {u"signatures_checked"_s, static_cast<double>(check.signaturesChecked)},
                              {u"uncertified_signers"_s, QJsonArray::fromStringList(check.uncertified)}});
    } else {
        print(u"audit trail whole: %1 entries"_s.arg(check.count));
        if (!check.uncertified.isEmpty())
            print(u"signatures by %1 were checked against keys no administrator has certified yet"_s.arg(
                check.uncertified.join(u", "_s)));
    }
    return 0;
}

int auditList(const Invocation &line)
{
    vault::AuditFilter filter;
    filter.since = isoOf(dateOption(line, "since"));
    filter.user = line.second("user");
    auto v = openVault(line);
    QJsonArray list;
    for (const vault::AuditEntry &e : v->auditTrail().entries(filter)) {
        if (line.json())
            list.append(QJsonObject{{u"seq"_s, static_cast<double>(e.seq)},
                                    {u"at"_s, e.at},
                                    {u"user"_s, e.user},
                                    {u"action"_s, e.action},
                                    {u"object"_s, e.object},
                                    {u"detail"_s, e.detail},
                                    {u"hash"_s, e.hash},
                                    {u"signer"_s, e.signer}});
        else
            print(u"%1  %2  %3  %4  %5  %6"_s.arg(e.seq, 6).arg(e.at, e.user.leftJustified(12), e.action.leftJustified(16),
                                                               e.object.leftJustified(14), e.detail));
    }
    if (line.json())
        printJson(list);
    return 0;
}

int auditExport(const Invocation &line)
{
    if (line.has("since") && line.has("from"))
        throw Error(ErrorKind::Usage, line.what(), u"give --from or --since, not both"_s);
    const QString out = line.value("out");
    vault::AuditFilter filter;
    filter.since = isoOf(dateOption(line, line.has("from") ? "from" : "since"));
    filter.until = isoOf(dateOption(line, "to"));
    if (!filter.since.isEmpty() && !filter.until.isEmpty() && filter.until < filter.since)
        throw Error(ErrorKind::Usage, line.what(), u"--from is after --to"_s);
    filter.user = line.second("user");
    auto v = openVault(line);
    const qsizetype n = out.endsWith(".pdf"_L1, Qt::CaseInsensitive) ? reports::writeAuditPdf(*v, filter, out)
                                                                       : v->auditTrail().exportCsv(filter, out);
    print(u"%1 entries written"_s.arg(n));
    return 0;
}

} // namespace uc::cli
