// The callbacklab executable as a user runs it: serve's output and exit codes,
// --help, --version and bad options.
#include "exchangestorereader.h"
#include "responsesettings.h"
#include "testprofile.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QtTest>

#include <csignal>

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void serveAnswersAndLogs();
    void serveStopsOnSignal_data();
    void serveStopsOnSignal();
    void servePortInUse();
    void windowStoresEverythingOnSignal();
    void badUsage_data();
    void badUsage();
    void helpAndVersion_data();
    void helpAndVersion();
};

namespace {

const QString Binary = QStringLiteral(CALLBACKLAB_BINARY);

// Starts `callbacklab serve` on a free port and returns its callback URL.
QUrl startServe(QProcess &process, const QStringList &extraArguments = {})
{
    process.setProgram(Binary);
    process.setArguments(QStringList{"serve", "--port", "0", "--no-log-db"} + extraArguments);
    process.start();
    if (!process.waitForStarted(10000))
        return {};
    QByteArray firstLine;
    QDeadlineTimer deadline(15000);
    while (!process.canReadLine() && !deadline.hasExpired())
        process.waitForReadyRead(200);
    firstLine = process.readLine().trimmed();
    const QRegularExpression pattern(QStringLiteral("^listening on (http://127\\.0\\.0\\.1:(\\d+)/\\S*)$"));
    const auto match = pattern.match(QString::fromUtf8(firstLine));
    if (!match.hasMatch()) {
        qWarning() << "unexpected first line:" << firstLine << process.readAllStandardError();
        return {};
    }
    return QUrl(match.captured(1));
}

QByteArray readLineWithin(QProcess &process, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine() && !deadline.hasExpired())
        process.waitForReadyRead(100);
    return process.readLine().trimmed();
}

} // namespace

void TestCli::serveAnswersAndLogs()
{
    QProcess process;
    const QUrl url = startServe(process, {"--path", "/authorize"});
    QVERIFY(url.isValid());
    QCOMPARE(url.path(), QStringLiteral("/authorize"));

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    QNetworkReply *reply = manager.post(request, QByteArray(R"({"asset":"sigma_vtv1","user":"example_user","session":"example_session","drmScheme":"WIDE_VINE"})"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(reply->readAll().contains("\"payload\""));
    reply->deleteLater();

    const QString line = QString::fromUtf8(readLineWithin(process, 5000));
    const QRegularExpression expected(QStringLiteral(
        "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z POST /authorize asset=sigma_vtv1 "
        "user=example_user session=example_session allow 200 \\d+\\.\\d\\dms$"));
    QVERIFY2(expected.match(line).hasMatch(), qPrintable(line));

    process.terminate();
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestCli::serveStopsOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::addRow("SIGINT") << int(SIGINT);
    QTest::addRow("SIGTERM") << int(SIGTERM);
}

void TestCli::serveStopsOnSignal()
{
    QFETCH(int, signalNumber);

    QProcess process;
    QVERIFY(startServe(process).isValid());
    ::kill(pid_t(process.processId()), signalNumber);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

// The window stops on SIGTERM as if closed, and the callbacks replied to
// just before are in the request log.
void TestCli::windowStoresEverythingOnSignal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    QVERIFY(writeLoopbackProfile(profile));
    const QString log = dir.filePath(QStringLiteral("log.sqlite"));

    QProcess window;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("callbacklab.server.info=true"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    window.setProcessEnvironment(environment);
    window.start(Binary, {QStringLiteral("--profile"), profile, QStringLiteral("--log-db"), log});
    QVERIFY(window.waitForStarted(10000));

    // The responder logs its port on stderr.
    const QRegularExpression listening(QStringLiteral("Listening on \\S+ (\\d+)"));
    QByteArray errors;
    QRegularExpressionMatch match;
    QDeadlineTimer deadline(20000);
    while (!(match = listening.match(QString::fromUtf8(errors))).hasMatch() && !deadline.hasExpired()) {
        window.waitForReadyRead(200);
        errors += window.readAllStandardError();
    }
    QVERIFY2(match.hasMatch(), errors.constData());
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/").arg(match.captured(1)));

    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    for (int n = 1; n <= 3; ++n) {
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        QNetworkReply *reply = manager.post(
            request, QStringLiteral(R"({"asset":"a%1","user":"u","session":"s"})").arg(n).toUtf8());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    ::kill(window.processId(), SIGTERM);
    QVERIFY(window.waitForFinished(20000));
    QCOMPARE(window.exitStatus(), QProcess::NormalExit);
    QCOMPARE(window.exitCode(), 0);

    ExchangeStoreReader reader;
    QVERIFY(reader.open(log).ok());
    const auto count = reader.count(ExchangeFilter());
    QVERIFY(count.ok());
    QCOMPARE(*count, 3);
}

void TestCli::servePortInUse()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));

    QProcess process;
    process.start(Binary, {"serve", "--no-log-db", "--port", QString::number(occupant.serverPort())});
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 1);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(QString::number(occupant.serverPort())), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("in use"), Qt::CaseInsensitive), qPrintable(error));
}

void TestCli::badUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedError");

    QTest::addRow("unknown gui option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::addRow("unknown command") << QStringList{"serv"} << "unknown command 'serv'";
    QTest::addRow("unknown command with help") << QStringList{"imports", "--help"} << "unknown command 'imports'";
    QTest::addRow("unknown serve option") << QStringList{"serve", "--colour"} << "colour";
    QTest::addRow("port not a number") << QStringList{"serve", "--port", "http"} << "--port";
    QTest::addRow("port too large") << QStringList{"serve", "--port", "65536"} << "--port";
    QTest::addRow("negative port") << QStringList{"serve", "--port", "-1"} << "--port";
    QTest::addRow("address not an IP") << QStringList{"serve", "--address", "localhost.example"} << "--address";
    QTest::addRow("path with query") << QStringList{"serve", "--path", "/a?b=1"} << "--path";
    QTest::addRow("missing value") << QStringList{"serve", "--port"} << "port";
    QTest::addRow("stray argument") << QStringList{"serve", "extra"} << "extra";
    QTest::addRow("missing profile") << QStringList{"serve", "--profile", "/nonexistent/p.json"} << "/nonexistent/p.json";
}

void TestCli::badUsage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedError);

    QProcess process;
    process.start(Binary, arguments);
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 2);
    const QString error = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(error.contains(expectedError), qPrintable(error));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestCli::helpAndVersion_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expectedOutput");

    QTest::addRow("help") << QStringList{"--help"} << "serve";
    QTest::addRow("serve help") << QStringList{"serve", "--help"} << "--port <N>";
    QTest::addRow("version") << QStringList{"--version"} << "callbacklab 0.";
    QTest::addRow("serve version") << QStringList{"serve", "--version"} << "callbacklab 0.";
}

void TestCli::helpAndVersion()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expectedOutput);

    QProcess process;
    process.start(Binary, arguments);
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 0);
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(output.contains(expectedOutput), qPrintable(output));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
