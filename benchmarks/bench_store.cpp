// Request log benchmark: inserts synthetic exchanges through ExchangeStore,
// then times the reads the log view makes. Results: docs/benchmarks.md.
//
//   bench_store [--count N] [--dir DIR] [--full-text] [--qsqlquery]
//
// The exchanges are callbacks of 10,000 users over 500 assets with a JSON
// body of about 200 bytes, four request headers and a CRT reply.
#include "exchangefilter.h"
#include "exchangestore.h"
#include "exchangestorereader.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <ctime>

namespace {

Exchange syntheticExchange(qint64 n, const QDateTime &start)
{
    Exchange exchange;
    exchange.id = quint64(n);
    const QString user = QStringLiteral("user-%1").arg(n % 10000);
    const QString asset = QStringLiteral("asset-%1").arg(n % 500);
    const QString session = QStringLiteral("%1-%2").arg(n * 7919 % 1000003, 7, 10, QLatin1Char('0')).arg(n);
    RawRequest &request = exchange.request;
    request.method = "POST";
    request.target = "/authorize";
    request.httpVersion = "HTTP/1.1";
    request.headers = {{"Host", "callback.example.test"},
                       {"User-Agent", "Widevine license proxy/1.0"},
                       {"Content-Type", "application/json"},
                       {"Content-Length", "200"}};
    request.body = QStringLiteral(R"({"asset":"%1","user":"%2","session":"%3","drmScheme":"WIDEVINE",)"
                                  R"("requestMetadata":{"remoteAddr":"203.0.113.%4","userAgent":"Shaka/4.3"}})")
                       .arg(asset, user, session)
                       .arg(n % 250)
                       .toUtf8();
    request.peerAddress = QStringLiteral("198.51.100.%1").arg(n % 4);
    request.peerPort = quint16(30000 + n % 30000);
    request.receivedAt = start.addMSecs(n * 50);
    exchange.callback.asset = asset;
    exchange.callback.assets = {asset};
    exchange.callback.user = user;
    exchange.callback.session = session;
    exchange.callback.drmSchemeText = QStringLiteral("WIDEVINE");
    exchange.callback.drmScheme = DrmScheme::Widevine;
    exchange.callback.remoteAddr = QStringLiteral("203.0.113.%1").arg(n % 250);
    exchange.callback.userAgent = QStringLiteral("Shaka/4.3");
    exchange.callback.encoding = BodyEncoding::Json;
    const bool deny = n % 10 == 0;
    exchange.decision = deny ? Decision::Deny : Decision::Allow;
    exchange.decidedBy = deny ? QStringLiteral("asset:%1").arg(asset) : QStringLiteral("default");
    exchange.settingsRevision = 3;
    exchange.response.status = deny ? 403 : 200;
    exchange.response.headers = {{"Content-Type", "application/json"}};
    exchange.response.body = deny ? QByteArray(R"({"message":"denied"})")
                                  : QByteArray(R"({"payload":{"storeLicense":true,"keyExpireTime":1440}})");
    exchange.latencyMicros = 200 + n % 5000;
    return exchange;
}

double millis(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption countOption(QStringLiteral("count"), QStringLiteral("Exchanges to insert."),
                                         QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Folder for the log (default: a temporary one)."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption fullTextOption(QStringLiteral("full-text"),
                                            QStringLiteral("Create the log with the FTS5 full-text index."));
    const QCommandLineOption queryOption(QStringLiteral("qsqlquery"),
                                         QStringLiteral("Bind inserts through QSqlQuery, not SQLite's C API."));
    parser.addOptions({countOption, dirOption, fullTextOption, queryOption});
    parser.process(app);

    const qint64 count = parser.value(countOption).toLongLong();
    QTemporaryDir temporary;
    const QString folder = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    const QString file = folder + QStringLiteral("/bench.sqlite");
    QFile::remove(file);

    ExchangeStore::Options options;
    options.fullTextIndex = parser.isSet(fullTextOption);
    options.nativeInsert = !parser.isSet(queryOption);
    ExchangeStore store;
    const auto opened = store.open(file, options);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }

    // Insert: append in rounds, pausing while the writer is far behind so the
    // pending queue never drops anything.
    const QDateTime start(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
    QElapsedTimer insertTimer;
    insertTimer.start();
    const std::clock_t cpuStart = std::clock();
    for (qint64 n = 0; n < count;) {
        QList<Exchange> round;
        for (int i = 0; i < 2000 && n < count; ++i, ++n)
            round.append(syntheticExchange(n, start));
        store.append(round);
        while (store.statistics().pendingExchanges > 50000)
            QThread::msleep(5);
    }
    if (!store.flush()) {
        std::fprintf(stderr, "flush failed\n");
        return 1;
    }
    const double insertMs = millis(insertTimer);
    const double insertCpuSeconds = double(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    const ExchangeStore::Statistics statistics = store.statistics();
    store.close();
    const qint64 fileBytes = QFileInfo(file).size();

    ExchangeStoreReader reader;
    if (!reader.open(file)) {
        std::fprintf(stderr, "cannot read the log\n");
        return 1;
    }
    const QDateTime now = start.addMSecs(count * 50);
    const auto timeCount = [&](const char *text) {
        const ExchangeFilter filter = ExchangeFilter::parse(QString::fromLatin1(text)).filter();
        QElapsedTimer timer;
        timer.start();
        const qint64 matches = reader.count(filter, now).value();
        std::printf("| count `%s` | %.1f ms | %lld rows |\n", text, millis(timer), static_cast<long long>(matches));
    };
    const auto timeWindow = [&](const char *text, ExchangeSort sort, qint64 offset) {
        const char *key = sort.key == ExchangeSort::Key::Time ? "time" : sort.key == ExchangeSort::Key::Latency ? "latency" : "status";
        const ExchangeFilter filter = ExchangeFilter::parse(QString::fromLatin1(text)).filter();
        QElapsedTimer timer;
        timer.start();
        const auto rows = reader.rows(filter, sort, offset, 100, now);
        std::printf("| rows `%s` by %s, offset %lld, 100 rows | %.1f ms | %lld rows |\n", text, key,
                    static_cast<long long>(offset), millis(timer), static_cast<long long>(rows->size()));
    };

    std::printf("| measure | value | |\n|---|---|---|\n");
    std::printf("| exchanges inserted | %lld | dropped %lld |\n", static_cast<long long>(statistics.committedExchanges),
                static_cast<long long>(statistics.droppedExchanges));
    std::printf("| insert time | %.1f s | %.0f exchanges/s |\n", insertMs / 1000, double(count) / (insertMs / 1000));
    std::printf("| insert CPU time, all threads | %.1f s | %.0f exchanges per CPU second |\n", insertCpuSeconds,
                double(count) / insertCpuSeconds);
    std::printf("| file size | %.1f MiB | %.0f bytes per exchange |\n", double(fileBytes) / (1 << 20),
                double(fileBytes) / double(count));
    std::printf("| full-text index | %s | |\n", reader.hasFullTextIndex() ? "yes" : "no");
    std::printf("| inserts bound through | %s | |\n", options.nativeInsert ? "SQLite C API" : "QSqlQuery");
    const ExchangeSort newest{ExchangeSort::Key::Time, Qt::DescendingOrder};
    timeCount("");
    timeCount("user:user-4242");
    timeWindow("user:user-4242", newest, 0);
    timeCount("asset:asset-10 status:4xx");
    timeCount("status:403");
    timeWindow("status:403", newest, 0);
    timeWindow("", newest, 0);
    timeWindow("", newest, count / 2);
    timeWindow("", ExchangeSort{ExchangeSort::Key::Latency, Qt::DescendingOrder}, 0);
    timeCount("latency>4900us");
    timeCount("since:1h");
    timeCount("\"0004242-\"");
    timeCount("Shaka");
    QElapsedTimer loadTimer;
    loadTimer.start();
    const auto loaded = reader.load(count / 2);
    std::printf("| load one exchange | %.2f ms | %s |\n", millis(loadTimer), loaded ? "found" : "missing");
    return 0;
}
