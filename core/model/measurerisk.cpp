// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/measurerisk.h"

#include "model/measures.h"

#include <QStringList>

namespace uc::model {

namespace {

// PHQ-9's answer words (Kroenke 2001), 0 to 3.
QString phqFrequency(int answer)
{
    static const char *const words[] = {"not at all", "several days", "more than half the days", "nearly every day"};
    return answer >= 0 && answer <= 3 ? QString::fromLatin1(words[answer]) : QString();
}

} // namespace

std::optional<MeasureRisk> riskOf(const QString &instrument, const QList<int> &answers)
{
    if (instrument == u"phq9") {
        // Item 9: thoughts that you would be better off dead, or of hurting yourself.
        const int item9 = answers.value(8);
        if (answers.size() != 9 || item9 <= 0)
            return std::nullopt;
        return MeasureRisk{QStringLiteral("suicide"),
                           QStringLiteral("PHQ-9 item 9 answered %1 (%2)").arg(item9).arg(phqFrequency(item9)),
                           {}};
    }
    if (instrument == u"cssrs") {
        QStringList yes;
        for (int i = 0; i < answers.size(); ++i) {
            if (answers.at(i) == 1)
                yes.append(QString::number(i + 1));
        }
        if (yes.isEmpty())
            return std::nullopt;
        const QString level = score(instrument, answers).band;
        return MeasureRisk{QStringLiteral("suicide"),
                           QStringLiteral("C-SSRS screen %1 (yes to %2)").arg(level, yes.join(QStringLiteral(", "))), level};
    }
    return std::nullopt;
}

QString riskLine(const MeasureRisk &risk)
{
    return QStringLiteral("risk: %1 \u2014 %2; assess and document").arg(risk.id, risk.evidence);
}

} // namespace uc::model
