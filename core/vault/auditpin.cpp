// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/auditpin.h"

namespace uc::vault {

namespace {

constexpr auto pinsKey = "audit_pins";

bool validHash(const QString &hash)
{
    if (hash.size() != 64)
        return false;
    for (const QChar c : hash)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

} // namespace

QByteArray auditPinMessage(const QString &user, const AuditPin &pin)
{
    return QByteArray("undercurrent-audit-pin-v1\n") + certName(user).toUtf8() + '\n' + QByteArray::number(pin.seq)
           + '\n' + pin.hash.toLatin1();
}

QJsonObject signAuditPin(const UserKeys &keys, const QString &user, const AuditPin &pin)
{
    return {{QStringLiteral("user"), user},
            {QStringLiteral("seq"), static_cast<double>(pin.seq)},
            {QStringLiteral("hash"), pin.hash},
            {QStringLiteral("signature"), keys.sign(auditPinMessage(user, pin))}};
}

std::optional<AuditPin> openAuditPin(const QJsonObject &sealed, const QByteArray &publicKey, const QString &user)
{
    const QJsonValue seq = sealed.value(QLatin1String("seq"));
    const AuditPin pin{static_cast<qint64>(seq.toDouble()), sealed.value(QLatin1String("hash")).toString()};
    if (certName(sealed.value(QLatin1String("user")).toString()) != certName(user) || !seq.isDouble() || pin.seq < 1
        || static_cast<double>(pin.seq) != seq.toDouble() || !validHash(pin.hash)
        || !verifyDetached(publicKey, auditPinMessage(user, pin), sealed.value(QLatin1String("signature")).toString()))
        return std::nullopt;
    return pin;
}

std::optional<AuditPin> latestSignedEntry(sql::Database &db, const QString &user)
{
    auto stmt = db.prepare("SELECT seq, hash FROM audit WHERE signer = ? ORDER BY seq DESC LIMIT 1");
    stmt.bind(1, user);
    if (!stmt.step())
        return std::nullopt;
    return AuditPin{stmt.int64(0), stmt.text(1)};
}

bool trailHolds(sql::Database &db, const AuditPin &pin)
{
    auto stmt = db.prepare("SELECT hash FROM audit WHERE seq = ?");
    stmt.bind(1, static_cast<std::int64_t>(pin.seq));
    return stmt.step() && stmt.text(0) == pin.hash;
}

QJsonObject auditPins(const QJsonObject &extra)
{
    return extra.value(QLatin1String(pinsKey)).toObject();
}

void setAuditPin(QJsonObject &extra, const QString &user, const QJsonObject &sealed)
{
    QJsonObject pins = auditPins(extra);
    pins.insert(certName(user), sealed);
    extra.insert(QLatin1String(pinsKey), pins);
}

} // namespace uc::vault
