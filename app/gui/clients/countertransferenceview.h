// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/countertransference.h"

#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

class VaultThread;

// The overview's private card of the therapist's own countertransference about the client
// (docs/countertransference.md): hidden until its author asks (the overview may be on a screen the
// client can see), then each reaction's entries per month and the entries' words, newest first.
// Read on the vault thread, each time an audited read of the author's own process notes; hidden
// again when another client is opened and on lock. Only a therapist may ask (the vault refuses others).
class CountertransferenceView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

    Q_PROPERTY(bool shown READ shown NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    // "2025-05", oldest first: the months the chart spans.
    Q_PROPERTY(QStringList months READ months NOTIFY changed)
    // [{code, label, total, perMonth: [count per month]}], in the codebook's order.
    Q_PROPERTY(QVariantList rows READ rows NOTIFY changed)
    // The largest count in any month of any row (at least 1), to scale the chart.
    Q_PROPERTY(int maxCount READ maxCount NOTIFY changed)
    // [{date (ISO), status, labels ("Rescue, Boredom" or ""), text}], newest first.
    Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)
    // The whole card in words, for screen readers and the card's note: "4 entries: Rescue 3, Boredom 1".
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    CountertransferenceView(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] bool shown() const { return m_shown; }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QStringList months() const { return m_months; }
    [[nodiscard]] QVariantList rows() const { return m_rows; }
    [[nodiscard]] int maxCount() const { return m_maxCount; }
    [[nodiscard]] QVariantList entries() const { return m_entries; }
    [[nodiscard]] QString summary() const { return m_summary; }

    // Reads the user's own log for the client and shows it; a failure goes to the banner.
    Q_INVOKABLE void show(const QString &clientCode);
    // Hides the card and forgets what it showed.
    Q_INVOKABLE void hide();
    // What show() puts on the card, from the log as the vault gives it.
    void set(const QList<uc::vault::CtLogEntry> &log);

Q_SIGNALS:
    void changed();

private:
    VaultThread *m_vault;
    bool m_shown = false;
    bool m_loading = false;
    QStringList m_months;
    QVariantList m_rows;
    int m_maxCount = 1;
    QVariantList m_entries;
    QString m_summary;
    quint64 m_request = 0; // a hide or a newer show makes an older answer stale
};
