// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/palette.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace uc::reports {

namespace {

// FNV-1a over the id's UTF-8: stable across runs and platforms (qHash is seeded per process).
int preferredSlot(const QString &id)
{
    quint32 hash = 2166136261U;
    for (const char byte : id.toUtf8()) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 16777619U;
    }
    return static_cast<int>(hash % okabeIto.size());
}

int slotOf(const QString &id, const QStringList &drawn)
{
    std::vector<std::pair<int, QString>> themes;
    themes.reserve(static_cast<size_t>(drawn.size()) + 1);
    for (const QString &theme : drawn)
        themes.emplace_back(preferredSlot(theme), theme);
    if (!drawn.contains(id))
        themes.emplace_back(preferredSlot(id), id);
    std::sort(themes.begin(), themes.end());
    themes.erase(std::unique(themes.begin(), themes.end()), themes.end());
    std::array<bool, okabeIto.size()> taken{};
    for (const auto &[preferred, theme] : themes) {
        int slot = preferred;
        // Past eight every colour is taken: the preferred one is shared.
        for (size_t tries = 0; tries < taken.size() && taken.at(static_cast<size_t>(slot)); ++tries)
            slot = (slot + 1) % maxDrawnThemes;
        if (taken.at(static_cast<size_t>(slot)))
            slot = preferred;
        taken.at(static_cast<size_t>(slot)) = true;
        if (theme == id)
            return slot;
    }
    return preferredSlot(id);
}

} // namespace

QColor themeColour(const QString &id, const QStringList &drawn, bool dark)
{
    const QRgb rgb = okabeIto.at(static_cast<size_t>(slotOf(id, drawn)));
    return QColor::fromRgb(dark && rgb == 0x000000 ? darkSafeBlack : rgb);
}

QString themeColourName(const QString &id, const QStringList &drawn, bool dark)
{
    return themeColour(id, drawn, dark).name();
}

} // namespace uc::reports
