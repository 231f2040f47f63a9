// SPDX-License-Identifier: GPL-3.0-or-later
#include "practice/practice.h"

#include "common/error.h"
#include "practice/connection.h"
#include "practice/auditchain.h"
#include "practice/content.h"
#include "practice/invitation.h"
#include "practice/revocation.h"
#include "practice/roster.h"
#include "practice/schema.h"
#include "practice/sealedfile.h"
#include "practice/tls.h"
#include "vault/vault.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::practice {

namespace {

constexpr int invitationDays = 14;
const QString adminRole = u"practice_admin"_s; // made by tools/practice-server (and a real set-up)
const QString tokensFile = u"invitations.sealed"_s;

QString randomHex(std::size_t bytes)
{
    QByteArray raw(static_cast<qsizetype>(bytes), Qt::Uninitialized);
    randombytes_buf(raw.data(), bytes);
    return QString::fromLatin1(raw.toHex());
}

// The client key files' passphrase: the user's practice secret as hex, in guarded memory.
SecretBuffer keyPassword(const vault::Vault &vault)
{
    const SecretBuffer secret = vault.practiceIdentity().fileSecret();
    SecretBuffer hex(secret.size() * 2 + 1);
    sodium_bin2hex(reinterpret_cast<char *>(hex.data()), hex.size(), secret.data(), secret.size());
    return SecretBuffer::copyOf(std::span<const unsigned char>(hex.data(), secret.size() * 2));
}

SecretBuffer readSecretFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Io, what, u"cannot be read"_s);
    QByteArray raw = file.readAll();
    SecretBuffer out = SecretBuffer::copyOf(std::string_view(raw.constData(), static_cast<std::size_t>(raw.size())));
    wipeMemory(raw.data(), static_cast<std::size_t>(raw.size()));
    return out;
}

Endpoint endpointOf(const vault::Vault &vault, const Membership &m)
{
    Endpoint e = parseServerUrl(m.server);
    const QString folder = memberFolder(vault);
    e.role = m.dbRole;
    e.caFile = folder + u'/' + QString::fromLatin1(caFileName);
    e.certFile = folder + u'/' + QString::fromLatin1(clientCertFileName);
    e.keyFile = folder + u'/' + QString::fromLatin1(clientKeyFileName);
    return e;
}

// An init or join in progress (membership.h, "pending"): the pending membership is saved before any
// other file or the server changes. Until the server step is tried, a failure removes it all again,
// so a refused init or join leaves the folder as it was (a retry's pending state is kept: only its
// own command gives it up). Once the server may have changed, a failure keeps it, and the same
// command run again completes it.
class Unfinished
{
public:
    Unfinished(const vault::Vault &vault, const Membership &m, bool retry, QString command)
        : m_vault(vault)
        , m_command(std::move(command))
        , m_discard(!retry)
    {
        if (!retry)
            for (const QString &name : membershipFiles(m.admin))
                if (QFile::exists(memberFolder(vault) + u'/' + name))
                    throw Error(ErrorKind::Conflict, u"practice"_s,
                                u"a file of an earlier membership is in the way: "_s + name);
        savePendingMembership(vault, m);
    }
    ~Unfinished()
    {
        if (m_discard)
            discardPendingMembership(m_vault);
    }
    Unfinished(const Unfinished &) = delete;
    Unfinished &operator=(const Unfinished &) = delete;

    void write(const char *name, const QByteArray &bytes) { writeMemberFile(m_vault, QString::fromLatin1(name), bytes); }
    // The step that changes the server. Refused outright (privileges, a conflict, damage), nothing
    // changed there: the pending state goes (a fresh attempt's). Otherwise (a lost connection: it may
    // have reached the server) it stays, and the error says to run the command again.
    template<typename Step>
    auto serverStep(Step &&step)
    {
        try {
            return step();
        } catch (const Error &e) {
            if (e.kind() != ErrorKind::Io)
                throw;
            m_discard = false;
            throw Error(e.kind(), m_command,
                        e.why() + u"; the practice server may have it already: run "_s + m_command
                            + u" again to finish"_s);
        }
    }
    // The server step is done: the membership is made whole here. A failure to save it keeps the
    // pending state, and says so.
    void finish(const Membership &m)
    {
        m_discard = false;
        try {
            finishMembership(m_vault, m);
        } catch (const Error &e) {
            throw Error(e.kind(), m_command,
                        u"the practice server has it, but this machine could not save the membership ("_s + e.why()
                            + u"): run "_s + m_command + u" again to finish"_s);
        }
    }

private:
    const vault::Vault &m_vault;
    QString m_command;
    bool m_discard;
};

void writeClientFiles(const vault::Vault &vault, Unfinished &files, const QByteArray &caPem,
                      const QByteArray &certificatePem, const SecretBuffer &keyPem)
{
    files.write(caFileName, caPem);
    files.write(clientCertFileName, certificatePem);
    files.write(clientKeyFileName, encryptKeyPem(keyPem, keyPassword(vault)));
}

// The administrator's one-time tokens of open invitations, sealed (secretbox) under a subkey of
// their practice secret: the server never sees a token, so it cannot forge a join proof.
SecretBuffer tokensKey(const vault::Vault &vault)
{
    const SecretBuffer secret = vault.practiceIdentity().fileSecret();
    SecretBuffer key(crypto_secretbox_KEYBYTES);
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char *>("invitation tokens"), 17,
                       secret.data(), secret.size());
    return key;
}

QJsonObject readTokens(const vault::Vault &vault)
{
    if (!QFile::exists(memberFolder(vault) + u'/' + tokensFile))
        return {};
    const QByteArray sealed = readMemberFile(vault, tokensFile);
    const SecretBuffer key = tokensKey(vault);
    QByteArray plain(std::max<qsizetype>(0, sealed.size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES),
                     Qt::Uninitialized);
    const bool ok = sealed.size() >= crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES
        && crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                      reinterpret_cast<const unsigned char *>(sealed.constData()) + crypto_secretbox_NONCEBYTES,
                                      static_cast<unsigned long long>(sealed.size() - crypto_secretbox_NONCEBYTES),
                                      reinterpret_cast<const unsigned char *>(sealed.constData()), key.data())
            == 0;
    if (!ok)
        throw Error(ErrorKind::Damaged, u"practice invitations"_s, u"the sealed invitation tokens were altered"_s);
    const QJsonObject tokens = QJsonDocument::fromJson(plain).object();
    wipeMemory(plain.data(), static_cast<std::size_t>(plain.size()));
    return tokens;
}

void writeTokens(const vault::Vault &vault, const QJsonObject &tokens)
{
    QByteArray plain = QJsonDocument(tokens).toJson(QJsonDocument::Compact);
    QByteArray sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(sealed.data());
    randombytes_buf(out, crypto_secretbox_NONCEBYTES);
    const SecretBuffer key = tokensKey(vault);
    crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES, reinterpret_cast<const unsigned char *>(plain.constData()),
                          static_cast<unsigned long long>(plain.size()), out, key.data());
    wipeMemory(plain.data(), static_cast<std::size_t>(plain.size()));
    writeMemberFile(vault, tokensFile, sealed);
}

// An invitation's secrets (the member's TLS key, the token, the pseudonym key) wiped however the
// step that holds them ends. Each is a QByteArray of its own (never shared: data() would detach and
// wipe a copy).
struct WipedOnExit
{
    Invitation &inv;
    ~WipedOnExit()
    {
        for (QByteArray *secret : {&inv.keyPem, &inv.token, &inv.pseudonymKey})
            if (!secret->isEmpty())
                wipeMemory(secret->data(), static_cast<std::size_t>(secret->size()));
    }
};

// The highest note sequence number the member sees; 0 on a server of schema 1, which holds no notes.
qint64 notesHead(Connection &connection)
{
    return schemaVersionOf(connection) >= 2 ? headSeq(connection) : 0;
}

// The roster's administrator must be the pinned one, with their self-certificate.
void checkAdministrator(const QList<MemberRow> &roster, const Membership &m)
{
    int admins = 0;
    for (const MemberRow &row : roster) {
        if (!row.admin)
            continue;
        ++admins;
        if (row.signPublic != m.adminKey
            || !verifyPracticeSignature(m.adminKey, memberCertificate(m.practiceId, row), row.certificateSignature))
            serverDamaged(u"its administrator key does not match the one pinned here (another server, or its roster was "
                    "rewritten)"_s);
    }
    if (admins != 1)
        serverDamaged(u"its roster does not hold exactly one administrator"_s);
}

// The server against what this member pinned: Damaged when it shows fewer notes, audit entries or
// revocations, or (schema 6) an audit chain that does not extend the pinned entry.
void checkPins(Connection &connection, const Membership &m, const QList<MemberRow> &roster)
{
    const bool chained = schemaVersionOf(connection) >= 6;
    // Schema 6 pins the audit's chain (below); before, the highest audit row this member reads.
    if (notesHead(connection) < m.itemsHead || (!chained && auditHead(connection) < m.auditHead)
        || revocationCount(connection) < m.revocations)
        serverDamaged(u"it shows less than this machine has already seen (an earlier copy of it was restored, or notes, "
                "audit rows or revocations were deleted); nothing was written here"_s);
    if (chained) {
        const AuditPin head = verifiedAuditChain(connection, m, roster);
        connection.setVerifiedAuditHead(head.seq, head.hash);
    }
}

// The member's signature over each audit entry appended over a connection (schema 6).
Connection::AuditSigner auditSignerOf(const vault::Vault &vault, const QString &practiceId)
{
    return [&vault, practiceId](qint64 seq, const QByteArray &prev, const QByteArray &hash) {
        return vault.practiceIdentity().sign(auditSignedPart(practiceId, seq, prev, hash));
    };
}

} // namespace

std::unique_ptr<Connection> connectMember(const vault::Vault &vault, const Membership &m)
{
    auto connection = Connection::open(endpointOf(vault, m), keyPassword(vault));
    if (!schemaInstalled(*connection) || practiceIdOf(*connection) != m.practiceId)
        serverDamaged(u"it holds another practice than the one pinned here"_s);
    const QList<MemberRow> roster = members(*connection);
    checkAdministrator(roster, m);
    checkPins(*connection, m, roster);
    if (schemaVersionOf(*connection) >= 6)
        connection->setAuditSigner(auditSignerOf(vault, m.practiceId));
    return connection;
}

bool pinsHold(Connection &connection, const Membership &m)
{
    try {
        checkPins(connection, m, members(connection));
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::Damaged)
            throw;
        return false;
    }
    return true;
}

void pinHeads(const vault::Vault &vault, const Membership &m, Connection &connection)
{
    Membership pinned = m;
    pinned.itemsHead = std::max(m.itemsHead, notesHead(connection));
    if (schemaVersionOf(connection) >= 6) {
        // The entries after what connectMember verified: this call's, and any a colleague added since.
        const AuditPin head
            = connection.verifiedAuditSeq() > 0
            ? extendedAuditChain(connection, m, members(connection),
                                 { connection.verifiedAuditSeq(), connection.verifiedAuditHash() })
            : verifiedAuditChain(connection, m, members(connection));
        pinned.auditHead = head.seq;
        pinned.auditHash = head.hash;
    } else {
        pinned.auditHead = std::max(m.auditHead, auditHead(connection));
    }
    pinned.revocations = std::max(m.revocations, revocationCount(connection));
    const std::optional<Membership> saved = loadMembership(vault);
    if (!saved || pinned.itemsHead != saved->itemsHead || pinned.auditHead != saved->auditHead
        || pinned.auditHash != saved->auditHash || pinned.revocations != saved->revocations)
        saveMembership(vault, pinned);
}

Membership initPractice(vault::Vault &vault, const QString &serverUrl, const QString &caFile, const QString &caKeyFile)
{
    if (!vault.currentUser().admin)
        throw Error(ErrorKind::NotAllowed, u"practice init"_s, u"only the vault's administrator starts a practice"_s);
    if (hasMembership(vault))
        throw Error(ErrorKind::Conflict, u"practice init"_s, u"you are already a member of a practice"_s);
    (void)parseServerUrl(serverUrl);
    const QByteArray signPublic = vault.practiceIdentity().signingPublicKey();
    if (signPublic.isEmpty())
        throw Error(ErrorKind::Conflict, u"practice init"_s, u"your signing key is not certified in this vault yet"_s);

    QFile ca(caFile);
    if (!ca.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Io, u"--ca"_s, u"cannot be read"_s);
    const QByteArray caPem = ca.readAll();
    const SecretBuffer caKey = readSecretFile(caKeyFile, u"--ca-key"_s);
    if (!keyMatchesCertificate(caPem, caKey))
        throw Error(ErrorKind::Io, u"--ca-key"_s, u"it is not the key of the CA in --ca"_s);

    // An init that did not finish is taken up again with its ids; its files are written afresh (no
    // invitation can have used its pseudonym key: invite needs the finished membership).
    const std::optional<Membership> pending = loadPendingMembership(vault);
    if (pending && !pending->admin)
        throw Error(ErrorKind::Conflict, u"practice init"_s,
                    u"your practice join did not finish: run practice join again with the same invitation"_s);
    if (pending && (pending->server != serverUrl || pending->caFingerprint != certificateFingerprint(caPem)))
        throw Error(ErrorKind::Conflict, u"practice init"_s,
                    u"an unfinished practice init for another server or CA is here: run it again with the same "
                    "--server and --ca"_s);
    Membership m;
    if (pending) {
        m = *pending;
    } else {
        m.server = serverUrl;
        m.caFingerprint = certificateFingerprint(caPem);
        m.adminKey = signPublic;
        m.admin = true;
        m.role = vault.currentUser().role;
        m.dbRole = adminRole;
        m.memberId = randomHex(16);
        m.practiceId = randomHex(16);
    }
    Unfinished files(vault, m, pending.has_value(), u"practice init"_s);
    const IssuedCertificate issued = issueClientCertificate(caPem, caKey, adminRole);
    writeClientFiles(vault, files, caPem, issued.certificatePem, issued.keyPem);
    files.write(caKeyFileName, encryptKeyPem(caKey, keyPassword(vault)));
    // The practice's client-pseudonym key: made here, carried to each member in their invitation.
    const SecretBuffer pseudonymKey = SecretBuffer::random(32);
    files.write(pseudonymKeyFileName, sealForMember(vault, QString::fromLatin1(pseudonymKeyFileName), pseudonymKey.bytes()));

    const auto connection = Connection::open(endpointOf(vault, m), keyPassword(vault));
    if (connection->role() != adminRole)
        serverDamaged(u"it did not authenticate the administrator's role"_s);
    if (schemaInstalled(*connection)) {
        // The server part of an earlier attempt reached the server: this practice, founded with this key.
        if (!pending || practiceIdOf(*connection) != m.practiceId)
            throw Error(ErrorKind::Conflict, u"practice init"_s,
                        pending ? u"the server already holds another practice (to give up the unfinished init, remove "_s
                                      + QString::fromLatin1(pendingFileName) + u" from your practice folder)"_s
                                : u"the server already holds a practice"_s);
        checkAdministrator(members(*connection), m);
    } else {
        MemberRow self{m.memberId, adminRole, m.role, true, signPublic, {}, {}};
        self.certificateSignature = vault.practiceIdentity().sign(memberCertificate(m.practiceId, self));
        files.serverStep([&] {
            Transaction tx(*connection);
            installSchema(*connection);
            createPractice(*connection, m.practiceId, serverSchemaVersion);
            addMember(*connection, self);
            connection->setAuditSigner(auditSignerOf(vault, m.practiceId));
            appendAudit(*connection, u"practice-init"_s, m.memberId);
            tx.commit();
        });
    }
    files.finish(m);
    return m;
}

QString invite(vault::Vault &vault, const QString &name, model::Role role)
{
    const auto refused = [] {
        return Error(ErrorKind::NotAllowed, u"practice invite"_s, u"only the practice administrator invites members"_s);
    };
    if (!vault.currentUser().admin)
        throw refused();
    const std::optional<Membership> m = loadMembership(vault);
    if (!m)
        throw Error(ErrorKind::Conflict, u"practice invite"_s, u"you are not a member of a practice (practice init)"_s);
    if (!m->admin)
        throw refused();
    if (name.trimmed().isEmpty())
        throw Error(ErrorKind::Io, u"practice invite"_s, u"the invitee's name is empty"_s);

    const auto connection = connectMember(vault, *m);
    MemberRow row{randomHex(16), {}, role, false, {}, {}, {}};
    row.dbRole = u"m_"_s + row.memberId;
    Transaction tx(*connection);
    createMemberRole(*connection, row.dbRole);
    addMember(*connection, row);
    addInvitation(*connection, row.memberId, invitationDays);
    appendAudit(*connection, u"invite"_s, row.memberId);

    const QByteArray caPem = readMemberFile(vault, QString::fromLatin1(caFileName));
    const SecretBuffer caKey = decryptKeyPem(readMemberFile(vault, QString::fromLatin1(caKeyFileName)), keyPassword(vault));
    if (caKey.empty())
        throw Error(ErrorKind::Damaged, u"practice invite"_s, u"the practice CA's key kept here does not open"_s);
    IssuedCertificate issued = issueClientCertificate(caPem, caKey, row.dbRole);

    Invitation inv;
    const WipedOnExit wipe{inv};
    inv.practiceId = m->practiceId;
    inv.memberId = row.memberId;
    inv.dbRole = row.dbRole;
    inv.name = name.trimmed();
    inv.role = role;
    inv.adminKey = m->adminKey;
    inv.caFingerprint = m->caFingerprint;
    inv.caPem = caPem;
    inv.certificatePem = issued.certificatePem;
    inv.keyPem = QByteArray(reinterpret_cast<const char *>(issued.keyPem.data()), static_cast<qsizetype>(issued.keyPem.size()));
    inv.token = QByteArray(crypto_auth_KEYBYTES, Qt::Uninitialized);
    randombytes_buf(inv.token.data(), static_cast<std::size_t>(inv.token.size()));
    const std::optional<SecretBuffer> pseudonymKey = readSealedSecret(vault, QString::fromLatin1(pseudonymKeyFileName));
    if (!pseudonymKey)
        throw Error(ErrorKind::Conflict, u"practice invite"_s,
                    u"this practice was started before client pseudonyms: start it again (practice init)"_s);
    inv.pseudonymKey = QByteArray(reinterpret_cast<const char *>(pseudonymKey->data()),
                                  static_cast<qsizetype>(pseudonymKey->size())); // a copy of its own, wiped below
    inv.signature = vault.practiceIdentity().sign(inv.signedPart());

    QJsonObject tokens = readTokens(vault);
    // With the token, what was invited: certification signs only that (the server's row could be changed).
    tokens.insert(row.memberId, QJsonObject{{u"token"_s, QString::fromLatin1(inv.token.toBase64())},
                                            {u"role"_s, model::toString(role)},
                                            {u"db_role"_s, row.dbRole}});
    writeTokens(vault, tokens);
    tx.commit();
    return inv.encode();
}

Membership join(vault::Vault &vault, const QString &serverUrl, const QString &code)
{
    (void)parseServerUrl(serverUrl);
    Invitation inv = Invitation::decode(code);
    const WipedOnExit wipe{inv};
    if (hasMembership(vault))
        throw Error(ErrorKind::Conflict, u"practice join"_s, u"you are already a member of a practice"_s);
    if (inv.role != vault.currentUser().role)
        throw Error(ErrorKind::Io, u"practice join"_s,
                    u"the invitation is for a "_s + model::toString(inv.role) + u"; you are a "_s
                        + model::toString(vault.currentUser().role) + u" in this vault"_s);
    const QByteArray signPublic = vault.practiceIdentity().signingPublicKey();
    if (signPublic.isEmpty())
        throw Error(ErrorKind::Conflict, u"practice join"_s, u"your signing key is not certified in this vault yet"_s);
    if (inv.pseudonymKey.size() != 32)
        throw Error(ErrorKind::Damaged, u"invitation code"_s, u"it carries no client-pseudonym key"_s);
    // A join that did not finish is taken up again only with its own invitation.
    const std::optional<Membership> pending = loadPendingMembership(vault);
    if (pending && (pending->admin || pending->memberId != inv.memberId || pending->practiceId != inv.practiceId))
        throw Error(ErrorKind::Conflict, u"practice join"_s,
                    u"an unfinished practice init or join with another invitation is here: run that one again (to "
                    "give it up, remove "_s
                        + QString::fromLatin1(pendingFileName) + u" from your practice folder)"_s);

    Membership m;
    m.server = serverUrl;
    m.practiceId = inv.practiceId;
    m.memberId = inv.memberId;
    m.dbRole = inv.dbRole;
    m.role = inv.role;
    m.adminKey = inv.adminKey;
    m.caFingerprint = inv.caFingerprint;
    Unfinished files(vault, m, pending.has_value(), u"practice join"_s);
    const SecretBuffer keyPem = SecretBuffer::copyOf(std::span<const unsigned char>(
        reinterpret_cast<const unsigned char *>(inv.keyPem.constData()), static_cast<std::size_t>(inv.keyPem.size())));
    writeClientFiles(vault, files, inv.caPem, inv.certificatePem, keyPem);
    files.write(pseudonymKeyFileName, sealForMember(vault, QString::fromLatin1(pseudonymKeyFileName), inv.pseudonymKey));

    const auto connection = connectMember(vault, m);
    // Repeatable on the server (schema v3): the same key and proof again return this member's id.
    const QString registered = files.serverStep([&] {
        Transaction tx(*connection);
        const QString id = registerKey(*connection, signPublic, joinProof(inv.token, inv.memberId, signPublic));
        // Schema 6: the join's audit entry is this member's, signed here (once: a join repeated after
        // its answer was lost finds it there).
        if (connection->auditSigner() && !hasJoinEntry(*connection))
            appendAudit(*connection, u"join"_s, id);
        tx.commit();
        return id;
    });
    if (registered != inv.memberId)
        serverDamaged(u"it registered the key under another member"_s);
    files.finish(m);
    return m;
}

Status status(vault::Vault &vault)
{
    const std::optional<Membership> m = loadMembership(vault);
    if (!m)
        throw Error(ErrorKind::Conflict, u"practice status"_s,
                    u"you are not a member of a practice (practice init or practice join)"_s);
    Status s;
    s.membership = *m;
    const auto connection = connectMember(vault, *m);
    QList<MemberRow> roster = members(*connection);
    const Revoked revoked = verifiedRevocations(*connection, *m);
    s.removed = static_cast<int>(revoked.members.size());
    if (m->admin) {
        // Members who joined since: certified when their proof holds under the token only the
        // administrator and the invitee knew. A proof that fails is left uncertified.
        QJsonObject tokens = readTokens(vault);
        bool changed = false;
        // Invitations that expired unused: their roles lose LOGIN (a role cannot be NOLOGIN until
        // its join, which needs a login), and their tokens are forgotten.
        for (const QString &closed : closeExpiredInvitations(*connection)) {
            tokens.remove(closed);
            changed = true;
            ++s.expiredNow;
        }
        for (MemberRow &row : roster) {
            if (row.signPublic.isEmpty() || !row.certificateSignature.isEmpty() || !tokens.contains(row.memberId))
                continue;
            if (revoked.members.contains(row.memberId)) { // removed before they were certified: never
                tokens.remove(row.memberId);
                changed = true;
                continue;
            }
            const QJsonObject invited = tokens.value(row.memberId).toObject();
            QByteArray token = QByteArray::fromBase64(invited.value(u"token"_s).toString().toLatin1());
            const bool proven = row.joinProof.size() == crypto_auth_BYTES
                && sodium_memcmp(joinProof(token, row.memberId, row.signPublic).constData(), row.joinProof.constData(),
                                 crypto_auth_BYTES)
                    == 0;
            wipeMemory(token.data(), static_cast<std::size_t>(token.size()));
            if (!proven)
                continue;
            // The role, database role and admin flag the server reports must be those invited: an operator
            // who raised a pending member's role would otherwise have the administrator sign it.
            if (row.admin || model::toString(row.role) != invited.value(u"role"_s).toString()
                || row.dbRole != invited.value(u"db_role"_s).toString())
                serverDamaged(u"a member waiting for certification is not shown as they were invited (their role was "
                        "changed on the server)"_s);
            row.certificateSignature = vault.practiceIdentity().sign(memberCertificate(m->practiceId, row));
            storeCertificate(*connection, row.memberId, row.certificateSignature);
            appendAudit(*connection, u"certify"_s, row.memberId);
            tokens.remove(row.memberId);
            changed = true;
            ++s.certifiedNow;
        }
        if (changed)
            writeTokens(vault, tokens);
    }
    const QByteArray own = vault.practiceIdentity().signingPublicKey();
    for (const MemberRow &row : roster) {
        ++s.members;
        if (row.memberId == m->memberId && row.signPublic != own)
            serverDamaged(u"your own key on it is not the one in your vault"_s);
        if (!row.signPublic.isEmpty())
            ++s.joined;
        if (row.certificateSignature.isEmpty())
            continue;
        if (!verifyPracticeSignature(m->adminKey, memberCertificate(m->practiceId, row), row.certificateSignature))
            serverDamaged(u"a member's certificate on it does not verify with the pinned administrator key"_s);
        ++s.certified;
        if (row.memberId == m->memberId && row.signPublic == own)
            s.selfCertified = true;
    }
    s.auditEntries = auditLength(*connection);
    pinHeads(vault, *m, *connection);
    return s;
}

} // namespace uc::practice
