// Replaces users, sessions, IP addresses and user agents in exchanges with
// placeholders for exports that leave the team: user-1, session-1, ua-1,
// 192.0.2.1 (then 198.51.100.x and 203.0.113.x; IPv6 becomes 2001:db8::x).
// One Redactor keeps one mapping, so a value gets the same placeholder in
// every exchange of a file, wherever it appears: parsed fields, target,
// headers (custom-data is decoded, redacted and encoded again), bodies,
// findings. Values are also found percent-encoded and JSON-escaped.
//
// Use it in two passes: collect() every exchange of the file, then apply() to
// each. A value seen only by apply() is still replaced when it is a field,
// a header value or an IP address, but may stay in exchanges applied earlier.
//
// JSON and form bodies, the query string and custom-data are scanned by structure. Values under
// personal field names are replaced whole, and keys, other numbers and protocol headers stay.
//
// NOTE: elsewhere, only distinctive values (five characters or more, not all
// letters) are replaced, as whole words. Bodies may still contain personal
// data in fields this class does not know.
#pragma once

#include "storedexchange.h"

#include <QHash>

#include <optional>

class Redactor
{
public:
    void collect(const StoredExchange &stored);
    void apply(StoredExchange &stored);

    // Placeholder for a value of the given kind, assigning one if needed.
    enum class Kind { User, Session, Ip, UserAgent };
    QString placeholder(Kind kind, const QString &value);

    // Replaces every known value in text; exposed for tests.
    QByteArray redactBytes(const QByteArray &text);
    QString redactText(const QString &text);

private:
    void collectText(const QByteArray &text);
    void collectFields(const QByteArray &body, const HttpHeaders &headers, const QByteArray &target);
    QByteArray redactField(Kind kind, const QString &decoded, const QByteArray &raw, const CallbackFields &callback);
    QByteArray redactBody(const QByteArray &body, const HttpHeaders &headers, const CallbackFields &callback);
    QByteArray redactJsonText(const QByteArray &json, const CallbackFields &callback);
    QByteArray redactForm(const QByteArray &form, const CallbackFields &callback);
    QByteArray redactTarget(const QByteArray &target, const CallbackFields &callback);
    void collectCustomData(const QByteArray &value);
    QByteArray redactCustomData(const QByteArray &value);
    QJsonValue redactJson(const QJsonValue &value, const QString &key);
    void rebuildPatterns();

    QHash<QString, QString> m_placeholders[4];  // per kind: value (IPs in canonical form) to placeholder
    int m_counts[4] = {};
    QHash<QString, QString> m_ipForms;          // an IP as written in the text to its canonical form
    // Each value in its encodings (raw, percent-encoded, form-encoded,
    // JSON-escaped) to its placeholder, and the pattern lengths, longest
    // first; rebuilt when a value was added.
    QHash<QByteArray, QByteArray> m_patterns;
    QList<qsizetype> m_patternLengths;
    bool m_patternsDirty = false;
};
