// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QUrl>

// Facts about the running program that screens show (name, version, linked libraries).
class AppInfo : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString version READ version CONSTANT)
    Q_PROPERTY(QString libraries READ libraries CONSTANT)

public:
    explicit AppInfo(QObject *parent = nullptr);

    static AppInfo *create(QQmlEngine *engine, QJSEngine *scriptEngine);

    [[nodiscard]] QString name() const;
    [[nodiscard]] QString version() const;
    [[nodiscard]] QString libraries() const;

    // Where a save dialog opens: the standard Documents folder, made if it is missing, else home.
    Q_INVOKABLE static QUrl saveFolder();
    // name (with its suffix) in saveFolder(), for a save dialog's suggested file.
    Q_INVOKABLE static QUrl saveFile(const QString &name);

    // The local path of a file dialog's URL ("" for anything not a local file).
    Q_INVOKABLE static QString localPath(const QUrl &url) { return url.isLocalFile() ? url.toLocalFile() : QString(); }
};
