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
QString field(const QString &value)
{
    if (value.isEmpty())
        return QStringLiteral("-");
    QString shown = value;
    shown.replace(QLatin1Char(' '), QStringLiteral("%20"));
    return shown;
}

} // namespace

QString ServeCommand::formatExchange(const Exchange &exchange)
{
    const double latencyMs = double(exchange.latencyMicros) / 1000.0;
    return QStringLiteral("%1 %2 %3 asset=%4 user=%5 session=%6 %7 %8 %9ms")
        .arg(exchange.request.receivedAt.toString(Qt::ISODateWithMs),
             QString::fromLatin1(exchange.request.method),
             field(QString::fromUtf8(exchange.request.path())),
             field(exchange.callback.asset),
             field(exchange.callback.user),
             field(exchange.callback.session),
             decisionName(exchange.decision),
             QString::number(exchange.response.status),
             QString::number(latencyMs, 'f', 2));
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
    QObject::connect(&service, &ResponderService::exchangesReady, [&out](const QList<Exchange> &exchanges) {
        for (const Exchange &exchange : exchanges)
            out << formatExchange(exchange) << '\n';
        out.flush();
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
