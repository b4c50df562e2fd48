// The main window: server bar, assets and CRT editors, request log.
#pragma once

#include <QMainWindow>

class SettingsStore;
class ResponderService;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(const QString &profileFile, QWidget *parent = nullptr);
    ~MainWindow() override;

    SettingsStore *settingsStore() const { return m_store; }
    ResponderService *responderService() const { return m_service; }

private:
    SettingsStore *m_store = nullptr;
    ResponderService *m_service = nullptr;
};
