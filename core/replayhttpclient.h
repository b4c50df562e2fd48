// A minimal HTTP/1.1 client connection for replay: one request at a time
// over a kept-alive TCP or TLS socket, with a per-request timeout and every
// failure (refused, timed out, not HTTP, TLS) returned as a value.
//
// Replay uses this instead of QNetworkAccessManager for two reasons. In Qt
// 6.4 a manager opens at most 6 HTTP/1 connections per host, with no setting
// to raise it (QHttp1Configuration arrived in 6.5). And a probe with 11
// managers sending 10,000 POSTs reached about a fifth of wrk's rate against
// the same responder on loopback. Proxies are never used.
#pragma once

#include "exchange.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

// Scheme, host and port a connection talks to.
struct HttpOrigin
{
    bool tls = false;
    QString host;
    quint16 port = 80;

    QString key() const;
    // Host header value: host, bracketed when IPv6, with the port unless it is the scheme's default.
    QByteArray hostHeader() const;
};

struct HttpClientRequest
{
    QByteArray method;
    QByteArray target;   // path and query, as written on the request line
    HttpHeaders headers; // Host, Content-Length and hop-by-hop headers are set by the client; Accept-Encoding is dropped
    QByteArray body;
};

struct HttpClientReply
{
    enum class Error {
        None,
        HostNotFound,
        ConnectionRefused,
        Unreachable,
        Timeout,
        ConnectionClosed,
        NotHttp,
        Tls,
        TooLarge,
        Aborted,
    };

    Error error = Error::None;
    QString errorMessage;    // translated
    int status = 0;
    QByteArray reasonPhrase;
    QByteArray httpVersion;  // "HTTP/1.1"
    HttpHeaders headers;
    QByteArray body;
    qint64 latencyMicros = 0;  // from send() to the last byte, connecting included
};

class HttpClientConnection : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(HttpClientReply &&reply)>;

    static constexpr qsizetype MaxHeaderBytes = 64 * 1024;
    static constexpr qsizetype MaxBodyBytes = 32 * 1024 * 1024;

    HttpClientConnection(const HttpOrigin &origin, bool ignoreTlsErrors, QObject *parent = nullptr);
    ~HttpClientConnection() override;

    const HttpOrigin &origin() const { return m_origin; }

    // Sends one request; done is called exactly once, possibly before send()
    // returns (for example when a TLS socket is unavailable). The connection
    // must be idle. The callback may send the next request on this
    // connection but must not delete it except with deleteLater().
    void send(const HttpClientRequest &request, int timeoutMs, Callback done);

    // Fails the request in progress with Error::Aborted and closes the socket.
    void abort();

    bool isBusy() const { return bool(m_done); }
    // Idle, connected and allowed to carry another request.
    bool isReusable() const;

private:
    enum class Stage { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkTrailer, Done };
    enum class BodyMode { None, Length, Chunked, UntilClose };

    void openSocket();
    void writeRequest();
    void onReadyRead();
    void onDisconnected();
    void onSocketError();
    void onTimeout();

    bool parse();  // returns false when the reply failed and was reported
    bool parseStatusLine(const QByteArray &line);
    bool parseHeaderLine(const QByteArray &line);
    bool startBody();
    bool takeLine(QByteArray *line);

    void complete();
    void fail(HttpClientReply::Error error, const QString &message);
    void finish(HttpClientReply &&reply);
    void dropSocket();

    HttpOrigin m_origin;
    bool m_ignoreTlsErrors = false;
    QTcpSocket *m_socket = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;

    HttpClientRequest m_request;
    Callback m_done;
    bool m_reused = false;        // the request went out on a connection that had carried one before
    bool m_retried = false;
    bool m_keepAlive = false;
    bool m_headersSeen = false;   // for a reply that ends at close
    qint64 m_bytesReceived = 0;
    QStringList m_tlsErrors;

    QByteArray m_buffer;
    Stage m_stage = Stage::StatusLine;
    BodyMode m_bodyMode = BodyMode::None;
    qint64 m_remaining = 0;
    qsizetype m_headerBytes = 0;
    HttpClientReply m_reply;
};

class HttpClientText
{
    Q_DECLARE_TR_FUNCTIONS(HttpClient)
};
