// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"

#include "model/types.h"

#include <QQmlEngine>

class VaultThread;

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

// Full-text search over the notes the user may read, searched on the vault thread; results best
// first.
class SearchResultModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")
    Q_PROPERTY(QString query READ query NOTIFY countChanged)

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
    explicit SearchResultModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] QString query() const { return m_query; }
    void setRows(const QString &query, QList<uc::gui::SearchRow> rows);
    void clear() { setRows({}, {}); }

    // The notes matching query (its words, simplified), at most 50; finished(query) answers.
    Q_INVOKABLE void search(const QString &query);
    // Searching is not allowed while a client looks at the screen (review with the client).
    void setAllowed(bool allowed) { m_allowed = allowed; }

Q_SIGNALS:
    void finished(const QString &query);

private:
    VaultThread *m_vault;
    bool m_allowed = true;
    QString m_query;
    QList<uc::gui::SearchRow> m_rows;
};
