// SPDX-License-Identifier: GPL-3.0-or-later
// Practice co-signatures in the vault (schema v26; docs/practice.md, "A practice co-signature in the
// vault"): recorded by the author's sync once it verified them, verified again by `note verify`
// from what the row holds, offline.
#include "vault/practicecosigns.h"

#include "vault/access.h"
#include "vault/practiceidentity.h"
#include "vault/signing.h"
#include "vault/state.h"
#include "vault/userkeys.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace uc::vault {

namespace {

constexpr auto signatureKind = "practice-cosign";

QString objectOf(model::Id note)
{
    return u"practice-cosign:%1"_s.arg(note);
}

// Every column of a row, the byte strings as hex.
QJsonObject columnsOf(const PracticeCosign &c)
{
    return {{u"practice_id"_s, c.practiceId},
                          {u"item"_s, c.item},
                          {u"member"_s, c.member},
                          {u"seq"_s, static_cast<double>(c.seq)},
                          {u"at"_s, c.at},
                          {u"content_hash"_s, c.contentHash},
                          {u"event"_s, QString::fromLatin1(c.event.toHex())},
                          {u"signature"_s, QString::fromLatin1(c.signature.toHex())},
                          {u"sign_public"_s, QString::fromLatin1(c.signPublic.toHex())},
                          {u"certificate"_s, QString::fromLatin1(c.certificate.toHex())},
                          {u"certificate_signature"_s, QString::fromLatin1(c.certificateSignature.toHex())},
                          {u"admin_key"_s, QString::fromLatin1(c.adminKey.toHex())}};
}

} // namespace

// What the author signs for a row: every column of it and the note's uuid, compact JSON with sorted
// keys, SHA-256 as hex. The administrator key is inside, so swapping it breaks the author's signature.
QString practiceCosignHash(const model::Note &note, const PracticeCosign &c)
{
    QJsonObject row = columnsOf(c);
    row.insert(u"note_uuid"_s, note.uuid);
    return sha256Hex(QJsonDocument(row).toJson(QJsonDocument::Compact));
}

QJsonObject practiceCosignJson(const PracticeCosign &c)
{
    return columnsOf(c);
}

std::optional<PracticeCosign> practiceCosignFromJson(const QJsonObject &o, model::Id note)
{
    const auto text = [&](const QString &key) { return o.value(key).toString(); };
    const auto bytes = [&](const QString &key) { return QByteArray::fromHex(text(key).toLatin1()); };
    if (!o.value(u"seq"_s).isDouble())
        return std::nullopt;
    PracticeCosign c;
    c.note = note;
    c.practiceId = text(u"practice_id"_s);
    c.item = text(u"item"_s);
    c.member = text(u"member"_s);
    c.seq = static_cast<qint64>(o.value(u"seq"_s).toDouble());
    c.at = text(u"at"_s);
    c.contentHash = text(u"content_hash"_s);
    c.event = bytes(u"event"_s);
    c.signature = bytes(u"signature"_s);
    c.signPublic = bytes(u"sign_public"_s);
    c.certificate = bytes(u"certificate"_s);
    c.certificateSignature = bytes(u"certificate_signature"_s);
    c.adminKey = bytes(u"admin_key"_s);
    // What the columns hold round-trips exactly, or the JSON was not written by an export.
    if (columnsOf(c) != o)
        return std::nullopt;
    return c;
}

// Empty when the supervisor's and the administrator's signatures hold and name this note's content
// as signed, this practice and this supervisor; otherwise what is wrong.
QString practiceCosignProblem(const model::Note &note, const PracticeCosign &c)
{
    const QList<QByteArray> event = c.event.split('\n');
    // The empty body's SHA-256 (a co-signature carries no words).
    const QByteArray emptyBody = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    if (event.size() != 9 || event.at(0) != "event" || event.at(1) != c.practiceId.toUtf8()
        || event.at(2) != c.item.toUtf8() || event.at(3) != c.member.toUtf8() || event.at(4) != "cosign"
        || event.at(5) != c.contentHash.toUtf8() || event.at(6) != c.at.toUtf8() || event.at(7) != emptyBody
        || !event.at(8).isEmpty())
        return u"the practice co-signature's signed event does not match its row (changed)"_s;
    if (c.contentHash != note.contentHash)
        return u"the practice co-signature by member %1 covers other content than this note"_s.arg(c.member);
    if (!verifyPracticeSignature(c.signPublic, c.event, c.signature))
        return u"the practice co-signature by member %1 does not verify with their key"_s.arg(c.member);
    const QList<QByteArray> cert = c.certificate.split('\n');
    if (cert.size() != 7 || cert.at(0) != "member" || cert.at(1) != c.practiceId.toUtf8()
        || cert.at(2) != c.member.toUtf8() || cert.at(4) != "supervisor" || cert.at(6) != c.signPublic.toHex())
        return u"the practice co-signer's certificate does not name them as a supervisor with this key"_s;
    if (!verifyPracticeSignature(c.adminKey, c.certificate, c.certificateSignature))
        return u"the practice co-signer's key is not certified by the practice administrator's key"_s;
    return {};
}

void insertPracticeCosign(VaultState &state, const PracticeCosign &c)
{
    state.db
        .prepare("INSERT INTO practice_cosigns(note_id, practice_id, item_id, member_id, seq, cosigned_at, "
                 "content_hash, event, signature, sign_public, certificate, certificate_signature, admin_key, "
                 "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(1, c.note)
        .bind(2, c.practiceId)
        .bind(3, c.item)
        .bind(4, c.member)
        .bind(5, static_cast<std::int64_t>(c.seq))
        .bind(6, c.at)
        .bind(7, c.contentHash)
        .bind(8, QString::fromUtf8(c.event))
        .bind(9, QString::fromLatin1(c.signature.toHex()))
        .bind(10, QString::fromLatin1(c.signPublic.toHex()))
        .bind(11, QString::fromUtf8(c.certificate))
        .bind(12, QString::fromLatin1(c.certificateSignature.toHex()))
        .bind(13, QString::fromLatin1(c.adminKey.toHex()))
        .bind(14, state.user.id)
        .bind(15, now())
        .run();
}

int PracticeCosigns::record(const QList<PracticeCosign> &cosigns)
{
    const QString what = u"sync"_s;
    int recorded = 0;
    sql::Transaction tx(m_state.db);
    for (const PracticeCosign &c : cosigns) {
        const model::Note note = loadNote(m_state, c.note);
        if (note.authorId != m_state.user.id || note.kind != model::NoteKind::Progress
            || note.status == model::NoteStatus::Draft)
            throw Error(ErrorKind::Damaged, what, u"a practice co-signature names a note that is not one of your signed "
                                                  "progress notes"_s);
        if (const QString problem = practiceCosignProblem(note, c); !problem.isEmpty())
            throw Error(ErrorKind::Damaged, what, problem);
        if (const std::optional<PracticeCosign> kept = of(c.note)) {
            if (kept->signature != c.signature)
                throw Error(ErrorKind::Damaged, what,
                            u"a second practice co-signature of a note co-signed through the practice already"_s);
            continue; // recorded by an earlier sync
        }
        if (note.status == model::NoteStatus::Cosigned)
            continue; // co-signed in this vault: that co-signature stands (docs/practice.md)
        insertPracticeCosign(m_state, c);
        m_state.storeSignature(objectOf(c.note), QString::fromLatin1(signatureKind), practiceCosignHash(note, c));
        m_state.audit(u"practice-cosign"_s, u"note:%1"_s.arg(c.note), u"member %1"_s.arg(c.member));
        ++recorded;
    }
    tx.commit();
    return recorded;
}

std::optional<PracticeCosign> PracticeCosigns::of(model::Id noteId)
{
    auto stmt = m_state.db.prepare("SELECT practice_id, item_id, member_id, seq, cosigned_at, content_hash, event, "
                                   "signature, sign_public, certificate, certificate_signature, admin_key "
                                   "FROM practice_cosigns WHERE note_id = ?");
    stmt.bind(1, noteId);
    if (!stmt.step())
        return std::nullopt;
    PracticeCosign c;
    c.note = noteId;
    c.practiceId = stmt.text(0);
    c.item = stmt.text(1);
    c.member = stmt.text(2);
    c.seq = stmt.int64(3);
    c.at = stmt.text(4);
    c.contentHash = stmt.text(5);
    c.event = stmt.text(6).toUtf8();
    c.signature = QByteArray::fromHex(stmt.text(7).toLatin1());
    c.signPublic = QByteArray::fromHex(stmt.text(8).toLatin1());
    c.certificate = stmt.text(9).toUtf8();
    c.certificateSignature = QByteArray::fromHex(stmt.text(10).toLatin1());
    c.adminKey = QByteArray::fromHex(stmt.text(11).toLatin1());
    return c;
}

QString PracticeCosigns::verify(const model::Note &note)
{
    const std::optional<PracticeCosign> c = of(note.id);
    if (!c)
        return u"the note's practice co-signature is missing"_s;
    // The author recorded the row and signed it with their certified key.
    auto stmt = m_state.db.prepare("SELECT signer, signature FROM signatures WHERE object = ?");
    stmt.bind(1, objectOf(note.id));
    if (!stmt.step() || stmt.text(0) != note.author)
        return u"%1's signature of the practice co-signature is missing"_s.arg(note.author);
    const auto key = certifiedKey(m_state.certificates(), m_state.trustRoot(), note.author);
    if (!key)
        return u"%1's key is not certified in this vault, so the practice co-signature cannot be checked"_s.arg(
            note.author);
    if (!verifyDetached(key->signPublic, signedMessage(QString::fromLatin1(signatureKind), practiceCosignHash(note, *c)),
                        stmt.text(1)))
        return u"the practice co-signature's row does not match %1's signature of it (changed)"_s.arg(note.author);
    return practiceCosignProblem(note, *c);
}

} // namespace uc::vault
