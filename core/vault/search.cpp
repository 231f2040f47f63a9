// SPDX-License-Identifier: GPL-3.0-or-later
#include "vault/search.h"

#include "themes/morphology.h"
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

// FTS5's highlight() marks, characters no note contains.
constexpr char16_t kOpen = u'\x01';
constexpr char16_t kClose = u'\x02';

// About a dozen words around the first match in marked (a note's text with each match between
// kOpen and kClose, as the index's own tokenizer and stemmer found it), each match [marked]; the
// text's punctuation is kept, runs of white space become one space.
QString snippetFor(const QString &marked)
{
    QString plain;
    plain.reserve(marked.size());
    QList<std::pair<qsizetype, qsizetype>> hits;
    qsizetype open = -1;
    for (const QChar c : marked) {
        if (c == kOpen) {
            open = plain.size();
        } else if (c == kClose) {
            if (open >= 0)
                hits.append({open, plain.size()});
            open = -1;
        } else {
            plain += c;
        }
    }
    static const QRegularExpression wordRe(QStringLiteral("[\\p{L}\\p{N}']+"));
    struct Word
    {
        qsizetype start;
        qsizetype end;
        bool hit;
    };
    QList<Word> words;
    int first = -1;
    for (auto it = wordRe.globalMatch(plain); it.hasNext();) {
        const auto m = it.next();
        const qsizetype start = m.capturedStart();
        const qsizetype end = m.capturedEnd();
        const bool hit = std::any_of(hits.begin(), hits.end(), [&](const auto &h) { return h.first < end && h.second > start; });
        if (hit && first < 0)
            first = static_cast<int>(words.size());
        words.append({start, end, hit});
        if (first >= 0 && words.size() > first + 8)
            break;
    }
    if (words.isEmpty())
        return {};
    const int from = std::max(0, (first < 0 ? 0 : first) - 4);
    const int to = std::min(static_cast<int>(words.size()), from + 12);
    // The punctuation touching the first and last word stays with them ("I'm fine", (7/10).).
    const auto attached = [](QChar c) { return c.isPunct() || c.isSymbol(); };
    qsizetype begin = words.at(from).start;
    while (begin > 0 && attached(plain.at(begin - 1)))
        --begin;
    qsizetype end = words.at(to - 1).end;
    while (end < plain.size() && attached(plain.at(end)))
        ++end;
    QString out = from > 0 ? QStringLiteral("…") : QString();
    bool inHit = false;
    bool space = false;
    for (qsizetype i = begin; i < end; ++i) {
        if (!inHit && std::any_of(hits.begin(), hits.end(), [i](const auto &h) { return h.first == i; })) {
            out += QLatin1Char('[');
            inHit = true;
        }
        const QChar c = plain.at(i);
        if (c.isSpace()) {
            if (!space)
                out += QLatin1Char(' ');
            space = true;
        } else {
            out += c;
            space = false;
        }
        if (inHit && std::any_of(hits.begin(), hits.end(), [i](const auto &h) { return h.second == i + 1; })) {
            out += QLatin1Char(']');
            inHit = false;
        }
    }
    if (inHit)
        out += QLatin1Char(']');
    if (to < words.size() || !plain.sliced(end).trimmed().isEmpty())
        out += QStringLiteral("…");
    return out;
}

// The words searched for, case-folded, as the index reads them: "abandon" finds the word's other
// forms (the same stem), "abandon*" every word that begins so.
struct SearchedWord
{
    QString word;
    QString stem;
    bool prefix = false;
};

QString stemOf(const QString &folded)
{
    const bool plain = std::all_of(folded.begin(), folded.end(), [](QChar c) { return c >= u'a' && c <= u'z'; });
    return plain ? QString::fromStdString(themes::detail::stem(folded.toStdString())) : folded;
}

QList<SearchedWord> searchedWords(const QString &query)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QList<SearchedWord> words;
    for (QString w : query.split(space, Qt::SkipEmptyParts)) {
        const bool prefix = w.endsWith(QLatin1Char('*'));
        w.remove(QLatin1Char('"'));
        w.remove(QLatin1Char('*'));
        if (!w.isEmpty())
            words.append({w.toCaseFolded(), stemOf(w.toCaseFolded()), prefix});
    }
    return words;
}

// text with each word that matches a searched word between kOpen and kClose, as highlight() marks
// the index's matches; empty when some searched word matches nothing.
QString markedWhenEveryWordIsThere(const QString &text, const QList<SearchedWord> &words)
{
    static const QRegularExpression wordRe(QStringLiteral("[\\p{L}\\p{N}']+"));
    QList<bool> seen(words.size(), false);
    QString marked;
    qsizetype at = 0;
    for (auto it = wordRe.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString folded = m.captured().toCaseFolded();
        const QString stem = stemOf(folded);
        bool hit = false;
        for (qsizetype i = 0; i < words.size(); ++i) {
            const SearchedWord &w = words.at(i);
            if (w.prefix ? folded.startsWith(w.word) : stem == w.stem) {
                seen[i] = true;
                hit = true;
            }
        }
        marked += QStringView(text).sliced(at, m.capturedStart() - at);
        marked += hit ? kOpen + m.captured() + kClose : m.captured();
        at = m.capturedEnd();
    }
    if (!std::all_of(seen.begin(), seen.end(), [](bool b) { return b; }))
        return {};
    return marked + QStringView(text).sliced(at);
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
        const QString marked = markedWhenEveryWordIsThere(
            model::textOf(model::sectionsFromJson(openedForm(m_state, id, true, SealedField::Sections, stmt.text(3)))),
            words);
        if (marked.isEmpty())
            continue;
        hits.append({id, stmt.text(1), model::parseDate(stmt.text(2)).value_or(model::Date()), model::NoteKind::Process,
                     snippetFor(marked), 0.0});
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
    // The note's text with its matches marked by the index itself, so the snippet marks what the
    // stemmer matched ("abandon" marks "abandoned").
    auto detail = db.prepare("SELECT c.code, s.date, n.kind, highlight(notes_fts, 0, char(1), char(2)) "
                             "FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid "
                             "JOIN clients c ON c.id = n.client_id JOIN sessions s ON s.id = n.session_id "
                             "WHERE notes_fts MATCH :match AND notes_fts.rowid = :id");
    while (ranked.step()) {
        detail.bind(detail.parameterIndex(":match"), match).bind(detail.parameterIndex(":id"), ranked.int64(0));
        if (detail.step())
            hits.append({ranked.int64(0), detail.text(0), model::parseDate(detail.text(1)).value_or(model::Date()),
                         model::parseNoteKind(detail.text(2)).value_or(model::NoteKind::Progress),
                         snippetFor(detail.text(3)), ranked.real(1)});
        detail.reset();
    }
    return hits;
}

} // namespace uc::vault
