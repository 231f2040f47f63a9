// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternusedays.h"

#include "usedaytext.h"

#include <QDate>
#include <QVariantMap>

#include <algorithm>

using namespace Qt::StringLiterals;
using uc::model::UseDayFigures;

namespace {

QDate qdateOf(const uc::model::Date &day)
{
    return QDate::fromString(uc::model::toIso(day), Qt::ISODate);
}

// "7 Jan – 13 Jan 2025", "13 Jan 2025" for one day.
QString daysText(const uc::model::Date &from, const uc::model::Date &to)
{
    if (from == to)
        return uc::gui::useDayDate(from);
    const QString first = qdateOf(from).toString(from.year() == to.year() ? u"d MMM"_s : u"d MMM yyyy"_s);
    return u"%1 – %2"_s.arg(first, uc::gui::useDayDate(to));
}

QString percentText(const UseDayFigures &f)
{
    return f.percentAbstinent ? u"%1%"_s.arg(qRound(*f.percentAbstinent)) : u"–"_s;
}

} // namespace

QString PatternUseDayModel::summaryOf(const UseDayFigures &f)
{
    return uc::gui::useDaySummary(f);
}

QString PatternUseDayModel::bucketText(const QString &by, const QString &label, const UseDayFigures &f)
{
    const QString when = by == u"session" ? tr("Session of %1, days %2").arg(label, daysText(f.from, f.to))
                                          : u"%1"_s.arg(label);
    const QString counts = tr("used %1, abstinent %2, unknown %3").arg(f.used).arg(f.abstinent).arg(f.unknown);
    if (!f.percentAbstinent)
        return tr("%1: no day known (%2)").arg(when, counts);
    return tr("%1: %2% of known days abstinent (%3)").arg(when).arg(qRound(*f.percentAbstinent)).arg(counts);
}

int PatternUseDayModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant PatternUseDayModel::data(const QModelIndex &index, int role) const
{
    const Row &r = rowAt(m_rows, index);
    switch (role) {
    case SubstanceRole:
        return r.substance;
    case LabelRole:
        return r.label;
    case MarksRole:
        return r.marks;
    case CellsRole:
        return r.cells;
    case SummaryRole:
        return r.summary;
    case TextRole:
    case Qt::DisplayRole:
        return r.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> PatternUseDayModel::roleNames() const
{
    return {{SubstanceRole, "substance"}, {LabelRole, "label"},     {MarksRole, "marks"},
            {CellsRole, "cells"},         {SummaryRole, "summary"}, {TextRole, "text"}};
}

void PatternUseDayModel::set(const QList<uc::gui::PatternUseDayRow> &rows,
                             const QList<uc::gui::PatternBucketRow> &buckets, const QString &by,
                             const QDateTime &axisFrom, const QDateTime &axisTo)
{
    QList<Row> out;
    if (axisFrom.isValid() && axisTo.isValid() && axisFrom < axisTo) {
        const qreal span = static_cast<qreal>(axisFrom.msecsTo(axisTo));
        // The first moment of a day, and the end of the last, as parts of the axis.
        const auto partOf = [&](const uc::model::Date &day) {
            return std::clamp(static_cast<qreal>(axisFrom.msecsTo(QDateTime(qdateOf(day), QTime(0, 0)))) / span, 0.0, 1.0);
        };
        const auto endOf = [&](const uc::model::Date &day) { return partOf(day + boost::gregorian::days(1)); };
        for (const uc::gui::PatternUseDayRow &r : rows) {
            Row row;
            row.substance = r.range.substance;
            row.label = r.range.substance;
            if (!row.label.isEmpty())
                row.label[0] = row.label[0].toUpper();
            row.summary = summaryOf(r.range);
            row.text = u"%1, %2: %3"_s.arg(row.label, daysText(r.range.from, r.range.to), row.summary);
            const QString &strip = r.range.strip;
            for (qsizetype i = 0; i < strip.size();) {
                qsizetype j = i;
                while (j < strip.size() && strip.at(j) == strip.at(i))
                    ++j;
                if (strip.at(i) != u'?') {
                    const uc::model::Date first = r.range.from + boost::gregorian::days(static_cast<long>(i));
                    const uc::model::Date last = r.range.from + boost::gregorian::days(static_cast<long>(j - 1));
                    row.marks.append(QVariantMap{{u"from"_s, partOf(first)},
                                                 {u"to"_s, endOf(last)},
                                                 {u"used"_s, strip.at(i) == u'U'}});
                }
                i = j;
            }
            for (qsizetype b = 0; b < r.buckets.size() && b < buckets.size(); ++b) {
                const UseDayFigures &f = r.buckets.at(b);
                if (f.days == 0)
                    continue;
                row.cells.append(QVariantMap{{u"from"_s, partOf(f.from)},
                                             {u"to"_s, endOf(f.to)},
                                             {u"percent"_s, percentText(f)},
                                             {u"text"_s, bucketText(by, buckets.at(b).label, f)}});
            }
            out.append(row);
        }
    }
    replace(m_rows, std::move(out));
}
