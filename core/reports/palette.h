// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/history.h"

#include <QColor>
#include <QString>
#include <QStringList>

#include <array>

// The one source of a clinical theme's colour, for the GUI's charts, legends and heatmap and for
// the client PDF alike (docs/patterns.md, "Colours").
namespace uc::reports {

// Okabe and Ito's eight colours, told apart with the common colour-vision deficiencies. Black is
// last: on a dark background it is replaced by darkSafeBlack.
inline constexpr std::array<QRgb, 8> okabeIto{0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442,
                                              0x0072B2, 0xD55E00, 0xCC79A7, 0x000000};
inline constexpr QRgb darkSafeBlack = 0xE8E8E8;
// A chart draws at most this many themes: beyond it two would share a colour.
inline constexpr int maxDrawnThemes = static_cast<int>(okabeIto.size());

// The colour of theme `id` among the themes drawn together (`drawn`; id need not be in it). Each
// theme has a preferred colour from its id alone (the same in every view and every run); when two
// drawn themes prefer the same one, the themes take their colours in order of preference and id,
// each the next free colour, so up to eight drawn themes never share one. The same set gives the
// same colours everywhere.
[[nodiscard]] QColor themeColour(const QString &id, const QStringList &drawn, bool dark = false);
// "#rrggbb", for QML.
[[nodiscard]] QString themeColourName(const QString &id, const QStringList &drawn, bool dark = false);

// A client's colour order: the themes raised in their attended sessions over the whole record, the
// most sessions first (then id), at most maxDrawnThemes. Every view of one client colours its themes
// against it (clientThemeColour), so a theme keeps its colour on the overview, the Patterns screen,
// review with the client and the PDF, whatever range is shown and whatever else is drawn.
[[nodiscard]] QStringList clientPalette(const model::ClientHistory &history);
// The colour of theme id for a client with that palette: a theme in the palette has the colour it
// takes among the palette's themes (themeColour(id, palette)) in every view; a theme outside it,
// drawn with others, takes a colour no drawn palette theme holds (the palette themes not drawn
// leave theirs free), in order of preference and id, so up to eight drawn themes never share one.
[[nodiscard]] QColor clientThemeColour(const QString &id, const QStringList &palette, const QStringList &drawn,
                                       bool dark = false);
[[nodiscard]] QString clientThemeColourName(const QString &id, const QStringList &palette, const QStringList &drawn,
                                            bool dark = false);

} // namespace uc::reports
