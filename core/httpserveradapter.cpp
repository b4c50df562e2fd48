#include "httpserveradapter.h"

#include "httpconnectiontracker.h"
#include "logging.h"

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QHttpServerRequest>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QTimerEvent>

#include <array>
#include <chrono>
#include <deque>

#if defined(Q_OS_UNIX)
#include <sys/socket.h>
#endif

// How the adapter sits between the socket and QHttpServer 6.4.2:
//
// CallbackTcpServer creates each socket and connects HttpConnection's first
// readyRead slot before QHttpServer connects its own, and a second slot after
// it. The first slot peeks at the bytes QHttpServer has not read yet and feeds
// the new ones to an HttpConnectionTracker, which frames requests exactly as
// sent. When the tracker rejects a request, the connection detaches
// QHttpServer from the socket before it reads those bytes and writes the
// error reply itself.
// QHttpServer reads one complete request per readyRead and calls
// CallbackHttpServer::handleRequest(). The connection pairs that call with the
// oldest framed request, which must have the same body size. It then runs the
// handler and writes the reply bytes itself, in request order, on the socket.

class HttpConnection;
class HttpServerAdapterPrivate;

namespace {

constexpr int FlushIntervalMs = 50;
constexpr qsizetype FlushBatchSize = 500;
constexpr qint64 LingerNs = 2'000'000'000;  // time a closing connection gets to read its last reply
constexpr int MaxDelayMs = 120000;
constexpr qsizetype MaxKeptScratchBytes = 1024 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 102: return "Processing";
    case 103: return "Early Hints";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 207: return "Multi-Status";
    case 208: return "Already Reported";
    case 226: return "IM Used";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 305: return "Use Proxy";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 423: return "Locked";
    case 424: return "Failed Dependency";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    case 506: return "Variant Also Negotiates";
    case 507: return "Insufficient Storage";
    case 508: return "Loop Detected";
    case 510: return "Not Extended";
    case 511: return "Network Authentication Required";
    }
    // Codes without a registered phrase get an empty one, which RFC 9112
    // allows: "HTTP/1.1 599 \r\n".
    return "";
}

// "HTTP/1.1 200 OK\r\n" for every status from 100 to 599, built once.
// QHttpServerResponder 6.4 takes the status as an enum, so it cannot write
// unregistered codes like 299 or give them their own phrase.
const QByteArray &statusLine(int status)
{
    static const std::array<QByteArray, 500> lines = [] {
        std::array<QByteArray, 500> built;
        for (int code = 100; code < 600; ++code)
            built[size_t(code - 100)] = "HTTP/1.1 " + QByteArray::number(code) + ' ' + reasonPhrase(code) + "\r\n";
        return built;
    }();
    Q_ASSERT(status >= 100 && status < 600);
    return lines[size_t(status - 100)];
}

bool equalsIgnoreCase(const QByteArray &text, QByteArrayView literal)
{
    return text.size() == literal.size() && qstrnicmp(text.constData(), literal.data(), text.size()) == 0;
}

// The adapter writes these itself from the reply plan and the request.
bool isFramingHeader(const QByteArray &name)
{
    return equalsIgnoreCase(name, "content-length") || equalsIgnoreCase(name, "transfer-encoding")
        || equalsIgnoreCase(name, "connection");
}

// A header from a reply plan is written only if it cannot break the framing.
bool isWritableHeader(const QByteArray &name, const QByteArray &value)
{
    if (name.isEmpty())
        return false;
    for (const char c : name) {
        if (uchar(c) <= 0x20 || c == ':' || uchar(c) >= 0x7f)
            return false;
    }
    for (const char c : value) {
        if (c == '\r' || c == '\n' || c == '\0')
            return false;
    }
    return true;
}

bool requestsClose(const HttpHeaders &headers)
{
    for (const auto &[name, value] : headers) {
        if (equalsIgnoreCase(name, "connection") && value.toLower().contains("close"))
            return true;
    }
    return false;
}

enum class ConnectionHeader { None, Close, KeepAlive };

// Status line, headers with Content-Length, and the body: the whole reply as
// written to the socket. 1xx and 204 replies carry neither Content-Length nor
// a body (RFC 9110, 8.6); 304 and HEAD replies carry the length but no body.
// The reply's headers as they go on the wire: the plan's headers without
// framing headers or unsafe values, then Content-Length and Connection.
HttpHeaders headersAsSent(const HttpResponse &response, ConnectionHeader connection)
{
    HttpHeaders headers;
    headers.reserve(response.headers.size() + 2);
    for (const auto &[name, value] : response.headers) {
        if (isFramingHeader(name))
            continue;
        if (!isWritableHeader(name, value)) {
            qCWarning(lcServer) << "Skipping reply header" << name << "with characters that would break the reply";
            continue;
        }
        headers.append({name, value});
    }
    const int status = response.status;
    if (status >= 200 && status != 204)
        headers.append({QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size())});
    if (connection == ConnectionHeader::Close)
        headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
    else if (connection == ConnectionHeader::KeepAlive)
        headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("keep-alive")});
    return headers;
}

// The whole reply; response.headers come from headersAsSent().
QByteArray buildWire(const HttpResponse &response, bool headRequest)
{
    const int status = response.status;
    const bool bodyAllowed = status >= 200 && status != 204 && status != 304 && !headRequest;

    qsizetype size = 64;
    for (const auto &[name, value] : response.headers)
        size += name.size() + value.size() + 4;
    if (bodyAllowed)
        size += response.body.size();

    QByteArray wire;
    wire.reserve(size);
    wire += statusLine(status);
    for (const auto &[name, value] : response.headers) {
        wire += name;
        wire += ": ";
        wire += value;
        wire += "\r\n";
    }
    wire += "\r\n";
    if (bodyAllowed)
        wire += response.body;
    return wire;
}

QString hostText(const QHostAddress &address)
{
    bool isIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    return isIpv4 ? QHostAddress(ipv4).toString() : address.toString();
}

} // namespace

// Creates each connection's socket and connects the connection's framing slot
// before QHttpServer, which connects its own when it takes the socket.
class CallbackTcpServer : public QTcpServer
{
public:
    CallbackTcpServer(HttpServerAdapterPrivate *adapter)
        : m_adapter(adapter)
    {
    }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    HttpServerAdapterPrivate *m_adapter;
};

// Hands every request QHttpServer has read to its connection. Used instead of
// QHttpServer: no routing, and the socket comes without a responder, whose
// writes crash in 6.4.2 once the client has gone.
class CallbackHttpServer : public QAbstractHttpServer
{
public:
    explicit CallbackHttpServer(HttpServerAdapterPrivate *adapter, QObject *parent)
        : QAbstractHttpServer(parent)
        , m_adapter(adapter)
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    HttpServerAdapterPrivate *m_adapter;
};

class HttpServerAdapterPrivate
{
public:
    explicit HttpServerAdapterPrivate(HttpServerAdapter *adapter)
        : q(adapter)
    {
        clock.start();
    }

    qint64 nowNs() const { return clock.nsecsElapsed(); }
    quint64 allocateId() { return idAllocator ? idAllocator() : nextLocalId++; }
    void queueExchange(Exchange &&exchange);
    void flush();
    void checkConnections();
    void hookNewConnections();

    HttpServerAdapter *q;
    HttpServerAdapter::Handler handler;
    HttpServerAdapter::IdAllocator idAllocator;
    quint64 nextLocalId = 1;
    HttpConnectionTracker::Limits limits;
    int idleTimeoutMs = 30000;
    QElapsedTimer clock;

    CallbackHttpServer *httpServer = nullptr;  // owns the TCP server, which owns the sockets
    CallbackTcpServer *tcpServer = nullptr;
    quint16 port = 0;
    QHash<QTcpSocket *, HttpConnection *> connections;
    QList<HttpConnection *> unhookedConnections;  // accepted, second readyRead slot not yet connected

    QList<Exchange> pendingExchanges;
    QTimer *flushTimer = nullptr;
    QTimer *checkTimer = nullptr;
    QByteArray scratch;  // peeked bytes; one buffer for every connection of this thread
};

// One client connection: frames its bytes, pairs QHttpServer's requests with
// the framed ones, runs the handler and writes the replies in request order.
// A child of its socket, so it never outlives it and its timers die with it.
class HttpConnection : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(HttpServerAdapter)

public:
    HttpConnection(HttpServerAdapterPrivate *adapter, QTcpSocket *socket);
    ~HttpConnection() override;

    void connectAfterHttpServer();
    void dispatch(const QHttpServerRequest &request);
    void checkTimeouts(qint64 nowNs);
    void stop();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    enum class Phase {
        Open,      // reading requests
        Closing,   // no more requests; the queued replies go out, then the connection closes
        Flushing,  // waiting for the socket to write everything before shutting down its write side
        Draining,  // write side shut down; reading and discarding until the client closes
        Closed,    // the socket is disconnected
    };

    enum class EndReason { ClientLeft, ClosedByRule, ServerStopped };

    struct PendingReply
    {
        PendingReply() = default;
        explicit PendingReply(Exchange &&plannedExchange)
            : exchange(std::move(plannedExchange))
        {
        }

        Exchange exchange;
        ReplyDelivery delivery = ReplyDelivery::Normal;
        qint64 requestEndNs = 0;
        qint64 dueNs = 0;
        int chunkBytes = 16;
        int intervalMs = 200;
        bool headRequest = false;
        bool closeAfter = false;
        bool keepAliveHeader = false;  // HTTP/1.0 client that asked for keep-alive
        bool started = false;
        QByteArray wire;               // trickled replies only
        qsizetype written = 0;
    };

    struct Failure
    {
        int status = 400;
        QByteArray code;
        QString replyMessage;  // plain English, sent to the client
        QString logMessage;    // translated, for the log
        HttpConnectionTracker::Request request;
    };

    void readBeforeHttpServer();
    void readAfterHttpServer();
    void handleDisconnected();
    void handleBytesWritten();

    void advance();
    void sendContinueIfDue();
    void queueFailure(Failure &&failure);
    void queueFramingFailure();
    void queueMismatchFailure(const char *reason);

    void enqueue(PendingReply &&reply);
    void deliverReplies();
    QByteArray takeWire(PendingReply &reply);
    void writeWhole(PendingReply &reply);
    void finishReply(PendingReply &&reply, DeliveryOutcome outcome);
    void finishRemaining(EndReason reason);

    void closeGracefully();
    void shutdownWrite();
    void discardInput();
    void detachHttpServer();
    void scheduleDelivery(qint64 delayNs);
    bool isConnected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }

    HttpServerAdapterPrivate *m_adapter;
    QTcpSocket *m_socket;
    HttpConnectionTracker m_tracker;
    QString m_peerAddress;
    quint16 m_peerPort = 0;
    QString m_peerLabel;

    Phase m_phase = Phase::Open;
    bool m_detached = false;       // QHttpServer no longer reads this socket
    bool m_failureQueued = false;
    bool m_bytesWrittenConnected = false;
    qint64 m_unreadAfterServer = 0;  // bytes QHttpServer left unread after its last readyRead slot
    qint64 m_lastActivityNs = 0;
    qint64 m_lingerDeadlineNs = 0;
    int m_timerId = 0;
    std::deque<PendingReply> m_replies;
};

// --- CallbackTcpServer, CallbackHttpServer -------------------------------

void CallbackTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        qCWarning(lcServer) << "Accepting a connection failed:" << socket->errorString();
        delete socket;
        return;
    }
    // Replies go out in one write each; trickled ones must not wait for ACKs.
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);

    auto *connection = new HttpConnection(m_adapter, socket);
    m_adapter->connections.insert(socket, connection);
    m_adapter->unhookedConnections.append(connection);
    addPendingConnection(socket);
}

bool CallbackHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (HttpConnection *connection = m_adapter->connections.value(socket))
        connection->dispatch(request);
    return true;
}

// --- HttpConnection: reading -----------------------------------------------

HttpConnection::HttpConnection(HttpServerAdapterPrivate *adapter, QTcpSocket *socket)
    : QObject(socket)
    , m_adapter(adapter)
    , m_socket(socket)
    , m_tracker(adapter->limits)
    , m_peerAddress(hostText(socket->peerAddress()))
    , m_peerPort(socket->peerPort())
    , m_lastActivityNs(adapter->nowNs())
{
    m_peerLabel = m_peerAddress.contains(QLatin1Char(':'))
        ? QStringLiteral("[%1]:%2").arg(m_peerAddress).arg(m_peerPort)
        : QStringLiteral("%1:%2").arg(m_peerAddress).arg(m_peerPort);

    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::readBeforeHttpServer);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::handleDisconnected);
}

HttpConnection::~HttpConnection()
{
    // The socket is being destroyed; only its address is used here.
    m_adapter->connections.remove(m_socket);
    m_adapter->unhookedConnections.removeOne(this);
    if (m_phase != Phase::Closed) {
        m_phase = Phase::Closed;
        finishRemaining(EndReason::ClientLeft);
    }
}

void HttpConnection::connectAfterHttpServer()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAfterHttpServer);
}

// Runs before QHttpServer's readyRead slot: frames the bytes it has not seen yet.
void HttpConnection::readBeforeHttpServer()
{
    if (m_phase == Phase::Closed)
        return;
    if (m_detached) {
        discardInput();
        return;
    }

    const qint64 available = m_socket->bytesAvailable();
    const qint64 fresh = available - m_unreadAfterServer;
    m_unreadAfterServer = available;
    if (fresh <= 0)
        return;
    m_lastActivityNs = m_adapter->nowNs();

    // Body bytes of a known length only need counting, not reading.
    if (fresh <= m_tracker.skippableBodyBytes()) {
        m_tracker.skipBody(fresh);
    } else {
        QByteArray &scratch = m_adapter->scratch;
        if (scratch.size() < available)
            scratch.resize(available);
        const qint64 peeked = m_socket->peek(scratch.data(), available);
        if (peeked == available)
            m_tracker.feed(scratch.constData() + (available - fresh), fresh);
        if (scratch.size() > MaxKeptScratchBytes)
            scratch = QByteArray();
        if (peeked != available) {
            queueMismatchFailure("peeking at the received bytes failed");
            return;
        }
    }
    advance();
}

// Runs after QHttpServer's readyRead slot: remembers what it left unread.
void HttpConnection::readAfterHttpServer()
{
    if (m_phase == Phase::Closed || m_detached)
        return;
    m_unreadAfterServer = m_socket->bytesAvailable();
}

// NOTE: Qt closes a socket once the client shuts down its sending side. A
// client that half-closes after its request therefore never gets a reply that
// the plan holds back, and the exchange counts as ClientGone.
void HttpConnection::handleDisconnected()
{
    if (m_phase == Phase::Closed)
        return;
    const bool midRequest = !m_detached && m_tracker.isMidRequest();
    m_phase = Phase::Closed;
    if (m_timerId) {
        killTimer(m_timerId);
        m_timerId = 0;
    }
    finishRemaining(EndReason::ClientLeft);
    if (midRequest)
        emit m_adapter->q->protocolError(m_peerLabel, tr("The client closed the connection in the middle of a request"));

    // QHttpServer deletes the socket too, except when it disconnects while
    // QHttpServer is inside handleRequest(); deleting twice later is safe.
    m_socket->deleteLater();
}

void HttpConnection::handleBytesWritten()
{
    if (m_phase == Phase::Flushing && m_socket->bytesToWrite() == 0)
        shutdownWrite();
}

// Called after framing, after each request and when the reply queue empties.
void HttpConnection::advance()
{
    if (m_phase == Phase::Closing) {
        if (m_replies.empty())
            closeGracefully();
        return;
    }
    if (m_phase != Phase::Open)
        return;
    // Requests framed before the failure get their replies first, so the
    // failure waits until QHttpServer has handed over the last of them.
    if (m_tracker.hasFailed()) {
        if (!m_tracker.hasRequest())
            queueFramingFailure();
        return;
    }
    sendContinueIfDue();
}

// QHttpServer 6.4.2 ignores "Expect: 100-continue", so curl waits a second
// before sending the body. The interim reply may only go out once every
// earlier request has its reply.
void HttpConnection::sendContinueIfDue()
{
    if (m_replies.empty() && !m_tracker.hasRequest() && m_tracker.awaitsContinue() && isConnected()) {
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_tracker.markContinueSent();
    }
}

// --- HttpConnection: requests and failures ---------------------------------

void HttpConnection::dispatch(const QHttpServerRequest &request)
{
    const qint64 requestEndNs = m_adapter->nowNs();
    m_lastActivityNs = requestEndNs;
    if (m_phase != Phase::Open)
        return;

    // Both parsers must agree on where this request ends; if they do not,
    // nothing later on this connection can be trusted.
    if (!m_tracker.hasRequest()) {
        queueMismatchFailure("QHttpServer read a request that was not framed");
        return;
    }
    HttpConnectionTracker::Request framed = m_tracker.takeRequest();
    const QByteArray body = request.body();
    if (body.size() != framed.bodyBytes) {
        queueMismatchFailure("QHttpServer read a body of a different size");
        return;
    }

    RawRequest raw;
    raw.method = std::move(framed.method);
    raw.target = std::move(framed.target);
    raw.httpVersion = std::move(framed.httpVersion);
    raw.headers = std::move(framed.headers);
    raw.body = body;
    raw.peerAddress = m_peerAddress;
    raw.peerPort = m_peerPort;
    raw.receivedAt = QDateTime::currentDateTimeUtc();
    const bool headRequest = raw.method == "HEAD";
    const bool http10 = raw.httpVersion == "HTTP/1.0";

    ReplyPlan plan = m_adapter->handler(std::move(raw));

    PendingReply reply(std::move(plan.exchange));
    reply.delivery = plan.delivery;
    reply.requestEndNs = requestEndNs;
    reply.dueNs = requestEndNs + qint64(qBound(0, plan.delayMs, MaxDelayMs)) * 1'000'000;
    reply.chunkBytes = qMax(1, plan.trickleChunkBytes);
    reply.intervalMs = qBound(0, plan.trickleIntervalMs, MaxDelayMs);
    reply.headRequest = headRequest;
    reply.closeAfter = !framed.keepAlive || requestsClose(reply.exchange.response.headers);
    reply.keepAliveHeader = http10 && !reply.closeAfter;

    // Close and never-reply plans send no status line, so status 0 is theirs to keep.
    HttpResponse &response = reply.exchange.response;
    const bool sendsResponse = plan.delivery == ReplyDelivery::Normal || plan.delivery == ReplyDelivery::Trickle;
    if (sendsResponse && (response.status < 100 || response.status > 599)) {
        qCWarning(lcServer) << "Reply status" << response.status << "is outside 100-599; sending 500 instead";
        response.status = 500;
    }

    // Requests pipelined after a closing one never reach the handler.
    if (reply.closeAfter) {
        detachHttpServer();
        m_phase = Phase::Closing;
    }
    enqueue(std::move(reply));
    advance();
}

void HttpConnection::queueFramingFailure()
{
    const HttpConnectionTracker::Error &error = m_tracker.error();
    Failure failure;
    failure.status = error.status();
    failure.code = error.code();
    failure.replyMessage = error.message(false);
    failure.logMessage = error.message(true);
    failure.request = m_tracker.failedRequest();
    queueFailure(std::move(failure));
}

void HttpConnection::queueMismatchFailure(const char *reason)
{
    qCWarning(lcServer) << "Connection from" << m_peerLabel << "closed:" << reason;
    Failure failure;
    failure.status = 500;
    failure.code = QByteArrayLiteral("internal-error");
    failure.replyMessage = QStringLiteral("the server lost track of the request framing; the connection is closed");
    failure.logMessage = tr("The server lost track of the request framing and closed the connection");
    queueFailure(std::move(failure));
}

// Rejects the connection's current request with a JSON error reply, after
// the replies already queued, and closes the connection.
void HttpConnection::queueFailure(Failure &&failure)
{
    if (m_phase != Phase::Open || m_failureQueued)
        return;
    m_failureQueued = true;
    detachHttpServer();
    m_phase = Phase::Closing;
    const qint64 nowNs = m_adapter->nowNs();

    PendingReply reply;
    reply.requestEndNs = nowNs;
    reply.dueNs = nowNs;
    reply.closeAfter = true;

    Exchange &exchange = reply.exchange;
    exchange.id = m_adapter->allocateId();
    exchange.request.method = std::move(failure.request.method);
    exchange.request.target = std::move(failure.request.target);
    exchange.request.httpVersion = std::move(failure.request.httpVersion);
    exchange.request.headers = std::move(failure.request.headers);
    exchange.request.peerAddress = m_peerAddress;
    exchange.request.peerPort = m_peerPort;
    exchange.request.receivedAt = QDateTime::currentDateTimeUtc();
    exchange.decision = Decision::Rejected;
    exchange.decidedBy = QStringLiteral("protocol");
    exchange.findings.append(Finding{FindingSeverity::Error, QStringLiteral("protocol-error"), QString(),
                                     failure.logMessage});
    exchange.response.status = failure.status;
    exchange.response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    exchange.response.body = QJsonDocument(QJsonObject{
                                               {QStringLiteral("error"), QString::fromLatin1(failure.code)},
                                               {QStringLiteral("message"), failure.replyMessage},
                                           })
                                 .toJson(QJsonDocument::Compact);
    reply.headRequest = exchange.request.method == "HEAD";

    qCDebug(lcServer) << "Rejected request from" << m_peerLabel << "id" << exchange.id << ":" << failure.replyMessage;
    emit m_adapter->q->protocolError(m_peerLabel, failure.logMessage);
    enqueue(std::move(reply));
}

// --- HttpConnection: replies -------------------------------------------------

void HttpConnection::enqueue(PendingReply &&reply)
{
    // The common case, an immediate reply with nothing ahead of it, skips the queue.
    if (m_replies.empty() && reply.delivery == ReplyDelivery::Normal && reply.dueNs <= reply.requestEndNs) {
        if (isConnected()) {
            writeWhole(reply);
            finishReply(std::move(reply), DeliveryOutcome::Sent);
        } else {
            finishReply(std::move(reply), DeliveryOutcome::ClientGone);
        }
        return;
    }
    m_replies.push_back(std::move(reply));
    if (m_replies.size() == 1)
        deliverReplies();
}

// Delivers replies from the front of the queue until one has to wait.
void HttpConnection::deliverReplies()
{
    while (!m_replies.empty()) {
        if (m_phase == Phase::Closed || !isConnected())
            return;  // handleDisconnected() reports what is left

        PendingReply &reply = m_replies.front();
        if (!reply.started) {
            const qint64 nowNs = m_adapter->nowNs();
            if (nowNs < reply.dueNs) {
                scheduleDelivery(reply.dueNs - nowNs);
                return;
            }
            reply.started = true;
        }

        switch (reply.delivery) {
        case ReplyDelivery::Normal: {
            writeWhole(reply);
            PendingReply finished = std::move(reply);
            m_replies.pop_front();
            finishReply(std::move(finished), DeliveryOutcome::Sent);
            break;
        }
        case ReplyDelivery::CloseWithoutReply:
            finishRemaining(EndReason::ClosedByRule);
            closeGracefully();
            return;
        case ReplyDelivery::NeverReply:
            // Stays at the front until the client leaves or the server stops.
            return;
        case ReplyDelivery::Trickle: {
            if (reply.written == 0)
                reply.wire = takeWire(reply);
            const qsizetype chunk = qMin<qsizetype>(reply.chunkBytes, reply.wire.size() - reply.written);
            m_socket->write(reply.wire.constData() + reply.written, chunk);
            reply.written += chunk;
            m_lastActivityNs = m_adapter->nowNs();
            if (reply.written < reply.wire.size()) {
                scheduleDelivery(qint64(reply.intervalMs) * 1'000'000);
                return;
            }
            PendingReply finished = std::move(reply);
            m_replies.pop_front();
            finishReply(std::move(finished), DeliveryOutcome::Sent);
            break;
        }
        }
    }
    advance();
}

// Builds the reply's bytes and makes its exchange record what goes on the
// wire: the headers as sent, and no body for HEAD.
QByteArray HttpConnection::takeWire(PendingReply &reply)
{
    const ConnectionHeader connection = reply.closeAfter ? ConnectionHeader::Close
        : reply.keepAliveHeader                          ? ConnectionHeader::KeepAlive
                                                         : ConnectionHeader::None;
    HttpResponse &response = reply.exchange.response;
    response.headers = headersAsSent(response, connection);
    QByteArray wire = buildWire(response, reply.headRequest);
    if (reply.headRequest)
        response.body.clear();
    return wire;
}

void HttpConnection::writeWhole(PendingReply &reply)
{
    m_socket->write(takeWire(reply));
    m_lastActivityNs = m_adapter->nowNs();
}

// Reports a reply whose delivery has ended, and closes the connection after
// the last reply it is to send.
void HttpConnection::finishReply(PendingReply &&reply, DeliveryOutcome outcome)
{
    const bool closeAfter = reply.closeAfter && outcome == DeliveryOutcome::Sent;
    reply.exchange.outcome = outcome;
    reply.exchange.latencyMicros = (m_adapter->nowNs() - reply.requestEndNs) / 1000;
    m_adapter->queueExchange(std::move(reply.exchange));
    if (closeAfter) {
        finishRemaining(EndReason::ClosedByRule);
        closeGracefully();
    }
}

// Reports every queued reply as not sent.
void HttpConnection::finishRemaining(EndReason reason)
{
    while (!m_replies.empty()) {
        PendingReply reply = std::move(m_replies.front());
        m_replies.pop_front();
        DeliveryOutcome outcome = DeliveryOutcome::ClientGone;
        switch (reason) {
        case EndReason::ClientLeft:
            if (reply.delivery == ReplyDelivery::NeverReply)
                outcome = DeliveryOutcome::NeverAnswered;
            break;
        case EndReason::ClosedByRule:
            outcome = DeliveryOutcome::ClosedByRule;
            break;
        case EndReason::ServerStopped:
            outcome = DeliveryOutcome::NeverAnswered;
            reply.exchange.findings.append(Finding{FindingSeverity::Info, QStringLiteral("server-stopped"), QString(),
                                                   tr("The server stopped before the reply was sent")});
            break;
        }
        reply.exchange.outcome = outcome;
        reply.exchange.latencyMicros = (m_adapter->nowNs() - reply.requestEndNs) / 1000;
        m_adapter->queueExchange(std::move(reply.exchange));
    }
}

void HttpConnection::scheduleDelivery(qint64 delayNs)
{
    if (m_timerId)
        killTimer(m_timerId);
    const qint64 delayMs = (delayNs + 999'999) / 1'000'000;
    m_timerId = startTimer(std::chrono::milliseconds(delayMs), Qt::PreciseTimer);
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timerId)
        return QObject::timerEvent(event);
    killTimer(m_timerId);
    m_timerId = 0;
    deliverReplies();
}

// --- HttpConnection: closing -------------------------------------------------

// Closes after the written bytes have left: shuts down the sending side, then
// reads and discards until the client closes, so that unread input does not
// make the kernel reset the connection before the client has read the reply.
void HttpConnection::closeGracefully()
{
    if (m_phase == Phase::Flushing || m_phase == Phase::Draining || m_phase == Phase::Closed)
        return;
    detachHttpServer();
    m_phase = Phase::Flushing;
    m_lingerDeadlineNs = m_adapter->nowNs() + LingerNs;
    if (!isConnected())
        return;

    m_socket->flush();
    if (m_phase != Phase::Flushing)
        return;  // flush() ran into an error and the socket disconnected
    if (m_socket->bytesToWrite() > 0) {
        if (!m_bytesWrittenConnected) {
            connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::handleBytesWritten);
            m_bytesWrittenConnected = true;
        }
        return;
    }
    shutdownWrite();
}

void HttpConnection::shutdownWrite()
{
    m_phase = Phase::Draining;
#if defined(Q_OS_UNIX)
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    discardInput();
#else
    // NOTE: without a half-close, input the client is still sending may make
    // the kernel reset the connection before the client reads the reply.
    m_socket->disconnectFromHost();
#endif
}

void HttpConnection::discardInput()
{
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->skip(m_socket->bytesAvailable());
    m_unreadAfterServer = 0;
}

// Stops QHttpServer from reading this socket: it would otherwise parse the
// bytes after a rejected or closing request.
void HttpConnection::detachHttpServer()
{
    if (m_detached)
        return;
    m_detached = true;
    if (m_adapter->httpServer && !disconnect(m_socket, &QTcpSocket::readyRead, m_adapter->httpServer, nullptr))
        qCWarning(lcServer) << "Could not detach QHttpServer from the connection of" << m_peerLabel;
}

void HttpConnection::checkTimeouts(qint64 nowNs)
{
    switch (m_phase) {
    case Phase::Open: {
        // A connection that waits for a held-back reply is not idle.
        if (!m_replies.empty() || m_tracker.hasRequest())
            return;
        const qint64 silentMs = (nowNs - m_lastActivityNs) / 1'000'000;
        if (silentMs < m_adapter->idleTimeoutMs)
            return;
        if (m_tracker.isMidRequest()) {
            emit m_adapter->q->protocolError(
                m_peerLabel, tr("Closed the connection after %1 ms without the rest of the request").arg(silentMs));
        }
        closeGracefully();
        return;
    }
    case Phase::Flushing:
    case Phase::Draining:
        if (nowNs >= m_lingerDeadlineNs)
            m_socket->abort();
        return;
    case Phase::Closing:
    case Phase::Closed:
        return;
    }
}

// Drops the connection because the server stops.
void HttpConnection::stop()
{
    if (m_phase == Phase::Closed)
        return;
    m_phase = Phase::Closed;
    if (m_timerId) {
        killTimer(m_timerId);
        m_timerId = 0;
    }
    finishRemaining(EndReason::ServerStopped);
    m_socket->abort();
}

// --- HttpServerAdapterPrivate ------------------------------------------------

void HttpServerAdapterPrivate::queueExchange(Exchange &&exchange)
{
    pendingExchanges.append(std::move(exchange));
    if (pendingExchanges.size() >= FlushBatchSize)
        flush();
    else if (!flushTimer->isActive())
        flushTimer->start();
}

void HttpServerAdapterPrivate::flush()
{
    flushTimer->stop();
    if (pendingExchanges.isEmpty())
        return;
    QList<Exchange> ready;
    ready.reserve(FlushBatchSize);
    ready.swap(pendingExchanges);
    emit q->exchangesReady(ready);
}

void HttpServerAdapterPrivate::checkConnections()
{
    // Nothing in checkTimeouts() deletes a connection at once; deleteLater() only.
    const qint64 now = nowNs();
    const QList<HttpConnection *> current = connections.values();
    for (HttpConnection *connection : current)
        connection->checkTimeouts(now);
}

// Runs after QHttpServer has taken the new sockets and connected its slots.
void HttpServerAdapterPrivate::hookNewConnections()
{
    for (HttpConnection *connection : std::as_const(unhookedConnections))
        connection->connectAfterHttpServer();
    unhookedConnections.clear();
}

// --- HttpServerAdapter -------------------------------------------------------

HttpServerAdapter::HttpServerAdapter(Handler handler, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<HttpServerAdapterPrivate>(this))
{
    d->handler = std::move(handler);

    // Children, so that they move along when the adapter moves to another thread.
    d->flushTimer = new QTimer(this);
    d->flushTimer->setInterval(FlushIntervalMs);
    d->flushTimer->setSingleShot(true);
    connect(d->flushTimer, &QTimer::timeout, this, [this] { d->flush(); });

    d->checkTimer = new QTimer(this);
    setIdleTimeout(d->idleTimeoutMs);
    connect(d->checkTimer, &QTimer::timeout, this, [this] { d->checkConnections(); });
}

HttpServerAdapter::~HttpServerAdapter()
{
    close();
}

void HttpServerAdapter::setMaxBodyBytes(qint64 bytes)
{
    d->limits.maxBodyBytes = qMax<qint64>(0, bytes);
}

qint64 HttpServerAdapter::maxBodyBytes() const
{
    return d->limits.maxBodyBytes;
}

void HttpServerAdapter::setIdleTimeout(int milliseconds)
{
    d->idleTimeoutMs = qMax(1, milliseconds);
    // The check runs four times per timeout, but at least once a second and
    // at most every 10 ms.
    d->checkTimer->setInterval(qBound(10, d->idleTimeoutMs / 4, 1000));
}

int HttpServerAdapter::idleTimeout() const
{
    return d->idleTimeoutMs;
}

void HttpServerAdapter::setExchangeIdAllocator(IdAllocator allocator)
{
    d->idAllocator = std::move(allocator);
}

quint16 HttpServerAdapter::listen(const QHostAddress &address, quint16 port, QString *errorMessage)
{
    close();

    auto tcpServer = std::make_unique<CallbackTcpServer>(d.get());
    if (!tcpServer->listen(address, port)) {
        QString reason;
        switch (tcpServer->serverError()) {
        case QAbstractSocket::AddressInUseError:
            reason = tr("address already in use");
            break;
        case QAbstractSocket::SocketAccessError:
            reason = tr("permission denied (ports below 1024 need administrator rights)");
            break;
        case QAbstractSocket::SocketAddressNotAvailableError:
            reason = tr("the address does not belong to this computer");
            break;
        default:
            reason = tcpServer->errorString();
            break;
        }
        if (errorMessage)
            *errorMessage = tr("Cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(reason);
        return 0;
    }

    d->tcpServer = tcpServer.get();
    d->httpServer = new CallbackHttpServer(d.get(), this);
    d->httpServer->bind(tcpServer.release());
    // Connected after bind(), so it runs after QHttpServer has taken the sockets.
    connect(d->tcpServer, &QTcpServer::newConnection, this, [this] { d->hookNewConnections(); });

    d->checkTimer->start();
    d->port = d->tcpServer->serverPort();
    return d->port;
}

void HttpServerAdapter::close()
{
    if (d->httpServer) {
        d->checkTimer->stop();
        d->tcpServer->close();
        const QList<HttpConnection *> open = d->connections.values();
        for (HttpConnection *connection : open)
            connection->stop();
        // Deletes the TCP server, its sockets and their connections.
        delete d->httpServer;
        d->httpServer = nullptr;
        d->tcpServer = nullptr;
        d->connections.clear();
        d->unhookedConnections.clear();
        d->port = 0;
    }
    d->flush();
}

bool HttpServerAdapter::isListening() const
{
    return d->httpServer != nullptr;
}

quint16 HttpServerAdapter::port() const
{
    return d->port;
}
