// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "common/error.h"

#include <QCoreApplication>
#include <QObject>
#include <QQmlEngine>
#include <QString>

// What went wrong with something the user asked for, as the screens show it: the kind (so a
// screen can tell "not allowed" from "damaged"), the action that failed ("sign", "backup" …) and
// one plain sentence. Every object that acts on the vault reports through a signal
// failed(Failure); failures no form waits for end up in the session's banner. A message never
// holds note text, client names, SQL values or secrets: it comes from uc::Error, which keeps to
// that, or from the form's own wording.
class Failure
{
    Q_GADGET
    QML_VALUE_TYPE(failure)
    Q_DECLARE_TR_FUNCTIONS(Failure)
    Q_PROPERTY(Kind kind READ kind CONSTANT)
    Q_PROPERTY(QString action READ action CONSTANT)
    Q_PROPERTY(QString message READ message CONSTANT)
    Q_PROPERTY(QString title READ title CONSTANT)

public:
    enum Kind {
        BadInput, // a field is malformed or names something that is not there
        Io, // a file could not be read or written (nothing was changed)
        Auth, // a wrong passphrase, user name or recovery key
        Damaged, // not a vault, a damaged or tampered file, a schema newer than the app
        NotAllowed, // the user's role does not permit the action
        Conflict, // a signed note, a vault locked elsewhere or meanwhile
    };
    Q_ENUM(Kind)

    Failure() = default;
    Failure(Kind kind, QString action, QString message);
    // The core's error under its own kind, "What: why." as the message.
    Failure(QString action, const uc::Error &error);

    [[nodiscard]] Kind kind() const { return m_kind; }
    [[nodiscard]] QString action() const { return m_action; }
    [[nodiscard]] QString message() const { return m_message; }
    // A few words that say what the kind means for the user ("Not allowed for your role"); ""
    // for no failure (no message).
    [[nodiscard]] QString title() const { return m_message.isEmpty() ? QString() : titleOf(m_kind); }

    [[nodiscard]] static Kind kindOf(uc::ErrorKind kind);
    [[nodiscard]] static QString titleOf(Kind kind);
    // uc::Error's "what: why" as a sentence ("Vault: it is open elsewhere.").
    [[nodiscard]] static QString sentenceOf(const uc::Error &error);

    friend bool operator==(const Failure &, const Failure &) = default;

private:
    Kind m_kind = BadInput;
    QString m_action;
    QString m_message;
};

// The kinds as QML spells them: Failure.NotAllowed, Failure.Damaged …
namespace FailureKinds {
Q_NAMESPACE
QML_FOREIGN_NAMESPACE(Failure)
QML_NAMED_ELEMENT(Failure)
} // namespace FailureKinds
