// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/findings.h"

#include "patterns/stats.h"
#include "themes/codebook.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

using namespace Qt::StringLiterals;

namespace uc::patterns {

namespace {

double baseRateOf(const LeadLag &pair)
{
    return pair.transitions > 0 ? double(pair.followers) / pair.transitions : 0.0;
}

// A label in the middle of a sentence: "Abandonment" → "abandonment", "AA meetings" stays.
QString inSentence(const QString &label)
{
    if (label.size() > 1 && label.at(0).isUpper() && label.at(1).isLower())
        return label.at(0).toLower() + label.mid(1);
    return label;
}

QString capitalised(QString text)
{
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}

// Rounds up at `decimals`; the factor keeps a q computed as 0.0100000000001 at 0.01.
double roundedUp(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::ceil(value * scale * (1.0 - 1e-12)) / scale;
}

QString percent(double share)
{
    if (share > 0.0 && share < 0.005)
        return u"under 1%"_s;
    return u"%1%"_s.arg(static_cast<int>(std::lround(share * 100.0)));
}

} // namespace

Verdict verdictOf(const Cooccurrence &pair)
{
    if (pair.sessions < minimumSupport)
        return Verdict::TooFew;
    // lift > 1, compared exactly: sessions·N > sessions(a)·sessions(b)
    if (qint64(pair.sessions) * pair.total <= qint64(pair.sessionsA) * pair.sessionsB)
        return Verdict::NotAbove;
    return pair.q <= maximumQ ? Verdict::Shown : Verdict::CouldBeChance;
}

Verdict verdictOf(const LeadLag &pair)
{
    if (pair.count < minimumSupport || pair.of < minimumSupport)
        return Verdict::TooFew;
    // count/of > followers/transitions, compared exactly
    if (qint64(pair.count) * pair.transitions <= qint64(pair.followers) * pair.of)
        return Verdict::NotAbove;
    return pair.q <= maximumQ ? Verdict::Shown : Verdict::CouldBeChance;
}

QList<DriverLink> driverLinksOf(const themes::Codebook &book)
{
    QList<DriverLink> links;
    for (const themes::Theme &theme : book.themes()) {
        if (theme.isDriverLink())
            links.append({theme.id, theme.driver, theme.use});
    }
    return links;
}

const QList<DriverLink> &builtinDriverLinks()
{
    static const QList<DriverLink> links = driverLinksOf(themes::Codebook::builtin());
    return links;
}

bool circularCooccurrence(const QString &a, const QString &b, const QList<DriverLink> &links)
{
    return std::any_of(links.begin(), links.end(), [&](const DriverLink &link) {
        return (link.theme == a && (b == link.driver || b == link.use))
            || (link.theme == b && (a == link.driver || a == link.use));
    });
}

bool circularLeadLag(const QString &theme, const QString &followedBy, const QList<DriverLink> &links)
{
    return theme == followedBy
        || std::any_of(links.begin(), links.end(), [&](const DriverLink &link) { return link.theme == theme; });
}

void assess(Report &report)
{
    std::vector<double> p;
    p.reserve(static_cast<std::size_t>(report.cooccurrence.size() + report.leadLag.size()));
    for (Cooccurrence &c : report.cooccurrence) {
        c.p = stats::fisherGreater(c.sessions, c.sessionsA, c.sessionsB, c.total);
        p.push_back(c.p);
    }
    for (LeadLag &l : report.leadLag) {
        l.p = stats::binomialGreater(l.count, l.of, baseRateOf(l));
        p.push_back(l.p);
    }
    report.tested = std::max(report.tested, static_cast<int>(p.size()));
    const std::vector<double> q = stats::benjaminiHochberg(p, static_cast<std::size_t>(report.tested));
    std::size_t i = 0;
    for (Cooccurrence &c : report.cooccurrence) {
        c.q = q[i++];
        c.shown = verdictOf(c) == Verdict::Shown;
    }
    for (LeadLag &l : report.leadLag) {
        l.q = q[i++];
        l.shown = verdictOf(l) == Verdict::Shown;
    }
    std::stable_sort(report.cooccurrence.begin(), report.cooccurrence.end(),
                     [](const Cooccurrence &x, const Cooccurrence &y) {
                         return std::tuple(!x.shown, x.q, x.p, -x.sessions, x.a, x.b)
                             < std::tuple(!y.shown, y.q, y.p, -y.sessions, y.a, y.b);
                     });
    std::stable_sort(report.leadLag.begin(), report.leadLag.end(), [](const LeadLag &x, const LeadLag &y) {
        return std::tuple(!x.shown, x.q, x.p, -x.count, x.theme, x.followedBy)
            < std::tuple(!y.shown, y.q, y.p, -y.count, y.theme, y.followedBy);
    });
}

QString qText(double q)
{
    if (q < 0.001)
        return u"q < 0.001"_s;
    if (q >= 1.0)
        return u"q = 1"_s;
    if (q < 0.01)
        return u"q = "_s + QString::number(roundedUp(q, 3), 'f', 3);
    return u"q = "_s + QString::number(roundedUp(q, 2), 'f', 2);
}

QString findingSentence(const LeadLag &pair, const QString &themeLabel, const QString &followedByLabel)
{
    const QString where = pair.of == 1
        ? u"the one session that had a next session"_s
        : u"%1 of the %2 sessions that had a next session"_s.arg(pair.count).arg(pair.of);
    QString text = u"%1 came before %2 in %3, against %4 of all sessions"_s.arg(
        capitalised(themeLabel), inSentence(followedByLabel), where, percent(baseRateOf(pair)));
    switch (verdictOf(pair)) {
    case Verdict::Shown:
        text += u" — unlikely to be chance (%1)"_s.arg(qText(pair.q));
        break;
    case Verdict::TooFew:
        text += u" — too few sessions to tell"_s;
        break;
    case Verdict::NotAbove:
        text += u" — no more often than after any session"_s;
        break;
    case Verdict::CouldBeChance:
        text += u" — could be chance (%1)"_s.arg(qText(pair.q));
        break;
    }
    return text + u'.';
}

QString findingSentence(const Cooccurrence &pair, const QString &labelA, const QString &labelB)
{
    const bool above = qint64(pair.sessions) * pair.total > qint64(pair.sessionsA) * pair.sessionsB;
    const double lift = pair.sessionsA > 0 && pair.sessionsB > 0
        ? double(pair.sessions) * pair.total / (double(pair.sessionsA) * pair.sessionsB)
        : 0.0;
    QString text = u"%1 and %2 were found together in %3 of %4 sessions, %5"_s.arg(
        capitalised(labelA), inSentence(labelB), QString::number(pair.sessions), QString::number(pair.total),
        above ? u"%1 times what chance would give"_s.arg(QString::number(lift, 'f', 1))
              : u"no more often than chance would give"_s);
    switch (verdictOf(pair)) {
    case Verdict::Shown:
        text += u" (%1)"_s.arg(qText(pair.q));
        break;
    case Verdict::TooFew:
        text += u" — too few sessions to tell"_s;
        break;
    case Verdict::NotAbove:
        break; // the sentence has said so
    case Verdict::CouldBeChance:
        text += u" — could be chance (%1)"_s.arg(qText(pair.q));
        break;
    }
    return text + u'.';
}

QString findingSentence(const LeadLag &pair, const themes::Codebook &book)
{
    return findingSentence(pair, book.labelOf(pair.theme), book.labelOf(pair.followedBy));
}

QString findingSentence(const Cooccurrence &pair, const themes::Codebook &book)
{
    return findingSentence(pair, book.labelOf(pair.a), book.labelOf(pair.b));
}

namespace {

template<typename Pair>
QStringList shownOf(const QList<Pair> &pairs, const themes::Codebook &book, qsizetype most)
{
    QStringList out;
    for (const Pair &pair : pairs) {
        if (most >= 0 && out.size() >= most)
            break;
        if (pair.shown)
            out.append(findingSentence(pair, book));
    }
    return out;
}

} // namespace

QStringList shownSentences(const QList<LeadLag> &pairs, const themes::Codebook &book, qsizetype most)
{
    return shownOf(pairs, book, most);
}

QStringList shownSentences(const QList<Cooccurrence> &pairs, const themes::Codebook &book, qsizetype most)
{
    return shownOf(pairs, book, most);
}

QString notCausesText()
{
    return QStringLiteral("These are patterns to talk about, not causes: they say what tended to come up together or "
                          "one session before another, not why.");
}

} // namespace uc::patterns
