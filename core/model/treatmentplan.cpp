// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/treatmentplan.h"

#include "common/error.h"
#include "model/measures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace uc::model {

namespace {

constexpr qsizetype maxText = 2000;

const QList<std::pair<PlanAgreement, QString>> &agreementNames()
{
    static const QList<std::pair<PlanAgreement, QString>> names{
        {PlanAgreement::Verbal, u"verbal"_s}, {PlanAgreement::Signed, u"signed"_s}, {PlanAgreement::Declined, u"declined"_s}};
    return names;
}

const QList<std::pair<ProgressRating, QString>> &ratingNames()
{
    static const QList<std::pair<ProgressRating, QString>> names{{ProgressRating::Worse, u"worse"_s},
                                                                 {ProgressRating::None, u"none"_s},
                                                                 {ProgressRating::Some, u"some"_s},
                                                                 {ProgressRating::Much, u"much"_s},
                                                                 {ProgressRating::Met, u"met"_s}};
    return names;
}

template<typename E>
QString nameOf(const QList<std::pair<E, QString>> &names, E value)
{
    for (const auto &[v, name] : names) {
        if (v == value)
            return name;
    }
    return {};
}

template<typename E>
std::optional<E> valueOf(const QList<std::pair<E, QString>> &names, const QString &text)
{
    for (const auto &[v, name] : names) {
        if (name == text)
            return v;
    }
    return std::nullopt;
}

// Reads one JSON object of the plan file, where names the place for every refusal.
class Reader
{
public:
    Reader(const QJsonValue &value, QString where, const QStringList &keys)
        : m_where(std::move(where))
    {
        if (!value.isObject())
            fail(u"must be an object"_s);
        m_object = value.toObject();
        for (auto it = m_object.begin(); it != m_object.end(); ++it) {
            if (!keys.contains(it.key()))
                fail(u"unknown key \"%1\" (known: %2)"_s.arg(it.key().left(40), keys.join(u", "_s)));
        }
    }

    [[noreturn]] void fail(const QString &why, const QString &key = {}) const
    {
        const QString at = key.isEmpty() ? m_where : (m_where.isEmpty() ? key : m_where + u'.' + key);
        throw Error(ErrorKind::Io, u"plan file"_s, (at.isEmpty() ? QString() : at + u": "_s) + why);
    }

    [[nodiscard]] bool has(const QString &key) const { return m_object.contains(key); }
    [[nodiscard]] QString where(const QString &key, qsizetype index) const
    {
        return (m_where.isEmpty() ? key : m_where + u'.' + key) + u"[%1]"_s.arg(index);
    }

    [[nodiscard]] QString text(const QString &key, bool required) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined()) {
            if (required)
                fail(u"is missing"_s, key);
            return {};
        }
        if (!v.isString())
            fail(u"must be a string"_s, key);
        const QString s = v.toString().trimmed();
        if (required && s.isEmpty())
            fail(u"is empty"_s, key);
        if (s.size() > maxText)
            fail(u"is longer than %1 characters"_s.arg(maxText), key);
        return s;
    }

    [[nodiscard]] std::optional<Date> date(const QString &key, bool required) const
    {
        const QString s = text(key, required);
        if (s.isEmpty())
            return std::nullopt;
        const auto d = parseDate(s);
        if (!d)
            fail(u"must be a date as YYYY-MM-DD"_s, key);
        return d;
    }

    [[nodiscard]] QJsonArray list(const QString &key, bool nonEmpty) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() && !nonEmpty)
            return {};
        if (!v.isArray())
            fail(v.isUndefined() ? u"is missing"_s : u"must be a list"_s, key);
        if (nonEmpty && v.toArray().isEmpty())
            fail(u"must hold at least one entry"_s, key);
        return v.toArray();
    }

    [[nodiscard]] const QJsonObject &object() const { return m_object; }

private:
    QJsonObject m_object;
    QString m_where;
};

PlanObjective readObjective(const QJsonValue &value, const QString &where)
{
    const Reader r(value, where, {u"id"_s, u"text"_s, u"target_date"_s, u"measured_by"_s, u"measure"_s, u"interventions"_s});
    PlanObjective o;
    const QString id = r.text(u"id"_s, false);
    if (!id.isEmpty()) {
        const auto n = objectiveNumber(id);
        if (!n)
            r.fail(u"an objective id is O and a number (O12)"_s, u"id"_s);
        o.id = objectiveId(*n);
    }
    o.text = r.text(u"text"_s, true);
    o.targetDate = r.date(u"target_date"_s, false);
    o.measuredBy = r.text(u"measured_by"_s, true);
    const QString measure = r.text(u"measure"_s, false);
    if (!measure.isEmpty()) {
        o.measure = parseLinkedMeasure(measure);
        if (!o.measure)
            r.fail(u"must read as an instrument, a comparison and a score within its range, such as \"phq9 < 10\""_s, u"measure"_s);
    }
    const QJsonArray interventions = r.list(u"interventions"_s, false);
    for (qsizetype i = 0; i < interventions.size(); ++i) {
        const QString s = interventions.at(i).toString().trimmed();
        if (!interventions.at(i).isString() || s.isEmpty() || s.size() > maxText)
            r.fail(u"must be a text of 1 to %1 characters"_s.arg(maxText), u"interventions[%1]"_s.arg(i));
        o.interventions.append(s);
    }
    return o;
}

QJsonObject objectiveJson(const PlanObjective &o)
{
    QJsonObject j{{u"text"_s, o.text}, {u"measured_by"_s, o.measuredBy}};
    if (!o.id.isEmpty())
        j.insert(u"id"_s, o.id);
    if (o.targetDate)
        j.insert(u"target_date"_s, toIso(*o.targetDate));
    if (o.measure)
        j.insert(u"measure"_s, o.measure->toText());
    j.insert(u"interventions"_s, QJsonArray::fromStringList(o.interventions));
    return j;
}

} // namespace

QString toString(PlanAgreement value)
{
    return nameOf(agreementNames(), value);
}

std::optional<PlanAgreement> parsePlanAgreement(const QString &text)
{
    return valueOf(agreementNames(), text);
}

QString toString(ProgressRating value)
{
    return nameOf(ratingNames(), value);
}

std::optional<ProgressRating> parseProgressRating(const QString &text)
{
    return valueOf(ratingNames(), text);
}

QString label(ProgressRating value)
{
    switch (value) {
    case ProgressRating::Worse: return u"worse"_s;
    case ProgressRating::None: return u"no change"_s;
    case ProgressRating::Some: return u"some progress"_s;
    case ProgressRating::Much: return u"much progress"_s;
    case ProgressRating::Met: return u"met"_s;
    }
    return {};
}

bool LinkedMeasure::reachedBy(int total) const
{
    if (comparison == u"<")
        return total < value;
    if (comparison == u"<=")
        return total <= value;
    if (comparison == u">")
        return total > value;
    return total >= value;
}

QString LinkedMeasure::toText() const
{
    return u"%1 %2 %3"_s.arg(instrument, comparison).arg(value);
}

std::optional<LinkedMeasure> parseLinkedMeasure(const QString &text)
{
    static const QRegularExpression form(u"^\\s*([a-z0-9]+)\\s*(<=|>=|<|>)\\s*(\\d{1,3})\\s*$"_s);
    const auto m = form.match(text.toLower());
    if (!m.hasMatch())
        return std::nullopt;
    LinkedMeasure measure{m.captured(1), m.captured(2), m.captured(3).toInt()};
    if (!findInstrument(measure.instrument) || measure.value > maxTotal(measure.instrument))
        return std::nullopt;
    return measure;
}

QString objectiveId(Id number)
{
    return u"O%1"_s.arg(number);
}

std::optional<Id> objectiveNumber(const QString &id)
{
    static const QRegularExpression form(u"^[Oo]([1-9][0-9]{0,9})$"_s);
    const auto m = form.match(id);
    if (!m.hasMatch())
        return std::nullopt;
    return static_cast<Id>(m.captured(1).toLongLong());
}

QJsonObject TreatmentPlan::toJson() const
{
    QJsonArray problemList;
    for (const PlanProblem &p : problems) {
        QJsonArray goalList;
        for (const PlanGoal &g : p.goals) {
            QJsonArray objectiveList;
            for (const PlanObjective &o : g.objectives)
                objectiveList.append(objectiveJson(o));
            goalList.append(QJsonObject{{u"text"_s, g.text}, {u"objectives"_s, objectiveList}});
        }
        problemList.append(QJsonObject{{u"text"_s, p.text}, {u"goals"_s, goalList}});
    }
    QJsonObject j{{u"problems"_s, problemList},
                  {u"effective"_s, toIso(effective)},
                  {u"next_review"_s, toIso(nextReview)},
                  {u"review_every_days"_s, reviewEveryDays}};
    if (agreedOn && agreedHow)
        j.insert(u"agreement"_s, QJsonObject{{u"date"_s, toIso(*agreedOn)}, {u"how"_s, toString(*agreedHow)}});
    return j;
}

QList<PlanObjective> TreatmentPlan::objectives() const
{
    QList<PlanObjective> all;
    for (const PlanProblem &p : problems) {
        for (const PlanGoal &g : p.goals)
            all.append(g.objectives);
    }
    return all;
}

std::optional<PlanObjective> TreatmentPlan::objective(const QString &id) const
{
    const auto n = objectiveNumber(id);
    for (const PlanObjective &o : objectives()) {
        if (n && o.id == objectiveId(*n))
            return o;
    }
    return std::nullopt;
}

TreatmentPlan parseTreatmentPlan(const QByteArray &json, const Date &today)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        throw Error(ErrorKind::Io, u"plan file"_s, u"not valid JSON at byte %1 (%2)"_s.arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        throw Error(ErrorKind::Io, u"plan file"_s, u"must be a JSON object"_s);
    return treatmentPlanFromJson(doc.object(), today);
}

TreatmentPlan treatmentPlanFromJson(const QJsonObject &object, const Date &today)
{
    const Reader r(object, {}, {u"problems"_s, u"effective"_s, u"next_review"_s, u"review_every_days"_s, u"agreement"_s});
    TreatmentPlan plan;
    plan.effective = r.date(u"effective"_s, false).value_or(today);
    plan.nextReview = *r.date(u"next_review"_s, true);
    if (plan.nextReview < plan.effective)
        r.fail(u"falls before the plan takes effect"_s, u"next_review"_s);
    if (r.has(u"review_every_days"_s)) {
        const QJsonValue days = object.value(u"review_every_days"_s);
        if (!days.isDouble() || days.toDouble() != std::floor(days.toDouble()) || days.toInt() < 7 || days.toInt() > 366)
            r.fail(u"must be a whole number of days from 7 to 366"_s, u"review_every_days"_s);
        plan.reviewEveryDays = days.toInt();
    }
    if (r.has(u"agreement"_s)) {
        const Reader a(object.value(u"agreement"_s), u"agreement"_s, {u"date"_s, u"how"_s});
        plan.agreedOn = a.date(u"date"_s, true);
        plan.agreedHow = parsePlanAgreement(a.text(u"how"_s, true));
        if (!plan.agreedHow)
            a.fail(u"must be verbal, signed or declined"_s, u"how"_s);
    }
    const QJsonArray problems = r.list(u"problems"_s, true);
    for (qsizetype i = 0; i < problems.size(); ++i) {
        const Reader pr(problems.at(i), r.where(u"problems"_s, i), {u"text"_s, u"goals"_s});
        PlanProblem problem{pr.text(u"text"_s, true), {}};
        const QJsonArray goals = pr.list(u"goals"_s, true);
        for (qsizetype j = 0; j < goals.size(); ++j) {
            const Reader gr(goals.at(j), pr.where(u"goals"_s, j), {u"text"_s, u"objectives"_s});
            PlanGoal goal{gr.text(u"text"_s, true), {}};
            const QJsonArray objectives = gr.list(u"objectives"_s, true);
            for (qsizetype k = 0; k < objectives.size(); ++k) {
                goal.objectives.append(readObjective(objectives.at(k), gr.where(u"objectives"_s, k)));
            }
            problem.goals.append(goal);
        }
        plan.problems.append(problem);
    }
    // An objective named twice would take two ratings' meaning at once.
    QSet<QString> seen;
    for (const PlanObjective &o : plan.objectives()) {
        if (o.id.isEmpty())
            continue;
        if (seen.contains(o.id))
            throw Error(ErrorKind::Io, u"plan file"_s, u"objective %1 is given twice"_s.arg(o.id));
        seen.insert(o.id);
    }
    return plan;
}

QByteArray canonicalTreatmentPlan(const TreatmentPlan &plan)
{
    // QJsonObject keeps its keys sorted, so the compact form is canonical.
    const QJsonObject content{{u"client"_s, plan.clientCode},
                              {u"version"_s, plan.version},
                              {u"plan"_s, plan.toJson()},
                              {u"signed_by"_s, plan.author},
                              {u"signed_at"_s, plan.signedAt}};
    return QJsonDocument(content).toJson(QJsonDocument::Compact);
}

Date nextReviewDue(const TreatmentPlan &plan, const QList<PlanReview> &reviews)
{
    std::optional<Date> latest;
    for (const PlanReview &r : reviews) {
        if (r.date >= plan.effective && (!latest || r.date > *latest))
            latest = r.date;
    }
    if (!latest)
        return plan.nextReview;
    return *latest + boost::gregorian::days(plan.reviewEveryDays);
}

} // namespace uc::model
