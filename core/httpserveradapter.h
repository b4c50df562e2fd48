// The one class that talks to QtHttpServer. It listens, reads each request
// with its raw header block, hands it to a handler and writes the handler's
// reply, working around the QHttpServer 6.4.2 defects (oversized bodies,
// Expect: 100-continue, HEAD, Connection: close, malformed request lines,
// writes after the client went away). Lives in one thread; not thread-safe.
#pragma once

#include "exchange.h"
#include "replyplan.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class HttpServerAdapterPrivate;

class HttpServerAdapter : public QObject
{
    Q_OBJECT

public:
    // Builds the reply plan (exchange with its response, delay, delivery) for one request.
    using Handler = std::function<ReplyPlan(RawRequest &&request)>;

    explicit HttpServerAdapter(Handler handler, QObject *parent = nullptr);
    ~HttpServerAdapter() override;

    // Largest request body accepted; larger ones get 413 before being read.
    void setMaxBodyBytes(qint64 bytes);
    qint64 maxBodyBytes() const;

    // Returns the bound port, or 0 with errorMessage set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *errorMessage);
    void close();
    bool isListening() const;
    quint16 port() const;

signals:
    // Completed exchanges, delivered in batches so a flood of callbacks costs
    // the receiver one queued call per batch instead of one per exchange.
    void exchangesReady(const QList<Exchange> &exchanges);
    // A request that never reached the handler (bad request line, body too
    // large, client gone); text is for the log.
    void protocolError(const QString &peer, const QString &message);

private:
    std::unique_ptr<HttpServerAdapterPrivate> d;
};
