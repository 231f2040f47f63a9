// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/unlockrecords.h"

#include "common/error.h"
#include "common/logging.h"
#include "vault/keyslots.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <algorithm>

namespace uc::vault {

namespace {

QString seenPath(const QString &vaultId, const QString &dir)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QString folder = QFileInfo(dir).canonicalFilePath();
    if (folder.isEmpty())
        folder = QFileInfo(dir).absoluteFilePath();
    const QByteArray where = QCryptographicHash::hash(folder.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QDir(base).filePath(QStringLiteral("undercurrent/vaults/") + vaultId + u'-' + QString::fromLatin1(where)
                               + QStringLiteral(".json"));
}

bool validVaultId(const QString &id)
{
    if (id.size() != 32)
        return false;
    return std::all_of(id.cbegin(), id.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

} // namespace

bool validUserName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || name != name.trimmed())
        return false;
    return std::none_of(name.cbegin(), name.cend(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format
               || c.category() == QChar::Separator_Line || c.category() == QChar::Separator_Paragraph;
    });
}

FailedUnlockHints readFailedUnlockHints(const QJsonArray &hints, const QDateTime &now)
{
    FailedUnlockHints out;
    for (const QJsonValue &v : hints) {
        const QJsonObject o = v.toObject();
        const QString user = o.value(QLatin1String("user")).toString();
        const QString at = o.value(QLatin1String("at")).toString();
        const QDateTime when = QDateTime::fromString(at, Qt::ISODateWithMs);
        // A minute's grace for clocks; a hint from further ahead was written by hand.
        const bool good = o.size() == 2 && validUserName(user) && at.size() <= 32 && when.isValid()
                          && when.timeSpec() == Qt::UTC && when <= now.addSecs(60);
        if (!good || out.valid.size() >= maxFailedUnlockHints) {
            ++out.dropped;
            continue;
        }
        out.valid.append({user, when.toString(Qt::ISODateWithMs)});
    }
    return out;
}

std::optional<SeenState> readSeenState(const QString &vaultId, const QString &dir)
{
    if (!validVaultId(vaultId))
        return std::nullopt;
    QFile f(seenPath(vaultId, dir));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.read(4096)).object();
    if (o.isEmpty())
        return std::nullopt;
    return SeenState{static_cast<std::uint64_t>(std::max(0.0, o.value(QLatin1String("generation")).toDouble())),
                     static_cast<std::int64_t>(std::max(0.0, o.value(QLatin1String("audit_count")).toDouble())),
                     o.value(QLatin1String("audit_hash")).toString()};
}

void rememberSeenState(const QString &vaultId, const QString &dir, SeenState seen, bool reset) noexcept
{
    if (!validVaultId(vaultId))
        return;
    try {
        if (!reset) {
            if (const auto old = readSeenState(vaultId, dir)) {
                seen.generation = std::max(seen.generation, old->generation);
                // The hash goes with the longer trail's count.
                if (old->auditCount > seen.auditCount || (old->auditCount == seen.auditCount && seen.auditHash.isEmpty())) {
                    seen.auditCount = old->auditCount;
                    seen.auditHash = old->auditHash;
                }
            }
        }
        const QString path = seenPath(vaultId, dir);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            throw Error(ErrorKind::Io, QStringLiteral("remember vault"), QStringLiteral("no config folder"));
        const QJsonObject o{{QStringLiteral("generation"), static_cast<double>(seen.generation)},
                            {QStringLiteral("audit_count"), static_cast<double>(seen.auditCount)},
                            {QStringLiteral("audit_hash"), seen.auditHash}};
        writeFileAtomically(path, QJsonDocument(o).toJson(QJsonDocument::Compact));
    } catch (const std::exception &) {
        qCWarning(ucVault) << "the record of this vault's newest state could not be written";
    }
}

} // namespace uc::vault
