// SPDX-License-Identifier: GPL-3.0-or-later
// A practice server for one test program: tools/practice-server starts a cluster in a temporary
// folder and stops it when the object goes away. Tests skip, saying why, only where PostgreSQL's
// server programs are not installed.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

namespace practicetest {

struct Script
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

inline Script practiceServer(const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(PRACTICE_SERVER), args);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, p.readAllStandardOutput(), p.readAllStandardError()};
}

// Empty when PostgreSQL's initdb and pg_ctl are found where tools/practice-server looks; else why not.
inline QString whyNoPostgres()
{
    for (const QString &dir : QDir(QStringLiteral("/usr/lib/postgresql")).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString bin = QStringLiteral("/usr/lib/postgresql/") + dir + QStringLiteral("/bin/");
        if (QFile::exists(bin + QStringLiteral("initdb")) && QFile::exists(bin + QStringLiteral("pg_ctl")))
            return {};
    }
    if (QProcess::execute(QStringLiteral("sh"), {QStringLiteral("-c"), QStringLiteral("command -v initdb && command -v pg_ctl")}) == 0)
        return {};
    return QStringLiteral("PostgreSQL's server programs (initdb, pg_ctl) are not installed: Debian's postgresql-15, "
                          "which tools/setup installs");
}

class Cluster
{
public:
    // Starts a cluster in a folder of its own (reachable by the user postgres when run as root).
    bool start()
    {
        if (!m_parent.isValid())
            return false;
        QFile::setPermissions(m_parent.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                                   | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
        m_dir = m_parent.filePath(QStringLiteral("server"));
        const Script s = practiceServer({QStringLiteral("start"), m_dir});
        m_output = s.out + s.err;
        const auto url = QRegularExpression(QStringLiteral("server URL: (\\S+)")).match(QString::fromUtf8(s.out));
        if (s.code != 0 || !url.hasMatch())
            return false;
        m_url = url.captured(1);
        m_started = true;
        return true;
    }
    ~Cluster()
    {
        if (m_started)
            practiceServer({QStringLiteral("stop"), m_dir});
    }

    // The postmaster killed with SIGKILL, as a crash or the OOM killer would, and the cluster gone
    // (its pid file names no live process) before this returns; false when it was not running.
    bool kill()
    {
        QFile pidFile(m_dir + QStringLiteral("/data/postmaster.pid"));
        if (!m_started || !pidFile.open(QIODevice::ReadOnly))
            return false;
        const QByteArray pid = pidFile.readLine().trimmed();
        if (pid.isEmpty() || QProcess::execute(QStringLiteral("kill"), {QStringLiteral("-KILL"), QString::fromLatin1(pid)}) != 0)
            return false;
        for (int i = 0; i < 300; ++i) {
            if (practiceServer({QStringLiteral("status"), m_dir}).code == 3)
                return true;
            QThread::msleep(100);
        }
        return false;
    }
    // Started again on the same folder (and port: the members pinned the URL), after kill or stop.
    bool restart()
    {
        const Script s = practiceServer({QStringLiteral("start"), m_dir});
        m_output = s.out + s.err;
        return s.code == 0 && QString::fromUtf8(s.out).contains(m_url);
    }

    [[nodiscard]] QString dir() const { return m_dir; }
    [[nodiscard]] QString url() const { return m_url; }
    [[nodiscard]] QString caFile() const { return m_dir + QStringLiteral("/ca.crt"); }
    [[nodiscard]] QString caKeyFile() const { return m_dir + QStringLiteral("/ca.key"); }
    [[nodiscard]] QByteArray output() const { return m_output; }
    // SQL as the cluster's superuser: the server operator, who can read and change everything.
    Script operatorSql(const QByteArray &sql) const
    {
        return practiceServer({QStringLiteral("psql"), m_dir, QStringLiteral("-qtA")}, sql);
    }

private:
    QTemporaryDir m_parent;
    QString m_dir;
    QString m_url;
    QByteArray m_output;
    bool m_started = false;
};

} // namespace practicetest
