// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>

class PatternsModel;
class RetryDelay;
class SearchResultModel;
class VaultThread;

// Review with the client: the client's patterns by month and the therapist's shareable summary,
// full screen, nothing else reachable (no other client's patterns, no search). Leaving needs the
// user's passphrase, checked on the vault thread against the key slots, with the same growing wait
// after wrong ones as at unlock. Starting and leaving are audit events ("review-start",
// "review-end", the client by id). The themes shown are those ticked on the shared PatternsModel
// when it starts (chosen in the setup dialog, at most eight).
class ClientReview : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    Q_PROPERTY(bool active READ active NOTIFY activeChanged)
    Q_PROPERTY(QString code READ code NOTIFY activeChanged)
    // The client has open risk: the screen shows a neutral indicator only ("there is a safety
    // matter to talk through"), never which risk or its words (docs/risk.md, "Decisions"); no
    // more than this one bool crosses to the screen.
    Q_PROPERTY(bool safetyMatter READ safetyMatter NOTIFY safetyMatterChanged)

public:
    ClientReview(VaultThread *vault, RetryDelay *retry, PatternsModel *patterns, SearchResultModel *search,
                 QObject *parent = nullptr);

    [[nodiscard]] bool active() const { return !m_code.isEmpty(); }
    // The one client review mode shows; "" when not in review mode.
    [[nodiscard]] QString code() const { return m_code; }
    [[nodiscard]] bool safetyMatter() const { return m_safetyMatter; }

    Q_INVOKABLE void start(const QString &code);
    // Leaves review mode with the right passphrase; failed(failure) (action "leave") says why not.
    Q_INVOKABLE void leave(const QString &passphrase);
    // The therapist's shareable summary of a client: summaryLoaded answers; saving keeps the old
    // versions (summarySaved). Failures: action "summary".
    Q_INVOKABLE void loadSummary(const QString &code);
    Q_INVOKABLE void saveSummary(const QString &code, const QString &text);
    // Ends review mode without a passphrase (a lock), recording "review-end" with detail "locked".
    void clear();

Q_SIGNALS:
    void activeChanged();
    void safetyMatterChanged();
    void summaryLoaded(const QString &code, const QString &text, const QString &updated);
    void summarySaved(const QString &code);
    void failed(const Failure &failure);

private:
    void setCode(const QString &code);
    void setSafetyMatter(bool matter);

    VaultThread *m_vault;
    RetryDelay *m_retry;
    PatternsModel *m_patterns;
    SearchResultModel *m_search;
    QString m_code;
    bool m_safetyMatter = false;
};
