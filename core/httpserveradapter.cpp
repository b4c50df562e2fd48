#include "httpserveradapter.h"

#include "logging.h"

#include <QElapsedTimer>
#include <QMetaEnum>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpServer>
#include <QTcpSocket>

// TODO(first version): no raw header capture or 6.4.2 defect workarounds yet.
class HttpServerAdapterPrivate
{
public:
    HttpServerAdapter *q = nullptr;
    HttpServerAdapter::Handler handler;
    std::unique_ptr<QHttpServer> server;
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    quint16 port = 0;
    QList<Exchange> pending;
    QTimer flushTimer;

    void handle(const QHttpServerRequest &request, QHttpServerResponder &&responder)
    {
        QElapsedTimer timer;
        timer.start();
        RawRequest raw;
        raw.method = QByteArray(QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(request.method()))).toUpper();
        raw.target = request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
        raw.httpVersion = QByteArrayLiteral("HTTP/1.1");
        raw.headers = request.headers();
        raw.body = request.body();
        raw.peerAddress = request.remoteAddress().toString();
        raw.peerPort = responder.socket() ? responder.socket()->peerPort() : 0;
        raw.receivedAt = QDateTime::currentDateTimeUtc();

        Exchange exchange = handler(std::move(raw)).exchange;
        responder.writeStatusLine(QHttpServerResponder::StatusCode(exchange.response.status));
        for (const auto &header : exchange.response.headers)
            responder.writeHeader(header.first, header.second);
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(exchange.response.body.size()));
        responder.writeBody(exchange.response.body);
        exchange.latencyMicros = timer.nsecsElapsed() / 1000;

        pending.append(std::move(exchange));
        if (!flushTimer.isActive())
            flushTimer.start();
    }

    void flush()
    {
        if (pending.isEmpty())
            return;
        emit q->exchangesReady(std::exchange(pending, {}));
    }
};

HttpServerAdapter::HttpServerAdapter(Handler handler, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<HttpServerAdapterPrivate>())
{
    d->q = this;
    d->handler = std::move(handler);
    d->flushTimer.setInterval(50);
    d->flushTimer.setSingleShot(true);
    connect(&d->flushTimer, &QTimer::timeout, this, [this] { d->flush(); });
}

HttpServerAdapter::~HttpServerAdapter()
{
    close();
}

void HttpServerAdapter::setMaxBodyBytes(qint64 bytes) { d->maxBodyBytes = bytes; }
qint64 HttpServerAdapter::maxBodyBytes() const { return d->maxBodyBytes; }

quint16 HttpServerAdapter::listen(const QHostAddress &address, quint16 port, QString *errorMessage)
{
    close();
    auto tcpServer = new QTcpServer;
    if (!tcpServer->listen(address, port)) {
        *errorMessage = tr("Cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(tcpServer->errorString());
        delete tcpServer;
        return 0;
    }
    d->server = std::make_unique<QHttpServer>();
    d->server->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        d->handle(request, std::move(responder));
    });
    tcpServer->setParent(d->server.get());
    d->server->bind(tcpServer);
    d->port = tcpServer->serverPort();
    return d->port;
}

void HttpServerAdapter::close()
{
    d->flush();
    d->server.reset();
    d->port = 0;
}

bool HttpServerAdapter::isListening() const { return d->server != nullptr; }
quint16 HttpServerAdapter::port() const { return d->port; }
