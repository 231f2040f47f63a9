// SPDX-License-Identifier: GPL-3.0-or-later
#include "io.h"

#include "common/error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <span>

using namespace Qt::StringLiterals;

namespace uc::cli {

SecretBuffer readSecretLine(const QString &path, const QString &what)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorKind::Io, what, u"the file cannot be read"_s);
    SecretBuffer buffer(4096);
    std::size_t used = 0;
    while (used < buffer.size()) {
        const ssize_t n = ::read(fd, buffer.data() + used, buffer.size() - used);
        if (n <= 0)
            break;
        used += static_cast<std::size_t>(n);
    }
    ::close(fd);
    std::size_t end = 0;
    while (end < used && buffer.data()[end] != '\n' && buffer.data()[end] != '\r')
        ++end;
    return SecretBuffer::copyOf(std::span<const unsigned char>(buffer.data(), end));
}

SecretBuffer promptSecret(const char *prompt)
{
    if (!::isatty(STDIN_FILENO))
        throw Error(ErrorKind::Usage, u"passphrase"_s, u"give --passphrase-file (no terminal to ask on)"_s);
    std::fputs(prompt, stderr);
    termios old{};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    SecretBuffer buffer(1024);
    std::size_t used = 0;
    unsigned char c = 0;
    while (used < buffer.size() && ::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        buffer.data()[used++] = c;
    c = 0;
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::fputs("\n", stderr);
    return SecretBuffer::copyOf(std::span<const unsigned char>(buffer.data(), used));
}

QString readTextFile(const QString &path, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(ErrorKind::Io, what, u"the file cannot be read"_s);
    QByteArray bytes = f.readAll();
    if (bytes.startsWith("\xEF\xBB\xBF")) // a byte order mark some editors write; not part of the text
        bytes.remove(0, 3);
    QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        throw Error(ErrorKind::Io, what, u"the file is not valid UTF-8"_s);
    if (text.contains(QChar(0)))
        throw Error(ErrorKind::Io, what, u"the file contains NUL bytes"_s);
    return text;
}

QByteArray readStdin(const QString &what)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        throw Error(ErrorKind::Io, what, u"standard input cannot be read"_s);
    return in.readAll();
}

QString terminalSafe(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
            continue; // a Windows line end is a line end
        const bool control = (c < 0x20 && c != u'\n' && c != u'\t') || (c >= 0x7f && c <= 0x9f);
        const bool reorders = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
        if (control)
            out += u"\\x%1"_s.arg(static_cast<unsigned>(c), 2, 16, QChar(u'0'));
        else if (reorders)
            out += u"\\u%1"_s.arg(static_cast<unsigned>(c), 4, 16, QChar(u'0'));
        else
            out += QChar(c);
    }
    return out;
}

void print(const QString &text)
{
    std::fputs(terminalSafe(text).toUtf8().constData(), stdout);
    std::fputs("\n", stdout);
}

void printError(const QString &text)
{
    std::fputs(terminalSafe(text).toUtf8().constData(), stderr);
    std::fputs("\n", stderr);
}

void printJson(const QJsonValue &value)
{
    const QByteArray out = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    std::fwrite(out.constData(), 1, static_cast<std::size_t>(out.size()), stdout);
    std::fputs("\n", stdout);
}

} // namespace uc::cli
