#include "replaysuite.h"

#include "harformat.h"
#include "jsonlinesformat.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringDecoder>

namespace {

const QString FormatKey = QStringLiteral("format");

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

QJsonArray headersToJson(const HttpHeaders &headers)
{
    QJsonArray array;
    for (const auto &header : headers) {
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(header.first)},
                                 {QStringLiteral("value"), QString::fromLatin1(header.second)}});
    }
    return array;
}

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString indexPath(const QString &parent, qsizetype index)
{
    return parent + QStringLiteral("[%1]").arg(index);
}

void setOffset(const QByteArray &content, qint64 offset, ReplayLoadError *error)
{
    error->offset = offset;
    error->line = 1;
    error->column = 1;
    for (qint64 i = 0; i < offset && i < content.size(); ++i) {
        if (content.at(i) == '\n') {
            ++error->line;
            error->column = 1;
        } else {
            ++error->column;
        }
    }
}

// Reads typed fields out of JSON objects, recording the path of the first
// field that is wrong.
class FieldReader
{
public:
    explicit FieldReader(ReplayLoadError *error) : m_error(error) {}

    bool fail(const QString &path, const QString &message)
    {
        m_error->fieldPath = path;
        m_error->message = message;
        return false;
    }

    bool checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed)
    {
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (!allowed.contains(it.key()))
                return fail(childPath(path, it.key()),
                            ReplaySuiteFormat::tr("unknown field; known fields here are %1")
                                .arg(allowed.join(QStringLiteral(", "))));
        }
        return true;
    }

    bool object(const QJsonObject &parent, const QString &key, const QString &path, QJsonObject *out)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isObject())
            return fail(childPath(path, key), ReplaySuiteFormat::tr("must be a JSON object"));
        *out = value.toObject();
        return true;
    }

    bool string(const QJsonObject &parent, const QString &key, const QString &path, QString *out)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isString())
            return fail(childPath(path, key), ReplaySuiteFormat::tr("must be a string"));
        *out = value.toString();
        return true;
    }

    bool boolean(const QJsonObject &parent, const QString &key, const QString &path, bool *out)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isBool())
            return fail(childPath(path, key), ReplaySuiteFormat::tr("must be true or false"));
        *out = value.toBool();
        return true;
    }

    bool integer(const QJsonObject &parent, const QString &key, const QString &path, qint64 min, qint64 max, int *out)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return true;
        const double number = value.toDouble();
        if (!value.isDouble() || number != double(qint64(number)) || number < double(min) || number > double(max))
            return fail(childPath(path, key), ReplaySuiteFormat::tr("must be a whole number from %1 to %2").arg(min).arg(max));
        *out = int(number);
        return true;
    }

    bool number(const QJsonObject &parent, const QString &key, const QString &path, double min, double *out)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return true;
        if (!value.isDouble() || value.toDouble() < min)
            return fail(childPath(path, key), ReplaySuiteFormat::tr("must be a number of at least %1").arg(min));
        *out = value.toDouble();
        return true;
    }

    // A body as "key" (UTF-8 text) or "keyBase64".
    bool bytes(const QJsonObject &parent, const QString &key, const QString &path, std::optional<QByteArray> *out)
    {
        const QString base64Key = key + QStringLiteral("Base64");
        const QJsonValue text = parent.value(key);
        const QJsonValue base64 = parent.value(base64Key);
        if (!text.isUndefined() && !base64.isUndefined())
            return fail(childPath(path, base64Key), ReplaySuiteFormat::tr("give either %1 or %2, not both").arg(key, base64Key));
        if (!text.isUndefined()) {
            if (!text.isString())
                return fail(childPath(path, key), ReplaySuiteFormat::tr("must be a string"));
            *out = text.toString().toUtf8();
        } else if (!base64.isUndefined()) {
            const auto decoded = QByteArray::fromBase64Encoding(base64.toString().toLatin1(),
                                                                QByteArray::AbortOnBase64DecodingErrors);
            if (!base64.isString() || !decoded)
                return fail(childPath(path, base64Key), ReplaySuiteFormat::tr("must be a base64 string"));
            *out = *decoded;
        }
        return true;
    }

    bool headers(const QJsonObject &parent, const QString &key, const QString &path, HttpHeaders *out)
    {
        const QJsonValue value = parent.value(key);
        if (value.isUndefined())
            return true;
        const QString arrayPath = childPath(path, key);
        if (!value.isArray())
            return fail(arrayPath, ReplaySuiteFormat::tr("must be an array of {\"name\", \"value\"} objects"));
        const QJsonArray array = value.toArray();
        HttpHeaders headers;
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString itemPath = indexPath(arrayPath, i);
            if (!array.at(i).isObject())
                return fail(itemPath, ReplaySuiteFormat::tr("must be a {\"name\", \"value\"} object"));
            const QJsonObject header = array.at(i).toObject();
            if (!checkKeys(header, itemPath, {QStringLiteral("name"), QStringLiteral("value"), QStringLiteral("comment")}))
                return false;
            QString name;
            QString headerValue;
            if (!string(header, QStringLiteral("name"), itemPath, &name)
                || !string(header, QStringLiteral("value"), itemPath, &headerValue))
                return false;
            if (name.isEmpty() || name.contains(QLatin1Char(':')) || name.contains(QLatin1Char(' '))
                || name.contains(QLatin1Char('\r')) || name.contains(QLatin1Char('\n')))
                return fail(childPath(itemPath, QStringLiteral("name")),
                            ReplaySuiteFormat::tr("must be a header name without spaces, colons or line breaks"));
            if (headerValue.contains(QLatin1Char('\r')) || headerValue.contains(QLatin1Char('\n')))
                return fail(childPath(itemPath, QStringLiteral("value")),
                            ReplaySuiteFormat::tr("must not contain line breaks"));
            headers.append({name.toLatin1(), headerValue.toLatin1()});
        }
        *out = headers;
        return true;
    }

    bool method(const QJsonObject &parent, const QString &key, const QString &path, QByteArray *out)
    {
        QString text;
        if (!string(parent, key, path, &text))
            return false;
        if (text.isNull())
            return true;
        for (const QChar c : text) {
            if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
                return fail(childPath(path, key), ReplaySuiteFormat::tr("must be an HTTP method in capitals, such as POST"));
        }
        if (text.isEmpty())
            return fail(childPath(path, key), ReplaySuiteFormat::tr("must be an HTTP method in capitals, such as POST"));
        *out = text.toLatin1();
        return true;
    }

private:
    ReplayLoadError *m_error;
};

QJsonObject optionsToJson(const ReplayOptions &options)
{
    QJsonObject object{
        {QStringLiteral("concurrency"), options.concurrency},
        {QStringLiteral("rate"), options.rate},
        {QStringLiteral("timeoutMs"), options.timeoutMs},
        {QStringLiteral("repeat"), options.repeat},
        {QStringLiteral("budgetMs"), options.budgetMs},
        {QStringLiteral("strictBudget"), options.strictBudget},
        {QStringLiteral("parity"), options.parity},
        {QStringLiteral("insecure"), options.insecure},
        {QStringLiteral("contract"), contractCheckName(options.contractCheck)},
    };
    if (!options.method.isEmpty())
        object.insert(QStringLiteral("method"), QString::fromLatin1(options.method));
    if (options.encoding)
        object.insert(QStringLiteral("encoding"), CallbackComposer::encodingName(*options.encoding));
    if (!options.headers.isEmpty())
        object.insert(QStringLiteral("headers"), headersToJson(options.headers));
    return object;
}

bool readOptions(FieldReader &reader, const QJsonObject &object, const QString &path, ReplayOptions *options)
{
    if (!reader.checkKeys(object, path,
                          {QStringLiteral("concurrency"), QStringLiteral("rate"), QStringLiteral("timeoutMs"),
                           QStringLiteral("repeat"), QStringLiteral("budgetMs"), QStringLiteral("strictBudget"),
                           QStringLiteral("parity"), QStringLiteral("insecure"), QStringLiteral("method"),
                           QStringLiteral("encoding"), QStringLiteral("headers"), QStringLiteral("contract")}))
        return false;
    if (!reader.integer(object, QStringLiteral("concurrency"), path, 1, ReplayOptions::MaxConcurrency, &options->concurrency)
        || !reader.number(object, QStringLiteral("rate"), path, 0, &options->rate)
        || !reader.integer(object, QStringLiteral("timeoutMs"), path, 1, 24 * 3600 * 1000, &options->timeoutMs)
        || !reader.integer(object, QStringLiteral("repeat"), path, 1, ReplayOptions::MaxRepeat, &options->repeat)
        || !reader.integer(object, QStringLiteral("budgetMs"), path, 0, 24 * 3600 * 1000, &options->budgetMs)
        || !reader.boolean(object, QStringLiteral("strictBudget"), path, &options->strictBudget)
        || !reader.boolean(object, QStringLiteral("parity"), path, &options->parity)
        || !reader.boolean(object, QStringLiteral("insecure"), path, &options->insecure)
        || !reader.method(object, QStringLiteral("method"), path, &options->method)
        || !reader.headers(object, QStringLiteral("headers"), path, &options->headers))
        return false;
    if (!options->method.isEmpty() && options->method != "GET" && options->method != "POST" && options->method != "PUT")
        return reader.fail(childPath(path, QStringLiteral("method")), ReplaySuiteFormat::tr("must be GET, POST or PUT"));

    QString contract;
    if (!reader.string(object, QStringLiteral("contract"), path, &contract))
        return false;
    if (!contract.isNull()) {
        const auto check = contractCheckFromName(contract);
        if (!check)
            return reader.fail(childPath(path, QStringLiteral("contract")),
                               ReplaySuiteFormat::tr("must be warning, error or off"));
        options->contractCheck = *check;
    }

    QString encoding;
    if (!reader.string(object, QStringLiteral("encoding"), path, &encoding))
        return false;
    if (!encoding.isNull()) {
        options->encoding = CallbackComposer::encodingFromName(encoding);
        if (!options->encoding)
            return reader.fail(childPath(path, QStringLiteral("encoding")),
                               ReplaySuiteFormat::tr("must be one of %1")
                                   .arg(CallbackComposer::encodingNames().join(QStringLiteral(", "))));
    }
    return true;
}

QJsonObject expectationToJson(const ReplayExpectation &expect)
{
    QJsonObject object{{QStringLiteral("source"), expectationSourceName(expect.source)}};
    if (expect.source == ExpectationSource::None)
        return object;
    object.insert(QStringLiteral("decision"), decisionName(expect.decision));
    if (expect.status != 0)
        object.insert(QStringLiteral("status"), expect.status);
    if (expect.body)
        writeBytes(object, QStringLiteral("body"), *expect.body);
    if (!expect.crt.isEmpty())
        object.insert(QStringLiteral("crt"), expect.crt);
    return object;
}

bool readExpectation(FieldReader &reader, const QJsonObject &object, const QString &path, ReplayExpectation *expect)
{
    if (!reader.checkKeys(object, path,
                          {QStringLiteral("source"), QStringLiteral("decision"), QStringLiteral("status"),
                           QStringLiteral("body"), QStringLiteral("bodyBase64"), QStringLiteral("crt")}))
        return false;

    QString source;
    if (!reader.string(object, QStringLiteral("source"), path, &source))
        return false;
    if (source.isNull()) {
        expect->source = ExpectationSource::Manual;
    } else {
        const auto parsed = expectationSourceFromName(source);
        if (!parsed)
            return reader.fail(childPath(path, QStringLiteral("source")),
                               ReplaySuiteFormat::tr("must be recorded, manual or none"));
        expect->source = *parsed;
    }
    if (expect->source == ExpectationSource::None)
        return true;

    if (!reader.integer(object, QStringLiteral("status"), path, 100, 599, &expect->status)
        || !reader.bytes(object, QStringLiteral("body"), path, &expect->body)
        || !reader.object(object, QStringLiteral("crt"), path, &expect->crt))
        return false;

    QString decision;
    if (!reader.string(object, QStringLiteral("decision"), path, &decision))
        return false;
    if (decision == QLatin1String("allow")) {
        expect->decision = Decision::Allow;
    } else if (decision == QLatin1String("deny")) {
        expect->decision = Decision::Deny;
    } else if (decision.isNull() && expect->status != 0) {
        expect->decision = ReplayComparison::decisionForStatus(expect->status);
    } else if (decision.isNull()) {
        return reader.fail(childPath(path, QStringLiteral("decision")),
                           ReplaySuiteFormat::tr("is missing: give allow or deny, or a status"));
    } else {
        return reader.fail(childPath(path, QStringLiteral("decision")), ReplaySuiteFormat::tr("must be allow or deny"));
    }
    if (expect->status != 0 && ReplayComparison::decisionForStatus(expect->status) != expect->decision)
        return reader.fail(childPath(path, QStringLiteral("status")),
                           ReplaySuiteFormat::tr("status %1 gives %2, not the expected decision %3")
                               .arg(expect->status)
                               .arg(decisionName(ReplayComparison::decisionForStatus(expect->status)),
                                    decisionName(expect->decision)));
    return true;
}

QJsonObject requestToJson(const ReplayRequest &request)
{
    QJsonObject object;
    if (!request.id.isEmpty())
        object.insert(QStringLiteral("id"), request.id);
    object.insert(QStringLiteral("method"), QString::fromLatin1(request.method));
    if (!request.url.isEmpty())
        object.insert(QStringLiteral("url"), request.url.toString(QUrl::FullyEncoded));
    if (!request.query.isEmpty())
        object.insert(QStringLiteral("query"), QString::fromUtf8(request.query));
    object.insert(QStringLiteral("headers"), headersToJson(request.headers));
    writeBytes(object, QStringLiteral("body"), request.body);
    object.insert(QStringLiteral("expect"), expectationToJson(request.expect));
    return object;
}

bool readRequest(FieldReader &reader, const QJsonObject &object, const QString &path, ReplayRequest *request)
{
    if (!reader.checkKeys(object, path,
                          {QStringLiteral("id"), QStringLiteral("method"), QStringLiteral("url"), QStringLiteral("query"),
                           QStringLiteral("headers"), QStringLiteral("body"), QStringLiteral("bodyBase64"),
                           QStringLiteral("expect")}))
        return false;

    QString url;
    QString query;
    std::optional<QByteArray> body;
    QJsonObject expect;
    if (!reader.string(object, QStringLiteral("id"), path, &request->id)
        || !reader.method(object, QStringLiteral("method"), path, &request->method)
        || !reader.string(object, QStringLiteral("url"), path, &url)
        || !reader.string(object, QStringLiteral("query"), path, &query)
        || !reader.headers(object, QStringLiteral("headers"), path, &request->headers)
        || !reader.bytes(object, QStringLiteral("body"), path, &body)
        || !reader.object(object, QStringLiteral("expect"), path, &expect))
        return false;

    if (!url.isEmpty()) {
        request->url = QUrl(url, QUrl::StrictMode);
        if (!request->url.isValid())
            return reader.fail(childPath(path, QStringLiteral("url")),
                               ReplaySuiteFormat::tr("is not a valid URL: %1").arg(request->url.errorString()));
        if (request->url.hasQuery() && query.isNull())
            query = request->url.query(QUrl::FullyEncoded);
        request->url.setQuery(QString());
    }
    request->query = query.toUtf8();
    request->body = body.value_or(QByteArray());
    if (object.contains(QStringLiteral("expect"))
        && !readExpectation(reader, expect, childPath(path, QStringLiteral("expect")), &request->expect))
        return false;
    return true;
}

} // namespace

QString ReplayLoadError::toString() const
{
    QString where;
    if (!fieldPath.isEmpty() && line > 0)
        where = ReplayInput::tr("line %1: %2").arg(line).arg(fieldPath);
    else if (!fieldPath.isEmpty())
        where = fieldPath;
    else if (offset >= 0)
        where = ReplayInput::tr("byte %1 (line %2, column %3)").arg(offset).arg(line).arg(column);
    else if (line > 0)
        where = ReplayInput::tr("line %1").arg(line);
    QString text = fileName.isEmpty() ? QString() : fileName + QStringLiteral(": ");
    if (!where.isEmpty())
        text += where + QStringLiteral(": ");
    return text + message;
}

QByteArray ReplaySuiteFormat::toJson(const ReplaySuite &suite)
{
    QJsonObject root{
        {FormatKey, formatName()},
        {QStringLiteral("version"), CurrentVersion},
    };
    if (!suite.name.isEmpty())
        root.insert(QStringLiteral("name"), suite.name);
    if (!suite.options.target.isEmpty())
        root.insert(QStringLiteral("target"), suite.options.target.toString());
    root.insert(QStringLiteral("options"), optionsToJson(suite.options));

    QJsonArray requests;
    for (const ReplayRequest &request : suite.requests)
        requests.append(requestToJson(request));
    root.insert(QStringLiteral("requests"), requests);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ReplaySuiteFormat::fromJson(const QByteArray &json, const QString &fileName, ReplaySuite *suite,
                                 ReplayLoadError *error)
{
    *error = ReplayLoadError();
    error->fileName = fileName;

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setOffset(json, parseError.offset, error);
        error->message = tr("invalid JSON: %1").arg(parseError.errorString());
        return false;
    }
    FieldReader reader(error);
    if (!document.isObject())
        return reader.fail(QString(), tr("a replay suite must be a JSON object"));
    const QJsonObject root = document.object();

    if (root.value(FormatKey).toString() != formatName())
        return reader.fail(FormatKey, tr("must be \"%1\"; this is not a replay suite").arg(formatName()));
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != double(version.toInt()))
        return reader.fail(QStringLiteral("version"), tr("must be a positive whole number"));
    if (version.toInt() > CurrentVersion)
        return reader.fail(QStringLiteral("version"),
                           tr("version %1 was written by a newer CallbackLab; this one reads version %2")
                               .arg(version.toInt())
                               .arg(CurrentVersion));
    if (!reader.checkKeys(root, QString(),
                          {FormatKey, QStringLiteral("version"), QStringLiteral("name"), QStringLiteral("target"),
                           QStringLiteral("options"), QStringLiteral("requests")}))
        return false;

    ReplaySuite loaded;
    QString target;
    QJsonObject options;
    if (!reader.string(root, QStringLiteral("name"), QString(), &loaded.name)
        || !reader.string(root, QStringLiteral("target"), QString(), &target)
        || !reader.object(root, QStringLiteral("options"), QString(), &options)
        || !readOptions(reader, options, QStringLiteral("options"), &loaded.options))
        return false;
    if (!target.isEmpty()) {
        loaded.options.target = QUrl(target, QUrl::StrictMode);
        const QString scheme = loaded.options.target.scheme();
        if (!loaded.options.target.isValid() || loaded.options.target.host().isEmpty()
            || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
            return reader.fail(QStringLiteral("target"), tr("must be an http or https URL"));
    }

    const QJsonValue requests = root.value(QStringLiteral("requests"));
    if (!requests.isArray())
        return reader.fail(QStringLiteral("requests"), tr("is missing or not an array"));
    const QJsonArray array = requests.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = indexPath(QStringLiteral("requests"), i);
        if (!array.at(i).isObject())
            return reader.fail(path, tr("must be a JSON object"));
        ReplayRequest request;
        request.id.clear();
        if (!readRequest(reader, array.at(i).toObject(), path, &request))
            return false;
        if (request.id.isEmpty())
            request.id = QStringLiteral("requests[%1]").arg(i);
        request.origin = QStringLiteral("%1 %2").arg(QFileInfo(fileName).fileName(), path);
        loaded.requests.append(request);
    }

    *suite = std::move(loaded);
    return true;
}

bool ReplaySuiteFormat::save(const QString &fileName, const ReplaySuite &suite, QString *errorMessage)
{
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorMessage = tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    file.write(toJson(suite));
    if (!file.commit()) {
        *errorMessage = tr("cannot write %1: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

bool ReplaySuiteFormat::load(const QString &fileName, ReplaySuite *suite, ReplayLoadError *error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = ReplayLoadError();
        error->fileName = fileName;
        error->message = tr("cannot read the file: %1").arg(file.errorString());
        return false;
    }
    return fromJson(file.readAll(), fileName, suite, error);
}

ReplayInputKind ReplayInput::sniff(const QByteArray &content, const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    const ReplayInputKind byExtension = suffix == QLatin1String("har")                                      ? ReplayInputKind::Har
        : (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson")) ? ReplayInputKind::JsonLines
        : suffix == QLatin1String("json")                                       ? ReplayInputKind::Suite
                                                                                : ReplayInputKind::Unknown;

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(content, &error);
    if (error.error == QJsonParseError::NoError && document.isObject()) {
        const QJsonObject root = document.object();
        if (root.value(FormatKey).toString() == ReplaySuiteFormat::formatName())
            return ReplayInputKind::Suite;
        if (root.value(QStringLiteral("log")).isObject())
            return ReplayInputKind::Har;
        // A single JSON object that is neither: one exchange per line, with one line.
        if (byExtension != ReplayInputKind::Unknown)
            return byExtension;
        const bool exchange = root.contains(QStringLiteral("request"))
            || root.value(FormatKey).toString() == QLatin1String("callbacklab-exchange");
        return exchange ? ReplayInputKind::JsonLines : ReplayInputKind::Unknown;
    }

    // Several lines, the first of them a JSON object on its own: JSON Lines.
    const QByteArray firstLine = content.left(content.indexOf('\n')).trimmed();
    if (!firstLine.isEmpty() && content.trimmed().contains('\n') && QJsonDocument::fromJson(firstLine).isObject())
        return ReplayInputKind::JsonLines;
    return byExtension;
}

bool ReplayInput::loadFile(const QString &fileName, ReplaySuite *suite, ReplayLoadError *error)
{
    *error = ReplayLoadError();
    error->fileName = fileName;
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        error->message = tr("cannot read the file: %1").arg(file.errorString());
        return false;
    }
    const QByteArray content = file.readAll();

    switch (sniff(content, fileName)) {
    case ReplayInputKind::Suite:
        return ReplaySuiteFormat::fromJson(content, fileName, suite, error);
    case ReplayInputKind::Har: {
        ReplaySuite loaded;
        if (!requestsFromHar(content, fileName, &loaded.requests, error))
            return false;
        *suite = std::move(loaded);
        return true;
    }
    case ReplayInputKind::JsonLines: {
        ReplaySuite loaded;
        if (!requestsFromJsonLines(content, fileName, &loaded.requests, error))
            return false;
        *suite = std::move(loaded);
        return true;
    }
    case ReplayInputKind::Unknown:
        break;
    }
    error->message = tr("not a replay suite, HAR or JSON Lines file");
    return false;
}

namespace {

// Requests from imported exchanges. The first entry the importer could not
// read fails the whole file, so a replay never silently runs fewer rows.
bool requestsFromImport(const ImportResult &import, ReplayInputKind kind, const QString &fileName,
                        QList<ReplayRequest> *requests, ReplayLoadError *error)
{
    if (!import.fatalError.isEmpty()) {
        error->message = import.fatalError;
        return false;
    }
    if (!import.issues.isEmpty()) {
        const ImportIssue &issue = import.issues.first();
        if (kind == ReplayInputKind::Har) {
            error->fieldPath = QStringLiteral("log.entries[%1]").arg(issue.index);
            if (!issue.field.isEmpty())
                error->fieldPath += QLatin1Char('.') + issue.field;
        } else {
            error->line = issue.line;
            error->fieldPath = issue.field;
        }
        error->message = issue.message;
        if (import.issues.size() > 1)
            error->message += ReplayInput::tr(" (and %1 more entries that cannot be read)").arg(import.issues.size() - 1);
        return false;
    }

    QList<ReplayRequest> loaded;
    const QString baseName = QFileInfo(fileName).fileName();
    for (qsizetype i = 0; i < import.exchanges.size(); ++i) {
        const StoredExchange &stored = import.exchanges.at(i);
        const QString where = kind == ReplayInputKind::Har ? QStringLiteral("log.entries[%1]").arg(i)
                                                           : ReplayInput::tr("line %1").arg(i + 1);
        ReplayRequest request = ReplayRequest::fromExchange(stored.exchange);
        request.id = stored.logId > 0 ? ReplayInput::tr("exchange %1").arg(stored.logId)
                                      : ReplayInput::tr("entry %1").arg(i + 1);
        request.origin = QStringLiteral("%1 %2").arg(baseName, where);

        // Such requests stay in the run and are reported there, so the
        // replay neither stops nor silently runs fewer rows.
        const qint64 announced = stored.exchange.request.header("Content-Length").toLongLong();
        if (stored.requestBodyCut) {
            request.unsendable = ReplayInput::tr("the request body was cut when it was logged (%1 of %2 bytes kept), "
                                                 "so it cannot be replayed as sent")
                                     .arg(stored.exchange.request.body.size())
                                     .arg(stored.requestBodySize);
        } else if (announced > stored.exchange.request.body.size()) {
            request.unsendable = ReplayInput::tr("the request body never arrived (%1 of %2 announced bytes), so it "
                                                 "cannot be replayed as sent")
                                     .arg(stored.exchange.request.body.size())
                                     .arg(announced);
        }
        // A cut response body would always differ; compare status and decision only.
        if (stored.responseBodyCut)
            request.expect.body.reset();
        loaded.append(request);
    }
    *requests = std::move(loaded);
    return true;
}

} // namespace

bool ReplayInput::requestsFromHar(const QByteArray &content, const QString &fileName, QList<ReplayRequest> *requests,
                                  ReplayLoadError *error)
{
    *error = ReplayLoadError();
    error->fileName = fileName;
    return requestsFromImport(HarFormat::read(content), ReplayInputKind::Har, fileName, requests, error);
}

bool ReplayInput::requestsFromJsonLines(const QByteArray &content, const QString &fileName,
                                        QList<ReplayRequest> *requests, ReplayLoadError *error)
{
    *error = ReplayLoadError();
    error->fileName = fileName;
    return requestsFromImport(JsonLinesFormat::read(content), ReplayInputKind::JsonLines, fileName, requests, error);
}

QString replayInputKindName(ReplayInputKind kind)
{
    switch (kind) {
    case ReplayInputKind::Unknown: return QStringLiteral("unknown");
    case ReplayInputKind::Suite: return QStringLiteral("suite");
    case ReplayInputKind::Har: return QStringLiteral("har");
    case ReplayInputKind::JsonLines: return QStringLiteral("jsonl");
    }
    return QString();
}
