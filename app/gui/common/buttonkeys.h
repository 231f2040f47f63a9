// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QCoreApplication;
class QQuickItem;

// Enter and Return as every screen's keyboard users expect, in one place for all buttons: on a
// focused button they click it (Space already does), and inside a dialog, when the focused control
// does nothing with the key, they click the dialog's default button (its one enabled highlighted
// button, which PrimaryButton is). A text field that acts on Enter itself (an onAccepted handler)
// keeps it.
class ButtonKeys : public QObject
{
    Q_OBJECT

public:
    explicit ButtonKeys(QObject *parent = nullptr);

    // Filters every key event of the application; owned by it.
    static void install(QCoreApplication *app);

    // The button Enter clicks in a popup: its one visible, enabled, highlighted button (or none).
    [[nodiscard]] static QQuickItem *defaultButton(QQuickItem *popupItem);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};
