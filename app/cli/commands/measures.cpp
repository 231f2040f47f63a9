// SPDX-License-Identifier: GPL-3.0-or-later
#include "measures.h"

#include "io.h"
#include "signin.h"
#include "values.h"

#include "model/measurerisk.h"
#include "model/measures.h"
#include "model/reliablechange.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace uc::cli {

int measureAdd(const Invocation &line)
{
    const model::Date date = *dateOption(line, "date");
    const QString instrument = line.value("instrument");
    const QList<int> answers = model::parseAnswers(instrument, line.value("answers"));
    const model::Score scored = model::score(instrument, answers); // refused before unlocking
    auto v = openVault(line);
    const model::Id id = v->measures().add(line.value("client"), date, instrument, answers,
                                           line.has("force") ? vault::Measures::SameDay::Allow
                                                             : vault::Measures::SameDay::Refuse);
    const std::optional<model::MeasureRisk> risk = model::riskOf(instrument, answers);
    if (line.json()) {
        QJsonValue riskJson(QJsonValue::Null);
        if (risk) {
            QJsonObject o{{u"id"_s, risk->id}, {u"evidence"_s, risk->evidence}};
            if (!risk->level.isEmpty())
                o.insert(u"level"_s, risk->level);
            riskJson = o;
        }
        printJson(QJsonObject{{u"id"_s, static_cast<double>(id)},
                              {u"instrument"_s, instrument},
                              {u"date"_s, model::toIso(date)},
                              {u"total"_s, scored.total},
                              {u"band"_s, scored.band},
                              {u"risk"_s, riskJson}});
    } else {
        const model::Instrument *info = model::findInstrument(instrument);
        print(u"%1 on %2: total %3, %4"_s.arg(info->name, model::toIso(date)).arg(scored.total).arg(model::bandLabel(scored.band)));
        if (risk)
            print(model::riskLine(*risk));
    }
    return 0;
}

int measureList(const Invocation &line)
{
    const QString code = line.value("client");
    auto v = openVault(line);
    if (!v->clients().find(code))
        throw Error(ErrorKind::Usage, line.what(), u"no client with that code"_s);
    const QList<model::Measure> measures = v->measures().forClient(code);
    // Each instrument's first and latest filling: the latest carries the change since the first.
    QHash<QString, qsizetype> first;
    QHash<QString, qsizetype> latest;
    for (qsizetype i = 0; i < measures.size(); ++i) {
        first.insert(measures[i].instrument, first.value(measures[i].instrument, i));
        latest.insert(measures[i].instrument, i);
    }
    QJsonArray list;
    for (qsizetype i = 0; i < measures.size(); ++i) {
        const model::Measure &m = measures[i];
        if (line.json()) {
            QJsonArray answers;
            for (int a : m.answers)
                answers.append(a);
            QJsonObject entry{{u"id"_s, static_cast<double>(m.id)},
                              {u"date"_s, model::toIso(m.date)},
                              {u"instrument"_s, m.instrument},
                              {u"answers"_s, answers},
                              {u"total"_s, m.total},
                              {u"band"_s, m.band}};
            const qsizetype from = first.value(m.instrument);
            if (latest.value(m.instrument) == i && from != i) {
                model::ReliableChange change = model::reliableChange(m.instrument, measures[from].total, m.total);
                change.fromDate = measures[from].date;
                change.toDate = m.date;
                entry.insert(u"reliable_change"_s, model::toJson(change));
                if (m.instrument == u"phq9" || m.instrument == u"gad7")
                    entry.insert(u"items_moved"_s, model::toJson(model::itemMoves(measures[from], m)));
            }
            list.append(entry);
        } else {
            const model::Instrument *info = model::findInstrument(m.instrument);
            print(u"%1  %2  %3  %4  %5"_s.arg(QString::number(m.id).rightJustified(4), model::toIso(m.date),
                                               (info ? info->name : m.instrument).leftJustified(7))
                      .arg(m.total, 2)
                      .arg(model::bandLabel(m.band)));
        }
    }
    if (line.json()) {
        printJson(list);
        return 0;
    }
    for (const model::Instrument &instrument : model::instruments()) {
        if (const auto change = model::reliableChange(instrument.id, measures)) {
            print(u"%1 since %2: %3"_s.arg(instrument.name, model::toIso(change->fromDate),
                                            model::describe(instrument.id, *change)));
        }
    }
    return 0;
}

int measureEdit(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    const auto date = dateOption(line, "date");
    auto v = openVault(line);
    const model::Measure was = v->measures().find(id);
    const QList<int> answers = model::parseAnswers(was.instrument, line.value("answers"));
    v->measures().edit(id, answers, date);
    const model::Measure now = v->measures().find(id);
    if (line.json()) {
        printJson(QJsonObject{{u"id"_s, static_cast<double>(id)},
                              {u"instrument"_s, now.instrument},
                              {u"date"_s, model::toIso(now.date)},
                              {u"total"_s, now.total},
                              {u"band"_s, now.band}});
    } else {
        const model::Instrument *info = model::findInstrument(now.instrument);
        print(u"%1 on %2 corrected: total %3, %4 (was %5)"_s.arg(info ? info->name : now.instrument, model::toIso(now.date))
                  .arg(now.total)
                  .arg(model::bandLabel(now.band))
                  .arg(was.total));
    }
    return 0;
}

int measureDelete(const Invocation &line)
{
    const model::Id id = idArgument(line, 0);
    openVault(line)->measures().remove(id);
    return 0;
}

} // namespace uc::cli
