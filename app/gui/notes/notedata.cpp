// SPDX-License-Identifier: GPL-3.0-or-later
#include "notedata.h"

#include "conversions.h"

#include "model/permissions.h"
#include "themes/codebook.h"
#include "vault/vault.h"

#include <QCoreApplication>
#include <QVariantMap>

#include <algorithm>

namespace uc::gui {

using namespace Qt::StringLiterals;

int utf16Offset(const QString &text, int codePoints)
{
    int units = 0;
    for (int cp = 0; cp < codePoints && units < text.size(); ++cp)
        units += (text.at(units).isHighSurrogate() && units + 1 < text.size()) ? 2 : 1;
    return units;
}

QList<TagRow> loadTags(vault::Vault &vault, model::Id noteId, const QString &text)
{
    const themes::Codebook &book = vault.tagging().codebook();
    QList<TagRow> rows;
    for (const model::ThemeTag &t : vault.tagging().tags(noteId)) {
        TagRow row;
        row.id = t.id;
        row.theme = t.theme;
        row.label = book.labelOf(t.theme);
        if (t.groupLevel) // a group session's shared part: shown, never counted as the member's
            row.label += QCoreApplication::translate("NoteData", " (the group's)");
        row.evidence = t.evidence;
        row.decision = model::toString(t.decision);
        row.reading = t.rule.startsWith(QLatin1String("reading:"));
        row.start = utf16Offset(text, t.start);
        row.end = utf16Offset(text, t.end);
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const TagRow &a, const TagRow &b) { return a.start < b.start; });
    return rows;
}

NoteData loadNote(vault::Vault &vault, model::Id noteId)
{
    const model::Note n = vault.notes().read(noteId);
    NoteData d;
    d.id = n.id;
    d.sessionId = n.sessionId;
    d.clientCode = n.clientCode;
    d.date = model::toIso(n.sessionDate);
    d.templateId = n.templateId;
    d.templateLabel = model::templateLabel(n.templateId);
    d.kind = model::toString(n.kind);
    d.status = model::toString(n.status);
    d.text = n.text();
    d.signedBy = n.signedBy;
    d.signedAt = n.signedAt;
    d.tags = loadTags(vault, noteId, d.text);
    d.addenda = loadAddenda(vault, noteId);
    if (n.status == model::NoteStatus::Draft) {
        DraftRisk risk = draftRiskOf(vault, n);
        d.risks = std::move(risk.flags);
        d.riskAssessed = risk.assessed;
    } else {
        d.risks = openRiskOf(vault, n.clientCode, n.id);
    }
    const model::User &reader = vault.currentUser();
    const bool own = n.authorId == reader.id;
    d.editable = own && n.status == model::NoteStatus::Draft && model::allowed(reader.role, model::Action::WriteNote);
    d.mayAddAddendum = own && n.status != model::NoteStatus::Draft && model::allowed(reader.role, model::Action::AddAddendum);
    d.mayTag = own && model::allowed(reader.role, model::Action::DecideTheme);
    if (d.mayTag) {
        for (const themes::Theme &theme : vault.tagging().codebook().themes())
            if (theme.enabled)
                d.themes.append({theme.id, theme.label});
    }
    d.plan = loadNotePlan(vault, n.id, n.clientCode, n.sessionDate, n.kind);
    const model::Session session = vault.notes().session(n.sessionId);
    d.start = session.start ? model::toIso(*session.start) : QString();
    d.minutes = session.minutes;
    d.modality = model::toString(session.modality);
    d.setting = session.setting ? model::toString(*session.setting) : QString();
    d.groupTopic = session.groupTopic;
    for (const auto &a : session.attendees)
        if (a.clientCode == n.clientCode)
            d.attendance = model::toString(a.attendance);
    if (session.modality != model::Modality::Individual && own) {
        for (const auto &ref : vault.notes().ownSessionNotes(n.sessionId))
            if (ref.kind == n.kind)
                d.members.append({ref.note, ref.clientCode});
    }
    return d;
}

std::optional<std::pair<int, int>> locate(const QString &edited, const TagRow &tag)
{
    const int length = tag.end - tag.start;
    if (length <= 0)
        return std::nullopt;
    const QString &words = tag.evidence;
    if (tag.end <= edited.size() && (words.isEmpty() || QStringView(edited).mid(tag.start, length).compare(words, Qt::CaseInsensitive) == 0))
        return std::make_pair(tag.start, tag.end);
    if (words.isEmpty())
        return std::nullopt;
    // Edits before the words moved them: take the occurrence nearest the stored offset. Words
    // usually moved only a little, so the neighbourhood is searched first: an occurrence found
    // there is nearer than any outside it.
    constexpr qsizetype near = 256;
    const auto nearest = [&](qsizetype from, qsizetype to) {
        qsizetype best = -1;
        for (qsizetype at = edited.indexOf(words, from, Qt::CaseInsensitive); at >= 0 && at <= to;
             at = edited.indexOf(words, at + 1, Qt::CaseInsensitive)) {
            if (best < 0 || std::abs(at - tag.start) < std::abs(best - tag.start))
                best = at;
        }
        return best;
    };
    qsizetype best = nearest(std::max<qsizetype>(0, tag.start - near), tag.start + near);
    if (best < 0)
        best = nearest(0, edited.size());
    if (best < 0)
        return std::nullopt;
    return std::make_pair(static_cast<int>(best), static_cast<int>(best + words.size()));
}

QList<AddendumRow> loadAddenda(vault::Vault &vault, model::Id noteId)
{
    QList<AddendumRow> rows;
    for (const model::Addendum &a : vault.notes().addenda(noteId))
        rows.append({a.author, a.text, a.signedAt});
    return rows;
}

QVariantList addendaList(const QList<AddendumRow> &addenda)
{
    QVariantList list;
    for (const AddendumRow &a : addenda)
        list.append(QVariantMap{{u"author"_s, a.author}, {u"text"_s, a.text}, {u"signedAt"_s, a.signedAt}});
    return list;
}

} // namespace uc::gui
