// SPDX-License-Identifier: GPL-3.0-or-later
#include "plandraft.h"

#include "model/measures.h"

#include <QJsonArray>
#include <QVariantMap>

using namespace Qt::StringLiterals;
using uc::model::TreatmentPlan;

namespace {

// Field names as QML spells them, for setField.
const QHash<QString, int> &fieldRoles()
{
    static const QHash<QString, int> roles { { u"text"_s, PlanDraft::TextRole },
                                             { u"targetDate"_s, PlanDraft::TargetDateRole },
                                             { u"measuredBy"_s, PlanDraft::MeasuredByRole },
                                             { u"instrument"_s, PlanDraft::InstrumentRole },
                                             { u"comparison"_s, PlanDraft::ComparisonRole },
                                             { u"score"_s, PlanDraft::ScoreRole },
                                             { u"interventions"_s, PlanDraft::InterventionsRole } };
    return roles;
}

} // namespace

PlanDraft::Row PlanDraft::rowOf(Kind kind, const QString &text, const QString &id)
{
    Row row;
    row.kind = kind;
    row.text = text;
    row.id = id;
    return row;
}

int PlanDraft::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant PlanDraft::data(const QModelIndex &index, int role) const
{
    const Row &row = rowAt(m_rows, index);
    switch (role) {
    case KindRole:
        return row.kind;
    case Qt::DisplayRole:
    case TextRole:
        return row.text;
    case ObjectiveIdRole:
        return row.id;
    case TargetDateRole:
        return row.targetDate;
    case MeasuredByRole:
        return row.measuredBy;
    case InstrumentRole:
        return row.instrument;
    case ComparisonRole:
        return row.comparison;
    case ScoreRole:
        return row.score;
    case InterventionsRole:
        return row.interventions;
    case NumberRole:
        return numberOf(index.row());
    default:
        return {};
    }
}

bool PlanDraft::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    Row &row = m_rows[index.row()];
    const QString text = value.toString();
    QString *field = nullptr;
    switch (role) {
    case TextRole:
        field = &row.text;
        break;
    case TargetDateRole:
        field = &row.targetDate;
        break;
    case MeasuredByRole:
        field = &row.measuredBy;
        break;
    case InstrumentRole:
        field = &row.instrument;
        break;
    case ComparisonRole:
        field = &row.comparison;
        break;
    case ScoreRole:
        field = &row.score;
        break;
    case InterventionsRole:
        field = &row.interventions;
        break;
    default:
        return false;
    }
    if (role != TextRole && row.kind != Objective)
        return false;
    if (*field == text)
        return true;
    *field = text;
    Q_EMIT dataChanged(index, index, { role });
    setEdited(true);
    return true;
}

QHash<int, QByteArray> PlanDraft::roleNames() const
{
    return { { KindRole, "kind" },
             { TextRole, "text" },
             { ObjectiveIdRole, "objectiveId" },
             { TargetDateRole, "targetDate" },
             { MeasuredByRole, "measuredBy" },
             { InstrumentRole, "instrument" },
             { ComparisonRole, "comparison" },
             { ScoreRole, "score" },
             { InterventionsRole, "interventions" },
             { NumberRole, "number" } };
}

void PlanDraft::setPlanFields(const QString &effective, const QString &nextReview, int every, const QString &agreedOn,
                              const QString &agreedHow)
{
    if (effective == m_effective && nextReview == m_nextReview && every == m_reviewEveryDays && agreedOn == m_agreedOn
        && agreedHow == m_agreedHow)
        return;
    m_effective = effective;
    m_nextReview = nextReview;
    m_reviewEveryDays = every;
    m_agreedOn = agreedOn;
    m_agreedHow = agreedHow;
    Q_EMIT fieldsChanged();
    setEdited(true);
}

void PlanDraft::setEdited(bool edited)
{
    if (m_edited == edited)
        return;
    m_edited = edited;
    Q_EMIT editedChanged();
}

void PlanDraft::setEffective(const QString &value)
{
    setPlanFields(value, m_nextReview, m_reviewEveryDays, m_agreedOn, m_agreedHow);
}

void PlanDraft::setNextReview(const QString &value)
{
    setPlanFields(m_effective, value, m_reviewEveryDays, m_agreedOn, m_agreedHow);
}

void PlanDraft::setReviewEveryDays(int value)
{
    setPlanFields(m_effective, m_nextReview, value, m_agreedOn, m_agreedHow);
}

void PlanDraft::setAgreedOn(const QString &value)
{
    setPlanFields(m_effective, m_nextReview, m_reviewEveryDays, value, m_agreedHow);
}

void PlanDraft::setAgreedHow(const QString &value)
{
    setPlanFields(m_effective, m_nextReview, m_reviewEveryDays, m_agreedOn, value);
}

QStringList PlanDraft::agreements()
{
    return { uc::model::toString(uc::model::PlanAgreement::Verbal),
             uc::model::toString(uc::model::PlanAgreement::Signed),
             uc::model::toString(uc::model::PlanAgreement::Declined) };
}

QVariantList PlanDraft::instruments()
{
    QVariantList list;
    for (const uc::model::Instrument &i : uc::model::instruments())
        list.append(QVariantMap { { u"id"_s, i.id }, { u"name"_s, i.name } });
    return list;
}

bool PlanDraft::setField(int row, const QString &field, const QVariant &value)
{
    const auto role = fieldRoles().constFind(field);
    if (row < 0 || row >= m_rows.size() || role == fieldRoles().constEnd())
        return false;
    return setData(index(row), value, *role);
}

int PlanDraft::endOf(int row) const
{
    const Kind kind = m_rows.at(row).kind;
    int end = row + 1;
    while (end < m_rows.size() && m_rows.at(end).kind > kind)
        ++end;
    return end;
}

QString PlanDraft::numberOf(int row) const
{
    int problem = 0;
    int goal = 0;
    int objective = 0;
    for (int i = 0; i <= row; ++i) {
        switch (m_rows.at(i).kind) {
        case Problem:
            ++problem, goal = 0, objective = 0;
            break;
        case Goal:
            ++goal, objective = 0;
            break;
        case Objective:
            ++objective;
            break;
        }
    }
    switch (m_rows.at(row).kind) {
    case Problem:
        return QString::number(problem);
    case Goal:
        return u"%1.%2"_s.arg(problem).arg(goal);
    case Objective:
        return u"%1.%2.%3"_s.arg(problem).arg(goal).arg(objective);
    }
    return {};
}

int PlanDraft::insertAt(int at, QList<Row> rows)
{
    beginInsertRows({}, at, at + static_cast<int>(rows.size()) - 1);
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_rows.insert(at + i, rows.at(i));
    endInsertRows();
    // The numbers of the rows after it move on.
    if (at + rows.size() < m_rows.size())
        Q_EMIT dataChanged(index(static_cast<int>(at + rows.size())), index(static_cast<int>(m_rows.size() - 1)),
                           { NumberRole });
    Q_EMIT countChanged();
    setEdited(true);
    return at;
}

int PlanDraft::addProblem()
{
    return insertAt(static_cast<int>(m_rows.size()), { rowOf(Problem), rowOf(Goal), rowOf(Objective) });
}

int PlanDraft::addGoal(int row)
{
    if (row < 0 || row >= m_rows.size())
        return -1;
    // The goal's own problem: row itself, or the nearest problem above it.
    int problem = row;
    while (m_rows.at(problem).kind != Problem)
        --problem;
    return insertAt(endOf(problem), { rowOf(Goal), rowOf(Objective) });
}

int PlanDraft::addObjective(int row)
{
    if (row < 0 || row >= m_rows.size() || m_rows.at(row).kind == Problem)
        return -1;
    int goal = row;
    while (m_rows.at(goal).kind != Goal)
        --goal;
    return insertAt(endOf(goal), { rowOf(Objective) });
}

int PlanDraft::remove(int row)
{
    if (row < 0 || row >= m_rows.size())
        return 0;
    const int end = endOf(row);
    beginRemoveRows({}, row, end - 1);
    m_rows.remove(row, end - row);
    endRemoveRows();
    if (row < m_rows.size())
        Q_EMIT dataChanged(index(row), index(static_cast<int>(m_rows.size() - 1)), { NumberRole });
    Q_EMIT countChanged();
    setEdited(true);
    return std::max(0, row - 1);
}

void PlanDraft::startEmpty(const uc::model::Date &today)
{
    replace(m_rows, QList<Row> { rowOf(Problem), rowOf(Goal), rowOf(Objective) });
    setPlanFields(uc::model::toIso(today), uc::model::toIso(today + boost::gregorian::days(90)), 90, QString(),
                  QString());
    setEdited(false);
}

void PlanDraft::startFrom(const TreatmentPlan &plan, const uc::model::Date &today)
{
    QList<Row> rows;
    for (const uc::model::PlanProblem &p : plan.problems) {
        rows.append(rowOf(Problem, p.text));
        for (const uc::model::PlanGoal &g : p.goals) {
            rows.append(rowOf(Goal, g.text));
            for (const uc::model::PlanObjective &o : g.objectives) {
                Row r = rowOf(Objective, o.text, o.id);
                r.targetDate = o.targetDate ? uc::model::toIso(*o.targetDate) : QString();
                r.measuredBy = o.measuredBy;
                if (o.measure) {
                    r.instrument = o.measure->instrument;
                    r.comparison = o.measure->comparison;
                    r.score = QString::number(o.measure->value);
                }
                r.interventions = o.interventions.join(u'\n');
                rows.append(r);
            }
        }
    }
    replace(m_rows, std::move(rows));
    const uc::model::Date effective = std::max(today, plan.effective);
    const uc::model::Date review
        = plan.nextReview >= effective ? plan.nextReview : effective + boost::gregorian::days(plan.reviewEveryDays);
    setPlanFields(uc::model::toIso(effective), uc::model::toIso(review), plan.reviewEveryDays,
                  plan.agreedOn ? uc::model::toIso(*plan.agreedOn) : QString(),
                  plan.agreedHow ? uc::model::toString(*plan.agreedHow) : QString());
    setEdited(false);
}

void PlanDraft::clear()
{
    replace(m_rows, QList<Row>());
    setPlanFields({}, {}, 90, {}, {});
    setEdited(false);
}

QJsonObject PlanDraft::toJson() const
{
    // Optional fields typed empty are left out, as a PLAN.json file would leave them.
    const auto putText = [](QJsonObject &o, const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty())
            o.insert(key, value.trimmed());
    };
    QJsonArray problems;
    for (const Row &row : m_rows) {
        switch (row.kind) {
        case Problem:
            problems.append(QJsonObject { { u"text"_s, row.text.trimmed() }, { u"goals"_s, QJsonArray() } });
            break;
        case Goal: {
            if (problems.isEmpty())
                break;
            QJsonObject problem = problems.last().toObject();
            QJsonArray goals = problem.value(u"goals"_s).toArray();
            goals.append(QJsonObject { { u"text"_s, row.text.trimmed() }, { u"objectives"_s, QJsonArray() } });
            problem.insert(u"goals"_s, goals);
            problems.replace(problems.size() - 1, problem);
            break;
        }
        case Objective: {
            if (problems.isEmpty())
                break;
            QJsonObject problem = problems.last().toObject();
            QJsonArray goals = problem.value(u"goals"_s).toArray();
            if (goals.isEmpty())
                break;
            QJsonObject goal = goals.last().toObject();
            QJsonArray objectives = goal.value(u"objectives"_s).toArray();
            QJsonObject o { { u"text"_s, row.text.trimmed() }, { u"measured_by"_s, row.measuredBy.trimmed() } };
            putText(o, u"id"_s, row.id);
            putText(o, u"target_date"_s, row.targetDate);
            if (!row.instrument.isEmpty())
                o.insert(u"measure"_s, u"%1 %2 %3"_s.arg(row.instrument, row.comparison, row.score.trimmed()));
            QStringList interventions;
            for (const QString &line : row.interventions.split(u'\n')) {
                if (!line.trimmed().isEmpty())
                    interventions.append(line.trimmed());
            }
            o.insert(u"interventions"_s, QJsonArray::fromStringList(interventions));
            objectives.append(o);
            goal.insert(u"objectives"_s, objectives);
            goals.replace(goals.size() - 1, goal);
            problem.insert(u"goals"_s, goals);
            problems.replace(problems.size() - 1, problem);
            break;
        }
        }
    }
    QJsonObject plan { { u"problems"_s, problems }, { u"review_every_days"_s, m_reviewEveryDays } };
    putText(plan, u"effective"_s, m_effective);
    plan.insert(u"next_review"_s, m_nextReview.trimmed());
    if (!m_agreedOn.trimmed().isEmpty() || !m_agreedHow.isEmpty()) {
        QJsonObject agreement;
        putText(agreement, u"date"_s, m_agreedOn);
        putText(agreement, u"how"_s, m_agreedHow);
        plan.insert(u"agreement"_s, agreement);
    }
    return plan;
}

TreatmentPlan PlanDraft::plan(const uc::model::Date &today) const
{
    return uc::model::treatmentPlanFromJson(toJson(), today);
}
