// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/tagstore.h"

#include "model/countertransference.h"
#include "model/notefields.h"
#include "themes/tagger.h"
#include "vault/processtext.h"
#include "vault/state.h"

#include <algorithm>
#include <map>
#include <vector>

namespace uc::vault {

using model::Id;

namespace {

// The note's text with its section headings ("## Use since last session") blanked out, one space
// per code point so the tagger's offsets still point into the note: a template's heading is not
// something the client said.
QString blankHeadings(const QString &text)
{
    QString out = text;
    bool lineStart = true;
    bool inHeading = false;
    for (qsizetype i = 0; i < out.size(); ++i) {
        const QChar c = out.at(i);
        if (c == u'\n') {
            lineStart = true;
            inHeading = false;
            continue;
        }
        if (lineStart && c == u'#' && QStringView(out).mid(i).startsWith(u"## "))
            inHeading = true;
        lineStart = false;
        if (!inHeading)
            continue;
        if (c.isHighSurrogate() && i + 1 < out.size() && out.at(i + 1).isLowSurrogate()) {
            out.replace(i, 2, u' '); // one code point, one space
            continue;
        }
        out[i] = u' ';
    }
    return out;
}

// The words typed fields are read from ("Risk: low", "Cravings (0-10): 7", a "## Stage of change"
// section's "Contemplation") blanked the same way: a value is charted as a series, never a theme.
// Their words are labels, digits and spaces, none outside the BMP: a unit per code point.
QString blankFieldLines(QString text)
{
    for (const model::FieldLine &l : model::fieldLinesOf(text)) {
        for (qsizetype i = l.start; i < l.end; ++i)
            if (text.at(i) != u'\n')
                text[i] = u' ';
    }
    return text;
}

} // namespace

void applyScopes(VaultState &state, Id noteId)
{
    // A note copied to every member before members were kept apart is the group's as a whole.
    auto legacy = state.db.prepare("SELECT 1 FROM shared_notes WHERE note_id = ?");
    legacy.bind(1, noteId);
    const bool whole = legacy.step();
    QList<std::pair<int, int>> ranges;
    if (!whole) {
        // A process note is never shared with a group: its sealed sections need not be opened.
        auto sections = state.db.prepare("SELECT sections FROM notes WHERE id = ? AND kind <> 'process'");
        sections.bind(1, noteId);
        if (sections.step())
            ranges = model::sharedRanges(model::sectionsFromJson(sections.text(0)));
    }
    struct Hit
    {
        Id id;
        int start;
        bool group;
    };
    std::vector<Hit> hits;
    {
        auto stmt = state.db.prepare("SELECT id, start, scope = 'group' FROM theme_hits WHERE note_id = ?");
        stmt.bind(1, noteId);
        while (stmt.step())
            hits.push_back({stmt.int64(0), static_cast<int>(stmt.int64(1)), stmt.int64(2) != 0});
    }
    auto update = state.db.prepare("UPDATE theme_hits SET scope = ? WHERE id = ?");
    for (const Hit &h : hits) {
        const bool group = whole || std::any_of(ranges.begin(), ranges.end(), [&](const auto &r) {
                               return h.start >= r.first && h.start < r.second;
                           });
        if (group == h.group)
            continue;
        update.bind(1, group ? "group" : "own").bind(2, h.id).run();
        update.reset();
    }
}

void refreshThemeCounts(VaultState &state, Id noteId)
{
    applyScopes(state, noteId);
    std::map<QString, int> counts;
    auto hits = state.db.prepare("SELECT theme FROM theme_hits WHERE note_id = ? AND decision <> 'rejected' "
                                 "AND scope = 'own'");
    hits.bind(1, noteId);
    while (hits.step())
        ++counts[hits.text(0)];
    // Client, session, kind and author are copied from the note, where they never change.
    state.db
        .prepare("INSERT INTO note_themes(note_id, client_id, session_id, kind, author_id) "
                 "SELECT id, client_id, session_id, kind, author_id FROM notes WHERE id = ? "
                 "ON CONFLICT(note_id) DO NOTHING")
        .bind(1, noteId)
        .run();
    state.db.prepare("DELETE FROM note_theme_counts WHERE note_id = ?").bind(1, noteId).run();
    auto name = state.db.prepare("INSERT INTO theme_names(theme) VALUES (?) ON CONFLICT(theme) DO NOTHING");
    auto count = state.db.prepare("INSERT INTO note_theme_counts(note_id, theme_id, hits) "
                                  "SELECT ?1, id, ?2 FROM theme_names WHERE theme = ?3");
    for (const auto &[theme, hitCount] : counts) {
        name.bind(1, theme).run();
        name.reset();
        count.bind(1, noteId).bind(2, hitCount).bind(3, theme).run();
        count.reset();
    }
}

void forgetTags(VaultState &state, Id noteId)
{
    state.db.prepare("DELETE FROM theme_hits WHERE note_id = ?").bind(1, noteId).run();
    state.db.prepare("DELETE FROM note_theme_counts WHERE note_id = ?").bind(1, noteId).run();
    state.db.prepare("DELETE FROM note_themes WHERE note_id = ?").bind(1, noteId).run();
    state.db.prepare("DELETE FROM shared_notes WHERE note_id = ?").bind(1, noteId).run();
}

void storeTags(VaultState &state, const themes::Tagger &tagger, Id noteId, const QString &text)
{
    // The therapist's own reactions in a process note are theirs, never the client's themes.
    const bool process = isProcessNote(state, noteId);
    const QString read = process ? model::blankCountertransference(text) : text;
    const themes::TagResult result = tagger.tag(blankHeadings(blankFieldLines(read)));
    // Decided tags keep their decision when their words are still there (at the nearest place);
    // otherwise the decision has nothing left to stand on and goes.
    struct Kept
    {
        Id id;
        QString theme;
        QString evidence;
        int start;
        model::TagDecision decision;
    };
    QList<Kept> decided;
    {
        auto stmt = state.db.prepare("SELECT id, theme, evidence, start, decision FROM theme_hits "
                                     "WHERE note_id = ? AND decision <> 'suggested'");
        stmt.bind(1, noteId);
        while (stmt.step())
            decided.append({stmt.int64(0), stmt.text(1),
                            openedForm(state, noteId, process, SealedField::ThemeEvidence, stmt.text(2)),
                            static_cast<int>(stmt.int64(3)),
                            model::parseTagDecision(stmt.text(4)).value_or(model::TagDecision::Confirmed)});
    }
    state.db.prepare("DELETE FROM theme_hits WHERE note_id = ? AND decision = 'suggested'").bind(1, noteId).run();
    auto move = state.db.prepare("UPDATE theme_hits SET start = ?, end = ? WHERE id = ?");
    auto drop = state.db.prepare("DELETE FROM theme_hits WHERE id = ?");
    auto insert = state.db.prepare("INSERT INTO theme_hits(note_id, theme, start, end, evidence, rule, decision) "
                                   "VALUES (?, ?, ?, ?, ?, ?, 'suggested')");
    for (const Kept &k : decided) {
        // The occurrence of the same words nearest to where the decision was made.
        int best = -1;
        for (qsizetype at = text.indexOf(k.evidence); at >= 0 && !k.evidence.isEmpty();
             at = text.indexOf(k.evidence, at + 1)) {
            if (best < 0 || std::abs(static_cast<int>(at) - k.start) < std::abs(best - k.start))
                best = static_cast<int>(at);
        }
        // Offsets are stored in code points, as the tagger reports them.
        if (best < 0) {
            drop.bind(1, k.id).run();
            drop.reset();
            continue;
        }
        const int cpStart = static_cast<int>(QStringView(text).left(best).toUcs4().size());
        const int cpEnd = cpStart + static_cast<int>(QStringView(k.evidence).toUcs4().size());
        move.bind(1, cpStart).bind(2, cpEnd).bind(3, k.id).run();
        move.reset();
    }
    for (const themes::ThemeResult &t : result.themes) {
        for (const themes::Evidence &e : t.evidence) {
            const bool alreadyDecided = std::any_of(decided.begin(), decided.end(), [&](const Kept &k) {
                return k.theme == t.id && k.evidence == e.text && k.decision != model::TagDecision::Manual;
            });
            if (alreadyDecided)
                continue;
            insert.bind(1, noteId)
                .bind(2, t.id)
                .bind(3, e.start)
                .bind(4, e.end)
                .bind(5, storedForm(state, noteId, process, SealedField::ThemeEvidence, e.text))
                .bind(6, e.rule)
                .run();
            insert.reset();
        }
    }
    refreshThemeCounts(state, noteId);
}

} // namespace uc::vault
