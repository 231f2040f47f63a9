// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientoverview.h"

#include "vaultthread.h"

#include "model/usedayfigures.h"
#include "usedaytext.h"
#include "reports/palette.h"

#include <QVariantList>

using namespace Qt::StringLiterals;
using namespace uc::gui;
using Worker = VaultThread::Worker;

// ---- SessionTimelineModel

int SessionTimelineModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant SessionTimelineModel::data(const QModelIndex &index, int role) const
{
    const SessionRow &row = rowAt(m_rows, index);
    switch (role) {
    case SessionIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.sessionId));
    case Qt::DisplayRole:
    case DateRole:
        return row.date;
    case AttendanceRole:
        return row.attendance;
    case AttendedRole:
        return row.attended;
    case ThemeCountRole:
        return row.themeCount;
    case NoteIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.noteId));
    default:
        return {};
    }
}

QVariantList SessionTimelineModel::latest(int limit) const
{
    QVariantList out;
    for (auto it = m_rows.crbegin(); it != m_rows.crend() && out.size() < limit; ++it)
        out.append(QVariantMap{{u"sessionId"_s, QVariant::fromValue(static_cast<qint64>(it->sessionId))},
                               {u"date"_s, it->date},
                               {u"start"_s, it->start},
                               {u"attendance"_s, it->attendance},
                               {u"hasNote"_s, it->noteId != 0}});
    return out;
}

QHash<int, QByteArray> SessionTimelineModel::roleNames() const
{
    return {{SessionIdRole, "sessionId"}, {DateRole, "date"},           {AttendanceRole, "attendance"},
            {AttendedRole, "attended"},   {ThemeCountRole, "themeCount"}, {NoteIdRole, "noteId"}};
}

// ---- ThemeCardModel

int ThemeCardModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant ThemeCardModel::data(const QModelIndex &index, int role) const
{
    const ThemeCardRow &row = rowAt(m_rows, index);
    switch (role) {
    case ThemeRole:
        return row.theme;
    case Qt::DisplayRole:
    case LabelRole:
        return row.label;
    case SentenceRole:
        return row.sentence;
    case RecurrenceInRole:
        return row.recurrenceIn;
    case RecurrenceLastRole:
        return row.recurrenceLast;
    case TrendRole:
        return row.trend;
    case SessionsRole:
        return row.sessions;
    case FirstSeenRole:
        return row.firstSeen;
    case LastSeenRole:
        return row.lastSeen;
    case ColorRole: {
        QStringList shown;
        for (const ThemeCardRow &r : m_rows.mid(0, uc::reports::maxDrawnThemes))
            shown.append(r.theme);
        return uc::reports::clientThemeColourName(row.theme, m_palette, shown);
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ThemeCardModel::roleNames() const
{
    return {{ThemeRole, "theme"},       {LabelRole, "label"},
            {SentenceRole, "sentence"}, {RecurrenceInRole, "recurrenceIn"},
            {RecurrenceLastRole, "recurrenceLast"}, {TrendRole, "trend"},
            {SessionsRole, "sessions"}, {FirstSeenRole, "firstSeen"},
            {LastSeenRole, "lastSeen"}, {ColorRole, "themeColor"}};
}

// ---- MeasureSummaryModel

int MeasureSummaryModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant MeasureSummaryModel::data(const QModelIndex &index, int role) const
{
    const MeasureRow &row = rowAt(m_rows, index);
    switch (role) {
    case InstrumentRole:
        return row.instrument;
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case MeasuresRole:
        return row.measures;
    case DateRole:
        return row.date;
    case TotalRole:
        return row.total;
    case BandRole:
        return row.band;
    case BandLabelRole:
        return row.bandLabel;
    case CountRole:
        return row.count;
    case ChangeRole:
        return row.change;
    case PreviousDateRole:
        return row.previousDate;
    case TotalsRole: {
        QVariantList totals;
        totals.reserve(row.totals.size());
        for (int t : row.totals)
            totals.append(t);
        return totals;
    }
    case ReliableChangeRole:
        return row.reliableChange;
    case ReliableChangeTextRole:
        return row.reliableChangeText;
    case MeasureIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.latestId));
    case AnswersRole: {
        QVariantList answers;
        answers.reserve(row.latestAnswers.size());
        for (int a : row.latestAnswers)
            answers.append(a);
        return answers;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> MeasureSummaryModel::roleNames() const
{
    return {{InstrumentRole, "instrument"}, {NameRole, "name"},   {MeasuresRole, "measures"},
            {DateRole, "date"},             {TotalRole, "total"}, {BandRole, "band"},
            {BandLabelRole, "bandLabel"},   {CountRole, "count"}, {ChangeRole, "change"},
            {PreviousDateRole, "previousDate"},
            {TotalsRole, "totals"},
            {ReliableChangeRole, "reliableChange"},
            {ReliableChangeTextRole, "reliableChangeText"},
            {MeasureIdRole, "measureId"},
            {AnswersRole, "answers"}};
}

// ---- NoteListModel

int NoteListModel::rowCount(const QModelIndex &parent) const
{
    return rowsIn(parent, m_rows.size());
}

QVariant NoteListModel::data(const QModelIndex &index, int role) const
{
    const NoteRow &row = rowAt(m_rows, index);
    switch (role) {
    case NoteIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.noteId));
    case SessionIdRole:
        return QVariant::fromValue(static_cast<qint64>(row.sessionId));
    case DateRole:
        return row.date;
    case KindRole:
        return row.kind;
    case StatusRole:
        return row.status;
    case TemplateRole:
        return row.templateLabel;
    case Qt::DisplayRole:
    case PreviewRole:
        return row.preview;
    default:
        return {};
    }
}

QHash<int, QByteArray> NoteListModel::roleNames() const
{
    return {{NoteIdRole, "noteId"}, {SessionIdRole, "sessionId"}, {DateRole, "date"},      {KindRole, "kind"},
            {StatusRole, "status"}, {TemplateRole, "templateLabel"}, {PreviewRole, "preview"}};
}

// ---- ClientOverview

ClientOverview::ClientOverview(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_sessions(new SessionTimelineModel(this))
    , m_themes(new ThemeCardModel(this))
    , m_measures(new MeasureSummaryModel(this))
    , m_notes(new NoteListModel(this))
    , m_fieldTrends(new FieldTrends(this))
    , m_plan(new OverviewPlan(this))
    , m_countertransference(new CountertransferenceView(vault, this))
    , m_sharedCountertransference(new SharedCountertransferenceView(vault, this))
{
}

void ClientOverview::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    Q_EMIT loadingChanged();
}

QVariantList ClientOverview::treatmentEvents() const
{
    static const QHash<QString, QString> labels{{u"mutual-help"_s, tr("Mutual-help meeting")},
                                                {u"group"_s, tr("Group")},
                                                {u"mat"_s, tr("Medication-assisted treatment")},
                                                {u"drug-screen"_s, tr("Drug screen")}};
    QVariantList out;
    for (auto it = m_data.events.crbegin(); it != m_data.events.crend(); ++it)
        out.append(QVariantMap{{u"id"_s, static_cast<qint64>(it->id)},
                               {u"date"_s, uc::model::toIso(it->date)},
                               {u"kind"_s, it->kind},
                               {u"label"_s, labels.value(it->kind, it->kind)},
                               {u"details"_s, it->details()}});
    return out;
}

namespace {

// The last day of the strip: the latest day recorded or implied by a signed note, for any substance.
std::optional<uc::model::Date> lastUseDay(const QList<uc::model::UseDay> &days)
{
    std::optional<uc::model::Date> last;
    for (const uc::model::UseDay &d : days)
        last = last ? std::max(*last, d.date) : d.date;
    return last;
}

} // namespace

QVariantList ClientOverview::useDays() const
{
    const auto last = lastUseDay(m_data.useDays);
    if (!last)
        return {};
    const uc::model::Date first = *last - boost::gregorian::days(useDayWindow - 1);
    QVariantList out;
    for (const uc::model::UseDayFigures &f : uc::model::useDayFigures(m_data.useDays, first, *last)) {
        const QString summary = uc::gui::useDaySummary(f);
        QString label = f.substance;
        label[0] = label[0].toUpper();
        QString notes;
        if (f.substance == uc::model::anySubstance()) {
            label = tr("Unnamed");
            notes = tr(" · from notes that name no substance");
        }
        if (f.usedFromNotes + f.abstinentFromNotes > 0)
            notes += tr(" · from signed notes: abstinent %1, used %2").arg(f.abstinentFromNotes).arg(f.usedFromNotes);
        // A day a note's claim contradicts is said with its date and the notes, never resolved here.
        QString marks(f.days, u' ');
        for (qsizetype i = 0; i < f.sources.size(); ++i) {
            if (f.sources.at(i) == u'n')
                marks[i] = u'n';
        }
        for (const uc::model::UseDay &d : f.contradictions) {
            marks[static_cast<qsizetype>((d.date - f.from).days())] = u'!';
            QStringList ids;
            for (uc::model::Id note : d.contradicts)
                ids << QString::number(note);
            notes += tr(" · %1 %2 (%3) contradicts note %4")
                         .arg(uc::model::toIso(d.date), d.used ? tr("used") : tr("abstinent"),
                              d.implied() ? tr("from note %1").arg(d.note) : tr("recorded"), ids.join(u", "_s));
        }
        out.append(QVariantMap{{u"substance"_s, f.substance},
                               {u"label"_s, label},
                               {u"strip"_s, f.strip},
                               {u"marks"_s, marks},
                               {u"summary"_s, QString(summary + notes)}});
    }
    return out;
}

QString ClientOverview::useDayPeriod() const
{
    const auto last = lastUseDay(m_data.useDays);
    return last ? tr("%1 days to %2").arg(useDayWindow).arg(uc::model::toIso(*last)) : QString();
}

void ClientOverview::set(Overview overview)
{
    m_sessions->setRows(std::exchange(overview.sessions, {}));
    m_themes->setRows(std::exchange(overview.themes, {}), std::exchange(overview.palette, {}));
    m_measures->setRows(std::exchange(overview.measures, {}));
    m_notes->setRows(std::exchange(overview.notes, {}));
    m_fieldTrends->set(std::exchange(overview.fields, {}));
    m_plan->set(overview.plan, overview.planReviewDue);
    if (overview.client.code != m_data.client.code) {
        m_countertransference->hide();
        m_sharedCountertransference->hide();
    }
    m_data = std::move(overview);
    setLoading(false);
    Q_EMIT changed();
}

void ClientOverview::clear()
{
    m_sessions->clear();
    m_themes->clear();
    m_measures->clear();
    m_notes->clear();
    m_fieldTrends->clear();
    m_plan->set({}, {});
    m_countertransference->hide();
    m_sharedCountertransference->hide();
    m_data = {};
    setLoading(false);
    Q_EMIT changed();
}

void ClientOverview::open(const QString &code)
{
    if (!m_vault || !m_vault->isOpen())
        return;
    setLoading(true);
    m_vault->post(
        this, tr("Opening the client…"), [code](Worker &w) { return loadOverview(w.open(), code); },
        [this](Overview overview) {
            const QString code = overview.client.code;
            set(std::move(overview));
            Q_EMIT opened(code);
        },
        [this](const uc::Error &e) {
            setLoading(false);
            m_vault->report(Failure(u"open"_s, e));
        });
}

void ClientOverview::close()
{
    clear();
}
