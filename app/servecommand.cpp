#include "servecommand.h"

#include "exchangestore.h"
#include "responderservice.h"
#include "settingsstore.h"
#include "unixsignals.h"

#include <QDir>
#include <QTextStream>

#include <cstdio>

namespace {

// Values go between spaces in the output line; show an absent value as "-".
void appendField(QByteArray &line, const QByteArray &value)
{
    if (value.isEmpty()) {
        line += '-';
        return;
    }
    for (const char c : value) {
        if (c == ' ')
            line += "%20";
        else
            line += c;
    }
}

void appendField(QByteArray &line, const QString &value)
{
    appendField(line, value.toUtf8());
}

// Formatting a QDateTime costs more than the rest of the line, and a flood of
// callbacks shares few distinct seconds: the second's text is reused.
void appendTime(QByteArray &line, const QDateTime &time)
{
    static thread_local qint64 cachedSecond = -1;
    static thread_local QByteArray cachedText;
    const qint64 msecs = time.toMSecsSinceEpoch();
    const qint64 second = msecs >= 0 ? msecs / 1000 : (msecs - 999) / 1000;
    if (second != cachedSecond) {
        cachedSecond = second;
        cachedText = QDateTime::fromSecsSinceEpoch(second, Qt::UTC).toString(Qt::ISODate).toLatin1();
        cachedText.chop(1); // the 'Z', written after the milliseconds
    }
    line += cachedText;
    line += '.';
    const int millisecond = int(msecs - second * 1000);
    line += char('0' + millisecond / 100);
    line += char('0' + millisecond / 10 % 10);
    line += char('0' + millisecond % 10);
    line += 'Z';
}

} // namespace

void ServeCommand::appendExchangeLine(QByteArray &line, const Exchange &exchange)
{
    appendTime(line, exchange.request.receivedAt);
    line += ' ';
    appendField(line, exchange.request.method);
    line += ' ';
    appendField(line, exchange.request.path());
    line += " asset=";
    appendField(line, exchange.callback.asset);
    line += " user=";
    appendField(line, exchange.callback.user);
    line += " session=";
    appendField(line, exchange.callback.session);
    line += ' ';
    line += decisionName(exchange.decision).toLatin1();
    line += ' ';
    line += QByteArray::number(exchange.response.status);
    line += ' ';
    line += QByteArray::number(double(exchange.latencyMicros) / 1000.0, 'f', 2);
    line += "ms\n";
}

QString ServeCommand::formatExchange(const Exchange &exchange)
{
    QByteArray line;
    appendExchangeLine(line, exchange);
    line.chop(1);
    return QString::fromUtf8(line);
}

int ServeCommand::run(const ServeOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);

    SettingsStore store;
    if (!options.profileFile.isEmpty()) {
        QString error;
        if (!store.load(options.profileFile, &error)) {
            err << tr("callbacklab: %1").arg(error) << Qt::endl;
            return 2;
        }
    }

    ServerSettings server = store.snapshot()->server;
    if (options.address)
        server.address = *options.address;
    if (options.port)
        server.port = *options.port;
    if (options.path)
        server.path = *options.path;
    if (server != store.snapshot()->server)
        store.update([&server](ResponseSettings &settings) { settings.server = server; });

    // Declared before the service, so it is closed after it and writes what is still queued.
    ExchangeStore requestLog;
    if (!options.noLogDatabase) {
        const QString logFile = options.logDatabase.value_or(ExchangeStore::defaultFileName());
        const auto opened = requestLog.open(logFile);
        if (!opened && options.logDatabase) {
            err << tr("callbacklab: %1").arg(opened.error().toString()) << Qt::endl;
            return 2;
        }
        if (opened) {
            err << tr("callbacklab: logging exchanges to %1").arg(QDir::toNativeSeparators(requestLog.fileName()))
                << Qt::endl;
        } else {
            err << tr("callbacklab: warning: %1; exchanges are not logged (choose another file with --log-db, "
                      "such as %2)")
                       .arg(opened.error().toString(),
                            QDir::toNativeSeparators(ExchangeStore::proposeNewFileName(logFile)))
                << Qt::endl;
        }
    }

    ResponderService service(&store);
    service.setBackpressure([backlog = requestLog.backlog()](qint64 inFlight) {
        return backlog->pressure(inFlight);
    });
    int exitCode = 0;
    QObject::connect(&service, &ResponderService::exchangesReady, &requestLog, &ExchangeStore::append);

    QObject::connect(&service, &ResponderService::started, [&out](const QUrl &url) {
        out << "listening on " << url.toString() << Qt::endl;
    });
    QObject::connect(&service, &ResponderService::failed, [&err, &exitCode](const QString &message) {
        err << tr("callbacklab: %1").arg(message) << Qt::endl;
        exitCode = 1;
        QCoreApplication::exit(1);
    });
    QObject::connect(&service, &ResponderService::exchangesReady, [](const QList<Exchange> &exchanges) {
        QByteArray lines;
        lines.reserve(exchanges.size() * 128);
        for (const Exchange &exchange : exchanges)
            appendExchangeLine(lines, exchange);
        std::fwrite(lines.constData(), 1, size_t(lines.size()), stdout);
        std::fflush(stdout);
    });
    QObject::connect(&service, &ResponderService::protocolError, [&err](const QString &peer, const QString &message) {
        err << tr("callbacklab: %1: %2").arg(peer, message) << Qt::endl;
    });

    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &service, &ResponderService::stop);
    QObject::connect(&service, &ResponderService::stopped, [] { QCoreApplication::exit(0); });

    service.start(server);
    const int loopCode = QCoreApplication::exec();
    return exitCode != 0 ? exitCode : loopCode;
}
