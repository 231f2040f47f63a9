// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clirun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <utility>

namespace practicetest {

// The CLI as the practice tests run it: one user of one vault folder at a time, every call with the
// test's passphrase file (m_pass, set by the test's initTestCase).
class MemberCli
{
protected:
    QString m_pass;

    clirun::Run as(const QString &vault, const QString &user, QStringList args) const
    {
        return clirun::cli(std::move(args), vault, user, m_pass);
    }
    // The command's --json output, or {"exit": code} when it did not end with expect (said on stderr).
    QJsonObject json(const QString &vault, const QString &user, QStringList args, int expect = 0) const
    {
        using namespace Qt::StringLiterals;
        args << u"--json"_s;
        const clirun::Run r = as(vault, user, args);
        if (r.code != expect)
            qWarning("%s: exit %d: %s", qPrintable(args.join(u' ')), r.code, r.err.constData());
        return r.code == expect ? QJsonDocument::fromJson(r.out).object() : QJsonObject { { u"exit"_s, r.code } };
    }
    QJsonObject syncOf(const QString &vault, const QString &user) const
    {
        using namespace Qt::StringLiterals;
        return json(vault, user, { u"sync"_s });
    }
    QJsonArray receivedBy(const QString &vault, const QString &user) const
    {
        using namespace Qt::StringLiterals;
        return json(vault, user, { u"practice"_s, u"received"_s }).value(QLatin1String("received")).toArray();
    }
};

} // namespace practicetest
