// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/history.h"

#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

// The client overview's card of typed fields over sessions (docs/patterns.md, "Structured
// fields"): craving 0–10 and days abstinent as series, stage of change as steps. Filled with the
// overview; empty until then and after a lock.
class FieldTrends : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

    // [{date (ISO), value}] in session order.
    Q_PROPERTY(QVariantList cravings READ cravings NOTIFY changed)
    Q_PROPERTY(QVariantList daysAbstinent READ daysAbstinent NOTIFY changed)
    // [{date, value (0 precontemplation … 4 maintenance), label ("Contemplation")}]: each change of
    // stage, and the first.
    Q_PROPERTY(QVariantList stageSteps READ stageSteps NOTIFY changed)
    Q_PROPERTY(QStringList stageNames READ stageNames CONSTANT)
    // The top of the days-abstinent axis: the largest value rounded up to a tidy top (at least 10)
    // that five whole steps divide.
    Q_PROPERTY(int daysScale READ daysScale NOTIFY changed)
    // The first and last date of any point (ISO), for the shared time axis; empty when none.
    Q_PROPERTY(QString firstDate READ firstDate NOTIFY changed)
    Q_PROPERTY(QString lastDate READ lastDate NOTIFY changed)
    Q_PROPERTY(bool empty READ empty NOTIFY changed)
    // The latest of each in words, for screen readers and the card's caption.
    Q_PROPERTY(QString latest READ latest NOTIFY changed)

public:
    using QObject::QObject;

    [[nodiscard]] QVariantList cravings() const { return m_cravings; }
    [[nodiscard]] QVariantList daysAbstinent() const { return m_days; }
    [[nodiscard]] QVariantList stageSteps() const { return m_stages; }
    [[nodiscard]] static QStringList stageNames() { return uc::model::stagesOfChange(); }
    [[nodiscard]] int daysScale() const { return m_daysScale; }
    [[nodiscard]] QString firstDate() const { return m_first; }
    [[nodiscard]] QString lastDate() const { return m_last; }
    [[nodiscard]] bool empty() const { return m_cravings.isEmpty() && m_days.isEmpty() && m_stages.isEmpty(); }
    [[nodiscard]] QString latest() const { return m_latest; }

    // The client's points (ClientHistory::fields, session order); a risk level is not charted here
    // (the banner and the risk record speak for risk).
    void set(const QList<uc::model::FieldPoint> &points);
    void clear() { set({}); }

Q_SIGNALS:
    void changed();

private:
    QVariantList m_cravings;
    QVariantList m_days;
    QVariantList m_stages;
    int m_daysScale = 10;
    QString m_first;
    QString m_last;
    QString m_latest;
};
