// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failure.h"

#include <QObject>
#include <QQmlEngine>
#include <QString>

class VaultThread;

// The signed-in user's membership of a group practice, as Settings › Practice shows it
// (docs/practice.md, "In the GUI"): not joined → join(server, code), the same core join as
// `practice join`; joined → the practice, member id, role, server, pinned CA fingerprint and the
// pinned heads, read from the member folder (no server is asked). Calls run on the vault thread;
// refusals come as failed(failure) with action "practice-join" or "practice".
class PracticeMembership : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Workspace")

    // Built with the practice client (UC_PRACTICE): else the section and the indicator are hidden.
    Q_PROPERTY(bool available READ available CONSTANT)
    // The membership has been read since the unlock.
    Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
    Q_PROPERTY(bool joined READ joined NOTIFY changed)
    Q_PROPERTY(QString practiceId READ practiceId NOTIFY changed)
    Q_PROPERTY(QString memberId READ memberId NOTIFY changed)
    Q_PROPERTY(QString role READ role NOTIFY changed) // "therapist", "supervisor", "auditor"
    Q_PROPERTY(bool administrator READ administrator NOTIFY changed)
    Q_PROPERTY(QString server READ server NOTIFY changed)
    // SHA-256 of the pinned CA, hex in groups of four ("1a2b 3c4d …").
    Q_PROPERTY(QString caFingerprint READ caFingerprint NOTIFY changed)
    // The highest note and audit sequence numbers seen on the server (a server showing less is refused).
    Q_PROPERTY(qint64 itemsHead READ itemsHead NOTIFY changed)
    Q_PROPERTY(qint64 auditHead READ auditHead NOTIFY changed)
    // A join is on its way.
    Q_PROPERTY(bool joining READ joining NOTIFY joiningChanged)

public:
    // What the screen shows of a membership (none: not joined).
    struct Shown
    {
        bool joined = false;
        QString practiceId, memberId, role, server, caFingerprint;
        bool admin = false;
        qint64 itemsHead = 0, auditHead = 0;
    };

    explicit PracticeMembership(VaultThread *vault, QObject *parent = nullptr);

    [[nodiscard]] static bool available();
    [[nodiscard]] bool loaded() const { return m_loaded; }
    [[nodiscard]] bool joined() const { return m_joined; }
    [[nodiscard]] QString practiceId() const { return m_practiceId; }
    [[nodiscard]] QString memberId() const { return m_memberId; }
    [[nodiscard]] QString role() const { return m_role; }
    [[nodiscard]] bool administrator() const { return m_admin; }
    [[nodiscard]] QString server() const { return m_server; }
    [[nodiscard]] QString caFingerprint() const { return m_caFingerprint; }
    [[nodiscard]] qint64 itemsHead() const { return m_itemsHead; }
    [[nodiscard]] qint64 auditHead() const { return m_auditHead; }
    [[nodiscard]] bool joining() const { return m_joining; }

    // Reads the membership kept beside the vault (after an unlock, a join, a sync).
    Q_INVOKABLE void refresh();
    // Joins the practice on server with the administrator's invitation code; answers joinedPractice()
    // or failed(failure) with action "practice-join" (a field left empty is refused at once).
    Q_INVOKABLE void join(const QString &server, const QString &code);
    // Forgets what was shown (a lock).
    void clear();
    // Shows a membership read on the vault thread (the QML tests' fixtures too).
    void show(const Shown &shown);

    // Groups a fingerprint's hex by four, for reading aloud over the phone.
    [[nodiscard]] static QString groupedHex(const QByteArray &bytes);

Q_SIGNALS:
    void changed();
    void joiningChanged();
    void joinedPractice();
    void failed(const Failure &failure);

private:
    void setJoining(bool joining);

    VaultThread *m_vault;
    bool m_loaded = false;
    bool m_joined = false;
    QString m_practiceId, m_memberId, m_role, m_server, m_caFingerprint;
    bool m_admin = false;
    qint64 m_itemsHead = 0, m_auditHead = 0;
    bool m_joining = false;
};
