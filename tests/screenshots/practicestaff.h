// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <string_view>

// The demo practice's colleagues for the supervision and audit pictures: a supervisor, an auditor
// and a second therapist, all with one passphrase.
namespace screenshots {

inline const auto supervisorName = QStringLiteral("mgarcia");
inline const auto auditorName = QStringLiteral("kaudit");
inline const auto colleagueName = QStringLiteral("rlee");
inline constexpr std::string_view staffPassphrase = "screenshot staff passphrase";

// Adds them to the demo practice in dir, with the second therapist's two signed notes, the
// supervisor over both therapists (the demo one must have notes co-signed), most of the demo's
// notes co-signed, one returned with a comment and one commented on, so the queue shows what a
// working week leaves. Done with the core directly while the session is locked (the folder lock
// is free). Throws uc::Error.
void addStaff(const QString &dir);

// The themes a supervisor might give a note: the tagger's reading of the words, with one theme
// left out on every third note, so agreement is high but not perfect.
[[nodiscard]] QStringList blindThemes(const QString &text, int n);

} // namespace screenshots
