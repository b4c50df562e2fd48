// Sample exchanges for the request log and export tests, and a field-by-field
// comparison that names the first field that differs.
#pragma once

#include "storedexchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

namespace Samples {

// Every byte value once, so a body or header survives only a binary-safe path.
inline QByteArray allBytes()
{
    QByteArray bytes;
    for (int i = 0; i < 256; ++i)
        bytes.append(char(i));
    return bytes;
}

// An exchange with every field set to something other than its default.
inline Exchange fullExchange()
{
    Exchange exchange;
    exchange.id = 4242;

    RawRequest &request = exchange.request;
    request.method = "POST";
    request.target = "/authorize?debug=1&requestMetadata[remoteAddr]=203.0.113.7";
    request.httpVersion = "HTTP/1.1";
    request.headers = {
        {"Host", "127.0.0.1:8080"},
        {"Content-Type", "application/json; charset=utf-8"},
        {"X-Dup", "first"},
        {"x-dup", "second"},
        {"X-Dup", "third: with colon"},
        {"X-Empty", ""},
        {"custom-data", "eyJ1c2VySWQiOiJ1LTEiLCJzZXNzaW9uSWQiOiJzLTEifQ=="},
    };
    request.body = R"({"asset":"movie-1","assets":["movie-1","trailer-2"],"user":"alice","session":"s-123",)"
                   R"("drmScheme":"WIDE_VINE","requestMetadata":{"remoteAddr":"203.0.113.7",)"
                   R"("userAgent":"Shaka/4.3"},"extraData":"x","colour":"blue"})";
    request.peerAddress = QStringLiteral("::ffff:198.51.100.20");
    request.peerPort = 54321;
    request.receivedAt = QDateTime(QDate(2026, 12, 4), QTime(10, 11, 12, 345), Qt::UTC);

    CallbackFields &callback = exchange.callback;
    callback.asset = QStringLiteral("movie-1");
    callback.assets = QStringList{QStringLiteral("movie-1"), QStringLiteral("trailer-2")};
    callback.user = QStringLiteral("alice");
    callback.session = QStringLiteral("s-123");
    callback.drmSchemeText = QStringLiteral("WIDE_VINE");
    callback.drmScheme = DrmScheme::Widevine;
    callback.remoteAddr = QStringLiteral("203.0.113.7");
    callback.userAgent = QStringLiteral("Shaka/4.3");
    callback.extraData = QStringLiteral("x");
    callback.fields = QJsonDocument::fromJson(request.body).object();
    callback.unknownFields = QJsonObject{{QStringLiteral("colour"), QStringLiteral("blue")}};
    callback.encoding = BodyEncoding::Json;
    callback.metadataLayout = MetadataLayout::JsonObject;

    exchange.findings = {
        Finding{FindingSeverity::Warning, QStringLiteral("drm-scheme-spelling"), QStringLiteral("drmScheme"),
                QStringLiteral("WIDE_VINE is spelled WIDEVINE elsewhere")},
        Finding{FindingSeverity::Info, QStringLiteral("unknown-field"), QStringLiteral("colour"),
                QStringLiteral("kept")},
        Finding{FindingSeverity::Error, QStringLiteral("asset-array"), QStringLiteral("assets"), QString()},
    };
    exchange.decision = Decision::Deny;
    exchange.decidedBy = QStringLiteral("asset:trailer-2");
    exchange.settingsRevision = 17;
    exchange.response.status = 403;
    exchange.response.headers = {{"Content-Type", "application/json"}, {"X-Trace", "abc"}, {"x-trace", "def"}};
    exchange.response.body = "{\"message\":\"denied\"}";
    exchange.outcome = DeliveryOutcome::ClientGone;
    exchange.latencyMicros = 1234567;
    return exchange;
}

// A small exchange whose fields follow from n, for bulk and filter tests.
inline Exchange numberedExchange(int n, const QDateTime &base = QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC))
{
    Exchange exchange;
    exchange.id = quint64(n);
    exchange.request.method = n % 7 == 0 ? "GET" : "POST";
    exchange.request.target = "/cb?n=" + QByteArray::number(n);
    exchange.request.httpVersion = "HTTP/1.1";
    exchange.request.headers = {{"Host", "127.0.0.1:8080"}, {"Content-Type", "application/json"}};
    const QString user = QStringLiteral("user-%1").arg(n % 10);
    const QString asset = QStringLiteral("asset-%1").arg(n % 4);
    const QString session = QStringLiteral("session-%1").arg(n);
    exchange.request.body = QStringLiteral(R"({"asset":"%1","user":"%2","session":"%3","note":"Item%4"})")
                                .arg(asset, user, session)
                                .arg(n)
                                .toUtf8();
    exchange.request.peerAddress = n % 3 == 0 ? QStringLiteral("::ffff:10.1.2.3") : QStringLiteral("192.0.2.44");
    exchange.request.peerPort = quint16(40000 + n);
    exchange.request.receivedAt = base.addSecs(n * 60);
    exchange.callback.asset = asset;
    exchange.callback.assets = {asset};
    if (n % 5 == 0)
        exchange.callback.assets.append(QStringLiteral("bonus-%1").arg(n % 2));
    exchange.callback.user = user;
    exchange.callback.session = session;
    exchange.callback.drmSchemeText = n % 2 ? QStringLiteral("WIDEVINE") : QStringLiteral("fairplay");
    exchange.callback.drmScheme = n % 2 ? DrmScheme::Widevine : DrmScheme::FairPlay;
    exchange.callback.remoteAddr = QStringLiteral("203.0.113.%1").arg(n % 8);
    exchange.decision = n % 4 == 0 ? Decision::Deny : n % 9 == 0 ? Decision::Rejected : Decision::Allow;
    exchange.decidedBy = n % 4 == 0 ? QStringLiteral("asset:%1").arg(asset) : QStringLiteral("default");
    exchange.response.status = exchange.decision == Decision::Allow ? 200 : exchange.decision == Decision::Deny ? 403 : 400;
    exchange.response.headers = {{"Content-Type", "application/json"}};
    exchange.response.body = exchange.decision == Decision::Allow ? "{}" : "{\"message\":\"no\"}";
    exchange.latencyMicros = qint64(n % 13) * 25000 + 300;
    return exchange;
}

// Compares field by field so a failure names the field.
#define COMPARE_EXCHANGES(actual, expected) \
    do { \
        if (!Samples::compareExchanges(actual, expected, __FILE__, __LINE__)) \
            return; \
    } while (false)

inline bool compareExchanges(const Exchange &a, const Exchange &e, const char *file, int line)
{
#define FIELD(x) \
    if (!QTest::qCompare(a.x, e.x, #x, #x, file, line)) \
        return false;
    FIELD(request.method)
    FIELD(request.target)
    FIELD(request.httpVersion)
    FIELD(request.headers)
    FIELD(request.body)
    FIELD(request.peerAddress)
    FIELD(request.peerPort)
    FIELD(request.receivedAt)
    FIELD(callback.asset)
    FIELD(callback.assets)
    FIELD(callback.user)
    FIELD(callback.session)
    FIELD(callback.drmSchemeText)
    FIELD(callback.drmScheme)
    FIELD(callback.remoteAddr)
    FIELD(callback.userAgent)
    FIELD(callback.extraData)
    FIELD(callback.fields)
    FIELD(callback.unknownFields)
    FIELD(callback.encoding)
    FIELD(callback.metadataLayout)
    FIELD(findings.size())
    for (qsizetype i = 0; i < e.findings.size(); ++i) {
        FIELD(findings.at(i).severity)
        FIELD(findings.at(i).code)
        FIELD(findings.at(i).field)
        FIELD(findings.at(i).message)
    }
    FIELD(decision)
    FIELD(decidedBy)
    FIELD(settingsRevision)
    FIELD(response.status)
    FIELD(response.headers)
    FIELD(response.body)
    FIELD(outcome)
    FIELD(latencyMicros)
#undef FIELD
    return true;
}

} // namespace Samples
