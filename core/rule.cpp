#include "rule.h"

#include <QRegularExpression>
#include <QUuid>

namespace {

template<typename Enum>
struct KeyEntry
{
    Enum value;
    const char *key;
};

const KeyEntry<ConditionSubject> SubjectKeys[] = {
    {ConditionSubject::Asset, "asset"},
    {ConditionSubject::User, "user"},
    {ConditionSubject::Session, "session"},
    {ConditionSubject::DrmScheme, "drmScheme"},
    {ConditionSubject::RemoteAddr, "requestMetadata.remoteAddr"},
    {ConditionSubject::UserAgent, "requestMetadata.userAgent"},
    {ConditionSubject::ExtraData, "extraData"},
    {ConditionSubject::Field, "field"},
    {ConditionSubject::Method, "method"},
    {ConditionSubject::Header, "header"},
    {ConditionSubject::SessionCallbacks, "session-callbacks"},
    {ConditionSubject::UserCallbacks, "user-callbacks"},
    {ConditionSubject::UserSessions, "user-sessions"},
};

const KeyEntry<ConditionOperator> OperatorKeys[] = {
    {ConditionOperator::Equals, "equals"},
    {ConditionOperator::OneOf, "one-of"},
    {ConditionOperator::Glob, "glob"},
    {ConditionOperator::Regex, "regex"},
    {ConditionOperator::Present, "present"},
    {ConditionOperator::Absent, "absent"},
};

const KeyEntry<ActionKind> ActionKindKeys[] = {
    {ActionKind::Allow, "allow"},
    {ActionKind::Deny, "deny"},
    {ActionKind::CloseConnection, "close-connection"},
    {ActionKind::NeverReply, "never-reply"},
    {ActionKind::EmptyBody, "empty-body"},
    {ActionKind::NotJson, "not-json"},
    {ActionKind::BrokenCrt, "broken-crt"},
};

const KeyEntry<CrtSource> CrtSourceKeys[] = {
    {CrtSource::Default, "default"},
    {CrtSource::Scheme, "scheme"},
    {CrtSource::Rule, "rule"},
    {CrtSource::None, "none"},
};

const KeyEntry<ContentTypeMode> ContentTypeModeKeys[] = {
    {ContentTypeMode::Default, "default"},
    {ContentTypeMode::Custom, "custom"},
    {ContentTypeMode::Omit, "omit"},
};

template<typename Enum, size_t N>
QString keyOf(const KeyEntry<Enum> (&table)[N], Enum value)
{
    for (const auto &entry : table) {
        if (entry.value == value)
            return QLatin1String(entry.key);
    }
    return QString();
}

template<typename Enum, size_t N>
bool valueOf(const KeyEntry<Enum> (&table)[N], const QString &key, Enum *value)
{
    for (const auto &entry : table) {
        if (key == QLatin1String(entry.key)) {
            *value = entry.value;
            return true;
        }
    }
    return false;
}

template<typename Enum, size_t N>
QList<Enum> valuesOf(const KeyEntry<Enum> (&table)[N])
{
    QList<Enum> values;
    values.reserve(qsizetype(N));
    for (const auto &entry : table)
        values.append(entry.value);
    return values;
}

QString ordinal(int n)
{
    const int lastTwo = n % 100;
    if (lastTwo >= 11 && lastTwo <= 13)
        return RuleText::tr("%1th").arg(n);
    switch (n % 10) {
    case 1: return RuleText::tr("%1st").arg(n);
    case 2: return RuleText::tr("%1nd").arg(n);
    case 3: return RuleText::tr("%1rd").arg(n);
    default: return RuleText::tr("%1th").arg(n);
    }
}

void validateCondition(const RuleCondition &condition, const QString &path, QList<RuleProblem> *problems)
{
    auto report = [&](const QString &field, const QString &message) {
        problems->append(RuleProblem{path + field, message});
    };

    if (condition.isStateful()) {
        if (condition.subject == ConditionSubject::UserSessions) {
            if (condition.count < 0 || condition.count > Rules::MaxDistinctSessions)
                report(QStringLiteral(".count"),
                       RuleText::tr("The session count must be 0 to %1, not %2.")
                           .arg(Rules::MaxDistinctSessions)
                           .arg(condition.count));
            if (condition.windowSeconds < 1 || condition.windowSeconds > Rules::MaxWindowSeconds)
                report(QStringLiteral(".windowSeconds"),
                       RuleText::tr("The time window must be 1 to %1 seconds, not %2.")
                           .arg(Rules::MaxWindowSeconds)
                           .arg(condition.windowSeconds));
        } else if (condition.count < 1 || condition.count > Rules::MaxCount) {
            report(QStringLiteral(".count"),
                   RuleText::tr("The callback number must be 1 to %1, not %2.").arg(Rules::MaxCount).arg(condition.count));
        }
        return;
    }

    if (condition.subject == ConditionSubject::Field) {
        if (condition.name.trimmed().isEmpty())
            report(QStringLiteral(".name"), RuleText::tr("Enter the field path, such as requestMetadata.remoteAddr."));
        else if (condition.name.split(QLatin1Char('.')).contains(QString()))
            report(QStringLiteral(".name"),
                   RuleText::tr("The field path \"%1\" has an empty part between dots.").arg(condition.name));
    }
    if (condition.subject == ConditionSubject::Header && condition.name.trimmed().isEmpty())
        report(QStringLiteral(".name"), RuleText::tr("Enter the header name, such as User-Agent."));

    switch (condition.op) {
    case ConditionOperator::OneOf:
        if (condition.values.isEmpty())
            report(QStringLiteral(".values"), RuleText::tr("Enter at least one value."));
        break;
    case ConditionOperator::Regex: {
        const QRegularExpression expression(condition.value);
        if (!expression.isValid())
            report(QStringLiteral(".value"),
                   RuleText::tr("Invalid regular expression at character %1: %2.")
                       .arg(expression.patternErrorOffset())
                       .arg(expression.errorString()));
        break;
    }
    case ConditionOperator::Glob: {
        const QRegularExpression expression(Rules::globToRegularExpression(condition.value));
        if (!expression.isValid())
            report(QStringLiteral(".value"), RuleText::tr("Invalid wildcard pattern: %1.").arg(expression.errorString()));
        break;
    }
    case ConditionOperator::Equals:
    case ConditionOperator::Present:
    case ConditionOperator::Absent:
        break;
    }
}

void validateAction(const RuleAction &action, QList<RuleProblem> *problems)
{
    auto report = [&](const QString &field, const QString &message) {
        problems->append(RuleProblem{QStringLiteral("action.") + field, message});
    };

    if (action.kind == ActionKind::Deny && (action.status < 100 || action.status > 599))
        report(QStringLiteral("status"), RuleText::tr("The HTTP status must be 100 to 599, not %1.").arg(action.status));
    if (action.delayMs < 0 || action.delayMs > RuleAction::MaxDelayMs)
        report(QStringLiteral("delayMs"),
               RuleText::tr("The delay must be 0 to %1 ms, not %2.").arg(RuleAction::MaxDelayMs).arg(action.delayMs));
    if (action.contentTypeMode == ContentTypeMode::Custom
        && (action.contentType.trimmed().isEmpty() || action.contentType.contains(QLatin1Char('\n'))
            || action.contentType.contains(QLatin1Char('\r'))))
        report(QStringLiteral("contentType"), RuleText::tr("Enter a Content-Type on one line, such as text/html."));
    if (action.trickle && (action.trickleChunkBytes < 1 || action.trickleChunkBytes > 65536))
        report(QStringLiteral("trickleChunkBytes"),
               RuleText::tr("The trickle piece size must be 1 to 65536 bytes, not %1.").arg(action.trickleChunkBytes));
    if (action.trickle && (action.trickleIntervalMs < 0 || action.trickleIntervalMs > 60000))
        report(QStringLiteral("trickleIntervalMs"),
               RuleText::tr("The trickle pause must be 0 to 60000 ms, not %1.").arg(action.trickleIntervalMs));
}

RuleCondition equalsCondition(ConditionSubject subject, const QString &value)
{
    RuleCondition condition;
    condition.subject = subject;
    condition.op = ConditionOperator::Equals;
    condition.value = value;
    return condition;
}

} // namespace

bool RuleCondition::isStateful() const
{
    return subject == ConditionSubject::SessionCallbacks || subject == ConditionSubject::UserCallbacks
        || subject == ConditionSubject::UserSessions;
}

bool RuleCondition::operator==(const RuleCondition &other) const
{
    return subject == other.subject && name == other.name && op == other.op && value == other.value
        && values == other.values && ignoreCase == other.ignoreCase && negate == other.negate
        && count == other.count && windowSeconds == other.windowSeconds;
}

bool RuleAction::operator==(const RuleAction &other) const
{
    return kind == other.kind && crtSource == other.crtSource && crt == other.crt && status == other.status
        && customBody == other.customBody && body == other.body && contentTypeMode == other.contentTypeMode
        && contentType == other.contentType && delayMs == other.delayMs && trickle == other.trickle
        && trickleChunkBytes == other.trickleChunkBytes && trickleIntervalMs == other.trickleIntervalMs;
}

QString Rule::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

bool Rule::operator==(const Rule &other) const
{
    return id == other.id && name == other.name && enabled == other.enabled && negate == other.negate
        && conditions == other.conditions && action == other.action;
}

namespace Rules {

QList<RuleProblem> validate(const Rule &rule)
{
    QList<RuleProblem> problems;
    if (rule.name.trimmed().isEmpty())
        problems.append(RuleProblem{QStringLiteral("name"), RuleText::tr("Enter a name for the rule.")});
    for (int i = 0; i < rule.conditions.size(); ++i)
        validateCondition(rule.conditions.at(i), QStringLiteral("conditions[%1]").arg(i), &problems);
    validateAction(rule.action, &problems);
    return problems;
}

QString globToRegularExpression(const QString &glob)
{
    QString pattern;
    pattern.reserve(glob.size() * 2 + 8);
    pattern += QLatin1String("\\A(?:");
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == QLatin1Char('*')) {
            pattern += QLatin1String(".*");
        } else if (c == QLatin1Char('?')) {
            pattern += QLatin1Char('.');
        } else if (c == QLatin1Char('[')) {
            // A set runs to the next ']'; a ']' right after '[' or "[!" belongs to the set.
            qsizetype end = i + 1;
            if (end < glob.size() && glob.at(end) == QLatin1Char('!'))
                ++end;
            if (end < glob.size() && glob.at(end) == QLatin1Char(']'))
                ++end;
            while (end < glob.size() && glob.at(end) != QLatin1Char(']'))
                ++end;
            if (end >= glob.size()) {
                pattern += QLatin1String("\\[");
                continue;
            }
            QString set = glob.mid(i + 1, end - i - 1);
            pattern += QLatin1Char('[');
            if (set.startsWith(QLatin1Char('!'))) {
                pattern += QLatin1Char('^');
                set.remove(0, 1);
            }
            set.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            set.replace(QLatin1Char('['), QLatin1String("\\["));
            if (set.startsWith(QLatin1Char(']')))
                set.replace(0, 1, QLatin1String("\\]"));
            pattern += set;
            pattern += QLatin1Char(']');
            i = end;
        } else {
            pattern += QRegularExpression::escape(QString(c));
        }
    }
    pattern += QLatin1String(")\\z");
    return pattern;
}

QJsonObject brokenCrtExample()
{
    return QJsonObject{
        {QStringLiteral("hdcpLevel"), QStringLiteral("HDCP 2.2")},
        {QStringLiteral("keyExpireTime"), -1},
        {QStringLiteral("storeLicense"), QStringLiteral("true")},
    };
}

Rule fromExchange(const Exchange &exchange, int denyStatus)
{
    const CallbackFields &callback = exchange.callback;
    Rule rule;
    rule.id = Rule::newId();
    rule.name = RuleText::tr("Deny %1 for %2").arg(callback.asset, callback.user);

    rule.conditions.append(equalsCondition(ConditionSubject::Asset, callback.asset));
    rule.conditions.append(equalsCondition(ConditionSubject::User, callback.user));
    rule.conditions.append(equalsCondition(ConditionSubject::Session, callback.session));
    if (callback.drmSchemeText.isEmpty()) {
        RuleCondition scheme;
        scheme.subject = ConditionSubject::DrmScheme;
        scheme.op = ConditionOperator::Absent;
        rule.conditions.append(scheme);
    } else {
        rule.conditions.append(equalsCondition(ConditionSubject::DrmScheme, callback.drmSchemeText));
    }

    rule.action.kind = ActionKind::Deny;
    rule.action.status = denyStatus;
    return rule;
}

Rule fromAsset(const QString &asset, int denyStatus)
{
    Rule rule;
    rule.id = Rule::newId();
    rule.name = RuleText::tr("Deny %1").arg(asset);
    rule.conditions.append(equalsCondition(ConditionSubject::Asset, asset));
    rule.action.kind = ActionKind::Deny;
    rule.action.status = denyStatus;
    return rule;
}

QString subjectKey(ConditionSubject subject) { return keyOf(SubjectKeys, subject); }
bool subjectFromKey(const QString &key, ConditionSubject *subject) { return valueOf(SubjectKeys, key, subject); }
QString operatorKey(ConditionOperator op) { return keyOf(OperatorKeys, op); }
bool operatorFromKey(const QString &key, ConditionOperator *op) { return valueOf(OperatorKeys, key, op); }
QString actionKindKey(ActionKind kind) { return keyOf(ActionKindKeys, kind); }
bool actionKindFromKey(const QString &key, ActionKind *kind) { return valueOf(ActionKindKeys, key, kind); }
QString crtSourceKey(CrtSource source) { return keyOf(CrtSourceKeys, source); }
bool crtSourceFromKey(const QString &key, CrtSource *source) { return valueOf(CrtSourceKeys, key, source); }
QString contentTypeModeKey(ContentTypeMode mode) { return keyOf(ContentTypeModeKeys, mode); }
bool contentTypeModeFromKey(const QString &key, ContentTypeMode *mode) { return valueOf(ContentTypeModeKeys, key, mode); }

QList<ConditionSubject> allSubjects() { return valuesOf(SubjectKeys); }
QList<ConditionOperator> allOperators() { return valuesOf(OperatorKeys); }
QList<ActionKind> allActionKinds() { return valuesOf(ActionKindKeys); }

} // namespace Rules

QString RuleText::subjectLabel(ConditionSubject subject)
{
    switch (subject) {
    case ConditionSubject::Asset: return tr("asset");
    case ConditionSubject::User: return tr("user");
    case ConditionSubject::Session: return tr("session");
    case ConditionSubject::DrmScheme: return tr("DRM scheme");
    case ConditionSubject::RemoteAddr: return tr("viewer IP address");
    case ConditionSubject::UserAgent: return tr("viewer user agent");
    case ConditionSubject::ExtraData: return tr("extra data");
    case ConditionSubject::Field: return tr("field");
    case ConditionSubject::Method: return tr("HTTP method");
    case ConditionSubject::Header: return tr("request header");
    case ConditionSubject::SessionCallbacks: return tr("callbacks of the session");
    case ConditionSubject::UserCallbacks: return tr("callbacks of the user");
    case ConditionSubject::UserSessions: return tr("sessions of the user");
    }
    return QString();
}

QString RuleText::operatorLabel(ConditionOperator op)
{
    switch (op) {
    case ConditionOperator::Equals: return tr("equals");
    case ConditionOperator::OneOf: return tr("is one of");
    case ConditionOperator::Glob: return tr("matches wildcard");
    case ConditionOperator::Regex: return tr("matches regular expression");
    case ConditionOperator::Present: return tr("is present");
    case ConditionOperator::Absent: return tr("is absent");
    }
    return QString();
}

QString RuleText::actionKindLabel(ActionKind kind)
{
    switch (kind) {
    case ActionKind::Allow: return tr("Allow");
    case ActionKind::Deny: return tr("Deny");
    case ActionKind::CloseConnection: return tr("Fault: close the connection without a reply");
    case ActionKind::NeverReply: return tr("Fault: never reply");
    case ActionKind::EmptyBody: return tr("Fault: 200 with an empty body");
    case ActionKind::NotJson: return tr("Fault: 200 with a body that is not JSON");
    case ActionKind::BrokenCrt: return tr("Fault: 200 with a CRT that breaks the contract");
    }
    return QString();
}

QString RuleText::crtSourceLabel(CrtSource source)
{
    switch (source) {
    case CrtSource::Default: return tr("default CRT");
    case CrtSource::Scheme: return tr("CRT of the DRM scheme");
    case CrtSource::Rule: return tr("the rule's own CRT");
    case CrtSource::None: return tr("no CRT");
    }
    return QString();
}

QString RuleText::describe(const RuleCondition &condition)
{
    QString subject = subjectLabel(condition.subject);
    if (condition.subject == ConditionSubject::Field || condition.subject == ConditionSubject::Header)
        subject = QStringLiteral("%1 %2").arg(subject, condition.name);

    QString text;
    switch (condition.subject) {
    case ConditionSubject::SessionCallbacks:
        text = tr("%1 or later callback of the session").arg(ordinal(condition.count));
        break;
    case ConditionSubject::UserCallbacks:
        text = tr("%1 or later callback of the user").arg(ordinal(condition.count));
        break;
    case ConditionSubject::UserSessions:
        text = tr("user has more than %1 sessions within %2 s").arg(condition.count).arg(condition.windowSeconds);
        break;
    default:
        switch (condition.op) {
        case ConditionOperator::OneOf:
            text = QStringLiteral("%1 %2 %3").arg(subject, operatorLabel(condition.op),
                                                  condition.values.join(QStringLiteral(", ")));
            break;
        case ConditionOperator::Present:
        case ConditionOperator::Absent:
            text = QStringLiteral("%1 %2").arg(subject, operatorLabel(condition.op));
            break;
        default:
            text = QStringLiteral("%1 %2 %3").arg(subject, operatorLabel(condition.op), condition.value);
            break;
        }
        if (condition.ignoreCase)
            text = tr("%1 (ignoring case)").arg(text);
        break;
    }
    return condition.negate ? tr("not (%1)").arg(text) : text;
}

QString RuleText::describe(const RuleAction &action)
{
    QString text;
    switch (action.kind) {
    case ActionKind::Allow:
        text = tr("allow with %1").arg(crtSourceLabel(action.crtSource));
        break;
    case ActionKind::Deny:
        text = tr("deny %1").arg(action.status);
        break;
    default:
        text = actionKindLabel(action.kind);
        break;
    }
    if (action.sendsResponse() && action.contentTypeMode == ContentTypeMode::Custom)
        text = tr("%1, Content-Type %2").arg(text, action.contentType);
    if (action.sendsResponse() && action.contentTypeMode == ContentTypeMode::Omit)
        text = tr("%1, no Content-Type").arg(text);
    if (action.sendsResponse() && action.trickle)
        text = tr("%1, sent slowly").arg(text);
    if (action.delayMs > 0)
        text = tr("%1 after %2 ms").arg(text).arg(action.delayMs);
    return text;
}
