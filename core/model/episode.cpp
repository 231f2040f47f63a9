// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/episode.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace uc::model {

bool Episode::overlaps(const Episode &other) const
{
    const bool endsBefore = end && *end < other.start;
    const bool startsAfter = other.end && start > *other.end;
    return !endsBefore && !startsAfter;
}

const QList<QString> &knownLevels()
{
    static const QList<QString> levels{u"residential"_s, u"intensive-outpatient"_s, u"outpatient"_s, u"aftercare"_s};
    return levels;
}

std::optional<QString> parseLevel(const QString &text)
{
    QString level = text.simplified().toLower();
    level.replace(u' ', u'-');
    if (level == u"iop"_s)
        return u"intensive-outpatient"_s;
    static const QRegularExpression own(u"^[a-z0-9]+(?:-[a-z0-9]+)*$"_s);
    if (level.size() < 3 || level.size() > 40 || !own.match(level).hasMatch())
        return std::nullopt;
    return level;
}

} // namespace uc::model
