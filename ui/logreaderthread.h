// A worker thread that owns an ExchangeStoreReader and runs request log
// queries on it, so the GUI thread does not wait for SQLite reads. Each query
// is a function of the reader. Its result goes to a function called on the
// thread that owns this object (the GUI thread), unless the receiver was
// destroyed in the meantime.
#pragma once

#include "exchangestorereader.h"

#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

class LogReaderThread : public QObject
{
    Q_OBJECT

public:
    explicit LogReaderThread(QObject *parent = nullptr);
    // Runs the queries already queued, closes the reader and stops the thread.
    ~LogReaderThread() override;

    // Queries queued after this call read fileName; the reader opens it lazily
    // on the worker thread.
    void setFileName(const QString &fileName);

    // Runs query(reader) on the worker thread and then done(result) on this
    // object's thread, where receiver must live too. The reader passed in is
    // closed when the file cannot be opened, and its calls then return
    // StoreError::Code::NotOpen. Returns the job's number for interrupt().
    template <typename Query, typename Done>
    quint64 run(QObject *receiver, Query query, Done done)
    {
        const quint64 job = ++m_lastJob;
        QPointer<QObject> guard(receiver);
        QMetaObject::invokeMethod(m_context, [this, job, guard, query = std::move(query), done = std::move(done)]() mutable {
            if (!guard)
                return;
            ExchangeStoreReader &current = reader();
            setRunning(job, &current);
            auto result = query(current);
            setRunning(0, nullptr);
            // Posted to this object, which outlives the worker thread, because
            // the receiver may be destroyed on its thread at any moment.
            QMetaObject::invokeMethod(
                this,
                [guard, done = std::move(done), result = std::move(result)]() mutable {
                    if (guard)
                        done(result);
                },
                Qt::QueuedConnection);
        }, Qt::QueuedConnection);
        return job;
    }

    // Stops the job's SQLite query if it is running now; its reader calls
    // then return StoreError::Code::Interrupted. Does nothing otherwise.
    void interrupt(quint64 job);

private:
    void setRunning(quint64 job, ExchangeStoreReader *reader);

    // Worker thread only.
    ExchangeStoreReader &reader();

    QThread m_thread;
    QObject *m_context;
    QString m_fileName;  // worker thread only: set through a queued call
    std::unique_ptr<ExchangeStoreReader> m_reader;
    QString m_openedFileName;
    quint64 m_lastJob = 0;  // this object's thread only

    QMutex m_runningMutex;
    quint64 m_runningJob = 0;                  // guarded by m_runningMutex
    ExchangeStoreReader *m_running = nullptr;  // guarded by m_runningMutex
};
