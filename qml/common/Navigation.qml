// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick

// Which part of the unlocked window shows: "clients", "queue", "audit" or "agreement". Set at unlock
// from VaultSession.homeArea (the role's first screen) and by the sections in the top bar. While a
// screen outside the sections shows (search, settings), aside is true and no section is current.
QtObject {
    id: root

    property string area: "clients"
    property bool aside: false
    // A section chosen in the top bar (the window leaves search or settings for it).
    signal chosen(string area)

    function go(to: string) {
        root.area = to;
        root.chosen(to);
    }
}
