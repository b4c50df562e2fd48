#include "jsontext.h"

namespace JsonText {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void newLine(QByteArray &out, int depth)
{
    out += '\n';
    out.append(QByteArray(depth * 4, ' '));
}

// Returns the index of the quote that closes the string starting at start, or
// the text's size when the string is not closed.
qsizetype closingQuote(QByteArrayView json, qsizetype start)
{
    qsizetype end = start + 1;
    while (end < json.size() && json[end] != '"')
        end += json[end] == '\\' ? 2 : 1;
    return qMin(end, json.size());
}

// Returns the index after the string that starts at start (a quote).
qsizetype skipString(QByteArrayView json, qsizetype start)
{
    return qMin(closingQuote(json, start) + 1, json.size());
}

} // namespace

QByteArrayView memberText(QByteArrayView json, QByteArrayView key)
{
    int depth = 0;
    qsizetype valueStart = -1;
    const auto valueUpTo = [&](qsizetype end) {
        while (end > valueStart && isSpace(json[end - 1]))
            --end;
        return json.sliced(valueStart, end - valueStart);
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '"') {
            const qsizetype end = skipString(json, i);
            qsizetype next = end;
            while (next < json.size() && isSpace(json[next]))
                ++next;
            const bool isKey = depth == 1 && valueStart < 0 && next < json.size() && json[next] == ':';
            if (isKey && json.sliced(i + 1, end - i - 2) == key) {
                valueStart = next + 1;
                while (valueStart < json.size() && isSpace(json[valueStart]))
                    ++valueStart;
                i = valueStart - 1;
            } else {
                i = end - 1;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0 && valueStart >= 0)
                return valueUpTo(i);
        } else if (c == ',' && depth == 1 && valueStart >= 0) {
            return valueUpTo(i);
        }
    }
    return {};
}

QByteArray rewriteValues(const QByteArray &json, const ValueRewriter &rewrite)
{
    QByteArray result;
    result.reserve(json.size());
    QByteArray key;
    char lastSignificant = 0;
    const qsizetype size = json.size();
    qsizetype position = 0;
    while (position < size) {
        const char c = json.at(position);
        const bool scalarStart = (c >= '0' && c <= '9') || c == '-' || c == 't' || c == 'f';
        if (scalarStart && lastSignificant == ':') {
            qsizetype end = position;
            while (end < size && !isSpace(json.at(end)) && json.at(end) != ',' && json.at(end) != '}'
                   && json.at(end) != ']')
                ++end;
            const QByteArray token = json.mid(position, end - position);
            const QByteArray rewritten = rewrite(key, token);
            result += rewritten == token ? token : '"' + rewritten + '"';
            lastSignificant = 'v';
            position = end;
            continue;
        }
        if (c != '"') {
            result += c;
            if (!isSpace(c))
                lastSignificant = c;
            ++position;
            continue;
        }

        const qsizetype quote = closingQuote(json, position);
        const bool closed = quote < size;
        const qsizetype end = closed ? quote + 1 : size;
        const QByteArray content = json.mid(position + 1, quote - position - 1);
        qsizetype next = end;
        while (next < size && isSpace(json.at(next)))
            ++next;
        const bool isKey = next < size && json.at(next) == ':';

        result += '"';
        if (isKey) {
            result += content;
            key = content;
        } else {
            result += rewrite(lastSignificant == ':' ? key : QByteArray(), content);
        }
        if (closed)
            result += '"';
        lastSignificant = '"';
        position = end;
    }
    return result;
}

QByteArray indented(QByteArrayView json)
{
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = json[i];
        if (c == '"') {
            // Copies the string with its escapes.
            const qsizetype end = skipString(json, i);
            out.append(json.data() + i, end - i);
            i = end - 1;
            continue;
        }
        if (isSpace(c))
            continue;

        switch (c) {
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < size && isSpace(json[next]))
                ++next;
            const char close = c == '{' ? '}' : ']';
            if (next < size && json[next] == close) {
                out += c;
                out += close;
                i = next;
                break;
            }
            out += c;
            newLine(out, ++depth);
            break;
        }
        case '}':
        case ']':
            newLine(out, depth > 0 ? --depth : 0);
            out += c;
            break;
        case ',':
            out += c;
            newLine(out, depth);
            break;
        case ':':
            out += ": ";
            break;
        default:
            out += c;
        }
    }
    out += '\n';
    return out;
}

} // namespace JsonText
