// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import Undercurrent

// The small caption above a form field.
Label {
    color: Theme.muted
    font.pixelSize: Theme.smallSize
    font.weight: Font.DemiBold
}
