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
    if (instrument == u"audit" && item >= 8) {
        *range = QStringLiteral("0, 2 or 4");
        return answer == 0 || answer == 2 || answer == 4;
    }
    const int max = itemMaximum(instrument);
    *range = QStringLiteral("0 to %1").arg(max);
    return answer >= 0 && answer <= max;
}

const Instrument &require(const QString &id)
{
    const Instrument *instrument = findInstrument(id);
    if (!instrument) {
        throw Error(ErrorKind::Usage, QStringLiteral("measure"),
                    QStringLiteral("unknown instrument \"%1\" (use phq9, gad7, audit or auditc)").arg(id.left(16)));
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
    return {};
}

QString bandLabel(const QString &band)
{
    if (band == u"positive-women")
        return QStringLiteral("positive (women)");
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
        result.total += answers[i];
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
