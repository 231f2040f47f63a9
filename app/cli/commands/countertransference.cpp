// SPDX-License-Identifier: GPL-3.0-or-later
#include "countertransference.h"

#include "io.h"
#include "signin.h"

#include <QJsonArray>
#include <QJsonObject>

#include <map>

using namespace Qt::StringLiterals;

namespace uc::cli {

int countertransferenceList(const Invocation &line)
{
    auto v = openVault(line);
    const QString client = line.value("client");
    const QList<vault::CtLogEntry> log = v->countertransference().log(client);
    const model::CtCodebook &book = model::CtCodebook::builtIn();
    std::map<QString, int> counts;
    QJsonArray entries;
    for (const vault::CtLogEntry &e : log) {
        for (const QString &code : e.entry.codes)
            ++counts[code];
        if (line.json()) {
            QJsonArray cues;
            for (const model::CtCue &c : e.entry.cues)
                cues.append(QJsonObject{{u"code"_s, c.code},
                                        {u"words"_s, e.entry.text.mid(c.start, c.end - c.start)},
                                        {u"negated"_s, c.negated}});
            entries.append(QJsonObject{{u"note"_s, static_cast<double>(e.noteId)},
                                       {u"session"_s, static_cast<double>(e.sessionId)},
                                       {u"date"_s, model::toIso(e.date)},
                                       {u"status"_s, model::toString(e.status)},
                                       {u"text"_s, e.entry.text},
                                       {u"codes"_s, QJsonArray::fromStringList(e.entry.codes)},
                                       {u"cues"_s, cues}});
            continue;
        }
        QStringList labels;
        for (const QString &code : e.entry.codes)
            labels << book.labelOf(code);
        print(u"%1\tnote %2\t%3\t%4\t%5"_s.arg(model::toIso(e.date))
                  .arg(e.noteId)
                  .arg(model::toString(e.status), labels.isEmpty() ? u"-"_s : labels.join(u", "_s), e.entry.text));
    }
    if (line.json()) {
        QJsonObject byCode;
        for (const auto &[code, n] : counts)
            byCode.insert(code, n);
        printJson(QJsonObject{{u"client"_s, client}, {u"entries"_s, entries}, {u"counts"_s, byCode}});
        return 0;
    }
    if (log.isEmpty()) {
        print(u"no countertransference entries in your process notes for this client"_s);
        return 0;
    }
    QStringList summary;
    for (const model::CtCode &c : book.codes)
        if (counts.contains(c.id))
            summary << u"%1 %2"_s.arg(c.label).arg(counts[c.id]);
    print(u"%1 %2%3"_s.arg(log.size()).arg(log.size() == 1 ? u"entry"_s : u"entries"_s).arg(summary.isEmpty() ? QString() : u": "_s + summary.join(u", "_s)));
    return 0;
}

} // namespace uc::cli
