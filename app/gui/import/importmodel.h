// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include "import/csvimport.h"

#include <QAbstractTableModel>
#include <QQmlEngine>
#include <QStringList>

class VaultThread;

// The import's preview: one row per row of the file (or file of the folder) with its client,
// date, modality, template and status ("OK" or why it is refused), the error count and the clients
// the import would create. It also keeps the checked rows, so that "Import" writes exactly what
// was shown. The file is read, parsed and checked on the vault thread, and the import written
// there in one transaction (core/import). Cleared when the vault locks (it holds note text).
class ImportPreviewModel : public QAbstractTableModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(int noteCount READ noteCount NOTIFY changed)
    Q_PROPERTY(int errorCount READ errorCount NOTIFY changed)
    Q_PROPERTY(QStringList newClients READ newClients NOTIFY changed)
    Q_PROPERTY(bool canImport READ canImport NOTIFY changed)
    Q_PROPERTY(QString source READ source NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)

public:
    enum Column { WhereColumn, ClientColumn, DateColumn, ModalityColumn, TemplateColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        WhereRole = Qt::UserRole + 1, // "line 4" or the file's name
        ClientRole, // the client's code ("" for a row refused before it was read)
        DateRole, // ISO date of the session
        ModalityRole, // "individual", "group", …
        TemplateRole, // the template's label ("SOAP")
        StatusRole, // "OK", or the reasons ("date: no such day in the calendar")
        OkRole, // the row will be imported
    };
    Q_ENUM(Role)

    struct Row
    {
        QString where;
        QString client;
        QString date;
        QString modality;
        QString templateLabel;
        QString status;
        bool ok = false;
    };

    explicit ImportPreviewModel(VaultThread *vault = nullptr, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int noteCount() const { return m_errorCount == 0 ? static_cast<int>(m_parse.rows.size()) : 0; }
    [[nodiscard]] int errorCount() const { return m_errorCount; }
    [[nodiscard]] QStringList newClients() const { return m_newClients; }
    [[nodiscard]] bool canImport() const { return m_errorCount == 0 && !m_parse.rows.isEmpty(); }
    [[nodiscard]] QString source() const { return m_source; }
    [[nodiscard]] bool loading() const { return m_loading; }
    void setLoading(bool loading);

    // A parse already checked against the vault's clients (import::checkClients), from source.
    void setPreview(const QString &source, uc::import::ImportParse parse, QStringList newClients, bool createClients);
    // The rows as checked, for the write.
    [[nodiscard]] const uc::import::ImportParse &parse() const { return m_parse; }
    [[nodiscard]] bool createClients() const { return m_createClients; }
    Q_INVOKABLE void clear();

    // Reads a CSV file or a folder of note files (a path or a file: URL) and checks every row
    // against the vault's clients; nothing is written (previewed).
    Q_INVOKABLE void preview(const QString &path, bool folder, bool createClients);
    // Imports the previewed rows in one transaction as drafts of this user, only when every row
    // was good (imported). Failures: action "preview" or "import".
    Q_INVOKABLE void run();

    // The preview's rows: the good rows and the refused ones in file order, a refused row's
    // reasons joined. Pure, for the model and its test.
    [[nodiscard]] static QList<Row> rowsOf(const uc::import::ImportParse &parse);

Q_SIGNALS:
    void changed();
    void loadingChanged();
    void previewed();
    void imported(int notes, int clients);
    void failed(const Failure &failure);

private:
    VaultThread *m_vault;
    QList<Row> m_rows;
    uc::import::ImportParse m_parse;
    QStringList m_newClients;
    QString m_source;
    int m_errorCount = 0;
    bool m_createClients = false;
    bool m_loading = false;
};
