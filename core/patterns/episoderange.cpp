// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/episoderange.h"

#include "common/error.h"

using namespace Qt::StringLiterals;

namespace uc::patterns {

model::Episode limitToEpisode(Query &query, const QList<model::Episode> &episodes, model::Id id, const QString &field)
{
    for (const model::Episode &e : episodes) {
        if (e.id != id)
            continue;
        query.from = e.start;
        query.to = e.end;
        return e;
    }
    throw Error(ErrorKind::Io, field, u"the client has no episode with that id"_s);
}

} // namespace uc::patterns
