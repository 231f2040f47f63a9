// SPDX-License-Identifier: GPL-3.0-or-later
#include "riskview.h"

#include "themes/codebook.h"
#include "themes/tagger.h"
#include "vault/vault.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace uc::gui {

RiskRow riskRowOf(const model::RiskFlag &flag, const themes::Codebook &book)
{
    RiskRow row;
    row.id = flag.risk;
    row.label = book.riskLabelOf(flag.risk);
    row.evidence = flag.evidence;
    row.rule = flag.rule;
    row.kind = model::riskKindText(flag.rule);
    row.date = flag.date.is_not_a_date() ? QString() : model::toIso(flag.date);
    row.noteId = flag.noteId;
    return row;
}

DraftRisk draftRiskOf(vault::Vault &vault, const model::Note &note)
{
    DraftRisk out;
    const themes::Codebook &book = vault.tagging().codebook();
    // Every section is read, headings and structured lines included, as signing reads it.
    const themes::TagResult result = vault.tagging().tagger().tag(note.text());
    for (const themes::RiskResult &r : result.risks) {
        if (r.status != themes::RiskStatus::Present)
            continue;
        model::RiskFlag flag;
        flag.noteId = note.id;
        flag.date = note.sessionDate;
        flag.risk = r.id;
        flag.rule = r.rule;
        QStringList words; // every passage that says so (signing stores the first)
        for (const themes::Evidence &e : r.evidence)
            if (!words.contains(e.text))
                words.append(e.text);
        flag.evidence = words.join(u"”, “"_s);
        out.flags.append(riskRowOf(flag, book));
    }
    out.assessed = model::documentedAssessment(note.sections).has_value();
    return out;
}

QList<RiskRow> openRiskOf(vault::Vault &vault, const QString &clientCode, model::Id noteId)
{
    QList<RiskRow> rows;
    const themes::Codebook &book = vault.tagging().codebook();
    for (const model::RiskFlag &f : vault.risk().openFor(clientCode))
        if (noteId == 0 || f.noteId == noteId)
            rows.append(riskRowOf(f, book));
    return rows;
}

QVariantList riskList(const QList<RiskRow> &rows)
{
    QVariantList list;
    list.reserve(rows.size());
    for (const RiskRow &r : rows)
        list.append(QVariantMap{{u"id"_s, r.id},       {u"label"_s, r.label}, {u"evidence"_s, r.evidence},
                                {u"rule"_s, r.rule},   {u"kind"_s, r.kind},   {u"date"_s, r.date},
                                {u"noteId"_s, QVariant::fromValue(static_cast<qint64>(r.noteId))}});
    return list;
}

} // namespace uc::gui
