// The server bar: where the responder listens (address, port, callback path),
// Start/Stop, its state, the callback URL to copy, and why a start failed.
// Edits are saved in the settings and apply on the next Start.
#pragma once

#include "responderservice.h"
#include "responsesettings.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;
class SettingsStore;

class ServerBar : public QWidget
{
    Q_OBJECT

public:
    ServerBar(SettingsStore *store, ResponderService *service, QWidget *parent = nullptr);

    // The server settings as the fields show them, valid or not.
    ServerSettings fieldSettings() const;

    void startServer();
    void stopServer();

    static QString stateText(ResponderService::State state);

private:
    void buildLayout();
    void connectControls();
    void showSettings();
    void saveFields();
    void showState(ResponderService::State state);
    void showStarted(const QUrl &url);
    void showFailure(const QString &message);
    void updatePendingHint();

    SettingsStore *m_store;
    ResponderService *m_service;
    ServerSettings m_running;  // settings passed to the last Start

    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_startStop = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_url = nullptr;
    QToolButton *m_copy = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_pendingHint = nullptr;
};
