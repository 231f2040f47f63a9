// SPDX-License-Identifier: GPL-3.0-or-later
#include "themes/agreement.h"

#include "common/error.h"

namespace uc::themes {

QList<ThemeAgreement> cohensKappa(const QList<QSet<QString>> &first, const QList<QSet<QString>> &second,
                                  const QList<QString> &themes)
{
    if (first.size() != second.size())
        throw Error(ErrorKind::Usage, QStringLiteral("agreement"),
                    QStringLiteral("both raters must rate the same notes"));
    QList<ThemeAgreement> results;
    for (const QString &theme : themes) {
        ThemeAgreement a;
        a.theme = theme;
        a.notes = static_cast<int>(first.size());
        for (qsizetype i = 0; i < first.size(); ++i) {
            const bool x = first.at(i).contains(theme);
            const bool y = second.at(i).contains(theme);
            if (x && y)
                ++a.bothPresent;
            else if (x)
                ++a.onlyFirst;
            else if (y)
                ++a.onlySecond;
            else
                ++a.bothAbsent;
        }
        if (a.notes > 0) {
            const double n = a.notes;
            a.observed = (a.bothPresent + a.bothAbsent) / n;
            const double firstYes = (a.bothPresent + a.onlyFirst) / n;
            const double secondYes = (a.bothPresent + a.onlySecond) / n;
            a.expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
            if (a.expected < 1.0)
                a.kappa = (a.observed - a.expected) / (1.0 - a.expected);
        }
        results.append(a);
    }
    return results;
}

} // namespace uc::themes
