// SPDX-License-Identifier: GPL-3.0-or-later
#include "offlinenetwork.h"

#include <QMetaObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QQmlEngine>

using namespace Qt::StringLiterals;

namespace uc::gui {

namespace {

// A reply that has failed before anyone reads it: no socket, no DNS lookup, no proxy lookup.
// errorOccurred and finished are queued, as a real reply's are, so that callers connected after
// get() still hear them.
class RefusedReply : public QNetworkReply
{
    Q_OBJECT

public:
    RefusedReply(QNetworkAccessManager::Operation op, const QNetworkRequest &request, QObject *parent)
        : QNetworkReply(parent)
    {
        setRequest(request);
        setUrl(request.url());
        setOperation(op);
        setError(ContentAccessDenied, u"Undercurrent does not use the network"_s);
        open(ReadOnly | Unbuffered);
        setFinished(true);
        QMetaObject::invokeMethod(
            this,
            [this] {
                Q_EMIT errorOccurred(ContentAccessDenied);
                Q_EMIT finished();
            },
            Qt::QueuedConnection);
    }

    void abort() override {}
    [[nodiscard]] qint64 bytesAvailable() const override { return 0; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
};

} // namespace

OfflineNetworkAccessManager::OfflineNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{
}

QNetworkReply *OfflineNetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request, QIODevice *)
{
    return new RefusedReply(op, request, this);
}

QNetworkAccessManager *OfflineNetworkFactory::create(QObject *parent)
{
    return new OfflineNetworkAccessManager(parent);
}

void refuseNetwork(QQmlEngine &engine)
{
    static OfflineNetworkFactory factory; // outlives every engine; the engine does not own it
    engine.setNetworkAccessManagerFactory(&factory);
}

} // namespace uc::gui

#include "offlinenetwork.moc"
