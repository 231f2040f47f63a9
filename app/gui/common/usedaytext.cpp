// SPDX-License-Identifier: GPL-3.0-or-later
#include "usedaytext.h"

#include <QCoreApplication>
#include <QDate>

using namespace Qt::StringLiterals;

namespace uc::gui {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UseDayText", text);
}
} // namespace

QString useDayDate(const uc::model::Date &day)
{
    return QDate::fromString(uc::model::toIso(day), Qt::ISODate).toString(u"d MMM yyyy"_s);
}

QString useDaySummary(const uc::model::UseDayFigures &f)
{
    const QString percent = f.percentAbstinent ? tr("%1% of known days abstinent").arg(qRound(*f.percentAbstinent))
                                               : tr("no day known");
    // Singular and plural in words: without a translation loaded, tr()'s %n leaves "day(s)".
    const QString since = !f.daysSinceLastUse       ? tr("no use recorded")
                          : *f.daysSinceLastUse == 0 ? tr("used on %1").arg(useDayDate(f.to))
                          : *f.daysSinceLastUse == 1 ? tr("last use 1 day before %1").arg(useDayDate(f.to))
                                                     : tr("last use %1 days before %2")
                                                           .arg(*f.daysSinceLastUse)
                                                           .arg(useDayDate(f.to));
    return tr("used %1, abstinent %2, unknown %3 · %4 · longest run abstinent %5 · %6")
        .arg(f.used)
        .arg(f.abstinent)
        .arg(f.unknown)
        .arg(percent, QString::number(f.longestAbstinentRun), since);
}

} // namespace uc::gui
