// SPDX-License-Identifier: GPL-3.0-or-later
#include "failure.h"

#include "common/errorsentence.h"

Failure::Failure(Kind kind, QString action, QString message)
    : m_kind(kind)
    , m_action(std::move(action))
    , m_message(std::move(message))
{
}

Failure::Failure(QString action, const uc::Error &error)
    : Failure(kindOf(error.kind()), std::move(action), sentenceOf(error))
{
}

Failure::Kind Failure::kindOf(uc::ErrorKind kind)
{
    switch (kind) {
    case uc::ErrorKind::Usage:
        return BadInput;
    case uc::ErrorKind::Io:
        return Io;
    case uc::ErrorKind::Auth:
        return Auth;
    case uc::ErrorKind::Damaged:
        return Damaged;
    case uc::ErrorKind::NotAllowed:
        return NotAllowed;
    case uc::ErrorKind::Conflict:
        return Conflict;
    }
    return Io;
}

QString Failure::titleOf(Kind kind)
{
    switch (kind) {
    case BadInput:
        return tr("Check what was entered");
    case Io:
        return tr("A file could not be read or written");
    case Auth:
        return tr("Not recognised");
    case Damaged:
        return tr("The vault may be damaged: keep your backups and ask for help before going on");
    case NotAllowed:
        return tr("Not allowed for your role");
    case Conflict:
        return tr("Not possible right now");
    }
    return {};
}

QString Failure::sentenceOf(const uc::Error &error)
{
    return uc::sentenceOf(error);
}
