// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/versions.h"

#include "common/secret.h"

#include <boost/version.hpp>
#include <sodium.h>

#include <QtGlobal>

namespace uc {

QString versionReport(const QString &program, const QList<LibraryVersion> &linked)
{
    ensureSodium();
    const QString boost = QStringLiteral("%1.%2.%3")
                              .arg(BOOST_VERSION / 100000)
                              .arg(BOOST_VERSION / 100 % 1000)
                              .arg(BOOST_VERSION % 100);
    QString report = program + QLatin1Char(' ') + QStringLiteral(UC_VERSION) + QLatin1Char('\n');
    for (const LibraryVersion &library : linked)
        report += library.name + QLatin1Char(' ') + library.version + QLatin1Char('\n');
    return report + QStringLiteral("Qt %1\n").arg(QString::fromLatin1(qVersion()))
         + QStringLiteral("Boost %1\n").arg(boost)
         + QStringLiteral("libsodium %1\n").arg(QString::fromLatin1(sodium_version_string()));
}

} // namespace uc
