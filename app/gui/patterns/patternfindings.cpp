// SPDX-License-Identifier: GPL-3.0-or-later
#include "patternfindings.h"

#include "patterns/findings.h"

QStringList PatternFindings::clientFindings() const
{
    return m_leadLag.mid(0, uc::patterns::maxClientFindings);
}

QString PatternFindings::notCauses()
{
    return uc::patterns::notCausesText();
}

void PatternFindings::set(const uc::gui::PatternsData &data)
{
    if (data.cooccurrence == m_cooccurrence && data.leadLag == m_leadLag && data.tested == m_tested)
        return;
    m_cooccurrence = data.cooccurrence;
    m_leadLag = data.leadLag;
    m_tested = data.tested;
    Q_EMIT changed();
}
