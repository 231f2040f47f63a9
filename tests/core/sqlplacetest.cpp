// SPDX-License-Identifier: GPL-3.0-or-later
// Only core/vault speaks SQL: every C++ string literal in core/ and app/ outside core/vault/ (and
// the practice server's own database code in core/practice/, when there is one) is read, adjacent
// literals joined as the compiler joins them, and refused when it holds a statement's shape. A
// rule restated in a second place's WHERE clause is how the two drift apart.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Literal
{
    QString text;
    int line = 0;
};

// The string literals of C++ source, with adjacent ones joined; comments and character literals
// skipped. Raw strings (R"delim(…)delim", with any prefix) are read whole; escapes are kept as
// written, which is enough to see SQL.
QList<Literal> literalsOf(const QString &source)
{
    QList<Literal> out;
    const qsizetype n = source.size();
    qsizetype i = 0;
    int line = 1;
    bool joining = false; // the last token was a literal: the next one continues it
    const auto advance = [&](qsizetype to) {
        for (; i < to && i < n; ++i)
            if (source.at(i) == u'\n')
                ++line;
    };
    // A literal's body [from, to), then on past its end.
    const auto take = [&](qsizetype from, qsizetype to, qsizetype end) {
        const QString body = source.mid(from, to - from);
        const int at = line;
        advance(end);
        if (joining)
            out.last().text += body;
        else
            out.append({body, at});
        joining = true;
    };
    while (i < n) {
        const QChar c = source.at(i);
        if (c.isSpace()) {
            advance(i + 1);
            continue;
        }
        if (source.mid(i, 2) == u"//") {
            advance(source.indexOf(u'\n', i) < 0 ? n : source.indexOf(u'\n', i));
            continue;
        }
        if (source.mid(i, 2) == u"/*") {
            const qsizetype end = source.indexOf(u"*/", i + 2);
            advance(end < 0 ? n : end + 2);
            continue;
        }
        // A raw string: an optional encoding prefix, R, ", a delimiter, (.
        static const QRegularExpression rawStart(QStringLiteral("\\G(?:u8|u|U|L)?R\"([^()\\\\\\s]{0,16})\\("));
        if (const auto raw = rawStart.match(source, i); raw.hasMatch() && (i == 0 || !source.at(i - 1).isLetterOrNumber())) {
            const QString close = u')' + raw.captured(1) + u'"';
            const qsizetype bodyStart = raw.capturedEnd();
            const qsizetype end = source.indexOf(close, bodyStart);
            take(bodyStart, end < 0 ? n : end, end < 0 ? n : end + close.size());
            continue;
        }
        if (c == u'"') {
            qsizetype j = i + 1;
            while (j < n && source.at(j) != u'"' && source.at(j) != u'\n')
                j += source.at(j) == u'\\' ? 2 : 1;
            take(i + 1, j, j + 1);
            continue;
        }
        if (c == u'\'') {
            qsizetype j = i + 1;
            while (j < n && source.at(j) != u'\'' && source.at(j) != u'\n')
                j += source.at(j) == u'\\' ? 2 : 1;
            advance(j + 1);
            joining = false;
            continue;
        }
        // An encoding prefix or a user-defined suffix (u"…", "…"_s) does not end a run of literals.
        if (c.isLetterOrNumber() || c == u'_') {
            qsizetype j = i;
            while (j < n && (source.at(j).isLetterOrNumber() || source.at(j) == u'_'))
                ++j;
            const bool prefix = j < n && source.at(j) == u'"';
            const bool suffix = i > 0 && source.at(i - 1) == u'"';
            advance(j);
            if (!prefix && !suffix)
                joining = false;
            continue;
        }
        joining = false;
        advance(i + 1);
    }
    return out;
}

// A statement's shape: keywords in the order SQL writes them, so that words of English ("select
// a client", "create vault", "delete the draft") are not taken for it. SELECT counts in capitals
// only; the rest in any case.
bool looksLikeSql(const QString &text)
{
    static const QRegularExpression upperSelect(QStringLiteral("\\bSELECT\\b"));
    static const QRegularExpression statement(
        QStringLiteral("\\b(?:insert\\s+(?:or\\s+\\w+\\s+)?into\\s+\\w+"
                       "|replace\\s+into\\s+\\w+"
                       "|update\\s+\\w+\\s+set\\s+\\w+\\s*="
                       "|delete\\s+from\\s+\\w+"
                       "|create\\s+(?:temp(?:orary)?\\s+|unique\\s+|virtual\\s+)?(?:table|index|trigger|view)\\b"
                       "|drop\\s+(?:table|index|trigger|view)\\b"
                       "|alter\\s+table\\s+\\w+"
                       "|pragma\\s+[a-z_]+\\s*(?:=|\\(|$)"
                       "|(?:attach|detach)\\s+database\\b"
                       "|begin\\s+(?:immediate|exclusive|deferred|transaction)\\b"
                       "|select\\s+.+\\s+from\\s+\\w+\\s+(?:where|join|group|order|limit)\\b"
                       "|sqlite_(?:schema|master|sequence)\\b"
                       "|sqlcipher_export\\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return upperSelect.match(text).hasMatch() || statement.match(text).hasMatch();
}

} // namespace

class SqlPlaceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The reader and the detector on their own, so that the tree scan below could fail.
    void detectsStatements_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("sql");
        QTest::newRow("select") << QStringLiteral("auto s = db.prepare(\"SELECT id FROM notes\");") << true;
        QTest::newRow("select, lower case") << QStringLiteral("q(\"select id, code from clients where id = ?\");") << true;
        QTest::newRow("joined literals") << QStringLiteral("q(\"UPD\" \"ATE notes SET body = ? WHERE id = ?\");") << true;
        QTest::newRow("joined across lines") << QStringLiteral("q(\"DELETE \"\n  \"FROM theme_hits\");") << true;
        QTest::newRow("QStringLiteral") << QStringLiteral("QStringLiteral(\"insert into audit(seq) values (1)\")") << true;
        QTest::newRow("u string literal") << QStringLiteral("u\"Create table notes (id)\"_s") << true;
        QTest::newRow("raw string") << QStringLiteral("exec(R\"sql(\nCREATE INDEX a ON b(c);\n)sql\");") << true;
        QTest::newRow("pragma") << QStringLiteral("exec(\"PRAGMA user_version = 3\");") << true;
        QTest::newRow("schema table") << QStringLiteral("\"SELECT 1 FROM sqlite_schema\"") << true;
        QTest::newRow("english: create vault") << QStringLiteral("QStringLiteral(\"create vault\")") << false;
        QTest::newRow("english: delete the draft") << QStringLiteral("tr(\"Delete the draft?\")") << false;
        QTest::newRow("english: select a client") << QStringLiteral("tr(\"Select a client from the list\")") << false;
        QTest::newRow("english: update") << QStringLiteral("tr(\"Update the summary\")") << false;
        QTest::newRow("in a comment") << QStringLiteral("// SELECT id FROM notes\n/* DELETE FROM notes */ int x;") << false;
        QTest::newRow("a char literal") << QStringLiteral("char q = '\"'; auto s = \"plain\";") << false;
    }
    void detectsStatements()
    {
        QFETCH(QString, source);
        QFETCH(bool, sql);
        bool found = false;
        for (const Literal &l : literalsOf(source))
            found = found || looksLikeSql(l.text);
        QCOMPARE(found, sql);
    }

    void noSqlOutsideTheVault()
    {
        const QString root = QStringLiteral(SOURCE_DIR);
        QStringList offenders;
        int files = 0;
        for (const char *folder : {"core", "app"}) {
            QDirIterator it(root + u'/' + QLatin1String(folder), {QStringLiteral("*.cpp"), QStringLiteral("*.h"), QStringLiteral("*.in")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString relative = path.mid(root.size() + 1);
                if (relative.startsWith(QLatin1String("core/vault/")) || relative.startsWith(QLatin1String("core/practice/")))
                    continue;
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(relative));
                ++files;
                for (const Literal &l : literalsOf(QString::fromUtf8(file.readAll())))
                    if (looksLikeSql(l.text))
                        offenders << QStringLiteral("%1:%2: %3").arg(relative).arg(l.line).arg(l.text.left(80));
            }
        }
        QVERIFY2(files > 50, "the source tree was not found");
        QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("SQL outside core/vault:\n") + offenders.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(SqlPlaceTest)

#include "sqlplacetest.moc"
