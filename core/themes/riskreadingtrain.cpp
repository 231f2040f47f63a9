// SPDX-License-Identifier: GPL-3.0-or-later
// Build-time trainer of the risk flags' learned reading (riskreading.h, docs/risk.md "Tenth
// pass"): reads the development risk corpora (JSON Lines: "text" and "risks": [{"id","status"}])
// and writes a C++ source file of one logistic regression per risk, present against everything
// else. Deterministic: the same corpora give the same file on any machine (a fixed seed, a fixed
// order, the corpora in the order named).
//
//   uc_risk_reading_train OUT.cpp CORPUS.jsonl...
#include "themes/riskreading.h"

#include <QByteArray>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using uc::themes::detail::readingFeatures;
using uc::themes::detail::readingRiskCount;
using uc::themes::detail::readingRiskIds;

namespace {

constexpr int epochs = 30;
constexpr double rate = 0.5;
constexpr double decay = 1e-3;
constexpr std::uint32_t seed = 15010;

struct Example
{
    std::vector<std::uint32_t> features;
    std::array<bool, readingRiskCount> present{};
};

double logistic(double z)
{
    z = std::max(-30.0, std::min(30.0, z));
    return 1.0 / (1.0 + std::exp(-z));
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: uc_risk_reading_train OUT.cpp CORPUS.jsonl...\n");
        return 2;
    }
    std::unordered_map<std::string, std::uint32_t> index;
    std::vector<std::string> names;
    std::vector<Example> examples;
    for (int a = 2; a < argc; ++a) {
        QFile file(QString::fromLocal8Bit(argv[a]));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "uc_risk_reading_train: cannot read %s\n", argv[a]);
            return 1;
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
                std::fprintf(stderr, "uc_risk_reading_train: %s line %d is not an excerpt\n", argv[a], line);
                return 1;
            }
            Example e;
            const QByteArray text = o.value(QStringLiteral("text")).toString().toUtf8();
            for (std::string &f : readingFeatures(std::string_view(text.constData(), static_cast<std::size_t>(text.size())))) {
                auto [it, added] = index.try_emplace(f, static_cast<std::uint32_t>(names.size()));
                if (added)
                    names.push_back(f);
                e.features.push_back(it->second);
            }
            for (const QJsonValue &r : o.value(QStringLiteral("risks")).toArray()) {
                const QJsonObject risk = r.toObject();
                if (risk.value(QStringLiteral("status")).toString() != QLatin1String("present"))
                    continue;
                for (std::size_t k = 0; k < readingRiskCount; ++k)
                    if (risk.value(QStringLiteral("id")).toString() == QLatin1String(readingRiskIds[k]))
                        e.present[k] = true;
            }
            examples.push_back(std::move(e));
        }
    }

    std::vector<std::array<double, readingRiskCount>> weights(names.size(), std::array<double, readingRiskCount>{});
    std::array<double, readingRiskCount> bias{};
    for (std::size_t k = 0; k < readingRiskCount; ++k) {
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
                double z = bias[k];
                for (const std::uint32_t f : e.features)
                    z += weights[f][k];
                const double gradient = logistic(z) - (e.present[k] ? 1.0 : 0.0);
                bias[k] -= rate * gradient;
                for (const std::uint32_t f : e.features)
                    weights[f][k] -= rate * (gradient + decay * weights[f][k]);
            }
        }
    }

    // Written sorted by feature, only features that move some risk's score.
    std::map<std::string, std::uint32_t> sorted;
    for (std::uint32_t f = 0; f < names.size(); ++f) {
        bool moves = false;
        for (const double w : weights[f])
            moves = moves || std::fabs(w) >= 1e-3;
        if (moves)
            sorted.emplace(names[f], f);
    }
    QByteArray out;
    out += "// Generated by uc_risk_reading_train from the development risk corpora: do not edit.\n"
           "#include \"themes/riskreading.h\"\n\nnamespace uc::themes::detail {\n\n";
    const auto number = [](double w) { return QByteArray::number(static_cast<float>(w), 'g', 7) + 'f'; };
    out += "const float readingBias[readingRiskCount] = {";
    for (std::size_t k = 0; k < readingRiskCount; ++k)
        out += (k ? ", " : "") + number(bias[k]);
    out += "};\n\nconst ReadingWeight readingWeights[] = {\n";
    for (const auto &[name, f] : sorted) {
        out += "    {\"" + QByteArray::fromStdString(name) + "\", {";
        for (std::size_t k = 0; k < readingRiskCount; ++k)
            out += (k ? ", " : "") + number(weights[f][k]);
        out += "}},\n";
    }
    out += "};\n\nconst std::size_t readingWeightCount = " + QByteArray::number(static_cast<qulonglong>(sorted.size()))
           + ";\n\n} // namespace uc::themes::detail\n";
    QSaveFile save(QString::fromLocal8Bit(argv[1]));
    if (!save.open(QIODevice::WriteOnly) || save.write(out) != out.size() || !save.commit()) {
        std::fprintf(stderr, "uc_risk_reading_train: cannot write %s\n", argv[1]);
        return 1;
    }
    std::printf("uc_risk_reading_train: %zu excerpts, %zu features kept\n", examples.size(), sorted.size());
    return 0;
}
