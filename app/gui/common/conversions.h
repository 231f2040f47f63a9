// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"

#include <QString>

#include <memory>

// Turning what QML hands over into what the core takes.
namespace uc::gui {

// The text of a QML field in guarded memory; the UTF-8 copy made on the way is wiped.
[[nodiscard]] std::shared_ptr<SecretBuffer> secretOf(const QString &text);
// A local path from what a field or a file dialog gives: a path, or a file: URL.
[[nodiscard]] QString localPathOf(const QString &pathOrUrl);
// path with suffix (".pdf") added unless it ends in it already (in any case); "" stays "".
[[nodiscard]] QString withSuffix(const QString &path, const QString &suffix);

} // namespace uc::gui
