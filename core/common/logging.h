// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// One category per subsystem. Nothing private (note text, names, SQL values, secrets) is ever logged.
Q_DECLARE_LOGGING_CATEGORY(ucVault)
Q_DECLARE_LOGGING_CATEGORY(ucThemes)
Q_DECLARE_LOGGING_CATEGORY(ucPatterns)
Q_DECLARE_LOGGING_CATEGORY(ucAudit)
Q_DECLARE_LOGGING_CATEGORY(ucApp)
