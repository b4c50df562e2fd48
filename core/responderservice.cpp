#include "responderservice.h"

#include "callbackresponder.h"
#include "httpserveradapter.h"
#include "logging.h"
#include "settingsstore.h"

#include <QCoreApplication>
#include <QMetaObject>

// Owns the adapter and the responder inside the responder thread.
class ResponderWorker : public QObject
{
    Q_OBJECT

public:
    explicit ResponderWorker(SettingsStore *store)
        : m_responder(store)
        , m_adapter([this](RawRequest &&request) { return m_responder.respond(std::move(request)); }, this)
    {
        m_adapter.setExchangeIdAllocator([this] { return m_responder.allocateExchangeId(); });
        connect(&m_adapter, &HttpServerAdapter::exchangesReady, this, &ResponderWorker::exchangesReady);
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

signals:
    void started(quint16 port);
    void failed(const QString &message);
    void stopped();
    void exchangesReady(const QList<Exchange> &exchanges);
    void protocolError(const QString &peer, const QString &message);

private:
    CallbackResponder m_responder;
    HttpServerAdapter m_adapter;
};

ResponderService::ResponderService(SettingsStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    qRegisterMetaType<Exchange>();
    qRegisterMetaType<QList<Exchange>>();
    qRegisterMetaType<ServerSettings>();

    m_thread.setObjectName(QStringLiteral("responder"));
    m_worker = new ResponderWorker(store);
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
    connect(m_worker, &ResponderWorker::exchangesReady, this, &ResponderService::exchangesReady);
    connect(m_worker, &ResponderWorker::protocolError, this, &ResponderService::protocolError);
    m_thread.start();
}

ResponderService::~ResponderService()
{
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
    setState(State::Starting);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, server] { worker->start(server); }, Qt::QueuedConnection);
}

void ResponderService::stop()
{
    QMetaObject::invokeMethod(m_worker, &ResponderWorker::stop, Qt::QueuedConnection);
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
