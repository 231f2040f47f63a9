// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/recoverysheet.h"

#include "reports/reportpage.h"

#include "common/error.h"
#include "common/safefile.h"
#include "common/secret.h"
#include "vault/keyslots.h"
#include "vault/vault.h"

#include <QBuffer>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPdfWriter>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::reports {

namespace {

using page::dpi;
using page::mm;

QFont font(const QString &family, double points, QFont::Weight weight = QFont::Normal)
{
    QFont f(family);
    f.setPointSizeF(points);
    f.setWeight(weight);
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.02); // no ligatures: the text extracts as written
    return f;
}

// The canonical folder a path lies in (or would, for a file not yet made); empty when the folder
// does not exist.
QString canonicalFolderOf(const QString &file)
{
    return QFileInfo(QFileInfo(file).absolutePath()).canonicalFilePath();
}

bool inside(const QString &folder, const QString &root)
{
    return !root.isEmpty() && (folder == root || folder.startsWith(root + u'/'));
}

// The key's groups, drawn two rows of four, each numbered under it as on the screen.
void drawKey(QPainter &painter, const SecretBuffer &display, const QRectF &box)
{
    const QFont keyFont = font(u"DejaVu Sans Mono"_s, 24, QFont::Bold);
    const QFont numberFont = font(u"DejaVu Sans"_s, 9);
    const int groups = 8;
    const int perRow = 4;
    const double cellWidth = box.width() / perRow;
    const double rowHeight = box.height() / 2;
    std::size_t start = 0;
    for (int g = 0; g < groups; ++g) {
        std::size_t end = start;
        while (end < display.size() && display.data()[end] != '-')
            ++end;
        const QString group = QString::fromLatin1(reinterpret_cast<const char *>(display.data()) + start,
                                                  static_cast<qsizetype>(end - start));
        start = end + 1;
        const QRectF cell(box.left() + (g % perRow) * cellWidth, box.top() + (g / perRow) * rowHeight, cellWidth,
                          rowHeight);
        painter.setFont(keyFont);
        painter.drawText(cell.adjusted(0, 0, 0, -rowHeight * 0.35), Qt::AlignHCenter | Qt::AlignBottom, group);
        painter.setFont(numberFont);
        painter.drawText(cell.adjusted(0, rowHeight * 0.68, 0, 0), Qt::AlignHCenter | Qt::AlignTop,
                         QString::number(g + 1));
    }
}

// Paragraphs down the page from top; returns where the next one starts.
double drawParagraph(QPainter &painter, const QFont &f, const QString &text, double left, double top, double width)
{
    painter.setFont(f);
    const QRectF bounds =
        painter.boundingRect(QRectF(left, top, width, mm(200)), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    painter.drawText(QRectF(left, top, width, bounds.height()), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
    return top + bounds.height() + mm(4);
}

QByteArray sheetPdf(const SecretBuffer &display, const QString &user, const QString &folder, const QDate &made)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        page::setUpA4(writer, u"Undercurrent recovery key"_s);
        const double left = mm(22);
        const double width = writer.pageLayout().fullRectPixels(dpi).width() - 2 * left;

        QPainter painter(&writer);
        painter.setPen(Qt::black);
        double y = mm(24);
        y = drawParagraph(painter, font(u"DejaVu Sans"_s, 20, QFont::Bold), u"Undercurrent recovery key"_s, left, y,
                          width);
        y = drawParagraph(painter, font(u"DejaVu Sans"_s, 10),
                          u"The vault in %2, made by %1. Printed %3."_s.arg(user, QDir::toNativeSeparators(folder),
                                                                               made.toString(Qt::ISODate)),
                          left, y, width);
        y += mm(6);
        const QRectF keyBox(left, y, width, mm(44));
        painter.setPen(QPen(Qt::black, mm(0.4)));
        painter.drawRect(keyBox);
        drawKey(painter, display, keyBox.adjusted(mm(4), mm(3), -mm(4), -mm(3)));
        y = keyBox.bottom() + mm(8);
        const QFont body = font(u"DejaVu Sans"_s, 11);
        const QFont heading = font(u"DejaVu Sans"_s, 12, QFont::Bold);
        y = drawParagraph(painter, heading, u"What it is"_s, left, y, width);
        y = drawParagraph(painter, body,
                          u"The vault's recovery key. If a passphrase is forgotten, it opens the vault and sets a new "
                          "one: on the unlock screen choose \u201cForgot passphrase?\u201d, give the user's name and "
                          "type the key. Dashes, spaces and upper or lower case do not matter."_s,
                          left, y, width);
        y = drawParagraph(painter, heading, u"Keep it safe"_s, left, y, width);
        y = drawParagraph(painter, body,
                          u"Anyone who has this key and a copy of the vault folder can set a new passphrase for any "
                          "user of this vault and read what that user may read. Keep this page locked away from the "
                          "computer, as you would a client's paper file. Do not photograph it, email it or keep it "
                          "in a cloud folder."_s,
                          left, y, width);
        y = drawParagraph(painter, heading, u"Delete this file once printed"_s, left, y, width);
        drawParagraph(painter, body,
                      u"This PDF holds the key too. After printing, delete the file and empty the trash."_s,
                      left, y, width);
    }
    return bytes;
}

} // namespace

void writeRecoveryKeySheet(vault::Vault &vault, const vault::RecoveryKey &key, const QString &file)
{
    const QString what = u"recovery key sheet"_s;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()) == nullptr)
        throw Error(ErrorKind::Io, what, u"PDFs need the application's GUI library started"_s);
    const QString vaultFolder = QFileInfo(vault.dir()).canonicalFilePath();
    if (inside(canonicalFolderOf(file), vaultFolder))
        throw Error(ErrorKind::Io, what,
                    u"not inside the vault's folder: a backup or copy of the folder would carry the key with it; "
                    "choose another folder"_s);
    requireWritableTarget(file, what);

    const SecretBuffer display = key.display();
    QByteArray pdf = sheetPdf(display, vault.currentUser().name, vault.dir(), QDate::currentDate());
    try {
        writeFileSafely(file, pdf, what);
    } catch (...) {
        sodium_memzero(pdf.data(), static_cast<std::size_t>(pdf.size()));
        throw;
    }
    sodium_memzero(pdf.data(), static_cast<std::size_t>(pdf.size()));
    try {
        vault.recordEvent(u"recovery-key-sheet"_s, u"user:%1"_s.arg(vault.currentUser().id), u"pdf"_s);
    } catch (...) {
        QFile::remove(file);
        throw;
    }
}

} // namespace uc::reports
