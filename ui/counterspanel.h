// The callback counters that stateful rule conditions read, per session and
// per user, from the rule engine's snapshot, with a Reset button.
#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;
class QTimer;
class SettingsStore;

class CountersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit CountersPanel(SettingsStore *store, QWidget *parent = nullptr);

    // Reads the counters now when they changed since the last refresh.
    void refresh();

private:
    SettingsStore *m_store;
    QTableWidget *m_sessions = nullptr;
    QTableWidget *m_users = nullptr;
    QLabel *m_summary = nullptr;
    QTimer *m_poll = nullptr;
    quint64 m_shownChange = ~quint64(0);
};
