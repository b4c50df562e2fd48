#include "replayrunner.h"

#include "callbackparser.h"
#include "replayhttpclient.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcReplay, "callbacklab.replay", QtInfoMsg)

// One HTTP request of a row, ready for the client.
struct ReplayRunner::Send
{
    HttpOrigin origin;
    HttpClientRequest request;
    QUrl url;
};

// One request of one repeat: its sends and its result as it is built.
struct ReplayRunner::Row
{
    int requestIndex = 0;
    int iteration = 0;
    Send primary;
    bool hasParity = false;
    Send parity;
    CallbackEncoding parityEncoding = CallbackEncoding::Json;
    ReplayResult result;
};

namespace {

void setHeader(HttpHeaders *headers, const QByteArray &name, const QByteArray &value)
{
    bool replaced = false;
    for (qsizetype i = headers->size() - 1; i >= 0; --i) {
        if ((*headers)[i].first.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (replaced) {
            headers->removeAt(i);
        } else {
            (*headers)[i].second = value;
            replaced = true;
        }
    }
    if (!replaced)
        headers->append({name, value});
}

HttpHeaders withoutContentHeaders(const HttpHeaders &headers)
{
    HttpHeaders kept;
    for (const auto &header : headers) {
        if (header.first.compare("Content-Type", Qt::CaseInsensitive) != 0
            && header.first.compare("Content-Length", Qt::CaseInsensitive) != 0)
            kept.append(header);
    }
    return kept;
}

CallbackEncoding encodingOfCallback(const CallbackFields &callback)
{
    switch (callback.encoding) {
    case BodyEncoding::Query:
        return CallbackEncoding::Query;
    case BodyEncoding::Form:
        switch (callback.metadataLayout) {
        case MetadataLayout::Dot: return CallbackEncoding::FormDot;
        case MetadataLayout::JsonText: return CallbackEncoding::FormJsonText;
        default: return CallbackEncoding::FormBracket;
        }
    default:
        return CallbackEncoding::Json;
    }
}

ReplayError replayError(HttpClientReply::Error error)
{
    switch (error) {
    case HttpClientReply::Error::None: return ReplayError::None;
    case HttpClientReply::Error::HostNotFound: return ReplayError::HostNotFound;
    case HttpClientReply::Error::ConnectionRefused: return ReplayError::ConnectionRefused;
    case HttpClientReply::Error::Unreachable: return ReplayError::Unreachable;
    case HttpClientReply::Error::Timeout: return ReplayError::Timeout;
    case HttpClientReply::Error::ConnectionClosed: return ReplayError::ConnectionClosed;
    case HttpClientReply::Error::NotHttp: return ReplayError::NotHttp;
    case HttpClientReply::Error::Tls: return ReplayError::Tls;
    case HttpClientReply::Error::TooLarge: return ReplayError::TooLarge;
    case HttpClientReply::Error::Aborted: return ReplayError::Canceled;
    }
    return ReplayError::Unreachable;
}

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Returns the error of a reply, counting a redirect as one, or None for a response to compare.
ReplayError replyError(const HttpClientReply &reply, QString *message, QByteArray *location)
{
    if (reply.error != HttpClientReply::Error::None) {
        *message = reply.errorMessage;
        return replayError(reply.error);
    }
    if (isRedirect(reply.status)) {
        *location = headerValue(reply.headers, "Location");
        *message = location->isEmpty()
            ? ReplayComparison::tr("redirect (%1) without a Location header; redirects are not followed").arg(reply.status)
            : ReplayComparison::tr("redirect (%1) to %2; redirects are not followed")
                  .arg(reply.status)
                  .arg(QString::fromUtf8(*location));
        return ReplayError::Redirect;
    }
    return ReplayError::None;
}

} // namespace

ReplayRunner::ReplayRunner(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ReplayResult>();
    qRegisterMetaType<ReplayProgress>();
    qRegisterMetaType<ReplaySummary>();

    m_rateTimer.setSingleShot(true);
    connect(&m_rateTimer, &QTimer::timeout, this, &ReplayRunner::dispatch);
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] { emitProgress(false); });
}

ReplayRunner::~ReplayRunner()
{
    // Connections are children; deleting them sends no callbacks.
    m_busy.clear();
}

void ReplayRunner::setOptions(const ReplayOptions &options)
{
    m_options = options;
}

bool ReplayRunner::start(const QList<ReplayRequest> &requests, QString *errorMessage)
{
    QString error;
    if (m_running)
        error = ReplayComparison::tr("a replay is already running");
    else
        error = m_options.validate();
    const qint64 rows = qint64(requests.size()) * m_options.repeat;
    if (error.isEmpty() && rows > MaxRows)
        error = ReplayComparison::tr("%1 requests repeated %2 times are more than %3 rows; replay fewer")
                    .arg(requests.size())
                    .arg(m_options.repeat)
                    .arg(MaxRows);
    if (!error.isEmpty()) {
        if (errorMessage)
            *errorMessage = error;
        return false;
    }

    m_requests = requests;
    m_running = true;
    m_canceled = false;
    m_finishScheduled = false;
    m_totalRows = rows;
    m_nextRow = 0;
    m_rowsDone = 0;
    m_inFlight = 0;
    m_requestsSent = 0;
    m_summary = ReplaySummary();
    m_parityQueue.clear();
    m_lastProgress = ReplayProgress();
    m_clock.start();

    qCInfo(lcReplay).noquote() << "Replaying" << requests.size() << "requests" << m_options.repeat << "times to"
                               << (m_options.target.isEmpty() ? QStringLiteral("their own URLs")
                                                              : m_options.target.toString())
                               << "with concurrency" << m_options.concurrency;

    m_progressTimer.start();
    QMetaObject::invokeMethod(this, &ReplayRunner::dispatch, Qt::QueuedConnection);
    return true;
}

void ReplayRunner::cancel()
{
    if (!m_running || m_canceled)
        return;
    m_canceled = true;
    m_rateTimer.stop();
    qCInfo(lcReplay) << "Replay canceled after" << m_rowsDone << "of" << m_totalRows << "rows";

    // Rows waiting only for their parity send keep their first response.
    while (!m_parityQueue.empty()) {
        std::shared_ptr<Row> row = m_parityQueue.front();
        m_parityQueue.pop_front();
        completeRow(row);
    }
    const QList<HttpClientConnection *> busy(m_busy.cbegin(), m_busy.cend());
    for (HttpClientConnection *connection : busy)
        connection->abort();
    scheduleFinish();
}

ReplayProgress ReplayRunner::progress() const
{
    ReplayProgress progress;
    progress.total = int(std::min<qint64>(m_totalRows, std::numeric_limits<int>::max()));
    progress.done = int(m_rowsDone);
    progress.inFlight = int(m_nextRow - m_rowsDone);
    progress.queued = m_canceled ? 0 : int(m_totalRows - m_nextRow);
    progress.matched = m_summary.matched;
    progress.differed = m_summary.differed;
    progress.errors = m_summary.errors;
    return progress;
}

bool ReplayRunner::hasWork() const
{
    return !m_canceled && (!m_parityQueue.empty() || m_nextRow < m_totalRows);
}

void ReplayRunner::dispatch()
{
    if (!m_running || m_dispatching)
        return;
    m_dispatching = true;

    while (hasWork() && m_inFlight < m_options.concurrency) {
        // The rate limit spaces the starts of all sends, parity sends included.
        if (m_options.rate > 0) {
            const qint64 dueMs = qint64(double(m_requestsSent) * 1000.0 / m_options.rate);
            const qint64 nowMs = m_clock.elapsed();
            if (nowMs < dueMs) {
                if (!m_rateTimer.isActive())
                    m_rateTimer.start(int(dueMs - nowMs));
                break;
            }
        }

        if (!m_parityQueue.empty()) {
            std::shared_ptr<Row> row = m_parityQueue.front();
            m_parityQueue.pop_front();
            send(row, true);
        } else {
            startNextRow();
        }
    }

    m_dispatching = false;
    if (!hasWork() && m_inFlight == 0)
        scheduleFinish();
}

void ReplayRunner::startNextRow()
{
    const qint64 rowNumber = m_nextRow++;
    auto row = std::make_shared<Row>();
    row->requestIndex = int(rowNumber % m_requests.size());
    row->iteration = int(rowNumber / m_requests.size());

    const ReplayRequest &request = m_requests.at(row->requestIndex);
    ReplayResult &result = row->result;
    result.requestIndex = row->requestIndex;
    result.iteration = row->iteration;
    result.requestId = request.id.isEmpty() ? QStringLiteral("request %1").arg(row->requestIndex + 1) : request.id;
    result.expectationSource = request.expect.source;
    result.expectedStatus = request.expect.status;
    result.expectedDecision = request.expect.decision;

    QString error;
    if (!prepare(*row, &error)) {
        result.method = request.method;
        result.url = m_options.target.isEmpty() ? request.url : m_options.target;
        result.outcome = ReplayOutcome::Error;
        result.error = ReplayError::InvalidRequest;
        result.errorMessage = error;
        completeRow(row);
        return;
    }
    result.method = row->primary.request.method;
    result.url = row->primary.url;
    send(row, false);
}

bool ReplayRunner::prepare(Row &row, QString *errorMessage)
{
    const ReplayRequest &request = m_requests.at(row.requestIndex);
    if (!request.unsendable.isEmpty()) {
        *errorMessage = request.unsendable;
        return false;
    }

    // Where to: the run's target, else the URL recorded with the request.
    const QUrl base = m_options.target.isEmpty() ? request.url : m_options.target;
    const QString scheme = base.scheme();
    if (base.host().isEmpty()) {
        *errorMessage = ReplayComparison::tr("no target: the request has no absolute URL, so set a target URL");
        return false;
    }
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        *errorMessage = ReplayComparison::tr("unsupported URL scheme '%1' in %2: use http or https")
                            .arg(scheme, base.toString());
        return false;
    }
    HttpOrigin origin;
    origin.tls = scheme == QLatin1String("https");
    origin.host = base.host();
    origin.port = quint16(base.port(origin.tls ? 443 : 80));

    // What: the request as recorded, or re-encoded from its parsed fields.
    QByteArray method = m_options.method.isEmpty() ? request.method : m_options.method;
    QByteArray query = request.query;
    QByteArray body = request.body;
    HttpHeaders headers = request.headers;
    CallbackEncoding primaryEncoding = CallbackEncoding::Json;
    CallbackDraft draft;
    bool parityPossible = m_options.parity;
    if (m_options.encoding || m_options.parity) {
        const ParseResult parsed = CallbackParser::parse(request.toRawRequest());
        if (parsed.rejected && m_options.encoding) {
            *errorMessage = ReplayComparison::tr("cannot re-encode the callback: %1").arg(parsed.errorMessage);
            return false;
        }
        if (parsed.rejected) {
            // A callback meant to be rejected is still replayed, just without its parity twin.
            parityPossible = false;
            row.result.findings.append(Finding{FindingSeverity::Info, QStringLiteral("parity-skipped"), QString(),
                                               ReplayComparison::tr("Parity not checked: the callback cannot be "
                                                                    "parsed, so it cannot be re-encoded (%1)")
                                                   .arg(parsed.errorMessage)});
        } else {
            draft = CallbackComposer::fromCallback(parsed.callback);
            draft.headers = withoutContentHeaders(request.headers);
            primaryEncoding = encodingOfCallback(parsed.callback);
        }
    }
    if (m_options.encoding) {
        primaryEncoding = *m_options.encoding;
        QByteArray composedMethod = m_options.method;
        if (composedMethod.isEmpty())
            composedMethod = primaryEncoding == CallbackEncoding::Query ? QByteArrayLiteral("GET")
                : request.method == "GET"                             ? QByteArrayLiteral("POST")
                                                                      : request.method;
        const ComposedRequest composed = CallbackComposer::compose(draft, primaryEncoding, composedMethod);
        method = composed.method;
        query = composed.query;
        body = composed.body;
        headers = composed.headers;
    }
    for (const auto &header : m_options.headers)
        setHeader(&headers, header.first, header.second);

    auto makeSend = [&](const QByteArray &sendMethod, const QByteArray &sendQuery, const QByteArray &sendBody,
                        const HttpHeaders &sendHeaders) {
        Send send;
        send.origin = origin;
        QByteArray path = base.path(QUrl::FullyEncoded).toUtf8();
        if (path.isEmpty())
            path = QByteArrayLiteral("/");
        QByteArray fullQuery = base.query(QUrl::FullyEncoded).toUtf8();
        if (!sendQuery.isEmpty())
            fullQuery = fullQuery.isEmpty() ? sendQuery : fullQuery + '&' + sendQuery;
        send.request.method = sendMethod;
        send.request.target = fullQuery.isEmpty() ? path : path + '?' + fullQuery;
        send.request.headers = sendHeaders;
        send.request.body = sendBody;
        send.url = base.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment);
        if (!fullQuery.isEmpty())
            send.url.setQuery(QString::fromUtf8(fullQuery), QUrl::TolerantMode);
        return send;
    };
    row.primary = makeSend(method, query, body, headers);

    // Parity: the same callback in the other encoding, JSON against a form.
    if (parityPossible) {
        row.hasParity = true;
        row.parityEncoding = primaryEncoding == CallbackEncoding::Json ? CallbackEncoding::FormBracket
                                                                       : CallbackEncoding::Json;
        const QByteArray parityMethod = method == "GET" ? QByteArrayLiteral("POST") : method;
        ComposedRequest composed = CallbackComposer::compose(draft, row.parityEncoding, parityMethod);
        for (const auto &header : m_options.headers)
            setHeader(&composed.headers, header.first, header.second);
        row.parity = makeSend(composed.method, composed.query, composed.body, composed.headers);
    }
    return true;
}

void ReplayRunner::send(const std::shared_ptr<Row> &row, bool parity)
{
    const Send &send = parity ? row->parity : row->primary;
    HttpClientConnection *connection = acquire(send.origin);
    ++m_inFlight;
    ++m_requestsSent;
    m_busy.insert(connection);
    connection->send(send.request, m_options.timeoutMs, [this, row, parity, connection](HttpClientReply &&reply) {
        onReply(row, parity, connection, std::move(reply));
    });
}

void ReplayRunner::onReply(const std::shared_ptr<Row> &row, bool parity, HttpClientConnection *connection,
                           HttpClientReply &&reply)
{
    m_busy.remove(connection);
    release(connection);
    --m_inFlight;

    ReplayResult &result = row->result;
    QString message;
    QByteArray location;
    const ReplayError error = replyError(reply, &message, &location);

    if (parity) {
        ParityCheck check;
        check.encoding = row->parityEncoding;
        check.checked = error != ReplayError::Canceled;
        check.error = error;
        check.errorMessage = message;
        check.status = reply.status;
        check.decision = ReplayComparison::decisionForStatus(reply.status);
        ReplayComparison::applyParity(check, &result);
        completeRow(row);
        return;
    }

    result.status = reply.status;
    result.reasonPhrase = reply.reasonPhrase;
    result.responseHeaders = std::move(reply.headers);
    result.responseBody = std::move(reply.body);
    result.latencyMicros = reply.latencyMicros;
    if (error != ReplayError::None) {
        result.outcome = ReplayOutcome::Error;
        result.error = error;
        result.errorMessage = message;
        result.location = location;
        qCDebug(lcReplay).noquote() << result.requestId << replayErrorName(error) << message;
        completeRow(row);
        return;
    }

    const ReplayExpectation &expect = m_requests.at(row->requestIndex).expect;
    ReplayComparison::evaluate(expect, m_options, &result);
    if (row->hasParity && !m_canceled) {
        m_parityQueue.push_back(row);
        dispatch();
        return;
    }
    completeRow(row);
}

void ReplayRunner::completeRow(const std::shared_ptr<Row> &row)
{
    ++m_rowsDone;
    ++m_summary.total;
    switch (row->result.outcome) {
    case ReplayOutcome::Matched: ++m_summary.matched; break;
    case ReplayOutcome::Differed: ++m_summary.differed; break;
    case ReplayOutcome::Error: ++m_summary.errors; break;
    }
    emit resultReady(row->result);
    dispatch();
}

void ReplayRunner::scheduleFinish()
{
    if (!m_running || m_finishScheduled)
        return;
    m_finishScheduled = true;
    QMetaObject::invokeMethod(this, &ReplayRunner::finish, Qt::QueuedConnection);
}

void ReplayRunner::finish()
{
    // A cancel may still have aborts in progress; wait until nothing is in flight.
    m_finishScheduled = false;
    if (!m_running || m_inFlight > 0 || hasWork())
        return;

    m_running = false;
    m_rateTimer.stop();
    m_progressTimer.stop();
    closeIdleConnections();

    m_summary.canceled = m_canceled;
    m_summary.requestsSent = m_requestsSent;
    m_summary.elapsedMs = m_clock.elapsed();
    qCInfo(lcReplay) << "Replay finished:" << m_summary.matched << "matched," << m_summary.differed << "differed,"
                     << m_summary.errors << "errors in" << m_summary.elapsedMs << "ms";
    emitProgress(true);
    emit finished(m_summary);
}

void ReplayRunner::emitProgress(bool force)
{
    const ReplayProgress current = progress();
    if (!force && current.done == m_lastProgress.done && current.inFlight == m_lastProgress.inFlight
        && current.queued == m_lastProgress.queued)
        return;
    m_lastProgress = current;
    emit progressChanged(current);
}

HttpClientConnection *ReplayRunner::acquire(const HttpOrigin &origin)
{
    auto it = m_idle.find(origin.key());
    if (it != m_idle.end()) {
        while (!it->isEmpty()) {
            HttpClientConnection *connection = it->takeLast();
            --m_idleCount;
            if (connection->isReusable())
                return connection;
            connection->deleteLater();
        }
    }
    return new HttpClientConnection(origin, m_options.insecure, this);
}

void ReplayRunner::release(HttpClientConnection *connection)
{
    if (connection->isReusable() && m_idleCount < m_options.concurrency && m_running) {
        m_idle[connection->origin().key()].append(connection);
        ++m_idleCount;
        return;
    }
    connection->deleteLater();
}

void ReplayRunner::closeIdleConnections()
{
    for (const QList<HttpClientConnection *> &connections : std::as_const(m_idle)) {
        for (HttpClientConnection *connection : connections)
            connection->deleteLater();
    }
    m_idle.clear();
    m_idleCount = 0;
}
