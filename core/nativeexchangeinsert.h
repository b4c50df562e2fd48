// Inserts request log rows through SQLite's C API on a connection that Qt SQL
// opened. Each QSqlQuery bind goes through a QVariant and a UTF-16 copy, and
// bench_store inserted 1.5 times as many rows per second without them. Only
// ExchangeStore's writer uses this, for its one frequent statement. Everything
// else stays on Qt SQL.
#pragma once

#include "storedexchange.h"

#include <QSqlDatabase>
#include <QSqlError>

#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

class NativeExchangeInsert
{
    Q_DISABLE_COPY_MOVE(NativeExchangeInsert)

public:
    ~NativeExchangeInsert();

    // Prepares ExchangeSchema::insertSql() on the connection's own handle.
    // Returns nullptr, and the reason in *reason, when the connection is not
    // QSQLITE or its SQLite library is not the one this program links (the
    // caller then binds through QSqlQuery).
    static std::unique_ptr<NativeExchangeInsert> prepare(const QSqlDatabase &db, QString *reason);

    // Inserts one exchange and returns its log id, or nullopt with
    // lastError() set.
    std::optional<qint64> insert(const StoredExchange &stored);
    QSqlError lastError() const { return m_lastError; }

private:
    NativeExchangeInsert(sqlite3 *handle, sqlite3_stmt *statement);

    sqlite3 *m_handle;
    sqlite3_stmt *m_statement;
    QSqlError m_lastError;
};
