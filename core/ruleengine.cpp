#include "ruleengine.h"

#include "responsesettings.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>

namespace {

// Removals run every this many records, and whenever a table outgrows its limit.
constexpr int PruneInterval = 4096;

qint64 monotonicEpochMs()
{
    static const qint64 startMs = QDateTime::currentMSecsSinceEpoch();
    static const QElapsedTimer timer = [] {
        QElapsedTimer started;
        started.start();
        return started;
    }();
    return startMs + timer.elapsed();
}

QString jsonText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        if (number == double(qint64(number)) && qAbs(number) < 9007199254740992.0)
            return QString::number(qint64(number));
        return QString::number(number, 'g', QLocale::FloatingPointShortest);
    }
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Undefined:
        break;
    }
    return QString();
}

QJsonValue valueAtPath(const QJsonObject &fields, const QStringList &path)
{
    if (path.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    const auto top = fields.constFind(path.constFirst());
    if (top == fields.constEnd())
        return QJsonValue(QJsonValue::Undefined);

    QJsonValue current = top.value();
    for (qsizetype i = 1; i < path.size(); ++i) {
        const QString &segment = path.at(i);
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto found = object.constFind(segment);
            if (found == object.constEnd())
                return QJsonValue(QJsonValue::Undefined);
            current = found.value();
        } else if (current.isArray()) {
            bool isIndex = false;
            const int index = segment.toInt(&isIndex);
            const QJsonArray array = current.toArray();
            if (!isIndex || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

// The literal text before the first and after the last wildcard of a glob.
// Testing them first rejects most values without running the expression.
void splitGlobLiterals(const QString &glob, QString *prefix, QString *suffix)
{
    const auto isWildcard = [](QChar c) {
        return c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('[');
    };
    qsizetype first = 0;
    while (first < glob.size() && !isWildcard(glob.at(first)))
        ++first;
    if (first == glob.size()) {
        *prefix = glob;  // no wildcard: the whole value must equal the glob
        suffix->clear();
        return;
    }
    qsizetype last = glob.size();
    while (last > first && !isWildcard(glob.at(last - 1)))
        --last;
    // A ']' at the end may close a set, so the suffix is only trusted without one.
    *prefix = glob.left(first);
    *suffix = glob.mid(last).contains(QLatin1Char(']')) ? QString() : glob.mid(last);
}

const QString &namedField(ConditionSubject subject, const CallbackFields &callback)
{
    switch (subject) {
    case ConditionSubject::User: return callback.user;
    case ConditionSubject::Session: return callback.session;
    case ConditionSubject::DrmScheme: return callback.drmSchemeText;
    case ConditionSubject::RemoteAddr: return callback.remoteAddr;
    case ConditionSubject::UserAgent: return callback.userAgent;
    case ConditionSubject::ExtraData: return callback.extraData;
    default: break;
    }
    static const QString empty;
    return empty;
}

} // namespace

CompiledRules::CompiledRules(const QList<Rule> &rules)
    : m_source(rules)
{
    m_rules.reserve(rules.size());
    for (const Rule &rule : rules) {
        CompiledRule compiled;
        compiled.enabled = rule.enabled;
        compiled.negate = rule.negate;
        compiled.problems = Rules::validate(rule);
        compiled.conditions.reserve(rule.conditions.size());
        for (const RuleCondition &condition : rule.conditions)
            compiled.conditions.append(compile(condition));
        if (rule.action.kind == ActionKind::BrokenCrt)
            compiled.payloadBody = crtPayloadBody(rule.action.crt.isEmpty() ? Rules::brokenCrtExample() : rule.action.crt);
        else if (rule.action.kind == ActionKind::Allow && rule.action.crtSource == CrtSource::Rule)
            compiled.payloadBody = crtPayloadBody(rule.action.crt);
        m_rules.append(std::move(compiled));
    }
}

CompiledRules::Condition CompiledRules::compile(const RuleCondition &condition)
{
    Condition compiled;
    compiled.subject = condition.subject;
    compiled.op = condition.op;
    compiled.negate = condition.negate;
    compiled.caseSensitivity = condition.ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    compiled.value = condition.value;
    compiled.count = quint64(qMax(0, condition.count));

    if (condition.subject == ConditionSubject::UserSessions) {
        const qint64 windowMs = qint64(condition.windowSeconds) * 1000;
        compiled.windowIndex = int(m_windowsMs.indexOf(windowMs));
        if (compiled.windowIndex < 0) {
            compiled.windowIndex = int(m_windowsMs.size());
            m_windowsMs.append(windowMs);
        }
        return compiled;
    }
    if (condition.isStateful())
        return compiled;

    if (condition.subject == ConditionSubject::Field)
        compiled.path = condition.name.split(QLatin1Char('.'));
    if (condition.subject == ConditionSubject::Header)
        compiled.headerName = condition.name.trimmed().toLatin1();

    switch (condition.op) {
    case ConditionOperator::OneOf:
        for (const QString &value : condition.values)
            compiled.oneOf.insert(condition.ignoreCase ? value.toCaseFolded() : value);
        break;
    case ConditionOperator::Glob:
    case ConditionOperator::Regex: {
        QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
        if (condition.ignoreCase)
            options |= QRegularExpression::CaseInsensitiveOption;
        if (condition.op == ConditionOperator::Glob)
            options |= QRegularExpression::DotMatchesEverythingOption;  // * and ? match line breaks too
        const QString pattern = condition.op == ConditionOperator::Glob ? Rules::globToRegularExpression(condition.value)
                                                                        : condition.value;
        compiled.expression = QRegularExpression(pattern, options);
        if (compiled.expression.isValid())
            compiled.expression.optimize();
        // Case folding of QString and PCRE may differ outside ASCII, so the
        // literal shortcut is taken only when case matters.
        if (condition.op == ConditionOperator::Glob && !condition.ignoreCase)
            splitGlobLiterals(condition.value, &compiled.globPrefix, &compiled.globSuffix);
        break;
    }
    case ConditionOperator::Equals:
    case ConditionOperator::Present:
    case ConditionOperator::Absent:
        break;
    }
    return compiled;
}

bool CompiledRules::isCompiledFrom(const QList<Rule> &rules) const
{
    return m_source.isSharedWith(rules) || (m_source.isEmpty() && rules.isEmpty());
}

bool CompiledRules::isValid(int ruleIndex) const
{
    return ruleIndex >= 0 && ruleIndex < m_rules.size() && m_rules.at(ruleIndex).problems.isEmpty();
}

QList<RuleProblem> CompiledRules::problems(int ruleIndex) const
{
    return ruleIndex >= 0 && ruleIndex < m_rules.size() ? m_rules.at(ruleIndex).problems : QList<RuleProblem>();
}

QByteArray CompiledRules::payloadBody(int ruleIndex) const
{
    return ruleIndex >= 0 && ruleIndex < m_rules.size() ? m_rules.at(ruleIndex).payloadBody : QByteArray();
}

bool CompiledRules::hasProblems() const
{
    return std::any_of(m_rules.cbegin(), m_rules.cend(), [](const CompiledRule &rule) { return !rule.problems.isEmpty(); });
}

int CompiledRules::firstMatch(const CallbackFields &callback, const RawRequest &request,
                              const CallbackCounts &counts) const
{
    for (int i = 0; i < m_rules.size(); ++i) {
        const CompiledRule &rule = m_rules.at(i);
        if (!rule.enabled || !rule.problems.isEmpty())
            continue;

        bool allHold = true;
        for (const Condition &condition : rule.conditions) {
            if (!holds(condition, callback, request, counts)) {
                allHold = false;
                break;
            }
        }
        if (allHold != rule.negate)
            return i;
    }
    return -1;
}

bool CompiledRules::holds(const Condition &condition, const CallbackFields &callback, const RawRequest &request,
                          const CallbackCounts &counts) const
{
    bool result = false;
    switch (condition.subject) {
    case ConditionSubject::SessionCallbacks:
        result = counts.sessionCallbacks >= condition.count;
        break;
    case ConditionSubject::UserCallbacks:
        result = counts.userCallbacks >= condition.count;
        break;
    case ConditionSubject::UserSessions:
        result = condition.windowIndex < counts.sessionsInWindow.size()
            && quint64(counts.sessionsInWindow.at(condition.windowIndex)) > condition.count;
        break;
    default:
        result = testValue(condition, callback, request);
        break;
    }
    return result != condition.negate;
}

bool CompiledRules::testValue(const Condition &condition, const CallbackFields &callback,
                              const RawRequest &request) const
{
    const bool wantPresent = condition.op == ConditionOperator::Present;
    const bool wantAbsent = condition.op == ConditionOperator::Absent;

    switch (condition.subject) {
    case ConditionSubject::Asset: {
        // Older parsers fill only asset; treat it as the one asset then.
        const QStringList single = callback.assets.isEmpty() && !callback.asset.isEmpty() ? QStringList{callback.asset}
                                                                                          : QStringList();
        const QStringList &assets = single.isEmpty() ? callback.assets : single;
        bool present = false;
        for (const QString &asset : assets) {
            if (asset.isEmpty())
                continue;
            present = true;
            if (!wantPresent && !wantAbsent && testText(condition, asset))
                return true;
        }
        if (wantPresent)
            return present;
        if (wantAbsent)
            return !present;
        return false;
    }

    case ConditionSubject::Method: {
        const QString method = QString::fromLatin1(request.method);
        if (wantPresent || wantAbsent)
            return method.isEmpty() == wantAbsent;
        return !method.isEmpty() && testText(condition, method);
    }

    case ConditionSubject::Header: {
        bool present = false;
        for (const auto &header : request.headers) {
            if (header.first.compare(condition.headerName, Qt::CaseInsensitive) != 0)
                continue;
            present = true;
            if (!wantPresent && !wantAbsent && testText(condition, QString::fromUtf8(header.second)))
                return true;
        }
        if (wantPresent)
            return present;
        if (wantAbsent)
            return !present;
        return false;
    }

    case ConditionSubject::Field: {
        const QJsonValue value = valueAtPath(callback.fields, condition.path);
        if (wantPresent || wantAbsent)
            return value.isUndefined() == wantAbsent;
        if (value.isUndefined())
            return false;
        if (value.isArray()) {
            // An array matches when any one element does, as with several assets.
            const QJsonArray array = value.toArray();
            for (const QJsonValue &element : array) {
                if (testText(condition, jsonText(element)))
                    return true;
            }
            return false;
        }
        return testText(condition, jsonText(value));
    }

    default: {
        const QString &text = namedField(condition.subject, callback);
        if (wantPresent || wantAbsent)
            return text.isEmpty() == wantAbsent;
        return !text.isEmpty() && testText(condition, text);
    }
    }
}

bool CompiledRules::testText(const Condition &condition, const QString &text) const
{
    switch (condition.op) {
    case ConditionOperator::Equals:
        // operator== compares sizes first, which rejects most values at once.
        return condition.caseSensitivity == Qt::CaseSensitive ? text == condition.value
                                                              : text.compare(condition.value, Qt::CaseInsensitive) == 0;
    case ConditionOperator::OneOf:
        return condition.oneOf.contains(condition.caseSensitivity == Qt::CaseInsensitive ? text.toCaseFolded() : text);
    case ConditionOperator::Glob:
        if (!text.startsWith(condition.globPrefix) || !text.endsWith(condition.globSuffix))
            return false;
        return condition.expression.isValid() && condition.expression.match(text).hasMatch();
    case ConditionOperator::Regex:
        return condition.expression.isValid() && condition.expression.match(text).hasMatch();
    case ConditionOperator::Present:
        return true;
    case ConditionOperator::Absent:
        return false;
    }
    return false;
}

RuleEngine::RuleEngine()
    : m_clock(&monotonicEpochMs)
{
}

void RuleEngine::setClock(Clock clock)
{
    m_clock = clock ? std::move(clock) : Clock(&monotonicEpochMs);
}

qint64 RuleEngine::now() const
{
    return m_clock();
}

CallbackCounts RuleEngine::record(const CallbackFields &callback, const QList<qint64> &windowsMs)
{
    CallbackCounts counts;
    counts.sessionsInWindow.resize(windowsMs.size());
    std::fill(counts.sessionsInWindow.begin(), counts.sessionsInWindow.end(), 0);
    if (callback.session.isEmpty() && callback.user.isEmpty())
        return counts;

    const qint64 now = m_clock();
    QMutexLocker locker(&m_mutex);

    if (++m_recordsSincePrune >= PruneInterval || m_sessions.size() > m_maxEntries || m_users.size() > m_maxEntries)
        prune(now);

    if (!callback.session.isEmpty()) {
        SessionState &session = m_sessions[callback.session];
        if (session.callbacks == 0)
            session.firstSeenMs = now;
        ++session.callbacks;
        session.lastSeenMs = now;
        if (session.user != callback.user)
            session.user = callback.user;
        counts.sessionCallbacks = session.callbacks;
    }

    if (!callback.user.isEmpty()) {
        UserState &user = m_users[callback.user];
        if (user.callbacks == 0)
            user.firstSeenMs = now;
        ++user.callbacks;
        user.lastSeenMs = now;
        counts.userCallbacks = user.callbacks;

        if (!callback.session.isEmpty())
            noteRecentSession(user, callback.session, now);

        // Sessions are ordered by last callback, so count from the newest back.
        for (int w = 0; w < windowsMs.size(); ++w) {
            const qint64 since = now - windowsMs.at(w);
            int inWindow = 0;
            for (qsizetype i = user.recentSessions.size() - 1; i >= 0 && user.recentSessions.at(i).lastSeenMs >= since; --i)
                ++inWindow;
            counts.sessionsInWindow[w] = inWindow;
        }
    }

    m_changeCount.fetch_add(1, std::memory_order_relaxed);
    return counts;
}

void RuleEngine::noteRecentSession(UserState &user, const QString &session, qint64 now)
{
    QList<RecentSession> &recent = user.recentSessions;
    if (!recent.isEmpty() && recent.constLast().session == session) {
        recent.last().lastSeenMs = now;
    } else {
        for (qsizetype i = recent.size() - 1; i >= 0; --i) {
            if (recent.at(i).session == session) {
                recent.removeAt(i);
                break;
            }
        }
        recent.append(RecentSession{session, now});
    }

    const qint64 cutoff = now - m_retentionMs;
    qsizetype stale = 0;
    while (stale < recent.size() && recent.at(stale).lastSeenMs < cutoff)
        ++stale;
    stale = qMax(stale, recent.size() - MaxSessionsPerUser);
    if (stale > 0)
        recent.remove(0, stale);
}

int RuleEngine::match(const CompiledRules &rules, const CallbackFields &callback, const RawRequest &request)
{
    const CallbackCounts counts = record(callback, rules.windowsMs());
    return rules.firstMatch(callback, request, counts);
}

void RuleEngine::prune(qint64 now)
{
    m_recordsSincePrune = 0;
    const qint64 cutoff = now - m_retentionMs;

    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->lastSeenMs < cutoff ? m_sessions.erase(it) : std::next(it);
    for (auto it = m_users.begin(); it != m_users.end();)
        it = it->lastSeenMs < cutoff ? m_users.erase(it) : std::next(it);

    // Past the limit, keep the newest 90% so pruning does not run on every record.
    auto dropOldest = [this](auto &table) {
        if (table.size() <= m_maxEntries)
            return;
        const qsizetype keep = qMax<qsizetype>(1, qsizetype(m_maxEntries) * 9 / 10);
        QList<qint64> seen;
        seen.reserve(table.size());
        for (auto it = table.cbegin(); it != table.cend(); ++it)
            seen.append(it->lastSeenMs);
        const qsizetype dropCount = table.size() - keep;
        std::nth_element(seen.begin(), seen.begin() + dropCount, seen.end());
        const qint64 threshold = seen.at(dropCount);
        qsizetype dropped = 0;
        for (auto it = table.begin(); it != table.end();) {
            if (dropped < dropCount && it->lastSeenMs < threshold) {
                it = table.erase(it);
                ++dropped;
            } else {
                ++it;
            }
        }
        // Entries seen at the threshold time itself go next, when still too many.
        for (auto it = table.begin(); it != table.end() && table.size() > keep;) {
            if (it->lastSeenMs == threshold)
                it = table.erase(it);
            else
                ++it;
        }
    };
    dropOldest(m_sessions);
    dropOldest(m_users);
}

CounterSnapshot RuleEngine::counters() const
{
    CounterSnapshot snapshot;
    snapshot.takenAtMs = m_clock();
    {
        QMutexLocker locker(&m_mutex);
        snapshot.sessions.reserve(m_sessions.size());
        for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it)
            snapshot.sessions.append(SessionCounter{it.key(), it->user, it->callbacks, it->firstSeenMs, it->lastSeenMs});
        snapshot.users.reserve(m_users.size());
        for (auto it = m_users.cbegin(); it != m_users.cend(); ++it) {
            snapshot.users.append(UserCounter{it.key(), it->callbacks, int(it->recentSessions.size()), it->firstSeenMs,
                                              it->lastSeenMs});
        }
    }

    std::sort(snapshot.sessions.begin(), snapshot.sessions.end(), [](const SessionCounter &a, const SessionCounter &b) {
        return a.lastSeenMs != b.lastSeenMs ? a.lastSeenMs > b.lastSeenMs : a.session < b.session;
    });
    std::sort(snapshot.users.begin(), snapshot.users.end(), [](const UserCounter &a, const UserCounter &b) {
        return a.lastSeenMs != b.lastSeenMs ? a.lastSeenMs > b.lastSeenMs : a.user < b.user;
    });
    return snapshot;
}

void RuleEngine::resetCounters()
{
    QMutexLocker locker(&m_mutex);
    m_sessions.clear();
    m_users.clear();
    m_recordsSincePrune = 0;
    m_changeCount.fetch_add(1, std::memory_order_relaxed);
}

void RuleEngine::resetSession(const QString &session)
{
    QMutexLocker locker(&m_mutex);
    const auto found = m_sessions.find(session);
    if (found == m_sessions.end())
        return;

    // The session also stops counting towards its user's distinct sessions.
    const auto user = m_users.find(found->user);
    if (user != m_users.end()) {
        user->recentSessions.removeIf([&session](const RecentSession &recent) { return recent.session == session; });
    }
    m_sessions.erase(found);
    m_changeCount.fetch_add(1, std::memory_order_relaxed);
}

void RuleEngine::resetUser(const QString &user)
{
    QMutexLocker locker(&m_mutex);
    if (m_users.remove(user))
        m_changeCount.fetch_add(1, std::memory_order_relaxed);
}

void RuleEngine::setRetentionMs(qint64 milliseconds)
{
    QMutexLocker locker(&m_mutex);
    m_retentionMs = qMax<qint64>(1, milliseconds);
}

qint64 RuleEngine::retentionMs() const
{
    QMutexLocker locker(&m_mutex);
    return m_retentionMs;
}

void RuleEngine::setMaxEntries(int entries)
{
    QMutexLocker locker(&m_mutex);
    m_maxEntries = qMax(1, entries);
}

int RuleEngine::maxEntries() const
{
    QMutexLocker locker(&m_mutex);
    return m_maxEntries;
}
