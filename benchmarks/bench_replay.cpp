// Replay throughput against `callbacklab serve` on loopback, compared with
// wrk sending the same POST body to the same responder in the same run.
//
// Usage: bench_replay [--callbacklab PATH] [--count N] [--concurrency N] [--seconds N]
// Defaults: the callbacklab binary next to this one, 10000 callbacks,
// concurrency 64, wrk for 10 s with 2 threads. Needs wrk on PATH.
#include "replayrunner.h"
#include "wrkprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>

#include <cstdio>

namespace {

const QByteArray Body = QByteArrayLiteral(
    R"({"asset":"sigma_vtv1","user":"example_user","session":"example_session","drmScheme":"WIDE_VINE","requestMetadata":{"remoteAddr":"113.190.233.178","userAgent":"Mozilla/5.0"}})");

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_replay: %s\n", qPrintable(message));
    return 1;
}

// Reads the "listening on URL" line that serve prints first.
QUrl waitForUrl(const QString &outputFile, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < timeoutMs) {
        QFile file(outputFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QByteArray line = file.readLine().trimmed();
            if (line.startsWith("listening on "))
                return QUrl(QString::fromUtf8(line.mid(13)));
        }
        QTest::qWait(50);
    }
    return QUrl();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption binaryOption(QStringLiteral("callbacklab"), QStringLiteral("callbacklab binary."),
                                          QStringLiteral("PATH"),
                                          QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("callbacklab")));
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Callbacks to replay."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption concurrencyOption(QStringLiteral("concurrency"),
                                               QStringLiteral("Replay concurrency and wrk connections."),
                                               QStringLiteral("N"), QStringLiteral("64"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("wrk duration in seconds."),
                                           QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({binaryOption, countOption, concurrencyOption, secondsOption});
    parser.process(app);
    const int count = parser.value(countOption).toInt();
    const int concurrency = parser.value(concurrencyOption).toInt();
    const int seconds = parser.value(secondsOption).toInt();
    if (count < 1 || concurrency < 1 || concurrency > ReplayOptions::MaxConcurrency || seconds < 1)
        return fail(QStringLiteral("invalid --count, --concurrency or --seconds"));

    // The responder as a user runs it: one output line per exchange, kept in a
    // file, and the request log, kept in the temporary folder.
    QTemporaryDir dir;
    if (!dir.isValid())
        return fail(QStringLiteral("cannot create a temporary folder"));
    const QString serveOutput = dir.filePath(QStringLiteral("serve.log"));
    QProcess serve;
    serve.setProgram(parser.value(binaryOption));
    serve.setArguments({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log-db"),
                        dir.filePath(QStringLiteral("exchanges.sqlite"))});
    serve.setStandardOutputFile(serveOutput);
    serve.setStandardErrorFile(QProcess::nullDevice());
    serve.start();
    if (!serve.waitForStarted(10000))
        return fail(QStringLiteral("cannot start %1").arg(serve.program()));
    const QUrl url = waitForUrl(serveOutput, 10000);
    if (!url.isValid()) {
        serve.kill();
        return fail(QStringLiteral("serve printed no listening line"));
    }

    // Replay: the same callback `count` times.
    ReplayRequest request;
    request.method = "POST";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = Body;
    request.expect = ReplayExpectation::manual(Decision::Allow, 200);
    const QList<ReplayRequest> requests(count, request);

    ReplayOptions options;
    options.target = url;
    options.concurrency = concurrency;
    ReplayRunner runner;
    runner.setOptions(options);
    ReplaySummary summary;
    bool finished = false;
    QObject::connect(&runner, &ReplayRunner::finished, [&](const ReplaySummary &result) {
        summary = result;
        finished = true;
    });
    QString error;
    if (!runner.start(requests, &error)) {
        serve.kill();
        return fail(error);
    }
    // QTest::qWaitFor() sleeps between event batches, which would cap the rate; run a real loop.
    QEventLoop loop;
    QObject::connect(&runner, &ReplayRunner::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    if (!finished)
        loop.exec();
    if (!finished) {
        serve.kill();
        return fail(QStringLiteral("replay did not finish within 10 minutes"));
    }
    const double replayRate = summary.elapsedMs > 0 ? summary.total * 1000.0 / double(summary.elapsedMs) : 0;

    // wrk with the same body against the same responder.
    QProcess wrk;
    if (const QString error = startWrk(wrk, QDir(dir.path()), Body, concurrency, seconds, url.toString());
        !error.isEmpty()) {
        serve.kill();
        return fail(error);
    }
    if (!wrk.waitForFinished((seconds + 30) * 1000)) {
        serve.kill();
        return fail(QStringLiteral("wrk did not finish"));
    }
    const QString wrkOutput = QString::fromUtf8(wrk.readAllStandardOutput());
    const QRegularExpressionMatch match = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(wrkOutput);
    serve.terminate();
    if (!serve.waitForFinished(10000))
        serve.kill();
    if (!match.hasMatch())
        return fail(QStringLiteral("no Requests/sec in wrk output:\n%1").arg(wrkOutput));
    const double wrkRate = match.captured(1).toDouble();

    std::printf("replay: %d callbacks at concurrency %d in %lld ms: %.0f requests/s (%d matched, %d differed, %d errors)\n",
                summary.total, concurrency, summary.elapsedMs, replayRate, summary.matched, summary.differed,
                summary.errors);
    std::printf("wrk -t2 -c%d -d%ds, same body: %.0f requests/s\n", concurrency, seconds, wrkRate);
    std::printf("ratio replay/wrk: %.2f (target >= 0.50)\n", wrkRate > 0 ? replayRate / wrkRate : 0.0);
    return summary.matched == summary.total ? 0 : 1;
}
