// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchmodel.h"

#include "failure.h"
#include "vaultthread.h"

#include "vault/vault.h"

#include <QHash>

using namespace Qt::StringLiterals;
using namespace uc::gui;
using Worker = VaultThread::Worker;

namespace uc::gui {

QString snippetHtml(const QString &snippet, const QString &highlight)
{
    QString html;
    html.reserve(snippet.size() + 64);
    bool open = false;
    for (const QChar c : snippet) {
        if (c == u'[' && !open) {
            html += u"<span style=\"background-color:%1; color:#1f2933; font-weight:600\">"_s.arg(highlight.toHtmlEscaped());
            open = true;
        } else if (c == u']' && open) {
            html += u"</span>"_s;
            open = false;
        } else if (c == u'<') {
            html += u"&lt;"_s;
        } else if (c == u'>') {
            html += u"&gt;"_s;
        } else if (c == u'&') {
            html += u"&amp;"_s;
        } else if (c == u'"') {
            html += u"&quot;"_s;
        } else {
            html += c;
        }
    }
    if (open)
        html += u"</span>"_s;
    return html;
}

QString snippetPlain(const QString &snippet)
{
    QString plain = snippet;
    plain.remove(u'[');
    plain.remove(u']');
    return plain;
}

} // namespace uc::gui

SearchResultModel::SearchResultModel(VaultThread *vault, QObject *parent)
    : ListModel(parent)
    , m_vault(vault)
{
}

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    const SearchRow &row = rowAt(m_rows, index);
    switch (role) {
    case NoteIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.noteId));
    case ClientCodeRole:
        return row.clientCode;
    case ClientNameRole:
        return row.clientName;
    case DateRole:
        return row.date;
    case KindRole:
        return row.kind;
    case Qt::DisplayRole:
    case SnippetRole:
        return snippetPlain(row.snippet);
    case SnippetHtmlRole:
        return snippetHtml(row.snippet, u"#fbe7a1"_s);
    default:
        return {};
    }
}

QHash<int, QByteArray> SearchResultModel::roleNames() const
{
    return {{NoteIdRole, "noteId"}, {ClientCodeRole, "clientCode"}, {ClientNameRole, "clientName"},
            {DateRole, "date"},     {KindRole, "kind"},             {SnippetRole, "snippet"},
            {SnippetHtmlRole, "snippetHtml"}};
}

void SearchResultModel::setRows(const QString &query, QList<SearchRow> rows)
{
    beginResetModel();
    m_query = query;
    m_rows = std::move(rows);
    endResetModel();
    setLoading(false);
    Q_EMIT countChanged();
}

void SearchResultModel::search(const QString &query)
{
    if (!m_vault || !m_vault->isOpen() || !m_allowed)
        return;
    const QString text = query.simplified();
    if (text.isEmpty()) {
        clear();
        Q_EMIT finished(text);
        return;
    }
    setLoading(true);
    m_vault->post(
        this, tr("Searching…"),
        [text](Worker &w) {
            uc::vault::Vault &v = w.open();
            QHash<QString, QString> names;
            for (const uc::model::Client &c : v.clients().list())
                names.insert(c.code, c.displayName);
            QList<SearchRow> rows;
            for (const uc::model::SearchHit &hit : v.search().notes(text, 50))
                rows.append({hit.noteId, hit.clientCode, names.value(hit.clientCode), uc::model::toIso(hit.sessionDate),
                             uc::model::toString(hit.kind), hit.snippet});
            return rows;
        },
        [this, text](QList<SearchRow> rows) {
            setRows(text, std::move(rows));
            Q_EMIT finished(text);
        },
        [this](const uc::Error &e) {
            setLoading(false);
            m_vault->report(Failure(u"search"_s, e));
        });
}
