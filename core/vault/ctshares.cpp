// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/ctshares.h"

#include "model/countertransference.h"
#include "vault/access.h"
#include "vault/signing.h"
#include "vault/state.h"
#include "vault/userkeys.h"
#include "vault/uuids.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::vault {

namespace {

QString objectOf(model::Id id)
{
    return u"ct-share:%1"_s.arg(id);
}

const QString shareAction = u"share-countertransference"_s;
const QString withdrawAction = u"withdraw-countertransference-share"_s;

// What is sealed: the words and codes with the names of the share they belong to, so that a sealed
// value moved to another row (or copied into a row a colleague signed) is refused by its reader.
QJsonObject sealedContent(const CtShareForm &f, const QString &text, const QStringList &codes)
{
    return {{u"form"_s, 1},
            {u"share_uuid"_s, f.shareUuid},
            {u"note_uuid"_s, f.noteUuid},
            {u"entry"_s, f.entry},
            {u"author"_s, f.author},
            {u"supervisor"_s, f.supervisor},
            {u"shared_at"_s, f.sharedAt},
            {u"text"_s, text},
            {u"codes"_s, QJsonArray::fromStringList(codes)}};
}

QByteArray boxOf(VaultState &s, const QString &user, const QString &what)
{
    const auto key = certifiedKey(s.certificates(), s.trustRoot(), user);
    const QByteArray box = key ? boxPublicOfSigningKey(key->signPublic) : QByteArray();
    if (box.isEmpty())
        throw Error(ErrorKind::Conflict, what,
                    u"%1's key is not certified in this vault, so nothing can be sealed to them yet"_s.arg(user));
    return box;
}

[[noreturn]] void refused(model::Id id, const QString &why)
{
    throw Error(ErrorKind::Damaged, u"read shared countertransference"_s,
                u"shared entry %1 is refused: %2"_s.arg(id).arg(why));
}

} // namespace

QList<model::Id> CtShares::share(const QString &clientCode, const QList<CtEntryRef> &entries, const QString &supervisor)
{
    const QString what = u"share countertransference"_s;
    m_state.require(model::Action::WriteNote);
    if (m_state.user.role != model::Role::Therapist)
        throw Error(ErrorKind::NotAllowed, what, u"only the author of a countertransference entry shares it"_s);
    if (entries.isEmpty())
        throw Error(ErrorKind::Usage, what, u"name at least one entry"_s);
    for (qsizetype i = 0; i < entries.size(); ++i)
        if (entries.indexOf(entries.at(i)) != i)
            throw Error(ErrorKind::Usage, what, u"entry %1.%2 is named twice"_s.arg(entries.at(i).noteId).arg(entries.at(i).number));
    const auto client = m_vault.clients().find(clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);
    const auto [supervisorId, supervisorRole] = userByName(m_state.db, supervisor, what, u"supervisor"_s);
    if (supervisorRole != model::Role::Supervisor)
        throw Error(ErrorKind::Usage, what, u"the user named is not a supervisor"_s);
    {
        auto stmt = m_state.db.prepare("SELECT 1 FROM supervision WHERE therapist_id = ? AND supervisor_id = ?");
        stmt.bind(1, m_state.user.id).bind(2, supervisorId);
        if (!stmt.step())
            throw Error(ErrorKind::NotAllowed, what,
                        u"that supervisor is not assigned to you: entries are shared with your own supervisor only"_s);
    }
    if (!m_state.keys)
        throw Error(ErrorKind::Conflict, what, u"your signing key is not open in this session"_s);
    QString supervisorName;
    {
        auto stmt = m_state.db.prepare("SELECT name FROM users WHERE id = ?");
        stmt.bind(1, supervisorId);
        if (stmt.step())
            supervisorName = stmt.text(0);
    }
    const QByteArray supervisorBox = boxOf(m_state, supervisorName, what);
    const QByteArray authorBox = boxPublicOfSigningKey(m_state.keys->signPublic);

    struct Picked
    {
        CtEntryRef ref;
        QString noteUuid;
        model::CtEntry entry;
    };
    QList<Picked> picked;
    for (const CtEntryRef &ref : entries) {
        const QString which = u"entry %1.%2"_s.arg(ref.noteId).arg(ref.number);
        const auto notMine = [&] { badInput(what, which + u" is not one of your countertransference entries about this client"_s); };
        const auto note = [&]() -> std::optional<model::Note> {
            try {
                return loadNote(m_state, ref.noteId);
            } catch (const Error &) {
                return std::nullopt;
            }
        }();
        if (!note || note->kind != model::NoteKind::Process || note->authorId != m_state.user.id
            || note->clientId != client->id)
            notMine();
        if (note->status == model::NoteStatus::Draft)
            throw Error(ErrorKind::Conflict, what,
                        which + u" is in a draft, whose words are still to change: sign the note, then share it"_s);
        const QList<model::CtEntry> found = model::countertransferenceEntries(note->sections);
        if (ref.number < 1 || ref.number > found.size())
            notMine();
        auto stmt = m_state.db.prepare("SELECT 1 FROM ct_shares WHERE note_id = ? AND entry = ? AND supervisor_id = ? "
                                       "AND withdrawn_at IS NULL");
        stmt.bind(1, ref.noteId).bind(2, ref.number).bind(3, supervisorId);
        if (stmt.step())
            throw Error(ErrorKind::Conflict, what, which + u" is already shared with that supervisor"_s);
        picked.append({ref, note->uuid, found.at(ref.number - 1)});
    }

    QList<model::Id> ids;
    sql::Transaction tx(m_state.db);
    auto insert = m_state.db.prepare("INSERT INTO ct_shares(uuid, note_id, entry, author_id, supervisor_id, shared_at, "
                                     "for_supervisor, for_author, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const Picked &p : std::as_const(picked)) {
        CtShareForm form{newUuid(), p.noteUuid, p.ref.number, m_state.user.name, supervisorName, now(), {}, {}};
        const QByteArray plain = QJsonDocument(sealedContent(form, p.entry.text, p.entry.codes)).toJson(QJsonDocument::Compact);
        form.forSupervisor = sealToUser(supervisorBox, plain);
        form.forAuthor = sealToUser(authorBox, plain);
        if (form.forSupervisor.isEmpty() || form.forAuthor.isEmpty())
            throw Error(ErrorKind::Conflict, what, u"the entry could not be sealed to the supervisor's key"_s);
        const QString signature = m_state.keys->sign(signedMessage(u"ct-share"_s, ctShareHash(form)));
        insert.bind(1, form.shareUuid)
            .bind(2, p.ref.noteId)
            .bind(3, p.ref.number)
            .bind(4, m_state.user.id)
            .bind(5, supervisorId)
            .bind(6, form.sharedAt)
            .bind(7, QString::fromLatin1(form.forSupervisor.toBase64()))
            .bind(8, QString::fromLatin1(form.forAuthor.toBase64()))
            .bind(9, signature)
            .run();
        insert.reset();
        const model::Id id = m_state.db.lastInsertId();
        m_state.audit(shareAction, objectOf(id),
                      u"note:%1 entry %2 with user:%3"_s.arg(p.ref.noteId).arg(p.ref.number).arg(supervisorId));
        ids.append(id);
    }
    tx.commit();
    return ids;
}

QList<CtShare> CtShares::list(const QString &clientCode)
{
    const QString what = u"shared countertransference"_s;
    m_state.require(model::Action::ReadRecords);
    const bool author = m_state.user.role == model::Role::Therapist;
    if (!author && !m_state.isSupervisor())
        throw Error(ErrorKind::NotAllowed, what,
                    u"shared countertransference is its author's and their supervisor's only"_s);
    if (!m_state.keys)
        throw Error(ErrorKind::Conflict, what, u"your signing key is not open in this session"_s);
    const auto client = m_vault.clients().find(clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);
    // The author's own; a supervisor's: named in the row and still assigned to its author.
    const std::string scope = author ? "cs.author_id = :me"
                                     : "cs.supervisor_id = :me AND EXISTS (SELECT 1 FROM supervision v "
                                       "WHERE v.therapist_id = cs.author_id AND v.supervisor_id = :me)";
    auto stmt = m_state.db.prepare(
        "SELECT cs.id, cs.uuid, cs.note_id, cs.entry, a.name, sv.name, cs.shared_at, cs.for_supervisor, cs.for_author, "
        "cs.signature, cs.withdrawn_at, cs.withdraw_signature, n.uuid, s.date, "
        "EXISTS (SELECT 1 FROM audit WHERE object = 'ct-share:' || cs.id AND action = '"
        + withdrawAction.toStdString()
        + "') FROM ct_shares cs JOIN notes n ON n.id = cs.note_id JOIN sessions s ON s.id = n.session_id "
          "JOIN users a ON a.id = cs.author_id JOIN users sv ON sv.id = cs.supervisor_id "
          "WHERE n.client_id = :client AND "
        + scope + " ORDER BY s.date, cs.id");
    stmt.bind(stmt.parameterIndex(":me"), m_state.user.id).bind(stmt.parameterIndex(":client"), client->id);
    QList<CtShare> out;
    while (stmt.step()) {
        CtShare share;
        share.id = stmt.int64(0);
        share.noteId = stmt.int64(2);
        share.number = static_cast<int>(stmt.int64(3));
        share.clientCode = client->code;
        share.author = stmt.text(4);
        share.supervisor = stmt.text(5);
        share.sharedAt = stmt.text(6);
        share.withdrawnAt = stmt.text(10);
        share.date = model::parseDate(stmt.text(13)).value_or(model::Date());
        const CtShareForm form{stmt.text(1),
                               stmt.text(12),
                               share.number,
                               share.author,
                               share.supervisor,
                               share.sharedAt,
                               QByteArray::fromBase64(stmt.text(7).toLatin1()),
                               QByteArray::fromBase64(stmt.text(8).toLatin1())};
        const auto key = certifiedKey(m_state.certificates(), m_state.trustRoot(), share.author);
        if (!key)
            refused(share.id, u"%1's key is not certified in this vault, so their signature cannot be checked"_s.arg(share.author));
        const QString shareHash = ctShareHash(form);
        if (!verifyDetached(key->signPublic, signedMessage(u"ct-share"_s, shareHash), stmt.text(9)))
            refused(share.id, u"%1's signature does not verify (the row was altered, or not written by them)"_s.arg(share.author));
        const bool withdrawnInTrail = stmt.int64(14) != 0;
        if (!share.withdrawnAt.isEmpty()
            && !verifyDetached(key->signPublic, signedMessage(u"ct-withdraw"_s, ctWithdrawHash(shareHash, share.withdrawnAt)),
                               stmt.text(11)))
            refused(share.id, u"its withdrawal is not signed by %1"_s.arg(share.author));
        if (share.withdrawnAt.isEmpty() && withdrawnInTrail)
            refused(share.id, u"the audit trail records it withdrawn, but its row says it is not"_s);
        if (!author && !share.withdrawnAt.isEmpty())
            continue; // withdrawn: no longer the supervisor's to read
        const SecretBuffer opened = openSealedToMe(*m_state.keys, author ? form.forAuthor : form.forSupervisor);
        if (opened.empty())
            refused(share.id, u"its words do not open with your key"_s);
        const QJsonObject inner = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(opened.data()),
                                                                     static_cast<qsizetype>(opened.size())))
                                      .object();
        const QJsonObject expected = sealedContent(form, inner.value(u"text"_s).toString(), {});
        for (const QString &name : {u"form"_s, u"share_uuid"_s, u"note_uuid"_s, u"entry"_s, u"author"_s,
                                    u"supervisor"_s, u"shared_at"_s})
            if (inner.value(name) != expected.value(name))
                refused(share.id, u"its sealed words belong to another share (%1 differs)"_s.arg(name));
        share.text = inner.value(u"text"_s).toString();
        for (const QJsonValue &code : inner.value(u"codes"_s).toArray())
            share.codes.append(code.toString());
        out.append(share);
    }
    m_state.recordEvent(u"view-countertransference-shares"_s, u"client:%1"_s.arg(client->id),
                        u"%1 shares"_s.arg(out.size()));
    return out;
}

void CtShares::withdraw(model::Id shareId)
{
    const QString what = u"withdraw shared countertransference"_s;
    m_state.require(model::Action::WriteNote);
    if (!m_state.keys)
        throw Error(ErrorKind::Conflict, what, u"your signing key is not open in this session"_s);
    auto stmt = m_state.db.prepare(
        "SELECT cs.uuid, n.uuid, cs.entry, sv.name, cs.shared_at, cs.for_supervisor, cs.for_author, cs.withdrawn_at "
        "FROM ct_shares cs JOIN notes n ON n.id = cs.note_id JOIN users sv ON sv.id = cs.supervisor_id "
        "WHERE cs.id = ? AND cs.author_id = ?");
    stmt.bind(1, shareId).bind(2, m_state.user.id);
    if (!stmt.step())
        badInput(what, u"no share of yours with that id"_s);
    if (!stmt.isNull(7))
        throw Error(ErrorKind::Conflict, what, u"that share is already withdrawn"_s);
    const CtShareForm form{stmt.text(0),
                           stmt.text(1),
                           static_cast<int>(stmt.int64(2)),
                           m_state.user.name,
                           stmt.text(3),
                           stmt.text(4),
                           QByteArray::fromBase64(stmt.text(5).toLatin1()),
                           QByteArray::fromBase64(stmt.text(6).toLatin1())};
    const QString at = now();
    sql::Transaction tx(m_state.db);
    m_state.db.prepare("UPDATE ct_shares SET withdrawn_at = ?, withdraw_signature = ? WHERE id = ?")
        .bind(1, at)
        .bind(2, m_state.keys->sign(signedMessage(u"ct-withdraw"_s, ctWithdrawHash(ctShareHash(form), at))))
        .bind(3, shareId)
        .run();
    m_state.audit(withdrawAction, objectOf(shareId));
    tx.commit();
}

} // namespace uc::vault
