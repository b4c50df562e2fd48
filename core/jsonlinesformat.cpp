#include "jsonlinesformat.h"

#include <QBuffer>
#include <QIODevice>
#include <QJsonDocument>
#include <QJsonParseError>

#include <limits>

using ExchangeJson::EntryReader;

namespace {

const QLatin1String FormatName("callbacklab-exchange");

QJsonArray headersToJson(const HttpHeaders &headers)
{
    QJsonArray array;
    for (const auto &header : headers) {
        QJsonObject object;
        ExchangeJson::writeBytes(object, QStringLiteral("name"), header.first);
        ExchangeJson::writeBytes(object, QStringLiteral("value"), header.second);
        array.append(object);
    }
    return array;
}

HttpHeaders headersFromJson(EntryReader &reader, const QJsonObject &parent, const QString &path)
{
    HttpHeaders headers;
    const QJsonArray array = reader.array(parent, path, QStringLiteral("headers"));
    for (qsizetype i = 0; i < array.size() && reader.ok(); ++i) {
        const QString itemPath = EntryReader::join(path, QStringLiteral("headers[%1]").arg(i));
        if (!array.at(i).isObject()) {
            reader.fail(itemPath, JsonLinesFormat::tr("must be an object"));
            break;
        }
        const QJsonObject item = array.at(i).toObject();
        const QByteArray name = reader.bytes(item, itemPath, QStringLiteral("name"), true);
        const QByteArray value = reader.bytes(item, itemPath, QStringLiteral("value"));
        headers.append({name, value});
    }
    return headers;
}

QDateTime parseTime(EntryReader &reader, const QJsonObject &object, const QString &key)
{
    const QString text = reader.string(object, QString(), key, true);
    if (!reader.ok())
        return QDateTime();
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        reader.fail(key, JsonLinesFormat::tr("'%1' is not an ISO 8601 date and time").arg(text));
    return time.toUTC();
}

} // namespace

QJsonObject JsonLinesFormat::toJson(const StoredExchange &stored)
{
    const Exchange &exchange = stored.exchange;
    const RawRequest &request = exchange.request;

    QJsonObject requestObject;
    requestObject.insert(QStringLiteral("method"), QString::fromLatin1(request.method));
    ExchangeJson::writeBytes(requestObject, QStringLiteral("target"), request.target);
    requestObject.insert(QStringLiteral("httpVersion"), QString::fromLatin1(request.httpVersion));
    requestObject.insert(QStringLiteral("headers"), headersToJson(request.headers));
    ExchangeJson::writeBytes(requestObject, QStringLiteral("body"), request.body);
    requestObject.insert(QStringLiteral("bodySize"), stored.requestBodySize);
    requestObject.insert(QStringLiteral("bodyCut"), stored.requestBodyCut);
    requestObject.insert(QStringLiteral("peerAddress"), request.peerAddress);
    requestObject.insert(QStringLiteral("peerPort"), int(request.peerPort));

    QJsonObject responseObject;
    responseObject.insert(QStringLiteral("status"), exchange.response.status);
    responseObject.insert(QStringLiteral("headers"), headersToJson(exchange.response.headers));
    ExchangeJson::writeBytes(responseObject, QStringLiteral("body"), exchange.response.body);
    responseObject.insert(QStringLiteral("bodySize"), stored.responseBodySize);
    responseObject.insert(QStringLiteral("bodyCut"), stored.responseBodyCut);

    QJsonObject object;
    object.insert(QStringLiteral("format"), FormatName);
    object.insert(QStringLiteral("version"), Version);
    object.insert(QStringLiteral("logId"), stored.logId);
    object.insert(QStringLiteral("responderId"), qint64(exchange.id));
    object.insert(QStringLiteral("receivedAt"), request.receivedAt.toUTC().toString(Qt::ISODateWithMs));
    object.insert(QStringLiteral("captured"), stored.captured);
    object.insert(QStringLiteral("request"), requestObject);
    object.insert(QStringLiteral("callback"), ExchangeJson::callbackToJson(exchange.callback));
    object.insert(QStringLiteral("findings"), ExchangeJson::findingsToJson(exchange.findings));
    object.insert(QStringLiteral("decision"), decisionName(exchange.decision));
    object.insert(QStringLiteral("decidedBy"), exchange.decidedBy);
    object.insert(QStringLiteral("settingsRevision"), qint64(exchange.settingsRevision));
    object.insert(QStringLiteral("response"), responseObject);
    object.insert(QStringLiteral("outcome"), deliveryOutcomeName(exchange.outcome));
    object.insert(QStringLiteral("latencyMicros"), exchange.latencyMicros);
    return object;
}

QByteArray JsonLinesFormat::toLine(const StoredExchange &stored)
{
    return QJsonDocument(toJson(stored)).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<ImportIssue> JsonLinesFormat::fromJson(const QJsonObject &object, StoredExchange *stored)
{
    EntryReader reader;
    const QString format = reader.string(object, QString(), QStringLiteral("format"), true);
    if (reader.ok() && format != FormatName)
        reader.fail(QStringLiteral("format"), tr("'%1' is not \"%2\"").arg(format, FormatName));
    const double version = reader.number(object, QString(), QStringLiteral("version"), true);
    if (reader.ok() && version != Version) {
        reader.fail(QStringLiteral("version"),
                    tr("version %1 is not supported; this CallbackLab reads version %2").arg(version).arg(Version));
    }
    if (!reader.ok())
        return reader.issue();

    StoredExchange result;
    Exchange &exchange = result.exchange;
    RawRequest &request = exchange.request;

    result.logId = qint64(reader.number(object, QString(), QStringLiteral("logId")));
    exchange.id = quint64(reader.number(object, QString(), QStringLiteral("responderId")));
    request.receivedAt = parseTime(reader, object, QStringLiteral("receivedAt"));

    const QString requestPath = QStringLiteral("request");
    const QJsonObject requestObject = reader.object(object, QString(), requestPath, true);
    request.method = reader.string(requestObject, requestPath, QStringLiteral("method"), true).toLatin1();
    request.target = reader.bytes(requestObject, requestPath, QStringLiteral("target"), true);
    request.httpVersion =
        reader.string(requestObject, requestPath, QStringLiteral("httpVersion"), false, QStringLiteral("HTTP/1.1"))
            .toLatin1();
    request.headers = headersFromJson(reader, requestObject, requestPath);
    request.body = reader.bytes(requestObject, requestPath, QStringLiteral("body"));
    result.requestBodySize = qint64(
        reader.number(requestObject, requestPath, QStringLiteral("bodySize"), false, double(request.body.size())));
    result.requestBodyCut = reader.boolean(requestObject, requestPath, QStringLiteral("bodyCut"));
    request.peerAddress = reader.string(requestObject, requestPath, QStringLiteral("peerAddress"));
    request.peerPort = quint16(reader.number(requestObject, requestPath, QStringLiteral("peerPort")));

    const QJsonObject callbackObject = reader.object(object, QString(), QStringLiteral("callback"));
    if (reader.ok()) {
        const QString problem = ExchangeJson::callbackFromJson(callbackObject, &exchange.callback);
        if (!problem.isEmpty())
            reader.fail(QStringLiteral("callback"), problem);
    }
    const QJsonArray findings = reader.array(object, QString(), QStringLiteral("findings"));
    if (reader.ok()) {
        const QString problem = ExchangeJson::findingsFromJson(findings, &exchange.findings);
        if (!problem.isEmpty())
            reader.fail(QStringLiteral("findings"), problem);
    }

    const QString decision = reader.string(object, QString(), QStringLiteral("decision"), true);
    if (reader.ok()) {
        const auto parsed = ExchangeNames::decisionFromName(decision);
        if (!parsed)
            reader.fail(QStringLiteral("decision"), tr("'%1' is not allow, deny or rejected").arg(decision));
        exchange.decision = parsed.value_or(Decision::Rejected);
    }
    exchange.decidedBy = reader.string(object, QString(), QStringLiteral("decidedBy"));
    exchange.settingsRevision = quint64(reader.number(object, QString(), QStringLiteral("settingsRevision")));

    const QString responsePath = QStringLiteral("response");
    const QJsonObject responseObject = reader.object(object, QString(), responsePath, true);
    exchange.response.status = int(reader.number(responseObject, responsePath, QStringLiteral("status"), true));
    exchange.response.headers = headersFromJson(reader, responseObject, responsePath);
    exchange.response.body = reader.bytes(responseObject, responsePath, QStringLiteral("body"));
    result.responseBodySize = qint64(reader.number(responseObject, responsePath, QStringLiteral("bodySize"), false,
                                                   double(exchange.response.body.size())));
    result.responseBodyCut = reader.boolean(responseObject, responsePath, QStringLiteral("bodyCut"));

    const QString outcome =
        reader.string(object, QString(), QStringLiteral("outcome"), false, deliveryOutcomeName(DeliveryOutcome::Sent));
    if (reader.ok()) {
        const auto parsed = ExchangeNames::outcomeFromName(outcome);
        if (!parsed)
            reader.fail(QStringLiteral("outcome"), tr("unknown outcome '%1'").arg(outcome));
        exchange.outcome = parsed.value_or(DeliveryOutcome::Sent);
    }
    exchange.latencyMicros = qint64(reader.number(object, QString(), QStringLiteral("latencyMicros")));
    result.captured = reader.boolean(object, QString(), QStringLiteral("captured"));

    if (!reader.ok())
        return reader.issue();
    *stored = result;
    return std::nullopt;
}

ImportResult JsonLinesFormat::read(QIODevice *device)
{
    return Reader(device).readSome(std::numeric_limits<qsizetype>::max());
}

bool JsonLinesFormat::Reader::atEnd() const
{
    return m_device->atEnd();
}

ImportResult JsonLinesFormat::Reader::readSome(qsizetype maxExchanges)
{
    ImportResult result;
    while (result.exchanges.size() < maxExchanges && !m_device->atEnd()) {
        const QByteArray line = m_device->readLine().trimmed();
        const int lineNumber = ++m_lineNumber;
        if (line.isEmpty())
            continue;

        const int entryIndex = m_index++;
        const auto report = [&](const QString &field, const QString &message) {
            ImportIssue issue;
            issue.index = entryIndex;
            issue.line = lineNumber;
            issue.field = field;
            issue.message = message;
            result.issues.append(issue);
        };

        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(line, &error);
        if (error.error != QJsonParseError::NoError) {
            report(QString(), JsonLinesFormat::tr("invalid JSON at byte %1: %2").arg(error.offset + 1).arg(error.errorString()));
            continue;
        }
        if (!document.isObject()) {
            report(QString(), JsonLinesFormat::tr("the line is not a JSON object"));
            continue;
        }

        StoredExchange stored;
        if (const auto issue = fromJson(document.object(), &stored)) {
            report(issue->field, issue->message);
            continue;
        }
        stored.captured = true;
        result.exchanges.append(stored);
    }
    return result;
}

ImportResult JsonLinesFormat::read(const QByteArray &data)
{
    QByteArray copy = data;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return read(&buffer);
}
