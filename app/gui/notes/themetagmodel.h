// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "listmodel.h"
#include "notedata.h"

// The themes found in the open note: one row per piece of evidence, with where it stands in the
// text being edited (so it can be highlighted) and the clinician's decision on it.
class ThemeTagModel : public ListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by NoteTagging")

    // The same evidence by theme, for one card per theme: [{theme, label, decision, tagIds,
    // evidence: [{words, decision, inText}]}], themes in the order their first words come in the
    // text. A theme is "confirmed" when any of its evidence is (or was tagged by hand),
    // "suggested" while any still is, else "rejected".
    Q_PROPERTY(QVariantList themes READ themes NOTIFY placesChanged)

public:
    enum Role {
        TagIdRole = Qt::UserRole + 1, // the tag's id, for decide()
        ThemeRole, // theme id
        LabelRole, // codebook label
        EvidenceRole, // the words that show it
        DecisionRole, // "suggested", "confirmed", "rejected", "manual"
        StartRole, // UTF-16 offset in the edited text, -1 when the words are gone
        EndRole,
        ReadingRole, // true: suggested by the wording as a whole (the learned reading), not by words the codebook lists
    };
    Q_ENUM(Role)

    using ListModel::ListModel;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Tags as stored, placed into the edited text.
    void setTags(const QList<uc::gui::TagRow> &tags, const QString &edited);
    // Tags whose offsets are in placedIn (the text as stored), shown in edited (typed since).
    void setTags(const QList<uc::gui::TagRow> &tags, const QString &placedIn, const QString &edited);
    // Moves the highlights along with typing (until the next save brings fresh tags).
    void relocate(const QString &edited);
    void clear();
    [[nodiscard]] const QList<uc::gui::TagRow> &rows() const { return m_placed; }
    [[nodiscard]] QVariantList themes() const;

Q_SIGNALS:
    void placesChanged();

private:
    QList<uc::gui::TagRow> m_stored; // offsets in the stored text
    QList<uc::gui::TagRow> m_placed; // offsets in the edited text (-1 when gone)
    QString m_text; // the text m_placed was placed in
    // Moves places found in before to edited; the rows whose place changed.
    static QList<qsizetype> movePlaces(QList<uc::gui::TagRow> &placed, const QList<uc::gui::TagRow> &stored,
                                       const QString &before, const QString &edited);
};
