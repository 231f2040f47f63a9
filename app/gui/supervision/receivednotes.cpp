// SPDX-License-Identifier: GPL-3.0-or-later
#include "receivednotes.h"

#include "common/error.h"
#include "model/riskrecord.h"
#include "themes/tagger.h"
#include "vault/tagging.h"
#include "vault/vault.h"

#ifdef UC_PRACTICE
#include "practice/answers.h"
#include "practice/cosign.h"
#include "practice/membership.h"
#include "practice/sync.h"
#endif

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace uc::gui {

using namespace Qt::StringLiterals;

QString practiceAuthorLabel(const QString &name, const QString &memberId)
{
    return u"%1 (practice member %2)"_s.arg(name.isEmpty() ? u"unnamed"_s : name, memberId.left(8));
}

#ifdef UC_PRACTICE
namespace {

// The note inside a received item: its signed canonical form (vault/signing.h, canonicalContent).
struct Canonical
{
    QString client;
    QString date;
    QString author;
    QString templateId;
    QString signedAt;
    QList<model::Section> sections;
};

Canonical canonicalOf(const practice::ReceivedNote &n)
{
    const QJsonObject o = QJsonDocument::fromJson(n.canonical.toUtf8()).object();
    Canonical c { o.value(u"client"_s).toString(),   o.value(u"date"_s).toString(),
                  o.value(u"author"_s).toString(),   o.value(u"template"_s).toString(),
                  o.value(u"signed_at"_s).toString(), {} };
    for (const QJsonValue &v : o.value(u"sections"_s).toArray()) {
        const QJsonObject s = v.toObject();
        c.sections.append({ s.value(u"title"_s).toString(), s.value(u"text"_s).toString() });
    }
    return c;
}

// The copy kept here is the one its author signed (sync checked it; the sealed file's
// authentication keeps it so on disk): checked again before it is shown as verified.
bool matchesSignedHash(const practice::ReceivedNote &n)
{
    return QString::fromLatin1(QCryptographicHash::hash(n.canonical.toUtf8(), QCryptographicHash::Sha256).toHex())
        == n.contentHash;
}

// Open risk as far as this machine can tell: a present flag in the words (the same tagger that
// flags a note at signing), and no assessment documented in the note. An assessment its author gave
// at signing outside the note's text stays in their vault, so such a note reads as open here.
bool openRiskOf(vault::Vault &vault, const QList<model::Section> &sections)
{
    const themes::TagResult r = vault.tagging().tagger().tag(model::textOf(sections));
    const bool present = std::any_of(r.risks.cbegin(), r.risks.cend(),
                                     [](const themes::RiskResult &x) { return x.status == themes::RiskStatus::Present; });
    const std::optional<model::RiskAssessment> documented = model::documentedAssessment(sections);
    return present && (!documented || documented->level == model::RiskLevel::ToFollow);
}

bool isSupervisorMember(const vault::Vault &vault)
{
    if (!practice::hasMembership(vault))
        return false;
    const std::optional<practice::Membership> m = practice::loadMembership(vault);
    return m && m->role == model::Role::Supervisor;
}

} // namespace

ReceivedQueue loadReceivedQueue(vault::Vault &vault, const model::Date &today)
{
    ReceivedQueue out;
    if (vault.currentUser().role != model::Role::Supervisor)
        return out;
    try {
        if (!isSupervisorMember(vault))
            return out;
        QSet<QString> cosigned;
        QHash<QString, qint64> returnedAt; // item → the server's number of this supervisor's newest return
        QHash<QString, int> comments; // item → this supervisor's comments and returns
        for (const practice::PracticeEvent &e : practice::sentEvents(vault)) {
            if (e.kind == u"cosign"_s)
                cosigned.insert(e.item);
            else
                ++comments[e.item];
            if (e.kind == u"return"_s)
                returnedAt[e.item] = std::max(returnedAt.value(e.item), e.seq);
        }
        // Ordered by the server's numbers, which both sides pin, not by two machines' clocks.
        QHash<QString, qint64> answeredAt; // item → the server's number of the author's newest addendum here
        for (const practice::PracticeEvent &a : practice::receivedAddenda(vault))
            answeredAt[a.item] = std::max(answeredAt.value(a.item), a.seq);
        for (const practice::ReceivedNote &n : practice::received(vault)) {
            const Canonical c = canonicalOf(n);
            QueueRow row;
            row.clientCode = c.client;
            row.sessionDate = c.date;
            row.therapist = practiceAuthorLabel(c.author, n.author);
            row.supervisor = vault.currentUser().name;
            row.mode = u"practice"_s;
            row.signedAt = c.signedAt;
            row.daysWaiting = daysWaiting(c.signedAt, today);
            row.item = n.item;
            row.authorMember = n.author;
            row.cosigned = cosigned.contains(n.item);
            row.comments = comments.value(n.item);
            // Returned until its author answers with an addendum (the vault's rule, supervision.h),
            // one the server numbered after the return.
            row.returned = returnedAt.contains(n.item) && answeredAt.value(n.item) < returnedAt.value(n.item);
            row.openRisk = openRiskOf(vault, c.sections);
            if (!matchesSignedHash(n)) {
                out.rows.clear();
                out.problem = u"A note received from the practice does not match what its author signed: the copy "
                              "kept on this machine was changed. None is shown."_s;
                return out;
            }
            out.rows.append(row);
        }
    } catch (const Error &e) {
        // The local queue still shows; the received notes are not, and the queue says why.
        out.rows.clear();
        out.problem = e.kind() == ErrorKind::Damaged
            ? u"The notes received from the practice could not be read: the file that keeps them on this machine "
              "was changed or replaced (%1). None is shown as verified; nothing was changed. Tell your practice "
              "administrator."_s.arg(e.why())
            : u"The notes received from the practice could not be read: %1."_s.arg(e.why());
        return out;
    }
    // By author, oldest first, as the local queue.
    std::stable_sort(out.rows.begin(), out.rows.end(), [](const QueueRow &a, const QueueRow &b) {
        return a.therapist != b.therapist ? a.therapist < b.therapist : a.signedAt < b.signedAt;
    });
    return out;
}

ReviewNoteData loadReceivedNote(vault::Vault &vault, const QString &item)
{
    const QString what = u"received note"_s;
    const QList<practice::ReceivedNote> all = practice::received(vault);
    const auto n = std::find_if(all.cbegin(), all.cend(), [&](const practice::ReceivedNote &r) { return r.item == item; });
    if (n == all.cend())
        throw Error(ErrorKind::Io, what, u"no note received here has this item id"_s);
    if (!matchesSignedHash(*n))
        throw Error(ErrorKind::Damaged, what,
                    u"the copy kept on this machine does not match what its author signed (it was changed)"_s);
    const Canonical c = canonicalOf(*n);
    ReviewNoteData d;
    d.clientCode = c.client;
    d.date = c.date;
    d.author = practiceAuthorLabel(c.author, n->author);
    d.templateLabel = model::templateLabel(c.templateId);
    d.status = u"signed"_s;
    d.text = model::textOf(c.sections);
    d.signedAt = c.signedAt;
    d.item = n->item;
    d.authorMember = n->author;
    d.signatureState = u"verified at sync"_s;
    for (const practice::PracticeEvent &e : practice::sentEvents(vault)) {
        if (e.item != item)
            continue;
        if (e.kind == u"cosign"_s) {
            d.status = u"cosigned"_s;
            d.cosignedBy = u"you (practice)"_s;
            d.cosignedAt = e.at;
        } else {
            d.comments.append({ vault.currentUser().name, e.kind == u"return"_s, e.text, e.at, u"verified"_s, {} });
        }
    }
    for (const practice::PracticeEvent &a : practice::receivedAddenda(vault, item))
        d.addenda.append({ d.author, a.text, a.at });
    vault.recordEvent(u"view-practice-note"_s, u"practice-item:"_s + item);
    return d;
}

#else

ReceivedQueue loadReceivedQueue(vault::Vault &, const model::Date &)
{
    return {};
}

ReviewNoteData loadReceivedNote(vault::Vault &, const QString &)
{
    throw Error(ErrorKind::Conflict, u"received note"_s, u"this build has no practice client"_s);
}

#endif

} // namespace uc::gui
