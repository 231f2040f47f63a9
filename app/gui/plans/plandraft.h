// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"

#include "model/treatmentplan.h"

#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

// The treatment plan as the plan editor holds it while it is written (docs/plan.md): its rows in
// reading order — a problem, its goals, each goal's objectives — and the plan's own fields. An
// objective keeps the id it came with, so a new version names the same objectives the ratings
// point at; a new row has none until the vault gives it one. The draft becomes a plan only through
// the strict PLAN.json reader (plan()), so the editor refuses exactly what `plan add|update` refuse,
// in the same words. Rows hold text as typed; nothing is checked while typing.
class PlanDraft : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by PlanEditor")

    Q_PROPERTY(QString effective READ effective WRITE setEffective NOTIFY fieldsChanged) // ISO, "" today
    Q_PROPERTY(QString nextReview READ nextReview WRITE setNextReview NOTIFY fieldsChanged) // ISO
    Q_PROPERTY(int reviewEveryDays READ reviewEveryDays WRITE setReviewEveryDays NOTIFY fieldsChanged)
    Q_PROPERTY(QString agreedOn READ agreedOn WRITE setAgreedOn NOTIFY fieldsChanged) // ISO, "" not recorded
    Q_PROPERTY(QString agreedHow READ agreedHow WRITE setAgreedHow NOTIFY fieldsChanged) // "verbal" …, ""
    // Changed since it was started: closing it asks before the typing is lost.
    Q_PROPERTY(bool edited READ edited NOTIFY editedChanged)
    // ["verbal", "signed", "declined"]
    Q_PROPERTY(QStringList agreements READ agreements CONSTANT)
    // [{id: "phq9", name: "PHQ-9"}]: the instruments an objective's measure may name.
    Q_PROPERTY(QVariantList instruments READ instruments CONSTANT)

public:
    enum Kind { Problem, Goal, Objective };
    Q_ENUM(Kind)
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind
        TextRole, // the problem's, goal's or objective's text
        ObjectiveIdRole, // "O3" for an objective kept from an earlier version; "" when new
        TargetDateRole, // ISO as typed
        MeasuredByRole,
        InstrumentRole, // "" no linked measure, else an instrument id ("phq9")
        ComparisonRole, // "<", "<=", ">", ">="
        ScoreRole, // the target score as typed
        InterventionsRole, // one a line
        NumberRole, // "2", "2.1", "2.1.3": where the row stands, for the labels
    };
    Q_ENUM(Role)

    using ListModel::ListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString effective() const { return m_effective; }
    [[nodiscard]] QString nextReview() const { return m_nextReview; }
    [[nodiscard]] int reviewEveryDays() const { return m_reviewEveryDays; }
    [[nodiscard]] QString agreedOn() const { return m_agreedOn; }
    [[nodiscard]] QString agreedHow() const { return m_agreedHow; }
    [[nodiscard]] bool edited() const { return m_edited; }
    void setEffective(const QString &value);
    void setNextReview(const QString &value);
    void setReviewEveryDays(int value);
    void setAgreedOn(const QString &value);
    void setAgreedHow(const QString &value);
    [[nodiscard]] static QStringList agreements();
    [[nodiscard]] static QVariantList instruments();

    // Sets one field of a row by its role name ("text", "targetDate" …); false for no such row or field.
    Q_INVOKABLE bool setField(int row, const QString &field, const QVariant &value);
    // Each adds an empty row where it belongs and returns its index: a problem at the end (with a
    // goal and an objective, as a problem needs); a goal at the end of row's problem (with an
    // objective); an objective at the end of row's goal. -1 when row is not of a kind that has one.
    Q_INVOKABLE int addProblem();
    Q_INVOKABLE int addGoal(int row);
    Q_INVOKABLE int addObjective(int row);
    // Removes row and what is under it (a problem's goals and objectives, a goal's objectives);
    // returns the row to go on from (the one before, or 0).
    Q_INVOKABLE int remove(int row);

    // A first version's draft: effective today, next review in review_every_days, one empty problem.
    void startEmpty(const uc::model::Date &today);
    // The next version's draft from plan: its rows and ids, effective today (a new version takes
    // effect when it is written), its next review kept unless it falls before today.
    void startFrom(const uc::model::TreatmentPlan &plan, const uc::model::Date &today);
    void clear();

    // The PLAN.json form of the draft, as typed: texts trimmed, empty optional fields left out,
    // interventions a line each.
    [[nodiscard]] QJsonObject toJson() const;
    // The plan the draft makes, read by the strict PLAN.json reader: Error(Io) naming the place
    // ("problems[0].goals[0].objectives[1].target_date: must be a date as YYYY-MM-DD").
    [[nodiscard]] uc::model::TreatmentPlan plan(const uc::model::Date &today) const;

Q_SIGNALS:
    void fieldsChanged();
    void editedChanged();

private:
    struct Row
    {
        Kind kind = Problem;
        QString text;
        QString id;
        QString targetDate;
        QString measuredBy;
        QString instrument;
        QString comparison = QStringLiteral("<");
        QString score;
        QString interventions;
    };
    [[nodiscard]] static Row rowOf(Kind kind, const QString &text = {}, const QString &id = {});
    // The index after row's last descendant.
    [[nodiscard]] int endOf(int row) const;
    [[nodiscard]] QString numberOf(int row) const;
    int insertAt(int at, QList<Row> rows);
    void setEdited(bool edited);
    void setPlanFields(const QString &effective, const QString &nextReview, int every, const QString &agreedOn,
                       const QString &agreedHow);

    QList<Row> m_rows;
    QString m_effective;
    QString m_nextReview;
    int m_reviewEveryDays = 90;
    QString m_agreedOn;
    QString m_agreedHow;
    bool m_edited = false;
};
