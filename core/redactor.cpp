#include "redactor.h"

#include "jsontext.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace {

// Values that could be ordinary words or numbers ("1", "json", "Disable") are replaced only under
// personal field names. Distinctive ones, five characters or more and not all letters, are replaced anywhere.
bool isDistinctive(const QString &value)
{
    if (value.size() < 5)
        return false;
    return std::any_of(value.cbegin(), value.cend(), [](QChar c) { return !c.isLetter(); });
}

bool isAlphanumeric(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Loopback and unspecified addresses identify no one and stay as they are.
bool isPublicIp(const QString &text, QString *normalized)
{
    QHostAddress address(text);
    if (address.isNull())
        return false;
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(ipv4);
    if (address.isLoopback() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6)
        return false;
    *normalized = address.toString();
    return true;
}

QByteArray jsonEscaped(const QString &value)
{
    QByteArray quoted = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return quoted.mid(2, quoted.size() - 4);  // strip ["..."]
}

const QRegularExpression &ipv4Pattern()
{
    static const QRegularExpression pattern(QStringLiteral("(?<![0-9.])(\\d{1,3}(?:\\.\\d{1,3}){3})(?![0-9]|\\.\\d)"));
    return pattern;
}

const QRegularExpression &ipv6Pattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("(?<![0-9A-Fa-f:])((?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4})(?![0-9A-Fa-f:.])"));
    return pattern;
}

void setContentLength(HttpHeaders &headers, qsizetype size)
{
    for (auto &header : headers) {
        if (header.first.compare("Content-Length", Qt::CaseInsensitive) == 0)
            header.second = QByteArray::number(size);
    }
}

// Protocol headers carry no personal data. A session "application" must not
// turn Content-Type into "session-1/json".
bool isProtocolHeader(const QByteArray &name)
{
    static const char *const names[] = {"Content-Type", "Content-Length", "Content-Encoding", "Transfer-Encoding",
                                        "Connection", "Keep-Alive", "Expect", "Accept", "Accept-Encoding",
                                        "Date", "Server"};
    for (const char *known : names) {
        if (name.compare(known, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

enum class TextShape { Json, Form, Text };

// Decides how a body is scanned: by its first bytes, then by Content-Type, the
// way the parser reads a body whose header disagrees with it.
TextShape shapeOf(const QByteArray &body, const HttpHeaders &headers)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        return TextShape::Json;
    const bool formLike = body.contains('=')
        && std::none_of(body.cbegin(), body.cend(), [](char c) { return uchar(c) <= ' '; });
    if (formLike)
        return TextShape::Form;
    for (const auto &header : headers) {
        if (header.first.compare("Content-Type", Qt::CaseInsensitive) == 0
            && header.second.toLower().contains("x-www-form-urlencoded"))
            return TextShape::Form;
    }
    return TextShape::Text;
}

// Passes every value of a URL-encoded form through rewrite, with the last
// segment of its name ("userAgent" for requestMetadata[userAgent]).
QByteArray rewriteFormValues(const QByteArray &text,
                             const std::function<QByteArray(const QByteArray &, const QByteArray &)> &rewrite)
{
    QByteArrayList pairs = text.split('&');
    for (QByteArray &pair : pairs) {
        const qsizetype equals = pair.indexOf('=');
        if (equals < 0)
            continue;
        QByteArray name = QByteArray::fromPercentEncoding(QByteArray(pair.left(equals)).replace('+', ' '));
        if (name.endsWith(']'))
            name.chop(1);
        name = name.mid(qMax(name.lastIndexOf('['), name.lastIndexOf('.')) + 1);
        pair = pair.left(equals + 1) + rewrite(name, pair.mid(equals + 1));
    }
    return pairs.join('&');
}

// The kind of a field that names a person: the callback's contract names and
// custom-data's userId and sessionId.
std::optional<Redactor::Kind> personalField(const QByteArray &name)
{
    if (name == "user" || name == "userId")
        return Redactor::Kind::User;
    if (name == "session" || name == "sessionId")
        return Redactor::Kind::Session;
    if (name == "userAgent")
        return Redactor::Kind::UserAgent;
    if (name == "remoteAddr")
        return Redactor::Kind::Ip;
    return std::nullopt;
}

QString decodeJsonString(const QByteArray &content)
{
    if (!content.contains('\\'))
        return QString::fromUtf8(content);
    return QJsonDocument::fromJson("[\"" + content + "\"]").array().at(0).toString();
}

QString decodeFormValue(const QByteArray &raw)
{
    return QString::fromUtf8(QByteArray::fromPercentEncoding(QByteArray(raw).replace('+', ' ')));
}

} // namespace

QString Redactor::placeholder(Kind kind, const QString &text)
{
    QString value = text;
    if (kind == Kind::Ip) {
        if (!isPublicIp(text, &value))
            return text;
        // In an IPv4-mapped address such as ::ffff:192.0.2.1 only the IPv4 part is replaced.
        const QString form = text.contains(QLatin1Char(':')) && text.contains(QLatin1Char('.')) ? value : text;
        if (!m_ipForms.contains(form)) {
            m_ipForms.insert(form, value);
            m_patternsDirty = true;
        }
    }

    QHash<QString, QString> &map = m_placeholders[int(kind)];
    const auto found = map.constFind(value);
    if (found != map.constEnd())
        return *found;

    const int number = ++m_counts[int(kind)];
    QString replacement;
    switch (kind) {
    case Kind::User: replacement = QStringLiteral("user-%1").arg(number); break;
    case Kind::Session: replacement = QStringLiteral("session-%1").arg(number); break;
    case Kind::UserAgent: replacement = QStringLiteral("ua-%1").arg(number); break;
    case Kind::Ip:
        if (value.contains(QLatin1Char(':'))) {
            replacement = QStringLiteral("2001:db8::%1").arg(number, 0, 16);
        } else {
            // The three documentation ranges of RFC 5737, 254 addresses each.
            static const char *const ranges[] = {"192.0.2", "198.51.100", "203.0.113"};
            const int range = (number - 1) / 254;
            replacement = range < 3 ? QStringLiteral("%1.%2").arg(QLatin1String(ranges[range])).arg((number - 1) % 254 + 1)
                                    : QStringLiteral("2001:db8::%1").arg(number, 0, 16);
        }
        break;
    }
    map.insert(value, replacement);
    m_patternsDirty = true;
    return replacement;
}

void Redactor::collect(const StoredExchange &stored)
{
    const Exchange &exchange = stored.exchange;
    const CallbackFields &callback = exchange.callback;
    if (!callback.user.isEmpty())
        placeholder(Kind::User, callback.user);
    if (!callback.session.isEmpty())
        placeholder(Kind::Session, callback.session);
    if (!callback.userAgent.isEmpty())
        placeholder(Kind::UserAgent, callback.userAgent);
    for (const QString &address : {callback.remoteAddr, exchange.request.peerAddress}) {
        if (!address.isEmpty())
            placeholder(Kind::Ip, address);
    }

    for (const auto &header : exchange.request.headers) {
        if (header.first.compare("User-Agent", Qt::CaseInsensitive) == 0 && !header.second.isEmpty())
            placeholder(Kind::UserAgent, QString::fromUtf8(header.second));
        else if (header.first.compare("custom-data", Qt::CaseInsensitive) == 0)
            collectCustomData(header.second);
        collectText(header.second);
    }
    for (const auto &header : exchange.response.headers)
        collectText(header.second);
    collectFields(exchange.request.body, exchange.request.headers, exchange.request.target);
    collectText(exchange.request.target);
    collectText(exchange.request.body);
    collectText(exchange.response.body);
}

void Redactor::collectText(const QByteArray &text)
{
    if (text.isEmpty())
        return;
    const QString decoded = QString::fromUtf8(text);
    for (const QRegularExpression *pattern : {&ipv4Pattern(), &ipv6Pattern()}) {
        auto matches = pattern->globalMatch(decoded);
        while (matches.hasNext())
            placeholder(Kind::Ip, matches.next().captured(1));
    }
}

void Redactor::collectCustomData(const QByteArray &value)
{
    QByteArray compact = value;
    compact.replace("\r", "").replace("\n", "").replace(" ", "");
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromBase64(compact));
    const QJsonObject object = document.object();
    const QString user = object.value(QStringLiteral("userId")).toString();
    const QString session = object.value(QStringLiteral("sessionId")).toString();
    if (!user.isEmpty())
        placeholder(Kind::User, user);
    if (!session.isEmpty())
        placeholder(Kind::Session, session);
}

void Redactor::rebuildPatterns()
{
    m_patterns.clear();
    const auto addForms = [this](const QString &value, const QByteArray &replacement) {
        QByteArray form = QUrl::toPercentEncoding(value, " ");
        form.replace(' ', '+');
        for (const QByteArray &pattern : {value.toUtf8(), QUrl::toPercentEncoding(value), jsonEscaped(value), form}) {
            if (!pattern.isEmpty())
                m_patterns.insert(pattern, replacement);
        }
    };
    for (int kind = 0; kind < 4; ++kind) {
        if (Kind(kind) == Kind::Ip)
            continue;
        const QHash<QString, QString> &map = m_placeholders[kind];
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            if (isDistinctive(it.key()))
                addForms(it.key(), it.value().toUtf8());
        }
    }
    const QHash<QString, QString> &ips = m_placeholders[int(Kind::Ip)];
    for (auto it = m_ipForms.constBegin(); it != m_ipForms.constEnd(); ++it)
        addForms(it.key(), ips.value(it.value()).toUtf8());

    QSet<qsizetype> lengths;
    for (auto it = m_patterns.constBegin(); it != m_patterns.constEnd(); ++it)
        lengths.insert(it.key().size());
    m_patternLengths = lengths.values();
    std::sort(m_patternLengths.begin(), m_patternLengths.end(), std::greater<qsizetype>());
    m_patternsDirty = false;
}

// One pass over the text, trying the longest pattern first at each position,
// so a placeholder written earlier is never replaced again. A pattern that
// starts (ends) with a letter or digit must not have one before (after) it,
// and an IP address must not continue with a dot and a digit.
QByteArray Redactor::redactBytes(const QByteArray &text)
{
    if (m_patternsDirty)
        rebuildPatterns();
    if (text.isEmpty() || m_patterns.isEmpty())
        return text;

    QByteArray result;
    result.reserve(text.size());
    qsizetype position = 0;
    const qsizetype size = text.size();
    while (position < size) {
        // A percent escape such as %20 ends a word although it ends in a digit.
        const bool afterEscape = position >= 3 && text.at(position - 3) == '%';
        const char before = position > 0 && !afterEscape ? text.at(position - 1) : ' ';
        const bool startsToken = !isAlphanumeric(before) || !isAlphanumeric(text.at(position));
        bool replaced = false;
        for (qsizetype length = 0, i = 0; startsToken && i < m_patternLengths.size(); ++i) {
            length = m_patternLengths.at(i);
            if (position + length > size)
                continue;
            const QByteArray candidate = QByteArray::fromRawData(text.constData() + position, length);
            const auto found = m_patterns.constFind(candidate);
            if (found == m_patterns.constEnd())
                continue;

            const qsizetype end = position + length;
            const char after = end < size ? text.at(end) : ' ';
            if (isAlphanumeric(candidate.front()) && isAlphanumeric(before))
                continue;
            if (isAlphanumeric(candidate.back()) && isAlphanumeric(after))
                continue;
            const bool continuesDotted = before == '.' || (after == '.' && end + 1 < size && isAlphanumeric(text.at(end + 1)));
            if (continuesDotted && m_ipForms.contains(QString::fromUtf8(candidate)))
                continue;
            result += found.value();
            position = end;
            replaced = true;
            break;
        }
        if (!replaced)
            result += text.at(position++);
    }
    return result;
}

QString Redactor::redactText(const QString &text)
{
    return QString::fromUtf8(redactBytes(text.toUtf8()));
}

// A value sent under a personal field name is replaced whole. When its bytes
// were not valid UTF-8, the parsed field (with U+FFFD) names the placeholder,
// so the body and the fields agree.
QByteArray Redactor::redactField(Kind kind, const QString &decoded, const QByteArray &raw,
                                 const CallbackFields &callback)
{
    if (decoded.isEmpty())
        return raw;
    const QString *parsed = nullptr;
    switch (kind) {
    case Kind::User: parsed = &callback.user; break;
    case Kind::Session: parsed = &callback.session; break;
    case Kind::UserAgent: parsed = &callback.userAgent; break;
    case Kind::Ip: parsed = &callback.remoteAddr; break;
    }
    const QString value = decoded.contains(QChar::ReplacementCharacter) && !parsed->isEmpty() ? *parsed : decoded;
    const QString replacement = placeholder(kind, value);
    return replacement == value ? raw : replacement.toUtf8();
}

void Redactor::collectFields(const QByteArray &body, const HttpHeaders &headers, const QByteArray &target)
{
    // Records the placeholder of each personal field value and changes nothing.
    const auto collector = [this](QString (*decode)(const QByteArray &)) {
        return [this, decode](const QByteArray &key, const QByteArray &raw) {
            const auto kind = personalField(key);
            const QString value = kind ? decode(raw) : QString();
            if (!value.isEmpty())
                placeholder(*kind, value);
            return raw;
        };
    };
    const auto collectJson = collector(decodeJsonString);
    const auto collectForm = collector(decodeFormValue);
    const TextShape shape = shapeOf(body, headers);
    if (shape == TextShape::Json)
        JsonText::rewriteValues(body, collectJson);
    else if (shape == TextShape::Form)
        rewriteFormValues(body, collectForm);
    const qsizetype mark = target.indexOf('?');
    if (mark >= 0)
        rewriteFormValues(target.mid(mark + 1), collectForm);
}

QByteArray Redactor::redactBody(const QByteArray &body, const HttpHeaders &headers, const CallbackFields &callback)
{
    switch (shapeOf(body, headers)) {
    case TextShape::Json:
        return redactJsonText(body, callback);
    case TextShape::Form:
        return redactForm(body, callback);
    case TextShape::Text:
        break;
    }
    return redactBytes(body);
}

QByteArray Redactor::redactJsonText(const QByteArray &json, const CallbackFields &callback)
{
    return JsonText::rewriteValues(json, [&](const QByteArray &key, const QByteArray &raw) {
        if (const auto kind = personalField(key))
            return redactField(*kind, decodeJsonString(raw), raw, callback);
        return redactBytes(raw);
    });
}

QByteArray Redactor::redactForm(const QByteArray &form, const CallbackFields &callback)
{
    return rewriteFormValues(form, [&](const QByteArray &name, const QByteArray &raw) {
        if (const auto kind = personalField(name))
            return redactField(*kind, decodeFormValue(raw), raw, callback);
        return redactBytes(raw);
    });
}

QByteArray Redactor::redactTarget(const QByteArray &target, const CallbackFields &callback)
{
    const qsizetype mark = target.indexOf('?');
    if (mark < 0)
        return redactBytes(target);
    return redactBytes(target.left(mark)) + '?' + redactForm(target.mid(mark + 1), callback);
}

QJsonValue Redactor::redactJson(const QJsonValue &value, const QString &key)
{
    if (const auto kind = personalField(key.toUtf8())) {
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value.isDouble())
            text = QString::number(value.toDouble(), 'g', 17);
        if (!text.isEmpty())
            return placeholder(*kind, text);
    }
    if (value.isString())
        return redactText(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(redactJson(item, QString()));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = redactJson(it.value(), it.key());
        return object;
    }
    return value;
}

QByteArray Redactor::redactCustomData(const QByteArray &value)
{
    QByteArray compact = value;
    compact.replace("\r", "").replace("\n", "").replace(" ", "");
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    const QJsonDocument document = decoded ? QJsonDocument::fromJson(*decoded) : QJsonDocument();
    if (!document.isObject())
        return redactBytes(value);
    collectCustomData(value);
    // Rewritten as text, so the members keep the order the player sent.
    return redactJsonText(*decoded, CallbackFields()).toBase64();
}

void Redactor::apply(StoredExchange &stored)
{
    // Fields and header values name their kind, so they are known even when
    // collect() never saw this exchange.
    collect(stored);

    Exchange &exchange = stored.exchange;
    CallbackFields &callback = exchange.callback;
    RawRequest &request = exchange.request;

    request.target = redactTarget(request.target, callback);
    request.body = redactBody(request.body, request.headers, callback);
    request.peerAddress = redactText(request.peerAddress);
    for (auto &header : request.headers) {
        if (header.first.compare("custom-data", Qt::CaseInsensitive) == 0)
            header.second = redactCustomData(header.second);
        else if (!isProtocolHeader(header.first))
            header.second = redactBytes(header.second);
    }
    for (auto &header : exchange.response.headers) {
        if (!isProtocolHeader(header.first))
            header.second = redactBytes(header.second);
    }
    exchange.response.body = redactBody(exchange.response.body, exchange.response.headers, callback);

    // Each parsed field takes the placeholder of its own kind, so a value that
    // is one exchange's user and another's session stays apart.
    const std::pair<Kind, QString *> fields[] = {{Kind::User, &callback.user},
                                                 {Kind::Session, &callback.session},
                                                 {Kind::UserAgent, &callback.userAgent},
                                                 {Kind::Ip, &callback.remoteAddr}};
    for (const auto &[kind, field] : fields) {
        if (!field->isEmpty())
            *field = placeholder(kind, *field);
    }
    callback.extraData = redactText(callback.extraData);
    callback.fields = redactJson(callback.fields, QString()).toObject();
    callback.unknownFields = redactJson(callback.unknownFields, QString()).toObject();
    for (Finding &finding : exchange.findings)
        finding.message = redactText(finding.message);

    // Redacted bodies have other lengths; the recorded sizes and Content-Length
    // follow, unless a body was cut and its full length is unknown.
    if (!stored.requestBodyCut) {
        stored.requestBodySize = request.body.size();
        setContentLength(request.headers, request.body.size());
    }
    if (!stored.responseBodyCut) {
        stored.responseBodySize = exchange.response.body.size();
        setContentLength(exchange.response.headers, exchange.response.body.size());
    }
}
