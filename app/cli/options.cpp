// SPDX-License-Identifier: GPL-3.0-or-later
#include "options.h"

#include "common/error.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

QLatin1StringView latin1(std::string_view text)
{
    return QLatin1StringView(text.data(), static_cast<qsizetype>(text.size()));
}

const Option *findOption(std::span<const Option> options, const QString &name)
{
    for (const Option &o : options) {
        if (name == latin1(o.name))
            return &o;
    }
    return nullptr;
}

// One word of the line: an option with its value, or a word.
struct Token
{
    bool option = false;
    QString text = {}; // the word, or the option's name without dashes
    QString value = {};
    bool inlineValue = false; // "--name=value"
    bool missingValue = false; // takes a value and the line has none for it
};

// Whether the next word is an option's value. The tables agree on it for every name
// (registry.cpp checks), so the line can be read before its command is known.
bool takesValue(const QString &name, std::span<const Command *const> commands)
{
    if (const Option *o = findOption(globalOptions, name))
        return o->takesValue();
    for (const Command *c : commands) {
        if (const Option *o = findOption(c->options, name))
            return o->takesValue();
    }
    return false; // unknown: refused later, its neighbour left alone
}

// Options anywhere, as "--name value" or "--name=value"; "--" ends them. A value may not start
// with "--": "--note-file --json" lacks its value (write "--name=--odd" for such a value).
QList<Token> scan(const QStringList &raw, std::span<const Command *const> commands)
{
    QList<Token> tokens;
    bool optionsEnded = false;
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QString &a = raw.at(i);
        if (optionsEnded || !a.startsWith("--"_L1)) {
            tokens.append({.text = a});
            continue;
        }
        if (a.size() == 2) {
            optionsEnded = true;
            continue;
        }
        Token t{.option = true, .text = a.mid(2)};
        const qsizetype eq = t.text.indexOf(u'=');
        if (eq >= 0) {
            t.value = t.text.mid(eq + 1);
            t.text.truncate(eq);
            t.inlineValue = true;
        } else if (takesValue(t.text, commands)) {
            if (i + 1 < raw.size() && !raw.at(i + 1).startsWith("--"_L1))
                t.value = raw.at(++i);
            else
                t.missingValue = true;
        }
        tokens.append(t);
    }
    return tokens;
}

QStringList wordsOf(const QList<Token> &tokens)
{
    QStringList words;
    for (const Token &t : tokens) {
        if (!t.option)
            words.append(t.text);
    }
    return words;
}

QStringList split(std::string_view words)
{
    return toQString(words).split(u' ');
}

[[noreturn]] void noCommand(const QStringList &words, std::span<const Command *const> commands)
{
    const QString first = words.value(0);
    QStringList subcommands;
    for (const Command *c : commands) {
        const QStringList own = split(c->words);
        if (own.size() > 1 && own.first() == first && !subcommands.contains(own.at(1)))
            subcommands.append(own.at(1)); // "note theme confirm|reject|add": theme once
    }
    if (subcommands.isEmpty())
        throw Error(ErrorKind::Usage, first.isEmpty() ? u"command"_s : first, u"unknown command (see --help)"_s);
    const QString last = subcommands.takeLast();
    const QString expected = subcommands.size() == 1
        ? u"'%1' or '%2'"_s.arg(subcommands.first(), last)
        : subcommands.join(", "_L1) + u" or "_s + last;
    throw Error(ErrorKind::Usage, first, u"expects "_s + expected);
}

QString listed(const QStringList &items)
{
    return items.join(", "_L1);
}

} // namespace

const Command *findCommand(const QStringList &words, std::span<const Command *const> commands)
{
    const Command *best = nullptr;
    qsizetype bestSize = 0;
    for (const Command *c : commands) {
        const QStringList own = split(c->words);
        if (own.size() > bestSize && own.size() <= words.size() && words.mid(0, own.size()) == own) {
            best = c;
            bestSize = own.size();
        }
    }
    return best;
}

bool Invocation::has(std::string_view name) const
{
    for (const Given &g : m_options) {
        if (g.name == latin1(name))
            return true;
    }
    return false;
}

QString Invocation::value(std::string_view name) const
{
    const QStringList all = values(name);
    return all.isEmpty() ? QString() : all.first();
}

QStringList Invocation::values(std::string_view name) const
{
    QStringList all;
    for (const Given &g : m_options) {
        if (g.name == latin1(name))
            all.append(g.value);
    }
    return all;
}

QString Invocation::second(std::string_view name) const
{
    return values(name).value(1);
}

const Command *peek(const QStringList &raw, std::span<const Command *const> commands, QString *outValue)
{
    const QList<Token> tokens = scan(raw, commands);
    if (outValue) {
        for (const Token &t : tokens) {
            if (t.option && t.text == "out"_L1) {
                *outValue = t.value;
                break;
            }
        }
    }
    return findCommand(wordsOf(tokens), commands);
}

Invocation parse(const QStringList &raw, std::span<const Command *const> commands)
{
    const QList<Token> tokens = scan(raw, commands);
    const QStringList words = wordsOf(tokens);
    const Command *command = findCommand(words, commands);
    if (!command)
        noCommand(words, commands);
    const QString what = toQString(command->words);
    const auto refuse = [&](const QString &why) { throw Error(ErrorKind::Usage, what, why); };

    Invocation line;
    line.m_command = command;
    line.m_arguments = words.mid(split(command->words).size());

    QStringList unknown;
    QStringList malformed;
    QHash<QString, int> seen;
    for (const Token &t : tokens) {
        if (!t.option)
            continue;
        const Option *own = findOption(command->options, t.text);
        const Option *global = findOption(globalOptions, t.text);
        if (!own && !global) {
            unknown.append(u"--"_s + t.text);
            continue;
        }
        const int earlier = seen[t.text]++;
        const bool twoMeanings = own && own->scope == Option::Scope::AfterGlobal;
        const Option *spec = own && !(twoMeanings && earlier == 0) ? own : global;
        const QString name = u"--"_s + t.text;
        if (!spec->repeatable && earlier == (twoMeanings ? 2 : 1))
            malformed.append(name + (twoMeanings ? u" is given more than twice"_s : u" is given more than once"_s));
        if (spec->repeatable && earlier > 0 && line.values(t.text.toStdString()).contains(t.value))
            malformed.append(name + u" is given twice with the same value"_s);
        if (t.inlineValue && spec->value.empty())
            malformed.append(name + u" takes no value"_s);
        if (t.missingValue)
            malformed.append(name + u" needs a value"_s);
        line.m_options.append({t.text, t.value});
    }
    const QString help = u" (see %1 --help)"_s.arg(what);
    if (!unknown.isEmpty())
        refuse((unknown.size() == 1 ? u"unknown option "_s : u"unknown options "_s) + listed(unknown) + help);
    if (!malformed.isEmpty())
        refuse(malformed.join("; "_L1));

    qsizetype least = 0;
    qsizetype most = 0;
    for (const Positional &p : command->positionals) {
        least += p.count == Positional::Count::Optional ? 0 : 1;
        most += p.count == Positional::Count::OneOrMore ? raw.size() : 1;
    }
    const QStringList &arguments = line.m_arguments;
    if (arguments.size() > most) {
        QStringList extra;
        for (const QString &a : arguments.mid(most))
            extra.append(u"'"_s + a + u"'"_s);
        refuse((extra.size() == 1 ? u"unexpected argument "_s : u"unexpected arguments "_s) + listed(extra) + help);
    }
    if (arguments.size() < least) {
        const Positional &missing = command->positionals[static_cast<std::size_t>(arguments.size())];
        refuse(u"needs "_s + toQString(missing.help));
    }

    for (const Option &o : command->options) {
        if (o.required && !line.has(o.name))
            refuse(u"--%1 is required"_s.arg(toQString(o.name)));
    }
    if (command->needs != Command::Needs::Nothing && !line.has("user"))
        refuse(u"--user is required"_s);
    return line;
}

QStringList helpWords(const QStringList &raw, std::span<const Command *const> commands, bool *asked)
{
    QStringList before;
    *asked = false;
    for (const QString &a : raw) {
        if (a == "--help"_L1 || a == "-h"_L1) {
            *asked = true;
            continue;
        }
        before.append(a);
    }
    return *asked ? wordsOf(scan(before, commands)) : QStringList();
}

} // namespace uc::cli
