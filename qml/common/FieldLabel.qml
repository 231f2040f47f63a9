// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Undercurrent

// The small caption above a form field.
Label {
    textFormat: Text.PlainText
    color: Style.muted
    font.pixelSize: Style.smallSize
    font.weight: Font.DemiBold
}
