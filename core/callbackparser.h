// Turns a received HTTP request into callback fields and contract findings,
// tolerating the variants the license server is known to send.
#pragma once

#include "exchange.h"

#include <QCoreApplication>

struct ParseResult
{
    CallbackFields callback;
    Findings findings;

    // Set when the request cannot be answered as a callback; the responder
    // then replies 400 with these details.
    bool rejected = false;
    QString errorCode;       // "missing-field", "invalid-json", "invalid-form", "wrong-type"
    QString errorField;      // the field at fault, if any
    QString errorMessage;    // translated text
    qint64 errorOffset = -1; // byte offset into the body for syntax errors
};

class CallbackParser
{
    Q_DECLARE_TR_FUNCTIONS(CallbackParser)

public:
    // Parses the body (JSON or URL-encoded form, chosen by Content-Type and
    // sniffing) or, for a request without a body, the query string.
    static ParseResult parse(const RawRequest &request);

    static DrmScheme schemeFromText(const QString &text);
};
