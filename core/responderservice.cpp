#include "responderservice.h"

#include "callbackresponder.h"
#include "httpserveradapter.h"
#include "logging.h"
#include "settingsstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>

// Owns the adapter and the responder inside the responder thread.
class ResponderWorker : public QObject
{
    Q_OBJECT

public:
    ResponderWorker(SettingsStore *store, std::shared_ptr<std::atomic<qint64>> inFlight,
                    std::shared_ptr<std::atomic<bool>> cancelWait)
        : m_responder(store)
        , m_adapter([this](RawRequest &&request) { return m_responder.respond(std::move(request)); }, this)
        , m_inFlight(std::move(inFlight))
        , m_cancelWait(std::move(cancelWait))
    {
        m_adapter.setExchangeIdAllocator([this] { return m_responder.allocateExchangeId(); });
        connect(&m_adapter, &HttpServerAdapter::exchangesReady, this, [this](const QList<Exchange> &exchanges) {
            m_inFlight->fetch_add(exchanges.size());
            emit exchangesReady(exchanges);
            waitForRoom();
        });
        connect(&m_adapter, &HttpServerAdapter::protocolError, this, &ResponderWorker::protocolError);
    }

    void start(const ServerSettings &server)
    {
        m_adapter.close();
        const QHostAddress address(server.address);
        if (address.isNull()) {
            emit failed(ResponderService::tr("\"%1\" is not an IP address").arg(server.address));
            return;
        }
        QString error;
        const quint16 port = m_adapter.listen(address, server.port, &error);
        if (port == 0) {
            qCWarning(lcServer) << "Listening on" << server.address << server.port << "failed:" << error;
            emit failed(error);
            return;
        }
        qCInfo(lcServer) << "Listening on" << server.address << port;
        emit started(port);
    }

    void stop()
    {
        if (m_adapter.isListening())
            qCInfo(lcServer) << "Stopped listening on port" << m_adapter.port();
        m_adapter.close();
        emit stopped();
    }

    void setDownstreamFill(std::function<double(qint64)> fill) { m_downstreamFill = std::move(fill); }

signals:
    void started(quint16 port);
    void failed(const QString &message);
    void stopped();
    void exchangesReady(const QList<Exchange> &exchanges);
    void protocolError(const QString &peer, const QString &message);

private:
    bool isBehind(qint64 maxInFlight, double maxFill) const
    {
        const qint64 inFlight = m_inFlight->load();
        return inFlight > maxInFlight || (m_downstreamFill && m_downstreamFill(inFlight) > maxFill);
    }

    // Blocks the responder thread while exchanges pile up downstream; see
    // ResponderService::setBackpressure(). Requests wait in the sockets meanwhile.
    void waitForRoom()
    {
        constexpr qint64 MaxInFlight = ResponderService::MaxExchangesInFlight;
        if (!isBehind(MaxInFlight, 0.5))
            return;
        QElapsedTimer waited;
        waited.start();
        while (!m_cancelWait->load() && isBehind(MaxInFlight * 2 / 5, 0.4))
            QThread::msleep(2);
        const qint64 waitedMs = waited.elapsed();
        if (waitedMs >= 1000)
            qCInfo(lcServer) << "Held back callbacks for" << waitedMs << "ms while the request log caught up";
    }

    CallbackResponder m_responder;
    HttpServerAdapter m_adapter;
    std::shared_ptr<std::atomic<qint64>> m_inFlight;
    std::shared_ptr<std::atomic<bool>> m_cancelWait;
    std::function<double(qint64)> m_downstreamFill;
};

ResponderService::ResponderService(SettingsStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<Exchange>();
    qRegisterMetaType<QList<Exchange>>();
    qRegisterMetaType<ServerSettings>();

    m_thread.setObjectName(QStringLiteral("responder"));
    m_worker = new ResponderWorker(store, m_inFlight, m_cancelWait);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &ResponderWorker::started, this, [this](quint16 port) {
        m_port = port;
        const ServerSettings server = m_store->snapshot()->server;
        m_url = callbackUrl(m_requestedAddress, port, server.path);
        setState(State::Listening);
        emit started(m_url);
    });
    connect(m_worker, &ResponderWorker::failed, this, [this](const QString &message) {
        m_port = 0;
        m_url.clear();
        setState(State::Failed);
        emit failed(message);
    });
    connect(m_worker, &ResponderWorker::stopped, this, [this] {
        m_port = 0;
        m_url.clear();
        setState(State::Stopped);
        emit stopped();
    });
    connect(m_worker, &ResponderWorker::exchangesReady, this, [this](const QList<Exchange> &exchanges) {
        emit exchangesReady(exchanges);
        m_inFlight->fetch_sub(exchanges.size());
    });
    connect(m_worker, &ResponderWorker::protocolError, this, &ResponderService::protocolError);
    m_thread.start();
}

ResponderService::~ResponderService()
{
    m_cancelWait->store(true);
    QMetaObject::invokeMethod(m_worker, &ResponderWorker::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    // Stopping reports the last exchanges through queued calls; deliver them
    // now, while the receivers still exist, because the event loop may not run again.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void ResponderService::start(const ServerSettings &server)
{
    m_requestedAddress = server.address;
    m_cancelWait->store(false);
    setState(State::Starting);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, server] { worker->start(server); }, Qt::QueuedConnection);
}

void ResponderService::stop()
{
    m_cancelWait->store(true);
    QMetaObject::invokeMethod(m_worker, &ResponderWorker::stop, Qt::QueuedConnection);
}

void ResponderService::setBackpressure(std::function<double(qint64)> downstreamPressure)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, fill = std::move(downstreamPressure)]() mutable { worker->setDownstreamFill(std::move(fill)); },
        Qt::QueuedConnection);
}

QUrl ResponderService::callbackUrl(const QString &address, quint16 port, const QString &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address);
    url.setPort(port);
    url.setPath(path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path);
    return url;
}

void ResponderService::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

#include "responderservice.moc"
