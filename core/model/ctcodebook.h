// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// The countertransference codebook (docs/countertransference.md): the therapist's own reactions —
// rescue, protectiveness, boredom, irritation, hopelessness, overwhelm — each with the words that
// name it. Its own small codebook, apart from the themes' (core/themes/codebook.json): a reaction of
// the therapist is never one of the client's themes. The built-in one is
// core/model/countertransference.json, compiled in.
namespace uc::model {

struct CtCode
{
    QString id; // "rescue"
    QString label; // "Rescue"
    QString description; // what a clinician means by it, with its source
    // Phrases of whole words, lower case; a word ending in '*' is a prefix ("irritat*").
    QStringList cues;
};

struct CtCodebook
{
    QList<CtCode> codes;

    [[nodiscard]] const CtCode *find(const QString &id) const;
    // The code's label, or the id itself for an id the codebook does not hold.
    [[nodiscard]] QString labelOf(const QString &id) const;

    // Reads a codebook strictly: Error(Io) naming the place ("codes[2].cues[0]: empty") for a
    // format or version other than this one, an unknown key, a missing or empty text, an id given
    // twice or not of lower-case letters and hyphens, or a cue with a '*' anywhere but the end of a word.
    [[nodiscard]] static CtCodebook fromJson(const QByteArray &json);
    // The codebook shipped with this build.
    [[nodiscard]] static const CtCodebook &builtIn();
};

} // namespace uc::model
