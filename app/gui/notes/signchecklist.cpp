// SPDX-License-Identifier: GPL-3.0-or-later
#include "signchecklist.h"

#include "themetagmodel.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace uc::gui {

QStringList undecidedSuggestions(const QList<TagRow> &tags)
{
    QStringList out;
    for (const TagRow &tag : tags) {
        if (tag.decision == u"suggested")
            out.append(u"%1: “%2”"_s.arg(tag.label, tag.evidence.simplified()));
    }
    return out;
}

QStringList emptySections(const QString &text)
{
    static const QRegularExpression heading(u"^## +(.*\\S)\\s*$"_s, QRegularExpression::MultilineOption);
    QStringList out;
    QRegularExpressionMatchIterator it = heading.globalMatch(text);
    if (!it.hasNext())
        return out;
    QRegularExpressionMatch current = it.next();
    while (true) {
        const bool last = !it.hasNext();
        const QRegularExpressionMatch next = last ? QRegularExpressionMatch() : it.next();
        const qsizetype from = current.capturedEnd(0);
        const qsizetype to = last ? text.size() : next.capturedStart(0);
        if (QStringView(text).mid(from, to - from).trimmed().isEmpty())
            out.append(current.captured(1));
        if (last)
            break;
        current = next;
    }
    return out;
}

} // namespace uc::gui

void SignChecklist::check(const QString &text, ThemeTagModel *tags)
{
    m_undecided = tags ? uc::gui::undecidedSuggestions(tags->rows()) : QStringList();
    m_emptySections = uc::gui::emptySections(text);
    Q_EMIT changed();
}
