// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/uuids.h"

#include "vault/sqlite.h"

#include <sodium.h>

#include <QList>
#include <QRegularExpression>

#include <array>
#include <cstdint>
#include <string>

namespace uc::vault {

QString newUuid()
{
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80); // variant 10
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(bytes.data()), bytes.size()).toHex();
    return QString::fromLatin1(hex.mid(0, 8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
                               + hex.mid(20, 12));
}

bool isUuid(const QString &text)
{
    static const QRegularExpression form(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return form.match(text).hasMatch();
}

void fillUuids(sql::Database &db, const char *table)
{
    // The table name is one of ours, never input.
    QList<std::int64_t> ids;
    {
        auto stmt = db.prepare("SELECT id FROM " + std::string(table) + " WHERE uuid IS NULL ORDER BY id");
        while (stmt.step())
            ids.append(stmt.int64(0));
    }
    auto set = db.prepare("UPDATE " + std::string(table) + " SET uuid = ? WHERE id = ?");
    for (const std::int64_t id : std::as_const(ids)) {
        set.bind(1, newUuid()).bind(2, id).run();
        set.reset();
    }
}

} // namespace uc::vault
