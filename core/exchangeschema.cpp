#include "exchangeschema.h"

#include "exchangestore.h"

#include <QJsonDocument>
#include <QSqlRecord>
#include <QVariant>

Q_LOGGING_CATEGORY(lcStore, "callbacklab.store", QtInfoMsg)

namespace ExchangeSchema {

namespace {

void appendEscaped(QByteArray &out, QByteArrayView bytes, bool isName)
{
    // Copies runs of plain bytes at once, because headers rarely need an escape.
    qsizetype runStart = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        const char *escape = nullptr;
        switch (c) {
        case '\\': escape = "\\\\"; break;
        case '\r': escape = "\\r"; break;
        case '\n': escape = "\\n"; break;
        case ':':
            if (isName)
                escape = "\\:";
            break;
        default:
            break;
        }
        if (!escape)
            continue;
        out.append(bytes.data() + runStart, i - runStart);
        out.append(escape, 2);
        runStart = i + 1;
    }
    out.append(bytes.data() + runStart, bytes.size() - runStart);
}

const char *const SchemaStatements[] = {
    "CREATE TABLE exchanges ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " responder_id INTEGER NOT NULL DEFAULT 0,"
    " received_at INTEGER NOT NULL,"
    " method TEXT NOT NULL DEFAULT '',"
    " target BLOB NOT NULL DEFAULT x'',"
    " http_version TEXT NOT NULL DEFAULT '',"
    " peer_address TEXT NOT NULL DEFAULT '',"
    " peer_port INTEGER NOT NULL DEFAULT 0,"
    " req_headers BLOB NOT NULL DEFAULT x'',"
    " req_body BLOB NOT NULL DEFAULT x'',"
    " req_body_size INTEGER NOT NULL DEFAULT 0,"
    " req_body_cut INTEGER NOT NULL DEFAULT 0,"
    " asset TEXT NOT NULL DEFAULT '',"
    " assets TEXT NOT NULL DEFAULT '',"
    " user TEXT NOT NULL DEFAULT '',"
    " session TEXT NOT NULL DEFAULT '',"
    " drm_scheme_text TEXT NOT NULL DEFAULT '',"
    " drm_scheme TEXT NOT NULL DEFAULT 'none',"
    " remote_addr TEXT NOT NULL DEFAULT '',"
    " user_agent TEXT NOT NULL DEFAULT '',"
    " extra_data TEXT NOT NULL DEFAULT '',"
    " fields_json TEXT NOT NULL DEFAULT '{}',"
    " unknown_json TEXT NOT NULL DEFAULT '{}',"
    " body_encoding TEXT NOT NULL DEFAULT 'none',"
    " metadata_layout TEXT NOT NULL DEFAULT 'absent',"
    " findings_json TEXT NOT NULL DEFAULT '[]',"
    " finding_count INTEGER NOT NULL DEFAULT 0,"
    " max_severity INTEGER NOT NULL DEFAULT -1,"
    " decision TEXT NOT NULL DEFAULT '',"
    " decided_by TEXT NOT NULL DEFAULT '',"
    " settings_revision INTEGER NOT NULL DEFAULT 0,"
    " status INTEGER NOT NULL DEFAULT 0,"
    " resp_headers BLOB NOT NULL DEFAULT x'',"
    " resp_body BLOB NOT NULL DEFAULT x'',"
    " resp_body_size INTEGER NOT NULL DEFAULT 0,"
    " resp_body_cut INTEGER NOT NULL DEFAULT 0,"
    " outcome TEXT NOT NULL DEFAULT '',"
    " latency_us INTEGER NOT NULL DEFAULT 0,"
    " captured INTEGER NOT NULL DEFAULT 0)",
    // Field indexes end in received_at so a filtered view sorted by time needs no sort step.
    "CREATE INDEX exchanges_time ON exchanges(received_at)",
    "CREATE INDEX exchanges_asset ON exchanges(asset, received_at)",
    "CREATE INDEX exchanges_user ON exchanges(user, received_at)",
    "CREATE INDEX exchanges_session ON exchanges(session, received_at)",
    "CREATE INDEX exchanges_status ON exchanges(status, received_at)",
    "CREATE INDEX exchanges_decision ON exchanges(decision, received_at)",
    "CREATE INDEX exchanges_peer ON exchanges(peer_address, received_at)",
    "CREATE INDEX exchanges_remote ON exchanges(remote_addr, received_at)",
    "CREATE INDEX exchanges_latency ON exchanges(latency_us)",
    "CREATE TABLE exchange_assets ("
    " exchange_id INTEGER NOT NULL,"
    " asset TEXT NOT NULL,"
    " PRIMARY KEY (exchange_id, asset)) WITHOUT ROWID",
    "CREATE INDEX exchange_assets_asset ON exchange_assets(asset)",
    "CREATE TRIGGER exchange_assets_delete AFTER DELETE ON exchanges WHEN old.assets <> '' BEGIN"
    " DELETE FROM exchange_assets WHERE exchange_id = old.id; END",
};

// The writer keeps exchange_text in step with exchanges itself (see
// fullTextValues()), because the values must be changed before indexing in a
// way SQL triggers cannot express.
const char *const FullTextStatement =
    "CREATE VIRTUAL TABLE exchange_text USING fts5("
    "target, req_headers, req_body, resp_headers, resp_body,"
    " content='', tokenize='trigram', detail='none', columnsize=0)";

} // namespace

QString storedColumns()
{
    return QStringLiteral(
        "id, responder_id, received_at, method, target, http_version, peer_address, peer_port,"
        " req_headers, req_body, req_body_size, req_body_cut,"
        " asset, assets, user, session, drm_scheme_text, drm_scheme, remote_addr, user_agent, extra_data,"
        " fields_json, unknown_json, body_encoding, metadata_layout,"
        " findings_json, finding_count, max_severity,"
        " decision, decided_by, settings_revision,"
        " status, resp_headers, resp_body, resp_body_size, resp_body_cut,"
        " outcome, latency_us, captured");
}

QString insertSql()
{
    // Every stored column but id.
    QString columns = storedColumns();
    columns.remove(0, columns.indexOf(QLatin1Char(',')) + 1);
    const qsizetype count = columns.count(QLatin1Char(',')) + 1;
    QStringList placeholders;
    for (qsizetype i = 0; i < count; ++i)
        placeholders.append(QStringLiteral("?"));
    return QStringLiteral("INSERT INTO exchanges (%1) VALUES (%2)").arg(columns, placeholders.join(QLatin1Char(',')));
}

QString rowColumns()
{
    return QStringLiteral(
        "id, received_at, method, target, peer_address, peer_port, asset, user, session, drm_scheme_text,"
        " decision, decided_by, status, latency_us, outcome, finding_count, max_severity, captured,"
        " req_body_size, resp_body_size, remote_addr");
}

QByteArray encodeHeaders(const HttpHeaders &headers)
{
    qsizetype size = 0;
    for (const auto &header : headers)
        size += header.first.size() + header.second.size() + 4;
    QByteArray block;
    block.reserve(size);
    for (const auto &header : headers) {
        appendEscaped(block, header.first, true);
        block += ": ";
        appendEscaped(block, header.second, false);
        block += "\r\n";
    }
    return block;
}

HttpHeaders decodeHeaders(const QByteArray &block)
{
    HttpHeaders headers;
    qsizetype position = 0;
    while (position < block.size()) {
        qsizetype end = block.indexOf("\r\n", position);
        if (end < 0)
            end = block.size();

        QByteArray name;
        QByteArray value;
        QByteArray *current = &name;
        for (qsizetype i = position; i < end; ++i) {
            const char c = block.at(i);
            if (c == '\\' && i + 1 < end) {
                char next = block.at(++i);
                if (next == 'r')
                    next = '\r';
                else if (next == 'n')
                    next = '\n';
                *current += next;
            } else if (c == ':' && current == &name) {
                current = &value;
                if (i + 1 < end && block.at(i + 1) == ' ')
                    ++i;
            } else {
                *current += c;
            }
        }
        headers.append({name, value});
        position = end + 2;
    }
    return headers;
}

QVariant nonNullText(const QString &value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant nonNullBlob(const QByteArray &value)
{
    return value.isNull() ? QVariant(QByteArray("")) : QVariant(value);
}

namespace {

// Binds to a QSqlQuery by position. QSQLITE binds a null QString or
// QByteArray as SQL NULL, which the NOT NULL columns reject, so empty values
// are bound as empty, not null.
class QueryBinder
{
public:
    explicit QueryBinder(QSqlQuery &query)
        : m_query(query)
    {
    }
    void integer(qint64 value) { m_query.bindValue(m_index++, value); }
    void text(const QString &value) { m_query.bindValue(m_index++, nonNullText(value)); }
    void utf8(const QByteArray &value) { text(QString::fromUtf8(value)); }
    void blob(const QByteArray &value) { m_query.bindValue(m_index++, nonNullBlob(value)); }

private:
    QSqlQuery &m_query;
    int m_index = 0;
};

} // namespace

void bindInsert(QSqlQuery &query, const StoredExchange &stored)
{
    QueryBinder binder(query);
    bindColumns(binder, stored);
}

QByteArray latin1ToUtf8(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return QString::fromLatin1(bytes).toUtf8();
    }
    return bytes;
}

QByteArray compactJson(const QJsonObject &object)
{
    if (object.isEmpty())
        return QByteArrayLiteral("{}");
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray compactJson(const QJsonArray &array)
{
    if (array.isEmpty())
        return QByteArrayLiteral("[]");
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QString assetsColumn(const CallbackFields &callback)
{
    const QStringList implied = callback.asset.isEmpty() ? QStringList() : QStringList{callback.asset};
    if (callback.assets == implied)
        return QStringLiteral("");
    return QString::fromUtf8(compactJson(QJsonArray::fromStringList(callback.assets)));
}

int maxSeverity(const Findings &findings)
{
    int max = -1;
    for (const Finding &finding : findings)
        max = qMax(max, int(finding.severity));
    return max;
}

StoredExchange readStored(const QSqlQuery &query)
{
    StoredExchange stored;
    Exchange &exchange = stored.exchange;
    RawRequest &request = exchange.request;
    CallbackFields &callback = exchange.callback;
    int column = 0;
    const auto next = [&query, &column]() { return query.value(column++); };

    stored.logId = next().toLongLong();
    exchange.id = next().toULongLong();
    request.receivedAt = QDateTime::fromMSecsSinceEpoch(next().toLongLong(), Qt::UTC);
    request.method = next().toString().toLatin1();
    request.target = next().toByteArray();
    request.httpVersion = next().toString().toLatin1();
    request.peerAddress = next().toString();
    request.peerPort = quint16(next().toUInt());
    request.headers = decodeHeaders(next().toByteArray());
    request.body = next().toByteArray();
    stored.requestBodySize = next().toLongLong();
    stored.requestBodyCut = next().toInt() != 0;

    callback.asset = next().toString();
    const QString assets = next().toString();
    if (assets.isEmpty()) {
        callback.assets = callback.asset.isEmpty() ? QStringList() : QStringList{callback.asset};
    } else {
        for (const QJsonValue &asset : QJsonDocument::fromJson(assets.toUtf8()).array())
            callback.assets.append(asset.toString());
    }
    callback.user = next().toString();
    callback.session = next().toString();
    callback.drmSchemeText = next().toString();
    callback.drmScheme = ExchangeNames::schemeFromKey(next().toString()).value_or(DrmScheme::Other);
    callback.remoteAddr = next().toString();
    callback.userAgent = next().toString();
    callback.extraData = next().toString();
    const QString fieldsJson = next().toString();
    // Empty means the fields are the JSON object of the stored body.
    callback.fieldsAreBody = fieldsJson.isEmpty() && !stored.requestBodyCut;
    callback.fields = QJsonDocument::fromJson(callback.fieldsAreBody ? request.body : fieldsJson.toUtf8()).object();
    callback.unknownFields = QJsonDocument::fromJson(next().toString().toUtf8()).object();
    callback.encoding = ExchangeNames::bodyEncodingFromName(next().toString()).value_or(BodyEncoding::None);
    callback.metadataLayout =
        ExchangeNames::metadataLayoutFromName(next().toString()).value_or(MetadataLayout::Absent);

    ExchangeJson::findingsFromJson(QJsonDocument::fromJson(next().toString().toUtf8()).array(), &exchange.findings);
    column += 2;  // finding_count and max_severity are derived from the findings
    exchange.decision = ExchangeNames::decisionFromName(next().toString()).value_or(Decision::Rejected);
    exchange.decidedBy = next().toString();
    exchange.settingsRevision = next().toULongLong();

    exchange.response.status = next().toInt();
    exchange.response.headers = decodeHeaders(next().toByteArray());
    exchange.response.body = next().toByteArray();
    stored.responseBodySize = next().toLongLong();
    stored.responseBodyCut = next().toInt() != 0;
    exchange.outcome = ExchangeNames::outcomeFromName(next().toString()).value_or(DeliveryOutcome::Sent);
    exchange.latencyMicros = next().toLongLong();
    stored.captured = next().toInt() != 0;
    return stored;
}

StoreError errorFrom(const QSqlError &error, const QString &fileName)
{
    StoreError result;
    result.fileName = fileName;
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (code) {
    case 11:  // SQLITE_CORRUPT
    case 26:  // SQLITE_NOTADB
        result.code = StoreError::Code::Corrupt;
        result.message = ExchangeStore::tr("the file is damaged or not an SQLite database (%1)").arg(detail);
        break;
    case 5:  // SQLITE_BUSY
    case 6:  // SQLITE_LOCKED
        result.code = StoreError::Code::Locked;
        result.message = ExchangeStore::tr("the file is locked by another program (%1)").arg(detail);
        break;
    case 14:  // SQLITE_CANTOPEN
        result.code = StoreError::Code::CannotOpen;
        result.message = ExchangeStore::tr("the file cannot be opened or created (%1); check that its folder exists "
                                           "and is writable")
                             .arg(detail);
        break;
    case 3:  // SQLITE_PERM
    case 8:  // SQLITE_READONLY
        result.code = StoreError::Code::CannotOpen;
        result.message = ExchangeStore::tr("the file is read-only (%1)").arg(detail);
        break;
    case 9:  // SQLITE_INTERRUPT
        result.code = StoreError::Code::Interrupted;
        result.message = ExchangeStore::tr("the query was interrupted");
        break;
    case 13:  // SQLITE_FULL
        result.code = StoreError::Code::QueryFailed;
        result.message = ExchangeStore::tr("the disk is full (%1)").arg(detail);
        break;
    default:
        result.code = StoreError::Code::QueryFailed;
        result.message = detail;
    }
    return result;
}

StoreResult<> exec(QSqlDatabase &db, const QString &fileName, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return errorFrom(query.lastError(), fileName);
    return std::monostate{};
}

StoreResult<FileInfo> inspect(QSqlDatabase &db, const QString &fileName)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    const auto scalar = [&query](const QString &sql) -> std::optional<qint64> {
        if (!query.exec(sql) || !query.next())
            return std::nullopt;
        return query.value(0).toLongLong();
    };

    const auto applicationId = scalar(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return errorFrom(query.lastError(), fileName);
    const auto version = scalar(QStringLiteral("PRAGMA user_version"));
    const auto objects = scalar(QStringLiteral("SELECT count(*) FROM sqlite_master"));
    if (!version || !objects)
        return errorFrom(query.lastError(), fileName);

    FileInfo info;
    info.version = int(*version);
    if (*objects == 0 && *applicationId == 0 && *version == 0) {
        info.kind = FileKind::Empty;
        return info;
    }
    if (*applicationId != ApplicationId) {
        info.kind = FileKind::Foreign;
        return info;
    }
    if (*version > Version) {
        info.kind = FileKind::Newer;
        return info;
    }
    info.kind = FileKind::Log;
    const auto fullText =
        scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'exchange_text'"));
    info.hasFullTextIndex = fullText.value_or(0) > 0;
    return info;
}

StoreResult<FileInfo> create(QSqlDatabase &db, const QString &fileName, bool fullText)
{
    if (!db.transaction())
        return errorFrom(db.lastError(), fileName);

    for (const char *statement : SchemaStatements) {
        const auto result = exec(db, fileName, QString::fromLatin1(statement));
        if (!result) {
            db.rollback();
            return result.error();
        }
    }

    FileInfo info;
    info.kind = FileKind::Log;
    info.version = Version;
    if (fullText) {
        // A SQLite without FTS5 or its trigram tokenizer (before 3.34) fails
        // here; the log then searches text by scanning.
        QSqlQuery probe(db);
        info.hasFullTextIndex = probe.exec(QString::fromLatin1(FullTextStatement));
    }

    const QString pragmas = QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId);
    const auto applicationId = exec(db, fileName, pragmas);
    const auto version = exec(db, fileName, QStringLiteral("PRAGMA user_version = %1").arg(Version));
    if (!applicationId || !version) {
        db.rollback();
        return applicationId ? version.error() : applicationId.error();
    }
    if (!db.commit())
        return errorFrom(db.lastError(), fileName);
    return info;
}

QString fullTextInsertSql()
{
    return QStringLiteral("INSERT INTO exchange_text(rowid, target, req_headers, req_body, resp_headers, resp_body)"
                          " VALUES (?, ?, ?, ?, ?, ?)");
}

QString fullTextDeleteSql()
{
    return QStringLiteral("INSERT INTO exchange_text(exchange_text, rowid, target, req_headers, req_body, resp_headers,"
                          " resp_body) VALUES ('delete', ?, ?, ?, ?, ?, ?)");
}

QVariantList fullTextValues(qint64 logId, const QByteArray &target, const QByteArray &requestHeaders,
                            const QByteArray &requestBody, const QByteArray &responseHeaders,
                            const QByteArray &responseBody)
{
    QVariantList values{logId};
    for (const QByteArray *column : {&target, &requestHeaders, &requestBody, &responseHeaders, &responseBody}) {
        QByteArray indexed = *column;
        indexed.replace('\0', ' ');
        values.append(nonNullBlob(indexed));
    }
    return values;
}

QByteArray foldAscii(const QByteArray &bytes)
{
    QByteArray folded = bytes;
    for (char &c : folded) {
        if (c >= 'A' && c <= 'Z')
            c = char(c + ('a' - 'A'));
    }
    return folded;
}

} // namespace ExchangeSchema
