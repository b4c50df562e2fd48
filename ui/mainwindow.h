// The main window: the server bar above the request log and its detail pane,
// with the decisions, rules, counters and CRT editor docks beside them and
// the master switch under the server bar. Loads the profile at start-up and
// starts the responder with its server settings.
#pragma once

#include <QMainWindow>

class CountersPanel;
class CrtEditor;
class DecisionsPanel;
class LogViewPanel;
class RateSparkline;
class ExchangeDetailView;
class HistoryActions;
class MasterSwitchBar;
class ProfileController;
struct Exchange;
class QAction;
class QLabel;
class QTabWidget;
class QSplitter;
class RequestLogPanel;
class ReplayWindow;
class ResponderService;
class RulesPanel;
class ServerBar;
class SettingsStore;
class TrafficStatusLabel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // profileFile empty: SettingsStore::defaultProfileFile().
    explicit MainWindow(const QString &profileFile, QWidget *parent = nullptr);
    // logDatabaseFile empty: ExchangeStore::defaultFileName().
    MainWindow(const QString &profileFile, const QString &logDatabaseFile, QWidget *parent = nullptr);
    ~MainWindow() override;

    SettingsStore *settingsStore() const { return m_store; }
    ResponderService *responderService() const { return m_service; }
    ServerBar *serverBar() const { return m_serverBar; }
    DecisionsPanel *decisionsPanel() const { return m_decisions; }
    CrtEditor *crtEditor() const { return m_crtEditor; }
    RequestLogPanel *requestLog() const { return m_log; }
    LogViewPanel *storedLog() const { return m_storedLog; }
    ExchangeDetailView *detailView() const { return m_detail; }
    RulesPanel *rulesPanel() const { return m_rules; }
    MasterSwitchBar *masterSwitchBar() const { return m_masterSwitch; }
    ProfileController *profileController() const { return m_profiles; }
    // The replay window, created when first opened; null before.
    ReplayWindow *replayWindow() const { return m_replay; }
    void openReplayWindow();
    // Opens the replay window with the exchanges selected in the request log.
    void replaySelectedExchanges();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void loadProfile(const QString &fileName);
    void buildWidgets();
    void buildMenus();
    void connectService();
    void restoreWindowState();
    void saveWindowState();
    void showProfileProblem(const QString &fileName, const QString &problem);
    void buildRuleWidgets();
    void buildEditMenu();
    const Exchange *selectedExchange() const;
    void makeRuleFromCurrentExchange();
    void makeAssetRowFromCurrentExchange();
    void useProfileFile(const QString &fileName);
    void updateTitle();
    void showAbout();
    void buildReplayMenu();

    SettingsStore *m_store = nullptr;
    ResponderService *m_service = nullptr;

    ServerBar *m_serverBar = nullptr;
    DecisionsPanel *m_decisions = nullptr;
    CrtEditor *m_crtEditor = nullptr;
    RequestLogPanel *m_log = nullptr;
    LogViewPanel *m_storedLog = nullptr;
    RateSparkline *m_rateChart = nullptr;
    ExchangeDetailView *m_detail = nullptr;
    QSplitter *m_logSplitter = nullptr;
    TrafficStatusLabel *m_traffic = nullptr;
    QLabel *m_unsavedLabel = nullptr;
    RulesPanel *m_rules = nullptr;
    CountersPanel *m_counters = nullptr;
    MasterSwitchBar *m_masterSwitch = nullptr;
    HistoryActions *m_history = nullptr;
    ProfileController *m_profiles = nullptr;
    QAction *m_makeRuleAction = nullptr;
    QAction *m_makeAssetRowAction = nullptr;
    ReplayWindow *m_replay = nullptr;
    QTabWidget *m_logTabs = nullptr;
};
