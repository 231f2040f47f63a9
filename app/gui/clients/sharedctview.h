// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "vault/ctshares.h"

#include <QList>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

class VaultThread;

// A supervisor's card on a client's overview: the countertransference entries their therapists
// shared with them about the client (vault/ctshares.h; docs/countertransference.md). Hidden until
// asked for, as the author's own card is; each Show is an audited read in which every share's
// signature is checked (a share that does not verify refuses the read, to the banner). Hidden again
// when another client is opened and on lock.
class SharedCountertransferenceView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by ClientOverview")

    Q_PROPERTY(bool shown READ shown NOTIFY changed)
    Q_PROPERTY(bool loading READ loading NOTIFY changed)
    // [{author, date (ISO), sharedAt, labels ("Rescue, Boredom" or ""), text}], newest session first.
    Q_PROPERTY(QVariantList entries READ entries NOTIFY changed)
    Q_PROPERTY(QString summary READ summary NOTIFY changed)

public:
    SharedCountertransferenceView(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] bool shown() const { return m_shown; }
    [[nodiscard]] bool loading() const { return m_loading; }
    [[nodiscard]] QVariantList entries() const { return m_entries; }
    [[nodiscard]] QString summary() const { return m_summary; }

    Q_INVOKABLE void show(const QString &clientCode);
    Q_INVOKABLE void hide();
    void set(const QList<uc::vault::CtShare> &shares);

Q_SIGNALS:
    void changed();

private:
    VaultThread *m_vault;
    bool m_shown = false;
    bool m_loading = false;
    QVariantList m_entries;
    QString m_summary;
    quint64 m_request = 0;
};
