// SPDX-License-Identifier: GPL-3.0-or-later
#include "conversions.h"


#include <QUrl>

#include <string_view>

using namespace Qt::StringLiterals;

namespace uc::gui {

std::shared_ptr<SecretBuffer> secretOf(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    auto secret = std::make_shared<SecretBuffer>(
        SecretBuffer::copyOf(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size()))));
    wipeMemory(utf8.data(), static_cast<std::size_t>(utf8.size()));
    return secret;
}

QString localPathOf(const QString &pathOrUrl)
{
    const QString path = pathOrUrl.trimmed();
    return path.startsWith(u"file:"_s) ? QUrl(path).toLocalFile() : path;
}

QString withSuffix(const QString &path, const QString &suffix)
{
    if (path.isEmpty() || path.endsWith(suffix, Qt::CaseInsensitive))
        return path;
    return path + suffix;
}

} // namespace uc::gui
