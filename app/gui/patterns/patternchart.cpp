// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternchart.h"

#include "patternsmodel.h"

#include "model/episode.h"

#include <QtCharts/QXYSeries>

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace uc::gui;

namespace {

QDateTime noonOf(const QString &iso)
{
    return QDateTime(QDate::fromString(iso, Qt::ISODate), QTime(12, 0));
}

qreal xOf(const QString &iso)
{
    return static_cast<qreal>(noonOf(iso).toMSecsSinceEpoch());
}

bool fill(QObject *series, const QList<QPointF> &points)
{
    auto *xy = qobject_cast<QXYSeries *>(series);
    if (!xy)
        return false;
    xy->replace(points);
    return true;
}

// Up to 6 the top itself (a tick per value); above, the next multiple of 5 or 10.
int niceTop(int most)
{
    if (most <= 6)
        return std::max(most, 1);
    const int step = most <= 30 ? 5 : 10;
    return (most + step - 1) / step * step;
}

int ticksFor(int top)
{
    if (top <= 6)
        return top + 1;
    return top / (top <= 30 ? 5 : 10) + 1;
}

} // namespace

PatternChart::PatternChart(const PatternThemeModel *themes, const PatternMeasureModel *measures, QObject *parent)
    : QObject(parent)
    , m_themes(themes)
    , m_measures(measures)
{
    connect(m_themes, &PatternThemeModel::checkedChanged, this, &PatternChart::seriesChanged);
}

QDateTime PatternChart::axisFrom() const
{
    if (m_from.isEmpty())
        return {};
    // The axis starts where the range starts (a point on its first day sits on the axis).
    if (m_from == m_to)
        return noonOf(m_from).addDays(-7);
    return QDateTime(QDate::fromString(m_from, Qt::ISODate), QTime(0, 0));
}

QDateTime PatternChart::axisTo() const
{
    if (m_to.isEmpty())
        return {};
    if (m_from == m_to)
        return noonOf(m_to).addDays(7);
    return QDateTime(QDate::fromString(m_to, Qt::ISODate), QTime(23, 59));
}

QString PatternChart::axisFormat() const
{
    const qint64 days = noonOf(m_from).daysTo(noonOf(m_to));
    return days > 400 ? u"MMM yyyy"_s : u"d MMM"_s;
}

QString PatternChart::empty() const
{
    if (m_code.isEmpty())
        return tr("Finding patterns…");
    if (m_from.isEmpty())
        return tr("No sessions in this range yet, so there is nothing to draw.");
    if (!m_anyTheme)
        return tr("No theme has come up in the progress notes of this range.");
    if (m_themes->checkedCount() == 0)
        return tr("No theme chosen: tick up to %1 themes to draw them.").arg(PatternThemeModel::maxChecked);
    return {};
}

QVariantList PatternChart::episodeSpans() const
{
    QVariantList spans;
    const QDateTime first = axisFrom();
    const QDateTime last = axisTo();
    if (!first.isValid() || !last.isValid() || first >= last)
        return spans;
    const auto part = [&](const QDateTime &t) {
        const qreal at = static_cast<qreal>(first.msecsTo(t)) / static_cast<qreal>(first.msecsTo(last));
        return std::clamp<qreal>(at, 0, 1);
    };
    const QList<QString> &known = uc::model::knownLevels();
    for (const PatternEpisodeRow &e : m_episodes) {
        const QDateTime start(QDate::fromString(e.start, Qt::ISODate), QTime(0, 0));
        const QDateTime end = e.end.isEmpty() ? last : QDateTime(QDate::fromString(e.end, Qt::ISODate), QTime(23, 59));
        if (end <= first || start >= last)
            continue;
        const qsizetype shade = known.indexOf(e.level);
        spans.append(QVariantMap{{u"id"_s, static_cast<int>(e.id)},
                                 {u"from"_s, part(start)},
                                 {u"to"_s, part(end)},
                                 {u"level"_s, e.level},
                                 {u"levelName"_s, e.levelName},
                                 {u"label"_s, e.label},
                                 {u"shade"_s, static_cast<int>(shade < 0 ? known.size() : shade)}});
    }
    return spans;
}

int PatternChart::themeMax() const
{
    int most = 1;
    for (const QString &theme : m_themes->checkedThemes()) {
        for (const QPointF &p : themePoints(theme))
            most = std::max(most, static_cast<int>(p.y()));
    }
    // One step of room above the highest point, so a point at the top is never cut in half.
    return niceTop(most + 1);
}

int PatternChart::themeTicks() const
{
    return ticksFor(themeMax());
}

QString PatternChart::themeAxisTitle() const
{
    return m_by == u"session" ? u"mentions"_s : u"sessions"_s;
}

QList<QPointF> PatternChart::themePoints(const QString &theme) const
{
    QList<QPointF> points;
    if (m_by == u"session") {
        for (const PatternSessionRow &s : m_sessions) {
            const auto found = s.hits.find(theme);
            points.append({xOf(s.date), static_cast<qreal>(found == s.hits.end() ? 0 : found->second)});
        }
        return points;
    }
    for (const PatternBucketRow &b : m_buckets) {
        const auto found = b.themes.find(theme);
        points.append({xOf(b.start), static_cast<qreal>(found == b.themes.end() ? 0 : found->second)});
    }
    return points;
}

QList<QPointF> PatternChart::measurePoints(const QString &instrument) const
{
    QList<QPointF> points;
    for (const PatternMeasureRow &row : m_measures->rows()) {
        if (row.instrument != instrument)
            continue;
        // As a share of the instrument's maximum: PHQ-9 (0–27) and AUDIT (0–40) on one axis.
        const qreal maximum = std::max(1, row.maximum);
        for (qsizetype i = 0; i < row.dates.size(); ++i)
            points.append({xOf(row.dates.at(i)), 100.0 * row.totals.at(i) / maximum});
    }
    return points;
}

bool PatternChart::fillThemeSeries(QObject *series, const QString &theme) const
{
    return fill(series, themePoints(theme));
}

bool PatternChart::fillMeasureSeries(QObject *series, const QString &instrument) const
{
    return fill(series, measurePoints(instrument));
}

QVariantList PatternChart::checkedSeries() const
{
    QVariantList list;
    for (int row = 0; row < m_themes->rowCount(); ++row) {
        const QModelIndex i = m_themes->index(row);
        if (!i.data(PatternThemeModel::CheckedRole).toBool())
            continue;
        list.append(QVariantMap{{u"theme"_s, i.data(PatternThemeModel::ThemeRole)},
                                {u"label"_s, i.data(PatternThemeModel::LabelRole)},
                                {u"color"_s, i.data(PatternThemeModel::ColorRole)}});
    }
    return list;
}

void PatternChart::set(const PatternsData &data)
{
    m_code = data.code;
    m_by = data.by;
    m_from = data.from;
    m_to = data.to;
    m_anyTheme = !data.themes.isEmpty();
    m_buckets = data.buckets;
    m_sessions = data.sessions;
    m_episodes = data.episodes;
    Q_EMIT changed();
    Q_EMIT seriesChanged();
}
