// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/invitation.h"

#include "common/error.h"
#include "practice/tls.h"
#include "vault/vault.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr auto prefix = "uc-invite-1."_L1;
const QString what = u"invitation code"_s;

QString b64(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray unb64(const QJsonObject &o, const QString &key)
{
    return QByteArray::fromBase64(o.value(key).toString().toLatin1());
}

QJsonObject fields(const Invitation &i)
{
    return {{u"practice"_s, i.practiceId},
            {u"member"_s, i.memberId},
            {u"db_role"_s, i.dbRole},
            {u"name"_s, i.name},
            {u"role"_s, model::toString(i.role)},
            {u"admin_key"_s, b64(i.adminKey)},
            {u"ca_sha256"_s, QString::fromLatin1(i.caFingerprint.toHex())},
            {u"ca"_s, b64(i.caPem)},
            {u"cert"_s, b64(i.certificatePem)},
            {u"key"_s, b64(i.keyPem)},
            {u"token"_s, b64(i.token)},
            {u"pseudonym_key"_s, b64(i.pseudonymKey)}};
}

} // namespace

QByteArray Invitation::signedPart() const
{
    return "invitation\n" + QJsonDocument(fields(*this)).toJson(QJsonDocument::Compact);
}

QString Invitation::encode() const
{
    QJsonObject o = fields(*this);
    o.insert(u"signature"_s, b64(signature));
    return prefix + QString::fromLatin1(QJsonDocument(o).toJson(QJsonDocument::Compact).toBase64(
                        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Invitation Invitation::decode(const QString &code)
{
    const QString trimmed = code.trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(trimmed.mid(prefix.size()).toLatin1(),
                                                        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonObject o = decoded ? QJsonDocument::fromJson(*decoded).object() : QJsonObject();
    if (!trimmed.startsWith(prefix) || o.isEmpty())
        throw Error(ErrorKind::Usage, what, u"this is not an Undercurrent invitation code"_s);
    Invitation i;
    i.practiceId = o.value(u"practice"_s).toString();
    i.memberId = o.value(u"member"_s).toString();
    i.dbRole = o.value(u"db_role"_s).toString();
    i.name = o.value(u"name"_s).toString();
    const auto role = model::parseRole(o.value(u"role"_s).toString());
    i.adminKey = unb64(o, u"admin_key"_s);
    i.caFingerprint = QByteArray::fromHex(o.value(u"ca_sha256"_s).toString().toLatin1());
    i.caPem = unb64(o, u"ca"_s);
    i.certificatePem = unb64(o, u"cert"_s);
    i.keyPem = unb64(o, u"key"_s);
    i.token = unb64(o, u"token"_s);
    i.pseudonymKey = unb64(o, u"pseudonym_key"_s);
    i.signature = unb64(o, u"signature"_s);
    if (role)
        i.role = *role;
    if (!role || !verifyPracticeSignature(i.adminKey, i.signedPart(), i.signature))
        throw Error(ErrorKind::Damaged, what,
                    u"it was altered: the administrator's signature over it does not verify"_s);
    if (certificateFingerprint(i.caPem) != i.caFingerprint)
        throw Error(ErrorKind::Damaged, what, u"its CA does not have the fingerprint it pins"_s);
    return i;
}

QByteArray joinProof(const QByteArray &token, const QString &memberId, const QByteArray &signPublic)
{
    static_assert(crypto_auth_KEYBYTES == 32);
    if (token.size() != crypto_auth_KEYBYTES)
        throw Error(ErrorKind::Damaged, what, u"its token has the wrong length"_s);
    const QByteArray message = "join\n" + memberId.toLatin1() + '\n' + signPublic;
    QByteArray mac(crypto_auth_BYTES, Qt::Uninitialized);
    crypto_auth(reinterpret_cast<unsigned char *>(mac.data()), reinterpret_cast<const unsigned char *>(message.constData()),
                static_cast<unsigned long long>(message.size()), reinterpret_cast<const unsigned char *>(token.constData()));
    return mac;
}

} // namespace uc::practice
