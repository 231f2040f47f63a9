// SPDX-License-Identifier: GPL-3.0-or-later
#include "searchmodel.h"

using namespace Qt::StringLiterals;
using namespace uc::gui;

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

int SearchResultModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const SearchRow &row = m_rows.at(index.row());
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

void SearchResultModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
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
