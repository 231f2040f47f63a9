// SPDX-License-Identifier: GPL-3.0-or-later
#include "notejson.h"

#include "model/json.h"
#include "vault/vault.h"

#include <QJsonArray>

namespace uc::cli {

namespace {

// The note's theme tags with the ids `note theme confirm|reject` take, and whether each is the
// group's (a group session's shared part: shown, never counted as the client's). During a blind
// agreement check the supervisor rating the note sees no themes: the key says they are withheld.
void insertThemes(vault::Vault &v, const model::Note &n, QJsonObject &o)
{
    QList<model::ThemeTag> tags;
    try {
        tags = v.tagging().tags(n.id);
    } catch (const Error &e) {
        if (e.kind() != ErrorKind::NotAllowed)
            throw;
        o.insert(QStringLiteral("themes_withheld"), e.why());
        return;
    }
    QJsonArray themes;
    for (const model::ThemeTag &t : tags) {
        QJsonObject tag = model::themeTagJson(t);
        tag.insert(QStringLiteral("id"), static_cast<double>(t.id));
        tag.insert(QStringLiteral("group"), t.groupLevel);
        themes.append(tag);
    }
    o.insert(QStringLiteral("themes"), themes);
}

} // namespace

QJsonObject noteJson(vault::Vault &v, const model::Note &n)
{
    QJsonObject o = model::noteDetailJson(n, v.notes().addenda(n.id), v.supervision().comments(n.id));
    const model::Session s = v.notes().session(n.sessionId);
    o.insert(QStringLiteral("modality"), model::toString(s.modality));
    o.insert(QStringLiteral("setting"), s.setting ? model::toString(*s.setting) : QString());
    for (const auto &a : s.attendees)
        if (a.clientCode == n.clientCode)
            o.insert(QStringLiteral("attendance"), model::toString(a.attendance));
    insertThemes(v, n, o);
    return o;
}

} // namespace uc::cli
