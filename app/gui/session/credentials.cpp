// SPDX-License-Identifier: GPL-3.0-or-later
#include "credentials.h"

#include <QSet>
#include <QStringList>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Words that make up most guessed passphrases; a passphrase built of them is weaker than its
// length suggests.
bool isCommon(const QString &lower)
{
    static const QStringList common = {u"password"_s, u"passphrase"_s, u"passwort"_s, u"123456"_s,  u"qwerty"_s,
                                       u"letmein"_s,  u"welcome"_s,    u"admin"_s,    u"therapy"_s, u"undercurrent"_s,
                                       u"abc123"_s,   u"iloveyou"_s,   u"monkey"_s,   u"dragon"_s};
    for (const QString &word : common) {
        if (lower.contains(word) && lower.size() < word.size() + 8)
            return true;
    }
    return false;
}

QString normalisedGroup(const QString &text)
{
    QString out;
    for (QChar c : text) {
        if (c.isSpace() || c == u'-')
            continue;
        c = c.toUpper();
        if (c == u'O')
            c = u'0';
        else if (c == u'I' || c == u'L')
            c = u'1';
        out.append(c);
    }
    return out;
}

} // namespace

Credentials::Credentials(QObject *parent)
    : QObject(parent)
{
}

int Credentials::strength(const QString &passphrase)
{
    const qsizetype length = passphrase.size();
    if (length < minimumLength)
        return TooShort;
    bool lower = false, upper = false, digit = false, symbol = false, space = false;
    QSet<QChar> distinct;
    for (QChar c : passphrase) {
        distinct.insert(c);
        if (c.isLower())
            lower = true;
        else if (c.isUpper())
            upper = true;
        else if (c.isDigit())
            digit = true;
        else if (c.isSpace())
            space = true;
        else
            symbol = true;
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 32 : 0) + (space ? 1 : 0);
    // Repeated characters ("aaaaaaaaaaaa") add little: count each distinct character once more than
    // a third of the length.
    const double effective = std::min<double>(double(length), double(distinct.size()) * 3.0);
    double bits = effective * std::log2(std::max(pool, 2));
    if (isCommon(passphrase.toLower()))
        bits /= 2;
    if (bits < 50)
        return Weak;
    if (bits < 65)
        return Fair;
    if (bits < 80)
        return Good;
    return Strong;
}

QString Credentials::hint(const QString &passphrase)
{
    switch (strength(passphrase)) {
    case TooShort:
        return passphrase.isEmpty() ? u"Use at least %1 characters; a few unrelated words work well."_s.arg(minimumLength)
                                    : u"Too short: use at least %1 characters."_s.arg(minimumLength);
    case Weak:
        return u"Weak: add a few more unrelated words."_s;
    case Fair:
        return u"Fair: one or two more words would make it much stronger."_s;
    case Good:
        return u"Good."_s;
    default:
        return u"Strong."_s;
    }
}

bool Credentials::acceptable(const QString &passphrase)
{
    return strength(passphrase) >= Fair;
}

QString Credentials::recoveryGroup(const QString &key, int n)
{
    const QStringList groups = key.split(u'-', Qt::SkipEmptyParts);
    if (n < 1 || n > groups.size())
        return {};
    return groups.at(n - 1).trimmed();
}

bool Credentials::recoveryGroupMatches(const QString &key, int n, const QString &typed)
{
    const QString group = recoveryGroup(key, n);
    return !group.isEmpty() && normalisedGroup(group) == normalisedGroup(typed);
}
