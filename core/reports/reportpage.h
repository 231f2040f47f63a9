// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

class QPdfWriter;

// The page every report PDF is laid out on: A4 at 300 dpi, the HTML building blocks its sections
// are written in (escaped text, bordered tables, key-value blocks), and render(), which lays the
// HTML out and paints each page's header and footer. Private to core/reports.
namespace uc::reports::page {

inline constexpr int dpi = 300;

inline constexpr double mm(double v)
{
    return v * dpi / 25.4;
}

// Device pixels as CSS pixels, for an image drawn at the device's resolution.
[[nodiscard]] int cssPx(int devicePixels);

[[nodiscard]] QString esc(const QString &text);
// Escaped text with its line breaks kept.
[[nodiscard]] QString para(const QString &text);
[[nodiscard]] QString orDash(const QString &text);
// "2025-03-01T14:02:11.123Z" → "2025-03-01 14:02 UTC"
[[nodiscard]] QString stamp(const QString &iso);

// A bordered table's opening tag, full width unless not full.
[[nodiscard]] QString tableOpen(bool full = true);
[[nodiscard]] QString headerRow(const QStringList &cells);
// Cells already escaped.
[[nodiscard]] QString row(const QStringList &cells);
// The header block: label and value pairs, two pairs a row.
[[nodiscard]] QString keyValues(const QList<std::pair<QString, QString>> &pairs);
// The full 42 CFR Part 2 notice that ends every report of the record.
[[nodiscard]] QString noticeSection();

// Sets a writer up for an A4 portrait page at dpi, no margins (each page draws its own), titled.
void setUpA4(QPdfWriter &writer, const QString &title);

// An image the HTML names (<img src="name">).
struct Chart
{
    QString name;
    QImage image;
};

// A client's copy (the safety plan) is the client's own document: its header and footer say so and
// point to emergency help instead of carrying the record's disclosure notice.
enum class Copy { Record, Client };

// Lays the HTML out on A4 pages and paints each with its header, and a footer holding the short
// Part 2 notice and "Page N of M". The PDF's bytes.
[[nodiscard]] QByteArray render(const QString &title, const QString &html, const QList<Chart> &charts = {},
                                Copy copy = Copy::Record);

} // namespace uc::reports::page
