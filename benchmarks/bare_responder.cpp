// Baseline for the throughput benchmark: the smallest QHttpServer responder
// that replies to every request with a fixed CRT, with no parsing, decisions or
// logging. Built only for benchmarks; the product's QtHttpServer use stays in
// core/httpserveradapter.cpp.
#include <QCoreApplication>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const quint16 requestedPort = argc > 1 ? quint16(QByteArray(argv[1]).toUShort()) : 0;

    static const QByteArray body = QByteArrayLiteral(
        R"({"payload":{"allowRoot":1,"hdcpLevel":"Disable HDCP","keyExpireTime":60,"securityLevel":1,"storeLicense":true,"storeLicenseTime":300}})");
    QHttpServer server;
    server.setMissingHandler([](const QHttpServerRequest &, QHttpServerResponder &&responder) {
        responder.write(body, {{"Content-Type", "application/json"}});
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
