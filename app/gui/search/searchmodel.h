// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/types.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace uc::gui {

struct SearchRow
{
    model::Id noteId = 0;
    QString clientCode;
    QString clientName;
    QString date; // ISO session date
    QString kind; // "progress" | "process"
    QString snippet; // as the core gives it: matched words between [ and ]
};

// The snippet as rich text for a Label: everything escaped, each [matched words] run wrapped in a
// highlight span of the given background colour, the brackets dropped.
[[nodiscard]] QString snippetHtml(const QString &snippet, const QString &highlight);
// The snippet as plain text (brackets dropped), for screen readers.
[[nodiscard]] QString snippetPlain(const QString &snippet);

} // namespace uc::gui

// Full-text search results over the notes the user may read, best first.
class SearchResultModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QString query READ query NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Role {
        NoteIdRole = Qt::UserRole + 1, // the note to open
        ClientCodeRole, // its client
        ClientNameRole, // the client's name
        DateRole, // ISO session date
        KindRole, // "progress" | "process"
        SnippetRole, // plain text, brackets dropped
        SnippetHtmlRole, // rich text with the matched words highlighted
    };
    Q_ENUM(Role)
    using QAbstractListModel::QAbstractListModel;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] QString query() const { return m_query; }
    [[nodiscard]] bool loading() const { return m_loading; }
    void setLoading(bool loading);
    void setRows(const QString &query, QList<uc::gui::SearchRow> rows);
    void clear() { setRows({}, {}); }

Q_SIGNALS:
    void countChanged();
    void loadingChanged();

private:
    QString m_query;
    QList<uc::gui::SearchRow> m_rows;
    bool m_loading = false;
};
