// Chooses the reply to a parsed callback from the response settings: the
// master switch, then the first matching rule, then the asset table, then
// the default decision. The result is complete before any delay starts, so a
// delayed reply keeps the settings it was decided with.
#pragma once

#include "callbackparser.h"
#include "exchange.h"
#include "replyplan.h"
#include "responsesettings.h"

#include <QCoreApplication>

class RuleEngine;

struct PlannedResponse
{
    Decision decision = Decision::Allow;  // Allow for a 200, Deny for any other status or no reply at all
    QString decidedBy;       // "master:allow-all", "master:deny-all", "rule:<name>", "asset:<id>" or "default"
    QString ruleId;          // the matching rule's id, empty when no rule decided
    HttpResponse response;   // status 0 and no body for CloseConnection and NeverReply
    int delayMs = 0;
    ReplyDelivery delivery = ReplyDelivery::Normal;
    int trickleChunkBytes = 16;
    int trickleIntervalMs = 200;
};

class DecisionEngine
{
    Q_DECLARE_TR_FUNCTIONS(DecisionEngine)

public:
    // Decides a callback. The callback is counted in ruleEngine first, so the
    // counts of stateful conditions include it. Without a rule engine nothing
    // is counted, and every stateful condition reads counts of zero.
    static PlannedResponse decide(const ResponseSettings &settings, const CallbackFields &callback,
                                  const RawRequest &request, RuleEngine *ruleEngine);
    static PlannedResponse decide(const ResponseSettings &settings, const CallbackFields &callback);

    // The response of a rule's action, as if the rule had matched.
    static PlannedResponse applyRule(const ResponseSettings &settings, const CallbackFields &callback,
                                     const Rule &rule);
    // The same with the rule's serialized own CRT (CompiledRules::payloadBody()),
    // or an empty rulePayloadBody to serialize it here.
    static PlannedResponse applyRule(const ResponseSettings &settings, const CallbackFields &callback,
                                     const Rule &rule, const QByteArray &rulePayloadBody);

    // The 400 reply for a callback the parser rejected.
    static HttpResponse rejection(const ParseResult &parse);
};
