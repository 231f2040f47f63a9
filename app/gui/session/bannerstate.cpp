// SPDX-License-Identifier: GPL-3.0-or-later
#include "bannerstate.h"

void BannerState::show(const Failure &failure)
{
    m_failure = failure;
    Q_EMIT changed();
}

void BannerState::dismiss()
{
    if (m_failure.message().isEmpty())
        return;
    m_failure = {};
    Q_EMIT changed();
}
