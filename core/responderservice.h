// Runs the HTTP responder on its own thread and reports its state and
// exchanges to the thread that created the service (the GUI or the CLI).
#pragma once

#include "exchange.h"
#include "responsesettings.h"

#include <QObject>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class SettingsStore;
class ResponderWorker;

Q_DECLARE_METATYPE(ServerSettings)

class ResponderService : public QObject
{
    Q_OBJECT

public:
    enum class State { Stopped, Starting, Listening, Failed };
    Q_ENUM(State)

    explicit ResponderService(SettingsStore *store, QObject *parent = nullptr);
    ~ResponderService() override;

    // Starts listening with the given server settings; asynchronous, ends in
    // started() or failed(). A running server is stopped first.
    void start(const ServerSettings &server);
    void stop();

    State state() const { return m_state; }
    QUrl callbackUrl() const { return m_url; }
    quint16 port() const { return m_port; }

    static QUrl callbackUrl(const QString &address, quint16 port, const QString &path);

    // Slows the responder down instead of letting exchanges pile up. After
    // handing over a batch, the responder thread stops taking requests while
    // downstreamPressure(n) is above 0.5, where n is the number of exchanges
    // emitted but not yet passed on to the receivers of exchangesReady(), or
    // while n is above MaxExchangesInFlight. It goes on once both are below
    // 0.4 of that. downstreamPressure runs on the responder thread, such as
    // ExchangeStoreBacklog::pressure(). A request log that falls behind a
    // flood thus makes callbacks slower instead of losing exchanges. stop()
    // ends a wait at once.
    void setBackpressure(std::function<double(qint64 exchangesInFlight)> downstreamPressure);
    static constexpr qint64 MaxExchangesInFlight = 20000;

signals:
    void started(const QUrl &callbackUrl);
    void failed(const QString &message);
    void stopped();
    void stateChanged(ResponderService::State state);
    void exchangesReady(const QList<Exchange> &exchanges);
    void protocolError(const QString &peer, const QString &message);

private:
    void setState(State state);

    SettingsStore *m_store;
    QThread m_thread;
    ResponderWorker *m_worker = nullptr;
    // Shared with the worker: exchanges emitted and not yet passed on, and
    // whether a wait for room must end now.
    std::shared_ptr<std::atomic<qint64>> m_inFlight = std::make_shared<std::atomic<qint64>>(0);
    std::shared_ptr<std::atomic<bool>> m_cancelWait = std::make_shared<std::atomic<bool>>(false);
    QString m_requestedAddress;
    State m_state = State::Stopped;
    QUrl m_url;
    quint16 m_port = 0;
};
