// SPDX-License-Identifier: GPL-3.0-or-later
pragma Singleton
import QtQuick
import Undercurrent

// The look in one place: a calm light palette, one accent, and the spacing every screen uses.
QtObject {
    // Light by default; the dark palette keeps the same calm hues at lower brightness.
    readonly property bool dark: Appearance.dark
    readonly property color background: dark ? "#161b21" : "#f4f5f7"
    readonly property color surface: dark ? "#1f262e" : "#ffffff"
    readonly property color border: dark ? "#334049" : "#dfe3e8"
    readonly property color text: dark ? "#e4e9ee" : "#1f2933"
    readonly property color muted: dark ? "#9aa7b4" : "#5b6775"
    readonly property color accent: dark ? "#4f9fa3" : "#2f6f73"
    readonly property color accentSoft: dark ? "#22383a" : "#e3efef"
    readonly property color danger: dark ? "#e0716b" : "#a8322d"
    readonly property color dangerSoft: dark ? "#3a2323" : "#fbeceb"
    readonly property color warning: dark ? "#d9a441" : "#9a6700"
    readonly property color chip: dark ? "#2a333c" : "#eef1f5"
    readonly property color chipText: dark ? "#cfd8e0" : "#33414f"
    readonly property color hover: dark ? "#27313a" : "#f8fafb"

    readonly property int gap: 16
    readonly property int radius: 8
    readonly property int titleSize: 26
    readonly property int headingSize: 17
    readonly property int bodySize: 14
    readonly property int smallSize: 12

    // "7 clients", "1 client" (no translations are loaded yet, so qsTr's %n cannot pluralise).
    function plural(n, one, many) {
        return n + " " + (Number(n) === 1 ? one : many);
    }

    // text made safe to put inside StyledText or RichText: shown as written, never as markup.
    function escaped(text: string): string {
        return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
    }

    // "2026-11-26T04:04:16.039Z" → "26 Nov 2026, 04:04 UTC".
    function stamp(iso) {
        return iso.length < 16 ? iso : date(iso.slice(0, 10)) + ", " + iso.slice(11, 16) + " UTC";
    }

    // "2025-03-10" → "10 Mar 2025"; empty stays empty. Display only: the models keep ISO dates.
    function date(iso: string): string {
        if (iso === "")
            return "";
        const parts = iso.split("-");
        const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        return Number(parts[2]) + " " + months[Number(parts[1]) - 1] + " " + parts[0];
    }
}
