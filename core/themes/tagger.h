// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "themes/codebook.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
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

// Whose words a passage is. In a clinical note (third person) "I", "me" and "my" are the
// clinician and a quoted passage is the client's voice; in the client's own words (first person)
// "I" is the client and "he", "she" and "they" are other people. Auto decides per passage.
enum class Register { Auto, Clinical, Client };
QString toString(Register reg);
// "auto", "clinical" or "client"; nullopt for anything else.
std::optional<Register> registerFrom(const QString &name);

struct Evidence
{
    int start = 0; // code-point offsets into the input, end exclusive
    int end = 0;
    QString text;
    QString rule; // what fired: "phrase:abandon*", "frame:kin+conflict", "other-person:substance-use", "link:…"
    // For substance use, craving and relapse (and use linked to a driver): alcohol, opioids,
    // stimulants, cannabis, sedatives, nicotine or other. Empty for other themes.
    QString substance;
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
    // {"themes":[{"id","label","count","evidence":[{"start","end","text","rule"[,"substance"]}]}],"excluded":[…]}
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
    [[nodiscard]] TagResult tag(std::string_view utf8, Register reg = Register::Auto) const;
    [[nodiscard]] TagResult tag(const QString &text, Register reg = Register::Auto) const;

    [[nodiscard]] const Codebook &codebook() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace uc::themes
