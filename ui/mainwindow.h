// The main window: the server bar above the request log and its detail pane,
// with the decisions panel and the CRT editor in docks beside them. Loads the
// profile at start-up and starts the responder with its server settings.
#pragma once

#include <QMainWindow>

class CrtEditor;
class DecisionsPanel;
class ExchangeDetailView;
class QLabel;
class QSplitter;
class RequestLogPanel;
class ResponderService;
class ServerBar;
class SettingsStore;
class TrafficStatusLabel;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // profileFile empty: SettingsStore::defaultProfileFile().
    explicit MainWindow(const QString &profileFile, QWidget *parent = nullptr);
    ~MainWindow() override;

    SettingsStore *settingsStore() const { return m_store; }
    ResponderService *responderService() const { return m_service; }
    ServerBar *serverBar() const { return m_serverBar; }
    DecisionsPanel *decisionsPanel() const { return m_decisions; }
    CrtEditor *crtEditor() const { return m_crtEditor; }
    RequestLogPanel *requestLog() const { return m_log; }
    ExchangeDetailView *detailView() const { return m_detail; }

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
    void openProfile();
    void saveProfileAs();
    void useProfileFile(const QString &fileName);
    void updateTitle();
    void showAbout();

    SettingsStore *m_store = nullptr;
    ResponderService *m_service = nullptr;

    ServerBar *m_serverBar = nullptr;
    DecisionsPanel *m_decisions = nullptr;
    CrtEditor *m_crtEditor = nullptr;
    RequestLogPanel *m_log = nullptr;
    ExchangeDetailView *m_detail = nullptr;
    QSplitter *m_logSplitter = nullptr;
    TrafficStatusLabel *m_traffic = nullptr;
    QLabel *m_unsavedLabel = nullptr;
};
