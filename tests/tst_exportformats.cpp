// HAR and JSON Lines. Our own files round-trip every field, and HAR from
// browsers, HTTP Toolkit and mitmproxy imports. Malformed entries are reported
// with their index, line and field while the rest import. Redaction replaces
// users, sessions, IPs and user agents consistently.
#include "exchangesamples.h"
#include "harformat.h"
#include "jsonlinesformat.h"
#include "redactor.h"

#include <QJsonDocument>
#include <QtTest>

class TestExportFormats : public QObject
{
    Q_OBJECT

private slots:
    void jsonLinesRoundTrip();
    void harRoundTrip();
    void harHasRequiredMembers();
    void jsonLinesMalformedLines_data();
    void jsonLinesMalformedLines();
    void harMalformedEntries_data();
    void harMalformedEntries();
    void harNotHar_data();
    void harNotHar();
    void harFromBrowser();
    void harFromMitmproxy();
    void harFromHttpToolkit();
    void harParamsWithoutText();
    void redactionConsistent();
    void redactionKeepsNeighbours();
    void redactionFollowsStructure();
};

namespace {

// Exchanges that together use every field and both body forms.
QList<StoredExchange> samples()
{
    StoredExchange full = StoredExchange::fromExchange(Samples::fullExchange());
    full.logId = 7;

    Exchange binaryExchange = Samples::numberedExchange(3);
    binaryExchange.request.body = Samples::allBytes();
    binaryExchange.response.body = QByteArray("\xff\xfe binary", 9);
    binaryExchange.request.headers.append(qMakePair(QByteArray("X-Latin1"), QByteArray("caf\xe9")));
    binaryExchange.request.target = "/cb?q=\xff";
    StoredExchange binary = StoredExchange::fromExchange(binaryExchange);
    binary.logId = 8;

    StoredExchange cut = StoredExchange::fromExchange(Samples::numberedExchange(4), true);
    cut.logId = 9;
    cut.requestBodySize = 5'000'000;
    cut.requestBodyCut = true;
    cut.responseBodySize = 2'000'000;
    cut.responseBodyCut = true;
    return {full, binary, cut};
}

void compareStored(const StoredExchange &actual, const StoredExchange &expected, const char *file, int line)
{
    QTest::qCompare(actual.logId, expected.logId, "logId", "logId", file, line);
    QTest::qCompare(actual.requestBodySize, expected.requestBodySize, "requestBodySize", "", file, line);
    QTest::qCompare(actual.requestBodyCut, expected.requestBodyCut, "requestBodyCut", "", file, line);
    QTest::qCompare(actual.responseBodySize, expected.responseBodySize, "responseBodySize", "", file, line);
    QTest::qCompare(actual.responseBodyCut, expected.responseBodyCut, "responseBodyCut", "", file, line);
    QTest::qVerify(actual.captured, "captured", "imports are marked captured", file, line);
    Samples::compareExchanges(actual.exchange, expected.exchange, file, line);
}

QByteArray harWithEntries(const QJsonArray &entries)
{
    return QJsonDocument(QJsonObject{{"log", QJsonObject{{"version", "1.2"}, {"entries", entries}}}}).toJson();
}

QJsonObject minimalEntry()
{
    return QJsonObject{
        {"startedDateTime", "2026-12-04T10:00:00.000Z"},
        {"time", 5},
        {"request", QJsonObject{{"method", "POST"}, {"url", "http://127.0.0.1:8080/cb"}, {"headers", QJsonArray()}}},
        {"response", QJsonObject{{"status", 200}, {"content", QJsonObject()}}},
    };
}

QJsonObject withMember(QJsonObject object, const QString &path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf('.');
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(path);
        else
            object.insert(path, value);
        return object;
    }
    const QString key = path.left(dot);
    object.insert(key, withMember(object.value(key).toObject(), path.mid(dot + 1), value));
    return object;
}

} // namespace

#define COMPARE_STORED(actual, expected) \
    do { \
        compareStored(actual, expected, __FILE__, __LINE__); \
        if (QTest::currentTestFailed()) \
            return; \
    } while (false)

void TestExportFormats::jsonLinesRoundTrip()
{
    const QList<StoredExchange> exchanges = samples();
    QByteArray file;
    for (const StoredExchange &stored : exchanges)
        file += JsonLinesFormat::toLine(stored);
    QCOMPARE(file.count('\n'), exchanges.size());

    const QJsonObject first = QJsonDocument::fromJson(file.left(file.indexOf('\n'))).object();
    QCOMPARE(first.value("format").toString(), QStringLiteral("callbacklab-exchange"));
    QCOMPARE(first.value("version").toInt(), 1);

    const ImportResult result = JsonLinesFormat::read(file);
    QVERIFY(result.fatalError.isEmpty());
    QVERIFY(result.issues.isEmpty());
    QCOMPARE(result.exchanges.size(), exchanges.size());
    for (qsizetype i = 0; i < exchanges.size(); ++i)
        COMPARE_STORED(result.exchanges.at(i), exchanges.at(i));
}

void TestExportFormats::harRoundTrip()
{
    const QList<StoredExchange> exchanges = samples();
    const QByteArray file = HarFormat::document(exchanges);
    const ImportResult result = HarFormat::read(file);
    QVERIFY2(result.fatalError.isEmpty(), qPrintable(result.fatalError));
    QVERIFY2(result.issues.isEmpty(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.exchanges.size(), exchanges.size());
    for (qsizetype i = 0; i < exchanges.size(); ++i)
        COMPARE_STORED(result.exchanges.at(i), exchanges.at(i));
}

void TestExportFormats::harHasRequiredMembers()
{
    const QJsonObject log = QJsonDocument::fromJson(HarFormat::document(samples())).object().value("log").toObject();
    QCOMPARE(log.value("version").toString(), QStringLiteral("1.2"));
    QCOMPARE(log.value("creator").toObject().value("name").toString(), QStringLiteral("CallbackLab"));
    const QJsonArray entries = log.value("entries").toArray();
    QCOMPARE(entries.size(), 3);

    const QJsonObject entry = entries.at(0).toObject();
    for (const char *key : {"startedDateTime", "time", "request", "response", "cache", "timings"})
        QVERIFY2(entry.contains(key), key);
    const QJsonObject request = entry.value("request").toObject();
    for (const char *key : {"method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize",
                            "bodySize", "postData"})
        QVERIFY2(request.contains(key), key);
    QCOMPARE(request.value("url").toString(),
             QStringLiteral("http://127.0.0.1:8080/authorize?debug=1&requestMetadata[remoteAddr]=203.0.113.7"));
    QCOMPARE(request.value("queryString").toArray().at(1).toObject().value("name").toString(),
             QStringLiteral("requestMetadata[remoteAddr]"));
    QCOMPARE(request.value("postData").toObject().value("mimeType").toString(),
             QStringLiteral("application/json; charset=utf-8"));
    const QJsonObject response = entry.value("response").toObject();
    for (const char *key : {"status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL",
                            "headersSize", "bodySize"})
        QVERIFY2(response.contains(key), key);
    QCOMPARE(response.value("statusText").toString(), QStringLiteral("Forbidden"));
    QVERIFY(response.value("comment").toString().contains("client-gone"));

    // The timings that are not -1 add up to time.
    const QJsonObject timings = entry.value("timings").toObject();
    double sum = 0;
    for (const QJsonValue &value : timings) {
        if (value.toDouble() >= 0)
            sum += value.toDouble();
    }
    QCOMPARE(sum, entry.value("time").toDouble());
    QCOMPARE(entry.value("time").toDouble(), 1234.567);

    // Binary bodies are base64 with the encoding named.
    const QJsonObject binary = entries.at(1).toObject();
    const QJsonObject postData = binary.value("request").toObject().value("postData").toObject();
    QCOMPARE(postData.value("encoding").toString(), QStringLiteral("base64"));
    QCOMPARE(QByteArray::fromBase64(postData.value("text").toString().toLatin1()), Samples::allBytes());
    QCOMPARE(binary.value("response").toObject().value("content").toObject().value("encoding").toString(),
             QStringLiteral("base64"));
}

void TestExportFormats::jsonLinesMalformedLines_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QJsonObject valid = JsonLinesFormat::toJson(samples().at(0));
    const auto changed = [&valid](const QString &path, const QJsonValue &value) {
        return QJsonDocument(withMember(valid, path, value)).toJson(QJsonDocument::Compact);
    };
    QTest::addRow("not JSON") << QByteArray("{\"format\":") << "" << "invalid JSON";
    QTest::addRow("not an object") << QByteArray("[1,2]") << "" << "not a JSON object";
    QTest::addRow("other format") << changed("format", "har") << "format" << "'har' is not";
    QTest::addRow("newer version") << changed("version", 2) << "version" << "version 2 is not supported";
    QTest::addRow("no method") << changed("request.method", QJsonValue::Undefined) << "request.method" << "missing";
    QTest::addRow("method a number") << changed("request.method", 5) << "request.method" << "must be a string";
    QTest::addRow("headers an object") << changed("request.headers", QJsonObject()) << "request.headers"
                                       << "must be an array";
    QTest::addRow("bad base64 body") << changed("request.bodyBase64", "***") << "request.bodyBase64"
                                     << "invalid base64";
    QTest::addRow("unknown decision") << changed("decision", "maybe") << "decision" << "'maybe' is not";
    QTest::addRow("bad time") << changed("receivedAt", "yesterday") << "receivedAt" << "not an ISO 8601";
    QTest::addRow("no response") << changed("response", QJsonValue::Undefined) << "response" << "missing";
    QTest::addRow("bad finding") << changed("findings", QJsonArray{5}) << "findings" << "must be an object";
}

void TestExportFormats::jsonLinesMalformedLines()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QByteArray good = JsonLinesFormat::toLine(samples().at(1));
    const QByteArray file = good + "\n" + line + "\n" + good;
    const ImportResult result = JsonLinesFormat::read(file);
    QVERIFY(result.fatalError.isEmpty());
    QCOMPARE(result.exchanges.size(), 2);
    QCOMPARE(result.issues.size(), 1);
    const ImportIssue &issue = result.issues.first();
    QCOMPARE(issue.line, 3);
    QCOMPARE(issue.index, 1);
    QCOMPARE(issue.field, field);
    QVERIFY2(issue.message.contains(message), qPrintable(issue.message));
    QVERIFY2(issue.toString().startsWith("line 3 (exchange 2)"), qPrintable(issue.toString()));
}

void TestExportFormats::harMalformedEntries_data()
{
    QTest::addColumn<QJsonValue>("entry");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QJsonObject entry = minimalEntry();
    QTest::addRow("not an object") << QJsonValue(42) << "" << "must be an object";
    QTest::addRow("no request") << QJsonValue(withMember(entry, "request", QJsonValue::Undefined)) << "request"
                                << "missing";
    QTest::addRow("no url") << QJsonValue(withMember(entry, "request.url", QJsonValue::Undefined)) << "request.url"
                            << "missing";
    QTest::addRow("url not a string") << QJsonValue(withMember(entry, "request.url", 3)) << "request.url"
                                      << "must be a string";
    QTest::addRow("no method") << QJsonValue(withMember(entry, "request.method", QJsonValue::Undefined))
                               << "request.method" << "missing";
    QTest::addRow("bad start time") << QJsonValue(withMember(entry, "startedDateTime", "soon")) << "startedDateTime"
                                    << "not an ISO 8601";
    QTest::addRow("header without name")
        << QJsonValue(withMember(entry, "request.headers", QJsonArray{QJsonObject{{"name", "A"}, {"value", "1"}},
                                                                      QJsonObject{{"value", "2"}}}))
        << "request.headers[1].name" << "missing";
    QTest::addRow("bad base64 body")
        << QJsonValue(withMember(entry, "request.postData", QJsonObject{{"text", "@@"}, {"encoding", "base64"}}))
        << "request.postData.text" << "invalid base64";
    QTest::addRow("content not an object") << QJsonValue(withMember(entry, "response.content", "x"))
                                           << "response.content" << "must be an object";
    QTest::addRow("status not a number") << QJsonValue(withMember(entry, "response.status", "200"))
                                         << "response.status" << "must be a number";
}

void TestExportFormats::harMalformedEntries()
{
    QFETCH(QJsonValue, entry);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const ImportResult result = HarFormat::read(harWithEntries(QJsonArray{minimalEntry(), entry, minimalEntry()}));
    QVERIFY(result.fatalError.isEmpty());
    QCOMPARE(result.exchanges.size(), 2);
    QCOMPARE(result.issues.size(), 1);
    const ImportIssue &issue = result.issues.first();
    QCOMPARE(issue.index, 1);
    QCOMPARE(issue.line, 0);
    QCOMPARE(issue.field, field);
    QVERIFY2(issue.message.contains(message), qPrintable(issue.message));
    QVERIFY2(issue.toString().startsWith("log.entries[1]"), qPrintable(issue.toString()));
}

void TestExportFormats::harNotHar_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::addRow("not JSON") << QByteArray("<html>") << "not valid JSON";
    QTest::addRow("no entries") << QByteArray("{\"log\":{}}") << "log.entries is missing";
    QTest::addRow("entries not an array") << QByteArray("{\"log\":{\"entries\":{}}}") << "log.entries is missing";
    QTest::addRow("empty file") << QByteArray() << "not valid JSON";
}

void TestExportFormats::harNotHar()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const ImportResult result = HarFormat::read(data);
    QVERIFY2(result.fatalError.contains(message), qPrintable(result.fatalError));
    QVERIFY(result.exchanges.isEmpty());
}

// Shaped like a Chrome export of an HTTP/2 request.
void TestExportFormats::harFromBrowser()
{
    const QByteArray body = R"({"asset":"movie-9","user":"u-9","session":"s-9","drmScheme":"WIDEVINE"})";
    const QJsonObject entry{
        {"_initiator", QJsonObject{{"type", "script"}}},
        {"_resourceType", "fetch"},
        {"startedDateTime", "2026-12-04T10:00:00.250+01:00"},
        {"time", 12.5},
        {"request",
         QJsonObject{
             {"method", "POST"},
             {"url", "https://callback.example.test/authorize?x=1#frag"},
             {"httpVersion", "h2"},
             {"headers", QJsonArray{QJsonObject{{"name", ":method"}, {"value", "POST"}},
                                    QJsonObject{{"name", ":authority"}, {"value", "callback.example.test"}},
                                    QJsonObject{{"name", ":path"}, {"value", "/authorize?x=1"}},
                                    QJsonObject{{"name", "content-type"}, {"value", "application/json"}}}},
             {"queryString", QJsonArray{QJsonObject{{"name", "x"}, {"value", "1"}}}},
             {"cookies", QJsonArray()},
             {"headersSize", -1},
             {"bodySize", body.size()},
             {"postData", QJsonObject{{"mimeType", "application/json"}, {"text", QString::fromUtf8(body)}}},
         }},
        {"response",
         QJsonObject{
             {"status", 200},
             {"statusText", ""},
             {"httpVersion", "h2"},
             {"headers", QJsonArray{QJsonObject{{"name", "content-type"}, {"value", "application/json"}}}},
             {"content", QJsonObject{{"size", 2}, {"mimeType", "application/json"}, {"text", "e30="},
                                     {"encoding", "base64"}}},
             {"redirectURL", ""},
             {"headersSize", -1},
             {"bodySize", -1},
             {"_transferSize", 120},
         }},
        {"cache", QJsonObject()},
        {"timings", QJsonObject{{"blocked", -1}, {"dns", -1}, {"connect", -1}, {"send", 0.5}, {"wait", 11},
                                {"receive", 1}, {"ssl", -1}}},
    };
    const ImportResult result = HarFormat::read(harWithEntries(QJsonArray{entry}));
    QVERIFY2(result.issues.isEmpty(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.exchanges.size(), 1);
    const StoredExchange &stored = result.exchanges.first();
    const Exchange &exchange = stored.exchange;
    QVERIFY(stored.captured);
    QCOMPARE(exchange.request.method, QByteArray("POST"));
    QCOMPARE(exchange.request.target, QByteArray("/authorize?x=1"));
    QCOMPARE(exchange.request.httpVersion, QByteArray("HTTP/2"));
    const HttpHeaders expectedHeaders{{"Host", "callback.example.test"}, {"content-type", "application/json"}};
    QCOMPARE(exchange.request.headers, expectedHeaders);
    QCOMPARE(exchange.request.body, body);
    QCOMPARE(exchange.request.receivedAt, QDateTime(QDate(2026, 12, 4), QTime(9, 0, 0, 250), Qt::UTC));
    QCOMPARE(exchange.latencyMicros, 12500);
    QCOMPARE(exchange.response.status, 200);
    QCOMPARE(exchange.response.body, QByteArray("{}"));
    QCOMPARE(exchange.callback.asset, QStringLiteral("movie-9"));
    QCOMPARE(exchange.callback.user, QStringLiteral("u-9"));
    QCOMPARE(exchange.callback.session, QStringLiteral("s-9"));
    QCOMPARE(exchange.decision, Decision::Allow);
    QCOMPARE(exchange.decidedBy, QStringLiteral("captured"));
}

// Shaped like mitmproxy's save.har: ISO times with microseconds and an
// offset, null timings, postData with text and params, a flow without reply.
void TestExportFormats::harFromMitmproxy()
{
    const QJsonObject answered{
        {"startedDateTime", "2026-12-04T10:00:00.123456+00:00"},
        {"time", 3.25},
        {"request", QJsonObject{{"method", "POST"},
                                {"url", "http://127.0.0.1:8080/cb"},
                                {"httpVersion", "HTTP/1.1"},
                                {"cookies", QJsonArray()},
                                {"headers", QJsonArray{QJsonObject{{"name", "Content-Type"},
                                                                   {"value", "application/x-www-form-urlencoded"}}}},
                                {"queryString", QJsonArray()},
                                {"headersSize", 80},
                                {"bodySize", 27},
                                {"postData", QJsonObject{{"mimeType", "application/x-www-form-urlencoded"},
                                                         {"text", "asset=a1&user=u1&session=s1"},
                                                         {"params", QJsonArray{QJsonObject{{"name", "asset"},
                                                                                           {"value", "a1"}}}}}}}},
        {"response", QJsonObject{{"status", 403},
                                 {"statusText", "Forbidden"},
                                 {"httpVersion", "HTTP/1.1"},
                                 {"cookies", QJsonArray()},
                                 {"headers", QJsonArray()},
                                 {"content", QJsonObject{{"size", 4}, {"compression", 0}, {"mimeType", ""},
                                                         {"text", "nope"}}},
                                 {"redirectURL", ""},
                                 {"headersSize", 10},
                                 {"bodySize", 4}}},
        {"cache", QJsonObject()},
        {"timings", QJsonObject{{"connect", QJsonValue::Null}, {"ssl", QJsonValue::Null}, {"send", 1},
                                {"receive", 0.25}, {"wait", 2}}},
        {"serverIPAddress", "127.0.0.1"},
    };
    QJsonObject unanswered = answered;
    unanswered.insert("response", QJsonObject{{"status", 0}, {"statusText", ""}, {"httpVersion", ""},
                                              {"headers", QJsonArray()}, {"cookies", QJsonArray()},
                                              {"content", QJsonObject()}, {"redirectURL", ""},
                                              {"headersSize", -1}, {"bodySize", -1}, {"_error", QJsonValue::Null}});

    const ImportResult result = HarFormat::read(harWithEntries(QJsonArray{answered, unanswered}));
    QVERIFY2(result.issues.isEmpty(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.exchanges.size(), 2);
    const Exchange &first = result.exchanges.at(0).exchange;
    QCOMPARE(first.request.receivedAt, QDateTime(QDate(2026, 12, 4), QTime(10, 0, 0, 123), Qt::UTC));
    QCOMPARE(first.request.body, QByteArray("asset=a1&user=u1&session=s1"));
    QCOMPARE(first.callback.user, QStringLiteral("u1"));
    QCOMPARE(first.decision, Decision::Deny);
    QCOMPARE(first.response.body, QByteArray("nope"));
    QCOMPARE(first.latencyMicros, 3250);

    const Exchange &second = result.exchanges.at(1).exchange;
    QCOMPARE(second.response.status, 0);
    QCOMPARE(second.response.body, QByteArray());
    QCOMPARE(second.outcome, DeliveryOutcome::NeverAnswered);
}

// Shaped like HTTP Toolkit's export: time -1 for an aborted exchange, content without text.
void TestExportFormats::harFromHttpToolkit()
{
    QJsonObject entry = minimalEntry();
    entry.insert("pageref", "curl");
    entry.insert("time", -1);
    entry.insert("startedDateTime", "2026-12-04T11:00:00.000+01:00");
    entry = withMember(entry, "response.content", QJsonObject{{"mimeType", "application/x-unknown"}, {"size", 0}});
    entry = withMember(entry, "request.postData", QJsonObject{{"mimeType", "application/json"},
                                                              {"text", "{\"asset\":\"a\"}"}, {"params", QJsonArray()}});
    const ImportResult result = HarFormat::read(harWithEntries(QJsonArray{entry}));
    QVERIFY2(result.issues.isEmpty(), qPrintable(result.issues.value(0).toString()));
    QCOMPARE(result.exchanges.size(), 1);
    const Exchange &exchange = result.exchanges.first().exchange;
    QCOMPARE(exchange.latencyMicros, 0);
    QCOMPARE(exchange.request.body, QByteArray("{\"asset\":\"a\"}"));
    QCOMPARE(exchange.callback.asset, QStringLiteral("a"));
    QCOMPARE(exchange.request.receivedAt, QDateTime(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC));
}

void TestExportFormats::harParamsWithoutText()
{
    const QJsonObject entry = withMember(
        minimalEntry(), "request.postData",
        QJsonObject{{"mimeType", "application/x-www-form-urlencoded"},
                    {"params", QJsonArray{QJsonObject{{"name", "asset"}, {"value", "a 1"}},
                                          QJsonObject{{"name", "user"}, {"value", "b&c=d"}}}}});
    const ImportResult result = HarFormat::read(harWithEntries(QJsonArray{entry}));
    QVERIFY(result.issues.isEmpty());
    QCOMPARE(result.exchanges.first().exchange.request.body, QByteArray("asset=a%201&user=b%26c%3Dd"));
    QCOMPARE(result.exchanges.first().exchange.callback.user, QStringLiteral("b&c=d"));
}

void TestExportFormats::redactionConsistent()
{
    Exchange first = Samples::fullExchange();  // user alice, session s-123, custom-data of u-1/s-1
    first.callback.extraData = QStringLiteral("forwarded for bob.builder");
    first.request.headers.append(qMakePair(QByteArray("X-Forwarded-For"), QByteArray("198.18.7.7, 127.0.0.1")));
    first.request.headers.append(qMakePair(QByteArray("User-Agent"), QByteArray("ExoPlayer/2.19")));
    first.request.headers.append(qMakePair(QByteArray("Content-Length"), QByteArray::number(first.request.body.size())));

    Exchange second = Samples::numberedExchange(2);
    second.callback.user = QStringLiteral("bob.builder");
    second.callback.session = QStringLiteral("s-123");
    second.callback.remoteAddr = QStringLiteral("198.18.7.7");
    second.callback.userAgent = QStringLiteral("Shaka/4.3");
    second.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    second.request.body = "user=bob.builder&session=s-123&note=mail%20me%20at%20bob.builder";

    Exchange third = Samples::numberedExchange(3);
    third.callback.user = QStringLiteral("carol@example.test");
    third.request.body = "user=carol%40example.test&asset=x";

    QList<StoredExchange> exchanges{StoredExchange::fromExchange(first), StoredExchange::fromExchange(second),
                                    StoredExchange::fromExchange(third)};
    Redactor redactor;
    for (const StoredExchange &stored : exchanges)
        redactor.collect(stored);
    QByteArray file;
    for (StoredExchange &stored : exchanges) {
        redactor.apply(stored);
        file += JsonLinesFormat::toLine(stored);
    }

    for (const char *secret : {"alice", "s-123", "203.0.113.7", "198.51.100.20", "198.18.7.7", "Shaka", "ExoPlayer",
                               "bob.builder", "carol", "u-1\"", "\"s-1\""})
        QVERIFY2(!file.contains(secret), qPrintable(secret + QStringLiteral(" in ...")
                                                    + QString::fromUtf8(file.mid(file.indexOf(secret) - 80, 160))));

    const Exchange &a = exchanges.at(0).exchange;
    const Exchange &b = exchanges.at(1).exchange;
    const Exchange &c = exchanges.at(2).exchange;
    QCOMPARE(a.callback.user, QStringLiteral("user-1"));
    QCOMPARE(a.callback.session, b.callback.session);
    QCOMPARE(a.callback.userAgent, b.callback.userAgent);
    QVERIFY(a.callback.extraData.contains(b.callback.user));
    QVERIFY(b.request.body.contains("user=" + b.callback.user.toUtf8()));
    QVERIFY(b.request.body.contains("note=mail%20me%20at%20" + b.callback.user.toUtf8()));
    QVERIFY(c.request.body.startsWith("user=" + c.callback.user.toUtf8() + "&asset=x"));
    QCOMPARE(a.callback.remoteAddr, QStringLiteral("192.0.2.1"));
    QVERIFY(a.request.peerAddress.startsWith("::ffff:192.0.2."));
    QCOMPARE(b.callback.remoteAddr, headerValue(a.request.headers, "X-Forwarded-For").split(',').first());
    QVERIFY(headerValue(a.request.headers, "X-Forwarded-For").endsWith(", 127.0.0.1"));
    QVERIFY(headerValue(a.request.headers, "User-Agent").startsWith("ua-"));
    QCOMPARE(headerValue(a.request.headers, "Content-Length"), QByteArray::number(a.request.body.size()));
    QVERIFY(a.request.target.contains("requestMetadata[remoteAddr]=192.0.2.1"));

    const QJsonObject customData =
        QJsonDocument::fromJson(QByteArray::fromBase64(headerValue(a.request.headers, "custom-data"))).object();
    QVERIFY(customData.value("userId").toString().startsWith("user-"));
    QVERIFY(customData.value("sessionId").toString().startsWith("session-"));
    QCOMPARE(a.callback.fields.value("user").toString(), a.callback.user);
    QCOMPARE(a.callback.fields.value("requestMetadata").toObject().value("remoteAddr").toString(),
             a.callback.remoteAddr);
}

void TestExportFormats::redactionKeepsNeighbours()
{
    Redactor redactor;
    QCOMPARE(redactor.placeholder(Redactor::Kind::User, "bob_7"), QStringLiteral("user-1"));
    QCOMPARE(redactor.placeholder(Redactor::Kind::Session, "json"), QStringLiteral("session-1"));
    QCOMPARE(redactor.placeholder(Redactor::Kind::Ip, "10.0.0.1"), QStringLiteral("192.0.2.1"));
    QCOMPARE(redactor.placeholder(Redactor::Kind::Ip, "::ffff:10.0.0.1"), QStringLiteral("192.0.2.1"));
    QCOMPARE(redactor.placeholder(Redactor::Kind::Ip, "2001:db8:1::5"), QStringLiteral("2001:db8::2"));
    QCOMPARE(redactor.placeholder(Redactor::Kind::Ip, "127.0.0.1"), QStringLiteral("127.0.0.1"));
    QCOMPARE(redactor.redactBytes("bob_7 bob_7x bob_7.x xbob_7 10.0.0.1 10.0.0.12 10.0.0.1.5 v10.0.0.1"),
             QByteArray("user-1 bob_7x user-1.x xbob_7 192.0.2.1 10.0.0.12 10.0.0.1.5 v10.0.0.1"));
    // A value that could be an ordinary word is not replaced in free text.
    QCOMPARE(redactor.redactBytes("application/json"), QByteArray("application/json"));
    // A placeholder written for one value is never taken for another.
    QCOMPARE(redactor.placeholder(Redactor::Kind::Ip, "192.0.2.1"), QStringLiteral("192.0.2.3"));
    QCOMPARE(redactor.redactBytes("10.0.0.1 192.0.2.1"), QByteArray("192.0.2.1 192.0.2.3"));
}

// Values under personal field names are replaced whole in JSON, forms, malformed
// JSON and invalid UTF-8, even when a user id is "1". Numbers, keys and protocol headers stay.
void TestExportFormats::redactionFollowsStructure()
{
    const HttpHeaders jsonType{{"Content-Type", "application/json"}};
    const QByteArray crt = R"({"payload":{"allowRoot":1,"keyExpireTime":60,"hdcpLevel":"Disable HDCP"}})";
    auto make = [&](const QByteArray &body, const QString &user, const QString &session) {
        Exchange exchange = Samples::numberedExchange(1);
        exchange.request.headers = jsonType;
        exchange.request.body = body;
        exchange.callback = CallbackFields();
        exchange.callback.user = user;
        exchange.callback.session = session;
        exchange.response.headers = jsonType;
        exchange.response.body = crt;
        return StoredExchange::fromExchange(exchange);
    };
    QList<StoredExchange> exchanges{
        make(R"({"asset":"a1","user":"1","session":"application","requestMetadata":{"userAgent":"Shaka/4.3"},)"
             R"("n":1,"note":"v1"})",
             QStringLiteral("1"), QStringLiteral("application")),
        make("asset=a&user=bob&session=abc+def/ghi==", QStringLiteral("bob"), QStringLiteral("abc def/ghi==")),
        make(R"({"asset":"malformed","user":"mal_user",)", QString(), QString()),
        make("{\"user\":\"u\xff\xfeser\",\"session\":\"s-\xc3(\"}", QStringLiteral("u\uFFFD\uFFFDser"),
             QStringLiteral("s-\uFFFD(")),
        make(R"({"asset":"movie-7","user":12345678,"session":"Disable"})", QStringLiteral("12345678"),
             QStringLiteral("Disable")),
        make("asset=application&user=true&session=HDCP", QStringLiteral("true"), QStringLiteral("HDCP")),
        make(R"({"asset":"asset-json-1","user":"application","session":"true","flag":true})",
             QStringLiteral("application"), QStringLiteral("true")),
    };
    for (StoredExchange &stored : exchanges)
        stored.exchange.callback.fields = QJsonDocument::fromJson(stored.exchange.request.body).object();
    exchanges[1].exchange.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    exchanges[5].exchange.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};

    Redactor redactor;
    for (const StoredExchange &stored : exchanges)
        redactor.collect(stored);
    for (StoredExchange &stored : exchanges)
        redactor.apply(stored);

    const Exchange &json = exchanges.at(0).exchange;
    QCOMPARE(json.response.body, crt);
    QCOMPARE(headerValue(json.request.headers, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(headerValue(json.response.headers, "Content-Type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(json.request.body).object();
    QVERIFY2(!body.isEmpty(), json.request.body.constData());
    QCOMPARE(body.value("user").toString(), json.callback.user);
    QVERIFY(json.callback.user.startsWith("user-"));
    QVERIFY(body.value("session").toString().startsWith("session-"));
    QVERIFY(body.value("requestMetadata").toObject().value("userAgent").toString().startsWith("ua-"));
    QCOMPARE(body.value("n").toInt(), 1);
    QCOMPARE(body.value("note").toString(), QStringLiteral("v1"));
    QCOMPARE(body.value("asset").toString(), QStringLiteral("a1"));

    const Exchange &form = exchanges.at(1).exchange;
    QCOMPARE(form.request.body, "asset=a&user=" + form.callback.user.toUtf8() + "&session=" + form.callback.session.toUtf8());
    QVERIFY(form.callback.session.startsWith("session-"));

    const Exchange &malformed = exchanges.at(2).exchange;
    QVERIFY2(!malformed.request.body.contains("mal_user"), malformed.request.body.constData());
    QVERIFY(malformed.request.body.startsWith(R"({"asset":"malformed","user":"user-)"));

    const Exchange &invalid = exchanges.at(3).exchange;
    QVERIFY(invalid.callback.user.startsWith("user-"));
    QCOMPARE(invalid.request.body,
             "{\"user\":\"" + invalid.callback.user.toUtf8() + "\",\"session\":\"" + invalid.callback.session.toUtf8() + "\"}");

    // A number under a personal name is replaced, in the body and the fields.
    const Exchange &number = exchanges.at(4).exchange;
    QVERIFY(number.callback.user.startsWith("user-"));
    QCOMPARE(number.request.body, R"({"asset":"movie-7","user":")" + number.callback.user.toUtf8() + R"(","session":")"
                                      + number.callback.session.toUtf8() + R"("})");
    QCOMPARE(number.callback.fields.value("user").toString(), number.callback.user);

    // Sessions "Disable" and "HDCP" and values "application", "true" and
    // "json" change only where they are a user or a session.
    for (const StoredExchange &stored : exchanges)
        QCOMPARE(stored.exchange.response.body, crt);
    const Exchange &form2 = exchanges.at(5).exchange;
    QCOMPARE(form2.request.body, "asset=application&user=" + form2.callback.user.toUtf8() + "&session="
                                     + form2.callback.session.toUtf8());
    const Exchange &words = exchanges.at(6).exchange;
    QVERIFY(words.callback.session.startsWith("session-"));
    QVERIFY(form2.callback.user.startsWith("user-"));
    QVERIFY(words.request.body.startsWith(R"({"asset":"asset-json-1","user":"user-)"));
    QVERIFY(words.request.body.endsWith(R"(","flag":true})"));
}

QTEST_GUILESS_MAIN(TestExportFormats)
#include "tst_exportformats.moc"
