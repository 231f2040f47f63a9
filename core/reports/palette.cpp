// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports/palette.h"

#include <algorithm>
#include <map>
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

QColor colourOfSlot(int slot, bool dark)
{
    const QRgb rgb = okabeIto.at(static_cast<size_t>(slot));
    return QColor::fromRgb(dark && rgb == 0x000000 ? darkSafeBlack : rgb);
}

// The slot of theme id among the drawn themes: the palette's themes hold the slots they have among
// the palette's own themes; the others (id among them) take theirs in order of preference and id,
// each its preferred slot or the next free one. With an empty palette that is every drawn theme.
int slotAmong(const QString &id, const QStringList &palette, const QStringList &drawn)
{
    std::array<bool, okabeIto.size()> taken{};
    std::vector<std::pair<int, QString>> outside;
    outside.reserve(static_cast<size_t>(drawn.size()) + 1);
    for (const QString &theme : drawn) {
        if (palette.contains(theme))
            taken.at(static_cast<size_t>(slotAmong(theme, {}, palette))) = true;
        else
            outside.emplace_back(preferredSlot(theme), theme);
    }
    if (!drawn.contains(id))
        outside.emplace_back(preferredSlot(id), id);
    std::sort(outside.begin(), outside.end());
    outside.erase(std::unique(outside.begin(), outside.end()), outside.end());
    for (const auto &[preferred, theme] : outside) {
        int slot = preferred;
        for (size_t tries = 0; tries < taken.size() && taken.at(static_cast<size_t>(slot)); ++tries)
            slot = (slot + 1) % maxDrawnThemes;
        if (taken.at(static_cast<size_t>(slot)))
            slot = preferred; // more than eight drawn: the preferred one is shared
        taken.at(static_cast<size_t>(slot)) = true;
        if (theme == id)
            return slot;
    }
    return preferredSlot(id);
}

} // namespace

QColor themeColour(const QString &id, const QStringList &drawn, bool dark)
{
    return colourOfSlot(slotAmong(id, {}, drawn), dark);
}

QString themeColourName(const QString &id, const QStringList &drawn, bool dark)
{
    return themeColour(id, drawn, dark).name();
}

QStringList clientPalette(const model::ClientHistory &history)
{
    std::map<QString, int> sessions;
    for (const model::SessionThemes &s : history.sessions)
        if (s.attended())
            for (const auto &entry : s.themes)
                ++sessions[entry.first];
    std::vector<std::pair<int, QString>> ranked;
    ranked.reserve(sessions.size());
    for (const auto &[theme, n] : sessions)
        ranked.emplace_back(-n, theme);
    std::sort(ranked.begin(), ranked.end());
    QStringList palette;
    for (const auto &entry : ranked) {
        if (palette.size() == maxDrawnThemes)
            break;
        palette.append(entry.second);
    }
    return palette;
}

QColor clientThemeColour(const QString &id, const QStringList &palette, const QStringList &drawn, bool dark)
{
    if (palette.contains(id))
        return colourOfSlot(slotAmong(id, {}, palette), dark);
    return colourOfSlot(slotAmong(id, palette, drawn), dark);
}

QString clientThemeColourName(const QString &id, const QStringList &palette, const QStringList &drawn, bool dark)
{
    return clientThemeColour(id, palette, drawn, dark).name();
}

} // namespace uc::reports
