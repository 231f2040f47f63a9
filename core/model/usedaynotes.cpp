// SPDX-License-Identifier: GPL-3.0-or-later
#include "model/usedaynotes.h"

#include "model/substances.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <tuple>

using namespace Qt::StringLiterals;

namespace uc::model {

QString anySubstance()
{
    return u"any"_s;
}

QString noteSource()
{
    return u"note"_s;
}

const QList<QString> &useDayRows()
{
    static const QList<QString> rows = [] {
        QList<QString> all = substanceClasses();
        all.append(anySubstance());
        return all;
    }();
    return rows;
}

std::optional<QString> statedSubstance(const QString &text)
{
    static const QRegularExpression line(u"^\\s*substance\\s*:\\s*([A-Za-z]+)\\s*\\.?\\s*$"_s,
                                         QRegularExpression::CaseInsensitiveOption
                                             | QRegularExpression::MultilineOption);
    std::optional<QString> found;
    bool conflict = false;
    for (auto it = line.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured(1).toLower();
        if (!substanceClasses().contains(word))
            continue;
        if (found && *found != word)
            conflict = true;
        found = word;
    }
    return conflict ? std::nullopt : found;
}

std::optional<QString> statedSubstance(const QList<Section> &sections)
{
    QString own;
    for (const Section &s : sections) {
        if (!s.shared)
            own += s.text + u'\n';
    }
    return statedSubstance(own);
}

namespace {

// What the claims say of one row and day: the claims that it was used, those that it was abstinent,
// each in claim order (the latest last).
struct Said
{
    QList<const AbstinenceClaim *> used;
    QList<const AbstinenceClaim *> abstinent;
};

QString keyOf(const QString &substance, const Date &day)
{
    return substance + u'|' + toIso(day);
}

QList<Id> notesOf(const QList<const AbstinenceClaim *> &claims)
{
    QList<Id> out;
    for (const AbstinenceClaim *c : claims) {
        if (!out.contains(c->note))
            out.append(c->note);
    }
    return out;
}

void addContradictions(UseDay &day, const QList<Id> &notes)
{
    for (Id note : notes) {
        if (!day.contradicts.contains(note))
            day.contradicts.append(note);
    }
}

UseDay impliedDay(const QString &clientCode, const QString &substance, const Date &date, bool used,
                  const AbstinenceClaim &from)
{
    UseDay d;
    d.clientCode = clientCode;
    d.substance = substance;
    d.date = date;
    d.used = used;
    d.source = noteSource();
    d.recordedBy = from.author;
    d.note = from.note;
    d.addendum = from.addendum;
    d.noteDate = from.date;
    return d;
}

} // namespace

QList<UseDay> withImpliedDays(const QString &clientCode, const QList<UseDay> &recorded, const QList<AbstinenceClaim> &given, const Date &today)
{
    QList<const AbstinenceClaim *> claims;
    for (const AbstinenceClaim &c : given) {
        if (!c.date.is_special() && c.days >= 0 && useDayRows().contains(c.substance))
            claims.append(&c);
    }
    // Oldest note first, so that "the latest note" is the last that said it.
    std::stable_sort(claims.begin(), claims.end(), [](const AbstinenceClaim *a, const AbstinenceClaim *b) {
        return std::tie(a->date, a->note, a->addendum) < std::tie(b->date, b->note, b->addendum);
    });
    QHash<QString, Said> said;
    QList<QString> order; // the keys in the order first said, for a stable result
    const auto say = [&](const AbstinenceClaim *c, const Date &day, bool used) {
        if (day > today)
            return;
        const QString key = keyOf(c->substance, day);
        auto it = said.find(key);
        if (it == said.end()) {
            it = said.insert(key, {});
            order.append(key);
        }
        (used ? it->used : it->abstinent).append(c);
    };
    for (const AbstinenceClaim *c : claims) {
        const int run = std::min(c->days, maxImpliedRun);
        for (int k = 0; k < run; ++k)
            say(c, c->date - boost::gregorian::days(k), false);
        if (c->days <= maxImpliedRun)
            say(c, c->date - boost::gregorian::days(c->days), true);
    }

    QList<UseDay> out = recorded;
    QHash<QString, qsizetype> recordedAt; // substance|date -> index in out
    QHash<QString, QList<qsizetype>> usedOn; // date -> indexes of days recorded used, any substance
    for (qsizetype i = 0; i < out.size(); ++i) {
        recordedAt.insert(keyOf(out.at(i).substance, out.at(i).date), i);
        if (out.at(i).used)
            usedOn[toIso(out.at(i).date)].append(i);
    }
    for (const QString &key : std::as_const(order)) {
        const Said &s = said[key];
        const AbstinenceClaim &any = *(s.used.isEmpty() ? s.abstinent : s.used).constLast();
        const QString &substance = any.substance;
        const Date day = *parseDate(key.mid(key.indexOf(u'|') + 1));
        if (const auto at = recordedAt.constFind(key); at != recordedAt.constEnd()) {
            UseDay &mine = out[*at];
            addContradictions(mine, notesOf(mine.used ? s.abstinent : s.used));
            continue;
        }
        if (substance == anySubstance() && s.used.isEmpty()) {
            // Abstinent from every substance, the note says; a day recorded used says otherwise.
            const auto uses = usedOn.constFind(toIso(day));
            if (uses != usedOn.constEnd()) {
                for (qsizetype i : *uses)
                    addContradictions(out[i], notesOf(s.abstinent));
                continue;
            }
        }
        if (!s.used.isEmpty()) {
            UseDay d = impliedDay(clientCode, substance, day, true, *s.used.constLast());
            addContradictions(d, notesOf(s.abstinent));
            out.append(d);
        } else {
            out.append(impliedDay(clientCode, substance, day, false, *s.abstinent.constLast()));
        }
    }
    const QList<QString> &rows = useDayRows();
    std::stable_sort(out.begin(), out.end(), [&rows](const UseDay &a, const UseDay &b) {
        const auto ra = rows.indexOf(a.substance);
        const auto rb = rows.indexOf(b.substance);
        return ra != rb ? ra < rb : a.date < b.date;
    });
    return out;
}

} // namespace uc::model
