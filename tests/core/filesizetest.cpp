// SPDX-License-Identifier: GPL-3.0-or-later
// No .cpp in core/ or app/ over 650 lines (the house aims at about 600): a file that long holds more
// than one concern, and is split along them, not cut in half. core/themes/ is left out: the tagger
// is split on its own terms (docs/architecture.md).
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int maxLines = 650;

// Lines as wc -l counts them, plus a last line without its line break.
int linesOf(const QByteArray &text)
{
    const auto breaks = static_cast<int>(text.count('\n'));
    return breaks + (!text.isEmpty() && !text.endsWith('\n') ? 1 : 0);
}

struct Scan
{
    int files = 0;
    QStringList tooLong; // "core/vault/x.cpp: 700 lines", by path
};

// Every .cpp under root's core/ and app/ (not core/themes/) longer than maxLines.
Scan scan(const QString &root)
{
    Scan out;
    for (const char *folder : {"core", "app"}) {
        QDirIterator it(root + u'/' + QLatin1String(folder), {QStringLiteral("*.cpp")}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = path.mid(root.size() + 1);
            if (relative.startsWith(QLatin1String("core/themes/")))
                continue;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                out.tooLong << relative + QStringLiteral(": unreadable");
                continue;
            }
            ++out.files;
            if (const int lines = linesOf(file.readAll()); lines > maxLines)
                out.tooLong << QStringLiteral("%1: %2 lines").arg(relative).arg(lines);
        }
    }
    out.tooLong.sort();
    return out;
}

void write(const QString &path, int lines)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < lines; ++i)
        file.write("int x;\n");
}

} // namespace

class FileSizeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsLinesAsWcDoes_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("lines");
        QTest::newRow("empty") << QByteArray() << 0;
        QTest::newRow("one line") << QByteArray("int x;\n") << 1;
        QTest::newRow("no last break") << QByteArray("a\nb") << 2;
        QTest::newRow("blank lines count") << QByteArray("\n\n\n") << 3;
    }
    void countsLinesAsWcDoes()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, lines);
        QCOMPARE(linesOf(text), lines);
    }

    // The scan on a tree of its own, so that the check below could fail.
    void namesEachFileOverTheLimit()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        write(root.filePath(QStringLiteral("core/vault/long.cpp")), maxLines + 1);
        write(root.filePath(QStringLiteral("app/cli/longer.cpp")), maxLines + 40);
        write(root.filePath(QStringLiteral("app/gui/atlimit.cpp")), maxLines);
        write(root.filePath(QStringLiteral("core/themes/tagger.cpp")), maxLines * 2);
        write(root.filePath(QStringLiteral("core/vault/long.h")), maxLines * 2);
        write(root.filePath(QStringLiteral("tests/core/longtest.cpp")), maxLines * 2);
        const Scan found = scan(root.path());
        QCOMPARE(found.files, 3);
        QCOMPARE(found.tooLong, (QStringList{QStringLiteral("app/cli/longer.cpp: 690 lines"),
                                             QStringLiteral("core/vault/long.cpp: 651 lines")}));
    }

    void noCppOverTheLimit()
    {
        const Scan found = scan(QStringLiteral(SOURCE_DIR));
        QVERIFY2(found.files > 50, "the source tree was not found");
        QVERIFY2(found.tooLong.isEmpty(),
                 qPrintable(QStringLiteral("over %1 lines (split along its concerns):\n").arg(maxLines)
                            + found.tooLong.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(FileSizeTest)

#include "filesizetest.moc"
