// SPDX-License-Identifier: GPL-3.0-or-later
#include "help.h"

#include "registry.h"

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

constexpr qsizetype synopsisWidth = 98;
constexpr qsizetype briefWidth = 110;
constexpr qsizetype textWidth = 100;
constexpr qsizetype briefColumn = 36; // a note beside a synopsis
constexpr qsizetype helpColumn = 26; // an option's help in a command's --help

constexpr auto usageLine = "usage: undercurrent-cli [--vault DIR] [--user NAME] [--passphrase-file FILE] [--json] COMMAND ...";

constexpr auto footer = R"(Other:
  --version, --help
  COMMAND --help                    one command's options and arguments

The passphrase is read from the first line of --passphrase-file, or asked for without echo on a
terminal; never from the command line. The vault folder is --vault, else $UNDERCURRENT_VAULT,
else the per-user data folder. Options stand anywhere on the line, as --opt value or --opt=value;
a command refuses an option or an argument it does not take, and then changes nothing.

Exit codes: 0 ok, 1 usage, 2 bad input or I/O, 3 authentication, 4 damaged or not a vault,
5 not allowed for this role, 6 conflict (signed note, locked vault).
)";

QString atomOf(const Option &o)
{
    return u"--"_s + toQString(o.name) + (o.value.empty() ? QString() : u" "_s + toQString(o.value));
}

// The synopsis after the command's words, in pieces never split over two lines.
QStringList synopsisOf(const Command &c)
{
    QStringList pieces;
    for (const Positional &p : c.positionals)
        pieces.append(p.count == Positional::Count::Optional ? u"["_s + toQString(p.name) + u"]"_s : toQString(p.name));
    for (const Option &o : c.options) {
        const QString atom = atomOf(o);
        QString shown = o.required ? atom : u"["_s + atom + u"]"_s;
        if (o.repeatable)
            shown += u" ["_s + atom + u" ...]"_s;
        pieces.append(shown);
    }
    return pieces;
}

// Pieces filled after start into lines no wider than wide; further lines start at indent.
QStringList fill(const QString &start, const QStringList &pieces, qsizetype indent, qsizetype wide)
{
    QStringList lines{start};
    bool fresh = start.isEmpty() || start.endsWith(u' ');
    for (const QString &piece : pieces) {
        if (!fresh && lines.last().size() + 1 + piece.size() > wide) {
            lines.append(QString(indent, u' '));
            fresh = true;
        }
        lines.last() += (fresh ? QString() : u" "_s) + piece;
        fresh = false;
    }
    return lines;
}

QStringList wordsOf(std::string_view text)
{
    return toQString(text).split(u' ');
}

// "<prefix>words synopsis   brief": the brief beside the synopsis when it fits, else under it.
QStringList entry(const QString &prefix, const Command &c, const QStringList &synopsis, std::string_view brief)
{
    const QString start = prefix + toQString(c.words);
    QStringList lines = fill(start, synopsis, start.size() + 1, synopsisWidth);
    if (brief.empty())
        return lines;
    const qsizetype column = std::max(briefColumn, lines.last().size() + 3);
    if (column + static_cast<qsizetype>(brief.size()) <= briefWidth)
        lines.last() = lines.last().leftJustified(column) + toQString(brief);
    else
        lines += fill(QString(briefColumn, u' '), wordsOf(brief), briefColumn, briefWidth);
    return lines;
}

// The command's usage lines: one, or one per form.
QStringList entries(const QString &prefix, const Command &c)
{
    if (c.forms.empty())
        return entry(prefix, c, synopsisOf(c), c.brief);
    QStringList lines;
    for (const Form &f : c.forms)
        lines += entry(prefix, c, wordsOf(f.synopsis), f.brief);
    return lines;
}

QString needsNote(const Command &c)
{
    switch (c.needs) {
    case Command::Needs::SignIn:
        return u"Signs in as --user NAME with the passphrase (--passphrase-file FILE, else asked for)."_s;
    case Command::Needs::User:
        return u"Needs --user NAME."_s;
    case Command::Needs::Nothing:
        break;
    }
    return {};
}

QString commandHelp(const Command &c)
{
    QStringList out;
    if (c.forms.empty()) {
        out = entry(u"usage: undercurrent-cli "_s, c, synopsisOf(c), {});
    } else {
        for (const Form &f : c.forms)
            out += entry(out.isEmpty() ? u"usage: undercurrent-cli "_s : u"       undercurrent-cli "_s, c, wordsOf(f.synopsis), {});
    }
    out.append(QString());
    out += fill(QString(), wordsOf(c.help), 0, textWidth);
    out.append(QString());
    const auto row = [&](const QString &left, const QString &help) {
        const QString start = u"  "_s + left;
        if (start.size() + 1 < helpColumn)
            out += fill(start.leftJustified(helpColumn), help.split(u' '), helpColumn, textWidth);
        else
            out += QStringList{start} + fill(QString(helpColumn, u' '), help.split(u' '), helpColumn, textWidth);
    };
    for (const Positional &p : c.positionals)
        row(toQString(p.name), toQString(p.help));
    for (const Option &o : c.options) {
        QStringList notes;
        if (o.required)
            notes.append(u"required"_s);
        if (o.repeatable)
            notes.append(u"may be given again"_s);
        const QString help = toQString(o.help) + (notes.isEmpty() ? QString() : u" ("_s + notes.join(u"; "_s) + u')');
        row(o.valueAfterEquals ? u"--%1[=%2]"_s.arg(toQString(o.name), toQString(o.value)) : atomOf(o), help);
    }
    if (!c.positionals.empty() || !c.options.empty())
        out.append(QString());
    if (const QString note = needsNote(c); !note.isEmpty())
        out.append(note);
    QStringList globals;
    for (const Option &o : globalOptions)
        globals.append(atomOf(o));
    out.append(u"Global options, anywhere on the line: "_s + globals.join(u", "_s) + u'.');
    return out.join(u'\n') + u'\n';
}

} // namespace

QString globalHelp()
{
    QStringList out{QString::fromLatin1(usageLine), QString()};
    for (const Section &s : sections()) {
        out.append(toQString(s.title) + u':');
        for (const Command *c : s.commands)
            out += entries(u"  "_s, *c);
    }
    return out.join(u'\n') + u'\n' + QString::fromLatin1(footer);
}

QString helpFor(const QStringList &words)
{
    if (const Command *c = findCommand(words, commands()))
        return commandHelp(*c);
    QStringList group;
    for (const Command *c : commands()) {
        if (!words.isEmpty() && toQString(c->words).startsWith(words.first() + u' '))
            group += entries(u"  "_s, *c);
    }
    if (group.isEmpty())
        return globalHelp();
    return u"usage: undercurrent-cli %1 COMMAND ...\n\n"_s.arg(words.first()) + group.join(u'\n')
        + u"\n\nundercurrent-cli %1 COMMAND --help: one command's options and arguments.\n"_s.arg(words.first());
}

} // namespace uc::cli
