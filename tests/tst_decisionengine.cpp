// Decision tables for the default, per-asset rows and multi-asset callbacks,
// and the profile format's round trip and error cases.
#include "crt.h"
#include "decisionengine.h"
#include "responsesettings.h"

#include <QJsonDocument>
#include <QtTest>

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
    QTest::addRow("future version") << QByteArray(R"({"format":"callbacklab-profile","version":99})") << "version 99";
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

QTEST_GUILESS_MAIN(TestDecisionEngine)
#include "tst_decisionengine.moc"
