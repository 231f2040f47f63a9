// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"
#include "patternsdata.h"

#include <QDateTime>
#include <QList>
#include <QQmlEngine>
#include <QVariantList>

// Use days (docs/use-days.md, "On the Patterns screen") on the charts' time axis, for the rows
// under them (UseDayStrip.qml): a row per substance recorded, its days marked as the overview's card
// marks them — used a filled box, abstinent an outlined one, unknown nothing — and under the marks,
// per bucket of the axis, the percent of the bucket's known days abstinent. Places are parts of the
// axis computed here, as PatternEventModel places events, so QML does no arithmetic on dates. Every
// figure is model::useDayFigures' over the vault's list; the words never hold anything but counts.
class PatternUseDayModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PatternsModel")

public:
    enum Role {
        SubstanceRole = Qt::UserRole + 1, // "alcohol"
        LabelRole, // "Alcohol"
        // Runs of days alike, oldest first: [{from, to, used}], from and to parts of the axis (the
        // run's first moment, its last day's end), used true for days used, false for abstinent.
        // Unknown days are not marked.
        MarksRole,
        // The buckets with at least one day, in order: [{from, to, percent, text}]: percent "86%" of
        // the known days abstinent, "–" when none is known; text the bucket in words.
        CellsRole,
        SummaryRole, // the range in figures: "used 1, abstinent 7, unknown 2 · 88% of known days abstinent · …"
        TextRole, // the row for a screen reader: "Alcohol, 1 Mar – 10 Mar 2025: " and the summary
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // The rows of loadPatterns on the axis from..to (PatternChart's); buckets and by give the
    // cells' labels. An invalid axis leaves no rows.
    void set(const QList<uc::gui::PatternUseDayRow> &rows, const QList<uc::gui::PatternBucketRow> &buckets,
             const QString &by, const QDateTime &axisFrom, const QDateTime &axisTo);
    void clear() { set({}, {}, {}, {}, {}); }

    // The figures in words, as SummaryRole gives them.
    [[nodiscard]] static QString summaryOf(const uc::model::UseDayFigures &figures);
    // One bucket in words: "Mar 2025: 83% of known days abstinent (used 4, abstinent 20, unknown 7)";
    // by session: "Session of 13 Jan 2025, days 7 Jan – 13 Jan 2025: …".
    [[nodiscard]] static QString bucketText(const QString &by, const QString &label, const uc::model::UseDayFigures &figures);

private:
    struct Row
    {
        QString substance;
        QString label;
        QString summary;
        QString text;
        QVariantList marks;
        QVariantList cells;
    };
    QList<Row> m_rows;
};
