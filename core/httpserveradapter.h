// The one class that talks to QtHttpServer. It listens, frames each request
// itself to keep the request line and header block as sent, hands the request
// to a handler and delivers the handler's reply plan (at once, delayed,
// trickled, never, or by closing the connection). It works around the
// QHttpServer 6.4.2 defects: unlimited bodies, Expect: 100-continue, HEAD,
// Connection: close, malformed requests dropped without a reply, pipelined
// replies out of order and crashes when writing after the client went away.
// Lives in one thread; not thread-safe.
#pragma once

#include "exchange.h"
#include "replyplan.h"

#include <QHostAddress>
#include <QObject>

#include <functional>
#include <memory>

class HttpServerAdapterPrivate;

class HttpServerAdapter : public QObject
{
    Q_OBJECT

public:
    // Builds the reply plan (exchange with its response, delay, delivery) for one request.
    using Handler = std::function<ReplyPlan(RawRequest &&request)>;
    // Returns a new exchange id; used for requests rejected before the handler.
    using IdAllocator = std::function<quint64()>;

    explicit HttpServerAdapter(Handler handler, QObject *parent = nullptr);
    ~HttpServerAdapter() override;

    // Largest request body accepted, in bytes. A larger Content-Length gets
    // 413 before any of the body is read; a chunked body gets 413 as soon as
    // it grows past the limit. Applies to connections accepted afterwards.
    void setMaxBodyBytes(qint64 bytes);
    qint64 maxBodyBytes() const;

    // Milliseconds a connection may stay silent, between requests or in the
    // middle of one, before it is closed. Connections that wait for a reply
    // held back by the plan are not closed. Default 30000.
    void setIdleTimeout(int milliseconds);
    int idleTimeout() const;

    void setExchangeIdAllocator(IdAllocator allocator);

    // Returns the bound port, or 0 with errorMessage set to a message that
    // names the address and port.
    quint16 listen(const QHostAddress &address, quint16 port, QString *errorMessage);
    // Stops listening and drops every connection. Replies not yet sent are
    // reported as NeverAnswered. listen() may be called again afterwards.
    void close();
    bool isListening() const;
    quint16 port() const;

signals:
    // Exchanges whose delivery has finished, with outcome and latency, in
    // batches (every 50 ms or 500 exchanges) so that a flood of callbacks
    // costs the receiver one call per batch. For Sent, latencyMicros runs from
    // the end of the request to the last byte handed to the socket. For
    // ClientGone and NeverAnswered it runs until the client closed the
    // connection, so it shows how long the client waited.
    void exchangesReady(const QList<Exchange> &exchanges);
    // A request rejected before the handler, a client that left in the middle
    // of a request or a connection closed for silence; peer is "address:port".
    void protocolError(const QString &peer, const QString &message);

private:
    friend class HttpServerAdapterPrivate;
    std::unique_ptr<HttpServerAdapterPrivate> d;
};
