#include "storedexchange.h"

#include <QDir>
#include <QJsonValue>
#include <QStringDecoder>

StoredExchange StoredExchange::fromExchange(const Exchange &exchange, bool captured)
{
    StoredExchange stored;
    stored.exchange = exchange;
    stored.requestBodySize = exchange.request.body.size();
    stored.responseBodySize = exchange.response.body.size();
    stored.captured = captured;
    return stored;
}

QString StoreError::toString() const
{
    return tr("Cannot use request log %1: %2").arg(QDir::toNativeSeparators(fileName), message);
}

QString ImportIssue::toString() const
{
    const QString where = field.isEmpty() ? QString() : tr(" at %1").arg(field);
    if (line > 0)
        return tr("line %1 (exchange %2)%3: %4").arg(line).arg(index + 1).arg(where, message);
    return tr("log.entries[%1]%2: %3").arg(index).arg(where, message);
}

namespace ExchangeNames {

std::optional<Decision> decisionFromName(const QString &name)
{
    for (Decision decision : {Decision::Allow, Decision::Deny, Decision::Rejected}) {
        if (decisionName(decision) == name)
            return decision;
    }
    return std::nullopt;
}

std::optional<DeliveryOutcome> outcomeFromName(const QString &name)
{
    for (DeliveryOutcome outcome : {DeliveryOutcome::Sent, DeliveryOutcome::ClientGone, DeliveryOutcome::ClosedByRule,
                                    DeliveryOutcome::NeverAnswered}) {
        if (deliveryOutcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

std::optional<FindingSeverity> severityFromName(const QString &name)
{
    for (FindingSeverity severity : {FindingSeverity::Info, FindingSeverity::Warning, FindingSeverity::Error}) {
        if (severityName(severity) == name)
            return severity;
    }
    return std::nullopt;
}

std::optional<BodyEncoding> bodyEncodingFromName(const QString &name)
{
    for (BodyEncoding encoding : {BodyEncoding::None, BodyEncoding::Json, BodyEncoding::Form, BodyEncoding::Query}) {
        if (bodyEncodingName(encoding) == name)
            return encoding;
    }
    return std::nullopt;
}

std::optional<MetadataLayout> metadataLayoutFromName(const QString &name)
{
    for (MetadataLayout layout : {MetadataLayout::Absent, MetadataLayout::JsonObject, MetadataLayout::Bracket,
                                  MetadataLayout::Dot, MetadataLayout::JsonText}) {
        if (metadataLayoutName(layout) == name)
            return layout;
    }
    return std::nullopt;
}

QString schemeKey(DrmScheme scheme)
{
    return scheme == DrmScheme::None ? QStringLiteral("none") : drmSchemeName(scheme);
}

std::optional<DrmScheme> schemeFromKey(const QString &key)
{
    for (DrmScheme scheme : {DrmScheme::None, DrmScheme::Widevine, DrmScheme::FairPlay, DrmScheme::PlayReady,
                             DrmScheme::Other}) {
        if (schemeKey(scheme) == key)
            return scheme;
    }
    return std::nullopt;
}

} // namespace ExchangeNames

namespace ExchangeJson {

namespace {

QString wrongType(const QString &key, const QString &expected)
{
    return QCoreApplication::translate("ExchangeJson", "'%1' must be %2").arg(key, expected);
}

// Reads an optional string member; returns false when it exists with another type.
bool readString(const QJsonObject &object, const QString &key, QString *value)
{
    const QJsonValue member = object.value(key);
    if (member.isUndefined() || member.isNull())
        return true;
    if (!member.isString())
        return false;
    *value = member.toString();
    return true;
}

} // namespace

QJsonObject callbackToJson(const CallbackFields &callback)
{
    QJsonObject object;
    object.insert(QStringLiteral("asset"), callback.asset);
    object.insert(QStringLiteral("assets"), QJsonArray::fromStringList(callback.assets));
    object.insert(QStringLiteral("user"), callback.user);
    object.insert(QStringLiteral("session"), callback.session);
    object.insert(QStringLiteral("drmScheme"), callback.drmSchemeText);
    object.insert(QStringLiteral("drmSchemeKind"), ExchangeNames::schemeKey(callback.drmScheme));
    object.insert(QStringLiteral("remoteAddr"), callback.remoteAddr);
    object.insert(QStringLiteral("userAgent"), callback.userAgent);
    object.insert(QStringLiteral("extraData"), callback.extraData);
    object.insert(QStringLiteral("fields"), callback.fields);
    object.insert(QStringLiteral("unknownFields"), callback.unknownFields);
    object.insert(QStringLiteral("encoding"), bodyEncodingName(callback.encoding));
    object.insert(QStringLiteral("metadataLayout"), metadataLayoutName(callback.metadataLayout));
    return object;
}

QString callbackFromJson(const QJsonObject &object, CallbackFields *callback)
{
    const struct {
        const char *key;
        QString *value;
    } strings[] = {
        {"asset", &callback->asset},
        {"user", &callback->user},
        {"session", &callback->session},
        {"drmScheme", &callback->drmSchemeText},
        {"remoteAddr", &callback->remoteAddr},
        {"userAgent", &callback->userAgent},
        {"extraData", &callback->extraData},
    };
    for (const auto &entry : strings) {
        const QString key = QString::fromLatin1(entry.key);
        if (!readString(object, key, entry.value))
            return wrongType(key, QStringLiteral("a string"));
    }

    const QJsonValue assets = object.value(QStringLiteral("assets"));
    if (assets.isArray()) {
        callback->assets.clear();
        for (const QJsonValue &asset : assets.toArray()) {
            if (!asset.isString())
                return wrongType(QStringLiteral("assets"), QStringLiteral("an array of strings"));
            callback->assets.append(asset.toString());
        }
    } else if (!assets.isUndefined() && !assets.isNull()) {
        return wrongType(QStringLiteral("assets"), QStringLiteral("an array of strings"));
    } else if (!callback->asset.isEmpty()) {
        callback->assets = QStringList{callback->asset};
    }

    QString kind;
    if (!readString(object, QStringLiteral("drmSchemeKind"), &kind))
        return wrongType(QStringLiteral("drmSchemeKind"), QStringLiteral("a string"));
    if (!kind.isEmpty()) {
        const auto scheme = ExchangeNames::schemeFromKey(kind);
        if (!scheme)
            return QCoreApplication::translate("ExchangeJson", "unknown drmSchemeKind '%1'").arg(kind);
        callback->drmScheme = *scheme;
    }

    for (const char *key : {"fields", "unknownFields"}) {
        const QJsonValue member = object.value(QString::fromLatin1(key));
        if (member.isUndefined() || member.isNull())
            continue;
        if (!member.isObject())
            return wrongType(QString::fromLatin1(key), QStringLiteral("an object"));
        (qstrcmp(key, "fields") == 0 ? callback->fields : callback->unknownFields) = member.toObject();
    }

    QString encoding;
    if (!readString(object, QStringLiteral("encoding"), &encoding))
        return wrongType(QStringLiteral("encoding"), QStringLiteral("a string"));
    if (!encoding.isEmpty()) {
        const auto parsed = ExchangeNames::bodyEncodingFromName(encoding);
        if (!parsed)
            return QCoreApplication::translate("ExchangeJson", "unknown encoding '%1'").arg(encoding);
        callback->encoding = *parsed;
    }

    QString layout;
    if (!readString(object, QStringLiteral("metadataLayout"), &layout))
        return wrongType(QStringLiteral("metadataLayout"), QStringLiteral("a string"));
    if (!layout.isEmpty()) {
        const auto parsed = ExchangeNames::metadataLayoutFromName(layout);
        if (!parsed)
            return QCoreApplication::translate("ExchangeJson", "unknown metadataLayout '%1'").arg(layout);
        callback->metadataLayout = *parsed;
    }
    return QString();
}

QJsonArray findingsToJson(const Findings &findings)
{
    QJsonArray array;
    for (const Finding &finding : findings) {
        array.append(QJsonObject{
            {QStringLiteral("severity"), severityName(finding.severity)},
            {QStringLiteral("code"), finding.code},
            {QStringLiteral("field"), finding.field},
            {QStringLiteral("message"), finding.message},
        });
    }
    return array;
}

QString findingsFromJson(const QJsonArray &array, Findings *findings)
{
    findings->clear();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("[%1]").arg(i);
        if (!array.at(i).isObject())
            return wrongType(path, QStringLiteral("an object"));
        const QJsonObject object = array.at(i).toObject();

        Finding finding;
        QString severity;
        if (!readString(object, QStringLiteral("severity"), &severity)
            || !readString(object, QStringLiteral("code"), &finding.code)
            || !readString(object, QStringLiteral("field"), &finding.field)
            || !readString(object, QStringLiteral("message"), &finding.message)) {
            return wrongType(path, QStringLiteral("an object of strings"));
        }
        if (!severity.isEmpty()) {
            const auto parsed = ExchangeNames::severityFromName(severity);
            if (!parsed)
                return QCoreApplication::translate("ExchangeJson", "unknown severity '%1' at %2").arg(severity, path);
            finding.severity = *parsed;
        }
        findings->append(finding);
    }
    return QString();
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    return !decoder.hasError();
}

void writeBytes(QJsonObject &object, const QString &key, const QByteArray &bytes)
{
    if (isValidUtf8(bytes))
        object.insert(key, QString::fromUtf8(bytes));
    else
        object.insert(key + QStringLiteral("Base64"), QString::fromLatin1(bytes.toBase64()));
}

void EntryReader::fail(const QString &field, const QString &message)
{
    if (m_issue)
        return;
    ImportIssue issue;
    issue.field = field;
    issue.message = message;
    m_issue = issue;
}

QString EntryReader::join(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

QJsonObject EntryReader::object(const QJsonObject &parent, const QString &path, const QString &key, bool required)
{
    const QJsonValue value = parent.value(key);
    if (value.isObject())
        return value.toObject();
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(join(path, key), tr("missing"));
    } else {
        fail(join(path, key), tr("must be an object"));
    }
    return QJsonObject();
}

QJsonArray EntryReader::array(const QJsonObject &parent, const QString &path, const QString &key, bool required)
{
    const QJsonValue value = parent.value(key);
    if (value.isArray())
        return value.toArray();
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(join(path, key), tr("missing"));
    } else {
        fail(join(path, key), tr("must be an array"));
    }
    return QJsonArray();
}

QString EntryReader::string(const QJsonObject &parent, const QString &path, const QString &key, bool required,
                            const QString &fallback)
{
    const QJsonValue value = parent.value(key);
    if (value.isString())
        return value.toString();
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(join(path, key), tr("missing"));
    } else {
        fail(join(path, key), tr("must be a string"));
    }
    return fallback;
}

double EntryReader::number(const QJsonObject &parent, const QString &path, const QString &key, bool required,
                           double fallback)
{
    const QJsonValue value = parent.value(key);
    if (value.isDouble())
        return value.toDouble();
    if (value.isUndefined() || value.isNull()) {
        if (required)
            fail(join(path, key), tr("missing"));
    } else {
        fail(join(path, key), tr("must be a number"));
    }
    return fallback;
}

bool EntryReader::boolean(const QJsonObject &parent, const QString &path, const QString &key, bool fallback)
{
    const QJsonValue value = parent.value(key);
    if (value.isBool())
        return value.toBool();
    if (!value.isUndefined() && !value.isNull())
        fail(join(path, key), tr("must be true or false"));
    return fallback;
}

QByteArray EntryReader::bytes(const QJsonObject &parent, const QString &path, const QString &key, bool required)
{
    const QString base64Key = key + QStringLiteral("Base64");
    if (parent.contains(base64Key) && !parent.value(base64Key).isNull()) {
        const QString text = string(parent, path, base64Key);
        auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            fail(join(path, base64Key), tr("invalid base64"));
        return *decoded;
    }
    return string(parent, path, key, required).toUtf8();
}

} // namespace ExchangeJson
