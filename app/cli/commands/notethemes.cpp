// SPDX-License-Identifier: GPL-3.0-or-later
#include "notethemes.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

namespace {

int decide(const Invocation &line, model::TagDecision decision)
{
    const model::Id tag = idArgument(line, 0);
    auto v = openVault(line);
    v->tagging().decide(tag, decision);
    return 0;
}

} // namespace

int noteThemeConfirm(const Invocation &line)
{
    return decide(line, model::TagDecision::Confirmed);
}

int noteThemeReject(const Invocation &line)
{
    return decide(line, model::TagDecision::Rejected);
}

int noteThemeAdd(const Invocation &line)
{
    const model::Id note = idArgument(line, 0);
    const QString words = line.value("words");
    if (words.trimmed().isEmpty())
        throw Error(ErrorKind::Io, line.what(), u"--words: give the note's words that show the theme"_s);
    auto v = openVault(line);
    const QString text = v->notes().read(note).text();
    const qsizetype at = text.indexOf(words);
    if (at < 0)
        throw Error(ErrorKind::Io, line.what(), u"--words: those words are not in the note"_s);
    // The vault counts code points, as the tagger does.
    const int start = static_cast<int>(QStringView(text).left(at).toUcs4().size());
    const int end = start + static_cast<int>(words.toUcs4().size());
    const model::Id tag = v->tagging().tagSpan(note, line.value("theme"), start, end);
    if (line.json())
        printJson(QJsonObject{{u"tag"_s, static_cast<double>(tag)}});
    else
        print(u"tag %1"_s.arg(tag));
    return 0;
}

} // namespace uc::cli
