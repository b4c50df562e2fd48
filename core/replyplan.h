// Delivery instructions for a decided response: at once, after a delay,
// slowly, or not at all (fault injection for negative tests).
#pragma once

#include "exchange.h"

enum class ReplyDelivery {
    Normal,             // write the response
    CloseWithoutReply,  // close the connection without writing anything
    NeverReply,         // write nothing and keep the connection open until the client leaves
    Trickle,            // write the response in small pieces with pauses between them
};

struct ReplyPlan
{
    Exchange exchange;      // the response to send is exchange.response
    int delayMs = 0;        // wait before delivering, 0 to 120000
    ReplyDelivery delivery = ReplyDelivery::Normal;
    int trickleChunkBytes = 16;
    int trickleIntervalMs = 200;
};
