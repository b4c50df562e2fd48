#include "exchangestore.h"

#include "exchangeschema.h"
#include "sqlitenative.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QThread>
#include <QWaitCondition>

#include <atomic>

namespace {

// Inserts share a transaction until it has been open this long. An append
// waits at most for the transaction before its own, so it is committed within
// about 250 ms.
constexpr qint64 CommitSliceMs = 100;
constexpr int RetentionBatchRows = 500;
constexpr qint64 MaxFieldChars = 64 * 1024;
constexpr qint64 MinMaxBytes = qint64(256) << 10;
// After the size limit is exceeded, rows are removed until the pages in use
// fall to this share of the limit, so trimming does not start on every commit.
constexpr double SizeTrimTarget = 0.9;

qint64 bodyBytes(const StoredExchange &stored)
{
    return stored.exchange.request.body.size() + stored.exchange.response.body.size();
}

void cutBody(QByteArray &body, qint64 fullSize, qint64 maxBodyBytes, bool *cut)
{
    if (body.size() > maxBodyBytes) {
        body.truncate(maxBodyBytes);
        *cut = true;
    } else if (body.size() < fullSize) {
        *cut = true;
    }
}

// Cuts a text value to maxChars; returns whether it was cut.
bool cutText(QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return false;
    text.truncate(maxChars);
    return true;
}

// Cuts long strings anywhere in a JSON value; returns whether any was cut.
bool cutJson(QJsonValue &value, qsizetype maxChars)
{
    if (value.isString()) {
        QString text = value.toString();
        if (!cutText(text, maxChars))
            return false;
        value = text;
        return true;
    }
    bool cut = false;
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            QJsonValue member = it.value();
            if (cutJson(member, maxChars)) {
                it.value() = member;
                cut = true;
            }
        }
        if (cut)
            value = object;
    } else if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            QJsonValue element = array.at(i);
            if (cutJson(element, maxChars)) {
                array.replace(i, element);
                cut = true;
            }
        }
        if (cut)
            value = array;
    }
    return cut;
}

// Parsed fields are stored beside the body, so a field of megabytes would
// bypass the body cap. Long ones are cut, and a finding records it.
void cutFields(StoredExchange &stored, qsizetype maxChars)
{
    CallbackFields &callback = stored.exchange.callback;
    QStringList cutNames;
    const std::pair<const char *, QString *> texts[] = {
        {"asset", &callback.asset},         {"user", &callback.user},
        {"session", &callback.session},     {"drmScheme", &callback.drmSchemeText},
        {"remoteAddr", &callback.remoteAddr}, {"userAgent", &callback.userAgent},
        {"extraData", &callback.extraData},
    };
    for (const auto &[name, text] : texts) {
        if (cutText(*text, maxChars))
            cutNames.append(QLatin1String(name));
    }
    for (QString &asset : callback.assets)
        cutText(asset, maxChars);
    for (QJsonObject *object : {&callback.fields, &callback.unknownFields}) {
        QJsonValue value(*object);
        if (cutJson(value, maxChars)) {
            *object = value.toObject();
            callback.fieldsAreBody = false;
        }
    }
    if (!cutNames.isEmpty()) {
        stored.exchange.findings.append(
            Finding{FindingSeverity::Info, QStringLiteral("stored-field-cut"), cutNames.join(QStringLiteral(", ")),
                    ExchangeStore::tr("Parsed fields longer than %L1 characters were cut in the request log; the "
                                      "body shows what was sent")
                        .arg(maxChars)});
    }
}

} // namespace

// Owns the write connection. run() opens the file, reports the result to
// open(), then loops: take everything pending, insert it, trim to the limits.
class ExchangeStoreWriter : public QThread
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeStore)

public:
    ExchangeStoreWriter(ExchangeStore *store, const QString &fileName, const ExchangeStore::Options &options,
                        std::shared_ptr<ExchangeStoreBacklog> backlog)
        : m_store(store)
        , m_backlog(std::move(backlog))
        , m_fileName(fileName)
        , m_options(options)
        , m_limits(options.limits)
    {
        setObjectName(QStringLiteral("request-log-writer"));
    }

    StoreResult<> startAndWaitForOpen()
    {
        start();
        QMutexLocker locker(&m_mutex);
        while (!m_openDone)
            m_progress.wait(&m_mutex);
        return m_openResult;
    }

    void enqueue(QList<StoredExchange> &&exchanges)
    {
        QMutexLocker locker(&m_mutex);
        if (m_stopping || !m_openResult.ok())
            return;
        for (StoredExchange &stored : exchanges) {
            const qint64 bytes = bodyBytes(stored);
            if (m_pending.size() >= m_options.maxPendingExchanges
                || m_pendingBytes + bytes > m_options.maxPendingBytes) {
                ++m_statistics.droppedExchanges;
                if (!std::exchange(m_dropWarned, true))
                    qCWarning(lcStore) << "Request log" << m_fileName << "is behind; dropping exchanges";
                continue;
            }
            m_pendingBytes += bytes;
            m_pending.append(std::move(stored));
            ++m_appendedSequence;
        }
        publishBacklogLocked();
        m_wake.wakeOne();
    }

    qint64 maxBodyBytes() const
    {
        QMutexLocker locker(&m_mutex);
        return m_limits.maxBodyBytes;
    }

    StoreResult<> flush()
    {
        QMutexLocker locker(&m_mutex);
        const qint64 target = m_appendedSequence;
        m_wake.wakeOne();
        while (isRunning() && (m_handledSequence < target || m_busy || m_trimDue || m_trimRequested))
            m_progress.wait(&m_mutex, 100);
        if (m_lastError) {
            const StoreError error = *std::exchange(m_lastError, std::nullopt);
            return error;
        }
        return std::monostate{};
    }

    void stop()
    {
        {
            QMutexLocker locker(&m_mutex);
            m_stopping = true;
            m_wake.wakeOne();
        }
        wait();
    }

    void setLimits(const ExchangeStore::Limits &limits)
    {
        QMutexLocker locker(&m_mutex);
        m_limits = limits;
        m_trimRequested = true;
        m_wake.wakeOne();
    }

    ExchangeStore::Limits limits() const
    {
        QMutexLocker locker(&m_mutex);
        return m_limits;
    }

    ExchangeStore::Statistics statistics() const
    {
        QMutexLocker locker(&m_mutex);
        ExchangeStore::Statistics statistics = m_statistics;
        statistics.pendingExchanges = m_pending.size();
        return statistics;
    }

    bool hasFullTextIndex() const { return m_fullTextIndex; }
    bool insertsNatively() const { return m_insertsNatively; }
    QString fileName() const { return m_fileName; }

protected:
    void run() override
    {
        const QString connectionName =
            QStringLiteral("callbacklab-log-writer-%1").arg(quintptr(this), 0, 16);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
            const StoreResult<> opened = openDatabase(db);
            {
                QMutexLocker locker(&m_mutex);
                m_openResult = opened;
                m_openDone = true;
                m_progress.wakeAll();
            }
            if (opened.ok()) {
                qCInfo(lcStore) << "Request log" << m_fileName << "opened with" << m_statistics.storedExchanges
                                << "exchanges";
                writeLoop(db);
                QSqlQuery(db).exec(QStringLiteral("PRAGMA optimize"));
                qCInfo(lcStore) << "Request log" << m_fileName << "closed with" << m_statistics.storedExchanges
                                << "exchanges";
            }
            m_nativeInsert.reset();
            m_insert.reset();
            m_insertAsset.reset();
            m_insertText.reset();
            db.close();
        }
        QSqlDatabase::removeDatabase(connectionName);
    }

private:
    // Called with m_mutex held whenever the queue or the handled count changes.
    void publishBacklogLocked()
    {
        m_backlog->m_exchanges.store(m_appendedSequence - m_handledSequence, std::memory_order_relaxed);
        m_backlog->m_queued.store(m_pending.size(), std::memory_order_relaxed);
        m_backlog->m_capacity.store(m_options.maxPendingExchanges, std::memory_order_relaxed);
        const double byBytes = double(m_pendingBytes) / double(qMax<qint64>(1, m_options.maxPendingBytes));
        m_backlog->m_bytesPermille.store(int(qMin(1.0, byBytes) * 1000), std::memory_order_relaxed);
    }

    StoreResult<> openDatabase(QSqlDatabase &db);
    void writeLoop(QSqlDatabase &db);
    void writeBatch(QSqlDatabase &db, QList<StoredExchange> &batch, const ExchangeStore::Limits &limits);
    bool commitSlice(QSqlDatabase &db, qint64 rows, qint64 lastLogId);
    bool trimStep(QSqlDatabase &db, const ExchangeStore::Limits &limits);
    qint64 removeOldest(QSqlDatabase &db, qint64 rows);
    void indexText(qint64 logId, const StoredExchange &stored);
    std::optional<qint64> usedBytes(QSqlDatabase &db);
    void analyzeIfGrown(QSqlDatabase &db);
    void reportError(const StoreError &error);

    ExchangeStore *m_store;
    const std::shared_ptr<ExchangeStoreBacklog> m_backlog;
    const QString m_fileName;
    const ExchangeStore::Options m_options;
    std::atomic<bool> m_fullTextIndex{false};
    std::atomic<bool> m_insertsNatively{false};

    // Guarded by m_mutex.
    mutable QMutex m_mutex;
    QWaitCondition m_wake;      // the writer waits for work
    QWaitCondition m_progress;  // open() and flush() wait for the writer
    bool m_openDone = false;
    StoreResult<> m_openResult = StoreError{StoreError::Code::NotOpen, QString(), QString()};
    bool m_stopping = false;
    QList<StoredExchange> m_pending;
    qint64 m_pendingBytes = 0;
    qint64 m_appendedSequence = 0;
    qint64 m_handledSequence = 0;
    bool m_trimDue = false;        // the writer found more rows to remove
    bool m_trimRequested = false;  // the limits changed since the writer last looked
    bool m_busy = false;           // the writer is inside one round of writing and trimming
    bool m_dropWarned = false;
    ExchangeStore::Limits m_limits;
    ExchangeStore::Statistics m_statistics;
    std::optional<StoreError> m_lastError;

    // Writer thread only.
    std::unique_ptr<NativeExchangeInsert> m_nativeInsert;  // when null, m_insert inserts
    std::unique_ptr<QSqlQuery> m_insert;
    std::unique_ptr<QSqlQuery> m_insertAsset;
    std::unique_ptr<QSqlQuery> m_insertText;
    qint64 m_sizeTrimRows = 0;  // rows still to remove for the size limit
    qint64 m_analyzedAtCount = 0;
    QString m_lastReportedError;
};

StoreResult<> ExchangeStoreWriter::openDatabase(QSqlDatabase &db)
{
    db.setDatabaseName(m_fileName);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return ExchangeSchema::errorFrom(db.lastError(), m_fileName);

    const auto info = ExchangeSchema::inspect(db, m_fileName);
    if (!info)
        return info.error();
    ExchangeSchema::FileInfo fileInfo = *info;
    switch (fileInfo.kind) {
    case ExchangeSchema::FileKind::Foreign:
        return StoreError{StoreError::Code::NotALog, m_fileName,
                          tr("the file is an SQLite database but not a CallbackLab request log")};
    case ExchangeSchema::FileKind::Newer:
        return StoreError{StoreError::Code::NewerVersion, m_fileName,
                          tr("the log was written by a newer CallbackLab (schema version %1, this one knows %2)")
                              .arg(fileInfo.version)
                              .arg(ExchangeSchema::Version)};
    case ExchangeSchema::FileKind::Empty: {
        // WAL must be set before the first write so the schema goes through it.
        QSqlQuery mode(db);
        if (!mode.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            return ExchangeSchema::errorFrom(mode.lastError(), m_fileName);
        mode.finish();
        const auto created = ExchangeSchema::create(db, m_fileName, m_options.fullTextIndex);
        if (!created)
            return created.error();
        fileInfo = *created;
        break;
    }
    case ExchangeSchema::FileKind::Log:
        break;
    }
    m_fullTextIndex = fileInfo.hasFullTextIndex;

    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !query.next())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);
    if (query.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        return StoreError{StoreError::Code::CannotOpen, m_fileName,
                          tr("the file cannot use write-ahead logging (journal mode stays '%1')")
                              .arg(query.value(0).toString())};
    }
    for (const char *pragma : {"PRAGMA synchronous=NORMAL", "PRAGMA journal_size_limit=67108864",
                               "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY"}) {
        const auto result = ExchangeSchema::exec(db, m_fileName, QString::fromLatin1(pragma));
        if (!result)
            return result;
    }

    if (!query.exec(QStringLiteral("SELECT count(*), coalesce(max(id), 0) FROM exchanges")) || !query.next())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);
    m_statistics.storedExchanges = query.value(0).toLongLong();
    m_statistics.lastLogId = query.value(1).toLongLong();
    query.finish();
    m_statistics.usedBytes = usedBytes(db).value_or(0);
    m_analyzedAtCount = m_statistics.storedExchanges / 2;

    m_insert = std::make_unique<QSqlQuery>(db);
    m_insertAsset = std::make_unique<QSqlQuery>(db);
    if (!m_insert->prepare(ExchangeSchema::insertSql()))
        return ExchangeSchema::errorFrom(m_insert->lastError(), m_fileName);
    if (!m_insertAsset->prepare(QStringLiteral("INSERT OR IGNORE INTO exchange_assets (exchange_id, asset) VALUES (?, ?)")))
        return ExchangeSchema::errorFrom(m_insertAsset->lastError(), m_fileName);
    if (m_options.nativeInsert) {
        QString reason;
        m_nativeInsert = NativeExchangeInsert::prepare(db, &reason);
        if (!m_nativeInsert)
            qCInfo(lcStore).noquote() << "Request log: inserting through QSqlQuery, because" << reason;
        m_insertsNatively = m_nativeInsert != nullptr;
    }
    if (m_fullTextIndex) {
        m_insertText = std::make_unique<QSqlQuery>(db);
        if (!m_insertText->prepare(ExchangeSchema::fullTextInsertSql()))
            return ExchangeSchema::errorFrom(m_insertText->lastError(), m_fileName);
    }
    m_trimRequested = true;
    return std::monostate{};
}

void ExchangeStoreWriter::writeLoop(QSqlDatabase &db)
{
    while (true) {
        QList<StoredExchange> batch;
        ExchangeStore::Limits limits;
        {
            QMutexLocker locker(&m_mutex);
            while (m_pending.isEmpty() && !m_stopping && !m_trimDue && !m_trimRequested)
                m_wake.wait(&m_mutex);
            if (m_pending.isEmpty() && m_stopping)
                break;
            batch.swap(m_pending);
            m_pendingBytes = 0;
            publishBacklogLocked();
            m_dropWarned = false;
            limits = m_limits;
            m_trimRequested = false;
            m_busy = true;
        }

        if (!batch.isEmpty())
            writeBatch(db, batch, limits);

        // Retention left undone at close continues on the next open.
        const bool stopping = [this] {
            QMutexLocker locker(&m_mutex);
            return m_stopping;
        }();
        const bool moreTrimming = !stopping && trimStep(db, limits);
        analyzeIfGrown(db);

        QMutexLocker locker(&m_mutex);
        m_trimDue = moreTrimming;
        m_busy = false;
        m_progress.wakeAll();
    }
}

void ExchangeStoreWriter::writeBatch(QSqlDatabase &db, QList<StoredExchange> &batch,
                                     const ExchangeStore::Limits &limits)
{
    QElapsedTimer slice;
    qint64 rowsInSlice = 0;
    qint64 handledInSlice = 0;
    qint64 lastLogId = 0;

    for (qsizetype i = 0; i < batch.size(); ++i) {
        if (rowsInSlice == 0 && handledInSlice == 0) {
            if (!db.transaction()) {
                reportError(ExchangeSchema::errorFrom(db.lastError(), m_fileName));
                QMutexLocker locker(&m_mutex);
                m_statistics.droppedExchanges += batch.size() - i;
                m_handledSequence += batch.size() - i;
                publishBacklogLocked();
                return;
            }
            slice.start();
        }

        const StoredExchange &stored = batch.at(i);
        ++handledInSlice;
        std::optional<qint64> insertedId;
        if (m_nativeInsert) {
            insertedId = m_nativeInsert->insert(stored);
        } else {
            ExchangeSchema::bindInsert(*m_insert, stored);
            if (m_insert->exec())
                insertedId = m_insert->lastInsertId().toLongLong();
        }
        if (insertedId) {
            lastLogId = *insertedId;
            ++rowsInSlice;
            if (m_insertText)
                indexText(lastLogId, stored);
            const QStringList &assets = stored.exchange.callback.assets;
            if (assets.size() > 1) {
                for (const QString &asset : assets) {
                    m_insertAsset->bindValue(0, lastLogId);
                    m_insertAsset->bindValue(1, asset);
                    if (!m_insertAsset->exec())
                        qCWarning(lcStore) << "Request log: storing the assets of" << lastLogId << "failed:"
                                           << m_insertAsset->lastError().text();
                }
            }
        } else {
            reportError(ExchangeSchema::errorFrom(m_nativeInsert ? m_nativeInsert->lastError() : m_insert->lastError(),
                                                  m_fileName));
            QMutexLocker locker(&m_mutex);
            ++m_statistics.droppedExchanges;
        }

        const bool last = i + 1 == batch.size();
        if (last || slice.elapsed() >= CommitSliceMs) {
            if (!commitSlice(db, rowsInSlice, lastLogId)) {
                QMutexLocker locker(&m_mutex);
                m_statistics.droppedExchanges += rowsInSlice;
            }
            {
                QMutexLocker locker(&m_mutex);
                m_handledSequence += handledInSlice;
                publishBacklogLocked();
                m_progress.wakeAll();
            }
            rowsInSlice = 0;
            handledInSlice = 0;

            // Between slices of a long batch, trim too, so the file does not
            // grow by a whole burst before retention catches up.
            if (!last)
                trimStep(db, limits);
        }
    }
    batch.clear();
}

bool ExchangeStoreWriter::commitSlice(QSqlDatabase &db, qint64 rows, qint64 lastLogId)
{
    if (!db.commit()) {
        reportError(ExchangeSchema::errorFrom(db.lastError(), m_fileName));
        db.rollback();
        return false;
    }
    if (rows == 0)
        return true;

    qint64 stored = 0;
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.committedExchanges += rows;
        m_statistics.storedExchanges += rows;
        m_statistics.lastLogId = lastLogId;
        stored = m_statistics.storedExchanges;
        m_lastReportedError.clear();
    }
    emit m_store->committed(lastLogId, stored);
    return true;
}

std::optional<qint64> ExchangeStoreWriter::usedBytes(QSqlDatabase &db)
{
    QSqlQuery query(db);
    qint64 values[3] = {};
    const char *const pragmas[] = {"PRAGMA page_count", "PRAGMA freelist_count", "PRAGMA page_size"};
    for (int i = 0; i < 3; ++i) {
        if (!query.exec(QString::fromLatin1(pragmas[i])) || !query.next())
            return std::nullopt;
        values[i] = query.value(0).toLongLong();
    }
    return (values[0] - values[1]) * values[2];
}

// Removes at most one batch of the oldest rows when the log is over a limit.
// Returns true when more rows are to be removed.
bool ExchangeStoreWriter::trimStep(QSqlDatabase &db, const ExchangeStore::Limits &limits)
{
    const qint64 maxBytes = qMax(limits.maxBytes, MinMaxBytes);
    qint64 stored = 0;
    {
        QMutexLocker locker(&m_mutex);
        stored = m_statistics.storedExchanges;
    }
    const std::optional<qint64> used = usedBytes(db);
    if (used) {
        QMutexLocker locker(&m_mutex);
        m_statistics.usedBytes = *used;
    }

    // A size plan is carried out before the size is measured again, because
    // pages of indexes and of the full-text index are freed later than the
    // rows. One plan removes at most a quarter of the rows, so a measure that
    // lags cannot empty the log at once.
    if (m_sizeTrimRows == 0 && used && *used > maxBytes && stored > 0) {
        const double excess = double(*used - qint64(double(maxBytes) * SizeTrimTarget)) / double(*used);
        m_sizeTrimRows = qBound(qint64(1), qint64(double(stored) * excess) + 1, qMax(qint64(1), stored / 4));
    }
    const qint64 countExcess = qMax(qint64(0), stored - qMax(limits.maxExchanges, qint64(0)));
    const qint64 toRemove = qMin(qMax(countExcess, m_sizeTrimRows), stored);
    if (toRemove <= 0) {
        m_sizeTrimRows = 0;
        return false;
    }

    const qint64 removed = removeOldest(db, qMin(toRemove, qint64(RetentionBatchRows)));
    if (removed <= 0) {
        m_sizeTrimRows = 0;
        return false;
    }
    m_sizeTrimRows = qMax(qint64(0), m_sizeTrimRows - removed);
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.storedExchanges -= removed;
        m_statistics.removedExchanges += removed;
    }
    qCDebug(lcStore) << "Request log: removed" << removed << "oldest exchanges";

    // Deleting from the full-text index adds delete markers; merging its
    // segments a bounded amount at a time gives their space back.
    if (m_fullTextIndex) {
        QSqlQuery merge(db);
        if (!merge.exec(QStringLiteral("INSERT INTO exchange_text(exchange_text, rank) VALUES ('merge', -256)")))
            qCWarning(lcStore) << "Request log: merging the full-text index failed:" << merge.lastError().text();
    }
    return true;
}

void ExchangeStoreWriter::indexText(qint64 logId, const StoredExchange &stored)
{
    const Exchange &exchange = stored.exchange;
    const QVariantList values = ExchangeSchema::fullTextValues(
        logId, exchange.request.target, ExchangeSchema::encodeHeaders(exchange.request.headers), exchange.request.body,
        ExchangeSchema::encodeHeaders(exchange.response.headers), exchange.response.body);
    for (int i = 0; i < values.size(); ++i)
        m_insertText->bindValue(i, values.at(i));
    if (!m_insertText->exec())
        qCWarning(lcStore) << "Request log: indexing the text of" << logId << "failed:" << m_insertText->lastError().text();
}

// Removes the given number of rows with the lowest ids, and their text from
// exchange_text, in one transaction. Returns the count removed, -1 on error.
qint64 ExchangeStoreWriter::removeOldest(QSqlDatabase &db, qint64 rows)
{
    if (!db.transaction()) {
        reportError(ExchangeSchema::errorFrom(db.lastError(), m_fileName));
        return -1;
    }

    QSqlQuery oldest(db);
    oldest.setForwardOnly(true);
    oldest.prepare(m_fullTextIndex
                       ? QStringLiteral("SELECT id, target, req_headers, req_body, resp_headers, resp_body FROM exchanges"
                                        " ORDER BY id LIMIT ?")
                       : QStringLiteral("SELECT id FROM exchanges ORDER BY id LIMIT ?"));
    oldest.bindValue(0, rows);
    if (!oldest.exec()) {
        reportError(ExchangeSchema::errorFrom(oldest.lastError(), m_fileName));
        db.rollback();
        return -1;
    }
    QSqlQuery unindex(db);
    if (m_fullTextIndex)
        unindex.prepare(ExchangeSchema::fullTextDeleteSql());
    qint64 lastId = -1;
    while (oldest.next()) {
        lastId = oldest.value(0).toLongLong();
        if (!m_fullTextIndex)
            continue;
        const QVariantList values = ExchangeSchema::fullTextValues(
            lastId, oldest.value(1).toByteArray(), oldest.value(2).toByteArray(), oldest.value(3).toByteArray(),
            oldest.value(4).toByteArray(), oldest.value(5).toByteArray());
        for (int i = 0; i < values.size(); ++i)
            unindex.bindValue(i, values.at(i));
        if (!unindex.exec()) {
            reportError(ExchangeSchema::errorFrom(unindex.lastError(), m_fileName));
            db.rollback();
            return -1;
        }
    }
    oldest.finish();
    if (lastId < 0) {
        db.rollback();
        return 0;
    }

    QSqlQuery remove(db);
    remove.prepare(QStringLiteral("DELETE FROM exchanges WHERE id <= ?"));
    remove.bindValue(0, lastId);
    if (!remove.exec()) {
        reportError(ExchangeSchema::errorFrom(remove.lastError(), m_fileName));
        db.rollback();
        return -1;
    }
    const qint64 removed = remove.numRowsAffected();
    remove.finish();
    if (!db.commit()) {
        reportError(ExchangeSchema::errorFrom(db.lastError(), m_fileName));
        db.rollback();
        return -1;
    }
    return removed;
}

// Keeps the planner's statistics current as the log grows, so a filter on a
// common value (status:200) walks the time index instead of sorting.
void ExchangeStoreWriter::analyzeIfGrown(QSqlDatabase &db)
{
    qint64 stored = 0;
    {
        QMutexLocker locker(&m_mutex);
        stored = m_statistics.storedExchanges;
    }
    if (stored < 1000 || stored < 2 * m_analyzedAtCount)
        return;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA analysis_limit=400")) || !query.exec(QStringLiteral("ANALYZE"))) {
        qCWarning(lcStore) << "Request log: ANALYZE failed:" << query.lastError().text();
        return;
    }
    m_analyzedAtCount = stored;
}

void ExchangeStoreWriter::reportError(const StoreError &error)
{
    {
        QMutexLocker locker(&m_mutex);
        m_lastError = error;
    }
    const QString message = error.toString();
    if (message == m_lastReportedError)
        return;
    m_lastReportedError = message;
    qCWarning(lcStore).noquote() << message;
    emit m_store->writeFailed(message);
}

ExchangeStore::ExchangeStore(QObject *parent)
    : QObject(parent)
{
}

ExchangeStore::~ExchangeStore()
{
    close();
}

StoreResult<> ExchangeStore::open(const QString &fileName, const Options &options)
{
    close();

    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    const QString folder = QFileInfo(absolute).absolutePath();
    if (!QDir().mkpath(folder)) {
        return StoreError{StoreError::Code::CannotOpen, absolute,
                          tr("the folder %1 cannot be created").arg(QDir::toNativeSeparators(folder))};
    }
    const bool existed = QFileInfo::exists(absolute);
    if (existed && !QFileInfo(absolute).isWritable()) {
        return StoreError{StoreError::Code::CannotOpen, absolute,
                          tr("the file is read-only; make it writable or choose another file")};
    }

    m_lock = std::make_unique<QLockFile>(absolute + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        StoreError error{StoreError::Code::Locked, absolute, QString()};
        if (m_lock->error() == QLockFile::LockFailedError && m_lock->getLockInfo(&pid, &host, &application)) {
            error.message = tr("the log is in use by another process (%1, process id %2 on %3)")
                                .arg(application)
                                .arg(pid)
                                .arg(host);
        } else if (m_lock->error() == QLockFile::PermissionError) {
            error.code = StoreError::Code::CannotOpen;
            error.message = tr("the lock file %1.lock cannot be created; check that the folder is writable")
                                .arg(QDir::toNativeSeparators(absolute));
        } else if (m_lock->error() == QLockFile::LockFailedError) {
            error.message = tr("the log is in use by another process");
        } else {
            error.code = StoreError::Code::CannotOpen;
            error.message = tr("the lock file %1.lock cannot be created; check that the folder is writable")
                                .arg(QDir::toNativeSeparators(absolute));
        }
        m_lock.reset();
        return error;
    }

    auto writer = std::make_unique<ExchangeStoreWriter>(this, absolute, options, m_backlog);
    const StoreResult<> result = writer->startAndWaitForOpen();
    if (!result) {
        writer->stop();
        m_lock.reset();
        // Leave no empty file behind that this call created; never touch one that existed.
        if (!existed && QFileInfo(absolute).size() == 0)
            QFile::remove(absolute);
        qCWarning(lcStore).noquote() << result.error().toString();
        return result;
    }
    m_writer = std::move(writer);
    return result;
}

StoreResult<> ExchangeStore::open(const QString &fileName)
{
    return open(fileName, Options());
}

void ExchangeStore::close()
{
    if (m_writer) {
        m_writer->stop();
        m_writer.reset();
    }
    m_backlog->m_exchanges.store(0, std::memory_order_relaxed);
    m_backlog->m_queued.store(0, std::memory_order_relaxed);
    m_backlog->m_bytesPermille.store(0, std::memory_order_relaxed);
    m_lock.reset();
}

bool ExchangeStore::isOpen() const
{
    return m_writer != nullptr;
}

QString ExchangeStore::fileName() const
{
    return m_writer ? m_writer->fileName() : QString();
}

bool ExchangeStore::hasFullTextIndex() const
{
    return m_writer && m_writer->hasFullTextIndex();
}

bool ExchangeStore::insertsNatively() const
{
    return m_writer && m_writer->insertsNatively();
}

void ExchangeStore::append(const QList<Exchange> &exchanges)
{
    QList<StoredExchange> stored;
    stored.reserve(exchanges.size());
    for (const Exchange &exchange : exchanges)
        stored.append(StoredExchange::fromExchange(exchange));
    appendStored(stored);
}

void ExchangeStore::appendStored(const QList<StoredExchange> &exchanges)
{
    if (!m_writer || exchanges.isEmpty())
        return;

    const qint64 maxBodyBytes = m_writer->maxBodyBytes();
    QList<StoredExchange> queued = exchanges;
    for (StoredExchange &stored : queued) {
        stored.requestBodySize = qMax(stored.requestBodySize, qint64(stored.exchange.request.body.size()));
        stored.responseBodySize = qMax(stored.responseBodySize, qint64(stored.exchange.response.body.size()));
        cutBody(stored.exchange.request.body, stored.requestBodySize, maxBodyBytes, &stored.requestBodyCut);
        cutBody(stored.exchange.response.body, stored.responseBodySize, maxBodyBytes, &stored.responseBodyCut);
        // Fields come from the body or the target, so only a long one can hold a long field.
        const qint64 maxFieldChars = qMin<qint64>(MaxFieldChars, maxBodyBytes);
        if (stored.requestBodySize > maxFieldChars || stored.exchange.request.target.size() > maxFieldChars)
            cutFields(stored, maxFieldChars);
    }
    m_writer->enqueue(std::move(queued));
}

StoreResult<> ExchangeStore::flush()
{
    if (!m_writer)
        return StoreError{StoreError::Code::NotOpen, QString(), tr("the request log is not open")};
    return m_writer->flush();
}

void ExchangeStore::setLimits(const Limits &limits)
{
    if (m_writer)
        m_writer->setLimits(limits);
}

ExchangeStore::Limits ExchangeStore::limits() const
{
    return m_writer ? m_writer->limits() : Limits();
}

ExchangeStore::Statistics ExchangeStore::statistics() const
{
    return m_writer ? m_writer->statistics() : Statistics();
}

QString ExchangeStore::defaultFileName()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/exchanges.sqlite");
}

QString ExchangeStore::proposeNewFileName(const QString &fileName)
{
    const QFileInfo info(fileName);
    const QString folder = info.absolutePath();
    const QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : QLatin1Char('.') + info.suffix();
    for (int number = 2;; ++number) {
        const QString candidate = QStringLiteral("%1/%2-%3%4").arg(folder, base).arg(number).arg(suffix);
        if (!QFileInfo::exists(candidate) && !QFileInfo::exists(candidate + QStringLiteral("-wal"))
            && !QFileInfo::exists(candidate + QStringLiteral(".lock")))
            return candidate;
    }
}
