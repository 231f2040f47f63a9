// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/vault.h"

#include "common/logging.h"
#include "model/disclosure.h"
#include "vault/audit.h"
#include "vault/schema.h"

#include <sodium.h>
#include <sqlite3.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <map>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace uc::vault {

using model::Id;

namespace {

constexpr qint64 fullCheckLimit = 32 * 1024 * 1024; // integrity-check every page at unlock up to this size
constexpr auto backupMagic = "UCBACKUP1\n";

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// The note's text with its section headings ("## Use since last session") blanked out, one space
// per code point so the tagger's offsets still point into the note: a template's heading is not
// something the client said.
QString blankHeadings(const QString &text)
{
    QString out = text;
    bool lineStart = true;
    bool inHeading = false;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c == u'\n') {
            lineStart = true;
            inHeading = false;
            continue;
        }
        if (lineStart && c == u'#' && QStringView(out).mid(i).startsWith(u"## "))
            inHeading = true;
        lineStart = false;
        if (!inHeading)
            continue;
        if (c.isHighSurrogate() && i + 1 < out.size() && out.at(i + 1).isLowSurrogate()) {
            out.replace(i, 2, u' '); // one code point, one space
            continue;
        }
        out[i] = u' ';
    }
    return out;
}

[[noreturn]] void badInput(const QString &what, const QString &why)
{
    throw Error(ErrorKind::Io, what, why);
}

QString databasePath(const QString &dir)
{
    return QDir(dir).filePath(QLatin1String(Vault::databaseName));
}

// An exclusive advisory lock on dir/.lock, held while the vault is open in this process.
int lockFolder(const QString &dir)
{
    const QByteArray path = QFile::encodeName(QDir(dir).filePath(QLatin1String(Vault::lockName)));
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorKind::Io, QStringLiteral("open vault"), QStringLiteral("the vault folder is not writable"));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        throw Error(ErrorKind::Conflict, QStringLiteral("open vault"),
                    QStringLiteral("the vault is open in another Undercurrent process"));
    }
    return fd;
}

void unlockFolder(int fd)
{
    if (fd >= 0) {
        ::flock(fd, LOCK_UN);
        ::close(fd);
    }
}

// Keeps a lock file descriptor until released into a Vault.
struct FolderLock
{
    int fd;
    ~FolderLock() { unlockFolder(fd); }
    int release() { return std::exchange(fd, -1); }
};

bool runCheck(sql::Database &db, std::string_view pragma, bool okRowMeansFine)
{
    auto stmt = db.prepare(pragma);
    bool fine = true;
    while (stmt.step()) {
        if (!okRowMeansFine || stmt.text(0) != QLatin1String("ok"))
            fine = false;
    }
    return fine;
}

QString ftsQuery(const QString &query)
{
    // Each word becomes a quoted FTS5 string (so punctuation and operators in what a user typed
    // cannot form FTS syntax); a trailing * keeps prefix search.
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList terms;
    for (QString word : query.split(space, Qt::SkipEmptyParts)) {
        const bool prefix = word.endsWith(QLatin1Char('*')) && word.size() > 1;
        if (prefix)
            word.chop(1);
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms << QLatin1Char('"') + word + QLatin1Char('"') + (prefix ? QStringLiteral("*") : QString());
    }
    return terms.join(QLatin1Char(' '));
}

// About a dozen words around the first searched word in text, each searched word [marked].
QString snippetFor(const QString &text, const QString &query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    struct Term
    {
        QString word;
        bool prefix;
    };
    QList<Term> terms;
    for (QString w : query.split(space, Qt::SkipEmptyParts)) {
        const bool prefix = w.endsWith(QLatin1Char('*'));
        if (prefix)
            w.chop(1);
        w.remove(QLatin1Char('"'));
        if (!w.isEmpty())
            terms.append({w.toCaseFolded(), prefix});
    }
    static const QRegularExpression wordRe(QStringLiteral("[\\p{L}\\p{N}']+"));
    struct Word
    {
        qsizetype start;
        qsizetype length;
        bool hit;
    };
    QList<Word> words;
    int first = -1;
    for (auto it = wordRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString folded = m.captured().toCaseFolded();
        const bool hit = std::any_of(terms.begin(), terms.end(), [&](const Term &t) {
            return t.prefix ? folded.startsWith(t.word) : folded == t.word;
        });
        if (hit && first < 0)
            first = static_cast<int>(words.size());
        words.append({m.capturedStart(), m.capturedLength(), hit});
        if (first >= 0 && words.size() > first + 8)
            break;
    }
    if (words.isEmpty())
        return {};
    const int from = std::max(0, (first < 0 ? 0 : first) - 4);
    const int to = std::min(static_cast<int>(words.size()), from + 12);
    QString out = from > 0 ? QStringLiteral("…") : QString();
    for (int i = from; i < to; ++i) {
        const Word &w = words.at(i);
        const QString piece = text.mid(w.start, w.length);
        out += w.hit ? QLatin1Char('[') + piece + QLatin1Char(']') : piece;
        if (i + 1 < to)
            out += QLatin1Char(' ');
    }
    if (to < words.size() || words.last().start + words.last().length < text.size())
        out += QStringLiteral("…");
    return out;
}

} // namespace

QString sha256Hex(const QByteArray &bytes)
{
    ensureSodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char *>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), sizeof digest).toHex());
}

// ---- lifetime ----------------------------------------------------------------------------------

Vault::Vault(QString dir, int lockFd, sql::Database db, SecretBuffer dataKey, KeySlots slots)
    : m_dir(std::move(dir))
    , m_lockFd(lockFd)
    , m_db(std::move(db))
    , m_dataKey(std::move(dataKey))
    , m_slots(std::move(slots))
{
}

Vault::~Vault()
{
    lock();
}

void Vault::lock() noexcept
{
    if (m_db.handle()) {
        try {
            recordEvent(QStringLiteral("lock"), QStringLiteral("vault"));
            writeAuditHead();
        } catch (const std::exception &) {
            qCWarning(ucVault) << "the audit trail's head could not be written at lock";
        }
    }
    m_db.close();
    m_dataKey.wipe();
    unlockFolder(m_lockFd);
    m_lockFd = -1;
}

// ---- audit trail ---------------------------------------------------------------------------------

void Vault::audit(const QString &action, const QString &object, const QString &detail)
{
    appendAudit(m_db, m_user.name, action, object, detail, now());
}

void Vault::recordEvent(const QString &action, const QString &object, const QString &detail)
{
    sql::Transaction tx(m_db);
    audit(action, object, detail);
    tx.commit();
}

void Vault::writeAuditHead()
{
    // The head only moves forward from a trail that still holds at the old head: a trail found cut
    // short or replaced keeps the head that shows it, for `audit verify` to report.
    const QJsonObject extra = m_slots.extra();
    const QJsonObject sealed = extra.value(QLatin1String("audit_head")).toObject();
    if (!sealed.isEmpty()) {
        const auto old = openAuditHead(sealed, m_dataKey);
        if (!old)
            return;
        if (old->count > 0) {
            auto at = m_db.prepare("SELECT hash FROM audit WHERE seq = ?");
            at.bind(1, static_cast<std::int64_t>(old->count));
            if (!at.step() || at.text(0) != old->hash)
                return;
        }
    }
    KeySlots updated = m_slots;
    QJsonObject next = extra;
    next.insert(QStringLiteral("audit_head"), sealAuditHead(currentAuditHead(m_db), m_dataKey));
    updated.setExtra(next);
    updated.save(m_dir);
    m_slots = updated;
}

void Vault::noteFailedUnlock(const QString &dir, const QString &user) noexcept
{
    // The database cannot be opened without the key, so a failed attempt waits in keyslots.json
    // (user name and time only) and joins the audit trail at the next unlock.
    try {
        KeySlots slots = KeySlots::load(dir);
        QJsonObject extra = slots.extra();
        QJsonArray failed = extra.value(QLatin1String("failed_unlocks")).toArray();
        if (failed.size() < 1000)
            failed.append(QJsonObject{{QStringLiteral("user"), user.left(64)}, {QStringLiteral("at"), now()}});
        extra.insert(QStringLiteral("failed_unlocks"), failed);
        slots.setExtra(extra);
        slots.save(dir);
    } catch (const std::exception &) {
        qCWarning(ucVault) << "a failed unlock could not be recorded";
    }
}

void Vault::recordUnlock(const QString &action)
{
    QJsonObject extra = m_slots.extra();
    const QJsonArray failed = extra.value(QLatin1String("failed_unlocks")).toArray();
    {
        sql::Transaction tx(m_db);
        for (const QJsonValue &f : failed) {
            const QJsonObject o = f.toObject();
            appendAudit(m_db, o.value(QLatin1String("user")).toString(), QStringLiteral("unlock-failed"),
                        QStringLiteral("vault"), QStringLiteral("recorded at the next unlock"),
                        o.value(QLatin1String("at")).toString());
        }
        audit(action, QStringLiteral("vault"));
        tx.commit();
    }
    if (!failed.isEmpty()) {
        extra.remove(QStringLiteral("failed_unlocks"));
        m_slots.setExtra(extra);
    }
    writeAuditHead();
}

AuditCheck Vault::verifyAudit()
{
    require(model::Action::VerifyAudit);
    return verifyAuditTrail(m_db, m_slots.extra().value(QLatin1String("audit_head")).toObject(), m_dataKey);
}

AuditFilter Vault::scopedAuditFilter(const AuditFilter &filter) const
{
    require(model::Action::ReadAudit);
    AuditFilter scoped = filter;
    // A therapist sees what they did themselves; supervisors and auditors see everyone's.
    if (m_user.role == model::Role::Therapist) {
        if (!filter.user.isEmpty() && filter.user != m_user.name)
            throw Error(ErrorKind::NotAllowed, QStringLiteral("audit list"),
                        QStringLiteral("a therapist reads their own audit entries only"));
        scoped.user = m_user.name;
    }
    return scoped;
}

qsizetype Vault::exportAuditCsv(const AuditFilter &filter, const QString &file)
{
    const QString what = QStringLiteral("audit export");
    const QList<AuditEntry> entries = auditEntries(m_db, scopedAuditFilter(filter));
    const QByteArray csv = auditCsv(entries);
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(csv) != csv.size())
        throw Error(ErrorKind::Io, what, QStringLiteral("the file cannot be written there"));
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (!out.commit())
        throw Error(ErrorKind::Io, what, QStringLiteral("the file could not be written in full (is the disk full?)"));
    try {
        recordEvent(QStringLiteral("export"), QStringLiteral("audit"), QStringLiteral("csv, %1 entries").arg(entries.size()));
    } catch (...) {
        QFile::remove(file); // an export that is not on the record does not stay on disk
        throw;
    }
    return entries.size();
}

QList<AuditEntry> Vault::auditTrail(const AuditFilter &filter)
{
    QList<AuditEntry> entries = auditEntries(m_db, scopedAuditFilter(filter));
    recordEvent(QStringLiteral("view-audit"), QStringLiteral("audit"), QStringLiteral("%1 entries").arg(entries.size()));
    return entries;
}

Vault::Created Vault::create(const QString &dir, const QString &user, const SecretBuffer &passphrase, model::Role role,
                             KdfCost cost)
{
    const QString what = QStringLiteral("create vault");
    if (user.trimmed().isEmpty() || user.size() > 64)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a user name of 1 to 64 characters is needed"));
    if (passphrase.size() < 8)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the passphrase must have at least 8 characters"));
    QDir folder(dir);
    if (folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the folder is not empty"));
    if (!QDir().mkpath(dir))
        throw Error(ErrorKind::Io, what, QStringLiteral("the folder cannot be created"));
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    FolderLock guard{lockFolder(dir)};
    SecretBuffer dataKey = SecretBuffer::random(32);
    RecoveryKey recovery = RecoveryKey::generate();
    try {
        sql::Database db = sql::Database::open(databasePath(dir), dataKey);
        migrate(db, user);
        {
            sql::Transaction tx(db);
            db.prepare("INSERT INTO users(name, role, created) VALUES (?, ?, ?)")
                .bind(1, user.trimmed())
                .bind(2, model::toString(role))
                .bind(3, now())
                .run();
            db.prepare("INSERT INTO vault_info(key, value) VALUES ('created', ?)").bind(1, now()).run();
            appendAudit(db, user.trimmed(), QStringLiteral("create-vault"), QStringLiteral("vault"), {}, now());
            tx.commit();
        }
        // The key slots are written last: until they exist the folder is not a vault.
        KeySlots slots;
        slots.setUser(user.trimmed(), passphrase, dataKey, cost);
        slots.setRecovery(recovery, dataKey);
        slots.setExtra(QJsonObject{{QStringLiteral("audit_head"), sealAuditHead(currentAuditHead(db), dataKey)}});
        slots.save(dir);
        auto vault = std::unique_ptr<Vault>(new Vault(dir, guard.release(), std::move(db), std::move(dataKey), slots));
        vault->loadUser(user.trimmed());
        qCInfo(ucVault) << "created a vault";
        return Created{std::move(vault), std::move(recovery)};
    } catch (...) {
        // Leave no half-made vault behind.
        for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(QDir(dir).filePath(name));
        throw;
    }
}

std::unique_ptr<Vault> Vault::unlock(const QString &dir, const QString &user,
                                     const std::function<SecretBuffer(const KeySlots &)> &unwrap)
{
    if (!QFileInfo(dir).isDir())
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), QStringLiteral("the vault folder does not exist"));
    KeySlots slots = KeySlots::load(dir);
    SecretBuffer dataKey = unwrap(slots);
    FolderLock guard{lockFolder(dir)};
    const QString path = databasePath(dir);
    sql::Database db = sql::Database::open(path, dataKey, sql::Database::Open::MustExist);
    migrate(db, user);
    auto vault = std::unique_ptr<Vault>(new Vault(dir, guard.release(), std::move(db), std::move(dataKey), std::move(slots)));
    // A damaged or tampered page is refused at unlock for vaults of ordinary size; in larger ones
    // every page's HMAC is still checked whenever it is read.
    if (QFileInfo(path).size() <= fullCheckLimit && !vault->verifyIntegrity())
        throw Error(ErrorKind::Damaged, QStringLiteral("open vault"), QStringLiteral("the database file is damaged"));
    vault->loadUser(user);
    return vault;
}

std::unique_ptr<Vault> Vault::open(const QString &dir, const QString &user, const SecretBuffer &passphrase)
{
    auto vault = unlock(dir, user, [&](const KeySlots &slots) {
        try {
            return slots.unwrapUser(user, passphrase);
        } catch (const Error &error) {
            if (error.kind() == ErrorKind::Auth)
                noteFailedUnlock(dir, user);
            throw;
        }
    });
    vault->recordUnlock(QStringLiteral("unlock"));
    qCInfo(ucVault) << "unlocked";
    return vault;
}

std::unique_ptr<Vault> Vault::recover(const QString &dir, const QString &user, const RecoveryKey &key,
                                      const SecretBuffer &newPassphrase, KdfCost cost)
{
    if (newPassphrase.size() < 8)
        throw Error(ErrorKind::Usage, QStringLiteral("recover"),
                    QStringLiteral("the new passphrase must have at least 8 characters"));
    auto vault = unlock(dir, user, [&](const KeySlots &slots) {
        if (!slots.hasUser(user))
            throw Error(ErrorKind::Auth, QStringLiteral("recover"), QStringLiteral("the vault has no such user"));
        return slots.unwrapRecovery(key);
    });
    vault->recordUnlock(QStringLiteral("recover"));
    vault->changePassphrase(newPassphrase, cost);
    return vault;
}

void Vault::loadUser(const QString &name)
{
    auto stmt = m_db.prepare("SELECT id, name, role, created FROM users WHERE name = ?");
    stmt.bind(1, name);
    if (!stmt.step())
        throw Error(ErrorKind::Auth, QStringLiteral("unlock"), QStringLiteral("the user name or passphrase is wrong"));
    m_user = {stmt.int64(0), stmt.text(1), model::parseRole(stmt.text(2)).value_or(model::Role::Auditor), stmt.text(3)};
}

void Vault::require(model::Action action) const
{
    if (!model::allowed(m_user.role, action))
        throw Error(ErrorKind::NotAllowed, model::toString(action), model::refusal(m_user.role, action));
}

// ---- users and keys ----------------------------------------------------------------------------

void Vault::changePassphrase(const SecretBuffer &newPassphrase, KdfCost cost)
{
    require(model::Action::ChangeOwnPassphrase);
    if (newPassphrase.size() < 8)
        throw Error(ErrorKind::Usage, QStringLiteral("change passphrase"),
                    QStringLiteral("the passphrase must have at least 8 characters"));
    KeySlots updated = m_slots;
    updated.setUser(m_user.name, newPassphrase, m_dataKey, cost);
    recordEvent(QStringLiteral("change-passphrase"), QStringLiteral("user:%1").arg(m_user.id));
    updated.setExtra(m_slots.extra());
    updated.save(m_dir);
    m_slots = updated;
}

void Vault::addUser(const QString &name, model::Role role, const SecretBuffer &passphrase, KdfCost cost)
{
    const QString what = QStringLiteral("add user");
    require(model::Action::ManageUsers);
    const QString clean = name.trimmed();
    if (clean.isEmpty() || clean.size() > 64)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a user name of 1 to 64 characters is needed"));
    if (passphrase.size() < 8)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the passphrase must have at least 8 characters"));
    if (m_slots.hasUser(clean))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a user with that name exists"));
    {
        // A row left by an earlier attempt whose slot was never written is reused.
        sql::Transaction tx(m_db);
        m_db.prepare("INSERT INTO users(name, role, created) VALUES (?, ?, ?) "
                     "ON CONFLICT(name) DO UPDATE SET role = excluded.role")
            .bind(1, clean)
            .bind(2, model::toString(role))
            .bind(3, now())
            .run();
        audit(QStringLiteral("add-user"), QStringLiteral("user:%1").arg(m_db.lastInsertId()), model::toString(role));
        tx.commit();
    }
    KeySlots updated = m_slots;
    updated.setUser(clean, passphrase, m_dataKey, cost);
    updated.save(m_dir);
    m_slots = updated;
}

QList<model::User> Vault::users()
{
    QList<model::User> list;
    auto stmt = m_db.prepare("SELECT id, name, role, created FROM users ORDER BY name");
    while (stmt.step())
        list.append({stmt.int64(0), stmt.text(1), model::parseRole(stmt.text(2)).value_or(model::Role::Auditor),
                     stmt.text(3)});
    return list;
}

// ---- clients -----------------------------------------------------------------------------------

namespace {

// The client's editable fields, bound to parameters 1 to 8 in this order: display_name, status,
// intake_date, setting, consent_treatment, consent_part2, consent_part2_date, consent_part2_scope.
void bindClientFields(sql::Statement &stmt, const model::Client &c)
{
    stmt.bind(1, c.displayName.trimmed())
        .bind(2, model::toString(c.status))
        .bind(3, c.intakeDate ? std::optional(model::toIso(*c.intakeDate)) : std::nullopt)
        .bind(4, c.setting ? std::optional(model::toString(*c.setting)) : std::nullopt)
        .bind(5, c.consentTreatment ? 1 : 0)
        .bind(6, c.consentPart2 ? 1 : 0)
        .bind(7, c.consentPart2Date ? std::optional(model::toIso(*c.consentPart2Date)) : std::nullopt)
        .bind(8, c.consentPart2Scope);
}

} // namespace

Id Vault::addClient(const model::Client &c)
{
    require(model::Action::CreateClient);
    const QString what = QStringLiteral("add client");
    static const QRegularExpression codeShape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$"));
    if (!codeShape.match(c.code).hasMatch())
        badInput(what, QStringLiteral("a client code is 1 to 32 letters, digits, '.', '_' or '-'"));
    if (c.displayName.trimmed().isEmpty())
        badInput(what, QStringLiteral("the client needs a display name"));
    if (client(c.code))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a client with that code exists"));
    sql::Transaction tx(m_db);
    auto stmt = m_db.prepare("INSERT INTO clients(display_name, status, intake_date, setting, consent_treatment, "
                             "consent_part2, consent_part2_date, consent_part2_scope, code, created) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bindClientFields(stmt, c);
    stmt.bind(9, c.code).bind(10, now()).run();
    const Id id = m_db.lastInsertId();
    audit(QStringLiteral("create-client"), QStringLiteral("client:%1").arg(id));
    tx.commit();
    return id;
}

void Vault::updateClient(const model::Client &c)
{
    require(model::Action::EditClient);
    if (c.displayName.trimmed().isEmpty())
        badInput(QStringLiteral("edit client"), QStringLiteral("the client needs a display name"));
    sql::Transaction tx(m_db);
    auto stmt = m_db.prepare("UPDATE clients SET display_name = ?, status = ?, intake_date = ?, setting = ?, "
                             "consent_treatment = ?, consent_part2 = ?, consent_part2_date = ?, consent_part2_scope = ? "
                             "WHERE id = ?");
    bindClientFields(stmt, c);
    stmt.bind(9, c.id).run();
    if (m_db.changes() != 1)
        badInput(QStringLiteral("edit client"), QStringLiteral("no such client"));
    audit(QStringLiteral("edit-client"), QStringLiteral("client:%1").arg(c.id));
    tx.commit();
}

void Vault::dischargeClient(const QString &code, const model::Date &on)
{
    require(model::Action::DischargeClient);
    sql::Transaction tx(m_db);
    m_db.prepare("UPDATE clients SET status = 'discharged', discharged_on = ? WHERE code = ?")
        .bind(1, model::toIso(on))
        .bind(2, code)
        .run();
    if (m_db.changes() != 1)
        badInput(QStringLiteral("discharge client"), QStringLiteral("no client with that code"));
    audit(QStringLiteral("discharge-client"), QStringLiteral("client:%1").arg(client(code)->id));
    tx.commit();
}

namespace {

constexpr auto clientColumns = "id, code, display_name, status, intake_date, setting, consent_treatment, consent_part2, "
                               "consent_part2_date, consent_part2_scope";

model::Client readClient(sql::Statement &s)
{
    model::Client c;
    c.id = s.int64(0);
    c.code = s.text(1);
    c.displayName = s.text(2);
    c.status = model::parseClientStatus(s.text(3)).value_or(model::ClientStatus::Active);
    if (const auto d = s.optionalText(4))
        c.intakeDate = model::parseDate(*d);
    if (const auto st = s.optionalText(5))
        c.setting = model::parseSetting(*st);
    c.consentTreatment = s.int64(6) != 0;
    c.consentPart2 = s.int64(7) != 0;
    if (const auto d = s.optionalText(8))
        c.consentPart2Date = model::parseDate(*d);
    c.consentPart2Scope = s.text(9);
    return c;
}

} // namespace

std::optional<model::Client> Vault::client(const QString &code)
{
    auto stmt = m_db.prepare(std::string("SELECT ") + clientColumns + " FROM clients WHERE code = ?");
    stmt.bind(1, code);
    if (!stmt.step())
        return std::nullopt;
    return readClient(stmt);
}

QList<model::Client> Vault::clients()
{
    QList<model::Client> list;
    auto stmt = m_db.prepare(std::string("SELECT ") + clientColumns + " FROM clients ORDER BY code");
    while (stmt.step())
        list.append(readClient(stmt));
    return list;
}

void Vault::setShareableSummary(const QString &clientCode, const QString &text)
{
    require(model::Action::WriteNote);
    const QString what = QStringLiteral("client summary");
    const auto c = client(clientCode);
    if (!c)
        badInput(what, QStringLiteral("no client with that code"));
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO client_summaries(client_id, text, author_id, created) VALUES (?, ?, ?, ?)")
        .bind(1, c->id)
        .bind(2, text.trimmed())
        .bind(3, m_user.id)
        .bind(4, now())
        .run();
    audit(QStringLiteral("edit-summary"), QStringLiteral("client:%1").arg(c->id),
          QStringLiteral("summary:%1").arg(m_db.lastInsertId()));
    tx.commit();
}

std::optional<model::ClientSummary> Vault::shareableSummary(const QString &clientCode)
{
    require(model::Action::ReadRecords);
    auto stmt = m_db.prepare("SELECT s.text, u.name, s.created FROM client_summaries s JOIN clients c ON c.id = s.client_id "
                             "JOIN users u ON u.id = s.author_id WHERE c.code = ? ORDER BY s.id DESC LIMIT 1");
    stmt.bind(1, clientCode);
    if (!stmt.step())
        return std::nullopt;
    return model::ClientSummary{stmt.text(0), stmt.text(1), stmt.text(2)};
}

// ---- sessions and notes ------------------------------------------------------------------------

Vault::SessionCreated Vault::addSession(const model::Session &session, const QString &templateId, model::NoteKind kind,
                                        const QList<model::Section> &sections)
{
    require(model::Action::WriteNote);
    const QString what = QStringLiteral("add session");
    if (session.date.is_special())
        badInput(what, QStringLiteral("the session needs a valid date"));
    if (session.minutes < 1 || session.minutes > 1440)
        badInput(what, QStringLiteral("a session lasts 1 to 1440 minutes"));
    if (session.attendees.isEmpty())
        badInput(what, QStringLiteral("a session needs at least one client"));
    if (session.modality == model::Modality::Individual && session.attendees.size() > 1)
        badInput(what, QStringLiteral("an individual session has one client; use group, couple or family"));
    if (!model::findTemplate(templateId))
        badInput(what, QStringLiteral("unknown note template"));
    if (kind == model::NoteKind::Process && session.attendees.size() > 1)
        badInput(what, QStringLiteral("a process note belongs to one client's session"));

    SessionCreated created;
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO sessions(date, start_time, minutes, modality, setting, group_topic, created_by, created) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, model::toIso(session.date))
        .bind(2, session.start ? std::optional(model::toIso(*session.start)) : std::nullopt)
        .bind(3, session.minutes)
        .bind(4, model::toString(session.modality))
        .bind(5, session.setting ? std::optional(model::toString(*session.setting)) : std::nullopt)
        .bind(6, session.groupTopic)
        .bind(7, m_user.id)
        .bind(8, now())
        .run();
    created.session = m_db.lastInsertId();
    const QString stamp = now();
    const QString sectionsJson = model::sectionsToJson(sections);
    const QString body = model::textOf(sections);
    auto attendee = m_db.prepare("INSERT INTO session_attendees(session_id, client_id, attendance) VALUES (?, ?, ?)");
    for (const auto &a : session.attendees) {
        const auto c = client(a.clientCode);
        if (!c)
            badInput(what, QStringLiteral("no client with that code"));
        attendee.bind(1, created.session).bind(2, c->id).bind(3, model::toString(a.attendance)).run();
        attendee.reset();
        created.notes.append(insertNote(created.session, c->id, templateId, kind, sectionsJson, body, stamp));
    }
    tx.commit();
    return created;
}

// ---- editing a session's details (while its notes are drafts)

void Vault::updateSession(const model::Session &session)
{
    require(model::Action::WriteNote);
    const QString what = QStringLiteral("edit session");
    if (session.date.is_special())
        badInput(what, QStringLiteral("the session needs a valid date"));
    if (session.minutes < 1 || session.minutes > 1440)
        badInput(what, QStringLiteral("a session lasts 1 to 1440 minutes"));
    if (session.attendees.isEmpty())
        badInput(what, QStringLiteral("a session needs at least one client"));
    if (session.modality == model::Modality::Individual && session.attendees.size() > 1)
        badInput(what, QStringLiteral("an individual session has one client; use group, couple or family"));

    auto owner = m_db.prepare("SELECT created_by FROM sessions WHERE id = ?");
    owner.bind(1, session.id);
    if (!owner.step())
        badInput(what, QStringLiteral("no session with that id"));
    if (owner.int64(0) != m_user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the clinician who made the session changes it"));
    auto notes = m_db.prepare("SELECT author_id, status FROM notes WHERE session_id = ?");
    notes.bind(1, session.id);
    while (notes.step()) {
        if (notes.int64(0) != m_user.id)
            throw Error(ErrorKind::NotAllowed, what, QStringLiteral("another clinician has a note on the session"));
        if (notes.text(1) != QLatin1String("draft"))
            throw Error(ErrorKind::Conflict, what,
                        QStringLiteral("a note on the session is signed, so its details can no longer change"));
    }

    const model::Session was = this->session(session.id);
    QStringList wasCodes;
    for (const auto &a : was.attendees)
        wasCodes << a.clientCode;
    QStringList codes;
    for (const auto &a : session.attendees)
        codes << a.clientCode;
    wasCodes.sort();
    codes.sort();
    if (codes != wasCodes)
        badInput(what, QStringLiteral("the session's clients cannot change, only their attendance"));

    // What changed, by field name only (the trail never holds a topic or a client's attendance).
    QStringList changed;
    if (was.date != session.date)
        changed << QStringLiteral("date");
    if (was.start != session.start)
        changed << QStringLiteral("start");
    if (was.minutes != session.minutes)
        changed << QStringLiteral("minutes");
    if (was.modality != session.modality)
        changed << QStringLiteral("modality");
    if (was.setting != session.setting)
        changed << QStringLiteral("setting");
    if (was.groupTopic != session.groupTopic)
        changed << QStringLiteral("group topic");
    bool attendanceChanged = false;
    for (const auto &a : session.attendees)
        for (const auto &b : was.attendees)
            attendanceChanged = attendanceChanged || (a.clientCode == b.clientCode && a.attendance != b.attendance);
    if (attendanceChanged)
        changed << QStringLiteral("attendance");

    sql::Transaction tx(m_db);
    m_db.prepare("UPDATE sessions SET date = ?, start_time = ?, minutes = ?, modality = ?, setting = ?, group_topic = ? "
                 "WHERE id = ?")
        .bind(1, model::toIso(session.date))
        .bind(2, session.start ? std::optional(model::toIso(*session.start)) : std::nullopt)
        .bind(3, session.minutes)
        .bind(4, model::toString(session.modality))
        .bind(5, session.setting ? std::optional(model::toString(*session.setting)) : std::nullopt)
        .bind(6, session.groupTopic)
        .bind(7, session.id)
        .run();
    auto attendance = m_db.prepare("UPDATE session_attendees SET attendance = ? WHERE session_id = ? AND client_id = "
                                   "(SELECT id FROM clients WHERE code = ?)");
    for (const auto &a : session.attendees) {
        attendance.bind(1, model::toString(a.attendance)).bind(2, session.id).bind(3, a.clientCode).run();
        attendance.reset();
    }
    audit(QStringLiteral("edit-session"), QStringLiteral("session:%1").arg(session.id),
          changed.isEmpty() ? QStringLiteral("unchanged") : changed.join(QLatin1Char(',')));
    tx.commit();
}

QList<Vault::SessionNoteRef> Vault::ownSessionNotes(Id sessionId)
{
    require(model::Action::ReadRecords);
    auto stmt = m_db.prepare("SELECT n.id, c.code, n.kind FROM notes n JOIN clients c ON c.id = n.client_id "
                             "WHERE n.session_id = ? AND n.author_id = ? ORDER BY c.code, n.id");
    stmt.bind(1, sessionId).bind(2, m_user.id);
    QList<SessionNoteRef> refs;
    while (stmt.step())
        refs.append({stmt.int64(0), stmt.text(1), model::parseNoteKind(stmt.text(2)).value_or(model::NoteKind::Progress)});
    return refs;
}

model::Session Vault::session(Id id)
{
    auto stmt = m_db.prepare("SELECT id, date, start_time, minutes, modality, setting, group_topic FROM sessions "
                             "WHERE id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        badInput(QStringLiteral("show session"), QStringLiteral("no session with that id"));
    model::Session s;
    s.id = stmt.int64(0);
    s.date = model::parseDate(stmt.text(1)).value_or(model::Date());
    if (const auto t = stmt.optionalText(2))
        s.start = model::parseTime(*t);
    s.minutes = static_cast<int>(stmt.int64(3));
    s.modality = model::parseModality(stmt.text(4)).value_or(model::Modality::Individual);
    if (const auto st = stmt.optionalText(5))
        s.setting = model::parseSetting(*st);
    s.groupTopic = stmt.text(6);
    auto att = m_db.prepare("SELECT a.client_id, c.code, a.attendance FROM session_attendees a "
                            "JOIN clients c ON c.id = a.client_id WHERE a.session_id = ? ORDER BY c.code");
    att.bind(1, id);
    while (att.step())
        s.attendees.append({att.int64(0), att.text(1),
                            model::parseAttendance(att.text(2)).value_or(model::Attendance::Attended)});
    return s;
}

namespace {

constexpr auto noteSelect =
    "SELECT n.id, n.session_id, n.client_id, c.code, s.date, n.author_id, a.name, n.template, n.kind, n.status, "
    "n.sections, n.created, n.updated, sb.name, n.signed_at, n.content_hash, cb.name, n.cosigned_at, n.cosign_hash, "
    "EXISTS (SELECT 1 FROM supervision WHERE therapist_id = n.author_id AND mode = 'must-cosign') "
    "FROM notes n JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
    "JOIN users a ON a.id = n.author_id LEFT JOIN users sb ON sb.id = n.signed_by "
    "LEFT JOIN users cb ON cb.id = n.cosigned_by ";

} // namespace

model::Note Vault::readNote(sql::Statement &s) const
{
    model::Note n;
    n.id = s.int64(0);
    n.sessionId = s.int64(1);
    n.clientId = s.int64(2);
    n.clientCode = s.text(3);
    n.sessionDate = model::parseDate(s.text(4)).value_or(model::Date());
    n.authorId = s.int64(5);
    n.author = s.text(6);
    n.templateId = s.text(7);
    n.kind = model::parseNoteKind(s.text(8)).value_or(model::NoteKind::Progress);
    n.status = model::parseNoteStatus(s.text(9)).value_or(model::NoteStatus::Draft);
    n.sections = model::sectionsFromJson(s.text(10));
    n.created = s.text(11);
    n.updated = s.text(12);
    n.signedBy = s.text(13);
    n.signedAt = s.text(14);
    n.contentHash = s.text(15);
    n.cosignedBy = s.text(16);
    n.cosignedAt = s.text(17);
    n.cosignHash = s.text(18);
    n.cosignRequired = s.int64(19) != 0;
    return n;
}

model::Note Vault::note(Id id)
{
    model::Note n = loadNote(id);
    recordEvent(QStringLiteral("view-note"), QStringLiteral("note:%1").arg(id));
    return n;
}

model::Note Vault::loadNote(Id id)
{
    auto stmt = m_db.prepare(std::string(noteSelect) + "WHERE n.id = ?");
    stmt.bind(1, id);
    if (!stmt.step())
        badInput(QStringLiteral("show note"), QStringLiteral("no note with that id"));
    model::Note n = readNote(stmt);
    // Process notes are the author's private notes.
    if (n.kind == model::NoteKind::Process && n.authorId != m_user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("show note"),
                    QStringLiteral("a process note is readable by its author only"));
    if (m_user.role == model::Role::Supervisor && !supervises(n.authorId))
        throw Error(ErrorKind::NotAllowed, QStringLiteral("show note"),
                    QStringLiteral("a supervisor reads the notes of the therapists assigned to them only"));
    return n;
}

QList<model::Note> Vault::notesForClient(const QString &code, bool includeProcessNotes)
{
    QList<model::Note> list = loadNotesForClient(code, includeProcessNotes);
    if (const auto c = client(code))
        recordEvent(QStringLiteral("view-notes"), QStringLiteral("client:%1").arg(c->id),
                    QStringLiteral("%1 notes%2").arg(list.size()).arg(includeProcessNotes ? QStringLiteral(", process notes included") : QString()));
    return list;
}

QList<model::Note> Vault::loadNotesForClient(const QString &code, bool includeProcessNotes)
{
    QList<model::Note> list;
    auto stmt = m_db.prepare(std::string(noteSelect)
                             + "WHERE c.code = ? AND (n.kind = 'progress' OR (? AND n.author_id = ?)) "
                               "AND (NOT ? OR n.author_id IN (SELECT therapist_id FROM supervision WHERE supervisor_id = ?)) "
                               "ORDER BY s.date, s.start_time, n.id");
    stmt.bind(1, code)
        .bind(2, includeProcessNotes ? 1 : 0)
        .bind(3, m_user.id)
        .bind(4, m_user.role == model::Role::Supervisor ? 1 : 0)
        .bind(5, m_user.id);
    while (stmt.step())
        list.append(readNote(stmt));
    return list;
}

Id Vault::addNote(Id sessionId, const QString &clientCode, const QString &templateId, model::NoteKind kind,
                  const QList<model::Section> &sections)
{
    require(model::Action::WriteNote);
    const QString what = QStringLiteral("add note");
    if (!model::findTemplate(templateId))
        badInput(what, QStringLiteral("unknown note template"));
    const auto c = client(clientCode);
    if (!c)
        badInput(what, QStringLiteral("no client with that code"));
    auto attended = m_db.prepare("SELECT 1 FROM session_attendees WHERE session_id = ? AND client_id = ?");
    attended.bind(1, sessionId).bind(2, c->id);
    if (!attended.step())
        badInput(what, QStringLiteral("the client is not on that session"));
    sql::Transaction tx(m_db);
    const Id id = insertNote(sessionId, c->id, templateId, kind, model::sectionsToJson(sections), model::textOf(sections), now());
    tx.commit();
    return id;
}

Id Vault::insertNote(Id sessionId, Id clientId, const QString &templateId, model::NoteKind kind,
                     const QString &sectionsJson, const QString &body, const QString &stamp)
{
    m_db.prepare("INSERT INTO notes(session_id, client_id, author_id, template, kind, sections, body, created, updated) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, sessionId)
        .bind(2, clientId)
        .bind(3, m_user.id)
        .bind(4, templateId)
        .bind(5, model::toString(kind))
        .bind(6, sectionsJson)
        .bind(7, body)
        .bind(8, stamp)
        .bind(9, stamp)
        .run();
    const Id id = m_db.lastInsertId();
    storeTags(id, body);
    audit(QStringLiteral("create-note"), QStringLiteral("note:%1").arg(id), QStringLiteral("session:%1").arg(sessionId));
    return id;
}

void Vault::inOneTransaction(const std::function<void()> &work)
{
    sql::Transaction tx(m_db);
    work();
    tx.commit();
}

// ---- outcome measures --------------------------------------------------------------------------

Id Vault::addMeasure(const QString &clientCode, const model::Date &date, const QString &instrument,
                     const QList<int> &answers)
{
    require(model::Action::AddMeasure);
    const QString what = QStringLiteral("add measure");
    if (date.is_special())
        badInput(what, QStringLiteral("the measure needs a valid date"));
    const model::Score scored = model::score(instrument, answers);
    const auto c = client(clientCode);
    if (!c)
        throw Error(ErrorKind::Usage, what, QStringLiteral("no client with that code"));
    QStringList items;
    for (int a : answers)
        items.append(QString::number(a));
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO measures(client_id, date, instrument, answers, total, band, entered_by, created) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, c->id)
        .bind(2, model::toIso(date))
        .bind(3, instrument)
        .bind(4, items.join(u','))
        .bind(5, scored.total)
        .bind(6, scored.band)
        .bind(7, m_user.id)
        .bind(8, now())
        .run();
    const Id id = m_db.lastInsertId();
    audit(QStringLiteral("add-measure"), QStringLiteral("client:%1").arg(c->id), instrument);
    tx.commit();
    return id;
}

QList<model::Measure> Vault::measures(const QString &clientCode)
{
    QList<model::Measure> list;
    auto stmt = m_db.prepare("SELECT m.id, m.client_id, m.date, m.instrument, m.answers, m.total, m.band "
                             "FROM measures m JOIN clients c ON c.id = m.client_id WHERE c.code = ? "
                             "ORDER BY m.date, m.id");
    stmt.bind(1, clientCode);
    while (stmt.step()) {
        model::Measure m;
        m.id = stmt.int64(0);
        m.clientId = stmt.int64(1);
        m.date = model::parseDate(stmt.text(2)).value_or(model::Date());
        m.instrument = stmt.text(3);
        for (const QString &item : stmt.text(4).split(u',', Qt::SkipEmptyParts))
            m.answers.append(item.toInt());
        m.total = static_cast<int>(stmt.int64(5));
        m.band = stmt.text(6);
        list.append(m);
    }
    return list;
}

void Vault::saveDraft(Id noteId, const QList<model::Section> &sections)
{
    require(model::Action::WriteNote);
    const model::Note n = loadNote(noteId);
    if (n.status != model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, QStringLiteral("edit note"),
                    QStringLiteral("the note is signed and cannot change; add an addendum"));
    if (n.authorId != m_user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("edit note"), QStringLiteral("only the author edits a draft"));
    const QString body = model::textOf(sections);
    sql::Transaction tx(m_db);
    m_db.prepare("UPDATE notes SET sections = ?, body = ?, updated = ? WHERE id = ? AND status = 'draft'")
        .bind(1, model::sectionsToJson(sections))
        .bind(2, body)
        .bind(3, now())
        .bind(4, noteId)
        .run();
    storeTags(noteId, body);
    audit(QStringLiteral("edit-draft"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

void Vault::deleteDraft(Id noteId)
{
    require(model::Action::WriteNote);
    const model::Note n = loadNote(noteId);
    if (n.status != model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, QStringLiteral("delete note"), QStringLiteral("a signed note cannot be deleted"));
    if (n.authorId != m_user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("delete note"), QStringLiteral("only the author deletes a draft"));
    auto commented = m_db.prepare("SELECT 1 FROM note_comments WHERE note_id = ? LIMIT 1");
    commented.bind(1, noteId);
    if (commented.step())
        throw Error(ErrorKind::Conflict, QStringLiteral("delete note"),
                    QStringLiteral("the draft has a supervisor's comments and stays in the record"));
    sql::Transaction tx(m_db);
    m_db.prepare("DELETE FROM theme_hits WHERE note_id = ?").bind(1, noteId).run();
    m_db.prepare("DELETE FROM note_themes WHERE note_id = ?").bind(1, noteId).run();
    m_db.prepare("DELETE FROM notes WHERE id = ?").bind(1, noteId).run();
    audit(QStringLiteral("delete-draft"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

QString Vault::canonicalContent(const model::Note &n) const
{
    const QJsonArray sections = model::sectionsJsonArray(n.sections);
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    const QJsonObject content{{QStringLiteral("note"), static_cast<double>(n.id)},
                              {QStringLiteral("session"), static_cast<double>(n.sessionId)},
                              {QStringLiteral("client"), n.clientCode},
                              {QStringLiteral("date"), model::toIso(n.sessionDate)},
                              {QStringLiteral("author"), n.author},
                              {QStringLiteral("template"), n.templateId},
                              {QStringLiteral("kind"), model::toString(n.kind)},
                              {QStringLiteral("sections"), sections},
                              {QStringLiteral("signed_by"), n.signedBy},
                              {QStringLiteral("signed_at"), n.signedAt}};
    return QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

void Vault::sign(Id noteId)
{
    require(model::Action::SignNote);
    model::Note n = loadNote(noteId);
    if (n.status != model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, QStringLiteral("sign note"), QStringLiteral("the note is already signed"));
    if (n.authorId != m_user.id)
        throw Error(ErrorKind::NotAllowed, QStringLiteral("sign note"), QStringLiteral("only the author signs a note"));
    if (n.text().trimmed().isEmpty())
        badInput(QStringLiteral("sign note"), QStringLiteral("an empty note cannot be signed"));
    n.signedBy = m_user.name;
    n.signedAt = now();
    const QString hash = sha256Hex(canonicalContent(n).toUtf8());
    sql::Transaction tx(m_db);
    m_db.prepare("UPDATE notes SET status = 'signed', signed_by = ?, signed_at = ?, content_hash = ? "
                 "WHERE id = ? AND status = 'draft'")
        .bind(1, m_user.id)
        .bind(2, n.signedAt)
        .bind(3, hash)
        .bind(4, noteId)
        .run();
    audit(QStringLiteral("sign"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

bool Vault::verifySignature(Id noteId)
{
    const model::Note n = loadNote(noteId);
    if (n.status == model::NoteStatus::Draft)
        return false;
    if (sha256Hex(canonicalContent(n).toUtf8()) != n.contentHash)
        return false;
    return n.status != model::NoteStatus::Cosigned
        || sha256Hex(cosignContent(n, n.cosignedBy, n.cosignedAt).toUtf8()) == n.cosignHash;
}

Id Vault::addAddendum(Id noteId, const QString &text)
{
    require(model::Action::AddAddendum);
    const QString what = QStringLiteral("add addendum");
    if (text.trimmed().isEmpty())
        badInput(what, QStringLiteral("the addendum is empty"));
    const model::Note n = loadNote(noteId);
    if (n.authorId != m_user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the note's author adds an addendum"));
    if (n.status == model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is a draft: edit it instead"));
    const QString signedAt = now();
    const QJsonObject content{{QStringLiteral("note"), static_cast<double>(noteId)},
                              {QStringLiteral("note_hash"), n.contentHash},
                              {QStringLiteral("author"), m_user.name},
                              {QStringLiteral("text"), text},
                              {QStringLiteral("signed_at"), signedAt}};
    const QString hash = sha256Hex(QJsonDocument(content).toJson(QJsonDocument::Compact));
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO addenda(note_id, author_id, text, signed_at, content_hash) VALUES (?, ?, ?, ?, ?)")
        .bind(1, noteId)
        .bind(2, m_user.id)
        .bind(3, text)
        .bind(4, signedAt)
        .bind(5, hash)
        .run();
    const Id id = m_db.lastInsertId();
    audit(QStringLiteral("addendum"), QStringLiteral("note:%1").arg(noteId), QStringLiteral("addendum:%1").arg(id));
    tx.commit();
    return id;
}

QList<model::Addendum> Vault::addenda(Id noteId)
{
    QList<model::Addendum> list;
    auto stmt = m_db.prepare("SELECT a.id, a.note_id, u.name, a.text, a.signed_at, a.content_hash FROM addenda a "
                             "JOIN users u ON u.id = a.author_id WHERE a.note_id = ? ORDER BY a.signed_at, a.id");
    stmt.bind(1, noteId);
    while (stmt.step())
        list.append({stmt.int64(0), stmt.int64(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5)});
    return list;
}

// ---- supervision -------------------------------------------------------------------------------

bool Vault::supervises(Id therapistId)
{
    auto stmt = m_db.prepare("SELECT 1 FROM supervision WHERE therapist_id = ? AND supervisor_id = ?");
    stmt.bind(1, therapistId).bind(2, m_user.id);
    return stmt.step();
}

namespace {

// The user's id and role by name; Error(Usage) naming which user is missing.
std::pair<Id, model::Role> userByName(sql::Database &db, const QString &name, const QString &what, const QString &which)
{
    auto stmt = db.prepare("SELECT id, role FROM users WHERE name = ?");
    stmt.bind(1, name);
    if (!stmt.step())
        throw Error(ErrorKind::Usage, what, QStringLiteral("no %1 with that name").arg(which));
    return {stmt.int64(0), model::parseRole(stmt.text(1)).value_or(model::Role::Auditor)};
}

} // namespace

void Vault::assignSupervision(const QString &therapist, const QString &supervisor, model::SupervisionMode mode)
{
    require(model::Action::AssignSupervision);
    const QString what = QStringLiteral("supervise assign");
    const auto [therapistId, therapistRole] = userByName(m_db, therapist, what, QStringLiteral("therapist"));
    const auto [supervisorId, supervisorRole] = userByName(m_db, supervisor, what, QStringLiteral("supervisor"));
    if (therapistRole != model::Role::Therapist)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the supervised user must be a therapist"));
    if (supervisorRole != model::Role::Supervisor)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the supervising user must be a supervisor"));
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO supervision(therapist_id, supervisor_id, mode, assigned_by, assigned_at) "
                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT(therapist_id, supervisor_id) DO UPDATE SET "
                 "mode = excluded.mode, assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at")
        .bind(1, therapistId)
        .bind(2, supervisorId)
        .bind(3, model::toString(mode))
        .bind(4, m_user.id)
        .bind(5, now())
        .run();
    audit(QStringLiteral("assign-supervision"), QStringLiteral("user:%1").arg(therapistId),
          QStringLiteral("supervisor user:%1, %2").arg(supervisorId).arg(model::toString(mode)));
    tx.commit();
}

QList<model::Supervision> Vault::supervision()
{
    require(model::Action::ReadRecords);
    QList<model::Supervision> list;
    auto stmt = m_db.prepare("SELECT t.name, s.name, v.mode, b.name, v.assigned_at FROM supervision v "
                             "JOIN users t ON t.id = v.therapist_id JOIN users s ON s.id = v.supervisor_id "
                             "JOIN users b ON b.id = v.assigned_by ORDER BY t.name, s.name");
    while (stmt.step())
        list.append({stmt.text(0), stmt.text(1),
                     model::parseSupervisionMode(stmt.text(2)).value_or(model::SupervisionMode::Review), stmt.text(3),
                     stmt.text(4)});
    return list;
}

model::Note Vault::supervisedNote(Id noteId, const QString &what)
{
    model::Note n = loadNote(noteId); // a supervisor reads only their therapists' progress notes
    if (n.kind == model::NoteKind::Process || !supervises(n.authorId))
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("the note's author is not a therapist assigned to this supervisor"));
    if (n.status == model::NoteStatus::Draft)
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is a draft; it can be reviewed once signed"));
    if (n.status == model::NoteStatus::Cosigned)
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is already co-signed"));
    return n;
}

QString Vault::cosignContent(const model::Note &n, const QString &by, const QString &at)
{
    // The co-signature covers the note through its signed hash.
    const QJsonObject content{{QStringLiteral("note"), static_cast<double>(n.id)},
                              {QStringLiteral("content_hash"), n.contentHash},
                              {QStringLiteral("cosigned_by"), by},
                              {QStringLiteral("cosigned_at"), at}};
    return QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

void Vault::cosign(Id noteId)
{
    require(model::Action::Cosign);
    const model::Note n = supervisedNote(noteId, QStringLiteral("co-sign note"));
    const QString at = now();
    const QString hash = sha256Hex(cosignContent(n, m_user.name, at).toUtf8());
    sql::Transaction tx(m_db);
    m_db.prepare("UPDATE notes SET status = 'cosigned', cosigned_by = ?, cosigned_at = ?, cosign_hash = ? "
                 "WHERE id = ? AND status = 'signed'")
        .bind(1, m_user.id)
        .bind(2, at)
        .bind(3, hash)
        .bind(4, noteId)
        .run();
    audit(QStringLiteral("cosign"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

Id Vault::returnNote(Id noteId, const QString &text)
{
    require(model::Action::ReturnNote);
    const QString what = QStringLiteral("return note");
    if (text.trimmed().isEmpty())
        badInput(what, QStringLiteral("a returned note needs a comment saying what to address"));
    (void)supervisedNote(noteId, what);
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO note_comments(note_id, author_id, returned, text, created) VALUES (?, ?, 1, ?, ?)")
        .bind(1, noteId)
        .bind(2, m_user.id)
        .bind(3, text)
        .bind(4, now())
        .run();
    const Id id = m_db.lastInsertId();
    audit(QStringLiteral("return"), QStringLiteral("note:%1").arg(noteId), QStringLiteral("comment:%1").arg(id));
    tx.commit();
    return id;
}

Id Vault::comment(Id noteId, const QString &text)
{
    require(model::Action::Comment);
    const QString what = QStringLiteral("comment");
    if (text.trimmed().isEmpty())
        badInput(what, QStringLiteral("the comment is empty"));
    const model::Note n = loadNote(noteId);
    if (n.authorId != m_user.id && !supervises(n.authorId))
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("comments come from the note's author or a supervisor assigned to them"));
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO note_comments(note_id, author_id, returned, text, created) VALUES (?, ?, 0, ?, ?)")
        .bind(1, noteId)
        .bind(2, m_user.id)
        .bind(3, text)
        .bind(4, now())
        .run();
    const Id id = m_db.lastInsertId();
    audit(QStringLiteral("comment"), QStringLiteral("note:%1").arg(noteId), QStringLiteral("comment:%1").arg(id));
    tx.commit();
    return id;
}

QList<model::NoteComment> Vault::comments(Id noteId)
{
    (void)loadNote(noteId);
    QList<model::NoteComment> list;
    auto stmt = m_db.prepare("SELECT k.id, k.note_id, u.name, k.returned, k.text, k.created FROM note_comments k "
                             "JOIN users u ON u.id = k.author_id WHERE k.note_id = ? ORDER BY k.id");
    stmt.bind(1, noteId);
    while (stmt.step())
        list.append({stmt.int64(0), stmt.int64(1), stmt.text(2), stmt.int64(3) != 0, stmt.text(4), stmt.text(5)});
    return list;
}

QList<model::QueueItem> Vault::reviewQueue()
{
    require(model::Action::ReviewQueue);
    // A note is returned while its newest return is later than its author's newest addendum.
    // A supervisor sees each note of their therapists once; a therapist sees each of their
    // notes once per supervisor.
    auto stmt = m_db.prepare(
        "SELECT n.id, c.code, s.date, a.name, su.name, v.mode, n.signed_at, "
        "  coalesce((SELECT max(k.id) FROM note_comments k WHERE k.note_id = n.id AND k.returned = 1 "
        "            AND k.created > coalesce((SELECT max(d.signed_at) FROM addenda d "
        "                                      WHERE d.note_id = n.id AND d.author_id = n.author_id), '')), 0), "
        "  (SELECT count(*) FROM note_comments k WHERE k.note_id = n.id) "
        "FROM notes n JOIN supervision v ON v.therapist_id = n.author_id "
        "JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
        "JOIN users a ON a.id = n.author_id JOIN users su ON su.id = v.supervisor_id "
        "WHERE n.status = 'signed' AND n.kind = 'progress' AND (v.supervisor_id = ? OR n.author_id = ?) "
        "ORDER BY a.name, n.signed_at, n.id, su.name");
    stmt.bind(1, m_user.role == model::Role::Supervisor ? m_user.id : Id(-1))
        .bind(2, m_user.role == model::Role::Therapist ? m_user.id : Id(-1));
    QList<model::QueueItem> queue;
    while (stmt.step()) {
        model::QueueItem item;
        item.noteId = stmt.int64(0);
        item.clientCode = stmt.text(1);
        item.sessionDate = model::parseDate(stmt.text(2)).value_or(model::Date());
        item.therapist = stmt.text(3);
        item.supervisor = stmt.text(4);
        item.mode = model::parseSupervisionMode(stmt.text(5)).value_or(model::SupervisionMode::Review);
        item.signedAt = stmt.text(6);
        item.returned = stmt.int64(7) != 0;
        item.comments = static_cast<int>(stmt.int64(8));
        queue.append(item);
    }
    recordEvent(QStringLiteral("view-queue"), QStringLiteral("queue"), QStringLiteral("%1 notes").arg(queue.size()));
    return queue;
}

// ---- blind agreement check -----------------------------------------------------------------------

void Vault::requireNotBlind(Id noteId)
{
    if (m_user.role != model::Role::Supervisor)
        return;
    auto stmt = m_db.prepare("SELECT r.check_id FROM agreement_ratings r JOIN agreement_checks k ON k.id = r.check_id "
                             "WHERE r.note_id = ? AND k.supervisor_id = ? AND r.themes IS NULL LIMIT 1");
    stmt.bind(1, noteId).bind(2, m_user.id);
    if (stmt.step())
        throw Error(ErrorKind::NotAllowed, QStringLiteral("show themes"),
                    QStringLiteral("the note is in agreement check %1: rate it blind before seeing its themes")
                        .arg(stmt.int64(0)));
}

Vault::AgreementSample Vault::startAgreementCheck(const QString &therapist, int sampleSize)
{
    require(model::Action::AgreementCheck);
    const QString what = QStringLiteral("agreement check");
    if (sampleSize < 1 || sampleSize > 200)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a sample of 1 to 200 notes"));
    const auto [therapistId, role] = userByName(m_db, therapist, what, QStringLiteral("therapist"));
    if (role != model::Role::Therapist || !supervises(therapistId))
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("the therapist is not assigned to this supervisor"));
    QList<Id> signedNotes;
    auto find = m_db.prepare("SELECT id FROM notes WHERE author_id = ? AND kind = 'progress' AND status <> 'draft' "
                             "ORDER BY id");
    find.bind(1, therapistId);
    while (find.step())
        signedNotes.append(find.int64(0));
    if (signedNotes.isEmpty())
        throw Error(ErrorKind::Usage, what, QStringLiteral("the therapist has no signed notes to sample"));
    // A partial Fisher-Yates shuffle with libsodium's unbiased generator: the therapist cannot
    // know which notes will be drawn.
    const int n = std::min<int>(sampleSize, static_cast<int>(signedNotes.size()));
    for (int i = 0; i < n; ++i) {
        const auto j = i + static_cast<int>(randombytes_uniform(static_cast<uint32_t>(signedNotes.size() - i)));
        signedNotes.swapItemsAt(i, j);
    }
    AgreementSample sample;
    sample.therapist = therapist;
    sample.notes = signedNotes.mid(0, n);
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO agreement_checks(supervisor_id, therapist_id, created) VALUES (?, ?, ?)")
        .bind(1, m_user.id)
        .bind(2, therapistId)
        .bind(3, now())
        .run();
    sample.check = m_db.lastInsertId();
    auto add = m_db.prepare("INSERT INTO agreement_ratings(check_id, note_id, position) VALUES (?, ?, ?)");
    for (qsizetype i = 0; i < sample.notes.size(); ++i) {
        add.bind(1, sample.check).bind(2, sample.notes.at(i)).bind(3, static_cast<std::int64_t>(i)).run();
        add.reset();
    }
    audit(QStringLiteral("start-agreement-check"), QStringLiteral("agreement:%1").arg(sample.check),
          QStringLiteral("user:%1, %2 notes").arg(therapistId).arg(n));
    tx.commit();
    return sample;
}

Vault::AgreementSample Vault::agreementCheck(Id check)
{
    require(model::Action::AgreementCheck);
    auto head = m_db.prepare("SELECT t.name FROM agreement_checks k JOIN users t ON t.id = k.therapist_id "
                             "WHERE k.id = ? AND k.supervisor_id = ?");
    head.bind(1, check).bind(2, m_user.id);
    if (!head.step())
        throw Error(ErrorKind::Usage, QStringLiteral("agreement check"), QStringLiteral("no agreement check of yours with that id"));
    AgreementSample sample;
    sample.check = check;
    sample.therapist = head.text(0);
    auto rows = m_db.prepare("SELECT note_id, themes IS NOT NULL FROM agreement_ratings WHERE check_id = ? "
                             "ORDER BY position");
    rows.bind(1, check);
    while (rows.step()) {
        sample.notes.append(rows.int64(0));
        if (rows.int64(1) != 0)
            sample.rated.append(rows.int64(0));
    }
    return sample;
}

void Vault::rateBlind(Id check, Id noteId, const QStringList &themes)
{
    const QString what = QStringLiteral("agreement rate");
    const AgreementSample sample = agreementCheck(check);
    if (!sample.notes.contains(noteId))
        throw Error(ErrorKind::Usage, what, QStringLiteral("the note is not in that agreement check"));
    if (sample.rated.contains(noteId))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the note is already rated in that check"));
    QStringList clean;
    for (const QString &t : themes) {
        const QString id = t.trimmed();
        if (id.isEmpty())
            continue;
        if (!codebook().find(id))
            throw Error(ErrorKind::Usage, what, QStringLiteral("the codebook has no theme \"%1\"").arg(id));
        if (!clean.contains(id))
            clean.append(id);
    }
    clean.sort();
    sql::Transaction tx(m_db);
    m_db.prepare("UPDATE agreement_ratings SET themes = ?, rated_at = ? WHERE check_id = ? AND note_id = ?")
        .bind(1, clean.join(u' '))
        .bind(2, now())
        .bind(3, check)
        .bind(4, noteId)
        .run();
    audit(QStringLiteral("rate-blind"), QStringLiteral("note:%1").arg(noteId), QStringLiteral("agreement:%1").arg(check));
    tx.commit();
}

Vault::AgreementReport Vault::agreementReport(Id check)
{
    const AgreementReport report = agreementFigures(agreementCheck(check), m_user.name);
    recordEvent(QStringLiteral("view-agreement"), QStringLiteral("agreement:%1").arg(check),
                QStringLiteral("%1 notes rated").arg(report.rated));
    return report;
}

Vault::AgreementReport Vault::agreementFigures(const AgreementSample &sample, const QString &supervisor)
{
    const Id check = sample.check;
    AgreementReport report;
    report.check = check;
    report.therapist = sample.therapist;
    report.supervisor = supervisor;
    report.sampled = static_cast<int>(sample.notes.size());
    report.rated = static_cast<int>(sample.rated.size());

    // Per rated note: the supervisor's blind themes; the therapist's (what they let stand: the
    // tagger's suggestions not rejected, and their own tags); the tagger's (all it suggested).
    QList<QSet<QString>> bySupervisor, byTherapist, byTagger;
    auto rating = m_db.prepare("SELECT themes FROM agreement_ratings WHERE check_id = ? AND note_id = ?");
    auto hits = m_db.prepare("SELECT theme, decision, rule FROM theme_hits WHERE note_id = ?");
    QSet<QString> seen;
    for (Id note : sample.rated) {
        rating.bind(1, check).bind(2, note);
        rating.step();
        const QStringList rated = rating.text(0).split(u' ', Qt::SkipEmptyParts);
        rating.reset();
        QSet<QString> supervisor(rated.begin(), rated.end());
        QSet<QString> therapist;
        QSet<QString> tagger;
        hits.bind(1, note);
        while (hits.step()) {
            const QString theme = hits.text(0);
            if (hits.text(1) != QLatin1String("rejected"))
                therapist.insert(theme);
            if (hits.text(2) != QLatin1String("manual"))
                tagger.insert(theme);
        }
        hits.reset();
        seen.unite(supervisor).unite(therapist).unite(tagger);
        bySupervisor.append(supervisor);
        byTherapist.append(therapist);
        byTagger.append(tagger);
    }
    QList<QString> themeIds;
    for (const auto &theme : codebook().themes())
        if (seen.contains(theme.id))
            themeIds.append(theme.id);
    report.supervisorTherapist = themes::cohensKappa(bySupervisor, byTherapist, themeIds);
    report.supervisorTagger = themes::cohensKappa(bySupervisor, byTagger, themeIds);
    report.therapistTagger = themes::cohensKappa(byTherapist, byTagger, themeIds);
    return report;
}

// ---- themes ------------------------------------------------------------------------------------

const themes::Codebook &Vault::codebook()
{
    if (!m_codebook) {
        auto book = std::make_unique<themes::Codebook>(themes::Codebook::builtin());
        const QByteArray edits = codebookEdits();
        if (!edits.isEmpty())
            book->applyEdits(edits); // validated when stored
        m_codebook = std::move(book);
    }
    return *m_codebook;
}

const themes::Tagger &Vault::tagger()
{
    if (!m_tagger)
        m_tagger = std::make_unique<themes::Tagger>(codebook());
    return *m_tagger;
}

QByteArray Vault::codebookEdits()
{
    auto stmt = m_db.prepare("SELECT edits FROM codebook_edits ORDER BY id DESC LIMIT 1");
    return stmt.step() ? stmt.text(0).toUtf8() : QByteArray();
}

void Vault::setCodebookEdits(const QByteArray &json)
{
    require(model::Action::EditCodebook);
    auto book = std::make_unique<themes::Codebook>(themes::Codebook::builtin());
    book->applyEdits(json); // throws with the line and reason; nothing stored
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO codebook_edits(edits, created_by, created) VALUES (?, ?, ?)")
        .bind(1, QString::fromUtf8(json))
        .bind(2, m_user.id)
        .bind(3, now())
        .run();
    audit(QStringLiteral("edit-codebook"), QStringLiteral("codebook:%1").arg(m_db.lastInsertId()));
    tx.commit();
    m_codebook = std::move(book);
    m_tagger.reset();
}

void Vault::refreshNoteThemes(Id noteId)
{
    std::map<QString, int> counts;
    auto hits = m_db.prepare("SELECT theme FROM theme_hits WHERE note_id = ? AND decision <> 'rejected'");
    hits.bind(1, noteId);
    while (hits.step())
        ++counts[hits.text(0)];
    QStringList parts;
    for (const auto &[theme, count] : counts)
        parts.append(theme + u' ' + QString::number(count));
    m_db.prepare("INSERT INTO note_themes(note_id, client_id, session_id, kind, author_id, themes) "
                 "SELECT id, client_id, session_id, kind, author_id, ?2 FROM notes WHERE id = ?1 "
                 "ON CONFLICT(note_id) DO UPDATE SET themes = excluded.themes")
        .bind(1, noteId)
        .bind(2, parts.join(u','))
        .run();
}

void Vault::storeTags(Id noteId, const QString &text)
{
    const themes::TagResult result = tagger().tag(blankHeadings(text));
    // Decided tags keep their decision when their words are still there (at the nearest place);
    // otherwise the decision has nothing left to stand on and goes.
    struct Kept
    {
        Id id;
        QString theme;
        QString evidence;
        int start;
        model::TagDecision decision;
    };
    QList<Kept> decided;
    {
        auto stmt = m_db.prepare("SELECT id, theme, evidence, start, decision FROM theme_hits "
                                 "WHERE note_id = ? AND decision <> 'suggested'");
        stmt.bind(1, noteId);
        while (stmt.step())
            decided.append({stmt.int64(0), stmt.text(1), stmt.text(2), static_cast<int>(stmt.int64(3)),
                            model::parseTagDecision(stmt.text(4)).value_or(model::TagDecision::Confirmed)});
    }
    m_db.prepare("DELETE FROM theme_hits WHERE note_id = ? AND decision = 'suggested'").bind(1, noteId).run();
    auto move = m_db.prepare("UPDATE theme_hits SET start = ?, end = ? WHERE id = ?");
    auto drop = m_db.prepare("DELETE FROM theme_hits WHERE id = ?");
    auto insert = m_db.prepare("INSERT INTO theme_hits(note_id, theme, start, end, evidence, rule, decision) "
                               "VALUES (?, ?, ?, ?, ?, ?, 'suggested')");
    QList<Id> placed;
    for (const Kept &k : decided) {
        // The occurrence of the same words nearest to where the decision was made.
        int best = -1;
        for (qsizetype at = text.indexOf(k.evidence); at >= 0 && !k.evidence.isEmpty();
             at = text.indexOf(k.evidence, at + 1)) {
            if (best < 0 || std::abs(static_cast<int>(at) - k.start) < std::abs(best - k.start))
                best = static_cast<int>(at);
        }
        // Offsets are stored in code points, as the tagger reports them.
        if (best < 0) {
            drop.bind(1, k.id).run();
            drop.reset();
            continue;
        }
        const int cpStart = static_cast<int>(QStringView(text).left(best).toUcs4().size());
        const int cpEnd = cpStart + static_cast<int>(QStringView(k.evidence).toUcs4().size());
        move.bind(1, cpStart).bind(2, cpEnd).bind(3, k.id).run();
        move.reset();
        placed.append(k.id);
    }
    for (const themes::ThemeResult &t : result.themes) {
        for (const themes::Evidence &e : t.evidence) {
            const bool alreadyDecided = std::any_of(decided.begin(), decided.end(), [&](const Kept &k) {
                return k.theme == t.id && k.evidence == e.text && k.decision != model::TagDecision::Manual;
            });
            if (alreadyDecided)
                continue;
            insert.bind(1, noteId).bind(2, t.id).bind(3, e.start).bind(4, e.end).bind(5, e.text).bind(6, e.rule).run();
            insert.reset();
        }
    }
    refreshNoteThemes(noteId);
}

void Vault::retag(Id noteId)
{
    require(model::Action::WriteNote);
    const model::Note n = loadNote(noteId);
    sql::Transaction tx(m_db);
    storeTags(noteId, n.text());
    audit(QStringLiteral("retag"), QStringLiteral("note:%1").arg(noteId));
    tx.commit();
}

QList<model::ThemeTag> Vault::themeTags(Id noteId)
{
    (void)loadNote(noteId); // refuses notes this user may not read
    requireNotBlind(noteId);
    QList<model::ThemeTag> tags;
    auto stmt = m_db.prepare("SELECT h.id, h.note_id, h.theme, h.start, h.end, h.evidence, h.rule, h.decision, "
                             "u.name, h.decided_at FROM theme_hits h LEFT JOIN users u ON u.id = h.decided_by "
                             "WHERE h.note_id = ? ORDER BY h.start, h.theme");
    stmt.bind(1, noteId);
    while (stmt.step())
        tags.append({stmt.int64(0), stmt.int64(1), stmt.text(2), static_cast<int>(stmt.int64(3)),
                     static_cast<int>(stmt.int64(4)), stmt.text(5), stmt.text(6),
                     model::parseTagDecision(stmt.text(7)).value_or(model::TagDecision::Suggested), stmt.text(8),
                     stmt.text(9)});
    return tags;
}

void Vault::decide(Id tagId, model::TagDecision decision)
{
    const QString what = QStringLiteral("decide on theme");
    if (decision != model::TagDecision::Confirmed && decision != model::TagDecision::Rejected)
        throw Error(ErrorKind::Usage, what, QStringLiteral("a suggestion is confirmed or rejected"));
    require(model::Action::DecideTheme);
    auto find = m_db.prepare("SELECT note_id, decision FROM theme_hits WHERE id = ?");
    find.bind(1, tagId);
    if (!find.step())
        badInput(what, QStringLiteral("no theme suggestion with that id"));
    const Id noteId = find.int64(0);
    if (loadNote(noteId).authorId != m_user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the note's author decides on its themes"));
    if (find.text(1) == QLatin1String("manual"))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("a manual tag is the clinician's own; remove it instead"));
    sql::Transaction tx(m_db);
    m_db.prepare("UPDATE theme_hits SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?")
        .bind(1, model::toString(decision))
        .bind(2, m_user.id)
        .bind(3, now())
        .bind(4, tagId)
        .run();
    refreshNoteThemes(noteId);
    audit(QStringLiteral("decide-theme"), QStringLiteral("note:%1").arg(noteId),
          QStringLiteral("tag:%1 %2").arg(tagId).arg(model::toString(decision)));
    tx.commit();
}

Id Vault::tagSpan(Id noteId, const QString &theme, int start, int end)
{
    const QString what = QStringLiteral("tag words");
    require(model::Action::DecideTheme);
    if (!codebook().find(theme))
        badInput(what, QStringLiteral("the codebook has no such theme"));
    const model::Note n = loadNote(noteId);
    if (n.authorId != m_user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("only the note's author tags its words"));
    const QList<uint> codePoints = n.text().toUcs4();
    if (start < 0 || end <= start || end > codePoints.size())
        badInput(what, QStringLiteral("the words chosen are not inside the note"));
    const QString evidence = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()) + start,
                                               end - start);
    sql::Transaction tx(m_db);
    m_db.prepare("INSERT INTO theme_hits(note_id, theme, start, end, evidence, rule, decision, decided_by, decided_at) "
                 "VALUES (?, ?, ?, ?, ?, 'manual', 'manual', ?, ?)")
        .bind(1, noteId)
        .bind(2, theme)
        .bind(3, start)
        .bind(4, end)
        .bind(5, evidence)
        .bind(6, m_user.id)
        .bind(7, now())
        .run();
    const Id id = m_db.lastInsertId();
    refreshNoteThemes(noteId);
    audit(QStringLiteral("tag-words"), QStringLiteral("note:%1").arg(noteId), QStringLiteral("tag:%1 %2").arg(id).arg(theme));
    tx.commit();
    return id;
}

QList<model::SearchHit> Vault::search(const QString &query, int limit)
{
    require(model::Action::ReadRecords);
    QList<model::SearchHit> hits = searchNotes(m_db, query, m_user.id, limit, m_user.role == model::Role::Supervisor);
    // What was searched for is never recorded: only that a search ran and what it returned.
    recordEvent(QStringLiteral("search"), QStringLiteral("notes"), QStringLiteral("%1 results").arg(hits.size()));
    return hits;
}

QList<model::SearchHit> searchNotes(sql::Database &db, const QString &query, Id userId, int limit, bool supervisedOnly)
{
    QList<model::SearchHit> hits;
    const QString match = ftsQuery(query);
    if (match.isEmpty())
        return hits;
    // The rank window: the newest rankWindow matches. Notes get increasing ids, so the window is
    // found by counting matches in ever wider id ranges from the newest note down (FTS5 seeks by
    // id cheaply; walking a long match list newest-first would read all of it).
    std::int64_t from = 0;
    {
        auto newest = db.prepare("SELECT coalesce(max(id), 0) FROM notes");
        newest.step();
        const std::int64_t maxId = newest.int64(0);
        auto count = db.prepare("SELECT count(*) FROM (SELECT 1 FROM notes_fts WHERE notes_fts MATCH ? "
                                "AND rowid >= ? LIMIT ?)");
        for (std::int64_t width = 4 * rankWindow;; width *= 4) {
            from = std::max<std::int64_t>(0, maxId - width);
            count.bind(1, match).bind(2, from).bind(3, rankWindow);
            count.step();
            const std::int64_t found = count.int64(0);
            count.reset();
            if (found >= rankWindow || from == 0)
                break;
        }
    }
    // Rank the window, then build snippets for the page only: SQLite would compute an FTS5
    // snippet() for every candidate before sorting.
    // (Every selected column is read for every candidate before sorting, so the page's details
    // are read afterwards, by id.)
    auto ranked = db.prepare("SELECT notes_fts.rowid, ucrank(notes_fts) FROM notes_fts "
                             "JOIN notes n ON n.id = notes_fts.rowid "
                             "WHERE notes_fts MATCH ? AND notes_fts.rowid >= ? "
                             "AND (n.kind = 'progress' OR n.author_id = ?) "
                             "AND (NOT ? OR n.author_id IN (SELECT therapist_id FROM supervision WHERE supervisor_id = ?)) "
                             "ORDER BY ucrank(notes_fts) LIMIT ?");
    ranked.bind(1, match)
        .bind(2, from)
        .bind(3, userId)
        .bind(4, supervisedOnly ? 1 : 0)
        .bind(5, userId)
        .bind(6, limit);
    auto detail = db.prepare("SELECT c.code, s.date, n.kind, n.body FROM notes n JOIN clients c ON c.id = n.client_id "
                             "JOIN sessions s ON s.id = n.session_id WHERE n.id = ?");
    while (ranked.step()) {
        detail.bind(1, ranked.int64(0));
        if (detail.step())
            hits.append({ranked.int64(0), detail.text(0), model::parseDate(detail.text(1)).value_or(model::Date()),
                         model::parseNoteKind(detail.text(2)).value_or(model::NoteKind::Progress),
                         snippetFor(detail.text(3), query), ranked.real(1)});
        detail.reset();
    }
    return hits;
}

// ---- export, backup, integrity -----------------------------------------------------------------

QJsonObject Vault::exportClient(const QString &code, bool includeProcessNotes)
{
    require(model::Action::ExportRecord);
    const auto c = client(code);
    if (!c)
        badInput(QStringLiteral("export"), QStringLiteral("no client with that code"));
    auto optDate = [](const std::optional<model::Date> &d) { return d ? QJsonValue(model::toIso(*d)) : QJsonValue(); };
    QJsonObject clientJson{{QStringLiteral("code"), c->code},
                           {QStringLiteral("display_name"), c->displayName},
                           {QStringLiteral("status"), model::toString(c->status)},
                           {QStringLiteral("intake_date"), optDate(c->intakeDate)},
                           {QStringLiteral("setting"), c->setting ? QJsonValue(model::toString(*c->setting)) : QJsonValue()},
                           {QStringLiteral("consent_treatment"), c->consentTreatment},
                           {QStringLiteral("consent_part2"), c->consentPart2},
                           {QStringLiteral("consent_part2_date"), optDate(c->consentPart2Date)},
                           {QStringLiteral("consent_part2_scope"), c->consentPart2Scope}};

    QJsonArray sessions;
    QList<Id> seenSessions;
    QJsonArray notes;
    for (const model::Note &n : loadNotesForClient(code, includeProcessNotes)) {
        if (!seenSessions.contains(n.sessionId)) {
            seenSessions.append(n.sessionId);
            const model::Session s = session(n.sessionId);
            QJsonArray attendees;
            for (const auto &a : s.attendees)
                if (a.clientCode == code) // never another group member's identity
                    attendees.append(QJsonObject{{QStringLiteral("client"), a.clientCode},
                                                 {QStringLiteral("attendance"), model::toString(a.attendance)}});
            sessions.append(QJsonObject{{QStringLiteral("id"), static_cast<double>(s.id)},
                                        {QStringLiteral("date"), model::toIso(s.date)},
                                        {QStringLiteral("time"), s.start ? QJsonValue(model::toIso(*s.start)) : QJsonValue()},
                                        {QStringLiteral("minutes"), s.minutes},
                                        {QStringLiteral("modality"), model::toString(s.modality)},
                                        {QStringLiteral("setting"), s.setting ? QJsonValue(model::toString(*s.setting)) : QJsonValue()},
                                        {QStringLiteral("group_topic"), s.groupTopic},
                                        {QStringLiteral("attendees"), attendees}});
        }
        const QJsonArray sections = model::sectionsJsonArray(n.sections);
        QJsonArray addendaJson;
        for (const auto &a : addenda(n.id))
            addendaJson.append(QJsonObject{{QStringLiteral("author"), a.author},
                                           {QStringLiteral("text"), a.text},
                                           {QStringLiteral("signed_at"), a.signedAt},
                                           {QStringLiteral("content_hash"), a.contentHash}});
        QJsonArray tagsJson;
        for (const auto &t : themeTags(n.id))
            tagsJson.append(QJsonObject{{QStringLiteral("theme"), t.theme},
                                        {QStringLiteral("start"), t.start},
                                        {QStringLiteral("end"), t.end},
                                        {QStringLiteral("evidence"), t.evidence},
                                        {QStringLiteral("rule"), t.rule},
                                        {QStringLiteral("decision"), model::toString(t.decision)},
                                        {QStringLiteral("decided_by"), t.decidedBy},
                                        {QStringLiteral("decided_at"), t.decidedAt}});
        notes.append(QJsonObject{{QStringLiteral("id"), static_cast<double>(n.id)},
                                 {QStringLiteral("themes"), tagsJson},
                                 {QStringLiteral("session"), static_cast<double>(n.sessionId)},
                                 {QStringLiteral("author"), n.author},
                                 {QStringLiteral("template"), n.templateId},
                                 {QStringLiteral("kind"), model::toString(n.kind)},
                                 {QStringLiteral("status"), model::toString(n.status)},
                                 {QStringLiteral("sections"), sections},
                                 {QStringLiteral("created"), n.created},
                                 {QStringLiteral("updated"), n.updated},
                                 {QStringLiteral("signed_by"), n.signedBy},
                                 {QStringLiteral("signed_at"), n.signedAt},
                                 {QStringLiteral("content_hash"), n.contentHash},
                                 {QStringLiteral("cosigned_by"), n.cosignedBy},
                                 {QStringLiteral("cosigned_at"), n.cosignedAt},
                                 {QStringLiteral("cosign_hash"), n.cosignHash},
                                 {QStringLiteral("addenda"), addendaJson}});
    }
    QJsonArray measures;
    auto m = m_db.prepare("SELECT date, instrument, answers, total, band FROM measures WHERE client_id = ? "
                          "ORDER BY date, id");
    m.bind(1, c->id);
    while (m.step())
        measures.append(QJsonObject{{QStringLiteral("date"), m.text(0)},
                                    {QStringLiteral("instrument"), m.text(1)},
                                    {QStringLiteral("answers"), m.text(2)},
                                    {QStringLiteral("total"), static_cast<double>(m.int64(3))},
                                    {QStringLiteral("band"), m.text(4)}});
    QJsonObject out{{QStringLiteral("format"), QStringLiteral("undercurrent-client-export")},
                    {QStringLiteral("version"), 1},
                    {QStringLiteral("exported_at"), now()},
                    {QStringLiteral("exported_by"), m_user.name},
                    {QStringLiteral("includes_process_notes"), includeProcessNotes},
                    {QStringLiteral("client"), clientJson},
                    {QStringLiteral("sessions"), sessions},
                    {QStringLiteral("notes"), notes},
                    {QStringLiteral("measures"), measures}};
    if (const auto summary = shareableSummary(code))
        out.insert(QStringLiteral("shareable_summary"), QJsonObject{{QStringLiteral("text"), summary->text},
                                                                    {QStringLiteral("author"), summary->author},
                                                                    {QStringLiteral("updated"), summary->updated}});
    {
        // 42 CFR Part 2 §2.32: every record from an addiction practice may hold substance-use
        // information, so every export carries the redisclosure notice.
        out.insert(QStringLiteral("notice"), model::part2Notice());
    }
    recordEvent(QStringLiteral("export"), QStringLiteral("client:%1").arg(c->id),
                includeProcessNotes ? QStringLiteral("process notes included") : QString());
    return out;
}

void Vault::backup(const QString &file)
{
    require(model::Action::Backup);
    const QString what = QStringLiteral("backup");
    const QString exportPath = file + QStringLiteral(".db.tmp");
    QFile::remove(exportPath);
    // ATTACH inherits the connection's open flags (no create), so the file is made first, owner-only.
    if (const int fd = ::open(QFile::encodeName(exportPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        fd >= 0)
        ::close(fd);
    else
        throw Error(ErrorKind::Io, what, QStringLiteral("the backup file cannot be created there"));
    // sqlcipher_export writes an encrypted copy keyed with the same data key; no plaintext ever
    // reaches the disk. The key is bound, never spliced into SQL.
    {
        SecretBuffer spec(3 + 2 * m_dataKey.size());
        auto *out = reinterpret_cast<char *>(spec.data());
        sodium_bin2hex(out + 2, 2 * m_dataKey.size() + 1, m_dataKey.data(), m_dataKey.size());
        out[0] = 'x';
        out[1] = '\'';
        out[spec.size() - 1] = '\'';
        auto attach = m_db.prepare("ATTACH DATABASE ? AS backup KEY ?");
        attach.bind(1, exportPath).bindSecret(2, spec);
        attach.run();
    }
    try {
        m_db.exec(QStringLiteral("PRAGMA backup.cipher_page_size = %1").arg(sql::pageSize).toStdString());
        m_db.exec("SELECT sqlcipher_export('backup')");
        m_db.exec(QStringLiteral("PRAGMA backup.user_version = %1").arg(userVersion(m_db)).toStdString());
        m_db.exec("DETACH DATABASE backup");
    } catch (...) {
        sqlite3_exec(m_db.handle(), "DETACH DATABASE backup", nullptr, nullptr, nullptr);
        QFile::remove(exportPath);
        throw;
    }
    QFile exported(exportPath);
    if (!exported.open(QIODevice::ReadOnly)) {
        QFile::remove(exportPath);
        throw Error(ErrorKind::Io, what, QStringLiteral("the backup copy cannot be read"));
    }
    QByteArray bytes = QByteArray(backupMagic);
    const QByteArray slots = m_slots.toJson();
    recordEvent(QStringLiteral("backup"), QStringLiteral("vault"));
    bytes += QByteArray::number(slots.size()) + '\n' + slots + exported.readAll();
    exported.close();
    QFile::remove(exportPath);
    writeFileAtomically(file, bytes);
}

void Vault::restore(const QString &backupFile, const QString &dir, const QString &user, const SecretBuffer &passphrase)
{
    const QString what = QStringLiteral("restore");
    QFile in(backupFile);
    if (!in.open(QIODevice::ReadOnly))
        badInput(what, QStringLiteral("the backup file cannot be read"));
    const QByteArray bytes = in.readAll();
    const QByteArray magic(backupMagic);
    if (!bytes.startsWith(magic))
        throw Error(ErrorKind::Damaged, what, QStringLiteral("not an Undercurrent backup file"));
    const qsizetype lineEnd = bytes.indexOf('\n', magic.size());
    bool ok = false;
    const qsizetype slotsSize = bytes.mid(magic.size(), lineEnd - magic.size()).toLongLong(&ok);
    if (lineEnd < 0 || !ok || slotsSize <= 0 || lineEnd + 1 + slotsSize >= bytes.size())
        throw Error(ErrorKind::Damaged, what, QStringLiteral("the backup file is damaged"));
    const QByteArray slots = bytes.mid(lineEnd + 1, slotsSize);
    const QByteArray database = bytes.mid(lineEnd + 1 + slotsSize);
    KeySlots::fromJson(slots); // throws Damaged on a damaged slot file

    QDir folder(dir);
    if (folder.exists() && !folder.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        throw Error(ErrorKind::Conflict, what, QStringLiteral("the target folder is not empty"));
    if (!QDir().mkpath(dir))
        throw Error(ErrorKind::Io, what, QStringLiteral("the target folder cannot be created"));
    try {
        writeFileAtomically(databasePath(dir), database);
        writeFileAtomically(QDir(dir).filePath(QLatin1String(KeySlots::fileName)), slots);
        auto vault = open(dir, user, passphrase);
        if (!vault->verifyIntegrity())
            throw Error(ErrorKind::Damaged, what, QStringLiteral("the backup's database is damaged"));
        vault->recordEvent(QStringLiteral("restore"), QStringLiteral("vault"));
    } catch (...) {
        for (const QString &name : QDir(dir).entryList(QDir::Files | QDir::Hidden))
            QFile::remove(QDir(dir).filePath(name));
        throw;
    }
}

bool Vault::verifyIntegrity()
{
    return runCheck(m_db, "PRAGMA cipher_integrity_check", false) && runCheck(m_db, "PRAGMA integrity_check", true);
}

// ---- reports -----------------------------------------------------------------------------------

Id Vault::requireSupervisionReport(const QString &therapist)
{
    const QString what = QStringLiteral("supervision report");
    require(model::Action::SupervisionReport);
    const auto [therapistId, role] = userByName(m_db, therapist, what, QStringLiteral("therapist"));
    if (role != model::Role::Therapist)
        throw Error(ErrorKind::Usage, what, QStringLiteral("the user named is not a therapist"));
    if (m_user.role == model::Role::Therapist && therapistId != m_user.id)
        throw Error(ErrorKind::NotAllowed, what, QStringLiteral("a therapist makes their own supervision report only"));
    if (m_user.role == model::Role::Supervisor && !supervises(therapistId))
        throw Error(ErrorKind::NotAllowed, what,
                    QStringLiteral("a supervisor reports on the therapists assigned to them only"));
    return therapistId;
}

QList<model::Note> Vault::therapistNotes(const QString &therapist, const model::Date &from, const model::Date &to)
{
    const Id therapistId = requireSupervisionReport(therapist);
    if (to < from)
        throw Error(ErrorKind::Usage, QStringLiteral("supervision report"), QStringLiteral("--from is after --to"));
    QList<model::Note> list;
    auto stmt = m_db.prepare(std::string(noteSelect)
                             + "WHERE n.author_id = ? AND n.kind = 'progress' AND s.date >= ? AND s.date <= ? "
                               "ORDER BY s.date, s.start_time, n.id");
    stmt.bind(1, therapistId).bind(2, model::toIso(from)).bind(3, model::toIso(to));
    while (stmt.step())
        list.append(readNote(stmt));
    recordEvent(QStringLiteral("view-notes"), QStringLiteral("user:%1").arg(therapistId),
                QStringLiteral("%1 notes, %2 to %3").arg(list.size()).arg(model::toIso(from), model::toIso(to)));
    return list;
}

std::optional<Vault::AgreementReport> Vault::latestAgreementReport(const QString &therapist)
{
    const Id therapistId = requireSupervisionReport(therapist);
    auto stmt = m_db.prepare("SELECT k.id, s.name FROM agreement_checks k JOIN users s ON s.id = k.supervisor_id "
                             "WHERE k.therapist_id = ? ORDER BY k.id DESC LIMIT 1");
    stmt.bind(1, therapistId);
    if (!stmt.step())
        return std::nullopt;
    AgreementSample sample;
    sample.check = stmt.int64(0);
    sample.therapist = therapist;
    const QString supervisor = stmt.text(1);
    auto rows = m_db.prepare("SELECT note_id, themes IS NOT NULL FROM agreement_ratings WHERE check_id = ? "
                             "ORDER BY position");
    rows.bind(1, sample.check);
    while (rows.step()) {
        sample.notes.append(rows.int64(0));
        if (rows.int64(1) != 0)
            sample.rated.append(rows.int64(0));
    }
    return agreementFigures(sample, supervisor);
}

QList<AuditEntry> Vault::auditEntriesForExport(const AuditFilter &filter)
{
    return auditEntries(m_db, scopedAuditFilter(filter));
}

} // namespace uc::vault
