// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/error.h"

namespace uc {

Error::Error(ErrorKind kind, const QString &what, const QString &why)
    : std::runtime_error(QString(what + QLatin1String(": ") + why).toStdString())
    , m_kind(kind)
    , m_what(what)
    , m_why(why)
{
}

QString Error::message() const
{
    return m_what + QLatin1String(": ") + m_why;
}

} // namespace uc
