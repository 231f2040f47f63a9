// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Importing notes written elsewhere (another system's CSV export, paper transcriptions kept as
// text files). Parsing and validation are pure functions: bytes in, rows and errors out, no vault.
// The vault write is importRows() (import/importer.h), which runs only when there are no errors.
namespace uc::import {

// One note to import: a session of its own with one client and a draft note.
struct ImportRow
{
    int line = 0; // CSV: the physical line where the record starts (1 is the header)
    QString file; // folder form: the file name
    QString clientCode;
    model::Date date;
    std::optional<model::TimeOfDay> time;
    int minutes = 50;
    model::Modality modality = model::Modality::Individual;
    std::optional<model::Setting> setting;
    QString templateId; // "free" unless the row names one ("process" for a process note)
    model::NoteKind kind = model::NoteKind::Progress;
    QString text;
};

// A bad row: where (line or file), which field, why. The reason never quotes the value: a
// misaligned column could hold note text.
struct ImportError
{
    int line = 0; // CSV; 0 in the folder form
    QString file; // folder form
    QString field; // a column name, or "csv", "header", "file", "client_code"
    QString reason;
};

struct ImportParse
{
    QList<ImportRow> rows; // the good rows, in file order
    QList<ImportRow> refused; // rows read whole but refused by checkClients (an unknown client)
    QList<ImportError> errors; // every problem found, in file order
    int records = 0; // rows seen, good and bad
};

// The columns a CSV may name in its header row (any order); client_code, date and text are required.
const QStringList &csvColumns();

// RFC 4180 CSV with a header row: quoted fields may hold commas, doubled quotes and line breaks;
// lines end in CRLF or LF; a UTF-8 byte order mark is skipped; empty lines are skipped. Every
// field is checked and every problem reported; nothing is left unchecked after the first error
// except after an unclosed quote, which swallows the rest of the file.
[[nodiscard]] ImportParse parseCsv(const QByteArray &bytes);

// One file of the folder form: name "CLIENTCODE_YYYY-MM-DD….md" (or .txt), content the note text.
struct FolderFile
{
    QString name;
    QByteArray content;
};
// True for the names the folder form reads (.md and .txt, not hidden); others are left alone.
[[nodiscard]] bool isNoteFileName(const QString &name);
// The folder form's files as rows: client and date from the name, text from the content (the
// default template and session details). Files are taken in name order.
[[nodiscard]] ImportParse parseFolderFiles(QList<FolderFile> files);
// The largest file the folder form reads: twice the note limit, so a note at the limit still fits
// with CRLF line ends and a byte order mark; the text itself is then held to model::maxNoteBytes.
inline constexpr qsizetype maxFolderFileBytes = 2 * model::maxNoteBytes;
// Reads dir's note files (not its subfolders, hidden files, symbolic links or anything but a
// regular file; none larger than maxFolderFileBytes, which is an error naming the file) and parses
// them; Error(Io) when the folder cannot be read.
[[nodiscard]] ImportParse parseFolder(const QString &dir);

// Client codes the rows use that are not among known, in first-use order. Without createClients
// each row of such a client becomes an error ("client_code": no client with that code) and its row
// moves from rows to refused; with it, the codes are returned as the clients to create.
QStringList checkClients(ImportParse &parse, const QStringList &known, bool createClients);

// "line 4: date: no such day in the calendar" / "C-1_2025-02-30.md: date: …"
[[nodiscard]] QString describe(const ImportError &error);

} // namespace uc::import
