// Answers one received request: parses it, decides with the current settings
// snapshot and fills in the exchange. Runs on the responder thread; holds no
// QtHttpServer types so it can be tested without sockets.
#pragma once

#include "exchange.h"
#include "replyplan.h"

#include <QCoreApplication>

#include <atomic>

class SettingsStore;

class CallbackResponder
{
    Q_DECLARE_TR_FUNCTIONS(CallbackResponder)

public:
    explicit CallbackResponder(SettingsStore *store);

    ReplyPlan respond(RawRequest &&request);

private:
    SettingsStore *m_store;
    std::atomic<quint64> m_nextId{1};
};
