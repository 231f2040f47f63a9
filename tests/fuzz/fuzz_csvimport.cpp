// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes as an import CSV, and as a file of the folder form: rows and errors, never a crash;
// every row that passes holds what the vault will take, and every error says where and why.
#include "import/csvimport.h"

#include <cstdint>
#include <cstdlib>

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

void checkParse(const uc::import::ImportParse &parse, bool csv)
{
    check(parse.rows.size() <= parse.records);
    for (const uc::import::ImportRow &row : parse.rows) {
        check(!row.clientCode.isEmpty() && row.clientCode.size() <= 32);
        check(!row.date.is_special());
        check(row.minutes >= 1 && row.minutes <= 1440);
        check(uc::model::findTemplate(row.templateId) != nullptr);
        check(!row.text.trimmed().isEmpty());
        check(!csv || row.line >= 2);
        (void)uc::model::sectionsFromText(row.text, row.templateId);
    }
    for (const uc::import::ImportError &e : parse.errors) {
        check(!e.field.isEmpty() && !e.reason.isEmpty());
        check(!csv || e.line >= 1);
        (void)uc::import::describe(e);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    uc::import::ImportParse csv = uc::import::parseCsv(bytes);
    checkParse(csv, true);
    const qsizetype good = csv.rows.size();
    (void)uc::import::checkClients(csv, {QStringLiteral("C-1")}, false);
    check(csv.rows.size() <= good);
    checkParse(csv, true);

    // The same bytes as a note file; the first line (up to 60 bytes) as its name.
    const qsizetype cut = std::min<qsizetype>(bytes.indexOf('\n') < 0 ? bytes.size() : bytes.indexOf('\n'), 60);
    const uc::import::ImportParse folder =
        uc::import::parseFolderFiles({{QString::fromUtf8(bytes.left(cut)), bytes.mid(cut)}});
    checkParse(folder, false);
    return 0;
}
