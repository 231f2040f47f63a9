// SPDX-License-Identifier: GPL-3.0-or-later
#include "tag.h"

#include "io.h"

#include "common/error.h"
#include "themes/tagger.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace uc::cli {

int tag(const Invocation &line)
{
    themes::Codebook book = themes::Codebook::builtin();
    if (line.has("codebook")) {
        QFile f(line.value("codebook"));
        if (!f.open(QIODevice::ReadOnly))
            throw Error(ErrorKind::Io, u"--codebook"_s, u"the file cannot be read"_s);
        book = themes::Codebook::parse(f.readAll());
    }
    const std::optional<themes::Register> reg = themes::registerFrom(line.has("register") ? line.value("register") : u"auto"_s);
    if (!reg)
        throw Error(ErrorKind::Usage, u"--register"_s, u"is clinical, client or auto"_s);
    const themes::Tagger tagger(book);
    const QByteArray input = readStdin(line.what());
    if (!line.has("jsonl")) {
        printJson(tagger.tag(std::string_view(input.constData(), static_cast<std::size_t>(input.size())), *reg).toJson());
        return 0;
    }
    // Every line is checked before anything is printed: a bad line changes nothing downstream.
    QList<QJsonObject> requests;
    int lineNo = 0;
    for (const QByteArray &text : input.split('\n')) {
        ++lineNo;
        if (text.trimmed().isEmpty())
            continue;
        QJsonParseError error{};
        const QJsonObject o = QJsonDocument::fromJson(text, &error).object();
        if (error.error != QJsonParseError::NoError || !o.value("text"_L1).isString())
            throw Error(ErrorKind::Io, line.what(), u"line %1: expected {\"id\":…,\"text\":\"…\"}"_s.arg(lineNo));
        if (o.contains("register"_L1) && !themes::registerFrom(o.value("register"_L1).toString()))
            throw Error(ErrorKind::Io, line.what(), u"line %1: \"register\" is \"clinical\", \"client\" or \"auto\""_s.arg(lineNo));
        requests.append(o);
    }
    for (const QJsonObject &o : std::as_const(requests)) {
        // A line may say whose words it is; otherwise --register (auto by default).
        const themes::Register lineRegister
            = o.contains("register"_L1) ? *themes::registerFrom(o.value("register"_L1).toString()) : *reg;
        const QJsonObject result = tagger.tag(o.value("text"_L1).toString(), lineRegister).toJson();
        const QByteArray bytes = QJsonDocument(QJsonObject{{u"id"_s, o.value("id"_L1)},
                                                          {u"themes"_s, result.value("themes"_L1)},
                                                          {u"excluded"_s, result.value("excluded"_L1)},
                                                          {u"risks"_s, result.value("risks"_L1)}})
                                     .toJson(QJsonDocument::Compact);
        std::fwrite(bytes.constData(), 1, static_cast<std::size_t>(bytes.size()), stdout);
        std::fputs("\n", stdout);
    }
    return 0;
}

} // namespace uc::cli
