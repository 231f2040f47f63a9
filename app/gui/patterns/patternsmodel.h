// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"
#include "listmodel.h"
#include "patternchart.h"
#include "patternevents.h"
#include "patternfindings.h"
#include "patternsdata.h"
#include "patternusedays.h"

#include "reports/palette.h"

#include <QAbstractTableModel>
#include <QQmlEngine>
#include <QSet>
#include <QVariantList>

#include <array>

// The Patterns screen's models (also used by review-with-client mode). PatternsModel reads one
// client's patterns on the vault thread (uc::gui::loadPatterns) and hands the parts to the lists.

class VaultThread;

// The themes seen in the range, each checkable, at most maxChecked at once (more lines than that
// cannot be told apart); the recurring ones start checked, the most frequent first.
class PatternThemeModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PatternsModel")
    Q_PROPERTY(int checkedCount READ checkedCount NOTIFY checkedChanged)
    Q_PROPERTY(int maxChecked READ maxCheckedCount CONSTANT)

public:
    enum Role {
        ThemeRole = Qt::UserRole + 1, // theme id
        LabelRole, // codebook label
        SessionsRole, // attended sessions in the range raising it
        RecurringRole, // bool: recurs in the last six sessions
        TrendRole, // "rising" | "falling" | "stable"
        CheckedRole, // bool: drawn on the chart and in the heatmap (editable)
        ColorRole, // its line's colour, "#rrggbb"
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    static constexpr int maxChecked = uc::reports::maxDrawnThemes; // one colour each

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    // Checking a theme while maxChecked are checked is refused (false).
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    [[nodiscard]] Qt::ItemFlags flags(const QModelIndex &index) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int checkedCount() const;
    [[nodiscard]] static int maxCheckedCount() { return maxChecked; }

    Q_INVOKABLE void setChecked(int row, bool checked);
    // Checked theme ids, in list order.
    [[nodiscard]] QStringList checkedThemes() const;
    // New rows: a theme keeps its check when keep is true and it was listed before; otherwise the
    // recurring ones are checked. palette: the client's colour order (uc::reports::clientPalette).
    void setRows(QList<uc::gui::PatternThemeRow> rows, bool keep, QStringList palette = {});
    void clear() { setRows({}, false); }
    // The theme's colour for the client, the checked ones drawn (uc::reports::clientThemeColour: a
    // theme of the client's palette has its colour in every view; "" when not listed).
    [[nodiscard]] QString colorOf(const QString &theme) const;
    // Colours for a dark background (the palette's black becomes light).
    void setDark(bool dark);
    [[nodiscard]] bool dark() const { return m_dark; }

Q_SIGNALS:
    void checkedChanged();

private:
    QList<uc::gui::PatternThemeRow> m_rows;
    QList<bool> m_checked;
    bool m_dark = false;
    QStringList m_palette;
};

// Theme × session: a row per checked theme, a column per attended session in the range; a cell
// holds the theme's counted hits in that session.
class PatternHeatmapModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PatternsModel")
    Q_PROPERTY(int themeCount READ themeCount NOTIFY shapeChanged)
    Q_PROPERTY(int sessionCount READ sessionCount NOTIFY shapeChanged)

public:
    enum Role {
        HitsRole = Qt::UserRole + 1, // counted hits, 0 when the theme is absent
        LevelRole, // 0..1: hits relative to the busiest cell, for the colour
        DateRole, // the session's ISO date
        LabelRole, // the theme's label
        ColorRole, // the theme's colour
    };
    Q_ENUM(Role)
    using QAbstractTableModel::QAbstractTableModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int themeCount() const { return rowCount(); }
    [[nodiscard]] int sessionCount() const { return columnCount(); }
    // themes: {id, label, colour} of the rows; sessions: the columns.
    void set(QList<std::array<QString, 3>> themes, QList<uc::gui::PatternSessionRow> sessions);

Q_SIGNALS:
    void shapeChanged();

private:
    QList<std::array<QString, 3>> m_themes;
    QList<uc::gui::PatternSessionRow> m_sessions;
    int m_busiest = 1;
};

// The measures filled in over the range, one per instrument.
class PatternMeasureModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PatternsModel")

public:
    enum Role {
        InstrumentRole = Qt::UserRole + 1, // "phq9"
        NameRole, // "PHQ-9"
        MaximumRole, // the highest possible total
        CountRole, // scores in the range
        LatestRole, // the latest total
        LatestDateRole, // ISO
        ColorRole, // its line's colour
        // Its clinical bands on the chart's axis, lowest first: [{from, to, band, label}], from and
        // to in per cent of the maximum, each band reaching half a point past its ends so the bands
        // meet (PHQ-9 "moderate", 10 to 14, is 9.5 to 14.5 of 27). Empty for the C-SSRS.
        BandsRole,
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    void setRows(QList<uc::gui::PatternMeasureRow> rows) { replace(m_rows, std::move(rows)); }
    [[nodiscard]] const QList<uc::gui::PatternMeasureRow> &rows() const { return m_rows; }

private:
    QList<uc::gui::PatternMeasureRow> m_rows;
};

// One client's patterns: the query that made them, the three lists, the charts (PatternChart), the
// treatment events and use days on their axis (PatternEventModel, PatternUseDayModel), the findings in words (PatternFindings) and
// the shareable summary. It loads itself on the vault thread. Empty until loaded and after a lock.
class PatternsModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(QString code READ code NOTIFY changed)
    Q_PROPERTY(QString name READ name NOTIFY changed)
    Q_PROPERTY(QString by READ by NOTIFY changed)
    Q_PROPERTY(QString from READ from NOTIFY changed)
    Q_PROPERTY(QString to READ to NOTIFY changed)
    Q_PROPERTY(QString recordFrom READ recordFrom NOTIFY changed)
    Q_PROPERTY(QString recordTo READ recordTo NOTIFY changed)
    Q_PROPERTY(int bucketCount READ bucketCount NOTIFY changed)
    // The client's course of care, by start date: [{id, level, levelName, start, end, service,
    // label}] (end "" while open); and the episode the range is limited to (0 for none).
    Q_PROPERTY(QVariantList episodes READ episodes NOTIFY changed)
    Q_PROPERTY(int episode READ episode NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY summaryChanged)
    Q_PROPERTY(QString summaryUpdated READ summaryUpdated NOTIFY summaryChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // The screens bind it to Appearance.dark: theme colours for the background they sit on.
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(PatternThemeModel *themes READ themes CONSTANT)
    Q_PROPERTY(PatternHeatmapModel *heatmap READ heatmap CONSTANT)
    Q_PROPERTY(PatternMeasureModel *measures READ measures CONSTANT)
    Q_PROPERTY(PatternChart *chart READ chart CONSTANT)
    // Other treatment on the charts' time axis (the strip under them).
    Q_PROPERTY(PatternEventModel *events READ events CONSTANT)
    // Use days per substance on the same axis (the rows under the charts).
    Q_PROPERTY(PatternUseDayModel *useDays READ useDays CONSTANT)
    Q_PROPERTY(PatternFindings *findings READ findings CONSTANT)

public:
    explicit PatternsModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] QString code() const { return m_data.code; }
    [[nodiscard]] QString name() const { return m_data.name; }
    [[nodiscard]] QString by() const { return m_data.by; }
    [[nodiscard]] QString from() const { return m_data.from; }
    [[nodiscard]] QString to() const { return m_data.to; }
    [[nodiscard]] QString recordFrom() const { return m_data.recordFrom; }
    [[nodiscard]] QString recordTo() const { return m_data.recordTo; }
    [[nodiscard]] int bucketCount() const { return static_cast<int>(m_data.buckets.size()); }
    [[nodiscard]] QVariantList episodes() const;
    [[nodiscard]] int episode() const { return static_cast<int>(m_data.episode); }
    [[nodiscard]] QString summary() const { return m_data.summary; }
    [[nodiscard]] QString summaryUpdated() const { return m_data.summaryUpdated; }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] bool dark() const { return m_themes->dark(); }
    void setDark(bool dark);
    void setLoading(bool loading);
    [[nodiscard]] PatternThemeModel *themes() const { return m_themes; }
    [[nodiscard]] PatternHeatmapModel *heatmap() const { return m_heatmap; }
    [[nodiscard]] PatternMeasureModel *measures() const { return m_measures; }
    [[nodiscard]] PatternChart *chart() const { return m_chart; }
    [[nodiscard]] PatternEventModel *events() const { return m_events; }
    [[nodiscard]] PatternUseDayModel *useDays() const { return m_useDays; }
    [[nodiscard]] PatternFindings *findings() const { return m_findings; }

    // One client's patterns: by "session", "week", "month" or "quarter", between ISO dates (either
    // may be empty for the record's ends), or over one of the client's episodes (its id; from and
    // to empty). Progress notes only. loaded(code) answers; a malformed date, an unknown client or
    // episode goes to the banner.
    Q_INVOKABLE void load(const QString &code, const QString &by, const QString &from, const QString &to,
                          int episode = 0);
    // Only this client's patterns are loaded while code is not empty (review with the client).
    void showOnly(const QString &code) { m_only = code; }

    void set(uc::gui::PatternsData data);
    void setSummary(const QString &text, const QString &updated);
    void clear();

Q_SIGNALS:
    void loaded(const QString &code);
    void changed();
    void summaryChanged();
    void loadingChanged();
    void darkChanged();

private:
    void refreshHeatmap();

    VaultThread *m_vault;
    QString m_only;
    uc::gui::PatternsData m_data;
    bool m_loading = false;
    PatternThemeModel *m_themes;
    PatternHeatmapModel *m_heatmap;
    PatternMeasureModel *m_measures;
    PatternChart *m_chart;
    PatternEventModel *m_events;
    PatternUseDayModel *m_useDays;
    PatternFindings *m_findings;
};
