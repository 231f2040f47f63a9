// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/secret.h"
#include "practice/cosign.h"
#include "practice/events.h"

#include <QList>
#include <QString>

#include <functional>

namespace uc::vault {
class Vault;
}

// The author answers through the server (docs/practice.md, "The author's answer: addenda through the
// server", schema v7). A returned note is answered as in the vault, with an addendum; the author's
// sync pushes each signed addendum to one of her pushed notes as an append-only event of kind
// "addendum", signed by her, its words (and the addendum's own signed hash and time) encrypted under
// the client's newest content key (after a rotation, one a supervisor unassigned since does not hold;
// a reader tries each version of that client's key he holds); the supervisor's sync pulls, verifies
// and keeps them (answers.sealed), so his queue sees the return answered and the review pane shows
// the words.
// Errors as in practice.h; Damaged (4) for an addendum that does not verify, nothing written locally.
namespace uc::practice {

class Connection;
struct Certified;
struct ItemRow;
struct Membership;
struct ReceivedNote;
struct Revoked;

inline constexpr auto addendumKind = "addendum";

// The content key this member holds of a client pseudonym and version, made by maker; null when none.
using KeyLookup = std::function<const SecretBuffer *(const QString &maker, const QString &client, int version)>;

// The newest version of the content key this member made for a client pseudonym.
using NewestVersion = std::function<int(const QString &client)>;

// On the author's machine, inside sync's push transaction (after the notes are pushed and keys
// rotated): each of her signed addenda to her notes on the server that the server does not hold yet
// (her own addendum events, their signatures checked with her key, opened to find out), sealed under
// the client's newest key and pushed with an audit row ("addendum", the item id). Returns how many.
// Damaged when one of "her" addendum events is not signed by her key or does not open.
int pushAddenda(vault::Vault &vault, Connection &connection, const Membership &membership,
                const SecretBuffer &pseudonymKey, const KeyLookup &key, const NewestVersion &newest);

// On a reader's machine, for sync: the addenda on the notes received here (received, with the
// items as the server shows them) that are not kept yet, each verified: by the note's own author,
// signed with their certified key (and before their removal), over the received note's signed content
// hash, words that decrypt with a version of the client's key this reader holds. One numbered after
// the reader's assignment to its author ended is not for him (sealed under a key he was not given):
// skipped. Damaged for one that does not hold; nothing written.
// rows: every addendum event on others' notes as the server shows them (for seen.h).
[[nodiscard]] QList<PracticeEvent> newAddenda(const vault::Vault &vault, Connection &connection,
                                              const Membership &membership, const Certified &certified,
                                              const Revoked &revoked, const QList<ReceivedNote> &received,
                                              const QList<ItemRow> &items, const KeyLookup &key,
                                              QList<EventRow> &rows);
// Adds them to the kept addenda (sealed, answers.sealed).
void keepAddenda(const vault::Vault &vault, const QList<PracticeEvent> &addenda);
// The addenda kept here on the received notes (on one, when item is given), in the server's order;
// none when this vault is not a member. Error(Damaged) when the kept file was edited or swapped.
[[nodiscard]] QList<PracticeEvent> receivedAddenda(const vault::Vault &vault, const QString &item = {});

} // namespace uc::practice
