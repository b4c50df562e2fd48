// The request log's filter language. A filter is a list of terms that must
// all match. It compiles to an SQL WHERE clause with bound parameters for the
// log store, and matches in-memory exchanges (live rows) with the same meaning.
//
//   asset:ID user:ID session:ID rule:NAME ip:ADDRESS   exact, or a prefix with a trailing *
//   status:404 status:4xx status:400-499 status:>=500 status>=500
//   decision:allow|deny|rejected  scheme:widevine|WIDE_VINE|none  method:post
//   latency>100ms latency<=2s latency:100ms-1s          units us, ms (default), s, m
//   after:2026-12-04T10:00 before:2026-12-05 since:15m  local time unless a zone is given
//   -term                                              negation
//   "quoted text" user:"a b"                            values with spaces; \" and \\ inside
//   any other word                                     free text, see below
//
// Free text is a case-insensitive (ASCII letters only) substring of the bytes
// of the request target, the request and response header blocks or the
// request and response bodies. The log matches the bodies it stored, which are
// cut past the body cap; an in-memory exchange is matched on its whole bodies.
#pragma once

#include "storedexchange.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QVariantList>

struct FilterTerm
{
    enum class Field { Text, Asset, User, Session, Status, Decision, Scheme, Ip, Method, Rule, Latency, After, Before, Since };
    enum class Comparison { Equal, Prefix, Range, Less, LessOrEqual, Greater, GreaterOrEqual };

    Field field = Field::Text;
    Comparison comparison = Comparison::Equal;
    bool negated = false;
    QString value;     // text, asset, user, session, decision, scheme, ip, method, rule
    qint64 low = 0;    // status, latency (µs), after/before (ms since the epoch), since (ms)
    qint64 high = 0;   // upper end of a Range
    int column = 0;    // 1-based position of the term in the filter text
};

struct FilterError
{
    int column = 0;    // 1-based position of the problem
    QString message;   // translated, already names the column
};

class FilterParseResult;

class ExchangeFilter
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeFilter)

public:
    struct SqlWhere
    {
        QString sql;             // "1" for an empty filter; never contains user input
        QVariantList bindings;   // positional, in the order of the ? placeholders
    };

    // Parses filter text. Empty or blank text gives an empty filter that matches everything.
    static FilterParseResult parse(const QString &text);

    bool isEmpty() const { return m_terms.isEmpty(); }
    const QList<FilterTerm> &terms() const { return m_terms; }
    QString text() const { return m_text; }

    // Builds the WHERE clause over the log's exchanges table. now anchors
    // since: terms; fullTextIndex is true when the log has its trigram index.
    SqlWhere toSql(const QDateTime &now, bool fullTextIndex) const;

    // The same test in memory.
    bool matches(const Exchange &exchange, const QDateTime &now) const;
    bool matches(const StoredExchange &stored, const QDateTime &now) const { return matches(stored.exchange, now); }

    // Tooltip text explaining the syntax, translated.
    static QString syntaxHelp();
    static QStringList fieldNames();

private:
    friend class FilterParser;
    QList<FilterTerm> m_terms;
    QString m_text;
};

// Either a filter or the first syntax error.
class FilterParseResult
{
public:
    FilterParseResult(ExchangeFilter filter) : m_filter(std::move(filter)) {}
    FilterParseResult(FilterError error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const ExchangeFilter &filter() const { return m_filter; }
    const FilterError &error() const { return m_error; }

private:
    ExchangeFilter m_filter;
    FilterError m_error;
    bool m_ok = true;
};
