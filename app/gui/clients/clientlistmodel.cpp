// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientlistmodel.h"

#include <algorithm>

using uc::gui::ClientRow;

ClientListModel::ClientListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int ClientListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

QVariant ClientListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
    const ClientRow &row = m_all.at(m_visible.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case CodeRole:
        return row.code;
    case StatusRole:
        return row.status;
    case SettingRole:
        return row.setting;
    case LastSessionRole:
        return row.lastSession;
    case ThemesRole:
        return row.themeLabels;
    case ThemeIdsRole:
        return row.themeIds;
    default:
        return {};
    }
}

QHash<int, QByteArray> ClientListModel::roleNames() const
{
    return {{CodeRole, "code"},       {NameRole, "name"},         {StatusRole, "status"},     {SettingRole, "setting"},
            {LastSessionRole, "lastSession"}, {ThemesRole, "themes"}, {ThemeIdsRole, "themeIds"}};
}

void ClientListModel::setFilterText(const QString &text)
{
    if (m_filter == text)
        return;
    m_filter = text;
    refilter();
    Q_EMIT filterTextChanged();
}

void ClientListModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

void ClientListModel::setRows(QList<ClientRow> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const ClientRow &a, const ClientRow &b) { return a.code < b.code; });
    m_all = std::move(rows);
    refilter();
}

void ClientListModel::upsert(const ClientRow &row)
{
    const auto at = std::lower_bound(m_all.begin(), m_all.end(), row.code,
                                     [](const ClientRow &r, const QString &code) { return r.code < code; });
    if (at != m_all.end() && at->code == row.code) {
        const qsizetype source = at - m_all.begin();
        const qsizetype shown = m_visible.indexOf(source);
        *at = row;
        if (shown >= 0 && matches(row)) {
            const QModelIndex i = index(static_cast<int>(shown));
            Q_EMIT dataChanged(i, i);
            return;
        }
    } else {
        m_all.insert(at, row);
    }
    refilter();
}

void ClientListModel::clear()
{
    beginResetModel();
    m_all.clear();
    m_visible.clear();
    endResetModel();
    Q_EMIT countChanged();
    if (!m_filter.isEmpty()) {
        m_filter.clear();
        Q_EMIT filterTextChanged();
    }
    setLoading(false);
}

int ClientListModel::indexOf(const QString &code) const
{
    for (qsizetype i = 0; i < m_visible.size(); ++i) {
        if (m_all.at(m_visible.at(i)).code == code)
            return static_cast<int>(i);
    }
    return -1;
}

bool ClientListModel::matches(const ClientRow &row) const
{
    const QString needle = m_filter.trimmed();
    if (needle.isEmpty())
        return true;
    if (row.code.contains(needle, Qt::CaseInsensitive) || row.name.contains(needle, Qt::CaseInsensitive))
        return true;
    return std::any_of(row.themeLabels.cbegin(), row.themeLabels.cend(),
                       [&](const QString &label) { return label.contains(needle, Qt::CaseInsensitive); });
}

void ClientListModel::refilter()
{
    beginResetModel();
    m_visible.clear();
    for (qsizetype i = 0; i < m_all.size(); ++i) {
        if (matches(m_all.at(i)))
            m_visible.append(i);
    }
    endResetModel();
    Q_EMIT countChanged();
}

QVariantList ClientListModel::findActive(const QString &text, int limit) const
{
    QVariantList found;
    const QString needle = text.trimmed();
    for (const ClientRow &row : m_all) {
        if (found.size() >= limit)
            break;
        if (row.status != u"active")
            continue;
        if (needle.isEmpty() || row.code.contains(needle, Qt::CaseInsensitive) || row.name.contains(needle, Qt::CaseInsensitive))
            found.append(QVariantMap{{QStringLiteral("code"), row.code}, {QStringLiteral("name"), row.name}});
    }
    return found;
}
