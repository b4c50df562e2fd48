// A blocking JSON POST through a real QNetworkAccessManager, for tests that
// send callbacks to a responder on loopback.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QUrl>

#include <memory>

namespace TestHttp {

constexpr int NetworkTimeoutMs = 10000;

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QString error;
};

// Posts the callback as JSON and waits for the reply; status 0 with error set
// when none came within NetworkTimeoutMs. Proxies are bypassed.
inline HttpReply postCallback(const QUrl &url, const QJsonObject &callback)
{
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    std::unique_ptr<QNetworkReply> reply(network.post(request, QJsonDocument(callback).toJson(QJsonDocument::Compact)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished() && !finished.wait(NetworkTimeoutMs))
        return HttpReply{0, QByteArray(), QStringLiteral("no reply within %1 ms").arg(NetworkTimeoutMs)};

    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    if (result.status == 0)
        result.error = reply->errorString();
    return result;
}

} // namespace TestHttp
