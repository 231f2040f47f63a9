// SPDX-License-Identifier: GPL-3.0-or-later
#include "common/safefile.h"

#include "common/error.h"

#include <sodium.h>

#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace uc {

namespace {

constexpr int createAttempts = 8;

QByteArray randomName(const QString &folder)
{
    unsigned char noise[12];
    randombytes_buf(noise, sizeof noise);
    char hex[2 * sizeof noise + 1];
    sodium_bin2hex(hex, sizeof hex, noise, sizeof noise);
    return QFile::encodeName(folder) + "/.uc-" + hex + ".tmp";
}

void fsyncFolder(const QString &folder)
{
    if (const int dfd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
}

} // namespace

void throwIoError(const QString &what, int err)
{
    if (err == ENOSPC || err == EDQUOT)
        throw Error(ErrorKind::Io, what, QStringLiteral("the disk is full"));
    throw Error(ErrorKind::Io, what, QString::fromLocal8Bit(std::strerror(err)));
}

void requireWritableTarget(const QString &target, const QString &what)
{
    struct stat st {};
    if (::lstat(QFile::encodeName(target).constData(), &st) != 0) {
        if (errno == ENOENT)
            return;
        throwIoError(what, errno);
    }
    if (S_ISLNK(st.st_mode))
        throw Error(ErrorKind::Io, what, QStringLiteral("the output is a symbolic link; refusing to write through it"));
    if (!S_ISREG(st.st_mode))
        throw Error(ErrorKind::Io, what, QStringLiteral("the output exists and is not a regular file"));
}

SafeTempFile::SafeTempFile(const QString &folder, const QString &what)
    : m_what(what)
{
    for (int attempt = 0; attempt < createAttempts; ++attempt) {
        const QByteArray name = randomName(folder);
        m_fd = ::open(name.constData(), O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0600);
        if (m_fd >= 0) {
            m_path = QFile::decodeName(name);
            return;
        }
        if (errno != EEXIST)
            throwIoError(what, errno);
    }
    throw Error(ErrorKind::Io, what, QStringLiteral("no unused temporary name in the output folder"));
}

SafeTempFile::~SafeTempFile()
{
    close();
    if (!m_path.isEmpty())
        ::unlink(QFile::encodeName(m_path).constData());
}

void SafeTempFile::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

void SafeTempFile::write(const char *data, qsizetype size)
{
    qsizetype written = 0;
    while (written < size) {
        const ssize_t n = ::write(m_fd, data + written, static_cast<std::size_t>(size - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            throwIoError(m_what, errno);
        }
        written += n;
    }
}

void SafeTempFile::commit(const QString &target)
{
    requireWritableTarget(target, m_what);
    if (::fsync(m_fd) != 0)
        throwIoError(m_what, errno);
    const int closed = ::close(m_fd);
    m_fd = -1;
    if (closed != 0)
        throwIoError(m_what, errno);
    // rename() replaces a link planted after the check above rather than following it.
    if (::rename(QFile::encodeName(m_path).constData(), QFile::encodeName(target).constData()) != 0)
        throwIoError(m_what, errno);
    m_path.clear();
    fsyncFolder(QFileInfo(target).absolutePath());
}

void writeFileSafely(const QString &target, const QByteArray &bytes, const QString &what)
{
    requireWritableTarget(target, what);
    SafeTempFile temp(QFileInfo(target).absolutePath(), what);
    temp.write(bytes);
    temp.commit(target);
}

InputRead readRegularFile(const QString &path, qint64 maxBytes, Links links, QByteArray &content, const QString &what,
                          const QString &unreadable)
{
    const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (links == Links::Skip ? O_NOFOLLOW : 0);
    const int fd = ::open(QFile::encodeName(path).constData(), flags);
    if (fd < 0) {
        if (errno == ELOOP && links == Links::Skip)
            return InputRead::NotRegular; // a symbolic link
        throw Error(ErrorKind::Io, what, unreadable);
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return InputRead::NotRegular;
    }
    if (st.st_size > maxBytes) {
        ::close(fd);
        return InputRead::TooLarge;
    }
    content.resize(static_cast<qsizetype>(st.st_size) + 1);
    qsizetype used = 0;
    while (used < content.size()) {
        const ssize_t n = ::read(fd, content.data() + used, static_cast<std::size_t>(content.size() - used));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            ::close(fd);
            throw Error(ErrorKind::Io, what, unreadable);
        }
        if (n == 0)
            break;
        used += n;
    }
    ::close(fd);
    if (used > maxBytes) // grew while being read
        return InputRead::TooLarge;
    content.truncate(used);
    return InputRead::Read;
}

} // namespace uc
