// The SQLite schema of the request log and the conversions between rows and
// exchanges. Used by ExchangeStore (writer), ExchangeStoreReader and the
// filter's SQL; not meant for other callers.
//
// Table exchanges, one row per exchange, id in insertion order (AUTOINCREMENT,
// never reused). Raw bytes (target, header blocks, bodies) are BLOBs; header
// blocks use encodeHeaders(). received_at is milliseconds since the epoch (UTC),
// latency_us microseconds. An empty fields_json means the fields are the JSON
// object in req_body. Table exchange_assets lists every asset of an
// exchange that named more than one. The contentless FTS5 table exchange_text
// indexes trigrams of target, header blocks and bodies (detail=none) as a
// prefilter for free-text search; it exists only when this SQLite has FTS5
// with the trigram tokenizer.
#pragma once

#include "storedexchange.h"

#include <QJsonArray>
#include <QJsonObject>
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

// Binds the columns of insertSql() in order. Binder has integer(qint64),
// text(QString), utf8(QByteArray) for text already in UTF-8, and
// blob(QByteArray); empty values are bound as empty, never as NULL.
template<typename Binder>
void bindColumns(Binder &binder, const StoredExchange &stored);

// Binds one exchange to a prepared insertSql() query.
void bindInsert(QSqlQuery &query, const StoredExchange &stored);

// Helpers of bindColumns().
QVariant nonNullText(const QString &value);
QVariant nonNullBlob(const QByteArray &value);
QByteArray latin1ToUtf8(const QByteArray &bytes);
QByteArray compactJson(const QJsonObject &object);
QByteArray compactJson(const QJsonArray &array);
// Empty when the list of assets is what the asset column implies.
QString assetsColumn(const CallbackFields &callback);
int maxSeverity(const Findings &findings);

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

template<typename Binder>
void bindColumns(Binder &binder, const StoredExchange &stored)
{
    const Exchange &exchange = stored.exchange;
    const RawRequest &request = exchange.request;
    const CallbackFields &callback = exchange.callback;

    binder.integer(qint64(exchange.id));
    binder.integer(request.receivedAt.isValid() ? request.receivedAt.toMSecsSinceEpoch() : 0);
    binder.utf8(latin1ToUtf8(request.method));
    binder.blob(request.target);
    binder.utf8(latin1ToUtf8(request.httpVersion));
    binder.text(request.peerAddress);
    binder.integer(request.peerPort);
    binder.blob(encodeHeaders(request.headers));
    binder.blob(request.body);
    binder.integer(stored.requestBodySize);
    binder.integer(stored.requestBodyCut ? 1 : 0);
    binder.text(callback.asset);
    binder.text(assetsColumn(callback));
    binder.text(callback.user);
    binder.text(callback.session);
    binder.text(callback.drmSchemeText);
    binder.text(ExchangeNames::schemeKey(callback.drmScheme));
    binder.text(callback.remoteAddr);
    binder.text(callback.userAgent);
    binder.text(callback.extraData);
    // An empty column means the fields are the stored JSON body, which
    // readStored() parses again. Serializing them took about a sixth of the writer's instructions.
    if (callback.fieldsAreBody && !stored.requestBodyCut)
        binder.utf8(QByteArray(""));
    else
        binder.utf8(compactJson(callback.fields));
    binder.utf8(compactJson(callback.unknownFields));
    binder.text(bodyEncodingName(callback.encoding));
    binder.text(metadataLayoutName(callback.metadataLayout));
    binder.utf8(compactJson(ExchangeJson::findingsToJson(exchange.findings)));
    binder.integer(exchange.findings.size());
    binder.integer(maxSeverity(exchange.findings));
    binder.text(decisionName(exchange.decision));
    binder.text(exchange.decidedBy);
    binder.integer(qint64(exchange.settingsRevision));
    binder.integer(exchange.response.status);
    binder.blob(encodeHeaders(exchange.response.headers));
    binder.blob(exchange.response.body);
    binder.integer(stored.responseBodySize);
    binder.integer(stored.responseBodyCut ? 1 : 0);
    binder.text(deliveryOutcomeName(exchange.outcome));
    binder.integer(exchange.latencyMicros);
    binder.integer(stored.captured ? 1 : 0);
}

} // namespace ExchangeSchema
