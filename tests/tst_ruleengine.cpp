// Rule evaluation: every operator on every kind of field, negation, AND,
// disabled and invalid rules, compilation once per rule list, and the
// stateful conditions and counters driven by a test clock.
#include "decisionengine.h"
#include "responsesettings.h"
#include "rule.h"
#include "ruleengine.h"
#include "settingsstore.h"

#include <QJsonArray>
#include <QThread>
#include <QtTest>

#include <atomic>

class TestRuleEngine : public QObject
{
    Q_OBJECT

private slots:
    void operators_data();
    void operators();
    void multipleAssets();
    void ruleNegation_data();
    void ruleNegation();
    void conditionsAreAnded();
    void disabledRuleSkipped();
    void invalidRules_data();
    void invalidRules();
    void globConversion_data();
    void globConversion();
    void compiledOncePerRuleList();
    void storeCompilesOnlyOnRuleEdit();

    void nthCallbackOfSession();
    void nthCallbackOfUser();
    void sessionsInWindowSlideOut();
    void twoWindowsCountedApart();
    void statefulThroughDecisionEngine();
    void countersSnapshot();
    void resetCounters();
    void resetOneSessionAndUser();
    void expiredEntriesDropped();
    void entriesBoundedByLimit();
    void sessionsPerUserBounded();
    void concurrentRecording();
};

namespace {

// A controllable clock for the counters.
struct TestClock
{
    std::shared_ptr<qint64> now = std::make_shared<qint64>(1000000);
    RuleEngine::Clock clock() const
    {
        auto shared = now;
        return [shared] { return *shared; };
    }
    void advance(qint64 ms) { *now += ms; }
};

CallbackFields fullCallback()
{
    CallbackFields callback;
    callback.asset = QStringLiteral("sigma_vtv1");
    callback.assets = {QStringLiteral("sigma_vtv1")};
    callback.user = QStringLiteral("alice");
    callback.session = QStringLiteral("sess-1");
    callback.drmSchemeText = QStringLiteral("WIDE_VINE");
    callback.drmScheme = DrmScheme::Widevine;
    callback.remoteAddr = QStringLiteral("113.190.233.178");
    callback.userAgent = QStringLiteral("Mozilla/5.0 (X11; Linux)");
    callback.extraData = QStringLiteral("tier=gold");
    callback.fields = QJsonObject{
        {"asset", "sigma_vtv1"},
        {"user", "alice"},
        {"session", "sess-1"},
        {"variant", "hd-1080"},
        {"client", QJsonObject{{"os", "android"}, {"version", 12}, {"ratio", 1.5}}},
        {"tags", QJsonArray{"kids", "sports"}},
        {"flag", true},
        {"nothing", QJsonValue::Null},
        {"list", QJsonArray{QJsonObject{{"id", "first"}}}},
    };
    return callback;
}

// Only the three required fields.
CallbackFields sparseCallback()
{
    CallbackFields callback;
    callback.asset = QStringLiteral("sigma_vtv1");
    callback.assets = {QStringLiteral("sigma_vtv1")};
    callback.user = QStringLiteral("alice");
    callback.session = QStringLiteral("sess-1");
    callback.fields = QJsonObject{{"asset", "sigma_vtv1"}, {"user", "alice"}, {"session", "sess-1"}};
    return callback;
}

RawRequest fullRequest()
{
    RawRequest request;
    request.method = "POST";
    request.target = "/callback";
    request.headers = {
        {"Content-Type", "application/json"},
        {"User-Agent", "SigmaLicenseServer/2.1"},
        {"X-Trace", "first"},
        {"x-trace", "second"},
    };
    return request;
}

RawRequest sparseRequest()
{
    RawRequest request;
    request.target = "/";
    return request;
}

RuleCondition condition(ConditionSubject subject, ConditionOperator op, const QString &value = QString())
{
    RuleCondition result;
    result.subject = subject;
    result.op = op;
    result.value = value;
    return result;
}

Rule ruleWith(const QList<RuleCondition> &conditions, const QString &name = QStringLiteral("r"))
{
    Rule rule;
    rule.id = Rule::newId();
    rule.name = name;
    rule.conditions = conditions;
    return rule;
}

int firstMatch(const QList<Rule> &rules, const CallbackFields &callback, const RawRequest &request,
               const CallbackCounts &counts = {})
{
    const CompiledRules compiled(rules);
    CallbackCounts sized = counts;
    while (sized.sessionsInWindow.size() < compiled.windowsMs().size())
        sized.sessionsInWindow.append(0);
    return compiled.firstMatch(callback, request, sized);
}

struct SubjectCase
{
    const char *label;
    ConditionSubject subject;
    const char *name;
    const char *equal;        // the full value
    const char *otherCase;    // the value in another case, for ignoreCase
    const char *glob;
    const char *regex;
};

} // namespace

Q_DECLARE_METATYPE(RuleCondition)

void TestRuleEngine::operators_data()
{
    QTest::addColumn<RuleCondition>("condition");
    QTest::addColumn<bool>("sparse");
    QTest::addColumn<bool>("expected");

    const SubjectCase subjects[] = {
        {"asset", ConditionSubject::Asset, "", "sigma_vtv1", "SIGMA_VTV1", "sigma_*", "vtv\\d$"},
        {"user", ConditionSubject::User, "", "alice", "ALICE", "a?ice", "^al"},
        {"session", ConditionSubject::Session, "", "sess-1", "SESS-1", "sess-[0-9]", "-1$"},
        {"drmScheme", ConditionSubject::DrmScheme, "", "WIDE_VINE", "wide_vine", "WIDE*", "^WIDE_?VINE$"},
        {"remoteAddr", ConditionSubject::RemoteAddr, "", "113.190.233.178", "113.190.233.178", "113.190.*", "^113\\."},
        {"userAgent", ConditionSubject::UserAgent, "", "Mozilla/5.0 (X11; Linux)", "MOZILLA/5.0 (X11; LINUX)", "Mozilla/*", "X11"},
        {"extraData", ConditionSubject::ExtraData, "", "tier=gold", "TIER=GOLD", "tier=*", "gold"},
        {"unknown field", ConditionSubject::Field, "variant", "hd-1080", "HD-1080", "hd-*", "\\d{4}"},
        {"nested field", ConditionSubject::Field, "client.os", "android", "Android", "andr*", "droid"},
        {"number field", ConditionSubject::Field, "client.version", "12", "12", "1?", "^\\d+$"},
        {"fraction field", ConditionSubject::Field, "client.ratio", "1.5", "1.5", "1.*", "^1\\.5$"},
        {"bool field", ConditionSubject::Field, "flag", "true", "TRUE", "t*", "^true$"},
        {"array field", ConditionSubject::Field, "tags", "sports", "SPORTS", "sp*", "^kid"},
        {"array index path", ConditionSubject::Field, "list.0.id", "first", "FIRST", "f*t", "irs"},
        {"method", ConditionSubject::Method, "", "POST", "post", "P*", "^PO"},
        {"header", ConditionSubject::Header, "user-agent", "SigmaLicenseServer/2.1", "sigmalicenseserver/2.1", "Sigma*", "Server/\\d"},
        {"repeated header", ConditionSubject::Header, "X-TRACE", "second", "SECOND", "sec*", "^sec"},
    };

    for (const SubjectCase &c : subjects) {
        auto base = [&c](ConditionOperator op, const QString &value) {
            RuleCondition result = condition(c.subject, op, value);
            result.name = QString::fromLatin1(c.name);
            return result;
        };
        const QString label = QString::fromLatin1(c.label);
        const QString equal = QString::fromUtf8(c.equal);

        QTest::addRow("%s equals", c.label) << base(ConditionOperator::Equals, equal) << false << true;
        QTest::addRow("%s equals other value", c.label) << base(ConditionOperator::Equals, equal + "x") << false << false;
        QTest::addRow("%s equals prefix only", c.label) << base(ConditionOperator::Equals, equal.left(equal.size() - 1)) << false << false;
        if (QString::fromUtf8(c.otherCase) != equal) {
            QTest::addRow("%s equals other case", c.label) << base(ConditionOperator::Equals, QString::fromUtf8(c.otherCase)) << false << false;
            RuleCondition ignoring = base(ConditionOperator::Equals, QString::fromUtf8(c.otherCase));
            ignoring.ignoreCase = true;
            QTest::addRow("%s equals ignoring case", c.label) << ignoring << false << true;
        }

        RuleCondition oneOf = base(ConditionOperator::OneOf, QString());
        oneOf.values = {QStringLiteral("nope"), equal, QStringLiteral("other")};
        QTest::addRow("%s one of", c.label) << oneOf << false << true;
        oneOf.values = {QStringLiteral("nope"), QStringLiteral("other")};
        QTest::addRow("%s one of without it", c.label) << oneOf << false << false;
        oneOf.values = {QString::fromUtf8(c.otherCase)};
        oneOf.ignoreCase = true;
        QTest::addRow("%s one of ignoring case", c.label) << oneOf << false << true;

        QTest::addRow("%s glob", c.label) << base(ConditionOperator::Glob, QString::fromUtf8(c.glob)) << false << true;
        QTest::addRow("%s glob no match", c.label) << base(ConditionOperator::Glob, QStringLiteral("zz*")) << false << false;
        QTest::addRow("%s glob is anchored", c.label) << base(ConditionOperator::Glob, equal.mid(1)) << false << false;
        QTest::addRow("%s regex", c.label) << base(ConditionOperator::Regex, QString::fromUtf8(c.regex)) << false << true;
        QTest::addRow("%s regex no match", c.label) << base(ConditionOperator::Regex, QStringLiteral("^zz")) << false << false;
        RuleCondition regexCase = base(ConditionOperator::Regex, QStringLiteral("^") + QRegularExpression::escape(QString::fromUtf8(c.otherCase)) + QStringLiteral("$"));
        regexCase.ignoreCase = true;
        QTest::addRow("%s regex ignoring case", c.label) << regexCase << false << true;

        QTest::addRow("%s present", c.label) << base(ConditionOperator::Present, QString()) << false << true;
        QTest::addRow("%s absent when present", c.label) << base(ConditionOperator::Absent, QString()) << false << false;

        // The sparse callback has asset, user and session only, and a request without method or headers.
        const bool inSparse = c.subject == ConditionSubject::Asset || c.subject == ConditionSubject::User
            || c.subject == ConditionSubject::Session;
        QTest::addRow("%s present when not sent", c.label) << base(ConditionOperator::Present, QString()) << true << inSparse;
        QTest::addRow("%s absent when not sent", c.label) << base(ConditionOperator::Absent, QString()) << true << !inSparse;
        if (!inSparse) {
            QTest::addRow("%s equals when not sent", c.label) << base(ConditionOperator::Equals, equal) << true << false;
            QTest::addRow("%s regex when not sent", c.label) << base(ConditionOperator::Regex, QStringLiteral(".*")) << true << false;
            RuleCondition negated = base(ConditionOperator::Equals, equal);
            negated.negate = true;
            QTest::addRow("%s negated equals when not sent", c.label) << negated << true << true;
        }

        RuleCondition negated = base(ConditionOperator::Equals, equal);
        negated.negate = true;
        QTest::addRow("%s negated equals", c.label) << negated << false << false;
        negated.value = QStringLiteral("other");
        QTest::addRow("%s negated other value", c.label) << negated << false << true;
        Q_UNUSED(label);
    }

    RuleCondition nullField = condition(ConditionSubject::Field, ConditionOperator::Present);
    nullField.name = QStringLiteral("nothing");
    QTest::addRow("null field is present") << nullField << false << true;
    nullField.op = ConditionOperator::Equals;
    nullField.value = QStringLiteral("null");
    QTest::addRow("null field reads as null") << nullField << false << true;
    RuleCondition objectField = condition(ConditionSubject::Field, ConditionOperator::Regex, QStringLiteral("\"os\":\"android\""));
    objectField.name = QStringLiteral("client");
    QTest::addRow("object field reads as JSON") << objectField << false << true;
    RuleCondition tooDeep = condition(ConditionSubject::Field, ConditionOperator::Present);
    tooDeep.name = QStringLiteral("variant.deeper");
    QTest::addRow("path through a string is absent") << tooDeep << false << false;
    RuleCondition badIndex = condition(ConditionSubject::Field, ConditionOperator::Present);
    badIndex.name = QStringLiteral("tags.5");
    QTest::addRow("array index out of range is absent") << badIndex << false << false;
    RuleCondition headerGone = condition(ConditionSubject::Header, ConditionOperator::Absent);
    headerGone.name = QStringLiteral("Authorization");
    QTest::addRow("header not sent is absent") << headerGone << false << true;
    RuleCondition regexSearch = condition(ConditionSubject::User, ConditionOperator::Regex, QStringLiteral("lic"));
    QTest::addRow("regex searches inside the value") << regexSearch << false << true;
}

void TestRuleEngine::operators()
{
    QFETCH(RuleCondition, condition);
    QFETCH(bool, sparse);
    QFETCH(bool, expected);

    const Rule rule = ruleWith({condition});
    QVERIFY2(Rules::validate(rule).isEmpty(), qPrintable(Rules::validate(rule).value(0).message));
    const int match = sparse ? firstMatch({rule}, sparseCallback(), sparseRequest())
                             : firstMatch({rule}, fullCallback(), fullRequest());
    QCOMPARE(match == 0, expected);
}

void TestRuleEngine::multipleAssets()
{
    CallbackFields callback = fullCallback();
    callback.assets = {QStringLiteral("first"), QStringLiteral("second")};
    callback.asset = QStringLiteral("first");

    QCOMPARE(firstMatch({ruleWith({condition(ConditionSubject::Asset, ConditionOperator::Equals, "second")})}, callback, fullRequest()), 0);
    QCOMPARE(firstMatch({ruleWith({condition(ConditionSubject::Asset, ConditionOperator::Equals, "third")})}, callback, fullRequest()), -1);

    RuleCondition notSecond = condition(ConditionSubject::Asset, ConditionOperator::Equals, "second");
    notSecond.negate = true;
    QCOMPARE(firstMatch({ruleWith({notSecond})}, callback, fullRequest()), -1);

    // A parser that fills only asset still gets its asset tested.
    CallbackFields onlyAsset = fullCallback();
    onlyAsset.assets.clear();
    QCOMPARE(firstMatch({ruleWith({condition(ConditionSubject::Asset, ConditionOperator::Equals, "sigma_vtv1")})}, onlyAsset, fullRequest()), 0);
}

void TestRuleEngine::ruleNegation_data()
{
    QTest::addColumn<bool>("userMatches");
    QTest::addColumn<bool>("assetMatches");
    QTest::addColumn<bool>("negate");
    QTest::addColumn<bool>("expected");

    QTest::addRow("both hold") << true << true << false << true;
    QTest::addRow("both hold, negated") << true << true << true << false;
    QTest::addRow("one fails") << true << false << false << false;
    QTest::addRow("one fails, negated") << true << false << true << true;
    QTest::addRow("both fail, negated") << false << false << true << true;
}

void TestRuleEngine::ruleNegation()
{
    QFETCH(bool, userMatches);
    QFETCH(bool, assetMatches);
    QFETCH(bool, negate);
    QFETCH(bool, expected);

    Rule rule = ruleWith({condition(ConditionSubject::User, ConditionOperator::Equals, userMatches ? "alice" : "bob"),
                          condition(ConditionSubject::Asset, ConditionOperator::Equals, assetMatches ? "sigma_vtv1" : "x")});
    rule.negate = negate;
    QCOMPARE(firstMatch({rule}, fullCallback(), fullRequest()) == 0, expected);
}

void TestRuleEngine::conditionsAreAnded()
{
    const RuleCondition user = condition(ConditionSubject::User, ConditionOperator::Equals, "alice");
    const RuleCondition wrongAsset = condition(ConditionSubject::Asset, ConditionOperator::Equals, "other");
    RuleCondition method = condition(ConditionSubject::Method, ConditionOperator::OneOf);
    method.values = {QStringLiteral("GET"), QStringLiteral("POST")};

    QCOMPARE(firstMatch({ruleWith({user, method})}, fullCallback(), fullRequest()), 0);
    QCOMPARE(firstMatch({ruleWith({user, wrongAsset, method})}, fullCallback(), fullRequest()), -1);
    QCOMPARE(firstMatch({ruleWith({wrongAsset, user})}, fullCallback(), fullRequest()), -1);

    // No conditions: matches every callback; negated, none.
    QCOMPARE(firstMatch({ruleWith({})}, sparseCallback(), sparseRequest()), 0);
    Rule never = ruleWith({});
    never.negate = true;
    QCOMPARE(firstMatch({never}, sparseCallback(), sparseRequest()), -1);
}

void TestRuleEngine::disabledRuleSkipped()
{
    Rule disabled = ruleWith({condition(ConditionSubject::User, ConditionOperator::Equals, "alice")}, "disabled");
    disabled.enabled = false;
    const Rule second = ruleWith({condition(ConditionSubject::User, ConditionOperator::Present)}, "second");
    QCOMPARE(firstMatch({disabled, second}, fullCallback(), fullRequest()), 1);
    QCOMPARE(firstMatch({disabled}, fullCallback(), fullRequest()), -1);
}

void TestRuleEngine::invalidRules_data()
{
    QTest::addColumn<RuleCondition>("condition");
    QTest::addColumn<QString>("expectedField");
    QTest::addColumn<QString>("expectedText");

    QTest::addRow("unclosed group") << condition(ConditionSubject::User, ConditionOperator::Regex, "(alice") << "conditions[0].value" << "Invalid regular expression at character";
    QTest::addRow("bad quantifier") << condition(ConditionSubject::User, ConditionOperator::Regex, "*alice") << "conditions[0].value" << "Invalid regular expression";
    QTest::addRow("bad escape at end") << condition(ConditionSubject::User, ConditionOperator::Regex, "abc\\") << "conditions[0].value" << "Invalid regular expression";
    QTest::addRow("field without path") << condition(ConditionSubject::Field, ConditionOperator::Present) << "conditions[0].name" << "field path";
    RuleCondition emptyPart = condition(ConditionSubject::Field, ConditionOperator::Present);
    emptyPart.name = QStringLiteral("client..os");
    QTest::addRow("field path with empty part") << emptyPart << "conditions[0].name" << "empty part";
    QTest::addRow("header without name") << condition(ConditionSubject::Header, ConditionOperator::Present) << "conditions[0].name" << "header name";
    QTest::addRow("one of without values") << condition(ConditionSubject::User, ConditionOperator::OneOf) << "conditions[0].values" << "at least one";
    RuleCondition zeroth = condition(ConditionSubject::SessionCallbacks, ConditionOperator::Equals);
    zeroth.count = 0;
    QTest::addRow("callback number zero") << zeroth << "conditions[0].count" << "1 to";
    RuleCondition window = condition(ConditionSubject::UserSessions, ConditionOperator::Equals);
    window.windowSeconds = 0;
    QTest::addRow("window of zero seconds") << window << "conditions[0].windowSeconds" << "1 to 86400";
    RuleCondition sessions = condition(ConditionSubject::UserSessions, ConditionOperator::Equals);
    sessions.count = 1000;
    QTest::addRow("too many sessions") << sessions << "conditions[0].count" << "0 to 999";
}

void TestRuleEngine::invalidRules()
{
    QFETCH(RuleCondition, condition);
    QFETCH(QString, expectedField);
    QFETCH(QString, expectedText);

    // The invalid rule would match (negated, its test fails), yet it is skipped.
    Rule invalid = ruleWith({condition}, "invalid");
    invalid.negate = true;
    const Rule fallback = ruleWith({}, "fallback");

    const QList<RuleProblem> problems = Rules::validate(invalid);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.constFirst().field.startsWith(expectedField), qPrintable(problems.constFirst().field));
    QVERIFY2(problems.constFirst().message.contains(expectedText), qPrintable(problems.constFirst().message));

    const CompiledRules compiled({invalid, fallback});
    QVERIFY(!compiled.isValid(0));
    QVERIFY(compiled.isValid(1));
    QVERIFY(compiled.hasProblems());
    QCOMPARE(compiled.problems(0).size(), 1);
    CallbackCounts counts;
    counts.sessionsInWindow.resize(compiled.windowsMs().size());
    QCOMPARE(compiled.firstMatch(fullCallback(), fullRequest(), counts), 1);
}

void TestRuleEngine::globConversion_data()
{
    QTest::addColumn<QString>("glob");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expected");

    QTest::addRow("star crosses slash") << "movies/*" << "movies/2024/a" << true;
    QTest::addRow("star matches empty") << "a*" << "a" << true;
    QTest::addRow("question mark one char") << "a?c" << "abc" << true;
    QTest::addRow("question mark not zero") << "a?c" << "ac" << false;
    QTest::addRow("set") << "v[12]" << "v2" << true;
    QTest::addRow("set miss") << "v[12]" << "v3" << false;
    QTest::addRow("negated set") << "v[!12]" << "v3" << true;
    QTest::addRow("range") << "v[0-9]" << "v7" << true;
    QTest::addRow("bracket first in set") << "[]x]" << "]" << true;
    QTest::addRow("unclosed bracket literal") << "a[b" << "a[b" << true;
    QTest::addRow("dot literal") << "a.b" << "axb" << false;
    QTest::addRow("plus literal") << "a+b" << "a+b" << true;
    QTest::addRow("parenthesis literal") << "(x)" << "(x)" << true;
    QTest::addRow("dollar literal") << "$1" << "$1" << true;
    QTest::addRow("backslash in set") << "[\\]" << "\\" << true;
    QTest::addRow("anchored start") << "bc" << "abc" << false;
    QTest::addRow("anchored end") << "ab" << "abc" << false;
    QTest::addRow("newline not crossed by end anchor") << "abc" << "abc\n" << false;
    QTest::addRow("empty glob") << "" << "" << true;
    QTest::addRow("star crosses line break") << "a*z" << "a\nz" << true;
    QTest::addRow("no wildcard equals") << "exact" << "exact" << true;
    QTest::addRow("no wildcard longer value") << "exact" << "exactly" << false;
    QTest::addRow("suffix after set") << "*[ab]" << "xb" << true;
    QTest::addRow("suffix after set miss") << "*[ab]" << "xc" << false;
    QTest::addRow("prefix and suffix overlap") << "ab*ba" << "aba" << false;
    QTest::addRow("prefix and suffix") << "ab*ba" << "abba" << true;
    QTest::addRow("literal bracket in suffix") << "*a]" << "xa]" << true;
}

void TestRuleEngine::globConversion()
{
    QFETCH(QString, glob);
    QFETCH(QString, text);
    QFETCH(bool, expected);

    const QRegularExpression expression(Rules::globToRegularExpression(glob), QRegularExpression::DotMatchesEverythingOption);
    QVERIFY2(expression.isValid(), qPrintable(expression.errorString()));
    QCOMPARE(expression.match(text).hasMatch(), expected);

    // The rule engine returns the same result, with and without its literal shortcut.
    CallbackFields callback = sparseCallback();
    callback.user = text;
    callback.fields.insert("user", text);
    RuleCondition onField = condition(ConditionSubject::Field, ConditionOperator::Glob, glob);
    onField.name = QStringLiteral("user");
    QCOMPARE(firstMatch({ruleWith({onField})}, callback, sparseRequest()) == 0, expected);
    RuleCondition ignoringCase = onField;
    ignoringCase.ignoreCase = true;
    QCOMPARE(firstMatch({ruleWith({ignoringCase})}, callback, sparseRequest()) == 0, expected);
}

void TestRuleEngine::compiledOncePerRuleList()
{
    ResponseSettings settings;
    settings.rules.append(ruleWith({condition(ConditionSubject::User, ConditionOperator::Regex, "^a")}));
    settings.prepare();
    const std::shared_ptr<const CompiledRules> first = settings.compiledRules();
    QCOMPARE(settings.compiledRules().get(), first.get());

    // A copy shares the compiled rules until its rules change.
    ResponseSettings copy = settings;
    copy.assets.append({QStringLiteral("new"), AssetMode::Deny});
    copy.prepare();
    QCOMPARE(copy.compiledRules().get(), first.get());

    copy.rules[0].conditions[0].value = QStringLiteral("^b");
    QVERIFY(copy.compiledRules().get() != first.get());  // compiled on the spot, not kept
    QVERIFY(copy.compiledRules().get() != copy.compiledRules().get());
    copy.prepare();
    const std::shared_ptr<const CompiledRules> second = copy.compiledRules();
    QVERIFY(second.get() != first.get());
    QCOMPARE(copy.compiledRules().get(), second.get());
    QCOMPARE(second->rules().at(0).conditions.at(0).value, QStringLiteral("^b"));
    QCOMPARE(first->rules().at(0).conditions.at(0).value, QStringLiteral("^a"));
}

void TestRuleEngine::storeCompilesOnlyOnRuleEdit()
{
    SettingsStore store;
    store.update(QStringLiteral("add rule"), [](ResponseSettings &settings) {
        settings.rules.append(ruleWith({condition(ConditionSubject::User, ConditionOperator::Regex, "(")}, "broken"));
    });
    const std::shared_ptr<const CompiledRules> compiled = store.snapshot()->compiledRules();
    QVERIFY(compiled->hasProblems());
    QCOMPARE(store.snapshot()->ruleProblems(0).size(), 1);

    store.update(QStringLiteral("deny status"), [](ResponseSettings &settings) { settings.denyStatus = 451; });
    store.noteAssets({QStringLiteral("seen")});
    QCOMPARE(store.snapshot()->compiledRules().get(), compiled.get());

    store.update(QStringLiteral("fix rule"), [](ResponseSettings &settings) { settings.rules[0].conditions[0].value = QStringLiteral("()"); });
    QVERIFY(store.snapshot()->compiledRules().get() != compiled.get());
    QVERIFY(!store.snapshot()->compiledRules()->hasProblems());
}

void TestRuleEngine::nthCallbackOfSession()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    RuleCondition third = condition(ConditionSubject::SessionCallbacks, ConditionOperator::Equals);
    third.count = 3;
    const CompiledRules rules({ruleWith({third})});

    CallbackFields callback = sparseCallback();
    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);
    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);
    QCOMPARE(engine.match(rules, callback, sparseRequest()), 0);
    QCOMPARE(engine.match(rules, callback, sparseRequest()), 0);

    // Another session of the same user starts from one.
    callback.session = QStringLiteral("sess-2");
    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);
}

void TestRuleEngine::nthCallbackOfUser()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    RuleCondition second = condition(ConditionSubject::UserCallbacks, ConditionOperator::Equals);
    second.count = 2;
    const CompiledRules rules({ruleWith({second})});

    CallbackFields callback = sparseCallback();
    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);
    callback.session = QStringLiteral("sess-2");
    QCOMPARE(engine.match(rules, callback, sparseRequest()), 0);
    callback.user = QStringLiteral("bob");
    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);

    RuleCondition first = second;
    first.count = 1;
    QCOMPARE(engine.match(CompiledRules({ruleWith({first})}), callback, sparseRequest()), 0);
}

void TestRuleEngine::sessionsInWindowSlideOut()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    RuleCondition limit = condition(ConditionSubject::UserSessions, ConditionOperator::Equals);
    limit.count = 2;          // more than two distinct sessions
    limit.windowSeconds = 60;
    const CompiledRules rules({ruleWith({limit})});
    QCOMPARE(rules.windowsMs(), QList<qint64>{60000});

    CallbackFields callback = sparseCallback();
    auto callAs = [&](const char *session) {
        callback.session = QString::fromLatin1(session);
        return engine.match(rules, callback, sparseRequest());
    };

    QCOMPARE(callAs("s1"), -1);   // t=0: one session
    clock.advance(10000);
    QCOMPARE(callAs("s2"), -1);   // t=10 s: two
    QCOMPARE(callAs("s1"), -1);   // a repeated session is not a new one
    clock.advance(10000);
    QCOMPARE(callAs("s3"), 0);    // t=20 s: three sessions within 60 s
    clock.advance(39999);
    QCOMPARE(callAs("s3"), 0);    // t=59.999 s: s1 (last seen at 10 s) still inside
    clock.advance(10002);
    QCOMPARE(callAs("s3"), -1);   // t=70.001 s: s1 and s2 (last seen at 10 s) slid out
    QCOMPARE(callAs("s4"), -1);   // two sessions again
    QCOMPARE(callAs("s5"), 0);

    // Another user is counted apart.
    callback.user = QStringLiteral("bob");
    QCOMPARE(callAs("s6"), -1);
}

void TestRuleEngine::twoWindowsCountedApart()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    RuleCondition shortWindow = condition(ConditionSubject::UserSessions, ConditionOperator::Equals);
    shortWindow.count = 1;
    shortWindow.windowSeconds = 10;
    RuleCondition longWindow = shortWindow;
    longWindow.windowSeconds = 3600;
    const CompiledRules rules({ruleWith({shortWindow}, "short"), ruleWith({longWindow}, "long")});
    QCOMPARE(rules.windowsMs().size(), 2);

    CallbackFields callback = sparseCallback();
    callback.session = QStringLiteral("a");
    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);
    clock.advance(30000);
    callback.session = QStringLiteral("b");
    QCOMPARE(engine.match(rules, callback, sparseRequest()), 1);
    clock.advance(1000);
    callback.session = QStringLiteral("c");
    QCOMPARE(engine.match(rules, callback, sparseRequest()), 0);
}

void TestRuleEngine::statefulThroughDecisionEngine()
{
    SettingsStore store;
    TestClock clock;
    store.ruleEngine()->setClock(clock.clock());
    RuleCondition second = condition(ConditionSubject::SessionCallbacks, ConditionOperator::Equals);
    second.count = 2;
    Rule rule = ruleWith({second}, "replay");
    rule.action.kind = ActionKind::Deny;
    rule.action.status = 409;
    store.update(QStringLiteral("add rule"), [&rule](ResponseSettings &settings) { settings.rules.append(rule); });

    const RawRequest request = sparseRequest();
    const CallbackFields callback = sparseCallback();
    QCOMPARE(DecisionEngine::decide(*store.snapshot(), callback, request, store.ruleEngine()).response.status, 200);
    QCOMPARE(DecisionEngine::decide(*store.snapshot(), callback, request, store.ruleEngine()).response.status, 409);

    // Callbacks decided by the master switch still count.
    store.update(QStringLiteral("allow all"), [](ResponseSettings &settings) { settings.masterSwitch = MasterSwitch::AllowAll; });
    QCOMPARE(DecisionEngine::decide(*store.snapshot(), callback, request, store.ruleEngine()).decidedBy, QStringLiteral("master:allow-all"));
    QCOMPARE(store.ruleEngine()->counters().sessions.value(0).callbacks, quint64(3));

    // Without an engine nothing is counted and the rule never holds.
    store.update(QStringLiteral("switch off"), [](ResponseSettings &settings) { settings.masterSwitch = MasterSwitch::Off; });
    QCOMPARE(DecisionEngine::decide(*store.snapshot(), callback).response.status, 200);
}

void TestRuleEngine::countersSnapshot()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    const quint64 before = engine.changeCount();

    CallbackFields callback = sparseCallback();
    engine.record(callback, {});
    clock.advance(5);
    callback.session = QStringLiteral("sess-2");
    engine.record(callback, {});
    clock.advance(5);
    callback.user = QStringLiteral("bob");
    callback.session = QStringLiteral("sess-3");
    engine.record(callback, {});
    clock.advance(5);
    callback.user = QStringLiteral("alice");
    callback.session = QStringLiteral("sess-1");
    const CallbackCounts counts = engine.record(callback, {});
    QCOMPARE(counts.sessionCallbacks, quint64(2));
    QCOMPARE(counts.userCallbacks, quint64(3));
    QVERIFY(engine.changeCount() > before);

    const CounterSnapshot snapshot = engine.counters();
    QCOMPARE(snapshot.takenAtMs, *clock.now);
    QCOMPARE(snapshot.sessions.size(), 3);
    QCOMPARE(snapshot.sessions.at(0).session, QStringLiteral("sess-1"));  // most recent first
    QCOMPARE(snapshot.sessions.at(0).user, QStringLiteral("alice"));
    QCOMPARE(snapshot.sessions.at(0).callbacks, quint64(2));
    QCOMPARE(snapshot.sessions.at(0).lastSeenMs - snapshot.sessions.at(0).firstSeenMs, qint64(15));
    QCOMPARE(snapshot.users.size(), 2);
    QCOMPARE(snapshot.users.at(0).user, QStringLiteral("alice"));
    QCOMPARE(snapshot.users.at(0).callbacks, quint64(3));
    QCOMPARE(snapshot.users.at(0).recentSessions, 2);
    QCOMPARE(snapshot.users.at(1).user, QStringLiteral("bob"));
    QCOMPARE(snapshot.users.at(1).recentSessions, 1);

    // A callback without user or session is not counted.
    CallbackFields anonymous;
    const CallbackCounts none = engine.record(anonymous, {60000});
    QCOMPARE(none.sessionCallbacks, quint64(0));
    QCOMPARE(none.sessionsInWindow.size(), 1);
    QCOMPARE(engine.counters().sessions.size(), 3);
}

void TestRuleEngine::resetCounters()
{
    RuleEngine engine;
    RuleCondition second = condition(ConditionSubject::SessionCallbacks, ConditionOperator::Equals);
    second.count = 2;
    const CompiledRules rules({ruleWith({second})});
    const CallbackFields callback = sparseCallback();

    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);
    QCOMPARE(engine.match(rules, callback, sparseRequest()), 0);
    const quint64 before = engine.changeCount();
    engine.resetCounters();
    QVERIFY(engine.changeCount() > before);
    QVERIFY(engine.counters().sessions.isEmpty());
    QVERIFY(engine.counters().users.isEmpty());
    QCOMPARE(engine.match(rules, callback, sparseRequest()), -1);
}

void TestRuleEngine::resetOneSessionAndUser()
{
    RuleEngine engine;
    CallbackFields callback = sparseCallback();
    engine.record(callback, {});
    callback.session = QStringLiteral("sess-2");
    engine.record(callback, {});

    engine.resetSession(QStringLiteral("sess-2"));
    CounterSnapshot snapshot = engine.counters();
    QCOMPARE(snapshot.sessions.size(), 1);
    QCOMPARE(snapshot.sessions.at(0).session, QStringLiteral("sess-1"));
    QCOMPARE(snapshot.users.at(0).recentSessions, 1);
    QCOMPARE(snapshot.users.at(0).callbacks, quint64(2));

    engine.resetUser(QStringLiteral("alice"));
    snapshot = engine.counters();
    QVERIFY(snapshot.users.isEmpty());
    QCOMPARE(snapshot.sessions.size(), 1);
    engine.resetSession(QStringLiteral("unknown"));
    QCOMPARE(engine.counters().sessions.size(), 1);
}

void TestRuleEngine::expiredEntriesDropped()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    engine.setRetentionMs(1000);
    engine.setMaxEntries(10);

    CallbackFields callback = sparseCallback();
    for (int i = 0; i < 10; ++i) {
        callback.session = QStringLiteral("old-%1").arg(i);
        engine.record(callback, {});
    }
    clock.advance(5000);
    callback.user = QStringLiteral("bob");
    callback.session = QStringLiteral("new-1");
    engine.record(callback, {});  // eleven sessions: the next record prunes
    clock.advance(1);
    callback.session = QStringLiteral("new-2");
    engine.record(callback, {});

    const CounterSnapshot snapshot = engine.counters();
    QCOMPARE(snapshot.sessions.size(), 2);
    QCOMPARE(snapshot.sessions.at(0).session, QStringLiteral("new-2"));
    QCOMPARE(snapshot.sessions.at(1).session, QStringLiteral("new-1"));
    QCOMPARE(snapshot.users.size(), 1);
    QCOMPARE(snapshot.users.at(0).user, QStringLiteral("bob"));
}

void TestRuleEngine::entriesBoundedByLimit()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    engine.setMaxEntries(100);

    CallbackFields callback = sparseCallback();
    for (int i = 0; i < 1000; ++i) {
        callback.user = QStringLiteral("user-%1").arg(i);
        callback.session = QStringLiteral("session-%1").arg(i);
        engine.record(callback, {});
        clock.advance(1);
        QVERIFY(engine.counters().sessions.size() <= 101);
    }
    const CounterSnapshot snapshot = engine.counters();
    QVERIFY(snapshot.sessions.size() <= 101);
    QVERIFY(snapshot.users.size() <= 101);
    // The newest entries are the ones kept.
    QCOMPARE(snapshot.sessions.at(0).session, QStringLiteral("session-999"));
}

void TestRuleEngine::sessionsPerUserBounded()
{
    RuleEngine engine;
    TestClock clock;
    engine.setClock(clock.clock());
    CallbackFields callback = sparseCallback();
    CallbackCounts counts;
    for (int i = 0; i < 1500; ++i) {
        callback.session = QStringLiteral("s-%1").arg(i);
        counts = engine.record(callback, {3600000});
        clock.advance(1);
    }
    QCOMPARE(counts.sessionsInWindow.at(0), RuleEngine::MaxSessionsPerUser);
    QCOMPARE(engine.counters().users.at(0).recentSessions, RuleEngine::MaxSessionsPerUser);
    QCOMPARE(counts.userCallbacks, quint64(1500));
}

void TestRuleEngine::concurrentRecording()
{
    RuleEngine engine;
    constexpr int PerThread = 5000;
    std::atomic<int> started{0};
    auto work = [&engine, &started](const QString &sessionPrefix) {
        ++started;
        CallbackFields callback = sparseCallback();
        for (int i = 0; i < PerThread; ++i) {
            callback.session = sessionPrefix + QString::number(i % 50);
            engine.record(callback, {60000});
        }
    };
    std::unique_ptr<QThread> first(QThread::create(work, QStringLiteral("a-")));
    std::unique_ptr<QThread> second(QThread::create(work, QStringLiteral("b-")));
    first->start();
    second->start();
    for (int i = 0; i < 200 && engine.counters().users.value(0).callbacks < quint64(2 * PerThread); ++i)
        engine.counters();  // snapshots while recording
    QVERIFY(first->wait(60000));
    QVERIFY(second->wait(60000));

    const CounterSnapshot snapshot = engine.counters();
    QCOMPARE(started.load(), 2);
    QCOMPARE(snapshot.users.size(), 1);
    QCOMPARE(snapshot.users.at(0).callbacks, quint64(2 * PerThread));
    QCOMPARE(snapshot.users.at(0).recentSessions, 100);
    QCOMPARE(snapshot.sessions.size(), 100);
}

QTEST_GUILESS_MAIN(TestRuleEngine)
#include "tst_ruleengine.moc"
