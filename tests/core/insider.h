// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/keyslots.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>

// What a colleague holding the shared data key can do to a vault's keyslots.json: edit it and reseal
// its MAC with the data key. For the tests of what must hold against that colleague.
namespace uc::testing {

inline void resealSlotsAsInsider(const QString &dir, const SecretBuffer &dataKey,
                                 const std::function<void(QJsonObject &)> &edit)
{
    QFile f(QDir(dir).filePath(QLatin1String(vault::KeySlots::fileName)));
    if (!f.open(QIODevice::ReadOnly))
        throw std::runtime_error("keyslots.json does not open");
    QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    edit(root);
    vault::KeySlots slots = vault::KeySlots::fromJson(QJsonDocument(root).toJson());
    slots.save(dir, dataKey);
}

} // namespace uc::testing
