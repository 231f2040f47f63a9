// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"

#include "model/treatmentevent.h"
#include "patternsdata.h"

#include <QDateTime>
#include <QList>
#include <QQmlEngine>

// The client's other treatment (docs/treatment-events.md) as marks on the charts' time axis, for
// the strip under the theme and measure charts (EventStrip.qml): a tick per mutual-help meeting or
// group, a labelled line per medication-assisted treatment change, a dot per drug screen (filled
// for a positive, hollow for a negative). Each mark's place is a part of the axis, computed here as
// PatternChart::episodeSpans places the episodes, so QML does no arithmetic on dates. Each row says
// its event in words for hover, focus and screen readers; never the event's note.
class PatternEventModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PatternsModel")
    // "3 meetings or groups, 2 medication changes, 4 drug screens (1 positive)"; "" when none.
    Q_PROPERTY(QString summary READ summary NOTIFY countChanged)
    // Why the strip is hidden, in one line, when a range is shown and none of its days has an
    // event; "" otherwise (nothing loaded, no range, or marks to draw).
    Q_PROPERTY(QString empty READ empty NOTIFY countChanged)

public:
    enum Role {
        DateRole = Qt::UserRole + 1, // ISO
        KindRole, // "mutual-help", "group", "mat", "drug-screen"
        MarkRole, // "tick" (meeting, group), "line" (MAT), "positive", "negative" (screens)
        AtRole, // its day's noon as a part of the axis: 0 its first moment, 1 its last
        LabelRole, // beside a line: "Buprenorphine 8 mg", "Buprenorphine stopped"; "" for the others
        TextRole, // the event in words: "8 Mar 2025: drug screen for opioids, negative (urine)"
        // Its place under the heatmap, whose columns are the attended sessions (equal widths, not
        // time): a part of the heatmap's width. On a session's day, that column's middle; between
        // two sessions, between their middles in proportion to the days; before the first session
        // or after the last, in the half column at that end, in proportion to the days from the
        // axis' end. -1 when there is no session.
        SessionAtRole,
    };
    Q_ENUM(Role)
    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] QString summary() const;
    [[nodiscard]] QString empty() const;

    // The events (by date) on the axis from..to; those outside it are not drawn. An invalid axis
    // (no range: nothing to draw) leaves no marks and no explanation. sessions: the heatmap's
    // columns, in order.
    void set(const QList<uc::model::TreatmentEvent> &events, const QDateTime &axisFrom, const QDateTime &axisTo,
             const QList<uc::gui::PatternSessionRow> &sessions = {});
    void clear() { set({}, {}, {}); }

    // SessionAtRole's place of a day among the sessions' days (ISO, in order) on the axis from..to.
    [[nodiscard]] static qreal sessionPlace(const QDate &day, const QList<QDate> &sessions, const QDate &axisFrom,
                                            const QDate &axisTo);

    // The words of one event, as TextRole and LabelRole give them.
    [[nodiscard]] static QString textOf(const uc::model::TreatmentEvent &event);
    [[nodiscard]] static QString labelOf(const uc::model::TreatmentEvent &event);

private:
    struct Mark
    {
        uc::model::TreatmentEvent event;
        qreal at = 0;
        qreal sessionAt = -1;
    };
    QList<Mark> m_marks;
    bool m_axis = false;
};
