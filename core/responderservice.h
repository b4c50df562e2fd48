// Runs the HTTP responder on its own thread and reports its state and
// exchanges to the thread that created the service (the GUI or the CLI).
#pragma once

#include "exchange.h"
#include "responsesettings.h"

#include <QObject>
#include <QThread>
#include <QUrl>

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
    QString m_requestedAddress;
    State m_state = State::Stopped;
    QUrl m_url;
    quint16 m_port = 0;
};
