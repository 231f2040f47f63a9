// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternfindings.h"

#include "patterns/findings.h"

QStringList PatternFindings::clientFindings() const
{
    return m_leadLag.mid(0, uc::patterns::maxClientFindings);
}

QStringList PatternFindings::reviewFindings() const
{
    QStringList shown;
    for (const QString &finding : clientFindings())
        if (!m_hiddenInReview.contains(finding))
            shown.append(finding);
    return shown;
}

bool PatternFindings::shownInReview(int index) const
{
    const QStringList findings = clientFindings();
    return index >= 0 && index < findings.size() && !m_hiddenInReview.contains(findings.at(index));
}

void PatternFindings::setShownInReview(int index, bool shown)
{
    const QStringList findings = clientFindings();
    if (index < 0 || index >= findings.size() || shownInReview(index) == shown)
        return;
    if (shown)
        m_hiddenInReview.removeAll(findings.at(index));
    else
        m_hiddenInReview.append(findings.at(index));
    Q_EMIT changed();
}

QString PatternFindings::notCauses()
{
    return uc::patterns::notCausesText();
}

void PatternFindings::set(const uc::gui::PatternsData &data)
{
    if (data.code == m_code && data.cooccurrence == m_cooccurrence && data.leadLag == m_leadLag && data.tested == m_tested)
        return;
    m_code = data.code;
    m_cooccurrence = data.cooccurrence;
    m_leadLag = data.leadLag;
    // Another client's or another range's findings: every one shown again until unticked.
    m_hiddenInReview.clear();
    m_tested = data.tested;
    Q_EMIT changed();
}
