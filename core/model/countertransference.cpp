// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/countertransference.h"

#include <QSet>

#include <algorithm>

namespace uc::model {

namespace {

struct Token
{
    qsizetype start = 0; // UTF-16 units in the text searched
    qsizetype end = 0;
    QString word; // lower case, typographic apostrophes made plain
    int clause = 0; // tokens of one clause share it: negation and ownership do not cross , ; : or "but"
    bool quoted = false; // inside quotation marks: someone's words reported, not the therapist's own
};

struct Sentence
{
    qsizetype start = 0;
    qsizetype end = 0;
    QList<Token> tokens;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

// Sentences end at . ! ? followed by a space or the end, and at every line break (a list's items).
QList<Sentence> sentencesOf(QStringView text)
{
    QList<Sentence> out;
    Sentence current;
    int clause = 0;
    bool open = false;
    bool quoted = false;
    auto close = [&](qsizetype end) {
        if (open && !current.tokens.isEmpty()) {
            current.end = end;
            out.append(current);
        }
        current = Sentence{};
        clause = 0;
        open = false;
        quoted = false;
    };
    qsizetype i = 0;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (isWordChar(c)) {
            if (!open) {
                current.start = i;
                open = true;
            }
            const qsizetype start = i;
            // A word: letters and digits, with an apostrophe or hyphen inside ("didn't", "de-skilled").
            while (i < text.size()
                   && (isWordChar(text.at(i))
                       || ((text.at(i) == u'\'' || text.at(i) == u'\u2019' || text.at(i) == u'-') && i + 1 < text.size()
                           && isWordChar(text.at(i + 1)))))
                ++i;
            QString word = text.mid(start, i - start).toString().toLower();
            word.replace(u'\u2019', u'\'');
            // "I:" heads a note's Intervention line (BIRP, GIRP), not the therapist speaking.
            if (word == QLatin1String("i") && i < text.size() && text.at(i) == u':')
                word = QStringLiteral("i:");
            if (word == QLatin1String("but"))
                ++clause;
            current.tokens.append({start, i, word, clause, quoted});
            continue;
        }
        // A quotation mark opens or closes a quote; an apostrophe inside a word was taken above.
        if (c == u'"' || c == u'\u201C' || c == u'\u201D' || c == u'\'' || c == u'\u2018' || c == u'\u2019') {
            if (c == u'\u201C' || c == u'\u2018')
                quoted = true;
            else if (c == u'\u201D')
                quoted = false;
            else if (c == u'\u2019')
                quoted = false;
            else
                quoted = !quoted;
            ++clause;
        }
        if (c == u'\n') {
            close(i);
        } else if ((c == u'.' || c == u'!' || c == u'?') && (i + 1 == text.size() || text.at(i + 1).isSpace())) {
            close(i + 1);
        } else if (c == u',' || c == u';' || c == u':' || c == u'(' || c == u')' || c == u'\u2014') {
            ++clause;
        } else if (!open && !c.isSpace() && c != u'-' && c != u'*' && c != u'\u2022') {
            current.start = i; // a sentence may open with a quote mark
            open = true;
        }
        ++i;
    }
    close(text.size());
    // The sentence's text ends at its last word or its closing mark, never in trailing space.
    for (Sentence &s : out)
        while (s.end > s.start && text.at(s.end - 1).isSpace())
            --s.end;
    return out;
}

const QSet<QString> &clinicianWords()
{
    static const QSet<QString> words{QStringLiteral("i"),       QStringLiteral("i'm"),    QStringLiteral("i've"),
                                     QStringLiteral("i'd"),     QStringLiteral("i'll"),   QStringLiteral("me"),
                                     QStringLiteral("my"),      QStringLiteral("myself"), QStringLiteral("writer"),
                                     QStringLiteral("writer's")};
    return words;
}

// A reaction word right after one of these is someone else's: "her anger", "she was irritated".
const QSet<QString> &otherPersonWords()
{
    static const QSet<QString> words{QStringLiteral("she"),   QStringLiteral("he"),       QStringLiteral("they"),
                                     QStringLiteral("her"),   QStringLiteral("his"),      QStringLiteral("their"),
                                     QStringLiteral("him"),   QStringLiteral("them"),     QStringLiteral("she's"),
                                     QStringLiteral("he's"),  QStringLiteral("they're"),  QStringLiteral("client"),
                                     QStringLiteral("client's"), QStringLiteral("pt"),   QStringLiteral("pt's"),
                                     QStringLiteral("cl"),    QStringLiteral("patient"),  QStringLiteral("patient's"),
                                     QStringLiteral("she'd"), QStringLiteral("he'd"),     QStringLiteral("they'd")};
    return words;
}

bool isNegator(const QString &w)
{
    static const QSet<QString> words{QStringLiteral("no"),      QStringLiteral("not"),  QStringLiteral("never"),
                                     QStringLiteral("without"), QStringLiteral("nor"),  QStringLiteral("neither"),
                                     QStringLiteral("none"),    QStringLiteral("cannot")};
    return words.contains(w) || w.endsWith(QLatin1String("n't"));
}

bool startsWithClinician(const QList<Token> &t)
{
    if (t.isEmpty() || t.at(0).quoted)
        return false;
    static const QSet<QString> subjects{QStringLiteral("i"),  QStringLiteral("i'm"),    QStringLiteral("i've"),
                                        QStringLiteral("i'd"), QStringLiteral("my"),     QStringLiteral("myself"),
                                        QStringLiteral("writer"), QStringLiteral("writer's")};
    if (subjects.contains(t.at(0).word))
        return true;
    return t.size() > 1 && (t.at(0).word == QLatin1String("this") || t.at(0).word == QLatin1String("the"))
        && (t.at(1).word == QLatin1String("writer") || t.at(1).word == QLatin1String("writer's"));
}

bool wordMatches(const QString &cueWord, const QString &word)
{
    if (cueWord.endsWith(u'*'))
        return word.startsWith(QStringView(cueWord).chopped(1));
    return word == cueWord;
}

// How many tokens from `at` the cue covers, 0 when it does not match there.
qsizetype cueLength(const QStringList &cue, const QList<Token> &tokens, qsizetype at)
{
    if (at + cue.size() > tokens.size())
        return 0;
    for (qsizetype k = 0; k < cue.size(); ++k)
        if (!wordMatches(cue.at(k), tokens.at(at + k).word))
            return 0;
    return cue.size();
}

// A negator up to three words before, in the same clause ("no urge to rescue", "did not feel
// bored"); "could not help feeling" and "not only" are no negation.
bool negatedAt(const QList<Token> &tokens, qsizetype at)
{
    for (qsizetype k = at - 1; k >= 0 && k >= at - 3; --k) {
        if (tokens.at(k).clause != tokens.at(at).clause)
            return false;
        if (!isNegator(tokens.at(k).word))
            continue;
        const QString next = tokens.at(k + 1).word;
        return next != QLatin1String("help") && next != QLatin1String("only");
    }
    return false;
}

// Whose reaction a cue is: the nearest person named before it in its clause ("her anger", "he seemed
// annoyed", "Pt angry w/ writer" are someone else's; "I noticed a growing irritation", "made me
// angry" the therapist's); with no one named before it in the clause, the sentence's subject decides
// ("Tomás was angry with me" is Tomás's; "I was aware …, underneath that, of feeling protective"
// the therapist's).
bool someoneElsesAt(const QList<Token> &tokens, qsizetype at)
{
    for (qsizetype k = at - 1; k >= 0 && tokens.at(k).clause == tokens.at(at).clause; --k) {
        if (clinicianWords().contains(tokens.at(k).word))
            return false;
        if (otherPersonWords().contains(tokens.at(k).word))
            return true;
    }
    return !startsWithClinician(tokens);
}

// The therapist reporting a reaction anywhere in the sentence: "After the session I was aware of
// …", "Listening to him, I found myself …".
bool reportsOwnReaction(const QList<Token> &tokens)
{
    static const QSet<QString> verbs{QStringLiteral("felt"),    QStringLiteral("feel"),   QStringLiteral("noticed"),
                                     QStringLiteral("notice"),  QStringLiteral("found"),  QStringLiteral("find"),
                                     QStringLiteral("sensed"),  QStringLiteral("was"),    QStringLiteral("am")};
    for (qsizetype k = 0; k + 1 < tokens.size(); ++k) {
        const Token &t = tokens.at(k);
        if (t.quoted || (t.word != QLatin1String("i") && t.word != QLatin1String("writer")))
            continue;
        const QString &verb = tokens.at(k + 1).word;
        if (!verbs.contains(verb))
            continue;
        // "I was" and "I am" only as "was aware", "am aware".
        if (verb == QLatin1String("was") || verb == QLatin1String("am"))
            return k + 2 < tokens.size() && tokens.at(k + 2).word == QLatin1String("aware");
        return true;
    }
    return false;
}

struct CompiledCue
{
    QString code;
    QStringList words;
};

QList<CompiledCue> compiled(const CtCodebook &book)
{
    QList<CompiledCue> out;
    for (const CtCode &c : book.codes)
        for (const QString &cue : c.cues)
            out.append({c.id, cue.split(u' ')});
    return out;
}

QList<CtEntry> entriesOf(QStringView text, const CtCodebook &book)
{
    const QList<CompiledCue> cues = compiled(book);
    QList<CtEntry> out;
    for (const Sentence &s : sentencesOf(text)) {
        const QList<Token> &t = s.tokens;
        const bool namesClinician = std::any_of(
            t.begin(), t.end(), [](const Token &k) { return !k.quoted && clinicianWords().contains(k.word); });
        if (!namesClinician)
            continue;
        CtEntry e;
        e.start = s.start;
        e.end = s.end;
        e.text = text.mid(s.start, s.end - s.start).toString();
        for (const CtCode &code : book.codes) {
            qsizetype at = 0;
            while (at < t.size()) {
                qsizetype longest = 0;
                for (const CompiledCue &c : cues)
                    if (c.code == code.id)
                        longest = std::max(longest, cueLength(c.words, t, at));
                if (longest == 0) {
                    ++at;
                    continue;
                }
                if (!t.at(at).quoted && !someoneElsesAt(t, at))
                    e.cues.append({code.id, t.at(at).start - s.start, t.at(at + longest - 1).end - s.start,
                                   negatedAt(t, at)});
                at += longest;
            }
            const bool counted
                = std::any_of(e.cues.begin(), e.cues.end(), [&](const CtCue &c) { return c.code == code.id && !c.negated; });
            if (counted)
                e.codes.append(code.id);
        }
        if (startsWithClinician(t) || reportsOwnReaction(t) || !e.cues.isEmpty())
            out.append(e);
    }
    return out;
}

// One space per code point of [start, end), line breaks kept.
void blank(QString &text, qsizetype start, qsizetype end)
{
    qsizetype i = start;
    qsizetype put = start;
    QString spaces;
    while (i < end) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < end && text.at(i + 1).isLowSurrogate()) {
            spaces += u' ';
            i += 2;
            continue;
        }
        spaces += c == u'\n' ? u'\n' : u' ';
        ++i;
    }
    text.replace(put, end - start, spaces);
}

} // namespace

QString countertransferenceSectionTitle()
{
    return QStringLiteral("Transference and countertransference");
}

QList<CtEntry> countertransferenceEntries(QStringView sectionText, const CtCodebook &book)
{
    return entriesOf(sectionText, book);
}

QList<CtEntry> countertransferenceEntries(const QList<Section> &sections, const CtCodebook &book)
{
    QList<CtEntry> out;
    for (const Section &s : sections)
        if (s.title == countertransferenceSectionTitle())
            out += entriesOf(s.text, book);
    return out;
}

QList<Section> withoutCountertransference(const QList<Section> &sections, int *removed, const CtCodebook &book)
{
    QList<Section> out = sections;
    int count = 0;
    for (Section &s : out) {
        if (s.title != countertransferenceSectionTitle())
            continue;
        const QList<CtEntry> entries = entriesOf(s.text, book);
        count += static_cast<int>(entries.size());
        QString text = s.text;
        for (auto it = entries.crbegin(); it != entries.crend(); ++it) {
            qsizetype end = it->end;
            while (end < text.size() && text.at(end) == u' ')
                ++end; // the space before the next sentence goes with it
            text.remove(it->start, end - it->start);
        }
        // Lines left empty by a removed entry go; paragraphs stay apart.
        QStringList lines;
        const QStringList was = text.split(u'\n');
        for (const QString &line : was) {
            const QString kept = line.trimmed().isEmpty() ? QString() : line;
            if (kept.isEmpty() && (lines.isEmpty() || lines.constLast().isEmpty()))
                continue;
            lines << kept;
        }
        s.text = lines.join(u'\n').trimmed();
    }
    if (removed)
        *removed = count;
    return out;
}

QString blankCountertransference(const QString &noteText, const CtCodebook &book)
{
    QString out = noteText;
    const QString heading = QStringLiteral("## ") + countertransferenceSectionTitle();
    qsizetype from = 0;
    while (true) {
        const qsizetype at = out.indexOf(heading, from);
        if (at < 0)
            break;
        const bool lineStart = at == 0 || out.at(at - 1) == u'\n';
        const qsizetype lineEnd = out.indexOf(u'\n', at);
        if (lineEnd < 0)
            break;
        if (!lineStart || lineEnd != at + heading.size()) {
            from = at + heading.size();
            continue;
        }
        const qsizetype bodyStart = lineEnd + 1;
        qsizetype bodyEnd = out.indexOf(QLatin1String("\n## "), bodyStart - 1);
        if (bodyEnd < 0)
            bodyEnd = out.size();
        const QList<CtEntry> entries = entriesOf(QStringView(out).mid(bodyStart, bodyEnd - bodyStart), book);
        // Back to front: blanking never shortens the text before it, but a surrogate pair does shorten.
        for (auto it = entries.crbegin(); it != entries.crend(); ++it)
            blank(out, bodyStart + it->start, bodyStart + it->end);
        from = bodyStart;
        const qsizetype next = out.indexOf(QLatin1String("\n## "), bodyStart - 1);
        if (next < 0)
            break;
        from = next + 1;
    }
    return out;
}

CtChart countertransferenceChart(const QList<std::pair<Date, QStringList>> &codedEntries, const CtCodebook &book)
{
    CtChart chart;
    if (codedEntries.isEmpty())
        return chart;
    const auto monthOf = [](const Date &d) { return static_cast<int>(d.year()) * 12 + static_cast<int>(d.month()) - 1; };
    int first = monthOf(codedEntries.first().first);
    int last = first;
    for (const auto &[date, codes] : codedEntries) {
        first = std::min(first, monthOf(date));
        last = std::max(last, monthOf(date));
    }
    first = std::max(first, last - maxChartMonths + 1);
    for (int m = first; m <= last; ++m)
        chart.months << QStringLiteral("%1-%2").arg(m / 12).arg(m % 12 + 1, 2, 10, QLatin1Char('0'));
    for (const CtCode &code : book.codes) {
        CtChartRow row{code.id, code.label, QList<int>(last - first + 1, 0), 0};
        for (const auto &[date, codes] : codedEntries) {
            const int m = monthOf(date);
            if (m < first || !codes.contains(code.id))
                continue;
            ++row.perMonth[m - first];
            ++row.total;
        }
        if (row.total > 0)
            chart.rows.append(row);
    }
    return chart;
}

} // namespace uc::model
