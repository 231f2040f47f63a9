// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/search.h"

#include "vault/access.h"
#include "vault/processtext.h"
#include "vault/state.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace uc::vault {

using model::Id;

namespace {

QString ftsQuery(const QString &query)
{
    // Each word becomes a quoted FTS5 string (so punctuation and operators in what a user typed
    // cannot form FTS syntax); a trailing * keeps prefix search.
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList terms;
    for (QString word : query.split(space, Qt::SkipEmptyParts)) {
        const bool prefix = word.endsWith(QLatin1Char('*')) && word.size() > 1;
        if (prefix)
            word.chop(1);
        word.replace(QLatin1Char('"'), QLatin1String("\"\""));
        terms << QLatin1Char('"') + word + QLatin1Char('"') + (prefix ? QStringLiteral("*") : QString());
    }
    return terms.join(QLatin1Char(' '));
}

// About a dozen words around the first searched word in text, each searched word [marked].
QString snippetFor(const QString &text, const QString &query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    struct Term
    {
        QString word;
        bool prefix;
    };
    QList<Term> terms;
    for (QString w : query.split(space, Qt::SkipEmptyParts)) {
        const bool prefix = w.endsWith(QLatin1Char('*'));
        if (prefix)
            w.chop(1);
        w.remove(QLatin1Char('"'));
        if (!w.isEmpty())
            terms.append({w.toCaseFolded(), prefix});
    }
    static const QRegularExpression wordRe(QStringLiteral("[\\p{L}\\p{N}']+"));
    struct Word
    {
        qsizetype start;
        qsizetype length;
        bool hit;
    };
    QList<Word> words;
    int first = -1;
    for (auto it = wordRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString folded = m.captured().toCaseFolded();
        const bool hit = std::any_of(terms.begin(), terms.end(), [&](const Term &t) {
            return t.prefix ? folded.startsWith(t.word) : folded == t.word;
        });
        if (hit && first < 0)
            first = static_cast<int>(words.size());
        words.append({m.capturedStart(), m.capturedLength(), hit});
        if (first >= 0 && words.size() > first + 8)
            break;
    }
    if (words.isEmpty())
        return {};
    const int from = std::max(0, (first < 0 ? 0 : first) - 4);
    const int to = std::min(static_cast<int>(words.size()), from + 12);
    QString out = from > 0 ? QStringLiteral("…") : QString();
    for (int i = from; i < to; ++i) {
        const Word &w = words.at(i);
        const QString piece = text.mid(w.start, w.length);
        out += w.hit ? QLatin1Char('[') + piece + QLatin1Char(']') : piece;
        if (i + 1 < to)
            out += QLatin1Char(' ');
    }
    if (to < words.size() || words.last().start + words.last().length < text.size())
        out += QStringLiteral("…");
    return out;
}

// The words searched for, case-folded, as the index reads them: "abandon*" is every word that
// begins so, "abandon" the word itself.
struct SearchedWord
{
    QString word;
    bool prefix = false;
};

QList<SearchedWord> searchedWords(const QString &query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QList<SearchedWord> words;
    for (QString w : query.split(space, Qt::SkipEmptyParts)) {
        const bool prefix = w.endsWith(QLatin1Char('*'));
        w.remove(QLatin1Char('"'));
        w.remove(QLatin1Char('*'));
        if (!w.isEmpty())
            words.append({w.toCaseFolded(), prefix});
    }
    return words;
}

bool hasEveryWord(const QString &text, const QList<SearchedWord> &words)
{
    static const QRegularExpression wordRe(QStringLiteral("[\\p{L}\\p{N}']+"));
    QStringList found;
    for (auto it = wordRe.globalMatch(text); it.hasNext();)
        found << it.next().captured().toCaseFolded();
    return std::all_of(words.begin(), words.end(), [&](const SearchedWord &w) {
        return std::any_of(found.begin(), found.end(),
                           [&](const QString &f) { return w.prefix ? f.startsWith(w.word) : f == w.word; });
    });
}

} // namespace

QList<model::SearchHit> Search::notes(const QString &query, int limit)
{
    m_state.require(model::Action::ReadRecords);
    QList<model::SearchHit> hits = searchNotes(m_state.db, query, m_state.user.id, limit, m_state.isSupervisor());
    if (hits.size() < limit)
        hits += ownProcessNotes(query, limit - static_cast<int>(hits.size()));
    // What was searched for is never recorded: only that a search ran and what it returned.
    m_state.recordEvent(QStringLiteral("search"), QStringLiteral("notes"), QStringLiteral("%1 results").arg(hits.size()));
    return hits;
}

QList<model::SearchHit> Search::ownProcessNotes(const QString &query, int limit)
{
    QList<model::SearchHit> hits;
    const QList<SearchedWord> words = searchedWords(query);
    if (words.isEmpty())
        return hits;
    auto stmt = m_state.db.prepare("SELECT n.id, c.code, s.date, n.sections FROM notes n "
                                   "JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
                                   "WHERE n.author_id = ? AND n.kind = 'process' ORDER BY s.date DESC, n.id DESC");
    stmt.bind(1, m_state.user.id);
    while (stmt.step() && hits.size() < limit) {
        const Id id = stmt.int64(0);
        const QString text =
            model::textOf(model::sectionsFromJson(openedForm(m_state, id, true, SealedField::Sections, stmt.text(3))));
        if (!hasEveryWord(text, words))
            continue;
        hits.append({id, stmt.text(1), model::parseDate(stmt.text(2)).value_or(model::Date()), model::NoteKind::Process,
                     snippetFor(text, query), 0.0});
    }
    return hits;
}

QList<model::SearchHit> searchNotes(sql::Database &db, const QString &query, Id userId, int limit, bool supervisedOnly)
{
    QList<model::SearchHit> hits;
    const QString match = ftsQuery(query);
    if (match.isEmpty())
        return hits;
    // A reader's own notes of either kind; a supervisor's, only their therapists'.
    const NoteScope scope{true, supervisedOnly};
    // The rank window: the newest rankWindow matches this reader may read (notes they cannot read
    // take no place in it). Notes get increasing ids, so the window is found by counting matches
    // in ever wider id ranges from the newest note down (FTS5 seeks by id cheaply; walking a long
    // match list newest-first would read all of it).
    std::int64_t from = 0;
    {
        auto newest = db.prepare("SELECT coalesce(max(id), 0) FROM notes");
        newest.step();
        const std::int64_t maxId = newest.int64(0);
        auto count = db.prepare(std::string("SELECT count(*) FROM (SELECT 1 FROM notes_fts "
                                            "JOIN notes n ON n.id = notes_fts.rowid "
                                            "WHERE notes_fts MATCH :match AND notes_fts.rowid >= :from AND ")
                                + readableNotes + " LIMIT :window)");
        for (std::int64_t width = 4 * rankWindow;; width *= 4) {
            from = std::max<std::int64_t>(0, maxId - width);
            count.bind(count.parameterIndex(":match"), match)
                .bind(count.parameterIndex(":from"), from)
                .bind(count.parameterIndex(":window"), rankWindow);
            bindReadable(count, userId, scope);
            count.step();
            const std::int64_t found = count.int64(0);
            count.reset();
            if (found >= rankWindow || from == 0)
                break;
        }
    }
    // Rank the window, then build snippets for the page only: SQLite would compute an FTS5
    // snippet() for every candidate before sorting, and every selected column is read for every
    // candidate, so the page's details are read afterwards, by id.
    auto ranked = db.prepare(std::string("SELECT notes_fts.rowid, ucrank(notes_fts) FROM notes_fts "
                                         "JOIN notes n ON n.id = notes_fts.rowid "
                                         "WHERE notes_fts MATCH :match AND notes_fts.rowid >= :from AND ")
                             + readableNotes + " ORDER BY ucrank(notes_fts) LIMIT :limit");
    ranked.bind(ranked.parameterIndex(":match"), match)
        .bind(ranked.parameterIndex(":from"), from)
        .bind(ranked.parameterIndex(":limit"), limit);
    bindReadable(ranked, userId, scope);
    auto detail = db.prepare("SELECT c.code, s.date, n.kind, n.body FROM notes n JOIN clients c ON c.id = n.client_id "
                             "JOIN sessions s ON s.id = n.session_id WHERE n.id = ?");
    while (ranked.step()) {
        detail.bind(1, ranked.int64(0));
        if (detail.step())
            hits.append({ranked.int64(0), detail.text(0), model::parseDate(detail.text(1)).value_or(model::Date()),
                         model::parseNoteKind(detail.text(2)).value_or(model::NoteKind::Progress),
                         snippetFor(detail.text(3), query), ranked.real(1)});
        detail.reset();
    }
    return hits;
}

} // namespace uc::vault
