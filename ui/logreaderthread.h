// A worker thread that owns an ExchangeStoreReader and runs request log
// queries on it, so the GUI thread does not wait for SQLite reads. Each query
// is a function of the reader. Its result goes to a function called on the
// thread that owns this object (the GUI thread), unless the receiver was
// destroyed in the meantime.
#pragma once

#include "exchangestorereader.h"

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
    // StoreError::Code::NotOpen.
    template <typename Query, typename Done>
    void run(QObject *receiver, Query query, Done done)
    {
        QPointer<QObject> guard(receiver);
        QMetaObject::invokeMethod(m_context, [this, guard, query = std::move(query), done = std::move(done)]() mutable {
            if (!guard)
                return;
            auto result = query(reader());
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
    }

private:
    // Worker thread only.
    ExchangeStoreReader &reader();

    QThread m_thread;
    QObject *m_context;
    QString m_fileName;  // worker thread only: set through a queued call
    std::unique_ptr<ExchangeStoreReader> m_reader;
    QString m_openedFileName;
};
