// SPDX-License-Identifier: GPL-3.0-or-later
// What the CLI accepts from files and lines: a UTF-8 byte order mark in --note-file is dropped, a
// repeatable option given twice with the same value is a usage error naming it (not a database
// constraint message), and a note over the size limit is exit 2 with the limit named.
#include "model/types.h"
#include "vault/vault.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace uc;
using uc::vault::Vault;

namespace {

constexpr std::string_view passphraseText = "cli input test passphrase";

struct Run
{
    int code;
    QByteArray out;
    QByteArray err;
};

} // namespace

class CliInputTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void byteOrderMarkIsDropped();
    void repeatedValueIsAUsageError();
    void overLongNoteIsExitTwo();

private:
    QString file(const QString &name, const QByteArray &content);
    Run cli(const QStringList &args);

    QTemporaryDir m_tmp;
    QString m_vault = m_tmp.filePath(u"vault"_s);
    QString m_pass;
};

QString CliInputTest::file(const QString &name, const QByteArray &content)
{
    const QString path = m_tmp.filePath(name);
    QFile out(path);
    if (out.open(QIODevice::WriteOnly))
        out.write(content);
    return path;
}

Run CliInputTest::cli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(CLI_PATH),
            QStringList{u"--vault"_s, m_vault, u"--user"_s, u"alice"_s, u"--passphrase-file"_s, m_pass} + args);
    if (!p.waitForFinished(120000))
        return {-1, {}, {}};
    return {p.exitCode(), p.readAllStandardOutput(), p.readAllStandardError()};
}

void CliInputTest::initTestCase()
{
    m_pass = file(u"pass"_s, QByteArray(passphraseText.data(), qsizetype(passphraseText.size())) + '\n');
    auto v = Vault::create(m_vault, u"alice"_s, SecretBuffer::copyOf(passphraseText), model::Role::Therapist,
                           vault::KdfCost::testOnly())
                 .vault;
    for (const QString &code : {u"C-1"_s, u"C-2"_s}) {
        model::Client c;
        c.code = code;
        c.displayName = u"Client "_s + code;
        v->clients().add(c);
    }
}

void CliInputTest::byteOrderMarkIsDropped()
{
    const QString note = file(u"bom.md"_s, "\xEF\xBB\xBFShe spoke about the weekend.\n");
    Run r = cli({u"session"_s, u"add"_s, u"--client"_s, u"C-1"_s, u"--date"_s, u"2025-03-01"_s, u"--note-file"_s, note,
                 u"--json"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    const int id = QJsonDocument::fromJson(r.out).object().value(u"note"_s).toInt();
    QVERIFY(id > 0);
    r = cli({u"note"_s, u"show"_s, QString::number(id), u"--json"_s});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("She spoke about the weekend."));
    QVERIFY(!r.out.contains("\xEF\xBB\xBF"));
    QVERIFY(!r.out.contains("\\ufeff"));
}

void CliInputTest::repeatedValueIsAUsageError()
{
    Run r = cli({u"session"_s, u"add"_s, u"--client"_s, u"C-2"_s, u"--client"_s, u"C-2"_s, u"--modality"_s,
                 u"group"_s, u"--date"_s, u"2025-03-02"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--client is given twice with the same value"), r.err.constData());
    QVERIFY(!r.err.contains("constraint"));
    // A single-valued option given twice, for comparison: the same exit code, the option named.
    r = cli({u"session"_s, u"add"_s, u"--client"_s, u"C-2"_s, u"--date"_s, u"2025-03-02"_s, u"--date"_s,
             u"2025-03-03"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("--date is given more than once"), r.err.constData());
}

void CliInputTest::overLongNoteIsExitTwo()
{
    const QString note = file(u"long.md"_s, QByteArray(model::maxNoteBytes + 1, 'a'));
    const Run r = cli({u"session"_s, u"add"_s, u"--client"_s, u"C-2"_s, u"--date"_s, u"2025-03-04"_s,
                       u"--note-file"_s, note});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains("the note is longer than 1 MiB"), r.err.constData());
}

QTEST_GUILESS_MAIN(CliInputTest)
#include "clinputtest.moc"
