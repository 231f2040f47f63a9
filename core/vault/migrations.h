// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/sqlite.h"

#include <QString>

// The migration steps that live outside schema.cpp, which holds the list of every step in order
// and the steps that add tables, columns, indexes and triggers. Private to core/vault.
namespace uc::vault {

// v0 -> v1: the first layout, and the prototype's notes carried into it (schemav1.cpp).
void migrateTo1(sql::Database &db, const QString &userName);
// v4 -> v5 and v6 -> v7: the steps that rewrite stored rows in C++ (datamigrations.cpp).
void migrateTo5(sql::Database &db, const QString &userName);
void migrateTo7(sql::Database &db, const QString &userName);
// v23 -> v24 … v26 -> v27: treatment events, use days, practice co-signatures, shared
// countertransference entries (schemacare.cpp).
void migrateTo24(sql::Database &db, const QString &userName);
void migrateTo25(sql::Database &db, const QString &userName);
void migrateTo26(sql::Database &db, const QString &userName);
void migrateTo27(sql::Database &db, const QString &userName);

} // namespace uc::vault
