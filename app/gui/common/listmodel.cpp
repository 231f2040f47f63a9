// SPDX-License-Identifier: GPL-3.0-or-later
#include "listmodel.h"

void ListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}
