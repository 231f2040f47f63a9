// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patternsdata.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QQmlEngine>
#include <QVariantList>

class PatternMeasureModel;
class PatternThemeModel;

// The two charts of one client's patterns (themes over time, measures over time): the shared time
// axis, the value axes' tops and ticks, and the points of each series, filled into Qt Charts from
// C++ so QML does no arithmetic. What is drawn follows the themes list's checks.
class PatternChart : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PatternsModel")

    Q_PROPERTY(QDateTime axisFrom READ axisFrom NOTIFY changed)
    Q_PROPERTY(QDateTime axisTo READ axisTo NOTIFY changed)
    Q_PROPERTY(QString axisFormat READ axisFormat NOTIFY changed)
    Q_PROPERTY(QString empty READ empty NOTIFY seriesChanged)
    Q_PROPERTY(int themeMax READ themeMax NOTIFY seriesChanged)
    Q_PROPERTY(int themeTicks READ themeTicks NOTIFY seriesChanged)
    Q_PROPERTY(QString themeAxisTitle READ themeAxisTitle NOTIFY changed)
    Q_PROPERTY(int measureMax READ measureMax CONSTANT)
    // The client's episodes of care on the time axis, for the charts to shade (see episodeSpans).
    Q_PROPERTY(QVariantList episodeSpans READ episodeSpans NOTIFY changed)
    Q_PROPERTY(int measureTicks READ measureTicks CONSTANT)

public:
    PatternChart(const PatternThemeModel *themes, const PatternMeasureModel *measures, QObject *parent);

    [[nodiscard]] QDateTime axisFrom() const;
    [[nodiscard]] QDateTime axisTo() const;
    [[nodiscard]] QString axisFormat() const;
    // Why the themes chart has nothing to draw, in words; "" when it draws something.
    [[nodiscard]] QString empty() const;
    // The value axes' tops and tick counts: whole numbers on every tick.
    [[nodiscard]] int themeMax() const;
    [[nodiscard]] int themeTicks() const;
    [[nodiscard]] QString themeAxisTitle() const;
    [[nodiscard]] static int measureMax() { return 100; } // per cent of each instrument's maximum
    [[nodiscard]] static int measureTicks() { return 6; }

    // Each episode that meets the axis: [{id, from, to, level, levelName, label, shade}], from and
    // to in parts of the axis (0 its first moment, 1 its last; clipped), an episode reaching from
    // the start of its first day to the end of its last (an open one to the axis' end); shade: the
    // level's place in model::knownLevels(), the practice's own levels after them. By start date.
    [[nodiscard]] QVariantList episodeSpans() const;

    // The points of a theme over the buckets: x the bucket's first day (ms since the epoch, local
    // noon), y sessions raising it (mentions when by session). Every bucket is a point.
    [[nodiscard]] QList<QPointF> themePoints(const QString &theme) const;
    // y: the total as per cent of the instrument's maximum, so instruments of different ranges share the axis.
    [[nodiscard]] QList<QPointF> measurePoints(const QString &instrument) const;
    // Fills a QtCharts QXYSeries (LineSeries, ScatterSeries) with those points; false for another object.
    Q_INVOKABLE bool fillThemeSeries(QObject *series, const QString &theme) const;
    Q_INVOKABLE bool fillMeasureSeries(QObject *series, const QString &instrument) const;
    // [{theme, label, color}] of the checked themes, for the chart's series.
    Q_INVOKABLE QVariantList checkedSeries() const;

    // The patterns drawn (the measure rows come from the measures list).
    void set(const uc::gui::PatternsData &data);
    // The themes' colours changed (a dark background): the series are drawn again.
    void recoloured() { Q_EMIT seriesChanged(); }

Q_SIGNALS:
    void changed();
    void seriesChanged(); // which themes are drawn changed, or the data did

private:
    const PatternThemeModel *m_themes;
    const PatternMeasureModel *m_measures;
    QString m_code;
    QString m_by;
    QString m_from;
    QString m_to;
    bool m_anyTheme = false;
    QList<uc::gui::PatternBucketRow> m_buckets;
    QList<uc::gui::PatternSessionRow> m_sessions;
    QList<uc::gui::PatternEpisodeRow> m_episodes;
};
