// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo.h"

#include "io.h"
#include "values.h"

#include "demo/practice.h"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <QDir>

#include <cstring>

using namespace Qt::StringLiterals;

namespace uc::cli {

int createDemo(const Invocation &line)
{
    const QString dir = line.value("vault");
    const auto seed = static_cast<uint>(countOption(line, "seed").value_or(1));
    const bool ownPassphrase = line.has("passphrase-file");
    const SecretBuffer secret = ownPassphrase
        ? readSecretLine(line.value("passphrase-file"), u"passphrase file"_s)
        : SecretBuffer::copyOf(std::span<const unsigned char>(reinterpret_cast<const unsigned char *>(demo::defaultPassphrase),
                                                              std::strlen(demo::defaultPassphrase)));
    // As the application's --demo: current unless a day is given.
    const model::Date today = dateOption(line, "today").value_or(boost::gregorian::day_clock::local_day());
    const demo::DemoPractice made = demo::createDemoPractice(dir, secret, seed, vault::KdfCost::moderate(), today);
    print(u"Demo practice created in %1: %2 clients, %3 sessions, %4 notes, %5 measures (fictional)."_s
              .arg(QDir::toNativeSeparators(dir))
              .arg(made.clients.size())
              .arg(made.sessions)
              .arg(made.notes)
              .arg(made.measures));
    print(u"User: %1"_s.arg(made.user));
    if (!ownPassphrase)
        print(u"Passphrase: %1"_s.arg(QString::fromLatin1(demo::defaultPassphrase)));
    for (const demo::DemoClient &c : made.clients)
        print(u"  %1  %2"_s.arg(c.code, c.story));
    return 0;
}

} // namespace uc::cli
