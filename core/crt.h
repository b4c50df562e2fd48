// The custom rights token (CRT) sent inside a 200 reply, and its validation
// against the ranges and spellings the contract gives.
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

// Text for a securityLevel number, per DRM scheme.
QString securityLevelLabel(int level, DrmScheme scheme);

} // namespace Crt

class CrtText
{
    Q_DECLARE_TR_FUNCTIONS(Crt)
};
