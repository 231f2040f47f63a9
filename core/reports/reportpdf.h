// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reports/palette.h"

#include "reports/reportdata.h"

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QSize>

// The reports drawn as PDF (A4) with Qt's own text layout: selectable text, tables with borders,
// charts the app draws with QPainter, "Page N of M" and the 42 CFR Part 2 notice on every page and
// in full at the end. Needs a QGuiApplication (fonts); the CLI starts one offscreen.
namespace uc::reports {

[[nodiscard]] QByteArray clientReportPdf(const ClientReport &report);
[[nodiscard]] QByteArray noteReportPdf(const NoteReport &report);
[[nodiscard]] QByteArray supervisionReportPdf(const SupervisionReport &report);
[[nodiscard]] QByteArray auditReportPdf(const AuditReport &report);
// The client's take-home copy of their safety plan: the seven steps in order with their prompts,
// the clinician's signature and a line for the client's.
[[nodiscard]] QByteArray safetyPlanPdf(const SafetyPlanReport &report);

// The themes chart draws this many rows at most, the most frequent themes; the table lists all.
constexpr int maxChartThemes = maxDrawnThemes;

// The client report's two charts on one time axis (its months): themes by month, and measures as
// small multiples, one strip per instrument on its own 0-to-maximum scale with its clinical bands
// shaded (model::bandRanges; none for the C-SSRS), clear for the lowest and deepest for the most
// severe, each named at the right edge where the name fits. size in pixels; the client PDF makes the
// measures chart taller by a strip's height for each instrument.
[[nodiscard]] QImage themesChart(const ClientReport &report, QSize size);
[[nodiscard]] QImage measuresChart(const ClientReport &report, QSize size);
// Where measuresChart draws strip (an index of report.measures) at size, and the height of a
// score on it: for checking the drawing.
[[nodiscard]] QRectF measureStripPlot(const ClientReport &report, QSize size, qsizetype strip);
[[nodiscard]] double measureStripY(const QRectF &plot, int maxScore, double score);
// The opt-in other treatment (report.events) on the same months, as the Patterns screen marks them
// (docs/treatment-events.md, "On the charts"): in the top third a tick per mutual-help meeting or
// group; in the middle a drug screen, a filled diamond for a positive and a hollow ring for a
// negative; a line through the strip per medication change, its drug and dose in the lowest third.
// Events outside the months are not drawn; nothing without events or months.
[[nodiscard]] QImage eventsChart(const ClientReport &report, QSize size);
// The opt-in use days (report.useDays, docs/use-days.md) on the same months: a row per substance,
// its days used a tall filled bar, abstinent a low outlined bar, unknown nothing (so they read
// apart without colour), and under each month the percent of its known days abstinent ("–" when
// none is known). Nothing without use days or months.
[[nodiscard]] QImage useDaysChart(const ClientReport &report, QSize size);
// Where eventsChart (and useDaysChart) puts a date across size: for checking the drawing.
[[nodiscard]] double eventX(const ClientReport &report, QSize size, const model::Date &date);

} // namespace uc::reports
