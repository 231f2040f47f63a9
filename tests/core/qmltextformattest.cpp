// SPDX-License-Identifier: GPL-3.0-or-later
// Someone else's text never renders as markup: Qt Quick's Text and Label default to AutoText,
// which styles anything that looks like HTML and fetches an <img src="http://…">. Every Text or
// Label in qml/ (and every component whose root is one) that binds a text other than a literal
// must say its textFormat. A binding that can only ever hold the app's own words may instead end
// its line with the comment "// lint: app text only".
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

namespace {

const QString allowMarker = QStringLiteral("lint: app text only");

// source with comments blanked and string, template and character literals' contents replaced
// by 'x', so that braces and colons in them do not count; lines and offsets are kept.
QString blanked(const QString &source)
{
    QString out = source;
    const qsizetype n = source.size();
    qsizetype i = 0;
    const auto blank = [&](qsizetype from, qsizetype to, QChar with) {
        for (qsizetype k = from; k < to && k < n; ++k)
            if (out.at(k) != u'\n')
                out[k] = with;
    };
    while (i < n) {
        const QChar c = source.at(i);
        if (source.mid(i, 2) == u"//") {
            const qsizetype end = source.indexOf(u'\n', i);
            blank(i, end < 0 ? n : end, u' ');
            i = end < 0 ? n : end;
        } else if (source.mid(i, 2) == u"/*") {
            const qsizetype end = source.indexOf(u"*/", i + 2);
            blank(i, end < 0 ? n : end + 2, u' ');
            i = end < 0 ? n : end + 2;
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            qsizetype j = i + 1;
            while (j < n && source.at(j) != c)
                j += source.at(j) == u'\\' ? 2 : 1;
            blank(i + 1, j, u'x');
            i = j + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// Whether the statement from start runs on past the newline at end: the line ends with an
// operator, or the next one starts with one (a ternary's ": …", a ".arg(…)", a "+ …").
bool continues(const QString &code, qsizetype start, qsizetype end)
{
    static const QString operators = QStringLiteral("+-*/%?:.|&,=<>!");
    const QString before = code.mid(start, end - start).trimmed();
    qsizetype next = end + 1;
    while (next < code.size() && code.at(next).isSpace())
        ++next;
    return (!before.isEmpty() && operators.contains(before.back()))
        || (next < code.size() && operators.contains(code.at(next)));
}

struct Element
{
    QString type;
    int line = 0;
    QString text;          // the text binding as written, empty when there is none
    bool allowed = false;  // the text line carries the allow marker
    bool hasFormat = false;
    bool root = false;
};

// Every object declaration (Type { … }) in a QML file, with its own bindings only: those of
// nested objects, and the inside of groups, calls and arrays, are the nested ones'.
QList<Element> elementsOf(const QString &source)
{
    const QString code = blanked(source);
    static const QRegularExpression typeBefore(QStringLiteral("([A-Za-z_][\\w.]*)\\s*$"));
    static const QRegularExpression binding(QStringLiteral("^\\s*(text|textFormat)\\s*:\\s*"));
    struct Open
    {
        QString type;
        qsizetype at;
    };
    QList<Open> stack;
    QList<Element> out;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        if (c == u'{') {
            const auto m = typeBefore.match(code.left(i));
            stack.append({m.hasMatch() ? m.captured(1) : QString(), i});
        } else if (c == u'}' && !stack.isEmpty()) {
            const Open open = stack.takeLast();
            if (open.type.isEmpty() || !open.type.at(open.type.lastIndexOf(u'.') + 1).isUpper())
                continue; // a block of JavaScript, not an object
            Element e{open.type, int(code.left(open.at).count(u'\n')) + 1, {}, false, false, stack.isEmpty()};
            // The object's own statements: split at newlines and semicolons outside brackets.
            int depth = 0;
            qsizetype start = open.at + 1;
            for (qsizetype k = open.at + 1; k <= i; ++k) {
                const QChar d = code.at(k);
                if (k < i && (d == u'{' || d == u'(' || d == u'['))
                    ++depth;
                else if (k < i && (d == u'}' || d == u')' || d == u']'))
                    --depth;
                else if (k == i || (depth == 0 && (d == u';' || (d == u'\n' && !continues(code, start, k))))) {
                    const QString statement = code.mid(start, k - start);
                    if (const auto b = binding.match(statement); b.hasMatch()) {
                        if (b.captured(1) == u"textFormat") {
                            e.hasFormat = true;
                        } else {
                            e.text = source.mid(start + b.capturedEnd(), k - start - b.capturedEnd()).trimmed();
                            const qsizetype lineEnd = source.indexOf(u'\n', start + b.capturedEnd());
                            e.allowed = source.mid(start, (lineEnd < 0 ? source.size() : lineEnd) - start).contains(allowMarker);
                        }
                    }
                    start = k + 1;
                }
            }
            out.append(e);
        }
    }
    return out;
}

// A literal cannot carry anyone else's words: "…", '…' or qsTr("…") with nothing after.
bool isLiteral(QString text)
{
    if (const qsizetype comment = text.indexOf(u"//"); comment >= 0 && !text.left(comment).contains(u'"'))
        text = text.left(comment);
    static const QRegularExpression literal(
        QStringLiteral("^(?:qsTr\\(\\s*)?(?:\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')(?:\\s*\\))?\\s*(?://.*)?$"));
    return literal.match(text.trimmed()).hasMatch();
}

struct QmlFile
{
    QString relative;
    QList<Element> elements;
};

// The offending lines of files: a text type (Text, Label, or a component whose root is one and
// does not fix the format itself) binding a non-literal text with no textFormat.
QStringList offendersIn(const QList<QmlFile> &files)
{
    QHash<QString, bool> textTypes{{QStringLiteral("Text"), true}, {QStringLiteral("Label"), true}};
    // A component named after its file whose root is a text type: a use of it is one too, unless
    // its root already says the format. Repeated so that components of components count.
    for (bool grew = true; grew;) {
        grew = false;
        for (const QmlFile &f : files) {
            const QString name = QFileInfo(f.relative).completeBaseName();
            for (const Element &e : f.elements)
                if (e.root && textTypes.value(e.type) && !textTypes.contains(name)) {
                    textTypes.insert(name, !e.hasFormat);
                    grew = true;
                }
        }
    }
    QStringList out;
    for (const QmlFile &f : files)
        for (const Element &e : f.elements)
            if (textTypes.value(e.type.mid(e.type.lastIndexOf(u'.') + 1)) && !e.text.isEmpty() && !e.hasFormat && !e.allowed && !isLiteral(e.text))
                out << QStringLiteral("%1:%2: %3 { text: %4 } has no textFormat").arg(f.relative).arg(e.line).arg(e.type, e.text.simplified().left(70));
    return out;
}

QStringList offendersIn(const QString &source)
{
    return offendersIn({{QStringLiteral("Screen.qml"), elementsOf(source)}});
}

} // namespace

class QmlTextFormatTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The reader on its own, so that the scan of qml/ below could fail.
    void catches_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("offenders");
        QTest::newRow("a client's name") << QStringLiteral("Item {\n  Label {\n    text: root.name\n  }\n}") << 1;
        QTest::newRow("a Text") << QStringLiteral("Text { text: model.comment }") << 1;
        QTest::newRow("qualified") << QStringLiteral("Item { Controls.Label { text: x } }") << 1;
        QTest::newRow("a formatted literal") << QStringLiteral("Label { text: qsTr(\"Note by %1\").arg(author) }") << 1;
        QTest::newRow("a literal and a name") << QStringLiteral("Label { text: \"“\" + root.evidence + \"”\" }") << 1;
        QTest::newRow("plain") << QStringLiteral("Label {\n  textFormat: Text.PlainText\n  text: root.name\n}") << 0;
        QTest::newRow("plain after") << QStringLiteral("Label { text: root.name; textFormat: Text.PlainText }") << 0;
        QTest::newRow("a literal") << QStringLiteral("Label { text: \"Clients\" }") << 0;
        QTest::newRow("a translated literal") << QStringLiteral("Label { text: qsTr(\"Clients\") }") << 0;
        QTest::newRow("a literal, then a comment") << QStringLiteral("Label { text: qsTr(\"Sign\") // Enter signs\n}") << 0;
        QTest::newRow("marked") << QStringLiteral("Label {\n  text: root.busy ? qsTr(\"a\") : qsTr(\"b\") // lint: app text only\n}") << 0;
        QTest::newRow("the format of a nested one") << QStringLiteral("Label {\n  text: root.name\n  Text { textFormat: Text.PlainText }\n}") << 1;
        QTest::newRow("a nested one's text") << QStringLiteral("Label {\n  textFormat: Text.PlainText\n  Text { text: root.name }\n}") << 1;
        QTest::newRow("a button") << QStringLiteral("Button { text: root.name }") << 0;
        QTest::newRow("text in a function") << QStringLiteral("Label { function f() { return { text: x } } }") << 0;
        QTest::newRow("an .arg on the next line") << QStringLiteral("Label {\n  text: qsTr(\"Hi %1\")\n        .arg(root.name)\n}") << 1;
        QTest::newRow("a ternary over lines") << QStringLiteral("Label {\n  text: root.a === \"\" ? \"\"\n        : root.name\n  color: \"red\"\n}") << 1;
        QTest::newRow("the value on the next line") << QStringLiteral("Label {\n  text:\n    root.name\n}") << 1;
        QTest::newRow("a brace in a string") << QStringLiteral("Label { text: \"}\" + root.name }") << 1;
        QTest::newRow("a commented-out format") << QStringLiteral("Label {\n  // textFormat: Text.PlainText\n  text: root.name\n}") << 1;
    }
    void catches()
    {
        QFETCH(QString, source);
        QFETCH(int, offenders);
        QCOMPARE(offendersIn(source).size(), offenders);
    }

    // A component whose root is a Label is a Label to its users, unless it fixes the format.
    void componentsOfLabels()
    {
        const QmlFile caption{QStringLiteral("Caption.qml"), elementsOf(QStringLiteral("Label {\n  color: \"grey\"\n}"))};
        const QmlFile fixed{QStringLiteral("Fixed.qml"), elementsOf(QStringLiteral("Label { textFormat: Text.PlainText }"))};
        const QmlFile screen{QStringLiteral("Screen.qml"),
                             elementsOf(QStringLiteral("Item {\n  Caption { text: root.name }\n  Fixed { text: root.name }\n}"))};
        const QStringList found = offendersIn({caption, fixed, screen});
        QCOMPARE(found.size(), 1);
        QVERIFY2(found.first().startsWith(QLatin1String("Screen.qml:2: Caption")), qPrintable(found.first()));
    }

    void everyScreenSaysItsFormat()
    {
        const QString root = QStringLiteral(SOURCE_DIR);
        QList<QmlFile> files;
        QDirIterator it(root + u"/qml", {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            files.append({path.mid(root.size() + 1), elementsOf(QString::fromUtf8(file.readAll()))});
        }
        QVERIFY2(files.size() > 50, "the qml/ folder was not found");
        const QStringList offenders = offendersIn(files);
        for (const QString &o : offenders)
            qWarning("%s", qPrintable(o));
        QVERIFY2(offenders.isEmpty(), "a Text or Label binds someone else's text without a textFormat (listed above): "
                                      "add textFormat: Text.PlainText");
    }
};

QTEST_GUILESS_MAIN(QmlTextFormatTest)

#include "qmltextformattest.moc"
