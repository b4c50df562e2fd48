// The HTTP adapter against raw sockets on loopback: requests captured as
// sent, protocol rejections, 100-continue, HEAD, connection closing,
// pipelining, idle timeouts, every reply delivery and unusual status codes.
#include "httpserveradapter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>

namespace {

constexpr int WaitMs = 5000;

// A reply as the client reads it.
struct ParsedResponse
{
    QByteArray statusLine;
    int status = 0;
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(QByteArrayView name) const { return headerValue(headers, name); }
    bool hasHeader(QByteArrayView name) const
    {
        for (const auto &header : headers) {
            if (header.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
};

// Removes one complete reply from the front of buffer. A reply to HEAD has
// no body whatever its Content-Length value.
std::optional<ParsedResponse> takeResponse(QByteArray &buffer, bool headRequest = false)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return std::nullopt;

    ParsedResponse response;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    response.statusLine = lines.value(0);
    if (response.statusLine.endsWith('\r'))
        response.statusLine.chop(1);
    response.status = response.statusLine.mid(9, 3).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        const qsizetype colon = line.indexOf(':');
        response.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    const qsizetype bodyStart = headEnd + 4;
    const qsizetype length = headRequest ? 0 : response.header("Content-Length").toLongLong();
    if (buffer.size() < bodyStart + length)
        return std::nullopt;
    response.body = buffer.mid(bodyStart, length);
    buffer.remove(0, bodyStart + length);
    return response;
}

// A client socket that collects everything the server sends.
class RawClient : public QObject
{
public:
    explicit RawClient(quint16 port)
    {
        connect(&socket, &QTcpSocket::readyRead, this, [this] {
            received += socket.readAll();
            ++reads;
        });
        connect(&socket, &QTcpSocket::disconnected, this, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, WaitMs);
    }

    void send(const QByteArray &bytes)
    {
        socket.write(bytes);
        socket.flush();
    }

    bool waitForBytes(qsizetype count)
    {
        return QTest::qWaitFor([this, count] { return received.size() >= count; }, WaitMs);
    }

    bool waitForClose() { return QTest::qWaitFor([this] { return closed; }, WaitMs); }

    std::optional<ParsedResponse> waitForResponse(bool headRequest = false)
    {
        std::optional<ParsedResponse> response;
        // An empty result means that the wait timed out.
        static_cast<void>(QTest::qWaitFor(
            [&] {
                response = takeResponse(received, headRequest);
                return response.has_value();
            },
            WaitMs));
        return response;
    }

    QTcpSocket socket;
    QByteArray received;
    int reads = 0;
    bool closed = false;
};

} // namespace

class TestHttpServerAdapter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void capturesRequestAsSent();
    void capturesHeaderSplitAcrossReads();
    void acceptsHundredHeaderFields();
    void methodText_data();
    void methodText();
    void decodesChunkedBody();
    void rejectsLargeContentLength();
    void rejectsChunkedBodyOverLimit();
    void rejectsHugeHeaderBlock();
    void rejectsBadRequest_data();
    void rejectsBadRequest();
    void answersEarlierRequestBeforeRejection();
    void sendsContinue();
    void headHasNoBody();
    void closesConnection_data();
    void closesConnection();
    void ignoresRequestsAfterClose();
    void pipelinedRepliesInOrder();
    void clientLeavesDuringDelay();
    void clientLeavesMidRequest();
    void closesStalledHeader();
    void closeWithoutReply();
    void neverReply();
    void trickle();
    void statusLine_data();
    void statusLine();
    void noContentHasNoLength();
    void reportsExchangesInBatches();
    void portInUse();
    void closeDropsConnectionsAndListensAgain();

private:
    quint16 startAdapter();
    std::unique_ptr<RawClient> connectClient();
    QList<Exchange> waitForExchanges(qsizetype count);

    std::unique_ptr<HttpServerAdapter> m_adapter;
    std::unique_ptr<QSignalSpy> m_exchangeSpy;
    std::unique_ptr<QSignalSpy> m_errorSpy;
    QList<RawRequest> m_requests;
    std::function<void(const RawRequest &, ReplyPlan &)> m_shapePlan;
    quint64 m_nextId = 1;
    quint16 m_port = 0;
};

// The handler records each request and replies 200 "<method> <target>"
// unless the test shapes the plan.
void TestHttpServerAdapter::init()
{
    qRegisterMetaType<QList<Exchange>>();
    m_requests.clear();
    m_shapePlan = nullptr;
    m_adapter = std::make_unique<HttpServerAdapter>([this](RawRequest &&request) {
        ReplyPlan plan;
        plan.exchange.id = m_nextId++;
        plan.exchange.decision = Decision::Allow;
        plan.exchange.response.status = 200;
        plan.exchange.response.headers.append({QByteArray("Content-Type"), QByteArray("text/plain")});
        plan.exchange.response.body = request.method + ' ' + request.target;
        if (m_shapePlan)
            m_shapePlan(request, plan);
        m_requests.append(request);
        plan.exchange.request = std::move(request);
        return plan;
    });
    m_exchangeSpy = std::make_unique<QSignalSpy>(m_adapter.get(), &HttpServerAdapter::exchangesReady);
    m_errorSpy = std::make_unique<QSignalSpy>(m_adapter.get(), &HttpServerAdapter::protocolError);
    m_port = startAdapter();
}

void TestHttpServerAdapter::cleanup()
{
    m_exchangeSpy.reset();
    m_errorSpy.reset();
    m_adapter.reset();
}

quint16 TestHttpServerAdapter::startAdapter()
{
    QString error;
    const quint16 port = m_adapter->listen(QHostAddress::LocalHost, 0, &error);
    if (port == 0)
        qWarning() << error;
    return port;
}

std::unique_ptr<RawClient> TestHttpServerAdapter::connectClient()
{
    auto client = std::make_unique<RawClient>(m_port);
    if (!client->waitConnected())
        qWarning() << "connecting to port" << m_port << "failed";
    return client;
}

QList<Exchange> TestHttpServerAdapter::waitForExchanges(qsizetype count)
{
    QList<Exchange> exchanges;
    // Callers compare the count, which shows a timeout.
    static_cast<void>(QTest::qWaitFor(
        [&] {
            exchanges.clear();
            for (const QList<QVariant> &arguments : std::as_const(*m_exchangeSpy))
                exchanges += arguments.at(0).value<QList<Exchange>>();
            return exchanges.size() >= count;
        },
        WaitMs));
    return exchanges;
}

void TestHttpServerAdapter::capturesRequestAsSent()
{
    QVERIFY(m_port != 0);
    auto client = connectClient();
    client->send("POST /callback/x?asset=a%20b&user=u HTTP/1.1\r\n"
                 "Host: 127.0.0.1\r\n"
                 "X-Trace-ID: first\r\n"
                 "content-type: application/json; charset=UTF-8\r\n"
                 "x-trace-id: second\r\n"
                 "X-Empty:\r\n"
                 "X-Spaces:   padded value  \r\n"
                 "Content-Length: 2\r\n"
                 "\r\n"
                 "{}");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, QByteArray("POST /callback/x?asset=a%20b&user=u"));

    QCOMPARE(m_requests.size(), 1);
    const RawRequest &request = m_requests.first();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/callback/x?asset=a%20b&user=u"));
    QCOMPARE(request.httpVersion, QByteArray("HTTP/1.1"));
    const HttpHeaders expected = {
        {"Host", "127.0.0.1"},
        {"X-Trace-ID", "first"},
        {"content-type", "application/json; charset=UTF-8"},
        {"x-trace-id", "second"},
        {"X-Empty", ""},
        {"X-Spaces", "padded value"},
        {"Content-Length", "2"},
    };
    QCOMPARE(request.headers, expected);
    QCOMPARE(request.body, QByteArray("{}"));
    QCOMPARE(request.peerAddress, QStringLiteral("127.0.0.1"));
    QCOMPARE(request.peerPort, client->socket.localPort());
    QVERIFY(request.receivedAt.isValid());

    // The exchange records the reply's headers as they went on the wire.
    QTRY_VERIFY(!m_exchangeSpy->isEmpty());
    const auto exchanges = m_exchangeSpy->first().first().value<QList<Exchange>>();
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(exchanges.first().response.headers, response->headers);
    QCOMPARE(exchanges.first().response.headers.constLast(),
             (std::pair<QByteArray, QByteArray>("Content-Length", QByteArray::number(response->body.size()))));
}

void TestHttpServerAdapter::capturesHeaderSplitAcrossReads()
{
    auto client = connectClient();
    const QByteArray request = "PUT /split HTTP/1.1\r\nHost: x\r\nX-Long: " + QByteArray(3000, 'v')
        + "\r\nContent-Length: 5\r\n\r\nhello";
    for (qsizetype offset = 0; offset < request.size(); offset += 7) {
        client->send(request.mid(offset, 7));
        if (offset % 700 == 0)
            QTest::qWait(1);
    }
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().header("X-Long"), QByteArray(3000, 'v'));
    QCOMPARE(m_requests.first().body, QByteArray("hello"));
}

// QHttpServer 6.4 loses every header of a request with more than 100.
void TestHttpServerAdapter::acceptsHundredHeaderFields()
{
    QByteArray request = "POST / HTTP/1.1\r\n";
    for (int i = 0; i < 99; ++i)
        request += "X-Field-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
    request += "Content-Length: 3\r\n\r\nabc";
    auto client = connectClient();
    client->send(request);
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().headers.size(), 100);
    QCOMPARE(m_requests.first().body, QByteArray("abc"));
}

void TestHttpServerAdapter::methodText_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addRow("GET") << QByteArray("GET");
    QTest::addRow("TRACE, unknown to QHttpServer") << QByteArray("TRACE");
    QTest::addRow("lowercase post") << QByteArray("post");
    QTest::addRow("PROPFIND") << QByteArray("PROPFIND");
    QTest::addRow("made-up token") << QByteArray("X-CHECK");
}

void TestHttpServerAdapter::methodText()
{
    QFETCH(QByteArray, method);
    auto client = connectClient();
    client->send(method + " /m HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, method + " /m");
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().method, method);
    QCOMPARE(m_requests.first().body, QByteArray("ok"));
}

void TestHttpServerAdapter::decodesChunkedBody()
{
    auto client = connectClient();
    client->send("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                 "4;name=value\r\nWiki\r\n");
    QTest::qWait(20);
    client->send("5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().body, QByteArray("Wikipedia in\r\n\r\nchunks."));
}

void TestHttpServerAdapter::rejectsLargeContentLength()
{
    m_adapter->setMaxBodyBytes(1024);
    QCOMPARE(m_adapter->maxBodyBytes(), 1024);
    m_adapter->close();
    m_port = startAdapter();

    auto client = connectClient();
    const quint16 clientPort = client->socket.localPort();
    client->send("POST /big HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1025\r\n\r\n");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QCOMPARE(response->header("Content-Type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(response->body).object();
    QCOMPARE(body.value("error").toString(), QString("body-too-large"));
    QVERIFY(body.value("message").toString().contains("1025"));
    QVERIFY(client->waitForClose());
    QVERIFY(m_requests.isEmpty());

    QCOMPARE(m_errorSpy->size(), 1);
    QCOMPARE(m_errorSpy->at(0).at(0).toString(), QString("127.0.0.1:%1").arg(clientPort));
    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    const Exchange &exchange = exchanges.first();
    QCOMPARE(int(exchange.decision), int(Decision::Rejected));
    QCOMPARE(exchange.decidedBy, QString("protocol"));
    QCOMPARE(exchange.response.status, 413);
    QCOMPARE(int(exchange.outcome), int(DeliveryOutcome::Sent));
    QCOMPARE(exchange.request.method, QByteArray("POST"));
    QCOMPARE(exchange.request.target, QByteArray("/big"));
    QCOMPARE(exchange.request.header("Content-Length"), QByteArray("1025"));
    QVERIFY(exchange.id > 0);
    QCOMPARE(exchange.findings.size(), 1);
    QCOMPARE(exchange.findings.first().code, QString("protocol-error"));
}

void TestHttpServerAdapter::rejectsChunkedBodyOverLimit()
{
    m_adapter->setMaxBodyBytes(1000);
    m_adapter->close();
    m_port = startAdapter();

    auto client = connectClient();
    client->send("POST /chunks HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                 "258\r\n" + QByteArray(600, 'a') + "\r\n");
    QTest::qWait(20);
    QVERIFY(client->received.isEmpty());
    client->send("258\r\n");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 413);
    QCOMPARE(QJsonDocument::fromJson(response->body).object().value("error").toString(), QString("body-too-large"));
    QVERIFY(client->waitForClose());
    QVERIFY(m_requests.isEmpty());
    QCOMPARE(m_errorSpy->size(), 1);
}

void TestHttpServerAdapter::rejectsHugeHeaderBlock()
{
    auto client = connectClient();
    client->send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70 * 1024, 'b') + "\r\n\r\n");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 431);
    QCOMPARE(QJsonDocument::fromJson(response->body).object().value("error").toString(), QString("header-too-large"));
    QVERIFY(client->waitForClose());
    QVERIFY(m_requests.isEmpty());
}

void TestHttpServerAdapter::rejectsBadRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");

    QByteArray manyFields = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        manyFields += "X-" + QByteArray::number(i) + ": v\r\n";
    manyFields += "\r\n";

    QTest::addRow("request line without version") << QByteArray("GARBAGE\r\n\r\n") << 400 << "invalid-request-line";
    QTest::addRow("request line with two spaces") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400 << "invalid-request-line";
    QTest::addRow("lowercase version") << QByteArray("GET / http/1.1\r\n\r\n") << 400 << "invalid-request-line";
    QTest::addRow("control byte in target") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400 << "invalid-request-line";
    QTest::addRow("HTTP/2.0 version") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505 << "unsupported-http-version";
    QTest::addRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n") << 400 << "invalid-header";
    QTest::addRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400 << "invalid-header";
    QTest::addRow("folded header line") << QByteArray("GET / HTTP/1.1\r\nX-A: a\r\n b\r\n\r\n") << 400 << "invalid-header";
    QTest::addRow("101 header fields") << manyFields << 431 << "too-many-headers";
    QTest::addRow("Content-Length not a number") << QByteArray("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n") << 400 << "invalid-content-length";
    QTest::addRow("Content-Length not a number, request after it")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: x\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n") << 400
        << "invalid-content-length";
    QTest::addRow("two different Content-Lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd") << 400 << "invalid-content-length";
    QTest::addRow("chunked and Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n") << 400 << "conflicting-framing";
    QTest::addRow("gzip transfer coding")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n") << 501 << "unsupported-transfer-encoding";
    QTest::addRow("chunk size not hex")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << 400 << "invalid-chunked-body";
    QTest::addRow("chunk data without CRLF")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX") << 400 << "invalid-chunked-body";
    QTest::addRow("chunk trailer field")
        << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-Sum: 1\r\n\r\n") << 400
        << "chunk-trailer-unsupported";
}

// QHttpServer 6.4.2 drops the connection on some of these without a reply
// and misreads the others; each must get its status and a JSON error.
void TestHttpServerAdapter::rejectsBadRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QString, error);

    auto client = connectClient();
    client->send(request);
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, status);
    QCOMPARE(QJsonDocument::fromJson(response->body).object().value("error").toString(), error);
    QCOMPARE(response->header("Connection"), QByteArray("close"));
    QVERIFY(client->waitForClose());
    QVERIFY(m_requests.isEmpty());
    QCOMPARE(m_errorSpy->size(), 1);

    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(exchanges.first().decidedBy, QString("protocol"));
    QCOMPARE(exchanges.first().response.status, status);
}

void TestHttpServerAdapter::answersEarlierRequestBeforeRejection()
{
    auto client = connectClient();
    client->send("GET /good HTTP/1.1\r\nHost: x\r\n\r\nBROKEN LINE\r\n\r\n");
    const auto first = client->waitForResponse();
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE(first->body, QByteArray("GET /good"));
    const auto second = client->waitForResponse();
    QVERIFY(second);
    QCOMPARE(second->status, 400);
    QVERIFY(client->waitForClose());
    QCOMPARE(m_requests.size(), 1);
}

// QHttpServer 6.4.2 ignores Expect, so curl waits a second before the body.
void TestHttpServerAdapter::sendsContinue()
{
    auto client = connectClient();
    client->send("POST /e HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n";
    QVERIFY(client->waitForBytes(interim.size()));
    QCOMPARE(client->received, interim);
    client->received.clear();

    client->send("hello");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(m_requests.size(), 1);
    QCOMPARE(m_requests.first().body, QByteArray("hello"));
}

void TestHttpServerAdapter::headHasNoBody()
{
    auto client = connectClient();
    client->send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\nGET /after HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto head = client->waitForResponse(true);
    QVERIFY(head);
    QCOMPARE(head->status, 200);
    QCOMPARE(head->header("Content-Length"), QByteArray::number(QByteArray("HEAD /h").size()));
    QVERIFY(head->body.isEmpty());
    // The exchange records the reply as sent: the length, but no body.
    QTRY_VERIFY(!m_exchangeSpy->isEmpty());
    const Exchange headExchange = m_exchangeSpy->first().first().value<QList<Exchange>>().first();
    QCOMPARE(headExchange.request.method, QByteArray("HEAD"));
    QVERIFY(headExchange.response.body.isEmpty());

    // The next reply starts right where the HEAD reply's headers end.
    const auto get = client->waitForResponse();
    QVERIFY(get);
    QCOMPARE(get->statusLine, QByteArray("HTTP/1.1 200 OK"));
    QCOMPARE(get->body, QByteArray("GET /after"));
}

void TestHttpServerAdapter::closesConnection_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("connectionHeader");
    QTest::addColumn<bool>("closes");

    QTest::addRow("Connection: close") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") << QByteArray("close") << true;
    QTest::addRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("close") << true;
    QTest::addRow("HTTP/1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << QByteArray("keep-alive") << false;
    QTest::addRow("HTTP/1.1 default") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray() << false;
}

void TestHttpServerAdapter::closesConnection()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, connectionHeader);
    QFETCH(bool, closes);

    auto client = connectClient();
    client->send(request);
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->header("Connection"), connectionHeader);
    if (closes) {
        QVERIFY(client->waitForClose());
    } else {
        QTest::qWait(100);
        QVERIFY(!client->closed);
    }
}

void TestHttpServerAdapter::ignoresRequestsAfterClose()
{
    auto client = connectClient();
    client->send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
                 "GET /2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                 "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client->waitForClose());
    const auto first = takeResponse(client->received);
    const auto second = takeResponse(client->received);
    QVERIFY(first);
    QVERIFY(second);
    QCOMPARE(first->body, QByteArray("GET /1"));
    QCOMPARE(second->body, QByteArray("GET /2"));
    QVERIFY(client->received.isEmpty());
    QCOMPARE(m_requests.size(), 2);
}

// QHttpServer 6.4.2 writes replies given later in the order they are given.
void TestHttpServerAdapter::pipelinedRepliesInOrder()
{
    m_shapePlan = [](const RawRequest &request, ReplyPlan &plan) {
        if (request.target == "/1")
            plan.delayMs = 300;
        else if (request.target == "/2")
            plan.delayMs = 100;
    };
    auto client = connectClient();
    client->send("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n"
                 "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                 "GET /3 HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArrayList bodies;
    for (int i = 0; i < 3; ++i) {
        const auto response = client->waitForResponse();
        QVERIFY(response);
        bodies.append(response->body);
    }
    QCOMPARE(bodies, QByteArrayList({"GET /1", "POST /2", "GET /3"}));

    const QList<Exchange> exchanges = waitForExchanges(3);
    QCOMPARE(exchanges.size(), 3);
    for (const Exchange &exchange : exchanges)
        QCOMPARE(int(exchange.outcome), int(DeliveryOutcome::Sent));
}

void TestHttpServerAdapter::clientLeavesDuringDelay()
{
    m_shapePlan = [](const RawRequest &request, ReplyPlan &plan) {
        if (request.target == "/slow")
            plan.delayMs = 400;
    };
    {
        auto client = connectClient();
        client->send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(QTest::qWaitFor([this] { return m_requests.size() == 1; }, WaitMs));
        client->socket.abort();
    }
    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(int(exchanges.first().outcome), int(DeliveryOutcome::ClientGone));

    // Past the delay: the timer of the dropped connection must not fire into freed memory.
    QTest::qWait(500);
    auto next = connectClient();
    next->send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = next->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("GET /next"));
}

void TestHttpServerAdapter::clientLeavesMidRequest()
{
    {
        auto client = connectClient();
        client->send("POST /half HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + QByteArray(40, 'x'));
        QTest::qWait(50);
        client->socket.close();
    }
    QVERIFY(QTest::qWaitFor([this] { return m_errorSpy->size() == 1; }, WaitMs));
    QVERIFY(m_requests.isEmpty());

    auto next = connectClient();
    next->send("GET /next HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = next->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
}

void TestHttpServerAdapter::closesStalledHeader()
{
    m_adapter->setIdleTimeout(300);
    QCOMPARE(m_adapter->idleTimeout(), 300);
    m_adapter->close();
    m_port = startAdapter();

    auto client = connectClient();
    client->send("GET /stalled HTTP/1.1\r\nHost: x\r\n");
    QVERIFY(client->waitForClose());
    QVERIFY(client->received.isEmpty());
    QCOMPARE(m_errorSpy->size(), 1);
    QVERIFY(m_requests.isEmpty());

    // An idle connection between requests is closed too, without an error.
    auto idle = connectClient();
    idle->send("GET /one HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(idle->waitForResponse());
    QVERIFY(idle->waitForClose());
    QCOMPARE(m_errorSpy->size(), 1);
}

void TestHttpServerAdapter::closeWithoutReply()
{
    m_shapePlan = [](const RawRequest &, ReplyPlan &plan) { plan.delivery = ReplyDelivery::CloseWithoutReply; };
    auto client = connectClient();
    client->send("GET /drop HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client->waitForClose());
    QVERIFY(client->received.isEmpty());

    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(int(exchanges.first().outcome), int(DeliveryOutcome::ClosedByRule));
}

void TestHttpServerAdapter::neverReply()
{
    m_adapter->setIdleTimeout(100);
    m_adapter->close();
    m_port = startAdapter();
    QElapsedTimer sinceHandler;
    m_shapePlan = [&sinceHandler](const RawRequest &, ReplyPlan &plan) {
        plan.delivery = ReplyDelivery::NeverReply;
        sinceHandler.start();
    };

    auto client = connectClient();
    client->send("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n");
    // Longer than the idle timeout: a held reply keeps the connection open.
    QTest::qWait(600);
    QVERIFY(client->received.isEmpty());
    QVERIFY(!client->closed);
    QVERIFY(m_exchangeSpy->isEmpty());

    // The latency runs until the server saw the client leave, so it covers
    // at least the time from the handler call to the close.
    const qint64 heldMs = sinceHandler.elapsed();
    client->socket.close();
    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(int(exchanges.first().outcome), int(DeliveryOutcome::NeverAnswered));
    QVERIFY(exchanges.first().latencyMicros >= heldMs * 1000);
}

void TestHttpServerAdapter::trickle()
{
    const QByteArray body(120, 't');
    m_shapePlan = [body](const RawRequest &, ReplyPlan &plan) {
        plan.exchange.response.body = body;
        plan.delivery = ReplyDelivery::Trickle;
        plan.trickleChunkBytes = 40;
        plan.trickleIntervalMs = 30;
    };
    auto client = connectClient();
    client->send("GET /slowly HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->status, 200);
    QCOMPARE(response->body, body);
    QVERIFY2(client->reads >= 3, qPrintable(QString::number(client->reads)));

    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(int(exchanges.first().outcome), int(DeliveryOutcome::Sent));
}

void TestHttpServerAdapter::statusLine_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("200") << 200 << QByteArray("HTTP/1.1 200 OK");
    QTest::addRow("201, a refusal for the license server") << 201 << QByteArray("HTTP/1.1 201 Created");
    QTest::addRow("299, unregistered 2xx") << 299 << QByteArray("HTTP/1.1 299 ");
    QTest::addRow("413 with its RFC 9110 phrase") << 413 << QByteArray("HTTP/1.1 413 Content Too Large");
    QTest::addRow("418, unregistered") << 418 << QByteArray("HTTP/1.1 418 ");
    QTest::addRow("599, unregistered 5xx") << 599 << QByteArray("HTTP/1.1 599 ");
    QTest::addRow("out of range sends 500") << 600 << QByteArray("HTTP/1.1 500 Internal Server Error");
}

void TestHttpServerAdapter::statusLine()
{
    QFETCH(int, status);
    QFETCH(QByteArray, expected);
    m_shapePlan = [status](const RawRequest &, ReplyPlan &plan) { plan.exchange.response.status = status; };
    auto client = connectClient();
    client->send("GET /s HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = client->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->statusLine, expected);
    QCOMPARE(response->body, QByteArray("GET /s"));
}

void TestHttpServerAdapter::noContentHasNoLength()
{
    m_shapePlan = [](const RawRequest &, ReplyPlan &plan) {
        plan.exchange.response.status = 204;
        plan.exchange.response.headers.clear();
    };
    auto client = connectClient();
    client->send("GET /n HTTP/1.1\r\nHost: x\r\n\r\nGET /m HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(client->waitForBytes(2 * QByteArray("HTTP/1.1 204 No Content\r\n\r\n").size()));
    QCOMPARE(client->received, QByteArray("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"));
}

void TestHttpServerAdapter::reportsExchangesInBatches()
{
    auto client = connectClient();
    QByteArray requests;
    for (int i = 0; i < 20; ++i)
        requests += "GET /" + QByteArray::number(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
    client->send(requests);
    const QList<Exchange> exchanges = waitForExchanges(20);
    QCOMPARE(exchanges.size(), 20);
    QVERIFY(m_exchangeSpy->size() < 20);
    for (int i = 0; i < 20; ++i) {
        const Exchange &exchange = exchanges.at(i);
        QCOMPARE(exchange.request.target, "/" + QByteArray::number(i));
        QCOMPARE(int(exchange.outcome), int(DeliveryOutcome::Sent));
        QCOMPARE(exchange.response.status, 200);
        QVERIFY(exchange.latencyMicros >= 0);
        QVERIFY(exchange.id > 0);
    }
}

void TestHttpServerAdapter::portInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    QString error;
    QCOMPARE(m_adapter->listen(QHostAddress::LocalHost, occupant.serverPort(), &error), quint16(0));
    QCOMPARE(error, QString("Cannot listen on 127.0.0.1 port %1: address already in use").arg(occupant.serverPort()));
    QVERIFY(!m_adapter->isListening());
    QCOMPARE(m_adapter->port(), quint16(0));
}

void TestHttpServerAdapter::closeDropsConnectionsAndListensAgain()
{
    m_shapePlan = [](const RawRequest &, ReplyPlan &plan) { plan.delayMs = 5000; };
    auto client = connectClient();
    client->send("GET /pending HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY(QTest::qWaitFor([this] { return m_requests.size() == 1; }, WaitMs));

    m_adapter->close();
    QVERIFY(!m_adapter->isListening());
    QVERIFY(client->waitForClose());
    QVERIFY(client->received.isEmpty());
    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    QCOMPARE(int(exchanges.first().outcome), int(DeliveryOutcome::NeverAnswered));
    QCOMPARE(exchanges.first().findings.last().code, QString("server-stopped"));

    m_shapePlan = nullptr;
    m_port = startAdapter();
    QVERIFY(m_port != 0);
    QVERIFY(m_adapter->isListening());
    auto again = connectClient();
    again->send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto response = again->waitForResponse();
    QVERIFY(response);
    QCOMPARE(response->body, QByteArray("GET /again"));
}

QTEST_GUILESS_MAIN(TestHttpServerAdapter)

#include "tst_httpserveradapter.moc"
