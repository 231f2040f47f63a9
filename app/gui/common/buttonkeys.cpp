// SPDX-License-Identifier: GPL-3.0-or-later
#include "buttonkeys.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QMetaMethod>
#include <QQuickItem>
#include <QQuickWindow>

namespace {

// QObject::isSignalConnected is protected; naming it through a subclass gives a member pointer to
// QObject's own function, which may then be called on any object.
struct SignalProbe : QObject
{
    static bool connected(const QObject *object, const char *signature)
    {
        const int index = object->metaObject()->indexOfSignal(signature);
        if (index < 0)
            return false;
        constexpr auto probe = &SignalProbe::isSignalConnected;
        return (object->*probe)(object->metaObject()->method(index));
    }
};

bool isEnter(const QKeyEvent *key)
{
    const auto modifiers = key->modifiers() & ~Qt::KeypadModifier;
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && modifiers == Qt::NoModifier;
}

bool isButton(const QObject *object)
{
    return object->inherits("QQuickAbstractButton");
}

bool isPushButton(const QQuickItem *item)
{
    // Check boxes, switches and radio buttons keep Enter for the dialog; Space toggles them.
    return isButton(item) && !item->property("checkable").toBool();
}

// What a mouse click on the button tells its handlers (onClicked, a DialogButtonBox's roles);
// Qt 6.4's buttons have no invokable click().
void click(QQuickItem *button)
{
    QMetaObject::invokeMethod(button, "clicked");
}

bool usable(const QQuickItem *item)
{
    return item->isVisible() && item->isEnabled();
}

void collectDefaults(QQuickItem *item, QList<QQuickItem *> &found)
{
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (!usable(child))
            continue;
        if (child->inherits("QQuickButton") && child->property("highlighted").toBool())
            found.append(child);
        else
            collectDefaults(child, found);
    }
}

} // namespace

ButtonKeys::ButtonKeys(QObject *parent)
    : QObject(parent)
{
}

void ButtonKeys::install(QCoreApplication *app)
{
    app->installEventFilter(new ButtonKeys(app));
}

QQuickItem *ButtonKeys::defaultButton(QQuickItem *popupItem)
{
    QList<QQuickItem *> found;
    collectDefaults(popupItem, found);
    return found.size() == 1 ? found.first() : nullptr;
}

bool ButtonKeys::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::KeyPress || !watched->isQuickItemType())
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (!isEnter(key) || key->isAutoRepeat())
        return false;
    auto *item = static_cast<QQuickItem *>(watched);
    if (item->hasActiveFocus() && isPushButton(item) && usable(item)) {
        click(item);
        return true;
    }
    // The key reaches a popup only when no control inside it took it.
    if (!item->inherits("QQuickPopupItem"))
        return false;
    const QQuickWindow *window = item->window();
    const QQuickItem *focused = window != nullptr ? window->activeFocusItem() : nullptr;
    if (focused != nullptr && focused->inherits("QQuickTextInput") && SignalProbe::connected(focused, "accepted()"))
        return false;
    QQuickItem *button = defaultButton(item);
    if (button == nullptr)
        return false;
    click(button);
    return true;
}
