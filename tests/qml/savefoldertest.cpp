// SPDX-License-Identifier: GPL-3.0-or-later
// Where save dialogs open (reports, audit export, backup): the standard Documents folder, made
// when it is missing, so a dialog never starts in a folder that does not exist.
#include "appinfo.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class SaveFolderTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // A home without a Documents folder, as on a fresh account.
        qputenv("HOME", QFile::encodeName(m_home.path()));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(u".config"_s)));
    }

    void documentsIsMadeWhenMissing()
    {
        const QString documents = m_home.filePath(u"Documents"_s);
        QVERIFY(!QFileInfo::exists(documents));
        const QUrl folder = AppInfo::saveFolder();
        QCOMPARE(folder.toLocalFile(), documents);
        QVERIFY(QFileInfo(documents).isDir());
        QCOMPARE(AppInfo::saveFile(u"Note C-0101 2025-03-04.pdf"_s).toLocalFile(),
                 documents + u"/Note C-0101 2025-03-04.pdf"_s);
    }
};

QTEST_GUILESS_MAIN(SaveFolderTest)
#include "savefoldertest.moc"
