// The filter language: what each term parses to, the errors people get, and
// that the SQL the log runs selects exactly the exchanges the in-memory match
// accepts, with and without the full-text index.
#include "exchangefilter.h"
#include "exchangesamples.h"
#include "exchangestore.h"
#include "exchangestorereader.h"

#include <QTemporaryDir>
#include <QtTest>

class TestExchangeFilter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void valuesAreBoundNotSpliced();
    void sqlAgreesWithMemory_data();
    void sqlAgreesWithMemory();
    void syntaxHelpNamesEveryField();

private:
    QTemporaryDir m_dir;
    QList<StoredExchange> m_stored;  // as read back from the log
    QString m_indexedLog;
    QString m_plainLog;
};

namespace {

const QDateTime Now(QDate(2026, 12, 4), QTime(12, 0), Qt::UTC);

QString describe(const FilterTerm &term)
{
    static const char *const fields[] = {"text", "asset", "user", "session", "status", "decision", "scheme",
                                         "ip", "method", "rule", "latency", "after", "before", "since"};
    static const char *const comparisons[] = {"=", "prefix", "range", "<", "<=", ">", ">="};
    QString text = QStringLiteral("%1%2 %3").arg(term.negated ? "-" : "", fields[int(term.field)],
                                                 comparisons[int(term.comparison)]);
    switch (term.field) {
    case FilterTerm::Field::Status:
    case FilterTerm::Field::Latency:
    case FilterTerm::Field::After:
    case FilterTerm::Field::Before:
    case FilterTerm::Field::Since:
        text += QStringLiteral(" %1").arg(term.low);
        if (term.comparison == FilterTerm::Comparison::Range)
            text += QStringLiteral("..%1").arg(term.high);
        return text;
    default:
        return text + QStringLiteral(" [%1]").arg(term.value);
    }
}

// Extra exchanges for cases the numbered ones lack.
QList<Exchange> specialExchanges()
{
    Exchange binary = Samples::numberedExchange(500);
    binary.request.body = Samples::allBytes() + "needle-in-binary";
    binary.callback.user.clear();

    Exchange accented = Samples::numberedExchange(501);
    accented.request.body = "{\"note\":\"Café crème\",\"user\":\"zoë\"}";
    accented.callback.user = QStringLiteral("zoë");
    accented.callback.drmSchemeText.clear();
    accented.callback.drmScheme = DrmScheme::None;

    Exchange quoted = Samples::numberedExchange(502);
    quoted.request.headers.append(qMakePair(QByteArray("X-Note"), QByteArray("say \"hi\" 100%")));
    quoted.decidedBy = QStringLiteral("rule:Slow asset");

    Exchange form = Samples::numberedExchange(503);
    form.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    form.request.body = "user=tr%E1%BA%A7n&ua=Safari%2F17&note=a+b+c";
    Exchange escaped = Samples::numberedExchange(504);
    escaped.request.body = R"({"user":"V\u0103n \u00C1nh"})";

    return {Samples::fullExchange(), binary, accented, quoted, form, escaped};
}

qint64 localMs(int year, int month, int day, int hour, int minute)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute)).toMSecsSinceEpoch();
}

} // namespace

void TestExchangeFilter::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QList<Exchange> exchanges;
    for (int n = 0; n < 240; ++n)
        exchanges.append(Samples::numberedExchange(n));
    exchanges += specialExchanges();

    m_indexedLog = m_dir.filePath("indexed.sqlite");
    m_plainLog = m_dir.filePath("plain.sqlite");
    for (const QString &file : {m_indexedLog, m_plainLog}) {
        ExchangeStore::Options options;
        options.fullTextIndex = file == m_indexedLog;
        ExchangeStore store;
        QVERIFY(store.open(file, options).ok());
        QCOMPARE(store.hasFullTextIndex(), options.fullTextIndex);
        store.append(exchanges);
        QVERIFY(store.flush().ok());
    }

    ExchangeStoreReader reader;
    QVERIFY(reader.open(m_indexedLog).ok());
    const auto all = reader.loadAfter(ExchangeFilter(), 0, 10000);
    QVERIFY(all.ok());
    m_stored = *all;
    QCOMPARE(m_stored.size(), exchanges.size());
}

void TestExchangeFilter::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("empty") << "" << QStringList();
    QTest::addRow("blank") << "   \t " << QStringList();
    QTest::addRow("user") << "user:alice" << QStringList{"user = [alice]"};
    QTest::addRow("field name ignores case") << "USER:alice" << QStringList{"user = [alice]"};
    QTest::addRow("prefix") << "user:test-*" << QStringList{"user prefix [test-]"};
    QTest::addRow("quoted value") << "user:\"a b\"" << QStringList{"user = [a b]"};
    QTest::addRow("quoted star is literal") << "user:\"x*\"" << QStringList{"user = [x*]"};
    QTest::addRow("empty quoted value") << "session:\"\"" << QStringList{"session = []"};
    QTest::addRow("assets alias") << "assets:movie" << QStringList{"asset = [movie]"};
    QTest::addRow("status number") << "status:404" << QStringList{"status = 404"};
    QTest::addRow("status class") << "status:4xx" << QStringList{"status range 400..499"};
    QTest::addRow("status class upper case") << "status:5XX" << QStringList{"status range 500..599"};
    QTest::addRow("status range") << "status:400-499" << QStringList{"status range 400..499"};
    QTest::addRow("status comparison after colon") << "status:>=500" << QStringList{"status >= 500"};
    QTest::addRow("status comparison") << "status<300" << QStringList{"status < 300"};
    QTest::addRow("decision lower-cased") << "decision:DENY" << QStringList{"decision = [deny]"};
    QTest::addRow("scheme") << "scheme:widevine" << QStringList{"scheme = [widevine]"};
    QTest::addRow("ip prefix") << "ip:10.0.*" << QStringList{"ip prefix [10.0.]"};
    QTest::addRow("method") << "method:post" << QStringList{"method = [post]"};
    QTest::addRow("rule with colon") << "rule:asset:movie-1" << QStringList{"rule = [asset:movie-1]"};
    QTest::addRow("latency ms") << "latency>100ms" << QStringList{"latency > 100000"};
    QTest::addRow("latency seconds") << "latency<2s" << QStringList{"latency < 2000000"};
    QTest::addRow("latency fraction") << "latency>=1.5s" << QStringList{"latency >= 1500000"};
    QTest::addRow("latency default unit ms") << "latency>250" << QStringList{"latency > 250000"};
    QTest::addRow("latency microseconds") << "latency<=500us" << QStringList{"latency <= 500"};
    QTest::addRow("latency after colon") << "latency:>1m" << QStringList{"latency > 60000000"};
    QTest::addRow("latency range") << "latency:100ms-1s" << QStringList{"latency range 100000..1000000"};
    QTest::addRow("after local time")
        << "after:2026-12-04T10:00" << QStringList{QStringLiteral("after >= %1").arg(localMs(2026, 12, 4, 10, 0))};
    QTest::addRow("before date") << "before:2026-12-05"
                                 << QStringList{QStringLiteral("before < %1").arg(localMs(2026, 12, 5, 0, 0))};
    QTest::addRow("after UTC") << "after:2026-12-04T10:00Z"
                               << QStringList{QStringLiteral("after >= %1").arg(
                                      QDateTime(QDate(2026, 12, 4), QTime(10, 0), Qt::UTC).toMSecsSinceEpoch())};
    QTest::addRow("after quoted with space")
        << "after:\"2026-12-04 10:00\"" << QStringList{QStringLiteral("after >= %1").arg(localMs(2026, 12, 4, 10, 0))};
    QTest::addRow("since minutes") << "since:15m" << QStringList{"since >= 900000"};
    QTest::addRow("since days") << "since:2d" << QStringList{"since >= 172800000"};
    QTest::addRow("negated field") << "-user:bob" << QStringList{"-user = [bob]"};
    QTest::addRow("negated quoted text") << "-\"two words\"" << QStringList{"-text = [two words]"};
    QTest::addRow("two words") << "hello world" << QStringList{"text = [hello]", "text = [world]"};
    QTest::addRow("quoted words") << "\"hello world\"" << QStringList{"text = [hello world]"};
    QTest::addRow("escaped quote") << "\"say \\\"hi\\\"\"" << QStringList{"text = [say \"hi\"]"};
    QTest::addRow("quote inside word") << "a\"b" << QStringList{"text = [a\"b]"};
    QTest::addRow("time-like text") << "10:00" << QStringList{"text = [10:00]"};
    QTest::addRow("word with dash") << "user-1:x" << QStringList{"text = [user-1:x]"};
    QTest::addRow("combined")
        << "user:alice status:4xx -decision:deny widevine"
        << QStringList{"user = [alice]", "status range 400..499", "-decision = [deny]", "text = [widevine]"};
}

void TestExchangeFilter::parse()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    const FilterParseResult result = ExchangeFilter::parse(text);
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    QStringList actual;
    for (const FilterTerm &term : result.filter().terms())
        actual.append(describe(term));
    QCOMPARE(actual, expected);
    QCOMPARE(result.filter().isEmpty(), expected.isEmpty());
}

void TestExchangeFilter::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::addRow("misspelled field") << "usr:bob" << 1 << "unknown field 'usr' at column 1; did you mean 'user'?";
    QTest::addRow("misspelled later field") << "status:200 sesion:x" << 12
                                            << "unknown field 'sesion' at column 12; did you mean 'session'?";
    QTest::addRow("field prefix suggests") << "lat:5" << 1 << "unknown field 'lat' at column 1; did you mean 'latency'?";
    QTest::addRow("url needs quotes") << "http://x" << 1
                                      << "unknown field 'http' at column 1; to search for text with a colon, put it in quotes";
    QTest::addRow("status word") << "status:abc" << 8 << "invalid status 'abc' at column 8";
    QTest::addRow("status range reversed") << "status:500-400" << 8 << "invalid status range '500-400' at column 8";
    QTest::addRow("status comparison word") << "status>=high" << 9 << "invalid status 'high' at column 9";
    QTest::addRow("decision") << "decision:maybe" << 10 << "invalid decision 'maybe' at column 10; use allow, deny or rejected";
    QTest::addRow("latency word") << "latency>fast" << 9 << "invalid latency 'fast' at column 9";
    QTest::addRow("latency without comparison") << "latency:100ms" << 9 << "invalid latency '100ms' at column 9";
    QTest::addRow("latency unknown unit") << "latency>5parsecs" << 9 << "invalid latency '5parsecs' at column 9";
    QTest::addRow("since without unit") << "since:15" << 7 << "invalid duration '15' at column 7";
    QTest::addRow("after word") << "after:yesterday" << 7 << "invalid date 'yesterday' at column 7";
    QTest::addRow("after comparison") << "after:>2026-01-01" << 8 << "'after:' takes no comparison (column 8)";
    QTest::addRow("unterminated quote") << "user:\"abc" << 6 << "missing closing quote for the quote at column 6";
    QTest::addRow("unterminated free quote") << "ok \"abc" << 4 << "missing closing quote for the quote at column 4";
    QTest::addRow("missing value") << "user:" << 6 << "missing value after 'user:' at column 6";
    QTest::addRow("missing value mid-text") << "user: alice" << 6 << "missing value after 'user:' at column 6";
    QTest::addRow("lone dash") << "a - b" << 3 << "nothing follows '-' at column 3";
    QTest::addRow("trailing dash") << "a -" << 3 << "nothing follows '-' at column 3";
    QTest::addRow("empty quotes") << "\"\"" << 1 << "empty quotes at column 1";
    QTest::addRow("comparison on text field") << "user>3" << 5 << "'user>' at column 5 takes no comparison; write user:VALUE";
    QTest::addRow("prefix on method") << "method:PO*" << 8 << "'method:' takes an exact value, not a prefix (column 8)";
    QTest::addRow("comparison after colon on user") << "user:>x" << 7 << "'user:' takes no comparison (column 7)";
}

void TestExchangeFilter::errors()
{
    QFETCH(QString, text);
    QFETCH(int, column);
    QFETCH(QString, message);
    const FilterParseResult result = ExchangeFilter::parse(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().column, column);
    QVERIFY2(result.error().message.startsWith(message), qPrintable(result.error().message));
}

void TestExchangeFilter::valuesAreBoundNotSpliced()
{
    const QString hostile = "x' OR 1=1 --";
    const FilterParseResult result = ExchangeFilter::parse("user:\"" + hostile + "\" \"" + hostile + "\"");
    QVERIFY(result.ok());
    for (bool fullText : {true, false}) {
        const ExchangeFilter::SqlWhere where = result.filter().toSql(Now, fullText);
        QVERIFY2(!where.sql.contains("OR 1=1"), qPrintable(where.sql));
        QVERIFY(where.bindings.contains(hostile));
        QCOMPARE(where.sql.count('?'), where.bindings.size());
    }

    ExchangeStoreReader reader;
    QVERIFY(reader.open(m_indexedLog).ok());
    QCOMPARE(*reader.count(result.filter(), Now), 0);
}

void TestExchangeFilter::sqlAgreesWithMemory_data()
{
    QTest::addColumn<QString>("text");
    // Most filters must match some exchanges but not all, or the comparison proves little.
    QTest::addColumn<bool>("someButNotAll");

    const QString base = QDateTime(QDate(2026, 12, 4), QTime(9, 0), Qt::UTC).toLocalTime().toString("yyyy-MM-ddTHH:mm");
    const QString later = QDateTime(QDate(2026, 12, 4), QTime(10, 30), Qt::UTC).toLocalTime().toString("yyyy-MM-ddTHH:mm");
    QTest::addRow("everything") << "" << false;
    QTest::addRow("user") << "user:user-3" << true;
    QTest::addRow("user prefix") << "user:user-1*" << true;
    QTest::addRow("user any") << "user:*" << true;
    QTest::addRow("user empty") << "user:\"\"" << true;
    QTest::addRow("not user") << "-user:user-3" << true;
    QTest::addRow("non-ASCII user") << "user:zoë" << true;
    QTest::addRow("asset first") << "asset:asset-2" << true;
    QTest::addRow("asset listed second") << "asset:bonus-1" << true;
    QTest::addRow("asset prefix reaches listed") << "asset:bon*" << true;
    QTest::addRow("asset trailer of full") << "asset:trailer-2" << true;
    QTest::addRow("session exact") << "session:session-17" << true;
    QTest::addRow("status class") << "status:4xx" << true;
    QTest::addRow("status comparison") << "status:>=400" << true;
    QTest::addRow("status equal") << "status:200" << true;
    QTest::addRow("status range") << "status:401-403" << true;
    QTest::addRow("decision") << "decision:deny" << true;
    QTest::addRow("not allowed") << "-decision:allow" << true;
    QTest::addRow("scheme kind") << "scheme:widevine" << true;
    QTest::addRow("scheme text") << "scheme:WIDE_VINE" << true;
    QTest::addRow("scheme other case") << "scheme:FAIRPLAY" << true;
    QTest::addRow("scheme none") << "scheme:none" << true;
    QTest::addRow("ip mapped peer") << "ip:10.1.2.3" << true;
    QTest::addRow("ip remote") << "ip:203.0.113.5" << true;
    QTest::addRow("ip prefix") << "ip:203.0.113.1*" << true;
    QTest::addRow("ip prefix mapped") << "ip:198.51.*" << true;
    QTest::addRow("method") << "method:get" << true;
    QTest::addRow("rule after colon") << "rule:asset-0" << true;
    QTest::addRow("rule whole") << "rule:default" << true;
    QTest::addRow("rule prefix") << "rule:asset:*" << true;
    QTest::addRow("rule with space") << "rule:\"Slow asset\"" << true;
    QTest::addRow("latency above") << "latency>100ms" << true;
    QTest::addRow("latency at most") << "latency<=50.3ms" << true;
    QTest::addRow("latency range") << "latency:100ms-200ms" << true;
    QTest::addRow("after") << "after:" + later << true;
    QTest::addRow("before") << "before:" + later << true;
    QTest::addRow("after base") << "after:" + base << false;
    QTest::addRow("since") << "since:2h" << true;
    QTest::addRow("text ignores case") << "item1" << true;
    QTest::addRow("text upper") << "ITEM12" << true;
    QTest::addRow("text in header") << "\"Content-Type: application/json\"" << false;
    QTest::addRow("text in header value") << "first" << true;
    QTest::addRow("text short") << "no" << true;
    QTest::addRow("text in target") << "n=7" << true;
    QTest::addRow("text non-ASCII") << "crème" << true;
    QTest::addRow("text non-ASCII other case") << "CAFÉ" << false;
    QTest::addRow("text after binary") << "needle-in-binary" << true;
    QTest::addRow("text with quotes and percent") << "\"say \\\"hi\\\" 100%\"" << true;
    QTest::addRow("text percent-encoded in a form") << "trần" << true;
    QTest::addRow("text with an encoded slash") << "Safari/17" << true;
    QTest::addRow("text with spaces as plus") << "\"a b c\"" << true;
    QTest::addRow("text JSON-escaped") << "\"văn Ánh\"" << true;
    QTest::addRow("text absent") << "nothing-like-this" << false;
    QTest::addRow("text negated") << "-item1" << true;
    QTest::addRow("combined") << "user:user-3 -decision:allow item" << true;
    QTest::addRow("combined text and status") << "status:4xx \"message\"" << true;
}

void TestExchangeFilter::sqlAgreesWithMemory()
{
    QFETCH(QString, text);
    QFETCH(bool, someButNotAll);
    const FilterParseResult parsed = ExchangeFilter::parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message));
    const ExchangeFilter &filter = parsed.filter();

    QList<qint64> expected;
    for (const StoredExchange &stored : std::as_const(m_stored)) {
        if (filter.matches(stored, Now))
            expected.append(stored.logId);
    }
    if (someButNotAll) {
        QVERIFY2(!expected.isEmpty(), "the filter matches nothing in memory");
        QVERIFY2(expected.size() < m_stored.size(), "the filter matches everything in memory");
    }

    for (const QString &file : {m_indexedLog, m_plainLog}) {
        ExchangeStoreReader reader;
        QVERIFY(reader.open(file).ok());
        const auto ids = reader.ids(filter, {ExchangeSort::Key::Time, Qt::AscendingOrder}, 0, 100000, Now);
        QVERIFY2(ids.ok(), qPrintable(ids.error().toString()));
        QList<qint64> actual = *ids;
        std::sort(actual.begin(), actual.end());
        QCOMPARE(actual, expected);
        QCOMPARE(*reader.count(filter, Now), expected.size());
    }
}

void TestExchangeFilter::syntaxHelpNamesEveryField()
{
    const QString help = ExchangeFilter::syntaxHelp();
    for (const QString &field : ExchangeFilter::fieldNames())
        QVERIFY2(help.contains(field + ':') || help.contains(field + '>'), qPrintable(field));
}

QTEST_GUILESS_MAIN(TestExchangeFilter)
#include "tst_exchangefilter.moc"
