// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patternsdata.h"

#include <QObject>
#include <QQmlEngine>
#include <QStringList>

// What one client's patterns found, in plain words (core's findings only, patterns/findings.h):
// themes found together, themes before use or relapse, and what the cards say when none passes
// or how many pairs were tested.
class PatternFindings : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PatternsModel")

    Q_PROPERTY(QStringList cooccurrence READ cooccurrence NOTIFY changed)
    Q_PROPERTY(QStringList leadLag READ leadLag NOTIFY changed)
    Q_PROPERTY(QStringList clientFindings READ clientFindings NOTIFY changed)
    // The client findings the therapist chose to show in review (all of them unless some were
    // unticked in the review's set-up).
    Q_PROPERTY(QStringList reviewFindings READ reviewFindings NOTIFY changed)
    Q_PROPERTY(QString notCauses READ notCauses CONSTANT)
    Q_PROPERTY(int tested READ tested NOTIFY changed)
    Q_PROPERTY(QString noFindings READ noFindings NOTIFY changed)
    Q_PROPERTY(QString testedNote READ testedNote NOTIFY changed)

public:
    using QObject::QObject;

    [[nodiscard]] QStringList cooccurrence() const { return m_cooccurrence; }
    [[nodiscard]] QStringList leadLag() const { return m_leadLag; }
    // What review with the client shows: the strongest lead–lag findings, and what they are not.
    [[nodiscard]] QStringList clientFindings() const;
    [[nodiscard]] static QString notCauses();
    [[nodiscard]] QStringList reviewFindings() const;
    // Whether client finding index (into clientFindings) is shown in review, and the choice; a
    // choice holds for that finding's words until the findings change.
    [[nodiscard]] Q_INVOKABLE bool shownInReview(int index) const;
    Q_INVOKABLE void setShownInReview(int index, bool shown);
    // Pairs tested for findings, and what the findings cards say about them.
    [[nodiscard]] int tested() const { return m_tested; }
    [[nodiscard]] QString noFindings() const { return uc::gui::noFindingsText(m_tested); }
    [[nodiscard]] QString testedNote() const { return uc::gui::testedText(m_tested); }

    void set(const uc::gui::PatternsData &data);

Q_SIGNALS:
    void changed();

private:
    QStringList m_cooccurrence;
    QStringList m_leadLag;
    int m_tested = 0;
    QString m_code; // whose findings
    QStringList m_hiddenInReview; // findings' words unticked for review
};
