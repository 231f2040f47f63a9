// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace uc {

struct LibraryVersion
{
    QString name; // "SQLCipher"
    QString version; // "4.6.1 community (SQLite 3.46.1)"
};

// "undercurrent 0.1.0" followed by the linked libraries' versions, one a line: those the caller
// adds first (the vault's storage library: vault::storageLibrary()), then Qt, Boost and libsodium,
// read at run time where the library can tell and at build time for header-only Boost.
[[nodiscard]] QString versionReport(const QString &program, const QList<LibraryVersion> &linked);

} // namespace uc
