// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/groupnote.h"

#include <QSet>

namespace uc::model {

std::optional<QString> memberOfHeading(const QString &title)
{
    static const QString prefix = QStringLiteral("Member");
    if (!title.startsWith(prefix, Qt::CaseInsensitive))
        return std::nullopt;
    QString rest = title.mid(prefix.size());
    if (rest.isEmpty() || !(rest.front().isSpace() || rest.front() == u':'))
        return std::nullopt;
    rest = rest.trimmed();
    if (rest.startsWith(u':'))
        rest = rest.mid(1).trimmed();
    if (rest.isEmpty() || rest.contains(u' '))
        return std::nullopt;
    return rest;
}

bool isGroupSectionTitle(const QString &title)
{
    return title.compare(QLatin1String("Group topic"), Qt::CaseInsensitive) == 0
        || title.compare(QLatin1String("Group process"), Qt::CaseInsensitive) == 0;
}

GroupSplit splitGroupNote(const QList<Section> &sections, const QStringList &members)
{
    GroupSplit split;
    QSet<QString> seen;
    for (const Section &s : sections) {
        const auto member = memberOfHeading(s.title);
        if (!member)
            continue;
        if (!members.contains(*member)) {
            split.problem = QStringLiteral("the note has a part for a member who is not in this session");
            return split;
        }
        if (seen.contains(*member)) {
            split.problem = QStringLiteral("the note has two parts for one member");
            return split;
        }
        seen.insert(*member);
    }
    for (const QString &code : members)
        split.byMember.insert(code, {});
    for (const Section &s : sections) {
        if (const auto member = memberOfHeading(s.title)) {
            split.byMember[*member].append({QStringLiteral("Participation"), s.text, false});
            continue;
        }
        const bool shared = !s.text.isEmpty() || isGroupSectionTitle(s.title);
        for (const QString &code : members) {
            // An empty "Participation" placeholder gives way to the member's own part.
            if (!shared && seen.contains(code) && s.title == QLatin1String("Participation"))
                continue;
            split.byMember[code].append({s.title, s.text, shared});
        }
    }
    return split;
}

} // namespace uc::model
