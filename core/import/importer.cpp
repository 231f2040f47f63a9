// SPDX-License-Identifier: GPL-3.0-or-later
#include "import/importer.h"

#include "vault/vault.h"

#include <QSet>

namespace uc::import {

ImportResult importRows(vault::Vault &vault, ImportParse parse, bool createClients, bool dryRun)
{
    ImportResult result;
    result.dryRun = dryRun;
    result.rows = parse.records;
    QStringList known;
    for (const model::Client &c : vault.clients().list())
        known.append(c.code);
    result.clientsCreated = checkClients(parse, known, createClients);
    result.errors = parse.errors;
    result.ok = parse.errors.isEmpty();
    if (!result.ok) {
        result.clientsCreated.clear();
        return result;
    }
    QSet<QString> clients;
    for (const ImportRow &row : std::as_const(parse.rows))
        clients.insert(row.clientCode);
    result.notes = static_cast<int>(parse.rows.size());
    result.clients = static_cast<int>(clients.size());
    if (dryRun)
        return result;

    vault.inOneTransaction([&] {
        for (const QString &code : std::as_const(result.clientsCreated)) {
            model::Client c;
            c.code = code;
            c.displayName = code;
            vault.clients().add(c);
        }
        for (const ImportRow &row : std::as_const(parse.rows)) {
            model::Session s;
            s.date = row.date;
            s.start = row.time;
            s.minutes = row.minutes;
            s.modality = row.modality;
            s.setting = row.setting;
            s.attendees.append({0, row.clientCode, model::Attendance::Attended});
            vault.notes().addSession(s, row.templateId, row.kind, model::sectionsFromText(row.text, row.templateId));
        }
        vault.recordEvent(QStringLiteral("import"), QStringLiteral("notes"),
                          QStringLiteral("%1 draft notes for %2 clients, %3 clients created")
                              .arg(result.notes)
                              .arg(result.clients)
                              .arg(result.clientsCreated.size()));
    });
    return result;
}

} // namespace uc::import
