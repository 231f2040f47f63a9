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
    // Risk mentions only (docs/risk.md):
    Figurative, // "killing time", "cut from the team", "overdosed on chocolate"
    Superseded, // a denial of a risk the same text says is present ("denies SI … better off dead")
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
    bool risk = false; // a risk mention (its id is a risk's, never a theme's)
};

// A risk flag: suicide, self-harm, harm to others, overdose, abuse (the codebook's "risks").
enum class RiskStatus {
    Present, // said, conditional, passive, past or planned: "if he leaves she will kill herself"
    Denied, // a documented negative screen: "denies SI/HI", "C-SSRS negative"
};
QString toString(RiskStatus status);

struct RiskResult
{
    QString id; // "suicide"
    RiskStatus status = RiskStatus::Present;
    // Present: what says so; denied: the negative screen. Same shape as a theme's evidence; rule
    // "phrase:…", "field:…", "screen:…", "act:…", "mixing:…", "after:…".
    QList<Evidence> evidence;
    // Present: the kind of the most severe evidence (the phrase group: "plan", "passive-wish",
    // "attempt" …; or "act", "field", "screen", "mixing", "tolerance"); denied: "negative-screen".
    QString rule;
};

struct TagResult
{
    QList<ThemeResult> themes; // codebook order
    QList<ExcludedMention> excluded; // text order; theme and risk mentions
    QList<RiskResult> risks; // codebook order, one per risk with a status
    [[nodiscard]] const ThemeResult *find(const QString &id) const;
    [[nodiscard]] const RiskResult *findRisk(const QString &id) const;
    // {"themes":[{"id","label","count","evidence":[{"start","end","text","rule"[,"substance"]}]}],
    //  "excluded":[{"id","reason","start","end","text"[,"risk":true]}],
    //  "risks":[{"id","status","evidence":[…],"rule"}]}
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
