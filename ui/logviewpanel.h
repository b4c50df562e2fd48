// The request log view over the persistent log: opens the ExchangeStore,
// stores every exchange the window receives, and shows the log through a
// StoredLogModel with the filter language, the detail pane, export, import
// and copy as curl. Opening the file, queries, export and import run off the
// GUI thread.
#pragma once

#include "exchange.h"
#include "storedexchange.h"

#include <QWidget>

#include <memory>

class ExchangeDetailView;
class ExchangeStore;
class ExchangeStoreBacklog;
class LogReaderThread;
class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QThread;
class QTableView;
class QTimer;
class SessionsView;
class StoredLogModel;

class LogViewPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LogViewPanel(QWidget *parent = nullptr);
    ~LogViewPanel() override;

    // Starts opening the log file on a worker thread and ends in logOpened or
    // logFailed. On failure it shows a message naming the file and the error
    // and offers a new file. Exchanges appended meanwhile are held, up to
    // MaxHeldExchanges, and stored once the file is open.
    void openLog(const QString &fileName);
    bool isOpening() const { return m_openWorker != nullptr; }
    static constexpr int MaxHeldExchanges = 100'000;
    ExchangeStore *store() const { return m_store; }
    StoredLogModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    ExchangeDetailView *detailView() const { return m_detail; }
    SessionsView *sessionsView() const { return m_sessions; }
    // Shows the sessions tab, which then follows the filter and new exchanges.
    void showSessions();

    // Stores a batch from the responder unless capture is paused.
    void append(const QList<Exchange> &exchanges);

    // Applies filter text; returns false and shows the error when it does not parse.
    bool applyFilterText(const QString &text);
    QString filterError() const;

    // Both run on a worker thread and end in exportFinished / importFinished.
    // An empty logIds exports every exchange matching the filter.
    void exportTo(const QString &fileName, bool har, bool redact, const QList<qint64> &logIds);
    void importFrom(const QString &fileName);

    // Log ids of the selected rows, in row order. Rows whose page has not
    // been read yet have no id and are left out.
    QList<qint64> selectedLogIds() const;

    // The request log writer's backlog, for the responder's backpressure.
    std::shared_ptr<const ExchangeStoreBacklog> storeBacklog() const;

    QAction *copyCurlAction() const { return m_copyCurlAction; }
    QAction *followNewestAction() const { return m_followAction; }
    QAction *pauseCaptureAction() const { return m_pauseAction; }

signals:
    void logOpened(const QString &fileName);
    void logFailed(const QString &message);
    void exportFinished(bool ok, const QString &message);
    // issues: one line per entry left out, with its index (and line) and field.
    void importFinished(int imported, const QStringList &issues, const QString &fatalError);
    void curlCopied(const QString &command);

private:
    void buildActions();
    void buildLayout();
    void finishOpen(const QString &fileName, const StoreResult<> &opened);
    void showLogProblem(const QString &fileName, const StoreError &error);
    void showCurrentRow(const QModelIndex &current);
    void copyAsCurl();
    void chooseFieldColumns();
    void exportWithDialog();
    void importWithDialog();
    void feedImport(const std::shared_ptr<ImportResult> &result, qsizetype next);
    void finishImport(const ImportResult &result, qsizetype added);
    void updateCountLabel(qint64 rows);

    ExchangeStore *m_store;
    LogReaderThread *m_reader;
    StoredLogModel *m_model;
    QTimer *m_refreshTimer;
    QTimer *m_filterDelay;
    quint64 m_droppedWhilePaused = 0;
    QThread *m_openWorker = nullptr;
    QString m_queuedOpen;  // a file to open after the one being opened
    QList<Exchange> m_held;  // appended while the file was being opened
    qint64 m_selectedLogId = 0;
    bool m_filterInvalid = false;  // the filter box contains text that does not parse

    QLineEdit *m_filterEdit = nullptr;
    QLabel *m_filterError = nullptr;
    QLabel *m_countLabel = nullptr;
    QTableView *m_view = nullptr;
    ExchangeDetailView *m_detail = nullptr;
    SessionsView *m_sessions = nullptr;
    QTabWidget *m_lowerTabs = nullptr;
    QTimer *m_sessionsTimer = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_pauseAction = nullptr;
    QAction *m_copyCurlAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_columnsAction = nullptr;
};
