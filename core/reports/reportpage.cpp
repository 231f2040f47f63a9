// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/reportpage.h"

#include "model/disclosure.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

namespace uc::reports::page {

namespace {

// Points as CSS pixels: QTextDocument reads HTML lengths (margins, padding, image sizes) as pixels
// at 96 dpi and scales them to its paint device.
int pt(double v)
{
    return qRound(v * 96.0 / 72.0);
}

QString styleSheet()
{
    return QStringLiteral("h1 { font-size: 17pt; font-weight: bold; margin-top: 0px; margin-bottom: %1px; color: #1d3b53; }"
                          "h2 { font-size: 12.5pt; font-weight: bold; margin-top: %2px; margin-bottom: %3px; color: #1d3b53; }"
                          "h3 { font-size: 10.5pt; font-weight: bold; margin-top: %3px; margin-bottom: %4px; }"
                          "p { margin-top: 0px; margin-bottom: %3px; }"
                          "table.grid { border-collapse: collapse; border-color: #7a8793; margin-bottom: %3px; }"
                          "th { background-color: #e3e9ee; font-weight: bold; text-align: left; }"
                          "td.key { background-color: #f2f5f7; font-weight: bold; }"
                          "p.note { color: #4a5661; font-size: 8.5pt; }"
                          "p.notice { font-size: 8.5pt; }"
                          "td.num { text-align: right; }"
                          "p.section { margin-bottom: %4px; }")
        .arg(pt(6))
        .arg(pt(14))
        .arg(pt(6))
        .arg(pt(3));
}

// DejaVu Sans at a size. A letter spacing that moves nothing turns ligatures off in Qt's shaper,
// so "fi" stays two letters for pdftotext, search and screen readers instead of one glyph.
QFont textFont(double points)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPointSizeF(points);
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return font;
}

} // namespace

int cssPx(int devicePixels)
{
    return qRound(devicePixels * 96.0 / dpi);
}

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString para(const QString &text)
{
    return esc(text).replace(u'\n', QStringLiteral("<br/>"));
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("\u2014") : text;
}

QString stamp(const QString &iso)
{
    if (iso.size() < 16)
        return orDash(iso);
    return iso.left(10) + u' ' + iso.mid(11, 5) + QStringLiteral(" UTC");
}

QString tableOpen(bool full)
{
    return QStringLiteral("<table class=\"grid\" border=\"%1\" cellspacing=\"0\" cellpadding=\"%2\"%3>")
        .arg(1)
        .arg(pt(3.5))
        .arg(full ? QStringLiteral(" width=\"100%\"") : QString());
}

QString headerRow(const QStringList &cells)
{
    QString row = QStringLiteral("<thead><tr>");
    for (const QString &c : cells)
        row += QStringLiteral("<th>%1</th>").arg(esc(c));
    return row + QStringLiteral("</tr></thead>");
}

QString row(const QStringList &cells)
{
    QString r = QStringLiteral("<tr>");
    for (const QString &c : cells)
        r += QStringLiteral("<td>%1</td>").arg(c);
    return r + QStringLiteral("</tr>");
}

QString keyValues(const QList<std::pair<QString, QString>> &pairs)
{
    QString html = tableOpen();
    for (qsizetype i = 0; i < pairs.size(); i += 2) {
        html += QStringLiteral("<tr><td class=\"key\" width=\"16%\">%1</td><td width=\"34%\">%2</td>")
                    .arg(esc(pairs.at(i).first), esc(orDash(pairs.at(i).second)));
        if (i + 1 < pairs.size())
            html += QStringLiteral("<td class=\"key\" width=\"16%\">%1</td><td width=\"34%\">%2</td>")
                        .arg(esc(pairs.at(i + 1).first), esc(orDash(pairs.at(i + 1).second)));
        else
            html += QStringLiteral("<td class=\"key\" width=\"16%\"></td><td width=\"34%\"></td>");
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString noticeSection()
{
    return QStringLiteral("<h2>Notice: 42 CFR Part 2 \u00a7 2.32</h2><p class=\"notice\">%1</p>").arg(para(model::part2Notice()));
}

void setUpA4(QPdfWriter &writer, const QString &title)
{
    writer.setResolution(dpi);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Undercurrent"));
}

QByteArray render(const QString &title, const QString &html, const QList<Chart> &charts, Copy copy)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        setUpA4(writer, title);
        const QRectF page(QPointF(0, 0), QSizeF(writer.pageLayout().fullRectPixels(dpi).size()));
        const QRectF body = page.adjusted(mm(18), mm(22), -mm(18), -mm(26));

        QTextDocument doc;
        doc.documentLayout()->setPaintDevice(&writer);
        QFont font = textFont(9.5);
        doc.setDefaultFont(font);
        doc.setDocumentMargin(0);
        doc.setDefaultStyleSheet(styleSheet());
        for (const Chart &c : charts)
            doc.addResource(QTextDocument::ImageResource, QUrl(c.name), c.image);
        doc.setHtml(html);
        doc.setPageSize(body.size());
        const int pages = doc.pageCount();

        const QFont small = textFont(7.5);
        QPainter painter(&writer);
        for (int i = 0; i < pages; ++i) {
            if (i > 0)
                writer.newPage();
            painter.save();
            painter.translate(body.left(), body.top() - i * body.height());
            QAbstractTextDocumentLayout::PaintContext context;
            context.clip = QRectF(0, i * body.height(), body.width(), body.height());
            painter.setClipRect(context.clip);
            doc.documentLayout()->draw(&painter, context);
            painter.restore();

            painter.setFont(small);
            painter.setPen(QPen(QColor(0x7a, 0x87, 0x93), pt(0.5)));
            const double headerY = body.top() - mm(6);
            painter.drawLine(QPointF(body.left(), headerY), QPointF(body.right(), headerY));
            painter.setPen(QColor(0x4a, 0x56, 0x61));
            const QRectF headerText(body.left(), headerY - mm(6), body.width(), mm(5));
            painter.drawText(headerText, Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("Undercurrent \u2014 %1").arg(title));
            painter.drawText(headerText, Qt::AlignRight | Qt::AlignBottom,
                             copy == Copy::Client ? QStringLiteral("Keep this where you can find it")
                                                  : QStringLiteral("Confidential clinical record"));

            const double footerY = body.bottom() + mm(6);
            painter.setPen(QPen(QColor(0x7a, 0x87, 0x93), pt(0.5)));
            painter.drawLine(QPointF(body.left(), footerY), QPointF(body.right(), footerY));
            painter.setPen(QColor(0x22, 0x22, 0x22));
            const QString pageText = QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages);
            const double pageWidth = QFontMetricsF(small, &writer).horizontalAdvance(pageText) + mm(2);
            const QRectF footerText(body.left(), footerY + mm(1.5), body.width(), mm(10));
            painter.drawText(footerText.adjusted(0, 0, -pageWidth - mm(4), 0), Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
                             copy == Copy::Client
                                 ? QStringLiteral("If you are in danger now, call your local emergency number or a crisis "
                                                  "line from step 5, or go to the nearest emergency department.")
                                 : model::part2NoticeShort() + QStringLiteral(" The full notice ends this report."));
            painter.drawText(footerText, Qt::AlignRight | Qt::AlignTop, pageText);
        }
        painter.end();
    }
    return bytes;
}

} // namespace uc::reports::page
