// `callbacklab serve`: the responder without a window, one output line per exchange.
#pragma once

#include "commandline.h"

#include <QCoreApplication>

class ServeCommand
{
    Q_DECLARE_TR_FUNCTIONS(ServeCommand)

public:
    // Runs until SIGINT or SIGTERM; returns the process exit code.
    static int run(const ServeOptions &options);

    // One log line for an exchange: time, method, path, asset, user, session,
    // decision, status and latency.
    static QString formatExchange(const Exchange &exchange);
    // The same line in UTF-8 with its newline, appended to line.
    static void appendExchangeLine(QByteArray &line, const Exchange &exchange);
};
