// Everything that decides how the responder answers: server address, default
// decision, per-asset decisions and the CRT. Saved as a versioned JSON profile.
#pragma once

#include "exchange.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>

enum class AssetMode { FollowDefault, Allow, Deny };

struct AssetEntry
{
    QString asset;
    AssetMode mode = AssetMode::FollowDefault;
    bool operator==(const AssetEntry &other) const { return asset == other.asset && mode == other.mode; }
};

struct ServerSettings
{
    QString address = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    QString path;  // empty: every path is a callback path
    bool operator==(const ServerSettings &other) const
    {
        return address == other.address && port == other.port && path == other.path;
    }
    bool operator!=(const ServerSettings &other) const { return !(*this == other); }
};

struct ResponseSettings
{
    ServerSettings server;
    Decision defaultDecision = Decision::Allow;
    int denyStatus = 403;
    bool crtEnabled = true;
    QJsonObject crt;           // payload object; vendor example by default
    QList<AssetEntry> assets;  // in the order shown to users

    quint64 revision = 0;      // bumped by every edit, recorded per exchange

    ResponseSettings();

    // Lookups use an index that reindexAssets() rebuilds; the settings store
    // calls it after every edit, before the snapshot is shared.
    int assetIndex(const QString &asset) const;
    AssetMode assetMode(const QString &asset) const;
    void reindexAssets();

private:
    QHash<QString, int> m_assetIndex;
};

// Reading and writing profiles. Errors name the position and the problem.
class ProfileFormat
{
    Q_DECLARE_TR_FUNCTIONS(ProfileFormat)

public:
    static constexpr int CurrentVersion = 1;

    static QByteArray toJson(const ResponseSettings &settings);

    // Returns false and sets errorMessage when the text is not a profile this
    // version can read. On failure, settings is left untouched.
    static bool fromJson(const QByteArray &json, ResponseSettings *settings, QString *errorMessage);
};

QString assetModeName(AssetMode mode);
