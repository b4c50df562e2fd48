#include "exchangestorereader.h"

#include "exchangeschema.h"
#include "sqlitenative.h"

#include <QFileInfo>
#include <QSqlQuery>

#include <atomic>

namespace {

std::atomic<quint64> nextConnection{1};

ExchangeRow readRow(const QSqlQuery &query)
{
    ExchangeRow row;
    int column = 0;
    const auto next = [&query, &column]() { return query.value(column++); };
    row.logId = next().toLongLong();
    row.receivedAt = QDateTime::fromMSecsSinceEpoch(next().toLongLong(), Qt::UTC);
    row.method = next().toString();
    row.target = next().toByteArray();
    row.peerAddress = next().toString();
    row.peerPort = quint16(next().toUInt());
    row.asset = next().toString();
    row.user = next().toString();
    row.session = next().toString();
    row.drmSchemeText = next().toString();
    row.decision = ExchangeNames::decisionFromName(next().toString()).value_or(Decision::Rejected);
    row.decidedBy = next().toString();
    row.status = next().toInt();
    row.latencyMicros = next().toLongLong();
    row.outcome = ExchangeNames::outcomeFromName(next().toString()).value_or(DeliveryOutcome::Sent);
    row.findingCount = next().toInt();
    row.maxSeverity = next().toInt();
    row.captured = next().toInt() != 0;
    row.requestBodySize = next().toLongLong();
    row.responseBodySize = next().toLongLong();
    row.remoteAddr = next().toString();
    return row;
}

void bindAll(QSqlQuery &query, const QVariantList &bindings)
{
    for (int i = 0; i < bindings.size(); ++i)
        query.bindValue(i, bindings.at(i));
}

} // namespace

ExchangeRow ExchangeRow::fromStored(const StoredExchange &stored)
{
    const Exchange &exchange = stored.exchange;
    ExchangeRow row;
    row.logId = stored.logId;
    row.receivedAt = exchange.request.receivedAt.toUTC();
    row.method = QString::fromLatin1(exchange.request.method);
    row.target = exchange.request.target;
    row.peerAddress = exchange.request.peerAddress;
    row.peerPort = exchange.request.peerPort;
    row.asset = exchange.callback.asset;
    row.user = exchange.callback.user;
    row.session = exchange.callback.session;
    row.drmSchemeText = exchange.callback.drmSchemeText;
    row.remoteAddr = exchange.callback.remoteAddr;
    row.decision = exchange.decision;
    row.decidedBy = exchange.decidedBy;
    row.status = exchange.response.status;
    row.latencyMicros = exchange.latencyMicros;
    row.outcome = exchange.outcome;
    row.findingCount = int(exchange.findings.size());
    for (const Finding &finding : exchange.findings)
        row.maxSeverity = qMax(row.maxSeverity, int(finding.severity));
    row.captured = stored.captured;
    row.requestBodySize = stored.requestBodySize;
    row.responseBodySize = stored.responseBodySize;
    return row;
}

ExchangeStoreReader::ExchangeStoreReader() = default;

ExchangeStoreReader::~ExchangeStoreReader()
{
    close();
}

StoreResult<> ExchangeStoreReader::open(const QString &fileName)
{
    close();
    const QString absolute = QFileInfo(fileName).absoluteFilePath();
    if (!QFileInfo(absolute).isFile())
        return StoreError{StoreError::Code::NotFound, absolute, tr("the file does not exist")};

    const QString connectionName = QStringLiteral("callbacklab-log-reader-%1").arg(nextConnection++);
    StoreResult<> result = std::monostate{};
    bool fullText = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
        db.setDatabaseName(absolute);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!db.open()) {
            result = ExchangeSchema::errorFrom(db.lastError(), absolute);
        } else if (const auto info = ExchangeSchema::inspect(db, absolute); !info) {
            result = info.error();
        } else if (info->kind == ExchangeSchema::FileKind::Newer) {
            result = StoreError{StoreError::Code::NewerVersion, absolute,
                                tr("the log was written by a newer CallbackLab (schema version %1, this one knows %2)")
                                    .arg(info->version)
                                    .arg(ExchangeSchema::Version)};
        } else if (info->kind != ExchangeSchema::FileKind::Log) {
            result = StoreError{StoreError::Code::NotALog, absolute, tr("the file is not a CallbackLab request log")};
        } else {
            fullText = info->hasFullTextIndex;
            QSqlQuery(db).exec(QStringLiteral("PRAGMA query_only=1"));
            QString reason;
            m_handle = nativeSqliteHandle(db, &reason);
            if (!m_handle)
                qCInfo(lcStore).noquote() << "Request log reader: queries cannot be interrupted, because" << reason;
        }
        if (!result)
            db.close();
    }
    if (!result) {
        QSqlDatabase::removeDatabase(connectionName);
        return result;
    }

    m_fileName = absolute;
    m_connectionName = connectionName;
    m_thread = QThread::currentThread();
    m_fullTextIndex = fullText;
    return result;
}

void ExchangeStoreReader::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_handle = nullptr;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_thread = nullptr;
}

void ExchangeStoreReader::interrupt()
{
    if (sqlite3 *handle = m_handle.load())
        interruptSqlite(handle);
}

StoreResult<> ExchangeStoreReader::checkUsable() const
{
    if (m_connectionName.isEmpty())
        return StoreError{StoreError::Code::NotOpen, m_fileName, tr("the request log is not open")};
    if (QThread::currentThread() != m_thread) {
        return StoreError{StoreError::Code::QueryFailed, m_fileName,
                          tr("a request log reader was used from another thread than the one that opened it")};
    }
    return std::monostate{};
}

QString ExchangeStoreReader::orderBy(const ExchangeSort &sort) const
{
    const QLatin1String direction(sort.order == Qt::AscendingOrder ? "ASC" : "DESC");
    switch (sort.key) {
    case ExchangeSort::Key::Time:
        return QStringLiteral("received_at %1, id %1").arg(direction);
    case ExchangeSort::Key::Latency:
        return QStringLiteral("latency_us %1, id %1").arg(direction);
    case ExchangeSort::Key::Status:
        return QStringLiteral("status %1, received_at %1, id %1").arg(direction);
    }
    return QStringLiteral("id %1").arg(direction);
}

StoreResult<qint64> ExchangeStoreReader::count(const ExchangeFilter &filter, const QDateTime &now)
{
    if (const auto usable = checkUsable(); !usable)
        return usable.error();
    const ExchangeFilter::SqlWhere where = filter.toSql(now, m_fullTextIndex);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*) FROM exchanges WHERE %1").arg(where.sql));
    bindAll(query, where.bindings);
    if (!query.exec() || !query.next())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);
    return query.value(0).toLongLong();
}

StoreResult<QList<ExchangeRow>> ExchangeStoreReader::rows(const ExchangeFilter &filter, const ExchangeSort &sort,
                                                          qint64 offset, int limit, const QDateTime &now)
{
    if (const auto usable = checkUsable(); !usable)
        return usable.error();
    const ExchangeFilter::SqlWhere where = filter.toSql(now, m_fullTextIndex);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM exchanges WHERE %2 ORDER BY %3 LIMIT ? OFFSET ?")
                      .arg(ExchangeSchema::rowColumns(), where.sql, orderBy(sort)));
    bindAll(query, where.bindings + QVariantList{qMax(limit, 0), qMax(offset, qint64(0))});
    if (!query.exec())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);

    QList<ExchangeRow> result;
    result.reserve(qMax(limit, 0));
    while (query.next())
        result.append(readRow(query));
    if (query.lastError().isValid())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);
    return result;
}

StoreResult<QList<qint64>> ExchangeStoreReader::ids(const ExchangeFilter &filter, const ExchangeSort &sort,
                                                    qint64 offset, int limit, const QDateTime &now)
{
    if (const auto usable = checkUsable(); !usable)
        return usable.error();
    const ExchangeFilter::SqlWhere where = filter.toSql(now, m_fullTextIndex);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT id FROM exchanges WHERE %1 ORDER BY %2 LIMIT ? OFFSET ?")
                      .arg(where.sql, orderBy(sort)));
    bindAll(query, where.bindings + QVariantList{qMax(limit, 0), qMax(offset, qint64(0))});
    if (!query.exec())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);

    QList<qint64> result;
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

StoreResult<StoredExchange> ExchangeStoreReader::load(qint64 logId)
{
    if (const auto usable = checkUsable(); !usable)
        return usable.error();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM exchanges WHERE id = ?").arg(ExchangeSchema::storedColumns()));
    query.bindValue(0, logId);
    if (!query.exec())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);
    if (!query.next()) {
        return StoreError{StoreError::Code::QueryFailed, m_fileName,
                          tr("exchange %1 is not in the log; retention may have removed it").arg(logId)};
    }
    return ExchangeSchema::readStored(query);
}

StoreResult<QList<StoredExchange>> ExchangeStoreReader::loadAfter(const ExchangeFilter &filter, qint64 afterLogId,
                                                                  int limit, const QDateTime &now)
{
    if (const auto usable = checkUsable(); !usable)
        return usable.error();
    const ExchangeFilter::SqlWhere where = filter.toSql(now, m_fullTextIndex);
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM exchanges WHERE id > ? AND (%2) ORDER BY id LIMIT ?")
                      .arg(ExchangeSchema::storedColumns(), where.sql));
    bindAll(query, QVariantList{afterLogId} + where.bindings + QVariantList{qMax(limit, 0)});
    if (!query.exec())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);

    QList<StoredExchange> result;
    while (query.next())
        result.append(ExchangeSchema::readStored(query));
    if (query.lastError().isValid())
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);
    return result;
}

StoreResult<QStringList> ExchangeStoreReader::compileOptions()
{
    if (const auto usable = checkUsable(); !usable)
        return usable.error();
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("PRAGMA compile_options")))
        return ExchangeSchema::errorFrom(query.lastError(), m_fileName);
    QStringList options;
    while (query.next())
        options.append(query.value(0).toString());
    return options;
}
