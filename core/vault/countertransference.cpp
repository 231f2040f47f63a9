// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/countertransference.h"

#include "vault/state.h"
#include "vault/vault.h"

using namespace Qt::StringLiterals;

namespace uc::vault {

QList<CtLogEntry> Countertransference::log(const QString &clientCode)
{
    const QString what = u"countertransference log"_s;
    m_state.require(model::Action::ReadRecords);
    if (m_state.user.role != model::Role::Therapist)
        throw Error(ErrorKind::NotAllowed, what,
                    u"the countertransference log is its author's own, and only a therapist writes process notes"_s);
    const auto client = m_vault.clients().find(clientCode);
    if (!client)
        badInput(what, u"no client with that code"_s);
    QList<CtLogEntry> out;
    // The reader's own process notes only: loadForClient's scope adds no one else's.
    for (const model::Note &n : m_vault.notes().loadForClient(clientCode, true)) {
        if (n.kind != model::NoteKind::Process || n.authorId != m_state.user.id)
            continue;
        int number = 0;
        for (const model::CtEntry &e : model::countertransferenceEntries(n.sections))
            out.append({n.id, n.sessionId, n.sessionDate, n.status, ++number, e});
    }
    m_state.recordEvent(u"view-countertransference"_s, u"client:%1"_s.arg(client->id), u"%1 entries"_s.arg(out.size()));
    return out;
}

} // namespace uc::vault
