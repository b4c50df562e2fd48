#include "exchangefilter.h"

#include "exchangeschema.h"

#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <optional>

using Field = FilterTerm::Field;
using Comparison = FilterTerm::Comparison;

namespace {

struct FieldName
{
    const char *name;
    Field field;
};

// Canonical names first; the rest are accepted spellings.
const FieldName FieldNames[] = {
    {"asset", Field::Asset},       {"user", Field::User},       {"session", Field::Session},
    {"status", Field::Status},     {"decision", Field::Decision}, {"scheme", Field::Scheme},
    {"ip", Field::Ip},             {"method", Field::Method},   {"rule", Field::Rule},
    {"latency", Field::Latency},   {"after", Field::After},     {"before", Field::Before},
    {"since", Field::Since},       {"assets", Field::Asset},    {"drmscheme", Field::Scheme},
};
constexpr int CanonicalFieldCount = 13;

std::optional<Field> fieldFromName(const QString &name)
{
    const QString lower = name.toLower();
    for (const FieldName &entry : FieldNames) {
        if (lower == QLatin1String(entry.name))
            return entry.field;
    }
    return std::nullopt;
}

int editDistance(const QString &a, const QString &b)
{
    QList<int> previous(b.size() + 1);
    QList<int> current(b.size() + 1);
    for (int j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (int i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (int j = 1; j <= b.size(); ++j) {
            const int substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

QString suggestField(const QString &name)
{
    const QString lower = name.toLower();
    QString best;
    int bestDistance = 3;
    for (int i = 0; i < CanonicalFieldCount; ++i) {
        const QString candidate = QLatin1String(FieldNames[i].name);
        if (lower.size() >= 2 && candidate.startsWith(lower))
            return candidate;
        const int distance = editDistance(lower, candidate);
        if (distance < bestDistance && distance < candidate.size()) {
            bestDistance = distance;
            best = candidate;
        }
    }
    return best;
}

bool isOperatorChar(QChar c)
{
    return c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('=');
}

// Microseconds of a duration such as 250ms, 2s, 1.5m; defaultUnit applies to a bare number.
std::optional<qint64> parseDuration(const QString &text, const char *defaultUnit)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*(us|µs|ms|s|m|min|h|d)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    QString unit = match.captured(2).toLower();
    if (unit.isEmpty()) {
        if (!defaultUnit)
            return std::nullopt;
        unit = QString::fromLatin1(defaultUnit);
    }
    double factor = 1;
    if (unit == QLatin1String("ms"))
        factor = 1e3;
    else if (unit == QLatin1String("s"))
        factor = 1e6;
    else if (unit == QLatin1String("m") || unit == QLatin1String("min"))
        factor = 60e6;
    else if (unit == QLatin1String("h"))
        factor = 3600e6;
    else if (unit == QLatin1String("d"))
        factor = 86400e6;
    const double value = match.captured(1).toDouble() * factor;
    if (value > 1e18)
        return std::nullopt;
    return qint64(value + 0.5);
}

// Milliseconds since the epoch of an ISO 8601 date, date and time, or a time of today.
std::optional<qint64> parseDateTime(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1Char(' '), QLatin1Char('T'));
    const QDateTime dateTime = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    if (dateTime.isValid())
        return dateTime.toMSecsSinceEpoch();
    const QTime time = QTime::fromString(normalized, Qt::ISODateWithMs);
    if (time.isValid())
        return QDateTime(QDate::currentDate(), time).toMSecsSinceEpoch();
    return std::nullopt;
}

// The smallest string greater than every string starting with prefix, in
// code point order (SQLite's BINARY collation on UTF-8); empty when none exists.
QString prefixUpperBound(const QString &prefix)
{
    QList<uint> codePoints = prefix.toUcs4();
    if (codePoints.isEmpty() || codePoints.last() >= 0x10ffff)
        return QString();
    uint next = codePoints.last() + 1;
    if (next >= 0xd800 && next < 0xe000)
        next = 0xe000;
    codePoints.last() = next;
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()), codePoints.size());
}

QByteArray folded(const QString &text)
{
    return ExchangeSchema::foldAscii(text.toUtf8());
}

// Free text is searched as typed, as a form or query string encodes it, and
// as JSON escapes it: "trần" also finds tr%E1%BA%A7n and tr\u1ea7n. All forms
// are folded like folded().
QList<QByteArray> textNeedles(const QString &text)
{
    QList<QByteArray> needles{folded(text)};
    const QByteArray encoded = ExchangeSchema::foldAscii(QUrl::toPercentEncoding(text));
    QByteArray plusForm = ExchangeSchema::foldAscii(QUrl::toPercentEncoding(text, " "));
    plusForm.replace(' ', '+');
    QByteArray jsonEscaped;
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            jsonEscaped += char(c.unicode());
        else
            jsonEscaped += "\\u" + QByteArray::number(c.unicode(), 16).rightJustified(4, '0');
    }
    jsonEscaped = ExchangeSchema::foldAscii(jsonEscaped);
    for (const QByteArray &needle : {encoded, plusForm, jsonEscaped}) {
        if (!needles.contains(needle))
            needles.append(needle);
    }
    return needles;
}

bool equalsIgnoringAsciiCase(const QString &a, const QString &b)
{
    return folded(a) == folded(b);
}

QString afterFirstColon(const QString &text)
{
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    return colon < 0 ? text : text.mid(colon + 1);
}

bool compareNumber(qint64 value, const FilterTerm &term)
{
    switch (term.comparison) {
    case Comparison::Equal: return value == term.low;
    case Comparison::Range: return value >= term.low && value <= term.high;
    case Comparison::Less: return value < term.low;
    case Comparison::LessOrEqual: return value <= term.low;
    case Comparison::Greater: return value > term.low;
    case Comparison::GreaterOrEqual: return value >= term.low;
    case Comparison::Prefix: return false;
    }
    return false;
}

bool compareText(const QString &value, const FilterTerm &term)
{
    if (term.comparison == Comparison::Prefix)
        return term.value.isEmpty() ? !value.isEmpty() : value.startsWith(term.value);
    return value == term.value;
}

// The trigram tokens the FTS5 prefilter ANDs: windows of three code points
// every third position plus the last one, at most eight. Empty when the text
// is shorter than three code points, which the index cannot look up.
QString trigramQuery(const QByteArray &needle)
{
    const QList<uint> codePoints = QString::fromUtf8(needle).toUcs4();
    if (codePoints.size() < 3)
        return QString();
    QList<qsizetype> starts;
    for (qsizetype start = 0; start + 3 <= codePoints.size() && starts.size() < 7; start += 3)
        starts.append(start);
    if (!starts.contains(codePoints.size() - 3))
        starts.append(codePoints.size() - 3);

    QStringList tokens;
    for (qsizetype start : starts) {
        QString token = QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData() + start), 3);
        token.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        tokens.append(QLatin1Char('"') + token + QLatin1Char('"'));
    }
    tokens.removeDuplicates();
    return tokens.join(QStringLiteral(" AND "));
}

// QSQLITE binds a null QString as SQL NULL, which equals nothing.
QString boundText(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

class SqlBuilder
{
public:
    QString textCondition(const QString &column, const FilterTerm &term)
    {
        if (term.comparison != Comparison::Prefix) {
            bindings.append(boundText(term.value));
            return column + QStringLiteral(" = ?");
        }
        if (term.value.isEmpty())
            return column + QStringLiteral(" <> ''");
        const QString upper = prefixUpperBound(term.value);
        if (upper.isEmpty()) {
            bindings << qint64(term.value.toUcs4().size()) << term.value;
            return QStringLiteral("substr(%1, 1, ?) = ?").arg(column);
        }
        bindings << term.value << upper;
        return QStringLiteral("(%1 >= ? AND %1 < ?)").arg(column);
    }

    QString numberCondition(const QString &column, const FilterTerm &term, qint64 low)
    {
        static const char *const operators[] = {"=", "", "", "<", "<=", ">", ">="};
        bindings.append(low);
        if (term.comparison == Comparison::Range) {
            bindings.append(term.high);
            return column + QStringLiteral(" BETWEEN ? AND ?");
        }
        return QStringLiteral("%1 %2 ?").arg(column, QLatin1String(operators[int(term.comparison)]));
    }

    QVariantList bindings;
};

} // namespace

// Reads filter text left to right into terms; stops at the first error.
class FilterParser
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeFilter)

public:
    explicit FilterParser(const QString &text) : m_text(text) {}

    FilterParseResult run()
    {
        ExchangeFilter filter;
        filter.m_text = m_text;
        while (true) {
            skipSpaces();
            if (atEnd())
                break;
            FilterTerm term;
            if (!readTerm(&term))
                return m_error;
            filter.m_terms.append(term);
        }
        return filter;
    }

private:
    bool atEnd() const { return m_position >= m_text.size(); }
    QChar peek(qsizetype offset = 0) const
    {
        return m_position + offset < m_text.size() ? m_text.at(m_position + offset) : QChar();
    }
    int column() const { return int(m_position) + 1; }

    void skipSpaces()
    {
        while (!atEnd() && peek().isSpace())
            ++m_position;
    }

    bool fail(int column, const QString &message)
    {
        m_error.column = column;
        m_error.message = message;
        return false;
    }

    bool readTerm(FilterTerm *term)
    {
        term->column = column();
        if (peek() == QLatin1Char('-')) {
            if (peek(1).isNull() || peek(1).isSpace())
                return fail(column(), tr("nothing follows '-' at column %1; put a term right after it").arg(column()));
            term->negated = true;
            ++m_position;
        }

        if (peek() == QLatin1Char('"')) {
            const int quoteColumn = column();
            QString value;
            if (!readQuoted(&value))
                return false;
            if (value.isEmpty())
                return fail(quoteColumn, tr("empty quotes at column %1").arg(quoteColumn));
            term->field = Field::Text;
            term->value = value;
            return true;
        }

        const qsizetype nameStart = m_position;
        while (!atEnd() && (peek().isLetter() || peek() == QLatin1Char('_')) && peek().unicode() < 128)
            ++m_position;
        const QString name = m_text.mid(nameStart, m_position - nameStart);

        if (!name.isEmpty() && peek() == QLatin1Char(':')) {
            const std::optional<Field> field = fieldFromName(name);
            if (!field) {
                const int nameColumn = int(nameStart) + 1;
                const QString suggestion = suggestField(name);
                if (!suggestion.isEmpty()) {
                    return fail(nameColumn, tr("unknown field '%1' at column %2; did you mean '%3'?")
                                                .arg(name)
                                                .arg(nameColumn)
                                                .arg(suggestion));
                }
                return fail(nameColumn, tr("unknown field '%1' at column %2; to search for text with a colon, "
                                           "put it in quotes")
                                            .arg(name)
                                            .arg(nameColumn));
            }
            ++m_position;
            term->field = *field;
            return readFieldValue(term, name + QLatin1Char(':'));
        }

        const std::optional<Field> field = name.isEmpty() ? std::nullopt : fieldFromName(name);
        if (field && isOperatorChar(peek())) {
            if (*field != Field::Latency && *field != Field::Status) {
                return fail(column(), tr("'%1' at column %2 takes no comparison; write %3:VALUE")
                                          .arg(m_text.mid(nameStart, m_position - nameStart + 1))
                                          .arg(column())
                                          .arg(name));
            }
            term->field = *field;
            return readFieldValue(term, name);
        }

        m_position = nameStart;
        const qsizetype wordStart = m_position;
        while (!atEnd() && !peek().isSpace())
            ++m_position;
        term->field = Field::Text;
        term->value = m_text.mid(wordStart, m_position - wordStart);
        return true;
    }

    bool readQuoted(QString *value)
    {
        const int quoteColumn = column();
        ++m_position;
        while (!atEnd()) {
            const QChar c = peek();
            ++m_position;
            if (c == QLatin1Char('"'))
                return true;
            if (c == QLatin1Char('\\') && (peek() == QLatin1Char('"') || peek() == QLatin1Char('\\'))) {
                value->append(peek());
                ++m_position;
                continue;
            }
            value->append(c);
        }
        return fail(quoteColumn, tr("missing closing quote for the quote at column %1").arg(quoteColumn));
    }

    std::optional<Comparison> readOperator()
    {
        const struct {
            const char *text;
            Comparison comparison;
        } operators[] = {
            {">=", Comparison::GreaterOrEqual}, {"<=", Comparison::LessOrEqual}, {">", Comparison::Greater},
            {"<", Comparison::Less},            {"=", Comparison::Equal},
        };
        for (const auto &entry : operators) {
            const QLatin1String text(entry.text);
            if (QStringView(m_text).mid(m_position).startsWith(text)) {
                m_position += text.size();
                return entry.comparison;
            }
        }
        return std::nullopt;
    }

    bool readFieldValue(FilterTerm *term, const QString &prefix)
    {
        const std::optional<Comparison> comparison = readOperator();
        const int valueColumn = column();
        QString value;
        bool quoted = false;
        if (peek() == QLatin1Char('"')) {
            if (!readQuoted(&value))
                return false;
            quoted = true;
        } else {
            const qsizetype start = m_position;
            while (!atEnd() && !peek().isSpace())
                ++m_position;
            value = m_text.mid(start, m_position - start);
        }
        if (value.isEmpty() && !quoted)
            return fail(valueColumn, tr("missing value after '%1' at column %2").arg(prefix).arg(valueColumn));

        switch (term->field) {
        case Field::Status:
            return readStatus(term, value, comparison, valueColumn);
        case Field::Latency:
            return readLatency(term, value, comparison, valueColumn);
        case Field::After:
        case Field::Before:
        case Field::Since:
            if (comparison)
                return fail(valueColumn, tr("'%1' takes no comparison (column %2)").arg(prefix).arg(valueColumn));
            return readTime(term, value, valueColumn);
        default:
            break;
        }

        if (comparison && *comparison != Comparison::Equal)
            return fail(valueColumn, tr("'%1' takes no comparison (column %2)").arg(prefix).arg(valueColumn));
        term->value = value;
        if (!quoted && value.endsWith(QLatin1Char('*'))) {
            term->comparison = Comparison::Prefix;
            term->value.chop(1);
        }

        if (term->field == Field::Decision) {
            const QString lower = value.toLower();
            if (lower != QLatin1String("allow") && lower != QLatin1String("deny") && lower != QLatin1String("rejected")) {
                return fail(valueColumn, tr("invalid decision '%1' at column %2; use allow, deny or rejected")
                                             .arg(value)
                                             .arg(valueColumn));
            }
            term->value = lower;
            term->comparison = Comparison::Equal;
        }
        if ((term->field == Field::Method || term->field == Field::Scheme) && term->comparison == Comparison::Prefix) {
            return fail(valueColumn,
                        tr("'%1' takes an exact value, not a prefix (column %2)").arg(prefix).arg(valueColumn));
        }
        return true;
    }

    bool readStatus(FilterTerm *term, const QString &value, std::optional<Comparison> comparison, int valueColumn)
    {
        static const QRegularExpression number(QStringLiteral("^\\d{1,3}$"));
        static const QRegularExpression statusClass(QStringLiteral("^([1-5])xx$"),
                                                    QRegularExpression::CaseInsensitiveOption);
        static const QRegularExpression range(QStringLiteral("^(\\d{1,3})-(\\d{1,3})$"));
        const auto invalid = [&] {
            return fail(valueColumn, tr("invalid status '%1' at column %2; use a number such as 404, a class "
                                        "such as 4xx, a range such as 400-499 or a comparison such as >=500")
                                         .arg(value)
                                         .arg(valueColumn));
        };

        if (comparison) {
            if (!number.match(value).hasMatch())
                return invalid();
            term->comparison = *comparison;
            term->low = value.toLongLong();
            return true;
        }
        if (number.match(value).hasMatch()) {
            term->comparison = Comparison::Equal;
            term->low = value.toLongLong();
            return true;
        }
        if (const auto match = statusClass.match(value); match.hasMatch()) {
            term->comparison = Comparison::Range;
            term->low = match.captured(1).toLongLong() * 100;
            term->high = term->low + 99;
            return true;
        }
        if (const auto match = range.match(value); match.hasMatch()) {
            term->comparison = Comparison::Range;
            term->low = match.captured(1).toLongLong();
            term->high = match.captured(2).toLongLong();
            if (term->low > term->high) {
                return fail(valueColumn,
                            tr("invalid status range '%1' at column %2; the first number must not be larger")
                                .arg(value)
                                .arg(valueColumn));
            }
            return true;
        }
        return invalid();
    }

    bool readLatency(FilterTerm *term, const QString &value, std::optional<Comparison> comparison, int valueColumn)
    {
        const auto invalid = [&] {
            return fail(valueColumn, tr("invalid latency '%1' at column %2; use a number with a unit such as "
                                        "250ms or 2s (us, ms, s, m), after > or <, or a range such as 100ms-1s")
                                         .arg(value)
                                         .arg(valueColumn));
        };
        if (comparison) {
            const auto micros = parseDuration(value, "ms");
            if (!micros)
                return invalid();
            term->comparison = *comparison;
            term->low = *micros;
            return true;
        }
        const qsizetype dash = value.indexOf(QLatin1Char('-'));
        if (dash <= 0)
            return invalid();
        const auto low = parseDuration(value.left(dash), "ms");
        const auto high = parseDuration(value.mid(dash + 1), "ms");
        if (!low || !high || *low > *high)
            return invalid();
        term->comparison = Comparison::Range;
        term->low = *low;
        term->high = *high;
        return true;
    }

    bool readTime(FilterTerm *term, const QString &value, int valueColumn)
    {
        if (term->field == Field::Since) {
            const auto micros = parseDuration(value, nullptr);
            if (!micros) {
                return fail(valueColumn, tr("invalid duration '%1' at column %2; use a number with a unit such as "
                                            "30s, 15m, 2h or 1d")
                                             .arg(value)
                                             .arg(valueColumn));
            }
            term->comparison = Comparison::GreaterOrEqual;
            term->low = *micros / 1000;
            return true;
        }
        const auto milliseconds = parseDateTime(value);
        if (!milliseconds) {
            return fail(valueColumn, tr("invalid date '%1' at column %2; use a local date and time such as "
                                        "2026-12-04T10:00, a date such as 2026-12-04 or a time such as 10:00")
                                         .arg(value)
                                         .arg(valueColumn));
        }
        term->comparison = term->field == Field::After ? Comparison::GreaterOrEqual : Comparison::Less;
        term->low = *milliseconds;
        return true;
    }

    const QString m_text;
    qsizetype m_position = 0;
    FilterError m_error;
};

FilterParseResult ExchangeFilter::parse(const QString &text)
{
    return FilterParser(text).run();
}

QStringList ExchangeFilter::fieldNames()
{
    QStringList names;
    for (int i = 0; i < CanonicalFieldCount; ++i)
        names.append(QLatin1String(FieldNames[i].name));
    return names;
}

ExchangeFilter::SqlWhere ExchangeFilter::toSql(const QDateTime &now, bool fullTextIndex) const
{
    SqlBuilder builder;
    QStringList conditions;
    for (const FilterTerm &term : m_terms) {
        QString condition;
        switch (term.field) {
        case Field::Text: {
            const QList<QByteArray> needles = textNeedles(term.value);
            QStringList queries;
            for (const QByteArray &needle : needles) {
                const QString query = fullTextIndex ? trigramQuery(needle) : QString();
                if (query.isEmpty()) {
                    // A needle too short for trigrams needs the scan alone.
                    queries.clear();
                    break;
                }
                queries.append(QLatin1Char('(') + query + QLatin1Char(')'));
            }
            const QString query = queries.join(QStringLiteral(" OR "));
            if (!query.isEmpty())
                builder.bindings.append(query);
            QStringList scans;
            for (const char *column : ExchangeSchema::TextColumns) {
                for (const QByteArray &needle : needles) {
                    scans.append(QStringLiteral("instr(lower(CAST(%1 AS TEXT)), ?) > 0").arg(QLatin1String(column)));
                    builder.bindings.append(QString::fromUtf8(needle));
                }
            }
            condition = QLatin1Char('(') + scans.join(QStringLiteral(" OR ")) + QLatin1Char(')');
            if (!query.isEmpty()) {
                condition = QStringLiteral("(id IN (SELECT rowid FROM exchange_text WHERE exchange_text MATCH ?) AND %1)")
                                .arg(condition);
            }
            break;
        }
        case Field::Asset: {
            const QString main = builder.textCondition(QStringLiteral("asset"), term);
            const QString extra = builder.textCondition(QStringLiteral("asset"), term);
            condition = QStringLiteral("(%1 OR id IN (SELECT exchange_id FROM exchange_assets WHERE %2))").arg(main, extra);
            break;
        }
        case Field::User:
            condition = builder.textCondition(QStringLiteral("user"), term);
            break;
        case Field::Session:
            condition = builder.textCondition(QStringLiteral("session"), term);
            break;
        case Field::Status:
            condition = builder.numberCondition(QStringLiteral("status"), term, term.low);
            break;
        case Field::Decision:
            builder.bindings.append(term.value);
            condition = QStringLiteral("decision = ?");
            break;
        case Field::Scheme:
            builder.bindings << boundText(QString::fromUtf8(folded(term.value)))
                             << boundText(QString::fromUtf8(folded(term.value)));
            condition = QStringLiteral("(lower(drm_scheme) = ? OR lower(drm_scheme_text) = ?)");
            break;
        case Field::Ip: {
            FilterTerm mapped = term;
            mapped.value = QStringLiteral("::ffff:") + term.value;
            const QString peer = builder.textCondition(QStringLiteral("peer_address"), term);
            const QString peerMapped = builder.textCondition(QStringLiteral("peer_address"), mapped);
            const QString remote = builder.textCondition(QStringLiteral("remote_addr"), term);
            condition = QStringLiteral("(%1 OR %2 OR %3)").arg(peer, peerMapped, remote);
            break;
        }
        case Field::Method:
            builder.bindings.append(boundText(term.value));
            condition = QStringLiteral("method = ? COLLATE NOCASE");
            break;
        case Field::Rule: {
            const QString whole = builder.textCondition(QStringLiteral("decided_by"), term);
            const QString name =
                builder.textCondition(QStringLiteral("substr(decided_by, instr(decided_by, ':') + 1)"), term);
            condition = QStringLiteral("(%1 OR %2)").arg(whole, name);
            break;
        }
        case Field::Latency:
            condition = builder.numberCondition(QStringLiteral("latency_us"), term, term.low);
            break;
        case Field::After:
        case Field::Before:
            condition = builder.numberCondition(QStringLiteral("received_at"), term, term.low);
            break;
        case Field::Since:
            condition = builder.numberCondition(QStringLiteral("received_at"), term,
                                                now.toMSecsSinceEpoch() - term.low);
            break;
        }
        conditions.append(term.negated ? QStringLiteral("NOT %1").arg(condition) : condition);
    }

    SqlWhere where;
    where.sql = conditions.isEmpty() ? QStringLiteral("1") : conditions.join(QStringLiteral(" AND "));
    where.bindings = builder.bindings;
    return where;
}

namespace {

bool matchesTerm(const FilterTerm &term, const Exchange &exchange, const QDateTime &now)
{
    const CallbackFields &callback = exchange.callback;
    switch (term.field) {
    case Field::Text: {
        const QList<QByteArray> needles = textNeedles(term.value);
        const QByteArray parts[] = {
            exchange.request.target,
            ExchangeSchema::encodeHeaders(exchange.request.headers),
            exchange.request.body,
            ExchangeSchema::encodeHeaders(exchange.response.headers),
            exchange.response.body,
        };
        for (const QByteArray &part : parts) {
            const QByteArray foldedPart = ExchangeSchema::foldAscii(part);
            for (const QByteArray &needle : needles) {
                if (foldedPart.contains(needle))
                    return true;
            }
        }
        return false;
    }
    case Field::Asset: {
        if (compareText(callback.asset, term))
            return true;
        if (callback.assets.size() > 1) {
            for (const QString &asset : callback.assets) {
                if (compareText(asset, term))
                    return true;
            }
        }
        return false;
    }
    case Field::User:
        return compareText(callback.user, term);
    case Field::Session:
        return compareText(callback.session, term);
    case Field::Status:
        return compareNumber(exchange.response.status, term);
    case Field::Decision:
        return decisionName(exchange.decision) == term.value;
    case Field::Scheme:
        return equalsIgnoringAsciiCase(ExchangeNames::schemeKey(callback.drmScheme), term.value)
            || equalsIgnoringAsciiCase(callback.drmSchemeText, term.value);
    case Field::Ip: {
        FilterTerm mapped = term;
        mapped.value = QStringLiteral("::ffff:") + term.value;
        return compareText(exchange.request.peerAddress, term) || compareText(exchange.request.peerAddress, mapped)
            || compareText(callback.remoteAddr, term);
    }
    case Field::Method:
        return equalsIgnoringAsciiCase(QString::fromLatin1(exchange.request.method), term.value);
    case Field::Rule:
        return compareText(exchange.decidedBy, term) || compareText(afterFirstColon(exchange.decidedBy), term);
    case Field::Latency:
        return compareNumber(exchange.latencyMicros, term);
    case Field::After:
    case Field::Before: {
        const qint64 receivedAt = exchange.request.receivedAt.isValid()
            ? exchange.request.receivedAt.toMSecsSinceEpoch() : 0;
        return compareNumber(receivedAt, term);
    }
    case Field::Since: {
        FilterTerm absolute = term;
        absolute.low = now.toMSecsSinceEpoch() - term.low;
        const qint64 receivedAt = exchange.request.receivedAt.isValid()
            ? exchange.request.receivedAt.toMSecsSinceEpoch() : 0;
        return compareNumber(receivedAt, absolute);
    }
    }
    return false;
}

} // namespace

bool ExchangeFilter::matches(const Exchange &exchange, const QDateTime &now) const
{
    for (const FilterTerm &term : m_terms) {
        if (matchesTerm(term, exchange, now) == term.negated)
            return false;
    }
    return true;
}

QString ExchangeFilter::syntaxHelp()
{
    return tr("All terms must match.\n"
              "asset:ID  user:ID  session:ID  rule:NAME  exact value; end with * for a prefix, as in user:test-*\n"
              "ip:ADDRESS  the license server's or the viewer's address; ip:203.0.113.* for a prefix\n"
              "status:404  status:4xx  status:400-499  status>=500\n"
              "decision:allow, deny or rejected   scheme:widevine, fairplay, playready or none   method:post\n"
              "latency>100ms  latency<2s  latency:100ms-1s   units us, ms, s, m\n"
              "after:2026-12-04T10:00  before:2026-12-05  since:15m   local time; units s, m, h, d\n"
              "-term  excludes what the term matches\n"
              "\"quoted text\"  a value with spaces, as in user:\"a b\"\n"
              "Other words are searched in the request target, the headers and the bodies, ignoring case.");
}
