// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"
#include "common/secret.h"
#include "vault/keyslots.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <functional>
#include <optional>
#include <stdexcept>
#include <string_view>

// What the core tests share: a passphrase, the error a piece of work throws, and what a colleague
// holding the shared data key can do to a vault's keyslots.json (edit it and reseal its MAC).
namespace uc::testing {

inline SecretBuffer secret(std::string_view text = "a passphrase of enough length")
{
    return SecretBuffer::copyOf(text);
}

inline std::optional<Error> errorOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &e) {
        return e;
    }
    return std::nullopt;
}

// Removes this machine's record of the newest state of the vault in dir (docs/audit.md, "Limits"): the
// vault as a machine that never opened it sees it.
inline void forgetSeenState(const QString &dir)
{
    QDir records(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
                 + QStringLiteral("/undercurrent/vaults"));
    const QStringList mine = records.entryList({vault::KeySlots::load(dir).vaultId() + QStringLiteral("-*.json")});
    for (const QString &name : mine)
        if (!records.remove(name))
            throw std::runtime_error("the rollback record cannot be removed");
}

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

// keyslots.json as a build before per-user keys left it: no keys in the slots, no certificates, no
// copies sealed to the recovery key.
inline void stripPerUserKeys(QJsonObject &root)
{
    QJsonArray slots = root.value(QLatin1String("slots")).toArray();
    for (qsizetype i = 0; i < slots.size(); ++i) {
        QJsonObject s = slots.at(i).toObject();
        s.remove(QStringLiteral("keys"));
        s.remove(QStringLiteral("keys_nonce"));
        slots.replace(i, s);
    }
    root.insert(QStringLiteral("slots"), slots);
    QJsonObject extra = root.value(QLatin1String("extra")).toObject();
    extra.remove(QStringLiteral("certs"));
    extra.remove(QStringLiteral("recovery_keys"));
    root.insert(QStringLiteral("extra"), extra);
}

} // namespace uc::testing
