#include "curlparser.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace {

bool isBlank(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r');
}

bool startsVariable(const QString &text, qsizetype i)
{
    // $NAME, ${...}, $(...) and $1 all expand in a shell.
    if (i + 1 >= text.size() || text.at(i) != QLatin1Char('$'))
        return false;
    const QChar next = text.at(i + 1);
    return next.isLetterOrNumber() || next == QLatin1Char('_') || next == QLatin1Char('{') || next == QLatin1Char('(');
}

// Decodes one escape of bash's $'...' quoting starting after the backslash.
QString ansiEscape(const QString &text, qsizetype *i)
{
    const QChar c = text.at(*i);
    ++*i;
    switch (c.unicode()) {
    case 'n': return QStringLiteral("\n");
    case 't': return QStringLiteral("\t");
    case 'r': return QStringLiteral("\r");
    case 'a': return QStringLiteral("\a");
    case 'b': return QStringLiteral("\b");
    case 'e':
    case 'E': return QString(QChar(0x1b));
    case 'f': return QStringLiteral("\f");
    case 'v': return QStringLiteral("\v");
    case 'x':
    case 'u':
    case 'U': {
        const int maxDigits = c == QLatin1Char('x') ? 2 : c == QLatin1Char('u') ? 4 : 8;
        QString digits;
        while (digits.size() < maxDigits && *i < text.size() && QStringLiteral("0123456789abcdefABCDEF").contains(text.at(*i)))
            digits += text.at((*i)++);
        if (digits.isEmpty())
            return QStringLiteral("\\") + c;
        const uint code = digits.toUInt(nullptr, 16);
        if (c == QLatin1Char('x'))
            return QString(QChar(char16_t(code)));
        const char32_t codePoint = char32_t(code);
        return QString::fromUcs4(&codePoint, 1);
    }
    default:
        if (c >= QLatin1Char('0') && c <= QLatin1Char('7')) {
            QString digits(c);
            while (digits.size() < 3 && *i < text.size() && text.at(*i) >= QLatin1Char('0') && text.at(*i) <= QLatin1Char('7'))
                digits += text.at((*i)++);
            return QString(QChar(char16_t(digits.toUInt(nullptr, 8))));
        }
        return QString(c);  // \\, \', \" and unknown escapes give the character
    }
}

// The values an option takes, and what the parser does with it.
enum class OptionKind {
    Method, Header, Data, DataRaw, DataBinary, DataUrlEncode, Json, Get, Url, UserAgent, Referer, Cookie, User, Head,
    IgnoredFlag, IgnoredWithValue, Unsupported, UnsupportedWithValue,
};

struct OptionInfo
{
    OptionKind kind;
    bool takesValue;
};

std::optional<OptionInfo> longOption(const QString &name)
{
    static const QHash<QString, OptionKind> options = {
        {QStringLiteral("--request"), OptionKind::Method},
        {QStringLiteral("--header"), OptionKind::Header},
        {QStringLiteral("--data"), OptionKind::Data},
        {QStringLiteral("--data-ascii"), OptionKind::Data},
        {QStringLiteral("--data-raw"), OptionKind::DataRaw},
        {QStringLiteral("--data-binary"), OptionKind::DataBinary},
        {QStringLiteral("--data-urlencode"), OptionKind::DataUrlEncode},
        {QStringLiteral("--json"), OptionKind::Json},
        {QStringLiteral("--get"), OptionKind::Get},
        {QStringLiteral("--url"), OptionKind::Url},
        {QStringLiteral("--user-agent"), OptionKind::UserAgent},
        {QStringLiteral("--referer"), OptionKind::Referer},
        {QStringLiteral("--cookie"), OptionKind::Cookie},
        {QStringLiteral("--user"), OptionKind::User},
        {QStringLiteral("--head"), OptionKind::Head},
        {QStringLiteral("--compressed"), OptionKind::IgnoredFlag},
        {QStringLiteral("--silent"), OptionKind::IgnoredFlag},
        {QStringLiteral("--show-error"), OptionKind::IgnoredFlag},
        {QStringLiteral("--verbose"), OptionKind::IgnoredFlag},
        {QStringLiteral("--include"), OptionKind::IgnoredFlag},
        {QStringLiteral("--insecure"), OptionKind::IgnoredFlag},
        {QStringLiteral("--location"), OptionKind::IgnoredFlag},
        {QStringLiteral("--fail"), OptionKind::IgnoredFlag},
        {QStringLiteral("--globoff"), OptionKind::IgnoredFlag},
        {QStringLiteral("--no-buffer"), OptionKind::IgnoredFlag},
        {QStringLiteral("--http1.0"), OptionKind::IgnoredFlag},
        {QStringLiteral("--http1.1"), OptionKind::IgnoredFlag},
        {QStringLiteral("--http2"), OptionKind::IgnoredFlag},
        {QStringLiteral("--path-as-is"), OptionKind::IgnoredFlag},
        {QStringLiteral("--max-time"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--connect-timeout"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--output"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--write-out"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--retry"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--cacert"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--proxy"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--noproxy"), OptionKind::IgnoredWithValue},
        {QStringLiteral("--form"), OptionKind::UnsupportedWithValue},
        {QStringLiteral("--form-string"), OptionKind::UnsupportedWithValue},
        {QStringLiteral("--upload-file"), OptionKind::UnsupportedWithValue},
        {QStringLiteral("--resolve"), OptionKind::UnsupportedWithValue},
        {QStringLiteral("--connect-to"), OptionKind::UnsupportedWithValue},
        {QStringLiteral("--config"), OptionKind::UnsupportedWithValue},
    };
    const auto it = options.constFind(name);
    if (it == options.constEnd())
        return std::nullopt;
    const OptionKind kind = it.value();
    const bool takesValue = kind != OptionKind::Get && kind != OptionKind::Head && kind != OptionKind::IgnoredFlag
        && kind != OptionKind::Unsupported;
    return OptionInfo{kind, takesValue};
}

std::optional<OptionInfo> shortOption(QChar letter)
{
    switch (letter.unicode()) {
    case 'X': return OptionInfo{OptionKind::Method, true};
    case 'H': return OptionInfo{OptionKind::Header, true};
    case 'd': return OptionInfo{OptionKind::Data, true};
    case 'G': return OptionInfo{OptionKind::Get, false};
    case 'A': return OptionInfo{OptionKind::UserAgent, true};
    case 'e': return OptionInfo{OptionKind::Referer, true};
    case 'b': return OptionInfo{OptionKind::Cookie, true};
    case 'u': return OptionInfo{OptionKind::User, true};
    case 'I': return OptionInfo{OptionKind::Head, false};
    case 's':
    case 'S':
    case 'v':
    case 'i':
    case 'k':
    case 'L':
    case 'f':
    case 'g':
    case 'N': return OptionInfo{OptionKind::IgnoredFlag, false};
    case 'm':
    case 'o':
    case 'w':
    case 'x': return OptionInfo{OptionKind::IgnoredWithValue, true};
    case 'F':
    case 'T':
    case 'K': return OptionInfo{OptionKind::UnsupportedWithValue, true};
    default: return std::nullopt;
    }
}

QString ignoredReason(const QString &option)
{
    if (option == QLatin1String("-k") || option == QLatin1String("--insecure"))
        return CurlParser::tr("ignored %1: use the replay's insecure option to accept any TLS certificate").arg(option);
    if (option == QLatin1String("-L") || option == QLatin1String("--location"))
        return CurlParser::tr("ignored %1: replay reports redirects and never follows them").arg(option);
    if (option == QLatin1String("-x") || option == QLatin1String("--proxy") || option == QLatin1String("--noproxy"))
        return CurlParser::tr("ignored %1: replay never uses a proxy").arg(option);
    if (option == QLatin1String("-m") || option == QLatin1String("--max-time")
        || option == QLatin1String("--connect-timeout"))
        return CurlParser::tr("ignored %1: use the replay's timeout option").arg(option);
    return CurlParser::tr("ignored %1: it does not change the request").arg(option);
}

void removeHeader(HttpHeaders *headers, const QByteArray &name)
{
    headers->removeIf([&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

bool hasHeader(const HttpHeaders &headers, const QByteArray &name)
{
    return std::any_of(headers.cbegin(), headers.cend(),
                       [&name](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
}

// State built up while reading the options.
struct CurlCommand
{
    QByteArray method;
    QString url;
    HttpHeaders headers;
    QList<QByteArray> data;
    bool get = false;
    bool json = false;
};

} // namespace

bool CurlParser::splitWords(const QString &command, QList<Word> *words, QString *errorMessage, qsizetype *errorPosition)
{
    auto fail = [&](qsizetype position, const QString &message) {
        *errorMessage = message;
        *errorPosition = position;
        return false;
    };

    const qsizetype size = command.size();
    qsizetype i = 0;
    while (i < size) {
        // Blanks and line continuations between words.
        if (isBlank(command.at(i))) {
            ++i;
            continue;
        }
        if (command.at(i) == QLatin1Char('\\') && i + 1 < size && isBlank(command.at(i + 1))) {
            i += 2;
            continue;
        }

        Word word;
        word.position = i;
        while (i < size && !isBlank(command.at(i))) {
            const QChar c = command.at(i);
            if (c == QLatin1Char('\\')) {
                if (i + 1 < size && command.at(i + 1) != QLatin1Char('\n'))
                    word.text += command.at(i + 1);
                i += 2;
            } else if (c == QLatin1Char('\'')) {
                const qsizetype end = command.indexOf(QLatin1Char('\''), i + 1);
                if (end < 0)
                    return fail(i, tr("unterminated single quote"));
                word.text += command.mid(i + 1, end - i - 1);
                i = end + 1;
            } else if (c == QLatin1Char('$') && i + 1 < size && command.at(i + 1) == QLatin1Char('\'')) {
                const qsizetype start = i;
                i += 2;
                bool closed = false;
                while (i < size) {
                    const QChar q = command.at(i);
                    if (q == QLatin1Char('\'')) {
                        closed = true;
                        ++i;
                        break;
                    }
                    if (q == QLatin1Char('\\') && i + 1 < size) {
                        ++i;
                        word.text += ansiEscape(command, &i);
                    } else {
                        word.text += q;
                        ++i;
                    }
                }
                if (!closed)
                    return fail(start, tr("unterminated $'...' quote"));
            } else if (c == QLatin1Char('"')) {
                const qsizetype start = i;
                ++i;
                bool closed = false;
                while (i < size) {
                    const QChar q = command.at(i);
                    if (q == QLatin1Char('"')) {
                        closed = true;
                        ++i;
                        break;
                    }
                    if (q == QLatin1Char('\\') && i + 1 < size) {
                        // Inside double quotes a backslash escapes only $ ` " \ and a newline.
                        const QChar next = command.at(i + 1);
                        if (next == QLatin1Char('\n')) {
                            i += 2;
                        } else if (QStringLiteral("$`\"\\").contains(next)) {
                            word.text += next;
                            i += 2;
                        } else {
                            word.text += q;
                            ++i;
                        }
                        continue;
                    }
                    if (startsVariable(command, i))
                        return fail(i, tr("shell variables are not supported; replace %1 with its value")
                                           .arg(command.mid(i, 2)));
                    if (q == QLatin1Char('`'))
                        return fail(i, tr("command substitution is not supported"));
                    word.text += q;
                    ++i;
                }
                if (!closed)
                    return fail(start, tr("unterminated double quote"));
            } else if (startsVariable(command, i)) {
                return fail(i, tr("shell variables are not supported; replace %1 with its value").arg(command.mid(i, 2)));
            } else if (c == QLatin1Char('`')) {
                return fail(i, tr("command substitution is not supported"));
            } else if (QStringLiteral("|;&<>()").contains(c)) {
                return fail(i, tr("shell operator '%1' is not supported; paste one curl command and quote URLs that "
                                  "contain '&'")
                                   .arg(c));
            } else {
                word.text += c;
                ++i;
            }
        }
        words->append(word);
    }
    return true;
}

CurlParseResult CurlParser::parse(const QString &command)
{
    CurlParseResult result;
    auto fail = [&result](qsizetype position, const QString &message) {
        result.ok = false;
        result.errorMessage = message;
        result.errorPosition = position;
        return result;
    };

    QList<Word> words;
    if (!splitWords(command, &words, &result.errorMessage, &result.errorPosition))
        return result;
    if (words.isEmpty())
        return fail(0, tr("the command is empty"));
    if (words.first().text != QLatin1String("curl") && !words.first().text.endsWith(QLatin1String("/curl")))
        return fail(words.first().position, tr("the command must start with curl, not '%1'").arg(words.first().text));

    CurlCommand curl;
    auto takeData = [&](const Word &word, OptionKind kind, const QString &value) -> bool {
        if ((kind == OptionKind::Data || kind == OptionKind::DataBinary || kind == OptionKind::Json)
            && value.startsWith(QLatin1Char('@'))) {
            fail(word.position, tr("reading data from a file (%1) is not supported; paste the data itself").arg(value));
            return false;
        }
        if (kind == OptionKind::DataUrlEncode) {
            // curl's forms: content, =content, name=content, @file, name@file.
            const qsizetype mark = value.indexOf(QRegularExpression(QStringLiteral("[=@]")));
            if (mark >= 0 && value.at(mark) == QLatin1Char('@')) {
                fail(word.position, tr("reading data from a file (%1) is not supported; paste the data itself").arg(value));
                return false;
            }
            const QString name = mark >= 0 ? value.left(mark) : QString();
            const QString content = mark >= 0 ? value.mid(mark + 1) : value;
            QByteArray encoded = content.toUtf8().toPercentEncoding();
            curl.data.append(name.isEmpty() ? encoded : name.toUtf8() + '=' + encoded);
            return true;
        }
        curl.data.append(value.toUtf8());
        return true;
    };

    auto apply = [&](const Word &word, const QString &option, OptionKind kind, const QString &value) -> bool {
        switch (kind) {
        case OptionKind::Method:
            if (value.isEmpty()) {
                fail(word.position, tr("%1 needs a method such as POST").arg(option));
                return false;
            }
            curl.method = value.toLatin1();
            return true;
        case OptionKind::Header: {
            if (value.startsWith(QLatin1Char('@'))) {
                fail(word.position, tr("reading headers from a file (%1) is not supported").arg(value));
                return false;
            }
            const qsizetype colon = value.indexOf(QLatin1Char(':'));
            const qsizetype semicolon = value.indexOf(QLatin1Char(';'));
            if (colon < 0 && semicolon == value.size() - 1 && semicolon > 0) {
                // "Name;" sends the header with an empty value.
                curl.headers.append({value.left(semicolon).toLatin1(), QByteArray()});
                return true;
            }
            if (colon <= 0) {
                fail(word.position, tr("invalid header '%1': write it as 'Name: value'").arg(value));
                return false;
            }
            const QByteArray name = value.left(colon).trimmed().toLatin1();
            const QByteArray headerValue = value.mid(colon + 1).trimmed().toUtf8();
            if (headerValue.isEmpty()) {
                // "Name:" removes a header curl would send.
                removeHeader(&curl.headers, name);
                return true;
            }
            curl.headers.append({name, headerValue});
            return true;
        }
        case OptionKind::Data:
        case OptionKind::DataRaw:
        case OptionKind::DataBinary:
        case OptionKind::DataUrlEncode:
            return takeData(word, kind, value);
        case OptionKind::Json:
            curl.json = true;
            return takeData(word, kind, value);
        case OptionKind::Get:
            curl.get = true;
            return true;
        case OptionKind::Head:
            curl.method = QByteArrayLiteral("HEAD");
            return true;
        case OptionKind::Url:
            if (!curl.url.isEmpty()) {
                fail(word.position, tr("more than one URL; replay takes one request per command"));
                return false;
            }
            curl.url = value;
            return true;
        case OptionKind::UserAgent:
            curl.headers.append({QByteArrayLiteral("User-Agent"), value.toUtf8()});
            return true;
        case OptionKind::Referer:
            curl.headers.append({QByteArrayLiteral("Referer"), value.toUtf8()});
            return true;
        case OptionKind::Cookie:
            if (!value.contains(QLatin1Char('='))) {
                fail(word.position, tr("reading cookies from a file (%1) is not supported").arg(value));
                return false;
            }
            curl.headers.append({QByteArrayLiteral("Cookie"), value.toUtf8()});
            return true;
        case OptionKind::User:
            curl.headers.append({QByteArrayLiteral("Authorization"), "Basic " + value.toUtf8().toBase64()});
            return true;
        case OptionKind::IgnoredFlag:
        case OptionKind::IgnoredWithValue:
            result.warnings.append(ignoredReason(option));
            return true;
        case OptionKind::Unsupported:
        case OptionKind::UnsupportedWithValue:
            fail(word.position, tr("unsupported option %1: a callback is one request with a plain body").arg(option));
            return false;
        }
        return true;
    };

    for (qsizetype i = 1; i < words.size(); ++i) {
        const Word &word = words.at(i);
        const QString &text = word.text;

        if (text.startsWith(QLatin1String("--")) && text.size() > 2) {
            const auto info = longOption(text);
            if (!info)
                return fail(word.position, tr("unsupported option %1").arg(text));
            QString value;
            if (info->takesValue) {
                if (i + 1 >= words.size())
                    return fail(word.position, tr("option %1 needs a value").arg(text));
                value = words.at(++i).text;
            }
            if (!apply(word, text, info->kind, value))
                return result;
            continue;
        }

        if (text.startsWith(QLatin1Char('-')) && text.size() > 1) {
            // A cluster of short options: -sSL, -XPOST, -H'A: b'.
            for (qsizetype j = 1; j < text.size(); ++j) {
                const QString option = QStringLiteral("-") + text.at(j);
                const auto info = shortOption(text.at(j));
                if (!info)
                    return fail(word.position + j, tr("unsupported option %1").arg(option));
                QString value;
                if (info->takesValue) {
                    if (j + 1 < text.size()) {
                        value = text.mid(j + 1);
                    } else if (i + 1 < words.size()) {
                        value = words.at(++i).text;
                    } else {
                        return fail(word.position, tr("option %1 needs a value").arg(option));
                    }
                    if (!apply(word, option, info->kind, value))
                        return result;
                    break;
                }
                if (!apply(word, option, info->kind, value))
                    return result;
            }
            continue;
        }

        if (!curl.url.isEmpty())
            return fail(word.position, tr("more than one URL; replay takes one request per command"));
        curl.url = text;
    }

    // The URL: curl assumes http:// when no scheme is given.
    if (curl.url.isEmpty())
        return fail(-1, tr("the command has no URL"));
    QString urlText = curl.url;
    if (!urlText.contains(QLatin1String("://")))
        urlText.prepend(QLatin1String("http://"));
    urlText = urlText.section(QLatin1Char('#'), 0, 0);
    QByteArray query;
    const qsizetype mark = urlText.indexOf(QLatin1Char('?'));
    if (mark >= 0) {
        query = urlText.mid(mark + 1).toUtf8();
        urlText.truncate(mark);
    }
    const QUrl url(urlText, QUrl::TolerantMode);
    if (!url.isValid() || url.host().isEmpty())
        return fail(-1, tr("invalid URL '%1'").arg(curl.url));

    // Data goes to the body, or with -G to the query string.
    ReplayRequest &request = result.request;
    request.id = tr("curl command");
    request.origin = tr("pasted curl command");
    request.url = url;
    request.headers = curl.headers;
    const QByteArray data = curl.data.join('&');
    if (curl.get) {
        if (!data.isEmpty())
            query = query.isEmpty() ? data : query + '&' + data;
        request.method = curl.method.isEmpty() ? QByteArrayLiteral("GET") : curl.method;
    } else {
        request.body = data;
        request.method = !curl.method.isEmpty() ? curl.method
            : curl.data.isEmpty()              ? QByteArrayLiteral("GET")
                                               : QByteArrayLiteral("POST");
        if (curl.json) {
            if (!hasHeader(request.headers, "Content-Type"))
                request.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            if (!hasHeader(request.headers, "Accept"))
                request.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
        } else if (!curl.data.isEmpty() && !hasHeader(request.headers, "Content-Type")) {
            request.headers.append({QByteArrayLiteral("Content-Type"),
                                    QByteArrayLiteral("application/x-www-form-urlencoded")});
        }
    }
    request.query = query;
    result.ok = true;
    return result;
}
