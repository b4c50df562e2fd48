#include "logreaderthread.h"

LogReaderThread::LogReaderThread(QObject *parent)
    : QObject(parent)
    , m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("logReader"));
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.start();
}

LogReaderThread::~LogReaderThread()
{
    // The reader's connection belongs to the worker thread, so it is closed
    // there, after the queries queued before.
    QMetaObject::invokeMethod(m_context, [this] {
        m_reader.reset();
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    m_thread.wait();
}

void LogReaderThread::setFileName(const QString &fileName)
{
    QMetaObject::invokeMethod(m_context, [this, fileName] { m_fileName = fileName; }, Qt::QueuedConnection);
}

ExchangeStoreReader &LogReaderThread::reader()
{
    if (!m_reader)
        m_reader = std::make_unique<ExchangeStoreReader>();

    // A file that could not be opened is tried again on the next query, so a
    // log created after the view asked still gets read.
    if (!m_reader->isOpen() || m_openedFileName != m_fileName) {
        m_reader->close();
        m_openedFileName = m_fileName;
        if (!m_fileName.isEmpty())
            m_reader->open(m_fileName);
    }
    return *m_reader;
}

void LogReaderThread::interrupt(quint64 job)
{
    QMutexLocker locker(&m_runningMutex);
    if (m_running && m_runningJob == job)
        m_running->interrupt();
}

void LogReaderThread::setRunning(quint64 job, ExchangeStoreReader *reader)
{
    QMutexLocker locker(&m_runningMutex);
    m_runningJob = job;
    m_running = reader;
}
