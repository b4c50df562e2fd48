#include "callbackparser.h"

#include "jsontext.h"
#include "logging.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

const QString AssetField = QStringLiteral("asset");
const QString AssetsField = QStringLiteral("assets");
const QString UserField = QStringLiteral("user");
const QString SessionField = QStringLiteral("session");
const QString DrmSchemeField = QStringLiteral("drmScheme");
const QString MetadataField = QStringLiteral("requestMetadata");
const QString ExtraDataField = QStringLiteral("extraData");
const QString RemoteAddrField = QStringLiteral("remoteAddr");
const QString UserAgentField = QStringLiteral("userAgent");
const QString RemoteAddrPath = QStringLiteral("requestMetadata.remoteAddr");
const QString UserAgentPath = QStringLiteral("requestMetadata.userAgent");
const QLatin1String MetadataDotPrefix("requestMetadata.");

const QString MissingFieldCode = QStringLiteral("missing-field");
const QString WrongTypeCode = QStringLiteral("wrong-type");
const QString EmptyValueCode = QStringLiteral("empty-value");
const QString InvalidJsonCode = QStringLiteral("invalid-json");
const QString InvalidFormCode = QStringLiteral("invalid-form");
const QString FieldAliasCode = QStringLiteral("field-alias");
const QString AssetArrayCode = QStringLiteral("asset-array");
const QString UnknownDrmSchemeCode = QStringLiteral("unknown-drm-scheme");
const QString DrmSchemeSpellingCode = QStringLiteral("drm-scheme-spelling");
const QString UnknownFieldCode = QStringLiteral("unknown-field");
const QString ContentTypeMissingCode = QStringLiteral("content-type-missing");
const QString ContentTypeMismatchCode = QStringLiteral("content-type-mismatch");
const QString CharsetCode = QStringLiteral("charset-not-utf8");
const QString InvalidUtf8Code = QStringLiteral("invalid-utf8");
const QString InvalidIpCode = QStringLiteral("invalid-ip");
const QString DamagedBase64Code = QStringLiteral("damaged-base64");
const QString DamagedJwtCode = QStringLiteral("damaged-jwt");
const QString DuplicateFieldCode = QStringLiteral("duplicate-field");
const QString MetadataJsonTextCode = QStringLiteral("metadata-json-text");
const QString CustomDataCode = QStringLiteral("custom-data");
const QString CustomDataInvalidCode = QStringLiteral("custom-data-invalid");
const QString CustomDataMismatchCode = QStringLiteral("custom-data-mismatch");
const QString EmptyBodyCode = QStringLiteral("empty-body");
const QString QueryIgnoredCode = QStringLiteral("query-ignored");
const QString MoreFindingsCode = QStringLiteral("more-findings");

// The unknown-field finding names at most this many fields.
constexpr int MaxListedUnknownFields = 10;

bool isKnownField(const QString &name)
{
    return name == AssetField || name == UserField || name == SessionField || name == DrmSchemeField
        || name == MetadataField || name == ExtraDataField || name == AssetsField;
}

bool isAsciiDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
bool isAsciiLower(char16_t c) { return c >= u'a' && c <= u'z'; }
bool isAsciiUpper(char16_t c) { return c >= u'A' && c <= u'Z'; }
bool isAsciiLetter(char16_t c) { return isAsciiLower(c) || isAsciiUpper(c); }

bool isBlankByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Returns the offset of the first byte that does not belong to a valid UTF-8
// sequence (overlong forms and surrogates included), or -1.
qsizetype invalidUtf8Offset(QByteArrayView bytes, qsizetype from = 0)
{
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    const qsizetype size = bytes.size();
    qsizetype i = from;
    while (i < size) {
        const uchar lead = data[i];
        if (lead < 0x80) {
            ++i;
            // Skips ASCII eight bytes at a time, which is most of a callback.
            quint64 word = 0;
            while (i + 8 <= size) {
                std::memcpy(&word, data + i, sizeof word);
                if (word & 0x8080808080808080ULL)
                    break;
                i += 8;
            }
            continue;
        }

        int continuationBytes = 0;
        char32_t codePoint = 0;
        char32_t minimum = 0;
        if ((lead & 0xE0) == 0xC0) {
            continuationBytes = 1;
            codePoint = lead & 0x1F;
            minimum = 0x80;
        } else if ((lead & 0xF0) == 0xE0) {
            continuationBytes = 2;
            codePoint = lead & 0x0F;
            minimum = 0x800;
        } else if ((lead & 0xF8) == 0xF0) {
            continuationBytes = 3;
            codePoint = lead & 0x07;
            minimum = 0x10000;
        } else {
            return i;
        }

        if (size - i <= continuationBytes)
            return i;
        for (int k = 1; k <= continuationBytes; ++k) {
            const uchar next = data[i + k];
            if ((next & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
            return i;
        i += continuationBytes + 1;
    }
    return -1;
}

// Replaces each byte that is not part of valid UTF-8 with U+FFFD and records
// the offsets of those bytes in the input.
QByteArray repairUtf8(QByteArrayView bytes, QList<qsizetype> *invalidOffsets)
{
    static const QByteArray replacement = QByteArrayLiteral("\xEF\xBF\xBD");
    QByteArray repaired;
    repaired.reserve(bytes.size() + 16);
    qsizetype copiedUpTo = 0;
    qsizetype invalid = invalidUtf8Offset(bytes);
    while (invalid >= 0) {
        repaired.append(bytes.sliced(copiedUpTo, invalid - copiedUpTo));
        repaired.append(replacement);
        invalidOffsets->append(invalid);
        copiedUpTo = invalid + 1;
        invalid = invalidUtf8Offset(bytes, copiedUpTo);
    }
    repaired.append(bytes.sliced(copiedUpTo));
    return repaired;
}

// Maps an offset into repaired text back to the input: each replacement
// turned one byte into three.
qsizetype originalOffset(qsizetype repairedOffset, const QList<qsizetype> &invalidOffsets)
{
    qsizetype shift = 0;
    for (const qsizetype invalid : invalidOffsets) {
        if (invalid + shift >= repairedOffset)
            break;
        shift += 2;
    }
    return std::max<qsizetype>(0, repairedOffset - shift);
}

// Decodes one name or value of a URL-encoded form: '+' becomes a space and
// %XX the byte XX. decoded is raw itself when there is nothing to decode,
// else a view of buffer. Returns the offset of the first malformed escape, or -1.
qsizetype decodeFormComponent(QByteArrayView raw, QByteArray *buffer, QByteArrayView *decoded, bool *hadPlus)
{
    const qsizetype size = raw.size();
    qsizetype first = 0;
    while (first < size && raw[first] != '+' && raw[first] != '%')
        ++first;
    if (first == size) {
        *decoded = raw;
        return -1;
    }

    buffer->resize(size);
    char *out = buffer->data();
    std::copy(raw.begin(), raw.begin() + first, out);
    qsizetype written = first;
    for (qsizetype i = first; i < size; ++i) {
        const char c = raw[i];
        if (c == '+') {
            out[written++] = ' ';
            *hadPlus = true;
        } else if (c == '%') {
            if (size - i < 3)
                return i;
            const int high = hexValue(raw[i + 1]);
            const int low = hexValue(raw[i + 2]);
            if (high < 0 || low < 0)
                return i;
            out[written++] = char(high * 16 + low);
            i += 2;
        } else {
            out[written++] = c;
        }
    }
    buffer->truncate(written);
    *decoded = *buffer;
    return -1;
}

struct ContentType
{
    QByteArray text;       // the header value as sent, trimmed
    QByteArray mediaType;  // lower case, without parameters
    QByteArray charset;    // lower case without quotes, empty when not given

    bool isPresent() const { return !text.isEmpty(); }
    bool isJson() const
    {
        return mediaType == "application/json" || mediaType == "text/json" || mediaType.endsWith("+json");
    }
    bool isForm() const { return mediaType == "application/x-www-form-urlencoded"; }
};

ContentType parseContentType(const QByteArray &value)
{
    ContentType type;
    type.text = value.trimmed();
    const QByteArrayView text(type.text);
    qsizetype end = text.indexOf(';');
    type.mediaType = (end < 0 ? text : text.first(end)).trimmed().toByteArray().toLower();
    while (end >= 0) {
        const qsizetype start = end + 1;
        end = text.indexOf(';', start);
        const QByteArrayView parameter = text.sliced(start, (end < 0 ? text.size() : end) - start).trimmed();
        const qsizetype equals = parameter.indexOf('=');
        if (equals < 0 || parameter.first(equals).trimmed().compare("charset", Qt::CaseInsensitive) != 0)
            continue;
        QByteArrayView charset = parameter.sliced(equals + 1).trimmed();
        if (charset.size() >= 2 && charset.startsWith('"') && charset.endsWith('"'))
            charset = charset.sliced(1, charset.size() - 2);
        type.charset = charset.toByteArray().toLower();
    }
    return type;
}

enum class BodyShape { Json, Form, Neither };

struct BodySniff
{
    BodyShape shape = BodyShape::Neither;
    qsizetype formEnd = 0;        // form text ends here, trailing line breaks excluded
    qsizetype controlByte = -1;   // offset of a byte no form may contain, -1 if none
};

// Guesses the body's encoding from its bytes: JSON starts with '{' or '['
// (after a byte order mark and white space), a form is printable text with
// at least one '='.
BodySniff sniffBody(QByteArrayView body)
{
    BodySniff sniff;
    qsizetype start = body.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (start < body.size() && isBlankByte(body[start]))
        ++start;
    if (start < body.size() && (body[start] == '{' || body[start] == '[')) {
        sniff.shape = BodyShape::Json;
        return sniff;
    }

    qsizetype end = body.size();
    while (end > 0 && isBlankByte(body[end - 1]))
        --end;
    sniff.formEnd = end;
    bool hasEquals = false;
    for (qsizetype i = 0; i < end; ++i) {
        const uchar c = uchar(body[i]);
        if (c < 0x20 || c == 0x7F) {
            sniff.controlByte = i;
            return sniff;
        }
        hasEquals = hasEquals || c == '=';
    }
    if (hasEquals)
        sniff.shape = BodyShape::Form;
    return sniff;
}

qsizetype firstContentOffset(QByteArrayView body)
{
    qsizetype offset = body.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (offset < body.size() && isBlankByte(body[offset]))
        ++offset;
    return offset;
}

// Plain English for QJsonParseError codes, used in the 400 body. Findings
// use the translated QJsonParseError::errorString() instead.
QString jsonErrorText(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError: return QStringLiteral("no error");
    case QJsonParseError::UnterminatedObject: return QStringLiteral("unterminated object");
    case QJsonParseError::MissingNameSeparator: return QStringLiteral("missing name separator");
    case QJsonParseError::UnterminatedArray: return QStringLiteral("unterminated array");
    case QJsonParseError::MissingValueSeparator: return QStringLiteral("missing value separator");
    case QJsonParseError::IllegalValue: return QStringLiteral("illegal value");
    case QJsonParseError::TerminationByNumber: return QStringLiteral("invalid termination by number");
    case QJsonParseError::IllegalNumber: return QStringLiteral("illegal number");
    case QJsonParseError::IllegalEscapeSequence: return QStringLiteral("invalid escape sequence");
    case QJsonParseError::IllegalUTF8String: return QStringLiteral("invalid UTF-8 string");
    case QJsonParseError::UnterminatedString: return QStringLiteral("unterminated string");
    case QJsonParseError::MissingObject: return QStringLiteral("object is missing after a comma");
    case QJsonParseError::DeepNesting: return QStringLiteral("too deeply nested document");
    case QJsonParseError::DocumentTooLarge: return QStringLiteral("too large document");
    case QJsonParseError::GarbageAtEnd: return QStringLiteral("garbage at the end of the document");
    }
    return QStringLiteral("unknown error");
}

// Qt 6.4 reports a body that ends right after a closed string, such as
// {"user":"u", as an unterminated string. Names the open object or array instead.
QJsonParseError::ParseError refinedJsonError(QByteArrayView json, QJsonParseError::ParseError error)
{
    if (error != QJsonParseError::UnterminatedString)
        return error;
    QByteArray open;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            open += c;
        } else if ((c == '}' || c == ']') && !open.isEmpty()) {
            open.chop(1);
        }
    }
    if (inString || open.isEmpty())
        return error;
    return open.endsWith('{') ? QJsonParseError::UnterminatedObject : QJsonParseError::UnterminatedArray;
}

// Text for a number without a needless ".0" or exponent for whole numbers.
QString numberText(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9007199254740992.0)
        return QString::number(qint64(value));
    return QString::number(value, 'g', 17);
}

// Text for any JSON value: strings as they are, other values as compact JSON.
QString valueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String: return value.toString();
    case QJsonValue::Double: return numberText(value.toDouble());
    case QJsonValue::Bool: return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array: return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined: break;
    }
    return QString();
}

enum class PlusDamage { None, Base64, Jwt };

// Recognizes a base64 or JWT value whose '+' characters became spaces. Plain
// words with spaces are not matched: base64 needs 16 characters, a mix of
// letter case or digits inside a word, or padding. A JWT header starts with
// "eyJ", the base64 of '{"'.
PlusDamage detectPlusDamage(QStringView value)
{
    if (value.size() < 16 || !value.contains(u' '))
        return PlusDamage::None;

    const qsizetype dots = value.count(u'.');
    if (dots == 2) {
        if (!value.startsWith(u"eyJ"))
            return PlusDamage::None;
        for (const QChar c : value) {
            const char16_t u = c.unicode();
            if (!isAsciiLetter(u) && !isAsciiDigit(u) && u != u'.' && u != u'-' && u != u'_' && u != u'/'
                && u != u'=' && u != u' ') {
                return PlusDamage::None;
            }
        }
        return PlusDamage::Jwt;
    }
    if (dots != 0)
        return PlusDamage::None;

    int padding = 0;
    bool mixed = false;
    char16_t previous = 0;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'=') {
            ++padding;
            continue;
        }
        if (padding > 0)
            return PlusDamage::None;
        if (!isAsciiLetter(u) && !isAsciiDigit(u) && u != u'/' && u != u' ')
            return PlusDamage::None;
        mixed = mixed || u == u'/' || (isAsciiLower(previous) && isAsciiUpper(u))
             || (isAsciiLetter(previous) && isAsciiDigit(u)) || (isAsciiDigit(previous) && isAsciiLetter(u));
        previous = u;
    }
    if (padding > 2 || value.size() % 4 == 1)
        return PlusDamage::None;
    return mixed || padding > 0 ? PlusDamage::Base64 : PlusDamage::None;
}

bool isDottedQuad(QStringView text)
{
    int separators = 0;
    int digits = 0;
    int octet = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'.') {
            if (digits == 0)
                return false;
            ++separators;
            digits = 0;
            octet = 0;
            continue;
        }
        if (!isAsciiDigit(u) || ++digits > 3)
            return false;
        octet = octet * 10 + (u - u'0');
        if (octet > 255)
            return false;
    }
    return separators == 3 && digits > 0;
}

// Accepts an IPv4 dotted quad or an IPv6 address. QHostAddress alone is too
// lenient here: it takes "1.2.3" and trailing spaces.
bool isIpAddress(const QString &text)
{
    if (isDottedQuad(text))
        return true;
    if (!text.contains(u':'))
        return false;
    for (const QChar c : text) {
        if (c.isSpace())
            return false;
    }
    QHostAddress address;
    return address.setAddress(text);
}

// One field of a form or query string while it is collected, before it
// becomes a JSON value.
struct FormEntry
{
    enum Kind { Scalar, List, Object };

    QString name;
    Kind kind = Scalar;
    QStringList values;    // one value for Scalar, the values in the order sent for List
    QJsonObject object;    // nested fields from bracket or dot names
    int plainCount = 0;    // how often "name=value" was sent
    bool conflict = false; // sent both as a value and with nested fields
};

// One parse of one request. Each step adds to the result. The first
// rejection wins, and later steps still collect findings.
class ParseRun
{
    Q_DECLARE_TR_FUNCTIONS(CallbackParser)

public:
    ParseRun(const RawRequest &request, ParseResult *result)
        : m_request(request)
        , m_result(*result)
        , m_callback(result->callback)
    {
    }

    void run();

private:
    bool readBody();
    bool readQuery();
    bool readJsonBody(const QByteArray &body);
    bool readForm(QByteArrayView text, BodyEncoding encoding);
    QString decodeFormText(QByteArrayView bytes, const QString &field);
    void addFormValue(QList<FormEntry> &entries, QHash<QString, qsizetype> &index, const QString &name,
                      const QString &value, bool valueHadPlus);
    QJsonObject formFields(const QList<FormEntry> &entries);

    void readFields();
    void readAssets();
    QString readRequiredString(const QString &name);
    void readDrmScheme();
    void readMetadata();
    void readMetadataObject(const QJsonObject &metadata);
    void readExtraData();
    void collectUnknownFields();
    void readCustomData();

    QJsonValue scalarValue(const QString &name) const;
    QString typeName(const QJsonValue &value) const;
    QString encodingText(BodyShape shape) const;

    bool recordFinding(const QString &code);
    void addFinding(FindingSeverity severity, const QString &code, const QString &field, const QString &message);
    void reject(const QString &code, const QString &field, const char *text, const QStringList &arguments,
                qsizetype offset = -1, const QStringList &translatedArguments = {});
    void summarizeFindings();

    const RawRequest &m_request;
    ParseResult &m_result;
    CallbackFields &m_callback;
    QSet<QString> m_duplicated;                   // form fields sent more than once as name=value
    QList<QPair<QString, QJsonValue>> m_unknownMetadata;
    QHash<QString, int> m_findingCounts;
};

QString formatMessage(const QString &text, const QStringList &arguments)
{
    switch (arguments.size()) {
    case 0: return text;
    case 1: return text.arg(arguments.at(0));
    case 2: return text.arg(arguments.at(0), arguments.at(1));
    case 3: return text.arg(arguments.at(0), arguments.at(1), arguments.at(2));
    default: return text.arg(arguments.at(0), arguments.at(1), arguments.at(2), arguments.at(3));
    }
}

void ParseRun::run()
{
    const bool hasBody = firstContentOffset(m_request.body) < m_request.body.size();
    const bool syntaxValid = hasBody ? readBody() : readQuery();

    if (syntaxValid)
        readFields();

    readCustomData();
    summarizeFindings();

    if (m_result.rejected) {
        qCDebug(lcParser).noquote() << "callback from" << m_request.peerAddress << "rejected:" << m_result.errorCode
                                    << m_result.errorField << "offset" << m_result.errorOffset;
    }
}

// Reads a request without a body from its query string.
bool ParseRun::readQuery()
{
    const QByteArray &method = m_request.method;
    if (method == "POST" || method == "PUT") {
        addFinding(FindingSeverity::Info, EmptyBodyCode, QString(),
                   tr("The %1 request has no body; the fields are read from the query string")
                       .arg(QString::fromLatin1(method)));
    }
    return readForm(m_request.query(), BodyEncoding::Query);
}

// Chooses JSON or form by Content-Type and by the body's bytes, the bytes
// winning when they clearly disagree with the header.
bool ParseRun::readBody()
{
    const QByteArray &body = m_request.body;
    const ContentType type = parseContentType(m_request.header("content-type"));
    const BodySniff sniff = sniffBody(body);

    BodyShape shape = sniff.shape;
    if (shape == BodyShape::Neither && type.isJson())
        shape = BodyShape::Json; // the JSON parser then names the offset of the error

    if (!type.isPresent()) {
        if (shape != BodyShape::Neither) {
            addFinding(FindingSeverity::Warning, ContentTypeMissingCode, QString(),
                       tr("The request has no Content-Type header; the body was read as %1").arg(encodingText(shape)));
        } else {
            addFinding(FindingSeverity::Warning, ContentTypeMissingCode, QString(),
                       tr("The request has no Content-Type header"));
        }
    } else if ((shape == BodyShape::Json && !type.isJson()) || (shape == BodyShape::Form && !type.isForm())) {
        addFinding(FindingSeverity::Warning, ContentTypeMismatchCode, QString(),
                   tr("Content-Type %1 does not match the body, which was read as %2")
                       .arg(QString::fromLatin1(type.text), encodingText(shape)));
    }

    // NOTE: bodies are always decoded as UTF-8, also when another charset is declared.
    if (!type.charset.isEmpty() && type.charset != "utf-8" && type.charset != "utf8") {
        addFinding(FindingSeverity::Warning, CharsetCode, QString(),
                   tr("Content-Type declares charset %1; the body was read as UTF-8")
                       .arg(QString::fromLatin1(type.charset)));
    }

    const qsizetype queryMark = m_request.target.indexOf('?');
    if (queryMark >= 0 && queryMark + 1 < m_request.target.size()) {
        addFinding(FindingSeverity::Info, QueryIgnoredCode, QString(),
                   tr("The request has both a body and a query string; only the body was read"));
    }

    switch (shape) {
    case BodyShape::Json:
        return readJsonBody(body);
    case BodyShape::Form:
        return readForm(QByteArrayView(body).first(sniff.formEnd), BodyEncoding::Form);
    case BodyShape::Neither:
        break;
    }

    if (sniff.controlByte >= 0) {
        const QString byteText = QStringLiteral("0x%1").arg(uchar(body.at(sniff.controlByte)), 2, 16, QLatin1Char('0'));
        reject(InvalidFormCode, QString(),
               QT_TR_NOOP("The body is neither JSON nor a URL-encoded form: byte %1 at offset %2 is a control character"),
               {byteText, QString::number(sniff.controlByte)}, sniff.controlByte);
    } else {
        reject(InvalidFormCode, QString(),
               QT_TR_NOOP("The body is neither JSON nor a URL-encoded form: it has no name=value pair"), {});
    }
    return false;
}

bool ParseRun::readJsonBody(const QByteArray &body)
{
    m_callback.encoding = BodyEncoding::Json;

    // Invalid UTF-8 is read as U+FFFD so that the rest of the callback still
    // counts; error offsets are mapped back to the bytes received.
    QList<qsizetype> invalidOffsets;
    QByteArray repaired;
    if (invalidUtf8Offset(body) >= 0) {
        repaired = repairUtf8(body, &invalidOffsets);
        addFinding(FindingSeverity::Warning, InvalidUtf8Code, QString(),
                   tr("The body is not valid UTF-8: %n invalid byte(s), the first at offset %1; they were read as U+FFFD",
                      nullptr, int(invalidOffsets.size()))
                       .arg(invalidOffsets.constFirst()));
    }
    const QByteArray &json = invalidOffsets.isEmpty() ? body : repaired;

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError) {
        const qsizetype offset = originalOffset(error.offset, invalidOffsets);
        const QJsonParseError::ParseError kind = refinedJsonError(json, error.error);
        QJsonParseError named;
        named.error = kind;
        reject(InvalidJsonCode, QString(), QT_TR_NOOP("The body is not valid JSON: %1 at offset %2"),
               {jsonErrorText(kind), QString::number(offset)}, offset, {named.errorString(), QString::number(offset)});
        return false;
    }
    if (!document.isObject()) {
        const qsizetype offset = firstContentOffset(body);
        reject(InvalidJsonCode, QString(), QT_TR_NOOP("The body is a JSON array, not an object (offset %1)"),
               {QString::number(offset)}, offset);
        return false;
    }

    m_callback.fields = document.object();
    m_callback.fieldsAreBody = invalidOffsets.isEmpty();
    return true;
}

// Reads a URL-encoded form or query string into callback.fields: nested
// names become objects, repeated names become arrays.
bool ParseRun::readForm(QByteArrayView text, BodyEncoding encoding)
{
    m_callback.encoding = encoding;
    const bool isQuery = encoding == BodyEncoding::Query;

    QList<FormEntry> entries;
    QHash<QString, qsizetype> index;
    QByteArray nameBuffer;
    QByteArray valueBuffer;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('&', start);
        if (end < 0)
            end = text.size();
        const qsizetype pairStart = start;
        const QByteArrayView pair = text.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;

        const qsizetype equals = pair.indexOf('=');
        const QByteArrayView rawName = equals < 0 ? pair : pair.first(equals);
        const QByteArrayView rawValue = equals < 0 ? QByteArrayView() : pair.sliced(equals + 1);

        bool nameHadPlus = false;
        QByteArrayView nameBytes;
        qsizetype bad = decodeFormComponent(rawName, &nameBuffer, &nameBytes, &nameHadPlus);
        if (bad >= 0) {
            const qsizetype offset = pairStart + bad;
            reject(InvalidFormCode, QString(),
                   isQuery ? QT_TR_NOOP("The query string has an invalid percent-encoding at offset %1")
                           : QT_TR_NOOP("The form body has an invalid percent-encoding at offset %1"),
                   {QString::number(offset)}, offset);
            return false;
        }
        const QString name = decodeFormText(nameBytes, QString());

        bool valueHadPlus = false;
        QByteArrayView valueBytes;
        bad = decodeFormComponent(rawValue, &valueBuffer, &valueBytes, &valueHadPlus);
        if (bad >= 0) {
            const qsizetype offset = pairStart + equals + 1 + bad;
            reject(InvalidFormCode, name,
                   isQuery ? QT_TR_NOOP("The query string has an invalid percent-encoding at offset %1, in the value of %2")
                           : QT_TR_NOOP("The form body has an invalid percent-encoding at offset %1, in the value of %2"),
                   {QString::number(offset), name}, offset);
            return false;
        }
        const QString value = decodeFormText(valueBytes, name);

        addFormValue(entries, index, name, value, valueHadPlus);
    }

    m_callback.fields = formFields(entries);
    return true;
}

QString ParseRun::decodeFormText(QByteArrayView bytes, const QString &field)
{
    const qsizetype invalid = invalidUtf8Offset(bytes);
    if (invalid >= 0 && recordFinding(InvalidUtf8Code)) {
        const QString message = field.isEmpty()
            ? tr("A field name is not valid UTF-8 at byte %1 of the decoded name; invalid bytes were read as U+FFFD")
                  .arg(QString::number(invalid))
            : tr("The value of %1 is not valid UTF-8 at byte %2 of the decoded value; invalid bytes were read as U+FFFD")
                  .arg(field, QString::number(invalid));
        m_result.findings.append(Finding{FindingSeverity::Warning, InvalidUtf8Code, field, message});
    }
    return QString::fromUtf8(bytes);
}

// Files one name=value pair. "name[key]" and "requestMetadata.key" add to a
// nested object, "name[]" and a repeated "name" to a list.
void ParseRun::addFormValue(QList<FormEntry> &entries, QHash<QString, qsizetype> &index, const QString &name,
                            const QString &value, bool valueHadPlus)
{
    enum class NameForm { Plain, Bracket, Dot };
    NameForm form = NameForm::Plain;
    QString base = name;
    QString key;
    const qsizetype open = name.indexOf(u'[');
    if (open > 0 && name.endsWith(u']')) {
        form = NameForm::Bracket;
        base = name.left(open);
        key = name.mid(open + 1, name.size() - open - 2);
    } else if (name.size() > MetadataDotPrefix.size() && name.startsWith(MetadataDotPrefix)) {
        form = NameForm::Dot;
        base = MetadataField;
        key = name.mid(MetadataDotPrefix.size());
    }
    const bool nested = form != NameForm::Plain && !key.isEmpty();
    const QString path = nested ? base + u'.' + key : base;

    if (base == MetadataField && m_callback.metadataLayout == MetadataLayout::Absent) {
        m_callback.metadataLayout = form == NameForm::Bracket ? MetadataLayout::Bracket
                                  : form == NameForm::Dot     ? MetadataLayout::Dot
                                                              : MetadataLayout::JsonText;
    }

    if (valueHadPlus) {
        const PlusDamage damage = detectPlusDamage(value);
        if (damage == PlusDamage::Base64 && recordFinding(DamagedBase64Code)) {
            m_result.findings.append(Finding{
                FindingSeverity::Warning, DamagedBase64Code, path,
                tr("%1 looks like base64 whose '+' characters became spaces in form decoding; the sender should "
                   "percent-encode '+' as %2")
                    .arg(path, QStringLiteral("%2B"))});
        } else if (damage == PlusDamage::Jwt && recordFinding(DamagedJwtCode)) {
            m_result.findings.append(Finding{
                FindingSeverity::Warning, DamagedJwtCode, path,
                tr("%1 looks like a JWT whose '+' characters became spaces in form decoding; the sender should "
                   "percent-encode '+' as %2")
                    .arg(path, QStringLiteral("%2B"))});
        }
    }

    const auto found = index.constFind(base);
    if (found == index.cend()) {
        FormEntry entry;
        entry.name = base;
        if (nested) {
            entry.kind = FormEntry::Object;
            entry.object.insert(key, value);
        } else {
            entry.kind = form == NameForm::Plain ? FormEntry::Scalar : FormEntry::List;
            entry.values.append(value);
            entry.plainCount = form == NameForm::Plain ? 1 : 0;
        }
        index.insert(base, entries.size());
        entries.append(std::move(entry));
        return;
    }

    FormEntry &entry = entries[found.value()];
    if (nested) {
        if (entry.kind != FormEntry::Object) {
            entry.conflict = true;
        } else if (entry.object.contains(key)) {
            if (recordFinding(DuplicateFieldCode)) {
                m_result.findings.append(Finding{FindingSeverity::Warning, DuplicateFieldCode, path,
                                                 tr("%1 is sent more than once; the first value is used").arg(path)});
            }
        } else {
            entry.object.insert(key, value);
        }
        return;
    }

    if (entry.kind == FormEntry::Object) {
        entry.conflict = true;
        return;
    }
    entry.kind = FormEntry::List;
    entry.values.append(value);
    if (form == NameForm::Plain)
        ++entry.plainCount;
}

QJsonObject ParseRun::formFields(const QList<FormEntry> &entries)
{
    QJsonObject fields;
    for (const FormEntry &entry : entries) {
        if (entry.plainCount > 1) {
            m_duplicated.insert(entry.name);
            if (recordFinding(DuplicateFieldCode)) {
                const bool isAsset = entry.name == AssetField || entry.name == AssetsField;
                const QString message = isAsset
                    ? tr("%1 is sent %n times; each value is read as an asset", nullptr, entry.plainCount)
                    : isKnownField(entry.name)
                    ? tr("%1 is sent %n times; the first value is used", nullptr, entry.plainCount)
                    : tr("%1 is sent %n times; the values are kept as a list", nullptr, entry.plainCount);
                m_result.findings.append(
                    Finding{FindingSeverity::Warning, DuplicateFieldCode, entry.name, message.arg(entry.name)});
            }
        }
        if (entry.conflict) {
            addFinding(FindingSeverity::Warning, DuplicateFieldCode, entry.name,
                       tr("%1 is sent both as a value and with nested fields; the first form is used")
                           .arg(entry.name));
        }

        switch (entry.kind) {
        case FormEntry::Scalar:
            fields.insert(entry.name, entry.values.constFirst());
            break;
        case FormEntry::List:
            fields.insert(entry.name, QJsonArray::fromStringList(entry.values));
            break;
        case FormEntry::Object:
            fields.insert(entry.name, entry.object);
            break;
        }
    }
    return fields;
}

void ParseRun::readFields()
{
    readAssets();
    m_callback.user = readRequiredString(UserField);
    m_callback.session = readRequiredString(SessionField);
    readDrmScheme();
    readMetadata();
    readExtraData();
    collectUnknownFields();
}

void ParseRun::readAssets()
{
    const QJsonObject &fields = m_callback.fields;
    const bool hasAsset = fields.contains(AssetField);
    const bool hasAssets = fields.contains(AssetsField);
    if (!hasAsset && !hasAssets) {
        reject(MissingFieldCode, AssetField, QT_TR_NOOP("Required field %1 is missing"), {AssetField});
        return;
    }

    if (hasAssets) {
        addFinding(FindingSeverity::Info, FieldAliasCode, AssetsField,
                   hasAsset ? tr("Both asset and assets are sent; asset is used and assets is ignored")
                            : tr("assets is read as asset; the vendor's example request spells it asset"));
    }

    const QString &name = hasAsset ? AssetField : AssetsField;
    const QJsonValue value = fields.value(name);
    QStringList assets;
    switch (value.type()) {
    case QJsonValue::String:
        assets.append(value.toString());
        if (assets.constFirst().isEmpty())
            addFinding(FindingSeverity::Error, EmptyValueCode, name, tr("Required field %1 is empty").arg(name));
        break;

    case QJsonValue::Double:
    case QJsonValue::Bool:
        assets.append(valueText(value));
        addFinding(FindingSeverity::Warning, WrongTypeCode, name,
                   tr("%1 is %2, not a string; it was read as \"%3\"").arg(name, typeName(value), assets.constFirst()));
        break;

    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty()) {
            reject(MissingFieldCode, name, QT_TR_NOOP("%1 is an empty list; a callback needs an asset"), {name});
            return;
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QJsonValue element = array.at(i);
            if (element.isString()) {
                assets.append(element.toString());
                if (assets.constLast().isEmpty()) {
                    addFinding(FindingSeverity::Error, EmptyValueCode, name,
                               tr("Entry %1 of %2 is empty").arg(QString::number(i), name));
                }
            } else if (element.isDouble() || element.isBool()) {
                assets.append(valueText(element));
                addFinding(FindingSeverity::Warning, WrongTypeCode, name,
                           tr("Entry %1 of %2 is %3, not a string; it was read as \"%4\"")
                               .arg(QString::number(i), name, typeName(element), assets.constLast()));
            } else {
                reject(WrongTypeCode, name, QT_TR_NOOP("Entry %1 of %2 is %3; assets must be strings"),
                       {QString::number(i), name, typeName(element)});
                return;
            }
        }
        addFinding(FindingSeverity::Info, AssetArrayCode, name,
                   tr("%1 is a list of %n asset(s); the first, %2, is shown as the asset", nullptr, int(assets.size()))
                       .arg(name, assets.constFirst()));
        break;
    }

    case QJsonValue::Null:
    case QJsonValue::Object:
    case QJsonValue::Undefined:
        reject(WrongTypeCode, name, QT_TR_NOOP("%1 is %2, but the contract requires a string"),
               {name, typeName(value)});
        return;
    }

    m_callback.assets = assets;
    m_callback.asset = assets.constFirst();
}

// Reads asset-like required fields: strings as they are, numbers and
// booleans converted with a finding, anything else rejected.
QString ParseRun::readRequiredString(const QString &name)
{
    const QJsonValue value = scalarValue(name);
    switch (value.type()) {
    case QJsonValue::Undefined:
        reject(MissingFieldCode, name, QT_TR_NOOP("Required field %1 is missing"), {name});
        return QString();

    case QJsonValue::String: {
        const QString text = value.toString();
        if (text.isEmpty())
            addFinding(FindingSeverity::Error, EmptyValueCode, name, tr("Required field %1 is empty").arg(name));
        return text;
    }

    case QJsonValue::Double:
    case QJsonValue::Bool: {
        const QString text = valueText(value);
        addFinding(FindingSeverity::Warning, WrongTypeCode, name,
                   tr("%1 is %2, not a string; it was read as \"%3\"").arg(name, typeName(value), text));
        return text;
    }

    case QJsonValue::Null:
    case QJsonValue::Object:
    case QJsonValue::Array:
        break;
    }
    reject(WrongTypeCode, name, QT_TR_NOOP("%1 is %2, but the contract requires a string"), {name, typeName(value)});
    return QString();
}

void ParseRun::readDrmScheme()
{
    const QJsonValue value = scalarValue(DrmSchemeField);
    switch (value.type()) {
    case QJsonValue::Undefined:
        return;

    case QJsonValue::Null:
        addFinding(FindingSeverity::Info, WrongTypeCode, DrmSchemeField, tr("drmScheme is null; it was read as absent"));
        return;

    case QJsonValue::String:
        break;

    case QJsonValue::Double:
    case QJsonValue::Bool:
    case QJsonValue::Object:
    case QJsonValue::Array:
        m_callback.drmSchemeText = valueText(value);
        m_callback.drmScheme = DrmScheme::Other;
        addFinding(FindingSeverity::Warning, WrongTypeCode, DrmSchemeField,
                   tr("drmScheme is %1, not a string").arg(typeName(value)));
        return;
    }

    const QString text = value.toString();
    m_callback.drmSchemeText = text;
    if (text.isEmpty()) {
        addFinding(FindingSeverity::Info, EmptyValueCode, DrmSchemeField, tr("drmScheme is empty; it was read as absent"));
        return;
    }

    m_callback.drmScheme = CallbackParser::schemeFromText(text);
    if (m_callback.drmScheme == DrmScheme::Other) {
        addFinding(FindingSeverity::Warning, UnknownDrmSchemeCode, DrmSchemeField,
                   tr("drmScheme %1 is not a DRM scheme the contract names (WIDEVINE, FAIRPLAY, PLAYREADY)").arg(text));
    } else if (!CallbackParser::isCanonicalSchemeSpelling(text)) {
        addFinding(FindingSeverity::Warning, DrmSchemeSpellingCode, DrmSchemeField,
                   tr("drmScheme %1 was read as %2, the documented spelling").arg(text, drmSchemeName(m_callback.drmScheme)));
    }
}

// requestMetadata arrives as an object (JSON body, bracket or dot form
// names) or as JSON text (a form's requestMetadata=..., or a JSON body that
// wraps the object in a string).
void ParseRun::readMetadata()
{
    const QJsonValue value = scalarValue(MetadataField);
    switch (value.type()) {
    case QJsonValue::Undefined:
        return;

    case QJsonValue::Object:
        if (m_callback.encoding == BodyEncoding::Json)
            m_callback.metadataLayout = MetadataLayout::JsonObject;
        readMetadataObject(value.toObject());
        return;

    case QJsonValue::Null:
        addFinding(FindingSeverity::Info, WrongTypeCode, MetadataField,
                   tr("requestMetadata is null; it was read as absent"));
        return;

    case QJsonValue::String:
        break;

    case QJsonValue::Double:
    case QJsonValue::Bool:
    case QJsonValue::Array:
        addFinding(FindingSeverity::Warning, WrongTypeCode, MetadataField,
                   tr("requestMetadata is %1, not an object; it was ignored").arg(typeName(value)));
        return;
    }

    m_callback.metadataLayout = MetadataLayout::JsonText;
    const bool isJsonBody = m_callback.encoding == BodyEncoding::Json;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject()) {
        const QString reason = error.error != QJsonParseError::NoError
            ? tr("%1 at offset %2").arg(error.errorString()).arg(error.offset)
            : tr("a JSON array");
        addFinding(FindingSeverity::Warning, WrongTypeCode, MetadataField,
                   tr("requestMetadata is text that is not a JSON object (%1); it was ignored").arg(reason));
        return;
    }

    if (isJsonBody) {
        addFinding(FindingSeverity::Warning, MetadataJsonTextCode, MetadataField,
                   tr("requestMetadata is a string holding JSON, not an object; its content was read"));
    } else {
        m_callback.fields.insert(MetadataField, document.object());
    }
    readMetadataObject(document.object());
}

void ParseRun::readMetadataObject(const QJsonObject &metadata)
{
    const QJsonValue remoteAddr = metadata.value(RemoteAddrField);
    if (remoteAddr.isString()) {
        m_callback.remoteAddr = remoteAddr.toString();
        if (!isIpAddress(m_callback.remoteAddr)) {
            addFinding(FindingSeverity::Warning, InvalidIpCode, RemoteAddrPath,
                       tr("requestMetadata.remoteAddr \"%1\" is not an IP address").arg(m_callback.remoteAddr));
        }
    } else if (!remoteAddr.isUndefined()) {
        m_callback.remoteAddr = valueText(remoteAddr);
        addFinding(FindingSeverity::Warning, WrongTypeCode, RemoteAddrPath,
                   tr("requestMetadata.remoteAddr is %1, not a string").arg(typeName(remoteAddr)));
    }

    const QJsonValue userAgent = metadata.value(UserAgentField);
    if (userAgent.isString()) {
        m_callback.userAgent = userAgent.toString();
    } else if (!userAgent.isUndefined()) {
        m_callback.userAgent = valueText(userAgent);
        addFinding(FindingSeverity::Warning, WrongTypeCode, UserAgentPath,
                   tr("requestMetadata.userAgent is %1, not a string").arg(typeName(userAgent)));
    }

    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        if (it.key() != RemoteAddrField && it.key() != UserAgentField)
            m_unknownMetadata.append({MetadataDotPrefix + it.key(), it.value()});
    }
}

void ParseRun::readExtraData()
{
    const QJsonValue value = scalarValue(ExtraDataField);
    if (value.isUndefined())
        return;
    if (value.isNull()) {
        addFinding(FindingSeverity::Info, WrongTypeCode, ExtraDataField, tr("extraData is null; it was read as absent"));
        return;
    }
    m_callback.extraData = valueText(value);
    // An object, array or number keeps the text it was sent as: QJsonDocument
    // would sort the keys and round long numbers.
    if (!value.isString() && m_callback.fieldsAreBody) {
        const QByteArrayView sent = JsonText::memberText(m_request.body, "extraData");
        if (!sent.isNull())
            m_callback.extraData = QString::fromUtf8(sent);
    }
    if (!value.isString()) {
        addFinding(FindingSeverity::Warning, WrongTypeCode, ExtraDataField,
                   tr("extraData is %1, not a string; it was read as its JSON text").arg(typeName(value)));
    }
}

// Keeps fields the contract does not name in unknownFields, nested
// requestMetadata ones under "requestMetadata.<name>".
void ParseRun::collectUnknownFields()
{
    QStringList names;
    const QJsonObject &fields = m_callback.fields;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (isKnownField(it.key()))
            continue;
        m_callback.unknownFields.insert(it.key(), it.value());
        names.append(it.key());
    }
    for (const auto &[name, value] : std::as_const(m_unknownMetadata)) {
        m_callback.unknownFields.insert(name, value);
        names.append(name);
    }
    if (names.isEmpty())
        return;

    const qsizetype total = names.size();
    QString listed = names.mid(0, MaxListedUnknownFields).join(QStringLiteral(", "));
    if (total > MaxListedUnknownFields)
        listed = tr("%1 and %n more", nullptr, int(total - MaxListedUnknownFields)).arg(listed);
    addFinding(FindingSeverity::Info, UnknownFieldCode, QString(),
               tr("%n field(s) the contract does not name were kept: %1", nullptr, int(total)).arg(listed));
}

// The vendor's players send custom-data (base64 of a JSON object) to the
// license server; if it reaches the callback, decode and compare it.
void ParseRun::readCustomData()
{
    const QByteArrayView headerName("custom-data");
    const QByteArray *raw = nullptr;
    for (const auto &header : m_request.headers) {
        if (header.first.compare(headerName, Qt::CaseInsensitive) == 0) {
            raw = &header.second;
            break;
        }
    }
    if (!raw)
        return;

    // The iOS sample wraps the base64 in lines; drop line breaks, also when
    // they arrive escaped as "\n".
    QByteArray cleaned;
    cleaned.reserve(raw->size());
    for (qsizetype i = 0; i < raw->size(); ++i) {
        const char c = raw->at(i);
        if (isBlankByte(c))
            continue;
        if (c == '\\' && i + 1 < raw->size() && (raw->at(i + 1) == 'n' || raw->at(i + 1) == 'r')) {
            ++i;
            continue;
        }
        cleaned.append(c);
    }

    auto decoded = QByteArray::fromBase64Encoding(cleaned, QByteArray::Base64Encoding
                                                               | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        decoded = QByteArray::fromBase64Encoding(cleaned, QByteArray::Base64UrlEncoding
                                                              | QByteArray::AbortOnBase64DecodingErrors);
    }
    if (!decoded || cleaned.isEmpty()) {
        addFinding(FindingSeverity::Warning, CustomDataInvalidCode, QString(),
                   tr("The custom-data header is not base64"));
        return;
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (!document.isObject()) {
        addFinding(FindingSeverity::Warning, CustomDataInvalidCode, QString(),
                   tr("The custom-data header is base64 but not of a JSON object"));
        return;
    }

    const QJsonObject customData = document.object();
    const auto displayValue = [&customData](const char *key) {
        const QJsonValue value = customData.value(QLatin1String(key));
        return value.isUndefined() ? tr("(absent)") : valueText(value);
    };
    addFinding(FindingSeverity::Info, CustomDataCode, QString(),
               tr("The custom-data header holds userId %1, sessionId %2, merchantId %3, appId %4")
                   .arg(displayValue("userId"), displayValue("sessionId"), displayValue("merchantId"),
                        displayValue("appId")));

    const QJsonValue userId = customData.value(QLatin1String("userId"));
    if (!userId.isUndefined() && !m_callback.user.isEmpty() && valueText(userId) != m_callback.user) {
        addFinding(FindingSeverity::Warning, CustomDataMismatchCode, UserField,
                   tr("custom-data names user %1, but the callback's user is %2")
                       .arg(valueText(userId), m_callback.user));
    }
    const QJsonValue sessionId = customData.value(QLatin1String("sessionId"));
    if (!sessionId.isUndefined() && !m_callback.session.isEmpty() && valueText(sessionId) != m_callback.session) {
        addFinding(FindingSeverity::Warning, CustomDataMismatchCode, SessionField,
                   tr("custom-data names session %1, but the callback's session is %2")
                       .arg(valueText(sessionId), m_callback.session));
    }
}

// Returns a field's value; for a form field sent several times, the first.
QJsonValue ParseRun::scalarValue(const QString &name) const
{
    const QJsonValue value = m_callback.fields.value(name);
    if (value.isArray() && m_duplicated.contains(name))
        return value.toArray().first();
    return value;
}

QString ParseRun::typeName(const QJsonValue &value) const
{
    switch (value.type()) {
    case QJsonValue::Null: return tr("null");
    case QJsonValue::Bool: return tr("a boolean");
    case QJsonValue::Double: return tr("a number");
    case QJsonValue::String: return tr("a string");
    case QJsonValue::Array: return tr("an array");
    case QJsonValue::Object: return tr("an object");
    case QJsonValue::Undefined: break;
    }
    return tr("absent");
}

QString ParseRun::encodingText(BodyShape shape) const
{
    switch (shape) {
    case BodyShape::Json: return tr("JSON");
    case BodyShape::Form: return tr("a URL-encoded form");
    case BodyShape::Neither: break;
    }
    return tr("neither JSON nor a form");
}

// Counts a finding of this code and returns whether it is still listed.
bool ParseRun::recordFinding(const QString &code)
{
    return ++m_findingCounts[code] <= CallbackParser::MaxFindingsPerCode;
}

void ParseRun::addFinding(FindingSeverity severity, const QString &code, const QString &field, const QString &message)
{
    if (recordFinding(code))
        m_result.findings.append(Finding{severity, code, field, message});
}

// Adds an error finding and, for the first rejection, fills in the 400
// details. The 400 body is plain English; the finding is translated.
void ParseRun::reject(const QString &code, const QString &field, const char *text, const QStringList &arguments,
                      qsizetype offset, const QStringList &translatedArguments)
{
    addFinding(FindingSeverity::Error, code, field,
               formatMessage(tr(text), translatedArguments.isEmpty() ? arguments : translatedArguments));
    if (m_result.rejected)
        return;

    m_result.rejected = true;
    m_result.errorCode = code;
    m_result.errorField = field;
    m_result.errorMessage = formatMessage(QString::fromLatin1(text), arguments);
    m_result.errorOffset = offset;
}

void ParseRun::summarizeFindings()
{
    for (auto it = m_findingCounts.constBegin(); it != m_findingCounts.constEnd(); ++it) {
        const int hidden = it.value() - CallbackParser::MaxFindingsPerCode;
        if (hidden > 0) {
            m_result.findings.append(Finding{FindingSeverity::Info, MoreFindingsCode, QString(),
                                             tr("%n more %1 finding(s) are not listed", nullptr, hidden).arg(it.key())});
        }
    }
}

// Uppercase letters of a scheme name without separators: "Wide_Vine" -> "WIDEVINE".
QString normalizedSchemeName(const QString &text)
{
    QString normalized;
    normalized.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'_' || c == u'-' || c == u' ' || c == u'.')
            continue;
        normalized.append(c.toUpper());
    }
    return normalized;
}

} // namespace

ParseResult CallbackParser::parse(const RawRequest &request)
{
    ParseResult result;
    ParseRun(request, &result).run();
    return result;
}

DrmScheme CallbackParser::schemeFromText(const QString &text)
{
    if (text.isEmpty())
        return DrmScheme::None;

    const QString normalized = normalizedSchemeName(text);
    if (normalized == u"WIDEVINE" || normalized == u"WIDEVINEMODULAR")
        return DrmScheme::Widevine;
    if (normalized == u"FAIRPLAY")
        return DrmScheme::FairPlay;
    if (normalized == u"PLAYREADY")
        return DrmScheme::PlayReady;
    return DrmScheme::Other;
}

bool CallbackParser::isCanonicalSchemeSpelling(const QString &text)
{
    return text == u"WIDEVINE" || text == u"WIDE_VINE" || text == u"WIDEVINE_MODULAR" || text == u"FAIRPLAY"
        || text == u"PLAYREADY";
}
