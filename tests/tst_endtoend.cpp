// The responder end to end: ResponderService with a SettingsStore on a
// loopback port, called by QNetworkAccessManager and raw sockets the way the
// license server would call it.
#include "crt.h"
#include "exchangestore.h"
#include "responderservice.h"
#include "settingsstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include <memory>

namespace {

constexpr int WaitMs = 10000;

// The callback from the vendor's documentation.
const QByteArray VendorCallback = R"({"asset":"sigma_vtv1","user":"example_user","session":"example_session",)"
                                  R"("drmScheme":"WIDE_VINE","requestMetadata":{"remoteAddr":"113.190.233.178",)"
                                  R"("userAgent":"Mozilla/5.0"}})";

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
};

} // namespace

class TestEndToEnd : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void vendorExampleAllowed();
    void deniedAssetGets403();
    void getWithQueryString();
    void formPost();
    void clientLeavesMidRequest();
    void exchangesCarryTheirFields();
    void rejectedRequestIsLogged();
    void floodWaitsForStalledLog();

private:
    HttpResult send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &contentType,
                    const QByteArray &body);
    QList<Exchange> waitForExchanges(qsizetype count);
    void setAssetMode(const QString &asset, AssetMode mode);

    std::unique_ptr<SettingsStore> m_store;
    std::unique_ptr<ResponderService> m_service;
    std::unique_ptr<QSignalSpy> m_exchangeSpy;
    std::unique_ptr<QSignalSpy> m_errorSpy;
    QNetworkAccessManager m_manager;
    quint16 m_port = 0;
};

void TestEndToEnd::init()
{
    m_manager.setProxy(QNetworkProxy::NoProxy);
    m_store = std::make_unique<SettingsStore>();
    m_service = std::make_unique<ResponderService>(m_store.get());
    m_exchangeSpy = std::make_unique<QSignalSpy>(m_service.get(), &ResponderService::exchangesReady);
    m_errorSpy = std::make_unique<QSignalSpy>(m_service.get(), &ResponderService::protocolError);

    QSignalSpy started(m_service.get(), &ResponderService::started);
    ServerSettings server;
    server.address = QStringLiteral("127.0.0.1");
    server.port = 0;
    m_service->start(server);
    QVERIFY(started.wait(WaitMs));
    m_port = m_service->port();
    QVERIFY(m_port != 0);
    QCOMPARE(m_service->state(), ResponderService::State::Listening);
}

void TestEndToEnd::cleanup()
{
    m_exchangeSpy.reset();
    m_errorSpy.reset();
    m_service.reset();
    m_store.reset();
}

HttpResult TestEndToEnd::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &contentType,
                              const QByteArray &body)
{
    QUrl url(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
    QNetworkRequest request(url);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply *reply = method == "GET" ? m_manager.get(request) : m_manager.sendCustomRequest(request, method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!finished.wait(WaitMs)) {
        reply->abort();
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    reply->deleteLater();
    return result;
}

QList<Exchange> TestEndToEnd::waitForExchanges(qsizetype count)
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

void TestEndToEnd::setAssetMode(const QString &asset, AssetMode mode)
{
    m_store->update([&](ResponseSettings &settings) {
        for (AssetEntry &entry : settings.assets) {
            if (entry.asset == asset) {
                entry.mode = mode;
                return;
            }
        }
        settings.assets.append({asset, mode});
    });
}

void TestEndToEnd::vendorExampleAllowed()
{
    const HttpResult result = send("POST", "/callback", "application/json", VendorCallback);
    QCOMPARE(result.status, 200);
    QCOMPARE(result.contentType, QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(result.body).object();
    QCOMPARE(body.value("payload").toObject(), Crt::vendorExample());
}

void TestEndToEnd::deniedAssetGets403()
{
    QCOMPARE(send("POST", "/callback", "application/json", VendorCallback).status, 200);

    setAssetMode("sigma_vtv1", AssetMode::Deny);
    const HttpResult denied = send("POST", "/callback", "application/json", VendorCallback);
    QCOMPARE(denied.status, 403);
    const QJsonObject body = QJsonDocument::fromJson(denied.body).object();
    QCOMPARE(body.value("asset").toString(), QString("sigma_vtv1"));

    // Other assets still follow the default.
    const QByteArray other = QByteArray(VendorCallback).replace("sigma_vtv1", "other_asset");
    QCOMPARE(send("POST", "/callback", "application/json", other).status, 200);
}

void TestEndToEnd::getWithQueryString()
{
    const HttpResult result = send("GET", "/callback?asset=query_asset&user=u1&session=s1&drmScheme=WIDEVINE", {}, {});
    QCOMPARE(result.status, 200);
    QVERIFY(QJsonDocument::fromJson(result.body).object().contains("payload"));

    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    const Exchange &exchange = exchanges.first();
    QCOMPARE(exchange.request.method, QByteArray("GET"));
    QCOMPARE(exchange.request.query(), QByteArray("asset=query_asset&user=u1&session=s1&drmScheme=WIDEVINE"));
    QCOMPARE(exchange.callback.asset, QString("query_asset"));
    QCOMPARE(exchange.callback.user, QString("u1"));
    QCOMPARE(exchange.callback.session, QString("s1"));
    QCOMPARE(int(exchange.callback.encoding), int(BodyEncoding::Query));
}

void TestEndToEnd::formPost()
{
    const QByteArray form = "asset=form_asset&user=u2&session=s2&drmScheme=PLAYREADY"
                            "&requestMetadata%5BremoteAddr%5D=10.1.2.3&requestMetadata%5BuserAgent%5D=Player%2F1.0";
    const HttpResult result = send("POST", "/callback", "application/x-www-form-urlencoded", form);
    QCOMPARE(result.status, 200);

    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    const Exchange &exchange = exchanges.first();
    QCOMPARE(exchange.callback.asset, QString("form_asset"));
    QCOMPARE(exchange.callback.user, QString("u2"));
    QCOMPARE(exchange.callback.session, QString("s2"));
    QCOMPARE(exchange.callback.remoteAddr, QString("10.1.2.3"));
    QCOMPARE(exchange.callback.userAgent, QString("Player/1.0"));
    QCOMPARE(int(exchange.callback.encoding), int(BodyEncoding::Form));
    QCOMPARE(int(exchange.callback.metadataLayout), int(MetadataLayout::Bracket));
}

void TestEndToEnd::clientLeavesMidRequest()
{
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(WaitMs));
        socket.write("POST /callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     "Content-Length: " + QByteArray::number(VendorCallback.size()) + "\r\n\r\n"
                     + VendorCallback.left(VendorCallback.size() / 2));
        QVERIFY(socket.waitForBytesWritten(WaitMs));
        QTest::qWait(50);
        socket.close();
    }
    QVERIFY(QTest::qWaitFor([this] { return m_errorSpy->size() == 1; }, WaitMs));
    QCOMPARE(m_errorSpy->first().at(0).toString().section(':', 0, 0), QString("127.0.0.1"));

    const HttpResult next = send("POST", "/callback", "application/json", VendorCallback);
    QCOMPARE(next.status, 200);
    QCOMPARE(waitForExchanges(1).size(), 1);
}

void TestEndToEnd::exchangesCarryTheirFields()
{
    QCOMPARE(send("POST", "/callback?trace=1", "application/json", VendorCallback).status, 200);

    const QList<Exchange> exchanges = waitForExchanges(1);
    QCOMPARE(exchanges.size(), 1);
    const Exchange &exchange = exchanges.first();
    QVERIFY(exchange.id > 0);
    QCOMPARE(exchange.request.method, QByteArray("POST"));
    QCOMPARE(exchange.request.target, QByteArray("/callback?trace=1"));
    QCOMPARE(exchange.request.httpVersion, QByteArray("HTTP/1.1"));
    QCOMPARE(exchange.request.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(exchange.request.header("Content-Length"), QByteArray::number(VendorCallback.size()));
    QCOMPARE(exchange.request.body, VendorCallback);
    QCOMPARE(exchange.request.peerAddress, QString("127.0.0.1"));
    QVERIFY(exchange.request.peerPort != 0);
    QVERIFY(exchange.request.receivedAt.isValid());
    QCOMPARE(exchange.callback.asset, QString("sigma_vtv1"));
    QCOMPARE(exchange.callback.user, QString("example_user"));
    QCOMPARE(exchange.callback.session, QString("example_session"));
    QCOMPARE(exchange.callback.remoteAddr, QString("113.190.233.178"));
    QCOMPARE(int(exchange.decision), int(Decision::Allow));
    QCOMPARE(exchange.decidedBy, QString("default"));
    QCOMPARE(exchange.response.status, 200);
    QCOMPARE(QJsonDocument::fromJson(exchange.response.body).object().value("payload").toObject(), Crt::vendorExample());
    QCOMPARE(int(exchange.outcome), int(DeliveryOutcome::Sent));
    QVERIFY(exchange.latencyMicros >= 0);
}

// A request the adapter rejects before the responder still becomes an exchange.
void TestEndToEnd::rejectedRequestIsLogged()
{
    QCOMPARE(send("POST", "/callback", "application/json", VendorCallback).status, 200);
    QCOMPARE(waitForExchanges(1).size(), 1);

    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(WaitMs));
    socket.write("NOT A REQUEST\r\n\r\n");
    QByteArray received;
    QVERIFY(QTest::qWaitFor(
        [&] {
            received += socket.readAll();
            return socket.state() == QAbstractSocket::UnconnectedState || received.contains("}");
        },
        WaitMs));
    QVERIFY(received.startsWith("HTTP/1.1 400 Bad Request\r\n"));

    const QList<Exchange> exchanges = waitForExchanges(2);
    QCOMPARE(exchanges.size(), 2);
    const Exchange &rejected = exchanges.last();
    QCOMPARE(rejected.decidedBy, QString("protocol"));
    QCOMPARE(rejected.response.status, 400);
    QVERIFY(rejected.id > exchanges.first().id);
    QCOMPARE(m_errorSpy->size(), 1);
}

// A request log whose writer cannot write while a flood arrives: the
// responder stops taking requests instead of letting the log drop exchanges,
// and replies to the rest once the log catches up.
void TestEndToEnd::floodWaitsForStalledLog()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));
    ExchangeStore::Options options;
    options.maxPendingExchanges = 2000;
    ExchangeStore log;
    QVERIFY(log.open(fileName, options).ok());
    connect(m_service.get(), &ResponderService::exchangesReady, &log, &ExchangeStore::append);
    m_service->setBackpressure([backlog = log.backlog()](qint64 inFlight) { return backlog->pressure(inFlight); });

    // Another connection takes the write lock, so the writer waits on every
    // insert. The lock goes when the test ends, also when a check fails.
    struct WriteLock
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("flood-locker"));
        void release()
        {
            if (!db.isOpen())
                return;
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            db.close();
        }
        ~WriteLock()
        {
            release();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("flood-locker"));
        }
    } lock;
    lock.db.setDatabaseName(fileName);
    QVERIFY(lock.db.open());
    QVERIFY(QSqlQuery(lock.db).exec(QStringLiteral("BEGIN IMMEDIATE")));

    constexpr int Connections = 10;
    constexpr int PerConnection = 600;
    constexpr int Total = Connections * PerConnection;
    const QByteArray request = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "Content-Length: " + QByteArray::number(VendorCallback.size()) + "\r\n\r\n"
        + VendorCallback;
    const QByteArray statusLine = "HTTP/1.1 200 OK\r\n";
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    std::vector<QByteArray> received(Connections);
    int answered = 0;
    for (int c = 0; c < Connections; ++c) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->setProxy(QNetworkProxy::NoProxy);
        connect(socket.get(), &QTcpSocket::readyRead, this, [&, c, raw = socket.get()] {
            QByteArray &buffer = received[size_t(c)];
            buffer += raw->readAll();
            qsizetype at = 0;
            while ((at = buffer.indexOf(statusLine, at)) >= 0) {
                ++answered;
                at += statusLine.size();
            }
            // Keep only a tail that may hold the start of a split status line.
            buffer = buffer.right(statusLine.size() - 1);
        });
        socket->connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket->waitForConnected(WaitMs));
        socket->write(request.repeated(PerConnection));
        sockets.push_back(std::move(socket));
    }

    // Wait until no more replies arrive, for at most 3 s, because the writer
    // gives up on the lock after 5 s.
    int last = -1;
    QElapsedTimer stalled;
    QElapsedTimer overall;
    overall.start();
    while (overall.elapsed() < 3000 && answered < Total) {
        if (answered != last) {
            last = answered;
            stalled.start();
        } else if (stalled.elapsed() >= 300) {
            break;
        }
        QTest::qWait(50);
    }
    const int answeredWhileStalled = answered;
    QVERIFY2(answeredWhileStalled < Total, "every request was answered while the log could not write");
    QCOMPARE(log.statistics().droppedExchanges, 0);

    lock.release();
    QTRY_COMPARE_WITH_TIMEOUT(answered, Total, 30000);
    QVERIFY(log.flush().ok());
    const ExchangeStore::Statistics statistics = log.statistics();
    QCOMPARE(statistics.droppedExchanges, 0);
    QCOMPARE(statistics.storedExchanges, Total);
    qInfo("Answered %d of %d requests while the log could not write", answeredWhileStalled, Total);
}

QTEST_GUILESS_MAIN(TestEndToEnd)

#include "tst_endtoend.moc"
