// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternsmodel.h"

#include "vaultthread.h"

#include "model/measures.h"
#include "reports/palette.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using namespace uc::gui;
using Worker = VaultThread::Worker;

namespace {

// An instrument's bands in per cent of its maximum total, each widened by half a point at both
// ends (clipped to 0 and 100) so that neighbouring bands meet on a continuous axis.
QVariantList bandsOnAxis(const QString &instrument)
{
    QVariantList bands;
    const qreal maximum = uc::model::maxTotal(instrument);
    if (maximum <= 0)
        return bands;
    for (const uc::model::BandRange &range : uc::model::bandRanges(instrument)) {
        const qreal from = std::max<qreal>(0, range.from - 0.5);
        const qreal to = std::min<qreal>(maximum, range.to + 0.5);
        bands.append(QVariantMap{{u"from"_s, 100.0 * from / maximum},
                                 {u"to"_s, 100.0 * to / maximum},
                                 {u"band"_s, range.band},
                                 {u"label"_s, uc::model::bandLabel(range.band)}});
    }
    return bands;
}

} // namespace

// ---- PatternThemeModel

int PatternThemeModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant PatternThemeModel::data(const QModelIndex &index, int role) const
{
    const PatternThemeRow &row = rowAt(m_rows, index);
    switch (role) {
    case ThemeRole:
        return row.theme;
    case Qt::DisplayRole:
    case LabelRole:
        return row.label;
    case SessionsRole:
        return row.sessions;
    case RecurringRole:
        return row.recurring;
    case TrendRole:
        return row.trend;
    case Qt::CheckStateRole:
        return m_checked.at(index.row()) ? Qt::Checked : Qt::Unchecked;
    case CheckedRole:
        return m_checked.at(index.row());
    case ColorRole:
        return uc::reports::clientThemeColourName(row.theme, m_palette, checkedThemes(), m_dark);
    default:
        return {};
    }
}

void PatternThemeModel::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_rows.size()) - 1), {ColorRole});
}

bool PatternThemeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid))
        return false;
    bool checked = false;
    if (role == CheckedRole)
        checked = value.toBool();
    else if (role == Qt::CheckStateRole)
        checked = value.toInt() == Qt::Checked;
    else
        return false;
    if (m_checked.at(index.row()) == checked)
        return true;
    if (checked && checkedCount() >= maxChecked)
        return false;
    m_checked[index.row()] = checked;
    Q_EMIT dataChanged(index, index, {CheckedRole, Qt::CheckStateRole});
    // Colours are given among the checked themes: another row's may change with this one.
    Q_EMIT dataChanged(this->index(0), this->index(static_cast<int>(m_rows.size()) - 1), {ColorRole});
    Q_EMIT checkedChanged();
    return true;
}

Qt::ItemFlags PatternThemeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return QAbstractListModel::flags(index);
    return QAbstractListModel::flags(index) | Qt::ItemIsUserCheckable;
}

QHash<int, QByteArray> PatternThemeModel::roleNames() const
{
    return {{ThemeRole, "theme"},       {LabelRole, "label"},     {SessionsRole, "sessions"}, {RecurringRole, "recurring"},
            {TrendRole, "trend"},       {CheckedRole, "checked"}, {ColorRole, "color"}};
}

int PatternThemeModel::checkedCount() const
{
    return static_cast<int>(std::count(m_checked.cbegin(), m_checked.cend(), true));
}

void PatternThemeModel::setChecked(int row, bool checked)
{
    if (row >= 0 && row < rowCount())
        setData(index(row), checked, CheckedRole);
}

QStringList PatternThemeModel::checkedThemes() const
{
    QStringList ids;
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_checked.at(i))
            ids.append(m_rows.at(i).theme);
    }
    return ids;
}

QString PatternThemeModel::colorOf(const QString &theme) const
{
    for (const PatternThemeRow &r : m_rows) {
        if (r.theme == theme)
            return uc::reports::clientThemeColourName(theme, m_palette, checkedThemes(), m_dark);
    }
    return {};
}

void PatternThemeModel::setRows(QList<PatternThemeRow> rows, bool keep, QStringList palette)
{
    const QStringList before = checkedThemes();
    m_palette = std::move(palette);
    QSet<QString> listed;
    for (const PatternThemeRow &r : std::as_const(m_rows))
        listed.insert(r.theme);
    beginResetModel();
    m_rows = std::move(rows);
    m_checked.clear();
    int checked = 0;
    for (const PatternThemeRow &r : std::as_const(m_rows)) {
        const bool check = checked < maxChecked
            && (keep && listed.contains(r.theme) ? before.contains(r.theme) : r.recurring);
        m_checked.append(check);
        checked += check ? 1 : 0;
    }
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT checkedChanged();
}

// ---- PatternHeatmapModel

int PatternHeatmapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_themes.size());
}

int PatternHeatmapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sessions.size());
}

QVariant PatternHeatmapModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const auto &theme = m_themes.at(index.row());
    const PatternSessionRow &session = m_sessions.at(index.column());
    const auto found = session.hits.find(theme[0]);
    const int hits = found == session.hits.end() ? 0 : found->second;
    switch (role) {
    case Qt::DisplayRole:
    case HitsRole:
        return hits;
    case LevelRole:
        return static_cast<double>(hits) / m_busiest;
    case DateRole:
        return session.date;
    case LabelRole:
        return theme[1];
    case ColorRole:
        return theme[2];
    default:
        return {};
    }
}

QVariant PatternHeatmapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || section < 0)
        return {};
    if (orientation == Qt::Horizontal)
        return section < m_sessions.size() ? QVariant(m_sessions.at(section).date) : QVariant();
    return section < m_themes.size() ? QVariant(m_themes.at(section)[1]) : QVariant();
}

QHash<int, QByteArray> PatternHeatmapModel::roleNames() const
{
    return {{HitsRole, "hits"}, {LevelRole, "level"}, {DateRole, "date"}, {LabelRole, "label"}, {ColorRole, "themeColor"}};
}

void PatternHeatmapModel::set(QList<std::array<QString, 3>> themes, QList<PatternSessionRow> sessions)
{
    beginResetModel();
    m_themes = std::move(themes);
    m_sessions = std::move(sessions);
    m_busiest = 1;
    for (const auto &theme : std::as_const(m_themes)) {
        for (const PatternSessionRow &s : std::as_const(m_sessions)) {
            const auto found = s.hits.find(theme[0]);
            if (found != s.hits.end())
                m_busiest = std::max(m_busiest, found->second);
        }
    }
    endResetModel();
    Q_EMIT shapeChanged();
}

// ---- PatternMeasureModel

int PatternMeasureModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant PatternMeasureModel::data(const QModelIndex &index, int role) const
{
    const PatternMeasureRow &row = rowAt(m_rows, index);
    switch (role) {
    case InstrumentRole:
        return row.instrument;
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case MaximumRole:
        return row.maximum;
    case CountRole:
        return static_cast<int>(row.totals.size());
    case LatestRole:
        return row.totals.isEmpty() ? 0 : row.totals.constLast();
    case LatestDateRole:
        return row.dates.isEmpty() ? QString() : row.dates.constLast();
    case ColorRole: // instruments are not themes: the palette in order
        return QColor::fromRgb(uc::reports::okabeIto.at(static_cast<size_t>(index.row()) % uc::reports::okabeIto.size())).name();
    case BandsRole:
        return bandsOnAxis(row.instrument);
    default:
        return {};
    }
}

QHash<int, QByteArray> PatternMeasureModel::roleNames() const
{
    return {{InstrumentRole, "instrument"}, {NameRole, "name"},         {MaximumRole, "maximum"}, {CountRole, "count"},
            {LatestRole, "latest"},         {LatestDateRole, "latestDate"}, {ColorRole, "color"},
            {BandsRole, "bands"}};
}

// ---- PatternsModel

PatternsModel::PatternsModel(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_themes(new PatternThemeModel(this))
    , m_heatmap(new PatternHeatmapModel(this))
    , m_measures(new PatternMeasureModel(this))
    , m_chart(new PatternChart(m_themes, m_measures, this))
    , m_events(new PatternEventModel(this))
    , m_useDays(new PatternUseDayModel(this))
    , m_findings(new PatternFindings(this))
{
    connect(m_themes, &PatternThemeModel::checkedChanged, this, &PatternsModel::refreshHeatmap);
}

void PatternsModel::setDark(bool dark)
{
    if (m_themes->dark() == dark)
        return;
    m_themes->setDark(dark);
    refreshHeatmap();
    Q_EMIT darkChanged();
    m_chart->recoloured();
}

void PatternsModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void PatternsModel::set(PatternsData data)
{
    const bool sameClient = data.code == m_data.code;
    const QString oldSummary = m_data.summary;
    const QString oldUpdated = m_data.summaryUpdated;
    m_data = std::move(data);
    m_measures->setRows(m_data.measures);
    m_themes->setRows(m_data.themes, sameClient, m_data.palette); // refreshes the heatmap through checkedChanged
    m_chart->set(m_data);
    m_events->set(m_data.events, m_chart->axisFrom(), m_chart->axisTo(), m_data.sessions);
    m_useDays->set(m_data.useDays, m_data.buckets, m_data.by, m_chart->axisFrom(), m_chart->axisTo());
    m_findings->set(m_data);
    setLoading(false);
    Q_EMIT changed();
    if (m_data.summary != oldSummary || m_data.summaryUpdated != oldUpdated)
        Q_EMIT summaryChanged();
}

QVariantList PatternsModel::episodes() const
{
    QVariantList list;
    for (const PatternEpisodeRow &e : m_data.episodes)
        list.append(QVariantMap{{u"id"_s, static_cast<int>(e.id)},
                                {u"level"_s, e.level},
                                {u"levelName"_s, e.levelName},
                                {u"start"_s, e.start},
                                {u"end"_s, e.end},
                                {u"service"_s, e.service},
                                {u"label"_s, e.label}});
    return list;
}

void PatternsModel::setSummary(const QString &text, const QString &updated)
{
    if (m_data.summary == text && m_data.summaryUpdated == updated)
        return;
    m_data.summary = text;
    m_data.summaryUpdated = updated;
    Q_EMIT summaryChanged();
}

void PatternsModel::clear()
{
    set({});
}

void PatternsModel::refreshHeatmap()
{
    QList<std::array<QString, 3>> rows;
    for (const QString &theme : m_themes->checkedThemes()) {
        QString label = theme;
        for (const PatternThemeRow &r : std::as_const(m_data.themes)) {
            if (r.theme == theme)
                label = r.label;
        }
        rows.append({theme, label, m_themes->colorOf(theme)});
    }
    m_heatmap->set(std::move(rows), m_data.sessions);
}

void PatternsModel::load(const QString &code, const QString &by, const QString &from, const QString &to, int episode)
{
    if (!m_vault || !m_vault->isOpen() || (!m_only.isEmpty() && code != m_only))
        return;
    setLoading(true);
    m_vault->post(
        this, tr("Finding patterns…"),
        [code, by, from, to, episode](Worker &w) { return loadPatterns(w.open(), code, by, from, to, episode); },
        [this](PatternsData data) {
            const QString code = data.code;
            set(std::move(data));
            Q_EMIT loaded(code);
        },
        [this](const uc::Error &e) {
            setLoading(false);
            m_vault->report(Failure(u"load"_s, e));
        });
}
