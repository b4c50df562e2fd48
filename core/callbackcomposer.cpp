#include "callbackcomposer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

const QByteArray FormContentType = QByteArrayLiteral("application/x-www-form-urlencoded");
const QByteArray JsonContentType = QByteArrayLiteral("application/json");

struct FormField
{
    QByteArray name;
    QString value;
};

QByteArray formEncode(const QList<FormField> &fields)
{
    // Percent-encodes everything but unreserved characters, so '+' is sent
    // as %2B and survives form decoding.
    QByteArray encoded;
    for (const FormField &field : fields) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QByteArray(field.name).toPercentEncoding("[]");
        encoded += '=';
        encoded += field.value.toUtf8().toPercentEncoding();
    }
    return encoded;
}

QString formValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    default: {
        const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(json.mid(1, json.size() - 2));
    }
    }
}

bool sends(const CallbackDraft &draft, const char *field, const QString &value, bool required)
{
    if (draft.omit.contains(QLatin1String(field)))
        return false;
    return required || !value.isEmpty();
}

QJsonObject metadataObject(const CallbackDraft &draft)
{
    QJsonObject metadata;
    if (!draft.remoteAddr.isEmpty())
        metadata.insert(QStringLiteral("remoteAddr"), draft.remoteAddr);
    if (!draft.userAgent.isEmpty())
        metadata.insert(QStringLiteral("userAgent"), draft.userAgent);
    return metadata;
}

QByteArray jsonBody(const CallbackDraft &draft)
{
    QJsonObject object;
    if (sends(draft, "asset", draft.asset, true))
        object.insert(QStringLiteral("asset"), draft.asset);
    if (sends(draft, "user", draft.user, true))
        object.insert(QStringLiteral("user"), draft.user);
    if (sends(draft, "session", draft.session, true))
        object.insert(QStringLiteral("session"), draft.session);
    if (sends(draft, "drmScheme", draft.drmScheme, false))
        object.insert(QStringLiteral("drmScheme"), draft.drmScheme);
    const QJsonObject metadata = metadataObject(draft);
    if (!metadata.isEmpty() && !draft.omit.contains(QLatin1String("requestMetadata")))
        object.insert(QStringLiteral("requestMetadata"), metadata);
    if (sends(draft, "extraData", draft.extraData, false))
        object.insert(QStringLiteral("extraData"), draft.extraData);
    for (auto it = draft.extraFields.constBegin(); it != draft.extraFields.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QList<FormField> formFields(const CallbackDraft &draft, CallbackEncoding encoding)
{
    QList<FormField> fields;
    if (sends(draft, "asset", draft.asset, true))
        fields.append({QByteArrayLiteral("asset"), draft.asset});
    if (sends(draft, "user", draft.user, true))
        fields.append({QByteArrayLiteral("user"), draft.user});
    if (sends(draft, "session", draft.session, true))
        fields.append({QByteArrayLiteral("session"), draft.session});
    if (sends(draft, "drmScheme", draft.drmScheme, false))
        fields.append({QByteArrayLiteral("drmScheme"), draft.drmScheme});

    const QJsonObject metadata = metadataObject(draft);
    if (!metadata.isEmpty() && !draft.omit.contains(QLatin1String("requestMetadata"))) {
        if (encoding == CallbackEncoding::FormJsonText) {
            fields.append({QByteArrayLiteral("requestMetadata"), formValue(metadata)});
        } else {
            const bool dot = encoding == CallbackEncoding::FormDot;
            for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
                const QByteArray key = it.key().toUtf8();
                const QByteArray name = dot ? QByteArrayLiteral("requestMetadata.") + key
                                            : QByteArrayLiteral("requestMetadata[") + key + ']';
                fields.append({name, it.value().toString()});
            }
        }
    }

    if (sends(draft, "extraData", draft.extraData, false))
        fields.append({QByteArrayLiteral("extraData"), draft.extraData});
    for (auto it = draft.extraFields.constBegin(); it != draft.extraFields.constEnd(); ++it)
        fields.append({it.key().toUtf8(), formValue(it.value())});
    return fields;
}

void setHeader(HttpHeaders *headers, const QByteArray &name, const QByteArray &value)
{
    for (auto &header : *headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers->append({name, value});
}

} // namespace

ComposedRequest CallbackComposer::compose(const CallbackDraft &draft, CallbackEncoding encoding,
                                          const QByteArray &method)
{
    ComposedRequest request;
    request.method = method.isEmpty() ? (encoding == CallbackEncoding::Query ? QByteArrayLiteral("GET")
                                                                             : QByteArrayLiteral("POST"))
                                      : method;

    switch (encoding) {
    case CallbackEncoding::Json:
        request.body = jsonBody(draft);
        request.headers.append({QByteArrayLiteral("Content-Type"), JsonContentType});
        break;
    case CallbackEncoding::FormBracket:
    case CallbackEncoding::FormDot:
    case CallbackEncoding::FormJsonText:
        request.body = formEncode(formFields(draft, encoding));
        request.headers.append({QByteArrayLiteral("Content-Type"), FormContentType});
        break;
    case CallbackEncoding::Query:
        request.query = formEncode(formFields(draft, CallbackEncoding::FormBracket));
        break;
    }

    for (const auto &header : draft.headers)
        setHeader(&request.headers, header.first, header.second);
    return request;
}

RawRequest CallbackComposer::toRawRequest(const ComposedRequest &request, const QByteArray &path)
{
    RawRequest raw;
    raw.method = request.method;
    raw.target = request.query.isEmpty() ? path : path + '?' + request.query;
    raw.httpVersion = QByteArrayLiteral("HTTP/1.1");
    raw.headers = request.headers;
    raw.body = request.body;
    if (!raw.body.isEmpty() || raw.method == "POST" || raw.method == "PUT")
        raw.headers.append({QByteArrayLiteral("Content-Length"), QByteArray::number(raw.body.size())});
    raw.peerAddress = QStringLiteral("127.0.0.1");
    raw.receivedAt = QDateTime::currentDateTimeUtc();
    return raw;
}

CallbackDraft CallbackComposer::fromCallback(const CallbackFields &callback)
{
    CallbackDraft draft;
    draft.asset = callback.asset;
    draft.user = callback.user;
    draft.session = callback.session;
    draft.drmScheme = callback.drmSchemeText;
    draft.remoteAddr = callback.remoteAddr;
    draft.userAgent = callback.userAgent;
    draft.extraData = callback.extraData;
    draft.extraFields = callback.unknownFields;
    return draft;
}

QString CallbackComposer::encodingName(CallbackEncoding encoding)
{
    switch (encoding) {
    case CallbackEncoding::Json: return QStringLiteral("json");
    case CallbackEncoding::FormBracket: return QStringLiteral("form-bracket");
    case CallbackEncoding::FormDot: return QStringLiteral("form-dot");
    case CallbackEncoding::FormJsonText: return QStringLiteral("form-json-text");
    case CallbackEncoding::Query: return QStringLiteral("query");
    }
    return QString();
}

std::optional<CallbackEncoding> CallbackComposer::encodingFromName(const QString &name)
{
    for (CallbackEncoding encoding : {CallbackEncoding::Json, CallbackEncoding::FormBracket, CallbackEncoding::FormDot,
                                      CallbackEncoding::FormJsonText, CallbackEncoding::Query}) {
        if (encodingName(encoding) == name)
            return encoding;
    }
    if (name == QLatin1String("form"))
        return CallbackEncoding::FormBracket;
    return std::nullopt;
}

QStringList CallbackComposer::encodingNames()
{
    return {QStringLiteral("json"), QStringLiteral("form-bracket"), QStringLiteral("form-dot"),
            QStringLiteral("form-json-text"), QStringLiteral("query")};
}

QByteArray CallbackComposer::contentType(CallbackEncoding encoding)
{
    switch (encoding) {
    case CallbackEncoding::Json: return JsonContentType;
    case CallbackEncoding::FormBracket:
    case CallbackEncoding::FormDot:
    case CallbackEncoding::FormJsonText: return FormContentType;
    case CallbackEncoding::Query: return QByteArray();
    }
    return QByteArray();
}
