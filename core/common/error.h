// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <stdexcept>

namespace uc {

// What went wrong, in the terms the CLI's exit codes and the GUI's banners use.
enum class ErrorKind {
    Usage = 1, // the caller asked for something malformed
    Io = 2, // bad input, disk full, I/O failure (the write rolled back)
    Auth = 3, // wrong passphrase, unknown user or recovery key
    Damaged = 4, // not a vault, damaged or tampered file, schema newer than the app
    NotAllowed = 5, // the user's role does not permit the action
    Conflict = 6, // signed note, vault locked by another process
};

// An error whose message is safe to show and log: it names what failed and why, never note text,
// client names, SQL values or secrets.
class Error : public std::runtime_error
{
public:
    Error(ErrorKind kind, const QString &what, const QString &why);

    [[nodiscard]] ErrorKind kind() const noexcept { return m_kind; }
    [[nodiscard]] QString what_() const { return m_what; }
    [[nodiscard]] QString why() const { return m_why; }
    // "what: why", the form the CLI prints after its name.
    [[nodiscard]] QString message() const;
    [[nodiscard]] int exitCode() const noexcept { return static_cast<int>(m_kind); }

private:
    ErrorKind m_kind;
    QString m_what;
    QString m_why;
};

} // namespace uc
