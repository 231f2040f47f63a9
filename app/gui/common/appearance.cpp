// SPDX-License-Identifier: GPL-3.0-or-later
#include "appearance.h"

#include <QSettings>

namespace {
const auto darkKey = QStringLiteral("appearance/dark");
}

Appearance::Appearance(QObject *parent)
    : QObject(parent)
    , m_dark(QSettings().value(darkKey, false).toBool())
{
}

void Appearance::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    QSettings().setValue(darkKey, dark);
    Q_EMIT darkChanged();
}
