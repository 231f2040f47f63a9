// SPDX-License-Identifier: GPL-3.0-or-later
// The option table every command declares, and the one parser that serves them all.
//
// A table of our own rather than a QCommandLineParser per command: the line mixes global options
// with a command's own anywhere (before or after the command's words), a second --user means
// "whose entries" to `audit list`, and `import --json FILE` reuses the global --json flag.
// QCommandLineParser reads one option set per line and has no place for any of that, and its
// tables are built at run time; these are constexpr, so registry.cpp has the compiler check them
// against each other (one meaning per option name, synopses that name declared options only).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <span>
#include <string_view>

namespace uc::cli {

class Invocation;

// An option: "--name value", "--name=value", or "--name" for a flag.
struct Option
{
    enum class Scope : unsigned char {
        Own, // the command's own option
        Global, // a global option with a part in this command (init's --user): its help and need here
        AfterGlobal, // a global option's name given again: the first on the line is the global one
    };
    std::string_view name; // without the dashes
    std::string_view value = {}; // what the value is called in help; empty for a flag
    bool required = false;
    bool repeatable = false; // every value counts, in the order given
    bool valueAfterEquals = false; // a flag that may carry a value as "--name=value"
    Scope scope = Scope::Own;
    std::string_view help = {};

    [[nodiscard]] constexpr bool takesValue() const { return !value.empty() && !valueAfterEquals; }
};

// A word after the command's own words.
struct Positional
{
    enum class Count : unsigned char { One, Optional, OneOrMore };
    std::string_view name; // as help shows it: ID, CHECK, QUERY
    std::string_view help;
    Count count = Count::One;
};

// One usage line of a command that has several forms (import --csv | --folder | --json).
struct Form
{
    std::string_view synopsis; // after the command's words
    std::string_view brief = {};
};

struct Command
{
    // PDFs need fonts, so these commands run on a QGuiApplication.
    enum class Fonts : unsigned char { None, Always, WhenOutIsPdf };
    enum class Needs : unsigned char {
        Nothing, // no vault, or one named by the command's own options (init, demo, tag)
        User, // --user, and no passphrase (recover: the recovery key opens the vault)
        SignIn, // --user and the passphrase
    };
    std::string_view words; // "note sign"
    std::span<const Positional> positionals = {};
    std::span<const Option> options = {};
    int (*run)(const Invocation &) = nullptr;
    std::string_view help = {}; // what it does, for its own --help
    std::string_view brief = {}; // the note beside it in the global --help
    std::span<const Form> forms = {}; // usage lines written out, when one synopsis cannot say it
    Needs needs = Needs::SignIn;
    Fonts fonts = Fonts::None;
};

// Accepted by every command, anywhere on the line.
inline constexpr Option globalOptions[] = {
    {.name = "vault", .value = "DIR", .help = "the vault folder; else $UNDERCURRENT_VAULT, else the per-user data folder"},
    {.name = "user", .value = "NAME", .help = "the user who signs in"},
    {.name = "passphrase-file",
     .value = "FILE",
     .help = "the passphrase is the first line of FILE; without it, it is asked for without echo"},
    {.name = "json", .help = "machine-readable output: one line of JSON"},
};

[[nodiscard]] constexpr const Option *findOption(std::span<const Option> options, std::string_view name)
{
    for (const Option &o : options) {
        if (o.name == name)
            return &o;
    }
    return nullptr;
}

[[nodiscard]] inline QString toQString(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

// A line checked against its command's table: every option known and well formed, every
// required one given, no word too many.
class Invocation
{
public:
    [[nodiscard]] const Command &command() const { return *m_command; }
    [[nodiscard]] QString what() const { return toQString(m_command->words); }
    [[nodiscard]] bool has(std::string_view name) const;
    // The first value given, or an empty string.
    [[nodiscard]] QString value(std::string_view name) const;
    // Every value given, in order.
    [[nodiscard]] QStringList values(std::string_view name) const;
    // The second value of a name the line gives twice (`audit list --user U` after the signing-in --user).
    [[nodiscard]] QString second(std::string_view name) const;
    [[nodiscard]] const QStringList &arguments() const { return m_arguments; }
    [[nodiscard]] bool json() const { return has("json"); }

private:
    friend Invocation parse(const QStringList &, std::span<const Command *const>);
    struct Given
    {
        QString name;
        QString value;
    };
    const Command *m_command = nullptr;
    QList<Given> m_options;
    QStringList m_arguments;
};

// The command whose words begin these words (the longest match), or nullptr.
[[nodiscard]] const Command *findCommand(const QStringList &words, std::span<const Command *const> commands);
// The command the line's words name, reading options as the tables declare them; nullptr when
// the words name none. outValue, when given, receives the first --out value.
[[nodiscard]] const Command *peek(const QStringList &raw, std::span<const Command *const> commands,
                                  QString *outValue = nullptr);
// The whole check; Error(Usage), one line naming what is wrong, before anything runs.
[[nodiscard]] Invocation parse(const QStringList &raw, std::span<const Command *const> commands);
// What --help or -h asks about: the command words before them, or none.
[[nodiscard]] QStringList helpWords(const QStringList &raw, std::span<const Command *const> commands,
                                    bool *asked);

} // namespace uc::cli
