#include "responsesettings.h"

#include "crt.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

namespace {

const auto ProfileFormatName = QStringLiteral("callbacklab-profile");

QString modeKey(AssetMode mode)
{
    switch (mode) {
    case AssetMode::FollowDefault: return QStringLiteral("default");
    case AssetMode::Allow: return QStringLiteral("allow");
    case AssetMode::Deny: return QStringLiteral("deny");
    }
    return QString();
}

bool modeFromKey(const QString &key, AssetMode *mode)
{
    for (AssetMode candidate : {AssetMode::FollowDefault, AssetMode::Allow, AssetMode::Deny}) {
        if (modeKey(candidate) == key) {
            *mode = candidate;
            return true;
        }
    }
    return false;
}

} // namespace

ResponseSettings::ResponseSettings()
    : crt(Crt::vendorExample())
{
}

int ResponseSettings::assetIndex(const QString &asset) const
{
    // The index is stale when an edit has not been reindexed yet: fall back to a scan.
    const auto found = m_assetIndex.constFind(asset);
    if (m_assetIndex.size() == assets.size()) {
        if (found != m_assetIndex.cend() && found.value() < assets.size() && assets.at(found.value()).asset == asset)
            return found.value();
        if (found == m_assetIndex.cend())
            return -1;
    }
    for (int i = 0; i < assets.size(); ++i) {
        if (assets.at(i).asset == asset)
            return i;
    }
    return -1;
}

void ResponseSettings::reindexAssets()
{
    m_assetIndex.clear();
    m_assetIndex.reserve(assets.size());
    for (int i = 0; i < assets.size(); ++i)
        m_assetIndex.insert(assets.at(i).asset, i);
}

AssetMode ResponseSettings::assetMode(const QString &asset) const
{
    const int index = assetIndex(asset);
    return index < 0 ? AssetMode::FollowDefault : assets.at(index).mode;
}

QString assetModeName(AssetMode mode)
{
    return modeKey(mode);
}

QByteArray ProfileFormat::toJson(const ResponseSettings &settings)
{
    QJsonObject server{
        {QStringLiteral("address"), settings.server.address},
        {QStringLiteral("port"), settings.server.port},
        {QStringLiteral("path"), settings.server.path},
    };

    QJsonArray assets;
    for (const AssetEntry &entry : settings.assets) {
        assets.append(QJsonObject{
            {QStringLiteral("asset"), entry.asset},
            {QStringLiteral("decision"), modeKey(entry.mode)},
        });
    }

    QJsonObject root{
        {QStringLiteral("format"), ProfileFormatName},
        {QStringLiteral("version"), CurrentVersion},
        {QStringLiteral("server"), server},
        {QStringLiteral("defaultDecision"), decisionName(settings.defaultDecision)},
        {QStringLiteral("denyStatus"), settings.denyStatus},
        {QStringLiteral("crtEnabled"), settings.crtEnabled},
        {QStringLiteral("crt"), settings.crt},
        {QStringLiteral("assets"), assets},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ProfileFormat::fromJson(const QByteArray &json, ResponseSettings *settings, QString *errorMessage)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *errorMessage = tr("invalid JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString());
        return false;
    }
    if (!document.isObject()) {
        *errorMessage = tr("the profile must be a JSON object");
        return false;
    }

    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != ProfileFormatName) {
        *errorMessage = tr("field \"format\" must be \"%1\"").arg(ProfileFormatName);
        return false;
    }
    const QJsonValue version = root.value(QStringLiteral("version"));
    if (!version.isDouble() || version.toDouble() < 1) {
        *errorMessage = tr("field \"version\" must be a positive number");
        return false;
    }
    if (version.toInt() > CurrentVersion) {
        *errorMessage = tr("the profile has version %1, but this CallbackLab reads versions up to %2; "
                           "update CallbackLab to open it")
                            .arg(version.toInt())
                            .arg(CurrentVersion);
        return false;
    }

    ResponseSettings result;
    const QJsonObject server = root.value(QStringLiteral("server")).toObject();
    result.server.address = server.value(QStringLiteral("address")).toString(result.server.address);
    if (QHostAddress(result.server.address).isNull()) {
        *errorMessage = tr("field \"server.address\" is not an IP address: \"%1\"").arg(result.server.address);
        return false;
    }
    const int port = server.value(QStringLiteral("port")).toInt(result.server.port);
    if (port < 0 || port > 65535) {
        *errorMessage = tr("field \"server.port\" must be 0 to 65535, not %1").arg(port);
        return false;
    }
    result.server.port = quint16(port);
    result.server.path = server.value(QStringLiteral("path")).toString();

    const QString defaultDecision = root.value(QStringLiteral("defaultDecision")).toString(QStringLiteral("allow"));
    if (defaultDecision == QLatin1String("allow")) {
        result.defaultDecision = Decision::Allow;
    } else if (defaultDecision == QLatin1String("deny")) {
        result.defaultDecision = Decision::Deny;
    } else {
        *errorMessage = tr("field \"defaultDecision\" must be \"allow\" or \"deny\", not \"%1\"").arg(defaultDecision);
        return false;
    }

    result.denyStatus = root.value(QStringLiteral("denyStatus")).toInt(403);
    if (result.denyStatus < 100 || result.denyStatus > 599) {
        *errorMessage = tr("field \"denyStatus\" must be 100 to 599, not %1").arg(result.denyStatus);
        return false;
    }
    result.crtEnabled = root.value(QStringLiteral("crtEnabled")).toBool(true);
    if (root.contains(QStringLiteral("crt"))) {
        if (!root.value(QStringLiteral("crt")).isObject()) {
            *errorMessage = tr("field \"crt\" must be a JSON object");
            return false;
        }
        result.crt = root.value(QStringLiteral("crt")).toObject();
    }

    const QJsonArray assets = root.value(QStringLiteral("assets")).toArray();
    QSet<QString> seenAssets;
    for (int i = 0; i < assets.size(); ++i) {
        const QJsonObject entry = assets.at(i).toObject();
        AssetEntry asset;
        asset.asset = entry.value(QStringLiteral("asset")).toString();
        if (asset.asset.isEmpty()) {
            *errorMessage = tr("field \"assets[%1].asset\" is missing or empty").arg(i);
            return false;
        }
        const QString mode = entry.value(QStringLiteral("decision")).toString(QStringLiteral("default"));
        if (!modeFromKey(mode, &asset.mode)) {
            *errorMessage = tr("field \"assets[%1].decision\" must be \"default\", \"allow\" or \"deny\", not \"%2\"")
                                .arg(i)
                                .arg(mode);
            return false;
        }
        if (seenAssets.contains(asset.asset)) {
            *errorMessage = tr("field \"assets[%1].asset\" repeats asset \"%2\"").arg(i).arg(asset.asset);
            return false;
        }
        seenAssets.insert(asset.asset);
        result.assets.append(asset);
    }

    result.reindexAssets();
    *settings = result;
    return true;
}
