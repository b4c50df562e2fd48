// The custom rights token (CRT) sent inside a 200 reply, and its validation
// against the ranges and spellings the contract gives.
//
// Finding codes, stable identifiers that filters and tests rely on:
//   crt-not-json              a 200 reply body that is not JSON
//   crt-not-object            a 200 reply body that is JSON but not an object
//   crt-missing-payload       a JSON reply body without "payload"
//   crt-payload-not-object    "payload" is not an object
//   crt-unknown-field         a field the CRT does not name, with the nearest known name
//   crt-wrong-type            a value of a type the field cannot take
//   crt-number-as-string      a number sent as a string, e.g. "60"
//   crt-boolean-as-string     storeLicense sent as the string "true" or "false"
//   crt-allow-root-boolean    allowRoot sent as a boolean instead of 0 or 1
//   crt-negative              a negative number
//   crt-fraction              a number with a fractional part where a whole number is needed
//   crt-out-of-range          a number outside the field's range
//   crt-hdcp-spelling         hdcpLevel names a level in another case or spacing
//   crt-hdcp-unknown          hdcpLevel is none of the six spellings
//   crt-play-duration-too-long playDuration above keyExpireTime
#pragma once

#include "exchange.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Crt {

inline constexpr qint64 MaxMinutes = 71582788; // largest minute count whose seconds fit in 32 bits

QStringList hdcpLevels();        // the six spellings the license server accepts
QStringList knownFields();       // allowRoot, hdcpLevel, keyExpireTime, ...

// The CRT from the vendor's example reply.
QJsonObject vendorExample();

// Findings for a CRT payload (the object inside "payload"). fieldPrefix is
// put in front of field names, e.g. "payload.".
Findings validatePayload(const QJsonObject &payload, const QString &fieldPrefix = QStringLiteral("payload."));

// Findings for a whole reply body as the license server would read it.
Findings validateReplyBody(int status, const QByteArray &body);

// Text for a securityLevel number, per DRM scheme; both the Widevine and
// the PlayReady meaning for other schemes.
QString securityLevelLabel(int level, DrmScheme scheme);

// Returns the known field nearest to a misspelt name (storeLicence ->
// storeLicense), or an empty string when none is close.
QString suggestField(const QString &name);

// Returns the accepted hdcpLevel spelling that text differs from only in
// case, spacing or separators, or an empty string.
QString canonicalHdcpLevel(const QString &text);

} // namespace Crt

class CrtText
{
    Q_DECLARE_TR_FUNCTIONS(Crt)
};
