// SPDX-License-Identifier: GPL-3.0-or-later
// `user add` and `user list` as scripts see them: who may create whom (exit 5), names unique ignoring
// case and existing users never changed (exit 6), --admin, and the administrator in the listing.
#include "model/types.h"
#include "vault/keyslots.h"
#include "vault/vault.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::Vault;

class CliUsersTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(u"config"_s)));
        m_vault = m_dir.filePath(u"vault"_s);
        m_alicePass = file(u"alice-pass"_s, "alice's command line passphrase\n");
        m_bobPass = file(u"bob-pass"_s, "bob's command line passphrase\n");
        m_newPass = file(u"new-pass"_s, "a new colleague's passphrase\n");
        auto created = Vault::create(m_vault, u"alice"_s, SecretBuffer::copyOf("alice's command line passphrase"),
                                     model::Role::Therapist, vault::KdfCost::testOnly());
        created.vault->addUser(u"bob"_s, model::Role::Therapist, SecretBuffer::copyOf("bob's command line passphrase"),
                               vault::KdfCost::testOnly());
    }

    void aTherapistWhoIsNotAdministratorCannotAddASupervisor()
    {
        for (const QString &role : {u"supervisor"_s, u"auditor"_s}) {
            const Run r = userAdd(u"bob"_s, m_bobPass, {u"--name"_s, u"sam"_s, u"--role"_s, role});
            QCOMPARE(r.code, 5);
            QCOMPARE(r.err, QByteArray("undercurrent-cli: add user: only the practice administrator adds supervisors, "
                                       "auditors and administrators\n"));
        }
        QCOMPARE(userAdd(u"bob"_s, m_bobPass, {u"--name"_s, u"sam"_s, u"--role"_s, u"therapist"_s, u"--admin"_s}).code, 5);
    }

    void theAdministratorAddsSupervisorsAndAdministrators()
    {
        QCOMPARE(userAdd(u"alice"_s, m_alicePass, {u"--name"_s, u"sam"_s, u"--role"_s, u"supervisor"_s}).code, 0);
        QCOMPARE(userAdd(u"alice"_s, m_alicePass, {u"--name"_s, u"carol"_s, u"--role"_s, u"therapist"_s, u"--admin"_s})
                     .code,
                 0);
        const Run list = cli({u"user"_s, u"list"_s, u"--json"_s, u"--vault"_s, m_vault, u"--user"_s, u"alice"_s,
                              u"--passphrase-file"_s, m_alicePass});
        QCOMPARE(list.code, 0);
        QMap<QString, QJsonObject> byName;
        for (const QJsonValue &v : QJsonDocument::fromJson(list.out).array())
            byName.insert(v.toObject().value("name"_L1).toString(), v.toObject());
        QVERIFY(byName.value(u"alice"_s).value("admin"_L1).toBool());
        QVERIFY(byName.value(u"carol"_s).value("admin"_L1).toBool());
        QVERIFY(!byName.value(u"bob"_s).value("admin"_L1).toBool());
        QCOMPARE(byName.value(u"sam"_s).value("role"_L1).toString(), u"supervisor"_s);
    }

    void namesAreUniqueIgnoringCase()
    {
        const Run r = userAdd(u"alice"_s, m_alicePass, {u"--name"_s, u"Bob"_s, u"--role"_s, u"therapist"_s});
        QCOMPARE(r.code, 6);
        QCOMPARE(r.err, QByteArray("undercurrent-cli: add user: a user named bob already exists\n"));
        // An existing user is never changed, whatever the role asked for.
        QCOMPARE(userAdd(u"alice"_s, m_alicePass, {u"--name"_s, u"bob"_s, u"--role"_s, u"supervisor"_s}).code, 6);
        const Run list = cli({u"user"_s, u"list"_s, u"--vault"_s, m_vault, u"--user"_s, u"bob"_s,
                              u"--passphrase-file"_s, m_bobPass});
        QCOMPARE(list.code, 0);
        QVERIFY2(list.out.contains("bob\ttherapist\n"), list.out.constData());
    }

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
    };
    Run cli(const QStringList &args)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CLI_PATH), args);
        if (!p.waitForStarted(30000) || !p.waitForFinished(120000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    Run userAdd(const QString &as, const QString &pass, const QStringList &args)
    {
        return cli(QStringList{u"user"_s, u"add"_s} + args
                   + QStringList{u"--new-passphrase-file"_s, m_newPass, u"--vault"_s, m_vault, u"--user"_s, as,
                                 u"--passphrase-file"_s, pass});
    }
    QString file(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (f.open(QIODevice::WriteOnly))
            f.write(content);
        return path;
    }

    QTemporaryDir m_dir;
    QString m_vault;
    QString m_alicePass;
    QString m_bobPass;
    QString m_newPass;
};

QTEST_GUILESS_MAIN(CliUsersTest)
#include "cliuserstest.moc"
