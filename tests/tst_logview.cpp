// The request log view over a real SQLite log: the lazy model, the filter
// box, live exchanges from the window's responder, export and import.
#include "exchangesamples.h"
#include "exchangedetailview.h"
#include "exchangeinsight.h"
#include "exchangestore.h"
#include "exportdialog.h"
#include "jsonlinesformat.h"
#include "logreaderthread.h"
#include "logviewpanel.h"
#include "messageview.h"
#include "mainwindow.h"
#include "responderservice.h"
#include "responsesettings.h"
#include "sessionsview.h"
#include "storedlogmodel.h"
#include "testprofile.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QSettings>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using State = ResponderService::State;

namespace {

constexpr int TimeoutMs = 20000;

// count exchanges; every tenth one is bob's.
QList<Exchange> sampleExchanges(int count)
{
    QList<Exchange> exchanges;
    exchanges.reserve(count);
    for (int n = 1; n <= count; ++n) {
        Exchange exchange = Samples::numberedExchange(n);
        if (n % 10 == 3) {
            exchange.callback.user = QStringLiteral("bob");
            exchange.request.body.replace("user-3", "bob");
        }
        exchanges.append(exchange);
    }
    return exchanges;
}

void fillLog(const QString &fileName, int count)
{
    ExchangeStore store;
    const auto opened = store.open(fileName);
    QVERIFY2(opened, qPrintable(opened.error().toString()));
    store.append(sampleExchanges(count));
    const auto flushed = store.flush();
    QVERIFY2(flushed, qPrintable(flushed.error().toString()));
    QCOMPARE(store.statistics().storedExchanges, qint64(count));
}

// Reads every row of the model's column by scrolling pages in.
QStringList columnValues(StoredLogModel *model, int column)
{
    QStringList values;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, column);
        index.data();
        if (!QTest::qWaitFor([&] { return index.data(StoredLogModel::LogIdRole).toLongLong() != 0; }, TimeoutMs))
            return {QStringLiteral("row %1 not read").arg(row)};
        values.append(index.data().toString());
    }
    return values;
}

// Opens the panel's log and waits until it is open.
bool openPanelLog(LogViewPanel &panel, const QString &fileName)
{
    QSignalSpy opened(&panel, &LogViewPanel::logOpened);
    panel.openLog(fileName);
    return opened.wait(TimeoutMs);
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lazyModelPassesTester();
    void filterShowsOnlyBob();
    void filterSyntaxErrorShown();
    void sessionsGroupByUser();
    void detailDecodesSelectedExchange();
    void exportRedactsUser();
    void importReportsMalformedLine();
    void liveCallbackReachesViewAndFile();
    void corruptLogOffersNewFile();
    void selectionFollowsMovedRow();
};

void TestLogView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CallbackLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_logview"));
}

void TestLogView::lazyModelPassesTester()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));
    fillLog(fileName, 20000);

    LogReaderThread reader;
    reader.setFileName(fileName);
    StoredLogModel model(&reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy settled(&model, &StoredLogModel::settled);
    model.reload();
    QVERIFY(settled.wait(TimeoutMs));
    QCOMPARE(model.rowCount(), 20000);

    // A row far down is read on demand; newest first by default.
    const QModelIndex deep = model.index(15000, StoredLogModel::UserColumn);
    QCOMPARE(deep.data().toString(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(deep.data(StoredLogModel::LogIdRole).toLongLong() != 0, TimeoutMs);
    QCOMPARE(deep.data(StoredLogModel::LogIdRole).toLongLong(), qint64(20000 - 15000));

    // Sorting by latency resets to the same number of rows.
    settled.clear();
    model.sort(StoredLogModel::LatencyColumn, Qt::AscendingOrder);
    QVERIFY(settled.wait(TimeoutMs));
    QCOMPARE(model.rowCount(), 20000);
    const QModelIndex first = model.index(0, StoredLogModel::LatencyColumn);
    first.data();
    QTRY_VERIFY_WITH_TIMEOUT(first.data(StoredLogModel::LogIdRole).toLongLong() != 0, TimeoutMs);
    QCOMPARE(first.data().toString(), QStringLiteral("300 µs"));

    // The cache stays bounded while pages all over the log are read.
    for (int row = 0; row < 20000; row += 997)
        model.index(row, 0).data();
    QTRY_VERIFY_WITH_TIMEOUT(model.index(19940, 0).data(StoredLogModel::LogIdRole).toLongLong() != 0, TimeoutMs);

    // New exchanges under a latency sort add rows without a reset, so a view
    // keeps its place, and the rows are read again in the new order.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    {
        ExchangeStore store;
        QVERIFY(store.open(fileName).ok());
        QList<Exchange> more = sampleExchanges(5);
        for (Exchange &exchange : more)
            exchange.latencyMicros = 1;
        store.append(more);
        QVERIFY(store.flush().ok());
    }
    settled.clear();
    model.refresh();
    QVERIFY(settled.wait(TimeoutMs));
    QCOMPARE(model.rowCount(), 20005);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    first.data();
    QTRY_VERIFY_WITH_TIMEOUT(first.data(StoredLogModel::LogIdRole).toLongLong() > 20000, TimeoutMs);
    QCOMPARE(first.data().toString(), QStringLiteral("1 µs"));
}

void TestLogView::filterShowsOnlyBob()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));
    fillLog(fileName, 500);

    LogViewPanel panel;
    QVERIFY(openPanelLog(panel, fileName));
    StoredLogModel *model = panel.model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 500, TimeoutMs);

    QSignalSpy settled(model, &StoredLogModel::settled);
    QVERIFY(panel.applyFilterText(QStringLiteral("user:bob")));
    QVERIFY(settled.wait(TimeoutMs));
    QCOMPARE(model->rowCount(), 50);
    const QStringList users = columnValues(model, StoredLogModel::UserColumn);
    QCOMPARE(users.size(), 50);
    QCOMPARE(users.count(QStringLiteral("bob")), 50);

    // Free text searches bodies too.
    settled.clear();
    QVERIFY(panel.applyFilterText(QStringLiteral("Item123")));
    QVERIFY(settled.wait(TimeoutMs));
    QCOMPARE(model->rowCount(), 1);

    // Typing in the table goes to the filter box rather than searching rows.
    panel.applyFilterText(QString());
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.view()->setFocus();
    QTest::keyClicks(panel.view(), QStringLiteral("user:bob"));
    auto *filterEdit = panel.findChild<QLineEdit *>(QStringLiteral("storedLogFilterEdit"));
    QVERIFY(filterEdit);
    QCOMPARE(filterEdit->text(), QStringLiteral("user:bob"));
    QVERIFY(filterEdit->hasFocus());
}

void TestLogView::filterSyntaxErrorShown()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));
    fillLog(fileName, 20);

    LogViewPanel panel;
    panel.show();
    QVERIFY(openPanelLog(panel, fileName));
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 20, TimeoutMs);

    auto *errorLabel = panel.findChild<QLabel *>(QStringLiteral("storedLogFilterError"));
    QVERIFY(errorLabel);
    QVERIFY(!errorLabel->isVisible());
    QVERIFY(!panel.applyFilterText(QStringLiteral("status:abc")));
    QVERIFY(errorLabel->isVisible());
    QVERIFY(!errorLabel->text().isEmpty());
    QVERIFY2(errorLabel->text().contains(QLatin1String("column 8")), qPrintable(errorLabel->text()));
    // The rows stay as they were because the bad filter is not applied, and
    // the count under the table shows that.
    QCOMPARE(panel.model()->rowCount(), 20);
    auto *countLabel = panel.findChild<QLabel *>(QStringLiteral("storedLogCountLabel"));
    QVERIFY(countLabel);
    QVERIFY2(countLabel->text().contains(QLatin1String("previous filter still applies")),
             qPrintable(countLabel->text()));

    QVERIFY(panel.applyFilterText(QStringLiteral("status:403")));
    QVERIFY(!errorLabel->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!countLabel->text().contains(QLatin1String("previous filter")), TimeoutMs);
}

void TestLogView::sessionsGroupByUser()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));
    fillLog(fileName, 500);

    LogViewPanel panel;
    QVERIFY(openPanelLog(panel, fileName));
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 500, TimeoutMs);

    SessionsView *sessions = panel.sessionsView();
    QSignalSpy updated(sessions, &SessionsView::updated);
    panel.showSessions();
    QVERIFY(updated.wait(TimeoutMs));
    // Every sample exchange has its own session.
    QCOMPARE(sessions->model()->rowCount(), 500);
    QCOMPARE(sessions->model()->index(0, 2).data().toString(), QStringLiteral("1"));

    sessions->setGrouping(SessionsView::Grouping::User);
    QVERIFY(updated.wait(TimeoutMs));
    QCOMPARE(sessions->model()->rowCount(), 10);
    const QModelIndexList bob = sessions->model()->match(sessions->model()->index(0, 0), Qt::DisplayRole,
                                                         QStringLiteral("bob"), 1, Qt::MatchExactly);
    QCOMPARE(bob.size(), 1);
    QCOMPARE(bob.at(0).siblingAtColumn(2).data().toString(), QStringLiteral("50"));
    QCOMPARE(bob.at(0).siblingAtColumn(1).data().toString(), QStringLiteral("50"));

    // The log filter applies to the groups too.
    QVERIFY(panel.applyFilterText(QStringLiteral("user:bob")));
    QVERIFY(updated.wait(TimeoutMs));
    QCOMPARE(sessions->model()->rowCount(), 1);
}

void TestLogView::detailDecodesSelectedExchange()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));

    // A custom-data header as the iOS player sends it (base64 with a line
    // break) and a JWT-shaped session.
    Exchange exchange = Samples::numberedExchange(1);
    const QByteArray customData = QByteArray(R"({"userId":"dana","sessionId":"s-9","merchantId":"m1"})").toBase64();
    exchange.request.headers.append({"custom-data", customData.left(20) + "\n" + customData.mid(20)});
    const auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    exchange.callback.session = QString::fromLatin1(QByteArray(R"({"alg":"HS256","typ":"JWT"})").toBase64(base64Url) + '.'
                                                    + QByteArray(R"({"sub":"dana","exp":1893456000})").toBase64(base64Url)
                                                    + ".c2lnbmF0dXJl");
    // Over the 1 MiB cap, so the log keeps only the start of the body.
    exchange.request.body += QByteArray(1200000, ' ');
    const qint64 sentBodySize = exchange.request.body.size();
    {
        ExchangeStore store;
        QVERIFY(store.open(fileName));
        store.append({exchange});
        QVERIFY(store.flush());
    }

    LogViewPanel panel;
    QVERIFY(openPanelLog(panel, fileName));
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 1, TimeoutMs);
    const QModelIndex row = panel.model()->index(0, 0);
    row.data();
    QTRY_VERIFY_WITH_TIMEOUT(row.data(StoredLogModel::LogIdRole).toLongLong() != 0, TimeoutMs);
    panel.view()->setCurrentIndex(row);
    QTRY_VERIFY_WITH_TIMEOUT(panel.detailView()->hasExchange(), TimeoutMs);

    auto *decoded = panel.detailView()->findChild<QPlainTextEdit *>(QStringLiteral("storedLog_detailDecoded"));
    QVERIFY(decoded);
    const QString text = decoded->toPlainText();
    QVERIFY2(text.contains(QLatin1String("\"userId\": \"dana\"")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("\"sub\": \"dana\"")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("signature not verified")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("00000000  7b 22")), qPrintable(text));

    auto *bodySize = panel.detailView()->requestView()->findChild<QLabel *>(QStringLiteral("storedLog_bodySizeLabel"));
    QVERIFY(bodySize);
    QCOMPARE(bodySize->text(), MessageView::tr("%L1 of %L2 bytes: the request log kept only the start")
                                   .arg(qint64(1) << 20)
                                   .arg(sentBodySize));

    // Values that are not base64 JSON or not JWT-shaped decode to nothing.
    QCOMPARE(ExchangeInsight::decodeCustomData("not base64 json"), QString());
    QCOMPARE(ExchangeInsight::decodeJwt(QStringLiteral("session-1")), QString());
    QCOMPARE(ExchangeInsight::decodeJwt(QStringLiteral("a.b.c")), QString());
}

void TestLogView::liveCallbackReachesViewAndFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    const QString logFile = dir.filePath(QStringLiteral("live.sqlite"));
    QVERIFY(writeLoopbackProfile(profile));

    MainWindow window(profile, logFile);
    ResponderService *service = window.responderService();
    QTRY_COMPARE_WITH_TIMEOUT(service->state(), State::Listening, TimeoutMs);
    QVERIFY(service->port() != 0);
    LogViewPanel *panel = window.storedLog();
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isOpening(), TimeoutMs);
    QCOMPARE(panel->store()->fileName(), logFile);

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(service->callbackUrl());
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    const QJsonObject callback{{"asset", "live-asset"}, {"user", "carol"}, {"session", "s-live"}};
    std::unique_ptr<QNetworkReply> reply(network.post(request, QJsonDocument(callback).toJson(QJsonDocument::Compact)));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(TimeoutMs));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    StoredLogModel *model = panel->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, TimeoutMs);
    const QModelIndex user = model->index(0, StoredLogModel::UserColumn);
    user.data();
    QTRY_COMPARE_WITH_TIMEOUT(user.data().toString(), QStringLiteral("carol"), TimeoutMs);

    // A separate reader sees the exchange in the file.
    ExchangeStoreReader reader;
    QVERIFY(reader.open(logFile));
    const auto count = reader.count(ExchangeFilter::parse(QStringLiteral("user:carol asset:live-asset")).filter());
    QVERIFY2(count, qPrintable(count.error().toString()));
    QCOMPARE(*count, qint64(1));

    // Make Rule from Exchange takes the exchange selected in this tab.
    panel->view()->setCurrentIndex(user);
    QTRY_VERIFY_WITH_TIMEOUT(panel->detailView()->hasExchange(), TimeoutMs);
    window.findChild<QAction *>(QStringLiteral("makeRuleAction"))->trigger();
    QDialog *editor = nullptr;
    QTRY_VERIFY((editor = window.findChild<QDialog *>(QStringLiteral("ruleEditorDialog"))) && editor->isVisible());
    QVERIFY2(editor->windowTitle().contains(QStringLiteral("carol")), qPrintable(editor->windowTitle()));
    editor->reject();
}

void TestLogView::exportRedactsUser()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));
    fillLog(fileName, 30);

    LogViewPanel panel;
    QVERIFY(openPanelLog(panel, fileName));
    QSignalSpy settled(panel.model(), &StoredLogModel::settled);
    QVERIFY(panel.applyFilterText(QStringLiteral("user:bob")));
    QVERIFY(settled.wait(TimeoutMs));
    QCOMPARE(panel.model()->rowCount(), 3);

    QSignalSpy exported(&panel, &LogViewPanel::exportFinished);
    const QString plainFile = dir.filePath(QStringLiteral("plain.har"));
    panel.exportTo(plainFile, true, false, {});
    QVERIFY(exported.wait(TimeoutMs));
    QVERIFY2(exported.at(0).at(0).toBool(), qPrintable(exported.at(0).at(1).toString()));

    const QString redactedFile = dir.filePath(QStringLiteral("redacted.har"));
    panel.exportTo(redactedFile, true, true, {});
    QVERIFY(exported.wait(TimeoutMs));
    QVERIFY2(exported.at(1).at(0).toBool(), qPrintable(exported.at(1).at(1).toString()));

    QFile plain(plainFile);
    QVERIFY(plain.open(QIODevice::ReadOnly));
    const QByteArray plainText = plain.readAll();
    QVERIFY(plainText.contains("\"bob\""));
    QCOMPARE(QJsonDocument::fromJson(plainText).object().value("log").toObject().value("entries").toArray().size(), 3);

    QFile redacted(redactedFile);
    QVERIFY(redacted.open(QIODevice::ReadOnly));
    const QByteArray redactedText = redacted.readAll();
    QVERIFY(!redactedText.contains("bob"));
    QVERIFY(redactedText.contains("user-1"));
    QCOMPARE(QJsonDocument::fromJson(redactedText).object().value("log").toObject().value("entries").toArray().size(), 3);

    // Two of the three rows selected: only those two are exported, in row order.
    auto *view = panel.findChild<QTableView *>(QStringLiteral("storedLogView"));
    QVERIFY(view);
    // Reading a row's data requests its page.
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->index(2, 0).data(StoredLogModel::LogIdRole).toLongLong() > 0, TimeoutMs);
    view->selectionModel()->select(panel.model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(panel.model()->index(2, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const QList<qint64> selected = panel.selectedLogIds();
    QCOMPARE(selected, (QList<qint64>{panel.model()->logIdAt(0), panel.model()->logIdAt(2)}));

    const QString selectedFile = dir.filePath(QStringLiteral("selected.jsonl"));
    panel.exportTo(selectedFile, false, false, selected);
    QVERIFY(exported.wait(TimeoutMs));
    QVERIFY2(exported.at(2).at(0).toBool(), qPrintable(exported.at(2).at(1).toString()));
    QFile selectedLines(selectedFile);
    QVERIFY(selectedLines.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = selectedLines.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.at(0).contains("bob"));
    QVERIFY(lines.at(1).contains("bob"));

    // The dialog offers the selection only when there is one.
    QSettings().remove(QStringLiteral("export"));
    ExportDialog several(2, 3);
    QVERIFY(several.selectedOnly());
    QVERIFY(several.har());
    QVERIFY(several.redact());
    ExportDialog none(0, 3);
    QVERIFY(!none.selectedOnly());
    QVERIFY(!none.findChild<QRadioButton *>(QStringLiteral("exportSelectedButton"))->isEnabled());

    // The format and redaction chosen are offered again next time.
    none.findChild<QComboBox *>(QStringLiteral("exportFormatBox"))->setCurrentIndex(1);
    none.findChild<QCheckBox *>(QStringLiteral("exportRedactBox"))->setChecked(false);
    none.accept();
    ExportDialog next(0, 3);
    QVERIFY(!next.har());
    QVERIFY(!next.redact());
    QSettings().remove(QStringLiteral("export"));
}

void TestLogView::importReportsMalformedLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));

    const QString importFile = dir.filePath(QStringLiteral("import.jsonl"));
    {
        QFile file(importFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(JsonLinesFormat::toLine(StoredExchange::fromExchange(Samples::numberedExchange(1))));
        // The second line is a whole exchange whose method is a number.
        QJsonObject bad = JsonLinesFormat::toJson(StoredExchange::fromExchange(Samples::numberedExchange(3)));
        QJsonObject request = bad.value("request").toObject();
        request.insert("method", 42);
        bad.insert("request", request);
        file.write(QJsonDocument(bad).toJson(QJsonDocument::Compact) + '\n');
        file.write(JsonLinesFormat::toLine(StoredExchange::fromExchange(Samples::numberedExchange(2))));
    }

    LogViewPanel panel;
    QVERIFY(openPanelLog(panel, fileName));
    QSignalSpy imported(&panel, &LogViewPanel::importFinished);
    panel.importFrom(importFile);
    QVERIFY(imported.wait(TimeoutMs));
    QCOMPARE(imported.at(0).at(0).toInt(), 2);
    const QStringList issues = imported.at(0).at(1).toStringList();
    QCOMPARE(issues.size(), 1);
    QVERIFY2(issues.at(0).contains(QLatin1String("line 2")), qPrintable(issues.at(0)));
    QVERIFY2(issues.at(0).contains(QLatin1String("request.method")), qPrintable(issues.at(0)));
    QCOMPARE(imported.at(0).at(2).toString(), QString());

    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->rowCount(), 2, TimeoutMs);
}

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"

void TestLogView::corruptLogOffersNewFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("damaged.sqlite"));
    const QByteArray damaged = QByteArray("SQLite format 3") + QByteArray(4096, '\x5a');
    {
        QFile file(fileName);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(damaged);
    }

    LogViewPanel panel;
    QSignalSpy failed(&panel, &LogViewPanel::logFailed);
    QSignalSpy opened(&panel, &LogViewPanel::logOpened);
    panel.openLog(fileName);
    QVERIFY(panel.isOpening());
    // An exchange that arrives while the file is being opened is held.
    panel.append(sampleExchanges(1));
    QVERIFY(failed.wait(TimeoutMs));
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("damaged.sqlite")),
             qPrintable(failed.at(0).at(0).toString()));

    // The message offers a new file; the damaged one is left as it was.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = panel.findChild<QMessageBox *>(QStringLiteral("logErrorBox"))) != nullptr);
    auto *useNew = box->findChild<QPushButton *>(QStringLiteral("useNewLogButton"));
    QVERIFY(useNew);
    useNew->click();
    QVERIFY(opened.wait(TimeoutMs));
    QCOMPARE(opened.at(0).at(0).toString(), dir.filePath(QStringLiteral("damaged-2.sqlite")));
    QFile original(fileName);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), damaged);

    // Exchanges held while the new file was being opened are stored in it.
    QSignalSpy reopened(&panel, &LogViewPanel::logOpened);
    panel.openLog(dir.filePath(QStringLiteral("third.sqlite")));
    panel.append(sampleExchanges(3));
    QVERIFY(reopened.wait(TimeoutMs));
    QVERIFY(panel.store()->flush().ok());
    QCOMPARE(panel.store()->statistics().storedExchanges, 3);
}

void TestLogView::selectionFollowsMovedRow()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("log.sqlite"));
    fillLog(fileName, 200);

    LogViewPanel panel;
    QVERIFY(openPanelLog(panel, fileName));
    StoredLogModel *model = panel.model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 200, TimeoutMs);
    QSignalSpy settled(model, &StoredLogModel::settled);
    panel.view()->sortByColumn(StoredLogModel::LatencyColumn, Qt::AscendingOrder);
    QVERIFY(settled.wait(TimeoutMs));

    // Select row 5 and wait until the detail pane shows its exchange.
    const QModelIndex fifth = model->index(5, 0);
    fifth.data();
    QTRY_VERIFY_WITH_TIMEOUT(model->logIdAt(5) != 0, TimeoutMs);
    const qint64 selected = model->logIdAt(5);
    panel.view()->setCurrentIndex(fifth);
    QCOMPARE(panel.selectedLogIds(), QList<qint64>{selected});

    // Ten faster exchanges arrive and sort above it: the selection follows it.
    QList<Exchange> faster = sampleExchanges(10);
    for (Exchange &exchange : faster)
        exchange.latencyMicros = 1;
    panel.append(faster);
    QVERIFY(panel.store()->flush().ok());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 210, TimeoutMs);
    for (int row = 0; row < 20; ++row)
        model->index(row, 0).data();
    QTRY_COMPARE_WITH_TIMEOUT(panel.view()->currentIndex().row(), 15, TimeoutMs);
    QCOMPARE(panel.selectedLogIds(), QList<qint64>{selected});
}
