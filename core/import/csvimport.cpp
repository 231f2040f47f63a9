// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/csvimport.h"

#include "common/error.h"
#include "common/safefile.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <utility>

namespace uc::import {

namespace {

const QString colClient = QStringLiteral("client_code");
const QString colDate = QStringLiteral("date");
const QString colTime = QStringLiteral("time");
const QString colMinutes = QStringLiteral("minutes");
const QString colModality = QStringLiteral("modality");
const QString colSetting = QStringLiteral("setting");
const QString colTemplate = QStringLiteral("template");
const QString colKind = QStringLiteral("kind");
const QString colText = QStringLiteral("text");

// One CSV record as raw bytes per field, with the line it starts on and what was wrong with its
// syntax (empty when nothing).
struct Record
{
    int line = 0;
    QList<QByteArray> fields;
    QString malformed;
};

// RFC 4180 over bytes (the delimiters are ASCII, so UTF-8 passes through untouched). Stops after
// an unclosed quote, which leaves no way to tell where the next record starts.
QList<Record> tokenize(const QByteArray &bytes)
{
    QList<Record> records;
    const qsizetype n = bytes.size();
    qsizetype pos = bytes.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    int line = 1;
    auto atLineEnd = [&](qsizetype p) { return p >= n || bytes.at(p) == '\n' || bytes.at(p) == '\r'; };
    // Consumes one line break (CRLF, LF or a lone CR) at pos.
    auto consumeBreak = [&] {
        if (bytes.at(pos) == '\r' && pos + 1 < n && bytes.at(pos + 1) == '\n')
            ++pos;
        ++pos;
        ++line;
    };
    while (pos < n) {
        if (bytes.at(pos) == '\n' || bytes.at(pos) == '\r') {
            consumeBreak(); // an empty line
            continue;
        }
        Record record;
        record.line = line;
        for (;;) {
            QByteArray field;
            if (pos < n && bytes.at(pos) == '"') {
                ++pos;
                bool closed = false;
                while (pos < n) {
                    const char c = bytes.at(pos);
                    if (c == '"') {
                        if (pos + 1 < n && bytes.at(pos + 1) == '"') {
                            field += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        closed = true;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        field += '\n'; // line breaks inside a field become LF
                        consumeBreak();
                        continue;
                    }
                    field += c;
                    ++pos;
                }
                if (!closed) {
                    record.malformed = QStringLiteral("a quoted field is never closed (the rest of the file is part of it)");
                    record.fields.append(field);
                    records.append(record);
                    return records;
                }
                if (pos < n && bytes.at(pos) != ',' && !atLineEnd(pos)) {
                    if (record.malformed.isEmpty())
                        record.malformed = QStringLiteral("text follows a closing quote (a quote inside a field is written \"\")");
                    while (pos < n && bytes.at(pos) != ',' && !atLineEnd(pos))
                        field += bytes.at(pos++);
                }
            } else {
                while (pos < n && bytes.at(pos) != ',' && !atLineEnd(pos)) {
                    if (bytes.at(pos) == '"' && record.malformed.isEmpty())
                        record.malformed = QStringLiteral("a quote inside an unquoted field (quote the whole field)");
                    field += bytes.at(pos++);
                }
            }
            record.fields.append(field);
            if (pos < n && bytes.at(pos) == ',') {
                ++pos;
                continue;
            }
            if (pos < n)
                consumeBreak();
            break;
        }
        records.append(record);
    }
    return records;
}

// Strict UTF-8: nullopt for invalid sequences (which Qt would quietly replace).
std::optional<QString> decodeUtf8(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return std::nullopt;
    return text;
}

const QRegularExpression &codeShape()
{
    // The shape Vault::addClient accepts.
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    return re;
}

QString wordList(const QStringList &words)
{
    if (words.size() < 2)
        return words.join(QString());
    return QStringList(words.mid(0, words.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" or ") + words.last();
}

QString templateIds()
{
    QStringList ids;
    for (const model::Template &t : model::templates())
        ids.append(t.id);
    return wordList(ids);
}

// The checks every row shares, CSV or folder: fills row from the field values it is given,
// appending an error per bad field. Returns false when any field was bad.
class RowChecker
{
public:
    RowChecker(ImportParse &out, int line, QString file)
        : m_out(out)
        , m_line(line)
        , m_file(std::move(file))
    {
    }

    void fail(const QString &field, const QString &reason)
    {
        m_out.errors.append({m_line, m_file, field, reason});
        m_ok = false;
    }
    [[nodiscard]] bool ok() const { return m_ok; }

    void clientCode(ImportRow &row, const QString &value)
    {
        row.clientCode = value.trimmed();
        if (row.clientCode.isEmpty())
            fail(colClient, QStringLiteral("the client code is missing"));
        else if (!codeShape().match(row.clientCode).hasMatch())
            fail(colClient, QStringLiteral("a client code is 1 to 32 letters, digits, '.', '_' or '-'"));
    }

    void date(ImportRow &row, const QString &value)
    {
        static const QRegularExpression shape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
        const QString v = value.trimmed();
        if (v.isEmpty()) {
            fail(colDate, QStringLiteral("the date is missing"));
            return;
        }
        if (!shape.match(v).hasMatch()) {
            fail(colDate, QStringLiteral("not a date in the form YYYY-MM-DD"));
            return;
        }
        if (const auto d = model::parseDate(v))
            row.date = *d;
        else
            fail(colDate, QStringLiteral("no such day in the calendar"));
    }

    void time(ImportRow &row, const QString &value)
    {
        const QString v = value.trimmed();
        if (v.isEmpty())
            return;
        if (const auto t = model::parseTime(v))
            row.time = *t;
        else
            fail(colTime, QStringLiteral("not a time of day in the form HH:MM (00:00 to 23:59)"));
    }

    void minutes(ImportRow &row, const QString &value)
    {
        const QString v = value.trimmed();
        if (v.isEmpty())
            return;
        const bool digits = v.size() <= 4 && std::all_of(v.begin(), v.end(), [](QChar c) {
                                return c >= u'0' && c <= u'9';
                            });
        const int m = digits ? v.toInt() : 0;
        if (m < 1 || m > 1440)
            fail(colMinutes, QStringLiteral("a session lasts a whole number of minutes from 1 to 1440"));
        else
            row.minutes = m;
    }

    void modality(ImportRow &row, const QString &value)
    {
        if (value.trimmed().isEmpty())
            return;
        if (const auto m = model::parseModality(value))
            row.modality = *m;
        else
            fail(colModality, QStringLiteral("unknown modality (individual, group, couple or family)"));
    }

    void setting(ImportRow &row, const QString &value)
    {
        if (value.trimmed().isEmpty())
            return;
        if (const auto s = model::parseSetting(value))
            row.setting = *s;
        else
            fail(colSetting, QStringLiteral("unknown setting (residential, outpatient, aftercare or telehealth)"));
    }

    void kind(ImportRow &row, const QString &value)
    {
        if (value.trimmed().isEmpty())
            return;
        if (const auto k = model::parseNoteKind(value))
            row.kind = *k;
        else
            fail(colKind, QStringLiteral("unknown kind (progress or process)"));
    }

    // After kind: the default template follows the kind.
    void templateId(ImportRow &row, const QString &value)
    {
        const QString v = value.trimmed().toLower();
        if (v.isEmpty()) {
            row.templateId = row.kind == model::NoteKind::Process ? QStringLiteral("process") : QStringLiteral("free");
            return;
        }
        if (model::findTemplate(v))
            row.templateId = v;
        else
            fail(colTemplate, QStringLiteral("unknown template (%1)").arg(templateIds()));
    }

    void text(ImportRow &row, const QString &value)
    {
        QString t = value;
        t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        if (t.contains(QChar(0)))
            fail(colText, QStringLiteral("the text contains a NUL character"));
        else if (t.trimmed().isEmpty())
            fail(colText, QStringLiteral("the text is empty"));
        else if (!model::fitsNoteLimit(t))
            fail(colText, model::noteTooLongReason());
        else
            row.text = t;
    }

private:
    ImportParse &m_out;
    int m_line;
    QString m_file;
    bool m_ok = true;
};

} // namespace

const QStringList &csvColumns()
{
    static const QStringList columns = {colClient, colDate, colTime, colMinutes, colModality,
                                        colSetting, colTemplate, colKind, colText};
    return columns;
}

ImportParse parseCsv(const QByteArray &bytes)
{
    ImportParse out;
    const QList<Record> records = tokenize(bytes);
    if (records.isEmpty()) {
        out.errors.append({1, {}, QStringLiteral("header"), QStringLiteral("the file is empty: a header row naming the columns comes first")});
        return out;
    }

    // The header: every column known, none twice, the required ones present.
    const Record &header = records.first();
    QStringList columns;
    bool headerOk = header.malformed.isEmpty();
    if (!headerOk)
        out.errors.append({header.line, {}, QStringLiteral("csv"), header.malformed});
    for (qsizetype i = 0; headerOk && i < header.fields.size(); ++i) {
        const auto name = decodeUtf8(header.fields.at(i));
        const QString clean = name ? name->trimmed().toLower() : QString();
        if (!name) {
            out.errors.append({header.line, {}, QStringLiteral("header"), QStringLiteral("column %1 is not valid UTF-8").arg(i + 1)});
            headerOk = false;
        } else if (!csvColumns().contains(clean)) {
            // The name is not quoted: a file without a header would put note text here.
            out.errors.append({header.line, {}, QStringLiteral("header"),
                               QStringLiteral("column %1 is not one of %2").arg(i + 1).arg(wordList(csvColumns()))});
            headerOk = false;
        } else if (columns.contains(clean)) {
            out.errors.append({header.line, {}, QStringLiteral("header"), QStringLiteral("column %1 names %2 a second time").arg(i + 1).arg(clean)});
            headerOk = false;
        }
        columns.append(clean);
    }
    for (const QString &required : {colClient, colDate, colText}) {
        if (headerOk && !columns.contains(required)) {
            out.errors.append({header.line, {}, QStringLiteral("header"), QStringLiteral("the header has no %1 column").arg(required)});
            headerOk = false;
        }
    }
    if (!headerOk)
        return out; // rows cannot be read without knowing their columns

    for (qsizetype r = 1; r < records.size(); ++r) {
        const Record &record = records.at(r);
        ++out.records;
        RowChecker check(out, record.line, {});
        if (!record.malformed.isEmpty()) {
            check.fail(QStringLiteral("csv"), record.malformed);
            continue;
        }
        if (record.fields.size() != columns.size()) {
            check.fail(QStringLiteral("csv"), QStringLiteral("the row has %1 fields; the header names %2")
                                                  .arg(record.fields.size())
                                                  .arg(columns.size()));
            continue;
        }
        QHash<QString, QString> values;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            if (const auto v = decodeUtf8(record.fields.at(i)))
                values.insert(columns.at(i), *v);
            else
                check.fail(columns.at(i), QStringLiteral("not valid UTF-8 (bad encoding)"));
        }
        if (!check.ok())
            continue;
        ImportRow row;
        row.line = record.line;
        check.clientCode(row, values.value(colClient));
        check.date(row, values.value(colDate));
        check.time(row, values.value(colTime));
        check.minutes(row, values.value(colMinutes));
        check.modality(row, values.value(colModality));
        check.setting(row, values.value(colSetting));
        check.kind(row, values.value(colKind));
        check.templateId(row, values.value(colTemplate));
        check.text(row, values.value(colText));
        if (check.ok())
            out.rows.append(row);
    }
    if (out.records == 0 && out.errors.isEmpty())
        out.errors.append({header.line, {}, QStringLiteral("csv"), QStringLiteral("the file has a header but no rows")});
    return out;
}

bool isNoteFileName(const QString &name)
{
    return !name.startsWith(u'.')
        && (name.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)
            || name.endsWith(QLatin1String(".txt"), Qt::CaseInsensitive));
}

ImportParse parseFolderFiles(QList<FolderFile> files)
{
    static const QRegularExpression nameShape(QStringLiteral("^(.+?)_(\\d{4}-\\d{2}-\\d{2})(.*)\\.(md|txt)$"),
                                              QRegularExpression::CaseInsensitiveOption);
    std::sort(files.begin(), files.end(), [](const FolderFile &a, const FolderFile &b) { return a.name < b.name; });
    ImportParse out;
    for (const FolderFile &f : files) {
        ++out.records;
        RowChecker check(out, 0, f.name);
        const auto m = nameShape.match(f.name);
        if (!m.hasMatch()) {
            check.fail(QStringLiteral("file"), QStringLiteral("the name is not CLIENTCODE_YYYY-MM-DD….md (or .txt)"));
            continue;
        }
        ImportRow row;
        row.file = f.name;
        row.templateId = QStringLiteral("free");
        check.clientCode(row, m.captured(1));
        check.date(row, m.captured(2));
        const QByteArray content = f.content.startsWith("\xEF\xBB\xBF") ? f.content.mid(3) : f.content;
        if (const auto text = decodeUtf8(content))
            check.text(row, *text);
        else
            check.fail(colText, QStringLiteral("not valid UTF-8 (bad encoding)"));
        if (check.ok())
            out.rows.append(row);
    }
    if (files.isEmpty())
        out.errors.append({0, {}, QStringLiteral("file"), QStringLiteral("the folder holds no .md or .txt files")});
    return out;
}

ImportParse parseFolder(const QString &dir)
{
    QDir folder(dir);
    if (!folder.exists())
        throw Error(ErrorKind::Io, QStringLiteral("import"), QStringLiteral("the folder does not exist"));
    QList<FolderFile> files;
    QList<ImportError> tooLarge;
    const auto entries = folder.entryInfoList(QDir::Files | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QFileInfo &info : entries) {
        if (!isNoteFileName(info.fileName()))
            continue;
        QByteArray content;
        // Anything but a regular file (a link, a FIFO, a device) is skipped, and no more than
        // maxFolderFileBytes is ever read.
        switch (readRegularFile(info.filePath(), maxFolderFileBytes, Links::Skip, content, QStringLiteral("import"),
                                QStringLiteral("a file in the folder cannot be read"))) {
        case InputRead::Read:
            files.append({info.fileName(), content});
            break;
        case InputRead::NotRegular:
            break;
        case InputRead::TooLarge:
            tooLarge.append({0, info.fileName(), colText,
                             QStringLiteral("the file is larger than %1 bytes; a note holds at most 1 MiB of text")
                                 .arg(maxFolderFileBytes)});
            break;
        }
    }
    if (files.isEmpty() && !tooLarge.isEmpty()) {
        ImportParse out;
        out.errors = tooLarge;
        out.records = static_cast<int>(tooLarge.size());
        return out;
    }
    ImportParse out = parseFolderFiles(files);
    out.errors.append(tooLarge);
    out.records += static_cast<int>(tooLarge.size());
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const ImportError &a, const ImportError &b) { return a.file < b.file; });
    return out;
}

QStringList checkClients(ImportParse &parse, const QStringList &known, bool createClients)
{
    QStringList missing;
    QList<ImportRow> kept;
    for (const ImportRow &row : std::as_const(parse.rows)) {
        if (known.contains(row.clientCode)) {
            kept.append(row);
            continue;
        }
        if (createClients) {
            if (!missing.contains(row.clientCode))
                missing.append(row.clientCode);
            kept.append(row);
            continue;
        }
        parse.errors.append({row.line, row.file, colClient,
                             QStringLiteral("no client with that code (create the client first, or let the import create it)")});
        parse.refused.append(row);
    }
    parse.rows = kept;
    std::stable_sort(parse.errors.begin(), parse.errors.end(), [](const ImportError &a, const ImportError &b) {
        return a.line != b.line ? a.line < b.line : a.file < b.file;
    });
    return missing;
}

QString describe(const ImportError &error)
{
    const QString where = !error.file.isEmpty() ? error.file
                        : error.line > 0    ? QStringLiteral("line %1").arg(error.line)
                                            : QStringLiteral("folder");
    return QStringLiteral("%1: %2: %3").arg(where, error.field, error.reason);
}

} // namespace uc::import
