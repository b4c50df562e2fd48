// The persistent request log: keeps every exchange in an SQLite file (Qt SQL,
// QSQLITE driver) for days of unattended running.
//
// Writing: append() queues exchanges from any thread and returns at once. A
// dedicated writer thread inserts them in transactions of at most about 100 ms,
// so an exchange is committed at most about 250 ms after append() and a
// process killed with SIGKILL loses at most that much. The file uses WAL with
// synchronous=NORMAL. close() and the destructor write everything pending.
//
// Retention: after each commit the writer removes the oldest exchanges (lowest
// log id, that is the first stored) in batches of at most 500 rows per
// transaction until the log holds at most maxExchanges rows and its pages
// in use take at most maxBytes. The file itself keeps its size; freed pages
// are reused. Bodies longer than maxBodyBytes keep their first maxBodyBytes
// bytes, their full size and a cut flag.
//
// Reading: use ExchangeStoreReader, which opens its own connection.
//
// One process writes a log at a time: open() takes a lock file named
// <file>.lock and fails with Code::Locked while another process holds it.
// open() never deletes, empties or overwrites an existing file; on an error
// proposeNewFileName() offers a free name next to it.
#pragma once

#include "storedexchange.h"

#include <QObject>

#include <atomic>
#include <memory>

class ExchangeStoreWriter;
class QLockFile;

// The writer's backlog, readable from any thread without a lock. A holder
// can keep reading it after the store is closed or destroyed. It reads 0
// while the store is closed.
class ExchangeStoreBacklog
{
public:
    // Exchanges appended and not yet written or dropped.
    qint64 exchanges() const { return m_exchanges.load(std::memory_order_relaxed); }

    // Share of the writer's queue in use, by count or by bytes, whichever is
    // larger, if extraExchanges more joined it: 0 when empty, 1 or more when
    // append() would drop.
    double queueFill(qint64 extraExchanges = 0) const
    {
        const qint64 capacity = qMax<qint64>(1, m_capacity.load(std::memory_order_relaxed));
        const double byCount = double(m_queued.load(std::memory_order_relaxed) + extraExchanges) / double(capacity);
        return qMax(byCount, m_bytesPermille.load(std::memory_order_relaxed) / 1000.0);
    }

    // How far behind the writer is, if extraExchanges more were appended:
    // the larger of queueFill() and the backlog against SoftLimit. Above 0.5
    // callers should hold back new exchanges. Half of SoftLimit is an eighth
    // to a quarter of a second of writing at the 20,000 to 40,000 rows a
    // second that bench_store and the throughput benchmark measure, so that
    // little is lost when the process is killed.
    double pressure(qint64 extraExchanges = 0) const
    {
        const double bySoftLimit = double(exchanges() + extraExchanges) / double(SoftLimit);
        return qMax(queueFill(extraExchanges), bySoftLimit);
    }
    static constexpr qint64 SoftLimit = 10000;

private:
    friend class ExchangeStoreWriter;
    friend class ExchangeStore;
    std::atomic<qint64> m_exchanges{0};
    std::atomic<qint64> m_queued{0};
    std::atomic<qint64> m_capacity{1};
    std::atomic<int> m_bytesPermille{0};
};

class ExchangeStore : public QObject
{
    Q_OBJECT

public:
    struct Limits
    {
        qint64 maxExchanges = 1'000'000;
        qint64 maxBytes = qint64(2) << 30;  // 2 GiB; values below 256 KiB count as 256 KiB
        qint64 maxBodyBytes = 1 << 20;      // per body, 1 MiB
    };

    struct Options
    {
        Limits limits;
        // Index trigrams of targets, headers and bodies for fast free-text
        // search (FTS5). In bench_store it made the file about a third larger
        // and doubled the CPU time per insert, so the writer fell behind a
        // flood of callbacks. It is off by default, and free text is then
        // found by scanning every row.
        bool fullTextIndex = false;
        // Insert through SQLite's C API on Qt SQL's connection when the two
        // use the same SQLite library; false forces QSqlQuery (tests).
        bool nativeInsert = true;
        // append() drops exchanges past these while the writer is behind, and
        // counts them in Statistics::droppedExchanges.
        int maxPendingExchanges = 200'000;
        qint64 maxPendingBytes = qint64(256) << 20;
    };

    struct Statistics
    {
        qint64 storedExchanges = 0;     // rows in the log now
        qint64 committedExchanges = 0;  // inserted and committed since open()
        qint64 droppedExchanges = 0;    // never stored: queue full or a failed write
        qint64 removedExchanges = 0;    // deleted by retention since open()
        qint64 lastLogId = 0;           // highest committed log id, 0 when empty
        qint64 usedBytes = 0;           // database pages in use, without free pages and the WAL
        qint64 pendingExchanges = 0;    // appended but not yet committed
    };

    explicit ExchangeStore(QObject *parent = nullptr);
    ~ExchangeStore() override;

    // Opens or creates the log and starts the writer thread. A log that is
    // already open is closed first. Blocks until the file is checked.
    StoreResult<> open(const QString &fileName, const Options &options);
    StoreResult<> open(const QString &fileName);

    // Writes everything pending, then closes the file. Blocks.
    void close();

    bool isOpen() const;
    QString fileName() const;
    // True when rows go in through SQLite's C API (Options::nativeInsert).
    bool insertsNatively() const;
    bool hasFullTextIndex() const;

    // Queues live exchanges. Thread-safe and cheap: bodies above the cap are
    // cut here, the rest is done by the writer thread. Ignored when closed.
    void append(const QList<Exchange> &exchanges);

    // Queues exchanges that carry their own body sizes and captured flag
    // (imports). Thread-safe.
    void appendStored(const QList<StoredExchange> &exchanges);

    // Blocks until everything appended before the call is committed and the
    // retention limits hold. Returns the last write error since the previous
    // flush(), if any.
    StoreResult<> flush();

    // Thread-safe; applies from the next commit.
    void setLimits(const Limits &limits);
    Limits limits() const;

    // Thread-safe.
    Statistics statistics() const;

    // The same object for the store's whole life, whichever file it has open.
    std::shared_ptr<const ExchangeStoreBacklog> backlog() const { return m_backlog; }

    // <AppDataLocation>/exchanges.sqlite
    static QString defaultFileName();

    // A name in the same folder that is not taken: exchanges.sqlite gives
    // exchanges-2.sqlite, then exchanges-3.sqlite and so on.
    static QString proposeNewFileName(const QString &fileName);

signals:
    // Emitted from the writer thread after each commit of new exchanges.
    void committed(qint64 lastLogId, qint64 storedExchanges);
    // Emitted from the writer thread when a write fails; repeats of the same
    // message are not emitted again until a write succeeds.
    void writeFailed(const QString &message);

private:
    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<ExchangeStoreWriter> m_writer;
    std::shared_ptr<ExchangeStoreBacklog> m_backlog = std::make_shared<ExchangeStoreBacklog>();
};
