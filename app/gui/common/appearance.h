// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>

// The look the user chose (light or dark), remembered across runs. Style.qml follows it. The
// engine makes its own instance, which reads the setting; nothing else needs to configure it.
class Appearance : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)

public:
    explicit Appearance(QObject *parent = nullptr);
    [[nodiscard]] bool dark() const { return m_dark; }
    void setDark(bool dark);

Q_SIGNALS:
    void darkChanged();

private:
    bool m_dark = false;
};
