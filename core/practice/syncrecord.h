// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace uc {
class Error;
}
namespace uc::vault {
class Vault;
}

// The last sync on this machine, as the GUI shows it between sessions (docs/practice.md, "In the
// GUI"): when, how it ended, and whether a refusal was acknowledged. Kept in the member folder
// (lastsync.json, owner-only); it decides nothing about what is trusted, the pinned heads do.
// The message is an uc::Error's sentence: never a value, a note or a secret.
namespace uc::practice {

struct SyncRecord
{
    enum class Outcome : unsigned char {
        Synced, // pushed and pulled
        Offline, // the server could not be reached (nothing changed; the next sync tries again)
        Failed, // refused otherwise: the certificate, a key not yet certified, a role (nothing changed)
        Refused, // the server's history did not verify against what is pinned here (Damaged)
    };
    QDateTime at; // UTC
    Outcome outcome = Outcome::Synced;
    QString message; // why it failed or was refused; for Synced, what moved ("pushed 2, pulled 1")
    bool acknowledged = false; // a refusal the user has read (the banner goes)
};

struct SyncResult;

// The record of a sync that ended now, the same from the GUI and the CLI: what moved ("Pushed 2,
// pulled 1."), or how it failed. A Damaged error (the server's history did not verify against
// what is pinned here) is Refused, an Io error (the server could not be reached) Offline, any other
// Failed; the message is the error's sentence.
[[nodiscard]] SyncRecord syncRecordOf(const SyncResult &result);
[[nodiscard]] SyncRecord syncRecordOf(const Error &error);

// The record, or nothing when this member never synced here (or the file is not one).
[[nodiscard]] std::optional<SyncRecord> loadSyncRecord(const vault::Vault &vault);
void saveSyncRecord(const vault::Vault &vault, const SyncRecord &record);

} // namespace uc::practice
