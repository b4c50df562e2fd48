#include "mainwindow.h"

#include "counterspanel.h"
#include "crteditor.h"
#include "decisionspanel.h"
#include "exchangedetailview.h"
#include "exchangelogmodel.h"
#include "historyactions.h"
#include "masterswitchbar.h"
#include "profilecontroller.h"
#include "recentprofiles.h"
#include "replaywindow.h"
#include "exchangestore.h"
#include "logviewpanel.h"
#include "ratesparkline.h"
#include "requestlogpanel.h"
#include "responderservice.h"
#include "rulespanel.h"
#include "serverbar.h"
#include "settingsstore.h"
#include "trafficstatuslabel.h"
#include "uilogging.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QTabWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>

namespace {

const auto GeometryKey = QStringLiteral("mainWindow/geometry");
const auto StateKey = QStringLiteral("mainWindow/state");
const auto LogSplitterKey = QStringLiteral("mainWindow/logSplitter");

} // namespace

MainWindow::MainWindow(const QString &profileFile, QWidget *parent)
    : MainWindow(profileFile, QString(), parent)
{
}

MainWindow::MainWindow(const QString &profileFile, const QString &logDatabaseFile, QWidget *parent)
    : QMainWindow(parent)
    , m_store(new SettingsStore(this))
    , m_service(new ResponderService(m_store, this))
{
    const QString fileName = profileFile.isEmpty() ? SettingsStore::defaultProfileFile() : profileFile;
    loadProfile(fileName);

    buildWidgets();
    buildRuleWidgets();
    buildMenus();
    connectService();
    restoreWindowState();
    updateTitle();

    m_storedLog->openLog(logDatabaseFile.isEmpty() ? ExchangeStore::defaultFileName() : logDatabaseFile);
    m_serverBar->startServer();
}

MainWindow::~MainWindow()
{
    // The responder thread reads the store, so it stops before the store goes.
    delete m_service;
    m_service = nullptr;
}

// Reads the profile, or saves the built-in defaults to it when it does not
// exist yet. A profile that exists but cannot be loaded is never written to:
// the window runs on defaults without a profile file until the user picks one.
void MainWindow::loadProfile(const QString &fileName)
{
    if (!QFileInfo::exists(fileName)) {
        qCInfo(lcUi) << "Profile" << fileName << "does not exist; saving the built-in defaults there";
        useProfileFile(fileName);
        return;
    }

    QString problem;
    if (m_store->load(fileName, &problem)) {
        m_store->setProfileFile(fileName);
        RecentProfiles().add(fileName);
        return;
    }
    qCWarning(lcUi).noquote() << problem;
    QTimer::singleShot(0, this, [this, fileName, problem] { showProfileProblem(fileName, problem); });
}

void MainWindow::buildWidgets()
{
    m_serverBar = new ServerBar(m_store, m_service);
    m_serverBar->setObjectName(QStringLiteral("serverBar"));

    m_log = new RequestLogPanel;
    m_log->setObjectName(QStringLiteral("requestLog"));
    m_detail = new ExchangeDetailView;
    m_detail->setObjectName(QStringLiteral("detailView"));

    m_logSplitter = new QSplitter(Qt::Vertical);
    m_logSplitter->setObjectName(QStringLiteral("logSplitter"));
    m_logSplitter->addWidget(m_log);
    m_logSplitter->addWidget(m_detail);
    m_logSplitter->setStretchFactor(0, 3);
    m_logSplitter->setStretchFactor(1, 2);
    m_logSplitter->setChildrenCollapsible(false);

    // The stored request log is the main view; the live tab keeps this
    // session's exchanges in memory and still works when no log file opens.
    m_storedLog = new LogViewPanel;
    m_storedLog->setObjectName(QStringLiteral("storedLogPanel"));
    m_logTabs = new QTabWidget;
    auto *logTabs = m_logTabs;
    logTabs->setObjectName(QStringLiteral("logTabs"));
    logTabs->setDocumentMode(true);
    logTabs->addTab(m_storedLog, tr("Request Log"));
    logTabs->addTab(m_logSplitter, tr("Live (This Session)"));
    logTabs->setTabToolTip(0, tr("Every exchange kept in the request log file, with filters, sessions and export"));
    logTabs->setTabToolTip(1, tr("Exchanges of this session, kept in memory"));

    // Ctrl+F belongs to the live log's action; it focuses the filter of the tab on show.
    connect(m_log->findAction(), &QAction::triggered, this, [this, logTabs] {
        if (logTabs->currentWidget() != m_storedLog)
            return;
        if (auto *filter = m_storedLog->findChild<QLineEdit *>(QStringLiteral("storedLogFilterEdit"))) {
            filter->setFocus(Qt::ShortcutFocusReason);
            filter->selectAll();
        }
    });

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(2);
    layout->addWidget(m_serverBar);
    layout->addWidget(logTabs, 1);
    setCentralWidget(central);

    m_decisions = new DecisionsPanel(m_store);
    m_decisions->setObjectName(QStringLiteral("decisionsPanel"));
    auto *decisionsDock = new QDockWidget(tr("Decisions"), this);
    decisionsDock->setObjectName(QStringLiteral("decisionsDock"));
    decisionsDock->setWidget(m_decisions);
    addDockWidget(Qt::LeftDockWidgetArea, decisionsDock);

    m_crtEditor = new CrtEditor(m_store);
    m_crtEditor->setObjectName(QStringLiteral("crtEditor"));
    auto *crtDock = new QDockWidget(tr("CRT"), this);
    crtDock->setObjectName(QStringLiteral("crtDock"));
    crtDock->setWidget(m_crtEditor);
    addDockWidget(Qt::LeftDockWidgetArea, crtDock);
    crtDock->setToolTip(tr("Custom rights token sent with an allowed callback"));
    tabifyDockWidget(decisionsDock, crtDock);

    decisionsDock->raise();

    m_traffic = new TrafficStatusLabel;
    statusBar()->addPermanentWidget(m_traffic);
    m_rateChart = new RateSparkline;
    statusBar()->addPermanentWidget(m_rateChart);
    m_unsavedLabel = new QLabel(tr("Changes are not saved"));
    m_unsavedLabel->setObjectName(QStringLiteral("unsavedLabel"));
    m_unsavedLabel->setToolTip(tr("No profile file is in use; choose File > Save Profile As to keep your changes"));
    m_unsavedLabel->setVisible(m_store->profileFile().isEmpty());
    statusBar()->addPermanentWidget(m_unsavedLabel);

    connect(m_log, &RequestLogPanel::exchangeSelected, m_detail, &ExchangeDetailView::showExchange);
    connect(m_log, &RequestLogPanel::selectionCleared, m_detail, &ExchangeDetailView::clear);
    connect(m_log->logModel(), &QAbstractItemModel::modelReset, m_detail, &ExchangeDetailView::clear);
}

void MainWindow::buildMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    m_profiles->addActions(fileMenu);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

    buildEditMenu();

    QMenu *serverMenu = menuBar()->addMenu(tr("&Server"));
    QAction *startAction = serverMenu->addAction(tr("&Start"), m_serverBar, &ServerBar::startServer);
    startAction->setObjectName(QStringLiteral("startServerAction"));
    startAction->setShortcut(QKeySequence(Qt::Key_F5));
    QAction *stopAction = serverMenu->addAction(tr("S&top"), m_serverBar, &ServerBar::stopServer);
    stopAction->setObjectName(QStringLiteral("stopServerAction"));
    stopAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    auto updateServerActions = [startAction, stopAction](ResponderService::State state) {
        const bool running = state == ResponderService::State::Listening || state == ResponderService::State::Starting;
        startAction->setEnabled(!running);
        stopAction->setEnabled(running);
    };
    updateServerActions(m_service->state());
    connect(m_service, &ResponderService::stateChanged, this, updateServerActions);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly))
        viewMenu->addAction(dock->toggleViewAction());
    viewMenu->addSeparator();
    viewMenu->addAction(m_log->findAction());
    viewMenu->addAction(m_log->followNewestAction());
    viewMenu->addAction(m_log->pauseCaptureAction());
    viewMenu->addAction(m_log->clearAction());

    buildReplayMenu();

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About CallbackLab"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    QAction *aboutQtAction = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::connectService()
{
    // A request log that falls behind a flood slows the responder down
    // instead of dropping exchanges.
    m_service->setBackpressure([backlog = m_storedLog->storeBacklog()](qint64 inFlight) {
        return backlog->pressure(inFlight);
    });
    connect(m_service, &ResponderService::exchangesReady, this, [this](const QList<Exchange> &exchanges) {
        m_log->logModel()->append(exchanges);
        m_traffic->count(exchanges);
        m_storedLog->append(exchanges);
        m_rateChart->count(exchanges);
    });
    connect(m_service, &ResponderService::started, this, [this](const QUrl &url) {
        statusBar()->showMessage(tr("Listening for callbacks at %1").arg(url.toString()), 5000);
    });
    connect(m_service, &ResponderService::failed, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The server did not start: %1").arg(message));
    });
    connect(m_service, &ResponderService::stopped, this, [this] {
        statusBar()->showMessage(tr("Server stopped"), 5000);
    });
    connect(m_service, &ResponderService::protocolError, this, [this](const QString &peer, const QString &message) {
        statusBar()->showMessage(tr("Bad request from %1: %2").arg(peer, message), 5000);
    });
    connect(m_store, &SettingsStore::saveFailed, this, [this](const QString &fileName, const QString &message) {
        statusBar()->showMessage(tr("Saving the profile %1 failed: %2")
                                     .arg(QDir::toNativeSeparators(fileName), message));
        m_unsavedLabel->show();
    });

    // Export and import run in the background; their outcome is shown here.
    connect(m_storedLog, &LogViewPanel::exportFinished, this, [this](bool, const QString &message) {
        statusBar()->showMessage(message, 10000);
    });
    connect(m_storedLog, &LogViewPanel::importFinished, this,
            [this](int imported, const QStringList &issues, const QString &fatalError) {
                if (!fatalError.isEmpty())
                    statusBar()->showMessage(tr("Import failed: %1").arg(fatalError), 10000);
                else
                    statusBar()->showMessage(tr("Imported %n exchange(s), %1 left out", nullptr, imported)
                                                 .arg(issues.size()),
                                             10000);
            });
    connect(m_storedLog, &LogViewPanel::curlCopied, this, [this] {
        statusBar()->showMessage(tr("Copied the request as a curl command"), 5000);
    });
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(GeometryKey).toByteArray()))
        resize(1400, 880);
    if (!restoreState(settings.value(StateKey).toByteArray())) {
        const QList<QDockWidget *> docks = findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
        resizeDocks(docks, QList<int>(docks.size(), 400), Qt::Horizontal);
    }
    if (!m_logSplitter->restoreState(settings.value(LogSplitterKey).toByteArray()))
        m_logSplitter->setSizes({460, 340});
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(GeometryKey, saveGeometry());
    settings.setValue(StateKey, saveState());
    settings.setValue(LogSplitterKey, m_logSplitter->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

// Tells the user why the profile was not loaded. The box does not block the
// event loop, so callbacks are still served and logged while it is open.
void MainWindow::showProfileProblem(const QString &fileName, const QString &problem)
{
    m_profiles->showLoadProblem(fileName, problem, QStringLiteral("profileErrorBox"));
}

// Makes fileName the profile and saves the current settings there in the background.
void MainWindow::useProfileFile(const QString &fileName)
{
    m_store->setProfileFile(fileName);
    m_store->update([](ResponseSettings &) {});
}

void MainWindow::updateTitle()
{
    setWindowTitle(m_profiles->windowTitle());
    const QString profile = m_store->profileFile();
    setWindowFilePath(profile);
    m_unsavedLabel->setVisible(profile.isEmpty());
}

// The rules and counters docks, the master switch under the server bar, and
// the profile commands.
void MainWindow::buildRuleWidgets()
{
    m_masterSwitch = new MasterSwitchBar(m_store);
    m_masterSwitch->setObjectName(QStringLiteral("masterSwitchBar"));
    if (auto *layout = qobject_cast<QVBoxLayout *>(centralWidget()->layout()))
        layout->insertWidget(1, m_masterSwitch);

    m_rules = new RulesPanel(m_store);
    m_rules->setObjectName(QStringLiteral("rulesPanel"));
    auto *rulesDock = new QDockWidget(tr("Rules"), this);
    rulesDock->setObjectName(QStringLiteral("rulesDock"));
    rulesDock->setWidget(m_rules);
    addDockWidget(Qt::LeftDockWidgetArea, rulesDock);

    m_counters = new CountersPanel(m_store);
    m_counters->setObjectName(QStringLiteral("countersPanel"));
    auto *countersDock = new QDockWidget(tr("Counters"), this);
    countersDock->setObjectName(QStringLiteral("countersDock"));
    countersDock->setWidget(m_counters);
    addDockWidget(Qt::LeftDockWidgetArea, countersDock);

    if (auto *decisionsDock = findChild<QDockWidget *>(QStringLiteral("decisionsDock"))) {
        tabifyDockWidget(decisionsDock, rulesDock);
        tabifyDockWidget(decisionsDock, countersDock);
        decisionsDock->raise();
    }

    m_profiles = new ProfileController(m_store, this);
    connect(m_profiles, &ProfileController::profileFileChanged, this, [this](const QString &fileName) {
        updateTitle();
        if (!fileName.isEmpty())
            statusBar()->showMessage(tr("Changes are saved to %1").arg(QDir::toNativeSeparators(fileName)), 5000);
    });

    // Make Rule and Make Asset Row work on the log's current row, from the
    // Edit menu, the log's context menu or their shortcuts.
    m_makeRuleAction = new QAction(tr("&Make Rule from Exchange"), this);
    m_makeRuleAction->setObjectName(QStringLiteral("makeRuleAction"));
    m_makeRuleAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    connect(m_makeRuleAction, &QAction::triggered, this, &MainWindow::makeRuleFromCurrentExchange);
    m_makeAssetRowAction = new QAction(tr("Make &Asset Row (Deny)"), this);
    m_makeAssetRowAction->setObjectName(QStringLiteral("makeAssetRowAction"));
    connect(m_makeAssetRowAction, &QAction::triggered, this, &MainWindow::makeAssetRowFromCurrentExchange);
    m_log->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_log->view()->addAction(m_makeRuleAction);
    m_log->view()->addAction(m_makeAssetRowAction);
}

void MainWindow::buildEditMenu()
{
    m_history = new HistoryActions(m_store, this);
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_history->undoAction());
    editMenu->addAction(m_history->redoAction());
    editMenu->addSeparator();
    editMenu->addAction(m_makeRuleAction);
    editMenu->addAction(m_makeAssetRowAction);
}

namespace {

// The exchange of the view's current row, or null when no row is current.
const Exchange *currentExchange(RequestLogPanel *log)
{
    QModelIndex index = log->view()->currentIndex();
    while (index.isValid()) {
        if (index.model() == log->logModel())
            return &log->logModel()->exchangeAt(index.row());
        auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model());
        if (!proxy)
            return nullptr;
        index = proxy->mapToSource(index);
    }
    return nullptr;
}

} // namespace

// The exchange selected in the log tab on show (the live log's current row,
// or the one the stored request log shows in its detail pane), else the one
// selected in the other tab.
const Exchange *MainWindow::selectedExchange() const
{
    const ExchangeDetailView *storedDetail = m_storedLog->detailView();
    const Exchange *stored = storedDetail->hasExchange() ? &storedDetail->exchange() : nullptr;
    const Exchange *live = currentExchange(m_log);
    if (m_logTabs->currentWidget() == m_storedLog)
        return stored ? stored : live;
    return live ? live : stored;
}

void MainWindow::makeRuleFromCurrentExchange()
{
    const Exchange *exchange = selectedExchange();
    if (!exchange) {
        statusBar()->showMessage(tr("Select an exchange in the log to make a rule from it"), 5000);
        return;
    }
    if (auto *dock = qobject_cast<QDockWidget *>(m_rules->parentWidget())) {
        dock->show();
        dock->raise();
    }
    m_rules->makeRuleFrom(*exchange);
}

void MainWindow::makeAssetRowFromCurrentExchange()
{
    const Exchange *exchange = selectedExchange();
    if (!exchange || exchange->callback.assets.isEmpty()) {
        statusBar()->showMessage(tr("Select an exchange with an asset in the log"), 5000);
        return;
    }
    const QStringList assets = exchange->callback.assets;
    m_store->update(tr("Deny asset %1").arg(assets.join(QStringLiteral(", "))), [assets](ResponseSettings &settings) {
        for (const QString &asset : assets) {
            const int row = settings.assetIndex(asset);
            if (row >= 0)
                settings.assets[row].mode = AssetMode::Deny;
            else
                settings.assets.append(AssetEntry{asset, AssetMode::Deny});
        }
    });
    if (auto *dock = findChild<QDockWidget *>(QStringLiteral("decisionsDock"))) {
        dock->show();
        dock->raise();
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CallbackLab"),
                       tr("<p><b>CallbackLab %1</b></p>"
                          "<p>Stands in for a content provider's DRM license-authorization callback "
                          "(Sigma DRM callback authorization): answers each callback with the decision "
                          "and custom rights token (CRT) you set, and shows every exchange with the "
                          "places where it departs from the callback contract.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::buildReplayMenu()
{
    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    QAction *openAction = toolsMenu->addAction(tr("&Replay..."), this, &MainWindow::openReplayWindow);
    openAction->setObjectName(QStringLiteral("openReplayAction"));
    QAction *replayAction = toolsMenu->addAction(tr("Replay &Selected Exchanges"), this,
                                                 &MainWindow::replaySelectedExchanges);
    replayAction->setObjectName(QStringLiteral("replaySelectedAction"));
    replayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_log->view()->addAction(replayAction);
}

void MainWindow::openReplayWindow()
{
    if (!m_replay) {
        m_replay = new ReplayWindow(this);
        connect(m_service, &ResponderService::started, m_replay, &ReplayWindow::setResponderUrl);
    }
    if (m_service->state() == ResponderService::State::Listening)
        m_replay->setResponderUrl(m_service->callbackUrl());
    m_replay->show();
    m_replay->raise();
    m_replay->activateWindow();
}

void MainWindow::replaySelectedExchanges()
{
    // Selected rows are view rows; map each through the proxies to the log model.
    QList<Exchange> exchanges;
    const QModelIndexList rows = m_log->view()->selectionModel()->selectedRows();
    for (QModelIndex index : rows) {
        while (index.isValid() && index.model() != m_log->logModel()) {
            auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model());
            index = proxy ? proxy->mapToSource(index) : QModelIndex();
        }
        if (index.isValid())
            exchanges.append(m_log->logModel()->exchangeAt(index.row()));
    }
    if (exchanges.isEmpty()) {
        statusBar()->showMessage(tr("Select exchanges in the log to replay them"), 5000);
        return;
    }

    openReplayWindow();
    m_replay->addExchanges(exchanges);
}
