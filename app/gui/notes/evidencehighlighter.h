// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "themetagmodel.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QQuickTextDocument>

class EvidenceFormatter;

// One stretch of highlighted evidence: overlapping or touching spans merged, so that two phrases
// raising themes over the same words draw as one highlight (confirmed when any of them is).
struct EvidenceRun
{
    int start = 0;
    int end = 0;
    bool confirmed = false;
};
[[nodiscard]] QList<EvidenceRun> evidenceRuns(const QList<uc::gui::TagRow> &spans);

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
    // How many characters carry a highlight now (tests; overlapping evidence counted once).
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
