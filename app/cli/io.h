// SPDX-License-Identifier: GPL-3.0-or-later
// What the CLI reads and prints: secrets into guarded memory, UTF-8 text files, standard input,
// plain lines and one-line JSON on standard output.
#pragma once

#include "common/secret.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

namespace uc::cli {

// The first line of a file, straight into guarded memory; Error(Io) naming what when unreadable.
[[nodiscard]] SecretBuffer readSecretLine(const QString &path, const QString &what);
// Asked for on the terminal without echo; Error(Usage) when there is no terminal.
[[nodiscard]] SecretBuffer promptSecret(const char *prompt);
// A whole file that must be UTF-8 without NUL bytes; Error(Io) naming what otherwise.
[[nodiscard]] QString readTextFile(const QString &path, const QString &what);
[[nodiscard]] QByteArray readStdin(const QString &what);

// Text as a terminal may show it: control characters (ESC, CR, BEL, DEL, C1) and bidirectional
// overrides written as \xNN / \uNNNN, so a colleague's comment or note cannot move the cursor,
// rewrite what is on screen or reorder it; newlines and tabs kept, CR LF read as a newline.
[[nodiscard]] QString terminalSafe(const QString &text);
// One line on stdout, terminalSafe: everything the CLI prints but JSON (which escapes its own).
void print(const QString &text);
// One line on stderr: what a refusal leaves for the user to read beside its error.
void printError(const QString &text);
void printJson(const QJsonValue &value);

} // namespace uc::cli
