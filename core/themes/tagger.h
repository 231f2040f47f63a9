// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "themes/codebook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <string_view>

// The theme tagger: reads a session note and says which recurring themes it raises for the
// client, each with the words that show it, and which mentions it left out and why. This header is
// the door to core/themes.
namespace uc::themes {

// Why a mention does not count for the client (in the spirit of NegEx/ConText).
enum class Exclusion {
    Negated, // "denies cravings", "no alcohol use", "not worried"
    OtherPerson, // "her mother is anxious"
    Hypothetical, // "if she goes to the party she would probably drink", "worried he might relapse"
};
QString toString(Exclusion reason);

struct Evidence
{
    int start = 0; // code-point offsets into the input, end exclusive
    int end = 0;
    QString text;
    QString rule; // what fired: "phrase:abandon*", "other-person:father", "link:when"
};

struct ThemeResult
{
    QString id;
    QString label;
    QList<Evidence> evidence; // count == evidence.size()
};

struct ExcludedMention
{
    QString id;
    Exclusion reason = Exclusion::Negated;
    int start = 0;
    int end = 0;
    QString text;
};

struct TagResult
{
    QList<ThemeResult> themes; // codebook order
    QList<ExcludedMention> excluded; // text order
    [[nodiscard]] const ThemeResult *find(const QString &id) const;
    // {"themes":[{"id","label","count","evidence":[{"start","end","text","rule"}]}],"excluded":[…]}
    [[nodiscard]] QJsonObject toJson() const;
};

class Tagger
{
public:
    explicit Tagger(const Codebook &codebook = Codebook::builtin());
    ~Tagger();
    Tagger(Tagger &&) noexcept;
    Tagger &operator=(Tagger &&) noexcept;
    Tagger(const Tagger &) = delete;
    Tagger &operator=(const Tagger &) = delete;

    // Tags UTF-8 text. Invalid byte sequences and NUL bytes are read as separators (each invalid
    // byte counts as one code point), so any input gets an answer and spans stay inside it.
    // Thread-safe: one Tagger serves any number of threads.
    [[nodiscard]] TagResult tag(std::string_view utf8) const;
    [[nodiscard]] TagResult tag(const QString &text) const;

    [[nodiscard]] const Codebook &codebook() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace uc::themes
