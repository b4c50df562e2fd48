// The request log panel: the exchange table with its text filter and the
// follow-newest, pause-capture and clear controls.
#pragma once

#include <QWidget>

struct Exchange;
class ExchangeFilterModel;
class ExchangeLogModel;
class QAction;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

class RequestLogPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RequestLogPanel(QWidget *parent = nullptr);

    ExchangeLogModel *logModel() const { return m_log; }
    QTableView *view() const { return m_view; }

    // For the window's menus.
    QAction *followNewestAction() const { return m_followAction; }
    QAction *pauseCaptureAction() const { return m_pauseAction; }
    QAction *clearAction() const { return m_clearAction; }
    QAction *findAction() const { return m_findAction; }

signals:
    void exchangeSelected(const Exchange &exchange);
    void selectionCleared();

private:
    void buildActions();
    void buildLayout();
    void showCurrentRow(const QModelIndex &current);
    void updateCountLabel();

    ExchangeLogModel *m_log;
    ExchangeFilterModel *m_filter;
    QTimer *m_filterDelay;
    bool m_trimming = false;

    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_countLabel = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_clearAction = nullptr;
    QAction *m_findAction = nullptr;
    QString m_filterHelp;
};
