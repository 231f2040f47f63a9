// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The codebook: the themes the tagger looks for, each with its phrases. The default ships inside
// the library (codebook.json, versioned); a vault keeps a user's edits on top of it.
namespace uc::themes {

struct Theme
{
    QString id; // "abandonment"
    QString label;
    QString group;
    QString description;
    QList<QString> phrases; // "felt alone", "abandon*" (prefix), plain words also match inflections
    // Phrases that cancel a mention they overlap: "used to" is not use, "urge to use" is a craving.
    QList<QString> exceptions;
    // "client": a mention counts only when the client is the one feeling or doing it;
    // "any": the theme is about what others do to the client (abandonment, trauma, childhood).
    bool clientSubject = true;
    // Hypothetical or future mentions count too (plans: "will attend AA").
    bool futureCounts = false;
    // When someone in the client's family is the subject, the mention counts for this theme
    // instead ("her father drank" -> family-substance-use).
    QString otherPersonTheme;
    // Driver-linked use: counts when a counted `use` mention and a counted `driver` mention stand in
    // one sentence, tied by purpose, cause or time ("drinks when she feels abandoned").
    QString driver;
    QString use;
    bool enabled = true;

    [[nodiscard]] bool isDriverLink() const { return !driver.isEmpty(); }
};

class Codebook
{
public:
    // The codebook shipped with this build.
    static const Codebook &builtin();
    // Parses a codebook document; throws uc::Error(Io) "codebook: line N: reason" when malformed.
    static Codebook parse(const QByteArray &json);
    // Applies a user's edits (same format: "themes" adds or extends, "disabled" lists ids);
    // throws uc::Error(Io) with the line and reason, leaving this codebook unchanged.
    void applyEdits(const QByteArray &json);

    [[nodiscard]] int version() const { return m_version; }
    [[nodiscard]] const QList<Theme> &themes() const { return m_themes; }
    [[nodiscard]] const Theme *find(const QString &id) const;
    [[nodiscard]] QByteArray toJson() const;

private:
    void validate(const QByteArray &source) const;

    int m_version = 0;
    QList<Theme> m_themes;
};

} // namespace uc::themes
