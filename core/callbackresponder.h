// Handles one received request: parses it, decides with the current settings
// snapshot and the store's rule engine, and returns the exchange with how to
// deliver it (delay, fault). Runs on the responder thread. It uses no
// QtHttpServer types, so it can be tested without sockets.
#pragma once

#include "exchange.h"
#include "replyplan.h"

#include <QCoreApplication>
#include <QList>

#include <atomic>

class SettingsStore;

class CallbackResponder
{
    Q_DECLARE_TR_FUNCTIONS(CallbackResponder)

public:
    explicit CallbackResponder(SettingsStore *store);

    ReplyPlan respond(RawRequest &&request);

    // Returns a new exchange id for an exchange made without respond(), such
    // as a request the HTTP adapter rejected. Thread-safe.
    quint64 allocateExchangeId() { return m_nextId.fetch_add(1, std::memory_order_relaxed); }

private:
    struct ValidatedReply
    {
        QByteArray body;
        Findings findings;
    };
    static constexpr qsizetype MaxValidatedReplies = 8;

    // Findings for a 200 reply body, from a small cache of recent bodies.
    // Not thread-safe: respond() runs on one thread.
    const Findings &replyFindings(const QByteArray &body);

    QList<ValidatedReply> m_validatedReplies;
    SettingsStore *m_store;
    std::atomic<quint64> m_nextId{1};
};
