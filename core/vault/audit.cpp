// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/audit.h"

#include "common/error.h"
#include "vault/auditpin.h"
#include "vault/schema.h"

#include <sodium.h>

#include <QHash>

#include <algorithm>

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

AuditEntry readEntry(const sql::Statement &stmt, bool signatures)
{
    AuditEntry e{stmt.int64(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5), stmt.text(6), stmt.text(7)};
    if (signatures) {
        e.signer = stmt.isNull(8) ? QString() : stmt.text(8);
        e.signature = stmt.isNull(9) ? QByteArray() : stmt.blob(9);
    }
    return e;
}

// Vaults migrated before v19 have no signer and signature columns until their next unlock.
bool hasSignatureColumns(sql::Database &db)
{
    return db.prepare("SELECT 1 FROM pragma_table_info('audit') WHERE name = 'signature'").step();
}

std::string entryColumns(bool signatures)
{
    return signatures ? "SELECT seq, at, user, action, object, detail, prev, hash, signer, signature FROM audit "
                      : "SELECT seq, at, user, action, object, detail, prev, hash FROM audit ";
}

constexpr auto signedFromKey = "audit_signed_from";
constexpr int signedTrailVersion = 19;
// The one entry another user signs: a failed unlock reported by whoever unlocks next.
constexpr auto failedUnlockReported = "unlock-failed-reported";

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

QByteArray auditSignedMessage(const QString &hashHex)
{
    return QByteArray("undercurrent-audit-v1\n") + fromHex(hashHex);
}

std::optional<qint64> auditSignedFrom(sql::Database &db)
{
    auto stmt = db.prepare("SELECT value FROM vault_info WHERE key = ?");
    stmt.bind(1, signedFromKey);
    if (!stmt.step())
        return std::nullopt;
    bool ok = false;
    const qint64 from = stmt.text(0).toLongLong(&ok);
    return ok && from >= 1 ? std::optional<qint64>(from) : std::optional<qint64>(0);
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
                      const QString &detail, const QString &at, const AuditSigner &signer)
{
    const AuditHead last = currentAuditHead(db);
    AuditEntry e{last.count + 1, at, user, action, object, detail, last.hash, {}};
    e.hash = auditHash(e.prev, e);
    // With a key at hand the entry is signed: every open vault is at v19, where every entry appended
    // is at or after audit_signed_from. Without one, only an entry before it may be written.
    const bool signs = signer.keys && !signer.name.isEmpty();
    if (!signs) {
        if (const std::optional<qint64> signedFrom = auditSignedFrom(db); signedFrom && e.seq >= *signedFrom)
            throw Error(ErrorKind::Damaged, QStringLiteral("audit"),
                        QStringLiteral("an audit entry must be signed and no signing key is available"));
    }
    const std::optional<QString> signerName = signs ? std::optional(signer.name) : std::nullopt;
    const std::optional<QByteArray> signature =
        signs ? std::optional(QByteArray::fromBase64(signer.keys->sign(auditSignedMessage(e.hash)).toLatin1())) : std::nullopt;
    db.prepare("INSERT INTO audit(seq, at, user, action, object, detail, prev, hash, signer, signature) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, static_cast<std::int64_t>(e.seq))
        .bind(2, e.at)
        .bind(3, e.user)
        .bind(4, e.action)
        .bind(5, e.object)
        .bind(6, e.detail)
        .bind(7, e.prev)
        .bind(8, e.hash)
        .bind(9, signerName)
        .bind(10, signature)
        .run();
    return {e.seq, e.hash};
}

namespace {

// The key a signer's entries are checked against: their certified key, else the key of their
// request still waiting for an administrator (said so in the check); nothing for a name with no key.
struct SignerKey
{
    QByteArray publicKey;
    bool certified = false;
};

std::optional<SignerKey> signerKey(const AuditKeys &keys, const QString &name)
{
    if (const auto cert = certifiedKey(keys.certs, keys.root, name))
        return SignerKey{cert->signPublic, true};
    const QJsonObject request = keys.certs.value(certName(name)).toObject();
    const QByteArray pk = QByteArray::fromBase64(request.value(QLatin1String("sign_pk")).toString().toLatin1());
    if (request.value(QLatin1String("user")).toString() != certName(name) || pk.size() != crypto_sign_PUBLICKEYBYTES)
        return std::nullopt;
    return SignerKey{pk, false};
}

bool signatureHolds(const QByteArray &publicKey, const QString &hash, const QByteArray &signature)
{
    const QByteArray message = auditSignedMessage(hash);
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(signature.constData()),
                                       reinterpret_cast<const unsigned char *>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char *>(publicKey.constData()))
        == 0;
}

} // namespace

std::optional<StatedEntry> firstStatedEntry(sql::Database &db,
                                            const std::function<bool(const QString &, const QString &)> &states,
                                            const AuditKeys &keys)
{
    ensureSodium();
    if (!hasSignatureColumns(db))
        return std::nullopt;
    std::optional<StatedEntry> found;
    {
        // One pass over the trail (no index on action): once a session, not per read.
        auto stmt = db.prepare(entryColumns(true) + "ORDER BY seq");
        while (stmt.step()) {
            if (!states(stmt.text(3), stmt.text(5)))
                continue;
            found = StatedEntry{readEntry(stmt, true), false};
            break;
        }
    }
    if (!found)
        return std::nullopt;
    const AuditEntry &e = found->entry;
    auto next = db.prepare("SELECT prev FROM audit WHERE seq = ?");
    next.bind(1, static_cast<std::int64_t>(e.seq + 1));
    const bool chained = auditHash(e.prev, e) == e.hash && (!next.step() || next.text(0) == e.hash);
    const auto key = signerKey(keys, e.signer);
    found->holds = chained && e.signer == e.user && e.signature.size() == crypto_sign_BYTES && key
                   && signatureHolds(key->publicKey, e.hash, e.signature);
    return found;
}

AuditCheck verifyAuditTrail(sql::Database &db, const QJsonObject &sealedHead, const SecretBuffer &dataKey,
                            const AuditKeys &keys, bool full)
{
    ensureSodium();
    AuditCheck check;
    const auto broken = [&](qint64 at, const QString &why, const QString &signer = {}) {
        if (check.whole) {
            check.whole = false;
            check.broken = at;
            check.reason = why;
            check.signer = signer;
        }
    };
    const bool signatures = hasSignatureColumns(db);
    const std::optional<qint64> signedFrom = auditSignedFrom(db);
    check.signedFrom = signedFrom.value_or(0);
    if (!signedFrom && userVersion(db) >= signedTrailVersion)
        broken(0, QStringLiteral("the record of the entry from which every entry is signed is missing"));
    else if (signedFrom && (*signedFrom == 0 || !signatures))
        broken(0, QStringLiteral("the record of the entry from which every entry is signed is malformed"));
    if (!check.whole)
        return check;

    struct Latest
    {
        qint64 seq = 0;
        QString hash;
        QByteArray signature;
    };
    QHash<QString, Latest> latest; // by signer
    QHash<QString, QList<qint64>> bySigner; // each signer's entries, in order
    QHash<QString, std::optional<SignerKey>> keyCache;
    const auto keyOf = [&](const QString &name) -> const std::optional<SignerKey> & {
        auto it = keyCache.find(name);
        if (it == keyCache.end())
            it = keyCache.insert(name, signerKey(keys, name));
        return *it;
    };
    const auto failed = [](const QString &signer) {
        return QStringLiteral("%1's signature on it does not verify (this entry or one before it was rewritten, "
                              "or it was signed with another key)")
            .arg(signer);
    };

    QString previous = auditGenesis();
    QList<QString> hashes; // by seq - 1, to compare with the head
    auto stmt = db.prepare(entryColumns(signatures) + "ORDER BY seq");
    while (stmt.step()) {
        const AuditEntry e = readEntry(stmt, signatures);
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
        } else if (!signedFrom || e.seq < *signedFrom) {
            if (!e.signer.isEmpty() || !e.signature.isEmpty())
                broken(e.seq, QStringLiteral("it is signed though it comes before signing began (where signing begins "
                                             "was moved)"));
        } else if (e.signer.isEmpty() || e.signature.isEmpty()) {
            broken(e.seq, QStringLiteral("it carries no signature (every entry from %1 on is signed)").arg(*signedFrom));
        } else if (e.signature.size() != crypto_sign_BYTES) {
            broken(e.seq, QStringLiteral("%1's signature on it is malformed").arg(e.signer), e.signer);
        } else if (e.signer != e.user && e.action != QLatin1String(failedUnlockReported)) {
            broken(e.seq, QStringLiteral("it names %1 but is signed by %2 (only failed-unlock reports are signed by "
                                         "another user)")
                              .arg(e.user.isEmpty() ? QStringLiteral("no one") : e.user, e.signer),
                   e.signer);
        } else if (const auto &key = keyOf(e.signer); !key) {
            broken(e.seq, QStringLiteral("it is signed by %1, who has no key in this vault").arg(e.signer), e.signer);
        } else if (full) {
            ++check.signaturesChecked;
            if (!signatureHolds(key->publicKey, e.hash, e.signature))
                broken(e.seq, failed(e.signer), e.signer);
        } else {
            bySigner[e.signer].append(e.seq);
            latest.insert(e.signer, Latest{e.seq, e.hash, e.signature});
        }
        previous = e.hash;
    }
    if (!check.whole)
        return check;
    // Each signature covers the chained hash, so the latest one of every signer vouches for every
    // entry before it: rewriting any entry breaks the latest signature of everyone who signed after.
    QList<std::pair<QString, Latest>> byPosition;
    for (auto it = latest.cbegin(); it != latest.cend(); ++it)
        byPosition.append({it.key(), it.value()});
    std::sort(byPosition.begin(), byPosition.end(), [](const auto &a, const auto &b) { return a.second.seq < b.second.seq; });
    qint64 firstFailing = 0;
    QString failingSigner;
    for (const auto &[signer, last] : std::as_const(byPosition)) {
        ++check.signaturesChecked;
        const QByteArray &publicKey = keyOf(signer)->publicKey;
        if (signatureHolds(publicKey, last.hash, last.signature))
            continue;
        // This signer has signed nothing since the rewrite (or their latest would hold): their
        // signatures hold up to the rewritten entry and fail from it on, so halving finds their first
        // failing one, the entry `--full` names.
        const QList<qint64> &seqs = bySigner.value(signer);
        qsizetype lo = 0;
        qsizetype hi = seqs.size() - 1; // fails
        while (lo < hi) {
            const qsizetype mid = lo + (hi - lo) / 2;
            auto at = db.prepare("SELECT hash, signature FROM audit WHERE seq = ?");
            at.bind(1, static_cast<std::int64_t>(seqs.at(mid)));
            ++check.signaturesChecked;
            if (at.step() && signatureHolds(publicKey, at.text(0), at.blob(1)))
                lo = mid + 1;
            else
                hi = mid;
        }
        if (firstFailing == 0 || seqs.at(hi) < firstFailing) {
            firstFailing = seqs.at(hi);
            failingSigner = signer;
        }
    }
    if (firstFailing > 0) {
        broken(firstFailing, failed(failingSigner), failingSigner);
        return check;
    }
    for (auto it = keyCache.cbegin(); it != keyCache.cend(); ++it)
        if (it.value() && !it.value()->certified)
            check.uncertified.append(it.key());
    check.uncertified.sort();

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
    // Each user's pin: a trail cut back behind the last entry someone signed at their unlock or lock,
    // or rewritten under it, shows here even if that user never unlocks again.
    for (auto it = keys.pins.constBegin(); it != keys.pins.constEnd() && check.whole; ++it) {
        const QJsonObject sealed = it.value().toObject();
        const QString user = sealed.value(QLatin1String("user")).toString();
        const auto &key = keyOf(user);
        const auto pin = key ? openAuditPin(sealed, key->publicKey, user) : std::nullopt;
        ++check.signaturesChecked;
        if (!pin || certName(user) != it.key()) {
            broken(0, QStringLiteral("the record in keyslots.json of how far %1 signed the trail does not verify (it "
                                     "was altered or moved)")
                          .arg(user.isEmpty() ? it.key() : user),
                   user);
        } else if (pin->seq > check.count || hashes.at(pin->seq - 1) != pin->hash) {
            broken(pin->seq, QStringLiteral("%1 signed the trail up to this entry, and it is %2 (the trail was cut back "
                                            "or rewritten)")
                                 .arg(user, pin->seq > check.count ? QStringLiteral("gone") : QStringLiteral("changed")),
                   user);
        }
    }
    return check;
}

QList<AuditEntry> auditEntries(sql::Database &db, const AuditFilter &filter)
{
    const bool signatures = hasSignatureColumns(db);
    std::string sql = entryColumns(signatures) + "WHERE (?1 = '' OR at >= ?1) AND (?2 = '' OR user = ?2) "
                                                "AND (?3 = '' OR substr(at, 1, 10) <= ?3) ORDER BY seq";
    auto stmt = db.prepare(sql);
    stmt.bind(1, filter.since).bind(2, filter.user).bind(3, filter.until);
    QList<AuditEntry> list;
    while (stmt.step())
        list.append(readEntry(stmt, signatures));
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
