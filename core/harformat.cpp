#include "harformat.h"

#include "callbackparser.h"

#include <QBuffer>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QUrl>

#include <cmath>

using ExchangeJson::EntryReader;

namespace {

QString reasonPhrase(int status)
{
    switch (status) {
    case 200: return QStringLiteral("OK");
    case 201: return QStringLiteral("Created");
    case 204: return QStringLiteral("No Content");
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 408: return QStringLiteral("Request Timeout");
    case 413: return QStringLiteral("Payload Too Large");
    case 429: return QStringLiteral("Too Many Requests");
    case 500: return QStringLiteral("Internal Server Error");
    case 502: return QStringLiteral("Bad Gateway");
    case 503: return QStringLiteral("Service Unavailable");
    case 504: return QStringLiteral("Gateway Timeout");
    default: return QString();
    }
}

// A HAR name or value must be a string; bytes that are not UTF-8 are shown as
// Latin-1 and kept exactly in an underscore member.
void writeHarBytes(QJsonObject &object, const QString &key, const QByteArray &bytes)
{
    if (ExchangeJson::isValidUtf8(bytes)) {
        object.insert(key, QString::fromUtf8(bytes));
        return;
    }
    object.insert(key, QString::fromLatin1(bytes));
    object.insert(QLatin1Char('_') + key + QStringLiteral("Base64"), QString::fromLatin1(bytes.toBase64()));
}

QByteArray readHarBytes(EntryReader &reader, const QJsonObject &object, const QString &path, const QString &key,
                        bool required)
{
    const QString underscored = QLatin1Char('_') + key;
    if (object.contains(underscored + QStringLiteral("Base64")))
        return reader.bytes(object, path, underscored);
    return reader.string(object, path, key, required).toUtf8();
}

QJsonArray headersToHar(const HttpHeaders &headers)
{
    QJsonArray array;
    for (const auto &header : headers) {
        QJsonObject object;
        writeHarBytes(object, QStringLiteral("name"), header.first);
        writeHarBytes(object, QStringLiteral("value"), header.second);
        array.append(object);
    }
    return array;
}

qint64 headerBlockSize(const QByteArray &firstLine, const HttpHeaders &headers)
{
    qint64 size = firstLine.size() + 2;
    for (const auto &header : headers)
        size += header.first.size() + 2 + header.second.size() + 2;
    return size + 2;
}

// A body as HAR text: UTF-8 text as it is, anything else as base64.
void writeBodyText(QJsonObject &object, const QByteArray &body)
{
    if (ExchangeJson::isValidUtf8(body)) {
        object.insert(QStringLiteral("text"), QString::fromUtf8(body));
    } else {
        object.insert(QStringLiteral("text"), QString::fromLatin1(body.toBase64()));
        object.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    }
}

QByteArray readBodyText(EntryReader &reader, const QJsonObject &object, const QString &path)
{
    const QString text = reader.string(object, path, QStringLiteral("text"));
    QString encoding = reader.string(object, path, QStringLiteral("encoding"));
    if (encoding.isEmpty())
        encoding = reader.string(object, path, QStringLiteral("_encoding"));
    if (encoding.compare(QLatin1String("base64"), Qt::CaseInsensitive) != 0)
        return text.toUtf8();
    auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        reader.fail(EntryReader::join(path, QStringLiteral("text")), HarFormat::tr("invalid base64"));
    return *decoded;
}

QJsonArray queryToHar(const QByteArray &query)
{
    QJsonArray array;
    if (query.isEmpty())
        return array;
    for (QByteArray pair : query.split('&')) {
        pair.replace('+', ' ');
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        array.append(QJsonObject{
            {QStringLiteral("name"), QUrl::fromPercentEncoding(name)},
            {QStringLiteral("value"), QUrl::fromPercentEncoding(value)},
        });
    }
    return array;
}

QString requestUrl(const RawRequest &request)
{
    const QByteArray target = request.target;
    if (target.startsWith("http://") || target.startsWith("https://"))
        return QString::fromUtf8(target);
    QByteArray host = request.header("Host");
    if (host.isEmpty())
        host = "localhost";
    const QByteArray path = target.startsWith('/') ? target : '/' + target;
    return QString::fromUtf8("http://" + host + path);
}

// HTTP/2 pseudo-headers from browser HARs are not request headers.
HttpHeaders withoutPseudoHeaders(const HttpHeaders &headers)
{
    HttpHeaders result;
    QByteArray authority;
    bool hasHost = false;
    for (const auto &header : headers) {
        if (header.first.startsWith(':')) {
            if (header.first == ":authority")
                authority = header.second;
            continue;
        }
        hasHost = hasHost || header.first.compare("Host", Qt::CaseInsensitive) == 0;
        result.append(header);
    }
    if (!hasHost && !authority.isEmpty())
        result.prepend({"Host", authority});
    return result;
}

QByteArray normalizedVersion(const QString &version)
{
    const QString lower = version.trimmed().toLower();
    if (lower.isEmpty())
        return "HTTP/1.1";
    if (lower == QLatin1String("h2") || lower.startsWith(QLatin1String("http/2")))
        return "HTTP/2";
    if (lower == QLatin1String("h3") || lower.startsWith(QLatin1String("http/3")))
        return "HTTP/3";
    return version.trimmed().toUpper().toLatin1();
}

HttpHeaders readHarHeaders(EntryReader &reader, const QJsonObject &parent, const QString &path)
{
    HttpHeaders headers;
    const QJsonArray array = reader.array(parent, path, QStringLiteral("headers"));
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        const QString itemPath = EntryReader::join(path, QStringLiteral("headers[%1]").arg(i));
        if (!array.at(i).isObject()) {
            reader.fail(itemPath, HarFormat::tr("must be an object"));
            break;
        }
        const QJsonObject item = array.at(i).toObject();
        const QByteArray name = readHarBytes(reader, item, itemPath, QStringLiteral("name"), true);
        const QByteArray value = readHarBytes(reader, item, itemPath, QStringLiteral("value"), false);
        headers.append({name, value});
    }
    return headers;
}

QByteArray formBodyFromParams(EntryReader &reader, const QJsonArray &params, const QString &path)
{
    QByteArrayList pairs;
    for (qsizetype i = 0; i < params.size() && reader.ok(); ++i) {
        const QString itemPath = EntryReader::join(path, QStringLiteral("params[%1]").arg(i));
        const QJsonObject item = params.at(i).toObject();
        const QString name = reader.string(item, itemPath, QStringLiteral("name"), true);
        const QString value = reader.string(item, itemPath, QStringLiteral("value"));
        pairs.append(QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value));
    }
    return pairs.join('&');
}

} // namespace

QJsonObject HarFormat::entry(const StoredExchange &stored)
{
    const Exchange &exchange = stored.exchange;
    const RawRequest &request = exchange.request;
    const HttpResponse &response = exchange.response;
    const double latencyMs = double(exchange.latencyMicros) / 1000.0;
    const QByteArray httpVersion = request.httpVersion.isEmpty() ? QByteArray("HTTP/1.1") : request.httpVersion;

    QJsonObject requestObject;
    requestObject.insert(QStringLiteral("method"), QString::fromLatin1(request.method));
    requestObject.insert(QStringLiteral("url"), requestUrl(request));
    requestObject.insert(QStringLiteral("httpVersion"), QString::fromLatin1(httpVersion));
    requestObject.insert(QStringLiteral("cookies"), QJsonArray());
    requestObject.insert(QStringLiteral("headers"), headersToHar(request.headers));
    requestObject.insert(QStringLiteral("queryString"), queryToHar(request.query()));
    if (!request.body.isEmpty()) {
        QJsonObject postData;
        postData.insert(QStringLiteral("mimeType"), QString::fromLatin1(request.header("Content-Type")));
        writeBodyText(postData, request.body);
        requestObject.insert(QStringLiteral("postData"), postData);
    }
    requestObject.insert(QStringLiteral("headersSize"),
                         headerBlockSize(request.method + ' ' + request.target + ' ' + httpVersion, request.headers));
    requestObject.insert(QStringLiteral("bodySize"), stored.requestBodySize);
    ExchangeJson::writeBytes(requestObject, QStringLiteral("_target"), request.target);
    if (stored.requestBodyCut)
        requestObject.insert(QStringLiteral("_bodyCut"), true);

    QJsonObject content;
    content.insert(QStringLiteral("size"), stored.responseBodySize);
    content.insert(QStringLiteral("mimeType"), QString::fromLatin1(headerValue(response.headers, "Content-Type")));
    writeBodyText(content, response.body);

    const QString statusText = reasonPhrase(response.status);
    QJsonObject responseObject;
    responseObject.insert(QStringLiteral("status"), response.status);
    responseObject.insert(QStringLiteral("statusText"), statusText);
    responseObject.insert(QStringLiteral("httpVersion"), QString::fromLatin1(httpVersion));
    responseObject.insert(QStringLiteral("cookies"), QJsonArray());
    responseObject.insert(QStringLiteral("headers"), headersToHar(response.headers));
    responseObject.insert(QStringLiteral("content"), content);
    responseObject.insert(QStringLiteral("redirectURL"), QString::fromUtf8(headerValue(response.headers, "Location")));
    const QByteArray statusLine = httpVersion + ' ' + QByteArray::number(response.status) + ' ' + statusText.toLatin1();
    responseObject.insert(QStringLiteral("headersSize"), headerBlockSize(statusLine, response.headers));
    responseObject.insert(QStringLiteral("bodySize"), stored.responseBodySize);
    if (stored.responseBodyCut)
        responseObject.insert(QStringLiteral("_bodyCut"), true);
    if (exchange.outcome != DeliveryOutcome::Sent) {
        // Plain English like the protocol data around it; HAR viewers show it.
        responseObject.insert(QStringLiteral("comment"),
                              QStringLiteral("Not delivered: %1").arg(deliveryOutcomeName(exchange.outcome)));
    }

    const QJsonObject timings{
        {QStringLiteral("blocked"), -1}, {QStringLiteral("dns"), -1},     {QStringLiteral("connect"), -1},
        {QStringLiteral("ssl"), -1},     {QStringLiteral("send"), 0},     {QStringLiteral("wait"), latencyMs},
        {QStringLiteral("receive"), 0},
    };

    QJsonObject object;
    object.insert(QStringLiteral("startedDateTime"), request.receivedAt.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("time"), latencyMs);
    object.insert(QStringLiteral("request"), requestObject);
    object.insert(QStringLiteral("response"), responseObject);
    object.insert(QStringLiteral("cache"), QJsonObject());
    object.insert(QStringLiteral("timings"), timings);
    object.insert(QStringLiteral("_logId"), stored.logId);
    object.insert(QStringLiteral("_responderId"), qint64(exchange.id));
    object.insert(QStringLiteral("_captured"), stored.captured);
    object.insert(QStringLiteral("_peer"), QJsonObject{{QStringLiteral("address"), request.peerAddress},
                                                       {QStringLiteral("port"), int(request.peerPort)}});
    object.insert(QStringLiteral("_callback"), ExchangeJson::callbackToJson(exchange.callback));
    object.insert(QStringLiteral("_findings"), ExchangeJson::findingsToJson(exchange.findings));
    object.insert(QStringLiteral("_decision"), decisionName(exchange.decision));
    object.insert(QStringLiteral("_decidedBy"), exchange.decidedBy);
    object.insert(QStringLiteral("_settingsRevision"), qint64(exchange.settingsRevision));
    object.insert(QStringLiteral("_outcome"), deliveryOutcomeName(exchange.outcome));
    object.insert(QStringLiteral("_latencyMicros"), exchange.latencyMicros);
    return object;
}

QByteArray HarFormat::document(const QList<StoredExchange> &exchanges)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    Writer writer(&buffer);
    writer.begin();
    for (const StoredExchange &stored : exchanges)
        writer.write(stored);
    writer.finish();
    return data;
}

HarFormat::Writer::Writer(QIODevice *device)
    : m_device(device)
{
}

bool HarFormat::Writer::begin()
{
    const QJsonObject creator{{QStringLiteral("name"), QStringLiteral("CallbackLab")},
                              {QStringLiteral("version"), QStringLiteral(CALLBACKLAB_VERSION)}};
    const QByteArray head = "{\"log\":{\"version\":\"1.2\",\"creator\":"
        + QJsonDocument(creator).toJson(QJsonDocument::Compact) + ",\"entries\":[";
    return m_device->write(head) == head.size();
}

bool HarFormat::Writer::write(const StoredExchange &stored)
{
    QByteArray line = m_written++ == 0 ? QByteArray("\n") : QByteArray(",\n");
    line += QJsonDocument(entry(stored)).toJson(QJsonDocument::Compact);
    return m_device->write(line) == line.size();
}

bool HarFormat::Writer::finish()
{
    const QByteArray tail = "\n]}}\n";
    return m_device->write(tail) == tail.size();
}

std::optional<ImportIssue> HarFormat::fromEntry(const QJsonObject &entryObject, StoredExchange *stored)
{
    EntryReader reader;
    StoredExchange result;
    Exchange &exchange = result.exchange;
    RawRequest &request = exchange.request;
    const bool ours = entryObject.contains(QStringLiteral("_decision"));

    const QString started = reader.string(entryObject, QString(), QStringLiteral("startedDateTime"), true);
    if (reader.ok()) {
        request.receivedAt = QDateTime::fromString(started, Qt::ISODateWithMs).toUTC();
        if (!request.receivedAt.isValid())
            reader.fail(QStringLiteral("startedDateTime"), tr("'%1' is not an ISO 8601 date and time").arg(started));
    }

    const QString requestPath = QStringLiteral("request");
    const QJsonObject requestObject = reader.object(entryObject, QString(), requestPath, true);
    request.method = reader.string(requestObject, requestPath, QStringLiteral("method"), true).toLatin1();
    if (reader.ok() && request.method.isEmpty())
        reader.fail(QStringLiteral("request.method"), tr("empty"));
    const QString urlText = reader.string(requestObject, requestPath, QStringLiteral("url"), true);
    const QUrl url(urlText);
    if (reader.ok() && !url.isValid())
        reader.fail(QStringLiteral("request.url"), tr("'%1' is not a valid URL").arg(urlText));

    if (requestObject.contains(QStringLiteral("_target")) || requestObject.contains(QStringLiteral("_targetBase64"))) {
        request.target = reader.bytes(requestObject, requestPath, QStringLiteral("_target"));
    } else {
        request.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
        if (request.target.isEmpty() || !request.target.startsWith('/'))
            request.target.prepend('/');
    }
    request.httpVersion = normalizedVersion(reader.string(requestObject, requestPath, QStringLiteral("httpVersion")));
    request.headers = readHarHeaders(reader, requestObject, requestPath);
    if (!ours)
        request.headers = withoutPseudoHeaders(request.headers);

    const QString postPath = QStringLiteral("request.postData");
    const QJsonObject postData = reader.object(requestObject, requestPath, QStringLiteral("postData"));
    if (postData.contains(QStringLiteral("text")))
        request.body = readBodyText(reader, postData, postPath);
    else
        request.body = formBodyFromParams(reader, reader.array(postData, postPath, QStringLiteral("params")), postPath);
    result.requestBodyCut = reader.boolean(requestObject, requestPath, QStringLiteral("_bodyCut"));
    const qint64 requestBodySize = qint64(reader.number(requestObject, requestPath, QStringLiteral("bodySize")));
    result.requestBodySize = result.requestBodyCut ? requestBodySize : request.body.size();

    const QString responsePath = QStringLiteral("response");
    const QJsonObject responseObject = reader.object(entryObject, QString(), responsePath);
    HttpResponse &response = exchange.response;
    response.status = int(reader.number(responseObject, responsePath, QStringLiteral("status")));
    response.headers = readHarHeaders(reader, responseObject, responsePath);
    const QString contentPath = QStringLiteral("response.content");
    const QJsonObject content = reader.object(responseObject, responsePath, QStringLiteral("content"));
    response.body = readBodyText(reader, content, contentPath);
    result.responseBodyCut = reader.boolean(responseObject, responsePath, QStringLiteral("_bodyCut"));
    const qint64 responseBodySize = qint64(reader.number(content, contentPath, QStringLiteral("size")));
    result.responseBodySize = result.responseBodyCut ? responseBodySize : response.body.size();

    const double timeMs = reader.number(entryObject, QString(), QStringLiteral("time"));
    exchange.latencyMicros = qMax(qint64(0), qint64(std::llround(timeMs * 1000.0)));

    if (ours) {
        exchange.latencyMicros = qint64(reader.number(entryObject, QString(), QStringLiteral("_latencyMicros")));
        result.logId = qint64(reader.number(entryObject, QString(), QStringLiteral("_logId")));
        exchange.id = quint64(reader.number(entryObject, QString(), QStringLiteral("_responderId")));
        const QJsonObject peer = reader.object(entryObject, QString(), QStringLiteral("_peer"));
        request.peerAddress = reader.string(peer, QStringLiteral("_peer"), QStringLiteral("address"));
        request.peerPort = quint16(reader.number(peer, QStringLiteral("_peer"), QStringLiteral("port")));

        const QJsonObject callback = reader.object(entryObject, QString(), QStringLiteral("_callback"));
        if (reader.ok()) {
            const QString problem = ExchangeJson::callbackFromJson(callback, &exchange.callback);
            if (!problem.isEmpty())
                reader.fail(QStringLiteral("_callback"), problem);
        }
        const QJsonArray findings = reader.array(entryObject, QString(), QStringLiteral("_findings"));
        if (reader.ok()) {
            const QString problem = ExchangeJson::findingsFromJson(findings, &exchange.findings);
            if (!problem.isEmpty())
                reader.fail(QStringLiteral("_findings"), problem);
        }
        const QString decision = reader.string(entryObject, QString(), QStringLiteral("_decision"), true);
        const auto parsedDecision = ExchangeNames::decisionFromName(decision);
        if (reader.ok() && !parsedDecision)
            reader.fail(QStringLiteral("_decision"), tr("'%1' is not allow, deny or rejected").arg(decision));
        exchange.decision = parsedDecision.value_or(Decision::Rejected);
        exchange.decidedBy = reader.string(entryObject, QString(), QStringLiteral("_decidedBy"));
        exchange.settingsRevision = quint64(reader.number(entryObject, QString(), QStringLiteral("_settingsRevision")));
        const QString outcome = reader.string(entryObject, QString(), QStringLiteral("_outcome"), false,
                                              deliveryOutcomeName(DeliveryOutcome::Sent));
        const auto parsedOutcome = ExchangeNames::outcomeFromName(outcome);
        if (reader.ok() && !parsedOutcome)
            reader.fail(QStringLiteral("_outcome"), tr("unknown outcome '%1'").arg(outcome));
        exchange.outcome = parsedOutcome.value_or(DeliveryOutcome::Sent);
    } else if (reader.ok()) {
        const ParseResult parsed = CallbackParser::parse(request);
        exchange.callback = parsed.callback;
        exchange.findings = parsed.findings;
        exchange.decision = response.status == 200 ? Decision::Allow : Decision::Deny;
        exchange.decidedBy = QStringLiteral("captured");
        exchange.outcome = response.status == 0 ? DeliveryOutcome::NeverAnswered : DeliveryOutcome::Sent;
    }

    if (!reader.ok())
        return reader.issue();
    result.captured = true;
    *stored = result;
    return std::nullopt;
}

ImportResult HarFormat::read(const QByteArray &data)
{
    ImportResult result;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data, &error);
    if (error.error != QJsonParseError::NoError) {
        result.fatalError = tr("the file is not valid JSON (byte %1: %2)").arg(error.offset + 1).arg(error.errorString());
        return result;
    }
    const QJsonValue entries = document.object().value(QStringLiteral("log")).toObject().value(QStringLiteral("entries"));
    if (!entries.isArray()) {
        result.fatalError = tr("the file is not a HAR file: log.entries is missing");
        return result;
    }

    const QJsonArray array = entries.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        ImportIssue issue;
        issue.index = int(i);
        if (!array.at(i).isObject()) {
            issue.message = tr("must be an object");
            result.issues.append(issue);
            continue;
        }
        StoredExchange stored;
        if (const auto problem = fromEntry(array.at(i).toObject(), &stored)) {
            issue.field = problem->field;
            issue.message = problem->message;
            result.issues.append(issue);
            continue;
        }
        result.exchanges.append(stored);
    }
    return result;
}
