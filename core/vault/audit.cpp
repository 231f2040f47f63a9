// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/audit.h"

#include "common/error.h"

#include <sodium.h>

namespace uc::vault {

namespace {

// JSON string escaping for the canonical form (RFC 8259): quote, backslash, control characters.
void appendJsonString(QByteArray &out, const QString &text)
{
    out += '"';
    for (const char c : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

QByteArray fromHex(const QString &hex)
{
    return QByteArray::fromHex(hex.toLatin1());
}

// HMAC-SHA-256 of the head with a subkey of the data key (never the data key itself).
QByteArray headMac(const AuditHead &head, const SecretBuffer &dataKey)
{
    ensureSodium();
    SecretBuffer subkey(crypto_auth_hmacsha256_KEYBYTES);
    crypto_kdf_derive_from_key(subkey.data(), subkey.size(), 1, "ucaudit1", dataKey.data());
    const QByteArray message = QByteArray::number(head.count) + ':' + head.hash.toLatin1();
    QByteArray mac(crypto_auth_hmacsha256_BYTES, '\0');
    crypto_auth_hmacsha256(reinterpret_cast<unsigned char *>(mac.data()),
                           reinterpret_cast<const unsigned char *>(message.constData()),
                           static_cast<unsigned long long>(message.size()), subkey.data());
    return mac;
}

AuditEntry readEntry(const sql::Statement &stmt)
{
    return {stmt.int64(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5), stmt.text(6), stmt.text(7)};
}

constexpr auto entryColumns = "SELECT seq, at, user, action, object, detail, prev, hash FROM audit ";

} // namespace

QByteArray canonicalAuditEntry(const AuditEntry &e)
{
    QByteArray out;
    out.reserve(160);
    out += "{\"action\":";
    appendJsonString(out, e.action);
    out += ",\"at\":";
    appendJsonString(out, e.at);
    out += ",\"detail\":";
    appendJsonString(out, e.detail);
    out += ",\"object\":";
    appendJsonString(out, e.object);
    out += ",\"seq\":";
    out += QByteArray::number(e.seq);
    out += ",\"user\":";
    appendJsonString(out, e.user);
    out += '}';
    return out;
}

QString auditGenesis()
{
    return QString(64, u'0');
}

QString auditHash(const QString &prevHex, const AuditEntry &entry)
{
    ensureSodium();
    const QByteArray prev = fromHex(prevHex);
    const QByteArray canonical = canonicalAuditEntry(entry);
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(prev.constData()),
                              static_cast<unsigned long long>(prev.size()));
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char *>(canonical.constData()),
                              static_cast<unsigned long long>(canonical.size()));
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&state, digest);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

QJsonObject sealAuditHead(const AuditHead &head, const SecretBuffer &dataKey)
{
    return QJsonObject{{QStringLiteral("count"), static_cast<double>(head.count)},
                       {QStringLiteral("hash"), head.hash},
                       {QStringLiteral("mac"), QString::fromLatin1(headMac(head, dataKey).toHex())}};
}

std::optional<AuditHead> openAuditHead(const QJsonObject &sealed, const SecretBuffer &dataKey)
{
    AuditHead head;
    head.count = static_cast<qint64>(sealed.value(QLatin1String("count")).toDouble(-1));
    head.hash = sealed.value(QLatin1String("hash")).toString();
    const QByteArray mac = fromHex(sealed.value(QLatin1String("mac")).toString());
    if (head.count < 0 || head.hash.size() != 64 || mac.size() != crypto_auth_hmacsha256_BYTES)
        return std::nullopt;
    const QByteArray expected = headMac(head, dataKey);
    if (sodium_memcmp(mac.constData(), expected.constData(), static_cast<std::size_t>(mac.size())) != 0)
        return std::nullopt;
    return head;
}

AuditHead currentAuditHead(sql::Database &db)
{
    auto stmt = db.prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
    if (!stmt.step())
        return {0, auditGenesis()};
    return {stmt.int64(0), stmt.text(1)};
}

AuditHead appendAudit(sql::Database &db, const QString &user, const QString &action, const QString &object,
                      const QString &detail, const QString &at)
{
    const AuditHead last = currentAuditHead(db);
    AuditEntry e{last.count + 1, at, user, action, object, detail, last.hash, {}};
    e.hash = auditHash(e.prev, e);
    db.prepare("INSERT INTO audit(seq, at, user, action, object, detail, prev, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, static_cast<std::int64_t>(e.seq))
        .bind(2, e.at)
        .bind(3, e.user)
        .bind(4, e.action)
        .bind(5, e.object)
        .bind(6, e.detail)
        .bind(7, e.prev)
        .bind(8, e.hash)
        .run();
    return {e.seq, e.hash};
}

AuditCheck verifyAuditTrail(sql::Database &db, const QJsonObject &sealedHead, const SecretBuffer &dataKey)
{
    AuditCheck check;
    const auto broken = [&](qint64 at, const QString &why) {
        if (check.whole) {
            check.whole = false;
            check.broken = at;
            check.reason = why;
        }
    };
    QString previous = auditGenesis();
    QList<QString> hashes; // by seq - 1, to compare with the head
    auto stmt = db.prepare(std::string(entryColumns) + "ORDER BY seq");
    while (stmt.step()) {
        const AuditEntry e = readEntry(stmt);
        const qint64 expected = check.count + 1;
        ++check.count;
        hashes.append(e.hash);
        if (!check.whole)
            continue;
        if (e.seq != expected) {
            broken(expected, e.seq > expected ? QStringLiteral("entries %1 to %2 are missing").arg(expected).arg(e.seq - 1)
                                              : QStringLiteral("it is out of sequence"));
        } else if (auditHash(e.prev, e) != e.hash) {
            broken(e.seq, QStringLiteral("its content was changed"));
        } else if (e.prev != previous) {
            broken(e.seq, QStringLiteral("it does not follow the entry before it (an entry was removed, inserted or moved)"));
        }
        previous = e.hash;
    }
    if (!check.whole)
        return check;
    if (sealedHead.isEmpty()) {
        if (check.count > 0)
            broken(0, QStringLiteral("the trail's head kept in keyslots.json is missing"));
        return check;
    }
    const std::optional<AuditHead> head = openAuditHead(sealedHead, dataKey);
    if (!head) {
        broken(0, QStringLiteral("the trail's head kept in keyslots.json was altered"));
    } else if (head->count > check.count) {
        broken(check.count + 1, QStringLiteral("entries %1 to %2 are missing (the trail was cut short or the file was rolled back)")
                                    .arg(check.count + 1)
                                    .arg(head->count));
    } else if (head->count > 0 && hashes.at(head->count - 1) != head->hash) {
        broken(head->count, QStringLiteral("it differs from the head kept in keyslots.json (the file was replaced)"));
    }
    return check;
}

QList<AuditEntry> auditEntries(sql::Database &db, const AuditFilter &filter)
{
    std::string sql = std::string(entryColumns) + "WHERE (?1 = '' OR at >= ?1) AND (?2 = '' OR user = ?2) "
                                                "AND (?3 = '' OR substr(at, 1, 10) <= ?3) ORDER BY seq";
    auto stmt = db.prepare(sql);
    stmt.bind(1, filter.since).bind(2, filter.user).bind(3, filter.until);
    QList<AuditEntry> list;
    while (stmt.step())
        list.append(readEntry(stmt));
    return list;
}

namespace {

QByteArray csvCell(const QString &value)
{
    QString v = value;
    if (!v.isEmpty() && (v.front() == u'=' || v.front() == u'+' || v.front() == u'-' || v.front() == u'@'
                         || v.front() == u'\t' || v.front() == u'\r'))
        v.prepend(u'\'');
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        v = u'"' + v + u'"';
    }
    return v.toUtf8();
}

} // namespace

QByteArray auditCsv(const QList<AuditEntry> &entries)
{
    QByteArray out = "seq,at,user,action,object,detail,hash\r\n";
    for (const AuditEntry &e : entries) {
        out += QByteArray::number(e.seq);
        for (const QString *cell : {&e.at, &e.user, &e.action, &e.object, &e.detail, &e.hash}) {
            out += ',';
            out += csvCell(*cell);
        }
        out += "\r\n";
    }
    return out;
}

} // namespace uc::vault
