// `callbacklab import` as a user runs it: usage errors, HAR and JSON Lines
// files read into a real request log, malformed entries reported by position,
// unreadable files and a log that another process holds.
#include "exchangefilter.h"
#include "clirun.h"
#include "exchangesamples.h"
#include "exchangestore.h"
#include "exchangestorereader.h"
#include "harformat.h"
#include "jsonlinesformat.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestImportCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void importsHarAndJsonLines();
    void reportsMalformedEntries();
    void reportsEmptyFile();
    void skipsUnreadableFile();
    void rejectsLockedLog();
    void importsMoreThanOneSlice();

private:
    static CliRun run(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &content);
    qint64 countIn(const QString &log, const QString &filter = QString());

    QTemporaryDir m_dir;
    QString m_har;
    QString m_jsonLines;
};

CliRun TestImportCommand::run(const QStringList &arguments)
{
    return runCallbackLab(QStringList{"import"} + arguments);
}

QString TestImportCommand::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return QString();
    return path;
}

qint64 TestImportCommand::countIn(const QString &log, const QString &filter)
{
    ExchangeStoreReader reader;
    if (!reader.open(log).ok())
        return -1;
    const FilterParseResult parsed = ExchangeFilter::parse(filter);
    if (!parsed)
        return -2;
    const auto counted = reader.count(parsed.filter());
    return counted ? counted.value() : -3;
}

void TestImportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());

    QList<StoredExchange> exchanges;
    for (int n = 0; n < 20; ++n)
        exchanges.append(StoredExchange::fromExchange(Samples::numberedExchange(n)));
    exchanges.append(StoredExchange::fromExchange(Samples::fullExchange()));

    QFile har(m_dir.filePath("capture.har"));
    QVERIFY(har.open(QIODevice::WriteOnly));
    HarFormat::Writer writer(&har);
    QVERIFY(writer.begin());
    for (const StoredExchange &stored : std::as_const(exchanges))
        QVERIFY(writer.write(stored));
    QVERIFY(writer.finish());
    har.close();
    m_har = har.fileName();

    QByteArray lines;
    for (const StoredExchange &stored : std::as_const(exchanges))
        lines += JsonLinesFormat::toLine(stored);
    m_jsonLines = writeFile("capture.jsonl", lines);
    QVERIFY(!m_jsonLines.isEmpty());
}

void TestImportCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no file") << QStringList{"--log-db", "x.sqlite"} << "missing FILE to import";
    QTest::addRow("empty log name") << QStringList{"--log-db", "", "a.har"} << "missing FILE after --log-db";
    QTest::addRow("unknown option") << QStringList{"--colour", "a.har"} << "Unknown option 'colour'";
}

void TestImportCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QVERIFY(result.err.contains("callbacklab import --help"));
    QVERIFY(result.out.isEmpty());
}

void TestImportCommand::importsHarAndJsonLines()
{
    const QString log = m_dir.filePath("both.sqlite");
    const CliRun result = run({"--log-db", log, m_har, m_jsonLines});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QVERIFY2(result.err.isEmpty(), result.err.constData());
    const QByteArray expected = QStringLiteral("Added 21 exchange(s) from %1\nAdded 21 exchange(s) from %2\n"
                                               "Added 42 exchange(s) to %3\n")
                                    .arg(m_har, m_jsonLines, log)
                                    .toUtf8();
    QCOMPARE(result.out, expected);

    QCOMPARE(countIn(log), 42);
    QCOMPARE(countIn(log, "user:user-7"), 4);  // n = 7 and 17 in each file
    QCOMPARE(countIn(log, "session:session-13"), 2);

    ExchangeStoreReader reader;
    QVERIFY(reader.open(log).ok());
    const auto last = reader.load(42);
    QVERIFY(last.ok());
    QVERIFY(last->captured);
    COMPARE_EXCHANGES(last->exchange, Samples::fullExchange());
}

void TestImportCommand::reportsMalformedEntries()
{
    QByteArray lines = JsonLinesFormat::toLine(StoredExchange::fromExchange(Samples::numberedExchange(1)));
    lines += "{\"request\": \n";
    lines += JsonLinesFormat::toLine(StoredExchange::fromExchange(Samples::numberedExchange(3)));
    const QString file = writeFile("broken.jsonl", lines);
    const QString log = m_dir.filePath("broken.sqlite");

    const CliRun result = run({"--log-db", log, file});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("%1: line 2 (exchange 2)").arg(file).toUtf8()), result.err.constData());
    QCOMPARE(result.out, QStringLiteral("Added 2 exchange(s) from %1\n").arg(file).toUtf8());
    QCOMPARE(countIn(log), 2);
}

void TestImportCommand::reportsEmptyFile()
{
    const QString file = writeFile("empty.har", QByteArray());
    const CliRun result = run({"--log-db", m_dir.filePath("empty.sqlite"), file});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("%1: no exchanges found").arg(file).toUtf8()), result.err.constData());
}

void TestImportCommand::skipsUnreadableFile()
{
    const QString missing = m_dir.filePath("missing.har");
    const QString log = m_dir.filePath("partial.sqlite");
    const CliRun result = run({"--log-db", log, missing, m_jsonLines});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("Cannot read %1").arg(missing).toUtf8()), result.err.constData());
    QVERIFY2(result.out.contains(QStringLiteral("Added 21 exchange(s) from %1\n").arg(m_jsonLines).toUtf8()),
             result.out.constData());
    QCOMPARE(countIn(log), 21);
}

void TestImportCommand::rejectsLockedLog()
{
    const QString log = m_dir.filePath("held.sqlite");
    ExchangeStore holder;
    QVERIFY(holder.open(log).ok());

    const CliRun result = run({"--log-db", log, m_har});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(log.toUtf8()), result.err.constData());
    QVERIFY2(result.err.contains("in use by another process"), result.err.constData());
    QVERIFY(result.out.isEmpty());

    holder.close();
    QCOMPARE(countIn(log), 0);
}

// More exchanges than one slice of the import; all of them must be stored.
void TestImportCommand::importsMoreThanOneSlice()
{
    constexpr int Count = 12000;
    QByteArray lines;
    for (int n = 0; n < Count; ++n)
        lines += JsonLinesFormat::toLine(StoredExchange::fromExchange(Samples::numberedExchange(n)));
    const QString file = writeFile("many.jsonl", lines);
    const QString log = m_dir.filePath("many.sqlite");

    const CliRun result = run({"--log-db", log, file});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.out, QStringLiteral("Added %1 exchange(s) from %2\n").arg(Count).arg(file).toUtf8());
    QCOMPARE(countIn(log), Count);
}

QTEST_GUILESS_MAIN(TestImportCommand)
#include "tst_importcommand.moc"
