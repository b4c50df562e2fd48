// The main window with real components: a responder on loopback, a profile in
// a temporary folder, callbacks sent over HTTP and edits made through the
// widgets the way a user makes them. Also the log and asset models on their own.
#include "assettablemodel.h"
#include "decisionspanel.h"
#include "exchangedetailview.h"
#include "exchangefiltermodel.h"
#include "exchangelogmodel.h"
#include "mainwindow.h"
#include "messageview.h"
#include "requestlogpanel.h"
#include "responderservice.h"
#include "responsesettings.h"
#include "settingsstore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QTimer>
#include <QTreeWidget>
#include <QMenu>
#include <QClipboard>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "guitesthelpers.h"
#include "testhttpclient.h"

using State = ResponderService::State;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void allowThenDenyThroughAssetsTable();
    void assetDelegateAndDoubleClick();
    void crtFieldChangesReply();
    void rawJsonKeepsInvalidAndUnknownFields();
    void rawJsonSyntaxErrorNotApplied_data();
    void rawJsonSyntaxErrorNotApplied();
    void missingProfileIsCreated();
    void corruptProfileLeftUntouched_data();
    void corruptProfileLeftUntouched();
    void portInUseShowsError();
    void findShortcutFocusesLogFilter();
    void detailCutsLargeBodies();
    void detailBodyModesAndCopy();

    void logModelBatchesAndCaps();
    void logModelPauseDropsExchanges();
    void logPanelKeepsSelectionOnTrim();
    void logFilter_data();
    void logFilter();
    void assetModelAvoidsResets();
};

namespace {

using TestHttp::HttpReply;
using TestHttp::NetworkTimeoutMs;
using TestHttp::postCallback;

QJsonObject callbackFor(const QString &asset, const QString &user = QStringLiteral("user-1"))
{
    return QJsonObject{
        {"asset", asset},
        {"user", user},
        {"session", "session-1"},
        {"drmScheme", "WIDEVINE"},
        {"requestMetadata", QJsonObject{{"remoteAddr", "203.0.113.7"}, {"userAgent", "test-player"}}},
    };
}

// A profile whose server listens on 127.0.0.1 at port.
void writeProfile(const QString &fileName, quint16 port)
{
    ResponseSettings settings;
    settings.server.address = QStringLiteral("127.0.0.1");
    settings.server.port = port;
    QFile file(fileName);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.write(ProfileFormat::toJson(settings)) > 0);
}

using GuiTest::child;
using GuiTest::startOnFreePort;

// The row of the assets view showing asset, or an invalid index.
QModelIndex assetRow(QTableView *view, const QString &asset)
{
    const QModelIndexList found = view->model()->match(view->model()->index(0, AssetTableModel::AssetColumn),
                                                       Qt::DisplayRole, asset, 1, Qt::MatchExactly);
    return found.value(0);
}

Exchange exchangeFor(quint64 id, const QString &asset, const QString &user, const QString &session)
{
    Exchange exchange;
    exchange.id = id;
    exchange.callback.asset = asset;
    exchange.callback.assets = asset.split(QLatin1Char(','));
    exchange.callback.user = user;
    exchange.callback.session = session;
    exchange.decision = Decision::Allow;
    exchange.request.receivedAt = QDateTime::currentDateTimeUtc();
    return exchange;
}

QList<Exchange> exchangeRange(quint64 first, quint64 last)
{
    QList<Exchange> exchanges;
    for (quint64 id = first; id <= last; ++id)
        exchanges.append(exchangeFor(id, QStringLiteral("asset-%1").arg(id), QStringLiteral("u"), QStringLiteral("s")));
    return exchanges;
}

} // namespace

void TestMainWindow::initTestCase()
{
    // Keeps window geometry and the default profile out of the user's configuration.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CallbackLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::allowThenDenyThroughAssetsTable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    writeProfile(profile, busy.serverPort());

    MainWindow window(profile);
    window.show();
    startOnFreePort(window);
    const QUrl url = window.responderService()->callbackUrl();
    QCOMPARE(child<QLabel>(&window, "callbackUrlLabel")->text(), url.toString());

    // An unknown asset follows the default, allow.
    const HttpReply first = postCallback(url, callbackFor(QStringLiteral("sigma_vtv1")));
    QCOMPARE(first.error, QString());
    QCOMPARE(first.status, 200);

    // The asset joins the table.
    auto *assets = child<QTableView>(&window, "assetsView");
    QVERIFY(assets);
    QTRY_VERIFY(assetRow(assets, QStringLiteral("sigma_vtv1")).isValid());
    const QModelIndex row = assetRow(assets, QStringLiteral("sigma_vtv1"));
    const QModelIndex decisionCell = row.siblingAtColumn(AssetTableModel::DecisionColumn);
    QCOMPARE(decisionCell.data().toString(), QStringLiteral("Follow default (allow)"));

    // Select the row and press Space, as a user toggles it.
    assets->setFocus();
    assets->setCurrentIndex(row);
    QTest::keyClick(assets, Qt::Key_Space);
    QCOMPARE(decisionCell.data().toString(), QStringLiteral("Deny"));
    QCOMPARE(window.settingsStore()->snapshot()->assetMode(QStringLiteral("sigma_vtv1")), AssetMode::Deny);

    const HttpReply second = postCallback(url, callbackFor(QStringLiteral("sigma_vtv1")));
    QCOMPARE(second.error, QString());
    QCOMPARE(second.status, 403);

    // Both exchanges reach the log with their decision and status.
    auto *log = child<ExchangeLogModel>(&window, "exchangeLogModel");
    QVERIFY(log);
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 2, NetworkTimeoutMs);
    QCOMPARE(log->index(0, ExchangeLogModel::AssetColumn).data().toString(), QStringLiteral("sigma_vtv1"));
    QCOMPARE(log->index(0, ExchangeLogModel::DecisionColumn).data().toString(), QStringLiteral("Allow"));
    QCOMPARE(log->index(0, ExchangeLogModel::StatusColumn).data().toString(), QStringLiteral("200"));
    QCOMPARE(log->index(1, ExchangeLogModel::DecisionColumn).data().toString(), QStringLiteral("Deny"));
    QCOMPARE(log->index(1, ExchangeLogModel::StatusColumn).data().toString(), QStringLiteral("403"));
    QCOMPARE(log->index(1, ExchangeLogModel::DrmSchemeColumn).data().toString(), QStringLiteral("WIDEVINE"));
    QCOMPARE(log->index(1, ExchangeLogModel::ClientIpColumn).data().toString(), QStringLiteral("203.0.113.7"));

    // Selecting the denied exchange fills the detail pane.
    auto *logView = child<QTableView>(&window, "logView");
    QVERIFY(logView);
    logView->setCurrentIndex(logView->model()->index(1, 0));
    const QString summary = child<QTextBrowser>(&window, "detailSummary")->toPlainText();
    QVERIFY2(summary.contains(QStringLiteral("sigma_vtv1")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("asset:sigma_vtv1")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("test-player")), qPrintable(summary));
    auto *requestView = child<MessageView>(&window, "detailRequest");
    QVERIFY(requestView);
    const QString requestLine = requestView->findChild<QLabel *>(QStringLiteral("startLine"))->text();
    QVERIFY2(requestLine.startsWith(QStringLiteral("POST ")), qPrintable(requestLine));
    QCOMPARE(requestView->bodyMode(), MessageView::BodyMode::Json);
    const QString requestBody = requestView->findChild<QPlainTextEdit *>(QStringLiteral("bodyText"))->toPlainText();
    QVERIFY2(requestBody.contains(QStringLiteral("\"session\": \"session-1\"")), qPrintable(requestBody));
    auto *responseView = child<MessageView>(&window, "detailResponse");
    QVERIFY(responseView);
    const QString statusLine = responseView->findChild<QLabel *>(QStringLiteral("startLine"))->text();
    QVERIFY2(statusLine.contains(QStringLiteral("403")), qPrintable(statusLine));
    const QString responseBody = responseView->findChild<QPlainTextEdit *>(QStringLiteral("bodyText"))->toPlainText();
    QVERIFY2(responseBody.contains(QStringLiteral("denied")), qPrintable(responseBody));

    // The log filter box narrows the rows after a short pause in typing.
    auto *logFilter = child<QLineEdit>(&window, "logFilterEdit");
    QVERIFY(logFilter);
    logFilter->setText(QStringLiteral("no-such-asset"));
    QTRY_COMPARE(logView->model()->rowCount(), 0);
    logFilter->setText(QStringLiteral("SIGMA"));
    QTRY_COMPARE(logView->model()->rowCount(), 2);

    // The status bar counts both.
    const QString traffic = child<QLabel>(&window, "trafficStatusLabel")->text();
    QVERIFY2(traffic.contains(QStringLiteral("Allowed 1")), qPrintable(traffic));
    QVERIFY2(traffic.contains(QStringLiteral("Denied 1")), qPrintable(traffic));
}

void TestMainWindow::assetDelegateAndDoubleClick()
{
    SettingsStore store;
    store.update([](ResponseSettings &settings) {
        settings.assets.append(AssetEntry{QStringLiteral("movie-a"), AssetMode::FollowDefault});
        settings.assets.append(AssetEntry{QStringLiteral("movie-b"), AssetMode::FollowDefault});
    });
    DecisionsPanel panel(&store);
    panel.show();
    QTableView *view = panel.assetView();
    QTRY_COMPARE(view->model()->rowCount(), 2);

    // The combo box editor: one step down from Follow default is Allow.
    const QModelIndex cell = assetRow(view, QStringLiteral("movie-b")).siblingAtColumn(AssetTableModel::DecisionColumn);
    view->setCurrentIndex(cell);
    view->edit(cell);
    auto *editor = view->findChild<QComboBox *>(QStringLiteral("assetModeEditor"));
    QVERIFY(editor);
    QTest::keyClick(editor, Qt::Key_Down);
    QCOMPARE(store.snapshot()->assetMode(QStringLiteral("movie-b")), AssetMode::Allow);
    QCOMPARE(cell.data().toString(), QStringLiteral("Allow"));

    // A double click flips the effective decision.
    // QTest sends only the double-click event itself, so the click before it comes first.
    const QPoint center = view->visualRect(cell).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, center);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, center);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, Qt::NoModifier, center);
    QCOMPARE(store.snapshot()->assetMode(QStringLiteral("movie-b")), AssetMode::Deny);
    QCOMPARE(store.snapshot()->assetMode(QStringLiteral("movie-a")), AssetMode::FollowDefault);

    // The filter box narrows the table.
    auto *filter = panel.findChild<QLineEdit *>(QStringLiteral("assetFilterEdit"));
    QVERIFY(filter);
    filter->setText(QStringLiteral("-A"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, 0).data().toString(), QStringLiteral("movie-a"));
}

void TestMainWindow::crtFieldChangesReply()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    writeProfile(profile, busy.serverPort());

    MainWindow window(profile);
    window.show();
    startOnFreePort(window);
    const QUrl url = window.responderService()->callbackUrl();

    auto *include = child<QCheckBox>(&window, "keyExpireTimeInclude");
    auto *spin = child<QSpinBox>(&window, "keyExpireTimeSpin");
    QVERIFY(include && spin);
    QVERIFY(include->isChecked());
    spin->setValue(1234);

    HttpReply reply = postCallback(url, callbackFor(QStringLiteral("crt-asset")));
    QCOMPARE(reply.status, 200);
    QJsonObject payload = QJsonDocument::fromJson(reply.body).object().value("payload").toObject();
    QCOMPARE(payload.value("keyExpireTime").toInt(), 1234);
    QVERIFY(payload.contains("hdcpLevel"));

    // Leaving a field out removes it from the next reply.
    auto *hdcpInclude = child<QCheckBox>(&window, "hdcpLevelInclude");
    QVERIFY(hdcpInclude);
    hdcpInclude->click();
    reply = postCallback(url, callbackFor(QStringLiteral("crt-asset")));
    QCOMPARE(reply.status, 200);
    payload = QJsonDocument::fromJson(reply.body).object().value("payload").toObject();
    QVERIFY2(!payload.contains("hdcpLevel"), reply.body.constData());
    QCOMPARE(payload.value("keyExpireTime").toInt(), 1234);

    // Turning the CRT off sends 200 with an empty body.
    child<QCheckBox>(&window, "crtEnabledCheck")->click();
    reply = postCallback(url, callbackFor(QStringLiteral("crt-asset")));
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.body, QByteArray());
}

void TestMainWindow::rawJsonKeepsInvalidAndUnknownFields()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    writeProfile(profile, busy.serverPort());
    MainWindow window(profile);
    window.show();

    // Values the license server would reject are applied, with findings.
    auto *raw = child<QPlainTextEdit>(&window, "crtRawEdit");
    QVERIFY(raw);
    raw->setPlainText(QStringLiteral("{\"keyExpireTime\": 71582789, \"storeLicence\": true}"));
    const QJsonObject typed{{"keyExpireTime", 71582789}, {"storeLicence", true}};
    QCOMPARE(window.settingsStore()->snapshot()->crt, typed);
    QVERIFY(child<QLabel>(&window, "crtRawError")->isHidden());

    auto *findings = child<QTextBrowser>(&window, "crtFindingsView");
    QVERIFY(findings);
    const QString findingsText = findings->toPlainText();
    QVERIFY2(findingsText.contains(QStringLiteral("(crt-out-of-range)")), qPrintable(findingsText));
    QVERIFY2(findingsText.contains(QStringLiteral("(crt-unknown-field)")), qPrintable(findingsText));
    QVERIFY2(!child<QLabel>(&window, "crtFindingsSummary")->text().startsWith(QStringLiteral("No findings")),
             qPrintable(child<QLabel>(&window, "crtFindingsSummary")->text()));

    // The form shows that it cannot display the out-of-range value.
    QVERIFY(child<QCheckBox>(&window, "keyExpireTimeInclude")->isChecked());
    QVERIFY(!child<QLabel>(&window, "keyExpireTimeNote")->isHidden());
    QVERIFY(!child<QCheckBox>(&window, "allowRootInclude")->isChecked());

    // A form edit keeps the fields it does not touch.
    child<QCheckBox>(&window, "allowRootInclude")->click();
    const QJsonObject crt = window.settingsStore()->snapshot()->crt;
    QCOMPARE(crt.value("storeLicence"), QJsonValue(true));
    QCOMPARE(crt.value("keyExpireTime"), QJsonValue(71582789));
    QCOMPARE(crt.value("allowRoot"), QJsonValue(1));

    // The raw text follows the form, and the preview shows the reply body.
    QVERIFY2(raw->toPlainText().contains(QStringLiteral("\"allowRoot\": 1")), qPrintable(raw->toPlainText()));
    const QString preview = child<QPlainTextEdit>(&window, "crtPreview")->toPlainText();
    QVERIFY2(preview.contains(QStringLiteral("\"storeLicence\": true")), qPrintable(preview));
}

void TestMainWindow::rawJsonSyntaxErrorNotApplied_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedError");

    QTest::addRow("missing value on line 2") << "{\"keyExpireTime\": 60,\n  \"x\": }" << "line 2";
    QTest::addRow("unterminated object") << "{\"keyExpireTime\": 60" << "line 1";
    QTest::addRow("array instead of object") << "[1, 2]" << "JSON object";
    QTest::addRow("empty text") << "" << "line 1";
}

void TestMainWindow::rawJsonSyntaxErrorNotApplied()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedError);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    writeProfile(profile, busy.serverPort());
    MainWindow window(profile);
    window.show();

    const QJsonObject before = window.settingsStore()->snapshot()->crt;
    auto *raw = child<QPlainTextEdit>(&window, "crtRawEdit");
    QVERIFY(raw);
    raw->setPlainText(text);

    auto *error = child<QLabel>(&window, "crtRawError");
    QVERIFY(!error->isHidden());
    QVERIFY2(error->text().contains(expectedError), qPrintable(error->text()));
    QCOMPARE(window.settingsStore()->snapshot()->crt, before);

    // Fixing the text applies it and clears the error.
    raw->setPlainText(QStringLiteral("{\"keyExpireTime\": 5}"));
    QVERIFY(error->isHidden());
    QCOMPARE(window.settingsStore()->snapshot()->crt, QJsonObject({{"keyExpireTime", 5}}));
}

void TestMainWindow::missingProfileIsCreated()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = dir.filePath(QStringLiteral("new/profile.json"));
    QVERIFY(!QFile::exists(profile));

    MainWindow window(profile);
    window.show();
    QCOMPARE(window.settingsStore()->profileFile(), profile);
    QVERIFY(child<QLabel>(&window, "unsavedLabel")->isHidden());

    window.settingsStore()->flush();
    QFile file(profile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    ResponseSettings saved;
    QString problem;
    QVERIFY2(ProfileFormat::fromJson(file.readAll(), &saved, &problem), qPrintable(problem));
    QCOMPARE(saved.denyStatus, 403);
}

void TestMainWindow::corruptProfileLeftUntouched_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::addRow("not JSON") << QByteArray("{ \"format\": ");
    QTest::addRow("other format") << QByteArray("{\"format\": \"something-else\", \"version\": 1}");
    QTest::addRow("newer version") << QByteArray("{\"format\": \"callbacklab-profile\", \"version\": 99}");
    QTest::addRow("deny status out of range")
        << QByteArray("{\"format\": \"callbacklab-profile\", \"version\": 1, \"denyStatus\": 99}");
}

void TestMainWindow::corruptProfileLeftUntouched()
{
    QFETCH(QByteArray, content);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    {
        QFile file(profile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
    }

    MainWindow window(profile);
    window.show();

    // A message box names the file and the problem.
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("profileErrorBox"))) && box->isVisible());
    QVERIFY2(box->text().contains(QDir::toNativeSeparators(profile)), qPrintable(box->text()));
    QVERIFY2(box->informativeText().contains(QStringLiteral("not saved")), qPrintable(box->informativeText()));
    QVERIFY(!child<QLabel>(&window, "unsavedLabel")->isHidden());
    QCOMPARE(window.settingsStore()->profileFile(), QString());

    // Edits work but never reach the bad file.
    child<QSpinBox>(&window, "denyStatusSpin")->setValue(451);
    QCOMPARE(window.settingsStore()->snapshot()->denyStatus, 451);
    window.settingsStore()->flush();
    box->close();

    QFile file(profile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), content);
}

void TestMainWindow::portInUseShowsError()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString port = QString::number(busy.serverPort());
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    writeProfile(profile, busy.serverPort());

    MainWindow window(profile);
    window.show();
    QTRY_COMPARE_WITH_TIMEOUT(window.responderService()->state(), State::Failed, NetworkTimeoutMs);

    auto *error = child<QLabel>(&window, "serverErrorLabel");
    QVERIFY(error && !error->isHidden());
    QVERIFY2(error->text().contains(port), qPrintable(error->text()));
    QVERIFY2(window.statusBar()->currentMessage().contains(port), qPrintable(window.statusBar()->currentMessage()));
    QCOMPARE(child<QLabel>(&window, "serverStateLabel")->text(), QStringLiteral("Failed"));
    QCOMPARE(child<QPushButton>(&window, "serverStartButton")->text(), QStringLiteral("Start"));

    // The window keeps working: another port serves callbacks.
    startOnFreePort(window);
    QVERIFY(error->isHidden());
    const HttpReply reply = postCallback(window.responderService()->callbackUrl(), callbackFor(QStringLiteral("x")));
    QCOMPARE(reply.error, QString());
    QCOMPARE(reply.status, 200);
}

void TestMainWindow::findShortcutFocusesLogFilter()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const QString profile = dir.filePath(QStringLiteral("profile.json"));
    writeProfile(profile, busy.serverPort());
    MainWindow window(profile);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    auto *assets = child<QTableView>(&window, "assetsView");
    assets->setFocus();
    QVERIFY(QTest::qWaitFor([assets] { return assets->hasFocus(); }));
    QTest::keyClick(assets, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(child<QLineEdit>(&window, "storedLogFilterEdit")->hasFocus());

    // On the live tab the same key focuses the live log's filter.
    auto *tabs = child<QTabWidget>(&window, "logTabs");
    tabs->setCurrentIndex(1);
    assets->setFocus();
    QVERIFY(QTest::qWaitFor([assets] { return assets->hasFocus(); }));
    QTest::keyClick(assets, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(child<QLineEdit>(&window, "logFilterEdit")->hasFocus());
}

namespace {

QString bodyShown(MessageView *view)
{
    return view->findChild<QPlainTextEdit *>(QStringLiteral("bodyText"))->toPlainText();
}

// Opens the context menu of a widget at a point and triggers the action with
// the given object name.
void triggerContextAction(QWidget *widget, const QPoint &position, const QString &actionName)
{
    bool triggered = false;
    QTimer::singleShot(0, widget, [&triggered, actionName] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        auto *action = menu->findChild<QAction *>(actionName);
        if (action) {
            action->trigger();
            triggered = true;
        }
        menu->close();
    });
    emit widget->customContextMenuRequested(position);
    QVERIFY2(triggered, qPrintable(actionName));
}

} // namespace

void TestMainWindow::detailCutsLargeBodies()
{
    Exchange exchange;
    exchange.request.method = "POST";
    exchange.request.target = "/cb";
    exchange.request.httpVersion = "HTTP/1.1";
    exchange.request.body = QByteArray(ExchangeDetailView::BodyPreviewBytes + 10, 'a') + "TAIL";
    exchange.response.body = R"({"payload":{"keyExpireTime":60}})";

    ExchangeDetailView detail;
    detail.showExchange(exchange);
    const QString cut = bodyShown(detail.requestView());
    QCOMPARE(detail.requestView()->bodyMode(), MessageView::BodyMode::Text);
    QVERIFY(!cut.contains(QStringLiteral("TAIL")));
    QVERIFY2(cut.contains(QStringLiteral("cut after")), qPrintable(cut.right(200)));

    auto *wholeButton = detail.findChild<QPushButton *>(QStringLiteral("showWholeBodyButton"));
    QVERIFY(wholeButton);
    wholeButton->click();
    QVERIFY(bodyShown(detail.requestView()).endsWith(QStringLiteral("aTAIL")));

    // A small JSON body is formatted, and shown as sent in Text mode.
    QCOMPARE(detail.responseView()->bodyMode(), MessageView::BodyMode::Json);
    QVERIFY2(bodyShown(detail.responseView()).contains(QStringLiteral("\"keyExpireTime\": 60")),
             qPrintable(bodyShown(detail.responseView())));
    detail.responseView()->setBodyMode(MessageView::BodyMode::Text);
    QCOMPARE(bodyShown(detail.responseView()), QStringLiteral(R"({"payload":{"keyExpireTime":60}})"));

    // A parsed field of megabytes is cut in the summary, which would
    // otherwise take the rich-text layout minutes.
    exchange.callback.extraData = QString(3 << 20, QLatin1Char('x'));
    const QString summary = ExchangeDetailView::summaryHtml(exchange);
    QVERIFY2(summary.size() < 10000, qPrintable(QString::number(summary.size())));
    QVERIFY(summary.contains(QStringLiteral("more characters")));

    // A stored exchange is headed by its log id; its number in its run is a row.
    exchange.id = 7;
    const QString live = ExchangeDetailView::summaryHtml(exchange);
    QVERIFY2(live.contains(QStringLiteral("<h3>#7 ")), qPrintable(live.left(200)));
    QVERIFY(!live.contains(QStringLiteral("Number in its run")));
    const QString stored = ExchangeDetailView::summaryHtml(exchange, 123456);
    QVERIFY2(stored.contains(QStringLiteral("<h3>#123456 ")), qPrintable(stored.left(200)));
    QVERIFY(stored.contains(QStringLiteral("<b>Number in its run</b></td><td>7</td>")));
}

void TestMainWindow::detailBodyModesAndCopy()
{
    Exchange exchange;
    exchange.request.method = "POST";
    exchange.request.target = "/cb";
    exchange.request.httpVersion = "HTTP/1.1";
    exchange.request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}, {"X-Trace", "abc: 1"}};
    exchange.request.body = "asset=a%201&user=b%2Bc&session=s+1";
    exchange.response.status = 200;
    exchange.response.body = QByteArray("\x00\x01" "binary\xff", 9);
    exchange.callback.user = QStringLiteral("user-copied");

    ExchangeDetailView detail;
    detail.resize(800, 600);
    detail.show();
    QVERIFY(QTest::qWaitForWindowExposed(&detail));
    detail.showExchange(exchange);

    // The form body opens as a table of decoded fields.
    MessageView *request = detail.requestView();
    QCOMPARE(request->bodyMode(), MessageView::BodyMode::Form);
    auto *form = request->findChild<QTreeWidget *>(QStringLiteral("formTable"));
    QVERIFY(form);
    QCOMPARE(form->topLevelItemCount(), 3);
    QCOMPARE(form->topLevelItem(0)->text(1), QStringLiteral("a 1"));
    QCOMPARE(form->topLevelItem(1)->text(1), QStringLiteral("b+c"));
    QCOMPARE(form->topLevelItem(2)->text(1), QStringLiteral("s 1"));

    // Binary bytes open as hex.
    QCOMPARE(detail.responseView()->bodyMode(), MessageView::BodyMode::Hex);
    QVERIFY2(bodyShown(detail.responseView()).startsWith(QStringLiteral("00000000  00 01 62 69")),
             qPrintable(bodyShown(detail.responseView())));

    // Formatted JSON chosen for a body that is not JSON reports where parsing failed.
    request->setBodyMode(MessageView::BodyMode::Json);
    QVERIFY2(bodyShown(request).contains(QStringLiteral("not JSON")), qPrintable(bodyShown(request)));
    request->setBodyMode(MessageView::BodyMode::Form);

    // Copy Value on a header row, a form row and a summary row.
    auto *tabs = detail.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
    tabs->setCurrentWidget(request);
    auto *headers = request->findChild<QTreeWidget *>(QStringLiteral("headerList"));
    const QPoint headerPoint = headers->visualItemRect(headers->topLevelItem(1)).center();
    triggerContextAction(headers, headerPoint, QStringLiteral("copyValueAction"));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("abc: 1"));

    const QPoint formPoint = form->visualItemRect(form->topLevelItem(1)).center();
    triggerContextAction(form, formPoint, QStringLiteral("copyValueAction"));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("b+c"));

    tabs->setCurrentIndex(0);
    auto *summary = detail.findChild<QTextBrowser *>(QStringLiteral("detailSummary"));
    QTextCursor found = summary->document()->find(QStringLiteral("user-copied"));
    QVERIFY(!found.isNull());
    const QPoint summaryPoint = summary->cursorRect(found).center();
    QCOMPARE(detail.summaryValueAt(summaryPoint), QStringLiteral("user-copied"));
    triggerContextAction(summary, summaryPoint, QStringLiteral("copyValueAction"));
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("user-copied"));
}

void TestMainWindow::logModelBatchesAndCaps()
{
    ExchangeLogModel log;
    QAbstractItemModelTester tester(&log, QAbstractItemModelTester::FailureReportingMode::QtTest);
    log.setCapacity(5);
    QSignalSpy inserted(&log, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&log, &QAbstractItemModel::rowsRemoved);

    // Two batches before a flush become one insertion. Of 7 exchanges only the newest 5 fit.
    log.append(exchangeRange(1, 3));
    log.append(exchangeRange(4, 7));
    QCOMPARE(log.rowCount(), 0);
    log.flush();
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(log.rowCount(), 5);
    QCOMPARE(log.exchangeAt(0).id, quint64(3));
    QCOMPARE(log.exchangeAt(4).id, quint64(7));

    // When full, the oldest rows go first, in one removal.
    log.append(exchangeRange(8, 9));
    log.flush();
    QCOMPARE(removed.count(), 1);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(log.rowCount(), 5);
    QCOMPARE(log.exchangeAt(0).id, quint64(5));
    QCOMPARE(log.exchangeAt(4).id, quint64(9));

    // The flush timer inserts without an explicit flush.
    log.append(exchangeRange(10, 10));
    QTRY_COMPARE(log.exchangeAt(4).id, quint64(10));

    log.clear();
    QCOMPARE(log.rowCount(), 0);
}

void TestMainWindow::logModelPauseDropsExchanges()
{
    ExchangeLogModel log;
    log.append(exchangeRange(1, 2));
    log.setPaused(true);
    QCOMPARE(log.rowCount(), 2);

    log.append(exchangeRange(3, 5));
    log.flush();
    QCOMPARE(log.rowCount(), 2);
    QCOMPARE(log.droppedWhilePaused(), quint64(3));

    log.setPaused(false);
    QCOMPARE(log.droppedWhilePaused(), quint64(0));
    log.append(exchangeRange(6, 6));
    log.flush();
    QCOMPARE(log.rowCount(), 3);
    QCOMPARE(log.exchangeAt(2).id, quint64(6));
}

void TestMainWindow::logPanelKeepsSelectionOnTrim()
{
    RequestLogPanel panel;
    ExchangeLogModel *log = panel.logModel();
    log->setCapacity(3);
    log->append(exchangeRange(1, 3));
    log->flush();

    QSignalSpy selected(&panel, &RequestLogPanel::exchangeSelected);
    panel.view()->setCurrentIndex(panel.view()->model()->index(0, 0));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.at(0).at(0).value<Exchange>().id, quint64(1));

    // Trimming the selected oldest row must not switch the detail pane to another exchange.
    log->append(exchangeRange(4, 4));
    log->flush();
    QCOMPARE(log->exchangeAt(0).id, quint64(2));
    QCOMPARE(selected.count(), 1);

    panel.view()->setCurrentIndex(panel.view()->model()->index(2, 0));
    QCOMPARE(selected.count(), 2);
    QCOMPARE(selected.at(1).at(0).value<Exchange>().id, quint64(4));
}

void TestMainWindow::logFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QList<quint64>>("expectedIds");

    QTest::addRow("empty shows all") << "" << QList<quint64>{1, 2, 3};
    QTest::addRow("asset substring") << "vtv" << QList<quint64>{1};
    QTest::addRow("user ignores case") << "ALICE" << QList<quint64>{2};
    QTest::addRow("session") << "sess-3" << QList<quint64>{3};
    QTest::addRow("second asset of several") << "trailer" << QList<quint64>{3};
    QTest::addRow("decision text not searched") << "allow" << QList<quint64>{};
    QTest::addRow("no match") << "nothing" << QList<quint64>{};
    QTest::addRow("quick term user") << "user:alice" << QList<quint64>{2};
    QTest::addRow("negated quick term") << "-user:alice" << QList<quint64>{1, 3};
    QTest::addRow("quick term asset") << "asset:movie" << QList<quint64>{2};
    QTest::addRow("unknown field keeps all") << "usr:alice" << QList<quint64>{1, 2, 3};
}

void TestMainWindow::logFilter()
{
    QFETCH(QString, filter);
    QFETCH(QList<quint64>, expectedIds);

    ExchangeLogModel log;
    log.append({exchangeFor(1, "sigma_vtv1", "bob", "sess-1"), exchangeFor(2, "movie", "alice", "sess-2"),
                exchangeFor(3, "feature,trailer", "carol", "sess-3")});
    log.flush();
    ExchangeFilterModel proxy(&log);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const std::optional<FilterError> error = proxy.setFilterText(filter);
    QCOMPARE(error.has_value(), filter.startsWith("usr:"));

    QList<quint64> ids;
    for (int row = 0; row < proxy.rowCount(); ++row)
        ids.append(proxy.index(row, 0).data(ExchangeLogModel::ExchangeIdRole).toULongLong());
    QCOMPARE(ids, expectedIds);
}

void TestMainWindow::assetModelAvoidsResets()
{
    SettingsStore store;
    store.update([](ResponseSettings &settings) {
        for (int i = 0; i < 10000; ++i)
            settings.assets.append(AssetEntry{QStringLiteral("asset-%1").arg(i, 5, 10, QLatin1Char('0')),
                                              AssetMode::FollowDefault});
    });
    AssetTableModel model(&store);
    QCOMPARE(model.rowCount(), 10000);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removals(&model, &QAbstractItemModel::rowsRemoved);

    // A decision edit repaints one row.
    QVERIFY(model.setData(model.index(5000, AssetTableModel::DecisionColumn), int(AssetMode::Deny)));
    QCOMPARE(store.snapshot()->assetMode(QStringLiteral("asset-05000")), AssetMode::Deny);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(changes.at(0).at(0).toModelIndex().row(), 5000);
    QCOMPARE(changes.at(0).at(1).toModelIndex().row(), 5000);

    // Assets seen in callbacks are appended as rows.
    store.noteAssets({QStringLiteral("seen-1"), QStringLiteral("seen-2")});
    QTRY_COMPARE(model.rowCount(), 10002);
    QCOMPARE(inserts.count(), 1);
    QCOMPARE(model.assetAt(10001), QStringLiteral("seen-2"));

    // Removing one asset removes one row.
    model.removeAssets({QStringLiteral("asset-00010")});
    QCOMPARE(removals.count(), 1);
    QCOMPARE(model.rowCount(), 10001);
    QCOMPARE(model.assetAt(10), QStringLiteral("asset-00011"));

    // A new default repaints the decision column.
    changes.clear();
    store.update([](ResponseSettings &settings) { settings.defaultDecision = Decision::Deny; });
    model.refresh();
    QCOMPARE(changes.count(), 1);
    QCOMPARE(model.index(0, AssetTableModel::DecisionColumn).data().toString(), QStringLiteral("Follow default (deny)"));
    QCOMPARE(resets.count(), 0);

    // Reordering is structural and resets.
    store.update([](ResponseSettings &settings) { std::reverse(settings.assets.begin(), settings.assets.end()); });
    model.refresh();
    QCOMPARE(resets.count(), 1);
    QCOMPARE(model.assetAt(0), QStringLiteral("seen-2"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
