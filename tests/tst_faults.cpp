// Fault injection seen from real clients on loopback. Rules close the
// connection, never reply, or send an empty body, a body that is not JSON, a
// broken CRT, a wrong Content-Type or a slow body. A delayed reply keeps the
// settings it was decided with. After each fault the responder must still
// reply to the next callback.
#include "crt.h"
#include "responderservice.h"
#include "rule.h"
#include "ruleengine.h"
#include "settingsstore.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QtTest>

class TestFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void closeWithoutReply();
    void neverReply();
    void replyFaults_data();
    void replyFaults();
    void delayedReplyKeepsSettings();

private:
    struct HttpResult
    {
        bool finished = false;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        int status = 0;
        QByteArray contentType;
        QByteArray body;
    };

    HttpResult post(const QString &asset, int transferTimeoutMs = 15000);
    QByteArray rawRequest(const QString &asset) const;
    void verifyStillAnswering();
    const Exchange *exchangeFor(const QString &asset) const;

    SettingsStore m_store;
    std::unique_ptr<ResponderService> m_service;
    QUrl m_url;
    QList<Exchange> m_exchanges;
    int m_sessionNumber = 0;
};

namespace {

Rule faultRule(const QString &asset, ActionKind kind)
{
    Rule rule;
    rule.id = Rule::newId();
    rule.name = asset;
    RuleCondition condition;
    condition.subject = ConditionSubject::Asset;
    condition.op = ConditionOperator::Equals;
    condition.value = asset;
    rule.conditions.append(condition);
    rule.action.kind = kind;
    return rule;
}

QJsonObject payloadOf(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object().value(QStringLiteral("payload")).toObject();
}

} // namespace

void TestFaults::initTestCase()
{
    m_store.update(QStringLiteral("fault rules"), [](ResponseSettings &settings) {
        settings.rules.append(faultRule(QStringLiteral("close"), ActionKind::CloseConnection));
        settings.rules.append(faultRule(QStringLiteral("never"), ActionKind::NeverReply));
        settings.rules.append(faultRule(QStringLiteral("empty"), ActionKind::EmptyBody));
        settings.rules.append(faultRule(QStringLiteral("not-json"), ActionKind::NotJson));
        settings.rules.append(faultRule(QStringLiteral("broken-crt"), ActionKind::BrokenCrt));

        Rule wrongType = faultRule(QStringLiteral("wrong-type"), ActionKind::Allow);
        wrongType.action.crtSource = CrtSource::Default;
        wrongType.action.contentTypeMode = ContentTypeMode::Custom;
        wrongType.action.contentType = QStringLiteral("text/plain");
        settings.rules.append(wrongType);

        Rule denied = faultRule(QStringLiteral("denied"), ActionKind::Deny);
        denied.action.status = 451;
        denied.action.customBody = true;
        denied.action.body = QStringLiteral("blocked");
        settings.rules.append(denied);

        Rule slow = faultRule(QStringLiteral("slow"), ActionKind::Allow);
        slow.action.crtSource = CrtSource::Default;
        slow.action.trickle = true;
        slow.action.trickleChunkBytes = 7;
        slow.action.trickleIntervalMs = 5;
        settings.rules.append(slow);

        Rule delayed = faultRule(QStringLiteral("delayed"), ActionKind::Allow);
        delayed.action.crtSource = CrtSource::Default;
        delayed.action.delayMs = 3000;
        settings.rules.append(delayed);
    });
    QVERIFY(!m_store.snapshot()->compiledRules()->hasProblems());

    m_service = std::make_unique<ResponderService>(&m_store);
    connect(m_service.get(), &ResponderService::exchangesReady, this,
            [this](const QList<Exchange> &exchanges) { m_exchanges += exchanges; });
    QSignalSpy started(m_service.get(), &ResponderService::started);
    QSignalSpy failed(m_service.get(), &ResponderService::failed);
    ServerSettings server;
    server.address = QStringLiteral("127.0.0.1");
    server.port = 0;
    m_service->start(server);
    QVERIFY2(started.wait(10000), failed.isEmpty() ? "not started" : qPrintable(failed.at(0).at(0).toString()));
    m_url = m_service->callbackUrl();
    QVERIFY(m_service->port() != 0);
}

void TestFaults::cleanupTestCase()
{
    m_service.reset();
}

QByteArray TestFaults::rawRequest(const QString &asset) const
{
    const QByteArray body = QStringLiteral(R"({"asset":"%1","user":"faults","session":"raw-%2","drmScheme":"WIDEVINE"})")
                                .arg(asset)
                                .arg(m_sessionNumber)
                                .toUtf8();
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

TestFaults::HttpResult TestFaults::post(const QString &asset, int transferTimeoutMs)
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(transferTimeoutMs);
    const QByteArray body = QStringLiteral(R"({"asset":"%1","user":"faults","session":"s-%2","drmScheme":"WIDEVINE"})")
                                .arg(asset)
                                .arg(++m_sessionNumber)
                                .toUtf8();

    std::unique_ptr<QNetworkReply> reply(manager.post(request, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    HttpResult result;
    result.finished = reply->isFinished() || finished.wait(transferTimeoutMs + 5000);
    result.error = reply->error();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.contentType = reply->rawHeader("Content-Type");
    result.body = reply->isOpen() ? reply->readAll() : QByteArray();
    return result;
}

void TestFaults::verifyStillAnswering()
{
    const HttpResult next = post(QStringLiteral("ordinary"));
    QVERIFY(next.finished);
    QCOMPARE(next.error, QNetworkReply::NoError);
    QCOMPARE(next.status, 200);
    QCOMPARE(payloadOf(next.body), Crt::vendorExample());
}

const Exchange *TestFaults::exchangeFor(const QString &asset) const
{
    for (auto it = m_exchanges.crbegin(); it != m_exchanges.crend(); ++it) {
        if (it->callback.asset == asset)
            return &*it;
    }
    return nullptr;
}

void TestFaults::closeWithoutReply()
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, m_service->port());
    QVERIFY(socket.waitForConnected(5000));
    QSignalSpy disconnected(&socket, &QTcpSocket::disconnected);
    socket.write(rawRequest(QStringLiteral("close")));

    QVERIFY(disconnected.wait(10000));
    QCOMPARE(socket.readAll(), QByteArray());

    // A real HTTP client sees the same: an error and no status.
    const HttpResult viaClient = post(QStringLiteral("close"));
    QVERIFY(viaClient.finished);
    QCOMPARE(viaClient.error, QNetworkReply::RemoteHostClosedError);
    QCOMPARE(viaClient.status, 0);

    QTRY_VERIFY_WITH_TIMEOUT(exchangeFor(QStringLiteral("close")) != nullptr, 5000);
    const Exchange *exchange = exchangeFor(QStringLiteral("close"));
    QCOMPARE(exchange->decidedBy, QStringLiteral("rule:close"));
    QCOMPARE(exchange->outcome, DeliveryOutcome::ClosedByRule);
    QCOMPARE(exchange->response.status, 0);
    verifyStillAnswering();
}

void TestFaults::neverReply()
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, m_service->port());
    QVERIFY(socket.waitForConnected(5000));
    QSignalSpy readyRead(&socket, &QTcpSocket::readyRead);
    socket.write(rawRequest(QStringLiteral("never")));

    // Nothing arrives within the client's own short timeout, and the
    // connection stays open.
    QVERIFY(!readyRead.wait(700));
    QCOMPARE(socket.bytesAvailable(), qint64(0));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);

    // A real HTTP client gives up by its transfer timeout.
    const HttpResult viaClient = post(QStringLiteral("never"), 700);
    QVERIFY(viaClient.finished);
    QCOMPARE(viaClient.error, QNetworkReply::OperationCanceledError);
    QCOMPARE(viaClient.status, 0);

    verifyStillAnswering();

    socket.abort();
    QTRY_VERIFY_WITH_TIMEOUT(exchangeFor(QStringLiteral("never")) != nullptr, 5000);
    const Exchange *exchange = exchangeFor(QStringLiteral("never"));
    QCOMPARE(exchange->decidedBy, QStringLiteral("rule:never"));
    QCOMPARE(exchange->outcome, DeliveryOutcome::NeverAnswered);
    QCOMPARE(exchange->response.status, 0);
}

void TestFaults::replyFaults_data()
{
    QTest::addColumn<QString>("asset");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QByteArray>("expectedContentType");
    QTest::addColumn<QString>("bodyCheck");  // "empty", "not-json", "broken-crt", "crt", "blocked"

    QTest::addRow("empty body") << "empty" << 200 << QByteArray("application/json") << "empty";
    QTest::addRow("body not JSON") << "not-json" << 200 << QByteArray("text/html; charset=utf-8") << "not-json";
    QTest::addRow("broken CRT") << "broken-crt" << 200 << QByteArray("application/json") << "broken-crt";
    QTest::addRow("wrong Content-Type") << "wrong-type" << 200 << QByteArray("text/plain") << "crt";
    QTest::addRow("deny with own status and body") << "denied" << 451 << QByteArray("text/plain; charset=utf-8") << "blocked";
    QTest::addRow("CRT sent slowly") << "slow" << 200 << QByteArray("application/json") << "crt";
}

void TestFaults::replyFaults()
{
    QFETCH(QString, asset);
    QFETCH(int, expectedStatus);
    QFETCH(QByteArray, expectedContentType);
    QFETCH(QString, bodyCheck);

    const HttpResult result = post(asset);
    QVERIFY(result.finished);
    QCOMPARE(result.status, expectedStatus);
    QCOMPARE(result.contentType, expectedContentType);
    if (bodyCheck == "empty") {
        QCOMPARE(result.body, QByteArray());
    } else if (bodyCheck == "not-json") {
        QVERIFY(!result.body.isEmpty());
        QJsonParseError error;
        QJsonDocument::fromJson(result.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    } else if (bodyCheck == "broken-crt") {
        QCOMPARE(payloadOf(result.body), Rules::brokenCrtExample());
    } else if (bodyCheck == "crt") {
        QCOMPARE(payloadOf(result.body), Crt::vendorExample());
    } else {
        QCOMPARE(result.body, QByteArray("blocked"));
    }

    QTRY_VERIFY_WITH_TIMEOUT(exchangeFor(asset) != nullptr, 5000);
    const Exchange *exchange = exchangeFor(asset);
    QCOMPARE(exchange->decidedBy, QStringLiteral("rule:") + asset);
    QCOMPARE(exchange->response.status, expectedStatus);
    QCOMPARE(exchange->outcome, DeliveryOutcome::Sent);
    if (bodyCheck == "broken-crt" || bodyCheck == "not-json") {
        const Findings expected = Crt::validateReplyBody(200, exchange->response.body);
        QVERIFY(!expected.isEmpty());
        for (const Finding &finding : expected)
            QVERIFY2(exchange->findings.contains(finding), qPrintable(finding.code));
    }

    verifyStillAnswering();
}

void TestFaults::delayedReplyKeepsSettings()
{
    const quint64 startRevision = m_store.snapshot()->revision;
    const quint64 counted = m_store.ruleEngine()->changeCount();

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(15000);
    std::unique_ptr<QNetworkReply> reply(
        manager.post(request, R"({"asset":"delayed","user":"faults","session":"delay-1","drmScheme":"WIDEVINE"})"));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);

    // The callback is counted when it is decided; the reply then waits 3 s.
    // An edit made during the wait must not change what is sent.
    QTRY_VERIFY_WITH_TIMEOUT(m_store.ruleEngine()->changeCount() > counted, 10000);
    QVERIFY(!reply->isFinished());
    m_store.update(QStringLiteral("deny all"), [](ResponseSettings &settings) { settings.masterSwitch = MasterSwitch::DenyAll; });

    QVERIFY(reply->isFinished() || finished.wait(15000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(payloadOf(reply->readAll()), Crt::vendorExample());
    QTRY_VERIFY_WITH_TIMEOUT(exchangeFor(QStringLiteral("delayed")) != nullptr, 5000);
    QCOMPARE(exchangeFor(QStringLiteral("delayed"))->settingsRevision, startRevision);
    QCOMPARE(exchangeFor(QStringLiteral("delayed"))->decidedBy, QStringLiteral("rule:delayed"));

    // The next callback gets the edited settings.
    const HttpResult next = post(QStringLiteral("delayed"));
    QCOMPARE(next.status, 403);
    QVERIFY(m_store.undo());
    verifyStillAnswering();
}

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
