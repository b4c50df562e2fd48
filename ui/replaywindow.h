// The replay window. It collects callbacks to replay from the log, from HAR,
// JSON Lines and suite files, from pasted curl commands and from the composer.
// It runs them against the built-in responder or any http/https target and
// shows each result against its expectation, and saves suites and JUnit/JSON reports.
#pragma once

#include "replayrequest.h"
#include "replaysuite.h"

#include <QDateTime>
#include <QWidget>

class ComposerWidget;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;
class QThread;
class ReplayResultModel;
class ReplayRunner;

class ReplayWindow : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayWindow(QWidget *parent = nullptr);
    ~ReplayWindow() override;

    // The built-in responder's callback URL. Fills the target when it is
    // empty or still shows the previous responder URL.
    void setResponderUrl(const QUrl &url);

    void addRequests(const QList<ReplayRequest> &requests);
    void addExchanges(const QList<Exchange> &exchanges);
    const QList<ReplayRequest> &requests() const { return m_requests; }
    void clearRequests();

    // Parses a curl command and adds its request. On failure shows the error with its position.
    bool addCurlCommand(const QString &command);

    // Reads a file on a worker thread. With asSuite the file replaces the
    // requests and the options, else its requests are added. Ends in fileLoaded() or loadFailed().
    void loadFile(const QString &fileName, bool asSuite);
    bool saveSuite(const QString &fileName, QString *errorMessage);
    bool exportJUnit(const QString &fileName, QString *errorMessage);
    bool exportJson(const QString &fileName, QString *errorMessage);

    // The options the widgets describe. Returns false with errorMessage set when one is invalid.
    bool options(ReplayOptions *options, QString *errorMessage) const;
    void setOptions(const ReplayOptions &options);

    // Sets the expectation of the selected requests (all when none is selected)
    // from the editor panel.
    void applyExpectation();
    // Makes each request expect the response it got in the last run.
    void useLastResponsesAsExpectations();

    void run();
    void cancel();
    bool isRunning() const;

    ReplayResultModel *resultModel() const { return m_results; }

signals:
    void fileLoaded(const QString &fileName);
    void loadFailed(const QString &message);
    void runFinished(const ReplaySummary &summary);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    QWidget *buildSourcesPanel();
    QWidget *buildExpectationPanel();
    QWidget *buildTargetPanel();
    QWidget *buildResultsPanel();
    void buildLayout();

    void refreshRequestList();
    void showExpectationOf(int row);
    void showResult(const QModelIndex &index);
    void onProgress(const ReplayProgress &progress);
    void onFinished(const ReplaySummary &summary);
    void onFileRead(const QString &fileName, bool asSuite, bool ok, const ReplaySuite &suite,
                    const ReplayLoadError &error);
    void setRunning(bool running);
    void showStatus(const QString &text, bool problem);

    void chooseFileToAdd();
    void chooseSuiteToLoad();
    void chooseSuiteToSave();
    void chooseJUnitFile();
    void chooseJsonFile();

    QList<ReplayRequest> m_requests;
    QList<ReplayRequest> m_runRequests;  // the list as the last run started, which result indexes refer to
    ReplayRunner *m_runner;
    ReplayResultModel *m_results;
    QUrl m_responderUrl;
    QString m_suiteName;
    QDateTime m_runStartedAt;
    qint64 m_runElapsedMs = 0;
    QList<QThread *> m_loadThreads;

    // Sources
    QListWidget *m_requestList = nullptr;
    ComposerWidget *m_composer = nullptr;
    QPlainTextEdit *m_curlEdit = nullptr;
    QLabel *m_curlError = nullptr;

    // Expectation editor
    QComboBox *m_expectSource = nullptr;
    QComboBox *m_expectDecision = nullptr;
    QSpinBox *m_expectStatus = nullptr;
    QLineEdit *m_expectCrt = nullptr;

    // Target and options
    QLineEdit *m_target = nullptr;
    QComboBox *m_method = nullptr;
    QComboBox *m_encoding = nullptr;
    QPlainTextEdit *m_headers = nullptr;
    QCheckBox *m_insecure = nullptr;
    QSpinBox *m_concurrency = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QSpinBox *m_timeout = nullptr;
    QSpinBox *m_repeat = nullptr;
    QSpinBox *m_budget = nullptr;
    QCheckBox *m_strictBudget = nullptr;
    QCheckBox *m_parity = nullptr;
    QComboBox *m_contract = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_status = nullptr;

    // Results
    QTableView *m_resultView = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};
