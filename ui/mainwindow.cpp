#include "mainwindow.h"

#include "crteditor.h"
#include "decisionspanel.h"
#include "exchangedetailview.h"
#include "exchangelogmodel.h"
#include "requestlogpanel.h"
#include "responderservice.h"
#include "serverbar.h"
#include "settingsstore.h"
#include "trafficstatuslabel.h"
#include "uilogging.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
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
    : QMainWindow(parent)
    , m_store(new SettingsStore(this))
    , m_service(new ResponderService(m_store, this))
{
    const QString fileName = profileFile.isEmpty() ? SettingsStore::defaultProfileFile() : profileFile;
    loadProfile(fileName);

    buildWidgets();
    buildMenus();
    connectService();
    restoreWindowState();
    updateTitle();

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

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(2);
    layout->addWidget(m_serverBar);
    layout->addWidget(m_logSplitter, 1);
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
    QAction *openAction = fileMenu->addAction(tr("&Open Profile..."), this, &MainWindow::openProfile);
    openAction->setShortcut(QKeySequence::Open);
    QAction *saveAsAction = fileMenu->addAction(tr("Save Profile &As..."), this, &MainWindow::saveProfileAs);
    saveAsAction->setShortcut(QKeySequence::SaveAs);
    fileMenu->addSeparator();
    QAction *quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    quitAction->setMenuRole(QAction::QuitRole);

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

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = helpMenu->addAction(tr("&About CallbackLab"), this, &MainWindow::showAbout);
    aboutAction->setMenuRole(QAction::AboutRole);
    QAction *aboutQtAction = helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    aboutQtAction->setMenuRole(QAction::AboutQtRole);
}

void MainWindow::connectService()
{
    connect(m_service, &ResponderService::exchangesReady, this, [this](const QList<Exchange> &exchanges) {
        m_log->logModel()->append(exchanges);
        m_traffic->count(exchanges);
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
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Profile not loaded"),
                                tr("The profile %1 could not be loaded.").arg(QDir::toNativeSeparators(fileName)),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("profileErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("%1\n\nCallbackLab runs with the built-in defaults and leaves the file unchanged. "
                               "Changes are not saved until you choose another file with File > Save Profile As.")
                                .arg(problem));
    box->open();
}

void MainWindow::openProfile()
{
    const QString fileName = QFileDialog::getOpenFileName(this, tr("Open Profile"),
                                                          QFileInfo(m_store->profileFile()).absolutePath(),
                                                          tr("Profiles (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;

    // Read and parse on a worker thread; apply here.
    struct ReadResult
    {
        ResponseSettings settings;
        QString problem;
        bool ok = false;
    };
    auto result = std::make_shared<ReadResult>();
    QThread *reader = QThread::create([fileName, result] {
        QFile file(fileName);
        if (!file.open(QIODevice::ReadOnly)) {
            result->problem = file.errorString();
            return;
        }
        result->ok = ProfileFormat::fromJson(file.readAll(), &result->settings, &result->problem);
    });
    connect(reader, &QThread::finished, this, [this, reader, fileName, result] {
        reader->deleteLater();
        if (!result->ok) {
            QMessageBox::warning(this, tr("Profile not loaded"),
                                 tr("The profile %1 could not be loaded: %2")
                                     .arg(QDir::toNativeSeparators(fileName), result->problem));
            return;
        }
        // Point the store at the file first, so the loaded settings are saved
        // there and not over the previous profile.
        m_store->setProfileFile(fileName);
        m_store->replace(result->settings);
        m_unsavedLabel->hide();
        updateTitle();
        statusBar()->showMessage(tr("Opened %1; server changes apply on the next Start")
                                     .arg(QDir::toNativeSeparators(fileName)),
                                 5000);
    });
    reader->start();
}

void MainWindow::saveProfileAs()
{
    QString fileName = QFileDialog::getSaveFileName(this, tr("Save Profile As"),
                                                    QFileInfo(m_store->profileFile()).absolutePath(),
                                                    tr("Profiles (*.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    if (QFileInfo(fileName).suffix().isEmpty())
        fileName += QStringLiteral(".json");
    useProfileFile(fileName);
    m_unsavedLabel->hide();
    updateTitle();
    statusBar()->showMessage(tr("Changes are saved to %1").arg(QDir::toNativeSeparators(fileName)), 5000);
}

// Makes fileName the profile and saves the current settings there in the background.
void MainWindow::useProfileFile(const QString &fileName)
{
    m_store->setProfileFile(fileName);
    m_store->update([](ResponseSettings &) {});
}

void MainWindow::updateTitle()
{
    const QString profile = m_store->profileFile();
    if (profile.isEmpty())
        setWindowTitle(tr("CallbackLab - built-in defaults, not saved"));
    else
        setWindowTitle(tr("CallbackLab - %1").arg(QDir::toNativeSeparators(profile)));
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
