// GUI responsiveness during a flood of callbacks. The benchmark opens the main
// window (offscreen unless QT_QPA_PLATFORM is set) with a new request log and
// loads its responder with wrk. It measures how late a 10 ms timer on the GUI
// thread fires, first idle and then under load. Results: docs/benchmarks.md.
//
//   bench_gui_flood [--seconds N] [--connections N]
//
// Needs wrk on PATH. Sends traffic only to the window's responder on 127.0.0.1.
#include "logviewpanel.h"
#include "mainwindow.h"
#include "exchangestore.h"
#include "responderservice.h"
#include "responsesettings.h"
#include "wrkprocess.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace {

const QByteArray Body = R"({"asset":"sigma_vtv1","user":"flood_user","session":"flood_session","drmScheme":"WIDEVINE",)"
                        R"("requestMetadata":{"remoteAddr":"203.0.113.9","userAgent":"wrk"}})";

int fail(const QString &message)
{
    std::fprintf(stderr, "bench_gui_flood: %s\n", qPrintable(message));
    return 2;
}

// Gaps between the ticks of a 10 ms timer while the event loop runs for ms.
QList<qint64> tickGaps(int ms, const std::function<bool()> &stop = {})
{
    QList<qint64> gaps;
    QElapsedTimer sinceTick;
    sinceTick.start();
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] { gaps.append(sinceTick.restart()); });
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    QTimer poll;
    if (stop) {
        QObject::connect(&poll, &QTimer::timeout, [&] {
            if (stop())
                loop.quit();
        });
        poll.start(50);
    }
    ticker.start();
    loop.exec();
    return gaps;
}

void printGaps(const char *label, QList<qint64> gaps)
{
    if (gaps.isEmpty()) {
        std::printf("| %s | no ticks | | |\n", label);
        return;
    }
    std::sort(gaps.begin(), gaps.end());
    const auto at = [&gaps](double share) { return gaps.at(qMin(gaps.size() - 1, qsizetype(share * gaps.size()))); };
    std::printf("| %s | %lld ms | %lld ms | %lld ms |\n", label, at(0.5), at(0.99), gaps.constLast());
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("wrk duration in seconds."),
                                           QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption connectionsOption(QStringLiteral("connections"), QStringLiteral("wrk connections."),
                                               QStringLiteral("N"), QStringLiteral("50"));
    parser.addOptions({secondsOption, connectionsOption});
    parser.process(app);
    const int seconds = qBound(1, parser.value(secondsOption).toInt(), 60);
    const int connections = qBound(1, parser.value(connectionsOption).toInt(), 256);

    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    {
        ResponseSettings settings;
        settings.server.address = QStringLiteral("127.0.0.1");
        settings.server.port = 0;
        QFile file(profile);
        if (!file.open(QIODevice::WriteOnly) || file.write(ProfileFormat::toJson(settings)) <= 0)
            return fail(QStringLiteral("cannot write %1").arg(profile));
    }

    MainWindow window(profile, dir.filePath(QStringLiteral("log.sqlite")));
    window.resize(1400, 900);
    window.show();
    ResponderService *service = window.responderService();
    auto *logPanel = window.findChild<LogViewPanel *>(QStringLiteral("storedLogPanel"));
    if (!logPanel)
        return fail(QStringLiteral("no request log panel"));
    QElapsedTimer startup;
    startup.start();
    while ((service->state() != ResponderService::State::Listening || logPanel->isOpening())
           && startup.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (service->state() != ResponderService::State::Listening)
        return fail(QStringLiteral("the responder did not start"));
    const QString url = QStringLiteral("http://127.0.0.1:%1/").arg(service->port());

    const QList<qint64> idle = tickGaps(3000);

    QProcess wrk;
    if (const QString error = startWrk(wrk, QDir(dir.path()), Body, connections, seconds, url); !error.isEmpty())
        return fail(error);
    const QList<qint64> flood =
        tickGaps((seconds + 30) * 1000, [&wrk] { return wrk.state() == QProcess::NotRunning; });
    const QString wrkOutput = QString::fromUtf8(wrk.readAllStandardOutput());
    const QRegularExpressionMatch rate = QRegularExpression(QStringLiteral("Requests/sec:\\s+([0-9.]+)")).match(wrkOutput);
    const QRegularExpressionMatch total = QRegularExpression(QStringLiteral("(\\d+) requests in")).match(wrkOutput);
    if (!rate.hasMatch() || !total.hasMatch())
        return fail(QStringLiteral("no request count in wrk output:\n%1").arg(wrkOutput));

    // The window may still be storing, so wait until the log contains every exchange.
    const qint64 sent = total.captured(1).toLongLong();
    QElapsedTimer drain;
    drain.start();
    const QList<qint64> after = tickGaps(120000, [logPanel, sent] {
        return logPanel->store()->statistics().storedExchanges >= sent;
    });
    const qint64 stored = logPanel->store()->statistics().storedExchanges;

    std::printf("wrk -t2 -c%d -d%ds against the window's responder: %s requests/s, %lld requests\n", connections,
                seconds, qPrintable(rate.captured(1)), sent);
    std::printf("exchanges in the request log: %lld, %lld ms after wrk ended\n", stored, drain.elapsed());
    std::printf("\n| GUI thread, 10 ms timer | median gap | p99 gap | longest gap |\n|---|---|---|---|\n");
    printGaps("idle, 3 s", idle);
    printGaps("during the flood", flood);
    printGaps("after, until stored", after);
    return stored >= sent ? 0 : 1;
}
