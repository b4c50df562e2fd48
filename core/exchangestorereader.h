// Reads the request log for the log view and for export on its own SQLite
// connection. In WAL mode reads see the last commit and do not wait for the
// writer's open transaction.
//
// A reader belongs to the thread that called open(): create one per worker
// thread and run queries there, so the GUI thread never blocks on the file.
// Calls from another thread fail with Code::QueryFailed.
//
// Typical lazy-model use: count(filter) for the row count, rows(filter, sort,
// offset, limit) for the visible window, load(logId) for the detail view.
// OFFSET costs time in proportion to the rows skipped: about 30 ms for 500,000
// in bench_store.
#pragma once

#include "exchangefilter.h"
#include "storedexchange.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>

struct sqlite3;

// The columns of one row of the log table, without bodies and headers.
struct ExchangeRow
{
    qint64 logId = 0;
    QDateTime receivedAt;  // UTC
    QString method;
    QByteArray target;
    QString peerAddress;
    quint16 peerPort = 0;
    QString asset;
    QString user;
    QString session;
    QString drmSchemeText;
    QString remoteAddr;
    Decision decision = Decision::Rejected;
    QString decidedBy;
    int status = 0;
    qint64 latencyMicros = 0;
    DeliveryOutcome outcome = DeliveryOutcome::Sent;
    int findingCount = 0;
    int maxSeverity = -1;  // a FindingSeverity value, -1 without findings
    bool captured = false;
    qint64 requestBodySize = 0;
    qint64 responseBodySize = 0;

    // The same columns for an exchange held in memory (live rows).
    static ExchangeRow fromStored(const StoredExchange &stored);
};

struct ExchangeSort
{
    enum class Key { Time, Latency, Status };
    Key key = Key::Time;
    Qt::SortOrder order = Qt::DescendingOrder;  // ties are ordered by log id the same way
};

class ExchangeStoreReader
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeStoreReader)

public:
    ExchangeStoreReader();
    ~ExchangeStoreReader();
    ExchangeStoreReader(const ExchangeStoreReader &) = delete;
    ExchangeStoreReader &operator=(const ExchangeStoreReader &) = delete;

    // Opens an existing log for reading; never creates or changes a file.
    StoreResult<> open(const QString &fileName);
    void close();

    bool isOpen() const { return !m_connectionName.isEmpty(); }
    QString fileName() const { return m_fileName; }
    bool hasFullTextIndex() const { return m_fullTextIndex; }

    // now anchors since: terms.
    StoreResult<qint64> count(const ExchangeFilter &filter, const QDateTime &now = QDateTime::currentDateTimeUtc());

    StoreResult<QList<ExchangeRow>> rows(const ExchangeFilter &filter, const ExchangeSort &sort, qint64 offset,
                                         int limit, const QDateTime &now = QDateTime::currentDateTimeUtc());

    StoreResult<QList<qint64>> ids(const ExchangeFilter &filter, const ExchangeSort &sort, qint64 offset, int limit,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The full exchange; Code::QueryFailed names the id when it is not in the log.
    StoreResult<StoredExchange> load(qint64 logId);

    // Full exchanges matching the filter with a log id above afterLogId, in
    // log id order: repeat with the last id returned to walk the whole log.
    StoreResult<QList<StoredExchange>> loadAfter(const ExchangeFilter &filter, qint64 afterLogId, int limit,
                                                 const QDateTime &now = QDateTime::currentDateTimeUtc());

    // PRAGMA compile_options of the SQLite library behind QSQLITE.
    StoreResult<QStringList> compileOptions();

    // Stops the query running on the reader's thread, which then returns
    // Code::Interrupted. Callable from any thread while the reader stays open
    // (the caller makes sure it is not closed meanwhile).
    void interrupt();

private:
    StoreResult<> checkUsable() const;
    QString orderBy(const ExchangeSort &sort) const;

    QString m_fileName;
    QString m_connectionName;
    QThread *m_thread = nullptr;
    bool m_fullTextIndex = false;
    std::atomic<sqlite3 *> m_handle{nullptr};  // null when SQLite's C API cannot be used
};
