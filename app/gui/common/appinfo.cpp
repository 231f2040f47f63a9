// SPDX-License-Identifier: GPL-3.0-or-later
#include "appinfo.h"

#include "common/versions.h"
#include "vault/vault.h"

#include <QDir>
#include <QStandardPaths>

AppInfo::AppInfo(QObject *parent)
    : QObject(parent)
{
}

AppInfo *AppInfo::create(QQmlEngine *engine, QJSEngine *scriptEngine)
{
    Q_UNUSED(scriptEngine)
    // One instance per engine, owned by the engine's object tree.
    auto *info = new AppInfo(engine);
    QJSEngine::setObjectOwnership(info, QJSEngine::CppOwnership);
    return info;
}

QString AppInfo::name() const
{
    return QStringLiteral("Undercurrent");
}

QString AppInfo::version() const
{
    return QStringLiteral(UC_VERSION);
}

QString AppInfo::libraries() const
{
    // Drop the first line (the program's own name and version).
    const QString report = uc::versionReport(name(), {uc::vault::storageLibrary()});
    return report.section(QLatin1Char('\n'), 1).trimmed();
}

QUrl AppInfo::saveFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir().mkpath(documents))
        return QUrl::fromLocalFile(documents);
    return QUrl::fromLocalFile(QDir::homePath());
}

QUrl AppInfo::saveFile(const QString &name)
{
    return QUrl::fromLocalFile(QDir(saveFolder().toLocalFile()).filePath(name));
}
