// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/logging.h"

Q_LOGGING_CATEGORY(ucVault, "undercurrent.vault", QtInfoMsg)
Q_LOGGING_CATEGORY(ucThemes, "undercurrent.themes", QtInfoMsg)
Q_LOGGING_CATEGORY(ucPatterns, "undercurrent.patterns", QtInfoMsg)
Q_LOGGING_CATEGORY(ucAudit, "undercurrent.audit", QtInfoMsg)
Q_LOGGING_CATEGORY(ucApp, "undercurrent.app", QtInfoMsg)
