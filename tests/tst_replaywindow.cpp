// The replay window driven through its widgets, against the built-in
// responder and a silent server on loopback.
#include "composerwidget.h"
#include "exchangelogmodel.h"
#include "mainwindow.h"
#include "requestlogpanel.h"
#include "responsesettings.h"
#include "replayresultmodel.h"
#include "replaywindow.h"
#include "responderservice.h"
#include "settingsstore.h"
#include "testprofile.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

class TestReplayWindow : public QObject
{
    Q_OBJECT

private slots:
    void composedCallbacksMatch();
    void deniedAssetDiffers();
    void silentTargetTimesOut();
    void cancelStopsRun();
    void suiteRoundTrip();
    void curlErrorShowsPosition();
    void invalidTargetRejected_data();
    void invalidTargetRejected();
    void mainWindowReplaysSelection();
};

namespace {

// The built-in responder on a free loopback port.
class Responder
{
public:
    Responder()
        : service(&store)
    {
        QSignalSpy started(&service, &ResponderService::started);
        ServerSettings server;
        server.port = 0;
        service.start(server);
        if (started.wait(10000))
            url = started.first().first().toUrl();
    }

    SettingsStore store;
    ResponderService service;
    QUrl url;
};

// Accepts connections and never replies.
class SilentServer : public QTcpServer
{
public:
    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(serverPort())); }
    int accepted = 0;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        ++accepted;
    }
};

template<typename T>
T *child(ReplayWindow &window, const char *name)
{
    return window.findChild<T *>(QString::fromLatin1(name));
}

void compose(ReplayWindow &window, const QString &asset)
{
    auto *composer = window.findChild<ComposerWidget *>(QStringLiteral("composer"));
    auto *assetEdit = composer->findChild<QLineEdit *>(QStringLiteral("composerAsset"));
    assetEdit->clear();
    QTest::keyClicks(assetEdit, asset);
    composer->findChild<QLineEdit *>(QStringLiteral("composerUser"))->setText(QStringLiteral("user-1"));
    composer->findChild<QLineEdit *>(QStringLiteral("composerSession"))->setText(QStringLiteral("session-1"));
    QTest::mouseClick(composer->findChild<QPushButton *>(QStringLiteral("composerAdd")), Qt::LeftButton);
}

// Clicks Run and waits for the run to finish. Returns false when it did not finish.
bool runAndWait(ReplayWindow &window, int timeoutMs = 15000)
{
    QSignalSpy finished(&window, &ReplayWindow::runFinished);
    QTest::mouseClick(child<QPushButton>(window, "runButton"), Qt::LeftButton);
    return finished.wait(timeoutMs);
}

QString cell(ReplayWindow &window, int row, int column)
{
    return window.resultModel()->index(row, column).data().toString();
}

int rowOf(ReplayWindow &window, const QString &asset)
{
    ReplayResultModel *model = window.resultModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->resultAt(row).requestId.startsWith(asset + QLatin1Char(' ')))
            return row;
    }
    return -1;
}

} // namespace

void TestReplayWindow::composedCallbacksMatch()
{
    Responder responder;
    QVERIFY(responder.url.isValid());

    ReplayWindow window;
    window.setResponderUrl(responder.url);
    QCOMPARE(child<QLineEdit>(window, "targetEdit")->text(), responder.url.toString());
    QVERIFY(!child<QCheckBox>(window, "insecureCheck")->isChecked());
    QVERIFY(!child<QCheckBox>(window, "insecureCheck")->toolTip().isEmpty());

    compose(window, QStringLiteral("movie-a"));
    compose(window, QStringLiteral("movie-b"));
    QCOMPARE(window.requests().size(), 2);
    QCOMPARE(child<QListWidget>(window, "requestList")->count(), 2);

    QVERIFY(runAndWait(window));
    ReplayResultModel *model = window.resultModel();
    QCOMPARE(model->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->resultAt(row).outcome, ReplayOutcome::Matched);
        QCOMPARE(model->resultAt(row).status, 200);
        QVERIFY(!model->index(row, ReplayResultModel::OutcomeColumn).data(Qt::BackgroundRole).isValid());
    }
    QVERIFY(child<QPushButton>(window, "runButton")->isEnabled());
    QVERIFY(!child<QPushButton>(window, "cancelButton")->isEnabled());
    QVERIFY(child<QLabel>(window, "progressLabel")->text().contains(QStringLiteral("done 2")));
}

void TestReplayWindow::deniedAssetDiffers()
{
    Responder responder;
    QVERIFY(responder.url.isValid());

    ReplayWindow window;
    window.setResponderUrl(responder.url);
    compose(window, QStringLiteral("movie-a"));
    compose(window, QStringLiteral("movie-b"));
    QVERIFY(runAndWait(window));
    QCOMPARE(window.resultModel()->rowCount(), 2);

    // The responses of the first run become the expectations.
    QTest::mouseClick(child<QPushButton>(window, "useLastResponsesButton"), Qt::LeftButton);
    for (const ReplayRequest &request : window.requests()) {
        QCOMPARE(request.expect.source, ExpectationSource::Recorded);
        QCOMPARE(request.expect.status, 200);
    }

    // The first run noted both assets as following the default.
    responder.store.update([](ResponseSettings &settings) {
        for (AssetEntry &entry : settings.assets) {
            if (entry.asset == QStringLiteral("movie-b"))
                entry.mode = AssetMode::Deny;
        }
    });
    QCOMPARE(responder.store.snapshot()->assetMode(QStringLiteral("movie-b")), AssetMode::Deny);
    QVERIFY(runAndWait(window));
    QCOMPARE(window.resultModel()->rowCount(), 2);

    const int denied = rowOf(window, QStringLiteral("movie-b"));
    const int allowed = rowOf(window, QStringLiteral("movie-a"));
    QVERIFY(denied >= 0);
    QVERIFY(allowed >= 0);
    QCOMPARE(window.resultModel()->resultAt(denied).outcome, ReplayOutcome::Differed);
    QCOMPARE(window.resultModel()->resultAt(allowed).outcome, ReplayOutcome::Matched);
    QVERIFY(cell(window, denied, ReplayResultModel::ExpectedColumn).startsWith(QStringLiteral("200")));
    QVERIFY(cell(window, denied, ReplayResultModel::ActualColumn).startsWith(QStringLiteral("403")));
    QVERIFY(window.resultModel()->index(denied, 0).data(Qt::BackgroundRole).isValid());

    // The detail pane shows the row's body difference.
    auto *view = child<QTableView>(window, "resultView");
    view->setCurrentIndex(window.resultModel()->index(denied, 0));
    const QString detail = child<QPlainTextEdit>(window, "resultDetail")->toPlainText();
    QVERIFY2(detail.contains(QStringLiteral("payload")), qPrintable(detail));
}

void TestReplayWindow::silentTargetTimesOut()
{
    SilentServer silent;
    QVERIFY(silent.start());

    ReplayWindow window;
    child<QLineEdit>(window, "targetEdit")->setText(silent.url().toString());
    child<QSpinBox>(window, "timeoutSpin")->setValue(300);
    compose(window, QStringLiteral("movie-a"));
    compose(window, QStringLiteral("movie-b"));

    QVERIFY2(runAndWait(window, 10000), "run against a silent server did not end");
    ReplayResultModel *model = window.resultModel();
    QCOMPARE(model->rowCount(), 2);
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(model->resultAt(row).outcome, ReplayOutcome::Error);
        QCOMPARE(model->resultAt(row).error, ReplayError::Timeout);
    }
    auto *view = child<QTableView>(window, "resultView");
    view->setCurrentIndex(model->index(0, 0));
    QVERIFY(child<QPlainTextEdit>(window, "resultDetail")->toPlainText().contains(QStringLiteral("timeout")));

    // The window is still usable: another callback can be added and run.
    compose(window, QStringLiteral("movie-c"));
    QCOMPARE(window.requests().size(), 3);
    QVERIFY(child<QPushButton>(window, "runButton")->isEnabled());
}

void TestReplayWindow::cancelStopsRun()
{
    SilentServer silent;
    QVERIFY(silent.start());

    ReplayWindow window;
    child<QLineEdit>(window, "targetEdit")->setText(silent.url().toString());
    child<QSpinBox>(window, "timeoutSpin")->setValue(60000);
    child<QSpinBox>(window, "concurrencySpin")->setValue(2);
    for (int i = 0; i < 5; ++i)
        compose(window, QStringLiteral("asset-%1").arg(i));

    QSignalSpy finished(&window, &ReplayWindow::runFinished);
    QTest::mouseClick(child<QPushButton>(window, "runButton"), Qt::LeftButton);
    QVERIFY(window.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(silent.accepted, 2, 10000);
    QVERIFY(child<QPushButton>(window, "cancelButton")->isEnabled());

    QTest::mouseClick(child<QPushButton>(window, "cancelButton"), Qt::LeftButton);
    QVERIFY(finished.wait(10000));
    QVERIFY(!window.isRunning());
    QVERIFY(finished.first().first().value<ReplaySummary>().canceled);
    QCOMPARE(window.resultModel()->rowCount(), 2);
    for (const ReplayResult &result : window.resultModel()->results())
        QCOMPARE(result.error, ReplayError::Canceled);
    QVERIFY(child<QPushButton>(window, "runButton")->isEnabled());
}

void TestReplayWindow::suiteRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("suite.json"));

    ReplayWindow saved;
    child<QLineEdit>(saved, "targetEdit")->setText(QStringLiteral("http://127.0.0.1:9/cb"));
    child<QSpinBox>(saved, "concurrencySpin")->setValue(17);
    child<QSpinBox>(saved, "timeoutSpin")->setValue(1234);
    child<QSpinBox>(saved, "repeatSpin")->setValue(3);
    child<QCheckBox>(saved, "parityCheck")->setChecked(true);
    child<QPlainTextEdit>(saved, "headerOverrides")->setPlainText(QStringLiteral("X-Test: 1"));
    compose(saved, QStringLiteral("movie-a"));
    compose(saved, QStringLiteral("movie-b"));

    // A hand-set expectation on the second request only.
    child<QListWidget>(saved, "requestList")->setCurrentRow(1);
    child<QComboBox>(saved, "expectSource")->setCurrentIndex(2);
    child<QComboBox>(saved, "expectDecision")->setCurrentIndex(1);
    child<QSpinBox>(saved, "expectStatus")->setValue(403);
    QTest::mouseClick(child<QPushButton>(saved, "applyExpectationButton"), Qt::LeftButton);
    QCOMPARE(saved.requests().at(1).expect.source, ExpectationSource::Manual);
    QCOMPARE(saved.requests().at(0).expect.source, ExpectationSource::None);

    QString error;
    QVERIFY2(saved.saveSuite(fileName, &error), qPrintable(error));

    ReplayWindow loaded;
    QSignalSpy done(&loaded, &ReplayWindow::fileLoaded);
    loaded.loadFile(fileName, true);
    QVERIFY(done.wait(10000));

    QCOMPARE(loaded.requests().size(), 2);
    QCOMPARE(loaded.requests().at(0).body, saved.requests().at(0).body);
    QCOMPARE(loaded.requests().at(1).expect.source, ExpectationSource::Manual);
    QCOMPARE(loaded.requests().at(1).expect.decision, Decision::Deny);
    QCOMPARE(loaded.requests().at(1).expect.status, 403);
    QCOMPARE(child<QLineEdit>(loaded, "targetEdit")->text(), QStringLiteral("http://127.0.0.1:9/cb"));
    QCOMPARE(child<QSpinBox>(loaded, "concurrencySpin")->value(), 17);
    QCOMPARE(child<QSpinBox>(loaded, "timeoutSpin")->value(), 1234);
    QCOMPARE(child<QSpinBox>(loaded, "repeatSpin")->value(), 3);
    QVERIFY(child<QCheckBox>(loaded, "parityCheck")->isChecked());
    QCOMPARE(child<QPlainTextEdit>(loaded, "headerOverrides")->toPlainText(), QStringLiteral("X-Test: 1"));

    // A file that is not a suite fails with a message and leaves the requests alone.
    const QString broken = dir.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"callbacklab-replay-suite\", \"version\": 1, \"requests\": [");
    file.close();
    QSignalSpy failed(&loaded, &ReplayWindow::loadFailed);
    loaded.loadFile(broken, true);
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.first().first().toString().contains(QStringLiteral("broken.json")));
    QCOMPARE(loaded.requests().size(), 2);
}

void TestReplayWindow::curlErrorShowsPosition()
{
    ReplayWindow window;
    auto *edit = child<QPlainTextEdit>(window, "curlEdit");
    edit->setPlainText(QStringLiteral("curl -d 'asset=a http://127.0.0.1:1/"));
    QTest::mouseClick(child<QPushButton>(window, "addCurlButton"), Qt::LeftButton);
    auto *error = child<QLabel>(window, "curlError");
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(QStringLiteral("character 9")), qPrintable(error->text()));
    QCOMPARE(edit->textCursor().position(), 8);
    QCOMPARE(window.requests().size(), 0);

    QVERIFY(window.addCurlCommand(QStringLiteral("curl -H 'Content-Type: application/json' "
                                                 "-d '{\"asset\":\"a\"}' http://127.0.0.1:1/cb")));
    QCOMPARE(window.requests().size(), 1);
    QCOMPARE(window.requests().at(0).body, QByteArray("{\"asset\":\"a\"}"));
    QVERIFY(error->isHidden());
}

void TestReplayWindow::invalidTargetRejected_data()
{
    QTest::addColumn<QString>("target");
    QTest::addRow("ftp scheme") << "ftp://127.0.0.1/";
    QTest::addRow("no host") << "http://";
    QTest::addRow("not a url") << "::::";
}

void TestReplayWindow::invalidTargetRejected()
{
    QFETCH(QString, target);

    ReplayWindow window;
    child<QLineEdit>(window, "targetEdit")->setText(target);
    compose(window, QStringLiteral("movie-a"));
    QTest::mouseClick(child<QPushButton>(window, "runButton"), Qt::LeftButton);
    QVERIFY(!window.isRunning());
    QVERIFY(child<QLabel>(window, "replayStatus")->text().contains(target));
    QCOMPARE(window.resultModel()->rowCount(), 0);
}

void TestReplayWindow::mainWindowReplaysSelection()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    QVERIFY(writeLoopbackProfile(profile));

    MainWindow window(profile, dir.filePath(QStringLiteral("log.sqlite")));
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.responderService()->state(), ResponderService::State::Listening, 10000);
    const QUrl url = window.responderService()->callbackUrl();

    // Ctrl+R with nothing selected opens nothing.
    auto *replayAction = window.findChild<QAction *>(QStringLiteral("replaySelectedAction"));
    QVERIFY(replayAction);
    QCOMPARE(replayAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
    replayAction->trigger();
    QVERIFY(!window.replayWindow());

    // One callback reaches the log.
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
    std::unique_ptr<QNetworkReply> reply(
        network.post(request, QByteArray(R"({"asset":"movie-a","user":"u","session":"s"})")));
    QSignalSpy replied(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || replied.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QTRY_COMPARE_WITH_TIMEOUT(window.requestLog()->logModel()->rowCount(), 1, 10000);

    window.requestLog()->view()->selectRow(0);
    replayAction->trigger();
    ReplayWindow *replay = window.replayWindow();
    QVERIFY(replay);
    QVERIFY(replay->isVisible());
    QVERIFY(replay->isWindow());
    QCOMPARE(replay->requests().size(), 1);
    QCOMPARE(replay->requests().at(0).expect.source, ExpectationSource::Recorded);
    QCOMPARE(child<QLineEdit>(*replay, "targetEdit")->text(), url.toString());

    QVERIFY(runAndWait(*replay));
    QCOMPARE(replay->resultModel()->rowCount(), 1);
    QCOMPARE(replay->resultModel()->resultAt(0).outcome, ReplayOutcome::Matched);
}

QTEST_MAIN(TestReplayWindow)
#include "tst_replaywindow.moc"
