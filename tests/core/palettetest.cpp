// SPDX-License-Identifier: GPL-3.0-or-later
// One colour per theme for a client, in every view (core/reports/palette.h): the client's palette
// ranks the themes of their attended sessions over the whole record; a theme in it keeps its colour
// whatever else is drawn; a theme outside it never takes a colour a drawn theme holds.
#include "reports/palette.h"

#include <QSet>
#include <QTest>

using namespace uc;
using namespace Qt::StringLiterals;

namespace {

model::SessionThemes session(int day, std::map<QString, int> themes,
                             model::Attendance attendance = model::Attendance::Attended)
{
    model::SessionThemes s;
    s.sessionId = day;
    s.date = model::Date(2025, 1, day);
    s.attendance = attendance;
    s.themes = std::move(themes);
    return s;
}

// Ten themes: t0 in ten sessions, t1 in nine … t9 in one.
model::ClientHistory tenThemes()
{
    model::ClientHistory h;
    for (int day = 1; day <= 10; ++day) {
        std::map<QString, int> themes;
        for (int t = 0; t < 11 - day; ++t)
            themes[u"t%1"_s.arg(t)] = 1;
        h.sessions.append(session(day, themes));
    }
    return h;
}

// Every subset of the list (as drawn sets), up to 2^n.
QList<QStringList> subsets(const QStringList &all)
{
    QList<QStringList> out;
    for (int mask = 0; mask < (1 << all.size()); ++mask) {
        QStringList s;
        for (int i = 0; i < all.size(); ++i)
            if (mask & (1 << i))
                s.append(all.at(i));
        out.append(s);
    }
    return out;
}

} // namespace

class PaletteTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thePaletteRanksByAttendedSessionsThenId()
    {
        model::ClientHistory h;
        h.sessions.append(session(1, {{u"b"_s, 3}, {u"a"_s, 1}}));
        h.sessions.append(session(2, {{u"b"_s, 1}, {u"c"_s, 5}}));
        h.sessions.append(session(3, {{u"c"_s, 1}, {u"z"_s, 1}}));
        // a no-show's themes (a note about the missed session) do not rank
        h.sessions.append(session(4, {{u"z"_s, 1}, {u"y"_s, 9}}, model::Attendance::NoShow));
        QCOMPARE(reports::clientPalette(h), (QStringList{u"b"_s, u"c"_s, u"a"_s, u"z"_s}));
        QCOMPARE(reports::clientPalette(tenThemes()).size(), reports::maxDrawnThemes);
        QCOMPARE(reports::clientPalette(tenThemes()).constFirst(), u"t0"_s);
        QVERIFY(!reports::clientPalette(tenThemes()).contains(u"t8"_s));
        QVERIFY(reports::clientPalette({}).isEmpty());
    }

    void aPaletteThemeKeepsItsColourWhateverIsDrawn()
    {
        const QStringList palette = reports::clientPalette(tenThemes());
        // Eight palette themes have eight different colours.
        QSet<QRgb> colours;
        for (const QString &t : palette)
            colours.insert(reports::clientThemeColour(t, palette, palette).rgb());
        QCOMPARE(colours.size(), reports::maxDrawnThemes);
        // Whatever the view draws beside it (any subset of the ten), a palette theme's colour is one.
        QStringList all = palette;
        all << u"t8"_s << u"t9"_s;
        for (const QString &t : palette) {
            const QRgb fixed = reports::clientThemeColour(t, palette, {}).rgb();
            QCOMPARE(fixed, reports::themeColour(t, palette).rgb());
            for (const QStringList &drawn : subsets(all))
                QCOMPARE(reports::clientThemeColour(t, palette, drawn).rgb(), fixed);
        }
    }

    void drawnThemesNeverShareAColour()
    {
        const QStringList palette = reports::clientPalette(tenThemes());
        QStringList all = palette;
        all << u"t8"_s << u"t9"_s;
        int checked = 0;
        for (const QStringList &drawn : subsets(all)) {
            if (drawn.size() > reports::maxDrawnThemes)
                continue;
            QSet<QRgb> colours;
            for (const QString &t : drawn)
                colours.insert(reports::clientThemeColour(t, palette, drawn).rgb());
            QVERIFY2(colours.size() == drawn.size(), qPrintable(drawn.join(u',')));
            ++checked;
        }
        QVERIFY(checked > 900);
    }

    void theDarkBackgroundSwapsOnlyBlack()
    {
        const QStringList palette = reports::clientPalette(tenThemes());
        for (const QString &t : palette) {
            const QColor light = reports::clientThemeColour(t, palette, palette);
            const QColor dark = reports::clientThemeColour(t, palette, palette, true);
            QCOMPARE(dark.rgb() == light.rgb(), light.rgb() != QColor(Qt::black).rgb());
        }
    }
};

QTEST_GUILESS_MAIN(PaletteTest)
#include "palettetest.moc"
