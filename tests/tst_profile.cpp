// Profiles: version 2 round trip with everything in it, version 1 upgrade and
// errors that name the place. A failed load leaves the file untouched and
// stops autosave into it. Also the settings store's undo/redo history and
// the recent-profiles list.
#include "recentprofiles.h"
#include "responsesettings.h"
#include "rule.h"
#include "ruleengine.h"
#include "settingsstore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void roundTripEverything();
    void roundTripThroughFile();
    void version1Upgrade();
    void version1IgnoresNewFields();
    void ruleWithoutIdGetsOne();
    void errors_data();
    void errors();
    void errorNamesFile();

    void failedLoadKeepsFile_data();
    void failedLoadKeepsFile();
    void missingFileIsCreated();
    void saveToLiftsBlock();
    void autosaveLeavesNoTemporaryFiles();

    void undoRedo();
    void newEditClearsRedo();
    void mergeKeyJoinsSteps();
    void historyLimit();
    void notedAssetsOutsideHistory();
    void deletedNotedAssetStaysDeleted();
    void loadClearsHistory();
    void historySignals();

    void recentProfiles();
};

namespace {

RuleCondition condition(ConditionSubject subject, ConditionOperator op, const QString &value = QString())
{
    RuleCondition result;
    result.subject = subject;
    result.op = op;
    result.value = value;
    return result;
}

// Settings with a value other than the default in every field.
ResponseSettings everything()
{
    ResponseSettings settings;
    settings.server.address = QStringLiteral("::1");
    settings.server.port = 9123;
    settings.server.path = QStringLiteral("/authorize");
    settings.masterSwitch = MasterSwitch::DenyAll;
    settings.defaultDecision = Decision::Deny;
    settings.denyStatus = 401;
    settings.crtEnabled = false;
    settings.crt = QJsonObject{{"storeLicence", "typo kept"}, {"hdcpLevel", "hdcp v2.2"}, {"keyExpireTime", -1}};
    settings.schemeCrts.insert(DrmScheme::Widevine, QJsonObject{{"securityLevel", 4}});
    settings.schemeCrts.insert(DrmScheme::PlayReady, QJsonObject{{"securityLevel", "3"}});
    settings.schemeCrts.insert(DrmScheme::FairPlay, QJsonObject{});
    settings.assets = {{QStringLiteral("a"), AssetMode::Allow}, {QStringLiteral("b"), AssetMode::Deny},
                       {QStringLiteral("c"), AssetMode::FollowDefault}};

    // One rule per subject, operator and action kind, with every option set.
    int n = 0;
    for (ConditionSubject subject : Rules::allSubjects()) {
        Rule rule;
        rule.id = QStringLiteral("id-%1").arg(n);
        rule.name = QStringLiteral("rule %1").arg(n);
        rule.enabled = n % 2 == 0;
        rule.negate = n % 3 == 0;
        RuleCondition first = condition(subject, Rules::allOperators().at(n % Rules::allOperators().size()), QStringLiteral("v%1").arg(n));
        first.name = QStringLiteral("name.%1").arg(n);
        first.values = {QStringLiteral("x"), QStringLiteral("y %1").arg(n)};
        first.ignoreCase = n % 2 == 1;
        first.negate = n % 4 == 0;
        first.count = n + 1;
        first.windowSeconds = 60 + n;
        rule.conditions.append(first);
        RuleCondition invalid = condition(ConditionSubject::Header, ConditionOperator::Regex, QStringLiteral("(invalid"));
        invalid.name = QStringLiteral("X-Trace");
        rule.conditions.append(invalid);
        rule.action.kind = Rules::allActionKinds().at(n % Rules::allActionKinds().size());
        rule.action.crtSource = CrtSource(n % 4);
        rule.action.crt = QJsonObject{{"storeLicense", "true"}, {"n", n}};
        rule.action.status = 100 + n * 37;
        rule.action.customBody = n % 2 == 0;
        rule.action.body = QStringLiteral("body \"%1\"\n").arg(n);
        rule.action.contentTypeMode = ContentTypeMode(n % 3);
        rule.action.contentType = QStringLiteral("text/x-%1").arg(n);
        rule.action.delayMs = n * 9000;
        rule.action.trickle = n % 2 == 1;
        rule.action.trickleChunkBytes = n + 1;
        rule.action.trickleIntervalMs = n * 10;
        settings.rules.append(rule);
        ++n;
    }
    settings.prepare();
    return settings;
}

void compareSettings(const ResponseSettings &actual, const ResponseSettings &expected)
{
    QCOMPARE(actual.server, expected.server);
    QCOMPARE(actual.masterSwitch, expected.masterSwitch);
    QCOMPARE(actual.defaultDecision, expected.defaultDecision);
    QCOMPARE(actual.denyStatus, expected.denyStatus);
    QCOMPARE(actual.crtEnabled, expected.crtEnabled);
    QCOMPARE(actual.crt, expected.crt);
    QCOMPARE(actual.schemeCrts, expected.schemeCrts);
    QCOMPARE(actual.assets, expected.assets);
    QCOMPARE(actual.rules.size(), expected.rules.size());
    for (int i = 0; i < expected.rules.size(); ++i) {
        QCOMPARE(actual.rules.at(i).conditions, expected.rules.at(i).conditions);
        QCOMPARE(actual.rules.at(i).action, expected.rules.at(i).action);
        QCOMPARE(actual.rules.at(i), expected.rules.at(i));
    }
}

QByteArray readFile(const QString &fileName)
{
    QFile file(fileName);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &fileName, const QByteArray &bytes)
{
    QFile file(fileName);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

const QByteArray Version1Profile = R"({
    "format": "callbacklab-profile",
    "version": 1,
    "server": {"address": "127.0.0.1", "port": 8181, "path": "/cb"},
    "defaultDecision": "deny",
    "denyStatus": 418,
    "crtEnabled": true,
    "crt": {"keyExpireTime": 30, "storeLicence": true},
    "assets": [{"asset": "a", "decision": "allow"}, {"asset": "b", "decision": "default"}]
})";

} // namespace

void TestProfile::roundTripEverything()
{
    const ResponseSettings settings = everything();
    ResponseSettings loaded;
    ProfileError error;
    const QByteArray json = ProfileFormat::toJson(settings);
    QVERIFY2(ProfileFormat::fromJson(json, &loaded, &error), qPrintable(error.toString()));
    compareSettings(loaded, settings);

    // What was loaded is ready to decide with: compiled, with the invalid regex reported.
    QVERIFY(loaded.compiledRules()->isCompiledFrom(loaded.rules));
    QCOMPARE(loaded.ruleProblems(0).value(0).field, QStringLiteral("conditions[1].value"));
    QCOMPARE(QJsonDocument::fromJson(json).object().value("version").toInt(), 2);
    QCOMPARE(ProfileFormat::toJson(loaded), json);
}

void TestProfile::roundTripThroughFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("sub/profile.json"));

    SettingsStore store;
    store.replace(everything());
    QString message;
    QVERIFY2(store.saveTo(fileName, &message), qPrintable(message));

    SettingsStore other;
    ProfileError error;
    QVERIFY2(other.load(fileName, &error), qPrintable(error.toString()));
    compareSettings(*other.snapshot(), everything());
    QVERIFY(!other.canUndo());
}

void TestProfile::version1Upgrade()
{
    ResponseSettings loaded;
    loaded.masterSwitch = MasterSwitch::AllowAll;
    ProfileError error;
    QVERIFY2(ProfileFormat::fromJson(Version1Profile, &loaded, &error), qPrintable(error.toString()));
    QCOMPARE(loaded.server.port, quint16(8181));
    QCOMPARE(loaded.server.path, QStringLiteral("/cb"));
    QCOMPARE(loaded.defaultDecision, Decision::Deny);
    QCOMPARE(loaded.denyStatus, 418);
    QCOMPARE(loaded.crt.value("storeLicence").toBool(), true);
    QCOMPARE(loaded.assets.size(), 2);
    QCOMPARE(loaded.assetMode(QStringLiteral("a")), AssetMode::Allow);
    QCOMPARE(loaded.masterSwitch, MasterSwitch::Off);
    QVERIFY(loaded.rules.isEmpty());
    QVERIFY(loaded.schemeCrts.isEmpty());

    // Saved again, it is a version 2 profile with the same content.
    const QJsonObject saved = QJsonDocument::fromJson(ProfileFormat::toJson(loaded)).object();
    QCOMPARE(saved.value("version").toInt(), 2);
    QCOMPARE(saved.value("masterSwitch").toString(), QStringLiteral("off"));
    QCOMPARE(saved.value("rules").toArray().size(), 0);
    ResponseSettings again;
    QVERIFY(ProfileFormat::fromJson(ProfileFormat::toJson(loaded), &again, &error));
    compareSettings(again, loaded);
}

void TestProfile::version1IgnoresNewFields()
{
    // Version 1 had no rules: a version 1 file is read as version 1 read it.
    QJsonObject root = QJsonDocument::fromJson(Version1Profile).object();
    root.insert("masterSwitch", "deny-all");
    root.insert("rules", QJsonArray{QJsonObject{{"name", "ignored"}}});
    root.insert("schemeCrts", QJsonObject{{"BOGUS", 1}});
    ResponseSettings loaded;
    ProfileError error;
    QVERIFY2(ProfileFormat::fromJson(QJsonDocument(root).toJson(), &loaded, &error), qPrintable(error.toString()));
    QCOMPARE(loaded.masterSwitch, MasterSwitch::Off);
    QVERIFY(loaded.rules.isEmpty());
}

void TestProfile::ruleWithoutIdGetsOne()
{
    const QByteArray json = R"({"format":"callbacklab-profile","version":2,
        "rules":[{"name":"a","action":{"kind":"allow"}},{"name":"b"}]})";
    ResponseSettings loaded;
    ProfileError error;
    QVERIFY2(ProfileFormat::fromJson(json, &loaded, &error), qPrintable(error.toString()));
    QCOMPARE(loaded.rules.size(), 2);
    QVERIFY(!loaded.rules.at(0).id.isEmpty());
    QVERIFY(loaded.rules.at(0).id != loaded.rules.at(1).id);
    QCOMPARE(loaded.rules.at(0).action.kind, ActionKind::Allow);
    QCOMPARE(loaded.rules.at(1).action.kind, ActionKind::Deny);
    QVERIFY(loaded.rules.at(1).conditions.isEmpty());
}

void TestProfile::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expectedPath");
    QTest::addColumn<qint64>("expectedOffset");
    QTest::addColumn<QString>("expectedProblem");

    const QByteArray head = R"({"format":"callbacklab-profile","version":2,)";
    auto rules = [&head](const QByteArray &rulesJson) { return head + R"("rules":)" + rulesJson + "}"; };
    auto okRule = [](int id) { return QByteArray(R"({"id":")") + QByteArray::number(id) + QByteArray(R"(","name":"ok"})"); };

    QTest::addRow("truncated JSON") << QByteArray(R"({"format":"callbacklab-profile",)") << "" << qint64(32) << "";
    QTest::addRow("garbage") << QByteArray("\x89PNG\r\n") << "" << qint64(1) << "";
    QTest::addRow("future version") << QByteArray(R"({"format":"callbacklab-profile","version":3})") << "version" << qint64(-1) << "is 3";
    QTest::addRow("version as text") << QByteArray(R"({"format":"callbacklab-profile","version":"2"})") << "version" << qint64(-1) << "whole number";
    QTest::addRow("fractional version") << QByteArray(R"({"format":"callbacklab-profile","version":1.5})") << "version" << qint64(-1) << "whole number";
    QTest::addRow("port as text") << head + R"("server":{"port":"80"}})" << "server.port" << qint64(-1) << "not a string";
    QTest::addRow("deny status 600") << head + R"("denyStatus":600})" << "denyStatus" << qint64(-1) << "100 to 599, not 600";
    QTest::addRow("crt enabled as text") << head + R"("crtEnabled":"yes"})" << "crtEnabled" << qint64(-1) << "true or false";
    QTest::addRow("master switch unknown") << head + R"("masterSwitch":"maybe"})" << "masterSwitch" << qint64(-1) << "\"allow-all\"";
    QTest::addRow("scheme CRT for unknown scheme") << head + R"("schemeCrts":{"DEFAULT":{}}})" << "schemeCrts.DEFAULT" << qint64(-1) << "WIDEVINE";
    QTest::addRow("scheme CRT not object") << head + R"("schemeCrts":{"WIDEVINE":[]}})" << "schemeCrts.WIDEVINE" << qint64(-1) << "JSON object";
    QTest::addRow("rules not array") << rules(R"({})") << "rules" << qint64(-1) << "JSON array";
    QTest::addRow("rule not object") << rules("[1]") << "rules[0]" << qint64(-1) << "JSON object";
    QTest::addRow("rule name not text") << rules(R"([{"name":5}])") << "rules[0].name" << qint64(-1) << "string";
    QTest::addRow("repeated rule id") << rules("[" + okRule(1) + "," + okRule(1) + "]") << "rules[1].id" << qint64(-1) << "rules[0]";
    QTest::addRow("unknown operator") << rules("[" + okRule(1) + "," + okRule(2) + "," + okRule(3)
                                              + R"(,{"name":"x","conditions":[{"subject":"user","operator":"contains"}]}])")
                                      << "rules[3].conditions[0].operator" << qint64(-1) << "\"one-of\"";
    QTest::addRow("condition without subject") << rules(R"([{"conditions":[{"operator":"equals"}]}])") << "rules[0].conditions[0].subject" << qint64(-1) << "missing";
    QTest::addRow("unknown subject") << rules(R"([{"conditions":[{"subject":"asset.id"}]}])") << "rules[0].conditions[0].subject" << qint64(-1) << "\"asset\"";
    QTest::addRow("values not strings") << rules(R"([{"conditions":[{"subject":"user","operator":"one-of","values":["a",2]}]}])") << "rules[0].conditions[0].values[1]" << qint64(-1) << "string";
    QTest::addRow("window too long") << rules(R"([{"conditions":[{"subject":"user-sessions","windowSeconds":86401}]}])") << "rules[0].conditions[0].windowSeconds" << qint64(-1) << "1 to 86400";
    QTest::addRow("unknown action kind") << rules(R"([{"action":{"kind":"maybe"}}])") << "rules[0].action.kind" << qint64(-1) << "\"broken-crt\"";
    QTest::addRow("action status 99") << rules(R"([{"action":{"kind":"deny","status":99}}])") << "rules[0].action.status" << qint64(-1) << "100 to 599, not 99";
    QTest::addRow("delay too long") << rules(R"([{"action":{"delayMs":120001}}])") << "rules[0].action.delayMs" << qint64(-1) << "0 to 120000";
    QTest::addRow("rule CRT not object") << rules(R"([{"action":{"crt":"x"}}])") << "rules[0].action.crt" << qint64(-1) << "JSON object";
    QTest::addRow("unknown CRT source") << rules(R"([{"action":{"crtSource":"asset"}}])") << "rules[0].action.crtSource" << qint64(-1) << "\"scheme\"";
    QTest::addRow("asset entry not object") << head + R"("assets":["a"]})" << "assets[0]" << qint64(-1) << "JSON object";
}

void TestProfile::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expectedPath);
    QFETCH(qint64, expectedOffset);
    QFETCH(QString, expectedProblem);

    ResponseSettings settings;
    settings.denyStatus = 499;
    ProfileError error;
    QVERIFY(!ProfileFormat::fromJson(json, &settings, &error));
    QCOMPARE(error.fieldPath, expectedPath);
    QCOMPARE(error.offset, expectedOffset);
    QVERIFY(!error.problem.isEmpty());
    QVERIFY2(error.problem.contains(expectedProblem), qPrintable(error.problem));
    if (!expectedPath.isEmpty())
        QVERIFY2(error.toString().contains(QStringLiteral("\"%1\"").arg(expectedPath)), qPrintable(error.toString()));
    else
        QVERIFY2(error.toString().contains(QStringLiteral("byte %1").arg(expectedOffset)), qPrintable(error.toString()));
    QCOMPARE(settings.denyStatus, 499); // untouched on failure
}

void TestProfile::errorNamesFile()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeFile(fileName, R"({"format":"callbacklab-profile","version":2,"rules":[{"action":{"status":700}}]})"));

    SettingsStore store;
    ProfileError error;
    QVERIFY(!store.load(fileName, &error));
    QCOMPARE(error.fileName, fileName);
    const QString text = error.toString();
    QVERIFY2(text.contains(QDir::toNativeSeparators(fileName)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("rules[0].action.status")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("700")), qPrintable(text));

    QString message;
    QVERIFY(!store.load(fileName, &message));
    QCOMPARE(message, text);
}

void TestProfile::failedLoadKeepsFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("asDirectory");
    QTest::addColumn<bool>("withoutPermission");

    QTest::addRow("corrupt JSON") << QByteArray(R"({"format":"callbacklab-profile","version":2,"rules":[)") << false << false;
    QTest::addRow("binary garbage") << QByteArray("\x00\x01\xff\xfe garbage", 13) << false << false;
    QTest::addRow("empty file") << QByteArray() << false << false;
    QTest::addRow("newer version") << QByteArray(R"({"format":"callbacklab-profile","version":7,"futureField":{"kept":true}})") << false << false;
    QTest::addRow("other format") << QByteArray(R"({"format":"something-else","version":1})") << false << false;
    QTest::addRow("invalid field") << QByteArray(R"({"format":"callbacklab-profile","version":2,"denyStatus":42})") << false << false;
    QTest::addRow("directory") << QByteArray() << true << false;
    if (::geteuid() != 0)
        QTest::addRow("no read permission") << QByteArray(R"({"format":"callbacklab-profile","version":2})") << false << true;
}

void TestProfile::failedLoadKeepsFile()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, asDirectory);
    QFETCH(bool, withoutPermission);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fileName = dir.filePath(QStringLiteral("profile.json"));
    if (asDirectory) {
        QVERIFY(QDir().mkpath(fileName));
    } else {
        QVERIFY(writeFile(fileName, content));
        if (withoutPermission)
            QVERIFY(QFile::setPermissions(fileName, QFileDevice::WriteOwner));
    }

    SettingsStore store;
    store.update(QStringLiteral("deny status"), [](ResponseSettings &settings) { settings.denyStatus = 451; });
    const quint64 revision = store.snapshot()->revision;

    // The GUI's order at start-up: load, then save changes to the same file.
    ProfileError error;
    QVERIFY(!store.load(fileName, &error));
    QVERIFY(!error.problem.isEmpty());
    QCOMPARE(store.snapshot()->denyStatus, 451);
    QCOMPARE(store.snapshot()->revision, revision);
    QVERIFY(store.canUndo());

    store.setProfileFile(fileName);
    QVERIFY(store.isAutosaveBlocked());
    QVERIFY2(store.autosaveBlockedReason().contains(QDir::toNativeSeparators(fileName)), qPrintable(store.autosaveBlockedReason()));
    store.update(QStringLiteral("deny status"), [](ResponseSettings &settings) { settings.denyStatus = 452; });
    store.noteAssets({QStringLiteral("seen-later")});
    QVERIFY(store.undo());
    store.flush();

    if (asDirectory) {
        QVERIFY(QFileInfo(fileName).isDir());
        QVERIFY(QDir(fileName).isEmpty());
    } else {
        if (withoutPermission)
            QVERIFY(QFile::setPermissions(fileName, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QCOMPARE(readFile(fileName), content);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{"profile.json"});

    // Another file is saved to as usual.
    const QString otherFile = dir.filePath(QStringLiteral("other.json"));
    store.setProfileFile(otherFile);
    QVERIFY(!store.isAutosaveBlocked());
    store.update(QStringLiteral("deny status"), [](ResponseSettings &settings) { settings.denyStatus = 453; });
    store.flush();
    ResponseSettings saved;
    ProfileError savedError;
    QVERIFY2(ProfileFormat::fromJson(readFile(otherFile), &saved, &savedError), qPrintable(savedError.toString()));
    QCOMPARE(saved.denyStatus, 453);
}

void TestProfile::missingFileIsCreated()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("new/profile.json"));

    SettingsStore store;
    ProfileError error;
    QVERIFY(!store.load(fileName, &error));
    QVERIFY(error.problem.contains(QStringLiteral("cannot be read")));
    store.setProfileFile(fileName);
    QVERIFY(!store.isAutosaveBlocked());

    store.update(QStringLiteral("deny status"), [](ResponseSettings &settings) { settings.denyStatus = 410; });
    store.flush();
    SettingsStore other;
    QVERIFY2(other.load(fileName, &error), qPrintable(error.toString()));
    QCOMPARE(other.snapshot()->denyStatus, 410);
}

void TestProfile::saveToLiftsBlock()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("profile.json"));
    QVERIFY(writeFile(fileName, "not json"));

    SettingsStore store;
    ProfileError error;
    QVERIFY(!store.load(fileName, &error));
    store.setProfileFile(fileName);
    QVERIFY(store.isAutosaveBlocked());

    QString message;
    QVERIFY2(store.saveTo(fileName, &message), qPrintable(message));
    QVERIFY(!store.isAutosaveBlocked());
    store.update(QStringLiteral("deny status"), [](ResponseSettings &settings) { settings.denyStatus = 429; });
    store.flush();
    QVERIFY2(store.load(fileName, &error), qPrintable(error.toString()));
    QCOMPARE(store.snapshot()->denyStatus, 429);

    QVERIFY(!store.saveTo(dir.path(), &message));  // a directory cannot be replaced
    QVERIFY2(message.contains(QDir::toNativeSeparators(dir.path())), qPrintable(message));
}

void TestProfile::autosaveLeavesNoTemporaryFiles()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("profile.json"));
    SettingsStore store;
    store.setProfileFile(fileName);
    for (int i = 0; i < 20; ++i) {
        store.update(QStringLiteral("status"), [i](ResponseSettings &settings) { settings.denyStatus = 400 + i; });
        store.noteAssets({QStringLiteral("asset-%1").arg(i)});
    }
    store.flush();

    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList{"profile.json"});
    ResponseSettings saved;
    ProfileError error;
    QVERIFY2(ProfileFormat::fromJson(readFile(fileName), &saved, &error), qPrintable(error.toString()));
    QCOMPARE(saved.denyStatus, 419);
    QCOMPARE(saved.assets.size(), 20);
}

void TestProfile::undoRedo()
{
    SettingsStore store;
    QVERIFY(!store.canUndo());
    QVERIFY(!store.canRedo());
    QVERIFY(!store.undo());
    QVERIFY(!store.redo());

    store.update(QStringLiteral("Set deny status"), [](ResponseSettings &settings) { settings.denyStatus = 451; });
    store.update(QStringLiteral("Add rule"), [](ResponseSettings &settings) { settings.rules.append(Rules::fromAsset(QStringLiteral("a"), 451)); });
    store.update(QStringLiteral("Deny all"), [](ResponseSettings &settings) { settings.masterSwitch = MasterSwitch::DenyAll; });
    QCOMPARE(store.undoLabel(), QStringLiteral("Deny all"));
    QCOMPARE(store.undoLabels(), (QStringList{"Deny all", "Add rule", "Set deny status"}));

    const quint64 before = store.snapshot()->revision;
    QVERIFY(store.undo());
    QCOMPARE(store.snapshot()->masterSwitch, MasterSwitch::Off);
    QCOMPARE(store.snapshot()->rules.size(), 1);
    QVERIFY(store.snapshot()->revision > before);  // revisions only grow
    QVERIFY(store.undo());
    QVERIFY(store.snapshot()->rules.isEmpty());
    QCOMPARE(store.snapshot()->denyStatus, 451);
    QCOMPARE(store.undoLabel(), QStringLiteral("Set deny status"));
    QCOMPARE(store.redoLabel(), QStringLiteral("Add rule"));
    QCOMPARE(store.redoLabels(), (QStringList{"Add rule", "Deny all"}));

    QVERIFY(store.redo());
    QCOMPARE(store.snapshot()->rules.size(), 1);
    QVERIFY(store.snapshot()->compiledRules()->isCompiledFrom(store.snapshot()->rules));
    QVERIFY(store.redo());
    QCOMPARE(store.snapshot()->masterSwitch, MasterSwitch::DenyAll);
    QVERIFY(!store.canRedo());
    QVERIFY(!store.redo());

    QVERIFY(store.undo());
    QVERIFY(store.undo());
    QVERIFY(store.undo());
    QCOMPARE(store.snapshot()->denyStatus, 403);
    QVERIFY(!store.canUndo());
    QCOMPARE(store.undoLabel(), QString());
}

void TestProfile::newEditClearsRedo()
{
    SettingsStore store;
    store.update(QStringLiteral("one"), [](ResponseSettings &settings) { settings.denyStatus = 401; });
    store.update(QStringLiteral("two"), [](ResponseSettings &settings) { settings.denyStatus = 402; });
    QVERIFY(store.undo());
    QVERIFY(store.canRedo());
    store.update(QStringLiteral("three"), [](ResponseSettings &settings) { settings.denyStatus = 403; });
    QVERIFY(!store.canRedo());
    QCOMPARE(store.undoLabels(), (QStringList{"three", "one"}));

    // The unlabelled overload is undoable too.
    store.update([](ResponseSettings &settings) { settings.denyStatus = 404; });
    QVERIFY(!store.undoLabel().isEmpty());
    QVERIFY(store.undo());
    QCOMPARE(store.snapshot()->denyStatus, 403);
}

void TestProfile::mergeKeyJoinsSteps()
{
    SettingsStore store;
    for (int status : {4, 45, 451})
        store.update(QStringLiteral("Deny status %1").arg(status), [status](ResponseSettings &settings) { settings.denyStatus = status; }, QStringLiteral("denyStatus"));
    QCOMPARE(store.undoLabels(), QStringList{"Deny status 451"});
    store.update(QStringLiteral("Rename"), [](ResponseSettings &settings) { settings.server.path = QStringLiteral("/x"); }, QStringLiteral("path"));
    store.update(QStringLiteral("Deny status 452"), [](ResponseSettings &settings) { settings.denyStatus = 452; }, QStringLiteral("denyStatus"));
    QCOMPARE(store.undoLabels().size(), 3);

    QVERIFY(store.undo());
    QVERIFY(store.undo());
    QVERIFY(store.undo());
    QCOMPARE(store.snapshot()->denyStatus, 403);

    // After an undo, an edit with the key of the undone step starts a new step.
    QVERIFY(store.redo());
    QCOMPARE(store.snapshot()->denyStatus, 451);
    QVERIFY(store.undo());
    store.update(QStringLiteral("Deny status 499"), [](ResponseSettings &settings) { settings.denyStatus = 499; }, QStringLiteral("denyStatus"));
    QCOMPARE(store.undoLabels(), QStringList{"Deny status 499"});
}

void TestProfile::historyLimit()
{
    SettingsStore store;
    store.setHistoryLimit(3);
    QCOMPARE(store.historyLimit(), 3);
    for (int i = 1; i <= 5; ++i)
        store.update(QStringLiteral("edit %1").arg(i), [i](ResponseSettings &settings) { settings.denyStatus = 400 + i; });
    QCOMPARE(store.undoLabels(), (QStringList{"edit 5", "edit 4", "edit 3"}));
    while (store.undo()) {
    }
    QCOMPARE(store.snapshot()->denyStatus, 402);

    store.setHistoryLimit(0);
    store.update(QStringLiteral("edit"), [](ResponseSettings &settings) { settings.denyStatus = 499; });
    QVERIFY(!store.canUndo());
}

void TestProfile::notedAssetsOutsideHistory()
{
    SettingsStore store;
    store.update(QStringLiteral("Deny all"), [](ResponseSettings &settings) { settings.masterSwitch = MasterSwitch::DenyAll; });
    store.noteAssets({QStringLiteral("seen-1"), QStringLiteral("seen-2")});
    QCOMPARE(store.undoLabels(), QStringList{"Deny all"});
    QCOMPARE(store.snapshot()->assets.size(), 2);

    // Undoing the edit before the callbacks keeps the assets they added.
    QVERIFY(store.undo());
    QCOMPARE(store.snapshot()->masterSwitch, MasterSwitch::Off);
    QCOMPARE(store.snapshot()->assets.size(), 2);
    QCOMPARE(store.snapshot()->assetIndex(QStringLiteral("seen-2")), 1);
    store.noteAssets({QStringLiteral("seen-3")});
    QVERIFY(store.redo());
    QCOMPARE(store.snapshot()->masterSwitch, MasterSwitch::DenyAll);
    QCOMPARE(store.snapshot()->assets.size(), 3);
    QVERIFY(!store.canRedo());
    QCOMPARE(store.undoLabels(), QStringList{"Deny all"});
}

void TestProfile::deletedNotedAssetStaysDeleted()
{
    SettingsStore store;
    store.noteAssets({QStringLiteral("seen")});
    store.update(QStringLiteral("Delete asset"), [](ResponseSettings &settings) { settings.assets.clear(); });
    QVERIFY(store.snapshot()->assets.isEmpty());

    QVERIFY(store.undo());
    QCOMPARE(store.snapshot()->assets.size(), 1);
    QVERIFY(store.redo());
    QVERIFY(store.snapshot()->assets.isEmpty());

    // A user's own asset row is restored by undo like any other edit.
    store.update(QStringLiteral("Add asset"), [](ResponseSettings &settings) { settings.assets.append({QStringLiteral("mine"), AssetMode::Deny}); });
    QVERIFY(store.undo());
    QVERIFY(store.snapshot()->assets.isEmpty());
}

void TestProfile::loadClearsHistory()
{
    QTemporaryDir dir;
    const QString fileName = dir.filePath(QStringLiteral("v1.json"));
    QVERIFY(writeFile(fileName, Version1Profile));

    SettingsStore store;
    store.update(QStringLiteral("edit"), [](ResponseSettings &settings) { settings.denyStatus = 499; });
    store.noteAssets({QStringLiteral("old-asset")});
    const quint64 revision = store.snapshot()->revision;
    ProfileError error;
    QVERIFY2(store.load(fileName, &error), qPrintable(error.toString()));
    QVERIFY(!store.canUndo());
    QVERIFY(!store.canRedo());
    QCOMPARE(store.snapshot()->denyStatus, 418);
    QVERIFY(store.snapshot()->revision > revision);

    // Loading saves nothing: the v1 file stays as it was until an edit.
    store.setProfileFile(fileName);
    store.flush();
    QCOMPARE(readFile(fileName), Version1Profile);

    // Assets noted before the load do not come back through undo.
    store.update(QStringLiteral("edit"), [](ResponseSettings &settings) { settings.denyStatus = 410; });
    QVERIFY(store.undo());
    QCOMPARE(store.snapshot()->assetIndex(QStringLiteral("old-asset")), -1);
    store.flush();
    QCOMPARE(QJsonDocument::fromJson(readFile(fileName)).object().value("version").toInt(), 2);
}

void TestProfile::historySignals()
{
    SettingsStore store;
    QSignalSpy history(&store, &SettingsStore::historyChanged);
    QSignalSpy changed(&store, &SettingsStore::changed);

    store.update(QStringLiteral("edit"), [](ResponseSettings &settings) { settings.denyStatus = 499; });
    QTRY_COMPARE(history.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toULongLong(), store.snapshot()->revision);

    store.noteAssets({QStringLiteral("a")});
    QTRY_COMPARE(changed.size(), 2);
    QCOMPARE(history.size(), 1);

    QVERIFY(store.undo());
    QTRY_COMPARE(history.size(), 2);
    QCOMPARE(changed.size(), 3);
    store.clearHistory();
    QTRY_COMPARE(history.size(), 3);
    QCOMPARE(changed.size(), 3);
    QVERIFY(!store.canRedo());
}

void TestProfile::recentProfiles()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("recent.ini")), QSettings::IniFormat);
    RecentProfiles recent(&settings);
    recent.setMaxCount(3);
    QVERIFY(recent.files().isEmpty());

    const QString a = dir.filePath(QStringLiteral("a.json"));
    const QString b = dir.filePath(QStringLiteral("b.json"));
    const QString c = dir.filePath(QStringLiteral("c.json"));
    const QString d = dir.filePath(QStringLiteral("d.json"));
    recent.add(a);
    recent.add(b);
    recent.add(dir.path() + QStringLiteral("/./a.json"));  // the same file, written differently
    QCOMPARE(recent.files(), (QStringList{a, b}));
    recent.add(c);
    recent.add(d);
    QCOMPARE(recent.files(), (QStringList{d, c, a}));
    recent.add(QString());
    QCOMPARE(recent.files().size(), 3);

    // Kept in the settings file for the next start.
    RecentProfiles reread(&settings);
    reread.setMaxCount(3);
    QCOMPARE(reread.files(), (QStringList{d, c, a}));

    QVERIFY(writeFile(c, "{}"));
    QCOMPARE(recent.existingFiles(), QStringList{c});
    recent.remove(c);
    QCOMPARE(recent.files(), (QStringList{d, a}));
    recent.clear();
    QVERIFY(recent.files().isEmpty());
    QVERIFY(!settings.contains(QStringLiteral("profiles/recent")));
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
