// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/measures.h"

#include "common/error.h"

#include <QStringList>

namespace uc::model {

namespace {

struct Band
{
    int from; // inclusive lower bound of the total
    const char *word;
};

// Published cut-offs: PHQ-9 (Kroenke 2001), GAD-7 (Spitzer 2006), AUDIT (WHO 2001, zones I–IV),
// AUDIT-C (Bush 1998; positive at 4 for men, 3 for women — the vault records no sex, so 3 is
// reported as positive for women).
constexpr Band phq9Bands[] = {{0, "minimal"}, {5, "mild"}, {10, "moderate"}, {15, "moderately-severe"}, {20, "severe"}};
constexpr Band gad7Bands[] = {{0, "minimal"}, {5, "mild"}, {10, "moderate"}, {15, "severe"}};
constexpr Band auditBands[] = {{0, "low-risk"}, {8, "hazardous"}, {16, "harmful"}, {20, "possible-dependence"}};
constexpr Band auditcBands[] = {{0, "negative"}, {3, "positive-women"}, {4, "positive"}};
// DAST-10 (Skinner 1982, the ten-item form's guidelines); PCL-5 at 33 (Bovin et al. 2016 and the
// US National Center for PTSD: 31–33 suggests probable PTSD; the highest, so fewer false positives).
constexpr Band dast10Bands[] = {{0, "none"}, {1, "low"}, {3, "moderate"}, {6, "substantial"}, {9, "severe"}};
constexpr Band pcl5Bands[] = {{0, "below-cutoff"}, {33, "probable-ptsd"}};

// C-SSRS screen version (Columbia Lighthouse Project), questions in order: 1 wish to be dead,
// 2 non-specific active suicidal thoughts, 3 thoughts with method, 4 intent, 5 intent with plan,
// 6 suicidal behaviour (lifetime, and in the past 3 months). Its triage: yes to 1 or 2 only is low,
// yes to 3 moderate, yes to 4 or 5 high; 6 is high within the past 3 months and moderate before.
// Six yes/no answers cannot tell when behaviour was, so a yes to 6 is read as high (the cautious
// reading; docs/risk.md).
QString cssrsBand(const QList<int> &answers)
{
    const auto yes = [&](int question) { return answers.value(question - 1) == 1; };
    if (yes(4) || yes(5) || yes(6))
        return QStringLiteral("high");
    if (yes(3))
        return QStringLiteral("moderate");
    if (yes(1) || yes(2))
        return QStringLiteral("low");
    return QStringLiteral("negative");
}

template<std::size_t N>
QString pick(const Band (&bands)[N], int total)
{
    const char *word = bands[0].word;
    for (const Band &b : bands) {
        if (total >= b.from)
            word = b.word;
    }
    return QString::fromLatin1(word);
}

// The answers item i (0-based) of an instrument accepts.
bool allowed(const QString &instrument, int item, int answer, QString *range)
{
    if (instrument == u"cssrs") {
        *range = QStringLiteral("1 yes, 0 no, - skipped");
        return answer == 0 || answer == 1 || answer == cssrsSkipped;
    }
    if (instrument == u"audit" && item >= 8) {
        *range = QStringLiteral("0, 2 or 4");
        return answer == 0 || answer == 2 || answer == 4;
    }
    const int max = itemMaximum(instrument);
    *range = QStringLiteral("0 to %1").arg(max);
    return answer >= 0 && answer <= max;
}

// The points an answer scores: DAST-10 item 3 ("able to stop using drugs when you want to") is
// asked so that "no" is the answer that scores.
int points(const QString &instrument, int item, int answer)
{
    return instrument == u"dast10" && item == 2 ? 1 - answer : answer;
}

const Instrument &require(const QString &id)
{
    const Instrument *instrument = findInstrument(id);
    if (!instrument) {
        throw Error(ErrorKind::Usage, QStringLiteral("measure"),
                    QStringLiteral("unknown instrument \"%1\" (use phq9, gad7, audit, auditc, dast10, pcl5 or cssrs)").arg(id.left(16)));
    }
    return *instrument;
}

} // namespace

const QList<Instrument> &instruments()
{
    static const QList<Instrument> all{
        {QStringLiteral("phq9"), QStringLiteral("PHQ-9"), QStringLiteral("depression"), 9},
        {QStringLiteral("gad7"), QStringLiteral("GAD-7"), QStringLiteral("anxiety"), 7},
        {QStringLiteral("audit"), QStringLiteral("AUDIT"), QStringLiteral("alcohol use"), 10},
        {QStringLiteral("auditc"), QStringLiteral("AUDIT-C"), QStringLiteral("alcohol consumption"), 3},
        {QStringLiteral("dast10"), QStringLiteral("DAST-10"), QStringLiteral("drug use"), 10},
        {QStringLiteral("pcl5"), QStringLiteral("PCL-5"), QStringLiteral("PTSD symptoms"), 20},
        {QStringLiteral("cssrs"), QStringLiteral("C-SSRS"), QStringLiteral("suicide risk"), 6},
    };
    return all;
}

const Instrument *findInstrument(const QString &id)
{
    for (const Instrument &i : instruments()) {
        if (i.id == id)
            return &i;
    }
    return nullptr;
}

int itemMaximum(const QString &instrument)
{
    if (!findInstrument(instrument))
        return 0;
    if (instrument == u"dast10")
        return 1;
    if (instrument == u"pcl5")
        return 4;
    if (instrument == u"cssrs")
        return 1;
    return (instrument == u"audit" || instrument == u"auditc") ? 4 : 3;
}

int maxTotal(const QString &instrument)
{
    const Instrument *info = findInstrument(instrument);
    return info ? info->items * itemMaximum(instrument) : 0;
}

QString bandOf(const QString &instrument, int total)
{
    if (instrument == u"phq9")
        return pick(phq9Bands, total);
    if (instrument == u"gad7")
        return pick(gad7Bands, total);
    if (instrument == u"audit")
        return pick(auditBands, total);
    if (instrument == u"auditc")
        return pick(auditcBands, total);
    if (instrument == u"dast10")
        return pick(dast10Bands, total);
    if (instrument == u"pcl5")
        return pick(pcl5Bands, total);
    if (instrument == u"cssrs")
        return total > 0 ? QStringLiteral("positive") : QStringLiteral("negative"); // the triage needs the answers
    return {};
}

QList<BandRange> bandRanges(const QString &instrument)
{
    // Walked from the totals, so the ranges cannot drift from bandOf's cut-offs.
    QList<BandRange> ranges;
    const int maximum = maxTotal(instrument);
    if (instrument == u"cssrs" || maximum <= 0)
        return ranges;
    for (int total = 0; total <= maximum; ++total) {
        const QString band = bandOf(instrument, total);
        if (ranges.isEmpty() || ranges.constLast().band != band)
            ranges.append({total, total, band});
        else
            ranges.last().to = total;
    }
    return ranges;
}

QString bandLabel(const QString &band)
{
    if (band == u"positive-women")
        return QStringLiteral("positive (women)");
    if (band == u"probable-ptsd")
        return QStringLiteral("probable PTSD");
    if (band == u"below-cutoff")
        return QStringLiteral("below the cut-off");
    QString label = band;
    return label.replace(u'-', u' ');
}

Score score(const QString &instrument, const QList<int> &answers)
{
    const Instrument &info = require(instrument);
    if (answers.size() != info.items) {
        throw Error(ErrorKind::Io, QStringLiteral("measure"),
                    QStringLiteral("%1 has %2 items; %3 answers given").arg(info.name).arg(info.items).arg(answers.size()));
    }
    Score result;
    for (int i = 0; i < answers.size(); ++i) {
        QString range;
        if (!allowed(instrument, i, answers[i], &range)) {
            throw Error(ErrorKind::Io, QStringLiteral("measure"),
                        QStringLiteral("%1 item %2: %3 is out of range (%4)").arg(info.name).arg(i + 1).arg(answers[i]).arg(range));
        }
        if (answers[i] != cssrsSkipped)
            result.total += points(instrument, i, answers[i]);
    }
    if (instrument == u"cssrs") {
        // The screener's path: 1, 2 and 6 are always asked; 3-5 only after a yes to 2.
        for (int question : {1, 2, 6}) {
            if (answers[question - 1] == cssrsSkipped)
                throw Error(ErrorKind::Io, QStringLiteral("measure"),
                            QStringLiteral("C-SSRS item %1 is always asked (1 yes or 0 no)").arg(question));
        }
        const bool asked = answers[1] == 1;
        for (int question = 3; question <= 5; ++question) {
            if ((answers[question - 1] == cssrsSkipped) == asked)
                throw Error(ErrorKind::Io, QStringLiteral("measure"),
                            asked ? QStringLiteral("C-SSRS item %1 is asked after a yes to 2 (1 yes or 0 no)").arg(question)
                                  : QStringLiteral("C-SSRS item %1 is skipped after a no to 2 (-)").arg(question));
        }
        result.band = cssrsBand(answers);
        return result;
    }
    result.band = bandOf(instrument, result.total);
    return result;
}

QList<int> parseAnswers(const QString &instrument, const QString &text)
{
    const Instrument &info = require(instrument);
    QList<int> answers;
    const QStringList parts = text.split(u',');
    for (int i = 0; i < parts.size(); ++i) {
        const QString item = parts[i].trimmed();
        if (item.isEmpty()) {
            throw Error(ErrorKind::Io, QStringLiteral("measure"),
                        QStringLiteral("%1 item %2 is missing (every item needs an answer)").arg(info.name).arg(i + 1));
        }
        if (item == u"-" && instrument == u"cssrs") {
            answers.append(cssrsSkipped);
            continue;
        }
        bool ok = false;
        const int value = item.toInt(&ok);
        if (!ok) {
            throw Error(ErrorKind::Io, QStringLiteral("measure"),
                        QStringLiteral("%1 item %2 is not a number").arg(info.name).arg(i + 1));
        }
        answers.append(value);
    }
    return answers;
}

} // namespace uc::model
