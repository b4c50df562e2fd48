// Decision tables for the default, per-asset rows and multi-asset callbacks.
// Precedence of master switch, rules, assets and default. Responses of rule
// actions and per-scheme CRTs. The profile format's round trip and errors.
#include "callbackresponder.h"
#include "crt.h"
#include "decisionengine.h"
#include "responsesettings.h"
#include "ruleengine.h"
#include "settingsstore.h"

#include <QJsonDocument>
#include <QtTest>

Q_DECLARE_METATYPE(RuleAction)

class TestDecisionEngine : public QObject
{
    Q_OBJECT

private slots:
    void decide_data();
    void decide();
    void allowBodyCarriesCrt();
    void allowWithoutCrtIsEmpty();
    void denyBodyNamesAsset();
    void customDenyStatus();
    void profileRoundTrip();
    void profileErrors_data();
    void profileErrors();

    void precedence_data();
    void precedence();
    void actionResponse_data();
    void actionResponse();
    void denyStatusEdges_data();
    void denyStatusEdges();
    void schemeCrt_data();
    void schemeCrt();
    void crtOffKeepsRuleCrt();
    void ruleFromExchange();
    void ruleFromExchangeWithoutScheme();
    void ruleFromAsset();
    void responderFillsReplyPlan();
    void responderKeepsStartingSnapshot();
    void responderChecksSentCrt();
    void denyBodyEscapesText_data();
    void denyBodyEscapesText();
    void payloadBodyFollowsCrtEdits();
};

namespace {

CallbackFields callbackFor(const QStringList &assets)
{
    CallbackFields callback;
    callback.assets = assets;
    callback.asset = assets.value(0);
    callback.user = QStringLiteral("u");
    callback.session = QStringLiteral("s");
    return callback;
}

CallbackFields callbackWithScheme(const QString &asset, DrmScheme scheme, const QString &schemeText)
{
    CallbackFields callback = callbackFor({asset});
    callback.drmScheme = scheme;
    callback.drmSchemeText = schemeText;
    return callback;
}

RuleCondition assetEquals(const QString &asset)
{
    RuleCondition condition;
    condition.subject = ConditionSubject::Asset;
    condition.op = ConditionOperator::Equals;
    condition.value = asset;
    return condition;
}

Rule ruleFor(const QString &name, const QString &asset, ActionKind kind)
{
    Rule rule;
    rule.id = Rule::newId();
    rule.name = name;
    if (!asset.isEmpty())
        rule.conditions.append(assetEquals(asset));
    rule.action.kind = kind;
    return rule;
}

QJsonObject payloadOf(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object().value(QStringLiteral("payload")).toObject();
}

RawRequest jsonRequest(const QByteArray &body)
{
    RawRequest request;
    request.method = "POST";
    request.target = "/";
    request.httpVersion = "HTTP/1.1";
    request.headers = {{"Content-Type", "application/json"}};
    request.body = body;
    request.peerAddress = QStringLiteral("127.0.0.1");
    return request;
}

} // namespace

void TestDecisionEngine::decide_data()
{
    QTest::addColumn<int>("defaultDecision");
    QTest::addColumn<QStringList>("allowAssets");
    QTest::addColumn<QStringList>("denyAssets");
    QTest::addColumn<QStringList>("callbackAssets");
    QTest::addColumn<int>("expectedDecision");
    QTest::addColumn<QString>("expectedDecidedBy");

    const int allow = int(Decision::Allow);
    const int deny = int(Decision::Deny);
    QTest::addRow("default allow, unknown asset") << allow << QStringList() << QStringList() << QStringList{"a"} << allow << "default";
    QTest::addRow("default deny, unknown asset") << deny << QStringList() << QStringList() << QStringList{"a"} << deny << "default";
    QTest::addRow("asset deny beats default allow") << allow << QStringList() << QStringList{"a"} << QStringList{"a"} << deny << "asset:a";
    QTest::addRow("asset allow beats default deny") << deny << QStringList{"a"} << QStringList() << QStringList{"a"} << allow << "asset:a";
    QTest::addRow("other asset row ignored") << allow << QStringList() << QStringList{"b"} << QStringList{"a"} << allow << "default";
    QTest::addRow("one denied asset of two denies") << allow << QStringList{"a"} << QStringList{"b"} << QStringList{"a", "b"} << deny << "asset:b";
    QTest::addRow("allowed asset among unknown, default deny") << deny << QStringList{"b"} << QStringList() << QStringList{"a", "b"} << allow << "asset:b";
    QTest::addRow("no asset at all follows default") << deny << QStringList() << QStringList() << QStringList() << deny << "default";
}

void TestDecisionEngine::decide()
{
    QFETCH(int, defaultDecision);
    QFETCH(QStringList, allowAssets);
    QFETCH(QStringList, denyAssets);
    QFETCH(QStringList, callbackAssets);
    QFETCH(int, expectedDecision);
    QFETCH(QString, expectedDecidedBy);

    ResponseSettings settings;
    settings.defaultDecision = Decision(defaultDecision);
    for (const QString &asset : allowAssets)
        settings.assets.append({asset, AssetMode::Allow});
    for (const QString &asset : denyAssets)
        settings.assets.append({asset, AssetMode::Deny});
    settings.reindexAssets();

    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor(callbackAssets));
    QCOMPARE(int(plan.decision), expectedDecision);
    QCOMPARE(plan.decidedBy, expectedDecidedBy);
    QCOMPARE(plan.response.status, expectedDecision == int(Decision::Allow) ? 200 : 403);
}

void TestDecisionEngine::allowBodyCarriesCrt()
{
    ResponseSettings settings;
    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor({QStringLiteral("sigma_vtv1")}));
    QCOMPARE(plan.response.status, 200);
    QCOMPARE(headerValue(plan.response.headers, "content-type"), QByteArray("application/json"));
    const QJsonObject body = QJsonDocument::fromJson(plan.response.body).object();
    QCOMPARE(body.value(QStringLiteral("payload")).toObject(), Crt::vendorExample());
    QVERIFY(!plan.response.body.contains('\n'));
}

void TestDecisionEngine::allowWithoutCrtIsEmpty()
{
    ResponseSettings settings;
    settings.crtEnabled = false;
    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor({QStringLiteral("a")}));
    QCOMPARE(plan.response.status, 200);
    QVERIFY(plan.response.body.isEmpty());
    QVERIFY(headerValue(plan.response.headers, "content-type").isEmpty());
}

void TestDecisionEngine::denyBodyNamesAsset()
{
    ResponseSettings settings;
    settings.assets.append({QStringLiteral("blocked"), AssetMode::Deny});
    settings.reindexAssets();
    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor({QStringLiteral("blocked")}));
    const QJsonObject body = QJsonDocument::fromJson(plan.response.body).object();
    QCOMPARE(body.value(QStringLiteral("asset")).toString(), QStringLiteral("blocked"));
    QCOMPARE(body.value(QStringLiteral("reason")).toString(), QStringLiteral("asset is set to deny"));
}

void TestDecisionEngine::customDenyStatus()
{
    ResponseSettings settings;
    settings.defaultDecision = Decision::Deny;
    settings.denyStatus = 451;
    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor({QStringLiteral("a")}));
    QCOMPARE(plan.response.status, 451);
}

void TestDecisionEngine::profileRoundTrip()
{
    ResponseSettings settings;
    settings.server.address = QStringLiteral("::1");
    settings.server.port = 9123;
    settings.server.path = QStringLiteral("/authorize");
    settings.defaultDecision = Decision::Deny;
    settings.denyStatus = 401;
    settings.crtEnabled = false;
    settings.crt = QJsonObject{{QStringLiteral("storeLicence"), QStringLiteral("typo kept")}};
    settings.assets = {{QStringLiteral("a"), AssetMode::Allow}, {QStringLiteral("b"), AssetMode::Deny},
                       {QStringLiteral("c"), AssetMode::FollowDefault}};

    ResponseSettings loaded;
    QString error;
    QVERIFY2(ProfileFormat::fromJson(ProfileFormat::toJson(settings), &loaded, &error), qPrintable(error));
    QCOMPARE(loaded.server, settings.server);
    QCOMPARE(loaded.defaultDecision, settings.defaultDecision);
    QCOMPARE(loaded.denyStatus, 401);
    QCOMPARE(loaded.crtEnabled, false);
    QCOMPARE(loaded.crt, settings.crt);
    QCOMPARE(loaded.assets, settings.assets);
    QCOMPARE(loaded.assetMode(QStringLiteral("b")), AssetMode::Deny);
}

void TestDecisionEngine::profileErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expectedText");

    QTest::addRow("truncated") << QByteArray(R"({"format":"callbacklab-profile",)") << "invalid JSON at byte";
    QTest::addRow("array") << QByteArray("[]") << "must be a JSON object";
    QTest::addRow("wrong format") << QByteArray(R"({"format":"x","version":1})") << "\"format\"";
    QTest::addRow("future version") << QByteArray(R"({"format":"callbacklab-profile","version":99})") << "\"version\" is 99";
    QTest::addRow("bad port") << QByteArray(R"({"format":"callbacklab-profile","version":1,"server":{"port":70000}})") << "server.port";
    QTest::addRow("bad address") << QByteArray(R"({"format":"callbacklab-profile","version":1,"server":{"address":"example"}})") << "server.address";
    QTest::addRow("bad default") << QByteArray(R"({"format":"callbacklab-profile","version":1,"defaultDecision":"maybe"})") << "defaultDecision";
    QTest::addRow("bad deny status") << QByteArray(R"({"format":"callbacklab-profile","version":1,"denyStatus":99})") << "denyStatus";
    QTest::addRow("crt not object") << QByteArray(R"({"format":"callbacklab-profile","version":1,"crt":[1]})") << "\"crt\"";
    QTest::addRow("asset without id") << QByteArray(R"({"format":"callbacklab-profile","version":1,"assets":[{"decision":"deny"}]})") << "assets[0].asset";
    QTest::addRow("asset bad mode") << QByteArray(R"({"format":"callbacklab-profile","version":1,"assets":[{"asset":"a","decision":"no"}]})") << "assets[0].decision";
    QTest::addRow("asset repeated") << QByteArray(R"({"format":"callbacklab-profile","version":1,"assets":[{"asset":"a"},{"asset":"a"}]})") << "assets[1].asset";
}

void TestDecisionEngine::profileErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expectedText);

    ResponseSettings settings;
    settings.denyStatus = 499;
    QString error;
    QVERIFY(!ProfileFormat::fromJson(json, &settings, &error));
    QVERIFY2(error.contains(expectedText), qPrintable(error));
    QCOMPARE(settings.denyStatus, 499); // untouched on failure
}

void TestDecisionEngine::precedence_data()
{
    QTest::addColumn<int>("masterSwitch");
    QTest::addColumn<int>("defaultDecision");
    QTest::addColumn<int>("assetMode");       // mode of the asset row "a"
    QTest::addColumn<QStringList>("ruleSpecs"); // "name:asset:allow|deny[:disabled|:invalid]"
    QTest::addColumn<int>("expectedDecision");
    QTest::addColumn<QString>("expectedDecidedBy");

    const int off = int(MasterSwitch::Off);
    const int allowAll = int(MasterSwitch::AllowAll);
    const int denyAll = int(MasterSwitch::DenyAll);
    const int allow = int(Decision::Allow);
    const int deny = int(Decision::Deny);
    const int follow = int(AssetMode::FollowDefault);
    const int assetAllow = int(AssetMode::Allow);
    const int assetDeny = int(AssetMode::Deny);

    QTest::addRow("rule beats asset deny") << off << allow << assetDeny << QStringList{"r:a:allow"} << allow << "rule:r";
    QTest::addRow("rule beats asset allow") << off << allow << assetAllow << QStringList{"r:a:deny"} << deny << "rule:r";
    QTest::addRow("rule beats default deny") << off << deny << follow << QStringList{"r:a:allow"} << allow << "rule:r";
    QTest::addRow("rule for other asset skipped") << off << allow << assetDeny << QStringList{"r:b:allow"} << deny << "asset:a";
    QTest::addRow("asset beats default") << off << allow << assetDeny << QStringList() << deny << "asset:a";
    QTest::addRow("default when nothing else") << off << deny << follow << QStringList{"r:b:allow"} << deny << "default";
    QTest::addRow("first matching rule wins") << off << allow << follow << QStringList{"first:a:deny", "second:a:allow"} << deny << "rule:first";
    QTest::addRow("disabled rule skipped") << off << allow << follow << QStringList{"off:a:deny:disabled", "on:a:allow"} << allow << "rule:on";
    QTest::addRow("invalid rule skipped") << off << allow << follow << QStringList{"bad:a:deny:invalid", "good:a:allow"} << allow << "rule:good";
    QTest::addRow("only invalid rule falls to asset") << off << allow << assetDeny << QStringList{"bad:a:allow:invalid"} << deny << "asset:a";
    QTest::addRow("allow all beats rule deny") << allowAll << deny << assetDeny << QStringList{"r:a:deny"} << allow << "master:allow-all";
    QTest::addRow("deny all beats rule allow") << denyAll << allow << assetAllow << QStringList{"r:a:allow"} << deny << "master:deny-all";
    QTest::addRow("deny all beats asset allow") << denyAll << allow << assetAllow << QStringList() << deny << "master:deny-all";
}

void TestDecisionEngine::precedence()
{
    QFETCH(int, masterSwitch);
    QFETCH(int, defaultDecision);
    QFETCH(int, assetMode);
    QFETCH(QStringList, ruleSpecs);
    QFETCH(int, expectedDecision);
    QFETCH(QString, expectedDecidedBy);

    ResponseSettings settings;
    settings.masterSwitch = MasterSwitch(masterSwitch);
    settings.defaultDecision = Decision(defaultDecision);
    settings.assets.append({QStringLiteral("a"), AssetMode(assetMode)});
    for (const QString &spec : ruleSpecs) {
        const QStringList parts = spec.split(QLatin1Char(':'));
        Rule rule = ruleFor(parts.at(0), parts.at(1), parts.at(2) == "allow" ? ActionKind::Allow : ActionKind::Deny);
        if (parts.value(3) == "disabled")
            rule.enabled = false;
        if (parts.value(3) == "invalid") {
            RuleCondition broken;
            broken.subject = ConditionSubject::User;
            broken.op = ConditionOperator::Regex;
            broken.value = QStringLiteral("(unclosed");
            rule.conditions.append(broken);
        }
        settings.rules.append(rule);
    }
    settings.prepare();

    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor({QStringLiteral("a")}));
    QCOMPARE(plan.decidedBy, expectedDecidedBy);
    QCOMPARE(int(plan.decision), expectedDecision);
    QCOMPARE(plan.response.status, expectedDecision == int(Decision::Allow) ? 200 : 403);
}

void TestDecisionEngine::actionResponse_data()
{
    QTest::addColumn<RuleAction>("action");
    QTest::addColumn<int>("expectedStatus");
    QTest::addColumn<QByteArray>("expectedContentType"); // empty: no Content-Type header
    QTest::addColumn<QByteArray>("expectedBody");        // compared when expectedPayload is empty
    QTest::addColumn<QJsonObject>("expectedPayload");    // compared when not empty
    QTest::addColumn<int>("expectedDelivery");
    QTest::addColumn<int>("expectedDelayMs");
    QTest::addColumn<int>("expectedDecision");

    const int normal = int(ReplyDelivery::Normal);
    const int allow = int(Decision::Allow);
    const int deny = int(Decision::Deny);
    const QJsonObject defaultCrt{{"keyExpireTime", 1}};
    const QJsonObject widevineCrt{{"securityLevel", 4}};
    const QJsonObject ruleCrt{{"storeLicence", "typo kept"}, {"keyExpireTime", 71582789}};

    RuleAction action;
    action.kind = ActionKind::Allow;
    action.crtSource = CrtSource::Default;
    QTest::addRow("allow with default CRT") << action << 200 << QByteArray("application/json") << QByteArray() << defaultCrt << normal << 0 << allow;
    action.crtSource = CrtSource::Scheme;
    QTest::addRow("allow with scheme CRT") << action << 200 << QByteArray("application/json") << QByteArray() << widevineCrt << normal << 0 << allow;
    action.crtSource = CrtSource::Rule;
    action.crt = ruleCrt;
    QTest::addRow("allow with rule CRT") << action << 200 << QByteArray("application/json") << QByteArray() << ruleCrt << normal << 0 << allow;
    action.crtSource = CrtSource::None;
    QTest::addRow("allow without CRT") << action << 200 << QByteArray() << QByteArray() << QJsonObject() << normal << 0 << allow;

    action = RuleAction();
    action.kind = ActionKind::Allow;
    action.crtSource = CrtSource::Default;
    action.contentTypeMode = ContentTypeMode::Custom;
    action.contentType = QStringLiteral("text/plain");
    QTest::addRow("allow with wrong Content-Type") << action << 200 << QByteArray("text/plain") << QByteArray() << defaultCrt << normal << 0 << allow;
    action.contentTypeMode = ContentTypeMode::Omit;
    QTest::addRow("allow without Content-Type") << action << 200 << QByteArray() << QByteArray() << defaultCrt << normal << 0 << allow;

    action = RuleAction();
    action.kind = ActionKind::Deny;
    action.status = 451;
    action.customBody = true;
    action.body = QStringLiteral("{\"error\":\"geo\"}");
    QTest::addRow("deny with JSON body") << action << 451 << QByteArray("application/json") << QByteArray("{\"error\":\"geo\"}") << QJsonObject() << normal << 0 << deny;
    action.body = QStringLiteral("blocked");
    QTest::addRow("deny with text body") << action << 451 << QByteArray("text/plain; charset=utf-8") << QByteArray("blocked") << QJsonObject() << normal << 0 << deny;
    action.contentTypeMode = ContentTypeMode::Custom;
    action.contentType = QStringLiteral("application/problem+json");
    QTest::addRow("deny with own Content-Type") << action << 451 << QByteArray("application/problem+json") << QByteArray("blocked") << QJsonObject() << normal << 0 << deny;
    action.body.clear();
    action.contentTypeMode = ContentTypeMode::Default;
    QTest::addRow("deny with empty body") << action << 451 << QByteArray("text/plain; charset=utf-8") << QByteArray() << QJsonObject() << normal << 0 << deny;
    action.delayMs = RuleAction::MaxDelayMs;
    QTest::addRow("deny after longest delay") << action << 451 << QByteArray("text/plain; charset=utf-8") << QByteArray() << QJsonObject() << normal << 120000 << deny;

    action = RuleAction();
    action.kind = ActionKind::CloseConnection;
    action.delayMs = 1500;
    QTest::addRow("close after delay") << action << 0 << QByteArray() << QByteArray() << QJsonObject() << int(ReplyDelivery::CloseWithoutReply) << 1500 << deny;
    action.kind = ActionKind::NeverReply;
    action.delayMs = 0;
    QTest::addRow("never reply") << action << 0 << QByteArray() << QByteArray() << QJsonObject() << int(ReplyDelivery::NeverReply) << 0 << deny;
    action.kind = ActionKind::EmptyBody;
    QTest::addRow("empty body") << action << 200 << QByteArray("application/json") << QByteArray() << QJsonObject() << normal << 0 << allow;
    action.kind = ActionKind::NotJson;
    action.body = QStringLiteral("OK");
    QTest::addRow("body not JSON") << action << 200 << QByteArray("text/html; charset=utf-8") << QByteArray("OK") << QJsonObject() << normal << 0 << allow;
    action.kind = ActionKind::BrokenCrt;
    QTest::addRow("broken CRT example") << action << 200 << QByteArray("application/json") << QByteArray() << Rules::brokenCrtExample() << normal << 0 << allow;
    action.crt = QJsonObject{{"allowRoot", true}};
    QTest::addRow("broken CRT of the rule") << action << 200 << QByteArray("application/json") << QByteArray() << QJsonObject{{"allowRoot", true}} << normal << 0 << allow;

    action = RuleAction();
    action.kind = ActionKind::Allow;
    action.crtSource = CrtSource::Default;
    action.trickle = true;
    action.trickleChunkBytes = 3;
    action.trickleIntervalMs = 50;
    action.delayMs = 10;
    QTest::addRow("allow sent slowly") << action << 200 << QByteArray("application/json") << QByteArray() << defaultCrt << int(ReplyDelivery::Trickle) << 10 << allow;
}

void TestDecisionEngine::actionResponse()
{
    QFETCH(RuleAction, action);
    QFETCH(int, expectedStatus);
    QFETCH(QByteArray, expectedContentType);
    QFETCH(QByteArray, expectedBody);
    QFETCH(QJsonObject, expectedPayload);
    QFETCH(int, expectedDelivery);
    QFETCH(int, expectedDelayMs);
    QFETCH(int, expectedDecision);

    ResponseSettings settings;
    settings.crt = QJsonObject{{"keyExpireTime", 1}};
    settings.schemeCrts.insert(DrmScheme::Widevine, QJsonObject{{"securityLevel", 4}});
    Rule rule = ruleFor(QStringLiteral("r"), QStringLiteral("a"), action.kind);
    rule.action = action;
    settings.rules.append(rule);
    settings.prepare();
    QVERIFY(settings.ruleProblems(0).isEmpty());

    const PlannedResponse plan = DecisionEngine::decide(settings, callbackWithScheme(QStringLiteral("a"), DrmScheme::Widevine, QStringLiteral("WIDEVINE")));
    QCOMPARE(plan.decidedBy, QStringLiteral("rule:r"));
    QCOMPARE(plan.ruleId, rule.id);
    QCOMPARE(plan.response.status, expectedStatus);
    QCOMPARE(headerValue(plan.response.headers, "Content-Type"), expectedContentType);
    if (!expectedPayload.isEmpty()) {
        QCOMPARE(payloadOf(plan.response), expectedPayload);
        QVERIFY(!plan.response.body.contains('\n'));
    } else {
        QCOMPARE(plan.response.body, expectedBody);
    }
    QCOMPARE(int(plan.delivery), expectedDelivery);
    QCOMPARE(plan.delayMs, expectedDelayMs);
    QCOMPARE(int(plan.decision), expectedDecision);
    if (plan.delivery == ReplyDelivery::Trickle) {
        QCOMPARE(plan.trickleChunkBytes, 3);
        QCOMPARE(plan.trickleIntervalMs, 50);
    }
}

void TestDecisionEngine::denyStatusEdges_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("expectedDecision");

    QTest::addRow("99 invalid") << 99 << false << int(Decision::Allow);
    QTest::addRow("100 lowest") << 100 << true << int(Decision::Deny);
    QTest::addRow("199") << 199 << true << int(Decision::Deny);
    QTest::addRow("200 grants") << 200 << true << int(Decision::Allow);
    QTest::addRow("201 refuses") << 201 << true << int(Decision::Deny);
    QTest::addRow("204 refuses") << 204 << true << int(Decision::Deny);
    QTest::addRow("500") << 500 << true << int(Decision::Deny);
    QTest::addRow("599 highest") << 599 << true << int(Decision::Deny);
    QTest::addRow("600 invalid") << 600 << false << int(Decision::Allow);
    QTest::addRow("-403 invalid") << -403 << false << int(Decision::Allow);
}

void TestDecisionEngine::denyStatusEdges()
{
    QFETCH(int, status);
    QFETCH(bool, valid);
    QFETCH(int, expectedDecision);

    ResponseSettings settings;
    Rule rule = ruleFor(QStringLiteral("status"), QStringLiteral("a"), ActionKind::Deny);
    rule.action.status = status;
    settings.rules.append(rule);
    settings.prepare();

    const QList<RuleProblem> problems = settings.ruleProblems(0);
    QCOMPARE(problems.isEmpty(), valid);
    if (!valid)
        QCOMPARE(problems.constFirst().field, QStringLiteral("action.status"));

    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor({QStringLiteral("a")}));
    QCOMPARE(plan.decidedBy, valid ? QStringLiteral("rule:status") : QStringLiteral("default"));
    QCOMPARE(plan.response.status, valid ? status : 200);
    QCOMPARE(int(plan.decision), expectedDecision);
}

void TestDecisionEngine::schemeCrt_data()
{
    QTest::addColumn<int>("scheme");
    QTest::addColumn<QString>("path");   // "default", "master", "rule-scheme", "rule-default"
    QTest::addColumn<QString>("expectedCrt");

    const int widevine = int(DrmScheme::Widevine);
    const int playReady = int(DrmScheme::PlayReady);
    const int fairPlay = int(DrmScheme::FairPlay);
    const int none = int(DrmScheme::None);
    const int other = int(DrmScheme::Other);

    QTest::addRow("Widevine by default") << widevine << "default" << "widevine";
    QTest::addRow("PlayReady by default") << playReady << "default" << "playready";
    QTest::addRow("FairPlay without own CRT") << fairPlay << "default" << "default";
    QTest::addRow("no scheme") << none << "default" << "default";
    QTest::addRow("unknown scheme") << other << "default" << "default";
    QTest::addRow("Widevine by asset allow") << widevine << "asset" << "widevine";
    QTest::addRow("PlayReady by allow all") << playReady << "master" << "playready";
    QTest::addRow("Widevine by rule scheme CRT") << widevine << "rule-scheme" << "widevine";
    QTest::addRow("FairPlay by rule scheme CRT") << fairPlay << "rule-scheme" << "default";
    QTest::addRow("Widevine by rule default CRT") << widevine << "rule-default" << "default";
}

void TestDecisionEngine::schemeCrt()
{
    QFETCH(int, scheme);
    QFETCH(QString, path);
    QFETCH(QString, expectedCrt);

    ResponseSettings settings;
    settings.crt = QJsonObject{{"name", "default"}};
    settings.schemeCrts.insert(DrmScheme::Widevine, QJsonObject{{"name", "widevine"}});
    settings.schemeCrts.insert(DrmScheme::PlayReady, QJsonObject{{"name", "playready"}});
    if (path == "asset") {
        settings.defaultDecision = Decision::Deny;
        settings.assets.append({QStringLiteral("a"), AssetMode::Allow});
    }
    if (path == "master")
        settings.masterSwitch = MasterSwitch::AllowAll;
    if (path.startsWith("rule")) {
        Rule rule = ruleFor(QStringLiteral("r"), QString(), ActionKind::Allow);
        rule.action.crtSource = path == "rule-scheme" ? CrtSource::Scheme : CrtSource::Default;
        settings.rules.append(rule);
    }
    settings.prepare();

    const PlannedResponse plan = DecisionEngine::decide(settings, callbackWithScheme(QStringLiteral("a"), DrmScheme(scheme), QStringLiteral("x")));
    QCOMPARE(plan.response.status, 200);
    QCOMPARE(payloadOf(plan.response).value("name").toString(), expectedCrt);
}

void TestDecisionEngine::crtOffKeepsRuleCrt()
{
    ResponseSettings settings;
    settings.crtEnabled = false;
    settings.schemeCrts.insert(DrmScheme::Widevine, QJsonObject{{"name", "widevine"}});
    Rule rule = ruleFor(QStringLiteral("explicit"), QStringLiteral("with-crt"), ActionKind::Allow);
    rule.action.crtSource = CrtSource::Scheme;
    settings.rules.append(rule);
    settings.prepare();

    const CallbackFields plain = callbackWithScheme(QStringLiteral("plain"), DrmScheme::Widevine, QStringLiteral("WIDEVINE"));
    const PlannedResponse byDefault = DecisionEngine::decide(settings, plain);
    QCOMPARE(byDefault.decidedBy, QStringLiteral("default"));
    QVERIFY(byDefault.response.body.isEmpty());

    const CallbackFields withCrt = callbackWithScheme(QStringLiteral("with-crt"), DrmScheme::Widevine, QStringLiteral("WIDEVINE"));
    const PlannedResponse byRule = DecisionEngine::decide(settings, withCrt);
    QCOMPARE(byRule.decidedBy, QStringLiteral("rule:explicit"));
    QCOMPARE(payloadOf(byRule.response).value("name").toString(), QStringLiteral("widevine"));
}

void TestDecisionEngine::ruleFromExchange()
{
    Exchange exchange;
    exchange.callback = callbackWithScheme(QStringLiteral("sigma_vtv1"), DrmScheme::Widevine, QStringLiteral("WIDE_VINE"));
    exchange.callback.user = QStringLiteral("alice");
    exchange.callback.session = QStringLiteral("s-1");

    const Rule rule = Rules::fromExchange(exchange, 451);
    QVERIFY(!rule.id.isEmpty());
    QVERIFY(!rule.name.isEmpty());
    QVERIFY(rule.enabled);
    QCOMPARE(rule.conditions.size(), 4);
    QCOMPARE(rule.conditions.at(0).subject, ConditionSubject::Asset);
    QCOMPARE(rule.conditions.at(0).value, QStringLiteral("sigma_vtv1"));
    QCOMPARE(rule.conditions.at(1).subject, ConditionSubject::User);
    QCOMPARE(rule.conditions.at(1).value, QStringLiteral("alice"));
    QCOMPARE(rule.conditions.at(2).subject, ConditionSubject::Session);
    QCOMPARE(rule.conditions.at(2).value, QStringLiteral("s-1"));
    QCOMPARE(rule.conditions.at(3).subject, ConditionSubject::DrmScheme);
    QCOMPARE(rule.conditions.at(3).value, QStringLiteral("WIDE_VINE"));
    QCOMPARE(rule.action.kind, ActionKind::Deny);
    QCOMPARE(rule.action.status, 451);
    QVERIFY(Rules::validate(rule).isEmpty());

    ResponseSettings settings;
    settings.rules.append(rule);
    settings.prepare();
    QCOMPARE(DecisionEngine::decide(settings, exchange.callback).response.status, 451);

    CallbackFields otherSession = exchange.callback;
    otherSession.session = QStringLiteral("s-2");
    QCOMPARE(DecisionEngine::decide(settings, otherSession).response.status, 200);
    QVERIFY(Rules::fromExchange(exchange, 451).id != rule.id);
}

void TestDecisionEngine::ruleFromExchangeWithoutScheme()
{
    Exchange exchange;
    exchange.callback = callbackFor({QStringLiteral("a")});
    const Rule rule = Rules::fromExchange(exchange, 403);
    QCOMPARE(rule.conditions.size(), 4);
    QCOMPARE(rule.conditions.at(3).subject, ConditionSubject::DrmScheme);
    QCOMPARE(rule.conditions.at(3).op, ConditionOperator::Absent);

    ResponseSettings settings;
    settings.rules.append(rule);
    settings.prepare();
    QCOMPARE(DecisionEngine::decide(settings, exchange.callback).response.status, 403);
    CallbackFields withScheme = exchange.callback;
    withScheme.drmSchemeText = QStringLiteral("WIDEVINE");
    QCOMPARE(DecisionEngine::decide(settings, withScheme).response.status, 200);
}

void TestDecisionEngine::ruleFromAsset()
{
    const Rule rule = Rules::fromAsset(QStringLiteral("trailer"), 410);
    QCOMPARE(rule.conditions.size(), 1);
    QCOMPARE(rule.conditions.at(0).subject, ConditionSubject::Asset);
    QCOMPARE(rule.conditions.at(0).value, QStringLiteral("trailer"));
    QCOMPARE(rule.action.kind, ActionKind::Deny);
    QCOMPARE(rule.action.status, 410);
    QVERIFY(Rules::validate(rule).isEmpty());
}

void TestDecisionEngine::responderFillsReplyPlan()
{
    SettingsStore store;
    Rule rule = ruleFor(QStringLiteral("slow"), QStringLiteral("slow-asset"), ActionKind::Deny);
    rule.action.status = 429;
    rule.action.delayMs = 2500;
    rule.action.trickle = true;
    rule.action.trickleChunkBytes = 5;
    rule.action.trickleIntervalMs = 20;
    store.update(QStringLiteral("add rule"), [&rule](ResponseSettings &settings) { settings.rules.append(rule); });

    const quint64 revision = store.snapshot()->revision;

    CallbackResponder responder(&store);
    const ReplyPlan plan = responder.respond(jsonRequest(R"({"asset":"slow-asset","user":"u","session":"s"})"));
    QCOMPARE(plan.exchange.decidedBy, QStringLiteral("rule:slow"));
    QCOMPARE(plan.exchange.response.status, 429);
    QCOMPARE(plan.delayMs, 2500);
    QCOMPARE(plan.delivery, ReplyDelivery::Trickle);
    QCOMPARE(plan.trickleChunkBytes, 5);
    QCOMPARE(plan.trickleIntervalMs, 20);
    QCOMPARE(plan.exchange.settingsRevision, revision);

    const ReplyPlan other = responder.respond(jsonRequest(R"({"asset":"other","user":"u","session":"s"})"));
    QCOMPARE(other.exchange.decidedBy, QStringLiteral("default"));
    QCOMPARE(other.delayMs, 0);
    QCOMPARE(other.delivery, ReplyDelivery::Normal);
}

void TestDecisionEngine::responderKeepsStartingSnapshot()
{
    SettingsStore store;
    Rule rule = ruleFor(QStringLiteral("delayed"), QString(), ActionKind::Allow);
    rule.action.delayMs = 60000;
    store.update(QStringLiteral("add rule"), [&rule](ResponseSettings &settings) { settings.rules.append(rule); });
    const quint64 startRevision = store.snapshot()->revision;

    CallbackResponder responder(&store);
    const ReplyPlan plan = responder.respond(jsonRequest(R"({"asset":"a","user":"u","session":"s"})"));
    store.update(QStringLiteral("deny all"), [](ResponseSettings &settings) { settings.masterSwitch = MasterSwitch::DenyAll; });

    // The plan built before the edit is what the adapter sends after the delay.
    QCOMPARE(plan.exchange.response.status, 200);
    QCOMPARE(plan.exchange.decidedBy, QStringLiteral("rule:delayed"));
    QCOMPARE(plan.exchange.settingsRevision, startRevision);
    QCOMPARE(plan.delayMs, 60000);

    const ReplyPlan next = responder.respond(jsonRequest(R"({"asset":"a","user":"u","session":"s"})"));
    QCOMPARE(next.exchange.response.status, 403);
    QCOMPARE(next.exchange.decidedBy, QStringLiteral("master:deny-all"));
    QVERIFY(next.exchange.settingsRevision > startRevision);
}

void TestDecisionEngine::responderChecksSentCrt()
{
    SettingsStore store;
    store.update(QStringLiteral("add rule"), [](ResponseSettings &settings) {
        settings.rules.append(ruleFor(QStringLiteral("broken"), QStringLiteral("broken"), ActionKind::BrokenCrt));
    });

    CallbackResponder responder(&store);
    const ReplyPlan good = responder.respond(jsonRequest(R"({"asset":"fine","user":"u","session":"s"})"));
    QCOMPARE(good.exchange.response.status, 200);
    const Findings vendorFindings = Crt::validateReplyBody(200, good.exchange.response.body);
    for (const Finding &finding : vendorFindings)
        QVERIFY2(finding.severity != FindingSeverity::Error, qPrintable(finding.message));

    const ReplyPlan broken = responder.respond(jsonRequest(R"({"asset":"broken","user":"u","session":"s"})"));
    QCOMPARE(broken.exchange.decidedBy, QStringLiteral("rule:broken"));
    const Findings expected = Crt::validateReplyBody(200, broken.exchange.response.body);
    QVERIFY2(!expected.isEmpty(), "the CRT validator reports nothing for a broken CRT");
    for (const Finding &finding : expected)
        QVERIFY(broken.exchange.findings.contains(finding));
}

void TestDecisionEngine::denyBodyEscapesText_data()
{
    QTest::addColumn<QString>("asset");

    QTest::addRow("plain") << "sigma_vtv1";
    QTest::addRow("quote and backslash") << "a\"b\\c";
    QTest::addRow("control characters") << QStringLiteral("line\nbreak\ttab\r\b\f") + QChar(0x01) + QChar(0x1f);
    QTest::addRow("non-ASCII") << QStringLiteral("phim-vi\u1EC7t-\u0111\u1EB9p-\U0001F3AC");
    QTest::addRow("empty") << "";
}

void TestDecisionEngine::denyBodyEscapesText()
{
    QFETCH(QString, asset);

    ResponseSettings settings;
    settings.defaultDecision = Decision::Deny;
    const PlannedResponse plan = DecisionEngine::decide(settings, callbackFor({asset}));
    QJsonParseError error;
    const QJsonObject body = QJsonDocument::fromJson(plan.response.body, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(body.value("asset").toString(), asset);
    QCOMPARE(body.value("error").toString(), QStringLiteral("denied"));
    QCOMPARE(body.value("reason").toString(), QStringLiteral("default decision is deny"));
    QCOMPARE(plan.response.body, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void TestDecisionEngine::payloadBodyFollowsCrtEdits()
{
    ResponseSettings settings;
    settings.schemeCrts.insert(DrmScheme::PlayReady, QJsonObject{{"name", "playready"}});
    settings.prepare();
    QCOMPARE(payloadOf(DecisionEngine::decide(settings, callbackFor({"a"})).response), Crt::vendorExample());

    // Edited without prepare(): the reply still carries the edited CRTs.
    settings.crt = QJsonObject{{"name", "edited"}};
    settings.schemeCrts[DrmScheme::PlayReady] = QJsonObject{{"name", "playready edited"}};
    QCOMPARE(payloadOf(DecisionEngine::decide(settings, callbackFor({"a"})).response).value("name").toString(), QStringLiteral("edited"));
    const CallbackFields playReady = callbackWithScheme(QStringLiteral("a"), DrmScheme::PlayReady, QStringLiteral("PLAYREADY"));
    QCOMPARE(payloadOf(DecisionEngine::decide(settings, playReady).response).value("name").toString(), QStringLiteral("playready edited"));
    settings.prepare();
    QCOMPARE(payloadOf(DecisionEngine::decide(settings, playReady).response).value("name").toString(), QStringLiteral("playready edited"));

    // A rule's own CRT is serialized when the rules are compiled.
    Rule rule = ruleFor(QStringLiteral("own"), QString(), ActionKind::Allow);
    rule.action.crtSource = CrtSource::Rule;
    rule.action.crt = QJsonObject{{"name", "rule"}};
    settings.rules.append(rule);
    settings.prepare();
    QCOMPARE(settings.compiledRules()->payloadBody(0), QByteArray(R"({"payload":{"name":"rule"}})"));
    QCOMPARE(DecisionEngine::decide(settings, callbackFor({"a"})).response.body, QByteArray(R"({"payload":{"name":"rule"}})"));
}

QTEST_GUILESS_MAIN(TestDecisionEngine)
#include "tst_decisionengine.moc"
