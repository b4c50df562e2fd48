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

} // namespace

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
            qsizetype end = i + 1;
            while (end < size && json[end] != '"')
                end += json[end] == '\\' ? 2 : 1;
            end = qMin(end, size - 1);
            out.append(json.data() + i, end - i + 1);
            i = end;
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
