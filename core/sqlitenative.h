// SQLite's C API on connections that Qt SQL opened: the request log writer's
// insert, and interrupting a reader's query. Each QSqlQuery bind goes through
// a QVariant and a UTF-16 copy, and bench_store inserted 1.5 times as many
// rows per second without them. Everything else stays on Qt SQL.
#pragma once

#include "storedexchange.h"

#include <QSqlDatabase>
#include <QSqlError>

#include <array>
#include <memory>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

// Returns the SQLite handle of an open QSQLITE connection. Returns nullptr,
// with the reason in *reason, when the connection is not QSQLITE or its SQLite
// library is not the one this program links.
sqlite3 *nativeSqliteHandle(const QSqlDatabase &db, QString *reason);

// Makes the statement running on the connection stop with SQLITE_INTERRUPT.
// Safe from any thread while the connection stays open.
void interruptSqlite(sqlite3 *handle);

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
    std::array<char, 8192> m_scratch;  // ASCII text of the row being inserted
};
