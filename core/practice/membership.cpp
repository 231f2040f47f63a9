// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/membership.h"

#include "common/error.h"
#include "common/safefile.h"
#include "practice/invitation.h"
#include "practice/sealedfile.h"
#include "practice/tls.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>


using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

const QString what = u"practice membership"_s;

QJsonObject toJson(const Membership &m)
{
    return {{u"server"_s, m.server},
            {u"practice"_s, m.practiceId},
            {u"member"_s, m.memberId},
            {u"db_role"_s, m.dbRole},
            {u"role"_s, model::toString(m.role)},
            {u"admin"_s, m.admin},
            {u"admin_key"_s, QString::fromLatin1(m.adminKey.toBase64())},
            {u"ca_sha256"_s, QString::fromLatin1(m.caFingerprint.toHex())},
            {u"items_head"_s, static_cast<double>(m.itemsHead)},
            {u"audit_head"_s, static_cast<double>(m.auditHead)},
            {u"audit_hash"_s, QString::fromLatin1(m.auditHash.toHex())},
            {u"revocations"_s, static_cast<double>(m.revocations)}};
}

// What the user signs: the membership's compact JSON (QJsonDocument sorts the keys), under a label
// that tells a finished membership from a pending one.
QByteArray signedPart(const QJsonObject &fields, const char *label = "membership\n")
{
    return label + QJsonDocument(fields).toJson(QJsonDocument::Compact);
}
constexpr auto pendingLabel = "pending membership\n";

[[noreturn]] void damaged(const QString &why)
{
    throw Error(ErrorKind::Damaged, what, why);
}

} // namespace

QString memberFolder(const vault::Vault &vault)
{
    const QString folder = vault.dir() + u"/practice/user-"_s + QString::number(vault.currentUser().id);
    if (!QDir().mkpath(folder))
        throw Error(ErrorKind::Io, what, u"the folder could not be made"_s);
    QFile::setPermissions(vault.dir() + u"/practice"_s, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return folder;
}

void writeMemberFile(const vault::Vault &vault, const QString &name, const QByteArray &bytes)
{
    writeFileSafely(memberFolder(vault) + u'/' + name, bytes, what);
}

QByteArray readMemberFile(const vault::Vault &vault, const QString &name)
{
    QFile file(memberFolder(vault) + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        damaged(u"a file of it is missing or unreadable: "_s + name);
    return file.readAll();
}

namespace {

QString pathOf(const vault::Vault &vault, const QString &name)
{
    return vault.dir() + u"/practice/user-"_s + QString::number(vault.currentUser().id) + u'/' + name;
}

std::optional<Membership> readSigned(const vault::Vault &vault, const QString &name, const char *label)
{
    const QString path = pathOf(vault, name);
    if (!QFile::exists(path))
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        damaged(name + u" is unreadable"_s);
    QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray signature = QByteArray::fromBase64(o.take(u"signature"_s).toString().toLatin1());
    if (!verifyPracticeSignature(vault.practiceIdentity().signingPublicKey(), signedPart(o, label), signature))
        damaged(name + u" was altered (your signature over it does not verify)"_s);
    Membership m;
    m.server = o.value(u"server"_s).toString();
    m.practiceId = o.value(u"practice"_s).toString();
    m.memberId = o.value(u"member"_s).toString();
    m.dbRole = o.value(u"db_role"_s).toString();
    const auto role = model::parseRole(o.value(u"role"_s).toString());
    if (!role)
        damaged(u"membership.json names no role"_s);
    m.role = *role;
    m.admin = o.value(u"admin"_s).toBool();
    m.adminKey = QByteArray::fromBase64(o.value(u"admin_key"_s).toString().toLatin1());
    m.caFingerprint = QByteArray::fromHex(o.value(u"ca_sha256"_s).toString().toLatin1());
    m.itemsHead = static_cast<qint64>(o.value(u"items_head"_s).toDouble());
    m.auditHead = static_cast<qint64>(o.value(u"audit_head"_s).toDouble());
    m.auditHash = QByteArray::fromHex(o.value(u"audit_hash"_s).toString().toLatin1());
    m.revocations = static_cast<qint64>(o.value(u"revocations"_s).toDouble());
    return m;
}

void writeSigned(const vault::Vault &vault, const QString &name, const char *label, const Membership &m)
{
    QJsonObject o = toJson(m);
    o.insert(u"signature"_s, QString::fromLatin1(vault.practiceIdentity().sign(signedPart(o, label)).toBase64()));
    writeMemberFile(vault, name, QJsonDocument(o).toJson(QJsonDocument::Indented));
}

} // namespace

bool hasMembership(const vault::Vault &vault)
{
    return QFile::exists(pathOf(vault, u"membership.json"_s));
}

std::optional<Membership> loadMembership(const vault::Vault &vault)
{
    std::optional<Membership> m = readSigned(vault, u"membership.json"_s, "membership\n");
    if (!m) {
        if (const std::optional<Membership> pending = loadPendingMembership(vault))
            throw Error(ErrorKind::Conflict, what,
                        pending->admin ? u"your practice init did not finish: run practice init again with the same "
                                         "--server, --ca and --ca-key to finish it"_s
                                       : u"your practice join did not finish: run practice join again with the same "
                                         "invitation to finish it"_s);
        return std::nullopt;
    }
    if (certificateFingerprint(readMemberFile(vault, QString::fromLatin1(caFileName))) != m->caFingerprint)
        damaged(u"the pinned practice CA was replaced"_s);
    return m;
}

void saveMembership(const vault::Vault &vault, const Membership &m)
{
    writeSigned(vault, u"membership.json"_s, "membership\n", m);
}

std::optional<Membership> loadPendingMembership(const vault::Vault &vault)
{
    return readSigned(vault, QString::fromLatin1(pendingFileName), pendingLabel);
}

void savePendingMembership(const vault::Vault &vault, const Membership &m)
{
    writeSigned(vault, QString::fromLatin1(pendingFileName), pendingLabel, m);
}

void finishMembership(const vault::Vault &vault, const Membership &m)
{
    saveMembership(vault, m);
    QFile::remove(pathOf(vault, QString::fromLatin1(pendingFileName)));
}

QStringList membershipFiles(bool admin)
{
    QStringList names{QString::fromLatin1(caFileName), QString::fromLatin1(clientCertFileName),
                      QString::fromLatin1(clientKeyFileName), QString::fromLatin1(pseudonymKeyFileName)};
    if (admin)
        names.append(QString::fromLatin1(caKeyFileName));
    return names;
}

void discardPendingMembership(const vault::Vault &vault)
{
    for (const QString &name : membershipFiles(true))
        QFile::remove(pathOf(vault, name));
    QFile::remove(pathOf(vault, QString::fromLatin1(pendingFileName)));
}

} // namespace uc::practice
