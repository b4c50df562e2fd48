// Copy as curl, checked byte for byte: /bin/sh runs the generated command,
// the real curl sends the request to a QTcpServer on 127.0.0.1 that records
// the raw bytes, and method, target, headers and body are compared with the
// recorded request.
#include "curlcommand.h"
#include "exchangesamples.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

class TestCurlCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void shellWordSurvivesShell_data();
    void shellWordSurvivesShell();
    void printfFormatIsExact();
    void curlSendsSameRequest_data();
    void curlSendsSameRequest();
    void noProxyOnlyWhenAsked();
};

namespace {

struct ReceivedRequest
{
    QByteArray method;
    QByteArray target;
    QByteArray version;
    HttpHeaders headers;
    QByteArray body;
    bool complete = false;
};

// Reads one request from the raw bytes: head up to the blank line, then
// Content-Length bytes of body.
ReceivedRequest parseRequest(const QByteArray &raw)
{
    ReceivedRequest request;
    const qsizetype headEnd = raw.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return request;
    const QList<QByteArray> lines = raw.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3)
        return request;
    request.method = requestLine[0];
    request.target = requestLine[1];
    request.version = requestLine[2];
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        line.chop(line.endsWith('\r') ? 1 : 0);
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = line.left(colon);
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }
    request.body = raw.mid(headEnd + 4);
    request.complete = request.body.size() >= contentLength;
    return request;
}

HttpHeaders withoutNames(const HttpHeaders &headers, const QList<QByteArray> &names)
{
    HttpHeaders result;
    for (const auto &header : headers) {
        bool skip = false;
        for (const QByteArray &name : names)
            skip = skip || header.first.compare(name, Qt::CaseInsensitive) == 0;
        if (!skip)
            result.append(header);
    }
    return result;
}

const QList<QByteArray> LeftOut{"Content-Length", "Host", "Expect", "Connection", "Keep-Alive", "Transfer-Encoding"};

RawRequest requestWith(const QByteArray &method, const QByteArray &target, const HttpHeaders &headers,
                       const QByteArray &body = QByteArray(), const QByteArray &version = "HTTP/1.1")
{
    RawRequest request;
    request.method = method;
    request.target = target;
    request.httpVersion = version;
    request.headers = headers;
    request.body = body;
    return request;
}

} // namespace

void TestCurlCommand::initTestCase()
{
    if (QStandardPaths::findExecutable("curl").isEmpty())
        QSKIP("curl is not installed; install Debian's curl package to run these checks");
}

void TestCurlCommand::shellWordSurvivesShell_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("plain") << QByteArray("POST");
    QTest::addRow("spaces") << QByteArray("a b  c");
    QTest::addRow("single quotes") << QByteArray("it's 'quoted'");
    QTest::addRow("shell characters") << QByteArray("$HOME `id` $(id) \"x\" \\ ; & | * ? [a] ~ # !");
    QTest::addRow("newline and tab") << QByteArray("line\nnext\ttab");
    QTest::addRow("UTF-8") << QByteArray("café ✓");
    QTest::addRow("not UTF-8") << QByteArray("caf\xe9 \xff\x01");
    QTest::addRow("percent") << QByteArray("100% %s %d");
    QTest::addRow("empty") << QByteArray();
}

void TestCurlCommand::shellWordSurvivesShell()
{
    QFETCH(QByteArray, bytes);
    QProcess shell;
    shell.start("/bin/sh", {"-c", "printf '%s' " + CurlCommand::shellWord(bytes)});
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(shell.exitCode(), 0);
    QCOMPARE(shell.readAllStandardOutput(), bytes);
}

void TestCurlCommand::printfFormatIsExact()
{
    const QByteArray bytes = Samples::allBytes() + "\\101 %% '";
    QProcess shell;
    shell.start("/bin/sh", {"-c", "printf '" + QString::fromLatin1(CurlCommand::printfFormat(bytes)) + "'"});
    QVERIFY(shell.waitForFinished(10000));
    QCOMPARE(shell.exitCode(), 0);
    QCOMPARE(shell.readAllStandardOutput(), bytes);
}

void TestCurlCommand::curlSendsSameRequest_data()
{
    QTest::addColumn<RawRequest>("request");
    QTest::addColumn<bool>("keepHost");
    QTest::addColumn<bool>("multiline");

    const RawRequest full = Samples::fullExchange().request;
    QTest::addRow("JSON callback with duplicates") << full << false << false;
    QTest::addRow("keep recorded Host") << full << true << false;
    QTest::addRow("multiline") << full << false << true;

    QByteArray large;
    for (int i = 0; i < 9000; ++i)
        large += "{\"n\":" + QByteArray::number(i) + "},";
    QTest::addRow("form with brackets in query")
        << requestWith("POST", "/cb?requestMetadata[remoteAddr]=1.2.3.4&x={y}",
                       {{"Host", "h"}, {"Content-Type", "application/x-www-form-urlencoded"}},
                       "asset=a&user=b+c&requestMetadata%5BremoteAddr%5D=203.0.113.1")
        << false << false;
    QTest::addRow("GET without body, mixed case")
        << requestWith("GET", "/cb?asset=a&user=u&session=s",
                       {{"host", "h"}, {"ACCEPT", "*/*"}, {"x-a", "1"}, {"X-A", "2"}, {"User-Agent", "Shaka Player"}})
        << false << false;
    QTest::addRow("PUT with every byte")
        << requestWith("PUT", "/bin", {{"Content-Type", "application/octet-stream"}}, Samples::allBytes()) << false
        << false;
    QTest::addRow("no content type, body starting with @")
        << requestWith("POST", "/cb", {{"X-Quote", "it's"}}, "@not-a-file") << false << false;
    QTest::addRow("empty header value") << requestWith("POST", "/cb", {{"X-Empty", ""}, {"X-Full", "v"}}, "{}")
                                        << false << false;
    QTest::addRow("dot segments kept") << requestWith("GET", "/a/../b/./c", {}) << false << false;
    QTest::addRow("HTTP/1.0") << requestWith("POST", "/old", {{"Content-Type", "text/plain"}}, "x", "HTTP/1.0")
                              << false << false;
    QTest::addRow("DELETE without body") << requestWith("DELETE", "/cb", {{"Accept", "application/json"}}) << false
                                         << false;
    QTest::addRow("hop-by-hop dropped")
        << requestWith("POST", "/cb",
                       {{"Connection", "keep-alive"}, {"Content-Length", "2"}, {"Expect", "100-continue"},
                        {"Content-Type", "application/json"}},
                       "{}")
        << false << false;
    QTest::addRow("large body piped") << requestWith("POST", "/big", {{"Content-Type", "application/json"}}, large)
                                      << false << false;
}

void TestCurlCommand::curlSendsSameRequest()
{
    QFETCH(RawRequest, request);
    QFETCH(bool, keepHost);
    QFETCH(bool, multiline);

    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QByteArray raw;
    ReceivedRequest received;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *socket = server.nextPendingConnection();
        connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            raw += socket->readAll();
            received = parseRequest(raw);
            if (received.complete) {
                socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            }
        });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    });

    CurlOptions options;
    options.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort());
    options.noProxy = true;
    options.keepHost = keepHost;
    options.multiline = multiline;
    const QString command = CurlCommand::build(request, options) + QStringLiteral(" --silent --show-error -o /dev/null");

    QProcess shell;
    shell.start("/bin/sh", {"-c", command});
    QVERIFY(shell.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(shell.state() == QProcess::NotRunning, 20000);
    QVERIFY2(shell.exitCode() == 0, qPrintable(QString::fromUtf8(shell.readAllStandardError()) + "\n" + command));
    QVERIFY2(received.complete, qPrintable(command));

    QCOMPARE(received.method, request.method);
    QCOMPARE(received.target, request.target);
    QCOMPARE(received.version, request.httpVersion);
    QCOMPARE(received.body, request.body);

    QList<QByteArray> ignored = LeftOut;
    if (keepHost)
        ignored.removeOne("Host");
    QCOMPARE(withoutNames(received.headers, ignored), withoutNames(request.headers, ignored));
    if (!keepHost)
        QCOMPARE(headerValue(received.headers, "Host"), QByteArray("127.0.0.1:") + QByteArray::number(server.serverPort()));
    if (!request.body.isEmpty())
        QCOMPARE(headerValue(received.headers, "Content-Length"), QByteArray::number(request.body.size()));
}

void TestCurlCommand::noProxyOnlyWhenAsked()
{
    const RawRequest request = Samples::fullExchange().request;
    QVERIFY(!CurlCommand::build(request).contains("--noproxy"));
    CurlOptions options;
    options.noProxy = true;
    QVERIFY(CurlCommand::build(request, options).contains("--noproxy '*'"));
    QVERIFY(CurlCommand::build(request).contains("'http://127.0.0.1:8080/authorize?debug=1&requestMetadata"));
}

QTEST_GUILESS_MAIN(TestCurlCommand)
#include "tst_curlcommand.moc"
