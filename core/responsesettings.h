// Everything that decides the responder's replies: server address, master
// switch, rules, per-asset decisions, the default decision and the CRTs.
// Saved as a versioned JSON profile.
#pragma once

#include "exchange.h"
#include "rule.h"

#include <QCoreApplication>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

class CompiledRules;

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

// Overrides rules, assets and the default while not Off.
enum class MasterSwitch { Off, AllowAll, DenyAll };

struct ResponseSettings
{
    ServerSettings server;
    MasterSwitch masterSwitch = MasterSwitch::Off;
    Decision defaultDecision = Decision::Allow;
    int denyStatus = 403;
    bool crtEnabled = true;     // whether allows by asset, default or master switch carry a CRT
    QJsonObject crt;            // default CRT payload, kept as typed; the vendor example by default
    QMap<DrmScheme, QJsonObject> schemeCrts;  // Widevine, PlayReady, FairPlay; a scheme without one uses crt
    QList<AssetEntry> assets;   // in the order shown to users
    QList<Rule> rules;          // checked in order before the assets

    quint64 revision = 0;       // bumped by every edit, recorded per exchange

    ResponseSettings();

    // The CRT for callbacks of the scheme: its own CRT when set, else crt.
    // DrmScheme::None always gives crt.
    const QJsonObject &crtFor(DrmScheme scheme) const;

    // The schemes that may have their own CRT.
    static QList<DrmScheme> crtSchemes();

    // Lookups use an index that reindexAssets() rebuilds; the settings store
    // calls it after every edit, before the snapshot is shared.
    int assetIndex(const QString &asset) const;
    AssetMode assetMode(const QString &asset) const;
    void reindexAssets();

    int ruleIndex(const QString &ruleId) const;

    // Compiles rules for evaluation; a no-op while rules is unchanged since
    // the last call. The settings store calls it after every edit.
    void compileRules();

    // The compiled rules. Compiled on the spot, without keeping the result,
    // when rules changed since compileRules().
    std::shared_ptr<const CompiledRules> compiledRules() const;

    // Problems of the rule at ruleIndex; an invalid rule is skipped when deciding.
    QList<RuleProblem> ruleProblems(int ruleIndex) const;

    // The compact reply body {"payload": crtFor(scheme)}. Serialized once by
    // prepare() and shared by snapshots; serialized on the spot when a CRT
    // changed since.
    QByteArray payloadBody(DrmScheme scheme) const;

    // reindexAssets(), compileRules() and serializing the CRT reply bodies.
    void prepare();

private:
    struct PayloadBodies
    {
        QJsonObject crt;
        QMap<DrmScheme, QJsonObject> schemeCrts;
        QByteArray defaultBody;
        QMap<DrmScheme, QByteArray> schemeBodies;
    };

    bool payloadBodiesMatch() const;

    QHash<QString, int> m_assetIndex;
    std::shared_ptr<const CompiledRules> m_compiledRules;
    std::shared_ptr<const PayloadBodies> m_payloadBodies;
};

// The compact JSON reply body {"payload": crt}.
QByteArray crtPayloadBody(const QJsonObject &crt);

// Why a profile could not be read: the file, the place in it and the problem.
struct ProfileError
{
    Q_DECLARE_TR_FUNCTIONS(ProfileError)

public:
    QString fileName;     // empty when text was parsed without a file
    qint64 offset = -1;   // byte offset of a JSON syntax error
    QString fieldPath;    // e.g. "rules[3].conditions[0].operator"
    QString problem;      // translated; reads after the field path, e.g. "must be 100 to 599, not 99"

    // "Cannot load profile FILE: field "denyStatus" must be 100 to 599, not 99"
    QString toString() const;
};

// Reading and writing profiles (format "callbacklab-profile"). Version 2 adds
// the master switch, rules and per-scheme CRTs; version 1 files are read with
// those at their defaults.
class ProfileFormat
{
    Q_DECLARE_TR_FUNCTIONS(ProfileFormat)

public:
    static constexpr int CurrentVersion = 2;

    static QByteArray toJson(const ResponseSettings &settings);

    // Returns false and fills error when the text is not a profile this
    // version can read. On failure, settings is left untouched.
    static bool fromJson(const QByteArray &json, ResponseSettings *settings, ProfileError *error);
    static bool fromJson(const QByteArray &json, ResponseSettings *settings, QString *errorMessage);

    static QJsonObject ruleToJson(const Rule &rule);
    // path names the rule in error messages, e.g. "rules[3]".
    static bool ruleFromJson(const QJsonValue &json, const QString &path, Rule *rule, ProfileError *error);
};

QString assetModeName(AssetMode mode);
QString masterSwitchName(MasterSwitch mode);  // "off", "allow-all", "deny-all"
