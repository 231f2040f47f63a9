// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/riskrecord.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <map>
#include <tuple>

namespace uc::model {

QString toString(RiskLevel level)
{
    switch (level) {
    case RiskLevel::Low:
        return QStringLiteral("low");
    case RiskLevel::Moderate:
        return QStringLiteral("moderate");
    case RiskLevel::High:
        return QStringLiteral("high");
    case RiskLevel::ToFollow:
        break;
    }
    return QStringLiteral("to-follow");
}

std::optional<RiskLevel> parseRiskLevel(const QString &text)
{
    for (RiskLevel level : {RiskLevel::Low, RiskLevel::Moderate, RiskLevel::High}) {
        if (text == toString(level))
            return level;
    }
    return std::nullopt;
}

namespace {

// "low, safety plan reviewed" -> the level and the action after it.
std::optional<RiskAssessment> levelAndAction(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(R"(^\s*(low|moderate|high)\b[\s,.;:–—-]*(.*)$)"),
                                       QRegularExpression::CaseInsensitiveOption
                                           | QRegularExpression::DotMatchesEverythingOption);
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QString action = m.captured(2).simplified();
    if (action.isEmpty())
        return std::nullopt;
    return RiskAssessment{*parseRiskLevel(m.captured(1).toLower()), action};
}

} // namespace

std::optional<RiskAssessment> documentedAssessment(const QList<Section> &sections)
{
    static const QRegularExpression line(QStringLiteral(R"(^\s*risk assessment\s*(?::|=|\s[–—-])\s*(.*)$)"),
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::MultilineOption);
    for (const Section &s : sections) {
        if (s.title.trimmed().compare(QStringLiteral("risk assessment"), Qt::CaseInsensitive) == 0) {
            if (auto a = levelAndAction(s.text))
                return a;
        }
        auto it = line.globalMatch(s.text);
        while (it.hasNext()) {
            if (auto a = levelAndAction(it.next().captured(1)))
                return a;
        }
    }
    return std::nullopt;
}

QList<RiskFlag> openFlags(const QList<RiskFlag> &flags, const QList<RiskClosing> &closings)
{
    std::map<Id, QString> latest; // client -> when the latest closing was made
    for (const RiskClosing &c : closings) {
        auto [it, inserted] = latest.try_emplace(c.clientId, c.at);
        if (!inserted && it->second < c.at)
            it->second = c.at;
    }
    QList<RiskFlag> open;
    for (const RiskFlag &f : flags) {
        if (!f.present)
            continue;
        const auto closed = latest.find(f.clientId);
        if (closed == latest.end() || closed->second < f.at)
            open.append(f);
    }
    // Newest first.
    std::stable_sort(open.begin(), open.end(), [](const RiskFlag &a, const RiskFlag &b) {
        return std::tie(b.date, b.at, b.noteId, b.measureId) < std::tie(a.date, a.at, a.noteId, a.measureId);
    });
    return open;
}

QString riskKindText(const QString &rule)
{
    static const QHash<QString, QString> words{
        {QStringLiteral("attempt"), QStringLiteral("an attempt")},
        {QStringLiteral("plan"), QStringLiteral("a plan")},
        {QStringLiteral("intent"), QStringLiteral("stated intent")},
        {QStringLiteral("preparation"), QStringLiteral("preparations made")},
        {QStringLiteral("means"), QStringLiteral("access to means")},
        {QStringLiteral("ideation"), QStringLiteral("thoughts of suicide")},
        {QStringLiteral("passive-wish"), QStringLiteral("a passive wish to be dead")},
        {QStringLiteral("self-injury"), QStringLiteral("injuring themselves")},
        {QStringLiteral("threat"), QStringLiteral("a threat to someone")},
        {QStringLiteral("overdose"), QStringLiteral("an overdose")},
        {QStringLiteral("using-alone"), QStringLiteral("using alone")},
        {QStringLiteral("tolerance"), QStringLiteral("lost tolerance")},
        {QStringLiteral("mixing"), QStringLiteral("mixing substances")},
        {QStringLiteral("violence"), QStringLiteral("violence against them")},
        {QStringLiteral("fear"), QStringLiteral("fear for their safety")},
        {QStringLiteral("injury"), QStringLiteral("an injury")},
        {QStringLiteral("coercive-control"), QStringLiteral("coercive control")},
        {QStringLiteral("child-at-risk"), QStringLiteral("a child at risk")},
        {QStringLiteral("act"), QStringLiteral("an act described")},
        {QStringLiteral("field"), QStringLiteral("a structured field")},
        {QStringLiteral("screen"), QStringLiteral("a screening answer")},
        {QStringLiteral("negative-screen"), QStringLiteral("screened and denied")},
        // The broad net's ninth-pass kinds (docs/risk.md, "Ninth pass").
        {QStringLiteral("history"), QStringLiteral("a past history")},
        {QStringLiteral("topic"), QStringLiteral("words about it")},
        // The learned reading's (docs/risk.md, "Tenth pass"): no rule named it; the wording did.
        {QStringLiteral("reading"), QStringLiteral("suggested by the wording as a whole")},
    };
    return words.value(rule, rule);
}

} // namespace uc::model
