// Helper process for tst_exchangestore. It appends rounds of 25 exchanges
// every 10 ms (about 2,500 a second) to the request log named on the command
// line and prints "<ms> <appended> <committed>" after each round. It stops
// when killed, after 30 s or after 400,000 exchanges.
#include "exchangesamples.h"
#include "exchangestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: store_writer_child LOG_FILE\n");
        return 2;
    }

    ExchangeStore store;
    const auto opened = store.open(QString::fromLocal8Bit(argv[1]));
    if (!opened.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().toString()));
        return 1;
    }

    QElapsedTimer clock;
    clock.start();
    qint64 appended = 0;
    while (clock.elapsed() < 30000 && appended < 400000) {
        QList<Exchange> round;
        for (int i = 0; i < 25; ++i)
            round.append(Samples::numberedExchange(int(appended) + i));
        store.append(round);
        appended += round.size();
        std::printf("%lld %lld %lld\n", static_cast<long long>(clock.elapsed()), static_cast<long long>(appended),
                    static_cast<long long>(store.statistics().committedExchanges));
        std::fflush(stdout);
        QThread::msleep(10);
    }
    return 0;
}
