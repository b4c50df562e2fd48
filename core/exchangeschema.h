// The SQLite schema of the request log and the conversions between rows and
// exchanges. Used by ExchangeStore (writer), ExchangeStoreReader and the
// filter's SQL; not meant for other callers.
//
// Table exchanges, one row per exchange, id in insertion order (AUTOINCREMENT,
// never reused). Raw bytes (target, header blocks, bodies) are BLOBs; header
// blocks use encodeHeaders(). received_at is milliseconds since the epoch (UTC),
// latency_us microseconds. Table exchange_assets lists every asset of an
// exchange that named more than one. The contentless FTS5 table exchange_text
// indexes trigrams of target, header blocks and bodies (detail=none) as a
// prefilter for free-text search; it exists only when this SQLite has FTS5
// with the trigram tokenizer.
#pragma once

#include "storedexchange.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace ExchangeSchema {

constexpr int Version = 1;                // PRAGMA user_version
constexpr qint32 ApplicationId = 0x43424c47;  // PRAGMA application_id, "CBLG"

// Columns that free text searches, in the table and in exchange_text.
inline constexpr const char *TextColumns[] = {"target", "req_headers", "req_body", "resp_headers", "resp_body"};

// Every column of a full exchange, in the order of insertSql() and readStored().
QString storedColumns();
QString insertSql();

// Columns of ExchangeStoreReader's table rows, in the order readRow() uses.
QString rowColumns();

// Header list <-> the stored block: one "Name: value\r\n" line per header in
// the order received. Backslash, CR and LF are escaped as \\, \r, \n, and a
// colon inside a name as \:, so any bytes round-trip.
QByteArray encodeHeaders(const HttpHeaders &headers);
HttpHeaders decodeHeaders(const QByteArray &block);

// Binds one exchange to a prepared insertSql() query.
void bindInsert(QSqlQuery &query, const StoredExchange &stored);

// Reads the current record of a query that selected storedColumns().
StoredExchange readStored(const QSqlQuery &query);

enum class FileKind { Empty, Log, Foreign, Newer };

struct FileInfo
{
    FileKind kind = FileKind::Empty;
    int version = 0;
    bool hasFullTextIndex = false;
};

// Inspects an open connection and returns what kind of database it is.
StoreResult<FileInfo> inspect(QSqlDatabase &db, const QString &fileName);

// Creates the tables, indexes and triggers on an empty database in one
// transaction. With fullText it also creates exchange_text, and the returned
// FileInfo records whether that worked.
StoreResult<FileInfo> create(QSqlDatabase &db, const QString &fileName, bool fullText);

// Statements that add an exchange to exchange_text and remove it again, and
// their bound values: the log id, then target, header blocks and bodies as
// stored, with NUL bytes as spaces because the trigram tokenizer stops at a
// NUL. Removing needs exactly the values that were added.
QString fullTextInsertSql();
QString fullTextDeleteSql();
QVariantList fullTextValues(qint64 logId, const QByteArray &target, const QByteArray &requestHeaders,
                            const QByteArray &requestBody, const QByteArray &responseHeaders,
                            const QByteArray &responseBody);

// Runs one statement; the error names the file.
StoreResult<> exec(QSqlDatabase &db, const QString &fileName, const QString &sql);

// Maps a driver error to a StoreError with a person-readable message.
StoreError errorFrom(const QSqlError &error, const QString &fileName);

// ASCII-only lower case, the same folding as SQLite's lower() without ICU.
QByteArray foldAscii(const QByteArray &bytes);

} // namespace ExchangeSchema
