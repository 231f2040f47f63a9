// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QString>

namespace uc {

// An error's message as a sentence for a person ("Practice server: …." with a capital and a full
// stop): the GUI's banners and the last sync's record say it the same way.
[[nodiscard]] inline QString sentenceOf(const Error &error)
{
    QString text = error.message();
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    if (!text.endsWith(u'.'))
        text += u'.';
    return text;
}

} // namespace uc
