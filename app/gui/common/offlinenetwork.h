// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The GUI process never touches the network: a QML engine's network access manager answers every
// request (an <img src="http://…"> in someone else's text, an Image or XMLHttpRequest with a
// remote URL) with an error at once and opens no socket. The practice server's libpq connection
// is core's, not the engine's, and is unaffected. Local files and qrc: never go through it.
#include <QNetworkAccessManager>
#include <QQmlNetworkAccessManagerFactory>

class QQmlEngine;

namespace uc::gui {

// A manager whose every reply has already failed with ContentAccessDenied.
class OfflineNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT

public:
    explicit OfflineNetworkAccessManager(QObject *parent = nullptr);

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *outgoingData) override;
};

// Makes an OfflineNetworkAccessManager for each thread of an engine that asks; stateless, so safe
// to call from the engine's loader threads.
class OfflineNetworkFactory : public QQmlNetworkAccessManagerFactory
{
public:
    QNetworkAccessManager *create(QObject *parent) override;
};

// Installs the offline factory on engine: call before it loads anything. Every engine the app,
// the screenshot tool and the tests make goes through here.
void refuseNetwork(QQmlEngine &engine);

} // namespace uc::gui
