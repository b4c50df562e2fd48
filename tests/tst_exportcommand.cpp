// `callbacklab export` as a user runs it: exit codes and messages for bad
// usage and unreadable logs, and files that read back.
#include "clirun.h"
#include "exchangesamples.h"
#include "exchangestore.h"
#include "harformat.h"
#include "jsonlinesformat.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

class TestExportCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrors_data();
    void usageErrors();
    void unreadableLog_data();
    void unreadableLog();
    void exportsHar();
    void exportsFilteredJsonLines();
    void redactsOnRequest();
    void writesToStandardOutput();
    void unwritableOutput();

private:
    static CliRun run(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_log;
};

CliRun TestExportCommand::run(const QStringList &arguments)
{
    return runCallbackLab(QStringList{"export"} + arguments);
}

void TestExportCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_log = m_dir.filePath("log.sqlite");
    ExchangeStore store;
    QVERIFY(store.open(m_log).ok());
    QList<Exchange> exchanges;
    for (int n = 0; n < 40; ++n)
        exchanges.append(Samples::numberedExchange(n));
    exchanges.append(Samples::fullExchange());
    store.append(exchanges);
    QVERIFY(store.flush().ok());
}

void TestExportCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString out = QDir::temp().filePath("callbacklab-unused.har");
    QTest::addRow("nothing") << QStringList() << "missing --log-db FILE";
    QTest::addRow("no output") << QStringList{"--log-db", "x.sqlite", "--format", "har"} << "missing --output FILE";
    QTest::addRow("no format") << QStringList{"--log-db", "x.sqlite", "--output", out} << "missing --format har|jsonl";
    QTest::addRow("unknown format") << QStringList{"--log-db", "x.sqlite", "--format", "csv", "--output", out}
                                    << "invalid value for --format: 'csv' is not har or jsonl";
    QTest::addRow("bad filter") << QStringList{"--log-db", "x.sqlite", "--format", "har", "--output", out,
                                               "--filter", "usr:bob"}
                                << "invalid value for --filter: unknown field 'usr' at column 1; did you mean 'user'?";
    QTest::addRow("unknown option") << QStringList{"--colour"} << "Unknown option 'colour'";
    QTest::addRow("stray argument") << QStringList{"--log-db", "x", "--format", "har", "--output", out, "extra"}
                                    << "unexpected argument 'extra'";
}

void TestExportCommand::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QVERIFY(result.err.contains("callbacklab export --help"));
    QVERIFY(result.out.isEmpty());
}

void TestExportCommand::unreadableLog_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("message");
    QTest::addRow("missing") << QByteArray() << "the file does not exist";
    QTest::addRow("random bytes") << QByteArray(4096, '\x5a') << "damaged or not an SQLite database";
}

void TestExportCommand::unreadableLog()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, message);
    const QString file = m_dir.filePath(QStringLiteral("bad-%1.sqlite").arg(QTest::currentDataTag()).replace(' ', '-'));
    if (!content.isEmpty()) {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(content);
    }
    const CliRun result = run({"--log-db", file, "--format", "har", "--output", m_dir.filePath("never.har")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(file.toUtf8()), result.err.constData());
    QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    QVERIFY(!QFileInfo::exists(m_dir.filePath("never.har")));
}

void TestExportCommand::exportsHar()
{
    const QString output = m_dir.filePath("all.har");
    const CliRun result = run({"--log-db", m_log, "--format", "har", "--output", output});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QCOMPARE(result.out, QStringLiteral("Wrote 41 exchange(s) to %1\n").arg(output).toUtf8());

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ImportResult imported = HarFormat::read(file.readAll());
    QVERIFY(imported.issues.isEmpty());
    QCOMPARE(imported.exchanges.size(), 41);
    COMPARE_EXCHANGES(imported.exchanges.last().exchange, Samples::fullExchange());
}

void TestExportCommand::exportsFilteredJsonLines()
{
    const QString output = m_dir.filePath("user4.jsonl");
    const CliRun result = run({"--log-db", m_log, "--format", "jsonl", "--filter", "user:user-4 -decision:deny",
                            "--output", output});
    QVERIFY2(result.exitCode == 0, result.err.constData());

    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const ImportResult imported = JsonLinesFormat::read(&file);
    QVERIFY(imported.issues.isEmpty());
    QCOMPARE(imported.exchanges.size(), 2);  // n = 14 and 34; n = 4 and 24 are denied
    for (const StoredExchange &stored : imported.exchanges) {
        QCOMPARE(stored.exchange.callback.user, QStringLiteral("user-4"));
        QVERIFY(stored.exchange.decision != Decision::Deny);
    }
    QVERIFY(result.out.startsWith("Wrote 2 exchange(s)"));
}

void TestExportCommand::redactsOnRequest()
{
    const QString output = m_dir.filePath("redacted.jsonl");
    const CliRun result = run({"--log-db", m_log, "--format", "jsonl", "--redact", "--output", output});
    QVERIFY2(result.exitCode == 0, result.err.constData());
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    for (const char *secret : {"alice", "s-123", "203.0.113.7", "Shaka/4.3", "10.1.2.3"})
        QVERIFY2(!text.contains(secret), secret);
    QVERIFY(text.contains("\"user\":\"user-1\""));
}

void TestExportCommand::writesToStandardOutput()
{
    const CliRun result = run({"--log-db", m_log, "--format", "jsonl", "--filter", "status:403", "--output", "-"});
    QCOMPARE(result.exitCode, 0);
    const ImportResult imported = JsonLinesFormat::read(result.out);
    QVERIFY(imported.issues.isEmpty());
    QVERIFY(!imported.exchanges.isEmpty());
    QVERIFY(result.err.contains(QStringLiteral("Wrote %1 exchange(s) to standard output").arg(imported.exchanges.size()).toUtf8()));
}

void TestExportCommand::unwritableOutput()
{
    QFile blocker(m_dir.filePath("blocker"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString output = m_dir.filePath("blocker/out.har");
    const CliRun result = run({"--log-db", m_log, "--format", "har", "--output", output});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(output.toUtf8()), result.err.constData());
}

QTEST_GUILESS_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
