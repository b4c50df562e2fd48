// Incremental HTTP/1.x request framing for one connection. It is fed every
// byte the client sends, finds where each request's header block and body
// end, keeps the request line and headers exactly as sent and rejects what
// the server must not pass on (oversized, malformed or ambiguous requests).
// It stores no body bytes: it only counts them.
#pragma once

#include "exchange.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <deque>

class HttpConnectionTracker
{
    Q_DECLARE_TR_FUNCTIONS(HttpConnectionTracker)

public:
    struct Limits
    {
        qint64 maxBodyBytes = 16 * 1024 * 1024;
        qsizetype maxHeaderBlockBytes = 64 * 1024;  // request line and header fields
        int maxHeaderFields = 100;                  // QHttpServer 6.4 drops every header beyond 100
        qsizetype maxChunkLineBytes = 1024;         // chunk size line with its extensions
    };

    // One request as framed on the wire.
    struct Request
    {
        QByteArray method;       // as sent, case kept
        QByteArray target;       // request-target as sent
        QByteArray httpVersion;  // "HTTP/1.1" or "HTTP/1.0"
        HttpHeaders headers;     // in order, names in their original case
        qint64 contentLength = -1;  // -1 when the request carries no Content-Length
        bool chunked = false;
        bool expectContinue = false;
        bool keepAlive = true;      // false after "Connection: close" or HTTP/1.0 without keep-alive
        qint64 bodyBytes = 0;       // body bytes after chunked decoding
    };

    enum class ErrorKind {
        None,
        MalformedRequestLine,
        RequestLineTooLong,
        UnsupportedVersion,
        MalformedHeader,
        HeaderBlockTooLarge,
        TooManyHeaderFields,
        InvalidContentLength,
        ConflictingFraming,
        UnsupportedTransferEncoding,
        BodyTooLarge,
        ChunkedBodyTooLarge,
        MalformedChunk,
        ChunkTrailer,
    };

    struct Error
    {
        ErrorKind kind = ErrorKind::None;
        QByteArray excerpt;  // the offending text, shortened and made printable
        qint64 value = 0;    // body size for the body limits
        qint64 limit = 0;    // the limit that was exceeded

        int status() const;       // the HTTP status to reply with
        QByteArray code() const;  // stable identifier for the JSON reply, e.g. "body-too-large"
        // Describes the error; translated for people, plain English for the
        // reply body sent to the client.
        QString message(bool translated = true) const;
    };

    HttpConnectionTracker();
    explicit HttpConnectionTracker(const Limits &limits);

    // Frames the next bytes received. Returns false once the connection has
    // failed; later calls ignore their bytes.
    bool feed(const char *data, qsizetype size);

    // Body bytes of a Content-Length body still to come; up to this many new
    // bytes can be accounted for with skipBody() without reading them.
    qint64 skippableBodyBytes() const;
    void skipBody(qint64 bytes);

    // Completed requests, oldest first.
    bool hasRequest() const { return !m_completed.empty(); }
    qsizetype completedCount() const { return qsizetype(m_completed.size()); }
    Request takeRequest();

    // True while part of a request has been received but not all of it.
    bool isMidRequest() const;

    // True when the request being received sent "Expect: 100-continue", its
    // body has not arrived and no interim reply has been sent for it.
    bool awaitsContinue() const;
    void markContinueSent() { m_continueSent = true; }

    // After a request that closes the connection, later bytes are ignored.
    bool isFinished() const { return m_state == State::Finished; }

    bool hasFailed() const { return m_state == State::Failed; }
    const Error &error() const { return m_error; }
    // What was parsed of the failed request; empty fields when the failure
    // came before them.
    const Request &failedRequest() const { return m_current; }

private:
    enum class State {
        RequestStart,
        Head,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        LastChunkEnd,
        Finished,
        Failed,
    };

    qsizetype feedHead(const char *data, qsizetype size);
    qsizetype feedChunkSize(const char *data, qsizetype size);
    qsizetype feedCrLf(const char *data, qsizetype size, State next);

    bool parseHead(const char *data, qsizetype size);
    bool parseRequestLine(const char *data, qsizetype size);
    bool parseHeaderLine(const char *data, qsizetype size);
    bool applyFraming();
    bool parseChunkSizeLine();
    void completeRequest();
    void fail(ErrorKind kind, QByteArrayView excerpt = {}, qint64 value = 0, qint64 limit = 0);

    Limits m_limits;
    State m_state = State::RequestStart;
    QByteArray m_head;       // header block bytes while it spans several reads
    QByteArray m_chunkLine;  // chunk size line while it spans several reads
    bool m_crSeen = false;   // CR of a CRLF in the chunked framing
    bool m_continueSent = false;
    qint64 m_remaining = 0;  // body or chunk bytes still to come
    Request m_current;
    std::deque<Request> m_completed;
    Error m_error;
};
