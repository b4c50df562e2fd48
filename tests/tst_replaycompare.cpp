// Replay without sockets: the JSON diff, comparing responses with
// expectations, the suite format and reading HAR and JSON Lines captures.
#include "harformat.h"
#include "jsondiff.h"
#include "jsontext.h"
#include "jsonlinesformat.h"
#include "junitreport.h"
#include "replayrequest.h"
#include "replaysuite.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

class TestReplayCompare : public QObject
{
    Q_OBJECT

private slots:
    void diff_data();
    void diff();
    void diffOfNonJsonBodies();
    void diffText();
    void memberTextAsSent();
    void rewriteValuesKeepsKeys();
    void indentKeepsOrder_data();
    void indentKeepsOrder();
    void evaluate_data();
    void evaluate();
    void budget_data();
    void budget();
    void parity();
    void suiteRoundTrip();
    void suiteErrors_data();
    void suiteErrors();
    void suiteSyntaxErrorOffset();
    void sniff_data();
    void sniff();
    void harSource();
    void jsonLinesSource();
    void jsonLinesErrorLine();
    void exchangeSource();
    void optionsValidation_data();
    void optionsValidation();
    void junitXml();
};

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

QStringList describe(const JsonDiff &diff)
{
    QStringList lines;
    for (const JsonChange &change : diff.changes()) {
        char kind = '~';
        if (change.kind == JsonChange::Kind::Added)
            kind = '+';
        else if (change.kind == JsonChange::Kind::Removed)
            kind = '-';
        lines.append(QLatin1Char(kind) + change.path);
    }
    return lines;
}

QByteArray writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return QByteArray();
    file.write(content);
    return dir.filePath(name).toUtf8();
}

const QByteArray AllowBody = R"({"payload":{"allowRoot":1,"hdcpLevel":"Disable HDCP","keyExpireTime":60,"securityLevel":1,"storeLicense":true,"storeLicenseTime":300}})";

} // namespace

void TestReplayCompare::diff_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QStringList>("changes");

    QTest::addRow("equal objects, other key order") << R"({"a":1,"b":{"c":[1,2]}})" << R"({"b":{"c":[1,2]},"a":1})" << QStringList();
    QTest::addRow("one value changed") << R"({"payload":{"hdcpLevel":"HDCP v2.2"}})" << R"({"payload":{"hdcpLevel":"HDCP v1.x"}})"
                                       << QStringList{"~payload.hdcpLevel"};
    QTest::addRow("misspelt key is removed and added")
        << R"({"payload":{"storeLicense":true}})" << R"({"payload":{"storeLicence":true}})"
        << QStringList{"+payload.storeLicence", "-payload.storeLicense"};
    QTest::addRow("number equals fraction-free double") << R"({"a":1})" << R"({"a":1.0})" << QStringList();
    QTest::addRow("number against string") << R"({"a":60})" << R"({"a":"60"})" << QStringList{"~a"};
    QTest::addRow("type change object to array") << R"({"a":{}})" << R"({"a":[]})" << QStringList{"~a"};
    QTest::addRow("array grows") << R"([1,2])" << R"([1,2,3])" << QStringList{"+[2]"};
    QTest::addRow("array shrinks") << R"([1,2,3])" << R"([1])" << QStringList{"-[1]", "-[2]"};
    QTest::addRow("nested arrays of objects") << R"({"x":[{"y":1},{"y":2}]})" << R"({"x":[{"y":1},{"y":3}]})" << QStringList{"~x[1].y"};
    QTest::addRow("keys needing quotes") << R"({"a.b":1,"c d":{"e":1}})" << R"({"a.b":2,"c d":{"e":2}})"
                                         << QStringList{"~[\"a.b\"]", "~[\"c d\"].e"};
    QTest::addRow("null against missing") << R"({"a":null})" << R"({})" << QStringList{"-a"};
    QTest::addRow("root scalar") << R"("x")" << R"("y")" << QStringList{"~"};
}

void TestReplayCompare::diff()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QStringList, changes);

    const JsonDiff diff = JsonDiff::compareBodies(before.toUtf8(), after.toUtf8());
    QCOMPARE(describe(diff), changes);
    QCOMPARE(diff.isEmpty(), changes.isEmpty());
}

void TestReplayCompare::diffOfNonJsonBodies()
{
    const JsonDiff same = JsonDiff::compareBodies("not json", "not json");
    QVERIFY(same.isEmpty());

    const JsonDiff changed = JsonDiff::compareBodies("denied", "<html>error</html>");
    QCOMPARE(changed.changes().size(), 1);
    QCOMPARE(changed.changes().first().kind, JsonChange::Kind::Changed);
    QCOMPARE(changed.changes().first().after.toString(), QStringLiteral("<html>error</html>"));

    const JsonDiff added = JsonDiff::compareBodies(QByteArray(), AllowBody);
    QCOMPARE(added.changes().size(), 1);
    QCOMPARE(added.changes().first().kind, JsonChange::Kind::Added);

    const JsonDiff removed = JsonDiff::compareBodies(AllowBody, QByteArray());
    QCOMPARE(removed.changes().first().kind, JsonChange::Kind::Removed);
}

void TestReplayCompare::diffText()
{
    const JsonDiff diff = JsonDiff::compare(json(R"({"payload":{"hdcpLevel":"HDCP v2.2","storeLicense":true}})"),
                                            json(R"({"payload":{"hdcpLevel":"HDCP v1.x","storeLicence":true}})"));
    QCOMPARE(diff.toText(), QStringLiteral("~ payload.hdcpLevel: \"HDCP v2.2\" -> \"HDCP v1.x\"\n"
                                           "+ payload.storeLicence: true\n"
                                           "- payload.storeLicense: true"));

    const JsonDiff longValue = JsonDiff::compare(json(R"({"a":"0123456789"})"), json(R"({"a":"x"})"));
    QCOMPARE(longValue.toText(5), QStringLiteral("~ a: \"0123") + QChar(0x2026) + QStringLiteral(" -> \"x\""));
}

void TestReplayCompare::indentKeepsOrder_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("expected");
    QTest::addRow("keys in sent order") << QByteArray(R"({"z":1,"a":[true,null]})")
                                        << QByteArray("{\n    \"z\": 1,\n    \"a\": [\n        true,\n        null\n    ]\n}\n");
    QTest::addRow("empty containers") << QByteArray(R"( { "o" : { } , "a" : [ ] } )")
                                      << QByteArray("{\n    \"o\": {},\n    \"a\": []\n}\n");
    QTest::addRow("brackets and escapes in strings")
        << QByteArray(R"(["{a:[1,2]}","q\"}\\",  "\u00e9 ngư"])")
        << QByteArray("[\n    \"{a:[1,2]}\",\n    \"q\\\"}\\\\\",\n    \"\\u00e9 ngư\"\n]\n");
    QTest::addRow("scalar") << QByteArray(" 2.50e3 ") << QByteArray("2.50e3\n");
}

void TestReplayCompare::memberTextAsSent()
{
    const QByteArray json = R"({ "a" : "x,}" , "n":{"extraData":1}, "extraData" : [1, {"b":2}] ,"last":-2.50e1 })";
    QCOMPARE(JsonText::memberText(json, "a"), QByteArrayView("\"x,}\""));
    QCOMPARE(JsonText::memberText(json, "extraData"), QByteArrayView(R"([1, {"b":2}])"));
    QCOMPARE(JsonText::memberText(json, "last"), QByteArrayView("-2.50e1"));
    QCOMPARE(JsonText::memberText(json, "n"), QByteArrayView(R"({"extraData":1})"));
    QVERIFY(JsonText::memberText(json, "b").isNull());
    QVERIFY(JsonText::memberText(json, "missing").isNull());
}

void TestReplayCompare::rewriteValuesKeepsKeys()
{
    QStringList seen;
    const auto mark = [&seen](const QByteArray &key, const QByteArray &raw) {
        seen.append(QString::fromUtf8(key + '=' + raw));
        return key == "user" ? QByteArray("U") : raw;
    };
    const QByteArray json = R"({"user": 7, "list":["user",true], "n":-1.5, "user":"a\"b", "x":"cut\")";
    QCOMPARE(JsonText::rewriteValues(json, mark), QByteArray(R"({"user": "U", "list":["user",true], "n":-1.5, "user":"U", "x":"cut\")"));
    QCOMPARE(seen, (QStringList{"user=7", "=user", "n=-1.5", "user=a\\\"b", "x=cut\\\""}));
}

void TestReplayCompare::indentKeepsOrder()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, expected);
    const QByteArray indented = JsonText::indented(json);
    QCOMPARE(indented, expected);
    QCOMPARE(QJsonDocument::fromJson(indented), QJsonDocument::fromJson(json));
}

void TestReplayCompare::evaluate_data()
{
    QTest::addColumn<int>("source");
    QTest::addColumn<int>("expectedDecision");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QByteArray>("expectedBody");
    QTest::addColumn<QString>("expectedCrt");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("contractCheck");
    QTest::addColumn<QStringList>("mismatches");

    const int recorded = int(ExpectationSource::Recorded);
    const int manual = int(ExpectationSource::Manual);
    const int none = int(ExpectationSource::None);
    const int allow = int(Decision::Allow);
    const int deny = int(Decision::Deny);
    const int warnings = int(ContractCheck::Warnings);
    const int errors = int(ContractCheck::Errors);
    const int off = int(ContractCheck::Off);
    const QByteArray denyBody = R"({"error":"denied","asset":"a","reason":"asset is set to deny"})";
    const QByteArray noBody;

    QTest::addRow("recorded allow matches") << recorded << allow << 200 << AllowBody << "" << 200 << AllowBody << warnings << QStringList();
    QTest::addRow("recorded allow, now denied") << recorded << allow << 200 << AllowBody << "" << 403 << denyBody << warnings
                                                << QStringList{"status", "decision", "body"};
    QTest::addRow("recorded 403, now 401: status only") << recorded << deny << 403 << denyBody << "" << 401 << denyBody << warnings
                                                        << QStringList{"status"};
    QTest::addRow("recorded CRT changed") << recorded << allow << 200 << AllowBody << ""
                                          << 200 << QByteArray(AllowBody).replace("Disable HDCP", "HDCP v2.2") << warnings
                                          << QStringList{"body"};
    QTest::addRow("201 is a refusal") << manual << allow << 0 << noBody << "" << 201 << noBody << warnings << QStringList{"decision"};
    QTest::addRow("manual deny, any status") << manual << deny << 0 << noBody << "" << 404 << noBody << warnings << QStringList();
    QTest::addRow("manual deny with status") << manual << deny << 403 << noBody << "" << 451 << noBody << warnings << QStringList{"status"};
    QTest::addRow("manual CRT subset matches") << manual << allow << 200 << noBody << R"({"hdcpLevel":"Disable HDCP"})"
                                               << 200 << AllowBody << warnings << QStringList();
    QTest::addRow("manual CRT value differs") << manual << allow << 200 << noBody << R"({"securityLevel":4})"
                                              << 200 << AllowBody << warnings << QStringList{"crt"};
    QTest::addRow("manual CRT field missing") << manual << allow << 0 << noBody << R"({"playDuration":10})"
                                              << 200 << AllowBody << warnings << QStringList{"crt"};
    QTest::addRow("misspelt CRT field is a contract warning")
        << manual << allow << 200 << noBody << "" << 200 << QByteArray(R"({"payload":{"storeLicence":true}})") << warnings
        << QStringList{"contract"};
    QTest::addRow("misspelt field passes when only errors count")
        << manual << allow << 200 << noBody << "" << 200 << QByteArray(R"({"payload":{"storeLicence":true}})") << errors
        << QStringList();
    QTest::addRow("invalid hdcpLevel is a contract error")
        << manual << allow << 200 << noBody << "" << 200 << QByteArray(R"({"payload":{"hdcpLevel":"HDCP v9"}})") << errors
        << QStringList{"contract"};
    QTest::addRow("contract off") << manual << allow << 200 << noBody << "" << 200 << QByteArray(R"({"payload":{"hdcpLevel":"HDCP v9"}})")
                                  << off << QStringList();
    QTest::addRow("200 with a body that is not JSON") << manual << allow << 200 << noBody << "" << 200 << QByteArray("OK") << errors
                                                      << QStringList{"contract"};
    QTest::addRow("no expectation, any answer") << none << allow << 0 << noBody << "" << 500 << QByteArray("boom") << warnings
                                                << QStringList();
    QTest::addRow("no expectation, contract still checked")
        << none << allow << 0 << noBody << "" << 200 << QByteArray(R"({"payload":{"keyExpireTime":-1}})") << warnings
        << QStringList{"contract"};
}

void TestReplayCompare::evaluate()
{
    QFETCH(int, source);
    QFETCH(int, expectedDecision);
    QFETCH(int, expectedStatus);
    QFETCH(QByteArray, expectedBody);
    QFETCH(QString, expectedCrt);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(int, contractCheck);
    QFETCH(QStringList, mismatches);

    ReplayExpectation expect;
    expect.source = ExpectationSource(source);
    expect.decision = Decision(expectedDecision);
    expect.status = expectedStatus;
    if (expect.source == ExpectationSource::Recorded)
        expect.body = expectedBody;
    expect.crt = QJsonDocument::fromJson(expectedCrt.toUtf8()).object();

    ReplayOptions options;
    options.contractCheck = ContractCheck(contractCheck);
    ReplayResult result;
    result.status = status;
    result.responseBody = body;
    ReplayComparison::evaluate(expect, options, &result);

    QCOMPARE(result.mismatches, mismatches);
    QCOMPARE(result.outcome, mismatches.isEmpty() ? ReplayOutcome::Matched : ReplayOutcome::Differed);
    QCOMPARE(result.decision, status == 200 ? Decision::Allow : Decision::Deny);
    QCOMPARE(result.bodyDiff.isEmpty(), !mismatches.contains(QStringLiteral("body")) && !mismatches.contains(QStringLiteral("crt")));
}

void TestReplayCompare::budget_data()
{
    QTest::addColumn<int>("budgetMs");
    QTest::addColumn<bool>("strict");
    QTest::addColumn<qint64>("latencyMicros");
    QTest::addColumn<bool>("overBudget");
    QTest::addColumn<bool>("matched");

    QTest::addRow("no budget") << 0 << false << qint64(5000000) << false << true;
    QTest::addRow("under budget") << 100 << false << qint64(99000) << false << true;
    QTest::addRow("exactly at budget") << 100 << true << qint64(100000) << false << true;
    QTest::addRow("over budget is a finding") << 100 << false << qint64(100001) << true << true;
    QTest::addRow("over strict budget differs") << 100 << true << qint64(250000) << true << false;
}

void TestReplayCompare::budget()
{
    QFETCH(int, budgetMs);
    QFETCH(bool, strict);
    QFETCH(qint64, latencyMicros);
    QFETCH(bool, overBudget);
    QFETCH(bool, matched);

    ReplayOptions options;
    options.budgetMs = budgetMs;
    options.strictBudget = strict;
    ReplayResult result;
    result.status = 200;
    result.responseBody = AllowBody;
    result.latencyMicros = latencyMicros;
    ReplayComparison::evaluate(ReplayExpectation::manual(Decision::Allow), options, &result);

    QCOMPARE(result.overBudget, overBudget);
    QCOMPARE(result.outcome == ReplayOutcome::Matched, matched);
    const bool hasFinding = std::any_of(result.findings.cbegin(), result.findings.cend(),
                                        [](const Finding &finding) { return finding.code == QLatin1String("over-budget"); });
    QCOMPARE(hasFinding, overBudget);
    QCOMPARE(result.mismatches.contains(QStringLiteral("budget")), overBudget && strict);
}

void TestReplayCompare::parity()
{
    ReplayResult result;
    result.status = 200;
    result.responseBody = AllowBody;
    ReplayComparison::evaluate(ReplayExpectation::manual(Decision::Allow), ReplayOptions(), &result);
    QCOMPARE(result.outcome, ReplayOutcome::Matched);

    ParityCheck same;
    same.checked = true;
    same.encoding = CallbackEncoding::FormBracket;
    same.status = 200;
    same.decision = Decision::Allow;
    ReplayResult sameResult = result;
    ReplayComparison::applyParity(same, &sameResult);
    QCOMPARE(sameResult.outcome, ReplayOutcome::Matched);

    ParityCheck differs = same;
    differs.status = 400;
    differs.decision = Decision::Deny;
    ReplayResult differsResult = result;
    ReplayComparison::applyParity(differs, &differsResult);
    QCOMPARE(differsResult.outcome, ReplayOutcome::Differed);
    QCOMPARE(differsResult.mismatches, QStringList{"parity"});
    QCOMPARE(differsResult.findings.last().code, QStringLiteral("parity-differs"));

    ParityCheck failed = same;
    failed.error = ReplayError::Timeout;
    failed.errorMessage = QStringLiteral("no reply within 5 ms");
    ReplayResult failedResult = result;
    ReplayComparison::applyParity(failed, &failedResult);
    QCOMPARE(failedResult.mismatches, QStringList{"parity"});
    QCOMPARE(failedResult.findings.last().code, QStringLiteral("parity-error"));
}

void TestReplayCompare::suiteRoundTrip()
{
    ReplaySuite suite;
    suite.name = QStringLiteral("round trip");
    suite.options.target = QUrl(QStringLiteral("https://auth.example.test:8443/cb"));
    suite.options.concurrency = 32;
    suite.options.rate = 12.5;
    suite.options.timeoutMs = 750;
    suite.options.repeat = 3;
    suite.options.budgetMs = 200;
    suite.options.strictBudget = true;
    suite.options.parity = true;
    suite.options.insecure = true;
    suite.options.contractCheck = ContractCheck::Errors;
    suite.options.method = "PUT";
    suite.options.encoding = CallbackEncoding::FormDot;
    suite.options.headers = {{"X-Run", "7"}};

    ReplayRequest json;
    json.id = QStringLiteral("json allow");
    json.method = "POST";
    json.url = QUrl(QStringLiteral("http://127.0.0.1:8080/callback"));
    json.query = "trace=1&x=%20";
    json.headers = {{"Content-Type", "application/json"}};
    json.body = R"({"asset":"a","user":"u","session":"s"})";
    json.expect = ReplayExpectation::manual(Decision::Allow, 200, QJsonObject{{QStringLiteral("hdcpLevel"), QStringLiteral("HDCP v2.2")}});
    suite.requests.append(json);

    ReplayRequest binary;
    binary.id = QStringLiteral("binary body");
    binary.method = "PUT";
    binary.body = QByteArray("\xff\xfe\x00\x01", 4);
    binary.expect = ReplayExpectation::recorded(403, QByteArray("\x80 not utf-8", 11));
    suite.requests.append(binary);

    ReplayRequest unchecked;
    unchecked.id = QStringLiteral("no expectation");
    unchecked.method = "GET";
    unchecked.query = "asset=a&user=u&session=s";
    suite.requests.append(unchecked);

    const QByteArray saved = ReplaySuiteFormat::toJson(suite);
    ReplaySuite loaded;
    ReplayLoadError error;
    QVERIFY2(ReplaySuiteFormat::fromJson(saved, QStringLiteral("suite.json"), &loaded, &error), qPrintable(error.toString()));

    QCOMPARE(loaded.name, suite.name);
    QCOMPARE(loaded.options.target, suite.options.target);
    QCOMPARE(loaded.options.concurrency, 32);
    QCOMPARE(loaded.options.rate, 12.5);
    QCOMPARE(loaded.options.timeoutMs, 750);
    QCOMPARE(loaded.options.repeat, 3);
    QCOMPARE(loaded.options.budgetMs, 200);
    QVERIFY(loaded.options.strictBudget);
    QVERIFY(loaded.options.parity);
    QVERIFY(loaded.options.insecure);
    QCOMPARE(loaded.options.contractCheck, ContractCheck::Errors);
    QCOMPARE(loaded.options.method, QByteArray("PUT"));
    QCOMPARE(loaded.options.encoding, CallbackEncoding::FormDot);
    QCOMPARE(loaded.options.headers, suite.options.headers);

    QCOMPARE(loaded.requests.size(), 3);
    for (qsizetype i = 0; i < suite.requests.size(); ++i) {
        const ReplayRequest &a = suite.requests.at(i);
        const ReplayRequest &b = loaded.requests.at(i);
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.method, a.method);
        QCOMPARE(b.url, a.url);
        QCOMPARE(b.query, a.query);
        QCOMPARE(b.headers, a.headers);
        QCOMPARE(b.body, a.body);
        QCOMPARE(b.expect.source, a.expect.source);
        QCOMPARE(b.expect.status, a.expect.status);
        QCOMPARE(b.expect.body, a.expect.body);
        QCOMPARE(b.expect.crt, a.expect.crt);
        if (a.expect.source != ExpectationSource::None)
            QCOMPARE(b.expect.decision, a.expect.decision);
    }

    // Saved to disk and loaded back through the sniffing loader.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString message;
    QVERIFY2(ReplaySuiteFormat::save(dir.filePath(QStringLiteral("s.suite")), suite, &message), qPrintable(message));
    ReplaySuite reloaded;
    QVERIFY2(ReplayInput::loadFile(dir.filePath(QStringLiteral("s.suite")), &reloaded, &error), qPrintable(error.toString()));
    QCOMPARE(reloaded.requests.size(), 3);
}

void TestReplayCompare::suiteErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("fieldPath");
    QTest::addColumn<QString>("messagePart");

    const QString head = R"({"format":"callbacklab-replay-suite","version":1,)";
    QTest::addRow("not a suite") << R"({"log":{}})" << "format" << "not a replay suite";
    QTest::addRow("newer version") << R"({"format":"callbacklab-replay-suite","version":2,"requests":[]})" << "version" << "newer";
    QTest::addRow("version is text") << R"({"format":"callbacklab-replay-suite","version":"1","requests":[]})" << "version" << "whole number";
    QTest::addRow("requests missing") << head + R"("name":"x"})" << "requests" << "missing";
    QTest::addRow("unknown top-level key") << head + R"("request":[]})" << "request" << "unknown field";
    QTest::addRow("target not http") << head + R"("target":"ftp://h/","requests":[]})" << "target" << "http or https";
    QTest::addRow("concurrency too high") << head + R"("options":{"concurrency":1000},"requests":[]})" << "options.concurrency" << "1 to 256";
    QTest::addRow("concurrency fraction") << head + R"("options":{"concurrency":2.5},"requests":[]})" << "options.concurrency" << "whole number";
    QTest::addRow("negative rate") << head + R"("options":{"rate":-1},"requests":[]})" << "options.rate" << "at least 0";
    QTest::addRow("unknown encoding") << head + R"("options":{"encoding":"xml"},"requests":[]})" << "options.encoding" << "form-bracket";
    QTest::addRow("bad contract level") << head + R"("options":{"contract":"strict"},"requests":[]})" << "options.contract" << "warning";
    QTest::addRow("option method DELETE") << head + R"("options":{"method":"DELETE"},"requests":[]})" << "options.method" << "GET, POST or PUT";
    QTest::addRow("request not an object") << head + R"("requests":[{},3]})" << "requests[1]" << "JSON object";
    QTest::addRow("request key misspelt") << head + R"("requests":[{},{},{"methd":"POST"}]})" << "requests[2].methd" << "unknown field";
    QTest::addRow("method lowercase") << head + R"("requests":[{"method":"post"}]})" << "requests[0].method" << "capitals";
    QTest::addRow("header without name") << head + R"("requests":[{"headers":[{"value":"x"}]}]})" << "requests[0].headers[0].name" << "header name";
    QTest::addRow("header value with newline") << head + R"("requests":[{"headers":[{"name":"A","value":"x\ny"}]}]})"
                                               << "requests[0].headers[0].value" << "line breaks";
    QTest::addRow("headers not an array") << head + R"("requests":[{"headers":{"A":"b"}}]})" << "requests[0].headers" << "array";
    QTest::addRow("body and base64 both") << head + R"("requests":[{"body":"x","bodyBase64":"eA=="}]})" << "requests[0].bodyBase64" << "not both";
    QTest::addRow("invalid base64") << head + R"("requests":[{"bodyBase64":"***"}]})" << "requests[0].bodyBase64" << "base64";
    QTest::addRow("status out of range") << head + R"("requests":[{},{},{},{"expect":{"status":700}}]})" << "requests[3].expect.status" << "100 to 599";
    QTest::addRow("status as text") << head + R"("requests":[{"expect":{"status":"200"}}]})" << "requests[0].expect.status" << "whole number";
    QTest::addRow("decision misspelt") << head + R"("requests":[{"expect":{"decision":"alow"}}]})" << "requests[0].expect.decision" << "allow or deny";
    QTest::addRow("decision missing") << head + R"("requests":[{"expect":{"source":"manual"}}]})" << "requests[0].expect.decision" << "missing";
    QTest::addRow("status contradicts decision") << head + R"("requests":[{"expect":{"decision":"allow","status":403}}]})"
                                                 << "requests[0].expect.status" << "gives deny";
    QTest::addRow("unknown source") << head + R"("requests":[{"expect":{"source":"guess"}}]})" << "requests[0].expect.source" << "recorded";
    QTest::addRow("crt not an object") << head + R"("requests":[{"expect":{"decision":"allow","crt":[]}}]})" << "requests[0].expect.crt" << "JSON object";
    QTest::addRow("unknown expect key") << head + R"("requests":[{"expect":{"decision":"allow","stauts":200}}]})"
                                        << "requests[0].expect.stauts" << "unknown field";
}

void TestReplayCompare::suiteErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, fieldPath);
    QFETCH(QString, messagePart);

    ReplaySuite suite;
    suite.name = QStringLiteral("untouched");
    ReplayLoadError error;
    QVERIFY(!ReplaySuiteFormat::fromJson(json.toUtf8(), QStringLiteral("bad.json"), &suite, &error));
    QCOMPARE(error.fieldPath, fieldPath);
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    QCOMPARE(error.fileName, QStringLiteral("bad.json"));
    QVERIFY2(error.toString().startsWith(QStringLiteral("bad.json: ") + fieldPath + QStringLiteral(": ")), qPrintable(error.toString()));
    QCOMPARE(suite.name, QStringLiteral("untouched"));
}

void TestReplayCompare::suiteSyntaxErrorOffset()
{
    const QByteArray json = "{\"format\": \"callbacklab-replay-suite\",\n  \"version\": 1,\n  \"requests\": [,]\n}";
    ReplaySuite suite;
    ReplayLoadError error;
    QVERIFY(!ReplaySuiteFormat::fromJson(json, QStringLiteral("broken.json"), &suite, &error));
    // QJsonParseError::offset points just past the stray comma.
    QCOMPARE(error.offset, qint64(json.indexOf(",]") + 1));
    QCOMPARE(error.line, 3);
    QCOMPARE(error.column, 17);
    QVERIFY(error.fieldPath.isEmpty());
    QVERIFY2(error.toString().contains(QStringLiteral("line 3, column 17")), qPrintable(error.toString()));
}

void TestReplayCompare::sniff_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<int>("kind");

    const QByteArray suite = R"({"format":"callbacklab-replay-suite","version":1,"requests":[]})";
    const QByteArray har = R"({"log":{"version":"1.2","entries":[]}})";
    const QByteArray lines = "{\"request\":{}}\n{\"request\":{}}\n";
    QTest::addRow("suite by content, any name") << suite << "x.txt" << int(ReplayInputKind::Suite);
    QTest::addRow("suite content beats .har") << suite << "x.har" << int(ReplayInputKind::Suite);
    QTest::addRow("HAR by content") << har << "capture.json" << int(ReplayInputKind::Har);
    QTest::addRow("JSON Lines by content") << lines << "capture.txt" << int(ReplayInputKind::JsonLines);
    QTest::addRow("single JSON line") << QByteArray("{\"request\":{}}") << "one" << int(ReplayInputKind::JsonLines);
    QTest::addRow("broken HAR by extension") << QByteArray("{\"log\":") << "x.har" << int(ReplayInputKind::Har);
    QTest::addRow("broken lines by extension") << QByteArray("{oops\n") << "x.jsonl" << int(ReplayInputKind::JsonLines);
    QTest::addRow("ndjson extension") << QByteArray("{oops") << "x.ndjson" << int(ReplayInputKind::JsonLines);
    QTest::addRow("broken JSON by extension") << QByteArray("{,}") << "x.json" << int(ReplayInputKind::Suite);
    QTest::addRow("plain text") << QByteArray("hello") << "notes.txt" << int(ReplayInputKind::Unknown);
}

void TestReplayCompare::sniff()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, fileName);
    QFETCH(int, kind);
    QCOMPARE(int(ReplayInput::sniff(content, fileName)), kind);
}

namespace {

StoredExchange storedExchange(qint64 logId, const QByteArray &asset, int status, const QByteArray &responseBody)
{
    Exchange exchange;
    exchange.id = logId;
    exchange.request.method = "POST";
    exchange.request.target = "/cb?trace=1";
    exchange.request.httpVersion = "HTTP/1.1";
    exchange.request.headers = {{"Host", "127.0.0.1:9000"}, {"Content-Type", "application/json"}};
    exchange.request.body = R"({"asset":")" + asset + R"(","user":"u","session":"s"})";
    exchange.request.receivedAt = QDateTime::currentDateTimeUtc();
    exchange.response.status = status;
    exchange.response.headers = {{"Content-Type", "application/json"}};
    exchange.response.body = responseBody;
    exchange.decision = status == 200 ? Decision::Allow : Decision::Deny;
    StoredExchange stored = StoredExchange::fromExchange(exchange);
    stored.logId = logId;
    return stored;
}

} // namespace

void TestReplayCompare::harSource()
{
    // A HAR written by the export, and one as a browser writes it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray exported = HarFormat::document({storedExchange(5, "a", 200, AllowBody),
                                                     storedExchange(6, "blocked", 403, R"({"error":"denied"})")});
    const QString exportedName = QString::fromUtf8(writeFile(dir, QStringLiteral("export.json"), exported));

    ReplaySuite suite;
    ReplayLoadError error;
    QVERIFY2(ReplayInput::loadFile(exportedName, &suite, &error), qPrintable(error.toString()));
    QCOMPARE(suite.requests.size(), 2);
    const ReplayRequest &first = suite.requests.at(0);
    QCOMPARE(first.id, QStringLiteral("exchange 5"));
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.url, QUrl(QStringLiteral("http://127.0.0.1:9000/cb")));
    QCOMPARE(first.query, QByteArray("trace=1"));
    QCOMPARE(first.body, QByteArray(R"({"asset":"a","user":"u","session":"s"})"));
    QCOMPARE(first.expect.source, ExpectationSource::Recorded);
    QCOMPARE(first.expect.status, 200);
    QCOMPARE(first.expect.decision, Decision::Allow);
    QCOMPARE(first.expect.body, AllowBody);
    QCOMPARE(suite.requests.at(1).expect.decision, Decision::Deny);
    QCOMPARE(suite.requests.at(1).expect.status, 403);

    const QByteArray browser = R"({"log":{"version":"1.2","creator":{"name":"browser","version":"1"},"entries":[
      {"startedDateTime":"2026-12-04T10:00:00.000Z","time":1,
       "request":{"method":"POST","url":"http://127.0.0.1:8080/cb","httpVersion":"HTTP/1.1","cookies":[],"queryString":[],
                  "headers":[{"name":"Content-Type","value":"application/json"}],"headersSize":-1,"bodySize":38,
                  "postData":{"mimeType":"application/json","text":"{\"asset\":\"a\",\"user\":\"u\",\"session\":\"s\"}"}},
       "response":{"status":200,"statusText":"OK","httpVersion":"HTTP/1.1","cookies":[],"headers":[],"redirectURL":"",
                   "headersSize":-1,"bodySize":14,"content":{"size":14,"mimeType":"application/json","text":"eyJwYXlsb2FkIjp7fX0=","encoding":"base64"}},
       "cache":{},"timings":{"send":0,"wait":1,"receive":0}}]}})";
    const QString browserName = QString::fromUtf8(writeFile(dir, QStringLiteral("browser.har"), browser));
    QVERIFY2(ReplayInput::loadFile(browserName, &suite, &error), qPrintable(error.toString()));
    QCOMPARE(suite.requests.size(), 1);
    QCOMPARE(suite.requests.first().id, QStringLiteral("entry 1"));
    QCOMPARE(suite.requests.first().expect.body, QByteArray(R"({"payload":{}})"));

    // An entry the importer cannot read names its path and fails the file.
    const QByteArray broken = R"({"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"http://h/"},"response":{"status":200}},{"request":{"method":"GET"}}]}})";
    const QString brokenName = QString::fromUtf8(writeFile(dir, QStringLiteral("broken.har"), broken));
    QVERIFY(!ReplayInput::loadFile(brokenName, &suite, &error));
    QVERIFY2(error.fieldPath.startsWith(QStringLiteral("log.entries[")), qPrintable(error.toString()));
    QVERIFY2(error.toString().startsWith(brokenName + QStringLiteral(": log.entries[")), qPrintable(error.toString()));
}

void TestReplayCompare::jsonLinesSource()
{
    StoredExchange cut = storedExchange(9, "c", 200, AllowBody);
    cut.responseBodyCut = true;
    cut.responseBodySize = 10000;
    const QByteArray lines = JsonLinesFormat::toLine(storedExchange(7, "a", 403, R"({"error":"denied"})"))
        + JsonLinesFormat::toLine(cut);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = QString::fromUtf8(writeFile(dir, QStringLiteral("capture.log"), lines));
    QCOMPARE(ReplayInput::sniff(lines, fileName), ReplayInputKind::JsonLines);

    ReplaySuite suite;
    ReplayLoadError error;
    QVERIFY2(ReplayInput::loadFile(fileName, &suite, &error), qPrintable(error.toString()));
    QCOMPARE(suite.requests.size(), 2);

    const ReplayRequest &first = suite.requests.at(0);
    QCOMPARE(first.id, QStringLiteral("exchange 7"));
    QCOMPARE(first.method, QByteArray("POST"));
    QCOMPARE(first.url.path(), QStringLiteral("/cb"));
    QCOMPARE(first.query, QByteArray("trace=1"));
    QCOMPARE(headerValue(first.headers, "Content-Type"), QByteArray("application/json"));
    QCOMPARE(first.expect.status, 403);
    QCOMPARE(first.expect.body, QByteArray(R"({"error":"denied"})"));

    // A response body cut in the log is not compared.
    QCOMPARE(suite.requests.at(1).expect.status, 200);
    QVERIFY(!suite.requests.at(1).expect.body.has_value());

    // A single exchange line is JSON Lines too.
    const QByteArray one = JsonLinesFormat::toLine(storedExchange(8, "b", 200, AllowBody));
    QCOMPARE(ReplayInput::sniff(one, QStringLiteral("one")), ReplayInputKind::JsonLines);
}

void TestReplayCompare::jsonLinesErrorLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray good = JsonLinesFormat::toLine(storedExchange(1, "a", 200, AllowBody));
    const QString syntax = QString::fromUtf8(
        writeFile(dir, QStringLiteral("syntax.jsonl"), good + good + "{\"request\": oops}\n"));
    ReplaySuite suite;
    ReplayLoadError error;
    QVERIFY(!ReplayInput::loadFile(syntax, &suite, &error));
    QCOMPARE(error.line, 3);
    QVERIFY2(error.toString().contains(QStringLiteral("line 3")), qPrintable(error.toString()));

    // A request body cut when it was logged, or one that never arrived,
    // cannot be replayed as sent: the request is loaded and marked.
    StoredExchange cut = storedExchange(2, "a", 200, AllowBody);
    cut.requestBodyCut = true;
    cut.requestBodySize = 5000;
    StoredExchange missing = storedExchange(3, "a", 413, AllowBody);
    missing.exchange.request.headers.append({QByteArray("Content-Length"), QByteArray("900")});
    missing.exchange.request.body.clear();
    const QString cutName = QString::fromUtf8(writeFile(
        dir, QStringLiteral("cut.jsonl"), good + JsonLinesFormat::toLine(cut) + JsonLinesFormat::toLine(missing)));
    QVERIFY2(ReplayInput::loadFile(cutName, &suite, &error), qPrintable(error.toString()));
    QCOMPARE(suite.requests.size(), 3);
    QVERIFY(suite.requests.at(0).unsendable.isEmpty());
    QVERIFY2(suite.requests.at(1).unsendable.contains(QStringLiteral("cut")),
             qPrintable(suite.requests.at(1).unsendable));
    QVERIFY2(suite.requests.at(2).unsendable.contains(QStringLiteral("never arrived")),
             qPrintable(suite.requests.at(2).unsendable));
    QCOMPARE(suite.requests.at(1).origin, QStringLiteral("cut.jsonl line 2"));
}

void TestReplayCompare::exchangeSource()
{
    Exchange exchange;
    exchange.id = 42;
    exchange.request.method = "POST";
    exchange.request.target = "/cb?trace=1";
    exchange.request.headers = {{"Host", "127.0.0.1:9000"}, {"Content-Type", "application/json"}};
    exchange.request.body = R"({"asset":"a","user":"u","session":"s"})";
    exchange.response.status = 200;
    exchange.response.body = AllowBody;

    const ReplayRequest request = ReplayRequest::fromExchange(exchange);
    QCOMPARE(request.id, QStringLiteral("exchange 42"));
    QCOMPARE(request.url, QUrl(QStringLiteral("http://127.0.0.1:9000/cb")));
    QCOMPARE(request.query, QByteArray("trace=1"));
    QCOMPARE(request.body, exchange.request.body);
    QCOMPARE(request.expect.source, ExpectationSource::Recorded);
    QCOMPARE(request.expect.body, AllowBody);
    QCOMPARE(request.toRawRequest().target, QByteArray("/cb?trace=1"));

    exchange.outcome = DeliveryOutcome::ClosedByRule;
    QCOMPARE(ReplayRequest::fromExchange(exchange).expect.source, ExpectationSource::None);
}

void TestReplayCompare::optionsValidation_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("valid defaults") << "" << "";
    QTest::addRow("concurrency 0") << "concurrency" << "1 to 256";
    QTest::addRow("timeout 0") << "timeout" << "timeout";
    QTest::addRow("repeat 0") << "repeat" << "repeat";
    QTest::addRow("negative rate") << "rate" << "rate";
    QTest::addRow("ftp target") << "target" << "target";
    QTest::addRow("DELETE method") << "method" << "GET, POST or PUT";
}

void TestReplayCompare::optionsValidation()
{
    QFETCH(QString, field);
    QFETCH(QString, messagePart);

    ReplayOptions options;
    if (field == QLatin1String("concurrency"))
        options.concurrency = 0;
    else if (field == QLatin1String("timeout"))
        options.timeoutMs = 0;
    else if (field == QLatin1String("repeat"))
        options.repeat = 0;
    else if (field == QLatin1String("rate"))
        options.rate = -2;
    else if (field == QLatin1String("target"))
        options.target = QUrl(QStringLiteral("ftp://h/"));
    else if (field == QLatin1String("method"))
        options.method = "DELETE";

    const QString message = options.validate();
    QCOMPARE(message.isEmpty(), messagePart.isEmpty());
    QVERIFY2(message.contains(messagePart), qPrintable(message));
}

void TestReplayCompare::junitXml()
{
    ReplayResult matched;
    matched.requestId = QStringLiteral("ok");
    matched.outcome = ReplayOutcome::Matched;
    matched.latencyMicros = 1500;

    ReplayResult differed;
    differed.requestId = QStringLiteral("changed CRT");
    differed.method = "POST";
    differed.status = 200;
    differed.responseBody = R"({"payload":{"hdcpLevel":"HDCP v1.x"}})";
    ReplayExpectation expect = ReplayExpectation::recorded(200, R"({"payload":{"hdcpLevel":"HDCP v2.2"}})");
    ReplayComparison::evaluate(expect, ReplayOptions(), &differed);

    ReplayResult failed;
    failed.requestId = QStringLiteral("gone");
    failed.iteration = 1;
    failed.outcome = ReplayOutcome::Error;
    failed.error = ReplayError::Redirect;
    failed.errorMessage = QStringLiteral("redirect (302) to /elsewhere\x01");
    failed.location = "/elsewhere";

    ReplayFileReport first{QStringLiteral("a.json"), {matched, differed}, 20, QDateTime::currentDateTimeUtc()};
    ReplayFileReport second{QStringLiteral("b.har"), {failed}, 5, QDateTime()};
    const QByteArray xml = JUnitReport::toXml({first, second});

    QXmlStreamReader reader(xml);
    QStringList suites;
    QStringList cases;
    QString failureText;
    QString errorType;
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        if (reader.name() == QLatin1String("testsuite")) {
            suites.append(reader.attributes().value(QStringLiteral("name")).toString() + QLatin1Char(':')
                          + reader.attributes().value(QStringLiteral("tests")).toString() + QLatin1Char(':')
                          + reader.attributes().value(QStringLiteral("failures")).toString() + QLatin1Char(':')
                          + reader.attributes().value(QStringLiteral("errors")).toString());
        } else if (reader.name() == QLatin1String("testcase")) {
            cases.append(reader.attributes().value(QStringLiteral("name")).toString());
        } else if (reader.name() == QLatin1String("failure")) {
            failureText = reader.readElementText();
        } else if (reader.name() == QLatin1String("error")) {
            errorType = reader.attributes().value(QStringLiteral("type")).toString();
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QCOMPARE(suites, (QStringList{"a.json:2:1:0", "b.har:1:0:1"}));
    QCOMPARE(cases, (QStringList{"ok", "changed CRT", "gone (repeat 2)"}));
    QVERIFY2(failureText.contains(QStringLiteral("~ payload.hdcpLevel: \"HDCP v2.2\" -> \"HDCP v1.x\"")), qPrintable(failureText));
    QCOMPARE(errorType, QStringLiteral("redirect"));
}

QTEST_GUILESS_MAIN(TestReplayCompare)
#include "tst_replaycompare.moc"
