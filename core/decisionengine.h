// Chooses the answer to a parsed callback from the response settings.
#pragma once

#include "exchange.h"
#include "callbackparser.h"
#include "responsesettings.h"

#include <QCoreApplication>

struct PlannedResponse
{
    Decision decision = Decision::Allow;
    QString decidedBy;  // "asset:<id>" or "default"
    HttpResponse response;
};

class DecisionEngine
{
    Q_DECLARE_TR_FUNCTIONS(DecisionEngine)

public:
    static PlannedResponse decide(const ResponseSettings &settings, const CallbackFields &callback);

    // The 400 reply for a callback the parser rejected.
    static HttpResponse rejection(const ParseResult &parse);
};
