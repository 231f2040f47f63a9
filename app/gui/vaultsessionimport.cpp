// SPDX-License-Identifier: GPL-3.0-or-later
// VaultSession's import calls: the file is read, parsed and checked on the vault thread; the
// write is one transaction there too (core/import).
#include "vaultsession.h"

#include "screendata.h"

#include "import/importer.h"
#include "vault/vault.h"

#include <QFile>
#include <QUrl>

#include <utility>

using namespace Qt::StringLiterals;
using uc::Error;
using uc::ErrorKind;

void VaultSession::previewImport(const QString &path, bool folder, bool createClients)
{
    if (!m_unlocked)
        return;
    QString local = path.trimmed();
    if (local.startsWith(u"file:"_s))
        local = QUrl(local).toLocalFile();
    if (local.isEmpty()) {
        Q_EMIT importFailed(folder ? tr("Choose a folder of note files.") : tr("Choose a CSV file."));
        return;
    }
    m_importPreview->setLoading(true);
    post(
        tr("Checking the rows…"),
        [local, folder, createClients](Worker &w) {
            uc::vault::Vault &v = w.open();
            uc::import::ImportParse parse;
            if (folder) {
                parse = uc::import::parseFolder(local);
            } else {
                QFile file(local);
                if (!file.open(QIODevice::ReadOnly))
                    throw Error(ErrorKind::Io, u"import"_s, u"the file cannot be read"_s);
                parse = uc::import::parseCsv(file.readAll());
            }
            QStringList known;
            for (const uc::model::Client &c : v.clients().list())
                known.append(c.code);
            QStringList created = uc::import::checkClients(parse, known, createClients);
            return std::make_pair(std::move(parse), std::move(created));
        },
        [this, local, createClients](std::pair<uc::import::ImportParse, QStringList> checked) {
            m_importPreview->setLoading(false);
            m_importPreview->setPreview(local, std::move(checked.first), std::move(checked.second), createClients);
            Q_EMIT importPreviewed();
        },
        [this](const Error &e) {
            m_importPreview->setLoading(false);
            Q_EMIT importFailed(uc::gui::sentenceOf(e));
        });
}

void VaultSession::runImport()
{
    if (!m_unlocked || !m_importPreview->canImport())
        return;
    post(
        tr("Importing…"),
        [parse = m_importPreview->parse(), create = m_importPreview->createClients()](Worker &w) {
            // The rows as previewed; checked again against the clients as they are now.
            const uc::import::ImportResult r = uc::import::importRows(w.open(), parse, create, false);
            if (!r.ok)
                throw Error(ErrorKind::Conflict, u"import"_s, u"the clients changed since the preview; check again"_s);
            return std::make_pair(r.notes, r.clients);
        },
        [this](std::pair<int, int> done) {
            m_importPreview->clear();
            Q_EMIT imported(done.first, done.second);
            reloadClients();
        },
        [this](const Error &e) { Q_EMIT importFailed(uc::gui::sentenceOf(e)); });
}
