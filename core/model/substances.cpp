// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/substances.h"

using namespace Qt::StringLiterals;

namespace uc::model {

const QList<QString> &substanceClasses()
{
    static const QList<QString> classes{u"alcohol"_s,  u"opioids"_s,  u"stimulants"_s, u"cannabis"_s,
                                        u"sedatives"_s, u"nicotine"_s, u"other"_s};
    return classes;
}

} // namespace uc::model
