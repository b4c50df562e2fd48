// `callbacklab replay` as a user runs it: the built binary against
// `callbacklab serve` on loopback, checking exit codes, the summary and the
// JUnit and JSON reports.
#include "responsesettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

class TestReplayCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void allMatchedExitsZero();
    void differedExitsOneWithJUnit();
    void capturesAsInput();
    void unreachableTargetExitsOne();
    void usageErrors_data();
    void usageErrors();

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    Run replay(const QStringList &arguments);
    QString write(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    QProcess m_serve;
    QString m_url;
};

namespace {

const QString Binary = QStringLiteral(CALLBACKLAB_BINARY);

QByteArray request(const QByteArray &id, const QByteArray &asset, const QByteArray &expect)
{
    return R"({"id":")" + id + R"(","method":"POST","headers":[{"name":"Content-Type","value":"application/json"}],"body":"{\"asset\":\")"
        + asset + R"(\",\"user\":\"u\",\"session\":\"s\"}","expect":)" + expect + "}";
}

QByteArray suite(const QList<QByteArray> &requests, const QByteArray &extra = QByteArray())
{
    QByteArray joined;
    for (const QByteArray &item : requests)
        joined += (joined.isEmpty() ? "" : ",") + item;
    return R"({"format":"callbacklab-replay-suite","version":1,)" + extra + R"("requests":[)" + joined + "]}";
}

struct JUnitCounts
{
    QStringList suites;   // name:tests:failures:errors
    QStringList failures; // failure texts
};

JUnitCounts readJUnit(const QString &fileName)
{
    JUnitCounts counts;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return counts;
    QXmlStreamReader reader(&file);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement())
            continue;
        const QXmlStreamAttributes attributes = reader.attributes();
        if (reader.name() == QLatin1String("testsuite"))
            counts.suites.append(QFileInfo(attributes.value(QStringLiteral("name")).toString()).fileName() + QLatin1Char(':')
                                 + attributes.value(QStringLiteral("tests")).toString() + QLatin1Char(':')
                                 + attributes.value(QStringLiteral("failures")).toString() + QLatin1Char(':')
                                 + attributes.value(QStringLiteral("errors")).toString());
        else if (reader.name() == QLatin1String("failure") || reader.name() == QLatin1String("error"))
            counts.failures.append(reader.readElementText());
    }
    if (reader.hasError())
        counts.suites.append(QStringLiteral("XML error: ") + reader.errorString());
    return counts;
}

} // namespace

void TestReplayCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(Binary), qPrintable(Binary));

    // The responder denies the asset "blocked" and allows everything else.
    ResponseSettings settings;
    settings.assets.append({QStringLiteral("blocked"), AssetMode::Deny});
    const QString profile = write(QStringLiteral("profile.json"), ProfileFormat::toJson(settings));

    m_serve.setProgram(Binary);
    m_serve.setArguments({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--profile"), profile, QStringLiteral("--no-log-db")});
    m_serve.start();
    QVERIFY(m_serve.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(m_serve.canReadLine(), 10000);
    const QString first = QString::fromUtf8(m_serve.readLine()).trimmed();
    QVERIFY2(first.startsWith(QStringLiteral("listening on http://")), qPrintable(first));
    m_url = first.section(QLatin1Char(' '), 2);
}

void TestReplayCli::cleanupTestCase()
{
    if (m_serve.state() != QProcess::NotRunning) {
        m_serve.terminate();
        if (!m_serve.waitForFinished(10000))
            m_serve.kill();
    }
}

TestReplayCli::Run TestReplayCli::replay(const QStringList &arguments)
{
    QProcess process;
    process.setProgram(Binary);
    process.setArguments(QStringList{QStringLiteral("replay")} + arguments);
    process.start();
    Run run;
    if (!process.waitForStarted(10000) || !process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString TestReplayCli::write(const QString &name, const QByteArray &content)
{
    QFile file(m_dir.filePath(name));
    if (file.open(QIODevice::WriteOnly))
        file.write(content);
    return file.fileName();
}

void TestReplayCli::allMatchedExitsZero()
{
    const QString file = write(QStringLiteral("ok.json"),
                               suite({request("open", "a1", R"({"decision":"allow","status":200,"crt":{"hdcpLevel":"Disable HDCP"}})"),
                                      request("blocked", "blocked", R"({"decision":"deny","status":403})")}));
    const QString junit = m_dir.filePath(QStringLiteral("ok.xml"));
    const QString json = m_dir.filePath(QStringLiteral("ok-results.json"));
    const Run run = replay({file, QStringLiteral("--target"), m_url, QStringLiteral("--parity"), QStringLiteral("--repeat"),
                            QStringLiteral("3"), QStringLiteral("--junit"), junit, QStringLiteral("--json"), json});
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QVERIFY2(run.out.contains(QStringLiteral("6 requests, 6 matched, 0 differed, 0 errors")), qPrintable(run.out));
    QVERIFY2(run.err.contains(QStringLiteral("6/6 done")) || run.err.contains(QStringLiteral("done")), qPrintable(run.err));

    const JUnitCounts counts = readJUnit(junit);
    QCOMPARE(counts.suites, QStringList{"ok.json:6:0:0"});
    QVERIFY(counts.failures.isEmpty());

    QFile results(json);
    QVERIFY(results.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(results.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("callbacklab-replay-results"));
    const QJsonArray rows = root.value(QStringLiteral("files")).toArray().first().toObject().value(QStringLiteral("results")).toArray();
    QCOMPARE(rows.size(), 6);
    QCOMPARE(rows.first().toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("matched"));
    QCOMPARE(rows.first().toObject().value(QStringLiteral("parity")).toObject().value(QStringLiteral("encoding")).toString(),
             QStringLiteral("form-bracket"));
}

void TestReplayCli::differedExitsOneWithJUnit()
{
    const QString first = write(QStringLiteral("mixed.json"),
                                suite({request("open", "a1", R"({"decision":"allow"})"),
                                       request("expected allow", "blocked", R"({"decision":"allow"})"),
                                       request("recorded CRT", "a1",
                                               R"({"source":"recorded","status":200,"body":"{\"payload\":{\"hdcpLevel\":\"HDCP v2.2\"}}"})")}));
    const QString second = write(QStringLiteral("fine.json"), suite({request("open", "a2", R"({"decision":"allow"})")}));
    const QString junit = m_dir.filePath(QStringLiteral("mixed.xml"));
    const Run run = replay({first, second, QStringLiteral("--target"), m_url, QStringLiteral("--junit"), junit});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("3 requests, 1 matched, 2 differed, 0 errors")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("expected allow: differed (decision): expected allow, got 403 deny")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("~ payload.hdcpLevel: \"HDCP v2.2\" -> \"Disable HDCP\"")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("total: 4 requests, 2 matched, 2 did not")), qPrintable(run.out));

    const JUnitCounts counts = readJUnit(junit);
    QCOMPARE(counts.suites, (QStringList{"mixed.json:3:2:0", "fine.json:1:0:0"}));
    QCOMPARE(counts.failures.size(), 2);
    QVERIFY2(counts.failures.at(1).contains(QStringLiteral("+ payload.allowRoot: 1")), qPrintable(counts.failures.at(1)));
}

void TestReplayCli::capturesAsInput()
{
    // A HAR as a browser writes it, recording a denial.
    const QByteArray har = R"({"log":{"version":"1.2","creator":{"name":"t","version":"1"},"entries":[
      {"startedDateTime":"2026-12-04T10:00:00.000Z","time":1,
       "request":{"method":"POST","url":"http://127.0.0.1:1/cb","httpVersion":"HTTP/1.1","cookies":[],"queryString":[],
                  "headers":[{"name":"Content-Type","value":"application/json"}],"headersSize":-1,"bodySize":-1,
                  "postData":{"mimeType":"application/json","text":"{\"asset\":\"blocked\",\"user\":\"u\",\"session\":\"s\"}"}},
       "response":{"status":403,"statusText":"Forbidden","httpVersion":"HTTP/1.1","cookies":[],"headers":[],"redirectURL":"",
                   "headersSize":-1,"bodySize":-1,
                   "content":{"size":-1,"mimeType":"application/json","text":"{\"asset\":\"blocked\",\"error\":\"denied\",\"reason\":\"asset is set to deny\"}"}},
       "cache":{},"timings":{"send":0,"wait":1,"receive":0}}]}})";
    const QString harFile = write(QStringLiteral("capture.har"), har);
    const QString junit = m_dir.filePath(QStringLiteral("captures.xml"));
    const QString json = m_dir.filePath(QStringLiteral("captures.json"));
    // With the logging rules of a user's shell (none), --quiet still prints no progress.
    const QByteArray rules = qgetenv("QT_LOGGING_RULES");
    qunsetenv("QT_LOGGING_RULES");
    const Run run = replay({harFile, QStringLiteral("--target"), m_url, QStringLiteral("--junit"), junit,
                            QStringLiteral("--json"), json, QStringLiteral("--quiet")});
    qputenv("QT_LOGGING_RULES", rules);
    QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
    QCOMPARE(readJUnit(junit).suites, QStringList{"capture.har:1:0:0"});
    QVERIFY2(!run.err.contains(QStringLiteral("done,")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("Replaying")), qPrintable(run.err));

    QFile results(json);
    QVERIFY(results.open(QIODevice::ReadOnly));
    const QJsonArray files = QJsonDocument::fromJson(results.readAll()).object().value(QStringLiteral("files")).toArray();
    QCOMPARE(files.size(), 1);
    const QJsonObject row = files.first().toObject().value(QStringLiteral("results")).toArray().first().toObject();
    QCOMPARE(row.value(QStringLiteral("outcome")).toString(), QStringLiteral("matched"));
    QCOMPARE(row.value(QStringLiteral("expected")).toObject().value(QStringLiteral("source")).toString(), QStringLiteral("recorded"));
}

void TestReplayCli::unreachableTargetExitsOne()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const QString target = QStringLiteral("http://127.0.0.1:%1/").arg(closed.serverPort());
    closed.close();

    const QString file = write(QStringLiteral("unreachable.json"), suite({request("open", "a1", R"({"decision":"allow"})")}));
    const QString junit = m_dir.filePath(QStringLiteral("unreachable.xml"));
    const Run run = replay({file, QStringLiteral("--target"), target, QStringLiteral("--junit"), junit});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.out.contains(QStringLiteral("error connection-refused")), qPrintable(run.out));
    QCOMPARE(readJUnit(junit).suites, QStringList{"unreachable.json:1:0:1"});
}

void TestReplayCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<QString>("fileName");

    const QByteArray good = suite({request("open", "a1", R"({"decision":"allow"})")});
    QTest::addRow("no file") << QStringList() << QByteArray() << "no input file" << "usage.json";
    QTest::addRow("unknown option") << QStringList{"--frobnicate"} << good << "frobnicate" << "usage.json";
    QTest::addRow("concurrency 0") << QStringList{"--concurrency", "0"} << good << "--concurrency" << "usage.json";
    QTest::addRow("concurrency not a number") << QStringList{"--concurrency", "many"} << good << "'many'" << "usage.json";
    QTest::addRow("timeout negative") << QStringList{"--timeout", "-5"} << good << "--timeout" << "usage.json";
    QTest::addRow("rate not a number") << QStringList{"--rate", "fast"} << good << "--rate" << "usage.json";
    QTest::addRow("target not http") << QStringList{"--target", "ftp://127.0.0.1/"} << good << "--target" << "usage.json";
    QTest::addRow("encoding unknown") << QStringList{"--encoding", "xml"} << good << "form-dot" << "usage.json";
    QTest::addRow("method DELETE") << QStringList{"--method", "DELETE"} << good << "GET, POST or PUT" << "usage.json";
    QTest::addRow("header without colon") << QStringList{"--header", "NoColon"} << good << "Name: value" << "usage.json";
    QTest::addRow("contract level unknown") << QStringList{"--contract", "strict"} << good << "--contract" << "usage.json";
    QTest::addRow("missing file") << QStringList{"missing-file.json"} << QByteArray() << "cannot read" << "usage.json";
    QTest::addRow("malformed suite names the field")
        << QStringList() << suite({request("x", "a1", R"({"decision":"allow","status":700})")})
        << "requests[0].expect.status: must be a whole number from 100 to 599" << "usage.json";
    QTest::addRow("JSON syntax error names the byte") << QStringList() << QByteArray("{\"format\":\"callbacklab-replay-suite\",}")
                                                      << "byte 38 (line 1, column 39)" << "usage.json";
    QTest::addRow("neither suite nor capture") << QStringList() << QByteArray("hello") << "not a replay suite, HAR or JSON Lines" << "notes.txt";
}

void TestReplayCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, content);
    QFETCH(QString, messagePart);
    QFETCH(QString, fileName);

    QStringList all = arguments;
    if (!content.isEmpty())
        all.append(write(fileName, content));
    if (!all.contains(QStringLiteral("--target")))
        all << QStringLiteral("--target") << m_url;
    if (arguments.isEmpty() && content.isEmpty())
        all.clear();
    const Run run = replay(all);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(messagePart), qPrintable(run.err));
    QVERIFY2(!run.out.contains(QStringLiteral("matched")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestReplayCli)
#include "tst_replaycli.moc"
