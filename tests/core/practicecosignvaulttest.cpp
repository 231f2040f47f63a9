// SPDX-License-Identifier: GPL-3.0-or-later
// A co-signature made on the practice server, kept in the vault (schema v26, vault/practicecosigns.h,
// docs/practice.md "A practice co-signature in the vault"), without a server: the practice's
// administrator and supervisors are key pairs made here, signing the bytes core/practice signs. The
// note becomes co-signed as a note co-signed in the vault is (status, complete, the review queue,
// note verify), by "member ID (practice)"; an edited row, another member's co-signature of another
// note swapped in, one replayed onto another note and a swapped administrator key all fail, and
// what a clinician decided (a co-signature made in the vault) is not changed.
#include "vault/practiceidentity.h"
#include "vault/schema.h"
#include "vault/testaccess.h"
#include "vault/vault.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <sodium.h>

#include <functional>
#include <optional>

using namespace Qt::StringLiterals;
using namespace uc;
using namespace uc::vault;
using model::Id;

namespace {

SecretBuffer secret()
{
    return SecretBuffer::copyOf(std::string_view("practice co-sign vault test passphrase"));
}

std::optional<Error> errorOf(const std::function<void()> &work)
{
    try {
        work();
    } catch (const Error &e) {
        return e;
    }
    return std::nullopt;
}

// An Ed25519 key pair standing for a practice member.
struct Member
{
    QString id;
    QByteArray pub = QByteArray(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray sec = QByteArray(crypto_sign_SECRETKEYBYTES, '\0');

    explicit Member(QString memberId)
        : id(std::move(memberId))
    {
        crypto_sign_keypair(reinterpret_cast<unsigned char *>(pub.data()), reinterpret_cast<unsigned char *>(sec.data()));
    }
    // A signature under the practice domain, as PracticeIdentity::sign makes it.
    QByteArray sign(const QByteArray &message) const
    {
        const QByteArray bytes = QByteArray(practiceSignatureDomain) + message;
        QByteArray out(crypto_sign_BYTES, '\0');
        crypto_sign_detached(reinterpret_cast<unsigned char *>(out.data()), nullptr,
                             reinterpret_cast<const unsigned char *>(bytes.constData()),
                             static_cast<unsigned long long>(bytes.size()),
                             reinterpret_cast<const unsigned char *>(sec.constData()));
        return out;
    }
};

const QString practiceId = u"0123456789abcdef0123456789abcdef"_s;

// What `sync` hands the vault for a co-signature by supervisor of note (practice/cosign.cpp,
// recordCosigns), signed as the practice signs it (practice/events.cpp, practice/roster.cpp).
PracticeCosign cosignOf(const model::Note &note, const Member &supervisor, const Member &admin,
                        const QString &role = u"supervisor"_s)
{
    PracticeCosign c;
    c.note = note.id;
    c.practiceId = practiceId;
    c.item = QString(32, u'7');
    c.member = supervisor.id;
    c.seq = 12;
    c.at = u"2026-12-06T10:00:00Z"_s;
    c.contentHash = note.contentHash;
    c.event = "event\n" + practiceId.toUtf8() + '\n' + c.item.toUtf8() + '\n' + c.member.toUtf8() + "\ncosign\n"
              + c.contentHash.toUtf8() + '\n' + c.at.toUtf8() + '\n'
              + QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855") + '\n';
    c.signature = supervisor.sign(c.event);
    c.signPublic = supervisor.pub;
    c.certificate = "member\n" + practiceId.toUtf8() + '\n' + supervisor.id.toUtf8() + "\nm_" + supervisor.id.toUtf8()
                    + '\n' + role.toUtf8() + "\nmember\n" + supervisor.pub.toHex();
    c.certificateSignature = admin.sign(c.certificate);
    c.adminKey = admin.pub;
    return c;
}

} // namespace

class PracticeCosignVaultTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_dir;
    Member m_admin{u"a0"_s}, m_sam{u"5a"_s}, m_sid{u"51"_s};
    Id m_note = 0, m_other = 0, m_local = 0;

    std::unique_ptr<Vault> open(const QString &user = u"alice"_s) { return Vault::open(m_dir, user, secret()); }
    Id writeNote(Vault &v, const QString &text)
    {
        model::Session s;
        s.date = model::Date(2026, 12, 1);
        s.attendees.append({0, u"C-1"_s, model::Attendance::Attended});
        const Id note = v.notes().addSession(s, u"free"_s, model::NoteKind::Progress, {{u"Note"_s, text}}).notes.first();
        v.notes().sign(note);
        return note;
    }
    // The row as an attacker holding the vault key leaves it: the triggers dropped, a column set.
    static void editRow(Vault &v, Id note, const QString &assignment)
    {
        VaultTestAccess::database(v).exec(
            u"DROP TRIGGER IF EXISTS practice_cosigns_no_update; UPDATE practice_cosigns SET %1 WHERE note_id = %2"_s
                .arg(assignment)
                .arg(note)
                .toStdString());
    }
    static QString column(Vault &v, Id note, const QString &name)
    {
        return VaultTestAccess::database(v).pragmaText(
            u"SELECT %1 FROM practice_cosigns WHERE note_id = %2"_s.arg(name).arg(note).toStdString());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(sodium_init() >= 0);
        QVERIFY(m_tmp.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_tmp.filePath(u"config"_s)));
        m_dir = m_tmp.filePath(u"vault"_s);
        auto v = Vault::create(m_dir, u"alice"_s, secret(), model::Role::Therapist, KdfCost::testOnly()).vault;
        v->addUser(u"sam"_s, model::Role::Supervisor, secret(), KdfCost::testOnly());
        v->addUser(u"bob"_s, model::Role::Therapist, secret(), KdfCost::testOnly());
        // A copy before the client came, trusting the same keys: where exportAndImportCarryIt imports.
        v->backup().write(m_tmp.filePath(u"copy.ucbackup"_s));
        model::Client c;
        c.code = u"C-1"_s;
        c.displayName = u"Client One"_s;
        v->clients().add(c);
        m_note = writeNote(*v, u"She spoke of the move and slept better."_s);
        m_other = writeNote(*v, u"The second session: she named the fear."_s);
        m_local = writeNote(*v, u"Third: co-signed by sam in this vault."_s);
        v->lock();
        auto s = open(u"sam"_s);
        s->supervision().assign(u"alice"_s, u"sam"_s, model::SupervisionMode::MustCosign);
        s->supervision().cosign(m_local);
    }

    void aVerifiedPracticeCosignatureCountsInTheVault()
    {
        auto v = open();
        const model::Note before = v->notes().read(m_note);
        QVERIFY(before.status == model::NoteStatus::Signed);
        QVERIFY(!before.complete());
        QCOMPARE(v->supervision().queue().size(), 2); // m_note and m_other wait on sam

        QCOMPARE(v->practiceCosigns().record({cosignOf(before, m_sam, m_admin)}), 1);
        const model::Note after = v->notes().read(m_note);
        QVERIFY(after.status == model::NoteStatus::Cosigned);
        QVERIFY(after.complete());
        QCOMPARE(after.practiceCosigner, m_sam.id);
        QCOMPARE(after.cosigner(), u"member 5a (practice)"_s);
        QCOMPARE(after.cosignedAt, u"2026-12-06T10:00:00Z"_s);
        QCOMPARE(after.text(), before.text()); // the note's text is untouched
        QCOMPARE(v->supervision().queue().size(), 1);
        QCOMPARE(v->supervision().queue().first().noteId, m_other);
        for (const NoteEntry &entry : v->notes().listForClient(u"C-1"_s)) // note list says so too
            QVERIFY(entry.status == (entry.note == m_other ? model::NoteStatus::Signed : model::NoteStatus::Cosigned));
        const SignatureCheck check = v->notes().checkSignatures(m_note);
        QVERIFY2(check.ok, qPrintable(check.problem));
        QVERIFY(check.signers.contains(u"co-signed by member 5a (practice)"_s));
        // Applied once: a second sync's record changes nothing.
        QCOMPARE(v->practiceCosigns().record({cosignOf(before, m_sam, m_admin)}), 0);
        // Recorded in the trail, and kept: the vault refuses to change or remove the row.
        QCOMPARE(VaultTestAccess::database(*v).pragmaText(
                     "SELECT count(*) FROM audit WHERE action = 'practice-cosign'"),
                 u"1"_s);
        QVERIFY(errorOf([&] {
            VaultTestAccess::database(*v).exec("UPDATE practice_cosigns SET seq = 13");
        }));
        QVERIFY(errorOf([&] { VaultTestAccess::database(*v).exec("DELETE FROM practice_cosigns"); }));
        v->lock();
        // A supervisor of the vault sees it co-signed: nothing for them to co-sign again.
        auto s = open(u"sam"_s);
        QVERIFY(s->notes().read(m_note).status == model::NoteStatus::Cosigned);
        const auto again = errorOf([&] { s->supervision().cosign(m_note); });
        QVERIFY(again && again->kind() == ErrorKind::Conflict);
    }

    void whatDoesNotVerifyIsNotRecorded()
    {
        auto v = open();
        const model::Note other = v->notes().read(m_other);
        const auto refused = [&](const PracticeCosign &c, const char *why) {
            const auto e = errorOf([&] { (void)v->practiceCosigns().record({c}); });
            QVERIFY2(e && e->kind() == ErrorKind::Damaged, why);
            QVERIFY2(!v->practiceCosigns().of(m_other), why);
            QVERIFY(v->notes().read(m_other).status == model::NoteStatus::Signed);
        };
        PracticeCosign c = cosignOf(other, m_sam, m_admin);
        c.signature[0] = static_cast<char>(c.signature.at(0) ^ 1);
        refused(c, "a changed signature");
        c = cosignOf(other, m_sam, m_admin);
        c.certificateSignature = m_sid.sign(c.certificate);
        refused(c, "a certificate not made by the administrator");
        refused(cosignOf(other, m_sam, m_admin, u"therapist"_s), "a certificate of a therapist");
        // Replayed onto another note: sam's co-signature of m_note, named as m_other's.
        c = cosignOf(v->notes().read(m_note), m_sam, m_admin);
        c.note = m_other;
        refused(c, "a co-signature of another note's content");
        // On a note that is not the current user's.
        v->lock();
        auto b = open(u"bob"_s);
        const auto e = errorOf([&] { (void)b->practiceCosigns().record({cosignOf(other, m_sam, m_admin)}); });
        QVERIFY(e && (e->kind() == ErrorKind::Damaged || e->kind() == ErrorKind::NotAllowed));
    }

    void aNoteCosignedInTheVaultKeepsItsCosignature()
    {
        auto v = open();
        const model::Note local = v->notes().read(m_local);
        QCOMPARE(local.cosignedBy, u"sam"_s);
        QCOMPARE(v->practiceCosigns().record({cosignOf(local, m_sid, m_admin)}), 0);
        const model::Note after = v->notes().read(m_local);
        QCOMPARE(after.cosignedBy, u"sam"_s);
        QVERIFY(after.practiceCosigner.isEmpty());
        QVERIFY(!v->practiceCosigns().of(m_local));
        QVERIFY(v->notes().checkSignatures(m_local).ok);
    }

    void exportAndImportCarryIt()
    {
        QJsonObject record;
        {
            auto v = open();
            record = v->records().exportClient(u"C-1"_s, false);
        }
        QJsonObject exported;
        for (const QJsonValue &n : record.value("notes"_L1).toArray())
            if (n.toObject().value("id"_L1).toInteger() == m_note)
                exported = n.toObject();
        QCOMPARE(exported.value("status"_L1).toString(), u"signed"_s); // as stored, the row beside it
        QCOMPARE(exported.value("practice_cosign"_L1).toObject().value("member"_L1).toString(), m_sam.id);
        const QString target = m_tmp.filePath(u"target"_s);
        Vault::restore(m_tmp.filePath(u"copy.ucbackup"_s), target, u"alice"_s, secret());
        const auto importEdited = [&](const std::function<void(QJsonObject &)> &edit) {
            QJsonObject r = record;
            QJsonArray notes = r.value("notes"_L1).toArray();
            for (qsizetype i = 0; i < notes.size(); ++i)
                if (notes.at(i).toObject().contains("practice_cosign"_L1)) {
                    QJsonObject n = notes.at(i).toObject();
                    QJsonObject c = n.value("practice_cosign"_L1).toObject();
                    edit(c);
                    n.insert("practice_cosign"_L1, c);
                    notes.replace(i, n);
                }
            r.insert("notes"_L1, notes);
            auto t = Vault::open(target, u"alice"_s, secret());
            return errorOf([&] { (void)t->records().importClient(r); });
        };
        // Edited in the record: refused, nothing imported.
        const auto flipped = [](QJsonObject &c, const QString &key) {
            QString v = c.value(key).toString();
            v[0] = v.at(0) == u'0' ? u'1' : u'0';
            c.insert(key, v);
        };
        for (const QString &key : {u"signature"_s, u"certificate_signature"_s, u"admin_key"_s, u"sign_public"_s}) {
            const auto e = importEdited([&](QJsonObject &c) { flipped(c, key); });
            QVERIFY2(e && e->kind() == ErrorKind::Damaged, qPrintable(key));
        }
        // Every practice signature made anew by an attacker's own administrator and supervisor: only
        // alice's signature of the row tells.
        model::Note original;
        {
            auto v = open();
            original = v->notes().read(m_note);
        }
        const Member fakeAdmin{u"ff"_s}, fakeSam{u"5a"_s};
        const QJsonObject forged = practiceCosignJson(cosignOf(original, fakeSam, fakeAdmin));
        const auto e = importEdited([&](QJsonObject &c) {
            if (c.value("member"_L1).toString() == m_sam.id)
                c = forged;
        });
        QVERIFY(e && e->kind() == ErrorKind::Damaged && e->message().contains("alice"_L1));
        {
            auto t = Vault::open(target, u"alice"_s, secret());
            QVERIFY(t->clients().list().isEmpty());
        }
        // As exported: imported, co-signed, verified in the other vault.
        QVERIFY(!importEdited([](QJsonObject &) {}));
        auto t = Vault::open(target, u"alice"_s, secret());
        const model::Note imported = t->notes().read(m_note);
        QVERIFY(imported.status == model::NoteStatus::Cosigned);
        QCOMPARE(imported.cosigner(), u"member 5a (practice)"_s);
        const SignatureCheck check = t->notes().checkSignatures(m_note);
        QVERIFY2(check.ok, qPrintable(check.problem));
        QVERIFY(t->notes().read(m_local).practiceCosigner.isEmpty());
        QCOMPARE(t->notes().read(m_local).cosignedBy, u"sam"_s);
    }

    void anEditedRowFailsNoteVerify()
    {
        auto v = open();
        QVERIFY(v->notes().checkSignatures(m_note).ok);
        const QString signature = column(*v, m_note, u"signature"_s);
        const QString publicKey = column(*v, m_note, u"sign_public"_s);
        const QString certificate = column(*v, m_note, u"certificate"_s);
        const QString certificateSignature = column(*v, m_note, u"certificate_signature"_s);
        const QString adminKey = column(*v, m_note, u"admin_key"_s);
        const QString event = column(*v, m_note, u"event"_s);
        const auto broken = [&](const QString &assignment, const char *why) {
            editRow(*v, m_note, assignment);
            const SignatureCheck check = v->notes().checkSignatures(m_note);
            QVERIFY2(!check.ok && !check.problem.isEmpty(), why);
            editRow(*v, m_note,
                    u"signature = '%1', sign_public = '%2', certificate = '%3', certificate_signature = '%4', "
                    "admin_key = '%5', event = '%6', member_id = '5a', cosigned_at = '2026-12-06T10:00:00Z'"_s
                        .arg(signature, publicKey, certificate, certificateSignature, adminKey, event));
            QVERIFY2(v->notes().checkSignatures(m_note).ok, why);
        };
        QString flipped = signature;
        flipped[0] = flipped.at(0) == u'0' ? u'1' : u'0';
        broken(u"signature = '%1'"_s.arg(flipped), "an edited signature");
        broken(u"cosigned_at = '2026-01-01T00:00:00Z'"_s, "an edited time");
        broken(u"member_id = '51'"_s, "another member named");

        // Another member's valid co-signature of another note, with its key and certificate: sid's of
        // m_other, every column of it swapped into m_note's row.
        const PracticeCosign sid = cosignOf(v->notes().read(m_other), m_sid, m_admin);
        broken(u"signature = '%1', sign_public = '%2', certificate = '%3', certificate_signature = '%4', "
               "event = '%5', member_id = '%6'"_s
                   .arg(QString::fromLatin1(sid.signature.toHex()), QString::fromLatin1(sid.signPublic.toHex()),
                        QString::fromUtf8(sid.certificate), QString::fromLatin1(sid.certificateSignature.toHex()),
                        QString::fromUtf8(sid.event), sid.member),
               "another member's co-signature of another note");
        // An attacker's own administrator, certifying an attacker's supervisor key over m_note: every
        // practice signature holds, the author's signature of the row does not.
        const Member fakeAdmin{u"ff"_s}, fakeSam{u"5a"_s};
        const PracticeCosign forged = cosignOf(v->notes().read(m_note), fakeSam, fakeAdmin);
        broken(u"signature = '%1', sign_public = '%2', certificate = '%3', certificate_signature = '%4', "
               "admin_key = '%5'"_s
                   .arg(QString::fromLatin1(forged.signature.toHex()), QString::fromLatin1(forged.signPublic.toHex()),
                        QString::fromUtf8(forged.certificate), QString::fromLatin1(forged.certificateSignature.toHex()),
                        QString::fromLatin1(forged.adminKey.toHex())),
               "a swapped administrator key");
        // The note's own text changed under the co-signature: the author's signature fails first.
        VaultTestAccess::database(*v).exec(
            u"DROP TRIGGER IF EXISTS notes_signed_no_update; UPDATE notes SET sections = replace(sections, 'move', 'mood') "
            "WHERE id = %1"_s.arg(m_note).toStdString());
        QVERIFY(!v->notes().checkSignatures(m_note).ok);
    }

    void aVaultFromBeforeGetsTheTable()
    {
        {
            auto v = open();
            VaultTestAccess::database(*v).exec("PRAGMA user_version = 24");
        }
        auto v = open();
        QCOMPARE(userVersion(VaultTestAccess::database(*v)), schemaVersion);
        QCOMPARE(schemaVersion, 27);
        QCOMPARE(v->notes().read(m_note).practiceCosigner, m_sam.id);
    }
};

QTEST_GUILESS_MAIN(PracticeCosignVaultTest)

#include "practicecosignvaulttest.moc"
