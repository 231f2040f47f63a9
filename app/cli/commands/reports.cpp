// SPDX-License-Identifier: GPL-3.0-or-later
#include "reports.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "reports/reports.h"

#include <QDir>

using namespace Qt::StringLiterals;

namespace uc::cli {

int reportClient(const Invocation &line)
{
    const QString out = line.value("out");
    reports::writeClientReport(*openVault(line), line.value("client"), out, line.has("with-risk"), line.has("with-plan"),
                                line.has("with-events"), line.has("with-use-days"));
    print(u"client report written to %1"_s.arg(QDir::toNativeSeparators(out)));
    return 0;
}

int reportNote(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const QString out = line.value("out");
    reports::writeNoteReport(*openVault(line), id, out);
    print(u"note %1 written to %2"_s.arg(id).arg(QDir::toNativeSeparators(out)));
    return 0;
}

int reportSupervision(const Invocation &line)
{
    const model::Date from = *dateOption(line, "from");
    const model::Date to = *dateOption(line, "to");
    const QString out = line.value("out");
    reports::writeSupervisionReport(*openVault(line), line.value("therapist"), from, to, out);
    print(u"supervision report written to %1"_s.arg(QDir::toNativeSeparators(out)));
    return 0;
}

} // namespace uc::cli
