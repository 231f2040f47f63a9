// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/countertransference.h"
#include "vault/ctshares.h"

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
// From the card the author shares an entry of a signed note with a supervisor assigned to them, or
// withdraws one shared (vault/ctshares.h); the card is read again after each.
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
    // [{date (ISO), status, labels ("Rescue, Boredom" or ""), text, note, number, shares: [{id,
    // supervisor}] (shared and not withdrawn), shareWith: the assigned supervisors who do not hold it
    // (none for a draft's entry), shareable: shareWith not empty}], newest first.
    Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)
    // The supervisors assigned to the user, by name: whom an entry may be shared with.
    Q_PROPERTY(QStringList supervisors READ supervisors NOTIFY changed)
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
    [[nodiscard]] QStringList supervisors() const { return m_supervisors; }

    // Reads the user's own log for the client and shows it; a failure goes to the banner.
    Q_INVOKABLE void show(const QString &clientCode);
    // Hides the card and forgets what it showed.
    Q_INVOKABLE void hide();
    // Shares the entry (note, its number there) with the supervisor, then reads the card again.
    Q_INVOKABLE void share(const QString &clientCode, qint64 note, int number, const QString &supervisor);
    // Withdraws a share, then reads the card again.
    Q_INVOKABLE void withdraw(const QString &clientCode, qint64 shareId);

    // What the card shows, read together on the vault thread.
    struct Data
    {
        QList<uc::vault::CtLogEntry> log;
        QList<uc::vault::CtShare> shares; // the author's, withdrawn ones too
        QStringList supervisors;
    };
    // What show() puts on the card, from the log as the vault gives it.
    void set(const QList<uc::vault::CtLogEntry> &log);
    void set(const Data &data);

Q_SIGNALS:
    void changed();
    // An entry was shared (or a share withdrawn): the card is read again.
    void shared(const QString &supervisor);
    void withdrawn();
    // A share or a withdrawal was refused: its message, for the dialog.
    void failed(const QString &message);

private:
    VaultThread *m_vault;
    bool m_shown = false;
    bool m_loading = false;
    QStringList m_months;
    QVariantList m_rows;
    int m_maxCount = 1;
    QVariantList m_entries;
    QString m_summary;
    QStringList m_supervisors;
    quint64 m_request = 0; // a hide or a newer show makes an older answer stale
};
