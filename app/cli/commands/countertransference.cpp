// SPDX-License-Identifier: GPL-3.0-or-later
#include "countertransference.h"

#include "io.h"
#include "signin.h"
#include "values.h"

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
            entries.append(QJsonObject{{u"entry"_s, u"%1.%2"_s.arg(e.noteId).arg(e.number)},
                                       {u"note"_s, static_cast<double>(e.noteId)},
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
        print(u"%1\tentry %2\t%3\t%4\t%5"_s.arg(model::toIso(e.date))
                  .arg(u"%1.%2"_s.arg(e.noteId).arg(e.number))
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

namespace {

vault::CtEntryRef entryRef(const QString &text)
{
    const qsizetype dot = text.indexOf(u'.');
    bool noteOk = false;
    bool numberOk = false;
    const model::Id note = dot > 0 ? text.left(dot).toLongLong(&noteOk) : 0;
    const int number = dot > 0 ? text.mid(dot + 1).toInt(&numberOk) : 0;
    if (!noteOk || !numberOk || note < 1 || number < 1)
        throw Error(ErrorKind::Io, u"--entry"_s, u"must be an entry as countertransference list names it (NOTE.N)"_s);
    return {note, number};
}

QStringList labelsOf(const QStringList &codes)
{
    QStringList labels;
    for (const QString &code : codes)
        labels << model::CtCodebook::builtIn().labelOf(code);
    return labels;
}

} // namespace

int countertransferenceShare(const Invocation &line)
{
    QList<vault::CtEntryRef> refs;
    for (const QString &e : line.values("entry"))
        refs.append(entryRef(e));
    auto v = openVault(line);
    const QString client = line.value("client");
    const QString supervisor = line.value("supervisor");
    const QList<model::Id> ids = v->ctShares().share(client, refs, supervisor);
    if (line.json()) {
        QJsonArray shares;
        for (const model::Id id : ids)
            shares.append(static_cast<double>(id));
        printJson(QJsonObject{{u"client"_s, client}, {u"supervisor"_s, supervisor}, {u"shares"_s, shares}});
        return 0;
    }
    for (qsizetype i = 0; i < ids.size(); ++i)
        print(u"share %1: entry %2.%3 shared with %4"_s.arg(ids.at(i)).arg(refs.at(i).noteId).arg(refs.at(i).number).arg(supervisor));
    return 0;
}

int countertransferenceShares(const Invocation &line)
{
    auto v = openVault(line);
    const QString client = line.value("client");
    const QList<vault::CtShare> shares = v->ctShares().list(client);
    if (line.json()) {
        QJsonArray out;
        for (const vault::CtShare &s : shares)
            out.append(QJsonObject{{u"id"_s, static_cast<double>(s.id)},
                                   {u"note"_s, static_cast<double>(s.noteId)},
                                   {u"entry"_s, u"%1.%2"_s.arg(s.noteId).arg(s.number)},
                                   {u"date"_s, model::toIso(s.date)},
                                   {u"author"_s, s.author},
                                   {u"supervisor"_s, s.supervisor},
                                   {u"shared_at"_s, s.sharedAt},
                                   {u"withdrawn_at"_s, s.withdrawnAt.isEmpty() ? QJsonValue() : QJsonValue(s.withdrawnAt)},
                                   {u"codes"_s, QJsonArray::fromStringList(s.codes)},
                                   {u"text"_s, s.text}});
        printJson(QJsonObject{{u"client"_s, client}, {u"shares"_s, out}});
        return 0;
    }
    if (shares.isEmpty()) {
        print(u"no shared countertransference entries for this client"_s);
        return 0;
    }
    for (const vault::CtShare &s : shares) {
        const QStringList labels = labelsOf(s.codes);
        print(u"share %1\t%2\tentry %3.%4\t%5 to %6\t%7\t%8\t%9"_s.arg(s.id)
                  .arg(model::toIso(s.date))
                  .arg(s.noteId)
                  .arg(s.number)
                  .arg(s.author, s.supervisor,
                       s.withdrawnAt.isEmpty() ? u"shared "_s + s.sharedAt : u"withdrawn "_s + s.withdrawnAt,
                       labels.isEmpty() ? u"-"_s : labels.join(u", "_s), s.text));
    }
    return 0;
}

int countertransferenceWithdraw(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    openVault(line)->ctShares().withdraw(id);
    print(u"share %1 withdrawn"_s.arg(id));
    return 0;
}

} // namespace uc::cli
