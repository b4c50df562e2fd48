// Replays callback requests against a target and compares each response
// with its expectation. Sends up to ReplayOptions::concurrency requests at once
// over kept-alive connections, optionally rate-limited, and reports
// progress and each result as it arrives.
//
// Usage:
//   ReplayRunner runner;
//   connect(&runner, &ReplayRunner::resultReady, ...);   // one per row
//   connect(&runner, &ReplayRunner::finished, ...);      // exactly once per start()
//   runner.setOptions(options);
//   if (!runner.start(requests, &error)) ...
//
// The runner works in the thread it lives in and needs that thread's event
// loop. A GUI may move it to a worker thread before start() and connect with
// queued connections; the signal arguments are registered metatypes. At high
// rates resultReady fires thousands of times per second, so a view should
// batch rows.
#pragma once

#include "replayrequest.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>
#include <memory>

class HttpClientConnection;
struct HttpClientReply;
struct HttpOrigin;

class ReplayRunner : public QObject
{
    Q_OBJECT

public:
    // Largest number of rows (requests times repeat) one run accepts.
    static constexpr qint64 MaxRows = 10000000;

    explicit ReplayRunner(QObject *parent = nullptr);
    ~ReplayRunner() override;

    void setOptions(const ReplayOptions &options);
    const ReplayOptions &options() const { return m_options; }

    // Starts a run. Returns false with errorMessage set, and emits nothing,
    // when the options are invalid, the run is too large or a run is going
    // on. Otherwise every row ends in exactly one resultReady(), then
    // finished() follows; both are emitted from the event loop, never from
    // inside start(). An empty list finishes at once.
    bool start(const QList<ReplayRequest> &requests, QString *errorMessage = nullptr);

    // Stops sending. Requests in flight end as Canceled results, but a row
    // whose parity send is pending keeps its first response. Queued rows are
    // not reported. finished() follows with canceled set. Does nothing when idle.
    void cancel();

    bool isRunning() const { return m_running; }
    ReplayProgress progress() const;

signals:
    void resultReady(const ReplayResult &result);
    // Emitted at most every 100 ms while counts change, and once at the end.
    void progressChanged(const ReplayProgress &progress);
    void finished(const ReplaySummary &summary);

private:
    struct Send;
    struct Row;

    bool hasWork() const;
    void dispatch();
    void startNextRow();
    bool prepare(Row &row, QString *errorMessage);
    void send(const std::shared_ptr<Row> &row, bool parity);
    void onReply(const std::shared_ptr<Row> &row, bool parity, HttpClientConnection *connection,
                 HttpClientReply &&reply);
    void completeRow(const std::shared_ptr<Row> &row);
    void scheduleFinish();
    void finish();
    void emitProgress(bool force);

    HttpClientConnection *acquire(const HttpOrigin &origin);
    void release(HttpClientConnection *connection);
    void closeIdleConnections();

    ReplayOptions m_options;
    QList<ReplayRequest> m_requests;
    bool m_running = false;
    bool m_canceled = false;
    bool m_dispatching = false;
    bool m_finishScheduled = false;

    qint64 m_totalRows = 0;
    qint64 m_nextRow = 0;        // rows started
    qint64 m_rowsDone = 0;
    int m_inFlight = 0;          // HTTP requests in flight
    int m_requestsSent = 0;
    ReplaySummary m_summary;
    std::deque<std::shared_ptr<Row>> m_parityQueue;

    QHash<QString, QList<HttpClientConnection *>> m_idle;
    int m_idleCount = 0;
    QSet<HttpClientConnection *> m_busy;

    QElapsedTimer m_clock;
    QTimer m_rateTimer;
    QTimer m_progressTimer;
    ReplayProgress m_lastProgress;
};
