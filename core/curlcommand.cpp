#include "curlcommand.h"

#include "storedexchange.h"

#include <algorithm>

namespace {

constexpr qsizetype MaxInlineBody = 64 * 1024;

bool isLeftOut(const QByteArray &name)
{
    static const char *const names[] = {"content-length", "host",     "expect",  "connection",       "keep-alive",
                                        "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade"};
    const QByteArray lower = name.toLower();
    for (const char *leftOut : names) {
        if (lower == leftOut)
            return true;
    }
    return false;
}

bool hasHeader(const HttpHeaders &headers, const char *name)
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool isInlineBody(const QByteArray &body)
{
    if (body.size() > MaxInlineBody || body.startsWith('@') || !ExchangeJson::isValidUtf8(body))
        return false;
    for (const char c : body) {
        const uchar byte = uchar(c);
        if (byte < 0x20 && c != '\n' && c != '\r' && c != '\t')
            return false;
        if (byte == 0x7f)
            return false;
    }
    return true;
}

} // namespace

QByteArray CurlCommand::printfFormat(const QByteArray &bytes)
{
    QByteArray format;
    format.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const uchar byte = uchar(c);
        if (c == '%') {
            format += "%%";
        } else if (byte >= 0x20 && byte < 0x7f && c != '\'' && c != '\\') {
            format += c;
        } else {
            // Always three digits, so a digit after the escape is not read as part of it.
            format += '\\';
            format += char('0' + ((byte >> 6) & 7));
            format += char('0' + ((byte >> 3) & 7));
            format += char('0' + (byte & 7));
        }
    }
    return format;
}

QString CurlCommand::shellWord(const QByteArray &bytes)
{
    static const QByteArray plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:@%+=,-";
    const bool needsQuotes = bytes.isEmpty()
        || std::any_of(bytes.begin(), bytes.end(), [](char c) { return !plain.contains(c); });
    if (!needsQuotes)
        return QString::fromLatin1(bytes);
    if (!bytes.contains('\0') && ExchangeJson::isValidUtf8(bytes)) {
        QString text = QString::fromUtf8(bytes);
        text.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        return QLatin1Char('\'') + text + QLatin1Char('\'');
    }
    return QStringLiteral("\"$(printf '%1')\"").arg(QString::fromLatin1(printfFormat(bytes)));
}

QString CurlCommand::build(const RawRequest &request, const CurlOptions &options)
{
    QStringList words{QStringLiteral("curl")};
    if (options.noProxy)
        words << QStringLiteral("--noproxy '*'");
    words << QStringLiteral("--globoff --path-as-is");
    if (request.httpVersion == "HTTP/1.0")
        words << QStringLiteral("--http1.0");

    const bool hasBody = !request.body.isEmpty();
    if (request.method == "HEAD" && !hasBody)
        words << QStringLiteral("--head");
    else if (request.method != (hasBody ? "POST" : "GET"))
        words << QStringLiteral("-X ") + shellWord(request.method);

    QByteArray base = options.baseUrl.toUtf8();
    QByteArray target = request.target;
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype pathStart = target.indexOf('/', target.indexOf("//") + 2);
        if (base.isEmpty())
            base = target.left(pathStart < 0 ? target.size() : pathStart);
        target = pathStart < 0 ? QByteArray("/") : target.mid(pathStart);
    }
    if (base.isEmpty()) {
        const QByteArray host = request.header("Host");
        base = "http://" + (host.isEmpty() ? QByteArray("localhost") : host);
    }
    while (base.endsWith('/'))
        base.chop(1);
    if (!target.startsWith('/') && target != "*")
        target.prepend('/');
    words << shellWord(base + target);

    for (const auto &header : request.headers) {
        const bool isHost = header.first.compare("Host", Qt::CaseInsensitive) == 0;
        if (isLeftOut(header.first) && !(isHost && options.keepHost))
            continue;
        // curl sends "Name;" as a header with an empty value.
        const QByteArray line = header.second.isEmpty() ? header.first + ';' : header.first + ": " + header.second;
        words << QStringLiteral("-H ") + shellWord(line);
    }
    if (!hasHeader(request.headers, "User-Agent"))
        words << QStringLiteral("-H 'User-Agent:'");
    if (!hasHeader(request.headers, "Accept"))
        words << QStringLiteral("-H 'Accept:'");

    if (!hasBody)
        return words.join(options.multiline ? QStringLiteral(" \\\n  ") : QStringLiteral(" "));

    if (!hasHeader(request.headers, "Content-Type"))
        words << QStringLiteral("-H 'Content-Type:'");
    words << QStringLiteral("-H 'Expect:'");
    if (isInlineBody(request.body)) {
        words << QStringLiteral("--data-binary ") + shellWord(request.body);
        return words.join(options.multiline ? QStringLiteral(" \\\n  ") : QStringLiteral(" "));
    }
    words << QStringLiteral("--data-binary @-");
    const QString printf = QStringLiteral("printf '%1' |").arg(QString::fromLatin1(printfFormat(request.body)));
    return printf + (options.multiline ? QStringLiteral(" \\\n") : QStringLiteral(" "))
        + words.join(options.multiline ? QStringLiteral(" \\\n  ") : QStringLiteral(" "));
}
