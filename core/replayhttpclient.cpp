#include "replayhttpclient.h"

#include <QHostAddress>
#include <QNetworkProxy>
#include <QSslSocket>
#include <QTcpSocket>

namespace {

using Error = HttpClientReply::Error;

// Headers that belong to one connection, or that the client writes itself.
// Accept-Encoding is dropped too, because the client decodes no compressed bodies.
bool isClientOwnedHeader(const QByteArray &name)
{
    static const QByteArrayList owned = {
        "host", "content-length", "transfer-encoding", "connection", "keep-alive", "proxy-connection",
        "proxy-authorization", "te", "trailer", "upgrade", "expect", "accept-encoding",
    };
    const QByteArray lower = name.toLower();
    return owned.contains(lower);
}

QString shown(const QByteArray &bytes)
{
    // A short printable excerpt of bytes that were not what was expected.
    QString text;
    for (const char c : bytes.left(40)) {
        const uchar u = uchar(c);
        if (u >= 0x20 && u < 0x7f)
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    if (bytes.size() > 40)
        text += QStringLiteral("...");
    return text;
}

} // namespace

QString HttpOrigin::key() const
{
    return QStringLiteral("%1://%2:%3").arg(tls ? QStringLiteral("https") : QStringLiteral("http"), host).arg(port);
}

QByteArray HttpOrigin::hostHeader() const
{
    QByteArray header = host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : host.toUtf8();
    const quint16 defaultPort = tls ? 443 : 80;
    if (port != defaultPort)
        header += ':' + QByteArray::number(port);
    return header;
}

HttpClientConnection::HttpClientConnection(const HttpOrigin &origin, bool ignoreTlsErrors, QObject *parent)
    : QObject(parent)
    , m_origin(origin)
    , m_ignoreTlsErrors(ignoreTlsErrors)
{
    // A coarse timer may fire up to 5% early; a timeout must never end a request before it is due.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpClientConnection::onTimeout);
}

HttpClientConnection::~HttpClientConnection()
{
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        delete m_socket;
    }
}

bool HttpClientConnection::isReusable() const
{
    return !m_done && m_socket && m_keepAlive && m_socket->state() == QAbstractSocket::ConnectedState;
}

void HttpClientConnection::send(const HttpClientRequest &request, int timeoutMs, Callback done)
{
    Q_ASSERT(!m_done);
    const bool reusable = isReusable();
    m_request = request;
    m_done = std::move(done);
    m_retried = false;
    m_clock.start();
    m_timer.start(timeoutMs);

    if (reusable) {
        m_reused = true;
        writeRequest();
        return;
    }
    m_reused = false;
    openSocket();
}

void HttpClientConnection::openSocket()
{
    dropSocket();
    m_keepAlive = false;
    m_tlsErrors.clear();

    if (m_origin.tls) {
        if (!QSslSocket::supportsSsl()) {
            fail(Error::Tls, HttpClientText::tr("TLS is not available: no TLS backend could be loaded"));
            return;
        }
        auto *socket = new QSslSocket(this);
        socket->setPeerVerifyName(m_origin.host);
        connect(socket, &QSslSocket::encrypted, this, &HttpClientConnection::writeRequest);
        connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError> &errors) {
            if (m_ignoreTlsErrors) {
                socket->ignoreSslErrors();
                return;
            }
            for (const QSslError &error : errors)
                m_tlsErrors.append(error.errorString());
        });
        m_socket = socket;
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &HttpClientConnection::writeRequest);
    }

    // The environment may set a proxy; a replay always goes straight to the target.
    m_socket->setProxy(QNetworkProxy::NoProxy);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpClientConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpClientConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpClientConnection::onSocketError);

    if (m_origin.tls)
        static_cast<QSslSocket *>(m_socket)->connectToHostEncrypted(m_origin.host, m_origin.port);
    else
        m_socket->connectToHost(m_origin.host, m_origin.port);
}

void HttpClientConnection::writeRequest()
{
    if (!m_done || !m_socket)
        return;

    m_buffer.clear();
    m_stage = Stage::StatusLine;
    m_bodyMode = BodyMode::None;
    m_remaining = 0;
    m_headerBytes = 0;
    m_headersSeen = false;
    m_bytesReceived = 0;
    m_reply = HttpClientReply();

    QByteArray data;
    data.reserve(256 + m_request.body.size());
    data += m_request.method + ' ' + (m_request.target.isEmpty() ? QByteArrayLiteral("/") : m_request.target)
        + " HTTP/1.1\r\nHost: " + m_origin.hostHeader() + "\r\n";
    bool hasUserAgent = false;
    for (const auto &header : std::as_const(m_request.headers)) {
        if (isClientOwnedHeader(header.first))
            continue;
        if (header.first.compare("user-agent", Qt::CaseInsensitive) == 0)
            hasUserAgent = true;
        data += header.first + ": " + header.second + "\r\n";
    }
    if (!hasUserAgent)
        data += "User-Agent: callbacklab-replay\r\n";
    const QByteArray &method = m_request.method;
    if (!m_request.body.isEmpty() || method == "POST" || method == "PUT" || method == "PATCH")
        data += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    data += "\r\n";
    data += m_request.body;
    m_socket->write(data);
}

void HttpClientConnection::onReadyRead()
{
    if (!m_socket)
        return;
    const QByteArray data = m_socket->readAll();
    if (!m_done) {
        m_keepAlive = false;  // bytes on an idle connection: do not reuse it
        return;
    }
    m_bytesReceived += data.size();
    m_buffer += data;
    parse();
}

bool HttpClientConnection::takeLine(QByteArray *line)
{
    const qsizetype end = m_buffer.indexOf('\n');
    if (end < 0)
        return false;
    *line = m_buffer.left(end);
    if (line->endsWith('\r'))
        line->chop(1);
    m_buffer.remove(0, end + 1);
    return true;
}

bool HttpClientConnection::parse()
{
    while (m_done) {
        switch (m_stage) {
        case Stage::StatusLine: {
            // Reject a reply that is not HTTP as soon as its first bytes show it.
            const QByteArray prefix = QByteArrayLiteral("HTTP/");
            const qsizetype compared = std::min(m_buffer.size(), prefix.size());
            if (m_buffer.left(compared) != prefix.left(compared)) {
                fail(Error::NotHttp, HttpClientText::tr("the reply is not HTTP; it starts with \"%1\"").arg(shown(m_buffer)));
                return false;
            }
            QByteArray line;
            if (!takeLine(&line)) {
                if (m_buffer.size() > 8192) {
                    fail(Error::NotHttp, HttpClientText::tr("the reply's status line is longer than 8192 bytes"));
                    return false;
                }
                return true;
            }
            if (!parseStatusLine(line))
                return false;
            m_stage = Stage::Headers;
            break;
        }
        case Stage::Headers: {
            QByteArray line;
            if (!takeLine(&line)) {
                if (m_headerBytes + m_buffer.size() > MaxHeaderBytes) {
                    fail(Error::TooLarge, HttpClientText::tr("the reply's headers are larger than %1 bytes").arg(MaxHeaderBytes));
                    return false;
                }
                return true;
            }
            m_headerBytes += line.size() + 2;
            if (m_headerBytes > MaxHeaderBytes) {
                fail(Error::TooLarge, HttpClientText::tr("the reply's headers are larger than %1 bytes").arg(MaxHeaderBytes));
                return false;
            }
            if (!line.isEmpty()) {
                if (!parseHeaderLine(line))
                    return false;
                break;
            }
            // An interim 1xx reply (100 Continue) is followed by the real one.
            if (m_reply.status >= 100 && m_reply.status < 200 && m_reply.status != 101) {
                m_reply.headers.clear();
                m_headerBytes = 0;
                m_stage = Stage::StatusLine;
                break;
            }
            if (!startBody())
                return false;
            break;
        }
        case Stage::Body: {
            if (m_bodyMode == BodyMode::UntilClose) {
                m_reply.body += m_buffer;
                m_buffer.clear();
                if (m_reply.body.size() > MaxBodyBytes) {
                    fail(Error::TooLarge, HttpClientText::tr("the reply body is larger than %1 bytes").arg(MaxBodyBytes));
                    return false;
                }
                return true;
            }
            const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size()));
            m_reply.body += m_buffer.left(take);
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return true;
            complete();
            return true;
        }
        case Stage::ChunkSize: {
            QByteArray line;
            if (!takeLine(&line)) {
                if (m_buffer.size() > 1024) {
                    fail(Error::NotHttp, HttpClientText::tr("the reply has an invalid chunk size line"));
                    return false;
                }
                return true;
            }
            const qsizetype extension = line.indexOf(';');
            bool ok = false;
            const qint64 size = line.left(extension < 0 ? line.size() : extension).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(Error::NotHttp, HttpClientText::tr("the reply has an invalid chunk size \"%1\"").arg(shown(line)));
                return false;
            }
            if (m_reply.body.size() + size > MaxBodyBytes) {
                fail(Error::TooLarge, HttpClientText::tr("the reply body is larger than %1 bytes").arg(MaxBodyBytes));
                return false;
            }
            m_remaining = size;
            m_stage = size == 0 ? Stage::ChunkTrailer : Stage::ChunkData;
            break;
        }
        case Stage::ChunkData: {
            // The chunk's data is followed by CRLF.
            if (m_remaining > 0) {
                const qsizetype take = qsizetype(std::min<qint64>(m_remaining, m_buffer.size()));
                m_reply.body += m_buffer.left(take);
                m_buffer.remove(0, take);
                m_remaining -= take;
                if (m_remaining > 0)
                    return true;
            }
            QByteArray line;
            if (!takeLine(&line))
                return true;
            if (!line.isEmpty()) {
                fail(Error::NotHttp, HttpClientText::tr("the reply has chunk data longer than its chunk size"));
                return false;
            }
            m_stage = Stage::ChunkSize;
            break;
        }
        case Stage::ChunkTrailer: {
            QByteArray line;
            if (!takeLine(&line))
                return true;
            if (line.isEmpty())
                complete();
            break;
        }
        case Stage::Done:
            return true;
        }
    }
    return true;
}

bool HttpClientConnection::parseStatusLine(const QByteArray &line)
{
    // HTTP-version SP 3DIGIT [SP reason-phrase]
    const QList<QByteArray> parts = line.split(' ');
    const QByteArray version = parts.value(0);
    const QByteArray code = parts.value(1);
    bool ok = false;
    const int status = code.toInt(&ok);
    if ((version != "HTTP/1.1" && version != "HTTP/1.0") || code.size() != 3 || !ok || status < 100) {
        fail(Error::NotHttp, HttpClientText::tr("the reply has an invalid status line \"%1\"").arg(shown(line)));
        return false;
    }
    m_reply.httpVersion = version;
    m_reply.status = status;
    const qsizetype reasonStart = version.size() + 1 + code.size() + 1;
    m_reply.reasonPhrase = reasonStart < line.size() ? line.mid(reasonStart) : QByteArray();
    return true;
}

bool HttpClientConnection::parseHeaderLine(const QByteArray &line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || line.at(0) == ' ' || line.at(0) == '\t') {
        fail(Error::NotHttp, HttpClientText::tr("the reply has an invalid header line \"%1\"").arg(shown(line)));
        return false;
    }
    m_reply.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return true;
}

bool HttpClientConnection::startBody()
{
    m_headersSeen = true;
    const QByteArray connection = headerValue(m_reply.headers, "Connection").toLower();
    m_keepAlive = m_reply.httpVersion == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive");

    const int status = m_reply.status;
    const QByteArray transferEncoding = headerValue(m_reply.headers, "Transfer-Encoding").toLower();
    const QByteArray contentLength = headerValue(m_reply.headers, "Content-Length");
    if (m_request.method == "HEAD" || status == 204 || status == 304) {
        m_bodyMode = BodyMode::None;
        complete();
        return true;
    }
    if (transferEncoding.contains("chunked")) {
        m_bodyMode = BodyMode::Chunked;
        m_stage = Stage::ChunkSize;
        return true;
    }
    if (!contentLength.isEmpty()) {
        bool ok = false;
        const qint64 length = contentLength.trimmed().toLongLong(&ok);
        if (!ok || length < 0) {
            fail(Error::NotHttp, HttpClientText::tr("the reply has an invalid Content-Length \"%1\"").arg(shown(contentLength)));
            return false;
        }
        if (length > MaxBodyBytes) {
            fail(Error::TooLarge, HttpClientText::tr("the reply body is larger than %1 bytes").arg(MaxBodyBytes));
            return false;
        }
        m_bodyMode = BodyMode::Length;
        m_remaining = length;
        m_reply.body.reserve(qsizetype(length));
        m_stage = Stage::Body;
        if (length == 0)
            complete();
        return true;
    }
    m_bodyMode = BodyMode::UntilClose;
    m_keepAlive = false;
    m_stage = Stage::Body;
    return true;
}

void HttpClientConnection::complete()
{
    m_stage = Stage::Done;
    // Bytes after the reply were never asked for; do not trust the connection with another request.
    if (!m_buffer.isEmpty())
        m_keepAlive = false;
    m_reply.latencyMicros = m_clock.nsecsElapsed() / 1000;
    HttpClientReply reply = std::move(m_reply);
    if (!m_keepAlive)
        dropSocket();
    finish(std::move(reply));
}

void HttpClientConnection::fail(Error error, const QString &message)
{
    HttpClientReply reply;
    reply.error = error;
    reply.errorMessage = message;
    reply.status = m_reply.status;
    reply.headers = m_reply.headers;
    reply.latencyMicros = m_clock.nsecsElapsed() / 1000;
    m_keepAlive = false;
    dropSocket();
    finish(std::move(reply));
}

void HttpClientConnection::finish(HttpClientReply &&reply)
{
    m_timer.stop();
    m_stage = Stage::Done;
    Callback done = std::move(m_done);
    m_done = nullptr;
    m_request = HttpClientRequest();
    if (done)
        done(std::move(reply));
}

void HttpClientConnection::dropSocket()
{
    if (!m_socket)
        return;
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void HttpClientConnection::onDisconnected()
{
    if (!m_done)
        return;
    if (m_stage == Stage::Body && m_bodyMode == BodyMode::UntilClose) {
        m_keepAlive = false;
        complete();
        return;
    }

    // A kept-alive connection the server closed just as the request went out:
    // nothing came back, so sending it once more on a new connection is safe.
    if (m_reused && m_bytesReceived == 0 && !m_retried) {
        m_retried = true;
        m_reused = false;
        openSocket();
        return;
    }
    fail(Error::ConnectionClosed,
         m_bytesReceived == 0
             ? HttpClientText::tr("the server closed the connection without replying")
             : HttpClientText::tr("the server closed the connection after %1 bytes, before the reply was complete")
                   .arg(m_bytesReceived));
}

void HttpClientConnection::onSocketError()
{
    if (!m_done || !m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString where = m_origin.key();
    switch (error) {
    case QAbstractSocket::RemoteHostClosedError:
        onDisconnected();
        return;
    case QAbstractSocket::ConnectionRefusedError:
        fail(Error::ConnectionRefused, HttpClientText::tr("connection to %1 refused").arg(where));
        return;
    case QAbstractSocket::HostNotFoundError:
        fail(Error::HostNotFound, HttpClientText::tr("host %1 not found").arg(m_origin.host));
        return;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError: {
        QString detail = m_tlsErrors.isEmpty() ? m_socket->errorString() : m_tlsErrors.join(QStringLiteral("; "));
        fail(Error::Tls, HttpClientText::tr("TLS handshake with %1 failed: %2").arg(where, detail));
        return;
    }
    case QAbstractSocket::SocketTimeoutError:
        fail(Error::Timeout, HttpClientText::tr("socket timed out: %1").arg(m_socket->errorString()));
        return;
    default:
        fail(Error::Unreachable, HttpClientText::tr("cannot reach %1: %2").arg(where, m_socket->errorString()));
        return;
    }
}

void HttpClientConnection::onTimeout()
{
    if (!m_done)
        return;
    const qint64 elapsedMs = m_clock.elapsed();
    QString message;
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState)
        message = HttpClientText::tr("no connection to %1 within %2 ms").arg(m_origin.key()).arg(elapsedMs);
    else if (m_bytesReceived == 0)
        message = HttpClientText::tr("no reply within %1 ms").arg(elapsedMs);
    else
        message = HttpClientText::tr("reply incomplete after %1 ms (%2 bytes received)").arg(elapsedMs).arg(m_bytesReceived);
    fail(Error::Timeout, message);
}

void HttpClientConnection::abort()
{
    if (m_done)
        fail(Error::Aborted, HttpClientText::tr("canceled"));
    else
        dropSocket();
}
