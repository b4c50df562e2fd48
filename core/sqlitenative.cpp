#include "sqlitenative.h"

#include "exchangeschema.h"

#include <QSqlDriver>
#include <QVarLengthArray>

#include <sqlite3.h>

namespace {

// Binds by position with SQLITE_STATIC, so every bound value must outlive the step.
// ASCII text goes into the caller's scratch buffer, and m_retained keeps the rest.
class NativeBinder
{
public:
    NativeBinder(sqlite3_stmt *statement, char *scratch, qsizetype scratchSize)
        : m_statement(statement)
        , m_scratch(scratch)
        , m_scratchFree(scratchSize)
    {
    }

    void integer(qint64 value) { check(sqlite3_bind_int64(m_statement, ++m_index, value)); }
    void text(const QString &value)
    {
        if (const char *ascii = copyAscii(value)) {
            check(sqlite3_bind_text(m_statement, ++m_index, ascii, int(value.size()), SQLITE_STATIC));
            return;
        }
        utf8(value.toUtf8());
    }
    void utf8(const QByteArray &value)
    {
        const QByteArray &retained = retain(value);
        check(sqlite3_bind_text(m_statement, ++m_index, retained.constData(), int(retained.size()), SQLITE_STATIC));
    }
    void blob(const QByteArray &value)
    {
        // constData() of an empty QByteArray is "", not null, so an empty
        // body is bound as an empty BLOB rather than NULL.
        const QByteArray &retained = retain(value);
        check(sqlite3_bind_blob(m_statement, ++m_index, retained.constData(), int(retained.size()), SQLITE_STATIC));
    }

    int result() const { return m_result; }

private:
    // Copies an ASCII value that fits into the scratch buffer and returns the copy, else nullptr.
    // An empty value gets "", so it binds as empty text and not as NULL.
    const char *copyAscii(const QString &value)
    {
        const qsizetype size = value.size();
        if (size > m_scratchFree)
            return nullptr;
        const ushort *source = value.utf16();
        for (qsizetype i = 0; i < size; ++i) {
            if (source[i] >= 0x80)
                return nullptr;
            m_scratch[i] = char(source[i]);
        }
        const char *copy = size == 0 ? "" : m_scratch;
        m_scratch += size;
        m_scratchFree -= size;
        return copy;
    }
    const QByteArray &retain(const QByteArray &value)
    {
        m_retained.append(value);
        return m_retained.last();
    }
    void check(int result)
    {
        if (result != SQLITE_OK && m_result == SQLITE_OK)
            m_result = result;
    }

    sqlite3_stmt *m_statement;
    char *m_scratch;
    qsizetype m_scratchFree;
    int m_index = 0;
    int m_result = SQLITE_OK;
    // Shallow copies (implicit sharing) of every bound value.
    QVarLengthArray<QByteArray, 40> m_retained;
};

QSqlError sqliteError(sqlite3 *handle, int result)
{
    return QSqlError(QStringLiteral("Inserting the exchange failed"), QString::fromUtf8(sqlite3_errmsg(handle)),
                     QSqlError::StatementError, QString::number(result));
}

} // namespace

NativeExchangeInsert::NativeExchangeInsert(sqlite3 *handle, sqlite3_stmt *statement)
    : m_handle(handle)
    , m_statement(statement)
{
}

NativeExchangeInsert::~NativeExchangeInsert()
{
    sqlite3_finalize(m_statement);
}

sqlite3 *nativeSqliteHandle(const QSqlDatabase &db, QString *reason)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        *reason = QStringLiteral("the connection is not an SQLite connection");
        return nullptr;
    }
    // A Qt built with its own copy of SQLite would hand over a handle that
    // this program's library must not touch. Debian 12's QSQLITE plugin links
    // the system libsqlite3.so.0 (ldd), the library linked here.
    QSqlQuery version(db);
    if (!version.exec(QStringLiteral("SELECT sqlite_version(), sqlite_source_id()")) || !version.next()) {
        *reason = version.lastError().text();
        return nullptr;
    }
    if (version.value(0).toString() != QLatin1String(sqlite3_libversion())
        || version.value(1).toString() != QLatin1String(sqlite3_sourceid())) {
        *reason = QStringLiteral("Qt SQL uses SQLite %1, this program links %2")
                      .arg(version.value(0).toString(), QLatin1String(sqlite3_libversion()));
        return nullptr;
    }
    sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData());
    if (!connection)
        *reason = QStringLiteral("the connection is closed");
    return connection;
}

void interruptSqlite(sqlite3 *handle)
{
    sqlite3_interrupt(handle);
}

std::unique_ptr<NativeExchangeInsert> NativeExchangeInsert::prepare(const QSqlDatabase &db, QString *reason)
{
    sqlite3 *connection = nativeSqliteHandle(db, reason);
    if (!connection)
        return nullptr;
    const QByteArray sql = ExchangeSchema::insertSql().toUtf8();
    sqlite3_stmt *statement = nullptr;
    const int result = sqlite3_prepare_v3(connection, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                          &statement, nullptr);
    if (result != SQLITE_OK) {
        *reason = QString::fromUtf8(sqlite3_errmsg(connection));
        sqlite3_finalize(statement);
        return nullptr;
    }
    return std::unique_ptr<NativeExchangeInsert>(new NativeExchangeInsert(connection, statement));
}

std::optional<qint64> NativeExchangeInsert::insert(const StoredExchange &stored)
{
    std::optional<qint64> id;
    {
        NativeBinder binder(m_statement, m_scratch.data(), qsizetype(m_scratch.size()));
        ExchangeSchema::bindColumns(binder, stored);
        int result = binder.result();
        if (result == SQLITE_OK) {
            result = sqlite3_step(m_statement);
            if (result == SQLITE_DONE)
                id = sqlite3_last_insert_rowid(m_handle);
        }
        if (!id)
            m_lastError = sqliteError(m_handle, sqlite3_extended_errcode(m_handle));
        // Unbind before the binder releases the values the pointers refer to.
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
    }
    return id;
}
