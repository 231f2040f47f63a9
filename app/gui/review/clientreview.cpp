// SPDX-License-Identifier: GPL-3.0-or-later
#include "clientreview.h"

#include "conversions.h"
#include "patternsmodel.h"
#include "retrydelay.h"
#include "searchmodel.h"
#include "vaultthread.h"

#include "vault/vault.h"

using namespace Qt::StringLiterals;
using Worker = VaultThread::Worker;

namespace {

// Entering and leaving review with the client are on the audit trail: the client by id, no name,
// nothing the client saw.
void recordReview(uc::vault::Vault &vault, const QString &action, const QString &code, const QString &detail = {})
{
    const auto client = vault.clients().find(code);
    vault.recordEvent(action, client ? u"client:%1"_s.arg(client->id) : u"client"_s, detail);
}

} // namespace

ClientReview::ClientReview(VaultThread *vault, RetryDelay *retry, PatternsModel *patterns, SearchResultModel *search,
                           QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_retry(retry)
    , m_patterns(patterns)
    , m_search(search)
{
}

void ClientReview::setCode(const QString &code)
{
    if (m_code == code)
        return;
    m_code = code;
    m_patterns->showOnly(code);
    m_search->setAllowed(code.isEmpty());
    if (code.isEmpty())
        setSafetyMatter(false);
    Q_EMIT activeChanged();
}

void ClientReview::setSafetyMatter(bool matter)
{
    if (m_safetyMatter == matter)
        return;
    m_safetyMatter = matter;
    Q_EMIT safetyMatterChanged();
}

void ClientReview::start(const QString &code)
{
    if (!m_vault->isOpen() || active() || code.isEmpty())
        return;
    setCode(code);
    // Only whether risk is open is read back: which risk, and its words, stay on the vault thread.
    m_vault->post(
        this, tr("Opening the review…"),
        [code](Worker &w) {
            uc::vault::Vault &v = w.open();
            recordReview(v, u"review-start"_s, code);
            return !v.risk().openFor(code).isEmpty();
        },
        [this, code](bool open) {
            if (m_code == code)
                setSafetyMatter(open);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"start"_s, e)); });
    m_patterns->load(code, u"month"_s, QString(), QString());
}

void ClientReview::leave(const QString &passphrase)
{
    if (!active())
        return;
    const auto refuse = [this](const QString &message) {
        Q_EMIT failed(Failure(Failure::BadInput, u"leave"_s, message));
    };
    if (passphrase.isEmpty())
        return refuse(tr("Enter your passphrase to leave review mode."));
    // The same growing wait as at unlock: the screen may be in front of someone else.
    if (m_retry->seconds() > 0)
        return refuse(tr("Too many wrong passphrases: wait %n seconds before trying again.", nullptr, m_retry->seconds()));
    const auto secret = uc::gui::secretOf(passphrase);
    m_vault->post(
        this, tr("Checking the passphrase…"),
        [secret, code = m_code](Worker &w) {
            w.checkPassphrase(*secret); // still unlocked: a lock in between ends review mode anyway
            secret->wipe();
            recordReview(w.open(), u"review-end"_s, code);
            return true;
        },
        [this](bool) {
            m_retry->reset();
            setCode({});
        },
        [this, secret](const uc::Error &e) {
            secret->wipe();
            if (e.kind() != uc::ErrorKind::Auth)
                return Q_EMIT failed(Failure(u"leave"_s, e));
            m_retry->countWrong();
            Q_EMIT failed(Failure(Failure::Auth, u"leave"_s, tr("That passphrase is not right.")));
        });
}

void ClientReview::clear()
{
    // A lock ends review mode too, and the trail says so: posted before the lock's own job, so it
    // runs while the vault is still open.
    if (active() && m_vault->isOpen())
        m_vault->post(
            this, tr("Locking…"),
            [code = m_code](Worker &w) {
                recordReview(w.open(), u"review-end"_s, code, u"locked"_s);
                return true;
            },
            [](bool) {}, [](const uc::Error &) {});
    setCode({});
}

void ClientReview::loadSummary(const QString &code)
{
    if (!m_vault->isOpen())
        return;
    m_vault->post(
        this, tr("Opening the summary…"),
        [code](Worker &w) {
            const auto summary = w.open().clients().shareableSummary(code);
            return summary ? std::make_pair(summary->text, summary->updated) : std::make_pair(QString(), QString());
        },
        [this, code](std::pair<QString, QString> summary) { Q_EMIT summaryLoaded(code, summary.first, summary.second); },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"summary"_s, e)); });
}

void ClientReview::saveSummary(const QString &code, const QString &text)
{
    if (!m_vault->isOpen())
        return;
    const QString trimmed = text.trimmed();
    m_vault->post(
        this, tr("Saving the summary…"),
        [code, trimmed](Worker &w) {
            uc::vault::Vault &v = w.open();
            v.clients().setShareableSummary(code, trimmed);
            const auto summary = v.clients().shareableSummary(code);
            return summary ? summary->updated : QString();
        },
        [this, code, trimmed](QString updated) {
            if (m_patterns->code() == code)
                m_patterns->setSummary(trimmed, updated);
            Q_EMIT summarySaved(code);
        },
        [this](const uc::Error &e) { Q_EMIT failed(Failure(u"summary"_s, e)); });
}
