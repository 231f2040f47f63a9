// SPDX-License-Identifier: GPL-3.0-or-later
#include "transfer.h"

#include "io.h"
#include "signin.h"

#include "common/safefile.h"
#include "import/importer.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>

using namespace Qt::StringLiterals;
using uc::vault::Vault;

namespace uc::cli {

namespace {

// The most a client record or a CSV of notes may hold: 256 MiB, room for some 250 notes at the
// 1 MiB limit and thousands of ordinary ones (a year of weekly notes is well under 1 MiB).
constexpr qint64 maxInputFileBytes = qint64(256) * 1024 * 1024;

// An input is read only from a regular file of bounded size (readRegularFile): a device
// (/dev/zero), a FIFO or a folder is refused before anything is read, and so is a larger file.
QByteArray readFile(const QString &path, const QString &what)
{
    if (!QFileInfo::exists(path))
        throw Error(ErrorKind::Io, what, u"the file does not exist"_s);
    QByteArray bytes;
    switch (readRegularFile(path, maxInputFileBytes, Links::Follow, bytes, what, u"the file cannot be read"_s)) {
    case InputRead::Read:
        return bytes;
    case InputRead::NotRegular:
        throw Error(ErrorKind::Io, what, u"not a regular file"_s);
    case InputRead::TooLarge:
        break;
    }
    throw Error(ErrorKind::Io, what, u"the file is larger than an import can be (256 MiB)"_s);
}

int importRecord(const Invocation &line, const QString &file)
{
    const QString what = line.what();
    if (line.has("dry-run") || line.has("create-clients"))
        throw Error(ErrorKind::Usage, what, u"--dry-run and --create-clients are for --csv and --folder"_s);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(readFile(file, what), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(ErrorKind::Io, what, u"the file is not a JSON object (at byte %1)"_s.arg(parseError.offset));
    auto v = openVault(line);
    const vault::ClientImported done = v->records().importClient(doc.object());
    QString text = u"imported the client record: %1 sessions, %2 notes, %3 measures"_s.arg(done.sessions)
                       .arg(done.notes)
                       .arg(done.measures);
    if (!done.recordedNames.isEmpty())
        text += u"; kept as recorded names (not users of this vault): %1"_s.arg(done.recordedNames.join(u", "_s));
    print(text);
    return 0;
}

void printOutcome(const Invocation &line, const import::ImportResult &r, const QString &importedAs)
{
    if (line.json()) {
        QJsonArray errors;
        for (const import::ImportError &e : r.errors) {
            QJsonObject o{{u"field"_s, e.field}, {u"reason"_s, e.reason}};
            if (e.file.isEmpty())
                o.insert(u"line"_s, e.line);
            else
                o.insert(u"file"_s, e.file);
            errors.append(o);
        }
        printJson(QJsonObject{{u"ok"_s, r.ok},
                              {u"dry_run"_s, r.dryRun},
                              {u"rows"_s, r.rows},
                              {u"notes"_s, r.notes},
                              {u"clients_created"_s, QJsonArray::fromStringList(r.clientsCreated)},
                              {u"errors"_s, errors}});
        return;
    }
    if (!r.ok) {
        for (const import::ImportError &e : r.errors)
            std::fprintf(stderr, "undercurrent-cli: import: %s\n", terminalSafe(import::describe(e)).toUtf8().constData());
        return;
    }
    const QString created = r.clientsCreated.isEmpty()
        ? QString()
        : u" (%1 new clients: %2)"_s.arg(r.clientsCreated.size()).arg(r.clientsCreated.join(u", "_s));
    if (r.dryRun)
        print(u"%1 notes for %2 clients would be imported%3; nothing was changed (dry run)"_s.arg(r.notes).arg(r.clients).arg(created));
    else
        print(u"imported %1 notes for %2 clients%3, as drafts of %4: review and sign them"_s.arg(r.notes)
                  .arg(r.clients)
                  .arg(created, importedAs));
}

} // namespace

int exportClient(const Invocation &line)
{
    const QJsonObject record = openVault(line)->records().exportClient(line.value("client"), line.has("include-process-notes"));
    writeFileSafely(line.value("out"), QJsonDocument(record).toJson(QJsonDocument::Indented), line.what());
    return 0;
}

int importRecords(const Invocation &line)
{
    const QString what = line.what();
    const bool csv = line.has("csv");
    const bool folder = line.has("folder");
    const QString named = line.value("json"); // --json=FILE
    const QStringList &words = line.arguments();
    if (!named.isEmpty() && !words.isEmpty())
        throw Error(ErrorKind::Usage, what, u"unexpected argument '%1'"_s.arg(words.first()));
    const QString recordFile = named.isEmpty() ? words.value(0) : named;
    const bool record = !csv && !folder && line.has("json") && !recordFile.isEmpty();
    if (int(csv) + int(folder) + int(record) != 1)
        throw Error(ErrorKind::Usage, what, u"give one of --csv FILE, --folder DIR or --json FILE"_s);
    if (record)
        return importRecord(line, recordFile);
    if (!words.isEmpty())
        throw Error(ErrorKind::Usage, what, u"unexpected argument '%1'"_s.arg(words.first()));

    const import::ImportParse parse = csv ? import::parseCsv(readFile(line.value("csv"), what))
                                          : import::parseFolder(line.value("folder"));
    auto v = openVault(line);
    const import::ImportResult r = import::importRows(*v, parse, line.has("create-clients"), line.has("dry-run"));
    printOutcome(line, r, v->currentUser().name);
    if (!r.ok) {
        QSet<QString> bad;
        for (const import::ImportError &e : r.errors)
            bad.insert(e.file.isEmpty() ? QString::number(e.line) : e.file);
        throw Error(ErrorKind::Io, what,
                    r.rows > 0 ? u"%1 bad rows of %2; nothing was imported"_s.arg(bad.size()).arg(r.rows)
                               : u"nothing was imported"_s);
    }
    return 0;
}

int backup(const Invocation &line)
{
    openVault(line)->backup().write(line.value("out"));
    return 0;
}

int restore(const Invocation &line)
{
    Vault::restore(line.value("from"), line.value("to"), line.value("user"), passphrase(line));
    return 0;
}

} // namespace uc::cli
