// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/state.h"

#include "vault/audit.h"

#include <sodium.h>

#include <QDateTime>

namespace uc::vault {

void VaultState::require(model::Action action) const
{
    if (!model::allowed(user.role, action))
        throw Error(ErrorKind::NotAllowed, model::toString(action), model::refusal(user.role, action));
}

bool VaultState::supervises(model::Id therapistId)
{
    auto stmt = db.prepare("SELECT 1 FROM supervision WHERE therapist_id = ? AND supervisor_id = ?");
    stmt.bind(1, therapistId).bind(2, user.id);
    return stmt.step();
}

void VaultState::audit(const QString &action, const QString &object, const QString &detail)
{
    appendAudit(db, user.name, action, object, detail, now(), auditSigner());
}

AuditSigner VaultState::auditSigner() const
{
    return {user.name, keys ? &*keys : nullptr};
}

void VaultState::recordEvent(const QString &action, const QString &object, const QString &detail)
{
    sql::Transaction tx(db);
    audit(action, object, detail);
    tx.commit();
}

QJsonObject VaultState::certificates() const
{
    return slots.extra().value(QLatin1String("certs")).toObject();
}

QByteArray VaultState::trustRoot() const
{
    return keys ? keys->rootPublic : QByteArray();
}

void VaultState::storeSignature(const QString &object, const QString &kind, const QString &hash)
{
    if (!keys)
        throw Error(ErrorKind::Damaged, QStringLiteral("sign"), QStringLiteral("your signing key is not available"));
    db.prepare("INSERT INTO signatures(object, signer, signature) VALUES (?, ?, ?)")
        .bind(1, object)
        .bind(2, user.name)
        .bind(3, keys->sign(signedMessage(kind, hash)))
        .run();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

void badInput(const QString &what, const QString &why)
{
    throw Error(ErrorKind::Io, what, why);
}

std::pair<model::Id, model::Role> userByName(sql::Database &db, const QString &name, const QString &what,
                                             const QString &which)
{
    auto stmt = db.prepare("SELECT id, role FROM users WHERE name = ?");
    stmt.bind(1, name);
    if (!stmt.step())
        throw Error(ErrorKind::Usage, what, QStringLiteral("no %1 with that name").arg(which));
    return {stmt.int64(0), model::parseRole(stmt.text(1)).value_or(model::Role::Auditor)};
}

QString sha256Hex(const QByteArray &bytes)
{
    ensureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

} // namespace uc::vault
