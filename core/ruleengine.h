// Evaluation of rules against a callback. CompiledRules is built once per
// change of the rule list (regular expressions compiled, paths split) and
// shared read-only; RuleEngine keeps the per-session and per-user counters
// that stateful conditions read.
#pragma once

#include "rule.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QVarLengthArray>

#include <atomic>
#include <functional>

// Counters of one callback as the stateful conditions see them, the callback
// itself included.
struct CallbackCounts
{
    quint64 sessionCallbacks = 0;            // callbacks of this session so far
    quint64 userCallbacks = 0;               // callbacks of this user so far
    QVarLengthArray<int, 4> sessionsInWindow; // distinct sessions of the user, per CompiledRules::windowsMs()
};

// A rule list prepared for evaluation. Immutable and thread-safe once built.
class CompiledRules
{
public:
    explicit CompiledRules(const QList<Rule> &rules = {});

    // The rule list this was built from.
    const QList<Rule> &rules() const { return m_source; }

    // True when rules is the very list this was built from, unchanged. Relies
    // on QList's implicit sharing: any edit of a copy detaches it.
    bool isCompiledFrom(const QList<Rule> &rules) const;

    bool isValid(int ruleIndex) const;
    QList<RuleProblem> problems(int ruleIndex) const;
    bool hasProblems() const;

    // Distinct time windows of UserSessions conditions, in milliseconds.
    const QList<qint64> &windowsMs() const { return m_windowsMs; }

    // The index in rules() of the first enabled, valid rule that matches, or -1.
    int firstMatch(const CallbackFields &callback, const RawRequest &request, const CallbackCounts &counts) const;

    // The compact reply body {"payload": crt} of the rule's action when it
    // sends its own CRT (CrtSource::Rule or BrokenCrt), serialized once;
    // empty otherwise.
    QByteArray payloadBody(int ruleIndex) const;

private:
    struct Condition
    {
        ConditionSubject subject = ConditionSubject::Asset;
        ConditionOperator op = ConditionOperator::Equals;
        bool negate = false;
        Qt::CaseSensitivity caseSensitivity = Qt::CaseSensitive;
        QString value;
        QSet<QString> oneOf;       // case-folded when ignoring case
        QRegularExpression expression;
        QString globPrefix;        // Glob: literal text every match starts with
        QString globSuffix;        // Glob: literal text every match ends with
        QStringList path;          // Field
        QByteArray headerName;     // Header
        quint64 count = 0;
        int windowIndex = -1;      // UserSessions: index into m_windowsMs
    };

    struct CompiledRule
    {
        bool enabled = true;
        bool negate = false;
        QList<Condition> conditions;
        QList<RuleProblem> problems;
        QByteArray payloadBody;
    };

    Condition compile(const RuleCondition &condition);
    bool holds(const Condition &condition, const CallbackFields &callback, const RawRequest &request,
               const CallbackCounts &counts) const;
    bool testValue(const Condition &condition, const CallbackFields &callback, const RawRequest &request) const;
    bool testText(const Condition &condition, const QString &text) const;

    QList<Rule> m_source;
    QList<CompiledRule> m_rules;
    QList<qint64> m_windowsMs;
};

// One row of the counter table.
struct SessionCounter
{
    QString session;
    QString user;           // user of the session's latest callback
    quint64 callbacks = 0;
    qint64 firstSeenMs = 0; // clock milliseconds
    qint64 lastSeenMs = 0;
};

struct UserCounter
{
    QString user;
    quint64 callbacks = 0;
    int recentSessions = 0; // distinct sessions within the retention time
    qint64 firstSeenMs = 0;
    qint64 lastSeenMs = 0;
};

struct CounterSnapshot
{
    QList<SessionCounter> sessions;  // most recently seen first
    QList<UserCounter> users;        // most recently seen first
    qint64 takenAtMs = 0;
};

// Counts callbacks per session and per user for stateful conditions.
// Thread-safe. Memory stays bounded: entries not seen for the retention time
// are dropped, and past maxEntries the least recently seen are dropped.
class RuleEngine
{
public:
    // Milliseconds; must not run backwards. The default counts from the
    // Unix epoch at start-up with a monotonic timer.
    using Clock = std::function<qint64()>;

    static constexpr qint64 DefaultRetentionMs = qint64(Rules::MaxWindowSeconds) * 1000;
    static constexpr int DefaultMaxEntries = 100000;
    static constexpr int MaxSessionsPerUser = Rules::MaxDistinctSessions + 1;

    RuleEngine();

    // Not synchronized with record(): set the clock before callbacks arrive.
    void setClock(Clock clock);
    qint64 now() const;

    // Counts the callback for its session and user and returns its counts.
    // Callbacks without a session or user are not counted for it.
    CallbackCounts record(const CallbackFields &callback, const QList<qint64> &windowsMs);

    // Records the callback, then returns the index of the first matching rule, or -1.
    int match(const CompiledRules &rules, const CallbackFields &callback, const RawRequest &request);

    CounterSnapshot counters() const;
    void resetCounters();
    void resetSession(const QString &session);
    void resetUser(const QString &user);

    // Bumped by every change of the counters, so a view can poll cheaply.
    quint64 changeCount() const { return m_changeCount.load(std::memory_order_relaxed); }

    void setRetentionMs(qint64 milliseconds);
    qint64 retentionMs() const;
    void setMaxEntries(int entries);
    int maxEntries() const;

private:
    struct RecentSession
    {
        QString session;
        qint64 lastSeenMs = 0;
    };

    struct SessionState
    {
        QString user;
        quint64 callbacks = 0;
        qint64 firstSeenMs = 0;
        qint64 lastSeenMs = 0;
    };

    struct UserState
    {
        quint64 callbacks = 0;
        qint64 firstSeenMs = 0;
        qint64 lastSeenMs = 0;
        QList<RecentSession> recentSessions;  // oldest first
    };

    void noteRecentSession(UserState &user, const QString &session, qint64 now);
    void prune(qint64 now);

    Clock m_clock;
    mutable QMutex m_mutex;
    QHash<QString, SessionState> m_sessions;
    QHash<QString, UserState> m_users;
    qint64 m_retentionMs = DefaultRetentionMs;
    int m_maxEntries = DefaultMaxEntries;
    int m_recordsSincePrune = 0;
    std::atomic<quint64> m_changeCount{0};
};
