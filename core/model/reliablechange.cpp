// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/reliablechange.h"

#include <cmath>

namespace uc::model {

namespace {

// Two-sided 5%: a change larger than 1.96 standard errors of the difference is not measurement error.
constexpr double criterion = 1.96;

} // namespace

ChangeNorms changeNorms(const QString &instrument)
{
    // Sources for every figure: docs/patterns.md, "Reliable change". An instrument without a
    // published SD and reliability to hand is "not computed" rather than given borrowed figures.
    // PHQ-9 and GAD-7: NHS Talking Therapies' published reliable-change thresholds, and its
    // caseness cut-offs with them (GAD-7 8, not the severity band's 10): one published method.
    if (instrument == u"phq9")
        return {std::nullopt, std::nullopt, 10, 6};
    if (instrument == u"gad7")
        return {std::nullopt, std::nullopt, 8, 4};
    if (instrument == u"audit")
        return {std::nullopt, std::nullopt, 8, std::nullopt};
    if (instrument == u"pcl5")
        return {12.40, 0.91, 33, std::nullopt};
    return {};
}

std::optional<double> standardErrorOfDifference(const QString &instrument)
{
    const ChangeNorms norms = changeNorms(instrument);
    if (!norms.sd || !norms.reliability)
        return std::nullopt;
    return std::sqrt(2.0) * *norms.sd * std::sqrt(1.0 - *norms.reliability);
}

ReliableChange reliableChange(const QString &instrument, int first, int latest)
{
    ReliableChange change;
    change.from = first;
    change.to = latest;
    const ChangeNorms norms = changeNorms(instrument);
    if (const std::optional<double> sdiff = standardErrorOfDifference(instrument)) {
        change.method = ChangeMethod::JacobsonTruax;
        change.rci = (latest - first) / *sdiff;
        change.verdict = *change.rci < -criterion ? ChangeVerdict::ReliableImprovement
            : *change.rci > criterion             ? ChangeVerdict::ReliableDeterioration
                                                  : ChangeVerdict::NoReliableChange;
    } else if (norms.threshold) {
        change.method = ChangeMethod::PublishedThreshold;
        change.threshold = norms.threshold;
        const int points = latest - first;
        change.verdict = points <= -*norms.threshold ? ChangeVerdict::ReliableImprovement
            : points >= *norms.threshold             ? ChangeVerdict::ReliableDeterioration
                                                     : ChangeVerdict::NoReliableChange;
    } else {
        return change;
    }
    const std::optional<int> cutOff = norms.cutOff;
    change.cutOff = cutOff;
    if (cutOff) {
        const bool recovered = first >= *cutOff && latest < *cutOff;
        const bool fellIll = first < *cutOff && latest >= *cutOff;
        change.clinicallySignificant = (change.verdict == ChangeVerdict::ReliableImprovement && recovered)
            || (change.verdict == ChangeVerdict::ReliableDeterioration && fellIll);
    }
    return change;
}

std::optional<ReliableChange> reliableChange(const QString &instrument, const QList<Measure> &measures)
{
    const Measure *first = nullptr;
    const Measure *latest = nullptr;
    for (const Measure &m : measures) {
        if (m.instrument != instrument)
            continue;
        if (!first)
            first = &m;
        latest = &m;
    }
    if (!first || first == latest)
        return std::nullopt;
    ReliableChange change = reliableChange(instrument, first->total, latest->total);
    change.fromDate = first->date;
    change.toDate = latest->date;
    return change;
}

QString toString(ChangeMethod method)
{
    switch (method) {
    case ChangeMethod::JacobsonTruax:
        return QStringLiteral("jacobson-truax");
    case ChangeMethod::PublishedThreshold:
        return QStringLiteral("published-threshold");
    case ChangeMethod::None:
        break;
    }
    return QStringLiteral("none");
}

QString toString(ChangeVerdict verdict)
{
    switch (verdict) {
    case ChangeVerdict::ReliableImprovement:
        return QStringLiteral("reliable-improvement");
    case ChangeVerdict::NoReliableChange:
        return QStringLiteral("no-reliable-change");
    case ChangeVerdict::ReliableDeterioration:
        return QStringLiteral("reliable-deterioration");
    case ChangeVerdict::NotComputed:
        break;
    }
    return QStringLiteral("not-computed");
}

QString verdictLabel(ChangeVerdict verdict)
{
    return toString(verdict).replace(u'-', u' ');
}

QString describe(const QString &instrument, const ReliableChange &change)
{
    QString text = QStringLiteral("%1 → %2").arg(change.from).arg(change.to);
    if (change.method == ChangeMethod::PublishedThreshold) {
        const int points = change.to - change.from;
        text += QStringLiteral(", change %1%2 (published threshold %3 points): %4")
                    .arg(points > 0 ? QStringLiteral("+") : QString())
                    .arg(points)
                    .arg(*change.threshold)
                    .arg(verdictLabel(change.verdict));
    } else if (change.rci) {
        text += QStringLiteral(", RCI %1: %2").arg(*change.rci, 0, 'f', 2).arg(verdictLabel(change.verdict));
    } else {
        return text + QStringLiteral(": reliable change not computed (no published figures to hand)");
    }
    const std::optional<int> cutOff = changeNorms(instrument).cutOff;
    if (!change.clinicallySignificant)
        return text + QStringLiteral("; clinical significance not defined (no cut-off)");
    if (*change.clinicallySignificant) {
        return text
            + (change.verdict == ChangeVerdict::ReliableImprovement
                   ? QStringLiteral("; clinically significant (now below the cut-off of %1)")
                   : QStringLiteral("; clinically significant (now at or above the cut-off of %1)"))
                  .arg(*cutOff);
    }
    return text + QStringLiteral("; not clinically significant (cut-off %1)").arg(*cutOff);
}

QJsonObject toJson(const ReliableChange &change)
{
    QJsonObject json{{QStringLiteral("from"), change.from},
                     {QStringLiteral("to"), change.to},
                     {QStringLiteral("rci"), change.rci ? QJsonValue(std::round(*change.rci * 100.0) / 100.0) : QJsonValue()},
                     {QStringLiteral("verdict"), toString(change.verdict)},
                     {QStringLiteral("clinically_significant"),
                      change.clinicallySignificant ? QJsonValue(*change.clinicallySignificant) : QJsonValue()},
                     {QStringLiteral("method"), toString(change.method)},
                     {QStringLiteral("threshold"), change.threshold ? QJsonValue(*change.threshold) : QJsonValue()},
                     {QStringLiteral("cut_off"), change.cutOff ? QJsonValue(*change.cutOff) : QJsonValue()}};
    if (!change.fromDate.is_special() && !change.toDate.is_special()) {
        json.insert(QStringLiteral("from_date"), toIso(change.fromDate));
        json.insert(QStringLiteral("to_date"), toIso(change.toDate));
    }
    return json;
}

QList<ItemMove> itemMoves(const Measure &first, const Measure &latest)
{
    QList<ItemMove> moves;
    if (first.answers.size() != latest.answers.size())
        return moves;
    for (qsizetype i = 0; i < first.answers.size(); ++i) {
        if (first.answers[i] != latest.answers[i])
            moves.append({static_cast<int>(i + 1), first.answers[i], latest.answers[i]});
    }
    return moves;
}

QJsonArray toJson(const QList<ItemMove> &moves)
{
    QJsonArray json;
    for (const ItemMove &m : moves)
        json.append(QJsonObject{{QStringLiteral("item"), m.item}, {QStringLiteral("from"), m.from}, {QStringLiteral("to"), m.to}});
    return json;
}

} // namespace uc::model
