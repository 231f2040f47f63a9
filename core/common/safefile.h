// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace uc {

// A new, owner-only file under a random name in a folder, created with O_CREAT|O_EXCL|O_NOFOLLOW,
// so nobody can have planted a file or a symbolic link under its name. It is removed when the
// object goes away unless commit() renamed it over its target first.
class SafeTempFile
{
public:
    // Creates the file in `folder`; `what` names the operation in the Error(Io) thrown on failure.
    SafeTempFile(const QString &folder, const QString &what);
    ~SafeTempFile();
    SafeTempFile(const SafeTempFile &) = delete;
    SafeTempFile &operator=(const SafeTempFile &) = delete;

    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] int fd() const noexcept { return m_fd; }
    // Appends bytes at the file's current offset.
    void write(const char *data, qsizetype size);
    void write(const QByteArray &bytes) { write(bytes.constData(), bytes.size()); }
    // fsync, close, rename over `target` (refused when target is a symbolic link or not a regular
    // file), then fsync of the folder. Afterwards the object owns nothing.
    void commit(const QString &target);

private:
    void close();
    QString m_what;
    QString m_path;
    int m_fd = -1;
};

// Writes bytes to `target` through a SafeTempFile in the target's folder: nothing is ever opened at
// the target's own name or at a predictable one, and the old file stays whole until the rename.
// Throws Error(Io) on any failure ("the disk is full" when it is), leaving no temp file behind.
void writeFileSafely(const QString &target, const QByteArray &bytes, const QString &what);

// Throws Error(Io) if `target` is a symbolic link or exists as something other than a regular
// file; a missing target is fine. Callers that write elsewhere first check before any work.
void requireWritableTarget(const QString &target, const QString &what);

// What readRegularFile found.
enum class InputRead { Read, NotRegular, TooLarge };
enum class Links { Follow, Skip };

// Reads `path` into content only if it is a regular file of at most maxBytes, checked on the
// opened descriptor (so nothing can be swapped in between), opened without blocking on a FIFO and
// never read past maxBytes, even if the file grows meanwhile. A symbolic link is followed, or with
// Links::Skip reported as NotRegular. Error(Io) (what, unreadable) when it cannot be opened or read.
[[nodiscard]] InputRead readRegularFile(const QString &path, qint64 maxBytes, Links links, QByteArray &content,
                                        const QString &what, const QString &unreadable);

// Error(Io) for an errno value: ENOSPC and EDQUOT read "the disk is full".
[[noreturn]] void throwIoError(const QString &what, int err);

} // namespace uc
