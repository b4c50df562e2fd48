#include "httpconnectiontracker.h"

#include <array>
#include <cstring>
#include <string_view>

namespace {

// RFC 9110 token characters, used by methods and header field names.
constexpr std::array<bool, 256> TokenChars = [] {
    std::array<bool, 256> table{};
    for (int c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    for (int c = 'a'; c <= 'z'; ++c) {
        table[size_t(c)] = true;
        table[size_t(c - 'a' + 'A')] = true;
    }
    for (const char c : std::string_view("!#$%&'*+-.^_`|~"))
        table[uchar(c)] = true;
    return table;
}();

bool isTokenChar(uchar c)
{
    return TokenChars[c];
}

bool isControl(uchar c)
{
    return (c < 0x20 && c != '\t') || c == 0x7f;
}

bool isWhitespace(char c)
{
    return c == ' ' || c == '\t';
}

bool equalsIgnoreCase(const QByteArray &text, QByteArrayView literal)
{
    return text.size() == literal.size() && qstrnicmp(text.constData(), literal.data(), text.size()) == 0;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    const char lower = char(c | 0x20);
    if (lower >= 'a' && lower <= 'f')
        return lower - 'a' + 10;
    return -1;
}

// Returns the offset just past the empty line that ends a header block
// ("\n\r\n" or "\n\n"), or -1 when the block is not complete yet.
qsizetype findHeadEnd(const char *data, qsizetype size, qsizetype from)
{
    qsizetype position = from;
    while (position < size) {
        const void *found = std::memchr(data + position, '\n', size_t(size - position));
        if (!found)
            return -1;
        const qsizetype newline = static_cast<const char *>(found) - data;
        if (newline + 1 < size && data[newline + 1] == '\n')
            return newline + 2;
        if (newline + 2 < size && data[newline + 1] == '\r' && data[newline + 2] == '\n')
            return newline + 3;
        position = newline + 1;
    }
    return -1;
}

// Returns text as a QByteArray, sharing static data when it is one of the
// common spellings, which saves an allocation per method, version and header
// name of a typical request.
QByteArray internedBytes(const char *data, qsizetype size)
{
    static const QByteArray common[] = {
        QByteArrayLiteral("GET"),          QByteArrayLiteral("POST"),
        QByteArrayLiteral("PUT"),          QByteArrayLiteral("HEAD"),
        QByteArrayLiteral("HTTP/1.1"),     QByteArrayLiteral("HTTP/1.0"),
        QByteArrayLiteral("Host"),         QByteArrayLiteral("User-Agent"),
        QByteArrayLiteral("Accept"),       QByteArrayLiteral("Content-Type"),
        QByteArrayLiteral("Content-Length"), QByteArrayLiteral("Connection"),
        QByteArrayLiteral("Accept-Encoding"), QByteArrayLiteral("Transfer-Encoding"),
    };
    const QByteArrayView text(data, size);
    for (const QByteArray &candidate : common) {
        if (candidate.size() == size && text == candidate)
            return candidate;
    }
    return text.toByteArray();
}

// Up to 60 bytes of the offending input, with control and non-ASCII bytes escaped.
QByteArray printableExcerpt(QByteArrayView text)
{
    constexpr qsizetype MaxBytes = 60;
    QByteArray excerpt;
    const qsizetype shownBytes = qMin(text.size(), MaxBytes);
    for (qsizetype i = 0; i < shownBytes; ++i) {
        const uchar c = uchar(text[i]);
        if (c == '\r') {
            excerpt += "\\r";
        } else if (c == '\n') {
            excerpt += "\\n";
        } else if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
            static const char digits[] = "0123456789abcdef";
            excerpt += "\\x";
            excerpt += digits[c >> 4];
            excerpt += digits[c & 0xf];
        } else {
            excerpt += char(c);
        }
    }
    if (text.size() > MaxBytes)
        excerpt += "...";
    return excerpt;
}

} // namespace

int HttpConnectionTracker::Error::status() const
{
    switch (kind) {
    case ErrorKind::None: return 0;
    case ErrorKind::RequestLineTooLong: return 414;
    case ErrorKind::UnsupportedVersion: return 505;
    case ErrorKind::HeaderBlockTooLarge:
    case ErrorKind::TooManyHeaderFields: return 431;
    case ErrorKind::UnsupportedTransferEncoding: return 501;
    case ErrorKind::BodyTooLarge:
    case ErrorKind::ChunkedBodyTooLarge: return 413;
    case ErrorKind::MalformedRequestLine:
    case ErrorKind::MalformedHeader:
    case ErrorKind::InvalidContentLength:
    case ErrorKind::ConflictingFraming:
    case ErrorKind::MalformedChunk:
    case ErrorKind::ChunkTrailer: return 400;
    }
    return 400;
}

QByteArray HttpConnectionTracker::Error::code() const
{
    switch (kind) {
    case ErrorKind::None: return QByteArray();
    case ErrorKind::MalformedRequestLine: return QByteArrayLiteral("invalid-request-line");
    case ErrorKind::RequestLineTooLong: return QByteArrayLiteral("request-line-too-long");
    case ErrorKind::UnsupportedVersion: return QByteArrayLiteral("unsupported-http-version");
    case ErrorKind::MalformedHeader: return QByteArrayLiteral("invalid-header");
    case ErrorKind::HeaderBlockTooLarge: return QByteArrayLiteral("header-too-large");
    case ErrorKind::TooManyHeaderFields: return QByteArrayLiteral("too-many-headers");
    case ErrorKind::InvalidContentLength: return QByteArrayLiteral("invalid-content-length");
    case ErrorKind::ConflictingFraming: return QByteArrayLiteral("conflicting-framing");
    case ErrorKind::UnsupportedTransferEncoding: return QByteArrayLiteral("unsupported-transfer-encoding");
    case ErrorKind::BodyTooLarge:
    case ErrorKind::ChunkedBodyTooLarge: return QByteArrayLiteral("body-too-large");
    case ErrorKind::MalformedChunk: return QByteArrayLiteral("invalid-chunked-body");
    case ErrorKind::ChunkTrailer: return QByteArrayLiteral("chunk-trailer-unsupported");
    }
    return QByteArray();
}

QString HttpConnectionTracker::Error::message(bool translated) const
{
    const auto text = [translated](const char *source) {
        return translated ? QCoreApplication::translate("HttpConnectionTracker", source)
                          : QString::fromLatin1(source);
    };
    const QString excerptText = QString::fromLatin1(excerpt);

    switch (kind) {
    case ErrorKind::None:
        return QString();
    case ErrorKind::MalformedRequestLine:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker",
                                      "invalid request line \"%1\"; expected METHOD TARGET HTTP/1.1"))
            .arg(excerptText);
    case ErrorKind::RequestLineTooLong:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker", "request line longer than %1 bytes")).arg(limit);
    case ErrorKind::UnsupportedVersion:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker",
                                      "HTTP version \"%1\" is not supported; use HTTP/1.1 or HTTP/1.0"))
            .arg(excerptText);
    case ErrorKind::MalformedHeader:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker", "invalid header line \"%1\"")).arg(excerptText);
    case ErrorKind::HeaderBlockTooLarge:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker", "header block larger than %1 bytes")).arg(limit);
    case ErrorKind::TooManyHeaderFields:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker", "more than %1 header fields")).arg(limit);
    case ErrorKind::InvalidContentLength:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker", "invalid Content-Length \"%1\"")).arg(excerptText);
    case ErrorKind::ConflictingFraming:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker",
                                      "request has both Transfer-Encoding and Content-Length"));
    case ErrorKind::UnsupportedTransferEncoding:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker",
                                      "Transfer-Encoding \"%1\" is not supported; only chunked is"))
            .arg(excerptText);
    case ErrorKind::BodyTooLarge:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker",
                                      "request body of %1 bytes exceeds the limit of %2 bytes"))
            .arg(value)
            .arg(limit);
    case ErrorKind::ChunkedBodyTooLarge:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker",
                                      "chunked request body of at least %1 bytes exceeds the limit of %2 bytes"))
            .arg(value)
            .arg(limit);
    case ErrorKind::MalformedChunk:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker", "invalid chunked body framing near \"%1\""))
            .arg(excerptText);
    case ErrorKind::ChunkTrailer:
        return text(QT_TRANSLATE_NOOP("HttpConnectionTracker",
                                      "trailer fields after a chunked body are not supported"));
    }
    return QString();
}

HttpConnectionTracker::HttpConnectionTracker()
    : HttpConnectionTracker(Limits())
{
}

HttpConnectionTracker::HttpConnectionTracker(const Limits &limits)
    : m_limits(limits)
{
}

bool HttpConnectionTracker::feed(const char *data, qsizetype size)
{
    qsizetype position = 0;
    while (position < size) {
        const char *next = data + position;
        const qsizetype available = size - position;
        switch (m_state) {
        case State::RequestStart: {
            // Empty lines before a request line are ignored (RFC 9112, 2.2).
            qsizetype skipped = 0;
            while (skipped < available && (next[skipped] == '\r' || next[skipped] == '\n'))
                ++skipped;
            position += skipped;
            if (skipped < available) {
                m_current = Request();
                m_continueSent = false;
                m_state = State::Head;
            }
            break;
        }
        case State::Head:
            position += feedHead(next, available);
            break;
        case State::Body: {
            const qsizetype consumed = qsizetype(qMin<qint64>(m_remaining, available));
            position += consumed;
            skipBody(consumed);
            break;
        }
        case State::ChunkSize:
            position += feedChunkSize(next, available);
            break;
        case State::ChunkData: {
            const qsizetype consumed = qsizetype(qMin<qint64>(m_remaining, available));
            position += consumed;
            m_remaining -= consumed;
            m_current.bodyBytes += consumed;
            if (m_remaining == 0) {
                m_crSeen = false;
                m_state = State::ChunkDataEnd;
            }
            break;
        }
        case State::ChunkDataEnd:
            position += feedCrLf(next, available, State::ChunkSize);
            break;
        case State::LastChunkEnd:
            position += feedCrLf(next, available, State::RequestStart);
            break;
        case State::Finished:
            return true;
        case State::Failed:
            return false;
        }
    }
    return m_state != State::Failed;
}

qint64 HttpConnectionTracker::skippableBodyBytes() const
{
    return m_state == State::Body ? m_remaining : 0;
}

void HttpConnectionTracker::skipBody(qint64 bytes)
{
    Q_ASSERT(m_state == State::Body && bytes <= m_remaining);
    m_remaining -= bytes;
    m_current.bodyBytes += bytes;
    if (m_remaining == 0)
        completeRequest();
}

HttpConnectionTracker::Request HttpConnectionTracker::takeRequest()
{
    Q_ASSERT(!m_completed.empty());
    Request request = std::move(m_completed.front());
    m_completed.pop_front();
    return request;
}

bool HttpConnectionTracker::isMidRequest() const
{
    switch (m_state) {
    case State::RequestStart:
    case State::Finished:
    case State::Failed:
        return false;
    case State::Head:
    case State::Body:
    case State::ChunkSize:
    case State::ChunkData:
    case State::ChunkDataEnd:
    case State::LastChunkEnd:
        return true;
    }
    return false;
}

bool HttpConnectionTracker::awaitsContinue() const
{
    if (!m_current.expectContinue || m_continueSent)
        return false;
    if (m_state == State::Body)
        return m_remaining == m_current.contentLength;
    return m_state == State::ChunkSize && m_chunkLine.isEmpty() && m_current.bodyBytes == 0;
}

// Collects the header block, parsing it in place when it arrived in one read.
qsizetype HttpConnectionTracker::feedHead(const char *data, qsizetype size)
{
    const qsizetype limit = m_limits.maxHeaderBlockBytes;
    const qsizetype stored = m_head.size();

    if (stored == 0) {
        const qsizetype end = findHeadEnd(data, size, 0);
        if (end >= 0 && end <= limit) {
            parseHead(data, end);
            return end;
        }
        if (end < 0 && size <= limit) {
            m_head.append(data, size);
            return size;
        }
        // The block is, or will be, over the limit.
        const void *newline = std::memchr(data, '\n', size_t(qMin(size, limit)));
        fail(newline ? ErrorKind::HeaderBlockTooLarge : ErrorKind::RequestLineTooLong, {}, 0, limit);
        return size;
    }

    // Keep at most a few bytes past the limit, enough to see a terminator that ends at it.
    const qsizetype consumed = qMin(size, limit + 3 - stored);
    m_head.append(data, consumed);
    const qsizetype end = findHeadEnd(m_head.constData(), m_head.size(), qMax<qsizetype>(0, stored - 3));
    if (end >= 0 && end <= limit) {
        const QByteArray head = std::exchange(m_head, QByteArray());
        parseHead(head.constData(), end);
        return end - stored;
    }
    if (end < 0 && m_head.size() <= limit)
        return consumed;

    const bool hasNewline = std::memchr(m_head.constData(), '\n', size_t(qMin(m_head.size(), limit))) != nullptr;
    m_head.clear();
    fail(hasNewline ? ErrorKind::HeaderBlockTooLarge : ErrorKind::RequestLineTooLong, {}, 0, limit);
    return size;
}

// Parses a complete header block that ends with its empty line.
bool HttpConnectionTracker::parseHead(const char *data, qsizetype size)
{
    const char *end = data + size;
    const char *line = data;
    bool requestLine = true;
    while (line < end) {
        const char *newline = static_cast<const char *>(std::memchr(line, '\n', size_t(end - line)));
        Q_ASSERT(newline);
        qsizetype length = newline - line;
        if (length > 0 && line[length - 1] == '\r')
            --length;

        if (requestLine) {
            if (!parseRequestLine(line, length))
                return false;
            requestLine = false;
        } else if (length == 0) {
            break;
        } else if (!parseHeaderLine(line, length)) {
            return false;
        }
        line = newline + 1;
    }
    return applyFraming();
}

// request-line = method SP request-target SP HTTP-version, single spaces.
bool HttpConnectionTracker::parseRequestLine(const char *data, qsizetype size)
{
    const QByteArrayView line(data, size);
    const qsizetype methodEnd = line.indexOf(' ');
    const qsizetype targetEnd = methodEnd > 0 ? line.indexOf(' ', methodEnd + 1) : -1;
    if (methodEnd <= 0 || targetEnd <= methodEnd + 1) {
        fail(ErrorKind::MalformedRequestLine, line);
        return false;
    }

    for (qsizetype i = 0; i < methodEnd; ++i) {
        if (!isTokenChar(uchar(data[i]))) {
            fail(ErrorKind::MalformedRequestLine, line);
            return false;
        }
    }
    for (qsizetype i = methodEnd + 1; i < targetEnd; ++i) {
        const uchar c = uchar(data[i]);
        if (c <= 0x20 || c == 0x7f) {
            fail(ErrorKind::MalformedRequestLine, line);
            return false;
        }
    }

    const QByteArrayView version = line.sliced(targetEnd + 1);
    const bool wellFormed = version.size() == 8 && version.startsWith("HTTP/") && version[6] == '.'
        && version[5] >= '0' && version[5] <= '9' && version[7] >= '0' && version[7] <= '9';
    if (!wellFormed) {
        fail(ErrorKind::MalformedRequestLine, line);
        return false;
    }

    m_current.method = internedBytes(data, methodEnd);
    m_current.target = QByteArray(data + methodEnd + 1, targetEnd - methodEnd - 1);
    m_current.httpVersion = internedBytes(version.data(), version.size());
    if (version[5] != '1') {
        fail(ErrorKind::UnsupportedVersion, version);
        return false;
    }
    return true;
}

// field-line = field-name ":" OWS field-value OWS; no folded lines.
bool HttpConnectionTracker::parseHeaderLine(const char *data, qsizetype size)
{
    const QByteArrayView line(data, size);
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0) {
        fail(ErrorKind::MalformedHeader, line);
        return false;
    }
    for (qsizetype i = 0; i < colon; ++i) {
        if (!isTokenChar(uchar(data[i]))) {
            fail(ErrorKind::MalformedHeader, line);
            return false;
        }
    }

    qsizetype valueStart = colon + 1;
    qsizetype valueEnd = size;
    while (valueStart < valueEnd && isWhitespace(data[valueStart]))
        ++valueStart;
    while (valueEnd > valueStart && isWhitespace(data[valueEnd - 1]))
        --valueEnd;
    for (qsizetype i = valueStart; i < valueEnd; ++i) {
        if (isControl(uchar(data[i]))) {
            fail(ErrorKind::MalformedHeader, line);
            return false;
        }
    }

    if (m_current.headers.size() >= m_limits.maxHeaderFields) {
        fail(ErrorKind::TooManyHeaderFields, {}, m_current.headers.size() + 1, m_limits.maxHeaderFields);
        return false;
    }
    m_current.headers.append({internedBytes(data, colon), QByteArray(data + valueStart, valueEnd - valueStart)});
    return true;
}

// Reads Content-Length, Transfer-Encoding, Connection and Expect and decides
// how the body is framed.
bool HttpConnectionTracker::applyFraming()
{
    bool transferEncodingSeen = false;
    bool closeToken = false;
    bool keepAliveToken = false;
    bool expectContinue = false;

    for (const auto &[name, value] : std::as_const(m_current.headers)) {
        if (equalsIgnoreCase(name, "content-length")) {
            bool digitsOnly = !value.isEmpty() && value.size() <= 18;
            for (const char c : value)
                digitsOnly = digitsOnly && c >= '0' && c <= '9';
            const qint64 length = digitsOnly ? value.toLongLong() : -1;
            if (!digitsOnly || (m_current.contentLength >= 0 && m_current.contentLength != length)) {
                fail(ErrorKind::InvalidContentLength, value);
                return false;
            }
            m_current.contentLength = length;
        } else if (equalsIgnoreCase(name, "transfer-encoding")) {
            if (transferEncodingSeen || !equalsIgnoreCase(value, "chunked")) {
                fail(ErrorKind::UnsupportedTransferEncoding, value);
                return false;
            }
            transferEncodingSeen = true;
            m_current.chunked = true;
        } else if (equalsIgnoreCase(name, "connection")) {
            qsizetype start = 0;
            while (start <= value.size()) {
                qsizetype end = value.indexOf(',', start);
                if (end < 0)
                    end = value.size();
                const QByteArrayView token = QByteArrayView(value).sliced(start, end - start).trimmed();
                if (token.compare("close", Qt::CaseInsensitive) == 0)
                    closeToken = true;
                else if (token.compare("keep-alive", Qt::CaseInsensitive) == 0)
                    keepAliveToken = true;
                start = end + 1;
            }
        } else if (equalsIgnoreCase(name, "expect")) {
            expectContinue = equalsIgnoreCase(value, "100-continue");
        }
    }

    // A request with both could be framed two ways; RFC 9112, 6.3 allows rejecting it.
    if (m_current.chunked && m_current.contentLength >= 0) {
        fail(ErrorKind::ConflictingFraming);
        return false;
    }
    if (m_current.contentLength > m_limits.maxBodyBytes) {
        fail(ErrorKind::BodyTooLarge, {}, m_current.contentLength, m_limits.maxBodyBytes);
        return false;
    }

    const bool http10 = m_current.httpVersion == "HTTP/1.0";
    m_current.keepAlive = http10 ? keepAliveToken && !closeToken : !closeToken;
    m_current.expectContinue = expectContinue && (m_current.chunked || m_current.contentLength > 0);

    if (m_current.chunked) {
        m_chunkLine.clear();
        m_state = State::ChunkSize;
    } else if (m_current.contentLength > 0) {
        m_remaining = m_current.contentLength;
        m_state = State::Body;
    } else {
        completeRequest();
    }
    return true;
}

qsizetype HttpConnectionTracker::feedChunkSize(const char *data, qsizetype size)
{
    const void *newline = std::memchr(data, '\n', size_t(size));
    const qsizetype consumed = newline ? static_cast<const char *>(newline) - data + 1 : size;
    if (m_chunkLine.size() + consumed > m_limits.maxChunkLineBytes) {
        fail(ErrorKind::MalformedChunk, QByteArrayView(m_chunkLine + QByteArray(data, consumed)));
        return consumed;
    }
    m_chunkLine.append(data, consumed);
    if (newline)
        parseChunkSizeLine();
    return consumed;
}

// chunk-size [ BWS ";" chunk-ext ] CRLF, with CRLF required: QHttpServer 6.4
// reads the two bytes after the last chunk as its end, so a bare LF there
// would make it swallow a byte of the next request.
bool HttpConnectionTracker::parseChunkSizeLine()
{
    const QByteArray line = std::exchange(m_chunkLine, QByteArray());
    const qsizetype length = line.size() - 2;
    if (length < 1 || !line.endsWith("\r\n")) {
        fail(ErrorKind::MalformedChunk, line);
        return false;
    }

    qint64 chunkSize = 0;
    qsizetype i = 0;
    for (; i < length && hexValue(line[i]) >= 0; ++i) {
        if (i >= 15) {
            fail(ErrorKind::MalformedChunk, line);
            return false;
        }
        chunkSize = chunkSize * 16 + hexValue(line[i]);
    }
    const qsizetype digits = i;
    while (i < length && isWhitespace(line[i]))
        ++i;
    bool valid = digits > 0 && (i == length || line[i] == ';');
    for (qsizetype j = i; valid && j < length; ++j)
        valid = !isControl(uchar(line[j]));
    if (!valid) {
        fail(ErrorKind::MalformedChunk, line);
        return false;
    }

    if (chunkSize == 0) {
        m_crSeen = false;
        m_state = State::LastChunkEnd;
        return true;
    }
    if (m_current.bodyBytes + chunkSize > m_limits.maxBodyBytes) {
        fail(ErrorKind::ChunkedBodyTooLarge, {}, m_current.bodyBytes + chunkSize, m_limits.maxBodyBytes);
        return false;
    }
    m_remaining = chunkSize;
    m_state = State::ChunkData;
    return true;
}

// Reads the CRLF after chunk data or after the last chunk.
qsizetype HttpConnectionTracker::feedCrLf(const char *data, qsizetype size, State next)
{
    qsizetype position = 0;
    if (!m_crSeen) {
        if (data[0] != '\r') {
            // After the last chunk, anything but CRLF starts a trailer field.
            const bool trailer = m_state == State::LastChunkEnd && isTokenChar(uchar(data[0]));
            fail(trailer ? ErrorKind::ChunkTrailer : ErrorKind::MalformedChunk, QByteArrayView(data, size));
            return size;
        }
        m_crSeen = true;
        position = 1;
        if (position == size)
            return position;
    }
    if (data[position] != '\n') {
        fail(ErrorKind::MalformedChunk, QByteArrayView(data, size));
        return size;
    }
    m_crSeen = false;
    if (next == State::RequestStart)
        completeRequest();
    else
        m_state = next;
    return position + 1;
}

void HttpConnectionTracker::completeRequest()
{
    const bool keepAlive = m_current.keepAlive;
    m_completed.push_back(std::move(m_current));
    m_current = Request();
    m_remaining = 0;
    m_state = keepAlive ? State::RequestStart : State::Finished;
}

void HttpConnectionTracker::fail(ErrorKind kind, QByteArrayView excerpt, qint64 value, qint64 limit)
{
    m_error.kind = kind;
    m_error.excerpt = printableExcerpt(excerpt);
    m_error.value = value;
    m_error.limit = limit;
    m_head.clear();
    m_chunkLine.clear();
    m_state = State::Failed;
}
