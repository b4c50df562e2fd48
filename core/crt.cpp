#include "crt.h"

#include <QJsonObject>

namespace Crt {

QStringList hdcpLevels()
{
    return {QStringLiteral("Disable HDCP"), QStringLiteral("HDCP v1.x"), QStringLiteral("HDCP v2.0"),
            QStringLiteral("HDCP v2.1"), QStringLiteral("HDCP v2.2"), QStringLiteral("HDCP v2.3")};
}

QStringList knownFields()
{
    return {QStringLiteral("allowRoot"), QStringLiteral("hdcpLevel"), QStringLiteral("keyExpireTime"),
            QStringLiteral("playDuration"), QStringLiteral("securityLevel"), QStringLiteral("storeLicense"),
            QStringLiteral("storeLicenseTime")};
}

QJsonObject vendorExample()
{
    return QJsonObject{
        {QStringLiteral("allowRoot"), 1},
        {QStringLiteral("hdcpLevel"), QStringLiteral("Disable HDCP")},
        {QStringLiteral("keyExpireTime"), 60},
        {QStringLiteral("securityLevel"), 1},
        {QStringLiteral("storeLicense"), true},
        {QStringLiteral("storeLicenseTime"), 300},
    };
}

// TODO(stub): replaced by the full validator.
Findings validatePayload(const QJsonObject &, const QString &) { return {}; }
Findings validateReplyBody(int, const QByteArray &) { return {}; }
QString securityLevelLabel(int level, DrmScheme) { return QString::number(level); }

} // namespace Crt
