// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Which part of the unlocked window shows: "clients", "queue", "audit" or "agreement". Set at unlock
// from VaultSession.homeArea (the role's first screen) and by the sections in the top bar.
QtObject {
    property string area: "clients"
}
