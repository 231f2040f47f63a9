// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "notefields.h"
#include "clientdata.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickTextDocument>
#include <QTimer>
#include <QVariantList>

class EvidenceFormatter;

// The themes found in the open note: one row per piece of evidence, with where it stands in the
// text being edited (so it can be highlighted) and the clinician's decision on it.
class ThemeTagModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteEditor")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role {
        TagIdRole = Qt::UserRole + 1, // the tag's id, for decide()
        ThemeRole, // theme id
        LabelRole, // codebook label
        EvidenceRole, // the words that show it
        DecisionRole, // "suggested", "confirmed", "rejected", "manual"
        StartRole, // UTF-16 offset in the edited text, -1 when the words are gone
        EndRole,
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;
    [[nodiscard]] int count() const { return rowCount(); }

    // Tags as stored, placed into the edited text.
    void setTags(const QList<uc::gui::TagRow> &tags, const QString &edited);
    // Tags whose offsets are in placedIn (the text as stored), shown in edited (typed since).
    void setTags(const QList<uc::gui::TagRow> &tags, const QString &placedIn, const QString &edited);
    // Moves the highlights along with typing (until the next save brings fresh tags).
    void relocate(const QString &edited);
    void clear();
    [[nodiscard]] const QList<uc::gui::TagRow> &rows() const { return m_placed; }

Q_SIGNALS:
    void countChanged();
    void placesChanged();

private:
    QList<uc::gui::TagRow> m_stored; // offsets in the stored text
    QList<uc::gui::TagRow> m_placed; // offsets in the edited text (-1 when gone)
    QString m_text; // the text m_placed was placed in
    // Moves places found in before to edited; the rows whose place changed.
    static QList<qsizetype> movePlaces(QList<uc::gui::TagRow> &placed, const QList<uc::gui::TagRow> &stored,
                                       const QString &before, const QString &edited);
};

// The note open in the editor. Typing calls edit(); the text is handed on to be saved
// (saveRequested) 1.5 s after the last keystroke, or 1.8 s after the first unsaved one while typing
// goes on, so never more than two seconds of typing are at risk; flush() hands it on at once (before
// signing, leaving or locking). A signed note is read-only.
class NoteEditor : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by VaultSession")

    Q_PROPERTY(qint64 noteId READ noteId NOTIFY loaded)
    Q_PROPERTY(QString clientCode READ clientCode NOTIFY loaded)
    Q_PROPERTY(QString date READ date NOTIFY loaded)
    Q_PROPERTY(QString templateLabel READ templateLabel NOTIFY loaded)
    Q_PROPERTY(QString kind READ kind NOTIFY loaded)
    Q_PROPERTY(QString status READ status NOTIFY loaded)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY loaded)
    Q_PROPERTY(bool mayAddAddendum READ mayAddAddendum NOTIFY loaded)
    Q_PROPERTY(QString signedBy READ signedBy NOTIFY loaded)
    Q_PROPERTY(QString signedAt READ signedAt NOTIFY loaded)
    Q_PROPERTY(QString text READ text NOTIFY loaded)
    Q_PROPERTY(QVariantList addenda READ addenda NOTIFY loaded)
    Q_PROPERTY(QString saveState READ saveState NOTIFY saveStateChanged)
    Q_PROPERTY(ThemeTagModel *tags READ tags CONSTANT)
    // Tagging words by hand: whether the reader may, and the themes to choose from ([{id, label}]).
    Q_PROPERTY(bool mayTag READ mayTag NOTIFY loaded)
    Q_PROPERTY(QVariantList themes READ themes NOTIFY loaded)
    // The addiction template's structured fields (notefields.h): whether the note has them, their
    // values ({cravings, cravingsText, stage, stageText, substance, amount, lastUse, useText,
    // triggers}) and the stages of change to choose from.
    Q_PROPERTY(bool structured READ hasAddictionFields NOTIFY loaded)
    Q_PROPERTY(QVariantMap fields READ fields NOTIFY fieldsChanged)
    Q_PROPERTY(QStringList stages READ stages CONSTANT)
    // The session's details: {start, minutes, modality, setting, groupTopic, attendance}.
    Q_PROPERTY(QVariantMap session READ session NOTIFY loaded)
    // A group session's members' notes ([{noteId, clientCode}], the reader's own, by code) and
    // which of them is open (-1 for one-to-one work).
    Q_PROPERTY(QVariantList members READ members NOTIFY loaded)
    Q_PROPERTY(int memberIndex READ memberIndex NOTIFY loaded)

public:
    static constexpr int debounceMs = 1500;
    // However long the typing goes on, text is handed on this long after it first changed.
    static constexpr int maxWaitMs = 1800;

    explicit NoteEditor(QObject *parent = nullptr);

    [[nodiscard]] qint64 noteId() const { return m_data.id; }
    [[nodiscard]] QString clientCode() const { return m_data.clientCode; }
    [[nodiscard]] QString date() const { return m_data.date; }
    [[nodiscard]] QString templateId() const { return m_data.templateId; }
    [[nodiscard]] QString templateLabel() const { return m_data.templateLabel; }
    [[nodiscard]] QString kind() const { return m_data.kind; }
    [[nodiscard]] QString status() const { return m_data.status; }
    // Read-only unless it is the reader's own draft.
    [[nodiscard]] bool readOnly() const { return m_data.id == 0 || m_data.status != u"draft" || !m_data.editable; }
    [[nodiscard]] bool mayAddAddendum() const { return m_data.id != 0 && m_data.status != u"draft" && m_data.mayAddAddendum; }
    [[nodiscard]] QString signedBy() const { return m_data.signedBy; }
    [[nodiscard]] QString signedAt() const { return m_data.signedAt; }
    [[nodiscard]] QString text() const { return m_data.text; }
    [[nodiscard]] QVariantList addenda() const;
    // "saved", "unsaved" (waiting for the pause in typing) or "saving".
    [[nodiscard]] QString saveState() const { return m_saveState; }
    [[nodiscard]] ThemeTagModel *tags() const { return m_tags; }
    [[nodiscard]] QString editedText() const { return m_edited; }
    [[nodiscard]] bool hasUnsavedText() const { return m_unsaved; }
    [[nodiscard]] bool mayTag() const { return m_data.id != 0 && m_data.mayTag; }
    [[nodiscard]] QVariantList themes() const;
    // The text the vault holds once every save handed on has landed.
    [[nodiscard]] QString textAsSaved() const;
    // Words selected on screen (UTF-16 offsets into editedText()) as code-point offsets into
    // textAsSaved(), which Vault::tagSpan takes; surrounding spaces are left out. nullopt when
    // nothing but spaces is selected or the words are not in the saved text.
    [[nodiscard]] std::optional<std::pair<int, int>> savedSpanOf(int start, int end) const;

    [[nodiscard]] qint64 sessionId() const { return m_data.sessionId; }
    [[nodiscard]] QVariantMap session() const;
    [[nodiscard]] QVariantList members() const;
    [[nodiscard]] int memberIndex() const;
    [[nodiscard]] bool hasAddictionFields() const { return m_data.templateId == u"addiction"; }
    [[nodiscard]] QVariantMap fields() const;
    [[nodiscard]] const uc::gui::AddictionFields &addictionFields() const { return m_fields; }
    [[nodiscard]] static QStringList stages() { return uc::gui::stagesOfChange(); }
    // A structured field was set ("cravings" 0–10 or -1, "stage" an index into stages or -1,
    // "substance", "amount", "lastUse", "triggers" text): its section's text is rewritten in the
    // edited text as typing would (saved the same way), and textReplaced tells the view.
    Q_INVOKABLE void setField(const QString &name, const QVariant &value);

    // The user typed: the whole text as it is now.
    Q_INVOKABLE void edit(const QString &text);
    // Hands unsaved text on now (saveRequested), without waiting for the pause in typing.
    Q_INVOKABLE void flush();

    void set(uc::gui::NoteData data);
    // The vault thread saved text (which may already be older than what is on screen).
    void saved(const QString &storedText, const QList<uc::gui::TagRow> &tags);
    void saveFailed();
    void setTags(const QList<uc::gui::TagRow> &tags);
    void clear();

Q_SIGNALS:
    void loaded();
    void saveStateChanged();
    void saveRequested(qint64 noteId, const QString &templateId, const QString &text);
    void fieldsChanged();
    // setField changed the edited text: at position, removed characters became inserted.
    void textReplaced(int position, int removed, const QString &inserted);

private:
    void setSaveState(const QString &state);
    // Reads the structured fields back from the edited text; fieldsChanged when they differ
    // from what is shown (beyond the spaces a field's text loses in the note).
    void refreshFields(bool force);

    uc::gui::NoteData m_data;
    uc::gui::AddictionFields m_fields;
    QString m_edited; // what is on screen
    bool m_unsaved = false;
    int m_inFlight = 0;
    QString m_saveState = QStringLiteral("saved");
    QTimer m_debounce;
    QTimer m_maxWait;
    ThemeTagModel *m_tags;
};

// Highlights the evidence of each theme in a TextArea's document: suggestions underlined,
// confirmed ones shaded, rejected ones left plain.
class EvidenceHighlighter : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QQuickTextDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    Q_PROPERTY(ThemeTagModel *tags READ tags WRITE setTags NOTIFY tagsChanged)

public:
    explicit EvidenceHighlighter(QObject *parent = nullptr);
    ~EvidenceHighlighter() override;

    [[nodiscard]] QQuickTextDocument *document() const { return m_document; }
    void setDocument(QQuickTextDocument *document);
    [[nodiscard]] ThemeTagModel *tags() const { return m_tags; }
    void setTags(ThemeTagModel *tags);
    // How many characters carry a highlight now (tests).
    Q_INVOKABLE int highlightedLength() const;
    // How many blocks have been painted since the document was set (tests: typing repaints only
    // the paragraph typed in).
    Q_INVOKABLE int paintedBlocks() const;

Q_SIGNALS:
    void documentChanged();
    void tagsChanged();

private:
    void rebuild();
    void follow(int position, int removed, int added);

    QPointer<QQuickTextDocument> m_document;
    QPointer<ThemeTagModel> m_tags;
    QPointer<EvidenceFormatter> m_formatter;
};
