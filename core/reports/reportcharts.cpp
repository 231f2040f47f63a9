// SPDX-License-Identifier: GPL-3.0-or-later
// The client report's charts, drawn with QPainter on the shared time axis of its months.
#include "reports/reportpdf.h"

#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace uc::reports {

namespace {

QString monthLabel(const model::Date &d, bool withYear)
{
    static const char *const names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QString month = QString::fromLatin1(names[d.month() - 1]);
    return withYear ? QStringLiteral("%1 %2").arg(month).arg(static_cast<int>(d.year())) : month;
}

// The shared time axis of both client charts: one column per month right of the label column.
struct Axis
{
    double left = 0;
    double width = 0;
    QList<patterns::Period> months;

    [[nodiscard]] double column() const { return months.isEmpty() ? width : width / static_cast<double>(months.size()); }
    [[nodiscard]] double xOf(qsizetype month) const { return left + column() * static_cast<double>(month); }
    // A date within its month's column, by day.
    [[nodiscard]] double xOf(const model::Date &date) const
    {
        for (qsizetype i = 0; i < months.size(); ++i) {
            const patterns::Period &p = months.at(i);
            if (date >= p.start && date <= p.end) {
                const double days = static_cast<double>((p.end - p.start).days() + 1);
                return xOf(i) + column() * (static_cast<double>((date - p.start).days()) + 0.5) / days;
            }
        }
        return left;
    }
};

Axis axisFor(const ClientReport &report, QSize size)
{
    return {size.width() * 0.26, size.width() * 0.74 - 2.0, report.months};
}

void drawMonthLabels(QPainter &p, const Axis &axis, double y, double height, const QFont &font)
{
    p.setFont(font);
    const QFontMetricsF metrics(font);
    const double needed = metrics.horizontalAdvance(QStringLiteral("Mmm 0000")) * 1.15;
    const qsizetype every = std::max<qsizetype>(1, static_cast<qsizetype>(std::ceil(needed / std::max(1.0, axis.column()))));
    for (qsizetype i = 0; i < axis.months.size(); i += every) {
        const model::Date start = axis.months.at(i).start;
        const QRectF cell(axis.xOf(i), y, axis.column() * static_cast<double>(every), height);
        p.drawText(cell, Qt::AlignLeft | Qt::AlignVCenter, monthLabel(start, i == 0 || start.month() == 1 || every > 1));
    }
}

// The charts' font at a size in pixels (never below 8).
QFont chartFont(int pixels)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(std::max(8, pixels));
    return font;
}

// A chart: a white canvas of size, antialiased, in font, on the report's time axis.
template<typename Draw>
QImage drawChart(const ClientReport &report, QSize size, const QFont &font, Draw draw)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font);
    draw(p, axisFor(report, size), QFontMetricsF(font));
    return image;
}

} // namespace

QImage themesChart(const ClientReport &report, QSize size)
{
    const qsizetype themeRows = std::min<qsizetype>(report.themes.size(), maxChartThemes);
    const double rowHeight = size.height() / static_cast<double>(themeRows + 2);
    const QFont font = chartFont(static_cast<int>(rowHeight * 0.42));
    QStringList drawn;
    for (qsizetype t = 0; t < themeRows; ++t)
        drawn.append(report.themes.at(t).id);
    return drawChart(report, size, font, [&](QPainter &p, const Axis &axis, const QFontMetricsF &metrics) {
        // First row: attended sessions per month, the denominator of every shade below.
        p.setPen(QColor(0x4a, 0x56, 0x61));
        p.drawText(QRectF(0, 0, axis.left - 8, rowHeight), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("Sessions attended"));
        for (qsizetype m = 0; m < axis.months.size(); ++m)
            p.drawText(QRectF(axis.xOf(m), 0, axis.column(), rowHeight), Qt::AlignCenter,
                       QString::number(report.sessionsPerMonth.value(m)));

        for (qsizetype t = 0; t < themeRows; ++t) {
            const ThemeRow &theme = report.themes.at(t);
            const double y = rowHeight * static_cast<double>(t + 1);
            // The theme's colour, as on screen: a swatch before its name.
            const double swatch = rowHeight * 0.45;
            p.fillRect(QRectF(0, y + (rowHeight - swatch) / 2, swatch, swatch), themeColour(theme.id, drawn));
            const double textLeft = swatch * 1.6;
            p.setPen(QColor(0x22, 0x22, 0x22));
            p.drawText(QRectF(textLeft, y, axis.left - 8 - textLeft, rowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                       metrics.elidedText(theme.label, Qt::ElideRight, axis.left - 8 - textLeft));
            for (qsizetype m = 0; m < axis.months.size(); ++m) {
                const int sessions = report.sessionsPerMonth.value(m);
                const int raised = theme.perMonth.value(m);
                const double share = sessions > 0 ? static_cast<double>(raised) / sessions : 0.0;
                const QRectF cell(axis.xOf(m) + 1, y + 1, axis.column() - 2, rowHeight - 2);
                const QColor empty(0xf2, 0xf5, 0xf7);
                const QColor full(0x1d, 0x5f, 0x8a);
                const QColor shade = raised == 0 ? empty
                                                 : QColor::fromRgbF(empty.redF() + (full.redF() - empty.redF()) * (0.25 + 0.75 * share),
                                                                    empty.greenF() + (full.greenF() - empty.greenF()) * (0.25 + 0.75 * share),
                                                                    empty.blueF() + (full.blueF() - empty.blueF()) * (0.25 + 0.75 * share));
                p.fillRect(cell, shade);
                if (raised > 0 && axis.column() > metrics.horizontalAdvance(QStringLiteral("00")) * 1.4) {
                    p.setPen(share > 0.5 ? Qt::white : QColor(0x22, 0x22, 0x22));
                    p.drawText(cell, Qt::AlignCenter, QString::number(raised));
                }
            }
        }
        p.setPen(QColor(0x4a, 0x56, 0x61));
        drawMonthLabels(p, axis, rowHeight * static_cast<double>(themeRows + 1), rowHeight, font);
    });
}

QImage measuresChart(const ClientReport &report, QSize size)
{
    const QFont font = chartFont(size.height() / 14);
    return drawChart(report, size, font, [&](QPainter &p, const Axis &axis, const QFontMetricsF &metrics) {
        const double labelRow = metrics.height() * 1.6;
        const QRectF plot(axis.left, metrics.height() * 0.6, axis.width, size.height() - labelRow - metrics.height() * 0.6);

        // Grid: the share of each instrument's maximum score, so PHQ-9 and AUDIT share one scale.
        for (int q = 0; q <= 4; ++q) {
            const double y = plot.bottom() - plot.height() * q / 4.0;
            p.setPen(QPen(q == 0 ? QColor(0x7a, 0x87, 0x93) : QColor(0xdd, 0xe3, 0xe8), std::max(1.0, size.height() / 300.0)));
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            p.setPen(QColor(0x4a, 0x56, 0x61));
            p.drawText(QRectF(plot.left() - metrics.horizontalAdvance(QStringLiteral("100% ")) - 4, y - metrics.height() / 2,
                              metrics.horizontalAdvance(QStringLiteral("100% ")), metrics.height()),
                       Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("%1%").arg(q * 25));
        }
        for (qsizetype m = 0; m <= axis.months.size(); ++m) {
            p.setPen(QPen(QColor(0xee, 0xf1, 0xf4), 1));
            p.drawLine(QPointF(axis.xOf(m), plot.top()), QPointF(axis.xOf(m), plot.bottom()));
        }

        static const QList<QColor> colours = {QColor(0x1d, 0x5f, 0x8a), QColor(0xc0, 0x5a, 0x1c), QColor(0x2e, 0x7d, 0x32),
                                              QColor(0x7b, 0x3f, 0x98), QColor(0x8a, 0x6d, 0x1d), QColor(0x1d, 0x7d, 0x7d)};
        const double dot = std::max(3.0, size.height() / 45.0);
        const double legendGap = metrics.height() * 1.3;
        for (qsizetype s = 0; s < report.measures.size(); ++s) {
            const MeasureSeries &series = report.measures.at(s);
            const QColor colour = colours.at(s % colours.size());
            QPainterPath path;
            for (qsizetype i = 0; i < series.points.size(); ++i) {
                const patterns::MeasurePoint &point = series.points.at(i);
                const QPointF at(axis.xOf(point.date),
                                 plot.bottom() - plot.height() * std::clamp(static_cast<double>(point.total) / std::max(1, series.maxScore), 0.0, 1.0));
                if (i == 0)
                    path.moveTo(at);
                else
                    path.lineTo(at);
            }
            p.setPen(QPen(colour, dot / 2.0));
            p.setBrush(Qt::NoBrush);
            p.drawPath(path);
            p.setBrush(colour);
            p.setPen(Qt::NoPen);
            for (qsizetype i = 0; i < path.elementCount(); ++i)
                p.drawEllipse(QPointF(path.elementAt(i).x, path.elementAt(i).y), dot, dot);
            // Legend in the label column.
            const double y = plot.top() + legendGap * static_cast<double>(s);
            p.drawEllipse(QPointF(dot * 2, y + legendGap / 2), dot, dot);
            p.setPen(QColor(0x22, 0x22, 0x22));
            p.drawText(QRectF(dot * 4, y, axis.left - dot * 4 - metrics.horizontalAdvance(QStringLiteral("100% ")) - 8, legendGap),
                       Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("%1 (of %2)").arg(series.name).arg(series.maxScore));
        }
        p.setPen(QColor(0x4a, 0x56, 0x61));
        drawMonthLabels(p, axis, plot.bottom() + metrics.height() * 0.3, labelRow, font);
    });
}

} // namespace uc::reports
