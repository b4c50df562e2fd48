#include "responsesettings.h"

#include "crt.h"
#include "ruleengine.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSet>

#include <cstring>

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

bool masterSwitchFromKey(const QString &key, MasterSwitch *mode)
{
    for (MasterSwitch candidate : {MasterSwitch::Off, MasterSwitch::AllowAll, MasterSwitch::DenyAll}) {
        if (masterSwitchName(candidate) == key) {
            *mode = candidate;
            return true;
        }
    }
    return false;
}

// True when both objects hold the same implicitly shared data, so they are
// equal. A QJsonObject is one pointer to its data in Qt 6, and every change
// detaches a shared object, so equal pointers mean equal content.
bool sharesData(const QJsonObject &a, const QJsonObject &b)
{
    static_assert(sizeof(QJsonObject) == sizeof(void *), "QJsonObject is expected to hold one data pointer");
    return std::memcmp(&a, &b, sizeof(QJsonObject)) == 0;
}

QString typeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true or false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

QString quotedList(const QStringList &keys)
{
    QStringList quoted;
    for (const QString &key : keys)
        quoted.append(QLatin1Char('"') + key + QLatin1Char('"'));
    return quoted.join(QStringLiteral(", "));
}

// Typed reads of optional profile fields. Each returns false after filling
// the error with the field path and the problem. An absent field keeps the
// value it was given.
class ProfileReader
{
public:
    explicit ProfileReader(ProfileError *error)
        : m_error(error)
    {
    }

    bool fail(const QString &path, const QString &problem)
    {
        m_error->fieldPath = path;
        m_error->problem = problem;
        return false;
    }

    bool readString(const QJsonObject &object, const QString &key, const QString &path, QString *value)
    {
        const QJsonValue found = object.value(key);
        if (found.isUndefined())
            return true;
        if (!found.isString())
            return fail(path, ProfileFormat::tr("must be a string, not %1").arg(typeName(found)));
        *value = found.toString();
        return true;
    }

    bool readBool(const QJsonObject &object, const QString &key, const QString &path, bool *value)
    {
        const QJsonValue found = object.value(key);
        if (found.isUndefined())
            return true;
        if (!found.isBool())
            return fail(path, ProfileFormat::tr("must be true or false, not %1").arg(typeName(found)));
        *value = found.toBool();
        return true;
    }

    bool readInt(const QJsonObject &object, const QString &key, const QString &path, qint64 minimum, qint64 maximum,
                 int *value)
    {
        const QJsonValue found = object.value(key);
        if (found.isUndefined())
            return true;
        const double number = found.toDouble();
        if (!found.isDouble() || number != double(qint64(number)) || number < double(minimum)
            || number > double(maximum)) {
            const QString shown = found.isDouble() ? QString::number(number) : typeName(found);
            return fail(path, ProfileFormat::tr("must be a whole number from %1 to %2, not %3")
                                  .arg(minimum)
                                  .arg(maximum)
                                  .arg(shown));
        }
        *value = int(number);
        return true;
    }

    bool readObject(const QJsonObject &object, const QString &key, const QString &path, QJsonObject *value)
    {
        const QJsonValue found = object.value(key);
        if (found.isUndefined())
            return true;
        if (!found.isObject())
            return fail(path, ProfileFormat::tr("must be a JSON object, not %1").arg(typeName(found)));
        *value = found.toObject();
        return true;
    }

    bool readArray(const QJsonObject &object, const QString &key, const QString &path, QJsonArray *value)
    {
        const QJsonValue found = object.value(key);
        if (found.isUndefined())
            return true;
        if (!found.isArray())
            return fail(path, ProfileFormat::tr("must be a JSON array, not %1").arg(typeName(found)));
        *value = found.toArray();
        return true;
    }

    // Reads a string that must be one of the keys the parse function accepts.
    template<typename Enum, typename Parse>
    bool readKey(const QJsonObject &object, const QString &key, const QString &path, const QStringList &allowed,
                 Parse parse, Enum *value)
    {
        QString text;
        if (!object.contains(key))
            return true;
        if (!readString(object, key, path, &text))
            return false;
        if (!parse(text, value))
            return fail(path, ProfileFormat::tr("must be one of %1, not \"%2\"").arg(quotedList(allowed), text));
        return true;
    }

private:
    ProfileError *m_error;
};

template<typename Enum, typename KeyOf>
QStringList keysOf(const QList<Enum> &values, KeyOf keyOf)
{
    QStringList keys;
    for (Enum value : values)
        keys.append(keyOf(value));
    return keys;
}

QJsonObject conditionToJson(const RuleCondition &condition)
{
    return QJsonObject{
        {QStringLiteral("subject"), Rules::subjectKey(condition.subject)},
        {QStringLiteral("name"), condition.name},
        {QStringLiteral("operator"), Rules::operatorKey(condition.op)},
        {QStringLiteral("value"), condition.value},
        {QStringLiteral("values"), QJsonArray::fromStringList(condition.values)},
        {QStringLiteral("ignoreCase"), condition.ignoreCase},
        {QStringLiteral("negate"), condition.negate},
        {QStringLiteral("count"), condition.count},
        {QStringLiteral("windowSeconds"), condition.windowSeconds},
    };
}

QJsonObject actionToJson(const RuleAction &action)
{
    return QJsonObject{
        {QStringLiteral("kind"), Rules::actionKindKey(action.kind)},
        {QStringLiteral("crtSource"), Rules::crtSourceKey(action.crtSource)},
        {QStringLiteral("crt"), action.crt},
        {QStringLiteral("status"), action.status},
        {QStringLiteral("customBody"), action.customBody},
        {QStringLiteral("body"), action.body},
        {QStringLiteral("contentTypeMode"), Rules::contentTypeModeKey(action.contentTypeMode)},
        {QStringLiteral("contentType"), action.contentType},
        {QStringLiteral("delayMs"), action.delayMs},
        {QStringLiteral("trickle"), action.trickle},
        {QStringLiteral("trickleChunkBytes"), action.trickleChunkBytes},
        {QStringLiteral("trickleIntervalMs"), action.trickleIntervalMs},
    };
}

bool conditionFromJson(ProfileReader &reader, const QJsonValue &json, const QString &path, RuleCondition *condition)
{
    if (!json.isObject())
        return reader.fail(path, ProfileFormat::tr("must be a JSON object, not %1").arg(typeName(json)));
    const QJsonObject object = json.toObject();
    auto at = [&path](const char *key) { return path + QLatin1Char('.') + QLatin1String(key); };

    if (!object.contains(QStringLiteral("subject")))
        return reader.fail(at("subject"), ProfileFormat::tr("is missing"));
    const QStringList subjects = keysOf(Rules::allSubjects(), &Rules::subjectKey);
    const QStringList operators = keysOf(Rules::allOperators(), &Rules::operatorKey);
    QJsonArray values;
    if (!reader.readKey(object, QStringLiteral("subject"), at("subject"), subjects, &Rules::subjectFromKey,
                        &condition->subject)
        || !reader.readString(object, QStringLiteral("name"), at("name"), &condition->name)
        || !reader.readKey(object, QStringLiteral("operator"), at("operator"), operators, &Rules::operatorFromKey,
                           &condition->op)
        || !reader.readString(object, QStringLiteral("value"), at("value"), &condition->value)
        || !reader.readArray(object, QStringLiteral("values"), at("values"), &values)
        || !reader.readBool(object, QStringLiteral("ignoreCase"), at("ignoreCase"), &condition->ignoreCase)
        || !reader.readBool(object, QStringLiteral("negate"), at("negate"), &condition->negate)
        || !reader.readInt(object, QStringLiteral("count"), at("count"), 0, Rules::MaxCount, &condition->count)
        || !reader.readInt(object, QStringLiteral("windowSeconds"), at("windowSeconds"), 1, Rules::MaxWindowSeconds,
                           &condition->windowSeconds)) {
        return false;
    }

    condition->values.clear();
    for (int i = 0; i < values.size(); ++i) {
        if (!values.at(i).isString())
            return reader.fail(QStringLiteral("%1[%2]").arg(at("values")).arg(i),
                               ProfileFormat::tr("must be a string, not %1").arg(typeName(values.at(i))));
        condition->values.append(values.at(i).toString());
    }
    return true;
}

bool actionFromJson(ProfileReader &reader, const QJsonObject &object, const QString &path, RuleAction *action)
{
    auto at = [&path](const char *key) { return path + QLatin1Char('.') + QLatin1String(key); };
    const QStringList kinds = keysOf(Rules::allActionKinds(), &Rules::actionKindKey);
    const QStringList sources = keysOf(QList<CrtSource>{CrtSource::Default, CrtSource::Scheme, CrtSource::Rule,
                                                        CrtSource::None},
                                       &Rules::crtSourceKey);
    const QStringList contentTypeModes = keysOf(
        QList<ContentTypeMode>{ContentTypeMode::Default, ContentTypeMode::Custom, ContentTypeMode::Omit},
        &Rules::contentTypeModeKey);

    return reader.readKey(object, QStringLiteral("kind"), at("kind"), kinds, &Rules::actionKindFromKey, &action->kind)
        && reader.readKey(object, QStringLiteral("crtSource"), at("crtSource"), sources, &Rules::crtSourceFromKey,
                          &action->crtSource)
        && reader.readObject(object, QStringLiteral("crt"), at("crt"), &action->crt)
        && reader.readInt(object, QStringLiteral("status"), at("status"), 100, 599, &action->status)
        && reader.readBool(object, QStringLiteral("customBody"), at("customBody"), &action->customBody)
        && reader.readString(object, QStringLiteral("body"), at("body"), &action->body)
        && reader.readKey(object, QStringLiteral("contentTypeMode"), at("contentTypeMode"), contentTypeModes,
                          &Rules::contentTypeModeFromKey, &action->contentTypeMode)
        && reader.readString(object, QStringLiteral("contentType"), at("contentType"), &action->contentType)
        && reader.readInt(object, QStringLiteral("delayMs"), at("delayMs"), 0, RuleAction::MaxDelayMs, &action->delayMs)
        && reader.readBool(object, QStringLiteral("trickle"), at("trickle"), &action->trickle)
        && reader.readInt(object, QStringLiteral("trickleChunkBytes"), at("trickleChunkBytes"), 1, 65536,
                          &action->trickleChunkBytes)
        && reader.readInt(object, QStringLiteral("trickleIntervalMs"), at("trickleIntervalMs"), 0, 60000,
                          &action->trickleIntervalMs);
}

bool readServer(ProfileReader &reader, const QJsonObject &root, ServerSettings *server)
{
    QJsonObject object;
    if (!reader.readObject(root, QStringLiteral("server"), QStringLiteral("server"), &object)
        || !reader.readString(object, QStringLiteral("address"), QStringLiteral("server.address"), &server->address))
        return false;
    if (QHostAddress(server->address).isNull())
        return reader.fail(QStringLiteral("server.address"),
                           ProfileFormat::tr("is not an IP address: \"%1\"").arg(server->address));

    int port = server->port;
    if (!reader.readInt(object, QStringLiteral("port"), QStringLiteral("server.port"), 0, 65535, &port))
        return false;
    server->port = quint16(port);
    return reader.readString(object, QStringLiteral("path"), QStringLiteral("server.path"), &server->path);
}

bool readAssets(ProfileReader &reader, const QJsonObject &root, QList<AssetEntry> *assets)
{
    QJsonArray array;
    if (!reader.readArray(root, QStringLiteral("assets"), QStringLiteral("assets"), &array))
        return false;

    QSet<QString> seen;
    seen.reserve(array.size());
    assets->reserve(array.size());
    for (int i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("assets[%1]").arg(i);
        if (!array.at(i).isObject())
            return reader.fail(path, ProfileFormat::tr("must be a JSON object, not %1").arg(typeName(array.at(i))));
        const QJsonObject entry = array.at(i).toObject();

        AssetEntry asset;
        if (!reader.readString(entry, QStringLiteral("asset"), path + QStringLiteral(".asset"), &asset.asset))
            return false;
        if (asset.asset.isEmpty())
            return reader.fail(path + QStringLiteral(".asset"), ProfileFormat::tr("is missing or empty"));
        if (!reader.readKey(entry, QStringLiteral("decision"), path + QStringLiteral(".decision"),
                            {QStringLiteral("default"), QStringLiteral("allow"), QStringLiteral("deny")}, &modeFromKey,
                            &asset.mode))
            return false;
        if (seen.contains(asset.asset))
            return reader.fail(path + QStringLiteral(".asset"),
                               ProfileFormat::tr("repeats asset \"%1\"").arg(asset.asset));
        seen.insert(asset.asset);
        assets->append(asset);
    }
    return true;
}

bool readSchemeCrts(ProfileReader &reader, const QJsonObject &root, QMap<DrmScheme, QJsonObject> *crts)
{
    QJsonObject object;
    if (!reader.readObject(root, QStringLiteral("schemeCrts"), QStringLiteral("schemeCrts"), &object))
        return false;

    QStringList names;
    for (DrmScheme scheme : ResponseSettings::crtSchemes())
        names.append(drmSchemeName(scheme));
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString path = QStringLiteral("schemeCrts.") + it.key();
        const qsizetype index = names.indexOf(it.key());
        if (index < 0)
            return reader.fail(path, ProfileFormat::tr("is not a DRM scheme that can have its own CRT; use %1")
                                         .arg(quotedList(names)));
        if (!it.value().isObject())
            return reader.fail(path, ProfileFormat::tr("must be a JSON object, not %1").arg(typeName(it.value())));
        crts->insert(ResponseSettings::crtSchemes().at(index), it.value().toObject());
    }
    return true;
}

bool readRules(ProfileReader &reader, const QJsonObject &root, QList<Rule> *rules, ProfileError *error)
{
    QJsonArray array;
    if (!reader.readArray(root, QStringLiteral("rules"), QStringLiteral("rules"), &array))
        return false;

    QHash<QString, int> seenIds;
    rules->reserve(array.size());
    for (int i = 0; i < array.size(); ++i) {
        const QString path = QStringLiteral("rules[%1]").arg(i);
        Rule rule;
        if (!ProfileFormat::ruleFromJson(array.at(i), path, &rule, error))
            return false;
        const auto previous = seenIds.constFind(rule.id);
        if (previous != seenIds.constEnd())
            return reader.fail(path + QStringLiteral(".id"),
                               ProfileFormat::tr("repeats the id of rules[%1]").arg(previous.value()));
        seenIds.insert(rule.id, i);
        rules->append(std::move(rule));
    }
    return true;
}

} // namespace

ResponseSettings::ResponseSettings()
{
    // Default settings are prepared once and shared, so that even an unedited
    // snapshot decides without compiling or serializing. The CRT shares the
    // cached copy's data, so payloadBodiesMatch() compares one pointer.
    static const std::shared_ptr<const CompiledRules> noRules = std::make_shared<const CompiledRules>();
    static const std::shared_ptr<const PayloadBodies> defaultBodies = [] {
        auto bodies = std::make_shared<PayloadBodies>();
        bodies->crt = Crt::vendorExample();
        bodies->defaultBody = crtPayloadBody(bodies->crt);
        return bodies;
    }();
    crt = defaultBodies->crt;
    m_compiledRules = noRules;
    m_payloadBodies = defaultBodies;
}

bool ResponseSettings::payloadBodiesMatch() const
{
    // The CRTs are usually shared with the cached copies, so one pointer
    // comparison each is enough. Otherwise they are compared field by field,
    // which is still far cheaper than serializing them again.
    const PayloadBodies *cached = m_payloadBodies.get();
    return cached && (cached->schemeCrts.isSharedWith(schemeCrts) || cached->schemeCrts == schemeCrts)
        && (sharesData(cached->crt, crt) || cached->crt == crt);
}

const QJsonObject &ResponseSettings::crtFor(DrmScheme scheme) const
{
    if (scheme == DrmScheme::None)
        return crt;
    const auto found = schemeCrts.constFind(scheme);
    return found == schemeCrts.constEnd() ? crt : found.value();
}

QList<DrmScheme> ResponseSettings::crtSchemes()
{
    return {DrmScheme::Widevine, DrmScheme::PlayReady, DrmScheme::FairPlay};
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

int ResponseSettings::ruleIndex(const QString &ruleId) const
{
    for (int i = 0; i < rules.size(); ++i) {
        if (rules.at(i).id == ruleId)
            return i;
    }
    return -1;
}

void ResponseSettings::compileRules()
{
    if (m_compiledRules && m_compiledRules->isCompiledFrom(rules))
        return;
    m_compiledRules = std::make_shared<const CompiledRules>(rules);
}

std::shared_ptr<const CompiledRules> ResponseSettings::compiledRules() const
{
    if (m_compiledRules && m_compiledRules->isCompiledFrom(rules))
        return m_compiledRules;
    return std::make_shared<const CompiledRules>(rules);
}

QList<RuleProblem> ResponseSettings::ruleProblems(int ruleIndex) const
{
    return compiledRules()->problems(ruleIndex);
}

QByteArray ResponseSettings::payloadBody(DrmScheme scheme) const
{
    const PayloadBodies *cached = m_payloadBodies.get();
    if (payloadBodiesMatch()) {
        const auto found = scheme == DrmScheme::None ? cached->schemeBodies.constEnd()
                                                     : cached->schemeBodies.constFind(scheme);
        return found == cached->schemeBodies.constEnd() ? cached->defaultBody : found.value();
    }
    return crtPayloadBody(crtFor(scheme));
}

void ResponseSettings::prepare()
{
    reindexAssets();
    compileRules();

    if (payloadBodiesMatch()) {
        // Equal CRTs loaded or edited apart from the cached ones take the
        // cached data, so later checks compare pointers instead of fields.
        crt = m_payloadBodies->crt;
        schemeCrts = m_payloadBodies->schemeCrts;
        return;
    }
    auto bodies = std::make_shared<PayloadBodies>();
    bodies->crt = crt;
    bodies->schemeCrts = schemeCrts;
    bodies->defaultBody = crtPayloadBody(crt);
    for (auto it = schemeCrts.constBegin(); it != schemeCrts.constEnd(); ++it)
        bodies->schemeBodies.insert(it.key(), crtPayloadBody(it.value()));
    m_payloadBodies = std::move(bodies);
}

QByteArray crtPayloadBody(const QJsonObject &crt)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("payload"), crt}}).toJson(QJsonDocument::Compact);
}

QString assetModeName(AssetMode mode)
{
    return modeKey(mode);
}

QString masterSwitchName(MasterSwitch mode)
{
    switch (mode) {
    case MasterSwitch::Off: return QStringLiteral("off");
    case MasterSwitch::AllowAll: return QStringLiteral("allow-all");
    case MasterSwitch::DenyAll: return QStringLiteral("deny-all");
    }
    return QString();
}

QString ProfileError::toString() const
{
    QString detail;
    if (offset >= 0)
        detail = tr("invalid JSON at byte %1: %2").arg(offset).arg(problem);
    else if (!fieldPath.isEmpty())
        detail = tr("field \"%1\" %2").arg(fieldPath, problem);
    else
        detail = problem;

    if (fileName.isEmpty())
        return detail;
    return tr("Cannot load profile %1: %2").arg(QDir::toNativeSeparators(fileName), detail);
}

QJsonObject ProfileFormat::ruleToJson(const Rule &rule)
{
    QJsonArray conditions;
    for (const RuleCondition &condition : rule.conditions)
        conditions.append(conditionToJson(condition));
    return QJsonObject{
        {QStringLiteral("id"), rule.id},
        {QStringLiteral("name"), rule.name},
        {QStringLiteral("enabled"), rule.enabled},
        {QStringLiteral("negate"), rule.negate},
        {QStringLiteral("conditions"), conditions},
        {QStringLiteral("action"), actionToJson(rule.action)},
    };
}

bool ProfileFormat::ruleFromJson(const QJsonValue &json, const QString &path, Rule *rule, ProfileError *error)
{
    ProfileReader reader(error);
    if (!json.isObject())
        return reader.fail(path, tr("must be a JSON object, not %1").arg(typeName(json)));
    const QJsonObject object = json.toObject();

    Rule result;
    QJsonArray conditions;
    QJsonObject action;
    if (!reader.readString(object, QStringLiteral("id"), path + QStringLiteral(".id"), &result.id)
        || !reader.readString(object, QStringLiteral("name"), path + QStringLiteral(".name"), &result.name)
        || !reader.readBool(object, QStringLiteral("enabled"), path + QStringLiteral(".enabled"), &result.enabled)
        || !reader.readBool(object, QStringLiteral("negate"), path + QStringLiteral(".negate"), &result.negate)
        || !reader.readArray(object, QStringLiteral("conditions"), path + QStringLiteral(".conditions"), &conditions)
        || !reader.readObject(object, QStringLiteral("action"), path + QStringLiteral(".action"), &action)) {
        return false;
    }
    if (result.id.isEmpty())
        result.id = Rule::newId();

    for (int i = 0; i < conditions.size(); ++i) {
        RuleCondition condition;
        if (!conditionFromJson(reader, conditions.at(i), QStringLiteral("%1.conditions[%2]").arg(path).arg(i), &condition))
            return false;
        result.conditions.append(condition);
    }
    if (!actionFromJson(reader, action, path + QStringLiteral(".action"), &result.action))
        return false;

    *rule = std::move(result);
    return true;
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

    QJsonObject schemeCrts;
    for (auto it = settings.schemeCrts.constBegin(); it != settings.schemeCrts.constEnd(); ++it)
        schemeCrts.insert(drmSchemeName(it.key()), it.value());

    QJsonArray rules;
    for (const Rule &rule : settings.rules)
        rules.append(ruleToJson(rule));

    QJsonObject root{
        {QStringLiteral("format"), ProfileFormatName},
        {QStringLiteral("version"), CurrentVersion},
        {QStringLiteral("server"), server},
        {QStringLiteral("masterSwitch"), masterSwitchName(settings.masterSwitch)},
        {QStringLiteral("defaultDecision"), decisionName(settings.defaultDecision)},
        {QStringLiteral("denyStatus"), settings.denyStatus},
        {QStringLiteral("crtEnabled"), settings.crtEnabled},
        {QStringLiteral("crt"), settings.crt},
        {QStringLiteral("schemeCrts"), schemeCrts},
        {QStringLiteral("rules"), rules},
        {QStringLiteral("assets"), assets},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool ProfileFormat::fromJson(const QByteArray &json, ResponseSettings *settings, QString *errorMessage)
{
    ProfileError error;
    if (fromJson(json, settings, &error))
        return true;
    *errorMessage = error.toString();
    return false;
}

bool ProfileFormat::fromJson(const QByteArray &json, ResponseSettings *settings, ProfileError *error)
{
    ProfileReader reader(error);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        error->offset = parseError.offset;
        error->problem = parseError.errorString();
        return false;
    }
    if (!document.isObject())
        return reader.fail(QString(), tr("the profile must be a JSON object"));

    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != ProfileFormatName)
        return reader.fail(QStringLiteral("format"), tr("must be \"%1\"").arg(ProfileFormatName));
    const QJsonValue versionValue = root.value(QStringLiteral("version"));
    const double version = versionValue.toDouble();
    if (!versionValue.isDouble() || version < 1 || version != double(qint64(version)))
        return reader.fail(QStringLiteral("version"), tr("must be a whole number from 1"));
    if (version > CurrentVersion) {
        return reader.fail(QStringLiteral("version"),
                           tr("is %1, but this CallbackLab reads profile versions up to %2; "
                              "update CallbackLab to open it")
                               .arg(qint64(version))
                               .arg(CurrentVersion));
    }

    ResponseSettings result;
    if (!readServer(reader, root, &result.server))
        return false;

    QString defaultDecision = QStringLiteral("allow");
    if (!reader.readString(root, QStringLiteral("defaultDecision"), QStringLiteral("defaultDecision"), &defaultDecision))
        return false;
    if (defaultDecision == QLatin1String("allow"))
        result.defaultDecision = Decision::Allow;
    else if (defaultDecision == QLatin1String("deny"))
        result.defaultDecision = Decision::Deny;
    else
        return reader.fail(QStringLiteral("defaultDecision"),
                           tr("must be \"allow\" or \"deny\", not \"%1\"").arg(defaultDecision));

    if (!reader.readInt(root, QStringLiteral("denyStatus"), QStringLiteral("denyStatus"), 100, 599, &result.denyStatus)
        || !reader.readBool(root, QStringLiteral("crtEnabled"), QStringLiteral("crtEnabled"), &result.crtEnabled)
        || !reader.readObject(root, QStringLiteral("crt"), QStringLiteral("crt"), &result.crt)
        || !readAssets(reader, root, &result.assets)) {
        return false;
    }

    // Version 1 had none of these, so its files get the defaults.
    if (version >= 2) {
        const QStringList switches{masterSwitchName(MasterSwitch::Off), masterSwitchName(MasterSwitch::AllowAll),
                                   masterSwitchName(MasterSwitch::DenyAll)};
        if (!reader.readKey(root, QStringLiteral("masterSwitch"), QStringLiteral("masterSwitch"), switches,
                            &masterSwitchFromKey, &result.masterSwitch)
            || !readSchemeCrts(reader, root, &result.schemeCrts) || !readRules(reader, root, &result.rules, error)) {
            return false;
        }
    }

    result.prepare();
    *settings = std::move(result);
    return true;
}
