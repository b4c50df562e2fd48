// Baseline for the throughput benchmark: the smallest QHttpServer responder
// that replies to every request with a fixed CRT, with no parsing, decisions or
// logging. Built only for benchmarks; the product's QtHttpServer use stays in
// core/httpserveradapter.cpp.
//
// With --store FILE it also stores each request in a request log of the
// product's schema. The handler only copies the request and queues it. A second
// thread reads the callback fields and inserts 500 rows per transaction through
// SQLite's C API. Its throughput estimates the most that any QHttpServer
// responder keeping this log can reach on the machine. --no-indexes drops the
// log's indexes first, to show what they cost.
#include "exchangeschema.h"
#include "sqlitenative.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>

#include <sqlite3.h>

#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <thread>
#include <vector>

namespace {

const QByteArray &replyBody()
{
    static const QByteArray body = QByteArrayLiteral(
        R"({"payload":{"allowRoot":1,"hdcpLevel":"Disable HDCP","keyExpireTime":60,"securityLevel":1,"storeLicense":true,"storeLicenseTime":300}})");
    return body;
}

struct Captured
{
    qint64 receivedAt = 0;
    QByteArray method;
    QByteArray target;
    QByteArray headers;
    QByteArray body;
    QString peerAddress;
    quint16 peerPort = 0;
};

class MinimalLog
{
public:
    bool open(const QString &fileName, bool withIndexes)
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
        db.setDatabaseName(fileName);
        if (!db.open())
            return false;
        QSqlQuery query(db);
        query.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        for (const char *pragma : {"PRAGMA synchronous=NORMAL", "PRAGMA cache_size=-65536"})
            query.exec(QString::fromLatin1(pragma));
        if (!ExchangeSchema::create(db, fileName, false))
            return false;
        if (!withIndexes) {
            for (const char *index : {"exchanges_time", "exchanges_asset", "exchanges_user", "exchanges_session",
                                      "exchanges_status", "exchanges_decision", "exchanges_peer",
                                      "exchanges_remote", "exchanges_latency"})
                query.exec(QStringLiteral("DROP INDEX %1").arg(QLatin1String(index)));
        }
        QString reason;
        m_handle = nativeSqliteHandle(db, &reason);
        if (!m_handle)
            return false;
        const char *sql =
            "INSERT INTO exchanges (received_at, method, target, http_version, peer_address, peer_port, "
            "req_headers, req_body, req_body_size, asset, user, session, drm_scheme_text, remote_addr, "
            "user_agent, decision, decided_by, status, resp_headers, resp_body, resp_body_size, outcome, "
            "latency_us) VALUES (?, ?, ?, 'HTTP/1.1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'allow', 'default', "
            "200, ?, ?, ?, 'sent', 0)";
        if (sqlite3_prepare_v2(m_handle, sql, -1, &m_insert, nullptr) != SQLITE_OK)
            return false;
        std::thread([this] { run(); }).detach();  // runs until the process is killed
        return true;
    }

    void append(Captured &&captured)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.push_back(std::move(captured));
        if (m_pending.size() >= 500)
            m_wake.notify_one();
    }

private:
    void run()
    {
        static const QByteArray responseHeaders = "Content-Type: application/json\r\nContent-Length: 134\r\n";
        std::vector<Captured> batch;
        while (true) {
            {
                std::unique_lock<std::mutex> lock(m_mutex);
                m_wake.wait_for(lock, std::chrono::milliseconds(100), [this] { return m_pending.size() >= 500; });
                batch.swap(m_pending);
            }
            if (batch.empty())
                continue;
            sqlite3_exec(m_handle, "BEGIN", nullptr, nullptr, nullptr);
            for (const Captured &row : batch) {
                const QJsonObject fields = QJsonDocument::fromJson(row.body).object();
                const QJsonObject metadata = fields.value(QLatin1String("requestMetadata")).toObject();
                const QByteArray texts[] = {
                    fields.value(QLatin1String("asset")).toString().toUtf8(),
                    fields.value(QLatin1String("user")).toString().toUtf8(),
                    fields.value(QLatin1String("session")).toString().toUtf8(),
                    fields.value(QLatin1String("drmScheme")).toString().toUtf8(),
                    metadata.value(QLatin1String("remoteAddr")).toString().toUtf8(),
                    metadata.value(QLatin1String("userAgent")).toString().toUtf8(),
                };
                const QByteArray peer = row.peerAddress.toUtf8();
                int column = 1;
                sqlite3_bind_int64(m_insert, column++, row.receivedAt);
                sqlite3_bind_text(m_insert, column++, row.method.constData(), int(row.method.size()), SQLITE_STATIC);
                sqlite3_bind_blob(m_insert, column++, row.target.constData(), int(row.target.size()), SQLITE_STATIC);
                sqlite3_bind_text(m_insert, column++, peer.constData(), int(peer.size()), SQLITE_STATIC);
                sqlite3_bind_int(m_insert, column++, row.peerPort);
                sqlite3_bind_blob(m_insert, column++, row.headers.constData(), int(row.headers.size()), SQLITE_STATIC);
                sqlite3_bind_blob(m_insert, column++, row.body.constData(), int(row.body.size()), SQLITE_STATIC);
                sqlite3_bind_int64(m_insert, column++, row.body.size());
                for (const QByteArray &text : texts)
                    sqlite3_bind_text(m_insert, column++, text.constData(), int(text.size()), SQLITE_STATIC);
                sqlite3_bind_blob(m_insert, column++, responseHeaders.constData(), int(responseHeaders.size()),
                                  SQLITE_STATIC);
                sqlite3_bind_blob(m_insert, column++, replyBody().constData(), int(replyBody().size()),
                                  SQLITE_STATIC);
                sqlite3_bind_int64(m_insert, column++, replyBody().size());
                if (sqlite3_step(m_insert) != SQLITE_DONE)
                    std::fprintf(stderr, "bare_responder: inserting a row failed: %s\n", sqlite3_errmsg(m_handle));
                sqlite3_reset(m_insert);
            }
            sqlite3_exec(m_handle, "COMMIT", nullptr, nullptr, nullptr);
            batch.clear();
        }
    }

    sqlite3 *m_handle = nullptr;
    sqlite3_stmt *m_insert = nullptr;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Captured> m_pending;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    const quint16 requestedPort = arguments.size() > 1 ? quint16(arguments.at(1).toUShort()) : 0;
    const qsizetype storeAt = arguments.indexOf(QStringLiteral("--store"));

    static MinimalLog log;
    const bool storing = storeAt > 0 && storeAt + 1 < arguments.size();
    const bool withIndexes = !arguments.contains(QStringLiteral("--no-indexes"));
    if (storing && !log.open(arguments.at(storeAt + 1), withIndexes)) {
        std::fprintf(stderr, "bare_responder: opening the log %s failed; choose a new file in a writable folder\n",
                     qPrintable(arguments.at(storeAt + 1)));
        return 1;
    }

    QHttpServer server;
    server.setMissingHandler([storing](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        if (storing) {
            Captured captured;
            captured.receivedAt = QDateTime::currentMSecsSinceEpoch();
            captured.method = QByteArrayLiteral("POST");
            captured.target = request.url().path(QUrl::FullyEncoded).toUtf8();
            for (const auto &[name, value] : request.headers()) {
                captured.headers += name;
                captured.headers += ": ";
                captured.headers += value;
                captured.headers += "\r\n";
            }
            captured.body = request.body();
            captured.peerAddress = request.remoteAddress().toString();
            captured.peerPort = responder.socket()->peerPort();
            log.append(std::move(captured));
        }
        responder.write(replyBody(), {{"Content-Type", "application/json"}});
    });
    const quint16 port = server.listen(QHostAddress::LocalHost, requestedPort);
    if (port == 0) {
        std::fprintf(stderr, "bare_responder: cannot listen on 127.0.0.1 port %u\n", unsigned(requestedPort));
        return 1;
    }
    std::printf("listening on http://127.0.0.1:%u/\n", unsigned(port));
    std::fflush(stdout);
    return app.exec();
}
