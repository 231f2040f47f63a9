// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

#include <utility>

// What every list of the screens has besides its rows: a count for QML, a loading flag while the
// vault thread fills it, and replacing all rows in one reset. A list keeps its rows in a
// QList of plain values computed on the vault thread and knows nothing of the vault.
class ListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] bool loading() const { return m_loading; }
    void setLoading(bool loading);

Q_SIGNALS:
    void countChanged();
    void loadingChanged();

protected:
    // rows becomes value: one reset, then countChanged.
    template<typename Rows, typename Value>
    void replace(Rows &rows, Value &&value)
    {
        beginResetModel();
        rows = std::forward<Value>(value);
        endResetModel();
        Q_EMIT countChanged();
    }
    // rowCount() of a flat list of size rows.
    [[nodiscard]] static int rowsIn(const QModelIndex &parent, qsizetype rows)
    {
        return parent.isValid() ? 0 : static_cast<int>(rows);
    }
    // The row data() is asked about; the view must ask only about rows that exist.
    template<typename Row>
    [[nodiscard]] const Row &rowAt(const QList<Row> &rows, const QModelIndex &index) const
    {
        Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid));
        return rows.at(index.row());
    }

private:
    bool m_loading = false;
};
