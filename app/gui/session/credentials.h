// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>

// The rules the first-run, unlock and recovery screens bind to: how strong a passphrase is, and
// whether the group of the recovery key typed back matches. Stateless; nothing is stored or logged.
class Credentials : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    // Strength levels, weakest first (the strength bar has four segments).
    enum Strength { TooShort = 0, Weak = 1, Fair = 2, Good = 3, Strong = 4 };
    Q_ENUM(Strength)

    static constexpr int minimumLength = 12;
    static constexpr int recoveryGroups = 8;

    explicit Credentials(QObject *parent = nullptr);

    // An estimate: length and character variety, with common words and repeats counted down.
    Q_INVOKABLE static int strength(const QString &passphrase);
    // One sentence for under the field ("Strong.", "Weak: add a few more words.").
    Q_INVOKABLE static QString hint(const QString &passphrase);
    // Fair or better: what the create and recover buttons require.
    Q_INVOKABLE static bool acceptable(const QString &passphrase);
    // Group n (1-based) of a displayed recovery key "ABCD-EFGH-…", or "" when there is none.
    Q_INVOKABLE static QString recoveryGroup(const QString &key, int n);
    // Whether typed is group n of key: case, spaces and dashes ignored, and the letters Crockford
    // base32 reads as digits (O as 0, I and L as 1) accepted, as RecoveryKey::parse accepts them.
    Q_INVOKABLE static bool recoveryGroupMatches(const QString &key, int n, const QString &typed);
};
