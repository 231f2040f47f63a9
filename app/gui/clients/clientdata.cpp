// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientdata.h"

#include "conversions.h"

#include "common/error.h"
#include "model/measures.h"
#include "model/reliablechange.h"
#include "patterns/patterns.h"
#include "reports/palette.h"
#include "themes/codebook.h"
#include "vault/vault.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <map>

namespace uc::gui {

namespace {

using namespace Qt::StringLiterals;

bool sessionBefore(const patterns::SessionThemes &a, const patterns::SessionThemes &b)
{
    if (a.date != b.date)
        return a.date < b.date;
    if (a.start != b.start)
        return a.start < b.start; // a session without a time sorts first on its day
    return a.sessionId < b.sessionId;
}

// The client's top recurring themes: present in at least recurringAtLeast of the last
// recurrenceWindow attended sessions, most present first, then most present over the record.
QStringList topThemes(QList<patterns::SessionThemes> sessions)
{
    std::sort(sessions.begin(), sessions.end(), sessionBefore);
    std::map<QString, int> recent;
    std::map<QString, int> overall;
    int seen = 0;
    for (auto it = sessions.crbegin(); it != sessions.crend(); ++it) {
        if (!it->attended())
            continue;
        for (const auto &entry : it->themes) {
            if (entry.second <= 0)
                continue;
            ++overall[entry.first];
            if (seen < patterns::recurrenceWindow)
                ++recent[entry.first];
        }
        ++seen;
    }
    QStringList ids;
    for (const auto &entry : recent) {
        if (entry.second >= recurringAtLeast)
            ids.append(entry.first);
    }
    std::stable_sort(ids.begin(), ids.end(), [&](const QString &a, const QString &b) {
        if (recent[a] != recent[b])
            return recent[a] > recent[b];
        return overall[a] > overall[b];
    });
    if (ids.size() > chipsPerClient)
        ids.resize(chipsPerClient);
    return ids;
}

ClientRow rowOf(const model::Client &client, const patterns::ClientHistory *history, const themes::Codebook &book)
{
    ClientRow row;
    row.code = client.code;
    row.name = client.displayName;
    row.status = model::toString(client.status);
    row.setting = client.setting ? model::toString(*client.setting) : QString();
    if (history && !history->sessions.isEmpty()) {
        const auto last = std::max_element(history->sessions.cbegin(), history->sessions.cend(), sessionBefore);
        row.lastSession = model::toIso(last->date);
        row.themeIds = topThemes(history->sessions);
        for (const QString &id : std::as_const(row.themeIds))
            row.themeLabels.append(book.labelOf(id));
    }
    return row;
}

} // namespace

QString recurrenceSentence(int in, int last, const QString &trend)
{
    QString text = last == 1 ? (in == 1 ? u"the only session"_s : u"not in the only session"_s)
        : in == last         ? u"all of the last %1 sessions"_s.arg(last)
                             : u"%1 of the last %2 sessions"_s.arg(in).arg(last);
    if (trend == u"rising")
        text += u", rising"_s;
    else if (trend == u"falling")
        text += u", falling"_s;
    else
        text += u", steady"_s;
    return text;
}

QString changeWords(int previous, int latest)
{
    if (latest == previous)
        return u"unchanged"_s;
    return u"%1 %2"_s.arg(latest < previous ? u"down"_s : u"up"_s).arg(std::abs(latest - previous));
}

QString notePreview(const QString &text, int max)
{
    static const QRegularExpression heading(u"^##[^\\n]*$"_s, QRegularExpression::MultilineOption);
    QString plain = text;
    plain.remove(heading);
    plain = plain.simplified();
    if (plain.size() <= max)
        return plain;
    qsizetype cut = plain.lastIndexOf(QLatin1Char(' '), max);
    if (cut < max / 2)
        cut = max;
    return plain.left(cut) + u"…"_s;
}

QList<ClientRow> loadClientRows(vault::Vault &vault)
{
    const QList<patterns::ClientHistory> histories = vault.histories().caseload().perClient();
    QHash<QString, const patterns::ClientHistory *> byCode;
    byCode.reserve(histories.size());
    for (const auto &h : histories)
        byCode.insert(h.clientCode, &h);
    const themes::Codebook &book = vault.tagging().codebook();
    QList<ClientRow> rows;
    const QList<model::Client> clients = vault.clients().list();
    rows.reserve(clients.size());
    for (const model::Client &c : clients)
        rows.append(rowOf(c, byCode.value(c.code), book));
    return rows;
}

ClientRow loadClientRow(vault::Vault &vault, const QString &code)
{
    const auto client = vault.clients().find(code);
    if (!client)
        throw Error(ErrorKind::Usage, u"client"_s, u"no client with that code"_s);
    const patterns::ClientHistory history = vault.histories().client(code);
    return rowOf(*client, &history, vault.tagging().codebook());
}

Overview loadOverview(vault::Vault &vault, const QString &code)
{
    const auto client = vault.clients().find(code);
    if (!client)
        throw Error(ErrorKind::Usage, u"client"_s, u"no client with that code"_s);
    patterns::ClientHistory history = vault.histories().client(code);
    std::sort(history.sessions.begin(), history.sessions.end(), sessionBefore);
    const themes::Codebook &book = vault.tagging().codebook();

    Overview out;
    out.client = rowOf(*client, &history, book);
    out.palette = uc::reports::clientPalette(history);
    out.intake = client->intakeDate ? model::toIso(*client->intakeDate) : QString();
    out.openRisk = openRiskOf(vault, code);
    out.fields = history.fields;
    out.events = vault.treatmentEvents().list(code);
    out.useDays = vault.useDays().list(code);
    // A discharged client's plan is closed: no review falls due.
    if (client->status == model::ClientStatus::Active && model::allowed(vault.currentUser().role, model::Action::ReadPlan)) {
        if (const auto due = vault.plans().reviewDue(code))
            out.planReviewDue = model::toIso(*due);
    }

    const QList<model::Note> notes = vault.notes().forClient(code, true);
    QHash<model::Id, model::Id> progressNoteOf; // session → note
    for (auto it = notes.crbegin(); it != notes.crend(); ++it) {
        const model::Note &n = *it;
        if (n.kind == model::NoteKind::Progress && !progressNoteOf.contains(n.sessionId))
            progressNoteOf.insert(n.sessionId, n.id);
        NoteRow row;
        row.noteId = n.id;
        row.sessionId = n.sessionId;
        row.date = model::toIso(n.sessionDate);
        row.kind = model::toString(n.kind);
        row.status = model::toString(n.status);
        row.templateLabel = model::templateLabel(n.templateId);
        row.preview = notePreview(n.text());
        out.notes.append(row);
    }
    std::stable_sort(out.notes.begin(), out.notes.end(),
                     [](const NoteRow &a, const NoteRow &b) { return a.date > b.date; });

    for (const auto &s : std::as_const(history.sessions)) {
        SessionRow row;
        row.sessionId = s.sessionId;
        row.date = model::toIso(s.date);
        row.start = s.start ? model::toIso(*s.start) : QString();
        row.attendance = model::toString(s.attendance);
        row.attended = s.attended();
        row.themeCount = static_cast<int>(s.themes.size());
        row.noteId = progressNoteOf.value(s.sessionId);
        (row.attended ? out.attended : out.missed) += 1;
        out.sessions.append(row);
    }

    if (!out.sessions.isEmpty())
        out.firstSession = out.sessions.constFirst().date;

    patterns::Query query;
    query.by = patterns::Bucketing::Session;
    const patterns::Report report = patterns::analyse(history, query);
    for (const auto &entry : report.summary) {
        const patterns::ThemeSummary &s = entry.second;
        if (s.recurrenceIn < recurringAtLeast)
            continue;
        ThemeCardRow card;
        card.theme = entry.first;
        card.label = book.labelOf(entry.first);
        card.recurrenceIn = s.recurrenceIn;
        card.recurrenceLast = s.recurrenceLast;
        card.trend = patterns::toString(s.trend);
        card.sessions = s.sessions;
        card.firstSeen = model::toIso(s.firstSeen);
        card.lastSeen = model::toIso(s.lastSeen);
        card.sentence = recurrenceSentence(s.recurrenceIn, s.recurrenceLast, card.trend);
        out.themes.append(card);
    }
    std::stable_sort(out.themes.begin(), out.themes.end(), [](const ThemeCardRow &a, const ThemeCardRow &b) {
        if (a.recurrenceIn != b.recurrenceIn)
            return a.recurrenceIn > b.recurrenceIn;
        if ((a.trend == u"rising") != (b.trend == u"rising"))
            return a.trend == u"rising";
        return a.sessions > b.sessions;
    });

    for (const model::Instrument &instrument : model::instruments()) {
        MeasureRow row;
        QString previousDate;
        int previous = 0;
        for (const model::Measure &m : std::as_const(history.measures)) {
            if (m.instrument != instrument.id)
                continue;
            if (row.count > 0) {
                previous = row.total;
                previousDate = row.date;
            }
            row.date = model::toIso(m.date);
            row.total = m.total;
            row.band = m.band;
            row.latestId = m.id;
            row.latestAnswers = m.answers;
            row.totals.append(m.total);
            ++row.count;
        }
        if (row.count == 0)
            continue;
        row.instrument = instrument.id;
        row.name = instrument.name;
        row.measures = instrument.measures;
        row.bandLabel = model::bandLabel(row.band);
        if (!previousDate.isEmpty()) {
            row.change = changeWords(previous, row.total);
            row.previousDate = previousDate;
        }
        if (const auto change = model::reliableChange(instrument.id, history.measures)) {
            row.reliableChange = model::toString(change->verdict);
            row.reliableChangeText = QStringLiteral("Since %1: %2").arg(model::toIso(change->fromDate),
                                                                        model::describe(instrument.id, *change));
        }
        out.measures.append(row);
    }
    out.plan = loadPlanSummary(vault, code, history.measures);
    return out;
}

} // namespace uc::gui
