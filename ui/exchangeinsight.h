// Display text for the parts of an exchange that need decoding or checking:
// the custom-data header, a JWT-shaped session, the reply checked against the
// callback contract, hex dumps, form bodies and timing. For display only:
// JWT signatures are not verified.
#pragma once

#include "exchange.h"

#include <QCoreApplication>

class ExchangeInsight
{
    Q_DECLARE_TR_FUNCTIONS(ExchangeInsight)

public:
    // Indented JSON of a custom-data header value (base64 of a JSON object,
    // line breaks allowed), or an empty string when it does not decode.
    static QString decodeCustomData(const QByteArray &value);

    // Header and payload of a JWT-shaped value (three base64url parts) as
    // indented JSON, or an empty string when the value is not one.
    static QString decodeJwt(const QString &value);

    // The reply body checked with Crt::validateReplyBody.
    static QString replyCheckText(const Exchange &exchange);

    // Offset, hex bytes and printable ASCII, 16 bytes a line, at most maxBytes.
    static QString hexDump(const QByteArray &bytes, qsizetype maxBytes);

    // Decoded name and value pairs of a URL-encoded body, in order, or an
    // empty list when the body is not one.
    static QList<QPair<QString, QString>> formPairs(const QByteArray &body);

    // name = value lines of a URL-encoded body, or an empty string when the body has none.
    static QString formFields(const QByteArray &body);

    static QString timingText(const Exchange &exchange);

    // Everything above for one exchange, in plain text sections.
    static QString decodedText(const Exchange &exchange, qsizetype maxHexBytes);
};
