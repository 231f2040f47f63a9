// SPDX-License-Identifier: GPL-3.0-or-later
#include "importmodel.h"

#include "conversions.h"
#include "vaultthread.h"

#include "import/importer.h"
#include "vault/vault.h"

#include <QFile>

#include <algorithm>
#include <map>
#include <utility>

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

ImportPreviewModel::ImportPreviewModel(VaultThread *vault, QObject *parent)
    : QAbstractTableModel(parent)
    , m_vault(vault)
{
}

int ImportPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ImportPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportPreviewModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid
                                   | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case WhereColumn: return row.where;
        case ClientColumn: return row.client;
        case DateColumn: return row.date;
        case ModalityColumn: return row.modality;
        case TemplateColumn: return row.templateLabel;
        case StatusColumn: return row.status;
        default: return {};
        }
    }
    switch (role) {
    case WhereRole: return row.where;
    case ClientRole: return row.client;
    case DateRole: return row.date;
    case ModalityRole: return row.modality;
    case TemplateRole: return row.templateLabel;
    case StatusRole: return row.status;
    case OkRole: return row.ok;
    default: return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const QStringList titles = {tr("Row"), tr("Client"), tr("Date"), tr("Modality"), tr("Template"), tr("Status")};
    return titles.at(section);
}

QHash<int, QByteArray> ImportPreviewModel::roleNames() const
{
    return {{Qt::DisplayRole, "display"}, {WhereRole, "where"},       {ClientRole, "client"},
            {DateRole, "date"},           {ModalityRole, "modality"}, {TemplateRole, "templateLabel"},
            {StatusRole, "status"},       {OkRole, "ok"}};
}

void ImportPreviewModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

QList<ImportPreviewModel::Row> ImportPreviewModel::rowsOf(const uc::import::ImportParse &parse)
{
    // Keyed by where the row is: (line, file) sorts as the file does.
    std::map<std::pair<int, QString>, Row> rows;
    QList<uc::import::ImportRow> read = parse.rows;
    read.append(parse.refused);
    for (const uc::import::ImportRow &r : std::as_const(read)) {
        Row row{r.file.isEmpty() ? tr("line %1").arg(r.line) : r.file,
                r.clientCode,
                uc::model::toIso(r.date),
                uc::model::toString(r.modality),
                uc::model::templateLabel(r.templateId),
                tr("OK"),
                true};
        rows.emplace(std::pair(r.line, r.file), row);
    }
    for (const uc::import::ImportError &e : parse.errors) {
        auto [it, inserted] = rows.try_emplace(std::pair(e.line, e.file));
        Row &row = it->second;
        const QString reason = e.field + u": "_s + e.reason;
        if (inserted || row.ok) {
            // A row refused after it was read (an unknown client) keeps what was read.
            if (inserted)
                row.where = !e.file.isEmpty() ? e.file : e.line > 0 ? tr("line %1").arg(e.line) : tr("folder");
            row.status = reason;
            row.ok = false;
        } else {
            row.status += u"; "_s + reason;
        }
    }
    QList<Row> list;
    list.reserve(static_cast<qsizetype>(rows.size()));
    for (auto &[key, row] : rows)
        list.append(std::move(row));
    return list;
}

void ImportPreviewModel::setPreview(const QString &source, uc::import::ImportParse parse, QStringList newClients,
                                    bool createClients)
{
    beginResetModel();
    m_rows = rowsOf(parse);
    m_errorCount = static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return !r.ok; }));
    m_parse = std::move(parse);
    m_newClients = std::move(newClients);
    m_source = source;
    m_createClients = createClients;
    endResetModel();
    Q_EMIT changed();
}

void ImportPreviewModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_parse = {};
    m_newClients.clear();
    m_source.clear();
    m_errorCount = 0;
    m_createClients = false;
    endResetModel();
    Q_EMIT changed();
}

// ---- on the vault thread

void ImportPreviewModel::preview(const QString &path, bool folder, bool createClients)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    const QString local = uc::gui::localPathOf(path);
    if (local.isEmpty())
        return Q_EMIT failed(Failure(Failure::BadInput, u"preview"_s,
                                     folder ? tr("Choose a folder of note files.") : tr("Choose a CSV file.")));
    setLoading(true);
    m_vault->post(
        this, tr("Checking the rows…"),
        [local, folder, createClients](Worker &w) {
            uc::vault::Vault &v = w.open();
            uc::import::ImportParse parse;
            if (folder) {
                parse = uc::import::parseFolder(local);
            } else {
                QFile file(local);
                if (!file.open(QIODevice::ReadOnly))
                    throw uc::Error(uc::ErrorKind::Io, u"import"_s, u"the file cannot be read"_s);
                parse = uc::import::parseCsv(file.readAll());
            }
            QStringList known;
            for (const uc::model::Client &c : v.clients().list())
                known.append(c.code);
            QStringList created = uc::import::checkClients(parse, known, createClients);
            return std::make_pair(std::move(parse), std::move(created));
        },
        [this, local, createClients](std::pair<uc::import::ImportParse, QStringList> checked) {
            setLoading(false);
            setPreview(local, std::move(checked.first), std::move(checked.second), createClients);
            Q_EMIT previewed();
        },
        [this](const uc::Error &e) {
            setLoading(false);
            Q_EMIT failed(Failure(u"preview"_s, e));
        });
}

void ImportPreviewModel::run()
{
    if (!m_vault || !m_vault->isOpen() || !canImport())
        return;
    m_vault->post(
        this, tr("Importing…"),
        [parse = m_parse, create = m_createClients](Worker &w) {
            // The rows as previewed; checked again against the clients as they are now.
            const uc::import::ImportResult r = uc::import::importRows(w.open(), parse, create, false);
            if (!r.ok)
                throw uc::Error(uc::ErrorKind::Conflict, u"import"_s, u"the clients changed since the preview; check again"_s);
            return std::make_pair(r.notes, r.clients);
        },
        [this](std::pair<int, int> done) {
            clear();
            Q_EMIT imported(done.first, done.second);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"import"_s, e)); });
}
