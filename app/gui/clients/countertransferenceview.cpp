// SPDX-License-Identifier: GPL-3.0-or-later
#include "countertransferenceview.h"

#include "vaultthread.h"

#include "model/countertransference.h"
#include "vault/vault.h"

#include <QVariantMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// The log, the user's shares and their supervisors: an audited read of each.
CountertransferenceView::Data readCard(uc::vault::Vault &v, const QString &clientCode)
{
    CountertransferenceView::Data data;
    data.log = v.countertransference().log(clientCode);
    data.shares = v.ctShares().list(clientCode);
    const QString me = v.currentUser().name;
    for (const uc::model::Supervision &s : v.supervision().assignments())
        if (s.therapist.compare(me, Qt::CaseInsensitive) == 0 && !data.supervisors.contains(s.supervisor))
            data.supervisors.append(s.supervisor);
    return data;
}

} // namespace

CountertransferenceView::CountertransferenceView(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

void CountertransferenceView::show(const QString &clientCode)
{
    const quint64 request = ++m_request;
    m_loading = true;
    Q_EMIT changed();
    m_vault->post(
        this, tr("Reading your process notes…"),
        [clientCode](VaultThread::Worker &w) { return readCard(w.open(), clientCode); },
        [this, request](const Data &data) {
            if (request != m_request)
                return;
            set(data);
        },
        [this, request](const uc::Error &e) {
            if (request != m_request)
                return;
            m_loading = false;
            Q_EMIT changed();
            m_vault->report(Failure(u"countertransference"_s, e));
        });
}

void CountertransferenceView::share(const QString &clientCode, qint64 note, int number, const QString &supervisor)
{
    const quint64 request = ++m_request;
    m_vault->post(
        this, tr("Sharing with %1…").arg(supervisor),
        [clientCode, note, number, supervisor](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            (void)v.ctShares().share(clientCode, {{note, number}}, supervisor);
            return readCard(v, clientCode);
        },
        [this, request, supervisor](const Data &data) {
            if (request == m_request)
                set(data);
            Q_EMIT shared(supervisor);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"countertransference"_s, e).message()); });
}

void CountertransferenceView::withdraw(const QString &clientCode, qint64 shareId)
{
    const quint64 request = ++m_request;
    m_vault->post(
        this, tr("Withdrawing…"),
        [clientCode, shareId](VaultThread::Worker &w) {
            uc::vault::Vault &v = w.open();
            v.ctShares().withdraw(shareId);
            return readCard(v, clientCode);
        },
        [this, request](const Data &data) {
            if (request == m_request)
                set(data);
            Q_EMIT withdrawn();
        },
        [this](const uc::Error &e) {
            m_vault->report(Failure(u"countertransference"_s, e));
            Q_EMIT failed(Failure(u"countertransference"_s, e).message());
        });
}

void CountertransferenceView::hide()
{
    ++m_request;
    const bool was = m_shown || m_loading || !m_entries.isEmpty();
    m_shown = false;
    m_loading = false;
    m_months.clear();
    m_rows.clear();
    m_maxCount = 1;
    m_entries.clear();
    m_summary.clear();
    m_supervisors.clear();
    if (was)
        Q_EMIT changed();
}

void CountertransferenceView::set(const QList<uc::vault::CtLogEntry> &log)
{
    set(Data{log, {}, {}});
}

void CountertransferenceView::set(const Data &data)
{
    const QList<uc::vault::CtLogEntry> &log = data.log;
    m_supervisors = data.supervisors;
    const uc::model::CtCodebook &book = uc::model::CtCodebook::builtIn();
    QList<std::pair<uc::model::Date, QStringList>> coded;
    m_entries.clear();
    for (auto it = log.crbegin(); it != log.crend(); ++it) {
        QStringList labels;
        for (const QString &code : it->entry.codes)
            labels << book.labelOf(code);
        QVariantList shares;
        QStringList shareWith = m_supervisors; // those who do not hold it yet
        for (const uc::vault::CtShare &s : data.shares)
            if (s.noteId == it->noteId && s.number == it->number && s.withdrawnAt.isEmpty()) {
                shares.append(QVariantMap{{u"id"_s, static_cast<qlonglong>(s.id)}, {u"supervisor"_s, s.supervisor}});
                shareWith.removeAll(s.supervisor);
            }
        if (it->status == uc::model::NoteStatus::Draft)
            shareWith.clear();
        m_entries.append(QVariantMap{{u"date"_s, uc::model::toIso(it->date)},
                                     {u"status"_s, uc::model::toString(it->status)},
                                     {u"labels"_s, labels.join(u", "_s)},
                                     {u"text"_s, it->entry.text},
                                     {u"note"_s, static_cast<qlonglong>(it->noteId)},
                                     {u"number"_s, it->number},
                                     {u"shareable"_s, !shareWith.isEmpty()},
                                     {u"shareWith"_s, shareWith},
                                     {u"shares"_s, shares}});
    }
    for (const uc::vault::CtLogEntry &e : log)
        coded.append({e.date, e.entry.codes});
    const uc::model::CtChart chart = uc::model::countertransferenceChart(coded, book);
    m_months = chart.months;
    m_rows.clear();
    m_maxCount = 1;
    QStringList counts;
    for (const uc::model::CtChartRow &r : chart.rows) {
        QVariantList perMonth;
        for (const int n : r.perMonth) {
            perMonth.append(n);
            m_maxCount = std::max(m_maxCount, n);
        }
        m_rows.append(QVariantMap{{u"code"_s, r.code}, {u"label"_s, r.label}, {u"total"_s, r.total}, {u"perMonth"_s, perMonth}});
        counts << u"%1 %2"_s.arg(r.label).arg(r.total);
    }
    m_summary = log.isEmpty() ? tr("No entries in your process notes for this client")
                              : (log.size() == 1 ? tr("1 entry") : tr("%1 entries").arg(log.size()))
                                    + (counts.isEmpty() ? QString() : u": "_s + counts.join(u", "_s));
    m_shown = true;
    m_loading = false;
    Q_EMIT changed();
}
