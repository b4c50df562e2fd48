// The replay runner against real sockets on loopback: the built-in responder,
// and small servers that misbehave on purpose (silent, garbage, redirects,
// held replies, TLS with a self-signed certificate).
#include "callbackcomposer.h"
#include "junitreport.h"
#include "replayrunner.h"
#include "responderservice.h"
#include "settingsstore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <functional>

class TestReplayRunner : public QObject
{
    Q_OBJECT

private slots:
    void matchesResponderDecisions();
    void replaysRecordedExchanges();
    void errors_data();
    void errors();
    void timeoutEndsRequest();
    void replyFormats_data();
    void replyFormats();
    void concurrencyAboveSix();
    void keepAliveReusesConnection();
    void parityFlagsDifferentDecisions();
    void parityAgainstResponder();
    void overridesMethodEncodingHeaders();
    void repeatAndProgress();
    void rateLimitSpacesRequests();
    void cancelStopsInFlight();
    void missingTargetIsInvalidRequest();
    void headAndUnsendableRequests();
    void emptyListFinishes();
    void invalidOptionsRejected();
    void contractFindingsFromEndpoint();
    void tlsErrorsAndInsecure();
};

namespace {

const QByteArray AllowBody = R"({"payload":{"allowRoot":1,"hdcpLevel":"Disable HDCP","keyExpireTime":60,"securityLevel":1,"storeLicense":true,"storeLicenseTime":300}})";

// Self-signed for CN=localhost and IP 127.0.0.1, valid until 2126; test use only.
const char CertificatePem[] = R"(-----BEGIN CERTIFICATE-----
MIIDJzCCAg+gAwIBAgIUeMIiAhqdUbLzz8nUCR1bVvxf6OkwDQYJKoZIhvcNAQEL
BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNDIxMTY0N1oYDzIxMjYx
MTEwMjExNjQ3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
AQUAA4IBDwAwggEKAoIBAQCWEtrGoctMuadTliV9ahhmOEgQFLHHrXNJeKP8hlZk
plUzve25fT25piSKTCc7lva8tZCbD5KsYl5Ho3koyyJL7rvy/qCVokZnc+/NhRPf
Nms1Df2r/+ME5Gq/RtXdLMfCCjBIa1c/FRDTRmuY21k1gMdr37DhQqpln9BpiLSA
yuSmi9fjqmyNJfxg2+ejp9J7L32+rlHbk0Dw9q6tRcakYBDpEHL2nu9VHiqCy9Ti
1zdGwTrSWk5Tg/Okisw7i9TOTD1y+Tg7nKpmN37QsMOsGGooLzItzhCx3S1NqhuQ
DBL0nf9xgZ79RgDME3f/wzRlRP25jl2gMaJ278a9FiibAgMBAAGjbzBtMB0GA1Ud
DgQWBBSBMV3MdXejC0tG5P3f3JhTxE+SgjAfBgNVHSMEGDAWgBSBMV3MdXejC0tG
5P3f3JhTxE+SgjAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGHBH8AAAGCCWxv
Y2FsaG9zdDANBgkqhkiG9w0BAQsFAAOCAQEAEYoBiq0uATUs/2d2KoTCYMIU6k1q
ZDfRmWkPNlt36Gs5fF32MRbwxf6ccjci2dEGi3QEtvRxTRFBQS9XiQEK+YTvMcfI
bxoasoXi6PZg2V/WhzXdddPsIRFk/ynPH/qLqkX06om1nFI7BX7nbtn0+UMGCGyv
hmXOTvXliKK+whBfKseLYu+Z7zHlqVkWK40xyGrdIP8o7wjhO21nA7THMDKT/mjr
MARGVIPrEr9QmMRD2J54eZdvSxO8UzzH685qBmSZNsrdYWKqcKjzAZKd1N8R4yxP
6R019iVQZ9JSmTXTcnzwo1B3PehcxS9TP1tUnle/nmuVv/Hrwe7u3nyrIw==
-----END CERTIFICATE-----
)";

const char PrivateKeyPem[] = R"(-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCWEtrGoctMuadT
liV9ahhmOEgQFLHHrXNJeKP8hlZkplUzve25fT25piSKTCc7lva8tZCbD5KsYl5H
o3koyyJL7rvy/qCVokZnc+/NhRPfNms1Df2r/+ME5Gq/RtXdLMfCCjBIa1c/FRDT
RmuY21k1gMdr37DhQqpln9BpiLSAyuSmi9fjqmyNJfxg2+ejp9J7L32+rlHbk0Dw
9q6tRcakYBDpEHL2nu9VHiqCy9Ti1zdGwTrSWk5Tg/Okisw7i9TOTD1y+Tg7nKpm
N37QsMOsGGooLzItzhCx3S1NqhuQDBL0nf9xgZ79RgDME3f/wzRlRP25jl2gMaJ2
78a9FiibAgMBAAECggEADuCMnpn7Hj6Ip2vK3fgZYMdzNrY5JNsoLXWPsCDIdLmG
gxbGIm1szo15XC+4yJqqbW0EX6giDq5ru+dT7fwr3gzVxfzXAi5wPfY2JLtstmPd
1IhwCCUu+1UCKLccIWJnOnBUdqwUHeqihzHucwdKUdhT105Ovxii7Whz5S+0+9AP
tQFGS1Ct63XWteR1ZnxqvuLEItcbd45oj8JusT1Qz/T1yf3FweIGIC6AY31JEI5W
zUWqxaQslVIhQBOWZh2SKFXco0PtUgjpe8OQ7cu/tDHERdMMXyuTU6PRhyDUhVaZ
s8akbTYtRVq3db2Ito/8jxrx2H996TAeS/fugsqnOQKBgQDLVotFZpax84OWenXc
rRZ6Vt6tX/ens9gcCg/GH0HIUqGehkzz/AMo0gF2pvCmSvTCkqFHbaYWJEdrSM/g
OLZrpOp2ihRpyBUNVapjHhhaNH41Uow3aLfNcoq4j1O1KaFWDWMam0d4dnlGenQu
QNeCXxEvNH+qGpQmNBWVSi9QAwKBgQC88Ne+oWUxj7HFnapnSdksxckUgGTqebje
AgTD6LQCGr7D93v+m7uUnmum44UaLNxuxNpa9fEmC7tWf2+4gJXk62mATmU7tNh0
0DPsVvYbkW7HMkaGID/wXAkB3SFvdn7YayWiVeQ0dF9S6WtIj1N+T0bOz5v5XVtB
N7mRTzwdiQKBgCZCO2QsgFAtPGYU1pZV7vPH4pAGjYd9XD0yW3NwsCTr/0LfjB0g
HswQb3wOvxra4aC2jCfvZp+l5dY21f4fTZuFZSQ2qM6aefOPWcbag8R9Of34cS9/
wY2jbpx5Q0vD8HpLfIkmDFWLHRh4s+F8C9CY6JfULe0ooRVrGWCEm9BXAoGAdLJU
rptEwy27YREWlKEaD/tBTPZYXjI8KnMYul/Z/orCVItg/Er3ur12RCe2qAoZRBk1
vIS3IwaP+MbRHCXfbvqvuN2yzQPPxaZqy4iSjUhwIXw97s2wcCaIMayA4DVR9x2G
qxNd1cAiuDUPXEuaCCOy2j2EWqp8mHVwmf1UZfECgYEAoaXUiLpB21wTbm8lu8Qw
9qTnPnTjMnMXETm6jv3wy28fjtFHDD3Yr2CMzJidCHh/MOasl+M4DIhdp9NlP+qz
yf8yVrfbm2SFT31KpdBkGARSV4LO7q6qziKr8nwVdglV6RJ1eBUNqhB9xlJNOC8z
UIrLgzYXdld+vQhEreOWwHg=
-----END PRIVATE KEY-----
)";

QByteArray httpReply(int status, const QByteArray &body, const QByteArray &extraHeaders = QByteArray())
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

// One request as the fake endpoint received it.
struct ReceivedRequest
{
    QByteArray head;  // request line and headers
    QByteArray body;

    QByteArray method() const { return head.left(head.indexOf(' ')); }
    QByteArray header(const QByteArray &name) const
    {
        for (const QByteArray &line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return QByteArray();
    }
};

// A loopback HTTP endpoint whose replies the test scripts. The handler
// returns the raw bytes to write, and empty bytes mean no reply at all.
class FakeEndpoint : public QObject
{
public:
    using Handler = std::function<QByteArray(const ReceivedRequest &request)>;

    explicit FakeEndpoint(Handler handler, QTcpServer *server = nullptr)
        : m_server(server ? server : new QTcpServer)
        , m_handler(std::move(handler))
    {
        m_server->setParent(this);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &FakeEndpoint::accept);
    }

    bool listen() { return m_server->listen(QHostAddress::LocalHost, 0); }

    QUrl url(const QString &scheme = QStringLiteral("http")) const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2/callback").arg(scheme).arg(m_server->serverPort()));
    }

    // Holds every reply until this many requests are waiting, then sends them all.
    int holdUntil = 0;
    // Bytes written as soon as a connection opens, before any request.
    QByteArray greeting;

    int connections = 0;
    int openConnections = 0;
    int maxOpenConnections = 0;
    QList<ReceivedRequest> requests;

private:
    struct Held
    {
        QPointer<QTcpSocket> socket;
        QByteArray reply;
    };

    void accept()
    {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            ++connections;
            ++openConnections;
            maxOpenConnections = std::max(maxOpenConnections, openConnections);
            socket->setParent(this);
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                --openConnections;
                socket->deleteLater();
            });
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            if (!greeting.isEmpty())
                socket->write(greeting);
            if (socket->bytesAvailable() > 0)
                read(socket);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            ReceivedRequest request;
            request.head = buffer.left(headEnd);
            const qsizetype length = request.header("Content-Length").toLongLong();
            if (buffer.size() < headEnd + 4 + length)
                return;
            request.body = buffer.mid(headEnd + 4, length);
            buffer.remove(0, headEnd + 4 + length);
            requests.append(request);

            const QByteArray reply = m_handler(request);
            if (reply.isEmpty())
                continue;
            m_held.append({socket, reply});
            if (m_held.size() >= holdUntil)
                flush();
        }
    }

    void flush()
    {
        for (const Held &held : std::exchange(m_held, {})) {
            if (!held.socket)
                continue;
            held.socket->write(held.reply);
            if (held.reply.contains("Connection: close") || !held.reply.startsWith("HTTP/1.1"))
                held.socket->disconnectFromHost();
        }
    }

    QTcpServer *m_server;
    Handler m_handler;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Held> m_held;
};

struct RunOutcome
{
    bool started = false;
    bool finished = false;
    QString error;
    QList<ReplayResult> results;
    ReplaySummary summary;
    QList<ReplayProgress> progress;
    qint64 elapsedMs = 0;

    const ReplayResult *find(int index, int iteration = 0) const
    {
        for (const ReplayResult &result : results) {
            if (result.requestIndex == index && result.iteration == iteration)
                return &result;
        }
        return nullptr;
    }
};

// Runs a replay to its end, or until waitMs passed.
RunOutcome runReplay(const ReplayOptions &options, const QList<ReplayRequest> &requests, int waitMs = 20000,
                     const std::function<void(ReplayRunner &, RunOutcome &)> &onProgress = {})
{
    RunOutcome outcome;
    ReplayRunner runner;
    runner.setOptions(options);
    QObject::connect(&runner, &ReplayRunner::resultReady, [&outcome](const ReplayResult &result) {
        outcome.results.append(result);
    });
    QObject::connect(&runner, &ReplayRunner::finished, [&outcome](const ReplaySummary &summary) {
        outcome.summary = summary;
        outcome.finished = true;
    });
    QObject::connect(&runner, &ReplayRunner::progressChanged, [&](const ReplayProgress &progress) {
        outcome.progress.append(progress);
        if (onProgress)
            onProgress(runner, outcome);
    });

    QElapsedTimer clock;
    clock.start();
    outcome.started = runner.start(requests, &outcome.error);
    if (outcome.started)
        outcome.finished = QTest::qWaitFor([&outcome] { return outcome.finished; }, waitMs);
    outcome.elapsedMs = clock.elapsed();
    return outcome;
}

ReplayRequest callback(const QString &asset, const ReplayExpectation &expect,
                       CallbackEncoding encoding = CallbackEncoding::Json)
{
    CallbackDraft draft;
    draft.asset = asset;
    draft.user = QStringLiteral("user-1");
    draft.session = QStringLiteral("session-1");
    draft.remoteAddr = QStringLiteral("203.0.113.9");
    ReplayRequest request = ReplayRequest::fromComposed(CallbackComposer::compose(draft, encoding), expect);
    request.id = asset;
    return request;
}

// The built-in responder on a free loopback port, with one asset set to deny.
class Responder
{
public:
    Responder()
        : service(&store)
    {
        store.update([](ResponseSettings &settings) {
            settings.assets.append({QStringLiteral("blocked"), AssetMode::Deny});
        });
        QSignalSpy started(&service, &ResponderService::started);
        ServerSettings server;
        server.port = 0;
        service.start(server);
        if (started.wait(10000))
            url = started.first().first().toUrl();
        QObject::connect(&service, &ResponderService::exchangesReady, [this](const QList<Exchange> &batch) {
            exchanges += batch;
        });
    }

    // The service goes first, because stopping it delivers its last
    // exchanges to the list.
    SettingsStore store;
    QList<Exchange> exchanges;
    QUrl url;
    ResponderService service;
};

} // namespace

void TestReplayRunner::matchesResponderDecisions()
{
    Responder responder;
    QVERIFY(responder.url.isValid());

    ReplayOptions options;
    options.target = responder.url;
    const QList<ReplayRequest> requests = {
        callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow, 200,
                                                                   QJsonObject{{QStringLiteral("hdcpLevel"), QStringLiteral("Disable HDCP")}})),
        callback(QStringLiteral("blocked"), ReplayExpectation::manual(Decision::Deny, 403)),
        callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Deny), CallbackEncoding::FormDot),
        callback(QStringLiteral("blocked"), ReplayExpectation::manual(Decision::Allow), CallbackEncoding::Query),
    };
    const RunOutcome run = runReplay(options, requests);
    QVERIFY(run.started);
    QVERIFY(run.finished);
    QCOMPARE(run.results.size(), 4);
    QCOMPARE(run.summary.matched, 2);
    QCOMPARE(run.summary.differed, 2);
    QCOMPARE(run.summary.errors, 0);

    QCOMPARE(run.find(0)->outcome, ReplayOutcome::Matched);
    QCOMPARE(run.find(0)->status, 200);
    QCOMPARE(run.find(1)->outcome, ReplayOutcome::Matched);
    QCOMPARE(run.find(1)->decision, Decision::Deny);
    QCOMPARE(run.find(2)->mismatches, QStringList{"decision"});
    QCOMPARE(run.find(3)->mismatches, QStringList{"decision"});
    QCOMPARE(run.find(3)->method, QByteArray("GET"));
    QVERIFY(run.find(0)->latencyMicros > 0);
}

void TestReplayRunner::replaysRecordedExchanges()
{
    Responder responder;
    QVERIFY(responder.url.isValid());

    // Capture: send callbacks without expectations and keep the exchanges.
    ReplayOptions options;
    options.target = responder.url;
    const RunOutcome capture = runReplay(options, {callback(QStringLiteral("open"), {}),
                                                   callback(QStringLiteral("blocked"), {}, CallbackEncoding::FormBracket)});
    QVERIFY(capture.finished);
    QTRY_COMPARE(responder.exchanges.size(), 2);

    // Replay the captured exchanges: every recorded response comes back the same.
    QList<ReplayRequest> requests;
    for (const Exchange &exchange : std::as_const(responder.exchanges))
        requests.append(ReplayRequest::fromExchange(exchange));
    const RunOutcome replay = runReplay(options, requests);
    QVERIFY(replay.finished);
    QCOMPARE(replay.summary.matched, 2);
    for (const ReplayResult &result : replay.results) {
        QCOMPARE(result.expectationSource, ExpectationSource::Recorded);
        QVERIFY2(result.bodyDiff.isEmpty(), qPrintable(result.bodyDiff.toText()));
    }

    // Changing the decision afterwards makes the recorded responses differ, with a diff.
    responder.store.update([](ResponseSettings &settings) { settings.defaultDecision = Decision::Deny; });
    const RunOutcome changed = runReplay(options, requests);
    QVERIFY(changed.finished);
    const ReplayResult *open = nullptr;
    for (const ReplayResult &result : changed.results) {
        if (result.expectedDecision == Decision::Allow)
            open = &result;
    }
    QVERIFY(open);
    QCOMPARE(open->outcome, ReplayOutcome::Differed);
    QCOMPARE(open->mismatches, (QStringList{"status", "decision", "body"}));
    QVERIFY2(open->bodyDiff.toText().contains(QStringLiteral("- payload:")), qPrintable(open->bodyDiff.toText()));
}

void TestReplayRunner::errors_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("refused: port bound and closed") << "refused" << int(ReplayError::ConnectionRefused) << "refused";
    QTest::addRow("garbage instead of HTTP") << "garbage" << int(ReplayError::NotHttp) << "not HTTP";
    QTest::addRow("greeting before any request") << "greeting" << int(ReplayError::NotHttp) << "SSH-2.0";
    QTest::addRow("invalid status line") << "status" << int(ReplayError::NotHttp) << "invalid status line";
    QTest::addRow("invalid header line") << "header" << int(ReplayError::NotHttp) << "invalid header line";
    QTest::addRow("redirect with Location") << "redirect" << int(ReplayError::Redirect) << "/moved";
    QTest::addRow("closed without reply") << "close" << int(ReplayError::ConnectionClosed) << "without replying";
    QTest::addRow("body cut short") << "short" << int(ReplayError::ConnectionClosed) << "before the reply was complete";
    QTest::addRow("unknown host") << "host" << int(ReplayError::HostNotFound) << "not found";
}

void TestReplayRunner::errors()
{
    QFETCH(QString, kind);
    QFETCH(int, error);
    QFETCH(QString, messagePart);

    FakeEndpoint endpoint([kind](const ReceivedRequest &) -> QByteArray {
        if (kind == QLatin1String("garbage"))
            return "garbage\r\n\r\n";
        if (kind == QLatin1String("status"))
            return "HTTP/1.1 2OO OK\r\n\r\n";
        if (kind == QLatin1String("header"))
            return "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n";
        if (kind == QLatin1String("redirect"))
            return httpReply(302, QByteArray(), "Location: http://127.0.0.1:1/moved\r\n");
        if (kind == QLatin1String("short"))
            return "HTTP/1.0 200 OK\r\nContent-Length: 100\r\n\r\npartial";
        return httpReply(200, AllowBody);
    });
    if (kind == QLatin1String("greeting"))
        endpoint.greeting = "SSH-2.0-OpenSSH_9.2\r\n";
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = endpoint.url();
    options.timeoutMs = 10000;
    if (kind == QLatin1String("refused")) {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        options.target = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort()));
        closed.close();
    } else if (kind == QLatin1String("host")) {
        options.target = QUrl(QStringLiteral("http://callbacklab-test.invalid/"));
    }

    // A server that reads the request and closes the connection without a reply.
    QTcpServer closer;
    if (kind == QLatin1String("close")) {
        QVERIFY(closer.listen(QHostAddress::LocalHost, 0));
        connect(&closer, &QTcpServer::pendingConnectionAvailable, &closer, [&closer] {
            while (QTcpSocket *socket = closer.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->disconnectFromHost(); });
            }
        });
        options.target = QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closer.serverPort()));
    }

    const RunOutcome run = runReplay(options, {callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow))});
    QVERIFY(run.finished);
    QCOMPARE(run.results.size(), 1);
    const ReplayResult &result = run.results.first();
    QCOMPARE(result.outcome, ReplayOutcome::Error);
    QCOMPARE(int(result.error), error);
    QVERIFY2(result.errorMessage.contains(messagePart), qPrintable(result.errorMessage));
    QCOMPARE(run.summary.errors, 1);
    if (kind == QLatin1String("redirect"))
        QCOMPARE(result.location, QByteArray("http://127.0.0.1:1/moved"));
}

void TestReplayRunner::timeoutEndsRequest()
{
    // Accepts and reads, never answers.
    FakeEndpoint silent([](const ReceivedRequest &) { return QByteArray(); });
    QVERIFY(silent.listen());

    ReplayOptions options;
    options.target = silent.url();
    options.timeoutMs = 300;
    const RunOutcome run = runReplay(options, {callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow))},
                                     options.timeoutMs + 3000);
    QVERIFY2(run.finished, "the timeout did not end the request within 3 s after it was due");
    QCOMPARE(run.results.size(), 1);
    QCOMPARE(run.results.first().error, ReplayError::Timeout);
    QVERIFY2(run.results.first().errorMessage.contains(QStringLiteral("no reply")), qPrintable(run.results.first().errorMessage));
    QVERIFY(run.results.first().latencyMicros >= 300 * 1000);
    QCOMPARE(silent.requests.size(), 1);
}

void TestReplayRunner::replyFormats_data()
{
    QTest::addColumn<QByteArray>("reply");

    QTest::addRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "10\r\n" + AllowBody.left(16) + "\r\n"
                                           + QByteArray::number(AllowBody.size() - 16, 16) + ";ext=1\r\n" + AllowBody.mid(16)
                                           + "\r\n0\r\nX-Trailer: 1\r\n\r\n");
    QTest::addRow("HTTP/1.0 ending at close") << QByteArray("HTTP/1.0 200 OK\r\n\r\n" + AllowBody);
    QTest::addRow("interim 100 Continue") << QByteArray("HTTP/1.1 100 Continue\r\n\r\n" + httpReply(200, AllowBody));
    QTest::addRow("bare LF line ends") << QByteArray("HTTP/1.1 200 OK\nContent-Length: " + QByteArray::number(AllowBody.size())
                                                     + "\n\n" + AllowBody);
    QTest::addRow("Connection: close") << httpReply(200, AllowBody, "Connection: close\r\n");
}

void TestReplayRunner::replyFormats()
{
    QFETCH(QByteArray, reply);
    FakeEndpoint endpoint([reply](const ReceivedRequest &) { return reply; });
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = endpoint.url();
    options.concurrency = 1;
    const ReplayExpectation expect = ReplayExpectation::recorded(200, AllowBody);
    const RunOutcome run = runReplay(options, {callback(QStringLiteral("a"), expect), callback(QStringLiteral("b"), expect)});
    QVERIFY(run.finished);
    QCOMPARE(run.results.size(), 2);
    for (const ReplayResult &result : run.results) {
        QVERIFY2(result.outcome == ReplayOutcome::Matched, qPrintable(result.summaryLine() + result.bodyDiff.toText()));
        QCOMPARE(result.responseBody, AllowBody);
    }
}

void TestReplayRunner::concurrencyAboveSix()
{
    // The endpoint answers only once 16 requests wait at the same time, which a
    // client limited to 6 connections per host would never reach.
    FakeEndpoint endpoint([](const ReceivedRequest &) { return httpReply(200, AllowBody); });
    endpoint.holdUntil = 16;
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = endpoint.url();
    options.concurrency = 16;
    options.timeoutMs = 10000;
    QList<ReplayRequest> requests;
    for (int i = 0; i < 16; ++i)
        requests.append(callback(QStringLiteral("asset-%1").arg(i), ReplayExpectation::manual(Decision::Allow)));
    const RunOutcome run = runReplay(options, requests);
    QVERIFY(run.finished);
    QCOMPARE(run.summary.matched, 16);
    QCOMPARE(endpoint.maxOpenConnections, 16);
}

void TestReplayRunner::keepAliveReusesConnection()
{
    FakeEndpoint endpoint([](const ReceivedRequest &) { return httpReply(200, AllowBody); });
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = endpoint.url();
    options.concurrency = 1;
    QList<ReplayRequest> requests;
    for (int i = 0; i < 20; ++i)
        requests.append(callback(QStringLiteral("asset-%1").arg(i), ReplayExpectation::manual(Decision::Allow)));
    const RunOutcome run = runReplay(options, requests);
    QVERIFY(run.finished);
    QCOMPARE(run.summary.matched, 20);
    QCOMPARE(endpoint.connections, 1);
}

void TestReplayRunner::parityFlagsDifferentDecisions()
{
    // An endpoint that only understands JSON: forms get 400.
    FakeEndpoint endpoint([](const ReceivedRequest &request) {
        return request.header("Content-Type").startsWith("application/json") ? httpReply(200, AllowBody)
                                                                              : httpReply(400, R"({"error":"bad"})");
    });
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = endpoint.url();
    options.parity = true;
    const QList<ReplayRequest> requests = {
        callback(QStringLiteral("json first"), ReplayExpectation::manual(Decision::Allow)),
        callback(QStringLiteral("form first"), ReplayExpectation::manual(Decision::Deny), CallbackEncoding::FormDot),
    };
    const RunOutcome run = runReplay(options, requests);
    QVERIFY(run.finished);
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(endpoint.requests.size(), 4);

    const ReplayResult *jsonFirst = run.find(0);
    QCOMPARE(jsonFirst->outcome, ReplayOutcome::Differed);
    QCOMPARE(jsonFirst->mismatches, QStringList{"parity"});
    QVERIFY(jsonFirst->parity.checked);
    QCOMPARE(jsonFirst->parity.encoding, CallbackEncoding::FormBracket);
    QCOMPARE(jsonFirst->parity.status, 400);

    const ReplayResult *formFirst = run.find(1);
    QCOMPARE(formFirst->status, 400);
    QCOMPARE(formFirst->parity.encoding, CallbackEncoding::Json);
    QCOMPARE(formFirst->parity.decision, Decision::Allow);
    QCOMPARE(formFirst->mismatches, QStringList{"parity"});
}

void TestReplayRunner::parityAgainstResponder()
{
    Responder responder;
    QVERIFY(responder.url.isValid());

    ReplayOptions options;
    options.target = responder.url;
    options.parity = true;
    ReplayRequest rejected = callback(QStringLiteral("no user"), ReplayExpectation::manual(Decision::Deny, 400));
    rejected.body = R"({"asset":"a"})";
    const QList<ReplayRequest> requests = {
        callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow)),
        callback(QStringLiteral("blocked"), ReplayExpectation::manual(Decision::Deny), CallbackEncoding::FormJsonText),
        callback(QStringLiteral("blocked"), ReplayExpectation::manual(Decision::Deny), CallbackEncoding::Query),
        rejected,
    };
    const RunOutcome run = runReplay(options, requests);
    QVERIFY(run.finished);
    QCOMPARE(run.summary.matched, 4);
    for (int i = 0; i < 3; ++i)
        QVERIFY(run.find(i)->parity.checked);

    // A callback the parser rejects cannot be re-encoded; it is sent as it is.
    QVERIFY(!run.find(3)->parity.checked);
    QCOMPARE(run.find(3)->findings.first().code, QStringLiteral("parity-skipped"));
}

void TestReplayRunner::overridesMethodEncodingHeaders()
{
    FakeEndpoint endpoint([](const ReceivedRequest &) { return httpReply(200, AllowBody); });
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = QUrl(endpoint.url().toString() + QStringLiteral("?tenant=7"));
    options.method = "PUT";
    options.encoding = CallbackEncoding::FormDot;
    options.headers = {{"X-Env", "staging"}, {"User-Agent", "replay-test"}};
    ReplayRequest request = callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow));
    request.headers.append({QByteArrayLiteral("x-env"), QByteArrayLiteral("production")});
    request.headers.append({QByteArrayLiteral("Connection"), QByteArrayLiteral("close")});
    const RunOutcome run = runReplay(options, {request});
    QVERIFY(run.finished);
    QCOMPARE(run.summary.matched, 1);

    QCOMPARE(endpoint.requests.size(), 1);
    const ReceivedRequest &received = endpoint.requests.first();
    QCOMPARE(received.method(), QByteArray("PUT"));
    QVERIFY2(received.head.startsWith("PUT /callback?tenant=7 HTTP/1.1"), received.head.constData());
    QCOMPARE(received.header("X-Env"), QByteArray("staging"));
    QCOMPARE(received.header("User-Agent"), QByteArray("replay-test"));
    QCOMPARE(received.header("Connection"), QByteArray());
    QCOMPARE(received.header("Content-Type"), QByteArray("application/x-www-form-urlencoded"));
    QVERIFY2(received.body.contains("requestMetadata.remoteAddr=203.0.113.9"), received.body.constData());
    QCOMPARE(run.results.first().url.toString(), endpoint.url().toString() + QStringLiteral("?tenant=7"));
}

void TestReplayRunner::repeatAndProgress()
{
    Responder responder;
    QVERIFY(responder.url.isValid());

    ReplayOptions options;
    options.target = responder.url;
    options.repeat = 4;
    options.concurrency = 3;
    const QList<ReplayRequest> requests = {
        callback(QStringLiteral("a"), ReplayExpectation::manual(Decision::Allow)),
        callback(QStringLiteral("blocked"), ReplayExpectation::manual(Decision::Deny)),
        callback(QStringLiteral("c"), ReplayExpectation::manual(Decision::Allow)),
    };
    const RunOutcome run = runReplay(options, requests);
    QVERIFY(run.finished);
    QCOMPARE(run.results.size(), 12);
    QCOMPARE(run.summary.matched, 12);
    QCOMPARE(run.summary.requestsSent, 12);
    for (int iteration = 0; iteration < 4; ++iteration) {
        for (int index = 0; index < 3; ++index)
            QVERIFY2(run.find(index, iteration), qPrintable(QStringLiteral("row %1 of repeat %2").arg(index).arg(iteration)));
    }

    QVERIFY(!run.progress.isEmpty());
    for (const ReplayProgress &progress : run.progress) {
        QCOMPARE(progress.total, 12);
        QCOMPARE(progress.queued + progress.inFlight + progress.done, 12);
        QVERIFY(progress.inFlight <= 3);
    }
    QCOMPARE(run.progress.last().done, 12);
    QCOMPARE(run.progress.last().matched, 12);
}

void TestReplayRunner::rateLimitSpacesRequests()
{
    FakeEndpoint endpoint([](const ReceivedRequest &) { return httpReply(200, AllowBody); });
    QVERIFY(endpoint.listen());

    // Six starts at 20 per second are spaced by 50 ms: the last starts 250 ms after the first.
    ReplayOptions options;
    options.target = endpoint.url();
    options.concurrency = 6;
    options.rate = 20;
    QList<ReplayRequest> requests;
    for (int i = 0; i < 6; ++i)
        requests.append(callback(QStringLiteral("asset-%1").arg(i), ReplayExpectation::manual(Decision::Allow)));
    const RunOutcome run = runReplay(options, requests);
    QVERIFY(run.finished);
    QCOMPARE(run.summary.matched, 6);
    QVERIFY2(run.summary.elapsedMs >= 250, qPrintable(QString::number(run.summary.elapsedMs)));
}

void TestReplayRunner::cancelStopsInFlight()
{
    FakeEndpoint silent([](const ReceivedRequest &) { return QByteArray(); });
    QVERIFY(silent.listen());

    ReplayOptions options;
    options.target = silent.url();
    options.concurrency = 3;
    options.timeoutMs = 60000;
    QList<ReplayRequest> requests;
    for (int i = 0; i < 10; ++i)
        requests.append(callback(QStringLiteral("asset-%1").arg(i), ReplayExpectation::manual(Decision::Allow)));

    bool canceled = false;
    const RunOutcome run = runReplay(options, requests, 10000, [&](ReplayRunner &runner, RunOutcome &) {
        if (!canceled && silent.requests.size() == 3) {
            canceled = true;
            runner.cancel();
        }
    });
    QVERIFY(canceled);
    QVERIFY2(run.finished, "cancel did not end the run");
    QVERIFY(run.summary.canceled);
    QCOMPARE(run.results.size(), 3);
    for (const ReplayResult &result : run.results)
        QCOMPARE(result.error, ReplayError::Canceled);
    QCOMPARE(run.progress.last().queued, 0);
    QCOMPARE(run.progress.last().inFlight, 0);
}

void TestReplayRunner::missingTargetIsInvalidRequest()
{
    ReplayOptions options;
    ReplayRequest request = callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow));
    ReplayRequest ftp = request;
    ftp.url = QUrl(QStringLiteral("ftp://127.0.0.1/x"));
    const RunOutcome run = runReplay(options, {request, ftp});
    QVERIFY(run.finished);
    QCOMPARE(run.results.size(), 2);
    QCOMPARE(run.find(0)->error, ReplayError::InvalidRequest);
    QVERIFY2(run.find(0)->errorMessage.contains(QStringLiteral("no target")), qPrintable(run.find(0)->errorMessage));
    QCOMPARE(run.find(1)->error, ReplayError::InvalidRequest);
    QVERIFY2(run.find(1)->errorMessage.contains(QStringLiteral("ftp")), qPrintable(run.find(1)->errorMessage));
}

void TestReplayRunner::headAndUnsendableRequests()
{
    Responder responder;
    QVERIFY(responder.url.isValid());
    ReplayOptions options;
    options.target = responder.url;

    // A recorded HEAD exchange matches its replay. Logs written before the
    // responder left out HEAD bodies kept the planned body, which is ignored.
    ReplayRequest head = callback(QStringLiteral("open"), {});
    head.method = "HEAD";
    const RunOutcome capture = runReplay(options, {head});
    QVERIFY(capture.finished);
    QTRY_COMPARE(responder.exchanges.size(), 1);
    QVERIFY(responder.exchanges.first().response.body.isEmpty());
    Exchange older = responder.exchanges.first();
    older.response.body = QByteArrayLiteral(R"({"error":"method-not-allowed"})");
    const RunOutcome headReplay = runReplay(options, {ReplayRequest::fromExchange(responder.exchanges.first()),
                                                      ReplayRequest::fromExchange(older)});
    QVERIFY(headReplay.finished);
    QCOMPARE(headReplay.summary.matched, 2);

    // A request marked unsendable is reported and never sent.
    ReplayRequest cut = callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow));
    cut.unsendable = QStringLiteral("the request body was cut when it was logged");
    const ReplayRequest whole = callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow));
    const RunOutcome run = runReplay(options, {cut, whole});
    QVERIFY(run.finished);
    QCOMPARE(run.find(0)->error, ReplayError::InvalidRequest);
    QCOMPARE(run.find(0)->errorMessage, cut.unsendable);
    // The report names where the row would have gone.
    QCOMPARE(run.find(0)->url, responder.url);
    QVERIFY(JUnitReport::detailText(*run.find(0)).startsWith(QStringLiteral("POST ") + responder.url.toString() + '\n'));
    QCOMPARE(run.find(1)->outcome, ReplayOutcome::Matched);
    QTRY_COMPARE(responder.exchanges.size(), 4);
}

void TestReplayRunner::emptyListFinishes()
{
    ReplayRunner runner;
    QSignalSpy finished(&runner, &ReplayRunner::finished);
    QVERIFY(runner.start({}));
    QCOMPARE(finished.size(), 0);  // never from inside start()
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.first().first().value<ReplaySummary>().total, 0);
    QVERIFY(!runner.isRunning());
}

void TestReplayRunner::invalidOptionsRejected()
{
    ReplayRunner runner;
    QSignalSpy finished(&runner, &ReplayRunner::finished);
    ReplayOptions options;
    options.concurrency = 257;
    runner.setOptions(options);
    QString error;
    QVERIFY(!runner.start({callback(QStringLiteral("a"), {})}, &error));
    QVERIFY2(error.contains(QStringLiteral("concurrency")), qPrintable(error));

    options.concurrency = 1;
    options.repeat = 1000000;
    runner.setOptions(options);
    QList<ReplayRequest> many(11, callback(QStringLiteral("a"), {}));
    QVERIFY(!runner.start(many, &error));
    QVERIFY2(error.contains(QStringLiteral("rows")), qPrintable(error));
    QTest::qWait(50);
    QCOMPARE(finished.size(), 0);
}

void TestReplayRunner::contractFindingsFromEndpoint()
{
    // A provider endpoint that misspells a CRT field and sends an invalid hdcpLevel.
    FakeEndpoint endpoint([](const ReceivedRequest &) {
        return httpReply(200, R"({"payload":{"storeLicence":true,"hdcpLevel":"HDCP v9"}})");
    });
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = endpoint.url();
    const RunOutcome run = runReplay(options, {callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow, 200))});
    QVERIFY(run.finished);
    const ReplayResult &result = run.results.first();
    QCOMPARE(result.outcome, ReplayOutcome::Differed);
    QCOMPARE(result.mismatches, QStringList{"contract"});
    QStringList codes;
    for (const Finding &finding : result.findings)
        codes.append(finding.code + QLatin1Char(' ') + finding.field);
    QVERIFY2(codes.contains(QStringLiteral("crt-unknown-field payload.storeLicence")), qPrintable(codes.join(u';')));
    QVERIFY2(codes.contains(QStringLiteral("crt-hdcp-unknown payload.hdcpLevel")), qPrintable(codes.join(u';')));
}

void TestReplayRunner::tlsErrorsAndInsecure()
{
    if (!QSslSocket::supportsSsl())
        QSKIP("no TLS backend");

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(QSslCertificate(QByteArray(CertificatePem)));
    configuration.setPrivateKey(QSslKey(QByteArray(PrivateKeyPem), QSsl::Rsa));
    QVERIFY(!configuration.localCertificate().isNull());
    QVERIFY(!configuration.privateKey().isNull());
    auto *server = new QSslServer;
    server->setSslConfiguration(configuration);
    FakeEndpoint endpoint([](const ReceivedRequest &) { return httpReply(200, AllowBody); }, server);
    QVERIFY(endpoint.listen());

    ReplayOptions options;
    options.target = endpoint.url(QStringLiteral("https"));
    const QList<ReplayRequest> requests = {callback(QStringLiteral("open"), ReplayExpectation::manual(Decision::Allow))};

    const RunOutcome strict = runReplay(options, requests);
    QVERIFY(strict.finished);
    QCOMPARE(strict.results.first().error, ReplayError::Tls);
    QVERIFY2(strict.results.first().errorMessage.contains(QStringLiteral("self")), qPrintable(strict.results.first().errorMessage));

    options.insecure = true;
    const RunOutcome insecure = runReplay(options, requests);
    QVERIFY(insecure.finished);
    QVERIFY2(insecure.results.first().outcome == ReplayOutcome::Matched, qPrintable(insecure.results.first().summaryLine()));
}

QTEST_GUILESS_MAIN(TestReplayRunner)
#include "tst_replayrunner.moc"
