// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time trainer of the learned readings (reading.h; docs/risk.md "Tenth pass", docs/tagger.md
// "Session 39"): one logistic regression per risk, present against everything else, from the
// development risk corpora (JSON Lines: "text" and "risks": [{"id","status"}]), and one per theme the
// theme reading covers, from the development theme corpora ("text" and "themes": [ids]; a cause case's
// "counts" and "absent" say only those themes either way). Writes one C++ source file: a row per
// feature with its weight for each risk and each theme (zero on a side it does not move).
// Deterministic: the same corpora give the same file on any machine (a fixed seed, a fixed order, the
// corpora in the order named).
//
//   uc_reading_train OUT.cpp [--leave-out IDS.txt] --risks CORPUS.jsonl... --themes CORPUS.jsonl...
//
// IDS.txt: ids of theme excerpts kept back as a check (one a line), left out of the themes' training.
#include "themes/reading.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace uc::themes::detail;

namespace {

constexpr int epochs = 30;
constexpr double decay = 1e-3;
constexpr std::uint32_t seed = 15010;

struct Example
{
    std::vector<std::uint32_t> features;
    std::vector<bool> labelled; // by label
    std::vector<bool> known; // by label: whether this excerpt says either way (a cause case names only some)
};

double logistic(double z)
{
    z = std::max(-30.0, std::min(30.0, z));
    return 1.0 / (1.0 + std::exp(-z));
}

struct Features
{
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<std::string> names;

    std::uint32_t id(const std::string &feature)
    {
        auto [it, added] = index.try_emplace(feature, static_cast<std::uint32_t>(names.size()));
        if (added)
            names.push_back(feature);
        return it->second;
    }
};

// The labels an excerpt gives: for risks, each risk present; for themes, each theme listed. A cause
// case ("counts", "absent") says only what must and must not count: the other themes are not known.
void labelsOf(const QJsonObject &o, bool risks, const char *const *ids, std::size_t count, Example &e)
{
    e.labelled.assign(count, false);
    e.known.assign(count, true);
    const auto mark = [&](const QJsonValue &list, std::vector<bool> &into) {
        for (const QJsonValue &id : list.toArray())
            for (std::size_t k = 0; k < count; ++k)
                if (id.toString() == QLatin1String(ids[k]))
                    into[k] = true;
    };
    if (risks) {
        for (const QJsonValue &r : o.value(QStringLiteral("risks")).toArray())
            if (r.toObject().value(QStringLiteral("status")).toString() == QLatin1String("present"))
                mark(QJsonArray{r.toObject().value(QStringLiteral("id"))}, e.labelled);
        return;
    }
    if (o.contains(QStringLiteral("themes"))) {
        mark(o.value(QStringLiteral("themes")), e.labelled);
        return;
    }
    e.known.assign(count, false);
    mark(o.value(QStringLiteral("counts")), e.labelled);
    mark(o.value(QStringLiteral("counts")), e.known);
    mark(o.value(QStringLiteral("absent")), e.known);
}

// leftOut: ids of theme excerpts kept back as a check.
bool readCorpus(const char *path, bool risks, const char *const *ids, std::size_t count, const QSet<QString> &leftOut,
                Features &features, std::vector<Example> &examples)
{
    QFile file(QString::fromLocal8Bit(path));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "uc_reading_train: cannot read %s\n", path);
        return false;
    }
    int line = 0;
    while (!file.atEnd()) {
        const QByteArray bytes = file.readLine().trimmed();
        ++line;
        if (bytes.isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(bytes, &error).object();
        if (error.error != QJsonParseError::NoError || !o.value(QStringLiteral("text")).isString()) {
            std::fprintf(stderr, "uc_reading_train: %s line %d is not an excerpt\n", path, line);
            return false;
        }
        if (leftOut.contains(o.value(QStringLiteral("id")).toString()))
            continue;
        Example e;
        const QByteArray text = o.value(QStringLiteral("text")).toString().toUtf8();
        for (const std::string &f :
             readingFeatures(std::string_view(text.constData(), static_cast<std::size_t>(text.size()))))
            e.features.push_back(features.id(f));
        labelsOf(o, risks, ids, count, e);
        examples.push_back(std::move(e));
    }
    return true;
}

// One regression per label, by stochastic gradient descent in a fixed order; weights[feature][label]:
// steps of `rate`, and the mean of the weights at the end of each epoch from the tenth on. The last
// weights alone (the risks' way in sessions 37 and 38) depend on the order of the last few hundred
// steps, which any line added to a corpus reshuffles: seven cause cases added moved 72 of the theme
// reading's 394 decisions over tests/data, the averaged weights 9 of 368 (docs/tagger.md, "Session
// 39"). The themes step by 0.02; the risks by 0.5, averaged since session 40 (docs/risk.md, "Twelfth
// pass": chosen on development sets held back from training, never on a held-out file).
void train(const std::vector<Example> &examples, std::size_t labels, std::size_t featureCount, double rate,
           std::vector<std::vector<double>> &weights, std::vector<double> &bias)
{
    constexpr int averageFrom = 10;
    weights.assign(featureCount, std::vector<double>(labels, 0.0));
    bias.assign(labels, 0.0);
    std::vector<std::vector<double>> sum(featureCount, std::vector<double>(labels, 0.0));
    std::vector<double> biasSum(labels, 0.0);
    for (std::size_t k = 0; k < labels; ++k) {
        std::mt19937 random(seed);
        std::vector<std::size_t> order(examples.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        for (int epoch = 0; epoch < epochs; ++epoch) {
            // Fisher–Yates with the generator's raw output, so no library's shuffle decides the order.
            for (std::size_t i = order.size(); i > 1; --i)
                std::swap(order[i - 1], order[random() % i]);
            for (const std::size_t i : order) {
                const Example &e = examples[i];
                if (!e.known[k])
                    continue;
                double z = bias[k];
                for (const std::uint32_t f : e.features)
                    z += weights[f][k];
                const double gradient = logistic(z) - (e.labelled[k] ? 1.0 : 0.0);
                bias[k] -= rate * gradient;
                for (const std::uint32_t f : e.features)
                    weights[f][k] -= rate * (gradient + decay * weights[f][k]);
            }
            if (epoch + 1 >= averageFrom) {
                for (std::size_t f = 0; f < featureCount; ++f)
                    sum[f][k] += weights[f][k];
                biasSum[k] += bias[k];
            }
        }
    }
    const double n = epochs - averageFrom + 1;
    for (std::size_t f = 0; f < featureCount; ++f)
        for (std::size_t k = 0; k < labels; ++k)
            weights[f][k] = sum[f][k] / n;
    for (std::size_t k = 0; k < labels; ++k)
        bias[k] = biasSum[k] / n;
}

} // namespace

int main(int argc, char **argv)
{
    std::vector<const char *> riskFiles;
    std::vector<const char *> themeFiles;
    std::vector<const char *> *into = nullptr;
    bool usage = argc < 3;
    QSet<QString> leftOut;
    for (int a = 2; a < argc; ++a) {
        if (std::strcmp(argv[a], "--leave-out") == 0) {
            if (a + 1 >= argc) {
                usage = true;
                break;
            }
            QFile file(QString::fromLocal8Bit(argv[++a]));
            if (!file.open(QIODevice::ReadOnly)) {
                std::fprintf(stderr, "uc_reading_train: cannot read %s\n", argv[a]);
                return 1;
            }
            while (!file.atEnd())
                if (const QString id = QString::fromUtf8(file.readLine().trimmed()); !id.isEmpty())
                    leftOut.insert(id);
            into = nullptr;
        } else if (std::strcmp(argv[a], "--risks") == 0)
            into = &riskFiles;
        else if (std::strcmp(argv[a], "--themes") == 0)
            into = &themeFiles;
        else if (into)
            into->push_back(argv[a]);
        else
            usage = true; // a corpus before either option
    }
    if (usage || riskFiles.empty() || themeFiles.empty()) {
        std::fprintf(
            stderr,
            "usage: uc_reading_train OUT.cpp [--leave-out IDS.txt] --risks CORPUS.jsonl... --themes CORPUS.jsonl...\n");
        return 2;
    }
    Features features;
    std::vector<Example> riskExamples;
    std::vector<Example> themeExamples;
    for (const char *f : riskFiles)
        if (!readCorpus(f, true, readingRiskIds, readingRiskCount, {}, features, riskExamples))
            return 1;
    for (const char *f : themeFiles)
        if (!readCorpus(f, false, readingThemeIds, readingThemeCount, leftOut, features, themeExamples))
            return 1;
    std::vector<std::vector<double>> riskWeights, themeWeights;
    std::vector<double> riskBias, themeBias;
    train(riskExamples, readingRiskCount, features.names.size(), 0.5, riskWeights, riskBias);
    train(themeExamples, readingThemeCount, features.names.size(), 0.02, themeWeights, themeBias);

    // Written sorted by feature, only features that move some risk's or theme's score.
    const auto moves = [](const std::vector<double> &ws) {
        for (const double w : ws)
            if (std::fabs(w) >= 1e-3)
                return true;
        return false;
    };
    // A side's weights are written only where they move that side's score, zeros elsewhere: a feature
    // kept for the themes adds nothing to a risk, as when the risks were trained alone.
    std::map<std::string, std::uint32_t> sorted;
    for (std::uint32_t f = 0; f < features.names.size(); ++f) {
        for (std::vector<double> *side : {&riskWeights[f], &themeWeights[f]}) {
            for (const double w : *side)
                if (!std::isfinite(w)) {
                    std::fprintf(stderr, "uc_reading_train: training diverged (a weight is not a number)\n");
                    return 1;
                }
            if (!moves(*side))
                side->assign(side->size(), 0.0);
        }
        if (moves(riskWeights[f]) || moves(themeWeights[f]))
            sorted.emplace(features.names[f], f);
    }
    QByteArray out;
    out += "// Generated by uc_reading_train from the development risk and theme corpora: do not edit.\n"
           "#include \"themes/reading.h\"\n\nnamespace uc::themes::detail {\n\n";
    const auto number = [](double w) {
        QByteArray n = QByteArray::number(static_cast<float>(w), 'g', 7);
        if (!n.contains('.') && !n.contains('e'))
            n += ".0"; // "0f" is no literal
        return n + 'f';
    };
    const auto list = [&](const std::vector<double> &ws) {
        QByteArray s = "{";
        for (std::size_t k = 0; k < ws.size(); ++k)
            s += (k ? ", " : "") + number(ws[k]);
        return s + '}';
    };
    out += "const float readingBias[readingRiskCount] = " + list(riskBias) + ";\n";
    out += "const float readingThemeBias[readingThemeCount] = " + list(themeBias) + ";\n\n";
    out += "const ReadingWeight readingWeights[] = {\n";
    for (const auto &[name, f] : sorted)
        out += "    {\"" + QByteArray::fromStdString(name) + "\", " + list(riskWeights[f]) + ", "
            + list(themeWeights[f]) + "},\n";
    out += "};\n\nconst std::size_t readingWeightCount = " + QByteArray::number(static_cast<qulonglong>(sorted.size()))
        + ";\n\n} // namespace uc::themes::detail\n";
    QSaveFile save(QString::fromLocal8Bit(argv[1]));
    if (!save.open(QIODevice::WriteOnly) || save.write(out) != out.size() || !save.commit()) {
        std::fprintf(stderr, "uc_reading_train: cannot write %s\n", argv[1]);
        return 1;
    }
    std::printf("uc_reading_train: %zu risk excerpts, %zu theme excerpts, %zu features kept\n", riskExamples.size(),
                themeExamples.size(), sorted.size());
    return 0;
}
