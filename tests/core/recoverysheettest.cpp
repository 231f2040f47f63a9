// SPDX-License-Identifier: GPL-3.0-or-later
// The recovery key on paper (core/reports/recoverysheet.h): the sheet holds the key, numbered as on
// the screen, and says to delete the file; the file is owner-only; the audit trail records that a
// sheet was saved, never where; a file inside the vault's folder or a symbolic link planted at the
// target is refused with nothing written.
#include "reports/recoverysheet.h"
#include "vault/audittrail.h"
#include "vault/keyslots.h"
#include "vault/vault.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

#include <algorithm>

using namespace uc;
using namespace uc::vault;

namespace {

constexpr std::string_view passphrase = "recovery sheet test passphrase";

SecretBuffer secret()
{
    return SecretBuffer::copyOf(passphrase);
}

QString displayed(const RecoveryKey &key)
{
    const SecretBuffer shown = key.display();
    return QString::fromLatin1(reinterpret_cast<const char *>(shown.data()), static_cast<qsizetype>(shown.size()));
}

} // namespace

class RecoverySheetTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void theSheetHoldsTheKeyNumberedAndIsOwnerOnly();
    void theTrailRecordsTheSheetButNotWhere();
    void aFileInsideTheVaultFolderIsRefused();
    void aPlantedSymlinkIsRefusedAndItsTargetUntouched();

private:
    QString pdfText(const QString &file);
    int sheetEvents();

    QTemporaryDir m_dir;
    QString m_pdftotext;
    std::unique_ptr<Vault> m_vault;
    std::optional<RecoveryKey> m_key;
};

QString RecoverySheetTest::pdfText(const QString &file)
{
    QProcess p;
    p.start(m_pdftotext, {QStringLiteral("-layout"), file, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

int RecoverySheetTest::sheetEvents()
{
    const QList<AuditEntry> trail = m_vault->auditTrail().entries();
    return static_cast<int>(std::count_if(trail.begin(), trail.end(),
                                          [](const AuditEntry &e) { return e.action == u"recovery-key-sheet"; }));
}

void RecoverySheetTest::initTestCase()
{
    m_pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (m_pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed; tools/setup installs it");
    QVERIFY(m_dir.isValid());
    auto created = Vault::create(m_dir.filePath(QStringLiteral("vault")), QStringLiteral("alice"), secret(),
                                 model::Role::Therapist, KdfCost::testOnly());
    m_vault = std::move(created.vault);
    m_key.emplace(std::move(created.recoveryKey));
}

void RecoverySheetTest::theSheetHoldsTheKeyNumberedAndIsOwnerOnly()
{
    const QString file = m_dir.filePath(QStringLiteral("key.pdf"));
    reports::writeRecoveryKeySheet(*m_vault, *m_key, file);
    QFileInfo info(file);
    QVERIFY(info.isFile());
    QCOMPARE(info.permissions() & (QFile::ReadGroup | QFile::WriteGroup | QFile::ReadOther | QFile::WriteOther),
             QFileDevice::Permissions());
    const QString text = pdfText(file);
    QVERIFY2(!text.isEmpty(), "pdftotext read nothing");
    const QStringList groups = displayed(*m_key).split(u'-');
    QCOMPARE(groups.size(), 8);
    for (const QString &group : groups)
        QVERIFY2(text.contains(group), "a group of the key is missing from the sheet");
    // Numbered 1..8 under the groups, as the screen asks for "group N".
    for (int n = 1; n <= 8; ++n)
        QVERIFY(text.contains(QString::number(n)));
    QVERIFY(text.contains(QStringLiteral("Delete this file once printed")));
    QVERIFY(text.contains(QStringLiteral("alice")));
    // What is printed is the key that opens the vault.
    m_vault->lock();
    const QString typed = groups.join(QStringLiteral(" ")).toLower();
    const QByteArray typedBytes = typed.toLatin1();
    const RecoveryKey back = RecoveryKey::parse(std::string_view(typedBytes.constData(), static_cast<std::size_t>(typedBytes.size())));
    m_vault = Vault::recover(m_dir.filePath(QStringLiteral("vault")), QStringLiteral("alice"), back, secret(),
                             KdfCost::testOnly());
    QVERIFY(m_vault->isOpen());
}

void RecoverySheetTest::theTrailRecordsTheSheetButNotWhere()
{
    const QList<AuditEntry> trail = m_vault->auditTrail().entries();
    bool found = false;
    for (const AuditEntry &e : trail) {
        QVERIFY(!e.detail.contains(QStringLiteral("key.pdf")) && !e.object.contains(QStringLiteral("key.pdf")));
        QVERIFY(!e.detail.contains(m_dir.path()));
        if (e.action == u"recovery-key-sheet") {
            found = true;
            QCOMPARE(e.user, QStringLiteral("alice"));
            QVERIFY(e.object.startsWith(QStringLiteral("user:")));
        }
    }
    QVERIFY(found);
    QVERIFY(m_vault->auditTrail().verify().whole);
}

void RecoverySheetTest::aFileInsideTheVaultFolderIsRefused()
{
    const int before = sheetEvents();
    const QString vaultDir = m_dir.filePath(QStringLiteral("vault"));
    for (const QString &file : {QDir(vaultDir).filePath(QStringLiteral("key.pdf")),
                                // the same folder reached by a path that does not look like it
                                m_dir.filePath(QStringLiteral("vault/../vault/key2.pdf"))}) {
        try {
            reports::writeRecoveryKeySheet(*m_vault, *m_key, file);
            QFAIL("a sheet inside the vault's folder was written");
        } catch (const Error &e) {
            QCOMPARE(e.kind(), ErrorKind::Io);
            QVERIFY(QString::fromUtf8(e.what()).contains(QStringLiteral("vault's folder")));
        }
        QVERIFY(!QFileInfo::exists(file));
    }
    // And through a symbolic link to the vault's folder.
    const QString link = m_dir.filePath(QStringLiteral("innocent"));
    QVERIFY(QFile::link(vaultDir, link));
    QVERIFY_THROWS_EXCEPTION(Error, reports::writeRecoveryKeySheet(*m_vault, *m_key, link + QStringLiteral("/key.pdf")));
    QVERIFY(!QFileInfo::exists(QDir(vaultDir).filePath(QStringLiteral("key.pdf"))));
    QCOMPARE(sheetEvents(), before);
}

void RecoverySheetTest::aPlantedSymlinkIsRefusedAndItsTargetUntouched()
{
    const int before = sheetEvents();
    const QString victim = m_dir.filePath(QStringLiteral("victim.txt"));
    {
        QFile f(victim);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("someone else's file\n");
    }
    const QString planted = m_dir.filePath(QStringLiteral("planted.pdf"));
    QVERIFY(QFile::link(victim, planted));
    QVERIFY_THROWS_EXCEPTION(Error, reports::writeRecoveryKeySheet(*m_vault, *m_key, planted));
    QFile f(victim);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("someone else's file\n"));
    QVERIFY(QFileInfo(planted).isSymLink());
    QCOMPARE(sheetEvents(), before);
}

QTEST_MAIN(RecoverySheetTest)
#include "recoverysheettest.moc"
