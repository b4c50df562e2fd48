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

// Returns the index after the string that starts at start (a quote).
qsizetype skipString(QByteArrayView json, qsizetype start)
{
    qsizetype end = start + 1;
    while (end < json.size() && json[end] != '"')
        end += json[end] == '\\' ? 2 : 1;
    return qMin(end + 1, json.size());
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
