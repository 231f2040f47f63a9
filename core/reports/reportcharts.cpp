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
            p.fillRect(QRectF(0, y + (rowHeight - swatch) / 2, swatch, swatch), clientThemeColour(theme.id, report.palette, drawn));
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

namespace {

// The measures chart in units of its height: each strip is stripUnits tall (its plot plotUnits,
// starting topUnits down), the month labels take monthUnits below the last strip.
constexpr double stripUnits = 9.0;
constexpr double topUnits = 0.9;
constexpr double plotUnits = 7.7;
constexpr double monthUnits = 2.0;

double measureUnit(const ClientReport &report, QSize size)
{
    return size.height() / (stripUnits * static_cast<double>(std::max<qsizetype>(1, report.measures.size())) + monthUnits);
}

// A band's tint over white: clear for the lowest band, the deepest for the most severe (the
// screen's danger colour at up to a fifth, as the Patterns chart shades them).
QColor bandTint(qsizetype index, qsizetype count)
{
    const QColor danger(0xa8, 0x32, 0x2d);
    const double alpha = count > 1 ? 0.2 * static_cast<double>(index) / static_cast<double>(count - 1) : 0.0;
    return QColor::fromRgbF(1.0 - (1.0 - danger.redF()) * alpha, 1.0 - (1.0 - danger.greenF()) * alpha,
                            1.0 - (1.0 - danger.blueF()) * alpha);
}

} // namespace

QRectF measureStripPlot(const ClientReport &report, QSize size, qsizetype strip)
{
    const double unit = measureUnit(report, size);
    const Axis axis = axisFor(report, size);
    return {axis.left, unit * (stripUnits * static_cast<double>(strip) + topUnits), axis.width, unit * plotUnits};
}

double measureStripY(const QRectF &plot, int maxScore, double score)
{
    return plot.bottom() - plot.height() * std::clamp(score / std::max(1, maxScore), 0.0, 1.0);
}

QImage measuresChart(const ClientReport &report, QSize size)
{
    const double unit = measureUnit(report, size);
    const QFont font = chartFont(static_cast<int>(unit * 0.85));
    QFont nameFont = font;
    nameFont.setBold(true);
    return drawChart(report, size, font, [&](QPainter &p, const Axis &axis, const QFontMetricsF &metrics) {
        static const QList<QColor> colours = {QColor(0x1d, 0x5f, 0x8a), QColor(0xc0, 0x5a, 0x1c), QColor(0x2e, 0x7d, 0x32),
                                              QColor(0x7b, 0x3f, 0x98), QColor(0x8a, 0x6d, 0x1d), QColor(0x1d, 0x7d, 0x7d)};
        const double line = std::max(1.0, unit / 12.0);
        const double dot = std::max(3.0, unit * 0.28);
        const double tickWidth = metrics.horizontalAdvance(QStringLiteral("000 "));
        for (qsizetype s = 0; s < report.measures.size(); ++s) {
            const MeasureSeries &series = report.measures.at(s);
            const QRectF plot = measureStripPlot(report, size, s);
            const auto yOf = [&](double score) { return measureStripY(plot, series.maxScore, score); };

            // The clinical bands, each reaching half a point past its ends so neighbours meet (as on
            // screen), named at the right edge, centred on the band: a name that would leave the plot
            // or touch the name below it is left out (DAST-10's "none", half a point tall).
            const QList<model::BandRange> bands = model::bandRanges(series.instrument);
            double nameBelow = plot.bottom();
            for (qsizetype b = 0; b < bands.size(); ++b) {
                const model::BandRange &band = bands.at(b);
                const double from = std::max(0.0, band.from - 0.5);
                const double to = std::min(static_cast<double>(series.maxScore), band.to + 0.5);
                const QRectF area(QPointF(plot.left(), yOf(to)), QPointF(plot.right(), yOf(from)));
                p.fillRect(area, bandTint(b, bands.size()));
                const QRectF name(plot.left(), area.center().y() - metrics.height() / 2, plot.width() - metrics.averageCharWidth(),
                                  metrics.height());
                if (name.top() >= plot.top() && name.bottom() <= nameBelow) {
                    p.setPen(QColor(0x5a, 0x66, 0x71));
                    p.drawText(name, Qt::AlignRight | Qt::AlignVCenter, model::bandLabel(band.band));
                    nameBelow = name.top();
                }
            }
            // Month columns and the frame of the strip's own scale: 0 at the bottom, the maximum on top.
            p.setPen(QPen(QColor(0xe4, 0xe8, 0xec), 1));
            for (qsizetype m = 1; m < axis.months.size(); ++m)
                p.drawLine(QPointF(axis.xOf(m), plot.top()), QPointF(axis.xOf(m), plot.bottom()));
            p.setPen(QPen(QColor(0x7a, 0x87, 0x93), line));
            p.drawLine(plot.bottomLeft(), plot.bottomRight());
            p.drawLine(plot.bottomLeft(), plot.topLeft());
            p.setPen(QColor(0x4a, 0x56, 0x61));
            for (const int tick : {0, series.maxScore})
                p.drawText(QRectF(plot.left() - tickWidth - 4, yOf(tick) - metrics.height() / 2, tickWidth, metrics.height()),
                           Qt::AlignRight | Qt::AlignVCenter, QString::number(tick));

            // The instrument's name and scale in the label column.
            const QColor colour = colours.at(s % colours.size());
            const double textRight = plot.left() - tickWidth - 12;
            p.setBrush(colour);
            p.setPen(Qt::NoPen);
            p.drawEllipse(QPointF(dot * 1.5, plot.top() + metrics.height() / 2), dot, dot);
            p.setFont(nameFont);
            p.setPen(QColor(0x22, 0x22, 0x22));
            p.drawText(QRectF(dot * 3.5, plot.top(), textRight - dot * 3.5, metrics.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       series.name);
            p.setFont(font);
            p.setPen(QColor(0x4a, 0x56, 0x61));
            p.drawText(QRectF(dot * 3.5, plot.top() + metrics.height(), textRight - dot * 3.5, metrics.height()),
                       Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0 to %1").arg(series.maxScore));

            // The scores, joined in date order.
            QPainterPath path;
            for (qsizetype i = 0; i < series.points.size(); ++i) {
                const patterns::MeasurePoint &point = series.points.at(i);
                const QPointF at(axis.xOf(point.date), yOf(point.total));
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
        }
        p.setPen(QColor(0x4a, 0x56, 0x61));
        drawMonthLabels(p, axis, unit * stripUnits * static_cast<double>(report.measures.size()), unit * monthUnits, font);
    });
}

double eventX(const ClientReport &report, QSize size, const model::Date &date)
{
    return axisFor(report, size).xOf(date);
}

QImage eventsChart(const ClientReport &report, QSize size)
{
    if (!report.events || report.months.isEmpty())
        return {};
    const double third = size.height() / 3.0;
    const QFont font = chartFont(static_cast<int>(third * 0.62));
    const model::Date first = report.months.first().start;
    const model::Date last = report.months.last().end;
    return drawChart(report, size, font, [&](QPainter &p, const Axis &axis, const QFontMetricsF &metrics) {
        const QColor ink(0x22, 0x22, 0x22);
        const QColor muted(0x4a, 0x56, 0x61);
        p.setPen(muted);
        p.drawText(QRectF(0, 0, axis.left - 8, size.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("Meetings, MAT, screens"));
        p.setPen(QPen(QColor(0xdf, 0xe3, 0xe8), 1));
        p.drawLine(QPointF(axis.left, third), QPointF(axis.left + axis.width, third));
        double labelsEnd = axis.left; // a medication's label is not drawn over the one before
        for (const model::TreatmentEvent &e : *report.events) {
            if (e.date < first || e.date > last)
                continue;
            const double x = axis.xOf(e.date);
            if (e.kind == u"mat") {
                p.setPen(QPen(QColor(0x2f, 0x6f, 0x73), 2));
                p.drawLine(QPointF(x, 0), QPointF(x, size.height()));
                QString label = e.medication;
                if (!label.isEmpty())
                    label[0] = label[0].toUpper();
                label = e.change == u"stop" ? QStringLiteral("%1 stopped").arg(label)
                                            : QStringLiteral("%1 %2 %3").arg(label, QString::number(e.dose.value_or(0)), e.unit);
                const double width = metrics.horizontalAdvance(label) + 4;
                if (x + 3 >= labelsEnd && x + 3 + width <= size.width()) {
                    p.setPen(ink);
                    p.drawText(QRectF(x + 3, 2 * third, width, third), Qt::AlignLeft | Qt::AlignVCenter, label);
                    labelsEnd = x + 3 + width;
                }
            } else if (e.kind == u"drug-screen") {
                const double r = third * 0.32;
                const QPointF centre(x, third * 1.5);
                if (e.result == u"positive") {
                    QPainterPath diamond;
                    diamond.moveTo(centre.x(), centre.y() - r * 1.2);
                    diamond.lineTo(centre.x() + r * 1.2, centre.y());
                    diamond.lineTo(centre.x(), centre.y() + r * 1.2);
                    diamond.lineTo(centre.x() - r * 1.2, centre.y());
                    diamond.closeSubpath();
                    p.fillPath(diamond, QColor(0xa8, 0x32, 0x2d));
                } else {
                    p.setPen(QPen(ink, 1.5));
                    p.setBrush(Qt::white);
                    p.drawEllipse(centre, r, r);
                    p.setBrush(Qt::NoBrush);
                }
            } else {
                p.setPen(QPen(muted, 1.5));
                p.drawLine(QPointF(x, third * 0.15), QPointF(x, third));
            }
        }
    });
}

} // namespace uc::reports

namespace uc::reports {

QImage useDaysChart(const ClientReport &report, QSize size)
{
    if (!report.useDays || report.useDays->figures.isEmpty() || report.months.isEmpty())
        return {};
    const UseDaySection &section = *report.useDays;
    const qsizetype rows = section.figures.size();
    // A row per substance (its days above, its months' percents below) and a row of months.
    const double rowHeight = size.height() / (static_cast<double>(rows) + 0.5);
    const double band = rowHeight * 0.5;
    const QFont font = chartFont(static_cast<int>(rowHeight * 0.24));
    return drawChart(report, size, font, [&](QPainter &p, const Axis &axis, const QFontMetricsF &metrics) {
        const QColor ink(0x22, 0x22, 0x22);
        const QColor muted(0x4a, 0x56, 0x61);
        const QColor used(0xa8, 0x32, 0x2d);
        const QColor abstinent(0x2f, 0x6f, 0x73);
        // A day's left and right edge: its share of its month's column.
        const auto dayEdges = [&](const model::Date &day) {
            for (const patterns::Period &month : axis.months) {
                if (day >= month.start && day <= month.end) {
                    const double half = axis.column() / static_cast<double>((month.end - month.start).days() + 1) / 2.0;
                    const double centre = axis.xOf(day);
                    return std::pair{centre - half, centre + half};
                }
            }
            return std::pair{axis.left, axis.left};
        };
        for (qsizetype r = 0; r < rows; ++r) {
            const model::UseDayFigures &f = section.figures.at(r);
            const double y = rowHeight * static_cast<double>(r);
            QString label = f.substance;
            label[0] = label[0].toUpper();
            p.setPen(ink);
            p.drawText(QRectF(0, y, axis.left - 8, band), Qt::AlignLeft | Qt::AlignVCenter,
                       metrics.elidedText(label, Qt::ElideRight, axis.left - 8));
            p.setPen(QPen(QColor(0xdf, 0xe3, 0xe8), 1));
            p.drawLine(QPointF(axis.left, y + band), QPointF(axis.left + axis.width, y + band));
            // Runs of days alike: used a tall filled bar, abstinent a low outlined one, unknown nothing.
            for (qsizetype i = 0; i < f.strip.size();) {
                qsizetype j = i;
                while (j < f.strip.size() && f.strip.at(j) == f.strip.at(i))
                    ++j;
                const QChar letter = f.strip.at(i);
                if (letter != u'?') {
                    const double x0 = dayEdges(f.from + boost::gregorian::days(static_cast<long>(i))).first;
                    const double x1 = dayEdges(f.from + boost::gregorian::days(static_cast<long>(j - 1))).second;
                    const bool wasUsed = letter == u'U';
                    const double height = wasUsed ? band * 0.9 : band * 0.5;
                    const QRectF bar(x0, y + band - height, std::max(1.0, x1 - x0), height);
                    if (wasUsed) {
                        p.fillRect(bar, used);
                    } else {
                        p.fillRect(bar, QColor(0xe3, 0xef, 0xef));
                        p.setPen(QPen(abstinent, 1));
                        p.drawRect(bar);
                    }
                }
                i = j;
            }
            // Under each month, the percent of its known days abstinent, where it fits.
            p.setPen(muted);
            const QList<model::UseDayFigures> &months = section.perMonth.at(r);
            for (qsizetype m = 0; m < months.size() && m < axis.months.size(); ++m) {
                const model::UseDayFigures &month = months.at(m);
                const QString text = month.percentAbstinent ? QStringLiteral("%1%").arg(qRound(*month.percentAbstinent))
                                                            : QStringLiteral("–");
                if (metrics.horizontalAdvance(text) + 2 <= axis.column())
                    p.drawText(QRectF(axis.xOf(m), y + band, axis.column(), rowHeight - band), Qt::AlignCenter, text);
            }
        }
        p.setPen(muted);
        drawMonthLabels(p, axis, rowHeight * static_cast<double>(rows), rowHeight * 0.5, font);
    });
}

} // namespace uc::reports
