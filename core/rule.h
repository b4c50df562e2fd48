// Rules: named, ordered conditions on a callback and the action taken when
// they all hold. Plain data with validation and display text; RuleEngine
// evaluates them and ProfileFormat saves them.
#pragma once

#include "exchange.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The part of a callback a condition tests. Value subjects yield text that
// an operator tests. Stateful subjects compare a RuleEngine counter with count.
enum class ConditionSubject {
    Asset,       // every asset of the callback; holds when any one asset matches
    User,
    Session,
    DrmScheme,   // drmScheme as sent, e.g. "WIDE_VINE"; absent when not sent
    RemoteAddr,  // requestMetadata.remoteAddr, whatever layout it came in
    UserAgent,   // requestMetadata.userAgent
    ExtraData,
    Field,       // CallbackFields::fields at the dotted path in name, e.g. "requestMetadata.remoteAddr"
    Method,      // HTTP method as written on the request line
    Header,      // request header called name, matched case-insensitively; any one of repeated headers
    SessionCallbacks,  // stateful: this callback is the count-th or a later one of its session
    UserCallbacks,     // stateful: this callback is the count-th or a later one of its user
    UserSessions,      // stateful: the user had more than count distinct sessions within windowSeconds
};

enum class ConditionOperator {
    Equals,   // the whole value equals value
    OneOf,    // the whole value equals one of values
    Glob,     // the whole value matches the wildcard pattern value: * any text, ? one character, [abc] a set
    Regex,    // the Perl-compatible regular expression value matches somewhere in the value; anchor it with ^ and $
    Present,  // the value exists; for the named callback fields this means it is not empty
    Absent,   // the value does not exist
};

struct RuleCondition
{
    ConditionSubject subject = ConditionSubject::Asset;
    QString name;          // dotted path for Field, header name for Header; unused otherwise
    ConditionOperator op = ConditionOperator::Equals;  // unused by stateful subjects
    QString value;         // Equals, Glob, Regex
    QStringList values;    // OneOf
    bool ignoreCase = false;
    bool negate = false;   // the condition holds when the test fails
    int count = 1;         // N of stateful subjects
    int windowSeconds = 3600;  // UserSessions: how far back sessions are counted

    bool isStateful() const;
    bool operator==(const RuleCondition &other) const;
    bool operator!=(const RuleCondition &other) const { return !(*this == other); }
};

// The reply of a matching rule. Allow, Deny and the fault kinds choose the
// response. Delay, Content-Type and trickle modify any kind that sends one.
enum class ActionKind {
    Allow,            // 200 with {"payload": CRT} chosen by crtSource, or an empty body for CrtSource::None
    Deny,             // status with the generated JSON body, or body when customBody is set
    CloseConnection,  // fault: close the connection without a reply
    NeverReply,       // fault: keep the connection open and never reply
    EmptyBody,        // fault: 200, Content-Type application/json, empty body
    NotJson,          // fault: 200 with body, which should not be JSON (a default page when empty)
    BrokenCrt,        // fault: 200 with {"payload": crt}, or brokenCrtExample() when crt is empty
};

enum class CrtSource {
    Default,  // the settings' default CRT, even when the settings turn the CRT off
    Scheme,   // the CRT for the callback's DRM scheme, the default CRT when that scheme has none
    Rule,     // the action's own crt
    None,     // no CRT: 200 with an empty body
};

enum class ContentTypeMode {
    Default,  // the kind's usual type: application/json, or text/plain for a custom body that is not JSON
    Custom,   // contentType, e.g. "text/html" for the wrong-Content-Type fault
    Omit,     // no Content-Type header
};

struct RuleAction
{
    static constexpr int MaxDelayMs = 120000;

    ActionKind kind = ActionKind::Deny;
    CrtSource crtSource = CrtSource::Scheme;
    QJsonObject crt;           // CrtSource::Rule and BrokenCrt; kept as typed, invalid values allowed
    int status = 403;          // Deny: 100 to 599
    bool customBody = false;   // Deny: send body instead of the generated JSON
    QString body;              // Deny with customBody, NotJson
    ContentTypeMode contentTypeMode = ContentTypeMode::Default;
    QString contentType;       // ContentTypeMode::Custom
    int delayMs = 0;           // wait before any delivery, 0 to MaxDelayMs
    bool trickle = false;      // write the response a few bytes at a time
    int trickleChunkBytes = 16;
    int trickleIntervalMs = 200;

    bool sendsResponse() const { return kind != ActionKind::CloseConnection && kind != ActionKind::NeverReply; }
    bool operator==(const RuleAction &other) const;
    bool operator!=(const RuleAction &other) const { return !(*this == other); }
};

struct Rule
{
    QString id;            // stable across edits and profiles; newId() for a new rule
    QString name;          // shown in decidedBy as "rule:<name>"
    bool enabled = true;
    bool negate = false;   // the rule matches when its conditions do not all hold
    QList<RuleCondition> conditions;  // all must hold; a rule without conditions matches every callback
    RuleAction action;

    static QString newId();

    bool operator==(const Rule &other) const;
    bool operator!=(const Rule &other) const { return !(*this == other); }
};

// A reason why a rule cannot be evaluated. An invalid rule is skipped, never
// matched, until it is fixed.
struct RuleProblem
{
    QString field;    // path inside the rule, e.g. "conditions[0].value"
    QString message;  // translated
};

namespace Rules {

inline constexpr int MaxCount = 1000000;
inline constexpr int MaxDistinctSessions = 999;  // UserSessions thresholds; the engine tracks 1000 per user
inline constexpr int MaxWindowSeconds = 86400;

// Every problem of the rule; empty when the rule can be evaluated.
QList<RuleProblem> validate(const Rule &rule);

// Turns a glob pattern into an anchored regular expression. Unlike Qt 6.4's
// wildcard conversion, * and ? also match '/', since asset ids and user
// agents are not file paths.
QString globToRegularExpression(const QString &glob);

// The CRT a BrokenCrt action sends when it has none of its own: each field
// breaks the contract (a misspelt HDCP level, a negative time, a string flag).
QJsonObject brokenCrtExample();

// A rule denying callbacks like this exchange: conditions on asset, user,
// session and drmScheme (absent when none was sent), deny with denyStatus.
Rule fromExchange(const Exchange &exchange, int denyStatus);

// A rule denying callbacks for one asset with denyStatus.
Rule fromAsset(const QString &asset, int denyStatus);

// Keys used in profiles; parse functions return false for unknown keys.
QString subjectKey(ConditionSubject subject);
bool subjectFromKey(const QString &key, ConditionSubject *subject);
QString operatorKey(ConditionOperator op);
bool operatorFromKey(const QString &key, ConditionOperator *op);
QString actionKindKey(ActionKind kind);
bool actionKindFromKey(const QString &key, ActionKind *kind);
QString crtSourceKey(CrtSource source);
bool crtSourceFromKey(const QString &key, CrtSource *source);
QString contentTypeModeKey(ContentTypeMode mode);
bool contentTypeModeFromKey(const QString &key, ContentTypeMode *mode);

QList<ConditionSubject> allSubjects();
QList<ConditionOperator> allOperators();
QList<ActionKind> allActionKinds();

} // namespace Rules

// Translated text for showing rules to people.
class RuleText
{
    Q_DECLARE_TR_FUNCTIONS(RuleText)

public:
    static QString subjectLabel(ConditionSubject subject);
    static QString operatorLabel(ConditionOperator op);
    static QString actionKindLabel(ActionKind kind);
    static QString crtSourceLabel(CrtSource source);

    // One line such as "asset equals sigma_vtv1" or "user: 3rd or later callback".
    static QString describe(const RuleCondition &condition);
    // One line such as "deny 451 after 2000 ms".
    static QString describe(const RuleAction &action);
};
