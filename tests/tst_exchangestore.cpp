// The request log store on real files: every field round-trips, retention by
// count and size, cut bodies, files it must refuse without touching them, a
// second writer, reads while writing, and a writer killed with SIGKILL.
#include "callbackparser.h"
#include "exchangeimport.h"
#include "exchangeschema.h"
#include "exchangesamples.h"
#include "exchangestore.h"
#include "exchangestorereader.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

class TestExchangeStore : public QObject
{
    Q_OBJECT

private slots:
    void compileOptionsMatchIndex();
    void importLargerThanQueue();
    void roundTripEveryField_data();
    void roundTripEveryField();
    void jsonBodyIsItsOwnFields_data();
    void jsonBodyIsItsOwnFields();
    void headerBlock_data();
    void headerBlock();
    void reopenKeepsRows();
    void windowSortAndCount_data();
    void windowSortAndCount();
    void retentionByCount();
    void retentionBySize();
    void lowerLimitTrimsAtOnce();
    void bodiesAboveCapAreCut();
    void importedRowsAreCaptured();
    void corruptFileUntouched();
    void foreignDatabaseUntouched();
    void unwritableLocation_data();
    void unwritableLocation();
    void secondWriterLocked();
    void readerNeedsExistingLog();
    void readerBoundToThread();
    void readWhileWriting();
    void interruptStopsScan();
    void pendingQueueBounded();
    void proposeNewFileName();
    void sigkillLosesOnlyUncommitted();
};

namespace {

QByteArray fileBytes(const QString &fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

ExchangeStore::Options optionsWithLimits(qint64 maxExchanges, qint64 maxBytes, qint64 maxBodyBytes = 1 << 20)
{
    ExchangeStore::Options options;
    options.limits.maxExchanges = maxExchanges;
    options.limits.maxBytes = maxBytes;
    options.limits.maxBodyBytes = maxBodyBytes;
    return options;
}

} // namespace

void TestExchangeStore::compileOptionsMatchIndex()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    ExchangeStore::Options withIndex;
    withIndex.fullTextIndex = true;
    ExchangeStore store;
    QVERIFY2(store.open(file, withIndex).ok(), "open");
    store.close();

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    const auto options = reader.compileOptions();
    QVERIFY(options.ok());
    qInfo() << "SQLite behind QSQLITE has FTS5:" << options->contains("ENABLE_FTS5");
    QCOMPARE(reader.hasFullTextIndex(), options->contains("ENABLE_FTS5"));
}

void TestExchangeStore::roundTripEveryField_data()
{
    QTest::addColumn<bool>("native");
    QTest::newRow("SQLite C API") << true;
    QTest::newRow("QSqlQuery") << false;
}

void TestExchangeStore::roundTripEveryField()
{
    QFETCH(bool, native);
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    Exchange full = Samples::fullExchange();
    Exchange binary = Samples::numberedExchange(1);
    binary.request.body = Samples::allBytes();
    binary.response.body = Samples::allBytes() + Samples::allBytes();
    binary.request.headers.append({"X-Binary", QByteArray("\x01\x7f\xff\\\\ end", 10)});
    binary.request.target = "/path%20with?raw=\xff";
    binary.request.method = "P\xd6ST";  // Latin-1 bytes, stored as UTF-8 text
    binary.callback.user = QStringLiteral("người dùng");
    binary.callback.fields.insert(QStringLiteral("user"), binary.callback.user);

    ExchangeStore::Options options;
    options.nativeInsert = native;
    ExchangeStore store;
    QVERIFY(store.open(file, options).ok());
    QCOMPARE(store.insertsNatively(), native);
    store.append({full, binary});
    QVERIFY(store.flush().ok());
    QCOMPARE(store.statistics().committedExchanges, 2);

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    const auto first = reader.load(1);
    QVERIFY2(first.ok(), qPrintable(first.error().toString()));
    QCOMPARE(first->logId, 1);
    QCOMPARE(first->exchange.id, full.id);
    QCOMPARE(first->requestBodySize, full.request.body.size());
    QCOMPARE(first->requestBodyCut, false);
    QCOMPARE(first->captured, false);
    COMPARE_EXCHANGES(first->exchange, full);

    const auto second = reader.load(2);
    QVERIFY(second.ok());
    COMPARE_EXCHANGES(second->exchange, binary);
    QCOMPARE(second->responseBodySize, 512);

    const auto missing = reader.load(3);
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().message.contains("3"));
}

void TestExchangeStore::jsonBodyIsItsOwnFields_data()
{
    roundTripEveryField_data();
}

// A JSON body the parser read unchanged leaves fields_json empty, and the reader
// takes the fields from the body. Form fields and the fields of a cut body are stored whole.
void TestExchangeStore::jsonBodyIsItsOwnFields()
{
    QFETCH(bool, native);
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");

    auto parsed = [](const QByteArray &contentType, const QByteArray &body) {
        Exchange exchange = Samples::numberedExchange(1);
        exchange.request.headers = {{"Content-Type", contentType}};
        exchange.request.body = body;
        exchange.callback = CallbackParser::parse(exchange.request).callback;
        return exchange;
    };
    const QByteArray json = R"( {"asset":"a-1","user":"u","session":"s","drmScheme":"WIDEVINE",)"
                            R"("requestMetadata":{"remoteAddr":"192.0.2.1"},"nested":{"k":[1,2.5,"v"]}} )";
    const Exchange fromJson = parsed("application/json", json);
    QVERIFY(fromJson.callback.fieldsAreBody);
    const Exchange fromForm = parsed("application/x-www-form-urlencoded", "asset=a-2&user=u&session=s");
    QVERIFY(!fromForm.callback.fieldsAreBody);
    QVERIFY(!parsed("application/json", "{\"user\":\"\xff\"}").callback.fieldsAreBody);  // repaired UTF-8
    Exchange cut = parsed("application/json", R"({"asset":"a-3","user":")" + QByteArray(3000, 'u') + R"("})");
    QVERIFY(cut.callback.fieldsAreBody);

    ExchangeStore::Options options = optionsWithLimits(1000, qint64(1) << 30, 1000);
    options.nativeInsert = native;
    {
        ExchangeStore store;
        QVERIFY(store.open(file, options).ok());
        store.append({fromJson, fromForm, cut});
        QVERIFY(store.flush().ok());
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("inspect"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("SELECT fields_json FROM exchanges ORDER BY id")));
        QStringList columns;
        while (query.next())
            columns.append(query.value(0).toString());
        QCOMPARE(columns.size(), 3);
        QCOMPARE(columns.at(0), QString());
        QVERIFY(columns.at(1).contains(QLatin1String("\"a-2\"")));
        QVERIFY(columns.at(2).contains(QLatin1String("\"a-3\"")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("inspect"));

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    const auto first = reader.load(1);
    QVERIFY(first.ok());
    QCOMPARE(first->exchange.callback.fields, fromJson.callback.fields);
    QVERIFY(first->exchange.callback.fieldsAreBody);
    const auto second = reader.load(2);
    QVERIFY(second.ok());
    QCOMPARE(second->exchange.callback.fields, fromForm.callback.fields);
    const auto third = reader.load(3);
    QVERIFY(third.ok());
    QVERIFY(third->requestBodyCut);
    QVERIFY(!third->exchange.callback.fieldsAreBody);
    QCOMPARE(third->exchange.callback.fields.value(QStringLiteral("asset")).toString(), QStringLiteral("a-3"));
    QCOMPARE(third->exchange.callback.fields.value(QStringLiteral("user")).toString().size(), 1000);
}

void TestExchangeStore::headerBlock_data()
{
    QTest::addColumn<HttpHeaders>("headers");
    QTest::addRow("none") << HttpHeaders();
    QTest::addRow("duplicates keep order and case")
        << HttpHeaders{{"Accept", "a"}, {"accept", "b"}, {"ACCEPT", "c"}};
    QTest::addRow("colon space in value") << HttpHeaders{{"X-Time", "10:00: later"}};
    QTest::addRow("colon in name") << HttpHeaders{{"a:b", "c"}, {":authority", "example.test"}};
    QTest::addRow("CR LF and backslash") << HttpHeaders{{"X", "line\r\nnext\\r"}, {"Y\\", "\\"}};
    QTest::addRow("empty name and value") << HttpHeaders{{"", ""}, {"Z", ""}};
    QTest::addRow("leading space in value") << HttpHeaders{{"X", "  padded"}};
}

void TestExchangeStore::headerBlock()
{
    QFETCH(HttpHeaders, headers);
    const QByteArray block = ExchangeSchema::encodeHeaders(headers);
    QCOMPARE(ExchangeSchema::decodeHeaders(block), headers);
    QCOMPARE(block.count("\r\n"), headers.size());
}

void TestExchangeStore::reopenKeepsRows()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    {
        ExchangeStore store;
        QVERIFY(store.open(file).ok());
        for (int i = 0; i < 30; ++i)
            store.append({Samples::numberedExchange(i)});
    }
    ExchangeStore store;
    QVERIFY(store.open(file).ok());
    QCOMPARE(store.statistics().storedExchanges, 30);
    QCOMPARE(store.statistics().lastLogId, 30);
    store.append({Samples::numberedExchange(99)});
    QVERIFY(store.flush().ok());
    QCOMPARE(store.statistics().lastLogId, 31);
}

void TestExchangeStore::windowSortAndCount_data()
{
    QTest::addColumn<int>("key");
    QTest::addColumn<int>("order");
    QTest::addRow("time descending") << int(ExchangeSort::Key::Time) << int(Qt::DescendingOrder);
    QTest::addRow("time ascending") << int(ExchangeSort::Key::Time) << int(Qt::AscendingOrder);
    QTest::addRow("latency descending") << int(ExchangeSort::Key::Latency) << int(Qt::DescendingOrder);
    QTest::addRow("latency ascending") << int(ExchangeSort::Key::Latency) << int(Qt::AscendingOrder);
    QTest::addRow("status descending") << int(ExchangeSort::Key::Status) << int(Qt::DescendingOrder);
    QTest::addRow("status ascending") << int(ExchangeSort::Key::Status) << int(Qt::AscendingOrder);
}

void TestExchangeStore::windowSortAndCount()
{
    QFETCH(int, key);
    QFETCH(int, order);
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    QList<Exchange> exchanges;
    for (int n = 0; n < 100; ++n)
        exchanges.append(Samples::numberedExchange(n));
    {
        ExchangeStore store;
        QVERIFY(store.open(file).ok());
        store.append(exchanges);
    }

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    const ExchangeFilter user3 = ExchangeFilter::parse("user:user-3").filter();
    QCOMPARE(*reader.count(ExchangeFilter()), 100);
    QCOMPARE(*reader.count(user3), 10);

    // The expected order, built in memory: log id n + 1 is exchange n.
    QList<int> expected;
    for (int n = 0; n < 100; ++n)
        expected.append(n);
    const auto sortValue = [key](int n) -> qint64 {
        const Exchange e = Samples::numberedExchange(n);
        switch (ExchangeSort::Key(key)) {
        case ExchangeSort::Key::Time: return e.request.receivedAt.toMSecsSinceEpoch();
        case ExchangeSort::Key::Latency: return e.latencyMicros;
        case ExchangeSort::Key::Status: return qint64(e.response.status) * 1'000'000'000'000 + e.request.receivedAt.toSecsSinceEpoch();
        }
        return 0;
    };
    std::stable_sort(expected.begin(), expected.end(), [&](int a, int b) {
        const qint64 va = sortValue(a);
        const qint64 vb = sortValue(b);
        return order == Qt::AscendingOrder ? (va < vb || (va == vb && a < b)) : (va > vb || (va == vb && a > b));
    });

    const ExchangeSort sort{ExchangeSort::Key(key), Qt::SortOrder(order)};
    QList<int> actual;
    for (qint64 offset = 0; offset < 100; offset += 30) {
        const auto window = reader.rows(ExchangeFilter(), sort, offset, 30);
        QVERIFY2(window.ok(), qPrintable(window.error().toString()));
        QVERIFY(window->size() <= 30);
        for (const ExchangeRow &row : *window)
            actual.append(int(row.logId - 1));
    }
    QCOMPARE(actual, expected);

    const auto ids = reader.ids(user3, sort, 0, 100);
    QVERIFY(ids.ok());
    QCOMPARE(ids->size(), 10);
    const auto rows = reader.rows(user3, sort, 0, 1);
    QVERIFY(rows.ok());
    QCOMPARE(rows->size(), 1);
    const ExchangeRow &row = rows->first();
    const Exchange source = Samples::numberedExchange(int(row.logId - 1));
    QCOMPARE(row.user, QStringLiteral("user-3"));
    QCOMPARE(row.asset, source.callback.asset);
    QCOMPARE(row.status, source.response.status);
    QCOMPARE(row.decision, source.decision);
    QCOMPARE(row.latencyMicros, source.latencyMicros);
    QCOMPARE(row.receivedAt, source.request.receivedAt);
    QCOMPARE(row.target, source.request.target);
    QCOMPARE(row.requestBodySize, source.request.body.size());
}

void TestExchangeStore::retentionByCount()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    ExchangeStore store;
    ExchangeStore::Options options = optionsWithLimits(50, qint64(1) << 30);
    options.fullTextIndex = true;
    QVERIFY(store.open(file, options).ok());
    for (int n = 0; n < 120; ++n)
        store.append({Samples::numberedExchange(n)});
    QVERIFY(store.flush().ok());

    const ExchangeStore::Statistics statistics = store.statistics();
    QCOMPARE(statistics.storedExchanges, 50);
    QCOMPARE(statistics.removedExchanges, 70);

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    QCOMPARE(*reader.count(ExchangeFilter()), 50);
    const auto oldest = reader.rows(ExchangeFilter(), {ExchangeSort::Key::Time, Qt::AscendingOrder}, 0, 1);
    QCOMPARE(oldest->first().logId, 71);
    QVERIFY(!reader.load(70).ok());
    // Assets of removed exchanges go with them.
    QCOMPARE(*reader.count(ExchangeFilter::parse("asset:bonus-0").filter()), 5);

    // So does their text in the full-text index.
    const ExchangeFilter text = ExchangeFilter::parse("item7").filter();
    const auto remaining = reader.loadAfter(ExchangeFilter(), 0, 1000);
    QVERIFY(remaining.ok());
    qint64 expected = 0;
    for (const StoredExchange &stored : remaining.value())
        expected += text.matches(stored, QDateTime::currentDateTimeUtc()) ? 1 : 0;
    QVERIFY(expected > 0);
    QCOMPARE(*reader.count(text), expected);
    reader.close();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "fts-check");
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec("INSERT INTO exchange_text(exchange_text) VALUES ('integrity-check')"),
                 qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase("fts-check");
}

void TestExchangeStore::retentionBySize()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    const qint64 maxBytes = qint64(1) << 20;
    ExchangeStore store;
    QVERIFY(store.open(file, optionsWithLimits(1'000'000, maxBytes)).ok());

    // Bodies of 8 KiB made of words, like JSON or form text rather than noise.
    const QList<QByteArray> words = QByteArray("asset user session widevine license payload token device "
                                               "viewer window movie trailer episode season key expire").split(' ');
    QRandomGenerator random(7);
    for (int n = 0; n < 400; ++n) {
        Exchange exchange = Samples::numberedExchange(n);
        QByteArray body;
        while (body.size() < 8 * 1024)
            body += words.at(random.bounded(int(words.size()))) + QByteArray::number(random.bounded(1000)) + ' ';
        exchange.request.body = body;
        store.append({exchange});
    }
    QVERIFY(store.flush().ok());

    const ExchangeStore::Statistics statistics = store.statistics();
    qInfo() << "kept" << statistics.storedExchanges << "of 400, pages in use" << statistics.usedBytes
            << "file" << QFileInfo(file).size();
    QVERIFY2(statistics.usedBytes <= maxBytes, qPrintable(QString::number(statistics.usedBytes)));
    QVERIFY(statistics.storedExchanges < 400);
    QVERIFY2(statistics.storedExchanges >= 40, "retention removed far more than the limit needs");
    QCOMPARE(statistics.lastLogId, 400);

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    QVERIFY(reader.load(400).ok());
    QVERIFY(!reader.load(1).ok());
    QCOMPARE(*reader.count(ExchangeFilter()), statistics.storedExchanges);
}

void TestExchangeStore::lowerLimitTrimsAtOnce()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    ExchangeStore store;
    QVERIFY(store.open(file).ok());
    QList<Exchange> exchanges;
    for (int n = 0; n < 1200; ++n)
        exchanges.append(Samples::numberedExchange(n));
    store.append(exchanges);
    QVERIFY(store.flush().ok());
    QCOMPARE(store.statistics().storedExchanges, 1200);

    ExchangeStore::Limits limits = store.limits();
    limits.maxExchanges = 10;
    store.setLimits(limits);
    QVERIFY(store.flush().ok());
    QCOMPARE(store.statistics().storedExchanges, 10);
    QCOMPARE(store.statistics().removedExchanges, 1190);
}

void TestExchangeStore::bodiesAboveCapAreCut()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    ExchangeStore store;
    QVERIFY(store.open(file, optionsWithLimits(1000, qint64(1) << 30, 1000)).ok());

    Exchange large = Samples::numberedExchange(1);
    large.request.body = QByteArray(5000, 'r');
    large.response.body = QByteArray(3000, 's');
    // A parsed field as long as the body is cut to the cap too, with a finding.
    large.callback.extraData = QString(4000, QLatin1Char('x'));
    large.callback.fields.insert(QStringLiteral("extraData"), large.callback.extraData);
    large.callback.fields.insert(QStringLiteral("requestMetadata"),
                                 QJsonObject{{QStringLiteral("note"), QString(3000, QLatin1Char('n'))}});
    Exchange atCap = Samples::numberedExchange(2);
    atCap.request.body = QByteArray(1000, 'q');
    store.append({large, atCap});
    QVERIFY(store.flush().ok());

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    const auto cut = reader.load(1);
    QVERIFY(cut.ok());
    QCOMPARE(cut->exchange.request.body, QByteArray(1000, 'r'));
    QCOMPARE(cut->requestBodySize, 5000);
    QVERIFY(cut->requestBodyCut);
    QCOMPARE(cut->exchange.response.body, QByteArray(1000, 's'));
    QCOMPARE(cut->responseBodySize, 3000);
    QVERIFY(cut->responseBodyCut);
    QCOMPARE(cut->exchange.callback.extraData, QString(1000, QLatin1Char('x')));
    QCOMPARE(cut->exchange.callback.fields.value(QStringLiteral("extraData")).toString().size(), 1000);
    QCOMPARE(cut->exchange.callback.fields.value(QStringLiteral("requestMetadata"))
                 .toObject()
                 .value(QStringLiteral("note"))
                 .toString()
                 .size(),
             1000);
    QCOMPARE(cut->exchange.findings.constLast().code, QStringLiteral("stored-field-cut"));
    QCOMPARE(cut->exchange.findings.constLast().field, QStringLiteral("extraData"));

    const auto whole = reader.load(2);
    QVERIFY(whole.ok());
    QCOMPARE(whole->exchange.request.body.size(), 1000);
    QVERIFY(!whole->requestBodyCut);

    const auto rows = reader.rows(ExchangeFilter(), {ExchangeSort::Key::Time, Qt::AscendingOrder}, 0, 1);
    QCOMPARE(rows->first().requestBodySize, 5000);
}

void TestExchangeStore::importedRowsAreCaptured()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    ExchangeStore store;
    QVERIFY(store.open(file).ok());
    StoredExchange imported = StoredExchange::fromExchange(Samples::numberedExchange(3), true);
    imported.requestBodySize = 99999;
    imported.requestBodyCut = true;
    store.appendStored({imported});
    store.append({Samples::numberedExchange(4)});
    QVERIFY(store.flush().ok());

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    QVERIFY(reader.load(1)->captured);
    QCOMPARE(reader.load(1)->requestBodySize, 99999);
    QVERIFY(reader.load(1)->requestBodyCut);
    QVERIFY(!reader.load(2)->captured);
}

void TestExchangeStore::corruptFileUntouched()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    QByteArray garbage(64 * 1024, Qt::Uninitialized);
    QRandomGenerator random(11);
    for (char &c : garbage)
        c = char(random.bounded(256));
    {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(garbage);
    }

    ExchangeStore store;
    const auto result = store.open(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, StoreError::Code::Corrupt);
    QVERIFY2(result.error().toString().contains(file), qPrintable(result.error().toString()));
    QVERIFY(!store.isOpen());
    QCOMPARE(fileBytes(file), garbage);
    QVERIFY(!QFileInfo::exists(file + "-wal"));

    ExchangeStoreReader reader;
    const auto read = reader.open(file);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, StoreError::Code::Corrupt);
    QCOMPARE(fileBytes(file), garbage);

    const QString proposed = ExchangeStore::proposeNewFileName(file);
    QCOMPARE(proposed, dir.filePath("log-2.sqlite"));
    QVERIFY(store.open(proposed).ok());
}

void TestExchangeStore::foreignDatabaseUntouched()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("other.sqlite");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "foreign");
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec("CREATE TABLE notes(text TEXT)"));
        QVERIFY(query.exec("INSERT INTO notes VALUES ('keep me')"));
        db.close();
    }
    QSqlDatabase::removeDatabase("foreign");
    const QByteArray before = fileBytes(file);

    ExchangeStore store;
    const auto result = store.open(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, StoreError::Code::NotALog);
    QCOMPARE(fileBytes(file), before);

    ExchangeStoreReader reader;
    QCOMPARE(reader.open(file).error().code, StoreError::Code::NotALog);
}

void TestExchangeStore::unwritableLocation_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("folder is a file") << "file";
    QTest::addRow("read-only folder") << "read-only";
}

void TestExchangeStore::unwritableLocation()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    QString file;
    if (kind == "file") {
        QFile blocker(dir.filePath("blocker"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.write("not a folder");
        blocker.close();
        file = dir.filePath("blocker/log.sqlite");
    } else {
        if (geteuid() == 0)
            QSKIP("root writes into read-only folders");
        const QString folder = dir.filePath("locked");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
        file = folder + "/log.sqlite";
    }

    ExchangeStore store;
    const auto result = store.open(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, StoreError::Code::CannotOpen);
    QVERIFY2(result.error().toString().contains(QFileInfo(file).absoluteFilePath()),
             qPrintable(result.error().toString()));
    QVERIFY(!QFileInfo::exists(file));
}

void TestExchangeStore::secondWriterLocked()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    ExchangeStore first;
    QVERIFY(first.open(file).ok());
    first.append({Samples::numberedExchange(1)});
    QVERIFY(first.flush().ok());

    ExchangeStore second;
    const auto result = second.open(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, StoreError::Code::Locked);
    QVERIFY2(result.error().message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(result.error().message));

    // Readers need no lock.
    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    QCOMPARE(*reader.count(ExchangeFilter()), 1);

    first.close();
    QVERIFY(second.open(file).ok());
    QCOMPARE(second.statistics().storedExchanges, 1);
}

void TestExchangeStore::readerNeedsExistingLog()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("missing.sqlite");
    ExchangeStoreReader reader;
    const auto result = reader.open(file);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, StoreError::Code::NotFound);
    QVERIFY(!QFileInfo::exists(file));
    QCOMPARE(reader.count(ExchangeFilter()).error().code, StoreError::Code::NotOpen);
}

void TestExchangeStore::readerBoundToThread()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    {
        ExchangeStore store;
        QVERIFY(store.open(file).ok());
        store.append({Samples::numberedExchange(1)});
    }

    // Opened and used on a worker thread, as the log view does.
    qint64 counted = -1;
    QThread *worker = QThread::create([&] {
        ExchangeStoreReader reader;
        if (reader.open(file).ok())
            counted = reader.count(ExchangeFilter()).value();
    });
    worker->start();
    QVERIFY(worker->wait(10000));
    delete worker;
    QCOMPARE(counted, 1);

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    StoreError::Code code = StoreError::Code::NotFound;
    QThread *other = QThread::create([&] { code = reader.count(ExchangeFilter()).error().code; });
    other->start();
    QVERIFY(other->wait(10000));
    delete other;
    QCOMPARE(code, StoreError::Code::QueryFailed);
}

void TestExchangeStore::readWhileWriting()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    ExchangeStore store;
    QVERIFY(store.open(file).ok());
    store.append({Samples::numberedExchange(0)});
    QVERIFY(store.flush().ok());

    ExchangeStoreReader reader;
    QVERIFY(reader.open(file).ok());
    qint64 previous = 0;
    for (int round = 1; round <= 20; ++round) {
        QList<Exchange> batch;
        for (int i = 0; i < 50; ++i)
            batch.append(Samples::numberedExchange(round * 50 + i));
        store.append(batch);
        const auto counted = reader.count(ExchangeFilter());
        QVERIFY2(counted.ok(), qPrintable(counted.error().toString()));
        QVERIFY(*counted >= previous);
        previous = *counted;
    }
    QVERIFY(store.flush().ok());
    QCOMPARE(*reader.count(ExchangeFilter()), 1001);
}

void TestExchangeStore::interruptStopsScan()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    {
        ExchangeStore store;
        QVERIFY(store.open(file).ok());
        QList<Exchange> exchanges;
        for (int n = 1; n <= 30000; ++n)
            exchanges.append(Samples::numberedExchange(n));
        store.append(exchanges);
        QVERIFY(store.flush().ok());
    }

    // Free text that no row contains makes the count scan every body.
    const auto parsed = ExchangeFilter::parse(QStringLiteral("\"no such text anywhere\""));
    QVERIFY(parsed);
    ExchangeStoreReader reader;
    QMutex openMutex;  // interrupt() must not overlap close()
    bool opened = false;
    std::optional<StoreResult<qint64>> counted;
    QThread *worker = QThread::create([&] {
        QVERIFY(reader.open(file).ok());
        {
            QMutexLocker locker(&openMutex);
            opened = true;
        }
        counted = reader.count(parsed.filter());
        QMutexLocker locker(&openMutex);
        opened = false;
        reader.close();
    });
    worker->start();
    // Interrupting before the scan starts does nothing, so keep trying until it ends.
    while (!worker->wait(1)) {
        QMutexLocker locker(&openMutex);
        if (opened)
            reader.interrupt();
    }
    delete worker;

    QVERIFY(counted.has_value());
    QVERIFY(!counted->ok());
    QCOMPARE(counted->error().code, StoreError::Code::Interrupted);

    // The same reader runs the next query to the end.
    QVERIFY(reader.open(file).ok());
    const auto again = reader.count(parsed.filter());
    QVERIFY2(again.ok(), qPrintable(again.error().toString()));
    QCOMPARE(*again, 0);
}

void TestExchangeStore::pendingQueueBounded()
{
    QTemporaryDir dir;
    ExchangeStore::Options options;
    options.maxPendingExchanges = 10;
    ExchangeStore store;
    QVERIFY(store.open(dir.filePath("log.sqlite"), options).ok());
    QList<Exchange> flood;
    for (int n = 0; n < 1000; ++n)
        flood.append(Samples::numberedExchange(n));
    store.append(flood);
    QVERIFY(store.flush().ok());
    QCOMPARE(store.statistics().committedExchanges, 10);
    QCOMPARE(store.statistics().droppedExchanges, 990);
}

void TestExchangeStore::proposeNewFileName()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("exchanges.sqlite");
    QCOMPARE(ExchangeStore::proposeNewFileName(file), dir.filePath("exchanges-2.sqlite"));
    QFile taken(dir.filePath("exchanges-2.sqlite"));
    QVERIFY(taken.open(QIODevice::WriteOnly));
    taken.close();
    QCOMPARE(ExchangeStore::proposeNewFileName(file), dir.filePath("exchanges-3.sqlite"));
    QCOMPARE(ExchangeStore::proposeNewFileName(dir.filePath("log")), dir.filePath("log-2"));
}

// The helper appends rounds of exchanges and prints "<ms> <appended>
// <committed>" after each round. After SIGKILL every exchange it saw
// committed must be there, the rows must be the first ones appended, and the
// file must open cleanly.
void TestExchangeStore::sigkillLosesOnlyUncommitted()
{
    QTemporaryDir dir;
    const QString file = dir.filePath("log.sqlite");
    QProcess child;
    child.setProgram(QStringLiteral(STORE_WRITER_CHILD));
    child.setArguments({file});
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start();
    QVERIFY(child.waitForStarted(10000));

    struct Report
    {
        qint64 ms;
        qint64 appended;
        qint64 committed;
    };
    QList<Report> reports;
    QByteArray buffer;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && (reports.isEmpty() || reports.last().committed < 3000)) {
        if (!child.waitForReadyRead(1000) && child.state() != QProcess::Running)
            break;
        buffer += child.readAllStandardOutput();
        qsizetype newline;
        while ((newline = buffer.indexOf('\n')) >= 0) {
            const QList<QByteArray> parts = buffer.left(newline).split(' ');
            buffer.remove(0, newline + 1);
            if (parts.size() == 3)
                reports.append({parts[0].toLongLong(), parts[1].toLongLong(), parts[2].toLongLong()});
        }
    }
    QVERIFY2(child.state() == QProcess::Running, "the helper stopped before it was killed");
    QVERIFY2(!reports.isEmpty() && reports.last().committed >= 3000, "the helper committed too little in 20 s");
    child.kill();
    QVERIFY(child.waitForFinished(10000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    buffer += child.readAllStandardOutput();
    for (const QByteArray &line : buffer.split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3)
            reports.append({parts[0].toLongLong(), parts[1].toLongLong(), parts[2].toLongLong()});
    }

    ExchangeStore store;
    const auto reopened = store.open(file);
    QVERIFY2(reopened.ok(), qPrintable(reopened.error().toString()));
    const qint64 rows = store.statistics().storedExchanges;
    QCOMPARE(store.statistics().lastLogId, rows);
    store.close();

    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "integrity");
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec("PRAGMA integrity_check") && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("ok"));
        db.close();
    }
    QSqlDatabase::removeDatabase("integrity");

    const Report last = reports.last();
    const qint64 roundSize = reports.size() > 1 ? reports.at(1).appended - reports.at(0).appended : last.appended;
    QVERIFY2(rows >= last.committed, qPrintable(QStringLiteral("%1 rows, %2 reported committed").arg(rows).arg(last.committed)));
    QVERIFY(rows <= last.appended + roundSize);

    // What was appended a generous 2 s before the last report must be there;
    // the writer aims at 250 ms.
    qint64 appendedLongBefore = 0;
    for (const Report &report : reports) {
        if (report.ms <= last.ms - 2000)
            appendedLongBefore = report.appended;
    }
    QVERIFY(rows >= appendedLongBefore);
    qint64 lostMs = 0;
    for (const Report &report : reports) {
        if (report.appended > rows) {
            lostMs = last.ms - report.ms;
            break;
        }
    }
    qInfo() << "appended" << last.appended << "stored" << rows << "lost" << (last.appended - rows)
            << "exchanges, appended in the last" << lostMs << "ms";
}

// An import larger than the writer's queue: appended at once, most of it is
// dropped; appended in slices, all of it is stored.
void TestExchangeStore::importLargerThanQueue()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    ExchangeStore::Options options;
    options.maxPendingExchanges = 1000;

    QList<StoredExchange> exchanges;
    for (int n = 0; n < 3 * int(ExchangeImport::SliceSize) / 2; ++n)
        exchanges.append(StoredExchange::fromExchange(Samples::numberedExchange(n), true));
    const qint64 total = exchanges.size();

    ExchangeStore atOnce;
    QVERIFY(atOnce.open(dir.filePath("at-once.sqlite"), options).ok());
    atOnce.appendStored(exchanges);
    QVERIFY(atOnce.flush().ok());
    QVERIFY(atOnce.statistics().droppedExchanges > 0);

    options.maxPendingExchanges = int(ExchangeImport::SliceSize);
    ExchangeStore sliced;
    QVERIFY(sliced.open(dir.filePath("sliced.sqlite"), options).ok());
    const auto dropped = ExchangeImport::appendAndWait(sliced, exchanges);
    QVERIFY(dropped.ok());
    QCOMPARE(dropped.value(), 0);
    QCOMPARE(sliced.statistics().droppedExchanges, 0);
    QCOMPARE(sliced.statistics().storedExchanges, total);
}

QTEST_GUILESS_MAIN(TestExchangeStore)
#include "tst_exchangestore.moc"
