// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedctview.h"

#include "vaultthread.h"

#include "model/ctcodebook.h"
#include "vault/vault.h"

#include <QVariantMap>

using namespace Qt::StringLiterals;

SharedCountertransferenceView::SharedCountertransferenceView(VaultThread *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
{
}

void SharedCountertransferenceView::show(const QString &clientCode)
{
    const quint64 request = ++m_request;
    m_loading = true;
    Q_EMIT changed();
    m_vault->post(
        this, tr("Reading what was shared with you…"),
        [clientCode](VaultThread::Worker &w) { return w.open().ctShares().list(clientCode); },
        [this, request](const QList<uc::vault::CtShare> &shares) {
            if (request == m_request)
                set(shares);
        },
        [this, request](const uc::Error &e) {
            if (request != m_request)
                return;
            m_loading = false;
            Q_EMIT changed();
            m_vault->report(Failure(u"shared countertransference"_s, e));
        });
}

void SharedCountertransferenceView::hide()
{
    ++m_request;
    const bool was = m_shown || m_loading || !m_entries.isEmpty();
    m_shown = false;
    m_loading = false;
    m_entries.clear();
    m_summary.clear();
    if (was)
        Q_EMIT changed();
}

void SharedCountertransferenceView::set(const QList<uc::vault::CtShare> &shares)
{
    const uc::model::CtCodebook &book = uc::model::CtCodebook::builtIn();
    m_entries.clear();
    for (auto it = shares.crbegin(); it != shares.crend(); ++it) {
        QStringList labels;
        for (const QString &code : it->codes)
            labels << book.labelOf(code);
        m_entries.append(QVariantMap{{u"author"_s, it->author},
                                     {u"date"_s, uc::model::toIso(it->date)},
                                     {u"sharedAt"_s, it->sharedAt},
                                     {u"labels"_s, labels.join(u", "_s)},
                                     {u"text"_s, it->text}});
    }
    m_summary = shares.isEmpty() ? tr("Nothing shared with you about this client")
                                 : (shares.size() == 1 ? tr("1 entry shared with you")
                                                       : tr("%1 entries shared with you").arg(shares.size()));
    m_shown = true;
    m_loading = false;
    Q_EMIT changed();
}
