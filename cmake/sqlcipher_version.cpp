// SPDX-License-Identifier: GPL-3.0-or-later
// Configure-time probe: prints the linked SQLCipher's version (empty when the library is plain SQLite).
#include <sqlite3.h>
#include <cstdio>

int main()
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return 1;
    sqlite3_stmt *stmt = nullptr;
    int rc = 2;
    if (sqlite3_prepare_v2(db, "PRAGMA cipher_version", -1, &stmt, nullptr) == SQLITE_OK
        && sqlite3_step(stmt) == SQLITE_ROW) {
        std::printf("%s\n", reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
        rc = 0;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rc;
}
